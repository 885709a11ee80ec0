//! Claims nobody is named for: hedges ("Y reportedly Z"), impressions ("seemed to suggest")
//! and expectations ("is expected to").

use super::context::Ctx;
use super::walk::{claim, clause_start, content_end, np_before, relative_source, skip_back};
use super::words::CLAUSE_END;
use super::{RULE_TRUSTED, RawClaim};
use crate::claims::cues::CueClass;
use crate::claims::voice;
use crate::text::Sentence;

pub(super) fn hedge_adverb(cx: &Ctx, s: &Sentence, i: usize) -> Option<RawClaim> {
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
pub(super) fn impersonal(cx: &Ctx, s: &Sentence, i: usize) -> Option<RawClaim> {
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

/// "The committee is expected to release a report this summer": an expectation nobody is
/// named for, and its whole clause is what is expected. PolNeAR's annotators mark 69 of the
/// 79 "be expected to" in its train split, 63 of them this way.
pub(super) fn expectations(cx: &Ctx, s: &Sentence) -> Vec<RawClaim> {
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
