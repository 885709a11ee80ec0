//! The bar at the top (open, add, paste, export, and the worker's progress) and the status
//! bar at the bottom, where every error and warning is reported without closing anything.

use egui::{Button, ProgressBar, RichText, Ui};

use super::theme;
use crate::app::{Action, AppState, StatusLevel};

/// The top bar.
pub fn toolbar_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.heading("claimmap");
        ui.separator();
        let idle = !state.is_busy();
        let shortcut = |s: &str| RichText::new(s).weak();
        if ui
            .add_enabled(idle, Button::new("Open…").shortcut_text(shortcut("Ctrl+O")))
            .on_hover_text("Open articles or a folder of them, in place of these")
            .clicked()
        {
            actions.push(Action::ChooseFiles { add: false });
        }
        if ui
            .add_enabled(idle, Button::new("Add…"))
            .on_hover_text("Add articles to these (you can also drop files on the window)")
            .clicked()
        {
            actions.push(Action::ChooseFiles { add: true });
        }
        if ui
            .add_enabled(idle, Button::new("Paste text"))
            .on_hover_text("Add an article from the clipboard as a new document")
            .clicked()
        {
            actions.push(Action::ShowPasteDialog);
        }
        if ui
            .add_enabled(
                !state.corpus().claims().is_empty(),
                Button::new("Export…").shortcut_text(shortcut("Ctrl+E")),
            )
            .on_hover_text("Write the claims as CSV, JSON, JSONL, Markdown or GeoJSON")
            .clicked()
        {
            actions.push(Action::ShowExportDialog);
        }
        if let Some(p) = &state.progress {
            ui.separator();
            let fraction = if p.total == 0 {
                0.0
            } else {
                p.done as f32 / p.total as f32
            };
            let text = if p.total == 0 {
                p.label.clone()
            } else {
                format!("{} {:.0}%", p.label, fraction * 100.0)
            };
            ui.add(
                ProgressBar::new(fraction)
                    .desired_width(theme::PROGRESS_WIDTH)
                    .text(text)
                    .animate(true),
            );
        }
    });
}

/// The status bar.
pub fn status_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let Some(status) = &state.status else {
            ui.weak("Click a marker, a claim or a place in the text; Esc clears the selection.");
            return;
        };
        let color = match status.level {
            StatusLevel::Info => theme::STATUS_INFO,
            StatusLevel::Warning => theme::STATUS_WARNING,
            StatusLevel::Error => theme::STATUS_ERROR,
        };
        if ui.small_button("×").on_hover_text("Dismiss").clicked() {
            actions.push(Action::DismissStatus);
        }
        let r = ui.add(egui::Label::new(RichText::new(&status.message).color(color)).truncate());
        if status.details.len() > 1 {
            r.on_hover_ui(|ui| {
                for d in status.details.iter().take(40) {
                    ui.label(d);
                }
                if status.details.len() > 40 {
                    ui.weak(format!("… and {} more", status.details.len() - 40));
                }
            });
        }
    });
}
