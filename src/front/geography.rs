//! Ukraine's land outline and its front-line rivers, from Natural Earth
//! (public domain), compiled in: see `data/natural-earth/README.md` for
//! the source, the licence and how the files were made.
//!
//! ```
//! use frontline::front::geography::{rivers, ukraine_land};
//! use geo::Contains;
//!
//! let land = ukraine_land();
//! // Kyiv and Simferopol are in; the Sea of Azov and Belgorod are not.
//! assert!(land.contains(&geo::Point::new(30.52, 50.45)));
//! assert!(land.contains(&geo::Point::new(34.10, 44.95)));
//! assert!(!land.contains(&geo::Point::new(36.50, 46.20)));
//! assert!(!land.contains(&geo::Point::new(36.59, 50.60)));
//! assert!(rivers().iter().any(|r| r.name == "Dnipro"));
//! ```

use std::sync::OnceLock;

use geo::{Contains, Coord, LineString, MultiPolygon, Point, Polygon};

const LAND: &str = include_str!("../../data/natural-earth/ukraine-land.txt");
const RIVERS: &str = include_str!("../../data/natural-earth/ukraine-rivers.txt");

/// A river's course (or a reservoir's centre line) as a line, WGS 84.
#[derive(Clone, Debug, PartialEq)]
pub struct River {
    /// `Dnipro`, `Siverskyi Donets`, `Oskil` or `Inhulets`.
    pub name: String,
    /// The course, longitude/latitude.
    pub line: LineString<f64>,
}

fn rows(text: &'static str) -> impl Iterator<Item = (&'static str, LineString<f64>)> {
    text.lines().filter(|l| !l.trim().is_empty()).map(|l| {
        let (name, coords) = l.split_once('\t').expect("a row is name<TAB>coordinates");
        let line = coords
            .split(' ')
            .map(|p| {
                let (x, y) = p.split_once(',').expect("lon,lat");
                Coord {
                    x: x.parse().expect("a longitude"),
                    y: y.parse().expect("a latitude"),
                }
            })
            .collect();
        (name, line)
    })
}

/// Ukraine's land within its internationally recognised borders, Crimea
/// included (Natural Earth 1:10m, simplified to about 300 m).
pub fn ukraine_land() -> &'static MultiPolygon<f64> {
    static LAND_POLYGON: OnceLock<MultiPolygon<f64>> = OnceLock::new();
    LAND_POLYGON.get_or_init(|| {
        MultiPolygon(
            rows(LAND)
                .map(|(_, ring)| Polygon::new(ring, Vec::new()))
                .collect(),
        )
    })
}

/// The rivers the front follows where the sides face each other across
/// water: the Dnipro with its reservoirs (the former Kakhovka reservoir
/// included), the Siverskyi Donets, the Oskil and the Inhulets.
pub fn rivers() -> &'static [River] {
    static RIVER_LINES: OnceLock<Vec<River>> = OnceLock::new();
    RIVER_LINES.get_or_init(|| {
        rows(RIVERS)
            .map(|(name, line)| River {
                name: name.split(" (").next().unwrap_or(name).trim().to_string(),
                line,
            })
            .collect()
    })
}

/// Segments (in degrees) bucketed in square cells of [`CELL_DEG`].
pub(crate) struct SegmentGrid {
    segments: Vec<(Coord<f64>, Coord<f64>)>,
    cells: rustc_hash::FxHashMap<(i32, i32), Vec<u32>>,
}

/// The cell size of a [`SegmentGrid`], degrees.
const CELL_DEG: f64 = 0.1;

fn cell_of(c: f64) -> i32 {
    (c / CELL_DEG).floor() as i32
}

