//! "Needs attention": the review operations of the log that no longer apply (the text they
//! were about changed, or a new extraction no longer finds their claim or place), each with
//! the words it was about, so nothing an analyst decided is dropped silently.

use egui::{Context, RichText, ScrollArea, Window};

use super::theme;
use crate::app::{Action, AppState};

/// The window, when it is open.
pub fn attention_ui(ctx: &Context, state: &AppState, actions: &mut Vec<Action>) {
    if !state.show_attention {
        return;
    }
    let mut open = true;
    Window::new("Needs attention")
        .open(&mut open)
        .default_width(560.0)
        .show(ctx, |ui| {
            if state.attention.is_empty() {
                ui.label("Every review operation applies.");
                return;
            }
            ui.label(format!(
                "{} review {} no longer apply. They stay in the log; make them again where the \
                 text now is, or leave them.",
                state.attention.len(),
                if state.attention.len() == 1 {
                    "operation does"
                } else {
                    "operations do"
                }
            ));
            ui.separator();
            ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                for a in &state.attention {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(format!("#{}", a.index + 1)).weak());
                        ui.label(RichText::new(a.op.op.name()).strong());
                        ui.label(format!("in {}:", a.op.doc));
                        ui.colored_label(theme::ATTENTION, a.reason.to_string());
                    });
                    if !a.text.is_empty() {
                        ui.label(format!(
                            "“{}”",
                            a.text.split_whitespace().collect::<Vec<_>>().join(" ")
                        ));
                    }
                    let doc = state
                        .corpus()
                        .documents()
                        .iter()
                        .find(|d| d.key == a.op.doc);
                    if let Some(d) = doc
                        && ui.small_button("Show the article").clicked()
                    {
                        actions.push(Action::ShowDocument(d.id));
                    }
                    ui.separator();
                }
            });
        });
    if !open {
        actions.push(Action::ShowAttention(false));
    }
}
