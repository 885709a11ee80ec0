//! The review panel under the map: what can be done to the selected item, and to the text
//! selected in the article. A claim is confirmed, rejected or edited; a place mention gets
//! another reading (one of its alternatives, or any gazetteer place found by name) or is no
//! place at all; a source is renamed, merged into another or split from its entity; selected
//! text becomes a claim's content, source or cue, or a place the machine missed. Every button
//! reports an [`Action`]; the app turns it into a review operation kept in the workspace.

use egui::{Button, Grid, RichText, ScrollArea, TextEdit, Ui};

use super::theme;
use crate::app::{Action, AppState, ClaimDraft, DraftField, Item};
use crate::model::{ClaimId, MentionId, PlaceChoice, Review, SourceId, Span};

/// The review panel.
pub fn review_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    header_ui(ui, state, actions);
    ui.separator();
    ScrollArea::vertical()
        .id_salt("claimmap-review")
        .auto_shrink(false)
        .show(ui, |ui| {
            if let Some(draft) = &state.draft {
                draft_ui(ui, state, draft, actions);
                return;
            }
            match state.selection.selected {
                Some(Item::Claim(c)) => claim_ui(ui, state, c, actions),
                Some(Item::Mention(m)) => mention_ui(ui, state, m, actions),
                Some(Item::Source(s)) => source_ui(ui, state, s, actions),
                Some(Item::Place(p)) => {
                    let place = state.corpus().place(p);
                    ui.label(format!(
                        "{} ({}): click one of its mentions in the article to change its reading.",
                        place.name,
                        place.kind.label()
                    ));
                }
                _ => {}
            }
            if state.text_selection.is_some() {
                ui.separator();
                selection_ui(ui, state, actions);
            } else if !matches!(
                state.selection.selected,
                Some(Item::Claim(_) | Item::Mention(_) | Item::Source(_))
            ) {
                ui.weak(
                    "Select a claim, a place in the text or a source to review it. Drag over \
                     the article's text to add a claim or a place the machine missed.",
                );
            }
        });
}

fn header_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.strong("Review");
        let corpus = state.corpus();
        let reviewed = state.index().reviewed_claims;
        ui.weak(format!(
            "{reviewed} of {} claims reviewed · {} {} in effect",
            corpus.claims().len(),
            state.review.head,
            if state.review.head == 1 {
                "operation"
            } else {
                "operations"
            }
        ));
        if state.pending_reviews > 0 {
            ui.spinner();
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .add_enabled(state.article.is_some(), Button::new("New claim…"))
                .on_hover_text(
                    "Write a claim the machine missed: select its words in the article first",
                )
                .clicked()
            {
                actions.push(Action::NewClaim);
            }
        });
    });
}

fn claim_ui(ui: &mut Ui, state: &AppState, c: ClaimId, actions: &mut Vec<Action>) {
    let corpus = state.corpus();
    let Some(claim) = corpus.claims().get(c.index()) else {
        return;
    };
    let text = &corpus.document(claim.doc).text;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(corpus.source_name(claim)).strong());
        if let Some(cue) = claim.cue {
            ui.weak(cue.slice(text));
        }
        review_badge(ui, claim.review);
    });
    ui.label(format!("“{}”", shorten(claim.content.slice(text), 300)));
    // its figures disagree with others: show them side by side, unless the story's header
    // over the list already does
    if state.filters().story.is_none()
        && let Some(figures) = state.figures()
    {
        super::stories::figures_ui(ui, state, figures, actions);
        if ui
            .link("Show the whole story")
            .on_hover_text("Only the claims of this story, on the list and the map")
            .clicked()
        {
            actions.push(Action::SetStoryFilter(Some(figures.story)));
        }
    }
    ui.horizontal(|ui| {
        let done = claim.review == Review::Confirmed;
        if ui
            .add_enabled(!done, Button::new("Confirm"))
            .on_hover_text("The claim is right as it stands")
            .clicked()
        {
            actions.push(Action::ConfirmClaim(c));
        }
        if ui
            .button("Reject")
            .on_hover_text("Not a claim: it leaves the list, the map and the exports")
            .clicked()
        {
            actions.push(Action::RejectClaim(c));
        }
        if ui
            .button("Edit…")
            .on_hover_text("Change its source, cue or content by selecting text")
            .clicked()
        {
            actions.push(Action::EditClaim(c));
        }
    });
}

