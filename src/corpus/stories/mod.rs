//! Stories: the claims of a corpus that assert the same thing, from several sources or
//! articles, with their independent origins, their dates and the figures that disagree.
//!
//! Two claims are one story when their contents share enough of their salient words,
//! places and figures: a weighted Dice coefficient over stemmed content words and the
//! countries of the places named (each weighted by how rare it is in the corpus, smoothed so
//! that a handful of articles on one topic still weighs its words), a shared figure counting
//! for them and a different one not against them ("10,000 troops" and "3,000 troops" make
//! one contested story, not two). Claims at or above [`THRESHOLD`] join, unless one negates
//! what the other asserts ("did not send", "denied sending") or says the opposite ("rose" /
//! "fell"): those are two stories, each disputed by the other.
//!
//! No claim is compared with every other: each is compared only with the claims that share
//! one of its [`KEYS`] rarest features (blocking), so a corpus of 190,000 claims takes
//! seconds. Stories are found again whenever the corpus changes, never patched.

mod conflicts;
mod features;
mod origins;
mod telling;

pub use origins::agency;
pub use telling::{Disputes, FigureRow, disputes, figure_rows, one_line};

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use features::{Reading, Readings};

use crate::corpus::figures::{self, count_key};
use crate::model::{ClaimId, Corpus, Day, DocId, EntityId, Figure, Stories, Story, StoryId};
use crate::text::{Token, WordHasher, tokenize};

/// The similarity at and above which two claims are one story, measured on hand-labelled
/// pairs (see the README's "Stories").
pub const THRESHOLD: f32 = 0.45;
/// The rarest features of a claim that find its candidates.
pub const KEYS: usize = 3;
/// A feature of more distinct claims than this (or than a two-hundredth of them, if more)
/// finds no candidates: it is no evidence of one story. It still counts in the similarity.
const MAX_POSTING: usize = 100;
/// Salient words (and countries) a claim needs to be in a story with another.
const MIN_WORDS: usize = 4;
/// Lower-case words (not names, not places) two claims must share: "Hillary Clinton, the
/// Democratic nominee" and "Democratic nominee Hillary Clinton" name the same people but
/// assert nothing alike.
const MIN_SHARED_WORDS: usize = 2;
/// Shared words that run together in both claims are an epithet below this many.
const EPITHET: usize = 4;
/// Features two claims must share to be one story.
const MIN_SHARED: usize = 2;
/// Pseudo-claims added to the corpus size in the feature weights, so that in a small corpus
/// a word every claim has still counts (three articles on one story share its words).
const SMOOTHING: f32 = 50.0;

type Map<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// Finds the stories, figures, conflicts and reprints of a corpus and installs them.
pub fn find_stories(corpus: &mut Corpus) {
    let stories = stories(corpus);
    corpus.set_stories(stories);
}

/// The per-claim readings of a corpus, before any comparison.
struct Prepared {
    figures: Vec<Vec<Figure>>,
    readings: Readings,
    /// Claims not rejected, in (document key, position) order.
    standing: Vec<usize>,
    vectors: Vectors,
}

fn prepare(corpus: &Corpus) -> Prepared {
    let claims = corpus.claims();
    let n = claims.len();
    let mut figures_of: Vec<Vec<Figure>> = vec![Vec::new(); n];
    let mut readings = Readings::new();
    let mut reading = Reading::default();
    let mut tokens: Vec<Token> = Vec::new();
    let mut lower = String::new();
    let mut stem = String::new();
    let mut countries: Vec<&str> = Vec::new();
    for c in claims {
        if c.review.is_rejected() {
            readings.push(&Reading::default());
            continue;
        }
        let text = &corpus.document(c.doc).text;
        let slice = c.content.slice(text);
        tokenize(slice, &mut tokens);
        lower.clear();
        lower.push_str(slice);
        lower.make_ascii_lowercase();
        let figs = &mut figures_of[c.id.index()];
        figures::read_tokens(slice, &lower, &tokens, c.content.start, figs);
        countries.clear();
        for &p in corpus.places_of(c.id) {
            if let Some(cc) = corpus.place(p).country.as_deref()
                && !countries.contains(&cc)
            {
                countries.push(cc);
            }
        }
        let cue = c.cue.map_or("", |s| s.slice(text));
        features::read(
            &lower,
            &tokens,
            cue,
            &countries,
            figs,
            &mut stem,
            &mut reading,
        );
        readings.push(&reading);
    }
    // in the order of (document key, position), not of the input: the stories of a corpus
    // do not depend on the order its files were read in
    let mut standing: Vec<usize> = (0..n)
        .filter(|&i| !claims[i].review.is_rejected())
        .collect();
    standing.sort_by(|&a, &b| {
        let (ca, cb) = (&claims[a], &claims[b]);
        let (da, db) = (&corpus.document(ca.doc).key, &corpus.document(cb.doc).key);
        da.cmp(db)
            .then(ca.content.start.cmp(&cb.content.start))
            .then(ca.content.end.cmp(&cb.content.end))
            .then(a.cmp(&b))
    });
    let vectors = Vectors::new(&readings, &standing, n);
    Prepared {
        figures: figures_of,
        readings,
        standing,
        vectors,
    }
}

