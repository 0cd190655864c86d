//! The front's GeoJSON layers: control points, the line, contested zones,
//! arrows, and the same over time for QGIS's temporal controller.
//!
//! Dates (`as_of`, `since`, `until`, `confirmed`, `date`) are ISO 8601
//! strings, which OGR reads as Date fields. A state, line or zone that still
//! holds on the day drawn has no end yet: its `until` is [`OPEN_END`],
//! 9999-12-31, not null, because GDAL (3.6, with QGIS 3.22) fails on a null
//! date in the filter QGIS's temporal controller sends it and then draws
//! nothing. Every feature carries
//! simplestyle properties (`marker-color`, `stroke`, `fill`, `title`,
//! `description`) for web maps.

use std::path::Path;

use chrono::NaiveDate;
use geo::{LineString, MultiPolygon};
use geojson::{Feature, FeatureCollection, Geometry, JsonObject, JsonValue};
use serde::Serialize;
use serde_json::json;

use super::{ContestedZone, FrontLine, FrontMap, FrontOptions, LineCertainty};
use crate::control::{Control, ControlState, Movement, Settlement, Timeline};
use crate::layer::format::Features;
use crate::layer::{feature, point, round6, side_color, OutputFormat};
use crate::output::write_atomic;

/// The simplestyle colour of a control state: RU red, UA blue, contested
/// purple, unknown grey.
///
/// ```
/// use frontline::{control::Control, front::layers::control_color};
/// assert_eq!(control_color(Control::Contested), "#984ea3");
/// ```
pub fn control_color(control: Control) -> &'static str {
    match control.side() {
        Some(side) => side_color(side),
        None if control == Control::Contested => "#984ea3",
        None => side_color(crate::Side::Unknown),
    }
}

/// The `until` of what still holds on the day drawn: 9999-12-31, the
/// last day an ISO 8601 date with four digits can name, read as "no end
/// known". QGIS's temporal controller then draws it on every later frame.
///
/// ```
/// assert_eq!(frontline::front::layers::OPEN_END.to_string(), "9999-12-31");
/// ```
pub const OPEN_END: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The `until` of a span: its end, or [`OPEN_END`] when it has none yet.
fn until(d: Option<NaiveDate>) -> JsonValue {
    date(Some(d.unwrap_or(OPEN_END)))
}

fn date(d: Option<NaiveDate>) -> JsonValue {
    json!(d.map(|d| d.to_string()))
}

fn collection(features: Vec<Feature>) -> FeatureCollection {
    FeatureCollection {
        bbox: None,
        features,
        foreign_members: None,
    }
}

/// When a feature holds: on a day (`as_of`), or over a span (`since` to
/// `until`, for the temporal controller).
#[derive(Clone, Copy)]
enum Valid {
    On(NaiveDate),
    Span,
}

/// A point per settlement and state.
fn control_feature(settlement: &Settlement, s: &ControlState, valid: Valid) -> Feature {
    let mut p = JsonObject::new();
    let mut put = |k: &str, v: JsonValue| {
        p.insert(k.to_string(), v);
    };
    put("geonameid", json!(settlement.geonameid));
    put("name", json!(settlement.name));
    put("side", json!(s.control.code()));
    put("extent", json!(s.extent));
    put(
        "not_held_by",
        json!(s.not_held_by.map(|x| x.code()).unwrap_or_default()),
    );
    put("since", date(Some(s.since)));
    match valid {
        Valid::On(day) => put("as_of", date(Some(day))),
        Valid::Span => put("until", until(s.until)),
    }
    put("confirmed", date(Some(s.confirmed)));
    put("certainty", json!(s.certainty));
    put("action", json!(s.evidence.action));
    put("article_id", json!(s.evidence.article_id));
    put(
        "evidence",
        json!(crate::layer::evidence(&s.evidence.sentence)),
    );
    put("marker-color", json!(control_color(s.control)));
    put(
        "title",
        json!(format!(
            "{}: {} since {}",
            settlement.name,
            s.control.code(),
            s.since
        )),
    );
    put(
        "description",
        json!(crate::layer::evidence(&s.evidence.sentence)),
    );
    feature(point(settlement.lat, settlement.lon), p)
}

