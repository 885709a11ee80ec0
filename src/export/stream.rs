//! Streaming exports: the claim records (`jsonl`) or the evaluation lines of a corpus too big to
//! hold, in bounded memory. Entities are corpus-wide, so it takes two passes. Pass 1 extracts
//! the documents a batch at a time ([`pipeline::extract_stream`]) and writes each batch's lines
//! to a pending file, their entity fields left empty, keeping of each source only what entity
//! resolution reads. Then the sources are resolved over the whole stream, and pass 2 copies the
//! pending file to the output, filling in each claim's entity. The output is byte for byte the
//! in-memory export ([`super::Jsonl`], [`super::write_eval_jsonl`]) of the same documents,
//! but for the stories: they compare every claim's content with every other's and the texts
//! of the documents with each other, which needs the corpus in memory, so a streamed claim
//! has its figures (read from its own content) and no story or conflicts.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, BufWriter, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use super::ExportError;
use super::eval_jsonl::eval_line;
use super::record::{FigureRecord, Offsets, claim_record};
use crate::corpus::figures::figures;
use crate::corpus::{Judgements, SourceRef, resolve};
use crate::model::{Document, SourceKind};
use crate::pipeline::{self, Resources, StreamBatch, StreamSummary, Warning};

/// What a stream is written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StreamFormat {
    /// One claim record per line, as the `jsonl` export writes them.
    Claims,
    /// One evaluation line per document, as `--eval-jsonl` writes them.
    Eval,
}

/// Documents per batch of pass 1: enough that the per-batch costs vanish, few enough that a
/// batch stays small.
const BATCH_DOCUMENTS: usize = 256;

/// The outcome of pass 1: the pending lines, and the entity of every source.
pub struct Pending {
    format: StreamFormat,
    file: PendingFile,
    entities: Vec<EntityLabel>,
    /// Per source of the stream, its index in `entities`.
    source_entities: Vec<Option<u32>>,
    summary: StreamSummary,
}

/// A claim's entity as the exports show it.
struct EntityLabel {
    key: String,
    name: String,
}

/// Pass 1: extracts `documents` on `jobs` threads and writes their lines to a pending file in
/// `folder` (removed when the [`Pending`] is dropped), then resolves the entities over the
/// whole stream. Nothing is written to the output yet: see [`Pending::write`].
///
/// ```
/// use claimmap::export::{StreamFormat, extract_pending};
/// use claimmap::model::Document;
/// use claimmap::pipeline::Resources;
/// let res = Resources::bundled()?;
/// let docs = vec![Ok(Document::new("a", "Ukrainian officials said Russian troops shelled Kharkiv."))];
/// let pending = extract_pending(&res, docs.into_iter(), StreamFormat::Claims, 2, &std::env::temp_dir())?;
/// let mut out = Vec::new();
/// pending.write(&mut out)?;
/// assert!(String::from_utf8(out)?.contains("\"content\":\"Russian troops shelled Kharkiv\""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn extract_pending<I>(
    res: &Resources,
    documents: I,
    format: StreamFormat,
    jobs: usize,
    folder: &Path,
) -> Result<Pending, ExportError>
where
    I: Iterator<Item = Result<Document, Warning>> + Send,
{
    extract_pending_in_batches(res, documents, format, jobs, folder, BATCH_DOCUMENTS)
}

/// [`extract_pending`] in batches of `batch_size` documents.
fn extract_pending_in_batches<I>(
    res: &Resources,
    documents: I,
    format: StreamFormat,
    jobs: usize,
    folder: &Path,
    batch_size: usize,
) -> Result<Pending, ExportError>
where
    I: Iterator<Item = Result<Document, Warning>> + Send,
{
    let file = PendingFile::create(folder)?;
    let mut sources = SourceTable::default();
    let mut w = BufWriter::new(&file.file);
    let mut line = Vec::new();
    let summary = pipeline::extract_stream(res, documents, jobs, batch_size, |batch| {
        sources.add(batch);
        let lines = match format {
            StreamFormat::Claims => pending_claims(batch, &mut line, &mut w),
            StreamFormat::Eval => pending_eval(batch, &mut line, &mut w),
        };
        lines.map_err(|e| file.error(e))
    })?;
    w.flush().map_err(|e| file.error(e.into()))?;
    drop(w);
    let resolved = resolve(&sources.refs(), &Judgements::default());
    let mut source_entities = vec![None; sources.len()];
    for (i, e) in resolved.iter().enumerate() {
        for &m in &e.members {
            if let Some(slot) = source_entities.get_mut(m) {
                *slot = Some(i as u32);
            }
        }
    }
    let entities = resolved
        .into_iter()
        .map(|e| EntityLabel {
            key: e.key,
            name: e.name,
        })
        .collect();
    Ok(Pending {
        format,
        file,
        entities,
        source_entities,
        summary,
    })
}

