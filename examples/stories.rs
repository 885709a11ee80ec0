//! Stories on a JSONL corpus: how long finding them takes (on the corpus, and on N copies of
//! it taken as other documents: 20 copies of the 827 PolNeAR training articles are about
//! 16,500 articles), how many there are, and the largest ones to look at.
//!
//! ```text
//! cargo run --release --no-default-features --example stories -- TRAIN.jsonl [COPIES]
//! cargo run --release --no-default-features --example stories -- TRAIN.jsonl --pairs OUT.tsv [--exhaustive]
//! cargo run --release --no-default-features --example stories -- TRAIN.jsonl --score SAMPLE.tsv LABELS.tsv PAIRS.tsv
//! ```
//!
//! `--pairs` writes the claim pairs at or above a similarity of 0.2 (blocked candidates, or
//! every pair with `--exhaustive`) as TSV, to label by hand when measuring the threshold.
//! `--score SAMPLE.tsv LABELS.tsv` reads such a sample (its first column a row number, then
//! the `--pairs` columns) and its labels (row number, Y or N) and prints precision and recall
//! at each threshold, each labelled pair weighted by how many pairs of its similarity band
//! (tenths, as sampled) the whole file had (`--score` needs the full `--pairs` file as
//! `PAIRS.tsv`, given third). With `SHOW=1` it also prints the labelled pairs the stories get
//! wrong at 0.45; with `STORIES_PROFILE=N` it only finds the stories N times, for a profiler.
use std::io::Write;
use std::time::Instant;

use claimmap::corpus::{Judgements, analyse, stories};
use claimmap::model::Corpus;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().expect("a JSONL file");
    let res = claimmap::pipeline::Resources::bundled().expect("resources");
    let batch = claimmap::input::read_paths(&[path.into()]);
    let t = Instant::now();
    let corpus = claimmap::pipeline::extract(&res, batch.documents).corpus;
    eprintln!("extracted in {:.1} s", t.elapsed().as_secs_f64());
    if let Some(at) = args.iter().position(|a| a == "--pairs") {
        let out = args.get(at + 1).expect("an output file");
        let exhaustive = args.iter().any(|a| a == "--exhaustive");
        write_pairs(&corpus, out, exhaustive);
        return;
    }
    if let Some(at) = args.iter().position(|a| a == "--score") {
        score(&corpus, &args[at + 1], &args[at + 2], &args[at + 3]);
        return;
    }
    if let Ok(n) = std::env::var("STORIES_PROFILE") {
        // only the story pass, n times: for a profiler
        for _ in 0..n.parse().unwrap_or(20) {
            std::hint::black_box(stories::stories(&corpus));
        }
        return;
    }
    let copies: usize = args
        .get(1)
        .map_or(1, |n| n.parse().expect("a number of copies"));
    report(&corpus);
    if copies > 1 {
        let mut parts = Vec::new();
        for c in 0..copies {
            for mut d in corpus.split_documents() {
                let mut parts_of = d.clone().into_parts();
                for doc in &mut parts_of.documents {
                    doc.key = format!("{}#{c}", doc.key);
                }
                d = Corpus::from_parts(parts_of);
                parts.push(d);
            }
        }
        let mut big = Corpus::default();
        big.append_all(parts);
        analyse(&mut big, &Judgements::default());
        println!();
        println!("{copies} copies:");
        time(&big);
    }
}

/// CPU seconds this thread has used (Linux: `/proc/thread-self/stat`, in clock ticks of
/// 10 ms), steadier than wall time on a shared machine; `None` elsewhere.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // the fields after the command name, which is in parentheses
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn time(corpus: &Corpus) {
    let runs = 5;
    let mut best = f64::MAX;
    let mut found = stories::stories(corpus);
    let cpu = cpu_seconds();
    for _ in 0..runs {
        let t = Instant::now();
        found = stories::stories(corpus);
        best = best.min(t.elapsed().as_secs_f64());
    }
    let cpu = cpu.zip(cpu_seconds()).map(|(a, b)| (b - a) / runs as f64);
    let multi = found.stories.iter().filter(|s| s.claims.len() > 1).count();
    println!(
        "{} documents, {} claims -> {} stories ({} with more than one claim): {:.0} ms wall (best of {runs}), {} CPU (mean)",
        corpus.documents().len(),
        corpus.claims().len(),
        found.stories.len(),
        multi,
        best * 1e3,
        cpu.map_or("?".to_string(), |c| format!("{:.0} ms", c * 1e3)),
    );
}

