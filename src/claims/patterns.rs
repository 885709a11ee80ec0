//! Attribution patterns over one document's tokens and sentences:
//!
//! - source–cue–content: "X said (that) Y", "X told reporters Y", "X expressed concerns about Y";
//! - content–cue–source: "Y, X said." / "“Y,” said X" (the quote may span sentences);
//! - "according to X, Y" and "Y, according to X";
//! - participles: "X echoed it, stating that Y" (the source is the clause's subject);
//! - appositions kept with the source: "Soo Kim, a North Korea researcher, remarked that Y";
//! - hedges: "experts estimate Y" is hedged; "Y reportedly Z" is a claim with no source.

use super::cues::{Cue, CueClass, CueLexicon};
use super::model::{B, CueModel, I, O, hash_parts, token_infos_and_cues};
use super::ranker::Ranker;
use super::voice::{self, Voice, voice_of};
use crate::model::Span;
use crate::text::WordList;
use crate::text::{QuoteSide, Sentence, Token, TokenKind};

/// A claim as found in the text, before its source is resolved to an entity.
#[derive(Clone, Debug, PartialEq)]
pub struct RawClaim {
    /// The source as written, with its apposition ("Soo Kim, a ... analyst").
    pub source: Option<Span>,
    /// The naming part of the source ("Soo Kim").
    pub source_head: Option<Span>,
    /// The apposition ("a North Korea researcher and former CIA analyst").
    pub description: Option<Span>,
    pub cue: Option<Span>,
    pub content: Span,
    pub sentence: Span,
    pub is_hedged: bool,
    pub confidence: f32,
}

/// Words that never sit inside a subject noun phrase.
static NP_STOP: WordList = WordList::new(&[
    "that", "which", "who", "whom", "whose", "when", "where", "while", "because", "if", "although",
    "though", "as", "but", "or", "so", "than", "then", "to", "in", "on", "at", "by", "with",
    "from", "into", "after", "before", "during", "since", "until", "about", "over", "under",
    "against", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do",
    "does", "did", "will", "would", "could", "can", "may", "might", "should", "must", "shall",
    "not", "it", "its", "this", "me", "him", "us", "them", "you", "there", "here", "also", "just",
    "only", "even", "still", "now", "said", "says", "say", "told", "and", "let",
]);

/// Whether `w` never sits inside a subject noun phrase: [`NP_STOP`] and the negated
/// auxiliaries ("But don't expect", "doesn’t").
fn is_np_stop(w: &str) -> bool {
    NP_STOP.contains(w) || w.ends_with("n't") || w.ends_with("n’t")
}

/// Prepositions that may sit inside a subject ("officials in Kyiv", "a spokesman for the
/// army") but never at its left edge.
static INNER_PREPOSITIONS: WordList = WordList::new(&[
    "in", "at", "from", "with", "on", "near", "within", "inside", "by",
]);

/// Back from `k` over what may sit between a subject and its verb: auxiliaries, adverbs
/// ("has repeatedly"), and time phrases ("last month", "on Tuesday").
fn skip_back(cx: &Ctx, lo: usize, mut k: usize) -> usize {
    loop {
        if k > lo {
            let w = cx.w(k - 1);
            let t = cx.tokens[k - 1];
            // "…, Will wrote": capitalised mid-sentence, an auxiliary is a name
            let name = t.is_capitalized() && k - 1 > lo && !cx.is_opening_quote(k - 2);
            if (SKIPPABLE.contains(w) && !name)
                || (t.is_word() && !t.is_capitalized() && w.ends_with("ly") && w.len() > 4)
            {
                k -= 1;
                continue;
            }
            // "who in 2010 said"
            if t.kind == TokenKind::Number && k >= lo + 2 && cx.w(k - 2) == "in" {
                k -= 2;
                continue;
            }
            if DAYS.contains(w) && !t.is_line_start() {
                k -= 1;
                if k > lo && matches!(cx.w(k - 1), "on" | "last" | "this" | "next") {
                    k -= 1;
                }
                continue;
            }
            if k > lo + 1
                && TIME_NOUNS.contains(w)
                && matches!(
                    cx.w(k - 2),
                    "last" | "this" | "next" | "earlier" | "later" | "past"
                )
            {
                k -= 2;
                // "this past week"
                if k > lo && cx.w(k) == "past" && matches!(cx.w(k - 1), "this" | "the") {
                    k -= 1;
                }
                continue;
            }
        }
        return k;
    }
}

static DAYS: WordList = WordList::new(&[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
]);
static TIME_NOUNS: WordList = WordList::new(&[
    "week", "month", "year", "night", "weekend", "spring", "summer", "fall", "winter", "time",
]);

/// Words that may sit between a subject and its cue ("have recently affirmed").
static SKIPPABLE: WordList = WordList::new(&[
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "did",
    "does",
    "do",
    "is",
    "was",
    "are",
    "were",
    "also",
    "recently",
    "previously",
    "later",
    "again",
    "publicly",
    "privately",
    "repeatedly",
    "already",
    "still",
    "now",
    "then",
    "once",
    "never",
    "not",
    "often",
    "further",
    "first",
    "earlier",
    "initially",
    "reportedly",
    "long",
    "yet",
]);

/// Titles written with a dot before a name.
static TITLES: WordList = WordList::new(&[
    "rep", "sen", "gov", "dr", "mr", "mrs", "ms", "gen", "lt", "col", "sgt", "st", "jr", "capt",
    "maj", "adm", "prof", "rev", "atty", "supt",
]);

static PRONOUNS: WordList = WordList::new(&["he", "she", "they", "it", "we", "i", "you"]);

/// Words that open an appositive noun phrase ("Soo Kim, a researcher, ...").
static APPOSITIVE_OPENERS: WordList = WordList::new(&[
    "a", "an", "the", "former", "his", "her", "their", "its", "one", "who", "chief", "senior",
]);

/// Prepositions that end a noun-phrase content ("announced the agreement after ...").
static NP_CONTENT_END: WordList = WordList::new(&[
    "after",
    "before",
    "during",
    "since",
    "following",
    "when",
    "while",
    "amid",
    "on",
    "at",
    "in",
    "last",
    "this",
    "yesterday",
    "today",
]);

/// Words that make what follows a clause, not a noun phrase.
static CLAUSE_MARKERS: WordList = WordList::new(&[
    "would", "will", "could", "can", "may", "might", "should", "must", "is", "are", "was", "were",
    "has", "have", "had", "did", "does", "do", "plans", "wants", "sees", "needs",
]);

/// Past tenses that end no "-ed": a sign that a phrase is a clause ("the rape took place").
static IRREGULAR_PAST: WordList = WordList::new(&[
    "took",
    "made",
    "went",
    "came",
    "gave",
    "got",
    "knew",
    "thought",
    "saw",
    "became",
    "began",
    "left",
    "won",
    "lost",
    "ran",
    "kept",
    "held",
    "brought",
    "told",
    "found",
    "felt",
    "meant",
    "paid",
    "sent",
    "spent",
    "stood",
    "understood",
    "wrote",
    "said",
    "grew",
    "fell",
    "rose",
    "led",
    "met",
    "sold",
    "bought",
    "caught",
    "fought",
    "taught",
    "drove",
    "broke",
    "chose",
    "spoke",
    "struck",
    "hit",
    "cut",
    "let",
    "quit",
    "shut",
]);

/// Nominal cues after a verb: "expressed serious concerns about Y".
static CONCERN_VERBS: WordList =
    WordList::new(&["expressed", "voiced", "raised", "expresses", "voices"]);
static CONCERN_NOUNS: WordList = WordList::new(&[
    "concern",
    "concerns",
    "doubts",
    "doubt",
    "fears",
    "hope",
    "hopes",
    "confidence",
    "support",
    "opposition",
    "skepticism",
    "scepticism",
    "alarm",
    "worries",
    "regret",
    "outrage",
]);

/// A source as token ranges: what the text writes, the part that names the speaker, and an
/// apposition describing it.
#[derive(Clone, Copy)]
struct SourcePos {
    span: (usize, usize),
    head: (usize, usize),
    description: Option<(usize, usize)>,
}

impl SourcePos {
    fn new(a: usize, b: usize) -> SourcePos {
        SourcePos {
            span: (a, b),
            head: (a, b),
            description: None,
        }
    }

    /// "Soo Kim, a researcher": the head ends before the comma of the apposition at `appos`.
    fn with_apposition(a: usize, head_end: usize, appos: (usize, usize)) -> SourcePos {
        SourcePos {
            span: (a, appos.1),
            head: (a, head_end.max(a + 1)),
            description: Some(appos),
        }
    }
}

struct Ctx<'a> {
    tokens: &'a [Token],
    /// The cue tagger's B/I/O tag per token (all O without a model).
    cue_tags: Vec<usize>,
    /// Tokens inside double quotation marks: a cue there is the quoted speaker's own ("I
    /// think"), not the writer's attribution.
    in_quote: Vec<bool>,
    lower: &'a [&'a str],
    /// The cue lexicon's entry for each token's word, looked up once.
    cue_of: Vec<Option<Cue>>,
}

impl Ctx<'_> {
    fn cue(&self, i: usize) -> Option<Cue> {
        self.cue_of.get(i).copied().flatten()
    }
    fn w(&self, i: usize) -> &str {
        self.lower.get(i).copied().unwrap_or("")
    }
    fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_word())
    }
    fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_punct(c))
    }
    fn quote(&self, i: usize) -> Option<QuoteSide> {
        self.tokens.get(i).and_then(|t| t.quote())
    }
    fn span(&self, a: usize, b: usize) -> Span {
        Span {
            start: self.tokens[a].span.start,
            end: self.tokens[b - 1].span.end,
        }
    }
    /// A double mark (“ ” " « »), not a single one (‘ ’ '): a quotation's marks are of one
    /// kind, whatever quotes it holds ("“He calls me ‘Little Marco.’ I admit it,”").
    fn is_double_quote(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(is_double_mark)
    }
    /// A lower-case past form ("met", "denied"): the verb that ends a subject.
    fn is_past_verb(&self, k: usize) -> bool {
        let w = self.w(k);
        self.tokens.get(k).is_some_and(|t| !t.is_capitalized())
            && (w.ends_with("ed") || IRREGULAR_PAST.contains(w))
    }
    fn is_closing_quote(&self, i: usize) -> bool {
        match self.quote(i) {
            Some(QuoteSide::Close) => true,
            Some(QuoteSide::Either) => self.straight_closes(i),
            _ => false,
        }
    }
    /// A straight quote closes when glued to what precedes it, or, spaced ("coalitions, ''
    /// said Mr. Gunnels", "'above the president,' \" said"), after a comma, a stop or an
    /// inner quote and before a space.
    fn straight_closes(&self, i: usize) -> bool {
        let t = self.tokens[i];
        if !t.has_space_before() {
            return true;
        }
        let after_stop = i > 0 && {
            let p = self.tokens[i - 1];
            matches!(p.first, ',' | '.' | '?' | '!') || p.quote().is_some()
        };
        after_stop && self.tokens.get(i + 1).is_none_or(|n| n.has_space_before())
    }
    fn is_opening_quote(&self, i: usize) -> bool {
        match self.quote(i) {
            Some(QuoteSide::Open) => true,
            Some(QuoteSide::Either) => {
                !self.straight_closes(i) && self.tokens[i].has_space_before()
                    || i == 0
                    || self
                        .tokens
                        .get(i + 1)
                        .is_some_and(|n| !n.has_space_before())
            }
            _ => false,
        }
    }
}

/// Whether a quote token is a double mark (“ ” " « » „), not a single one (‘ ’ ').
fn is_double_mark(t: &Token) -> bool {
    matches!(t.first, '"' | '“' | '”' | '«' | '»' | '„')
}

/// Quote marks of the text, as (is a double quote, side, starts a paragraph).
fn cx_tokens_quote_view(tokens: &[Token]) -> Vec<Option<(QuoteSide, bool)>> {
    tokens
        .iter()
        .map(|t| {
            let double = is_double_mark(t);
            match t.quote() {
                Some(side) if double => Some((
                    side,
                    t.flags & Token::PARAGRAPH_START != 0 || t.is_line_start(),
                )),
                _ => None,
            }
        })
        .collect()
}

/// Which tokens sit inside double quotes. Straight quotes alternate; a new paragraph closes an
/// unbalanced quote (news style opens each quoted paragraph anew).
fn quoted_tokens(quotes: &[Option<(QuoteSide, bool)>]) -> Vec<bool> {
    let mut out = vec![false; quotes.len()];
    let mut open = false;
    for (i, q) in quotes.iter().enumerate() {
        match q {
            Some((side, line_start)) => {
                if *line_start {
                    open = false;
                }
                open = match side {
                    QuoteSide::Open => true,
                    QuoteSide::Close => false,
                    QuoteSide::Either => !open,
                };
            }
            None => out[i] = open,
        }
    }
    out
}

/// Which tokens of a text sit inside double quotes.
pub fn quoted_tokens_of(tokens: &[Token]) -> Vec<bool> {
    quoted_tokens(&cx_tokens_quote_view(tokens))
}

/// Words before a cue form that make it a noun ("the states", "his remarks", "United States").
static NOUN_MAKERS: WordList = WordList::new(&[
    "the", "his", "her", "their", "its", "our", "my", "your", "a", "an", "these", "those", "some",
    "many", "several", "all", "both", "other", "new", "united", "two", "three", "such", "of",
    "whose", "recent", "earlier", "latest", "media", "news", "press", "public",
]);

/// Builds the context of one text (lower-case words, quotation marks, the tagger's cue
/// tags) and runs `f` on it.
fn with_context<R>(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    cues: &CueLexicon,
    model: Option<&CueModel>,
    f: impl FnOnce(&Ctx) -> R,
) -> R {
    // lower-case words borrow the text; capitalised ones are lower-cased into one buffer, not
    // one allocation each
    let mut folded = String::new();
    let spans: Vec<Option<(usize, usize)>> = tokens
        .iter()
        .map(|t| {
            let s = t.text(text);
            if !t.is_word() || t.flags & Token::HAS_UPPER == 0 {
                return None;
            }
            let a = folded.len();
            if s.is_ascii() {
                folded.push_str(s);
                folded[a..].make_ascii_lowercase();
            } else {
                folded.push_str(&s.to_lowercase());
            }
            Some((a, folded.len()))
        })
        .collect();
    let lower: Vec<&str> = tokens
        .iter()
        .zip(&spans)
        .map(|(t, span)| match span {
            Some((a, b)) => &folded[*a..*b],
            None if !t.is_word() => "",
            None => t.text(text),
        })
        .collect();
    let in_quote = quoted_tokens(&cx_tokens_quote_view(tokens));
    let mut cue_tags = vec![O; tokens.len()];
    let cue_of = if let Some(m) = model {
        let raw: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        let (infos, cue_of) = token_infos_and_cues(tokens, &lower, &raw, &in_quote, cues);
        for s in sentences {
            let r = s.tokens.clone();
            // a sentence without a word ever seen in a cue has none
            if !infos[r.clone()].iter().any(|t| t.is_known_cue_form()) {
                continue;
            }
            let tags = m.tag(&infos[r.clone()]);
            cue_tags[r].copy_from_slice(&tags);
        }
        cue_of
    } else {
        lower.iter().map(|w| cues.get(w)).collect()
    };
    let cx = Ctx {
        tokens,
        cue_tags,
        in_quote,
        lower: &lower,
        cue_of,
    };
    f(&cx)
}

/// Every cue site of a text with all its readings: what the content ranker is trained on
/// (`examples/train_content_ranker.rs`).
pub fn cue_sites(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    cues: &CueLexicon,
    model: Option<&CueModel>,
) -> Vec<CueSite> {
    with_context(text, tokens, sentences, cues, model, |cx| {
        let mut sites = Vec::new();
        for s in sentences {
            sentence_sites(cx, s, cues, model.is_some(), true, &mut sites);
        }
        sites
    })
}

/// Finds the claims of one document.
pub fn find_claims(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    cues: &CueLexicon,
    model: Option<&CueModel>,
    ranker: Option<&Ranker>,
) -> Vec<RawClaim> {
    with_context(text, tokens, sentences, cues, model, |cx| {
        decide(cx, text, sentences, cues, model.is_some(), ranker)
    })
}

/// Pattern confidence at or above which a hand-made cue's reading is kept as it is.
const RULE_TRUSTED: f32 = 0.75;

