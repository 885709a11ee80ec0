//! The desktop app driven as a user drives it: egui_kittest runs the real `ClaimmapApp::show`
//! (the function eframe's `App::ui` calls), finds widgets by their accessible names, clicks
//! and types, and the tests assert on the app's state and on what the panels list. No window,
//! no GPU. Every `run()` also checks that each input widget has an accessible name.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use claimmap::app::{ClaimmapApp, Item};
use claimmap::model::{ClaimId, Corpus, PlaceId, SourceKind};
use claimmap::pipeline::{Resources, extract};
use claimmap::ui::projection::project;
use egui::accesskit::{Role, Toggled};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use egui_plot::PlotPoint;

const WAIT: Duration = Duration::from_secs(120);

fn resources() -> Arc<Resources> {
    static RES: OnceLock<Arc<Resources>> = OnceLock::new();
    Arc::clone(RES.get_or_init(|| Arc::new(Resources::bundled().unwrap())))
}

fn sample_corpus() -> Corpus {
    let doc = claimmap::app::worker::text_document(
        claimmap::SAMPLE_NAME,
        claimmap::SAMPLE_ARTICLE.to_string(),
    );
    extract(&resources(), vec![doc]).corpus
}

/// The app on the sample, as if opened from `inputs`, in a 1500×900 window.
fn harness_with(inputs: Vec<PathBuf>) -> Harness<'static, ClaimmapApp> {
    let mut app = ClaimmapApp::with_corpus(sample_corpus(), inputs);
    app.set_resources(resources());
    Harness::builder()
        .with_size([1500.0, 900.0])
        // A widget that appears for the first time (the export report, a new document's
        // rows) is styled on the frame after; a worker finishing mid-run adds a few more.
        .with_max_steps(16)
        .build_ui_state(|ui, app: &mut ClaimmapApp| app.show(ui), app)
}

fn harness() -> Harness<'static, ClaimmapApp> {
    harness_with(Vec::new())
}

/// Lets the workers finish, then draws what they left.
fn settle(h: &mut Harness<'_, ClaimmapApp>) {
    // Fixed steps, not `run()`: a worker that finishes while we step repaints at its own pace.
    h.run_steps(2);
    h.state_mut().wait_for_workers(WAIT);
    h.run();
}

/// The content of each claim the list holds.
fn listed(h: &Harness<'_, ClaimmapApp>) -> Vec<String> {
    let state = h.state().state();
    let corpus = state.corpus();
    state
        .view()
        .iter()
        .map(|&c| content(corpus, c).to_string())
        .collect()
}

fn content(corpus: &Corpus, c: ClaimId) -> &str {
    let claim = corpus.claim(c);
    claim.content.slice(&corpus.document(claim.doc).text)
}

/// The labels of the claim rows on screen.
fn rows(h: &Harness<'_, ClaimmapApp>) -> Vec<String> {
    h.query_all_by_role(Role::ListItem)
        .filter_map(|n| n.accesskit_node().label())
        .collect()
}

/// Whether an accessible name is a map marker's: "Kursk, city, 1 claim".
fn is_marker(label: &str) -> bool {
    let parts: Vec<&str> = label.split(", ").collect();
    parts.len() >= 3
        && parts
            .last()
            .is_some_and(|l| l.ends_with(" claim") || l.ends_with(" claims"))
}

/// The map marker whose accessible name starts with the place's name and kind.
fn marker_label(h: &Harness<'_, ClaimmapApp>, name: &str, kind: &str) -> String {
    let prefix = format!("{name}, {kind}, ");
    let labels: Vec<String> = h
        .query_all_by_role(Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| l.starts_with(&prefix) && is_marker(l))
        .collect();
    assert_eq!(labels.len(), 1, "one marker named {name}: {labels:?}");
    labels[0].clone()
}

fn place_named(corpus: &Corpus, name: &str, kind: claimmap::model::PlaceKind) -> PlaceId {
    corpus
        .places()
        .iter()
        .find(|p| p.name == name && p.kind == kind)
        .unwrap()
        .id
}

/// A click of the primary button at a point of the window.
fn click_at(h: &mut Harness<'_, ClaimmapApp>, pos: egui::Pos2) {
    h.event(egui::Event::PointerMoved(pos));
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::default(),
        });
    }
    h.run();
}

