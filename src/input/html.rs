//! HTML articles: the text of the page through a real HTML5 parser (html5ever via `scraper`),
//! without script, style, navigation, header, footer and asides. Block elements become line
//! breaks so that headlines and paragraphs stay sentences of their own. The page's metadata
//! gives the publication date and the canonical address. A page nested deeper than
//! [`MAX_HTML_DEPTH`] is refused before it is parsed, and the tree is walked without recursion.

use crate::text::WordList;
use std::path::Path;

use scraper::{ElementRef, Html, Node, Selector};

use super::{Batch, DocumentReader, InputError, MAX_HTML_DEPTH, file_key, read_text_file};
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
        let mut doc = document_from_html(path, &html)?;
        doc.origin = Some(path.to_path_buf());
        batch.documents.push(doc);
        Ok(())
    }
}

/// The document of an HTML page read from `path` (which names it and its errors): its
/// article text, title, publication date and address. A page nested deeper than
/// [`MAX_HTML_DEPTH`] or without text is an error.
///
/// ```
/// use std::path::Path;
/// let html = "<html><body><h1>Floods</h1><p>Officials said the river rose.</p></body></html>";
/// let doc = claimmap::input::document_from_html(Path::new("a.html"), html)?;
/// assert_eq!(doc.text, "Floods\n\nOfficials said the river rose.");
/// # Ok::<(), claimmap::input::InputError>(())
/// ```
pub fn document_from_html(path: &Path, html: &str) -> Result<Document, InputError> {
    if let Err(offset) = nesting_depth(html, MAX_HTML_DEPTH) {
        return Err(InputError::TooDeep {
            path: path.to_path_buf(),
            offset,
            limit: MAX_HTML_DEPTH,
        });
    }
    let page = Html::parse_document(html);
    let (title, text) = article_text(&page);
    if text.trim().is_empty() {
        return Err(InputError::Empty(path.to_path_buf()));
    }
    let mut doc = Document::new(file_key(path), text);
    if let Some(t) = title.filter(|t| !t.is_empty()) {
        doc.title = t;
    }
    doc.published = published_date(&page);
    doc.published_from = doc.published.map(|_| DateOrigin::HtmlMetadata);
    doc.url = canonical_url(&page);
    Ok(doc)
}

/// Elements that hold no others (`<br>`, `<img>`).
static VOID: WordList = WordList::new(&[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
]);
/// Elements a parser closes by itself when the next one of their kind (or a block) starts, so
/// an unclosed run of them does not nest (`<p>a<p>b`, `<li>`, table cells).
static SELF_ENDING: WordList = WordList::new(&[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "rb",
    "rt", "rp", "rtc", "colgroup", "caption", "html", "head", "body",
]);
/// Elements whose content is text up to their end tag, not markup.
static RAW_TEXT: WordList = WordList::new(&[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
]);

/// The deepest nesting of elements in the page, by a linear scan of its tags that is a little
/// generous (it does not close elements the way a parser would, except the ones in
/// `SELF_ENDING`); or the byte offset of the tag that first goes deeper than `limit`.
/// `<svg>` and `<math>` may close their elements with `/>`; elsewhere a `/>` on a non-void
/// element does not close it, as in browsers.
///
/// ```
/// use claimmap::input::nesting_depth;
/// assert_eq!(nesting_depth("<div><p>a<p>b<div><br>c</div></div>", 10), Ok(2));
/// assert_eq!(nesting_depth(&"<div>".repeat(20), 10), Err(50));
/// ```
pub fn nesting_depth(html: &str, limit: usize) -> Result<usize, usize> {
    let b = html.as_bytes();
    let mut depth = 0usize;
    let mut deepest = 0usize;
    // the depth at which foreign content (svg, math) began, where `/>` closes
    let mut foreign: Option<usize> = None;
    let mut at = 0;
    while let Some(i) = memchr(b, b'<', at) {
        let rest = &b[i + 1..];
        if rest.starts_with(b"!--") {
            at = find(b, b"-->", i + 4).map_or(b.len(), |e| e + 3);
            continue;
        }
        let (closing, name_at) = match rest.first() {
            Some(b'/') => (true, i + 2),
            Some(c) if c.is_ascii_alphabetic() => (false, i + 1),
            Some(b'!' | b'?') => {
                at = memchr(b, b'>', i).map_or(b.len(), |e| e + 1);
                continue;
            }
            _ => {
                at = i + 1;
                continue;
            }
        };
        let name_end = b[name_at..]
            .iter()
            .position(|c| !c.is_ascii_alphanumeric() && *c != b'-' && *c != b':')
            .map_or(b.len(), |n| name_at + n);
        let name = html[name_at..name_end].to_ascii_lowercase();
        let end = tag_end(b, name_end);
        at = end;
        if name.is_empty() || VOID.contains(&name) || SELF_ENDING.contains(&name) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            if foreign.is_some_and(|f| depth <= f) {
                foreign = None;
            }
            continue;
        }
        let self_closed = end >= 2 && b[end - 2] == b'/' && b[end - 1] == b'>';
        if foreign.is_some() && self_closed {
            continue;
        }
        if foreign.is_none() && (name == "svg" || name == "math") {
            foreign = Some(depth);
        }
        depth += 1;
        if depth > limit {
            return Err(i);
        }
        deepest = deepest.max(depth);
        if RAW_TEXT.contains(&name) {
            // its text may hold '<' that is no tag: go on after its end tag
            let close = format!("</{name}");
            at = find_ascii_ci(b, close.as_bytes(), end).unwrap_or(b.len());
        }
    }
    Ok(deepest)
}

/// The offset just past the `>` that ends the tag whose attributes start at `from`, quoted
/// attribute values passed over (the end of the text if there is none).
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (n, &c) in b[from..].iter().enumerate() {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, b'>') => return from + n + 1,
            _ => {}
        }
    }
    b.len()
}

fn memchr(b: &[u8], byte: u8, from: usize) -> Option<usize> {
    b.get(from..)?
        .iter()
        .position(|&c| c == byte)
        .map(|n| from + n)
}

fn find(b: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|n| from + n)
}

fn find_ascii_ci(b: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|n| from + n)
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

/// The text of `root`'s descendants, block elements set apart by blank lines. Iterative: a page
/// as deep as the parser allows must not overflow the stack.
fn walk(root: ElementRef, out: &mut String) {
    // Some(node): visit it; None: a block element's children are done, close it
    let mut todo: Vec<Option<_>> = root.children().rev().map(Some).collect();
    while let Some(item) = todo.pop() {
        let Some(node) = item else {
            out.push_str("\n\n");
            continue;
        };
        match node.value() {
            Node::Text(t) => out.push_str(&t.replace(['\n', '\r'], " ")),
            Node::Element(e) => {
                let name = e.name();
                if SKIPPED.contains(name) {
                    continue;
                }
                if BLOCKS.contains(name) {
                    out.push_str("\n\n");
                    todo.push(None);
                }
                todo.extend(node.children().rev().map(Some));
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
