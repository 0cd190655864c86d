//! Article input: plain text, Markdown or simple HTML, reduced to the plain
//! text that recognition reads, with a map back to the input's offsets.

use crate::error::{Error, Result};

/// How an article's text is marked up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    /// Plain text.
    #[default]
    Text,
    /// Markdown: emphasis, headings, links and images are reduced to their text.
    Markdown,
    /// Simple HTML: tags are stripped, entities decoded; scripts, styles,
    /// navigation, footers, sidebars and forms dropped.
    Html,
}

impl Format {
    /// The format a file name's extension implies: `.md`/`.markdown` →
    /// Markdown, `.html`/`.htm` → HTML, anything else → plain text.
    ///
    /// ```
    /// use frontline::document::Format;
    /// assert_eq!(Format::from_path("a/b.html"), Format::Html);
    /// assert_eq!(Format::from_path("note.txt"), Format::Text);
    /// ```
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Format {
        match path
            .as_ref()
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("md" | "markdown") => Format::Markdown,
            Some("html" | "htm" | "xhtml") => Format::Html,
            _ => Format::Text,
        }
    }

    /// Guesses the format of text with no file name: HTML when it starts
    /// with a document's tag (`<!doctype`, `<html`) or with an element of
    /// a page's body, as a fragment cut from a page or a feed does
    /// (`<article>`, `<p>`, `<div class="story">`, `<h1>`; the element
    /// names in [`FRAGMENT_TAGS`]); plain text otherwise (Markdown reads
    /// fine as plain text).
    ///
    /// A byte-order mark and white space before the tag are skipped, and the
    /// tag's case does not matter.
    ///
    /// ```
    /// use frontline::document::Format;
    /// assert_eq!(Format::sniff("\u{FEFF}<html><p>Kyiv</p>"), Format::Html);
    /// assert_eq!(Format::sniff("  <!DOCTYPE html>"), Format::Html);
    /// assert_eq!(Format::sniff("<article><p>Kyiv</p></article>"), Format::Html);
    /// assert_eq!(Format::sniff("<P class=lead>Kyiv"), Format::Html);
    /// assert_eq!(Format::sniff("<Kyiv> is a tag no page has"), Format::Text);
    /// assert_eq!(Format::sniff("Kyiv <html>"), Format::Text);
    /// ```
    pub fn sniff(text: &str) -> Format {
        let head = text
            .trim_start_matches(|c: char| c == '\u{FEFF}' || c.is_whitespace())
            .as_bytes();
        let starts =
            |tag: &[u8]| head.len() >= tag.len() && head[..tag.len()].eq_ignore_ascii_case(tag);
        if starts(b"<!doctype") || starts(b"<html") || starts(b"<!--") || starts_with_element(head)
        {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// The elements whose opening tag, at the start of a text, makes it an
/// HTML fragment for [`Format::sniff`]: a page's body and the elements a
/// story's markup begins with.
pub const FRAGMENT_TAGS: &[&str] = &[
    "a",
    "article",
    "aside",
    "b",
    "blockquote",
    "body",
    "br",
    "div",
    "em",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "i",
    "img",
    "li",
    "main",
    "meta",
    "ol",
    "p",
    "picture",
    "section",
    "span",
    "strong",
    "table",
    "time",
    "title",
    "ul",
];

/// Whether `head` starts with the opening tag of one of [`FRAGMENT_TAGS`]:
/// `<`, the name in any case, then `>`, `/` or white space.
fn starts_with_element(head: &[u8]) -> bool {
    let Some(rest) = head.strip_prefix(b"<") else {
        return false;
    };
    let end = rest
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let (name, after) = rest.split_at(end);
    matches!(
        after.first(),
        Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r')
    ) && FRAGMENT_TAGS
        .iter()
        .any(|t| t.as_bytes().eq_ignore_ascii_case(name))
}

/// The plain text of an article and, for each of its characters, the offset
/// of the input character it came from.
///
/// Offsets everywhere in frontline count Unicode scalar values (chars) of the
/// **input**, end exclusive, so that a span can be highlighted in the file
/// the user gave, whatever its markup.
///
/// ```
/// use frontline::document::{Document, Format};
/// let doc = Document::new("<p>Near <b>Terny</b>&nbsp;today</p>", Format::Html);
/// assert_eq!(doc.text(), "\nNear Terny today\n");
/// let start = doc.text().find("Terny").unwrap();
/// // "Terny" starts at input character 11, after "<p>Near <b>".
/// assert_eq!(doc.input_offset(start), 11);
/// ```
#[derive(Clone, Debug)]
pub struct Document {
    text: String,
    offsets: Offsets,
}

/// How the plain text's byte offsets map to the input's char offsets.
#[derive(Clone, Debug)]
enum Offsets {
    /// Plain input: the char offset is the number of chars before the byte
    /// offset.
    Chars(CharCount),
    /// For each char of the text, the char offset in the input it came from
    /// (`origin`, one extra entry for the end), indexed by the text's char
    /// offset.
    Map {
        origin: Vec<usize>,
        chars: CharCount,
    },
}

/// The number of chars before each byte offset of a text, from the chars
/// wider than a byte alone: in English text, a few dashes and quotes.
#[derive(Clone, Debug)]
struct CharCount {
    /// For each char wider than a byte: the byte offset just past it, and
    /// the bytes beyond one per char up to there.
    wide: Vec<(usize, usize)>,
}

impl CharCount {
    fn new(text: &str) -> CharCount {
        let mut wide = Vec::new();
        if !text.is_ascii() {
            let mut extra = 0;
            for (b, c) in text.char_indices() {
                let width = c.len_utf8();
                if width > 1 {
                    extra += width - 1;
                    wide.push((b + width, extra));
                }
            }
        }
        CharCount { wide }
    }

    /// The number of chars before `byte`, a char boundary.
    fn before(&self, byte: usize) -> usize {
        let i = self.wide.partition_point(|&(end, _)| end <= byte);
        byte - i.checked_sub(1).map_or(0, |i| self.wide[i].1)
    }
}

/// The bytes of an article as text, or an error naming `source` and the
/// offset where the bytes stop being UTF-8; checks without building a
/// [`Document`] and without copying.
///
/// ```
/// use frontline::document::utf8_text;
/// assert_eq!(utf8_text(b"Kyiv".to_vec(), "a.txt").unwrap(), "Kyiv");
/// assert!(utf8_text(b"Kyiv \xff".to_vec(), "a.txt").is_err());
/// ```
pub fn utf8_text(bytes: Vec<u8>, source: &str) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        source: source.to_string(),
        byte: e.utf8_error().valid_up_to(),
    })
}

