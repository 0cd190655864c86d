//! The part-of-speech tagger: greedy, left to right, one averaged-perceptron
//! decision per word over the 17 UPOS tags. Features after Honnibal (2013):
//! the word, its suffixes, prefixes and shape, its neighbours within two
//! words, and the two tags already chosen. Two passes: the second also
//! reads the tags the first gave the two words after.

use crate::features::{key, Lex};
use crate::weights::{Trainer, Weights};
use crate::Upos;

/// How many features one word has.
pub const FEATURES: usize = 41;

/// The value standing for "no tag" (before the sentence).
const NO_TAG: u64 = 99;

fn tag_value(t: Option<Upos>) -> u64 {
    t.map_or(NO_TAG, |t| t as u64)
}

/// The features of word `i` of `lex`, given the two tags before it and, in
/// the second pass, the first pass's tags (`right`).
pub fn features(
    lex: &[Lex],
    i: usize,
    p1: Option<Upos>,
    p2: Option<Upos>,
    right: Option<&[Upos]>,
) -> [u32; FEATURES] {
    let none = Lex::none();
    let at = |d: isize| -> Lex {
        let j = i as isize + d;
        if j < 0 || j as usize >= lex.len() {
            none
        } else {
            lex[j as usize]
        }
    };
    let (w, m1, m2, p1w, p2w) = (at(0), at(-1), at(-2), at(1), at(2));
    let (t1, t2) = (tag_value(p1), tag_value(p2));
    // The first pass has no tags to the right: a value of its own.
    let r = |d: usize| right.map_or(98, |r| tag_value(r.get(i + d).copied()));
    let (r1, r2) = (r(1), r(2));
    [
        key(0, 0, 0, 0),
        key(1, w.word, 0, 0),
        key(2, w.suffix[0], 0, 0),
        key(3, w.suffix[1], 0, 0),
        key(4, w.suffix[2], 0, 0),
        key(5, w.suffix[3], 0, 0),
        key(6, w.prefix[0], 0, 0),
        key(7, w.prefix[1], 0, 0),
        key(8, w.prefix[2], 0, 0),
        key(9, w.shape, 0, 0),
        key(10, t1, 0, 0),
        key(11, t2, 0, 0),
        key(12, t1, t2, 0),
        key(13, t1, w.word, 0),
        key(14, m1.word, 0, 0),
        key(15, m1.suffix[2], 0, 0),
        key(16, m2.word, 0, 0),
        key(17, p1w.word, 0, 0),
        key(18, p1w.suffix[2], 0, 0),
        key(19, p2w.word, 0, 0),
        key(20, m1.word, w.word, 0),
        key(21, w.word, p1w.word, 0),
        key(22, p1w.shape, 0, 0),
        key(23, i.min(2) as u64, w.shape, 0),
        key(24, t1, w.suffix[2], 0),
        key(25, w.shape, p1w.word, 0),
        key(26, m1.shape, w.shape, 0),
        key(27, t1, p1w.word, 0),
        key(28, p1w.suffix[1], 0, 0),
        key(29, m1.word, w.suffix[2], 0),
        key(30, t2, t1, w.word),
        key(31, w.word, p1w.suffix[2], 0),
        key(32, p2w.suffix[2], 0, 0),
        key(33, w.raw, 0, 0),
        key(34, m1.raw, w.raw, 0),
        key(35, w.raw, p1w.raw, 0),
        key(36, r1, 0, 0),
        key(37, r1, r2, 0),
        key(38, t1, r1, 0),
        key(39, w.word, r1, 0),
        key(40, r(0), 0, 0),
    ]
}

fn best(scores: &[i32]) -> usize {
    let mut b = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[b] {
            b = i;
        }
    }
    b
}

/// Tags a sentence (as [`Lex`] hashes) with the weights `w`; `right` is
/// the first pass's tags when this is the second pass.
pub fn tag(w: &Weights, lex: &[Lex], right: Option<&[Upos]>, out: &mut Vec<Upos>) {
    out.clear();
    let mut scores = [0i32; 17];
    for i in 0..lex.len() {
        let p1 = i.checked_sub(1).map(|j| out[j]);
        let p2 = i.checked_sub(2).map(|j| out[j]);
        w.score(&features(lex, i, p1, p2, right), &mut scores);
        out.push(Upos::ALL[best(&scores)]);
    }
}

/// Tags a sentence with both passes: the first's tags, then the second's
/// reading them (`first` is scratch space).
pub fn tag_twice(
    w1: &Weights,
    w2: &Weights,
    lex: &[Lex],
    first: &mut Vec<Upos>,
    out: &mut Vec<Upos>,
) {
    tag(w1, lex, None, first);
    tag(w2, lex, Some(first), out);
}

/// Trains on `(words as Lex, gold tags)` for `epochs` passes, in the order
/// given by `order(epoch)` (a permutation of the sentence indices); for the
/// second pass, `right[s]` is the first pass's (jackknifed) tags of
/// sentence `s`.
pub fn train(
    sentences: &[(Vec<Lex>, Vec<Upos>)],
    right: Option<&[Vec<Upos>]>,
    epochs: usize,
    order: impl Fn(usize) -> Vec<usize>,
) -> Trainer {
    let mut t = Trainer::new();
    let mut scores = [0f32; 17];
    let mut guessed: Vec<Upos> = Vec::new();
    for epoch in 0..epochs {
        for s in order(epoch) {
            let (lex, gold) = &sentences[s];
            guessed.clear();
            for (i, &truth) in gold.iter().enumerate() {
                // The previous tags are the tagger's own guesses, as at
                // tagging time.
                let p1 = i.checked_sub(1).map(|j| guessed[j]);
                let p2 = i.checked_sub(2).map(|j| guessed[j]);
                let f = features(lex, i, p1, p2, right.map(|r| r[s].as_slice()));
                t.tick();
                t.score(&f, &mut scores);
                let mut g = 0;
                for (c, &s) in scores.iter().enumerate() {
                    if s > scores[g] {
                        g = c;
                    }
                }
                t.update(&f, truth as u8, g as u8);
                guessed.push(Upos::ALL[g]);
            }
        }
    }
    t
}
