//! The desktop app (feature `gui`). First cut: the sample article's claims in a list; the
//! map, article and export panels come with the GUI issue.

use std::path::PathBuf;

use crate::model::Document;
use crate::pipeline::{self, Resources};

/// Opens the window on the given files, or on the bundled sample when there are none.
pub fn run(paths: Vec<PathBuf>) -> anyhow::Result<()> {
    let res = Resources::bundled()?;
    let docs = if paths.is_empty() {
        vec![Document::new(crate::SAMPLE_NAME, crate::SAMPLE_ARTICLE)]
    } else {
        crate::input::read_paths(&paths).documents
    };
    let corpus = pipeline::extract(&res, docs).corpus;
    let options = eframe::NativeOptions::default();
    eframe::run_native(
        "claimmap",
        options,
        Box::new(move |_cc| Ok(Box::new(ClaimmapApp { corpus }))),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}

struct ClaimmapApp {
    corpus: crate::model::Corpus,
}

impl eframe::App for ClaimmapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        crate::ui::claims_list(ui, &self.corpus);
    }
}
