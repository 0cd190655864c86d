//! Merge the events of several articles into one layer, in order, each
//! feature keeping its `article_id` and `published`.
//!
//! ```text
//! cargo run --example merge -- tests/corpus/wire-avdiivka.txt tests/corpus/acled-notes-mixed.txt
//! ```

use frontline::layer::{Layer, OutputFormat};
use frontline::{extract, Article, Gazetteer, LayerKind};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let gaz = Gazetteer::bundled();
    let mut layers = Vec::new();
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        let id = std::path::Path::new(&path)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let found = extract(&gaz, &Article::new(text).with_id(id));
        layers.push(Layer::events(&found));
    }
    let merged = Layer::merge(LayerKind::Events, layers);
    print!(
        "{}",
        String::from_utf8(merged.write(OutputFormat::GEOJSON))?
    );
    Ok(())
}
