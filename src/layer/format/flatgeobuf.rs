//! FlatGeobuf: a binary feature file with a spatial index, for QGIS, GDAL
//! and web maps that read only the part of a big layer they show.

use std::io::Write;

use flatgeobuf::geozero::error::Result as GeozeroResult;
use flatgeobuf::geozero::{ColumnValue, GeomProcessor, GeozeroGeometry, PropertyProcessor};
use flatgeobuf::{ColumnType as FgbType, FgbCrs, FgbWriter, FgbWriterOptions, GeometryType};
use geojson::Value;

use super::table::{self, ColumnType, Rows, Table, TableFormat, WriteTable};

/// FlatGeobuf 3 with a packed Hilbert R-tree index, CRS EPSG:4326: so
/// the features come in the index's order (along a Hilbert curve), not in
/// text order. Integers are Long (OGR: Integer64), fractions Double,
/// booleans Bool, text String; dates are DateTime (FlatGeobuf has no date
/// type: `2024-06-27` reads as that day at midnight). A layer of one
/// geometry type declares it; a mixed one (events: points and lines) is
/// `Unknown`, each feature saying its own.
///
/// ```
/// use frontline::{extract, layer::{Layer, OutputFormat}, Article, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// let found = extract(&gaz, &Article::new("Russian forces captured Krasnohorivka."));
/// let fgb = Layer::places(&found).write(OutputFormat::FLATGEOBUF);
/// assert_eq!(&fgb[..3], b"fgb");
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct FlatGeobuf;

impl TableFormat for FlatGeobuf {
    const NAME: &'static str = "flatgeobuf";
    const ABOUT: &'static str = "FlatGeobuf with a spatial index (QGIS, GDAL, web maps)";
    const EXTENSION: &'static str = "fgb";
    const MEDIA_TYPE: &'static str = "application/flatgeobuf";
    const LABEL: &'static str = "FlatGeobuf";
    const WRITE: WriteTable = write_table;
}

fn fgb_error(e: impl std::fmt::Display) -> std::io::Error {
    std::io::Error::other(format!("FlatGeobuf: {e}"))
}

/// The type a layer declares: its one geometry type, or `Unknown`.
fn geometry_type(table: &Table) -> GeometryType {
    let mut types = table.geometry_types.iter();
    match (types.next(), types.next()) {
        (Some(&t), None) => match t {
            "Point" => GeometryType::Point,
            "MultiPoint" => GeometryType::MultiPoint,
            "LineString" => GeometryType::LineString,
            "MultiLineString" => GeometryType::MultiLineString,
            "Polygon" => GeometryType::Polygon,
            "MultiPolygon" => GeometryType::MultiPolygon,
            _ => GeometryType::GeometryCollection,
        },
        _ => GeometryType::Unknown,
    }
}

/// Writes a FlatGeobuf file of `table`'s rows.
fn write_table(
    name: &str,
    table: &Table,
    rows: Rows<'_>,
    out: &mut (dyn Write + Send),
) -> std::io::Result<()> {
    let options = FgbWriterOptions {
        write_index: true,
        detect_type: false,
        promote_to_multi: false,
        crs: FgbCrs {
            code: 4326,
            ..Default::default()
        },
        ..Default::default()
    };
    let mut fgb =
        FgbWriter::create_with_options(name, geometry_type(table), options).map_err(fgb_error)?;
    for c in &table.columns {
        let ty = match c.ty {
            ColumnType::Bool => FgbType::Bool,
            ColumnType::Int => FgbType::Long,
            ColumnType::Float => FgbType::Double,
            ColumnType::Date => FgbType::DateTime,
            ColumnType::Text => FgbType::String,
        };
        fgb.add_column(&c.name, ty, |_, column| column.nullable = true);
    }
    for row in rows {
        let f = row?;
        let geometry = f
            .geometry
            .as_ref()
            .ok_or_else(|| fgb_error("a feature without a geometry"))?;
        let mut failed = None;
        let cells = table::cells(&f, &table.columns);
        fgb.add_feature_geom(Geometry(&geometry.value), |w| {
            for (i, (c, &cell)) in table.columns.iter().zip(&cells).enumerate() {
                let text;
                let value = match c.ty {
                    ColumnType::Bool => cell.and_then(|v| v.as_bool()).map(ColumnValue::Bool),
                    ColumnType::Int => cell.and_then(|v| v.as_i64()).map(ColumnValue::Long),
                    ColumnType::Float => cell.and_then(|v| v.as_f64()).map(ColumnValue::Double),
                    ColumnType::Date => cell.and_then(|v| v.as_str()).map(ColumnValue::DateTime),
                    ColumnType::Text => {
                        text = table::text(cell);
                        text.as_deref().map(ColumnValue::String)
                    }
                };
                if let Some(value) = value {
                    if let Err(e) = w.property(i, &c.name, &value) {
                        failed.get_or_insert(e);
                    }
                }
            }
        })
        .map_err(fgb_error)?;
        if let Some(e) = failed {
            return Err(fgb_error(e));
        }
    }
    fgb.write(out).map_err(fgb_error)
}

/// A GeoJSON geometry, as the FlatGeobuf writer reads geometries.
struct Geometry<'a>(&'a Value);

impl GeozeroGeometry for Geometry<'_> {
    fn process_geom<P: GeomProcessor>(&self, p: &mut P) -> GeozeroResult<()> {
        process(self.0, 0, p)
    }
}

fn process<P: GeomProcessor>(value: &Value, idx: usize, p: &mut P) -> GeozeroResult<()> {
    match value {
        Value::Point(c) => {
            p.point_begin(idx)?;
            p.xy(c[0], c[1], 0)?;
            p.point_end(idx)
        }
        Value::LineString(cs) => line(cs, true, idx, p),
        Value::Polygon(rings) => polygon(rings, true, idx, p),
        Value::MultiPoint(cs) => {
            p.multipoint_begin(cs.len(), idx)?;
            for (i, c) in cs.iter().enumerate() {
                p.xy(c[0], c[1], i)?;
            }
            p.multipoint_end(idx)
        }
        Value::MultiLineString(ls) => {
            p.multilinestring_begin(ls.len(), idx)?;
            for (i, l) in ls.iter().enumerate() {
                line(l, false, i, p)?;
            }
            p.multilinestring_end(idx)
        }
        Value::MultiPolygon(ps) => {
            p.multipolygon_begin(ps.len(), idx)?;
            for (i, rings) in ps.iter().enumerate() {
                polygon(rings, false, i, p)?;
            }
            p.multipolygon_end(idx)
        }
        Value::GeometryCollection(gs) => {
            p.geometrycollection_begin(gs.len(), idx)?;
            for (i, g) in gs.iter().enumerate() {
                process(&g.value, i, p)?;
            }
            p.geometrycollection_end(idx)
        }
    }
}

fn line<P: GeomProcessor>(
    cs: &[Vec<f64>],
    tagged: bool,
    idx: usize,
    p: &mut P,
) -> GeozeroResult<()> {
    p.linestring_begin(tagged, cs.len(), idx)?;
    for (i, c) in cs.iter().enumerate() {
        p.xy(c[0], c[1], i)?;
    }
    p.linestring_end(tagged, idx)
}

fn polygon<P: GeomProcessor>(
    rings: &[Vec<Vec<f64>>],
    tagged: bool,
    idx: usize,
    p: &mut P,
) -> GeozeroResult<()> {
    p.polygon_begin(tagged, rings.len(), idx)?;
    for (i, ring) in rings.iter().enumerate() {
        line(ring, false, i, p)?;
    }
    p.polygon_end(tagged, idx)
}
