//! The compiled-in basemap: Natural Earth land, borders, coasts, lakes and
//! rivers for the whole world at 1:110m, and at 1:10m around Ukraine with
//! the borders and names of oblasts (`data/natural-earth/basemap/`, made by
//! `tools/basemap.py`; public domain, "Made with Natural Earth").
//!
//! A map whose box lies inside the 1:10m region is drawn from it; any
//! other from the world's.

use std::sync::OnceLock;

use geojson::{GeoJson, Value};

use super::projection::BBox;

const WORLD: &str = include_str!("../../data/natural-earth/basemap/world.geojson");
const REGION: &str = include_str!("../../data/natural-earth/basemap/region.geojson");

/// The box the 1:10m layers cover (as `tools/basemap.py` cuts them).
pub const REGION_BOX: BBox = BBox {
    west: 14.0,
    south: 40.0,
    east: 50.0,
    north: 57.0,
};

/// A line (border, coast, river) with its box.
#[derive(Clone, Debug)]
pub struct Line {
    /// Longitude, latitude.
    pub points: Vec<(f64, f64)>,
    /// Its box.
    pub bbox: BBox,
    /// The river's Natural Earth rank (smaller is more important); 0 for
    /// other lines.
    pub rank: u8,
    /// The name, where it has one.
    pub name: String,
}

/// An area (a country's land, a lake): its polygons' rings.
#[derive(Clone, Debug)]
pub struct Area {
    /// Rings (outer rings and holes; filled even-odd).
    pub rings: Vec<Vec<(f64, f64)>>,
    /// Its box.
    pub bbox: BBox,
    /// The country's or lake's name.
    pub name: String,
    /// The lake's rank; 0 for land.
    pub rank: u8,
}

/// A name of a first-level division at a point inside it.
#[derive(Clone, Debug)]
pub struct Label {
    /// Longitude, latitude.
    pub at: (f64, f64),
    /// The division's name (Ukraine's as the gazetteer writes them).
    pub name: String,
    /// Its country, ISO alpha-3.
    pub country: String,
}

/// One scale of the basemap.
#[derive(Clone, Debug, Default)]
pub struct Basemap {
    /// Countries' land.
    pub land: Vec<Area>,
    /// Lakes and reservoirs.
    pub lakes: Vec<Area>,
    /// Coastlines.
    pub coast: Vec<Line>,
    /// Borders between countries.
    pub borders: Vec<Line>,
    /// Borders between first-level divisions (1:10m only).
    pub admin1: Vec<Line>,
    /// Rivers.
    pub rivers: Vec<Line>,
    /// Names of first-level divisions (1:10m only).
    pub labels: Vec<Label>,
}

fn points(cs: &[Vec<f64>]) -> Vec<(f64, f64)> {
    cs.iter()
        .filter(|c| c.len() >= 2)
        .map(|c| (c[0], c[1]))
        .collect()
}

fn parse(text: &str) -> Basemap {
    // The files are the crate's own, checked by tests: a failure here is a
    // bug in the build, not bad input.
    let Ok(GeoJson::FeatureCollection(c)) = text.parse::<GeoJson>() else {
        return Basemap::default();
    };
    let mut map = Basemap::default();
    for f in c.features {
        let prop = |k: &str| {
            f.property(k)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let rank = f
            .property("rank")
            .and_then(|v| v.as_u64())
            .unwrap_or_default()
            .min(255) as u8;
        let kind = prop("kind");
        let Some(g) = &f.geometry else { continue };
        match (&g.value, kind.as_str()) {
            (Value::LineString(cs), _) => {
                let pts = points(cs);
                let Some(bbox) = BBox::around(pts.iter().copied()) else {
                    continue;
                };
                let line = Line {
                    points: pts,
                    bbox,
                    rank,
                    name: prop("name"),
                };
                match kind.as_str() {
                    "coast" => map.coast.push(line),
                    "border" => map.borders.push(line),
                    "admin1" => map.admin1.push(line),
                    "river" => map.rivers.push(line),
                    _ => {}
                }
            }
            (Value::Point(c), "admin1-label") if c.len() >= 2 => map.labels.push(Label {
                at: (c[0], c[1]),
                name: prop("name"),
                country: prop("country"),
            }),
            (Value::Polygon(_) | Value::MultiPolygon(_), _) => {
                let rings = rings_of(&g.value);
                let Some(bbox) = BBox::around(rings.iter().flatten().copied()) else {
                    continue;
                };
                let area = Area {
                    rings,
                    bbox,
                    name: prop("name"),
                    rank,
                };
                match kind.as_str() {
                    "land" => map.land.push(area),
                    "lake" => map.lakes.push(area),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    map
}

fn rings_of(v: &Value) -> Vec<Vec<(f64, f64)>> {
    match v {
        Value::MultiPolygon(ps) => ps.iter().flatten().map(|r| points(r)).collect(),
        Value::Polygon(rs) => rs.iter().map(|r| points(r)).collect(),
        _ => Vec::new(),
    }
}

/// The world at 1:110m (parsed once).
///
/// ```
/// let world = frontline::render::basemap::world();
/// assert!(world.land.iter().any(|a| a.name == "North Korea"));
/// assert!(world.admin1.is_empty());
/// ```
pub fn world() -> &'static Basemap {
    static MAP: OnceLock<Basemap> = OnceLock::new();
    MAP.get_or_init(|| parse(WORLD))
}

/// Ukraine and its neighbours at 1:10m (parsed once).
///
/// ```
/// let region = frontline::render::basemap::region();
/// assert!(region.rivers.iter().any(|r| r.name == "Siverskyi Donets"));
/// assert!(region.labels.iter().any(|l| l.name == "Zaporizhzhia"));
/// ```
pub fn region() -> &'static Basemap {
    static MAP: OnceLock<Basemap> = OnceLock::new();
    MAP.get_or_init(|| parse(REGION))
}

/// The basemap to draw a box with: the 1:10m region when the box lies
/// inside it, else the world.
///
/// ```
/// use frontline::render::{basemap, projection::BBox};
/// let donbas = BBox { west: 36.0, south: 47.5, east: 39.5, north: 50.0 };
/// let map = basemap::for_box(&donbas);
/// assert!(!map.admin1.is_empty()); // oblast borders: the 1:10m region
/// let korea = BBox { west: 30.0, south: 35.0, east: 130.0, north: 55.0 };
/// assert!(basemap::for_box(&korea).admin1.is_empty());
/// ```
pub fn for_box(bbox: &BBox) -> &'static Basemap {
    if REGION_BOX.covers(bbox) {
        region()
    } else {
        world()
    }
}
