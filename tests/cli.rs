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

fn frontline_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn extract_writes_a_feature_collection_of_mentions_in_text_order() {
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/north-korea-boots-on-the-ground.txt"
    );
    let out = frontline(&[
        "extract",
        sample,
        "--layer",
        "mentions",
        "--published",
        "2024-06-27",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().unwrap();
    assert!(features.len() > 50);
    let starts: Vec<u64> = features
        .iter()
        .map(|f| f["properties"]["start"].as_u64().unwrap())
        .collect();
    assert!(starts.windows(2).all(|w| w[0] < w[1]));
    let first = &features[0];
    assert_eq!(first["geometry"]["type"], "Point");
    for field in [
        "text",
        "start",
        "end",
        "sentence",
        "geonameid",
        "name",
        "country_code",
        "admin1",
        "feature_code",
        "confidence",
    ] {
        assert!(first["properties"].get(field).is_some(), "{field}");
    }
    assert_eq!(first["properties"]["published"], "2024-06-27");
    assert_eq!(
        first["properties"]["article_id"],
        "north-korea-boots-on-the-ground"
    );
    assert!(v["unresolved"].is_array());
}

#[test]
fn extract_reads_html_from_stdin_with_offsets_into_the_input() {
    let html = b"<html><body><p>Shelling hit <b>Kupiansk</b> &amp; Izium.</p></body></html>";
    let out = frontline_stdin(&["extract", "-"], html);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = &v["features"][0]["properties"];
    assert_eq!(f["text"], "Kupiansk");
    let start = f["start"].as_u64().unwrap() as usize;
    let input: String = String::from_utf8_lossy(html)
        .chars()
        .skip(start)
        .take(8)
        .collect();
    assert_eq!(input, "Kupiansk");
}

#[test]
fn extract_refuses_bytes_that_are_not_utf8() {
    let out = frontline_stdin(&["extract", "-"], b"Kharkiv \xff\xfe");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("stdin: not UTF-8"));
}

#[test]
fn extract_refuses_a_bad_date_and_an_empty_article() {
    let out = frontline_stdin(&["extract", "-", "--published", "27/06/2024"], b"Kyiv");
    assert_eq!(out.status.code(), Some(2));
    let out = frontline_stdin(&["extract", "-"], b"  \n");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no text"));
}

