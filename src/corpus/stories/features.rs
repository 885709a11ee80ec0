//! What a claim's content asserts, as the story pass compares it: its salient words (lower
//! case, stemmed, soldiers and troops one word), the countries of its places, its figures,
//! whether it is negated ("did not send", a cue such as "denied"), and the words that have
//! an opposite ("rose" / "fell").

use std::hash::Hasher;
use std::sync::OnceLock;

use crate::model::Figure;
use crate::text::{Token, TokenKind, WordHasher, WordList, WordMap};

/// What kind of thing a feature is; part of its hash, so a word never equals a country.
#[derive(Clone, Copy)]
pub(super) enum Class {
    /// A word ("sent", "troops", "Trump").
    Word = 1,
    /// The country of a place the content names.
    Country = 2,
    Number = 3,
}

/// A feature's hash, its class in the top byte.
pub(super) fn hash(class: Class, bytes: &[u8]) -> u64 {
    let mut h = WordHasher::default();
    h.write(bytes);
    (h.finish() >> 8) | (class as u64) << 56
}

/// The class byte of a feature hash.
pub(super) fn class_of(feature: u64) -> u8 {
    (feature >> 56) as u8
}

/// Words with an opposite: (group, side). Two claims that differ only in "rose" and "fell"
/// assert different things.
const OPPOSITES: &[(&[&str], &[&str])] = &[
    (
        &[
            "rise",
            "rises",
            "rose",
            "risen",
            "rising",
            "increase",
            "increased",
            "increases",
            "increasing",
            "grew",
            "grow",
            "grows",
            "growing",
            "climbed",
            "climbs",
        ],
        &[
            "fall",
            "falls",
            "fell",
            "fallen",
            "falling",
            "decrease",
            "decreased",
            "decreases",
            "decreasing",
            "declined",
            "declines",
            "dropped",
            "drops",
            "shrank",
            "shrinks",
        ],
    ),
    (
        &["win", "wins", "won", "winning"],
        &["lose", "loses", "lost", "losing"],
    ),
    (
        &[
            "support",
            "supports",
            "supported",
            "supporting",
            "backs",
            "backed",
        ],
        &["oppose", "opposes", "opposed", "opposing"],
    ),
    (
        &[
            "accept", "accepts", "accepted", "approve", "approved", "approves",
        ],
        &["reject", "rejects", "rejected", "veto", "vetoed"],
    ),
    (
        &["confirm", "confirms", "confirmed", "confirming"],
        &["deny", "denies", "denied", "denying"],
    ),
    (&["legal", "lawful"], &["illegal", "unlawful"]),
    (&["guilty"], &["innocent"]),
    (&["true"], &["false", "untrue"]),
    (
        &["help", "helps", "helped", "helping"],
        &["hurt", "hurts", "hurting", "harm", "harms", "harmed"],
    ),
];

/// Words that negate what the content says.
static NEGATIONS: WordList = WordList::new(&[
    "not", "never", "no", "nobody", "none", "nothing", "neither", "nor", "cannot",
]);

/// Cue words that assert the opposite of their content ("denied sending troops").
const DENIALS: &[&str] = &[
    "deni", "deny", "dismiss", "refut", "disput", "rebuff", "reject",
];

/// Function words and the words every claim has: no evidence that two claims say the same.
static STOP: WordList = WordList::new(&[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "get",
    "gets",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "let",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "same",
    "say",
    "says",
    "said",
    "she",
    "should",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "also",
    "already",
    "well",
    "going",
    "want",
    "wants",
    "way",
    "really",
    "lot",
    "thing",
    "things",
    "think",
    "know",
    "s",
    "mr",
    "mrs",
    "ms",
]);

