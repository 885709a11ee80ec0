//! Everything a user can do, as data. Panels push [`Action`]s while they draw; the app applies
//! them at the end of the frame, so drawing never mutates state and every interaction can be
//! replayed in a test without egui. An action that needs the outside world (a file dialog, a
//! worker thread, the disk) comes back from [`AppState::apply`](super::AppState::apply) as an
//! [`Effect`] for the app to carry out.

use std::path::PathBuf;

use crate::model::{DocId, PlaceId, SourceKind};

use super::state::{ExportScope, Item};

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
    /// Drop every filter and the search.
    ClearFilters,

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
}

/// Work an action asks of the outside world; the app carries it out.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Show the native open dialog (files or folders).
    PickFiles { add: bool },
    /// Show the native save dialog, starting at this path.
    PickExportPath { suggested: PathBuf },
    /// Read and extract these paths on the worker.
    Load { paths: Vec<PathBuf>, add: bool },
    /// Extract this text as a new document on the worker.
    LoadText { title: String, text: String },
    /// Write an export on the worker.
    Export(ExportRequest),
}

/// A fully specified export.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportRequest {
    pub path: PathBuf,
    /// Index into `export::ALL`.
    pub format: usize,
    pub claims: Vec<crate::model::ClaimId>,
    pub replace: bool,
}
