//! A layer serialised once, to be written to an article's own file and
//! appended to the merged layer without serialising it again.

use std::borrow::Cow;

use geojson::{Geometry, JsonValue};
use serde::Serialize;

use super::properties::{
    article_fields, event_records, mention_records, place_records, published_text,
};
use super::{unresolved, Layer, LayerKind, OutputFormat};
use crate::extract::Extraction;

/// One article's layer in a format: the bytes of its own file, and the
/// pieces a merged layer appends (compact JSON features for GeoJSON,
/// GeoJSON sequences and the columnar formats, rows for CSV, placemarks
/// for KML).
///
/// Compact GeoJSON and GeoJSON sequences are written straight from typed
/// records; they are the same bytes as [`Layer::write`] gives.
///
/// ```
/// use frontline::{extract, Article, Gazetteer};
/// use frontline::layer::{EncodedLayer, Layer, LayerKind, OutputFormat};
/// let gaz = Gazetteer::bundled();
/// let found = extract(&gaz, &Article::new("Russian forces captured Krasnohorivka."));
/// let encoded = EncodedLayer::of(LayerKind::Events, &found, OutputFormat::GEOJSON);
/// assert_eq!(encoded.len(), 1);
/// assert_eq!(encoded.file(), Layer::events(&found).write(OutputFormat::GEOJSON));
/// ```
#[derive(Clone, Debug)]
pub struct EncodedLayer {
    pub(crate) kind: LayerKind,
    /// The features, framed as the format frames them: compact JSON
    /// joined by commas (GeoJSON), each after an RS and before a newline
    /// (GeoJSON sequences), each before a newline (columnar formats), CSV
    /// rows, KML placemarks.
    pub(crate) body: Vec<u8>,
    /// Each feature's bytes in `body`, without the framing.
    pub(crate) spans: Vec<(usize, usize)>,
    /// CSV: the column names, when the layer has features.
    pub(crate) columns: Option<Vec<String>>,
    /// For mentions: the names no place fits.
    pub(crate) unresolved: Vec<JsonValue>,
    /// What a merged layer writes once, before the first features (KML's
    /// schema); empty for most formats.
    pub(crate) preamble: Vec<u8>,
    /// The article's own file is `head`, `body`, `tail`, unless `file` is
    /// set.
    pub(crate) head: &'static [u8],
    pub(crate) tail: Vec<u8>,
    /// The article's own file, when it is not put together from `body`
    /// (indented GeoJSON, CSV, KML, the columnar formats).
    pub(crate) file: Option<Vec<u8>>,
}

/// A feature as GeoJSON writes it, borrowing its geometry and its typed
/// record of properties.
#[derive(Serialize)]
struct FeatureRef<'r, R> {
    #[serde(rename = "type")]
    kind: &'static str,
    geometry: &'r Geometry,
    properties: &'r R,
}

impl<'r, R> FeatureRef<'r, R> {
    fn new(geometry: &'r Geometry, properties: &'r R) -> FeatureRef<'r, R> {
        FeatureRef {
            kind: "Feature",
            geometry,
            properties,
        }
    }
}

/// How an encoded layer frames each feature in its body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Frame {
    /// Joined by commas.
    Commas,
    /// Each after an RS (0x1E) and before a newline.
    RecordSeparators,
    /// Each before a newline.
    #[cfg_attr(not(feature = "columnar"), allow(dead_code))]
    Lines,
}

impl EncodedLayer {
    /// The layer of one kind for one article, serialised in `format`.
    pub fn of(kind: LayerKind, x: &Extraction, format: impl Into<OutputFormat>) -> EncodedLayer {
        let format = format.into();
        format.writer().encode(kind, x, format.options())
    }

    /// A layer already built, serialised in `format`.
    pub fn from_layer(layer: &Layer, format: impl Into<OutputFormat>) -> EncodedLayer {
        let format = format.into();
        format.writer().encode_layer(layer, format.options())
    }