/// Words that say one thing with different letters, and irregular forms: (form, as).
const SAME: &[(&str, &str)] = &[
    ("soldier", "troop"),
    ("soldiers", "troop"),
    ("troops", "troop"),
    ("servicemen", "troop"),
    ("serviceman", "troop"),
    ("forces", "troop"),
    ("sent", "send"),
    ("sending", "send"),
    ("sends", "send"),
    ("deploy", "send"),
    ("deployed", "send"),
    ("deploying", "send"),
    ("deploys", "send"),
    ("deployment", "send"),
    ("dispatch", "send"),
    ("dispatched", "send"),
    ("dispatching", "send"),
    ("killed", "kill"),
    ("killing", "kill"),
    ("kills", "kill"),
    ("dead", "kill"),
    ("died", "kill"),
    ("die", "kill"),
    ("deaths", "kill"),
    ("death", "kill"),
    ("told", "tell"),
    ("went", "go"),
    ("gone", "go"),
    ("took", "take"),
    ("taken", "take"),
    ("gave", "give"),
    ("given", "give"),
    ("won", "win"),
    ("lost", "lose"),
    ("fought", "fight"),
    ("held", "hold"),
    ("met", "meet"),
    ("paid", "pay"),
    ("sold", "sell"),
    ("bought", "buy"),
    ("built", "build"),
    ("began", "begin"),
    ("begun", "begin"),
    ("left", "leave"),
    ("led", "lead"),
    ("struck", "strike"),
    ("shot", "shoot"),
    ("fled", "flee"),
    ("spent", "spend"),
    ("brought", "bring"),
    ("knew", "know"),
    ("saw", "see"),
    ("seen", "see"),
    ("wrote", "write"),
    ("written", "write"),
    ("ran", "run"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("broke", "break"),
    ("broken", "break"),
    ("became", "become"),
    ("men", "man"),
    ("women", "woman"),
    ("children", "child"),
    ("americans", "american"),
];

/// The per-claim reading, before the corpus's weights are known.
#[derive(Clone, Debug, Default)]
pub(super) struct Reading {
    /// Word and country features, sorted, distinct.
    pub words: Vec<u64>,
    /// The words written as a name here (capitalised inside the content, or an acronym:
    /// "Trump", "GOP"), and those written in lower case: whether a word is a name is decided
    /// over the corpus, since a sentence's first word says nothing.
    pub names: Vec<u64>,
    pub lowered: Vec<u64>,
    /// Figures as features (value and what they count), sorted, distinct: evidence when
    /// two claims share one, none against when they differ.
    pub numbers: Vec<u64>,
    /// Adjacent pairs of words (function words passed over), sorted: shared words that run
    /// together in both claims ("real estate mogul") are one piece of evidence, not three.
    pub pairs: Vec<(u64, u64)>,
    /// The word features a negation governs ("did not *send troops*"), sorted.
    pub negated: Vec<u64>,
    /// The cue denies the whole content ("denied sending troops").
    pub is_denied: bool,
    /// (group, side) of the words with an opposite.
    pub opposites: Vec<(u8, u8)>,
}

/// One claim's reading as the comparisons see it: slices of a [`Readings`] store.
#[derive(Clone, Copy, Debug)]
pub(super) struct View<'a> {
    pub words: &'a [u64],
    pub names: &'a [u64],
    pub lowered: &'a [u64],
    pub numbers: &'a [u64],
    pub pairs: &'a [(u64, u64)],
    pub negated: &'a [u64],
    pub is_denied: bool,
    pub opposites: &'a [(u8, u8)],
}

impl View<'_> {
    /// A hash of everything the comparison reads: equal for word-for-word copies.
    pub(super) fn signature(&self) -> u64 {
        let mut h = WordHasher::default();
        for list in [self.words, self.numbers, self.negated] {
            for &f in list {
                h.write_u64(f);
            }
            h.write_u8(0xff);
        }
        h.write_u8(u8::from(self.is_denied));
        for &(g, side) in self.opposites {
            h.write_u8(g);
            h.write_u8(side);
        }
        h.finish()
    }

    /// Whether the claim says a word is not so ("did not send", or a denial of it all).
    fn denies(&self, feature: u64) -> bool {
        self.is_denied != self.negated.binary_search(&feature).is_ok()
    }
}

/// A list per claim, all in one vector: claim i's are `items[at[i]..at[i + 1]]`.
#[derive(Debug)]
struct Flat<T> {
    items: Vec<T>,
    at: Vec<usize>,
}

impl<T: Copy> Flat<T> {
    fn new() -> Flat<T> {
        Flat {
            items: Vec::new(),
            at: vec![0],
        }
    }
    fn push(&mut self, items: &[T]) {
        self.items.extend_from_slice(items);
        self.at.push(self.items.len());
    }
    fn get(&self, i: usize) -> &[T] {
        &self.items[self.at[i]..self.at[i + 1]]
    }
}

/// The readings of all claims, in claim order, without one allocation per claim.
#[derive(Debug)]
pub(super) struct Readings {
    words: Flat<u64>,
    names: Flat<u64>,
    lowered: Flat<u64>,
    numbers: Flat<u64>,
    pairs: Flat<(u64, u64)>,
    negated: Flat<u64>,
    opposites: Flat<(u8, u8)>,
    is_denied: Vec<bool>,
}

impl Readings {
    pub(super) fn new() -> Readings {
        Readings {
            words: Flat::new(),
            names: Flat::new(),
            lowered: Flat::new(),
            numbers: Flat::new(),
            pairs: Flat::new(),
            negated: Flat::new(),
            opposites: Flat::new(),
            is_denied: Vec::new(),
        }
    }

