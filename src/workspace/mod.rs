//! The workspace: an analyst's documents, the machine's extraction and the review log, kept in
//! one `.claimmap` file (SQLite) so that closing the app loses nothing.
//!
//! Human decisions are a log and machine output is derived: what the analyst sees is the
//! extraction with the log replayed over it ([`replay`]). Undo and redo move the log's head;
//! a newer extractor re-extracts and replays; an operation that no longer applies is listed
//! for attention, never dropped. A [`Session`] is that state in memory, with or without a file
//! behind it; the CLI (`claimmap workspace ...`) and the app both work through it.

mod op;
mod replay;
mod session;
mod store;

pub use op::{BadLine, CharSpan, ClaimSpans, MAX_LINE_BYTES, Op, ReviewOp, SourceAnchor, read_log};
pub use replay::{Attention, NotApplied, Replay, Reviewed, replay};
pub use session::{Added, ApplyReport, Rejected, Session, write_gold};
pub use store::{APPLICATION_ID, SCHEMA_VERSION, Stored, Workspace};

use std::path::PathBuf;

/// The file extension of a workspace.
pub const EXTENSION: &str = "claimmap";

#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error("no such workspace; check the path: {0}")]
    Missing(PathBuf),
    #[error(
        "the file is not a claimmap workspace (open articles with `claimmap open`, or make a workspace with `claimmap workspace create`): {0}"
    )]
    NotAWorkspace(PathBuf),
    #[error(
        "the workspace is damaged ({detail}); nothing was written to it: restore it from a copy, or make a new one from the articles: {path}"
    )]
    Damaged { path: PathBuf, detail: String },
    #[error(
        "the workspace was made by a newer claimmap (schema {version}; this one reads up to {SCHEMA_VERSION}); update claimmap to open it: {path}"
    )]
    TooNew { path: PathBuf, version: i32 },
    #[error(
        "the workspace is open in another claimmap window or process; close it there first: {0}"
    )]
    Locked(PathBuf),
    #[error(
        "the workspace is read-only; save a copy with \"Save workspace as…\" to change it: {0}"
    )]
    ReadOnly(PathBuf),
    #[error("the disk is full; the workspace keeps its last saved state: {0}")]
    DiskFull(PathBuf),
    #[error("the file exists; pass --force (or confirm) to replace it: {0}")]
    Exists(PathBuf),
    #[error("the folder does not exist; create it first: {0}")]
    NoFolder(PathBuf),
    #[error("two documents have the key {key:?}: {path}")]
    DuplicateKey { path: PathBuf, key: String },
    #[error("cannot read or write the workspace ({source}): {path}")]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("cannot read or write the file ({source}): {path}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot encode the extraction: {0}")]
    Encode(String),
    #[error("cancelled; nothing was added")]
    Cancelled,
}

/// The content hash of a document's text, written with review operations so that one made
/// on another version of the text is caught: 64-bit FNV-1a, in hex. (It detects edits, not
/// forgeries.)
///
/// ```
/// use claimmap::workspace::content_hash;
/// assert_eq!(content_hash("Kursk"), content_hash("Kursk"));
/// assert_ne!(content_hash("Kursk"), content_hash("Kursk."));
/// assert!(content_hash("").starts_with("fnv1a64:"));
/// ```
pub fn content_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in text.as_bytes() {
        h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("fnv1a64:{h:016x}")
}

/// Whether a path names a workspace (by its extension).
pub fn is_workspace_path(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(EXTENSION))
}
