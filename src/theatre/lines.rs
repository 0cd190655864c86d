//! The lines of the fighting by period, compiled in from
//! `data/theatre/periods.tsv` and `data/theatre/lines.tsv` (see
//! `data/theatre/SOURCES.md`: which settlements, where that is documented,
//! and their GeoNames rows), and the distance from a place to the lines of
//! a day.
//!
//! A line is a polyline through settlements in order; a period has one or
//! more. Periods may overlap (the border with Russia from 24 February 2022
//! lies beside each wartime period's front). The distance is found through
//! a grid of cells of [`CELL_DEG`] that lists, for each cell, the segments
//! that come within [`REACH_KM`] of it, so a place costs a cell lookup and
//! a few segment distances.

use std::sync::OnceLock;

use chrono::NaiveDate;

use crate::geo_util::KM_PER_DEGREE;

const PERIODS: &str = include_str!("../../data/theatre/periods.tsv");
const LINES: &str = include_str!("../../data/theatre/lines.tsv");

/// Beyond this distance from a period's lines a place gets no line bonus.
pub const REACH_KM: f64 = 40.0;
/// The grid cell, degrees.
const CELL_DEG: f64 = 0.5;

/// A period of the war and its lines.
#[derive(Debug)]
pub(crate) struct Period {
    /// Its name in the data files (`minsk`, `2023`, `border`).
    pub name: String,
    /// The first day.
    pub from: NaiveDate,
    /// The last day; `None`: open.
    pub to: Option<NaiveDate>,
    /// The settlements of each line in order: (geonameid, latitude, longitude).
    pub lines: Vec<Vec<(u32, f64, f64)>>,
    /// The segments, (lat, lon) pairs.
    segments: Vec<[(f64, f64); 2]>,
    /// For each cell of the grid (row-major from [`SOUTH`], [`WEST`]): the
    /// range of `ids` listing the segments within [`REACH_KM`] of it.
    cells: Vec<(u32, u32)>,
    /// Segment ids, by cell.
    ids: Vec<u16>,
}

impl Period {
    /// Whether `date` falls in the period.
    pub fn covers(&self, date: NaiveDate) -> bool {
        date >= self.from && self.to.is_none_or(|to| date <= to)
    }

    /// The distance in km from (`lat`, `lon`) to the nearest of the
    /// period's lines, `None` when no segment comes within [`REACH_KM`] of
    /// the grid cell the point lies in (or it lies off the grid).
    #[cfg(test)]
    pub fn distance_km(&self, lat: f64, lon: f64) -> Option<f64> {
        nearest_km(std::iter::once(self), lat, lon)
    }

    /// The squared distance in km² from (`lat`, `lon`), in `cell`, to the
    /// nearest of the segments listed there; `k`: the cosine of the
    /// latitude, for the plane the distance is measured in.
    fn nearest2(&self, cell: usize, lat: f64, lon: f64, k: f64) -> f64 {
        let (start, end) = self.cells[cell];
        let plane =
            |(la, lo): (f64, f64)| ((lo - lon) * k * KM_PER_DEGREE, (la - lat) * KM_PER_DEGREE);
        self.ids[start as usize..end as usize]
            .iter()
            .map(|&i| {
                let [a, b] = self.segments[usize::from(i)];
                let (ax, ay) = plane(a);
                let (bx, by) = plane(b);
                let (dx, dy) = (bx - ax, by - ay);
                let len2 = dx * dx + dy * dy;
                let t = if len2 > 0.0 {
                    (-(ax * dx + ay * dy) / len2).clamp(0.0, 1.0)
                } else {
                    0.0
                };
                let (x, y) = (ax + t * dx, ay + t * dy);
                x * x + y * y
            })
            .fold(f64::INFINITY, f64::min)
    }

