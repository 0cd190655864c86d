//! Layers read back: the features of a places, mentions or events layer
//! that frontline wrote, as typed properties beside their geometry.
//!
//! Each properties type names every property its layer writes, with the
//! JSON type the layer gives it; values the layer writes as an empty
//! string or `-1` for "none" read as `None`. A property the type does not
//! know is an error, so a layer from another tool (or another version) is
//! refused with the feature and the field, never half read.
//!
//! ```
//! use frontline::layer::read::{read_layer, EventProperties};
//! use frontline::{extract, layer, Action, Article, Gazetteer, Side};
//!
//! let gaz = Gazetteer::bundled();
//! let found = extract(&gaz, &Article::new("Russian forces captured Krasnohorivka."));
//! let geojson = layer::events_layer(&found).to_string();
//!
//! let events = read_layer::<EventProperties>(&geojson).unwrap();
//! assert_eq!(events[0].properties.action, Action::Capture);
//! assert_eq!(events[0].properties.actor, Side::RU);
//! // UA.txt: 704393 Krasnohorivka (Donetsk), 48.00462 N 37.50692 E.
//! let point = events[0].point().unwrap();
//! assert!((point.x() - 37.50692).abs() < 1e-5 && (point.y() - 48.00462).abs() < 1e-5);
//! ```

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};

use crate::error::{Error, Result};
use crate::event::{Certainty, Extent, Side};
use crate::place::Kind;
use crate::Action;

/// One feature of a layer read back: its geometry and its properties.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerFeature<P> {
    /// A Point, or for an event heading somewhere a LineString from the
    /// event to where it heads.
    pub geometry: geo::Geometry<f64>,
    /// The feature's properties.
    pub properties: P,
}

impl<P> LayerFeature<P> {
    /// The feature's point: the Point itself, or the first point of a
    /// LineString (an event's place, before where it heads).
    ///
    /// ```
    /// use frontline::layer::read::{read_layer, PlaceProperties};
    /// let layer = r#"{"type":"FeatureCollection","features":[]}"#;
    /// assert!(read_layer::<PlaceProperties>(layer).unwrap().is_empty());
    /// ```
    pub fn point(&self) -> Option<geo::Point<f64>> {
        match &self.geometry {
            geo::Geometry::Point(p) => Some(*p),
            geo::Geometry::LineString(l) => l.points().next(),
            _ => None,
        }
    }
}

/// Reads a layer's GeoJSON FeatureCollection into typed features, in the
/// file's order.
///
/// Errors name the feature (from 1) and what is wrong with it: a missing
/// or unknown property, a value of the wrong type, a geometry that is no
/// Point or LineString.
///
/// ```
/// use frontline::layer::read::{read_layer, PlaceProperties};
/// let bad = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
///   "geometry":{"type":"Point","coordinates":[37.5,48.0]},"properties":{"name":"X"}}]}"#;
/// let e = read_layer::<PlaceProperties>(bad).unwrap_err().to_string();
/// assert!(e.contains("feature 1") && e.contains("missing field"), "{e}");
/// ```
pub fn read_layer<P: DeserializeOwned>(geojson: &str) -> Result<Vec<LayerFeature<P>>> {
    let invalid = |message: String| Error::Layer { message };
    let collection: geojson::FeatureCollection = geojson
        .parse::<geojson::GeoJson>()
        .map_err(|e| invalid(format!("not GeoJSON: {e}")))?
        .try_into()
        .map_err(|e| invalid(format!("not a FeatureCollection: {e}")))?;
    collection
        .features
        .into_iter()
        .enumerate()
        .map(|(i, feature)| {
            let at = |what: String| invalid(format!("feature {}: {what}", i + 1));
            let geometry = feature.geometry.ok_or_else(|| at("no geometry".into()))?;
            let geometry: geo::Geometry<f64> = match geometry.value {
                geojson::Value::Point(_) | geojson::Value::LineString(_) => geometry
                    .value
                    .try_into()
                    .map_err(|e| at(format!("geometry: {e}")))?,
                other => {
                    return Err(at(format!(
                        "a {} geometry; layers hold Points and LineStrings",
                        other.type_name()
                    )))
                }
            };
            let properties = feature.properties.unwrap_or_default();
            let properties = serde_json::from_value(serde_json::Value::Object(properties))
                .map_err(|e| at(e.to_string()))?;
            Ok(LayerFeature {
                geometry,
                properties,
            })
        })
        .collect()
}

