//! `frontline render`: the map's SVG elements, the PNG's pixels, and bad
//! input.
#![cfg(feature = "cli")]

use std::path::PathBuf;
use std::process::{Command, Output};

use frontline::render::{self, basemap, input, projection::BBox, raster, RenderOptions};
use resvg::tiny_skia::Pixmap;

fn frontline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_frontline"))
        .args(args)
        .output()
        .expect("run frontline")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("frontline-render-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The README's `front` run: the sample article over the test baseline.
fn sample_front(name: &str) -> PathBuf {
    let dir = temp_dir(name).join("front");
    let out = frontline(&[
        "front",
        "examples",
        "--published",
        "2024-06-27",
        "--as-of",
        "2024-06-28",
        "--baseline",
        "tests/data/front/baseline-2024-06-01.csv",
        "--out-dir",
        dir.to_str().unwrap(),
        "--timeline",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

const FRONT: &str = r#"{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"as_of":"2024-06-28","style":"solid","certainty":"solid"},
 "geometry":{"type":"LineString","coordinates":[[37.9,48.6],[37.95,48.8]]}},
{"type":"Feature","properties":{"as_of":"2024-06-28","style":"dashed","certainty":"inferred"},
 "geometry":{"type":"LineString","coordinates":[[37.95,48.8],[38.1,49.05]]}},
{"type":"Feature","properties":{"name":"Bakhmut","side":"RU","as_of":"2024-06-28"},
 "geometry":{"type":"Point","coordinates":[37.99886,48.59419]}},
{"type":"Feature","properties":{"name":"Chasiv Yar","side":"UA","as_of":"2024-06-28"},
 "geometry":{"type":"Point","coordinates":[37.83409,48.58768]}}]}"#;

fn svg_of(layer: &str, name: &str) -> String {
    let dir = temp_dir(name);
    let file = dir.join("front.geojson");
    std::fs::write(&file, layer).unwrap();
    let scene = input::read_inputs(&[file], None).unwrap();
    render::render(&scene, &RenderOptions::default())
        .unwrap()
        .svg
}

/// The `<path …/>` elements whose attributes contain `needle`.
fn paths_with<'a>(svg: &'a str, needle: &str) -> Vec<&'a str> {
    svg.lines()
        .filter(|l| l.starts_with("<path") && l.contains(needle))
        .collect()
}

#[test]
fn the_front_line_is_dashed_where_the_layer_says_inferred_and_solid_elsewhere() {
    let svg = svg_of(FRONT, "dash");
    // The line itself (the casing under it is white and never dashed).
    let dashed: Vec<_> = paths_with(&svg, "class=\"front dashed\"")
        .into_iter()
        .filter(|p| p.contains("stroke=\"#111111\""))
        .collect();
    let solid: Vec<_> = paths_with(&svg, "class=\"front solid\"")
        .into_iter()
        .filter(|p| p.contains("stroke=\"#111111\""))
        .collect();
    assert_eq!((dashed.len(), solid.len()), (1, 1), "{svg}");
    assert!(
        dashed[0].contains("stroke-dasharray=\"9 5\""),
        "{}",
        dashed[0]
    );
    assert!(!solid[0].contains("stroke-dasharray"), "{}", solid[0]);
}

#[test]
fn the_legend_names_the_sides_and_both_kinds_of_line_and_nothing_absent() {
    let svg = svg_of(FRONT, "legend");
    let entries: Vec<&str> = svg
        .lines()
        .filter(|l| l.contains("class=\"legend-entry\""))
        .filter_map(|l| l.split('>').nth(1)?.split('<').next())
        .collect();
    assert_eq!(
        entries,
        [
            "held by Russia",
            "held by Ukraine",
            "front line",
            "front line, inferred"
        ]
    );
}

#[test]
fn the_title_carries_the_as_of_date_and_the_footer_the_sources() {
    let svg = svg_of(FRONT, "title");
    assert!(
        svg.contains(">Front line, as of 2024-06-28</text>"),
        "{svg}"
    );
    assert!(svg.contains("Made with Natural Earth; GeoNames CC BY 4.0"));
}

#[test]
fn a_given_title_replaces_the_default() {
    let dir = temp_dir("given-title");
    let file = dir.join("front.geojson");
    std::fs::write(&file, FRONT).unwrap();
    let scene = input::read_inputs(&[file], None).unwrap();
    let options = RenderOptions {
        title: Some("Bakhmut & Chasiv Yar".into()),
        ..RenderOptions::default()
    };
    let svg = render::render(&scene, &options).unwrap().svg;
    assert!(svg.contains(">Bakhmut &amp; Chasiv Yar</text>"));
}

