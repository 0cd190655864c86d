//! QGIS styles and a QGIS project for the layers.
//!
//! QGIS loads `NAME.qml` beside `NAME.geojson` (or `NAME.csv`) as the
//! layer's style when the layer is opened, so a dragged-in layer is
//! coloured by side, the front line solid, dashed or dotted by its `style`,
//! places and settlements labelled, and the layer's temporal properties set:
//! the article layers (`places`, `events`, `mentions`) each feature on the day
//! it was `published`; `timeline-control` from `since` to `until`;
//! `timeline-front` and `timeline-contested` from `as_of` to `until`. The
//! styles are compiled in from `data/qgis/*.qml`, which
//! `tools/qgis-styles.py` makes with PyQGIS (QGIS 3.22).
//!
//! [`Project`] writes a `.qgs` project that opens the layers of a `front`
//! output folder by relative paths, styled, with the project's time range
//! and a one-day step set for the temporal controller.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::output::write_atomic;

/// The style of every layer kind, by layer name.
const STYLES: [(&str, &str); 10] = [
    ("places", include_str!("../data/qgis/places.qml")),
    ("events", include_str!("../data/qgis/events.qml")),
    ("mentions", include_str!("../data/qgis/mentions.qml")),
    ("control", include_str!("../data/qgis/control.qml")),
    ("front", include_str!("../data/qgis/front.qml")),
    ("contested", include_str!("../data/qgis/contested.qml")),
    ("arrows", include_str!("../data/qgis/arrows.qml")),
    (
        "timeline-control",
        include_str!("../data/qgis/timeline-control.qml"),
    ),
    (
        "timeline-front",
        include_str!("../data/qgis/timeline-front.qml"),
    ),
    (
        "timeline-contested",
        include_str!("../data/qgis/timeline-contested.qml"),
    ),
];

/// The QGIS style (`.qml`) of a layer kind, by its file name without the
/// extension (`places`, `control`, `timeline-front`), or `None` for a name
/// frontline does not write.
///
/// ```
/// let qml = frontline::qgis::style("timeline-control").unwrap();
/// assert!(qml.contains(r#"startField="since""#));
/// assert!(qml.contains(r#"endField="until""#));
/// assert!(frontline::qgis::style("roads").is_none());
/// ```
pub fn style(layer: &str) -> Option<&'static str> {
    STYLES.iter().find(|(n, _)| *n == layer).map(|(_, q)| *q)
}

/// Writes `layer`'s style beside the layer file `path`, as the `.qml` of
/// the same name (`out/places.geojson` → `out/places.qml`), atomically;
/// returns the path written, or `None` when `layer` has no style, the
/// layer file is itself named `.qml`, or it is a device or a pipe.
///
/// ```
/// let dir = std::env::temp_dir().join("frontline-doc-qgis-style");
/// std::fs::create_dir_all(&dir).unwrap();
/// let written = frontline::qgis::write_style("places", &dir.join("kharkiv.geojson")).unwrap();
/// assert_eq!(written, Some(dir.join("kharkiv.qml")));
/// ```
pub fn write_style(layer: &str, path: &Path) -> crate::Result<Option<PathBuf>> {
    let Some(qml) = style(layer) else {
        return Ok(None);
    };
    let out = path.with_extension("qml");
    if out == path || crate::output::is_special_file(path) {
        // A layer written as NAME.qml keeps its bytes; a layer written to a
        // device or a pipe (`-o /dev/null`) has no folder of its own.
        return Ok(None);
    }
    write_atomic(&out, qml.as_bytes())?;
    Ok(Some(out))
}

