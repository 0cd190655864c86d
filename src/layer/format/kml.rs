//! KML 2.2, for Google Earth and QGIS: a placemark per feature, its
//! properties as typed `ExtendedData` under a `Schema`, its colour as a
//! style. The worked example of adding a format (`CONTRIBUTING.md`).

use std::io::Write;
use std::path::Path;

use ::geojson::{Feature, JsonObject, JsonValue, Value};

use super::{Features, LayerFormat, MergedLayer, WriteOptions};
use crate::layer::{EncodedLayer, Layer, LayerKind};

/// KML 2.2: a `Document` named after the layer, a `Schema` of its
/// properties (`int`, `double`, `bool` written `1`/`0`, `string`: KML has
/// no date type, so dates are ISO 8601 text), and a `Placemark` per
/// feature with the feature's `title` as its name, `description`, a time
/// for Google Earth's time slider (a `TimeSpan` from `since` to `until`, or
/// a `TimeStamp` of `event_date`, `date`, `as_of` or `published`), a style
/// from its simplestyle colours, and every property as `SimpleData`. The
/// properties that GDAL's LIBKML driver reads as KML's own fields (`begin`,
/// `end`, `timestamp`) are written with a `_` after their names (`end_`).
///
/// ```
/// use frontline::{extract, layer::{Layer, OutputFormat}, Article, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// let found = extract(&gaz, &Article::new("Russian forces captured Krasnohorivka."));
/// let kml = String::from_utf8(Layer::places(&found).write(OutputFormat::KML)).unwrap();
/// assert!(kml.contains("<name>Krasnohorivka</name>"));
/// assert!(kml.contains(r#"<SimpleField name="geonameid" type="int"/>"#));
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Kml;

impl LayerFormat for Kml {
    fn name(&self) -> &'static str {
        "kml"
    }

    fn about(&self) -> &'static str {
        "KML 2.2 placemarks with typed ExtendedData (Google Earth, QGIS)"
    }

    fn extension(&self) -> &'static str {
        "kml"
    }

    fn media_type(&self) -> &'static str {
        "application/vnd.google-earth.kml+xml"
    }

    fn streams(&self) -> bool {
        true
    }

    fn write(&self, features: &Features<'_>, _options: WriteOptions) -> Vec<u8> {
        let mut out = document_head(features.name);
        if !features.features.is_empty() {
            out.extend(schema(features.name, features.features));
        }
        for f in features.features {
            out.extend(placemark(features.name, f));
        }
        out.extend_from_slice(DOCUMENT_TAIL);
        out
    }

    fn encode_layer(&self, layer: &Layer, options: WriteOptions) -> EncodedLayer {
        let name = layer.kind.name();
        let mut encoded = EncodedLayer::empty(layer.kind);
        encoded.unresolved = layer.unresolved.clone();
        if !layer.features.is_empty() {
            encoded.preamble = schema(name, &layer.features);
        }
        for f in &layer.features {
            encoded.push_piece(&placemark(name, f));
        }
        encoded.file = Some(self.write(&Features::of_layer(layer), options));
        encoded
    }

    fn begin(
        &self,
        kind: LayerKind,
        _options: WriteOptions,
        path: &Path,
        out: &mut (dyn Write + Send),
    ) -> crate::Result<Box<dyn MergedLayer>> {
        out.write_all(&document_head(kind.name()))
            .map_err(|source| crate::Error::Io {
                path: path.to_path_buf(),
                source,
            })?;
        Ok(Box::new(Merged { schema: false }))
    }
}

/// A merged document: the schema of the first article with features, then
/// every article's placemarks.
struct Merged {
    schema: bool,
}

impl MergedLayer for Merged {
    fn append(
        &mut self,
        layer: &EncodedLayer,
        out: &mut (dyn Write + Send),
    ) -> std::io::Result<()> {
        if !self.schema && !layer.is_empty() {
            out.write_all(&layer.preamble)?;
            self.schema = true;
        }
        out.write_all(layer.body())
    }

    fn finish(self: Box<Self>, out: &mut (dyn Write + Send)) -> std::io::Result<()> {
        out.write_all(DOCUMENT_TAIL)
    }
}

const DOCUMENT_TAIL: &[u8] = b"</Document>\n</kml>\n";

fn document_head(name: &str) -> Vec<u8> {
    let name = escape(name);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <kml xmlns=\"http://www.opengis.net/kml/2.2\">\n\
         <Document id=\"{name}\">\n<name>{name}</name>\n"
    )
    .into_bytes()
}

