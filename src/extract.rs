//! The pipeline for one article: text → mentions → resolved places → events.

use serde::Serialize;

use crate::article::{Article, ArticleMeta};
use crate::context::{resolve_mentions_in_batch, BatchPrior};
use crate::doc::Doc;
use crate::document::Read;
use crate::event::{find_events, Event};
use crate::recognize::find_mentions;
use crate::resolved::ResolvedMention;
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
    /// Offset of its first byte in the document's plain text, where the
    /// mentions' `bytes` count from.
    #[serde(skip)]
    pub byte_start: usize,
}

/// How far to read an article.
///
/// Events are read from the resolved places, so reading places only is the
/// faster: what the mentions layer needs, and all a geocoder of many
/// articles may want.
///
/// ```
/// use frontline::{extract::{extract_to, Depth}, Article, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// let article = Article::new("Russian forces captured Krasnohorivka.");
/// let places = extract_to(&gaz, &article, Depth::Places);
/// assert_eq!(places.mentions.len(), 1);
/// assert!(places.events.is_empty());
/// let events = extract_to(&gaz, &article, Depth::Events);
/// assert_eq!(events.events.len(), 1);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Depth {
    /// Place names and the places they resolve to.
    Places,
    /// Those, and what happened at the places.
    #[default]
    Events,
}

/// What frontline read in one article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Extraction {
    /// The article's id, date, title and URL.
    pub article: ArticleMeta,
    /// How far the article was read: at [`Depth::Places`] no events were
    /// looked for, and `events` is empty.
    pub depth: Depth,
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

/// Reads an article: finds its place names, resolves them in context, and
/// reads what happened at them (see [`extract_to`] to read places only).
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
    extract_to(gaz, article, Depth::Events)
}

/// Reads an article to the given [`Depth`]: its place names resolved in
/// context, and at [`Depth::Events`] what happened at them.
///
/// ```
/// use frontline::{extract::{extract_to, Depth}, Article, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// let article = Article::new("Ukrainian forces repelled an assault near Terny, Donetsk Oblast.");
/// let found = extract_to(&gaz, &article, Depth::Places);
/// let terny = found.mentions[0].resolution.as_ref().unwrap();
/// // UA.txt: 691608 Terny, PPLA3, Donetsk region (05).
/// assert_eq!(terny.place.geonameid, 691608);
/// assert_eq!(found.depth, Depth::Places);
/// ```
pub fn extract_to(gaz: &Gazetteer, article: &Article, depth: Depth) -> Extraction {
    extract_in_batch(gaz, article, depth, None)
}

/// [`extract_to`] for an article of a batch read in two passes: with
/// `prior`, the batch's unambiguous places lift the namesakes near them
/// ([`crate::context::BatchPrior`]); with `None`, the same as
/// [`extract_to`].
///
/// ```
/// use frontline::context::BatchSurvey;
/// use frontline::extract::{extract_in_batch, extract_to, Depth};
/// use frontline::{Article, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// let batch = [
///     Article::new("Russian forces shelled Orikhiv and Mala Tokmachka.").with_published("2023-02-15").unwrap(),
///     Article::new("Russian forces shelled Scherbaky.").with_published("2023-02-20").unwrap(),
/// ];
/// let mut survey = BatchSurvey::new();
/// for article in &batch {
///     survey.add_article(&extract_to(&gaz, article, Depth::Places).mentions, article.meta.published);
/// }
/// let prior = survey.prior();
/// let found = extract_in_batch(&gaz, &batch[1], Depth::Events, Some(&prior));
/// let scherbaky = found.mentions[0].resolution.as_ref().unwrap();
/// // UA.txt: 694302 Shcherbaky, Zaporizhzhia oblast, 16 km from Orikhiv
/// // (alone: 694300, Kharkiv oblast).
/// assert_eq!(scherbaky.place.geonameid, 694302);
/// assert!(scherbaky.parts.batch > 0.0);
/// ```
pub fn extract_in_batch(
    gaz: &Gazetteer,
    article: &Article,
    depth: Depth,
    prior: Option<&BatchPrior>,
) -> Extraction {
    // The plain text borrows the article's where it is the same (no copy).
    let doc = Read::new(&article.text, article.format);
    let lowered = doc.text().to_ascii_lowercase();
    let words = Doc::with_lowered(doc.text(), &lowered);
    let mut mentions = find_mentions(gaz, &words);
    // Each stage's output is held only until the next has read it: the
    // mentions' vector trimmed to its length (it grew by doubling) before
    // their resolutions are built beside it, and dropped after.
    mentions.shrink_to_fit();
    let resolved = resolve_mentions_in_batch(
        gaz,
        &mentions,
        |b| doc.input_offset(b),
        article.meta.published,
        prior,
    );
    drop(mentions);
    let events = match depth {
        Depth::Places => Vec::new(),
        Depth::Events => find_events(&words, &resolved, article.meta.published),
    };
    let sentences = words
        .sentence_spans()
        .map(|(s, _)| SentenceSpan {
            start: doc.input_offset(s.start),
            end: doc.input_offset(s.end),
            text: doc.text()[s.clone()].to_string(),
            byte_start: s.start,
        })
        .collect();
    drop(words);
    Extraction {
        article: article.meta.clone(),
        depth,
        sentences,
        mentions: resolved,
        events,
    }
}
