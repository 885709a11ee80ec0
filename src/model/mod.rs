//! The plain data of claimmap: documents, spans, places, mentions, sources, claims, the
//! corpus that links them, and what the corpus passes find (entities, stories, figures).
//! No IO and no UI here; every other layer reads these types.

mod claim;
mod corpus;
mod date;
mod document;
mod entity;
mod figure;
mod ids;
mod place;
mod review;
mod source;
mod span;
mod story;

pub use claim::Claim;
pub use corpus::{Corpus, CorpusParts};
pub use date::{ClaimDate, DateOrigin, DatePrecision, Day, DayError, Weekday};
pub use document::Document;
pub use entity::Entity;
pub use figure::{Figure, Qualifier};
pub use ids::{ClaimId, DocId, EntityId, MentionId, PlaceId, SourceId, StoryId};
pub use place::{LonLat, MentionRole, Place, PlaceChoice, PlaceKind, PlaceMention};
pub use review::Review;
pub use source::{Source, SourceKind};
pub use span::Span;
pub use story::{Stories, Story};