/// `control.geojson`: a point per settlement with its state on the day.
pub fn control_layer(map: &FrontMap<'_>) -> FeatureCollection {
    collection(
        map.control
            .iter()
            .map(|s| control_feature(s.settlement, s.state, Valid::On(map.as_of)))
            .collect(),
    )
}

fn line_geometry(line: &LineString<f64>) -> Geometry {
    Geometry::new(geojson::Value::LineString(
        line.0
            .iter()
            .map(|c| vec![round6(c.x), round6(c.y)])
            .collect(),
    ))
}

fn area_geometry(area: &MultiPolygon<f64>) -> Geometry {
    Geometry::new(geojson::Value::from(area))
}

/// `until`: `None` for a snapshot, `Some(next change)` over time.
fn front_features(
    line: &FrontLine,
    as_of: NaiveDate,
    until: Option<Option<NaiveDate>>,
    options: &FrontOptions,
) -> Vec<Feature> {
    line.lines
        .iter()
        .zip(&line.pieces)
        .zip(line.lengths_km())
        .map(|((l, piece), km)| {
            let mut p = JsonObject::new();
            p.insert("as_of".into(), date(Some(as_of)));
            if let Some(until) = until {
                p.insert("until".into(), self::until(until));
            }
            p.insert("length_km".into(), json!((km * 10.0).round() / 10.0));
            p.insert("max_gap_km".into(), json!(options.max_gap_km));
            p.insert(
                "max_edge_km".into(),
                json!((piece.max_edge_km * 10.0).round() / 10.0),
            );
            p.insert("support".into(), json!(piece.support()));
            p.insert("support_ru".into(), json!(piece.support_ru));
            p.insert("support_ua".into(), json!(piece.support_ua));
            p.insert("certainty".into(), json!(piece.certainty.label()));
            p.insert("style".into(), json!(piece.certainty.style()));
            p.insert("ru_side".into(), json!("left"));
            p.insert("stroke".into(), json!("#000000"));
            let (width, opacity) = match piece.certainty {
                LineCertainty::Solid => (3, 1.0),
                LineCertainty::Inferred => (2, 0.8),
                LineCertainty::Gap => (2, 0.5),
            };
            p.insert("stroke-width".into(), json!(width));
            p.insert("stroke-opacity".into(), json!(opacity));
            p.insert(
                "title".into(),
                json!(format!(
                    "Front line as of {as_of} ({km:.1} km, {})",
                    piece.certainty.label()
                )),
            );
            p.insert(
                "description".into(),
                json!(format!(
                    "Estimated from settlements' control; RU-held ground on the left; \
                     longest edge {:.1} km, {} RU and {} UA settlements within {} km",
                    piece.max_edge_km,
                    piece.support_ru,
                    piece.support_ua,
                    super::SUPPORT_KM
                )),
            );
            feature(line_geometry(l), p)
        })
        .collect()
}

/// `front.geojson`: a LineString per line, RU-held ground on its left.
pub fn front_layer(map: &FrontMap<'_>, options: &FrontOptions) -> FeatureCollection {
    collection(front_features(&map.line, map.as_of, None, options))
}