/// The KML type of a property over the features: `int` when every value
/// given is an integer, `double` when a number, `bool`, else `string`.
fn kml_type(name: &str, features: &[Feature]) -> &'static str {
    let mut ty = None;
    for value in features
        .iter()
        .filter_map(|f| f.properties.as_ref()?.get(name))
    {
        let this = match value {
            JsonValue::Null => continue,
            JsonValue::Number(n) if n.is_f64() => "double",
            JsonValue::Number(n) if n.as_i64().is_some_and(|i| i32::try_from(i).is_ok()) => "int",
            JsonValue::Number(_) => "double",
            JsonValue::Bool(_) => "bool",
            _ => "string",
        };
        ty = Some(match (ty, this) {
            (None, t) => t,
            (Some(a), b) if a == b => a,
            (Some("int" | "double"), "int" | "double") => "double",
            _ => "string",
        });
    }
    ty.unwrap_or("string")
}

/// The `Schema` of the features' properties, by the first feature's names.
fn schema(name: &str, features: &[Feature]) -> Vec<u8> {
    let name = escape(name);
    let mut out = format!("<Schema name=\"{name}\" id=\"{name}\">\n");
    let columns = features
        .first()
        .and_then(|f| f.properties.as_ref())
        .map(|p| p.keys().cloned().collect::<Vec<_>>())
        .unwrap_or_default();
    for column in columns {
        out.push_str(&format!(
            "<SimpleField name=\"{}\" type=\"{}\"/>\n",
            escape(&field_name(&column)),
            kml_type(&column, features)
        ));
    }
    out.push_str("</Schema>\n");
    out.into_bytes()
}

/// One feature as a `Placemark`.
fn placemark(schema: &str, f: &Feature) -> Vec<u8> {
    let empty = JsonObject::new();
    let props = f.properties.as_ref().unwrap_or(&empty);
    let text = |key: &str| match props.get(key) {
        Some(JsonValue::String(s)) => Some(s.as_str()),
        _ => None,
    };
    let mut out = String::from("<Placemark>\n");
    if let Some(title) = text("title") {
        out.push_str(&format!("<name>{}</name>\n", escape(title)));
    }
    if let Some(description) = text("description") {
        out.push_str(&format!(
            "<description>{}</description>\n",
            escape(description)
        ));
    }
    out.push_str(&time(&text));
    out.push_str(&style(&text));
    out.push_str(&format!(
        "<ExtendedData><SchemaData schemaUrl=\"#{}\">",
        escape(schema)
    ));
    for (key, value) in props {
        let value = match value {
            JsonValue::Null => continue,
            JsonValue::String(s) => escape(s),
            JsonValue::Bool(b) => u8::from(*b).to_string(),
            v => escape(&v.to_string()),
        };
        out.push_str(&format!(
            "<SimpleData name=\"{}\">{value}</SimpleData>",
            escape(&field_name(key))
        ));
    }
    out.push_str("</SchemaData></ExtendedData>\n");
    if let Some(geometry) = &f.geometry {
        geometry_kml(&geometry.value, &mut out);
        out.push('\n');
    }
    out.push_str("</Placemark>\n");
    out.into_bytes()
}

/// A property's name as a KML field: GDAL's LIBKML driver reads `begin`,
/// `end` and `timestamp` as KML's own time fields, so those get a `_`.
fn field_name(name: &str) -> std::borrow::Cow<'_, str> {
    if matches!(name, "begin" | "end" | "timestamp") {
        std::borrow::Cow::Owned(format!("{name}_"))
    } else {
        std::borrow::Cow::Borrowed(name)
    }
}

/// When a feature holds, for a time slider: from `since` to `until` (a
/// control state), else on `event_date`, `date`, `as_of` or `published`.
fn time<'a>(text: &impl Fn(&str) -> Option<&'a str>) -> String {
    if let Some(since) = text("since") {
        let end = text("until")
            .map(|u| format!("<end>{}</end>", escape(u)))
            .unwrap_or_default();
        return format!(
            "<TimeSpan><begin>{}</begin>{end}</TimeSpan>\n",
            escape(since)
        );
    }
    ["event_date", "date", "as_of", "published"]
        .into_iter()
        .find_map(text)
        .map(|day| format!("<TimeStamp><when>{}</when></TimeStamp>\n", escape(day)))
        .unwrap_or_default()
}

