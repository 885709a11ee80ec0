//! Stories through extraction, on articles written for this test (`tests/fixtures/stories/`):
//! a Yonhap report on North Korean troops in Russia, run word for word by three outlets; the
//! Pentagon's paraphrase of it; Ukraine's, lawmakers' and an official's other counts; and
//! Pyongyang's denial.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

use std::path::PathBuf;

use claimmap::model::{Claim, Corpus, Story};
use claimmap::pipeline::{Resources, extract};

fn corpus() -> Corpus {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stories");
    let batch = claimmap::input::read_paths(&[dir]);
    assert!(batch.warnings.is_empty(), "{:?}", batch.warnings);
    extract(&Resources::bundled().unwrap(), batch.documents).corpus
}

/// The claim of `doc` whose content starts with `content`.
fn claim<'a>(corpus: &'a Corpus, doc: &str, content: &str) -> &'a Claim {
    corpus
        .claims()
        .iter()
        .find(|c| {
            let d = corpus.document(c.doc);
            d.key.contains(doc) && c.content.slice(&d.text).starts_with(content)
        })
        .unwrap_or_else(|| panic!("no claim {content:?} in {doc}"))
}

fn story<'a>(corpus: &'a Corpus, claim: &Claim) -> &'a Story {
    corpus.story_of(claim.id).unwrap()
}

#[test]
fn a_wire_story_reprinted_in_three_outlets_is_one_origin() {
    let corpus = corpus();
    let uniforms = claim(&corpus, "yonhap-wire", "the soldiers had been issued");
    let s = story(&corpus, uniforms);
    let documents: Vec<&str> = s
        .documents
        .iter()
        .map(|&d| corpus.document(d).key.as_str())
        .collect();
    assert_eq!(
        documents,
        [
            "2024-11-04_daily-herald.txt",
            "2024-11-04_morning-post.txt",
            "2024-11-04_yonhap-wire.txt",
            "2024-11-05_evening-star.txt"
        ]
    );
    assert_eq!(s.origins, 1);
    // the outlets' copies are reprints of the earliest copy
    let reprints = corpus
        .documents()
        .iter()
        .filter(|d| corpus.reprint_of(d.id).is_some())
        .count();
    assert_eq!(reprints, 3);
}

#[test]
fn paraphrases_of_one_assertion_are_one_story() {
    let corpus = corpus();
    let spy_agency = claim(&corpus, "yonhap-wire", "North Korea has sent about 10,000");
    let s = story(&corpus, spy_agency);
    for (doc, content) in [
        (
            "yonhap-wire",
            "N. Korea sends about 10,000 troops to Russia",
        ),
        ("pentagon", "roughly 10,000 North Korean soldiers"),
        // other counts of the same troops: the same assertion, contested
        ("pentagon", "only 3,000 North Korean troops"),
        ("estimates", "at least 3,000 North Korean troops"),
        ("estimates", "up to 3,000 North Korean troops"),
    ] {
        assert_eq!(
            story(&corpus, claim(&corpus, doc, content)).id,
            s.id,
            "{content}"
        );
    }
    // the spy agency (in four copies and the wire's headline), the Pentagon, Ukraine's
    // military intelligence, South Korean lawmakers and a U.S. official: six sources in
    // three independent origins (Yonhap's copy, the Pentagon article, the estimates)
    assert_eq!((s.claims.len(), s.sources, s.origins), (9, 6, 3));
    assert_eq!(
        (s.first.unwrap().to_string(), s.last.unwrap().to_string()),
        ("2024-11-04".to_string(), "2024-11-07".to_string())
    );
}

#[test]
fn the_same_topic_with_a_different_assertion_is_two_stories() {
    let corpus = corpus();
    let sent = story(
        &corpus,
        claim(&corpus, "yonhap-wire", "North Korea has sent about 10,000"),
    );
    let denied = story(
        &corpus,
        claim(&corpus, "denial", "Pyongyang had not sent any troops"),
    );
    assert_ne!(sent.id, denied.id);
    assert!(sent.disputed_by.contains(&denied.id));
    assert!(denied.disputed_by.contains(&sent.id));
    // another assertion about the same troops is a story of its own
    let fighting = claim(&corpus, "yonhap-wire", "The troops are expected to join");
    assert_ne!(story(&corpus, fighting).id, sent.id);
}

#[test]
fn two_figures_for_one_count_from_different_sources_are_flagged() {
    let corpus = corpus();
    let ten_thousand = claim(&corpus, "yonhap-wire", "North Korea has sent about 10,000");
    let three_thousand = claim(&corpus, "pentagon", "only 3,000 North Korean troops");
    let at_least = claim(&corpus, "estimates", "at least 3,000 North Korean troops");
    let up_to = claim(&corpus, "estimates", "up to 3,000 North Korean troops");
    let conflicts = corpus.conflicts_of(ten_thousand.id);
    assert!(conflicts.contains(&three_thousand.id), "{conflicts:?}");
    assert!(
        corpus
            .conflicts_of(three_thousand.id)
            .contains(&ten_thousand.id)
    );
    // "up to 3,000" cannot be 10,000; "at least 3,000" can
    assert!(conflicts.contains(&up_to.id), "{conflicts:?}");
    assert!(!conflicts.contains(&at_least.id), "{conflicts:?}");
    assert!(corpus.conflicts_of(at_least.id).is_empty());
    assert!(story(&corpus, ten_thousand).is_contested);
    // the sources disagree, not one source with itself
    assert_ne!(
        corpus.source_name(ten_thousand),
        corpus.source_name(three_thousand)
    );
}

#[test]
fn every_claim_has_a_story_whose_key_does_not_depend_on_the_input_order() {
    let corpus = corpus();
    assert!(
        corpus
            .claims()
            .iter()
            .all(|c| corpus.story_of(c.id).is_some())
    );
    let res = Resources::bundled().unwrap();
    let mut documents: Vec<_> = corpus.documents().to_vec();
    documents.reverse();
    let reversed = extract(&res, documents).corpus;
    let keys = |corpus: &Corpus| {
        let mut keys: Vec<(String, String)> = corpus
            .claims()
            .iter()
            .map(|c| {
                let d = corpus.document(c.doc);
                (
                    format!("{}:{}", d.key, c.content.start),
                    story(corpus, c).key.clone(),
                )
            })
            .collect();
        keys.sort();
        keys
    };
    assert_eq!(keys(&corpus), keys(&reversed));
}

#[test]
fn figures_are_read_from_every_claim() {
    let corpus = corpus();
    let c = claim(&corpus, "pentagon", "roughly 10,000 North Korean soldiers");
    let figures = corpus.figures_of(c.id);
    assert_eq!(figures.len(), 1);
    let f = &figures[0];
    let text = &corpus.document(c.doc).text;
    assert_eq!(f.span.slice(text), "roughly 10,000 North Korean soldiers");
    assert_eq!((f.value, f.unit.as_deref()), (10_000.0, Some("soldiers")));
}
