//! A review session in memory: the machine's corpus, the review log and its head, and the
//! workspace file that keeps them (none for an unsaved session, which "Save workspace as…"
//! turns into a file). Every change goes to the file first, then to memory, so what the
//! session holds is what the file holds.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use serde_json::json;

use crate::export::{ExportError, eval_line};
use crate::model::{Corpus, Document};
use crate::pipeline::{self, EXTRACTOR_VERSION, Resources, Warning};

use super::op::ReviewOp;
use super::replay::{NotApplied, Replay, Reviewed, replay};
use super::store::Workspace;
use super::{WorkspaceError, content_hash};
use crate::corpus::{self, Judgements};

/// The documents a session took in.
#[derive(Debug, Default)]
pub struct Added {
    /// Documents that joined.
    pub added: usize,
    /// Documents skipped (already there, empty) and keys renamed.
    pub warnings: Vec<Warning>,
}

/// An operation that did not apply, with where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejected {
    /// Its 1-based line in the file it came from.
    pub line: usize,
    pub op: ReviewOp,
    pub reason: NotApplied,
    /// The text it was about.
    pub text: String,
}

/// What applying a batch of operations did.
#[derive(Debug, Default)]
pub struct ApplyReport {
    pub applied: usize,
    pub rejected: Vec<Rejected>,
}

/// A review session.
#[derive(Debug, Default)]
pub struct Session {
    /// Shared: with nothing reviewed yet, what the analyst sees is this very corpus.
    machine: Arc<Corpus>,
    log: Vec<ReviewOp>,
    head: usize,
    file: Option<Workspace>,
}

impl Session {
    /// A session on an extracted corpus, with no file yet.
    pub fn unsaved(machine: Corpus) -> Session {
        Session {
            machine: Arc::new(machine),
            ..Session::default()
        }
    }

    /// Opens a workspace file. Documents extracted by another extractor version are
    /// extracted again (and stored again, unless the file is read-only); the notices say so.
    pub fn open(res: &Resources, path: &Path) -> Result<(Session, Vec<String>), WorkspaceError> {
        Session::open_file(res, Workspace::open(path)?)
    }

    /// Opens a workspace file without ever writing to it: review changes stay in memory
    /// until "Save workspace as…".
    pub fn open_read_only(
        res: &Resources,
        path: &Path,
    ) -> Result<(Session, Vec<String>), WorkspaceError> {
        Session::open_file(res, Workspace::open_read_only(path)?)
    }

    fn open_file(
        res: &Resources,
        mut file: Workspace,
    ) -> Result<(Session, Vec<String>), WorkspaceError> {
        let stored = file.load()?;
        let mut notices = Vec::new();
        let mut corpora: Vec<Option<Corpus>> = Vec::with_capacity(stored.documents.len());
        let mut stale: Vec<Document> = Vec::new();
        let mut stale_versions: Vec<String> = Vec::new();
        for (doc, extraction) in stored.documents {
            match extraction {
                Some((version, corpus)) if version == EXTRACTOR_VERSION => {
                    corpora.push(Some(with_document(corpus, doc)));
                }
                other => {
                    if let Some((version, _)) = other
                        && !stale_versions.contains(&version)
                    {
                        stale_versions.push(version);
                    }
                    corpora.push(None);
                    stale.push(doc);
                }
            }
        }
        let stale_keys: Vec<String> = stale.iter().map(|d| d.key.clone()).collect();
        let mut fresh = if stale.is_empty() {
            Vec::new()
        } else {
            pipeline::extract(res, stale).corpus.split_documents()
        }
        .into_iter();
        let mut parts = Vec::with_capacity(corpora.len());
        for c in corpora {
            match c {
                Some(c) => parts.push(c),
                // a document the extractor skips (no text) has no corpus to slot in
                None => parts.extend(fresh.next()),
            }
        }
        let mut machine = Corpus::default();
        machine.append_all(parts);
        corpus::analyse(&mut machine, &Judgements::default());
        if !stale_keys.is_empty() {
            let made_by = if stale_versions.is_empty() {
                String::new()
            } else {
                format!(" (made by {})", stale_versions.join(", "))
            };
            notices.push(format!(
                "Extracted {} {} again with {EXTRACTOR_VERSION}{made_by} and replayed the review.",
                stale_keys.len(),
                if stale_keys.len() == 1 {
                    "document"
                } else {
                    "documents"
                },
            ));
            if !file.is_read_only() {
                file.replace_extractions(&machine, &stale_keys, EXTRACTOR_VERSION)?;
            }
        }
        if file.is_read_only() {
            notices.push(
                "The workspace is read-only: review changes are kept in this window only; \"Save workspace as…\" keeps them.".into(),
            );
        }
        let session = Session {
            machine: Arc::new(machine),
            log: stored.log,
            head: stored.head,
            file: Some(file),
        };
        Ok((session, notices))
    }