/// The properties of a feature of the places layer: one distinct place of
/// an article, with a summary of what happened there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PlaceProperties {
    /// The actions reported at the place, sorted, comma-separated
    /// (`capture,shelling`).
    pub actions: String,
    /// The sides that acted there, sorted, comma-separated (`RU,UA`).
    pub actors: String,
    /// Its first-level region (oblast), empty when none.
    pub admin1: String,
    /// Its second-level region (raion), empty when none.
    pub admin2: String,
    /// The article's id.
    pub article_id: String,
    /// The article's title.
    pub article_title: String,
    /// Its extent, `west,south,east,north`, for areas whose extent is known.
    pub bbox: Option<String>,
    /// The highest confidence of its mentions, 0 to 1.
    pub confidence: f64,
    /// ISO 3166-1 alpha-2 country code.
    pub country_code: String,
    /// The evidence: the sentence of its first mention, or a window of it.
    pub description: String,
    /// Character offset just past its first mention.
    pub end: usize,
    /// How many events the article reports there.
    pub event_count: usize,
    /// GeoNames feature code (`PPL`, `ADM1`, …).
    pub feature_code: String,
    /// GeoNames id.
    pub geonameid: u32,
    /// What sort of place it is.
    pub kind: Kind,
    /// The latest event's action, `None` without events.
    #[serde(with = "empty_is_none")]
    pub latest_action: Option<Action>,
    /// The latest event's side, `None` without events.
    #[serde(with = "empty_is_none")]
    pub latest_actor: Option<Side>,
    /// Simplestyle colour of the latest actor's side.
    #[serde(rename = "marker-color")]
    pub marker_color: String,
    /// How often the article names it.
    pub mention_count: usize,
    /// The place's GeoNames name.
    pub name: String,
    /// Population, 0 where unknown.
    pub population: u64,
    /// The article's publication date.
    pub published: Option<NaiveDate>,
    /// Character offset of its first mention.
    pub start: usize,
    /// The first mention's text as written.
    pub text: String,
    /// Simplestyle title: the place's name.
    pub title: String,
    /// The article's URL.
    pub url: String,
}

/// The properties of a feature of the mentions layer: one place name as
/// written, and the place it was resolved to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct MentionProperties {
    /// The place's first-level region, empty when none.
    pub admin1: String,
    /// The place's second-level region, empty when none.
    pub admin2: String,
    /// The other candidates, `id name (country, region) confidence`,
    /// separated by `; `.
    pub alternatives: String,
    /// The article's id.
    pub article_id: String,
    /// The article's title.
    pub article_title: String,
    /// The place's extent, `west,south,east,north`, where known.
    pub bbox: Option<String>,
    /// Confidence of the choice, 0 to 1.
    pub confidence: f64,
    /// ISO 3166-1 alpha-2 country code.
    pub country_code: String,
    /// The words before the name that cued it (`the village of`).
    pub cue: String,
    /// The evidence: the mention's sentence, or a window of it.
    pub description: String,
    /// Character offset just past the name.
    pub end: usize,
    /// GeoNames feature code.
    pub feature_code: String,
    /// GeoNames id.
    pub geonameid: u32,
    /// What sort of place it is.
    pub kind: Kind,
    /// Simplestyle colour.
    #[serde(rename = "marker-color")]
    pub marker_color: String,
    /// How the name matched the place (`name`, `alternate`,
    /// `transliterated`, `region`, `russian_form`, `fuzzy`).
    pub matched: String,
    /// The place's GeoNames name.
    pub name: String,
    /// Population, 0 where unknown.
    pub population: u64,
    /// The article's publication date.
    pub published: Option<NaiveDate>,
    /// The chosen candidate's score.
    pub score: f64,
    /// The score's parts, `name=value` separated by spaces.
    pub score_parts: String,
    /// Index of the mention's sentence in the article, from 0.
    pub sentence: usize,
    /// Character offset of the name.
    pub start: usize,
    /// The name as written.
    pub text: String,
    /// Simplestyle title: the name as written.
    pub title: String,
    /// The article's URL.
    pub url: String,
}

