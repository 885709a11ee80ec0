//! The one way from documents to a corpus, for the CLI, the GUI and the tests alike:
//! tokens and sentences, places (recognise, resolve), claims (patterns, sources, kinds), then
//! the corpus with its links. A document that cannot be processed becomes a warning and the
//! batch goes on.

use crate::text::WordList;
use std::collections::{HashMap, VecDeque};
use std::sync::{Condvar, Mutex, PoisonError};

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
pub const EXTRACTOR_VERSION: &str = "claimmap-extractor 2026.12.3";

/// Everything extraction reads, loaded once.
pub struct Resources {
    pub gazetteer: Gazetteer,
    pub lexicon: WordLexicon,
    pub cues: CueLexicon,
    pub cue_model: CueModel,
    pub content_ranker: Ranker,
}

/// Extraction's workers share one `Resources`.
const _: () = assert_sync::<Resources>();
const fn assert_sync<T: Sync>() {}

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

/// Extracts places and claims from documents and links them into a corpus, on every core.
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
    extract_parallel(res, documents, default_jobs(), progress)
}

/// The number of workers when none is asked for: every core the process may use.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// [`extract_with_progress`] on `jobs` threads (the caller's among them), one document per
/// task. Documents join the corpus in input order, so the corpus (and every export of it) is
/// the same whatever `jobs` is; `progress` is called on the caller's thread, in order.
///
/// ```
/// use claimmap::model::Document;
/// use claimmap::pipeline::{extract_parallel, Resources};
/// let res = Resources::bundled().unwrap();
/// let docs = || vec![
///     Document::new("a", "Officials in Kyiv said the bridge was hit."),
///     Document::new("b", "The mayor of Porto said the roads were closed."),
/// ];
/// let one = extract_parallel(&res, docs(), 1, &mut |_, _| {});
/// let two = extract_parallel(&res, docs(), 2, &mut |_, _| {});
/// assert_eq!(one.corpus.claims(), two.corpus.claims());
/// ```
pub fn extract_parallel(
    res: &Resources,
    documents: Vec<Document>,
    jobs: usize,
    progress: &mut dyn FnMut(usize, usize),
) -> Extraction {
    let go_on = &mut |done, total| {
        progress(done, total);
        true
    };
    extract_until(res, documents, jobs, go_on).unwrap_or_default()
}

