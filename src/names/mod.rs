//! How names are compared: normalisation, transliteration, region suffixes
//! and the encoding of the name index.
//!
//! All of it is plain functions over strings, shared by the library and by
//! `build.rs`, which uses them to key the bundled name index.

pub mod keys;
pub mod normalize;
pub mod posting;
pub mod region;
pub mod table;
pub mod translit;

pub use normalize::normalize;
pub use posting::{Kinds, MatchKind};

/// Serialised as its label (`name`, `alternate`, `transliterated`, `region`).
/// Written here, not in `posting.rs`, which `build.rs` compiles without serde.
impl serde::Serialize for MatchKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.label())
    }
}
