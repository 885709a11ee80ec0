//! JSON Lines corpora: one `{"id", "text"[, "title", "date", "url"]}` object per line (`date`
//! and `url` may sit under `meta`, as in the evaluation files), streamed so a large file never
//! sits in memory twice. A bad line is skipped with a warning naming its number; the rest of
//! the file is read.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use super::{Batch, DocumentReader, InputError, MAX_JSONL_BYTES, MAX_JSONL_LINE_BYTES};
use crate::model::Document;

pub struct JsonlReader;

impl DocumentReader for JsonlReader {
    fn extensions(&self) -> &'static [&'static str] {
        &["jsonl", "ndjson"]
    }

    fn read(&self, path: &Path, batch: &mut Batch) -> Result<(), InputError> {
        let io = |source| InputError::Io {
            path: path.to_path_buf(),
            source,
        };
        let file = File::open(path).map_err(io)?;
        let size = file.metadata().map_err(io)?.len();
        if size > MAX_JSONL_BYTES {
            return Err(InputError::TooLarge {
                path: path.to_path_buf(),
                size,
                limit: MAX_JSONL_BYTES,
            });
        }
        if size == 0 {
            return Err(InputError::Empty(path.to_path_buf()));
        }
        let mut reader = BufReader::new(file);
        let name = path.display().to_string();
        let mut line = Vec::new();
        let mut n = 0usize;
        let mut read_any = false;
        loop {
            n += 1;
            line.clear();
            let (len, truncated) = read_line_bounded(&mut reader, &mut line).map_err(io)?;
            if len == 0 {
                break;
            }
            if truncated {
                batch.warn(
                    format!("{name}:{n}"),
                    format!("line longer than {MAX_JSONL_LINE_BYTES} bytes; skipped it"),
                );
                continue;
            }
            let text = match std::str::from_utf8(&line) {
                Ok(t) => t.trim(),
                Err(_) => {
                    batch.warn(format!("{name}:{n}"), "line is not valid UTF-8; skipped it");
                    continue;
                }
            };
            if text.is_empty() {
                continue;
            }
            match parse_line(text, n) {
                Ok(mut doc) => {
                    doc.origin = Some(path.to_path_buf());
                    read_any = true;
                    batch.documents.push(doc);
                }
                Err(msg) => batch.warn(format!("{name}:{n}"), format!("{msg}; skipped the line")),
            }
        }
        if !read_any && batch.warnings.is_empty() {
            return Err(InputError::Empty(path.to_path_buf()));
        }
        Ok(())
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
    use super::parse_line;

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
