//! The one way from documents to a corpus, for the CLI, the GUI and the tests alike:
//! tokens and sentences, places (recognise, resolve), claims (patterns, sources, kinds), then
//! the corpus with its links. A document that cannot be processed becomes a warning and the
//! batch goes on.

use crate::text::WordList;
use std::collections::HashMap;

use crate::claims::model::CueModel;
use crate::claims::ranker::Ranker;
use crate::claims::{self, CueLexicon, RawClaim, SourceTraits};
use crate::geo::{self, GazId, Gazetteer, WordLexicon};
use crate::model::{
    Claim, ClaimId, Corpus, CorpusParts, DocId, Document, LonLat, MentionId, MentionRole, Place,
    PlaceChoice, PlaceId, PlaceKind, PlaceMention, Review, Source, SourceId, Span,
};
use crate::text::{Sentence, Token, split_sentences, tokenize};

/// The extractor's version, stored with every extraction a workspace keeps: a workspace made
/// by another version is extracted again when opened, and its review replayed. Change it
/// whenever the extraction of some text changes.
pub const EXTRACTOR_VERSION: &str = "claimmap-extractor 2026.12.2";

/// Everything extraction reads, loaded once.
pub struct Resources {
    pub gazetteer: Gazetteer,
    pub lexicon: WordLexicon,
    pub cues: CueLexicon,
    pub cue_model: CueModel,
    pub content_ranker: Ranker,
}

#[derive(Debug, thiserror::Error)]
pub enum ResourceError {
    #[error(transparent)]
    Gazetteer(#[from] geo::GazetteerError),
    #[error(transparent)]
    Cues(#[from] claims::CueError),
    #[error(transparent)]
    CueModel(#[from] claims::model::ModelError),
}

impl Resources {
    /// The resources compiled into claimmap.
    pub fn bundled() -> Result<Resources, ResourceError> {
        Ok(Resources {
            gazetteer: Gazetteer::bundled()?,
            lexicon: WordLexicon::bundled(),
            cues: CueLexicon::bundled()?,
            cue_model: CueModel::bundled()?,
            content_ranker: Ranker::bundled()?,
        })
    }
}

/// A problem with one document (or one input) that did not stop the batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The document's key or the input's path.
    pub subject: String,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.subject, self.message)
    }
}

/// What extraction produced.
#[derive(Debug, Default)]
pub struct Extraction {
    pub corpus: Corpus,
    pub warnings: Vec<Warning>,
}

/// One document's places and claims, before they join the corpus.
#[derive(Debug, Default)]
pub struct DocumentAnalysis {
    pub places: Vec<FoundPlace>,
    /// Named features the article gives no place for ("Holy Redeemer Church" in a story with
    /// no city): listed as not on the map rather than dropped.
    pub unplaced: Vec<Span>,
    pub claims: Vec<RawClaim>,
    /// Per claim, its source cluster.
    pub claim_sources: Vec<Option<usize>>,
    pub sources: Vec<FoundSource>,
}

/// A resolved place mention of one document.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundPlace {
    pub span: Span,
    pub place: GazId,
    pub role: MentionRole,
    pub confidence: f32,
    pub alternatives: Vec<GazId>,
    /// A named feature the gazetteer does not hold ("Royal Street", "Holy Redeemer Church"),
    /// put at `place`: the city named inside it or the city the article is about.
    pub is_feature: bool,
}

/// A source entity of one document.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundSource {
    pub name: String,
    pub traits: SourceTraits,
    pub description: Option<String>,
    pub mentions: Vec<Span>,
    /// The country the source speaks for.
    pub affiliation: Option<GazId>,
}

/// Words after a place that make it the topic of an expert, not the expert's country
/// ("a North Korea researcher").
static TOPIC_HEADS: WordList = WordList::new(&[
    "researcher",
    "expert",
    "analyst",
    "scholar",
    "specialist",
    "watcher",
    "correspondent",
    "observer",
    "historian",
    "reporter",
    "hawk",
    "envoy",
]);

