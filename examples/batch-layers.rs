//! Write per-article and merged layers for a folder of articles, as
//! `frontline layers` does.
//!
//! ```text
//! cargo run --release --example batch-layers -- tests/corpus /tmp/frontline-layers
//! ```

use frontline::batch::{read_folder, run};
use frontline::layer::OutputFormat;
use frontline::{Gazetteer, LayerKind};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let input = args.next().ok_or("usage: batch-layers FOLDER OUT_DIR")?;
    let out = args.next().ok_or("usage: batch-layers FOLDER OUT_DIR")?;
    let gaz = Gazetteer::bundled();
    let items = read_folder(std::path::Path::new(&input))?;
    let (outcomes, summary) = run(
        &gaz,
        items,
        &LayerKind::ALL,
        OutputFormat::GEOJSON,
        std::path::Path::new(&out),
        || {},
    )?;
    for o in outcomes.iter().filter(|o| o.error.is_some()) {
        eprintln!("{}: {}", o.source, o.error.as_deref().unwrap_or_default());
    }
    // Every layer is written, the events layer too: events were read.
    println!(
        "{} articles, {} places, {} events, {} failed → {out}",
        summary.articles,
        summary.places,
        summary.events.unwrap_or_default(),
        summary.failures
    );
    Ok(())
}