impl Document {
    /// Reads UTF-8 bytes, or says where they stop being UTF-8.
    pub fn from_bytes(bytes: &[u8], format: Format, source: &str) -> Result<Document> {
        let text = std::str::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
            source: source.to_string(),
            byte: e.valid_up_to(),
        })?;
        Ok(Document::new(text, format))
    }

    /// Reduces `input` to plain text.
    ///
    /// Whatever the format, names are made whole: a letter and the combining
    /// marks after it are composed (NFC: `o` + U+0308 → `ö`), the invisible
    /// joiners inside words dropped (zero-width joiner and non-joiner, word
    /// joiner, soft hyphen, byte-order mark), fullwidth forms folded to ASCII
    /// (`Ｋｙｉｖ` → `Kyiv`). Offsets still point into the input; text with
    /// none of these is left exactly as it is.
    ///
    /// ```
    /// use frontline::document::{Document, Format};
    /// let doc = Document::new("Near Pokro\u{308}vsk and Avd\u{200D}iivka", Format::Text);
    /// assert_eq!(doc.text(), "Near Pokrövsk and Avdiivka");
    /// let at = doc.text().find("Avdiivka").unwrap();
    /// assert_eq!(doc.input_offset(at), 19);
    /// assert_eq!(doc.input_offset(doc.text().len()), 28);
    /// ```
    pub fn new(input: &str, format: Format) -> Document {
        let read = Read::new(input, format);
        Document {
            text: read.text.into_owned(),
            offsets: read.offsets,
        }
    }

    /// The plain text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The input char offset of the plain text's byte offset `byte` (which
    /// must be a char boundary, or the text's length).
    pub fn input_offset(&self, byte: usize) -> usize {
        self.offsets.input_offset(byte)
    }
}

/// A [`Document`] that borrows its input where the plain text is the
/// input itself (plain text without odd Unicode, nearly every article):
/// what extraction reads, without a copy of the whole text.
pub(crate) struct Read<'a> {
    text: std::borrow::Cow<'a, str>,
    offsets: Offsets,
}

