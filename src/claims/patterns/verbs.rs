//! Verbs of saying and their kin: "X said (that) Y", "Y, X said", "“Y,” said X", "X told
//! reporters Y", "as the Post noted", passives with "by", and "Asked about Y, ..." openers.

use super::context::{Ctx, SourcePos};
use super::walk::{
    apposition, claim, clause_subject, content_after, content_before, content_end, content_start,
    continue_quote, is_infinitive, np_after, np_before, object_end, only_adverbial_after,
    relative_source, resume_after_source, skip_adverbial, skip_back, trim_content,
};
use super::words::{ADVERBIAL_OPENERS, PARTICIPLE_CUES, SUBJECT_OPENERS};
use super::{BLOCK_CONFIDENCE, RawClaim};
use crate::claims::cues::{Cue, CueClass};
use crate::text::{Sentence, Token, TokenKind};

pub(super) fn verb_cue(cx: &Ctx, s: &Sentence, i: usize, cue: Cue) -> Option<RawClaim> {
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
        let bare_object = cx
            .tokens
            .get(i + 1)
            .is_some_and(|t| !t.is_capitalized() && t.is_word())
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
pub(super) fn content_of_verb(
    cx: &Ctx,
    s: &Sentence,
    i: usize,
    cue: Cue,
) -> Option<(usize, usize)> {
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
