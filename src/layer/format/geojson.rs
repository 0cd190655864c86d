//! GeoJSON (RFC 7946): a FeatureCollection, compact or indented.

use std::io::{Seek, Write};
use std::path::Path;

use ::geojson::{Feature, JsonValue};
use serde::Serialize;

use super::{Features, LayerFormat, MergedLayer, WriteOptions};
use crate::extract::Extraction;
use crate::layer::encoded::Frame;
use crate::layer::{EncodedLayer, Layer, LayerKind};

/// An RFC 7946 FeatureCollection, compact or indented
/// ([`WriteOptions::pretty`]); a mentions layer carries the names that
/// resolve to nothing in its `unresolved` member.
///
/// ```
/// use frontline::{extract, layer::{Layer, OutputFormat}, Article, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// let found = extract(&gaz, &Article::new("Shelling hit Kupiansk."));
/// let json = Layer::places(&found).write(OutputFormat::GEOJSON.pretty(true));
/// assert!(json.starts_with(b"{\n  \"type\": \"FeatureCollection\""));
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct GeoJson;

/// What a GeoJSON file holds before its features.
const COLLECTION_HEAD: &[u8] = b"{\"type\":\"FeatureCollection\",\"features\":[";

impl LayerFormat for GeoJson {
    fn name(&self) -> &'static str {
        "geojson"
    }

    fn about(&self) -> &'static str {
        "RFC 7946 FeatureCollection (compact, or indented with --pretty)"
    }

    fn extension(&self) -> &'static str {
        "geojson"
    }

    fn media_type(&self) -> &'static str {
        "application/geo+json"
    }

    fn streams(&self) -> bool {
        true
    }

    fn write(&self, features: &Features<'_>, options: WriteOptions) -> Vec<u8> {
        // The FeatureCollection, borrowed.
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
            features: features.features,
            unresolved: features.unresolved,
        };
        let mut out = if options.pretty {
            serde_json::to_vec_pretty(&collection)
        } else {
            serde_json::to_vec(&collection)
        }
        .expect("a FeatureCollection serialises");
        out.push(b'\n');
        out
    }

    fn encode(&self, kind: LayerKind, x: &Extraction, options: WriteOptions) -> EncodedLayer {
        if options.pretty {
            return self.encode_layer(&Layer::of(kind, x), options);
        }
        let mut encoded = EncodedLayer::from_records(kind, x, Frame::Commas);
        close(&mut encoded);
        encoded
    }

    fn write_file(
        &self,
        kind: LayerKind,
        x: &Extraction,
        options: WriteOptions,
        out: &mut dyn Write,
    ) -> std::io::Result<()> {
        if options.pretty {
            let encoded = self.encode(kind, x, options);
            return encoded
                .file_parts()
                .iter()
                .try_for_each(|part| out.write_all(part));
        }
        // The head and tail `encode` frames the features with, around
        // the features written as they are serialised.
        let mut shell = EncodedLayer::empty(kind);
        if kind == LayerKind::Mentions {
            shell.unresolved = crate::layer::unresolved(x);
        }
        close(&mut shell);
        out.write_all(shell.head)?;
        EncodedLayer::stream_records(kind, x, Frame::Commas, out)?;
        out.write_all(&shell.tail)
    }

    fn encode_layer(&self, layer: &Layer, options: WriteOptions) -> EncodedLayer {
        let mut encoded = EncodedLayer::from_features(layer, Frame::Commas);
        if options.pretty {
            encoded.file = Some(self.write(&Features::of_layer(layer), options));
        } else {
            close(&mut encoded);
        }
        encoded
    }

    fn begin(
        &self,
        kind: LayerKind,
        _options: WriteOptions,
        path: &Path,
        out: &mut (dyn Write + Send),
    ) -> crate::Result<Box<dyn MergedLayer>> {
        let unresolved = match kind {
            LayerKind::Mentions => Some(std::io::BufWriter::new(super::spool_beside(path)?)),
            _ => None,
        };
        out.write_all(COLLECTION_HEAD)
            .and_then(|()| out.write_all(b"\n"))
            .map_err(|source| crate::Error::Io {
                path: path.to_path_buf(),
                source,
            })?;
        Ok(Box::new(Merged {
            features: 0,
            unresolved,
            unresolved_count: 0,
        }))
    }
}

/// Frames a compact encoded layer as a whole collection: its head, and
/// a tail with the unresolved names of a mentions layer.
fn close(encoded: &mut EncodedLayer) {
    let mut tail = b"]".to_vec();
    if encoded.kind == LayerKind::Mentions {
        tail.extend_from_slice(b",\"unresolved\":");
        serde_json::to_writer(&mut tail, &encoded.unresolved).expect("JSON values serialise");
    }
    tail.extend_from_slice(b"}\n");
    encoded.head = COLLECTION_HEAD;
    encoded.tail = tail;
}

/// A merged collection: features joined by `,\n` as they come.
struct Merged {
    features: usize,
    /// Mentions: the unresolved names so far, compact JSON joined by
    /// commas, in a temporary file of their own (they close the
    /// collection, and a batch of any size must not hold them in memory).
    unresolved: Option<std::io::BufWriter<tempfile::NamedTempFile>>,
    unresolved_count: usize,
}

impl MergedLayer for Merged {
    fn append(
        &mut self,
        layer: &EncodedLayer,
        out: &mut (dyn Write + Send),
    ) -> std::io::Result<()> {
        for piece in layer.pieces() {
            if self.features > 0 {
                out.write_all(b",\n")?;
            }
            out.write_all(piece)?;
            self.features += 1;
        }
        if let Some(side) = &mut self.unresolved {
            for name in layer.unresolved() {
                if self.unresolved_count > 0 {
                    side.write_all(b",")?;
                }
                serde_json::to_writer(&mut *side, name)?;
                self.unresolved_count += 1;
            }
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>, out: &mut (dyn Write + Send)) -> std::io::Result<()> {
        out.write_all(b"]")?;
        if let Some(side) = self.unresolved.take() {
            out.write_all(b",\"unresolved\":[")?;
            let mut side = side.into_inner().map_err(|e| e.into_error())?;
            side.rewind()?;
            std::io::copy(&mut side, out)?;
            out.write_all(b"]")?;
        }
        out.write_all(b"}\n")
    }
}
