//! RSS and Atom feeds as articles: each item (RSS 2.0, RSS 1.0) or entry
//! (Atom) is one article.
//!
//! | article | RSS | Atom |
//! |---|---|---|
//! | id | `guid`, else `link` | `id`, else the link |
//! | title | `title` | `title` |
//! | url | `link` | the `link` whose `rel` is `alternate` or absent |
//! | published | `pubDate`, else `dc:date` | `published`, else `updated` |
//! | text | `content:encoded`, else `description` | `content`, else `summary` |
//!
//! The text is read as HTML (tags dropped, entities decoded; Atom's
//! `type="text"` as plain text); `published` takes RFC 2822 and RFC 3339
//! timestamps and dates ([`crate::published`]). An item with no id or link
//! is `STEM-N` (the feed file's stem and the item's number). Elements of
//! other vocabularies (`media:title`, `dc:creator`) are ignored.
//!
//! A feed is read as a stream, one item at a time, so memory does not grow
//! with its size. A bad item (no text, a malformed date, text over the size
//! limit) is an entry that failed, named by the feed and its number
//! (`news.rss: item 3`), and the items after it are read; XML that is not
//! well formed ends the feed there, with an entry that says where. Feeds
//! must be UTF-8, as articles must.

use std::io::BufRead;

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

use crate::article::Article;
use crate::document::{Document, Format};
use crate::error::{Error, Result};

const ATOM: &[u8] = b"http://www.w3.org/2005/Atom";
const RSS_1: &[u8] = b"http://purl.org/rss/1.0/";
const RSS_09: &[u8] = b"http://my.netscape.com/rdf/simple/0.9/";
const CONTENT: &[u8] = b"http://purl.org/rss/1.0/modules/content/";
const DUBLIN_CORE: &[u8] = b"http://purl.org/dc/elements/1.1/";

/// Whether the start of a text is a feed's: XML (`<?xml`), or the root of
/// an RSS (`<rss`, `<rdf:RDF`) or Atom (`<feed`) document, after any
/// byte-order mark and white space. JSON Lines begin with `{`.
///
/// ```
/// use frontline::feed::looks_like_feed;
/// assert!(looks_like_feed(b"<?xml version=\"1.0\"?><rss>"));
/// assert!(looks_like_feed(b"\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
/// assert!(!looks_like_feed(b"{\"id\": \"a\", \"text\": \"Kyiv\"}"));
/// ```
pub fn looks_like_feed(head: &[u8]) -> bool {
    let head = head.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace());
    let head = &head[start.unwrap_or(head.len())..];
    [&b"<?xml"[..], b"<rss", b"<rdf:RDF", b"<feed"]
        .iter()
        .any(|p| head.len() >= p.len() && head[..p.len()].eq_ignore_ascii_case(p))
}

/// Whether a file name's extension is a feed's: `.rss`, `.atom`, `.xml`.
///
/// ```
/// assert!(frontline::feed::is_feed_path("news/kyiv.RSS"));
/// assert!(!frontline::feed::is_feed_path("news/kyiv.html"));
/// ```
pub fn is_feed_path(path: impl AsRef<std::path::Path>) -> bool {
    path.as_ref()
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "rss" | "atom" | "xml"))
}

/// One item of a feed: where it is, its id, and the article or why it
/// cannot be read.
#[derive(Debug)]
pub struct FeedEntry {
    /// The feed and the item's number, from 1: `news.rss: item 3`.
    pub source: String,
    /// The item's id as the feed gives it (made safe for file names by a
    /// batch, as every id is).
    pub id: String,
    /// The article, or what is wrong with the item.
    pub article: Result<Article>,
}

