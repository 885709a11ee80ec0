//! JSON Lines corpora: one `{"id", "text"[, "title", "date", "url"]}` object per line (`date`
//! and `url` may sit under `meta`, as in the evaluation files), read a line at a time: into a
//! batch (documents kept up to [`MAX_JSONL_BYTES`] of text), or as a stream
//! ([`JsonlDocuments`]) of any size. A line is read in bounded chunks and one longer than
//! [`MAX_JSONL_LINE_BYTES`] is skipped without being held; a bad line is skipped with a warning
//! naming its number; the rest of the file is read.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use super::{Batch, DocumentReader, InputError, MAX_JSONL_BYTES, MAX_JSONL_LINE_BYTES};
use crate::model::Document;
use crate::pipeline::Warning;

pub struct JsonlReader;

impl DocumentReader for JsonlReader {
    fn extensions(&self) -> &'static [&'static str] {
        &["jsonl", "ndjson"]
    }

    fn read(&self, path: &Path, batch: &mut Batch) -> Result<(), InputError> {
        read_kept(JsonlDocuments::open(path)?, batch, MAX_JSONL_BYTES);
        Ok(())
    }
}

/// Reads a file's documents into the batch a line at a time, keeping them until their text
/// reaches `budget` bytes; the rest of the file is then skipped with a warning saying where.
/// A file of any size is read this way, never refused whole; [`JsonlDocuments`] keeps nothing.
fn read_kept(documents: JsonlDocuments, batch: &mut Batch, budget: u64) {
    let mut kept = 0u64;
    let name = documents.name.clone();
    let mut documents = documents;
    while let Some(item) = documents.next() {
        match item {
            Ok(doc) => {
                kept += doc.text.len() as u64;
                if kept > budget {
                    batch.warn(
                        format!("{name}:{}", documents.number),
                        format!(
                            "the file's documents reach {budget} bytes of text, more than \
                             claimmap holds at once; kept those before this line and skipped \
                             the rest; split the file, or stream it with `claimmap extract \
                             --format jsonl`"
                        ),
                    );
                    return;
                }
                batch.documents.push(doc);
            }
            Err(w) => batch.warnings.push(w),
        }
    }
}

/// The documents of a JSONL file, read one line at a time, so a corpus of any size streams
/// through in bounded memory. A bad line comes as a warning naming its number and the file
/// goes on; a read error ends the file with a warning, and so does a file without a single
/// document.
///
/// ```
/// use claimmap::input::JsonlDocuments;
/// let dir = std::env::temp_dir().join(format!("claimmap-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// let path = dir.join("corpus.jsonl");
/// std::fs::write(&path, "{\"id\": \"a\", \"text\": \"One.\"}\nnot json\n")?;
/// let items: Vec<_> = JsonlDocuments::open(&path)?.collect();
/// assert_eq!(items[0].as_ref().map(|d| d.key.as_str()), Ok("a"));
/// assert!(items[1].as_ref().is_err_and(|w| w.subject.ends_with("corpus.jsonl:2")));
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct JsonlDocuments {
    path: PathBuf,
    name: String,
    /// `None` once the file is done.
    reader: Option<BufReader<File>>,
    line: Vec<u8>,
    /// The number of the line last read, from 1.
    number: usize,
    has_any: bool,
    /// The longest line read; a longer one is skipped.
    max_line: usize,
}

impl JsonlDocuments {
    /// Opens a JSONL file; an empty one is an error.
    pub fn open(path: &Path) -> Result<JsonlDocuments, InputError> {
        let io = |source| InputError::Io {
            path: path.to_path_buf(),
            source,
        };
        let file = File::open(path).map_err(io)?;
        let size = file.metadata().map_err(io)?.len();
        if size == 0 {
            return Err(InputError::Empty(path.to_path_buf()));
        }
        Ok(JsonlDocuments {
            path: path.to_path_buf(),
            name: path.display().to_string(),
            reader: Some(BufReader::new(file)),
            line: Vec::new(),
            number: 0,
            has_any: false,
            max_line: MAX_JSONL_LINE_BYTES,
        })
    }

