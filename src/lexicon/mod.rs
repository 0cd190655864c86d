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
pub(crate) mod events;
pub(crate) mod facts;

pub use classes::*;

/// A word without its possessive `'s` (written with `'`, `’` or `ʼ`).
///
/// ```
/// use frontline::lexicon::strip_possessive;
/// assert_eq!(strip_possessive("Russia’s"), "Russia");
/// assert_eq!(strip_possessive("forces"), "forces");
/// ```
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
