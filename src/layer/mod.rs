//! Map layers: resolved places and events → GeoJSON, GeoJSON text
//! sequences, CSV, KML, GeoParquet and FlatGeobuf (one module per output
//! format in [`format`](mod@format)).
//!
//! Coordinates are RFC 7946 `[longitude, latitude]`, WGS 84, rounded to 6
//! decimals. Properties keep one JSON type per name across features, so
//! GDAL/OGR (and QGIS) infer stable field types: text fields are always
//! strings (empty when unknown), numbers always numbers, and the dates
//! `published` and `event_date` ISO 8601 strings, or null when unknown (OGR
//! reads them as Date fields). Every feature carries simplestyle properties for web maps
//! (`marker-color` by acting side, `title`, `description`; lines also
//! `stroke`).

mod crowded;
pub(crate) mod encoded;
pub mod format;
mod primary;
mod properties;
pub mod read;

pub use crowded::CROWDED_SENTENCE;
pub use encoded::EncodedLayer;
#[allow(deprecated)]
pub use format::Format;
pub use format::{csv_text, LayerFormat, OutputFormat};
pub use primary::primary_place;

use geojson::{Feature, FeatureCollection, Geometry, JsonObject, JsonValue, Value};
use serde::Serialize;
use serde_json::json;

use properties::{article_fields, event_records, mention_records, place_records, published_text};

use crate::event::Side;
use crate::extract::{Depth, Extraction};

/// The most characters of evidence text (`description`, and the events'
/// `text`) a feature carries, so that every feature's size is bounded
/// whatever the input (a 100 KB "sentence" naming 10,000 places would
/// otherwise copy itself into each of their features). A longer sentence
/// is cut at a word with an ellipsis: an event's evidence is its sentence's
/// beginning ([`evidence`]; the event's `start` and `end` still give the
/// whole sentence), a mention's or a place's a window around its name
/// ([`evidence_around`]; `start` and `end` give the name).
pub const MAX_EVIDENCE_CHARS: usize = 500;

/// How many characters on each side of a name the evidence of a mention
/// keeps when its sentence is longer than [`MAX_EVIDENCE_CHARS`] (see
/// [`evidence_around`]): a window about as long as an ordinary sentence,
/// so that a sentence listing thousands of names costs each of their
/// features no more than an ordinary sentence would.
pub const EVIDENCE_CONTEXT_CHARS: usize = 100;

/// Whether a sentence has at most [`MAX_EVIDENCE_CHARS`] characters; takes
/// time bounded by the cap, not by the sentence.
fn fits_the_cap(sentence: &str) -> bool {
    sentence.len() <= MAX_EVIDENCE_CHARS
        || sentence.char_indices().nth(MAX_EVIDENCE_CHARS).is_none()
}

/// Whether a char ends a phrase: trimmed from the edges of cut evidence.
fn is_loose_edge(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | ';' | ':')
}

/// Evidence text as a feature carries it: the sentence itself when it has
/// at most [`MAX_EVIDENCE_CHARS`] characters, else its beginning, cut at the
/// last word boundary that leaves room for an ellipsis, trailing spaces
/// and commas dropped, then "…". Takes time bounded by the cap, not by the
/// sentence. The events layer and the front's layers carry this; the
/// mentions and places layers carry [`evidence_around`] their name.
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
    if fits_the_cap(sentence) {
        return Cow::Borrowed(sentence);
    }
    let Some((cut, _)) = sentence.char_indices().nth(MAX_EVIDENCE_CHARS - 1) else {
        return Cow::Borrowed(sentence);
    };
    let head = &sentence[..cut];
    let at_boundary = sentence[cut..].starts_with(char::is_whitespace);
    let word_cut = if at_boundary {
        head
    } else {
        head.rfind(char::is_whitespace).map_or(head, |i| &head[..i])
    };
    let trim = |s: &'_ str| -> usize { s.trim_end_matches(is_loose_edge).len() };
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

