//! Reporting chains: an outlet's report of what someone said. "An official said Y, Reuters
//! reported" and "Y, a senior official said, Reuters reported" give two claims, the
//! official's (Y) and the outlet's (the whole report); "Reuters quoted an official as saying
//! Y" and "local media cited unnamed sources as saying Y" give the source's claim and the
//! outlet's, both of Y. An outlet is never the source of the words it reports.

use super::context::{Ctx, SourcePos};
use super::walk::{claim, content_after, content_before, content_end, np_after, subject_before};
use super::{RawClaim, Span};
use crate::text::{Sentence, WordList};

/// The confidence of the claims of a reporting chain (also marks them: two claims of one
/// content, by the source and by the outlet, are both kept).
pub(super) const REPORT_CONFIDENCE: f32 = 0.88;

/// Verbs by which an outlet reports what it was told.
static REPORT_VERBS: WordList = WordList::new(&["reported", "reports", "quoted", "cited"]);

/// Verbs that close a sentence with another attribution: ", Reuters reported".
static CLOSING_VERBS: WordList = WordList::new(&[
    "reported", "reports", "said", "says", "added", "wrote", "quoted", "cited",
]);

/// Words that name an outlet without a capital ("the state news agency", "local media").
static OUTLET_WORDS: WordList = WordList::new(&[
    "agency",
    "broadcaster",
    "media",
    "news",
    "newspaper",
    "outlet",
    "radio",
    "television",
    "tv",
]);

/// Whether the comma at `k` opens another attribution that closes the sentence ("...,
/// Reuters reported", "..., Russian news agency RIA Novosti reported on Wednesday"): then
/// what comes before it is a content of its own.
pub(super) fn closing_report(cx: &Ctx, k: usize, e: usize) -> bool {
    if !cx.is_punct(k, ',') || cx.in_quote[k] || k + 2 >= e || cx.w(k + 1) == "according" {
        return false;
    }
    let verb = np_after(cx, k + 1, e);
    verb > k + 1
        && verb < e
        && (k + 1..verb).any(|x| cx.tokens[x].is_capitalized() || OUTLET_WORDS.contains(cx.w(x)))
        && CLOSING_VERBS.contains(cx.w(verb))
        && e - verb <= 6
        && (verb + 1..e).all(|x| cx.w(x) != "that" && !cx.is_punct(x, ','))
}

/// Whether `outer` reports `inner` ("Y, an official said, Reuters reported"): an outlet's
/// claim whose content holds the inner claim's source and cue. Both are kept.
pub(super) fn reports(text: &str, outer: &RawClaim, inner: &RawClaim) -> bool {
    let report_cue = outer.cue.is_some_and(|c| {
        c.slice(text)
            .split_whitespace()
            .last()
            .is_some_and(|w| REPORT_VERBS.contains(&w.to_lowercase()))
    });
    report_cue && inner.source.is_some_and(|s| outer.content.contains(s))
}

/// "Reuters quoted an Iranian official as saying Y", "Y, Reuters quoted an official as
/// saying", "Ukrainian media cited unidentified sources as saying that Y": the source's claim
/// (cue "as saying") and the outlet's (cue "quoted"/"cited"), both of Y.
pub(super) fn quoted_as_saying(cx: &Ctx, s: &Sentence) -> Vec<RawClaim> {
    let (lo, hi) = (s.tokens.start, s.tokens.end);
    let mut out = Vec::new();
    for k in lo + 1..hi.saturating_sub(3) {
        if cx.in_quote[k]
            || !matches!(
                cx.w(k),
                "quoted" | "cited" | "quotes" | "cites" | "quoting" | "citing"
            )
        {
            continue;
        }
        let n_end = np_after(cx, k + 1, hi);
        if n_end <= k + 1
            || cx.w(n_end) != "as"
            || !matches!(cx.w(n_end + 1), "saying" | "telling" | "stating")
        {
            continue;
        }
        let outlet = subject_before(cx, s, k);
        let content = content_after(cx, s, n_end + 2).or_else(|| {
            // "Y, Reuters quoted an official as saying."
            let before = outlet.map_or(k, |p| p.span.0);
            content_before(cx, s, before).filter(|_| n_end + 2 >= content_end(cx, s))
        });
        let Some(content) = content else { continue };
        out.push(claim(
            cx,
            s,
            Some(SourcePos::new(k + 1, n_end)),
            Some((n_end, n_end + 2)),
            content,
            false,
            REPORT_CONFIDENCE,
        ));
        out.push(claim(
            cx,
            s,
            outlet,
            Some((k, k + 1)),
            content,
            false,
            REPORT_CONFIDENCE,
        ));
    }
    out
}

/// Whether two claims of one content are a reporting chain's two (kept both).
pub(super) fn is_chain_pair(a: &RawClaim, b: &RawClaim) -> bool {
    a.confidence == REPORT_CONFIDENCE
        && b.confidence == REPORT_CONFIDENCE
        && a.source != b.source
        && a.cue != b.cue
}

/// The cue spans of a sentence's reporting chains.
pub(super) fn cues(claims: &[RawClaim]) -> Vec<Span> {
    claims.iter().filter_map(|c| c.cue).collect()
}