/// The items of a feed read from `reader`, one at a time; `source` names
/// the feed in messages and its stem gives the ids of items with none.
/// An item's text over `max_article_bytes` is an item that failed
/// ([`Error::TooLarge`]).
///
/// ```
/// use frontline::feed::items;
/// let rss = r#"<rss version="2.0"><channel><title>News</title>
///   <item><guid>a1</guid><title>Kharkiv</title><link>https://example.org/a1</link>
///     <pubDate>Thu, 27 Jun 2024 10:00:00 +0000</pubDate>
///     <description>&lt;p&gt;Russian forces shelled Kharkiv.&lt;/p&gt;</description></item>
///   <item><guid>a2</guid><pubDate>someday</pubDate><description>Sumy.</description></item>
/// </channel></rss>"#;
/// let entries: Vec<_> = items(rss.as_bytes(), "news.rss", 10_000_000).collect();
/// let first = entries[0].article.as_ref().unwrap();
/// assert_eq!(first.meta.id.as_deref(), Some("a1"));
/// assert_eq!(first.meta.published.unwrap().to_string(), "2024-06-27");
/// assert_eq!(first.text, "<p>Russian forces shelled Kharkiv.</p>");
/// let e = entries[1].article.as_ref().unwrap_err().to_string();
/// assert!(e.starts_with("news.rss: item 2: field `pubDate`: \"someday\" is not a date"));
/// ```
pub fn items<R: BufRead>(reader: R, source: &str, max_article_bytes: u64) -> FeedItems<R> {
    let mut reader = NsReader::from_reader(reader);
    reader.config_mut().check_end_names = true;
    let stem = std::path::Path::new(source)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "feed".into());
    FeedItems {
        reader,
        buf: Vec::new(),
        source: source.to_string(),
        stem,
        max: max_article_bytes,
        items: 0,
        state: State::BeforeRoot,
    }
}

/// The items of a feed, read one at a time; see [`items`].
pub struct FeedItems<R> {
    reader: NsReader<R>,
    buf: Vec<u8>,
    source: String,
    stem: String,
    max: u64,
    /// Items met so far.
    items: usize,
    state: State,
}

impl<R> std::fmt::Debug for FeedItems<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FeedItems")
            .field("source", &self.source)
            .field("items", &self.items)
            .finish_non_exhaustive()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    BeforeRoot,
    InFeed,
    Done,
}

/// What one child element of an item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Id,
    Guid,
    Title,
    Link,
    PubDate,
    Published,
    DcDate,
    Updated,
    Encoded,
    Content,
    Description,
    Summary,
}

impl Field {
    /// The element's name as the feed writes it, for messages.
    fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Guid => "guid",
            Field::Title => "title",
            Field::Link => "link",
            Field::PubDate => "pubDate",
            Field::Published => "published",
            Field::DcDate => "dc:date",
            Field::Updated => "updated",
            Field::Encoded => "content:encoded",
            Field::Content => "content",
            Field::Description => "description",
            Field::Summary => "summary",
        }
    }

    fn of(ns: &ResolveResult, local: &[u8]) -> Option<Field> {
        let ns: &[u8] = match ns {
            ResolveResult::Bound(n) => n.as_ref(),
            ResolveResult::Unbound => b"",
            ResolveResult::Unknown(_) => return None,
        };
        if ns.is_empty() || ns == ATOM || ns == RSS_1 || ns == RSS_09 {
            return Some(match local {
                b"id" => Field::Id,
                b"guid" => Field::Guid,
                b"title" => Field::Title,
                b"link" => Field::Link,
                b"pubDate" => Field::PubDate,
                b"published" => Field::Published,
                b"updated" => Field::Updated,
                b"content" => Field::Content,
                b"description" => Field::Description,
                b"summary" => Field::Summary,
                _ => return None,
            });
        }
        match (ns, local) {
            (CONTENT, b"encoded") => Some(Field::Encoded),
            (DUBLIN_CORE, b"date") => Some(Field::DcDate),
            _ => None,
        }
    }
}

/// The fields of one item as read: each the first of its kind.
#[derive(Default)]
struct Raw {
    fields: Vec<(Field, String, Format)>,
    /// Atom's `<link href>` (rel `alternate` or none).
    href: Option<String>,
    too_large: bool,
}

impl Raw {
    fn get(&self, f: Field) -> Option<(&str, Format)> {
        self.fields
            .iter()
            .find(|(g, t, _)| *g == f && !t.trim().is_empty())
            .map(|(_, t, fmt)| (t.trim(), *fmt))
    }
}

impl<R: BufRead> Iterator for FeedItems<R> {
    type Item = FeedEntry;

