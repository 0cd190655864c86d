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

use std::collections::HashSet;
use std::io::BufRead;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;

use crate::article::Article;
use crate::document::Format as Markup;
use crate::error::{Error, Result};
use crate::layer::{EncodedLayer, Layer, LayerKind, MergedWriter, OutputFormat};
use crate::output::write_atomic_parts;
use crate::{extract, extract_to, Depth, Gazetteer};

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

#[derive(Deserialize)]
struct JsonArticle {
    id: Option<serde_json::Value>,
    text: Option<String>,
    published: Option<String>,
    title: Option<String>,
    url: Option<String>,
}

/// The largest article read by default, in bytes: 10 MB (`--max-article-bytes`).
/// A larger one is an article that failed, named by its source, and is
/// never read into memory.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 10_000_000;

/// Reads every `.txt`, `.md`, `.markdown`, `.html` and `.htm` file of a
/// folder, in name order, at most [`DEFAULT_MAX_ARTICLE_BYTES`] each, and
/// every item of its `.rss`, `.atom` and `.xml` feeds. A file
/// name that begins with a date (`2024-06-27-kharkiv.txt`) gives the
/// article's publication date. Reads them all into memory: a batch reads
/// them one at a time with [`folder_items`].
pub fn read_folder(dir: &Path) -> Result<Vec<Item>> {
    Ok(folder_items(dir, DEFAULT_MAX_ARTICLE_BYTES)?.collect())
}

/// The articles of a folder, in name order, each read when the iterator
/// reaches it, so that a batch holds a chunk of them at a time; a feed
/// (`.rss`, `.atom`, `.xml`) is read an item at a time, each item an
/// article ([`crate::feed::items`]). Entries
/// named like articles that are no file to read (a directory `x.txt`, a
/// link that leads nowhere, a FIFO) are items whose article is an
/// [`Error::Skipped`] with the reason; a file over `max_article_bytes` is
/// an [`Error::TooLarge`].
pub fn folder_items(dir: &Path, max_article_bytes: u64) -> Result<FolderItems> {
    let io = |source| Error::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                matches!(
                    e.to_ascii_lowercase().as_str(),
                    "txt" | "md" | "markdown" | "html" | "htm" | "rss" | "atom" | "xml"
                )
            })
        })
        .collect();
    paths.sort();
    let feeds = paths.iter().any(crate::feed::is_feed_path);
    Ok(FolderItems {
        paths: paths.into_iter(),
        max_article_bytes,
        feed: None,
        feeds,
    })
}

/// The articles of a folder, read one at a time; see [`folder_items`].
/// Its [`Iterator::size_hint`] is exact when the folder holds no feed.
#[derive(Debug)]
pub struct FolderItems {
    paths: std::vec::IntoIter<PathBuf>,
    max_article_bytes: u64,
    /// The feed being read, an item at a time.
    feed: Option<crate::feed::FeedItems<std::io::BufReader<std::fs::File>>>,
    /// Whether any file is a feed (then the number of articles is unknown).
    feeds: bool,
}

impl Iterator for FolderItems {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(feed) = &mut self.feed {
                match feed.next() {
                    Some(entry) => return Some(entry.into()),
                    None => self.feed = None,
                }
            }
            let path = self.paths.next()?;
            if !crate::feed::is_feed_path(&path) {
                return Some(folder_item(path, self.max_article_bytes));
            }
            let source = path.display().to_string();
            match std::fs::File::open(&path) {
                Ok(file) => {
                    let reader = std::io::BufReader::with_capacity(1 << 16, file);
                    self.feed = Some(crate::feed::items(reader, &source, self.max_article_bytes));
                }
                Err(e) => {
                    let id = path
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    return Some(Item {
                        source,
                        id,
                        article: Err(Error::Io { path, source: e }),
                    });
                }
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.paths.len();
        (n, (!self.feeds).then_some(n))
    }
}

impl From<crate::feed::FeedEntry> for Item {
    fn from(e: crate::feed::FeedEntry) -> Item {
        Item {
            source: e.source,
            id: e.id,
            article: e.article,
        }
    }
}