fn zone_features(
    zones: &[ContestedZone],
    as_of: NaiveDate,
    until: Option<Option<NaiveDate>>,
    options: &FrontOptions,
) -> Vec<Feature> {
    zones
        .iter()
        .map(|z| {
            let names: Vec<&str> = z.settlements.iter().map(|s| s.name.as_str()).collect();
            let ids: Vec<String> = z
                .settlements
                .iter()
                .map(|s| s.geonameid.to_string())
                .collect();
            let mut p = JsonObject::new();
            p.insert("settlements".into(), json!(names.join(", ")));
            p.insert("geonameids".into(), json!(ids.join(",")));
            p.insert("count".into(), json!(z.settlements.len()));
            p.insert("since".into(), date(Some(z.since)));
            p.insert("as_of".into(), date(Some(as_of)));
            if let Some(until) = until {
                p.insert("until".into(), self::until(until));
            }
            p.insert("radius_km".into(), json!(options.contested_radius_km));
            p.insert("fill".into(), json!(control_color(Control::Contested)));
            p.insert("fill-opacity".into(), json!(0.35));
            p.insert("stroke".into(), json!(control_color(Control::Contested)));
            p.insert(
                "title".into(),
                json!(format!("Contested: {}", names.join(", "))),
            );
            p.insert(
                "description".into(),
                json!(format!("Contested since {}", z.since)),
            );
            feature(area_geometry(&z.area), p)
        })
        .collect()
}

/// `contested.geojson`: a MultiPolygon per contested zone.
pub fn contested_layer(map: &FrontMap<'_>, options: &FrontOptions) -> FeatureCollection {
    collection(zone_features(&map.zones, map.as_of, None, options))
}

/// `arrows.geojson`: a LineString per advance or counterattack with a
/// direction, from where it is toward where it heads.
pub fn arrows_layer(map: &FrontMap<'_>) -> FeatureCollection {
    collection(
        map.arrows
            .iter()
            .map(|m| arrow_feature(m, map.as_of))
            .collect(),
    )
}

fn arrow_feature(m: &Movement, as_of: NaiveDate) -> Feature {
    let mut p = JsonObject::new();
    let mut put = |k: &str, v: JsonValue| {
        p.insert(k.to_string(), v);
    };
    put("actor", json!(m.actor.code()));
    put("action", json!(m.action.label()));
    put("date", date(Some(m.date)));
    put("as_of", date(Some(as_of)));
    put("place", json!(m.place));
    put("toward", json!(m.toward.clone().unwrap_or_default()));
    put("certainty", json!(m.evidence.certainty));
    put("article_id", json!(m.evidence.article_id));
    put(
        "evidence",
        json!(crate::layer::evidence(&m.evidence.sentence)),
    );
    put("stroke", json!(side_color(m.actor)));
    put("stroke-width", json!(2));
    put(
        "title",
        json!(format!(
            "{} {} from {}{}",
            m.actor.code(),
            m.action.label(),
            m.place,
            m.toward
                .as_ref()
                .map(|t| format!(" toward {t}"))
                .unwrap_or_default()
        )),
    );
    put(
        "description",
        json!(crate::layer::evidence(&m.evidence.sentence)),
    );
    let line = Geometry::new(geojson::Value::LineString(vec![
        vec![round6(m.from.1), round6(m.from.0)],
        vec![round6(m.to.1), round6(m.to.0)],
    ]));
    feature(line, p)
}

/// The layers over time: every state of every settlement (`since` to
/// `until`), and the line and contested zones drawn on each day control
/// changed, up to `as_of`, each valid until the next such day.
pub struct TimelineLayers {
    /// `timeline-control.geojson`.
    pub control: FeatureCollection,
    /// `timeline-front.geojson`.
    pub front: FeatureCollection,
    /// `timeline-contested.geojson`.
    pub contested: FeatureCollection,
}

