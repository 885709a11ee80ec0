//! Attribution patterns over one document's tokens and sentences:
//!
//! - source–cue–content: "X said (that) Y", "X told reporters Y", "X expressed concerns about Y";
//! - content–cue–source: "Y, X said." / "“Y,” said X" (the quote may span sentences);
//! - "according to X, Y" and "Y, according to X";
//! - participles: "X echoed it, stating that Y" (the source is the clause's subject);
//! - appositions kept with the source: "Soo Kim, a North Korea researcher, remarked that Y";
//! - hedges: "experts estimate Y" is hedged; "Y reportedly Z" is a claim with no source.
//!
//! One file per family of patterns ([`verbs`], [`according`], [`participles`], [`hedges`],
//! [`colon`], [`polls`], [`concern`]), the cue sites they are tried at ([`sites`]) and the
//! readings the content ranker chooses among ([`readings`]); the token-walking they share
//! (noun phrases, subjects, where a content starts and ends) is in [`walk`], over the text's
//! [`context`] and the word lists of [`words`]. This file decides among the sites' claims.

mod according;
mod channels;
mod colon;
mod concern;
mod context;
mod hedges;
mod non_claims;
mod participles;
mod polls;
mod readings;
mod reports;
mod sites;
#[cfg(test)]
mod tests;
mod verbs;
mod walk;
mod words;

use super::cues::CueLexicon;
use super::model::CueModel;
use super::ranker::Ranker;
use super::voice::{self, Voice, voice_of};
use crate::model::Span;
use crate::text::{Sentence, Token};
use context::{Ctx, with_context};
use sites::sentence_sites;
use walk::np_after;
use words::{SKIPPABLE, SUBORDINATORS};

pub use context::quoted_tokens_of;
pub use sites::{CueSite, Reading};

/// A claim as found in the text, before its source is resolved to an entity.
#[derive(Clone, Debug, PartialEq)]
pub struct RawClaim {
    /// The source as written, with its apposition ("Soo Kim, a ... analyst").
    pub source: Option<Span>,
    /// The naming part of the source ("Soo Kim").
    pub source_head: Option<Span>,
    /// The apposition ("a North Korea researcher and former CIA analyst").
    pub description: Option<Span>,
    pub cue: Option<Span>,
    pub content: Span,
    /// Where the claim was made ("in a statement", "on his Facebook page"), kept out of the
    /// content.
    pub channel: Option<Span>,
    pub sentence: Span,
    pub is_hedged: bool,
    pub confidence: f32,
}

/// Finds the claims of one document.
pub fn find_claims(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    cues: &CueLexicon,
    model: Option<&CueModel>,
    ranker: Option<&Ranker>,
) -> Vec<RawClaim> {
    with_context(text, tokens, sentences, cues, model, |cx| {
        decide(cx, text, sentences, cues, model.is_some(), ranker)
    })
}

/// Every cue site of a text with all its readings: what the content ranker is trained on
/// (`examples/train_content_ranker.rs`).
pub fn cue_sites(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    cues: &CueLexicon,
    model: Option<&CueModel>,
) -> Vec<CueSite> {
    with_context(text, tokens, sentences, cues, model, |cx| {
        let mut sites = Vec::new();
        for s in sentences {
            sentence_sites(cx, s, cues, model.is_some(), true, &mut sites);
        }
        sites
    })
}

/// Pattern confidence at or above which a hand-made cue's reading is kept as it is.
const RULE_TRUSTED: f32 = 0.75;

/// The confidence given to participle claims (also marks them for the rule above).
const PARTICIPLE_CONFIDENCE: f32 = 0.7;

/// The confidence given to a paragraph announced by "X reports:" (also marks it: the
/// claims inside a block quotation are kept with it).
const BLOCK_CONFIDENCE: f32 = 0.79;