/// [`extract_parallel`] that stops when `progress(done, total)` says so (the app's Cancel):
/// `None` then, and nothing half made is kept.
pub fn extract_until(
    res: &Resources,
    documents: Vec<Document>,
    jobs: usize,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Option<Extraction> {
    let total = documents.len();
    let mut b = CorpusBuilder::default();
    let mut warnings = Vec::new();
    let mut done = 0;
    let mut stopped = false;
    for_each_in_order(
        documents.into_iter().map(Ok::<Document, Warning>),
        jobs.min(total.max(1)),
        |item| analyse_item(res, item),
        |item, analysis| {
            b.accept(res, item, analysis, &mut warnings);
            done += 1;
            stopped = !progress(done, total);
            !stopped
        },
    );
    if stopped {
        return None;
    }
    let mut corpus = Corpus::from_parts(b.parts);
    crate::corpus::analyse(&mut corpus, &crate::corpus::Judgements::default());
    Some(Extraction { corpus, warnings })
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

/// One batch of a streamed extraction ([`extract_stream`]): a corpus of its own whose place
/// ids are the whole stream's, and where its other ids start in the whole stream.
pub struct StreamBatch<'a> {
    /// The batch's documents, claims and sources, their ids counting from 0.
    pub corpus: &'a Corpus,
    /// The stream position of the batch's first document (documents skipped with a warning
    /// take none).
    pub first_document: usize,
    /// The stream position of its first claim.
    pub first_claim: usize,
    /// The stream position of its first source.
    pub first_source: usize,
}

/// What a streamed extraction saw.
#[derive(Debug, Default)]
pub struct StreamSummary {
    /// Documents read (blank ones too).
    pub read: usize,
    /// Documents extracted.
    pub documents: usize,
    pub claims: usize,
    /// Distinct places over the whole stream.
    pub places: usize,
    /// Bad lines and blank documents, in input order.
    pub warnings: Vec<Warning>,
}

/// Extracts a stream of documents too big to hold, on `jobs` threads: `each` gets the result
/// a batch of about `batch_size` documents at a time, in input order, and only the batch in
/// hand and the documents in flight are in memory. Place ids hold across batches (a place
/// gets the id it would get in [`extract`] of the whole stream), and so do the positions of
/// documents, claims and sources; corpus-wide passes (entities) are the caller's, over what it
/// keeps of each batch. If `each` fails, extraction stops and its error is returned.
pub fn extract_stream<I, E>(
    res: &Resources,
    documents: I,
    jobs: usize,
    batch_size: usize,
    mut each: impl FnMut(&StreamBatch) -> Result<(), E>,
) -> Result<StreamSummary, E>
where
    I: Iterator<Item = Result<Document, Warning>> + Send,
{
    let mut b = CorpusBuilder::default();
    let mut summary = StreamSummary::default();
    let mut failure = None;
    for_each_in_order(
        documents,
        jobs,
        |item| analyse_item(res, item),
        |item, analysis| {
            summary.read += usize::from(item.is_ok());
            b.accept(res, item, analysis, &mut summary.warnings);
            if b.parts.documents.len() >= batch_size.max(1)
                && let Err(e) = b.flush(&mut summary, &mut each)
            {
                failure = Some(e);
                return false;
            }
            true
        },
    );
    if let Some(e) = failure {
        return Err(e);
    }
    if !b.parts.documents.is_empty() {
        b.flush(&mut summary, &mut each)?;
    }
    summary.places = b.parts.places.len();
    Ok(summary)
}

/// The work of one task: a document's analysis, or none for a document without text or an
/// input that was a warning.
fn analyse_item(res: &Resources, item: &Result<Document, Warning>) -> Option<DocumentAnalysis> {
    match item {
        Ok(doc) if !doc.text.trim().is_empty() => Some(analyse(res, &doc.text)),
        _ => None,
    }
}

/// How many items each worker may take beyond the one the caller waits for next: enough to
/// keep every core busy past a long article, few enough that memory stays bounded.
const IN_FLIGHT_PER_WORKER: usize = 32;

/// Runs `work` over `items` on `jobs` threads (the caller's among them), one item per task
/// (the next is taken from the shared input as a thread comes free), and hands each item and
/// its result to `sink`, on the caller's thread and in input order. At most
/// `jobs * IN_FLIGHT_PER_WORKER` items are out at once, so memory stays bounded however long
/// the input is. `sink` returns false to stop early.
fn for_each_in_order<T: Send, R: Send>(
    items: impl Iterator<Item = T> + Send,
    jobs: usize,
    work: impl Fn(&T) -> R + Sync,
    mut sink: impl FnMut(T, R) -> bool,
) {
    if jobs <= 1 {
        for item in items {
            let result = work(&item);
            if !sink(item, result) {
                return;
            }
        }
        return;
    }
    let flow = Flow {
        state: Mutex::new(FlowState {
            items,
            taken: 0,
            is_exhausted: false,
            out: VecDeque::new(),
            handed: 0,
            is_stopped: false,
        }),
        changed: Condvar::new(),
        window: jobs * IN_FLIGHT_PER_WORKER,
    };
    std::thread::scope(|s| {
        for n in 1..jobs {
            let (flow, work) = (&flow, &work);
            let spawned = std::thread::Builder::new()
                .name(format!("extract-{n}"))
                .spawn_scoped(s, move || flow.run(work, None));
            // without another thread the caller does all the work itself
            if spawned.is_err() {
                break;
            }
        }
        flow.run(&work, Some(&mut sink));
    });
}

/// The state [`for_each_in_order`]'s threads share.
struct Flow<I, T, R> {
    state: Mutex<FlowState<I, T, R>>,
    /// Signalled when a result is in or the window moved.
    changed: Condvar,
    window: usize,
}

struct FlowState<I, T, R> {
    /// The input, read under the lock.
    items: I,
    /// Items taken so far.
    taken: usize,
    is_exhausted: bool,
    /// The items taken and not yet handed to the sink, in input order; `None` while in work.
    out: VecDeque<Option<(T, R)>>,
    /// Items handed to the sink so far: `out[0]` is item `handed`.
    handed: usize,
    /// The sink asked to stop, or a thread panicked.
    is_stopped: bool,
}

impl<I: Iterator<Item = T>, T, R> Flow<I, T, R> {
    fn lock(&self) -> std::sync::MutexGuard<'_, FlowState<I, T, R>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn stop(&self) {
        self.lock().is_stopped = true;
        self.changed.notify_all();
    }

    /// One thread's loop: hand out what is ready (the caller's thread only), else take the
    /// next item and work on it, else wait.
    fn run(&self, work: &impl Fn(&T) -> R, mut sink: Option<&mut dyn FnMut(T, R) -> bool>) {
        let _on_panic = StopOnPanic(|| self.stop());
        let mut st = self.lock();
        loop {
            if st.is_stopped {
                return;
            }
            if let Some(sink) = sink.as_mut()
                && matches!(st.out.front(), Some(Some(_)))
            {
                if let Some(Some((item, result))) = st.out.pop_front() {
                    st.handed += 1;
                    drop(st);
                    self.changed.notify_all();
                    if !sink(item, result) {
                        self.stop();
                        return;
                    }
                    st = self.lock();
                }
                continue;
            }
            if !st.is_exhausted && st.taken - st.handed < self.window {
                match st.items.next() {
                    Some(item) => {
                        let n = st.taken;
                        st.taken += 1;
                        st.out.push_back(None);
                        drop(st);
                        let result = work(&item);
                        st = self.lock();
                        let slot = n - st.handed;
                        st.out[slot] = Some((item, result));
                        self.changed.notify_all();
                    }
                    None => {
                        st.is_exhausted = true;
                        self.changed.notify_all();
                    }
                }
                continue;
            }
            let is_done = st.is_exhausted && (sink.is_none() || st.handed == st.taken);
            if is_done {
                return;
            }
            st = self
                .changed
                .wait(st)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }
}

/// Runs its function if the thread unwinds: a panicking worker stops the others rather than
/// leaving them waiting for its result.
struct StopOnPanic<F: Fn()>(F);

impl<F: Fn()> Drop for StopOnPanic<F> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            (self.0)();
        }
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
    /// Sources of the batches already flushed, when streaming.
    sources_before: usize,
}