    fn next(&mut self) -> Option<FeedEntry> {
        loop {
            if self.state == State::Done {
                return None;
            }
            self.buf.clear();
            let event = match self.reader.read_resolved_event_into(&mut self.buf) {
                Ok((ns, event)) => (ns_kind(&ns), event.into_owned()),
                Err(e) => return self.broken(&e.to_string()),
            };
            match event {
                (_, Event::Eof) => {
                    let state = std::mem::replace(&mut self.state, State::Done);
                    if state == State::BeforeRoot {
                        return Some(self.not_a_feed("it has no root element"));
                    }
                    return None;
                }
                (_, Event::Start(e)) if self.state == State::BeforeRoot => {
                    let local = e.local_name();
                    if matches!(local.as_ref(), b"rss" | b"RDF" | b"feed") {
                        self.state = State::InFeed;
                    } else {
                        self.state = State::Done;
                        let root = String::from_utf8_lossy(local.as_ref()).into_owned();
                        return Some(self.not_a_feed(&format!(
                            "its root element is <{root}>, not <rss>, <rdf:RDF> or <feed>"
                        )));
                    }
                }
                (_, Event::Empty(_)) if self.state == State::BeforeRoot => {
                    self.state = State::Done;
                    return Some(self.not_a_feed("its root element is empty"));
                }
                (Some(true), Event::Start(e))
                    if matches!(e.local_name().as_ref(), b"item" | b"entry") =>
                {
                    self.items += 1;
                    return Some(match self.read_item() {
                        Ok(raw) => self.entry(raw),
                        Err(message) => {
                            self.state = State::Done;
                            self.failed(message)
                        }
                    });
                }
                _ => {}
            }
        }
    }
}

/// Whether a resolved namespace is one whose `item`/`entry` is a feed's
/// item (no namespace, Atom, RSS 1.0 or 0.9); `None` for an unknown prefix.
fn ns_kind(ns: &ResolveResult) -> Option<bool> {
    match ns {
        ResolveResult::Unbound => Some(true),
        ResolveResult::Bound(n) => {
            let n = n.as_ref();
            Some(n == ATOM || n == RSS_1 || n == RSS_09)
        }
        ResolveResult::Unknown(_) => None,
    }
}

impl<R: BufRead> FeedItems<R> {
    /// The source of the current item.
    fn item_source(&self) -> String {
        format!("{}: item {}", self.source, self.items)
    }

    fn failed(&self, message: String) -> FeedEntry {
        let source = self.item_source();
        FeedEntry {
            id: format!("{}-{}", self.stem, self.items),
            article: Err(Error::Article {
                source: source.clone(),
                message,
            }),
            source,
        }
    }

    fn not_a_feed(&self, why: &str) -> FeedEntry {
        FeedEntry {
            source: self.source.clone(),
            id: self.stem.clone(),
            article: Err(Error::Article {
                source: self.source.clone(),
                message: format!("not an RSS or Atom feed: {why}"),
            }),
        }
    }

    /// XML that is not well formed: the feed ends here, with an entry
    /// that says where.
    fn broken(&mut self, what: &str) -> Option<FeedEntry> {
        let state = std::mem::replace(&mut self.state, State::Done);
        let at = self.reader.buffer_position();
        let message = format!("not well-formed XML near byte {at}: {what}");
        Some(if state == State::BeforeRoot {
            FeedEntry {
                source: self.source.clone(),
                id: self.stem.clone(),
                article: Err(Error::Article {
                    source: self.source.clone(),
                    message,
                }),
            }
        } else {
            self.items += 1;
            self.failed(message)
        })
    }

    /// Reads an item's children up to its end tag.
    fn read_item(&mut self) -> std::result::Result<Raw, String> {
        let mut raw = Raw::default();
        // The child being read, its text so far, and the depth inside it.
        let mut current: Option<(Field, String, Format)> = None;
        let mut depth = 0usize;
        let max = self.max;
        loop {
            self.buf.clear();
            let (ns, event) = match self.reader.read_resolved_event_into(&mut self.buf) {
                Ok(read) => read,
                Err(e) => {
                    let at = self.reader.buffer_position();
                    return Err(format!("not well-formed XML near byte {at}: {e}"));
                }
            };
            let push = |raw: &mut Raw, text: &mut String, s: &str| {
                if (text.len() + s.len()) as u64 > max {
                    raw.too_large = true;
                } else {
                    text.push_str(s);
                }
            };
            match event {
                Event::Start(e) if depth == 0 => {
                    depth = 1;
                    let field = Field::of(&ns, e.local_name().as_ref());
                    if field == Some(Field::Link) {
                        take_href(&mut raw, &e);
                    }
                    current = field.map(|f| (f, String::new(), format_of(f, &e)));
                }
                Event::Empty(e)
                    if depth == 0
                        && Field::of(&ns, e.local_name().as_ref()) == Some(Field::Link) =>
                {
                    take_href(&mut raw, &e);
                }
                Event::Empty(_) if depth == 0 => {}
                Event::End(_) if depth == 0 => return Ok(raw),
                Event::End(e) => {
                    depth -= 1;
                    if depth == 0 {
                        raw.fields.extend(current.take());
                    } else if let Some((_, text, _)) = &mut current {
                        let tag = format!("</{}>", String::from_utf8_lossy(e.name().as_ref()));
                        push(&mut raw, text, &tag);
                    }
                }
                // Markup inside a child (Atom's XHTML content): kept as tags.
                Event::Start(e) => {
                    depth += 1;
                    if let Some((_, text, _)) = &mut current {
                        push(
                            &mut raw,
                            text,
                            &format!("<{}>", String::from_utf8_lossy(&e)),
                        );
                    }
                }
                Event::Empty(e) => {
                    if let Some((_, text, _)) = &mut current {
                        push(
                            &mut raw,
                            text,
                            &format!("<{}/>", String::from_utf8_lossy(&e)),
                        );
                    }
                }
                Event::Text(t) => {
                    if let Some((field, text, _)) = &mut current {
                        let s = t
                            .unescape_with(crate::document::html5_entity)
                            .map_err(|e| format!("field `{}`: {e}", field.name()))?;
                        push(&mut raw, text, &s);
                    }
                }
                Event::CData(c) => {
                    if let Some((field, text, _)) = &mut current {
                        let s = std::str::from_utf8(&c)
                            .map_err(|_| format!("field `{}`: not UTF-8", field.name()))?;
                        push(&mut raw, text, s);
                    }
                }
                Event::Eof => return Err("the feed ends inside the item".into()),
                _ => {}
            }
        }
    }

