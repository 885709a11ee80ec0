//! The token walking the patterns share: where a sentence's content starts and ends, noun
//! phrases and subjects ("Soo Kim, a researcher,", "voters who", "said Mr. Welch"), and the
//! bounds of a content (a quotation and its continuation, an adverbial after the cue, where a
//! clause or an object ends).

use super::RawClaim;
use super::context::{Ctx, SourcePos};
use super::words::{
    ADVERBIAL_OPENERS, APPOSITIVE_OPENERS, CLAUSE_END, CLAUSE_MARKERS, DAYS, INNER_PREPOSITIONS,
    IRREGULAR_PAST, NOUN_MAKERS, NP_CONTENT_END, OBJECT_END, OPENER_ADVERBS, OPENER_WORDS,
    PARTICIPLE_CUES, PRONOUNS, SKIPPABLE, SUBORDINATORS, TIME_NOUNS, TITLES, is_np_stop,
};
use crate::claims::cues::{Cue, CueClass};
use crate::claims::model::B;
use crate::text::{Sentence, Token, TokenKind, WordList};

/// Skips a leading dateline ("PYONGYANG, North Korea — ", "NEW YORK (Reuters) - ", "Bamako
/// (Reuters) – ", "GENEVA (AP) ").
pub(super) fn content_start(cx: &Ctx, s: &Sentence) -> usize {
    dateline_end(cx, s.tokens.start, s.tokens.end)
}

/// Where a sentence starting at `lo` begins its content (past a dateline).
fn content_start_at(cx: &Ctx, lo: usize) -> usize {
    dateline_end(cx, lo, cx.tokens.len())
}

/// News agencies whose name in brackets ends a dateline.
static AGENCIES: WordList = WordList::new(&[
    "afp",
    "ansa",
    "ap",
    "bloomberg",
    "cnn",
    "dpa",
    "efe",
    "irna",
    "reuters",
    "ria",
    "sana",
    "tass",
    "upi",
    "xinhua",
]);

/// The end of the dateline that opens the sentence at `lo` (before `hi`), or `lo`: a place
/// name in capitals up to a dash, or any place name up to an agency in brackets and the dash
/// after it. A dateline is never a source.
fn dateline_end(cx: &Ctx, lo: usize, hi: usize) -> usize {
    let first = cx.tokens[lo];
    if !first.is_word() || !first.is_capitalized() {
        return lo;
    }
    let reach = hi.min(lo + 14);
    if let Some(close) = (lo + 3..reach)
        .find(|&k| cx.is_punct(k, ')') && cx.is_punct(k - 2, '(') && AGENCIES.contains(cx.w(k - 1)))
    {
        let dash = cx.tokens.get(close + 1).is_some_and(|t| {
            matches!(t.kind, TokenKind::Dash | TokenKind::Hyphen) && close + 1 < hi
        });
        return if dash { close + 2 } else { close + 1 };
    }
    if first.is_all_caps() {
        for k in lo..hi.min(lo + 10) {
            if cx.tokens[k].kind == TokenKind::Dash {
                return k + 1;
            }
        }
    }
    lo
}

/// The end (exclusive) of a sentence's content: drops the final period.
pub(super) fn content_end(cx: &Ctx, s: &Sentence) -> usize {
    let mut e = s.tokens.end;
    while e > s.tokens.start
        && cx.tokens[e - 1].kind == TokenKind::Punct
        && matches!(cx.tokens[e - 1].first, '.' | ',' | ';' | ':')
    {
        e -= 1;
    }
    e
}

pub(super) fn claim(
    cx: &Ctx,
    s: &Sentence,
    source: Option<SourcePos>,
    cue: Option<(usize, usize)>,
    content: (usize, usize),
    is_hedged: bool,
    confidence: f32,
) -> RawClaim {
    // a dateline is never a source: "GENEVA (AP) The agency said" → "The agency"
    let start = content_start(cx, s);
    let source = source.filter(|p| p.span.1 > start).map(|mut p| {
        p.span.0 = p.span.0.max(start);
        p.head.0 = p.head.0.max(start).min(p.head.1.saturating_sub(1));
        p
    });
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
        channel: None,
        sentence: s.span.cover(content_span),
        is_hedged,
        confidence,
    }
}

