//! Where a batch's articles come from: a folder (articles and feeds), JSON
//! Lines, a feed on a stream, or fields a caller hands over
//! ([`ArticleFields`]); each yields [`Item`]s, lazily, each failure named by
//! its file and line or item.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::Item;
use crate::article::Article;
use crate::document::Format as Markup;
use crate::error::{Error, Result};

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
/// assert!(err.to_string().starts_with("row 2: field `published`: \"27 June\" is not a date (YYYY-MM-DD)"));
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