/// Pairs of claims and their similarity, at least `min`, for measuring the threshold:
/// the pairs blocking finds, or (`exhaustive`) every pair. The second claim of a pair is
/// the later one; `is_opposed` says that one negates or opposes the other.
pub fn similar_pairs(corpus: &Corpus, min: f32, exhaustive: bool) -> Vec<SimilarPair> {
    let p = prepare(corpus);
    let mut out = Vec::new();
    let mut visit = |i: usize, j: usize| {
        let similarity = p.vectors.similarity(i, j);
        if similarity >= min {
            let (a, b) = (p.readings.get(i), p.readings.get(j));
            out.push(SimilarPair {
                first: ClaimId(j as u32),
                second: ClaimId(i as u32),
                similarity,
                is_opposed: features::opposed(a, b),
            });
        }
    };
    if exhaustive {
        for (x, &i) in p.standing.iter().enumerate() {
            for &j in &p.standing[..x] {
                visit(i, j);
            }
        }
    } else {
        candidates(&p.vectors, &p.standing, visit);
    }
    out
}

/// Two claims and how alike they are (see [`similar_pairs`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SimilarPair {
    pub first: ClaimId,
    pub second: ClaimId,
    pub similarity: f32,
    pub is_opposed: bool,
}

/// The stories, figures, conflicts and reprints of a corpus (see the module docs).
pub fn stories(corpus: &Corpus) -> Stories {
    stories_at(corpus, THRESHOLD)
}