    /// Adds the next claim's reading.
    pub(super) fn push(&mut self, r: &Reading) {
        self.words.push(&r.words);
        self.names.push(&r.names);
        self.lowered.push(&r.lowered);
        self.numbers.push(&r.numbers);
        self.pairs.push(&r.pairs);
        self.negated.push(&r.negated);
        self.opposites.push(&r.opposites);
        self.is_denied.push(r.is_denied);
    }

    pub(super) fn get(&self, i: usize) -> View<'_> {
        View {
            words: self.words.get(i),
            names: self.names.get(i),
            lowered: self.lowered.get(i),
            numbers: self.numbers.get(i),
            pairs: self.pairs.get(i),
            negated: self.negated.get(i),
            is_denied: self.is_denied[i],
            opposites: self.opposites.get(i),
        }
    }
}

/// Content words a negation governs: the next two, up to a clause break.
const NEGATION_SCOPE: usize = 2;

/// Reads a content's tokens into `out` (cleared first). `lower` is the content in lower
/// case (ASCII), `cue` the cue's words; `countries` the countries of the places the content
/// names.
pub(super) fn read(
    lower: &str,
    tokens: &[Token],
    cue: &str,
    countries: &[&str],
    figures: &[Figure],
    stem_buf: &mut String,
    out: &mut Reading,
) {
    out.words.clear();
    out.numbers.clear();
    out.negated.clear();
    out.pairs.clear();
    out.names.clear();
    out.lowered.clear();
    out.opposites.clear();
    let mut previous: Option<u64> = None;
    out.is_denied = is_denial(cue);
    // a headline in title case ("Clinton Wades In, Urges Britain to Remain") says nothing
    // by its capitals
    let (mut capitalised, mut words) = (0, 0);
    for t in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        words += 1;
        capitalised += usize::from(t.is_capitalized());
    }
    let is_title_case = words >= 3 && capitalised * 3 >= words * 2;
    let mut is_initial = true;
    // words left in the scope of the last negation
    let mut scope = 0usize;
    for t in tokens {
        let was_initial = is_initial;
        is_initial = matches!(t.kind, TokenKind::Quote)
            || (t.kind == TokenKind::Punct && matches!(t.first, '.' | '?' | '!' | ':'));
        if matches!(
            t.kind,
            TokenKind::Punct | TokenKind::Dash | TokenKind::Quote
        ) {
            scope = 0;
        }
        // words run together when nothing but a hyphen or "of" stands between them ("real
        // estate mogul", "secretary of state"), not "troops had been sent"
        let before = previous.take();
        let w = lower.get(t.span.range()).unwrap_or("");
        if t.kind == TokenKind::Hyphen || (t.kind == TokenKind::Word && w == "of") {
            previous = before;
            continue;
        }
        if t.kind != TokenKind::Word || t.first.is_ascii_digit() {
            continue;
        }
        if NEGATIONS.contains(w) || w.ends_with("n't") {
            scope = NEGATION_SCOPE;
            continue;
        }
        if w == "but" {
            scope = 0;
        }
        if let Some(o) = opposite(w) {
            out.opposites.push(o);
            if o.0 == CONFIRM_DENY && o.1 == 1 {
                // "denied sending troops" inside the content negates what follows
                scope = NEGATION_SCOPE;
            }
            continue;
        }
        if w.len() < 2 || STOP.contains(w) {
            continue;
        }
        // the next content words are negated: "did not send any troops", not the "entering"
        // of "Muslims who are not citizens from entering"
        let in_scope = scope > 0;
        scope = scope.saturating_sub(1);
        stem(w, stem_buf);
        let is_name = !is_title_case
            && (t.is_all_caps() && w.len() > 1 || t.is_capitalized() && !was_initial);
        let h = hash(Class::Word, stem_buf.as_bytes());
        out.words.push(h);
        if is_name {
            out.names.push(h);
        } else if !t.is_capitalized() {
            out.lowered.push(h);
        }
        if in_scope {
            out.negated.push(h);
        }
        if let Some(p) = before {
            out.pairs.push((p, h));
        }
        previous = Some(h);
    }
    for c in countries {
        out.words.push(hash(Class::Country, c.as_bytes()));
    }
    for f in figures.iter().filter(|f| !f.is_each) {
        let unit = f
            .unit
            .as_deref()
            .map(crate::corpus::figures::count_key)
            .unwrap_or_default();
        let key = format!("{}|{}", f.value, unit);
        out.numbers.push(hash(Class::Number, key.as_bytes()));
    }
    for list in [
        &mut out.words,
        &mut out.numbers,
        &mut out.negated,
        &mut out.names,
        &mut out.lowered,
    ] {
        list.sort_unstable();
        list.dedup();
    }
    out.pairs.sort_unstable();
    out.pairs.dedup();
    out.opposites.sort_unstable();
    out.opposites.dedup();
}

