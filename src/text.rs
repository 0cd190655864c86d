//! Words and sentences of plain text.

use std::borrow::Cow;

/// A word of the text: a run of letters and digits, with apostrophes inside
/// it (`Vovchans'k`, `Kharkiv’s`). Offsets are bytes into the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'t> {
    /// The word as written.
    pub text: &'t str,
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
    /// Index of its sentence, from 0.
    pub sentence: usize,
}

impl Token<'_> {
    /// True when the word starts with a capital letter.
    pub fn is_capitalized(&self) -> bool {
        match self.text.as_bytes().first() {
            Some(&b) if b < 0x80 => b.is_ascii_uppercase(),
            _ => self.text.chars().next().is_some_and(char::is_uppercase),
        }
    }

    /// True when the word is a single capital letter (`U` of `U.S.`).
    pub fn is_initial(&self) -> bool {
        let mut chars = self.text.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
    }
}

/// A sentence: byte range in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of its first word.
    pub start: usize,
    /// Byte offset just past its last character (closing punctuation included).
    pub end: usize,
    /// Index of its paragraph, from 0: a sentence that ends a line ends
    /// its paragraph (a blank line, or one paragraph per line).
    pub paragraph: usize,
}

/// The words and sentences of a text.
#[derive(Clone, Debug)]
pub struct Tokenized<'t> {
    /// The text.
    pub text: &'t str,
    /// Every word, in order.
    pub tokens: Vec<Token<'t>>,
    /// Every word in lower case, as `tokens` orders them: borrowed where
    /// the word already is.
    pub lower: Vec<Cow<'t, str>>,
    /// Every sentence, in order; `Token::sentence` indexes this.
    pub sentences: Vec<Sentence>,
}

impl<'t> Tokenized<'t> {
    /// The characters between two words: what separates `tokens[i]` from
    /// `tokens[i + 1]`.
    pub fn gap(&self, i: usize) -> &'t str {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => &self.text[a.end..b.start],
            _ => "",
        }
    }

    /// The text of a sentence.
    pub fn sentence_text(&self, index: usize) -> &'t str {
        let s = self.sentences[index];
        &self.text[s.start..s.end]
    }
}

/// Abbreviations after which a full stop does not end the sentence.
const ABBREVIATIONS: &[&str] = &[
    "adm", "approx", "brig", "capt", "cmdr", "co", "col", "corp", "cpl", "dr", "e", "eg", "etc",
    "gen", "gov", "i", "ie", "inc", "jr", "lt", "maj", "mr", "mrs", "ms", "mt", "no", "nos",
    "pres", "prof", "pvt", "rep", "rev", "sen", "sgt", "sr", "st", "vol", "vs",
];

/// The months, January first.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month (1 to 12) a lower-case word names: in full, or shortened as
/// the press writes it ("aug", "sept").
pub fn month_of(word: &str) -> Option<u32> {
    // Month names are 3 to 9 letters: most words end the search here.
    if !(3..=9).contains(&word.len()) {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            *m == word
                || (word.len() == 3 && m.starts_with(word))
                || (word == "sept" && *m == "september")
        })
        .map(|i| i as u32 + 1)
}

/// Splits text into words and sentences.
///
/// A sentence ends at `.`, `!`, `?` or `…` followed by a capitalised word
/// (not after an abbreviation such as `Gen.` or an initial such as the `U`
/// of `U.S.`), at a blank line, and at a line break after closing
/// punctuation or a short line such as a headline.
pub fn tokenize(text: &str) -> Tokenized<'_> {
    split(text, None)
}

/// [`tokenize`], with the words' lower-case forms borrowed from `lowered`,
/// the text with its ASCII letters in lower case
/// ([`str::to_ascii_lowercase`]): one copy of the text instead of one per
/// capitalised word. A word with a capital beyond ASCII is still lowered
/// on its own. Gives exactly what [`tokenize`] gives.
pub fn tokenize_lowered<'t>(text: &'t str, lowered: &'t str) -> Tokenized<'t> {
    // Anything else is not the text lowered: lower each word on its own.
    let lowered = (lowered.len() == text.len()).then_some(lowered);
    split(text, lowered)
}

