//! Every word table the language stages read, in one layer before them:
//! the classes that tell place names from what only looks like one
//! ([`classify`]), the vocabulary of events (trigger stems and phrases,
//! side and source words, units, compass words, weekdays), and the facts
//! about each distinct word, looked up once per article word.
//!
//! Recognition and event reading hold rules; the words those rules test
//! are here, as data: adding a trigger stem, a side word or a title is one
//! row in one table.

mod classes;
pub(crate) mod clauses;
pub(crate) mod events;
pub(crate) mod facts;
mod people;
pub(crate) mod phrases;

pub use classes::*;

/// A word without its possessive `'s` (written with `'`, `’` or `ʼ`).
pub fn strip_possessive(word: &str) -> &str {
    // Most words do not end in "s".
    if !word.ends_with('s') {
        return word;
    }
    for suffix in ["'s", "’s", "ʼs"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return stem;
        }
    }
    word
}

/// The bearing a compass word names, degrees clockwise from north: the
/// eight points, their adjectives ("northeastern") and headings
/// ("westward", "westwards"). Recognition ("north of Kharkiv") and event
/// reading ("advanced southward") read the same table.
pub fn compass_bearing(word: &str) -> Option<f64> {
    Some(match word {
        "north" | "northward" | "northwards" | "northern" => 0.0,
        "northeast" | "northeastern" => 45.0,
        "east" | "eastward" | "eastwards" | "eastern" => 90.0,
        "southeast" | "southeastern" => 135.0,
        "south" | "southward" | "southwards" | "southern" => 180.0,
        "southwest" | "southwestern" => 225.0,
        "west" | "westward" | "westwards" | "western" => 270.0,
        "northwest" | "northwestern" => 315.0,
        _ => return None,
    })
}

/// True for the first part of a Russian or Ukrainian compound of a compass
/// point and a name ("Yuzhno-Donetsk", the South Donetsk direction;
/// "Pivdenno-Ukrainsk"): the name after it is part of another name.
pub fn is_compass_prefix(word: &str) -> bool {
    matches!(
        word,
        "yuzhno"
            | "severo"
            | "zapadno"
            | "vostochno"
            | "yugo"
            | "pivdenno"
            | "pivnichno"
            | "skhidno"
            | "zakhidno"
    )
}

#[cfg(test)]
mod examples {
    use super::*;

    #[test]
    fn a_possessive_is_stripped_whichever_apostrophe_writes_it() {
        assert_eq!(strip_possessive("Russia’s"), "Russia");
        assert_eq!(strip_possessive("forces"), "forces");
    }

    #[test]
    fn compass_words_name_their_bearing_clockwise_from_north() {
        assert_eq!(compass_bearing("northeast"), Some(45.0));
        assert_eq!(compass_bearing("westward"), Some(270.0));
        assert_eq!(compass_bearing("southern"), Some(180.0));
        assert_eq!(compass_bearing("up"), None);
    }

    #[test]
    fn russian_and_ukrainian_compass_prefixes_are_known_and_english_words_are_not() {
        assert!(is_compass_prefix("yuzhno"));
        assert!(is_compass_prefix("pivnichno"));
        assert!(!is_compass_prefix("south"));
    }
}
