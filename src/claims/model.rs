//! A learned cue tagger: which tokens are attribution cues ("said", "called for", "according
//! to", "expressed serious concerns"). A first-order structured perceptron (averaged) over
//! B/I/O tags, with hashed features of the word, its neighbours, its shape, its cue precision
//! in the lexicon and whether it stands inside a quotation. Trained on the PolNeAR train split
//! by `examples/train_cue_model.rs`; the weights ship in `assets/claims/cue_model.bin`.
//!
//! Why learned: only a quarter of PolNeAR's cues are "said"; the rest ("called", "show",
//! "found", "wants") are cues in some contexts only, and the context decides.

use super::cues::{Cue, CueLexicon};
use super::packed;
use crate::text::Token;

static BUNDLED: &[u8] = include_bytes!("../../assets/claims/cue_model.bin");

/// Tags: outside, begin, inside a cue.
pub const TAGS: usize = 3;
pub const O: usize = 0;
pub const B: usize = 1;
pub const I: usize = 2;

const MAGIC: &[u8; 4] = b"CMCM";

/// The shipped model's [`CueModel::outside_penalty`], chosen on the dev split.
pub const OUTSIDE_PENALTY: f32 = 25.0;

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("the cue model is damaged ({0}); retrain it with examples/train_cue_model.rs")]
    Corrupt(&'static str),
}

/// Shuffles `items` in place with an xorshift generator whose state is `seed`: a fixed seed
/// gives a fixed order, so the same data trains the same model (both training examples).
pub fn shuffle<T>(items: &mut [T], seed: &mut u64) {
    for i in (1..items.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        items.swap(i, (*seed % (i as u64 + 1)) as usize);
    }
}

/// FNV-1a over parts, so features need no allocation.
pub fn hash_parts(parts: &[&[u8]]) -> u64 {
    hash(parts)
}

