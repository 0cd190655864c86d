//! Many articles' layer merged in memory, not into files: what a library
//! user or a binding (the Python package) hands back to its caller.
//!
//! Articles are read in parallel a chunk at a time by the batch's machinery
//! ([`crate::batch`]), only as deep as the layer needs, and their features
//! appended in input order: the bytes are those of the merged layer
//! `frontline layers` writes to `DIR/LAYER.EXT` for the same articles, and
//! do not depend on the number of threads.

use crate::batch::{in_order_chunks, Item, Reading};
use crate::error::Error;
use crate::extract::extract_in_batch;
use crate::layer::format::MergedLayer;
use crate::layer::{EncodedLayer, LayerKind, OutputFormat};
use crate::Gazetteer;

/// One layer of many articles, merged, as the bytes of a file: the
/// format's own merged-layer writer ([`crate::layer::format::LayerFormat::begin`])
/// writing into memory instead of a file.
///
/// ```
/// use frontline::in_memory::MergedBytes;
/// use frontline::layer::{EncodedLayer, LayerKind, OutputFormat};
/// use frontline::{extract, Article, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// let format = OutputFormat::GEOJSON;
/// let mut merged = MergedBytes::new(LayerKind::Places, format)?;
/// for text in ["Shelling hit Kupiansk.", "Russian forces captured Robotyne."] {
///     merged.append(&EncodedLayer::of(LayerKind::Places, &extract(&gaz, &Article::new(text)), format))?;
/// }
/// assert_eq!(merged.len(), 2);
/// let bytes = merged.finish()?;
/// let collection: geojson::FeatureCollection = serde_json::from_slice(&bytes).unwrap();
/// assert_eq!(collection.features[1].properties.as_ref().unwrap()["name"], "Robotyne");
/// # Ok::<(), frontline::Error>(())
/// ```
pub struct MergedBytes {
    out: Vec<u8>,
    layer: Box<dyn MergedLayer>,
    features: usize,
}

impl std::fmt::Debug for MergedBytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MergedBytes")
            .field("bytes", &self.out.len())
            .field("features", &self.features)
            .finish()
    }
}

/// Where a format that needs every feature before it writes (GeoParquet,
/// FlatGeobuf) keeps them meanwhile: a temporary file in the system's
/// temporary folder, removed when the layer is finished or dropped.
fn spool_path(kind: LayerKind, format: OutputFormat) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("frontline-{}.{}", kind.name(), format.extension()))
}

impl MergedBytes {
    /// An empty merged layer of `kind` in `format`.
    pub fn new(kind: LayerKind, format: impl Into<OutputFormat>) -> crate::Result<MergedBytes> {
        let format = format.into();
        let mut out = Vec::new();
        let layer =
            format
                .writer()
                .begin(kind, format.options(), &spool_path(kind, format), &mut out)?;
        Ok(MergedBytes {
            out,
            layer,
            features: 0,
        })
    }

    /// Appends one article's layer, which must be of this kind and format.
    pub fn append(&mut self, layer: &EncodedLayer) -> crate::Result<()> {
        self.features += layer.len();
        self.layer
            .append(layer, &mut self.out)
            .map_err(|e| Error::Io {
                path: "(merged layer in memory)".into(),
                source: e,
            })
    }

    /// The number of features appended.
    pub fn len(&self) -> usize {
        self.features
    }

    /// True when no feature has been appended.
    pub fn is_empty(&self) -> bool {
        self.features == 0
    }

    /// The merged layer's bytes.
    pub fn finish(mut self) -> crate::Result<Vec<u8>> {
        self.layer.finish(&mut self.out).map_err(|e| Error::Io {
            path: "(merged layer in memory)".into(),
            source: e,
        })?;
        Ok(self.out)
    }
}

/// What [`merge_layer`] gives: the merged layer and the articles that
/// could not be read.
#[derive(Debug)]
pub struct Merged {
    /// The merged layer's bytes.
    pub bytes: Vec<u8>,
    /// Its features.
    pub features: usize,
    /// Articles read, failed ones included.
    pub articles: usize,
    /// Why each failed article failed, in input order; their features are
    /// not in the layer.
    pub failures: Vec<Error>,
}

/// Reads every item in parallel (on the current rayon pool: run it inside
/// `ThreadPool::install` to choose the number of threads) and merges their
/// layer of `kind` in `format`, in input order; `progress` is called once
/// per article, from any thread. A failed article is left out and its error
/// kept in [`Merged::failures`]; the result is an error only when the
/// format's temporary file (GeoParquet, FlatGeobuf) cannot be written.
///
/// ```
/// use frontline::batch::read_json_lines;
/// use frontline::in_memory::merge_layer;
/// use frontline::layer::{LayerKind, OutputFormat};
/// use frontline::Gazetteer;
/// let gaz = Gazetteer::bundled();
/// let jsonl = "{\"id\": \"a\", \"text\": \"Russian forces captured Robotyne.\"}\n{\"text\": \"\"}\n";
/// let merged = merge_layer(&gaz, read_json_lines(jsonl.as_bytes(), "in.jsonl"),
///                          LayerKind::Events, OutputFormat::GEOJSONSEQ, || {})?;
/// assert_eq!((merged.articles, merged.features), (2, 1));
/// assert_eq!(merged.failures[0].to_string(), "in.jsonl:2: no text");
/// # Ok::<(), frontline::Error>(())
/// ```
pub fn merge_layer(
    gaz: &Gazetteer,
    items: impl IntoIterator<Item = Item>,
    kind: LayerKind,
    format: impl Into<OutputFormat>,
    progress: impl Fn() + Sync,
) -> crate::Result<Merged> {
    merge_layer_with(Reading::alone(gaz), items, kind, format, progress)
}

