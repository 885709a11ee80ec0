//! Claim extraction through the whole pipeline, as tables: who a source is (pronouns, short
//! names, appositions, generic phrases), what kind it is and which country it speaks for, and
//! which places a claim is about. Every text here is written for these tests.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

use claimmap::model::{Claim, Corpus, Document, SourceKind};
use claimmap::pipeline::{Resources, extract};

fn run(text: &str) -> Corpus {
    let res = Resources::bundled().unwrap();
    extract(&res, vec![Document::new("t", text)]).corpus
}

/// The claim whose cue is `cue` in the corpus's one document.
fn claim_with_cue<'a>(corpus: &'a Corpus, cue: &str) -> &'a Claim {
    let text = &corpus.documents()[0].text;
    corpus
        .claims()
        .iter()
        .find(|c| c.cue.is_some_and(|s| s.slice(text) == cue))
        .unwrap_or_else(|| panic!("no claim with cue {cue:?} in {text:?}"))
}

/// The resolved source name of the claim whose cue is `cue`.
fn source_of(corpus: &Corpus, cue: &str) -> Option<String> {
    let claim = claim_with_cue(corpus, cue);
    claim.source.map(|s| corpus.source(s).name.clone())
}

/// (text, cue, who the source is)
const RESOLVER: &[(&str, &str, Option<&str>)] = &[
    // a pronoun goes to the nearest earlier named person
    (
        "Maria Lopez, the mayor of the town, announced the closure. She said the bridge was unsafe.",
        "said",
        Some("Maria Lopez"),
    ),
    (
        "Jan Novak said the plan was ready. Later he added that funding was short.",
        "added",
        Some("Jan Novak"),
    ),
    // a short name is the full name the article gave
    (
        "Olena Kovalenko said the grid held. Kovalenko warned that more strikes would come.",
        "warned",
        Some("Olena Kovalenko"),
    ),
    // an apposition stays with the source, the name is its head
    (
        "Ahmed Rahimi, a spokesman for the provincial council, said the road had reopened.",
        "said",
        Some("Ahmed Rahimi"),
    ),
    // "who" stands for the phrase before it
    (
        "The report was written by Peter Hall, who argued that the dam was poorly built.",
        "argued",
        Some("Peter Hall"),
    ),
    // a generic phrase is one unnamed source however it is determined
    (
        "A source said the talks had stalled. The source added that no date was set.",
        "added",
        Some("A source"),
    ),
    // the subject of coordinated verbs is past the sentence's adverbial opener
    (
        "Earlier this week, Maria Lopez met the voters and said the bridge was unsafe.",
        "said",
        Some("Maria Lopez"),
    ),
    // "began by saying": a phrase ending in a preposition is no subject; the sentence's is
    (
        "Jan Novak, a medical doctor, appeared on the radio on Tuesday and began by saying he would never diagnose anyone from afar.",
        "saying",
        Some("Jan Novak"),
    ),
    // a passive cue's subject is not its source; an expletive "it" is no one
    (
        "Maria Lopez was asked about the bridge on Tuesday.",
        "was asked about",
        None,
    ),
    ("It seems the bridge was unsafe.", "seems", None),
    // the text names no one
    (
        "The convoy was reportedly stopped at the border.",
        "reportedly",
        None,
    ),
];

#[test]
fn sources_are_resolved_to_their_entity() {
    for (text, cue, want) in RESOLVER {
        let corpus = run(text);
        assert_eq!(source_of(&corpus, cue).as_deref(), *want, "text: {text}");
    }
}

#[test]
fn one_source_per_entity_with_all_its_mentions() {
    let corpus = run(
        "Jan Novak said the plan was ready. Novak added that it would cost more. He said the vote was next week.",
    );
    let novak: Vec<_> = corpus
        .sources()
        .iter()
        .filter(|s| s.name == "Jan Novak")
        .collect();
    assert_eq!(novak.len(), 1, "{:?}", corpus.sources());
    let text = &corpus.documents()[0].text;
    let mentions: Vec<&str> = novak[0].mentions.iter().map(|m| m.slice(text)).collect();
    assert_eq!(mentions, ["Jan Novak", "Novak", "He"]);
    assert_eq!(corpus.claims_by(novak[0].id).len(), 3);
}

/// (text, cue, kind, affiliation)
const KINDS: &[(&str, &str, SourceKind, Option<&str>)] = &[
    (
        "Ukraine’s defence ministry said two drones were shot down.",
        "said",
        SourceKind::Ministry,
        Some("Ukraine"),
    ),
    (
        "Russian state media reported that the talks ended.",
        "reported",
        SourceKind::StateMedia,
        Some("Russia"),
    ),
    (
        "Chinese officials said the exercise was routine.",
        "said",
        SourceKind::Unnamed,
        Some("China"),
    ),
    // an institution named by its seat speaks for the seat's country
    (
        "The Pentagon said the strike hit a depot.",
        "said",
        SourceKind::Military,
        Some("United States"),
    ),
    (
        "Sara Lind, an economist at the central bank, said prices would fall.",
        "said",
        SourceKind::Expert,
        None,
    ),
    (
        "A German government spokesperson said the plan was final.",
        "said",
        SourceKind::Unnamed,
        Some("Germany"),
    ),
    (
        "A French government spokesperson said the plan was final.",
        "said",
        SourceKind::Unnamed,
        Some("France"),
    ),
    (
        "Tom Baker said he would run again.",
        "said",
        SourceKind::Person,
        None,
    ),
    // a country as the topic of an expert is not the expert's country
    (
        "Lee Park, a North Korea analyst, said the launch failed.",
        "said",
        SourceKind::Expert,
        None,
    ),
];

