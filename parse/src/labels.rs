//! The tag set (Universal POS tags) and the dependency relations the parser
//! predicts (UD relations, rare subtypes collapsed to their base).

/// A Universal Dependencies part-of-speech tag (UPOS, 17 values).
///
/// ```
/// use frontline_parse::Upos;
/// assert_eq!(Upos::from_name("VERB"), Some(Upos::Verb));
/// assert_eq!(Upos::Verb.name(), "VERB");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Upos {
    /// Adjective.
    Adj,
    /// Adposition (preposition).
    Adp,
    /// Adverb.
    Adv,
    /// Auxiliary verb.
    Aux,
    /// Coordinating conjunction.
    Cconj,
    /// Determiner.
    Det,
    /// Interjection.
    Intj,
    /// Noun.
    Noun,
    /// Numeral.
    Num,
    /// Particle ("to", "not", "'s").
    Part,
    /// Pronoun.
    Pron,
    /// Proper noun.
    Propn,
    /// Punctuation.
    Punct,
    /// Subordinating conjunction.
    Sconj,
    /// Symbol.
    Sym,
    /// Verb.
    Verb,
    /// Other.
    X,
}

impl Upos {
    /// Every tag, in class order (the order of the model's tagger classes).
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// The tag as CoNLL-U writes it ("NOUN").
    pub fn name(self) -> &'static str {
        [
            "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
            "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
        ][self as usize]
    }

    /// The tag named `name` ("NOUN"), if it is one.
    pub fn from_name(name: &str) -> Option<Upos> {
        Upos::ALL.iter().copied().find(|t| t.name() == name)
    }
}

macro_rules! deprels {
    ($($(#[$doc:meta])* $v:ident = $s:literal,)*) => {
        /// A dependency relation: the UD relations, with the subtypes event
        /// reading needs kept (`nsubj:pass`, `obl:agent`, `nmod:poss`,
        /// `aux:pass`, `acl:relcl`, …) and rarer ones collapsed to their base
        /// (`det:predet` → `det`). See [`Deprel::from_ud`].
        ///
        /// ```
        /// use frontline_parse::Deprel;
        /// assert_eq!(Deprel::from_ud("nsubj:pass"), Deprel::NsubjPass);
        /// assert_eq!(Deprel::from_ud("det:predet"), Deprel::Det);
        /// assert_eq!(Deprel::Obj.name(), "obj");
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Deprel {
            $($(#[$doc])* $v,)*
        }

        impl Deprel {
            /// Every relation, in class order.
            pub const ALL: &'static [Deprel] = &[$(Deprel::$v,)*];

            /// The relation as UD writes it ("nsubj:pass").
            pub fn name(self) -> &'static str {
                match self {
                    $(Deprel::$v => $s,)*
                }
            }
        }
    };
}

deprels! {
    /// Clausal modifier of a noun.
    Acl = "acl",
    /// Relative clause.
    AclRelcl = "acl:relcl",
    /// Adverbial clause.
    Advcl = "advcl",
    /// Adverbial modifier (also "not").
    Advmod = "advmod",
    /// Adjectival modifier.
    Amod = "amod",
    /// Apposition.
    Appos = "appos",
    /// Auxiliary.
    Aux = "aux",
    /// Passive auxiliary.
    AuxPass = "aux:pass",
    /// Case marker (preposition, possessive 's).
    Case = "case",
    /// Coordinating conjunction.
    Cc = "cc",
    /// Clausal complement.
    Ccomp = "ccomp",
    /// Compound.
    Compound = "compound",
    /// Phrasal verb particle.
    CompoundPrt = "compound:prt",
    /// Conjunct.
    Conj = "conj",
    /// Copula.
    Cop = "cop",
    /// Clausal subject.
    Csubj = "csubj",
    /// Unspecified dependency.
    Dep = "dep",
    /// Determiner.
    Det = "det",
    /// Discourse element.
    Discourse = "discourse",
    /// Dislocated element.
    Dislocated = "dislocated",
    /// Expletive.
    Expl = "expl",
    /// Fixed multiword expression.
    Fixed = "fixed",
    /// Flat multiword expression (names).
    Flat = "flat",
    /// Part of a word split in two.
    Goeswith = "goeswith",
    /// Indirect object.
    Iobj = "iobj",
    /// List.
    List = "list",
    /// Subordinating marker.
    Mark = "mark",
    /// Nominal modifier.
    Nmod = "nmod",
    /// Descriptive nominal modifier ("President" of "President Bush").
    NmodDesc = "nmod:desc",
    /// Possessive nominal modifier.
    NmodPoss = "nmod:poss",
    /// Nominal modifier without a case marker.
    NmodUnmarked = "nmod:unmarked",
    /// Nominal subject.
    Nsubj = "nsubj",
    /// Passive nominal subject.
    NsubjPass = "nsubj:pass",
    /// Numeric modifier.
    Nummod = "nummod",
    /// Object.
    Obj = "obj",
    /// Oblique nominal.
    Obl = "obl",
    /// Agent of a passive.
    OblAgent = "obl:agent",
    /// Oblique without a case marker ("last week").
    OblUnmarked = "obl:unmarked",
    /// Orphan in an ellipsis.
    Orphan = "orphan",
    /// Parataxis.
    Parataxis = "parataxis",
    /// Punctuation.
    Punct = "punct",
    /// Disfluency.
    Reparandum = "reparandum",
    /// Root of the sentence.
    Root = "root",
    /// Vocative.
    Vocative = "vocative",
    /// Open clausal complement.
    Xcomp = "xcomp",
}

impl Deprel {
    /// The relation a UD label maps to: itself if it is one of
    /// [`Deprel::ALL`], else its base ("det:predet" → `det`), else `dep`.
    pub fn from_ud(label: &str) -> Deprel {
        Deprel::from_name(label)
            .or_else(|| Deprel::from_name(label.split(':').next().unwrap_or(label)))
            .unwrap_or(Deprel::Dep)
    }

    /// The relation named exactly `name`, if it is one.
    pub fn from_name(name: &str) -> Option<Deprel> {
        Deprel::ALL.iter().copied().find(|d| d.name() == name)
    }

    /// Whether the relation is a subject (`nsubj`, `nsubj:pass`, `csubj`).
    pub fn is_subject(self) -> bool {
        matches!(self, Deprel::Nsubj | Deprel::NsubjPass | Deprel::Csubj)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tag_name_round_trips() {
        for t in Upos::ALL {
            assert_eq!(Upos::from_name(t.name()), Some(t));
        }
    }

    #[test]
    fn every_relation_name_round_trips_and_rare_subtypes_collapse() {
        for &d in Deprel::ALL {
            assert_eq!(Deprel::from_ud(d.name()), d);
        }
        assert_eq!(Deprel::from_ud("cc:preconj"), Deprel::Cc);
        assert_eq!(Deprel::from_ud("nsubj:outer"), Deprel::Nsubj);
        assert_eq!(Deprel::from_ud("weird"), Deprel::Dep);
    }

    #[test]
    fn there_are_fewer_than_128_relations_so_moves_fit_a_byte() {
        assert!(Deprel::ALL.len() < 127);
    }
}
