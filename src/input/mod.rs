//! Reading documents: one reader per format (`txt`/`md`, `html`/`htm`, `jsonl`) behind one
//! trait, folders walked recursively. Every problem names its file and what to do, and
//! becomes a warning so the rest of the batch is still read. Hostile input meets stated
//! limits ([`MAX_TEXT_BYTES`], [`MAX_JSONL_LINE_BYTES`], [`MAX_JSONL_BYTES`],
//! [`MAX_HTML_DEPTH`], [`MAX_FOLDER_FILES`]), and a folder's symbolic links are followed with
//! every folder and file read once, so a link loop ends.

mod html;
mod jsonl;
mod text;

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

pub use html::{HtmlReader, document_from_html, nesting_depth};
pub use jsonl::{JsonlDocuments, JsonlReader, parse_line as parse_jsonl_line};
pub use text::{TextReader, document_from_text};

use crate::model::Document;
use crate::pipeline::Warning;

/// Text and HTML files above this size are refused: 32 MiB is hundreds of long articles,
/// and a bigger file is almost always a dump that belongs in JSONL.
pub const MAX_TEXT_BYTES: u64 = 32 * 1024 * 1024;
/// JSONL files are streamed line by line; one line (one article) may not exceed this.
pub const MAX_JSONL_LINE_BYTES: usize = 32 * 1024 * 1024;
/// When a JSONL file's documents are kept in memory (a batch), they are kept until their text
/// reaches this much; the rest of the file is skipped with a warning. Streamed
/// ([`JsonlDocuments`]), a file of any size is read.
pub const MAX_JSONL_BYTES: u64 = 1024 * 1024 * 1024;
/// HTML nesting deeper than this is refused: browsers stop nesting at 512 too (WebKit's and
/// Blink's parser depth), no article needs more, and the HTML parser's work grows with depth
/// times tags.
pub const MAX_HTML_DEPTH: usize = 512;
/// A folder is read up to this many files (in name order); the rest are skipped with a
/// warning.
pub const MAX_FOLDER_FILES: usize = 100_000;

#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("no such file or folder; check the path: {0}")]
    Missing(PathBuf),
    #[error(
        "the file is binary (it holds NUL bytes), not text; export it as .txt, .html or .jsonl first: {0}"
    )]
    Binary(PathBuf),
    #[error(
        "the file is not valid UTF-8 (first bad byte at offset {offset}); re-save it as UTF-8: {path}"
    )]
    InvalidUtf8 { path: PathBuf, offset: usize },
    #[error("the file is empty: {0}")]
    Empty(PathBuf),
    #[error(
        "the file is {size} bytes, above the limit of {limit} bytes; split it or convert it to JSONL: {path}"
    )]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("cannot read the file ({source}): {path}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("unknown file type; claimmap reads .txt, .md, .html, .htm and .jsonl: {0}")]
    UnknownType(PathBuf),
    #[error("the folder holds no readable files (.txt, .md, .html, .htm, .jsonl): {0}")]
    EmptyFolder(PathBuf),
    #[error(
        "the page nests its elements more than {limit} deep (at byte {offset}), deeper than any article; save its text as .txt: {path}"
    )]
    TooDeep {
        path: PathBuf,
        offset: usize,
        limit: usize,
    },
    #[error(
        "the folder holds more than {limit} readable files; read the first {limit} in name order and skipped the rest; split it into smaller folders: {path}"
    )]
    TooManyFiles { path: PathBuf, limit: usize },
}

impl InputError {
    /// The warning it becomes when the batch goes on.
    pub fn into_warning(self) -> Warning {
        Warning {
            subject: self.path().display().to_string(),
            message: self.to_string(),
        }
    }

