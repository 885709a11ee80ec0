//! The bar at the top (the workspace, open, add, paste, export, undo and redo, what needs
//! attention, and the worker's progress) and the status bar at the bottom, where every error
//! and warning is reported without closing anything.

use egui::{Button, ProgressBar, RichText, Ui};

use super::theme;
use crate::app::{Action, AppState, StatusLevel, WorkspaceIntent};

/// The top bar.
pub fn toolbar_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.heading("claimmap");
        ui.separator();
        let idle = !state.is_busy();
        let shortcut = |s: &str| RichText::new(s).weak();
        ui.add_enabled_ui(idle, |ui| {
            ui.menu_button("Workspace", |ui| {
                if ui
                    .button("New workspace…")
                    .on_hover_text("Start an empty workspace file, then add articles to it")
                    .clicked()
                {
                    actions.push(Action::ChooseWorkspace(WorkspaceIntent::New));
                    ui.close();
                }
                if ui
                    .button("Open workspace…")
                    .on_hover_text("Open a .claimmap file: its articles and its review")
                    .clicked()
                {
                    actions.push(Action::ChooseWorkspace(WorkspaceIntent::Open));
                    ui.close();
                }
                if ui
                    .button("Save workspace as…")
                    .on_hover_text("Keep these articles and their review in a .claimmap file")
                    .clicked()
                {
                    actions.push(Action::ChooseWorkspace(WorkspaceIntent::SaveAs));
                    ui.close();
                }
            });
        });
        workspace_label(ui, state);
        ui.separator();
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
        ui.separator();
        if ui
            .add_enabled(
                state.review.can_undo(),
                Button::new("Undo").shortcut_text(shortcut("Ctrl+Z")),
            )
            .on_hover_text("Take back the last review operation")
            .clicked()
        {
            actions.push(Action::Undo);
        }
        if ui
            .add_enabled(
                state.review.can_redo(),
                Button::new("Redo").shortcut_text(shortcut("Ctrl+Shift+Z")),
            )
            .on_hover_text("Put back the review operation taken back")
            .clicked()
        {
            actions.push(Action::Redo);
        }
        if !state.attention.is_empty() {
            let n = state.attention.len();
            if ui
                .button(RichText::new(format!("Needs attention ({n})")).color(theme::ATTENTION))
                .on_hover_text("Review operations that no longer apply")
                .clicked()
            {
                actions.push(Action::ShowAttention(true));
            }
        }
        if let Some(p) = &state.progress {
            ui.separator();
            let fraction = if p.total == 0 {
                0.0
            } else {
                p.done as f32 / p.total as f32
            };
            let text = match (p.total, p.unit) {
                (0, _) => p.label.clone(),
                (_, "") => format!("{} {:.0}%", p.label, fraction * 100.0),
                (total, unit) => format!(
                    "{} {} of {} {unit}",
                    p.label,
                    super::thousands(p.done as u64),
                    super::thousands(total as u64)
                ),
            };
            ui.add(
                ProgressBar::new(fraction)
                    .desired_width(theme::PROGRESS_WIDTH)
                    .text(text)
                    .animate(true),
            );
            if ui
                .button("Cancel")
                .on_hover_text("Stop: the documents open stay as they were")
                .clicked()
            {
                actions.push(Action::CancelWork);
            }
        }
    });
}

/// The workspace's name, and whether changes are kept.
fn workspace_label(ui: &mut Ui, state: &AppState) {
    let review = &state.review;
    match &review.workspace {
        Some(path) => {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let r = if review.is_read_only {
                ui.label(RichText::new(format!("{name} (read-only)")).color(theme::STATUS_WARNING))
            } else {
                ui.label(RichText::new(name).strong())
            };
            r.on_hover_text(if review.is_read_only {
                format!("{}: read-only; changes stay in this window", path.display())
            } else {
                format!("{}: every change is saved at once", path.display())
            });
        }
        None => {
            ui.weak("unsaved session").on_hover_text(
                "Review changes are kept in this window only: \"Save workspace as…\" keeps them",
            );
        }
    }
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
