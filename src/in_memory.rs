//! Many articles' layer merged in memory, not into files: what a library
//! user or a binding (the Python package) hands back to its caller.
//!
//! Articles are read in parallel a chunk at a time by the batch's machinery
//! ([`crate::batch`]), only as deep as the layer needs, and their features
//! appended in input order: the bytes are those of the merged layer
//! `frontline layers` writes to `DIR/LAYER.EXT` for the same articles, and
//! do not depend on the number of threads.

use crate::batch::{in_order_chunks, Item};
use crate::error::Error;
use crate::layer::{article_columns, csv_header, EncodedLayer, Format, LayerKind};
use crate::{extract_to, Gazetteer};

/// One layer of many articles, merged, as the bytes of a file.
///
/// ```
/// use frontline::in_memory::MergedBytes;
/// use frontline::layer::{EncodedLayer, Format, LayerKind};
/// use frontline::{extract, Article, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// let format = Format::GeoJson { pretty: false };
/// let mut merged = MergedBytes::new(LayerKind::Places, format);
/// for text in ["Shelling hit Kupiansk.", "Russian forces captured Robotyne."] {
///     merged.append(&EncodedLayer::of(LayerKind::Places, &extract(&gaz, &Article::new(text)), format));
/// }
/// assert_eq!(merged.len(), 2);
/// let bytes = merged.finish();
/// let collection: geojson::FeatureCollection = serde_json::from_slice(&bytes).unwrap();
/// assert_eq!(collection.features[1].properties.as_ref().unwrap()["name"], "Robotyne");
/// ```
#[derive(Clone, Debug)]
pub struct MergedBytes {
    kind: LayerKind,
    format: Format,
    out: Vec<u8>,
    features: usize,
    columns: bool,
    /// GeoJSON mentions: the unresolved names, compact JSON joined by commas.
    unresolved: Vec<u8>,
    unresolved_count: usize,
}

impl MergedBytes {
    /// An empty merged layer of `kind` in `format`.
    pub fn new(kind: LayerKind, format: Format) -> MergedBytes {
        let mut out = Vec::new();
        if let Format::GeoJson { .. } = format {
            out.extend_from_slice(b"{\"type\":\"FeatureCollection\",\"features\":[\n");
        }
        MergedBytes {
            kind,
            format,
            out,
            features: 0,
            columns: false,
            unresolved: Vec::new(),
            unresolved_count: 0,
        }
    }

