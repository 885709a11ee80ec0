//! The flat record of one claim that the CSV, JSON and JSONL exports share, with its
//! provenance (document, code-point offsets, sentence) and its places.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::model::{Claim, Corpus, DocId, PlaceId};
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
}

impl PlaceRef {
    pub fn new(corpus: &Corpus, id: PlaceId) -> PlaceRef {
        let p = corpus.place(id);
        PlaceRef {
            id: id.0,
            name: p.name.clone(),
            kind: p.kind.label().to_string(),
            country: p.country.clone(),
            lat: p.point.map(|x| x.lat),
            lon: p.point.map(|x| x.lon),
            geonameid: p.geonameid,
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
    /// The corpus-wide speaker's stable id string, once entities are resolved.
    pub entity: Option<String>,
    /// The corpus-wide speaker's name.
    pub entity_name: Option<String>,
    pub cue: Option<String>,
    pub content: String,
    /// Code-point offsets of the content in the document text, half-open.
    pub content_start: u32,
    pub content_end: u32,
    pub sentence: String,
    pub hedged: bool,
    pub confidence: f32,
    pub places: Vec<PlaceRef>,
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
        entity: entity.map(|e| e.key.clone()),
        entity_name: entity.map(|e| e.name.clone()),
        cue: claim.cue.map(|s| s.slice(text).to_string()),
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
        places: corpus
            .places_of(claim.id)
            .iter()
            .map(|&p| PlaceRef::new(corpus, p))
            .collect(),
    }
}