    fn index(&mut self) {
        let mut by_cell: Vec<Vec<u16>> = vec![Vec::new(); ROWS * COLUMNS];
        for line in &self.lines {
            let points: Vec<(f64, f64)> = line.iter().map(|&(_, la, lo)| (la, lo)).collect();
            // A line of one settlement is a point.
            let pairs: Vec<[(f64, f64); 2]> = if points.len() == 1 {
                vec![[points[0], points[0]]]
            } else {
                points.windows(2).map(|w| [w[0], w[1]]).collect()
            };
            for [a, b] in pairs {
                let id = u16::try_from(self.segments.len()).expect("fewer than 65,536 segments");
                self.segments.push([a, b]);
                // The segment's box grown by the reach (longitude degrees
                // are shortest at the box's northern edge), clipped to the
                // grid.
                let north = a.0.max(b.0) + REACH_KM / KM_PER_DEGREE;
                let south = a.0.min(b.0) - REACH_KM / KM_PER_DEGREE;
                let dlon = REACH_KM / (KM_PER_DEGREE * north.to_radians().cos());
                let (west, east) = (a.1.min(b.1) - dlon, a.1.max(b.1) + dlon);
                let row = |lat: f64| {
                    ((lat - SOUTH) / CELL_DEG)
                        .floor()
                        .clamp(0.0, (ROWS - 1) as f64) as usize
                };
                let column = |lon: f64| {
                    ((lon - WEST) / CELL_DEG)
                        .floor()
                        .clamp(0.0, (COLUMNS - 1) as f64) as usize
                };
                for r in row(south)..=row(north) {
                    for c in column(west)..=column(east) {
                        by_cell[r * COLUMNS + c].push(id);
                    }
                }
            }
        }
        for ids in by_cell {
            let start = self.ids.len() as u32;
            self.ids.extend(ids);
            self.cells.push((start, self.ids.len() as u32));
        }
    }
}

/// The grid: half-degree cells over Ukraine and its neighbours.
const SOUTH: f64 = 40.0;
const WEST: f64 = 20.0;
const ROWS: usize = 40;
const COLUMNS: usize = 60;

/// The cell of (`lat`, `lon`) in the grid, `None` off it.
fn cell_index(lat: f64, lon: f64) -> Option<usize> {
    let (r, c) = ((lat - SOUTH) / CELL_DEG, (lon - WEST) / CELL_DEG);
    if !(0.0..ROWS as f64).contains(&r) || !(0.0..COLUMNS as f64).contains(&c) {
        return None;
    }
    Some(r as usize * COLUMNS + c as usize)
}

/// The distance in km from (`lat`, `lon`) to the nearest line of any of
/// `periods`, `None` when none comes within [`REACH_KM`] of the point's
/// grid cell: one cell lookup for all the periods, and the segment
/// distances only where a period lists some there.
pub(crate) fn nearest_km<'p>(
    periods: impl Iterator<Item = &'p Period>,
    lat: f64,
    lon: f64,
) -> Option<f64> {
    let cell = cell_index(lat, lon)?;
    // Most places lie where no period's line comes near: one lookup.
    if !occupied()[cell] {
        return None;
    }
    // Equirectangular at the middle latitude of the cell's row (within a
    // quarter degree of the point's: under 0.5% off in longitude).
    let k = row_cosines()[cell / COLUMNS];
    let nearest2 = periods
        .filter(|p| p.cells[cell].0 < p.cells[cell].1)
        .map(|p| p.nearest2(cell, lat, lon, k))
        .reduce(f64::min)?;
    Some(nearest2.sqrt())
}

/// Whether any period lists segments in each grid cell.
fn occupied() -> &'static [bool] {
    static OCCUPIED: OnceLock<Vec<bool>> = OnceLock::new();
    OCCUPIED.get_or_init(|| {
        (0..ROWS * COLUMNS)
            .map(|cell| periods().iter().any(|p| p.cells[cell].0 < p.cells[cell].1))
            .collect()
    })
}

