//! From SVG to PNG: `resvg` rasterises the map's own SVG with the
//! compiled-in font (no system fonts), so the PNG shows exactly what the
//! SVG says and is the same on every machine.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia;
use resvg::usvg;

use crate::error::{Error, Result};

fn fonts() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| Arc::new(super::font::database())).clone()
}

/// The PNG bytes of an SVG document, at the size the document gives.
///
/// ```
/// let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10">
///   <rect width="20" height="10" fill="#d7301f"/></svg>"##;
/// let png = frontline::render::raster::png(svg).unwrap();
/// assert_eq!(&png[1..4], b"PNG");
/// ```
pub fn png(svg: &str) -> Result<Vec<u8>> {
    let options = usvg::Options {
        fontdb: fonts(),
        font_family: super::style::FONT.to_string(),
        ..usvg::Options::default()
    };
    let bad = |message: String| Error::Render {
        source: "svg".into(),
        message,
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| bad(e.to_string()))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or_else(|| {
        bad(format!(
            "cannot draw {}×{} pixels",
            size.width(),
            size.height()
        ))
    })?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| bad(e.to_string()))
}
