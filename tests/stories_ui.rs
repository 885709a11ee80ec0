//! The stories in the real app, driven through egui_kittest on the articles written for the
//! story tests (`tests/fixtures/stories/`): a claim's "also reported by" link shows its whole
//! story on the list and the map; the Stories tab lists the troop count first, contested, and a
//! click filters to it; the figures side by side put "3,000" next to "10,000" with who says
//! each.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use claimmap::app::ClaimmapApp;
use claimmap::model::{ClaimId, Corpus, Story};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use common::{build, content, listed, resources, settle};

/// The app opening the story fixtures, as `claimmap open tests/fixtures/stories` does.
fn stories() -> Harness<'static, ClaimmapApp> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stories");
    let mut app = ClaimmapApp::with_corpus(Corpus::default(), Vec::new());
    app.set_resources(resources());
    app.open_paths(vec![dir]);
    let mut h = build(app);
    settle(&mut h);
    h
}

/// The claim whose content starts so, in the document whose key contains `doc`.
fn claim(h: &Harness<'_, ClaimmapApp>, doc: &str, starts: &str) -> ClaimId {
    let corpus = h.state().state().corpus();
    corpus
        .claims()
        .iter()
        .find(|c| {
            corpus.document(c.doc).key.contains(doc) && content(corpus, c.id).starts_with(starts)
        })
        .unwrap_or_else(|| panic!("no claim {starts:?} in {doc}"))
        .id
}

/// The troop count's story: "North Korea has sent about 10,000 troops", 9 claims.
fn troops(h: &Harness<'_, ClaimmapApp>) -> Story {
    let c = claim(h, "yonhap-wire", "North Korea has sent about 10,000");
    h.state().state().corpus().story_of(c).unwrap().clone()
}

fn type_in_search(h: &mut Harness<'_, ClaimmapApp>, text: &str) {
    h.get_by_label("Search").focus();
    h.run();
    h.get_by_label("Search").type_text(text);
    h.run();
}

fn clear_search(h: &mut Harness<'_, ClaimmapApp>) {
    h.get_by_label("Search").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Backspace);
    h.run();
}

/// The markers of the map that have a claim the list shows, by place name.
fn markers_shown(h: &Harness<'_, ClaimmapApp>) -> BTreeSet<String> {
    let state = h.state().state();
    let (corpus, index) = (state.corpus(), state.index());
    let groups = state.view_groups().expect("a filter narrows the map");
    index
        .groups
        .iter()
        .zip(groups)
        .filter(|(g, n)| **n > 0 && g.point.is_some())
        .map(|(g, _)| corpus.place(g.primary).name.clone())
        .collect()
}

/// The places the story's claims name, by place name.
fn places_of(h: &Harness<'_, ClaimmapApp>, story: &Story) -> BTreeSet<String> {
    let state = h.state().state();
    let (corpus, index) = (state.corpus(), state.index());
    story
        .claims
        .iter()
        .flat_map(|&c| corpus.places_of(c).iter())
        .filter_map(|&p| index.group(p))
        .filter(|g| g.point.is_some())
        .map(|g| corpus.place(g.primary).name.clone())
        .collect()
}

#[test]
fn the_also_reported_link_shows_the_whole_story_on_the_list_and_the_map() {
    let mut h = stories();
    let story = troops(&h);
    assert_eq!(story.claims.len(), 9);
    let all = listed(&h);
    let outside = "Pyongyang had not sent any troops";
    assert!(all.iter().any(|c| c.starts_with(outside)), "{all:?}");

    // bring the Pentagon's claim up, then follow its link
    type_in_search(&mut h, "roughly 10,000");
    h.run();
    let row = h
        .query_all_by_role(Role::ListItem)
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.contains(": roughly 10,000 North Korean soldiers"))
        })
        .expect("the Pentagon's claim is listed")
        .rect();
    let link = "also reported by 5 other sources, 3 origins in all";
    let link = h
        .query_all_by_label(link)
        .find(|n| row.contains_rect(n.rect()))
        .expect("the link in the Pentagon's row");
    link.click();
    h.run();
    assert_eq!(h.state().state().filters().story, Some(story.id));
    clear_search(&mut h);
    assert_eq!(h.state().state().filters().search, "");

    let got = listed(&h);
    assert_eq!(got.len(), 9, "{got:?}");
    assert_eq!(h.state().state().view(), story.claims.as_slice());
    assert!(!got.iter().any(|c| c.starts_with(outside)), "{got:?}");
    assert!(h.query_by_label_contains("Showing 9 of").is_some());
    // the map shows the story's places and no other
    let places = places_of(&h, &story);
    assert!(!places.is_empty());
    assert_eq!(markers_shown(&h), places);
    // the story's chip takes the filter off again
    h.get_by_label_contains("Story: ").click();
    h.run();
    assert_eq!(listed(&h), all);
}