fn hash(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for &b in *p {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// What the tagger knows of one token, computed once per text so that features are a few
/// multiplications, not string hashing.
#[derive(Clone, Copy, Debug)]
pub struct TokenInfo {
    word: u64,
    suffix3: u64,
    suffix2: u64,
    shape: u8,
    /// Cue precision bucket of the word in the lexicon: 0 none, 1..=5 low to high.
    prec: u8,
    /// The same for the word's stem ("urges" shares what "urged" is known for).
    stem_prec: u8,
    in_quote: bool,
    is_quote: bool,
}

impl TokenInfo {
    /// Whether the word is in the learned lexicon at all: a sentence with no such word is
    /// not worth tagging.
    pub fn is_known_cue_form(&self) -> bool {
        // a stem alone counts when its forms are often cues: "state" shares "stated"'s stem
        // and would send every sentence about a state to the tagger
        self.prec >= 2 || self.stem_prec >= 3
    }
}

fn shape(raw: &str) -> u8 {
    // most tokens begin with an ASCII byte, which says it all but for capitals
    match raw.as_bytes().first() {
        None => return 0,
        Some(c) if c.is_ascii_lowercase() => return 3,
        Some(c) if c.is_ascii_digit() => return 4,
        Some(c) if c.is_ascii_uppercase() && raw.is_ascii() => {
            return if raw.bytes().any(|c| c.is_ascii_lowercase()) {
                2
            } else {
                1
            };
        }
        Some(c) if c.is_ascii() && !c.is_ascii_alphanumeric() => return 5,
        _ => {}
    }
    let mut chars = raw.chars();
    match chars.next() {
        None => 0,
        Some(c) if c.is_uppercase() => {
            if raw.chars().all(|c| !c.is_lowercase()) {
                1
            } else {
                2
            }
        }
        Some(c) if c.is_lowercase() => 3,
        Some(c) if c.is_numeric() => 4,
        Some(_) => 5,
    }
}

fn precision_bucket(p: Option<f32>) -> u8 {
    match p {
        None => 0,
        Some(p) if p >= 0.8 => 5,
        Some(p) if p >= 0.6 => 4,
        Some(p) if p >= 0.4 => 3,
        Some(p) if p >= 0.2 => 2,
        Some(_) => 1,
    }
}

fn suffix(w: &str, n: usize) -> &[u8] {
    let b = w.as_bytes();
    &b[b.len().saturating_sub(n)..]
}

/// The tagger's view of every token of a text: `lower` is the lower-case word ("" for
/// punctuation), `raw` the token's text.
pub fn token_infos(
    tokens: &[Token],
    lower: &[&str],
    raw: &[&str],
    in_quote: &[bool],
    lexicon: &CueLexicon,
) -> Vec<TokenInfo> {
    token_infos_and_cues(tokens, lower, raw, in_quote, lexicon).0
}

/// [`token_infos`], and each token's entry in the cue lexicon, from one lookup per token.
pub fn token_infos_and_cues(
    tokens: &[Token],
    lower: &[&str],
    raw: &[&str],
    in_quote: &[bool],
    lexicon: &CueLexicon,
) -> (Vec<TokenInfo>, Vec<Option<Cue>>) {
    let mut cues = Vec::with_capacity(tokens.len());
    let infos = (0..tokens.len())
        .map(|i| {
            let w = if lower[i].is_empty() {
                raw[i]
            } else {
                lower[i]
            };
            let facts = lexicon.facts(lower[i]);
            cues.push(facts.cue);
            TokenInfo {
                word: hash(&[w.as_bytes()]),
                suffix3: hash(&[suffix(lower[i], 3)]),
                suffix2: hash(&[suffix(lower[i], 2)]),
                shape: shape(raw[i]),
                prec: precision_bucket(facts.precision),
                stem_prec: precision_bucket(facts.stem_precision),
                in_quote: in_quote[i],
                is_quote: tokens[i].quote().is_some(),
            }
        })
        .collect();
    (infos, cues)
}

/// Combines a feature template with values.
fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.rotate_left(23)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^ (x >> 29)
}

const START: u64 = 0x5354_4152_54ab_cdef;
const END: u64 = 0x454e_4421_1234_5678;

/// Where a token's features go. Most features are hashes of words and endings, one of the
/// table's buckets each; the rest are templates whose values are a few small numbers (a tag
/// bucket, a shape, a position), whose weights the run-time model reads from a small table of
/// their own, without hashing.
trait FeatureSink {
    fn hashed(&mut self, h: u64);
    /// `template` over one value `a` (`b` is 0) or, when `pair`, over `a` and `b`; both < 10.
    fn small(&mut self, template: u64, a: u64, b: u64, pair: bool);
}

/// Templates and values of small features are below these.
const SMALL_TEMPLATES: usize = 36;
const SMALL_VALUES: usize = 10;
/// Entries of the small features' table: a power of two above every [`small_slot`].
const SMALL_SLOTS: usize = 8192;
const _: () = assert!(2 * SMALL_TEMPLATES * SMALL_VALUES * SMALL_VALUES <= SMALL_SLOTS);

/// The hash of a small feature, as training sees it.
fn small_hash(template: u64, a: u64, b: u64, pair: bool) -> u64 {
    let h = mix(template, a);
    if pair { mix(h, b) } else { h }
}

/// Where a small feature's weights sit in [`CueModel::small`].
#[inline(always)]
fn small_slot(template: u64, a: u64, b: u64, pair: bool) -> usize {
    (((pair as usize * SMALL_TEMPLATES + template as usize) * SMALL_VALUES + a as usize)
        * SMALL_VALUES)
        + b as usize
}

/// Collects feature hashes, for training.
struct Hashes<'a>(&'a mut Vec<u64>);

impl FeatureSink for Hashes<'_> {
    fn hashed(&mut self, h: u64) {
        self.0.push(h);
    }
    fn small(&mut self, template: u64, a: u64, b: u64, pair: bool) {
        self.0.push(small_hash(template, a, b, pair));
    }
}

/// The feature hashes of token `i` of a sentence (`infos` is the sentence), into `out`.
pub fn features(infos: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    out.clear();
    visit_features(infos, i, &mut Hashes(out));
}

