//! Resolved places: each place name of an article with the place it was
//! resolved to, how it matched, the parts of its score, its confidence and
//! the runners-up. The records that [`crate::context`] fills in and the
//! events and layers read.

use serde::Serialize;

use crate::place::{Place, Text};
use crate::recognize::Cue;
use crate::score::ScoreParts;
use crate::MatchKind;

/// A place a mention was resolved to, with how it was chosen.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Resolution {
    /// The place.
    pub place: Place,
    /// Its first-level region's name.
    pub admin1: Option<Text>,
    /// Its second-level area's name (a raion in Ukraine).
    pub admin2: Option<Text>,
    /// How the name matched it.
    pub matched: MatchKind,
    /// The score parts that decided it.
    pub parts: ScoreParts,
    /// The score: the sum of the parts.
    pub score: f64,
    /// Probability, 0 to 1, that this is the place meant.
    pub confidence: f64,
    /// The runner-up candidates, best first.
    pub alternatives: Vec<Alternative>,
}

/// A candidate that was not chosen.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Alternative {
    /// GeoNames id.
    pub geonameid: u32,
    /// Name.
    pub name: Text,
    /// Country.
    pub country_code: Text,
    /// First-level region's name.
    pub admin1: Option<Text>,
    /// Score in the article's context.
    pub score: f64,
    /// Probability that this is the place meant.
    pub confidence: f64,
}

/// A place name in an article, with its place if it was resolved.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResolvedMention {
    /// The name as written.
    pub text: String,
    /// Offset of its first character in the input (Unicode scalar values).
    pub start: usize,
    /// Offset just past its last character in the input.
    pub end: usize,
    /// Index of its sentence, from 0.
    pub sentence: usize,
    /// Words around it that mark it as a place.
    pub cue: Option<Cue>,
    /// The place, or `None` when no place fits. Every mention of a name
    /// shares its name's one resolution (read it as a `&Resolution`
    /// through `as_deref()`), so that an article naming a place a thousand
    /// times holds its resolution once.
    pub resolution: Option<std::sync::Arc<Resolution>>,
    /// Byte range in the document's plain text.
    #[serde(skip)]
    pub bytes: (usize, usize),
}
