//! Output formats: one module per format, each a [`LayerFormat`], listed
//! once in [`FORMATS`] (the CLI's `--format` reads its choices there).
//!
//! A format writes a layer three ways, all giving the same bytes for the
//! same features:
//! - a whole layer in memory ([`LayerFormat::write`]);
//! - one article's layer, serialised once ([`LayerFormat::encode_layer`],
//!   an [`EncodedLayer`]) for its own file and for the merged layer;
//! - a merged layer over many articles, begun, appended to article by
//!   article and ended ([`LayerFormat::begin`], [`MergedLayer`]).
//!
//! Adding a format is one new module here and one row in [`FORMATS`]
//! (`CONTRIBUTING.md` walks through it with KML).

mod csv;
#[cfg(feature = "columnar")]
mod flatgeobuf;
mod geojson;
mod geojsonseq;
#[cfg(feature = "columnar")]
mod geoparquet;
mod kml;
#[cfg(feature = "columnar")]
mod table;
#[cfg(feature = "columnar")]
mod wkb;

use std::io::Write;
use std::path::Path;

use ::geojson::{Feature, JsonValue};

use super::{EncodedLayer, Layer, LayerKind};
use crate::extract::Extraction;

pub use self::csv::{csv_text, Csv};
#[cfg(feature = "columnar")]
pub use self::flatgeobuf::FlatGeobuf;
pub use self::geojson::GeoJson;
pub use self::geojsonseq::GeoJsonSeq;
#[cfg(feature = "columnar")]
pub use self::geoparquet::GeoParquet;
pub use self::kml::Kml;

/// Every output format, in the order `--help` lists them. A new format is
/// one row here.
pub static FORMATS: &[&dyn LayerFormat] = &[
    &GeoJson,
    &GeoJsonSeq,
    &Csv,
    &Kml,
    #[cfg(feature = "columnar")]
    &GeoParquet,
    #[cfg(feature = "columnar")]
    &FlatGeobuf,
];

/// Settings that apply to some formats and are ignored by the others.
///
/// ```
/// use frontline::layer::{format::WriteOptions, OutputFormat};
/// assert_eq!(OutputFormat::GEOJSON.pretty(true).options().pretty, true);
/// assert_eq!(WriteOptions::default().pretty, false);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct WriteOptions {
    /// Indent the JSON (GeoJSON files of one article or one layer; merged
    /// layers stay compact).
    pub pretty: bool,
}

/// The features of a layer as a format reads them: a name (`places`,
/// `control`), the features in order, and for a mentions layer the names
/// that resolved to nothing.
///
/// ```
/// use frontline::{extract, layer::{format::{Features, LayerFormat, Kml}, Layer, OutputFormat}};
/// use frontline::{Article, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// let layer = Layer::places(&extract(&gaz, &Article::new("Shelling hit Kupiansk.")));
/// let kml = Kml.write(&Features::of_layer(&layer), Default::default());
/// assert_eq!(kml, layer.write(OutputFormat::KML));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Features<'a> {
    /// The layer's name, for formats that name their layer (KML's
    /// document, FlatGeobuf's title).
    pub name: &'a str,
    /// The features, in order.
    pub features: &'a [Feature],
    /// For a mentions layer, the names no place fits (GeoJSON writes them
    /// as the collection's `unresolved` member); `None` for other layers.
    pub unresolved: Option<&'a [JsonValue]>,
    /// The columns a table format gives a layer with no features.
    pub empty_columns: &'a [&'a str],
}

impl<'a> Features<'a> {
    /// The features of a [`Layer`].
    pub fn of_layer(layer: &'a Layer) -> Features<'a> {
        Features {
            name: layer.kind.name(),
            features: &layer.features,
            unresolved: (layer.kind == LayerKind::Mentions).then_some(&layer.unresolved),
            empty_columns: &super::ARTICLE_COLUMNS,
        }
    }

    /// Features of a layer of its own (the front's `control`, `front`…).
    pub fn named(name: &'a str, features: &'a [Feature]) -> Features<'a> {
        Features {
            name,
            features,
            unresolved: None,
            empty_columns: &[],
        }
    }

    /// The property names of the first feature, in name order.
    pub fn columns(&self) -> Option<Vec<String>> {
        self.features
            .first()
            .and_then(|f| f.properties.as_ref())
            .map(|p| p.keys().cloned().collect())
    }
}

