//! Map layers: resolved places → GeoJSON.
//!
//! Coordinates are RFC 7946 `[longitude, latitude]`, WGS 84, rounded to 6
//! decimals. Properties keep one JSON type per name across features, so
//! GDAL/OGR (and QGIS) infer stable field types: text fields are always
//! strings (empty when unknown), numbers always numbers.

use geojson::{Feature, FeatureCollection, Geometry, JsonObject, JsonValue, Value};
use serde_json::json;

use crate::extract::Extraction;

/// Rounds a coordinate to 6 decimals (about 10 cm).
pub fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// A point geometry at (latitude, longitude).
pub fn point(lat: f64, lon: f64) -> Geometry {
    Geometry::new(Value::Point(vec![round6(lon), round6(lat)]))
}

/// The mentions layer of one article: a Point per resolved mention, in
/// text order; the unresolved ones are listed in the collection's
/// `unresolved` member with their text and span.
///
/// ```
/// use frontline::{extract, layer::mentions_layer, Article, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// let found = extract(&gaz, &Article::new("Shelling hit Kupiansk and the village of Qwertivka."));
/// let layer = mentions_layer(&found);
/// assert_eq!(layer.features.len(), 1);
/// let props = layer.features[0].properties.as_ref().unwrap();
/// assert_eq!(props["geonameid"], 703656);
/// let unresolved = &layer.foreign_members.as_ref().unwrap()["unresolved"];
/// assert_eq!(unresolved[0]["text"], "Qwertivka");
/// ```
pub fn mentions_layer(x: &Extraction) -> FeatureCollection {
    let meta = &x.article;
    let features = x
        .resolved()
        .map(|m| {
            let r = m
                .resolution
                .as_ref()
                .expect("resolved() yields resolutions");
            let p = &r.place;
            let mut props = JsonObject::new();
            let mut put = |k: &str, v: JsonValue| {
                props.insert(k.to_string(), v);
            };
            put("article_id", json!(meta.id.clone().unwrap_or_default()));
            put(
                "published",
                json!(meta.published.map(|d| d.to_string()).unwrap_or_default()),
            );
            put("text", json!(m.text));
            put("start", json!(m.start));
            put("end", json!(m.end));
            put("sentence", json!(m.sentence));
            put("geonameid", json!(p.geonameid));
            put("name", json!(p.name));
            put("country_code", json!(p.country_code));
            put("admin1", json!(r.admin1.clone().unwrap_or_default()));
            put("admin2", json!(r.admin2.clone().unwrap_or_default()));
            put("feature_code", json!(p.feature_code));
            put("population", json!(p.population));
            put("confidence", json!(r.confidence));
            put("score", json!(r.score));
            put("matched", json!(r.matched.label()));
            put(
                "cue",
                json!(m.cue.as_ref().map(|c| c.words.clone()).unwrap_or_default()),
            );
            put("score_parts", json!(describe_parts(&r.parts)));
            put(
                "alternatives",
                json!(r
                    .alternatives
                    .iter()
                    .map(|a| format!(
                        "{} {} ({}{}) {:.3}",
                        a.geonameid,
                        a.name,
                        a.country_code,
                        a.admin1
                            .as_deref()
                            .map(|s| format!(", {s}"))
                            .unwrap_or_default(),
                        a.confidence
                    ))
                    .collect::<Vec<_>>()
                    .join("; ")),
            );
            put("title", json!(meta.title.clone().unwrap_or_default()));
            put("url", json!(meta.url.clone().unwrap_or_default()));
            Feature {
                bbox: None,
                geometry: Some(point(p.lat, p.lon)),
                id: None,
                properties: Some(props),
                foreign_members: None,
            }
        })
        .collect();
    let unresolved: Vec<JsonValue> = x
        .unresolved()
        .map(|m| json!({"text": m.text, "start": m.start, "end": m.end, "sentence": m.sentence}))
        .collect();
    let mut foreign = JsonObject::new();
    foreign.insert("unresolved".into(), JsonValue::Array(unresolved));
    FeatureCollection {
        bbox: None,
        features,
        foreign_members: Some(foreign),
    }
}

