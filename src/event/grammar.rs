//! The sentence's grammar, for the rules that read it: frontline's words
//! turned into the parser's (`frontline-parse`, trained on UD English
//! EWT), parsed once and only when a rule asks — rules ask only about
//! triggers, so a sentence without one is never parsed.
//!
//! frontline's words are runs of letters and digits; punctuation is in the
//! gaps between them. The parser reads Universal Dependencies' words:
//! punctuation as words, "'s" and "n't" split off ("Russia's" → "Russia",
//! "'s"), initials kept whole ("U.S."), hyphens as words of their own
//! ("U.S.-based" → "U.S.", "-", "based").
//!
//! One rule reads the grammar, where the word rules cannot see and only
//! there, so that almost no sentence is parsed: a word of trying or
//! planning that governs the trigger through complements
//! (`grammatical_governor`), asked by `modality.rs` only when such a word
//! stands more than three words before the trigger's "to" ("are trying
//! hard, despite heavy losses, to capture").
//!
//! An actor read from the subject, agent or possessor was built and
//! measured (git history, commit 1adf83f): it agreed with the word rules
//! on every event of the corpus, the development sets and the 1,000-article
//! batch, and where they differ the greedy parse was as often wrong
//! ("forces in Ukraine's Zaporizhzhia region advanced" reads "advanced" as
//! a participle of "region"), while parsing every sentence that names two
//! sides cut extraction speed about fivefold. It was not kept.

use std::cell::OnceCell;

use frontline_parse::{Deprel, Parse, Upos};

use super::*;
use crate::text::Token;

/// The parser's words for frontline's words `tokens` (as written), with
/// `gaps[k]` the text after `tokens[k]`: the words, and for each token the
/// word of its stem.
pub(super) fn ud_words(tokens: &[&str], gaps: &[&str]) -> (Vec<String>, Vec<usize>) {
    let mut words: Vec<String> = Vec::with_capacity(tokens.len() * 5 / 4 + 2);
    let mut word_of = Vec::with_capacity(tokens.len());
    let initial = |w: &str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase) && c.next().is_none()
    };
    let mut in_initials = false;
    for (k, &tok) in tokens.iter().enumerate() {
        let last = k + 1 == tokens.len();
        let gap = gaps.get(k).copied().unwrap_or("");
        // "U.S.": initials, each followed by a full stop, make one word.
        let dotted = initial(tok) && gap.starts_with('.');
        let continues = in_initials && dotted;
        let starts = !in_initials
            && dotted
            && !last
            && tokens.get(k + 1).is_some_and(|n| initial(n))
            && gap == ".";
        let mut gap = gap;
        if continues {
            let w = words.last_mut().expect("an initial before");
            w.push_str(tok);
            w.push('.');
            word_of.push(words.len() - 1);
            gap = &gap[1..];
            in_initials = gap.is_empty() && tokens.get(k + 1).is_some_and(|n| initial(n));
        } else if starts {
            words.push(format!("{tok}."));
            word_of.push(words.len() - 1);
            gap = "";
            in_initials = true;
        } else {
            in_initials = false;
            let (stem, clitic) = split_clitic(tok);
            word_of.push(words.len());
            words.push(stem.to_string());
            if let Some(c) = clitic {
                words.push(c.to_string());
            }
        }
        // After the sentence's last word, only its closing punctuation.
        let gap = if last {
            let end = gap
                .find(|c: char| !matches!(c, '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')'))
                .unwrap_or(gap.len());
            &gap[..end]
        } else {
            gap
        };
        punctuation(gap, &mut words);
    }
    (words, word_of)
}

/// Splits the clitics UD writes as words of their own: "Russia's" →
/// ("Russia", "'s"), "don't" → ("do", "n't").
fn split_clitic(tok: &str) -> (&str, Option<&'static str>) {
    let bytes = tok.len();
    for (suffix, clitic) in [
        ("n't", "n't"),
        ("n’t", "n't"),
        ("'s", "'s"),
        ("’s", "'s"),
        ("'re", "'re"),
        ("’re", "'re"),
        ("'ve", "'ve"),
        ("’ve", "'ve"),
        ("'ll", "'ll"),
        ("’ll", "'ll"),
        ("'d", "'d"),
        ("’d", "'d"),
    ] {
        let cut = bytes.saturating_sub(suffix.len());
        if cut > 0 && tok.is_char_boundary(cut) && tok[cut..].eq_ignore_ascii_case(suffix) {
            return (&tok[..cut], Some(clitic));
        }
    }
    (tok, None)
}

