//! Link the crate: read one article and print its places layer as GeoJSON.
//!
//! ```text
//! cargo run --example extract-one -- examples/north-korea-boots-on-the-ground.txt 2024-06-27
//! ```

use frontline::layer::{Layer, OutputFormat};
use frontline::{extract, Article, Gazetteer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: extract-one FILE [YYYY-MM-DD]")?;
    let text = std::fs::read_to_string(&path)?;
    let mut article = Article::new(text).with_id(path.clone());
    if let Some(date) = args.next() {
        article = article.with_published(&date)?;
    }
    let gaz = Gazetteer::bundled();
    let found = extract(&gaz, &article);
    for event in &found.events {
        eprintln!(
            "{} {} at {} ({:?}, {:?})",
            event.actor.code(),
            event.action.label(),
            event.place.name,
            event.certainty,
            event.extent
        );
    }
    let layer = Layer::places(&found);
    print!(
        "{}",
        String::from_utf8(layer.write(OutputFormat::GEOJSON.pretty(true)))?
    );
    Ok(())
}
