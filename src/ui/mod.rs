//! Panels of the desktop app (feature `gui`).

use crate::model::Corpus;

/// Every claim, one row each.
pub fn claims_list(ui: &mut egui::Ui, corpus: &Corpus) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        for c in corpus.claims() {
            let text = &corpus.document(c.doc).text;
            ui.label(format!(
                "{}: {}",
                corpus.source_name(c),
                c.content.slice(text)
            ));
        }
    });
}
