//! Placing labels so that they neither overlap each other nor hide the
//! markers: the most important first, each at the first of eight places
//! around its point that is free (right, left, above, below, then the
//! corners); a label that finds no free place is left out. A label without
//! a marker (a country, an oblast) is tried centred on its point only.

use super::font::text_width;

/// A rectangle in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x0: f64,
    /// Top edge.
    pub y0: f64,
    /// Right edge.
    pub x1: f64,
    /// Bottom edge.
    pub y1: f64,
}

impl Rect {
    /// The square of half-side `r` around a point.
    pub fn around((x, y): (f64, f64), r: f64) -> Rect {
        Rect {
            x0: x - r,
            y0: y - r,
            x1: x + r,
            y1: y + r,
        }
    }

    /// Whether the two overlap.
    pub fn hits(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    /// Whether `o` lies wholly inside.
    pub fn holds(&self, o: &Rect) -> bool {
        self.x0 <= o.x0 && o.x1 <= self.x1 && self.y0 <= o.y0 && o.y1 <= self.y1
    }
}

/// How a label is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelStyle {
    /// A place with a marker: dark, with a white halo.
    Place,
    /// An area's name without a marker (a country, a region the text
    /// names): italic grey.
    Area,
    /// A basemap name (an oblast): small grey capitals.
    Basemap,
}

/// A label that wants a place.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The point it names, pixels.
    pub at: (f64, f64),
    /// The text.
    pub text: String,
    /// Font size, pixels.
    pub size: f64,
    /// Bold.
    pub bold: bool,
    /// Higher goes first.
    pub priority: f64,
    /// The marker's radius (the gap between point and text); 0 without a
    /// marker.
    pub marker: f64,
    /// How it is drawn.
    pub style: LabelStyle,
}

/// A label with its place.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// Where the text's baseline starts (or is centred: see `anchor`).
    pub x: f64,
    /// The baseline.
    pub y: f64,
    /// SVG `text-anchor`: `start`, `middle` or `end`.
    pub anchor: &'static str,
    /// The text.
    pub text: String,
    /// Font size.
    pub size: f64,
    /// Bold.
    pub bold: bool,
    /// How it is drawn.
    pub style: LabelStyle,
    /// The box it covers.
    pub rect: Rect,
}

/// Boxes filed by the grid cells they touch, so that a new box is checked
/// against its neighbours only: placing stays linear in the number of
/// labels and markers.
struct Grid {
    cells: std::collections::HashMap<(i64, i64), Vec<Rect>>,
}

/// How many candidates per label to be placed are tried at most.
pub const MAX_TRIED_PER_LABEL: usize = 20;

/// The side of a grid cell, pixels.
const CELL: f64 = 48.0;

impl Grid {
    fn new() -> Grid {
        Grid {
            cells: std::collections::HashMap::new(),
        }
    }

