//! The extracted corpus and its links (place → claims, claim → places, source → claims), built
//! once when extraction ends so that no panel ever searches for them per frame.
//!
//! Rejected items (a claim a person rejected, a mention that is not a place) stay in the
//! vectors, so that the decision can be shown, exported on request and undone, but no link
//! leads to them: a place, a source or a document lists only what is still standing.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{
    Claim, ClaimId, Day, DocId, Document, Entity, EntityId, Figure, MentionId, Place, PlaceId,
    PlaceMention, Source, SourceId, Span, Stories, Story, StoryId,
};

/// The raw parts of a corpus, ids already consistent (each id is its item's index).
#[derive(Clone, Debug, Default)]
pub struct CorpusParts {
    pub documents: Vec<Document>,
    pub places: Vec<Place>,
    pub mentions: Vec<PlaceMention>,
    pub sources: Vec<Source>,
    pub claims: Vec<Claim>,
}

/// Documents with their claims, sources and places, and the links between them.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Corpus {
    documents: Vec<Document>,
    places: Vec<Place>,
    mentions: Vec<PlaceMention>,
    sources: Vec<Source>,
    claims: Vec<Claim>,
    /// Speakers across documents; empty until resolved (see `crate::corpus`).
    #[serde(default)]
    entities: Vec<Entity>,
    /// Claims that assert the same thing, figures and conflicts; empty until found (see
    /// `crate::corpus`), and found again rather than stored.
    #[serde(skip)]
    stories: Stories,
    #[serde(skip)]
    links: Links,
}

#[derive(Clone, Debug, Default)]
struct Links {
    place_claims: Vec<Vec<ClaimId>>,
    claim_places: Vec<Vec<PlaceId>>,
    source_claims: Vec<Vec<ClaimId>>,
    doc_claims: Vec<Vec<ClaimId>>,
    doc_mentions: Vec<Vec<MentionId>>,
    /// Places an affiliation points at count as "spoken from", kept apart from "spoken about".
    place_sources: Vec<Vec<SourceId>>,
    entity_claims: Vec<Vec<ClaimId>>,
}

impl Corpus {
    /// Builds the links. Ids must equal positions (as `pipeline::extract` makes them).
    pub fn from_parts(parts: CorpusParts) -> Corpus {
        let mut corpus = Corpus {
            documents: parts.documents,
            places: parts.places,
            mentions: parts.mentions,
            sources: parts.sources,
            claims: parts.claims,
            entities: Vec::new(),
            stories: Stories::default(),
            links: Links::default(),
        };
        corpus.link();
        corpus
    }

    fn link(&mut self) {
        let mut links = Links {
            place_claims: vec![Vec::new(); self.places.len()],
            claim_places: vec![Vec::new(); self.claims.len()],
            source_claims: vec![Vec::new(); self.sources.len()],
            doc_claims: vec![Vec::new(); self.documents.len()],
            doc_mentions: vec![Vec::new(); self.documents.len()],
            place_sources: vec![Vec::new(); self.places.len()],
            entity_claims: vec![Vec::new(); self.entities.len()],
        };
        for place in &mut self.places {
            place.mentions.clear();
        }
        for m in self.mentions.iter().filter(|m| !m.review.is_rejected()) {
            self.places[m.place.index()].mentions.push(m.id);
            links.doc_mentions[m.doc.index()].push(m.id);
        }
        for c in &self.claims {
            let places = &mut links.claim_places[c.id.index()];
            for m in &c.mentions {
                let m = &self.mentions[m.index()];
                if !m.review.is_rejected() && !places.contains(&m.place) {
                    places.push(m.place);
                }
            }
            if c.review.is_rejected() {
                continue;
            }
            links.doc_claims[c.doc.index()].push(c.id);
            if let Some(s) = c.source {
                links.source_claims[s.index()].push(c.id);
                if let Some(list) = self.sources[s.index()]
                    .entity
                    .and_then(|e| links.entity_claims.get_mut(e.index()))
                {
                    list.push(c.id);
                }
            }
            for &p in &links.claim_places[c.id.index()] {
                links.place_claims[p.index()].push(c.id);
            }
        }
        for s in &self.sources {
            if let Some(p) = s.affiliation {
                links.place_sources[p.index()].push(s.id);
            }
        }
        self.links = links;
    }

    /// Takes the corpus apart (to change it and build it again with [`Corpus::from_parts`]).
    pub fn into_parts(self) -> CorpusParts {
        CorpusParts {
            documents: self.documents,
            places: self.places,
            mentions: self.mentions,
            sources: self.sources,
            claims: self.claims,
        }
    }