/// The cosine of each grid row's middle latitude.
fn row_cosines() -> &'static [f64; ROWS] {
    static COSINES: OnceLock<[f64; ROWS]> = OnceLock::new();
    COSINES.get_or_init(|| {
        std::array::from_fn(|r| (SOUTH + (r as f64 + 0.5) * CELL_DEG).to_radians().cos())
    })
}

/// The periods, read once.
pub(crate) fn periods() -> &'static [Period] {
    static PERIOD_TABLE: OnceLock<Vec<Period>> = OnceLock::new();
    PERIOD_TABLE.get_or_init(|| {
        parse(PERIODS, LINES).expect("data/theatre is valid (the theatre tests read it)")
    })
}

/// Reads the two files: a row that does not read is an error naming the
/// file, the line and the field.
pub(crate) fn parse(periods: &str, lines: &str) -> Result<Vec<Period>, String> {
    let mut out: Vec<Period> = Vec::new();
    for (n, row) in rows(periods) {
        let at = |field: &str| format!("data/theatre/periods.tsv line {n}: field {field}");
        let f: Vec<&str> = row.split('\t').collect();
        if f.len() != 4 {
            return Err(format!(
                "data/theatre/periods.tsv line {n}: 4 fields wanted, {} found",
                f.len()
            ));
        }
        let date = |s: &str, field: &str| {
            s.parse::<NaiveDate>()
                .map_err(|e| format!("{}: {s:?} is no date ({e})", at(field)))
        };
        let from = date(f[1], "from")?;
        let to = if f[2].is_empty() {
            None
        } else {
            Some(date(f[2], "to")?)
        };
        if to.is_some_and(|to| to < from) {
            return Err(format!("{}: ends before it begins", at("to")));
        }
        if out.iter().any(|p| p.name == f[0]) {
            return Err(format!("{}: {:?} twice", at("period"), f[0]));
        }
        out.push(Period {
            name: f[0].to_string(),
            from,
            to,
            lines: Vec::new(),
            segments: Vec::new(),
            cells: Vec::new(),
            ids: Vec::new(),
        });
    }
    let mut last: Option<(usize, String, u32)> = None;
    for (n, row) in rows(lines) {
        let at = |field: &str| format!("data/theatre/lines.tsv line {n}: field {field}");
        let f: Vec<&str> = row.split('\t').collect();
        if f.len() != 7 {
            return Err(format!(
                "data/theatre/lines.tsv line {n}: 7 fields wanted, {} found",
                f.len()
            ));
        }
        let p = out
            .iter()
            .position(|p| p.name == f[0])
            .ok_or_else(|| format!("{}: no period {:?} in periods.tsv", at("period"), f[0]))?;
        let number = |s: &str, field: &str| {
            s.parse::<f64>()
                .ok()
                .filter(|x| x.is_finite())
                .ok_or_else(|| format!("{}: {s:?} is no number", at(field)))
        };
        let order: u32 = f[2]
            .parse()
            .map_err(|_| format!("{}: {:?} is no order", at("order"), f[2]))?;
        let id: u32 = f[3]
            .parse()
            .map_err(|_| format!("{}: {:?} is no geonameid", at("geonameid"), f[3]))?;
        let (lat, lon) = (number(f[5], "latitude")?, number(f[6], "longitude")?);
        if cell_index(lat, lon).is_none() {
            return Err(format!(
                "{}: ({lat}, {lon}) is off the grid of the lines (latitude {SOUTH} to {}, longitude {WEST} to {})",
                at("latitude"),
                SOUTH + ROWS as f64 * CELL_DEG,
                WEST + COLUMNS as f64 * CELL_DEG
            ));
        }
        let same_line = last
            .as_ref()
            .is_some_and(|(lp, ln, _)| *lp == p && ln == f[1]);
        match &last {
            Some((_, _, lo)) if same_line && order != lo + 1 => {
                return Err(format!("{}: {order} after {lo}", at("order")));
            }
            _ if !same_line && order != 1 => {
                return Err(format!("{}: a line starts at 1, not {order}", at("order")));
            }
            _ => {}
        }
        if !same_line {
            out[p].lines.push(Vec::new());
        }
        out[p]
            .lines
            .last_mut()
            .expect("pushed")
            .push((id, lat, lon));
        last = Some((p, f[1].to_string(), order));
    }
    for p in &mut out {
        p.index();
    }
    Ok(out)
}