/// The features of token `i`, in a fixed order (training sums them in it), into `sink`.
#[inline(always)]
fn visit_features(infos: &[TokenInfo], i: usize, sink: &mut impl FeatureSink) {
    let n = infos.len();
    let w = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 {
            START
        } else if j as usize >= n {
            END
        } else {
            infos[j as usize].word
        }
    };
    let t = &infos[i];
    let prec = |j: isize| -> u64 {
        let j = i as isize + j;
        if j < 0 || j as usize >= n {
            9
        } else {
            infos[j as usize].prec as u64
        }
    };
    let (w0, wm1, wp1, wm2, wp2) = (w(0), w(-1), w(1), w(-2), w(2));
    let p0 = t.prec as u64;
    let q = t.in_quote as u64;
    let pos: u64 = match i {
        0 => 0,
        1 => 1,
        2..=4 => 2,
        5..=9 => 3,
        _ => 4,
    };
    let left_quote = infos[i.saturating_sub(3)..i].iter().any(|x| x.is_quote) as u64;
    let right_quote = infos[i + 1..n.min(i + 4)].iter().any(|x| x.is_quote) as u64;
    let shape_m1 = if i > 0 { infos[i - 1].shape as u64 } else { 9 };
    let suffix_of = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 || j as usize >= n {
            7
        } else {
            infos[j as usize].suffix2
        }
    };
    let to_end: u64 = match n - i {
        1 => 0,
        2 => 1,
        3..=4 => 2,
        _ => 3,
    };
    sink.small(1, 0, 0, false);
    sink.hashed(mix(2, w0));
    sink.hashed(mix(3, wm1));
    sink.hashed(mix(4, wp1));
    sink.hashed(mix(5, wm2));
    sink.hashed(mix(6, wp2));
    sink.hashed(mix(mix(7, wm1), w0));
    sink.hashed(mix(mix(8, w0), wp1));
    sink.hashed(mix(mix(9, wm2), wm1));
    sink.hashed(mix(mix(10, wp1), wp2));
    sink.hashed(mix(11, t.suffix3));
    sink.hashed(mix(12, t.suffix2));
    sink.small(13, t.shape as u64, 0, false);
    sink.small(14, shape_m1, 0, false);
    sink.small(15, p0, 0, false);
    sink.hashed(mix(mix(16, p0), wp1));
    sink.hashed(mix(mix(17, p0), wm1));
    sink.small(18, prec(-1), 0, false);
    sink.small(19, prec(1), 0, false);
    sink.small(20, q, 0, false);
    sink.small(21, q, p0, true);
    sink.small(22, pos, 0, false);
    sink.small(23, pos, p0, true);
    sink.small(24, left_quote, p0, true);
    // the neighbours' endings say what they are ("-ed", "-ly", "-s") without a tagger
    sink.hashed(mix(mix(25, suffix_of(-1)), p0));
    sink.hashed(mix(mix(26, suffix_of(1)), p0));
    sink.small(27, shape_m1, p0, true);
    sink.small(28, to_end, p0, true);
    sink.hashed(mix(mix(mix(29, wm1), w0), wp1));
    sink.small(30, t.stem_prec as u64, p0, true);
    sink.hashed(mix(mix(31, t.stem_prec as u64), t.suffix2));
    // a quotation just after ("said: “...") and a name just before ("Trump urges")
    sink.small(32, right_quote, p0.max(t.stem_prec as u64), true);
    sink.hashed(mix(mix(33, shape_m1), t.suffix2));
    sink.hashed(mix(mix(34, w0), wp2));
    sink.hashed(mix(mix(35, wm2), w0));
}

/// Sums a token's weights as the run-time model reads them.
struct Sums<'a> {
    model: &'a CueModel,
    sums: [i32; 2],
}

impl FeatureSink for Sums<'_> {
    #[inline(always)]
    fn hashed(&mut self, h: u64) {
        self.add(self.model.above_o[bucket(h)]);
    }
    #[inline(always)]
    fn small(&mut self, template: u64, a: u64, b: u64, pair: bool) {
        // within the table's power of two whatever the values: no bounds check
        self.add(self.model.small[small_slot(template, a, b, pair) & (SMALL_SLOTS - 1)]);
    }
}

impl Sums<'_> {
    #[inline(always)]
    fn add(&mut self, d: [i16; 2]) {
        self.sums[0] += d[0] as i32;
        self.sums[1] += d[1] as i32;
    }
}

