//! What a word is, looked up once per distinct word: the lexicon classes
//! recognition reads and the facts event reading tests word by word (the
//! action it triggers, the side it names, the month). Each fact comes from
//! the function that defines it ([`crate::lexicon::classify`],
//! [`crate::text::month_of`], the event module's stems and word lists); this
//! module only remembers the answers, per thread, so that an article's
//! words cost one hash lookup each instead of a string match per question.

use std::borrow::Cow;
use std::cell::RefCell;

use rustc_hash::FxHashMap as HashMap;

use crate::action::Action;
use crate::side::Side;
use crate::text::month_of;

use super::{classify, events, phrases, strip_possessive, Classes};

/// Distinct words remembered per thread at most; memory is emptied when
/// it is full (a few megabytes).
const MAX_WORDS: usize = 100_000;

/// The facts about one lower-case word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordFacts {
    /// Lexicon classes of the word without a possessive `'s`.
    pub(crate) classes: Classes,
    /// The action the word triggers on its own, by its stem.
    pub(crate) action: Option<Action>,
    /// The multi-word triggers the word can begin (`events::Head` bits).
    pub(crate) head: u32,
    /// The side the word names on its own ("Russian", "Kyiv's").
    pub(crate) side: Option<Side>,
    /// The month it names, 1 to 12.
    pub(crate) month: Option<u8>,
    /// Membership of the event module's word lists (`events::Lists` bits).
    pub(crate) lists: u32,
}

impl WordFacts {
    fn of(word: &str) -> WordFacts {
        WordFacts {
            classes: classify(strip_possessive(word)),
            action: events::action_of(word),
            head: phrases::trigger_head(word),
            side: events::side_of_word(word),
            month: month_of(word).map(|m| m as u8),
            lists: events::lists_of(word),
        }
    }
}

/// The words remembered: those of up to 16 bytes (nearly all) by their
/// bytes packed into one number, compared without a call to `memcmp`; the
/// longer ones by their text.
#[derive(Default)]
struct Known {
    short: HashMap<u128, WordFacts>,
    long: HashMap<Box<str>, WordFacts>,
}

/// A word of up to 16 bytes as one number, zero-padded: words hold no zero
/// byte, so no two words share a number.
fn packed(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    (bytes.len() <= 16).then(|| {
        let mut buf = [0u8; 16];
        buf[..bytes.len()].copy_from_slice(bytes);
        u128::from_le_bytes(buf)
    })
}

impl Known {
    fn facts(&mut self, word: &str) -> WordFacts {
        let key = packed(word);
        let found = match key {
            Some(key) => self.short.get(&key),
            None => self.long.get(word),
        };
        if let Some(&f) = found {
            return f;
        }
        if self.short.len() + self.long.len() >= MAX_WORDS {
            self.short.clear();
            self.long.clear();
        }
        let f = WordFacts::of(word);
        match key {
            Some(key) => self.short.insert(key, f),
            None => self.long.insert(word.into(), f),
        };
        f
    }
}

thread_local! {
    static KNOWN: RefCell<Known> = RefCell::new(Known::default());
}

/// The facts about each of `lower`, the words of a text in lower case.
pub(crate) fn facts(lower: &[Cow<'_, str>]) -> Vec<WordFacts> {
    KNOWN.with(|known| {
        let mut known = known.borrow_mut();
        lower.iter().map(|w| known.facts(w)).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_facts_are_the_facts_computed_afresh() {
        let words: Vec<Cow<'_, str>> = [
            "russian",
            "forces",
            "captured",
            "kharkiv’s",
            "may",
            "gen",
            "advancing",
            "drone",
            "russian",
            "captured",
            "north",
            "took",
            "counteroffensives",
            "counteroffensive’s",
        ]
        .into_iter()
        .map(Cow::Borrowed)
        .collect();
        // The second time, every word is remembered.
        for _ in 0..2 {
            let found = facts(&words);
            for (w, f) in words.iter().zip(&found) {
                assert_eq!(*f, WordFacts::of(w), "{w}");
            }
        }
        let f = facts(&words);
        assert_eq!(f[0].side, Some(Side::RU));
        assert_eq!(f[2].action, Some(Action::Capture));
        assert_eq!(f[4].month, Some(5));
        assert_eq!(f[6].action, Some(Action::Advance));
        assert_eq!(f[10].side, None);
    }
}