/// The data rows with their 1-based line numbers: the header and blank
/// lines skipped.
fn rows(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_in_lines_read_and_every_period_has_one() {
        let periods = parse(PERIODS, LINES).unwrap();
        assert!(periods.len() >= 9);
        assert!(
            periods.iter().all(|p| !p.lines.is_empty()),
            "a period without lines"
        );
    }

    #[test]
    fn every_settlement_of_the_lines_is_its_geonames_row() {
        // The coordinates in lines.tsv are copied from GeoNames: they must
        // be the bundled gazetteer's row of that geonameid.
        let gaz = crate::Gazetteer::bundled();
        for p in periods() {
            for &(id, lat, lon) in p.lines.iter().flatten() {
                let place = gaz
                    .place_by_id(id)
                    .unwrap_or_else(|| panic!("{id} is in the gazetteer"));
                assert!(
                    (place.lat - lat).abs() < 1e-3 && (place.lon - lon).abs() < 1e-3,
                    "{id} {}: ({lat}, {lon}) vs ({}, {})",
                    place.name,
                    place.lat,
                    place.lon
                );
            }
        }
    }

    #[test]
    fn a_bad_row_is_an_error_naming_the_file_line_and_field() {
        let periods = "period\tfrom\tto\twhat\nx\t2022-02-24\t\tthe test\n";
        let bad_date = "period\tfrom\tto\twhat\nx\t2022-02-30\t\tthe test\n";
        assert!(parse(bad_date, "h\n")
            .unwrap_err()
            .contains("periods.tsv line 2: field from"));
        let bad_lat = "h\nx\tl\t1\t1\tA\tnorth\t30.0\n";
        let e = parse(periods, bad_lat).unwrap_err();
        assert!(e.contains("lines.tsv line 2: field latitude"), "{e}");
        let no_period = "h\ny\tl\t1\t1\tA\t50.0\t30.0\n";
        assert!(parse(periods, no_period)
            .unwrap_err()
            .contains("no period \"y\""));
        let gap = "h\nx\tl\t1\t1\tA\t50.0\t30.0\nx\tl\t3\t2\tB\t50.0\t31.0\n";
        assert!(parse(periods, gap)
            .unwrap_err()
            .contains("line 3: field order"));
    }

    #[test]
    fn distance_to_a_line_is_to_its_nearest_segment() {
        let periods = "period\tfrom\tto\twhat\nx\t2022-02-24\t\tthe test\n";
        // A line due east along 48° N from 37° E to 38° E.
        let line = "h\nx\tl\t1\t1\tA\t48.0\t37.0\nx\tl\t2\t2\tB\t48.0\t38.0\n";
        let p = &parse(periods, line).unwrap()[0];
        // 0.3° north of its middle: 0.3 × 111.195 km.
        let d = p.distance_km(48.3, 37.5).unwrap();
        assert!((d - 33.36).abs() < 0.01, "{d}");
        // Beyond its east end: to the end point (the plane's scale is the
        // cosine of the grid row's middle latitude, 48.25°: within 0.5%).
        let d = p.distance_km(48.0, 38.5).unwrap();
        let exact = 0.5 * 48f64.to_radians().cos() * KM_PER_DEGREE;
        assert!((d - exact).abs() < 0.005 * exact, "{d} vs {exact}");
        // Far away: no segment in reach.
        assert_eq!(p.distance_km(50.5, 30.5), None);
    }
}
