//! JSON: `{documents, sources, places, claims}` with the links written out (a place lists its
//! claims, a claim its places and source), so one file answers "who claims what, where".

use std::io::Write;

use serde::{Deserialize, Serialize};

use super::record::{ClaimRecord, Offsets, claim_record};
use super::{ExportError, ExportSet, Exporter};
use crate::model::{Corpus, DateOrigin, Day};

pub struct Json;

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonDocument {
    pub key: String,
    pub title: String,
    pub origin: Option<String>,
    /// As given.
    pub date: Option<String>,
    /// The publication date ("YYYY-MM-DD") and where it came from.
    pub published: Option<Day>,
    pub published_from: Option<DateOrigin>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonSource {
    pub id: u32,
    pub document: String,
    pub name: String,
    pub kind: String,
    pub description: Option<String>,
    pub affiliation: Option<String>,
    pub mentions: Vec<String>,
    pub claims: Vec<u32>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonPlace {
    pub id: u32,
    pub name: String,
    pub kind: String,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonameid: Option<u32>,
    pub mentions: usize,
    pub claims: Vec<u32>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonClaim {
    #[serde(flatten)]
    pub record: ClaimRecord,
    pub source_id: Option<u32>,
}

/// The whole JSON export.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonExport {
    pub documents: Vec<JsonDocument>,
    pub sources: Vec<JsonSource>,
    pub places: Vec<JsonPlace>,
    pub claims: Vec<JsonClaim>,
}

impl Exporter for Json {
    fn name(&self) -> &'static str {
        "JSON"
    }
    fn extension(&self) -> &'static str {
        "json"
    }

    fn write(
        &self,
        corpus: &Corpus,
        set: &ExportSet,
        out: &mut dyn Write,
    ) -> Result<(), ExportError> {
        let mut sorted = set.clone();
        sorted.claims.sort_unstable();
        let set = &sorted;
        let included = |c: &u32| set.claims.binary_search(&crate::model::ClaimId(*c)).is_ok();
        let mut offsets = Offsets::default();
        let claims: Vec<JsonClaim> = set
            .claims
            .iter()
            .map(|&id| {
                let c = corpus.claim(id);
                JsonClaim {
                    record: claim_record(corpus, c, &mut offsets),
                    source_id: c.source.map(|s| s.0),
                }
            })
            .collect();
        let mut source_ids: Vec<u32> = claims.iter().filter_map(|c| c.source_id).collect();
        source_ids.sort_unstable();
        source_ids.dedup();
        let sources = source_ids
            .iter()
            .map(|&s| {
                let src = corpus.source(crate::model::SourceId(s));
                let text = &corpus.document(src.doc).text;
                JsonSource {
                    id: s,
                    document: corpus.document(src.doc).key.clone(),
                    name: src.name.clone(),
                    kind: src.kind.label().to_string(),
                    description: src.description.clone(),
                    affiliation: src.affiliation.map(|p| corpus.place(p).name.clone()),
                    mentions: src
                        .mentions
                        .iter()
                        .map(|m| m.slice(text).to_string())
                        .collect(),
                    claims: corpus
                        .claims_by(src.id)
                        .iter()
                        .map(|c| c.0)
                        .filter(|c| included(c))
                        .collect(),
                }
            })
            .collect();
        let places = set
            .places
            .iter()
            .map(|&p| {
                let place = corpus.place(p);
                JsonPlace {
                    id: p.0,
                    name: place.name.clone(),
                    kind: place.kind.label().to_string(),
                    country: place.country.clone(),
                    lat: place.point.map(|x| x.lat),
                    lon: place.point.map(|x| x.lon),
                    geonameid: place.geonameid,
                    mentions: place.mentions.len(),
                    claims: corpus
                        .claims_about(p)
                        .iter()
                        .map(|c| c.0)
                        .filter(|c| included(c))
                        .collect(),
                }
            })
            .collect();
        let mut doc_ids: Vec<_> = set.claims.iter().map(|&c| corpus.claim(c).doc).collect();
        doc_ids.extend(set.places.iter().flat_map(|&p| {
            corpus
                .place(p)
                .mentions
                .iter()
                .map(|&m| corpus.mention(m).doc)
        }));
        doc_ids.sort_unstable();
        doc_ids.dedup();
        let documents = doc_ids
            .iter()
            .map(|&d| {
                let doc = corpus.document(d);
                JsonDocument {
                    key: doc.key.clone(),
                    title: doc.title.clone(),
                    origin: doc.origin.as_ref().map(|p| p.display().to_string()),
                    date: doc.date.clone(),
                    published: doc.published,
                    published_from: doc.published_from,
                }
            })
            .collect();
        let export = JsonExport {
            documents,
            sources,
            places,
            claims,
        };
        serde_json::to_writer_pretty(&mut *out, &export)
            .map_err(|e| ExportError::Encode(e.to_string()))?;
        out.write_all(b"\n")?;
        Ok(())
    }
}
