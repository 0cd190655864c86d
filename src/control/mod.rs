//! Who holds which settlement, and since when: events of many articles →
//! a control timeline per settlement.
//!
//! Every event at a settlement (GeoNames class `P`) is an observation of
//! its control, dated by the event's own date or else the article's:
//!
//! | action | effect |
//! |---|---|
//! | `capture`, `hold` | held by the actor, `full` or `partial` |
//! | `withdrawal` | held by the actor's opponent |
//! | `advance`, `assault`, `counterattack`, `clash`, `repelled` | contested |
//! | `shelling`, `air_strike` | not held by the shooter (nothing said of who does) |
//!
//! Captures, withdrawals and fighting *beside* a place ("east of Terny",
//! "near Chasiv Yar") mark it contested only when no side is known to hold
//! it, and never a city of at least [`CITY_POPULATION`] people: fighting
//! north of Kharkiv does not contest Kharkiv. Fortification, deployment,
//! events only on the way to a place ("advanced toward Pokrovsk") and in a
//! direction named after it ("the Pokrovsk direction") say nothing about
//! its control.
//!
//! A contested state lapses [`CONTESTED_LAPSE_DAYS`] after the last
//! report of fighting there: the settlement goes back to the side that held
//! it before (or to `unknown`), with the action `lapse`.
//!
//! Certainty and time:
//! - a `speculative` event never changes control;
//! - a `claimed` one changes it only when no `reported` event on the same
//!   settlement, dated from the claim to [`CLAIM_WINDOW_DAYS`] after it,
//!   says a different side holds it; the state then says `claimed`;
//! - a `historical` event is placed at its own date when the text gives
//!   one, and otherwise kept out;
//! - observations are applied in date order, then in input order, so a
//!   later recapture overrides an earlier capture. Fighting reported on the
//!   day of a capture does not undo it.
//!
//! A [`Baseline`] (yesterday's state, say) seeds the timeline: each of its
//! rows is a reported observation at its own date.
//!
//! ```
//! use frontline::control::{Control, TimelineBuilder};
//! use frontline::{extract, Article, Gazetteer};
//!
//! let gaz = Gazetteer::bundled();
//! let day1 = Article::new("Russian forces captured Robotyne.").with_published("2024-06-01").unwrap();
//! let day5 = Article::new("Ukrainian forces recaptured Robotyne.").with_published("2024-06-05").unwrap();
//! let mut builder = TimelineBuilder::new();
//! builder.add_extraction(&gaz, &extract(&gaz, &day1));
//! builder.add_extraction(&gaz, &extract(&gaz, &day5));
//! let timeline = builder.build();
//!
//! let on = |d: &str| {
//!     let state = timeline.at(d.parse().unwrap());
//!     state.iter().find(|s| s.settlement.name == "Robotyne").unwrap().state.control
//! };
//! assert_eq!(on("2024-06-03"), Control::RU);
//! assert_eq!(on("2024-06-06"), Control::UA);
//! ```

mod baseline;

pub use baseline::{Baseline, BaselineEntry};

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::event::{Action, Certainty, Event, Extent, Heading, Side};
use crate::extract::Extraction;
use crate::Gazetteer;

/// A reported event dated up to this many days after a claim, on the same
/// settlement, that names another holder, keeps the claim from changing
/// control.
pub const CLAIM_WINDOW_DAYS: u64 = 7;

/// Fighting beside a settlement of at least this many people does not
/// make it contested.
pub const CITY_POPULATION: u64 = 100_000;

/// A contested state with no fighting reported for this many days lapses:
/// the settlement goes back to the side that held it before, or to
/// `unknown`.
pub const CONTESTED_LAPSE_DAYS: u64 = 30;

/// Who holds a settlement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Control {
    /// Russia.
    RU,
    /// Ukraine.
    UA,
    /// Fought over.
    #[serde(rename = "contested")]
    Contested,
    /// Not known (for example, only known not to be held by a side).
    #[serde(rename = "unknown")]
    Unknown,
}

