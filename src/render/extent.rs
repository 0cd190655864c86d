//! Which part of the world a map shows when no `--bbox` is given.
//!
//! The map fits the front (control points, line, zones, arrows) when there
//! is one, else the events and places (countries' points left aside when
//! anything else is there: a country's point is its middle, not where
//! anything happened). When those points spread further than
//! [`SPREAD`] — an article on North Korean troops in Ukraine names
//! Pyongyang, Seoul and Washington too — the map shows their densest
//! cluster: the points in the 3 × 3 block of [`CELL`]-degree cells with the
//! most weight (a point weighs one plus its events), and names the places
//! left out under the map. A margin of [`MARGIN`] of the box goes round it,
//! and a box narrower than [`MIN_SPAN`] degrees is widened to it.

use std::collections::BTreeMap;

use super::projection::BBox;
use super::scene::Scene;

/// The widest spread (degrees of longitude, latitude) fitted whole.
pub const SPREAD: (f64, f64) = (20.0, 12.0);
/// The cell of the clustering grid, degrees.
pub const CELL: f64 = 4.0;
/// The margin on each side, as a share of the box.
pub const MARGIN: f64 = 0.08;
/// The smallest span of latitude shown, degrees (about 30 km).
pub const MIN_SPAN: f64 = 0.27;

/// The box to show and the names of what lies outside it.
#[derive(Clone, Debug, PartialEq)]
pub struct Extent {
    /// The box, margin included.
    pub bbox: BBox,
    /// Places and events left outside, most important first.
    pub left_out: Vec<String>,
}

/// A point the fit weighs, with a name to report if left out.
struct Weighed<'a> {
    at: (f64, f64),
    weight: f64,
    name: &'a str,
}

fn candidates(scene: &Scene) -> Vec<Weighed<'_>> {
    let mut out = Vec::new();
    if scene.is_front() {
        for c in &scene.control {
            out.push(Weighed {
                at: c.at,
                weight: 1.0,
                name: &c.name,
            });
        }
        let lines = scene
            .front
            .iter()
            .map(|f| &f.line)
            .chain(scene.arrows.iter().map(|a| &a.line));
        for at in lines.flatten() {
            out.push(Weighed {
                at: *at,
                weight: 0.1,
                name: "",
            });
        }
        for z in &scene.zones {
            for at in z.rings.iter().flatten() {
                out.push(Weighed {
                    at: *at,
                    weight: 0.01,
                    name: "",
                });
            }
        }
        return out;
    }
    // Events placed at a settlement (not only in a region or country), and
    // arrows; failing those, the places where events happen; failing
    // those, every place but countries; failing those, all.
    for e in scene.events.iter().filter(|e| e.precise) {
        out.push(Weighed {
            at: e.at,
            weight: 1.0,
            name: &e.place,
        });
    }
    for a in &scene.arrows {
        for at in &a.line {
            out.push(Weighed {
                at: *at,
                weight: 0.5,
                name: "",
            });
        }
    }
    let tiers: [&dyn Fn(&super::scene::PlaceMark) -> bool; 3] = [
        &|p| p.events > 0 && p.kind != "country",
        &|p| p.kind != "country",
        &|_| true,
    ];
    for tier in tiers {
        if !out.is_empty() {
            break;
        }
        for p in scene.places.iter().filter(|p| tier(p)) {
            out.push(Weighed {
                at: p.at,
                weight: 1.0 + p.events as f64,
                name: &p.name,
            });
        }
    }
    out
}

/// Points that do not steer the fit but are named when left outside: the
/// places and events not among the candidates.
fn bystanders(scene: &Scene) -> Vec<Weighed<'_>> {
    let events = scene.events.iter().map(|e| Weighed {
        at: e.at,
        weight: 1.0,
        name: &e.place,
    });
    let places = scene.places.iter().map(|p| Weighed {
        at: p.at,
        weight: p.events as f64 + (p.mentions as f64) / 100.0,
        name: &p.name,
    });
    events.chain(places).collect()
}

