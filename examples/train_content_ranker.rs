//! Trains the content ranker (`src/claims/ranker.rs`) on the PolNeAR train split and writes
//! `assets/claims/content_ranker.bin`. For every cue the tagger and the lexicon find, the
//! gold says which reading is right: the one closest to the content of the gold claim whose
//! cue it overlaps, or "no claim" when no gold cue is there.
//!
//! ```sh
//! cargo run --release --no-default-features --example train_content_ranker -- \
//!     ../shared/eval/train/polnear-train.jsonl [../shared/eval/dev/polnear-dev.jsonl]
//! ```

use std::io::BufRead;

use claimmap::claims::model::{CueModel, shuffle};
use claimmap::claims::ranker::{RankTrainer, Ranker};
use claimmap::claims::{CueLexicon, cue_sites};
use claimmap::model::Span;
use claimmap::text::{CodePoints, Token, split_sentences, tokenize};

const EPOCHS: usize = 10;
/// The shuffling seeds of the runs whose mean is shipped.
const SEEDS: &[u64] = &[
    0x2545_f491_4f6c_dd1d,
    0x9e37_79b9_7f4a_7c15,
    0xd1b5_4a32_d192_ed03,
];
const BITS: u32 = 18;

struct Example {
    readings: Vec<Vec<u64>>,
    gold: usize,
}

fn f1(a: Span, b: Span) -> f64 {
    let o = a.end.min(b.end).saturating_sub(a.start.max(b.start)) as f64;
    if o == 0.0 {
        return 0.0;
    }
    2.0 * o / (a.len() + b.len()) as f64
}

fn examples(path: &str, cues: &CueLexicon, model: &CueModel) -> (Vec<Example>, usize) {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("cannot open {path}: {e}"));
    let mut out = Vec::new();
    let mut unreachable = 0;
    for line in std::io::BufReader::new(file).lines() {
        let doc: serde_json::Value = serde_json::from_str(&line.expect("line")).expect("JSON");
        let text = doc["text"].as_str().expect("text");
        let cp = CodePoints::new(text);
        let span = |v: &serde_json::Value| -> Option<Span> {
            Some(Span {
                start: cp.to_byte(v.get("start")?.as_u64()? as u32),
                end: cp.to_byte(v.get("end")?.as_u64()? as u32),
            })
        };
        let gold: Vec<(Span, Span)> = doc["claims"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|c| Some((span(c.get("cue")?)?, span(&c["content"])?)))
                    .collect()
            })
            .unwrap_or_default();
        let mut tokens: Vec<Token> = Vec::new();
        tokenize(text, &mut tokens);
        let sentences = split_sentences(text, &tokens);
        for site in cue_sites(text, &tokens, &sentences, cues, Some(model)) {
            let contents: Vec<Span> = gold
                .iter()
                .filter(|(c, _)| c.overlaps(site.cue))
                .map(|g| g.1)
                .collect();
            let label = if contents.is_empty() {
                Some(0)
            } else {
                let best = site
                    .readings
                    .iter()
                    .enumerate()
                    .filter_map(|(i, r)| {
                        let c = r.content?;
                        let score = contents.iter().map(|&g| f1(c, g)).fold(0.0, f64::max);
                        Some((i, score))
                    })
                    .max_by(|a, b| a.1.total_cmp(&b.1));
                match best {
                    Some((i, score)) if score >= 0.5 => Some(i),
                    _ => None,
                }
            };
            match label {
                Some(gold) => out.push(Example {
                    readings: site.readings.into_iter().map(|r| r.features).collect(),
                    gold,
                }),
                None => unreachable += 1,
            }
        }
    }
    (out, unreachable)
}

fn accuracy(r: &Ranker, data: &[Example]) -> f64 {
    data.iter()
        .filter(|e| r.best(e.readings.iter().map(Vec::as_slice)) == e.gold)
        .count() as f64
        / data.len().max(1) as f64
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(train_path) = args.first() else {
        eprintln!("usage: train_content_ranker TRAIN.jsonl [DEV.jsonl]");
        std::process::exit(2);
    };
    let cues = CueLexicon::bundled().expect("cue lexicon");
    let model = CueModel::bundled().expect("cue model");
    let (mut train, skipped) = examples(train_path, &cues, &model);
    eprintln!(
        "{} cue sites to learn from ({skipped} with no reading close to the gold)",
        train.len()
    );
    let dev = args.get(1).map(|p| examples(p, &cues, &model).0);
    // several perceptrons, each trained in its own order, then their mean
    let mut rankers = Vec::new();
    for (run, &start) in SEEDS.iter().enumerate() {
        let mut trainer = RankTrainer::new(BITS);
        let mut seed = start;
        for epoch in 0..EPOCHS {
            shuffle(&mut train, &mut seed);
            let right = train
                .iter()
                .filter(|e| trainer.learn(&e.readings, e.gold))
                .count();
            eprint!(
                "run {} epoch {}: train {:.3}",
                run + 1,
                epoch + 1,
                right as f64 / train.len() as f64
            );
            if let Some(dev) = &dev {
                eprint!(
                    " | dev (not averaged) {:.3}",
                    accuracy(trainer.ranker(), dev)
                );
            }
            eprintln!();
        }
        rankers.push(trainer.finish());
    }
    let ranker = Ranker::mean(&rankers).expect("at least one run");
    if let Some(dev) = &dev {
        eprintln!(
            "averaged, dev reading accuracy {:.3}",
            accuracy(&ranker, dev)
        );
    }
    let out =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/claims/content_ranker.bin");
    std::fs::write(&out, ranker.to_bytes()).expect("ranker written");
    eprintln!("wrote {}", out.display());
}
