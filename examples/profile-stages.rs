//! Times each stage of extraction over the development corpus:
//! `cargo run --release --example profile-stages -- 50`; also a driver for
//! profilers (`valgrind --tool=callgrind target/release/examples/profile-stages 5`).

/// The allocator the `frontline` command uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use frontline::context::resolve_mentions;
use frontline::doc::Doc;
use frontline::document::Document;
use frontline::event::find_events;
use frontline::recognize::find_mentions;
use std::time::{Duration, Instant};

fn main() {
    let gaz = frontline::Gazetteer::bundled();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let corpus = frontline::eval::load_gold(&dir).expect("corpus");
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(50);
    let mut t = [Duration::ZERO; 5];
    let mut n = 0;
    for _ in 0..rounds {
        for (_, a) in &corpus {
            let s0 = Instant::now();
            let doc = Document::new(&a.text, a.format);
            let words = Doc::new(doc.text());
            let s1 = Instant::now();
            let mentions = find_mentions(&gaz, &words);
            let s2 = Instant::now();
            let resolved = resolve_mentions(&gaz, &mentions, |b| doc.input_offset(b));
            let s3 = Instant::now();
            let events = find_events(&words, &resolved, a.meta.published);
            let s4 = Instant::now();
            let x = frontline::extract(&gaz, a);
            let s5 = Instant::now();
            n += events.len() + x.events.len();
            for (i, d) in [s1 - s0, s2 - s1, s3 - s2, s4 - s3, s5 - s4]
                .into_iter()
                .enumerate()
            {
                t[i] += d;
            }
        }
    }
    let bytes: usize = corpus.iter().map(|(_, a)| a.text.len()).sum::<usize>() * rounds;
    let mibs = |d: Duration| bytes as f64 / d.as_secs_f64() / 1048576.0;
    for (name, d) in [
        "document+doc",
        "find_mentions",
        "resolve_mentions",
        "find_events",
        "extract (all)",
    ]
    .iter()
    .zip(t)
    {
        println!(
            "{name:>18}: {:8.1} ms  {:7.1} MiB/s",
            d.as_secs_f64() * 1e3,
            mibs(d)
        );
    }
    println!("({n} events)");
}
