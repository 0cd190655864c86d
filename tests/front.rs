//! The control timeline and the front line, end to end: articles and a
//! baseline in, control, front, contested and arrows layers out.
//!
//! Expected places and coordinates are GeoNames rows (gazetteer/places.tsv);
//! the baseline is tests/data/front/baseline-2024-06-01.csv.

mod common;
use common::ogrinfo_available;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use frontline::control::{Baseline, Control, Timeline, TimelineBuilder};
use frontline::front::{FrontMap, FrontOptions};
use frontline::{extract, Article, Certainty, Extent, Gazetteer};
use serde_json::Value;

fn gaz() -> &'static Gazetteer {
    static GAZ: OnceLock<Gazetteer> = OnceLock::new();
    GAZ.get_or_init(Gazetteer::bundled)
}

fn manifest(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn baseline_path() -> PathBuf {
    manifest("tests/data/front/baseline-2024-06-01.csv")
}

fn sample() -> String {
    std::fs::read_to_string(manifest("examples/north-korea-boots-on-the-ground.txt")).unwrap()
}

fn timeline_of(articles: &[Article], baseline: Option<&Baseline>) -> Timeline {
    let mut b = TimelineBuilder::new();
    if let Some(base) = baseline {
        b.add_baseline(base);
    }
    for a in articles {
        b.add_extraction(gaz(), &extract(gaz(), a));
    }
    b.build()
}

/// An article published on `day`.
fn dated(text: &str, day: &str) -> Article {
    Article::new(text).with_published(day).unwrap()
}

fn day(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

/// The control of a settlement (by GeoNames id) on a day.
fn control(t: &Timeline, geonameid: u32, on: &str) -> Option<Control> {
    t.history(geonameid)?.at(day(on)).map(|s| s.control)
}

const ROBOTYNE: u32 = 695586;

#[test]
fn robotyne_is_the_geonames_row_used_below() {
    let p = gaz().place_by_id(ROBOTYNE).unwrap();
    assert_eq!((&*p.name, p.lat, p.lon), ("Robotyne", 47.44781, 35.837));
}

#[test]
fn a_recapture_on_day_5_overrides_the_capture_of_day_1() {
    let t = timeline_of(
        &[
            dated("Russian forces captured Robotyne.", "2024-06-01"),
            dated("Ukrainian forces recaptured Robotyne.", "2024-06-05"),
        ],
        None,
    );
    assert_eq!(control(&t, ROBOTYNE, "2024-05-31"), None);
    assert_eq!(control(&t, ROBOTYNE, "2024-06-03"), Some(Control::RU));
    assert_eq!(control(&t, ROBOTYNE, "2024-06-06"), Some(Control::UA));
}

#[test]
fn articles_apply_in_date_order_not_input_order() {
    let t = timeline_of(
        &[
            dated("Ukrainian forces recaptured Robotyne.", "2024-06-05"),
            dated("Russian forces captured Robotyne.", "2024-06-01"),
        ],
        None,
    );
    assert_eq!(control(&t, ROBOTYNE, "2024-06-06"), Some(Control::UA));
}

#[test]
fn a_speculative_event_changes_nothing() {
    let t = timeline_of(
        &[
            dated(
                "Ukrainian forces hold Robotyne after they recaptured it.",
                "2024-06-01",
            ),
            dated(
                "Russian forces may soon capture Robotyne, analysts warn.",
                "2024-06-03",
            ),
        ],
        None,
    );
    assert_eq!(control(&t, ROBOTYNE, "2024-06-04"), Some(Control::UA));
    assert_eq!(t.skipped().speculative, 1);
}

#[test]
fn a_claim_holds_until_a_report_contradicts_it() {
    let claim = dated(
        "Russia's defence ministry claimed that its forces captured Robotyne.",
        "2024-06-10",
    );
    let t = timeline_of(std::slice::from_ref(&claim), None);
    let s = t.history(ROBOTYNE).unwrap().at(day("2024-06-11")).unwrap();
    assert_eq!((s.control, s.certainty), (Control::RU, Certainty::Claimed));

    let report = dated("Ukrainian forces recaptured Robotyne.", "2024-06-12");
    let t = timeline_of(&[claim, report], None);
    assert_eq!(control(&t, ROBOTYNE, "2024-06-11"), None);
    assert_eq!(control(&t, ROBOTYNE, "2024-06-12"), Some(Control::UA));
    assert_eq!(t.skipped().contradicted_claims, 1);
}

#[test]
fn a_historical_event_with_a_date_is_placed_at_it_and_one_without_is_kept_out() {
    let t = timeline_of(
        &[Article::new(
            "On 28 August 2023, Ukrainian forces liberated Robotyne. \
             In 2022, Russian forces had captured Kherson.",
        )
        .with_published("2024-06-27")
        .unwrap()],
        None,
    );
    let s = t.history(ROBOTYNE).unwrap().states[0].clone();
    assert_eq!((s.control, s.since), (Control::UA, day("2023-08-28")));
    // Kherson (706448): "In 2022" is a year, not a date.
    assert!(t.history(706448).is_none());
}

#[test]
fn the_sample_article_updates_the_baseline_and_gives_a_front() {
    let baseline = Baseline::read(gaz(), &baseline_path()).unwrap();
    assert_eq!(baseline.entries.len(), 13);
    let article = Article::new(sample())
        .with_id("north-korea")
        .with_published("2024-06-27")
        .unwrap();
    let t = timeline_of(&[article], Some(&baseline));
    let on = |id| control(&t, id, "2024-06-28");
    // Held before and confirmed by the article: Avdiivka (713122).
    let avdiivka = t.history(713122).unwrap().at(day("2024-06-28")).unwrap();
    assert_eq!(avdiivka.control, Control::RU);
    assert_eq!(avdiivka.since, day("2024-02-17"));
    assert_eq!(avdiivka.confirmed, day("2024-06-27"));
    // "have partially occupied ... Novooleksandrivka" (9112926, Pokrovsk raion).
    let novo = t.history(9112926).unwrap().at(day("2024-06-28")).unwrap();
    assert_eq!(
        (novo.control, novo.extent, novo.since),
        (Control::RU, Extent::Partial, day("2024-06-27"))
    );
    assert_eq!(novo.evidence.article_id, "north-korea");
    assert!(novo.evidence.sentence.contains("Novooleksandrivka"));
    // Ukraine's counterattacks at Lyptsi (702989) and Starytsia (692838).
    for id in [702989, 692838] {
        assert_eq!(on(id), Some(Control::Contested), "{id}");
    }
    // Fighting around Chasiv Yar (710915) and east of Terny (691608), both
    // Ukrainian in the baseline: beside them, so they stay Ukrainian.
    for id in [710915, 691608] {
        assert_eq!(on(id), Some(Control::UA), "{id}");
    }
    // Thirty days without news of fighting, Lyptsi is Ukraine's again.
    assert_eq!(control(&t, 702989, "2024-07-26"), Some(Control::Contested));
    assert_eq!(control(&t, 702989, "2024-07-28"), Some(Control::UA));
    // Fighting north of Kharkiv does not contest the city (706483); the
    // 2022 counterattack in Kharkiv is history without a date.
    assert_eq!(on(706483), Some(Control::UA));
    // Bakhmut (713174) and Sievierodonetsk (691999) stay Russian.
    assert_eq!(on(713174), Some(Control::RU));
    assert_eq!(on(691999), Some(Control::RU));
    // Before the article, the baseline alone.
    assert_eq!(control(&t, 702989, "2024-06-26"), Some(Control::UA));

    let map = FrontMap::at(&t, day("2024-06-28"), &FrontOptions::default());
    assert!(!map.line.is_empty(), "no front line");
    // The line lies where the sides meet, within 30 km of a RU and a UA
    // settlement: the Kreminna (RU) – Terny/Torske/Yampolivka (UA) sector
    // and Bakhmut (RU) – Chasiv Yar (UA).
    for line in &map.line.lines {
        for c in &line.0 {
            assert!(
                (48.5..49.2).contains(&c.y) && (37.8..38.3).contains(&c.x),
                "{c:?}"
            );
        }
    }
    assert!(map
        .zones
        .iter()
        .any(|z| z.settlements.iter().any(|s| s.geonameid == 702989)));
    // "advanced east of Terny toward Kreminna": an arrow to Kreminna (704138).
    let kreminna = gaz().place_by_id(704138).unwrap();
    assert!(
        map.arrows.iter().any(
            |a| a.toward.as_deref() == Some("Kreminna") && a.to == (kreminna.lat, kreminna.lon)
        ),
        "{:?}",
        map.arrows
    );
}

#[test]
fn baseline_errors_name_the_file_line_and_field() {
    let cases = [
        (
            "name,side,since\nAvdiivka,NATO,2024-06-01\n",
            "b.csv:2: field `side`",
        ),
        (
            "name,side,since\nAvdiivka,RU,1 June\n",
            "b.csv:2: field `since`",
        ),
        (
            "name,side,since\nKyiv,UA,2024-06-01\nQwertzuiop,UA,2024-06-01\n",
            "b.csv:3: field `name`",
        ),
        (
            "geonameid,side,since\n999999999,UA,2024-06-01\n",
            "b.csv:2: field `geonameid`",
        ),
        ("name,since\nKyiv,2024-06-01\n", "b.csv:1: field `side`"),
        ("side,since\nUA,2024-06-01\n", "b.csv:1: field `geonameid`"),
    ];
    for (csv, expected) in cases {
        let err = Baseline::from_csv(gaz(), csv.as_bytes(), "b.csv").unwrap_err();
        assert!(err.to_string().starts_with(expected), "{err} <> {expected}");
    }
    let geojson = br#"{"type":"FeatureCollection","features":[
        {"type":"Feature","geometry":{"type":"Point","coordinates":[37.99,48.59]},"properties":{"name":"Bakhmut","side":"RU","since":"2023-05-20"}},
        {"type":"Feature","geometry":null,"properties":{"name":"Bakhmut","side":"RU"}}]}"#;
    let err = Baseline::from_geojson(gaz(), geojson, "b.geojson").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("b.geojson: feature 2: field `since`"),
        "{err}"
    );
}

