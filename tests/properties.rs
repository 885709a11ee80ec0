//! Properties a user relies on, over generated news-like text (names, cues, places, quotations
//! and unicode noise, so that claims and places do occur): every exported span slices its
//! document at character boundaries and equals the exported string; code-point and byte
//! offsets round-trip; extraction is deterministic; and a document's claims and places do not
//! depend on the other documents of the batch. Few cases each, so they run in seconds.

#![allow(clippy::unwrap_used)]

use std::sync::OnceLock;

use claimmap::export::{self, ExportSet, Json, eval_line};
use claimmap::model::{Corpus, Document};
use claimmap::pipeline::{Resources, extract};
use claimmap::text::CodePoints;
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::Value;

fn resources() -> &'static Resources {
    static RES: OnceLock<Resources> = OnceLock::new();
    RES.get_or_init(|| Resources::bundled().unwrap())
}

const NAMES: &[&str] = &[
    "Sergei Shoigu",
    "Volodymyr Zelensky",
    "Li Fung",
    "a spokesman for the ministry",
    "Officials",
    "He",
    "The United Nations",
    "Dr. Ana Müller",
    "Jean-Pierre Lévêque",
    "Oksana",
];
const CUES: &[&str] = &[
    "said",
    "told reporters",
    "warned",
    "claimed",
    "denied",
    "said on Tuesday",
    "added",
];
const PLACES: &[&str] = &[
    "Kyiv",
    "Kursk",
    "Lima",
    "North Korea",
    "Gaza",
    "São Paulo",
    "Zürich",
    "Paris",
    "Kharkiv",
    "the Donbas",
];
const CLAUSES: &[&str] = &[
    "{P} was hit by 12 missiles overnight",
    "troops had left {P}",
    "the talks in {P} would resume next week",
    "about 3,000 people fled {P}",
    "the bridge near {P} was destroyed",
    "prices in {P} rose by 5%",
];
const NOISE: &[&str] = &[
    "", " ", "  ", "\n", "\n\n", "\r\n", "’", "“", "”", "—", "…", "é", "e\u{301}", "🙂",
    "\u{200b}", "中文", "ß", "\t", "«", "»", "(", ")", ";", "\"", "'",
];

fn clause() -> impl Strategy<Value = String> {
    (select(CLAUSES), select(PLACES)).prop_map(|(c, p)| c.replace("{P}", p))
}

/// One sentence of a news article, in one of the shapes attribution takes.
fn sentence() -> impl Strategy<Value = String> {
    (
        0..6u8,
        select(NAMES),
        select(CUES),
        clause(),
        select(PLACES),
        select(NOISE),
    )
        .prop_map(|(shape, name, cue, clause, place, noise)| match shape {
            0 => format!("{name} {cue} {clause}.{noise}"),
            1 => format!("“{clause},” {name} {cue}.{noise}"),
            2 => format!("According to {name}, {clause}.{noise}"),
            3 => format!("{place} — {name} {cue} that {clause}.{noise}"),
            4 => format!("\"{clause}\", {name} {cue} in {place}.{noise}"),
            _ => format!("{noise}{clause}{noise}."),
        })
}

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec((sentence(), select(&["", " ", "\n", "\n\n"][..])), 1..8).prop_map(
        |parts| {
            parts
                .into_iter()
                .map(|(s, sep)| format!("{s}{sep}"))
                .collect::<String>()
        },
    )
}

fn documents(texts: &[String]) -> Vec<Document> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(format!("d{i}"), t.clone()))
        .collect()
}

fn corpus_of(texts: &[String]) -> Corpus {
    extract(resources(), documents(texts)).corpus
}