    pub fn path(&self) -> &Path {
        match self {
            InputError::Missing(p)
            | InputError::Binary(p)
            | InputError::Empty(p)
            | InputError::UnknownType(p)
            | InputError::EmptyFolder(p) => p,
            InputError::InvalidUtf8 { path, .. }
            | InputError::TooLarge { path, .. }
            | InputError::TooDeep { path, .. }
            | InputError::TooManyFiles { path, .. }
            | InputError::Io { path, .. } => path,
        }
    }
}

/// Documents read so far, and what went wrong on the way.
#[derive(Debug, Default)]
pub struct Batch {
    pub documents: Vec<Document>,
    pub warnings: Vec<Warning>,
}

impl Batch {
    pub fn warn(&mut self, subject: impl Into<String>, message: impl Into<String>) {
        self.warnings.push(Warning {
            subject: subject.into(),
            message: message.into(),
        });
    }

    fn error(&mut self, e: InputError) {
        self.warnings.push(e.into_warning());
    }
}

/// A reader of one file format.
pub trait DocumentReader: Sync {
    /// File extensions it reads, lower case, without the dot.
    fn extensions(&self) -> &'static [&'static str];
    /// Reads one file, adding its documents (and per-document warnings) to the batch.
    fn read(&self, path: &Path, batch: &mut Batch) -> Result<(), InputError>;
}

/// Every reader, in the order their extensions are tried.
pub static READERS: &[&dyn DocumentReader] = &[&TextReader, &HtmlReader, &JsonlReader];

fn reader_for(path: &Path) -> Option<&'static dyn DocumentReader> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    READERS
        .iter()
        .copied()
        .find(|r| r.extensions().contains(&ext.as_str()))
}

/// Reads files and folders (recursively). Never fails: every problem is a warning.
pub fn read_paths(paths: &[PathBuf]) -> Batch {
    let mut batch = Batch::default();
    for path in paths {
        read_path(path, &mut batch);
    }
    batch
}

/// The documents of files and folders as a stream, in the order [`read_paths`] reads them: a
/// JSONL file a line at a time (of any size, nothing kept), anything else a file or folder at
/// a time. Every problem is a warning in the stream.
pub fn stream_paths(paths: &[PathBuf]) -> impl Iterator<Item = Result<Document, Warning>> + Send {
    type Items = Box<dyn Iterator<Item = Result<Document, Warning>> + Send>;
    paths.iter().flat_map(|path| -> Items {
        let is_jsonl = path.is_file()
            && path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| JsonlReader.extensions().contains(&&*e.to_ascii_lowercase()));
        if is_jsonl {
            return match JsonlDocuments::open(path) {
                Ok(documents) => Box::new(documents),
                Err(e) => Box::new(std::iter::once(Err(e.into_warning()))),
            };
        }
        let mut batch = Batch::default();
        read_path(path, &mut batch);
        Box::new(
            batch
                .warnings
                .into_iter()
                .map(Err)
                .chain(batch.documents.into_iter().map(Ok)),
        )
    })
}

/// The size in bytes of files and folders (recursively, symbolic links to folders not
/// followed); what cannot be read counts nothing.
pub fn total_bytes(paths: &[PathBuf]) -> u64 {
    fn walk(path: &Path, depth: u32) -> u64 {
        let Ok(meta) = fs::symlink_metadata(path) else {
            return 0;
        };
        if meta.is_dir() && depth < 64 {
            let Ok(entries) = fs::read_dir(path) else {
                return 0;
            };
            entries.flatten().map(|e| walk(&e.path(), depth + 1)).sum()
        } else if meta.file_type().is_symlink() {
            fs::metadata(path)
                .ok()
                .filter(|m| m.is_file())
                .map_or(0, |m| m.len())
        } else {
            meta.len()
        }
    }
    paths.iter().map(|p| walk(p, 0)).sum()
}

