//! What reads like an attribution but claims nothing: a refusal to comment ("declined to
//! comment", "did not immediately respond to a request for comment", "did not say whether"), a
//! question no one is named for ("Asked whether the talks failed, ...", "When questioned by
//! journalists, ..."), and what someone heard or saw ("witnesses heard blasts").

use super::RawClaim;
use crate::model::Span;
use crate::text::WordList;

/// Whether `c` claims nothing.
pub(super) fn is_non_claim(text: &str, c: &RawClaim) -> bool {
    let Some(cue) = c.cue else { return false };
    let cue = cue.slice(text).to_lowercase();
    let content = c.content.slice(text).trim_start().to_lowercase();
    is_refusal(&cue, &content) || is_unasked_question(text, c, &cue) || is_sensory(text, c, &cue)
}

/// Cues that refuse or fail to speak.
const REFUSALS: &[&str] = &[
    "declin",
    "refus",
    "respond",
    "reply",
    "replied",
    "could not be reached",
    "couldn't be reached",
    "did not return",
    "didn't return",
    "no immediate",
    "not comment",
    "not elaborate",
    "not say",
    "n't say",
    "not specify",
    "not give",
];

/// What a refusal is about: a comment, or a question left open.
const REFUSED: &[&str] = &[
    "to comment",
    "comment",
    "a request for comment",
    "requests for comment",
    "a request to comment",
    "repeated requests",
    "to elaborate",
    "to say",
    "to discuss",
    "to give details",
    "to provide details",
    "to be interviewed",
    "messages",
    "calls",
    "emails",
    "an email",
    "a message",
    "a phone",
    "whether",
    "if ",
    "how ",
    "when ",
    "why ",
    "what ",
    "which ",
    "who ",
];

/// "declined to comment (on the report)", "did not immediately respond to a request for
/// comment", "did not say whether the talks would resume".
fn is_refusal(cue: &str, content: &str) -> bool {
    REFUSALS.iter().any(|r| cue.contains(r))
        && (content.is_empty()
            || cue.contains("comment")
            || REFUSED.iter().any(|r| content.starts_with(r)))
}

/// Who asks when no one is named for the question.
static UNNAMED_ASKERS: WordList = WordList::new(&[
    "reporters",
    "reporter",
    "journalists",
    "journalist",
    "press",
    "media",
    "interviewer",
    "interviewers",
]);

/// "Asked whether the talks had failed, Lavrov said ...", "When questioned by journalists,
/// ...": a question opening the sentence that no one is named for. ("Asked by NBC whether"
/// names its asker.)
fn is_unasked_question(text: &str, c: &RawClaim, cue: &str) -> bool {
    if !matches!(
        cue.split_whitespace().last(),
        Some("asked" | "questioned" | "pressed")
    ) {
        return false;
    }
    let Some(cue_span) = c.cue else { return false };
    let before = Span {
        start: c.sentence.start.min(cue_span.start),
        end: cue_span.start,
    }
    .slice(text)
    .trim();
    let opens = before.is_empty() || matches!(before, "When" | "when" | "If" | "if" | "After");
    let unnamed = c.source_head.or(c.source).is_none_or(|s| {
        s.slice(text)
            .split_whitespace()
            .last()
            .is_some_and(|w| UNNAMED_ASKERS.contains(&w.to_lowercase()))
    });
    opens && unnamed
}

/// Verbs of witnessing: what was heard or seen happen. ("see", "sees" are mostly "regard":
/// "voters see him as electable" is a claim.)
static SENSES: WordList = WordList::new(&["heard", "saw", "witnessed"]);

/// "Witnesses heard blasts", "residents saw smoke": what was heard or seen is no claim (what
/// someone heard *that* is).
fn is_sensory(text: &str, c: &RawClaim, cue: &str) -> bool {
    // ("haven't heard him lay out a plan": what was not heard is a judgement)
    let negated = cue
        .split_whitespace()
        .any(|w| w == "not" || w == "never" || w.ends_with("n't") || w.ends_with("n’t"));
    let sense_cue = !negated && cue.split_whitespace().any(|w| SENSES.contains(w));
    // (the tagger may take the object for the cue: "witnesses heard | blasts")
    let sense_source = c.source.is_some_and(|s| {
        s.slice(text)
            .split_whitespace()
            .last()
            .is_some_and(|w| SENSES.contains(&w.to_lowercase()))
    });
    if !sense_cue && !sense_source {
        return false;
    }
    let Some(cue_span) = c.cue else { return false };
    let between = if c.content.start >= cue_span.end {
        Span {
            start: cue_span.end,
            end: c.content.start,
        }
        .slice(text)
    } else {
        ""
    };
    let content = c.content.slice(text).trim_start();
    // ("saw the deal as a defeat": a judgement)
    let judgement = c.content.end < text.len() as u32
        && text[c.content.end as usize..]
            .trim_start()
            .starts_with("as ");
    let clause = judgement
        || between.split_whitespace().any(|w| w == "that")
        || content.starts_with(['“', '"', '‘', '\''])
        // ("heard about the loophole": learned of it)
        || between
            .split_whitespace()
            .any(|w| matches!(w, "about" | "of" | "from"))
        || content.split_whitespace().next().is_some_and(|w| {
            matches!(
                w,
                "that"
                    | "what"
                    | "how"
                    | "whether"
                    | "why"
                    | "he"
                    | "she"
                    | "they"
                    | "it"
                    | "we"
                    | "about"
                    | "of"
                    | "from"
            )
        });
    !clause
}
