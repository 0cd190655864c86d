//! Peak memory of a batch against its size: `layers` (the mentions layer,
//! per article and merged, GeoJSON) over 10,000 and then 100,000 short
//! synthetic articles read lazily from a JSON Lines file, each run in a
//! process of its own so that each peak (`VmHWM` of `/proc/self/status`,
//! Linux) is its own. A batch that held its input, its outcomes or its
//! merged layers would peak about ten times higher on the larger one.
//!
//! Run with `cargo bench --bench batch_memory` (add `-- 2000 20000` for
//! other sizes). Needs about 1.5 GB of temporary disk for 100,000.

/// The allocator the `frontline` command uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::{BufReader, BufWriter, Write};
use std::time::Instant;

use frontline::batch::{json_lines, run_streaming, DEFAULT_MAX_ARTICLE_BYTES};
use frontline::layer::OutputFormat;
use frontline::{Gazetteer, LayerKind};

#[path = "common/proc_status.rs"]
mod proc_status;
use proc_status::status_kb;

/// The sentences of the development corpus, to make articles of.
fn corpus_sentences() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .flat_map(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            text.split(". ")
                .map(|s| s.trim().replace('\n', " "))
                .filter(|s| s.len() > 40)
                .map(|s| format!("{s}."))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Writes `n` articles of about 300 bytes (corpus sentences in turn) as
/// JSON Lines to `path`, a line at a time.
fn write_articles(path: &std::path::Path, n: usize) -> usize {
    let sentences = corpus_sentences();
    let mut out = BufWriter::new(std::fs::File::create(path).unwrap());
    let mut bytes = 0;
    let mut k = 0;
    for i in 0..n {
        let mut text = String::new();
        while text.len() < 300 {
            text.push_str(&sentences[k % sentences.len()]);
            text.push(' ');
            k += 1;
        }
        bytes += text.len();
        let day = 1 + i % 28;
        let line = serde_json::json!({"id": format!("a{i:06}"), "text": text, "published": format!("2024-06-{day:02}")});
        writeln!(out, "{line}").unwrap();
    }
    out.flush().unwrap();
    bytes
}

/// One batch of `n` articles in this process; prints its peak memory.
fn child(n: usize) {
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("articles.jsonl");
    let bytes = write_articles(&input, n);
    let gaz = Gazetteer::bundled();
    let before = status_kb("VmHWM");
    let started = Instant::now();
    let reader = BufReader::new(std::fs::File::open(&input).unwrap());
    let items = json_lines(reader, "articles.jsonl", DEFAULT_MAX_ARTICLE_BYTES);
    let summary = run_streaming(
        &gaz,
        items,
        &[LayerKind::Mentions],
        OutputFormat::GEOJSON,
        &work.path().join("out"),
        || {},
        |_| {},
    )
    .unwrap();
    assert_eq!(summary.articles, n);
    println!(
        "{n:>9} | {:>7.1} | {:>6.1} | {:>14.1} | {:>13.1}",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        before as f64 / 1024.0,
        status_kb("VmHWM") as f64 / 1024.0
    );
}

fn main() {
    if let Some(n) = std::env::var("FRONTLINE_MEMORY_CHILD")
        .ok()
        .and_then(|n| n.parse().ok())
    {
        child(n);
        return;
    }
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10_000, 100_000]
    } else {
        sizes
    };
    println!("articles |      MB |      s | peak MiB, gaz. | peak MiB, end");
    for n in sizes {
        let status = std::process::Command::new(std::env::current_exe().unwrap())
            .env("FRONTLINE_MEMORY_CHILD", n.to_string())
            .status()
            .unwrap();
        assert!(status.success());
    }
}