/// The articles of one input stream, lazily: an RSS or Atom feed when the
/// name's extension is a feed's (`.rss`, `.atom`, `.xml`) or its first
/// bytes are XML ([`crate::feed::looks_like_feed`]), else JSON Lines
/// ([`json_lines`]). `name` names it in messages.
///
/// ```
/// use frontline::batch::stream_items;
/// let atom = r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
///   <entry><id>tag:x,2024:1</id><updated>2024-06-27T10:00:00Z</updated>
///     <content type="html">Russian forces shelled Kupiansk.</content></entry></feed>"#;
/// let items: Vec<_> = stream_items(atom.as_bytes(), "-", 10_000_000).unwrap().collect();
/// assert_eq!(items[0].id, "tag:x,2024:1");
/// let jsonl = "{\"id\": \"a\", \"text\": \"Kyiv.\"}\n";
/// assert_eq!(stream_items(jsonl.as_bytes(), "-", 100).unwrap().count(), 1);
/// ```
pub fn stream_items<R: BufRead + Send + 'static>(
    mut reader: R,
    name: &str,
    max_article_bytes: u64,
) -> Result<Box<dyn Iterator<Item = Item> + Send>> {
    let feed = crate::feed::is_feed_path(name) || {
        let head = loop {
            match reader.fill_buf() {
                Ok(head) => break head,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(source) => {
                    return Err(Error::Io {
                        path: name.into(),
                        source,
                    })
                }
            }
        };
        crate::feed::looks_like_feed(head)
    };
    Ok(if feed {
        Box::new(crate::feed::items(reader, name, max_article_bytes).map(Item::from))
    } else {
        Box::new(json_lines(reader, name, max_article_bytes))
    })
}

/// What a folder entry that is not a regular file is.
fn entry_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO, not a regular file";
        }
        if t.is_socket() {
            return "a socket, not a regular file";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device, not a regular file";
        }
    }
    if meta.is_dir() {
        "a directory, not a file"
    } else {
        "not a regular file"
    }
}

/// Reads one file of a folder as an article.
fn folder_item(path: PathBuf, max_article_bytes: u64) -> Item {
    use std::io::Read;
    let source = path.display().to_string();
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let io = |e| Error::Io {
        path: path.clone(),
        source: e,
    };
    let skipped = |reason: String| Error::Skipped {
        source: source.clone(),
        reason,
    };
    let read = || -> Result<Article> {
        let meta = match std::fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) => {
                let link =
                    std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
                return Err(if link {
                    skipped(format!("a link that cannot be followed ({e})"))
                } else {
                    io(e)
                });
            }
        };
        if !meta.is_file() {
            return Err(skipped(entry_kind(&meta).to_string()));
        }
        let too_large = || Error::TooLarge {
            source: source.clone(),
            max: max_article_bytes,
        };
        if meta.len() > max_article_bytes {
            return Err(too_large());
        }
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        std::fs::File::open(&path)
            .and_then(|f| {
                f.take(max_article_bytes.saturating_add(1))
                    .read_to_end(&mut bytes)
            })
            .map_err(io)?;
        if bytes.len() as u64 > max_article_bytes {
            return Err(too_large());
        }
        let markup = Markup::from_path(&path);
        let text = crate::document::utf8_text(bytes, &source)?;
        if text.trim().is_empty() {
            return Err(Error::EmptyArticle {
                source: source.clone(),
            });
        }
        let mut article = Article::new(text).with_format(markup).with_id(id.clone());
        // "2024-06-27-kharkiv.txt": the date the name begins with.
        article.meta.published = id
            .get(..10)
            .and_then(|d| crate::article::parse_date(d).ok());
        Ok(article)
    };
    let article = read();
    Item {
        source,
        id,
        article,
    }
}

/// Reads JSON Lines of articles; `name` names the input in messages. Blank
/// lines are skipped; a line that is not a JSON object with a `text` is an
/// item that failed, named by its line. Reads them all into memory: a batch
/// reads them a chunk at a time with [`json_lines`].
pub fn read_json_lines(reader: impl BufRead, name: &str) -> Vec<Item> {
    json_lines(reader, name, DEFAULT_MAX_ARTICLE_BYTES).collect()
}

