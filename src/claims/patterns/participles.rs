//! Participles: "X echoed it, stating that Y" (the clause's subject speaks) and "Noting that
//! Y, X wrote" (the main clause's subject does).

use super::context::{Ctx, SourcePos};
use super::walk::{
    claim, content_after, content_start, cues_free, np_after, sentence_subject, subject_of,
};
use super::words::{DAYS, IRREGULAR_PAST, PRONOUNS};
use super::{PARTICIPLE_CONFIDENCE, RawClaim};
use crate::claims::cues::{Cue, CueClass};
use crate::text::{Sentence, TokenKind};

pub(super) fn participle(cx: &Ctx, s: &Sentence, i: usize, cue: Cue) -> Option<RawClaim> {
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
