//! A user's own places and aliases, from CSV.
//!
//! Columns, by header name, in any order (only `name` is required):
//!
//! | column | meaning |
//! |---|---|
//! | `name` | the place's name |
//! | `aliases` | more names, separated by `;` or `\|` (Cyrillic ones are transliterated too) |
//! | `geonameid` | an existing place: the names become its aliases; a new place: its id |
//! | `lat`, `lon` | WGS 84 degrees; required for a new place, empty for aliases |
//! | `feature_code` | GeoNames code, `PPL` by default; `ADM*`/`PCL*` make an area |
//! | `country_code` | ISO 3166-1 alpha-2 |
//! | `admin1_code`, `admin2_code` | GeoNames division codes |
//! | `population` | a whole number |

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::error::{Error, Result};
use crate::names::MatchKind;
use crate::place::Place;
use crate::Gazetteer;

/// First id given to new places that come without one.
const FIRST_USER_ID: u32 = 4_000_000_000;

/// One row of the file: a new place, or names for an existing one.
pub(super) struct ExtraRow {
    pub geonameid: u32,
    /// The new place; `None` when the row adds aliases to `geonameid`.
    pub place: Option<Place>,
    pub names: Vec<(String, MatchKind)>,
}

struct Columns {
    name: usize,
    aliases: Option<usize>,
    geonameid: Option<usize>,
    lat: Option<usize>,
    lon: Option<usize>,
    feature_code: Option<usize>,
    country_code: Option<usize>,
    admin1_code: Option<usize>,
    admin2_code: Option<usize>,
    population: Option<usize>,
}

pub(super) fn parse(
    reader: impl std::io::Read,
    path: &Path,
    gaz: &Gazetteer,
) -> Result<Vec<ExtraRow>> {
    let err = |line: u64, field: &str, message: String| Error::ExtraGazetteer {
        path: path.to_path_buf(),
        line,
        field: field.to_string(),
        message,
    };
    let mut rdr = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(reader);
    let headers = rdr
        .headers()
        .map_err(|e| err(1, "header", e.to_string()))?
        .clone();
    let col = |n: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(n));
    let cols = Columns {
        name: col("name")
            .ok_or_else(|| err(1, "name", "the header has no `name` column".into()))?,
        aliases: col("aliases"),
        geonameid: col("geonameid"),
        lat: col("lat"),
        lon: col("lon"),
        feature_code: col("feature_code"),
        country_code: col("country_code"),
        admin1_code: col("admin1_code"),
        admin2_code: col("admin2_code"),
        population: col("population"),
    };

    let records: Vec<csv::StringRecord> = rdr
        .records()
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            err(line, "row", e.to_string())
        })?;
    // The ids the file gives: an id given to a row without one must be
    // none of them, or a later row's place would take its id.
    let explicit: HashSet<u32> = cols
        .geonameid
        .map(|c| {
            records
                .iter()
                .filter_map(|r| r.get(c)?.parse().ok())
                .collect()
        })
        .unwrap_or_default();
    let mut rows = Vec::new();
    // The new places of this file: id → line.
    let mut new_ids: HashMap<u32, u64> = HashMap::new();
    let mut next_id = FIRST_USER_ID.saturating_add(gaz.len() as u32);
    for rec in &records {
        let line = rec.position().map_or(0, |p| p.line());
        let get = |c: Option<usize>| c.and_then(|i| rec.get(i)).unwrap_or("");
        let name = get(Some(cols.name));
        if name.is_empty() {
            return Err(err(line, "name", "is empty".into()));
        }
        let mut names = vec![(name.to_string(), MatchKind::Name)];
        names.extend(
            get(cols.aliases)
                .split([';', '|'])
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(|a| (a.to_string(), MatchKind::Alternate)),
        );
        let id = match get(cols.geonameid) {
            "" => None,
            s => Some(
                s.parse::<u32>()
                    .map_err(|_| err(line, "geonameid", format!("{s:?} is not a whole number")))?,
            ),
        };
        let (lat, lon) = (get(cols.lat), get(cols.lon));
        if let Some(first) = id.and_then(|id| new_ids.get(&id)) {
            if !lat.is_empty() || !lon.is_empty() {
                return Err(err(
                    line,
                    "geonameid",
                    format!(
                        "{} is already the id of the new place on line {first}; \
                         give another id, or leave lat and lon empty to add aliases to it",
                        id.unwrap_or_default()
                    ),
                ));
            }
        }
        let known = id.is_some_and(|id| gaz.place_by_id(id).is_some() || new_ids.contains_key(&id));
        if known {
            if !lat.is_empty() || !lon.is_empty() {
                return Err(err(
                    line,
                    "geonameid",
                    format!(
                        "{} is already in the gazetteer; leave lat and lon empty to add aliases to it",
                        id.unwrap_or_default()
                    ),
                ));
            }
            for n in &mut names {
                n.1 = MatchKind::Alternate;
            }
            rows.push(ExtraRow {
                geonameid: id.unwrap_or_default(),
                place: None,
                names,
            });
            continue;
        }
        let coordinate = |field: &str, value: &str, limit: f64| -> Result<f64> {
            if value.is_empty() {
                return Err(err(line, field, "is required for a new place".into()));
            }
            match value.parse::<f64>() {
                Ok(v) if v.is_finite() && v.abs() <= limit => Ok(v),
                _ => Err(err(
                    line,
                    field,
                    format!("{value:?} is not a number from -{limit} to {limit}"),
                )),
            }
        };
        let lat = coordinate("lat", lat, 90.0)?;
        let lon = coordinate("lon", lon, 180.0)?;
        let country = get(cols.country_code).to_ascii_uppercase();
        let is_iso = country.len() == 2 && country.bytes().all(|b| b.is_ascii_alphabetic());
        if !country.is_empty() && !is_iso {
            return Err(err(
                line,
                "country_code",
                format!("{country:?} is not a two-letter ISO code"),
            ));
        }
        let population = match get(cols.population) {
            "" => 0,
            s => s
                .parse()
                .map_err(|_| err(line, "population", format!("{s:?} is not a whole number")))?,
        };
        let feature_code = match get(cols.feature_code) {
            "" => "PPL".to_string(),
            s => s.to_ascii_uppercase(),
        };
        let feature_class = if feature_code.starts_with("ADM") || feature_code.starts_with("PCL") {
            'A'
        } else {
            'P'
        };
        let geonameid = match id {
            Some(id) => id,
            None => {
                while gaz.place_by_id(next_id).is_some()
                    || explicit.contains(&next_id)
                    || new_ids.contains_key(&next_id)
                {
                    next_id = next_id.checked_add(1).ok_or_else(|| {
                        err(line, "geonameid", "no id left to give a new place".into())
                    })?;
                }
                next_id
            }
        };
        new_ids.insert(geonameid, line);
        rows.push(ExtraRow {
            geonameid,
            place: Some(Place {
                geonameid,
                name: name.to_string().into(),
                lat,
                lon,
                feature_class,
                kind: crate::place::Kind::of_geonames(feature_class, &feature_code),
                bbox: None,
                feature_code: feature_code.into(),
                country_code: country.into(),
                admin1_code: get(cols.admin1_code).to_string().into(),
                admin2_code: get(cols.admin2_code).to_string().into(),
                population,
            }),
            names,
        });
    }
    Ok(rows)
}