    /// Makes a new workspace file from an extracted corpus.
    pub fn create(path: &Path, replace: bool, machine: Corpus) -> Result<Session, WorkspaceError> {
        let file = Workspace::create(path, replace, &machine, EXTRACTOR_VERSION, &[], 0)?;
        Ok(Session {
            machine: Arc::new(machine),
            log: Vec::new(),
            head: 0,
            file: Some(file),
        })
    }

    /// Keeps the session in a new file (and works on that file from now on).
    pub fn save_as(&mut self, path: &Path, replace: bool) -> Result<(), WorkspaceError> {
        let same_file = self.file.as_ref().is_some_and(|f| f.path() == path);
        if same_file {
            return Ok(());
        }
        let file = match self.file.as_ref().filter(|f| !f.is_read_only()) {
            Some(f) => {
                f.copy_to(path, replace)?;
                Workspace::open(path)?
            }
            None => Workspace::create(
                path,
                replace,
                &self.machine,
                EXTRACTOR_VERSION,
                &self.log,
                self.head,
            )?,
        };
        // the old file's lock goes with its connection
        self.file = Some(file);
        Ok(())
    }

    pub fn machine(&self) -> &Corpus {
        &self.machine
    }
    /// The machine's corpus, shared.
    pub fn machine_arc(&self) -> Arc<Corpus> {
        Arc::clone(&self.machine)
    }
    /// The whole log, the redo list (past the head) included.
    pub fn log(&self) -> &[ReviewOp] {
        &self.log
    }
    /// The operations in effect.
    pub fn ops(&self) -> &[ReviewOp] {
        &self.log[..self.head]
    }
    pub fn head(&self) -> usize {
        self.head
    }
    pub fn file(&self) -> Option<&Workspace> {
        self.file.as_ref()
    }
    pub fn can_undo(&self) -> bool {
        self.head > 0
    }
    pub fn can_redo(&self) -> bool {
        self.head < self.log.len()
    }
    /// Changes are kept in memory only (no file, or a read-only one).
    pub fn is_unsaved(&self) -> bool {
        self.file.as_ref().is_none_or(Workspace::is_read_only)
    }

    /// What the analyst sees: the extraction with the operations in effect replayed.
    pub fn reviewed(&self, res: &Resources) -> Reviewed {
        replay(res, &self.machine, self.ops())
    }

    /// [`Session::reviewed`], sharing the machine's corpus when nothing is in effect (no copy
    /// of a big corpus for a session nobody has reviewed yet).
    pub fn reviewed_shared(&self, res: &Resources) -> (Arc<Corpus>, Vec<super::replay::Attention>) {
        if self.head == 0 {
            return (self.machine_arc(), Vec::new());
        }
        let r = self.reviewed(res);
        (Arc::new(r.corpus), r.attention)
    }

    /// Records an operation: it becomes the last in effect, and the redo list is dropped.
    pub fn push(&mut self, op: ReviewOp) -> Result<(), WorkspaceError> {
        if let Some(f) = self.file.as_mut().filter(|f| !f.is_read_only()) {
            f.push(self.head, &op)?;
        }
        self.log.truncate(self.head);
        self.log.push(op);
        self.head += 1;
        Ok(())
    }

    /// Takes back the last operation in effect; false when there is none.
    pub fn undo(&mut self) -> Result<bool, WorkspaceError> {
        if self.head == 0 {
            return Ok(false);
        }
        self.move_head(self.head - 1)?;
        Ok(true)
    }

    /// Puts back the last operation taken back; false when there is none.
    pub fn redo(&mut self) -> Result<bool, WorkspaceError> {
        if self.head >= self.log.len() {
            return Ok(false);
        }
        self.move_head(self.head + 1)?;
        Ok(true)
    }

    fn move_head(&mut self, head: usize) -> Result<(), WorkspaceError> {
        if let Some(f) = self.file.as_mut().filter(|f| !f.is_read_only()) {
            f.set_head(head)?;
        }
        self.head = head;
        Ok(())
    }