    /// Installs the corpus-wide speakers: each source learns its entity. Ids must equal
    /// positions, and every source id must be one of this corpus's.
    pub fn set_entities(&mut self, entities: Vec<Entity>) {
        for s in &mut self.sources {
            s.entity = None;
        }
        for e in &entities {
            for &s in &e.sources {
                if let Some(source) = self.sources.get_mut(s.index()) {
                    source.entity = Some(e.id);
                }
            }
        }
        self.entities = entities;
        self.link();
    }

    /// Installs the stories, figures and conflicts. Their tables must be as long as the
    /// corpus's claims and documents (a shorter one reads as empty), and every id one of
    /// this corpus's.
    pub fn set_stories(&mut self, stories: Stories) {
        self.stories = stories;
    }

    /// Whether every id equals its position and every reference and span points inside this
    /// corpus and its documents, the text of document `i` being `texts[i]`: what a corpus read
    /// from a file must be before it is linked, so that a damaged or hand-made file cannot
    /// make claimmap index out of bounds later.
    pub fn is_well_formed(&self, texts: &[&str]) -> bool {
        let span_fits = |doc: DocId, span: Span| {
            texts.get(doc.index()).is_some_and(|t| {
                span.start <= span.end
                    && t.is_char_boundary(span.start as usize)
                    && t.is_char_boundary(span.end as usize)
            })
        };
        let in_range = |i: usize, len: usize| i < len;
        let (docs, places, mentions) =
            (self.documents.len(), self.places.len(), self.mentions.len());
        let (sources, entities) = (self.sources.len(), self.entities.len());
        docs == texts.len()
            && self
                .documents
                .iter()
                .enumerate()
                .all(|(i, d)| d.id.index() == i && d.title_span.is_none_or(|s| span_fits(d.id, s)))
            && self
                .places
                .iter()
                .enumerate()
                .all(|(i, p)| p.id.index() == i)
            && self.mentions.iter().enumerate().all(|(i, m)| {
                m.id.index() == i && in_range(m.place.index(), places) && span_fits(m.doc, m.span)
            })
            && self.sources.iter().enumerate().all(|(i, s)| {
                s.id.index() == i
                    && in_range(s.doc.index(), docs)
                    && s.affiliation.is_none_or(|p| in_range(p.index(), places))
                    && s.entity.is_none_or(|e| in_range(e.index(), entities))
                    && s.mentions.iter().all(|&m| span_fits(s.doc, m))
            })
            && self.claims.iter().enumerate().all(|(i, c)| {
                let spans = [
                    Some(c.content),
                    Some(c.sentence),
                    c.cue,
                    c.source_span,
                    c.channel,
                ];
                c.id.index() == i
                    && spans.into_iter().flatten().all(|s| span_fits(c.doc, s))
                    && c.date
                        .and_then(|d| d.words)
                        .is_none_or(|s| span_fits(c.doc, s))
                    && c.source.is_none_or(|s| in_range(s.index(), sources))
                    && c.mentions.iter().all(|m| in_range(m.index(), mentions))
            })
            && self.entities.iter().enumerate().all(|(i, e)| {
                e.id.index() == i
                    && e.affiliation.is_none_or(|p| in_range(p.index(), places))
                    && e.sources.iter().all(|s| in_range(s.index(), sources))
            })
    }

    /// Rebuilds the links after deserialising (they are not stored).
    pub fn relink(&mut self) {
        self.link();
    }

    /// Appends another corpus, merging places that are the same gazetteer entry.
    pub fn append(&mut self, other: Corpus) {
        self.append_all(vec![other]);
    }

    /// Appends corpora in order, linking once at the end (a workspace loads one corpus per
    /// document). Entities are corpus-wide: the caller resolves them again over the whole.
    pub fn append_all(&mut self, others: Vec<Corpus>) {
        let mut by_key: HashMap<String, PlaceId> =
            self.places.iter().map(|p| (place_key(p), p.id)).collect();
        for other in others {
            self.append_unlinked(other, &mut by_key);
        }
        self.entities.clear();
        self.stories = Stories::default();
        for s in &mut self.sources {
            s.entity = None;
        }
        self.link();
    }