#[test]
fn extract_output_is_byte_identical_across_runs_and_written_to_a_file() {
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/north-korea-boots-on-the-ground.txt"
    );
    let dir = std::env::temp_dir().join(format!("frontline-extract-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let a = dir.join("a.geojson");
    let b = dir.join("b.geojson");
    assert!(frontline(&["extract", sample, "-o", a.to_str().unwrap()])
        .status
        .success());
    assert!(frontline(&["extract", sample, "-o", b.to_str().unwrap()])
        .status
        .success());
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn eval_prints_the_scores() {
    let gold = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let out = frontline(&["eval", "--gold", gold, "--json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["f1"].as_f64().unwrap() > 0.9);
}

fn tree(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((
                    p.strip_prefix(dir).unwrap().display().to_string(),
                    std::fs::read(&p).unwrap(),
                ));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn layers_output_is_the_same_whatever_the_number_of_jobs() {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let base = std::env::temp_dir().join(format!("frontline-jobs-{}", std::process::id()));
    let (one, two) = (base.join("one"), base.join("two"));
    for (dir, jobs) in [(&one, "1"), (&two, "2")] {
        let out = frontline(&[
            "layers",
            corpus,
            "--out-dir",
            dir.to_str().unwrap(),
            "--jobs",
            jobs,
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("17 articles") && err.contains("0 failed"),
            "{err}"
        );
    }
    let (a, b) = (tree(&one), tree(&two));
    assert_eq!(
        a.len(),
        17 * 3 + 3 + 3 + 1,
        "per-article layers, merged layers, their QGIS styles, index"
    );
    assert!(a == b, "output differs between --jobs 1 and --jobs 2");
    // Nothing half-written is left behind.
    assert!(a.iter().all(|(name, _)| !name.ends_with(".tmp")));
    std::fs::remove_dir_all(&base).ok();
}

/// `frontline layers - --out-dir DIR --layer LAYER` with `input` on stdin.
fn layers_from_stdin(dir: &std::path::Path, layer: &str, input: &[u8]) -> Output {
    frontline_stdin(
        &[
            "layers",
            "-",
            "--out-dir",
            dir.to_str().unwrap(),
            "--layer",
            layer,
        ],
        input,
    )
}

#[test]
fn layers_from_json_lines_on_stdin_report_bad_lines_and_go_on() {
    let dir = std::env::temp_dir().join(format!("frontline-jsonl-{}", std::process::id()));
    let input = b"{\"id\": \"ok\", \"text\": \"Russian forces captured Krasnohorivka.\", \"published\": \"2024-09-12\"}\n{not json\n{\"id\": \"empty\", \"text\": \"\"}\n";
    let out = layers_from_stdin(&dir, "events", input);
    assert_eq!(out.status.code(), Some(1), "some articles failed");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("stdin:2: not a JSON article"), "{err}");
    assert!(err.contains("stdin:3: no text"), "{err}");
    let index = std::fs::read_to_string(dir.join("index.csv")).unwrap();
    assert!(index.contains("ok,stdin:1,2024-09-12,1,1,1,ok,"), "{index}");
    let events: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("events.geojson")).unwrap()).unwrap();
    assert_eq!(events["features"][0]["properties"]["action"], "capture");
    assert_eq!(
        events["features"][0]["properties"]["published"],
        "2024-09-12"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_mentions_layer_batch_looks_for_no_events_and_says_so() {
    let dir = std::env::temp_dir().join(format!("frontline-mentions-{}", std::process::id()));
    let input = b"{\"id\": \"a\", \"text\": \"Russian forces captured Krasnohorivka.\", \"published\": \"2024-09-12\"}\n";
    let out = layers_from_stdin(&dir, "mentions", input);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("1 articles, 1 places, 0 failed"), "{err}");
    assert!(!err.contains("events"), "{err}");
    // The events column is empty, not 0: no events were looked for.
    let index = std::fs::read_to_string(dir.join("index.csv")).unwrap();
    assert!(index.contains("a,stdin:1,2024-09-12,1,1,,ok,"), "{index}");
    let mentions: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("mentions.geojson")).unwrap()).unwrap();
    assert_eq!(
        mentions["features"][0]["properties"]["text"],
        "Krasnohorivka"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn extract_writes_each_format() {
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/north-korea-boots-on-the-ground.txt"
    );
    let seq = frontline(&["extract", sample, "--format", "geojsonseq"]);
    assert!(seq.status.success());
    let records: Vec<&[u8]> = seq.stdout.split(|&b| b == 0x1E).skip(1).collect();
    assert!(!records.is_empty());
    for r in &records {
        assert_eq!(r.last(), Some(&b'\n'));
        let f: serde_json::Value = serde_json::from_slice(r).unwrap();
        assert_eq!(f["type"], "Feature");
    }
    let csv = frontline(&["extract", sample, "--format", "csv", "--layer", "places"]);
    let text = String::from_utf8(csv.stdout).unwrap();
    assert!(text.starts_with("lon,lat,"));
    assert_eq!(text.lines().count(), records.len() + 1);
}

/// A fresh empty folder for one test.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("frontline-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The rows of an index.csv as `id → (status, error)`.
fn index_rows(dir: &std::path::Path) -> Vec<(String, String, String)> {
    let mut rdr = csv::Reader::from_path(dir.join("index.csv")).unwrap();
    rdr.records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[6].to_string(), r[7].to_string())
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn folder_entries_that_are_not_files_are_listed_as_skipped_with_the_reason() {
    let base = scratch("skipped");
    let input = base.join("in");
    std::fs::create_dir_all(input.join("dir.txt")).unwrap();
    std::fs::write(input.join("ok.txt"), "Russian forces captured Robotyne.").unwrap();
    std::os::unix::fs::symlink("nowhere.txt", input.join("dangling.txt")).unwrap();
    std::os::unix::fs::symlink("loop.txt", input.join("loop.txt")).unwrap();
    let fifo = std::process::Command::new("mkfifo")
        .arg(input.join("pipe.txt"))
        .status()
        .is_ok_and(|s| s.success());
    let out_dir = base.join("out");
    let out = frontline(&[
        "layers",
        input.to_str().unwrap(),
        "--out-dir",
        out_dir.to_str().unwrap(),
    ]);
    // Skipped entries are no failures.
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let rows = index_rows(&out_dir);
    let status = |id: &str| {
        rows.iter()
            .find(|r| r.0 == id)
            .unwrap_or_else(|| panic!("{id} in {rows:?}"))
    };
    assert_eq!(status("ok").1, "ok");
    for (id, reason) in [
        ("dir", "a directory"),
        ("dangling", "a link that cannot be followed"),
        ("loop", "a link that cannot be followed"),
    ] {
        assert_eq!(status(id).1, "skipped", "{id}");
        assert!(status(id).2.contains(reason), "{id}: {:?}", status(id).2);
        assert!(
            stderr.contains(&format!("{id}.txt: skipped: {reason}")),
            "{stderr}"
        );
    }
    if fifo {
        assert_eq!(status("pipe").1, "skipped");
        assert!(status("pipe").2.contains("a FIFO"));
    }
    assert!(
        stderr.contains(if fifo { "4 skipped" } else { "3 skipped" }),
        "{stderr}"
    );
    std::fs::remove_dir_all(&base).ok();
}

#[test]
fn an_article_over_the_size_limit_is_an_error_naming_it() {
    let base = scratch("too-large");
    let path = base.join("big.txt");
    std::fs::write(&path, "Russian forces shelled Kupiansk. ".repeat(10)).unwrap();
    let out = frontline(&[
        "extract",
        path.to_str().unwrap(),
        "--max-article-bytes",
        "100",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("big.txt: the article is larger than 100 bytes"),
        "{err}"
    );
    // On stdin too, and a limit above the size reads it.
    let text = std::fs::read(&path).unwrap();
    let out = frontline_stdin(&["extract", "-", "--max-article-bytes", "100"], &text);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("stdin: the article is larger than 100 bytes"));
    let out = frontline_stdin(&["extract", "-", "--max-article-bytes", "330"], &text);
    assert_eq!(out.status.code(), Some(0));
    // In a batch, the article fails and the others are read.
    let jsonl = format!(
        "{{\"id\": \"big\", \"text\": \"{}\"}}\n{{\"id\": \"small\", \"text\": \"Kyiv.\"}}\n",
        "Kupiansk. ".repeat(50)
    );
    let out_dir = base.join("out");
    let out = frontline_stdin(
        &[
            "layers",
            "-",
            "--out-dir",
            out_dir.to_str().unwrap(),
            "--max-article-bytes",
            "200",
        ],
        jsonl.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let rows = index_rows(&out_dir);
    assert_eq!(rows[0].0, "line-1");
    assert_eq!(rows[0].1, "failed");
    assert!(
        rows[0]
            .2
            .contains("stdin:1: the article is larger than 200 bytes"),
        "{rows:?}"
    );
    assert_eq!((rows[1].0.as_str(), rows[1].1.as_str()), ("small", "ok"));
    std::fs::remove_dir_all(&base).ok();
}

#[test]
fn long_reserved_and_case_colliding_ids_make_distinct_safe_file_names() {
    let base = scratch("ids");
    let long = "x".repeat(300);
    let jsonl = format!(
        "{{\"id\": \"{long}\", \"text\": \"Kyiv.\"}}\n{{\"id\": \"{long}y\", \"text\": \"Kyiv.\"}}\n\
         {{\"id\": \"CON\", \"text\": \"Kyiv.\"}}\n{{\"id\": \"Avdiivka\", \"text\": \"Kyiv.\"}}\n\
         {{\"id\": \"avdiivka\", \"text\": \"Kyiv.\"}}\n"
    );
    let out_dir = base.join("out");
    let out = frontline_stdin(
        &[
            "layers",
            "-",
            "--out-dir",
            out_dir.to_str().unwrap(),
            "--layer",
            "mentions",
        ],
        jsonl.as_bytes(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ids: Vec<String> = index_rows(&out_dir).into_iter().map(|r| r.0).collect();
    assert_eq!(ids.len(), 5);
    // Cut to 100 bytes plus a hash of the whole id: two ids sharing their
    // first 100 bytes stay apart.
    assert!(
        ids[0].starts_with(&"x".repeat(100)) && ids[0].len() == 117,
        "{}",
        ids[0]
    );
    assert!(ids[1].starts_with(&"x".repeat(100)) && ids[1] != ids[0]);
    assert_eq!(ids[2], "_CON");
    assert_eq!(ids[3], "Avdiivka");
    assert_eq!(ids[4], "avdiivka-2");
    let mut lower: Vec<String> = ids.iter().map(|i| i.to_ascii_lowercase()).collect();
    lower.dedup();
    assert_eq!(lower.len(), 5);
    for id in &ids {
        assert!(out_dir
            .join("articles")
            .join(format!("{id}.mentions.geojson"))
            .is_file());
    }
    std::fs::remove_dir_all(&base).ok();
}

#[cfg(unix)]
#[test]
fn a_file_that_cannot_be_written_fails_its_article_not_the_batch() {
    let base = scratch("write-error");
    let out_dir = base.join("out");
    // A folder where the article's layer file should go: the rename fails.
    std::fs::create_dir_all(out_dir.join("articles/blocked.mentions.geojson/inside")).unwrap();
    let jsonl =
        b"{\"id\": \"blocked\", \"text\": \"Kyiv.\"}\n{\"id\": \"fine\", \"text\": \"Kharkiv.\"}\n";
    let out = frontline_stdin(
        &[
            "layers",
            "-",
            "--out-dir",
            out_dir.to_str().unwrap(),
            "--layer",
            "mentions",
        ],
        jsonl,
    );
    assert_eq!(out.status.code(), Some(1));
    let rows = index_rows(&out_dir);
    assert_eq!(rows[0].1, "failed");
    assert!(rows[0].2.contains("blocked.mentions.geojson"), "{rows:?}");
    assert_eq!(rows[1].1, "ok");
    // The merged layer has the article that was written, not the one that failed.
    let merged: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out_dir.join("mentions.geojson")).unwrap()).unwrap();
    let ids: Vec<&str> = merged["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["article_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["fine"]);
    let leftovers: Vec<_> = std::fs::read_dir(out_dir.join("articles"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    std::fs::remove_dir_all(&base).ok();
}

#[test]
fn temp_files_of_an_earlier_killed_run_are_removed_and_others_kept() {
    let base = scratch("stale");
    let out_dir = base.join("out");
    std::fs::create_dir_all(out_dir.join("articles")).unwrap();
    let stale = [
        out_dir.join(".index.csv.12345.tmp"),
        out_dir.join(".mentions.geojson.aB3dE9.tmp"),
        out_dir.join("articles/.a.mentions.geojson.777.tmp"),
    ];
    let kept = [out_dir.join(".notes.txt.1.tmp"), out_dir.join("mine.tmp")];
    for path in stale.iter().chain(&kept) {
        std::fs::write(path, "old").unwrap();
    }
    let out = frontline_stdin(
        &[
            "layers",
            "-",
            "--out-dir",
            out_dir.to_str().unwrap(),
            "--layer",
            "mentions",
        ],
        b"{\"id\": \"a\", \"text\": \"Kyiv.\"}\n",
    );
    assert_eq!(out.status.code(), Some(0));
    for path in &stale {
        assert!(!path.exists(), "{} left", path.display());
    }
    for path in &kept {
        assert!(path.exists(), "{} removed", path.display());
    }
    std::fs::remove_dir_all(&base).ok();
}

#[test]
fn jobs_beyond_the_cpus_are_cut_to_them_and_say_so() {
    let base = scratch("jobs-cap");
    let out_dir = base.join("out");
    let started = std::time::Instant::now();
    let out = frontline_stdin(
        &[
            "layers",
            "-",
            "--out-dir",
            out_dir.to_str().unwrap(),
            "--jobs",
            "100000",
        ],
        b"{\"id\": \"a\", \"text\": \"Kyiv.\"}\n",
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(started.elapsed().as_secs() < 30);
    let help = String::from_utf8(frontline(&["layers", "--help"]).stdout).unwrap();
    assert!(help.contains("at most: the number of CPUs"), "{help}");
    std::fs::remove_dir_all(&base).ok();
}

#[test]
fn a_reader_that_closes_the_pipe_gets_a_quiet_exit_0() {
    use std::process::Stdio;
    let sample = std::fs::read("examples/north-korea-boots-on-the-ground.txt").unwrap();
    let article = String::from_utf8(sample).unwrap().repeat(20);
    let mut child = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .args(["extract", "-", "--layer", "mentions"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before anything is written.
    drop(child.stdout.take());
    {
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(article.as_bytes())
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn a_closed_standard_error_does_not_panic() {
    use std::process::Stdio;
    let base = scratch("closed-stderr");
    let mut child = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .args([
            "layers",
            "-",
            "--out-dir",
            base.join("out").to_str().unwrap(),
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stderr.take());
    {
        use std::io::Write;
        // A bad line, so that there is an error to report, and a good one.
        child
            .stdin
            .take()
            .unwrap()
            .write_all(b"{broken\n{\"id\": \"a\", \"text\": \"Kyiv.\"}\n")
            .unwrap();
    }
    let status = child.wait().unwrap();
    // Exit 1 for the failed line, not 101 for a panic.
    assert_eq!(status.code(), Some(1));
    std::fs::remove_dir_all(&base).ok();
}

#[cfg(target_os = "linux")]
#[test]
fn eval_onto_a_full_device_is_an_error_not_a_panic() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return;
    };
    let out = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .args(["eval", "--gold", "tests/corpus"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("stdout:") && err.contains("No space left"),
        "{err}"
    );
}

/// `-o` naming a pipe or a device (`/dev/null`, `/dev/stdout`, a FIFO)
/// writes through it: a renamed temporary file would replace the device
/// with a plain file, and no style is written beside it.
#[cfg(unix)]
#[test]
fn extract_into_a_fifo_writes_through_it_and_leaves_it_a_fifo() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("layer.geojson");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    let out = frontline(&[
        "extract",
        "examples/north-korea-boots-on-the-ground.txt",
        "-o",
        fifo.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Checked before joining: a replaced FIFO would leave the reader waiting.
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "the FIFO was replaced");
    let written = reader.join().unwrap();
    let layer: serde_json::Value = serde_json::from_slice(&written).unwrap();
    assert_eq!(layer["type"], "FeatureCollection");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("layer.geojson")]);
}

/// An output file gets the permissions any new file of the user gets (the
/// umask decides), not a temporary file's owner-only 0600.
#[cfg(unix)]
#[test]
fn extract_output_has_the_permissions_of_any_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.txt");
    std::fs::File::create(&plain).unwrap();
    let expected = std::fs::metadata(&plain).unwrap().permissions().mode() & 0o777;
    let out_path = dir.path().join("layer.geojson");
    let out = frontline(&[
        "extract",
        "examples/north-korea-boots-on-the-ground.txt",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for written in [out_path.clone(), out_path.with_extension("qml")] {
        let mode = std::fs::metadata(&written).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, expected, "{}", written.display());
    }
}
