//! Opening without the native dialog: a path field drawn in egui (shown when the system's
//! dialog returns nothing, e.g. on a machine without a desktop portal), and "Paste text" for
//! an article that is not in a file.

use std::path::PathBuf;

use egui::{Align2, Context, RichText, TextEdit, Window};

use super::theme;
use crate::app::{Action, AppState, WorkspaceIntent};

/// The path field, when it is open.
pub fn open_dialog_ui(ctx: &Context, state: &AppState, actions: &mut Vec<Action>) {
    let Some(dialog) = &state.open_dialog else {
        return;
    };
    if let Some(intent) = dialog.workspace {
        workspace_field_ui(ctx, dialog, intent, actions);
        return;
    }
    let mut open = true;
    let title = if dialog.add { "Add files" } else { "Open" };
    Window::new(title)
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(Align2::CENTER_CENTER, [0.0, 0.0])
        .default_width(480.0)
        .show(ctx, |ui| {
            if let Some(note) = &dialog.note {
                ui.label(RichText::new(note).color(theme::STATUS_WARNING));
            }
            ui.label("A file (.txt, .md, .html, .htm, .jsonl) or a folder of them:");
            let mut path = dialog.path.clone();
            let label = ui.label("Path");
            let r = ui
                .add(
                    TextEdit::singleline(&mut path)
                        .hint_text("/home/me/news/article.txt")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if r.changed() {
                actions.push(Action::SetOpenPath(path.clone()));
            }
            let entered = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                let verb = if dialog.add { "Add" } else { "Open" };
                if ui.button(verb).clicked() || entered {
                    actions.push(Action::OpenPaths {
                        paths: parse_paths(&path),
                        add: dialog.add,
                    });
                }
                if ui.button("Cancel").clicked() {
                    actions.push(Action::CloseOpenDialog);
                }
            });
        });
    if !open {
        actions.push(Action::CloseOpenDialog);
    }
}

/// The path field for a workspace file (new, open, save as).
fn workspace_field_ui(
    ctx: &Context,
    dialog: &crate::app::OpenDialog,
    intent: WorkspaceIntent,
    actions: &mut Vec<Action>,
) {
    let mut open = true;
    Window::new(intent.title())
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(Align2::CENTER_CENTER, [0.0, 0.0])
        .default_width(480.0)
        .show(ctx, |ui| {
            if let Some(note) = &dialog.note {
                ui.label(RichText::new(note).color(theme::STATUS_WARNING));
            }
            ui.label("A workspace file (.claimmap):");
            let mut path = dialog.path.clone();
            let label = ui.label("Workspace path");
            let r = ui
                .add(
                    TextEdit::singleline(&mut path)
                        .hint_text("/home/me/review.claimmap")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if r.changed() {
                actions.push(Action::SetOpenPath(path.clone()));
            }
            let entered = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let chosen = |replace: bool| {
                let p = path.trim().trim_matches(['"', '\'']);
                let mut p = PathBuf::from(p);
                if intent != WorkspaceIntent::Open && p.extension().is_none() {
                    p.set_extension("claimmap");
                }
                Action::UseWorkspacePath {
                    intent,
                    path: p,
                    replace,
                }
            };
            ui.horizontal(|ui| {
                let verb = match intent {
                    WorkspaceIntent::New => "Create",
                    WorkspaceIntent::Open => "Open",
                    WorkspaceIntent::SaveAs => "Save",
                };
                if dialog.confirm_replace {
                    if ui.button("Replace").clicked() {
                        actions.push(chosen(true));
                    }
                } else if (ui.button(verb).clicked() || entered) && !path.trim().is_empty() {
                    actions.push(chosen(false));
                }
                if ui.button("Cancel").clicked() {
                    actions.push(Action::CloseOpenDialog);
                }
            });
        });
    if !open {
        actions.push(Action::CloseOpenDialog);
    }
}

/// One path per line or `;`-separated, surrounding quotes dropped (as a file manager copies).
fn parse_paths(field: &str) -> Vec<PathBuf> {
    field
        .split(['\n', ';'])
        .map(|p| p.trim().trim_matches(['"', '\'']))
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .collect()
}

/// The "Paste text" dialog, when it is open.
pub fn paste_dialog_ui(ctx: &Context, state: &AppState, actions: &mut Vec<Action>) {
    let Some(dialog) = &state.paste_dialog else {
        return;
    };
    let mut open = true;
    Window::new("Paste text")
        .open(&mut open)
        .collapsible(false)
        .anchor(Align2::CENTER_CENTER, [0.0, 0.0])
        .default_width(560.0)
        .show(ctx, |ui| {
            if let Some(note) = &dialog.note {
                ui.label(RichText::new(note).color(theme::STATUS_WARNING));
            }
            ui.horizontal(|ui| {
                let label = ui.label("Title");
                let mut title = dialog.title.clone();
                let r = ui
                    .add(
                        TextEdit::singleline(&mut title)
                            .hint_text("optional")
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                if r.changed() {
                    actions.push(Action::SetPasteTitle(title));
                }
            });
            let label = ui.label("Text");
            let mut text = dialog.text.clone();
            let r = egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    ui.add(
                        TextEdit::multiline(&mut text)
                            .hint_text("Paste the article here (Ctrl+V)")
                            .desired_rows(14)
                            .desired_width(f32::INFINITY),
                    )
                })
                .inner
                .labelled_by(label.id);
            if r.changed() {
                actions.push(Action::SetPasteText(text));
            }
            ui.horizontal(|ui| {
                if ui.button("Add document").clicked() {
                    actions.push(Action::SubmitPaste);
                }
                if ui.button("Cancel").clicked() {
                    actions.push(Action::ClosePasteDialog);
                }
            });
        });
    if !open {
        actions.push(Action::ClosePasteDialog);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_split_on_lines_and_semicolons_and_lose_quotes() {
        assert_eq!(
            parse_paths("\"/a b/c.txt\"; /d.html\n\n'/e'"),
            vec![
                PathBuf::from("/a b/c.txt"),
                PathBuf::from("/d.html"),
                PathBuf::from("/e")
            ]
        );
        assert!(parse_paths("  ").is_empty());
    }
}
