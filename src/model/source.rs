//! Who a claim is attributed to.

use serde::{Deserialize, Serialize};

use super::{DocId, EntityId, PlaceId, SourceId, Span};

/// What kind of speaker a source is. Ordered from the most specific institution down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    StateMedia,
    Media,
    Government,
    Ministry,
    Military,
    Expert,
    Organisation,
    Person,
    /// "experts", "officials", "a spokesperson", "sources": no one named.
    Unnamed,
}

impl SourceKind {
    pub const ALL: [SourceKind; 9] = [
        SourceKind::StateMedia,
        SourceKind::Media,
        SourceKind::Government,
        SourceKind::Ministry,
        SourceKind::Military,
        SourceKind::Expert,
        SourceKind::Organisation,
        SourceKind::Person,
        SourceKind::Unnamed,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SourceKind::StateMedia => "state media",
            SourceKind::Media => "media",
            SourceKind::Government => "government",
            SourceKind::Ministry => "ministry or agency",
            SourceKind::Military => "military",
            SourceKind::Expert => "expert",
            SourceKind::Organisation => "organisation",
            SourceKind::Person => "person",
            SourceKind::Unnamed => "unnamed",
        }
    }
}

/// One speaking entity of one document, with every mention of it ("Sergei Shoigu", "He", "Shoigu").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: SourceId,
    pub doc: DocId,
    /// The fullest name the document gives ("Sergei Shoigu").
    pub name: String,
    pub kind: SourceKind,
    /// The country it speaks for, when the text says ("South Korea's foreign ministry").
    pub affiliation: Option<PlaceId>,
    /// An apposition describing it ("a North Korea researcher and former CIA analyst").
    pub description: Option<String>,
    pub mentions: Vec<Span>,
    /// The corpus-wide speaker it is, once entities are resolved.
    pub entity: Option<EntityId>,
}
