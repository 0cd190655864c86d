//! A known state to start from: a CSV or GeoJSON of settlements, each with
//! a side and a date.
//!
//! CSV columns (header names in any case, any order):
//! - `geonameid`, or `name` (resolved with the bundled gazetteer; `lat`
//!   and `lon`, when given, choose among places of that name);
//! - `side`: `RU`, `UA`, `contested` or `unknown` (`control` is accepted
//!   as the column's name, `Russia` and `Ukraine` as values);
//! - `since`: the date, `YYYY-MM-DD` (`date` is accepted too);
//! - optional `extent` (`full`, `partial`), `certainty` (`reported`,
//!   `claimed`) and `confirmed` (the last day it was seen so).
//!
//! GeoJSON: Point features with the same properties; the point chooses
//! among places of the name. A `control.geojson` written by `frontline
//! front` is a valid baseline, so today's output seeds tomorrow's run.

use std::path::Path;

use chrono::NaiveDate;
use serde_json::Value;

use super::{Control, Settlement};
use crate::error::{Error, Result};
use crate::event::{Certainty, Extent};
use crate::{Gazetteer, Hints};

/// One settlement's known state.
#[derive(Clone, Debug, PartialEq)]
pub struct BaselineEntry {
    /// The settlement.
    pub settlement: Settlement,
    /// Who holds it.
    pub control: Control,
    /// All of it, or part.
    pub extent: Extent,
    /// Since when.
    pub since: NaiveDate,
    /// The last day it was seen so, when known (a `control.geojson`
    /// written by `frontline front` has it).
    pub confirmed: Option<NaiveDate>,
    /// `reported` unless the row says `claimed`.
    pub certainty: Certainty,
    /// Where the row is: `FILE:LINE` or `FILE: feature N`.
    pub source: String,
}

/// A known state of many settlements.
///
/// ```
/// use frontline::control::{Baseline, Control};
/// use frontline::Gazetteer;
/// let gaz = Gazetteer::bundled();
/// let csv = "name,side,since\nAvdiivka,RU,2024-02-17\nChasiv Yar,UA,2024-06-01\n";
/// let baseline = Baseline::from_csv(&gaz, csv.as_bytes(), "base.csv").unwrap();
/// assert_eq!(baseline.entries[0].settlement.geonameid, 713122);
/// assert_eq!(baseline.entries[1].control, Control::UA);
///
/// let bad = "name,side,since\nAvdiivka,RU,17 Feb\n";
/// let err = Baseline::from_csv(&gaz, bad.as_bytes(), "base.csv").unwrap_err();
/// assert!(err.to_string().starts_with("base.csv:2: field `since`"));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Baseline {
    /// The rows, in file order.
    pub entries: Vec<BaselineEntry>,
}