fn split<'t>(text: &'t str, lowered: Option<&'t str>) -> Tokenized<'t> {
    let mut tokens: Vec<Token<'_>> = Vec::with_capacity(text.len() / 6);
    // Whether each word is all ASCII, as `tokens` orders them.
    let mut ascii: Vec<bool> = Vec::with_capacity(text.len() / 6);
    let bytes = text.as_bytes();
    let n = bytes.len();
    // The char at byte `i` (not ASCII) and its length.
    let char_at = |i: usize| -> (char, usize) {
        let c = text[i..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        (c, c.len_utf8())
    };
    let mut i = 0;
    while i < n {
        // Between words: ASCII that is neither letter nor digit.
        let start = i;
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            if !b.is_ascii_alphanumeric() {
                continue;
            }
        } else {
            let (c, len) = char_at(i);
            i += len;
            if !c.is_alphanumeric() {
                continue;
            }
        }
        let mut all_ascii = b < 0x80;
        let mut end = i;
        while i < n {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                i += 1;
                end = i;
                continue;
            }
            let (c, len) = if b < 0x80 { (b as char, 1) } else { char_at(i) };
            if c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c) {
                // A combining mark with no composed form stays in its word.
                all_ascii = false;
                i += len;
                end = i;
            } else if matches!(c, '\'' | '’' | 'ʼ') {
                // An apostrophe stays inside a word only when a letter follows.
                let next = text[i + len..].chars().next();
                if next.is_some_and(char::is_alphabetic) {
                    all_ascii &= len == 1;
                    i += len;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        tokens.push(Token {
            text: &text[start..end],
            start,
            end,
            sentence: 0,
        });
        ascii.push(all_ascii);
    }

    let mut sentences = Vec::new();
    let mut paragraph = 0;
    let mut sentence_start = tokens.first().map_or(0, |t| t.start);
    let mut line_start = 0;
    for i in 0..tokens.len() {
        tokens[i].sentence = sentences.len();
        let Some(next) = tokens.get(i + 1) else { break };
        let gap = &text[tokens[i].end..next.start];
        // Most words are followed by one space: no line, no sentence ends.
        if gap == " " {
            continue;
        }
        if let Some(nl) = gap.rfind('\n') {
            line_start = tokens[i].end + nl + 1;
        }
        let ends = ends_sentence(
            &tokens[i],
            gap,
            next,
            tokens[i].end - line_start.min(tokens[i].end),
        );
        if ends {
            let end = tokens[i].end + sentence_punctuation_len(gap);
            sentences.push(Sentence {
                start: sentence_start,
                end,
                paragraph,
            });
            if gap.contains('\n') {
                paragraph += 1;
            }
            sentence_start = next.start;
        }
    }
    if let Some(last) = tokens.last() {
        let tail = &text[last.end..];
        let end = last.end + sentence_punctuation_len(tail);
        sentences.push(Sentence {
            start: sentence_start,
            end,
            paragraph,
        });
    }
    let lower = match lowered {
        Some(lowered) => tokens
            .iter()
            .zip(&ascii)
            .map(|(t, &ascii)| {
                let low = &lowered[t.start..t.end];
                if ascii || !low.chars().any(char::is_uppercase) {
                    Cow::Borrowed(low)
                } else {
                    Cow::Owned(t.text.to_lowercase())
                }
            })
            .collect(),
        None => tokens.iter().map(|t| lowercase(t.text)).collect(),
    };
    Tokenized {
        text,
        tokens,
        lower,
        sentences,
    }
}

/// A word in lower case, borrowed when it has no capital.
pub fn lowercase(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        }
    } else if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// The length of the closing punctuation (and quotes) at the start of a gap.
