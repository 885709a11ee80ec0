//! The review in the real app, driven as an analyst drives it through egui_kittest: reject a
//! claim, give "Kursk" another reading, add a claim by selecting its words, merge two sources,
//! undo and redo each, and find the same review after closing the workspace and opening it in
//! a new app. No window, no GPU.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

mod common;

use std::path::{Path, PathBuf};

use claimmap::app::{ClaimmapApp, Item};
use claimmap::export::ExportSet;
use claimmap::model::{ClaimId, Corpus, PlaceKind, Review};
use claimmap::ui::article::text_point;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use common::{build, content, listed, resources, sample_corpus, settle};

/// The app on the sample, as an unsaved session.
fn harness() -> Harness<'static, ClaimmapApp> {
    let mut app = ClaimmapApp::with_corpus(sample_corpus(), Vec::new());
    app.set_resources(resources());
    build(app)
}

/// A new app opening `paths` (articles or a workspace), as `claimmap open` does.
fn opening(paths: Vec<PathBuf>) -> Harness<'static, ClaimmapApp> {
    let mut app = ClaimmapApp::with_corpus(Corpus::default(), Vec::new());
    app.set_resources(resources());
    app.open_paths(paths);
    let mut h = build(app);
    settle(&mut h);
    h
}

fn claim_starting(h: &Harness<'_, ClaimmapApp>, starts: &str) -> Option<ClaimId> {
    let state = h.state().state();
    let corpus = state.corpus();
    state
        .view()
        .iter()
        .copied()
        .find(|&c| content(corpus, c).starts_with(starts))
}

/// Clicks the claim row whose content starts so.
fn click_claim(h: &mut Harness<'_, ClaimmapApp>, starts: &str) {
    let label = h
        .query_all_by_role(Role::ListItem)
        .filter_map(|n| n.accesskit_node().label())
        .find(|l| l.contains(&format!(": {starts}")))
        .unwrap_or_else(|| panic!("no row for {starts:?}"));
    h.get_by_label(&label).click();
    h.run();
}

fn ctrl(h: &mut Harness<'_, ClaimmapApp>, shift: bool, key: egui::Key) {
    let mut m = egui::Modifiers::COMMAND;
    if shift {
        m |= egui::Modifiers::SHIFT;
    }
    h.key_press_modifiers(m, key);
    settle(h);
}

/// The places of the claim whose content starts so, as (name, kind).
fn places_of(h: &Harness<'_, ClaimmapApp>, starts: &str) -> Vec<(String, PlaceKind)> {
    let c = claim_starting(h, starts).unwrap();
    let corpus = h.state().state().corpus();
    corpus
        .places_of(c)
        .iter()
        .map(|&p| (corpus.place(p).name.clone(), corpus.place(p).kind))
        .collect()
}

/// Drags over the article's text from the start of `from` to the end of `to`.
fn select_text(h: &mut Harness<'_, ClaimmapApp>, from: &str, to: &str) {
    let (doc, text) = {
        let state = h.state().state();
        let d = state.article.unwrap();
        (d, state.corpus().document(d).text.clone())
    };
    let a = text.find(from).unwrap();
    let b = text[a..].find(to).unwrap() + a + to.len();
    // bring it on screen first: the article scrolls to a selected claim's sentence
    let at =
        |h: &Harness<'_, ClaimmapApp>, byte: usize| text_point(&h.ctx, doc, &text, byte).unwrap();
    let (start, end) = (
        at(h, a) + egui::vec2(1.0, 0.0),
        at(h, b) - egui::vec2(1.0, 0.0),
    );
    h.hover_at(start);
    h.run();
    h.drag_at(start);
    h.run();
    for k in 1..=4 {
        h.hover_at(start + (end - start) * (k as f32 / 4.0));
        h.run();
    }
    h.drop_at(end);
    h.run();
}

