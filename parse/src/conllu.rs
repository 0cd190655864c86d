//! Reading CoNLL-U treebanks (Universal Dependencies' file format): one
//! word a line, ten tab-separated fields, a blank line between sentences.
//! Multiword-token lines (`1-2`) and empty nodes (`8.1`) are skipped: the
//! parser reads the syntactic words.

use crate::{Deprel, Upos};
use std::fmt;

/// One sentence of a treebank: its words with gold tags and tree.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldSentence {
    /// The sentence's `# sent_id`, or empty.
    pub id: String,
    /// The words (FORM).
    pub words: Vec<String>,
    /// The gold part-of-speech tags (UPOS).
    pub tags: Vec<Upos>,
    /// The gold heads: `None` for the root, else the head's index (0-based).
    pub heads: Vec<Option<usize>>,
    /// The gold relations, collapsed as [`Deprel::from_ud`] does.
    pub deprels: Vec<Deprel>,
}

/// A line of a CoNLL-U file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConlluError {
    /// The 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for ConlluError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ConlluError {}

/// Reads every sentence of a CoNLL-U text.
///
/// ```
/// let text = "# sent_id = s1\n1\tForces\tforce\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n\
///             2\tadvanced\tadvance\tVERB\tVBD\t_\t0\troot\t_\t_\n\n";
/// let sentences = frontline_parse::conllu::read(text).unwrap();
/// assert_eq!(sentences[0].words, ["Forces", "advanced"]);
/// assert_eq!(sentences[0].heads, [Some(1), None]);
/// ```
pub fn read(text: &str) -> Result<Vec<GoldSentence>, ConlluError> {
    let mut out = Vec::new();
    let mut current = empty();
    let mut raw_heads: Vec<(usize, usize)> = Vec::new(); // (head field, line)
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        let err = |message: String| ConlluError {
            line: line_no,
            message,
        };
        if line.trim().is_empty() {
            if !current.words.is_empty() {
                out.push(finish(
                    std::mem::replace(&mut current, empty()),
                    &raw_heads,
                )?);
            }
            raw_heads.clear();
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            if let Some(id) = comment.trim().strip_prefix("sent_id") {
                current.id = id.trim_start_matches([' ', '=']).trim().to_string();
            }
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 10 {
            return Err(err(format!(
                "expected 10 tab-separated fields, found {}",
                fields.len()
            )));
        }
        let id = fields[0];
        if id.contains('-') || id.contains('.') {
            continue; // a multiword token or an empty node
        }
        let index: usize = id
            .parse()
            .map_err(|_| err(format!("field ID: {id:?} is not a word number")))?;
        if index != current.words.len() + 1 {
            return Err(err(format!(
                "field ID: word {index} follows word {}",
                current.words.len()
            )));
        }
        let tag = Upos::from_name(fields[3])
            .ok_or_else(|| err(format!("field UPOS: {:?} is not a UD tag", fields[3])))?;
        let head: usize = fields[6]
            .parse()
            .map_err(|_| err(format!("field HEAD: {:?} is not a number", fields[6])))?;
        current.words.push(fields[1].to_string());
        current.tags.push(tag);
        current.deprels.push(Deprel::from_ud(fields[7]));
        raw_heads.push((head, line_no));
    }
    if !current.words.is_empty() {
        out.push(finish(current, &raw_heads)?);
    }
    Ok(out)
}

fn empty() -> GoldSentence {
    GoldSentence {
        id: String::new(),
        words: Vec::new(),
        tags: Vec::new(),
        heads: Vec::new(),
        deprels: Vec::new(),
    }
}

fn finish(mut s: GoldSentence, raw: &[(usize, usize)]) -> Result<GoldSentence, ConlluError> {
    let n = s.words.len();
    for &(head, line) in raw {
        if head > n {
            return Err(ConlluError {
                line,
                message: format!("field HEAD: {head} is beyond the sentence's {n} words"),
            });
        }
        s.heads.push(head.checked_sub(1));
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiword_tokens_and_empty_nodes_are_skipped() {
        let text = "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
                    1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n\
                    2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n\
                    3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n\
                    3.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t3:conj\t_\n";
        let s = &read(text).unwrap()[0];
        assert_eq!(s.words, ["do", "n't", "go"]);
        assert_eq!(s.heads, [Some(2), Some(2), None]);
        assert_eq!(s.deprels, [Deprel::Aux, Deprel::Advmod, Deprel::Root]);
    }

    #[test]
    fn a_bad_head_is_an_error_naming_the_line_and_field() {
        let text = "# c\n1\tgo\tgo\tVERB\tVB\t_\tx\troot\t_\t_\n";
        let e = read(text).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("HEAD"), "{e}");
        let text = "1\tgo\tgo\tVERB\tVB\t_\t5\troot\t_\t_\n";
        assert_eq!(read(text).unwrap_err().line, 1);
    }

    #[test]
    fn an_unknown_tag_is_an_error() {
        let text = "1\tgo\tgo\tVB\tVB\t_\t0\troot\t_\t_\n";
        assert!(read(text).unwrap_err().message.contains("UPOS"));
    }
}