/// [`stories`] with another similarity threshold, for measuring what it changes.
pub fn stories_at(corpus: &Corpus, threshold: f32) -> Stories {
    let claims = corpus.claims();
    let n = claims.len();
    let Prepared {
        figures: figures_of,
        readings,
        standing,
        vectors,
    } = prepare(corpus);
    let has_claims: Vec<bool> = corpus
        .documents()
        .iter()
        .map(|d| !corpus.claims_in(d.id).is_empty())
        .collect();
    let reprint_of: Vec<Option<DocId>> = origins::reprints(corpus.documents(), &has_claims)
        .into_iter()
        .map(|d| d.map(DocId))
        .collect();
    // the document each claim's text first appeared in
    let first_printed: Vec<u32> = claims
        .iter()
        .map(|c| reprint_of[c.doc.index()].unwrap_or(c.doc).0)
        .collect();
    let links = link(&vectors, &readings, &standing, &first_printed, threshold);

    // stories in order of their first claim
    let mut story_of_root: Map<usize, usize> = Map::default();
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut groups = links.groups;
    let mut claim_story: Vec<Option<StoryId>> = vec![None; n];
    for &i in &standing {
        let root = groups.find(i);
        let s = *story_of_root.entry(root).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[s].push(i);
        claim_story[i] = Some(StoryId(s as u32));
    }

    let credits: Vec<Option<&str>> = corpus
        .documents()
        .iter()
        .map(|d| origins::credited_agency(&d.text))
        .collect();
    let dates: Vec<Option<Day>> = claims
        .iter()
        .map(|c| c.date.map(|d| d.day).or(corpus.document(c.doc).published))
        .collect();
    let say_alike = |a: usize, b: usize| vectors.shared_words(a, b) >= MIN_SHARED_WORDS;
    let conflicts = conflicts::find(
        &figures_of,
        &claim_story,
        &members,
        &dates,
        corpus,
        &say_alike,
    );

    let mut disputed: Vec<Vec<StoryId>> = vec![Vec::new(); members.len()];
    for &(a, b) in &links.disputes {
        if let (Some(sa), Some(sb)) = (claim_story[a], claim_story[b])
            && sa != sb
        {
            disputed[sa.index()].push(sb);
            disputed[sb.index()].push(sa);
        }
    }
    let mut agency_of_source: Map<u32, Option<&'static str>> = Map::default();
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut origins: Vec<Origin> = Vec::new();
    let stories: Vec<Story> = members
        .iter()
        .enumerate()
        .map(|(s, m)| {
            let mut disputed_by = std::mem::take(&mut disputed[s]);
            disputed_by.sort_unstable();
            disputed_by.dedup();
            let ids: Vec<ClaimId> = m.iter().map(|&i| ClaimId(i as u32)).collect();
            let lead = ids
                .iter()
                .copied()
                .max_by(|a, b| {
                    links.weight[a.index()]
                        .total_cmp(&links.weight[b.index()])
                        .then(links.rank[b.index()].cmp(&links.rank[a.index()]))
                })
                .unwrap_or(ids[0]);
            let mut documents: Vec<DocId> = ids.iter().map(|&c| corpus.claim(c).doc).collect();
            documents.sort_unstable();
            documents.dedup();
            let mut entities: Vec<EntityId> = Vec::new();
            speakers.clear();
            origins.clear();
            for &c in &ids {
                let claim = corpus.claim(c);
                let source = claim.source.map(|s| corpus.source(s));
                let entity = source.and_then(|s| s.entity);
                if let Some(e) = entity
                    && !entities.contains(&e)
                {
                    entities.push(e);
                }
                speakers.push(match (entity, claim.source) {
                    (Some(e), _) => Speaker::Entity(e.0),
                    (None, Some(s)) => Speaker::Source(s.0),
                    (None, None) => Speaker::Unattributed(claim.doc.0),
                });
                let named = claim.source.and_then(|s| {
                    *agency_of_source.entry(s.0).or_insert_with(|| {
                        let name = match entity {
                            Some(e) => corpus.entity(e).name.as_str(),
                            None => corpus.source(s).name.as_str(),
                        };
                        agency(name)
                    })
                });
                origins.push(match named.or(credits[claim.doc.index()]) {
                    Some(a) => Origin::Agency(a),
                    None => Origin::Document(reprint_of[claim.doc.index()].unwrap_or(claim.doc).0),
                });
            }
            speakers.sort_unstable();
            speakers.dedup();
            origins.sort_unstable();
            origins.dedup();
            let days = ids.iter().filter_map(|c| dates[c.index()]);
            let first = days.clone().min();
            let last = days.max();
            let is_contested = ids.iter().any(|c| !conflicts[c.index()].is_empty());
            Story {
                id: StoryId(s as u32),
                key: story_key(corpus, &ids),
                claims: ids,
                lead,
                documents,
                entities,
                sources: speakers.len() as u32,
                origins: origins.len() as u32,
                first,
                last,
                is_contested,
                disputed_by,
            }
        })
        .collect();
    Stories {
        stories,
        claim_story,
        figures: figures_of,
        conflicts,
        reprint_of,
    }
}

/// Who says a claim, as the story counts its sources: an entity, else a source of one
/// document, else "no one named" in one document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Speaker {
    Entity(u32),
    Source(u32),
    Unattributed(u32),
}

/// Where a claim comes from, as the story counts its origins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Origin {
    Agency(&'static str),
    /// The document, or the one it reprints.
    Document(u32),
}

/// "story-" and twelve hex digits of a hash of the story's first claim in (document key,
/// position) order: the same in every run and input order, and in another corpus that holds
/// that claim and no earlier one of the story.
fn story_key(corpus: &Corpus, claims: &[ClaimId]) -> String {
    let anchor = claims.iter().map(|&c| corpus.claim(c)).min_by(|a, b| {
        let (da, db) = (&corpus.document(a.doc).key, &corpus.document(b.doc).key);
        da.cmp(db).then(a.content.start.cmp(&b.content.start))
    });
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    if let Some(c) = anchor {
        let doc = corpus.document(c.doc);
        let bytes = doc
            .key
            .bytes()
            .chain([0])
            .chain(c.content.slice(&doc.text).bytes());
        for b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }
    format!("story-{:012x}", h >> 16)
}