fn marker(h: &Harness<'_, ClaimmapApp>, prefix: &str) -> String {
    h.query_all_by_role(Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .find(|l| l.starts_with(prefix) && (l.ends_with(" claim") || l.ends_with(" claims")))
        .unwrap_or_else(|| panic!("no marker {prefix:?}"))
}

#[test]
fn a_rejected_claim_leaves_the_list_and_the_export_and_undo_brings_it_back() {
    let mut h = harness();
    let all = listed(&h).len();
    click_claim(&mut h, "the agreement");
    h.get_by_role_and_label(Role::Button, "Reject").click();
    settle(&mut h);
    assert_eq!(listed(&h).len(), all - 1);
    assert!(!listed(&h).contains(&"the agreement".to_string()));
    // the selection moved on to the claim after it, for the next decision
    let state = h.state().state();
    assert_eq!(
        state.selected_claim().map(|c| content(state.corpus(), c)),
        Some(listed(&h)[1].as_str())
    );
    let corpus = state.corpus();
    let exported: Vec<&str> = ExportSet::all(corpus)
        .claims
        .iter()
        .map(|&c| content(corpus, c))
        .collect();
    assert!(!exported.contains(&"the agreement"));
    assert_eq!(state.review.head, 1);

    ctrl(&mut h, false, egui::Key::Z);
    assert!(listed(&h).contains(&"the agreement".to_string()));
    assert_eq!(h.state().state().review.head, 0);
    ctrl(&mut h, true, egui::Key::Z);
    assert!(!listed(&h).contains(&"the agreement".to_string()));
    // Ctrl+Y redoes too
    ctrl(&mut h, false, egui::Key::Z);
    ctrl(&mut h, false, egui::Key::Y);
    assert!(!listed(&h).contains(&"the agreement".to_string()));
}

#[test]
fn kursk_becomes_the_oblast_through_its_alternatives_and_the_claim_follows() {
    let mut h = harness();
    let sappers = "the sappers would focus";
    assert_eq!(
        places_of(&h, sappers),
        [
            ("Kursk".to_string(), PlaceKind::City),
            ("Ukraine".to_string(), PlaceKind::Country)
        ]
    );
    assert!(marker(&h, "Kursk, city, ").ends_with("1 claim"));
    assert!(marker(&h, "Kursk, region, ").ends_with("1 claim"));
    // the "Kursk" of the sappers' sentence (the headline's comes first)
    h.get_all_by_label("Kursk (place in the article)")
        .last()
        .unwrap()
        .click();
    h.run();
    assert!(h.query_by_label_contains("uncertain").is_some());
    assert!(h.query_by_label_contains("Kursk, region, RU").is_some());
    h.get_by_role_and_label(Role::Button, "Use this").click();
    settle(&mut h);

    assert_eq!(
        places_of(&h, sappers),
        [
            ("Kursk".to_string(), PlaceKind::Region),
            ("Ukraine".to_string(), PlaceKind::Country)
        ]
    );
    // the claim moved from the city's marker to the oblast's
    assert!(marker(&h, "Kursk, region, ").ends_with("2 claims"));
    assert!(marker(&h, "Kursk, city, ").ends_with("0 claims"));
    // the mention is settled: no longer uncertain, marked edited
    let state = h.state().state();
    let Some(Item::Mention(m)) = state.selection.selected else {
        panic!("{:?}", state.selection.selected)
    };
    assert_eq!(state.corpus().mention(m).review, Review::Edited);
    assert!(!state.corpus().mention(m).is_uncertain());

    ctrl(&mut h, false, egui::Key::Z);
    assert_eq!(places_of(&h, sappers)[0].1, PlaceKind::City);
    ctrl(&mut h, true, egui::Key::Z);
    assert_eq!(places_of(&h, sappers)[0].1, PlaceKind::Region);
}

#[test]
fn a_claim_is_added_by_selecting_its_words_in_the_article() {
    let mut h = harness();
    let all = listed(&h).len();
    select_text(&mut h, "The deployment includes", "construction workers");
    let state = h.state().state();
    let (_, span) = state.text_selection.unwrap();
    let text = &state.corpus().documents()[0].text;
    assert!(
        span.slice(text)
            .starts_with("The deployment includes 1,000"),
        "{:?}",
        span.slice(text)
    );
    assert!(span.slice(text).ends_with("construction workers"));
    h.get_by_role_and_label(Role::Button, "New claim with this content")
        .click();
    h.run();
    select_text(&mut h, "Russian state media", "Russian state media");
    h.get_by_role_and_label(Role::Button, "Use selection as source")
        .click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Add claim").click();
    settle(&mut h);

    assert_eq!(listed(&h).len(), all + 1);
    let c = claim_starting(&h, "The deployment includes").unwrap();
    let corpus = h.state().state().corpus();
    let claim = corpus.claim(c);
    assert_eq!(claim.review, Review::Added);
    assert_eq!(corpus.source_name(claim), "Russian state media");
    // in text order: after the first claim, before Shoigu's
    assert_eq!(
        h.state().state().view().iter().position(|&x| x == c),
        Some(1)
    );
    // the row says so
    assert!(
        h.query_by_label_contains("Russian state media (added): The deployment")
            .is_some()
    );

    ctrl(&mut h, false, egui::Key::Z);
    assert_eq!(listed(&h).len(), all);
    ctrl(&mut h, true, egui::Key::Z);
    assert_eq!(listed(&h).len(), all + 1);
}

#[test]
fn two_sources_are_merged_into_one() {
    let mut h = harness();
    let kim_claims = |h: &Harness<'_, ClaimmapApp>| {
        let corpus = h.state().state().corpus();
        corpus
            .claims()
            .iter()
            .filter(|c| !c.review.is_rejected() && corpus.source_name(c) == "Soo Kim")
            .count()
    };
    assert_eq!(kim_claims(&h), 1);
    h.get_all_by_label("Experts (source in the article)")
        .next()
        .unwrap()
        .click();
    h.run();
    h.get_by_label("Merge into…").click();
    h.run();
    h.get_by_label("Soo Kim (this article)").click();
    settle(&mut h);
    assert_eq!(kim_claims(&h), 2);
    assert!(
        listed(&h)
            .iter()
            .any(|c| c.starts_with("Pyongyang could receive"))
    );

    ctrl(&mut h, false, egui::Key::Z);
    assert_eq!(kim_claims(&h), 1);
    ctrl(&mut h, true, egui::Key::Z);
    assert_eq!(kim_claims(&h), 2);
}

