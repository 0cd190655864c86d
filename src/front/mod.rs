//! The front line on a day: control of settlements → a line between the
//! sides, contested zones and advance arrows.
//!
//! The line is a contour of control over the Delaunay triangulation
//! (spade) of the RU- and UA-held settlements: every triangle with
//! settlements of both sides holds a segment between points on its two
//! edges that join opposite sides (the midpoint, or where the edge crosses
//! one of [`geography::rivers`]), and segments that share an edge join into
//! lines, smoothed by Chaikin's algorithm (geo) and clipped to
//! [`geography::ukraine_land`]. Contested and unknown settlements are left
//! out of the triangulation; their zones are drawn separately.
//!
//! No line is drawn without evidence: a segment is left out when either
//! edge it crosses joins settlements more than [`MAX_GAP_KM`] apart, and
//! every piece of line says how long its edges are ([`LinePiece`]):
//! [`LineCertainty::Solid`] up to [`SOLID_KM`], `Inferred` up to
//! [`INFERRED_KM`], `Gap` beyond. Lines run with the RU-held side on their
//! left.
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
//! // 15 km across, but the longest edge it crosses is a diagonal: 0.2° of
//! // longitude and 0.05° of latitude, 15.9 km. The line is inferred.
//! assert_eq!(front.pieces[0].certainty, frontline::front::LineCertainty::Inferred);
//! assert!((front.pieces[0].max_edge_km - 15.9).abs() < 0.1);
//! ```

pub mod geography;
pub mod layers;
pub mod reference;
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
/// support a line between them: nothing is drawn across such a gap.
/// Chosen on the synthetic reference ([`reference`](mod@reference)): see the README.
pub const MAX_GAP_KM: f64 = 50.0;

/// A piece of line whose longest crossed edge is at most this long, km, is
/// [`LineCertainty::Solid`].
pub const SOLID_KM: f64 = 15.0;

/// A piece of line whose longest crossed edge is at most this long (and
/// longer than [`SOLID_KM`]), km, is [`LineCertainty::Inferred`]; longer
/// ones, up to the maximum gap, are [`LineCertainty::Gap`].
pub const INFERRED_KM: f64 = 30.0;

/// An edge follows a river only where it crosses it at 30° or more (the
/// sine of the angle, see [`FrontOptions::river_min_sin`]). On the
/// synthetic reference any minimum from 0 to 0.6 gives the same figures
/// within 0.01; 0.7 and more lose up to 0.07 of the sparse line within
/// 2 km of the truth.
pub const RIVER_MIN_SIN: f64 = 0.5;

/// Settlements within this distance of a piece of line, km, count as its
/// support.
pub const SUPPORT_KM: f64 = 10.0;

/// Chaikin smoothing passes applied to each line.
pub const SMOOTHING_PASSES: usize = 2;

/// How the front is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FrontOptions {
    /// See [`MAX_GAP_KM`].
    pub max_gap_km: f64,
    /// See [`SOLID_KM`].
    pub solid_km: f64,
    /// See [`INFERRED_KM`].
    pub inferred_km: f64,
    /// See [`SMOOTHING_PASSES`].
    pub smoothing: usize,
    /// See [`CONTESTED_RADIUS_KM`].
    pub contested_radius_km: f64,
    /// Keep the line on Ukraine's land ([`geography::ukraine_land`]): off
    /// the sea and inside the state border.
    pub clip_to_land: bool,
    /// Where an edge between the sides crosses a river of
    /// [`geography::rivers`], put the line's vertex on the river instead of
    /// at the edge's midpoint.
    pub follow_water: bool,
    /// Only where the edge crosses the river at an angle whose sine is at
    /// least this: a river the front runs along is crossed steeply by the
    /// edges between the sides; one the front crosses runs along them.
    pub river_min_sin: f64,
}

impl Default for FrontOptions {
    fn default() -> FrontOptions {
        FrontOptions {
            max_gap_km: MAX_GAP_KM,
            solid_km: SOLID_KM,
            inferred_km: INFERRED_KM,
            smoothing: SMOOTHING_PASSES,
            contested_radius_km: CONTESTED_RADIUS_KM,
            clip_to_land: true,
            follow_water: true,
            river_min_sin: RIVER_MIN_SIN,
        }
    }
}

impl FrontOptions {
    /// The line as drawn before land, water and certainty: midpoints only,
    /// nothing clipped, no edge longer than 30 km (for comparisons).
    pub fn midpoints_only() -> FrontOptions {
        FrontOptions {
            max_gap_km: INFERRED_KM,
            clip_to_land: false,
            follow_water: false,
            ..FrontOptions::default()
        }
    }
}

