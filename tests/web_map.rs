//! The web-map example draws one marker per feature of a layer, coloured by
//! side, with the evidence sentence in its popup: `examples/web-map/test.mjs`
//! opens it in headless Chromium through playwright-core.
//!
//! `.ci/run` installs Debian's chromium and the page's npm packages. Without
//! them the test fails in CI (`CI` set) and is skipped, with a message,
//! elsewhere.

use std::path::Path;
use std::process::Command;

use frontline::layer::{Format, Layer};
use frontline::{extract, Article, Gazetteer};

#[test]
fn the_web_map_draws_one_marker_per_place_of_the_sample() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/web-map");
    let ready = dir.join("node_modules/leaflet").exists()
        && dir.join("node_modules/playwright-core").exists()
        && Path::new("/usr/bin/chromium").exists()
        && Command::new("node")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
    if !ready {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install chromium, node and examples/web-map's npm packages"
        );
        eprintln!("skipped: chromium, node or examples/web-map/node_modules missing");
        return;
    }
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
    std::fs::write(&path, layer.write(Format::GeoJson { pretty: false })).unwrap();
    let out = Command::new("node")
        .arg(dir.join("test.mjs"))
        .arg(&path)
        .output()
        .unwrap();
    std::fs::remove_file(&path).ok();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains(" 0 failed"), "{stdout}");
}