#[test]
fn sources_are_typed_and_placed() {
    for (text, cue, kind, country) in KINDS {
        let corpus = run(text);
        let claim = claim_with_cue(&corpus, cue);
        let src = corpus.source(claim.source.unwrap());
        assert_eq!(src.kind, *kind, "text: {text}");
        let aff = src.affiliation.map(|p| corpus.place(p).name.as_str());
        assert_eq!(aff, *country, "text: {text}");
    }
}

#[test]
fn a_claim_links_the_places_of_its_content_and_not_of_its_source() {
    let corpus = run("Polish officials in Warsaw said Belarus had moved troops toward Grodno.");
    let claim = &corpus.claims()[0];
    let places: Vec<&str> = corpus
        .places_of(claim.id)
        .iter()
        .map(|&p| corpus.place(p).name.as_str())
        .collect();
    assert_eq!(places, ["Belarus", "Grodno"]);
    let src = corpus.source(claim.source.unwrap());
    assert_eq!(
        src.affiliation.map(|p| corpus.place(p).name.as_str()),
        Some("Poland")
    );
}

/// The cues and contents of a text's claims, in order.
fn claims_of(text: &str) -> Vec<(String, String)> {
    let corpus = run(text);
    let doc = &corpus.documents()[0].text;
    corpus
        .claims()
        .iter()
        .map(|c| {
            (
                c.cue.map_or(String::new(), |s| s.slice(doc).to_string()),
                c.content.slice(doc).to_string(),
            )
        })
        .collect()
}

#[test]
fn a_lead_maintained_is_no_claim_but_a_view_maintained_is() {
    let got = claims_of(
        "Clinton maintained a double-digit lead over Sanders. She has always maintained that the \
         server was secure. The voter database is maintained by the party.",
    );
    let got: Vec<(&str, &str)> = got.iter().map(|(c, x)| (c.as_str(), x.as_str())).collect();
    assert_eq!(got, [("has always maintained", "the server was secure")]);
}

#[test]
fn a_bare_noun_after_the_verb_is_its_object_not_an_inverted_speaker() {
    let got =
        claims_of("One after another, mining companies, including Patriot, declared bankruptcy.");
    assert!(
        got.iter()
            .all(|(_, content)| !content.starts_with("One after another")),
        "{got:?}"
    );
    let got = claims_of("The plan would fail, said officials.");
    assert_eq!(
        got,
        [("said".to_string(), "The plan would fail".to_string())]
    );
}

#[test]
fn an_agentless_passive_in_a_leading_clause_ends_at_its_comma() {
    let got = claims_of(
        "Although the plan is intended to raise taxes on the rich, it leaves loopholes open.",
    );
    assert_eq!(
        got,
        [(
            "is intended".to_string(),
            "the plan is intended to raise taxes on the rich".to_string()
        )]
    );
}

#[test]
fn a_participle_after_a_comma_speaks_for_the_subject_past_the_one_told() {
    let corpus = run("Trump took a risk, telling the crowd, “I am a negotiator like you.”");
    let doc = &corpus.documents()[0].text;
    let claim = claim_with_cue(&corpus, "telling");
    assert_eq!(claim.content.slice(doc), "“I am a negotiator like you.”");
    assert_eq!(source_of(&corpus, "telling").as_deref(), Some("Trump"));
}

/// The source as written of the claim whose cue is `cue`.
fn source_span_of(corpus: &Corpus, cue: &str) -> Option<String> {
    let text = &corpus.documents()[0].text;
    let claim = claim_with_cue(corpus, cue);
    claim.source_span.map(|s| s.slice(text).to_string())
}

/// (text, cue, the source as written): openers and absolute phrases before a participle
const PARTICIPLE_SOURCES: &[(&str, &str, &str)] = &[
    (
        "Two weeks after Justice Scalia died, Justice Clarence Thomas broke a decade-long \
         silence by asking questions from the bench.",
        "asking",
        "Justice Clarence Thomas",
    ),
    (
        "Senators were irritated about the lack of detail, with Sen. John McCain calling it a \
         “Chinese menu.”",
        "calling",
        "Sen. John McCain",
    ),
    (
        "Speaking at a town hall event in Salem, New Hampshire, Trump went after Bush, calling \
         him “a total stiff.”",
        "calling",
        "Trump",
    ),
];

#[test]
fn a_participle_speaks_for_the_subject_past_openers_and_for_an_absolute_phrase() {
    for (text, cue, want) in PARTICIPLE_SOURCES {
        let corpus = run(text);
        assert_eq!(
            source_span_of(&corpus, cue).as_deref(),
            Some(*want),
            "text: {text}"
        );
    }
}

#[test]
fn criticism_faced_and_questions_raised_are_nobody_s_in_particular() {
    for (text, cue) in [
        (
            "Cruz faced criticism for unreported loans to his 2012 campaign.",
            "criticism",
        ),
        (
            "The documents raised new questions about whether the foundation rewarded its donors.",
            "new questions about",
        ),
    ] {
        let corpus = run(text);
        assert_eq!(source_span_of(&corpus, cue), None, "text: {text}");
    }
}
