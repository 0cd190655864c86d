//! A layer serialised once, to be written to an article's own file and
//! appended to the merged layer without serialising it again.

use std::borrow::Cow;

use geojson::{Geometry, JsonValue};
use serde::Serialize;

use super::properties::{
    article_fields, event_records, mention_records, place_records, published_text,
};
use super::{csv_header, unresolved, Format, Layer, LayerKind};
use crate::extract::Extraction;

/// One article's layer in a format: the bytes of its own file, and the
/// pieces a merged layer appends (compact JSON features for GeoJSON and
/// GeoJSON sequences, rows for CSV).
///
/// Compact GeoJSON and GeoJSON sequences are written straight from typed
/// records; they are the same bytes as [`Layer::write`] gives.
///
/// ```
/// use frontline::{extract, Article, Gazetteer};
/// use frontline::layer::{EncodedLayer, Format, Layer, LayerKind};
/// let gaz = Gazetteer::bundled();
/// let found = extract(&gaz, &Article::new("Russian forces captured Krasnohorivka."));
/// let format = Format::GeoJson { pretty: false };
/// let encoded = EncodedLayer::of(LayerKind::Events, &found, format);
/// assert_eq!(encoded.len(), 1);
/// assert_eq!(encoded.file(), Layer::events(&found).write(format));
/// ```
#[derive(Clone, Debug)]
pub struct EncodedLayer {
    kind: LayerKind,
    format: Format,
    /// The features, framed as the article's file frames them: compact
    /// JSON joined by commas (GeoJSON), each after an RS and before a
    /// newline (GeoJSON sequences), CSV rows.
    body: Vec<u8>,
    /// Each feature's bytes in `body`, without the framing.
    spans: Vec<(usize, usize)>,
    /// CSV: the column names, when the layer has features.
    columns: Option<Vec<String>>,
    /// For mentions: the names no place fits.
    unresolved: Vec<JsonValue>,
    /// The article's own file, when it is not put together from `body`
    /// (indented GeoJSON, CSV).
    file: Option<Vec<u8>>,
}

/// What a GeoJSON file holds before its features.
const COLLECTION_HEAD: &[u8] = b"{\"type\":\"FeatureCollection\",\"features\":[";

impl EncodedLayer {
    /// The layer of one kind for one article, serialised in `format`.
    pub fn of(kind: LayerKind, x: &Extraction, format: Format) -> EncodedLayer {
        match format {
            Format::GeoJson { pretty: false } | Format::GeoJsonSeq => {
                let published = published_text(x);
                let article = article_fields(x, &published);
                let mut encoded = EncodedLayer::empty(kind, format);
                match kind {
                    LayerKind::Places => encoded.push_all(place_records(x, article)),
                    LayerKind::Events => encoded.push_all(event_records(x, article)),
                    LayerKind::Mentions => {
                        encoded.push_all(mention_records(x, article));
                        encoded.unresolved = unresolved(x);
                    }
                }
                encoded
            }
            Format::GeoJson { pretty: true } | Format::Csv => {
                EncodedLayer::from_layer(&Layer::of(kind, x), format)
            }
        }
    }

    /// A layer already built, serialised in `format`.
    pub fn from_layer(layer: &Layer, format: Format) -> EncodedLayer {
        let mut encoded = EncodedLayer::empty(layer.kind, format);
        encoded.unresolved = layer.unresolved.clone();
        match format {
            Format::Csv => {
                encoded.columns = layer.columns();
                if let Some(columns) = &encoded.columns {
                    for f in &layer.features {
                        let start = encoded.body.len();
                        encoded.body.extend(super::csv_row_of(f, columns));
                        encoded.spans.push((start, encoded.body.len()));
                    }
                }
            }
            Format::GeoJson { .. } | Format::GeoJsonSeq => {
                for f in &layer.features {
                    encoded.push_feature(f);
                }
            }
        }
        if matches!(format, Format::GeoJson { pretty: true } | Format::Csv) {
            encoded.file = Some(layer.write(format));
        }
        encoded
    }

    fn empty(kind: LayerKind, format: Format) -> EncodedLayer {
        EncodedLayer {
            kind,
            format,
            body: Vec::new(),
            spans: Vec::new(),
            columns: None,
            unresolved: Vec::new(),
            file: None,
        }
    }

    fn push_all<R: Serialize>(&mut self, records: Vec<(Geometry, R)>) {
        #[derive(Serialize)]
        struct Feature<'r, R> {
            #[serde(rename = "type")]
            kind: &'static str,
            geometry: &'r Geometry,
            properties: &'r R,
        }
        // Features run to several hundred bytes: room for most at once.
        self.body.reserve(records.len() * 1024);
        for (geometry, properties) in &records {
            self.push_feature(&Feature {
                kind: "Feature",
                geometry,
                properties,
            });
        }
    }

    /// Appends one feature, framed for the article's file.
    fn push_feature(&mut self, feature: &impl Serialize) {
        match self.format {
            Format::GeoJsonSeq => self.body.push(0x1E),
            _ if !self.spans.is_empty() => self.body.push(b','),
            _ => {}
        }
        let start = self.body.len();
        serde_json::to_writer(&mut self.body, feature).expect("a feature serialises");
        self.spans.push((start, self.body.len()));
        if self.format == Format::GeoJsonSeq {
            self.body.push(b'\n');
        }
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

    /// Each feature's bytes: compact JSON, or a CSV row with its line end.
    pub fn pieces(&self) -> impl Iterator<Item = &[u8]> {
        self.spans.iter().map(|&(s, e)| &self.body[s..e])
    }

    /// The features as the article's file frames them: for a GeoJSON
    /// sequence or CSV, what a merged file of the same format appends.
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
        match self.format {
            Format::GeoJson { .. } => {
                let mut tail = b"]".to_vec();
                if self.kind == LayerKind::Mentions {
                    tail.extend_from_slice(b",\"unresolved\":");
                    serde_json::to_writer(&mut tail, &self.unresolved)
                        .expect("JSON values serialise");
                }
                tail.extend_from_slice(b"}\n");
                vec![
                    Cow::Borrowed(COLLECTION_HEAD),
                    Cow::Borrowed(&self.body),
                    Cow::Owned(tail),
                ]
            }
            Format::GeoJsonSeq => vec![Cow::Borrowed(&self.body)],
            Format::Csv => vec![
                Cow::Owned(csv_header(self.columns.iter().flatten().cloned())),
                Cow::Borrowed(&self.body),
            ],
        }
    }

    /// The bytes of the article's own file, in one piece.
    pub fn file(&self) -> Vec<u8> {
        self.file_parts().concat()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let formats = [
            Format::GeoJson { pretty: false },
            Format::GeoJson { pretty: true },
            Format::GeoJsonSeq,
            Format::Csv,
        ];
        for kind in LayerKind::ALL {
            let layer = Layer::of(kind, &found);
            assert!(!layer.features.is_empty());
            for format in formats {
                let encoded = EncodedLayer::of(kind, &found, format);
                assert_eq!(encoded.file(), layer.write(format), "{kind:?} {format:?}");
                assert_eq!(encoded.len(), layer.features.len());
                assert_eq!(encoded.unresolved(), layer.unresolved.as_slice());
                if format != Format::Csv {
                    for (piece, feature) in encoded.pieces().zip(&layer.features) {
                        assert_eq!(piece, serde_json::to_vec(feature).unwrap().as_slice());
                    }
                }
            }
        }
    }
}
