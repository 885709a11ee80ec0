//! Who really said it, as tables over the whole pipeline: datelines are never sources, what
//! claims nothing is no claim (refusals, unasked questions, what was heard or seen), an
//! agency's report is a claim of its own beside its source's, the channel stays out of the
//! content, and a source is named as fully as the article names it. Every text here is written
//! for these tests (the classes come from real wire copy kept outside the project).

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

use std::sync::OnceLock;

use claimmap::model::{Corpus, Document};
use claimmap::pipeline::{Resources, extract};

fn resources() -> &'static Resources {
    static RES: OnceLock<Resources> = OnceLock::new();
    RES.get_or_init(|| Resources::bundled().unwrap())
}

fn run(text: &str) -> Corpus {
    extract(resources(), vec![Document::new("t", text)]).corpus
}

/// (source as written, cue, content)
type Said = (Option<&'static str>, &'static str, &'static str);

/// Every claim of `text` as (source as written, cue, content), in text order.
fn claims(text: &str) -> Vec<(Option<String>, String, String)> {
    let corpus = run(text);
    let t = &corpus.documents()[0].text;
    let mut out: Vec<_> = corpus
        .claims()
        .iter()
        .map(|c| {
            (
                c.source_span.map(|s| s.slice(t).to_string()),
                c.cue.map_or(String::new(), |s| s.slice(t).to_string()),
                c.content.slice(t).to_string(),
            )
        })
        .collect();
    out.sort_by(|a, b| t.find(&a.2).cmp(&t.find(&b.2)).then(a.1.cmp(&b.1)));
    out
}

fn check(table: &[(&str, &[Said])]) {
    let mut failures = Vec::new();
    for (text, want) in table {
        let want: Vec<(Option<String>, String, String)> = want
            .iter()
            .map(|(s, c, x)| (s.map(str::to_string), c.to_string(), x.to_string()))
            .collect();
        let got = claims(text);
        if got != want {
            failures.push(format!("{text}\n  expected {want:?}\n  got      {got:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// A dateline opens the story; the source is who speaks after it.
const DATELINES: &[(&str, &[Said])] = &[
    (
        "GENEVA (AP) The agency said 40 people had died in the floods.",
        &[(
            Some("The agency"),
            "said",
            "40 people had died in the floods",
        )],
    ),
    (
        "NEW YORK (Reuters) - The U.N. Security Council said on Friday it would meet next week.",
        &[(
            Some("The U.N. Security Council"),
            "said",
            "it would meet next week",
        )],
    ),
    (
        "Tirana (Reuters) – The prime minister said the port would reopen.",
        &[(Some("The prime minister"), "said", "the port would reopen")],
    ),
];

/// Refusals, questions no one is named for and what was heard or seen claim nothing.
const NON_CLAIMS: &[(&str, &[Said])] = &[
    ("The ministry declined to comment on the report.", &[]),
    (
        "The embassy did not immediately respond to a request for comment.",
        &[],
    ),
    (
        "Asked whether the talks had failed, the envoy said they had not.",
        &[(Some("the envoy"), "said", "they had not")],
    ),
    (
        "When questioned by journalists, the general said the army would stay.",
        &[(Some("the general"), "said", "the army would stay")],
    ),
    ("Witnesses heard blasts near the airport overnight.", &[]),
    // what witnesses say they saw is theirs to say
    (
        "Witnesses said they saw soldiers fire into the crowd.",
        &[(
            Some("Witnesses"),
            "said",
            "they saw soldiers fire into the crowd",
        )],
    ),
];

#[test]
fn a_dateline_is_never_a_source() {
    check(DATELINES);
}

#[test]
fn refusals_unasked_questions_and_what_was_heard_are_not_claims() {
    check(NON_CLAIMS);
}
