//! Whose voice a cue is in: a passive cue ("Clinton was asked about", "is widely expected",
//! "was criticized by libertarians") has no subject source, only its "by" agent if there is
//! one; an expletive "it" ("it seems", "It's not clear") and an impression ("the race
//! appears closer") are nobody's. PolNeAR's annotators agree: of 535 passive-looking cues
//! in its train split, the subject is the source in 108, nearly all of them feelings ("are
//! convinced", "were worried"), kept here as actives.

use crate::text::WordList;
use crate::text::{Token, TokenKind};

/// What the source of a cue is, as its voice tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Voice {
    /// The subject speaks: keep the source the patterns found.
    Active,
    /// A passive: the source is the "by" agent's noun phrase `[start, end)` tokens, or none.
    Passive { agent: Option<(usize, usize)> },
    /// "it seems", "It's not clear", "the race appears closer": no one speaks.
    Nobody,
}

/// The forms of "be" that make a passive.
pub(crate) static BE: WordList =
    WordList::new(&["is", "are", "was", "were", "be", "been", "being"]);

/// Adverbs that may sit between the auxiliary and the participle ("was also asked").
static BETWEEN: WordList = WordList::new(&[
    "also",
    "widely",
    "not",
    "still",
    "now",
    "often",
    "generally",
    "reportedly",
    "never",
    "already",
    "largely",
    "long",
    "previously",
    "repeatedly",
    "publicly",
    "first",
    "later",
    "once",
    "initially",
    "officially",
    "being",
    "frequently",
    "increasingly",
    "broadly",
    "best",
    "well",
    "better",
    "perhaps",
    "probably",
    "most",
]);

/// Participles that end no "-ed".
static IRREGULAR_PARTICIPLES: WordList = WordList::new(&[
    "seen",
    "known",
    "told",
    "said",
    "thought",
    "shown",
    "written",
    "given",
    "taken",
    "heard",
    "made",
    "held",
    "found",
    "understood",
    "meant",
    "sung",
    "spoken",
    "read",
    "sent",
    "brought",
]);

/// Past participles that after "be" describe the subject's own state of mind ("were worried
/// that", "is convinced"): the subject is the source, as for an active verb.
static FEELINGS: WordList = WordList::new(&[
    "worried",
    "assured",
    "concerned",
    "convinced",
    "outraged",
    "poised",
    "shocked",
    "devoted",
    "dedicated",
    "startled",
    "inclined",
    "engaged",
    "impressed",
    "surprised",
    "focused",
    "scared",
    "tired",
    "delighted",
    "gripped",
    "embittered",
    "excited",
    "mystified",
    "satisfied",
    "thrilled",
    "divided",
    "irritated",
    "alarmed",
    "obliged",
    "united",
    "undecided",
    "determined",
    "angered",
    "aligned",
    "committed",
    "pleased",
    "disappointed",
    "dismayed",
    "frustrated",
    "interested",
    "opposed",
    "prepared",
    "confused",
    "encouraged",
    "troubled",
    "disturbed",
    "upset",
    "annoyed",
    "horrified",
    "stunned",
    "amazed",
    "relieved",
    "intrigued",
    "bothered",
    "offended",
    "disgusted",
    "appalled",
    "puzzled",
    "fascinated",
    "heartened",
    "emboldened",
    "energized",
    "motivated",
    "resigned",
    "tempted",
    "quoted",
    "locked",
    "involved",
    "invested",
    "entitled",
    "compelled",
    "forced",
    "inspired",
    "saddened",
    "miffed",
    "unimpressed",
    "unconvinced",
    "supposed",
    "slated",
]);

/// Verbs of how things look to the writer: no one is their source. PolNeAR's train split
/// marks a source for 38 of the 200 cues they head, nearly all longer cues ("seemed to
/// confirm").
const IMPRESSIONS: &[&str] = &["seem", "seems", "seemed", "appear", "appears", "appeared"];

