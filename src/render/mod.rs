//! Pictures of the layers: an SVG (written as text) or a PNG (the same SVG
//! rasterised), on a compiled-in Natural Earth basemap, with labels kept
//! apart, a legend, a scale bar, a title with the date and the sources.
//!
//! ```
//! use frontline::render::{render, scene::{ControlPoint, Scene}, style::Party, RenderOptions};
//! let mut scene = Scene::default();
//! scene.control.push(ControlPoint { at: (37.99886, 48.59419), name: "Bakhmut".into(), held: Party::RU });
//! scene.as_of = Some("2024-06-28".into());
//! let map = render(&scene, &RenderOptions::default()).unwrap();
//! assert!(map.svg.contains("Front line, as of 2024-06-28"));
//! assert!(map.svg.contains(">Bakhmut</text>"));
//! ```
//!
//! One module per concept: [`input`] reads layer files and folders into a
//! [`scene::Scene`] by the features' properties; [`extent`] picks the box to
//! show; [`projection`] turns degrees into pixels; [`basemap`] holds the
//! land, borders and water; [`style`] the colours and shapes; [`labels`]
//! keeps labels apart; [`draw`] draws the map and [`furniture`] what goes
//! round it; [`svg`] writes the text; [`font`] and [`raster`] make the PNG.

pub mod basemap;
pub mod draw;
pub mod extent;
pub mod font;
pub mod furniture;
pub mod input;
pub mod labels;
pub mod projection;
pub mod raster;
pub mod scene;
pub mod style;
pub mod svg;

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use labels::Rect;
use projection::{BBox, Projection};
use scene::Scene;

/// What to draw and how big.
#[derive(Clone, Debug, PartialEq)]
pub struct RenderOptions {
    /// Image width, pixels.
    pub width: u32,
    /// Image height, pixels.
    pub height: u32,
    /// The box to show; fitted to the layers when `None` (see [`extent`]).
    pub bbox: Option<BBox>,
    /// The title; "Front line, as of DATE" or "Places and events, as of
    /// DATE" when `None`.
    pub title: Option<String>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            width: 1200,
            height: 800,
            bbox: None,
            title: None,
        }
    }
}

/// The smallest and largest image side accepted, pixels.
pub const SIZE_RANGE: (u32, u32) = (300, 8000);

/// A drawn map.
#[derive(Clone, Debug)]
pub struct Map {
    /// The SVG document.
    pub svg: String,
    /// How the map's degrees became its pixels.
    pub projection: Projection,
    /// Places and events the fitted box leaves out.
    pub left_out: Vec<String>,
}

/// Draws a scene.
pub fn render(scene: &Scene, options: &RenderOptions) -> Result<Map> {
    for (name, v) in [("--width", options.width), ("--height", options.height)] {
        if !(SIZE_RANGE.0..=SIZE_RANGE.1).contains(&v) {
            return Err(Error::Render {
                source: name.into(),
                message: format!(
                    "{v} pixels: the image must be {} to {} pixels on a side",
                    SIZE_RANGE.0, SIZE_RANGE.1
                ),
            });
        }
    }
    let (w, h) = (f64::from(options.width), f64::from(options.height));
    let (bbox, left_out) = match options.bbox {
        Some(b) => (b, Vec::new()),
        None => match extent::fit(scene) {
            Some(e) => (e.bbox, e.left_out),
            None => {
                return Err(Error::Render {
                    source: "render".into(),
                    message: "the layers have no features to draw".into(),
                })
            }
        },
    };
    // The data goes into the frame left of the legend, between the title
    // and the footer; the basemap fills the whole image.
    let legend_w = if w >= 700.0 {
        furniture::legend_width(scene) + 20.0
    } else {
        0.0
    };
    let top = furniture::TITLE_HEIGHT + 10.0;
    let bottom = furniture::FOOTER_HEIGHT + 10.0;
    let p = Projection::fit(
        &bbox,
        (10.0, top),
        (w - 20.0 - legend_w).max(50.0),
        (h - top - bottom).max(50.0),
    );
    let base = basemap::for_box(&p.shown());
    let mut doc = svg::Svg::new(options.width, options.height);
    draw::basemap(&mut doc, base, &p, (w, h));
    let (mut obstacles, mut candidates) = draw::scene(&mut doc, scene, &p);
    candidates.extend(draw::basemap_labels(base, &p));
    let legend = furniture::legend_rect(scene, w);
    obstacles.push(legend);
    let scale = furniture::scale_bar_box(&p, w, h);
    obstacles.push(scale);
    let frame = Rect {
        x0: 2.0,
        y0: furniture::TITLE_HEIGHT + 2.0,
        x1: w - 2.0,
        y1: h - furniture::FOOTER_HEIGHT - 2.0,
    };
    draw::labels(&mut doc, candidates, &obstacles, frame);
    let title = options
        .title
        .clone()
        .unwrap_or_else(|| furniture::default_title(scene));
    furniture::title(&mut doc, w, &title, &furniture::subtitle(scene));
    furniture::legend(&mut doc, scene, w);
    furniture::scale_bar(&mut doc, &p, w, h);
    furniture::footer(&mut doc, w, h, &left_out);
    Ok(Map {
        svg: doc.finish(),
        projection: p,
        left_out,
    })
}

