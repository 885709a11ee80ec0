//! The flat record of one claim that the CSV, JSON and JSONL exports share, with its
//! provenance (document, code-point offsets, sentence), its places, its dates, its story and
//! its figures.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::model::{
    Claim, Corpus, DatePrecision, Day, DocId, Figure, MentionId, PlaceId, PlaceMention, Review,
};
use crate::text::CodePoints;

/// A place as listed with a claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceRef {
    pub id: u32,
    pub name: String,
    pub kind: String,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonameid: Option<u32>,
    /// `machine`, `confirmed`, `edited` or `added`: what a person made of the mentions.
    pub review: String,
}

impl PlaceRef {
    /// The place as a claim lists it: its review is that of the claim's mentions of it.
    pub fn new(corpus: &Corpus, id: PlaceId, mentions: &[MentionId]) -> PlaceRef {
        let p = corpus.place(id);
        let review = place_review(
            mentions
                .iter()
                .map(|&m| corpus.mention(m))
                .filter(|m| m.place == id),
        );
        PlaceRef {
            id: id.0,
            name: p.name.clone(),
            kind: p.kind.label().to_string(),
            country: p.country.clone(),
            lat: p.point.map(|x| x.lat),
            lon: p.point.map(|x| x.lon),
            geonameid: p.geonameid,
            review: review.label().to_string(),
        }
    }
}

/// The review of a place from its mentions: the strongest human decision among those
/// standing (added, then edited, then confirmed), else `machine`; `rejected` when every
/// mention was rejected.
pub fn place_review<'a>(mentions: impl Iterator<Item = &'a PlaceMention>) -> Review {
    let rank = |r: Review| match r {
        Review::Added => 4,
        Review::Edited => 3,
        Review::Confirmed => 2,
        Review::Machine => 1,
        Review::Rejected => 0,
    };
    mentions
        .map(|m| m.review)
        .max_by_key(|&r| rank(r))
        .unwrap_or(Review::Machine)
}

/// A figure as listed with a claim: "roughly 12,000 North Korean soldiers" is
/// `{"value": 12000, "unit": "soldiers", "qualifier": "about", "text": "roughly 12,000 North
/// Korean soldiers"}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FigureRecord {
    /// The number (the low end of a range; 1000 for "thousands of").
    pub value: f64,
    /// The high end of a range ("10,000 to 12,000"); left out otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    /// What it counts: the noun as written ("soldiers"), a currency code ("USD") or "%".
    pub unit: Option<String>,
    /// "exactly", "about", "nearly", "at least", "more than", "up to", "less than",
    /// "between" or "several"; null for a bare number.
    pub qualifier: Option<String>,
    /// The figure's words in the text.
    pub text: String,
}

impl FigureRecord {
    pub fn new(figure: &Figure, text: &str) -> FigureRecord {
        FigureRecord {
            value: figure.value,
            high: figure.high,
            unit: figure.unit.clone(),
            qualifier: figure.qualifier.map(|q| q.label().to_string()),
            text: figure
                .span
                .slice(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        }
    }
}

/// One claim with everything a reader of the export needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord {
    pub id: u32,
    /// The document's key (file name or JSONL id).
    pub document: String,
    /// The source as the text writes it here ("He").
    pub source_as_written: Option<String>,
    /// Who that is ("Sergei Shoigu").
    pub source: Option<String>,
    pub source_kind: Option<String>,
    pub source_description: Option<String>,
    pub source_affiliation: Option<String>,
    pub cue: Option<String>,
    /// Where it was said ("in a statement", "on his Facebook page").
    pub channel: Option<String>,
    pub content: String,
    /// Code-point offsets of the content in the document text, half-open.
    pub content_start: u32,
    pub content_end: u32,
    pub sentence: String,
    pub hedged: bool,
    pub confidence: f32,
    /// `machine`, `confirmed`, `edited`, `added` or (when asked for) `rejected`.
    pub review: String,
    pub places: Vec<PlaceRef>,
    /// The corpus-wide speaker's stable key ("person:sergei-shoigu"), when resolved.
    pub entity: Option<String>,
    /// Its name ("Sergei Shoigu").
    pub entity_name: Option<String>,
    /// The document's publication date ("YYYY-MM-DD"), when known.
    pub document_date: Option<Day>,
    /// When what the claim reports happened: "YYYY-MM-DD", "YYYY-MM" or "YYYY" (a week is
    /// written as its Monday).
    pub date: Option<String>,
    pub date_precision: Option<DatePrecision>,
    /// The date words as the sentence writes them ("on Tuesday", "last week").
    pub date_words: Option<String>,
    /// The stable key of the story the claim is in: the claims across the corpus that
    /// assert the same thing ("story-3f9a0c12d4e5").
    #[serde(default)]
    pub story: Option<String>,
    /// How many sources say it (distinct speakers; an anonymous one counted per document).
    #[serde(default)]
    pub story_sources: Option<u32>,
    /// How many independent origins that is (reprints and one agency's copies count once).
    #[serde(default)]
    pub story_origins: Option<u32>,
    /// The numbers of its content, with what they count.
    #[serde(default)]
    pub figures: Vec<FigureRecord>,
    /// The ids of the claims whose figures disagree with this one's.
    #[serde(default)]
    pub conflicts: Vec<u32>,
}