    /// An empty layer of `kind`, to be filled by a format.
    pub(crate) fn empty(kind: LayerKind) -> EncodedLayer {
        EncodedLayer {
            kind,
            body: Vec::new(),
            spans: Vec::new(),
            columns: None,
            unresolved: Vec::new(),
            preamble: Vec::new(),
            head: b"",
            tail: Vec::new(),
            file: None,
        }
    }

    /// The layer of one kind for one article, each feature written
    /// straight from its typed record as compact JSON, framed by `frame`.
    pub(crate) fn from_records(kind: LayerKind, x: &Extraction, frame: Frame) -> EncodedLayer {
        let published = published_text(x);
        let article = article_fields(x, &published);
        let mut encoded = EncodedLayer::empty(kind);
        match kind {
            LayerKind::Places => encoded.push_all(place_records(x, article), frame),
            LayerKind::Events => encoded.push_all(event_records(x, article), frame),
            LayerKind::Mentions => {
                encoded.push_all(mention_records(x, article), frame);
                encoded.unresolved = unresolved(x);
            }
        }
        encoded
    }

    /// A layer already built, each feature as compact JSON framed by `frame`.
    pub(crate) fn from_features(layer: &Layer, frame: Frame) -> EncodedLayer {
        let mut encoded = EncodedLayer::empty(layer.kind);
        encoded.unresolved = layer.unresolved.clone();
        for f in &layer.features {
            encoded.push_feature(f, frame);
        }
        encoded
    }

    /// Appends each record as it comes: a record is dropped once written.
    fn push_all<R: Serialize>(
        &mut self,
        records: impl Iterator<Item = (Geometry, R)>,
        frame: Frame,
    ) {
        // Features run to several hundred bytes: room for most at once.
        self.body.reserve(records.size_hint().0 * 1024);
        for (geometry, properties) in records {
            self.push_feature(&FeatureRef::new(&geometry, &properties), frame);
        }
    }

    /// Writes the features of one article's layer of `kind` to `out`, each
    /// serialised straight from its typed record and framed by `frame`
    /// exactly as [`EncodedLayer::from_records`] frames them in its body,
    /// but written out every 64 KB instead of held: the body of the
    /// article's own file (without its head and tail), in memory for a few
    /// features at a time.
    pub(crate) fn stream_records(
        kind: LayerKind,
        x: &Extraction,
        frame: Frame,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        let published = published_text(x);
        let article = article_fields(x, &published);
        let mut chunk = EncodedLayer::empty(kind);
        match kind {
            LayerKind::Places => chunk.stream_all(place_records(x, article), frame, out),
            LayerKind::Events => chunk.stream_all(event_records(x, article), frame, out),
            LayerKind::Mentions => chunk.stream_all(mention_records(x, article), frame, out),
        }
    }

    fn stream_all<R: Serialize>(
        &mut self,
        records: impl Iterator<Item = (Geometry, R)>,
        frame: Frame,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        for (geometry, properties) in records {
            self.push_feature(&FeatureRef::new(&geometry, &properties), frame);
            if self.body.len() >= 1 << 16 {
                out.write_all(&self.body)?;
                self.body.clear();
                // The framing asks only whether a feature came before.
                self.spans.truncate(1);
            }
        }
        out.write_all(&self.body)
    }

    /// Appends one feature as compact JSON, framed.
    pub(crate) fn push_feature(&mut self, feature: &impl Serialize, frame: Frame) {
        match frame {
            Frame::RecordSeparators => self.body.push(0x1E),
            Frame::Commas if !self.spans.is_empty() => self.body.push(b','),
            Frame::Commas | Frame::Lines => {}
        }
        let start = self.body.len();
        serde_json::to_writer(&mut self.body, feature).expect("a feature serialises");
        self.spans.push((start, self.body.len()));
        if frame != Frame::Commas {
            self.body.push(b'\n');
        }
    }

    /// Appends one piece already written (a CSV row, a placemark).
    pub(crate) fn push_piece(&mut self, piece: &[u8]) {
        let start = self.body.len();
        self.body.extend_from_slice(piece);
        self.spans.push((start, self.body.len()));
    }

