//! A synthetic-truth reference for developing the line: a known occupied
//! area, the gazetteer's settlements labelled by it, and how close an
//! estimated line comes to the true one.
//!
//! The occupied area follows the Dnipro (Natural Earth's course, the one
//! [`geography::rivers`](super::geography::rivers) bundles) from its delta
//! below Kherson up the former Kakhovka reservoir to near Vasylivka, then a
//! wandering land line of [`LAND_LINE`] north-east to the Russian border
//! north of Kupiansk; everything south and east of it, Crimea included, is
//! RU-held. The true line is that area's boundary on Ukraine's land.
//!
//! Two samples of Ukraine's settlements (GeoNames class P in the bundled
//! gazetteer) are labelled by it: **dense**, every settlement within
//! [`SAMPLE_KM`] of the true line, and **sparse**, only those of them with a
//! population figure, the kind of place the news names (and, sparser
//! still, **towns** of [`TOWN_POPULATION`] people or more).
//!
//! ```no_run
//! use frontline::front::reference::{agreement, SyntheticFront};
//! use frontline::front::{FrontLine, FrontOptions};
//! use frontline::Gazetteer;
//!
//! let truth = SyntheticFront::new(&Gazetteer::bundled());
//! let front = FrontLine::between(&truth.dense, &FrontOptions::default());
//! let a = agreement(&front.lines, &truth.line, 5.0);
//! println!("{:.2} of the estimate and {:.2} of the truth within 5 km",
//!          a.estimate_within, a.truth_within);
//! ```

use geo::{BooleanOps, Contains, Coord, LineString, MultiLineString, Point, Polygon};

use super::geography::{rivers, ukraine_land};
use super::HeldPoint;
use crate::event::Side;
use crate::geo_util::KM_PER_DEGREE;
use crate::Gazetteer;

/// Settlements within this distance of the true line, km, are sampled.
pub const SAMPLE_KM: f64 = 40.0;

/// The land part of the synthetic line, longitude/latitude, from the
/// Dnipro near Vasylivka to beyond the Russian border north of Kupiansk.
pub const LAND_LINE: [(f64, f64); 28] = [
    (35.25, 47.44),
    (35.55, 47.47),
    (35.80, 47.52),
    (35.95, 47.64),
    (36.10, 47.55),
    (36.30, 47.60),
    (36.55, 47.75),
    (36.75, 47.82),
    (36.95, 47.72),
    (37.15, 47.80),
    (37.30, 47.92),
    (37.40, 48.05),
    (37.28, 48.20),
    (37.45, 48.35),
    (37.62, 48.30),
    (37.80, 48.45),
    (37.95, 48.62),
    (38.00, 48.75),
    (38.12, 48.88),
    (38.02, 49.05),
    (37.85, 49.20),
    (37.95, 49.35),
    (37.80, 49.60),
    (37.62, 49.80),
    (37.70, 50.05),
    (37.85, 50.20),
    (37.95, 50.30),
    (38.20, 50.70),
];

/// The reference: the occupied area, the true line and the two samples.
#[derive(Clone, Debug)]
pub struct SyntheticFront {
    /// The RU-held area (it reaches beyond Ukraine: only its boundary on
    /// Ukraine's land is a front).
    pub occupied: Polygon<f64>,
    /// The true line: the occupied area's boundary on Ukraine's land.
    pub line: MultiLineString<f64>,
    /// Every settlement within [`SAMPLE_KM`] of the line, labelled.
    pub dense: Vec<HeldPoint>,
    /// The settlements of `dense` with a population figure.
    pub sparse: Vec<HeldPoint>,
    /// The settlements of `dense` of [`TOWN_POPULATION`] people or more.
    pub towns: Vec<HeldPoint>,
}

/// The population of a town in [`SyntheticFront::towns`].
pub const TOWN_POPULATION: u64 = 1_000;

