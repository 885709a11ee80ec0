//! The bundled sample article end to end through the library: every attributed claim with
//! its source, the source's kind and affiliation, and the places at their real coordinates.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

use claimmap::model::{Corpus, Document, SourceKind};
use claimmap::pipeline::{Resources, extract};

fn sample() -> Corpus {
    let res = Resources::bundled().expect("bundled resources load");
    let doc = Document::new(claimmap::SAMPLE_NAME, claimmap::SAMPLE_ARTICLE);
    let out = extract(&res, vec![doc]);
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    out.corpus
}

/// A claim as the test expects it: (source as written, resolved source name, kind,
/// affiliation, start of content).
type Expected = (
    Option<&'static str>,
    Option<&'static str>,
    Option<SourceKind>,
    Option<&'static str>,
    &'static str,
);

const CLAIMS: &[Expected] = &[
    (
        Some("Russian state media"),
        Some("Russian state media"),
        Some(SourceKind::StateMedia),
        Some("Russia"),
        "North Korean leader Kim Jong Un plans",
    ),
    (
        Some("Sergei Shoigu, the secretary of Moscow’s security council"),
        Some("Sergei Shoigu"),
        Some(SourceKind::Government),
        Some("Russia"),
        "the agreement",
    ),
    (
        Some("He"),
        Some("Sergei Shoigu"),
        Some(SourceKind::Government),
        Some("Russia"),
        "the sappers would focus",
    ),
    (
        Some("Experts"),
        Some("Experts"),
        Some(SourceKind::Unnamed),
        None,
        "Pyongyang could receive",
    ),
    (
        Some("Soo Kim, a North Korea researcher and former CIA analyst"),
        Some("Soo Kim"),
        Some(SourceKind::Expert),
        None,
        "Kim Jong Un sees this",
    ),
    (
        Some("North Korean state media"),
        Some("North Korean state media"),
        Some(SourceKind::StateMedia),
        Some("North Korea"),
        "Kim met with Shoigu",
    ),
    (
        Some("South Korea‘s foreign ministry"),
        Some("South Korea‘s foreign ministry"),
        Some(SourceKind::Ministry),
        Some("South Korea"),
        "the ongoing cooperation between North Korea and Russia",
    ),
    (
        Some("A U.S. State Department spokesperson"),
        Some("A U.S. State Department spokesperson"),
        Some(SourceKind::Unnamed),
        Some("United States"),
        "Russia’s engagement of North Korean forces",
    ),
    (
        Some("Both nations"),
        Some("Both nations"),
        Some(SourceKind::Government),
        None,
        "their military cooperation",
    ),
    (
        None,
        None,
        None,
        None,
        "North Korea reportedly sending laborers",
    ),
    (
        Some("Shoigu"),
        Some("Sergei Shoigu"),
        Some(SourceKind::Government),
        Some("Russia"),
        "plans to memorialize",
    ),
];

#[test]
fn every_claim_of_the_sample_with_its_source_kind_and_affiliation() {
    let corpus = sample();
    let text = &corpus.documents()[0].text;
    let got: Vec<_> = corpus
        .claims()
        .iter()
        .map(|c| {
            let src = c.source.map(|s| corpus.source(s));
            (
                c.source_span.map(|s| s.slice(text)),
                src.map(|s| s.name.as_str()),
                src.map(|s| s.kind),
                src.and_then(|s| s.affiliation)
                    .map(|p| corpus.place(p).name.as_str()),
                c.content.slice(text),
            )
        })
        .collect();
    // every annotated claim is found, in text order, with its source resolved and typed
    let mut at = 0;
    for w in CLAIMS {
        let found = got[at..]
            .iter()
            .position(|g| g.4.contains(w.4))
            .unwrap_or_else(|| panic!("no claim starting {:?} in {got:#?}", w.4));
        let g = &got[at + found];
        assert_eq!(
            (g.0, g.1, g.2, g.3),
            (w.0, w.1, w.2, w.3),
            "claim {:?}",
            g.4
        );
        at += found + 1;
    }
    // and little else: the seed's annotators count 11 claims; the PolNeAR-trained tagger may
    // add one more reading ("has raised alarms"), not a handful
    assert!(got.len() <= CLAIMS.len() + 1, "{got:#?}");
}

#[test]
fn hedged_claims_are_flagged() {
    let corpus = sample();
    let text = &corpus.documents()[0].text;
    let hedged: Vec<&str> = corpus
        .claims()
        .iter()
        .filter(|c| c.is_hedged)
        .map(|c| c.cue.map_or("", |s| s.slice(text)))
        .collect();
    assert_eq!(hedged, ["estimate", "reportedly"]);
}

#[test]
fn kursk_claims_are_the_ones_whose_content_names_kursk() {
    let corpus = sample();
    let text = &corpus.documents()[0].text;
    let kursk = corpus.places().iter().find(|p| p.name == "Kursk").unwrap();
    let about: Vec<&str> = corpus
        .claims_about(kursk.id)
        .iter()
        .map(|&c| corpus.claim(c).content.slice(text))
        .collect();
    assert_eq!(about.len(), 1, "{about:?}");
    assert!(about[0].contains("demining operations in Kursk"));
    // "the Kursk region" is the oblast, not the city
    let region = corpus
        .places()
        .iter()
        .find(|p| p.name == "Kursk" && p.kind == claimmap::model::PlaceKind::Region);
    assert!(
        region.is_some(),
        "the Kursk region resolves to Kursk Oblast"
    );
}

#[test]
fn places_are_geocoded_to_geonames_coordinates() {
    let corpus = sample();
    for (name, lat, lon) in [
        ("Pyongyang", 39.034, 125.754),
        ("Kursk", 51.727, 36.185),
        ("Moscow", 55.752, 37.618),
    ] {
        let p = corpus
            .places()
            .iter()
            .find(|p| p.name == name && p.kind == claimmap::model::PlaceKind::City)
            .unwrap_or_else(|| panic!("{name} found"));
        let pt = p.point.unwrap();
        let d = pt.distance_km(claimmap::model::LonLat::new(lon, lat));
        assert!(d < 5.0, "{name} is {d:.1} km off");
    }
    // no stray places from the headline's capitals or from "UN"
    let names: Vec<&str> = corpus.places().iter().map(|p| p.name.as_str()).collect();
    assert!(
        !names.contains(&"Send") && !names.contains(&"Un"),
        "{names:?}"
    );
}
