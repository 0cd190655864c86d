//! The pipeline for one article: text → mentions → resolved places → events.

use serde::Serialize;

use crate::article::{Article, ArticleMeta};
use crate::context::{resolve_mentions, ResolvedMention};
use crate::document::Document;
use crate::event::{find_events_with, Event};
use crate::recognize::find_mentions_with;
use crate::text::tokenize_lowered;
use crate::words;
use crate::Gazetteer;

/// A sentence of an article: where it is and what it says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SentenceSpan {
    /// Offset of its first character in the input (Unicode scalar values).
    pub start: usize,
    /// Offset just past its last character.
    pub end: usize,
    /// Its text, from the document's plain text.
    pub text: String,
}

/// What frontline read in one article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Extraction {
    /// The article's id, date, title and URL.
    pub article: ArticleMeta,
    /// Every sentence, in order; mentions index it.
    pub sentences: Vec<SentenceSpan>,
    /// Every place name, in text order, resolved or not.
    pub mentions: Vec<ResolvedMention>,
    /// What happened where, in text order.
    pub events: Vec<Event>,
}

impl Extraction {
    /// The mentions that were resolved to a place.
    pub fn resolved(&self) -> impl Iterator<Item = &ResolvedMention> {
        self.mentions.iter().filter(|m| m.resolution.is_some())
    }

    /// The mentions no place fits.
    pub fn unresolved(&self) -> impl Iterator<Item = &ResolvedMention> {
        self.mentions.iter().filter(|m| m.resolution.is_none())
    }

    /// How many distinct places the article names: the features of its
    /// places layer.
    ///
    /// ```
    /// use frontline::{extract, Article, Gazetteer};
    /// let gaz = Gazetteer::bundled();
    /// let found = extract(&gaz, &Article::new("Avdiivka fell. Avdiivka and Kharkiv were shelled."));
    /// assert_eq!(found.place_count(), 2);
    /// ```
    pub fn place_count(&self) -> usize {
        let mut ids: Vec<u32> = self
            .resolved()
            .filter_map(|m| m.resolution.as_ref().map(|r| r.place.geonameid))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    }
}

/// Reads an article: finds its place names and resolves them in context.
///
/// ```
/// use frontline::{extract, Article, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// let article = Article::new("Russia took Avdiivka. Its forces occupied the village of Novooleksandrivka.");
/// let found = extract(&gaz, &article);
/// let places: Vec<u32> = found.resolved().map(|m| m.resolution.as_ref().unwrap().place.geonameid).collect();
/// // Russia, Avdiivka (713122), and the Novooleksandrivka near it (9112926).
/// assert_eq!(places, [2017370, 713122, 9112926]);
/// ```
pub fn extract(gaz: &Gazetteer, article: &Article) -> Extraction {
    let doc = Document::new(&article.text, article.format);
    let lowered = doc.text().to_ascii_lowercase();
    let tokens = tokenize_lowered(doc.text(), &lowered);
    let facts = words::facts(&tokens.lower);
    let mentions = find_mentions_with(gaz, &tokens, &facts);
    let resolved = resolve_mentions(gaz, &mentions, |b| doc.input_offset(b));
    let events = find_events_with(&tokens, &facts, &resolved, article.meta.published);
    let sentences = tokens
        .sentences
        .iter()
        .map(|s| SentenceSpan {
            start: doc.input_offset(s.start),
            end: doc.input_offset(s.end),
            text: doc.text()[s.start..s.end].to_string(),
        })
        .collect();
    Extraction {
        article: article.meta.clone(),
        sentences,
        mentions: resolved,
        events,
    }
}
