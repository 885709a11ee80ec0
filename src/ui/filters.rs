//! The filter bar above the claims list: the text search (Ctrl+F), source, source kind, place
//! and document, and the counts of what they leave.

use egui::{ComboBox, Id, RichText, TextEdit, Ui};

use super::theme;
use crate::app::index::kind_slot;
use crate::app::{Action, AppState};
use crate::model::SourceKind;

/// The id of the search field, for Ctrl+F.
pub fn search_id() -> Id {
    Id::unique("claimmap.search")
}

/// Entries listed in the source, place and document menus at most (the search narrows
/// further).
const MAX_MENU_ENTRIES: usize = 300;

/// The filters and the counts.
pub fn filters_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let corpus = state.corpus();
    let index = state.index();
    let filters = state.filters();

    ui.horizontal(|ui| {
        let label = ui.label("Search");
        let mut search = filters.search.clone();
        let r = ui.add(
            TextEdit::singleline(&mut search)
                .id(search_id())
                .hint_text("content, cue or source (Ctrl+F)")
                .desired_width(ui.available_width() - 30.0),
        );
        let r = r.labelled_by(label.id);
        if r.changed() {
            actions.push(Action::SetSearch(search));
        }
        if !filters.search.is_empty()
            && ui
                .small_button("×")
                .on_hover_text("Clear the search")
                .clicked()
        {
            actions.push(Action::SetSearch(String::new()));
        }
    });

    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        ui.label("Kind");
        let any = filters.kinds.is_empty();
        if ui
            .selectable_label(any, "any")
            .on_hover_text("Claims of every source kind")
            .clicked()
            && !any
        {
            actions.push(Action::ClearKinds);
        }
        for kind in SourceKind::ALL {
            let n = index.kind_claims[kind_slot(kind)];
            if n == 0 {
                continue;
            }
            let on = filters.kinds.contains(&kind);
            let text = RichText::new(format!("{} {n}", kind.label())).color(if on {
                theme::source_kind_color(kind)
            } else {
                ui.visuals().text_color()
            });
            let r = ui.selectable_label(on, text);
            // the accessible name is the kind alone, without the count
            let label = kind.label();
            r.widget_info(|| egui::WidgetInfo::selected(egui::Role::Switch, true, on, label));
            if r.clicked() {
                actions.push(Action::ToggleKind(kind));
            }
        }
    });

    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        let source_text = filters.source.as_deref().unwrap_or("any source");
        let label = ui.label("Source");
        ComboBox::from_id_salt("claimmap-source-filter")
            .selected_text(source_text)
            .width(130.0)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(filters.source.is_none(), "any source")
                    .clicked()
                {
                    actions.push(Action::SetSourceFilter(None));
                }
                for (name, n) in index.source_names.iter().take(MAX_MENU_ENTRIES) {
                    let on = filters.source.as_deref() == Some(name.as_str());
                    if ui.selectable_label(on, format!("{name} ({n})")).clicked() {
                        actions.push(Action::SetSourceFilter(Some(name.clone())));
                    }
                }
            })
            .response
            .labelled_by(label.id);

        let place_text = filters
            .place
            .map_or("anywhere".to_string(), |p| corpus.place(p).name.clone());
        let label = ui.label("Place");
        ComboBox::from_id_salt("claimmap-place-filter")
            .selected_text(place_text)
            .width(110.0)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(filters.place.is_none(), "anywhere")
                    .clicked()
                {
                    actions.push(Action::SetPlaceFilter(None));
                }
                for &g in index.groups_by_claims.iter().take(MAX_MENU_ENTRIES) {
                    let group = &index.groups[g];
                    let place = corpus.place(group.primary);
                    let on = filters
                        .place
                        .is_some_and(|p| index.same_place(p, group.primary));
                    let text = format!("{} ({})", place.name, group.claims.len());
                    if ui.selectable_label(on, text).clicked() {
                        actions.push(Action::SetPlaceFilter(Some(group.primary)));
                    }
                }
            })
            .response
            .labelled_by(label.id);

        if corpus.documents().len() > 1 {
            let doc_text = filters.document.map_or("every document".to_string(), |d| {
                corpus.document(d).key.clone()
            });
            let label = ui.label("Document");
            ComboBox::from_id_salt("claimmap-document-filter")
                .selected_text(doc_text)
                .width(130.0)
                .show_ui(ui, |ui| {
                    if ui
                        .selectable_label(filters.document.is_none(), "every document")
                        .clicked()
                    {
                        actions.push(Action::SetDocumentFilter(None));
                    }
                    for d in corpus.documents().iter().take(MAX_MENU_ENTRIES) {
                        let on = filters.document == Some(d.id);
                        let n = corpus.claims_in(d.id).len();
                        if ui
                            .selectable_label(on, format!("{} ({n})", d.key))
                            .clicked()
                        {
                            actions.push(Action::SetDocumentFilter(Some(d.id)));
                        }
                    }
                })
                .response
                .labelled_by(label.id);
        }
        if let Some(e) = filters
            .entity
            .and_then(|e| corpus.entities().get(e.index()))
            && ui
                .button(format!("Speaker: {} ×", e.name))
                .on_hover_text("Claims of every speaker again")
                .clicked()
        {
            actions.push(Action::SetEntityFilter(None));
        }
        if let Some(story) = filters.story.and_then(|s| corpus.stories().get(s.index())) {
            let lead = corpus.claim(story.lead);
            let content = crate::corpus::stories::one_line(
                lead.content.slice(&corpus.document(lead.doc).text),
            );
            let mut words: String = content.chars().take(36).collect();
            if words.len() < content.len() {
                words.push('…');
            }
            if ui
                .button(format!("Story: {words} ×"))
                .on_hover_text("Claims of every story again")
                .clicked()
            {
                actions.push(Action::SetStoryFilter(None));
            }
        }
        if !filters.is_empty() && ui.button("Clear filters").clicked() {
            actions.push(Action::ClearFilters);
        }
    });

    let total = index.standing_claims;
    let shown = state.view().len();
    let places = index.groups.len();
    // a speaker quoted in many documents is one source here
    let sources = index.entities_by_claims.len();
    let docs = corpus.documents().len();
    let counts = if shown == total {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        format!(
            "{} · {} · {} · {}",
            plural(total, "claim", "claims"),
            plural(sources, "source", "sources"),
            plural(places, "place", "places"),
            plural(docs, "document", "documents")
        )
    } else {
        format!("Showing {shown} of {total} claims")
    };
    ui.label(RichText::new(counts).strong());
}