    fn span(r: &Rect) -> impl Iterator<Item = (i64, i64)> {
        let (x0, x1) = ((r.x0 / CELL).floor() as i64, (r.x1 / CELL).floor() as i64);
        let (y0, y1) = ((r.y0 / CELL).floor() as i64, (r.y1 / CELL).floor() as i64);
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    fn add(&mut self, r: Rect) {
        for c in Grid::span(&r) {
            self.cells.entry(c).or_default().push(r);
        }
    }

    fn hits(&self, r: &Rect) -> bool {
        Grid::span(r).any(|c| {
            self.cells
                .get(&c)
                .is_some_and(|rs| rs.iter().any(|o| o.hits(r)))
        })
    }
}

/// Places the candidates, most important first (ties by text, then by
/// position, so the outcome does not depend on input order), at most
/// `max` of them, inside `frame` and clear of `obstacles` (markers, the
/// legend) and of each other. Only the first `max` ×
/// [`MAX_TRIED_PER_LABEL`] candidates are tried.
///
/// ```
/// use frontline::render::labels::{place, Candidate, LabelStyle, Rect};
/// let c = |text: &str, at, priority| Candidate { at, text: text.into(), size: 12.0, bold: false,
///     priority, marker: 4.0, style: LabelStyle::Place };
/// let frame = Rect { x0: 0.0, y0: 0.0, x1: 400.0, y1: 300.0 };
/// // Two points 2 px apart: the second label goes elsewhere, not on top.
/// let placed = place(vec![c("Kreminna", (200.0, 150.0), 2.0), c("Terny", (202.0, 150.0), 1.0)], &[], frame, 10);
/// assert_eq!(placed.len(), 2);
/// assert!(!placed[0].rect.hits(&placed[1].rect));
/// ```
pub fn place(
    mut candidates: Vec<Candidate>,
    obstacles: &[Rect],
    frame: Rect,
    max: usize,
) -> Vec<Placed> {
    candidates.sort_by(|a, b| {
        b.priority
            .total_cmp(&a.priority)
            .then_with(|| a.text.cmp(&b.text))
            .then_with(|| a.at.0.total_cmp(&b.at.0))
            .then_with(|| a.at.1.total_cmp(&b.at.1))
    });
    let mut placed: Vec<Placed> = Vec::new();
    let mut taken = Grid::new();
    // Each obstacle once (many events share a spot), and only what can
    // meet a label in the frame.
    let mut seen = std::collections::HashSet::new();
    for o in obstacles {
        let key = [o.x0, o.y0, o.x1, o.y1].map(|v| (v * 2.0).round() as i64);
        if o.hits(&frame) && seen.insert(key) {
            taken.add(*o);
        }
    }
    // A name once per spot (a merged layer has a place once per article),
    // the most important copy; then only the most important few compete: a
    // label far down the list would find no room on a crowded map anyway.
    let mut named = std::collections::HashSet::new();
    candidates.retain(|c| {
        let spot = (
            (c.at.0 / 16.0).round() as i64,
            (c.at.1 / 16.0).round() as i64,
        );
        named.insert((c.text.clone(), spot))
    });
    candidates.truncate(max.saturating_mul(MAX_TRIED_PER_LABEL));
    for c in candidates {
        if placed.len() >= max {
            break;
        }
        let w = text_width(&c.text, c.size, c.bold);
        let ascent = c.size * 0.76;
        let descent = c.size * 0.24;
        let gap = c.marker + 2.0;
        let (x, y) = c.at;
        // (baseline x, baseline y, anchor)
        let spots: Vec<(f64, f64, &'static str)> = if c.marker == 0.0 {
            vec![(x, y + ascent / 2.0, "middle")]
        } else {
            let mid = y + ascent / 2.0 - descent / 2.0;
            vec![
                (x + gap, mid, "start"),
                (x - gap, mid, "end"),
                (x, y - gap - descent, "middle"),
                (x, y + gap + ascent, "middle"),
                (x + gap * 0.7, y - gap * 0.7 - descent, "start"),
                (x + gap * 0.7, y + gap * 0.7 + ascent, "start"),
                (x - gap * 0.7, y - gap * 0.7 - descent, "end"),
                (x - gap * 0.7, y + gap * 0.7 + ascent, "end"),
            ]
        };
        for (bx, by, anchor) in spots {
            let left = match anchor {
                "start" => bx,
                "end" => bx - w,
                _ => bx - w / 2.0,
            };
            let rect = Rect {
                x0: left - 1.0,
                y0: by - ascent - 1.0,
                x1: left + w + 1.0,
                y1: by + descent + 1.0,
            };
            let free = frame.holds(&rect) && !taken.hits(&rect);
            if free {
                taken.add(rect);
                placed.push(Placed {
                    x: bx,
                    y: by,
                    anchor,
                    text: c.text.clone(),
                    size: c.size,
                    bold: c.bold,
                    style: c.style,
                    rect,
                });
                break;
            }
        }
    }
    placed
}
