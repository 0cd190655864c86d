//! The properties of each layer's features, as typed records: one struct
//! per layer kind, whose fields are the properties.
//!
//! Fields are declared in name order, the order in which a
//! `serde_json::Map` keeps keys, so a record written straight to JSON and
//! the same record turned into a [`geojson::Feature`] give the same bytes.
//! Batches write the records straight, without building a map per feature.

use geojson::{Geometry, Value};
use std::borrow::Cow;
use std::fmt::Write;

use serde::Serialize;

use super::crowded::{self, Fate};
use super::{evidence, evidence_around, point, round6, side_color};
use crate::event::{Certainty, Event, Extent, Side};
use crate::extract::Extraction;
use crate::resolved::ResolvedMention;
use rustc_hash::FxHashMap as HashMap;

/// What every feature says of its article. A date or null for `published`:
/// an empty string would stop OGR reading the field as a Date.
#[derive(Clone, Copy)]
pub(crate) struct ArticleFields<'a> {
    id: &'a str,
    title: &'a str,
    published: Option<&'a str>,
    url: &'a str,
}

/// The article fields of an extraction; `published` is its ISO date,
/// formatted by the caller so that every record can borrow it.
pub(crate) fn article_fields<'a>(x: &'a Extraction, published: &'a str) -> ArticleFields<'a> {
    let meta = &x.article;
    ArticleFields {
        id: meta.id.as_deref().unwrap_or_default(),
        title: meta.title.as_deref().unwrap_or_default(),
        published: meta.published.map(|_| published),
        url: meta.url.as_deref().unwrap_or_default(),
    }
}

/// The `published` text of an extraction, empty when it has no date.
pub(crate) fn published_text(x: &Extraction) -> String {
    x.article
        .published
        .map(|d| d.to_string())
        .unwrap_or_default()
}

/// A feature of the places layer.
#[derive(Serialize)]
pub(crate) struct PlaceRecord<'a> {
    actions: String,
    actors: String,
    admin1: &'a str,
    admin2: &'a str,
    article_id: &'a str,
    article_title: &'a str,
    bbox: Option<String>,
    confidence: f64,
    country_code: &'a str,
    description: Cow<'a, str>,
    end: usize,
    event_count: usize,
    feature_code: &'a str,
    geonameid: u32,
    kind: &'static str,
    latest_action: &'static str,
    latest_actor: String,
    #[serde(rename = "marker-color")]
    marker_color: &'static str,
    mention_count: usize,
    name: &'a str,
    population: u64,
    published: Option<&'a str>,
    start: usize,
    text: &'a str,
    title: &'a str,
    url: &'a str,
}

/// A feature of the mentions layer.
#[derive(Serialize)]
pub(crate) struct MentionRecord<'a> {
    admin1: &'a str,
    admin2: &'a str,
    alternatives: String,
    article_id: &'a str,
    article_title: &'a str,
    bbox: Option<String>,
    confidence: f64,
    country_code: &'a str,
    cue: &'a str,
    description: Cow<'a, str>,
    end: usize,
    feature_code: &'a str,
    geonameid: u32,
    kind: &'static str,
    #[serde(rename = "marker-color")]
    marker_color: &'static str,
    matched: &'static str,
    name: &'a str,
    population: u64,
    published: Option<&'a str>,
    score: f64,
    score_parts: String,
    sentence: usize,
    start: usize,
    text: &'a str,
    title: Cow<'a, str>,
    url: &'a str,
}

/// A feature of the events layer.
#[derive(Serialize)]
pub(crate) struct EventRecord<'a> {
    acled_sub_event_type: &'static str,
    action: &'static str,
    actor: String,
    actor_name: &'a str,
    approach: bool,
    article_id: &'a str,
    article_title: &'a str,
    certainty: Certainty,
    description: Cow<'a, str>,
    end: usize,
    event_date: Option<String>,
    extent: Extent,
    geo_precision: u8,
    geonameid: u32,
    heading_bearing: f64,
    historical: bool,
    #[serde(rename = "marker-color")]
    marker_color: &'static str,
    offset_km: f64,
    place: &'a str,
    published: Option<&'a str>,
    relative_bearing: f64,
    start: usize,
    stroke: &'static str,
    target: String,
    text: Cow<'a, str>,
    title: String,
    toward: &'a str,
    toward_geonameid: u32,
    trigger: &'a str,
    url: &'a str,
}