/// A failure to write the pending file, or a line of it that does not encode.
enum LineError {
    Io(std::io::Error),
    Encode(String),
}

impl From<std::io::Error> for LineError {
    fn from(e: std::io::Error) -> Self {
        LineError::Io(e)
    }
}

/// Writes the batch's claim records, each after its source's stream position (or nothing)
/// and a tab.
fn pending_claims(
    batch: &StreamBatch,
    line: &mut Vec<u8>,
    w: &mut impl Write,
) -> Result<(), LineError> {
    let corpus = batch.corpus;
    let mut offsets = Offsets::default();
    for c in corpus.claims() {
        let mut record = claim_record(corpus, c, &mut offsets);
        record.id = (batch.first_claim + c.id.index()) as u32;
        // a claim's figures are its own; its story is the corpus's, not the batch's
        let text = &corpus.document(c.doc).text;
        record.figures = figures(text, c.content)
            .iter()
            .map(|f| FigureRecord::new(f, text))
            .collect();
        line.clear();
        if let Some(s) = c.source {
            write!(line, "{}", batch.first_source + s.index())?;
        }
        line.push(b'\t');
        serde_json::to_writer(&mut *line, &record).map_err(|e| LineError::Encode(e.to_string()))?;
        line.push(b'\n');
        w.write_all(line)?;
    }
    Ok(())
}

/// Writes the batch's evaluation lines, each after its claims' source positions (comma
/// separated, empty for none) and a tab.
fn pending_eval(
    batch: &StreamBatch,
    line: &mut Vec<u8>,
    w: &mut impl Write,
) -> Result<(), LineError> {
    let corpus = batch.corpus;
    for d in corpus.documents() {
        line.clear();
        for (i, &c) in corpus.claims_in(d.id).iter().enumerate() {
            if i > 0 {
                line.push(b',');
            }
            if let Some(s) = corpus.claim(c).source {
                write!(line, "{}", batch.first_source + s.index())?;
            }
        }
        line.push(b'\t');
        serde_json::to_writer(&mut *line, &eval_line(corpus, d.id))
            .map_err(|e| LineError::Encode(e.to_string()))?;
        line.push(b'\n');
        w.write_all(line)?;
    }
    Ok(())
}

impl Pending {
    /// What pass 1 extracted.
    pub fn summary(&self) -> &StreamSummary {
        &self.summary
    }

    /// Pass 2: writes the output, every claim with its entity.
    pub fn write(&self, out: &mut dyn Write) -> Result<(), ExportError> {
        let mut file = &self.file.file;
        file.rewind().map_err(|e| self.file.error(e.into()))?;
        let mut reader = BufReader::new(file);
        let mut line = Vec::new();
        let mut filled = Vec::new();
        loop {
            line.clear();
            let n = reader
                .read_until(b'\n', &mut line)
                .map_err(|e| self.file.error(e.into()))?;
            if n == 0 {
                return Ok(());
            }
            let tab = line.iter().position(|&b| b == b'\t');
            let (Some(tab), Ok(text)) = (tab, std::str::from_utf8(&line)) else {
                return Err(damaged());
            };
            let (sources, json) = (&text[..tab], &text[tab + 1..]);
            filled.clear();
            match self.format {
                StreamFormat::Claims => {
                    attach_claim_entity(json, self.entity_of(sources)?, &mut filled)?
                }
                StreamFormat::Eval => {
                    let entities = sources.split(',').map(|s| self.entity_of(s));
                    attach_eval_entities(json, entities, &mut filled)?
                }
            }
            out.write_all(&filled)?;
        }
    }