fn decide(
    cx: &Ctx,
    text: &str,
    sentences: &[Sentence],
    cues: &CueLexicon,
    tagged: bool,
    ranker: Option<&Ranker>,
) -> Vec<RawClaim> {
    let mut sites = Vec::new();
    for s in sentences {
        sentence_sites(cx, s, cues, tagged, ranker.is_some(), &mut sites);
    }
    let mut out: Vec<RawClaim> = Vec::new();
    for site in sites {
        let Some(r) = ranker else {
            out.extend(site.rule);
            continue;
        };
        // a hand-made cue read by its own pattern stays as the pattern reads it
        if site.is_trusted {
            out.extend(site.rule);
            continue;
        }
        let Some(content) = site
            .readings
            .get(r.best(site.readings.iter().map(|x| x.features.as_slice())))
            .and_then(|x| x.content)
        else {
            continue; // the ranker reads no claim here
        };
        let claim = match site.rule {
            Some(mut c) => {
                if c.content != content {
                    // the ranker's reading, not the pattern's: less sure of it
                    c.confidence = c.confidence.min(0.6);
                }
                c.content = content;
                c.sentence = c.sentence.cover(content);
                c
            }
            None => {
                let p = site.source;
                RawClaim {
                    source: p.map(|p| cx.span(p.span.0, p.span.1)),
                    source_head: p.map(|p| cx.span(p.head.0, p.head.1)),
                    description: None,
                    cue: Some(site.cue),
                    content,
                    sentence: site.sentence.cover(content),
                    is_hedged: false,
                    confidence: 0.5,
                }
            }
        };
        out.push(claim);
    }
    for c in &mut out {
        apply_voice(cx, c);
    }
    // "X echoed these concerns, stating that Y": the participle carries the claim, not the
    // short object before it
    let participle_starts: Vec<u32> = out
        .iter()
        .filter(|c| c.confidence == PARTICIPLE_CONFIDENCE)
        .filter_map(|c| c.cue.map(|s| s.start))
        .collect();
    out.retain(|c| {
        let short = c.content.len() < 40 && c.source.is_some();
        !(short
            && participle_starts.iter().any(|&p| {
                p > c.content.end && text[c.content.end as usize..p as usize].trim() == ","
            }))
    });
    // attributions inside the content of another are the quoted speaker's own (0.6% of
    // PolNeAR's train claims): keep the more confident of the two
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by(|&a, &b| {
        out[b]
            .confidence
            .total_cmp(&out[a].confidence)
            .then(out[b].content.len().cmp(&out[a].content.len()))
    });
    let mut keep = vec![false; out.len()];
    let mut kept: Vec<usize> = Vec::new();
    for i in order {
        let c = &out[i];
        let inside = |outer: &RawClaim, inner: &RawClaim| {
            outer.confidence != BLOCK_CONFIDENCE
                && inner.cue.is_some_and(|cue| outer.content.contains(cue))
        };
        if kept
            .iter()
            .all(|&k| !inside(&out[k], c) && !inside(c, &out[k]))
        {
            keep[i] = true;
            kept.push(i);
        }
    }
    let mut i = 0;
    out.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    // one claim per content: keep the most confident
    out.sort_by(|a, b| {
        a.content
            .start
            .cmp(&b.content.start)
            .then(b.confidence.total_cmp(&a.confidence))
    });
    out.dedup_by(|b, a| a.content == b.content);
    out
}

/// A passive cue's source is its "by" agent or no one; an expletive "it" or an impression is
/// no one.
fn apply_voice(cx: &Ctx, c: &mut RawClaim) {
    let Some(cue) = c.cue else { return };
    let tokens_of = |sp: Span| {
        let x = cx.tokens.partition_point(|t| t.span.start < sp.start);
        let y = cx.tokens.partition_point(|t| t.span.end <= sp.end);
        (x, y.max(x))
    };
    let source = c.source_head.or(c.source).map(tokens_of);
    // "Suu Kyi has faced sharp criticism for", "comments, which came during an answer
    // about": a phrase ending in a verb right before a nominal cue is the verb's, and the
    // criticism is nobody's in particular
    let (cue_a, _) = tokens_of(cue);
    if let Some((x, y)) = source
        && y == cue_a
        && y > x
        && cx.is_past_verb(y - 1)
        && !cx.tokens[cue_a].is_capitalized()
        && !cx.is_past_verb(cue_a)
        && !cx.w(cue_a).ends_with("ing")
        // (an auxiliary or an adverb opens a verbal cue: "had intended", "are questioning")
        && !SKIPPABLE.contains(cx.w(cue_a))
        && !matches!(cx.w(cue_a), "to" | "says" | "say" | "that")
    {
        c.source = None;
        c.source_head = None;
        c.description = None;
        return;
    }
    let np_end = |k: usize| np_after(cx, k, cx.tokens.len());
    let agent = match voice_of(cx.tokens, cx.lower, tokens_of(cue), source, np_end) {
        Voice::Active => return,
        Voice::Nobody => None,
        Voice::Passive { agent: None } => {
            // "a curfew was announced from midnight": with no one named, what is attributed
            // is the whole clause, its subject and the cue included
            let (cue_a, cue_b) = tokens_of(cue);
            if let Some(subject) = c.source
                && let (first, subject_end) = tokens_of(subject)
                && subject.end <= cue.start
                && c.content.start >= cue.end
                && cue_a <= subject_end + 4
                // (what someone was asked is the question after the cue)
                && !(cue_a..cue_b).any(|k| matches!(cx.w(k), "asked" | "pressed" | "questioned"))
                && (subject_end..cue_b).any(|k| voice::BE.contains(cx.w(k)))
            {
                // "Although the plan is intended to Y, it leaves Z": a leading subordinate
                // clause ends at its comma
                let (_, content_end) = tokens_of(c.content);
                let end = if first > 0 && SUBORDINATORS.contains(cx.w(first - 1)) {
                    (cue_b..content_end)
                        .find(|&k| cx.is_punct(k, ',') && !cx.in_quote[k])
                        .map_or(c.content.end, |k| cx.tokens[k].span.start)
                } else {
                    c.content.end
                };
                c.content = Span {
                    start: subject.start,
                    end,
                };
                c.sentence = c.sentence.cover(c.content);
            }
            None
        }
        Voice::Passive { agent } => agent.map(|(a, b)| cx.span(a, b)),
    };
    c.source = agent;
    c.source_head = agent;
    c.description = None;
}

/// Which cues a sentence's claims start from when the tagger runs: its cue spans, plus the
/// lexicon's hand-made cues it missed (their patterns are precise), never its learned-only
/// forms (the tagger has seen them in context).
fn cue_candidates(
    cx: &Ctx,
    s: &Sentence,
    cues: &CueLexicon,
    tagged: bool,
) -> Vec<(usize, usize, usize)> {
    let (lo, hi) = (s.tokens.start, s.tokens.end);
    let mut out = Vec::new();
    let mut covered = vec![false; hi - lo];
    if tagged {
        let mut i = lo;
        while i < hi {
            if cx.cue_tags[i] == B || (cx.cue_tags[i] == I && (i == lo || cx.cue_tags[i - 1] == O))
            {
                let mut j = i + 1;
                while j < hi && cx.cue_tags[j] == I {
                    j += 1;
                }
                // a form the hand-made list rules out is no cue, whatever the tagger says
                if (i..j).any(|k| cues.is_excluded(cx.w(k))) {
                    i = j;
                    continue;
                }
                // the anchor: the span's last known cue word, else its first content word
                let anchor = (i..j)
                    .rev()
                    .find(|&k| cx.cue(k).is_some() || cx.w(k) == "according")
                    .or_else(|| (i..j).find(|&k| cx.is_word(k) && !SKIPPABLE.contains(cx.w(k))))
                    .unwrap_or(i);
                out.push((anchor, i, j));
                covered[i - lo..j - lo].iter_mut().for_each(|c| *c = true);
                i = j;
            } else {
                i += 1;
            }
        }
    }
    for i in lo..hi {
        if covered[i - lo] {
            continue;
        }
        let w = cx.w(i);
        let take = match cx.cue(i) {
            Some(c) => !tagged || c.is_curated || c.class == CueClass::HedgeAdverb,
            None => w == "according" || CONCERN_VERBS.contains(w),
        };
        if take {
            out.push((i, i, i + 1));
        }
    }
    out.sort_unstable();
    out
}

/// One cue occurrence: the claim the patterns read there (if any) and, for the content
/// ranker, every reading of its content. Reading 0 is "no claim".
pub struct CueSite {
    /// The cue as the tagger or the lexicon found it.
    pub cue: Span,
    /// The patterns' claim, or the generic reading of a tagged cue.
    pub rule: Option<RawClaim>,
    /// The subject the generic reading would give, when the patterns found no claim.
    source: Option<SourcePos>,
    sentence: Span,
    /// A hand-made cue read by its own pattern: kept as read, never re-ranked.
    pub is_trusted: bool,
    pub readings: Vec<Reading>,
}

/// One way to read a cue's content.
pub struct Reading {
    /// `None` for "this cue makes no claim".
    pub content: Option<Span>,
    pub features: Vec<u64>,
}

fn sentence_sites(
    cx: &Ctx,
    s: &Sentence,
    cues: &CueLexicon,
    tagged: bool,
    with_readings: bool,
    out: &mut Vec<CueSite>,
) {
    // "Bill Clinton: Hillary thinks ...", "TAPPER: And obviously ...": a name and a colon
    if let Some(c) = colon_claim(cx, s).or_else(|| poll_claim(cx, s)) {
        out.push(CueSite {
            cue: c.cue.unwrap_or(c.content),
            sentence: s.span,
            source: None,
            is_trusted: true,
            rule: Some(c),
            readings: Vec::new(),
        });
    }
    for c in expectations(cx, s) {
        out.push(CueSite {
            cue: c.cue.unwrap_or(c.content),
            sentence: s.span,
            source: None,
            is_trusted: true,
            rule: Some(c),
            readings: Vec::new(),
        });
    }
    for (i, a, b) in cue_candidates(cx, s, cues, tagged) {
        if !cx.is_word(i) || cx.in_quote[i] {
            continue;
        }
        let cue = cx.cue(i).unwrap_or(Cue {
            class: if cx.w(i).ends_with("ing") {
                CueClass::Participle
            } else {
                CueClass::Speech
            },
            is_hedged: false,
            is_curated: false,
        });
        let claim = if cx.w(i) == "according" && cx.w(i + 1) == "to" {
            according_to(cx, s, i)
        } else if let Some(c) = CONCERN_VERBS
            .contains(cx.w(i))
            .then(|| concern(cx, s, i))
            .flatten()
        {
            Some(c)
        } else {
            let noun_use = i > s.tokens.start
                && cx.w(i).ends_with('s')
                && (NOUN_MAKERS.contains(cx.w(i - 1))
                    || INNER_PREPOSITIONS.contains(cx.w(i - 1))
                    || matches!(
                        cx.tokens[i - 1].kind,
                        TokenKind::Possessive | TokenKind::Number
                    ));
            if noun_use && b - a == 1 {
                continue;
            }
            // "states" is a cue once in a hundred uses: only as "the report states that/: “"
            // ; "pledged delegates" are delegates
            let noun_form = (cx.w(i) == "states"
                && !(cx.w(i + 1) == "that"
                    || cx.is_punct(i + 1, ':')
                    || cx.is_opening_quote(i + 1)))
                || (cx.w(i) == "pledged" && matches!(cx.w(i + 1), "delegates" | "superdelegates"))
                // "maintained a double-digit lead", "maintained by the DNC": kept, not said
                || (matches!(cx.w(i), "maintained" | "maintains" | "maintain")
                    && matches!(
                        cx.w(i + 1),
                        "a" | "an" | "his" | "her" | "their" | "its" | "by" | "at" | "in"
                    ));
            if noun_form {
                continue;
            }
            // "Trump campaign spokeswoman Hope Hicks said", "the think tank": a name or a
            // compound, not a cue
            let in_name = i > s.tokens.start
                && cx.tokens[i].is_capitalized()
                && !cx.tokens[i - 1].is_capitalized()
                && cx.tokens.get(i + 1).is_some_and(|t| t.is_capitalized());
            if in_name || (cx.w(i) == "think" && cx.w(i + 1) == "tank") {
                continue;
            }
            match cue.class {
                CueClass::HedgeAdverb => hedge_adverb(cx, s, i),
                CueClass::Impersonal => impersonal(cx, s, i),
                // "is promising": a progressive verb, not a participle clause
                CueClass::Participle
                    if i > s.tokens.start
                        && matches!(
                            cx.w(i - 1),
                            "is" | "are" | "was" | "were" | "been" | "be" | "am"
                        ) =>
                {
                    verb_cue(cx, s, i, cue)
                }
                CueClass::Participle => participle(cx, s, i, cue),
                CueClass::Speech | CueClass::Belief | CueClass::Tell => verb_cue(cx, s, i, cue),
            }
        };
        let is_tagged = cx.cue_tags[a] != O;
        // a cue the tagger is sure of, in a shape no pattern knows: the nearest subject and
        // the rest of the sentence
        let claim = claim.or_else(|| {
            if is_tagged {
                fallback(cx, s, a, b, (i, cue))
            } else {
                None
            }
        });
        // a hand-made cue's pattern reads its own cue; the tagger's span speaks for the rest
        let pattern_reads_cue =
            cue.is_curated && claim.as_ref().is_some_and(|c| c.confidence >= RULE_TRUSTED);
        let claim = claim.map(|mut c| {
            // the tagger's span is the cue ("has said", "called for", "said in a statement")
            if b - a > 1 || a != i {
                let span = cx.span(a, b);
                // a hedge ("was reportedly stopped") is the adverb alone
                if !pattern_reads_cue && cue.class != CueClass::HedgeAdverb {
                    c.cue = Some(c.cue.map_or(span, |x| x.cover(span)));
                }
                // "said in a statement: “Y”", "asked for his position": the tagger's span is
                // cue, not content
                let first = cx
                    .tokens
                    .partition_point(|t| t.span.start < c.content.start);
                let adverbial_in_span = ADVERBIAL_OPENERS.contains(cx.w(first));
                if c.content.start < span.end
                    && c.content.start >= span.start
                    && (!pattern_reads_cue || adverbial_in_span)
                {
                    // start the content at the first token after the cue
                    let next = cx.tokens.partition_point(|t| t.span.start < span.end);
                    c.content.start = cx
                        .tokens
                        .get(next)
                        .map_or(c.content.end, |t| t.span.start.min(c.content.end));
                }
            }
            c
        });
        let mut claim = claim.filter(|c| !c.content.is_empty());
        // "Although he acknowledged that Y, he maintained Z": a cue in a leading subordinate
        // clause says no more than that clause
        if let Some(c) = claim.as_mut() {
            let start = content_start(cx, s);
            if SUBORDINATORS.contains(cx.w(start))
                && (start..a).all(|k| !cx.is_punct(k, ','))
                && c.content.start >= cx.tokens[b.min(s.tokens.end - 1)].span.start
                && let Some(comma) = (b..s.tokens.end).find(|&k| {
                    cx.is_punct(k, ',')
                        && !cx.in_quote[k]
                        && cx.tokens[k].span.start > c.content.start
                })
                && cx.tokens[comma].span.start < c.content.end
            {
                c.content.end = cx.tokens[comma].span.start;
            }
        }
        // a tagged cue with no subject of its own: coordinated with an earlier verb ("Warren
        // appeared ... and endorsed Clinton"), so the subject is the sentence's
        if let Some(c) = claim.as_mut()
            && c.source.is_none()
            && is_tagged
            && !matches!(cue.class, CueClass::HedgeAdverb | CueClass::Impersonal)
            && cx.w(i) != "according"
        {
            let earlier = out
                .iter()
                .rev()
                .find(|x| x.sentence == s.span && x.cue.start < cx.tokens[a].span.start)
                .and_then(|x| x.rule.as_ref())
                .and_then(|r| r.source.zip(r.source_head));
            if let Some((src, head)) = earlier {
                // "Trump, who questioned Y, said Friday Z": past the relative clause's comma
                // the main verb's subject is the antecedent, not "who"
                let k = skip_back(cx, s.tokens.start, a);
                let after_relative = head.end <= src.start && k > 0 && cx.is_punct(k - 1, ',');
                c.source = Some(if after_relative { head } else { src });
                c.source_head = Some(head);
            } else if let Some((x, y)) = clause_subject(cx, s, a) {
                c.source = Some(cx.span(x, y));
                c.source_head = c.source;
            }
        }
        if claim.is_none() && !(with_readings && is_tagged) {
            continue;
        }
        let source = if claim.is_none() {
            subject_before(cx, s, a)
                .or_else(|| sentence_subject(cx, s, a).map(|(x, y)| SourcePos::new(x, y)))
        } else {
            None
        };
        // a hand-made cue read by its own pattern is kept as it is (no readings to rank); so
        // is a hedge ("reportedly"), which PolNeAR's annotators seldom mark but users want
        let trusted = (cue.is_curated || cx.w(i) == "according")
            && claim.as_ref().is_some_and(|c| {
                c.confidence >= RULE_TRUSTED || cue.class == CueClass::HedgeAdverb
            });
        let readings = if with_readings && !trusted {
            readings(cx, s, i, a, b, cue, claim.as_ref(), is_tagged)
        } else {
            Vec::new()
        };
        out.push(CueSite {
            cue: cx.span(a, b),
            rule: claim,
            source,
            sentence: s.span,
            is_trusted: trusted,
            readings,
        });
    }
}

/// Words that open a subordinate clause before the main one.
static SUBORDINATORS: WordList = WordList::new(&[
    "after", "although", "though", "while", "whereas", "when", "because", "since", "as", "if",
    "once", "before", "until", "unless",
]);

/// Labels before a colon that are not speakers.
static COLON_LABELS: WordList = WordList::new(&[
    "byline",
    "busted",
    "leaked",
    "revealed",
    "update",
    "note",
    "editor",
    "photo",
    "photos",
    "video",
    "watch",
    "read",
    "related",
    "source",
    "sources",
    "see",
    "more",
    "subscribe",
    "advertisement",
    "correction",
    "q",
    "question",
    "answer",
    "caption",
    "credit",
    "listen",
    "also",
    "warning",
    "breaking",
    "exclusive",
    "analysis",
    "opinion",
    "live",
    "full",
    "transcript",
    "contributing",
    "follow",
    "twitter",
    "facebook",
    "email",
    "latest",
    "even",
    "bombshell",
    "a",
    "the",
    "big",
    "reach",
    "contact",
]);