/// Whether one claim denies what the other asserts: one negates a word both say and the
/// other negates none of them ("sent troops" / "did not send troops", "denied sending
/// troops"), or one says the opposite of the other ("rose" / "fell"). Two claims that both
/// deny ("did not send", "never sent") agree.
pub(super) fn opposed(a: View, b: View) -> bool {
    if clash(a.opposites, b.opposites) {
        return true;
    }
    let (mut i, mut j) = (0, 0);
    let (mut a_denies, mut b_denies) = (false, false);
    while i < a.words.len() && j < b.words.len() {
        match a.words[i].cmp(&b.words[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let f = a.words[i];
                if class_of(f) == Class::Word as u8 {
                    a_denies |= a.denies(f);
                    b_denies |= b.denies(f);
                }
                i += 1;
                j += 1;
            }
        }
    }
    a_denies != b_denies
}

/// The group of "confirm" / "deny" in [`OPPOSITES`].
const CONFIRM_DENY: u8 = 4;

/// The words of [`OPPOSITES`] and [`SAME`], looked up per word of every claim: hashed once.
struct Tables {
    opposites: WordMap<(u8, u8)>,
    same: WordMap<&'static str>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut opposites = WordMap::default();
        for (g, (a, b)) in OPPOSITES.iter().enumerate() {
            for (side, words) in [(0u8, a), (1u8, b)] {
                for &w in words.iter() {
                    opposites.insert(w, (g as u8, side));
                }
            }
        }
        Tables {
            opposites,
            same: SAME.iter().copied().collect(),
        }
    })
}

fn opposite(w: &str) -> Option<(u8, u8)> {
    tables().opposites.get(w).copied()
}

fn is_denial(cue: &str) -> bool {
    let mut buf = [0u8; 64];
    let b = cue.as_bytes();
    let n = b.len().min(buf.len());
    buf[..n].copy_from_slice(&b[..n]);
    buf[..n].make_ascii_lowercase();
    DENIALS
        .iter()
        .any(|d| buf[..n].windows(d.len()).any(|w| w == d.as_bytes()))
}

/// Whether two readings assert opposite things: one has a word the other has the opposite
/// of, and neither has both.
pub(super) fn clash(a: &[(u8, u8)], b: &[(u8, u8)]) -> bool {
    a.iter().any(|&(g, side)| {
        b.contains(&(g, 1 - side)) && !a.contains(&(g, 1 - side)) && !b.contains(&(g, side))
    })
}

/// A light stem: a word the same in the singular and plural, and with or without "-ed",
/// "-ing" (sending → send, agreed → agre, agrees → agre).
pub(super) fn stem(w: &str, out: &mut String) {
    out.clear();
    if let Some(as_) = tables().same.get(w) {
        out.push_str(as_);
        return;
    }
    let b = w.as_bytes();
    let n = b.len();
    let cut = if n > 4 && w.ends_with("ies") {
        out.push_str(&w[..n - 3]);
        out.push('y');
        return;
    } else if n > 5 && w.ends_with("ing") {
        3
    } else if n > 4 && w.ends_with("ied") {
        out.push_str(&w[..n - 3]);
        out.push('y');
        return;
    } else if n > 4
        && (w.ends_with("ed")
            || ["ches", "shes", "sses", "xes"]
                .iter()
                .any(|e| w.ends_with(e)))
    {
        2
    } else if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        1
    } else {
        0
    };
    let mut s = &w[..n - cut];
    // "agree" and "agreed" alike
    if s.len() > 4 && s.ends_with('e') {
        s = &s[..s.len() - 1];
    }
    out.push_str(s);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_of_one_word_stem_alike() {
        let stemmed = |w: &str| {
            let mut s = String::new();
            stem(w, &mut s);
            s
        };
        for group in [
            &["send", "sent", "sending", "deployed"][..],
            &["troops", "soldiers", "soldier", "forces"],
            &["agree", "agreed", "agrees"],
            &["casualties", "casualty"],
            &["workers", "worker"],
        ] {
            let first = stemmed(group[0]);
            for w in group {
                assert_eq!(stemmed(w), first, "{w}");
            }
        }
    }

    #[test]
    fn opposite_words_clash_unless_both_are_said() {
        let rose = [opposite("rose").unwrap()];
        let fell = [opposite("fell").unwrap()];
        let both = [rose[0], fell[0]];
        assert!(clash(&rose, &fell));
        assert!(!clash(&rose, &rose));
        assert!(!clash(&both, &fell));
    }

    #[test]
    fn a_denial_cue_negates() {
        for (cue, is) in [("denied", true), ("Denies", true), ("said", false)] {
            assert_eq!(is_denial(cue), is, "{cue}");
        }
    }
}
