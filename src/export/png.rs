//! PNG: the SVG map rendered with resvg (pure Rust, no system library), its text in the
//! Ubuntu font compiled into claimmap, so that the picture is the same on every machine.

use std::io::Write;
use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::picture::{self, Purpose};
use super::{ExportError, ExportSet, Exporter};
use crate::geo::Basemap;
use crate::model::Corpus;

static FONT: &[u8] = include_bytes!("../../assets/fonts/Ubuntu-Light.ttf");

pub struct Png;

/// The font database with the bundled font only, which every family resolves to.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    Arc::clone(FONTS.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(FONT.to_vec());
        let family = db
            .faces()
            .next()
            .and_then(|f| f.families.first())
            .map(|(name, _)| name.clone());
        if let Some(family) = family {
            db.set_sans_serif_family(family.clone());
            db.set_serif_family(family.clone());
            db.set_monospace_family(family);
        }
        Arc::new(db)
    }))
}

/// Renders an SVG document to PNG bytes at its own size.
pub fn render(svg: &str) -> Result<Vec<u8>, ExportError> {
    let fontdb = fonts();
    let family = fontdb
        .faces()
        .next()
        .and_then(|f| f.families.first())
        .map_or_else(|| "sans-serif".to_string(), |(n, _)| n.clone());
    let options = usvg::Options {
        fontdb,
        font_family: family,
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options)
        .map_err(|e| ExportError::Encode(format!("the map picture is not valid SVG: {e}")))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or_else(|| {
        ExportError::Encode(format!(
            "the picture is too large to draw ({} by {} pixels)",
            size.width(),
            size.height()
        ))
    })?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|e| ExportError::Encode(format!("cannot encode the PNG: {e}")))
}

impl Exporter for Png {
    fn name(&self) -> &'static str {
        "PNG map"
    }
    fn extension(&self) -> &'static str {
        "png"
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
        out.write_all(&render(&picture.svg)?)?;
        Ok(())
    }
}
