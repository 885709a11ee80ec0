//! Throughput of the whole pipeline — tokens, sentences, places (recognition + resolution),
//! claims (cue tagger, patterns, content ranker), sources — over real news text, on one core.
//!
//! The texts are the dev articles of PolNeAR and GeoWebNews, read at bench time from
//! `../shared/eval/dev/` (never copied into the project); without them the benchmark says so
//! and stops. Throughput is in words (runs of non-space characters) per second; the target is
//! at least 1,000,000. Besides criterion's estimate the benchmark prints min / median / max of
//! repeated passes: `cargo bench --no-default-features --bench pipeline`.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use claimmap::model::Document;
use claimmap::pipeline::{Extraction, Resources, analyse, extract_parallel};
use criterion::{Criterion, Throughput};

fn dev_texts() -> Option<Vec<String>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev");
    let mut texts = Vec::new();
    for name in ["polnear-dev.jsonl", "geowebnews-dev.jsonl"] {
        let path = dir.join(name);
        let Ok(data) = std::fs::read_to_string(&path) else {
            eprintln!(
                "pipeline bench: {} not found; nothing to measure",
                path.display()
            );
            return None;
        };
        texts.extend(
            data.lines()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .filter_map(|v| v.get("text")?.as_str().map(str::to_string)),
        );
    }
    Some(texts)
}

/// Min, median and max seconds of `runs` passes of `f`.
fn spread(runs: usize, mut f: impl FnMut()) -> (f64, f64, f64) {
    // one pass unmeasured: the gazetteer's pages and the caches come in on the first
    f();
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64()
        })
        .collect();
    t.sort_by(f64::total_cmp);
    (t[0], t[t.len() / 2], t[t.len() - 1])
}

fn main() {
    let Some(texts) = dev_texts() else { return };
    let res = Resources::bundled().expect("bundled resources");
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();

    let analyse_all = || {
        for t in &texts {
            black_box(analyse(&res, t));
        }
    };
    let (min, med, max) = spread(30, analyse_all);
    println!(
        "analyse (places + claims + sources), {} texts, {words} words: {:.0} / {:.0} / {:.0} words/s (max / median / min)",
        texts.len(),
        words as f64 / min,
        words as f64 / med,
        words as f64 / max,
    );
    let docs = || {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::new(i.to_string(), t.clone()))
            .collect::<Vec<_>>()
    };
    // one core, as the rest of this benchmark: `extract` itself takes every core
    let extract = |docs| -> Extraction { extract_parallel(&res, docs, 1, &mut |_, _| {}) };
    let (min, med, max) = spread(30, || {
        black_box(extract(docs()));
    });
    println!(
        "extract (with the corpus and its links): {:.0} / {:.0} / {:.0} words/s (max / median / min)",
        words as f64 / min,
        words as f64 / med,
        words as f64 / max,
    );

    let mut c = Criterion::default()
        .measurement_time(Duration::from_secs(8))
        .sample_size(20)
        .configure_from_args();
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Elements(words as u64));
    g.bench_function("analyse dev texts", |b| b.iter(analyse_all));
    g.bench_function("extract dev texts", |b| {
        b.iter(|| black_box(extract(docs())))
    });
    g.finish();
    c.final_summary();
}