/// The pixel's colour as `#rrggbb`.
fn pixel(png: &Pixmap, (x, y): (f64, f64)) -> (u8, u8, u8) {
    let p = png
        .pixel(x.round() as u32, y.round() as u32)
        .expect("inside the image");
    (p.red(), p.green(), p.blue())
}

fn rgb(hex: &str) -> (u8, u8, u8) {
    let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap();
    ((v >> 16) as u8, (v >> 8) as u8, v as u8)
}

#[test]
fn the_png_has_the_size_asked_and_each_settlement_in_its_sides_colour_where_it_lies() {
    let front = sample_front("png");
    let scene = input::read_inputs(&[front], None).unwrap();
    let options = RenderOptions {
        width: 900,
        height: 640,
        ..RenderOptions::default()
    };
    let map = render::render(&scene, &options).unwrap();
    let png = Pixmap::decode_png(&raster::png(&map.svg).unwrap()).unwrap();
    assert_eq!((png.width(), png.height()), (900, 640));
    // GeoNames: Bakhmut 48.59419, 37.99886 (held by Russia in the
    // baseline); Kharkiv 49.98177, 36.25475 (Ukraine's). The control
    // points' colours are the layers' own: RU #d7301f, UA #2b8cbe.
    for (lon, lat, color) in [
        (37.99886, 48.59419, "#d7301f"),
        (36.25475, 49.98177, "#2b8cbe"),
    ] {
        let at = map.projection.project(lon, lat);
        assert_eq!(pixel(&png, at), rgb(color), "at {lon},{lat} → {at:?}");
    }
}

#[test]
fn every_settlement_of_the_sample_front_is_drawn_and_labelled() {
    let front = sample_front("labels");
    let svg = {
        let scene = input::read_inputs(std::slice::from_ref(&front), None).unwrap();
        render::render(&scene, &RenderOptions::default())
            .unwrap()
            .svg
    };
    let control: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(front.join("control.geojson")).unwrap())
            .unwrap();
    let names: Vec<&str> = control["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 15);
    assert_eq!(svg.matches("class=\"control ").count(), 15);
    for name in names {
        assert!(
            svg.lines()
                .any(|l| l.contains("class=\"label\"") && l.ends_with(&format!(">{name}</text>"))),
            "{name} has no label"
        );
    }
}

#[test]
fn rendering_twice_gives_the_same_bytes() {
    let front = sample_front("twice");
    let dir = temp_dir("twice-out");
    for ext in ["png", "svg"] {
        let a = dir.join(format!("a.{ext}"));
        let b = dir.join(format!("b.{ext}"));
        for out in [&a, &b] {
            let o = frontline(&[
                "render",
                front.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ]);
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        }
        assert_eq!(
            std::fs::read(&a).unwrap(),
            std::fs::read(&b).unwrap(),
            "{ext}"
        );
    }
}

#[test]
fn a_timeline_layer_is_drawn_as_it_stood_on_the_day_asked() {
    let front = sample_front("timeline");
    let file = front.join("timeline-control.geojson");
    let june = input::read_inputs(std::slice::from_ref(&file), Some("2024-06-27")).unwrap();
    assert_eq!(june.as_of.as_deref(), Some("2024-06-27"));
    // The baseline's day: its 13 settlements (the article's come later).
    let first = input::read_inputs(&[file], Some("2024-06-01")).unwrap();
    assert!(first.control.len() < june.control.len());
    assert!(!first.control.is_empty());
}

#[test]
fn a_far_away_place_is_named_under_the_map_not_fitted_into_it() {
    let dir = temp_dir("far");
    let out = frontline(&["layers", "examples", "--out-dir", dir.to_str().unwrap()]);
    assert!(out.status.success());
    let scene = input::read_inputs(&[dir], None).unwrap();
    let map = render::render(&scene, &RenderOptions::default()).unwrap();
    let shown = map.projection.shown();
    // Kharkiv (GeoNames 49.98177, 36.25475) is on the map; Pyongyang is not.
    assert!(shown.contains(36.25475, 49.98177));
    assert!(!shown.contains(125.75432, 39.03385));
    assert!(map.left_out.iter().any(|n| n == "Pyongyang"));
    assert!(map.svg.contains("Outside the map: "));
}