/// A QGIS project (`.qgs`) over layer files in one folder.
///
/// ```
/// use chrono::NaiveDate;
/// use frontline::qgis::Project;
/// let day = |s: &str| s.parse::<NaiveDate>().unwrap();
/// let mut project = Project::new("Front as of 2024-06-28");
/// project.group("as of 2024-06-28", false, &["control", "front"]);
/// project.group("timeline", true, &["timeline-control"]);
/// project.extent = Some([36.2, 48.1, 38.5, 50.3]);
/// project.time = Some((day("2024-05-15"), day("2024-06-29")));
/// let qgs = project.to_xml();
/// assert!(qgs.contains("<datasource>./timeline-control.geojson</datasource>"));
/// assert!(qgs.contains("<start>2024-05-15T00:00:00Z</start>"));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Project {
    /// The project's title.
    pub title: String,
    /// Groups of layers, top of the legend (drawn last) first: name, shown
    /// or not, layer names (each read from `NAME.geojson` beside the
    /// project, styled with [`style`]).
    pub groups: Vec<(String, bool, Vec<String>)>,
    /// The view to open at: west, south, east, north in degrees.
    pub extent: Option<[f64; 4]>,
    /// The temporal controller's range, first day to the day after the
    /// last, stepped a day at a time.
    pub time: Option<(NaiveDate, NaiveDate)>,
}

impl Project {
    /// An empty project with a title.
    ///
    /// ```
    /// assert!(frontline::qgis::Project::new("x").groups.is_empty());
    /// ```
    pub fn new(title: &str) -> Project {
        Project {
            title: title.to_string(),
            ..Project::default()
        }
    }

    /// Adds a group of layers, below the groups added before.
    ///
    /// ```
    /// let mut p = frontline::qgis::Project::new("x");
    /// p.group("today", true, &["control"]);
    /// assert_eq!(p.groups[0].2, ["control"]);
    /// ```
    pub fn group(&mut self, name: &str, shown: bool, layers: &[&str]) {
        let layers = layers.iter().map(|l| l.to_string()).collect();
        self.groups.push((name.to_string(), shown, layers));
    }

    /// The project as QGIS 3 XML; the same project gives the same bytes.
    ///
    /// ```
    /// let p = frontline::qgis::Project::new("A & B");
    /// assert!(p.to_xml().contains("<title>A &amp; B</title>"));
    /// ```
    pub fn to_xml(&self) -> String {
        let mut x = String::new();
        let title = escape(&self.title);
        x.push_str("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n");
        let _ = writeln!(
            x,
            "<qgis projectname=\"{title}\" version=\"3.22.16-Białowieża\">"
        );
        let _ = writeln!(x, "  <title>{title}</title>");
        let _ = writeln!(x, "  <projectCrs>\n{}  </projectCrs>", srs(4));
        x.push_str("  <layer-tree-group>\n");
        for (name, shown, layers) in &self.groups {
            let _ = writeln!(
                x,
                "    <layer-tree-group name=\"{}\" checked=\"{}\" expanded=\"1\">",
                escape(name),
                checked(*shown)
            );
            for layer in layers {
                let _ = writeln!(
                    x,
                    "      <layer-tree-layer id=\"frontline-{id}\" name=\"{id}\" \
                     source=\"./{id}.geojson\" providerKey=\"ogr\" checked=\"Qt::Checked\" \
                     expanded=\"1\"/>",
                    id = escape(layer)
                );
            }
            x.push_str("    </layer-tree-group>\n");
        }
        x.push_str("  </layer-tree-group>\n  <projectlayers>\n");
        for layer in self.groups.iter().flat_map(|g| &g.2) {
            map_layer(&mut x, layer);
        }
        x.push_str("  </projectlayers>\n");
        if let Some([w, s, e, n]) = self.extent {
            let _ = writeln!(
                x,
                "  <mapcanvas name=\"theMapCanvas\" annotationsVisible=\"1\">\n    <units>degrees</units>\n    \
                 <extent>\n      <xmin>{w}</xmin>\n      <ymin>{s}</ymin>\n      <xmax>{e}</xmax>\n      \
                 <ymax>{n}</ymax>\n    </extent>\n    <rotation>0</rotation>\n    <destinationsrs>\n{}    \
                 </destinationsrs>\n  </mapcanvas>",
                srs(6)
            );
        }
        if let Some((start, end)) = self.time {
            let _ = writeln!(
                x,
                "  <ProjectTimeSettings timeStep=\"1\" timeStepUnit=\"d\" frameRate=\"1\" \
                 cumulativeTemporalRange=\"0\">\n    <TemporalRange>\n      \
                 <start>{start}T00:00:00Z</start>\n      <end>{end}T00:00:00Z</end>\n    \
                 </TemporalRange>\n  </ProjectTimeSettings>"
            );
        }
        x.push_str(
            "  <properties>\n    <Paths>\n      <Absolute type=\"bool\">false</Absolute>\n    \
             </Paths>\n  </properties>\n</qgis>\n",
        );
        x
    }