/// "The committee is expected to release a report this summer": an expectation nobody is
/// named for, and its whole clause is what is expected. PolNeAR's annotators mark 69 of the
/// 79 "be expected to" in its train split, 63 of them this way.
fn expectations(cx: &Ctx, s: &Sentence) -> Vec<RawClaim> {
    let (lo, end) = (s.tokens.start, content_end(cx, s));
    let mut out = Vec::new();
    for k in lo + 2..end.saturating_sub(2) {
        if cx.w(k) != "expected" || cx.w(k + 1) != "to" || cx.in_quote[k] {
            continue;
        }
        // "is expected", "are widely expected", "was not expected"
        let mut be = k - 1;
        if matches!(
            cx.w(be),
            "widely" | "not" | "also" | "now" | "still" | "generally"
        ) && be > lo
        {
            be -= 1;
        }
        if !voice::BE.contains(cx.w(be)) {
            continue;
        }
        // "will be expected", "had been expected": the auxiliaries are the cue's too
        let mut aux = be;
        while aux > lo && matches!(cx.w(aux - 1), "will" | "would" | "has" | "have" | "had") {
            aux -= 1;
        }
        let Some(subject) = relative_source(cx, lo, aux)
            .map(|p| p.span.0)
            .or_else(|| np_before(cx, lo, skip_back(cx, lo, aux)))
        else {
            continue;
        };
        let clause_end = (k + 2..end)
            .find(|&j| {
                !cx.in_quote[j]
                    && (cx.is_punct(j, ';')
                        || (cx.is_punct(j, ',') && CLAUSE_END.contains(cx.w(j + 1))))
            })
            .unwrap_or(end);
        out.push(claim(
            cx,
            s,
            None,
            Some((aux, k + 1)),
            (subject, clause_end),
            false,
            RULE_TRUSTED,
        ));
    }
    out
}

/// What a poll is named by.
static POLL_NOUNS: WordList = WordList::new(&["poll", "polls", "survey", "surveys"]);

/// "In the latest Post-ABC News poll, conducted in May, Clinton led Trump 47 to 39." and
/// "Trump leads by 57 percent to 33 percent in the 50-state poll.": the poll says the clause.
fn poll_claim(cx: &Ctx, s: &Sentence) -> Option<RawClaim> {
    let start = content_start(cx, s);
    let end = content_end(cx, s);
    let is_poll = |a: usize, e: usize| (a..e).any(|k| POLL_NOUNS.contains(cx.w(k)));
    if cx.w(start) == "in" {
        let comma = (start + 1..end.min(start + 14)).find(|&k| cx.is_punct(k, ','))?;
        let head_end = np_after(cx, start + 1, comma);
        if head_end <= start + 1 || !is_poll(start + 1, head_end) {
            return None;
        }
        // past an apposition: ", conducted March 11-13,"
        let content = if matches!(
            cx.w(comma + 1),
            "conducted" | "released" | "taken" | "published"
        ) {
            (comma + 1..end).find(|&k| cx.is_punct(k, ','))? + 1
        } else {
            comma + 1
        };
        return (content < end).then(|| {
            claim(
                cx,
                s,
                Some(SourcePos::new(start + 1, content - 1)),
                Some((start, start + 1)),
                (content, end),
                false,
                0.7,
            )
        });
    }
    // the poll closing the sentence
    let at = (start + 3..end)
        .rev()
        .find(|&k| cx.w(k) == "in" && !cx.in_quote[k])?;
    let head_end = np_after(cx, at + 1, end);
    if head_end != end || !is_poll(at + 1, end) || !POLL_NOUNS.contains(cx.w(end - 1)) {
        return None;
    }
    let content_end = if cx.is_punct(at - 1, ',') { at - 1 } else { at };
    Some(claim(
        cx,
        s,
        Some(SourcePos::new(at + 1, end)),
        Some((at, at + 1)),
        (start, content_end),
        false,
        0.7,
    ))
}

/// "Bill Clinton: Hillary thinks ...", "TAPPER: And obviously ...", "Gillibrand on Hillary's
/// speeches: 'I think she will.'": a capitalised name opening the line (or following a dash),
/// a colon, and what the name says.
fn colon_claim(cx: &Ctx, s: &Sentence) -> Option<RawClaim> {
    let lo = s.tokens.start;
    let e = content_end(cx, s);
    let colon = (lo..e.min(lo + 14)).find(|&k| cx.is_punct(k, ':'))?;
    // the name starts the line or follows " - "
    let start = (lo..colon)
        .rev()
        .find(|&k| cx.tokens[k].kind == TokenKind::Dash)
        .map_or(lo, |d| d + 1);
    if colon <= start || colon + 1 >= e || colon - start > 9 {
        return None;
    }
    // "X on Y: ..." → X
    let name_end = (start..colon).find(|&k| cx.w(k) == "on").unwrap_or(colon);
    let words = start..name_end;
    // "BYLINE:", "Just Leaked:": a label anywhere in the phrase makes it a heading
    if words.is_empty()
        || name_end - start > 4
        || words.clone().any(|k| COLON_LABELS.contains(cx.w(k)))
    {
        return None;
    }
    let name_like = words.clone().all(|k| {
        let t = cx.tokens[k];
        (t.is_word() && (t.is_capitalized() || matches!(cx.w(k), "and" | "of" | "the")))
            || t.kind == TokenKind::Possessive
            || t.is_punct('.')
    });
    if !name_like
        || !cx.tokens[start].is_capitalized()
        || cx.tokens[colon + 1].kind == TokenKind::Number
    {
        return None;
    }
    let content = content_after(cx, s, colon + 1)?;
    Some(claim(
        cx,
        s,
        Some(SourcePos::new(start, name_end)),
        Some((colon, colon + 1)),
        content,
        false,
        0.75,
    ))
}

/// The noun phrase before token `a` (past auxiliaries), as a source.
fn subject_before(cx: &Ctx, s: &Sentence, a: usize) -> Option<SourcePos> {
    let lo = s.tokens.start;
    let k = skip_back(cx, lo, a);
    relative_source(cx, lo, k).or_else(|| np_before(cx, lo, k).map(|n| SourcePos::new(n, k)))
}

/// "voters who say", "the commissioner, who conceded", "a poll that shows": the text's source
/// is the relative pronoun (as the annotators mark it), the speaker the phrase before it.
/// `k` is where the verb group starts.
fn relative_source(cx: &Ctx, lo: usize, k: usize) -> Option<SourcePos> {
    // "families of victims, many of whom say": the quantifier and "of whom"
    if k >= lo + 3
        && cx.w(k - 1) == "whom"
        && cx.w(k - 2) == "of"
        && matches!(
            cx.w(k - 3),
            "many" | "some" | "most" | "all" | "both" | "none" | "several" | "few" | "one"
        )
    {
        let end = if cx.is_punct(k - 4, ',') {
            k - 4
        } else {
            k - 3
        };
        let np = np_before(cx, lo, end)?;
        return Some(SourcePos {
            span: (k - 3, k),
            head: (np, end),
            description: None,
        });
    }
    if k <= lo + 1 || !matches!(cx.w(k - 1), "who" | "which" | "that") {
        return None;
    }
    let end = if cx.is_punct(k - 2, ',') {
        k - 2
    } else {
        k - 1
    };
    let np = np_before(cx, lo, end)?;
    Some(SourcePos {
        span: (k - 1, k),
        head: (np, end),
        description: None,
    })
}

// Which generator proposed a reading; a reading may come from several.
const G_RULE: u32 = 1;
const G_AFTER: u32 = 2;
const G_OBJECT: u32 = 4;
const G_CLAUSE: u32 = 8;
const G_BEFORE: u32 = 16;
const G_BEFORE_QUOTE: u32 = 32;
const G_QUOTE_AFTER: u32 = 64;
const G_NEXT_SENTENCE: u32 = 128;
const G_NOUN_PHRASE: u32 = 256;
const G_BEFORE_NEXT_CUE: u32 = 512;
const GENERATORS: &[(u32, &[u8])] = &[
    (G_RULE, b"rule"),
    (G_AFTER, b"after"),
    (G_OBJECT, b"object"),
    (G_CLAUSE, b"clause"),
    (G_BEFORE, b"before"),
    (G_BEFORE_QUOTE, b"before-quote"),
    (G_QUOTE_AFTER, b"quote-after"),
    (G_NEXT_SENTENCE, b"next-sentence"),
    (G_NOUN_PHRASE, b"noun-phrase"),
    (G_BEFORE_NEXT_CUE, b"before-next-cue"),
];

/// The readings of the cue at anchor `i`, span `[a, b)`.
#[allow(clippy::too_many_arguments)]
fn readings(
    cx: &Ctx,
    s: &Sentence,
    i: usize,
    a: usize,
    b: usize,
    cue: Cue,
    rule: Option<&RawClaim>,
    is_tagged: bool,
) -> Vec<Reading> {
    let mut spans: Vec<((usize, usize), u32)> = Vec::new();
    let mut add = |r: Option<(usize, usize)>, g: u32| {
        if let Some(r) = r.filter(|r| r.0 < r.1) {
            match spans.iter_mut().find(|x| x.0 == r) {
                Some(x) => x.1 |= g,
                None => spans.push((r, g)),
            }
        }
    };
    let rule_tokens = rule.map(|c| {
        let x = cx
            .tokens
            .partition_point(|t| t.span.start < c.content.start);
        let y = cx.tokens.partition_point(|t| t.span.end <= c.content.end);
        (x, y.max(x))
    });
    add(rule_tokens, G_RULE);
    let after = content_after(cx, s, skip_adverbial(cx, s, b));
    add(after, G_AFTER);
    if let Some((x, y)) = after {
        let learned = Cue {
            is_curated: false,
            ..cue
        };
        let said = Cue {
            is_curated: true,
            class: CueClass::Speech,
            ..cue
        };
        add(Some((x, trim_content(cx, x, y, learned))), G_OBJECT);
        add(Some((x, trim_content(cx, x, y, said))), G_CLAUSE);
        add(Some((x, trim_noun_phrase_content(cx, x, y))), G_NOUN_PHRASE);
        add(
            next_claim_start(cx, x, y).map(|m| (x, m)),
            G_BEFORE_NEXT_CUE,
        );
    }
    let subject = subject_before(cx, s, a).map(|p| p.span.0).unwrap_or(a);
    let before = content_before(cx, s, subject);
    add(before, G_BEFORE);
    if let Some(bq) = before {
        add(Some(continue_quote(cx, s, bq)), G_BEFORE_QUOTE);
    }
    let q = (b..s.tokens.end.min(b + 4)).find(|&k| cx.is_opening_quote(k));
    if let Some(q) = q
        && let Some(close) = matching_close(cx, q)
    {
        // "went on about “how the system is rigged,” and “wounded American families”": a
        // list of quotations is one content
        let close = quote_list_end(cx, s, close);
        add(Some(continue_quote(cx, s, (q, close + 1))), G_QUOTE_AFTER);
    }
    // "X said:" at the end of a sentence: the next sentence is what was said
    let colon_end = (b..s.tokens.end)
        .all(|k| cx.is_punct(k, ':') || cx.tokens[k].quote().is_some())
        && (b..s.tokens.end).any(|k| cx.is_punct(k, ':'));
    if colon_end && s.tokens.end < cx.tokens.len() {
        let next = s.tokens.end;
        let mut e = next;
        while e < cx.tokens.len() && (e == next || !cx.tokens[e].is_line_start()) {
            e += 1;
        }
        add(Some((next, e)), G_NEXT_SENTENCE);
    }

    let w = |k: usize| -> &[u8] {
        if k < cx.tokens.len() {
            cx.w(k).as_bytes()
        } else {
            b"</s>"
        }
    };
    let anchor = cx.w(i).as_bytes();
    let class: &[u8] = match cue.class {
        CueClass::Speech => b"speech",
        CueClass::Belief => b"belief",
        CueClass::Participle => b"participle",
        CueClass::Tell => b"tell",
        CueClass::HedgeAdverb => b"hedge",
        CueClass::Impersonal => b"impersonal",
    };
    let before_cue: &[u8] = if a > s.tokens.start {
        let t = cx.tokens[a - 1];
        if t.is_word() {
            cx.w(a - 1).as_bytes()
        } else {
            t.text_bytes()
        }
    } else {
        b"<s>"
    };
    let after_cue: &[u8] = if b < s.tokens.end {
        let t = cx.tokens[b];
        if t.is_word() {
            cx.w(b).as_bytes()
        } else {
            t.text_bytes()
        }
    } else {
        b"</s>"
    };
    let quote_before = (a.saturating_sub(4).max(s.tokens.start)..a).any(|k| cx.quote(k).is_some());
    let at_end = only_adverbial_after(cx, s, b);
    let flags: &[u8] = match (is_tagged, cue.is_curated, quote_before, at_end) {
        (true, true, true, true) => b"ttqe",
        (true, true, true, false) => b"ttq-",
        (true, true, false, true) => b"tt-e",
        (true, true, false, false) => b"tt--",
        (true, false, true, true) => b"t-qe",
        (true, false, true, false) => b"t-q-",
        (true, false, false, true) => b"t--e",
        (true, false, false, false) => b"t---",
        (false, _, true, true) => b"-tqe",
        (false, _, true, false) => b"-tq-",
        (false, _, false, true) => b"-t-e",
        (false, _, false, false) => b"-t--",
    };
    let mut out = Vec::with_capacity(spans.len() + 1);
    let none = vec![
        hash_parts(&[b"none"]),
        hash_parts(&[b"none", anchor]),
        hash_parts(&[b"none", flags]),
        hash_parts(&[b"none", class, flags]),
        hash_parts(&[b"none", before_cue]),
        hash_parts(&[b"none", after_cue]),
        hash_parts(&[
            b"none",
            if rule.is_some() { b"rule" } else { b"no-rule" },
            flags,
        ]),
    ];
    out.push(Reading {
        content: None,
        features: none,
    });
    for ((x, y), gens) in spans {
        let len: &[u8] = match y - x {
            0..=3 => b"1-3",
            4..=8 => b"4-8",
            9..=20 => b"9-20",
            21..=40 => b"21-40",
            _ => b"41+",
        };
        let starts_quote: &[u8] = if cx.quote(x).is_some() { b"q" } else { b"-" };
        let ends: &[u8] = if y < cx.tokens.len() {
            let t = cx.tokens[y];
            if t.is_word() { b"word" } else { t.text_bytes() }
        } else {
            b"</s>"
        };
        let crosses: &[u8] = if y > s.tokens.end || x < s.tokens.start {
            b"x"
        } else {
            b"-"
        };
        let side: &[u8] = if y <= a { b"left" } else { b"right" };
        // a reading that swallows another tagged cue (outside quotations) reads two claims
        let inner: &[u8] = if (x..y.min(cx.tokens.len()))
            .any(|k| (k < a || k >= b) && cx.cue_tags[k] == B && !cx.in_quote[k])
        {
            b"inner-cue"
        } else {
            b"-"
        };
        let mut f = vec![
            hash_parts(&[b"gens", &gens.to_le_bytes()]),
            hash_parts(&[b"gens", &gens.to_le_bytes(), class]),
            hash_parts(&[b"gens", &gens.to_le_bytes(), flags]),
            hash_parts(&[b"side", side, flags]),
            hash_parts(&[b"side", side, anchor]),
            hash_parts(&[b"side", side, after_cue]),
            hash_parts(&[b"side", side, before_cue]),
            hash_parts(&[b"side-len", side, len]),
            hash_parts(&[b"inner", inner, side]),
            hash_parts(&[b"inner", inner, flags]),
        ];
        for &(g, name) in GENERATORS {
            if gens & g == 0 {
                continue;
            }
            f.push(hash_parts(&[name]));
            f.push(hash_parts(&[name, anchor]));
            f.push(hash_parts(&[name, class]));
            f.push(hash_parts(&[name, flags]));
            f.push(hash_parts(&[name, after_cue]));
            f.push(hash_parts(&[name, before_cue]));
            f.push(hash_parts(&[name, len]));
            f.push(hash_parts(&[name, starts_quote, ends]));
            f.push(hash_parts(&[name, crosses]));
            f.push(hash_parts(&[name, w(y)]));
            f.push(hash_parts(&[name, inner]));
        }
        out.push(Reading {
            content: Some(cx.span(x, y)),
            features: f,
        });
    }
    out
}

/// The generic reading of a tagged cue `[a, b)`: the phrase before it is the source, the
/// content follows it (or precedes it when nothing but an adverbial follows).
fn fallback(
    cx: &Ctx,
    s: &Sentence,
    a: usize,
    b: usize,
    (i, cue): (usize, Cue),
) -> Option<RawClaim> {
    let lo = s.tokens.start;
    let k = skip_back(cx, lo, a);
    let relative = relative_source(cx, lo, k);
    // "began by saying", "pitched himself to voters by telling": a phrase ending in a
    // preposition is no subject (the sentence's is found later)
    let np = np_before(cx, lo, k).filter(|_| {
        !(k > lo
            && matches!(
                cx.w(k - 1),
                "by" | "after"
                    | "before"
                    | "while"
                    | "without"
                    | "for"
                    | "of"
                    | "about"
                    | "to"
                    | "from"
                    | "with"
                    | "in"
                    | "on"
            ))
    });
    // "at one point calling": the object of a preposition is no subject; "with Sen. John
    // McCain calling it": an absolute phrase's noun is
    let np = np.filter(|&n| {
        !(n > lo
            && k == a
            && cx.w(a).ends_with("ing")
            && matches!(
                cx.w(n - 1),
                "at" | "in" | "on" | "for" | "from" | "after" | "before"
            )
            && !matches!(
                cx.w(n),
                "least" | "his" | "her" | "their" | "its" | "my" | "our"
            ))
    });
    let np = if np.is_none() && cx.w(a).ends_with("ing") {
        (lo..a)
            .rev()
            .take(6)
            .find(|&x| cx.w(x) == "with")
            .filter(|&x| {
                x + 1 < a
                    && cx.tokens[x + 1].is_capitalized()
                    && (x + 1..a).all(|y| cx.tokens[y].is_capitalized() || cx.is_punct(y, '.'))
            })
            .map(|x| x + 1)
    } else {
        np
    };
    let content = if only_adverbial_after(cx, s, b) {
        content_before(cx, s, np.unwrap_or(a))?
    } else if cue.class == CueClass::Tell && i + 1 == b {
        // "telling the crowd, “Y”": past the one told
        content_of_verb(cx, s, i, cue)?
    } else {
        let (x, y) = content_after(cx, s, skip_adverbial(cx, s, b))?;
        let learned = Cue {
            class: CueClass::Speech,
            is_hedged: false,
            is_curated: false,
        };
        (x, trim_content(cx, x, y, learned))
    };
    Some(claim(
        cx,
        s,
        relative.or(np.map(|n| SourcePos::new(n, k))),
        Some((a, b)),
        content,
        false,
        0.5,
    ))
}

