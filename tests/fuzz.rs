//! A fuzz harness that runs as a test: deterministic pseudo-random inputs,
//! mutated from real ones, through every reader of outside input —
//! extraction and its layers, document parsing (text, Markdown, HTML), JSON
//! Lines, baselines (CSV and GeoJSON) and extra gazetteers. Each case runs
//! under `catch_unwind`; a panic fails the test and prints the input.
//!
//! The test run is short (`FRONTLINE_FUZZ_CASES`, 150 per target by
//! default); a longer one, with another seed:
//!
//! ```sh
//! FRONTLINE_FUZZ_CASES=20000 FRONTLINE_FUZZ_SEED=7 cargo test --release --test fuzz
//! ```

use std::panic::{catch_unwind, AssertUnwindSafe};

use frontline::control::Baseline;
use frontline::document::{Document, Format};
use frontline::layer::{format::FORMATS, Layer, OutputFormat as Out};
use frontline::{batch, extract, Article, Gazetteer, LayerKind};

fn gaz() -> &'static Gazetteer {
    static GAZ: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    GAZ.get_or_init(Gazetteer::bundled)
}

fn cases() -> usize {
    std::env::var("FRONTLINE_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(150)
}

/// A xorshift generator: the same seed, the same inputs.
struct Rng(u64);

impl Rng {
    fn new(target: u64) -> Rng {
        let seed = std::env::var("FRONTLINE_FUZZ_SEED")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0x5eed_f00d);
        Rng((seed ^ target.wrapping_mul(0x9E37_79B9_7F4A_7C15)) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces that stress the readers, inserted at random.
const PIECES: &[&str] = &[
    "<",
    ">",
    "</",
    "<p>",
    "<script>",
    "<!--",
    "-->",
    "&",
    "&amp;",
    "&#x",
    ";",
    "\"",
    "'",
    ",",
    "\n",
    "\r\n",
    "\t",
    "{",
    "}",
    "[",
    "]",
    ":",
    "\\",
    "\\u",
    "=",
    "+",
    "-",
    "@",
    "\u{FEFF}",
    "\u{200D}",
    "\u{301}",
    "\u{308}",
    "\u{AD}",
    "Ｋ",
    "’s",
    "—",
    "…",
    "🙂",
    "Київ",
    "null",
    "1e999",
    "-91",
    "720",
    "NaN",
    "2024-02-30",
    "RU",
    "UA",
    "Avdiivka",
    "Kupiansk",
    "near",
    "captured",
    "the village of",
    "Donetsk Oblast",
    "4000000000",
];

/// A random mutation of `seed`: bytes flipped, pieces inserted, ranges cut,
/// repeated or swapped, the end cut off. Not always UTF-8.
fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    // A window of the seed, so that cases stay small.
    let mut out = if seed.len() > 1200 {
        let start = rng.below(seed.len() - 1200);
        seed[start..start + 200 + rng.below(1000)].to_vec()
    } else {
        seed.to_vec()
    };
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(out.len() + 1);
        match rng.below(6) {
            0 if !out.is_empty() => {
                let i = at.min(out.len() - 1);
                out[i] ^= 1 << rng.below(8);
            }
            1 => {
                let piece = PIECES[rng.below(PIECES.len())].as_bytes();
                out.splice(at..at, piece.iter().copied());
            }
            2 => {
                let end = (at + rng.below(40)).min(out.len());
                out.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(60)).min(out.len());
                let copy = out[at..end].to_vec();
                for _ in 0..rng.below(4) {
                    out.splice(at..at, copy.iter().copied());
                }
            }
            4 => out.truncate(at),
            _ => {
                let byte = rng.next() as u8;
                out.insert(at, byte);
            }
        }
    }
    out
}

/// Runs `check` on `cases()` mutations of the seeds; fails listing the
/// inputs that panicked.
fn fuzz(target: u64, seeds: &[&[u8]], check: impl Fn(&[u8])) {
    let mut rng = Rng::new(target);
    let mut panics = Vec::new();
    for _ in 0..cases() {
        let seed = seeds[rng.below(seeds.len())];
        let input = mutate(&mut rng, seed);
        if catch_unwind(AssertUnwindSafe(|| check(&input))).is_err() {
            panics.push(String::from_utf8_lossy(&input).into_owned());
        }
    }
    assert!(
        panics.is_empty(),
        "{} inputs panicked: {panics:#?}",
        panics.len()
    );
}

const SAMPLE: &str = include_str!("../examples/north-korea-boots-on-the-ground.txt");
const HTML: &str = "<!DOCTYPE html><html><head><title>Kharkiv</title><script>var a='<p>';</script>\
    </head><body><nav>Kyiv</nav><p>Russian forces captured <b>Robotyne</b>&nbsp;near \
    Zaporizhzhia&mdash;and shelled Kupiansk.</p><!-- Sumy --><footer>London</footer></body></html>";
const MARKDOWN: &str = "## Fighting near [Chasiv Yar](http://x.y/z)\n\n**Russian** forces \
    advanced toward _Pokrovsk_ from ![img](a.png) Avdiivka.";

/// Extraction and every layer in every format, on text read as each
/// format; spans stay inside the input.
fn extract_everything(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for format in [Format::Text, Format::Markdown, Format::Html] {
        let article = Article::new(text.as_ref())
            .with_format(format)
            .with_id("=fuzz")
            .with_published("2024-06-27")
            .unwrap();
        let found = extract(gaz(), &article);
        let chars = text.chars().count();
        for m in &found.mentions {
            assert!(m.start <= m.end && m.end <= chars);
        }
        for kind in LayerKind::ALL {
            let layer = Layer::of(kind, &found);
            for out in FORMATS
                .iter()
                .flat_map(|&f| [Out::of(f), Out::of(f).pretty(true)])
            {
                let encoded = frontline::layer::EncodedLayer::of(kind, &found, out);
                assert_eq!(encoded.file(), layer.write(out));
            }
        }
    }
}

