//! Drawing the map itself: the basemap under the layers, then contested
//! zones, the front line, arrows, control points, events and places, then
//! their labels.

use std::collections::BTreeMap;
use std::f64::consts::PI;

use super::basemap::{Area, Basemap, Line};
use super::labels::{place, Candidate, LabelStyle, Placed, Rect};
use super::projection::{BBox, Projection};
use super::scene::Scene;
use super::style::{self, Party, Shape};
use super::svg::{num, path_data, Svg};

/// The radius of a control point's marker, pixels.
pub const CONTROL_RADIUS: f64 = 5.5;
/// The radius of an event's marker.
pub const EVENT_RADIUS: f64 = 5.5;
/// The radius of a place's marker.
pub const PLACE_RADIUS: f64 = 3.5;
/// The most labels on a map.
pub const MAX_LABELS: usize = 60;

fn project_all(p: &Projection, pts: &[(f64, f64)]) -> Vec<(f64, f64)> {
    pts.iter().map(|&(x, y)| p.project(x, y)).collect()
}

fn areas_path<'a>(p: &Projection, view: &BBox, areas: impl Iterator<Item = &'a Area>) -> String {
    let rings: Vec<Vec<(f64, f64)>> = areas
        .filter(|a| a.bbox.overlaps(view))
        .flat_map(|a| a.rings.iter().map(|r| project_all(p, r)))
        .collect();
    path_data(rings.iter().map(|r| r.as_slice()), true)
}

fn lines_path<'a>(p: &Projection, view: &BBox, lines: impl Iterator<Item = &'a Line>) -> String {
    let parts: Vec<Vec<(f64, f64)>> = lines
        .filter(|l| l.bbox.overlaps(view))
        .map(|l| project_all(p, &l.points))
        .collect();
    path_data(parts.iter().map(|r| r.as_slice()), false)
}

/// The largest river rank drawn at a view `span` degrees of latitude high.
fn river_rank(span: f64) -> u8 {
    match span {
        s if s < 3.0 => 12,
        s if s < 7.0 => 10,
        s if s < 15.0 => 8,
        _ => 255,
    }
}

