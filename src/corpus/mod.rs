//! After per-document extraction: the dates of documents and claims (per document, run by
//! the pipeline), and across documents the entities (one speaker across articles). Pure,
//! deterministic passes over a [`Corpus`]: per-document results never depend on the other
//! documents, and corpus results are recomputed whenever the corpus changes, never patched.

pub mod dates;
pub mod entities;

pub use entities::{Judgements, ResolvedEntity, SourceRef, resolve, resolve_entities};

use crate::model::Corpus;

/// Runs every corpus-wide pass over an extracted (and reviewed) corpus.
pub fn analyse(corpus: &mut Corpus, judgements: &Judgements) {
    resolve_entities(corpus, judgements);
}
