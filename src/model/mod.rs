//! The plain data of claimmap: documents, spans, places, mentions, sources, claims and the
//! corpus that links them. No IO and no UI here; every other layer reads these types.

mod claim;
mod corpus;
mod document;
mod ids;
mod place;
mod source;
mod span;

pub use claim::Claim;
pub use corpus::{Corpus, CorpusParts};
pub use document::Document;
pub use ids::{ClaimId, DocId, MentionId, PlaceId, SourceId};
pub use place::{LonLat, MentionRole, Place, PlaceChoice, PlaceKind, PlaceMention};
pub use source::{Source, SourceKind};
pub use span::Span;
