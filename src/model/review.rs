//! What a person made of a machine reading: the review state that every claim and place
//! mention carries, and that every export writes.

use serde::{Deserialize, Serialize};

/// The review state of a claim or a place mention.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Review {
    /// As the extractor found it; nobody has looked.
    #[default]
    Machine,
    /// A person checked it and agrees.
    Confirmed,
    /// A person changed it (its source, cue, content, or the place a mention names).
    Edited,
    /// A person added it: the extractor missed it.
    Added,
    /// A person rejected it (a claim that is none, a mention that is not a place). Kept so
    /// that the decision can be shown and undone; left out of exports by default.
    Rejected,
}

impl Review {
    pub fn label(self) -> &'static str {
        match self {
            Review::Machine => "machine",
            Review::Confirmed => "confirmed",
            Review::Edited => "edited",
            Review::Added => "added",
            Review::Rejected => "rejected",
        }
    }

    /// A person has looked at it and kept it.
    pub fn is_reviewed(self) -> bool {
        matches!(self, Review::Confirmed | Review::Edited | Review::Added)
    }

    pub fn is_rejected(self) -> bool {
        self == Review::Rejected
    }
}
