//! The plain data of claimmap: documents, spans, places, mentions, sources, claims and the
//! corpus that links them. No IO and no UI here; every other layer reads these types.

mod claim;
mod corpus;
mod date;
mod document;
mod entity;
mod ids;
mod place;
mod review;
mod source;
mod span;

pub use claim::Claim;
pub use corpus::{Corpus, CorpusParts};
pub use date::{ClaimDate, DateOrigin, DatePrecision, Day, DayError, Weekday};
pub use document::Document;
pub use entity::Entity;
pub use ids::{ClaimId, DocId, EntityId, MentionId, PlaceId, SourceId};
pub use place::{LonLat, MentionRole, Place, PlaceChoice, PlaceKind, PlaceMention};
pub use review::Review;
pub use source::{Source, SourceKind};
pub use span::Span;