/// Draws [`TimelineLayers`] for every change up to `as_of`.
pub fn timeline_layers(
    timeline: &Timeline,
    as_of: NaiveDate,
    options: &FrontOptions,
) -> TimelineLayers {
    let control = timeline
        .histories()
        .flat_map(|h| {
            h.states.iter().filter(|s| s.since <= as_of).map(|s| {
                // What ends after the day drawn has not ended yet.
                let s = ControlState {
                    until: s.until.filter(|u| *u <= as_of),
                    ..s.clone()
                };
                control_feature(&h.settlement, &s, Valid::Span)
            })
        })
        .collect();
    let dates: Vec<NaiveDate> = timeline
        .change_dates()
        .into_iter()
        .filter(|d| *d <= as_of)
        .collect();
    let (mut front, mut contested) = (Vec::new(), Vec::new());
    for (i, &day) in dates.iter().enumerate() {
        let until = Some(dates.get(i + 1).copied());
        let map = FrontMap::at(timeline, day, options);
        front.extend(front_features(&map.line, day, until, options));
        contested.extend(zone_features(&map.zones, day, until, options));
    }
    TimelineLayers {
        control: collection(control),
        front: collection(front),
        contested: collection(contested),
    }
}

/// What [`write_layers`] wrote.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Written {
    /// The files, in the order written.
    pub files: Vec<std::path::PathBuf>,
    /// Settlements with a state on the day: RU, UA, contested, unknown.
    pub settlements: [usize; 4],
    /// Lines of the front.
    pub lines: usize,
    /// Their total length, km.
    pub length_km: f64,
    /// Contested zones.
    pub zones: usize,
    /// Arrows.
    pub arrows: usize,
    /// What the layers cover: west, south, east, north in degrees, or
    /// `None` when they are empty.
    pub extent: Option<[f64; 4]>,
    /// The first day of the timeline layers (the earliest `since`), when
    /// written.
    pub first_day: Option<NaiveDate>,
}

/// Writes `control`, `front`, `contested` and `arrows` for `as_of` into
/// `out_dir` (created if needed), and with `over_time` the `timeline-*`
/// layers too, in `format` (`control.geojson` with
/// [`OutputFormat::GEOJSON`], `control.parquet` with GeoParquet…). Every
/// file is written atomically.
pub fn write_layers(
    timeline: &Timeline,
    as_of: NaiveDate,
    options: &FrontOptions,
    out_dir: &Path,
    over_time: bool,
    format: impl Into<OutputFormat>,
) -> crate::Result<Written> {
    let format = format.into();
    std::fs::create_dir_all(out_dir).map_err(|source| crate::Error::Io {
        path: out_dir.to_path_buf(),
        source,
    })?;
    let map = FrontMap::at(timeline, as_of, options);
    let mut layers = vec![
        ("control", control_layer(&map)),
        ("front", front_layer(&map, options)),
        ("contested", contested_layer(&map, options)),
        ("arrows", arrows_layer(&map)),
    ];
    if over_time {
        let t = timeline_layers(timeline, as_of, options);
        layers.push(("timeline-control", t.control));
        layers.push(("timeline-front", t.front));
        layers.push(("timeline-contested", t.contested));
    }
    let mut written = Written {
        extent: extent(layers.iter().map(|(_, l)| l)),
        first_day: over_time
            .then(|| {
                timeline
                    .histories()
                    .flat_map(|h| h.states.iter().map(|s| s.since))
                    .filter(|d| *d <= as_of)
                    .min()
            })
            .flatten(),
        ..Written::default()
    };
    for (name, layer) in &layers {
        let path = out_dir.join(format!("{name}.{}", format.extension()));
        let features = Features::named(name, &layer.features);
        write_atomic(&path, &format.writer().write(&features, format.options()))?;
        written.files.push(path);
    }
    for s in &map.control {
        let i = match s.state.control {
            Control::RU => 0,
            Control::UA => 1,
            Control::Contested => 2,
            Control::Unknown => 3,
        };
        written.settlements[i] += 1;
    }
    written.lines = map.line.lines.len();
    written.length_km = map.line.lengths_km().iter().fold(0.0, |a, b| a + b);
    written.zones = map.zones.len();
    written.arrows = map.arrows.len();
    Ok(written)
}

