//! What the app tests share: the bundled resources loaded once, the sample extracted, the app
//! in a harness, and what the claims list shows.

#![allow(clippy::unwrap_used, dead_code)] // each test file uses its own share of these

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use claimmap::app::ClaimmapApp;
use claimmap::model::{ClaimId, Corpus};
use claimmap::pipeline::{Resources, extract};
use egui_kittest::Harness;

const WAIT: Duration = Duration::from_secs(120);

pub fn resources() -> Arc<Resources> {
    static RES: OnceLock<Arc<Resources>> = OnceLock::new();
    Arc::clone(RES.get_or_init(|| Arc::new(Resources::bundled().unwrap())))
}

pub fn sample_corpus() -> Corpus {
    let doc = claimmap::app::worker::text_document(
        claimmap::SAMPLE_NAME,
        claimmap::SAMPLE_ARTICLE.to_string(),
    );
    extract(&resources(), vec![doc]).corpus
}

pub fn build(app: ClaimmapApp) -> Harness<'static, ClaimmapApp> {
    Harness::builder()
        .with_size([1500.0, 960.0])
        .with_max_steps(16)
        .build_ui_state(|ui, app: &mut ClaimmapApp| app.show(ui), app)
}

pub fn settle(h: &mut Harness<'_, ClaimmapApp>) {
    h.run_steps(2);
    h.state_mut().wait_for_workers(WAIT);
    h.run();
}

pub fn listed(h: &Harness<'_, ClaimmapApp>) -> Vec<String> {
    let state = h.state().state();
    let corpus = state.corpus();
    state
        .view()
        .iter()
        .map(|&c| content(corpus, c).to_string())
        .collect()
}

pub fn content(corpus: &Corpus, c: ClaimId) -> &str {
    let claim = corpus.claim(c);
    claim.content.slice(&corpus.document(claim.doc).text)
}
