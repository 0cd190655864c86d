//! GeoJSON text sequences (RFC 8142): one feature per record, for
//! streaming huge batches.

use std::io::Write;
use std::path::Path;

use super::{Features, LayerFormat, MergedLayer, WriteOptions};
use crate::extract::Extraction;
use crate::layer::encoded::Frame;
use crate::layer::{EncodedLayer, Layer, LayerKind};

/// RFC 8142 GeoJSON text sequence: each feature after an RS (0x1E),
/// followed by a newline.
///
/// ```
/// use frontline::{extract, layer::{Layer, OutputFormat}, Article, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// let found = extract(&gaz, &Article::new("Shelling hit Kupiansk and Kherson."));
/// let seq = Layer::places(&found).write(OutputFormat::GEOJSONSEQ);
/// assert_eq!(seq.iter().filter(|&&b| b == 0x1E).count(), 2);
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct GeoJsonSeq;

impl LayerFormat for GeoJsonSeq {
    fn name(&self) -> &'static str {
        "geojsonseq"
    }

    fn about(&self) -> &'static str {
        "RFC 8142 GeoJSON text sequence (RS-delimited features)"
    }

    fn extension(&self) -> &'static str {
        "geojsons"
    }

    fn media_type(&self) -> &'static str {
        "application/geo+json-seq"
    }

    fn streams(&self) -> bool {
        true
    }

    fn write(&self, features: &Features<'_>, _options: WriteOptions) -> Vec<u8> {
        let mut out = Vec::new();
        for f in features.features {
            out.push(0x1E);
            serde_json::to_writer(&mut out, f).expect("a Feature serialises");
            out.push(b'\n');
        }
        out
    }

    fn encode(&self, kind: LayerKind, x: &Extraction, _options: WriteOptions) -> EncodedLayer {
        EncodedLayer::from_records(kind, x, Frame::RecordSeparators)
    }

    fn write_file(
        &self,
        kind: LayerKind,
        x: &Extraction,
        _options: WriteOptions,
        out: &mut dyn Write,
    ) -> std::io::Result<()> {
        EncodedLayer::stream_records(kind, x, Frame::RecordSeparators, out)
    }

    fn encode_layer(&self, layer: &Layer, _options: WriteOptions) -> EncodedLayer {
        EncodedLayer::from_features(layer, Frame::RecordSeparators)
    }

    fn begin(
        &self,
        _kind: LayerKind,
        _options: WriteOptions,
        _path: &Path,
        _out: &mut (dyn Write + Send),
    ) -> crate::Result<Box<dyn MergedLayer>> {
        Ok(Box::new(Merged))
    }
}

/// A merged sequence: each article's records appended as they are.
struct Merged;

impl MergedLayer for Merged {
    fn append(
        &mut self,
        layer: &EncodedLayer,
        out: &mut (dyn Write + Send),
    ) -> std::io::Result<()> {
        out.write_all(layer.body())
    }

    fn finish(self: Box<Self>, _out: &mut (dyn Write + Send)) -> std::io::Result<()> {
        Ok(())
    }
}
