//! The dependency parser: greedy arc-hybrid transitions, each chosen by an
//! averaged perceptron over move classes (SHIFT, LEFT-l, RIGHT-l), with the
//! feature templates of Zhang and Nivre (2011) that the arc-hybrid system
//! can read: words, tags and dependents of the stack's three top words and
//! the buffer's first three, distance and valency. Trained with the
//! dynamic oracle of [`crate::system`] (Goldberg and Nivre 2012), following
//! its own predictions after the first epoch.

use crate::features::{key, Lex};
use crate::system::{moves, Move, State};
use crate::weights::{Trainer, Weights};
use crate::{Deprel, Upos};

/// How many features one configuration has.
pub const FEATURES: usize = 74;

const NONE: u64 = 99;
const ROOT: u64 = 98;

/// What the features read: the sentence's words and tags, and scratch space.
pub struct Context<'a> {
    /// The words' hashes.
    pub lex: &'a [Lex],
    /// The words' tags.
    pub tags: &'a [Upos],
}

struct Slot {
    w: u64,
    t: u64,
    sfx: u64,
}

impl Context<'_> {
    fn slot(&self, i: Option<usize>) -> Slot {
        match i {
            Some(i) if i < self.lex.len() => Slot {
                w: self.lex[i].word,
                t: self.tags[i] as u64,
                sfx: self.lex[i].suffix[2],
            },
            Some(_) => {
                let r = Lex::root();
                Slot {
                    w: r.word,
                    t: ROOT,
                    sfx: r.word,
                }
            }
            None => {
                let r = Lex::none();
                Slot {
                    w: r.word,
                    t: NONE,
                    sfx: r.word,
                }
            }
        }
    }
}

fn label(st: &State, i: Option<usize>) -> u64 {
    i.map_or(NONE, |i| 200 + st.labels[i] as u64)
}

fn distance(a: Option<usize>, b: usize) -> u64 {
    match a {
        None => 0,
        Some(a) => match b.saturating_sub(a) {
            d @ 0..=4 => d as u64,
            5..=7 => 5,
            _ => 6,
        },
    }
}