/// The claims' features as weighted vectors: interned ids, sorted, with one weight per
/// feature for the corpus.
struct Vectors {
    /// Feature ids of claim i: `words[word_at[i]..word_at[i + 1]]`, sorted.
    words: Vec<u32>,
    word_at: Vec<usize>,
    numbers: Vec<u32>,
    number_at: Vec<usize>,
    /// Adjacent pairs of words that are no names, of claim i (feature ids, sorted):
    /// `pairs[pair_at[i]..pair_at[i + 1]]`.
    pairs: Vec<(u32, u32)>,
    pair_at: Vec<usize>,
    /// The weight and name flag of each entry of `words` and `numbers`, in the same order.
    word_info: Vec<(f32, bool)>,
    number_info: Vec<(f32, bool)>,
    df: Vec<u32>,
    /// Per claim: a bit per word that is no name (of 128, by the word's id). Two claims
    /// with fewer than [`MIN_SHARED_WORDS`] bits in common are not compared: most candidate
    /// pairs share a name and no word. (Two shared words may fall on one bit: a pair that
    /// shares just two is passed over about once in 128.)
    said_bits: Vec<u128>,
    /// Per claim: the sum of its word weights, and of its figures'.
    mass: Vec<f32>,
    number_mass: Vec<f32>,
}

impl Vectors {
    fn new(readings: &Readings, standing: &[usize], n: usize) -> Vectors {
        let mut ids: Map<u64, u32> = Map::default();
        let mut df: Vec<u32> = Vec::new();
        let mut intern = |h: u64, df: &mut Vec<u32>| {
            let id = *ids.entry(h).or_insert_with(|| {
                df.push(0);
                (df.len() - 1) as u32
            });
            df[id as usize] += 1;
            id
        };
        let (mut words, mut word_at) = (Vec::new(), vec![0; n + 1]);
        let (mut numbers, mut number_at) = (Vec::new(), vec![0; n + 1]);
        let (mut pairs, mut pair_at) = (Vec::new(), vec![0; n + 1]);
        let mut is_standing = vec![false; n];
        for &i in standing {
            is_standing[i] = true;
            // ids in the canonical order of the claims
            let r = readings.get(i);
            for &h in r.words.iter().chain(r.numbers) {
                intern(h, &mut df);
            }
        }
        for i in 0..n {
            let r = readings.get(i);
            if is_standing[i] {
                let start = words.len();
                words.extend(r.words.iter().filter_map(|h| ids.get(h).copied()));
                words[start..].sort_unstable();
                let start = numbers.len();
                numbers.extend(r.numbers.iter().filter_map(|h| ids.get(h).copied()));
                numbers[start..].sort_unstable();
            }
            word_at[i + 1] = words.len();
            number_at[i + 1] = numbers.len();
        }
        // a word is a name when the corpus writes it so more often than not; a country is one
        let mut votes = vec![0i32; df.len()];
        for (&h, &id) in &ids {
            if features::class_of(h) == features::Class::Country as u8 {
                votes[id as usize] = 1;
            }
        }
        for &i in standing {
            let r = readings.get(i);
            for (list, vote) in [(r.names, 1), (r.lowered, -1)] {
                for h in list {
                    if let Some(&id) = ids.get(h) {
                        votes[id as usize] += vote;
                    }
                }
            }
        }
        let is_name: Vec<bool> = votes.iter().map(|&v| v > 0).collect();
        for i in 0..n {
            let r = readings.get(i);
            if is_standing[i] {
                let start = pairs.len();
                pairs.extend(r.pairs.iter().filter_map(|(a, b)| {
                    let (a, b) = (*ids.get(a)?, *ids.get(b)?);
                    (!is_name[a as usize] && !is_name[b as usize]).then_some((a, b))
                }));
                pairs[start..].sort_unstable();
            }
            pair_at[i + 1] = pairs.len();
        }
        let total = standing.len() as f32 + SMOOTHING;
        let weight: Vec<f32> = df
            .iter()
            .map(|&d| (total / (d as f32 + 0.5)).ln().max(0.01))
            .collect();
        let mass = (0..n)
            .map(|i| {
                words[word_at[i]..word_at[i + 1]]
                    .iter()
                    .map(|&f| weight[f as usize])
                    .sum()
            })
            .collect();
        let number_mass = (0..n)
            .map(|i| {
                numbers[number_at[i]..number_at[i + 1]]
                    .iter()
                    .map(|&f| weight[f as usize])
                    .sum()
            })
            .collect();
        let said_bits = (0..n)
            .map(|i| {
                words[word_at[i]..word_at[i + 1]]
                    .iter()
                    .filter(|&&f| !is_name[f as usize])
                    .fold(0u128, |bits, &f| {
                        bits | 1u128 << (f.wrapping_mul(0x9e37_79b9) >> 25)
                    })
            })
            .collect();
        let info = |f: &u32| (weight[*f as usize], is_name[*f as usize]);
        let word_info = words.iter().map(info).collect();
        let number_info = numbers.iter().map(info).collect();
        Vectors {
            said_bits,
            word_info,
            number_info,
            number_mass,
            words,
            word_at,
            numbers,
            number_at,
            pairs,
            pair_at,
            df,
            mass,
        }
    }

