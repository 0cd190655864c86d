//! The sides of the war: Russia, Ukraine, another state, or unknown.

use serde::{Deserialize, Serialize};

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

/// Reads a side back from its [`code`](Side::code): `RU`, `UA`, `unknown`,
/// or another state's two capital letters.
///
/// ```
/// use frontline::Side;
/// assert_eq!("UA".parse::<Side>(), Ok(Side::UA));
/// assert_eq!("KP".parse::<Side>(), Ok(Side::Other(*b"KP")));
/// assert_eq!("unknown".parse::<Side>(), Ok(Side::Unknown));
/// assert!("Russia".parse::<Side>().is_err());
/// ```
impl std::str::FromStr for Side {
    type Err = String;

    fn from_str(code: &str) -> Result<Side, String> {
        match code {
            "RU" => Ok(Side::RU),
            "UA" => Ok(Side::UA),
            "unknown" => Ok(Side::Unknown),
            _ => match code.as_bytes() {
                &[a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => {
                    Ok(Side::Other([a, b]))
                }
                _ => Err(format!(
                    "{code:?} is no side: RU, UA, unknown or a two-letter country code"
                )),
            },
        }
    }
}

impl<'de> Deserialize<'de> for Side {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Side, D::Error> {
        let code = String::deserialize(d)?;
        code.parse().map_err(serde::de::Error::custom)
    }
}
