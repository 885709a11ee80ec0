//! Trains the cue tagger (`src/claims/model.rs`) on the PolNeAR train split and writes
//! `assets/claims/cue_model.bin`. Optionally reports token-level cue F1 on a dev file. An
//! analyst's review (`claimmap workspace gold W.claimmap -o REVIEWED.jsonl`, the same format)
//! trains beside PolNeAR with `--also`, as many times as there are files.
//!
//! ```sh
//! cargo run --release --no-default-features --example train_cue_model -- \
//!     ../shared/eval/train/polnear-train.jsonl [../shared/eval/dev/polnear-dev.jsonl] \
//!     [--also REVIEWED.jsonl]...
//! ```

use std::io::BufRead;

use claimmap::claims::model::{B, CueModel, I, O, Trainer, features, shuffle, token_infos};
use claimmap::claims::{CueLexicon, quoted_tokens_of};
use claimmap::text::{CodePoints, Token, split_sentences, tokenize};

const EPOCHS: usize = 12;
const BITS: u32 = 18;

/// One sentence: its features per token and its gold tags.
struct Example {
    feats: Vec<Vec<u64>>,
    gold: Vec<usize>,
}

fn examples(path: &str, lexicon: &CueLexicon) -> Vec<Example> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("cannot open {path}: {e}"));
    let mut out = Vec::new();
    for line in std::io::BufReader::new(file).lines() {
        let line = line.expect("readable line");
        let doc: serde_json::Value = serde_json::from_str(&line).expect("a JSON line");
        let text = doc["text"].as_str().expect("text");
        let cp = CodePoints::new(text);
        let mut cues: Vec<(u32, u32)> = doc["claims"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|c| {
                        let cue = c.get("cue")?;
                        let s = cue.get("start")?.as_u64()? as u32;
                        let e = cue.get("end")?.as_u64()? as u32;
                        Some((cp.to_byte(s), cp.to_byte(e)))
                    })
                    .collect()
            })
            .unwrap_or_default();
        cues.sort_unstable();
        cues.dedup();
        let mut tokens: Vec<Token> = Vec::new();
        tokenize(text, &mut tokens);
        let sentences = split_sentences(text, &tokens);
        let lower_owned: Vec<String> = tokens
            .iter()
            .map(|t| {
                if t.is_word() {
                    t.text(text).to_lowercase()
                } else {
                    String::new()
                }
            })
            .collect();
        let lower: Vec<&str> = lower_owned.iter().map(String::as_str).collect();
        let raw: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        let in_quote = quoted_tokens_of(&tokens);
        let mut tags = vec![O; tokens.len()];
        for &(a, b) in &cues {
            let mut first = true;
            for (i, t) in tokens.iter().enumerate() {
                if t.span.start < b && a < t.span.end {
                    tags[i] = if first { B } else { I };
                    first = false;
                }
            }
        }
        let infos = token_infos(&tokens, &lower, &raw, &in_quote, lexicon);
        for s in sentences {
            let r = s.tokens.clone();
            let mut feats = Vec::with_capacity(r.len());
            let mut buf = Vec::new();
            for i in 0..r.len() {
                features(&infos[r.clone()], i, &mut buf);
                feats.push(buf.clone());
            }
            let mut gold: Vec<usize> = tags[r].to_vec();
            // a sentence may not open with I
            if gold.first() == Some(&I) {
                gold[0] = B;
            }
            for i in 1..gold.len() {
                if gold[i] == I && gold[i - 1] == O {
                    gold[i] = B;
                }
            }
            out.push(Example { feats, gold });
        }
    }
    out
}

/// The cue spans (token ranges) of a tag sequence.
fn spans(tags: &[usize]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        if tags[i] == B {
            let mut j = i + 1;
            while j < tags.len() && tags[j] == I {
                j += 1;
            }
            out.push((i, j));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Cue-level precision, recall, F1: a predicted cue counts when it overlaps a gold cue.
fn score(model: &CueModel, data: &[Example]) -> (f64, f64, f64) {
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for ex in data {
        let guess = spans(&model.decode(&ex.feats));
        let gold = spans(&ex.gold);
        let hit = |a: &(usize, usize), b: &(usize, usize)| a.0 < b.1 && b.0 < a.1;
        tp += gold
            .iter()
            .filter(|g| guess.iter().any(|p| hit(g, p)))
            .count();
        fn_ += gold
            .iter()
            .filter(|g| !guess.iter().any(|p| hit(g, p)))
            .count();
        fp += guess
            .iter()
            .filter(|p| !gold.iter().any(|g| hit(g, p)))
            .count();
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    (p, r, 2.0 * p * r / (p + r).max(1e-9))
}

fn main() {
    let mut args: Vec<String> = Vec::new();
    let mut also: Vec<String> = Vec::new();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        if a == "--also" {
            let Some(path) = it.next() else {
                eprintln!("--also needs a file");
                std::process::exit(2);
            };
            also.push(path);
        } else {
            args.push(a);
        }
    }
    let Some(train_path) = args.first() else {
        eprintln!("usage: train_cue_model TRAIN.jsonl [DEV.jsonl] [--also REVIEWED.jsonl]...");
        std::process::exit(2);
    };
    let lexicon = CueLexicon::bundled().expect("cue lexicon");
    let mut train = examples(train_path, &lexicon);
    for path in &also {
        let more = examples(path, &lexicon);
        eprintln!("{} sentences from {path}", more.len());
        train.extend(more);
    }
    let dev = args.get(1).map(|p| examples(p, &lexicon));
    eprintln!("{} training sentences", train.len());
    let mut trainer = Trainer::new(BITS);
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for epoch in 0..EPOCHS {
        // a fixed shuffle per epoch: the same data gives the same model
        shuffle(&mut train, &mut seed);
        let right = train
            .iter()
            .filter(|ex| trainer.learn(&ex.feats, &ex.gold))
            .count();
        eprint!(
            "epoch {}: {:.3} of sentences right",
            epoch + 1,
            right as f64 / train.len() as f64
        );
        if let Some(dev) = &dev {
            let (p, r, f) = score(&trainer.snapshot(), dev);
            eprint!(" | dev (not averaged) P {p:.3} R {r:.3} F1 {f:.3}");
        }
        eprintln!();
    }
    let bytes = trainer.finish();
    let mut model = CueModel::from_bytes(&bytes).expect("a model just packed reads back");
    model.outside_penalty = 0.0; // as it was trained
    if let Some(dev) = &dev {
        let (p, r, f) = score(&model, dev);
        eprintln!("averaged model, dev cue tokens: P {p:.3} R {r:.3} F1 {f:.3}");
    }
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/claims/cue_model.bin");
    std::fs::write(&out, &bytes).expect("model written");
    eprintln!("wrote {}", out.display());
}
