//! # frontline
//!
//! Reads English-language reporting on the war in Ukraine and turns it into
//! map layers. The pipeline, one module per arrow:
//!
//! ```text
//! text ─► mentions ─► resolved places ─► events ─► layers
//!          (names)    (gazetteer, resolve)
//! ```
//!
//! This release provides the foundation: the bundled [`Gazetteer`] (GeoNames,
//! CC BY 4.0) and the name resolver that knows every spelling reporters use.
//!
//! ```
//! use frontline::{Gazetteer, Hints};
//! let gaz = Gazetteer::bundled();
//! let best = &gaz.resolve("Artemovsk", &Hints::default()).unwrap()[0];
//! assert_eq!(best.place.name, "Bakhmut");
//! ```

pub mod error;
pub mod gazetteer;
pub mod geo_util;
pub mod names;
pub mod place;
pub mod resolve;

pub use error::{Error, Result};
pub use gazetteer::{Gazetteer, NameMatch};
pub use names::MatchKind;
pub use place::Place;
pub use resolve::{Candidate, CandidateRecord, Hints, ScoreParts};
