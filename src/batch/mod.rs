//! Many articles at once: per-article layers, merged layers and an index.
//!
//! Input is a folder of `.txt`, `.md` and `.html` articles (the id is the
//! file stem) and RSS or Atom feeds (`.rss`, `.atom`, `.xml`: each item an
//! article, [`crate::feed`]), JSON Lines of `{"id", "text", "published"?,
//! "title"?, "url"?}`, or a feed. A bad article (not UTF-8, empty, a broken
//! JSON line, a feed item with no text) is reported with its file and line
//! (or item) and the batch goes on.
//!
//! Output, in the folder given:
//! - `articles/ID.LAYER.EXT`: one file per article per layer;
//! - `LAYER.EXT`: each layer merged over all articles, in input order;
//! - `index.csv`: every article with its counts, or its error.
//!
//! Articles are read lazily, a chunk at a time, and in parallel; the output
//! does not depend on how many threads read them, and memory does not grow
//! with the number of articles. Every file is written atomically.

mod coherence;
mod file_ids;
mod input;

use std::path::Path;

use rayon::prelude::*;

use crate::article::Article;
use crate::error::{Error, Result};

pub use self::coherence::{survey, Reading};
pub use self::file_ids::{FileIds, MAX_FILE_ID_BYTES};
pub use self::input::{
    folder_items, json_lines, read_folder, read_json_lines, stream_items, ArticleFields,
    FolderItems, JsonLines, DEFAULT_MAX_ARTICLE_BYTES,
};
use crate::extract::extract_in_batch;
use crate::layer::{EncodedLayer, Layer, LayerKind, MergedWriter, OutputFormat};
use crate::output::write_atomic_parts;
use crate::{Depth, Gazetteer};

/// One article to read, or why it cannot be read.
#[derive(Debug)]
pub struct Item {
    /// Where it came from: a file, or `FILE:LINE` for JSON Lines.
    pub source: String,
    /// Its id, as far as it is known.
    pub id: String,
    /// The article, or what is wrong with it.
    pub article: Result<Article>,
}

impl Item {
    /// The item with its article dated `published` when it has no date of
    /// its own (a batch's `--published`); unchanged without one.
    ///
    /// ```
    /// use frontline::batch::read_json_lines;
    /// let jsonl = "{\"text\": \"Shelling in Kharkiv.\"}\n";
    /// let day = "2024-06-27".parse().ok();
    /// let item = read_json_lines(jsonl.as_bytes(), "in.jsonl").remove(0);
    /// assert_eq!(item.published_or(day).article.unwrap().meta.published, day);
    /// ```
    pub fn published_or(mut self, published: Option<chrono::NaiveDate>) -> Item {
        if let (Some(date), Ok(article)) = (published, self.article.as_mut()) {
            article.meta.published.get_or_insert(date);
        }
        self
    }
}

/// What happened to one article of a batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The article's id, made safe and unique for file names.
    pub id: String,
    /// Where it came from.
    pub source: String,
    /// Its publication date, if known.
    pub published: String,
    /// Resolved mentions.
    pub mentions: usize,
    /// Distinct places.
    pub places: usize,
    /// Events; `None` when the layers asked for need none and no events
    /// were looked for (the mentions layer alone).
    pub events: Option<usize>,
    /// Why it failed, if it did; for a skipped entry, why it was skipped.
    pub error: Option<String>,
    /// A folder entry that is no file to read (a directory, a dangling
    /// link, a FIFO): listed, not read, and not counted as a failure.
    pub skipped: bool,
}

/// The totals of a batch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Articles read, failed ones included.
    pub articles: usize,
    /// Distinct places over all articles (per article, summed).
    pub places: usize,
    /// Events over all articles; `None` when no events were looked for.
    pub events: Option<usize>,
    /// Articles that failed.
    pub failures: usize,
    /// Folder entries skipped, not being files.
    pub skipped: usize,
}

/// Articles read in parallel before their layers are merged.
const CHUNK: usize = 256;

