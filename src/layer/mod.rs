//! Map layers: resolved places and events → GeoJSON, GeoJSON text
//! sequences and CSV.
//!
//! Coordinates are RFC 7946 `[longitude, latitude]`, WGS 84, rounded to 6
//! decimals. Properties keep one JSON type per name across features, so
//! GDAL/OGR (and QGIS) infer stable field types: text fields are always
//! strings (empty when unknown), numbers always numbers, and the dates
//! `published` and `event_date` ISO 8601 strings, or null when unknown (OGR
//! reads them as Date fields). Every feature carries simplestyle properties for web maps
//! (`marker-color` by acting side, `title`, `description`; lines also
//! `stroke`).

mod encoded;
mod properties;

pub use encoded::EncodedLayer;

use geojson::{Feature, FeatureCollection, Geometry, JsonObject, JsonValue, Value};
use serde::Serialize;
use serde_json::json;

use properties::{article_fields, event_records, mention_records, place_records, published_text};

use crate::event::Side;
use crate::extract::{Depth, Extraction};

/// The most characters of evidence text (`description`, and the events'
/// `text`) a feature carries: a longer sentence is cut at a word and ends in
/// an ellipsis, so that every feature's size is bounded whatever the
/// input (a 100 KB "sentence" naming 10,000 places would otherwise copy
/// itself into each of their features). Spans (`start`, `end`) still give
/// the whole sentence.
pub const MAX_EVIDENCE_CHARS: usize = 500;

/// Evidence text as a feature carries it: the sentence itself when it has
/// at most [`MAX_EVIDENCE_CHARS`] characters, else its beginning, cut at the
/// last word boundary that leaves room for an ellipsis, trailing spaces
/// and commas dropped, then "…". Takes time bounded by the cap, not by the
/// sentence.
///
/// ```
/// use frontline::layer::{evidence, MAX_EVIDENCE_CHARS};
/// assert_eq!(evidence("Russian forces entered Vovchansk."), "Russian forces entered Vovchansk.");
/// let long = "Avdiivka, ".repeat(100);
/// let cut = evidence(&long);
/// assert!(cut.chars().count() <= MAX_EVIDENCE_CHARS);
/// assert!(cut.ends_with("Avdiivka…"));
/// ```
pub fn evidence(sentence: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if sentence.len() <= MAX_EVIDENCE_CHARS {
        return Cow::Borrowed(sentence);
    }
    let mut chars = sentence.char_indices();
    // The byte offset of the char that would be the last one kept with
    // room for the ellipsis, and whether there is any char past the cap.
    let Some((cut, _)) = chars.nth(MAX_EVIDENCE_CHARS - 1) else {
        return Cow::Borrowed(sentence);
    };
    if chars.next().is_none() {
        return Cow::Borrowed(sentence);
    }
    let head = &sentence[..cut];
    let at_boundary = sentence[cut..].starts_with(char::is_whitespace);
    let word_cut = if at_boundary {
        head
    } else {
        head.rfind(char::is_whitespace).map_or(head, |i| &head[..i])
    };
    let trim = |s: &'_ str| -> usize {
        s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'))
            .len()
    };
    let mut kept = &word_cut[..trim(word_cut)];
    if kept.is_empty() {
        // One word longer than the cap: cut inside it.
        kept = &head[..trim(head)];
    }
    let mut out = String::with_capacity(kept.len() + '…'.len_utf8());
    out.push_str(kept);
    out.push('…');
    Cow::Owned(out)
}

/// Rounds a coordinate to 6 decimals (about 10 cm).
pub fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// A point geometry at (latitude, longitude).
pub fn point(lat: f64, lon: f64) -> Geometry {
    Geometry::new(Value::Point(vec![round6(lon), round6(lat)]))
}