/// The code points `[start, end)` of `text`.
fn chars(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

/// A document's evaluation line without what depends on the rest of the corpus (the entity a
/// source is across documents, the story a claim is in).
fn own_reading(corpus: &Corpus, doc: usize) -> Value {
    let mut line = eval_line(corpus, corpus.documents()[doc].id);
    for claim in line["claims"].as_array_mut().unwrap() {
        let claim = claim.as_object_mut().unwrap();
        claim.remove("entity");
        claim.remove("story");
    }
    line
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn every_exported_span_slices_its_document(texts in prop::collection::vec(article(), 1..3)) {
        let corpus = corpus_of(&texts);
        for claim in corpus.claims() {
            let text = &corpus.document(claim.doc).text;
            let spans = [Some(claim.content), Some(claim.sentence), claim.cue, claim.source_span, claim.channel];
            for span in spans.into_iter().flatten() {
                prop_assert!(span.start <= span.end && (span.end as usize) <= text.len());
                prop_assert!(text.is_char_boundary(span.start as usize) && text.is_char_boundary(span.end as usize));
            }
        }
        for m in corpus.mentions() {
            let text = &corpus.document(m.doc).text;
            prop_assert!(text.is_char_boundary(m.span.start as usize) && text.is_char_boundary(m.span.end as usize));
        }

        // the evaluation lines' code-point spans are the corpus's byte spans
        for (d, doc) in corpus.documents().iter().enumerate() {
            let line = eval_line(&corpus, doc.id);
            let claims = corpus.claims_in(doc.id);
            for (c, exported) in line["claims"].as_array().unwrap().iter().enumerate() {
                let claim = corpus.claim(claims[c]);
                for (field, span) in [("content", Some(claim.content)), ("cue", claim.cue), ("source", claim.source_span)] {
                    let got = &exported[field];
                    match span {
                        None => prop_assert!(got.is_null(), "doc {d} claim {c} {field}"),
                        Some(span) => prop_assert_eq!(
                            chars(&doc.text, got["start"].as_u64().unwrap(), got["end"].as_u64().unwrap()),
                            span.slice(&doc.text)
                        ),
                    }
                }
            }
            for exported in line["places"].as_array().unwrap() {
                let start = exported["start"].as_u64().unwrap();
                let end = exported["end"].as_u64().unwrap();
                prop_assert!(!chars(&doc.text, start, end).is_empty());
            }
        }

        // the JSON export's strings are the text at the claim's spans
        let json = export::to_string(&Json, &corpus, &ExportSet::all(&corpus)).unwrap();
        let parsed: export::JsonExport = serde_json::from_str(&json).unwrap();
        for exported in &parsed.claims {
            let r = &exported.record;
            let claim = corpus.claim(claimmap::model::ClaimId(r.id));
            let text = &corpus.document(claim.doc).text;
            prop_assert_eq!(&r.document, &corpus.document(claim.doc).key);
            prop_assert_eq!(chars(text, r.content_start.into(), r.content_end.into()), r.content.clone());
            prop_assert_eq!(claim.content.slice(text), r.content.as_str());
            prop_assert_eq!(claim.cue.map(|s| s.slice(text)), r.cue.as_deref());
            prop_assert_eq!(claim.source_span.map(|s| s.slice(text)), r.source_as_written.as_deref());
        }
    }

    #[test]
    fn code_point_and_byte_offsets_round_trip(text in "\\PC{0,40}", noise in prop::collection::vec(select(NOISE), 0..6)) {
        let text = format!("{text}{}", noise.concat());
        let cp = CodePoints::new(&text);
        prop_assert_eq!(cp.char_count(), text.chars().count());
        for (ch, (byte, _)) in text.char_indices().enumerate() {
            prop_assert_eq!(cp.to_byte(ch as u32), byte as u32);
            prop_assert_eq!(cp.to_char(byte as u32), ch as u32);
        }
        prop_assert_eq!(cp.to_byte(cp.char_count() as u32) as usize, text.len());
        prop_assert_eq!(cp.to_char(text.len() as u32) as usize, cp.char_count());
        // a byte inside a char rounds down to that char
        for byte in 0..text.len() {
            let ch = cp.to_char(byte as u32);
            let start = cp.to_byte(ch) as usize;
            prop_assert!(start <= byte && text.is_char_boundary(start));
            prop_assert!(!text.is_char_boundary(byte) || start == byte);
        }
    }

    #[test]
    fn extraction_is_deterministic(texts in prop::collection::vec(article(), 1..3)) {
        let first = corpus_of(&texts);
        let second = corpus_of(&texts);
        let set = |c: &Corpus| ExportSet::all(c);
        prop_assert_eq!(
            export::to_string(&Json, &first, &set(&first)).unwrap(),
            export::to_string(&Json, &second, &set(&second)).unwrap()
        );
    }

    #[test]
    fn a_documents_reading_does_not_depend_on_the_batch(
        texts in prop::collection::vec(article(), 2..4),
    ) {
        let batch = corpus_of(&texts);
        for (i, text) in texts.iter().enumerate() {
            let alone = corpus_of(std::slice::from_ref(text));
            let mut alone_line = own_reading(&alone, 0);
            alone_line["id"] = Value::from(format!("d{i}"));
            prop_assert_eq!(own_reading(&batch, i), alone_line, "document {}", i);
        }
    }
}

/// The generated articles are worth checking: they hold claims (with sources and cues) and
/// places, not only noise.
#[test]
fn the_generated_articles_hold_claims_and_places() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let texts: Vec<String> = (0..24)
        .map(|_| article().new_tree(&mut runner).unwrap().current())
        .collect();
    let corpus = corpus_of(&texts);
    let claims = corpus.claims();
    let with_source = claims.iter().filter(|c| c.source_span.is_some()).count();
    assert!(claims.len() >= 24, "{} claims in 24 articles", claims.len());
    assert!(
        with_source * 2 >= claims.len(),
        "{with_source} of {} claims have a source",
        claims.len()
    );
    assert!(
        corpus.mentions().len() >= 24,
        "{} places",
        corpus.mentions().len()
    );
}