/// Skips a leading dateline ("PYONGYANG, North Korea — ") and conjunctions.
fn content_start(cx: &Ctx, s: &Sentence) -> usize {
    let (lo, hi) = (s.tokens.start, s.tokens.end);
    let first = cx.tokens[lo];
    if first.is_all_caps() && first.is_word() {
        for k in lo..hi.min(lo + 10) {
            if cx.tokens[k].kind == TokenKind::Dash {
                return k + 1;
            }
        }
    }
    lo
}

/// The end (exclusive) of a sentence's content: drops the final period.
fn content_end(cx: &Ctx, s: &Sentence) -> usize {
    let mut e = s.tokens.end;
    while e > s.tokens.start
        && cx.tokens[e - 1].kind == TokenKind::Punct
        && matches!(cx.tokens[e - 1].first, '.' | ',' | ';' | ':')
    {
        e -= 1;
    }
    e
}

/// The noun phrase after `i` (exclusive end): a source after "according to" or "said".
fn np_after(cx: &Ctx, i: usize, hi: usize) -> usize {
    let mut k = i;
    while k < hi && k < i + 12 {
        let t = cx.tokens[k];
        // "Rep. G.K. Butterfield (D-N.C.)"
        if t.is_punct('.') && k > i && TITLES.contains(cx.w(k - 1)) {
            k += 1;
            continue;
        }
        if t.is_punct('(') && k > i {
            if let Some(close) = (k + 1..hi.min(k + 10)).find(|&x| cx.is_punct(x, ')')) {
                k = close + 1;
                continue;
            }
            break;
        }
        let ok = match t.kind {
            TokenKind::Word => {
                let w = cx.w(k);
                !is_np_stop(w)
                    && !(k > i && !t.is_capitalized() && (w.ends_with("ed") || w == "released"))
            }
            TokenKind::Possessive | TokenKind::Hyphen | TokenKind::Number => true,
            _ => false,
        };
        if !ok {
            break;
        }
        k += 1;
    }
    k
}

/// The start of the subject noun phrase that ends at `end` (exclusive), if any.
fn np_before(cx: &Ctx, lo: usize, end: usize) -> Option<usize> {
    let mut k = end;
    while k > lo && end - k < 12 {
        let t = cx.tokens[k - 1];
        // "Mr. Trump", "Florida Sen. Marco Rubio", "Vann R. Newkirk"
        let initial = k >= 2 && cx.tokens[k - 2].is_all_caps() && cx.w(k - 2).len() == 1;
        if t.is_punct('.') && k >= 2 && (TITLES.contains(cx.w(k - 2)) || initial) {
            k -= 1;
            continue;
        }
        // "Gov. Mary Fallin (R-OK)"
        if t.is_punct(')')
            && let Some(open) = (k.saturating_sub(10).max(lo)..k - 1)
                .rev()
                .find(|&x| cx.is_punct(x, '('))
            && open > lo
        {
            k = open;
            continue;
        }
        // a subject pronoun is the whole subject: "Later he added" → "he"
        if k == end
            && t.is_word()
            && matches!(cx.w(k - 1), "he" | "she" | "they" | "we" | "i" | "it")
        {
            return Some(k - 1);
        }
        let ok = match t.kind {
            TokenKind::Word => {
                let w = cx.w(k - 1);
                let and_between_names = w == "and"
                    && k >= 2
                    && cx.tokens[k - 2].is_capitalized()
                    && cx.tokens.get(k).is_some_and(|n| n.is_capitalized());
                // "written by Peter Hall": a verb before the preposition ends the phrase
                let after_verb = INNER_PREPOSITIONS.contains(w)
                    && k >= 2
                    && cx.tokens[k - 2].is_word()
                    && !cx.tokens[k - 2].is_capitalized()
                    && (cx.w(k - 2).ends_with("ed") || cx.w(k - 2).ends_with("en"));
                // "From said", "Will wrote": a capitalised function word mid-sentence, right
                // before the cue, is a surname
                let name_like = k == end
                    && k - 1 > lo
                    && t.is_capitalized()
                    && !cx.is_opening_quote(k - 2)
                    && !PRONOUNS.contains(w);
                // "only 24 percent said", "nearly 40 percent say"
                let before_number = k < end
                    && cx.tokens[k].kind == TokenKind::Number
                    && matches!(
                        w,
                        "only" | "just" | "nearly" | "almost" | "about" | "roughly"
                    );
                !after_verb
                    && (and_between_names
                        || name_like
                        || before_number
                        || !is_np_stop(w)
                        || INNER_PREPOSITIONS.contains(w)
                        || (k - 1 == lo && PRONOUNS.contains(w)))
            }
            TokenKind::Possessive | TokenKind::Hyphen | TokenKind::Number => true,
            // "Fight for $15 organizing director Kendall Fells", "47% say"
            _ => {
                (t.is_punct('$')
                    && cx
                        .tokens
                        .get(k)
                        .is_some_and(|n| n.kind == TokenKind::Number))
                    || (t.is_punct('%') && k >= 2 && cx.tokens[k - 2].kind == TokenKind::Number)
            }
        };
        if !ok {
            break;
        }
        k -= 1;
    }
    // a phrase cannot start with a preposition: "In Kyiv officials said" → "officials"
    while k < end && INNER_PREPOSITIONS.contains(cx.w(k)) {
        k += 1;
        while k < end && (cx.tokens[k].is_capitalized() || matches!(cx.w(k), "the" | "a" | "an")) {
            k += 1;
        }
    }
    // a pronoun alone is a source; a pronoun at the front of a longer phrase is not
    if k < end && PRONOUNS.contains(cx.w(k)) && end - k > 1 {
        k += 1;
    }
    // "24 percent of voters said"
    (k < end && (cx.tokens[k].is_word() || cx.tokens[k].kind == TokenKind::Number)).then_some(k)
}

/// After the cue: drop "that", ":" and "," and take either the quote that opens there (it may
/// run over several sentences) or the rest of the sentence.
fn content_after(cx: &Ctx, s: &Sentence, mut k: usize) -> Option<(usize, usize)> {
    let hi = s.tokens.end;
    while k < hi && (cx.w(k) == "that" || cx.is_punct(k, ':') || cx.is_punct(k, ',')) {
        k += 1;
    }
    if k >= hi {
        return None;
    }
    let e = content_end(cx, s);
    if cx.is_opening_quote(k)
        && let Some(close) = matching_close(cx, k)
    {
        let close = quote_list_end(cx, s, close);
        // said that “a wise Latina” can bring ...: the quote is part of a clause
        let continues =
            close + 1 < e && cx.is_word(close + 1) && !cx.tokens[close + 1].is_capitalized();
        if !continues {
            return Some((k, close + 1));
        }
    }
    (k < e).then_some((k, e))
}

/// Past a list of quotations ("“how the system is rigged,” and “wounded American
/// families”"): the last one's closing quote, starting from the first's at `close`.
fn quote_list_end(cx: &Ctx, s: &Sentence, mut close: usize) -> usize {
    while let Some(next) = (close + 1..(close + 3).min(s.tokens.end))
        .find(|&k| cx.is_opening_quote(k))
        .filter(|&k| (close + 1..k).all(|j| matches!(cx.w(j), "and" | "or" | ",")))
        && let Some(c) = matching_close(cx, next).filter(|&c| c < s.tokens.end)
    {
        close = c;
    }
    close
}

/// The closing quote for the opening quote at `open`, within a few sentences.
fn matching_close(cx: &Ctx, open: usize) -> Option<usize> {
    let limit = (open + 400).min(cx.tokens.len());
    let double = cx.is_double_quote(open);
    (open + 1..limit).find(|&k| {
        cx.quote(k).is_some()
            && cx.is_closing_quote(k)
            && k > open + 1
            && cx.is_double_quote(k) == double
    })
}

/// The opening quote for the closing quote at `close`.
fn matching_open(cx: &Ctx, close: usize) -> Option<usize> {
    let floor = close.saturating_sub(400);
    let double = cx.is_double_quote(close);
    (floor..close).rev().find(|&k| {
        cx.quote(k).is_some()
            && cx.is_opening_quote(k)
            && k + 1 < close
            && cx.is_double_quote(k) == double
    })
}

/// Content that ends before `end` (exclusive) — "Y, X said" — from the sentence's start or
/// from the opening quote of a quotation that closes there.
fn content_before(cx: &Ctx, s: &Sentence, end: usize) -> Option<(usize, usize)> {
    let mut e = end;
    // "Y," X said / “Y,” X said
    if e > 0 && cx.is_punct(e - 1, ',') {
        e -= 1;
    }
    let start = content_start(cx, s);
    if e > 0 && cx.quote(e - 1).is_some() && cx.is_closing_quote(e - 1) {
        let open = matching_open(cx, e - 1)?;
        // "... a top priority ''is increasing the tax,'' Mr. Kamin said": a quotation inside
        // the writer's clause: the content is the clause
        let inside_clause = open > start
            && open >= s.tokens.start
            && cx.is_word(open - 1)
            && !matches!(
                cx.w(open - 1),
                "said" | "says" | "told" | "wrote" | "added" | "asked"
            );
        return Some((if inside_clause { start } else { open }, e));
    }
    (start < e).then_some((start, e))
}

/// Subordinators that end an object content ("endorsed Clinton as governor ...").
static OBJECT_END: WordList = WordList::new(&[
    "when", "while", "as", "after", "before", "because", "since", "until", "whom", "which", "who",
    "but", "although", "though", "whereas",
]);
/// Conjunctions after a comma that end even a clause content ("..., but Wallace brought").
static CLAUSE_END: WordList = WordList::new(&[
    "but", "while", "although", "though", "whom", "which", "whereas",
]);

/// Where a content after its cue ends. A verb of saying takes a clause that runs to the end
/// of the sentence (up to a semicolon or a ", but ..."); any other cue ("endorsed", "called
/// for", "oppose") takes an object that ends at the first comma, bracket, dash or
/// subordinator outside quotation marks.
fn trim_content(cx: &Ctx, a: usize, e: usize, cue: Cue) -> usize {
    if cx.quote(a).is_some() && e > a && cx.quote(e - 1).is_some() {
        return e;
    }
    // "said so in December", "said as much in an interview": the pro-form is the content
    let pro_form = match (cx.w(a), cx.w(a + 1)) {
        ("so" | "yes" | "no", _) => {
            // "said yes, yes, yes"
            let mut p = a + 1;
            while cx.is_punct(p, ',') && cx.w(p + 1) == cx.w(a) {
                p += 2;
            }
            Some(p)
        }
        ("as", "much") => Some(a + 2),
        _ => None,
    };
    // ("Says No To Fox News": "no" is no pro-form before "to")
    if let Some(p) = pro_form
        && p < e
        && ((ADVERBIAL_OPENERS.contains(cx.w(p)) && cx.w(p) != "to") || !cx.is_word(p))
    {
        return p;
    }
    // "She said she met him twice but said neither played a role": the second cue has a
    // claim of its own
    let e = coordinated_cue(cx, a, e).unwrap_or(e);
    let clausal = cue.is_curated
        && matches!(
            cue.class,
            CueClass::Speech | CueClass::Belief | CueClass::Tell
        );
    if clausal {
        // "said the place prides itself on ...": what "say" takes is a clause, never an object
        let after_say = (a.saturating_sub(3)..a).any(|k| {
            matches!(
                cx.w(k),
                "said" | "says" | "say" | "saying" | "added" | "adds"
            )
        });
        let e = if after_say {
            e
        } else {
            trim_noun_phrase_content(cx, a, e)
        };
        for k in a + 3..e {
            if cx.in_quote[k] {
                continue;
            }
            let t = cx.tokens[k];
            // "..., vowing to Z", "..., saying that Z": the speaker's next claim; "- but she
            // also insisted": the writer's next clause
            let next_claim = t.is_punct(',') && PARTICIPLE_CUES.contains(cx.w(k + 1));
            // "believes there are no good options, but that ...", "the process was fair, but
            // required ...": the same clause goes on
            let but_goes_on = cx.w(k + 1) == "but"
                && (cx.w(k + 2) == "that"
                    || (!cx.tokens.get(k + 2).is_some_and(|t| t.is_capitalized())
                        && cx.w(k + 2).ends_with("ed")));
            if t.is_punct(';')
                || next_claim
                || ((t.is_punct(',') || t.kind == TokenKind::Dash)
                    && CLAUSE_END.contains(cx.w(k + 1))
                    && !but_goes_on)
            {
                return k;
            }
        }
        return e;
    }
    for k in a + 1..e {
        if cx.in_quote[k] || cx.quote(k).is_some() {
            continue;
        }
        let t = cx.tokens[k];
        if t.is_punct(';')
            || t.is_punct('(')
            || t.kind == TokenKind::Dash
            || (t.is_punct(',')
                && (OBJECT_END.contains(cx.w(k + 1)) || cx.w(k + 1).ends_with("ing")))
        {
            return k;
        }
    }
    e
}

/// Participles that, after a comma, open the speaker's next claim.
static PARTICIPLE_CUES: WordList = WordList::new(&[
    "saying",
    "adding",
    "noting",
    "citing",
    "alleging",
    "arguing",
    "claiming",
    "insisting",
    "warning",
    "suggesting",
    "vowing",
    "calling",
    "stating",
    "explaining",
    "promising",
    "asserting",
    "declaring",
    "urging",
    "accusing",
    "describing",
    "predicting",
    "acknowledging",
]);

/// Where a content meets the clause of another tagged cue ("... after Sanders said Z"): the
/// last clause boundary before that cue.
fn next_claim_start(cx: &Ctx, a: usize, e: usize) -> Option<usize> {
    let k = (a + 2..e).find(|&k| !cx.in_quote[k] && cx.cue_tags[k] == B)?;
    (a + 2..k).rev().find(|&m| {
        !cx.in_quote[m]
            && (cx.is_punct(m, ',')
                || cx.is_punct(m, ';')
                || matches!(
                    cx.w(m),
                    "and"
                        | "but"
                        | "as"
                        | "after"
                        | "while"
                        | "when"
                        | "because"
                        | "before"
                        | "since"
                        | "though"
                        | "although"
                ))
    })
}

/// Where a content after its cue meets the same subject's next verb of saying: "and said",
/// ", but also told".
fn coordinated_cue(cx: &Ctx, a: usize, e: usize) -> Option<usize> {
    (a + 1..e)
        .filter(|&k| !cx.in_quote[k] && matches!(cx.w(k), "and" | "but"))
        .find(|&k| {
            let v = if matches!(cx.w(k + 1), "also" | "then" | "later") {
                k + 2
            } else {
                k + 1
            };
            // the tagger's cue ("claims that Y, and asserts that Z")
            cues_after_quote(cx, v)
                || cx.cue_tags[v] == B
                || matches!(
                    cx.w(v),
                    "argued"
                        | "noted"
                        | "warned"
                        | "urged"
                        | "stressed"
                        | "insisted"
                        | "acknowledged"
                        | "denied"
                        | "vowed"
                        | "predicted"
                        | "cautioned"
                        | "complained"
                        | "warn"
                        | "argue"
                        | "note"
                        | "urge"
                        | "insist"
                        | "predict"
                        | "caution"
                        | "complain"
                        | "say"
                )
        })
        .map(|k| if cx.is_punct(k - 1, ',') { k - 1 } else { k })
}

/// For an object content ("announced the agreement after his visit"), stop at the first
/// preposition of time or place unless the object is a clause ("stated the sappers would").
fn trim_noun_phrase_content(cx: &Ctx, a: usize, e: usize) -> usize {
    if cx.quote(a).is_some() {
        return e;
    }
    let det = matches!(
        cx.w(a),
        "the" | "a" | "an" | "this" | "these" | "their" | "his" | "her" | "its" | "our"
    );
    if !det {
        return e;
    }
    // a verb before the phrase's first break makes it a clause: "said the rape took place in
    // the spring", "said his position on banning Muslims has grown"
    for k in a + 1..e {
        if (cx.is_punct(k, ',') || cx.tokens[k].kind == TokenKind::Dash) && !cx.in_quote[k] {
            break;
        }
        let w = cx.w(k);
        if CLAUSE_MARKERS.contains(w) || IRREGULAR_PAST.contains(w) {
            return e;
        }
    }
    for k in a + 1..e {
        let w = cx.w(k);
        // a comma inside a quotation ("“much, much better”") does not end the phrase
        // ("posted the following picture": a word right after the determiner is the phrase's)
        // ("a similar image in which ...", "dynamics across the country, including ...": the
        // phrase goes on)
        let goes_on = matches!(cx.w(k + 1), "which" | "whom" | "including");
        if ((cx.is_punct(k, ',') && !cx.in_quote[k]) || (k > a + 1 && NP_CONTENT_END.contains(w)))
            && !goes_on
        {
            return k;
        }
    }
    e
}

fn claim(
    cx: &Ctx,
    s: &Sentence,
    source: Option<SourcePos>,
    cue: Option<(usize, usize)>,
    content: (usize, usize),
    is_hedged: bool,
    confidence: f32,
) -> RawClaim {
    let (source, source_head, description) = match source {
        Some(p) => (
            Some(cx.span(p.span.0, p.span.1)),
            Some(cx.span(p.head.0, p.head.1)),
            p.description.map(|(x, y)| cx.span(x, y)),
        ),
        None => (None, None, None),
    };
    let content_span = cx.span(content.0, content.1);
    RawClaim {
        source,
        source_head,
        description,
        cue: cue.map(|(a, b)| cx.span(a, b)),
        content: content_span,
        sentence: s.span.cover(content_span),
        is_hedged,
        confidence,
    }
}

