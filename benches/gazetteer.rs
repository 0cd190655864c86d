//! Gazetteer speed: loading the bundled data and looking names up.
//!
//! Run with `cargo bench --bench gazetteer`. Each figure has a baseline
//! measured in the same run, so the README can report ratios:
//! - load: against reading every line of `places.tsv` with the csv crate
//!   without building anything (the floor for any TSV-based load);
//! - resolve: against normalising the same name (the floor for any lookup),
//!   for a name already looked up (remembered) and one not yet seen.
//!
//! It also prints the peak resident memory after loading (Linux only).

use criterion::{black_box, criterion_group, Criterion};
// The library's name normalisation, compiled in from its source (as
// build.rs does): the floor of any lookup, which the library keeps private.
// (Its unit tests compile to nothing here: unused imports allowed.)
#[allow(dead_code, unused_imports)]
#[path = "../src/names/normalize.rs"]
mod normalize;
use frontline::{Gazetteer, Hints};
use normalize::normalize;

fn load(c: &mut Criterion) {
    let tsv = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/gazetteer/places.tsv")).unwrap();
    let mut group = c.benchmark_group("load");
    group.sample_size(20);
    group.bench_function("baseline: csv scan of places.tsv", |b| {
        b.iter(|| {
            let mut rdr = csv::ReaderBuilder::new()
                .delimiter(b'\t')
                .quoting(false)
                .from_reader(black_box(&tsv[..]));
            let mut rec = csv::ByteRecord::new();
            let mut n = 0usize;
            while rdr.read_byte_record(&mut rec).unwrap() {
                n += rec.len();
            }
            n
        })
    });
    group.bench_function("Gazetteer::bundled", |b| {
        b.iter(|| black_box(Gazetteer::bundled()).len())
    });
    group.finish();
}

fn resolve(c: &mut Criterion) {
    let gaz = Gazetteer::bundled();
    let hints = Hints::default();
    let mut group = c.benchmark_group("resolve");
    for name in [
        "Kharkov",
        "Novooleksandrivka",
        "Donetsk Oblast",
        "Vovchans'k",
    ] {
        group.bench_function(format!("baseline: normalize {name}"), |b| {
            b.iter(|| normalize(black_box(name)))
        });
        group.bench_function(format!("resolve {name}"), |b| {
            b.iter(|| gaz.resolve(black_box(name), &hints).unwrap().len())
        });
        // The first lookup of a name: the gazetteer forgets it each time.
        group.bench_function(format!("resolve {name}, not yet seen"), |b| {
            b.iter(|| {
                gaz.forget_lookups();
                gaz.resolve(black_box(name), &hints).unwrap().len()
            })
        });
    }
    group.bench_function("lookup Kharkov", |b| {
        b.iter(|| gaz.lookup(black_box("Kharkov")).len())
    });
    group.finish();
}

/// Peak resident set size of this process, from /proc (Linux).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn memory() {
    let before = peak_rss_mb();
    let gaz = Gazetteer::bundled();
    let _ = gaz.resolve("Kharkiv", &Hints::default());
    if let (Some(before), Some(after)) = (before, peak_rss_mb()) {
        println!("memory: peak RSS {after:.1} MB with the gazetteer loaded ({before:.1} MB before loading)");
    }
}

criterion_group!(benches, load, resolve);

fn main() {
    memory();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