/// JSON Lines of articles, each line read when the iterator reaches it, as
/// [`read_json_lines`] reads them. A line longer than `max_article_bytes`
/// is an item that failed ([`Error::TooLarge`]), skipped without being
/// held in memory.
pub fn json_lines<R: BufRead>(reader: R, name: &str, max_article_bytes: u64) -> JsonLines<R> {
    JsonLines {
        reader,
        name: name.to_string(),
        max_article_bytes,
        line: 0,
        buf: Vec::new(),
        done: false,
    }
}

/// JSON Lines of articles, read one line at a time; see [`json_lines`].
#[derive(Debug)]
pub struct JsonLines<R> {
    reader: R,
    name: String,
    max_article_bytes: u64,
    line: usize,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if self.done {
                return None;
            }
            self.line += 1;
            let n = self.line;
            let source = format!("{}:{n}", self.name);
            let failed = |id: String, article: Error| Item {
                source: source.clone(),
                id,
                article: Err(article),
            };
            match read_line_capped(&mut self.reader, &mut self.buf, self.max_article_bytes) {
                Err(e) => {
                    self.done = true;
                    let message = e.to_string();
                    return Some(failed(
                        format!("line-{n}"),
                        Error::Article {
                            source: source.clone(),
                            message,
                        },
                    ));
                }
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Ok(Some(true)) => {
                    let max = self.max_article_bytes;
                    return Some(failed(
                        format!("line-{n}"),
                        Error::TooLarge {
                            source: source.clone(),
                            max,
                        },
                    ));
                }
                Ok(Some(false)) => {
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(json_item(&self.buf, source, n));
                }
            }
        }
    }
}

/// Reads one line, without its `\n`, into `buf`, keeping at most `max`
/// bytes: `None` at the end of the input, else whether the line was longer
/// (its bytes are then read past and not kept).
fn read_line_capped(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    max: u64,
) -> std::io::Result<Option<bool>> {
    buf.clear();
    let mut too_long = false;
    let mut any = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(any.then_some(too_long));
        }
        any = true;
        let newline = available.iter().position(|&b| b == b'\n');
        let chunk = &available[..newline.unwrap_or(available.len())];
        if !too_long {
            if (buf.len() + chunk.len()) as u64 > max {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        let used = newline.map_or(available.len(), |i| i + 1);
        reader.consume(used);
        if newline.is_some() {
            return Ok(Some(too_long));
        }
    }
}

/// One line of JSON Lines as an item.
fn json_item(bytes: &[u8], source: String, n: usize) -> Item {
    let fail = |message: String, id: String| Item {
        id,
        article: Err(Error::Article {
            source: source.clone(),
            message,
        }),
        source: source.clone(),
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return fail("not UTF-8".into(), format!("line-{n}"));
    };
    let parsed: JsonArticle = match serde_json::from_str(text) {
        Ok(p) => p,
        Err(e) => return fail(format!("not a JSON article: {e}"), format!("line-{n}")),
    };
    let id = match parsed.id {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(v) if !v.is_null() => Some(v.to_string()),
        _ => None,
    };
    ArticleFields {
        id,
        text: parsed.text,
        published: parsed.published,
        title: parsed.title,
        url: parsed.url,
    }
    .into_item(source, n)
}

/// One article given by its fields, as a JSON line or a row of a table
/// (a pandas DataFrame) gives them: the same checks and messages for both.
///
/// ```
/// use frontline::batch::ArticleFields;
/// let fields = ArticleFields {
///     text: Some("Russian forces captured Robotyne.".into()),
///     published: Some("2024-06-27".into()),
///     ..Default::default()
/// };
/// let item = fields.into_item("row 1".into(), 1);
/// assert_eq!(item.id, "line-1");
/// assert_eq!(item.article.unwrap().meta.published.unwrap().to_string(), "2024-06-27");
///
/// let bad = ArticleFields { text: Some("Kyiv".into()), published: Some("27 June".into()), ..Default::default() };
/// let err = bad.into_item("row 2".into(), 2).article.unwrap_err();
/// assert_eq!(err.to_string(), "row 2: field `published`: \"27 June\" is not a date of the form YYYY-MM-DD");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleFields {
    /// The article's id.
    pub id: Option<String>,
    /// Its text: plain, Markdown or HTML (recognised by its first tag).
    pub text: Option<String>,
    /// Its publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// Its address.
    pub url: Option<String>,
}

