//! Recognition and resolution measured on the annotated development corpus
//! (`tests/corpus`, built by `tests/corpus/annotate.py` from hand-written
//! `*.places.tsv`). The floors are the figures reached when they were set;
//! a change that falls below them fails.

use frontline::eval::{evaluate, load_gold};
use frontline::{extract, extract_to, Article, Depth, Gazetteer};

fn corpus_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

#[test]
fn the_corpus_has_at_least_fifteen_articles() {
    assert!(load_gold(&corpus_dir()).unwrap().len() >= 15);
}

#[test]
fn recognition_and_resolution_stay_above_their_floors() {
    let gaz = Gazetteer::bundled();
    let corpus = load_gold(&corpus_dir()).unwrap();
    let s = evaluate(&gaz, &corpus);
    println!("{s}");
    for e in &s.errors {
        println!("  {e}");
    }
    assert!(s.f1 >= 0.98, "recognition F1 {:.3}", s.f1);
    assert!(s.precision >= 0.98, "precision {:.3}", s.precision);
    assert!(s.recall >= 0.98, "recall {:.3}", s.recall);
    assert!(
        s.accuracy_10km >= 0.99,
        "accuracy at 10 km {:.3}",
        s.accuracy_10km
    );
    assert!(
        s.accuracy_161km >= 0.99,
        "accuracy at 161 km {:.3}",
        s.accuracy_161km
    );
    assert!(
        s.median_error_km <= 1.0,
        "median error {:.2} km",
        s.median_error_km
    );
}

#[test]
fn reading_places_only_resolves_every_mention_as_reading_events_does() {
    let gaz = Gazetteer::bundled();
    for (gold, article) in load_gold(&corpus_dir()).unwrap() {
        let name = &gold.id;
        let full = extract(&gaz, &article);
        let places = extract_to(&gaz, &article, Depth::Places);
        assert!(!full.mentions.is_empty(), "{name}");
        assert_eq!(places.mentions, full.mentions, "{name}");
        assert_eq!(places.sentences, full.sentences, "{name}");
        assert!(places.events.is_empty(), "{name}");
    }
}

fn sample() -> (Gazetteer, frontline::Extraction) {
    let gaz = Gazetteer::bundled();
    let text = std::fs::read_to_string(corpus_dir().join("sample-north-korea.txt")).unwrap();
    let found = extract(&gaz, &Article::new(text));
    (gaz, found)
}

#[test]
fn every_place_of_the_sample_article_is_found_and_resolved() {
    let (_, found) = sample();
    // (name as written, GeoNames id): every place the article names.
    let expected = [
        ("Avdiivka", 713122),
        ("Novooleksandrivka", 9112926), // Pokrovsk raion, near Avdiivka
        ("Donetsk Oblast", 709716),
        ("Severodonetsk", 691999),
        ("Bakhmut", 713174),
        ("Kharkiv", 706483),
        ("Chasiv Yar", 710915),
        ("Vovchansk", 689304),
        ("Lyptsi", 702989),
        ("Starytsya", 692838), // Kharkiv oblast
        ("Kreminna", 704138),
        ("Terny", 691608), // Lyman area, Donetsk oblast
        ("Belgorod", 578072),
        ("Kyiv", 703448),
        ("Seoul", 1835848),
        ("Pyongyang", 1871859),
        ("Vladivostok", 2013348),
        ("Moscow", 524901),
        ("Ukraine", 690791),
        ("Russia", 2017370),
        ("North Korea", 1873107),
        ("South Korea", 1835841),
        ("Israel", 294640),
    ];
    for (name, id) in expected {
        let hit = found.mentions.iter().find(|m| m.text == name);
        let got = hit
            .and_then(|m| m.resolution.as_ref())
            .map(|r| r.place.geonameid);
        assert_eq!(got, Some(id), "{name}");
    }
}

#[test]
fn nothing_that_is_not_a_place_is_reported_in_the_sample() {
    let (_, found) = sample();
    let not_places = [
        "Vladimir",
        "Putin",
        "Kim",
        "Jong",
        "Un",
        "Joe",
        "Biden",
        "Pat",
        "Ryder",
        "Gen",
        "Maj",
        "Sen",
        "Kyiv Post",
        "New York",
        "Times",
        "Financial",
        "Pravda",
        "DeepState",
        "UA",
        "Russian",
        "Ukrainian",
        "Korean",
        "North Korean",
        "Pentagon",
        "Patriot",
        "Campaign",
        "Alexander",
        "Bastrikin",
        "Constitution",
    ];
    for m in &found.mentions {
        assert!(
            !not_places.contains(&m.text.as_str()),
            "{:?} at {}",
            m.text,
            m.start
        );
    }
}

#[test]
fn mention_offsets_index_the_input_characters() {
    let gaz = Gazetteer::bundled();
    let text = std::fs::read_to_string(corpus_dir().join("sample-north-korea.txt")).unwrap();
    let chars: Vec<char> = text.chars().collect();
    for m in extract(&gaz, &Article::new(text.clone())).mentions {
        let slice: String = chars[m.start..m.end].iter().collect();
        assert_eq!(slice, m.text);
    }
}

#[test]
fn events_stay_above_their_floors() {
    let gaz = Gazetteer::bundled();
    let corpus = load_gold(&corpus_dir()).unwrap();
    let s = evaluate(&gaz, &corpus);
    println!("{s}");
    assert!(s.gold_events >= 150, "{} gold events", s.gold_events);
    assert!(
        s.event_precision >= 0.95,
        "event precision {:.3}",
        s.event_precision
    );
    assert!(s.event_recall >= 0.94, "event recall {:.3}", s.event_recall);
}
