//! The desktop app (feature `gui`): [`ClaimmapApp`] wires the pure [`AppState`] to the panels
//! of [`crate::ui`] and to the worker threads. Each frame it takes what the workers finished,
//! lets the panels draw and report [`Action`]s, applies them at the end of the frame, and
//! carries out the [`Effect`]s they ask for (a native dialog, a load, an export) off the UI
//! thread, so the window never waits on the disk or on extraction.

pub mod action;
pub mod index;
pub mod review;
pub mod state;
pub mod worker;

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

pub use action::{Action, Effect, ExportRequest, SessionCommand, WorkspaceIntent};
pub use index::CorpusIndex;
pub use review::{ClaimDraft, DraftField, ReviewInfo};
pub use state::{
    AppState, ExportDialog, ExportOutcome, ExportScope, Filters, Item, ListTab, LoadKind, Loaded,
    OpenDialog, PasteDialog, Progress, Selection, Status, StatusLevel, StoryFigures, Timeline,
};
use worker::{CancelFlag, Job, Poll, SessionDone, SharedResources};

use crate::geo::Basemap;
use crate::model::Corpus;
use crate::ui::basemap::BasemapMesh;
use crate::ui::{self, MapCache, theme};
use crate::workspace::Session;

/// Opens the window on the given files, or on the bundled sample when there are none.
pub fn run(paths: Vec<PathBuf>) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("claimmap")
            .with_app_id("claimmap")
            .with_inner_size([1500.0, 920.0])
            .with_min_inner_size([900.0, 560.0])
            .with_drag_and_drop(true),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "claimmap",
        options,
        Box::new(move |cc| {
            cc.egui_ctx.set_theme(egui::Theme::Dark);
            Ok(Box::new(ClaimmapApp::new(paths)))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}

type BasemapResult = Result<(Arc<Basemap>, Arc<BasemapMesh>), String>;

/// What a native dialog returned.
enum Picked {
    Open {
        add: bool,
        paths: Option<Vec<PathBuf>>,
    },
    Save(Option<PathBuf>),
    Workspace {
        intent: WorkspaceIntent,
        path: Option<PathBuf>,
    },
}

/// The app: the state, the map's cache, the review session and the jobs running for it.
pub struct ClaimmapApp {
    state: AppState,
    map: MapCache,
    resources: SharedResources,
    /// The session, while no job has it (a job takes it and hands it back).
    session: Option<Session>,
    /// The job working on the session.
    load: Option<Job<SessionDone>>,
    /// Session commands waiting for the job before them, in order.
    queue: VecDeque<SessionCommand>,
    /// Tells the session job to stop (the toolbar's Cancel).
    cancel: CancelFlag,
    export: Option<Job<ExportOutcome>>,
    basemap: Option<Job<BasemapResult>>,
    dialog: Option<Job<Picked>>,
    /// Use the system's file dialogs (off in tests, which type paths instead).
    native_dialogs: bool,
}

impl ClaimmapApp {
    /// The app as the window opens it: the basemap and the documents (or the sample) load on
    /// workers while the window already draws.
    pub fn new(paths: Vec<PathBuf>) -> ClaimmapApp {
        let mut app = ClaimmapApp::with_corpus(Corpus::default(), Vec::new());
        app.native_dialogs = true;
        app.spawn_basemap();
        app.open_paths(paths);
        app
    }

    /// Opens articles, a workspace, or (with no paths) the bundled sample, on the worker.
    pub fn open_paths(&mut self, paths: Vec<PathBuf>) {
        let command = if paths.is_empty() {
            SessionCommand::LoadSample
        } else {
            SessionCommand::Load { paths, add: false }
        };
        self.state.progress = Some(Progress::new("Opening…"));
        self.session_command(command);
    }

    /// An app over a corpus already extracted (tests, benchmarks), without a basemap until
    /// [`Self::spawn_basemap`] or [`Self::set_basemap`], and with the path field in place of
    /// native dialogs.
    pub fn with_corpus(corpus: Corpus, inputs: Vec<PathBuf>) -> ClaimmapApp {
        let session = Session::unsaved(corpus.clone());
        ClaimmapApp {
            state: AppState::new(corpus, inputs),
            map: MapCache::default(),
            resources: SharedResources::default(),
            session: Some(session),
            load: None,
            queue: VecDeque::new(),
            cancel: CancelFlag::default(),
            export: None,
            basemap: None,
            dialog: None,
            native_dialogs: false,
        }
    }

    /// Prepares the basemap on a worker.
    pub fn spawn_basemap(&mut self) {
        let job = Job::spawn("claimmap-basemap", |_| {
            let basemap = Basemap::bundled().map_err(|e| e.to_string())?;
            let mesh = BasemapMesh::new(&basemap);
            Ok((Arc::new(basemap), Arc::new(mesh)))
        });
        match job {
            Ok(j) => self.basemap = Some(j),
            Err(e) => self
                .state
                .fail(format!("cannot start the basemap worker: {e}")),
        }
    }

    /// Hands over a basemap prepared elsewhere (benchmarks).
    pub fn set_basemap(&mut self, basemap: Arc<Basemap>, mesh: Arc<BasemapMesh>) {
        self.map.set_basemap(basemap, mesh);
    }

    /// Shares already loaded extraction resources with the workers.
    pub fn set_resources(&mut self, resources: Arc<crate::pipeline::Resources>) {
        self.resources = SharedResources::ready(resources);
    }

    /// Whether the system's file dialogs are used (else the path field).
    pub fn set_native_dialogs(&mut self, on: bool) {
        self.native_dialogs = on;
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// For tests that set up a situation directly.
    pub fn state_mut(&mut self) -> &mut AppState {
        &mut self.state
    }

    pub fn map(&self) -> &MapCache {
        &self.map
    }

    /// Whether a worker is running.
    pub fn is_working(&self) -> bool {
        self.load.is_some()
            || self.export.is_some()
            || self.basemap.is_some()
            || self.dialog.is_some()
    }

    /// Blocks until every worker is done (queued session commands included) and takes its
    /// result (tests, benchmarks).
    pub fn wait_for_workers(&mut self, timeout: Duration) {
        if let Some(job) = self.basemap.take() {
            self.take_basemap(job.wait(timeout));
        }
        while let Some(job) = self.load.take() {
            self.take_load(job.wait(timeout));
        }
        if let Some(job) = self.export.take() {
            self.take_export(job.wait(timeout));
        }
    }

    /// One frame: the same function eframe calls, and tests and benchmarks drive.
    pub fn show(&mut self, ui: &mut Ui) {
        self.poll_workers();
        let mut actions = Vec::new();
        self.keyboard_and_drops(ui, &mut actions);

        egui::Panel::top("claimmap-toolbar").show(ui, |ui| {
            ui::toolbar_ui(ui, &self.state, &mut actions);
        });
        egui::Panel::bottom("claimmap-status").show(ui, |ui| {
            ui::status_ui(ui, &self.state, &mut actions);
        });
        egui::Panel::left("claimmap-claims")
            .default_size(theme::PANEL_CLAIMS_WIDTH)
            .min_size(320.0)
            .show(ui, |ui| {
                ui.add_space(4.0);
                list_tabs_ui(ui, &self.state, &mut actions);
                match self.state.list_tab {
                    ListTab::Claims => {
                        ui::filters_ui(ui, &self.state, &mut actions);
                        ui.separator();
                        if self.state.filters().story.is_some() {
                            ui::story_header_ui(ui, &self.state, &mut actions);
                            ui.separator();
                        }
                        ui::claims_ui(ui, &self.state, &mut actions);
                    }
                    ListTab::Sources => ui::sources_ui(ui, &self.state, &mut actions),
                    ListTab::Stories => ui::stories_ui(ui, &self.state, &mut actions),
                }
            });
        egui::Panel::right("claimmap-article")
            .default_size(theme::PANEL_ARTICLE_WIDTH)
            .min_size(260.0)
            .show(ui, |ui| {
                ui.add_space(4.0);
                ui::article_ui(ui, &self.state, &mut actions);
            });
        // under the map, between the list and the article
        egui::Panel::bottom("claimmap-review")
            .resizable(true)
            .default_size(theme::REVIEW_PANEL_HEIGHT)
            .min_size(120.0)
            .show(ui, |ui| {
                ui.add_space(4.0);
                ui::review_ui(ui, &self.state, &mut actions);
            });
        egui::Panel::bottom("claimmap-timeline")
            .resizable(false)
            .exact_size(theme::TIMELINE_PANEL_HEIGHT)
            .show(ui, |ui| {
                ui.add_space(2.0);
                ui::timeline_ui(ui, &self.state, &mut actions);
            });
        egui::CentralPanel::default().show(ui, |ui| {
            ui::map_ui(ui, &self.state, &mut self.map, &mut actions);
        });

        let ctx = ui.ctx().clone();
        ui::attention_ui(&ctx, &self.state, &mut actions);
        ui::export_dialog_ui(&ctx, &self.state, self.map.view(), &mut actions);
        ui::open_dialog_ui(&ctx, &self.state, &mut actions);
        ui::paste_dialog_ui(&ctx, &self.state, &mut actions);
        drop_overlay(ui);

        for effect in self.state.apply_frame(actions) {
            self.carry_out(effect);
        }
        if self.is_working() {
            // workers report through channels: look again soon
            ui.ctx().request_repaint_after(Duration::from_millis(30));
        }
    }

    /// Shortcuts, Esc, the arrows in the list, and files dropped on the window.
    fn keyboard_and_drops(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let shortcut = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        let dialog_open = self.state.export_dialog.is_some()
            || self.state.open_dialog.is_some()
            || self.state.paste_dialog.is_some();
        let typing = ui.ctx().egui_wants_keyboard_input();
        let mut focus_search = false;
        ui.input_mut(|i| {
            if i.consume_shortcut(&shortcut(Key::O)) {
                actions.push(Action::ChooseFiles { add: false });
            }
            if i.consume_shortcut(&shortcut(Key::E)) && !self.state.corpus().claims().is_empty() {
                actions.push(Action::ShowExportDialog);
            }
            focus_search = i.consume_shortcut(&shortcut(Key::F));
            // undo and redo of the review, unless a text field has the keys
            if !typing {
                let redo = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
                if i.consume_shortcut(&redo) || i.consume_shortcut(&shortcut(Key::Y)) {
                    actions.push(Action::Redo);
                } else if i.consume_shortcut(&shortcut(Key::Z)) {
                    actions.push(Action::Undo);
                }
            }
            if !typing && i.key_pressed(Key::Escape) {
                if self.state.export_dialog.is_some() {
                    actions.push(Action::CloseExportDialog);
                } else if self.state.draft.is_some() {
                    actions.push(Action::CancelDraft);
                } else if self.state.open_dialog.is_some() {
                    actions.push(Action::CloseOpenDialog);
                } else if self.state.paste_dialog.is_some() {
                    actions.push(Action::ClosePasteDialog);
                } else {
                    actions.push(Action::ClearSelection);
                }
            }
            if !typing && !dialog_open {
                if i.consume_key(Modifiers::NONE, Key::ArrowDown) {
                    actions.push(Action::SelectNextClaim);
                }
                if i.consume_key(Modifiers::NONE, Key::ArrowUp) {
                    actions.push(Action::SelectPreviousClaim);
                }
            }
            let dropped: Vec<PathBuf> = i
                .raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect();
            if !dropped.is_empty() {
                actions.push(Action::OpenPaths {
                    paths: dropped,
                    add: true,
                });
            }
        });
        if focus_search {
            ui.memory_mut(|m| m.request_focus(ui::filters::search_id()));
        }
    }

    fn carry_out(&mut self, effect: Effect) {
        match effect {
            Effect::PickFiles { add } => {
                if !self.native_dialogs {
                    self.state.show_open_field(add, None);
                    return;
                }
                self.spawn_dialog(move || Picked::Open {
                    add,
                    paths: rfd::FileDialog::new()
                        .set_title(if add { "Add articles" } else { "Open articles" })
                        .add_filter("Articles", &["txt", "md", "html", "htm", "jsonl"])
                        .pick_files(),
                });
            }
            Effect::PickExportPath { suggested } => {
                if !self.native_dialogs {
                    return;
                }
                self.spawn_dialog(move || {
                    let mut d = rfd::FileDialog::new().set_title("Export claims");
                    if let Some(dir) = suggested.parent().filter(|d| d.is_dir()) {
                        d = d.set_directory(dir);
                    }
                    if let Some(name) = suggested.file_name() {
                        d = d.set_file_name(name.to_string_lossy());
                    }
                    Picked::Save(d.save_file())
                });
            }
            Effect::Session(command) => self.session_command(command),
            Effect::CancelWork => {
                // what is queued behind the job goes too: the user wants the app back
                self.queue.clear();
                self.cancel.cancel();
            }
            Effect::PickWorkspacePath(intent) => {
                if !self.native_dialogs {
                    self.state.show_workspace_field(intent, None);
                    return;
                }
                let current = self.state.review.workspace.clone();
                self.spawn_dialog(move || {
                    let mut d = rfd::FileDialog::new()
                        .set_title(intent.title())
                        .add_filter("claimmap workspace", &["claimmap"]);
                    if let Some(dir) = current.as_ref().and_then(|c| c.parent()) {
                        d = d.set_directory(dir);
                    }
                    let path = match intent {
                        WorkspaceIntent::Open => d.pick_file(),
                        _ => d.set_file_name("review.claimmap").save_file(),
                    };
                    Picked::Workspace { intent, path }
                });
            }
            Effect::SearchPlaces(query) => {
                // a binary search over the gazetteer's sorted names: quick enough to answer
                // in the frame
                let results = match self.resources.loaded() {
                    Some(res) => res
                        .gazetteer
                        .search(&query, 12)
                        .into_iter()
                        .map(|g| crate::pipeline::place_choice(&res, g))
                        .collect(),
                    None => Vec::new(),
                };
                self.state.set_place_results(&query, results);
            }
            Effect::Export(request) => {
                let corpus = self.state.corpus_arc();
                let job = Job::spawn("claimmap-export", move |_| {
                    worker::write_export(&corpus, &request)
                });
                match job {
                    Ok(j) => {
                        self.export = Some(j);
                        self.state.progress = Some(Progress::new("Exporting…"));
                    }
                    Err(e) => self.state.export_finished(ExportOutcome::Failed(format!(
                        "cannot start the export worker: {e}"
                    ))),
                }
            }
        }
    }

    /// Runs a session command now, or after the ones before it.
    fn session_command(&mut self, command: SessionCommand) {
        self.queue.push_back(command);
        self.next_session_command();
    }

    fn next_session_command(&mut self) {
        if self.load.is_some() {
            return;
        }
        let Some(command) = self.queue.pop_front() else {
            return;
        };
        let Some(session) = self.session.take() else {
            self.state
                .fail("The review session was lost; reopen the workspace.".into());
            return;
        };
        let resources = self.resources.clone();
        self.cancel.reset();
        let cancel = self.cancel.clone();
        let job = Job::spawn("claimmap-session", move |report| {
            worker::run_session(&resources, session, command, &cancel, report)
        });
        match job {
            Ok(j) => self.load = Some(j),
            Err(e) => {
                // the closure (and the session in it) is gone with the failed spawn
                self.session = Some(Session::unsaved(self.state.corpus().clone()));
                self.state
                    .fail(format!("cannot start the extraction worker: {e}"));
            }
        }
    }

    /// Native dialogs block the thread that shows them; on a worker the window keeps
    /// drawing. (macOS requires the main thread: there the dialog is shown in place.)
    fn spawn_dialog(&mut self, pick: impl FnOnce() -> Picked + Send + 'static) {
        if cfg!(target_os = "macos") {
            let picked = pick();
            self.take_picked(picked);
            return;
        }
        match Job::spawn("claimmap-file-dialog", move |_| pick()) {
            Ok(j) => self.dialog = Some(j),
            Err(_) => self.state.show_open_field(
                false,
                Some("The system's file dialog is unavailable; type a path instead.".into()),
            ),
        }
    }

    fn poll_workers(&mut self) {
        if let Some(job) = self.load.take() {
            match job.poll() {
                Poll::Running(progress) => {
                    if let (Some(c), Some(p)) = (progress, &mut self.state.progress) {
                        p.done = c.done;
                        p.total = c.total;
                        p.unit = c.unit;
                    }
                    self.load = Some(job);
                }
                other => self.take_load(other),
            }
        }
        if let Some(job) = self.export.take() {
            match job.poll() {
                Poll::Running(_) => self.export = Some(job),
                other => self.take_export(other),
            }
        }
        if let Some(job) = self.basemap.take() {
            match job.poll() {
                Poll::Running(_) => self.basemap = Some(job),
                other => self.take_basemap(other),
            }
        }
        if let Some(job) = self.dialog.take() {
            match job.poll() {
                Poll::Running(_) => self.dialog = Some(job),
                Poll::Done(picked) => self.take_picked(picked),
                Poll::Lost => self.state.show_open_field(
                    false,
                    Some("The system's file dialog failed; type a path instead.".into()),
                ),
            }
        }
    }

    fn take_load(&mut self, poll: Poll<SessionDone>) {
        match poll {
            Poll::Done(done) => {
                self.session = Some(done.session);
                match done.outcome {
                    Ok(loaded) => self.state.load_finished(loaded),
                    Err(failure) => self.state.session_failed(failure.message, failure.warnings),
                }
            }
            Poll::Running(_) => {
                self.state
                    .fail("Loading takes too long; the corpus is unchanged.".into());
                return;
            }
            Poll::Lost => {
                // the session went down with the worker: keep working on what is shown,
                // unsaved, rather than lose it
                self.session = Some(Session::unsaved(self.state.corpus().clone()));
                self.state.fail(
                    "The worker stopped unexpectedly; the corpus is unchanged (and no longer saved: use \"Save workspace as…\").".into(),
                );
            }
        }
        self.next_session_command();
    }

    fn take_export(&mut self, poll: Poll<ExportOutcome>) {
        let outcome = match poll {
            Poll::Done(o) => o,
            Poll::Running(_) => ExportOutcome::Failed("the export takes too long".into()),
            Poll::Lost => ExportOutcome::Failed("the export worker stopped unexpectedly".into()),
        };
        self.state.export_finished(outcome);
    }

    fn take_basemap(&mut self, poll: Poll<BasemapResult>) {
        match poll {
            Poll::Done(Ok((basemap, mesh))) => self.map.set_basemap(basemap, mesh),
            Poll::Done(Err(e)) => self.state.fail(format!("The map has no basemap: {e}")),
            Poll::Running(_) | Poll::Lost => {
                self.state.fail("The basemap could not be prepared.".into())
            }
        }
    }

    fn take_picked(&mut self, picked: Picked) {
        match picked {
            Picked::Open { add, paths: Some(paths) } if !paths.is_empty() => {
                if let Some(effect) = self.state.apply(Action::OpenPaths { paths, add }) {
                    self.carry_out(effect);
                }
            }
            Picked::Open { add, .. } => self.state.show_open_field(
                add,
                Some("The system's file dialog returned nothing (cancelled, or no desktop portal here): type a path instead.".into()),
            ),
            Picked::Save(Some(path)) => {
                self.state.apply(Action::SetExportPath(path.display().to_string()));
            }
            Picked::Save(None) => {}
            Picked::Workspace {
                intent,
                path: Some(path),
            } => {
                // the system's save dialog has asked before replacing
                let replace = intent != WorkspaceIntent::Open;
                if let Some(effect) = self.state.apply(Action::UseWorkspacePath {
                    intent,
                    path,
                    replace,
                }) {
                    self.carry_out(effect);
                }
            }
            Picked::Workspace { path: None, .. } => {}
        }
    }
}

impl eframe::App for ClaimmapApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }
}

/// "Claims", "Sources" and "Stories" at the top of the left panel.
fn list_tabs_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        for (tab, name) in [
            (ListTab::Claims, "Claims"),
            (ListTab::Sources, "Sources"),
            (ListTab::Stories, "Stories"),
        ] {
            if ui
                .selectable_label(state.list_tab == tab, egui::RichText::new(name).strong())
                .clicked()
            {
                actions.push(Action::ShowTab(tab));
            }
        }
    });
    ui.separator();
}

/// A hint over the window while files are dragged over it.
fn drop_overlay(ui: &Ui) {
    let hovering = ui.input(|i| !i.raw.hovered_files.is_empty());
    if !hovering {
        return;
    }
    let rect = ui.ctx().content_rect();
    let painter = ui.ctx().layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("claimmap-drop"),
    ));
    painter.rect_filled(rect, 0.0, theme::DROP_SHADE);
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        "Drop files or folders to add them",
        egui::FontId::proportional(24.0),
        theme::DROP_TEXT,
    );
}