#[test]
fn a_baseline_name_is_resolved_near_its_point() {
    // Two Novooleksandrivkas: the point picks the one in Pokrovsk raion (9112926).
    let geojson = br#"{"type":"FeatureCollection","features":[
        {"type":"Feature","geometry":{"type":"Point","coordinates":[37.49,48.17]},"properties":{"name":"Novooleksandrivka","side":"RU","since":"2024-06-01"}}]}"#;
    let b = Baseline::from_geojson(gaz(), geojson, "b.geojson").unwrap();
    assert_eq!(b.entries[0].settlement.geonameid, 9112926);
}

fn run_front(dir: &Path, extra: &[&str]) -> std::process::Output {
    let jsonl = dir.join("articles.jsonl");
    let line =
        serde_json::json!({"id": "north-korea", "text": sample(), "published": "2024-06-27"});
    std::fs::write(&jsonl, format!("{line}\n{{broken\n")).unwrap();
    Command::new(env!("CARGO_BIN_EXE_frontline"))
        .arg("front")
        .arg(&jsonl)
        .args(["--as-of", "2024-06-28", "--baseline"])
        .arg(baseline_path())
        .arg("--out-dir")
        .arg(dir.join("out"))
        .args(extra)
        .output()
        .unwrap()
}

fn fresh_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("frontline-front-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// The CLI's output of the sample with the baseline, written once.
fn cli_output() -> &'static (PathBuf, std::process::Output) {
    static OUT: OnceLock<(PathBuf, std::process::Output)> = OnceLock::new();
    OUT.get_or_init(|| {
        let dir = fresh_dir("cli");
        let out = run_front(&dir, &["--timeline"]);
        (dir.join("out"), out)
    })
}