impl<'a> Read<'a> {
    /// `input` reduced to plain text, as [`Document::new`] reduces it.
    pub(crate) fn new(input: &'a str, format: Format) -> Read<'a> {
        let (text, origin) = match format {
            Format::Text => match fix_unicode(input, None) {
                None => {
                    return Read {
                        text: std::borrow::Cow::Borrowed(input),
                        offsets: Offsets::Chars(CharCount::new(input)),
                    };
                }
                Some(fixed) => fixed,
            },
            Format::Markdown => markdown(input),
            Format::Html => html(input),
        };
        let (text, origin) = match format {
            Format::Text => (text, origin),
            _ => fix_unicode(&text, Some(&origin)).unwrap_or((text, origin)),
        };
        let chars = CharCount::new(&text);
        Read {
            text: std::borrow::Cow::Owned(text),
            offsets: Offsets::Map { origin, chars },
        }
    }

    /// The plain text.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// As [`Document::input_offset`].
    pub(crate) fn input_offset(&self, byte: usize) -> usize {
        self.offsets.input_offset(byte)
    }
}

impl Offsets {
    fn input_offset(&self, byte: usize) -> usize {
        match self {
            Offsets::Chars(chars) => chars.before(byte),
            Offsets::Map { origin, chars } => origin[chars.before(byte)],
        }
    }
}

/// Invisible chars that join, or may sit inside, a word and are dropped:
/// zero-width non-joiner and joiner, word joiner, soft hyphen, and the
/// zero-width no-break space (a byte-order mark).
fn is_invisible_joiner(c: char) -> bool {
    matches!(
        c,
        '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{00AD}' | '\u{FEFF}'
    )
}

/// The ASCII form of a fullwidth char (U+FF01–U+FF5E, and the ideographic
/// space), if it is one.
fn fold_fullwidth(c: char) -> Option<char> {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        '\u{3000}' => Some(' '),
        _ => None,
    }
}

/// Whether a char is one [`fix_unicode`] changes or composes.
fn needs_fixing(c: char) -> bool {
    use unicode_normalization::{char::is_combining_mark, is_nfc_quick, IsNormalized};
    !c.is_ascii()
        && (is_invisible_joiner(c)
            || fold_fullwidth(c).is_some()
            || is_combining_mark(c)
            || !matches!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes))
}

/// Composes each char with the combining marks after it (NFC), drops
/// invisible joiners and folds fullwidth forms; `origin` maps the text's
/// chars to the input's (`None`: the text is the input). `None` when the
/// text has nothing to change, so that ordinary text stays as it is.
fn fix_unicode(text: &str, origin: Option<&[usize]>) -> Option<(String, Vec<usize>)> {
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    if text.is_ascii() || !text.chars().any(needs_fixing) {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let at = |k: usize| origin.map_or(k, |o| o[k]);
    let mut b = Builder::new(text.len());
    let mut cluster = String::new();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        if is_invisible_joiner(c) {
            k += 1;
            continue;
        }
        // The char and the combining marks after it (joiners among them
        // dropped), all mapped to the char's input offset.
        let mut j = k + 1;
        while j < chars.len() && (is_combining_mark(chars[j]) || is_invisible_joiner(chars[j])) {
            j += 1;
        }
        let from = at(k);
        if j == k + 1 && !needs_fixing(c) {
            b.push(c, from);
        } else {
            cluster.clear();
            cluster.extend(chars[k..j].iter().filter(|&&c| !is_invisible_joiner(c)));
            for n in cluster.nfc() {
                b.push(fold_fullwidth(n).unwrap_or(n), from);
            }
        }
        k = j;
    }
    Some(b.finish(at(chars.len())))
}

/// Builds plain text while remembering where each char came from.
struct Builder {
    text: String,
    origin: Vec<usize>,
}

impl Builder {
    fn new(capacity: usize) -> Builder {
        Builder {
            text: String::with_capacity(capacity),
            origin: Vec::with_capacity(capacity + 1),
        }
    }
    fn push(&mut self, c: char, from: usize) {
        self.text.push(c);
        self.origin.push(from);
    }
    fn finish(mut self, end: usize) -> (String, Vec<usize>) {
        self.origin.push(end);
        (self.text, self.origin)
    }
}