fn mention_ui(ui: &mut Ui, state: &AppState, m: MentionId, actions: &mut Vec<Action>) {
    let corpus = state.corpus();
    let Some(mention) = corpus.mentions().get(m.index()) else {
        return;
    };
    let text = &corpus.document(mention.doc).text;
    let place = corpus.place(mention.place);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("“{}”", mention.span.slice(text))).strong());
        ui.label("is read as");
        ui.label(
            RichText::new(place_line(
                &place.name,
                place.kind.label(),
                place.country.as_deref(),
                place.population,
            ))
            .color(theme::place_kind_color(place.kind)),
        );
        if mention.review == Review::Machine {
            let sure = format!("{:.0}% sure", mention.confidence * 100.0);
            if mention.is_uncertain() {
                ui.colored_label(theme::ATTENTION, format!("{sure}: uncertain"));
            } else {
                ui.weak(sure);
            }
        }
        review_badge(ui, mention.review);
    });
    if !mention.alternatives.is_empty() {
        ui.label("Other readings:");
        choices_ui(
            ui,
            "claimmap-alternatives",
            &mention.alternatives,
            |g| Action::SetMentionPlace {
                mention: m,
                geonameid: g,
            },
            "Use this",
            actions,
        );
    }
    place_search_ui(
        ui,
        state,
        "Or find the place by name:",
        |g| Action::SetMentionPlace {
            mention: m,
            geonameid: g,
        },
        "Use this",
        actions,
    );
    if ui
        .button("Not a place")
        .on_hover_text("The words name no place: the mention leaves the map and the claims")
        .clicked()
    {
        actions.push(Action::NotAPlace(m));
    }
}

fn source_ui(ui: &mut Ui, state: &AppState, s: SourceId, actions: &mut Vec<Action>) {
    let corpus = state.corpus();
    let Some(source) = corpus.sources().get(s.index()) else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&source.name).strong());
        ui.weak(source.kind.label());
        if let Some(p) = source.affiliation {
            ui.weak(format!("speaks for {}", corpus.place(p).name));
        }
        let n = corpus.claims_by(s).len();
        ui.weak(format!(
            "{n} {} in this article",
            if n == 1 { "claim" } else { "claims" }
        ));
    });
    let entity = source.entity.map(|e| corpus.entity(e));
    if let Some(e) = entity.filter(|e| e.sources.len() > 1) {
        ui.weak(format!(
            "The same speaker as {} other {} (“{}”).",
            e.sources.len() - 1,
            if e.sources.len() == 2 {
                "source"
            } else {
                "sources"
            },
            e.name
        ));
    }
    match &state.rename {
        Some((r, name)) if *r == s => {
            ui.horizontal(|ui| {
                let label = ui.label("New name");
                let mut edit = name.clone();
                let field = ui
                    .add(TextEdit::singleline(&mut edit).desired_width(220.0))
                    .labelled_by(label.id);
                if field.changed() {
                    actions.push(Action::SetRenameText(edit));
                }
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.button("Save name").clicked() || entered {
                    actions.push(Action::SubmitRename);
                }
                if ui.button("Cancel").clicked() {
                    actions.push(Action::CancelRename);
                }
            });
        }
        _ => {
            ui.horizontal(|ui| {
                if ui
                    .button("Rename…")
                    .on_hover_text(
                        "Give the source the name it should have in the list and the exports",
                    )
                    .clicked()
                {
                    actions.push(Action::StartRename(s));
                }
                ui.menu_button("Merge into…", |ui| {
                    ui.set_max_height(320.0);
                    ScrollArea::vertical().show(ui, |ui| {
                        for (target, label) in merge_targets(state, s) {
                            if ui.button(label).clicked() {
                                actions.push(Action::MergeSources {
                                    from: s,
                                    into: target,
                                });
                                ui.close();
                            }
                        }
                    });
                })
                .response
                .on_hover_text("The same speaker as another source, here or in another article");
                if entity.is_some_and(|e| e.sources.len() > 1)
                    && ui
                        .button("Split")
                        .on_hover_text(
                            "A speaker of its own, not the one its name matched elsewhere",
                        )
                        .clicked()
                {
                    actions.push(Action::SplitSource(s));
                }
            });
        }
    }
}