#[test]
fn the_front_command_writes_four_layers_and_reports_the_broken_line() {
    let (out_dir, out) = cli_output();
    let stderr = String::from_utf8_lossy(&out.stderr);
    // One article failed (line 2): exit 1 after writing what it could.
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("articles.jsonl:2: not a JSON article"),
        "{stderr}"
    );
    let control = read_json(&out_dir.join("control.geojson"));
    let features = control["features"].as_array().unwrap();
    let lyptsi = features
        .iter()
        .find(|f| f["properties"]["geonameid"] == 702989)
        .unwrap();
    assert_eq!(lyptsi["properties"]["side"], "contested");
    assert_eq!(lyptsi["properties"]["since"], "2024-06-27");
    assert_eq!(lyptsi["properties"]["as_of"], "2024-06-28");
    assert_eq!(lyptsi["properties"]["article_id"], "north-korea");
    assert_eq!(
        lyptsi["geometry"]["coordinates"],
        serde_json::json!([36.42086, 50.20919])
    );
    for (name, geometry) in [
        ("front", "LineString"),
        ("contested", "MultiPolygon"),
        ("arrows", "LineString"),
        ("timeline-front", "LineString"),
        ("timeline-contested", "MultiPolygon"),
        ("timeline-control", "Point"),
    ] {
        let layer = read_json(&out_dir.join(format!("{name}.geojson")));
        let features = layer["features"].as_array().unwrap();
        assert!(!features.is_empty(), "{name} is empty");
        assert!(
            features.iter().all(|f| f["geometry"]["type"] == geometry),
            "{name}"
        );
    }
    // The timeline has Lyptsi's two states: UA from the baseline, then contested.
    let timeline = read_json(&out_dir.join("timeline-control.geojson"));
    let lyptsi: Vec<(&Value, &Value)> = timeline["features"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["properties"]["geonameid"] == 702989)
        .map(|f| (&f["properties"]["side"], &f["properties"]["until"]))
        .collect();
    assert_eq!(lyptsi.len(), 2);
    assert_eq!(
        (lyptsi[0].0, lyptsi[0].1),
        (&Value::from("UA"), &Value::from("2024-06-27"))
    );
    // Still contested on the day drawn: no end known, the far-future
    // date QGIS's temporal controller can compare (a null it cannot).
    assert_eq!(
        (lyptsi[1].0, lyptsi[1].1),
        (&Value::from("contested"), &Value::from("9999-12-31"))
    );
    // Beside the layers, their QGIS styles and a project over them.
    for name in ["control", "front", "timeline-control", "timeline-contested"] {
        let qml = std::fs::read_to_string(out_dir.join(format!("{name}.qml"))).unwrap();
        assert_eq!(Some(qml.as_str()), frontline::qgis::style(name));
    }
    let qgs = std::fs::read_to_string(out_dir.join("frontline.qgs")).unwrap();
    assert!(qgs.contains("<datasource>./timeline-front.geojson</datasource>"));
}