/// Draws the basemap over the whole image.
pub(crate) fn basemap(svg: &mut Svg, map: &Basemap, p: &Projection, size: (f64, f64)) {
    let view = p.shown();
    // What the image shows beyond the frame too (the frame is inset).
    let (x0, y0) = (view.west - 5.0, view.south - 5.0);
    let view = BBox {
        west: x0,
        south: y0,
        east: view.east + 5.0,
        north: view.north + 5.0,
    };
    svg.rect((0.0, 0.0), size, &format!("fill=\"{}\"", style::WATER));
    svg.open("id=\"basemap\" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
    let land = |ukraine: bool| {
        map.land
            .iter()
            .filter(move |a| (a.name == "Ukraine") == ukraine)
    };
    svg.path(
        &areas_path(p, &view, land(false)),
        &format!("fill=\"{}\" fill-rule=\"evenodd\"", style::LAND),
    );
    svg.path(
        &areas_path(p, &view, land(true)),
        &format!("fill=\"{}\" fill-rule=\"evenodd\"", style::UKRAINE),
    );
    svg.path(
        &areas_path(p, &view, map.lakes.iter()),
        &format!("fill=\"{}\" fill-rule=\"evenodd\"", style::WATER),
    );
    svg.path(
        &lines_path(p, &view, map.admin1.iter()),
        &format!(
            "fill=\"none\" stroke=\"{}\" stroke-width=\"0.8\"",
            style::ADMIN1
        ),
    );
    let max_rank = river_rank(p.shown().north - p.shown().south);
    for (lo, hi, width) in [(0, 6, 1.6), (7, 9, 1.1), (10, 255, 0.7)] {
        let rivers = map
            .rivers
            .iter()
            .filter(|r| r.rank <= max_rank && (lo..=hi).contains(&r.rank));
        svg.path(
            &lines_path(p, &view, rivers),
            &format!(
                "fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"",
                style::RIVER,
                num(width)
            ),
        );
    }
    svg.path(
        &lines_path(p, &view, map.coast.iter()),
        &format!(
            "fill=\"none\" stroke=\"{}\" stroke-width=\"0.7\"",
            style::COAST
        ),
    );
    svg.path(
        &lines_path(p, &view, map.borders.iter()),
        &format!(
            "fill=\"none\" stroke=\"{}\" stroke-width=\"1.3\"",
            style::BORDER
        ),
    );
    svg.close();
}

/// The outline of a marker of `shape` with radius `r` at a point, as path
/// data.
pub(crate) fn shape_path(shape: Shape, (x, y): (f64, f64), r: f64) -> String {
    let pts: Vec<(f64, f64)> = match shape {
        Shape::TriangleUp => vec![
            (x, y - r * 1.15),
            (x + r * 1.05, y + r * 0.75),
            (x - r * 1.05, y + r * 0.75),
        ],
        Shape::TriangleDown => vec![
            (x, y + r * 1.15),
            (x + r * 1.05, y - r * 0.75),
            (x - r * 1.05, y - r * 0.75),
        ],
        Shape::Diamond => vec![(x, y - r * 1.2), (x + r, y), (x, y + r * 1.2), (x - r, y)],
        Shape::Square => vec![
            (x - r * 0.85, y - r * 0.85),
            (x + r * 0.85, y - r * 0.85),
            (x + r * 0.85, y + r * 0.85),
            (x - r * 0.85, y + r * 0.85),
        ],
        Shape::Cross => {
            let (a, b) = (r * 1.1, r * 0.38);
            vec![
                (x - a, y - a + b),
                (x - a + b, y - a),
                (x, y - b),
                (x + a - b, y - a),
                (x + a, y - a + b),
                (x + b, y),
                (x + a, y + a - b),
                (x + a - b, y + a),
                (x, y + b),
                (x - a + b, y + a),
                (x - a, y + a - b),
                (x - b, y),
            ]
        }
    };
    path_data([pts.as_slice()], true)
}

/// An arrow from the first point to the last, its head at the end.
pub(crate) fn arrow(svg: &mut Svg, pts: &[(f64, f64)], color: &str, width: f64) {
    let (Some(&(x0, y0)), Some(&(x1, y1))) = (pts.first(), pts.last()) else {
        return;
    };
    let len = ((x1 - x0).powi(2) + (y1 - y0).powi(2)).sqrt();
    if len < 1.0 {
        return;
    }
    let (ux, uy) = ((x1 - x0) / len, (y1 - y0) / len);
    let head = (width * 4.0).min(len * 0.6);
    let (bx, by) = (x1 - ux * head, y1 - uy * head);
    let mut shaft = pts[..pts.len() - 1].to_vec();
    shaft.push((bx, by));
    let d = path_data([shaft.as_slice()], false);
    svg.path(
        &d,
        &format!(
            "fill=\"none\" stroke=\"#ffffff\" stroke-width=\"{}\" stroke-linecap=\"round\"",
            num(width + 3.0)
        ),
    );
    svg.path(
        &d,
        &format!(
            "fill=\"none\" stroke=\"{color}\" stroke-width=\"{}\" stroke-linecap=\"round\"",
            num(width)
        ),
    );
    let w = head * 0.55;
    let tip = [
        (x1, y1),
        (bx - uy * w, by + ux * w),
        (bx + uy * w, by - ux * w),
    ];
    svg.path(
        &path_data([tip.as_slice()], true),
        &format!("fill=\"{color}\" stroke=\"#ffffff\" stroke-width=\"1\""),
    );
}

/// The layers over the basemap. Returns the markers' boxes (for the
/// labels to keep clear of) and the label candidates.
pub(crate) fn scene(svg: &mut Svg, scene: &Scene, p: &Projection) -> (Vec<Rect>, Vec<Candidate>) {
    let mut obstacles = Vec::new();
    let mut labels = Vec::new();
    svg.open("id=\"layers\" stroke-linejoin=\"round\"");
    // Contested zones.
    let contested = Party::Contested.color();
    for z in &scene.zones {
        let rings: Vec<Vec<(f64, f64)>> = z.rings.iter().map(|r| project_all(p, r)).collect();
        svg.path(
            &path_data(rings.iter().map(|r| r.as_slice()), true),
            &format!(
                "fill=\"{contested}\" fill-opacity=\"0.3\" fill-rule=\"evenodd\" stroke=\"{contested}\" stroke-width=\"1\""
            ),
        );
    }
    // The front line: a white casing, then the line, dashed where inferred.
    for piece in &scene.front {
        let pts = project_all(p, &piece.line);
        let d = path_data([pts.as_slice()], false);
        let width = if piece.style == "solid" { 3.0 } else { 2.6 };
        svg.path(
            &d,
            &format!(
                "class=\"front {}\" fill=\"none\" stroke=\"#ffffff\" stroke-opacity=\"0.85\" stroke-width=\"{}\" stroke-linecap=\"round\"",
                piece.style,
                num(width + 3.0)
            ),
        );
        let dash = style::dash_array(&piece.style)
            .map(|d| format!(" stroke-dasharray=\"{d}\""))
            .unwrap_or_default();
        svg.path(
            &d,
            &format!(
                "class=\"front {}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{dash}",
                piece.style,
                style::FRONT,
                num(width)
            ),
        );
    }
    // Arrows.
    for a in &scene.arrows {
        let pts = project_all(p, &a.line);
        arrow(svg, &pts, a.actor.color(), 3.5);
    }
    // Places (layers' places): a small dot where nothing else marks them.
    let marked: std::collections::BTreeSet<&str> = scene
        .control
        .iter()
        .map(|c| c.name.as_str())
        .chain(scene.events.iter().map(|e| e.place.as_str()))
        .collect();
    for pl in &scene.places {
        let at = p.project(pl.at.0, pl.at.1);
        let area = matches!(pl.kind.as_str(), "country" | "admin" | "region");
        if area && marked.contains(pl.name.as_str()) {
            // A region with an event marker on its point: named beside it.
            labels.push(Candidate {
                at,
                text: pl.name.clone(),
                size: 12.0,
                bold: false,
                priority: 30.0 + pl.events as f64,
                marker: EVENT_RADIUS * 2.4,
                style: LabelStyle::Area,
            });
            continue;
        }
        if area {
            labels.push(Candidate {
                at,
                text: pl.name.clone(),
                size: 12.0,
                bold: false,
                priority: 10.0 + (pl.mentions as f64).ln_1p(),
                marker: 0.0,
                style: LabelStyle::Area,
            });
            continue;
        }
        if !marked.contains(pl.name.as_str()) {
            svg.circle(
                at,
                PLACE_RADIUS,
                &format!(
                    "class=\"place\" fill=\"{}\" stroke=\"#333333\" stroke-width=\"1\"",
                    pl.party.color()
                ),
            );
            obstacles.push(Rect::around(at, PLACE_RADIUS));
        }
        labels.push(Candidate {
            at,
            text: pl.name.clone(),
            size: 12.0,
            bold: pl.events > 0,
            priority: 20.0
                + 3.0 * pl.events as f64
                + (pl.population as f64).log10().max(0.0)
                + pl.mentions as f64 * 0.5,
            marker: if marked.contains(pl.name.as_str()) {
                EVENT_RADIUS * 2.4
            } else {
                PLACE_RADIUS
            },
            style: LabelStyle::Place,
        });
    }
    // Events: one marker each; several at one spot are set round it.
    let mut spots: BTreeMap<(i64, i64), Vec<usize>> = BTreeMap::new();
    for (i, e) in scene.events.iter().enumerate() {
        let (x, y) = p.project(e.at.0, e.at.1);
        spots
            .entry(((x / 3.0).round() as i64, (y / 3.0).round() as i64))
            .or_default()
            .push(i);
    }
    let mut event_count: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, ids) in spots {
        for &i in &ids {
            *event_count
                .entry(scene.events[i].place.as_str())
                .or_default() += 1;
        }
        // One marker per kind of event (shape, side, precision) at a spot:
        // a hundred captures at one town draw as one triangle.
        let mut kinds = std::collections::BTreeSet::new();
        let ids: Vec<usize> = ids
            .into_iter()
            .filter(|&i| {
                let e = &scene.events[i];
                kinds.insert((Shape::of_action(&e.action), e.actor, e.precise))
            })
            .collect();
        let n = ids.len();
        for (k, &i) in ids.iter().enumerate() {
            let e = &scene.events[i];
            let (x, y) = p.project(e.at.0, e.at.1);
            let at = if n == 1 {
                (x, y)
            } else {
                let angle = -PI / 2.0 + 2.0 * PI * k as f64 / n as f64;
                let r = EVENT_RADIUS * 1.3;
                (x + r * angle.cos(), y + r * angle.sin())
            };
            svg.path(
                &shape_path(Shape::of_action(&e.action), at, EVENT_RADIUS),
                &if e.precise {
                    format!(
                        "class=\"event {}\" fill=\"{}\" stroke=\"#222222\" stroke-width=\"0.9\"",
                        e.action,
                        e.actor.color()
                    )
                } else {
                    // Located only to a region or country: hollow.
                    format!(
                        "class=\"event {} regional\" fill=\"#ffffff\" stroke=\"{}\" stroke-width=\"2\"",
                        e.action,
                        e.actor.color()
                    )
                },
            );
            obstacles.push(Rect::around(at, EVENT_RADIUS * 1.1));
        }
    }
    let named: std::collections::BTreeSet<&str> = scene
        .places
        .iter()
        .map(|pl| pl.name.as_str())
        .chain(scene.control.iter().map(|c| c.name.as_str()))
        .collect();
    let mut first_event: BTreeMap<&str, &super::scene::EventMark> = BTreeMap::new();
    for e in &scene.events {
        first_event.entry(e.place.as_str()).or_insert(e);
    }
    for (place_name, count) in &event_count {
        if named.contains(place_name) {
            continue;
        }
        if let Some(e) = first_event.get(place_name) {
            labels.push(Candidate {
                at: p.project(e.at.0, e.at.1),
                text: place_name.to_string(),
                size: 12.0,
                bold: true,
                priority: 40.0 + *count as f64,
                marker: EVENT_RADIUS * 2.4,
                style: LabelStyle::Place,
            });
        }
    }
    // Control points, over the rest.
    for c in &scene.control {
        let at = p.project(c.at.0, c.at.1);
        svg.circle(
            at,
            CONTROL_RADIUS,
            &format!(
                "class=\"control {}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1.5\"",
                match c.held {
                    Party::RU => "RU",
                    Party::UA => "UA",
                    Party::Contested => "contested",
                    _ => "unknown",
                },
                c.held.color()
            ),
        );
        obstacles.push(Rect::around(at, CONTROL_RADIUS + 1.0));
        labels.push(Candidate {
            at,
            text: c.name.clone(),
            size: 12.5,
            bold: true,
            priority: 60.0 + if c.held == Party::Contested { 1.0 } else { 0.0 },
            marker: CONTROL_RADIUS + 1.0,
            style: LabelStyle::Place,
        });
    }
    svg.close();
    (obstacles, labels)
}

