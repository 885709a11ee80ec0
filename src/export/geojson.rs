//! GeoJSON: a FeatureCollection of the places as Points (longitude first, as RFC 7946 says),
//! each with its name, kind, country, claim count and claims (source and content), ready for
//! QGIS. Places that could not be placed are left out: GeoJSON has no "not on the map".

use std::io::Write;

use serde_json::{Value, json};

use super::{ExportError, ExportSet, Exporter};
use crate::model::Corpus;

pub struct GeoJson;

impl Exporter for GeoJson {
    fn name(&self) -> &'static str {
        "GeoJSON (places)"
    }
    fn extension(&self) -> &'static str {
        "geojson"
    }

    fn write(
        &self,
        corpus: &Corpus,
        set: &ExportSet,
        out: &mut dyn Write,
    ) -> Result<(), ExportError> {
        let mut in_set = set.claims.clone();
        in_set.sort_unstable();
        let features: Vec<Value> = set
            .places
            .iter()
            .filter_map(|&id| {
                let p = corpus.place(id);
                let point = p.point?;
                let claims: Vec<Value> = corpus
                    .claims_about(id)
                    .iter()
                    .filter(|c| in_set.binary_search(c).is_ok())
                    .map(|&c| {
                        let claim = corpus.claim(c);
                        let text = &corpus.document(claim.doc).text;
                        json!({
                            "id": c.0,
                            "document": corpus.document(claim.doc).key,
                            "source": claim.source.map(|s| corpus.source(s).name.clone()),
                            "source_kind": claim.source.map(|s| corpus.source(s).kind.label()),
                            "content": claim.content.slice(text),
                            "review": claim.review.label(),
                        })
                    })
                    .collect();
                Some(json!({
                    "type": "Feature",
                    "id": id.0,
                    "geometry": {"type": "Point", "coordinates": [point.lon, point.lat]},
                    "properties": {
                        "name": p.name,
                        "kind": p.kind.label(),
                        "country": p.country,
                        "geonameid": p.geonameid,
                        "mentions": p.mentions.len(),
                        "review": super::place_review(p.mentions.iter().map(|&m| corpus.mention(m))).label(),
                        "claim_count": claims.len(),
                        "claims": claims,
                    }
                }))
            })
            .collect();
        let fc = json!({"type": "FeatureCollection", "features": features});
        serde_json::to_writer_pretty(&mut *out, &fc)
            .map_err(|e| ExportError::Encode(e.to_string()))?;
        out.write_all(b"\n")?;
        Ok(())
    }
}