/// The evidence of a name in its sentence (`name`: the name's byte range
/// in `sentence`): the whole sentence when it has at most
/// [`MAX_EVIDENCE_CHARS`] characters, exactly as [`evidence`] gives it.
/// A longer sentence is cut to a window around the name: up to
/// [`EVIDENCE_CONTEXT_CHARS`] characters before it and after it, each side
/// cut at a word boundary with spaces and commas trimmed, and "…" where
/// the sentence goes on; the feature's `start` and `end` still give the
/// name's exact span. So the evidence always shows the name, and its size
/// is bounded by the window whatever the sentence's length. Takes time
/// bounded by the window. A range that is not one of the sentence's
/// (out of it, or not on char boundaries) gives [`evidence`].
///
/// ```
/// use frontline::layer::{evidence_around, EVIDENCE_CONTEXT_CHARS, MAX_EVIDENCE_CHARS};
/// let short = "Russian forces entered Vovchansk.";
/// assert_eq!(evidence_around(short, 23..32), short);
///
/// let long = format!("{}Russian forces entered Vovchansk on Monday, {}", "Earlier, ".repeat(60), "and then ".repeat(60));
/// let at = long.find("Vovchansk").unwrap();
/// let window = evidence_around(&long, at..at + "Vovchansk".len());
/// assert!(window.starts_with('…') && window.ends_with('…'));
/// assert!(window.contains("Russian forces entered Vovchansk on Monday"));
/// assert!(window.chars().count() <= 2 * EVIDENCE_CONTEXT_CHARS + "Vovchansk".len() + 2);
/// assert!(window.chars().count() <= MAX_EVIDENCE_CHARS);
/// ```
pub fn evidence_around(sentence: &str, name: std::ops::Range<usize>) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if fits_the_cap(sentence) {
        return Cow::Borrowed(sentence);
    }
    let std::ops::Range { start, end } = name;
    let valid = start <= end
        && end <= sentence.len()
        && sentence.is_char_boundary(start)
        && sentence.is_char_boundary(end);
    // The name itself must leave room for the context and the ellipses.
    let room = MAX_EVIDENCE_CHARS - 2 * EVIDENCE_CONTEXT_CHARS - 2;
    if !valid || sentence[start..end].chars().nth(room).is_some() {
        return evidence(sentence);
    }
    // Before the name: its last EVIDENCE_CONTEXT_CHARS chars, from a word's
    // start unless the window begins at the sentence's start.
    let before = &sentence[..start];
    let mut from = start;
    for (taken, (i, _)) in before.char_indices().rev().enumerate() {
        if taken == EVIDENCE_CONTEXT_CHARS {
            break;
        }
        from = i;
    }
    let cut_before = from > 0;
    if cut_before && !before[..from].ends_with(char::is_whitespace) {
        // Inside a word: begin after it (or inside it, when it fills the window).
        if let Some(space) = before[from..].find(char::is_whitespace) {
            from += space;
        }
    }
    let head = before[from..].trim_start_matches(is_loose_edge);
    // After the name: its next EVIDENCE_CONTEXT_CHARS chars, to a word's
    // end unless the window ends at the sentence's end.
    let after = &sentence[end..];
    let (tail, cut_after) = match after.char_indices().nth(EVIDENCE_CONTEXT_CHARS) {
        None => (after, false),
        Some((to, _)) => {
            let window = &after[..to];
            let word_cut = if after[to..].starts_with(char::is_whitespace) {
                window
            } else {
                window
                    .rfind(char::is_whitespace)
                    .map_or(window, |i| &window[..i])
            };
            (word_cut.trim_end_matches(is_loose_edge), true)
        }
    };
    let ellipsis = '…'.len_utf8();
    let mut out = String::with_capacity(head.len() + (end - start) + tail.len() + 2 * ellipsis);
    if cut_before {
        out.push('…');
    }
    out.push_str(head);
    out.push_str(&sentence[start..end]);
    out.push_str(tail);
    if cut_after {
        out.push('…');
    }
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

/// A map layer: features in a fixed order, and for mentions the names that
/// resolved to nothing.
///
/// ```
/// use frontline::{extract, layer::{Layer, OutputFormat}, Article, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// let article = Article::new("Russian forces captured Krasnohorivka. Shelling hit Kupiansk.")
///     .with_id("note-1")
///     .with_published("2024-09-12")
///     .unwrap();
/// let found = extract(&gaz, &article);
/// let layer = Layer::places(&found);
/// assert_eq!(layer.features.len(), 2);
/// let geojson = String::from_utf8(layer.write(OutputFormat::GEOJSON)).unwrap();
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
pub(crate) fn unresolved(x: &Extraction) -> Vec<JsonValue> {
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
        records: impl Iterator<Item = (Geometry, R)>,
        unresolved: Vec<JsonValue>,
    ) -> Layer {
        let features = records
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
    pub fn write(&self, format: impl Into<OutputFormat>) -> Vec<u8> {
        let format = format.into();
        format
            .writer()
            .write(&format::Features::of_layer(self), format.options())
    }

    /// The property names of the layer's features, if it has any.
    pub fn columns(&self) -> Option<Vec<String>> {
        self.features
            .first()
            .and_then(|f| f.properties.as_ref())
            .map(|p| p.keys().cloned().collect())
    }
}

/// The columns every layer has, for a table of a layer with no features.
pub(crate) const ARTICLE_COLUMNS: [&str; 4] = ["article_id", "article_title", "published", "url"];

/// The properties that are dates (ISO 8601 `YYYY-MM-DD`, or null): the
/// columnar formats type them as dates.
///
/// ```
/// assert!(frontline::layer::DATE_PROPERTIES.contains(&"event_date"));
/// ```
pub const DATE_PROPERTIES: &[&str] = &[
    "as_of",
    "confirmed",
    "date",
    "event_date",
    "published",
    "since",
    "until",
];

/// A function that turns an I/O error into one naming `path`.
fn io_error(path: &std::path::Path) -> impl Fn(std::io::Error) -> crate::Error {
    let path = path.to_path_buf();
    move |source| crate::Error::Io {
        path: path.clone(),
        source,
    }
}

