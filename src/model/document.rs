//! One article as read from disk, a JSONL line or pasted text.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::{DateOrigin, Day, DocId, Span};

/// An article: its text exactly as read (offsets stay true to the file) and what we know of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: DocId,
    /// The caller's name for it: a JSONL `id`, or the file name.
    pub key: String,
    pub title: String,
    /// Where it came from, when it came from a file.
    pub origin: Option<PathBuf>,
    pub text: String,
    /// Publication date as given (not parsed).
    pub date: Option<String>,
    /// The publication date, from `date`, the page's metadata, a dateline or the name
    /// (`corpus::dates::date_document`, run by extraction).
    #[serde(default)]
    pub published: Option<Day>,
    /// Where `published` came from.
    #[serde(default)]
    pub published_from: Option<DateOrigin>,
    /// The article's web address, when the input gives one (a JSONL `url`, a page's
    /// canonical link): a date in it dates the article.
    #[serde(default)]
    pub url: Option<String>,
    /// The title's span inside `text`, when the title is the text's own headline line.
    pub title_span: Option<Span>,
}

impl Document {
    /// A document with a key and text; the title is the first non-empty line.
    pub fn new(key: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let title = text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("")
            .chars()
            .take(200)
            .collect();
        Document {
            id: DocId(0),
            key: key.into(),
            title,
            origin: None,
            text,
            date: None,
            published: None,
            published_from: None,
            url: None,
            title_span: None,
        }
    }

    /// The number of words, as counted for throughput figures (runs of non-space).
    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}