/// Reads one article and encodes its layers; a bad article is an outcome
/// with its error, not an error of the batch.
fn read_one(
    reading: Reading<'_>,
    item: Item,
    id: String,
    kinds: &[LayerKind],
    format: OutputFormat,
) -> Result<(Outcome, Vec<EncodedLayer>)> {
    // Read as far as the deepest layer needs.
    let depth = kinds.iter().map(|k| k.depth()).max().unwrap_or_default();
    let events_read = depth == Depth::Events;
    let mut article = match item.article {
        Ok(a) => a,
        Err(e) => {
            let skipped = matches!(e, Error::Skipped { .. });
            let outcome = Outcome {
                id,
                source: item.source,
                published: String::new(),
                mentions: 0,
                places: 0,
                events: events_read.then_some(0),
                error: Some(e.to_string()),
                skipped,
            };
            return Ok((
                outcome,
                kinds
                    .iter()
                    .map(|&k| EncodedLayer::from_layer(&Layer::merge(k, []), format))
                    .collect(),
            ));
        }
    };
    article.meta.id = Some(article.meta.id.unwrap_or_else(|| id.clone()));
    let found = extract_in_batch(reading.gaz, &article, depth, reading.prior);
    let layers: Vec<EncodedLayer> = kinds
        .iter()
        .map(|&k| EncodedLayer::of(k, &found, format))
        .collect();
    let places = layers
        .iter()
        .find(|l| l.kind() == LayerKind::Places)
        .map_or_else(|| found.place_count(), EncodedLayer::len);
    let outcome = Outcome {
        id,
        source: item.source,
        published: article
            .meta
            .published
            .map(|d| d.to_string())
            .unwrap_or_default(),
        mentions: found.resolved().count(),
        places,
        events: events_read.then_some(found.events.len()),
        error: None,
        skipped: false,
    };
    Ok((outcome, layers))
}

/// Writes an article's layers to their files in `articles_dir`, each
/// atomically.
fn write_article_files(
    articles_dir: &Path,
    id: &str,
    layers: &[EncodedLayer],
    format: OutputFormat,
) -> Result<()> {
    let mut written = Vec::with_capacity(layers.len());
    for layer in layers {
        let path = articles_dir.join(format!(
            "{id}.{}.{}",
            layer.kind().name(),
            format.extension()
        ));
        let parts = layer.file_parts();
        let parts: Vec<&[u8]> = parts.iter().map(|p| p.as_ref()).collect();
        if let Err(e) = write_atomic_parts(&path, &parts) {
            // None of a failed article's files stay behind.
            for path in written {
                let _ = std::fs::remove_file(path);
            }
            return Err(e);
        }
        written.push(path);
    }
    Ok(())
}

/// Reads every item and writes its layers, the merged layers and the index
/// into `out_dir`. `progress` is called once per article read, from any
/// thread. Failed articles are in the outcomes with their error, and so is
/// an article whose own files cannot be written; only a failure to write a
/// merged layer or the index is an error of the batch. Temporary files
/// that an earlier, killed run left in `out_dir` are removed first.
pub fn run(
    gaz: &Gazetteer,
    items: impl IntoIterator<Item = Item>,
    kinds: &[LayerKind],
    format: impl Into<OutputFormat>,
    out_dir: &Path,
    progress: impl Fn() + Sync,
) -> Result<(Vec<Outcome>, Summary)> {
    let mut outcomes = Vec::new();
    let summary = run_streaming(gaz, items, kinds, format, out_dir, progress, |o| {
        outcomes.push(o.clone())
    })?;
    Ok((outcomes, summary))
}

/// [`run`], handing each article's outcome to `each` in input order as soon
/// as its files are written, instead of collecting them: memory stays the
/// same whatever the number of articles (`index.csv` is written as the
/// batch goes, to a temporary file renamed into place at the end).
pub fn run_streaming(
    gaz: &Gazetteer,
    items: impl IntoIterator<Item = Item>,
    kinds: &[LayerKind],
    format: impl Into<OutputFormat>,
    out_dir: &Path,
    progress: impl Fn() + Sync,
    each: impl FnMut(&Outcome),
) -> Result<Summary> {
    run_streaming_with(
        Reading::alone(gaz),
        items,
        kinds,
        format,
        out_dir,
        progress,
        each,
    )
}