#[test]
fn the_stories_tab_lists_the_troop_count_first_contested_and_a_click_filters_to_it() {
    let mut h = stories();
    let story = troops(&h);
    h.get_by_role_and_label(Role::Button, "Stories").click();
    h.run();
    let rows: Vec<String> = h
        .query_all_by_role(Role::ListItem)
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert!(rows.len() >= 2, "{rows:?}");
    let first = &rows[0];
    assert!(
        first.contains("10,000")
            && first.contains("9 claims · 6 sources · 3 independent origins")
            && first.ends_with("contested, disputed"),
        "{first}"
    );
    // the other rows are no bigger
    let corpus = h.state().state().corpus();
    let sizes: Vec<usize> = h
        .state()
        .state()
        .index()
        .stories_by_size
        .iter()
        .map(|&s| corpus.story(s).claims.len())
        .collect();
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{sizes:?}");

    // the search narrows the list: the denial is a story of one claim, not listed
    type_in_search(&mut h, "uniforms");
    h.run();
    let found: Vec<String> = h
        .query_all_by_role(Role::ListItem)
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("uniforms"), "{found:?}");
    clear_search(&mut h);
    assert_eq!(h.state().state().story_search, "");

    h.get_by_label(first).click();
    h.run();
    let state = h.state().state();
    assert_eq!(state.filters().story, Some(story.id));
    assert_eq!(
        state.list_tab,
        claimmap::app::ListTab::Claims,
        "the list shows the claims"
    );
    assert_eq!(listed(&h).len(), 9);
}

#[test]
fn the_figures_side_by_side_show_3000_and_10000_with_who_says_each() {
    let mut h = stories();
    let story = troops(&h);
    h.state_mut()
        .state_mut()
        .apply(claimmap::app::Action::SetStoryFilter(Some(story.id)));
    h.run();
    assert!(h.query_by_label("Figures side by side").is_some());
    // a figure's row: the figure as written; its source, and under it its date and document
    let row = |figure: &str| -> Vec<String> {
        let cell = h.get_by_label(figure).rect();
        let mut cells: Vec<(f32, f32, String)> = h
            .query_all(egui_kittest::kittest::By::new())
            .filter(|n| n.accesskit_node().role() == Role::Label)
            .filter(|n| {
                let r = n.rect();
                (r.center().y - cell.center().y).abs() < 18.0 && r.left() > cell.right()
            })
            .filter_map(|n| {
                let node = n.accesskit_node();
                let label = node.label().or_else(|| node.value())?;
                Some((n.rect().top().round(), n.rect().left(), label))
            })
            .collect();
        cells.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        std::iter::once(figure.to_string())
            .chain(cells.into_iter().map(|c| c.2))
            .collect()
    };
    assert_eq!(
        row("3,000 North Korean troops"),
        [
            "3,000 North Korean troops",
            "Ukraine's military intelligence",
            "5 Nov 2024",
            "2024-11-05_pentagon.txt"
        ]
    );
    assert_eq!(
        row("roughly 10,000 North Korean soldiers"),
        [
            "roughly 10,000 North Korean soldiers",
            "Pentagon",
            "5 Nov 2024",
            "2024-11-05_pentagon.txt"
        ]
    );
    // clicking a figure selects its claim
    h.get_by_label("3,000 North Korean troops").click();
    h.run();
    let three = claim(&h, "pentagon", "only 3,000 North Korean troops");
    assert_eq!(h.state().state().selected_claim(), Some(three));
}
