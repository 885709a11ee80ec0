//! # claimmap
//!
//! Who claims what, about where. claimmap reads news articles, finds every attributed claim
//! (source, cue, content: "Sergei Shoigu ... announced", "according to Russian state media")
//! and every place mentioned (Pyongyang, "the Kursk region", "North Korean" → North Korea),
//! resolves the places against an offline GeoNames/Natural Earth gazetteer and links each
//! claim to its source and its places.
//!
//! The core (`model`, `text`, `geo`, `claims`, `pipeline`, `corpus`, `input`, `export`,
//! `workspace`) has no UI and
//! serves the CLI, the desktop app (`app`, `ui`, feature `gui`) and the tests alike.
//!
//! ```
//! use claimmap::model::Document;
//! use claimmap::pipeline::{extract, Resources};
//!
//! let res = Resources::bundled()?;
//! let doc = Document::new("note", "Ukrainian officials said Russian troops shelled Kharkiv.");
//! let corpus = extract(&res, vec![doc]).corpus;
//! let claim = &corpus.claims()[0];
//! let places: Vec<&str> = corpus.places_of(claim.id).iter().map(|&p| corpus.place(p).name.as_str()).collect();
//! assert_eq!(places, ["Russia", "Kharkiv"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod claims;
pub mod cli;
pub mod corpus;
pub mod export;
pub mod geo;
pub mod input;
pub mod model;
pub mod pipeline;
pub mod text;
pub mod workspace;

#[cfg(feature = "gui")]
pub mod app;
#[cfg(feature = "gui")]
pub mod ui;

/// The sample article the app opens by default (`assets/sample/`).
pub const SAMPLE_ARTICLE: &str = include_str!("../assets/sample/000_e9035b24404bf71a.txt");
/// Its file name.
pub const SAMPLE_NAME: &str = "000_e9035b24404bf71a.txt";