impl SegmentGrid {
    pub(crate) fn new<'a>(lines: impl Iterator<Item = &'a LineString<f64>>) -> SegmentGrid {
        let mut grid = SegmentGrid {
            segments: Vec::new(),
            cells: Default::default(),
        };
        for l in lines {
            for w in l.0.windows(2) {
                let id = grid.segments.len() as u32;
                grid.segments.push((w[0], w[1]));
                for i in cell_of(w[0].x.min(w[1].x))..=cell_of(w[0].x.max(w[1].x)) {
                    for j in cell_of(w[0].y.min(w[1].y))..=cell_of(w[0].y.max(w[1].y)) {
                        grid.cells.entry((i, j)).or_default().push(id);
                    }
                }
            }
        }
        grid
    }

    /// The distance from a point to the nearest segment, km (equirectangular
    /// at the point's latitude), looking through all of them.
    #[cfg(test)]
    pub(crate) fn nearest_km(&self, p: Coord<f64>) -> f64 {
        let k = p.y.to_radians().cos();
        let plane = |c: Coord<f64>| Coord {
            x: c.x * k * crate::geo_util::KM_PER_DEGREE,
            y: c.y * crate::geo_util::KM_PER_DEGREE,
        };
        let q = plane(p);
        self.segments
            .iter()
            .map(|&(a, b)| {
                let (a, b) = (plane(a), plane(b));
                let d = b - a;
                let len2 = d.x * d.x + d.y * d.y;
                let t = if len2 > 0.0 {
                    (((q - a).x * d.x + (q - a).y * d.y) / len2).clamp(0.0, 1.0)
                } else {
                    0.0
                };
                let r = q - (a + d * t);
                r.x.hypot(r.y)
            })
            .fold(f64::INFINITY, f64::min)
    }

    /// The parameters `t` in 0..=1 (ascending, deduplicated) at which the
    /// segment `a`–`b` crosses the grid's segments.
    pub(crate) fn crossings(&self, a: Coord<f64>, b: Coord<f64>) -> Vec<f64> {
        self.crossings_steeper_than(a, b, 0.0)
    }

    /// As [`crossings`](Self::crossings), only where the segments meet at
    /// an angle whose sine (on the ground, not in degrees) is at least
    /// `min_sin`.
    pub(crate) fn crossings_steeper_than(
        &self,
        a: Coord<f64>,
        b: Coord<f64>,
        min_sin: f64,
    ) -> Vec<f64> {
        let k = ((a.y + b.y) / 2.0).to_radians().cos();
        let ground = |c: Coord<f64>| Coord { x: c.x * k, y: c.y };
        let r = ground(b) - ground(a);
        let mut ids: Vec<u32> = Vec::new();
        for i in cell_of(a.x.min(b.x))..=cell_of(a.x.max(b.x)) {
            for j in cell_of(a.y.min(b.y))..=cell_of(a.y.max(b.y)) {
                if let Some(v) = self.cells.get(&(i, j)) {
                    ids.extend_from_slice(v);
                }
            }
        }
        ids.sort_unstable();
        ids.dedup();
        let mut ts: Vec<f64> = ids
            .into_iter()
            .filter_map(|id| {
                let (c, d) = self.segments[id as usize];
                let t = intersect(a, b, c, d)?;
                let s = ground(d) - ground(c);
                let sin = (r.x * s.y - r.y * s.x).abs() / (r.x.hypot(r.y) * s.x.hypot(s.y));
                (sin >= min_sin).then_some(t)
            })
            .collect();
        ts.sort_by(f64::total_cmp);
        ts.dedup_by(|x, y| (*x - *y).abs() < 1e-12);
        ts
    }
}

/// Where segment `a`–`b` crosses segment `c`–`d`: the parameter along
/// `a`–`b`, or `None` when they do not meet (or are parallel).
fn intersect(a: Coord<f64>, b: Coord<f64>, c: Coord<f64>, d: Coord<f64>) -> Option<f64> {
    let r = b - a;
    let s = d - c;
    let denom = r.x * s.y - r.y * s.x;
    if denom == 0.0 {
        return None;
    }
    let q = c - a;
    let t = (q.x * s.y - q.y * s.x) / denom;
    let u = (q.x * r.y - q.y * r.x) / denom;
    ((0.0..=1.0).contains(&t) && (0.0..=1.0).contains(&u)).then_some(t)
}

