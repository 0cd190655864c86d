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
use serde::Serialize;

use crate::context::ResolvedMention;
use crate::geo_util::{bearing_deg, destination};
use crate::text::Tokenized;
use crate::words::{self, WordFacts};

/// A word in lower case.
type Word<'t> = Cow<'t, str>;

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Gained ground, no control claimed.
    Advance,
    /// Took control: took, seized, occupied, liberated, retook.
    Capture,
    /// Left, or was forced out.
    Withdrawal,
    /// Pushed the other side back.
    Counterattack,
    /// Attacked, with no outcome stated.
    Assault,
    /// Defended against an attack.
    Repelled,
    /// Fighting with no direction.
    Clash,
    /// Artillery, missiles, rockets.
    Shelling,
    /// Aircraft, drones, glide bombs.
    AirStrike,
    /// Digging in, building defences.
    Fortification,
    /// Units sent, arrived or redeployed.
    Deployment,
    /// Holds or controls a place: "Ukrainian forces still hold Vuhledar",
    /// "under Russian control", "in Ukrainian hands".
    Hold,
}

impl Action {
    /// The action's name as written in layers (`air_strike`).
    pub fn label(self) -> &'static str {
        match self {
            Action::Advance => "advance",
            Action::Capture => "capture",
            Action::Withdrawal => "withdrawal",
            Action::Counterattack => "counterattack",
            Action::Assault => "assault",
            Action::Repelled => "repelled",
            Action::Clash => "clash",
            Action::Shelling => "shelling",
            Action::AirStrike => "air_strike",
            Action::Fortification => "fortification",
            Action::Deployment => "deployment",
            Action::Hold => "hold",
        }
    }

    /// The closest ACLED sub-event type. A capture by Ukraine on its own
    /// territory is "Government regains territory"; by anyone else,
    /// "Non-state actor overtakes territory", as ACLED codes it.
    pub fn acled_sub_event_type(self, actor: Side) -> &'static str {
        match self {
            Action::Capture if actor == Side::UA => "Government regains territory",
            Action::Capture => "Non-state actor overtakes territory",
            Action::Withdrawal => "Non-violent transfer of territory",
            Action::Advance
            | Action::Counterattack
            | Action::Assault
            | Action::Repelled
            | Action::Clash => "Armed clash",
            Action::Shelling => "Shelling/artillery/missile attack",
            Action::AirStrike => "Air/drone strike",
            Action::Fortification => "Headquarters or base established",
            Action::Deployment | Action::Hold => "Other",
        }
    }
}

/// A side of the war, or another state, by ISO 3166-1 alpha-2 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    /// Russia and the forces under its command.
    RU,
    /// Ukraine.
    UA,
    /// Another state (North Korea is `KP`), by ISO code.
    Other([u8; 2]),
    /// Not stated.
    Unknown,
}

impl Side {
    /// The side's code: `RU`, `UA`, an ISO code, or `unknown`.
    pub fn code(self) -> String {
        match self {
            Side::RU => "RU".into(),
            Side::UA => "UA".into(),
            Side::Other(cc) => String::from_utf8_lossy(&cc).into_owned(),
            Side::Unknown => "unknown".into(),
        }
    }

    /// The other side of the war, for Russia and Ukraine.
    pub fn opponent(self) -> Side {
        match self {
            Side::RU | Side::Other(_) => Side::UA,
            Side::UA => Side::RU,
            Side::Unknown => Side::Unknown,
        }
    }
}

impl Serialize for Side {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.code())
    }
}

/// How much of the place changed hands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Extent {
    /// All of it, or not said.
    Full,
    /// "partially", "much of", "parts of".
    Partial,
}

/// How sure the text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
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

/// Nouns after a side word that make it a source, not an actor.
const SOURCE_NOUNS: &[&str] = &[
    "milbloggers",
    "milblogger",
    "sources",
    "source",
    "media",
    "officials",
    "official",
    "outlet",
    "outlets",
    "authorities",
    "analysts",
    "commentators",
    "channels",
    "channel",
    "bloggers",
    "blogger",
    "journalists",
    "outlet's",
    "telegram",
];

/// Nouns after a side word that make it a place's, not an actor's.
const NON_ACTOR_NOUNS: &[&str] = &[
    "territory",
    "territories",
    "border",
    "borders",
    "side",
    "soil",
    "land",
    "lands",
    "region",
    "regions",
    "town",
    "towns",
    "village",
    "villages",
    "city",
    "cities",
    "frontier",
    "airspace",
    "coast",
    "civilians",
    "citizens",
    "people",
    "losses",
    "casualties",
    "positions",
    "infrastructure",
];

/// How far, in words, a place may stand from its trigger.
const MAX_REACH: usize = 25;
/// How far, in words, a place may stand from "hold" or "control": "still
/// hold Vuhledar", "Kreminna is under Russian control".
const HOLD_REACH: usize = 5;
/// How far, in words, a "take" may stand before its place, every word
/// between leading to it: "had taken full control of the village of Sokil".
const TAKE_REACH: usize = 8;
/// How far, in words, around a trigger its clause is taken to reach.
const CLAUSE: usize = 8;

/// Nouns for units: deployments are of these.
const UNIT_WORDS: &[&str] = &[
    "troops",
    "troop",
    "unit",
    "units",
    "forces",
    "soldiers",
    "brigade",
    "brigades",
    "battalion",
    "battalions",
    "regiment",
    "regiments",
    "division",
    "divisions",
    "personnel",
    "reinforcements",
    "reserves",
    "servicemen",
    "fighters",
    "contingent",
    "engineers",
    "mercenaries",
    "marines",
    "paratroopers",
    "garrison",
    "fleet",
    "vessels",
    "ships",
    "warships",
];

/// What a side loses in fighting: "lost 120 servicemen", "lost two tanks".
const CASUALTIES: &[&str] = &[
    "servicemen",
    "soldiers",
    "troops",
    "personnel",
    "men",
    "fighters",
    "killed",
    "wounded",
    "dead",
    "tanks",
    "tank",
    "vehicles",
    "armored",
    "armoured",
];

/// The word lists event reading scans whole sentences for, as bits of
/// [`WordFacts::lists`] (see [`lists_of`]).
pub(crate) struct Lists;

impl Lists {
    /// A noun for units ([`UNIT_WORDS`]): deployments are of these.
    pub(crate) const UNIT: u32 = 1;
    /// Air power: a sentence with one makes its strikes air strikes.
    pub(crate) const AIR: u32 = 1 << 1;
    /// A modal or a word of plans: "may", "could", "plans".
    pub(crate) const SPECULATIVE: u32 = 1 << 2;
    /// A party's claim: "claimed", "announced", "allegedly".
    pub(crate) const CLAIM: u32 = 1 << 3;
}

/// The [`Lists`] a lower-case word is on.
pub(crate) fn lists_of(word: &str) -> u32 {
    let mut lists = 0;
    if UNIT_WORDS.contains(&word) {
        lists |= Lists::UNIT;
    }
    if matches!(
        word,
        "drone"
            | "drones"
            | "aircraft"
            | "aviation"
            | "glide"
            | "airstrike"
            | "airstrikes"
            | "bombs"
            | "uav"
            | "uavs"
            | "shahed"
            | "shaheds"
            | "jets"
            | "air"
    ) {
        lists |= Lists::AIR;
    }
    if matches!(
        word,
        "may"
            | "might"
            | "could"
            | "would"
            | "possibly"
            | "perhaps"
            | "whether"
            | "unclear"
            | "intends"
            | "plans"
            | "planning"
            | "expected"
    ) {
        lists |= Lists::SPECULATIVE;
    }
    if matches!(
        word,
        "claimed"
            | "claims"
            | "claim"
            | "claiming"
            | "announced"
            | "alleged"
            | "allegedly"
            | "purportedly"
    ) {
        lists |= Lists::CLAIM;
    }
    lists
}

/// A trigger word found in a sentence.
#[derive(Clone, Debug)]
struct Trigger {
    /// Token index.
    at: usize,
    action: Action,
    /// For "forced X from", "pushed X back": the object is the loser.
    object_loses: bool,
    /// A participle after a comma (", pushing back…") elaborates the
    /// trigger before it: its places are that trigger's places too.
    elaborates: bool,
}

/// The round brackets of a text, to tell whether a place is written inside
/// them, found in one pass (searching back from each place was quadratic).
struct Brackets {
    /// Byte offset of each bracket, in text order, and whether it opens.
    marks: Vec<(usize, bool)>,
}

impl Brackets {
    fn new(text: &str) -> Brackets {
        let marks = text
            .bytes()
            .enumerate()
            .filter_map(|(i, b)| match b {
                b'(' => Some((i, true)),
                b')' => Some((i, false)),
                _ => None,
            })
            .collect();
        Brackets { marks }
    }

    /// True when the last bracket before byte `at` opens: "Kurakhove
    /// (Pokrovsk raion" is inside, "(the town) Pokrovsk" is not.
    fn is_open_at(&self, at: usize) -> bool {
        let before = self.marks.partition_point(|&(i, _)| i < at);
        before > 0 && self.marks[before - 1].1
    }
}

/// Reads the events of one article. `t` is the tokenized plain text the
/// mentions were found in.
pub fn find_events(
    t: &Tokenized<'_>,
    mentions: &[ResolvedMention],
    published: Option<NaiveDate>,
) -> Vec<Event> {
    find_events_with(t, &words::facts(&t.lower), mentions, published)
}

