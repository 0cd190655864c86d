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
/// assert_eq!(*encoded.file(), Layer::events(&found).write(format));
/// ```
#[derive(Clone, Debug)]
pub struct EncodedLayer {
    kind: LayerKind,
    format: Format,
    /// The pieces, one after another.
    pieces: Vec<u8>,
    /// Where each piece ends in `pieces`.
    ends: Vec<usize>,
    /// CSV: the column names, when the layer has features.
    columns: Option<Vec<String>>,
    /// For mentions: the names no place fits.
    unresolved: Vec<JsonValue>,
    /// The article's own file, when it is not composed from the pieces.
    file: Option<Vec<u8>>,
}

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
                        encoded.pieces.extend(super::csv_row_of(f, columns));
                        encoded.ends.push(encoded.pieces.len());
                    }
                }
            }
            Format::GeoJson { .. } | Format::GeoJsonSeq => {
                for f in &layer.features {
                    serde_json::to_writer(&mut encoded.pieces, f).expect("a Feature serialises");
                    encoded.ends.push(encoded.pieces.len());
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
            pieces: Vec::new(),
            ends: Vec::new(),
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
        for (geometry, properties) in &records {
            let feature = Feature {
                kind: "Feature",
                geometry,
                properties,
            };
            serde_json::to_writer(&mut self.pieces, &feature).expect("a record serialises");
            self.ends.push(self.pieces.len());
        }
    }

    /// Which layer.
    pub fn kind(&self) -> LayerKind {
        self.kind
    }

    /// The number of features.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when the layer has no features.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Each feature's bytes: compact JSON, or a CSV row with its line end.
    pub fn pieces(&self) -> impl Iterator<Item = &[u8]> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(&self.ends).map(|(s, &e)| &self.pieces[s..e])
    }

    /// CSV: the property columns, when the layer has features.
    pub fn columns(&self) -> Option<&[String]> {
        self.columns.as_deref()
    }

    /// For mentions: the names that resolve to nothing, with their spans.
    pub fn unresolved(&self) -> &[JsonValue] {
        &self.unresolved
    }

    /// The bytes of the article's own file.
    pub fn file(&self) -> Cow<'_, [u8]> {
        if let Some(file) = &self.file {
            return Cow::Borrowed(file);
        }
        let mut out = Vec::with_capacity(self.pieces.len() + 64 + 2 * self.len());
        match self.format {
            Format::GeoJson { .. } => {
                out.extend_from_slice(b"{\"type\":\"FeatureCollection\",\"features\":[");
                for (i, piece) in self.pieces().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    out.extend_from_slice(piece);
                }
                out.push(b']');
                if self.kind == LayerKind::Mentions {
                    out.extend_from_slice(b",\"unresolved\":");
                    serde_json::to_writer(&mut out, &self.unresolved)
                        .expect("JSON values serialise");
                }
                out.extend_from_slice(b"}\n");
            }
            Format::GeoJsonSeq => {
                for piece in self.pieces() {
                    out.push(0x1E);
                    out.extend_from_slice(piece);
                    out.push(b'\n');
                }
            }
            Format::Csv => {
                out.extend(csv_header(self.columns.iter().flatten().cloned()));
                out.extend_from_slice(&self.pieces);
            }
        }
        Cow::Owned(out)
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
                assert_eq!(*encoded.file(), layer.write(format), "{kind:?} {format:?}");
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
