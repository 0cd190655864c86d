//! What goes round the map: the title with its date, the legend of what
//! the map shows, a scale bar, the sources.

use super::draw::{shape_path, CONTROL_RADIUS, EVENT_RADIUS, PLACE_RADIUS};
use super::font::text_width;
use super::labels::Rect;
use super::projection::Projection;
use super::scene::Scene;
use super::style::{self, dash_array, Party, Shape};
use super::svg::{num, path_data, Svg};

/// The height of the title band, pixels.
pub const TITLE_HEIGHT: f64 = 54.0;
/// The height of the footer band (sources, what lies outside).
pub const FOOTER_HEIGHT: f64 = 22.0;
/// The sources, as the licences ask.
pub const ATTRIBUTION: &str = "Made with Natural Earth; GeoNames CC BY 4.0 · frontline";

/// The title a scene gets when none is given: what it shows and the date.
///
/// ```
/// use frontline::render::{furniture::default_title, scene::Scene};
/// let mut scene = Scene::default();
/// scene.as_of = Some("2024-06-28".into());
/// assert_eq!(default_title(&scene), "Places and events, as of 2024-06-28");
/// ```
pub fn default_title(scene: &Scene) -> String {
    let what = if scene.is_front() {
        "Front line"
    } else {
        "Places and events"
    };
    match &scene.as_of {
        Some(d) => format!("{what}, as of {d}"),
        None => what.to_string(),
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A line of counts under the title.
pub(crate) fn subtitle(scene: &Scene) -> String {
    let mut parts = Vec::new();
    if !scene.control.is_empty() {
        let of = |p: Party| scene.control.iter().filter(|c| c.held == p).count();
        parts.push(format!(
            "{} ({} RU, {} UA, {} contested)",
            count(scene.control.len(), "settlement", "settlements"),
            of(Party::RU),
            of(Party::UA),
            of(Party::Contested)
        ));
    }
    if !scene.front.is_empty() {
        parts.push(count(
            scene.front.len(),
            "piece of front line",
            "pieces of front line",
        ));
    }
    if !scene.zones.is_empty() {
        parts.push(count(
            scene.zones.len(),
            "contested zone",
            "contested zones",
        ));
    }
    if !scene.arrows.is_empty() {
        parts.push(count(scene.arrows.len(), "arrow", "arrows"));
    }
    if !scene.events.is_empty() {
        parts.push(count(scene.events.len(), "event", "events"));
    }
    if !scene.places.is_empty() {
        parts.push(count(scene.places.len(), "place", "places"));
    }
    parts.join(" · ")
}

/// Draws the title band.
pub(crate) fn title(svg: &mut Svg, width: f64, title: &str, subtitle: &str) {
    svg.rect(
        (0.0, 0.0),
        (width, TITLE_HEIGHT),
        &format!("fill=\"{}\" fill-opacity=\"0.92\"", style::PANEL),
    );
    svg.raw(&format!(
        "<line x1=\"0\" y1=\"{0}\" x2=\"{1}\" y2=\"{0}\" stroke=\"#999999\" stroke-width=\"1\"/>",
        num(TITLE_HEIGHT),
        num(width)
    ));
    svg.text(
        (14.0, 25.0),
        title,
        "id=\"title\" font-size=\"19\" font-weight=\"bold\" fill=\"#111111\"",
    );
    svg.text(
        (14.0, 44.0),
        subtitle,
        "id=\"subtitle\" font-size=\"12\" fill=\"#444444\"",
    );
}

/// One legend row: a sample drawing and its words.
enum Sample {
    Dot(Party, f64),
    Line(&'static str),
    Zone,
    Arrow(Party),
    Shape(Shape),
    Hollow,
    Swatch(Party),
}

fn rows(scene: &Scene) -> Vec<(Sample, String)> {
    let mut rows = Vec::new();
    for party in [Party::RU, Party::UA, Party::Contested, Party::Unknown] {
        if scene.control.iter().any(|c| c.held == party) {
            let words = match party {
                Party::RU => "held by Russia",
                Party::UA => "held by Ukraine",
                Party::Contested => "contested",
                _ => "control unknown",
            };
            rows.push((Sample::Dot(party, CONTROL_RADIUS), words.to_string()));
        }
    }
    for (style, words) in [
        ("solid", "front line"),
        ("dashed", "front line, inferred"),
        ("dotted", "front line, across a gap"),
    ] {
        if scene.front.iter().any(|f| f.style == style) {
            rows.push((Sample::Line(style), words.to_string()));
        }
    }
    if !scene.zones.is_empty() {
        rows.push((Sample::Zone, "contested zone".to_string()));
    }
    for party in [Party::RU, Party::UA, Party::Other, Party::Unknown] {
        if scene.arrows.iter().any(|a| a.actor == party) {
            rows.push((Sample::Arrow(party), format!("{} advance", party.label())));
        }
    }
    let mut shapes: Vec<Shape> = scene
        .events
        .iter()
        .map(|e| Shape::of_action(&e.action))
        .collect();
    shapes.sort();
    shapes.dedup();
    for s in shapes {
        rows.push((Sample::Shape(s), s.label().to_string()));
    }
    if scene.events.iter().any(|e| !e.precise) {
        rows.push((
            Sample::Hollow,
            "hollow: placed only in a region".to_string(),
        ));
    }
    if !scene.events.is_empty() || !scene.places.is_empty() {
        let mut parties: Vec<Party> = scene
            .events
            .iter()
            .map(|e| e.actor)
            .chain(scene.places.iter().map(|p| p.party))
            .collect();
        parties.sort();
        parties.dedup();
        for party in parties {
            let words = match party {
                Party::Other => "colour: another state (North Korea …)".to_string(),
                Party::Unknown => "colour: side not stated".to_string(),
                p => format!("colour: the {} side", p.label()),
            };
            rows.push((Sample::Swatch(party), words));
        }
    }
    if scene
        .places
        .iter()
        .any(|p| !matches!(p.kind.as_str(), "country" | "admin" | "region"))
    {
        rows.push((
            Sample::Dot(Party::Unknown, PLACE_RADIUS),
            "place named (colour: latest event)".to_string(),
        ));
    }
    rows
}

const ROW: f64 = 19.0;

/// The legend's width: its longest entry's.
pub(crate) fn legend_width(scene: &Scene) -> f64 {
    rows(scene)
        .iter()
        .map(|(_, words)| text_width(words, 12.0, false))
        .fold(60.0, f64::max)
        + 56.0
}

/// The legend's box, top right, for the labels to keep clear of.
pub(crate) fn legend_rect(scene: &Scene, width: f64) -> Rect {
    let n = rows(scene).len() as f64;
    Rect {
        x0: width - legend_width(scene) - 10.0,
        y0: TITLE_HEIGHT + 10.0,
        x1: width - 10.0,
        y1: TITLE_HEIGHT + 10.0 + 28.0 + n * ROW,
    }
}

/// Draws the legend.
pub(crate) fn legend(svg: &mut Svg, scene: &Scene, width: f64) {
    let r = legend_rect(scene, width);
    svg.open("id=\"legend\"");
    svg.rect(
        (r.x0, r.y0),
        (r.x1 - r.x0, r.y1 - r.y0),
        &format!(
            "fill=\"{}\" fill-opacity=\"0.92\" stroke=\"#999999\" stroke-width=\"1\" rx=\"3\"",
            style::PANEL
        ),
    );
    svg.text(
        (r.x0 + 10.0, r.y0 + 18.0),
        "Legend",
        "font-size=\"12\" font-weight=\"bold\" fill=\"#222222\"",
    );
    for (i, (sample, words)) in rows(scene).into_iter().enumerate() {
        let y = r.y0 + 34.0 + i as f64 * ROW;
        let x = r.x0 + 22.0;
        match sample {
            Sample::Dot(party, radius) => svg.circle(
                (x, y),
                radius,
                &format!(
                    "fill=\"{}\" stroke=\"{}\" stroke-width=\"1.2\"",
                    party.color(),
                    if radius == PLACE_RADIUS {
                        "#333333"
                    } else {
                        "#ffffff"
                    }
                ),
            ),
            Sample::Line(s) => {
                let d = path_data([[(x - 14.0, y), (x + 14.0, y)].as_slice()], false);
                let dash = dash_array(s)
                    .map(|d| format!(" stroke-dasharray=\"{d}\""))
                    .unwrap_or_default();
                svg.path(
                    &d,
                    &format!(
                        "class=\"legend-front {s}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.6\"{dash}",
                        style::FRONT
                    ),
                );
            }
            Sample::Zone => {
                let c = Party::Contested.color();
                svg.rect(
                    (x - 12.0, y - 6.0),
                    (24.0, 12.0),
                    &format!("fill=\"{c}\" fill-opacity=\"0.3\" stroke=\"{c}\" stroke-width=\"1\""),
                );
            }
            Sample::Arrow(party) => {
                super::draw::arrow(svg, &[(x - 14.0, y), (x + 14.0, y)], party.color(), 3.0)
            }
            Sample::Shape(shape) => svg.path(
                &shape_path(shape, (x, y), EVENT_RADIUS),
                "fill=\"#bdbdbd\" stroke=\"#222222\" stroke-width=\"0.9\"",
            ),
            Sample::Hollow => svg.path(
                &shape_path(Shape::Square, (x, y), EVENT_RADIUS),
                "fill=\"#ffffff\" stroke=\"#7f7f7f\" stroke-width=\"2\"",
            ),
            Sample::Swatch(party) => svg.rect(
                (x - 12.0, y - 3.5),
                (24.0, 7.0),
                &format!("fill=\"{}\" rx=\"2\"", party.color()),
            ),
        }
        svg.text(
            (x + 22.0, y + 4.0),
            &words,
            "class=\"legend-entry\" font-size=\"12\" fill=\"#222222\"",
        );
    }
    svg.close();
}

/// A round length for a scale bar at most `max_km` long: 1, 2 or 5 times
/// a power of ten.
///
/// ```
/// use frontline::render::furniture::nice_km;
/// assert_eq!(nice_km(37.0), 20.0);
/// assert_eq!(nice_km(120.0), 100.0);
/// assert_eq!(nice_km(0.8), 0.5);
/// ```
pub fn nice_km(max_km: f64) -> f64 {
    let p = 10f64.powf(max_km.log10().floor());
    [5.0, 2.0, 1.0]
        .into_iter()
        .map(|m| m * p)
        .find(|v| *v <= max_km)
        .unwrap_or(p)
}

struct Scale {
    len: f64,
    at: (f64, f64),
    label: String,
    rect: Rect,
}

fn scale(p: &Projection, width: f64, height: f64) -> Scale {
    let km = nice_km(width / 5.0 / p.pixels_per_km());
    let len = km * p.pixels_per_km();
    let (x, y) = (14.0, height - FOOTER_HEIGHT - 14.0);
    let label = if km >= 1.0 {
        format!("{} km", km as u64)
    } else {
        format!("{} m", (km * 1000.0) as u64)
    };
    let rect = Rect {
        x0: x - 6.0,
        y0: y - 22.0,
        x1: x + len.max(text_width(&label, 11.0, false)) + 8.0,
        y1: y + 8.0,
    };
    Scale {
        len,
        at: (x, y),
        label,
        rect,
    }
}

/// The scale bar's box, bottom left above the footer.
pub(crate) fn scale_bar_box(p: &Projection, width: f64, height: f64) -> Rect {
    scale(p, width, height).rect
}

/// Draws the scale bar: a round number of kilometres, about a fifth of the
/// image wide, measured at the map's middle latitude.
pub(crate) fn scale_bar(svg: &mut Svg, p: &Projection, width: f64, height: f64) {
    let Scale {
        len,
        at: (x, y),
        label,
        rect,
    } = scale(p, width, height);
    svg.open("id=\"scale\"");
    svg.rect(
        (rect.x0, rect.y0),
        (rect.x1 - rect.x0, rect.y1 - rect.y0),
        &format!("fill=\"{}\" fill-opacity=\"0.8\" rx=\"2\"", style::PANEL),
    );
    svg.path(
        &path_data(
            [[(x, y - 5.0), (x, y), (x + len, y), (x + len, y - 5.0)].as_slice()],
            false,
        ),
        "fill=\"none\" stroke=\"#222222\" stroke-width=\"1.5\"",
    );
    svg.text((x, y - 8.0), &label, "font-size=\"11\" fill=\"#222222\"");
    svg.close();
}

/// Draws the footer: what lies outside the map on the left, the sources
/// on the right.
pub(crate) fn footer(svg: &mut Svg, width: f64, height: f64, left_out: &[String]) {
    let y0 = height - FOOTER_HEIGHT;
    svg.rect(
        (0.0, y0),
        (width, FOOTER_HEIGHT),
        &format!("fill=\"{}\" fill-opacity=\"0.92\"", style::PANEL),
    );
    let size = 11.0;
    let attribution_w = text_width(ATTRIBUTION, size, false);
    svg.text(
        (width - 10.0, y0 + 15.0),
        ATTRIBUTION,
        "id=\"attribution\" font-size=\"11\" text-anchor=\"end\" fill=\"#555555\"",
    );
    if left_out.is_empty() {
        return;
    }
    let room = width - attribution_w - 40.0;
    let mut note = String::from("Outside the map: ");
    for (i, name) in left_out.iter().enumerate() {
        let more = left_out.len() - i;
        let next = format!("{}{name}", if i > 0 { ", " } else { "" });
        let tail = format!(" … and {} more", more);
        if text_width(&format!("{note}{next}{tail}"), size, false) > room {
            note.push_str(&format!("{}and {more} more", if i > 0 { ", " } else { "" }));
            break;
        }
        note.push_str(&next);
    }
    svg.text(
        (10.0, y0 + 15.0),
        &note,
        "id=\"left-out\" font-size=\"11\" fill=\"#555555\"",
    );
}
