//! The `frontline` command as a user runs it.
#![cfg(feature = "cli")]

use std::process::{Command, Output};

fn frontline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_frontline"))
        .args(args)
        .output()
        .expect("run frontline")
}

#[test]
fn resolve_json_prints_the_documented_fields_best_first() {
    let out = frontline(&["resolve", "Kharkov", "--json", "--limit", "3"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let arr = v.as_array().unwrap();
    assert!(!arr.is_empty() && arr.len() <= 3);
    let best = &arr[0];
    // Kharkiv, GeoNames 706483: 49.98177, 36.25475.
    assert_eq!(best["geonameid"], 706483);
    assert_eq!(best["lat"], 49.98177);
    assert_eq!(best["lon"], 36.25475);
    for field in [
        "name",
        "country_code",
        "admin1",
        "feature_code",
        "population",
        "score",
        "score_parts",
    ] {
        assert!(best.get(field).is_some(), "{field}");
    }
    assert_eq!(best["admin1"], "Kharkiv");
    let scores: Vec<f64> = arr.iter().map(|c| c["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn resolve_table_lists_every_novooleksandrivka_with_oblast_and_raion() {
    let out = frontline(&["resolve", "Novooleksandrivka"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let rows = text
        .lines()
        .filter(|l| l.contains(" Novooleksandrivka "))
        .count();
    assert!(rows >= 38, "{rows} rows");
    assert!(text.contains("Pokrovsk Raion"));
}

#[test]
fn resolve_with_admin1_picks_terny_in_donetsk_oblast() {
    let out = frontline(&["resolve", "Terny", "--admin1", "Donetsk", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Terny, GeoNames 691608, Lyman area: 49.09226, 37.96081.
    assert_eq!(v[0]["geonameid"], 691608);
}

#[test]
fn resolve_near_a_point_prefers_the_closest_homonym() {
    // Near Avdiivka (48.14019, 37.75008): Novooleksandrivka of Pokrovsk raion.
    let out = frontline(&[
        "resolve",
        "Novooleksandrivka",
        "--near",
        "48.14019,37.75008",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["geonameid"], 9112926);
}

#[test]
fn an_unknown_name_says_so_and_exits_1() {
    let out = frontline(&["resolve", "Qwzxyville"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no place named \"Qwzxyville\""), "{err}");
}

#[test]
fn an_empty_or_huge_name_is_an_error_not_a_panic() {
    let out = frontline(&["resolve", ""]);
    assert_eq!(out.status.code(), Some(2));
    let long = "x".repeat(10_000);
    let out = frontline(&["resolve", &long]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("10000 characters"));
}

#[test]
fn a_malformed_extra_gazetteer_names_file_line_and_field() {
    let dir = std::env::temp_dir().join(format!("frontline-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("extra.csv");
    std::fs::write(&path, "name,lat,lon\nTetkino,abc,34.9\n").unwrap();
    let out = frontline(&[
        "resolve",
        "Tetkino",
        "--gazetteer-extra",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("extra.csv: line 2: field `lat`"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_bad_near_value_is_a_usage_error() {
    let out = frontline(&["resolve", "Terny", "--near", "north"]);
    assert_eq!(out.status.code(), Some(2));
}