fn according_to(cx: &Ctx, s: &Sentence, i: usize) -> Option<RawClaim> {
    let hi = s.tokens.end;
    let src_start = i + 2;
    let mut src_end = np_after(cx, src_start, hi);
    if src_end <= src_start {
        return None;
    }
    // "according to an analysis by the Pew Research Center", "audio provided by Wyoming Public
    // Radio", "a post from Arianna Huffington": the one behind the document is the source too
    let by = match cx.w(src_end) {
        "by" | "from" => Some(src_end),
        w if (w.ends_with("ed") || w == "done") && cx.w(src_end + 1) == "by" => Some(src_end + 1),
        _ => None,
    };
    if let Some(by) = by
        && cx.tokens.get(by + 1).is_some_and(|t| {
            t.is_capitalized() || matches!(cx.w(by + 1), "the" | "a" | "an" | "his" | "her")
        })
    {
        let agent_end = np_after(cx, by + 1, hi);
        if agent_end > by + 1 {
            src_end = agent_end;
        }
    }
    let start = content_start(cx, s);
    let leading = (start..i).all(|k| cx.quote(k).is_some());
    let content = if leading {
        // "According to X, Y."
        let mut k = src_end;
        // skip a trailing participle phrase of the source ("released Tuesday")
        while k < hi && !cx.is_punct(k, ',') && k < src_end + 6 {
            k += 1;
        }
        content_after(cx, s, k)?
    } else {
        // "Y, according to X."
        let mut e = i;
        if e > start && cx.is_punct(e - 1, ',') {
            e -= 1;
        }
        if e <= start {
            return None;
        }
        // "The next day, according to Roffman, Trump made further demands": a short opener
        // is no claim of its own; the sentence's hull is
        let end = content_end(cx, s);
        // the comma that closes the source ("according to members who spoke to reporters,")
        let closing =
            (src_end..end.min(src_start + 20)).find(|&k| cx.is_punct(k, ',') && !cx.in_quote[k]);
        match closing {
            Some(c) if e - start < 9 && end > c + 3 => (start, end),
            _ => (start, e),
        }
    };
    Some(claim(
        cx,
        s,
        Some(SourcePos::new(src_start, src_end)),
        Some((i, i + 2)),
        content,
        false,
        0.9,
    ))
}

/// "X, a researcher, remarked": the apposition between the commas before `comma`.
fn apposition(cx: &Ctx, lo: usize, comma: usize) -> Option<(usize, usize, usize)> {
    // comma-separated segments back from the comma: "Ramil Carr, 31, a photographer, said"
    let np_like = |t: &Token| {
        t.is_word()
            || matches!(
                t.kind,
                TokenKind::Possessive | TokenKind::Hyphen | TokenKind::Number
            )
            || t.is_punct('.')
            || t.is_punct('(')
            || t.is_punct(')')
    };
    let mut seg_start = comma;
    let mut segments = 0;
    loop {
        let mut k = seg_start;
        while k > lo && !cx.is_punct(k - 1, ',') {
            let t = cx.tokens[k - 1];
            // a quotation or a dash before the name opens the subject: “Y,” Newkirk, a ...
            if t.quote().is_some() || t.kind == TokenKind::Dash {
                break;
            }
            if !np_like(&t) || seg_start - k > 14 {
                return None;
            }
            k -= 1;
        }
        if k == seg_start {
            return None;
        }
        segments += 1;
        // the head: a name (or a determiner phrase) that starts the sentence or follows a
        // break; the segments after it describe it
        let at_start = k == lo
            || k == content_start_at(cx, lo)
            || cx.tokens[k - 1].quote().is_some()
            || cx.tokens[k - 1].kind == TokenKind::Dash;
        // a phrase right after a closing quote or a dash is the speaker, whatever it starts
        // with: “Y,” Sarah Warbelow, legal director for ..., said; “Y,” state Senate leader
        // Phil Berger, a Republican, said
        let after_quote = k > lo
            && (cx.tokens[k - 1].quote().is_some() || cx.tokens[k - 1].kind == TokenKind::Dash);
        let possessive = matches!(cx.w(k), "his" | "her" | "their" | "its");
        let head_like = cx.tokens[k].is_capitalized()
            || matches!(cx.w(k), "the" | "a" | "an")
            || (after_quote && cx.tokens[k].is_word());
        if segments >= 2
            && (head_like || (possessive && at_start))
            && (at_start || !cx.is_punct(k - 1, ','))
        {
            let np1 = np_before(cx, lo, seg_start).unwrap_or(k);
            let np2 = seg_start + 1;
            // “Y,” his wife, Gabriela Lazar, wrote: the name is the head, the relation
            // describes her
            if possessive && np1 == k && segments == 2 && cx.tokens[np2].is_capitalized() {
                return Some((np1, np2, comma)).filter(|_| {
                    (np2..comma).all(|x| cx.tokens[x].is_capitalized() || !cx.is_word(x))
                });
            }
            let opener_ok = APPOSITIVE_OPENERS.contains(cx.w(np2))
                || after_quote
                || np1 == lo
                || cx.tokens[np2].is_capitalized()
                || segments > 2;
            return (opener_ok && (cx.tokens[np1].is_capitalized() || after_quote))
                .then_some((np1, np2, comma));
        }
        // (a segment opened by a quotation or a dash, not a comma, ends the search)
        if k <= lo || segments >= 4 || !cx.is_punct(k - 1, ',') {
            return None;
        }
        seg_start = k - 1; // the comma before this segment
    }
}

/// Where a sentence starting at `lo` begins its content (past a dateline).
fn content_start_at(cx: &Ctx, lo: usize) -> usize {
    let first = cx.tokens[lo];
    if first.is_all_caps() && first.is_word() {
        for k in lo..cx.tokens.len().min(lo + 10) {
            if cx.tokens[k].kind == TokenKind::Dash {
                return k + 1;
            }
        }
    }
    lo
}

fn verb_cue(cx: &Ctx, s: &Sentence, i: usize, cue: Cue) -> Option<RawClaim> {
    let (lo, hi) = (s.tokens.start, s.tokens.end);
    if let Some(c) = asked_opener(cx, s, i) {
        return Some(c);
    }
    // skip adverbs and auxiliaries back to the subject
    let k = skip_back(cx, lo, i);
    let cue_span = (i, i + 1);
    let hedged = cue.is_hedged || (k..i).any(|x| cx.w(x) == "reportedly");

    // "Soo Kim, a researcher, remarked that ..."
    if k > lo && cx.is_punct(k - 1, ',') {
        if let Some((np1, np2, comma)) = apposition(cx, lo, k - 1) {
            // “Y,” Vann Newkirk, a writer, said on Twitter. → the content is before
            // (“Y,” Warren, who ..., told reporters in Massachusetts.)
            let tail = only_adverbial_after(cx, s, i + 1)
                || (cue.class == CueClass::Tell
                    && only_adverbial_after(cx, s, object_end(cx, s, i, cue)));
            let content = if tail && np1 > content_start(cx, s) {
                let c = continue_quote(cx, s, content_before(cx, s, np1)?);
                resume_after_source(cx, s, c, i + 1, true)
            } else {
                // past "in a statement:" to the quotation, however many sentences it runs
                content_of_verb(cx, s, i, cue)?
            };
            return Some(claim(
                cx,
                s,
                Some(SourcePos::with_apposition(np1, np2 - 1, (np2, comma))),
                Some(cue_span),
                content,
                hedged,
                0.85,
            ));
        }
        // “Y,” said X.
        let src_end = np_after(cx, i + 1, hi);
        let names_after = !matches!(
            cx.w(i + 1),
            "of" | "about" | "on" | "in" | "at" | "to" | "for"
        );
        // "Y, declared bankruptcy.": a bare lower-case noun is the object, not a speaker
        // ("Y, said one GOP source", "Y, said Mr. Welch", "Y, said officials" are)
        let bare_object = !cx.tokens[i + 1].is_capitalized()
            && cx.tokens[i + 1].is_word()
            && src_end == i + 2
            && !matches!(
                cx.w(i + 1),
                "officials"
                    | "sources"
                    | "experts"
                    | "analysts"
                    | "aides"
                    | "advisers"
                    | "critics"
                    | "police"
                    | "prosecutors"
                    | "investigators"
                    | "witnesses"
                    | "residents"
                    | "he"
                    | "she"
                    | "they"
                    | "we"
                    | "i"
            );
        // ("Y, telling the crowd, “Z”": a participle never inverts)
        if names_after
            && !bare_object
            && !cx.w(i).ends_with("ing")
            && src_end > i + 1
            && (src_end >= content_end(cx, s) || cx.is_punct(src_end, ','))
        {
            let content = continue_quote(cx, s, content_before(cx, s, k)?);
            let content = resume_after_source(cx, s, content, src_end, false);
            return Some(claim(
                cx,
                s,
                Some(SourcePos::new(i + 1, src_end)),
                Some(cue_span),
                content,
                hedged,
                0.85,
            ));
        }
        // “Y,” Leonard E. Burman, director of ... and a professor at ..., said of the plan:
        // a description too long to parse still runs from the quote to the cue
        if let Some(q) = (k.saturating_sub(40).max(lo)..k - 1)
            .rev()
            .find(|&x| cx.quote(x).is_some())
            .filter(|&q| cx.is_closing_quote(q) && cx.tokens[q + 1].is_capitalized())
        {
            let head_end = (q + 1..k - 1)
                .find(|&x| cx.is_punct(x, ','))
                .unwrap_or(k - 1);
            let content = continue_quote(cx, s, content_before(cx, s, q + 1)?);
            return Some(claim(
                cx,
                s,
                Some(SourcePos {
                    span: (q + 1, k - 1),
                    head: (q + 1, head_end),
                    description: (head_end + 1 < k - 1).then_some((head_end + 1, k - 1)),
                }),
                Some(cue_span),
                content,
                hedged,
                0.8,
            ));
        }
        return None;
    }
    // "the commissioner, who conceded that Y", "voters who say Y"
    if let Some(source) = relative_source(cx, lo, k) {
        let (start, mut end) = content_of_verb(cx, s, i, cue)?;
        // "Graham, who says Y, tweeted": a relative clause between commas ends at the second
        if cx.is_punct(source.span.0 - 1, ',')
            && let Some(c) = (start + 1..end).find(|&x| cx.is_punct(x, ',') && !cx.in_quote[x])
        {
            end = c;
        }
        let content = (start, end);
        return Some(claim(
            cx,
            s,
            Some(source),
            Some(cue_span),
            content,
            hedged,
            0.75,
        ));
    }
    // “Y” said X / Y, said X (quote right before the cue; a participle never inverts)
    if k > lo
        && cx.quote(k - 1).is_some()
        && cx.is_closing_quote(k - 1)
        && !cx.w(i).ends_with("ing")
    {
        let src_end = np_after(cx, i + 1, hi);
        if src_end > i + 1 {
            let content = continue_quote(cx, s, content_before(cx, s, k)?);
            return Some(claim(
                cx,
                s,
                Some(SourcePos::new(i + 1, src_end)),
                Some(cue_span),
                content,
                hedged,
                0.85,
            ));
        }
        return None;
    }
    // passive: "The report was written by Peter Hall" → Peter Hall, about the report
    if (k..i).any(|x| matches!(cx.w(x), "was" | "were" | "is" | "are" | "been" | "be"))
        && cx.w(i + 1) == "by"
    {
        let by_end = np_after(cx, i + 2, hi);
        if by_end > i + 2
            && let Some(np) = np_before(cx, lo, k)
        {
            return Some(claim(
                cx,
                s,
                Some(SourcePos::new(i + 2, by_end)),
                Some((k, i + 2)),
                (np, k),
                hedged,
                0.7,
            ));
        }
    }
    // "A spokesman defended the route and said Y": the subject of the sentence speaks
    if k > lo + 1
        && matches!(cx.w(k - 1), "and" | "but" | "yet")
        && let Some((x, y)) = clause_subject(cx, s, k - 1)
        && y < k - 1
    {
        let content = content_of_verb(cx, s, i, cue)?;
        return Some(claim(
            cx,
            s,
            Some(SourcePos::new(x, y)),
            Some(cue_span),
            content,
            hedged,
            0.75,
        ));
    }
    let np = np_before(cx, lo, k)?;
    let source = Some(SourcePos::new(np, k));
    let before_np = np.checked_sub(1).filter(|&b| b >= lo);
    let after_quote = before_np.is_some_and(|b| cx.quote(b).is_some() && cx.is_closing_quote(b));
    // “Is it true?” ends the sentence before "Trump asked the crowd."
    let after_question = np == lo
        && lo >= 2
        && cx.quote(lo - 1).is_some()
        && cx.is_closing_quote(lo - 1)
        && (cx.is_punct(lo - 2, '?') || cx.is_punct(lo - 2, '!'));
    let after_break =
        before_np.is_some_and(|b| cx.is_punct(b, ',') || cx.tokens[b].kind == TokenKind::Dash);
    // "“Y,” Sanders told CNN on Sunday.": past the addressee, nothing but an adverbial
    // "as Western Journalism reported, Y" / "Y, as the Post noted."
    if before_np.is_some_and(|b| cx.w(b) == "as") && only_adverbial_after(cx, s, i + 1) {
        let as_at = np - 1;
        let after = (i + 1..content_end(cx, s)).find(|&x| cx.is_punct(x, ','));
        let content = match after {
            Some(c) => content_after(cx, s, c + 1),
            None if as_at > lo && cx.is_punct(as_at - 1, ',') => content_before(cx, s, as_at),
            None => None,
        }?;
        return Some(claim(cx, s, source, Some(cue_span), content, hedged, 0.8));
    }
    // "“Is it true?” Trump asked the crowd.": the one asked, then nothing but an adverbial
    let asked_whom = (after_quote || after_question)
        && matches!(cx.w(i), "asked" | "asks")
        && only_adverbial_after(cx, s, np_after(cx, i + 1, hi));
    let tail = only_adverbial_after(cx, s, i + 1)
        || asked_whom
        || (cue.class == CueClass::Tell
            && (after_quote || before_np.is_some_and(|b| cx.is_punct(b, ',')))
            && only_adverbial_after(cx, s, object_end(cx, s, i, cue)));
    // "Asked about the device, O'Neill said, “Not going to go into that.”": the quotation
    // after the cue is the content, not the clause before the subject
    let quote_follows = cx.is_punct(i + 1, ',') && cx.is_opening_quote(i + 2);
    // "Asked whether she “has the integrity,” 52 percent said yes": a quotation that ends a
    // clause of the writer's is not what the subject says
    let before = content_before(cx, s, np);
    // (“..,” Melanie said yes, yes: a pro-form after the cue is what she says)
    let pro_form_follows = matches!(cx.w(i + 1), "yes" | "no") && cx.w(i + 2) != "to";
    let quote_led = after_quote
        && !pro_form_follows
        && before.is_some_and(|(x, _)| cx.quote(x).is_some() || x < lo);
    // "But in recent days, advisers to Mr. Obama say, the president has grown ...": what
    // precedes the subject is an adverbial, what follows the comma is said
    let adverbial_before = before.is_some_and(|(x, y)| {
        let x = if matches!(cx.w(x), "but" | "and" | "yet") {
            x + 1
        } else {
            x
        };
        y <= x + 7
            && ADVERBIAL_OPENERS.contains(cx.w(x))
            && !is_infinitive(cx, x)
            && cx.quote(x).is_none()
    });
    let clause_follows = cx.is_punct(i + 1, ',') && cx.is_word(i + 2) && i + 4 < content_end(cx, s);
    if adverbial_before && clause_follows && !after_quote {
        let content = content_of_verb(cx, s, i, cue)?;
        return Some(claim(cx, s, source, Some(cue_span), content, hedged, 0.8));
    }
    if (after_quote && (tail || quote_led))
        || (after_question && asked_whom)
        || (after_break && tail && !quote_follows)
    {
        // "Y, X said." / “Y,” he said in an interview. / "Y1, he said, Y2."
        let content = before?;
        let content = continue_quote(cx, s, content);
        let content = resume_after_source(cx, s, content, i + 1, true);
        return Some(claim(cx, s, source, Some(cue_span), content, hedged, 0.85));
    }
    // "The New York Times reports:\n\n“Y”": the next paragraph is what is reported
    if cx.is_punct(i + 1, ':') && i + 2 == s.tokens.end && i + 2 < cx.tokens.len() {
        let next = i + 2;
        let end = (next + 1..cx.tokens.len())
            .find(|&k| cx.tokens[k].flags & Token::PARAGRAPH_START != 0)
            .unwrap_or(cx.tokens.len());
        let end = if cx.is_punct(end - 1, '.') && !cx.is_closing_quote(end - 1) {
            end - 1
        } else {
            end
        };
        if end > next {
            return Some(claim(
                cx,
                s,
                source,
                Some(cue_span),
                (next, end),
                hedged,
                BLOCK_CONFIDENCE,
            ));
        }
    }
    if tail && !quote_follows {
        return None;
    }
    // "X said (that) Y"
    let subject_ok = before_np.is_none_or(|b| {
        let t = cx.tokens[b];
        b < content_start(cx, s)
            || t.kind == TokenKind::Dash
            || t.is_punct(',')
            || t.is_punct(';')
            || t.is_punct(':')
            || t.quote().is_some()
            || SUBJECT_OPENERS.contains(cx.w(b))
    });
    if !subject_ok {
        return None;
    }
    let content = content_of_verb(cx, s, i, cue)?;
    Some(claim(cx, s, source, Some(cue_span), content, hedged, 0.8))
}