    fn words(&self, i: usize) -> &[u32] {
        &self.words[self.word_at[i]..self.word_at[i + 1]]
    }

    fn numbers(&self, i: usize) -> &[u32] {
        &self.numbers[self.number_at[i]..self.number_at[i + 1]]
    }

    /// Whether a claim says enough to be compared at all: "to comment", "Clinton" and "the
    /// deal" are the objects of a cue, not assertions a second source could repeat.
    fn is_assertion(&self, i: usize) -> bool {
        self.words(i).len() >= MIN_WORDS
    }

    /// The most [`Vectors::similarity`] can be for claims of these masses (the lighter one
    /// sharing all it has): a quick test before the real one.
    fn bound(&self, a: usize, b: usize) -> f32 {
        let (lo, hi) = (
            self.mass[a].min(self.mass[b]),
            self.mass[a].max(self.mass[b]),
        );
        let numbers = self.number_mass[a].min(self.number_mass[b]);
        let total = lo + hi + 2.0 * numbers;
        if total <= 0.0 {
            return 0.0;
        }
        (2.0 * (lo + numbers)) / total
    }

    /// How many words that are no names two claims share.
    fn shared_words(&self, a: usize, b: usize) -> usize {
        let info = &self.word_info[self.word_at[a]..self.word_at[a + 1]];
        shared(self.words(a), self.words(b), info).2
    }

    /// The weighted Dice coefficient of two claims' words, a shared figure counting as a
    /// shared word and a figure only one has not counting at all; 0 unless both are
    /// assertions sharing at least [`MIN_SHARED`] features.
    fn similarity(&self, a: usize, b: usize) -> f32 {
        if !self.is_assertion(a)
            || !self.is_assertion(b)
            || ((self.said_bits[a] & self.said_bits[b]).count_ones() as usize) < MIN_SHARED_WORDS
        {
            return 0.0;
        }
        let (words, count, said) = shared(
            self.words(a),
            self.words(b),
            &self.word_info[self.word_at[a]..self.word_at[a + 1]],
        );
        let (numbers, number_count, _) = shared(
            self.numbers(a),
            self.numbers(b),
            &self.number_info[self.number_at[a]..self.number_at[a + 1]],
        );
        let denominator = self.mass[a] + self.mass[b] + 2.0 * numbers;
        if denominator <= 0.0 || count + number_count < MIN_SHARED || said < MIN_SHARED_WORDS {
            return 0.0;
        }
        // a few words that run together in both ("real estate mogul", "former secretary of
        // state") are one epithet, not several pieces of evidence
        let pairs = |i: usize| &self.pairs[self.pair_at[i]..self.pair_at[i + 1]];
        let runs = said - shared_count(pairs(a), pairs(b));
        if runs < MIN_SHARED_WORDS && said < EPITHET {
            return 0.0;
        }
        2.0 * (words + numbers) / denominator
    }
}

