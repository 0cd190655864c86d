//! What a map shows, read from the layers' features by their properties
//! (`front`'s control points, line, contested zones and arrows; `layers`'
//! places and events), without running extraction again.
//!
//! A feature is told apart by what it carries: a Point with `side` is a
//! control point; a LineString with `style` a piece of the front line; a
//! polygon with `settlements` a contested zone; a LineString with `actor`
//! an arrow; a Point with `action` and `actor` an event; a Point with
//! `mention_count` a place. Anything else is counted as skipped.

use geojson::{Feature, Geometry, JsonObject, JsonValue, Value};
use serde::{Deserialize, Deserializer};

use super::style::Party;

/// A settlement and who holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct ControlPoint {
    /// Longitude, latitude.
    pub at: (f64, f64),
    /// The settlement's name.
    pub name: String,
    /// Who holds it.
    pub held: Party,
}

/// A piece of the front line.
#[derive(Clone, Debug, PartialEq)]
pub struct FrontPiece {
    /// Longitude, latitude along the line.
    pub line: Vec<(f64, f64)>,
    /// `solid`, `dashed` (inferred) or `dotted` (a gap), as the layer says.
    pub style: String,
}

/// A contested zone: its rings (outer rings and holes, filled even-odd).
#[derive(Clone, Debug, PartialEq)]
pub struct Zone {
    /// Longitude, latitude rings.
    pub rings: Vec<Vec<(f64, f64)>>,
}

/// An advance or counterattack with a direction.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    /// Where it starts and where it heads.
    pub line: Vec<(f64, f64)>,
    /// Whose.
    pub actor: Party,
}

/// An event at a place.
#[derive(Clone, Debug, PartialEq)]
pub struct EventMark {
    /// Longitude, latitude.
    pub at: (f64, f64),
    /// The action (`capture`, `clash` …).
    pub action: String,
    /// Who acted.
    pub actor: Party,
    /// The place's name.
    pub place: String,
    /// Whether the point is the place itself or near it (`geo_precision`
    /// 1 or 2), not only the region or country it lies in (3).
    pub precise: bool,
}

/// A place an article names.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMark {
    /// Longitude, latitude.
    pub at: (f64, f64),
    /// Its name.
    pub name: String,
    /// `settlement`, `country`, `admin`, `water` …
    pub kind: String,
    /// Its population (0 when unknown).
    pub population: u64,
    /// How many events happen there.
    pub events: u64,
    /// How many times it is named.
    pub mentions: u64,
    /// Who acted there last.
    pub party: Party,
}

/// Everything to draw over the basemap.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    /// Control points.
    pub control: Vec<ControlPoint>,
    /// Pieces of the front line.
    pub front: Vec<FrontPiece>,
    /// Contested zones.
    pub zones: Vec<Zone>,
    /// Advance arrows.
    pub arrows: Vec<Arrow>,
    /// Events.
    pub events: Vec<EventMark>,
    /// Places.
    pub places: Vec<PlaceMark>,
    /// The latest `as_of` (or else `published`) date among the features.
    pub as_of: Option<String>,
    /// Features that are none of the above.
    pub skipped: usize,
}

/// A property kept whatever its value, `null` included: that a layer has
/// the key at all is what tells its kind.
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<JsonValue>, D::Error> {
    JsonValue::deserialize(d).map(Some)
}