/// The rivers' segments, indexed.
pub(crate) fn river_grid() -> &'static SegmentGrid {
    static GRID: OnceLock<SegmentGrid> = OnceLock::new();
    GRID.get_or_init(|| SegmentGrid::new(rivers().iter().map(|r| &r.line)))
}

/// The land outline's segments, indexed.
fn land_grid() -> &'static SegmentGrid {
    static GRID: OnceLock<SegmentGrid> = OnceLock::new();
    GRID.get_or_init(|| SegmentGrid::new(ukraine_land().0.iter().map(|p| p.exterior())))
}

/// The parts of a line (longitude/latitude) on Ukraine's land, in order
/// and in the line's direction. Parts shorter than two distinct points are
/// dropped.
///
/// ```
/// use frontline::front::geography::clip_to_land;
/// use geo::line_string;
///
/// // South from near Mariupol out over the Sea of Azov: only the land part
/// // stays, ending on the coast (about 47.05° N at 37.5° E).
/// let line = line_string![(x: 37.5, y: 47.3), (x: 37.5, y: 46.8)];
/// let parts = clip_to_land(&line);
/// assert_eq!(parts.len(), 1);
/// let end = parts[0].0.last().unwrap().y;
/// assert!(end > 46.95 && end < 47.15, "{end}");
/// ```
pub fn clip_to_land(line: &LineString<f64>) -> Vec<LineString<f64>> {
    let land = ukraine_land();
    let grid = land_grid();
    let mut parts: Vec<LineString<f64>> = Vec::new();
    let mut current: Vec<Coord<f64>> = Vec::new();
    let mut inside: Option<bool> = None;
    let mut flush = |current: &mut Vec<Coord<f64>>| {
        current.dedup();
        if current.len() >= 2 {
            parts.push(LineString(std::mem::take(current)));
        }
        current.clear();
    };
    for w in line.0.windows(2) {
        let (a, b) = (w[0], w[1]);
        let ts = grid.crossings(a, b);
        let crossed = !ts.is_empty();
        let mut cuts = vec![0.0];
        cuts.extend(ts.into_iter().filter(|&t| t > 0.0 && t < 1.0));
        cuts.push(1.0);
        let at = |t: f64| a + (b - a) * t;
        for k in 0..cuts.len() - 1 {
            let (t0, t1) = (cuts[k], cuts[k + 1]);
            // A piece with no crossing keeps the state of the one before.
            let is_in = match inside {
                Some(s) if !crossed => s,
                _ => land.contains(&Point(at((t0 + t1) / 2.0))),
            };
            if is_in {
                if current.is_empty() {
                    current.push(at(t0));
                }
                current.push(at(t1));
            } else {
                flush(&mut current);
            }
            inside = Some(is_in);
        }
    }
    flush(&mut current);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Area, Contains};

    #[test]
    fn the_outline_holds_crimea_and_the_front_line_oblasts_but_not_russia() {
        let land = ukraine_land();
        for (lon, lat, place) in [
            (33.71, 46.11, "Armiansk, Perekop isthmus"),
            (33.52, 44.60, "Sevastopol"),
            (37.80, 48.00, "Donetsk"),
            (39.31, 48.57, "Luhansk"),
            (32.62, 46.64, "Kherson"),
        ] {
            assert!(land.contains(&geo::Point::new(lon, lat)), "{place}");
        }
        for (lon, lat, place) in [
            (36.59, 50.60, "Belgorod"),
            (39.72, 47.23, "Rostov-on-Don"),
            (35.00, 45.80, "the Sea of Azov"),
            (31.00, 45.50, "the Black Sea"),
        ] {
            assert!(!land.contains(&geo::Point::new(lon, lat)), "{place}");
        }
    }

    #[test]
    fn the_outline_has_about_ukraines_area() {
        // 603,550 km² with Crimea; at 48.5° N a square degree is about
        // 111.2 × 73.7 km.
        let deg2 = ukraine_land().unsigned_area();
        let km2 = deg2 * 111.195 * 111.195 * 48.5f64.to_radians().cos();
        assert!((km2 - 603_550.0).abs() < 0.03 * 603_550.0, "{km2}");
    }
}