/// A `Style` from simplestyle colours (`#rrggbb`; KML writes `aabbggrr`).
fn style<'a>(text: &impl Fn(&str) -> Option<&'a str>) -> String {
    let kml_color = |hex: &str| -> Option<String> {
        let hex = hex.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        Some(format!("ff{}{}{}", &hex[4..6], &hex[2..4], &hex[0..2]).to_ascii_lowercase())
    };
    let mut out = String::new();
    if let Some(c) = text("marker-color").and_then(kml_color) {
        out.push_str(&format!("<IconStyle><color>{c}</color></IconStyle>"));
    }
    if let Some(c) = text("stroke").and_then(kml_color) {
        out.push_str(&format!("<LineStyle><color>{c}</color></LineStyle>"));
    }
    if let Some(c) = text("fill").and_then(kml_color) {
        out.push_str(&format!("<PolyStyle><color>{c}</color></PolyStyle>"));
    }
    if out.is_empty() {
        out
    } else {
        format!("<Style>{out}</Style>\n")
    }
}

fn coordinates(points: &[Vec<f64>], out: &mut String) {
    out.push_str("<coordinates>");
    for (i, p) in points.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&format!("{},{}", p[0], p[1]));
    }
    out.push_str("</coordinates>");
}

fn polygon(rings: &[Vec<Vec<f64>>], out: &mut String) {
    out.push_str("<Polygon>");
    for (i, ring) in rings.iter().enumerate() {
        let boundary = if i == 0 { "outer" } else { "inner" };
        out.push_str(&format!("<{boundary}BoundaryIs><LinearRing>"));
        coordinates(ring, out);
        out.push_str(&format!("</LinearRing></{boundary}BoundaryIs>"));
    }
    out.push_str("</Polygon>");
}

fn geometry_kml(value: &Value, out: &mut String) {
    match value {
        Value::Point(p) => {
            out.push_str("<Point>");
            coordinates(std::slice::from_ref(p), out);
            out.push_str("</Point>");
        }
        Value::LineString(line) => {
            out.push_str("<LineString>");
            coordinates(line, out);
            out.push_str("</LineString>");
        }
        Value::Polygon(rings) => polygon(rings, out),
        Value::MultiPoint(points) => {
            out.push_str("<MultiGeometry>");
            for p in points {
                geometry_kml(&Value::Point(p.clone()), out);
            }
            out.push_str("</MultiGeometry>");
        }
        Value::MultiLineString(lines) => {
            out.push_str("<MultiGeometry>");
            for l in lines {
                geometry_kml(&Value::LineString(l.clone()), out);
            }
            out.push_str("</MultiGeometry>");
        }
        Value::MultiPolygon(polygons) => {
            out.push_str("<MultiGeometry>");
            for p in polygons {
                polygon(p, out);
            }
            out.push_str("</MultiGeometry>");
        }
        Value::GeometryCollection(geometries) => {
            out.push_str("<MultiGeometry>");
            for g in geometries {
                geometry_kml(&g.value, out);
            }
            out.push_str("</MultiGeometry>");
        }
    }
}

/// Text as XML character data or an attribute value: the five special
/// characters escaped, and the control characters XML 1.0 does not allow
/// dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_control_characters_are_dropped() {
        assert_eq!(
            escape("Bakhmut & \"Chasiv Yar\" <x>\u{1}"),
            "Bakhmut &amp; &quot;Chasiv Yar&quot; &lt;x&gt;"
        );
    }

    #[test]
    fn a_simplestyle_colour_becomes_kml_alpha_blue_green_red() {
        let text = |k: &str| (k == "marker-color").then_some("#d7301f");
        assert_eq!(
            style(&text),
            "<Style><IconStyle><color>ff1f30d7</color></IconStyle></Style>\n"
        );
    }

    #[test]
    fn a_column_of_whole_and_fractional_numbers_is_double() {
        let f = |v: JsonValue| Feature {
            bbox: None,
            geometry: None,
            id: None,
            properties: Some(JsonObject::from_iter([("x".to_string(), v)])),
            foreign_members: None,
        };
        let features = [f(1.into()), f(2.5.into()), f(JsonValue::Null)];
        assert_eq!(kml_type("x", &features), "double");
        assert_eq!(kml_type("x", &features[..1]), "int");
        assert_eq!(kml_type("y", &features), "string");
    }
}