fn report(corpus: &Corpus) {
    time(corpus);
    let stories = corpus.stories();
    let contested = stories.iter().filter(|s| s.is_contested).count();
    let disputed = stories.iter().filter(|s| !s.disputed_by.is_empty()).count();
    let conflicts: usize = corpus
        .claims()
        .iter()
        .map(|c| corpus.conflicts_of(c.id).len())
        .sum::<usize>()
        / 2;
    let figures: usize = corpus
        .claims()
        .iter()
        .map(|c| corpus.figures_of(c.id).len())
        .sum();
    let reprints = corpus
        .documents()
        .iter()
        .filter(|d| corpus.reprint_of(d.id).is_some())
        .count();
    let mut sizes: Vec<usize> = stories.iter().map(|s| s.claims.len()).collect();
    sizes.sort_unstable();
    let multi = sizes.iter().filter(|&&s| s > 1).count();
    let in_multi: usize = sizes.iter().filter(|&&s| s > 1).sum();
    println!(
        "{multi} stories of 2+ claims hold {in_multi} claims; {contested} contested, {disputed} disputed by another; \
         {conflicts} conflicting pairs; {figures} figures; {reprints} reprinted documents"
    );
    let mut by_size: Vec<&claimmap::model::Story> = stories.iter().collect();
    by_size.sort_by_key(|s| std::cmp::Reverse((s.claims.len(), s.origins)));
    for s in by_size.iter().take(10) {
        let lead = corpus.claim(s.lead);
        let text = &corpus.document(lead.doc).text;
        println!();
        println!(
            "{} claims, {} documents, {} sources, {} origins, {} .. {}{}",
            s.claims.len(),
            s.documents.len(),
            s.sources,
            s.origins,
            s.first.map(|d| d.to_string()).unwrap_or_default(),
            s.last.map(|d| d.to_string()).unwrap_or_default(),
            if s.is_contested { ", contested" } else { "" }
        );
        for &d in &s.disputed_by {
            let lead = corpus.claim(corpus.story(d).lead);
            println!(
                "  disputed by: {}: {}",
                corpus.source_name(lead),
                one_line(lead.content.slice(&corpus.document(lead.doc).text), 120)
            );
        }
        for &c in s.claims.iter().take(6) {
            let claim = corpus.claim(c);
            let t = &corpus.document(claim.doc).text;
            println!(
                "  [{}] {}: {}",
                corpus.document(claim.doc).key,
                corpus.source_name(claim),
                one_line(claim.content.slice(t), 160)
            );
        }
        let _ = text;
    }
}

fn one_line(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.chars().take(max).collect()
}

fn write_pairs(corpus: &Corpus, out: &str, exhaustive: bool) {
    let t = Instant::now();
    let pairs = stories::similar_pairs(corpus, 0.2, exhaustive);
    eprintln!(
        "{} pairs in {:.1} s",
        pairs.len(),
        t.elapsed().as_secs_f64()
    );
    let mut w = std::io::BufWriter::new(std::fs::File::create(out).expect("output"));
    for p in pairs {
        let (a, b) = (corpus.claim(p.first), corpus.claim(p.second));
        let (da, db) = (corpus.document(a.doc), corpus.document(b.doc));
        writeln!(
            w,
            "{}\t{}\t{:.3}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            p.first.0,
            p.second.0,
            p.similarity,
            p.is_opposed,
            da.key,
            db.key,
            one_line(corpus.source_name(a), 60),
            one_line(corpus.source_name(b), 60),
            one_line(a.content.slice(&da.text), 400),
            one_line(b.content.slice(&db.text), 400),
            a.doc == b.doc
        )
        .expect("write");
    }
}

