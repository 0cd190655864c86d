//! Errors, each naming what was wrong and where.

use std::fmt;
use std::path::PathBuf;

/// Everything that can go wrong in frontline, with the file, line and field
/// where it went wrong when there is one.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read or written.
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A row of a user's extra gazetteer file is malformed.
    ExtraGazetteer {
        /// The file.
        path: PathBuf,
        /// The 1-based line number in the file (the header is line 1).
        line: u64,
        /// The column at fault.
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// A name to resolve is empty or only punctuation.
    EmptyName,
    /// A name to resolve is longer than any place name.
    NameTooLong {
        /// Its length in characters.
        chars: usize,
        /// The longest name accepted.
        max: usize,
    },
    /// A region given as a hint (`--admin1`) names no first-level region.
    UnknownRegion(String),
    /// A country given as a hint (`--country`) is no country code or name.
    UnknownCountry(String),
    /// An article's bytes are not UTF-8.
    NotUtf8 {
        /// The file or article it came from.
        source: String,
        /// The byte offset of the first invalid byte.
        byte: usize,
    },
    /// A gold annotation file is malformed.
    BadGold {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A gazetteer data file ([`crate::Gazetteer::from_path`]) cannot be
    /// used.
    GazetteerFile {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// A date is not `YYYY-MM-DD`.
    BadDate(String),
    /// A publication date is neither a date nor a timestamp frontline reads
    /// (see [`crate::published`]).
    BadTimestamp(String),
    /// An article of a batch cannot be read.
    Article {
        /// The file, or `FILE:LINE` for JSON Lines.
        source: String,
        /// What is wrong.
        message: String,
    },
    /// A row of a baseline file is malformed.
    Baseline {
        /// Where: `FILE:LINE` or `FILE: feature N`.
        source: String,
        /// The field at fault.
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// An article has no text.
    EmptyArticle {
        /// The file or article it came from.
        source: String,
    },
    /// An article is larger than the limit set for one article
    /// (`--max-article-bytes`).
    TooLarge {
        /// The file, `FILE:LINE` for JSON Lines, or `stdin`.
        source: String,
        /// The limit, in bytes.
        max: u64,
    },
    /// A folder entry named like an article that is no file to read: a
    /// directory, a link that leads nowhere, a FIFO. A batch lists it as
    /// skipped, not failed.
    Skipped {
        /// The entry.
        source: String,
        /// What it is, or why it cannot be followed.
        reason: String,
    },
    /// A layer read back ([`crate::layer::read`]) is not one frontline
    /// writes: not GeoJSON, or a feature whose properties or geometry do
    /// not fit the layer's.
    Layer {
        /// What is wrong, and in which feature.
        message: String,
    },
    /// A layer given to `render` cannot be drawn: missing, not GeoJSON, a
    /// folder without layers, a bad option.
    Render {
        /// The file or folder, or the option.
        source: String,
        /// What is wrong.
        message: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::ExtraGazetteer {
                path,
                line,
                field,
                message,
            } => write!(
                f,
                "{}: line {line}: field `{field}`: {message}",
                path.display()
            ),
            Error::EmptyName => write!(f, "the name is empty"),
            Error::NameTooLong { chars, max } => write!(
                f,
                "the name is {chars} characters long; place names have at most {max}"
            ),
            Error::UnknownRegion(r) => write!(f, "no first-level region named {r:?}"),
            Error::UnknownCountry(c) => write!(f, "no country with the code or name {c:?}"),
            Error::NotUtf8 { source, byte } => {
                write!(f, "{source}: not UTF-8 (invalid byte at offset {byte})")
            }
            Error::BadGold { path, message } => write!(f, "{}: {message}", path.display()),
            Error::GazetteerFile { path, message } => write!(f, "{}: {message}", path.display()),
            Error::BadDate(d) => write!(f, "{d:?} is not a date of the form YYYY-MM-DD"),
            Error::BadTimestamp(d) => write!(
                f,
                "{d:?} is not a date (YYYY-MM-DD) or a timestamp \
                 (RFC 3339: 2024-06-27T10:00:00Z; RFC 2822: Thu, 27 Jun 2024 10:00:00 +0000)"
            ),
            Error::Article { source, message } => write!(f, "{source}: {message}"),
            Error::Baseline {
                source,
                field,
                message,
            } => write!(f, "{source}: field `{field}`: {message}"),
            Error::EmptyArticle { source } => write!(f, "{source}: the article has no text"),
            Error::TooLarge { source, max } => write!(
                f,
                "{source}: the article is larger than {max} bytes (raise --max-article-bytes to read it)"
            ),
            Error::Skipped { source, reason } => write!(f, "{source}: skipped: {reason}"),
            Error::Render { source, message } => write!(f, "{source}: {message}"),
            Error::Layer { message } => write!(f, "layer: {message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// A `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