/// The content after a verb cue at `i`: past its addressee and a short adverbial, trimmed to
/// what the cue takes (a clause or an object).
fn content_of_verb(cx: &Ctx, s: &Sentence, i: usize, cue: Cue) -> Option<(usize, usize)> {
    // "asked for a sentence of three years, calling ...", "is calling for Trump to be
    // banned": what is asked for is an object, without its "for"
    if cx.w(i + 1) == "for"
        && matches!(
            cx.w(i),
            "asked" | "asks" | "ask" | "asking" | "called" | "calls" | "call" | "calling"
        )
    {
        let (a, e) = content_after(cx, s, i + 2)?;
        let object = Cue {
            is_curated: false,
            ..cue
        };
        return Some((a, trim_content(cx, a, e, object)));
    }
    let (a, e) = content_after(cx, s, skip_adverbial(cx, s, object_end(cx, s, i, cue)))?;
    // "wrote Friday on Twitter, adding that Y": past the adverbial, the participle's claim
    // starts; the verb has none of its own
    if a > i + 1 && cx.is_punct(a - 1, ',') && PARTICIPLE_CUES.contains(cx.w(a)) {
        return None;
    }
    Some((a, trim_content(cx, a, e, cue)))
}

/// "Asked about the merger, she said ...", "When asked by a reporter whether Y, Trump ...":
/// the question is a claim of the asker's (unnamed unless "by X"), up to the comma.
fn asked_opener(cx: &Ctx, s: &Sentence, i: usize) -> Option<RawClaim> {
    let start = content_start(cx, s);
    let opens = i == start || (i == start + 1 && matches!(cx.w(start), "when" | "if" | "after"));
    if cx.w(i) != "asked" || !opens {
        return None;
    }
    let comma = (i + 1..content_end(cx, s)).find(|&k| cx.is_punct(k, ',') && !cx.in_quote[k])?;
    let mut a = i + 1;
    let mut source = None;
    if cx.w(a) == "by" {
        // the asker ends where the question starts: "by a reporter whether ..."
        let e = (a + 1..np_after(cx, a + 1, comma))
            .find(|&k| {
                matches!(
                    cx.w(k),
                    "whether"
                        | "if"
                        | "why"
                        | "how"
                        | "what"
                        | "when"
                        | "where"
                        | "who"
                        | "about"
                        | "to"
                )
            })
            .unwrap_or_else(|| np_after(cx, a + 1, comma));
        if e > a + 1 {
            source = Some(SourcePos::new(a + 1, e));
            a = e;
        }
    }
    (a < comma).then(|| claim(cx, s, source, Some((i, i + 1)), (a, comma), false, 0.75))
}

/// Words after which a subject may start ("..., and X said Y").
static SUBJECT_OPENERS: WordList = WordList::new(&[
    "and", "but", "while", "as", "because", "so", "yet", "since", "although", "though", "when",
    "if", "however", "where", "after", "before", "once", "whereas", "also", "then", "now",
]);

/// Words that open an adverbial after a cue: "he said in an interview", "she said Monday".
static ADVERBIAL_OPENERS: WordList = WordList::new(&[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "to",
    "from",
    "via",
    "last",
    "this",
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
    "recently",
    "again",
    "also",
    "then",
    "repeatedly",
    "privately",
    "publicly",
    "afterward",
    "afterwards",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "late",
    "early",
    "while",
    "when",
    "of",
    "about",
    "with",
    "through",
    "over",
    "by",
    "told",
    "wrote",
    "in an",
]);

/// Whether nothing but an adverbial ("in a statement", "on Monday", ", adding ...") follows
/// `j` up to the end of the sentence: then the content is before the cue.
fn only_adverbial_after(cx: &Ctx, s: &Sentence, j: usize) -> bool {
    let e = content_end(cx, s);
    if j >= e {
        return true;
    }
    if cx.is_punct(j, ',') || cx.is_punct(j, ';') || cx.tokens[j].kind == TokenKind::Dash {
        return true;
    }
    if cx.w(j) == "that" || cx.is_opening_quote(j) || cx.is_punct(j, ':') {
        return false;
    }
    // "said just after midnight on CNN", "said shortly before the vote"
    let j = if matches!(
        cx.w(j),
        "just" | "shortly" | "right" | "soon" | "late" | "early"
    ) && matches!(cx.w(j + 1), "after" | "before" | "on" | "in" | "at")
    {
        j + 1
    } else {
        j
    };
    if is_infinitive(cx, j) || !ADVERBIAL_OPENERS.contains(cx.w(j)) || e - j > 12 {
        return false;
    }
    // "told reporters this was the only chance": "this" opens a time only before one
    if matches!(cx.w(j), "this" | "last")
        && !(TIME_NOUNS.contains(cx.w(j + 1).trim_end_matches('s'))
            || DAYS.contains(cx.w(j + 1))
            || matches!(cx.w(j + 1), "morning" | "afternoon" | "evening"))
    {
        return false;
    }
    // an adverbial and then a clause ("said in a statement that ...") is not a tail; a short
    // quoted title is ("said on Fox News’s “Fox and Friends.”")
    let title = |k: usize| {
        k > j
            && (cx.tokens[k - 1].is_word() || cx.tokens[k - 1].kind == TokenKind::Possessive)
            && matches_close_soon(cx, k)
            && cx.tokens[k + 1].is_capitalized()
    };
    !(j..e)
        .any(|k| cx.w(k) == "that" || cx.is_punct(k, ':') || (cx.is_opening_quote(k) && !title(k)))
}

/// "had hoped to do better": "to" before a verb opens what is hoped, not an adverbial ("to
/// reporters", "to the crowd").
fn is_infinitive(cx: &Ctx, j: usize) -> bool {
    cx.w(j) == "to"
        && cx.is_word(j + 1)
        && !cx.tokens[j + 1].is_capitalized()
        && !NOUN_MAKERS.contains(cx.w(j + 1))
        && !PRONOUNS.contains(cx.w(j + 1))
        && !matches!(cx.w(j + 1), "him" | "them" | "me" | "us" | "reporters")
}

/// Whether the quotation opening at `k` closes within a few words (a title, not a statement).
fn matches_close_soon(cx: &Ctx, k: usize) -> bool {
    matching_close(cx, k).is_some_and(|c| c - k <= 7)
}

/// Past a short adverbial between a cue and its content: "said in a statement that Y",
/// "said Tuesday that Y", "told CNN on Sunday: Y".
fn skip_adverbial(cx: &Ctx, s: &Sentence, j: usize) -> usize {
    let e = content_end(cx, s);
    // "stated a day earlier, “Y”", "said two weeks ago that Y"
    if j + 3 <= e
        && matches!(
            cx.w(j),
            "a" | "an" | "one" | "two" | "three" | "several" | "few"
        )
        && (matches!(cx.w(j + 1).trim_end_matches('s'), "day" | "hour" | "minute")
            || TIME_NOUNS.contains(cx.w(j + 1).trim_end_matches('s')))
        && matches!(cx.w(j + 2), "earlier" | "later" | "ago" | "before")
    {
        let k = j + 3;
        return if cx.is_punct(k, ',') || cx.w(k) == "that" {
            k + 1
        } else {
            k
        };
    }
    // "told them this weekend he would ...": a bare time phrase
    if j + 2 < e
        && matches!(cx.w(j), "this" | "last" | "next")
        && (TIME_NOUNS.contains(cx.w(j + 1)) || DAYS.contains(cx.w(j + 1)))
        && cx.is_word(j + 2)
    {
        return if cx.w(j + 2) == "that" { j + 3 } else { j + 2 };
    }
    if j >= e || !ADVERBIAL_OPENERS.contains(cx.w(j)) || is_infinitive(cx, j) {
        return j;
    }
    for k in j + 1..e.min(j + 8) {
        if cx.w(k) == "that" || cx.is_punct(k, ':') || cx.is_opening_quote(k) {
            return k;
        }
        if cx.is_punct(k, ',') {
            return k + 1;
        }
    }
    j
}

/// "Y1, said X, an expert on Russia, would read this as Y2": the sentence goes on with the
/// content after the interrupting source, so the content is the whole (the annotators' hull).
/// With the source before the cue ("Too often, Mr. Clarke said, the debate is ..."), what
/// follows the comma cannot describe the source, so it goes on with the content unless it
/// opens a clause of its own.
fn resume_after_source(
    cx: &Ctx,
    s: &Sentence,
    content: (usize, usize),
    src_end: usize,
    source_first: bool,
) -> (usize, usize) {
    let e = content_end(cx, s);
    let mut k = src_end;
    // past the source's apposition: ", an expert on Russia,"
    if !source_first && cx.is_punct(k, ',') {
        let next_comma = (k + 1..e.min(k + 16)).find(|&x| cx.is_punct(x, ','));
        if let Some(c) = next_comma
            && matches!(
                cx.w(k + 1),
                "a" | "an" | "the" | "who" | "one" | "former" | "his" | "her"
            )
        {
            k = c;
        }
    }
    if !cx.is_punct(k, ',') || k + 1 >= e {
        return content;
    }
    let w = cx.w(k + 1);
    // "It was, the president said, ''a stone where ...''"
    if cx.is_opening_quote(k + 1) {
        return (
            content.0,
            matching_close(cx, k + 1).map_or(e, |c| (c + 1).max(e)),
        );
    }
    let new_clause = matches!(w, "but" | "while" | "so" | "as" | "yet" | "then")
        || (w == "and" && !cx.is_opening_quote(k + 2));
    let describes_source = if source_first {
        matches!(w, "who" | "which" | "according" | "in" | "on" | "at")
    } else {
        cx.tokens[k + 1].is_capitalized()
            || matches!(
                w,
                "a" | "an" | "the" | "who" | "which" | "according" | "in" | "on" | "at"
            )
    };
    // "..., he said, adding that": a participle clause of the speaker's; "..., he said,
    // replacing Clinton would be ...": a gerund subject, the sentence goes on
    let participle = w.ends_with("ing") && !is_gerund_subject(cx, k + 1, e);
    // "..., said Christine Link, director of the ACLU.": what follows must be a clause, with
    // a verb, to go on with the content
    let has_verb = (k + 1..e).any(|x| {
        cx.is_past_verb(x)
            || matches!(
                cx.w(x),
                "is" | "are"
                    | "was"
                    | "were"
                    | "will"
                    | "would"
                    | "can"
                    | "could"
                    | "should"
                    | "may"
                    | "might"
                    | "must"
                    | "has"
                    | "have"
                    | "had"
                    | "do"
                    | "does"
            )
    });
    let continues = cx.is_word(k + 1)
        && !new_clause
        && !participle
        && !describes_source
        && (source_first || has_verb);
    if continues { (content.0, e) } else { content }
}

/// Whether the "-ing" word at `k` opens a gerund subject ("replacing Clinton would be
/// ..."): a modal or "is" follows within a few words, before any comma.
fn is_gerund_subject(cx: &Ctx, k: usize, e: usize) -> bool {
    // "adding (that) it would take": a participle with its own clause
    let clause = |x: usize| {
        matches!(
            cx.w(x),
            "that" | "he" | "she" | "it" | "they" | "we" | "i" | "you" | "there"
        )
    };
    (k + 1..e.min(k + 6))
        .take_while(|&x| cx.is_word(x) && !clause(x))
        .any(|x| {
            matches!(
                cx.w(x),
                "would" | "will" | "could" | "can" | "is" | "was" | "may" | "might" | "should"
            )
        })
}

/// Never extend a quotation into one that has its own cue.
fn cues_after_quote(cx: &Ctx, k: usize) -> bool {
    matches!(
        cx.w(k),
        "said" | "says" | "added" | "asked" | "told" | "wrote"
    )
}

/// `“Y1,” X said. “Y2.”`: the next sentence goes on with the quotation, so the content runs on
/// to its end (the annotators' hull of the quote's pieces).
fn continue_quote(cx: &Ctx, s: &Sentence, content: (usize, usize)) -> (usize, usize) {
    // a content that opens or closes with a quotation ("Yet Trump is a “change agent,” Cole
    // said. “That’s what people want.”")
    if cx.quote(content.0).is_none()
        && !(content.1 > content.0 && cx.is_closing_quote(content.1 - 1))
    {
        return content;
    }
    // “Y1,” X wrote, “but Y2.”: the quotation resumes in the same sentence
    if let Some(resume) = (content.1..s.tokens.end.min(content.1 + 16))
        .find(|&k| cx.is_punct(k, ',') && cx.is_opening_quote(k + 1))
        && let Some(close) = matching_close(cx, resume + 1)
    {
        return (content.0, close + 1);
    }
    let next = s.tokens.end;
    if next >= cx.tokens.len() || !cx.is_opening_quote(next) {
        return content;
    }
    let Some(close) = matching_close(cx, next) else {
        return content;
    };
    // a new paragraph opens a new quotation, unless it is nothing but a quotation (“Y1,” he
    // said.\n\n“Y2.”\n\n: no one else is named for it)
    let ends_paragraph =
        close + 1 >= cx.tokens.len() || cx.tokens[close + 1].flags & Token::PARAGRAPH_START != 0;
    if cx.tokens[next].flags & Token::PARAGRAPH_START != 0 && !ends_paragraph {
        return content;
    }
    // the continuation must not be attributed on its own ("“Y2,” she added.")
    // (a cue in the next paragraph is another quotation's: "“Y2.”\n\nCorker said")
    let after = (close + 1..(close + 4).min(cx.tokens.len()))
        .take_while(|&k| cx.tokens[k].flags & Token::PARAGRAPH_START == 0)
        .any(|k| cues_after_quote(cx, k));
    if after {
        return content;
    }
    (content.0, close + 1)
}

/// Where the content starts after a cue: past the addressee of "told" ("told reporters that").
fn object_end(cx: &Ctx, s: &Sentence, i: usize, cue: Cue) -> usize {
    let hi = s.tokens.end;
    // "asked the crowd whether Y": the question, past the one asked
    if matches!(cx.w(i), "asked" | "asks" | "asking") && !cx.is_word(i + 1) {
        return i + 1;
    }
    if matches!(cx.w(i), "asked" | "asks" | "asking") {
        let question = (i + 2..hi.min(i + 6)).find(|&k| {
            matches!(
                cx.w(k),
                "whether" | "if" | "why" | "how" | "what" | "when" | "where" | "who" | "which"
            )
        });
        let addressee = |q: usize| (i + 1..q).all(|k| cx.is_word(k) && !is_np_stop(cx.w(k)));
        // "asked the buzzing crowd, “Can she stay?”"
        let quoted =
            (i + 2..hi.min(i + 7)).find(|&k| cx.is_punct(k, ',') && cx.is_opening_quote(k + 1));
        return question
            .or(quoted)
            .filter(|&q| addressee(q))
            .unwrap_or(i + 1);
    }
    if cue.class != CueClass::Tell {
        return i + 1;
    }
    // ("also told one of his young protégés on a regular basis that ...": a long addressee)
    for k in i + 1..hi.min(i + 13) {
        if cx.w(k) == "that" || cx.is_punct(k, ',') || cx.is_punct(k, ':') || cx.is_opening_quote(k)
        {
            return k;
        }
    }
    // "told The Washington Post on Thursday": a name is the addressee, however many words
    let name = (i + 1..hi)
        .take_while(|&k| {
            cx.tokens[k].is_capitalized()
                || (cx.tokens[k].kind == TokenKind::Hyphen && k > i + 1)
                || (k == i + 1 && matches!(cx.w(k), "the" | "a"))
        })
        .last()
        .filter(|&k| k > i + 1 || cx.tokens[i + 1].is_capitalized());
    if let Some(k) = name {
        return k + 1;
    }
    // "told reporters the plan failed": skip a one- or two-word addressee ("African-Americans"
    // is one)
    let word_end = |k: usize| {
        if cx
            .tokens
            .get(k + 1)
            .is_some_and(|t| t.kind == TokenKind::Hyphen)
            && cx.is_word(k + 2)
        {
            k + 3
        } else {
            k + 1
        }
    };
    if matches!(cx.w(i + 1), "the" | "a" | "an" | "his" | "her" | "their") {
        word_end(i + 2)
    } else {
        word_end(i + 1)
    }
}

/// The confidence given to participle claims (also marks them for the rule above).
const PARTICIPLE_CONFIDENCE: f32 = 0.7;

/// The confidence given to a paragraph announced by "X reports:" (also marks it: the
/// claims inside a block quotation are kept with it).
const BLOCK_CONFIDENCE: f32 = 0.79;

