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
use frontline::layer::OutputFormat;
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

/// The process's CPU time so far, user and system, in seconds (Linux:
/// `/proc/self/stat`, in clock ticks of `getconf CLK_TCK`); zeros elsewhere.
fn cpu_seconds() -> (f64, f64) {
    // Asked once: the clock does not change during a run.
    static TICK: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    let tick = *TICK.get_or_init(|| {
        std::process::Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .ok()
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .and_then(|s| s.trim().parse::<f64>().ok())
            .unwrap_or(100.0)
    });
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return (0.0, 0.0);
    };
    // Fields after the command name, which ends with the last ')'.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of stat: indices 11 and 12
    // once the pid and command name are cut off.
    (ticks(11) / tick, ticks(12) / tick)
}

/// One run's wall time and the CPU time it took, user and system.
struct Timing {
    wall: f64,
    user: f64,
    system: f64,
}

/// Times one run into `out`, a folder that must not exist. Folders are
/// removed only after every run: on ext4, creating files right after
/// deleting tens of thousands costs the kernel a scan of the recently
/// deleted inodes, which is the file system's cost, not frontline's.
fn time_run(gaz: &Gazetteer, jsonl: &str, threads: usize, out: &std::path::Path) -> Timing {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let items = read_json_lines(jsonl.as_bytes(), "bench.jsonl");
    let (_, summary) = pool
        .install(|| {
            run(
                gaz,
                items,
                &LayerKind::ALL,
                OutputFormat::GEOJSON,
                out,
                || {},
            )
        })
        .unwrap();
    let wall = started.elapsed().as_secs_f64();
    let cpu_after = cpu_seconds();
    assert_eq!(summary.failures, 0);
    Timing {
        wall,
        user: cpu_after.0 - cpu_before.0,
        system: cpu_after.1 - cpu_before.1,
    }
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
    for (label, t) in [("1 thread ", &one), (&*format!("{cores} threads"), &all)] {
        println!(
            "  {label}: {:6.2} s  {:7.0} articles/s  {:5.2} MB/s  (CPU: user {:.2} s, system {:.2} s)",
            t.wall,
            n as f64 / t.wall,
            mb / t.wall,
            t.user,
            t.system
        );
    }
    println!("  speed-up on {cores} cores: {:.2}x", one.wall / all.wall);
}