/// The properties `render` reads; a layer's other properties are skipped
/// unread, so that a large layer is parsed without building them.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Properties {
    #[serde(default, deserialize_with = "present")]
    name: Option<JsonValue>,
    #[serde(default, deserialize_with = "present")]
    side: Option<JsonValue>,
    #[serde(default, deserialize_with = "present")]
    style: Option<JsonValue>,
    #[serde(default, deserialize_with = "present")]
    settlements: Option<JsonValue>,
    #[serde(default, deserialize_with = "present")]
    actor: Option<JsonValue>,
    #[serde(default, deserialize_with = "present")]
    action: Option<JsonValue>,
    #[serde(default, deserialize_with = "present")]
    place: Option<JsonValue>,
    #[serde(default, deserialize_with = "present")]
    geo_precision: Option<JsonValue>,
    #[serde(default, deserialize_with = "present")]
    mention_count: Option<JsonValue>,
    #[serde(default, deserialize_with = "present")]
    kind: Option<JsonValue>,
    #[serde(default, deserialize_with = "present")]
    population: Option<JsonValue>,
    #[serde(default, deserialize_with = "present")]
    event_count: Option<JsonValue>,
    #[serde(default, deserialize_with = "present", rename = "marker-color")]
    marker_color: Option<JsonValue>,
    #[serde(default, deserialize_with = "present")]
    as_of: Option<JsonValue>,
    #[serde(default, deserialize_with = "present")]
    published: Option<JsonValue>,
    #[serde(default, deserialize_with = "present")]
    since: Option<JsonValue>,
    #[serde(default, deserialize_with = "present")]
    until: Option<JsonValue>,
}

impl Properties {
    /// The properties `render` reads out of a feature's.
    ///
    /// ```
    /// use frontline::render::scene::Properties;
    /// let map = serde_json::json!({"side": "UA", "until": null, "other": 1});
    /// let p = Properties::of(map.as_object().unwrap());
    /// assert_eq!(p.get("side").and_then(|v| v.as_str()), Some("UA"));
    /// assert!(p.get("until").is_some()); // null, but there
    /// assert!(p.get("other").is_none()); // not read
    /// ```
    pub fn of(map: &JsonObject) -> Properties {
        let get = |k: &str| map.get(k).cloned();
        Properties {
            name: get("name"),
            side: get("side"),
            style: get("style"),
            settlements: get("settlements"),
            actor: get("actor"),
            action: get("action"),
            place: get("place"),
            geo_precision: get("geo_precision"),
            mention_count: get("mention_count"),
            kind: get("kind"),
            population: get("population"),
            event_count: get("event_count"),
            marker_color: get("marker-color"),
            as_of: get("as_of"),
            published: get("published"),
            since: get("since"),
            until: get("until"),
        }
    }

    /// A property by its name in the layer.
    pub fn get(&self, key: &str) -> Option<&JsonValue> {
        match key {
            "name" => self.name.as_ref(),
            "side" => self.side.as_ref(),
            "style" => self.style.as_ref(),
            "settlements" => self.settlements.as_ref(),
            "actor" => self.actor.as_ref(),
            "action" => self.action.as_ref(),
            "place" => self.place.as_ref(),
            "geo_precision" => self.geo_precision.as_ref(),
            "mention_count" => self.mention_count.as_ref(),
            "kind" => self.kind.as_ref(),
            "population" => self.population.as_ref(),
            "event_count" => self.event_count.as_ref(),
            "marker-color" => self.marker_color.as_ref(),
            "as_of" => self.as_of.as_ref(),
            "published" => self.published.as_ref(),
            "since" => self.since.as_ref(),
            "until" => self.until.as_ref(),
            _ => None,
        }
    }

    fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

fn text<'a>(p: &'a Properties, key: &str) -> &'a str {
    p.get(key).and_then(|v| v.as_str()).unwrap_or_default()
}

fn number(p: &Properties, key: &str) -> u64 {
    p.get(key).and_then(|v| v.as_u64()).unwrap_or_default()
}

fn pair(c: &[f64]) -> Option<(f64, f64)> {
    match c {
        [x, y, ..] if x.is_finite() && y.is_finite() => Some((*x, *y)),
        _ => None,
    }
}

fn line(cs: &[Vec<f64>]) -> Vec<(f64, f64)> {
    cs.iter().filter_map(|c| pair(c)).collect()
}

impl Scene {
    /// Adds one feature by what its properties say it is.
    ///
    /// ```
    /// use frontline::render::scene::Scene;
    /// let f: geojson::Feature = r#"{"type":"Feature","properties":{"name":"Bakhmut","side":"RU"},
    ///     "geometry":{"type":"Point","coordinates":[37.99886,48.59419]}}"#.parse().unwrap();
    /// let mut scene = Scene::default();
    /// scene.add(&f);
    /// assert_eq!(scene.control[0].name, "Bakhmut");
    /// ```
    pub fn add(&mut self, f: &Feature) {
        let p = f
            .properties
            .as_ref()
            .map(Properties::of)
            .unwrap_or_default();
        self.add_parts(&p, f.geometry.as_ref());
    }

