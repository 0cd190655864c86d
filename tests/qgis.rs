//! The layers open cleanly through GDAL/OGR, the library QGIS reads them
//! with: `ogrinfo -al -so` on every layer kind and format, built from the
//! sample article and the development corpus with publication dates.
//!
//! And in QGIS itself: `tests/qgis/timeline.py` opens the `timeline-*`
//! layers of `frontline front --timeline`, the styles beside every layer,
//! `frontline.qgs` and the CSV layers through PyQGIS, and renders the
//! timeline and the CSV layers at two days through the temporal
//! controller's range.
//!
//! `.ci/run` installs Debian's gdal-bin, qgis and python3-qgis. Without
//! them the tests fail in CI (`CI` set) and are skipped, with a message,
//! elsewhere.

mod common;
use common::ogr::{count, field, geometry};
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

/// True when Debian's PyQGIS imports in `/usr/bin/python3`.
fn pyqgis_available() -> bool {
    let ready = Command::new("/usr/bin/python3")
        .args(["-c", "import qgis.core"])
        .env("QT_QPA_PLATFORM", "offscreen")
        .output()
        .is_ok_and(|o| o.status.success());
    common::tool_ready(ready, "PyQGIS (python3-qgis, in /usr/bin/python3)")
}

/// Runs the `frontline` binary and asserts it succeeds.
fn frontline(args: &[&std::ffi::OsStr]) {
    let out = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn every_timeline_layer_draws_in_qgis_at_two_dates_and_every_style_loads() {
    if !pyqgis_available() {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("frontline-pyqgis-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (front, layers) = (dir.join("front"), dir.join("layers"));
    let os = |s: &str| std::ffi::OsString::from(s);
    frontline(&[
        &os("front"),
        root.join("examples").as_os_str(),
        &os("--published"),
        &os("2024-06-27"),
        &os("--as-of"),
        &os("2024-06-28"),
        &os("--baseline"),
        root.join("tests/data/front/baseline-2024-06-01.csv")
            .as_os_str(),
        &os("--timeline"),
        &os("--out-dir"),
        front.as_os_str(),
    ]);
    // The article layers, dated, from the corpus as the other tests read it.
    let plain = plain_layers();
    std::fs::create_dir_all(&layers).unwrap();
    for kind in LayerKind::ALL {
        let file = format!("{}.geojson", kind.name());
        std::fs::copy(plain.join(&file), layers.join(&file)).unwrap();
        frontline::qgis::write_style(kind.name(), &layers.join(&file)).unwrap();
    }
    // And as CSV, which QGIS reads with its delimited-text loader.
    let csv = write_layers(OutputFormat::CSV, "pyqgis-csv");
    let out = Command::new("/usr/bin/python3")
        .arg(root.join("tests/qgis/timeline.py"))
        .arg(&front)
        .arg(&layers)
        .arg(&csv)
        .env("QT_QPA_PLATFORM", "offscreen")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains(" 0 failed"), "{stdout}");
    // GDAL said nothing went wrong while QGIS filtered by date.
    assert!(!stderr.contains("ERROR"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
    std::fs::remove_dir_all(&csv).ok();
}

#[test]
fn the_layers_command_writes_each_merged_layers_style_beside_it() {
    let dir = std::env::temp_dir().join(format!("frontline-qml-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    frontline(&[
        "layers".as_ref(),
        root.join("examples").as_os_str(),
        "--out-dir".as_ref(),
        dir.as_os_str(),
    ]);
    for kind in LayerKind::ALL {
        let qml = std::fs::read_to_string(dir.join(format!("{}.qml", kind.name()))).unwrap();
        assert_eq!(Some(qml.as_str()), frontline::qgis::style(kind.name()));
    }
    // --no-styles writes none.
    let bare = dir.join("bare");
    frontline(&[
        "layers".as_ref(),
        root.join("examples").as_os_str(),
        "--no-styles".as_ref(),
        "--out-dir".as_ref(),
        bare.as_os_str(),
    ]);
    assert!(!bare.join("places.qml").exists());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn extract_to_a_file_writes_the_layers_style_beside_it_unless_told_not_to() {
    let dir = std::env::temp_dir().join(format!("frontline-qml-extract-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sample = root.join("examples/north-korea-boots-on-the-ground.txt");
    let out = dir.join("kharkiv.geojson");
    frontline(&[
        "extract".as_ref(),
        sample.as_os_str(),
        "--layer".as_ref(),
        "events".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    let qml = std::fs::read_to_string(dir.join("kharkiv.qml")).unwrap();
    assert_eq!(Some(qml.as_str()), frontline::qgis::style("events"));
    let bare = dir.join("bare.geojson");
    frontline(&[
        "extract".as_ref(),
        sample.as_os_str(),
        "--no-styles".as_ref(),
        "-o".as_ref(),
        bare.as_os_str(),
    ]);
    assert!(bare.exists() && !dir.join("bare.qml").exists());
    std::fs::remove_dir_all(&dir).ok();
}
