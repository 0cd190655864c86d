//! CSV: `lon`, `lat`, then every property, for QGIS's delimited-text
//! loader and spreadsheets.

use std::io::Write;
use std::path::Path;

use ::geojson::{Feature, JsonValue, Value};

use super::{Features, LayerFormat, MergedLayer, WriteOptions};
use crate::layer::{EncodedLayer, Layer, LayerKind, ARTICLE_COLUMNS};

/// CSV with `lon` and `lat` columns (the first point of a line) then every
/// property in name order; text fields that a spreadsheet would run as a
/// formula get a `'` before them ([`csv_text`]).
///
/// ```
/// use frontline::{extract, layer::{Layer, OutputFormat}, Article, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// let found = extract(&gaz, &Article::new("Shelling hit Kupiansk."));
/// let csv = String::from_utf8(Layer::places(&found).write(OutputFormat::CSV)).unwrap();
/// assert!(csv.starts_with("lon,lat,actions,"));
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Csv;

impl LayerFormat for Csv {
    fn name(&self) -> &'static str {
        "csv"
    }

    fn about(&self) -> &'static str {
        "CSV with lon/lat columns"
    }

    fn extension(&self) -> &'static str {
        "csv"
    }

    fn media_type(&self) -> &'static str {
        "text/csv"
    }

    fn streams(&self) -> bool {
        true
    }

    fn write(&self, features: &Features<'_>, _options: WriteOptions) -> Vec<u8> {
        let columns = features.columns().unwrap_or_else(|| {
            features
                .empty_columns
                .iter()
                .map(|c| c.to_string())
                .collect()
        });
        let mut out = csv_header(columns.iter().cloned());
        for f in features.features {
            out.extend(csv_row_of(f, &columns));
        }
        out
    }

    fn encode_layer(&self, layer: &Layer, options: WriteOptions) -> EncodedLayer {
        let mut encoded = EncodedLayer::empty(layer.kind);
        encoded.unresolved = layer.unresolved.clone();
        let columns = layer.columns();
        if let Some(columns) = &columns {
            for f in &layer.features {
                encoded.push_piece(&csv_row_of(f, columns));
            }
        }
        encoded.columns = columns;
        encoded.file = Some(self.write(&Features::of_layer(layer), options));
        encoded
    }

    fn begin(
        &self,
        _kind: LayerKind,
        _options: WriteOptions,
        _path: &Path,
        _out: &mut (dyn Write + Send),
    ) -> crate::Result<Box<dyn MergedLayer>> {
        Ok(Box::new(Merged { header: false }))
    }
}

/// A merged CSV: the header of the first article with features, then
/// every article's rows.
struct Merged {
    header: bool,
}

impl MergedLayer for Merged {
    fn append(
        &mut self,
        layer: &EncodedLayer,
        out: &mut (dyn Write + Send),
    ) -> std::io::Result<()> {
        if !self.header {
            if let Some(columns) = layer.columns() {
                out.write_all(&csv_header(columns.iter().cloned()))?;
                self.header = true;
            }
        }
        out.write_all(layer.body())
    }

    fn finish(self: Box<Self>, out: &mut (dyn Write + Send)) -> std::io::Result<()> {
        if !self.header {
            out.write_all(&csv_header(ARTICLE_COLUMNS.iter().map(|c| c.to_string())))?;
        }
        Ok(())
    }
}

/// A feature as a CSV row under the given columns: `lon`, `lat` (the first
/// point of a line), then each property, text as written, null as empty.
fn csv_row_of(f: &Feature, columns: &[String]) -> Vec<u8> {
    let (lon, lat) = match f.geometry.as_ref().map(|g| &g.value) {
        Some(Value::Point(c)) => (c[0], c[1]),
        Some(Value::LineString(cs)) => (cs[0][0], cs[0][1]),
        _ => (f64::NAN, f64::NAN),
    };
    let props = f.properties.as_ref();
    let row = [lon.to_string(), lat.to_string()]
        .into_iter()
        .chain(columns.iter().map(|c| match props.and_then(|p| p.get(c)) {
            Some(JsonValue::String(s)) => csv_text(s).into_owned(),
            Some(JsonValue::Null) | None => String::new(),
            Some(v) => v.to_string(),
        }));
    csv_row(row)
}

/// A text field as CSV writes it: one that begins with `=`, `+`, `-`, `@`,
/// a tab or a carriage return gets a `'` before it, as OWASP recommends
/// against formula injection, so that a spreadsheet shows it as text and
/// never runs it (`=HYPERLINK(…)`). Only text fields: numbers, such as a
/// negative longitude, are written as they are.
///
/// ```
/// use frontline::layer::csv_text;
/// assert_eq!(csv_text("=2+2"), "'=2+2");
/// assert_eq!(csv_text("@SUM(A1)"), "'@SUM(A1)");
/// assert_eq!(csv_text("Kupiansk"), "Kupiansk");
/// ```
pub fn csv_text(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The CSV header: `lon`, `lat`, then the property columns.
fn csv_header(columns: impl IntoIterator<Item = String>) -> Vec<u8> {
    csv_row(
        ["lon".to_string(), "lat".to_string()]
            .into_iter()
            .chain(columns),
    )
}

/// One CSV record, with its line end.
fn csv_row(fields: impl IntoIterator<Item = String>) -> Vec<u8> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(fields.into_iter().collect::<Vec<_>>())
        .expect("write to memory");
    w.into_inner().expect("flush to memory")
}