impl Control {
    /// The code written in layers: `RU`, `UA`, `contested`, `unknown`.
    pub fn code(self) -> &'static str {
        match self {
            Control::RU => "RU",
            Control::UA => "UA",
            Control::Contested => "contested",
            Control::Unknown => "unknown",
        }
    }

    /// Reads a code, in any case; `Russia` and `Ukraine` are accepted too.
    ///
    /// ```
    /// use frontline::control::Control;
    /// assert_eq!(Control::parse("ru"), Some(Control::RU));
    /// assert_eq!(Control::parse("Contested"), Some(Control::Contested));
    /// assert_eq!(Control::parse("NATO"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Control> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ru" | "russia" => Some(Control::RU),
            "ua" | "ukraine" => Some(Control::UA),
            "contested" => Some(Control::Contested),
            "unknown" => Some(Control::Unknown),
            _ => None,
        }
    }

    /// The side that holds it, for `RU` and `UA`.
    pub fn side(self) -> Option<Side> {
        match self {
            Control::RU => Some(Side::RU),
            Control::UA => Some(Side::UA),
            _ => None,
        }
    }

    fn held_by(side: Side) -> Option<Control> {
        match side {
            Side::RU => Some(Control::RU),
            Side::UA => Some(Control::UA),
            _ => None,
        }
    }
}

/// A settlement whose control is tracked.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Settlement {
    /// GeoNames id.
    pub geonameid: u32,
    /// Its name.
    pub name: String,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
}

impl Settlement {
    /// The settlement's position as a [`geo::Point`] (x longitude, y
    /// latitude).
    ///
    /// ```
    /// use frontline::control::Settlement;
    /// let bakhmut = Settlement { geonameid: 713174, name: "Bakhmut".into(), lat: 48.59419, lon: 37.99886 };
    /// assert_eq!(bakhmut.point().x(), 37.99886);
    /// ```
    pub fn point(&self) -> geo::Point {
        geo::Point::new(self.lon, self.lat)
    }
}

/// Why a state holds: the event, or the baseline row, that set it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evidence {
    /// The article's id, or `baseline`.
    pub article_id: String,
    /// The sentence the event was read from, or the baseline's `FILE:LINE`.
    pub sentence: String,
    /// The event's action (`capture`), or `baseline`.
    pub action: String,
    /// How sure the text was.
    pub certainty: Certainty,
}

/// One state of a settlement's timeline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ControlState {
    /// Who holds it.
    pub control: Control,
    /// For `RU` and `UA`: all of it, or part.
    pub extent: Extent,
    /// For `unknown`: the side known not to hold it (it shelled it).
    pub not_held_by: Option<Side>,
    /// The day it began.
    pub since: NaiveDate,
    /// The last day an observation agreed with it.
    pub confirmed: NaiveDate,
    /// The day the next state began, if any.
    pub until: Option<NaiveDate>,
    /// `reported`, or `claimed` when a claim set it.
    pub certainty: Certainty,
    /// What set it.
    pub evidence: Evidence,
}

/// A settlement's states, oldest first; each ends where the next begins.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct History {
    /// The settlement.
    pub settlement: Settlement,
    /// Its states, in date order.
    pub states: Vec<ControlState>,
}

impl History {
    /// The state on a day, if one had begun by then.
    pub fn at(&self, date: NaiveDate) -> Option<&ControlState> {
        let n = self.states.partition_point(|s| s.since <= date);
        n.checked_sub(1).map(|i| &self.states[i])
    }
}

/// A settlement and its state on a day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SettlementState<'t> {
    /// The settlement.
    pub settlement: &'t Settlement,
    /// Its state that day.
    pub state: &'t ControlState,
}

/// What an observation says about control.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Held by a side, all or part.
    Held(Control, Extent),
    /// Fought over.
    Contested,
    /// Fought beside ("near Chasiv Yar"): contested unless a side is known
    /// to hold it, which it then still does.
    Nearby,
    /// Not held by this side.
    NotHeldBy(Side),
}