/// The noun phrase that opens the sentence (past a dateline), ending before `limit`: the
/// subject of a main clause whose verbs are coordinated ("Warren appeared ... and endorsed").
fn sentence_subject(cx: &Ctx, s: &Sentence, limit: usize) -> Option<(usize, usize)> {
    let start = content_start(cx, s);
    // past an introductory phrase: "In a September debate, while ..., Trump hewed"
    // "But the court overruled and said": a leading conjunction is not the subject
    let start =
        if matches!(cx.w(start), "but" | "and" | "yet" | "so") && !cx.is_punct(start + 1, ',') {
            start + 1
        } else {
            start
        };
    // "And then Trump went on the attack": an adverb with no comma before a name
    let start = if matches!(
        cx.w(start),
        "then" | "now" | "also" | "still" | "later" | "finally" | "instead" | "soon"
    ) && (cx.tokens.get(start + 1).is_some_and(|t| t.is_capitalized())
        || PRONOUNS.contains(cx.w(start + 1)))
    {
        start + 1
    } else {
        start
    };
    // "In a September debate, while ..., Trump hewed", "Once in my early 20s, when my
    // mother ..., I laughed", "Earlier this week, Clinton", "Asked about it, she": openers and
    // their commas, one after another
    let mut start = start;
    for _ in 0..3 {
        let Some(comma) = (start..limit).find(|&k| cx.is_punct(k, ',')) else {
            break;
        };
        let subordinate = cx.is_word(start) && OPENER_WORDS.contains(cx.w(start));
        // ("Casting himself as her prosecutor in a mock trial,": a participle's phrase runs
        // longer)
        let w = cx.w(start);
        let reach = if w.len() > 4 && (w.ends_with("ing") || w.ends_with("ed")) {
            16
        } else {
            8
        };
        let adverbial =
            comma > start && comma < start + reach && is_adverbial_opener(cx, start, comma);
        if !subordinate && !adverbial {
            break;
        }
        start = comma + 1;
        // "... in Salem, New Hampshire, Trump went": the place's state is still the opener's
        if comma > 0 && cx.tokens[comma - 1].is_capitalized() {
            let next = (start..limit.min(start + 4)).find(|&k| cx.is_punct(k, ','));
            if let Some(c) = next
                && c > start
                && (start..c).all(|k| cx.tokens[k].is_capitalized() || cx.is_punct(k, '.'))
                && cx.tokens.get(c + 1).is_some_and(|t| t.is_word())
            {
                start = c + 1;
            }
        }
    }
    let mut e = start;
    while e < limit && e < start + 10 {
        let t = cx.tokens[e];
        let w = cx.w(e);
        let ok = match t.kind {
            TokenKind::Word => {
                (!is_np_stop(w) || (e == start && PRONOUNS.contains(w)))
                    && !cx.is_past_verb(e)
                    && cues_free(w)
            }
            TokenKind::Possessive | TokenKind::Hyphen | TokenKind::Number => true,
            TokenKind::Punct => t.first == '.' && e > start && TITLES.contains(cx.w(e - 1)),
            _ => false,
        };
        if !ok {
            break;
        }
        // a pronoun subject is one word
        if e == start && PRONOUNS.contains(w) {
            e += 1;
            break;
        }
        e += 1;
    }
    (e > start).then_some((start, e))
}

/// Prepositions and subordinators that open a phrase or clause before the subject; it runs
/// to the next comma.
static OPENER_WORDS: WordList = WordList::new(&[
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "last",
    "by",
    "for",
    "with",
    "since",
    "when",
    "while",
    "as",
    "although",
    "though",
    "if",
    "but",
    "once",
    "outside",
    "inside",
    "across",
    "throughout",
    "within",
    "beyond",
    "behind",
    "around",
    "through",
    "from",
    "near",
    "along",
    "between",
    "without",
    "upon",
    "against",
    "toward",
    "towards",
    "because",
    "unless",
    "until",
    "whether",
]);

/// Words that open a sentence as an adverbial, not as its subject.
static OPENER_ADVERBS: WordList = WordList::new(&[
    "earlier",
    "later",
    "likewise",
    "meanwhile",
    "instead",
    "however",
    "still",
    "yet",
    "also",
    "now",
    "today",
    "yesterday",
    "again",
    "first",
    "finally",
    "then",
    "alongside",
    "amid",
    "despite",
    "under",
    "among",
    "like",
    "unlike",
    "besides",
    "following",
    "moreover",
    "indeed",
    "separately",
    "similarly",
    "previously",
    "afterward",
    "afterwards",
    "here",
    "there",
    "overall",
    "ultimately",
    "nevertheless",
    "nonetheless",
    "otherwise",
    "thus",
]);

/// Whether tokens `[a, c)` before a comma are an adverbial opener: a listed adverb or an
/// "-ly" one, a participle ("Asked about it,", "Speaking to reporters,"), or a time phrase
/// ending "ago" ("Eight years ago,").
fn is_adverbial_opener(cx: &Ctx, a: usize, c: usize) -> bool {
    let w = cx.w(a);
    let t = cx.tokens[a];
    t.is_word()
        && (OPENER_ADVERBS.contains(w)
            || (w.ends_with("ly") && w.len() > 4 && c == a + 1)
            // "Sunday morning,", "This year,", "More recently,"
            || DAYS.contains(w)
            || (matches!(w, "this" | "last" | "next")
                && TIME_NOUNS.contains(cx.w(a + 1).trim_end_matches('s')))
            // "Two weeks after Justice Scalia died,", "Hours before the vote,"
            || ((TIME_NOUNS.contains(cx.w(a + 1).trim_end_matches('s'))
                || matches!(cx.w(a), "hours" | "days" | "minutes" | "moments"))
                && (a + 1..(a + 3).min(c)).any(|k| matches!(cx.w(k), "after" | "before")))
            || (c == a + 2 && matches!(w, "more" | "most" | "even" | "much") && cx.w(a + 1).ends_with("ly"))
            || ((w.ends_with("ed") || w.ends_with("ing")) && w.len() > 4 && !PRONOUNS.contains(w))
            || matches!(cx.w(c - 1), "ago" | "earlier" | "later"))
}

/// The subject of the clause holding a coordinated verb at `limit`: after a subordinator
/// in the same stretch without commas ("after she attacked ... and blamed" → "she"), else
/// the sentence's ([`sentence_subject`]).
fn clause_subject(cx: &Ctx, s: &Sentence, limit: usize) -> Option<(usize, usize)> {
    let lo = s.tokens.start;
    let sub = (lo..limit)
        .rev()
        .take_while(|&k| !cx.is_punct(k, ',') && !cx.is_punct(k, ';') && !cx.in_quote[k])
        .find(|&k| SUBORDINATORS.contains(cx.w(k)) && cx.w(k) != "as");
    if let Some(m) = sub {
        let e = np_after(cx, m + 1, limit);
        let e = (m + 1..e)
            .find(|&k| k > m + 1 && cx.is_past_verb(k))
            .unwrap_or(e);
        if e > m + 1 && e < limit {
            return Some((m + 1, e));
        }
    }
    sentence_subject(cx, s, limit)
}

/// The subject of the cue at `c`: the phrase before it ("he said") or, inverted, after it
/// ("said Mr. Welch").
fn subject_of(cx: &Ctx, s: &Sentence, c: usize) -> Option<(usize, usize)> {
    let lo = s.tokens.start;
    let mut k = c;
    while k > lo && SKIPPABLE.contains(cx.w(k - 1)) {
        k -= 1;
    }
    if let Some(np) = np_before(cx, lo, k) {
        return Some((np, k));
    }
    let e = np_after(cx, c + 1, s.tokens.end);
    (e > c + 1).then_some((c + 1, e))
}

fn participle(cx: &Ctx, s: &Sentence, i: usize, cue: Cue) -> Option<RawClaim> {
    let lo = s.tokens.start;
    if let Some(c) = opening_participle(cx, s, i, cue) {
        return Some(c);
    }
    if i == lo || !cx.is_punct(i - 1, ',') {
        return None;
    }
    // the source: the subject of an earlier cue in the sentence (“..,” he said, adding ...),
    // else the noun phrase that starts the sentence
    // (a capitalised word is a name, not a cue: "the United States")
    let (start, e) = match (lo..i - 1).rev().find(|&k| {
        !cx.tokens[k].is_capitalized() && cx.cue(k).is_some_and(|c| c.class != CueClass::Participle)
    }) {
        Some(prev) => {
            // "called Friday for ..., saying": a phrase after a cue is its subject only when
            // the cue is inverted after a quotation or a comma ("“..,” said Mr. Welch");
            // else the sentence's subject speaks
            let inverted = prev > lo && !cx.tokens[prev - 1].is_word();
            // ("and officially endorsed Clinton, saying": an adverb is no subject)
            let subject_like = |a: usize| {
                cx.tokens[a].is_capitalized()
                    || cx.tokens[a].kind == TokenKind::Number
                    || PRONOUNS.contains(cx.w(a))
                    || matches!(
                        cx.w(a),
                        "the"
                            | "a"
                            | "an"
                            | "his"
                            | "her"
                            | "their"
                            | "its"
                            | "our"
                            | "my"
                            | "some"
                            | "many"
                            | "most"
                            | "all"
                            | "both"
                            | "several"
                            | "few"
                            | "this"
                            | "that"
                            | "these"
                            | "those"
                            | "each"
                            | "every"
                            | "no"
                            | "who"
                            | "which"
                            | "officials"
                            | "experts"
                            | "critics"
                    )
            };
            match subject_of(cx, s, prev) {
                Some((a, e))
                    if (a < prev && subject_like(a)) || (inverted && !DAYS.contains(cx.w(a))) =>
                {
                    (a, e)
                }
                _ => sentence_subject(cx, s, prev)?,
            }
        }
        None => sentence_subject(cx, s, i - 1)?,
    };
    let content = content_after(cx, s, i + 1)?;
    Some(claim(
        cx,
        s,
        Some(SourcePos::new(start, e)),
        Some((i, i + 1)),
        content,
        cue.is_hedged,
        PARTICIPLE_CONFIDENCE,
    ))
}

/// "Noting that Y, Schlafly wrote ...", "Since announcing Y, Johnson has ...": a participle
/// opening the sentence says what the main clause's subject says; its content ends at the
/// comma.
fn opening_participle(cx: &Ctx, s: &Sentence, i: usize, cue: Cue) -> Option<RawClaim> {
    let start = content_start(cx, s);
    let opens = i == start
        || (i == start + 1
            && matches!(
                cx.w(start),
                "since" | "after" | "before" | "while" | "when" | "by"
            ));
    if !opens {
        return None;
    }
    let hi = s.tokens.end;
    // the comma may close a quotation: "After saying her foot was “so swollen,” she was"
    let comma = (i + 1..hi)
        .find(|&k| cx.is_punct(k, ',') && (!cx.in_quote[k] || cx.is_closing_quote(k + 1)))?;
    let (x, y) = content_after(cx, s, i + 1)?;
    let after = if cx.is_closing_quote(comma + 1) {
        comma + 2
    } else {
        comma + 1
    };
    // (the quotation keeps its closing mark)
    let y = y.min(if after == comma + 2 { after } else { comma });
    // the subject: a noun phrase right after the comma, then its verb
    let e = np_after(cx, after, hi);
    let e = (after..e)
        .find(|&k| {
            k > after
                && !cx.tokens[k].is_capitalized()
                && (IRREGULAR_PAST.contains(cx.w(k)) || !cues_free(cx.w(k)))
        })
        .unwrap_or(e);
    let is_subject = e > after && e < hi && cx.is_word(e) && !cx.tokens[e].is_capitalized();
    (x < y && is_subject).then(|| {
        claim(
            cx,
            s,
            Some(SourcePos::new(after, e)),
            Some((i, i + 1)),
            (x, y),
            cue.is_hedged,
            PARTICIPLE_CONFIDENCE,
        )
    })
}

fn cues_free(w: &str) -> bool {
    !matches!(w, "said" | "says" | "told" | "echoed" | "added")
}

fn hedge_adverb(cx: &Ctx, s: &Sentence, i: usize) -> Option<RawClaim> {
    // "X reportedly said": the speech cue carries the claim
    if cx
        .cue(i + 1)
        .is_some_and(|c| c.class != CueClass::HedgeAdverb)
    {
        return None;
    }
    // the clause holding the adverb
    let a = clause_start(cx, s, i);
    let e = content_end(cx, s);
    if a >= e || a == i {
        return None;
    }
    Some(claim(cx, s, None, Some((i, i + 1)), (a, e), true, 0.6))
}

/// "Many Democrats are expected to follow", "Trump seemed to suggest ...": the clause is the
/// content and no one is named as its source.
fn impersonal(cx: &Ctx, s: &Sentence, i: usize) -> Option<RawClaim> {
    if !matches!(cx.w(i + 1), "to" | "that" | "like") {
        return None;
    }
    let a = clause_start(cx, s, i);
    let end = content_end(cx, s);
    let e = (i + 1..end)
        .find(|&k| {
            cx.is_punct(k, ';') || (cx.is_punct(k, ',') && matches!(cx.w(k + 1), "and" | "but"))
        })
        .unwrap_or(end);
    (a < i && i < e).then(|| claim(cx, s, None, Some((i, i + 1)), (a, e), true, 0.55))
}

/// The start of the clause holding token `i`: after the last comma, dash or conjunction.
fn clause_start(cx: &Ctx, s: &Sentence, i: usize) -> usize {
    let lo = s.tokens.start;
    let mut a = i;
    while a > lo {
        let t = cx.tokens[a - 1];
        let w = cx.w(a - 1);
        if t.is_punct(',')
            || t.is_punct(';')
            || t.kind == TokenKind::Dash
            || matches!(
                w,
                "with" | "while" | "and" | "but" | "that" | "as" | "because" | "which" | "who"
            )
        {
            break;
        }
        a -= 1;
    }
    a.max(content_start(cx, s))
}

