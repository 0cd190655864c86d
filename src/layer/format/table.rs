//! A layer as a table, for the columnar formats (GeoParquet, FlatGeobuf):
//! each property a typed column, inferred from its values over every
//! feature, and a merged layer kept in a temporary file until its schema
//! is known.
//!
//! A column is `Int` when every value is a JSON integer, `Float` when any
//! is a fraction, `Bool`, `Date` when its name is one of
//! [`crate::layer::DATE_PROPERTIES`] and every value is an ISO 8601 date,
//! else `Text` (other JSON written as text). A column with only nulls is
//! `Date` if its name says so, else `Text`. A missing property is null.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, Seek, Write};
use std::path::Path;

use chrono::NaiveDate;
use geojson::{Feature, JsonValue, Value};

use super::{Features, LayerFormat, MergedLayer, WriteOptions};
use crate::layer::encoded::Frame;
use crate::layer::{EncodedLayer, Layer, LayerKind, DATE_PROPERTIES};

/// A column's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ColumnType {
    Bool,
    Int,
    Float,
    Date,
    Text,
}

/// A property column.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Column {
    pub name: String,
    pub ty: ColumnType,
}

/// What the columnar formats need to know before the first row.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Table {
    /// The property columns, in name order.
    pub columns: Vec<Column>,
    /// The geometry types present (`Point`, `LineString`…), sorted.
    pub geometry_types: BTreeSet<&'static str>,
    /// West, south, east, north over every coordinate, if any.
    pub bbox: Option<[f64; 4]>,
    /// The number of features.
    pub rows: usize,
}

/// The values a column has seen.
#[derive(Default)]
struct Seen {
    bool: bool,
    int: bool,
    float: bool,
    text: bool,
    /// A string that is no ISO date.
    not_date: bool,
    /// JSON arrays, objects, or integers beyond `i64`.
    other: bool,
}

/// Builds a [`Table`] one feature at a time.
#[derive(Default)]
pub(crate) struct TableBuilder {
    seen: BTreeMap<String, Seen>,
    geometry_types: BTreeSet<&'static str>,
    bbox: Option<[f64; 4]>,
    rows: usize,
}

impl TableBuilder {
    pub fn add(&mut self, f: &Feature) {
        self.rows += 1;
        if let Some(g) = &f.geometry {
            self.geometry_types.insert(type_name(&g.value));
            extend_bbox(&g.value, &mut self.bbox);
        }
        for (name, value) in f.properties.iter().flatten() {
            if !self.seen.contains_key(name) {
                self.seen.insert(name.clone(), Seen::default());
            }
            let seen = self.seen.get_mut(name).expect("inserted");
            match value {
                JsonValue::Null => {}
                JsonValue::Bool(_) => seen.bool = true,
                JsonValue::Number(n) if n.is_f64() => seen.float = true,
                JsonValue::Number(n) if n.is_i64() => seen.int = true,
                JsonValue::Number(_) => seen.other = true,
                JsonValue::String(s) => {
                    seen.text = true;
                    if s.parse::<NaiveDate>().is_err() {
                        seen.not_date = true;
                    }
                }
                JsonValue::Array(_) | JsonValue::Object(_) => seen.other = true,
            }
        }
    }

    pub fn finish(self) -> Table {
        let columns = self
            .seen
            .into_iter()
            .map(|(name, s)| {
                let is_date_name = DATE_PROPERTIES.contains(&name.as_str());
                let ty = match (s.bool, s.int, s.float, s.text, s.other) {
                    (_, _, _, _, true) => ColumnType::Text,
                    (true, false, false, false, _) => ColumnType::Bool,
                    (false, true, false, false, _) => ColumnType::Int,
                    (false, _, true, false, _) => ColumnType::Float,
                    (false, false, false, true, _) if is_date_name && !s.not_date => {
                        ColumnType::Date
                    }
                    (false, false, false, false, _) if is_date_name => ColumnType::Date,
                    _ => ColumnType::Text,
                };
                Column { name, ty }
            })
            .collect();
        Table {
            columns,
            geometry_types: self.geometry_types,
            bbox: self.bbox,
            rows: self.rows,
        }
    }
}