#[test]
fn a_bbox_is_shown_whole() {
    let dir = temp_dir("bbox");
    let file = dir.join("front.geojson");
    std::fs::write(&file, FRONT).unwrap();
    let scene = input::read_inputs(&[file], None).unwrap();
    let bbox = BBox::parse("36,47.5,39.5,50").unwrap();
    let options = RenderOptions {
        bbox: Some(bbox),
        ..RenderOptions::default()
    };
    let shown = render::render(&scene, &options).unwrap().projection.shown();
    assert!(shown.covers(&bbox), "{shown:?}");
}

#[test]
fn the_basemap_gives_crimea_to_ukraine_and_still_draws_north_korea() {
    // Simferopol (GeoNames 44.95719, 34.11079) lies in Ukraine's land.
    let region = basemap::region();
    let ukraine = region.land.iter().find(|a| a.name == "Ukraine").unwrap();
    assert!(inside(&ukraine.rings, (34.11079, 44.95719)));
    let russia = region.land.iter().find(|a| a.name == "Russia").unwrap();
    assert!(!inside(&russia.rings, (34.11079, 44.95719)));
    // Pyongyang (39.03385, 125.75432) lies in North Korea's, at 1:110m.
    let world = basemap::world();
    let nk = world.land.iter().find(|a| a.name == "North Korea").unwrap();
    assert!(inside(&nk.rings, (125.75432, 39.03385)));
    // Oblast borders and names come with the 1:10m region.
    assert!(region
        .labels
        .iter()
        .any(|l| l.name == "Donetsk" && l.country == "UKR"));
    assert!(!region.admin1.is_empty());
}

/// Even-odd point in polygon over all rings.
fn inside(rings: &[Vec<(f64, f64)>], (x, y): (f64, f64)) -> bool {
    let mut odd = false;
    for r in rings {
        for w in r.windows(2) {
            let ((x1, y1), (x2, y2)) = (w[0], w[1]);
            if (y1 > y) != (y2 > y) && x < x1 + (y - y1) * (x2 - x1) / (y2 - y1) {
                odd = !odd;
            }
        }
    }
    odd
}

fn fails_with(args: &[&str], needle: &str) {
    let out = frontline(args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(needle), "{err:?} lacks {needle:?}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_missing_input_is_an_error_naming_it() {
    let dir = temp_dir("missing");
    let out = dir.join("map.png");
    fails_with(
        &["render", "no/such/front", "-o", out.to_str().unwrap()],
        "no/such/front",
    );
    assert!(!out.exists());
}

#[test]
fn a_file_that_is_not_geojson_is_an_error_saying_so() {
    let dir = temp_dir("not-geojson");
    let file = dir.join("control.geojson");
    std::fs::write(&file, "Bakhmut,RU\n").unwrap();
    let out = dir.join("map.png");
    fails_with(
        &[
            "render",
            file.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        &format!("{}: not GeoJSON", file.display()),
    );
    std::fs::write(&file, [0xff, 0xfe, 0x00]).unwrap();
    fails_with(
        &[
            "render",
            file.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        "not GeoJSON",
    );
}

#[test]
fn an_empty_folder_is_an_error_listing_the_layers_looked_for() {
    let dir = temp_dir("empty");
    let out = dir.join("map.png");
    fails_with(
        &["render", dir.to_str().unwrap(), "-o", out.to_str().unwrap()],
        "no layers to draw: the folder has none of contested.geojson, front.geojson",
    );
}

#[test]
fn a_layer_render_does_not_draw_is_an_error() {
    let dir = temp_dir("foreign");
    let file = dir.join("roads.geojson");
    std::fs::write(
        &file,
        r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"highway":"primary"},"geometry":{"type":"LineString","coordinates":[[37,48],[38,49]]}}]}"#,
    )
    .unwrap();
    let out = dir.join("map.svg");
    fails_with(
        &[
            "render",
            file.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        "none of its features is a layer `render` draws",
    );
}

#[test]
fn bad_options_are_errors_naming_the_option() {
    let front = sample_front("options");
    let f = front.to_str().unwrap();
    let dir = temp_dir("options-out");
    let jpg = dir.join("map.jpg");
    fails_with(
        &["render", f, "-o", jpg.to_str().unwrap()],
        "must end in .png or .svg",
    );
    let png = dir.join("map.png");
    let p = png.to_str().unwrap();
    fails_with(&["render", f, "-o", p, "--bbox", "39,48,36,50"], "--bbox");
    fails_with(
        &["render", f, "-o", p, "--bbox", "36,48,x,50"],
        "the east edge",
    );
    fails_with(
        &["render", f, "-o", p, "--width", "10"],
        "--width: 10 pixels",
    );
    fails_with(&["render", f, "-o", p, "--as-of", "June"], "not a date");
}