/// The tagger at run time. Viterbi compares the tags of one token with each other, so only
/// how far B and I score above O matters: each feature bucket keeps those two differences as
/// i16 (one scale), 4 bytes a bucket, 1 MB in all. Every token of a tagged sentence reads 35
/// random buckets, so the table has to stay in a core's own cache: misses to the shared cache
/// were a quarter of the whole pipeline's time with f32 weights for all three tags (3 MB).
pub struct CueModel {
    /// Subtracted from the "outside" score of every token: trades precision for recall.
    pub outside_penalty: f32,
    /// What one unit of `above_o` is worth.
    scale: f32,
    /// Per bucket: the B and the I weight minus the O weight.
    above_o: Box<[[i16; 2]; BUCKETS]>,
    /// The same for every value of the small features, by [`small_slot`]: read
    /// without hashing, from a table that stays in the first-level cache.
    small: Box<[[i16; 2]; SMALL_SLOTS]>,
    transitions: [[f32; TAGS]; TAGS + 1],
}

/// The most feature buckets a model may have (the shipped one has all of them). A smaller
/// model's table is repeated up to this size, so that a bucket is always the hash's low
/// `MAX_BITS` bits: a constant mask, and no bounds check on the 35 reads per token.
const MAX_BITS: u32 = 18;
const BUCKETS: usize = 1 << MAX_BITS;

fn bucket(h: u64) -> usize {
    (h & (BUCKETS as u64 - 1)) as usize
}

fn slot(bits: u32, h: u64) -> usize {
    ((h & ((1u64 << bits) - 1)) as usize) * TAGS
}

impl CueModel {
    /// The model shipped with claimmap.
    pub fn bundled() -> Result<CueModel, ModelError> {
        CueModel::from_bytes(BUNDLED)
    }

    /// A token's tag scores from its feature hashes. O scores 0: the others are relative to
    /// it. Sums are integers, so the order of the features cannot change a tag.
    fn emissions(&self, feats: impl IntoIterator<Item = u64>) -> [f32; TAGS] {
        let mut sums = Sums {
            model: self,
            sums: [0; 2],
        };
        feats.into_iter().for_each(|h| sums.hashed(h));
        self.above(sums.sums)
    }

    /// Tag scores from the summed B and I differences.
    fn above(&self, sums: [i32; 2]) -> [f32; TAGS] {
        let above = |s: i32| s as f32 * self.scale + self.outside_penalty;
        [0.0, above(sums[0]), above(sums[1])]
    }

    /// Tags one sentence (inference).
    pub fn tag(&self, infos: &[TokenInfo]) -> Vec<usize> {
        let mut v = Viterbi::new(&self.transitions, infos.len());
        for i in 0..infos.len() {
            let mut sums = Sums {
                model: self,
                sums: [0; 2],
            };
            visit_features(infos, i, &mut sums);
            v.step(self.above(sums.sums));
        }
        v.finish()
    }

    /// The best tag sequence for one sentence. `feats[i]` are token i's features.
    pub fn decode(&self, feats: &[Vec<u64>]) -> Vec<usize> {
        let emissions: Vec<[f32; TAGS]> = feats
            .iter()
            .map(|f| self.emissions(f.iter().copied()))
            .collect();
        viterbi(&self.transitions, &emissions)
    }