/// Analyses one text: its places and claims.
pub fn analyse(res: &Resources, text: &str) -> DocumentAnalysis {
    // about one token in five bytes of news text: most texts need no regrowth
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5 + 16);
    tokenize(text, &mut tokens);
    let sentences = split_sentences(text, &tokens);
    let (places, unplaced) = find_all_places(res, text, &tokens, &sentences);
    let raw = claims::find_claims(
        text,
        &tokens,
        &sentences,
        &res.cues,
        Some(&res.cue_model),
        Some(&res.content_ranker),
    );
    let is_common = |w: &str| res.lexicon.is_common_word(w);
    let traits_of = |head: &str, desc: Option<&str>| claims::source_traits(head, desc, &is_common);
    let is_first_name = |w: &str| res.lexicon.is_first_name(w);
    let names = claims::person_names(text, &tokens, &sentences, &is_first_name);
    let (clusters, claim_sources) = claims::cluster_sources(text, &raw, &names, &traits_of);
    let sources = clusters
        .into_iter()
        .map(|c| {
            let affiliation = affiliation(res, text, &places, &c.affiliation_spans);
            FoundSource {
                name: c.name,
                traits: c.traits,
                description: c.description,
                mentions: c.mentions,
                affiliation,
            }
        })
        .collect();
    DocumentAnalysis {
        places,
        unplaced,
        claims: raw,
        claim_sources,
        sources,
    }
}

/// The places of one tokenised text: recognised, then resolved against the gazetteer (the
/// place half of [`analyse`], public for the place benchmark and tests).
pub fn find_places(
    res: &Resources,
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
) -> Vec<FoundPlace> {
    find_all_places(res, text, tokens, sentences).0
}

/// [`find_places`], and the spans of the named features it could not place.
fn find_all_places(
    res: &Resources,
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
) -> (Vec<FoundPlace>, Vec<Span>) {
    let starts: Vec<usize> = sentences.iter().map(|s| s.tokens.start).collect();
    let candidates = geo::recognize(text, tokens, &starts, &res.gazetteer, &res.lexicon);
    // "Kursk, Russia": a candidate right after a comma qualifies the one before it
    let qualifiers: Vec<Option<usize>> = (0..candidates.len())
        .map(|i| {
            let next = candidates.get(i + 1)?;
            let end = candidates[i].tokens.end;
            (next.tokens.start == end + 1 && tokens[end].is_punct(',')).then_some(i + 1)
        })
        .collect();
    let resolved = geo::resolve(&res.gazetteer, &candidates, &qualifiers);
    let mut unplaced = Vec::new();
    let found = candidates
        .into_iter()
        .zip(resolved)
        .filter_map(|(c, r)| {
            let Some(r) = r else {
                if c.is_feature {
                    unplaced.push(c.span);
                }
                return None;
            };
            Some(FoundPlace {
                span: c.span,
                place: r.place,
                role: c.role,
                confidence: r.confidence,
                alternatives: r.alternatives,
                is_feature: c.is_feature,
            })
        })
        .collect();
    (found, unplaced)
}

fn affiliation(
    res: &Resources,
    text: &str,
    places: &[FoundPlace],
    spans: &[Span],
) -> Option<GazId> {
    for span in spans {
        for p in places.iter().filter(|p| span.contains(p.span)) {
            let rest = text[p.span.end as usize..span.end as usize].trim_start();
            let next_word: String = rest
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_lowercase();
            if TOPIC_HEADS.contains(next_word.as_str()) {
                continue;
            }
            let e = res.gazetteer.entry(p.place);
            if let Some(cc) = e.country_code() {
                return res.gazetteer.country(cc);
            }
        }
    }
    None
}