/// The sources a source can merge into: this article's first, then one per other entity.
fn merge_targets(state: &AppState, s: SourceId) -> Vec<(SourceId, String)> {
    let corpus = state.corpus();
    let source = corpus.source(s);
    let mut out: Vec<(SourceId, String)> = Vec::new();
    for other in corpus.sources() {
        if other.id != s && other.doc == source.doc && !corpus.claims_by(other.id).is_empty() {
            out.push((other.id, format!("{} (this article)", other.name)));
        }
    }
    let own = source.entity;
    for e in corpus.entities().iter().take(400) {
        if Some(e.id) == own {
            continue;
        }
        if let Some(&first) = e
            .sources
            .iter()
            .find(|&&x| corpus.source(x).doc != source.doc && !corpus.claims_by(x).is_empty())
        {
            let doc = &corpus.document(corpus.source(first).doc).key;
            out.push((first, format!("{} ({doc})", e.name)));
        }
    }
    out
}

fn draft_ui(ui: &mut Ui, state: &AppState, draft: &ClaimDraft, actions: &mut Vec<Action>) {
    let corpus = state.corpus();
    let text = &corpus.document(draft.doc).text;
    ui.strong(if draft.editing.is_some() {
        "Edit the claim: select words in the article, then put them in a field"
    } else {
        "New claim: select words in the article, then put them in a field"
    });
    let has_selection = state.text_selection.is_some_and(|(d, _)| d == draft.doc);
    // the button first: the words after it may be long, and are cut to the panel's width
    let field = |ui: &mut Ui,
                 name: &str,
                 span: Option<Span>,
                 which: DraftField,
                 actions: &mut Vec<Action>| {
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    has_selection,
                    Button::new(format!("Use selection as {}", which.label())),
                )
                .clicked()
            {
                actions.push(Action::DraftUseSelection(which));
            }
            ui.label(RichText::new(format!("{name}:")).strong());
            let words = match span {
                Some(s) => format!("“{}”", shorten(s.slice(text), 200)),
                None => "—".to_string(),
            };
            ui.add(egui::Label::new(words).truncate());
        });
    };
    field(ui, "Content", draft.content, DraftField::Content, actions);
    field(ui, "Source", draft.source, DraftField::Source, actions);
    field(ui, "Cue", draft.cue, DraftField::Cue, actions);
    ui.horizontal(|ui| {
        ui.menu_button("Pick a source…", |ui| {
            ui.set_max_height(300.0);
            if ui.button("No source").clicked() {
                actions.push(Action::DraftPickSource(None));
                ui.close();
            }
            for s in corpus.sources().iter().filter(|s| s.doc == draft.doc) {
                if !corpus.claims_by(s.id).is_empty() && ui.button(&s.name).clicked() {
                    actions.push(Action::DraftPickSource(Some(s.id)));
                    ui.close();
                }
            }
        });
        let verb = if draft.editing.is_some() {
            "Save changes"
        } else {
            "Add claim"
        };
        if ui.button(verb).clicked() {
            actions.push(Action::SubmitDraft);
        }
        if ui.button("Cancel").clicked() {
            actions.push(Action::CancelDraft);
        }
    });
    if let Some(note) = &draft.note {
        ui.colored_label(theme::STATUS_WARNING, note);
    }
}

