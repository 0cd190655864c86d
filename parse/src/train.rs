//! Training and evaluation on a Universal Dependencies treebank. The
//! `train` and `eval` binaries are thin shells over these functions.

use crate::conllu::{self, GoldSentence};
use crate::features::Lex;
use crate::parser::{self, Example};
use crate::system::State;
use crate::{tagger, Model, Upos};
use std::path::Path;

/// Reads a split ("train", "dev", "test") of UD_English-EWT from a checkout
/// at `dir`: `en_ewt-ud-SPLIT.conllu` if present, else rebuilt by
/// concatenating the documents `not-to-release/file-lists/files.SPLIT`
/// lists from `not-to-release/sources/` (how the released files are made;
/// rebuilding dev and test this way gives the released files byte for
/// byte at commit 15d613d8).
pub fn read_split(dir: &Path, split: &str) -> Result<Vec<GoldSentence>, String> {
    let released = dir.join(format!("en_ewt-ud-{split}.conllu"));
    let text = if released.is_file() {
        read(&released)?
    } else {
        let list = dir.join(format!("not-to-release/file-lists/files.{split}"));
        let mut text = String::new();
        for doc in read(&list)?.lines().filter(|l| !l.trim().is_empty()) {
            text.push_str(&read(&dir.join("not-to-release/sources").join(doc.trim()))?);
        }
        text
    };
    conllu::read(&text).map_err(|e| format!("{} split: {e}", split))
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// A permutation of `0..n` for `epoch`, from a fixed seed (xorshift64*
/// Fisher–Yates): the same treebank always gives the same weights.
pub fn shuffled(n: usize, epoch: usize) -> Vec<usize> {
    let mut v: Vec<usize> = (0..n).collect();
    let mut x: u64 = 0x2545_f491_4f6c_dd1d ^ (epoch as u64 + 1).wrapping_mul(0x9e37_79b9);
    for i in (1..n).rev() {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        let r = x.wrapping_mul(0x2545_f491_4f6c_dd1d);
        v.swap(i, (r % (i as u64 + 1)) as usize);
    }
    v
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Passes over the data for the tagger.
    pub tagger_epochs: usize,
    /// Passes for the parser.
    pub parser_epochs: usize,
    /// Folds for the parser's training tags (each fold tagged by a tagger
    /// trained on the others, so the parser learns from tags as wrong as
    /// they will be).
    pub folds: usize,
    /// Averaged tagger weights below this are dropped (second pass).
    pub tagger_prune: f32,
    /// Averaged weights of the tagger's first pass below this are dropped.
    pub first_pass_prune: f32,
    /// Averaged parser weights below this are dropped.
    pub parser_prune: f32,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            tagger_epochs: 8,
            parser_epochs: 15,
            folds: 4,
            tagger_prune: 0.5,
            first_pass_prune: 0.5,
            parser_prune: 1.0,
        }
    }
}

fn lexed(s: &GoldSentence) -> Vec<Lex> {
    s.words.iter().map(|w| Lex::of(w)).collect()
}