impl ArticleFields {
    /// The article as an item of a batch; `source` names it in messages and
    /// `n`, counted from 1, gives it the id `line-N` when it has none. No
    /// text, or only white space, and a malformed date are the item's error.
    pub fn into_item(self, source: String, n: usize) -> Item {
        let id = self.id.unwrap_or_else(|| format!("line-{n}"));
        let Some(body) = self.text.filter(|t| !t.trim().is_empty()) else {
            return Item {
                id,
                article: Err(Error::Article {
                    source: source.clone(),
                    message: "no text".into(),
                }),
                source,
            };
        };
        let mut article = Article::new(body).with_id(id.clone());
        article.format = Markup::sniff(&article.text);
        article.meta.title = self.title;
        article.meta.url = self.url;
        let article = match self.published {
            Some(date) => article.with_published(&date).map_err(|e| Error::Article {
                source: source.clone(),
                message: format!("field `published`: {e}"),
            }),
            None => Ok(article),
        };
        Item {
            source,
            id,
            article,
        }
    }
}

/// Articles read in parallel before their layers are merged.
const CHUNK: usize = 256;

/// Reads one article and encodes its layers; a bad article is an outcome
/// with its error, not an error of the batch.
fn read_one(
    gaz: &Gazetteer,
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
    let found = extract_to(gaz, &article, depth);
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

/// The most bytes of an id kept in a file name; a longer id is cut there
/// and given a hash of the whole id, so that file names stay far below the
/// 255 bytes file systems allow.
pub const MAX_FILE_ID_BYTES: usize = 100;

/// Names that Windows reserves, with any extension, in any case.
const RESERVED_NAMES: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Makes ids safe for file names, in input order: letters, digits, `.`,
/// `_`, `-` (anything else becomes `_`); at most [`MAX_FILE_ID_BYTES`]
/// bytes, a longer id cut and given `-` and 16 hex digits of a stable hash
/// of the whole id; Windows' reserved names (`CON`, `NUL`, `COM1`, …)
/// prefixed with `_`; unique even where case does not count (macOS,
/// Windows): a repeated id gets `-2`, `-3`, ….
///
/// ```
/// use frontline::batch::FileIds;
/// let mut ids = FileIds::default();
/// assert_eq!(ids.next("a/b"), "a_b");
/// assert_eq!(ids.next("A/B"), "A_B-2");
/// assert_eq!(ids.next("con"), "_con");
/// assert!(ids.next(&"x".repeat(300)).len() <= 100 + 17);
/// ```
#[derive(Debug, Default)]
pub struct FileIds {
    /// The ids given so far, in lower case.
    seen: HashSet<String>,
}

impl FileIds {
    /// The file name id for the next article's id.
    pub fn next(&mut self, id: &str) -> String {
        let mut base: String = id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        if base.len() > MAX_FILE_ID_BYTES {
            // ASCII only: any byte is a char boundary.
            base.truncate(MAX_FILE_ID_BYTES);
            base.push_str(&format!("-{:016x}", fnv1a(id.as_bytes())));
        }
        if base.is_empty() || base.starts_with('.') {
            base = format!("article{base}");
        }
        let stem = base.split('.').next().unwrap_or_default();
        if RESERVED_NAMES.iter().any(|r| stem.eq_ignore_ascii_case(r)) {
            base.insert(0, '_');
        }
        let mut id = base.clone();
        let mut k = 2;
        while !self.seen.insert(id.to_ascii_lowercase()) {
            id = format!("{base}-{k}");
            k += 1;
        }
        id
    }
}

/// The 64-bit FNV-1a hash: stable across platforms and Rust versions.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
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
            let result = read_one(gaz, item, id, kinds, format);
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
    mut each: impl FnMut(&str, Result<crate::Extraction>),
) {
    let done: Result<()> = in_order_chunks(
        items,
        |item| {
            let found = item.article.map(|mut article| {
                article.meta.id.get_or_insert_with(|| item.id.clone());
                extract(gaz, &article)
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