/// [`merge_layer`] for a batch read in two passes: each article resolved
/// with the batch's prior (batch coherence, [`crate::batch::survey`]), as
/// `frontline layers` reads it.
///
/// ```
/// use frontline::batch::{read_json_lines, survey, Reading};
/// use frontline::in_memory::merge_layer_with;
/// use frontline::layer::{LayerKind, OutputFormat};
/// use frontline::Gazetteer;
/// let gaz = Gazetteer::bundled();
/// let jsonl = "{\"id\": \"a\", \"text\": \"Russian forces captured Robotyne.\"}\n";
/// let prior = survey(&gaz, read_json_lines(jsonl.as_bytes(), "in.jsonl"), || {});
/// let reading = Reading { gaz: &gaz, prior: Some(&prior) };
/// let merged = merge_layer_with(reading, read_json_lines(jsonl.as_bytes(), "in.jsonl"),
///                               LayerKind::Events, OutputFormat::GEOJSON, || {})?;
/// assert_eq!((merged.articles, merged.features), (1, 1));
/// # Ok::<(), frontline::Error>(())
/// ```
pub fn merge_layer_with(
    reading: Reading<'_>,
    items: impl IntoIterator<Item = Item>,
    kind: LayerKind,
    format: impl Into<OutputFormat>,
    progress: impl Fn() + Sync,
) -> crate::Result<Merged> {
    let format = format.into();
    let mut merged = MergedBytes::new(kind, format)?;
    let (mut articles, mut failures) = (0, Vec::new());
    let handed = in_order_chunks(
        items,
        |item| {
            let layer = item.article.map(|mut article| {
                article.meta.id.get_or_insert_with(|| item.id.clone());
                let found = extract_in_batch(reading.gaz, &article, kind.depth(), reading.prior);
                EncodedLayer::of(kind, &found, format)
            });
            progress();
            layer
        },
        |layer| {
            articles += 1;
            match layer {
                Ok(layer) => merged.append(&layer)?,
                Err(e) => failures.push(e),
            }
            Ok(())
        },
    );
    handed?;
    Ok(Merged {
        features: merged.len(),
        bytes: merged.finish()?,
        articles,
        failures,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::read_json_lines;
    use crate::layer::MergedWriter;

    /// Articles with places, events and unresolved names, and one that fails.
    const JSONL: &str = concat!(
        "{\"id\": \"a\", \"text\": \"Russian forces captured Robotyne. Shelling hit the village of Qwertivka.\", \"published\": \"2024-06-27\"}\n",
        "{\"id\": \"b\", \"text\": \"Ukrainian troops pushed back near Vovchansk, Kharkiv Oblast.\", \"title\": \"=note\"}\n",
        "{\"id\": \"c\", \"text\": \"\"}\n",
        "{\"id\": \"d\", \"text\": \"Nothing happened anywhere today.\"}\n",
    );

    #[test]
    fn a_layer_merged_in_memory_has_the_bytes_of_the_merged_file_in_every_format() {
        let gaz = Gazetteer::bundled();
        let dir = tempfile::tempdir().unwrap();
        for kind in LayerKind::ALL {
            for format in crate::layer::format::FORMATS
                .iter()
                .map(|&f| OutputFormat::of(f))
            {
                let path = dir
                    .path()
                    .join(format!("{}.{}", kind.name(), format.extension()));
                let mut writer = MergedWriter::create(kind, format, path.clone()).unwrap();
                for item in read_json_lines(JSONL.as_bytes(), "in.jsonl") {
                    if let Ok(article) = item.article {
                        let found = crate::extract_to(&gaz, &article, kind.depth());
                        writer
                            .append(&EncodedLayer::of(kind, &found, format))
                            .unwrap();
                    }
                }
                writer.finish().unwrap();
                let items = read_json_lines(JSONL.as_bytes(), "in.jsonl");
                let merged = merge_layer(&gaz, items, kind, format, || {}).unwrap();
                let file = std::fs::read(&path).unwrap();
                assert!(merged.bytes == file, "{kind:?} {format:?}");
                assert_eq!(merged.articles, 4);
                assert_eq!(merged.failures.len(), 1);
            }
        }
    }

    #[test]
    fn an_empty_batch_is_an_empty_layer_in_every_format() {
        let gaz = Gazetteer::bundled();
        let geojson =
            merge_layer(&gaz, [], LayerKind::Mentions, OutputFormat::GEOJSON, || {}).unwrap();
        assert_eq!(
            geojson.bytes,
            b"{\"type\":\"FeatureCollection\",\"features\":[\n],\"unresolved\":[]}\n"
        );
        let csv = merge_layer(&gaz, [], LayerKind::Places, OutputFormat::CSV, || {}).unwrap();
        assert_eq!(
            csv.bytes,
            b"lon,lat,article_id,article_title,published,url\n"
        );
    }
}
