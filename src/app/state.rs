//! The app's state without egui: the corpus and its index, the one selection every panel
//! reads, the filters and the claims they leave, the dialogs' fields and the status line.
//! [`AppState::apply`] is the only way user actions change it, and it is pure: what needs the
//! outside world comes back as an [`Effect`], so all of this is unit-tested without a window.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::export;
use crate::model::{ClaimId, Corpus, DocId, PlaceId, SourceId, SourceKind};
use crate::pipeline::Warning;

use super::action::{Action, Effect, ExportRequest};
use super::index::CorpusIndex;

/// Anything a user can select or hover, in any panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Item {
    Place(PlaceId),
    Claim(ClaimId),
    Source(SourceId),
    Document(DocId),
}

/// What is selected (clicked) and what the pointer rests on, shared by every panel: select a
/// claim in the list and the map and the article show it too.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    pub selected: Option<Item>,
    pub hovered: Option<Item>,
}

/// What the claims list shows. Empty fields do not filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Case-insensitive text matched against content, cue and source name.
    pub search: String,
    /// A source name (the same speaker across documents counts once).
    pub source: Option<String>,
    /// Source kinds to show; empty shows every kind (and unattributed claims).
    pub kinds: Vec<SourceKind>,
    pub place: Option<PlaceId>,
    pub document: Option<DocId>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// Which claims an export holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportScope {
    /// Every claim of the corpus.
    All,
    /// The claims the list shows now.
    Filtered,
    /// The claims about the selected place.
    SelectedPlace,
}

impl ExportScope {
    pub const ALL: [ExportScope; 3] = [
        ExportScope::All,
        ExportScope::Filtered,
        ExportScope::SelectedPlace,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ExportScope::All => "All claims",
            ExportScope::Filtered => "Current filter",
            ExportScope::SelectedPlace => "Selected place",
        }
    }
}

/// The export dialog's fields.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportDialog {
    /// Index into `export::ALL`.
    pub format: usize,
    pub scope: ExportScope,
    pub path: String,
    /// The file exists: the dialog asks before replacing it.
    pub confirm_replace: bool,
    /// An export is being written.
    pub is_busy: bool,
    /// The last outcome: `Ok(where it wrote)` or `Err(why not)`.
    pub outcome: Option<Result<String, String>>,
}

/// The open dialog's path field (shown when the native dialog is unavailable).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenDialog {
    pub path: String,
    pub add: bool,
    /// Why the field is shown, or what was wrong with the last attempt.
    pub note: Option<String>,
}

/// The "Paste text" dialog's fields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PasteDialog {
    pub title: String,
    pub text: String,
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusLevel {
    Info,
    Warning,
    Error,
}

/// The status bar's message, with the full list of problems behind it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub level: StatusLevel,
    pub message: String,
    pub details: Vec<String>,
}

/// Progress of the running job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub label: String,
    pub done: usize,
    pub total: usize,
}

/// A loaded corpus and what it came from, as the worker hands it over.
#[derive(Debug)]
pub struct Loaded {
    pub corpus: Arc<Corpus>,
    pub index: Arc<CorpusIndex>,
    /// The paths read, for the export's default folder.
    pub inputs: Vec<PathBuf>,
    /// Documents that joined the corpus.
    pub new_documents: usize,
    pub warnings: Vec<Warning>,
    /// Added to the previous corpus rather than replacing it.
    pub add: bool,
}

/// What happened to an export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportOutcome {
    Written {
        path: PathBuf,
        claims: usize,
    },
    /// The file exists and replacing was not confirmed.
    Exists(PathBuf),
    Failed(String),
}

