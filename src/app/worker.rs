//! Slow work off the UI thread: reading and extracting documents, writing exports, preparing
//! the basemap, waiting on a native file dialog. Each job runs on a named thread and reports
//! progress and its result over a channel that the app polls once per frame, so the window
//! keeps drawing whatever the job does.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::export::{self, ExportError, ExportSet};
use crate::model::{Corpus, Document};
use crate::pipeline::{self, Resources, Warning};
use crate::workspace::{Op, ReviewOp, Session, WorkspaceError};

use super::action::{ExportRequest, SessionCommand};
use super::index::CorpusIndex;
use super::review::ReviewInfo;
use super::state::{ExportOutcome, LoadKind, Loaded};

/// A message from a job.
enum Message<T> {
    Progress {
        done: usize,
        total: usize,
        unit: &'static str,
    },
    Done(T),
}

/// Progress of a job: `done` of `total`, counted in `unit` ("documents extracted"; empty: a
/// share of the work).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Count {
    pub done: usize,
    pub total: usize,
    pub unit: &'static str,
}

/// What polling a job found.
pub enum Poll<T> {
    /// Still running; the latest progress, if it reported any.
    Running(Option<Count>),
    Done(T),
    /// The thread ended without a result (it panicked).
    Lost,
}

/// A running job on its own thread.
pub struct Job<T> {
    rx: Receiver<Message<T>>,
}

/// Reports progress from inside a job.
pub struct Reporter<T> {
    tx: mpsc::Sender<Message<T>>,
    last: Option<Instant>,
}

impl<T> Reporter<T> {
    /// Sends `done` of `total`, at most every 20 ms (and always the last step) so that a
    /// thousand tiny documents do not flood the channel.
    pub fn progress(&mut self, done: usize, total: usize) {
        self.counted(done, total, "");
    }

    /// [`Reporter::progress`] counted in `unit` ("documents extracted").
    pub fn counted(&mut self, done: usize, total: usize, unit: &'static str) {
        let now = Instant::now();
        let due = self
            .last
            .is_none_or(|t| now.duration_since(t) >= Duration::from_millis(20));
        if due || done == total {
            self.last = Some(now);
            let _ = self.tx.send(Message::Progress { done, total, unit });
        }
    }
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a thread called `name`.
    pub fn spawn(
        name: &str,
        work: impl FnOnce(&mut Reporter<T>) -> T + Send + 'static,
    ) -> std::io::Result<Job<T>> {
        let (tx, rx) = mpsc::channel();
        std::thread::Builder::new()
            .name(name.to_string())
            .spawn(move || {
                let mut reporter = Reporter {
                    tx: tx.clone(),
                    last: None,
                };
                let result = work(&mut reporter);
                let _ = tx.send(Message::Done(result));
            })?;
        Ok(Job { rx })
    }

    /// Takes what the job sent since the last poll, without waiting.
    pub fn poll(&self) -> Poll<T> {
        let mut progress = None;
        loop {
            match self.rx.try_recv() {
                Ok(Message::Progress { done, total, unit }) => {
                    progress = Some(Count { done, total, unit });
                }
                Ok(Message::Done(t)) => return Poll::Done(t),
                Err(TryRecvError::Empty) => return Poll::Running(progress),
                Err(TryRecvError::Disconnected) => return Poll::Lost,
            }
        }
    }

    /// Blocks until the job ends (tests and benchmarks), at most `timeout`.
    pub fn wait(&self, timeout: Duration) -> Poll<T> {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(Message::Progress { .. }) => {}
                Ok(Message::Done(t)) => return Poll::Done(t),
                Err(mpsc::RecvTimeoutError::Timeout) => return Poll::Running(None),
                Err(mpsc::RecvTimeoutError::Disconnected) => return Poll::Lost,
            }
        }
    }
}

/// The extraction resources, loaded on first use by whichever job needs them first and then
/// shared (the gazetteer is large; loading it once matters).
#[derive(Clone, Default)]
pub struct SharedResources(Arc<Mutex<Option<Arc<Resources>>>>);

impl SharedResources {
    /// Already loaded resources.
    pub fn ready(res: Arc<Resources>) -> SharedResources {
        SharedResources(Arc::new(Mutex::new(Some(res))))
    }

    /// The resources if some job has loaded them already (never loads).
    pub fn loaded(&self) -> Option<Arc<Resources>> {
        self.0.try_lock().ok()?.as_ref().map(Arc::clone)
    }