/// The features of configuration `st`.
pub fn features(cx: &Context<'_>, st: &State) -> [u32; FEATURES] {
    let s = &st.stack;
    let at = |k: usize| s.len().checked_sub(k + 1).map(|j| s[j]);
    let (s0i, s1i, s2i) = (at(0), at(1), at(2));
    let b = st.b0;
    let n0i = Some(b);
    let n1i = (b < st.n).then_some(b + 1);
    let n2i = (b + 1 < st.n).then_some(b + 2);
    let (s0, s1, s2) = (cx.slot(s0i), cx.slot(s1i), cx.slot(s2i));
    let (n0, n1, n2) = (cx.slot(n0i), cx.slot(n1i), cx.slot(n2i));
    let left = |i: Option<usize>, k: usize| i.and_then(|i| st.lefts[i][k]);
    let right = |i: Option<usize>, k: usize| i.and_then(|i| st.rights[i][k]);
    let (s0l1, s0l2, s0r1, s0r2) = (left(s0i, 0), left(s0i, 1), right(s0i, 0), right(s0i, 1));
    let (n0l1, n0l2, s1r1, s1l1) = (left(n0i, 0), left(n0i, 1), right(s1i, 0), left(s1i, 0));
    let (a, bb, c, d) = (cx.slot(s0l1), cx.slot(s0l2), cx.slot(s0r1), cx.slot(s0r2));
    let (e, f, g, h) = (cx.slot(n0l1), cx.slot(n0l2), cx.slot(s1r1), cx.slot(s1l1));
    let dist = distance(s0i, b);
    let v = |i: Option<usize>, k: usize| i.map_or(NONE, |i| u64::from(st.valency[i][k]));
    let (s0vl, s0vr, n0vl) = (v(s0i, 0), v(s0i, 1), v(n0i, 0));
    [
        key(1, s0.w, 0, 0),
        key(2, s0.t, 0, 0),
        key(3, s0.w, s0.t, 0),
        key(4, s1.w, 0, 0),
        key(5, s1.t, 0, 0),
        key(6, s1.w, s1.t, 0),
        key(7, n0.w, 0, 0),
        key(8, n0.t, 0, 0),
        key(9, n0.w, n0.t, 0),
        key(10, n1.w, 0, 0),
        key(11, n1.t, 0, 0),
        key(12, n1.w, n1.t, 0),
        key(13, n2.w, 0, 0),
        key(14, n2.t, 0, 0),
        key(15, s2.t, 0, 0),
        key(16, s0.w, n0.w, 0),
        key(17, s0.w, s0.t, n0.t),
        key(18, s0.t, n0.w, n0.t),
        key(19, s0.w, n0.t, 0),
        key(20, s0.t, n0.w, 0),
        key(21, s0.t, n0.t, 0),
        key(22, n0.t, n1.t, 0),
        key(23, n0.t, n1.t, n2.t),
        key(24, s0.t, n0.t, n1.t),
        key(25, s1.t, s0.t, n0.t),
        key(26, s1.t, s0.t, 0),
        key(27, s1.w, s0.w, 0),
        key(28, s2.t, s1.t, s0.t),
        key(29, dist, s0.w, 0),
        key(30, dist, s0.t, 0),
        key(31, dist, n0.w, 0),
        key(32, dist, n0.t, 0),
        key(33, dist, s0.t, n0.t),
        key(34, s0.w, s0vr, 0),
        key(35, s0.t, s0vr, 0),
        key(36, s0.w, s0vl, 0),
        key(37, s0.t, s0vl, 0),
        key(38, n0.w, n0vl, 0),
        key(39, n0.t, n0vl, 0),
        key(40, a.t, 0, 0),
        key(41, label(st, s0l1), 0, 0),
        key(42, c.t, 0, 0),
        key(43, label(st, s0r1), 0, 0),
        key(44, bb.t, 0, 0),
        key(45, label(st, s0l2), 0, 0),
        key(46, d.t, 0, 0),
        key(47, label(st, s0r2), 0, 0),
        key(48, e.t, 0, 0),
        key(49, label(st, n0l1), 0, 0),
        key(50, f.t, 0, 0),
        key(51, label(st, n0l2), 0, 0),
        key(52, g.t, label(st, s1r1), 0),
        key(53, h.t, label(st, s1l1), 0),
        key(54, s0.t, a.t, bb.t),
        key(55, s0.t, c.t, d.t),
        key(56, n0.t, e.t, f.t),
        key(57, s0.t, label(st, s0l1), label(st, s0r1)),
        key(58, n0.t, label(st, n0l1), label(st, n0l2)),
        key(59, s0.t, n0.t, e.t),
        key(60, s0.t, c.t, n0.t),
        key(61, a.w, s0.t, 0),
        key(62, c.w, s0.t, 0),
        key(63, e.w, n0.t, 0),
        key(64, s0.sfx, n0.t, 0),
        key(65, n0.sfx, s0.t, 0),
        key(66, s1.t, g.t, s0.t),
        key(67, key(0, s0.w, s0.t, 0).into(), n0.w, n0.t),
        key(68, s0.t, a.t, n0.t),
        key(69, n0.w, n1.w, 0),
        key(70, n0.w, n1.t, 0),
        key(71, s1.w, s0.t, 0),
        key(72, s1.t, s0.w, 0),
        key(73, s0.w, n0.w, n0.t),
        key(74, s1.t, s0.t, h.t),
    ]
}

/// The highest-scoring valid move.
fn best_valid(st: &State, scores: &[i32]) -> Move {
    let mut best: Option<(i32, Move)> = None;
    for (c, &s) in scores.iter().enumerate() {
        let m = Move::of_class(c);
        if st.valid(m) && best.is_none_or(|(bs, _)| s > bs) {
            best = Some((s, m));
        }
    }
    // A non-final configuration always has a valid move (SHIFT while the
    // buffer has words, LEFT-root or RIGHT after); SHIFT is the fallback
    // that keeps the loop finite if it had none.
    best.map_or(Move::Shift, |(_, m)| m)
}