/// The score parts as `name=value` pairs, for tracing a choice.
fn describe_parts(p: &crate::ScoreParts) -> String {
    format!(
        "matched={:.2} prevalence={:.2} kind={:.2} feature={:.2} population={:.2} domain={:.2} near={:.2} region={:.2} coherence={:.2} direction={:.2}",
        p.matched, p.prevalence, p.kind, p.feature, p.population, p.domain, p.near, p.region, p.coherence, p.direction
    )
}

/// The events layer of one article: a feature per event, in text order. The
/// geometry is the event's Point, or a LineString from it toward the place
/// it heads to ("toward Kreminna").
///
/// ```
/// use frontline::{extract, layer::events_layer, Article, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// let article = Article::new("Russian forces captured Krasnohorivka.").with_published("2024-09-12").unwrap();
/// let layer = events_layer(&extract(&gaz, &article));
/// let props = layer.features[0].properties.as_ref().unwrap();
/// assert_eq!(props["action"], "capture");
/// assert_eq!(props["actor"], "RU");
/// ```
pub fn events_layer(x: &Extraction) -> FeatureCollection {
    let meta = &x.article;
    let features = x
        .events
        .iter()
        .map(|e| {
            let sentence = &x.sentences[e.sentence];
            let toward = e.heading.as_ref().and_then(|h| h.toward.as_ref());
            let geometry = match toward {
                Some(to) => Geometry::new(Value::LineString(vec![
                    vec![round6(e.lon), round6(e.lat)],
                    vec![round6(to.lon), round6(to.lat)],
                ])),
                None => point(e.lat, e.lon),
            };
            let mut props = JsonObject::new();
            let mut put = |k: &str, v: JsonValue| {
                props.insert(k.to_string(), v);
            };
            put("article_id", json!(meta.id.clone().unwrap_or_default()));
            put(
                "published",
                json!(meta.published.map(|d| d.to_string()).unwrap_or_default()),
            );
            put("action", json!(e.action.label()));
            put("actor", json!(e.actor.code()));
            put(
                "target",
                json!(e.target.map(|t| t.code()).unwrap_or_default()),
            );
            put("place", json!(e.place.name));
            put("geonameid", json!(e.place.geonameid));
            put("extent", json!(e.extent));
            put("certainty", json!(e.certainty));
            put("historical", json!(e.historical));
            put(
                "event_date",
                json!(e.event_date.map(|d| d.to_string()).unwrap_or_default()),
            );
            put(
                "heading_bearing",
                json!(e.heading.as_ref().and_then(|h| h.bearing).unwrap_or(-1.0)),
            );
            put(
                "toward",
                json!(toward.map(|t| t.name.clone()).unwrap_or_default()),
            );
            put("toward_geonameid", json!(toward.map_or(0, |t| t.geonameid)));
            put(
                "relative_bearing",
                json!(e.relative.as_ref().and_then(|r| r.bearing).unwrap_or(-1.0)),
            );
            put(
                "offset_km",
                json!(e.relative.as_ref().map_or(0.0, |r| r.offset_km)),
            );
            put("geo_precision", json!(e.geo_precision));
            put("acled_sub_event_type", json!(e.acled_sub_event_type));
            put("trigger", json!(e.trigger));
            put("text", json!(sentence.text));
            put("start", json!(sentence.start));
            put("end", json!(sentence.end));
            put("title", json!(meta.title.clone().unwrap_or_default()));
            put("url", json!(meta.url.clone().unwrap_or_default()));
            Feature {
                bbox: None,
                geometry: Some(geometry),
                id: None,
                properties: Some(props),
                foreign_members: None,
            }
        })
        .collect();
    FeatureCollection {
        bbox: None,
        features,
        foreign_members: None,
    }
}
