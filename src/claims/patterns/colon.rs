//! "Bill Clinton: Hillary thinks ...": a name, a colon and what the name says.

use super::RawClaim;
use super::context::{Ctx, SourcePos};
use super::walk::{claim, content_after, content_end};
use crate::text::{Sentence, TokenKind, WordList};

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

/// "Bill Clinton: Hillary thinks ...", "TAPPER: And obviously ...", "Gillibrand on Hillary's
/// speeches: 'I think she will.'": a capitalised name opening the line (or following a dash),
/// a colon, and what the name says.
pub(super) fn colon_claim(cx: &Ctx, s: &Sentence) -> Option<RawClaim> {
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
