//! What happened where: resolved places → events.
//!
//! An event is read from one sentence: a trigger word ("captured",
//! "shelled", "dug in"), the side that acted (the side named before it, or
//! after "by" in the passive), the other side when named after it, and the
//! places the sentence attaches to it, each its own event. Words around the
//! trigger set its extent ("partially"), certainty ("claimed", "may") and
//! time ("in 2022", "On 5 July 2022"); words around a place set where the
//! event is relative to it ("east of Terny", "5 km north of Vovchansk") and
//! where it heads ("toward Kreminna", "to the south").
//!
//! The vocabulary of actions and the ACLED sub-event types they map to are
//! in [`Action`]; the side words in `side_of`.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

pub use crate::action::Action;
use crate::doc::Doc;
use crate::geo_util::{bearing_deg, destination};
use crate::lexicon::events::*;
#[cfg(test)]
use crate::lexicon::facts as words;
use crate::lexicon::facts::WordFacts;
use crate::lexicon::phrases::*;
use crate::lexicon::{compass_bearing, strip_possessive};
use crate::resolved::ResolvedMention;
pub use crate::side::Side;
use crate::text::Tokenized;

/// A word in lower case.
type Word<'t> = Cow<'t, str>;

mod actors;
mod anaphora;
mod attach;
mod clause;
mod driver;
mod grammar;
mod modality;
mod named;
mod position;
mod sentence;
mod time;
mod triggers;

use actors::*;
use anaphora::*;
pub(crate) use driver::find_events_with;
use grammar::GrammarCell;
use modality::*;
use named::*;
use sentence::Sentence;
use triggers::*;

/// How much of the place changed hands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Extent {
    /// All of it, or not said.
    Full,
    /// "partially", "much of", "parts of".
    Partial,
}

/// How sure the text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Certainty {
    /// Stated as fact.
    Reported,
    /// Attributed to a party: "Russia claimed", "according to the Russian MoD".
    Claimed,
    /// Hedged: "may", "could", "it's unclear whether", "if".
    Speculative,
}

/// A place an event is at or heads to.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlaceRef {
    /// GeoNames id.
    pub geonameid: u32,
    /// GeoNames name.
    pub name: String,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// Index of the mention in [`crate::Extraction::mentions`].
    pub mention: usize,
}

/// Where an event heads: a compass bearing, a place, or both.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Heading {
    /// Degrees clockwise from north ("to the south" is 180).
    pub bearing: Option<f64>,
    /// The place it heads to ("toward Kreminna").
    pub toward: Option<PlaceRef>,
}

/// Default offset, km, for an event placed in a compass direction from a
/// place with no distance stated ("east of Terny").
pub const DEFAULT_OFFSET_KM: f64 = 5.0;

/// Where an event is when it is beside a place rather than in it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RelativePosition {
    /// The place it is beside.
    pub anchor: PlaceRef,
    /// Degrees clockwise from north, from the anchor; `None` for "near",
    /// "outside", "on the outskirts of".
    pub bearing: Option<f64>,
    /// Distance from the anchor, km: stated, or [`DEFAULT_OFFSET_KM`].
    pub offset_km: f64,
    /// True when the text states the distance ("5 km north of").
    pub offset_stated: bool,
    /// The resulting point's latitude.
    pub lat: f64,
    /// The resulting point's longitude.
    pub lon: f64,
}

/// One event: what happened at or toward one place, by which side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    /// What happened.
    pub action: Action,
    /// Who did it.
    pub actor: Side,
    /// The actor as the sentence names it when it names a formation or
    /// service rather than a side: "NAF", "Wagner", "Akhmat", "ZSU",
    /// "Kraken", "Territorial Defence" (see the `named` rules); empty
    /// otherwise.
    pub actor_name: String,
    /// The other side, when named.
    pub target: Option<Side>,
    /// Where.
    pub place: PlaceRef,
    /// How much of it.
    pub extent: Extent,
    /// Where it heads.
    pub heading: Option<Heading>,
    /// Where it is when beside the place.
    pub relative: Option<RelativePosition>,
    /// The event's point: the place, or the relative position.
    pub lat: f64,
    /// The event's point's longitude.
    pub lon: f64,
    /// ACLED geo-precision: 1 the place itself, 2 near it or on the way to
    /// it, 3 the region, or a direction named after the place ("the
    /// Pokrovsk direction").
    pub geo_precision: u8,
    /// How sure the text is.
    pub certainty: Certainty,
    /// The article's publication date.
    pub published: Option<NaiveDate>,
    /// The event's own date, when the text gives one.
    pub event_date: Option<NaiveDate>,
    /// True for events the article recalls from earlier.
    pub historical: bool,
    /// True when the event only heads to its place and has not reached it
    /// ("tried to advance toward Kurakhove").
    pub approach: bool,
    /// The sentence it was read from: index, span in the input and text.
    pub sentence: usize,
    /// The trigger word as written.
    pub trigger: String,
    /// The closest ACLED sub-event type.
    pub acled_sub_event_type: &'static str,
}

