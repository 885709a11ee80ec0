//! After per-document extraction: the dates of documents and claims (per document, run by
//! the pipeline), and across documents the entities (one speaker across articles) and the
//! stories (claims that assert the same thing, with their figures and conflicts). Pure,
//! deterministic passes over a [`Corpus`]: per-document results never depend on the other
//! documents, and corpus results are recomputed whenever the corpus changes, never patched.

pub mod dates;
pub mod entities;
pub mod figures;
pub mod stories;

pub use entities::{Judgements, ResolvedEntity, SourceRef, resolve, resolve_entities};

use crate::model::Corpus;

/// Runs every corpus-wide pass over an extracted (and reviewed) corpus.
pub fn analyse(corpus: &mut Corpus, judgements: &Judgements) {
    resolve_entities(corpus, judgements);
    // stories count speakers by entity: after them
    stories::find_stories(corpus);
}
