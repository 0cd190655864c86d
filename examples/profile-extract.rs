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
    let mut n = 0;
    for _ in 0..rounds {
        for (_, article) in &corpus {
            n += frontline::extract(&gaz, article).mentions.len();
        }
    }
    println!("{n} mentions");
}
