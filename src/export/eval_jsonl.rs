//! The evaluation format of `../shared/eval/README.md`: one `{id, claims, places}` line per
//! document, spans as half-open Unicode code-point ranges (Python string indices). This is the
//! one place where claimmap's byte offsets become code points.

use std::io::Write;

use serde_json::{Value, json};

use super::ExportError;
use crate::model::{Corpus, DocId, Span};
use crate::text::CodePoints;

/// The evaluation line of one document, each claim with its entity's key (`null` before
/// entities are resolved).
pub fn eval_line(corpus: &Corpus, doc: DocId) -> Value {
    let d = corpus.document(doc);
    let cp = CodePoints::new(&d.text);
    let span = |s: Span| json!({"start": cp.to_char(s.start), "end": cp.to_char(s.end)});
    let claims: Vec<Value> = corpus
        .claims_in(doc)
        .iter()
        .map(|&c| {
            let c = corpus.claim(c);
            json!({
                "source": c.source_span.map(span),
                "cue": c.cue.map(span),
                "content": span(c.content),
                "review": c.review.label(),
                "entity": corpus.entity_of(c).map(|e| e.key.as_str()),
                "date": c.date.map(|d| json!({"value": d.value(), "precision": d.precision})),
                "story": corpus.story_of(c.id).map(|s| s.key.as_str()),
            })
        })
        .collect();
    let places: Vec<Value> = corpus
        .mentions_in(doc)
        .iter()
        .map(|&m| {
            let m = corpus.mention(m);
            let p = corpus.place(m.place);
            let mut v = span(m.span);
            v["lat"] = json!(p.point.map(|x| x.lat));
            v["lon"] = json!(p.point.map(|x| x.lon));
            v["geonameid"] = json!(p.geonameid);
            v["name"] = json!(p.name);
            v["role"] = json!(m.role);
            v["review"] = json!(m.review.label());
            v
        })
        .collect();
    json!({"id": d.key, "claims": claims, "places": places})
}

/// Writes one evaluation line per document, in corpus order.
pub fn write_eval_jsonl(corpus: &Corpus, out: &mut dyn Write) -> Result<(), ExportError> {
    for d in corpus.documents() {
        serde_json::to_writer(&mut *out, &eval_line(corpus, d.id))
            .map_err(|e| ExportError::Encode(e.to_string()))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
