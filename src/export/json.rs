//! JSON: `{documents, sources, entities, places, stories, claims}` with the links written out
//! (a place lists its claims, a claim its places, source, entity and story), so one file
//! answers "who claims what, where, and who else says so".

use std::collections::HashMap;
use std::io::Write;

use serde::{Deserialize, Serialize};

use super::record::{ClaimRecord, Offsets, claim_record, place_review};
use super::{ExportError, ExportSet, Exporter};
use crate::model::{ClaimId, Corpus, DateOrigin, Day, DocId, EntityId};

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
    /// The key of the entity it is across documents.
    pub entity: Option<String>,
}

/// A speaker across documents, with what it said in this export.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonEntity {
    pub key: String,
    pub name: String,
    pub kind: String,
    /// The country it speaks for.
    pub affiliation: Option<String>,
    /// Its names as written, most frequent first.
    pub aliases: Vec<String>,
    /// Its claims in this export.
    pub claims: usize,
    /// The documents of those claims.
    pub documents: usize,
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
    /// What a person made of its mentions (see `place_review`).
    pub review: String,
    pub claims: Vec<u32>,
}

/// A story told by more than one claim of the export.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonStory {
    pub key: String,
    /// Its claims in this export.
    pub claims: Vec<u32>,
    /// The claim that states it best.
    pub lead: u32,
    /// Sources and independent origins across the corpus.
    pub sources: u32,
    pub origins: u32,
    pub first: Option<Day>,
    pub last: Option<Day>,
    pub contested: bool,
    /// The keys of the stories that say the opposite.
    pub disputed_by: Vec<String>,
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
    /// The entities of the exported claims, in corpus order.
    pub entities: Vec<JsonEntity>,
    pub places: Vec<JsonPlace>,
    /// The stories told by more than one exported claim, in corpus order.
    #[serde(default)]
    pub stories: Vec<JsonStory>,
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
                    entity: src.entity.map(|e| corpus.entity(e).key.clone()),
                }
            })
            .collect();
        let entities = entities(corpus, &set.claims);
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
                    review: place_review(place_mentions(corpus, p)).label().to_string(),
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
            entities,
            places,
            stories: stories(corpus, &set.claims),
            claims,
        };
        serde_json::to_writer_pretty(&mut *out, &export)
            .map_err(|e| ExportError::Encode(e.to_string()))?;
        out.write_all(b"\n")?;
        Ok(())
    }
}

/// The mentions of a place, standing ones if it has any, else the rejected ones (a place
/// listed only because `--include-rejected` asked for it).
fn place_mentions(
    corpus: &Corpus,
    place: crate::model::PlaceId,
) -> Box<dyn Iterator<Item = &crate::model::PlaceMention> + '_> {
    let standing = &corpus.place(place).mentions;
    if standing.is_empty() {
        Box::new(corpus.mentions().iter().filter(move |m| m.place == place))
    } else {
        Box::new(standing.iter().map(|&m| corpus.mention(m)))
    }
}

/// The stories of `claims` (sorted) with more than one of them.
fn stories(corpus: &Corpus, claims: &[ClaimId]) -> Vec<JsonStory> {
    let mut of_story: Vec<Vec<u32>> = vec![Vec::new(); corpus.stories().len()];
    for &c in claims {
        if let Some(s) = corpus.story_of(c) {
            of_story[s.id.index()].push(c.0);
        }
    }
    corpus
        .stories()
        .iter()
        .zip(of_story)
        .filter(|(_, claims)| claims.len() > 1)
        .map(|(s, claims)| JsonStory {
            key: s.key.clone(),
            lead: if claims.contains(&s.lead.0) {
                s.lead.0
            } else {
                claims[0]
            },
            claims,
            sources: s.sources,
            origins: s.origins,
            first: s.first,
            last: s.last,
            contested: s.is_contested,
            disputed_by: s
                .disputed_by
                .iter()
                .map(|&d| corpus.story(d).key.clone())
                .collect(),
        })
        .collect()
}

/// The entities of `claims` (sorted), each with its claims and documents among them.
fn entities(corpus: &Corpus, claims: &[ClaimId]) -> Vec<JsonEntity> {
    let mut tally: Vec<(EntityId, usize, Vec<DocId>)> = Vec::new();
    let mut slot: HashMap<EntityId, usize> = HashMap::new();
    for &c in claims {
        let claim = corpus.claim(c);
        let Some(e) = corpus.entity_of(claim) else {
            continue;
        };
        let i = *slot.entry(e.id).or_insert_with(|| {
            tally.push((e.id, 0, Vec::new()));
            tally.len() - 1
        });
        tally[i].1 += 1;
        tally[i].2.push(claim.doc);
    }
    tally.sort_unstable_by_key(|t| t.0);
    tally
        .into_iter()
        .map(|(id, claims, mut docs)| {
            let e = corpus.entity(id);
            docs.sort_unstable();
            docs.dedup();
            JsonEntity {
                key: e.key.clone(),
                name: e.name.clone(),
                kind: e.kind.label().to_string(),
                affiliation: e.affiliation.map(|p| corpus.place(p).name.clone()),
                aliases: e.aliases.clone(),
                claims,
                documents: docs.len(),
            }
        })
        .collect()
}
