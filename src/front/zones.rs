//! Contested zones: a disc around each contested or partly held
//! settlement, overlapping discs joined (geo's boolean union).

use chrono::NaiveDate;
use geo::{BooleanOps, Coord, LineString, MultiPolygon, Polygon};

use crate::control::{Settlement, SettlementState};
use crate::geo_util::{destination, distance_km};

/// Radius, km, of the disc drawn around a contested settlement: about the
/// extent of a village and the ground fought over at its edge.
pub const CONTESTED_RADIUS_KM: f64 = 3.0;

/// Vertices of each disc.
const DISC_VERTICES: usize = 32;

/// One contested zone: the joined discs of nearby contested settlements.
#[derive(Clone, Debug, PartialEq)]
pub struct ContestedZone {
    /// The zone, WGS 84 (x longitude, y latitude).
    pub area: MultiPolygon<f64>,
    /// The settlements in it, in GeoNames id order.
    pub settlements: Vec<Settlement>,
    /// The earliest day one of them became contested (or partly held).
    pub since: NaiveDate,
}

/// The zones around the settlements given: discs of `radius_km`, joined
/// where they overlap.
///
/// ```
/// use frontline::control::{Control, ControlState, Evidence, Settlement, SettlementState};
/// use frontline::front::contested_zones;
/// use frontline::{Certainty, event::Extent};
///
/// let day = "2024-06-01".parse().unwrap();
/// let state = ControlState {
///     control: Control::Contested, extent: Extent::Full, not_held_by: None,
///     since: day, confirmed: day, until: None, certainty: Certainty::Reported,
///     evidence: Evidence { article_id: "a".into(), sentence: String::new(),
///                          action: "clash".into(), certainty: Certainty::Reported },
/// };
/// let near = |name: &str, lon: f64| Settlement { geonameid: 1, name: name.into(), lat: 48.0, lon };
/// let (a, b, far) = (near("A", 37.0), near("B", 37.05), near("C", 38.0));
/// let states: Vec<SettlementState> = [&a, &b, &far]
///     .into_iter()
///     .map(|settlement| SettlementState { settlement, state: &state })
///     .collect();
/// let zones = contested_zones(&states.iter().collect::<Vec<_>>(), 3.0);
/// // A and B are 3.7 km apart: one zone; C is alone.
/// assert_eq!(zones.len(), 2);
/// assert_eq!(zones[0].settlements.len(), 2);
/// ```
pub fn contested_zones(states: &[&SettlementState<'_>], radius_km: f64) -> Vec<ContestedZone> {
    let n = states.len();
    // Group settlements whose discs overlap (union–find over pairs).
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..n {
        for j in i + 1..n {
            let (a, b) = (states[i].settlement, states[j].settlement);
            if distance_km(a.lat, a.lon, b.lat, b.lon) < 2.0 * radius_km {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                parent[ri.max(rj)] = ri.min(rj);
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: Vec<Option<usize>> = vec![None; n];
    for i in 0..n {
        let r = root(&mut parent, i);
        match group_of[r] {
            Some(g) => groups[g].push(i),
            None => {
                group_of[r] = Some(groups.len());
                groups.push(vec![i]);
            }
        }
    }
    groups
        .into_iter()
        .map(|members| {
            let mut area = MultiPolygon::new(Vec::new());
            for &i in &members {
                let s = states[i].settlement;
                let d = MultiPolygon::new(vec![disc(s.lat, s.lon, radius_km)]);
                area = if area.0.is_empty() { d } else { area.union(&d) };
            }
            let mut settlements: Vec<Settlement> = members
                .iter()
                .map(|&i| states[i].settlement.clone())
                .collect();
            settlements.sort_by_key(|s| s.geonameid);
            let since = members
                .iter()
                .map(|&i| states[i].state.since)
                .min()
                .expect("a group has members");
            ContestedZone {
                area: round(area),
                settlements,
                since,
            }
        })
        .collect()
}

/// A disc on the sphere as a polygon, counter-clockwise.
fn disc(lat: f64, lon: f64, radius_km: f64) -> Polygon<f64> {
    let mut ring: Vec<Coord<f64>> = (0..DISC_VERTICES)
        .map(|k| {
            // Counter-clockwise from east: bearings 90, 90-step, ….
            let bearing = (90.0 - 360.0 * k as f64 / DISC_VERTICES as f64).rem_euclid(360.0);
            let (y, x) = destination(lat, lon, bearing, radius_km);
            Coord { x, y }
        })
        .collect();
    ring.push(ring[0]);
    Polygon::new(LineString::new(ring), Vec::new())
}

fn round(area: MultiPolygon<f64>) -> MultiPolygon<f64> {
    use geo::MapCoords;
    area.map_coords(|c| Coord {
        x: crate::layer::round6(c.x),
        y: crate::layer::round6(c.y),
    })
}
