//! Markdown: a report a journalist can paste into a memo, grouped by place and then by source,
//! each claim's content quoted with where it came from. Claims that name no place come last.

use std::collections::BTreeMap;
use std::io::Write;

use super::{ExportError, ExportSet, Exporter};
use crate::model::{ClaimId, Corpus, PlaceId};

pub struct Markdown;

/// The words of `s` on one line.
pub(super) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Exporter for Markdown {
    fn name(&self) -> &'static str {
        "Markdown report"
    }
    fn extension(&self) -> &'static str {
        "md"
    }

    fn write(
        &self,
        corpus: &Corpus,
        set: &ExportSet,
        out: &mut dyn Write,
    ) -> Result<(), ExportError> {
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
        let docs: Vec<&str> = {
            let mut d: Vec<_> = set.claims.iter().map(|&c| corpus.claim(c).doc).collect();
            d.sort_unstable();
            d.dedup();
            d.iter()
                .map(|&d| corpus.document(d).title.as_str())
                .collect()
        };
        writeln!(out, "# Claims report")?;
        writeln!(out)?;
        writeln!(
            out,
            "{} claims about {} places, from {} document{}: {}.",
            set.claims.len(),
            places.len(),
            docs.len(),
            if docs.len() == 1 { "" } else { "s" },
            docs.iter()
                .map(|t| format!("*{}*", one_line(t)))
                .collect::<Vec<_>>()
                .join(", ")
        )?;
        for (place, claims) in &places {
            let p = corpus.place(*place);
            writeln!(out)?;
            write!(out, "## {} ({}", p.name, p.kind.label())?;
            if let Some(c) = &p.country {
                write!(out, ", {c}")?;
            }
            writeln!(out, ")")?;
            write_by_source(corpus, claims, out)?;
        }
        if !placeless.is_empty() {
            writeln!(out)?;
            writeln!(out, "## Claims that name no place")?;
            write_by_source(corpus, &placeless, out)?;
        }
        Ok(())
    }
}

fn write_by_source(
    corpus: &Corpus,
    claims: &[ClaimId],
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let mut groups: Vec<(String, Vec<ClaimId>)> = Vec::new();
    for &c in claims {
        let claim = corpus.claim(c);
        let label = match claim.source {
            Some(s) => {
                let src = corpus.source(s);
                let mut l = format!("**{}** ({}", one_line(&src.name), src.kind.label());
                if let Some(a) = src.affiliation {
                    l.push_str(&format!(", {}", corpus.place(a).name));
                }
                l.push(')');
                if let Some(d) = &src.description {
                    l.push_str(&format!(", {}", one_line(d)));
                }
                l
            }
            None => "**No stated source**".to_string(),
        };
        match groups.iter_mut().find(|g| g.0 == label) {
            Some(g) => g.1.push(c),
            None => groups.push((label, vec![c])),
        }
    }
    for (label, claims) in groups {
        writeln!(out)?;
        writeln!(out, "{label}")?;
        for c in claims {
            let claim = corpus.claim(c);
            let doc = corpus.document(claim.doc);
            let cue = claim
                .cue
                .map(|s| one_line(s.slice(&doc.text)))
                .unwrap_or_default();
            let hedge = if claim.is_hedged { " *(hedged)*" } else { "" };
            let review = match claim.review {
                crate::model::Review::Machine => String::new(),
                r => format!(" **[{}]**", r.label()),
            };
            writeln!(out)?;
            writeln!(out, "> {}", one_line(claim.content.slice(&doc.text)))?;
            writeln!(out, ">")?;
            writeln!(
                out,
                "> — {cue}{hedge}{review}; *{}*, “{}”",
                doc.key,
                one_line(claim.sentence.slice(&doc.text))
            )?;
        }
    }
    Ok(())
}