/// The table of features in memory.
pub(crate) fn table_of(features: &[Feature]) -> Table {
    let mut builder = TableBuilder::default();
    for f in features {
        builder.add(f);
    }
    builder.finish()
}

/// The GeoJSON name of a geometry's type.
pub(crate) fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Point(_) => "Point",
        Value::MultiPoint(_) => "MultiPoint",
        Value::LineString(_) => "LineString",
        Value::MultiLineString(_) => "MultiLineString",
        Value::Polygon(_) => "Polygon",
        Value::MultiPolygon(_) => "MultiPolygon",
        Value::GeometryCollection(_) => "GeometryCollection",
    }
}

fn extend_bbox(value: &Value, bbox: &mut Option<[f64; 4]>) {
    let mut add = |p: &Vec<f64>| {
        let b = bbox.get_or_insert([p[0], p[1], p[0], p[1]]);
        b[0] = b[0].min(p[0]);
        b[1] = b[1].min(p[1]);
        b[2] = b[2].max(p[0]);
        b[3] = b[3].max(p[1]);
    };
    match value {
        Value::Point(p) => add(p),
        Value::MultiPoint(ps) | Value::LineString(ps) => ps.iter().for_each(add),
        Value::MultiLineString(ls) | Value::Polygon(ls) => ls.iter().flatten().for_each(add),
        Value::MultiPolygon(ps) => ps.iter().flatten().flatten().for_each(add),
        Value::GeometryCollection(gs) => gs.iter().for_each(|g| extend_bbox(&g.value, bbox)),
    }
}

/// A row's cells under the table's columns: each property's value, `None`
/// when it is null or absent. Properties and columns are both in name
/// order, so one pass over the two lists pairs them.
pub(crate) fn cells<'a>(f: &'a Feature, columns: &[Column]) -> Vec<Option<&'a JsonValue>> {
    let mut cells = vec![None; columns.len()];
    let Some(properties) = f.properties.as_ref() else {
        return cells;
    };
    let mut props = properties.iter().peekable();
    for (cell, column) in cells.iter_mut().zip(columns) {
        while props
            .peek()
            .is_some_and(|(name, _)| name.as_str() < column.name.as_str())
        {
            props.next();
        }
        if let Some((name, value)) = props.peek() {
            if name.as_str() == column.name.as_str() && !value.is_null() {
                *cell = Some(*value);
            }
        }
    }
    cells
}

/// A cell as text: a string as it is, other JSON as JSON text.
pub(crate) fn text(cell: Option<&JsonValue>) -> Option<Cow<'_, str>> {
    match cell? {
        JsonValue::String(s) => Some(Cow::Borrowed(s)),
        v => Some(Cow::Owned(v.to_string())),
    }
}

/// A cell as a date.
pub(crate) fn date(cell: Option<&JsonValue>) -> Option<NaiveDate> {
    cell?.as_str()?.parse().ok()
}

/// A row source: features in order, borrowed from memory or read back
/// from a temporary file.
pub(crate) type Rows<'a> = Box<dyn Iterator<Item = std::io::Result<Cow<'a, Feature>>> + 'a>;

/// Features in memory as rows.
pub(crate) fn rows_of(features: &[Feature]) -> Rows<'_> {
    Box::new(features.iter().map(|f| Ok(Cow::Borrowed(f))))
}

/// Writes a whole table: the layer's name, its table, its rows, into `out`.
pub(crate) type WriteTable = fn(
    name: &str,
    table: &Table,
    rows: Rows<'_>,
    out: &mut (dyn Write + Send),
) -> std::io::Result<()>;