/// The box around every coordinate of `layers`: west, south, east, north.
fn extent<'a>(layers: impl Iterator<Item = &'a FeatureCollection>) -> Option<[f64; 4]> {
    fn walk(v: &geojson::Value, f: &mut impl FnMut(&[f64])) {
        use geojson::Value as V;
        match v {
            V::Point(p) => f(p),
            V::MultiPoint(ps) | V::LineString(ps) => ps.iter().for_each(|p| f(p)),
            V::MultiLineString(ls) | V::Polygon(ls) => ls.iter().flatten().for_each(|p| f(p)),
            V::MultiPolygon(ps) => ps.iter().flatten().flatten().for_each(|p| f(p)),
            V::GeometryCollection(gs) => gs.iter().for_each(|g| walk(&g.value, f)),
        }
    }
    let mut b: Option<[f64; 4]> = None;
    for g in layers
        .flat_map(|l| &l.features)
        .filter_map(|f| f.geometry.as_ref())
    {
        walk(&g.value, &mut |p| {
            let (x, y) = (p[0], p[1]);
            let e = b.get_or_insert([x, y, x, y]);
            *e = [e[0].min(x), e[1].min(y), e[2].max(x), e[3].max(y)];
        });
    }
    b
}

/// Writes beside the layers `write_layers` wrote their QGIS styles
/// (`NAME.qml`, see [`crate::qgis`]) and `frontline.qgs`, a project that
/// opens them with the temporal controller's range set from the first day
/// of the timeline to the day after `as_of`. With timeline layers, the
/// day's layers are in a group that starts hidden, so the animation is not
/// drawn over; returns the files written.
///
/// ```
/// use frontline::{control::TimelineBuilder, front::{layers, FrontOptions}, layer::OutputFormat};
/// let dir = std::env::temp_dir().join("frontline-doc-front-qgis");
/// let timeline = TimelineBuilder::new().build();
/// let day = "2024-06-28".parse().unwrap();
/// let written = layers::write_layers(&timeline, day, &FrontOptions::default(), &dir, true, OutputFormat::GEOJSON).unwrap();
/// let files = layers::write_qgis(&written, day, &dir).unwrap();
/// assert!(dir.join("timeline-control.qml").exists());
/// assert_eq!(files.last().unwrap(), &dir.join("frontline.qgs"));
/// ```
pub fn write_qgis(
    written: &Written,
    as_of: NaiveDate,
    out_dir: &Path,
) -> crate::Result<Vec<std::path::PathBuf>> {
    let mut files = Vec::new();
    let mut day = Vec::new();
    let mut over_time = Vec::new();
    for path in &written.files {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        files.extend(crate::qgis::write_style(&name, path)?);
        if name.starts_with("timeline-") {
            over_time.push(name);
        } else {
            day.push(name);
        }
    }
    // Points over lines over areas.
    let order = |names: &mut Vec<String>| {
        let rank = |n: &str| {
            ["control", "arrows", "front", "contested"]
                .iter()
                .position(|k| n.ends_with(k))
        };
        names.sort_by_key(|n| rank(n));
    };
    order(&mut day);
    order(&mut over_time);
    fn names(v: &[String]) -> Vec<&str> {
        v.iter().map(|s| s.as_str()).collect()
    }
    let mut project = crate::qgis::Project::new(&format!("Front as of {as_of}"));
    if !over_time.is_empty() {
        project.group("timeline", true, &names(&over_time));
    }
    project.group(
        &format!("as of {as_of}"),
        over_time.is_empty(),
        &names(&day),
    );
    project.extent = written.extent.map(|[w, s, e, n]| {
        // A margin of a tenth, at least a tenth of a degree.
        let (dx, dy) = (((e - w) * 0.1).max(0.1), ((n - s) * 0.1).max(0.1));
        [w - dx, s - dy, e + dx, n + dy].map(|v| (v * 1e6).round() / 1e6)
    });
    let end = as_of.succ_opt().unwrap_or(as_of);
    project.time = Some((written.first_day.unwrap_or(as_of).min(as_of), end));
    let path = out_dir.join("frontline.qgs");
    project.write(&path)?;
    files.push(path);
    Ok(files)
}