/// One output format: how a layer is written, what its files are called
/// and what they are.
///
/// ```
/// use frontline::layer::format::{LayerFormat, FORMATS};
/// let names: Vec<&str> = FORMATS.iter().map(|f| f.name()).collect();
/// assert_eq!(&names[..4], ["geojson", "geojsonseq", "csv", "kml"]);
/// let kml = FORMATS.iter().find(|f| f.name() == "kml").unwrap();
/// assert_eq!(kml.extension(), "kml");
/// assert_eq!(kml.media_type(), "application/vnd.google-earth.kml+xml");
/// ```
pub trait LayerFormat: Sync + Send + std::fmt::Debug {
    /// The name `--format` takes (`geojson`).
    fn name(&self) -> &'static str;
    /// One line for `--help`.
    fn about(&self) -> &'static str;
    /// The file extension, without a dot (`geojson`).
    fn extension(&self) -> &'static str;
    /// The IANA media type (`application/geo+json`).
    fn media_type(&self) -> &'static str;
    /// Whether a merged layer is written as its articles come, needing
    /// memory for one article at a time; a format that does not stream
    /// keeps its features in a temporary file until the end, then writes
    /// the whole layer (a columnar file's schema and index need them all).
    fn streams(&self) -> bool;
    /// A whole layer as the bytes of its file. The same features always
    /// give the same bytes.
    fn write(&self, features: &Features<'_>, options: WriteOptions) -> Vec<u8>;
    /// One article's layer, serialised once.
    fn encode_layer(&self, layer: &Layer, options: WriteOptions) -> EncodedLayer;
    /// One article's layer of one kind, serialised once; formats that can
    /// write an extraction's typed records straight (GeoJSON) override it.
    fn encode(&self, kind: LayerKind, x: &Extraction, options: WriteOptions) -> EncodedLayer {
        self.encode_layer(&Layer::of(kind, x), options)
    }
    /// Writes one article's layer of one kind to `out`: the bytes of the
    /// file of [`LayerFormat::encode`]'s layer. Formats whose file is a
    /// head, the features and a tail (compact GeoJSON, GeoJSON text
    /// sequences) override it to write each feature as it is serialised,
    /// so that a layer is never held whole in memory.
    fn write_file(
        &self,
        kind: LayerKind,
        x: &Extraction,
        options: WriteOptions,
        out: &mut dyn Write,
    ) -> std::io::Result<()> {
        let encoded = self.encode(kind, x, options);
        encoded
            .file_parts()
            .iter()
            .try_for_each(|part| out.write_all(part))
    }
    /// Begins a merged layer of `kind` written to `out` (which the caller
    /// renames to `path` when it is finished); `path` also places any
    /// temporary file the format needs.
    fn begin(
        &self,
        kind: LayerKind,
        options: WriteOptions,
        path: &Path,
        out: &mut (dyn Write + Send),
    ) -> crate::Result<Box<dyn MergedLayer>>;
}

/// A merged layer being written: one article's layer appended at a time,
/// then ended. [`crate::layer::MergedWriter`] drives one into a file.
///
/// ```
/// use frontline::{extract, layer::{EncodedLayer, LayerKind, MergedWriter, OutputFormat}};
/// use frontline::{Article, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// let dir = std::env::temp_dir().join("frontline-doc-merged-kml");
/// std::fs::create_dir_all(&dir).unwrap();
/// let path = dir.join("places.kml");
/// let mut merged = MergedWriter::create(LayerKind::Places, OutputFormat::KML, path.clone()).unwrap();
/// for text in ["Shelling hit Kupiansk.", "Fighting near Vovchansk."] {
///     let found = extract(&gaz, &Article::new(text));
///     merged.append(&EncodedLayer::of(LayerKind::Places, &found, OutputFormat::KML)).unwrap();
/// }
/// merged.finish().unwrap();
/// let kml = std::fs::read_to_string(&path).unwrap();
/// assert_eq!(kml.matches("<Placemark>").count(), 2);
/// assert_eq!(kml.matches("<Schema ").count(), 1);
/// ```
pub trait MergedLayer: Send {
    /// Appends one article's layer, encoded by the same format.
    fn append(&mut self, layer: &EncodedLayer, out: &mut (dyn Write + Send))
        -> std::io::Result<()>;
    /// Ends the layer (a closing bracket, a footer, or the whole file of a
    /// format that does not stream).
    fn finish(self: Box<Self>, out: &mut (dyn Write + Send)) -> std::io::Result<()>;
}

/// An output format and its options: what `--format` chooses.
///
/// ```
/// use frontline::layer::OutputFormat;
/// let csv = OutputFormat::named("csv").unwrap();
/// assert_eq!(csv.extension(), "csv");
/// assert_eq!(OutputFormat::GEOJSON.pretty(true).name(), "geojson");
/// assert!(OutputFormat::named("shapefile").is_none());
/// ```
#[derive(Clone, Copy)]
pub struct OutputFormat {
    format: &'static dyn LayerFormat,
    options: WriteOptions,
}

impl OutputFormat {
    /// Compact GeoJSON.
    pub const GEOJSON: OutputFormat = OutputFormat::of(&GeoJson);
    /// GeoJSON text sequences.
    pub const GEOJSONSEQ: OutputFormat = OutputFormat::of(&GeoJsonSeq);
    /// CSV.
    pub const CSV: OutputFormat = OutputFormat::of(&Csv);
    /// KML.
    pub const KML: OutputFormat = OutputFormat::of(&Kml);
    /// GeoParquet.
    #[cfg(feature = "columnar")]
    pub const GEOPARQUET: OutputFormat = OutputFormat::of(&GeoParquet);
    /// FlatGeobuf.
    #[cfg(feature = "columnar")]
    pub const FLATGEOBUF: OutputFormat = OutputFormat::of(&FlatGeobuf);

