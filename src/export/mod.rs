//! Exports: one file per format behind one trait, and the one list [`ALL`] that the CLI and
//! the GUI both offer. Every format carries provenance: the document, the code-point offsets
//! of the content and the sentence it came from. Files are written atomically. Besides the
//! data (CSV, JSON, JSONL, GeoJSON) there are things to show: the map as a picture (SVG, PNG),
//! a one-file HTML report and a GeoPackage for QGIS; PNG and GeoPackage are binary.

mod atomic;
mod brief;
mod csv;
mod eval_jsonl;
mod geojson;
mod gpkg;
mod html;
mod json;
mod jsonl;
mod markdown;
pub mod picture;
mod png;
mod record;
mod stream;
mod svg;

use std::io::Write;

pub use self::csv::Csv;
pub use atomic::{write_atomic, write_new};
pub use brief::Brief;
pub use eval_jsonl::{eval_line, write_eval_jsonl};
pub use geojson::GeoJson;
pub use gpkg::GeoPackage;
pub use html::Html;
pub use json::{
    Json, JsonClaim, JsonDocument, JsonEntity, JsonExport, JsonPlace, JsonSource, JsonStory,
};
pub use jsonl::Jsonl;
pub use markdown::Markdown;
pub use picture::{MapFrame, MapView};
pub use png::Png;
pub use record::{ClaimRecord, FigureRecord, PlaceRef, claim_record, place_review};
pub use stream::{Pending, StreamFormat, extract_pending};
pub use svg::Svg;

use crate::model::{ClaimId, Corpus, PlaceId};

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the file exists; pass --force (or confirm) to replace it: {0}")]
    Exists(std::path::PathBuf),
    #[error("the folder does not exist; create it first: {0}")]
    NoFolder(std::path::PathBuf),
    #[error("cannot write ({source}); check the folder's permissions: {path}")]
    Io {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write the export: {0}")]
    Stream(#[from] std::io::Error),
    #[error("cannot encode the export: {0}")]
    Encode(String),
    #[error(transparent)]
    Basemap(#[from] crate::geo::BasemapError),
}

/// What to export: claims and the places to list with them, and how a map of them is framed.
#[derive(Clone, Debug, Default)]
pub struct ExportSet {
    pub claims: Vec<ClaimId>,
    pub places: Vec<PlaceId>,
    /// The map picture's width and view (SVG, PNG and the HTML report draw one).
    pub map: MapFrame,
}

impl ExportSet {
    /// Every claim and every place of the corpus, less what a person rejected.
    pub fn all(corpus: &Corpus) -> ExportSet {
        ExportSet {
            claims: corpus
                .claims()
                .iter()
                .filter(|c| !c.review.is_rejected())
                .map(|c| c.id)
                .collect(),
            places: corpus
                .places()
                .iter()
                .filter(|p| !p.mentions.is_empty() || !corpus.sources_from(p.id).is_empty())
                .map(|p| p.id)
                .collect(),
            map: MapFrame::default(),
        }
    }

    /// Every claim and every place, rejected ones included (their `review` says so).
    pub fn with_rejected(corpus: &Corpus) -> ExportSet {
        ExportSet {
            claims: corpus.claims().iter().map(|c| c.id).collect(),
            places: corpus.places().iter().map(|p| p.id).collect(),
            map: MapFrame::default(),
        }
    }

    /// These claims and the places they mention.
    pub fn claims(corpus: &Corpus, claims: Vec<ClaimId>) -> ExportSet {
        let mut places: Vec<PlaceId> = claims
            .iter()
            .flat_map(|&c| corpus.places_of(c).iter().copied())
            .collect();
        places.sort_unstable();
        places.dedup();
        ExportSet {
            claims,
            places,
            map: MapFrame::default(),
        }
    }

    /// The same set with its map drawn this wide, in pixels.
    pub fn with_width(mut self, width: u32) -> ExportSet {
        self.map.width = width;
        self
    }

    /// The same set with its map showing this view (else it fits the places).
    pub fn with_view(mut self, view: Option<MapView>) -> ExportSet {
        self.map.view = view;
        self
    }
}

/// An output format.
pub trait Exporter: Sync {
    /// The name shown to users ("CSV").
    fn name(&self) -> &'static str;
    /// The file extension, without the dot; also the CLI's `--format` value.
    fn extension(&self) -> &'static str;
    /// Whether it draws the map, so that its width and view matter.
    fn draws_map(&self) -> bool {
        false
    }
    fn write(
        &self,
        corpus: &Corpus,
        set: &ExportSet,
        out: &mut dyn Write,
    ) -> Result<(), ExportError>;
}

/// Every export format, in menu order.
pub static ALL: &[&dyn Exporter] = &[
    &Csv,
    &Json,
    &Jsonl,
    &Markdown,
    &GeoJson,
    &Html,
    &Svg,
    &Png,
    &GeoPackage,
    &Brief,
];

/// The format for a `--format` value or a file extension ("md" and "markdown" both work;
/// "brief" is the story brief).
pub fn by_name(name: &str) -> Option<&'static dyn Exporter> {
    let n = name.to_ascii_lowercase();
    let n = match n.as_str() {
        "markdown" => "md",
        "ndjson" => "jsonl",
        "htm" => "html",
        "geopackage" => "gpkg",
        "brief" => "brief.md",
        other => other,
    };
    ALL.iter().copied().find(|e| e.extension() == n)
}

/// Writes an export into a `String` (for tests and the clipboard); a binary format (PNG,
/// GeoPackage) is an encoding error.
pub fn to_string(
    exporter: &dyn Exporter,
    corpus: &Corpus,
    set: &ExportSet,
) -> Result<String, ExportError> {
    let mut buf = Vec::new();
    exporter.write(corpus, set, &mut buf)?;
    String::from_utf8(buf).map_err(|e| ExportError::Encode(e.to_string()))
}