/// Parses a tagged sentence; `heads[i]` is `None` for the root.
pub fn parse(
    w: &Weights,
    lex: &[Lex],
    tags: &[Upos],
    st: &mut State,
    scores: &mut Vec<i32>,
) -> (Vec<Option<usize>>, Vec<Deprel>) {
    let n = lex.len();
    st.reset(n);
    scores.resize(moves(), 0);
    let cx = Context { lex, tags };
    // Each word is shifted once and popped once: 2n moves.
    for _ in 0..2 * n + 1 {
        if st.done() {
            break;
        }
        w.score(&features(&cx, st), scores);
        let m = best_valid(st, scores);
        if !st.valid(m) {
            break;
        }
        st.apply(m);
    }
    let heads = (0..n)
        .map(|i| st.heads[i].filter(|&h| h < n))
        .collect::<Vec<_>>();
    let labels = (0..n)
        .map(|i| {
            if st.heads[i] == Some(n) {
                Deprel::Root
            } else {
                st.labels[i]
            }
        })
        .collect();
    (heads, labels)
}

/// One training sentence: hashes, predicted tags, gold heads (`n` for the
/// root word) and gold relations.
pub struct Example {
    /// The words' hashes.
    pub lex: Vec<Lex>,
    /// The tags the tagger predicts (jackknifed), as at parsing time.
    pub tags: Vec<Upos>,
    /// Gold heads, `n` for the root word.
    pub heads: Vec<usize>,
    /// Gold relations.
    pub labels: Vec<Deprel>,
}

/// Trains the parser for `epochs` passes in the order `order(epoch)`.
pub fn train(examples: &[Example], epochs: usize, order: impl Fn(usize) -> Vec<usize>) -> Trainer {
    let mut t = Trainer::new();
    let mut scores = vec![0f32; moves()];
    let mut st = State::new(0);
    for epoch in 0..epochs {
        let mut wrong = 0usize;
        let mut total = 0usize;
        for s in order(epoch) {
            let ex = &examples[s];
            let n = ex.lex.len();
            st.reset(n);
            let cx = Context {
                lex: &ex.lex,
                tags: &ex.tags,
            };
            while !st.done() {
                let f = features(&cx, &st);
                t.tick();
                t.score(&f, &mut scores);
                let costs = st.costs(&ex.heads);
                let min = costs.iter().flatten().min().copied().unwrap_or(0);
                let s0 = st.stack.last().copied();
                let s1 = st.stack.len().checked_sub(2).map(|k| st.stack[k]);
                // The best-scoring valid move, and the best-scoring one of
                // least cost (with the gold relation when its arc is gold).
                let mut guess: Option<(f32, Move)> = None;
                let mut gold: Option<(f32, Move)> = None;
                for (c, &sc) in scores.iter().enumerate() {
                    let m = Move::of_class(c);
                    if !st.valid(m) {
                        continue;
                    }
                    if guess.is_none_or(|(b, _)| sc > b) {
                        guess = Some((sc, m));
                    }
                    let (kind, lab) = match m {
                        Move::Shift => (0, None),
                        Move::Left(l) => (1, Some(l)),
                        Move::Right(l) => (2, Some(l)),
                    };
                    if costs[kind] != Some(min) {
                        continue;
                    }
                    if let (Some(l), Some(s0)) = (lab, s0) {
                        let head = if kind == 1 { Some(st.b0) } else { s1 };
                        // LEFT onto the root has one relation, root.
                        let gold_arc = head == Some(ex.heads[s0]) && !(kind == 1 && st.b0 == n);
                        if gold_arc && l != ex.labels[s0] {
                            continue;
                        }
                    }
                    if gold.is_none_or(|(b, _)| sc > b) {
                        gold = Some((sc, m));
                    }
                }
                let (Some((_, guess)), Some((_, best_gold))) = (guess, gold) else {
                    break;
                };
                total += 1;
                if guess != best_gold {
                    wrong += 1;
                }
                t.update(&f, best_gold.class() as u8, guess.class() as u8);
                // Follow the oracle in the first epoch, the model after.
                st.apply(if epoch == 0 { best_gold } else { guess });
            }
        }
        eprintln!(
            "parser epoch {}: {:.4} of moves wrong",
            epoch + 1,
            wrong as f64 / total.max(1) as f64
        );
    }
    t
}