/// [`run_streaming`], resolving places as `reading` says: with a batch's
/// prior ([`survey`]), the second pass of a batch read in two.
pub fn run_streaming_with(
    reading: Reading<'_>,
    items: impl IntoIterator<Item = Item>,
    kinds: &[LayerKind],
    format: impl Into<OutputFormat>,
    out_dir: &Path,
    progress: impl Fn() + Sync,
    mut each: impl FnMut(&Outcome),
) -> Result<Summary> {
    use std::io::Write;
    let format = format.into();
    let articles_dir = out_dir.join("articles");
    std::fs::create_dir_all(&articles_dir).map_err(|source| Error::Io {
        path: articles_dir.clone(),
        source,
    })?;
    // Temporary files a killed run left behind.
    crate::output::remove_stale_temp_files(out_dir)?;
    crate::output::remove_stale_temp_files(&articles_dir)?;
    let mut ids = FileIds::default();
    let ext = format.extension();
    let mut merged: Vec<MergedWriter> = kinds
        .iter()
        .map(|&kind| {
            MergedWriter::create(kind, format, out_dir.join(format!("{}.{ext}", kind.name())))
        })
        .collect::<Result<_>>()?;
    let index_path = out_dir.join("index.csv");
    let index_io = |source| Error::Io {
        path: index_path.clone(),
        source,
    };
    let mut index = std::io::BufWriter::new(crate::output::temp_file_for(&index_path)?);
    index.write_all(INDEX_HEADER).map_err(index_io)?;
    let mut summary = Summary::default();
    in_order_chunks(
        items.into_iter().map(|item| {
            let id = ids.next(&item.id);
            (item, id)
        }),
        |(item, id)| {
            let result = read_one(reading, item, id, kinds, format);
            progress();
            result
        },
        // Every file is written from this one thread, in input order, while
        // the next chunk is read: threads creating files in one folder at
        // once only wait on each other in the kernel.
        // A file that cannot be written fails its article, not the batch.
        |result| {
            let (mut outcome, layers) = result?;
            let mut written = true;
            if outcome.error.is_none() {
                if let Err(e) = write_article_files(&articles_dir, &outcome.id, &layers, format) {
                    outcome.error = Some(e.to_string());
                    written = false;
                }
            }
            if written {
                for (writer, layer) in merged.iter_mut().zip(&layers) {
                    writer.append(layer)?;
                }
            }
            index.write_all(&index_row(&outcome)).map_err(index_io)?;
            summary.add(&outcome);
            each(&outcome);
            Ok(())
        },
    )?;
    for writer in merged {
        writer.finish()?;
    }
    let index = index.into_inner().map_err(|e| index_io(e.into_error()))?;
    crate::output::persist(index, &index_path)?;
    Ok(summary)
}

impl Summary {
    /// Counts one more article.
    fn add(&mut self, o: &Outcome) {
        self.articles += 1;
        self.places += o.places;
        if let Some(n) = o.events {
            *self.events.get_or_insert(0) += n;
        }
        if o.skipped {
            self.skipped += 1;
        } else if o.error.is_some() {
            self.failures += 1;
        }
    }
}

/// Reads every item, in parallel a chunk at a time, and hands each result
/// to `each` in input order, with the item's source: the extraction, or
/// why the article could not be read. `progress` is called once per
/// article, from any thread.
///
/// ```
/// use frontline::{batch, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// let jsonl = "{\"id\": \"a\", \"text\": \"Russian forces captured Robotyne.\"}\n{broken\n";
/// let items = batch::read_json_lines(jsonl.as_bytes(), "in.jsonl");
/// let mut seen = Vec::new();
/// batch::for_each_extraction(&gaz, items, || {}, |source, result| {
///     seen.push((source.to_string(), result.map(|x| x.events.len()).map_err(|e| e.to_string())));
/// });
/// assert_eq!(seen[0], ("in.jsonl:1".to_string(), Ok(1)));
/// assert!(seen[1].1.as_ref().unwrap_err().starts_with("in.jsonl:2:"));
/// ```
pub fn for_each_extraction(
    gaz: &Gazetteer,
    items: impl IntoIterator<Item = Item>,
    progress: impl Fn() + Sync,
    each: impl FnMut(&str, Result<crate::Extraction>),
) {
    for_each_extraction_with(Reading::alone(gaz), items, progress, each)
}

/// [`for_each_extraction`], resolving places as `reading` says: with a
/// batch's prior ([`survey`]), the second pass of a batch read in two.
pub fn for_each_extraction_with(
    reading: Reading<'_>,
    items: impl IntoIterator<Item = Item>,
    progress: impl Fn() + Sync,
    mut each: impl FnMut(&str, Result<crate::Extraction>),
) {
    let done: Result<()> = in_order_chunks(
        items,
        |item| {
            let found = item.article.map(|mut article| {
                article.meta.id.get_or_insert_with(|| item.id.clone());
                extract_in_batch(reading.gaz, &article, Depth::Events, reading.prior)
            });
            progress();
            (item.source, found)
        },
        |(source, result)| {
            each(&source, result);
            Ok(())
        },
    );
    done.expect("handing results on cannot fail");
}

/// Runs `work` on the items in parallel, a [`CHUNK`] at a time, and hands
/// each result to `each` in input order: memory stays bounded (two chunks)
/// and what `each` sees does not depend on the number of threads. `each`
/// runs on the calling thread while the next chunk is worked on, so that
/// writing merged layers overlaps reading. Stops after the first error
/// `each` returns.
pub(crate) fn in_order_chunks<T: Send, R: Send>(
    items: impl IntoIterator<Item = T>,
    work: impl Fn(T) -> R + Sync,
    mut each: impl FnMut(R) -> Result<()>,
) -> Result<()> {
    let mut pending = items.into_iter().peekable();
    let mut done: Vec<R> = Vec::new();
    loop {
        let chunk: Vec<T> = pending.by_ref().take(CHUNK).collect();
        if chunk.is_empty() && done.is_empty() {
            return Ok(());
        }
        let previous = std::mem::take(&mut done);
        let handed = rayon::in_place_scope(|scope| {
            scope.spawn(|_| done = chunk.into_par_iter().map(&work).collect());
            previous.into_iter().try_for_each(&mut each)
        });
        handed?;
    }
}