impl CorpusBuilder {
    /// Takes the next document in input order: into the corpus, or as the warning it became.
    fn accept(
        &mut self,
        res: &Resources,
        item: Result<Document, Warning>,
        analysis: Option<DocumentAnalysis>,
        warnings: &mut Vec<Warning>,
    ) {
        match (item, analysis) {
            (Err(w), _) => warnings.push(w),
            (Ok(mut doc), Some(analysis)) => {
                doc.id = DocId(self.parts.documents.len() as u32);
                self.add(res, doc, analysis);
            }
            (Ok(doc), None) => warnings.push(Warning {
                subject: doc.key,
                message: "the document has no text; skipped it".into(),
            }),
        }
    }

    /// Hands the documents so far to `each` as a batch and forgets them, keeping the places
    /// (so their ids hold for the next batch).
    fn flush<E>(
        &mut self,
        summary: &mut StreamSummary,
        each: &mut impl FnMut(&StreamBatch) -> Result<(), E>,
    ) -> Result<(), E> {
        let corpus = Corpus::from_parts(std::mem::take(&mut self.parts));
        let batch = StreamBatch {
            corpus: &corpus,
            first_document: summary.documents,
            first_claim: summary.claims,
            first_source: self.sources_before,
        };
        let result = each(&batch);
        summary.documents += corpus.documents().len();
        summary.claims += corpus.claims().len();
        self.sources_before += corpus.sources().len();
        self.parts.places = corpus.into_parts().places;
        result
    }

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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use std::sync::atomic::Ordering;
    use std::time::Duration;

    /// Items whose work takes uneven time, so that threads finish out of order.
    fn uneven(n: usize) -> impl Iterator<Item = usize> + Send {
        (0..n).map(|i| (i * 7919) % 13)
    }

    #[test]
    fn results_come_back_in_input_order_whatever_the_number_of_threads() {
        let want: Vec<(usize, usize)> = uneven(300).map(|i| (i, i * 2)).collect();
        for jobs in [1, 2, 3, 8] {
            let mut got = Vec::new();
            for_each_in_order(
                uneven(300),
                jobs,
                |&i| {
                    std::thread::sleep(Duration::from_micros(i as u64 * 20));
                    i * 2
                },
                |i, r| {
                    got.push((i, r));
                    true
                },
            );
            assert_eq!(got, want, "{jobs} threads");
        }
    }

    #[test]
    fn no_more_items_are_out_than_the_window() {
        let out = std::sync::atomic::AtomicUsize::new(0);
        let most = std::sync::atomic::AtomicUsize::new(0);
        let jobs = 3;
        for_each_in_order(
            0..2000,
            jobs,
            |_| {
                let now = out.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
            },
            |_, _| {
                // the caller is slow to take results: the workers must wait for it
                std::thread::sleep(Duration::from_micros(50));
                out.fetch_sub(1, Ordering::SeqCst);
                true
            },
        );
        // the window, and the one item in the sink's hands
        let most = most.into_inner();
        assert!(
            most <= jobs * IN_FLIGHT_PER_WORKER + 1,
            "{most} out at once"
        );
        assert!(
            most > jobs * IN_FLIGHT_PER_WORKER / 2,
            "the window was never full: {most}"
        );
    }

    #[test]
    fn a_sink_that_stops_gets_nothing_more() {
        for jobs in [1, 2] {
            let mut got = Vec::new();
            for_each_in_order(
                0..1000,
                jobs,
                |&i| i,
                |i, _| {
                    got.push(i);
                    i < 9
                },
            );
            assert_eq!(got, (0..10).collect::<Vec<_>>(), "{jobs} threads");
        }
    }

    #[test]
    #[should_panic(expected = "bad item")]
    fn a_panicking_worker_stops_the_others_instead_of_hanging() {
        for_each_in_order(
            0..500,
            2,
            |&i| {
                if i == 77 {
                    panic!("bad item");
                }
            },
            |_, _| true,
        );
    }

    #[test]
    fn a_blank_document_is_a_warning_in_its_place() {
        let res = Resources::bundled().unwrap();
        let docs = vec![
            Document::new("a", "Officials in Kyiv said the bridge was hit."),
            Document::new("blank", " \n "),
            Document::new("c", "The mayor of Porto said the roads were closed."),
        ];
        let out = extract_parallel(&res, docs, 2, &mut |_, _| {});
        let keys: Vec<&str> = out
            .corpus
            .documents()
            .iter()
            .map(|d| d.key.as_str())
            .collect();
        assert_eq!(keys, ["a", "c"]);
        assert_eq!(out.warnings.len(), 1);
        assert_eq!(out.warnings[0].subject, "blank");
    }
}