fn cell(at: (f64, f64)) -> (i64, i64) {
    ((at.0 / CELL).floor() as i64, (at.1 / CELL).floor() as i64)
}

/// The box that shows the scene, or `None` when it has no points.
///
/// ```
/// use frontline::render::{extent::fit, scene::{PlaceMark, Scene}, style::Party};
/// let place = |name: &str, at, events| PlaceMark { at, name: name.into(), kind: "settlement".into(),
///     population: 0, events, mentions: 1, party: Party::Unknown };
/// let mut scene = Scene::default();
/// scene.places.push(place("Kharkiv", (36.25, 49.98), 3));
/// scene.places.push(place("Bakhmut", (37.99, 48.59), 2));
/// scene.places.push(place("Pyongyang", (125.75, 39.03), 0));
/// let extent = fit(&scene).unwrap();
/// assert!(extent.bbox.contains(36.25, 49.98) && !extent.bbox.contains(125.75, 39.03));
/// assert_eq!(extent.left_out, ["Pyongyang"]);
/// ```
pub fn fit(scene: &Scene) -> Option<Extent> {
    let points = candidates(scene);
    let all = BBox::around(points.iter().map(|p| p.at))?;
    let kept: Vec<bool> = if all.east - all.west <= SPREAD.0 && all.north - all.south <= SPREAD.1 {
        vec![true; points.len()]
    } else {
        let mut weight: BTreeMap<(i64, i64), f64> = BTreeMap::new();
        for p in &points {
            *weight.entry(cell(p.at)).or_default() += p.weight;
        }
        let block = |(cx, cy): (i64, i64)| -> f64 {
            (-1..=1)
                .flat_map(|dx| (-1..=1).map(move |dy| (cx + dx, cy + dy)))
                .filter_map(|c| weight.get(&c))
                .sum()
        };
        // The first best in the map's order: deterministic on ties.
        let mut best = None;
        for &c in weight.keys() {
            let w = block(c);
            if best.is_none_or(|(_, bw)| w > bw) {
                best = Some((c, w));
            }
        }
        let ((bx, by), _) = best?;
        points
            .iter()
            .map(|p| {
                let (x, y) = cell(p.at);
                (x - bx).abs() <= 1 && (y - by).abs() <= 1
            })
            .collect()
    };
    let inside = BBox::around(
        points
            .iter()
            .zip(&kept)
            .filter(|(_, k)| **k)
            .map(|(p, _)| p.at),
    )?;
    let bbox = widen(inside);
    let mut left: Vec<(f64, usize, &str)> = points
        .iter()
        .zip(&kept)
        .filter(|(_, k)| !**k)
        .map(|(p, _)| p)
        .chain(bystanders(scene).iter())
        .enumerate()
        .filter(|(_, p)| !p.name.is_empty() && !bbox.contains(p.at.0, p.at.1))
        .map(|(i, p)| (p.weight, i, p.name))
        .collect();
    left.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut seen = std::collections::BTreeSet::new();
    let left_out: Vec<String> = left
        .into_iter()
        .filter(|(_, _, name)| seen.insert(*name))
        .map(|(_, _, name)| name.to_string())
        .collect();
    Some(Extent { bbox, left_out })
}

/// The box with its margin, at least [`MIN_SPAN`] high and as wide (in
/// kilometres) at its middle latitude.
fn widen(b: BBox) -> BBox {
    let cos = ((b.south + b.north) / 2.0).to_radians().cos().max(0.05);
    let (cx, cy) = ((b.west + b.east) / 2.0, (b.south + b.north) / 2.0);
    let half_w = ((b.east - b.west) * (0.5 + MARGIN)).max(MIN_SPAN / cos / 2.0);
    let half_h = ((b.north - b.south) * (0.5 + MARGIN)).max(MIN_SPAN / 2.0);
    BBox {
        west: (cx - half_w).max(-180.0),
        south: (cy - half_h).max(-85.0),
        east: (cx + half_w).min(180.0),
        north: (cy + half_h).min(85.0),
    }
}