/// "South Korea's foreign ministry expressed serious concerns about Y".
fn concern(cx: &Ctx, s: &Sentence, i: usize) -> Option<RawClaim> {
    let lo = s.tokens.start;
    let hi = content_end(cx, s);
    let noun = (i + 1..hi.min(i + 4)).find(|&k| CONCERN_NOUNS.contains(cx.w(k)))?;
    let after = cx.w(noun + 1);
    if !matches!(
        after,
        "about" | "over" | "that" | "regarding" | "for" | "in"
    ) {
        return None;
    }
    let mut k = i;
    while k > lo && (SKIPPABLE.contains(cx.w(k - 1)) || cx.w(k - 1).ends_with("ly")) {
        k -= 1;
    }
    let np = np_before(cx, lo, k)?;
    let content_from = if after == "that" { noun + 2 } else { noun + 1 };
    (content_from < hi).then(|| {
        claim(
            cx,
            s,
            Some(SourcePos::new(np, k)),
            Some((i, noun + 1)),
            (content_from, hi),
            false,
            0.75,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{split_sentences, tokenize};

    /// (text, [(source, cue, content)])
    type Row = (
        &'static str,
        &'static [(Option<&'static str>, &'static str, &'static str)],
    );

    const PATTERNS: &[Row] = &[
        // a paragraph that is nothing but a quotation goes on with the last speaker's
        (
            "“We will build a wall!” he said to a cheer.\n\n“And they will pay for it.”\n\nThe crowd left.",
            &[(
                Some("he"),
                "said",
                "“We will build a wall!” he said to a cheer.\n\n“And they will pay for it.”",
            )],
        ),
        // a named addressee of several words, then an adverbial
        (
            "“It is a good deal,” Graham told The Washington Post on Thursday.",
            &[(Some("Graham"), "told", "“It is a good deal,”")],
        ),
        // a coordinated verb's subject is its clause's, after a subordinator
        (
            "The mayor left after she visited the site and said the bridge was unsafe.",
            &[(Some("she"), "said", "the bridge was unsafe")],
        ),
        // past an adverbial subject-less opener, the one told and a time phrase; a colon
        // ending the paragraph announces the next
        (
            "But in recent days, advisers say, the president has grown tired of the race.",
            &[(
                Some("advisers"),
                "say",
                "the president has grown tired of the race",
            )],
        ),
        (
            "The president told African-Americans this weekend he would consider it an insult.",
            &[(
                Some("The president"),
                "told",
                "he would consider it an insult",
            )],
        ),
        (
            "The governor added:\n\nIt is typical of her. She knows nothing.\n\nThe crowd cheered.",
            &[(
                Some("The governor"),
                "added",
                "It is typical of her. She knows nothing",
            )],
        ),
        // an infinitive is what is hoped; "in which" and ", including" go on with the phrase
        (
            "Sanders had hoped to do better with Latinos, but his ability to do so seemed shaky.",
            &[(Some("Sanders"), "hoped", "to do better with Latinos")],
        ),
        (
            "Trump tweeted a similar image in which the star was replaced by a circle.",
            &[(
                Some("Trump"),
                "tweeted",
                "a similar image in which the star was replaced by a circle",
            )],
        ),
        (
            "He then asked the buzzing crowd, “Can she stay?”",
            &[(Some("He"), "asked", "“Can she stay?”")],
        ),
        (
            "The chairman said the process was fair, but required candidates to work.",
            &[(
                Some("The chairman"),
                "said",
                "the process was fair, but required candidates to work",
            )],
        ),
        // a quotation's marks are of one kind, whatever quotes it holds
        (
            "“He calls me ‘Little Marco.’ I admit he is taller,” Rubio said.",
            &[(
                Some("Rubio"),
                "said",
                "“He calls me ‘Little Marco.’ I admit he is taller,”",
            )],
        ),
        // a participle after a comma, or a dash and "but", ends a clause content
        (
            "She said her father would do the same as president, saying that he supports equal pay.",
            &[
                (
                    Some("She"),
                    "said",
                    "her father would do the same as president",
                ),
                (Some("She"), "saying", "he supports equal pay"),
            ],
        ),
        (
            "She explained that Comey meant the interviews - but she also insisted that she was consistent.",
            &[
                (Some("She"), "explained", "Comey meant the interviews"),
                (Some("she"), "insisted", "she was consistent"),
            ],
        ),
        // what is asked for, without its "for"; the one told, then an adverbial
        (
            "The prosecutors asked for a sentence of three years.",
            &[(
                Some("The prosecutors"),
                "asked",
                "a sentence of three years",
            )],
        ),
        (
            "Michigan did what 40 states do, he told the court in his filing.",
            &[(Some("he"), "told", "Michigan did what 40 states do")],
        ),
        (
            "“It is plagiarism,” David Axelrod, a strategist, said just after midnight on CNN.",
            &[(
                Some("David Axelrod, a strategist"),
                "said",
                "“It is plagiarism,”",
            )],
        ),
        // an apposition, "in a statement:", then a quotation of several sentences
        (
            "Her chairman, John Podesta, said in a statement: \"Tonight was dark. And he is unfit.\"",
            &[(
                Some("Her chairman, John Podesta"),
                "said",
                "\"Tonight was dark. And he is unfit.\"",
            )],
        ),
        // a gerund subject after the inserted cue goes on with the sentence
        (
            "Though that transition was seamless, he said, replacing her would be much harder.",
            &[(
                Some("he"),
                "said",
                "Though that transition was seamless, he said, replacing her would be much harder",
            )],
        ),
        // a poll says what its numbers show
        (
            "In the latest Morning Consult poll, conducted March 11-13, 40 percent of Democrats back Sanders.",
            &[(
                Some("the latest Morning Consult poll, conducted March 11-13"),
                "In",
                "40 percent of Democrats back Sanders",
            )],
        ),
        (
            "Trump leads by 57 percent to 33 percent in the 50-state poll.",
            &[(
                Some("the 50-state poll"),
                "in",
                "Trump leads by 57 percent to 33 percent",
            )],
        ),
        (
            "He asked the crowd whether it was true.",
            &[(Some("He"), "asked", "whether it was true")],
        ),
        // the one asked is not the question
        (
            "The rally went on. “Is it true?” Trump asked the crowd.",
            &[(Some("Trump"), "asked", "“Is it true?”")],
        ),
        // "many of whom" is the source, as the annotators mark "who"
        (
            "The plan upset the families of victims, many of whom say the law is unfair.",
            &[(Some("many of whom"), "say", "the law is unfair")],
        ),
        // a participle opening the sentence speaks for the main clause's subject
        (
            "Noting that both men battled the establishment, Schlafly wrote that Trump would win.",
            &[
                (
                    Some("Schlafly"),
                    "Noting",
                    "both men battled the establishment",
                ),
                (Some("Schlafly"), "wrote", "Trump would win"),
            ],
        ),
        // a cue in the next paragraph does not stop the quotation going on
        (
            "“The deal is dead,” Menendez said. “We will not vote for it.”\n\nCorker said he was hopeful.",
            &[
                (
                    Some("Menendez"),
                    "said",
                    "“The deal is dead,” Menendez said. “We will not vote for it.”",
                ),
                (Some("Corker"), "said", "he was hopeful"),
            ],
        ),
        // a passive cue has no subject source; a feeling ("were convinced") and "was quoted
        // as saying" keep theirs; an expletive "it" is no one
        (
            "The voters were asked whether the plan failed.",
            &[(None, "asked", "whether the plan failed")],
        ),
        (
            "Experts were convinced that the plan failed.",
            &[(Some("Experts"), "convinced", "the plan failed")],
        ),
        (
            "He was quoted as saying the plan failed.",
            &[(Some("He"), "quoted", "as saying the plan failed")],
        ),
        (
            "It was reported that the plan failed.",
            &[(None, "reported", "the plan failed")],
        ),
        (
            "Sergei Shoigu, the secretary of the council, announced the agreement after his visit.",
            &[(
                Some("Sergei Shoigu, the secretary of the council"),
                "announced",
                "the agreement",
            )],
        ),
        (
            "He stated the sappers would focus on demining operations in Kursk.",
            &[(
                Some("He"),
                "stated",
                "the sappers would focus on demining operations in Kursk",
            )],
        ),
        (
            "The plan will fail, the minister said.",
            &[(Some("the minister"), "said", "The plan will fail")],
        ),
        (
            "“We will not retreat,” said Jane Doe.",
            &[(Some("Jane Doe"), "said", "“We will not retreat,”")],
        ),
        (
            "Prices rose sharply, according to the central bank.",
            &[(
                Some("the central bank"),
                "according to",
                "Prices rose sharply",
            )],
        ),
        (
            "According to local media, the bridge collapsed overnight.",
            &[(
                Some("local media"),
                "According to",
                "the bridge collapsed overnight",
            )],
        ),
        (
            "Experts estimate that the city could lose power.",
            &[(Some("Experts"), "estimate", "the city could lose power")],
        ),
        (
            "Officials met again, with the rebels reportedly seizing the airport.",
            &[(
                None,
                "reportedly",
                "the rebels reportedly seizing the airport",
            )],
        ),
        (
            "A State Department spokesperson echoed these concerns, stating that the move is troubling.",
            &[(
                Some("A State Department spokesperson"),
                "stating",
                "the move is troubling",
            )],
        ),
        (
            "The ministry expressed serious concerns about the tests.",
            &[(
                Some("The ministry"),
                "expressed serious concerns",
                "about the tests",
            )],
        ),
        (
            "The mayor told reporters that the roads would reopen.",
            &[(Some("The mayor"), "told", "the roads would reopen")],
        ),
        (
            "Bill Clinton: Hillary wants fewer tests in schools.",
            &[(
                Some("Bill Clinton"),
                ":",
                "Hillary wants fewer tests in schools",
            )],
        ),
        (
            "She said: “It is over. We lost.” Then she left.",
            &[(Some("She"), "said", "“It is over. We lost.”")],
        ),
        // the source interrupts the content: the content is the whole (PolNeAR's hull)
        (
            "Too often, Mr. Clarke said, the debate over coal is infected with tribalism.",
            &[(
                Some("Mr. Clarke"),
                "said",
                "Too often, Mr. Clarke said, the debate over coal is infected with tribalism",
            )],
        ),
        (
            "The next day, according to Roffman, Trump made further demands.",
            &[(
                Some("Roffman"),
                "according to",
                "The next day, according to Roffman, Trump made further demands",
            )],
        ),
        // a name after a closing quote is the speaker, whatever its description starts with
        (
            "\"We urge the House to reject it,\" Sarah Warbelow, legal director for the group, said.",
            &[(
                Some("Sarah Warbelow, legal director for the group"),
                "said",
                "\"We urge the House to reject it,\"",
            )],
        ),
        // a second cue of the same subject ends the first content and has a claim of its own
        (
            "She said she had met him twice but said neither man played a role.",
            &[
                (Some("She"), "said", "she had met him twice"),
                (Some("She"), "said", "neither man played a role"),
            ],
        ),
        (
            "A spokesman for the mayor defended the route and said the police had trained for months.",
            &[
                (Some("A spokesman for the mayor"), "defended", "the route"),
                (
                    Some("A spokesman for the mayor"),
                    "said",
                    "the police had trained for months",
                ),
            ],
        ),
        // a determiner phrase with a verb is a clause, not an object
        (
            "Broaddrick said the assault took place in the spring of 1978.",
            &[(
                Some("Broaddrick"),
                "said",
                "the assault took place in the spring of 1978",
            )],
        ),
        // a cue word inside a name or after a number is no cue
        (
            "Campaign spokeswoman Hope Hicks said all staffers sign agreements.",
            &[(
                Some("Campaign spokeswoman Hope Hicks"),
                "said",
                "all staffers sign agreements",
            )],
        ),
        ("Voters in all 50 states picked the economy.", &[]),
        // a relative pronoun is the source as written; the phrase before it is the speaker
        (
            "Graham, who says the allies should send troops, met the president.",
            &[(Some("who"), "says", "the allies should send troops")],
        ),
        (
            "The count left out 40 superdelegates who have not yet announced their choice.",
            &[(Some("who"), "announced", "their choice")],
        ),
        // the writer's impression: the clause is the content, no source, hedged
        (
            "The senator seemed to soften his stance on trade.",
            &[(
                None,
                "seemed",
                "The senator seemed to soften his stance on trade",
            )],
        ),
        // so is an expectation nobody is named for
        (
            "The bill is expected to pass next week.",
            &[(
                None,
                "is expected",
                "The bill is expected to pass next week",
            )],
        ),
        // the question of an interview opener, by its asker when named
        (
            "Asked by a reporter whether he would run, the governor smiled.",
            &[(Some("a reporter"), "Asked", "whether he would run")],
        ),
        (
            "Among the precedents at risk, according to Ms. Epstein, are 16 cases.",
            &[(
                Some("Ms. Epstein"),
                "according to",
                "Among the precedents at risk, according to Ms. Epstein, are 16 cases",
            )],
        ),
        // a capitalised function word right before the cue is a surname
        (
            "\"The movie was nasty,\" Will wrote.",
            &[(Some("Will"), "wrote", "\"The movie was nasty,\"")],
        ),
        // a leading conjunction is not part of the subject of "and said"
        (
            "But the court overruled and said Ohio provided more early voting.",
            &[(Some("the court"), "said", "Ohio provided more early voting")],
        ),
        // a cue in a leading subordinate clause says no more than that clause
        (
            "Although he acknowledged that the event was tragic, he maintained that it does not change his statements.",
            &[
                (Some("he"), "acknowledged", "the event was tragic"),
                (
                    Some("he"),
                    "maintained",
                    "it does not change his statements",
                ),
            ],
        ),
        // a time phrase between the cue and its quotation
        (
            "He also stated a day earlier, \"We will win.\"",
            &[(Some("He"), "stated", "\"We will win.\"")],
        ),
        // a description after a quotation, whatever its first word
        (
            "\"They steal,\" state Senate leader Phil Berger, a Republican, said in a statement.",
            &[(
                Some("state Senate leader Phil Berger, a Republican"),
                "said",
                "\"They steal,\"",
            )],
        ),
        // a quantity as the source
        (
            "In the poll, only 24 percent said she did nothing wrong.",
            &[(Some("only 24 percent"), "said", "she did nothing wrong")],
        ),
        // a relation, then the name
        (
            "\"We need him,\" his wife, Gabriela Lazar, wrote in a letter.",
            &[(
                Some("his wife, Gabriela Lazar"),
                "wrote",
                "\"We need him,\"",
            )],
        ),
        // "as X reported," before or after the content
        (
            "Just weeks ago, as Western Journalism reported, the two men met in secret.",
            &[(
                Some("Western Journalism"),
                "reported",
                "the two men met in secret",
            )],
        ),
        (
            "The two men met in secret, as the Post noted.",
            &[(Some("the Post"), "noted", "The two men met in secret")],
        ),
        // "this past week" between the subject and the cue
        (
            "Reince Priebus, the GOP chairman, this past week announced the creation of a website.",
            &[(
                Some("Reince Priebus, the GOP chairman"),
                "announced",
                "the creation of a website",
            )],
        ),
        // a description too long to parse runs from the quotation to the cue; "of the plan" is no source
        (
            "\"It is responsible,\" Leonard Burman, director of the Tax Policy Center and a professor at Syracuse University, said of the plan.",
            &[(
                Some(
                    "Leonard Burman, director of the Tax Policy Center and a professor at Syracuse University",
                ),
                "said",
                "\"It is responsible,\"",
            )],
        ),
        // "in 2010" between a relative pronoun and its cue
        (
            "McConnell, who in 2010 said the goal was to beat Obama, is now the leader.",
            &[(Some("who"), "said", "the goal was to beat Obama")],
        ),
        // "said" takes a clause, even one that starts like a noun phrase
        (
            "She said the place prides itself on its blend of races.",
            &[(
                Some("She"),
                "said",
                "the place prides itself on its blend of races",
            )],
        ),
        // "$15" inside a name
        (
            "Fight for $15 organizing director Kendall Fells told reporters the strike would go on.",
            &[(
                Some("Fight for $15 organizing director Kendall Fells"),
                "told",
                "the strike would go on",
            )],
        ),
        // after a clause that is no quotation, the quotation after the cue is the content
        (
            "Asked to describe the device, O'Neill said, \"Not going to go into that.\"",
            &[
                (None, "Asked", "to describe the device"),
                (Some("O'Neill"), "said", "\"Not going to go into that.\""),
            ],
        ),
        // a quoted show title inside the adverbial after the cue
        (
            "\"He is right,\" Flynn, a Trump surrogate, said Thursday on Fox News’s “Fox and Friends.”",
            &[(Some("Flynn, a Trump surrogate"), "said", "\"He is right,\"")],
        ),
        // a second verb of saying ends the first content
        (
            "China said it was opposed to the test and warned North Korea to refrain from further actions.",
            &[
                (Some("China"), "said", "it was opposed to the test"),
                (
                    Some("China"),
                    "warned",
                    "North Korea to refrain from further actions",
                ),
            ],
        ),
        // a content that ends with a quotation goes on with the next one
        (
            "Yet Trump is also a “change agent,” Cole said. “That’s exactly what people want right now.”",
            &[(
                Some("Cole"),
                "said",
                "Yet Trump is also a “change agent,” Cole said. “That’s exactly what people want right now.”",
            )],
        ),
        // "so", "as much": the pro-form is the content
        (
            "The candidate said so in December.",
            &[(Some("The candidate"), "said", "so")],
        ),
        (
            "Mook said as much in an interview on Thursday.",
            &[(Some("Mook"), "said", "as much")],
        ),
        // a quotation closing the writer's own clause is not the speaker's
        (
            "Asked whether Clinton “has the integrity to serve,” 52 percent said yes.",
            &[(Some("52 percent"), "said", "yes")],
        ),
        (
            "Melanie said yes, yes, yes, over and over again.",
            &[(Some("Melanie"), "said", "yes, yes, yes")],
        ),
        // a participle after an apposition's cue speaks for the sentence's subject; a day
        // after a cue is never its subject, and the verb whose adverbial runs into the
        // participle has no content of its own
        (
            "Roy Cooper, a Democrat, spoke Friday in Raleigh, saying that the plan would fail.",
            &[(Some("Roy Cooper"), "saying", "the plan would fail")],
        ),
        (
            "Roy Cooper, the governor's opponent, wrote Friday on Twitter, adding that the plan would fail.",
            &[(Some("Roy Cooper"), "adding", "the plan would fail")],
        ),
        // an opening participle whose comma closes a quotation
        (
            "After saying her foot was “so swollen I could barely walk,” she was taken to a hospital.",
            &[(
                Some("she"),
                "saying",
                "her foot was “so swollen I could barely walk,”",
            )],
        ),
        // openers one after another before the subject of coordinated verbs
        (
            "Once in my early 20s, when my mother drove us home, I laughed and said, “I don't believe in the devil.”",
            &[(Some("I"), "said", "“I don't believe in the devil.”")],
        ),
        // a time, a "more ...ly" adverb, a long participle phrase or a place opens the
        // sentence before its subject
        (
            "Sunday morning, Clinton met the mayor, saying the shift was a flip-flop.",
            &[(Some("Clinton"), "saying", "the shift was a flip-flop")],
        ),
        (
            "More recently, Rubio has shifted his tone, saying that terrorism is the main threat.",
            &[(Some("Rubio"), "saying", "terrorism is the main threat")],
        ),
        (
            "Casting himself as her prosecutor in a mock trial, Mr. Christie roused the crowd, saying she was guilty.",
            &[(Some("Mr. Christie"), "saying", "she was guilty")],
        ),
        (
            "Outside the arena, the protesters gathered, saying the vote was rigged.",
            &[(Some("the protesters"), "saying", "the vote was rigged")],
        ),
        // "this" before no time is no adverbial: what follows the one told is said
        (
            "While the talks stalled, Cornyn told reporters this was the only chance.",
            &[(Some("Cornyn"), "told", "this was the only chance")],
        ),
        // a quotation inside the content is no apposition's edge, and a description after
        // the inverted source is not said
        (
            "Couple exposure with a “candidate who is a lightning rod” and people get nervous, said Christine Link, director of the ACLU.",
            &[(
                Some("Christine Link"),
                "said",
                "Couple exposure with a “candidate who is a lightning rod” and people get nervous",
            )],
        ),
        // a spaced straight quote after a comma or an inner quote closes the quotation
        (
            "\"She will be 'above the president,' \" said Khin Zaw Win.",
            &[(
                Some("Khin Zaw Win"),
                "said",
                "\"She will be 'above the president,' \"",
            )],
        ),
        (
            "''The reason is simple, '' said Mr. Gunnels.",
            &[(Some("Mr. Gunnels"), "said", "''The reason is simple, ''")],
        ),
        (
            "And then Trump went on the attack, saying the plan failed.",
            &[(Some("Trump"), "saying", "the plan failed")],
        ),
        (
            "This year, he rose to the defense of the president, saying he should win.",
            &[(Some("he"), "saying", "he should win")],
        ),
        // the cue before a participle is a verb, not a name, and an adverb before that verb
        // is not its subject
        (
            "Some candidates have called for the United States to send troops, saying airstrikes have failed.",
            &[(Some("Some candidates"), "saying", "airstrikes have failed")],
        ),
        (
            "Warren appeared with Maddow and officially endorsed Clinton, saying she was ready.",
            &[(Some("Warren"), "saying", "she was ready")],
        ),
        // the one behind a document is part of the source
        (
            "According to an analysis by the Pew Research Center, turnout rose.",
            &[(
                Some("an analysis by the Pew Research Center"),
                "According to",
                "turnout rose",
            )],
        ),
        (
            "Turnout rose, according to audio provided by Wyoming Public Radio.",
            &[(
                Some("audio provided by Wyoming Public Radio"),
                "according to",
                "Turnout rose",
            )],
        ),
        // a percentage is a subject
        (
            "On terrorism there is less consensus: 47% say the United States should send troops.",
            &[(Some("47%"), "say", "the United States should send troops")],
        ),
        // a list of quotations is one content
        (
            "He denounced “a rigged system,” “corrupt elites” and “the media.”",
            &[(
                Some("He"),
                "denounced",
                "“a rigged system,” “corrupt elites” and “the media.”",
            )],
        ),
        // a passive with no one named: its whole clause is what is attributed
        (
            "The deal was criticized as too weak.",
            &[(None, "criticized", "The deal was criticized as too weak")],
        ),
        (
            "The committee is expected to release its report this summer, but nobody knows when.",
            &[(
                None,
                "is expected",
                "The committee is expected to release its report this summer",
            )],
        ),
    ];

    #[test]
    fn pattern_table() {
        let cues = CueLexicon::bundled().unwrap();
        for (text, want) in PATTERNS {
            let mut tokens = Vec::new();
            tokenize(text, &mut tokens);
            let sentences = split_sentences(text, &tokens);
            let got: Vec<(Option<&str>, &str, &str)> =
                find_claims(text, &tokens, &sentences, &cues, None, None)
                    .iter()
                    .map(|c| {
                        (
                            c.source.map(|s| s.slice(text)),
                            c.cue.map_or("", |s| s.slice(text)),
                            c.content.slice(text),
                        )
                    })
                    .collect();
            assert_eq!(&got, want, "\ntext: {text}");
        }
    }
}
