//! The document model: an article's plain text read once into words and
//! sentences, with what each word is — what every stage after the text
//! reads. Place names are found in a [`Doc`] ([`crate::recognize`]), and
//! the events at the resolved places are read from it ([`crate::event`]);
//! their spans are byte offsets into [`Doc::text`].

use crate::lexicon::facts::{self, WordFacts};
use crate::text::{tokenize, tokenize_lowered, Tokenized};

/// An article's plain text read into words and sentences.
///
/// Each word is kept as written and in lower case, with the facts the
/// stages ask of it (a side, a trigger stem, a month, a compass word…)
/// looked up once; rules read a word's facts instead of comparing strings.
///
/// ```
/// use frontline::doc::Doc;
/// let doc = Doc::new("Russian forces captured Krasnohorivka. Kharkiv’s outskirts were shelled.");
/// assert_eq!(doc.word_count(), 8);
/// assert_eq!(doc.words().nth(3), Some("Krasnohorivka"));
/// assert_eq!(doc.sentences().collect::<Vec<_>>(),
///            ["Russian forces captured Krasnohorivka.", "Kharkiv’s outskirts were shelled."]);
/// ```
#[derive(Clone, Debug)]
pub struct Doc<'t> {
    /// The words and sentences.
    pub(crate) words: Tokenized<'t>,
    /// What each word is, as `words.tokens` orders them.
    pub(crate) facts: Vec<WordFacts>,
}

impl<'t> Doc<'t> {
    /// Reads a plain text (an article's, see [`crate::document::Document`]
    /// for HTML and Markdown) into words and sentences.
    ///
    /// ```
    /// use frontline::doc::Doc;
    /// let doc = Doc::new("");
    /// assert_eq!(doc.word_count(), 0);
    /// assert_eq!(doc.sentences().count(), 0);
    /// ```
    pub fn new(text: &'t str) -> Doc<'t> {
        Doc::of(tokenize(text))
    }

    /// [`Doc::new`], with the words' lower-case forms borrowed from
    /// `lowered`, the text with its ASCII letters lowered: the same model,
    /// with one copy of the text instead of one per capitalised word.
    pub(crate) fn with_lowered(text: &'t str, lowered: &'t str) -> Doc<'t> {
        Doc::of(tokenize_lowered(text, lowered))
    }

    fn of(words: Tokenized<'t>) -> Doc<'t> {
        let facts = facts::facts(&words.lower);
        Doc { words, facts }
    }

    /// The plain text: the spans of mentions and sentences are byte offsets
    /// into it.
    pub fn text(&self) -> &'t str {
        self.words.text
    }

    /// How many words the text has.
    pub fn word_count(&self) -> usize {
        self.words.tokens.len()
    }

    /// The words as written, in order: runs of letters and digits, with
    /// apostrophes inside a word kept (`Kharkiv’s`).
    pub fn words(&self) -> impl Iterator<Item = &'t str> + '_ {
        self.words.tokens.iter().map(|t| t.text)
    }

    /// The sentences' texts, in order, closing punctuation included.
    pub fn sentences(&self) -> impl Iterator<Item = &'t str> + '_ {
        (0..self.words.sentences.len()).map(|i| self.words.sentence_text(i))
    }

    /// Each sentence's byte range in [`Doc::text`] and its paragraph's
    /// index (from 0), in order.
    ///
    /// ```
    /// use frontline::doc::Doc;
    /// let doc = Doc::new("Avdiivka fell.\n\nKupiansk was shelled. Lyman too.");
    /// let spans: Vec<_> = doc.sentence_spans().collect();
    /// assert_eq!(spans, [(0..14, 0), (16..37, 1), (38..48, 1)]);
    /// assert_eq!(&doc.text()[38..48], "Lyman too.");
    /// ```
    pub fn sentence_spans(&self) -> impl Iterator<Item = (std::ops::Range<usize>, usize)> + '_ {
        self.words
            .sentences
            .iter()
            .map(|s| (s.start..s.end, s.paragraph))
    }
}