/// How far a piece of line can be trusted, from the longest edge between
/// opposite-side settlements it crosses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LineCertainty {
    /// Every edge at most [`SOLID_KM`]: drawn solid.
    Solid,
    /// An edge up to [`INFERRED_KM`]: drawn dashed.
    Inferred,
    /// An edge up to the maximum gap: drawn dotted.
    Gap,
}

impl LineCertainty {
    /// `solid`, `inferred` or `gap`.
    pub fn label(self) -> &'static str {
        match self {
            LineCertainty::Solid => "solid",
            LineCertainty::Inferred => "inferred",
            LineCertainty::Gap => "gap",
        }
    }

    /// The `style` property: `solid`, `dashed` or `dotted`.
    ///
    /// ```
    /// use frontline::front::LineCertainty;
    /// assert_eq!(LineCertainty::Inferred.style(), "dashed");
    /// ```
    pub fn style(self) -> &'static str {
        match self {
            LineCertainty::Solid => "solid",
            LineCertainty::Inferred => "dashed",
            LineCertainty::Gap => "dotted",
        }
    }

    fn of(edge_km: f64, options: &FrontOptions) -> LineCertainty {
        if edge_km <= options.solid_km {
            LineCertainty::Solid
        } else if edge_km <= options.inferred_km {
            LineCertainty::Inferred
        } else {
            LineCertainty::Gap
        }
    }
}

/// What a piece of line stands on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinePiece {
    /// The longest edge between opposite-side settlements it crosses, km.
    pub max_edge_km: f64,
    /// RU-held settlements among those edges' ends within [`SUPPORT_KM`]
    /// of the line.
    pub support_ru: usize,
    /// UA-held settlements among those edges' ends within [`SUPPORT_KM`]
    /// of the line.
    pub support_ua: usize,
    /// From `max_edge_km`.
    pub certainty: LineCertainty,
}

impl LinePiece {
    /// The smaller of the two sides' support.
    pub fn support(&self) -> usize {
        self.support_ru.min(self.support_ua)
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
    /// ground on its left. A line is cut into pieces where its certainty
    /// changes and where it leaves the land.
    pub lines: Vec<LineString<f64>>,
    /// What each line stands on: `pieces[i]` describes `lines[i]`.
    pub pieces: Vec<LinePiece>,
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

/// A directed segment across one triangle, between two edge points.
struct Segment {
    from: (usize, usize),
    to: (usize, usize),
}

/// An edge between an RU- and a UA-held settlement.
struct Edge {
    /// Where the line crosses it, in the plane: the midpoint, or where
    /// the edge crosses a river.
    point: (f64, f64),
    /// Its length, km.
    km: f64,
    /// The RU end: vertex index and position in the plane.
    ru: (usize, (f64, f64)),
    /// The UA end.
    ua: (usize, (f64, f64)),
}

impl Edge {
    fn between(a: &Vertex, b: &Vertex, ia: usize, ib: usize, options: &FrontOptions) -> Edge {
        let km = distance_km(a.lat, a.lon, b.lat, b.lon);
        // The plane is an affine image of longitude/latitude, so a crossing
        // found in degrees is at the same parameter in the plane.
        let t = if options.follow_water && km <= options.max_gap_km {
            let ts = geography::river_grid().crossings_steeper_than(
                Coord { x: a.lon, y: a.lat },
                Coord { x: b.lon, y: b.lat },
                options.river_min_sin,
            );
            ts.into_iter()
                .min_by(|x, y| (x - 0.5).abs().total_cmp(&(y - 0.5).abs()))
                .unwrap_or(0.5)
        } else {
            0.5
        };
        let point = (a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
        let (ea, eb) = ((ia, (a.x, a.y)), (ib, (b.x, b.y)));
        let (ru, ua) = if a.ru { (ea, eb) } else { (eb, ea) };
        Edge { point, km, ru, ua }
    }
}

/// Splits a chain of edge keys where the certainty of its segments (from
/// the longer of the two edges each crosses) changes; consecutive runs
/// share their end key.
fn runs_of_certainty<'k>(
    keys: &'k [(usize, usize)],
    edges: &BTreeMap<(usize, usize), Edge>,
    options: &FrontOptions,
) -> Vec<&'k [(usize, usize)]> {
    let class =
        |i: usize| LineCertainty::of(edges[&keys[i]].km.max(edges[&keys[i + 1]].km), options);
    let mut runs = Vec::new();
    let mut start = 0;
    for i in 1..keys.len().saturating_sub(1) {
        if class(i) != class(i - 1) {
            runs.push(&keys[start..=i]);
            start = i;
        }
    }
    if keys.len() >= 2 {
        runs.push(&keys[start..]);
    }
    runs
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
        let mut edges: BTreeMap<(usize, usize), Edge> = BTreeMap::new();
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
                let (ia, ib) = (vs[a].fix().index(), vs[b].fix().index());
                let key = (ia.min(ib), ia.max(ib));
                let edge = edges
                    .entry(key)
                    .or_insert_with(|| Edge::between(vs[a].data(), vs[b].data(), ia, ib, options));
                if edge.km > options.max_gap_km {
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
            let (m1, m2) = (edges[&k1].point, edges[&k2].point);
            let cross = (m2.0 - m1.0) * (r.y - m1.1) - (m2.1 - m1.1) * (r.x - m1.0);
            segments.push(if cross >= 0.0 {
                Segment { from: k1, to: k2 }
            } else {
                Segment { from: k2, to: k1 }
            });
        }
        let supporting: BTreeSet<(usize, usize)> =
            segments.iter().flat_map(|s| [s.from, s.to]).collect();
        let mut front = FrontLine {
            supporting_pairs: supporting.len(),
            gaps: long_edges.len(),
            ..FrontLine::default()
        };
        for keys in chain(&segments) {
            for run in runs_of_certainty(&keys, &edges, options) {
                front.draw(run, &edges, plane, options);
            }
        }
        front
    }

