//! Runs extraction over the development corpus many times, for profilers:
//! `valgrind --tool=callgrind target/release/examples/profile-extract`.
fn main() {
    let gaz = frontline::Gazetteer::bundled();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let corpus = frontline::eval::load_gold(&dir).expect("corpus");
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let bytes: usize = corpus.iter().map(|(_, a)| a.text.len()).sum();
    let started = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for (_, article) in &corpus {
            n += frontline::extract(&gaz, article).mentions.len();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{n} mentions; {:.1} MiB/s over {rounds} rounds of {bytes} bytes",
        (bytes * rounds) as f64 / secs / (1024.0 * 1024.0)
    );
}
