//! JSON Lines: one claim record per line, for pipelines that stream.

use std::io::Write;

use super::record::{Offsets, claim_record};
use super::{ExportError, ExportSet, Exporter};
use crate::model::Corpus;

pub struct Jsonl;

impl Exporter for Jsonl {
    fn name(&self) -> &'static str {
        "JSON Lines"
    }
    fn extension(&self) -> &'static str {
        "jsonl"
    }

    fn write(
        &self,
        corpus: &Corpus,
        set: &ExportSet,
        out: &mut dyn Write,
    ) -> Result<(), ExportError> {
        let mut offsets = Offsets::default();
        for &id in &set.claims {
            let r = claim_record(corpus, corpus.claim(id), &mut offsets);
            serde_json::to_writer(&mut *out, &r).map_err(|e| ExportError::Encode(e.to_string()))?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }
}
