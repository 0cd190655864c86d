//! Batch throughput: `frontline layers` over a synthetic corpus of 10,000
//! articles of about 5 KB (development-corpus texts run together and cut at
//! a sentence end before 5,000 bytes), written to a
//! temporary folder with every layer. Timed once on one thread and once on
//! all cores, in the same run, so the figures read as a ratio.
//!
//! Run with `cargo bench --bench batch` (add `-- 2000` for fewer articles).

/// The allocator the `frontline` command uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Instant;

use frontline::batch::{read_json_lines, run};
use frontline::layer::Format;
use frontline::{Gazetteer, LayerKind};

fn synthetic_corpus(n: usize) -> (String, usize) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut texts: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    texts.sort();
    // Each article: corpus texts taken in turn until about 5 KB.
    let mut jsonl = String::new();
    let mut bytes = 0;
    let mut k = 0;
    for i in 0..n {
        let mut text = String::new();
        while text.len() < 5_000 {
            text.push_str(&texts[k % texts.len()]);
            text.push_str("\n\n");
            k += 1;
        }
        // About 5 KB: cut at the last sentence end before 5,000 bytes.
        let mut cut = 5_000;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = text[..cut].rfind(". ").map_or(cut, |i| i + 1);
        text.truncate(cut);
        bytes += text.len();
        let day = 1 + i % 28;
        let line = serde_json::json!({"id": format!("a{i:05}"), "text": text, "published": format!("2024-06-{day:02}")});
        jsonl.push_str(&line.to_string());
        jsonl.push('\n');
    }
    (jsonl, bytes)
}

/// Times one run into `out`, a folder that must not exist. Folders are
/// removed only after every run: on ext4, creating files right after
/// deleting tens of thousands costs the kernel a scan of the recently
/// deleted inodes, which is the file system's cost, not frontline's.
fn time_run(gaz: &Gazetteer, jsonl: &str, threads: usize, out: &std::path::Path) -> f64 {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    let started = Instant::now();
    let items = read_json_lines(jsonl.as_bytes(), "bench.jsonl");
    let (_, summary) = pool
        .install(|| {
            run(
                gaz,
                items,
                &LayerKind::ALL,
                Format::GeoJson { pretty: false },
                out,
                || {},
            )
        })
        .unwrap();
    let secs = started.elapsed().as_secs_f64();
    assert_eq!(summary.failures, 0);
    secs
}

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let gaz = Gazetteer::bundled();
    let (jsonl, bytes) = synthetic_corpus(n);
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    let dir = |threads: usize| {
        let d = std::env::temp_dir().join(format!(
            "frontline-bench-batch-{}-{threads}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&d);
        d
    };
    let (dir_one, dir_all) = (dir(1), dir(cores));
    // Each run starts with nothing left to write back from before: the
    // other run's gigabytes would otherwise be flushed during this one.
    let settle = || {
        let _ = std::process::Command::new("sync").status();
    };
    settle();
    let one = time_run(&gaz, &jsonl, 1, &dir_one);
    settle();
    let all = time_run(&gaz, &jsonl, cores, &dir_all);
    let _ = std::fs::remove_dir_all(&dir_one);
    let _ = std::fs::remove_dir_all(&dir_all);
    let mb = bytes as f64 / 1e6;
    println!("batch: {n} articles, {mb:.1} MB of text, every layer written as GeoJSON");
    println!(
        "  1 thread : {one:6.2} s  {:7.0} articles/s  {:5.2} MB/s",
        n as f64 / one,
        mb / one
    );
    println!(
        "  {cores} threads: {all:6.2} s  {:7.0} articles/s  {:5.2} MB/s",
        n as f64 / all,
        mb / all
    );
    println!("  speed-up on {cores} cores: {:.2}x", one / all);
}