/// Markdown: drops emphasis marks, heading hashes, link targets and image
/// syntax, keeping the words where they were.
fn markdown(input: &str) -> (String, Vec<usize>) {
    let chars: Vec<char> = input.chars().collect();
    let mut b = Builder::new(input.len());
    let mut i = 0;
    let mut line_start = true;
    while i < chars.len() {
        let c = chars[i];
        if line_start && c == '#' {
            while i < chars.len() && chars[i] == '#' {
                i += 1;
            }
            line_start = false;
            continue;
        }
        line_start = c == '\n';
        match c {
            '*' | '_' | '`' => i += 1,
            '!' if chars.get(i + 1) == Some(&'[') => i += 1,
            ']' if chars.get(i + 1) == Some(&'(') => {
                // Skip the link target "(...)".
                i += 2;
                while i < chars.len() && chars[i] != ')' && chars[i] != '\n' {
                    i += 1;
                }
                i += 1;
            }
            '[' => i += 1,
            _ => {
                b.push(c, i);
                i += 1;
            }
        }
    }
    b.finish(chars.len())
}

/// Tags that end a line of text when they open or close.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "br",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "title",
    "hr",
    "figcaption",
];

/// Elements whose content is no part of the article: code, and a page's
/// navigation, footer, sidebars and forms ("Home · World · Kyiv", "© News
/// Corp, London").
const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button",
    "select", "svg", "iframe",
];

/// HTML: strips tags (block tags become line breaks), drops the content of
/// [`SKIPPED_TAGS`] and comments, decodes entities.
fn html(input: &str) -> (String, Vec<usize>) {
    let chars: Vec<char> = input.chars().collect();
    let mut b = Builder::new(input.len());
    let mut i = 0;
    // The next '>' at or after a position, searched for once: each '<'
    // asks for it, and rescanning to the end for every '<' of a text with
    // no '>' would take time quadratic in its length.
    let mut next_gt = NextChar::new('>');
    while i < chars.len() {
        match chars[i] {
            '<' => {
                // A '<' that no '>' closes is text, not a tag.
                let Some(close) = next_gt.at_or_after(&chars, i) else {
                    b.push('<', i);
                    i += 1;
                    continue;
                };
                let tag: String = chars[i + 1..close].iter().collect();
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if tag.starts_with("!--") {
                    i = find_str(&chars, i, "-->").map_or(chars.len(), |e| e + 3);
                    continue;
                }
                if SKIPPED_TAGS.contains(&name.as_str())
                    && !tag.starts_with('/')
                    && !tag.ends_with('/')
                {
                    let end_tag = format!("</{name}");
                    i = find_str(&chars, close, &end_tag)
                        .and_then(|e| find(&chars, e, '>'))
                        .map_or(chars.len(), |e| e + 1);
                    continue;
                }
                if BLOCK_TAGS.contains(&name.as_str()) {
                    b.push('\n', i);
                }
                i = close + 1;
            }
            '&' => {
                let end =
                    (i + 1..chars.len().min(i + 2 + MAX_ENTITY_CHARS)).find(|&j| chars[j] == ';');
                let decoded = end.and_then(|e| {
                    let entity: String = chars[i + 1..e].iter().collect();
                    decode_entity(&entity).map(|c| (c, e))
                });
                match decoded {
                    Some((Entity::Char(c), e)) => {
                        b.push(c, i);
                        i = e + 1;
                    }
                    Some((Entity::Chars(text), e)) => {
                        for c in text.chars() {
                            b.push(c, i);
                        }
                        i = e + 1;
                    }
                    None => {
                        b.push('&', i);
                        i += 1;
                    }
                }
            }
            c => {
                b.push(c, i);
                i += 1;
            }
        }
    }
    b.finish(chars.len())
}

/// Finds the next occurrence of one char at or after positions that only
/// grow, looking at each char of the text at most once in all.
struct NextChar {
    c: char,
    /// The last answer, and the position the text was searched from for it:
    /// `None` means no occurrence at or after `searched_from`.
    found: Option<usize>,
    searched_from: usize,
    searched: bool,
}

impl NextChar {
    fn new(c: char) -> NextChar {
        NextChar {
            c,
            found: None,
            searched_from: 0,
            searched: false,
        }
    }

    /// The first position at or after `from` holding the char.
    fn at_or_after(&mut self, chars: &[char], from: usize) -> Option<usize> {
        if self.searched && from >= self.searched_from {
            match self.found {
                // None after an earlier position: none after this one.
                None => return None,
                Some(at) if at >= from => return Some(at),
                Some(_) => {}
            }
        }
        self.found = find(chars, from, self.c);
        self.searched_from = from;
        self.searched = true;
        self.found
    }
}

fn find(chars: &[char], from: usize, c: char) -> Option<usize> {
    (from..chars.len()).find(|&j| chars[j] == c)
}

