//! Speakers across the corpus: one entity for every per-document source that is the same
//! person, organisation, government body or outlet ("Sergei Shoigu" in one article, "Shoigu"
//! and "Mr. Shoigu" in others).

use serde::{Deserialize, Serialize};

use super::{EntityId, PlaceId, SourceId, SourceKind};

/// One speaker across the corpus.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: EntityId,
    /// A stable id string: the same entity gets the same key in another run or corpus.
    pub key: String,
    /// The fullest name its sources give.
    pub name: String,
    pub kind: SourceKind,
    /// The country it speaks for, when its sources say.
    pub affiliation: Option<PlaceId>,
    /// Names as written, distinct, most frequent first.
    pub aliases: Vec<String>,
    /// Its per-document sources, in corpus order.
    pub sources: Vec<SourceId>,
}
