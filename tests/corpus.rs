//! How extraction builds the corpus: one place per gazetteer entry across documents, named
//! features as places of their own drawn where the article is, and links that agree both ways.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

use claimmap::model::{Document, PlaceKind};
use claimmap::pipeline::{Resources, extract};

#[test]
fn a_named_feature_is_a_place_of_its_own_at_the_articles_city() {
    let res = Resources::bundled().unwrap();
    let doc = Document::new(
        "parade",
        "NEW ORLEANS — Parades on Royal Street were cancelled, city officials said.",
    );
    let corpus = extract(&res, vec![doc]).corpus;
    let street = corpus
        .places()
        .iter()
        .find(|p| p.name == "Royal Street")
        .unwrap();
    let city = corpus
        .places()
        .iter()
        .find(|p| p.name == "New Orleans")
        .unwrap();
    assert_eq!(street.kind, PlaceKind::Feature);
    assert_eq!(street.geonameid, None);
    assert_eq!(street.point, city.point, "drawn where the article is");
    // the reading it stands in comes first, so a user sees why it is there
    let mention = corpus.mention(street.mentions[0]);
    assert_eq!(mention.alternatives[0].name, "New Orleans");
    // and the claim about it links to it
    let claim = &corpus.claims()[0];
    assert!(corpus.places_of(claim.id).contains(&street.id));
}

#[test]
fn a_feature_the_article_gives_no_place_for_is_listed_not_on_the_map() {
    let res = Resources::bundled().unwrap();
    let doc = Document::new(
        "t",
        "Volunteers said the Holy Redeemer Church would reopen next week.",
    );
    let corpus = extract(&res, vec![doc]).corpus;
    let church = corpus
        .places()
        .iter()
        .find(|p| p.name == "Holy Redeemer Church")
        .unwrap();
    assert_eq!(church.kind, PlaceKind::Feature);
    assert_eq!(church.point, None, "not on the map, but listed");
    assert_eq!(corpus.places_of(corpus.claims()[0].id), [church.id]);
}

#[test]
fn documents_share_their_places_and_links_agree_both_ways() {
    let res = Resources::bundled().unwrap();
    let docs = vec![
        Document::new("a", "Officials in Kyiv said the bridge was hit."),
        Document::new("b", "Residents of Kyiv said the power was back."),
    ];
    let mut corpus = extract(&res, docs).corpus;
    let kyiv: Vec<_> = corpus
        .places()
        .iter()
        .filter(|p| p.name == "Kyiv")
        .collect();
    assert_eq!(kyiv.len(), 1, "one Kyiv for both documents");
    assert_eq!(kyiv[0].mentions.len(), 2);
    for c in corpus.claims() {
        for &p in corpus.places_of(c.id) {
            assert!(corpus.claims_about(p).contains(&c.id));
        }
    }
    // a corpus opened later joins the same places
    let more = extract(
        &res,
        vec![Document::new("c", "Kyiv said it would rebuild the bridge.")],
    )
    .corpus;
    corpus.append(more);
    let kyiv: Vec<_> = corpus
        .places()
        .iter()
        .filter(|p| p.name == "Kyiv")
        .collect();
    assert_eq!(kyiv.len(), 1);
    assert_eq!(kyiv[0].mentions.len(), 3);
    assert_eq!(corpus.documents().len(), 3);
}