impl Effect {
    /// True when a reported `self` says someone other than `claim` holds
    /// the place.
    fn contradicts(self, claim: Effect) -> bool {
        match (claim, self) {
            (Effect::Held(a, _), Effect::Held(b, _)) => a != b,
            (Effect::Held(a, _), Effect::NotHeldBy(s)) => a.side() == Some(s),
            (Effect::NotHeldBy(s), Effect::Held(b, _)) => b.side() == Some(s),
            _ => false,
        }
    }
}

/// A dated statement about one settlement's control.
#[derive(Clone, Debug, PartialEq)]
pub struct Observation {
    /// The settlement.
    pub settlement: Settlement,
    /// The day it is about.
    pub date: NaiveDate,
    /// What it says.
    pub effect: Effect,
    /// How sure its source is.
    pub certainty: Certainty,
    /// Where it comes from.
    pub evidence: Evidence,
    /// Input order: (source, position within it); baselines come first.
    pub order: (u32, u32),
}

/// An advance or counterattack with a direction, for arrows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Movement {
    /// Who moved.
    pub actor: Side,
    /// `advance` or `counterattack`.
    pub action: Action,
    /// The day.
    pub date: NaiveDate,
    /// Where it starts: the event's point (latitude, longitude).
    pub from: (f64, f64),
    /// Where it heads: the place named, or [`ARROW_KM`] along the bearing.
    pub to: (f64, f64),
    /// The place it heads to, when named.
    pub toward: Option<String>,
    /// The place the event is at.
    pub place: String,
    /// Where it comes from.
    pub evidence: Evidence,
}

/// Length, km, of an arrow that has a bearing and no place to head to.
pub const ARROW_KM: f64 = 5.0;

/// What was left out of the timeline, and why.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// Events at a region or country, not a settlement.
    pub not_a_settlement: usize,
    /// Captures, withdrawals and strikes by no side, or by a third state.
    pub no_side: usize,
    /// Speculative events.
    pub speculative: usize,
    /// Claims that a reported event contradicts.
    pub contradicted_claims: usize,
    /// Historical events with no date of their own.
    pub historical_undated: usize,
    /// Events of articles with no date, and no date of their own.
    pub undated: usize,
    /// Fortification and deployment: nothing about control.
    pub no_control_meaning: usize,
    /// Fighting beside a city.
    pub beside_a_city: usize,
    /// Events only on the way to a place ("advanced toward Pokrovsk"), or
    /// in a direction named after it ("the Pokrovsk direction").
    pub approach_or_area: usize,
}

/// Collects observations from articles and a baseline, then builds the
/// [`Timeline`].
#[derive(Clone, Debug, Default)]
pub struct TimelineBuilder {
    observations: Vec<Observation>,
    movements: Vec<Movement>,
    skipped: Skipped,
    sources: u32,
}

impl TimelineBuilder {
    /// An empty builder.
    pub fn new() -> TimelineBuilder {
        TimelineBuilder::default()
    }

    /// Adds a baseline: each row is a reported observation at its date.
    /// Baselines rank before articles on the same day.
    pub fn add_baseline(&mut self, baseline: &Baseline) {
        for (k, entry) in baseline.entries.iter().enumerate() {
            let effect = match entry.control {
                Control::RU | Control::UA => Effect::Held(entry.control, entry.extent),
                Control::Contested => Effect::Contested,
                Control::Unknown => continue,
            };
            self.observations.push(Observation {
                settlement: entry.settlement.clone(),
                date: entry.since,
                effect,
                certainty: entry.certainty,
                evidence: Evidence {
                    article_id: "baseline".into(),
                    sentence: entry.source.clone(),
                    action: "baseline".into(),
                    certainty: entry.certainty,
                },
                // Baselines sort before every article (sources start at 1).
                order: (0, k as u32),
            });
            // Seen so again later: the same, on that day.
            if let Some(confirmed) = entry.confirmed {
                let mut again = self.observations.last().expect("just pushed").clone();
                again.date = confirmed;
                self.observations.push(again);
            }
        }
    }

