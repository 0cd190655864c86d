//! Extraction throughput on the development corpus, gazetteer loaded.
//!
//! Run with `cargo bench --bench extract`. Criterion prints MB/s (bytes of
//! article text) and, per article, time; the baseline, measured in the same
//! run, is splitting the same text into words and sentences, the least any
//! reader of the text must do. The gazetteer remembers names it has looked
//! up, so after the first pass every name is known; "names not yet seen"
//! makes it forget them before each pass.

/// The allocator the `frontline` command uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use frontline::eval::load_gold;
// The library's tokenizer, compiled in from its source: the floor of any
// extraction, which the library keeps private. (Its unit tests compile to
// nothing here.)
#[allow(dead_code, unused_imports)]
#[path = "../src/text.rs"]
mod text;
use frontline::{extract, extract_to, Depth, Gazetteer};
use text::tokenize;

fn corpus(c: &mut Criterion) {
    let gaz = Gazetteer::bundled();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let articles: Vec<_> = load_gold(&dir)
        .unwrap()
        .into_iter()
        .map(|(_, a)| a)
        .collect();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    println!("corpus: {} articles, {} bytes", articles.len(), bytes);

    let extract_all = || {
        articles
            .iter()
            .map(|a| extract(&gaz, black_box(a)).mentions.len())
            .sum::<usize>()
    };
    let places_all = || {
        articles
            .iter()
            .map(|a| extract_to(&gaz, black_box(a), Depth::Places).mentions.len())
            .sum::<usize>()
    };
    let mut group = c.benchmark_group("extract corpus");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("baseline: tokenize", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| tokenize(black_box(&a.text)).tokens.len())
                .sum::<usize>()
        })
    });
    group.bench_function("extract", |b| b.iter(extract_all));
    group.bench_function("extract places (mentions layer)", |b| b.iter(places_all));
    // Every name looked up afresh, as in the first article a process reads.
    group.bench_function("extract, names not yet seen", |b| {
        b.iter(|| {
            gaz.forget_lookups();
            extract_all()
        })
    });
    group.finish();

    let mut group = c.benchmark_group("extract articles");
    group.throughput(Throughput::Elements(articles.len() as u64));
    group.bench_function("extract", |b| b.iter(extract_all));
    group.bench_function("extract places (mentions layer)", |b| b.iter(places_all));
    group.finish();
}

criterion_group!(benches, corpus);
criterion_main!(benches);