    /// The same documents with lines longer than `bytes` skipped instead of
    /// [`MAX_JSONL_LINE_BYTES`]: a tighter bound on memory (and how the limit is tested
    /// without a gigabyte of input).
    pub fn with_max_line_bytes(mut self, bytes: usize) -> JsonlDocuments {
        self.max_line = bytes;
        self
    }

    fn line_warning(&mut self, message: String) -> Option<Result<Document, Warning>> {
        self.has_any = true;
        Some(Err(Warning {
            subject: format!("{}:{}", self.name, self.number),
            message,
        }))
    }
}

impl Iterator for JsonlDocuments {
    /// A document, or a warning about a line skipped or the file.
    type Item = Result<Document, Warning>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let reader = self.reader.as_mut()?;
            self.number += 1;
            self.line.clear();
            let (len, truncated) = match read_line_bounded(reader, &mut self.line, self.max_line) {
                Ok(read) => read,
                Err(source) => {
                    self.reader = None;
                    let e = InputError::Io {
                        path: self.path.clone(),
                        source,
                    };
                    return Some(Err(e.into_warning()));
                }
            };
            if len == 0 {
                self.reader = None;
                return match self.has_any {
                    true => None,
                    false => Some(Err(InputError::Empty(self.path.clone()).into_warning())),
                };
            }
            if truncated {
                let limit = self.max_line;
                return self.line_warning(format!(
                    "the line is longer than {limit} bytes, the limit for one document; skipped \
                     it unread; split the article into shorter documents"
                ));
            }
            let text = match std::str::from_utf8(&self.line) {
                Ok(t) => t.trim(),
                Err(_) => return self.line_warning("line is not valid UTF-8; skipped it".into()),
            };
            if text.is_empty() {
                continue;
            }
            return match parse_line(text, self.number) {
                Ok(mut doc) => {
                    doc.origin = Some(self.path.clone());
                    self.has_any = true;
                    Some(Ok(doc))
                }
                Err(msg) => self.line_warning(format!("{msg}; skipped the line")),
            };
        }
    }
}

/// One line's document, or what is wrong with it.
pub fn parse_line(line: &str, number: usize) -> Result<Document, String> {
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("not JSON ({e})"))?;
    let obj = v.as_object().ok_or("not a JSON object")?;
    let text = obj
        .get("text")
        .and_then(|t| t.as_str())
        .ok_or("no \"text\" string")?;
    // a blank id names nothing: the line's number does
    let key = match obj.get("id") {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => format!("line {number}"),
    };
    let mut doc = Document::new(key, text);
    if let Some(t) = obj.get("title").and_then(|t| t.as_str()) {
        doc.title = t.to_string();
    }
    // a top-level field, else the same field under "meta" (as the evaluation files have it)
    let field = |name: &str| {
        obj.get(name)
            .or_else(|| obj.get("meta")?.get(name))
            .and_then(|d| d.as_str())
            .map(str::to_string)
    };
    doc.date = field("date");
    doc.url = field("url");
    Ok(doc)
}