#[test]
fn the_same_input_gives_byte_identical_layers_for_any_number_of_threads() {
    let (first, _) = cli_output();
    let dir = fresh_dir("again");
    run_front(&dir, &["--timeline", "--jobs", "1"]);
    for file in [
        "control.geojson",
        "front.geojson",
        "contested.geojson",
        "arrows.geojson",
        "timeline-front.geojson",
        "timeline-control.geojson",
        "frontline.qgs",
    ] {
        assert_eq!(
            std::fs::read(first.join(file)).unwrap(),
            std::fs::read(dir.join("out").join(file)).unwrap(),
            "{file}"
        );
    }
}

#[test]
fn todays_control_layer_seeds_tomorrows_run_unchanged() {
    let (out_dir, _) = cli_output();
    let written = Baseline::read(gaz(), &out_dir.join("control.geojson")).unwrap();
    let original = Baseline::read(gaz(), &baseline_path()).unwrap();
    let t = timeline_of(&[], Some(&written));
    // Every settlement keeps the side and date written.
    let control = read_json(&out_dir.join("control.geojson"));
    for f in control["features"].as_array().unwrap() {
        let p = &f["properties"];
        let id = p["geonameid"].as_u64().unwrap() as u32;
        let s = t.history(id).unwrap().at(day("2024-06-28")).unwrap();
        assert_eq!(s.control.code(), p["side"], "{id}");
        assert_eq!(s.since.to_string(), p["since"], "{id}");
    }
    assert!(written.entries.len() > original.entries.len());
}

#[test]
fn a_bad_baseline_stops_the_command_with_its_line() {
    let dir = fresh_dir("bad-baseline");
    let base = dir.join("base.csv");
    std::fs::write(
        &base,
        "name,side,since\nKyiv,UA,2024-06-01\nAvdiivka,RU,yesterday\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .args(["front", "-", "--out-dir"])
        .arg(dir.join("out"))
        .arg("--baseline")
        .arg(&base)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("base.csv:3: field `since`"), "{stderr}");
    assert!(!dir.join("out").join("control.geojson").exists());
}