    /// Adds the events of one article, in input order. Events with no
    /// date of their own take the article's publication date; without one
    /// they are skipped (set it before extracting: it also tells which
    /// events the article recalls from earlier years).
    pub fn add_extraction(&mut self, gaz: &Gazetteer, x: &Extraction) {
        self.sources += 1;
        let source = self.sources;
        let published = x.article.published;
        for (k, e) in x.events.iter().enumerate() {
            let date = match (e.event_date, e.historical) {
                (Some(d), _) => d,
                (None, true) => {
                    self.skipped.historical_undated += 1;
                    continue;
                }
                (None, false) => match published {
                    Some(d) => d,
                    None => {
                        self.skipped.undated += 1;
                        continue;
                    }
                },
            };
            let Some(place) = gaz.place_by_id(e.place.geonameid) else {
                self.skipped.not_a_settlement += 1;
                continue;
            };
            if !place.is_populated() {
                self.skipped.not_a_settlement += 1;
                continue;
            }
            let evidence = Evidence {
                article_id: x.article.id.clone().unwrap_or_default(),
                sentence: x.sentences[e.sentence].text.clone(),
                action: e.action.label().into(),
                certainty: e.certainty,
            };
            if let Some(m) = movement(e, date, &evidence) {
                self.movements.push(m);
            }
            if e.certainty == Certainty::Speculative {
                self.skipped.speculative += 1;
                continue;
            }
            let effect = match effect_of(e, place.population) {
                Ok(effect) => effect,
                Err(why) => {
                    self.skipped.count(why);
                    continue;
                }
            };
            self.observations.push(Observation {
                settlement: Settlement {
                    geonameid: e.place.geonameid,
                    name: e.place.name.clone(),
                    lat: e.place.lat,
                    lon: e.place.lon,
                },
                date,
                effect,
                certainty: e.certainty,
                evidence,
                order: (source, k as u32),
            });
        }
    }

    /// Adds an observation made elsewhere (a test, another source).
    pub fn add_observation(&mut self, observation: Observation) {
        self.observations.push(observation);
    }

    /// Applies every observation in date order and returns the timeline.
    pub fn build(self) -> Timeline {
        let TimelineBuilder {
            mut observations,
            mut movements,
            mut skipped,
            ..
        } = self;
        observations.sort_by(|a, b| {
            (a.settlement.geonameid, a.date, a.order).cmp(&(
                b.settlement.geonameid,
                b.date,
                b.order,
            ))
        });
        let mut histories: BTreeMap<u32, History> = BTreeMap::new();
        for group in observations.chunk_by(|a, b| a.settlement.geonameid == b.settlement.geonameid)
        {
            if let Some(h) = history(group, &mut skipped) {
                histories.insert(group[0].settlement.geonameid, h);
            }
        }
        movements.sort_by(|a, b| {
            (a.date, order_key(&a.evidence)).cmp(&(b.date, order_key(&b.evidence)))
        });
        Timeline {
            histories,
            movements,
            skipped,
        }
    }
}

fn order_key(e: &Evidence) -> (&str, &str) {
    (&e.article_id, &e.sentence)
}

/// Why an event says nothing about control.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Skip {
    NoSide,
    BesideACity,
    NoControlMeaning,
    ApproachOrArea,
}

impl Skipped {
    fn count(&mut self, why: Skip) {
        match why {
            Skip::NoSide => self.no_side += 1,
            Skip::BesideACity => self.beside_a_city += 1,
            Skip::NoControlMeaning => self.no_control_meaning += 1,
            Skip::ApproachOrArea => self.approach_or_area += 1,
        }
    }
}

