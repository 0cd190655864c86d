//! The front line on a day: control of settlements → a line between the
//! sides, contested zones and advance arrows.
//!
//! The line is a contour of control over the Delaunay triangulation
//! (spade) of the RU- and UA-held settlements: every triangle with
//! settlements of both sides holds a segment between the midpoints of its
//! two edges that join opposite sides, and segments that share an edge join
//! into lines, smoothed by Chaikin's algorithm (geo). Contested and
//! unknown settlements are left out of the triangulation; their zones are
//! drawn separately.
//!
//! No line is drawn without evidence: a segment is left out when either
//! edge it crosses joins settlements more than [`MAX_GAP_KM`] apart.
//! Lines run with the RU-held side on their left.
//!
//! Distances and the triangulation use a local plane (equirectangular at
//! the mean latitude), accurate to well under 1% across a front 1,000 km
//! long at Ukraine's latitudes; output coordinates are WGS 84.
//!
//! ```
//! use frontline::front::{FrontLine, FrontOptions, HeldPoint};
//! use frontline::Side;
//!
//! // Three RU-held villages to the east, three UA-held ones to the west.
//! let mut held = Vec::new();
//! for (i, lat) in [48.00, 48.05, 48.10].into_iter().enumerate() {
//!     held.push(HeldPoint { lat, lon: 37.20, side: Side::RU });
//!     held.push(HeldPoint { lat: lat + 0.02 * i as f64, lon: 37.00, side: Side::UA });
//! }
//! let front = FrontLine::between(&held, &FrontOptions::default());
//! assert_eq!(front.lines.len(), 1);
//! assert!(front.lines[0].0.iter().all(|c| c.x > 37.0 && c.x < 37.2));
//! ```

pub mod layers;
mod zones;

pub use zones::{contested_zones, ContestedZone, CONTESTED_RADIUS_KM};

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use geo::{ChaikinSmoothing, Coord, LineString};
use spade::{DelaunayTriangulation, HasPosition, Point2, Triangulation};

use crate::control::{Control, Movement, SettlementState, Timeline};
use crate::event::{Extent, Side};
use crate::geo_util::{distance_km, KM_PER_DEGREE};

/// Settlements of opposite sides further apart than this, km, do not
/// support a line between them.
pub const MAX_GAP_KM: f64 = 30.0;

/// Chaikin smoothing passes applied to each line.
pub const SMOOTHING_PASSES: usize = 2;

/// How the front is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FrontOptions {
    /// See [`MAX_GAP_KM`].
    pub max_gap_km: f64,
    /// See [`SMOOTHING_PASSES`].
    pub smoothing: usize,
    /// See [`CONTESTED_RADIUS_KM`].
    pub contested_radius_km: f64,
}

impl Default for FrontOptions {
    fn default() -> FrontOptions {
        FrontOptions {
            max_gap_km: MAX_GAP_KM,
            smoothing: SMOOTHING_PASSES,
            contested_radius_km: CONTESTED_RADIUS_KM,
        }
    }
}

/// A settlement held by one side.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HeldPoint {
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// `RU` or `UA`; other sides are ignored.
    pub side: Side,
}

/// The estimated front line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FrontLine {
    /// The lines, WGS 84 (x longitude, y latitude), each with RU-held
    /// ground on its left.
    pub lines: Vec<LineString<f64>>,
    /// Pairs of opposite-side settlements the lines pass between.
    pub supporting_pairs: usize,
    /// Pairs of opposite-side neighbours left without a line: further apart
    /// than the maximum gap.
    pub gaps: usize,
}

/// A vertex of the triangulation, in the local plane (km).
#[derive(Clone, Copy, Debug)]
struct Vertex {
    x: f64,
    y: f64,
    ru: bool,
    lat: f64,
    lon: f64,
}

impl HasPosition for Vertex {
    type Scalar = f64;
    fn position(&self) -> Point2<f64> {
        Point2::new(self.x, self.y)
    }
}

/// A local equirectangular plane, km, around a latitude.
#[derive(Clone, Copy)]
struct Plane {
    lat0: f64,
    cos0: f64,
}

