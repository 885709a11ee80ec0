//! The `.claimmap` file: one SQLite database (SQLite as an application file format) holding
//! the documents, each document's extraction with the extractor's version, and the review
//! log with its head (the operations in effect; the ones past it are the redo list).
//!
//! Every change is one transaction, in WAL mode, so a killed process loses at most the change
//! in flight and the file always opens. The connection holds SQLite's exclusive lock for its
//! life: a second window or process on the same file gets [`WorkspaceError::Locked`], never a
//! half-merged file. A file is checked before anything is written to it (its header, its
//! application id, its schema version, `PRAGMA quick_check`), so a damaged or foreign file is
//! refused untouched. (Nothing in the process may open the file behind SQLite's back while
//! it is open: POSIX drops a process's locks on a file when any of its descriptors of it
//! closes.)

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, params};

use crate::model::{Corpus, Document, Span};

use super::op::ReviewOp;
use super::{WorkspaceError, content_hash};

/// Written in the database header's application id: "CLMP".
pub const APPLICATION_ID: i32 = 0x434C_4D50;
/// The schema version this claimmap writes (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i32 = 1;

/// The migrations, in order: `MIGRATIONS[i]` takes a file from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &["
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE documents (
        id          INTEGER PRIMARY KEY,
        key         TEXT NOT NULL UNIQUE,
        title       TEXT NOT NULL,
        date        TEXT,
        origin      TEXT,
        url         TEXT,
        text        TEXT NOT NULL,
        hash        TEXT NOT NULL,
        title_start INTEGER,
        title_end   INTEGER
    );
    -- one document's extraction: a one-document corpus as JSON, its text left out
    CREATE TABLE extractions (
        doc       INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        extractor TEXT NOT NULL,
        data      TEXT NOT NULL
    );
    -- the review log: seq 1..n, the first `head` (in meta) in effect
    CREATE TABLE review_log (
        seq INTEGER PRIMARY KEY,
        op  TEXT NOT NULL
    );
    INSERT INTO meta (key, value) VALUES ('head', '0');
"];

/// What a workspace file holds, read back.
#[derive(Debug, Default)]
pub struct Stored {
    /// Documents in workspace order, with their stored extraction and its extractor version
    /// (`None` when the row is missing or unreadable: it is extracted again).
    pub documents: Vec<(Document, Option<(String, Corpus)>)>,
    /// The whole log, the redo list included.
    pub log: Vec<ReviewOp>,
    /// How many operations of the log are in effect.
    pub head: usize,
}

/// An open workspace file.
pub struct Workspace {
    conn: Connection,
    path: PathBuf,
    read_only: bool,
}

impl std::fmt::Debug for Workspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workspace")
            .field("path", &self.path)
            .field("read_only", &self.read_only)
            .finish()
    }
}