impl Baseline {
    /// Reads a baseline file: GeoJSON for `.geojson` and `.json`, CSV
    /// otherwise.
    pub fn read(gaz: &Gazetteer, path: &Path) -> Result<Baseline> {
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let name = path.display().to_string();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("geojson" | "json") => Baseline::from_geojson(gaz, &bytes, &name),
            _ => Baseline::from_csv(gaz, bytes.as_slice(), &name),
        }
    }

    /// Reads CSV; `name` names the input in errors (`name:LINE`).
    pub fn from_csv(gaz: &Gazetteer, reader: impl std::io::Read, name: &str) -> Result<Baseline> {
        let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
        let headers: Vec<String> = rdr
            .headers()
            .map_err(|e| bad(format!("{name}:1"), "header", e.to_string()))?
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect();
        let column = |names: &[&str]| headers.iter().position(|h| names.contains(&h.as_str()));
        let side_col = column(&["side", "control"])
            .ok_or_else(|| bad(format!("{name}:1"), "side", "no `side` column".into()))?;
        let since_col = column(&["since", "date"])
            .ok_or_else(|| bad(format!("{name}:1"), "since", "no `since` column".into()))?;
        let (id_col, name_col) = (column(&["geonameid"]), column(&["name"]));
        if id_col.is_none() && name_col.is_none() {
            return Err(bad(
                format!("{name}:1"),
                "geonameid",
                "no `geonameid` or `name` column".into(),
            ));
        }
        let (lat_col, lon_col) = (column(&["lat", "latitude"]), column(&["lon", "longitude"]));
        let (extent_col, certainty_col) = (column(&["extent"]), column(&["certainty"]));
        let confirmed_col = column(&["confirmed"]);
        let mut entries = Vec::new();
        for (i, record) in rdr.records().enumerate() {
            let source = format!("{name}:{}", i + 2);
            let record = record.map_err(|e| bad(source.clone(), "row", e.to_string()))?;
            if record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            let get = |c: Option<usize>| c.and_then(|c| record.get(c)).map(str::trim);
            let number = |c: Option<usize>, field: &str| -> Result<Option<f64>> {
                match get(c).filter(|v| !v.is_empty()) {
                    None => Ok(None),
                    Some(v) => v
                        .parse::<f64>()
                        .ok()
                        .filter(|x| x.is_finite())
                        .map(Some)
                        .ok_or_else(|| {
                            bad(source.clone(), field, format!("{v:?} is not a number"))
                        }),
                }
            };
            let near = match (number(lat_col, "lat")?, number(lon_col, "lon")?) {
                (Some(lat), Some(lon)) => Some((lat, lon)),
                _ => None,
            };
            let row = Row {
                geonameid: get(id_col),
                name: get(name_col),
                near,
                side: get(Some(side_col)),
                since: get(Some(since_col)),
                confirmed: get(confirmed_col),
                extent: get(extent_col),
                certainty: get(certainty_col),
            };
            entries.push(row.entry(gaz, source)?);
        }
        Ok(Baseline { entries })
    }

    /// Reads a GeoJSON FeatureCollection of points; `name` names the input
    /// in errors (`name: feature N`, counted from 1).
    pub fn from_geojson(gaz: &Gazetteer, bytes: &[u8], name: &str) -> Result<Baseline> {
        let json: Value = serde_json::from_slice(bytes)
            .map_err(|e| bad(name.to_string(), "json", format!("not JSON: {e}")))?;
        let features = json
            .get("features")
            .and_then(Value::as_array)
            .ok_or_else(|| {
                bad(
                    name.to_string(),
                    "features",
                    "not a GeoJSON FeatureCollection".into(),
                )
            })?;
        let mut entries = Vec::new();
        for (i, feature) in features.iter().enumerate() {
            let source = format!("{name}: feature {}", i + 1);
            let props = feature.get("properties").and_then(Value::as_object);
            let text = |key: &str| -> Option<String> {
                match props?.get(key)? {
                    Value::String(s) => Some(s.clone()),
                    Value::Number(n) => Some(n.to_string()),
                    _ => None,
                }
            };
            let coords = feature
                .get("geometry")
                .filter(|g| g.get("type").and_then(Value::as_str) == Some("Point"))
                .and_then(|g| g.get("coordinates"))
                .and_then(Value::as_array);
            let near = coords.and_then(|c| Some((c.get(1)?.as_f64()?, c.first()?.as_f64()?)));
            let (id, place_name) = (text("geonameid"), text("name"));
            let (side, since) = (
                text("side").or_else(|| text("control")),
                text("since").or_else(|| text("date")),
            );
            let (extent, certainty) = (text("extent"), text("certainty"));
            let confirmed = text("confirmed");
            let row = Row {
                geonameid: id.as_deref(),
                name: place_name.as_deref(),
                near,
                side: side.as_deref(),
                since: since.as_deref(),
                confirmed: confirmed.as_deref(),
                extent: extent.as_deref(),
                certainty: certainty.as_deref(),
            };
            entries.push(row.entry(gaz, source)?);
        }
        Ok(Baseline { entries })
    }
}

