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

/// An outlet's report is a claim of its own, beside its source's; the outlet is never the
/// source of the words it reports.
const REPORTING_CHAINS: &[(&str, &[Said])] = &[
    (
        "The ministry said it had agreed to a truce, the state news agency reported.",
        &[
            (
                Some("the state news agency"),
                "reported",
                "The ministry said it had agreed to a truce",
            ),
            (Some("The ministry"), "said", "it had agreed to a truce"),
        ],
    ),
    (
        "The rebels have accepted the plan, a senior rebel official said, Reuters reported.",
        &[
            (
                Some("Reuters"),
                "reported",
                "The rebels have accepted the plan, a senior rebel official said",
            ),
            (
                Some("a senior rebel official"),
                "said",
                "The rebels have accepted the plan",
            ),
        ],
    ),
    (
        "Talks have stalled, Reuters quoted a senior diplomat as saying.",
        &[
            (Some("a senior diplomat"), "as saying", "Talks have stalled"),
            (Some("Reuters"), "quoted", "Talks have stalled"),
        ],
    ),
    (
        "Local media cited unnamed officials as saying that the dam had been mined.",
        &[
            (
                Some("unnamed officials"),
                "as saying",
                "the dam had been mined",
            ),
            (Some("Local media"), "cited", "the dam had been mined"),
        ],
    ),
    // the one told is no source
    (
        "A senior rebel official told Reuters the plan had been accepted.",
        &[(
            Some("A senior rebel official"),
            "told",
            "the plan had been accepted",
        )],
    ),
    (
        "“We accept it,” a senior rebel official told the Associated Press.",
        &[(Some("a senior rebel official"), "told", "“We accept it,”")],
    ),
];

#[test]
fn an_outlets_report_is_a_claim_of_its_own_beside_its_sources() {
    check(REPORTING_CHAINS);
}

#[test]
fn a_dateline_is_never_a_source() {
    check(DATELINES);
}

#[test]
fn refusals_unasked_questions_and_what_was_heard_are_not_claims() {
    check(NON_CLAIMS);
}

/// (text, content, channel)
const CHANNELS: &[(&str, &str, &str)] = &[
    (
        "The ministry said in a statement that the border was closed.",
        "the border was closed",
        "in a statement",
    ),
    (
        "“We will not attend,” the ministry said in a statement on Telegram.",
        "“We will not attend,”",
        "in a statement on Telegram",
    ),
    (
        "In a voice recording posted to his Telegram channel, the commander said his men would turn back.",
        "his men would turn back",
        "In a voice recording posted to his Telegram channel",
    ),
    (
        "The minister said the talks would resume in an interview with CNN.",
        "the talks would resume",
        "in an interview with CNN",
    ),
    (
        "He wrote on his Facebook page that the strikes would go on.",
        "the strikes would go on",
        "on his Facebook page",
    ),
    (
        "The rebels announced the fall of the city in a brief statement on state television.",
        "the fall of the city",
        "in a brief statement on state television",
    ),
];

#[test]
fn the_channel_is_kept_out_of_the_content_and_recorded() {
    let mut failures = Vec::new();
    for (text, content, channel) in CHANNELS {
        let corpus = run(text);
        let t = &corpus.documents()[0].text;
        let got: Vec<(&str, Option<&str>)> = corpus
            .claims()
            .iter()
            .map(|c| (c.content.slice(t), c.channel.map(|s| s.slice(t))))
            .collect();
        if got != [(*content, Some(*channel))] {
            failures.push(format!("{text}\n  got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn a_place_or_a_time_after_the_cue_is_no_channel() {
    let text = "The mayor said in Kyiv on Friday that the bridge would reopen.";
    let corpus = run(text);
    let t = &corpus.documents()[0].text;
    let got: Vec<(&str, Option<&str>)> = corpus
        .claims()
        .iter()
        .map(|c| (c.content.slice(t), c.channel.map(|s| s.slice(t))))
        .collect();
    assert_eq!(got, [("the bridge would reopen", None)]);
}

#[test]
fn the_csv_export_has_the_channel_beside_the_cue() {
    use claimmap::export::{Csv, ExportSet, Exporter};
    let corpus = run("The army said on Telegram that the town had fallen.");
    let mut out = Vec::new();
    Csv.write(&corpus, &ExportSet::all(&corpus), &mut out)
        .unwrap();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let row = reader.records().next().unwrap().unwrap();
    let at = |name: &str| &row[header.iter().position(|h| h == name).unwrap()];
    assert_eq!(
        (at("cue"), at("channel"), at("content")),
        ("said", "on Telegram", "the town had fallen")
    );
}

/// (text, cue, the source's name)
const SOURCE_NAMES: &[(&str, &str, &str)] = &[
    // a pronoun stands for the person named at the head of an earlier sentence, though she
    // made no claim before
    (
        "Li Fung, the UN's human rights representative, visited the camp on Monday. She said conditions were dire.",
        "said",
        "Li Fung",
    ),
    // a surname is the full name the text gives, wherever it gives it
    (
        "Ted Cruz campaigned in Iowa on Monday. Cruz said he would win the state.",
        "said",
        "Ted Cruz",
    ),
    // the as-written mention stays, the name is the antecedent's
    (
        "Maria Lopez runs the clinic. Asked about funding, she said the money had run out.",
        "said",
        "Maria Lopez",
    ), // two people of that surname: the bare one is not guessed
    (
        "Hillary Clinton spoke in Ohio with Bill Clinton on Monday. Clinton said the trip went well.",
        "said",
        "Clinton",
    ),
];

#[test]
fn a_source_is_named_as_fully_as_the_article_names_it() {
    let mut failures = Vec::new();
    for (text, cue, name) in SOURCE_NAMES {
        let corpus = run(text);
        let t = &corpus.documents()[0].text;
        let got: Vec<(&str, Option<&str>)> = corpus
            .claims()
            .iter()
            .filter(|c| c.cue.is_some_and(|s| s.slice(t) == *cue))
            .map(|c| {
                (
                    c.source_span.map_or("", |s| s.slice(t)),
                    c.source.map(|s| corpus.source(s).name.as_str()),
                )
            })
            .collect();
        if got.len() != 1 || got[0].1 != Some(*name) {
            failures.push(format!("{text}\n  got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