/// The simplestyle colour of a side: RU red, UA blue, another state amber,
/// unknown grey.
///
/// ```
/// use frontline::{layer::side_color, Side};
/// assert_eq!(side_color(Side::RU), "#d7301f");
/// assert_eq!(side_color(Side::UA), "#2b8cbe");
/// ```
pub fn side_color(side: Side) -> &'static str {
    match side {
        Side::RU => "#d7301f",
        Side::UA => "#2b8cbe",
        Side::Other(_) => "#f0a30a",
        Side::Unknown => "#7f7f7f",
    }
}

/// Which layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum LayerKind {
    /// One feature per distinct place, with a summary of its events.
    Places,
    /// One feature per event.
    Events,
    /// One feature per resolved mention.
    Mentions,
}

impl LayerKind {
    /// The layer's name, as used in file names (`places`).
    pub fn name(self) -> &'static str {
        match self {
            LayerKind::Places => "places",
            LayerKind::Events => "events",
            LayerKind::Mentions => "mentions",
        }
    }

    /// How far an article must be read for this layer: the places layer
    /// summarises events, the mentions layer needs none.
    ///
    /// ```
    /// use frontline::{extract::Depth, LayerKind};
    /// assert_eq!(LayerKind::Mentions.depth(), Depth::Places);
    /// assert_eq!(LayerKind::Places.depth(), Depth::Events);
    /// ```
    pub fn depth(self) -> Depth {
        match self {
            LayerKind::Places | LayerKind::Events => Depth::Events,
            LayerKind::Mentions => Depth::Places,
        }
    }

    /// Every layer, in a fixed order.
    pub const ALL: [LayerKind; 3] = [LayerKind::Places, LayerKind::Events, LayerKind::Mentions];
}

/// How a layer is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// An RFC 7946 FeatureCollection, compact or indented.
    GeoJson {
        /// Indent the JSON.
        pretty: bool,
    },
    /// RFC 8142 GeoJSON text sequence: each feature after an RS (0x1E),
    /// followed by a newline.
    GeoJsonSeq,
    /// CSV with `lon` and `lat` columns (the first point of a line) then
    /// every property, for QGIS's delimited-text loader and spreadsheets.
    Csv,
}

impl Format {
    /// The file extension (`geojson`, `geojsons`, `csv`).
    pub fn extension(self) -> &'static str {
        match self {
            Format::GeoJson { .. } => "geojson",
            Format::GeoJsonSeq => "geojsons",
            Format::Csv => "csv",
        }
    }
}

/// A map layer: features in a fixed order, and for mentions the names that
/// resolved to nothing.
///
/// ```
/// use frontline::{extract, layer::{Layer, Format}, Article, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// let article = Article::new("Russian forces captured Krasnohorivka. Shelling hit Kupiansk.")
///     .with_id("note-1")
///     .with_published("2024-09-12")
///     .unwrap();
/// let found = extract(&gaz, &article);
/// let layer = Layer::places(&found);
/// assert_eq!(layer.features.len(), 2);
/// let geojson = String::from_utf8(layer.write(Format::GeoJson { pretty: false })).unwrap();
/// assert!(geojson.starts_with("{\"type\":\"FeatureCollection\""));
/// let collection: geojson::FeatureCollection = layer.into();
/// assert_eq!(collection.features[0].properties.as_ref().unwrap()["latest_action"], "capture");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    /// Which layer.
    pub kind: LayerKind,
    /// The features, in order.
    pub features: Vec<Feature>,
    /// For mentions: the names no place fits, with their spans.
    pub unresolved: Vec<JsonValue>,
}

impl From<Layer> for FeatureCollection {
    fn from(layer: Layer) -> FeatureCollection {
        let foreign_members = (layer.kind == LayerKind::Mentions).then(|| {
            let mut m = JsonObject::new();
            m.insert("unresolved".into(), JsonValue::Array(layer.unresolved));
            m
        });
        FeatureCollection {
            bbox: None,
            features: layer.features,
            foreign_members,
        }
    }
}

/// The names that resolve to nothing, with their spans.
fn unresolved(x: &Extraction) -> Vec<JsonValue> {
    x.unresolved()
        .map(|m| json!({"text": m.text, "start": m.start, "end": m.end, "sentence": m.sentence}))
        .collect()
}

