//! Memory per input byte of reading one long article, as `frontline
//! extract` reads it: the peak resident memory (`VmHWM` of
//! `/proc/self/status`, Linux) above what the process held before the
//! article was read (the gazetteer, the text itself), divided by the
//! article's bytes.
//!
//! ```text
//! cargo run --release --example extract-memory -- [--mb N] [--places] [--layer mentions|places|events] [FILE]
//! ```
//!
//! The article is FILE, or the development corpus (`tests/corpus/*.txt`)
//! repeated to `--mb` megabytes (10 by default). `--places` reads places
//! only ([`frontline::Depth::Places`], what the mentions layer needs);
//! `--layer` also writes that layer as GeoJSON, as `extract` does (feature
//! by feature, [`frontline::layer::write_layer`]), into a sink that counts
//! its bytes. Each run is a process of its own, so that its peak is its
//! own; run it once per size.

/// The allocator the `frontline` command uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use frontline::layer::{write_layer, OutputFormat};
use frontline::{extract_to, Article, Depth, Gazetteer, LayerKind};

#[path = "../benches/common/proc_status.rs"]
mod proc_status;
use proc_status::status_kb;

/// The development corpus run together, repeated to about `bytes`, cut
/// at a line's end.
fn corpus_text(bytes: usize) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut corpus = String::new();
    for p in &paths {
        corpus.push_str(&std::fs::read_to_string(p).expect("readable corpus"));
        corpus.push_str("\n\n");
    }
    let mut text = String::with_capacity(bytes + corpus.len());
    while text.len() < bytes {
        text.push_str(&corpus);
    }
    let cut = text[..bytes].rfind('\n').map_or(bytes, |i| i + 1);
    text.truncate(cut);
    text
}

/// A writer that keeps nothing but the number of bytes written to it.
struct Counted(usize);

impl std::io::Write for Counted {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
    };
    let mb: f64 = value("--mb").and_then(|n| n.parse().ok()).unwrap_or(10.0);
    let layer = value("--layer").map(|l| match l.as_str() {
        "places" => LayerKind::Places,
        "events" => LayerKind::Events,
        "mentions" => LayerKind::Mentions,
        other => panic!("--layer {other}: places, events or mentions"),
    });
    let file = args
        .iter()
        .enumerate()
        .find(|(i, a)| !a.starts_with("--") && (*i == 0 || !args[i - 1].starts_with("--")))
        .map(|(_, a)| a.clone());
    let depth = match (layer, args.iter().any(|a| a == "--places")) {
        (Some(kind), _) => kind.depth(),
        (None, true) => Depth::Places,
        (None, false) => Depth::Events,
    };

    let gaz = Gazetteer::bundled();
    // Warm the gazetteer's lazy parts on a small article first, so that the
    // baseline holds them.
    extract_to(&gaz, &Article::new(corpus_text(30_000)), Depth::Events);
    let text = match &file {
        Some(path) => std::fs::read_to_string(path).expect("readable UTF-8 file"),
        None => corpus_text((mb * 1e6) as usize),
    };
    let bytes = text.len();
    let article = Article::new(text);
    let before = status_kb("VmRSS");
    let started = std::time::Instant::now();
    let found = extract_to(&gaz, &article, depth);
    let read = started.elapsed().as_secs_f64();
    let after_reading = status_kb("VmHWM");
    let mut written = Counted(0);
    if let Some(kind) = layer {
        write_layer(kind, &found, OutputFormat::GEOJSON, &mut written).expect("a sink takes it");
    }
    let written = written.0;
    let peak = status_kb("VmHWM");
    let per_byte = |kb: u64| (kb.saturating_sub(before) * 1024) as f64 / bytes as f64;
    println!(
        "{bytes} bytes, {depth:?}, {} mentions, {} events, read in {read:.2} s ({:.1} MiB/s)",
        found.mentions.len(),
        found.events.len(),
        bytes as f64 / read / 1048576.0,
    );
    println!(
        "RSS before {:.1} MiB; peak reading {:.1} MiB: {:.1} bytes per input byte",
        before as f64 / 1024.0,
        after_reading as f64 / 1024.0,
        per_byte(after_reading)
    );
    if let Some(kind) = layer {
        println!(
            "{} layer, {written} bytes of GeoJSON; peak {:.1} MiB: {:.1} bytes per input byte",
            kind.name(),
            peak as f64 / 1024.0,
            per_byte(peak)
        );
    }
}