/// The kind of file an output path asks for, by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    /// `.svg`
    Svg,
    /// `.png`
    Png,
}

impl OutputFormat {
    /// The format of `out.png` or `out.svg` (any case).
    ///
    /// ```
    /// use frontline::render::OutputFormat;
    /// use std::path::Path;
    /// assert_eq!(OutputFormat::of(Path::new("map.PNG")).unwrap(), OutputFormat::Png);
    /// assert!(OutputFormat::of(Path::new("map.jpg")).is_err());
    /// ```
    pub fn of(path: &Path) -> Result<OutputFormat> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        match ext.as_str() {
            "svg" => Ok(OutputFormat::Svg),
            "png" => Ok(OutputFormat::Png),
            _ => Err(Error::Render {
                source: path.display().to_string(),
                message: "the output must end in .png or .svg".into(),
            }),
        }
    }
}

/// What [`render_files`] did.
#[derive(Clone, Debug, PartialEq)]
pub struct Rendered {
    /// The file written.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: usize,
    /// The box shown.
    pub bbox: BBox,
    /// Places and events left outside the fitted box.
    pub left_out: Vec<String>,
    /// Features that are no layer `render` draws.
    pub skipped: usize,
}

/// Reads the inputs, draws them and writes `out` (PNG or SVG by its
/// extension) atomically. `day` picks the day of a timeline layer.
///
/// ```
/// let dir = std::env::temp_dir().join("frontline-doc-render-files");
/// std::fs::create_dir_all(&dir).unwrap();
/// let layer = dir.join("control.geojson");
/// std::fs::write(&layer, r#"{"type":"FeatureCollection","features":[{"type":"Feature",
///   "properties":{"name":"Kharkiv","side":"UA","as_of":"2024-06-28"},
///   "geometry":{"type":"Point","coordinates":[36.25475,49.98177]}}]}"#).unwrap();
/// let out = dir.join("map.svg");
/// let options = frontline::render::RenderOptions::default();
/// let done = frontline::render::render_files(&[layer], &out, &options, None).unwrap();
/// assert!(done.bbox.contains(36.25475, 49.98177));
/// assert!(std::fs::read_to_string(&out).unwrap().starts_with("<svg"));
/// ```
pub fn render_files(
    inputs: &[PathBuf],
    out: &Path,
    options: &RenderOptions,
    day: Option<&str>,
) -> Result<Rendered> {
    let format = OutputFormat::of(out)?;
    let scene = input::read_inputs(inputs, day)?;
    let map = render(&scene, options)?;
    let bytes = match format {
        OutputFormat::Svg => map.svg.into_bytes(),
        OutputFormat::Png => raster::png(&map.svg)?,
    };
    crate::output::write_atomic(out, &bytes)?;
    Ok(Rendered {
        path: out.to_path_buf(),
        bytes: bytes.len(),
        bbox: map.projection.shown(),
        left_out: map.left_out,
        skipped: scene.skipped,
    })
}
