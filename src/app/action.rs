//! Everything a user can do, as data. Panels push [`Action`]s while they draw; the app applies
//! them at the end of the frame, so drawing never mutates state and every interaction can be
//! replayed in a test without egui. An action that needs the outside world (a file dialog, a
//! worker thread, the disk) comes back from [`AppState::apply`](super::AppState::apply) as an
//! [`Effect`] for the app to carry out.

use std::path::PathBuf;

use crate::model::{
    ClaimId, DocId, EntityId, MentionId, PlaceId, SourceId, SourceKind, Span, StoryId,
};
use crate::workspace::ReviewOp;

use super::review::DraftField;
use super::state::{ExportScope, Item, ListTab};

/// One thing a user did.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Select an item in any panel (a marker, a claim row, a place chip, a place in the text).
    /// Selecting a place also narrows the claims list to the claims about it.
    Select(Item),
    /// The pointer rests on an item (sent every frame while it does; none sent = no hover).
    Hover(Item),
    /// Esc: clear the selection and the place focus it set; the other filters stay.
    ClearSelection,
    /// Arrow down in the claims list: select the next claim.
    SelectNextClaim,
    /// Arrow up in the claims list: select the previous claim.
    SelectPreviousClaim,

    /// The search field changed (matches content, cue and source name, case-insensitively).
    SetSearch(String),
    /// Only claims by sources of this name (`None`: any source).
    SetSourceFilter(Option<String>),
    /// Show or hide claims of a source kind (all kinds show when none is chosen).
    ToggleKind(SourceKind),
    /// Show claims of every source kind again.
    ClearKinds,
    /// Only claims about this place (`None`: anywhere).
    SetPlaceFilter(Option<PlaceId>),
    /// Only claims of this document (`None`: every document).
    SetDocumentFilter(Option<DocId>),
    /// Only claims of this speaker across the corpus (`None`: any).
    SetEntityFilter(Option<EntityId>),
    /// Only the claims of this story, across the corpus (`None`: any).
    SetStoryFilter(Option<StoryId>),
    /// Only claims dated within these days (days since 1970-01-01, both included; `None`:
    /// any date, undated claims too).
    SetDateRange(Option<(i32, i32)>),
    /// Drop every filter and the search.
    ClearFilters,
    /// Show the claims or the sources in the left panel.
    ShowTab(ListTab),
    /// The Sources panel's search changed.
    SetEntitySearch(String),
    /// The Stories panel's search changed.
    SetStorySearch(String),

    /// Show this document in the article panel.
    ShowDocument(DocId),
    /// Fit the map to the places of the corpus again (the reset button).
    FitMap,

    /// Ctrl+O / "Open…": choose files to replace the corpus (`add`: to add to it).
    ChooseFiles { add: bool },
    /// Open these files or folders (from the path field, a drop, or the native dialog).
    OpenPaths { paths: Vec<PathBuf>, add: bool },
    /// The path field of the open dialog changed.
    SetOpenPath(String),
    /// Close the path field without opening anything.
    CloseOpenDialog,

    /// "Paste text": show the dialog for a new document.
    ShowPasteDialog,
    /// The pasted document's title changed.
    SetPasteTitle(String),
    /// The pasted text changed.
    SetPasteText(String),
    /// Add the pasted text to the corpus as a new document.
    SubmitPaste,
    /// Close the paste dialog.
    ClosePasteDialog,

    /// Ctrl+E / "Export…": show the export dialog.
    ShowExportDialog,
    /// Choose the export format (an index into `export::ALL`).
    SetExportFormat(usize),
    /// Choose which claims to export.
    SetExportScope(ExportScope),
    /// Keep the claims a reviewer rejected in an export of all claims.
    SetIncludeRejected(bool),
    /// Draw the exported map (SVG, PNG, HTML) as the map panel shows it now (`Some` view),
    /// or fitted to the places (`None`).
    SetExportView(Option<crate::export::MapView>),
    /// The export path field changed.
    SetExportPath(String),
    /// "Browse…": choose the export path with the native save dialog.
    ChooseExportPath,
    /// Write the export; `replace` only after the user confirmed replacing an existing file.
    Export { replace: bool },
    /// Close the export dialog.
    CloseExportDialog,

    /// Dismiss the message in the status bar.
    DismissStatus,
    /// Stop the load that is running (the toolbar's Cancel): the corpus stays as it was.
    CancelWork,

    /// The claim is right as the machine read it.
    ConfirmClaim(ClaimId),
    /// The claim is none: it leaves the list, the map and the exports.
    RejectClaim(ClaimId),
    /// Edit a claim's source, cue or content (the draft opens with its spans).
    EditClaim(ClaimId),
    /// Write a claim the machine missed, in the article shown (the selected text, if any,
    /// is its content).
    NewClaim,
    /// Text selected in the article by dragging over it (`None`: cleared).
    SelectText(Option<(DocId, Span)>),
    /// Put the selected text into a field of the draft.
    DraftUseSelection(DraftField),
    /// The draft's source is this source of the document (`None`: no source).
    DraftPickSource(Option<SourceId>),
    /// Save the draft as a new or edited claim.
    SubmitDraft,
    /// Drop the draft.
    CancelDraft,
    /// The mention names this gazetteer place (a GeoNames id) instead.
    SetMentionPlace { mention: MentionId, geonameid: u32 },
    /// The mention is not a place.
    NotAPlace(MentionId),
    /// The selected text names this gazetteer place.
    AddPlace { geonameid: u32 },
    /// The "find a place" field changed.
    SetPlaceSearch(String),
    /// Rename a source: the name field opens with its name.
    StartRename(SourceId),
    /// The name field changed.
    SetRenameText(String),
    /// Save the new name.
    SubmitRename,
    /// Close the name field.
    CancelRename,
    /// The first source is the same speaker as the second (this document or another).
    MergeSources { from: SourceId, into: SourceId },
    /// The source is a speaker of its own, apart from the entity its name joined.
    SplitSource(SourceId),
    /// Ctrl+Z: take back the last review operation.
    Undo,
    /// Ctrl+Shift+Z / Ctrl+Y: put it back.
    Redo,
    /// Show or hide the review operations that need attention.
    ShowAttention(bool),

    /// "New workspace…", "Open workspace…", "Save workspace as…": choose the file.
    ChooseWorkspace(WorkspaceIntent),
    /// Act on a workspace file (from the path field or the native dialog); `replace` only
    /// after the user agreed to replace an existing file.
    UseWorkspacePath {
        intent: WorkspaceIntent,
        path: PathBuf,
        replace: bool,
    },
}

