//! JSON Lines corpora: one `{"id", "text"[, "title", "date", "url"]}` object per line (`date`
//! and `url` may sit under `meta`, as in the evaluation files), read a line at a time: into a
//! batch (up to [`MAX_JSONL_BYTES`]), or as a stream ([`JsonlDocuments`]) of any size. A bad
//! line is skipped with a warning naming its number; the rest of the file is read.

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
        read_limited(path, batch, MAX_JSONL_BYTES)
    }
}

/// Reads a whole file into the batch, refusing one above `limit` bytes (its documents would
/// all be kept in memory); [`JsonlDocuments`] has no such limit.
fn read_limited(path: &Path, batch: &mut Batch, limit: u64) -> Result<(), InputError> {
    let documents = JsonlDocuments::open(path)?;
    if documents.size > limit {
        return Err(InputError::TooLarge {
            path: path.to_path_buf(),
            size: documents.size,
            limit,
        });
    }
    for item in documents {
        match item {
            Ok(doc) => batch.documents.push(doc),
            Err(w) => batch.warnings.push(w),
        }
    }
    Ok(())
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
    size: u64,
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
            size,
        })
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
            let (len, truncated) = match read_line_bounded(reader, &mut self.line) {
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
                return self.line_warning(format!(
                    "line longer than {MAX_JSONL_LINE_BYTES} bytes; skipped it"
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
    let key = match obj.get("id") {
        Some(serde_json::Value::String(s)) => s.clone(),
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

/// Reads one line (without its newline) into `buf`, keeping at most the line limit; returns
/// the bytes consumed and whether the line was too long.
fn read_line_bounded(r: &mut impl BufRead, buf: &mut Vec<u8>) -> std::io::Result<(usize, bool)> {
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
            if buf.len() + part.len() > MAX_JSONL_LINE_BYTES {
                truncated = true;
                buf.clear();
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
    fn the_size_limit_refuses_a_batch_but_not_a_stream() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.jsonl");
        fs::write(&path, CORPUS).unwrap();
        // a limit just under the file stands for MAX_JSONL_BYTES under a corpus above it
        let limit = CORPUS.len() as u64 - 1;
        let mut batch = Batch::default();
        let refused = read_limited(&path, &mut batch, limit);
        assert!(
            matches!(refused, Err(InputError::TooLarge { size, .. }) if size == limit + 1),
            "{refused:?}"
        );
        assert!(batch.documents.is_empty());

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