#[test]
fn the_front_layers_open_in_ogr_with_their_geometry_and_date_fields() {
    if !ogrinfo_available() {
        return;
    }
    let (out_dir, _) = cli_output();
    let cases = [
        ("control", "Point", &["since", "confirmed", "as_of"][..]),
        (
            "timeline-control",
            "Point",
            &["since", "until", "confirmed"][..],
        ),
        ("front", "Line String", &["as_of"][..]),
        ("contested", "Multi Polygon", &["since", "as_of"][..]),
        ("arrows", "Line String", &["date", "as_of"][..]),
        ("timeline-front", "Line String", &["as_of", "until"][..]),
    ];
    for (name, geometry, dates) in cases {
        let path = out_dir.join(format!("{name}.geojson"));
        let out = Command::new("ogrinfo")
            .args(["-ro", "-al", "-so"])
            .arg(&path)
            .output()
            .unwrap();
        let info = String::from_utf8_lossy(&out.stdout);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && err.trim().is_empty(),
            "{name}: {err}"
        );
        assert!(
            info.contains(&format!("Geometry: {geometry}")),
            "{name}: {info}"
        );
        for field in dates {
            assert!(
                info.contains(&format!("{field}: Date")),
                "{name}: {field} in {info}"
            );
        }
    }
}

#[test]
fn a_capture_beside_a_town_contests_it_and_a_locator_keeps_its_state() {
    let t = timeline_of(
        &[Article::new(
            "Russian forces captured positions near Chasiv Yar. \
             Russian forces captured the village of Ivanivka near Pokrovsk.",
        )
        .with_published("2024-06-20")
        .unwrap()],
        None,
    );
    // Chasiv Yar (710915): fighting beside it, not a capture of it.
    assert_eq!(control(&t, 710915, "2024-06-21"), Some(Control::Contested));
    // Ivanivka in Pokrovsk raion (9112091) taken; Pokrovsk (704422) only locates it.
    assert_eq!(control(&t, 9112091, "2024-06-21"), Some(Control::RU));
    assert!(t.history(704422).is_none());
}

#[test]
fn heading_toward_a_town_or_fighting_in_its_direction_leaves_its_control_alone() {
    let baseline = Baseline::from_csv(
        gaz(),
        "geonameid,side,since\n704422,UA,2024-06-01\n".as_bytes(),
        "b.csv",
    )
    .unwrap();
    let t = timeline_of(
        &[Article::new(
            "Russian forces are pushing toward Pokrovsk. \
             Russian forces continued offensive operations in the Pokrovsk direction.",
        )
        .with_published("2024-08-20")
        .unwrap()],
        Some(&baseline),
    );
    assert_eq!(control(&t, 704422, "2024-08-21"), Some(Control::UA));
    assert_eq!(t.skipped().approach_or_area, 2);
}

#[test]
fn a_statement_of_who_holds_a_town_sets_its_control() {
    let t = timeline_of(
        &[dated(
            "Ukrainian forces still hold Vuhledar. Russian forces control most of Niu-York.",
            "2024-09-01",
        )],
        None,
    );
    // Vuhledar 690823; Niu-York (GeoNames Nyu-York) 699751.
    assert_eq!(control(&t, 690823, "2024-09-02"), Some(Control::UA));
    let s = t.history(699751).unwrap().at(day("2024-09-02")).unwrap();
    assert_eq!((s.control, s.extent), (Control::RU, Extent::Partial));
}

#[test]
fn a_town_said_to_remain_contested_is_contested() {
    let t = timeline_of(
        &[dated(
            "The village of Terny, Donetsk Oblast, remains contested.",
            "2024-09-01",
        )],
        None,
    );
    // Terny, Donetsk Oblast (691608).
    assert_eq!(control(&t, 691608, "2024-09-02"), Some(Control::Contested));
}

#[test]
fn every_piece_of_the_front_layer_says_how_certain_it_is() {
    let (out_dir, _) = cli_output();
    let front = read_json(&out_dir.join("front.geojson"));
    let features = front["features"].as_array().unwrap();
    assert!(!features.is_empty());
    for f in features {
        let p = &f["properties"];
        let certainty = p["certainty"].as_str().unwrap();
        let style = p["style"].as_str().unwrap();
        let edge = p["max_edge_km"].as_f64().unwrap();
        // The style follows the certainty, and the certainty the longest
        // edge: up to 15 km solid, up to 30 km inferred, beyond that a gap.
        let expected = match edge {
            e if e <= 15.0 => ("solid", "solid"),
            e if e <= 30.0 => ("inferred", "dashed"),
            _ => ("gap", "dotted"),
        };
        assert_eq!((certainty, style), expected, "{p}");
        assert!(edge <= p["max_gap_km"].as_f64().unwrap(), "{p}");
        let (ru, ua) = (
            p["support_ru"].as_u64().unwrap(),
            p["support_ua"].as_u64().unwrap(),
        );
        assert_eq!(p["support"].as_u64().unwrap(), ru.min(ua), "{p}");
    }
}