    /// Which layer.
    pub fn kind(&self) -> LayerKind {
        self.kind
    }

    /// The number of features.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// True when the layer has no features.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Each feature's bytes: compact JSON, a CSV row with its line end, a
    /// KML placemark.
    pub fn pieces(&self) -> impl Iterator<Item = &[u8]> {
        self.spans.iter().map(|&(s, e)| &self.body[s..e])
    }

    /// The features as the format frames them: for a GeoJSON sequence or
    /// CSV, what a merged file of the same format appends.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// CSV: the property columns, when the layer has features.
    pub fn columns(&self) -> Option<&[String]> {
        self.columns.as_deref()
    }

    /// For mentions: the names that resolve to nothing, with their spans.
    pub fn unresolved(&self) -> &[JsonValue] {
        &self.unresolved
    }

    /// The article's own file, as parts to be written one after another.
    pub fn file_parts(&self) -> Vec<Cow<'_, [u8]>> {
        if let Some(file) = &self.file {
            return vec![Cow::Borrowed(file)];
        }
        [self.head, &self.body, &self.tail]
            .into_iter()
            .filter(|part| !part.is_empty())
            .map(Cow::Borrowed)
            .collect()
    }

    /// The bytes of the article's own file, in one piece.
    pub fn file(&self) -> Vec<u8> {
        self.file_parts().concat()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layer::format::FORMATS;
    use crate::{extract, Article, Gazetteer};

    #[test]
    fn a_layer_encoded_once_gives_the_bytes_the_layer_writes() {
        let gaz = Gazetteer::bundled();
        let text = include_str!("../../examples/north-korea-boots-on-the-ground.txt");
        let article = Article::new(format!("{text}\nFighting near Qwertivka."))
            .with_id("sample")
            .with_published("2024-06-27")
            .unwrap();
        let found = extract(&gaz, &article);
        let formats = FORMATS
            .iter()
            .flat_map(|&f| [OutputFormat::of(f), OutputFormat::of(f).pretty(true)]);
        for kind in LayerKind::ALL {
            let layer = Layer::of(kind, &found);
            assert!(!layer.features.is_empty());
            for format in formats.clone() {
                let encoded = EncodedLayer::of(kind, &found, format);
                assert_eq!(encoded.file(), layer.write(format), "{kind:?} {format:?}");
                let mut streamed = Vec::new();
                crate::layer::write_layer(kind, &found, format, &mut streamed).unwrap();
                assert_eq!(streamed, encoded.file(), "{kind:?} {format:?} streamed");
                assert_eq!(encoded.len(), layer.features.len());
                assert_eq!(encoded.unresolved(), layer.unresolved.as_slice());
                if matches!(format.name(), "geojson" | "geojsonseq") {
                    for (piece, feature) in encoded.pieces().zip(&layer.features) {
                        assert_eq!(piece, serde_json::to_vec(feature).unwrap().as_slice());
                    }
                }
            }
        }
    }

    #[test]
    fn a_layer_written_in_chunks_has_the_bytes_of_the_layer_encoded_whole() {
        let gaz = Gazetteer::bundled();
        // About 400 features: several 64 KB chunks.
        let text = "Russian forces shelled Kupiansk and Vovchansk near Lyptsi. ".repeat(140);
        let article = Article::new(format!("{text}Fighting near Qwertivka."))
            .with_id("long")
            .with_published("2024-06-27")
            .unwrap();
        let found = extract(&gaz, &article);
        for kind in LayerKind::ALL {
            for format in [OutputFormat::GEOJSON, OutputFormat::GEOJSONSEQ] {
                let whole = EncodedLayer::of(kind, &found, format).file();
                let mut streamed = Vec::new();
                crate::layer::write_layer(kind, &found, format, &mut streamed).unwrap();
                assert_eq!(streamed, whole, "{kind:?} {format:?}");
            }
        }
        let mentions = EncodedLayer::of(LayerKind::Mentions, &found, OutputFormat::GEOJSON);
        assert!(mentions.body().len() > 3 << 16, "{}", mentions.body().len());
    }
}
