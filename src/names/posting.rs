//! How a name is linked to a place in the name index.
//!
//! The bundled index is an FST from normalised name to a run of postings,
//! built by `build.rs`; each posting is a `u32` holding the place's row in
//! `gazetteer/places.tsv` and how the name matched. This file is also
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
}

impl MatchKind {
    /// The kind stored in the top byte of a posting.
    pub fn from_code(code: u8) -> MatchKind {
        match code {
            0 => MatchKind::Name,
            1 => MatchKind::Alternate,
            2 => MatchKind::Transliterated,
            _ => MatchKind::RegionBase,
        }
    }

    /// A short lower-case label, as shown by the CLI.
    pub fn label(self) -> &'static str {
        match self {
            MatchKind::Name => "name",
            MatchKind::Alternate => "alternate",
            MatchKind::Transliterated => "transliterated",
            MatchKind::RegionBase => "region",
        }
    }
}

/// Packs a place's row and the match kind into one posting.
pub fn encode(row: u32, kind: MatchKind) -> u32 {
    debug_assert!(row < (1 << 24));
    row | ((kind as u32) << 24)
}

/// Unpacks a posting into the place's row and the match kind.
pub fn decode(posting: u32) -> (u32, MatchKind) {
    (posting & 0x00FF_FFFF, MatchKind::from_code((posting >> 24) as u8))
}

/// Packs where a key's postings lie into the FST's value.
pub fn encode_span(start: u64, len: u64) -> u64 {
    (start << 24) | len
}

/// Unpacks an FST value into (first posting, number of postings).
pub fn decode_span(value: u64) -> (usize, usize) {
    ((value >> 24) as usize, (value & 0xFF_FFFF) as usize)
}