impl Event {
    /// The event's point, longitude first, as a [`geo::Point`].
    ///
    /// ```
    /// use frontline::{extract, Article, Gazetteer};
    /// let gaz = Gazetteer::bundled();
    /// let found = extract(&gaz, &Article::new("Russian forces captured Avdiivka."));
    /// let point = found.events[0].point();
    /// assert_eq!((point.x(), point.y()), (found.events[0].lon, found.events[0].lat));
    /// ```
    pub fn point(&self) -> geo::Point {
        geo::Point::new(self.lon, self.lat)
    }
}

/// Reads the events of one article from the document its mentions were
/// found in, at the places they resolved to.
///
/// ```
/// use frontline::{context::resolve_mentions, doc::Doc, event::find_events, recognize::find_mentions};
/// use frontline::{Action, Gazetteer, Side};
/// let gaz = Gazetteer::bundled();
/// let doc = Doc::new("Russian forces captured Krasnohorivka.");
/// let places = resolve_mentions(&gaz, &find_mentions(&gaz, &doc), |b| b);
/// let events = find_events(&doc, &places, None);
/// assert_eq!((events[0].actor, events[0].action), (Side::RU, Action::Capture));
/// ```
pub fn find_events(
    doc: &Doc<'_>,
    mentions: &[ResolvedMention],
    published: Option<NaiveDate>,
) -> Vec<Event> {
    find_events_with(&doc.words, &doc.facts, mentions, published)
}

#[cfg(test)]
mod tests {
    use super::driver::Brackets;
    use super::*;

    #[test]
    fn a_place_is_bracketed_until_the_bracket_closes() {
        let text = "Kurakhove (Pokrovsk raion) and (north) Terny (Lyman";
        let b = Brackets::new(text);
        let at = |name: &str| text.find(name).unwrap();
        assert!(!b.is_open_at(at("Kurakhove")));
        assert!(b.is_open_at(at("Pokrovsk")));
        assert!(!b.is_open_at(at("Terny")));
        assert!(b.is_open_at(at("Lyman")));
    }

    #[test]
    fn every_stem_passes_the_first_letter_filter() {
        for word in [
            "recaptured",
            "withdrew",
            "moved",
            "liberated",
            "hit",
            "gained",
            "engagement",
            "arrived",
            "fortified",
            "deployed",
            "bombed",
            "overran",
            "transferred",
            "dispatched",
            "evacuated",
        ] {
            let expected = !matches!(word, "evacuated");
            assert_eq!(action_of(word).is_some(), expected, "{word}");
        }
    }

    #[test]
    fn stems_map_to_actions() {
        assert_eq!(action_of("captured"), Some(Action::Capture));
        assert_eq!(action_of("liberated"), Some(Action::Capture));
        assert_eq!(action_of("withdrew"), Some(Action::Withdrawal));
        assert_eq!(action_of("shelled"), Some(Action::Shelling));
        assert_eq!(action_of("against"), None);
    }

    #[test]
    fn acled_types_follow_the_actor() {
        assert_eq!(
            Action::Capture.acled_sub_event_type(Side::UA),
            "Government regains territory"
        );
        assert_eq!(
            Action::Capture.acled_sub_event_type(Side::RU),
            "Non-state actor overtakes territory"
        );
        assert_eq!(
            Action::AirStrike.acled_sub_event_type(Side::RU),
            "Air/drone strike"
        );
    }
}