/// The places layer's records: one per distinct place, in order of first
/// mention, with how often it is named and what happened there. Each
/// record is built as it is read, so that a layer is written without
/// holding every record at once (as are the other layers').
pub(crate) fn place_records<'a>(
    x: &'a Extraction,
    article: ArticleFields<'a>,
) -> impl Iterator<Item = (Geometry, PlaceRecord<'a>)> + 'a {
    // Each place's mentions and events, places in order of first mention.
    let mut slot_of: HashMap<u32, usize> = HashMap::default();
    let mut places: Vec<(u32, Vec<&ResolvedMention>, Vec<&Event>)> = Vec::new();
    for m in x.resolved() {
        let id = m.resolution.as_ref().expect("resolved").place.geonameid;
        let slot = *slot_of.entry(id).or_insert_with(|| {
            places.push((id, Vec::new(), Vec::new()));
            places.len() - 1
        });
        places[slot].1.push(m);
    }
    for e in &x.events {
        if let Some(&slot) = slot_of.get(&e.place.geonameid) {
            places[slot].2.push(e);
        }
    }
    places.into_iter().map(move |(id, mentions, events)| {
        let first = mentions[0];
        let r = first.resolution.as_ref().expect("resolved");
        // The latest event: by its date where given, else text order.
        let latest = events
            .iter()
            .enumerate()
            .max_by_key(|(i, e)| (e.event_date.or(e.published), *i))
            .map(|(_, e)| *e);
        let join = |mut v: Vec<String>| {
            v.sort();
            v.dedup();
            v.join(",")
        };
        let confidence = mentions
            .iter()
            .filter_map(|m| m.resolution.as_ref().map(|r| r.confidence))
            .fold(0.0, f64::max);
        let actor = latest.map_or(Side::Unknown, |e| e.actor);
        let record = PlaceRecord {
            actions: join(
                events
                    .iter()
                    .map(|e| e.action.label().to_string())
                    .collect(),
            ),
            actors: join(events.iter().map(|e| e.actor.code()).collect()),
            admin1: r.admin1.as_deref().unwrap_or_default(),
            admin2: r.admin2.as_deref().unwrap_or_default(),
            article_id: article.id,
            article_title: article.title,
            bbox: bbox_text(&r.place),
            confidence,
            country_code: &r.place.country_code,
            description: mention_evidence(x, first),
            end: first.end,
            event_count: events.len(),
            feature_code: &r.place.feature_code,
            geonameid: id,
            kind: r.place.kind.label(),
            latest_action: latest.map(|e| e.action.label()).unwrap_or_default(),
            latest_actor: latest.map(|e| e.actor.code()).unwrap_or_default(),
            marker_color: side_color(actor),
            mention_count: mentions.len(),
            name: &r.place.name,
            population: r.place.population,
            published: article.published,
            start: first.start,
            text: &first.text,
            title: &r.place.name,
            url: article.url,
        };
        (point(r.place.lat, r.place.lon), record)
    })
}

/// The mentions layer's records: one per resolved mention, in text order,
/// but one for the repeats of a name at a place in a crowded sentence
/// ([`super::crowded`]).
pub(crate) fn mention_records<'a>(
    x: &'a Extraction,
    article: ArticleFields<'a>,
) -> impl Iterator<Item = (Geometry, MentionRecord<'a>)> + 'a {
    let fates = super::crowded::fates(x.resolved());
    x.resolved().enumerate().filter_map(move |(i, m)| {
        let fate = fates.get(i).copied().unwrap_or(Fate::Own);
        if fate == Fate::Joined {
            return None;
        }
        let r = m
            .resolution
            .as_ref()
            .expect("resolved() yields resolutions");
        let place = &r.place;
        let mut alternatives = String::new();
        for (i, a) in r.alternatives.iter().enumerate() {
            if i > 0 {
                alternatives.push_str("; ");
            }
            let _ = write!(
                alternatives,
                "{} {} ({}",
                a.geonameid, a.name, a.country_code
            );
            if let Some(admin1) = &a.admin1 {
                alternatives.push_str(", ");
                alternatives.push_str(admin1);
            }
            alternatives.push_str(") ");
            push_fixed(&mut alternatives, a.confidence, 3);
        }
        let record = MentionRecord {
            admin1: r.admin1.as_deref().unwrap_or_default(),
            admin2: r.admin2.as_deref().unwrap_or_default(),
            alternatives,
            article_id: article.id,
            article_title: article.title,
            bbox: bbox_text(place),
            confidence: r.confidence,
            country_code: &place.country_code,
            cue: m.cue.as_ref().map_or("", |c| c.words.as_str()),
            description: match fate {
                Fate::Leads { count, last } => Cow::Owned(
                    mention_evidence(x, m).into_owned()
                        + &crowded::note(&m.text, count, (m.start, m.end), last),
                ),
                _ => mention_evidence(x, m),
            },
            end: m.end,
            feature_code: &place.feature_code,
            geonameid: place.geonameid,
            kind: place.kind.label(),
            marker_color: side_color(Side::Unknown),
            matched: r.matched.label(),
            name: &place.name,
            population: place.population,
            published: article.published,
            score: r.score,
            score_parts: describe_parts(&r.parts),
            sentence: m.sentence,
            start: m.start,
            text: &m.text,
            title: match fate {
                Fate::Leads { count, .. } => Cow::Owned(crowded::title(&m.text, count)),
                _ => Cow::Borrowed(&m.text),
            },
            url: article.url,
        };
        Some((point(place.lat, place.lon), record))
    })
}

/// The events layer's records: one per event, in text order. The geometry
/// is the event's Point, or a LineString from it toward the place it heads
/// to ("toward Kreminna").
pub(crate) fn event_records<'a>(
    x: &'a Extraction,
    article: ArticleFields<'a>,
) -> impl Iterator<Item = (Geometry, EventRecord<'a>)> + 'a {
    x.events.iter().map(move |e| {
        let sentence = &x.sentences[e.sentence];
        let toward = e.heading.as_ref().and_then(|h| h.toward.as_ref());
        let geometry = match toward {
            Some(to) => Geometry::new(Value::LineString(vec![
                vec![round6(e.lon), round6(e.lat)],
                vec![round6(to.lon), round6(to.lat)],
            ])),
            None => point(e.lat, e.lon),
        };
        let color = side_color(e.actor);
        let record = EventRecord {
            acled_sub_event_type: e.acled_sub_event_type,
            action: e.action.label(),
            actor: e.actor.code(),
            actor_name: &e.actor_name,
            approach: e.approach,
            article_id: article.id,
            article_title: article.title,
            certainty: e.certainty,
            description: evidence(&sentence.text),
            end: sentence.end,
            event_date: e.event_date.map(|d| d.to_string()),
            extent: e.extent,
            geo_precision: e.geo_precision,
            geonameid: e.place.geonameid,
            heading_bearing: e.heading.as_ref().and_then(|h| h.bearing).unwrap_or(-1.0),
            historical: e.historical,
            marker_color: color,
            offset_km: e.relative.as_ref().map_or(0.0, |r| r.offset_km),
            place: &e.place.name,
            published: article.published,
            relative_bearing: e.relative.as_ref().and_then(|r| r.bearing).unwrap_or(-1.0),
            start: sentence.start,
            stroke: color,
            target: e.target.map(|t| t.code()).unwrap_or_default(),
            text: evidence(&sentence.text),
            title: format!(
                "{} {} at {}",
                e.actor.code(),
                e.action.label(),
                e.place.name
            ),
            toward: toward.map_or("", |t| t.name.as_str()),
            toward_geonameid: toward.map_or(0, |t| t.geonameid),
            trigger: &e.trigger,
            url: article.url,
        };
        (geometry, record)
    })
}

/// A mention's evidence: its sentence, or a window around it in a sentence
/// longer than the cap ([`evidence_around`]).
fn mention_evidence<'a>(x: &'a Extraction, m: &ResolvedMention) -> Cow<'a, str> {
    let sentence = &x.sentences[m.sentence];
    let name =
        m.bytes.0.wrapping_sub(sentence.byte_start)..m.bytes.1.wrapping_sub(sentence.byte_start);
    evidence_around(&sentence.text, name)
}