/// The first line of `index.csv`.
const INDEX_HEADER: &[u8] = b"id,source,published,mentions,places,events,status,error\n";

/// One article's line of `index.csv`.
fn index_row(o: &Outcome) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let text = |s: &str| crate::layer::csv_text(s).into_owned();
    w.write_record([
        text(&o.id),
        text(&o.source),
        o.published.clone(),
        o.mentions.to_string(),
        o.places.to_string(),
        o.events.map(|n| n.to_string()).unwrap_or_default(),
        match (&o.error, o.skipped) {
            (_, true) => "skipped",
            (Some(_), false) => "failed",
            (None, false) => "ok",
        }
        .to_string(),
        text(o.error.as_deref().unwrap_or_default()),
    ])
    .expect("write to memory");
    w.into_inner().expect("flush to memory")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_that_begins_with_a_date_dates_the_article() {
        let dir = std::env::temp_dir().join(format!("frontline-dated-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("2024-06-27-kharkiv.txt"), "Kharkiv.").unwrap();
        std::fs::write(dir.join("2024-13-01-bad.txt"), "Kyiv.").unwrap();
        let items = read_folder(&dir).unwrap();
        let dates: Vec<Option<String>> = items
            .iter()
            .map(|i| {
                i.article
                    .as_ref()
                    .unwrap()
                    .meta
                    .published
                    .map(|d| d.to_string())
            })
            .collect();
        assert_eq!(dates, [Some("2024-06-27".to_string()), None]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn broken_json_lines_are_failed_items_named_by_line() {
        let input =
            "{\"id\": \"a\", \"text\": \"Kyiv.\"}\n{broken\n\n{\"id\": 7, \"text\": \"\"}\n";
        let items = read_json_lines(input.as_bytes(), "in.jsonl");
        assert_eq!(items.len(), 3);
        assert!(items[0].article.is_ok());
        assert_eq!(items[1].source, "in.jsonl:2");
        assert!(items[1]
            .article
            .as_ref()
            .unwrap_err()
            .to_string()
            .starts_with("in.jsonl:2: not a JSON article"));
        assert_eq!(items[2].id, "7");
        assert!(items[2]
            .article
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("no text"));
    }

    #[test]
    fn json_lines_are_read_one_line_at_a_time_and_long_lines_skipped() {
        // A reader that hands out one small piece at a time and counts them.
        struct Trickle<'a>(&'a [u8], std::rc::Rc<std::cell::Cell<usize>>);
        impl std::io::Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let n = self.0.len().min(buf.len()).min(16);
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                self.1.set(self.1.get() + n);
                Ok(n)
            }
        }
        let long = format!(
            "{{\"id\": \"long\", \"text\": \"{}\"}}",
            "Kyiv ".repeat(100)
        );
        let input = format!(
            "{{\"id\": \"a\", \"text\": \"Kyiv.\"}}\n{long}\n{{\"id\": \"b\", \"text\": \"Sumy.\"}}\n"
        );
        let read = std::rc::Rc::new(std::cell::Cell::new(0));
        let reader = std::io::BufReader::with_capacity(16, Trickle(input.as_bytes(), read.clone()));
        let mut items = json_lines(reader, "in.jsonl", 100);
        let first = items.next().unwrap();
        assert_eq!(first.id, "a");
        // Only the first line (and what the buffer holds) has been read.
        assert!(read.get() < 60, "{} bytes read for one line", read.get());
        let second = items.next().unwrap();
        assert_eq!(second.source, "in.jsonl:2");
        assert_eq!(
            second.article.unwrap_err().to_string(),
            "in.jsonl:2: the article is larger than 100 bytes (raise --max-article-bytes to read it)"
        );
        let third = items.next().unwrap();
        assert_eq!(
            (third.id.as_str(), third.source.as_str()),
            ("b", "in.jsonl:3")
        );
        assert!(items.next().is_none());
    }

    #[test]
    fn ids_are_made_safe_and_unique() {
        let item = |id: &str| Item {
            source: String::new(),
            id: id.into(),
            article: Ok(Article::new("x")),
        };
        let mut file_ids = FileIds::default();
        let ids: Vec<String> = [item("a/b"), item("a/b"), item(""), item("ok-1")]
            .iter()
            .map(|i| file_ids.next(&i.id))
            .collect();
        assert_eq!(ids, ["a_b", "a_b-2", "article", "ok-1"]);
    }
}