/// What a chosen workspace file is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkspaceIntent {
    /// Start an empty workspace there.
    New,
    /// Open it in place of what is open.
    Open,
    /// Keep what is open there, and go on working there.
    SaveAs,
}

impl WorkspaceIntent {
    pub fn title(self) -> &'static str {
        match self {
            WorkspaceIntent::New => "New workspace",
            WorkspaceIntent::Open => "Open workspace",
            WorkspaceIntent::SaveAs => "Save workspace as",
        }
    }
}

/// Work on the review session, done in order on the session's worker.
#[derive(Clone, Debug, PartialEq)]
pub enum SessionCommand {
    /// Record a review operation.
    Review(ReviewOp),
    Undo,
    Redo,
    /// Read and extract articles, replacing what is open or adding to it.
    Load {
        paths: Vec<PathBuf>,
        add: bool,
    },
    /// Extract this text as a new document.
    LoadText {
        title: String,
        text: String,
    },
    /// The bundled sample article.
    LoadSample,
    /// Open a workspace file in place of the session.
    OpenWorkspace(PathBuf),
    /// Start an empty workspace file.
    NewWorkspace {
        path: PathBuf,
        replace: bool,
    },
    /// Keep the session in a new file.
    SaveAs {
        path: PathBuf,
        replace: bool,
    },
}

/// Work an action asks of the outside world; the app carries it out.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Show the native open dialog (files or folders).
    PickFiles { add: bool },
    /// Show the native save dialog, starting at this path.
    PickExportPath { suggested: PathBuf },
    /// Work on the review session (loads included), on its worker, in order.
    Session(SessionCommand),
    /// Write an export on the worker.
    Export(ExportRequest),
    /// Show the native dialog to choose a workspace file.
    PickWorkspacePath(WorkspaceIntent),
    /// Look up places by name in the gazetteer (the "find a place" field).
    SearchPlaces(String),
    /// Stop the session job that is running.
    CancelWork,
}

/// A fully specified export.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportRequest {
    pub path: PathBuf,
    /// Index into `export::ALL`.
    pub format: usize,
    pub claims: Vec<crate::model::ClaimId>,
    pub replace: bool,
    /// The part of the map a picture shows (else it fits the places).
    pub view: Option<crate::export::MapView>,
}
