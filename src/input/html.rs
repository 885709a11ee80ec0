//! HTML articles: the text of the page through a real HTML5 parser (html5ever via `scraper`),
//! without script, style, navigation, header, footer and asides. Block elements become line
//! breaks so that headlines and paragraphs stay sentences of their own. The page's metadata
//! gives the publication date and the canonical address.

use crate::text::WordList;
use std::path::Path;

use scraper::{ElementRef, Html, Node, Selector};

use super::{Batch, DocumentReader, InputError, file_key, read_text_file};
use crate::corpus::dates::parse_date;
use crate::model::{DateOrigin, Day, Document};

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
        let page = Html::parse_document(&html);
        let (title, text) = article_text(&page);
        if text.trim().is_empty() {
            return Err(InputError::Empty(path.to_path_buf()));
        }
        let mut doc = Document::new(file_key(path), text);
        doc.origin = Some(path.to_path_buf());
        if let Some(t) = title.filter(|t| !t.is_empty()) {
            doc.title = t;
        }
        doc.published = published_date(&page);
        doc.published_from = doc.published.map(|_| DateOrigin::HtmlMetadata);
        doc.url = canonical_url(&page);
        batch.documents.push(doc);
        Ok(())
    }
}

/// The page's title (the first `h1`, else `<title>`) and its article text.
pub fn article_text(page: &Html) -> (Option<String>, String) {
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

/// Metadata that holds the publication date, most trusted first.
const DATE_META: &[&str] = &[
    r#"meta[property="article:published_time"]"#,
    r#"meta[name="article:published_time"]"#,
    r#"meta[property="og:article:published_time"]"#,
    r#"meta[property="og:published_time"]"#,
    r#"meta[itemprop="datePublished"]"#,
    r#"meta[name="datePublished"]"#,
    r#"meta[name="pubdate"]"#,
    r#"meta[name="publish-date"]"#,
    r#"meta[name="parsely-pub-date"]"#,
    r#"meta[name="DC.date.issued"]"#,
    r#"meta[name="dcterms.date"]"#,
    r#"meta[name="date"]"#,
];

/// The publication date the page's metadata gives: a `<meta>` of [`DATE_META`], else
/// JSON-LD `datePublished`, else `<time datetime>` (one marked `pubdate` or
/// `itemprop="datePublished"` first). The `<time>` elements come last because pages use them
/// for comments and related links too.
pub fn published_date(page: &Html) -> Option<Day> {
    let select = |css: &str| Selector::parse(css).ok();
    let attr_date = |css: &str, attr: &str| {
        let sel = select(css)?;
        page.select(&sel)
            .find_map(|e| e.value().attr(attr).and_then(parse_date))
    };
    DATE_META
        .iter()
        .find_map(|css| attr_date(css, "content"))
        .or_else(|| {
            let sel = select(r#"script[type="application/ld+json"]"#)?;
            page.select(&sel).find_map(|e| {
                let v: serde_json::Value =
                    serde_json::from_str(&e.text().collect::<String>()).ok()?;
                json_ld_date(&v, 0)
            })
        })
        .or_else(|| attr_date("time[pubdate][datetime]", "datetime"))
        .or_else(|| attr_date(r#"[itemprop="datePublished"][datetime]"#, "datetime"))
        .or_else(|| attr_date("time[datetime]", "datetime"))
}

/// The first `datePublished` in JSON-LD, through `@graph` and nested objects.
fn json_ld_date(v: &serde_json::Value, depth: usize) -> Option<Day> {
    // real pages nest a few levels; a deeper one is not worth the walk
    if depth > 8 {
        return None;
    }
    match v {
        serde_json::Value::Object(o) => o
            .get("datePublished")
            .and_then(|d| d.as_str())
            .and_then(parse_date)
            .or_else(|| o.values().find_map(|x| json_ld_date(x, depth + 1))),
        serde_json::Value::Array(a) => a.iter().find_map(|x| json_ld_date(x, depth + 1)),
        _ => None,
    }
}

/// The page's own address: `<link rel="canonical">`, else `og:url`.
fn canonical_url(page: &Html) -> Option<String> {
    [
        (r#"link[rel="canonical"]"#, "href"),
        (r#"meta[property="og:url"]"#, "content"),
    ]
    .iter()
    .find_map(|(css, attr)| {
        let sel = Selector::parse(css).ok()?;
        page.select(&sel)
            .find_map(|e| e.value().attr(attr))
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .map(str::to_string)
    })
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
    use super::{Html, article_text, canonical_url, published_date};

    #[test]
    fn scripts_navigation_and_footers_are_dropped() {
        let html = "<html><head><title>T</title><script>var x = 'said';</script></head><body>\
            <nav>Home | World</nav><header>Site</header><h1>Floods in Peru</h1>\
            <p>LIMA &mdash; Officials <b>said</b> the river rose.</p><p>Second.</p>\
            <footer>© 2026</footer></body></html>";
        let (title, text) = article_text(&Html::parse_document(html));
        assert_eq!(title.as_deref(), Some("Floods in Peru"));
        assert_eq!(
            text,
            "Floods in Peru\n\nLIMA — Officials said the river rose.\n\nSecond."
        );
    }

    #[test]
    fn the_publication_date_comes_from_the_pages_metadata() {
        let page = |head: &str, body: &str| {
            format!(
                "<html><head>{head}</head><body><p>Officials said the river rose.</p>{body}</body></html>"
            )
        };
        let rows = [
            (
                page(
                    r#"<meta property="article:published_time" content="2024-11-03T10:00:00Z">"#,
                    "",
                ),
                Some("2024-11-03"),
            ),
            (
                page(
                    r#"<meta property="og:published_time" content="2024-11-03">"#,
                    "",
                ),
                Some("2024-11-03"),
            ),
            (
                page(
                    r#"<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2024-11-03T08:00:00+02:00"}]}</script>"#,
                    "",
                ),
                Some("2024-11-03"),
            ),
            (
                page("", r#"<time datetime="2024-11-03">Nov. 3</time>"#),
                Some("2024-11-03"),
            ),
            // the meta tag beats a <time> of a related link
            (
                page(
                    r#"<meta name="article:published_time" content="2024-11-03">"#,
                    r#"<time datetime="2021-05-01">May 1, 2021</time>"#,
                ),
                Some("2024-11-03"),
            ),
            // a tag that does not hold a date is passed over
            (
                page(
                    r#"<meta property="article:published_time" content="recently">"#,
                    r#"<time datetime="2024-11-03T09:00">9:00</time>"#,
                ),
                Some("2024-11-03"),
            ),
            (page("", ""), None),
        ];
        for (html, want) in rows {
            let got = published_date(&Html::parse_document(&html)).map(|d| d.to_string());
            assert_eq!(got.as_deref(), want, "{html}");
        }
    }

    #[test]
    fn the_canonical_link_is_the_pages_address() {
        let html = r#"<html><head><meta property="og:url" content="https://example.org/b">
            <link rel="canonical" href="https://example.org/2024/11/03/a"></head><body>x</body></html>"#;
        assert_eq!(
            canonical_url(&Html::parse_document(html)).as_deref(),
            Some("https://example.org/2024/11/03/a")
        );
    }
}