    /// Reads the packed model: "CMCM", u32 version, u32 bits, f32 scale, then
    /// `2^bits × 3` i16 weights and `4 × 3` f32 transitions.
    pub fn from_bytes(data: &[u8]) -> Result<CueModel, ModelError> {
        let packed::Packed {
            bits,
            scale,
            weights,
            rest,
        } = packed::read(data, MAGIC, TAGS)?;
        if rest.len() != (TAGS + 1) * TAGS * 4 {
            return Err(ModelError::Corrupt("size disagrees with header"));
        }
        let f32_at =
            |at: usize| f32::from_le_bytes([rest[at], rest[at + 1], rest[at + 2], rest[at + 3]]);
        let mut transitions = [[0.0; TAGS]; TAGS + 1];
        for (p, row) in transitions.iter_mut().enumerate() {
            for (t, x) in row.iter_mut().enumerate() {
                *x = f32_at((p * TAGS + t) * 4);
            }
        }
        // as packed::quantise would on the f32 differences, without building them first
        let above = |w: &[i16], t: usize| w[t] as i32 - w[O] as i32;
        let widest = weights
            .chunks_exact(TAGS)
            .flat_map(|w| [B, I].map(|t| above(w, t).unsigned_abs()))
            .max()
            .unwrap_or(0);
        let unit = (widest as f32 * scale).max(1e-9) / i16::MAX as f32;
        if bits > MAX_BITS {
            return Err(ModelError::Corrupt("more feature buckets than 2^18"));
        }
        let table: Vec<[i16; 2]> = weights
            .chunks_exact(TAGS)
            .map(|w| [B, I].map(|t| round((above(w, t) as f32 * scale / unit) as f64)))
            .collect();
        let above_o: Box<[[i16; 2]; BUCKETS]> = (0..BUCKETS)
            .map(|k| table[k & (table.len() - 1)])
            .collect::<Box<[_]>>()
            .try_into()
            .unwrap_or_else(|_| unreachable!("BUCKETS entries were collected"));
        let mut small = Box::new([[0; 2]; SMALL_SLOTS]);
        for pair in [false, true] {
            for template in 0..SMALL_TEMPLATES as u64 {
                for a in 0..SMALL_VALUES as u64 {
                    for b in 0..SMALL_VALUES as u64 {
                        small[small_slot(template, a, b, pair)] =
                            above_o[bucket(small_hash(template, a, b, pair))];
                    }
                }
            }
        }
        Ok(CueModel {
            outside_penalty: OUTSIDE_PENALTY,
            scale: unit,
            above_o,
            small,
            transitions,
        })
    }
}

/// `x.round() as i16`, in f64 where adding the half is exact: without SSE4.1 `f32::round` is
/// a library call, and loading the model rounds half a million weights.
fn round(x: f64) -> i16 {
    (x + 0.5f64.copysign(x)) as i16
}

/// The best tag sequence given each token's tag scores (Viterbi).
fn viterbi(transitions: &[[f32; TAGS]; TAGS + 1], emissions: &[[f32; TAGS]]) -> Vec<usize> {
    let mut v = Viterbi::new(transitions, emissions.len());
    for &e in emissions {
        v.step(e);
    }
    v.finish()
}

/// Viterbi one token at a time, so that tagging needs no buffer of tag scores. Three tags,
/// unrolled: this ran for every token of three in four.
struct Viterbi<'a> {
    transitions: &'a [[f32; TAGS]; TAGS + 1],
    /// The best score of a sequence ending in each tag, up to the last token stepped.
    score: [f32; TAGS],
    /// Per token after the first, the best previous tag for each tag.
    back: Vec<[u8; TAGS]>,
    started: bool,
}

impl<'a> Viterbi<'a> {
    fn new(transitions: &'a [[f32; TAGS]; TAGS + 1], n: usize) -> Viterbi<'a> {
        Viterbi {
            transitions,
            score: [f32::NEG_INFINITY; TAGS],
            back: Vec::with_capacity(n),
            started: false,
        }
    }

    #[inline]
    fn step(&mut self, e: [f32; TAGS]) {
        let tr = self.transitions;
        if !self.started {
            self.started = true;
            // I may not start a cue
            self.score = [e[O] + tr[TAGS][O], e[B] + tr[TAGS][B], f32::NEG_INFINITY];
            return;
        }
        let prev = self.score;
        // the first best wins a tie, as previous tags are tried in order
        let best = |from: &[usize], t: usize| {
            let mut best = (f32::NEG_INFINITY, 0u8);
            for &p in from {
                let s = prev[p] + tr[p][t];
                if s > best.0 {
                    best = (s, p as u8);
                }
            }
            best
        };
        let o = best(&[O, B, I], O);
        let b = best(&[O, B, I], B);
        // nor follow an O
        let i = best(&[B, I], I);
        self.score = [o.0 + e[O], b.0 + e[B], i.0 + e[I]];
        self.back.push([o.1, b.1, i.1]);
    }

    fn finish(self) -> Vec<usize> {
        if !self.started {
            return Vec::new();
        }
        let n = self.back.len() + 1;
        let score = self.score;
        let mut t = (0..TAGS)
            .max_by(|&a, &b| score[a].total_cmp(&score[b]))
            .unwrap_or(O);
        let mut tags = vec![O; n];
        for i in (0..n).rev() {
            tags[i] = t;
            if i > 0 {
                t = self.back[i - 1][t] as usize;
            }
        }
        tags
    }
}

/// Trains the tagger with the averaged structured perceptron, in f32; [`Trainer::finish`]
/// quantises the result.
pub struct Trainer {
    bits: u32,
    weights: Vec<f32>,
    transitions: [[f32; TAGS]; TAGS + 1],
    /// Sum of updates weighted by time, for averaging (Daumé's trick).
    acc: Vec<f32>,
    acc_t: [[f32; TAGS]; TAGS + 1],
    step: f32,
}

impl Trainer {
    /// An untrained tagger with `2^bits` feature buckets.
    pub fn new(bits: u32) -> Trainer {
        let n = (1usize << bits) * TAGS;
        Trainer {
            bits,
            weights: vec![0.0; n],
            transitions: [[0.0; TAGS]; TAGS + 1],
            acc: vec![0.0; n],
            acc_t: [[0.0; TAGS]; TAGS + 1],
            step: 1.0,
        }
    }