    /// The resources, loading them if needed.
    pub fn get(&self) -> Result<Arc<Resources>, String> {
        let mut slot = self
            .0
            .lock()
            .map_err(|_| "the resources were lost after an earlier failure".to_string())?;
        if let Some(res) = slot.as_ref() {
            return Ok(Arc::clone(res));
        }
        let res =
            Arc::new(Resources::bundled().map_err(|e| format!("cannot load the gazetteer: {e}"))?);
        *slot = Some(Arc::clone(&res));
        Ok(res)
    }
}

/// Asks a running session job to stop (the toolbar's Cancel): extraction checks it after each
/// document, and a stopped job changes nothing.
#[derive(Clone, Debug, Default)]
pub struct CancelFlag(Arc<std::sync::atomic::AtomicBool>);

impl CancelFlag {
    pub fn cancel(&self) {
        self.0.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    pub fn is_cancelled(&self) -> bool {
        self.0.load(std::sync::atomic::Ordering::Relaxed)
    }
    /// Ready for the next job.
    pub fn reset(&self) {
        self.0.store(false, std::sync::atomic::Ordering::Relaxed);
    }
}

/// What a session job hands back: the session (always: a command that fails leaves it as it
/// was, its file and lock included) and the corpus the analyst sees now, or why nothing
/// changed.
pub struct SessionDone {
    pub session: Session,
    pub outcome: Result<Loaded, SessionFailure>,
}

/// Why a session command changed nothing.
#[derive(Debug)]
pub struct SessionFailure {
    pub message: String,
    pub warnings: Vec<Warning>,
}

impl SessionFailure {
    fn new(message: impl Into<String>) -> SessionFailure {
        SessionFailure {
            message: message.into(),
            warnings: Vec::new(),
        }
    }
}

/// Runs one session command on the worker: a review operation, undo, redo, a load, a
/// workspace opened, made or saved. Reading counts as the first tenth of the progress bar,
/// extraction as the rest.
pub fn run_session(
    resources: &SharedResources,
    session: Session,
    command: SessionCommand,
    cancel: &CancelFlag,
    report: &mut Reporter<SessionDone>,
) -> SessionDone {
    let res = match resources.get() {
        Ok(r) => r,
        Err(e) => {
            return SessionDone {
                session,
                outcome: Err(SessionFailure::new(e)),
            };
        }
    };
    let mut session = session;
    let step = run_command(&res, &mut session, command, cancel, report);
    let outcome = step.map(|step| {
        let (corpus, attention) = session.reviewed_shared(&res);
        let index = CorpusIndex::new(&corpus);
        Loaded {
            corpus,
            index: Arc::new(index),
            inputs: step.inputs,
            new_documents: step.new_documents,
            warnings: step.warnings,
            kind: step.kind,
            attention,
            review: review_info(&session),
            message: step.message,
        }
    });
    SessionDone { session, outcome }
}

/// What a command did, before the corpus is reviewed and indexed.
struct Step {
    kind: LoadKind,
    inputs: Vec<PathBuf>,
    new_documents: usize,
    warnings: Vec<Warning>,
    message: Option<String>,
}

impl Step {
    fn review(message: String) -> Step {
        Step {
            kind: LoadKind::Review,
            inputs: Vec::new(),
            new_documents: 0,
            warnings: Vec::new(),
            message: Some(message),
        }
    }
}

fn run_command(
    res: &Resources,
    session: &mut Session,
    command: SessionCommand,
    cancel: &CancelFlag,
    report: &mut Reporter<SessionDone>,
) -> Result<Step, SessionFailure> {
    let failed = |e: WorkspaceError| SessionFailure::new(e.to_string());
    match command {
        SessionCommand::Review(op) => {
            let message = describe(res, session.machine(), &op, "");
            session.push(op).map_err(failed)?;
            Ok(Step::review(message))
        }
        SessionCommand::Undo => {
            let op = session.ops().last().cloned();
            session.undo().map_err(failed)?;
            let what = op.map_or(String::new(), |op| {
                describe(res, session.machine(), &op, "")
            });
            Ok(Step::review(format!("Undone: {what}")))
        }
        SessionCommand::Redo => {
            session.redo().map_err(failed)?;
            let what = session
                .ops()
                .last()
                .map_or(String::new(), |op| describe(res, session.machine(), op, ""));
            Ok(Step::review(format!("Redone: {what}")))
        }
        SessionCommand::Load { paths, add } => {
            if let [path] = paths.as_slice()
                && crate::workspace::is_workspace_path(path)
            {
                return open_workspace(res, session, path);
            }
            let mut batch = crate::input::Batch::default();
            for (i, p) in paths.iter().enumerate() {
                if cancel.is_cancelled() {
                    return Err(SessionFailure::new(CANCELLED));
                }
                crate::input::read_path(p, &mut batch);
                report.counted(i + 1, paths.len(), "files read");
            }
            load_documents(
                res,
                session,
                cancel,
                batch.documents,
                batch.warnings,
                paths,
                add,
                report,
            )
        }
        SessionCommand::LoadText { title, text } => {
            let mut doc = text_document(&title, text);
            doc.title = title;
            load_documents(
                res,
                session,
                cancel,
                vec![doc],
                Vec::new(),
                Vec::new(),
                true,
                report,
            )
        }
        SessionCommand::LoadSample => {
            let doc = text_document(crate::SAMPLE_NAME, crate::SAMPLE_ARTICLE.to_string());
            load_documents(
                res,
                session,
                cancel,
                vec![doc],
                Vec::new(),
                Vec::new(),
                false,
                report,
            )
        }
        SessionCommand::OpenWorkspace(path) => open_workspace(res, session, &path),
        SessionCommand::NewWorkspace { path, replace } => {
            *session = Session::create(&path, replace, Corpus::default()).map_err(failed)?;
            Ok(Step {
                kind: LoadKind::Open,
                inputs: vec![path.clone()],
                new_documents: 0,
                warnings: Vec::new(),
                message: Some(format!(
                    "Made the workspace {}: add articles to it (Add…, or drop files here).",
                    path.display()
                )),
            })
        }
        SessionCommand::SaveAs { path, replace } => {
            session.save_as(&path, replace).map_err(failed)?;
            Ok(Step::review(format!(
                "Saved as {}: every change is kept there from now on.",
                path.display()
            )))
        }
    }
}

fn open_workspace(
    res: &Resources,
    session: &mut Session,
    path: &std::path::Path,
) -> Result<Step, SessionFailure> {
    let (opened, notices) =
        Session::open(res, path).map_err(|e| SessionFailure::new(e.to_string()))?;
    let n = opened.machine().documents().len();
    *session = opened;
    Ok(Step {
        kind: LoadKind::Open,
        inputs: vec![path.to_path_buf()],
        new_documents: n,
        warnings: Vec::new(),
        message: (!notices.is_empty()).then(|| notices.join(" ")),
    })
}

/// What a cancelled load says.
const CANCELLED: &str = "Cancelled: the documents open stay as they were.";

/// Extracts documents into the session (`add`), or into a new unsaved session in its place.
#[allow(clippy::too_many_arguments)] // one call site per command, each naming them all
fn load_documents(
    res: &Resources,
    session: &mut Session,
    cancel: &CancelFlag,
    documents: Vec<Document>,
    mut warnings: Vec<Warning>,
    inputs: Vec<PathBuf>,
    add: bool,
    report: &mut Reporter<SessionDone>,
) -> Result<Step, SessionFailure> {
    let nothing = |warnings: Vec<Warning>| {
        let first = warnings
            .first()
            .map_or_else(|| "nothing to read".to_string(), |w| w.to_string());
        SessionFailure {
            message: format!("Could not open: {first}"),
            warnings,
        }
    };
    if documents.is_empty() {
        return Err(nothing(warnings));
    }
    let mut progress = |done: usize, total: usize| {
        report.counted(done, total, "documents extracted");
        !cancel.is_cancelled()
    };
    let new_documents = if add {
        let added = session
            .add_documents(res, documents, &mut progress)
            .map_err(|e| match e {
                WorkspaceError::Cancelled => SessionFailure::new(CANCELLED),
                e => SessionFailure::new(e.to_string()),
            })?;
        warnings.extend(added.warnings);
        added.added
    } else {
        let extraction =
            pipeline::extract_until(res, documents, pipeline::default_jobs(), &mut progress)
                .ok_or_else(|| SessionFailure::new(CANCELLED))?;
        warnings.extend(extraction.warnings);
        let n = extraction.corpus.documents().len();
        if n > 0 {
            *session = Session::unsaved(extraction.corpus);
        }
        n
    };
    if new_documents == 0 {
        return Err(nothing(warnings));
    }
    Ok(Step {
        kind: if add { LoadKind::Add } else { LoadKind::Open },
        inputs,
        new_documents,
        warnings,
        message: None,
    })
}

/// What the session's file and log look like, for the state.
pub fn review_info(session: &Session) -> ReviewInfo {
    ReviewInfo {
        workspace: session.file().map(|f| f.path().to_path_buf()),
        is_read_only: session.file().is_some_and(|f| f.is_read_only()),
        head: session.head(),
        log_len: session.log().len(),
    }
}

/// "Rejected the claim “the agreement”": an operation in words, for the status bar.
pub fn describe(res: &Resources, corpus: &Corpus, op: &ReviewOp, prefix: &str) -> String {
    let place = |g: u32| {
        res.gazetteer.by_geonameid(g).map_or_else(
            || format!("GeoNames {g}"),
            |id| {
                let e = res.gazetteer.entry(id);
                format!("{} ({})", e.name, e.kind.label())
            },
        )
    };
    let text = corpus
        .documents()
        .iter()
        .find(|d| d.key == op.doc)
        .map(|d| {
            let span = op.op.anchor();
            let words: String = d
                .text
                .chars()
                .skip(span.start as usize)
                .take((span.end - span.start) as usize)
                .collect();
            let words: String = words.split_whitespace().collect::<Vec<_>>().join(" ");
            if words.chars().count() > 60 {
                format!("{}…", words.chars().take(60).collect::<String>())
            } else {
                words
            }
        })
        .unwrap_or_default();
    let what = match &op.op {
        Op::ConfirmClaim { .. } => format!("confirmed the claim “{text}”."),
        Op::RejectClaim { .. } => format!("rejected the claim “{text}”."),
        Op::EditClaim { .. } => format!("edited the claim “{text}”."),
        Op::AddClaim { .. } => format!("added the claim “{text}”."),
        Op::SetPlace { geonameid, .. } => format!("“{text}” now names {}.", place(*geonameid)),
        Op::NotAPlace { .. } => format!("“{text}” is not a place."),
        Op::AddPlace { geonameid, .. } => format!("added “{text}” as {}.", place(*geonameid)),
        Op::RenameSource { name, .. } => format!("renamed “{text}” to “{name}”."),
        Op::MergeSources { .. } => format!("merged the source “{text}”."),
        Op::SplitSource { .. } => format!("split the source “{text}” from its entity."),
    };
    let mut chars = what.chars();
    let what = match chars.next() {
        Some(c) if prefix.is_empty() => c.to_uppercase().chain(chars).collect(),
        _ => what,
    };
    format!("{prefix}{what}")
}

/// A document from text that is not in a file, titled as the `.txt` reader titles a file.
pub fn text_document(key: &str, text: String) -> Document {
    crate::input::document_from_text(key, text)
}

/// Writes an export on the worker, never replacing a file unless the request says so.
pub fn write_export(corpus: &Corpus, req: &ExportRequest) -> ExportOutcome {
    let Some(exporter) = export::ALL.get(req.format).copied() else {
        return ExportOutcome::Failed("unknown export format".into());
    };
    let set = ExportSet::claims(corpus, req.claims.clone()).with_view(req.view);
    let result = export::write_atomic(&req.path, req.replace, |out| {
        exporter.write(corpus, &set, out)
    });
    match result {
        Ok(()) => ExportOutcome::Written {
            path: std::path::absolute(&req.path).unwrap_or_else(|_| req.path.clone()),
            claims: req.claims.len(),
        },
        Err(ExportError::Exists(p)) => ExportOutcome::Exists(p),
        Err(e) => ExportOutcome::Failed(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn the_sample_is_titled_by_its_headline_not_its_section() {
        let doc = text_document("s.txt", crate::SAMPLE_ARTICLE.to_string());
        assert_eq!(
            doc.title,
            "North Korea to Send 6,000 Workers to Aid Russia in Kursk"
        );
    }

    #[test]
    fn a_job_runs_on_a_named_thread_and_reports() {
        let job = Job::spawn("claimmap-test", |r: &mut Reporter<String>| {
            r.progress(1, 1);
            std::thread::current().name().unwrap_or("").to_string()
        })
        .unwrap();
        match job.wait(Duration::from_secs(10)) {
            Poll::Done(name) => assert_eq!(name, "claimmap-test"),
            _ => panic!("the job did not finish"),
        }
    }

    #[test]
    fn a_panicking_job_is_lost_not_fatal() {
        let job = Job::spawn("claimmap-test-panic", |_: &mut Reporter<()>| {
            panic!("boom");
        })
        .unwrap();
        assert!(matches!(job.wait(Duration::from_secs(10)), Poll::Lost));
    }
}
