//! HTML articles: the text of the page through a real HTML5 parser (html5ever via `scraper`),
//! without script, style, navigation, header, footer and asides. Block elements become line
//! breaks so that headlines and paragraphs stay sentences of their own.

use crate::text::WordList;
use std::path::Path;

use scraper::{ElementRef, Html, Node, Selector};

use super::{Batch, DocumentReader, InputError, file_key, read_text_file};
use crate::model::Document;

pub struct HtmlReader;

static SKIPPED: WordList = WordList::new(&[
    "script", "style", "nav", "header", "footer", "aside", "noscript", "form", "template", "svg",
    "iframe", "button", "select", "head",
]);
static BLOCKS: WordList = WordList::new(&[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "article",
    "section",
    "main",
    "br",
    "tr",
    "table",
    "pre",
    "figcaption",
    "dd",
    "dt",
    "hr",
    "title",
]);

impl DocumentReader for HtmlReader {
    fn extensions(&self) -> &'static [&'static str] {
        &["html", "htm", "xhtml"]
    }

    fn read(&self, path: &Path, batch: &mut Batch) -> Result<(), InputError> {
        let html = read_text_file(path)?;
        let (title, text) = article_text(&html);
        if text.trim().is_empty() {
            return Err(InputError::Empty(path.to_path_buf()));
        }
        let mut doc = Document::new(file_key(path), text);
        doc.origin = Some(path.to_path_buf());
        if let Some(t) = title.filter(|t| !t.is_empty()) {
            doc.title = t;
        }
        batch.documents.push(doc);
        Ok(())
    }
}

/// The page's title (the first `h1`, else `<title>`) and its article text.
pub fn article_text(html: &str) -> (Option<String>, String) {
    let page = Html::parse_document(html);
    let title = Selector::parse("h1")
        .ok()
        .and_then(|s| page.select(&s).next())
        .or_else(|| {
            Selector::parse("title")
                .ok()
                .and_then(|s| page.select(&s).next())
        })
        .map(|e| collapse(&e.text().collect::<String>()));
    let root = Selector::parse("article")
        .ok()
        .and_then(|s| page.select(&s).next())
        .or_else(|| {
            Selector::parse("body")
                .ok()
                .and_then(|s| page.select(&s).next())
        })
        .unwrap_or_else(|| page.root_element());
    let mut out = String::new();
    walk(root, &mut out);
    // tidy: trim each line, at most one blank line in a row
    let mut text = String::with_capacity(out.len());
    let mut blank = 0;
    for line in out.lines() {
        let l = collapse(line);
        if l.is_empty() {
            blank += 1;
            continue;
        }
        if !text.is_empty() {
            text.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        text.push_str(&l);
    }
    (title, text)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn walk(el: ElementRef, out: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(&t.replace(['\n', '\r'], " ")),
            Node::Element(e) => {
                let name = e.name();
                if SKIPPED.contains(name) {
                    continue;
                }
                let block = BLOCKS.contains(name);
                if block {
                    out.push_str("\n\n");
                }
                if let Some(child_el) = ElementRef::wrap(child) {
                    walk(child_el, out);
                }
                if block {
                    out.push_str("\n\n");
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::article_text;

    #[test]
    fn scripts_navigation_and_footers_are_dropped() {
        let html = "<html><head><title>T</title><script>var x = 'said';</script></head><body>\
            <nav>Home | World</nav><header>Site</header><h1>Floods in Peru</h1>\
            <p>LIMA &mdash; Officials <b>said</b> the river rose.</p><p>Second.</p>\
            <footer>© 2026</footer></body></html>";
        let (title, text) = article_text(html);
        assert_eq!(title.as_deref(), Some("Floods in Peru"));
        assert_eq!(
            text,
            "Floods in Peru\n\nLIMA — Officials said the river rose.\n\nSecond."
        );
    }
}
