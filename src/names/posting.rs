//! How a name is linked to a place in the name index.
//!
//! The bundled index is a hash table from normalised name to a run of postings,
//! built by `build.rs`; each posting is a `u32` holding the place's row in
//! `gazetteer/places.tsv` (low 24 bits) and the set of ways the name matched
//! it (a [`Kinds`] bit set, high 8 bits). This file is also
//! compiled into `build.rs`, so the two sides agree on the encoding.

/// How a name reached a place. Lower is a better match.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MatchKind {
    /// The place's GeoNames name.
    Name = 0,
    /// One of the place's GeoNames alternate names (Latin or Cyrillic),
    /// former names among them (`Artemivsk` for Bakhmut).
    Alternate = 1,
    /// A Latin form generated from a Cyrillic alternate by rule
    /// (`Avdeevka` from `Авдеевка`).
    Transliterated = 2,
    /// An administrative area's name without its region suffix or adjective
    /// ending (`donetsk` for `Donetska Oblast`); only used when the text
    /// wrote a suffix.
    RegionBase = 3,
    /// The Russian form of a Ukrainian place's name, by rule, where GeoNames
    /// lists no Russian name (`Andreevka` for the Andriivka of Bakhmut raion;
    /// by the spelling rules of `src/names/normalize.rs`): as good as an
    /// alternate, since GeoNames lists the Russian forms of most places.
    /// Never stored in the index: found at lookup.
    RussianForm = 4,
    /// A Ukrainian settlement whose name has the consonant skeleton of the
    /// name as written, or one a single edit away, found when no spelling
    /// rule finds anything and only after a place cue
    /// (`crate::gazetteer::skeleton`); scored below every other kind.
    Fuzzy = 5,
}

impl MatchKind {
    /// The kind stored in the top byte of a posting.
    pub fn from_code(code: u8) -> MatchKind {
        match code {
            0 => MatchKind::Name,
            1 => MatchKind::Alternate,
            2 => MatchKind::Transliterated,
            3 => MatchKind::RegionBase,
            5 => MatchKind::Fuzzy,
            _ => MatchKind::RussianForm,
        }
    }

    /// A short lower-case label, as shown by the CLI.
    pub fn label(self) -> &'static str {
        match self {
            MatchKind::Name => "name",
            MatchKind::Alternate => "alternate",
            MatchKind::Transliterated => "transliterated",
            MatchKind::RegionBase => "region",
            MatchKind::RussianForm => "russian_form",
            MatchKind::Fuzzy => "fuzzy",
        }
    }
}

/// The set of ways one name matched one place: a GeoNames alternate that is
/// also the transliteration of one of the place's Cyrillic names is both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Kinds(pub u8);

impl Kinds {
    /// The set holding one kind.
    pub fn of(kind: MatchKind) -> Kinds {
        Kinds(1 << kind as u8)
    }

    /// Both sets together.
    pub fn union(self, other: Kinds) -> Kinds {
        Kinds(self.0 | other.0)
    }

    /// True when the set holds `kind`.
    pub fn contains(self, kind: MatchKind) -> bool {
        self.0 & (1 << kind as u8) != 0
    }

    /// The best (lowest) kind in the set.
    pub fn best(self) -> MatchKind {
        MatchKind::from_code(self.0.trailing_zeros() as u8)
    }
}

/// Packs a place's row and the ways the name matched it into one posting.
pub fn encode(row: u32, kinds: Kinds) -> u32 {
    debug_assert!(row < (1 << 24));
    row | (u32::from(kinds.0) << 24)
}

/// Unpacks a posting into the place's row and the ways the name matched it.
pub fn decode(posting: u32) -> (u32, Kinds) {
    (posting & 0x00FF_FFFF, Kinds((posting >> 24) as u8))
}

/// Packs where a key's postings lie into the name table's value.
// Used by build.rs, which compiles this file in to write the index.
#[allow(dead_code)]
pub fn encode_span(start: u64, len: u64) -> u64 {
    (start << 24) | len
}

/// Unpacks a name table value into (first posting, number of postings).
pub fn decode_span(value: u64) -> (usize, usize) {
    ((value >> 24) as usize, (value & 0xFF_FFFF) as usize)
}
