//! The corpus views in the real app, driven through egui_kittest: a date range dragged on the
//! timeline narrows the list and the map; a speaker clicked in the Sources panel shows its claims
//! in every article.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

mod common;

use claimmap::app::ClaimmapApp;
use claimmap::model::Corpus;
use claimmap::pipeline::extract;
use common::{build, listed, resources};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// Three dated articles, two quoting one speaker under two names.
fn dated_corpus() -> Corpus {
    let docs = [
        (
            "kyiv.txt",
            "2024-11-01",
            "KYIV — Ukrainian officials said Russian drones struck Odesa overnight.\n",
        ),
        (
            "moscow.txt",
            "2024-11-05",
            "MOSCOW — Russian Security Council Secretary Sergei Shoigu said the talks in Pyongyang went well.\n",
        ),
        (
            "seoul.txt",
            "2024-11-09",
            "SEOUL — Shoigu said North Korea would send more workers to Kursk.\n",
        ),
    ];
    let docs = docs
        .iter()
        .map(|(key, date, text)| {
            let mut d = claimmap::model::Document::new(*key, *text);
            d.date = Some(date.to_string());
            d
        })
        .collect();
    extract(&resources(), docs).corpus
}

fn dated() -> Harness<'static, ClaimmapApp> {
    let mut app = ClaimmapApp::with_corpus(dated_corpus(), Vec::new());
    app.set_resources(resources());
    build(app)
}

fn day(y: i32, m: u8, d: u8) -> i32 {
    claimmap::model::Day::new(y, m, d)
        .unwrap()
        .days_since_epoch() as i32
}

#[test]
fn a_range_dragged_on_the_timeline_leaves_only_its_claims() {
    let mut h = dated();
    assert_eq!(listed(&h).len(), 3);
    let range = h.state().state().timeline().range.unwrap();
    assert_eq!(range, (day(2024, 11, 1), day(2024, 11, 9)));
    let strip = h
        .get_by_label_contains("Timeline, 1 Nov 2024 to 9 Nov 2024")
        .rect();
    let x = |d: i32| claimmap::ui::timeline::x_of(strip, range, d);
    let y = strip.top() + 20.0;
    let (from, to) = (
        egui::pos2(x(day(2024, 11, 4)), y),
        egui::pos2(x(day(2024, 11, 9)), y),
    );
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for k in 1..=4 {
        h.hover_at(from + (to - from) * (k as f32 / 4.0));
        h.run();
    }
    h.drop_at(to);
    h.run();

    let state = h.state().state();
    assert_eq!(
        state.filters().dates,
        Some((day(2024, 11, 4), day(2024, 11, 9)))
    );
    let got = listed(&h);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.iter().all(|c| !c.contains("Odesa")), "{got:?}");
    // the map shows only the places those claims name
    assert!(h.query_by_label_contains("Odesa, city").is_none());
    assert!(h.query_by_label_contains("Pyongyang, city").is_some());
    // and the range is shown, with a button that clears it
    assert!(h.query_by_label("4 Nov 2024 – 9 Nov 2024").is_some());
    h.get_by_role_and_label(Role::Button, "Clear dates").click();
    h.run();
    assert_eq!(listed(&h).len(), 3);
}

#[test]
fn clicking_a_speaker_shows_its_claims_in_every_article() {
    let mut h = dated();
    h.get_by_role_and_label(Role::Button, "Sources").click();
    h.run();
    let row = h
        .query_all_by_role(Role::ListItem)
        .filter_map(|n| n.accesskit_node().label())
        .find(|l| l.starts_with("Sergei Shoigu ("))
        .expect("a row for Sergei Shoigu");
    assert!(row.ends_with("2 claims"), "{row}");
    h.get_by_label(&row).click();
    h.run();
    let state = h.state().state();
    assert!(state.filters().entity.is_some());
    let got = listed(&h);
    assert_eq!(got.len(), 2, "{got:?}");
    let corpus = state.corpus();
    let docs: Vec<&str> = state
        .view()
        .iter()
        .map(|&c| corpus.document(corpus.claim(c).doc).key.as_str())
        .collect();
    assert_eq!(docs, ["moscow.txt", "seoul.txt"]);
    assert!(h.query_by_label_contains("Odesa, city").is_none());
    // the speaker's chip takes the filter off again
    h.get_by_label("Speaker: Sergei Shoigu ×").click();
    h.run();
    assert_eq!(listed(&h).len(), 3);
}

#[test]
fn a_long_load_shows_its_count_and_cancel_keeps_what_was_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.jsonl");
    let line = |i: usize| {
        serde_json::json!({"id": format!("copy-{i}"), "text": claimmap::SAMPLE_ARTICLE}).to_string()
    };
    let lines: Vec<String> = (0..400).map(line).collect();
    std::fs::write(&path, lines.join("\n")).unwrap();

    let mut app = ClaimmapApp::with_corpus(common::sample_corpus(), Vec::new());
    app.set_resources(resources());
    let mut h = build(app);
    let before = listed(&h);
    h.state_mut().open_paths(vec![path]);
    // a few frames while the worker extracts: the count and the button are there
    let mut counted = false;
    for _ in 0..40 {
        h.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(20));
        if h.query_by_label_contains("documents extracted").is_some() {
            counted = true;
            break;
        }
    }
    assert!(counted, "no count while extracting");
    assert!(
        h.query_by_label_contains("of 400 documents extracted")
            .is_some()
    );
    h.get_by_role_and_label(Role::Button, "Cancel").click();
    common::settle(&mut h);

    let state = h.state().state();
    assert_eq!(state.corpus().documents().len(), 1);
    assert_eq!(listed(&h), before);
    let status = state.status.as_ref().unwrap();
    assert!(
        status.message.starts_with("Cancelled"),
        "{}",
        status.message
    );
    assert!(state.progress.is_none());
}

#[test]
fn the_speaker_filter_follows_its_speaker_through_a_review() {
    let mut h = dated();
    h.get_by_role_and_label(Role::Button, "Sources").click();
    h.run();
    let row = h
        .query_all_by_role(Role::ListItem)
        .filter_map(|n| n.accesskit_node().label())
        .find(|l| l.starts_with("Sergei Shoigu ("))
        .expect("a row for Sergei Shoigu");
    h.get_by_label(&row).click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Claims").click();
    h.run();
    // rejecting one of his claims finds the speakers anew; the filter stays on him
    let label = h
        .query_all_by_role(Role::ListItem)
        .filter_map(|n| n.accesskit_node().label())
        .find(|l| l.contains("the talks in Pyongyang went well"))
        .expect("the Moscow claim listed");
    h.get_by_label(&label).click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Reject").click();
    common::settle(&mut h);
    let state = h.state().state();
    let corpus = state.corpus();
    let speaker = state
        .filters()
        .entity
        .map(|e| corpus.entity(e).key.as_str());
    assert_eq!(speaker, Some("person:sergei-shoigu"));
    assert_eq!(
        listed(&h),
        ["North Korea would send more workers to Kursk"],
        "only his standing claim"
    );
}