    /// A format with default options.
    pub const fn of(format: &'static dyn LayerFormat) -> OutputFormat {
        OutputFormat {
            format,
            options: WriteOptions { pretty: false },
        }
    }

    /// The format of [`FORMATS`] with this name, if any.
    pub fn named(name: &str) -> Option<OutputFormat> {
        FORMATS
            .iter()
            .find(|f| f.name() == name)
            .map(|&f| OutputFormat::of(f))
    }

    /// The same format, indented or not (formats that are not JSON ignore it).
    pub fn pretty(mut self, pretty: bool) -> OutputFormat {
        self.options.pretty = pretty;
        self
    }

    /// The format's writer.
    pub fn writer(self) -> &'static dyn LayerFormat {
        self.format
    }

    /// The options.
    pub fn options(self) -> WriteOptions {
        self.options
    }

    /// The format's name (`geojson`).
    pub fn name(self) -> &'static str {
        self.format.name()
    }

    /// The file extension (`geojson`, `geojsons`, `csv`, `kml`, `parquet`, `fgb`).
    pub fn extension(self) -> &'static str {
        self.format.extension()
    }

    /// The IANA media type.
    pub fn media_type(self) -> &'static str {
        self.format.media_type()
    }

    /// Whether a merged layer streams; see [`LayerFormat::streams`].
    pub fn streams(self) -> bool {
        self.format.streams()
    }
}

impl PartialEq for OutputFormat {
    fn eq(&self, other: &OutputFormat) -> bool {
        self.name() == other.name() && self.options == other.options
    }
}

impl Eq for OutputFormat {}

impl std::fmt::Debug for OutputFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.options.pretty {
            write!(f, "{} (pretty)", self.name())
        } else {
            f.write_str(self.name())
        }
    }
}

/// How a layer was written before output formats were modules; use
/// [`OutputFormat`] (`OutputFormat::GEOJSON.pretty(p)`, `OutputFormat::CSV`…).
#[deprecated(since = "0.2.0", note = "use layer::OutputFormat")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// An RFC 7946 FeatureCollection, compact or indented.
    GeoJson {
        /// Indent the JSON.
        pretty: bool,
    },
    /// RFC 8142 GeoJSON text sequence.
    GeoJsonSeq,
    /// CSV with `lon` and `lat` columns.
    Csv,
}

#[allow(deprecated)]
impl Format {
    /// The file extension (`geojson`, `geojsons`, `csv`).
    pub fn extension(self) -> &'static str {
        OutputFormat::from(self).extension()
    }
}

#[allow(deprecated)]
impl From<Format> for OutputFormat {
    fn from(f: Format) -> OutputFormat {
        match f {
            Format::GeoJson { pretty } => OutputFormat::GEOJSON.pretty(pretty),
            Format::GeoJsonSeq => OutputFormat::GEOJSONSEQ,
            Format::Csv => OutputFormat::CSV,
        }
    }
}

/// A temporary file beside `path`, for what a format keeps until its
/// layer ends.
pub(crate) fn spool_beside(path: &Path) -> crate::Result<tempfile::NamedTempFile> {
    crate::output::temp_file_for(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_has_a_distinct_name_and_extension() {
        let mut names: Vec<&str> = FORMATS.iter().map(|f| f.name()).collect();
        let mut extensions: Vec<&str> = FORMATS.iter().map(|f| f.extension()).collect();
        names.sort();
        names.dedup();
        extensions.sort();
        extensions.dedup();
        assert_eq!(names.len(), FORMATS.len());
        assert_eq!(extensions.len(), FORMATS.len());
    }

    #[test]
    fn a_format_is_found_by_its_name() {
        for f in FORMATS {
            assert_eq!(OutputFormat::named(f.name()).unwrap().name(), f.name());
        }
    }
}