/// The punctuation of a gap as words: each mark its own word, a run of the
/// same mark one word ("..."), typographic quotes and dashes as EWT writes
/// them.
fn punctuation(gap: &str, words: &mut Vec<String>) {
    let mut last: Option<char> = None;
    for c in gap.chars() {
        if c.is_whitespace() {
            last = None;
            continue;
        }
        let c = match c {
            '“' | '”' | '„' | '«' | '»' => '"',
            '‘' | '’' => '\'',
            '—' | '–' => '-',
            c => c,
        };
        if last == Some(c) {
            if let Some(w) = words.last_mut() {
                w.push(c);
            }
            continue;
        }
        words.push(c.to_string());
        last = Some(c);
    }
}

/// A sentence's parse, with the map between its words and frontline's.
pub(super) struct Grammar {
    parse: Parse,
    /// The sentence's first token.
    first: usize,
    /// For each token of the sentence (from `first`), its stem's word.
    word_of: Vec<usize>,
    /// For each word, its token, if it stands for one (not punctuation or
    /// a clitic).
    token_of: Vec<Option<usize>>,
}

impl Grammar {
    /// Parses the sentence of `tokens[first..=last]`.
    fn read(
        text: &str,
        tokens: &[Token<'_>],
        gaps: &[&str],
        first: usize,
        last: usize,
    ) -> Option<Grammar> {
        let texts: Vec<&str> = tokens.get(first..=last)?.iter().map(|t| t.text).collect();
        let mut gaps: Vec<&str> = gaps.get(first..=last)?.to_vec();
        // The text's last word has no gap after it: its closing
        // punctuation is the rest of the text.
        if last + 1 == tokens.len() {
            gaps[last - first] = text.get(tokens[last].end..).unwrap_or("");
        }
        let (words, word_of) = ud_words(&texts, &gaps);
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let parse = frontline_parse::parse(&refs).ok()?;
        let mut token_of = vec![None; words.len()];
        for (k, &w) in word_of.iter().enumerate() {
            token_of[w].get_or_insert(first + k);
        }
        Some(Grammar {
            parse,
            first,
            word_of,
            token_of,
        })
    }

    /// The word of token `k`.
    pub(super) fn word(&self, k: usize) -> Option<usize> {
        self.word_of.get(k.checked_sub(self.first)?).copied()
    }

    /// The token of word `w`.
    pub(super) fn token(&self, w: usize) -> Option<usize> {
        self.token_of.get(w).copied().flatten()
    }

    /// The words governing word `w` through open and clausal complements
    /// (and infinitives parsed as adverbial clauses) and conjuncts: "trying" for "capture" in "trying to capture", and
    /// in "trying to encircle and capture".
    pub(super) fn complement_governors(&self, w: usize) -> impl Iterator<Item = usize> + '_ {
        let p = &self.parse;
        let mut at = w;
        let mut steps = 0;
        std::iter::from_fn(move || {
            if steps > p.len() {
                return None;
            }
            steps += 1;
            while p.deprel(at) == Deprel::Conj {
                at = p.head(at)?;
            }
            // An infinitive the parser hangs as an adverbial clause ("trying
            // hard to capture") is a complement too.
            let infinitive = p.deprel(at) == Deprel::Advcl
                && p.children(at)
                    .any(|c| p.deprel(c) == Deprel::Mark && p.tokens()[c].upos == Upos::Part);
            if !(matches!(p.deprel(at), Deprel::Xcomp | Deprel::Ccomp) || infinitive) {
                return None;
            }
            at = p.head(at)?;
            Some(at)
        })
    }
}

/// A sentence's grammar, read on first use.
#[derive(Default)]
pub(super) struct GrammarCell<'a, 't> {
    tokens: &'a [Token<'t>],
    cell: OnceCell<Option<Grammar>>,
}

impl<'a, 't> GrammarCell<'a, 't> {
    /// The cell for a sentence of the article's `tokens`.
    pub(super) fn new(tokens: &'a [Token<'t>]) -> GrammarCell<'a, 't> {
        GrammarCell {
            tokens,
            cell: OnceCell::new(),
        }
    }
}

impl Sentence<'_, '_> {
    /// The sentence's grammar, parsed on first call; `None` when the
    /// sentence's words are not known (hand-built sentences of tests) or the
    /// parser's model is damaged.
    pub(super) fn grammar(&self) -> Option<&Grammar> {
        let g = &self.grammar;
        g.cell
            .get_or_init(|| Grammar::read(self.text, g.tokens, self.gaps, self.first, self.last))
            .as_ref()
    }
}