    /// The entity of the source at a stream position written in a pending line (empty: none).
    fn entity_of(&self, position: &str) -> Result<Option<&EntityLabel>, ExportError> {
        if position.is_empty() {
            return Ok(None);
        }
        let s: usize = position.parse().map_err(|_| damaged())?;
        let e = self.source_entities.get(s).ok_or_else(damaged)?;
        Ok(e.and_then(|e| self.entities.get(e as usize)))
    }
}

fn damaged() -> ExportError {
    ExportError::Encode("the pending file of the first pass is damaged".into())
}

/// Fills in the entity fields pass 1 left empty in a claim record: the one place that knows how
/// a record shows its entity (swap it when the export's entity fields change). The hole's text
/// can only be the fields themselves: a string value never holds an unescaped quote.
fn attach_claim_entity(
    record: &str,
    entity: Option<&EntityLabel>,
    out: &mut Vec<u8>,
) -> Result<(), ExportError> {
    const HOLE: &str = r#""entity":null,"entity_name":null"#;
    let Some(e) = entity else {
        out.extend_from_slice(record.as_bytes());
        return Ok(());
    };
    let at = record.find(HOLE).ok_or_else(damaged)?;
    out.extend_from_slice(&record.as_bytes()[..at]);
    out.extend_from_slice(b"\"entity\":");
    json_string(&e.key, out)?;
    out.extend_from_slice(b",\"entity_name\":");
    json_string(&e.name, out)?;
    out.extend_from_slice(&record.as_bytes()[at + HOLE.len()..]);
    Ok(())
}

/// Fills in the entity of each claim of an evaluation line, in order (see
/// [`attach_claim_entity`]; the places of the line have no entity field).
fn attach_eval_entities<'a>(
    line: &str,
    entities: impl Iterator<Item = Result<Option<&'a EntityLabel>, ExportError>>,
    out: &mut Vec<u8>,
) -> Result<(), ExportError> {
    const HOLE: &str = r#""entity":null"#;
    let mut rest = line;
    // a document without claims has no hole and one empty position
    if !line.contains(HOLE) {
        out.extend_from_slice(line.as_bytes());
        return Ok(());
    }
    for entity in entities {
        let at = rest.find(HOLE).ok_or_else(damaged)?;
        out.extend_from_slice(&rest.as_bytes()[..at]);
        match entity? {
            Some(e) => {
                out.extend_from_slice(b"\"entity\":");
                json_string(&e.key, out)?;
            }
            None => out.extend_from_slice(HOLE.as_bytes()),
        }
        rest = &rest[at + HOLE.len()..];
    }
    out.extend_from_slice(rest.as_bytes());
    Ok(())
}

fn json_string(s: &str, out: &mut Vec<u8>) -> Result<(), ExportError> {
    serde_json::to_writer(out, s).map_err(|e| ExportError::Encode(e.to_string()))
}

/// What entity resolution reads of every source of the stream, kept compact: each distinct
/// string once (names and mentions repeat across a corpus: "he", "officials", "Trump"), a
/// source a few numbers.
#[derive(Default)]
struct SourceTable {
    strings: HashMap<Box<str>, u32>,
    sources: Vec<SourceEntry>,
    /// Every source's mentions as written, a source's in a run.
    mentions: Vec<u32>,
}

struct SourceEntry {
    doc: usize,
    /// The document's key (kept once, like every string).
    doc_key: u32,
    kind: SourceKind,
    name: u32,
    affiliation: Option<u32>,
    description: Option<u32>,
    /// The end of its run in [`SourceTable::mentions`] (the run starts where the previous
    /// source's ends).
    mentions_end: usize,
}

impl SourceTable {
    fn len(&self) -> usize {
        self.sources.len()
    }

    fn keep(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.strings.get(s) {
            return id;
        }
        // four billion distinct names are beyond any corpus; past them, ids are shared, which
        // costs entity quality, never a crash
        let id = u32::try_from(self.strings.len()).unwrap_or(u32::MAX);
        self.strings.insert(s.into(), id);
        id
    }