    /// Appends one article's layer, which must be of this kind and format.
    pub fn append(&mut self, layer: &EncodedLayer) {
        match self.format {
            Format::GeoJson { .. } => {
                for piece in layer.pieces() {
                    if self.features > 0 {
                        self.out.extend_from_slice(b",\n");
                    }
                    self.out.extend_from_slice(piece);
                    self.features += 1;
                }
                if self.kind == LayerKind::Mentions {
                    for name in layer.unresolved() {
                        if self.unresolved_count > 0 {
                            self.unresolved.push(b',');
                        }
                        serde_json::to_writer(&mut self.unresolved, name)
                            .expect("JSON values serialise");
                        self.unresolved_count += 1;
                    }
                }
            }
            Format::GeoJsonSeq | Format::Csv => {
                if let (Format::Csv, false, Some(columns)) =
                    (self.format, self.columns, layer.columns())
                {
                    self.out.extend(csv_header(columns.iter().cloned()));
                    self.columns = true;
                }
                self.out.extend_from_slice(layer.body());
                self.features += layer.len();
            }
        }
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
    pub fn finish(mut self) -> Vec<u8> {
        match self.format {
            Format::GeoJson { .. } => {
                self.out.push(b']');
                if self.kind == LayerKind::Mentions {
                    self.out.extend_from_slice(b",\"unresolved\":[");
                    self.out.extend_from_slice(&self.unresolved);
                    self.out.push(b']');
                }
                self.out.extend_from_slice(b"}\n");
            }
            Format::GeoJsonSeq => {}
            Format::Csv => {
                if !self.columns {
                    self.out.extend(csv_header(article_columns()));
                }
            }
        }
        self.out
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
/// kept in [`Merged::failures`].
///
/// ```
/// use frontline::batch::read_json_lines;
/// use frontline::in_memory::merge_layer;
/// use frontline::layer::{Format, LayerKind};
/// use frontline::Gazetteer;
/// let gaz = Gazetteer::bundled();
/// let jsonl = "{\"id\": \"a\", \"text\": \"Russian forces captured Robotyne.\"}\n{\"text\": \"\"}\n";
/// let merged = merge_layer(&gaz, read_json_lines(jsonl.as_bytes(), "in.jsonl"),
///                          LayerKind::Events, Format::GeoJsonSeq, || {});
/// assert_eq!((merged.articles, merged.features), (2, 1));
/// assert_eq!(merged.failures[0].to_string(), "in.jsonl:2: no text");
/// ```
pub fn merge_layer(
    gaz: &Gazetteer,
    items: impl IntoIterator<Item = Item>,
    kind: LayerKind,
    format: Format,
    progress: impl Fn() + Sync,
) -> Merged {
    let mut merged = MergedBytes::new(kind, format);
    let (mut articles, mut failures) = (0, Vec::new());
    let handed = in_order_chunks(
        items,
        |item| {
            let layer = item.article.map(|mut article| {
                article.meta.id.get_or_insert_with(|| item.id.clone());
                let found = extract_to(gaz, &article, kind.depth());
                EncodedLayer::of(kind, &found, format)
            });
            progress();
            layer
        },
        |layer| {
            articles += 1;
            match layer {
                Ok(layer) => merged.append(&layer),
                Err(e) => failures.push(e),
            }
            Ok(())
        },
    );
    handed.expect("merging in memory cannot fail");
    Merged {
        features: merged.len(),
        bytes: merged.finish(),
        articles,
        failures,
    }
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
    fn a_layer_merged_in_memory_has_the_bytes_of_the_merged_file() {
        let gaz = Gazetteer::bundled();
        let dir = tempfile::tempdir().unwrap();
        let formats = [
            Format::GeoJson { pretty: false },
            Format::GeoJsonSeq,
            Format::Csv,
        ];
        for kind in LayerKind::ALL {
            for format in formats {
                let path = dir
                    .path()
                    .join(format!("{}.{}", kind.name(), format.extension()));
                let mut writer = MergedWriter::create(kind, format, path.clone()).unwrap();
                for item in read_json_lines(JSONL.as_bytes(), "in.jsonl") {
                    if let Ok(article) = item.article {
                        let found = extract_to(&gaz, &article, kind.depth());
                        writer
                            .append(&EncodedLayer::of(kind, &found, format))
                            .unwrap();
                    }
                }
                writer.finish().unwrap();
                let items = read_json_lines(JSONL.as_bytes(), "in.jsonl");
                let merged = merge_layer(&gaz, items, kind, format, || {});
                let file = std::fs::read(&path).unwrap();
                assert_eq!(
                    String::from_utf8(merged.bytes).unwrap(),
                    String::from_utf8(file).unwrap(),
                    "{kind:?} {format:?}"
                );
                assert_eq!(merged.articles, 4);
                assert_eq!(merged.failures.len(), 1);
            }
        }
    }

    #[test]
    fn an_empty_batch_is_an_empty_layer_in_every_format() {
        let gaz = Gazetteer::bundled();
        let geojson = merge_layer(
            &gaz,
            [],
            LayerKind::Mentions,
            Format::GeoJson { pretty: false },
            || {},
        );
        assert_eq!(
            geojson.bytes,
            b"{\"type\":\"FeatureCollection\",\"features\":[\n],\"unresolved\":[]}\n"
        );
        let csv = merge_layer(&gaz, [], LayerKind::Places, Format::Csv, || {});
        assert_eq!(
            csv.bytes,
            b"lon,lat,article_id,article_title,published,url\n"
        );
    }
}