    /// Adds a feature given as its properties and geometry.
    pub fn add_parts(&mut self, p: &Properties, geometry: Option<&Geometry>) {
        let Some(geometry) = geometry else {
            self.skipped += 1;
            return;
        };
        for key in ["as_of", "published"] {
            let d = text(p, key);
            if d.len() == 10 && self.as_of.as_deref().is_none_or(|a| a < d) {
                // `as_of` wins over `published` once any feature has it.
                if key == "as_of" || !p.contains_key("as_of") {
                    self.as_of = Some(d.to_string());
                }
            }
        }
        let has = |k: &str| p.contains_key(k);
        match &geometry.value {
            Value::Point(c) => {
                let Some(at) = pair(c) else {
                    self.skipped += 1;
                    return;
                };
                if has("side") {
                    self.control.push(ControlPoint {
                        at,
                        name: text(p, "name").to_string(),
                        held: Party::from_code(text(p, "side")),
                    });
                } else if has("action") && has("actor") {
                    self.events.push(EventMark {
                        at,
                        action: text(p, "action").to_string(),
                        actor: Party::from_code(text(p, "actor")),
                        place: text(p, "place").to_string(),
                        precise: number(p, "geo_precision") < 3,
                    });
                } else if has("mention_count") {
                    self.places.push(PlaceMark {
                        at,
                        name: text(p, "name").to_string(),
                        kind: text(p, "kind").to_string(),
                        population: number(p, "population"),
                        events: number(p, "event_count"),
                        mentions: number(p, "mention_count"),
                        party: party_of_color(text(p, "marker-color")),
                    });
                } else {
                    self.skipped += 1;
                }
            }
            Value::LineString(cs) if has("style") => self.front.push(FrontPiece {
                line: line(cs),
                style: text(p, "style").to_string(),
            }),
            Value::LineString(cs) if has("actor") => self.arrows.push(Arrow {
                line: line(cs),
                actor: Party::from_code(text(p, "actor")),
            }),
            Value::MultiLineString(ls) if has("style") => {
                for cs in ls {
                    self.front.push(FrontPiece {
                        line: line(cs),
                        style: text(p, "style").to_string(),
                    });
                }
            }
            Value::Polygon(rings) if has("settlements") => self.zones.push(Zone {
                rings: rings.iter().map(|r| line(r)).collect(),
            }),
            Value::MultiPolygon(polys) if has("settlements") => self.zones.push(Zone {
                rings: polys.iter().flatten().map(|r| line(r)).collect(),
            }),
            _ => self.skipped += 1,
        }
    }

    /// Whether there is nothing to draw.
    ///
    /// ```
    /// use frontline::render::{scene::{ControlPoint, Scene}, style::Party};
    /// let mut scene = Scene::default();
    /// assert!(scene.is_empty() && !scene.is_front());
    /// scene.control.push(ControlPoint { at: (38.0, 48.6), name: "Bakhmut".into(), held: Party::RU });
    /// assert!(!scene.is_empty() && scene.is_front());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.control.is_empty()
            && self.front.is_empty()
            && self.zones.is_empty()
            && self.arrows.is_empty()
            && self.events.is_empty()
            && self.places.is_empty()
    }

    /// Whether the scene holds a front (control points, a line, zones or
    /// arrows), as opposed to one article's places and events.
    pub fn is_front(&self) -> bool {
        !(self.control.is_empty() && self.front.is_empty() && self.zones.is_empty())
    }
}

/// The side a place's `marker-color` stands for.
fn party_of_color(color: &str) -> Party {
    [
        Party::RU,
        Party::UA,
        Party::Contested,
        Party::Other,
        Party::Unknown,
    ]
    .into_iter()
    .find(|p| p.color() == color)
    .unwrap_or(Party::Unknown)
}
