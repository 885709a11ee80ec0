//! Polls: "In the latest poll, Y" and "Y in the 50-state poll".

use super::RawClaim;
use super::context::{Ctx, SourcePos};
use super::walk::{claim, content_end, content_start, np_after};
use crate::text::{Sentence, WordList};

/// What a poll is named by.
static POLL_NOUNS: WordList = WordList::new(&["poll", "polls", "survey", "surveys"]);

/// "In the latest Post-ABC News poll, conducted in May, Clinton led Trump 47 to 39." and
/// "Trump leads by 57 percent to 33 percent in the 50-state poll.": the poll says the clause.
pub(super) fn poll_claim(cx: &Ctx, s: &Sentence) -> Option<RawClaim> {
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
