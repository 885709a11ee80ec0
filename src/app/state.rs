//! The app's state without egui: the corpus and its index, the one selection every panel
//! reads, the filters and the claims they leave, the dialogs' fields and the status line.
//! [`AppState::apply`] is the only way user actions change it, and it is pure: what needs the
//! outside world comes back as an [`Effect`], so all of this is unit-tested without a window.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::corpus::stories::{FigureRow, disputes, figure_rows};
use crate::export;
use crate::model::{
    ClaimId, Corpus, DocId, EntityId, MentionId, PlaceChoice, PlaceId, SourceId, SourceKind, Span,
    StoryId,
};
use crate::pipeline::Warning;
use crate::workspace::{Attention, ClaimSpans, Op, SourceAnchor};

use super::action::{Action, Effect, ExportRequest, SessionCommand, WorkspaceIntent};
use super::index::CorpusIndex;
use super::review::{ClaimDraft, DraftField, ReviewInfo, anchor_of, char_span, find, review_op};

/// Anything a user can select or hover, in any panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Item {
    Place(PlaceId),
    /// One occurrence of a place name in an article (its place is focused too).
    Mention(MentionId),
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
    /// One speaker across the corpus (its claims in every article).
    pub entity: Option<EntityId>,
    /// One story: the claims across the corpus that assert the same thing.
    pub story: Option<StoryId>,
    /// Claims dated within these days (days since 1970-01-01, both included); an undated
    /// claim is outside every range.
    pub dates: Option<(i32, i32)>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// What the left panel lists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ListTab {
    /// The claims the filters leave.
    #[default]
    Claims,
    /// The speakers across the corpus, most claims first.
    Sources,
    /// The stories told by more than one claim, biggest first.
    Stories,
}

/// A story's figures side by side, for the conflict view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryFigures {
    pub story: StoryId,
    /// The corpus generation they were found in.
    generation: u64,
    /// One row per speaker and figure, the story's first, then those of other stories that
    /// disagree with them.
    pub rows: Vec<FigureRow>,
}

/// Claims per day of the timeline strip, by source kind (`SourceKind::ALL` order, then
/// unattributed), for the claims every filter but the date range leaves.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    /// The first and last day shown (days since 1970-01-01).
    pub range: Option<(i32, i32)>,
    /// Per day from the first: the counts per kind.
    pub days: Vec<[u32; SourceKind::ALL.len() + 1]>,
    /// The highest count of a day.
    pub max: u32,
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
    /// Keep the claims a reviewer rejected (all claims only; they say "rejected").
    pub include_rejected: bool,
    /// A map picture shows this part of the map (the map panel's view when the analyst
    /// chose it), else it fits the places.
    pub view: Option<export::MapView>,
}

/// The open dialog's path field (shown when the native dialog is unavailable).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenDialog {
    pub path: String,
    pub add: bool,
    /// A workspace file rather than articles.
    pub workspace: Option<WorkspaceIntent>,
    /// The file exists: the dialog asks before replacing it.
    pub confirm_replace: bool,
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
    /// What `done` counts ("documents extracted"); empty: a share of the work.
    pub unit: &'static str,
}

impl Progress {
    /// A job just started: nothing counted yet.
    pub fn new(label: impl Into<String>) -> Progress {
        Progress {
            label: label.into(),
            done: 0,
            total: 0,
            unit: "",
        }
    }
}