/// What an event at a settlement of `population` says about its control.
fn effect_of(e: &Event, population: u64) -> Result<Effect, Skip> {
    // "toward Pokrovsk", "the Pokrovsk direction": nothing about the place.
    if e.approach || e.geo_precision >= 3 {
        return Err(Skip::ApproachOrArea);
    }
    // "east of Terny", "near Chasiv Yar".
    let beside = e.relative.is_some() || e.geo_precision == 2;
    let held = |side: Side| Control::held_by(side).ok_or(Skip::NoSide);
    let contested = || match (beside, population >= CITY_POPULATION) {
        (true, true) => Err(Skip::BesideACity),
        (true, false) => Ok(Effect::Nearby),
        (false, _) => Ok(Effect::Contested),
    };
    match e.action {
        Action::Capture | Action::Withdrawal | Action::Hold if beside => contested(),
        Action::Capture | Action::Hold => Ok(Effect::Held(held(e.actor)?, e.extent)),
        Action::Withdrawal => {
            held(e.actor)?;
            Ok(Effect::Held(held(e.actor.opponent())?, e.extent))
        }
        Action::Advance
        | Action::Assault
        | Action::Counterattack
        | Action::Clash
        | Action::Repelled => contested(),
        Action::Shelling | Action::AirStrike if beside => Err(Skip::NoControlMeaning),
        Action::Shelling | Action::AirStrike => match e.actor {
            Side::RU | Side::UA => Ok(Effect::NotHeldBy(e.actor)),
            _ => Err(Skip::NoSide),
        },
        Action::Fortification | Action::Deployment => Err(Skip::NoControlMeaning),
    }
}

/// The arrow of an advance or counterattack that heads somewhere.
fn movement(e: &Event, date: NaiveDate, evidence: &Evidence) -> Option<Movement> {
    if !matches!(e.action, Action::Advance | Action::Counterattack)
        || e.certainty == Certainty::Speculative
    {
        return None;
    }
    let Heading { bearing, toward } = e.heading.as_ref()?;
    let to = match (toward, bearing) {
        (Some(p), _) => (p.lat, p.lon),
        (None, Some(b)) => crate::geo_util::destination(e.lat, e.lon, *b, ARROW_KM),
        (None, None) => return None,
    };
    if crate::geo_util::distance_km(e.lat, e.lon, to.0, to.1) < 0.01 {
        return None;
    }
    Some(Movement {
        actor: e.actor,
        action: e.action,
        date,
        from: (e.lat, e.lon),
        to,
        toward: toward.as_ref().map(|p| p.name.clone()),
        place: e.place.name.clone(),
        evidence: evidence.clone(),
    })
}

/// Applies one settlement's observations, sorted by date and order.
fn history(observations: &[Observation], skipped: &mut Skipped) -> Option<History> {
    let mut states: Vec<ControlState> = Vec::new();
    for o in observations {
        if o.certainty == Certainty::Claimed && is_contradicted(o, observations) {
            skipped.contradicted_claims += 1;
            continue;
        }
        let current = states.last_mut();
        let next = match (o.effect, current) {
            (Effect::Held(c, extent), Some(s)) if s.control == c && s.extent == extent => {
                s.confirmed = s.confirmed.max(o.date);
                if s.certainty == Certainty::Claimed && o.certainty == Certainty::Reported {
                    s.certainty = Certainty::Reported;
                }
                None
            }
            (Effect::Held(c, extent), _) => Some((c, extent, None)),
            (Effect::Contested, Some(s))
                if s.control == Control::Contested
                    || (s.since == o.date && s.control.side().is_some()) =>
            {
                // Fighting on the day of a capture is the capture's.
                s.confirmed = s.confirmed.max(o.date);
                None
            }
            (Effect::Contested, _) => Some((Control::Contested, Extent::Full, None)),
            // Fighting beside a place a side holds: it still holds it.
            (Effect::Nearby, Some(s)) if s.control.side().is_some() => None,
            (Effect::Nearby, Some(s)) if s.control == Control::Contested => {
                s.confirmed = s.confirmed.max(o.date);
                None
            }
            (Effect::Nearby, _) => Some((Control::Contested, Extent::Full, None)),
            (Effect::NotHeldBy(side), Some(s))
                if s.control.side().is_some_and(|h| h != side)
                    || s.control == Control::Contested
                    || (s.control == Control::Unknown && s.not_held_by == Some(side)) =>
            {
                s.confirmed = s.confirmed.max(o.date);
                None
            }
            (Effect::NotHeldBy(side), _) => Some((Control::Unknown, Extent::Full, Some(side))),
        };
        if let Some((control, extent, not_held_by)) = next {
            if let Some(last) = states.last_mut() {
                if last.since == o.date {
                    // A later statement the same day replaces the earlier one.
                    states.pop();
                }
            }
            if let Some(last) = states.last_mut() {
                last.until = Some(o.date);
            }
            states.push(ControlState {
                control,
                extent,
                not_held_by,
                since: o.date,
                confirmed: o.date,
                until: None,
                certainty: o.certainty,
                evidence: o.evidence.clone(),
            });
        }
    }
    let settlement = observations.last()?.settlement.clone();
    (!states.is_empty()).then(|| History {
        settlement,
        states: with_lapses(states),
    })
}