/// Back from `k` over what may sit between a subject and its verb: auxiliaries, adverbs
/// ("has repeatedly"), and time phrases ("last month", "on Tuesday").
pub(super) fn skip_back(cx: &Ctx, lo: usize, mut k: usize) -> usize {
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

/// The noun phrase after `i` (exclusive end): a source after "according to" or "said".
pub(super) fn np_after(cx: &Ctx, i: usize, hi: usize) -> usize {
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
pub(super) fn np_before(cx: &Ctx, lo: usize, end: usize) -> Option<usize> {
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

/// The noun phrase before token `a` (past auxiliaries), as a source.
pub(super) fn subject_before(cx: &Ctx, s: &Sentence, a: usize) -> Option<SourcePos> {
    let lo = s.tokens.start;
    let k = skip_back(cx, lo, a);
    relative_source(cx, lo, k).or_else(|| np_before(cx, lo, k).map(|n| SourcePos::new(n, k)))
}

/// "voters who say", "the commissioner, who conceded", "a poll that shows": the text's source
/// is the relative pronoun (as the annotators mark it), the speaker the phrase before it.
/// `k` is where the verb group starts.
pub(super) fn relative_source(cx: &Ctx, lo: usize, k: usize) -> Option<SourcePos> {
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

/// "X, a researcher, remarked": the apposition between the commas before `comma`.
pub(super) fn apposition(cx: &Ctx, lo: usize, comma: usize) -> Option<(usize, usize, usize)> {
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

/// The noun phrase that opens the sentence (past a dateline), ending before `limit`: the
/// subject of a main clause whose verbs are coordinated ("Warren appeared ... and endorsed").
pub(super) fn sentence_subject(cx: &Ctx, s: &Sentence, limit: usize) -> Option<(usize, usize)> {
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
pub(super) fn clause_subject(cx: &Ctx, s: &Sentence, limit: usize) -> Option<(usize, usize)> {
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
pub(super) fn subject_of(cx: &Ctx, s: &Sentence, c: usize) -> Option<(usize, usize)> {
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

/// The start of the clause holding token `i`: after the last comma, dash or conjunction.
pub(super) fn clause_start(cx: &Ctx, s: &Sentence, i: usize) -> usize {
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

/// Where the content starts after a cue: past the addressee of "told" ("told reporters that").
pub(super) fn object_end(cx: &Ctx, s: &Sentence, i: usize, cue: Cue) -> usize {
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

pub(super) fn cues_free(w: &str) -> bool {
    !matches!(w, "said" | "says" | "told" | "echoed" | "added")
}

/// After the cue: drop "that", ":" and "," and take either the quote that opens there (it may
/// run over several sentences) or the rest of the sentence.
pub(super) fn content_after(cx: &Ctx, s: &Sentence, mut k: usize) -> Option<(usize, usize)> {
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

/// Content that ends before `end` (exclusive) — "Y, X said" — from the sentence's start or
/// from the opening quote of a quotation that closes there.
pub(super) fn content_before(cx: &Ctx, s: &Sentence, end: usize) -> Option<(usize, usize)> {
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

/// Past a list of quotations ("“how the system is rigged,” and “wounded American
/// families”"): the last one's closing quote, starting from the first's at `close`.
pub(super) fn quote_list_end(cx: &Ctx, s: &Sentence, mut close: usize) -> usize {
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
pub(super) fn matching_close(cx: &Ctx, open: usize) -> Option<usize> {
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

/// `“Y1,” X said. “Y2.”`: the next sentence goes on with the quotation, so the content runs on
/// to its end (the annotators' hull of the quote's pieces).
pub(super) fn continue_quote(cx: &Ctx, s: &Sentence, content: (usize, usize)) -> (usize, usize) {
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
    // a new paragraph opens a new quotation, even one that is nothing but a quotation: with
    // no cue of its own it is no claim (“Y1,” he said.\n\n“Y2.”: the claim is Y1)
    if cx.tokens[next].flags & Token::PARAGRAPH_START != 0 {
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

/// Never extend a quotation into one that has its own cue.
fn cues_after_quote(cx: &Ctx, k: usize) -> bool {
    matches!(
        cx.w(k),
        "said" | "says" | "added" | "asked" | "told" | "wrote"
    )
}

/// "Y1, said X, an expert on Russia, would read this as Y2": the sentence goes on with the
/// content after the interrupting source, so the content is the whole (the annotators' hull).
/// With the source before the cue ("Too often, Mr. Clarke said, the debate is ..."), what
/// follows the comma cannot describe the source, so it goes on with the content unless it
/// opens a clause of its own.
pub(super) fn resume_after_source(
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
        cx.tokens.get(k + 1).is_some_and(|t| t.is_capitalized())
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
    // "..., a senior official said, Reuters reported": the outlet's claim, not the content
    let continues = !super::reports::closing_report(cx, k, e)
        && cx.is_word(k + 1)
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

/// Past a short adverbial between a cue and its content: "said in a statement that Y",
/// "said Tuesday that Y", "told CNN on Sunday: Y".
pub(super) fn skip_adverbial(cx: &Ctx, s: &Sentence, j: usize) -> usize {
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
    if let Some(k) = clause_after_adverbial(cx, j, e) {
        return k;
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

/// Whether nothing but an adverbial ("in a statement", "on Monday", ", adding ...") follows
/// `j` up to the end of the sentence: then the content is before the cue.
pub(super) fn only_adverbial_after(cx: &Ctx, s: &Sentence, j: usize) -> bool {
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
    // "said on Friday it would meet": a subject and its verb after the adverbial open the
    // content
    if clause_after_adverbial(cx, j, e).is_some() {
        return false;
    }
    // an adverbial and then a clause ("said in a statement that ...") is not a tail; a short
    // quoted title is ("said on Fox News’s “Fox and Friends.”")
    let title = |k: usize| {
        k > j
            && (cx.tokens[k - 1].is_word() || cx.tokens[k - 1].kind == TokenKind::Possessive)
            && matches_close_soon(cx, k)
            && cx.tokens.get(k + 1).is_some_and(|t| t.is_capitalized())
    };
    !(j..e)
        .any(|k| cx.w(k) == "that" || cx.is_punct(k, ':') || (cx.is_opening_quote(k) && !title(k)))
}

/// Where a clause starts after the adverbial at `j` (before `e`): "said on Friday it would
/// meet", "said in an interview they had agreed" — a subject pronoun and its verb right after
/// the adverbial's last word (a name, a number, a time or a channel).
fn clause_after_adverbial(cx: &Ctx, j: usize, e: usize) -> Option<usize> {
    (j + 1..e.saturating_sub(1).min(j + 8)).find(|&k| {
        let before = cx.tokens[k - 1];
        let w = cx.w(k - 1);
        matches!(cx.w(k), "he" | "she" | "it" | "they" | "we" | "i" | "there")
            && (before.is_capitalized()
                || before.kind == TokenKind::Number
                || DAYS.contains(w)
                || TIME_NOUNS.contains(w.trim_end_matches('s'))
                || matches!(
                    w,
                    "morning"
                        | "afternoon"
                        | "evening"
                        | "interview"
                        | "statement"
                        | "conference"
                        | "briefing"
                        | "speech"
                        | "ago"
                        | "earlier"
                        | "later"
                ))
            && (CLAUSE_MARKERS.contains(cx.w(k + 1)) || cx.is_past_verb(k + 1))
    })
}

/// "had hoped to do better": "to" before a verb opens what is hoped, not an adverbial ("to
/// reporters", "to the crowd").
pub(super) fn is_infinitive(cx: &Ctx, j: usize) -> bool {
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

/// Where a content after its cue ends. A verb of saying takes a clause that runs to the end
/// of the sentence (up to a semicolon or a ", but ..."); any other cue ("endorsed", "called
/// for", "oppose") takes an object that ends at the first comma, bracket, dash or
/// subordinator outside quotation marks.
pub(super) fn trim_content(cx: &Ctx, a: usize, e: usize, cue: Cue) -> usize {
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
            // "said it had agreed, RIA Novosti reported": the outlet's claim closes the sentence
            if t.is_punct(';')
                || next_claim
                || super::reports::closing_report(cx, k, e)
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

/// For an object content ("announced the agreement after his visit"), stop at the first
/// preposition of time or place unless the object is a clause ("stated the sappers would").
pub(super) fn trim_noun_phrase_content(cx: &Ctx, a: usize, e: usize) -> usize {
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

/// Where a content meets the clause of another tagged cue ("... after Sanders said Z"): the
/// last clause boundary before that cue.
pub(super) fn next_claim_start(cx: &Ctx, a: usize, e: usize) -> Option<usize> {
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
                || cx.cue_tags.get(v) == Some(&B)
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