/// The Dnipro from its delta below Kherson up the former Kakhovka
/// reservoir to its first point east of 34.95° E, near Kamianske.
fn dnipro_stretch() -> Vec<Coord<f64>> {
    let inside = |c: &Coord<f64>| (32.5..=35.2).contains(&c.x) && (46.5..=47.9).contains(&c.y);
    let mut pieces: Vec<&LineString<f64>> = rivers()
        .iter()
        .filter(|r| r.name == "Dnipro" && r.line.0.iter().all(inside))
        .map(|r| &r.line)
        .collect();
    // Chain downstream piece first: each starts where the one before ends.
    pieces.sort_by(|a, b| a.0[0].x.total_cmp(&b.0[0].x));
    let mut course: Vec<Coord<f64>> = vec![Coord { x: 32.30, y: 46.55 }];
    for piece in pieces {
        course.extend(piece.0.iter().copied());
    }
    let cut = course
        .iter()
        .position(|c| c.x > 34.95)
        .unwrap_or(course.len());
    course.truncate(cut);
    course
}

impl SyntheticFront {
    /// Builds the reference from the gazetteer's Ukrainian settlements.
    pub fn new(gaz: &Gazetteer) -> SyntheticFront {
        let mut ring = dnipro_stretch();
        ring.extend(LAND_LINE.iter().map(|&(x, y)| Coord { x, y }));
        // Round the east, the Sea of Azov and the Black Sea, and up the
        // Dnipro-Buh estuary back to the delta: the Kinburn spit is RU-held.
        for (x, y) in [
            (41.0, 50.70),
            (41.0, 44.0),
            (31.30, 44.0),
            (31.30, 46.45),
            (31.47, 46.575),
            (31.80, 46.575),
            (32.30, 46.55),
        ] {
            ring.push(Coord { x, y });
        }
        let occupied = Polygon::new(LineString(ring), Vec::new());
        let line = ukraine_land().clip(&MultiLineString(vec![occupied.exterior().clone()]), false);
        let index = SegmentIndex::new(&line.0, SAMPLE_KM);
        let mut dense = Vec::new();
        let mut sparse = Vec::new();
        let mut towns = Vec::new();
        for p in gaz.places() {
            if !(p.is_populated() && &*p.country_code == "UA") {
                continue;
            }
            if index.distance_km(p.lat, p.lon) > SAMPLE_KM {
                continue;
            }
            let side = if occupied.contains(&Point::new(p.lon, p.lat)) {
                Side::RU
            } else {
                Side::UA
            };
            let held = HeldPoint {
                lat: p.lat,
                lon: p.lon,
                side,
            };
            dense.push(held);
            if p.population > 0 {
                sparse.push(held);
            }
            if p.population >= TOWN_POPULATION {
                towns.push(held);
            }
        }
        SyntheticFront {
            occupied,
            line,
            dense,
            sparse,
            towns,
        }
    }
}

/// How close an estimated line and a true line come to each other.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Agreement {
    /// Share of the estimate's length within the distance of the truth.
    pub estimate_within: f64,
    /// Share of the truth's length within the distance of the estimate.
    pub truth_within: f64,
    /// Length of the estimate, km.
    pub estimate_km: f64,
    /// Length of the truth, km.
    pub truth_km: f64,
}

/// Measures an estimate against a true line: the share of each's length
/// (sampled every 0.5 km) within `within_km` of the other.
///
/// ```
/// use frontline::front::reference::agreement;
/// use geo::{line_string, MultiLineString};
///
/// let truth = MultiLineString(vec![line_string![(x: 37.0, y: 48.0), (x: 37.0, y: 49.0)]]);
/// // 0.03° of longitude is about 2.2 km at 48.5° N; 0.1° is about 7.4 km.
/// let near = line_string![(x: 37.03, y: 48.0), (x: 37.03, y: 48.5)];
/// let far = line_string![(x: 37.1, y: 48.5), (x: 37.1, y: 49.0)];
/// let a = agreement(&[near, far], &truth, 5.0);
/// assert!((a.estimate_within - 0.5).abs() < 0.01);
/// // The truth from 48.0° to 48.5° N, and 4.5 km (0.04°) past the near
/// // line's end, where it is still within 5 km of it.
/// assert!((a.truth_within - 0.54).abs() < 0.01, "{a:?}");
/// ```
pub fn agreement(
    estimate: &[LineString<f64>],
    truth: &MultiLineString<f64>,
    within_km: f64,
) -> Agreement {
    let share = |from: &[LineString<f64>], to: &[LineString<f64>]| {
        let index = SegmentIndex::new(to, within_km);
        let (mut near, mut total) = (0.0, 0.0);
        for (c, km) in samples(from, 0.5) {
            total += km;
            if index.distance_km(c.y, c.x) <= within_km {
                near += km;
            }
        }
        (if total > 0.0 { near / total } else { 0.0 }, total)
    };
    let (estimate_within, estimate_km) = share(estimate, &truth.0);
    let (truth_within, truth_km) = share(&truth.0, estimate);
    Agreement {
        estimate_within,
        truth_within,
        estimate_km,
        truth_km,
    }
}