    fn append_unlinked(&mut self, other: Corpus, by_key: &mut HashMap<String, PlaceId>) {
        let doc_base = self.documents.len() as u32;
        let claim_base = self.claims.len() as u32;
        let source_base = self.sources.len() as u32;
        let mention_base = self.mentions.len() as u32;
        let mut place_map = Vec::with_capacity(other.places.len());
        for mut p in other.places {
            let key = place_key(&p);
            let id = *by_key.entry(key).or_insert_with(|| {
                let id = PlaceId(self.places.len() as u32);
                p.id = id;
                self.places.push(p);
                id
            });
            place_map.push(id);
        }
        for mut d in other.documents {
            d.id = DocId(d.id.0 + doc_base);
            self.documents.push(d);
        }
        for mut m in other.mentions {
            m.id = MentionId(m.id.0 + mention_base);
            m.doc = DocId(m.doc.0 + doc_base);
            m.place = place_map[m.place.index()];
            self.mentions.push(m);
        }
        for mut s in other.sources {
            s.id = SourceId(s.id.0 + source_base);
            s.doc = DocId(s.doc.0 + doc_base);
            s.affiliation = s.affiliation.map(|p| place_map[p.index()]);
            self.sources.push(s);
        }
        for mut c in other.claims {
            c.id = ClaimId(c.id.0 + claim_base);
            c.doc = DocId(c.doc.0 + doc_base);
            c.source = c.source.map(|s| SourceId(s.0 + source_base));
            for m in &mut c.mentions {
                *m = MentionId(m.0 + mention_base);
            }
            self.claims.push(c);
        }
    }

    /// Each document with its own mentions, sources, claims and places, ids local to it (as
    /// a workspace stores each document's extraction), in document order. Entities are left
    /// out. One pass over the corpus.
    pub fn split_documents(&self) -> Vec<Corpus> {
        let n = self.documents.len();
        let mut mentions = vec![Vec::new(); n];
        let mut sources = vec![Vec::new(); n];
        let mut claims = vec![Vec::new(); n];
        for m in &self.mentions {
            mentions[m.doc.index()].push(m);
        }
        for s in &self.sources {
            sources[s.doc.index()].push(s);
        }
        for c in &self.claims {
            claims[c.doc.index()].push(c);
        }
        (0..n)
            .map(|d| self.document_corpus(DocId(d as u32), &mentions[d], &sources[d], &claims[d]))
            .collect()
    }

    fn document_corpus(
        &self,
        doc: DocId,
        mentions: &[&PlaceMention],
        sources: &[&Source],
        claims: &[&Claim],
    ) -> Corpus {
        let mut parts = CorpusParts::default();
        let mut d = self.documents[doc.index()].clone();
        d.id = DocId(0);
        parts.documents.push(d);
        let mut place_map: HashMap<PlaceId, PlaceId> = HashMap::new();
        let mut local_place = |p: PlaceId, places: &mut Vec<Place>| {
            *place_map.entry(p).or_insert_with(|| {
                let id = PlaceId(places.len() as u32);
                let mut place = self.places[p.index()].clone();
                place.id = id;
                place.mentions.clear();
                places.push(place);
                id
            })
        };
        let mut mention_map: HashMap<MentionId, MentionId> = HashMap::new();
        for &m in mentions {
            let mut m = m.clone();
            let id = MentionId(parts.mentions.len() as u32);
            mention_map.insert(m.id, id);
            m.id = id;
            m.doc = DocId(0);
            m.place = local_place(m.place, &mut parts.places);
            parts.mentions.push(m);
        }
        let mut source_map: HashMap<SourceId, SourceId> = HashMap::new();
        for &s in sources {
            let mut s = s.clone();
            let id = SourceId(parts.sources.len() as u32);
            source_map.insert(s.id, id);
            s.id = id;
            s.doc = DocId(0);
            s.entity = None;
            s.affiliation = s.affiliation.map(|p| local_place(p, &mut parts.places));
            parts.sources.push(s);
        }
        for &c in claims {
            let mut c = c.clone();
            c.id = ClaimId(parts.claims.len() as u32);
            c.doc = DocId(0);
            c.source = c.source.and_then(|s| source_map.get(&s).copied());
            c.mentions = c
                .mentions
                .iter()
                .filter_map(|m| mention_map.get(m).copied())
                .collect();
            parts.claims.push(c);
        }
        Corpus::from_parts(parts)
    }