/// The synthetic reference (`frontline::front::reference`), built once.
fn synthetic() -> &'static frontline::front::reference::SyntheticFront {
    static TRUTH: OnceLock<frontline::front::reference::SyntheticFront> = OnceLock::new();
    TRUTH.get_or_init(|| frontline::front::reference::SyntheticFront::new(gaz()))
}

#[test]
fn the_synthetic_truth_follows_the_dnipro_and_a_land_line_to_the_border() {
    use frontline::front::reference::agreement;
    let truth = synthetic();
    // About 270 km of the Dnipro from Kherson to Kamianske and 480 km of
    // land line to the border north of Kupiansk.
    let km = agreement(&[], &truth.line, 5.0).truth_km;
    assert!((700.0..800.0).contains(&km), "{km}");
    // Both sides are sampled, densely and sparsely.
    for sample in [&truth.dense, &truth.sparse, &truth.towns] {
        let ru = sample
            .iter()
            .filter(|p| p.side == frontline::Side::RU)
            .count();
        assert!(ru > sample.len() / 4 && ru < sample.len() * 3 / 4, "{ru}");
    }
    assert!(truth.dense.len() > 3 * truth.sparse.len());
    assert!(truth.sparse.len() > 2 * truth.towns.len());
}

#[test]
fn the_line_comes_within_5_km_of_a_synthetic_truth_densely_and_sparsely_sampled() {
    use frontline::front::reference::agreement;
    use frontline::front::{FrontLine, LineCertainty};
    let truth = synthetic();
    // (sample, share of the estimate within 5 km of the truth, share of
    // the truth within 5 km of the estimate): floors a little under the
    // figures measured by `cargo run --release --example front-reference`.
    for (name, sample, estimate_floor, truth_floor) in [
        ("dense", &truth.dense, 0.98, 0.98),
        ("sparse", &truth.sparse, 0.90, 0.91),
        ("towns", &truth.towns, 0.72, 0.79),
    ] {
        let front = FrontLine::between(sample, &FrontOptions::default());
        let a = agreement(&front.lines, &truth.line, 5.0);
        assert!(
            a.estimate_within >= estimate_floor && a.truth_within >= truth_floor,
            "{name}: {a:?}"
        );
        // Better than midpoints alone, unclipped, at most 30 km apart.
        let before = FrontLine::between(sample, &FrontOptions::midpoints_only());
        let b = agreement(&before.lines, &truth.line, 5.0);
        assert!(a.truth_within > b.truth_within, "{name}: {a:?} {b:?}");
        // Solid pieces are where the line is right.
        let solid: Vec<_> = front
            .lines
            .iter()
            .zip(&front.pieces)
            .filter(|(_, p)| p.certainty == LineCertainty::Solid)
            .map(|(l, _)| l.clone())
            .collect();
        let s = agreement(&solid, &truth.line, 5.0);
        assert!(s.estimate_within >= 0.97, "{name} solid: {s:?}");
    }
}

#[test]
fn the_certainty_and_gap_flags_set_what_each_piece_is_called_and_what_is_drawn() {
    let pieces = |tag: &str, extra: &[&str]| -> Vec<(String, f64)> {
        let dir = fresh_dir(tag);
        let out = run_front(&dir, extra);
        assert_eq!(out.status.code(), Some(1), "the broken line only");
        let front = read_json(&dir.join("out").join("front.geojson"));
        front["features"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let p = &f["properties"];
                (
                    p["certainty"].as_str().unwrap().to_string(),
                    p["max_edge_km"].as_f64().unwrap(),
                )
            })
            .collect()
    };
    // With every limit at 100 km, every piece is solid.
    let all_solid = pieces(
        "flags-solid",
        &[
            "--solid-km",
            "100",
            "--inferred-km",
            "100",
            "--max-gap-km",
            "100",
        ],
    );
    assert!(!all_solid.is_empty());
    assert!(all_solid.iter().all(|(c, _)| c == "solid"), "{all_solid:?}");
    // With a 20 km gap, nothing crosses an edge longer than 20 km.
    let short = pieces("flags-gap", &["--max-gap-km", "20"]);
    assert!(short.iter().all(|(_, km)| *km <= 20.0), "{short:?}");
    // A distance that is not positive is refused.
    let dir = fresh_dir("flags-bad");
    let out = run_front(&dir, &["--solid-km", "0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--solid-km"));
}
