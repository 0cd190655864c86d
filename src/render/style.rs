//! How each thing looks: the sides' colours (the layers' own simplestyle
//! colours), the basemap's colours, line widths and dashes, and the marker
//! shape of each kind of event.

use crate::layer::side_color;
use crate::Side;

/// A side as the map tells them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Party {
    /// Russia (and forces under its command).
    RU,
    /// Ukraine.
    UA,
    /// Contested: neither holds it.
    Contested,
    /// Another state (North Korea).
    Other,
    /// Not stated.
    Unknown,
}

impl Party {
    /// Reads a layer's `side`/`actor`: `RU`, `UA`, `contested`, an ISO code,
    /// or anything else as unknown.
    ///
    /// ```
    /// use frontline::render::style::Party;
    /// assert_eq!(Party::from_code("RU"), Party::RU);
    /// assert_eq!(Party::from_code("KP"), Party::Other);
    /// assert_eq!(Party::from_code("unknown"), Party::Unknown);
    /// ```
    pub fn from_code(code: &str) -> Party {
        match code {
            "RU" => Party::RU,
            "UA" => Party::UA,
            "contested" => Party::Contested,
            c if c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()) => Party::Other,
            _ => Party::Unknown,
        }
    }

    /// The colour, as the layers' `marker-color` has it.
    ///
    /// ```
    /// use frontline::render::style::Party;
    /// assert_eq!(Party::RU.color(), "#d7301f");
    /// assert_eq!(Party::Contested.color(), "#984ea3");
    /// ```
    pub fn color(self) -> &'static str {
        match self {
            Party::RU => side_color(Side::RU),
            Party::UA => side_color(Side::UA),
            Party::Contested => {
                crate::front::layers::control_color(crate::control::Control::Contested)
            }
            Party::Other => side_color(Side::Other(*b"KP")),
            Party::Unknown => side_color(Side::Unknown),
        }
    }

    /// Words for the legend.
    pub fn label(self) -> &'static str {
        match self {
            Party::RU => "Russian",
            Party::UA => "Ukrainian",
            Party::Contested => "contested",
            Party::Other => "other state",
            Party::Unknown => "side not stated",
        }
    }
}

/// The marker of an event, by its action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Shape {
    /// Ground taken or pushed into: capture, advance, assault, counterattack.
    TriangleUp,
    /// Ground given up: withdrawal, repelled.
    TriangleDown,
    /// Fighting: clash.
    Diamond,
    /// Fire from afar: shelling, air strike.
    Cross,
    /// Forces placed or dug in: deployment, fortification, hold.
    Square,
}

impl Shape {
    /// The shape of an event's `action`.
    ///
    /// ```
    /// use frontline::render::style::Shape;
    /// assert_eq!(Shape::of_action("capture"), Shape::TriangleUp);
    /// assert_eq!(Shape::of_action("air_strike"), Shape::Cross);
    /// ```
    pub fn of_action(action: &str) -> Shape {
        match action {
            "capture" | "advance" | "assault" | "counterattack" => Shape::TriangleUp,
            "withdrawal" | "repelled" => Shape::TriangleDown,
            "shelling" | "air_strike" => Shape::Cross,
            "deployment" | "fortification" | "hold" => Shape::Square,
            _ => Shape::Diamond,
        }
    }

    /// Words for the legend.
    pub fn label(self) -> &'static str {
        match self {
            Shape::TriangleUp => "capture, advance, assault",
            Shape::TriangleDown => "withdrawal, repelled",
            Shape::Diamond => "clash",
            Shape::Cross => "shelling, air strike",
            Shape::Square => "deployment, fortification",
        }
    }
}

/// The sea and lakes.
pub const WATER: &str = "#c6dbef";
/// Rivers.
pub const RIVER: &str = "#6baed6";
/// Land outside Ukraine.
pub const LAND: &str = "#f2efe6";
/// Ukraine's land.
pub const UKRAINE: &str = "#fbf6e4";
/// Coastlines.
pub const COAST: &str = "#7a9cc0";
/// Country borders.
pub const BORDER: &str = "#5f5f5f";
/// First-level borders (oblasts).
pub const ADMIN1: &str = "#b3ab9c";
/// Basemap labels (oblast names).
pub const BASEMAP_TEXT: &str = "#9a9184";
/// Labels of places.
pub const TEXT: &str = "#222222";
/// The halo behind labels.
pub const HALO: &str = "#ffffff";
/// The front line.
pub const FRONT: &str = "#111111";
/// The legend's and title's background.
pub const PANEL: &str = "#ffffff";
/// The font family (compiled in, see `render::raster`).
pub const FONT: &str = "DejaVu Sans";

/// The dash pattern of a front line's `style`: solid (none), dashed (where
/// inferred), dotted (across a gap).
///
/// ```
/// use frontline::render::style::dash_array;
/// assert_eq!(dash_array("solid"), None);
/// assert_eq!(dash_array("dashed"), Some("9 5"));
/// ```
pub fn dash_array(style: &str) -> Option<&'static str> {
    match style {
        "dashed" => Some("9 5"),
        "dotted" => Some("2 4"),
        _ => None,
    }
}