/// A FeatureCollection as bytes, compact or indented, with a final newline.
pub fn collection_bytes(collection: &FeatureCollection, pretty: bool) -> Vec<u8> {
    let mut out = if pretty {
        serde_json::to_vec_pretty(collection)
    } else {
        serde_json::to_vec(collection)
    }
    .expect("a FeatureCollection serialises");
    out.push(b'\n');
    out
}

/// A feature with a geometry and properties, and nothing else.
pub(crate) fn feature(geometry: Geometry, properties: JsonObject) -> Feature {
    Feature {
        bbox: None,
        geometry: Some(geometry),
        id: None,
        properties: Some(properties),
        foreign_members: None,
    }
}

impl Layer {
    /// The layer of one kind for one article.
    pub fn of(kind: LayerKind, x: &Extraction) -> Layer {
        match kind {
            LayerKind::Places => Layer::places(x),
            LayerKind::Events => Layer::events(x),
            LayerKind::Mentions => Layer::mentions(x),
        }
    }

    /// The places layer: one Point per distinct place, in order of first
    /// mention, with how often it is named and what happened there.
    pub fn places(x: &Extraction) -> Layer {
        let published = published_text(x);
        let records = place_records(x, article_fields(x, &published));
        Layer::from_records(LayerKind::Places, records, Vec::new())
    }

    /// The mentions layer: a Point per resolved mention, in text order; the
    /// names that resolve to nothing go in [`Layer::unresolved`].
    pub fn mentions(x: &Extraction) -> Layer {
        let published = published_text(x);
        let records = mention_records(x, article_fields(x, &published));
        Layer::from_records(LayerKind::Mentions, records, unresolved(x))
    }

    /// The events layer: a feature per event, in text order. The geometry
    /// is the event's Point, or a LineString from it toward the place it
    /// heads to ("toward Kreminna").
    pub fn events(x: &Extraction) -> Layer {
        let published = published_text(x);
        let records = event_records(x, article_fields(x, &published));
        Layer::from_records(LayerKind::Events, records, Vec::new())
    }

    fn from_records<R: Serialize>(
        kind: LayerKind,
        records: Vec<(Geometry, R)>,
        unresolved: Vec<JsonValue>,
    ) -> Layer {
        let features = records
            .into_iter()
            .map(|(geometry, record)| match serde_json::to_value(record) {
                Ok(JsonValue::Object(properties)) => feature(geometry, properties),
                _ => unreachable!("a record serialises to an object"),
            })
            .collect();
        Layer {
            kind,
            features,
            unresolved,
        }
    }

    /// One layer of the same kind from many, features in the order given.
    pub fn merge(kind: LayerKind, layers: impl IntoIterator<Item = Layer>) -> Layer {
        let mut merged = Layer {
            kind,
            features: Vec::new(),
            unresolved: Vec::new(),
        };
        for layer in layers {
            merged.features.extend(layer.features);
            merged.unresolved.extend(layer.unresolved);
        }
        merged
    }