/// The properties of a feature of the events layer: what happened where,
/// who did it, and the sentence that says so.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct EventProperties {
    /// The closest ACLED sub-event type.
    pub acled_sub_event_type: String,
    /// What happened.
    pub action: Action,
    /// Who did it.
    pub actor: Side,
    /// The force named as the actor (`Wagner`, `the 47th Brigade`), empty
    /// when none.
    pub actor_name: String,
    /// True for an approach ("on the approaches to X") rather than at X.
    pub approach: bool,
    /// The article's id.
    pub article_id: String,
    /// The article's title.
    pub article_title: String,
    /// How sure the text is.
    pub certainty: Certainty,
    /// The evidence sentence, or its beginning.
    pub description: String,
    /// Character offset just past the evidence sentence.
    pub end: usize,
    /// The day the event happened, when the text says.
    pub event_date: Option<NaiveDate>,
    /// How much of the place changed hands.
    pub extent: Extent,
    /// ACLED-style geographic precision, 1 (the place) to 3 (a region).
    pub geo_precision: u8,
    /// The place's GeoNames id.
    pub geonameid: u32,
    /// Bearing of where the event heads, degrees from north; `None` when
    /// it heads nowhere.
    #[serde(with = "negative_is_none")]
    pub heading_bearing: Option<f64>,
    /// True for an event of the past that the article recounts.
    pub historical: bool,
    /// Simplestyle colour of the actor's side.
    #[serde(rename = "marker-color")]
    pub marker_color: String,
    /// Distance from the place for a relative position ("5 km east of X").
    pub offset_km: f64,
    /// The place's name.
    pub place: String,
    /// The article's publication date.
    pub published: Option<NaiveDate>,
    /// Bearing of the relative position, degrees from north; `None` when
    /// the event is at the place.
    #[serde(with = "negative_is_none")]
    pub relative_bearing: Option<f64>,
    /// Character offset of the evidence sentence.
    pub start: usize,
    /// Simplestyle stroke colour.
    pub stroke: String,
    /// The side acted on, when the text says.
    #[serde(with = "empty_is_none")]
    pub target: Option<Side>,
    /// The evidence sentence, or its beginning.
    pub text: String,
    /// Simplestyle title: `actor action at place`.
    pub title: String,
    /// The place the event heads to ("toward Kreminna"), empty when none.
    pub toward: String,
    /// Its GeoNames id, 0 when none.
    pub toward_geonameid: u32,
    /// The word that reported the event.
    pub trigger: String,
    /// The article's URL.
    pub url: String,
}

/// An optional value the layers write as an empty string when absent.
mod empty_is_none {
    use super::*;

