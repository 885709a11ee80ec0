//! The story brief: one Markdown section per story told by more than one claim, biggest
//! first — the assertion, who says it (with how many independent origins), who disputes it
//! (the stories that deny it, the claims whose figures disagree), the figures side by side
//! with their sources and dates, and when it was reported. For a memo or a fact-check file.

use std::io::Write;

use super::markdown::one_line;
use super::{ExportError, ExportSet, Exporter};
use crate::corpus::stories::{Disputes, disputes, figure_rows};
use crate::model::{Claim, ClaimId, Corpus, Day, Story, StoryId};

pub struct Brief;

impl Exporter for Brief {
    fn name(&self) -> &'static str {
        "Story brief (Markdown)"
    }
    fn extension(&self) -> &'static str {
        "brief.md"
    }

    fn write(
        &self,
        corpus: &Corpus,
        set: &ExportSet,
        out: &mut dyn Write,
    ) -> Result<(), ExportError> {
        // the stories of the exported claims, each with those of its claims
        let mut of_story: Vec<(StoryId, Vec<ClaimId>)> = Vec::new();
        let mut slot = vec![usize::MAX; corpus.stories().len()];
        let mut claims = set.claims.clone();
        claims.sort_unstable();
        for &c in &claims {
            let Some(s) = corpus.story_of(c) else {
                continue;
            };
            if slot[s.id.index()] == usize::MAX {
                slot[s.id.index()] = of_story.len();
                of_story.push((s.id, Vec::new()));
            }
            of_story[slot[s.id.index()]].1.push(c);
        }
        of_story.retain(|s| s.1.len() > 1);
        of_story.sort_by(|a, b| {
            let (sa, sb) = (corpus.story(a.0), corpus.story(b.0));
            b.1.len()
                .cmp(&a.1.len())
                .then(sb.origins.cmp(&sa.origins))
                .then(sa.first.cmp(&sb.first))
                .then(sa.key.cmp(&sb.key))
        });
        let in_set = |c: ClaimId| claims.binary_search(&c).is_ok();

        writeln!(out, "# Story brief")?;
        writeln!(out)?;
        let contested = of_story
            .iter()
            .filter(|s| corpus.story(s.0).is_contested)
            .count();
        writeln!(
            out,
            "{} {} told by more than one claim, biggest first; {contested} with figures that disagree.",
            of_story.len(),
            if of_story.len() == 1 {
                "story"
            } else {
                "stories"
            },
        )?;
        for (n, (s, members)) in of_story.iter().enumerate() {
            let story = corpus.story(*s);
            write_story(corpus, n + 1, story, members, &in_set, out)?;
        }
        Ok(())
    }
}