/// A place's extent as the `bbox` property writes it: `west,south,east,north`
/// in degrees, six decimals; `None` (null) for a place known as a point.
fn bbox_text(place: &crate::Place) -> Option<String> {
    let b = place.bbox.as_deref()?;
    let mut out = String::with_capacity(48);
    for (i, x) in b.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_fixed(&mut out, *x, 6);
    }
    Some(out)
}

/// The score parts as `name=value` pairs, for tracing a choice.
fn describe_parts(p: &crate::ScoreParts) -> String {
    let mut out = String::with_capacity(140);
    for (i, (name, value)) in [
        ("matched", p.matched),
        ("prevalence", p.prevalence),
        ("kind", p.kind),
        ("feature", p.feature),
        ("population", p.population),
        ("domain", p.domain),
        ("near", p.near),
        ("region", p.region),
        ("coherence", p.coherence),
        ("direction", p.direction),
    ]
    .into_iter()
    .enumerate()
    {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(name);
        out.push('=');
        push_fixed(&mut out, value, 2);
    }
    // The theatre prior only where it counted: an article with a date
    // (see `crate::theatre`).
    if p.theatre != 0.0 {
        out.push_str(" theatre=");
        push_fixed(&mut out, p.theatre, 2);
    }
    // Batch coherence only in a batch read in two passes.
    if p.batch != 0.0 {
        out.push_str(" batch=");
        push_fixed(&mut out, p.batch, 2);
    }
    out
}

