//! An article: its text and what is known about it.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::document::Format;
use crate::error::{Error, Result};

/// What is known about an article besides its text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMeta {
    /// An identifier: a file stem, a JSON Lines `id`, or `--id`.
    pub id: Option<String>,
    /// The day it was published: the calendar date where it was written
    /// (see [`crate::published`]).
    pub published: Option<NaiveDate>,
    /// The instant it was published, when a timestamp with an offset gave
    /// one (`2024-06-27T10:00:00Z`, `Thu, 27 Jun 2024 10:00:00 +0000`);
    /// `published` is then its date in that offset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_at: Option<DateTime<FixedOffset>>,
    /// Its headline.
    pub title: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
}

/// An article to read: text, markup format and metadata.
///
/// ```
/// use frontline::{Article, Gazetteer};
/// let article = Article::new("Russian forces entered Vovchansk.")
///     .with_id("a1")
///     .with_published("2024-06-27")
///     .unwrap();
/// assert_eq!(article.meta.published.unwrap().to_string(), "2024-06-27");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// The text, as given (plain, Markdown or HTML).
    pub text: String,
    /// How the text is marked up.
    pub format: Format,
    /// Id, date, title, URL.
    pub meta: ArticleMeta,
}

impl Article {
    /// A plain-text article with no metadata.
    pub fn new(text: impl Into<String>) -> Article {
        Article {
            text: text.into(),
            format: Format::Text,
            meta: ArticleMeta::default(),
        }
    }

    /// Sets the markup format.
    pub fn with_format(mut self, format: Format) -> Article {
        self.format = format;
        self
    }

    /// Sets the id.
    pub fn with_id(mut self, id: impl Into<String>) -> Article {
        self.meta.id = Some(id.into());
        self
    }

    /// Sets the publication date from a date (`2024-06-27`) or a timestamp
    /// (RFC 3339 `2024-06-27T10:00:00Z`, RFC 2822 `Thu, 27 Jun 2024
    /// 10:00:00 +0000`); anything else is an [`Error::BadTimestamp`]. A
    /// timestamp's date is the date in the offset it states
    /// ([`crate::published`]), its instant goes to
    /// [`ArticleMeta::published_at`].
    ///
    /// ```
    /// use frontline::Article;
    /// let a = Article::new("Kyiv.").with_published("2024-06-28T00:30:00+03:00").unwrap();
    /// assert_eq!(a.meta.published.unwrap().to_string(), "2024-06-28");
    /// assert_eq!(a.meta.published_at.unwrap().to_rfc3339(), "2024-06-28T00:30:00+03:00");
    /// assert!(Article::new("Kyiv.").with_published("June 28").is_err());
    /// ```
    pub fn with_published(mut self, published: &str) -> Result<Article> {
        let p = crate::published::parse_published(published)?;
        self.meta.published = Some(p.date);
        self.meta.published_at = p.at;
        Ok(self)
    }

    /// Sets the title.
    pub fn with_title(mut self, title: impl Into<String>) -> Article {
        self.meta.title = Some(title.into());
        self
    }

    /// Sets the URL.
    pub fn with_url(mut self, url: impl Into<String>) -> Article {
        self.meta.url = Some(url.into());
        self
    }
}

/// Parses an ISO 8601 calendar date, `YYYY-MM-DD`.
///
/// ```
/// use frontline::article::parse_date;
/// assert!(parse_date("2024-06-27").is_ok());
/// assert!(parse_date("2024-13-01").is_err());
/// ```
pub fn parse_date(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| Error::BadDate(s.to_string()))
}
