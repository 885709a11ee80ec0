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

use super::action::ExportRequest;
use super::index::CorpusIndex;
use super::state::{ExportOutcome, Loaded};

/// A message from a job.
enum Message<T> {
    Progress { done: usize, total: usize },
    Done(T),
}

/// What polling a job found.
pub enum Poll<T> {
    /// Still running; the latest progress, if it reported any.
    Running(Option<(usize, usize)>),
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
        let now = Instant::now();
        let due = self
            .last
            .is_none_or(|t| now.duration_since(t) >= Duration::from_millis(20));
        if due || done == total {
            self.last = Some(now);
            let _ = self.tx.send(Message::Progress { done, total });
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
                Ok(Message::Progress { done, total }) => progress = Some((done, total)),
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

/// What a load reads.
pub enum LoadInput {
    Paths(Vec<PathBuf>),
    /// The bundled sample article.
    Sample,
    /// Pasted text as a new document.
    Text {
        title: String,
        text: String,
    },
}

/// Reads and extracts on the worker; `base` is the corpus to add to, if adding. Reading counts
/// as the first tenth of the progress bar, extraction as the rest.
pub fn load(
    resources: &SharedResources,
    input: LoadInput,
    base: Option<Arc<Corpus>>,
    report: &mut Reporter<Loaded>,
) -> Loaded {
    let (documents, mut warnings, inputs) = match input {
        LoadInput::Paths(paths) => {
            let mut batch = crate::input::Batch::default();
            for (i, p) in paths.iter().enumerate() {
                crate::input::read_path(p, &mut batch);
                report.progress(i + 1, paths.len() * 10);
            }
            (batch.documents, batch.warnings, paths)
        }
        LoadInput::Sample => (
            vec![text_document(
                crate::SAMPLE_NAME,
                crate::SAMPLE_ARTICLE.to_string(),
            )],
            Vec::new(),
            Vec::new(),
        ),
        LoadInput::Text { title, text } => {
            let mut doc = text_document(&title, text);
            doc.title = title;
            (vec![doc], Vec::new(), Vec::new())
        }
    };
    let add = base.is_some();
    let nothing = |warnings| Loaded {
        corpus: Arc::new(Corpus::default()),
        index: Arc::new(CorpusIndex::default()),
        inputs: inputs.clone(),
        new_documents: 0,
        warnings,
        add,
    };
    if documents.is_empty() {
        return nothing(warnings);
    }
    let res = match resources.get() {
        Ok(r) => r,
        Err(e) => {
            warnings.push(Warning {
                subject: "claimmap".into(),
                message: e,
            });
            return nothing(warnings);
        }
    };
    let extraction = pipeline::extract_with_progress(&res, documents, &mut |done, total| {
        report.progress(total + done * 9, total * 10);
    });
    warnings.extend(extraction.warnings);
    let new_documents = extraction.corpus.documents().len();
    if new_documents == 0 {
        return nothing(warnings);
    }
    let corpus = match base {
        Some(base) => {
            let mut merged = (*base).clone();
            merged.append(extraction.corpus);
            crate::corpus::analyse(&mut merged, &crate::corpus::Judgements::default());
            merged
        }
        None => extraction.corpus,
    };
    let index = CorpusIndex::new(&corpus);
    Loaded {
        corpus: Arc::new(corpus),
        index: Arc::new(index),
        inputs,
        new_documents,
        warnings,
        add,
    }
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
    let set = ExportSet::claims(corpus, req.claims.clone());
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