#[test]
fn clicking_the_kursk_marker_lists_exactly_the_claims_that_mention_kursk() {
    let mut h = harness();
    // where the map projects Kursk's coordinates this frame
    let at = {
        let state = h.state().state();
        let kursk = place_named(state.corpus(), "Kursk", claimmap::model::PlaceKind::City);
        let lonlat = state.corpus().place(kursk).point.unwrap();
        assert!((lonlat.lon - 36.19).abs() < 0.1 && (lonlat.lat - 51.73).abs() < 0.1);
        let [x, y] = project(lonlat);
        let transform = h.state().map().transform().unwrap();
        transform.position_from_point(&PlotPoint::new(x, y))
    };
    // a marker widget named Kursk, the city, sits there (the oblast has one of its own)
    let label = marker_label(&h, "Kursk", "city");
    assert!(h.get_by_label(&label).rect().contains(at));
    click_at(&mut h, at);

    let state = h.state().state();
    let corpus = state.corpus();
    let Some(Item::Place(selected)) = state.selection.selected else {
        panic!("no place selected: {:?}", state.selection.selected);
    };
    assert_eq!(corpus.place(selected).name, "Kursk");
    assert_eq!(
        corpus.place(selected).kind,
        claimmap::model::PlaceKind::City
    );

    let expected: Vec<String> = corpus
        .claims()
        .iter()
        .filter(|c| corpus.places_of(c.id).contains(&selected))
        .map(|c| content(corpus, c.id).to_string())
        .collect();
    assert!(expected.iter().all(|c| c.contains("Kursk")));
    assert!(!expected.is_empty());
    assert_eq!(listed(&h), expected);
    // and the list on screen shows those rows, no others
    let on_screen = rows(&h);
    assert_eq!(on_screen.len(), expected.len(), "{on_screen:?}");
    for (row, want) in on_screen.iter().zip(&expected) {
        assert!(
            row.ends_with(want.as_str()),
            "row {row:?} should hold {want:?}"
        );
    }
    assert!(h.query_by_label_contains("Showing 2 of").is_some() || expected.len() != 2);

    // Esc clears the selection and the list holds every claim again
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(h.state().state().selection.selected, None);
    assert_eq!(listed(&h).len(), h.state().state().corpus().claims().len());
}

#[test]
fn clicking_a_claim_selects_it_and_lights_up_its_places() {
    let mut h = harness();
    let (claim, label, places) = {
        let corpus = h.state().state().corpus();
        let c = corpus
            .claims()
            .iter()
            .find(|c| corpus.places_of(c.id).len() >= 2)
            .unwrap();
        let label = format!("{}: {}", corpus.source_name(c), content(corpus, c.id));
        let places: BTreeSet<String> = corpus
            .places_of(c.id)
            .iter()
            .map(|&p| corpus.place(p).name.clone())
            .collect();
        (c.id, label, places)
    };
    h.get_by_label(&label).click();
    h.run();

    let state = h.state().state();
    assert_eq!(state.selection.selected, Some(Item::Claim(claim)));
    let row = h.get_by_label(&label);
    assert_eq!(row.accesskit_node().toggled(), Some(Toggled::True));

    // exactly the claim's places are selected on the map
    let selected: BTreeSet<String> = h
        .query_all_by_role(Role::Button)
        .filter(|n| n.accesskit_node().toggled() == Some(Toggled::True))
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| is_marker(l))
        .filter_map(|l| l.split(", ").next().map(str::to_string))
        .collect();
    assert_eq!(selected, places);

    // the arrow keys walk the list from there
    h.key_press(egui::Key::ArrowDown);
    h.run();
    let state = h.state().state();
    let at = state.view().iter().position(|&c| c == claim).unwrap();
    assert_eq!(
        state.selection.selected,
        Some(Item::Claim(state.view()[at + 1]))
    );
}

#[test]
fn a_place_in_the_article_text_selects_it() {
    let mut h = harness();
    h.get_all_by_label("Pyongyang (place in the article)")
        .next()
        .unwrap()
        .click();
    h.run();
    let state = h.state().state();
    let pyongyang = place_named(
        state.corpus(),
        "Pyongyang",
        claimmap::model::PlaceKind::City,
    );
    // the mention is selected (to review it), and its place is what the list and map show
    let Some(Item::Mention(m)) = state.selection.selected else {
        panic!("no mention selected: {:?}", state.selection.selected);
    };
    assert_eq!(state.corpus().mention(m).place, pyongyang);
    assert_eq!(state.focused_place(), Some(pyongyang));
    assert!(listed(&h).iter().all(|c| c.contains("Pyongyang")));
}