/// Verbs that make a preceding "it" an expletive ("it seems"; "It's not clear" by its "'s").
static EXPLETIVE_VERBS: WordList = WordList::new(&[
    "seems", "seemed", "appears", "appeared", "is", "was", "remains", "remained", "became",
    "becomes",
]);

fn is_participle(w: &str) -> bool {
    (w.ends_with("ed") && w.len() > 3) || IRREGULAR_PARTICIPLES.contains(w)
}

/// The voice of the cue whose words are tokens `[a, b)`, with the source the patterns found
/// at tokens `source` (if any). `lower` holds the tokens' lower-case words, `np_end(k)` is
/// the end of the noun phrase that starts at k.
pub fn voice_of(
    tokens: &[Token],
    lower: &[&str],
    (a, b): (usize, usize),
    source: Option<(usize, usize)>,
    np_end: impl Fn(usize) -> usize,
) -> Voice {
    let w = |k: usize| lower.get(k).copied().unwrap_or("");
    // "Both houses seem intent on ...", "The race appears closer": an impression is the
    // writer's, whoever it is about; "seemed to confirm" (a longer cue) is the subject's act
    let words: Vec<&str> = (a..b)
        .map(w)
        .filter(|x| !matches!(*x, "would" | "may" | "might" | "could" | "does" | "did"))
        .collect();
    if matches!(words.as_slice(), [v] | [v, "to"] if IMPRESSIONS.contains(v)) {
        return Voice::Nobody;
    }
    // "it’s not clear", "it became clear", "nor is it clear": the cue holds its own empty
    // subject
    if (words.first() == Some(&"it") || (words.get(1) == Some(&"it") && BE.contains(words[0])))
        && b > a + 1
    {
        return Voice::Nobody;
    }
    // the participle: the cue's first word, or its first after "be" and adverbs
    let mut k = a;
    let mut saw_be = false;
    while k < b
        && (BE.contains(w(k))
            || (saw_be && BETWEEN.contains(w(k)))
            || (matches!(w(k), "has" | "have" | "had") && w(k + 1) == "been"))
    {
        saw_be |= BE.contains(w(k));
        k += 1;
    }
    if k >= b || !tokens[k].is_word() {
        return active_or_expletive(tokens, lower, a, source);
    }
    if !saw_be {
        // the auxiliary before the cue: "was" "widely" [criticized]
        let mut j = a;
        while j > 0 && j + 3 > a && BETWEEN.contains(w(j - 1)) {
            j -= 1;
        }
        // "said when asked how", "if asked": a reduced passive clause
        saw_be = j > 0
            && (BE.contains(w(j - 1))
                || (j == a
                    && matches!(w(j - 1), "when" | "if" | "once" | "unless" | "until" | "as")));
    }
    let p = w(k);
    // "the bill, known as the Justice Act", "a thriller titled “The Day”": a name given by no
    // one in particular
    if !saw_be && matches!(p, "known" | "titled" | "entitled" | "labeled" | "labelled") {
        saw_be = true;
    }
    // "were also incensed that ...": a state of mind with a clause, unless someone was told it
    let feeling = FEELINGS.contains(p)
        || (w(k + 1) == "that"
            && !matches!(
                p,
                "told" | "informed" | "reminded" | "assured" | "warned" | "advised" | "notified"
            ));
    if !saw_be || !is_participle(p) || feeling {
        return active_or_expletive(tokens, lower, a, source);
    }
    // "was criticized by libertarians", "was seen by some as": the agent
    let by = (k + 1..(b + 2).min(tokens.len())).find(|&j| w(j) == "by");
    let agent = by.and_then(|j| {
        let e = np_end(j + 1);
        (e > j + 1).then_some((j + 1, e))
    });
    Voice::Passive { agent }
}

