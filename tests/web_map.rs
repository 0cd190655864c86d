//! The web-map example draws one marker per feature of a layer, coloured by
//! side, with the evidence sentence in its popup; and the layers of a
//! `front` and `layers` folder at once over the offline Natural Earth
//! basemap, with a layer switcher, a time slider and popups linking the
//! article: `examples/web-map/test.mjs` opens it in headless Chromium
//! through playwright-core.
//!
//! `.ci/run` installs Debian's chromium and the page's npm packages. Without
//! them the test fails in CI (`CI` set) and is skipped, with a message,
//! elsewhere.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use frontline::layer::{Layer, OutputFormat};
use frontline::{extract, Article, Gazetteer};

/// The web-map folder, or `None` (after failing in CI) when the browser,
/// node or the page's packages are missing.
fn web_map() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/web-map");
    let ready = dir.join("node_modules/leaflet").exists()
        && dir.join("node_modules/playwright-core").exists()
        && Path::new("/usr/bin/chromium").exists()
        && common::runs("node");
    common::tool_ready(ready, "chromium, node or examples/web-map's npm packages").then_some(dir)
}

/// Runs test.mjs on a layer file and asserts it passes.
fn check_page(dir: &Path, layer: &Path) {
    let out = Command::new("node")
        .arg(dir.join("test.mjs"))
        .arg(layer)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{}: {stdout}\n{stderr}",
        layer.display()
    );
    assert!(stdout.contains(" 0 failed"), "{stdout}");
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
fn the_web_map_draws_one_marker_per_place_of_the_sample() {
    let Some(dir) = web_map() else { return };
    let text = std::fs::read_to_string(dir.join("../north-korea-boots-on-the-ground.txt")).unwrap();
    let gaz = Gazetteer::bundled();
    let found = extract(
        &gaz,
        &Article::new(text).with_published("2024-06-27").unwrap(),
    );
    let layer = Layer::places(&found);
    assert!(layer.features.len() > 20);
    let path =
        std::env::temp_dir().join(format!("frontline-web-map-{}.geojson", std::process::id()));
    std::fs::write(&path, layer.write(OutputFormat::GEOJSON)).unwrap();
    check_page(&dir, &path);
    std::fs::remove_file(&path).ok();
}

#[test]
fn the_web_map_draws_the_front_layers_in_their_colours() {
    let Some(dir) = web_map() else { return };
    let out_dir = std::env::temp_dir().join(format!("frontline-web-front-{}", std::process::id()));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let status = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .arg("front")
        .arg(root.join("examples"))
        .args([
            "--published",
            "2024-06-27",
            "--as-of",
            "2024-06-28",
            "--baseline",
        ])
        .arg(root.join("tests/data/front/baseline-2024-06-01.csv"))
        .arg("--out-dir")
        .arg(&out_dir)
        .status()
        .unwrap();
    assert!(status.success());
    for name in ["control", "front", "contested", "arrows"] {
        check_page(&dir, &out_dir.join(format!("{name}.geojson")));
    }
    std::fs::remove_dir_all(&out_dir).ok();
}

#[test]
fn the_web_map_shows_the_layers_over_land_and_sea_with_a_switcher_a_slider_and_popups() {
    let Some(dir) = web_map() else { return };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let work = std::env::temp_dir().join(format!("frontline-web-context-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).unwrap();
    // The sample article with a URL, for the popups' link.
    let text =
        std::fs::read_to_string(root.join("examples/north-korea-boots-on-the-ground.txt")).unwrap();
    let line = serde_json::json!({
        "id": "north-korea", "text": text, "published": "2024-06-27",
        "title": "North Korea", "url": "https://example.org/news/north-korea",
    });
    let jsonl = work.join("sample.jsonl");
    std::fs::write(&jsonl, format!("{line}\n")).unwrap();
    let out = work.join("out");
    let baseline = root.join("tests/data/front/baseline-2024-06-01.csv");
    let os = |s: &str| std::ffi::OsString::from(s);
    frontline(&[
        &os("front"),
        jsonl.as_os_str(),
        &os("--as-of"),
        &os("2024-06-28"),
        &os("--baseline"),
        baseline.as_os_str(),
        &os("--timeline"),
        &os("--out-dir"),
        out.as_os_str(),
    ]);
    frontline(&[
        &os("layers"),
        jsonl.as_os_str(),
        &os("--out-dir"),
        out.as_os_str(),
    ]);
    let result = Command::new("node")
        .arg(dir.join("test.mjs"))
        .arg("--context")
        .arg(&out)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&result.stdout);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains(" 0 failed"), "{stdout}");
    std::fs::remove_dir_all(&work).ok();
}