    pub fn serialize<S: serde::Serializer, T: Serialize>(
        value: &Option<T>,
        s: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        match value {
            Some(v) => v.serialize(s),
            None => s.serialize_str(""),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>, T: DeserializeOwned>(
        d: D,
    ) -> std::result::Result<Option<T>, D::Error> {
        let text = String::deserialize(d)?;
        if text.is_empty() {
            return Ok(None);
        }
        T::deserialize(serde_json::Value::String(text))
            .map(Some)
            .map_err(serde::de::Error::custom)
    }
}

/// A bearing the layers write as `-1` when there is none.
mod negative_is_none {
    use super::*;

    pub fn serialize<S: serde::Serializer>(
        value: &Option<f64>,
        s: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_f64(value.unwrap_or(-1.0))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> std::result::Result<Option<f64>, D::Error> {
        let bearing = f64::deserialize(d)?;
        Ok((bearing >= 0.0).then_some(bearing))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layer::{EncodedLayer, OutputFormat};
    use crate::{extract, Article, Gazetteer, LayerKind};

    /// Every property a layer writes is read back and written again to the
    /// same JSON: the types name every property, with its type.
    fn round_trips<P: DeserializeOwned + Serialize>(geojson: &str) -> usize {
        let written: serde_json::Value = serde_json::from_str(geojson).unwrap();
        let features = read_layer::<P>(geojson).unwrap();
        for (feature, read) in written["features"]
            .as_array()
            .unwrap()
            .iter()
            .zip(&features)
        {
            let again = serde_json::to_value(&read.properties).unwrap();
            assert_eq!(feature["properties"], again);
        }
        features.len()
    }

    fn sample() -> crate::Extraction {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/north-korea-boots-on-the-ground.txt"
        ))
        .unwrap();
        let article = Article::new(text)
            .with_published("2024-06-27")
            .unwrap()
            .with_id("nk");
        extract(&Gazetteer::bundled(), &article)
    }

    /// A layer's GeoJSON file, as `frontline extract` writes it.
    fn file(kind: LayerKind, found: &crate::Extraction) -> String {
        String::from_utf8(EncodedLayer::of(kind, found, OutputFormat::GEOJSON).file()).unwrap()
    }

    #[test]
    fn every_property_of_the_three_layers_reads_back_to_the_same_json() {
        let found = sample();
        assert!(round_trips::<PlaceProperties>(&file(LayerKind::Places, &found)) > 5);
        assert!(round_trips::<MentionProperties>(&file(LayerKind::Mentions, &found)) > 5);
        assert!(round_trips::<EventProperties>(&file(LayerKind::Events, &found)) > 0);
    }

    #[test]
    fn a_property_the_layer_does_not_have_is_refused_with_its_feature_and_name() {
        let found = sample();
        let mut json: serde_json::Value =
            serde_json::from_str(&file(LayerKind::Mentions, &found)).unwrap();
        json["features"][1]["properties"]["colour"] = "red".into();
        let e = read_layer::<MentionProperties>(&json.to_string()).unwrap_err();
        let e = e.to_string();
        assert!(e.contains("feature 2") && e.contains("colour"), "{e}");
    }

    #[test]
    fn a_layer_of_another_kind_is_refused() {
        let found = sample();
        let places = file(LayerKind::Places, &found);
        let e = read_layer::<EventProperties>(&places)
            .unwrap_err()
            .to_string();
        assert!(e.contains("feature 1"), "{e}");
    }

    #[test]
    fn a_polygon_is_no_layer_feature() {
        let polygon = r#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":
            {"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]},"properties":{}}]}"#;
        let e = read_layer::<PlaceProperties>(polygon)
            .unwrap_err()
            .to_string();
        assert!(e.contains("feature 1: a Polygon geometry"), "{e}");
    }

    #[test]
    fn the_none_markers_of_the_layers_read_as_none() {
        let side: Option<Side> =
            empty_is_none::deserialize(serde_json::Value::String(String::new())).unwrap();
        assert_eq!(side, None);
        let side: Option<Side> = empty_is_none::deserialize(serde_json::json!("UA")).unwrap();
        assert_eq!(side, Some(Side::UA));
        let bearing = negative_is_none::deserialize(serde_json::json!(-1.0)).unwrap();
        assert_eq!(bearing, None);
        let bearing = negative_is_none::deserialize(serde_json::json!(90.0)).unwrap();
        assert_eq!(bearing, Some(90.0));
    }
}