/// A format whose file needs every feature before it is written (a table
/// of typed columns: GeoParquet, FlatGeobuf): its names and its writer.
/// The rest of [`LayerFormat`] is the same for each and is given here: a
/// layer written whole, an article's layer encoded whole, a merged layer
/// spooled beside its file.
pub(crate) trait TableFormat: Sync + Send + std::fmt::Debug {
    /// The name `--format` takes.
    const NAME: &'static str;
    /// One line for `--help`.
    const ABOUT: &'static str;
    /// The file extension, without the dot.
    const EXTENSION: &'static str;
    /// The IANA media type.
    const MEDIA_TYPE: &'static str;
    /// The format's name in messages ("GeoParquet").
    const LABEL: &'static str;
    /// Writes the table's rows as the format's file.
    const WRITE: WriteTable;
}

impl<T: TableFormat> LayerFormat for T {
    fn name(&self) -> &'static str {
        T::NAME
    }

    fn about(&self) -> &'static str {
        T::ABOUT
    }

    fn extension(&self) -> &'static str {
        T::EXTENSION
    }

    fn media_type(&self) -> &'static str {
        T::MEDIA_TYPE
    }

    fn streams(&self) -> bool {
        false
    }

    fn write(&self, features: &Features<'_>, _options: WriteOptions) -> Vec<u8> {
        write_whole(features, T::LABEL, T::WRITE)
    }

    fn encode_layer(&self, layer: &Layer, options: WriteOptions) -> EncodedLayer {
        encode_whole(layer, self.write(&Features::of_layer(layer), options))
    }

    fn begin(
        &self,
        kind: LayerKind,
        _options: WriteOptions,
        path: &Path,
        _out: &mut (dyn Write + Send),
    ) -> crate::Result<Box<dyn MergedLayer>> {
        begin_spooled(kind, path, T::WRITE)
    }
}

/// A whole layer in a table format: its columns' types from every
/// feature, then `write` over its rows, in memory.
fn write_whole(features: &Features<'_>, format: &str, write: WriteTable) -> Vec<u8> {
    let table = table_of(features.features);
    let mut out = Vec::new();
    if let Err(e) = write(features.name, &table, rows_of(features.features), &mut out) {
        // Writing to memory fails only on a bug of the format's writer.
        unreachable!("a {format} file is written to memory: {e}");
    }
    out
}

/// One article's layer in a table format: its own file from `file`, its
/// features as compact GeoJSON lines for a merged layer to spool.
fn encode_whole(layer: &Layer, file: Vec<u8>) -> EncodedLayer {
    let mut encoded = EncodedLayer::from_features(layer, Frame::Lines);
    encoded.file = Some(file);
    encoded
}

/// A merged layer in a table format: features spooled beside `path`, the
/// file written by `write` when it is finished.
fn begin_spooled(
    kind: LayerKind,
    path: &Path,
    write: WriteTable,
) -> crate::Result<Box<dyn MergedLayer>> {
    let spool = super::spool_beside(path)?;
    Ok(Box::new(Spooled::new(kind.name(), spool, write)))
}

/// A merged layer of a format that needs every feature before it writes:
/// each article's features (compact GeoJSON, a line each) go to a
/// temporary file beside the output, the table is built as they come, and
/// the whole file is written at the end, reading them back in order.
pub(crate) struct Spooled {
    name: &'static str,
    spool: std::io::BufWriter<tempfile::NamedTempFile>,
    builder: TableBuilder,
    write: WriteTable,
}

impl Spooled {
    pub fn new(name: &'static str, spool: tempfile::NamedTempFile, write: WriteTable) -> Spooled {
        Spooled {
            name,
            spool: std::io::BufWriter::with_capacity(1 << 20, spool),
            builder: TableBuilder::default(),
            write,
        }
    }
}