#[test]
fn the_source_kind_filter_keeps_only_that_kind() {
    let mut h = harness();
    h.get_by_role_and_label(Role::Switch, "state media").click();
    h.run();

    let state = h.state().state();
    let corpus = state.corpus();
    let kinds: Vec<SourceKind> = state
        .view()
        .iter()
        .map(|&c| corpus.source(corpus.claim(c).source.unwrap()).kind)
        .collect();
    assert!(!kinds.is_empty());
    assert!(
        kinds.iter().all(|&k| k == SourceKind::StateMedia),
        "{kinds:?}"
    );
    let total = corpus.claims().len();
    let counts = format!("Showing {} of {total} claims", kinds.len());
    assert!(h.query_by_label(&counts).is_some(), "no {counts:?}");
    assert!(rows(&h).iter().all(|r| r.contains("state media")));

    // clicking it again shows every kind
    h.get_by_role_and_label(Role::Switch, "state media").click();
    h.run();
    assert_eq!(listed(&h).len(), total);
}

#[test]
fn ctrl_f_focuses_the_search_and_typing_narrows_the_list() {
    let mut h = harness();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    let search = h.get_by_label("Search");
    assert!(search.is_focused());
    search.type_text("DEMINING");
    h.run();

    let expected: Vec<String> = {
        let corpus = h.state().state().corpus();
        corpus
            .claims()
            .iter()
            .map(|c| content(corpus, c.id).to_string())
            .filter(|c| c.to_lowercase().contains("demining"))
            .collect()
    };
    assert!(!expected.is_empty());
    assert_eq!(listed(&h), expected);
    assert_eq!(rows(&h).len(), expected.len());
}

#[test]
fn export_through_the_dialog_writes_a_file_that_parses() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("article.txt");
    std::fs::write(&input, claimmap::SAMPLE_ARTICLE).unwrap();
    let mut h = harness_with(vec![input]);

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    h.get_by_label("JSON").click();
    h.run();
    let expected_path = dir.path().join("article.claims.json");
    let field = h.get_by_label("Export to");
    assert_eq!(
        field.value().as_deref(),
        Some(expected_path.to_str().unwrap())
    );
    h.get_by_role_and_label(Role::Button, "Export").click();
    settle(&mut h);

    let text = std::fs::read_to_string(&expected_path).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let claims = h.state().state().corpus().claims().len();
    assert_eq!(json["claims"].as_array().unwrap().len(), claims);
    let wrote = format!("Wrote {claims} claims to {}", expected_path.display());
    let status = h.state().state().status.clone().unwrap();
    assert_eq!(status.message, wrote);
    // in the dialog and in the status bar
    assert_eq!(h.query_all_by_label_contains(&wrote).count(), 2);

    // again: the file exists, so the dialog asks, and only "Replace" replaces it
    std::fs::write(&expected_path, "keep me").unwrap();
    h.get_by_role_and_label(Role::Button, "Export").click();
    settle(&mut h);
    assert_eq!(std::fs::read_to_string(&expected_path).unwrap(), "keep me");
    assert!(h.query_by_label_contains("already exists").is_some());
    h.get_by_role_and_label(Role::Button, "Replace").click();
    settle(&mut h);
    let text = std::fs::read_to_string(&expected_path).unwrap();
    assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok());
}

