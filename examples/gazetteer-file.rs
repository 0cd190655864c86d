//! Writes the compiled-in gazetteer to a data file, for a library or
//! command built without it (the cargo feature `bundled-gazetteer` off),
//! which reads it with `Gazetteer::from_path` or `frontline --gazetteer FILE`.
//! Times loading it both ways.
//!
//! ```sh
//! cargo run --release --example gazetteer-file -- frontline-gazetteer.bin
//! ```

use std::time::Instant;

use frontline::Gazetteer;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: gazetteer-file FILE")?;
    let started = Instant::now();
    let gaz = Gazetteer::bundled();
    let bundled = started.elapsed();
    gaz.write_data_file(&path)?;
    let size = std::fs::metadata(&path)?.len();
    let started = Instant::now();
    let read = Gazetteer::from_path(&path)?;
    let from_path = started.elapsed();
    assert_eq!(read.len(), gaz.len());
    println!(
        "{path}: {size} bytes, {} places; Gazetteer::bundled() {:.1} ms, Gazetteer::from_path {:.1} ms",
        gaz.len(),
        bundled.as_secs_f64() * 1e3,
        from_path.as_secs_f64() * 1e3
    );
    Ok(())
}