impl Plane {
    fn around(points: &[HeldPoint]) -> Plane {
        let lat0 = points.iter().map(|p| p.lat).sum::<f64>() / points.len().max(1) as f64;
        Plane {
            lat0,
            cos0: lat0.to_radians().cos(),
        }
    }
    fn project(self, lat: f64, lon: f64) -> (f64, f64) {
        (
            lon * self.cos0 * KM_PER_DEGREE,
            (lat - self.lat0) * KM_PER_DEGREE,
        )
    }
    fn unproject(self, x: f64, y: f64) -> Coord<f64> {
        Coord {
            x: x / (self.cos0 * KM_PER_DEGREE),
            y: y / KM_PER_DEGREE + self.lat0,
        }
    }
}

/// A directed segment across one triangle, between two edge midpoints.
struct Segment {
    from: (usize, usize),
    to: (usize, usize),
}

impl FrontLine {
    /// The line between the RU- and UA-held settlements of a day's state.
    /// Partly held settlements count for their holder.
    pub fn from_state(state: &[SettlementState<'_>], options: &FrontOptions) -> FrontLine {
        let held: Vec<HeldPoint> = state
            .iter()
            .filter_map(|s| {
                Some(HeldPoint {
                    lat: s.settlement.lat,
                    lon: s.settlement.lon,
                    side: s.state.control.side()?,
                })
            })
            .collect();
        FrontLine::between(&held, options)
    }

    /// The line between RU- and UA-held points.
    pub fn between(held: &[HeldPoint], options: &FrontOptions) -> FrontLine {
        let vertices = distinct_vertices(held);
        let has = |ru: bool| vertices.iter().any(|v| v.ru == ru);
        if vertices.len() < 3 || !has(true) || !has(false) {
            return FrontLine::default();
        }
        let plane = Plane::around(held);
        let vertices: Vec<Vertex> = vertices
            .into_iter()
            .map(|v| {
                let (x, y) = plane.project(v.lat, v.lon);
                Vertex { x, y, ..v }
            })
            .collect();
        let Ok(tri) = DelaunayTriangulation::<Vertex>::bulk_load_stable(vertices) else {
            return FrontLine::default();
        };
        let mut midpoints: BTreeMap<(usize, usize), (f64, f64)> = BTreeMap::new();
        let mut long_edges: BTreeSet<(usize, usize)> = BTreeSet::new();
        let mut segments: Vec<Segment> = Vec::new();
        for face in tri.inner_faces() {
            let vs = face.vertices();
            let ru = vs.map(|v| v.data().ru);
            if ru.iter().all(|&r| r) || ru.iter().all(|&r| !r) {
                continue;
            }
            let mut crossed = Vec::with_capacity(2);
            for (a, b) in [(0, 1), (1, 2), (2, 0)] {
                if ru[a] == ru[b] {
                    continue;
                }
                let (va, vb) = (vs[a].data(), vs[b].data());
                let (ia, ib) = (vs[a].fix().index(), vs[b].fix().index());
                let key = (ia.min(ib), ia.max(ib));
                midpoints.insert(key, ((va.x + vb.x) / 2.0, (va.y + vb.y) / 2.0));
                if distance_km(va.lat, va.lon, vb.lat, vb.lon) > options.max_gap_km {
                    long_edges.insert(key);
                }
                crossed.push(key);
            }
            let [k1, k2] = [crossed[0], crossed[1]];
            if long_edges.contains(&k1) || long_edges.contains(&k2) {
                continue;
            }
            // Orient the segment so that RU-held ground is on its left.
            let r = vs[ru.iter().position(|&r| r).expect("a mixed triangle")].data();
            let (m1, m2) = (midpoints[&k1], midpoints[&k2]);
            let cross = (m2.0 - m1.0) * (r.y - m1.1) - (m2.1 - m1.1) * (r.x - m1.0);
            segments.push(if cross >= 0.0 {
                Segment { from: k1, to: k2 }
            } else {
                Segment { from: k2, to: k1 }
            });
        }
        let supporting: BTreeSet<(usize, usize)> =
            segments.iter().flat_map(|s| [s.from, s.to]).collect();
        let lines = chain(&segments)
            .into_iter()
            .map(|keys| {
                let plane_line: LineString<f64> = keys
                    .iter()
                    .map(|k| Coord {
                        x: midpoints[k].0,
                        y: midpoints[k].1,
                    })
                    .collect();
                let smooth = plane_line.chaikin_smoothing(options.smoothing);
                smooth
                    .0
                    .into_iter()
                    .map(|c| {
                        let c = plane.unproject(c.x, c.y);
                        Coord {
                            x: crate::layer::round6(c.x),
                            y: crate::layer::round6(c.y),
                        }
                    })
                    .collect()
            })
            .collect();
        FrontLine {
            lines,
            supporting_pairs: supporting.len(),
            gaps: long_edges.len(),
        }
    }

    /// True when no line could be drawn.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Length of each line, km.
    pub fn lengths_km(&self) -> Vec<f64> {
        self.lines
            .iter()
            .map(|l| {
                l.0.windows(2)
                    .map(|w| distance_km(w[0].y, w[0].x, w[1].y, w[1].x))
                    .sum()
            })
            .collect()
    }
}

/// One vertex per position, RU or UA: points at the same position held by
/// both sides are dropped, as nothing can be drawn between them.
fn distinct_vertices(held: &[HeldPoint]) -> Vec<Vertex> {
    let mut by_position: BTreeMap<(i64, i64), Option<Vertex>> = BTreeMap::new();
    for p in held {
        let ru = match p.side {
            Side::RU => true,
            Side::UA => false,
            _ => continue,
        };
        if !(p.lat.is_finite() && p.lon.is_finite()) {
            continue;
        }
        let key = ((p.lat * 1e6).round() as i64, (p.lon * 1e6).round() as i64);
        let v = Vertex {
            x: 0.0,
            y: 0.0,
            ru,
            lat: p.lat,
            lon: p.lon,
        };
        by_position
            .entry(key)
            .and_modify(|e| {
                if e.is_some_and(|old| old.ru != ru) {
                    *e = None;
                }
            })
            .or_insert(Some(v));
    }
    by_position.into_values().flatten().collect()
}

/// Joins directed segments that share edges into chains of edge keys:
/// open chains first, from their first segment in key order, then loops
/// (closed by repeating their first key).
fn chain(segments: &[Segment]) -> Vec<Vec<(usize, usize)>> {
    let next: BTreeMap<(usize, usize), (usize, usize)> =
        segments.iter().map(|s| (s.from, s.to)).collect();
    let ends: BTreeSet<(usize, usize)> = segments.iter().map(|s| s.to).collect();
    let mut used: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut chains = Vec::new();
    let starts: Vec<(usize, usize)> = next.keys().filter(|k| !ends.contains(k)).copied().collect();
    let loops: Vec<(usize, usize)> = next.keys().copied().collect();
    for start in starts.into_iter().chain(loops) {
        if used.contains(&start) {
            continue;
        }
        let mut keys = vec![start];
        let mut at = start;
        while let Some(&to) = next.get(&at) {
            if !used.insert(at) {
                break;
            }
            keys.push(to);
            if to == start {
                break;
            }
            at = to;
        }
        if keys.len() >= 2 {
            chains.push(keys);
        }
    }
    chains
}

/// Everything drawn for one day: the settlements' control, the line, the
/// contested zones and the arrows.
///
/// ```
/// use frontline::control::TimelineBuilder;
/// use frontline::front::{FrontMap, FrontOptions};
/// use frontline::{extract, Article, Gazetteer};
///
/// let gaz = Gazetteer::bundled();
/// let article = Article::new(
///     "Russian forces captured Bakhmut and Klishchiivka. Ukrainian forces recaptured \
///      Ivanivske and Bila Hora. Fighting continues in Chasiv Yar.",
/// ).with_published("2024-06-20").unwrap();
/// let mut builder = TimelineBuilder::new();
/// builder.add_extraction(&gaz, &extract(&gaz, &article));
/// let timeline = builder.build();
/// let map = FrontMap::at(&timeline, "2024-06-21".parse().unwrap(), &FrontOptions::default());
/// assert_eq!(map.control.len(), 5);
/// assert_eq!(map.line.lines.len(), 1); // between Bakhmut, Klishchiivka and Ivanivske, Bila Hora
/// assert_eq!(map.zones[0].settlements[0].name, "Chasiv Yar");
/// ```
#[derive(Clone, Debug)]
pub struct FrontMap<'t> {
    /// The day.
    pub as_of: NaiveDate,
    /// Every settlement with a state by then.
    pub control: Vec<SettlementState<'t>>,
    /// The line between the sides.
    pub line: FrontLine,
    /// Contested and partly held settlements, as zones.
    pub zones: Vec<ContestedZone>,
    /// Advances and counterattacks with a direction, up to the day.
    pub arrows: Vec<&'t Movement>,
}