/// The plane the reference measures in: equirectangular at 48.5° N, km.
fn plane(lat: f64, lon: f64) -> (f64, f64) {
    const COS: f64 = 0.662_619_7; // cos 48.5°
    (lon * COS * KM_PER_DEGREE, lat * KM_PER_DEGREE)
}

/// Points along lines every `step` km or less (the middle of each piece),
/// with the length each stands for.
fn samples(lines: &[LineString<f64>], step: f64) -> Vec<(Coord<f64>, f64)> {
    let mut out = Vec::new();
    for l in lines {
        for w in l.0.windows(2) {
            let (a, b) = (plane(w[0].y, w[0].x), plane(w[1].y, w[1].x));
            let km = (b.0 - a.0).hypot(b.1 - a.1);
            let n = (km / step).ceil().max(1.0) as usize;
            for k in 0..n {
                let t = (k as f64 + 0.5) / n as f64;
                let c = Coord {
                    x: w[0].x + (w[1].x - w[0].x) * t,
                    y: w[0].y + (w[1].y - w[0].y) * t,
                };
                out.push((c, km / n as f64));
            }
        }
    }
    out
}

/// Segments bucketed in square cells, for distances up to a limit.
struct SegmentIndex {
    cell: f64,
    cells: std::collections::HashMap<(i64, i64), Vec<usize>>,
    segments: Vec<((f64, f64), (f64, f64))>,
}

impl SegmentIndex {
    fn new(lines: &[LineString<f64>], limit_km: f64) -> SegmentIndex {
        let cell = limit_km.max(1.0);
        let mut index = SegmentIndex {
            cell,
            cells: Default::default(),
            segments: Vec::new(),
        };
        for l in lines {
            for w in l.0.windows(2) {
                let (a, b) = (plane(w[0].y, w[0].x), plane(w[1].y, w[1].x));
                let id = index.segments.len();
                index.segments.push((a, b));
                let (x0, x1) = (a.0.min(b.0) - cell, a.0.max(b.0) + cell);
                let (y0, y1) = (a.1.min(b.1) - cell, a.1.max(b.1) + cell);
                for i in (x0 / cell).floor() as i64..=(x1 / cell).floor() as i64 {
                    for j in (y0 / cell).floor() as i64..=(y1 / cell).floor() as i64 {
                        index.cells.entry((i, j)).or_default().push(id);
                    }
                }
            }
        }
        index
    }

    /// Distance to the nearest segment, km; infinite beyond the limit.
    fn distance_km(&self, lat: f64, lon: f64) -> f64 {
        let p = plane(lat, lon);
        let key = (
            (p.0 / self.cell).floor() as i64,
            (p.1 / self.cell).floor() as i64,
        );
        let Some(ids) = self.cells.get(&key) else {
            return f64::INFINITY;
        };
        ids.iter()
            .map(|&i| point_segment_km(p, self.segments[i]))
            .fold(f64::INFINITY, f64::min)
    }
}

fn point_segment_km(p: (f64, f64), (a, b): ((f64, f64), (f64, f64))) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (p.0 - a.0 - t * dx).hypot(p.1 - a.1 - t * dy)
}
