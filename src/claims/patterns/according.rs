//! "According to X, Y" and "Y, according to X".

use super::RawClaim;
use super::context::{Ctx, SourcePos};
use super::walk::{claim, content_after, content_end, content_start, np_after};
use crate::text::Sentence;

pub(super) fn according_to(cx: &Ctx, s: &Sentence, i: usize) -> Option<RawClaim> {
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