    fn decode(&self, feats: &[Vec<u64>]) -> Vec<usize> {
        let emissions: Vec<[f32; TAGS]> = feats
            .iter()
            .map(|f| {
                let mut s = [0.0; TAGS];
                for &h in f {
                    let at = slot(self.bits, h);
                    for (x, w) in s.iter_mut().zip(&self.weights[at..at + TAGS]) {
                        *x += w;
                    }
                }
                s
            })
            .collect();
        viterbi(&self.transitions, &emissions)
    }

    /// One sentence: decode, and where the guess differs from `gold`, move the weights.
    /// Returns whether the guess was right.
    pub fn learn(&mut self, feats: &[Vec<u64>], gold: &[usize]) -> bool {
        let guess = self.decode(feats);
        let right = guess == gold;
        if !right {
            for (i, f) in feats.iter().enumerate() {
                if guess[i] != gold[i] {
                    for &h in f {
                        let at = slot(self.bits, h);
                        self.weights[at + gold[i]] += 1.0;
                        self.weights[at + guess[i]] -= 1.0;
                        self.acc[at + gold[i]] += self.step;
                        self.acc[at + guess[i]] -= self.step;
                    }
                }
                let (gp, pp) = if i == 0 {
                    (TAGS, TAGS)
                } else {
                    (gold[i - 1], guess[i - 1])
                };
                if gp != pp || gold[i] != guess[i] {
                    self.transitions[gp][gold[i]] += 1.0;
                    self.transitions[pp][guess[i]] -= 1.0;
                    self.acc_t[gp][gold[i]] += self.step;
                    self.acc_t[pp][guess[i]] -= self.step;
                }
            }
        }
        self.step += 1.0;
        right
    }

    /// The model as it stands (not averaged), as it would run: to watch training.
    pub fn snapshot(&self) -> CueModel {
        let mut m = CueModel::from_bytes(&self.pack(&self.weights, self.transitions))
            .unwrap_or_else(|_| unreachable!("a model just packed reads back"));
        m.outside_penalty = 0.0;
        m
    }

    /// The averaged model, packed as `assets/claims/cue_model.bin` ships it.
    pub fn finish(self) -> Vec<u8> {
        let weights: Vec<f32> = self
            .weights
            .iter()
            .zip(&self.acc)
            .map(|(w, a)| w - a / self.step)
            .collect();
        let mut transitions = self.transitions;
        for (row, arow) in transitions.iter_mut().zip(&self.acc_t) {
            for (w, a) in row.iter_mut().zip(arow) {
                *w -= a / self.step;
            }
        }
        self.pack(&weights, transitions)
    }

