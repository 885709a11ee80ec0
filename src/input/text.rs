//! Plain text and Markdown articles. The text is kept exactly as in the file, so every offset
//! points into the file; only the title is derived: a short section label on the first line
//! ("World") is passed over and the headline after it becomes the title.

use std::path::Path;

use super::{Batch, DocumentReader, InputError, file_key, read_text_file};
use crate::model::{Document, Span};

pub struct TextReader;

impl DocumentReader for TextReader {
    fn extensions(&self) -> &'static [&'static str] {
        &["txt", "md", "markdown", "text"]
    }

    fn read(&self, path: &Path, batch: &mut Batch) -> Result<(), InputError> {
        let text = read_text_file(path)?;
        let mut doc = document_from_text(file_key(path), text);
        doc.origin = Some(path.to_path_buf());
        batch.documents.push(doc);
        Ok(())
    }
}

/// A document from plain text (a file, pasted text, the bundled sample), titled by its
/// headline: a short section label on the first line ("World") is passed over.
///
/// ```
/// let doc = claimmap::input::document_from_text("memo", "World\nFloods in Peru\n\nLIMA — Rain.");
/// assert_eq!(doc.title, "Floods in Peru");
/// ```
pub fn document_from_text(key: impl Into<String>, text: impl Into<String>) -> Document {
    let mut doc = Document::new(key, text);
    if let Some(span) = headline(&doc.text) {
        doc.title = span
            .slice(&doc.text)
            .trim_start_matches('#')
            .trim()
            .to_string();
        doc.title_span = Some(span);
    }
    doc
}

/// The headline's span: the first non-empty line, or the second when the first is a short
/// section label ("World", "Politics", "# Europe").
pub fn headline(text: &str) -> Option<Span> {
    let mut lines = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        if !trimmed.is_empty() {
            lines.push(Span::new(at + lead, at + lead + trimmed.len()));
            if lines.len() == 2 {
                break;
            }
        }
        at += line.len();
    }
    let first = *lines.first()?;
    let is_label = |s: Span| {
        let t = s.slice(text).trim_start_matches('#').trim();
        t.split_whitespace().count() <= 3 && !t.ends_with(['.', '!', '?', ':'])
    };
    let is_headline = |s: Span| {
        let t = s.slice(text);
        t.split_whitespace().count() <= 25 && !t.ends_with('.')
    };
    match lines.get(1) {
        Some(&second) if is_label(first) && is_headline(second) => Some(second),
        _ => Some(first),
    }
}

#[cfg(test)]
mod tests {
    use super::headline;

    #[test]
    fn a_section_label_is_passed_over_for_the_headline() {
        let text = "World\nNorth Korea to Send Workers\n\nPYONGYANG — Text.";
        assert_eq!(
            headline(text).unwrap().slice(text),
            "North Korea to Send Workers"
        );
    }

    #[test]
    fn a_plain_first_line_is_the_title() {
        let text = "Floods hit the coast of Peru\nLIMA — Rain fell.";
        assert_eq!(
            headline(text).unwrap().slice(text),
            "Floods hit the coast of Peru"
        );
        let text = "Officials said the dam held.\nMore text.";
        assert_eq!(
            headline(text).unwrap().slice(text),
            "Officials said the dam held."
        );
    }
}