/// What a finished session command did to the corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadKind {
    /// A new corpus in place of the last (articles or a workspace opened).
    Open,
    /// Documents added to the corpus.
    Add,
    /// The same documents, reviewed again (an operation, undo, redo, a save): the view, the
    /// filters and the selection stay.
    Review,
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
    pub kind: LoadKind,
    /// Review operations of the log that no longer apply.
    pub attention: Vec<Attention>,
    pub review: ReviewInfo,
    /// What happened, for the status bar (a review operation, a save).
    pub message: Option<String>,
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
    /// The workspace behind the corpus and the review log's state.
    pub review: ReviewInfo,
    /// Review operations that no longer apply, with what they were about.
    pub attention: Vec<Attention>,
    /// The "needs attention" window is open.
    pub show_attention: bool,
    /// Text selected in the article.
    pub text_selection: Option<(DocId, Span)>,
    /// A claim being written or edited.
    pub draft: Option<ClaimDraft>,
    /// The "find a place" field and what the gazetteer found for it.
    pub place_search: String,
    pub place_results: Vec<PlaceChoice>,
    /// A source being renamed, and the name typed so far.
    pub rename: Option<(SourceId, String)>,
    /// Review operations sent to the session and not yet back.
    pub pending_reviews: usize,
    /// What the left panel lists.
    pub list_tab: ListTab,
    /// The Sources panel's search.
    pub entity_search: String,
    /// The Stories panel's search.
    pub story_search: String,
    /// The figures side by side of the story filtered on, else of the selected claim's story
    /// when its figures disagree with others.
    figures: Option<StoryFigures>,
    /// Claims per day for the timeline.
    timeline: Timeline,
    /// Per marker group: the claims of the view about it, when a filter narrows the view
    /// (the map shows only those places); `None` when nothing does.
    view_groups: Option<Vec<u32>>,
    /// Bumped whenever the view changes, so the map knows to recount its markers.
    view_generation: u64,
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
            review: ReviewInfo::default(),
            attention: Vec::new(),
            show_attention: false,
            text_selection: None,
            draft: None,
            place_search: String::new(),
            place_results: Vec::new(),
            rename: None,
            pending_reviews: 0,
            list_tab: ListTab::Claims,
            entity_search: String::new(),
            story_search: String::new(),
            figures: None,
            timeline: Timeline::default(),
            view_groups: None,
            view_generation: 1,
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
    /// Claims per day for the timeline strip.
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }
    /// The figures side by side of the story filtered on, else of the selected claim's story
    /// when its figures disagree with others'.
    pub fn figures(&self) -> Option<&StoryFigures> {
        self.figures.as_ref()
    }
    /// Per marker group, the view's claims about it, when a filter narrows the view.
    pub fn view_groups(&self) -> Option<&[u32]> {
        self.view_groups.as_deref()
    }
    /// Changes whenever the view does.
    pub fn view_generation(&self) -> u64 {
        self.view_generation
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

    /// The place the selection points at: a selected place (or mention's place), else the
    /// place filter.
    pub fn focused_place(&self) -> Option<PlaceId> {
        match self.selection.selected {
            Some(Item::Place(p)) => Some(p),
            Some(Item::Mention(m)) => self.corpus.mentions().get(m.index()).map(|m| m.place),
            _ => self.filters.place,
        }
    }

    /// The selected mention, if a mention is selected.
    pub fn selected_mention(&self) -> Option<MentionId> {
        match self.selection.selected {
            Some(Item::Mention(m)) => Some(m),
            _ => None,
        }
    }

    /// The selected source, if a source is selected.
    pub fn selected_source(&self) -> Option<SourceId> {
        match self.selection.selected {
            Some(Item::Source(s)) => Some(s),
            _ => None,
        }
    }

    /// The gazetteer's answers for the "find a place" field (the app looks them up).
    pub fn set_place_results(&mut self, query: &str, results: Vec<PlaceChoice>) {
        if query == self.place_search {
            self.place_results = results;
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
        let effect = self.apply_action(action);
        self.refresh_figures();
        effect
    }

    fn apply_action(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Select(item) => self.select(item),
            Action::Hover(item) => self.selection.hovered = Some(item),
            Action::ClearSelection => {
                self.selection.selected = None;
                self.text_selection = None;
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
                if let Some(Item::Place(_) | Item::Mention(_)) = self.selection.selected {
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
                if let Some(Item::Place(_) | Item::Mention(_)) = self.selection.selected {
                    self.selection.selected = None;
                }
                self.set_filters(|f| *f = Filters::default());
            }

            Action::SetEntityFilter(e) => {
                if e.is_some() {
                    self.list_tab = ListTab::Claims;
                }
                self.set_filters(|f| f.entity = e);
            }
            Action::SetDateRange(range) => {
                let range = range.map(|(a, b)| (a.min(b), a.max(b)));
                self.set_filters(|f| f.dates = range);
            }
            Action::SetStoryFilter(s) => {
                if s.is_some() {
                    self.list_tab = ListTab::Claims;
                }
                self.set_filters(|f| f.story = s);
            }
            Action::ShowTab(tab) => self.list_tab = tab,
            Action::SetEntitySearch(text) => self.entity_search = text,
            Action::SetStorySearch(text) => self.story_search = text,

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
                        workspace: None,
                        confirm_replace: false,
                        note: None,
                    });
                    dialog.note = Some("Type the path of a file or folder first.".into());
                    return None;
                }
                self.open_dialog = None;
                let label = if add { "Adding…" } else { "Opening…" };
                self.progress = Some(Progress::new(label));
                return Some(Effect::Session(SessionCommand::Load { paths, add }));
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
                self.progress = Some(Progress::new("Reading the text…"));
                return Some(Effect::Session(SessionCommand::LoadText {
                    title,
                    text: dialog.text,
                }));
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
                        include_rejected: false,
                        view: None,
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
            Action::SetIncludeRejected(on) => {
                if let Some(d) = &mut self.export_dialog {
                    d.include_rejected = on;
                    d.outcome = None;
                }
            }
            Action::SetExportView(view) => {
                if let Some(d) = &mut self.export_dialog {
                    d.view = view;
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
            Action::CancelWork => {
                if self.progress.is_some() {
                    if let Some(p) = &mut self.progress {
                        p.label = "Cancelling…".into();
                    }
                    return Some(Effect::CancelWork);
                }
            }

            Action::ConfirmClaim(c) => {
                let claim = self.corpus.claims().get(c.index())?;
                let op = Op::ConfirmClaim {
                    content: self.char_span(claim.doc, claim.content),
                };
                return self.review_effect(claim.doc, op);
            }
            Action::RejectClaim(c) => {
                let claim = self.corpus.claims().get(c.index())?;
                let op = Op::RejectClaim {
                    content: self.char_span(claim.doc, claim.content),
                };
                return self.review_effect(claim.doc, op);
            }
            Action::EditClaim(c) => {
                let claim = self.corpus.claims().get(c.index())?;
                self.article = Some(claim.doc);
                self.draft = Some(ClaimDraft {
                    doc: claim.doc,
                    editing: Some(c),
                    content: Some(claim.content),
                    source: claim.source_span,
                    cue: claim.cue,
                    note: None,
                });
            }
            Action::NewClaim => {
                let doc = self.article?;
                let content = self
                    .text_selection
                    .filter(|(d, _)| *d == doc)
                    .map(|(_, s)| s);
                self.draft = Some(ClaimDraft {
                    doc,
                    editing: None,
                    content,
                    source: None,
                    cue: None,
                    note: None,
                });
            }
            Action::SelectText(sel) => {
                self.text_selection = sel.filter(|(d, s)| {
                    !s.is_empty()
                        && self
                            .corpus
                            .documents()
                            .get(d.index())
                            .is_some_and(|doc| s.end as usize <= doc.text.len())
                });
            }
            Action::DraftUseSelection(field) => {
                let (doc, span) = self.text_selection?;
                let draft = self.draft.as_mut()?;
                if draft.doc != doc {
                    draft.note = Some("Select the text in the draft's own article.".into());
                    return None;
                }
                match field {
                    DraftField::Content => draft.content = Some(span),
                    DraftField::Source => draft.source = Some(span),
                    DraftField::Cue => draft.cue = Some(span),
                }
                draft.note = None;
                self.text_selection = None;
            }
            Action::DraftPickSource(source) => {
                let span = match source {
                    Some(s) => Some(*self.corpus.sources().get(s.index())?.mentions.first()?),
                    None => None,
                };
                let draft = self.draft.as_mut()?;
                draft.source = span;
            }
            Action::SubmitDraft => return self.submit_draft(),
            Action::CancelDraft => self.draft = None,
            Action::SetMentionPlace { mention, geonameid } => {
                let m = self.corpus.mentions().get(mention.index())?;
                let op = Op::SetPlace {
                    span: self.char_span(m.doc, m.span),
                    geonameid,
                };
                self.place_search.clear();
                self.place_results.clear();
                return self.review_effect(m.doc, op);
            }
            Action::NotAPlace(mention) => {
                let m = self.corpus.mentions().get(mention.index())?;
                let op = Op::NotAPlace {
                    span: self.char_span(m.doc, m.span),
                };
                return self.review_effect(m.doc, op);
            }
            Action::AddPlace { geonameid } => {
                let (doc, span) = self.text_selection.take()?;
                let op = Op::AddPlace {
                    span: self.char_span(doc, span),
                    geonameid,
                };
                self.place_search.clear();
                self.place_results.clear();
                return self.review_effect(doc, op);
            }
            Action::SetPlaceSearch(text) => {
                self.place_search = text.clone();
                if text.trim().is_empty() {
                    self.place_results.clear();
                    return None;
                }
                return Some(Effect::SearchPlaces(text));
            }
            Action::StartRename(s) => {
                let name = self.corpus.sources().get(s.index())?.name.clone();
                self.rename = Some((s, name));
            }
            Action::SetRenameText(text) => {
                if let Some((_, name)) = &mut self.rename {
                    *name = text;
                }
            }
            Action::SubmitRename => {
                let (s, name) = self.rename.take()?;
                let source = self.corpus.sources().get(s.index())?;
                if name.trim().is_empty() || name.trim() == source.name {
                    return None;
                }
                let op = Op::RenameSource {
                    source: self.char_span(source.doc, *source.mentions.first()?),
                    name: name.trim().to_string(),
                };
                return self.review_effect(source.doc, op);
            }
            Action::CancelRename => self.rename = None,
            Action::MergeSources { from, into } => {
                let (f, i) = (
                    self.corpus.sources().get(from.index())?,
                    self.corpus.sources().get(into.index())?,
                );
                if from == into {
                    return None;
                }
                let op = Op::MergeSources {
                    source: self.char_span(f.doc, *f.mentions.first()?),
                    into: SourceAnchor {
                        doc: self.corpus.document(i.doc).key.clone(),
                        source: self.char_span(i.doc, *i.mentions.first()?),
                    },
                };
                return self.review_effect(f.doc, op);
            }
            Action::SplitSource(s) => {
                let source = self.corpus.sources().get(s.index())?;
                let op = Op::SplitSource {
                    source: self.char_span(source.doc, *source.mentions.first()?),
                };
                return self.review_effect(source.doc, op);
            }
            Action::Undo => {
                if !self.review.can_undo() || self.refuse_when_busy() {
                    return None;
                }
                self.pending_reviews += 1;
                return Some(Effect::Session(SessionCommand::Undo));
            }
            Action::Redo => {
                if !self.review.can_redo() || self.refuse_when_busy() {
                    return None;
                }
                self.pending_reviews += 1;
                return Some(Effect::Session(SessionCommand::Redo));
            }
            Action::ShowAttention(on) => self.show_attention = on,

            Action::ChooseWorkspace(intent) => {
                if self.refuse_when_busy() {
                    return None;
                }
                return Some(Effect::PickWorkspacePath(intent));
            }
            Action::UseWorkspacePath {
                intent,
                path,
                replace,
            } => {
                if self.refuse_when_busy() {
                    return None;
                }
                let exists = path.exists();
                let same = self.review.workspace.as_deref() == Some(path.as_path());
                if intent != WorkspaceIntent::Open && exists && !replace && !same {
                    self.open_dialog = Some(OpenDialog {
                        path: path.display().to_string(),
                        add: false,
                        workspace: Some(intent),
                        confirm_replace: true,
                        note: Some(format!("{} exists. Replace it?", path.display())),
                    });
                    return None;
                }
                if intent == WorkspaceIntent::Open && same {
                    self.status = Some(Status {
                        level: StatusLevel::Info,
                        message: format!("{} is the workspace open here.", path.display()),
                        details: Vec::new(),
                    });
                    self.open_dialog = None;
                    return None;
                }
                self.open_dialog = None;
                let label = match intent {
                    WorkspaceIntent::New => "Creating the workspace…",
                    WorkspaceIntent::Open => "Opening the workspace…",
                    WorkspaceIntent::SaveAs => "Saving the workspace…",
                };
                self.progress = Some(Progress::new(label));
                return Some(Effect::Session(match intent {
                    WorkspaceIntent::New => SessionCommand::NewWorkspace { path, replace },
                    WorkspaceIntent::Open => SessionCommand::OpenWorkspace(path),
                    WorkspaceIntent::SaveAs => SessionCommand::SaveAs { path, replace },
                }));
            }
        }
        None
    }

    /// A span of a document as the review log writes it.
    fn char_span(&self, doc: DocId, span: Span) -> crate::workspace::CharSpan {
        char_span(&self.corpus.document(doc).text, span)
    }

    /// A review operation on a document, for the session to record.
    fn review_effect(&mut self, doc: DocId, op: Op) -> Option<Effect> {
        if self.refuse_when_busy() {
            return None;
        }
        self.pending_reviews += 1;
        Some(Effect::Session(SessionCommand::Review(review_op(
            &self.corpus,
            doc,
            op,
        ))))
    }

    fn submit_draft(&mut self) -> Option<Effect> {
        let draft = self.draft.as_mut()?;
        let Some(content) = draft.content else {
            draft.note =
                Some("Select the claim's words in the article, then \"Use as content\".".into());
            return None;
        };
        let doc = draft.doc;
        let (editing, source, cue) = (draft.editing, draft.source, draft.cue);
        let op = match editing {
            Some(c) => {
                let old = self.corpus.claims().get(c.index())?.content;
                Op::EditClaim {
                    content: self.char_span(doc, old),
                    new: ClaimSpans {
                        source: Some(source.map(|s| self.char_span(doc, s))),
                        cue: cue.map(|s| self.char_span(doc, s)),
                        content: Some(self.char_span(doc, content)),
                    },
                }
            }
            None => Op::AddClaim {
                source: source.map(|s| self.char_span(doc, s)),
                cue: cue.map(|s| self.char_span(doc, s)),
                content: self.char_span(doc, content),
            },
        };
        self.draft = None;
        self.text_selection = None;
        self.review_effect(doc, op)
    }

    /// The claims an export of this scope holds.
    pub fn export_claims(&self, scope: ExportScope) -> Vec<ClaimId> {
        match scope {
            ExportScope::All => self
                .corpus
                .claims()
                .iter()
                .filter(|c| {
                    !c.review.is_rejected()
                        || self
                            .export_dialog
                            .as_ref()
                            .is_some_and(|d| d.include_rejected)
                })
                .map(|c| c.id)
                .collect(),
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
        self.open_dialog = Some(OpenDialog {
            path,
            add,
            workspace: None,
            confirm_replace: false,
            note,
        });
    }

    /// Shows the path field for a workspace file, as when the native dialog is unavailable.
    pub fn show_workspace_field(&mut self, intent: WorkspaceIntent, note: Option<String>) {
        let path = self
            .review
            .workspace
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        self.open_dialog = Some(OpenDialog {
            path,
            add: false,
            workspace: Some(intent),
            confirm_replace: false,
            note,
        });
    }

    /// Installs what the worker loaded, or keeps the corpus and reports why nothing loaded.
    pub fn load_finished(&mut self, loaded: Loaded) {
        self.progress = None;
        if loaded.kind == LoadKind::Review {
            self.review_finished(loaded);
            return;
        }
        let details: Vec<String> = loaded.warnings.iter().map(|w| w.to_string()).collect();
        if loaded.new_documents == 0 && loaded.kind == LoadKind::Add {
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
        let add = loaded.kind == LoadKind::Add;
        let story = self.story_key();
        let speaker = self.speaker_key();
        self.corpus = loaded.corpus;
        self.index = loaded.index;
        self.generation += 1;
        self.review = loaded.review;
        self.attention = loaded.attention;
        self.draft = None;
        self.text_selection = None;
        self.rename = None;
        if add {
            if self.inputs.is_empty() {
                self.inputs = loaded.inputs;
            }
            self.filters.story = self.story_by_key(story.as_deref());
            self.filters.entity = self.speaker_by_key(speaker.as_deref());
        } else {
            self.inputs = loaded.inputs;
            self.selection = Selection::default();
            self.filters = Filters::default();
            self.article = self.corpus.documents().first().map(|d| d.id);
        }
        if add {
            // the new documents are last: show the first of them
            let first_new = self.corpus.documents().len() - loaded.new_documents;
            self.article = self.corpus.documents().get(first_new).map(|d| d.id);
        }
        self.refresh_view();
        self.map_fit += 1;
        let corpus = &self.corpus;
        let opened = match &self.review.workspace {
            Some(w) if !add => format!("Opened {}:", w.display()),
            _ => (if add { "Added" } else { "Opened" }).to_string(),
        };
        let mut summary = format!(
            "{opened} {} {}: {} claims, {} places, {} sources in all.",
            loaded.new_documents,
            if loaded.new_documents == 1 {
                "document"
            } else {
                "documents"
            },
            corpus
                .claims()
                .iter()
                .filter(|c| !c.review.is_rejected())
                .count(),
            self.index.groups.len(),
            corpus.sources().len(),
        );
        if let Some(m) = &loaded.message {
            summary = format!("{m} {summary}");
        }
        if !self.attention.is_empty() {
            summary.push_str(&format!(
                " {} review {} need attention.",
                self.attention.len(),
                if self.attention.len() == 1 {
                    "operation"
                } else {
                    "operations"
                }
            ));
        }
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

    /// Installs a reviewed corpus of the same documents: the filters stay, and the selection
    /// (and the place filter) follow their items by span into the new corpus.
    fn review_finished(&mut self, loaded: Loaded) {
        self.pending_reviews = self.pending_reviews.saturating_sub(1);
        let old = Arc::clone(&self.corpus);
        let selected = self.selection.selected.and_then(|i| anchor_of(&old, i));
        // a claim that leaves the list hands the selection to the one after it
        let next = match self.selection.selected {
            Some(Item::Claim(c)) => {
                let at = self.view.iter().position(|&v| v == c);
                at.and_then(|i| {
                    self.view
                        .get(i + 1)
                        .or_else(|| self.view.get(i.wrapping_sub(1)))
                })
                .and_then(|&n| anchor_of(&old, Item::Claim(n)))
            }
            _ => None,
        };
        let place = self
            .filters
            .place
            .and_then(|p| anchor_of(&old, Item::Place(p)));
        let editing = self
            .draft
            .as_ref()
            .and_then(|d| d.editing)
            .and_then(|c| anchor_of(&old, Item::Claim(c)));
        let rename = self
            .rename
            .as_ref()
            .and_then(|(s, _)| anchor_of(&old, Item::Source(*s)));
        let story = self.story_key();
        let speaker = self.speaker_key();

        self.corpus = loaded.corpus;
        self.index = loaded.index;
        self.generation += 1;
        self.review = loaded.review;
        self.attention = loaded.attention;
        let corpus = Arc::clone(&self.corpus);
        self.selection.selected = selected
            .and_then(|a| find(&corpus, &a))
            .or_else(|| next.and_then(|a| find(&corpus, &a)));
        self.filters.place = match self.selection.selected {
            // the mention's place, which the review may just have changed
            Some(Item::Mention(m)) if place.is_some() => Some(corpus.mention(m).place),
            _ => match place.and_then(|a| find(&corpus, &a)) {
                Some(Item::Place(p)) => Some(p),
                _ => None,
            },
        };
        if let Some(d) = &mut self.draft {
            d.editing = match editing.and_then(|a| find(&corpus, &a)) {
                Some(Item::Claim(c)) => Some(c),
                _ => None,
            };
        }
        if let Some((s, _)) = &mut self.rename {
            match rename.and_then(|a| find(&corpus, &a)) {
                Some(Item::Source(n)) => *s = n,
                _ => self.rename = None,
            }
        }
        self.filters.story = self.story_by_key(story.as_deref());
        self.filters.entity = self.speaker_by_key(speaker.as_deref());
        self.refresh_view();
        let details: Vec<String> = loaded.warnings.iter().map(|w| w.to_string()).collect();
        let mut message = loaded.message.unwrap_or_default();
        let level = if details.is_empty() {
            StatusLevel::Info
        } else {
            message = format!("{message} {}", details[0]);
            StatusLevel::Error
        };
        let fresh = self
            .attention
            .iter()
            .any(|a| a.index + 1 == self.review.head);
        let level = if fresh {
            message.push_str(" It did not apply: see \"Needs attention\".");
            StatusLevel::Warning
        } else {
            level
        };
        self.status = Some(Status {
            level,
            message: message.trim().to_string(),
            details,
        });
    }

    /// Reports a session command that changed nothing (a file that would not open, a full
    /// disk): the corpus and the review stay as they were.
    pub fn session_failed(&mut self, message: String, warnings: Vec<Warning>) {
        self.progress = None;
        self.pending_reviews = self.pending_reviews.saturating_sub(1);
        self.status = Some(Status {
            level: StatusLevel::Error,
            message,
            details: warnings.iter().map(|w| w.to_string()).collect(),
        });
    }

    /// Reports a failure that kept the corpus as it was (e.g. the worker died).
    pub fn fail(&mut self, message: String) {
        self.progress = None;
        self.pending_reviews = 0;
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
        let (format, scope, path, view) = (d.format, d.scope, d.path.trim().to_string(), d.view);
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
            view,
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
            Item::Mention(m) => m.index() < corpus.mentions().len(),
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
            Item::Mention(m) => {
                let mention = corpus.mention(m);
                self.article = Some(mention.doc);
                self.set_filters(|f| f.place = Some(mention.place));
                self.place_search.clear();
                self.place_results.clear();
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

    /// The key of the story filtered on, to find it again in a corpus found anew.
    fn story_key(&self) -> Option<String> {
        let s = self.filters.story?;
        Some(self.corpus.stories().get(s.index())?.key.clone())
    }

    /// The key of the speaker filtered on: entities are found anew with the corpus, and an
    /// id may then name another speaker, or none.
    fn speaker_key(&self) -> Option<String> {
        let e = self.filters.entity?;
        Some(self.corpus.entities().get(e.index())?.key.clone())
    }

    /// The speaker of this key in the current corpus.
    fn speaker_by_key(&self, key: Option<&str>) -> Option<EntityId> {
        let key = key?;
        self.corpus
            .entities()
            .iter()
            .find(|e| e.key == key)
            .map(|e| e.id)
    }

    /// The story of this key in the current corpus.
    fn story_by_key(&self, key: Option<&str>) -> Option<StoryId> {
        let key = key?;
        self.corpus
            .stories()
            .iter()
            .find(|s| s.key == key)
            .map(|s| s.id)
    }

    /// Finds the figures side by side again when what they are of changed.
    fn refresh_figures(&mut self) {
        let corpus = &self.corpus;
        let story = match self.filters.story {
            Some(s) => corpus.stories().get(s.index()),
            None => self
                .selected_claim()
                .filter(|&c| !corpus.conflicts_of(c).is_empty())
                .and_then(|c| corpus.story_of(c)),
        };
        let Some(story) = story else {
            self.figures = None;
            return;
        };
        if self
            .figures
            .as_ref()
            .is_some_and(|f| f.story == story.id && f.generation == self.generation)
        {
            return;
        }
        let standing = |c: ClaimId| {
            corpus
                .claims()
                .get(c.index())
                .is_some_and(|c| !c.review.is_rejected())
        };
        let outside = disputes(corpus, story, &story.claims, &standing).other_figures;
        self.figures = Some(StoryFigures {
            story: story.id,
            generation: self.generation,
            rows: figure_rows(corpus, &story.claims, &outside, &standing),
        });
    }

    fn set_filters(&mut self, change: impl FnOnce(&mut Filters)) {
        change(&mut self.filters);
        self.refresh_view();
    }

    fn refresh_view(&mut self) {
        self.refresh_figures();
        self.view = filter_claims(&self.corpus, &self.index, &self.filters);
        self.view_generation += 1;
        self.timeline = timeline(&self.corpus, &self.index, &self.filters);
        // the map shows what the filters leave, but a place filter alone keeps every marker
        // (the user picks another place on the map)
        let narrowed = Filters {
            place: None,
            ..self.filters.clone()
        };
        self.view_groups = if narrowed.is_empty() {
            None
        } else {
            let index = &self.index;
            let view = if self.filters.place.is_some() {
                filter_claims(&self.corpus, index, &narrowed)
            } else {
                self.view.clone()
            };
            let mut counts = vec![0u32; index.groups.len()];
            let mut seen: Vec<usize> = Vec::new();
            for c in view {
                seen.clear();
                for &p in self.corpus.places_of(c) {
                    if let Some(&g) = index.group_of.get(p.index())
                        && g != usize::MAX
                        && !seen.contains(&g)
                    {
                        seen.push(g);
                        counts[g] += 1;
                    }
                }
            }
            Some(counts)
        };
    }
}

/// The claims that pass the filters, in corpus order.
pub fn filter_claims(corpus: &Corpus, index: &CorpusIndex, f: &Filters) -> Vec<ClaimId> {
    let needle = f.search.trim().to_lowercase();
    let story = f.story.and_then(|s| corpus.stories().get(s.index()));
    let candidates: Box<dyn Iterator<Item = ClaimId> + '_> = match (f.place, f.document) {
        _ if f.story.is_some() => {
            Box::new(story.into_iter().flat_map(|s| s.claims.iter().copied()))
        }
        (Some(p), _) => Box::new(index.claims_about(p).iter().copied()),
        (None, Some(d)) if d.index() < corpus.documents().len() => {
            Box::new(corpus.claims_in(d).iter().copied())
        }
        _ => Box::new(
            corpus
                .claims()
                .iter()
                .filter(|c| !c.review.is_rejected())
                .map(|c| c.id),
        ),
    };
    candidates
        .filter(|&id| {
            let c = corpus.claim(id);
            if f.document.is_some_and(|d| c.doc != d) {
                return false;
            }
            // the story chose the candidates: the place still narrows them
            if story.is_some()
                && let Some(p) = f.place
                && index.claims_about(p).binary_search(&id).is_err()
            {
                return false;
            }
            if let Some(e) = f.entity
                && corpus.entity_of(c).is_none_or(|x| x.id != e)
            {
                return false;
            }
            if let Some((a, b)) = f.dates
                && index
                    .claim_day
                    .get(id.index())
                    .copied()
                    .flatten()
                    .is_none_or(|d| d < a || d > b)
            {
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

/// Claims per day, by kind, of what every filter but the date range leaves.
fn timeline(corpus: &Corpus, index: &CorpusIndex, f: &Filters) -> Timeline {
    let Some((first, last)) = index.day_range else {
        return Timeline::default();
    };
    let undated = Filters {
        dates: None,
        ..f.clone()
    };
    let claims = filter_claims(corpus, index, &undated);
    let mut days = vec![[0u32; SourceKind::ALL.len() + 1]; (last - first + 1) as usize];
    for c in claims {
        let Some(d) = index
            .claim_day
            .get(c.index())
            .copied()
            .flatten()
            .filter(|d| (first..=last).contains(d))
        else {
            continue;
        };
        let slot = corpus.claim(c).source.map_or(SourceKind::ALL.len(), |s| {
            super::index::kind_slot(corpus.source(s).kind)
        });
        days[(d - first) as usize][slot] += 1;
    }
    let max = days
        .iter()
        .map(|d| d.iter().sum::<u32>())
        .max()
        .unwrap_or(0);
    Timeline {
        range: Some((first, last)),
        days,
        max,
    }
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
    fn a_map_export_of_the_current_view_carries_the_view_and_the_filter() {
        let mut state = sample();
        state.inputs = vec![PathBuf::from("/news/article.txt")];
        let kursk = place(&state, "Kursk");
        state.apply(Action::Select(Item::Place(kursk)));
        state.apply(Action::ShowExportDialog);
        let png = export::ALL.iter().position(|e| e.extension() == "png");
        state.apply(Action::SetExportFormat(png.unwrap()));
        state.apply(Action::SetExportScope(ExportScope::SelectedPlace));
        let view = export::MapView {
            west: 30.0,
            south: 46.0,
            east: 42.0,
            north: 56.0,
        };
        state.apply(Action::SetExportView(Some(view)));
        let Some(Effect::Export(req)) = state.apply(Action::Export { replace: false }) else {
            panic!("no export")
        };
        assert_eq!(req.path, PathBuf::from("/news/article.claims.png"));
        assert_eq!(req.view, Some(view));
        assert_eq!(req.claims, state.index().claims_about(kursk));
    }

    #[test]
    fn a_failed_load_keeps_the_corpus_and_says_why() {
        let mut state = sample();
        let claims = state.corpus().claims().len();
        state.session_failed(
            "Could not open: /x.bin: the file is binary".into(),
            vec![Warning {
                subject: "/x.bin".into(),
                message: "the file is binary".into(),
            }],
        );
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
            matches!(
                effect,
                Some(Effect::Session(SessionCommand::LoadText { .. }))
            ),
            "{effect:?}"
        );
        assert!(state.paste_dialog.is_none());
    }
}