/// Reads one file or folder into the batch.
pub fn read_path(path: &Path, batch: &mut Batch) {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return batch.error(InputError::Missing(path.to_path_buf()));
        }
        Err(source) => {
            return batch.error(InputError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    if meta.is_dir() {
        let files = folder_files(path, MAX_FOLDER_FILES, batch);
        if files.is_empty() {
            return batch.error(InputError::EmptyFolder(path.to_path_buf()));
        }
        let before = batch.documents.len();
        for f in files {
            read_file(&f, batch);
        }
        if batch.documents.len() == before {
            batch.error(InputError::EmptyFolder(path.to_path_buf()));
        }
    } else {
        read_file(path, batch);
    }
}

fn read_file(path: &Path, batch: &mut Batch) {
    let Some(reader) = reader_for(path) else {
        return batch.error(InputError::UnknownType(path.to_path_buf()));
    };
    if let Err(e) = reader.read(path, batch) {
        batch.error(e);
    }
}

/// The readable files of a folder and its subfolders, in name order, at most `limit` of them.
/// Hidden entries are passed over. Symbolic links are followed, but every folder and file is
/// taken once (by its canonical path), so a link back up the tree ends the walk instead of
/// looping, and a file linked twice is read once.
pub fn folder_files(folder: &Path, limit: usize, batch: &mut Batch) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut seen_folders = HashSet::new();
    let mut seen_files = HashSet::new();
    // depth first in name order, without recursion: the entries still to read of each open folder
    let mut open = Vec::new();
    if let Some(entries) = folder_entries(folder, &mut seen_folders, batch) {
        open.push(entries);
    }
    while let Some(entries) = open.last_mut() {
        let Some(p) = entries.next() else {
            open.pop();
            continue;
        };
        // a broken link is passed over like an unreadable entry
        let Ok(meta) = fs::metadata(&p) else {
            continue;
        };
        if meta.is_dir() {
            if let Some(entries) = folder_entries(&p, &mut seen_folders, batch) {
                open.push(entries);
            }
        } else if reader_for(&p).is_some() {
            let Ok(canonical) = fs::canonicalize(&p) else {
                continue;
            };
            if !seen_files.insert(canonical) {
                continue;
            }
            if files.len() == limit {
                batch.error(InputError::TooManyFiles {
                    path: folder.to_path_buf(),
                    limit,
                });
                break;
            }
            files.push(p);
        }
    }
    files
}

/// A folder's entries that are not hidden, in name order; `None` for a folder listed before.
fn folder_entries(
    dir: &Path,
    seen: &mut HashSet<PathBuf>,
    batch: &mut Batch,
) -> Option<std::vec::IntoIter<PathBuf>> {
    if !seen.insert(fs::canonicalize(dir).ok()?) {
        return None;
    }
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            batch.error(InputError::Io {
                path: dir.to_path_buf(),
                source,
            });
            return None;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    paths.sort();
    Some(paths.into_iter())
}

/// Reads a whole text file with the checks every text format shares: size limit, NUL
/// bytes, UTF-8, emptiness.
pub fn read_text_file(path: &Path) -> Result<String, InputError> {
    let io = |source| InputError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = fs::File::open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            InputError::Missing(path.to_path_buf())
        } else {
            io(e)
        }
    })?;
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_TEXT_BYTES {
        return Err(InputError::TooLarge {
            path: path.to_path_buf(),
            size,
            limit: MAX_TEXT_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // take(): the file may grow between metadata and read
    file.take(MAX_TEXT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_TEXT_BYTES {
        return Err(InputError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: MAX_TEXT_BYTES,
        });
    }
    decode_text(path, bytes)
}

/// Bytes to text, with the binary, UTF-8 and emptiness checks.
pub fn decode_text(path: &Path, mut bytes: Vec<u8>) -> Result<String, InputError> {
    if bytes.contains(&0) {
        return Err(InputError::Binary(path.to_path_buf()));
    }
    // a UTF-8 byte order mark is not part of the text
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    let text = String::from_utf8(bytes).map_err(|e| InputError::InvalidUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(InputError::Empty(path.to_path_buf()));
    }
    Ok(text)
}

fn file_key(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}