/// Extracts places and claims from documents and links them into a corpus.
///
/// ```
/// use claimmap::model::Document;
/// use claimmap::pipeline::{extract, Resources};
/// let res = Resources::bundled().unwrap();
/// let doc = Document::new("memo", "Officials in Kyiv said the bridge over the Dnipro was hit.");
/// let out = extract(&res, vec![doc]);
/// let claim = &out.corpus.claims()[0];
/// assert_eq!(claim.content.slice(&out.corpus.documents()[0].text), "the bridge over the Dnipro was hit");
/// assert!(out.corpus.places().iter().any(|p| p.name == "Kyiv"));
/// ```
pub fn extract(res: &Resources, documents: Vec<Document>) -> Extraction {
    extract_with_progress(res, documents, &mut |_, _| {})
}

/// [`extract`], calling `progress(done, total)` after each document.
pub fn extract_with_progress(
    res: &Resources,
    documents: Vec<Document>,
    progress: &mut dyn FnMut(usize, usize),
) -> Extraction {
    let total = documents.len();
    let mut b = CorpusBuilder::default();
    let mut warnings = Vec::new();
    for (n, mut doc) in documents.into_iter().enumerate() {
        if doc.text.trim().is_empty() {
            warnings.push(Warning {
                subject: doc.key.clone(),
                message: "the document has no text; skipped it".into(),
            });
            progress(n + 1, total);
            continue;
        }
        let analysis = analyse(res, &doc.text);
        doc.id = DocId(b.parts.documents.len() as u32);
        b.add(res, doc, analysis);
        progress(n + 1, total);
    }
    let mut corpus = Corpus::from_parts(b.parts);
    crate::corpus::analyse(&mut corpus, &crate::corpus::Judgements::default());
    Extraction { corpus, warnings }
}

/// The corpus place of a gazetteer entry, with id `pid`.
pub fn gazetteer_place(res: &Resources, id: GazId, pid: PlaceId) -> Place {
    let e = res.gazetteer.entry(id);
    let outline = match e.kind {
        PlaceKind::Country => e.country_code().map(str::to_string),
        _ => None,
    };
    Place {
        id: pid,
        geonameid: e.geonameid,
        name: e.name.clone(),
        kind: e.kind,
        point: Some(LonLat::new(e.point.lon, e.point.lat)),
        country: e.country_code().map(str::to_string),
        population: e.population as u64,
        outline,
        mentions: Vec::new(),
    }
}

/// A gazetteer entry as another reading of a mention.
pub fn place_choice(res: &Resources, g: GazId) -> PlaceChoice {
    let e = res.gazetteer.entry(g);
    PlaceChoice {
        geonameid: e.geonameid,
        name: e.name.clone(),
        kind: e.kind,
        point: e.point,
        country: e.country_code().map(str::to_string),
        population: e.population as u64,
    }
}

#[derive(Default)]
struct CorpusBuilder {
    parts: CorpusParts,
    places: HashMap<GazId, PlaceId>,
    /// Named features by (normalised name, the place they are put at).
    features: HashMap<(String, GazId), PlaceId>,
    /// Named features not on the map, by normalised name.
    unplaced: HashMap<String, PlaceId>,
}

impl CorpusBuilder {
    fn place(&mut self, res: &Resources, id: GazId) -> PlaceId {
        if let Some(&p) = self.places.get(&id) {
            return p;
        }
        let pid = PlaceId(self.parts.places.len() as u32);
        self.parts.places.push(gazetteer_place(res, id, pid));
        self.places.insert(id, pid);
        pid
    }

    /// The corpus place of a named feature the article gives no place for: not on the map.
    fn unplaced_feature(&mut self, name: &str) -> PlaceId {
        let name = name.trim();
        let key = crate::text::normalize(name);
        if let Some(&p) = self.unplaced.get(&key) {
            return p;
        }
        let pid = PlaceId(self.parts.places.len() as u32);
        self.parts.places.push(Place {
            id: pid,
            geonameid: None,
            name: name.to_string(),
            kind: PlaceKind::Feature,
            point: None,
            country: None,
            population: 0,
            outline: None,
            mentions: Vec::new(),
        });
        self.unplaced.insert(key, pid);
        pid
    }

