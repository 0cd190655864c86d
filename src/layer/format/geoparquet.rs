//! GeoParquet 1.1: a Parquet file with the geometry as WKB and each
//! property a typed column, for GeoPandas, DuckDB, Spark and QGIS.

use std::io::Write;
use std::sync::Arc;

use geojson::{Feature, JsonValue};
use parquet::basic::{LogicalType, Repetition, Type as Physical};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;
use serde_json::json;

use super::table::{self, ColumnType, Rows, Table, TableFormat, WriteTable};

/// GeoParquet 1.1: geometry as WKB in the `geometry` column, described by
/// the file's `geo` metadata (version, primary column, encoding, geometry
/// types, bounding box; no `crs`, which means OGC:CRS84, longitude and
/// latitude on WGS 84). Integers are Int64, fractions Float64, dates
/// (`published`, `event_date`, `since`…) Date32, text UTF-8, a missing
/// value null. Uncompressed, in row groups of 65,536 features; the bytes
/// depend only on the features.
///
/// ```
/// use frontline::{extract, layer::{Layer, OutputFormat}, Article, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// let found = extract(&gaz, &Article::new("Russian forces captured Krasnohorivka."));
/// let parquet = Layer::places(&found).write(OutputFormat::GEOPARQUET);
/// assert_eq!(&parquet[..4], b"PAR1");
/// assert_eq!(&parquet[parquet.len() - 4..], b"PAR1");
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct GeoParquet;

/// Features per row group.
const ROW_GROUP: usize = 65_536;

impl TableFormat for GeoParquet {
    const NAME: &'static str = "geoparquet";
    const ABOUT: &'static str =
        "GeoParquet 1.1: WKB geometry, typed columns (GeoPandas, DuckDB, QGIS)";
    const EXTENSION: &'static str = "parquet";
    const MEDIA_TYPE: &'static str = "application/vnd.apache.parquet";
    const LABEL: &'static str = "GeoParquet";
    const WRITE: WriteTable = write_table;
}

fn parquet_error(e: parquet::errors::ParquetError) -> std::io::Error {
    std::io::Error::other(e)
}

/// The `geo` metadata of GeoParquet 1.1.
fn geo_metadata(table: &Table) -> String {
    let mut column = json!({
        "encoding": "WKB",
        "geometry_types": table.geometry_types.iter().collect::<Vec<_>>(),
    });
    if let Some(bbox) = table.bbox {
        column["bbox"] = json!(bbox);
    }
    json!({
        "version": "1.1.0",
        "primary_column": "geometry",
        "columns": {"geometry": column},
    })
    .to_string()
}

fn schema(table: &Table) -> std::io::Result<Type> {
    let field = |name: &str, physical, logical| {
        Type::primitive_type_builder(name, physical)
            .with_repetition(Repetition::OPTIONAL)
            .with_logical_type(logical)
            .build()
            .map(Arc::new)
            .map_err(parquet_error)
    };
    let mut fields = Vec::with_capacity(table.columns.len() + 1);
    for c in &table.columns {
        fields.push(match c.ty {
            ColumnType::Bool => field(&c.name, Physical::BOOLEAN, None)?,
            ColumnType::Int => field(&c.name, Physical::INT64, None)?,
            ColumnType::Float => field(&c.name, Physical::DOUBLE, None)?,
            ColumnType::Date => field(&c.name, Physical::INT32, Some(LogicalType::Date))?,
            ColumnType::Text => field(&c.name, Physical::BYTE_ARRAY, Some(LogicalType::String))?,
        });
    }
    fields.push(field("geometry", Physical::BYTE_ARRAY, None)?);
    Type::group_type_builder("schema")
        .with_fields(fields)
        .build()
        .map_err(parquet_error)
}