/// Weighted precision and recall of the current similarity on hand-labelled pairs.
fn score(corpus: &Corpus, sample: &str, labels: &str, all_pairs: &str) {
    let read = |p: &str| std::fs::read_to_string(p).expect("readable");
    let band = |s: f32| ((s * 10.0) as usize).min(9);
    // how many pairs each band of the sampled file had, and how many were sampled
    let mut in_band = [0usize; 10];
    for line in read(all_pairs).lines() {
        let sim: f32 = line
            .split('\t')
            .nth(2)
            .and_then(|s| s.parse().ok())
            .expect("sim");
        in_band[band(sim)] += 1;
    }
    let labels: std::collections::HashMap<String, bool> = read(labels)
        .lines()
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?.to_string(), f.next()? == "Y"))
        })
        .collect();
    let mut rows: Vec<(u32, u32, f32, bool)> = Vec::new();
    let mut sampled = [0usize; 10];
    for line in read(sample).lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let old: f32 = f[3].parse().expect("sim");
        sampled[band(old)] += 1;
        if let Some(&is_same) = labels.get(f[0]) {
            rows.push((
                f[1].parse().expect("id"),
                f[2].parse().expect("id"),
                old,
                is_same,
            ));
        }
    }
    let pairs = stories::similar_pairs(corpus, 0.0, false);
    let sims: std::collections::HashMap<(u32, u32), (f32, bool)> = pairs
        .iter()
        .map(|p| ((p.first.0, p.second.0), (p.similarity, p.is_opposed)))
        .collect();
    let scored: Vec<(f32, bool, f64)> = rows
        .iter()
        .map(|&(a, b, old, is_same)| {
            let (sim, opposed) = sims.get(&(a, b)).copied().unwrap_or((0.0, false));
            let weight = in_band[band(old)] as f64 / sampled[band(old)].max(1) as f64;
            (if opposed { 0.0 } else { sim }, is_same, weight)
        })
        .collect();
    let positives: f64 = scored.iter().filter(|s| s.1).map(|s| s.2).sum();
    println!("clustering: threshold  precision  recall  (weighted; unweighted p / r)");
    for t in [0.35f32, 0.4, 0.45, 0.5, 0.55, 0.6] {
        let found = stories::stories_at(corpus, t);
        let (mut tp, mut fp, mut utp, mut ufp) = (0.0, 0.0, 0, 0);
        for (&(a, b, old, is_same), _) in rows.iter().zip(&scored) {
            let weight = in_band[band(old)] as f64 / sampled[band(old)].max(1) as f64;
            let joined = found.claim_story[a as usize] == found.claim_story[b as usize];
            if std::env::var("SHOW").is_ok() && t == 0.45 && joined != is_same {
                let (ca, cb) = (
                    corpus.claim(claimmap::model::ClaimId(a)),
                    corpus.claim(claimmap::model::ClaimId(b)),
                );
                let ta = ca.content.slice(&corpus.document(ca.doc).text);
                let tb = cb.content.slice(&corpus.document(cb.doc).text);
                let sim = sims.get(&(a, b)).map_or(0.0, |s| s.0);
                println!(
                    "{} {sim:.2}\n   A {}\n   B {}",
                    if joined { "FP" } else { "FN" },
                    one_line(ta, 200),
                    one_line(tb, 200)
                );
            }
            if joined {
                if is_same {
                    tp += weight;
                    utp += 1;
                } else {
                    fp += weight;
                    ufp += 1;
                }
            }
        }
        let all_same = scored.iter().filter(|s| s.1).count();
        println!(
            "            {t:.2}       {:.3}      {:.3}   {:.3} / {:.3}",
            tp / (tp + fp).max(1e-9),
            tp / positives.max(1e-9),
            utp as f64 / (utp + ufp).max(1) as f64,
            utp as f64 / all_same.max(1) as f64
        );
    }
    println!(
        "{} labelled pairs, {} same",
        scored.len(),
        scored.iter().filter(|s| s.1).count()
    );
    println!("threshold  precision  recall  f1   (weighted; unweighted p / r)");
    for t in [
        0.3f32, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9,
    ] {
        let (mut tp, mut fp, mut utp, mut ufp) = (0.0, 0.0, 0, 0);
        for &(sim, is_same, w) in &scored {
            if sim >= t {
                if is_same {
                    tp += w;
                    utp += 1;
                } else {
                    fp += w;
                    ufp += 1;
                }
            }
        }
        let p = tp / (tp + fp).max(1e-9);
        let r = tp / positives.max(1e-9);
        let all_same = scored.iter().filter(|s| s.1).count();
        println!(
            "{t:.2}       {p:.3}      {r:.3}   {:.3}   {:.3} / {:.3}",
            2.0 * p * r / (p + r).max(1e-9),
            utp as f64 / (utp + ufp).max(1) as f64,
            utp as f64 / all_same.max(1) as f64
        );
    }
}
