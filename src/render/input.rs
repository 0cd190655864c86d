//! Reading what to draw: a `front` output folder, a `layers` output
//! folder, or single GeoJSON layer files.
//!
//! From a folder, the layers drawn are `control`, `front`, `contested`,
//! `arrows`, `places` and `events.geojson` (whichever are there; the
//! `timeline-*` and `mentions` layers are left out: the first hold many
//! days, the second repeats the places). A file given by name is drawn
//! whatever it is called; a `timeline-*` layer (features with `until`) is
//! drawn as it stood on one day: the day asked for, or its latest.

use std::path::Path;

use geojson::Geometry;
use serde::Deserialize;

use super::scene::{Properties, Scene};
use crate::error::{Error, Result};

/// The layers read from a folder, in drawing order.
pub const FOLDER_LAYERS: [&str; 6] = [
    "contested.geojson",
    "front.geojson",
    "arrows.geojson",
    "control.geojson",
    "events.geojson",
    "places.geojson",
];

fn render_error(source: &Path, message: impl Into<String>) -> Error {
    Error::Render {
        source: source.display().to_string(),
        message: message.into(),
    }
}

/// Reads the inputs (folders or files) into one scene. `day` picks the
/// day of a timeline layer (`YYYY-MM-DD`; its latest when `None`).
///
/// ```
/// let dir = std::env::temp_dir().join("frontline-doc-render-input");
/// std::fs::create_dir_all(&dir).unwrap();
/// let file = dir.join("control.geojson");
/// std::fs::write(&file, r#"{"type":"FeatureCollection","features":[{"type":"Feature",
///   "properties":{"name":"Bakhmut","side":"RU","as_of":"2024-06-28"},
///   "geometry":{"type":"Point","coordinates":[37.99886,48.59419]}}]}"#).unwrap();
/// let scene = frontline::render::input::read_inputs(&[dir.clone()], None).unwrap();
/// assert_eq!(scene.control.len(), 1);
/// assert_eq!(scene.as_of.as_deref(), Some("2024-06-28"));
/// let empty = dir.join("empty");
/// std::fs::create_dir_all(&empty).unwrap();
/// let err = frontline::render::input::read_inputs(&[empty], None).unwrap_err();
/// assert!(err.to_string().contains("no layers to draw"));
/// ```
pub fn read_inputs(inputs: &[std::path::PathBuf], day: Option<&str>) -> Result<Scene> {
    let mut scene = Scene::default();
    if inputs.is_empty() {
        return Err(Error::Render {
            source: "render".into(),
            message: "no input: give a front or layers output folder, or a GeoJSON layer file"
                .into(),
        });
    }
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|source| Error::Io {
            path: input.to_path_buf(),
            source,
        })?;
        if meta.is_dir() {
            let mut found = 0;
            for name in FOLDER_LAYERS {
                let path = input.join(name);
                if path.is_file() {
                    read_file(&path, day, &mut scene)?;
                    found += 1;
                }
            }
            if found == 0 {
                return Err(render_error(
                    input,
                    format!(
                        "no layers to draw: the folder has none of {} (the output of `frontline front` or `frontline layers`)",
                        FOLDER_LAYERS.join(", ")
                    ),
                ));
            }
        } else {
            read_file(input, day, &mut scene)?;
        }
    }
    Ok(scene)
}

/// Reads one GeoJSON layer into the scene.
fn read_file(path: &Path, day: Option<&str>, scene: &mut Scene) -> Result<()> {
    let text = std::fs::read_to_string(path).map_err(|source| match source.kind() {
        std::io::ErrorKind::InvalidData => {
            render_error(path, "not GeoJSON: the file is not UTF-8 text")
        }
        _ => Error::Io {
            path: path.to_path_buf(),
            source,
        },
    })?;
    let doc: Document =
        serde_json::from_str(&text).map_err(|e| render_error(path, format!("not GeoJSON: {e}")))?;
    let features: Vec<RawFeature> = match doc.kind.as_str() {
        "FeatureCollection" => doc.features,
        "Feature" => vec![RawFeature {
            properties: doc.properties,
            geometry: doc.geometry,
        }],
        "Point" | "MultiPoint" | "LineString" | "MultiLineString" | "Polygon"
        | "MultiPolygon" | "GeometryCollection" => {
            return Err(render_error(
                path,
                "a bare geometry, not a layer: expected a FeatureCollection with the properties `frontline` writes",
            ))
        }
        other => {
            return Err(render_error(
                path,
                format!("not GeoJSON: its \"type\" is {other:?}, not \"FeatureCollection\""),
            ))
        }
    };
    let timeline = features.iter().any(|f| f.property("until").is_some());
    let before = scene.skipped;
    let mut added = 0;
    if timeline {
        let day = match day {
            Some(d) => d.to_string(),
            None => latest_start(&features).ok_or_else(|| {
                render_error(path, "a timeline layer without `since` or `as_of` dates")
            })?,
        };
        for f in features.iter().filter(|f| valid_on(f, &day)) {
            f.add_to(scene);
            added += 1;
        }
        if scene.as_of.as_deref().is_none_or(|a| a < day.as_str()) {
            scene.as_of = Some(day);
        }
    } else {
        for f in &features {
            f.add_to(scene);
            added += 1;
        }
    }
    if added > 0 && scene.skipped - before == added {
        return Err(render_error(
            path,
            "none of its features is a layer `render` draws (control points, front line, contested zones, arrows, events, places)",
        ));
    }
    Ok(())
}

/// A GeoJSON document: a FeatureCollection, a Feature, or (an error) a
/// geometry; only the properties `render` reads are kept.
#[derive(Deserialize)]
struct Document {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    features: Vec<RawFeature>,
    #[serde(default)]
    properties: Option<Properties>,
    #[serde(default)]
    geometry: Option<Geometry>,
}

#[derive(Deserialize)]
struct RawFeature {
    #[serde(default)]
    properties: Option<Properties>,
    #[serde(default)]
    geometry: Option<Geometry>,
}

impl RawFeature {
    fn property(&self, key: &str) -> Option<&serde_json::Value> {
        self.properties.as_ref().and_then(|p| p.get(key))
    }

    fn add_to(&self, scene: &mut Scene) {
        let none = Properties::default();
        scene.add_parts(
            self.properties.as_ref().unwrap_or(&none),
            self.geometry.as_ref(),
        );
    }
}

fn start(f: &RawFeature) -> Option<&str> {
    ["since", "as_of"]
        .iter()
        .find_map(|k| f.property(k).and_then(|v| v.as_str()))
}

fn latest_start(features: &[RawFeature]) -> Option<String> {
    features.iter().filter_map(start).max().map(str::to_string)
}

/// Whether a timeline feature holds on `day`: from its start, until (not
/// on) its `until`, which is null while it lasts.
fn valid_on(f: &RawFeature, day: &str) -> bool {
    let until = f.property("until").and_then(|v| v.as_str());
    start(f).is_some_and(|s| s <= day) && until.is_none_or(|u| day < u)
}