    /// The layer as bytes in a format. The same layer always gives the same
    /// bytes: properties are written in name order.
    pub fn write(&self, format: Format) -> Vec<u8> {
        match format {
            Format::GeoJson { pretty } => {
                // The FeatureCollection this layer converts into, borrowed.
                #[derive(Serialize)]
                struct Collection<'a> {
                    #[serde(rename = "type")]
                    kind: &'static str,
                    features: &'a [Feature],
                    #[serde(skip_serializing_if = "Option::is_none")]
                    unresolved: Option<&'a [JsonValue]>,
                }
                let collection = Collection {
                    kind: "FeatureCollection",
                    features: &self.features,
                    unresolved: (self.kind == LayerKind::Mentions).then_some(&self.unresolved),
                };
                let mut out = if pretty {
                    serde_json::to_vec_pretty(&collection)
                } else {
                    serde_json::to_vec(&collection)
                }
                .expect("a FeatureCollection serialises");
                out.push(b'\n');
                out
            }
            Format::GeoJsonSeq => {
                let mut out = Vec::new();
                for f in &self.features {
                    out.push(0x1E);
                    out.extend(serde_json::to_vec(f).expect("a Feature serialises"));
                    out.push(b'\n');
                }
                out
            }
            Format::Csv => self.to_csv(),
        }
    }

    fn to_csv(&self) -> Vec<u8> {
        let columns = self.columns().unwrap_or_else(article_columns);
        let mut out = csv_header(columns.iter().cloned());
        out.extend(self.csv_rows(&columns));
        out
    }

    /// The property names of the layer's features, if it has any.
    pub fn columns(&self) -> Option<Vec<String>> {
        self.features
            .first()
            .and_then(|f| f.properties.as_ref())
            .map(|p| p.keys().cloned().collect())
    }

    /// The features as CSV rows (no header) under the given columns.
    pub fn csv_rows(&self, columns: &[String]) -> Vec<u8> {
        self.features
            .iter()
            .flat_map(|f| csv_row_of(f, columns))
            .collect()
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
pub(crate) fn csv_header(columns: impl IntoIterator<Item = String>) -> Vec<u8> {
    csv_row(
        ["lon".to_string(), "lat".to_string()]
            .into_iter()
            .chain(columns),
    )
}

/// One CSV record, with its line end.
fn csv_row(fields: impl IntoIterator<Item = String>) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(fields.into_iter().collect::<Vec<_>>())
        .expect("write to memory");
    w.into_inner().expect("flush to memory")
}

/// The columns every layer has, for a layer with no features.
pub(crate) fn article_columns() -> Vec<String> {
    ["article_id", "article_title", "published", "url"]
        .map(String::from)
        .to_vec()
}

/// A function that turns an I/O error into one naming `path`.
fn io_error(path: &std::path::Path) -> impl Fn(std::io::Error) -> crate::Error {
    let path = path.to_path_buf();
    move |source| crate::Error::Io {
        path: path.clone(),
        source,
    }
}

/// Writes one layer kind merged over many articles, streaming: each
/// article's features are appended as they come, so a batch of any size
/// needs memory for one article at a time. The file is written under a
/// temporary name and renamed into place by [`MergedWriter::finish`]; a
/// writer dropped unfinished (a failed batch) removes its temporary file.
pub struct MergedWriter {
    format: Format,
    path: std::path::PathBuf,
    /// The temporary file beside `path`, removed if the writer is dropped
    /// before [`MergedWriter::finish`].
    out: std::io::BufWriter<tempfile::NamedTempFile>,
    features: usize,
    columns: Option<Vec<String>>,
    /// GeoJSON mentions: the unresolved names so far, compact JSON joined
    /// by commas, in a temporary file of their own (they close the
    /// collection, and a batch of any size must not hold them in memory).
    unresolved: Option<std::io::BufWriter<tempfile::NamedTempFile>>,
    unresolved_count: usize,
}

impl MergedWriter {
    /// Starts the merged layer at `path`.
    pub fn create(
        kind: LayerKind,
        format: Format,
        path: std::path::PathBuf,
    ) -> crate::Result<MergedWriter> {
        use std::io::Write;
        let io = |source| crate::Error::Io {
            path: path.clone(),
            source,
        };
        // Large writes: a merged layer of a big batch runs to gigabytes.
        let file = crate::output::temp_file_for(&path)?;
        let unresolved = match (kind, format) {
            (LayerKind::Mentions, Format::GeoJson { .. }) => Some(std::io::BufWriter::new(
                crate::output::temp_file_for(&path)?,
            )),
            _ => None,
        };
        let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
        if let Format::GeoJson { .. } = format {
            out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")
                .map_err(&io)?;
        }
        Ok(MergedWriter {
            format,
            path,
            out,
            features: 0,
            columns: None,
            unresolved,
            unresolved_count: 0,
        })
    }

