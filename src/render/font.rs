//! The compiled-in font (DejaVu Sans, cut to Latin; `data/fonts/`, Bitstream
//! Vera licence): its bytes for the rasteriser and the width of a text, so
//! that labels can be kept apart before they are drawn.

/// DejaVu Sans, regular.
pub const REGULAR: &[u8] = include_bytes!("../../data/fonts/DejaVuSans-subset.ttf");
/// DejaVu Sans, bold.
pub const BOLD: &[u8] = include_bytes!("../../data/fonts/DejaVuSans-Bold-subset.ttf");

/// The advance widths of one face, per 1,000 units of font size.
struct Metrics {
    /// Width of each character the face has, by code point below 0x250.
    widths: Vec<f64>,
    /// Width of a character beyond those.
    fallback: f64,
}

fn metrics(bytes: &[u8]) -> Metrics {
    let mut widths = vec![0.0; 0x250];
    let mut fallback = 600.0;
    if let Ok(face) = ttf_parser::Face::parse(bytes, 0) {
        let per_em = f64::from(face.units_per_em().max(1));
        let advance = |c: char| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map(|a| f64::from(a) * 1000.0 / per_em)
        };
        fallback = advance('n').unwrap_or(fallback);
        for (code, w) in widths.iter_mut().enumerate() {
            *w = char::from_u32(code as u32)
                .and_then(advance)
                .unwrap_or(fallback);
        }
    }
    Metrics { widths, fallback }
}

fn regular() -> &'static Metrics {
    static M: std::sync::OnceLock<Metrics> = std::sync::OnceLock::new();
    M.get_or_init(|| metrics(REGULAR))
}

fn bold() -> &'static Metrics {
    static M: std::sync::OnceLock<Metrics> = std::sync::OnceLock::new();
    M.get_or_init(|| metrics(BOLD))
}

/// The width in pixels of `text` set at `size` pixels.
///
/// ```
/// use frontline::render::font::text_width;
/// let w = text_width("Bakhmut", 12.0, false);
/// assert!(w > 40.0 && w < 60.0);
/// assert!(text_width("Bakhmut", 12.0, true) > w);
/// ```
pub fn text_width(text: &str, size: f64, is_bold: bool) -> f64 {
    let m = if is_bold { bold() } else { regular() };
    let units: f64 = text
        .chars()
        .map(|c| m.widths.get(c as usize).copied().unwrap_or(m.fallback))
        .sum();
    units * size / 1000.0
}

/// A font database with the compiled-in faces only (no system fonts).
pub(crate) fn database() -> resvg::usvg::fontdb::Database {
    let mut db = resvg::usvg::fontdb::Database::new();
    db.load_font_data(REGULAR.to_vec());
    db.load_font_data(BOLD.to_vec());
    db.set_sans_serif_family(super::style::FONT);
    db
}
