//! Writing SVG as text: elements with their numbers rounded to a tenth of
//! a pixel, attributes in a fixed order, text escaped; the same drawing
//! gives the same bytes.

use std::fmt::Write;

/// An SVG document being written.
pub(crate) struct Svg {
    out: String,
}

/// A number rounded to a tenth, without a trailing `.0` and never `-0`.
///
/// ```
/// use frontline::render::svg::num;
/// assert_eq!(num(3.04), "3");
/// assert_eq!(num(-0.01), "0");
/// assert_eq!(num(12.35), "12.4");
/// ```
pub fn num(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == 0.0 || !r.is_finite() {
        return "0".into();
    }
    let s = format!("{r:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// Text escaped for SVG content and attribute values.
///
/// ```
/// use frontline::render::svg::escape;
/// assert_eq!(escape("R&D <\"x\">"), "R&amp;D &lt;&quot;x&quot;&gt;");
/// ```
pub fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            '\'' => s.push_str("&#39;"),
            c if (c as u32) < 0x20 && c != '\t' => s.push(' '),
            c => s.push(c),
        }
    }
    s
}

/// Path data for rings or lines of pixel points: `M x y L x y …` per part,
/// closed with `Z` when `close`; consecutive points that round to the same
/// tenth are written once.
pub(crate) fn path_data<'a>(
    parts: impl IntoIterator<Item = &'a [(f64, f64)]>,
    close: bool,
) -> String {
    let mut d = String::new();
    for part in parts {
        let mut last = (String::new(), String::new());
        let mut n = 0;
        for (i, &(x, y)) in part.iter().enumerate() {
            let p = (num(x), num(y));
            if i > 0 && p == last {
                continue;
            }
            let _ = write!(d, "{}{} {}", if n == 0 { "M" } else { "L" }, p.0, p.1);
            last = p;
            n += 1;
        }
        if close && n > 0 {
            d.push('Z');
        }
    }
    d
}

impl Svg {
    /// A document of `width` × `height` pixels.
    pub(crate) fn new(width: u32, height: u32) -> Svg {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"{}\">",
            super::style::FONT
        );
        Svg { out }
    }

    /// Writes a raw element (already escaped).
    pub(crate) fn raw(&mut self, element: &str) {
        self.out.push_str(element);
        self.out.push('\n');
    }

    /// Opens a group with the given attributes (`id`, styles).
    pub(crate) fn open(&mut self, attributes: &str) {
        let _ = writeln!(self.out, "<g {attributes}>");
    }

    /// Closes the last group.
    pub(crate) fn close(&mut self) {
        self.out.push_str("</g>\n");
    }

    /// A path with the given data and attributes; nothing when empty.
    pub(crate) fn path(&mut self, d: &str, attributes: &str) {
        if !d.is_empty() {
            let _ = writeln!(self.out, "<path d=\"{d}\" {attributes}/>");
        }
    }

    /// A circle.
    pub(crate) fn circle(&mut self, (x, y): (f64, f64), r: f64, attributes: &str) {
        let _ = writeln!(
            self.out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" {attributes}/>",
            num(x),
            num(y),
            num(r)
        );
    }

    /// A rectangle.
    pub(crate) fn rect(&mut self, (x, y): (f64, f64), (w, h): (f64, f64), attributes: &str) {
        let _ = writeln!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {attributes}/>",
            num(x),
            num(y),
            num(w),
            num(h)
        );
    }

    /// A text at a baseline point.
    pub(crate) fn text(&mut self, (x, y): (f64, f64), text: &str, attributes: &str) {
        let _ = writeln!(
            self.out,
            "<text x=\"{}\" y=\"{}\" {attributes}>{}</text>",
            num(x),
            num(y),
            escape(text)
        );
    }

    /// The finished document.
    pub(crate) fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}
