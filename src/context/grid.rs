//! The anchors of a coherence round by grid cell: the places already
//! chosen, found near a candidate without measuring the distance to every
//! one of them.

use super::*;

/// Grid cells of 1.45° of latitude by 2.3° of longitude: every place
/// within [`COHERENCE_REACH_KM`] of another lies in its cell or one of the
/// eight around it.
const CELL_LAT: f64 = 1.45;
const CELL_LON: f64 = 2.3;

/// A round's anchors by grid cell, to find those near a place without
/// measuring the distance to every one. Within a cell, the heaviest anchors
/// come first: the best bonus is found early and the rest mostly skipped.
pub(super) struct AnchorGrid {
    /// By cell and then by weight, heaviest first; with few anchors, by
    /// weight alone.
    anchors: Vec<GridAnchor>,
    /// South, north, west and east edges of the anchors' box, widened by a
    /// cell: no place outside is near any anchor.
    reach: (f64, f64, f64, f64),
}

/// An anchor in the grid: what the search reads, side by side.
struct GridAnchor {
    cell: (i32, i32),
    lat: f64,
    lon: f64,
    geonameid: u32,
    group: usize,
    weight: f64,
    /// The most it can add for the name at hand (see `Field::closeness`).
    bound: f64,
}

/// Up to this many anchors, every one is tried: the grid would not pay.
const GRID_FROM: usize = 24;

impl AnchorGrid {
    /// Sets the most each anchor can add for the name now scored, from its
    /// group and weight.
    pub(super) fn set_bounds(&mut self, bound: impl Fn(usize, f64) -> f64) {
        for a in &mut self.anchors {
            a.bound = bound(a.group, a.weight);
        }
    }

    pub(super) fn new(anchors: &[Anchor<'_>]) -> AnchorGrid {
        let gridded = anchors.len() > GRID_FROM;
        let mut by_weight: Vec<&Anchor<'_>> = anchors.iter().collect();
        by_weight.sort_by(|a, b| b.weight.total_cmp(&a.weight));
        let mut grid: Vec<GridAnchor> = by_weight
            .into_iter()
            .map(|a| GridAnchor {
                cell: if gridded {
                    cell_of(a.place.lat, a.place.lon)
                } else {
                    (0, 0)
                },
                lat: a.place.lat,
                lon: a.place.lon,
                geonameid: a.place.geonameid,
                group: a.group,
                weight: a.weight,
                bound: 0.0,
            })
            .collect();
        // Stable: the weight order holds within a cell.
        grid.sort_by_key(|a| a.cell);
        let reach = grid.iter().fold(
            (
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::INFINITY,
                f64::NEG_INFINITY,
            ),
            |(s, n, w, e), a| {
                (
                    s.min(a.lat - CELL_LAT),
                    n.max(a.lat + CELL_LAT),
                    w.min(a.lon - CELL_LON),
                    e.max(a.lon + CELL_LON),
                )
            },
        );
        AnchorGrid {
            anchors: grid,
            reach,
        }
    }

    /// The index ranges of the anchors in the cell of `place` and the eight
    /// around it (one range per row of cells); all of them when there are
    /// too few anchors for the search to pay, none when the place lies
    /// outside the anchors' box.
    fn around(&self, lat: f64, lon: f64) -> [std::ops::Range<usize>; 3] {
        let (s, n, w, e) = self.reach;
        if !(s..=n).contains(&lat) || !(w..=e).contains(&lon) {
            return [0..0, 0..0, 0..0];
        }
        if self.anchors.len() <= GRID_FROM {
            return [0..self.anchors.len(), 0..0, 0..0];
        }
        let (row, col) = cell_of(lat, lon);
        [row - 1, row, row + 1].map(|r| {
            let from = self.anchors.partition_point(|a| a.cell < (r, col - 1));
            let to = self.anchors.partition_point(|a| a.cell <= (r, col + 1));
            from..to.max(from)
        })
    }
}

fn cell_of(lat: f64, lon: f64) -> (i32, i32) {
    (
        (lat / CELL_LAT).floor() as i32,
        (lon / CELL_LON).floor() as i32,
    )
}

/// The largest closeness bonus any anchor gives a candidate place: the
/// anchor's bound, falling off over
/// [`COHERENCE_SCALE_KM`], nothing beyond [`COHERENCE_REACH_KM`]. Only
/// anchors in the grid cells around the place can be that near.
pub(super) fn best_closeness(site: &Site<'_>, grid: &AnchorGrid) -> f64 {
    // The square of the reach, a hair wider: every anchor within the reach
    // passes the first test, which needs no square root.
    const REACH_SQUARED: f64 = COHERENCE_REACH_KM * COHERENCE_REACH_KM * (1.0 + 1e-9);
    let mut best = 0.0_f64;
    for range in grid.around(site.lat, site.lon) {
        for a in &grid.anchors[range] {
            // Equirectangular distance: ample at these ranges.
            let (dlat, dlon) = (site.lat - a.lat, site.lon - a.lon);
            let dx = dlon * site.km_per_degree_lon;
            let dy = dlat * KM_PER_DEGREE;
            let squared = dx * dx + dy * dy;
            // The cheap reasons to pass an anchor by, tested at once (one
            // branch, not five): it cannot beat the best; it is the place
            // itself, no evidence for itself; it lies outside the cells
            // around the place or beyond 4 scales (160 km), where the bonus
            // is under 0.06 and counts for nothing.
            let worth = (a.bound > best)
                & (a.geonameid != site.geonameid)
                & (dlat.abs() <= CELL_LAT)
                & (dlon.abs() <= CELL_LON)
                & (squared <= REACH_SQUARED);
            if !worth {
                continue;
            }
            let d = squared.sqrt();
            // exp(−x) ≤ 1 / (1 + x + x²/2 + x³/6) for x ≥ 0: an anchor
            // that cannot beat the best even so needs no exponential.
            let x = d / COHERENCE_SCALE_KM;
            if d > COHERENCE_REACH_KM || a.bound <= best * (1.0 + x * (1.0 + x * (0.5 + x / 6.0))) {
                continue;
            }
            best = best.max(a.bound * (-d / COHERENCE_SCALE_KM).exp());
        }
    }
    best
}