    /// Extracts documents and adds them. A document whose key the session has is skipped if
    /// its text is the same, else kept under a new key ("name (2)"): keys anchor the review.
    pub fn add_documents(
        &mut self,
        res: &Resources,
        documents: Vec<Document>,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<Added, WorkspaceError> {
        let mut known: HashMap<String, String> = self
            .machine
            .documents()
            .iter()
            .map(|d| (d.key.clone(), content_hash(&d.text)))
            .collect();
        let mut warnings = Vec::new();
        let mut fresh = Vec::new();
        for mut doc in documents {
            let hash = content_hash(&doc.text);
            match known.get(&doc.key) {
                Some(h) if *h == hash => {
                    warnings.push(Warning {
                        subject: doc.key.clone(),
                        message: "the workspace already holds this document; skipped it".into(),
                    });
                    continue;
                }
                Some(_) => {
                    let base = doc.key.clone();
                    let key = (2..)
                        .map(|n| format!("{base} ({n})"))
                        .find(|k| !known.contains_key(k))
                        .unwrap_or(base.clone());
                    warnings.push(Warning {
                        subject: base,
                        message: format!(
                            "another document has this name; this one is kept as {key:?}"
                        ),
                    });
                    doc.key = key;
                }
                None => {}
            }
            known.insert(doc.key.clone(), hash);
            fresh.push(doc);
        }
        if fresh.is_empty() {
            return Ok(Added { added: 0, warnings });
        }
        let extraction = pipeline::extract_until(res, fresh, pipeline::default_jobs(), progress)
            .ok_or(WorkspaceError::Cancelled)?;
        warnings.extend(extraction.warnings);
        let added = extraction.corpus.documents().len();
        if added > 0 {
            if let Some(f) = self.file.as_mut().filter(|f| !f.is_read_only()) {
                f.add_documents(&extraction.corpus, EXTRACTOR_VERSION)?;
            }
            let machine = Arc::make_mut(&mut self.machine);
            machine.append(extraction.corpus);
            corpus::analyse(machine, &Judgements::default());
        }
        Ok(Added { added, warnings })
    }

    /// Applies a colleague's operations (with their line numbers): each one that applies to
    /// the reviewed state is recorded, one transaction each; the others are reported.
    pub fn apply(
        &mut self,
        res: &Resources,
        ops: Vec<(usize, ReviewOp)>,
    ) -> Result<ApplyReport, WorkspaceError> {
        let mut replay = Replay::new(res, (*self.machine).clone());
        for op in self.ops() {
            // an operation in effect that no longer applies is already listed for attention
            let _ = replay.apply(op);
        }
        let mut report = ApplyReport::default();
        for (line, op) in ops {
            match replay.apply(&op) {
                Ok(()) => {
                    self.push(op)?;
                    report.applied += 1;
                }
                Err(reason) => {
                    let text = replay.text_of(&op);
                    report.rejected.push(Rejected {
                        line,
                        op,
                        reason,
                        text,
                    });
                }
            }
        }
        Ok(report)
    }
}

/// The machine's extraction of one document, its text put back from the documents table
/// (the extraction is stored without it). What extraction derived of the document (its
/// publication date) comes from the extraction; what was read (key, title, origin) from the
/// table.
fn with_document(corpus: Corpus, doc: Document) -> Corpus {
    let mut parts = corpus.into_parts();
    let derived = parts.documents.pop();
    let mut doc = doc;
    doc.id = crate::model::DocId(0);
    if let Some(d) = derived {
        doc.published = d.published;
        doc.published_from = d.published_from;
    }
    parts.documents = vec![doc];
    Corpus::from_parts(parts)
}

/// The reviewed corpus in the evaluation format, with each document's text: gold data made by
/// an analyst, for measuring the extractor or training it (`examples/train_cue_model`).
/// Rejected claims and mentions are left out.
pub fn write_gold(corpus: &Corpus, out: &mut dyn Write) -> Result<(), ExportError> {
    for d in corpus.documents() {
        let mut line = eval_line(corpus, d.id);
        line["text"] = json!(d.text);
        serde_json::to_writer(&mut *out, &line).map_err(|e| ExportError::Encode(e.to_string()))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::workspace::{CharSpan, Op};

    #[test]
    fn a_read_only_workspace_keeps_changes_in_memory_and_its_file_as_it_was() {
        let res = Resources::bundled().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.claimmap");
        let doc = crate::input::document_from_text("a.txt", "Officials said Kyiv was hit.");
        let machine = pipeline::extract(&res, vec![doc]).corpus;
        drop(Session::create(&path, false, machine).unwrap());
        let before = std::fs::read(&path).unwrap();

        let (mut session, notices) = Session::open_read_only(&res, &path).unwrap();
        assert!(session.is_unsaved());
        assert!(
            notices.iter().any(|n| n.contains("read-only")),
            "{notices:?}"
        );
        let op = ReviewOp::new(
            "a.txt",
            Op::RejectClaim {
                content: CharSpan::new(15, 27),
            },
        );
        let report = session.apply(&res, vec![(1, op)]).unwrap();
        assert_eq!(report.applied, 1);
        assert!(
            session.reviewed(&res).corpus.claims()[0]
                .review
                .is_rejected()
        );
        drop(session);
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }
}