fn write_story(
    corpus: &Corpus,
    number: usize,
    story: &Story,
    claims: &[ClaimId],
    in_set: &dyn Fn(ClaimId) -> bool,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let lead = if claims.contains(&story.lead) {
        story.lead
    } else {
        claims[0]
    };
    writeln!(out)?;
    writeln!(out, "## {number}. {}", content(corpus, corpus.claim(lead)))?;
    writeln!(out)?;
    let mut documents: Vec<_> = claims.iter().map(|&c| corpus.claim(c).doc).collect();
    documents.sort_unstable();
    documents.dedup();
    write!(
        out,
        "`{}` · {} claims in {} documents · {} {}, {} independent {}",
        story.key,
        claims.len(),
        documents.len(),
        story.sources,
        plural(story.sources, "source", "sources"),
        story.origins,
        plural(story.origins, "origin", "origins"),
    )?;
    if let Some(span) = span(story.first, story.last) {
        write!(out, " · {span}")?;
    }
    if story.is_contested {
        write!(out, " · **contested**")?;
    }
    writeln!(out)?;

    // who says it: one line per speaker, with a quote of their first claim
    writeln!(out)?;
    writeln!(out, "**Who says it**")?;
    writeln!(out)?;
    let mut speakers: Vec<(String, Vec<ClaimId>)> = Vec::new();
    for &c in claims {
        let name = speaker(corpus, corpus.claim(c));
        match speakers.iter_mut().find(|s| s.0 == name) {
            Some(s) => s.1.push(c),
            None => speakers.push((name, vec![c])),
        }
    }
    for (name, said) in &speakers {
        let first = corpus.claim(said[0]);
        let mut docs: Vec<_> = said.iter().map(|&c| corpus.claim(c).doc).collect();
        docs.sort_unstable();
        docs.dedup();
        write!(out, "- **{}**: “{}”", cell(name), content(corpus, first))?;
        write!(out, " ({}", corpus.document(first.doc).key)?;
        if docs.len() > 1 {
            write!(out, " and {} more", docs.len() - 1)?;
        }
        if let Some(d) = corpus.day_of(first) {
            write!(out, ", {d}")?;
        }
        writeln!(out, ")")?;
    }

    // who disputes it: the stories that deny it, the claims whose figures disagree
    let Disputes {
        denials: disputes,
        other_figures: outside,
    } = disputes(corpus, story, claims, in_set);
    if !disputes.is_empty() || !outside.is_empty() {
        writeln!(out)?;
        writeln!(out, "**Who disputes it**")?;
        writeln!(out)?;
        for &c in &disputes {
            let claim = corpus.claim(c);
            writeln!(
                out,
                "- **{}**: “{}” ({}{})",
                cell(&speaker(corpus, claim)),
                content(corpus, claim),
                corpus.document(claim.doc).key,
                corpus
                    .day_of(claim)
                    .map(|d| format!(", {d}"))
                    .unwrap_or_default()
            )?;
        }
        for &c in &outside {
            let claim = corpus.claim(c);
            writeln!(
                out,
                "- **{}** gives another figure: “{}” ({}{})",
                cell(&speaker(corpus, claim)),
                content(corpus, claim),
                corpus.document(claim.doc).key,
                corpus
                    .day_of(claim)
                    .map(|d| format!(", {d}"))
                    .unwrap_or_default()
            )?;
        }
    }

    // the figures side by side: this story's and those that disagree with them
    let rows = figure_rows(corpus, claims, &outside, in_set);
    if !rows.is_empty() {
        writeln!(out)?;
        writeln!(out, "**Figures**")?;
        writeln!(out)?;
        writeln!(
            out,
            "| figure | source | document | date | disagrees with |"
        )?;
        writeln!(out, "|---|---|---|---|---|")?;
        for row in &rows {
            let first = corpus.claim(row.claims[0]);
            let mut document = corpus.document(first.doc).key.clone();
            if row.claims.len() > 1 {
                document.push_str(&format!(" and {} more", row.claims.len() - 1));
            }
            writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                cell(&row.figures.join("; ")),
                cell(&row.speaker),
                cell(&document),
                corpus
                    .day_of(first)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                cell(&row.against.join("; ")),
            )?;
        }
    }
    Ok(())
}

fn plural(n: u32, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// "2024-11-04", or "2024-11-04 to 2024-11-09".
fn span(first: Option<Day>, last: Option<Day>) -> Option<String> {
    match (first, last) {
        (Some(a), Some(b)) if a != b => Some(format!("{a} to {b}")),
        (Some(a), _) | (None, Some(a)) => Some(a.to_string()),
        (None, None) => None,
    }
}

/// Who says a claim: its entity's name, else its source's, else "unattributed".
fn speaker(corpus: &Corpus, claim: &Claim) -> String {
    one_line(corpus.speaker(claim))
}

fn content(corpus: &Corpus, claim: &Claim) -> String {
    one_line(claim.content.slice(&corpus.document(claim.doc).text))
}

/// Text for a table cell: one line, pipes escaped.
fn cell(s: &str) -> String {
    one_line(s).replace('|', "\\|")
}