    /// Keeps the batch's sources, as `corpus::resolve_entities` reads them from a whole corpus.
    fn add(&mut self, batch: &StreamBatch) {
        let corpus = batch.corpus;
        for s in corpus.sources() {
            let text = &corpus.document(s.doc).text;
            let name = self.keep(&s.name);
            let affiliation = s
                .affiliation
                .and_then(|p| corpus.place(p).country.as_deref())
                .map(|c| self.keep(c));
            let description = s.description.as_deref().map(|d| self.keep(d));
            let doc_key = self.keep(&corpus.document(s.doc).key);
            for m in &s.mentions {
                let id = self.keep(m.slice(text));
                self.mentions.push(id);
            }
            self.sources.push(SourceEntry {
                doc: batch.first_document + s.doc.index(),
                doc_key,
                kind: s.kind,
                name,
                affiliation,
                description,
                mentions_end: self.mentions.len(),
            });
        }
    }

    fn refs(&self) -> Vec<SourceRef<'_>> {
        let mut by_id = vec![""; self.strings.len()];
        for (s, &id) in &self.strings {
            if let Some(slot) = by_id.get_mut(id as usize) {
                *slot = s;
            }
        }
        let string = |id: u32| by_id.get(id as usize).copied().unwrap_or("");
        let mut start = 0;
        self.sources
            .iter()
            .map(|s| {
                let mentions = &self.mentions[start..s.mentions_end];
                start = s.mentions_end;
                SourceRef {
                    doc: s.doc,
                    doc_key: string(s.doc_key),
                    name: string(s.name),
                    kind: s.kind,
                    affiliation: s.affiliation.map(string),
                    mentions: mentions.iter().map(|&m| string(m)).collect(),
                    description: s.description.map(string),
                }
            })
            .collect()
    }
}

/// The pending file: unlinked as soon as it is open where the system allows (nothing is left
/// behind even by a crash), else removed when dropped.
struct PendingFile {
    path: PathBuf,
    file: File,
    is_unlinked: bool,
}

static PENDING: AtomicU32 = AtomicU32::new(0);

impl PendingFile {
    fn create(folder: &Path) -> Result<PendingFile, ExportError> {
        if !folder.is_dir() {
            return Err(ExportError::NoFolder(folder.to_path_buf()));
        }
        let n = PENDING.fetch_add(1, Ordering::Relaxed);
        let path = folder.join(format!(".claimmap-pending-{}-{n}.tmp", std::process::id()));
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|source| ExportError::Io {
                path: folder.to_path_buf(),
                source,
            })?;
        let is_unlinked = cfg!(unix) && fs::remove_file(&path).is_ok();
        Ok(PendingFile {
            path,
            file,
            is_unlinked,
        })
    }

    fn error(&self, e: LineError) -> ExportError {
        match e {
            LineError::Io(source) => ExportError::Io {
                path: self.path.clone(),
                source,
            },
            LineError::Encode(e) => ExportError::Encode(e),
        }
    }
}

