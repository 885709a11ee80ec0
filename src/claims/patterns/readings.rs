//! The readings of a cue the content ranker chooses among (with their features), and the
//! generic reading of a tagged cue no pattern knows.

use super::RawClaim;
use super::context::{Ctx, SourcePos};
use super::sites::Reading;
use super::verbs::content_of_verb;
use super::walk::{
    claim, content_after, content_before, continue_quote, matching_close, next_claim_start,
    np_before, only_adverbial_after, quote_list_end, relative_source, skip_adverbial, skip_back,
    subject_before, trim_content, trim_noun_phrase_content,
};
use crate::claims::cues::{Cue, CueClass};
use crate::claims::model::{B, hash_parts};
use crate::text::Sentence;

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
pub(super) fn readings(
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
pub(super) fn fallback(
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