    /// The corpus place of a named feature ("Royal Street") put at a gazetteer place.
    fn feature(&mut self, res: &Resources, name: &str, at: GazId) -> PlaceId {
        let name = name
            .strip_suffix("'s")
            .or_else(|| name.strip_suffix("’s"))
            .unwrap_or(name)
            .trim();
        let name = if name.is_empty() {
            "unnamed feature"
        } else {
            name
        };
        let key = (crate::text::normalize(name), at);
        if let Some(&p) = self.features.get(&key) {
            return p;
        }
        let e = res.gazetteer.entry(at);
        let pid = PlaceId(self.parts.places.len() as u32);
        self.parts.places.push(Place {
            id: pid,
            geonameid: None,
            name: name.to_string(),
            kind: PlaceKind::Feature,
            point: Some(LonLat::new(e.point.lon, e.point.lat)),
            country: e.country_code().map(str::to_string),
            population: 0,
            outline: None,
            mentions: Vec::new(),
        });
        self.features.insert(key, pid);
        pid
    }

    fn add(&mut self, res: &Resources, mut doc: Document, a: DocumentAnalysis) {
        crate::corpus::dates::date_document(&mut doc);
        let doc_id = doc.id;
        let mention_base = self.parts.mentions.len();
        let choice = |g: GazId| place_choice(res, g);
        // mentions in text order: the placed ones and the features not on the map
        let mut order: Vec<(Span, Option<&FoundPlace>)> = a
            .places
            .iter()
            .map(|p| (p.span, Some(p)))
            .chain(a.unplaced.iter().map(|&s| (s, None)))
            .collect();
        order.sort_by_key(|x| x.0);
        for (span, found) in order {
            let (place, role, confidence, alternatives) = match found {
                Some(p) => {
                    let mut alternatives: Vec<PlaceChoice> =
                        p.alternatives.iter().map(|&g| choice(g)).collect();
                    let place = if p.is_feature {
                        // "Royal Street" is a place of its own, drawn where the article puts
                        // it; the place it stands in comes first among its readings so a user
                        // sees why
                        alternatives.insert(0, choice(p.place));
                        self.feature(res, p.span.slice(&doc.text), p.place)
                    } else {
                        self.place(res, p.place)
                    };
                    (place, p.role, p.confidence, alternatives)
                }
                None => (
                    self.unplaced_feature(span.slice(&doc.text)),
                    MentionRole::Literal,
                    0.0,
                    Vec::new(),
                ),
            };
            let id = MentionId(self.parts.mentions.len() as u32);
            self.parts.mentions.push(PlaceMention {
                id,
                doc: doc_id,
                span,
                place,
                role,
                confidence,
                alternatives,
                review: Review::Machine,
            });
        }
        let source_base = self.parts.sources.len() as u32;
        for s in &a.sources {
            let affiliation = s.affiliation.map(|g| self.place(res, g));
            self.parts.sources.push(Source {
                id: SourceId(self.parts.sources.len() as u32),
                doc: doc_id,
                name: s.name.clone(),
                kind: s.traits.kind,
                affiliation,
                description: s.description.clone(),
                mentions: s.mentions.clone(),
                entity: None,
            });
        }
        for (i, c) in a.claims.iter().enumerate() {
            let mentions = self.parts.mentions[mention_base..]
                .iter()
                .filter(|m| c.content.contains(m.span))
                .map(|m| m.id)
                .collect();
            self.parts.claims.push(Claim {
                id: ClaimId(self.parts.claims.len() as u32),
                doc: doc_id,
                source_span: c.source,
                cue: c.cue,
                content: c.content,
                channel: c.channel,
                sentence: c.sentence,
                source: a.claim_sources[i].map(|k| SourceId(source_base + k as u32)),
                mentions,
                is_hedged: c.is_hedged,
                confidence: c.confidence,
                date: crate::corpus::dates::claim_date(
                    &doc.text,
                    c.sentence,
                    c.content,
                    c.cue,
                    doc.published,
                ),
                review: Review::Machine,
            });
        }
        self.parts.documents.push(doc);
    }
}