/// Everything the panels draw from.
pub struct AppState {
    corpus: Arc<Corpus>,
    index: Arc<CorpusIndex>,
    /// The claims the filters leave, in corpus order.
    view: Vec<ClaimId>,
    inputs: Vec<PathBuf>,
    /// Where exports go when the corpus came from no file (the sample, pasted text).
    fallback_dir: PathBuf,
    pub selection: Selection,
    filters: Filters,
    /// The document in the article panel.
    pub article: Option<DocId>,
    pub status: Option<Status>,
    /// Set while a load or export runs on the worker.
    pub progress: Option<Progress>,
    pub open_dialog: Option<OpenDialog>,
    pub paste_dialog: Option<PasteDialog>,
    pub export_dialog: Option<ExportDialog>,
    /// Bumped when the map should fit the data (on load, on reset); the map keeps the last
    /// value it honoured.
    pub map_fit: u64,
    /// Bumped when the list and the article should bring the selection into view.
    pub reveal: u64,
    /// Bumped whenever the corpus is replaced, so caches know to rebuild.
    generation: u64,
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new(Corpus::default(), Vec::new())
    }
}

impl AppState {
    /// A state over an extracted corpus; `inputs` are the paths it was read from.
    pub fn new(corpus: Corpus, inputs: Vec<PathBuf>) -> AppState {
        let index = CorpusIndex::new(&corpus);
        let mut state = AppState {
            corpus: Arc::new(corpus),
            index: Arc::new(index),
            view: Vec::new(),
            inputs,
            fallback_dir: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
            selection: Selection::default(),
            filters: Filters::default(),
            article: None,
            status: None,
            progress: None,
            open_dialog: None,
            paste_dialog: None,
            export_dialog: None,
            map_fit: 1,
            reveal: 0,
            generation: 1,
        };
        state.article = state.corpus.documents().first().map(|d| d.id);
        state.refresh_view();
        state
    }

    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }
    /// The corpus, shareable with a worker thread.
    pub fn corpus_arc(&self) -> Arc<Corpus> {
        Arc::clone(&self.corpus)
    }
    pub fn index(&self) -> &CorpusIndex {
        &self.index
    }
    pub fn filters(&self) -> &Filters {
        &self.filters
    }
    /// The claims the list shows.
    pub fn view(&self) -> &[ClaimId] {
        &self.view
    }
    pub fn inputs(&self) -> &[PathBuf] {
        &self.inputs
    }
    /// Changes whenever the corpus does.
    pub fn corpus_generation(&self) -> u64 {
        self.generation
    }
    pub fn is_busy(&self) -> bool {
        self.progress.is_some()
    }
    /// Where exports go when the corpus came from no file.
    pub fn set_fallback_dir(&mut self, dir: PathBuf) {
        self.fallback_dir = dir;
    }

    /// The place the selection points at: a selected place, else the place filter.
    pub fn focused_place(&self) -> Option<PlaceId> {
        match self.selection.selected {
            Some(Item::Place(p)) => Some(p),
            _ => self.filters.place,
        }
    }

    /// The selected claim, if a claim is selected.
    pub fn selected_claim(&self) -> Option<ClaimId> {
        match self.selection.selected {
            Some(Item::Claim(c)) => Some(c),
            _ => None,
        }
    }

    /// Applies one frame's actions in order. The hover is what this frame reported, or none.
    pub fn apply_frame(&mut self, actions: Vec<Action>) -> Vec<Effect> {
        self.selection.hovered = None;
        actions.into_iter().filter_map(|a| self.apply(a)).collect()
    }

    /// Applies one action; returns the work it needs from outside, if any.
    pub fn apply(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Select(item) => self.select(item),
            Action::Hover(item) => self.selection.hovered = Some(item),
            Action::ClearSelection => {
                self.selection.selected = None;
                if self.filters.place.take().is_some() {
                    self.refresh_view();
                }
            }
            Action::SelectNextClaim => self.step_claim(1),
            Action::SelectPreviousClaim => self.step_claim(-1),

            Action::SetSearch(s) => self.set_filters(|f| f.search = s),
            Action::SetSourceFilter(s) => self.set_filters(|f| f.source = s),
            Action::ToggleKind(kind) => self.set_filters(|f| {
                if let Some(i) = f.kinds.iter().position(|&k| k == kind) {
                    f.kinds.remove(i);
                } else {
                    f.kinds.push(kind);
                    f.kinds.sort();
                }
            }),
            Action::ClearKinds => self.set_filters(|f| f.kinds.clear()),
            Action::SetPlaceFilter(p) => {
                if let Some(Item::Place(_)) = self.selection.selected {
                    self.selection.selected = p.map(Item::Place);
                }
                self.set_filters(|f| f.place = p);
            }
            Action::SetDocumentFilter(d) => {
                if let Some(d) = d {
                    self.article = Some(d);
                }
                self.set_filters(|f| f.document = d);
            }
            Action::ClearFilters => {
                if let Some(Item::Place(_)) = self.selection.selected {
                    self.selection.selected = None;
                }
                self.set_filters(|f| *f = Filters::default());
            }

            Action::ShowDocument(d) => self.select(Item::Document(d)),
            Action::FitMap => self.map_fit += 1,

            Action::ChooseFiles { add } => {
                if self.refuse_when_busy() {
                    return None;
                }
                return Some(Effect::PickFiles { add });
            }
            Action::OpenPaths { paths, add } => {
                if self.refuse_when_busy() {
                    return None;
                }
                if paths.is_empty() {
                    let dialog = self.open_dialog.get_or_insert_with(|| OpenDialog {
                        path: String::new(),
                        add,
                        note: None,
                    });
                    dialog.note = Some("Type the path of a file or folder first.".into());
                    return None;
                }
                self.open_dialog = None;
                return Some(Effect::Load { paths, add });
            }
            Action::SetOpenPath(p) => {
                if let Some(d) = &mut self.open_dialog {
                    d.path = p;
                }
            }
            Action::CloseOpenDialog => self.open_dialog = None,

            Action::ShowPasteDialog => {
                self.paste_dialog.get_or_insert_with(PasteDialog::default);
            }
            Action::SetPasteTitle(t) => {
                if let Some(d) = &mut self.paste_dialog {
                    d.title = t;
                }
            }
            Action::SetPasteText(t) => {
                if let Some(d) = &mut self.paste_dialog {
                    d.text = t;
                }
            }
            Action::SubmitPaste => {
                if self.refuse_when_busy() {
                    return None;
                }
                let dialog = self.paste_dialog.as_mut()?;
                if dialog.text.trim().is_empty() {
                    dialog.note = Some("Paste or type the article's text first.".into());
                    return None;
                }
                let dialog = self.paste_dialog.take()?;
                let title = match dialog.title.trim() {
                    "" => format!("Pasted text {}", self.corpus.documents().len() + 1),
                    t => t.to_string(),
                };
                return Some(Effect::LoadText {
                    title,
                    text: dialog.text,
                });
            }
            Action::ClosePasteDialog => self.paste_dialog = None,

            Action::ShowExportDialog => {
                if self.export_dialog.is_none() {
                    let scope = if self.view.len() < self.corpus.claims().len() {
                        ExportScope::Filtered
                    } else {
                        ExportScope::All
                    };
                    let path = self.default_export_path(0).display().to_string();
                    self.export_dialog = Some(ExportDialog {
                        format: 0,
                        scope,
                        path,
                        confirm_replace: false,
                        is_busy: false,
                        outcome: None,
                    });
                }
            }
            Action::SetExportFormat(format) => {
                let format = format.min(export::ALL.len().saturating_sub(1));
                if let Some(d) = &mut self.export_dialog {
                    d.format = format;
                    d.path = with_export_extension(&d.path, format);
                    d.confirm_replace = false;
                    d.outcome = None;
                }
            }
            Action::SetExportScope(scope) => {
                if let Some(d) = &mut self.export_dialog {
                    d.scope = scope;
                    d.outcome = None;
                }
            }
            Action::SetExportPath(p) => {
                if let Some(d) = &mut self.export_dialog {
                    d.path = p;
                    d.confirm_replace = false;
                    d.outcome = None;
                }
            }
            Action::ChooseExportPath => {
                let d = self.export_dialog.as_ref()?;
                return Some(Effect::PickExportPath {
                    suggested: PathBuf::from(&d.path),
                });
            }
            Action::Export { replace } => return self.export(replace),
            Action::CloseExportDialog => self.export_dialog = None,

            Action::DismissStatus => self.status = None,
        }
        None
    }

    /// The claims an export of this scope holds.
    pub fn export_claims(&self, scope: ExportScope) -> Vec<ClaimId> {
        match scope {
            ExportScope::All => self.corpus.claims().iter().map(|c| c.id).collect(),
            ExportScope::Filtered => self.view.clone(),
            ExportScope::SelectedPlace => self
                .focused_place()
                .map(|p| self.index.claims_about(p).to_vec())
                .unwrap_or_default(),
        }
    }

    /// Next to the first input ("article.txt" → "article.claims.csv"), else in the fallback
    /// folder named after the first document.
    pub fn default_export_path(&self, format: usize) -> PathBuf {
        let ext = export::ALL.get(format).map_or("csv", |e| e.extension());
        let (dir, stem) = match self.inputs.first() {
            Some(input) => {
                let dir = input
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
                let stem = input
                    .file_stem()
                    .map_or_else(|| "claimmap".into(), |s| s.to_string_lossy().into_owned());
                (dir, stem)
            }
            None => {
                let stem = self
                    .corpus
                    .documents()
                    .first()
                    .and_then(|d| Path::new(&d.key).file_stem())
                    .map_or_else(|| "claimmap".into(), |s| s.to_string_lossy().into_owned());
                (self.fallback_dir.clone(), stem)
            }
        };
        dir.join(format!("{stem}.claims.{ext}"))
    }

    /// Shows the path field, as when the native open dialog returns nothing.
    pub fn show_open_field(&mut self, add: bool, note: Option<String>) {
        let path = self
            .inputs
            .first()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        self.open_dialog = Some(OpenDialog { path, add, note });
    }

    /// Installs what the worker loaded, or keeps the corpus and reports why nothing loaded.
    pub fn load_finished(&mut self, loaded: Loaded) {
        self.progress = None;
        let details: Vec<String> = loaded.warnings.iter().map(|w| w.to_string()).collect();
        if loaded.new_documents == 0 {
            let first = details
                .first()
                .cloned()
                .unwrap_or_else(|| "nothing to read".into());
            self.status = Some(Status {
                level: StatusLevel::Error,
                message: format!("Could not open: {first}"),
                details,
            });
            return;
        }
        self.corpus = loaded.corpus;
        self.index = loaded.index;
        self.generation += 1;
        if loaded.add {
            if self.inputs.is_empty() {
                self.inputs = loaded.inputs;
            }
        } else {
            self.inputs = loaded.inputs;
            self.selection = Selection::default();
            self.filters = Filters::default();
            self.article = self.corpus.documents().first().map(|d| d.id);
        }
        if loaded.add {
            // the new documents are last: show the first of them
            let first_new = self.corpus.documents().len() - loaded.new_documents;
            self.article = self.corpus.documents().get(first_new).map(|d| d.id);
        }
        self.refresh_view();
        self.map_fit += 1;
        let corpus = &self.corpus;
        let summary = format!(
            "{} {} {}: {} claims, {} places, {} sources in all.",
            if loaded.add { "Added" } else { "Opened" },
            loaded.new_documents,
            if loaded.new_documents == 1 {
                "document"
            } else {
                "documents"
            },
            corpus.claims().len(),
            corpus.places().len(),
            corpus.sources().len(),
        );
        self.status = Some(match details.len() {
            0 => Status {
                level: StatusLevel::Info,
                message: summary,
                details,
            },
            n => Status {
                level: StatusLevel::Warning,
                message: format!(
                    "{summary} {n} {} skipped: {}",
                    if n == 1 { "problem" } else { "problems" },
                    details[0]
                ),
                details,
            },
        });
    }

    /// Reports a failure that kept the corpus as it was (e.g. the worker died).
    pub fn fail(&mut self, message: String) {
        self.progress = None;
        self.status = Some(Status {
            level: StatusLevel::Error,
            message,
            details: Vec::new(),
        });
    }

    /// Records what happened to an export, in the dialog and the status bar.
    pub fn export_finished(&mut self, outcome: ExportOutcome) {
        self.progress = None;
        let (dialog_outcome, status, confirm) = match outcome {
            ExportOutcome::Written { path, claims } => {
                let msg = format!(
                    "Wrote {claims} {} to {}",
                    if claims == 1 { "claim" } else { "claims" },
                    path.display()
                );
                let status = Status {
                    level: StatusLevel::Info,
                    message: msg.clone(),
                    details: Vec::new(),
                };
                (Some(Ok(msg)), Some(status), false)
            }
            ExportOutcome::Exists(path) => (
                Some(Err(format!(
                    "A file already exists at {}. Replace it?",
                    path.display()
                ))),
                None,
                true,
            ),
            ExportOutcome::Failed(e) => {
                let status = Status {
                    level: StatusLevel::Error,
                    message: format!("Export failed: {e}"),
                    details: Vec::new(),
                };
                (Some(Err(e)), Some(status), false)
            }
        };
        if let Some(d) = &mut self.export_dialog {
            d.is_busy = false;
            d.outcome = dialog_outcome;
            d.confirm_replace = confirm;
        }
        if status.is_some() {
            self.status = status;
        }
    }

    fn export(&mut self, replace: bool) -> Option<Effect> {
        if self.refuse_when_busy() {
            return None;
        }
        let d = self.export_dialog.as_ref()?;
        let (format, scope, path) = (d.format, d.scope, d.path.trim().to_string());
        let claims = self.export_claims(scope);
        let no_place = self.focused_place().is_none();
        let d = self.export_dialog.as_mut()?;
        if path.is_empty() {
            d.outcome = Some(Err("Type where to write the export.".into()));
            return None;
        }
        if scope == ExportScope::SelectedPlace && no_place {
            d.outcome = Some(Err("Select a place on the map first.".into()));
            return None;
        }
        d.is_busy = true;
        d.confirm_replace = false;
        d.outcome = None;
        Some(Effect::Export(ExportRequest {
            path: PathBuf::from(path),
            format,
            claims,
            replace,
        }))
    }

    fn refuse_when_busy(&mut self) -> bool {
        if self.is_busy() {
            self.status = Some(Status {
                level: StatusLevel::Warning,
                message: "Still working on the last request; try again when it is done.".into(),
                details: Vec::new(),
            });
        }
        self.is_busy()
    }

    fn select(&mut self, item: Item) {
        let corpus = Arc::clone(&self.corpus);
        let valid = match item {
            Item::Place(p) => p.index() < corpus.places().len(),
            Item::Claim(c) => c.index() < corpus.claims().len(),
            Item::Source(s) => s.index() < corpus.sources().len(),
            Item::Document(d) => d.index() < corpus.documents().len(),
        };
        if !valid {
            return;
        }
        self.selection.selected = Some(item);
        self.reveal += 1;
        match item {
            Item::Place(p) => {
                self.set_filters(|f| f.place = Some(p));
                // keep the article if it mentions the place, else show the first that does
                let shows_it = self.article.is_some_and(|d| {
                    corpus
                        .mentions_in(d)
                        .iter()
                        .any(|&m| self.index.same_place(corpus.mention(m).place, p))
                });
                if !shows_it {
                    let group = self.index.group(p).map(|g| g.members.clone());
                    let first = group
                        .unwrap_or_else(|| vec![p])
                        .iter()
                        .flat_map(|&m| corpus.place(m).mentions.iter())
                        .map(|&m| corpus.mention(m).doc)
                        .min();
                    if first.is_some() {
                        self.article = first;
                    }
                }
            }
            Item::Claim(c) => self.article = Some(corpus.claim(c).doc),
            Item::Source(s) => self.article = Some(corpus.source(s).doc),
            Item::Document(d) => self.article = Some(d),
        }
    }

    fn step_claim(&mut self, delta: isize) {
        if self.view.is_empty() {
            return;
        }
        let at = self
            .selected_claim()
            .and_then(|c| self.view.iter().position(|&v| v == c));
        let next = match at {
            Some(i) => (i as isize + delta).clamp(0, self.view.len() as isize - 1) as usize,
            None if delta > 0 => 0,
            None => self.view.len() - 1,
        };
        self.select(Item::Claim(self.view[next]));
    }

    fn set_filters(&mut self, change: impl FnOnce(&mut Filters)) {
        change(&mut self.filters);
        self.refresh_view();
    }

    fn refresh_view(&mut self) {
        self.view = filter_claims(&self.corpus, &self.index, &self.filters);
    }
}