fn find_str(chars: &[char], from: usize, s: &str) -> Option<usize> {
    let pat: Vec<char> = s.chars().collect();
    (from..chars.len().saturating_sub(pat.len() - 1)).find(|&j| {
        chars[j..j + pat.len()]
            .iter()
            .zip(&pat)
            .all(|(a, b)| a.eq_ignore_ascii_case(b))
    })
}

/// The longest entity name HTML5 has, `CounterClockwiseContourIntegral`,
/// in chars: an `&` whose `;` is further on starts no entity.
const MAX_ENTITY_CHARS: usize = 31;

/// What an entity stands for: one char, or (for a few HTML5 names) more.
enum Entity {
    Char(char),
    Chars(&'static str),
}

/// Decodes a named or numeric HTML entity (without `&` and `;`): the
/// common names first (with `&nbsp;` read as a plain space, as frontline
/// always has), then every named character reference of HTML5
/// ([`html5_entity`]); numeric references in 128–159 are read as Windows-1252,
/// as HTML5 says (`&#146;` is `’`, as old pages and feeds write it).
fn decode_entity(entity: &str) -> Option<Entity> {
    if let Some(num) = entity.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return windows_1252(code)
            .or_else(|| char::from_u32(code))
            .map(Entity::Char);
    }
    Some(Entity::Char(match entity {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "shy" => '\u{AD}',
        _ => {
            let text = html5_entity(entity)?;
            let mut chars = text.chars();
            return match (chars.next(), chars.next()) {
                (Some(c), None) => Some(Entity::Char(c)),
                _ => Some(Entity::Chars(text)),
            };
        }
    }))
}

/// The text of one of HTML5's 2,125 named character references, by its
/// name without `&` and `;` (case counts: `&Kappa;` is `Κ`, `&kappa;` is
/// `κ`); `None` for a name HTML5 does not define.
///
/// ```
/// use frontline::document::html5_entity;
/// assert_eq!(html5_entity("rsquo"), Some("’"));
/// assert_eq!(html5_entity("nbsp"), Some("\u{A0}"));
/// assert_eq!(html5_entity("nosuchname"), None);
/// ```
pub fn html5_entity(name: &str) -> Option<&'static str> {
    use crate::html_entities::ENTITIES;
    let i = ENTITIES.binary_search_by(|&(n, _)| n.cmp(name)).ok()?;
    Some(ENTITIES[i].1)
}

/// The char HTML5 reads a numeric reference in 128–159 as: the
/// Windows-1252 char of that byte (those it defines).
fn windows_1252(code: u32) -> Option<char> {
    const CHARS: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    let i = code.checked_sub(0x80)?;
    CHARS.get(i as usize).copied()
}

#[cfg(test)]
mod tests {
    #[test]
    fn chars_are_counted_before_every_char_boundary() {
        let text = "Kyiv — «Київ», Zaporizhzhia’s 🙂 front; end";
        let count = super::CharCount::new(text);
        for b in (0..=text.len()).filter(|&b| text.is_char_boundary(b)) {
            assert_eq!(count.before(b), text[..b].chars().count(), "byte {b}");
        }
        let ascii = super::CharCount::new("Avdiivka");
        assert!(ascii.wide.is_empty());
        assert_eq!(ascii.before(4), 4);
    }

    use super::*;

    #[test]
    fn plain_text_is_read_in_place_and_anything_else_as_a_document_reads_it() {
        let input = "Shelling near Kupiansk, Kharkiv Oblast.";
        let read = Read::new(input, Format::Text);
        assert!(std::ptr::eq(read.text(), input));
        for (input, format) in [
            ("Near Pokro\u{308}vsk and Avd\u{200D}iivka", Format::Text),
            ("<p>Near <b>Terny</b>&nbsp;today</p>", Format::Html),
            ("Near [Terny](https://example.org) today", Format::Markdown),
        ] {
            let (read, doc) = (Read::new(input, format), Document::new(input, format));
            assert_eq!(read.text(), doc.text());
            for b in (0..=doc.text().len()).filter(|&b| doc.text().is_char_boundary(b)) {
                assert_eq!(read.input_offset(b), doc.input_offset(b));
            }
        }
    }

    #[test]
    fn plain_text_offsets_are_the_identity() {
        let doc = Document::new("Kyiv’s", Format::Text);
        assert_eq!(doc.input_offset(0), 0);
        assert_eq!(doc.input_offset("Kyiv’".len()), 5);
    }

    #[test]
    fn ascii_text_offsets_are_its_byte_offsets() {
        let text = "Near Terny, east of Lyman.";
        let doc = Document::new(text, Format::Text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(doc.input_offset(byte), chars);
        }
        assert_eq!(doc.input_offset(text.len()), text.len());
    }

