//! An attribution: a source, a cue and a content.

use serde::{Deserialize, Serialize};

use super::{ClaimDate, ClaimId, DocId, MentionId, Review, SourceId, Span};

/// "Sergei Shoigu ... announced the agreement": who (source), how (cue), what (content).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub id: ClaimId,
    pub doc: DocId,
    /// The source as written here ("He", "Experts"); `None` when the text names no one.
    pub source_span: Option<Span>,
    /// "said", "according to", "estimate"; `None` for a bare hedge such as "reportedly".
    pub cue: Option<Span>,
    pub content: Span,
    /// Where it was said ("in a statement", "on his Facebook page"), kept out of the content.
    #[serde(default)]
    pub channel: Option<Span>,
    /// The sentence (or sentences, for a quote) holding the claim.
    pub sentence: Span,
    /// The resolved speaker ("He" → Sergei Shoigu).
    pub source: Option<SourceId>,
    /// Place mentions inside the content.
    pub mentions: Vec<MentionId>,
    /// "experts estimate", "reportedly", "allegedly": the writer keeps a distance.
    pub is_hedged: bool,
    /// 0..=1.
    pub confidence: f32,
    /// When what it reports happened, as its sentence or its document says.
    pub date: Option<ClaimDate>,
    /// What a person made of it.
    pub review: Review,
}