impl Sentence<'_, '_> {
    /// Whether the grammar puts a word of trying or planning over the
    /// trigger at token `k` ("are trying hard to capture", "aim at
    /// encircling and capturing").
    pub(super) fn grammatical_governor(&self, k: usize) -> Option<Governor> {
        let g = self.grammar()?;
        let w = g.word(k)?;
        g.complement_governors(w).find_map(|v| {
            let word = self.lower[g.token(v)?].as_ref();
            if ATTEMPT_WORDS.contains(&word) {
                Some(Governor::Attempt)
            } else if PLAN_WORDS.contains(&word) {
                Some(Governor::Plan)
            } else {
                None
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// Runs `check` on the sentence of `text` (one sentence) with its
    /// words' sides, and the token index of `word`.
    fn with_sentence(
        text: &str,
        word: &str,
        check: impl Fn(&Sentence<'_, '_>, usize, &[Option<Side>]),
    ) {
        let t = tokenize(text);
        let gaps: Vec<&str> = (0..t.tokens.len()).map(|k| t.gap(k)).collect();
        let facts = words::facts(&t.lower);
        let sides: Vec<Option<Side>> = (0..t.tokens.len())
            .map(|k| side_at(&t.lower, &facts, k))
            .collect();
        let s = Sentence::whole(&t, &gaps, &facts);
        let k = t
            .tokens
            .iter()
            .position(|tok| tok.text == word)
            .expect("the word");
        check(&s, k, &sides);
    }

    #[test]
    fn trying_hard_to_capture_is_an_attempt_even_with_words_between() {
        with_sentence(
            "Russian troops are trying hard to capture Avdiivka.",
            "capture",
            |s, k, _| {
                assert_eq!(s.grammatical_governor(k), Some(Governor::Attempt));
            },
        );
        with_sentence(
            "Russian troops captured Avdiivka.",
            "captured",
            |s, k, _| {
                assert_eq!(s.grammatical_governor(k), None);
            },
        );
    }

    fn ud(text: &str) -> Vec<String> {
        let t = tokenize(text);
        let texts: Vec<&str> = t.tokens.iter().map(|t| t.text).collect();
        let mut gaps: Vec<&str> = (0..t.tokens.len()).map(|k| t.gap(k)).collect();
        if let (Some(g), Some(tok)) = (gaps.last_mut(), t.tokens.last()) {
            *g = &text[tok.end..];
        }
        ud_words(&texts, &gaps).0
    }

    #[test]
    fn a_word_ending_in_a_multibyte_character_is_not_cut_inside_it() {
        assert_eq!(split_clitic("There’s"), ("There", Some("'s")));
        assert_eq!(split_clitic("Київ’"), ("Київ’", None));
        assert_eq!(split_clitic("’s"), ("’s", None));
    }

    #[test]
    fn possessives_and_negations_are_words_of_their_own() {
        assert_eq!(
            ud("Russia's army didn't take Kharkiv’s suburbs."),
            ["Russia", "'s", "army", "did", "n't", "take", "Kharkiv", "'s", "suburbs", "."]
        );
    }

    #[test]
    fn initials_stay_whole_and_hyphens_are_words() {
        assert_eq!(
            ud("a U.S.-based institute said"),
            ["a", "U.S.", "-", "based", "institute", "said"]
        );
        assert_eq!(
            ud("Russian-occupied Tokmak, they said."),
            ["Russian", "-", "occupied", "Tokmak", ",", "they", "said", "."]
        );
    }

    #[test]
    fn quotes_and_dashes_are_written_as_ewt_writes_them() {
        assert_eq!(
            ud("“We hold,” he said — again..."),
            ["We", "hold", ",", "\"", "he", "said", "-", "again", "..."]
        );
    }

    #[test]
    fn only_the_closing_punctuation_follows_the_last_word() {
        let texts = ["Troops", "advanced"];
        let gaps = [" ", ". Then "];
        let (words, word_of) = ud_words(&texts, &gaps);
        assert_eq!(words, ["Troops", "advanced", "."]);
        assert_eq!(word_of, [0, 1]);
    }

    #[test]
    fn each_token_maps_to_its_stem() {
        let texts = ["Russia's", "U", "S", "army"];
        let gaps = [" ", ".", ". ", ""];
        let (words, word_of) = ud_words(&texts, &gaps);
        assert_eq!(words, ["Russia", "'s", "U.S.", "army"]);
        assert_eq!(word_of, [0, 2, 2, 3]);
    }
}