fn bad(source: String, field: &str, message: String) -> Error {
    Error::Baseline {
        source,
        field: field.to_string(),
        message,
    }
}

/// A row's fields, as written.
struct Row<'a> {
    geonameid: Option<&'a str>,
    name: Option<&'a str>,
    near: Option<(f64, f64)>,
    side: Option<&'a str>,
    since: Option<&'a str>,
    confirmed: Option<&'a str>,
    extent: Option<&'a str>,
    certainty: Option<&'a str>,
}

impl Row<'_> {
    fn entry(&self, gaz: &Gazetteer, source: String) -> Result<BaselineEntry> {
        let fail = |field: &str, message: String| bad(source.clone(), field, message);
        let side = self.side.unwrap_or("");
        let control = Control::parse(side).ok_or_else(|| {
            fail(
                "side",
                format!("{side:?} is not RU, UA, contested or unknown"),
            )
        })?;
        if let Some((lat, lon)) = self.near {
            if !(-90.0..=90.0).contains(&lat) {
                return Err(fail("lat", format!("{lat} is outside -90..90")));
            }
            if !(-180.0..=180.0).contains(&lon) {
                return Err(fail("lon", format!("{lon} is outside -180..180")));
            }
        }
        let since = self.since.unwrap_or("");
        let since = crate::article::parse_date(since)
            .map_err(|_| fail("since", format!("{since:?} is not a date YYYY-MM-DD")))?;
        let confirmed = match self.confirmed.filter(|c| !c.is_empty()) {
            None => None,
            Some(c) => Some(
                crate::article::parse_date(c)
                    .map_err(|_| fail("confirmed", format!("{c:?} is not a date YYYY-MM-DD")))?,
            ),
        };
        let extent = match self.extent.map(str::to_ascii_lowercase).as_deref() {
            None | Some("" | "full") => Extent::Full,
            Some("partial") => Extent::Partial,
            Some(other) => return Err(fail("extent", format!("{other:?} is not full or partial"))),
        };
        let certainty = match self.certainty.map(str::to_ascii_lowercase).as_deref() {
            None | Some("" | "reported") => Certainty::Reported,
            Some("claimed") => Certainty::Claimed,
            Some(other) => {
                return Err(fail(
                    "certainty",
                    format!("{other:?} is not reported or claimed"),
                ))
            }
        };
        let settlement = self.settlement(gaz, &fail)?;
        Ok(BaselineEntry {
            settlement,
            control,
            extent,
            since,
            confirmed: confirmed.filter(|&c| c > since),
            certainty,
            source,
        })
    }

    fn settlement(
        &self,
        gaz: &Gazetteer,
        fail: &dyn Fn(&str, String) -> Error,
    ) -> Result<Settlement> {
        let of = |p: &crate::Place| Settlement {
            geonameid: p.geonameid,
            name: p.name.to_string(),
            lat: p.lat,
            lon: p.lon,
        };
        if let Some(id) = self.geonameid.filter(|s| !s.is_empty()) {
            let place = id
                .parse::<u32>()
                .ok()
                .and_then(|id| gaz.place_by_id(id))
                .ok_or_else(|| fail("geonameid", format!("{id:?} is no place in the gazetteer")))?;
            return Ok(of(place));
        }
        let name = self
            .name
            .filter(|s| !s.is_empty())
            .ok_or_else(|| fail("name", "neither a geonameid nor a name".into()))?;
        let hints = Hints {
            near: self.near,
            ..Hints::default()
        };
        let found = gaz
            .resolve(name, &hints)
            .map_err(|e| fail("name", e.to_string()))?;
        found
            .iter()
            .find(|c| c.place.is_populated())
            .map(|c| of(c.place))
            .ok_or_else(|| fail("name", format!("no settlement named {name:?}")))
    }
}
