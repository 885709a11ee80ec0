//! The workspace at the size an analyst's project reaches: opening a 1,000-document workspace
//! (its extraction read back, the corpus linked, the entities resolved, the log replayed) and
//! applying 10,000 review operations to it (each replayed and kept in its own transaction).
//!
//! The documents are real news: the texts of `../shared/eval/` (train and dev, read at bench
//! time, never copied into the project), repeated under new keys up to 1,000. Without them
//! the benchmark says so and stops. `cargo bench --no-default-features --bench workspace`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use claimmap::model::Document;
use claimmap::pipeline::{Resources, extract};
use claimmap::workspace::{CharSpan, Op, ReviewOp, Session};
use criterion::Criterion;

const DOCUMENTS: usize = 1000;
const OPERATIONS: usize = 10_000;

fn texts() -> Option<Vec<String>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
    let mut texts = Vec::new();
    for name in [
        "train/polnear-train.jsonl",
        "dev/polnear-dev.jsonl",
        "dev/geowebnews-dev.jsonl",
        "dev/domain-dev.jsonl",
    ] {
        let path = root.join(name);
        let Ok(data) = std::fs::read_to_string(&path) else {
            eprintln!(
                "workspace bench: {} not found; nothing to measure",
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

/// Operations on the corpus: confirm and reject its claims in turn, and give every mention
/// with another reading that reading.
fn operations(session: &Session) -> Vec<(usize, ReviewOp)> {
    let corpus = session.machine();
    let cp = |doc: &Document, s: claimmap::model::Span| {
        let c = |b: u32| doc.text[..b as usize].chars().count() as u32;
        CharSpan::new(c(s.start), c(s.end))
    };
    let mut ops = Vec::with_capacity(OPERATIONS);
    let claims = corpus.claims();
    let choices: Vec<_> = corpus
        .mentions()
        .iter()
        .filter_map(|m| Some((m, m.alternatives.first()?.geonameid?)))
        .collect();
    let mut i = 0;
    while ops.len() < OPERATIONS {
        let op = if i % 5 == 4 && !choices.is_empty() {
            let (m, g) = choices[(i / 5) % choices.len()];
            let doc = corpus.document(m.doc);
            ReviewOp::new(
                doc.key.clone(),
                Op::SetPlace {
                    span: cp(doc, m.span),
                    geonameid: g,
                },
            )
        } else {
            let c = &claims[i % claims.len()];
            let doc = corpus.document(c.doc);
            let content = cp(doc, c.content);
            let op = if i % 2 == 0 {
                Op::ConfirmClaim { content }
            } else {
                Op::RejectClaim { content }
            };
            ReviewOp::new(doc.key.clone(), op)
        };
        ops.push((ops.len() + 1, op));
        i += 1;
    }
    ops
}

fn spread(runs: usize, mut f: impl FnMut() -> Duration) -> (f64, f64, f64) {
    let mut t: Vec<f64> = (0..runs).map(|_| f().as_secs_f64()).collect();
    t.sort_by(f64::total_cmp);
    (t[0], t[t.len() / 2], t[t.len() - 1])
}

fn copy(from: &Path, dir: &Path, n: usize) -> PathBuf {
    let to = dir.join(format!("copy-{n}.claimmap"));
    std::fs::copy(from, &to).expect("copy the workspace");
    to
}

fn main() {
    let Some(texts) = texts() else { return };
    let res = Resources::bundled().expect("bundled resources");
    let documents: Vec<Document> = (0..DOCUMENTS)
        .map(|i| {
            let text = &texts[i % texts.len()];
            Document::new(format!("news-{i:04}.txt"), text.clone())
        })
        .collect();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("bench.claimmap");
    let machine = extract(&res, documents).corpus;
    let (docs, claims) = (machine.documents().len(), machine.claims().len());
    let session = Session::create(&path, false, machine).expect("make the workspace");
    let ops = operations(&session);
    drop(session);
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    println!(
        "workspace: {docs} documents, {claims} claims, {:.1} MB on disk; {} operations",
        size as f64 / 1e6,
        ops.len()
    );

    let (lo, mid, hi) = spread(5, || {
        let start = Instant::now();
        let (s, _) = Session::open(&res, &path).expect("open");
        let elapsed = start.elapsed();
        drop(s);
        elapsed
    });
    println!("open {docs} documents: min {lo:.3} s, median {mid:.3} s, max {hi:.3} s");

    let mut n = 0;
    let (lo, mid, hi) = spread(3, || {
        n += 1;
        let p = copy(&path, dir.path(), n);
        let (mut s, _) = Session::open(&res, &p).expect("open");
        let start = Instant::now();
        let report = s.apply(&res, ops.clone()).expect("apply");
        let elapsed = start.elapsed();
        assert_eq!(report.applied, ops.len(), "{:?}", report.rejected.first());
        elapsed
    });
    println!(
        "apply {} operations: min {lo:.2} s, median {mid:.2} s, max {hi:.2} s",
        ops.len()
    );
    // and the state they leave, as the app shows it after reopening
    let p = copy(&path, dir.path(), 0);
    {
        let (mut s, _) = Session::open(&res, &p).expect("open");
        s.apply(&res, ops.clone()).expect("apply");
    }
    let (lo, mid, hi) = spread(5, || {
        let start = Instant::now();
        let (s, _) = Session::open(&res, &p).expect("open");
        let reviewed = s.reviewed(&res);
        let elapsed = start.elapsed();
        assert!(reviewed.attention.is_empty());
        elapsed
    });
    println!(
        "open {docs} documents and replay {} operations: min {lo:.3} s, median {mid:.3} s, max {hi:.3} s",
        ops.len()
    );

    let mut c = Criterion::default()
        .sample_size(10)
        .measurement_time(Duration::from_secs(20))
        .configure_from_args();
    c.bench_function("open a 1,000-document workspace", |b| {
        b.iter(|| Session::open(&res, &path).expect("open"))
    });
    c.final_summary();
}
