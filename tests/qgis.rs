//! The layers open cleanly through GDAL/OGR, the library QGIS reads them
//! with: `ogrinfo -al -so` on every layer kind and format, built from the
//! sample article and the development corpus with publication dates.
//!
//! `.ci/run` installs Debian's gdal-bin. Without `ogrinfo` the tests fail in
//! CI (`CI` set) and are skipped, with a message, elsewhere.

mod common;
use common::ogrinfo_available;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use frontline::batch::{read_json_lines, run};
use frontline::layer::OutputFormat;
use frontline::{Gazetteer, LayerKind};

fn gaz() -> &'static Gazetteer {
    static GAZ: OnceLock<Gazetteer> = OnceLock::new();
    GAZ.get_or_init(Gazetteer::bundled)
}

/// The corpus's layers as GeoJSON, written once and shared by every test
/// as the reference for counts.
fn plain_layers() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| write_layers(OutputFormat::GEOJSON, "geojson"))
}

/// Writes every layer of the corpus, dated, in `format` into a fresh folder.
fn write_layers(format: OutputFormat, tag: &str) -> PathBuf {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut jsonl = String::new();
    let mut names: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    for (i, path) in names.iter().enumerate() {
        let text = std::fs::read_to_string(path).unwrap();
        let id = path.file_stem().unwrap().to_string_lossy();
        let line = serde_json::json!({"id": id, "text": text, "published": format!("2024-06-{:02}", i + 1), "title": id});
        jsonl.push_str(&line.to_string());
        jsonl.push('\n');
    }
    let dir = std::env::temp_dir().join(format!("frontline-qgis-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let items = read_json_lines(jsonl.as_bytes(), "corpus.jsonl");
    let (_, summary) = run(gaz(), items, &LayerKind::ALL, format, &dir, || {}).unwrap();
    assert_eq!(summary.failures, 0);
    dir
}

/// Runs `ogrinfo -al -so` and returns its output; fails on any warning.
fn ogrinfo(path: &Path, extra: &[&str]) -> String {
    let out = Command::new("ogrinfo")
        .args(["-al", "-so"])
        .args(extra)
        .arg(path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{}: {stderr}", path.display());
    assert!(
        stderr.trim().is_empty(),
        "{}: warnings: {stderr}",
        path.display()
    );
    assert!(!stdout.contains("Warning"), "{}: {stdout}", path.display());
    stdout
}

fn field<'a>(info: &'a str, name: &str) -> &'a str {
    info.lines()
        .find_map(|l| l.strip_prefix(&format!("{name}: ")))
        .unwrap_or_else(|| panic!("no field {name} in\n{info}"))
}

fn count(info: &str) -> usize {
    info.lines()
        .find_map(|l| l.strip_prefix("Feature Count: "))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

fn geometry(info: &str) -> &str {
    info.lines()
        .find_map(|l| l.strip_prefix("Geometry: "))
        .unwrap()
        .trim()
}

/// The features a layer file holds, counted from the file itself.
fn features_in(path: &Path) -> usize {
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    v["features"].as_array().unwrap().len()
}

#[test]
fn geojson_layers_open_with_their_counts_geometries_and_date_fields() {
    if !ogrinfo_available() {
        return;
    }
    let dir = plain_layers();
    for kind in LayerKind::ALL {
        let path = dir.join(format!("{}.geojson", kind.name()));
        let info = ogrinfo(&path, &[]);
        assert_eq!(count(&info), features_in(&path), "{}", kind.name());
        assert!(count(&info) > 100, "{}", kind.name());
        match kind {
            // Events toward a place are LineStrings, the rest Points.
            LayerKind::Events => assert_eq!(geometry(&info), "Unknown (any)"),
            _ => assert_eq!(geometry(&info), "Point"),
        }
        assert!(
            field(&info, "published").starts_with("Date"),
            "{}",
            kind.name()
        );
        assert!(field(&info, "geonameid").starts_with("Integer"));
        assert!(field(&info, "article_id").starts_with("String"));
        assert!(field(&info, "marker-color").starts_with("String"));
    }
    let places = ogrinfo(&dir.join("places.geojson"), &[]);
    assert!(field(&places, "mention_count").starts_with("Integer"));
    assert!(field(&places, "confidence").starts_with("Real"));
    let events = ogrinfo(&dir.join("events.geojson"), &[]);
    assert!(field(&events, "event_date").starts_with("Date"));
    assert!(field(&events, "historical").starts_with("Integer(Boolean)"));
    // A per-article layer opens too.
    let one = ogrinfo(&dir.join("articles/sample-north-korea.places.geojson"), &[]);
    assert_eq!(geometry(&one), "Point");
}

#[test]
fn geojson_sequences_open_with_the_same_counts() {
    if !ogrinfo_available() {
        return;
    }
    let plain = plain_layers();
    let seq = write_layers(OutputFormat::GEOJSONSEQ, "seq");
    for kind in LayerKind::ALL {
        let info = ogrinfo(&seq.join(format!("{}.geojsons", kind.name())), &[]);
        assert_eq!(
            count(&info),
            features_in(&plain.join(format!("{}.geojson", kind.name())))
        );
        assert!(field(&info, "published").starts_with("Date"));
    }
    std::fs::remove_dir_all(&seq).ok();
}

#[test]
fn csv_layers_open_as_points_from_lon_and_lat() {
    if !ogrinfo_available() {
        return;
    }
    let plain = plain_layers();
    let csv = write_layers(OutputFormat::CSV, "csv");
    for kind in LayerKind::ALL {
        let info = ogrinfo(
            &csv.join(format!("{}.csv", kind.name())),
            &[
                "-oo",
                "X_POSSIBLE_NAMES=lon",
                "-oo",
                "Y_POSSIBLE_NAMES=lat",
                "-oo",
                "AUTODETECT_TYPE=YES",
            ],
        );
        assert_eq!(
            count(&info),
            features_in(&plain.join(format!("{}.geojson", kind.name())))
        );
        assert_eq!(geometry(&info), "Point");
        assert!(field(&info, "published").starts_with("Date"));
    }
    std::fs::remove_dir_all(&csv).ok();
}