/// Trains the tagger and the parser on `train`.
pub fn train(train: &[GoldSentence], set: Settings) -> Model {
    let tagged: Vec<(Vec<Lex>, Vec<Upos>)> =
        train.iter().map(|s| (lexed(s), s.tags.clone())).collect();
    // Jackknifed tags for the parser's training data.
    let mut predicted: Vec<Vec<Upos>> = vec![Vec::new(); train.len()];
    let folds = set.folds.max(2);
    for k in 0..folds {
        let held = |i: usize| i % folds == k;
        let rest: Vec<usize> = (0..train.len()).filter(|&i| !held(i)).collect();
        let t = tagger::train(&tagged, None, set.tagger_epochs, |e| {
            shuffled(rest.len(), e)
                .into_iter()
                .map(|j| rest[j])
                .collect()
        })
        .finish(set.tagger_prune);
        for i in (0..train.len()).filter(|&i| held(i)) {
            tagger::tag(&t, &tagged[i].0, None, &mut predicted[i]);
        }
        eprintln!("tagged fold {} of {folds}", k + 1);
    }
    let tagger_weights = tagger::train(&tagged, None, set.tagger_epochs, |e| {
        shuffled(train.len(), e)
    })
    .finish(set.first_pass_prune);
    // The second pass learns from the first pass's jackknifed tags.
    let tagger2_weights = tagger::train(&tagged, Some(&predicted), set.tagger_epochs, |e| {
        shuffled(train.len(), e)
    })
    .finish(set.tagger_prune);
    let examples: Vec<Example> = train
        .iter()
        .zip(tagged)
        .zip(predicted)
        .map(|((s, (lex, _)), tags)| Example {
            lex,
            tags,
            heads: s.heads.iter().map(|h| h.unwrap_or(s.words.len())).collect(),
            labels: s.deprels.clone(),
        })
        .collect();
    let parser_weights = parser::train(&examples, set.parser_epochs, |e| {
        shuffled(examples.len(), e)
    })
    .finish(set.parser_prune);
    Model::from_weights(tagger_weights, tagger2_weights, parser_weights)
}

/// Accuracy on a treebank split, with predicted tags.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    /// Words scored.
    pub words: usize,
    /// Of them, not punctuation (gold UPOS other than PUNCT).
    pub words_no_punct: usize,
    /// UPOS tagging accuracy (all words).
    pub upos: f64,
    /// Unlabeled attachment score, all words.
    pub uas: f64,
    /// Labeled attachment score (relations as [`crate::Deprel::from_ud`]
    /// collapses them), all words.
    pub las: f64,
    /// UAS without punctuation.
    pub uas_no_punct: f64,
    /// LAS without punctuation.
    pub las_no_punct: f64,
}

/// Tags and parses every sentence of `gold` with `model` and scores it.
pub fn evaluate(model: &Model, gold: &[GoldSentence]) -> Scores {
    let (mut n, mut np, mut tag, mut u, mut l, mut up, mut lp) = (0, 0, 0, 0, 0, 0, 0);
    let mut state = State::new(0);
    let mut scores = Vec::new();
    let (mut first, mut tags) = (Vec::new(), Vec::new());
    for s in gold {
        let lex = lexed(s);
        tagger::tag_twice(&model.tagger, &model.tagger2, &lex, &mut first, &mut tags);
        let (heads, labels) = parser::parse(&model.parser, &lex, &tags, &mut state, &mut scores);
        for i in 0..s.words.len() {
            let punct = s.tags[i] == Upos::Punct;
            let hu = heads[i] == s.heads[i];
            let hl = hu && labels[i] == s.deprels[i];
            n += 1;
            tag += usize::from(tags[i] == s.tags[i]);
            u += usize::from(hu);
            l += usize::from(hl);
            if !punct {
                np += 1;
                up += usize::from(hu);
                lp += usize::from(hl);
            }
        }
    }
    let r = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    Scores {
        words: n,
        words_no_punct: np,
        upos: r(tag, n),
        uas: r(u, n),
        las: r(l, n),
        uas_no_punct: r(up, np),
        las_no_punct: r(lp, np),
    }
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "words {}: UPOS {:.4}, UAS {:.4}, LAS {:.4} (punctuation included); \
             {} words: UAS {:.4}, LAS {:.4} (punctuation excluded)",
            self.words,
            self.upos,
            self.uas,
            self.las,
            self.words_no_punct,
            self.uas_no_punct,
            self.las_no_punct
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffling_is_a_fixed_permutation() {
        let a = shuffled(100, 3);
        assert_eq!(a, shuffled(100, 3));
        assert_ne!(a, shuffled(100, 4));
        let mut s = a.clone();
        s.sort();
        assert_eq!(s, (0..100).collect::<Vec<_>>());
    }
}