/// Ends each contested state [`CONTESTED_LAPSE_DAYS`] after the last
/// report of fighting, when nothing else ended it sooner: the settlement
/// goes back to the side that held it before, or to `unknown`.
fn with_lapses(states: Vec<ControlState>) -> Vec<ControlState> {
    let mut out: Vec<ControlState> = Vec::with_capacity(states.len());
    let mut held_before: Option<ControlState> = None;
    for state in states {
        if state.control.side().is_some() {
            held_before = Some(state.clone());
        }
        let lapse = (state.control == Control::Contested)
            .then(|| {
                state
                    .confirmed
                    .checked_add_days(Days::new(CONTESTED_LAPSE_DAYS))
            })
            .flatten()
            .filter(|&lapse| state.until.is_none_or(|u| u > lapse));
        let until = state.until;
        out.push(state);
        let Some(lapse) = lapse else { continue };
        let contested = out.last_mut().expect("just pushed");
        contested.until = Some(lapse);
        let mut back = match &held_before {
            Some(h) => h.clone(),
            None => ControlState {
                control: Control::Unknown,
                extent: Extent::Full,
                not_held_by: None,
                ..contested.clone()
            },
        };
        back.since = lapse;
        back.confirmed = lapse;
        back.until = until;
        back.evidence = Evidence {
            article_id: String::new(),
            sentence: format!(
                "Contested since {}; no fighting reported for {CONTESTED_LAPSE_DAYS} days after {}",
                contested.since, contested.confirmed
            ),
            action: "lapse".into(),
            certainty: back.certainty,
        };
        out.push(back);
    }
    out
}

/// True when a reported observation of the same settlement, dated from
/// the claim to [`CLAIM_WINDOW_DAYS`] after it, names another holder.
/// Baseline rows do not contradict: a claim of change differs from the
/// state before it by design.
fn is_contradicted(claim: &Observation, all: &[Observation]) -> bool {
    let last = claim
        .date
        .checked_add_days(Days::new(CLAIM_WINDOW_DAYS))
        .unwrap_or(NaiveDate::MAX);
    all.iter().any(|o| {
        o.certainty == Certainty::Reported
            && o.order.0 != 0
            && o.date >= claim.date
            && o.date <= last
            && o.effect.contradicts(claim.effect)
    })
}

/// Every settlement's control over time, and the movements seen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    histories: BTreeMap<u32, History>,
    movements: Vec<Movement>,
    skipped: Skipped,
}

impl Timeline {
    /// Every settlement's history, by GeoNames id.
    pub fn histories(&self) -> impl Iterator<Item = &History> {
        self.histories.values()
    }

    /// The history of one settlement.
    pub fn history(&self, geonameid: u32) -> Option<&History> {
        self.histories.get(&geonameid)
    }

