//! A parsed sentence and the questions event reading asks of it: a word's
//! dependents, the chain of words governing it, its subject.

use crate::{Deprel, Upos};

/// One word of a parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Its part of speech.
    pub upos: Upos,
    /// Its head's index in the sentence, `None` for the root.
    pub head: Option<usize>,
    /// Its relation to the head ([`Deprel::Root`] for the root).
    pub deprel: Deprel,
}

/// A sentence's tags and dependency tree, one [`Token`] per word given to
/// [`crate::parse`], in order.
///
/// ```
/// use frontline_parse::{Deprel, Parse, Token, Upos};
/// // "forces advanced": a hand-built tree.
/// let p = Parse::new(vec![
///     Token { upos: Upos::Noun, head: Some(1), deprel: Deprel::Nsubj },
///     Token { upos: Upos::Verb, head: None, deprel: Deprel::Root },
/// ]);
/// assert_eq!(p.root(), Some(1));
/// assert_eq!(p.subject(1), Some(0));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parse {
    tokens: Vec<Token>,
}

impl Parse {
    /// A parse from its tokens (heads out of range read as no head).
    pub fn new(tokens: Vec<Token>) -> Parse {
        Parse { tokens }
    }

    /// The tokens, one per word.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether the sentence had no words.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Word `i`'s head, if it has one in the sentence.
    pub fn head(&self, i: usize) -> Option<usize> {
        self.tokens
            .get(i)?
            .head
            .filter(|&h| h < self.tokens.len() && h != i)
    }

    /// Word `i`'s relation to its head ([`Deprel::Dep`] out of range).
    pub fn deprel(&self, i: usize) -> Deprel {
        self.tokens.get(i).map_or(Deprel::Dep, |t| t.deprel)
    }

    /// The first word without a head.
    pub fn root(&self) -> Option<usize> {
        (0..self.len()).find(|&i| self.head(i).is_none())
    }

    /// Word `i`'s dependents, left to right.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.len()).filter(move |&j| self.head(j) == Some(i))
    }

    /// Word `i`'s first dependent in relation `rel`.
    pub fn child(&self, i: usize, rel: Deprel) -> Option<usize> {
        self.children(i).find(|&j| self.deprel(j) == rel)
    }

    /// The words governing `i`, nearest first, up to the root (stops on a
    /// cycle, which a hand-built parse could hold).
    ///
    /// ```
    /// use frontline_parse::{Deprel, Parse, Token, Upos};
    /// let t = |head, deprel| Token { upos: Upos::Verb, head, deprel };
    /// // tried(0) to(1) capture(2): capture ← tried.
    /// let p = Parse::new(vec![
    ///     t(None, Deprel::Root),
    ///     t(Some(2), Deprel::Mark),
    ///     t(Some(0), Deprel::Xcomp),
    /// ]);
    /// assert_eq!(p.governors(2).collect::<Vec<_>>(), [0]);
    /// ```
    pub fn governors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut at = Some(i);
        let mut steps = 0;
        std::iter::from_fn(move || {
            if steps >= self.len() {
                return None;
            }
            steps += 1;
            at = at.and_then(|k| self.head(k));
            at
        })
    }

    /// Word `i`'s subject: its `nsubj`/`nsubj:pass`/`csubj` dependent;
    /// failing that, for an open complement or a conjunct ("troops tried
    /// to capture" → capture's subject is troops; "captured and held" →
    /// held's subject is captured's), the subject of the word it hangs on.
    pub fn subject(&self, i: usize) -> Option<usize> {
        let mut at = i;
        for _ in 0..self.len() {
            if let Some(s) = self.children(at).find(|&j| self.deprel(j).is_subject()) {
                return Some(s);
            }
            match self.deprel(at) {
                Deprel::Xcomp | Deprel::Conj => at = self.head(at)?,
                _ => return None,
            }
        }
        None
    }

    /// The agent of a passive verb `i` (its `obl:agent` dependent: "taken
    /// by Russian troops" → troops).
    pub fn agent(&self, i: usize) -> Option<usize> {
        self.child(i, Deprel::OblAgent)
    }

    /// Whether verb `i` is passive (has an `aux:pass` or `nsubj:pass`).
    pub fn is_passive(&self, i: usize) -> bool {
        self.children(i)
            .any(|j| matches!(self.deprel(j), Deprel::AuxPass | Deprel::NsubjPass))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(head: Option<usize>, deprel: Deprel) -> Token {
        Token {
            upos: Upos::Verb,
            head,
            deprel,
        }
    }

    #[test]
    fn a_controlled_verb_takes_the_subject_of_its_governor() {
        // troops(0) tried(1) to(2) capture(3)
        let p = Parse::new(vec![
            t(Some(1), Deprel::Nsubj),
            t(None, Deprel::Root),
            t(Some(3), Deprel::Mark),
            t(Some(1), Deprel::Xcomp),
        ]);
        assert_eq!(p.subject(3), Some(0));
        assert_eq!(p.subject(2), None);
    }

    #[test]
    fn a_cycle_does_not_loop_forever() {
        let p = Parse::new(vec![t(Some(1), Deprel::Conj), t(Some(0), Deprel::Conj)]);
        assert!(p.governors(0).count() <= 2);
        assert_eq!(p.subject(0), None);
        assert_eq!(p.root(), None);
    }

    #[test]
    fn heads_out_of_range_read_as_none() {
        let p = Parse::new(vec![t(Some(7), Deprel::Dep)]);
        assert_eq!(p.head(0), None);
        assert_eq!(p.root(), Some(0));
    }
}
