//! A part-of-speech tagger and dependency parser for English, small and
//! offline: greedy decisions by averaged perceptrons (Collins 2002), tags
//! left to right as in Honnibal (2013), in two passes (the second reads the
//! first's tags of the words after), trees by arc-hybrid transitions
//! trained with a dynamic oracle (Goldberg and Nivre 2012, 2013). The
//! weights are compiled in: `model/en-ewt.bin`, learnt from Universal
//! Dependencies' English Web Treebank (Silveira et al. 2014, CC BY-SA 4.0),
//! read once on first use.
//!
//! Words in, [`Parse`] out: a [`Upos`] tag, a head and a [`Deprel`] per
//! word. Words are UD's tokens: "n't" and "'s" are words of their own,
//! punctuation too.
//!
//! ```
//! use frontline_parse::{parse, Deprel};
//! let p = parse(&["Russian", "forces", "captured", "the", "village", "."]).unwrap();
//! assert_eq!(p.root(), Some(2));
//! assert_eq!(p.subject(2), Some(1));
//! assert_eq!(p.child(2, Deprel::Obj), Some(4));
//! ```
//!
//! Accuracy on the EWT test split and speed: see the crate's README.

pub mod conllu;
pub mod features;
mod labels;
mod model;
pub mod parser;
pub mod system;
pub mod tagger;
pub mod train;
mod tree;
pub mod weights;

pub use labels::{Deprel, Upos};
pub use model::ModelError;
pub use tree::{Parse, Token};

use features::Lex;
use std::cell::RefCell;
use std::sync::OnceLock;
use system::State;
use weights::Weights;

/// The bundled model's bytes.
static BUNDLED: &[u8] = include_bytes!("../model/en-ewt.bin");

/// A tagger and a parser's weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    tagger: Weights,
    tagger2: Weights,
    parser: Weights,
}

struct Scratch {
    lex: Vec<Lex>,
    first: Vec<Upos>,
    tags: Vec<Upos>,
    state: State,
    scores: Vec<i32>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch {
        lex: Vec::new(),
        first: Vec::new(),
        tags: Vec::new(),
        state: State::new(0),
        scores: Vec::new(),
    });
}

impl Model {
    /// The model compiled into the crate, read on first use.
    ///
    /// ```
    /// let m = frontline_parse::Model::bundled().unwrap();
    /// assert!(m.sizes().1 > 0);
    /// ```
    pub fn bundled() -> Result<&'static Model, &'static ModelError> {
        static MODEL: OnceLock<Result<Model, ModelError>> = OnceLock::new();
        MODEL.get_or_init(|| Model::from_bytes(BUNDLED)).as_ref()
    }

    /// Reads a model file's bytes (see the `model` module for the format).
    ///
    /// ```
    /// assert!(frontline_parse::Model::from_bytes(b"not a model").is_err());
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let (tagger, tagger2, parser) = model::read(bytes)?;
        Ok(Model {
            tagger,
            tagger2,
            parser,
        })
    }

    /// The model as file bytes (what [`Model::from_bytes`] reads).
    ///
    /// ```
    /// let m = frontline_parse::Model::bundled().unwrap();
    /// assert_eq!(&frontline_parse::Model::from_bytes(&m.to_bytes()).unwrap(), m);
    /// ```
    pub fn to_bytes(&self) -> Vec<u8> {
        model::write(&self.tagger, &self.tagger2, &self.parser)
    }

    /// A model from trained weights: the tagger's two passes, the parser.
    pub fn from_weights(tagger: Weights, tagger2: Weights, parser: Weights) -> Model {
        Model {
            tagger,
            tagger2,
            parser,
        }
    }

    /// A copy without the weights below `first`, `second` and `parser` in
    /// the tagger's first pass, its second and the parser (see
    /// [`Weights::pruned`]).
    pub fn pruned(&self, first: f32, second: f32, parser: f32) -> Model {
        Model {
            tagger: self.tagger.pruned(first),
            tagger2: self.tagger2.pruned(second),
            parser: self.parser.pruned(parser),
        }
    }

    /// The number of weights of the tagger (both passes) and of the parser.
    pub fn sizes(&self) -> (usize, usize) {
        (
            self.tagger.weights() + self.tagger2.weights(),
            self.parser.weights(),
        )
    }

    /// Tags `words`.
    ///
    /// ```
    /// use frontline_parse::{Model, Upos};
    /// let tags = Model::bundled().unwrap().tag(&["The", "village", "was", "captured", "."]);
    /// assert_eq!(tags, [Upos::Det, Upos::Noun, Upos::Aux, Upos::Verb, Upos::Punct]);
    /// ```
    pub fn tag(&self, words: &[&str]) -> Vec<Upos> {
        let lex: Vec<Lex> = words.iter().map(|w| Lex::of(w)).collect();
        let (mut first, mut out) = (Vec::new(), Vec::with_capacity(words.len()));
        tagger::tag_twice(&self.tagger, &self.tagger2, &lex, &mut first, &mut out);
        out
    }

    /// Tags and parses `words`.
    ///
    /// ```
    /// use frontline_parse::{Deprel, Model};
    /// let m = Model::bundled().unwrap();
    /// let p = m.parse(&["The", "town", "was", "taken", "by", "Russian", "troops", "."]);
    /// assert_eq!(p.root(), Some(3));
    /// assert_eq!(p.deprel(1), Deprel::NsubjPass);
    /// assert_eq!(p.agent(3), Some(6));
    /// ```
    pub fn parse(&self, words: &[&str]) -> Parse {
        SCRATCH.with(|s| {
            let s = &mut *s.borrow_mut();
            s.lex.clear();
            s.lex.extend(words.iter().map(|w| Lex::of(w)));
            tagger::tag_twice(
                &self.tagger,
                &self.tagger2,
                &s.lex,
                &mut s.first,
                &mut s.tags,
            );
            let (heads, labels) =
                parser::parse(&self.parser, &s.lex, &s.tags, &mut s.state, &mut s.scores);
            Parse::new(
                (0..words.len())
                    .map(|i| Token {
                        upos: s.tags[i],
                        head: heads[i],
                        deprel: labels[i],
                    })
                    .collect(),
            )
        })
    }
}

/// Tags and parses `words` with the bundled model ([`Model::parse`]).
/// Fails only if the bundled model file is damaged.
///
/// ```
/// let p = frontline_parse::parse(&["Ukrainian", "troops", "advanced", "."]).unwrap();
/// assert_eq!(p.subject(2), Some(1));
/// ```
pub fn parse(words: &[&str]) -> Result<Parse, &'static ModelError> {
    Ok(Model::bundled()?.parse(words))
}