/// The claims that pass the filters, in corpus order.
pub fn filter_claims(corpus: &Corpus, index: &CorpusIndex, f: &Filters) -> Vec<ClaimId> {
    let needle = f.search.trim().to_lowercase();
    let candidates: Box<dyn Iterator<Item = ClaimId> + '_> = match (f.place, f.document) {
        (Some(p), _) => Box::new(index.claims_about(p).iter().copied()),
        (None, Some(d)) if d.index() < corpus.documents().len() => {
            Box::new(corpus.claims_in(d).iter().copied())
        }
        _ => Box::new(corpus.claims().iter().map(|c| c.id)),
    };
    candidates
        .filter(|&id| {
            let c = corpus.claim(id);
            if f.document.is_some_and(|d| c.doc != d) {
                return false;
            }
            let source = c.source.map(|s| corpus.source(s));
            if let Some(name) = &f.source
                && source.is_none_or(|s| &s.name != name)
            {
                return false;
            }
            if !f.kinds.is_empty() && source.is_none_or(|s| !f.kinds.contains(&s.kind)) {
                return false;
            }
            needle.is_empty()
                || index
                    .haystacks
                    .get(id.index())
                    .is_some_and(|h| h.contains(&needle))
        })
        .collect()
}

/// Swaps a known export extension for the format's ("out.csv" → "out.json").
fn with_export_extension(path: &str, format: usize) -> String {
    let Some(ext) = export::ALL.get(format).map(|e| e.extension()) else {
        return path.to_string();
    };
    let p = Path::new(path);
    let known = p
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| export::by_name(e).is_some());
    if known || p.extension().is_none() {
        p.with_extension(ext).display().to_string()
    } else {
        path.to_string()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::model::Document;
    use crate::pipeline::{Resources, extract};

    fn sample() -> AppState {
        let res = Resources::bundled().unwrap();
        let doc = Document::new(crate::SAMPLE_NAME, crate::SAMPLE_ARTICLE);
        let mut state = AppState::new(extract(&res, vec![doc]).corpus, Vec::new());
        state.set_fallback_dir(PathBuf::from("/tmp/out"));
        state
    }

    fn place(state: &AppState, name: &str) -> PlaceId {
        state
            .corpus()
            .places()
            .iter()
            .find(|p| p.name == name)
            .unwrap()
            .id
    }

    fn contents(state: &AppState) -> Vec<String> {
        let corpus = state.corpus();
        state
            .view()
            .iter()
            .map(|&c| {
                let c = corpus.claim(c);
                c.content.slice(&corpus.document(c.doc).text).to_string()
            })
            .collect()
    }

    #[test]
    fn selecting_a_place_narrows_the_list_and_esc_restores_it() {
        let mut state = sample();
        let all = state.view().len();
        let kursk = place(&state, "Kursk");
        state.apply(Action::Select(Item::Place(kursk)));
        let got = contents(&state);
        assert!(!got.is_empty());
        assert!(got.iter().all(|c| c.contains("Kursk")), "{got:?}");
        assert_eq!(state.selection.selected, Some(Item::Place(kursk)));
        state.apply(Action::ClearSelection);
        assert_eq!(state.selection.selected, None);
        assert_eq!(state.view().len(), all);
    }

    #[test]
    fn arrows_walk_the_list_and_stop_at_its_ends() {
        let mut state = sample();
        state.apply(Action::SelectNextClaim);
        assert_eq!(state.selected_claim(), Some(state.view()[0]));
        state.apply(Action::SelectPreviousClaim);
        assert_eq!(state.selected_claim(), Some(state.view()[0]));
        state.apply(Action::SelectNextClaim);
        assert_eq!(state.selected_claim(), Some(state.view()[1]));
    }

    #[test]
    fn kinds_search_and_source_filters_combine() {
        let mut state = sample();
        state.apply(Action::ToggleKind(SourceKind::StateMedia));
        let corpus = state.corpus_arc();
        assert!(state.view().iter().all(|&c| {
            let s = corpus.claim(c).source.unwrap();
            corpus.source(s).kind == SourceKind::StateMedia
        }));
        let state_media = corpus
            .claims()
            .iter()
            .filter(|c| {
                c.source
                    .is_some_and(|s| corpus.source(s).kind == SourceKind::StateMedia)
            })
            .count();
        assert_eq!(state.view().len(), state_media);
        state.apply(Action::SetSearch("6,000 WORKERS".into()));
        assert_eq!(contents(&state).len(), 1, "{:?}", contents(&state));
        assert!(contents(&state)[0].contains("6,000 workers"));
        state.apply(Action::ClearFilters);
        state.apply(Action::SetSourceFilter(Some("Sergei Shoigu".into())));
        let by_shoigu = corpus
            .claims()
            .iter()
            .filter(|c| corpus.source_name(c) == "Sergei Shoigu")
            .count();
        assert!(by_shoigu >= 2);
        assert_eq!(state.view().len(), by_shoigu);
    }

    #[test]
    fn hover_lasts_one_frame() {
        let mut state = sample();
        let kursk = place(&state, "Kursk");
        state.apply_frame(vec![Action::Hover(Item::Place(kursk))]);
        assert_eq!(state.selection.hovered, Some(Item::Place(kursk)));
        state.apply_frame(vec![]);
        assert_eq!(state.selection.hovered, None);
    }

    #[test]
    fn export_defaults_next_to_the_input_and_follows_the_format() {
        let mut state = sample();
        state.inputs = vec![PathBuf::from("/news/today/article.txt")];
        state.apply(Action::ShowExportDialog);
        let d = state.export_dialog.as_ref().unwrap();
        assert_eq!(d.path, "/news/today/article.claims.csv");
        let json = export::ALL.iter().position(|e| e.extension() == "json");
        state.apply(Action::SetExportFormat(json.unwrap()));
        let d = state.export_dialog.as_ref().unwrap();
        assert_eq!(d.path, "/news/today/article.claims.json");
    }

    #[test]
    fn export_of_the_sample_goes_to_the_fallback_folder() {
        let state = sample();
        assert_eq!(
            state.default_export_path(0),
            PathBuf::from("/tmp/out/000_e9035b24404bf71a.claims.csv")
        );
    }

    #[test]
    fn an_export_asks_the_app_to_write_the_scoped_claims() {
        let mut state = sample();
        let kursk = place(&state, "Kursk");
        state.apply(Action::Select(Item::Place(kursk)));
        state.apply(Action::ShowExportDialog);
        state.apply(Action::SetExportScope(ExportScope::SelectedPlace));
        let effect = state.apply(Action::Export { replace: false });
        let Some(Effect::Export(req)) = effect else {
            panic!("{effect:?}")
        };
        assert_eq!(req.claims, state.index().claims_about(kursk));
        assert!(!req.replace);
        assert!(state.export_dialog.as_ref().unwrap().is_busy);
        state.export_finished(ExportOutcome::Exists(req.path.clone()));
        assert!(state.export_dialog.as_ref().unwrap().confirm_replace);
    }

    #[test]
    fn a_failed_load_keeps_the_corpus_and_says_why() {
        let mut state = sample();
        let claims = state.corpus().claims().len();
        state.load_finished(Loaded {
            corpus: Arc::new(Corpus::default()),
            index: Arc::new(CorpusIndex::default()),
            inputs: vec![PathBuf::from("/x.bin")],
            new_documents: 0,
            warnings: vec![Warning {
                subject: "/x.bin".into(),
                message: "the file is binary".into(),
            }],
            add: false,
        });
        assert_eq!(state.corpus().claims().len(), claims);
        let status = state.status.as_ref().unwrap();
        assert_eq!(status.level, StatusLevel::Error);
        assert!(status.message.contains("binary"), "{}", status.message);
    }

    #[test]
    fn empty_paste_is_refused_with_a_note() {
        let mut state = sample();
        state.apply(Action::ShowPasteDialog);
        assert_eq!(state.apply(Action::SubmitPaste), None);
        assert!(state.paste_dialog.as_ref().unwrap().note.is_some());
        state.apply(Action::SetPasteText("Officials said Kyiv was hit.".into()));
        let effect = state.apply(Action::SubmitPaste);
        assert!(
            matches!(effect, Some(Effect::LoadText { .. })),
            "{effect:?}"
        );
        assert!(state.paste_dialog.is_none());
    }
}