    #[test]
    fn html_entities_are_decoded_and_offsets_point_into_the_input() {
        let doc = Document::new("A&amp;B <i>Lyptsi</i>", Format::Html);
        assert_eq!(doc.text(), "A&B Lyptsi");
        let at = doc.text().find("Lyptsi").unwrap();
        assert_eq!(doc.input_offset(at), 11);
    }

    #[test]
    fn an_unclosed_angle_bracket_is_text() {
        let doc = Document::new("a < b <p", Format::Html);
        assert_eq!(doc.text(), "a < b <p");
    }

    #[test]
    fn navigation_footers_and_sidebars_are_dropped() {
        let doc = Document::new(
            "<nav><a>Kyiv</a></nav><aside>Odesa</aside><p>Sumy</p><footer>London</footer>",
            Format::Html,
        );
        assert_eq!(doc.text().trim(), "Sumy");
    }

    #[test]
    fn scripts_styles_and_comments_are_dropped() {
        let doc = Document::new(
            "<style>p{}</style><script>var Kyiv=1;</script><!-- Kharkiv -->Sumy",
            Format::Html,
        );
        assert_eq!(doc.text(), "Sumy");
    }

    #[test]
    fn markdown_links_keep_their_text_only() {
        let doc = Document::new(
            "## Fighting near [Chasiv Yar](http://x.y/z) **today**",
            Format::Markdown,
        );
        assert_eq!(doc.text(), " Fighting near Chasiv Yar today");
        let at = doc.text().find("Chasiv").unwrap();
        assert_eq!(doc.input_offset(at), 18);
    }

    #[test]
    fn bytes_that_are_not_utf8_are_an_error_naming_the_source() {
        let err = Document::from_bytes(b"Kyiv \xff", Format::Text, "a.txt").unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.txt: not UTF-8 (invalid byte at offset 5)"
        );
    }

    #[test]
    fn a_fragment_cut_from_a_page_is_html() {
        for fragment in [
            "<article><h1>Kyiv</h1></article>",
            "\n  <p>Near Terny</p>",
            "<DIV class=\"story\">Sumy</DIV>",
            "<section\n id=x>Sumy</section>",
            "<!-- story --><p>Sumy</p>",
        ] {
            assert_eq!(Format::sniff(fragment), Format::Html, "{fragment}");
        }
        for text in ["<Terny> is no tag", "<pre-war>", "Kyiv <p>", "<3 Kyiv", "<"] {
            assert_eq!(Format::sniff(text), Format::Text, "{text}");
        }
    }

    #[test]
    fn common_named_entities_decode_with_offsets_at_the_ampersand() {
        let doc = Document::new(
            "<p>Kam&rsquo;ianka &ldquo;held&rdquo;&nbsp;&mdash; A&amp;B &euro;5 &hellip;</p>",
            Format::Html,
        );
        assert_eq!(doc.text(), "\nKam’ianka “held” — A&B €5 …\n");
        let at = doc.text().find("ianka").unwrap();
        // "<p>Kam&rsquo;" is 13 input chars: "ianka" starts at 13.
        assert_eq!(doc.input_offset(at), 13);
    }

    #[test]
    fn every_html5_named_entity_and_numeric_references_decode() {
        let doc = Document::new(
            "&CounterClockwiseContourIntegral; &Kappa; &NotEqualTilde; &#8217; &#x2019; &#146; &#150;",
            Format::Html,
        );
        assert_eq!(doc.text(), "∳ Κ ≂\u{338} ’ ’ ’ –");
        // The two chars of one entity both point at its ampersand.
        let at = doc.text().find('≂').unwrap();
        assert_eq!(doc.input_offset(at), 42);
        assert_eq!(doc.input_offset(at + '≂'.len_utf8()), 42);
    }

    #[test]
    fn the_entity_table_is_sorted_and_complete() {
        let names: Vec<&str> = crate::html_entities::ENTITIES.iter().map(|e| e.0).collect();
        assert!(names.windows(2).all(|w| w[0] < w[1]));
        // HTML5 defines 2,231 names, 2,125 of them with their `;`.
        assert_eq!(names.len(), 2125);
    }

    #[test]
    fn an_unknown_or_unclosed_entity_stays_as_written() {
        let doc = Document::new("AT&T; R&D &nosuchname; &amp", Format::Html);
        assert_eq!(doc.text(), "AT&T; R&D &nosuchname; &amp");
    }
}
