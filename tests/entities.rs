//! One speaker across articles, through extraction: the sources of four short articles
//! (written for this test) resolve into entities, and the exports carry them.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

use claimmap::export::{self, ExportSet};
use claimmap::model::{Corpus, Document};
use claimmap::pipeline::{Resources, extract};

const ARTICLES: &[(&str, &str)] = &[
    (
        "drills-1",
        "Russian Security Council Secretary Sergei Shoigu said the drills near the border \
         would end on Friday. Russia's Defense Ministry said 3,000 troops had taken part. \
         Officials in Kyiv said the exercise was a threat.",
    ),
    (
        "drills-2",
        "Shoigu said the troops would return to their bases. The Russian Ministry of Defence \
         said the last units left Belgorod on Sunday. Officials said the roads were reopened.",
    ),
    (
        "drills-3",
        "Mr. Shoigu told reporters that the army was ready for more exercises. Ukraine's \
         military intelligence said it had tracked the columns. Kim said the launch was a \
         success.",
    ),
    (
        "drills-4",
        "The Defense Intelligence of Ukraine said the columns moved north. Kim Jong Un said \
         the missile could reach any target. Soo Kim, a North Korea researcher, said the test \
         was a message to Washington.",
    ),
];

fn corpus() -> Corpus {
    let res = Resources::bundled().unwrap();
    let docs = ARTICLES
        .iter()
        .map(|(key, text)| Document::new(*key, *text))
        .collect();
    extract(&res, docs).corpus
}

/// (document, source as the document names it, the entity key it resolves to)
const RESOLVED: &[(&str, &str, &str)] = &[
    (
        "drills-1",
        "Russian Security Council Secretary Sergei Shoigu",
        "person:sergei-shoigu",
    ),
    ("drills-2", "Shoigu", "person:sergei-shoigu"),
    ("drills-3", "Mr. Shoigu", "person:sergei-shoigu"),
    (
        "drills-1",
        "Russia's Defense Ministry",
        "org:ru:defense-ministry",
    ),
    (
        "drills-2",
        "The Russian Ministry of Defence",
        "org:ru:defense-ministry",
    ),
    (
        "drills-3",
        "Ukraine's military intelligence",
        "org:ua:military-intelligence",
    ),
    (
        "drills-4",
        "The Defense Intelligence of Ukraine",
        "org:ua:military-intelligence",
    ),
    // anonymous groups stay in their article
    (
        "drills-1",
        "Officials in Kyiv",
        "unnamed:officials-in-kyiv@drills-1",
    ),
    ("drills-2", "Officials", "unnamed:officials@drills-2"),
    // "Kim" could be Kim Jong Un or Soo Kim
    ("drills-3", "Kim", "person:kim@drills-3"),
    ("drills-4", "Kim Jong Un", "person:kim-jong-un"),
    ("drills-4", "Soo Kim", "person:soo-kim"),
];

#[test]
fn sources_of_several_articles_resolve_into_entities() {
    let corpus = corpus();
    let mut got: Vec<(String, String, String)> = corpus
        .sources()
        .iter()
        .map(|s| {
            let key = s.entity.map(|e| corpus.entity(e).key.clone());
            (
                corpus.document(s.doc).key.clone(),
                s.name.clone(),
                key.unwrap_or_default(),
            )
        })
        .collect();
    got.sort();
    let mut want: Vec<(String, String, String)> = RESOLVED
        .iter()
        .map(|(d, n, k)| (d.to_string(), n.to_string(), k.to_string()))
        .collect();
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn an_entity_lists_its_claims_across_articles() {
    let corpus = corpus();
    let shoigu = corpus
        .entities()
        .iter()
        .find(|e| e.key == "person:sergei-shoigu")
        .unwrap();
    assert_eq!(shoigu.name, "Sergei Shoigu");
    assert_eq!(shoigu.sources.len(), 3);
    let docs: Vec<&str> = corpus
        .claims_of_entity(shoigu.id)
        .iter()
        .map(|&c| corpus.document(corpus.claim(c).doc).key.as_str())
        .collect();
    assert_eq!(docs, ["drills-1", "drills-2", "drills-3"]);
    assert_eq!(
        shoigu.aliases,
        [
            "Russian Security Council Secretary Sergei Shoigu",
            "Shoigu",
            "Mr. Shoigu"
        ]
    );
}

#[test]
fn exports_carry_the_entity_of_each_claim() {
    let corpus = corpus();
    let set = ExportSet::all(&corpus);
    // CSV: the entity's key and name in their columns
    let csv = export::to_string(&export::Csv, &corpus, &set).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (key, name) = (col("entity"), col("entity_name"));
    let shoigu_rows = reader
        .records()
        .map(|r| r.unwrap())
        .filter(|r| &r[key] == "person:sergei-shoigu")
        .inspect(|r| assert_eq!(&r[name], "Sergei Shoigu"))
        .count();
    assert_eq!(shoigu_rows, 3);
    // JSON: the entities with their claim and document counts
    let json = export::to_string(&export::Json, &corpus, &set).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let ministry = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["key"] == "org:ru:defense-ministry")
        .unwrap();
    assert_eq!(ministry["claims"], 2);
    assert_eq!(ministry["documents"], 2);
    assert_eq!(ministry["affiliation"], "Russia");
    assert_eq!(ministry["kind"], "ministry or agency");
    // evaluation lines: "entity" on each claim
    for d in corpus.documents() {
        let line = export::eval_line(&corpus, d.id);
        for c in line["claims"].as_array().unwrap() {
            assert!(c["entity"].is_string(), "{c}");
        }
    }
}