impl<'t> FrontMap<'t> {
    /// Draws the front of `timeline` on `as_of`.
    pub fn at(timeline: &'t Timeline, as_of: NaiveDate, options: &FrontOptions) -> FrontMap<'t> {
        let control = timeline.at(as_of);
        let line = FrontLine::from_state(&control, options);
        let in_zone: Vec<&SettlementState<'_>> = control
            .iter()
            .filter(|s| s.state.control == Control::Contested || s.state.extent == Extent::Partial)
            .collect();
        let zones = contested_zones(&in_zone, options.contested_radius_km);
        let arrows = timeline.movements_until(as_of).collect();
        FrontMap {
            as_of,
            control,
            line,
            zones,
            arrows,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(side: Side, lon0: f64) -> Vec<HeldPoint> {
        let mut v = Vec::new();
        for i in 0..6 {
            for j in 0..3 {
                v.push(HeldPoint {
                    lat: 48.0 + 0.05 * i as f64 + 0.004 * j as f64,
                    lon: lon0 + 0.06 * j as f64,
                    side,
                });
            }
        }
        v
    }

    #[test]
    fn the_line_lies_between_two_clusters_with_ru_on_its_left() {
        // UA west (37.00–37.12), RU east (37.30–37.42): 13 km apart at most.
        let mut held = grid(Side::UA, 37.00);
        held.extend(grid(Side::RU, 37.30));
        let front = FrontLine::between(&held, &FrontOptions::default());
        assert_eq!(front.lines.len(), 1, "{front:?}");
        let line = &front.lines[0];
        for c in &line.0 {
            assert!(
                c.x > 37.12 && c.x < 37.30,
                "{c:?} is not between the clusters"
            );
        }
        // It runs the clusters' length, from 48.0 to 48.25.
        let (lo, hi) = line.0.iter().fold((90.0f64, -90.0f64), |(lo, hi), c| {
            (lo.min(c.y), hi.max(c.y))
        });
        assert!(lo < 48.05 && hi > 48.2, "{lo}..{hi}");
        // RU (east) on the left means the line runs south.
        assert!(line.0.first().unwrap().y > line.0.last().unwrap().y);
        // Every RU point is left of the line's overall direction, every UA right.
        let (a, b) = (line.0[0], *line.0.last().unwrap());
        for p in &held {
            let cross = (b.x - a.x) * (p.lat - a.y) - (b.y - a.y) * (p.lon - a.x);
            assert_eq!(cross > 0.0, p.side == Side::RU, "{p:?}");
        }
    }

    #[test]
    fn no_line_is_drawn_across_a_gap_wider_than_the_threshold() {
        // The clusters are about 45 km apart: more than 30 km.
        let mut held = grid(Side::UA, 37.00);
        held.extend(grid(Side::RU, 37.70));
        let front = FrontLine::between(&held, &FrontOptions::default());
        assert!(front.is_empty(), "{front:?}");
        assert!(front.gaps > 0);
        // With a wider threshold the same points give a line.
        let wide = FrontOptions {
            max_gap_km: 80.0,
            ..FrontOptions::default()
        };
        assert_eq!(FrontLine::between(&held, &wide).lines.len(), 1);
    }

    #[test]
    fn one_side_alone_gives_no_line() {
        let front = FrontLine::between(&grid(Side::RU, 37.0), &FrontOptions::default());
        assert!(front.is_empty());
    }

    #[test]
    fn the_line_does_not_depend_on_the_order_of_the_points() {
        let mut held = grid(Side::UA, 37.00);
        held.extend(grid(Side::RU, 37.30));
        let a = FrontLine::between(&held, &FrontOptions::default());
        held.reverse();
        let b = FrontLine::between(&held, &FrontOptions::default());
        assert_eq!(a, b);
    }
}