    /// Appends one article's layer, serialised in this writer's format.
    pub fn append(&mut self, layer: &EncodedLayer) -> crate::Result<()> {
        use std::io::Write;
        let io = io_error(&self.path);
        match self.format {
            Format::GeoJson { .. } => {
                for piece in layer.pieces() {
                    if self.features > 0 {
                        self.out.write_all(b",\n").map_err(&io)?;
                    }
                    self.out.write_all(piece).map_err(&io)?;
                    self.features += 1;
                }
            }
            Format::GeoJsonSeq => {
                self.out.write_all(layer.body()).map_err(&io)?;
                self.features += layer.len();
            }
            Format::Csv => {
                if self.columns.is_none() {
                    if let Some(columns) = layer.columns() {
                        let header = csv_header(columns.iter().cloned());
                        self.out.write_all(&header).map_err(&io)?;
                        self.columns = Some(columns.to_vec());
                    }
                }
                self.out.write_all(layer.body()).map_err(&io)?;
                self.features += layer.len();
            }
        }
        if let Some(side) = &mut self.unresolved {
            for name in layer.unresolved() {
                if self.unresolved_count > 0 {
                    side.write_all(b",").map_err(&io)?;
                }
                serde_json::to_writer(&mut *side, name).map_err(|e| io(e.into()))?;
                self.unresolved_count += 1;
            }
        }
        Ok(())
    }

    /// Closes the layer and renames it into place.
    pub fn finish(mut self) -> crate::Result<()> {
        use std::io::Write;
        let io = io_error(&self.path);
        match self.format {
            Format::GeoJson { .. } => {
                self.out.write_all(b"]").map_err(&io)?;
                if let Some(side) = self.unresolved.take() {
                    use std::io::Seek;
                    self.out.write_all(b",\"unresolved\":[").map_err(&io)?;
                    let mut side = side.into_inner().map_err(|e| io(e.into_error()))?;
                    side.rewind().map_err(&io)?;
                    std::io::copy(&mut side, &mut self.out).map_err(&io)?;
                    self.out.write_all(b"]").map_err(&io)?;
                }
                self.out.write_all(b"}\n").map_err(&io)?;
            }
            Format::GeoJsonSeq => {}
            Format::Csv => {
                if self.columns.is_none() {
                    let header = csv_header(article_columns());
                    self.out.write_all(&header).map_err(&io)?;
                }
            }
        }
        let tmp = self.out.into_inner().map_err(|e| io(e.into_error()))?;
        crate::output::persist(tmp, &self.path)
    }
}

/// The mentions layer of one article as a FeatureCollection; see
/// [`Layer::mentions`].
///
/// ```
/// use frontline::{extract, layer::mentions_layer, Article, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// let found = extract(&gaz, &Article::new("Shelling hit Kupiansk and the village of Qwertivka."));
/// let layer = mentions_layer(&found);
/// assert_eq!(layer.features.len(), 1);
/// let props = layer.features[0].properties.as_ref().unwrap();
/// assert_eq!(props["geonameid"], 703656);
/// let unresolved = &layer.foreign_members.as_ref().unwrap()["unresolved"];
/// assert_eq!(unresolved[0]["text"], "Qwertivka");
/// ```
pub fn mentions_layer(x: &Extraction) -> FeatureCollection {
    Layer::mentions(x).into()
}

/// The events layer of one article as a FeatureCollection; see
/// [`Layer::events`].
///
/// ```
/// use frontline::{extract, layer::events_layer, Article, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// let article = Article::new("Russian forces captured Krasnohorivka.").with_published("2024-09-12").unwrap();
/// let layer = events_layer(&extract(&gaz, &article));
/// let props = layer.features[0].properties.as_ref().unwrap();
/// assert_eq!(props["action"], "capture");
/// assert_eq!(props["actor"], "RU");
/// ```
pub fn events_layer(x: &Extraction) -> FeatureCollection {
    Layer::events(x).into()
}
