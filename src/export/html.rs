//! HTML: a one-file report to send an editor or open in any browser, with nothing loaded from
//! the network or beside it: the map (inline SVG, each place a link to its claims), the claims
//! grouped by place and then by source (each with its cue, its sentence, its document and its
//! review), the sources with their kind and the country they speak for, and the documents.
//! A search box filters the claims with a few lines of inline script; everything else works
//! with JavaScript off, and the page prints. Every text from the articles is escaped.

use std::collections::{BTreeMap, HashSet};
use std::io::Write;

use super::picture::{self, Purpose, count, escape, one_line};
use super::{ExportError, ExportSet, Exporter};
use crate::geo::Basemap;
use crate::model::{Claim, ClaimId, Corpus, PlaceId, Review};

pub struct Html;

const STYLE: &str = r#"
:root { --ink: #1d232b; --soft: #5a6570; --line: #d9dee3; --accent: #de702c; --card: #fff; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; background: #f3f4f6; color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, Arial, sans-serif; }
header, main, footer { max-width: 76rem; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 1.4rem; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 0 0 .3rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .6rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.15rem; margin: 0 0 .4rem; }
h4 { font-size: 1rem; margin: .8rem 0 .2rem; }
a { color: #1f5fa8; }
.summary, .meta, figcaption, footer { color: var(--soft); }
.meta { font-weight: normal; font-size: .9rem; }
nav { margin: .6rem 0; }
nav a { margin-right: 1.2rem; }
#search { margin: .8rem 0; }
#search input { font: inherit; padding: .3rem .5rem; width: min(28rem, 100%); }
#found { margin-left: .8rem; color: var(--soft); }
figure.map { margin: 1rem 0; background: var(--card); border: 1px solid var(--line); }
figure.map svg { display: block; width: 100%; height: auto; }
figure.map .place-link circle:hover { stroke-width: 3; }
figcaption { padding: .4rem .8rem; font-size: .9rem; }
section.place, section.unplaced { background: var(--card); border: 1px solid var(--line);
  border-radius: 6px; padding: .8rem 1rem; margin: 1rem 0; }
section.place:target { outline: 3px solid var(--accent); }
.named { columns: 2 18rem; padding-left: 1.2rem; }
article.claim { border-left: 4px solid var(--line); padding: .1rem .9rem; margin: .7rem 0; }
article.claim:target { background: #fff6ec; }
article.claim blockquote { margin: 0; font-size: 1.05rem; }
article.claim p { margin: .15rem 0; font-size: .9rem; color: var(--soft); }
.cue { font-weight: 600; color: var(--ink); }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 3px; font-size: .78rem;
  background: #eceff2; color: var(--ink); }
.review-confirmed { border-left-color: #3a9a5b !important; }
.review-edited { border-left-color: #2f6fb5 !important; }
.review-added { border-left-color: #1d8f8a !important; }
.review-rejected { border-left-color: #c0392b !important; }
.review-rejected blockquote { text-decoration: line-through; }
.badge.confirmed { background: #d8f0df; } .badge.edited { background: #dbe8f7; }
.badge.added { background: #d5efed; } .badge.rejected { background: #f6d8d4; }
table { border-collapse: collapse; width: 100%; background: var(--card); }
th, td { text-align: left; vertical-align: top; padding: .35rem .6rem;
  border-bottom: 1px solid var(--line); }
td ul { margin: 0; padding-left: 1.1rem; }
footer { font-size: .85rem; padding-bottom: 2rem; margin-top: 2rem; }
@media print {
  body { background: #fff; }
  nav, #search { display: none !important; }
  section.place, article.claim { break-inside: avoid; }
}
"#;

/// Filters the claims as the reader types; everything else works without it.
const SCRIPT: &str = r#"
(function () {
  var box = document.getElementById('search');
  box.hidden = false;
  var q = document.getElementById('q'), found = document.getElementById('found');
  var claims = document.querySelectorAll('article.claim');
  var groups = document.querySelectorAll('.group');
  q.addEventListener('input', function () {
    var t = q.value.trim().toLowerCase(), n = 0;
    claims.forEach(function (c) {
      var hit = !t || c.textContent.toLowerCase().indexOf(t) >= 0;
      c.hidden = !hit;
      if (hit) n++;
    });
    groups.forEach(function (g) {
      g.hidden = !!t && !g.querySelector('article.claim:not([hidden])');
    });
    found.textContent = t ? n + (n === 1 ? ' claim matches' : ' claims match') : '';
  });
})();
"#;

impl Exporter for Html {
    fn name(&self) -> &'static str {
        "HTML report"
    }
    fn extension(&self) -> &'static str {
        "html"
    }
    fn draws_map(&self) -> bool {
        true
    }

    fn write(
        &self,
        corpus: &Corpus,
        set: &ExportSet,
        out: &mut dyn Write,
    ) -> Result<(), ExportError> {
        let basemap = Basemap::bundled()?;
        let mut report = Report {
            corpus,
            basemap: &basemap,
            anchored: HashSet::new(),
            out,
        };
        report.write(set)
    }
}

/// One report being written.
struct Report<'a> {
    corpus: &'a Corpus,
    basemap: &'a Basemap,
    /// Claims whose card carries their `claim-N` anchor (the first card of each).
    anchored: HashSet<ClaimId>,
    out: &'a mut dyn Write,
}

impl Report<'_> {
    fn write(&mut self, set: &ExportSet) -> Result<(), ExportError> {
        let corpus = self.corpus;
        let title = picture::title(corpus, set);
        let mut by_place: BTreeMap<PlaceId, Vec<ClaimId>> = BTreeMap::new();
        let mut placeless = Vec::new();
        for &c in &set.claims {
            let places = corpus.places_of(c);
            if places.is_empty() {
                placeless.push(c);
            }
            for &p in places {
                by_place.entry(p).or_default().push(c);
            }
        }
        let mut places: Vec<(PlaceId, Vec<ClaimId>)> = by_place.into_iter().collect();
        places.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        // places on the map that no claim of the set is about still get a section: their
        // markers link to it
        let about: HashSet<PlaceId> = places.iter().map(|(p, _)| *p).collect();
        let mut named: Vec<PlaceId> = set
            .places
            .iter()
            .copied()
            .filter(|p| !about.contains(p))
            .collect();
        named.sort_unstable();
        named.dedup();

        let docs = picture::documents(corpus, set);
        writeln!(self.out, "<!DOCTYPE html>")?;
        writeln!(self.out, r#"<html lang="en">"#)?;
        writeln!(self.out, "<head>")?;
        writeln!(self.out, r#"<meta charset="utf-8">"#)?;
        writeln!(
            self.out,
            r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#
        )?;
        writeln!(
            self.out,
            r#"<meta name="generator" content="claimmap {}">"#,
            env!("CARGO_PKG_VERSION")
        )?;
        writeln!(self.out, "<title>Claims report: {}</title>", escape(&title))?;
        writeln!(self.out, "<style>{STYLE}</style>")?;
        writeln!(self.out, "</head>")?;
        writeln!(self.out, "<body>")?;

        writeln!(self.out, "<header>")?;
        writeln!(self.out, "<h1>{}</h1>", escape(&title))?;
        writeln!(
            self.out,
            r#"<p class="summary">{} about {}, from {}. {}</p>"#,
            count(set.claims.len(), "claim", "claims"),
            count(places.len(), "place", "places"),
            count(docs.len(), "document", "documents"),
            escape(&review_summary(corpus, &set.claims))
        )?;
        writeln!(
            self.out,
            r##"<nav><a href="#map">Map</a><a href="#places">Claims by place</a><a href="#sources">Sources</a><a href="#documents">Documents</a></nav>"##
        )?;
        writeln!(
            self.out,
            r#"<p id="search" hidden><label>Search the claims <input type="search" id="q" placeholder="a word, a source, a place"></label><span id="found" aria-live="polite"></span></p>"#
        )?;
        writeln!(self.out, "</header>")?;

        writeln!(self.out, "<main>")?;
        let map = picture::draw(corpus, set, self.basemap, Purpose::Report);
        writeln!(self.out, r#"<figure class="map" id="map">"#)?;
        self.out.write_all(map.svg.as_bytes())?;
        writeln!(
            self.out,
            "<figcaption>Click a place to read its claims. Countries are shaded by the claims about them; \
             a marker's size is its number of claims.</figcaption>"
        )?;
        writeln!(self.out, "</figure>")?;

        // Stories (claims about one event across documents) go here, between the map and the
        // places, once claims carry them.

        writeln!(self.out, r#"<section id="places">"#)?;
        writeln!(self.out, "<h2>Claims by place</h2>")?;
        for (place, claims) in &places {
            self.place_section(*place, claims)?;
        }
        if !placeless.is_empty() {
            writeln!(
                self.out,
                r#"<section class="unplaced group" id="no-place">"#
            )?;
            writeln!(self.out, "<h3>Claims that name no place</h3>")?;
            self.by_source(&placeless)?;
            writeln!(self.out, "</section>")?;
        }
        if !named.is_empty() {
            writeln!(self.out, r#"<section class="unplaced" id="named">"#)?;
            writeln!(self.out, "<h3>Also named, with no claim about them</h3>")?;
            writeln!(self.out, r#"<ul class="named">"#)?;
            for p in named {
                writeln!(
                    self.out,
                    r#"<li id="place-{}">{}</li>"#,
                    p.0,
                    self.place_heading(p)
                )?;
            }
            writeln!(self.out, "</ul>")?;
            writeln!(self.out, "</section>")?;
        }
        writeln!(self.out, "</section>")?;

        self.sources_section(&set.claims)?;
        self.documents_section(&docs)?;
        writeln!(self.out, "</main>")?;

        writeln!(
            self.out,
            "<footer><p>Made with claimmap {} from a machine reading{}. Basemap: Natural Earth \
             (public domain), UN view. Places: GeoNames (CC BY 4.0).</p></footer>",
            env!("CARGO_PKG_VERSION"),
            if set
                .claims
                .iter()
                .any(|&c| corpus.claim(c).review.is_reviewed())
            {
                " and a person's review"
            } else {
                ""
            },
        )?;
        writeln!(self.out, "<script>{SCRIPT}</script>")?;
        writeln!(self.out, "</body>")?;
        writeln!(self.out, "</html>")?;
        Ok(())
    }

    /// "Kursk <small>city in Russia</small>".
    fn place_heading(&self, place: PlaceId) -> String {
        let p = self.corpus.place(place);
        let country = p
            .country
            .as_deref()
            .filter(|_| p.kind != crate::model::PlaceKind::Country)
            .map(|cc| {
                let name = self.basemap.outline(cc).map_or(cc, |o| o.name.as_str());
                format!(" in {}", escape(name))
            })
            .unwrap_or_default();
        format!(
            r#"{} <span class="meta">{}{country}</span>"#,
            escape(&p.name),
            p.kind.label()
        )
    }

    fn place_section(&mut self, place: PlaceId, claims: &[ClaimId]) -> Result<(), ExportError> {
        let speaking = self.corpus.sources_from(place).len();
        writeln!(
            self.out,
            r#"<section class="place group" id="place-{}">"#,
            place.0
        )?;
        writeln!(
            self.out,
            r#"<h3>{} <span class="meta">· {}{}</span></h3>"#,
            self.place_heading(place),
            count(claims.len(), "claim", "claims"),
            if speaking > 0 {
                format!(
                    " · {} from here",
                    count(speaking, "source speaks", "sources speak")
                )
            } else {
                String::new()
            }
        )?;
        self.by_source(claims)?;
        writeln!(self.out, "</section>")?;
        Ok(())
    }

    /// The claims under a heading per source, in order of first appearance.
    fn by_source(&mut self, claims: &[ClaimId]) -> Result<(), ExportError> {
        let mut groups: Vec<(String, Vec<ClaimId>)> = Vec::new();
        for &c in claims {
            let label = self.source_label(self.corpus.claim(c));
            match groups.iter_mut().find(|g| g.0 == label) {
                Some(g) => g.1.push(c),
                None => groups.push((label, vec![c])),
            }
        }
        for (label, claims) in groups {
            writeln!(self.out, r#"<div class="group">"#)?;
            writeln!(self.out, "<h4>{label}</h4>")?;
            for c in claims {
                self.claim_card(c)?;
            }
            writeln!(self.out, "</div>")?;
        }
        Ok(())
    }

    /// "Sergei Shoigu <span>military, Russia</span>", escaped.
    fn source_label(&self, claim: &Claim) -> String {
        let corpus = self.corpus;
        match claim.source {
            Some(s) => {
                let src = corpus.source(s);
                let mut meta = src.kind.label().to_string();
                if let Some(a) = src.affiliation {
                    meta.push_str(&format!(", speaks for {}", corpus.place(a).name));
                }
                if let Some(d) = &src.description {
                    meta.push_str(&format!("; {}", one_line(d)));
                }
                format!(
                    r#"{} <span class="meta">{}</span>"#,
                    escape(&one_line(&src.name)),
                    escape(&meta)
                )
            }
            None => "No stated source".to_string(),
        }
    }

    fn claim_card(&mut self, id: ClaimId) -> Result<(), ExportError> {
        let corpus = self.corpus;
        let claim = corpus.claim(id);
        let doc = corpus.document(claim.doc);
        let text = &doc.text;
        let anchor = if self.anchored.insert(id) {
            format!(r#" id="claim-{}""#, id.0)
        } else {
            String::new()
        };
        writeln!(
            self.out,
            r#"<article class="claim review-{}"{anchor}>"#,
            claim.review.label()
        )?;
        writeln!(
            self.out,
            "<blockquote>“{}”</blockquote>",
            escape(&one_line(claim.content.slice(text)))
        )?;
        let mut how = Vec::new();
        if let Some(cue) = claim.cue {
            how.push(format!(
                r#"<span class="cue">{}</span>"#,
                escape(&one_line(cue.slice(text)))
            ));
        }
        // the words that name the source here, when they are not its name ("He")
        let written = claim.source_span.map(|s| one_line(s.slice(text)));
        let name = corpus.source_name(claim).to_lowercase();
        if let Some(w) = written.filter(|w| !w.to_lowercase().contains(&name)) {
            how.push(format!("named here as “{}”", escape(&w)));
        }
        if claim.is_hedged {
            how.push(r#"<span class="badge">hedged</span>"#.to_string());
        }
        // the machine's reading is the default: only a person's decision gets a badge
        if claim.review != Review::Machine {
            let r = claim.review.label();
            how.push(format!(r#"<span class="badge {r}">{r}</span>"#));
        }
        if let Some(d) = claim.date {
            how.push(format!("when: {}", escape(&d.value())));
        }
        writeln!(self.out, r#"<p class="how">{}</p>"#, how.join(" · "))?;
        // A claim's story (the event it belongs to across documents) goes here once claims
        // carry one.
        writeln!(
            self.out,
            r#"<p class="sentence">In the sentence: “{}”</p>"#,
            escape(&one_line(claim.sentence.slice(text)))
        )?;
        let mut from = format!("From <cite>{}</cite>", escape(&one_line(&doc.title)));
        let mut facts = vec![escape(&doc.key)];
        if let Some(day) = doc.published {
            facts.push(escape(&day.to_string()));
        }
        from.push_str(&format!(" ({})", facts.join(", ")));
        writeln!(self.out, r#"<p class="doc">{from}</p>"#)?;
        writeln!(self.out, "</article>")?;
        Ok(())
    }

    /// The sources: one row per speaker (its name, kind and affiliation), with its claims.
    fn sources_section(&mut self, claims: &[ClaimId]) -> Result<(), ExportError> {
        let corpus = self.corpus;
        type Key = (String, &'static str, Option<String>);
        let mut rows: Vec<(Key, Option<String>, Vec<ClaimId>)> = Vec::new();
        let mut unattributed = Vec::new();
        for &c in claims {
            let Some(s) = corpus.claim(c).source else {
                unattributed.push(c);
                continue;
            };
            let src = corpus.source(s);
            let key: Key = (
                one_line(&src.name),
                src.kind.label(),
                src.affiliation.map(|a| corpus.place(a).name.clone()),
            );
            match rows.iter_mut().find(|r| r.0 == key) {
                Some(r) => r.2.push(c),
                None => rows.push((key, src.description.as_deref().map(one_line), vec![c])),
            }
        }
        rows.sort_by(|a, b| b.2.len().cmp(&a.2.len()).then(a.0.0.cmp(&b.0.0)));
        writeln!(self.out, r#"<section id="sources">"#)?;
        writeln!(self.out, "<h2>Sources</h2>")?;
        writeln!(
            self.out,
            "<table><thead><tr><th>Source</th><th>Kind</th><th>Speaks for</th><th>Claims</th></tr></thead><tbody>"
        )?;
        for ((name, kind, affiliation), description, claims) in &rows {
            let description = description
                .as_deref()
                .map(|d| format!(r#"<br><span class="meta">{}</span>"#, escape(d)))
                .unwrap_or_default();
            writeln!(
                self.out,
                "<tr><td>{}{description}</td><td>{kind}</td><td>{}</td><td>{}</td></tr>",
                escape(name),
                affiliation.as_deref().map(escape).unwrap_or_default(),
                self.claim_links(claims)
            )?;
        }
        if !unattributed.is_empty() {
            writeln!(
                self.out,
                r#"<tr><td>No stated source</td><td></td><td></td><td>{}</td></tr>"#,
                self.claim_links(&unattributed)
            )?;
        }
        writeln!(self.out, "</tbody></table>")?;
        writeln!(self.out, "</section>")?;
        Ok(())
    }

    /// A list of links to the claims' cards, each its content's start.
    fn claim_links(&self, claims: &[ClaimId]) -> String {
        let items: Vec<String> = claims
            .iter()
            .map(|&c| {
                let claim = self.corpus.claim(c);
                let content = one_line(claim.content.slice(&self.corpus.document(claim.doc).text));
                let short = if content.chars().count() > 90 {
                    let cut: String = content.chars().take(88).collect();
                    format!("{}…", cut.trim_end())
                } else {
                    content
                };
                format!(
                    r##"<li><a href="#claim-{}">{}</a></li>"##,
                    c.0,
                    escape(&short)
                )
            })
            .collect();
        format!("<ul>{}</ul>", items.join(""))
    }

    fn documents_section(&mut self, docs: &[crate::model::DocId]) -> Result<(), ExportError> {
        writeln!(self.out, r#"<section id="documents">"#)?;
        writeln!(self.out, "<h2>Documents</h2>")?;
        writeln!(self.out, "<ul>")?;
        for &d in docs {
            let doc = self.corpus.document(d);
            let mut line = format!(
                "<cite>{}</cite> ({}",
                escape(&one_line(&doc.title)),
                escape(&doc.key)
            );
            if let Some(day) = doc.published {
                line.push_str(&format!(", {}", escape(&day.to_string())));
            }
            line.push(')');
            // only web addresses become links: a `javascript:` URL in an article is text
            if let Some(url) = doc.url.as_deref().filter(|u| {
                let l = u.to_ascii_lowercase();
                l.starts_with("https://") || l.starts_with("http://")
            }) {
                line.push_str(&format!(r#" <a href="{0}">{0}</a>"#, escape(url)));
            }
            let n = self.corpus.claims_in(d).len();
            line.push_str(&format!(
                r#" <span class="meta">{}</span>"#,
                count(n, "claim", "claims")
            ));
            writeln!(self.out, "<li>{line}</li>")?;
        }
        writeln!(self.out, "</ul>")?;
        writeln!(self.out, "</section>")?;
        Ok(())
    }
}

/// "Review: 2 confirmed, 1 edited; 8 not reviewed." or that none is reviewed yet.
fn review_summary(corpus: &Corpus, claims: &[ClaimId]) -> String {
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut machine = 0;
    for &c in claims {
        match corpus.claim(c).review {
            Review::Machine => machine += 1,
            r => *counts.entry(r.label()).or_default() += 1,
        }
    }
    if counts.is_empty() {
        return "No claim has been reviewed by a person yet.".to_string();
    }
    let reviewed: Vec<String> = ["confirmed", "edited", "added", "rejected"]
        .iter()
        .filter_map(|&l| counts.get(l).map(|n| format!("{n} {l}")))
        .collect();
    format!("Review: {}; {} not reviewed.", reviewed.join(", "), machine)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CorpusParts;
    use crate::pipeline::{Resources, extract};

    /// The sample with its first claim confirmed, its second edited and its third rejected.
    fn reviewed() -> Corpus {
        let res = Resources::bundled().unwrap();
        let doc = crate::input::document_from_text("sample.txt", crate::SAMPLE_ARTICLE);
        let mut parts: CorpusParts = extract(&res, vec![doc]).corpus.into_parts();
        for (claim, review) in
            parts
                .claims
                .iter_mut()
                .zip([Review::Confirmed, Review::Edited, Review::Rejected])
        {
            claim.review = review;
        }
        Corpus::from_parts(parts)
    }

    fn content(corpus: &Corpus, i: usize) -> String {
        let c = &corpus.claims()[i];
        escape(&one_line(c.content.slice(&corpus.document(c.doc).text)))
    }

    #[test]
    fn the_report_shows_the_review_and_leaves_out_what_a_person_rejected() {
        let corpus = reviewed();
        let html = super::super::to_string(&Html, &corpus, &ExportSet::all(&corpus)).unwrap();
        let n = corpus.claims().len();
        assert!(
            html.contains(&format!(
                "Review: 1 confirmed, 1 edited; {} not reviewed.",
                n - 3
            )),
            "{}",
            &html[..2000]
        );
        assert!(html.contains(r#"<span class="badge confirmed">confirmed</span>"#));
        assert!(html.contains(r#"<span class="badge edited">edited</span>"#));
        assert!(html.contains(&content(&corpus, 0)) && html.contains(&content(&corpus, 1)));
        assert!(!html.contains(&content(&corpus, 2)));
        assert!(html.contains("from a machine reading and a person's review"));

        // asked for, the rejected claim is there and says so
        let all = ExportSet::with_rejected(&corpus);
        let html = super::super::to_string(&Html, &corpus, &all).unwrap();
        assert!(html.contains(&content(&corpus, 2)));
        assert!(html.contains(r#"<span class="badge rejected">rejected</span>"#));
    }
}
