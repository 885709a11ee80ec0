//! Writes every claim of an evaluation file with its pattern's confidence, for error analysis:
//! `cargo run --example claims_jsonl -- GOLD.jsonl > out.jsonl`.
use std::io::BufRead;
fn main() {
    let path = std::env::args().nth(1).expect("a JSONL file");
    let res = claimmap::pipeline::Resources::bundled().expect("resources");
    for line in std::io::BufReader::new(std::fs::File::open(path).expect("open")).lines() {
        let v: serde_json::Value = serde_json::from_str(&line.expect("line")).expect("json");
        let text = v["text"].as_str().expect("text");
        let cp = claimmap::text::CodePoints::new(text);
        let a = claimmap::pipeline::analyse(&res, text);
        let sp = |s: claimmap::model::Span| serde_json::json!({"start": cp.to_char(s.start), "end": cp.to_char(s.end)});
        let claims: Vec<serde_json::Value> = a
            .claims
            .iter()
            .map(|c| serde_json::json!({"source": c.source.map(sp), "cue": c.cue.map(sp), "content": sp(c.content), "confidence": c.confidence}))
            .collect();
        println!("{}", serde_json::json!({"id": v["id"], "claims": claims}));
    }
}
