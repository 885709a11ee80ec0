//! Times entity resolution on a JSONL corpus, and on N copies of it taken as other
//! documents (20 copies of the 827 PolNeAR training articles are about 16,500 articles):
//! `cargo run --release --no-default-features --example resolve_entities -- TRAIN.jsonl 20`.
use std::time::Instant;

use claimmap::corpus::{Judgements, SourceRef, resolve};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a JSONL file");
    let copies: usize = args
        .next()
        .map_or(1, |n| n.parse().expect("a number of copies"));
    // the word tables are built on first use: once per process, not per corpus
    let warm = Instant::now();
    let one = SourceRef {
        doc: 0,
        doc_key: "warm-up",
        name: "Sergei Shoigu",
        kind: claimmap::model::SourceKind::Person,
        affiliation: None,
        mentions: vec!["Sergei Shoigu"],
        description: None,
    };
    resolve(&[one], &Judgements::default());
    let warm = warm.elapsed();
    let res = claimmap::pipeline::Resources::bundled().expect("resources");
    let batch = claimmap::input::read_paths(&[path.into()]);
    let corpus = claimmap::pipeline::extract(&res, batch.documents).corpus;
    let keys: Vec<Vec<String>> = (0..copies)
        .map(|c| {
            corpus
                .documents()
                .iter()
                .map(|d| format!("{}#{c}", d.key))
                .collect()
        })
        .collect();
    let n_docs = corpus.documents().len();
    let mut refs: Vec<SourceRef> = Vec::new();
    for (c, keys) in keys.iter().enumerate() {
        for s in corpus.sources() {
            let doc = corpus.document(s.doc);
            refs.push(SourceRef {
                doc: c * n_docs + s.doc.index(),
                doc_key: &keys[s.doc.index()],
                name: &s.name,
                kind: s.kind,
                affiliation: s
                    .affiliation
                    .and_then(|p| corpus.place(p).country.as_deref()),
                mentions: s.mentions.iter().map(|m| m.slice(&doc.text)).collect(),
                description: s.description.as_deref(),
            });
        }
    }
    let mut best = f64::MAX;
    let mut entities = 0;
    for _ in 0..5 {
        let t = Instant::now();
        entities = resolve(&refs, &Judgements::default()).len();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{} documents, {} sources -> {} entities: resolve {:.1} ms (best of 5; tables built once in {:.1} ms)",
        n_docs * copies,
        refs.len(),
        entities,
        best * 1e3,
        warm.as_secs_f64() * 1e3
    );
}
