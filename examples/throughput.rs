//! Extraction throughput on given files, gazetteer loaded:
//! `cargo run --release --example throughput -- FILE... [--rounds N] [--places]`
//! (`--places`: places only, no events, as for the mentions layer).

/// The allocator the `frontline` command uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rounds: usize = args
        .iter()
        .position(|a| a == "--rounds")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(50);
    let files: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--rounds"))
        .map(|(_, a)| a)
        .collect();
    let depth = if args.iter().any(|a| a == "--places") {
        frontline::Depth::Places
    } else {
        frontline::Depth::Events
    };
    let gaz = frontline::Gazetteer::bundled();
    let articles: Vec<frontline::Article> = files
        .iter()
        .map(|f| frontline::Article::new(std::fs::read_to_string(f).expect("readable file")))
        .collect();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let started = std::time::Instant::now();
    let mut events = 0;
    for _ in 0..rounds {
        for a in &articles {
            events += frontline::extract_to(&gaz, a, depth).events.len();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{} files, {bytes} bytes, {rounds} rounds: {:.1} MiB/s ({events} events)",
        files.len(),
        (bytes * rounds) as f64 / secs / 1048576.0
    );
}