    /// Writes the project to `path` atomically.
    ///
    /// ```
    /// let dir = std::env::temp_dir().join("frontline-doc-qgis-project");
    /// std::fs::create_dir_all(&dir).unwrap();
    /// frontline::qgis::Project::new("x").write(&dir.join("x.qgs")).unwrap();
    /// assert!(dir.join("x.qgs").exists());
    /// ```
    pub fn write(&self, path: &Path) -> crate::Result<()> {
        write_atomic(path, self.to_xml().as_bytes())
    }
}

fn checked(shown: bool) -> &'static str {
    if shown {
        "Qt::Checked"
    } else {
        "Qt::Unchecked"
    }
}

/// WGS 84, the layers' CRS, as QGIS writes a spatial reference system.
fn srs(indent: usize) -> String {
    let pad = " ".repeat(indent);
    format!(
        "{pad}<spatialrefsys>\n{pad}  <authid>EPSG:4326</authid>\n{pad}  <srid>4326</srid>\n\
         {pad}  <proj4>+proj=longlat +datum=WGS84 +no_defs</proj4>\n\
         {pad}  <description>WGS 84</description>\n{pad}  <geographicflag>true</geographicflag>\n\
         {pad}</spatialrefsys>\n"
    )
}

/// A `<maplayer>` reading `./NAME.geojson`, its style the body of
/// `NAME.qml` (the symbology, labels and temporal properties). Its id is
/// `frontline-NAME`: QGIS keeps an id only when it is longer than 10
/// characters, and gives a shorter one (`front`) a random one instead.
fn map_layer(x: &mut String, name: &str) {
    let qml = style(name).unwrap_or("");
    let labels = if qml.contains("labelsEnabled=\"1\"") {
        "1"
    } else {
        "0"
    };
    let id = escape(name);
    let _ = writeln!(
        x,
        "    <maplayer type=\"vector\" labelsEnabled=\"{labels}\" styleCategories=\"AllStyleCategories\">\n      \
         <id>frontline-{id}</id>\n      <datasource>./{id}.geojson</datasource>\n      <layername>{id}</layername>\n      \
         <srs>\n{}      </srs>\n      <provider encoding=\"UTF-8\">ogr</provider>",
        srs(8)
    );
    // The style's elements, between its <qgis ...> line and </qgis>.
    let body = qml
        .split_once('\n')
        .and_then(|(_, rest)| rest.split_once('\n'))
        .map(|(_, rest)| rest.trim_end().trim_end_matches("</qgis>"))
        .unwrap_or("");
    for line in body.lines() {
        let _ = writeln!(x, "    {line}");
    }
    x.push_str("    </maplayer>\n");
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_style_is_a_qgis_document_with_its_renderer() {
        for (name, qml) in STYLES {
            assert!(qml.starts_with("<!DOCTYPE qgis"), "{name}");
            assert!(qml.trim_end().ends_with("</qgis>"), "{name}");
            assert!(qml.contains("<renderer-v2"), "{name}");
        }
    }

    #[test]
    fn the_timeline_styles_run_from_their_start_field_to_until() {
        for (name, start) in [
            ("timeline-control", "since"),
            ("timeline-front", "as_of"),
            ("timeline-contested", "as_of"),
        ] {
            let qml = style(name).unwrap();
            assert!(qml.contains(&format!("startField=\"{start}\"")), "{name}");
            assert!(qml.contains("endField=\"until\""), "{name}");
        }
    }

    #[test]
    fn a_project_layer_holds_its_style_inside_its_maplayer() {
        let mut p = Project::new("t");
        p.group("g", true, &["front"]);
        let xml = p.to_xml();
        let layer = xml.split("<maplayer").nth(1).unwrap();
        assert!(layer.contains("<renderer-v2") && layer.contains("</maplayer>"));
        assert!(!layer.contains("<qgis"));
        assert_eq!(xml.matches("<maplayer").count(), 1);
    }
}