/// Appends `x` with `decimals` digits after the point, as
/// `format!("{x:.decimals$}")` writes it: by integer arithmetic when `x`
/// is well away from a rounding tie (the common case, and several times
/// faster), else by the formatter itself.
fn push_fixed(out: &mut String, x: f64, decimals: u32) {
    let unit = 10u64.pow(decimals);
    let scaled = x.abs() * unit as f64;
    let frac = scaled - scaled.floor();
    if x.is_finite() && scaled < 1e15 && (frac - 0.5).abs() > 1e-6 {
        let n = scaled.round() as u64;
        if x.is_sign_negative() {
            out.push('-');
        }
        // The digits of n, the point before the last `decimals` of them.
        let mut digits = [0u8; 24];
        let mut at = digits.len();
        let mut rest = n;
        let mut written = 0;
        while written <= decimals || rest > 0 {
            if written == decimals {
                at -= 1;
                digits[at] = b'.';
            }
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            written += 1;
        }
        out.push_str(std::str::from_utf8(&digits[at..]).expect("ASCII digits"));
    } else {
        let _ = write!(out, "{x:.prec$}", prec = decimals as usize);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_decimals_are_written_as_the_formatter_writes_them() {
        let mut values = vec![
            0.0,
            -0.0,
            0.005,
            0.015,
            0.125,
            2.675,
            1e-9,
            -1e-9,
            -0.004,
            -0.005,
            6.0,
            -2.5,
            0.85,
            123.456,
            999.9995,
            1e20,
            f64::NAN,
            f64::INFINITY,
        ];
        // Pseudo-random values over the range scores take, and ties.
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            values.push((seed % 4_000_000) as f64 / 100_000.0 - 20.0);
            values.push((seed % 40_000) as f64 / 1000.0 + 0.0005 - 20.0);
        }
        for x in values {
            for decimals in [2u32, 3] {
                let mut fast = String::new();
                push_fixed(&mut fast, x, decimals);
                let slow = format!("{x:.prec$}", prec = decimals as usize);
                assert_eq!(fast, slow, "{x:e} to {decimals} places");
            }
        }
    }
}
