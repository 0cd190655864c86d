//! The sides of the war: Russia, Ukraine, another state, or unknown.

use serde::Serialize;

/// A side of the war, or another state, by ISO 3166-1 alpha-2 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    /// Russia and the forces under its command.
    RU,
    /// Ukraine.
    UA,
    /// Another state (North Korea is `KP`), by ISO code.
    Other([u8; 2]),
    /// Not stated.
    Unknown,
}

impl Side {
    /// The side's code: `RU`, `UA`, an ISO code, or `unknown`.
    pub fn code(self) -> String {
        match self {
            Side::RU => "RU".into(),
            Side::UA => "UA".into(),
            Side::Other(cc) => String::from_utf8_lossy(&cc).into_owned(),
            Side::Unknown => "unknown".into(),
        }
    }

    /// The other side of the war, for Russia and Ukraine.
    pub fn opponent(self) -> Side {
        match self {
            Side::RU | Side::Other(_) => Side::UA,
            Side::UA => Side::RU,
            Side::Unknown => Side::Unknown,
        }
    }
}

impl Serialize for Side {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.code())
    }
}
