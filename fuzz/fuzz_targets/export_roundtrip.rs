//! Exports round-tripped on what arbitrary UTF-8 extracts to: the CSV read back with the `csv`
//! crate gives the records written; the JSON reads back into its types and writes the same
//! values; the GeoJSON and the JSONL parse, one feature per place and one line per claim.
#![no_main]

use std::sync::OnceLock;

use claimmap::export::{self, Csv, ExportSet, GeoJson, Json, JsonExport, Jsonl};
use claimmap::model::Document;
use claimmap::pipeline::{Resources, extract};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fn resources() -> &'static Resources {
    static RES: OnceLock<Resources> = OnceLock::new();
    RES.get_or_init(|| Resources::bundled().expect("the bundled resources load"))
}

fuzz_target!(|text: &str| {
    // two documents, so links across documents are exported too
    let (a, b) = text.split_at(text.floor_char_boundary(text.len() / 2));
    let docs = vec![Document::new("a, \"one\"", a), Document::new("b\nzwei", b)];
    let corpus = extract(resources(), docs).corpus;
    let set = ExportSet::all(&corpus);

    let json = export::to_string(&Json, &corpus, &set).expect("JSON writes");
    let parsed: JsonExport = serde_json::from_str(&json).expect("JSON reads back");
    let values: Value = serde_json::from_str(&json).expect("JSON parses");
    // written again as text (to_value would widen the f32 confidences to f64 digits)
    let again = serde_json::to_string(&parsed).expect("JSON writes again");
    assert_eq!(
        serde_json::from_str::<Value>(&again).expect("it parses"),
        values
    );
    assert_eq!(parsed.claims.len(), set.claims.len());

    let csv = export::to_string(&Csv, &corpus, &set).expect("CSV writes");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .map(|r| r.expect("a CSV row reads"))
        .collect();
    assert_eq!(rows.len(), parsed.claims.len());
    for (row, claim) in rows.iter().zip(&parsed.claims) {
        let r = &claim.record;
        assert_eq!(row.get(0), Some(r.id.to_string().as_str()));
        assert_eq!(row.get(1), Some(r.document.as_str()));
        assert_eq!(
            row.get(2),
            Some(r.source_as_written.as_deref().unwrap_or(""))
        );
        assert_eq!(row.get(6), Some(r.cue.as_deref().unwrap_or("")));
        assert_eq!(row.get(8), Some(r.content.as_str()));
        assert_eq!(row.get(9), Some(r.content_start.to_string().as_str()));
        assert_eq!(row.get(10), Some(r.content_end.to_string().as_str()));
        assert_eq!(row.get(11), Some(r.sentence.as_str()));
    }

    let geojson = export::to_string(&GeoJson, &corpus, &set).expect("GeoJSON writes");
    let g: Value = serde_json::from_str(&geojson).expect("GeoJSON parses");
    assert_eq!(g["type"], "FeatureCollection");
    assert!(g["features"].is_array());

    let jsonl = export::to_string(&Jsonl, &corpus, &set).expect("JSONL writes");
    for line in jsonl.lines() {
        serde_json::from_str::<Value>(line).expect("a JSONL line parses");
    }
});
