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

pub mod article;
pub mod context;
pub mod document;
pub mod error;
pub mod eval;
pub mod extract;
pub mod gazetteer;
pub mod geo_util;
pub mod layer;
pub mod lexicon;
pub mod names;
pub mod output;
pub mod place;
pub mod recognize;
pub mod resolve;
pub mod text;

pub use article::{Article, ArticleMeta};
pub use context::{Resolution, ResolvedMention};
pub use error::{Error, Result};
pub use extract::{extract, Extraction};
pub use gazetteer::{Gazetteer, NameMatch};
pub use names::MatchKind;
pub use place::Place;
pub use resolve::{Candidate, CandidateRecord, Hints, ScoreParts};