impl Workspace {
    /// Creates a workspace at `path` holding a corpus's documents and extraction and a
    /// review log. The file is written whole under a temporary name, then moved into place:
    /// an existing file is never replaced unless `replace`.
    pub fn create(
        path: &Path,
        replace: bool,
        machine: &Corpus,
        extractor: &str,
        log: &[ReviewOp],
        head: usize,
    ) -> Result<Workspace, WorkspaceError> {
        if !replace && path.exists() {
            return Err(WorkspaceError::Exists(path.to_path_buf()));
        }
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !folder.is_dir() {
            return Err(WorkspaceError::NoFolder(folder));
        }
        let tmp = temp_path(path);
        let result = (|| {
            let mut conn = Connection::open(&tmp).map_err(|e| sql(&tmp, e))?;
            migrate(&conn, &tmp, 0)?;
            let tx = conn.transaction().map_err(|e| sql(&tmp, e))?;
            insert_documents(&tx, &tmp, machine, extractor)?;
            for (i, op) in log.iter().enumerate() {
                tx.execute(
                    "INSERT INTO review_log (seq, op) VALUES (?1, ?2)",
                    params![i as i64 + 1, op.to_line()],
                )
                .map_err(|e| sql(&tmp, e))?;
            }
            set_head(&tx, &tmp, head.min(log.len()))?;
            tx.commit().map_err(|e| sql(&tmp, e))?;
            conn.close().map_err(|(_, e)| sql(&tmp, e))?;
            Ok(())
        })();
        if let Err(e) = result {
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        let placed = if replace {
            fs::rename(&tmp, path)
        } else {
            // a hard link fails if the target appeared meanwhile: never replace by accident
            fs::hard_link(&tmp, path).and_then(|()| fs::remove_file(&tmp))
        };
        if let Err(source) = placed {
            let _ = fs::remove_file(&tmp);
            if source.kind() == std::io::ErrorKind::AlreadyExists {
                return Err(WorkspaceError::Exists(path.to_path_buf()));
            }
            return Err(WorkspaceError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
        Workspace::open(path)
    }

    /// Opens a workspace to read and write; a file the user may not write opens read-only.
    pub fn open(path: &Path) -> Result<Workspace, WorkspaceError> {
        check_header(path)?;
        let writable = fs::OpenOptions::new().write(true).open(path).is_ok();
        if !writable {
            return Workspace::open_read_only(path);
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| sql(path, e))?;
        Workspace::start(conn, path, false)
    }

    /// Opens a workspace without ever writing to it. SQLite is told the file is immutable:
    /// a WAL-mode file read without write access (no shared-memory file can be made beside
    /// it) cannot take SQLite's locks, and nobody who may not write it changes it either.
    pub fn open_read_only(path: &Path) -> Result<Workspace, WorkspaceError> {
        check_header(path)?;
        let uri = format!("file:{}?mode=ro&immutable=1", uri_path(path));
        let conn = Connection::open_with_flags(
            uri,
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_URI
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| sql(path, e))?;
        Workspace::start(conn, path, true)
    }

    fn start(conn: Connection, path: &Path, read_only: bool) -> Result<Workspace, WorkspaceError> {
        // another process holding the lock answers at once, not after rusqlite's 5 s default
        conn.busy_timeout(Duration::from_millis(250))
            .map_err(|e| sql(path, e))?;
        // exclusive before the first read: the lock is then held for the connection's life,
        // and WAL needs no shared-memory file (so a read-only folder works too)
        conn.pragma_update(None, "locking_mode", "EXCLUSIVE")
            .map_err(|e| sql(path, e))?;
        let app: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(|e| sql(path, e))?;
        if app != APPLICATION_ID {
            return Err(WorkspaceError::NotAWorkspace(path.to_path_buf()));
        }
        let version: i32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| sql(path, e))?;
        if version > SCHEMA_VERSION {
            return Err(WorkspaceError::TooNew {
                path: path.to_path_buf(),
                version,
            });
        }
        let check: String = conn
            .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
            .map_err(|e| sql(path, e))?;
        if check != "ok" {
            return Err(WorkspaceError::Damaged {
                path: path.to_path_buf(),
                detail: check,
            });
        }
        if !read_only {
            conn.pragma_update(None, "journal_mode", "WAL")
                .map_err(|e| sql(path, e))?;
            // a killed process keeps every committed change (the OS has it); only a power
            // cut could lose the last ones
            conn.pragma_update(None, "synchronous", "NORMAL")
                .map_err(|e| sql(path, e))?;
            // take the write lock now (after the switch to WAL, which would let it go), so a
            // second window is told at open, not at its first click
            conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;")
                .map_err(|e| sql(path, e))?;
            migrate(&conn, path, version)?;
        }
        Ok(Workspace {
            conn,
            path: path.to_path_buf(),
            read_only,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Everything the file holds.
    pub fn load(&self) -> Result<Stored, WorkspaceError> {
        let path = &self.path;
        let e = |err| sql(path, err);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT d.id, d.key, d.title, d.date, d.origin, d.text, d.title_start,
                        d.title_end, x.extractor, x.data, d.url
                 FROM documents d LEFT JOIN extractions x ON x.doc = d.id
                 ORDER BY d.id",
            )
            .map_err(e)?;
        let rows = stmt
            .query_map([], |r| {
                let title_span = match (r.get::<_, Option<u32>>(6)?, r.get::<_, Option<u32>>(7)?) {
                    (Some(a), Some(b)) if a <= b => Some(Span { start: a, end: b }),
                    _ => None,
                };
                let doc = Document {
                    id: crate::model::DocId(0),
                    key: r.get(1)?,
                    title: r.get(2)?,
                    date: r.get(3)?,
                    origin: r.get::<_, Option<String>>(4)?.map(PathBuf::from),
                    text: r.get(5)?,
                    title_span,
                    // dated again by extraction, from the date given and the text
                    published: None,
                    published_from: None,
                    url: r.get(10)?,
                };
                let extractor: Option<String> = r.get(8)?;
                let data: Option<String> = r.get(9)?;
                Ok((doc, extractor.zip(data)))
            })
            .map_err(e)?;
        let mut documents = Vec::new();
        for row in rows {
            let (mut doc, stored) = row.map_err(e)?;
            // a title span past the text (a damaged file) is no title span
            doc.title_span = doc.title_span.filter(|s| {
                doc.text.is_char_boundary(s.start as usize)
                    && doc.text.is_char_boundary(s.end as usize)
            });
            // an extraction that no longer reads (a field renamed by a newer claimmap) is
            // extracted again, not an error
            let stored = stored.and_then(|(extractor, data)| {
                let mut corpus: Corpus = serde_json::from_str(&data).ok()?;
                // nor one that does not fit its text (a damaged or hand-made file)
                if !corpus.is_well_formed(&[&doc.text]) {
                    return None;
                }
                corpus.relink();
                Some((extractor, corpus))
            });
            documents.push((doc, stored));
        }
        let (log, head) = self.load_log()?;
        Ok(Stored {
            documents,
            log,
            head,
        })
    }

    /// The whole review log and how many of its operations are in effect.
    pub fn load_log(&self) -> Result<(Vec<ReviewOp>, usize), WorkspaceError> {
        let path = &self.path;
        let e = |err| sql(path, err);
        let mut stmt = self
            .conn
            .prepare("SELECT seq, op FROM review_log ORDER BY seq")
            .map_err(e)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .map_err(e)?;
        let mut log = Vec::new();
        for row in rows {
            let (seq, line) = row.map_err(e)?;
            let op = ReviewOp::from_line(&line).map_err(|err| WorkspaceError::Damaged {
                path: path.clone(),
                detail: format!("review operation {seq} does not read: {err}"),
            })?;
            log.push(op);
        }
        let head: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'head'", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(e)?;
        let head = head
            .and_then(|h| h.parse::<usize>().ok())
            .unwrap_or(log.len())
            .min(log.len());
        Ok((log, head))
    }

    /// Adds documents with their extraction, in one transaction. Keys must be new.
    pub fn add_documents(
        &mut self,
        machine: &Corpus,
        extractor: &str,
    ) -> Result<(), WorkspaceError> {
        self.writable()?;
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(|e| sql(&path, e))?;
        insert_documents(&tx, &path, machine, extractor)?;
        tx.commit().map_err(|e| sql(&path, e))
    }

    /// Replaces stored extractions (after re-extraction by a newer extractor), by document key.
    pub fn replace_extractions(
        &mut self,
        machine: &Corpus,
        keys: &[String],
        extractor: &str,
    ) -> Result<(), WorkspaceError> {
        self.writable()?;
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(|e| sql(&path, e))?;
        {
            let split = machine.split_documents();
            let mut stmt = tx
                .prepare(
                    "INSERT OR REPLACE INTO extractions (doc, extractor, data)
                     SELECT id, ?2, ?3 FROM documents WHERE key = ?1",
                )
                .map_err(|e| sql(&path, e))?;
            for (doc, one) in machine.documents().iter().zip(split) {
                if keys.contains(&doc.key) {
                    stmt.execute(params![doc.key, extractor, extraction_json(one)?])
                        .map_err(|e| sql(&path, e))?;
                }
            }
        }
        tx.commit().map_err(|e| sql(&path, e))
    }

    /// Makes `op` the next operation in effect: the redo list past the head is dropped.
    pub fn push(&mut self, head: usize, op: &ReviewOp) -> Result<(), WorkspaceError> {
        self.push_all(head, std::slice::from_ref(op))
    }

    /// [`Workspace::push`] of several operations, in one transaction.
    pub fn push_all(&mut self, head: usize, ops: &[ReviewOp]) -> Result<(), WorkspaceError> {
        self.writable()?;
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(|e| sql(&path, e))?;
        tx.execute(
            "DELETE FROM review_log WHERE seq > ?1",
            params![head as i64],
        )
        .map_err(|e| sql(&path, e))?;
        for (i, op) in ops.iter().enumerate() {
            tx.execute(
                "INSERT INTO review_log (seq, op) VALUES (?1, ?2)",
                params![(head + i) as i64 + 1, op.to_line()],
            )
            .map_err(|e| sql(&path, e))?;
        }
        set_head(&tx, &path, head + ops.len())?;
        tx.commit().map_err(|e| sql(&path, e))
    }

    /// Moves the head (undo, redo): the log itself stays.
    pub fn set_head(&mut self, head: usize) -> Result<(), WorkspaceError> {
        self.writable()?;
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(|e| sql(&path, e))?;
        set_head(&tx, &path, head)?;
        tx.commit().map_err(|e| sql(&path, e))
    }

    /// Writes a copy of the workspace to `path` (atomically: a temporary file, then a move),
    /// never replacing a file unless `replace`.
    pub fn copy_to(&self, path: &Path, replace: bool) -> Result<(), WorkspaceError> {
        if !replace && path.exists() {
            return Err(WorkspaceError::Exists(path.to_path_buf()));
        }
        let tmp = temp_path(path);
        let tmp_str = tmp.to_string_lossy().into_owned();
        self.conn
            .execute("VACUUM INTO ?1", params![tmp_str])
            .map_err(|e| sql(path, e))?;
        let placed = if replace {
            fs::rename(&tmp, path)
        } else {
            fs::hard_link(&tmp, path).and_then(|()| fs::remove_file(&tmp))
        };
        placed.map_err(|source| {
            let _ = fs::remove_file(&tmp);
            if source.kind() == std::io::ErrorKind::AlreadyExists {
                WorkspaceError::Exists(path.to_path_buf())
            } else {
                WorkspaceError::Io {
                    path: path.to_path_buf(),
                    source,
                }
            }
        })
    }

    fn writable(&self) -> Result<(), WorkspaceError> {
        if self.read_only {
            return Err(WorkspaceError::ReadOnly(self.path.clone()));
        }
        Ok(())
    }
}

fn set_head(conn: &Connection, path: &Path, head: usize) -> Result<(), WorkspaceError> {
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('head', ?1)",
        params![head.to_string()],
    )
    .map_err(|e| sql(path, e))?;
    Ok(())
}

fn insert_documents(
    conn: &Connection,
    path: &Path,
    machine: &Corpus,
    extractor: &str,
) -> Result<(), WorkspaceError> {
    let e = |err| sql(path, err);
    let mut doc_stmt = conn
        .prepare(
            "INSERT INTO documents (key, title, date, origin, text, hash, title_start, title_end, url)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )
        .map_err(e)?;
    let mut ex_stmt = conn
        .prepare("INSERT INTO extractions (doc, extractor, data) VALUES (?1, ?2, ?3)")
        .map_err(e)?;
    for (d, one) in machine.documents().iter().zip(machine.split_documents()) {
        doc_stmt
            .execute(params![
                d.key,
                d.title,
                d.date,
                d.origin.as_ref().map(|o| o.to_string_lossy().into_owned()),
                d.text,
                content_hash(&d.text),
                d.title_span.map(|s| s.start),
                d.title_span.map(|s| s.end),
                d.url,
            ])
            .map_err(|err| match err.sqlite_error_code() {
                Some(ErrorCode::ConstraintViolation) => WorkspaceError::DuplicateKey {
                    path: path.to_path_buf(),
                    key: d.key.clone(),
                },
                _ => sql(path, err),
            })?;
        let id = conn.last_insert_rowid();
        ex_stmt
            .execute(params![id, extractor, extraction_json(one)?])
            .map_err(e)?;
    }
    Ok(())
}

/// A one-document corpus as stored: without its text, which the documents table holds.
fn extraction_json(mut one: Corpus) -> Result<String, WorkspaceError> {
    let mut parts = std::mem::take(&mut one).into_parts();
    for d in &mut parts.documents {
        d.text.clear();
    }
    serde_json::to_string(&Corpus::from_parts(parts))
        .map_err(|e| WorkspaceError::Encode(e.to_string()))
}

fn migrate(conn: &Connection, path: &Path, from: i32) -> Result<(), WorkspaceError> {
    for (i, sql_text) in MIGRATIONS.iter().enumerate().skip(from.max(0) as usize) {
        let to = i as i32 + 1;
        conn.execute_batch(&format!(
            "BEGIN; {sql_text} PRAGMA user_version = {to}; PRAGMA application_id = {APPLICATION_ID}; COMMIT;"
        ))
        .map_err(|e| {
            let _ = conn.execute_batch("ROLLBACK;");
            sql(path, e)
        })?;
    }
    Ok(())
}

/// Refuses what is not an SQLite file before SQLite sees it (SQLite would take an empty file
/// for a new database and write to it).
fn check_header(path: &Path) -> Result<(), WorkspaceError> {
    let mut file = fs::File::open(path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            WorkspaceError::Missing(path.to_path_buf())
        } else {
            WorkspaceError::Io {
                path: path.to_path_buf(),
                source,
            }
        }
    })?;
    let mut header = [0u8; 100];
    let n = read_up_to(&mut file, &mut header).map_err(|source| WorkspaceError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if n < 16 || &header[..16] != b"SQLite format 3\0" {
        return Err(WorkspaceError::NotAWorkspace(path.to_path_buf()));
    }
    if n < 100
        || i32::from_be_bytes([header[68], header[69], header[70], header[71]]) != APPLICATION_ID
    {
        return Err(WorkspaceError::NotAWorkspace(path.to_path_buf()));
    }
    Ok(())
}

/// A path as an SQLite URI path: absolute, with the characters a URI gives a meaning to
/// percent-encoded.
fn uri_path(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = String::new();
    for b in abs.to_string_lossy().bytes() {
        match b {
            b'%' | b'?' | b'#' | b' ' | b'&' | b'=' => out.push_str(&format!("%{b:02X}")),
            0x80.. => out.push_str(&format!("%{b:02X}")),
            _ => out.push(char::from(b)),
        }
    }
    out
}

fn read_up_to(file: &mut fs::File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// An SQLite error, told in the user's terms.
fn sql(path: &Path, e: rusqlite::Error) -> WorkspaceError {
    let path = path.to_path_buf();
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
            WorkspaceError::Locked(path)
        }
        Some(ErrorCode::DiskFull) => WorkspaceError::DiskFull(path),
        Some(ErrorCode::DatabaseCorrupt) | Some(ErrorCode::NotADatabase) => {
            WorkspaceError::Damaged {
                path,
                detail: e.to_string(),
            }
        }
        Some(ErrorCode::ReadOnly) => WorkspaceError::ReadOnly(path),
        _ => WorkspaceError::Sqlite { path, source: e },
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn a_second_connection_is_told_the_workspace_is_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.claimmap");
        drop(Workspace::create(&path, false, &Corpus::default(), "x", &[], 0).unwrap());
        let first = Workspace::open(&path).unwrap();
        let second = Workspace::open(&path);
        assert!(
            matches!(second, Err(WorkspaceError::Locked(_))),
            "{second:?}"
        );
        drop(first);
        Workspace::open(&path).unwrap();
    }
}