impl Drop for PendingFile {
    fn drop(&mut self) {
        if !self.is_unlinked {
            let _ = fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::export::{ClaimRecord, ExportSet, Exporter, Jsonl, write_eval_jsonl};
    use crate::input::{JsonlDocuments, read_paths};

    fn corpus_path() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dozen.jsonl")
    }

    fn in_memory(res: &Resources, format: StreamFormat) -> String {
        let batch = read_paths(&[corpus_path()]);
        let mut corpus = pipeline::extract_parallel(res, batch.documents, 1, &mut |_, _| {}).corpus;
        // the stream has its claims' figures but no stories (see the module's note)
        let figures = corpus
            .claims()
            .iter()
            .map(|c| figures(&corpus.document(c.doc).text, c.content))
            .collect();
        corpus.set_stories(crate::model::Stories {
            figures,
            ..Default::default()
        });
        let mut out = Vec::new();
        match format {
            StreamFormat::Claims => Jsonl
                .write(&corpus, &ExportSet::all(&corpus), &mut out)
                .unwrap(),
            StreamFormat::Eval => write_eval_jsonl(&corpus, &mut out).unwrap(),
        }
        String::from_utf8(out).unwrap()
    }

    fn streamed(res: &Resources, format: StreamFormat, batch: usize, jobs: usize) -> String {
        streamed_file(res, &corpus_path(), format, batch, jobs)
    }

    fn streamed_file(
        res: &Resources,
        path: &Path,
        format: StreamFormat,
        batch: usize,
        jobs: usize,
    ) -> String {
        let dir = tempfile::tempdir().unwrap();
        let docs = JsonlDocuments::open(path).unwrap();
        let pending =
            extract_pending_in_batches(res, docs, format, jobs, dir.path(), batch).unwrap();
        let mut out = Vec::new();
        pending.write(&mut out).unwrap();
        drop(pending);
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            0,
            "pending file left"
        );
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_streamed_export_is_the_in_memory_export_byte_for_byte() {
        let res = Resources::bundled().unwrap();
        for format in [StreamFormat::Claims, StreamFormat::Eval] {
            let want = in_memory(&res, format);
            assert!(
                want.contains(r#""entity":"person:sergei-shoigu""#),
                "{want}"
            );
            for (batch, jobs) in [(1, 1), (5, 2), (256, 3)] {
                let got = streamed(&res, format, batch, jobs);
                assert_eq!(
                    got, want,
                    "{format:?} in batches of {batch} on {jobs} threads"
                );
            }
        }
    }

    #[test]
    fn a_speaker_in_two_batches_is_one_entity() {
        let res = Resources::bundled().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("two.jsonl");
        fs::write(
            &path,
            concat!(
                r#"{"id": "d01", "text": "MOSCOW — Russian Defense Minister Sergei Shoigu said troops had left the Kursk region."}"#,
                "\n",
                r#"{"id": "d02", "text": "Officials in Kharkiv said the power station was repaired. “The lights are back,” the mayor told reporters."}"#,
                "\n",
                r#"{"id": "d03", "text": "Flooding closed roads near Porto, the mayor said. Shoigu said the talks in Pyongyang went well."}"#,
                "\n"
            ),
        )
        .unwrap();
        let out = streamed_file(&res, &path, StreamFormat::Claims, 1, 2);
        let records: Vec<ClaimRecord> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        // Shoigu in d01 and d03, batches apart, is one speaker; "the mayor" of d02 and of d03
        // is no one in particular, and stays two
        let entity_of = |doc: &str, source: &str| {
            records
                .iter()
                .find(|r| r.document == doc && r.source.as_deref() == Some(source))
                .and_then(|r| r.entity.clone())
        };
        let shoigu = entity_of("d01", "Russian Defense Minister Sergei Shoigu");
        assert_eq!(shoigu.as_deref(), Some("person:sergei-shoigu"));
        assert_eq!(entity_of("d03", "Shoigu"), shoigu, "{out}");
        assert_ne!(entity_of("d02", "the mayor"), entity_of("d03", "the mayor"));
    }

    #[test]
    fn a_content_that_spells_the_entity_fields_does_not_take_the_entity() {
        let record = ClaimRecord {
            id: 0,
            document: "d".into(),
            source_as_written: Some(r#""entity":null,"entity_name":null"#.into()),
            source: None,
            source_kind: None,
            source_description: None,
            source_affiliation: None,
            cue: None,
            channel: None,
            content: r#"x","entity":null,"entity_name":null"#.into(),
            content_start: 0,
            content_end: 1,
            sentence: String::new(),
            hedged: false,
            confidence: 0.5,
            review: "machine".into(),
            places: Vec::new(),
            entity: None,
            entity_name: None,
            document_date: None,
            date: None,
            date_precision: None,
            date_words: None,
            story: None,
            story_sources: None,
            story_origins: None,
            figures: Vec::new(),
            conflicts: Vec::new(),
        };
        let line = serde_json::to_string(&record).unwrap();
        let entity = EntityLabel {
            key: "person:kim".into(),
            name: "Kim \"K\" Soo".into(),
        };
        let mut out = Vec::new();
        attach_claim_entity(&line, Some(&entity), &mut out).unwrap();
        let want = ClaimRecord {
            entity: Some(entity.key.clone()),
            entity_name: Some(entity.name.clone()),
            ..record
        };
        assert_eq!(
            String::from_utf8(out).unwrap(),
            serde_json::to_string(&want).unwrap()
        );
    }
}