/// "it seems", "It's not clear": an "it" subject right before a linking verb is no one.
fn active_or_expletive(
    tokens: &[Token],
    lower: &[&str],
    a: usize,
    source: Option<(usize, usize)>,
) -> Voice {
    let w = |k: usize| lower.get(k).copied().unwrap_or("");
    if let Some((s, e)) = source
        && e == s + 1
        && e <= a
        && w(s) == "it"
        && (EXPLETIVE_VERBS.contains(w(e))
            || tokens
                .get(e)
                .is_some_and(|t| t.kind == TokenKind::Possessive))
    {
        return Voice::Nobody;
    }
    Voice::Active
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// (text, cue words, source words, the voice: "active", "nobody", "no agent" or the
    /// agent's words)
    const VOICES: &[(&str, &str, Option<&str>, &str)] = &[
        (
            "Clinton was asked about it",
            "asked",
            Some("Clinton"),
            "no agent",
        ),
        (
            "Clinton was asked about it",
            "was asked about",
            Some("Clinton"),
            "no agent",
        ),
        (
            "He has been widely criticized",
            "criticized",
            Some("He"),
            "no agent",
        ),
        (
            "It was criticized by the opposition leader",
            "criticized",
            Some("It"),
            "the opposition leader",
        ),
        (
            "The plan is seen by some as weak",
            "is seen",
            Some("The plan"),
            "some",
        ),
        (
            "They were worried that it failed",
            "worried",
            Some("They"),
            "active",
        ),
        (
            "He was quoted as saying it failed",
            "quoted",
            Some("He"),
            "active",
        ),
        ("She said it failed", "said", Some("She"), "active"),
        ("It seems the plan failed", "seems", Some("It"), "nobody"),
        (
            "It's not clear whether it failed",
            "not clear",
            Some("It"),
            "nobody",
        ),
        ("It said the plan failed", "said", Some("It"), "active"),
        (
            "Trump said it is not clear",
            "it is not clear",
            Some("Trump"),
            "nobody",
        ),
        (
            "Nor is it clear that it failed",
            "is it clear",
            Some("Nor"),
            "nobody",
        ),
        (
            "in a box labeled “medical problem”",
            "labeled",
            Some("a box"),
            "no agent",
        ),
        (
            "It became clear that it failed",
            "became clear",
            Some("It"),
            "nobody",
        ),
        (
            "The bill, known as the Justice Act",
            "known as",
            Some("The bill"),
            "no agent",
        ),
        (
            "He is perhaps best known for his films",
            "known for",
            Some("He"),
            "no agent",
        ),
        (
            "Both houses seem intent on a delay",
            "seem",
            Some("Both houses"),
            "nobody",
        ),
        (
            "The race would appear to tighten",
            "would appear to",
            Some("The race"),
            "nobody",
        ),
        (
            "He seemed to confirm the rumor",
            "seemed to confirm",
            Some("He"),
            "active",
        ),
        ("As reported by the press", "reported", None, "the press"),
        (
            "She said so when asked about it",
            "asked",
            Some("She"),
            "no agent",
        ),
    ];

    fn find(words: &[String], part: &str) -> (usize, usize) {
        let part: Vec<String> = part.split(' ').map(str::to_lowercase).collect();
        let a = (0..words.len())
            .find(|&k| words[k..].starts_with(&part))
            .unwrap_or_else(|| panic!("{part:?} not in {words:?}"));
        (a, a + part.len())
    }

    #[test]
    fn voice_table() {
        for &(text, cue, source, want) in VOICES {
            let mut tokens = Vec::new();
            tokenize(text, &mut tokens);
            let words: Vec<String> = tokens.iter().map(|t| t.text(text).to_lowercase()).collect();
            let lower: Vec<&str> = words.iter().map(String::as_str).collect();
            let source = source.map(|s| find(&words, s));
            // the agent's noun phrase runs to "as" or the end of the text in these rows
            let np_end = |k: usize| {
                (k..words.len())
                    .find(|&j| words[j] == "as")
                    .unwrap_or(words.len())
            };
            let got = voice_of(&tokens, &lower, find(&words, cue), source, np_end);
            let got = match got {
                Voice::Active => "active".to_string(),
                Voice::Nobody => "nobody".to_string(),
                Voice::Passive { agent: None } => "no agent".to_string(),
                Voice::Passive {
                    agent: Some((a, b)),
                } => words[a..b].join(" "),
            };
            assert_eq!(got, want, "{text}");
        }
    }
}