#[test]
fn mutated_articles_never_panic_extraction_or_layers() {
    fuzz(
        1,
        &[SAMPLE.as_bytes(), HTML.as_bytes(), MARKDOWN.as_bytes()],
        extract_everything,
    );
}

#[test]
fn mutated_documents_never_panic_the_parsers_and_offsets_stay_in_the_input() {
    fuzz(
        2,
        &[HTML.as_bytes(), MARKDOWN.as_bytes(), SAMPLE.as_bytes()],
        |bytes| {
            for format in [Format::Text, Format::Markdown, Format::Html] {
                let Ok(doc) = Document::from_bytes(bytes, format, "fuzz") else {
                    continue;
                };
                let chars = std::str::from_utf8(bytes).unwrap().chars().count();
                let mut last = 0;
                for (b, _) in doc.text().char_indices().chain([(doc.text().len(), ' ')]) {
                    let at = doc.input_offset(b);
                    assert!(
                        at <= chars && at >= last,
                        "offset {at} after {last} of {chars}"
                    );
                    last = at;
                }
            }
            let _ = Format::sniff(&String::from_utf8_lossy(bytes));
        },
    );
}

#[test]
fn mutated_json_lines_never_panic_and_every_line_is_an_item_or_skipped() {
    let lines = concat!(
        "{\"id\": \"a\", \"text\": \"Russian forces captured Robotyne.\", \"published\": \"2024-06-27\"}\n",
        "{\"id\": 7, \"text\": \"<html><p>Kupiansk</p>\", \"title\": \"=1+1\", \"url\": null}\n",
        "\n{broken\n{\"text\": \"\"}\n"
    );
    fuzz(3, &[lines.as_bytes()], |bytes| {
        for max in [64, 10_000] {
            for item in batch::json_lines(bytes, "fuzz.jsonl", max) {
                assert!(item.source.starts_with("fuzz.jsonl:"));
                if let Ok(article) = item.article {
                    let found = extract(gaz(), &article);
                    let _ = Layer::places(&found).write(Out::CSV);
                }
            }
        }
    });
}

#[test]
fn mutated_baselines_never_panic() {
    let csv = "geonameid,name,side,since,lat,lon,extent,certainty,confirmed\n\
               713122,Avdiivka,RU,2024-02-17,48.14,37.75,full,reported,2024-06-01\n\
               ,Chasiv Yar,UA,2024-06-01,,,partial,claimed,\n";
    let geojson = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
        "geometry":{"type":"Point","coordinates":[37.75,48.14]},
        "properties":{"geonameid":713122,"side":"RU","since":"2024-02-17"}}]}"#;
    fuzz(4, &[csv.as_bytes(), geojson.as_bytes()], |bytes| {
        let _ = Baseline::from_csv(gaz(), bytes, "fuzz.csv");
        let _ = Baseline::from_geojson(gaz(), bytes, "fuzz.geojson");
    });
}

#[test]
fn mutated_extra_gazetteers_never_panic() {
    let csv = "name,aliases,geonameid,lat,lon,feature_code,country_code,admin1_code,admin2_code,population\n\
               Tetkino,Тёткино;Tyotkino,,51.2716,34.9454,PPL,RU,41,,3000\n\
               Avdiivka,Avdeevka,713122,,,,,,,\n\
               Qwertivka,,4100000000,48.1,37.7,ADM2,UA,14,1412,\n";
    let gaz = std::sync::Mutex::new(Gazetteer::bundled());
    fuzz(5, &[csv.as_bytes()], |bytes| {
        let mut gaz = gaz.lock().unwrap_or_else(|e| e.into_inner());
        if gaz.add_extra_csv(bytes, "fuzz.csv").is_ok() {
            let _ = gaz.resolve("Tetkino", &Default::default());
        }
    });
}

#[test]
fn mutated_feeds_and_timestamps_never_panic_and_every_entry_names_the_feed() {
    let rss = include_bytes!("data/feeds/wire.rss");
    let atom = include_bytes!("data/feeds/monitor.atom");
    fuzz(6, &[rss, atom], |bytes| {
        for max in [64, 10_000] {
            for entry in frontline::feed::items(bytes, "fuzz.rss", max) {
                assert!(entry.source.starts_with("fuzz.rss"));
                if let Ok(article) = entry.article {
                    let found = extract(gaz(), &article);
                    let _ = Layer::places(&found).write(Out::CSV);
                }
            }
        }
        let _ = frontline::published::parse_published(&String::from_utf8_lossy(bytes));
    });
}

#[test]
fn mutated_gazetteer_data_files_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gazetteer.bin");
    gaz().write_data_file(&path).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let mut rng = Rng::new(7);
    // Damage in the header, and anywhere: each is refused, never a panic.
    for _ in 0..cases().min(20) {
        let mut damaged = bytes.clone();
        let at = if rng.below(2) == 0 {
            rng.below(88)
        } else {
            rng.below(damaged.len())
        };
        damaged[at] ^= 1 << rng.below(8);
        if rng.below(4) == 0 {
            damaged.truncate(rng.below(damaged.len()));
        }
        std::fs::write(&path, &damaged).unwrap();
        let read = catch_unwind(|| Gazetteer::from_path(&path).map(|g| g.len()));
        assert!(matches!(read, Ok(Err(_))), "damage at byte {at}: {read:?}");
    }
}