/// The summed weight and the number of the features two sorted lists share, and how many of
/// them are words, not names. `info` is the weight and name flag of each of `a`'s features:
/// read in order, never looked up.
fn shared(a: &[u32], b: &[u32], info: &[(f32, bool)]) -> (f32, usize, usize) {
    let (mut i, mut j, mut sum, mut count, mut words) = (0, 0, 0.0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let (weight, is_name) = info[i];
                sum += weight;
                count += 1;
                words += usize::from(!is_name);
                i += 1;
                j += 1;
            }
        }
    }
    (sum, count, words)
}

/// How many values two sorted lists share.
fn shared_count<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut count) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                count += 1;
                i += 1;
                j += 1;
            }
        }
    }
    count
}

/// Claims joined into stories, and the pairs that would have joined but for a negation or
/// an opposite word.
struct Links {
    groups: UnionFind,
    disputes: Vec<(usize, usize)>,
    /// Per claim: the summed similarity of the claims it joined (the story's lead has most).
    weight: Vec<f32>,
    /// Per claim: its position in the canonical order.
    rank: Vec<u32>,
}

/// Calls `visit(i, j)` once for each claim `i` of `claims` and each one `j` before it in
/// `claims` that shares one of `i`'s [`KEYS`] rarest features (those of two to
/// [`MAX_POSTING`] of the claims, or a two-hundredth of them in a larger corpus).
fn candidates(v: &Vectors, claims: &[usize], mut visit: impl FnMut(usize, usize)) {
    let max_posting = MAX_POSTING.max(claims.len() / 200);
    // postings: the claims of each feature, in claim order
    let features = v.df.len();
    let mut posting_at = vec![0usize; features + 1];
    for &i in claims {
        for &f in v.words(i).iter().chain(v.numbers(i)) {
            posting_at[f as usize + 1] += 1;
        }
    }
    for f in 0..features {
        posting_at[f + 1] += posting_at[f];
    }
    // by rank: a claim's position in `claims`
    let mut fill = posting_at.clone();
    let mut postings = vec![0u32; posting_at[features]];
    for (rank, &i) in claims.iter().enumerate() {
        for &f in v.words(i).iter().chain(v.numbers(i)) {
            postings[fill[f as usize]] = rank as u32;
            fill[f as usize] += 1;
        }
    }
    let posting = |f: u32| &postings[posting_at[f as usize]..posting_at[f as usize + 1]];
    let mut seen = vec![u32::MAX; claims.len()];
    let mut keys: Vec<(usize, u32)> = Vec::with_capacity(32);
    for (rank, &i) in claims.iter().enumerate() {
        keys.clear();
        keys.extend(
            v.words(i)
                .iter()
                .chain(v.numbers(i))
                .map(|&f| (posting(f).len(), f))
                .filter(|&(len, _)| (2..=max_posting).contains(&len)),
        );
        keys.sort_unstable();
        keys.truncate(KEYS);
        for &(_, f) in &keys {
            for &other in posting(f) {
                let other = other as usize;
                if other >= rank {
                    break;
                }
                if seen[other] != rank as u32 {
                    seen[other] = rank as u32;
                    visit(i, claims[other]);
                }
            }
        }
    }
}