    /// Adds one run of edge keys of one certainty: smoothed, clipped to
    /// the land, rounded.
    fn draw(
        &mut self,
        keys: &[(usize, usize)],
        edges: &BTreeMap<(usize, usize), Edge>,
        plane: Plane,
        options: &FrontOptions,
    ) {
        let max_edge_km = keys.iter().map(|k| edges[k].km).fold(0.0, f64::max);
        let mut near: [BTreeSet<usize>; 2] = [BTreeSet::new(), BTreeSet::new()];
        for k in keys {
            let e = &edges[k];
            for (side, (id, (x, y))) in [(0, e.ru), (1, e.ua)] {
                if (x - e.point.0).hypot(y - e.point.1) <= SUPPORT_KM {
                    near[side].insert(id);
                }
            }
        }
        let piece = LinePiece {
            max_edge_km,
            support_ru: near[0].len(),
            support_ua: near[1].len(),
            certainty: LineCertainty::of(max_edge_km, options),
        };
        let plane_line: LineString<f64> = keys
            .iter()
            .map(|k| Coord {
                x: edges[k].point.0,
                y: edges[k].point.1,
            })
            .collect();
        let smooth = plane_line.chaikin_smoothing(options.smoothing);
        let wgs: LineString<f64> = smooth
            .0
            .into_iter()
            .map(|c| plane.unproject(c.x, c.y))
            .collect();
        let parts = if options.clip_to_land {
            geography::clip_to_land(&wgs)
        } else {
            vec![wgs]
        };
        for part in parts {
            let mut coords: Vec<Coord<f64>> = part
                .0
                .into_iter()
                .map(|c| Coord {
                    x: crate::layer::round6(c.x),
                    y: crate::layer::round6(c.y),
                })
                .collect();
            coords.dedup();
            if coords.len() >= 2 {
                self.lines.push(LineString(coords));
                self.pieces.push(piece);
            }
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
    use geo::{Contains, Distance};

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
        // One line, in pieces: solid between the clusters, inferred at the
        // two ends where the corners' diagonal edges are 22 km long.
        let certainties: Vec<LineCertainty> = front.pieces.iter().map(|p| p.certainty).collect();
        assert_eq!(
            certainties,
            [
                LineCertainty::Inferred,
                LineCertainty::Solid,
                LineCertainty::Inferred
            ],
            "{front:?}"
        );
        for w in front.lines.windows(2) {
            assert_eq!(w[0].0.last(), w[1].0.first(), "pieces join end to start");
        }
        let line: Vec<Coord<f64>> = front.lines.iter().flat_map(|l| l.0.clone()).collect();
        for c in &line {
            assert!(
                c.x > 37.12 && c.x < 37.30,
                "{c:?} is not between the clusters"
            );
        }
        // The solid piece runs the clusters' length, from 48.0 to 48.25.
        let solid = &front.lines[1];
        let (lo, hi) = solid.0.iter().fold((90.0f64, -90.0f64), |(lo, hi), c| {
            (lo.min(c.y), hi.max(c.y))
        });
        assert!(lo < 48.05 && hi > 48.2, "{lo}..{hi}");
        assert!(front.pieces[1].support() >= 3, "{:?}", front.pieces[1]);
        // RU (east) on the left means the line runs south.
        assert!(solid.0.first().unwrap().y > solid.0.last().unwrap().y);
        // Every RU point is left of the line's overall direction, every UA right.
        let (a, b) = (solid.0[0], *solid.0.last().unwrap());
        for p in &held {
            let cross = (b.x - a.x) * (p.lat - a.y) - (b.y - a.y) * (p.lon - a.x);
            assert_eq!(cross > 0.0, p.side == Side::RU, "{p:?}");
        }
    }

    #[test]
    fn no_line_is_drawn_across_a_gap_wider_than_the_threshold() {
        // The clusters are about 67 km apart: more than 50 km.
        let mut held = grid(Side::UA, 37.00);
        held.extend(grid(Side::RU, 37.90));
        let front = FrontLine::between(&held, &FrontOptions::default());
        assert!(front.is_empty(), "{front:?}");
        assert!(front.gaps > 0);
        // With a wider threshold the same points give a line, marked a gap.
        let wide = FrontOptions {
            max_gap_km: 80.0,
            ..FrontOptions::default()
        };
        let front = FrontLine::between(&held, &wide);
        assert_eq!(front.lines.len(), 1);
        assert_eq!(front.pieces[0].certainty, LineCertainty::Gap);
        assert!(front.pieces[0].max_edge_km > 60.0);
    }

    #[test]
    fn a_line_across_a_river_follows_the_river() {
        // UA on the Dnipro's right bank near Kherson, RU on the left bank,
        // 12–15 km apart: the river (Natural Earth's course) runs between
        // them at about 46.65-46.72° N, not through the edges' midpoints.
        let mut held = Vec::new();
        for i in 0..5 {
            let lon = 32.75 + 0.08 * i as f64;
            held.push(HeldPoint {
                lat: 46.78,
                lon,
                side: Side::UA,
            });
            held.push(HeldPoint {
                lat: 46.62,
                lon: lon + 0.02,
                side: Side::RU,
            });
        }
        let river = &geography::rivers()
            .iter()
            .find(|r| {
                r.name == "Dnipro"
                    && r.line
                        .0
                        .iter()
                        .any(|c| (c.x - 33.0).abs() < 0.1 && c.y < 46.8)
            })
            .expect("the Dnipro below Nova Kakhovka")
            .line;
        let off_river = |options: &FrontOptions| {
            let front = FrontLine::between(&held, options);
            assert!(!front.is_empty());
            let grid = geography::SegmentGrid::new(std::iter::once(river));
            front
                .lines
                .iter()
                .flat_map(|l| l.0.iter())
                .map(|c| grid.nearest_km(*c))
                .fold(0.0, f64::max)
        };
        let on = off_river(&FrontOptions::default());
        let off = off_river(&FrontOptions {
            follow_water: false,
            ..FrontOptions::default()
        });
        assert!(on < 1.5, "the line strays {on:.1} km from the river");
        assert!(off > on + 1.0, "midpoints {off:.1} km, river {on:.1} km");
    }

    #[test]
    fn no_line_is_drawn_over_the_sea_or_in_russia() {
        // Across the Kerch Strait (UA-held Kerch, RU on the Taman side) and
        // across the border north of Kharkiv: the line must stay on
        // Ukraine's land.
        let mut held = Vec::new();
        for i in 0..5 {
            let d = 0.05 * i as f64;
            held.push(HeldPoint {
                lat: 45.25 + d,
                lon: 36.40,
                side: Side::UA,
            });
            held.push(HeldPoint {
                lat: 45.25 + d,
                lon: 36.75,
                side: Side::RU,
            });
            held.push(HeldPoint {
                lat: 50.10 + d,
                lon: 36.20 + d,
                side: Side::UA,
            });
            held.push(HeldPoint {
                lat: 50.55 + d,
                lon: 36.30 + d,
                side: Side::RU,
            });
        }
        let front = FrontLine::between(&held, &FrontOptions::default());
        assert!(!front.is_empty());
        let land = geography::ukraine_land();
        for c in front.lines.iter().flat_map(|l| l.0.iter()) {
            // On the land or on its outline (within rounding).
            let p = geo::Point(*c);
            assert!(
                land.contains(&p) || geo::Euclidean::distance(land, &p) < 1e-5,
                "{c:?} is off Ukraine's land"
            );
        }
        let unclipped = FrontLine::between(
            &held,
            &FrontOptions {
                clip_to_land: false,
                ..FrontOptions::default()
            },
        );
        let km = |f: &FrontLine| f.lengths_km().iter().sum::<f64>();
        assert!(
            km(&front) < km(&unclipped) - 10.0,
            "{} vs {}",
            km(&front),
            km(&unclipped)
        );
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
