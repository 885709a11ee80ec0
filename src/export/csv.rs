//! CSV: one row per claim, RFC 4180 through the `csv` crate (quotes doubled, fields with
//! commas, quotes or line breaks quoted), so LibreOffice and Excel open it cleanly.

use std::io::Write;

use super::record::{Offsets, claim_record};
use super::{ExportError, ExportSet, Exporter};
use crate::model::Corpus;

pub struct Csv;

/// The header row, in column order.
pub const HEADER: &[&str] = &[
    "claim_id",
    "document",
    "source_as_written",
    "source",
    "source_kind",
    "source_affiliation",
    "cue",
    "channel",
    "content",
    "content_start",
    "content_end",
    "sentence",
    "hedged",
    "confidence",
    "review",
    "places",
    "coordinates",
    "entity",
    "entity_name",
    "document_date",
    "date",
    "date_precision",
    "date_words",
    "story",
    "story_sources",
    "story_origins",
    "figures",
    "conflicts",
];

/// Items of a list cell, "; " between them.
fn join<T: AsRef<str>>(items: impl Iterator<Item = T>) -> String {
    items
        .map(|i| i.as_ref().to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

impl Exporter for Csv {
    fn name(&self) -> &'static str {
        "CSV"
    }
    fn extension(&self) -> &'static str {
        "csv"
    }

    fn write(
        &self,
        corpus: &Corpus,
        set: &ExportSet,
        out: &mut dyn Write,
    ) -> Result<(), ExportError> {
        let mut w = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .from_writer(out);
        let enc = |e: ::csv::Error| ExportError::Encode(e.to_string());
        w.write_record(HEADER).map_err(enc)?;
        let mut offsets = Offsets::default();
        for &id in &set.claims {
            let r = claim_record(corpus, corpus.claim(id), &mut offsets);
            let places = r
                .places
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join("; ");
            let coords = r
                .places
                .iter()
                .map(|p| match (p.lat, p.lon) {
                    (Some(lat), Some(lon)) => format!("{lat:.5} {lon:.5}"),
                    _ => "not on the map".to_string(),
                })
                .collect::<Vec<_>>()
                .join("; ");
            w.write_record([
                r.id.to_string(),
                r.document,
                r.source_as_written.unwrap_or_default(),
                r.source.unwrap_or_default(),
                r.source_kind.unwrap_or_default(),
                r.source_affiliation.unwrap_or_default(),
                r.cue.unwrap_or_default(),
                r.channel.unwrap_or_default(),
                r.content,
                r.content_start.to_string(),
                r.content_end.to_string(),
                r.sentence,
                r.hedged.to_string(),
                format!("{:.2}", r.confidence),
                r.review,
                places,
                coords,
                r.entity.unwrap_or_default(),
                r.entity_name.unwrap_or_default(),
                r.document_date.map(|d| d.to_string()).unwrap_or_default(),
                r.date.unwrap_or_default(),
                r.date_precision
                    .map(|p| p.label().to_string())
                    .unwrap_or_default(),
                r.date_words.unwrap_or_default(),
                r.story.unwrap_or_default(),
                r.story_sources.map(|n| n.to_string()).unwrap_or_default(),
                r.story_origins.map(|n| n.to_string()).unwrap_or_default(),
                join(r.figures.iter().map(|f| f.text.as_str())),
                join(r.conflicts.iter().map(u32::to_string)),
            ])
            .map_err(enc)?;
        }
        w.flush()?;
        Ok(())
    }
}