impl MergedLayer for Spooled {
    fn append(
        &mut self,
        layer: &EncodedLayer,
        _out: &mut (dyn Write + Send),
    ) -> std::io::Result<()> {
        for piece in layer.pieces() {
            let feature: Feature = serde_json::from_slice(piece)?;
            self.builder.add(&feature);
            self.spool.write_all(piece)?;
            self.spool.write_all(b"\n")?;
        }
        Ok(())
    }

    fn finish(self: Box<Self>, out: &mut (dyn Write + Send)) -> std::io::Result<()> {
        let Spooled {
            name,
            spool,
            builder,
            write,
        } = *self;
        let table = builder.finish();
        let mut spool = spool.into_inner().map_err(|e| e.into_error())?;
        spool.rewind()?;
        let lines = std::io::BufReader::with_capacity(1 << 20, spool).lines();
        let rows: Rows<'_> = Box::new(lines.map(|line| {
            let feature: Feature = serde_json::from_str(&line?)?;
            Ok(Cow::Owned(feature))
        }));
        write(name, &table, rows, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn feature(properties: JsonValue) -> Feature {
        Feature {
            bbox: None,
            geometry: Some(geojson::Geometry::new(Value::Point(vec![37.5, 48.3]))),
            id: None,
            properties: properties.as_object().cloned(),
            foreign_members: None,
        }
    }

    fn types(features: &[Feature]) -> Vec<(String, ColumnType)> {
        table_of(features)
            .columns
            .into_iter()
            .map(|c| (c.name, c.ty))
            .collect()
    }

    #[test]
    fn columns_take_the_type_of_their_values_and_dates_their_name() {
        let features = [
            feature(
                json!({"geonameid": 703656, "confidence": 0.5, "published": null,
                           "approach": true, "name": "Kupiansk", "event_date": "2024-06-27"}),
            ),
            feature(
                json!({"geonameid": 9112926, "confidence": 1.0, "published": "2024-06-27",
                           "approach": false, "name": "2024-06-27", "event_date": null}),
            ),
        ];
        assert_eq!(
            types(&features),
            [
                ("approach".to_string(), ColumnType::Bool),
                ("confidence".to_string(), ColumnType::Float),
                ("event_date".to_string(), ColumnType::Date),
                ("geonameid".to_string(), ColumnType::Int),
                ("name".to_string(), ColumnType::Text),
                ("published".to_string(), ColumnType::Date),
            ]
        );
    }

    #[test]
    fn a_date_column_with_a_word_in_it_is_text_and_an_empty_one_still_a_date() {
        let features = [
            feature(json!({"since": "2024-06-27", "until": null, "toward": null})),
            feature(json!({"since": "yesterday", "until": null, "toward": null})),
        ];
        assert_eq!(
            types(&features),
            [
                ("since".to_string(), ColumnType::Text),
                ("toward".to_string(), ColumnType::Text),
                ("until".to_string(), ColumnType::Date),
            ]
        );
    }

    #[test]
    fn a_row_s_cells_pair_each_column_with_its_value_or_none() {
        let f = feature(json!({"a": 1, "c": null, "d": "x", "z": true}));
        let columns: Vec<Column> = ["a", "b", "c", "d"]
            .map(|name| Column {
                name: name.to_string(),
                ty: ColumnType::Text,
            })
            .to_vec();
        assert_eq!(
            cells(&f, &columns),
            [Some(&json!(1)), None, None, Some(&json!("x"))]
        );
    }

    #[test]
    fn the_bounding_box_spans_every_coordinate() {
        let mut line = feature(json!({}));
        line.geometry = Some(geojson::Geometry::new(Value::LineString(vec![
            vec![36.0, 49.0],
            vec![38.0, 47.0],
        ])));
        let table = table_of(&[feature(json!({})), line]);
        assert_eq!(table.bbox, Some([36.0, 47.0, 38.0, 49.0]));
        assert_eq!(
            table.geometry_types.into_iter().collect::<Vec<_>>(),
            ["LineString", "Point"]
        );
    }
}
