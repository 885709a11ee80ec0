//! Attributed claims: the cue lexicon, the attribution patterns that find source, cue and
//! content in a sentence, the resolution of who a source is ("He" → Sergei Shoigu) and what
//! kind of source it is (state media, ministry, expert, unnamed ...).

mod cues;
mod kinds;
pub mod model;
mod packed;
mod patterns;
pub mod ranker;
mod sources;
mod voice;

pub use cues::{CueClass, CueError, CueLexicon};
pub use kinds::{SourceTraits, source_traits};
pub use patterns::{CueSite, RawClaim, Reading, cue_sites, find_claims, quoted_tokens_of};
pub use sources::{PersonName, SourceCluster, cluster_sources, person_names};