/// Saves the app's session as a workspace through the path field.
fn save_as(h: &mut Harness<'_, ClaimmapApp>, path: &Path) {
    h.get_by_label("Workspace").click();
    h.run();
    h.get_by_label("Save workspace as…").click();
    h.run();
    let field = h.get_by_label("Workspace path");
    field.focus();
    field.type_text(&path.display().to_string());
    h.run();
    h.get_by_role_and_label(Role::Button, "Save").click();
    settle(h);
    assert_eq!(
        h.state().state().review.workspace.as_deref(),
        Some(path),
        "{:?}",
        h.state().state().status
    );
}

#[test]
fn the_review_is_the_same_after_closing_and_opening_the_workspace_in_a_new_app() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.claimmap");
    let mut h = harness();
    // one decision before saving (kept by "Save as"), two after (saved as they are made)
    click_claim(&mut h, "their military cooperation");
    h.get_by_role_and_label(Role::Button, "Reject").click();
    settle(&mut h);
    save_as(&mut h, &path);
    click_claim(&mut h, "Pyongyang could receive");
    h.get_by_role_and_label(Role::Button, "Confirm").click();
    settle(&mut h);
    h.get_all_by_label("Kursk (place in the article)")
        .last()
        .unwrap()
        .click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Use this").click();
    settle(&mut h);
    // an undone operation stays redoable after reopening
    h.key_press(egui::Key::Escape);
    h.run();
    click_claim(&mut h, "the agreement");
    h.get_by_role_and_label(Role::Button, "Reject").click();
    settle(&mut h);
    ctrl(&mut h, false, egui::Key::Z);
    let before = listed(&h);
    let reviews: Vec<Review> = h
        .state()
        .state()
        .corpus()
        .claims()
        .iter()
        .map(|c| c.review)
        .collect();
    drop(h); // closes the window and the workspace

    let mut h = opening(vec![path.clone()]);
    let state = h.state().state();
    assert_eq!(state.review.workspace.as_deref(), Some(path.as_path()));
    assert_eq!(listed(&h), before);
    let again: Vec<Review> = state.corpus().claims().iter().map(|c| c.review).collect();
    assert_eq!(again, reviews);
    assert_eq!(
        places_of(&h, "the sappers would focus")[0].1,
        PlaceKind::Region
    );
    assert_eq!((state.review.head, state.review.log_len), (3, 4));
    ctrl(&mut h, true, egui::Key::Z);
    assert!(!listed(&h).contains(&"the agreement".to_string()));
}

#[test]
fn a_second_window_on_an_open_workspace_is_told_and_keeps_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.claimmap");
    let mut first = harness();
    save_as(&mut first, &path);
    let mut second = harness();
    second.get_by_label("Workspace").click();
    second.run();
    second.get_by_label("Open workspace…").click();
    second.run();
    let field = second.get_by_label("Workspace path");
    field.focus();
    field.type_text(&path.display().to_string());
    second.run();
    second.get_by_role_and_label(Role::Button, "Open").click();
    settle(&mut second);
    let state = second.state().state();
    assert_eq!(state.review.workspace, None);
    let status = state.status.as_ref().unwrap();
    assert!(
        status.message.contains("open in another claimmap window"),
        "{}",
        status.message
    );
    assert_eq!(listed(&second).len(), listed(&first).len());
}