    pub fn documents(&self) -> &[Document] {
        &self.documents
    }
    pub fn places(&self) -> &[Place] {
        &self.places
    }
    pub fn mentions(&self) -> &[PlaceMention] {
        &self.mentions
    }
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }
    pub fn claims(&self) -> &[Claim] {
        &self.claims
    }

    pub fn document(&self, id: DocId) -> &Document {
        &self.documents[id.index()]
    }
    pub fn place(&self, id: PlaceId) -> &Place {
        &self.places[id.index()]
    }
    pub fn mention(&self, id: MentionId) -> &PlaceMention {
        &self.mentions[id.index()]
    }
    pub fn source(&self, id: SourceId) -> &Source {
        &self.sources[id.index()]
    }
    pub fn claim(&self, id: ClaimId) -> &Claim {
        &self.claims[id.index()]
    }
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id.index()]
    }
    /// The entity a claim's source is, if resolved.
    pub fn entity_of(&self, claim: &Claim) -> Option<&Entity> {
        let e = self.sources[claim.source?.index()].entity?;
        self.entities.get(e.index())
    }
    /// Claims (not rejected) attributed to any source of an entity.
    pub fn claims_of_entity(&self, entity: EntityId) -> &[ClaimId] {
        &self.links.entity_claims[entity.index()]
    }

    /// Stories, in order of their first claim (empty until found).
    pub fn stories(&self) -> &[Story] {
        &self.stories.stories
    }
    pub fn story(&self, id: StoryId) -> &Story {
        &self.stories.stories[id.index()]
    }
    /// The story a claim is in (none for a rejected claim, or before stories are found).
    pub fn story_of(&self, claim: ClaimId) -> Option<&Story> {
        let s = (*self.stories.claim_story.get(claim.index())?)?;
        self.stories.stories.get(s.index())
    }
    /// The figures of a claim's content, in text order.
    pub fn figures_of(&self, claim: ClaimId) -> &[Figure] {
        self.stories
            .figures
            .get(claim.index())
            .map_or(&[], Vec::as_slice)
    }
    /// The claims whose figures disagree with this claim's, in corpus order.
    pub fn conflicts_of(&self, claim: ClaimId) -> &[ClaimId] {
        self.stories
            .conflicts
            .get(claim.index())
            .map_or(&[], Vec::as_slice)
    }
    /// The earlier document this one reprints, if it is a reprint.
    pub fn reprint_of(&self, doc: DocId) -> Option<DocId> {
        *self.stories.reprint_of.get(doc.index())?
    }

    /// Claims (not rejected) whose content mentions the place.
    pub fn claims_about(&self, place: PlaceId) -> &[ClaimId] {
        &self.links.place_claims[place.index()]
    }
    /// Distinct places a claim's content mentions, in text order (for a rejected claim too).
    pub fn places_of(&self, claim: ClaimId) -> &[PlaceId] {
        &self.links.claim_places[claim.index()]
    }
    /// Claims attributed to a source.
    pub fn claims_by(&self, source: SourceId) -> &[ClaimId] {
        &self.links.source_claims[source.index()]
    }
    /// Claims of a document, in text order.
    pub fn claims_in(&self, doc: DocId) -> &[ClaimId] {
        &self.links.doc_claims[doc.index()]
    }
    /// Place mentions of a document, in text order.
    pub fn mentions_in(&self, doc: DocId) -> &[MentionId] {
        &self.links.doc_mentions[doc.index()]
    }
    /// Sources whose affiliation is this place (who speaks from there).
    pub fn sources_from(&self, place: PlaceId) -> &[SourceId] {
        &self.links.place_sources[place.index()]
    }

    /// The source's name for a claim, or "unattributed".
    pub fn source_name(&self, claim: &Claim) -> &str {
        claim
            .source
            .map(|s| self.sources[s.index()].name.as_str())
            .unwrap_or("unattributed")
    }

    /// Who says a claim: its speaker's name across the corpus, else its source's, else
    /// "unattributed".
    pub fn speaker(&self, claim: &Claim) -> &str {
        match self.entity_of(claim) {
            Some(e) => &e.name,
            None => self.source_name(claim),
        }
    }

    /// When a claim was made: its own date, else its document's.
    pub fn day_of(&self, claim: &Claim) -> Option<Day> {
        claim
            .date
            .map(|d| d.day)
            .or(self.documents[claim.doc.index()].published)
    }

    pub fn is_empty(&self) -> bool {
        self.documents.is_empty()
    }
}

fn place_key(p: &Place) -> String {
    match p.geonameid {
        Some(g) => format!("g{g}"),
        None => format!(
            "{}|{}|{:?}",
            p.kind.label(),
            p.name,
            p.point.map(|x| (x.lon as f32, x.lat as f32))
        ),
    }
}
