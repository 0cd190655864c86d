//! The view of one sentence that event rules read.

use super::*;

/// One sentence as event rules read it: the article's words in lower case,
/// the text between each word and the next, the facts about each word, and
/// the sentence's first and last word (indices into the article's words).
/// Rules are its methods, spread over the modules of what they read:
/// triggers, actors, modality, position, time.
pub(super) struct Sentence<'a, 't> {
    /// The article's plain text: mentions' byte spans index it.
    pub(super) text: &'t str,
    /// The article's words in lower case.
    pub(super) lower: &'a [Word<'t>],
    /// The text between each word and the next.
    pub(super) gaps: &'a [&'t str],
    /// What each of the article's words is, looked up once.
    pub(super) facts: &'a [WordFacts],
    /// The sentence's first word.
    pub(super) first: usize,
    /// The sentence's last word.
    pub(super) last: usize,
    /// Its grammar, parsed when a rule first asks (`grammar.rs`).
    pub(super) grammar: GrammarCell<'a, 't>,
}

impl<'a, 't> Sentence<'a, 't> {
    /// A text of one sentence, for rules' tests: all its words.
    #[cfg(test)]
    pub(super) fn whole(
        t: &'a Tokenized<'t>,
        gaps: &'a [&'t str],
        facts: &'a [WordFacts],
    ) -> Sentence<'a, 't> {
        Sentence {
            text: t.text,
            lower: &t.lower,
            gaps,
            facts,
            first: 0,
            last: t.tokens.len() - 1,
            grammar: GrammarCell::new(&t.tokens),
        }
    }
}
