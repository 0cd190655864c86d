//! The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta
//! 2011) with the artificial root at the end of the buffer, and its dynamic
//! oracle (Goldberg and Nivre 2013): the cost of each move given the gold
//! tree, so training can follow the parser's own mistakes.
//!
//! Moves: SHIFT (the buffer's first word onto the stack), LEFT-l (the
//! stack's top becomes an `l` dependent of the buffer's first word, popped),
//! RIGHT-l (the stack's top becomes an `l` dependent of the word below it,
//! popped). The root word is the one attached by LEFT to the artificial
//! root, which is allowed only when the stack holds one word: exactly one
//! root per sentence.

use crate::Deprel;

/// A move, encoded as a class number: 0 is SHIFT, `1 + l` is LEFT with
/// relation number `l`, `1 + L + l` is RIGHT (`L` relations).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Push the buffer's first word.
    Shift,
    /// Attach the stack's top to the buffer's first word.
    Left(Deprel),
    /// Attach the stack's top to the word below it.
    Right(Deprel),
}

/// The number of relation classes.
pub fn relations() -> usize {
    Deprel::ALL.len()
}

/// The number of move classes.
pub fn moves() -> usize {
    1 + 2 * relations()
}

impl Move {
    /// The class number.
    pub fn class(self) -> usize {
        match self {
            Move::Shift => 0,
            Move::Left(l) => 1 + l as usize,
            Move::Right(l) => 1 + relations() + l as usize,
        }
    }

    /// The move of a class number.
    pub fn of_class(c: usize) -> Move {
        let l = relations();
        if c == 0 {
            Move::Shift
        } else if c <= l {
            Move::Left(Deprel::ALL[c - 1])
        } else {
            Move::Right(Deprel::ALL[c - 1 - l])
        }
    }
}

/// A parser configuration over `n` words (the root is position `n`).
#[derive(Debug, Clone)]
pub struct State {
    /// The number of words.
    pub n: usize,
    /// The stack, top last.
    pub stack: Vec<usize>,
    /// The buffer's first position (`n` is the root).
    pub b0: usize,
    /// Each word's head (`n` for the root word) once attached.
    pub heads: Vec<Option<usize>>,
    /// Each word's relation once attached.
    pub labels: Vec<Deprel>,
    /// Each word's two leftmost dependents (leftmost first).
    pub lefts: Vec<[Option<usize>; 2]>,
    /// Each word's two rightmost dependents (rightmost first).
    pub rights: Vec<[Option<usize>; 2]>,
    /// Each word's number of left and right dependents.
    pub valency: Vec<[u8; 2]>,
}

impl State {
    /// The initial configuration for `n` words.
    pub fn new(n: usize) -> State {
        let mut s = State {
            n: 0,
            stack: Vec::new(),
            b0: 0,
            heads: Vec::new(),
            labels: Vec::new(),
            lefts: Vec::new(),
            rights: Vec::new(),
            valency: Vec::new(),
        };
        s.reset(n);
        s
    }