/// [`find_events`] with the facts about the text's words already looked up.
pub(crate) fn find_events_with(
    t: &Tokenized<'_>,
    facts: &[WordFacts],
    mentions: &[ResolvedMention],
    published: Option<NaiveDate>,
) -> Vec<Event> {
    let lower: &[Word<'_>] = &t.lower;
    let gaps: Vec<&str> = (0..t.tokens.len()).map(|k| t.gap(k)).collect();
    // The side each word names: side words ("Russian", "Kyiv"), and any
    // country the text names (Poland → PL).
    let mut token_side: Vec<Option<Side>> = (0..t.tokens.len())
        .map(|k| side_at(lower, facts, k))
        .collect();
    for m in mentions {
        let Some(r) = &m.resolution else { continue };
        if !r.place.is_country() {
            continue;
        }
        let k = t.tokens.partition_point(|tok| tok.start < m.bytes.0);
        if k < t.tokens.len() {
            let cc = r.place.country_code.as_bytes();
            if token_side[k].is_none() && cc.len() == 2 {
                token_side[k] = Some(Side::Other([cc[0], cc[1]]));
            }
        }
    }
    let brackets = Brackets::new(t.text);
    // Whether a mention was resolved to a settlement.
    let populated = |m: usize| {
        mentions[m]
            .resolution
            .as_ref()
            .is_some_and(|r| r.place.is_populated())
    };
    let paragraph_source = paragraph_sources(t);
    let mut events = Vec::new();
    let mut last_actor = Side::Unknown;
    // Tokens and mentions are in text order: walk both once.
    let mut next_token = 0;
    let mut next_mention = 0;
    for s in 0..t.sentences.len() {
        let first = next_token;
        while next_token < t.tokens.len() && t.tokens[next_token].sentence == s {
            next_token += 1;
        }
        let mut in_sentence: Vec<usize> = Vec::new();
        while next_mention < mentions.len() && mentions[next_mention].sentence <= s {
            if mentions[next_mention].sentence == s && mentions[next_mention].resolution.is_some() {
                in_sentence.push(next_mention);
            }
            next_mention += 1;
        }
        if next_token == first {
            continue;
        }
        let last = next_token - 1;
        let mut triggers = find_triggers(lower, facts, &gaps, first, last);
        // ", pushing back…": a participle after a comma elaborates.
        for tr in triggers.iter_mut().skip(1) {
            tr.elaborates = lower[tr.at].ends_with("ing") && gaps[tr.at - 1].contains(',');
        }
        // Deployments are of units: "sent troops", not "transferred batteries".
        let units = triggers.iter().any(|tr| tr.action == Action::Deployment)
            && facts[first..=last]
                .iter()
                .any(|f| f.lists & Lists::UNIT != 0);
        triggers.retain(|tr| tr.action != Action::Deployment || units);
        if triggers.is_empty() {
            // "…pushed Russian forces back from Vovchansk. … they're doing
            // well at Lyptsi, Starytsya": a sentence with no trigger whose
            // subject is the side that just acted goes on with its action.
            if let Some(tr) = carried_over(lower, &token_side, first, last, s, &events) {
                triggers.push(tr);
            } else {
                // An actor named without an event is still the "they" of the next sentence.
                if let Some(side) = (first..=last).rev().find_map(|k| token_side[k]) {
                    last_actor = side;
                }
                continue;
            }
        }
        // Dates matter only to events, which need a place.
        let placed = !in_sentence.is_empty();
        let sentence_date = placed
            .then(|| date_in(lower, facts, first, last, published))
            .flatten();
        // A mention's first and last word, by binary search.
        let token_of = |m: usize| {
            let start = mentions[m].bytes.0;
            t.tokens
                .partition_point(|tok| tok.start < start)
                .clamp(first, last)
        };
        let token_end = |m: usize| {
            let end = mentions[m].bytes.1;
            t.tokens
                .partition_point(|tok| tok.start < end)
                .saturating_sub(1)
                .clamp(first, last)
        };
        let sentence_recalls_earlier = placed && recalls_earlier(lower, first, last, published);
        // The first token of the list a mention stands in ("near A, B and C").
        // Names no place fits still stand in lists ("near Myrolubivka,
        // Lysivka and Mykhailivka").
        let list_head = |m: usize| {
            let mut cur = m;
            while cur > 0 && mentions[cur - 1].sentence == s {
                let prev = cur - 1;
                let gap = &t.text[mentions[prev].bytes.1..mentions[cur].bytes.0];
                if !matches!(gap, ", " | " and " | ", and " | " or ") {
                    break;
                }
                cur = prev;
            }
            token_of(cur)
        };
        if triggers.is_empty() {
            continue;
        }
        // Each place goes to the nearest trigger within reach, preferring
        // one before it; a place headed to ("toward X") to the one before it.
        let mut by_trigger: Vec<Vec<usize>> = vec![Vec::new(); triggers.len()];
        for &m in &in_sentence {
            let at = token_of(m);
            let toward = heads_to(lower, first, at);
            let best = (0..triggers.len())
                .filter(|&i| !(toward && triggers[i].at > at))
                .filter(|&i| triggers[i].at.abs_diff(at) <= MAX_REACH)
                // "hold", "control" take the place next to them; "take"
                // the place right after it ("after taking the towns of
                // Selydove and Novohrodivka", not "take years to rebuild").
                .filter(|&i| {
                    let tr = &triggers[i];
                    if tr.action == Action::Hold {
                        tr.at.abs_diff(at) <= HOLD_REACH
                    } else if is_take(&lower[tr.at]) {
                        let head = list_head(m);
                        head > tr.at
                            && head - tr.at <= TAKE_REACH
                            && lower[tr.at + 1..head]
                                .iter()
                                .all(|w| OBJECT_LEAD.contains(&w.as_ref()))
                    } else {
                        true
                    }
                })
                .filter(|&i| {
                    !clause_break(lower, &gaps, triggers[i].at.min(at), triggers[i].at.max(at))
                })
                .min_by_key(|&i| {
                    let tr = triggers[i].at;
                    if tr <= at {
                        (at - tr) * 2
                    } else {
                        (tr - at) * 3 + 1
                    }
                });
            if let Some(best) = best {
                by_trigger[best].push(m);
            }
        }
        // The places of an elaborating participle are its main trigger's too.
        let mut shared_into: Vec<Vec<usize>> = vec![Vec::new(); triggers.len()];
        for i in 1..triggers.len() {
            if triggers[i].elaborates {
                let shared: Vec<usize> = by_trigger[i]
                    .iter()
                    .copied()
                    .filter(|&m| !heads_to(lower, first, token_of(m)))
                    .collect();
                shared_into[i - 1].extend(shared.iter().copied());
                by_trigger[i - 1].extend(shared);
            }
        }
        // The side each trigger found, for the participles that elaborate it.
        let mut trigger_actor: Vec<Side> = Vec::with_capacity(triggers.len());
        for (i, tr) in triggers.iter().enumerate() {
            if negated(lower, first, tr.at) {
                trigger_actor.push(Side::Unknown);
                continue;
            }
            let (mut actor, mut target) = sides(
                lower,
                &token_side,
                first,
                last,
                tr,
                last_actor,
                paragraph_source
                    .get(t.sentences[s].paragraph)
                    .copied()
                    .flatten(),
            );
            // "…launched a missile attack, hitting targets in Kyiv": the
            // participle's subject is the clause's; an action it repeats
            // adds nothing (its places went to the clause's trigger).
            if tr.elaborates && i > 0 && trigger_actor[i - 1] != Side::Unknown {
                if triggers[i - 1].action == tr.action {
                    trigger_actor.push(trigger_actor[i - 1]);
                    continue;
                }
                actor = trigger_actor[i - 1];
                target = target.filter(|&t| t != actor);
            }
            trigger_actor.push(actor);
            if actor != Side::Unknown {
                last_actor = actor;
            }
            // In a sentence with no place, a trigger only says who acts.
            if !placed {
                continue;
            }
            let certainty = certainty(lower, facts, first, last, tr.at);
            // Extent is read in the trigger's clause, not the whole sentence.
            let (lo, hi) = (
                tr.at.saturating_sub(CLAUSE).max(first),
                (tr.at + CLAUSE).min(last),
            );
            // Territorial actions need a side: without one, the text was misread.
            let territorial = matches!(
                tr.action,
                Action::Capture
                    | Action::Withdrawal
                    | Action::Counterattack
                    | Action::Advance
                    | Action::Hold
            );
            if territorial && actor == Side::Unknown {
                continue;
            }
            // The place the event heads to, and the places it is at.
            let mut toward: Option<usize> = None;
            let mut places: Vec<usize> = Vec::new();
            for &m in &by_trigger[i] {
                let at = token_of(m);
                let r = mentions[m].resolution.as_ref().expect("resolved");
                let is_country = r.place.is_country();
                // "Kurakhove (Pokrovsk raion, Donetsk region)": the areas in
                // brackets locate the place, they are no events of their own.
                let bracketed = brackets.is_open_at(mentions[m].bytes.0);
                // The mentions right before and after this one in the
                // sentence, and the text between.
                let gap = |a: usize, b: usize| &t.text[mentions[a].bytes.1..mentions[b].bytes.0];
                let next = in_sentence.iter().copied().find(|&o| o > m);
                let prev = in_sentence.iter().rev().copied().find(|&o| o < m);
                let gap_after = next.map_or("", |o| gap(m, o));
                // "Terny, Donetsk Oblast": an area in apposition to a
                // settlement locates it; but "the Lviv, Kharkiv and Rivne
                // regions" is a list.
                let continues_list = next.is_some()
                    && matches!(gap_after, ", " | " and " | ", and " | " or " | ", or ");
                let apposed =
                    !continues_list && prev.is_some_and(|o| gap(o, m) == ", " && populated(o));
                // "Dzhankoi and Saky in occupied Crimea": the area locates them.
                let located_in = (at.saturating_sub(2).max(first)..at).any(|j| lower[j] == "in")
                    && in_sentence.iter().any(|&o| {
                        o != m && token_end(o) + 4 >= at && token_end(o) < at && populated(o)
                    });
                if (bracketed || apposed || located_in) && r.place.is_admin_area() {
                    continue;
                }
                // "Synkivka and Petropavlivka, northeast of Kupiansk", "New
                // York, a town south of Toretsk", "Ivanivka near Pokrovsk":
                // the last place locates the ones before it; it is no event
                // place itself.
                let locator = prev.is_some_and(|o| {
                    // A town locates a town, not a region ("into Donetsk
                    // Oblast near Kurakhove" names where in it).
                    // "north of Kharkiv City near Hlyboke": Hlyboke
                    // places the fighting, not Kharkiv, itself an anchor.
                    let anchor = {
                        let at = token_of(o);
                        after_compass(lower, first, at) || near_words(lower, first, at)
                    };
                    let gap = gap(o, m);
                    // Brackets and commas set a locator apart even after
                    // an anchor: "west of Stelmakhivka (west of Svatove)";
                    // but "west of Chasiv Yar, near Stupochky" narrows
                    // the anchor down to the village.
                    let set_apart = gap.contains(['(', ',']);
                    let phrase = crate::recognize::locating_phrase(gap);
                    populated(o)
                        && match phrase {
                            None => false,
                            Some(None) => !anchor,
                            Some(Some(_)) => set_apart || !anchor,
                        }
                });
                if locator {
                    continue;
                }
                // "counterattacked northeast of Kupiansk near Synkivka": the
                // town the direction is taken from only locates the
                // settlement named right after it.
                let reference = after_compass(lower, first, at)
                    && next.is_some_and(|o| {
                        matches!(gap_after, " near " | ", near " | " in " | ", in " | " at ")
                            && by_trigger[i].contains(&o)
                            && populated(o)
                    });
                if reference {
                    continue;
                }
                // "Russia's Kursk region": the country owning the region
                // only locates it.
                let owner = (is_country || r.place.is_admin_area())
                    && next.is_some()
                    && matches!(gap_after, "'s " | "’s ");
                // "cut the road between Kostiantynivka and Druzhkivka": the
                // towns a road joins are not where the event is.
                let road_end = {
                    let head = list_head(m);
                    head > first
                        && lower[head - 1] == "between"
                        && lower[first.max(head.saturating_sub(5))..head - 1]
                            .iter()
                            .any(|w| {
                                matches!(
                                    w.as_ref(),
                                    "road"
                                        | "roads"
                                        | "highway"
                                        | "route"
                                        | "railway"
                                        | "railroad"
                                        | "line"
                                        | "corridor"
                                )
                            })
                };
                if owner || road_end {
                    continue;
                }
                // "officials in Seoul said", "South Korea's spy agency said":
                // where the speaker is, not where the event is.
                let speaker = (at + 1..=(at + 4).min(last)).any(|j| {
                    (is_saying(&lower[j]) || lower[j] == "claimed")
                        && (at..j).all(|x| !gaps[x].contains(','))
                });
                if speaker {
                    continue;
                }
                // Strikes and moves *from* a place happen elsewhere.
                if matches!(
                    tr.action,
                    Action::Shelling | Action::AirStrike | Action::Deployment
                ) && origin(lower, first, at)
                    && at > tr.at
                {
                    continue;
                }
                if heads_to(lower, first, at) {
                    toward = Some(m);
                } else if is_actor_word(&lower[at]) && at < tr.at {
                    // "Russia forced…", "Pyongyang announced it was sending…": the subject.
                    continue;
                } else if tr.action == Action::Deployment && at < tr.at {
                    // Units are sent *to* a place, named after the verb.
                    continue;
                } else if is_country && tr.action != Action::Deployment {
                    continue;
                } else {
                    places.push(m);
                }
            }
            // "toward Kurakhove, Hostre and Ukrainsk": every place of the
            // list is headed to.
            let mut toward_list: Vec<usize> = toward.into_iter().collect();
            while let Some(&cur) = toward_list.last() {
                let Some(&next) = in_sentence.iter().find(|&&o| o > cur) else {
                    break;
                };
                let gap = &t.text[mentions[cur].bytes.1..mentions[next].bytes.0];
                if !matches!(gap, ", " | " and " | ", and " | " or " | ", or ") {
                    break;
                }
                toward_list.push(next);
            }
            // Places after the one the event heads to describe it ("toward
            // Pokrovsk, a hub on the road to Kostiantynivka").
            if let Some(tw) = toward {
                places.retain(|&m| {
                    (m < tw || shared_into[i].contains(&m)) && !toward_list.contains(&m)
                });
            }
            // ", which they liberated": the place is the one before "which".
            let relative = (tr.at.saturating_sub(3).max(first)..tr.at)
                .find(|&j| matches!(lower[j].as_ref(), "which" | "where"));
            if let (Some(j), true) = (relative, places.is_empty()) {
                if let Some(&m) = in_sentence
                    .iter()
                    .rev()
                    .find(|&&m| token_end(m) < j && populated(m))
                {
                    places.push(m);
                }
            }
            // The most specific places: an oblast or country beside villages
            // only locates them.
            let any_settlement = places.iter().any(|&m| populated(m));
            if any_settlement {
                places.retain(|&m| populated(m));
            }
            // Only headed to: the event is on the approach to the places.
            let approach = places.is_empty() && !toward_list.is_empty();
            if approach {
                places = toward_list;
            }
            let bearing = compass_heading(lower, tr.at, last);
            // "the Pokrovsk direction", "the Kupiansk front": the area
            // the place names, not the place.
            // "the Pokrovsk-Myrnohrad axis": both name the area.
            let area_word = |m: usize| {
                token_end(m) < last
                    && lower.get(token_end(m) + 1).is_some_and(|w| {
                        matches!(
                            w.as_ref(),
                            "direction"
                                | "directions"
                                | "axis"
                                | "front"
                                | "sector"
                                | "area"
                                | "line"
                                | "axes"
                                | "fronts"
                                | "sectors"
                        )
                    })
            };
            // "the Siversk, Chasiv Yar and Toretsk directions", "the
            // Pokrovsk-Myrnohrad axis": every name of the list.
            let area_of = |m: usize| {
                let mut cur = m;
                loop {
                    if area_word(cur) {
                        break true;
                    }
                    let Some(&next) = in_sentence.iter().find(|&&o| o > cur) else {
                        break false;
                    };
                    let gap = &t.text[mentions[cur].bytes.1..mentions[next].bytes.0];
                    if !matches!(gap, "-" | "–" | "—" | ", " | " and " | ", and ") {
                        break false;
                    }
                    cur = next;
                }
            };
            // "fighting in the Zaporizhzhia direction near Robotyne": the
            // direction only says where the settlements named with it lie.
            let settled_beside = |m: usize| {
                places
                    .iter()
                    .any(|&o| o != m && !area_of(o) && populated(o))
            };
            for &m in &places {
                let r = mentions[m].resolution.as_ref().expect("resolved");
                let place = place_ref(mentions, m);
                let at = token_of(m);
                let relative = relative_position(lower, first, at, &place);
                let extent = if territorial {
                    extent(
                        lower,
                        &gaps,
                        lo.min(at.saturating_sub(6).max(first)),
                        hi.max(at).min(last),
                    )
                } else {
                    Extent::Full
                };
                let area_of = area_of(m);
                if area_of && settled_beside(m) {
                    continue;
                }
                // "liberated Krasnyi Yar in the Pokrovsk sector": the area
                // locates the place before it and is no event of its own.
                let locates_previous = area_of
                    && in_sentence
                        .iter()
                        .rev()
                        .find(|&&o| o < m)
                        .is_some_and(|&o| {
                            matches!(
                                &t.text[mentions[o].bytes.1..mentions[m].bytes.0],
                                " in the " | ", in the " | " on the " | ", on the "
                            )
                        });
                if locates_previous {
                    continue;
                }
                let near = relative.is_some() || approach || near_words(lower, first, list_head(m));
                let geo_precision = if !r.place.is_populated() || area_of {
                    3
                } else if near {
                    2
                } else {
                    1
                };
                let (lat, lon) = relative
                    .as_ref()
                    .map_or((place.lat, place.lon), |p| (p.lat, p.lon));
                let toward = toward.filter(|_| !approach);
                let heading =
                    (toward.is_some_and(|tw| tw != m) || bearing.is_some()).then(|| Heading {
                        bearing: bearing.or_else(|| {
                            toward.filter(|&tw| tw != m).map(|tw| {
                                let to = place_ref(mentions, tw);
                                bearing_deg(lat, lon, to.lat, to.lon).round()
                            })
                        }),
                        toward: toward
                            .filter(|&tw| tw != m)
                            .map(|tw| place_ref(mentions, tw)),
                    });
                let historical = sentence_recalls_earlier
                    || match (sentence_date, published) {
                        (Some(d), Some(p)) => (p - d).num_days() > 60,
                        _ => false,
                    };
                events.push(Event {
                    action: tr.action,
                    actor,
                    target,
                    place,
                    extent,
                    heading,
                    relative,
                    lat,
                    lon,
                    geo_precision,
                    certainty,
                    published,
                    event_date: sentence_date,
                    historical,
                    approach,
                    sentence: s,
                    trigger: t.tokens[tr.at].text.to_string(),
                    acled_sub_event_type: tr.action.acled_sub_event_type(actor),
                });
                // "forced Ukrainian troops from Avdiivka": they withdrew.
                if tr.object_loses && tr.action == Action::Capture {
                    if let Some(loser) = target {
                        let mut w = events.last().expect("just pushed").clone();
                        w.action = Action::Withdrawal;
                        w.actor = loser;
                        w.target = Some(actor);
                        w.acled_sub_event_type = Action::Withdrawal.acled_sub_event_type(loser);
                        events.push(w);
                    }
                }
            }
        }
    }
    events
}

fn place_ref(mentions: &[ResolvedMention], m: usize) -> PlaceRef {
    let r = mentions[m].resolution.as_ref().expect("resolved");
    PlaceRef {
        geonameid: r.place.geonameid,
        name: r.place.name.to_string(),
        lat: r.place.lat,
        lon: r.place.lon,
        mention: m,
    }
}

/// The trigger a sentence without one inherits from the sentence before:
/// when that sentence reported fighting or movement and this one's subject
/// is the same side ("Ukrainian forces", "they"). The trigger stands on the
/// word after the subject.
fn carried_over(
    lower: &[Word<'_>],
    token_side: &[Option<Side>],
    first: usize,
    last: usize,
    sentence: usize,
    events: &[Event],
) -> Option<Trigger> {
    let prev = events.last().filter(|e| e.sentence + 1 == sentence)?;
    if !matches!(
        prev.action,
        Action::Advance
            | Action::Counterattack
            | Action::Assault
            | Action::Clash
            | Action::Deployment
    ) || prev.actor == Side::Unknown
    {
        return None;
    }
    let subject = (first..=last).rev().find(|&k| {
        token_side[k] == Some(prev.actor)
            && lower
                .get(k + 1)
                .is_some_and(|n| UNIT_WORDS.contains(&n.as_ref()))
            || matches!(lower[k].as_ref(), "they" | "they’re" | "they're")
    })?;
    (subject < last).then_some(Trigger {
        at: subject + 1,
        action: prev.action,
        object_loses: false,
        elaborates: false,
    })
}

/// The action a word triggers, by its stem.
pub(crate) fn action_of(word: &str) -> Option<Action> {
    // Every stem is three letters or more.
    if word.len() < 3 {
        return None;
    }
    const STEMS: &[(&str, Action)] = &[
        ("recaptur", Action::Capture),
        ("captur", Action::Capture),
        ("seiz", Action::Capture),
        ("occupied", Action::Capture),
        ("occupy", Action::Capture),
        ("liberat", Action::Capture),
        ("retook", Action::Capture),
        ("regain", Action::Capture),
        ("retake", Action::Capture),
        ("took", Action::Capture),
        // "cleared Robotyne of Russian troops"; only with the place right
        // after it (see `is_take`), not "cleared mines".
        ("cleared", Action::Capture),
        ("clearing", Action::Capture),
        ("taking", Action::Capture),
        ("taken", Action::Capture),
        ("overran", Action::Capture),
        ("withdr", Action::Withdrawal),
        ("retreat", Action::Withdrawal),
        ("abandon", Action::Withdrawal),
        ("ceded", Action::Withdrawal),
        ("surrender", Action::Withdrawal),
        ("counterattack", Action::Counterattack),
        ("counteroffensive", Action::Counterattack),
        ("counter-attack", Action::Counterattack),
        ("advanc", Action::Advance),
        ("crossed", Action::Advance),
        // "have nearly encircled Vuhledar" (but not "faces encirclement":
        // the encircled side is no actor).
        ("encircled", Action::Advance),
        ("encircling", Action::Advance),
        // "trying to encircle Kurakhove" (not "encirclement", excluded below).
        ("encircle", Action::Advance),
        ("surrounded", Action::Advance),
        // "Russian troops entered Toretsk"; only with the place right after
        // it (see `is_take`), not "entered into force".
        ("entered", Action::Advance),
        ("entering", Action::Advance),
        ("gain", Action::Advance),
        ("progress", Action::Advance),
        ("attack", Action::Assault),
        ("assault", Action::Assault),
        ("storm", Action::Assault),
        ("dislodg", Action::Assault),
        ("offensive", Action::Assault),
        ("incursion", Action::Assault),
        ("repel", Action::Repelled),
        ("repuls", Action::Repelled),
        ("fought", Action::Clash),
        ("fighting", Action::Clash),
        ("clash", Action::Clash),
        ("battle", Action::Clash),
        ("engagement", Action::Clash),
        ("combat", Action::Clash),
        ("shell", Action::Shelling),
        ("bombard", Action::Shelling),
        // "pounding the city of Toretsk" (not "pounds", money).
        ("pounding", Action::Shelling),
        ("pounded", Action::Shelling),
        ("bomb", Action::AirStrike),
        ("artillery", Action::Shelling),
        ("struck", Action::Shelling),
        ("strike", Action::Shelling),
        ("hit", Action::Shelling),
        ("fortif", Action::Fortification),
        ("entrench", Action::Fortification),
        ("trench", Action::Fortification),
        ("deploy", Action::Deployment),
        ("redeploy", Action::Deployment),
        ("sending", Action::Deployment),
        ("sent", Action::Deployment),
        ("send", Action::Deployment),
        ("dispatch", Action::Deployment),
        ("transferr", Action::Deployment),
        ("arriv", Action::Deployment),
        ("reinforc", Action::Deployment),
        ("moved", Action::Deployment),
        ("moving", Action::Deployment),
        ("push", Action::Advance),
        ("reach", Action::Advance),
        // "consolidated positions in Bohoiavlenka": they hold it.
        ("consolidat", Action::Hold),
    ];
    // The stems by first letter, in the order above.
    static BY_LETTER: std::sync::OnceLock<Vec<Vec<(&'static str, Action)>>> =
        std::sync::OnceLock::new();
    let by_letter = BY_LETTER.get_or_init(|| {
        let mut table = vec![Vec::new(); 26];
        for &(stem, action) in STEMS {
            table[(stem.as_bytes()[0] - b'a') as usize].push((stem, action));
        }
        table
    });
    let first = word.as_bytes()[0];
    if !first.is_ascii_lowercase() {
        return None;
    }
    by_letter[(first - b'a') as usize]
        .iter()
        .find(|(stem, _)| word.starts_with(stem))
        .map(|&(_, action)| action)
        // "strikes" and "hits" carry no outcome; "gains" must not match "against".
        .filter(|_| {
            !matches!(
                word,
                "against"
                    | "encirclement"
                    | "encirclements"
                    | "hitherto"
                    | "shellfish"
                    | "attacker"
                    | "attackers"
                    | "battlegroup"
                    | "battlegroups"
                    | "battlefield"
                    | "battlefields"
                    | "battleground"
                    | "battlegrounds"
            )
        })
}

/// Words after a participle that make it an adjective: "occupied areas".
const DESCRIBED: &[&str] = &[
    "area",
    "areas",
    "territory",
    "territories",
    "region",
    "regions",
    "village",
    "villages",
    "town",
    "towns",
    "city",
    "cities",
    "settlement",
    "settlements",
    "land",
    "lands",
    "parts",
    "soldiers",
    "troops",
    "positions",
    "equipment",
    "prisoners",
    "crimea",
    "donbas",
];

/// True when a trigger word describes rather than reports: in a relative
/// clause ("forces that occupied"), joined to a word before it
/// ("long-occupied", "Russian-held"), or before a noun ("occupied areas").
fn descriptive(lower: &[Word<'_>], gaps: &[&str], first: usize, k: usize) -> bool {
    let before = if k > first { lower[k - 1].as_ref() } else { "" };
    let hyphenated = k > first && gaps[k - 1] == "-";
    let participle = lower[k].ends_with("ed")
        || matches!(
            lower[k].as_ref(),
            "held" | "hit" | "struck" | "taken" | "retaken" | "overrun" | "shot" | "fought"
        );
    // "which Russia has occupied since 2022": a state, not an event.
    let relative_state = (k.saturating_sub(4).max(first)..k)
        .any(|j| matches!(lower[j].as_ref(), "which" | "that"))
        && (k + 1..(k + 4).min(lower.len())).any(|j| lower[j] == "since");
    // "towns hit by raids": a reduced relative clause after a noun.
    let after_noun = DESCRIBED.contains(&before)
        && participle
        && lower
            .get(k + 1)
            .is_some_and(|n| matches!(n.as_ref(), "by" | "in" | "during" | "since" | "last"));
    // "shelled occupied Horlivka", "in liberated Kherson": an adjective.
    let after_verb_or_preposition = action_of(before).is_some()
        || matches!(
            before,
            "in" | "of" | "from" | "into" | "on" | "at" | "near" | "toward" | "towards" | "to"
        );
    // "the recently liberated village", but not "forces recently advanced".
    let determiner_adverb = matches!(
        before,
        "newly" | "recently" | "temporarily" | "partially" | "fully"
    ) && k >= first + 2
        && matches!(lower[k - 2].as_ref(), "the" | "a" | "an");
    // "by Ukrainian assault groups", "Russian attack drones", "two assault
    // brigades": a noun that names a kind of unit or weapon, inside a noun
    // phrase (after a side, a determiner or a number), not a verb after its
    // subject ("drones attack troops near…").
    let in_noun_phrase = side_of_word(before).is_some()
        || before.bytes().next().is_some_and(|b| b.is_ascii_digit())
        || matches!(
            before,
            "a" | "an"
                | "the"
                | "of"
                | "by"
                | "their"
                | "its"
                | "two"
                | "three"
                | "four"
                | "five"
                | "several"
                | "many"
                | "multiple"
                | "small"
                | "new"
        );
    let names_a_force = in_noun_phrase
        && !participle
        && !lower[k].ends_with("ing")
        && gaps.get(k) == Some(&" ")
        && lower.get(k + 1).is_some_and(|n| {
            UNIT_WORDS.contains(&n.as_ref()) || DESCRIBED_FORCES.contains(&n.as_ref())
        });
    names_a_force
        || (matches!(before, "that" | "which" | "who" | "the" | "a" | "an")
        || determiner_adverb
        || after_verb_or_preposition)
        && participle
        || (matches!(before, "that" | "which" | "who") && !begins_reported_clause(lower, first, k))
        || (hyphenated && participle)
        || relative_state
        || after_noun
        // "occupied areas", but not "forces recaptured positions" or "have
        // seized villages": after a subject or an auxiliary it is a verb.
        || (participle
            && lower
                .get(k + 1)
                .is_some_and(|n| DESCRIBED.contains(&n.as_ref()))
            && gaps[k] == " "
            && !is_subject_or_auxiliary(before))
}

/// Words that may stand between "take" and the place taken: "taking the
/// towns of Selydove and Novohrodivka", "taken full control of".
const OBJECT_LEAD: &[&str] = &[
    "the",
    "a",
    "town",
    "towns",
    "village",
    "villages",
    "city",
    "settlement",
    "settlements",
    "hamlet",
    "of",
    "control",
    "full",
    "complete",
    "over",
    "back",
    "most",
    "much",
    "part",
    "parts",
    "key",
    "small",
    "nearby",
    "neighbouring",
    "neighboring",
    "outskirts",
    "edge",
    "approaches",
    "central",
    "centre",
    "center",
    "eastern",
    "western",
    "northern",
    "southern",
    "russia's",
    "russia’s",
    "ukraine's",
    "ukraine’s",
    "centre",
    "center",
    "suburbs",
];

/// Triggers that act only on a place right after them: "take" in its forms
/// other than "took" ("taking the towns of …", not "take years"), and
/// "reach" ("reached the outskirts of Pokrovsk", not "reached an
/// agreement").
fn is_take(word: &str) -> bool {
    matches!(
        word,
        "taking"
            | "taken"
            | "take"
            | "takes"
            | "reach"
            | "reached"
            | "reaching"
            | "reaches"
            | "cleared"
            | "clearing"
            | "entered"
            | "entering"
    )
}

/// A subject that acts: a unit ("forces"), "they", "the army".
fn is_subject(word: &str) -> bool {
    UNIT_WORDS.contains(&word) || matches!(word, "they" | "army" | "military")
}

/// Whether "hold"/"control" after `before2 before` states who holds a
/// place: after a subject ("forces control"), an adverb ("still hold"),
/// "continue to" (not "attempting to hold": an aim), or a side after
/// "under" ("under Russian control").
fn holds_after(before: &str, before2: &str) -> bool {
    before2 == "under"
        || (before == "to" && matches!(before2, "continue" | "continues" | "continued"))
        || is_subject(before)
        || matches!(
            before,
            "still"
                | "now"
                | "fully"
                | "partially"
                | "largely"
                | "reportedly"
                | "also"
                | "firmly"
                | "continue"
                | "continues"
                | "mostly"
        )
}

/// Words after which a participle is a verb: subjects, "we", auxiliaries
/// ("have", "had") and adverbs of time ("recently").
fn is_subject_or_auxiliary(word: &str) -> bool {
    is_subject(word)
        || matches!(
            word,
            "we" | "have"
                | "has"
                | "had"
                | "recently"
                | "also"
                | "again"
                | "successfully"
                | "reportedly"
                | "likely"
                | "already"
        )
}

/// Nouns of units and weapons, besides [`UNIT_WORDS`], that a trigger noun
/// before them describes: "assault groups", "attack drones", "strike
/// aircraft" are no events.
const DESCRIBED_FORCES: &[&str] = &[
    "group",
    "groups",
    "team",
    "teams",
    "detachment",
    "detachments",
    "squad",
    "squads",
    "company",
    "companies",
    "infantry",
    "drone",
    "drones",
    "uav",
    "uavs",
    "helicopter",
    "helicopters",
    "aircraft",
    "boat",
    "boats",
    "vehicles",
];

/// The multi-word triggers a word can begin, as bits: each is tested
/// with the words after it in [`find_triggers`], in the order below.
struct Head;

impl Head {
    /// "dug in".
    const DIG: u32 = 1;
    /// "took control".
    const TAKE: u32 = 1 << 1;
    /// "took full control".
    const TAKE_FULL: u32 = 1 << 2;
    /// "pulled out", "pulled back".
    const PULL: u32 = 1 << 3;
    /// "pressed on", "pressing toward".
    const PRESS: u32 = 1 << 4;
    /// "closing in".
    const CLOSE: u32 = 1 << 5;
    /// "remains contested".
    const REMAIN: u32 = 1 << 6;
    /// "gray zone".
    const GRAY: u32 = 1 << 7;
    /// "lost control".
    const LOSE: u32 = 1 << 8;
    /// "still hold", "under Russian control".
    const HOLD: u32 = 1 << 9;
    /// "in Ukrainian hands".
    const HANDS: u32 = 1 << 10;
    /// "fell to".
    const FALL: u32 = 1 << 11;
    /// "improved their position".
    const IMPROVE: u32 = 1 << 12;
    /// "beat back".
    const BEAT: u32 = 1 << 13;
    /// "fought off".
    const FIGHT: u32 = 1 << 14;
    /// "stopped an assault".
    const STOP: u32 = 1 << 15;
    /// "pushed them back", "forced them from".
    const DRIVE: u32 = 1 << 16;
    /// "launched missiles", "fired rockets".
    const LAUNCH: u32 = 1 << 17;
    /// "broke through", "trying to break through".
    const BREAK: u32 = 1 << 18;
    /// "maintain positions in".
    const MAINTAIN: u32 = 1 << 19;

    /// The words that begin each.
    const WORDS: &'static [(u32, &'static [&'static str])] = &[
        (Head::DIG, &["dug", "digging", "dig"]),
        (
            Head::TAKE,
            &[
                "taken",
                "take",
                "takes",
                "took",
                "taking",
                "gained",
                "gain",
                "gains",
                "established",
                "establish",
                "establishes",
                "seized",
                "assumed",
                "regained",
            ],
        ),
        (
            Head::TAKE_FULL,
            &[
                "taken",
                "take",
                "took",
                "taking",
                "gained",
                "established",
                "seized",
                "regained",
            ],
        ),
        (Head::PULL, &["pulled", "pulling"]),
        (Head::PRESS, &["pressed", "pressing", "press", "presses"]),
        (Head::CLOSE, &["closing", "closed", "close", "closes"]),
        (
            Head::REMAIN,
            &[
                "remains", "remain", "remained", "is", "are", "was", "were", "stays",
            ],
        ),
        (Head::GRAY, &["gray", "grey"]),
        (Head::LOSE, &["lost", "lose", "loses", "losing"]),
        (
            Head::HOLD,
            &[
                "hold",
                "holds",
                "holding",
                "control",
                "controls",
                "controlling",
                "retain",
                "retains",
                "retaining",
                "retained",
            ],
        ),
        (Head::HANDS, &["hands"]),
        (Head::FALL, &["fell", "falls"]),
        (
            Head::IMPROVE,
            &["improved", "improving", "improve", "improves"],
        ),
        (Head::BEAT, &["beat", "beaten", "beating"]),
        (
            Head::FIGHT,
            &["fought", "fighting", "fend", "fended", "fending"],
        ),
        (
            Head::STOP,
            &[
                "stopped",
                "stopping",
                "halted",
                "halting",
                "thwarted",
                "thwarting",
                "foiled",
                "foiling",
                "blunted",
            ],
        ),
        (
            Head::DRIVE,
            &["pushed", "pushing", "drove", "driving", "forced", "forcing"],
        ),
        (Head::LAUNCH, &["launched", "fired", "launching", "firing"]),
        (
            Head::BREAK,
            &["break", "breaks", "broke", "breaking", "broken"],
        ),
        (
            Head::MAINTAIN,
            &["maintain", "maintains", "maintained", "maintaining"],
        ),
    ];
}

/// The multi-word triggers a lower-case word can begin ([`Head`] bits),
/// from one hash lookup.
pub(crate) fn trigger_head(word: &str) -> u32 {
    static TABLE: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, u32>> =
        std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = rustc_hash::FxHashMap::default();
        for &(bit, words) in Head::WORDS {
            for &w in words {
                *table.entry(w).or_insert(0) |= bit;
            }
        }
        table
    });
    table.get(word).copied().unwrap_or(0)
}

fn find_triggers(
    lower: &[Word<'_>],
    facts: &[WordFacts],
    gaps: &[&str],
    first: usize,
    last: usize,
) -> Vec<Trigger> {
    let mut out: Vec<Trigger> = Vec::new();
    let air = facts[first..=last]
        .iter()
        .any(|f| f.lists & Lists::AIR != 0);
    let mut k = first;
    while k <= last {
        let w = lower[k].as_ref();
        let next = lower.get(k + 1).map(|w| &**w).unwrap_or("");
        // Multi-word triggers first; most words begin none.
        let next2 = lower.get(k + 2).map(|w| &**w).unwrap_or("");
        let head = facts[k].head;
        // "forces still hold", "continue to hold": the words before make
        // "hold" (and "maintain") a verb of holding.
        let held_after = || {
            k > first
                && holds_after(
                    &lower[k - 1],
                    if k >= first + 2 { &lower[k - 2] } else { "" },
                )
        };
        let multi = if head == 0 {
            None
        } else if head & Head::DIG != 0 && next == "in" {
            Some(Action::Fortification)
        } else if head & Head::TAKE != 0 && next == "control" {
            // "had taken control of", "established full control over".
            Some(Action::Capture)
        } else if head & Head::TAKE_FULL != 0
            && matches!(next, "full" | "complete" | "total")
            && next2 == "control"
        {
            Some(Action::Capture)
        } else if head & Head::PULL != 0 && matches!(next, "out" | "back") {
            Some(Action::Withdrawal)
        } else if head & Head::PRESS != 0
            && matches!(next, "on" | "ahead" | "forward" | "toward" | "towards")
        {
            // "pressed on toward Kramatorsk".
            Some(Action::Advance)
        } else if head & Head::CLOSE != 0 && next == "in"
            || head & Head::BREAK != 0 && next == "through"
        {
            // "closing in on Pokrovsk", "broke through Ukrainian defences".
            Some(Action::Advance)
        } else if head & Head::REMAIN != 0 && next == "contested"
            || head & Head::GRAY != 0 && next == "zone"
        {
            // "Terny remains contested", "in the gray zone": fought over.
            Some(Action::Clash)
        } else if head & Head::LOSE != 0 && next == "control" {
            // "Ukraine lost control of Avdiivka": the loser withdrew.
            Some(Action::Withdrawal)
        } else if head & Head::LOSE != 0
            && lower[k + 1..=last.min(k + 5)]
                .iter()
                .any(|x| CASUALTIES.contains(&x.as_ref()))
        {
            // "the enemy lost 120 servicemen near Vuhledar": fighting there.
            Some(Action::Clash)
        } else if head & Head::HOLD != 0 && held_after() {
            // "forces still hold Vuhledar", "Russian forces control most of
            // Niu-York", "continue to hold", "under Russian control".
            Some(Action::Hold)
        } else if head & Head::MAINTAIN != 0
            && held_after()
            && matches!(next, "positions" | "control" | "presence")
        {
            // "Ukrainian forces maintain positions in Synkivka" (but not
            // "maintain pressure on").
            Some(Action::Hold)
        } else if head & Head::HANDS != 0
            && k >= first + 2
            && lower[k - 2] == "in"
            && matches!(
                possessor(&lower[k - 1]),
                "russian" | "ukrainian" | "russia" | "ukraine"
            )
        {
            // "remains in Ukrainian hands".
            Some(Action::Hold)
        } else if head & Head::FALL != 0 && next == "to" {
            Some(Action::Capture)
        } else if head & Head::IMPROVE != 0
            && lower[k + 1..=last.min(k + 3)]
                .iter()
                .any(|x| matches!(x.as_ref(), "position" | "positions"))
        {
            // "improved their tactical position near X": an advance, as
            // Russia's ministry words it.
            Some(Action::Advance)
        } else if head & Head::BEAT != 0 && next == "back"
            || head & Head::FIGHT != 0 && next == "off"
        {
            // "beat back an assault", "fought off attacks".
            Some(Action::Repelled)
        } else if head & Head::STOP != 0
            && lower[k + 1..=last.min(k + 4)].iter().any(|x| {
                matches!(
                    x.as_ref(),
                    "assault"
                        | "assaults"
                        | "attack"
                        | "attacks"
                        | "advance"
                        | "advances"
                        | "offensive"
                        | "attempt"
                        | "attempts"
                        | "push"
                        | "breakthrough"
                )
            })
        {
            // "stopped a Russian mechanized assault", "thwarted an attempt
            // to advance": the attack was repelled.
            Some(Action::Repelled)
        } else if head & Head::DRIVE != 0 {
            // "pushed Russian forces back" / "forced Ukrainian troops from".
            let rest = &lower[k + 1..=last.min(k + 6)];
            let driven = if rest.iter().any(|x| x == "back" || x == "out") {
                Some(Action::Counterattack)
            } else if rest.iter().any(|x| x == "from") {
                Some(Action::Capture)
            } else {
                None
            };
            if let Some(action) = driven {
                // The object is who lost the ground.
                out.push(Trigger {
                    at: k,
                    action,
                    object_loses: true,
                    elaborates: false,
                });
                k += 1;
                continue;
            }
            None
        } else {
            None
        };
        // "launched missiles at", "fired rockets on": a strike.
        if head & Head::LAUNCH != 0 {
            let weapon = (k + 1..=last.min(k + 3)).find_map(|j| match lower[j].as_ref() {
                "missile" | "missiles" | "rockets" | "rocket" | "shells" => Some(Action::Shelling),
                "drones" | "drone" | "bombs" => Some(Action::AirStrike),
                _ => None,
            });
            if let Some(action) = weapon {
                out.push(Trigger {
                    at: k,
                    action,
                    object_loses: false,
                    elaborates: false,
                });
                k += 1;
                continue;
            }
        }
        if let Some(action) = multi {
            out.push(Trigger {
                at: k,
                action,
                object_loses: false,
                elaborates: false,
            });
            k += 2;
            continue;
        }
        // "pushed toward", "pushing deeper into", but not "pushed new
        // sanctions" or "pushed for talks".
        let undirected_push = w.starts_with("push")
            && !matches!(
                next,
                "toward"
                    | "towards"
                    | "into"
                    | "forward"
                    | "deeper"
                    | "further"
                    | "ahead"
                    | "on"
                    | "onward"
                    | "west"
                    | "westward"
                    | "east"
                    | "eastward"
                    | "north"
                    | "northward"
                    | "south"
                    | "southward"
                    | "through"
                    | "closer"
                    | "in"
                    | "past"
                    | "beyond"
                    | "across"
                    | "along"
                    | "to"
                    | "up"
            );
        if undirected_push {
            k += 1;
            continue;
        }
        // "suffered heavy losses near Robotyne", "inflicting losses on the
        // enemy near Krynky": fighting; "economic losses" are none.
        if matches!(w, "losses" | "casualties")
            && lower[first.max(k.saturating_sub(3))..k].iter().any(|x| {
                matches!(
                    x.as_ref(),
                    "suffered"
                        | "suffering"
                        | "suffers"
                        | "inflicted"
                        | "inflicting"
                        | "inflicts"
                        | "heavy"
                        | "significant"
                        | "considerable"
                )
            })
        {
            out.push(Trigger {
                at: k,
                action: Action::Clash,
                object_loses: false,
                elaborates: false,
            });
            k += 1;
            continue;
        }
        // "infantry fighting vehicles", "combat vehicles": equipment.
        let equipment = matches!(next, "vehicle" | "vehicles");
        if let Some(mut action) = facts[k].action.filter(|_| !equipment) {
            if action == Action::Shelling && air {
                action = Action::AirStrike;
            }
            // "defensive fortifications": one trigger; "air strike(s)",
            // "drone attack", "missile attack": strikes, not assaults.
            if (w.starts_with("strike") || w.starts_with("attack"))
                && k > first
                && matches!(
                    lower[k - 1].as_ref(),
                    "air"
                        | "drone"
                        | "drones"
                        | "aerial"
                        | "bomb"
                        | "missile"
                        | "missiles"
                        | "rocket"
                        | "rockets"
                        | "artillery"
                )
            {
                action = if matches!(
                    lower[k - 1].as_ref(),
                    "missile" | "missiles" | "rocket" | "rockets" | "artillery"
                ) {
                    Action::Shelling
                } else {
                    Action::AirStrike
                };
            }
            // "regained ground near Vovchansk": ground gained is an advance,
            // no place taken.
            if action == Action::Capture && next == "ground" {
                action = Action::Advance;
            }
            // "Russian attacks killed three people": attacks that kill and
            // damage from afar are strikes, not assaults.
            if action == Action::Assault
                && w.starts_with("attack")
                && matches!(
                    next,
                    "killed"
                        | "kill"
                        | "kills"
                        | "injured"
                        | "injure"
                        | "injures"
                        | "wounded"
                        | "damaged"
                        | "destroyed"
                )
            {
                action = if air {
                    Action::AirStrike
                } else {
                    Action::Shelling
                };
            }
            if !descriptive(lower, gaps, first, k) {
                out.push(Trigger {
                    at: k,
                    action,
                    object_loses: false,
                    elaborates: false,
                });
            }
        }
        k += 1;
    }
    // One trigger per word run: "attacked and captured" keeps both, but a
    // clash word right after another trigger adds nothing.
    out.dedup_by(|b, a| b.at == a.at + 1 && b.action == Action::Clash);
    // "repelled Russian assaults": the assaults are what was repelled.
    // So are "repelled counterattacks" (a noun), but not "repelled an
    // assault and counterattacked" (a verb: an action of its own).
    out.dedup_by(|b, a| {
        let repelled_noun = match b.action {
            Action::Assault | Action::Clash => true,
            Action::Counterattack => {
                let w = lower[b.at].as_ref();
                w.ends_with("attack") || w.ends_with("attacks") || w.ends_with("offensive")
            }
            _ => false,
        };
        a.action == Action::Repelled && repelled_noun && b.at <= a.at + 4
    });
    out
}

/// True when the word at `at` follows a compass direction and "of":
/// "north of Kharkiv".
fn after_compass(lower: &[Word<'_>], first: usize, at: usize) -> bool {
    at >= first + 2 && lower[at - 1] == "of" && compass(&lower[at - 2]).is_some()
}

/// The side a word names, with the following word for "North Korean".
fn side_at(lower: &[Word<'_>], facts: &[WordFacts], k: usize) -> Option<Side> {
    if lower[k] == "north" {
        let next = lower.get(k + 1).map(|w| &**w).unwrap_or("");
        return next.starts_with("korea").then_some(Side::Other(*b"KP"));
    }
    facts[k].side
}

/// The side a word names on its own ("Russian", "Kyiv's"); "North" of
/// "North Korean" needs the word after it (see `side_at`).
pub(crate) fn side_of_word(word: &str) -> Option<Side> {
    // Side words are 3 to 13 letters long (possessive included).
    if !(3..=15).contains(&word.len()) {
        return None;
    }
    match possessor(word) {
        "russia" | "russian" | "russians" | "moscow" | "kremlin" | "wagner" | "chechen"
        | "occupiers" | "occupier" | "invaders" | "rashists" | "battlegroup" | "battlegroups" => {
            Some(Side::RU)
        }
        "ukraine" | "ukrainian" | "ukrainians" | "kyiv" | "kiev" | "afu" | "zsu" | "vsu" => {
            Some(Side::UA)
        }
        "pyongyang" => Some(Side::Other(*b"KP")),
        "belarus" | "belarusian" => Some(Side::Other(*b"BY")),
        _ => None,
    }
}

/// A word without its possessive `'s`.
fn possessor(word: &str) -> &str {
    // Most words do not end in "s".
    if !word.ends_with('s') {
        return word;
    }
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
}

fn is_actor_word(word: &str) -> bool {
    matches!(
        possessor(word),
        "russia" | "ukraine" | "moscow" | "kyiv" | "pyongyang"
    )
}

/// Sources whose side is known by name: Ukrainian monitors, commands and
/// officials; Russian agencies, channels and officials.
const UKRAINIAN_SOURCES: &[&str] = &[
    "deepstate",
    "khortytsia",
    "tavria",
    "syrskyi",
    "zelensky",
    "zelenskyy",
    "zelenskiy",
    "sbu",
    "hur",
    "ukrinform",
    "suspilne",
    "umerov",
];
const RUSSIAN_SOURCES: &[&str] = &[
    "tass",
    "ria",
    "rybar",
    "shoigu",
    "belousov",
    "gerasimov",
    "konashenkov",
    "peskov",
    "zvezda",
    "interfax",
];

/// The side whose sources each paragraph quotes, when only one's: Ukraine's
/// ("DeepState", "the Defence Forces") or Russia's ("TASS", "Battlegroup
/// Centre"). Read only in articles that speak of "the enemy" (empty
/// otherwise).
fn paragraph_sources(t: &Tokenized<'_>) -> Vec<Option<Side>> {
    let lower = &t.lower;
    let enemy = |w: &str| {
        (w.starts_with("enem") || w.starts_with("advers"))
            && matches!(possessor(w), "enemy" | "adversary")
    };
    if !lower.iter().any(|w| enemy(w)) {
        return Vec::new();
    }
    let paragraphs = t.sentences.last().map_or(0, |s| s.paragraph + 1);
    let mut named = vec![(false, false); paragraphs];
    for (k, w) in lower.iter().enumerate() {
        let p = t.sentences[t.tokens[k].sentence].paragraph;
        let w = possessor(w);
        let next = lower.get(k + 1).map_or("", |n| n.as_ref());
        // Beyond the sources a sentence names: Ukraine's "Defence Forces",
        // Russia's battlegroups.
        let side = source_side(w).or_else(|| {
            if matches!(w, "defence" | "defense") && next == "forces" {
                Some(Side::UA)
            } else if w.starts_with("battlegroup") {
                Some(Side::RU)
            } else {
                None
            }
        });
        match side {
            Some(Side::UA) => named[p].0 = true,
            Some(Side::RU) => named[p].1 = true,
            _ => {}
        }
    }
    named
        .into_iter()
        .map(|named| match named {
            (true, false) => Some(Side::UA),
            (false, true) => Some(Side::RU),
            _ => None,
        })
        .collect()
}

/// Whether the word at `j`, a country or capital, is where something
/// happens, not who does it: after "in", "into", "across", "inside" or
/// "throughout", with at most one word of region between ("in eastern
/// Ukraine"; but "in Russian hands" is a side's).
fn in_a_place(lower: &[Word<'_>], first: usize, j: usize) -> bool {
    if !matches!(
        lower[j].as_ref(),
        "ukraine" | "russia" | "belarus" | "kyiv" | "kiev" | "moscow" | "minsk"
    ) {
        return false;
    }
    let preposition = |w: &str| matches!(w, "in" | "into" | "across" | "inside" | "throughout");
    let regional = |w: &str| {
        matches!(
            w,
            "eastern"
                | "western"
                | "northern"
                | "southern"
                | "central"
                | "occupied"
                | "southeastern"
                | "northeastern"
                | "southwestern"
                | "northwestern"
        )
    };
    (j > first && preposition(&lower[j - 1]))
        || (j > first + 1 && regional(&lower[j - 1]) && preposition(&lower[j - 2]))
}

/// The side of a source the sentence names ("DeepState", "TASS").
fn named_source_side(lower: &[Word<'_>], first: usize, last: usize) -> Option<Side> {
    (first..=last).find_map(|j| source_side(possessor(&lower[j])))
}

/// The side of a source by its name, without a possessive: "deepstate",
/// "tass".
fn source_side(word: &str) -> Option<Side> {
    if UKRAINIAN_SOURCES.contains(&word) {
        Some(Side::UA)
    } else if RUSSIAN_SOURCES.contains(&word) {
        Some(Side::RU)
    } else {
        None
    }
}

/// Actor and target of a trigger.
fn sides(
    lower: &[Word<'_>],
    token_side: &[Option<Side>],
    first: usize,
    last: usize,
    tr: &Trigger,
    last_actor: Side,
    paragraph_source: Option<Side>,
) -> (Side, Option<Side>) {
    let side_at = |_: &[Word<'_>], j: usize| token_side[j];
    let k = tr.at;
    // Passive: "was captured by Russian forces"; "fell to Russian forces".
    // Not when an object comes between: in "repelled an attack by
    // Ukrainian groups" the attackers are the ones repelled.
    let passive_by = (k + 1..=last.min(k + 6))
        .find(|&j| {
            lower[j] == "by" || (lower[j] == "to" && j == k + 1 && tr.action == Action::Capture)
        })
        .filter(|&j| {
            (k + 1..j).all(|x| {
                let w = lower[x].as_ref();
                !matches!(w, "a" | "an" | "the") && action_of(w).is_none()
            })
        })
        .and_then(|j| (j + 1..=last.min(j + 3)).find_map(|x| side_at(lower, x)));
    // The subject: the nearest side word before the trigger, skipping the
    // sides of sources ("Russian milbloggers") and of places ("Russian
    // territory"), which neither fight nor move.
    let mut source_side = None;
    let mut subject_at = None;
    // A reported clause ("… claimed that Russian forces seized X") has its
    // subject after "that"; the speaker before it is a source, not an actor.
    let reported_from = (first..k).rev().find(|&j| reports_that(lower, j));
    if let Some(c) = reported_from {
        source_side = (first..c).rev().find_map(|j| {
            let next = lower.get(j + 1).map(|w| &**w).unwrap_or("");
            side_at(lower, j).filter(|_| SOURCE_NOUNS.contains(&next))
        });
    }
    // "…, and that fighting continued near X": a second thing said, whose
    // subject is after its own "that", with no speaker of its own.
    let second_report = (first..k)
        .rev()
        .find(|&j| lower[j] == "and" && lower.get(j + 1).is_some_and(|w| w == "that"))
        .filter(|&j| reported_from.is_some_and(|c| j > c));
    let subject_from = second_report.or(reported_from).map_or(first, |c| c + 2);
    let subject = (subject_from..k).rev().find_map(|j| {
        let side = side_at(lower, j)?;
        // "in eastern Ukraine", "across Russia": a country as a place.
        if in_a_place(lower, first, j) {
            return None;
        }
        let next = lower.get(j + 1).map(|w| &**w).unwrap_or("");
        if SOURCE_NOUNS.contains(&next) {
            source_side.get_or_insert(side);
            return None;
        }
        subject_at = Some(j);
        (!NON_ACTOR_NOUNS.contains(&next)).then_some(side)
    });
    // "Ukraine's military said it struck…": the pronoun is the speaker.
    let speaker_subject = subject_at.is_some_and(|j| {
        (j + 1..k)
            .any(|x| is_saying(&lower[x]) || matches!(lower[x].as_ref(), "added" | "confirmed"))
    });
    // "Russian sources claimed gains": a claim is of one's own side's gains.
    let claimed_by_source =
        (first..k).any(|j| matches!(lower[j].as_ref(), "claimed" | "claims" | "claim"));
    let subject = subject.or(source_side.filter(|_| claimed_by_source));
    // A reported clause with no side named in it speaks of the speaker's:
    // "Pyongyang had announced that it was sending…", "Russia's defence
    // ministry claimed that its forces captured…" (but "the enemy" there is
    // the speaker's adversary, read below).
    let subject = subject.or_else(|| {
        if second_report.is_some() {
            return None;
        }
        let c = reported_from?;
        let enemy_in_clause =
            (c + 2..k).any(|j| matches!(possessor(&lower[j]), "enemy" | "adversary"));
        if enemy_in_clause {
            return None;
        }
        (first..c).rev().find_map(|j| side_at(lower, j))
    });
    // "they", "the troops", "the strikes": the side last named.
    let pronoun = (first..k).rev().take(4).any(|j| {
        matches!(
            lower[j].as_ref(),
            "they" | "it" | "it’s" | "it's" | "they’re" | "they're"
        )
    }) || (k > first && lower[k - 1] == "the")
        || (lower[first] == "the"
            && lower
                .get(first + 1)
                .is_some_and(|w| UNIT_WORDS.contains(&w.as_ref())))
        || (k >= first + 2 && lower[k - 2] == "the" && UNIT_WORDS.contains(&lower[k - 1].as_ref()));
    // The side acted upon, after the trigger; not the side of a source
    // ("…, and Russian milbloggers claimed").
    let object = (k + 1..=last.min(k + 5)).find_map(|j| {
        let next = lower.get(j + 1).map(|w| &**w).unwrap_or("");
        side_at(lower, j).filter(|_| !SOURCE_NOUNS.contains(&next))
    });
    // "they're doing…": a pronoun right before the trigger is its subject.
    let adjacent_pronoun = k > first
        && matches!(
            lower[k - 1].as_ref(),
            "they" | "they’re" | "they're" | "it" | "it’s" | "it's"
        );
    // "The enemy tried to advance": the adversary of whoever speaks
    // ("DeepState said the enemy occupied…", "Ukrainian officials said the
    // enemy…"; "… The Defence Forces repelled them" in the paragraph), or
    // else of the side last named acting ("The Ukrainian forces repelled …
    // The enemy also tried…").
    let speaker = || {
        source_side
            .or_else(|| named_source_side(lower, first, last))
            .or(paragraph_source)
    };
    let enemy = (first..k)
        .rev()
        .take(6)
        .any(|j| matches!(possessor(&lower[j]), "enemy" | "adversary"));
    // "…liberated Kurdyumovka, the Russian Defence Ministry said": a
    // command reporting its own units' moves, their subject left unnamed.
    let reporting_side = || {
        (first..=last).find_map(|j| {
            let side = side_at(lower, j)?;
            (j + 1..=(j + 3).min(last))
                .any(|x| is_saying(&lower[x]))
                .then_some(side)
        })
    };
    let has_target = !matches!(
        tr.action,
        Action::Fortification | Action::Deployment | Action::Clash
    );
    let actor = match (passive_by, subject) {
        (Some(side), _) => side,
        (None, Some(side)) if adjacent_pronoun && speaker_subject => side,
        (None, _) if adjacent_pronoun && last_actor != Side::Unknown => last_actor,
        (None, Some(side)) => side,
        // "The enemy attacked Ukrainian positions": the enemy of the side
        // attacked. With no one named, "the enemy" is Russia:
        // English-language reporting quotes it mostly from Ukrainian sources.
        (None, None) if enemy => match (object, speaker().unwrap_or(last_actor)) {
            (Some(o @ (Side::RU | Side::UA)), _) if has_target => o.opponent(),
            (_, Side::Unknown) => Side::RU,
            (_, side) => side.opponent(),
        },
        (None, None) if pronoun => last_actor,
        (None, None) => match (tr.action, object) {
            // "Russian assaults were repelled": the defender is the other side.
            (Action::Repelled, Some(o)) => o.opponent(),
            (Action::Capture | Action::Advance | Action::Withdrawal | Action::Assault, None) => {
                reporting_side().unwrap_or(Side::Unknown)
            }
            _ => Side::Unknown,
        },
    };
    let target = object.filter(|&o| o != actor && has_target).or_else(|| {
        matches!(tr.action, Action::Repelled | Action::Counterattack)
            .then(|| actor.opponent())
            .filter(|&o| o != Side::Unknown)
    });
    (actor, target)
}

/// True when a new clause starts between words `a` and `b`: a conjunction
/// that opens one ("but", "while"), a comma before a new subject (", it
/// would…"), a relative pronoun or conjunction (", which…", ", where…", ", as…")
/// or a new verb (", and claimed…").
/// Semicolons do not break: reports list places with them.
fn clause_break(lower: &[Word<'_>], gaps: &[&str], a: usize, b: usize) -> bool {
    (a..b).any(|k| {
        let next = lower[k + 1].as_ref();
        if matches!(
            next,
            "but" | "while" | "whereas" | "although" | "though" | "however"
        ) {
            return true;
        }
        // "…, and Russian milbloggers claimed that…": what is claimed is a
        // clause of its own.
        if reports_that(lower, k + 1) {
            return true;
        }
        // The rest begin a clause only after a comma.
        let after_comma = matches!(
            next,
            "it" | "they" | "he" | "she" | "we" | "it’s" | "it's"
                // ", which links Crimea to…", ", where Moscow's troops are
                // pressing…", ", as Moscow evacuated…": a clause of its own.
                | "which" | "who" | "whose" | "where" | "as" | "when" | "after" | "before"
                | "because" | "since" | "until"
                | "and"
        );
        if !after_comma || !gaps[k].contains(',') {
            return false;
        }
        // ", and that…", ", and claimed gains…": a new clause.
        next != "and" || {
            let after = lower.get(k + 2).map(|w| &**w).unwrap_or("");
            matches!(after, "that" | "claimed" | "said" | "reported") || action_of(after).is_some()
        }
    })
}

/// Whether the word at `k` begins what is said, right after "that": "said
/// that fighting continued", "…, and that fighting continued": not a
/// relative clause ("the unit that attacked").
fn begins_reported_clause(lower: &[Word<'_>], first: usize, k: usize) -> bool {
    k >= first + 2
        && lower[k - 1] == "that"
        && (reports_that(lower, k - 2) || lower[k - 2] == "and")
}

/// Whether the word at `j` is a verb of saying followed by "that": "claimed
/// that", "said that", where a reported clause begins.
fn reports_that(lower: &[Word<'_>], j: usize) -> bool {
    let w = lower[j].as_ref();
    (is_saying(w) || matches!(w, "claimed" | "claims" | "claim" | "reports"))
        && lower.get(j + 1).is_some_and(|w| w == "that")
}

/// The verbs by which a speaker is quoted: "said", "says", "stated",
/// "reported", "announced" (each rule that reads a speaker adds its own).
fn is_saying(word: &str) -> bool {
    matches!(word, "said" | "says" | "stated" | "reported" | "announced")
}

fn negated(lower: &[Word<'_>], first: usize, k: usize) -> bool {
    (first.max(k.saturating_sub(3))..k).any(|j| {
        matches!(
            lower[j].as_ref(),
            "not"
                | "never"
                | "failed"
                | "no"
                | "didn't"
                | "hasn't"
                | "haven't"
                | "wasn't"
                | "weren't"
                | "cannot"
        )
    })
}

fn certainty(
    lower: &[Word<'_>],
    facts: &[WordFacts],
    first: usize,
    last: usize,
    k: usize,
) -> Certainty {
    let speculative = (first..=last.min(k + 2)).any(|j| {
        (facts[j].lists & Lists::SPECULATIVE != 0 || (lower[j] == "if" && j < k))
            && !is_month_may(lower, first, j)
    });
    if speculative {
        return Certainty::Speculative;
    }
    let claimed = (first..=last).any(|j| {
        let lists = facts[j].lists;
        // "…, and Russian milbloggers claimed that…" after the trigger: the
        // claim is of the clause it introduces.
        if lists & Lists::CLAIM != 0 {
            return j < k || !reports_that(lower, j);
        }
        match lower[j].as_ref() {
            // "according to geolocated footage", "according to DeepState":
            // evidence and monitors' maps, not a party's claim.
            "according" => !(j + 2..=(j + 3).min(last)).any(|x| {
                matches!(
                    possessor(&lower[x]),
                    "geolocated"
                        | "footage"
                        | "satellite"
                        | "imagery"
                        | "images"
                        | "video"
                        | "videos"
                        | "deepstate"
                        | "isw"
                        | "institute"
                        | "analysts"
                        | "monitors"
                        | "monitoring"
                        | "maps"
                        | "map"
                )
            }),
            _ => false,
        }
    });
    if claimed {
        Certainty::Claimed
    } else {
        Certainty::Reported
    }
}

/// "May" as the month ("On May 13", "in May"), not the modal verb.
fn is_month_may(lower: &[Word<'_>], first: usize, j: usize) -> bool {
    lower[j] == "may"
        && (lower.get(j + 1).is_some_and(|n| n.parse::<u32>().is_ok())
            || (j > first
                && matches!(
                    lower[j - 1].as_ref(),
                    "in" | "on" | "of" | "early" | "late" | "mid" | "since" | "until" | "by"
                )))
}

fn extent(lower: &[Word<'_>], gaps: &[&str], first: usize, last: usize) -> Extent {
    let partial = (first..=last).any(|j| {
        let w = lower[j].as_ref();
        let next = lower.get(j + 1).map(|w| &**w).unwrap_or("");
        // "about 80% of Toretsk", "60 percent of the town".
        // Only a word that begins like a number is parsed as one.
        let numeric = w
            .as_bytes()
            .first()
            .is_some_and(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+'));
        let share = numeric
            && w.parse::<f64>().is_ok_and(|n| n < 100.0)
            && (gaps.get(j).is_some_and(|g| g.starts_with('%'))
                || matches!(next, "percent" | "per"));
        share
            || matches!(w, "partially" | "partly" | "partial")
            || (matches!(
                w,
                "much" | "most" | "parts" | "part" | "portions" | "half" | "some" | "areas"
            ) && next == "of")
    });
    if partial {
        Extent::Partial
    } else {
        Extent::Full
    }
}

/// True when the place at token `at` is where the event heads:
/// "toward Kreminna", "in the direction of Kreminna".
fn heads_to(lower: &[Word<'_>], first: usize, at: usize) -> bool {
    let before = |n: usize| {
        at.checked_sub(n)
            .filter(|&j| j >= first)
            .map(|j| lower[j].as_ref())
    };
    matches!(before(1), Some("toward" | "towards"))
        // "towards the logistics hub of Pokrovsk", "toward the town of X".
        || (before(1) == Some("of")
            && (3..=6).any(|n| {
                matches!(before(n), Some("toward" | "towards")) && before(n - 1) == Some("the")
            }))
        || (before(1) == Some("of") && before(2) == Some("direction") && !origin(lower, first, at))
        // "advancing on Ugledar", "closing in on Pokrovsk".
        || (before(1) == Some("on")
            && before(2).is_some_and(|w| {
                w == "in"
                    || w.starts_with("advanc")
                    || matches!(w, "pushing" | "push" | "pushed" | "marching" | "converging" | "bearing")
            }))
}

/// True when the place at `at` is where the event comes from: "from X",
/// "from the direction of X", "from positions near X".
fn origin(lower: &[Word<'_>], first: usize, at: usize) -> bool {
    (at.saturating_sub(5).max(first)..at).any(|j| lower[j] == "from")
}

/// True when the text puts the event near, not in, the place at `at`.
fn near_words(lower: &[Word<'_>], first: usize, at: usize) -> bool {
    let before = |n: usize| {
        at.checked_sub(n)
            .filter(|&j| j >= first)
            .map(|j| lower[j].as_ref())
    };
    matches!(before(1), Some("near" | "outside" | "around" | "nearby"))
        || (before(1) == Some("of")
            && matches!(
                before(2),
                Some("outskirts" | "vicinity" | "approaches" | "suburbs")
            ))
}

fn compass(word: &str) -> Option<f64> {
    Some(match word {
        "north" | "northward" | "northwards" | "northern" => 0.0,
        "northeast" | "northeastern" => 45.0,
        "east" | "eastward" | "eastwards" | "eastern" => 90.0,
        "southeast" | "southeastern" => 135.0,
        "south" | "southward" | "southwards" | "southern" => 180.0,
        "southwest" | "southwestern" => 225.0,
        "west" | "westward" | "westwards" | "western" => 270.0,
        "northwest" | "northwestern" => 315.0,
        _ => return None,
    })
}

/// A heading stated after the trigger: "to the south", "southward".
fn compass_heading(lower: &[Word<'_>], k: usize, last: usize) -> Option<f64> {
    (k + 1..=last.min(k + 6)).find_map(|j| {
        let w = lower[j].as_ref();
        if w.ends_with("ward") || w.ends_with("wards") {
            return compass(w);
        }
        (j >= 2 && lower[j - 1] == "the" && lower[j - 2] == "to")
            .then(|| compass(w))
            .flatten()
    })
}

/// "east of Terny", "5 km north of Vovchansk": a point beside the place.
fn relative_position(
    lower: &[Word<'_>],
    first: usize,
    at: usize,
    anchor: &PlaceRef,
) -> Option<RelativePosition> {
    if at < first + 2 || lower[at - 1] != "of" {
        return None;
    }
    let bearing = compass(&lower[at - 2])?;
    // A stated distance: "5 km", "10 kilometers", "3 miles".
    let stated = (at >= first + 4)
        .then(|| {
            let unit = lower[at - 3].as_ref();
            let factor = match unit {
                "km" | "kilometers" | "kilometres" | "kilometer" | "kilometre" => 1.0,
                "mi" | "miles" | "mile" => 1.609_344,
                _ => return None,
            };
            // A distance a report would state: finite, positive, at most 300 km.
            lower[at - 4]
                .parse::<f64>()
                .ok()
                .map(|n| n * factor)
                .filter(|km| km.is_finite() && *km > 0.0 && *km <= 300.0)
        })
        .flatten();
    let offset_km = stated.unwrap_or(DEFAULT_OFFSET_KM);
    let (lat, lon) = destination(anchor.lat, anchor.lon, bearing, offset_km);
    Some(RelativePosition {
        anchor: anchor.clone(),
        bearing: Some(bearing),
        offset_km,
        offset_stated: stated.is_some(),
        lat,
        lon,
    })
}

/// An explicit date in the sentence: "5 July 2022", "July 5, 2022",
/// "May 13" (the year from the publication date), "November 2022" (its
/// first day).
fn date_in(
    lower: &[Word<'_>],
    facts: &[WordFacts],
    first: usize,
    last: usize,
    published: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let num = |j: usize| lower.get(j).and_then(|w| w.parse::<i32>().ok());
    // A day with no year written is the latest such day on or before
    // publication: "May 13" in an article of March 2024 is 13 May 2023.
    let without_year = |m: u32, d: u32| {
        let p = published?;
        let this_year = NaiveDate::from_ymd_opt(p.year(), m, d)?;
        if this_year <= p {
            Some(this_year)
        } else {
            NaiveDate::from_ymd_opt(p.year() - 1, m, d)
        }
    };
    // A wire dateline ("KYIV, Dec 3 (Reuters) -") dates the story, not
    // what it reports.
    let dateline = |j: usize| {
        (j + 1..=(j + 3).min(last)).any(|x| matches!(lower[x].as_ref(), "reuters" | "ap" | "afp"))
    };
    for j in first..=last {
        let Some(m) = facts[j].month.map(u32::from) else {
            continue;
        };
        if dateline(j) {
            continue;
        }
        // "5 July 2022"
        if j > first {
            if let Some(d) = num(j - 1).filter(|d| (1..=31).contains(d)) {
                return match num(j + 1).filter(|y| *y > 1900) {
                    Some(y) => NaiveDate::from_ymd_opt(y, m, d as u32),
                    None => without_year(m, d as u32),
                };
            }
        }
        // "July 5, 2022" / "May 13"
        if let Some(d) = num(j + 1).filter(|d| (1..=31).contains(d)) {
            return match num(j + 2).filter(|y| *y > 1900) {
                Some(y) => NaiveDate::from_ymd_opt(y, m, d as u32),
                None => without_year(m, d as u32),
            };
        }
        // "November 2022": the month's first day stands for it.
        if let Some(y) = num(j + 1).filter(|y| *y > 1900) {
            return NaiveDate::from_ymd_opt(y, m, 1);
        }
        // "in February", "in early July": the month's first day, in the
        // latest such month on or before publication.
        let before = if j > first { lower[j - 1].as_ref() } else { "" };
        let before2 = if j > first + 1 {
            lower[j - 2].as_ref()
        } else {
            ""
        };
        if before == "in"
            || (matches!(before, "early" | "late" | "mid") && matches!(before2, "in" | ""))
        {
            return without_year(m, 1);
        }
    }
    // "said on Sunday", "late Tuesday", "yesterday": the latest such day on
    // or before publication.
    let p = published?;
    (first..=last).find_map(|j| {
        let w = possessor(&lower[j]);
        if w == "yesterday" {
            return p.pred_opt();
        }
        let day = WEEKDAYS.iter().position(|d| *d == w)? as i64;
        let back = (i64::from(p.weekday().num_days_from_monday()) - day).rem_euclid(7);
        p.checked_sub_signed(chrono::Duration::days(back))
    })
}

/// Day names, Monday first.
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words that recall an earlier time: "early in the war", "a year ago",
/// "last year", "in 2022" (before the publication year). "Since 2014"
/// says how long a state has lasted, not when an event happened.
fn recalls_earlier(
    lower: &[Word<'_>],
    first: usize,
    last: usize,
    published: Option<NaiveDate>,
) -> bool {
    (first..=last).any(|j| {
        let w = lower[j].as_ref();
        let next = lower.get(j + 1).map(|w| &**w).unwrap_or("");
        let prev = if j > first { lower[j - 1].as_ref() } else { "" };
        (w == "early" && next == "in")
            || (w == "ago")
            || (w == "last" && next == "year")
            || (w == "previously")
            || (matches!(prev, "in" | "of")
                && w.parse::<i32>().is_ok_and(|y| {
                    (1990..2100).contains(&y) && published.is_some_and(|p| y < p.year())
                }))
    })
}

#[cfg(test)]
mod tests {
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