#[test]
fn the_map_as_shown_exports_as_a_png_of_that_view() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("article.txt");
    std::fs::write(&input, claimmap::SAMPLE_ARTICLE).unwrap();
    let mut h = harness_with(vec![input]);

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    // every format's choice fits within the dialog (the path field spans its width, after
    // its label and before "Browse…"), none over another
    let field = h.get_by_label("Export to").rect();
    let formats: Vec<egui::Rect> = claimmap::export::ALL
        .iter()
        .map(|e| h.get_by_label(e.name()).rect())
        .collect();
    for (i, r) in formats.iter().enumerate() {
        let name = claimmap::export::ALL[i].name();
        assert!(
            r.min.x >= field.min.x - 100.0 && r.max.x <= field.max.x + 100.0,
            "{name} at {r:?}, the path field at {field:?}"
        );
        assert!(
            formats[..i].iter().all(|o| !o.intersects(*r)),
            "{name} overlaps"
        );
    }
    // the view choice is offered for the formats that draw the map only
    assert!(
        h.query_by_label_contains("Map as it is shown now")
            .is_none()
    );
    h.get_by_label("PNG map").click();
    h.run();
    h.get_by_label_contains("Map as it is shown now").click();
    h.run();
    let shown = h.state().map().view();
    assert!(shown.is_some());
    let dialog_view = h.state().state().export_dialog.as_ref().unwrap().view;
    assert_eq!(dialog_view, shown);
    h.get_by_role_and_label(Role::Button, "Export").click();
    settle(&mut h);

    let png = std::fs::read(dir.path().join("article.claims.png")).unwrap();
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
    assert_eq!(pixmap.width(), 1600);
}

#[test]
fn exporting_the_selected_place_writes_only_its_claims_as_csv() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("news.txt");
    std::fs::write(&input, claimmap::SAMPLE_ARTICLE).unwrap();
    let mut h = harness_with(vec![input]);
    let label = marker_label(&h, "Kursk", "city");
    h.get_by_label(&label).click();
    h.run();
    h.get_by_label_contains("Export…").click();
    h.run();
    h.get_by_label_contains("About Kursk").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Export").click();
    settle(&mut h);

    let path = dir.path().join("news.claims.csv");
    let mut reader = csv::Reader::from_path(&path).unwrap();
    let contents: Vec<String> = reader
        .deserialize::<std::collections::HashMap<String, String>>()
        .map(|r| r.unwrap()["content"].clone())
        .collect();
    assert_eq!(contents, listed(&h));
    assert!(contents.iter().all(|c| c.contains("Kursk")));
}

#[test]
fn opening_a_binary_file_reports_an_error_and_keeps_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("scan.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let mut h = harness();
    let claims = h.state().state().corpus().claims().len();

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run();
    let field = h.get_by_label("Path");
    field.focus();
    field.type_text(binary.to_str().unwrap());
    h.run();
    h.get_by_role_and_label(Role::Button, "Open").click();
    settle(&mut h);

    let state = h.state().state();
    let status = state.status.clone().unwrap();
    assert!(status.message.contains("binary"), "{}", status.message);
    assert!(
        status.message.contains(&display(&binary)),
        "{}",
        status.message
    );
    assert_eq!(state.corpus().claims().len(), claims);
    assert!(h.query_by_label_contains("the file is binary").is_some());
    assert!(!rows(&h).is_empty());
}

#[test]
fn pasted_text_becomes_a_new_document() {
    let mut h = harness();
    h.get_by_role_and_label(Role::Button, "Paste text").click();
    h.run();
    let text = h.get_by_label("Text");
    text.focus();
    text.type_text("Ukrainian officials said Russian troops shelled Kharkiv overnight.");
    h.run();
    h.get_by_role_and_label(Role::Button, "Add document")
        .click();
    settle(&mut h);

    let state = h.state().state();
    assert_eq!(state.corpus().documents().len(), 2);
    assert!(state.corpus().places().iter().any(|p| p.name == "Kharkiv"));
    let label = marker_label(&h, "Kharkiv", "city");
    assert!(label.ends_with("1 claim"), "{label}");
}

/// A file or folder dropped on the window.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_folder_dropped_on_the_window_is_added() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("kyiv.txt"),
        "Officials in Kyiv said the bridge over the Dnipro was hit.",
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.bin"), b"\0\0").unwrap();
    let mut h = harness();
    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(dir.path().to_path_buf())));
    settle(&mut h);

    let state = h.state().state();
    assert_eq!(state.corpus().documents().len(), 2);
    assert!(state.corpus().places().iter().any(|p| p.name == "Kyiv"));
    let status = state.status.clone().unwrap();
    assert!(
        status.message.starts_with("Added 1 document"),
        "{}",
        status.message
    );
    // the new article is the one shown
    assert!(h.query_by_label_contains("kyiv.txt").is_some());
}

fn display(p: &Path) -> String {
    p.display().to_string()
}