    /// "CMCM", u32 version, u32 bits, f32 scale, then `2^bits × 3` i16 weights and `4 × 3`
    /// f32 transitions.
    fn pack(&self, weights: &[f32], transitions: [[f32; TAGS]; TAGS + 1]) -> Vec<u8> {
        let (scale, weights) = packed::quantise(weights);
        let mut out = packed::write(MAGIC, self.bits, scale, &weights);
        for row in &transitions {
            for x in row {
                out.extend_from_slice(&x.to_bits().to_le_bytes());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_in_f64_matches_f32_round() {
        let edges = [
            0.5f32,
            1.5,
            2.5,
            -0.5,
            -1.5,
            0.49999997,
            -0.49999997,
            32766.5,
            -32767.0,
        ];
        let steps = (-40_000..40_000).map(|i| i as f32 * 0.8191);
        for x in edges.into_iter().chain(steps) {
            assert_eq!(round(x as f64), x.round() as i16, "{x}");
        }
    }

    #[test]
    fn small_features_weigh_as_their_hashes_do() {
        let m = CueModel::bundled().unwrap();
        let mut seed = 0x1234_5678_9abc_def1u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let infos: Vec<TokenInfo> = (0..400)
            .map(|_| TokenInfo {
                word: next(50),
                suffix3: next(20),
                suffix2: next(10),
                shape: next(6) as u8,
                prec: next(6) as u8,
                stem_prec: next(6) as u8,
                in_quote: next(2) == 1,
                is_quote: next(5) == 0,
            })
            .collect();
        let mut buf = Vec::new();
        for sentence in infos.chunks(23) {
            for i in 0..sentence.len() {
                features(sentence, i, &mut buf);
                let mut sums = Sums {
                    model: &m,
                    sums: [0; 2],
                };
                visit_features(sentence, i, &mut sums);
                assert_eq!(m.above(sums.sums), m.emissions(buf.iter().copied()));
            }
            let feats: Vec<Vec<u64>> = (0..sentence.len())
                .map(|i| {
                    features(sentence, i, &mut buf);
                    buf.clone()
                })
                .collect();
            assert_eq!(m.tag(sentence), m.decode(&feats));
        }
    }

    #[test]
    fn shapes_of_ascii_and_other_tokens() {
        let cases = [
            ("said", 3),
            ("Said", 2),
            ("SAID", 1),
            ("U.S.", 1),
            ("McDONALD", 2),
            ("1990", 4),
            (".", 5),
            ("“", 5),
            ("École", 2),
            ("ÉCOLE", 1),
            ("Ünal", 2),
            ("SCHRÖDER", 1),
            ("Schröder", 2),
            ("élan", 3),
            ("", 0),
        ];
        for (raw, want) in cases {
            assert_eq!(shape(raw), want, "{raw}");
        }
    }

    #[test]
    fn viterbi_finds_the_best_allowed_sequence() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % 2001) as f32 / 100.0 - 10.0
        };
        for n in 1..=6 {
            for _ in 0..50 {
                let mut transitions = [[0.0; TAGS]; TAGS + 1];
                transitions.iter_mut().flatten().for_each(|x| *x = next());
                let emissions: Vec<[f32; TAGS]> =
                    (0..n).map(|_| [next(), next(), next()]).collect();
                // every sequence where I neither starts nor follows O
                let mut best = (f32::NEG_INFINITY, Vec::new());
                for code in 0..TAGS.pow(n as u32) {
                    let tags: Vec<usize> =
                        (0..n).map(|k| code / TAGS.pow(k as u32) % TAGS).collect();
                    let allowed = (0..n).all(|k| tags[k] != I || (k > 0 && tags[k - 1] != O));
                    if !allowed {
                        continue;
                    }
                    let score: f32 = (0..n)
                        .map(|k| {
                            let from = if k == 0 { TAGS } else { tags[k - 1] };
                            transitions[from][tags[k]] + emissions[k][tags[k]]
                        })
                        .sum();
                    if score > best.0 {
                        best = (score, tags);
                    }
                }
                assert_eq!(viterbi(&transitions, &emissions), best.1);
            }
        }
        assert!(viterbi(&[[0.0; TAGS]; TAGS + 1], &[]).is_empty());
    }

    #[test]
    fn a_packed_model_reads_back() {
        let mut t = Trainer::new(8);
        let feats = vec![vec![1u64, 2], vec![3, 4]];
        for _ in 0..5 {
            t.learn(&feats, &[O, B]);
        }
        assert_eq!(t.snapshot().decode(&feats), vec![O, B]);
        let bytes = t.finish();
        let mut back = CueModel::from_bytes(&bytes).unwrap();
        back.outside_penalty = 0.0;
        assert_eq!(back.decode(&feats), vec![O, B]);
        assert!(CueModel::from_bytes(&bytes[..20]).is_err());
    }
}