/// The basemap's names (oblasts) as label candidates, for a view less
/// than 14 degrees high.
pub(crate) fn basemap_labels(map: &Basemap, p: &Projection) -> Vec<Candidate> {
    let view = p.shown();
    if view.north - view.south >= 14.0 {
        return Vec::new();
    }
    map.labels
        .iter()
        .filter(|l| view.contains(l.at.0, l.at.1))
        .map(|l| Candidate {
            at: p.project(l.at.0, l.at.1),
            text: l.name.to_uppercase(),
            size: 10.0,
            bold: false,
            priority: if l.country == "UKR" { 2.0 } else { 1.0 },
            marker: 0.0,
            style: LabelStyle::Basemap,
        })
        .collect()
}

/// Writes placed labels: a white halo under dark text for places.
pub(crate) fn write_labels(svg: &mut Svg, placed: &[Placed]) {
    svg.open("id=\"labels\"");
    for l in placed {
        let weight = if l.bold { " font-weight=\"bold\"" } else { "" };
        let (fill, extra) = match l.style {
            LabelStyle::Place => (style::TEXT, ""),
            LabelStyle::Area => ("#555555", " font-style=\"italic\""),
            LabelStyle::Basemap => (style::BASEMAP_TEXT, ""),
        };
        let common = format!(
            "font-size=\"{}\" text-anchor=\"{}\"{weight}{extra}",
            num(l.size),
            l.anchor
        );
        if l.style != LabelStyle::Basemap {
            svg.text(
                (l.x, l.y),
                &l.text,
                &format!(
                    "{common} fill=\"none\" stroke=\"{}\" stroke-width=\"3\" stroke-linejoin=\"round\" stroke-opacity=\"0.9\"",
                    style::HALO
                ),
            );
        }
        svg.text(
            (l.x, l.y),
            &l.text,
            &format!("class=\"label\" {common} fill=\"{fill}\""),
        );
    }
    svg.close();
}

/// Places the candidates and writes them.
pub(crate) fn labels(svg: &mut Svg, candidates: Vec<Candidate>, obstacles: &[Rect], frame: Rect) {
    let placed = place(candidates, obstacles, frame, MAX_LABELS);
    write_labels(svg, &placed);
}