    /// The state of every settlement that had one by `date`, in GeoNames
    /// id order. States that ended later say so in `until`.
    pub fn at(&self, date: NaiveDate) -> Vec<SettlementState<'_>> {
        self.histories
            .values()
            .filter_map(|h| {
                h.at(date).map(|state| SettlementState {
                    settlement: &h.settlement,
                    state,
                })
            })
            .collect()
    }

    /// Every day on which some settlement's control changed, in order.
    pub fn change_dates(&self) -> Vec<NaiveDate> {
        let mut dates: Vec<NaiveDate> = self
            .histories
            .values()
            .flat_map(|h| h.states.iter().map(|s| s.since))
            .collect();
        dates.sort();
        dates.dedup();
        dates
    }

    /// Advances and counterattacks with a direction, dated up to `date`,
    /// in date order.
    pub fn movements_until(&self, date: NaiveDate) -> impl Iterator<Item = &Movement> {
        self.movements.iter().filter(move |m| m.date <= date)
    }

    /// What was left out, and why.
    pub fn skipped(&self) -> Skipped {
        self.skipped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(id: u32, date: &str, effect: Effect, certainty: Certainty, order: u32) -> Observation {
        Observation {
            settlement: Settlement {
                geonameid: id,
                name: format!("place {id}"),
                lat: 48.0,
                lon: 37.0,
            },
            date: date.parse().unwrap(),
            effect,
            certainty,
            evidence: Evidence {
                article_id: format!("a{order}"),
                sentence: String::new(),
                action: String::new(),
                certainty,
            },
            order: (order, 0),
        }
    }

    fn control_on(t: &Timeline, id: u32, date: &str) -> Option<Control> {
        t.history(id)?.at(date.parse().unwrap()).map(|s| s.control)
    }

    /// The state of settlement `id` on `date`, which must exist.
    fn state_on<'t>(t: &'t Timeline, id: u32, date: &str) -> &'t ControlState {
        t.history(id)
            .and_then(|h| h.at(date.parse().unwrap()))
            .unwrap_or_else(|| panic!("no state of {id} on {date}"))
    }

    const RU: Effect = Effect::Held(Control::RU, Extent::Full);
    const UA: Effect = Effect::Held(Control::UA, Extent::Full);

    #[test]
    fn a_recapture_overrides_an_earlier_capture() {
        let mut b = TimelineBuilder::new();
        b.add_observation(obs(1, "2024-06-05", UA, Certainty::Reported, 2));
        b.add_observation(obs(1, "2024-06-01", RU, Certainty::Reported, 1));
        let t = b.build();
        assert_eq!(control_on(&t, 1, "2024-05-31"), None);
        assert_eq!(control_on(&t, 1, "2024-06-03"), Some(Control::RU));
        assert_eq!(control_on(&t, 1, "2024-06-06"), Some(Control::UA));
        let h = t.history(1).unwrap();
        assert_eq!(h.states[0].until, Some("2024-06-05".parse().unwrap()));
        assert_eq!(t.change_dates().len(), 2);
    }

    #[test]
    fn a_claim_contradicted_by_a_later_report_changes_nothing() {
        let mut b = TimelineBuilder::new();
        b.add_observation(obs(1, "2024-06-01", UA, Certainty::Reported, 1));
        b.add_observation(obs(1, "2024-06-10", RU, Certainty::Claimed, 2));
        b.add_observation(obs(1, "2024-06-12", UA, Certainty::Reported, 3));
        let t = b.build();
        assert_eq!(control_on(&t, 1, "2024-06-11"), Some(Control::UA));
        assert_eq!(t.skipped().contradicted_claims, 1);
    }

    #[test]
    fn an_uncontradicted_claim_changes_control_and_says_claimed() {
        let mut b = TimelineBuilder::new();
        b.add_observation(obs(1, "2024-06-01", UA, Certainty::Reported, 1));
        b.add_observation(obs(1, "2024-06-10", RU, Certainty::Claimed, 2));
        // A report long after the claim is a later change, not a contradiction.
        b.add_observation(obs(1, "2024-07-30", UA, Certainty::Reported, 3));
        let t = b.build();
        let s = state_on(&t, 1, "2024-06-11");
        assert_eq!((s.control, s.certainty), (Control::RU, Certainty::Claimed));
    }

    #[test]
    fn shelling_says_the_shooter_does_not_hold_the_place_and_nothing_more() {
        let mut b = TimelineBuilder::new();
        let ru_shells = Effect::NotHeldBy(Side::RU);
        b.add_observation(obs(1, "2024-06-01", ru_shells, Certainty::Reported, 1));
        b.add_observation(obs(2, "2024-06-01", RU, Certainty::Reported, 1));
        b.add_observation(obs(2, "2024-06-03", ru_shells, Certainty::Reported, 2));
        b.add_observation(obs(3, "2024-06-01", UA, Certainty::Reported, 1));
        b.add_observation(obs(3, "2024-06-03", ru_shells, Certainty::Reported, 2));
        let t = b.build();
        let s = state_on(&t, 1, "2024-06-02");
        assert_eq!(
            (s.control, s.not_held_by),
            (Control::Unknown, Some(Side::RU))
        );
        assert_eq!(control_on(&t, 2, "2024-06-04"), Some(Control::Unknown));
        // Shelling a place the other side holds confirms it.
        let s = state_on(&t, 3, "2024-06-04");
        assert_eq!(
            (s.control, s.confirmed.to_string().as_str()),
            (Control::UA, "2024-06-03")
        );
    }

    #[test]
    fn fighting_beside_a_held_place_leaves_it_held_and_contests_an_unknown_one() {
        let mut b = TimelineBuilder::new();
        b.add_observation(obs(1, "2024-06-01", UA, Certainty::Reported, 1));
        b.add_observation(obs(1, "2024-06-02", Effect::Nearby, Certainty::Reported, 2));
        b.add_observation(obs(2, "2024-06-02", Effect::Nearby, Certainty::Reported, 2));
        let t = b.build();
        assert_eq!(control_on(&t, 1, "2024-06-03"), Some(Control::UA));
        assert_eq!(control_on(&t, 2, "2024-06-03"), Some(Control::Contested));
    }

    #[test]
    fn a_contested_state_lapses_to_the_holder_before_it_or_to_unknown() {
        let mut b = TimelineBuilder::new();
        b.add_observation(obs(1, "2024-06-01", UA, Certainty::Reported, 1));
        b.add_observation(obs(
            1,
            "2024-06-05",
            Effect::Contested,
            Certainty::Reported,
            2,
        ));
        b.add_observation(obs(
            1,
            "2024-06-20",
            Effect::Contested,
            Certainty::Reported,
            3,
        ));
        b.add_observation(obs(
            2,
            "2024-06-05",
            Effect::Contested,
            Certainty::Reported,
            2,
        ));
        let t = b.build();
        // Confirmed on 20 June: contested to 19 July, Ukrainian from 20 July.
        assert_eq!(control_on(&t, 1, "2024-07-19"), Some(Control::Contested));
        let back = state_on(&t, 1, "2024-07-20");
        assert_eq!(
            (back.control, back.evidence.action.as_str()),
            (Control::UA, "lapse")
        );
        assert_eq!(control_on(&t, 2, "2024-07-05"), Some(Control::Unknown));
        // A recapture before the lapse ends the contest instead.
        let mut b = TimelineBuilder::new();
        b.add_observation(obs(
            3,
            "2024-06-05",
            Effect::Contested,
            Certainty::Reported,
            2,
        ));
        b.add_observation(obs(3, "2024-06-10", RU, Certainty::Reported, 3));
        let t = b.build();
        assert_eq!(t.history(3).unwrap().states.len(), 2);
    }

    #[test]
    fn fighting_on_the_day_of_a_capture_does_not_undo_it() {
        let mut b = TimelineBuilder::new();
        b.add_observation(obs(1, "2024-06-01", RU, Certainty::Reported, 1));
        b.add_observation(obs(
            1,
            "2024-06-01",
            Effect::Contested,
            Certainty::Reported,
            2,
        ));
        b.add_observation(obs(
            1,
            "2024-06-02",
            Effect::Contested,
            Certainty::Reported,
            3,
        ));
        let t = b.build();
        assert_eq!(control_on(&t, 1, "2024-06-01"), Some(Control::RU));
        assert_eq!(control_on(&t, 1, "2024-06-02"), Some(Control::Contested));
    }
}
