//! Where claims start: the cue sites of a sentence (the tagger's spans and the hand-made
//! cues it missed), each read by the pattern of its cue's class.

use super::according::according_to;
use super::colon::colon_claim;
use super::concern::{CONCERN_VERBS, concern};
use super::context::{Ctx, SourcePos};
use super::hedges::{expectations, hedge_adverb, impersonal};
use super::participles::participle;
use super::polls::poll_claim;
use super::readings::{fallback, readings};
use super::reports;
use super::verbs::verb_cue;
use super::walk::{clause_subject, content_start, sentence_subject, skip_back, subject_before};
use super::words::{ADVERBIAL_OPENERS, INNER_PREPOSITIONS, NOUN_MAKERS, SKIPPABLE, SUBORDINATORS};
use super::{RULE_TRUSTED, RawClaim};
use crate::claims::cues::{Cue, CueClass, CueLexicon};
use crate::claims::model::{B, I, O};
use crate::model::Span;
use crate::text::{Sentence, TokenKind};

/// Which cues a sentence's claims start from when the tagger runs: its cue spans, plus the
/// lexicon's hand-made cues it missed (their patterns are precise), never its learned-only
/// forms (the tagger has seen them in context).
fn cue_candidates(
    cx: &Ctx,
    s: &Sentence,
    cues: &CueLexicon,
    tagged: bool,
) -> Vec<(usize, usize, usize)> {
    let (lo, hi) = (s.tokens.start, s.tokens.end);
    let mut out = Vec::new();
    let mut covered = vec![false; hi - lo];
    if tagged {
        let mut i = lo;
        while i < hi {
            if cx.cue_tags[i] == B || (cx.cue_tags[i] == I && (i == lo || cx.cue_tags[i - 1] == O))
            {
                let mut j = i + 1;
                while j < hi && cx.cue_tags[j] == I {
                    j += 1;
                }
                // a form the hand-made list rules out is no cue, whatever the tagger says
                if (i..j).any(|k| cues.is_excluded(cx.w(k))) {
                    i = j;
                    continue;
                }
                // the anchor: the span's last known cue word, else its first content word
                let anchor = (i..j)
                    .rev()
                    .find(|&k| cx.cue(k).is_some() || cx.w(k) == "according")
                    .or_else(|| (i..j).find(|&k| cx.is_word(k) && !SKIPPABLE.contains(cx.w(k))))
                    .unwrap_or(i);
                out.push((anchor, i, j));
                covered[i - lo..j - lo].iter_mut().for_each(|c| *c = true);
                i = j;
            } else {
                i += 1;
            }
        }
    }
    for i in lo..hi {
        if covered[i - lo] {
            continue;
        }
        let w = cx.w(i);
        let take = match cx.cue(i) {
            Some(c) => !tagged || c.is_curated || c.class == CueClass::HedgeAdverb,
            None => w == "according" || CONCERN_VERBS.contains(w),
        };
        if take {
            out.push((i, i, i + 1));
        }
    }
    out.sort_unstable();
    out
}

/// One cue occurrence: the claim the patterns read there (if any) and, for the content
/// ranker, every reading of its content. Reading 0 is "no claim".
pub struct CueSite {
    /// The cue as the tagger or the lexicon found it.
    pub cue: Span,
    /// The patterns' claim, or the generic reading of a tagged cue.
    pub rule: Option<RawClaim>,
    /// The subject the generic reading would give, when the patterns found no claim.
    pub(super) source: Option<SourcePos>,
    pub(super) sentence: Span,
    /// A hand-made cue read by its own pattern: kept as read, never re-ranked.
    pub is_trusted: bool,
    pub readings: Vec<Reading>,
}

/// One way to read a cue's content.
pub struct Reading {
    /// `None` for "this cue makes no claim".
    pub content: Option<Span>,
    pub features: Vec<u64>,
}