    /// Back to the initial configuration for `n` words, keeping buffers.
    pub fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.b0 = 0;
        self.heads.clear();
        self.heads.resize(n + 1, None);
        self.labels.clear();
        self.labels.resize(n + 1, Deprel::Dep);
        self.lefts.clear();
        self.lefts.resize(n + 1, [None, None]);
        self.rights.clear();
        self.rights.resize(n + 1, [None, None]);
        self.valency.clear();
        self.valency.resize(n + 1, [0, 0]);
    }

    /// Whether parsing is over.
    pub fn done(&self) -> bool {
        self.b0 == self.n && self.stack.is_empty()
    }

    /// Whether `m` may be applied (ignoring its relation).
    pub fn valid(&self, m: Move) -> bool {
        match m {
            Move::Shift => self.b0 < self.n,
            Move::Left(l) => {
                !self.stack.is_empty()
                    && if self.b0 == self.n {
                        self.stack.len() == 1 && l == Deprel::Root
                    } else {
                        l != Deprel::Root
                    }
            }
            Move::Right(l) => self.stack.len() >= 2 && l != Deprel::Root,
        }
    }

    fn attach(&mut self, child: usize, head: usize, label: Deprel) {
        self.heads[child] = Some(head);
        self.labels[child] = label;
        if child < head {
            let l = &mut self.lefts[head];
            match l[0] {
                Some(a) if a < child => {
                    if l[1].is_none_or(|b| child < b) {
                        l[1] = Some(child);
                    }
                }
                _ => *l = [Some(child), l[0]],
            }
            self.valency[head][0] = self.valency[head][0].saturating_add(1);
        } else {
            let r = &mut self.rights[head];
            match r[0] {
                Some(a) if a > child => {
                    if r[1].is_none_or(|b| child > b) {
                        r[1] = Some(child);
                    }
                }
                _ => *r = [Some(child), r[0]],
            }
            self.valency[head][1] = self.valency[head][1].saturating_add(1);
        }
    }

    /// Applies `m`, which must be valid.
    pub fn apply(&mut self, m: Move) {
        match m {
            Move::Shift => {
                self.stack.push(self.b0);
                self.b0 += 1;
            }
            Move::Left(l) => {
                if let Some(s0) = self.stack.pop() {
                    self.attach(s0, self.b0, l);
                }
            }
            Move::Right(l) => {
                if let Some(s0) = self.stack.pop() {
                    if let Some(&s1) = self.stack.last() {
                        self.attach(s0, s1, l);
                    }
                }
            }
        }
    }

    /// The cost of the unlabeled moves SHIFT, LEFT, RIGHT: how many gold
    /// arcs each makes unreachable (`None` if the move is not valid).
    /// `gold[i]` is word `i`'s gold head, `n` for the root word.
    pub fn costs(&self, gold: &[usize]) -> [Option<u32>; 3] {
        let n = self.n;
        let s = &self.stack;
        let b = self.b0;
        let mut out = [None; 3];
        if b < n {
            // SHIFT: b0 loses a head in the stack below s0, and every
            // dependent it has in the stack.
            let mut c = 0;
            for (k, &w) in s.iter().enumerate() {
                if gold[w] == b {
                    c += 1;
                }
                if gold[b] == w && k + 1 < s.len() {
                    c += 1;
                }
            }
            out[0] = Some(c);
        }
        if let Some(&s0) = s.last() {
            // Dependents of s0 still in the buffer are lost by both pops.
            let deps = (b..n).filter(|&d| gold[d] == s0).count() as u32;
            let s1 = s.len().checked_sub(2).map(|k| s[k]);
            if b < n || s.len() == 1 {
                // LEFT: s0's head must be b0; a head at s1 or later in
                // the buffer is lost.
                let head_lost =
                    gold[s0] != b && (Some(gold[s0]) == s1 || (gold[s0] > b && gold[s0] <= n));
                out[1] = Some(deps + u32::from(head_lost));
            }
            if let Some(s1) = s1 {
                // RIGHT: s0's head must be s1; a head in the buffer is lost.
                let head_lost = gold[s0] != s1 && gold[s0] >= b && gold[s0] <= n;
                out[2] = Some(deps + u32::from(head_lost));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Follows the oracle's cheapest move on a gold tree and returns heads.
    fn oracle_parse(gold: &[usize]) -> Vec<Option<usize>> {
        let mut st = State::new(gold.len());
        while !st.done() {
            let c = st.costs(gold);
            let (i, _) = c
                .iter()
                .enumerate()
                .filter_map(|(i, c)| c.map(|c| (i, c)))
                .min_by_key(|&(_, c)| c)
                .unwrap();
            let m = match i {
                0 => Move::Shift,
                1 if st.b0 == st.n => Move::Left(Deprel::Root),
                1 => Move::Left(Deprel::Dep),
                _ => Move::Right(Deprel::Dep),
            };
            st.apply(m);
        }
        st.heads[..gold.len()].to_vec()
    }

    #[test]
    fn the_oracle_rebuilds_a_projective_tree() {
        // Russian(0) forces(1) captured(2) the(3) village(4) .(5)
        let gold = [1, 2, 6, 4, 2, 2];
        let heads = oracle_parse(&gold);
        assert_eq!(heads, gold.map(Some));
    }

    #[test]
    fn moves_round_trip_through_classes() {
        for c in 0..moves() {
            assert_eq!(Move::of_class(c).class(), c);
        }
    }

    #[test]
    fn only_one_word_attaches_to_the_root() {
        let mut st = State::new(2);
        st.apply(Move::Shift);
        st.apply(Move::Shift);
        assert!(!st.valid(Move::Left(Deprel::Root)));
        assert!(st.valid(Move::Right(Deprel::Dep)));
    }
}