/// Reads one line (without its newline) into `buf`, a buffered chunk at a time, keeping at
/// most `limit` bytes: a longer line is consumed to its end but not kept. Returns the bytes
/// consumed and whether the line was too long.
fn read_line_bounded(
    r: &mut impl BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<(usize, bool)> {
    let mut consumed = 0;
    let mut truncated = false;
    loop {
        let chunk = r.fill_buf()?;
        if chunk.is_empty() {
            return Ok((consumed, truncated));
        }
        let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], Some(i + 1)),
            None => (chunk, None),
        };
        if !truncated {
            if buf.len() + part.len() > limit {
                truncated = true;
                // let the memory go too: the next lines are short again
                *buf = Vec::new();
            } else {
                buf.extend_from_slice(part);
            }
        }
        let used = done.unwrap_or(chunk.len());
        r.consume(used);
        consumed += used;
        if done.is_some() {
            return Ok((consumed, truncated));
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use std::fs;

    const CORPUS: &str =
        "{\"id\": \"a\", \"text\": \"One.\"}\n\n{\"id\": 2, \"text\": \"Two.\"}\n{\"id\": \"c\"}\n";

    fn keys(items: &[Result<Document, Warning>]) -> Vec<String> {
        items
            .iter()
            .map(|i| match i {
                Ok(d) => d.key.clone(),
                Err(w) => format!("warning {}", w.subject.rsplit('/').next().unwrap()),
            })
            .collect()
    }

    #[test]
    fn a_batch_keeps_documents_up_to_its_budget_and_a_stream_reads_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.jsonl");
        fs::write(&path, CORPUS).unwrap();
        // a budget of one document's text stands for MAX_JSONL_BYTES under a bigger corpus
        let mut batch = Batch::default();
        read_kept(JsonlDocuments::open(&path).unwrap(), &mut batch, 4);
        let kept: Vec<&str> = batch.documents.iter().map(|d| d.key.as_str()).collect();
        assert_eq!(kept, ["a"]);
        assert_eq!(batch.warnings.len(), 1);
        assert!(batch.warnings[0].subject.ends_with("big.jsonl:3"));
        assert!(batch.warnings[0].message.contains("split the file"));

        let streamed: Vec<_> = JsonlDocuments::open(&path).unwrap().collect();
        assert_eq!(keys(&streamed), ["a", "2", "warning big.jsonl:4"]);
    }

    #[test]
    fn a_batch_and_a_stream_read_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.jsonl");
        fs::write(&path, CORPUS).unwrap();
        let mut batch = Batch::default();
        JsonlReader.read(&path, &mut batch).unwrap();
        let streamed: Vec<_> = JsonlDocuments::open(&path).unwrap().collect();
        let (docs, warnings): (Vec<_>, Vec<_>) = streamed.into_iter().partition(Result::is_ok);
        let docs: Vec<Document> = docs.into_iter().map(Result::unwrap).collect();
        let warnings: Vec<Warning> = warnings.into_iter().map(|w| w.unwrap_err()).collect();
        assert_eq!(docs, batch.documents);
        assert_eq!(warnings, batch.warnings);
    }

    #[test]
    fn a_file_without_documents_ends_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("blank.jsonl");
        fs::write(&path, "\n\n").unwrap();
        let streamed: Vec<_> = JsonlDocuments::open(&path).unwrap().collect();
        assert_eq!(streamed.len(), 1);
        assert!(
            streamed[0]
                .as_ref()
                .is_err_and(|w| w.message.contains("empty"))
        );
    }

    #[test]
    fn the_date_is_read_at_the_top_else_under_meta() {
        let rows = [
            (
                r#"{"id": "a", "text": "x", "date": "2024-11-03"}"#,
                Some("2024-11-03"),
            ),
            (
                r#"{"id": "a", "text": "x", "meta": {"date": "2015-11-11"}}"#,
                Some("2015-11-11"),
            ),
            (
                r#"{"id": "a", "text": "x", "date": "2024-11-03", "meta": {"date": "2015-11-11"}}"#,
                Some("2024-11-03"),
            ),
            (
                r#"{"id": "a", "text": "x", "meta": {"publisher": "p"}}"#,
                None,
            ),
            (r#"{"id": "a", "text": "x", "date": 20241103}"#, None),
        ];
        for (line, want) in rows {
            assert_eq!(parse_line(line, 1).unwrap().date.as_deref(), want, "{line}");
        }
        let doc = parse_line(
            r#"{"text": "x", "meta": {"url": "https://e.org/2024/11/03/a"}}"#,
            1,
        );
        assert_eq!(
            doc.unwrap().url.as_deref(),
            Some("https://e.org/2024/11/03/a")
        );
    }
}