pub(super) fn sentence_sites(
    cx: &Ctx,
    s: &Sentence,
    cues: &CueLexicon,
    tagged: bool,
    with_readings: bool,
    out: &mut Vec<CueSite>,
) {
    // "Bill Clinton: Hillary thinks ...", "TAPPER: And obviously ...": a name and a colon
    if let Some(c) = colon_claim(cx, s).or_else(|| poll_claim(cx, s)) {
        out.push(CueSite {
            cue: c.cue.unwrap_or(c.content),
            sentence: s.span,
            source: None,
            is_trusted: true,
            rule: Some(c),
            readings: Vec::new(),
        });
    }
    // "Reuters quoted an official as saying Y": the official's claim and the outlet's
    let chains = reports::quoted_as_saying(cx, s);
    let chain_cues = reports::cues(&chains);
    for c in chains.into_iter().chain(expectations(cx, s)) {
        out.push(CueSite {
            cue: c.cue.unwrap_or(c.content),
            sentence: s.span,
            source: None,
            is_trusted: true,
            rule: Some(c),
            readings: Vec::new(),
        });
    }
    for (i, a, b) in cue_candidates(cx, s, cues, tagged) {
        if !cx.is_word(i) || cx.in_quote[i] {
            continue;
        }
        let here = cx.span(a, b);
        if chain_cues.iter().any(|c| c.overlaps(here)) {
            continue;
        }
        let cue = cx.cue(i).unwrap_or(Cue {
            class: if cx.w(i).ends_with("ing") {
                CueClass::Participle
            } else {
                CueClass::Speech
            },
            is_hedged: false,
            is_curated: false,
        });
        let claim = if cx.w(i) == "according" && cx.w(i + 1) == "to" {
            according_to(cx, s, i)
        } else if let Some(c) = CONCERN_VERBS
            .contains(cx.w(i))
            .then(|| concern(cx, s, i))
            .flatten()
        {
            Some(c)
        } else {
            let noun_use = i > s.tokens.start
                && cx.w(i).ends_with('s')
                && (NOUN_MAKERS.contains(cx.w(i - 1))
                    || INNER_PREPOSITIONS.contains(cx.w(i - 1))
                    || matches!(
                        cx.tokens[i - 1].kind,
                        TokenKind::Possessive | TokenKind::Number
                    ));
            if noun_use && b - a == 1 {
                continue;
            }
            // "states" is a cue once in a hundred uses: only as "the report states that/: “"
            // ; "pledged delegates" are delegates
            let noun_form = (cx.w(i) == "states"
                && !(cx.w(i + 1) == "that"
                    || cx.is_punct(i + 1, ':')
                    || cx.is_opening_quote(i + 1)))
                || (cx.w(i) == "pledged" && matches!(cx.w(i + 1), "delegates" | "superdelegates"))
                // "maintained a double-digit lead", "maintained by the DNC": kept, not said
                || (matches!(cx.w(i), "maintained" | "maintains" | "maintain")
                    && matches!(
                        cx.w(i + 1),
                        "a" | "an" | "his" | "her" | "their" | "its" | "by" | "at" | "in"
                    ));
            if noun_form {
                continue;
            }
            // "Trump campaign spokeswoman Hope Hicks said", "the think tank": a name or a
            // compound, not a cue
            let in_name = i > s.tokens.start
                && cx.tokens[i].is_capitalized()
                && !cx.tokens[i - 1].is_capitalized()
                && cx.tokens.get(i + 1).is_some_and(|t| t.is_capitalized());
            if in_name || (cx.w(i) == "think" && cx.w(i + 1) == "tank") {
                continue;
            }
            match cue.class {
                CueClass::HedgeAdverb => hedge_adverb(cx, s, i),
                CueClass::Impersonal => impersonal(cx, s, i),
                // "is promising": a progressive verb, not a participle clause
                CueClass::Participle
                    if i > s.tokens.start
                        && matches!(
                            cx.w(i - 1),
                            "is" | "are" | "was" | "were" | "been" | "be" | "am"
                        ) =>
                {
                    verb_cue(cx, s, i, cue)
                }
                CueClass::Participle => participle(cx, s, i, cue),
                CueClass::Speech | CueClass::Belief | CueClass::Tell => verb_cue(cx, s, i, cue),
            }
        };
        let is_tagged = cx.cue_tags[a] != O;
        // a cue the tagger is sure of, in a shape no pattern knows: the nearest subject and
        // the rest of the sentence
        let claim = claim.or_else(|| {
            if is_tagged {
                fallback(cx, s, a, b, (i, cue))
            } else {
                None
            }
        });
        // a hand-made cue's pattern reads its own cue; the tagger's span speaks for the rest
        let pattern_reads_cue =
            cue.is_curated && claim.as_ref().is_some_and(|c| c.confidence >= RULE_TRUSTED);
        let claim = claim.map(|mut c| {
            // the tagger's span is the cue ("has said", "called for", "said in a statement")
            if b - a > 1 || a != i {
                let span = cx.span(a, b);
                // a hedge ("was reportedly stopped") is the adverb alone
                if !pattern_reads_cue && cue.class != CueClass::HedgeAdverb {
                    c.cue = Some(c.cue.map_or(span, |x| x.cover(span)));
                }
                // "said in a statement: “Y”", "asked for his position": the tagger's span is
                // cue, not content
                let first = cx
                    .tokens
                    .partition_point(|t| t.span.start < c.content.start);
                let adverbial_in_span = ADVERBIAL_OPENERS.contains(cx.w(first));
                if c.content.start < span.end
                    && c.content.start >= span.start
                    && (!pattern_reads_cue || adverbial_in_span)
                {
                    // start the content at the first token after the cue
                    let next = cx.tokens.partition_point(|t| t.span.start < span.end);
                    c.content.start = cx
                        .tokens
                        .get(next)
                        .map_or(c.content.end, |t| t.span.start.min(c.content.end));
                }
            }
            c
        });
        let mut claim = claim.filter(|c| !c.content.is_empty());
        // "Although he acknowledged that Y, he maintained Z": a cue in a leading subordinate
        // clause says no more than that clause
        if let Some(c) = claim.as_mut() {
            let start = content_start(cx, s);
            if SUBORDINATORS.contains(cx.w(start))
                && (start..a).all(|k| !cx.is_punct(k, ','))
                && c.content.start >= cx.tokens[b.min(s.tokens.end - 1)].span.start
                && let Some(comma) = (b..s.tokens.end).find(|&k| {
                    cx.is_punct(k, ',')
                        && !cx.in_quote[k]
                        && cx.tokens[k].span.start > c.content.start
                })
                && cx.tokens[comma].span.start < c.content.end
            {
                c.content.end = cx.tokens[comma].span.start;
            }
        }
        // a tagged cue with no subject of its own: coordinated with an earlier verb ("Warren
        // appeared ... and endorsed Clinton"), so the subject is the sentence's
        if let Some(c) = claim.as_mut()
            && c.source.is_none()
            && is_tagged
            && !matches!(cue.class, CueClass::HedgeAdverb | CueClass::Impersonal)
            && cx.w(i) != "according"
        {
            let earlier = out
                .iter()
                .rev()
                .find(|x| x.sentence == s.span && x.cue.start < cx.tokens[a].span.start)
                .and_then(|x| x.rule.as_ref())
                .and_then(|r| r.source.zip(r.source_head));
            if let Some((src, head)) = earlier {
                // "Trump, who questioned Y, said Friday Z": past the relative clause's comma
                // the main verb's subject is the antecedent, not "who"
                let k = skip_back(cx, s.tokens.start, a);
                let after_relative = head.end <= src.start && k > 0 && cx.is_punct(k - 1, ',');
                c.source = Some(if after_relative { head } else { src });
                c.source_head = Some(head);
            } else if let Some((x, y)) = clause_subject(cx, s, a) {
                c.source = Some(cx.span(x, y));
                c.source_head = c.source;
            }
        }
        if claim.is_none() && !(with_readings && is_tagged) {
            continue;
        }
        let source = if claim.is_none() {
            subject_before(cx, s, a)
                .or_else(|| sentence_subject(cx, s, a).map(|(x, y)| SourcePos::new(x, y)))
        } else {
            None
        };
        // a hand-made cue read by its own pattern is kept as it is (no readings to rank); so
        // is a hedge ("reportedly"), which PolNeAR's annotators seldom mark but users want
        let trusted = (cue.is_curated || cx.w(i) == "according")
            && claim.as_ref().is_some_and(|c| {
                c.confidence >= RULE_TRUSTED || cue.class == CueClass::HedgeAdverb
            });
        let readings = if with_readings && !trusted {
            readings(cx, s, i, a, b, cue, claim.as_ref(), is_tagged)
        } else {
            Vec::new()
        };
        out.push(CueSite {
            cue: cx.span(a, b),
            rule: claim,
            source,
            sentence: s.span,
            is_trusted: trusted,
            readings,
        });
    }
}