/// Code-point tables per document, built on first use.
#[derive(Default)]
pub struct Offsets {
    tables: HashMap<DocId, CodePoints>,
}

impl Offsets {
    pub fn char_offset(&mut self, corpus: &Corpus, doc: DocId, byte: u32) -> u32 {
        self.tables
            .entry(doc)
            .or_insert_with(|| CodePoints::new(&corpus.document(doc).text))
            .to_char(byte)
    }
}

/// The record of a claim.
pub fn claim_record(corpus: &Corpus, claim: &Claim, offsets: &mut Offsets) -> ClaimRecord {
    let text = &corpus.document(claim.doc).text;
    let source = claim.source.map(|s| corpus.source(s));
    let entity = corpus.entity_of(claim);
    let story = corpus.story_of(claim.id);
    ClaimRecord {
        id: claim.id.0,
        document: corpus.document(claim.doc).key.clone(),
        source_as_written: claim.source_span.map(|s| s.slice(text).to_string()),
        source: source.map(|s| s.name.clone()),
        source_kind: source.map(|s| s.kind.label().to_string()),
        source_description: source.and_then(|s| s.description.clone()),
        source_affiliation: source
            .and_then(|s| s.affiliation)
            .map(|p| corpus.place(p).name.clone()),
        cue: claim.cue.map(|s| s.slice(text).to_string()),
        channel: claim.channel.map(|s| s.slice(text).to_string()),
        content: claim.content.slice(text).to_string(),
        content_start: offsets.char_offset(corpus, claim.doc, claim.content.start),
        content_end: offsets.char_offset(corpus, claim.doc, claim.content.end),
        sentence: claim
            .sentence
            .slice(text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        hedged: claim.is_hedged,
        confidence: claim.confidence,
        review: claim.review.label().to_string(),
        places: corpus
            .places_of(claim.id)
            .iter()
            .map(|&p| PlaceRef::new(corpus, p, &claim.mentions))
            .collect(),
        entity: entity.map(|e| e.key.clone()),
        entity_name: entity.map(|e| e.name.clone()),
        document_date: corpus.document(claim.doc).published,
        date: claim.date.map(|d| d.value()),
        date_precision: claim.date.map(|d| d.precision),
        date_words: claim
            .date
            .and_then(|d| d.words)
            .map(|w| w.slice(text).to_string()),
        story: story.map(|s| s.key.clone()),
        story_sources: story.map(|s| s.sources),
        story_origins: story.map(|s| s.origins),
        figures: corpus
            .figures_of(claim.id)
            .iter()
            .map(|f| FigureRecord::new(f, text))
            .collect(),
        conflicts: corpus.conflicts_of(claim.id).iter().map(|c| c.0).collect(),
    }
}