/// What selected text can become.
fn selection_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let Some((doc, span)) = state.text_selection else {
        return;
    };
    let text = &state.corpus().document(doc).text;
    ui.horizontal_wrapped(|ui| {
        ui.label("Selected:");
        ui.label(RichText::new(format!("“{}”", shorten(span.slice(text), 160))).strong());
    });
    ui.horizontal(|ui| {
        if ui
            .button("New claim with this content")
            .on_hover_text("Then select its source and cue")
            .clicked()
        {
            actions.push(Action::NewClaim);
        }
        if ui.button("Clear selection").clicked() {
            actions.push(Action::SelectText(None));
        }
    });
    place_search_ui(
        ui,
        state,
        "Or mark it as a place:",
        |g| Action::AddPlace { geonameid: g },
        "Add as place",
        actions,
    );
}

/// "Find a place" and the gazetteer's answers, each with a button.
fn place_search_ui(
    ui: &mut Ui,
    state: &AppState,
    prompt: &str,
    action: impl Fn(u32) -> Action,
    verb: &str,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        let label = ui.label(prompt);
        let mut query = state.place_search.clone();
        let r = ui
            .add(
                TextEdit::singleline(&mut query)
                    .hint_text("Kursk Oblast, Bakhmut…")
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
        if r.changed() {
            actions.push(Action::SetPlaceSearch(query));
        }
    });
    if !state.place_search.trim().is_empty() {
        if state.place_results.is_empty() {
            ui.weak("No place of that name in the gazetteer.");
        } else {
            choices_ui(
                ui,
                "claimmap-place-results",
                &state.place_results[..state.place_results.len().min(theme::PLACE_RESULTS)],
                action,
                verb,
                actions,
            );
        }
    }
}

/// Places to choose from, one row each: name, kind, country, population, and a button.
fn choices_ui(
    ui: &mut Ui,
    id: &str,
    choices: &[PlaceChoice],
    action: impl Fn(u32) -> Action,
    verb: &str,
    actions: &mut Vec<Action>,
) {
    Grid::new(id)
        .num_columns(2)
        .spacing([10.0, 2.0])
        .striped(true)
        .show(ui, |ui| {
            for c in choices {
                let line = place_line(&c.name, c.kind.label(), c.country.as_deref(), c.population);
                ui.label(RichText::new(&line).color(theme::place_kind_color(c.kind)));
                match c.geonameid {
                    Some(g) => {
                        let r = ui.button(verb);
                        let r = r.on_hover_text(format!("{line} (GeoNames {g})"));
                        if r.clicked() {
                            actions.push(action(g));
                        }
                    }
                    None => {
                        ui.weak("no GeoNames id");
                    }
                }
                ui.end_row();
            }
        });
}

/// "Kursk, region, RU, pop. 1,082,458".
fn place_line(name: &str, kind: &str, country: Option<&str>, population: u64) -> String {
    let mut s = format!("{name}, {kind}");
    if let Some(c) = country {
        s.push_str(&format!(", {c}"));
    }
    if population > 0 {
        s.push_str(&format!(", pop. {}", super::thousands(population)));
    }
    s
}

/// A small coloured word for a reviewed item.
pub fn review_badge(ui: &mut Ui, review: Review) {
    if review != Review::Machine {
        ui.label(
            RichText::new(review.label())
                .small()
                .color(theme::BADGE_TEXT)
                .background_color(theme::REVIEWED),
        );
    }
}

fn shorten(text: &str, max: usize) -> String {
    let one: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= max {
        return one;
    }
    format!("{}…", one.chars().take(max).collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_reads_with_its_kind_country_and_population() {
        assert_eq!(
            place_line("Kursk", "region", Some("RU"), 1_082_458),
            "Kursk, region, RU, pop. 1,082,458"
        );
        assert_eq!(place_line("Donbas", "area", None, 0), "Donbas, area");
    }
}