fn sentence_punctuation_len(gap: &str) -> usize {
    gap.char_indices()
        .take_while(|(_, c)| matches!(c, '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ')'))
        .map(|(i, c)| i + c.len_utf8())
        .last()
        .unwrap_or(0)
}

fn ends_sentence(token: &Token<'_>, gap: &str, next: &Token<'_>, line_len: usize) -> bool {
    let newlines = gap.matches('\n').count();
    if newlines >= 2 {
        return true;
    }
    let trimmed = gap.trim_start_matches(['"', '”', '’', '\'', ')']);
    let closes = trimmed.starts_with(['.', '!', '?', '…']);
    if newlines == 1 && (closes || gap.starts_with(':') || line_len < 90 && next.is_capitalized()) {
        return true;
    }
    if !closes || !gap.chars().any(char::is_whitespace) {
        return false;
    }
    if !(next.is_capitalized() || next.text.starts_with(|c: char| c.is_ascii_digit())) {
        return false;
    }
    if gap.starts_with('.') {
        let word = token.text.to_lowercase();
        if token.is_initial() || ABBREVIATIONS.binary_search(&word.as_str()).is_ok() {
            return false;
        }
        // "on Aug. 26", "Sept. 5, 2024": a month, not a sentence's end.
        if word.len() <= 4
            && month_of(&word).is_some()
            && next.text.starts_with(|c: char| c.is_ascii_digit())
        {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn month_names_and_their_abbreviations_are_months() {
        assert_eq!(month_of("august"), Some(8));
        assert_eq!(month_of("sept"), Some(9));
        assert_eq!(month_of("augur"), None);
    }

    #[test]
    fn an_abbreviation_ends_no_sentence_and_an_apostrophe_stays_inside_a_word() {
        let t = tokenize("Gen. Ryder spoke. Troops left Kharkiv’s outskirts.");
        assert_eq!(t.sentences.len(), 2);
        assert_eq!(t.tokens[5].text, "Kharkiv’s");
        assert_eq!(t.tokens[5].sentence, 1);
    }

    #[test]
    fn words_lowered_from_the_lowered_text_are_the_words_lowered_one_by_one() {
        let text = "Troops left Kharkiv’s outskirts near ДОНЕЦЬК.";
        let lowered = text.to_ascii_lowercase();
        let t = tokenize_lowered(text, &lowered);
        assert_eq!(t.lower, tokenize(text).lower);
        assert_eq!(t.lower[2], "kharkiv’s");
        assert_eq!(t.lower[5], "донецьк");
    }

    #[test]
    fn a_word_already_in_lower_case_is_borrowed() {
        assert_eq!(lowercase("Kharkiv’s"), "kharkiv’s");
        assert_eq!(lowercase("ДОНЕЦЬК"), "донецьк");
        assert!(matches!(lowercase("near"), std::borrow::Cow::Borrowed(_)));
    }

    /// Words as the first tokenizer found them, char by char: the byte-wise
    /// one must agree. (Combining marks inside a word, as in `e\u{301}clair`,
    /// are part of it.)
    fn words_char_by_char(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut iter = text.char_indices().peekable();
        while let Some((start, c)) = iter.next() {
            if !c.is_alphanumeric() {
                continue;
            }
            let mut end = start + c.len_utf8();
            while let Some(&(i, c)) = iter.peek() {
                if c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c) {
                    end = i + c.len_utf8();
                    iter.next();
                } else if matches!(c, '\'' | '’' | 'ʼ')
                    && text[i + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic)
                {
                    iter.next();
                } else {
                    break;
                }
            }
            out.push((start, end));
        }
        out
    }

    #[test]
    fn words_are_found_the_same_in_any_script() {
        for text in [
            "Kharkiv’s outskirts, Kyiv's mayor and Bilohorivkaʼs school.",
            "Д’ячкове, Слов'янськ; São Paulo, Zürich — 2024-06-27!",
            "end' 'start rock'n'roll l’ '' ’’ ʼ",
            "emoji 🇺🇦 between; ١٢٣ digits; e\u{301}clair; 中文字",
            "",
            "'",
            "x",
            "ДОНЕЦЬК Ǆemal ÀB’C Kharkiv’S",
        ] {
            let found: Vec<(usize, usize)> = tokenize(text)
                .tokens
                .iter()
                .map(|t| (t.start, t.end))
                .collect();
            assert_eq!(found, words_char_by_char(text), "{text:?}");
            let lowered = text.to_ascii_lowercase();
            assert_eq!(
                tokenize_lowered(text, &lowered).lower,
                tokenize(text).lower,
                "{text:?}"
            );
        }
    }

    #[test]
    fn abbreviations_list_is_sorted_for_binary_search() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn initials_do_not_end_a_sentence() {
        let t = tokenize("The U.S. Defense Department said so. Then Kyiv.");
        assert_eq!(t.sentences.len(), 2);
        assert_eq!(t.sentence_text(0), "The U.S. Defense Department said so.");
    }

    #[test]
    fn blank_lines_and_headlines_end_sentences() {
        let t = tokenize("North Korea commits troops\n\nRussian forces advanced\nToday");
        assert_eq!(t.sentences.len(), 3);
    }

    #[test]
    fn a_shortened_month_before_a_day_does_not_end_the_sentence() {
        let t = tokenize("Russia struck Kyiv on Aug. 26, hitting the grid. Sept. 5 was calm.");
        assert_eq!(t.sentences.len(), 2);
        assert_eq!(
            t.sentence_text(0),
            "Russia struck Kyiv on Aug. 26, hitting the grid."
        );
        // Without a day after it, the full stop still ends the sentence.
        assert_eq!(
            tokenize("It was cold in Dec. Then it snowed.")
                .sentences
                .len(),
            2
        );
    }

    #[test]
    fn a_wrapped_line_continues_the_sentence() {
        let t = tokenize("Russian forces continued to attack in the direction of the village near\nthe town of Terny on the Lyman direction, where fighting continued for days and days.");
        assert_eq!(t.sentences.len(), 1);
    }

    #[test]
    fn apostrophes_stay_inside_words_but_not_at_their_end() {
        let t = tokenize("Vovchans'k and the soldiers' trench");
        let words: Vec<&str> = t.tokens.iter().map(|t| t.text).collect();
        assert_eq!(words, ["Vovchans'k", "and", "the", "soldiers", "trench"]);
    }

    #[test]
    fn a_sentence_ending_a_line_ends_its_paragraph() {
        let t = tokenize(
            "In the Kharkiv region, troops held. Fighting went on near Lyptsi.\n\nIn Kherson, it was calm.\nA second\nline wraps. The end.",
        );
        let paragraphs: Vec<usize> = t.sentences.iter().map(|s| s.paragraph).collect();
        assert_eq!(paragraphs, [0, 0, 1, 2, 2]);
    }

    #[test]
    fn sentence_text_includes_its_closing_punctuation() {
        let t = tokenize("Russia took Avdiivka. “It fell.”");
        assert_eq!(t.sentence_text(0), "Russia took Avdiivka.");
        assert_eq!(t.sentence_text(1), "It fell.”");
    }
}
