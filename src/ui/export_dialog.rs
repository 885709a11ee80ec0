//! The export dialog: a format from `export::ALL`, a scope (every claim, the current filter,
//! the selected place), for a map picture its view (fitted to the places or as the map shows
//! it now), and a path that defaults next to the input. It never replaces a file without
//! asking, and it says where it wrote.

use egui::{Align2, Button, Context, RichText, TextEdit, Ui, Window};

use super::theme;
use crate::app::{Action, AppState, ExportScope};
use crate::export;

/// The dialog, when it is open; `map_view` is what the map panel shows now.
pub fn export_dialog_ui(
    ctx: &Context,
    state: &AppState,
    map_view: Option<export::MapView>,
    actions: &mut Vec<Action>,
) {
    let Some(dialog) = &state.export_dialog else {
        return;
    };
    let mut open = true;
    Window::new("Export claims")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(Align2::CENTER_CENTER, [0.0, 0.0])
        .min_width(560.0)
        .show(ctx, |ui| body_ui(ui, state, dialog, map_view, actions));
    if !open {
        actions.push(Action::CloseExportDialog);
    }
}

fn body_ui(
    ui: &mut Ui,
    state: &AppState,
    dialog: &crate::app::ExportDialog,
    map_view: Option<export::MapView>,
    actions: &mut Vec<Action>,
) {
    ui.label("Format");
    ui.horizontal_wrapped(|ui| {
        for (i, e) in export::ALL.iter().enumerate() {
            if ui
                .radio(dialog.format == i, e.name())
                .on_hover_text(format!(".{}", e.extension()))
                .clicked()
            {
                actions.push(Action::SetExportFormat(i));
            }
        }
    });
    ui.add_space(6.0);
    ui.label("Claims");
    ui.horizontal_wrapped(|ui| {
        for scope in ExportScope::ALL {
            let n = state.export_claims(scope).len();
            let enabled = scope != ExportScope::SelectedPlace || state.focused_place().is_some();
            let text = match (scope, state.focused_place()) {
                (ExportScope::SelectedPlace, Some(p)) => {
                    format!("About {} ({n})", state.corpus().place(p).name)
                }
                (ExportScope::SelectedPlace, None) => "Selected place (none)".to_string(),
                _ => format!("{} ({n})", scope.label()),
            };
            let r = ui.add_enabled(enabled, egui::RadioButton::new(dialog.scope == scope, text));
            if r.clicked() {
                actions.push(Action::SetExportScope(scope));
            }
        }
    });
    let rejected = state
        .corpus()
        .claims()
        .iter()
        .filter(|c| c.review.is_rejected())
        .count();
    if rejected > 0 && dialog.scope == ExportScope::All {
        let mut on = dialog.include_rejected;
        if ui
            .checkbox(
                &mut on,
                format!("Include the {rejected} rejected (their review says so)"),
            )
            .changed()
        {
            actions.push(Action::SetIncludeRejected(on));
        }
    }
    let draws_map = export::ALL
        .get(dialog.format)
        .is_some_and(|e| e.draws_map());
    if draws_map {
        let mut as_shown = dialog.view.is_some();
        let r = ui.add_enabled(
            map_view.is_some(),
            egui::Checkbox::new(
                &mut as_shown,
                "Map as it is shown now (else fit the places)",
            ),
        );
        if r.changed() {
            actions.push(Action::SetExportView(if as_shown {
                map_view
            } else {
                None
            }));
        }
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let label = ui.label("Export to");
        let mut path = dialog.path.clone();
        let r = ui
            .add(TextEdit::singleline(&mut path).desired_width(ui.available_width() - 90.0))
            .labelled_by(label.id);
        if r.changed() {
            actions.push(Action::SetExportPath(path));
        }
        if ui
            .button("Browse…")
            .on_hover_text("Choose the file with the system's dialog")
            .clicked()
        {
            actions.push(Action::ChooseExportPath);
        }
    });
    ui.add_space(8.0);

    if dialog.confirm_replace {
        if let Some(Err(msg)) = &dialog.outcome {
            ui.label(RichText::new(msg).color(theme::STATUS_WARNING));
        }
        ui.horizontal(|ui| {
            if ui.button("Replace").clicked() {
                actions.push(Action::Export { replace: true });
            }
            if ui.button("Keep the file").clicked() {
                actions.push(Action::SetExportPath(dialog.path.clone()));
            }
        });
        return;
    }
    match &dialog.outcome {
        Some(Ok(msg)) => {
            ui.label(RichText::new(msg.as_str()).color(theme::STATUS_INFO));
        }
        Some(Err(msg)) => {
            ui.label(RichText::new(msg).color(theme::STATUS_ERROR));
        }
        None => {}
    }
    ui.horizontal(|ui| {
        let can = !dialog.is_busy && !state.is_busy();
        if ui
            .add_enabled(can, Button::new(RichText::new("Export").strong()))
            .clicked()
        {
            actions.push(Action::Export { replace: false });
        }
        if ui.button("Close").clicked() {
            actions.push(Action::CloseExportDialog);
        }
        if dialog.is_busy {
            ui.spinner();
        }
    });
}