fn decide(
    cx: &Ctx,
    text: &str,
    sentences: &[Sentence],
    cues: &CueLexicon,
    tagged: bool,
    ranker: Option<&Ranker>,
) -> Vec<RawClaim> {
    let mut sites = Vec::new();
    for s in sentences {
        sentence_sites(cx, s, cues, tagged, ranker.is_some(), &mut sites);
    }
    let mut out: Vec<RawClaim> = Vec::new();
    for site in sites {
        let Some(r) = ranker else {
            out.extend(site.rule);
            continue;
        };
        // a hand-made cue read by its own pattern stays as the pattern reads it
        if site.is_trusted {
            out.extend(site.rule);
            continue;
        }
        let Some(content) = site
            .readings
            .get(r.best(site.readings.iter().map(|x| x.features.as_slice())))
            .and_then(|x| x.content)
        else {
            continue; // the ranker reads no claim here
        };
        let claim = match site.rule {
            Some(mut c) => {
                if c.content != content {
                    // the ranker's reading, not the pattern's: less sure of it
                    c.confidence = c.confidence.min(0.6);
                }
                c.content = content;
                c.sentence = c.sentence.cover(content);
                c
            }
            None => {
                let p = site.source;
                RawClaim {
                    source: p.map(|p| cx.span(p.span.0, p.span.1)),
                    source_head: p.map(|p| cx.span(p.head.0, p.head.1)),
                    description: None,
                    cue: Some(site.cue),
                    content,
                    channel: None,
                    sentence: site.sentence.cover(content),
                    is_hedged: false,
                    confidence: 0.5,
                }
            }
        };
        out.push(claim);
    }
    for c in &mut out {
        apply_voice(cx, c);
    }
    out.retain(|c| !non_claims::is_non_claim(text, c));
    // "X echoed these concerns, stating that Y": the participle carries the claim, not the
    // short object before it
    let participle_starts: Vec<u32> = out
        .iter()
        .filter(|c| c.confidence == PARTICIPLE_CONFIDENCE)
        .filter_map(|c| c.cue.map(|s| s.start))
        .collect();
    out.retain(|c| {
        let short = c.content.len() < 40 && c.source.is_some();
        !(short
            && participle_starts.iter().any(|&p| {
                p > c.content.end && text[c.content.end as usize..p as usize].trim() == ","
            }))
    });
    // attributions inside the content of another are the quoted speaker's own (0.6% of
    // PolNeAR's train claims): keep the more confident of the two
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by(|&a, &b| {
        out[b]
            .confidence
            .total_cmp(&out[a].confidence)
            .then(out[b].content.len().cmp(&out[a].content.len()))
    });
    let mut keep = vec![false; out.len()];
    let mut kept: Vec<usize> = Vec::new();
    for i in order {
        let c = &out[i];
        // (an outlet's report holds its source's claim: both are kept)
        let inside = |outer: &RawClaim, inner: &RawClaim| {
            outer.confidence != BLOCK_CONFIDENCE
                && inner.cue.is_some_and(|cue| outer.content.contains(cue))
                && !reports::reports(text, outer, inner)
                && !reports::is_chain_pair(outer, inner)
        };
        if kept
            .iter()
            .all(|&k| !inside(&out[k], c) && !inside(c, &out[k]))
        {
            keep[i] = true;
            kept.push(i);
        }
    }
    let mut i = 0;
    out.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    // one claim per content: keep the most confident
    out.sort_by(|a, b| {
        a.content
            .start
            .cmp(&b.content.start)
            .then(b.confidence.total_cmp(&a.confidence))
    });
    out.dedup_by(|b, a| a.content == b.content && !reports::is_chain_pair(a, b));
    for c in &mut out {
        let Some(cue) = c.cue else { continue };
        let k = sentences.partition_point(|s| s.span.end <= cue.start);
        if let Some(s) = sentences.get(k) {
            channels::attach(cx, s, c);
        }
    }
    out
}

/// A passive cue's source is its "by" agent or no one; an expletive "it" or an impression is
/// no one.
fn apply_voice(cx: &Ctx, c: &mut RawClaim) {
    let Some(cue) = c.cue else { return };
    let tokens_of = |sp: Span| {
        let x = cx.tokens.partition_point(|t| t.span.start < sp.start);
        let y = cx.tokens.partition_point(|t| t.span.end <= sp.end);
        (x, y.max(x))
    };
    let source = c.source_head.or(c.source).map(tokens_of);
    // "Suu Kyi has faced sharp criticism for", "comments, which came during an answer
    // about": a phrase ending in a verb right before a nominal cue is the verb's, and the
    // criticism is nobody's in particular
    let (cue_a, _) = tokens_of(cue);
    if let Some((x, y)) = source
        && y == cue_a
        && y > x
        && cx.is_past_verb(y - 1)
        && !cx.tokens[cue_a].is_capitalized()
        && !cx.is_past_verb(cue_a)
        && !cx.w(cue_a).ends_with("ing")
        // (an auxiliary or an adverb opens a verbal cue: "had intended", "are questioning")
        && !SKIPPABLE.contains(cx.w(cue_a))
        && !matches!(cx.w(cue_a), "to" | "says" | "say" | "that")
    {
        c.source = None;
        c.source_head = None;
        c.description = None;
        return;
    }
    let np_end = |k: usize| np_after(cx, k, cx.tokens.len());
    let agent = match voice_of(cx.tokens, cx.lower, tokens_of(cue), source, np_end) {
        Voice::Active => return,
        Voice::Nobody => None,
        Voice::Passive { agent: None } => {
            // "a curfew was announced from midnight": with no one named, what is attributed
            // is the whole clause, its subject and the cue included
            let (cue_a, cue_b) = tokens_of(cue);
            if let Some(subject) = c.source
                && let (first, subject_end) = tokens_of(subject)
                && subject.end <= cue.start
                && c.content.start >= cue.end
                && cue_a <= subject_end + 4
                // (what someone was asked is the question after the cue)
                && !(cue_a..cue_b).any(|k| matches!(cx.w(k), "asked" | "pressed" | "questioned"))
                && (subject_end..cue_b).any(|k| voice::BE.contains(cx.w(k)))
            {
                // "Although the plan is intended to Y, it leaves Z": a leading subordinate
                // clause ends at its comma
                let (_, content_end) = tokens_of(c.content);
                let end = if first > 0 && SUBORDINATORS.contains(cx.w(first - 1)) {
                    (cue_b..content_end)
                        .find(|&k| cx.is_punct(k, ',') && !cx.in_quote[k])
                        .map_or(c.content.end, |k| cx.tokens[k].span.start)
                } else {
                    c.content.end
                };
                c.content = Span {
                    start: subject.start,
                    end,
                };
                c.sentence = c.sentence.cover(c.content);
            }
            None
        }
        Voice::Passive { agent } => agent.map(|(a, b)| cx.span(a, b)),
    };
    c.source = agent;
    c.source_head = agent;
    c.description = None;
}
