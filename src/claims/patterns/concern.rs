//! Nominal cues after a verb: "X expressed serious concerns about Y".

use super::RawClaim;
use super::context::{Ctx, SourcePos};
use super::walk::{claim, content_end, np_before};
use super::words::SKIPPABLE;
use crate::text::{Sentence, WordList};

/// Nominal cues after a verb: "expressed serious concerns about Y".
pub(super) static CONCERN_VERBS: WordList =
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

/// "South Korea's foreign ministry expressed serious concerns about Y".
pub(super) fn concern(cx: &Ctx, s: &Sentence, i: usize) -> Option<RawClaim> {
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