    /// The article of an item, or why it has none.
    fn entry(&self, raw: Raw) -> FeedEntry {
        let source = self.item_source();
        let link = raw
            .get(Field::Link)
            .map(|(t, _)| t.to_string())
            .or_else(|| raw.href.clone());
        let id = raw
            .get(Field::Guid)
            .or_else(|| raw.get(Field::Id))
            .map(|(t, _)| t.to_string())
            .or_else(|| link.clone())
            .unwrap_or_else(|| format!("{}-{}", self.stem, self.items));
        let fail = |message: String| FeedEntry {
            source: source.clone(),
            id: id.clone(),
            article: Err(Error::Article {
                source: source.clone(),
                message,
            }),
        };
        if raw.too_large {
            return FeedEntry {
                source: source.clone(),
                id: id.clone(),
                article: Err(Error::TooLarge {
                    source: source.clone(),
                    max: self.max,
                }),
            };
        }
        let text = [
            Field::Encoded,
            Field::Content,
            Field::Description,
            Field::Summary,
        ]
        .into_iter()
        .find_map(|f| raw.get(f));
        let Some((text, format)) = text else {
            return fail(
                "the item has no text (no content:encoded, content, description or summary)".into(),
            );
        };
        let mut article = Article::new(text).with_format(format).with_id(id.clone());
        if let Some((title, _)) = raw.get(Field::Title) {
            article.meta.title = Some(plain(title));
        }
        article.meta.url = link;
        let date = [
            Field::PubDate,
            Field::Published,
            Field::DcDate,
            Field::Updated,
        ]
        .into_iter()
        .find_map(|f| raw.get(f).map(|(t, _)| (f, t)));
        if let Some((field, date)) = date {
            match crate::published::parse_published(date) {
                Ok(p) => {
                    article.meta.published = Some(p.date);
                    article.meta.published_at = p.at;
                }
                Err(e) => return fail(format!("field `{}`: {e}", field.name())),
            }
        }
        FeedEntry {
            source,
            id,
            article: Ok(article),
        }
    }
}

/// How a child's text is marked up: HTML, but plain text for Atom's
/// `type="text"` and for ids, links and dates.
fn format_of(field: Field, e: &BytesStart) -> Format {
    match field {
        Field::Encoded | Field::Description => Format::Html,
        Field::Content | Field::Summary | Field::Title => {
            let kind = e
                .try_get_attribute("type")
                .ok()
                .flatten()
                .map(|a| a.value.into_owned());
            match kind.as_deref() {
                Some(b"text") => Format::Text,
                _ => Format::Html,
            }
        }
        _ => Format::Text,
    }
}

/// Atom's `<link href="…">`: the first whose `rel` is `alternate` or absent.
fn take_href(raw: &mut Raw, e: &BytesStart) {
    if raw.href.is_some() {
        return;
    }
    let attr = |name: &str| {
        e.try_get_attribute(name)
            .ok()
            .flatten()
            .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
    };
    if attr("rel").is_some_and(|r| r != "alternate") {
        return;
    }
    raw.href = attr("href").filter(|h| !h.trim().is_empty());
}

/// A title as plain text: markup dropped, entities decoded, white space
/// run together.
fn plain(title: &str) -> String {
    let text = if title.contains(['<', '&']) {
        Document::new(title, Format::Html).text().to_string()
    } else {
        title.to_string()
    };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
