//! Typed indices. Each is the position of its item in the owning `Corpus` vector, so a lookup
//! is an index and the types keep a claim id from being used as a place id.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl $name {
            /// The index into the corpus vector this id points at.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

id_type!(
    /// A document of the corpus.
    DocId
);
id_type!(
    /// An attributed claim.
    ClaimId
);
id_type!(
    /// A place on the map (deduplicated over the corpus: one per gazetteer entry).
    PlaceId
);
id_type!(
    /// A source (one per entity per document).
    SourceId
);
id_type!(
    /// One occurrence of a place name in a document.
    MentionId
);
id_type!(
    /// A speaker across the corpus (one or more sources).
    EntityId
);
id_type!(
    /// Claims across the corpus that assert the same thing.
    StoryId
);
