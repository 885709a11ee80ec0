//! Stories: the claims across a corpus that assert the same thing ("North Korea sent
//! 10,000 troops to Kursk", in twelve outlets and three paraphrases), with who says it, how
//! many independent origins that makes, when, and the figures that disagree. Found by
//! `corpus::stories`; every claim that stands is in exactly one story, most in a story of
//! their own.

use serde::{Deserialize, Serialize};

use super::{ClaimId, Day, DocId, EntityId, Figure, StoryId};

/// Claims that assert the same thing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub id: StoryId,
    /// A stable id string ("story-3f9a0c12d4e5"): the same story gets the same key in
    /// another run, and in another corpus that holds the claim it is named after.
    pub key: String,
    /// Its claims, in corpus order.
    pub claims: Vec<ClaimId>,
    /// The claim most like the others, to show as the story's assertion.
    pub lead: ClaimId,
    /// The documents its claims are in, in corpus order.
    pub documents: Vec<DocId>,
    /// The speakers who say it, in order of their first claim.
    pub entities: Vec<EntityId>,
    /// How many sources say it: distinct speakers, an anonymous or unattributed one counted
    /// once per document.
    pub sources: u32,
    /// How many independent origins: reprints of one article count once, and so does an
    /// agency's report ("Reuters", "Yonhap") in several outlets.
    pub origins: u32,
    /// The first and last date of its claims (a claim's own date, else its document's).
    pub first: Option<Day>,
    pub last: Option<Day>,
    /// Some of its claims have figures that disagree with another claim's, in this story or
    /// in another one about the same count.
    pub is_contested: bool,
    /// Stories that say the opposite about the same thing (a denial, an opposite verb).
    pub disputed_by: Vec<StoryId>,
}

/// Everything the story pass found, installed at once with `Corpus::set_stories`. The
/// per-claim and per-document tables are indexed by id and as long as the corpus's claims
/// and documents.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stories {
    /// In order of their first claim.
    pub stories: Vec<Story>,
    /// The story of each claim; `None` for a rejected claim.
    pub claim_story: Vec<Option<StoryId>>,
    /// The figures of each claim's content, in text order.
    pub figures: Vec<Vec<Figure>>,
    /// For each claim, the claims whose figures disagree with its own, in corpus order.
    pub conflicts: Vec<Vec<ClaimId>>,
    /// For each document, the earlier document it reprints (shares most of its text with).
    pub reprint_of: Vec<Option<DocId>>,
}
