//! SVG: the map as a picture (see [`super::picture`]), written from the project's geometry, for
//! a story, a memo or a print.

use std::io::Write;

use super::picture::{self, Purpose};
use super::{ExportError, ExportSet, Exporter};
use crate::geo::Basemap;
use crate::model::Corpus;

pub struct Svg;

impl Exporter for Svg {
    fn name(&self) -> &'static str {
        "SVG map"
    }
    fn extension(&self) -> &'static str {
        "svg"
    }
    fn draws_map(&self) -> bool {
        true
    }

    fn write(
        &self,
        corpus: &Corpus,
        set: &ExportSet,
        out: &mut dyn Write,
    ) -> Result<(), ExportError> {
        let basemap = Basemap::bundled()?;
        let picture = picture::draw(corpus, set, &basemap, Purpose::Picture);
        out.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")?;
        out.write_all(picture.svg.as_bytes())?;
        Ok(())
    }
}
