//! # frontline
//!
//! Reads English-language reporting on the war in Ukraine and turns it into
//! map layers. The pipeline, one module per arrow:
//!
//! ```text
//! text ─► words ─► mentions ─► resolved places ─► events ─► layers
//!  document  doc    recognize    resolve, context    event    layer
//!           lexicon              gazetteer, names
//!
//! events of many articles (+ a baseline) ─► control timeline ─► front line
//!                                            control              front
//! ```
//!
//! [`extract()`](crate::extract()) runs it for one article; spelled out, it is:
//!
//! ```
//! use frontline::{context, doc::Doc, document::{Document, Format}, event, layer, recognize, Gazetteer};
//!
//! let gaz = Gazetteer::bundled();
//! let input = Document::new("Russian forces partially occupied the village of Novooleksandrivka, near Avdiivka.", Format::Text);
//! let words = Doc::new(input.text());                                  // text → words
//! let mentions = recognize::find_mentions(&gaz, &words);               // → mentions
//! let places = context::resolve_mentions(&gaz, &mentions, |b| input.input_offset(b)); // → resolved places
//! assert_eq!(places[0].resolution.as_ref().unwrap().place.geonameid, 9112926);
//! let events = event::find_events(&words, &places, None);              // → events
//! assert_eq!(events[0].place.geonameid, 9112926);
//!
//! // → layers: the same through the one-call API.
//! let found = frontline::extract(&gaz, &frontline::Article::new(input.text()));
//! let geojson = layer::mentions_layer(&found).to_string();
//! assert!(geojson.contains("\"geonameid\":9112926"));
//! ```
//!
//! Over many articles, [`control`] keeps who holds which settlement since
//! when, and [`front`] draws the line between the sides on a day:
//!
//! ```
//! use frontline::{control::TimelineBuilder, front::{FrontMap, FrontOptions}, Article, Gazetteer};
//!
//! let gaz = Gazetteer::bundled();
//! let article = Article::new("Russian forces captured Bakhmut. Ukrainian forces recaptured Ivanivske.")
//!     .with_published("2024-06-20").unwrap();
//! let mut timeline = TimelineBuilder::new();
//! timeline.add_extraction(&gaz, &frontline::extract(&gaz, &article));
//! let timeline = timeline.build();
//! let map = FrontMap::at(&timeline, "2024-06-21".parse().unwrap(), &FrontOptions::default());
//! assert_eq!(map.control.len(), 2);
//! ```
//!
//! Articles come as plain text, Markdown or HTML ([`document`]), one by
//! one, as JSON Lines or as RSS and Atom feeds ([`batch`], [`feed`]), dated
//! by a date or a timestamp ([`published`]).
//!
//! The gazetteer is derived from GeoNames (www.geonames.org), CC BY 4.0. It
//! is compiled in with the cargo feature `bundled-gazetteer` (on by
//! default); without it, [`Gazetteer::from_path`] reads the same data from
//! a file.

#![warn(missing_docs)]

mod action;
pub mod article;
pub mod batch;
pub mod context;
pub mod control;
pub mod doc;
pub mod document;
pub mod error;
pub mod eval;
pub mod event;
pub mod extract;
pub mod feed;
pub mod front;
pub mod gazetteer;
pub mod geo_util;
mod html_entities;
pub mod in_memory;
pub mod layer;
pub(crate) mod lexicon;
pub(crate) mod names;
pub mod output;
pub mod place;
pub mod published;
pub mod qgis;
pub mod recognize;
pub mod render;
pub mod resolve;
mod resolved;
mod score;
mod side;
pub(crate) mod text;
pub(crate) mod theatre;

/// The geometry types of the layers' coordinates ([`geo::Point`]), re-exported so that
/// a user of the crate needs no version of their own.
pub use geo;
/// The GeoJSON types the layers are written with, re-exported likewise.
pub use geojson;

pub use article::{Article, ArticleMeta};
pub use error::{Error, Result};
pub use event::{Action, Certainty, Event, Extent, Side};
pub use extract::{extract, extract_to, Depth, Extraction};
pub use gazetteer::{Gazetteer, NameMatch};
pub use layer::{Layer, LayerKind};
pub use names::MatchKind;
pub use place::Place;
pub use resolve::{Candidate, CandidateRecord, Hints, ScoreParts};
pub use resolved::{Resolution, ResolvedMention};