/// Joins claims into stories by average linkage: candidate pairs at or above
/// [`THRESHOLD`], most similar first, join their two groups when the claims of one are on
/// average as similar to the other's and none opposes any, so that a chain of pairs that are
/// each alike ("sent troops" ~ "troops to Kursk" ~ "Kursk residents fled") does not become one
/// story. A pair that would have joined but for a negation or an opposite is a dispute.
fn link(
    v: &Vectors,
    readings: &Readings,
    standing: &[usize],
    first_printed: &[u32],
    threshold: f32,
) -> Links {
    let n = v.mass.len();
    let mut groups = UnionFind::new(n);
    let mut members: Vec<Vec<u32>> = (0..n as u32).map(|i| vec![i]).collect();
    // a wire copy says word for word what another claim says: one of them is compared, the
    // others join it at once; a claim too short to compare joins only its copies in reprints
    // of its own article
    let copy_key = |i: usize| {
        let signature = readings.get(i).signature();
        if v.is_assertion(i) {
            signature
        } else {
            signature ^ u64::from(first_printed[i]).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 1
        }
    };
    let mut first_of: Map<u64, usize> = Map::default();
    let mut distinct: Vec<usize> = Vec::new();
    for &i in standing {
        if v.words(i).is_empty() {
            // "me", "the same thing": nothing to say it is a copy of anything
            continue;
        }
        let first = *first_of.entry(copy_key(i)).or_insert(i);
        if first != i {
            join(&mut groups, &mut members, first, i);
        } else if v.is_assertion(i) {
            distinct.push(i);
        }
    }
    let mut edges: Vec<(f32, u32, u32)> = Vec::new();
    let mut disputes = Vec::new();
    candidates(v, &distinct, |i, j| {
        if v.bound(i, j) < threshold {
            return;
        }
        let sim = v.similarity(i, j);
        if sim < threshold {
            return;
        }
        if features::opposed(readings.get(i), readings.get(j)) {
            disputes.push((j, i));
        } else {
            edges.push((sim, j as u32, i as u32));
        }
    });
    // most similar first, equals in the claims' canonical order
    let mut rank = vec![0u32; n];
    for (r, &i) in standing.iter().enumerate() {
        rank[i] = r as u32;
    }
    edges.sort_unstable_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(rank[a.1 as usize].cmp(&rank[b.1 as usize]))
            .then(rank[a.2 as usize].cmp(&rank[b.2 as usize]))
    });
    for &(_, a, b) in &edges {
        let (ra, rb) = (groups.find(a as usize), groups.find(b as usize));
        if ra != rb && is_coherent(v, readings, &members[ra], &members[rb], threshold) {
            join(&mut groups, &mut members, ra, rb);
        }
    }
    let mut weight = vec![0.0; n];
    for &i in standing {
        // a copy's weight is its original's: the lead is among the most repeated
        let first = first_of.get(&copy_key(i)).copied().unwrap_or(i);
        weight[first] += f32::from(first != i);
    }
    for &(sim, a, b) in &edges {
        if groups.find(a as usize) == groups.find(b as usize) {
            weight[a as usize] += sim;
            weight[b as usize] += sim;
        }
    }
    Links {
        groups,
        disputes,
        weight,
        rank,
    }
}

/// Joins the groups of `a` and `b`, their members listed under the new root (the first
/// group's first).
fn join(groups: &mut UnionFind, members: &mut [Vec<u32>], a: usize, b: usize) {
    let (ra, rb) = (groups.find(a), groups.find(b));
    if ra == rb {
        return;
    }
    let root = groups.union(ra, rb);
    let (first, second) = if root == ra { (ra, rb) } else { (rb, ra) };
    let moved = std::mem::take(&mut members[second]);
    members[first].extend(moved);
}

/// Claims of two groups compared when deciding whether they join: the first this many of
/// each (a wire story in hundreds of outlets is decided on a sample).
const LINKAGE_SAMPLE: usize = 48;

/// The average similarity of the two groups' claims reaches the threshold and no claim of
/// one opposes one of the other.
fn is_coherent(v: &Vectors, readings: &Readings, a: &[u32], b: &[u32], threshold: f32) -> bool {
    let (mut sum, mut pairs) = (0.0, 0usize);
    for &x in a.iter().take(LINKAGE_SAMPLE) {
        for &y in b.iter().take(LINKAGE_SAMPLE) {
            let (x, y) = (x as usize, y as usize);
            if features::opposed(readings.get(x), readings.get(y)) {
                return false;
            }
            sum += v.similarity(x, y);
            pairs += 1;
        }
    }
    pairs > 0 && sum / pairs as f32 >= threshold
}

/// Union-find over claims; the root of a group is its first claim.
struct UnionFind {
    parent: Vec<u32>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n as u32).collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] as usize != i {
            let up = self.parent[self.parent[i] as usize];
            self.parent[i] = up;
            i = up as usize;
        }
        i
    }

    /// Joins two groups; the new root.
    fn union(&mut self, a: usize, b: usize) -> usize {
        let (ra, rb) = (self.find(a), self.find(b));
        let (root, child) = (ra.min(rb), ra.max(rb));
        self.parent[child] = root as u32;
        root
    }
}

/// The count key of a figure's unit, "" when it names none.
fn figure_key(f: &Figure) -> String {
    f.unit.as_deref().map(count_key).unwrap_or_default()
}