/// Writes a GeoParquet file of `table`'s rows.
fn write_table(
    _name: &str,
    table: &Table,
    rows: Rows<'_>,
    out: &mut (dyn Write + Send),
) -> std::io::Result<()> {
    let properties = WriterProperties::builder()
        // The version of frontline, not of the parquet crate: the bytes
        // change only with frontline.
        .set_created_by(format!("frontline {}", env!("CARGO_PKG_VERSION")))
        .set_key_value_metadata(Some(vec![KeyValue::new(
            "geo".to_string(),
            geo_metadata(table),
        )]))
        .build();
    let mut writer = SerializedFileWriter::new(out, Arc::new(schema(table)?), Arc::new(properties))
        .map_err(parquet_error)?;
    let mut group = Vec::with_capacity(ROW_GROUP.min(table.rows));
    for row in rows {
        group.push(row?);
        if group.len() == ROW_GROUP {
            write_group(&mut writer, table, &group)?;
            group.clear();
        }
    }
    if !group.is_empty() {
        write_group(&mut writer, table, &group)?;
    }
    writer.close().map_err(parquet_error)?;
    Ok(())
}

/// Values and definition levels (1 present, 0 null) of column `c`.
fn gather<'f, T>(
    rows: &[Vec<Option<&'f JsonValue>>],
    c: usize,
    get: impl Fn(Option<&'f JsonValue>) -> Option<T>,
) -> (Vec<T>, Vec<i16>) {
    let mut values = Vec::with_capacity(rows.len());
    let mut levels = Vec::with_capacity(rows.len());
    for row in rows {
        match get(row[c]) {
            Some(v) => {
                values.push(v);
                levels.push(1);
            }
            None => levels.push(0),
        }
    }
    (values, levels)
}

fn write_group<W: Write + Send>(
    writer: &mut SerializedFileWriter<W>,
    table: &Table,
    features: &[std::borrow::Cow<'_, Feature>],
) -> std::io::Result<()> {
    let rows: Vec<_> = features
        .iter()
        .map(|f| table::cells(f, &table.columns))
        .collect();
    let mut group = writer.next_row_group().map_err(parquet_error)?;
    let missing = || std::io::Error::other("fewer Parquet columns than the schema's");
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("a date");
    for (i, c) in table.columns.iter().enumerate() {
        let mut column = group
            .next_column()
            .map_err(parquet_error)?
            .ok_or_else(missing)?;
        let written = match c.ty {
            ColumnType::Bool => {
                let (v, d) = gather(&rows, i, |cell| cell?.as_bool());
                column.typed::<BoolType>().write_batch(&v, Some(&d), None)
            }
            ColumnType::Int => {
                let (v, d) = gather(&rows, i, |cell| cell?.as_i64());
                column.typed::<Int64Type>().write_batch(&v, Some(&d), None)
            }
            ColumnType::Float => {
                let (v, d) = gather(&rows, i, |cell| cell?.as_f64());
                column.typed::<DoubleType>().write_batch(&v, Some(&d), None)
            }
            ColumnType::Date => {
                let (v, d) = gather(&rows, i, |cell| {
                    Some((table::date(cell)? - epoch).num_days() as i32)
                });
                column.typed::<Int32Type>().write_batch(&v, Some(&d), None)
            }
            ColumnType::Text => {
                let (v, d) = gather(&rows, i, |cell| {
                    Some(ByteArray::from(
                        table::text(cell)?.into_owned().into_bytes(),
                    ))
                });
                column
                    .typed::<ByteArrayType>()
                    .write_batch(&v, Some(&d), None)
            }
        };
        written.map_err(parquet_error)?;
        column.close().map_err(parquet_error)?;
    }
    let mut column = group
        .next_column()
        .map_err(parquet_error)?
        .ok_or_else(missing)?;
    let mut geometries = Vec::with_capacity(features.len());
    let mut levels = Vec::with_capacity(features.len());
    for f in features {
        match &f.geometry {
            Some(g) => {
                geometries.push(ByteArray::from(super::wkb::wkb(&g.value)));
                levels.push(1);
            }
            None => levels.push(0),
        }
    }
    column
        .typed::<ByteArrayType>()
        .write_batch(&geometries, Some(&levels), None)
        .map_err(parquet_error)?;
    column.close().map_err(parquet_error)?;
    group.close().map_err(parquet_error)?;
    Ok(())
}