/// Writes one layer kind merged over many articles: each article's
/// features are appended as they come, so a batch of any size needs
/// memory for one article at a time (a format that does not stream keeps
/// them in a temporary file until [`MergedWriter::finish`]). The file is
/// written under a temporary name and renamed into place by
/// [`MergedWriter::finish`]; a writer dropped unfinished (a failed batch)
/// removes its temporary files.
pub struct MergedWriter {
    path: std::path::PathBuf,
    /// The temporary file beside `path`, removed if the writer is dropped
    /// before [`MergedWriter::finish`].
    out: std::io::BufWriter<tempfile::NamedTempFile>,
    layer: Box<dyn format::MergedLayer>,
}

impl MergedWriter {
    /// Starts the merged layer at `path`.
    pub fn create(
        kind: LayerKind,
        format: impl Into<OutputFormat>,
        path: std::path::PathBuf,
    ) -> crate::Result<MergedWriter> {
        let format = format.into();
        let file = crate::output::temp_file_for(&path)?;
        // Large writes: a merged layer of a big batch runs to gigabytes.
        let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
        let layer = format
            .writer()
            .begin(kind, format.options(), &path, &mut out)?;
        Ok(MergedWriter { path, out, layer })
    }

    /// Appends one article's layer, serialised in this writer's format.
    pub fn append(&mut self, layer: &EncodedLayer) -> crate::Result<()> {
        self.layer
            .append(layer, &mut self.out)
            .map_err(io_error(&self.path))
    }

    /// Closes the layer and renames it into place.
    pub fn finish(mut self) -> crate::Result<()> {
        let io = io_error(&self.path);
        self.layer.finish(&mut self.out).map_err(&io)?;
        let tmp = self.out.into_inner().map_err(|e| io(e.into_error()))?;
        crate::output::persist(tmp, &self.path)
    }
}

/// Writes one article's layer of `kind` in `format` to `out`: the bytes
/// of `EncodedLayer::of(kind, x, format).file()`, written feature by
/// feature as each is serialised where the format allows (compact
/// GeoJSON, GeoJSON text sequences), so that the layer is never whole in
/// memory; other formats are serialised first. What `frontline extract`
/// writes.
///
/// ```
/// use frontline::layer::{write_layer, EncodedLayer, OutputFormat};
/// use frontline::{extract, Article, Gazetteer, LayerKind};
/// let gaz = Gazetteer::bundled();
/// let found = extract(&gaz, &Article::new("Shelling hit Kupiansk and the village of Qwertivka."));
/// let mut out = Vec::new();
/// write_layer(LayerKind::Mentions, &found, OutputFormat::GEOJSON, &mut out).unwrap();
/// let whole = EncodedLayer::of(LayerKind::Mentions, &found, OutputFormat::GEOJSON).file();
/// assert_eq!(out, whole);
/// ```
pub fn write_layer(
    kind: LayerKind,
    x: &Extraction,
    format: impl Into<OutputFormat>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let format = format.into();
    format.writer().write_file(kind, x, format.options(), out)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_within_the_cap_is_its_own_evidence_around_any_name() {
        let sentence = "Ukrainian forces repelled an assault near Terny.";
        assert_eq!(evidence_around(sentence, 42..47), sentence);
        let exactly = "x".repeat(MAX_EVIDENCE_CHARS);
        assert_eq!(evidence_around(&exactly, 0..1), exactly);
    }

    #[test]
    fn the_window_ends_where_the_sentence_does_without_an_ellipsis() {
        let sentence = format!("Kupiansk {}", "and then ".repeat(100));
        let window = evidence_around(&sentence, 0..8);
        assert!(window.starts_with("Kupiansk and then"), "{window:?}");
        assert!(window.ends_with("then…"), "{window:?}");
        let sentence = format!("{}Kupiansk", "and then ".repeat(100));
        let at = sentence.len() - 8;
        let window = evidence_around(&sentence, at..sentence.len());
        assert!(window.starts_with("…and then"), "{window:?}");
        assert!(window.ends_with("then Kupiansk"), "{window:?}");
    }

    #[test]
    fn a_window_counts_chars_not_bytes_and_cuts_inside_a_word_that_fills_it() {
        // Cyrillic letters are two bytes: 100 of them on each side.
        let word = "д".repeat(600);
        let sentence = format!("{word} Київ {word}");
        let at = sentence.find("Київ").unwrap();
        let window = evidence_around(&sentence, at..at + "Київ".len());
        assert_eq!(window, "…Київ…");
        let sentence = format!("{word}Київ{word}");
        let window = evidence_around(&sentence, 1200..1200 + "Київ".len());
        assert_eq!(window.chars().count(), 2 * EVIDENCE_CONTEXT_CHARS + 4 + 2);
    }

    #[test]
    fn a_range_outside_the_sentence_falls_back_to_its_start() {
        let sentence = "Avdiivka, ".repeat(100);
        assert_eq!(
            evidence_around(&sentence, std::ops::Range { start: 5, end: 2 }),
            evidence(&sentence)
        );
        assert_eq!(evidence_around(&sentence, 0..5_000), evidence(&sentence));
        let cyrillic = "Київ ".repeat(200);
        assert_eq!(evidence_around(&cyrillic, 1..2), evidence(&cyrillic));
    }
}
