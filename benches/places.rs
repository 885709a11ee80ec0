//! Place finding and resolution throughput over real news text, and the gazetteer's load time.
//!
//! The texts are the GeoWebNews dev articles, read at bench time from
//! `../shared/eval/dev/geowebnews-dev.jsonl` (never copied into the project); without that
//! file the benchmark says so and stops. Throughput is in words (runs of non-space characters)
//! per second on one core, for recognition + resolution over tokenised text (the place half of
//! the pipeline) and with tokenisation and sentence splitting included. The target is at
//! least 1,000,000 words/s.
//!
//! Besides criterion's estimates, the benchmark prints min / median / max over repeated passes
//! (`cargo bench --no-default-features --bench places`), the gazetteer's load time and the
//! memory it takes once loaded.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use claimmap::geo::Gazetteer;
use claimmap::pipeline::{Resources, find_places};
use claimmap::text::{Sentence, Token, split_sentences, tokenize};
use criterion::{Criterion, Throughput};

struct Doc {
    text: String,
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
}

fn dev_texts() -> Option<Vec<String>> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev/geowebnews-dev.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!(
            "places bench: {} not found; nothing to measure",
            path.display()
        );
        return None;
    };
    let texts = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text")?.as_str().map(str::to_string))
        .collect();
    Some(texts)
}

fn prepare(texts: &[String]) -> Vec<Doc> {
    texts
        .iter()
        .map(|t| {
            let mut tokens = Vec::new();
            tokenize(t, &mut tokens);
            let sentences = split_sentences(t, &tokens);
            Doc {
                text: t.clone(),
                tokens,
                sentences,
            }
        })
        .collect()
}

fn find_all(res: &Resources, docs: &[Doc]) -> usize {
    docs.iter()
        .map(|d| find_places(res, &d.text, &d.tokens, &d.sentences).len())
        .sum()
}

fn tokenize_and_find_all(res: &Resources, texts: &[String], buf: &mut Vec<Token>) -> usize {
    texts
        .iter()
        .map(|t| {
            tokenize(t, buf);
            let sentences = split_sentences(t, buf);
            find_places(res, t, buf, &sentences).len()
        })
        .sum()
}

/// Min, median and max of `runs` timings of `f`.
fn spread(runs: usize, mut f: impl FnMut()) -> [Duration; 3] {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    [times[0], times[runs / 2], times[runs - 1]]
}

/// Resident memory of this process in bytes (Linux), to see what the gazetteer costs.
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

fn main() {
    let rss_before = resident_bytes();
    let gazetteer = Gazetteer::bundled().expect("bundled gazetteer");
    let rss_after = resident_bytes();
    if let (Some(a), Some(b)) = (rss_before, rss_after) {
        eprintln!(
            "gazetteer: {} places, {} names; resident memory +{:.1} MB once loaded",
            gazetteer.len(),
            gazetteer.name_count(),
            (b.saturating_sub(a)) as f64 / 1e6
        );
    }
    drop(gazetteer);
    let [lo, mid, hi] = spread(30, || {
        black_box(Gazetteer::bundled().expect("bundled gazetteer"));
    });
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    eprintln!(
        "gazetteer load: min {:.1} ms · median {:.1} ms · max {:.1} ms (30 loads)",
        ms(lo),
        ms(mid),
        ms(hi)
    );

    let Some(texts) = dev_texts() else { return };
    let res = Resources::bundled().expect("bundled resources");
    let docs = prepare(&texts);
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let places = find_all(&res, &docs);
    eprintln!(
        "dev texts: {} articles, {words} words, {places} places found",
        texts.len()
    );
    let rate = |d: Duration| words as f64 / d.as_secs_f64();
    let [lo, mid, hi] = spread(60, || {
        black_box(find_all(&res, &docs));
    });
    eprintln!(
        "find + resolve: min {:.0} · median {:.0} · max {:.0} words/s (60 passes)",
        rate(hi),
        rate(mid),
        rate(lo)
    );
    let mut buf = Vec::new();
    let [lo, mid, hi] = spread(60, || {
        black_box(tokenize_and_find_all(&res, &texts, &mut buf));
    });
    eprintln!(
        "tokenize + sentences + find + resolve: min {:.0} · median {:.0} · max {:.0} words/s",
        rate(hi),
        rate(mid),
        rate(lo)
    );

    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(30)
        .measurement_time(Duration::from_secs(5));
    let mut g = c.benchmark_group("places");
    g.throughput(Throughput::Elements(words as u64));
    g.bench_function("find + resolve, dev texts", |b| {
        b.iter(|| find_all(&res, &docs))
    });
    g.bench_function("tokenize + find + resolve, dev texts", |b| {
        b.iter(|| tokenize_and_find_all(&res, &texts, &mut buf))
    });
    g.finish();
    c.bench_function("gazetteer load", |b| {
        b.iter(|| Gazetteer::bundled().expect("bundled gazetteer"))
    });
    c.final_summary();
}
