//! `claimmap workspace ...` and `claimmap extract W.claimmap`: glue between the command line
//! and `crate::workspace`, which does the work.

use std::fs::File;
use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::Subcommand;

use super::{
    Format, Outcome, check_output, exporter_for, outcome, report, resources, write_output,
};
use crate::export::ExportSet;
use crate::input;
use crate::pipeline::{self, Warning};
use crate::workspace::{self, Session, read_log, write_gold};

#[derive(Subcommand, Debug)]
pub enum WorkspaceCommand {
    /// Extract articles into a new workspace (never replaces a file without --force)
    Create {
        #[arg(value_name = "W.claimmap")]
        workspace: PathBuf,
        /// Files or folders to read (.txt, .md, .html, .htm, .jsonl)
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
        /// Replace W.claimmap if it exists
        #[arg(long)]
        force: bool,
    },
    /// Extract articles and add them to a workspace
    Add {
        #[arg(value_name = "W.claimmap")]
        workspace: PathBuf,
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
    },
    /// Apply review operations (one JSON object per line) and say which did not apply
    Apply {
        #[arg(value_name = "W.claimmap")]
        workspace: PathBuf,
        #[arg(value_name = "REVIEW.jsonl")]
        review: PathBuf,
    },
    /// Write the review log in effect, one JSON operation per line, to standard output
    Log {
        #[arg(value_name = "W.claimmap")]
        workspace: PathBuf,
    },
    /// Write the reviewed documents in the evaluation format (text, claims, places)
    Gold {
        #[arg(value_name = "W.claimmap")]
        workspace: PathBuf,
        /// Write to this file instead of standard output
        #[arg(short = 'o', long, value_name = "GOLD.jsonl")]
        output: Option<PathBuf>,
        /// Replace the output if it exists
        #[arg(long)]
        force: bool,
    },
}

pub fn run(command: WorkspaceCommand) -> anyhow::Result<Outcome> {
    match command {
        WorkspaceCommand::Create {
            workspace,
            paths,
            force,
        } => create(&workspace, &paths, force),
        WorkspaceCommand::Add { workspace, paths } => add(&workspace, &paths),
        WorkspaceCommand::Apply { workspace, review } => apply(&workspace, &review),
        WorkspaceCommand::Log { workspace } => log(&workspace),
        WorkspaceCommand::Gold {
            workspace,
            output,
            force,
        } => gold(&workspace, output.as_deref(), force),
    }
}

fn create(path: &Path, paths: &[PathBuf], force: bool) -> anyhow::Result<Outcome> {
    if path.exists() && !force {
        bail!("{} exists; pass --force to replace it", path.display());
    }
    let batch = input::read_paths(paths);
    let mut warnings = batch.warnings;
    if batch.documents.is_empty() {
        report(&warnings);
        bail!("no documents could be read from the given paths");
    }
    let res = resources()?;
    let extraction = pipeline::extract(&res, batch.documents);
    warnings.extend(extraction.warnings);
    let session = Session::create(path, force, extraction.corpus)?;
    let corpus = session.machine();
    let n = corpus.documents().len();
    eprintln!(
        "made {} with {n} {}: {} claims, {} places",
        path.display(),
        if n == 1 { "document" } else { "documents" },
        corpus.claims().len(),
        corpus.places().len()
    );
    report(&warnings);
    Ok(outcome(&warnings))
}

fn add(path: &Path, paths: &[PathBuf]) -> anyhow::Result<Outcome> {
    let res = resources()?;
    let (mut session, notices) = Session::open(&res, path)?;
    notice(&notices);
    if session.is_unsaved() {
        bail!(
            "the workspace is read-only; nothing was added: {}",
            path.display()
        );
    }
    let batch = input::read_paths(paths);
    let mut warnings = batch.warnings;
    let added = session.add_documents(&res, batch.documents, &mut |_, _| true)?;
    warnings.extend(added.warnings);
    eprintln!(
        "added {} {} to {} ({} in all)",
        added.added,
        if added.added == 1 {
            "document"
        } else {
            "documents"
        },
        path.display(),
        session.machine().documents().len()
    );
    report(&warnings);
    Ok(outcome(&warnings))
}

fn apply(path: &Path, review: &Path) -> anyhow::Result<Outcome> {
    let file = File::open(review).with_context(|| format!("cannot read {}", review.display()))?;
    let (ops, bad) = read_log(BufReader::new(file));
    let res = resources()?;
    let (mut session, notices) = Session::open(&res, path)?;
    notice(&notices);
    if session.is_unsaved() {
        bail!(
            "the workspace is read-only; no operation was applied: {}",
            path.display()
        );
    }
    let total = ops.len() + bad.len();
    let report = session.apply(&res, ops)?;
    let mut warnings: Vec<Warning> = bad
        .into_iter()
        .map(|b| Warning {
            subject: format!("{}:{}", review.display(), b.line),
            message: format!("not a review operation ({}); skipped it", b.message),
        })
        .collect();
    for r in &report.rejected {
        let about = if r.text.is_empty() {
            String::new()
        } else {
            format!(" (about {:?})", shorten(&r.text, 80))
        };
        warnings.push(Warning {
            subject: format!("{}:{}", review.display(), r.line),
            message: format!("{} did not apply: {}{about}", r.op.op.name(), r.reason),
        });
    }
    warnings.sort_by_key(|w| line_of(&w.subject));
    eprintln!(
        "applied {} of {} operations to {}{}",
        report.applied,
        total,
        path.display(),
        match total - report.applied {
            0 => String::new(),
            n => format!("; {n} did not apply:"),
        }
    );
    report_all(&warnings);
    Ok(outcome(&warnings))
}

fn log(path: &Path) -> anyhow::Result<Outcome> {
    let (ops, head) = workspace::Workspace::open(path)?.load_log()?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for op in &ops[..head] {
        writeln!(out, "{}", op.to_line())?;
    }
    out.flush()?;
    Ok(Outcome::Clean)
}

fn gold(path: &Path, output: Option<&Path>, force: bool) -> anyhow::Result<Outcome> {
    check_output(output, force)?;
    let res = resources()?;
    let (session, notices) = Session::open(&res, path)?;
    notice(&notices);
    let reviewed = session.reviewed(&res);
    write_output(output, force, |w| write_gold(&reviewed.corpus, w))?;
    let warnings = attention_warnings(path, &reviewed.attention);
    if let Some(out) = output {
        eprintln!(
            "wrote {} reviewed documents to {}",
            reviewed.corpus.documents().len(),
            out.display()
        );
    }
    report(&warnings);
    Ok(outcome(&warnings))
}

/// `claimmap extract W.claimmap`: the reviewed state in any export format.
pub fn extract(
    paths: &[PathBuf],
    (format, width): Format,
    output: Option<&Path>,
    force: bool,
    include_rejected: bool,
) -> anyhow::Result<Outcome> {
    let [path] = paths else {
        bail!("extract one workspace at a time, without other files");
    };
    let exporter = exporter_for(format, output)?;
    check_output(output, force)?;
    let res = resources()?;
    let (session, notices) = Session::open(&res, path)?;
    notice(&notices);
    let reviewed = session.reviewed(&res);
    let corpus = &reviewed.corpus;
    let set = if include_rejected {
        ExportSet::with_rejected(corpus)
    } else {
        ExportSet::all(corpus)
    }
    .with_width(width);
    write_output(output, force, |w| exporter.write(corpus, &set, w))?;
    if let Some(out) = output {
        eprintln!(
            "wrote {} claims and {} places ({}) to {}",
            set.claims.len(),
            set.places.len(),
            exporter.name(),
            out.display()
        );
    }
    let warnings = attention_warnings(path, &reviewed.attention);
    report(&warnings);
    Ok(outcome(&warnings))
}

fn attention_warnings(path: &Path, attention: &[workspace::Attention]) -> Vec<Warning> {
    attention
        .iter()
        .map(|a| Warning {
            subject: format!("{} (review operation {})", path.display(), a.index + 1),
            message: format!(
                "{} needs attention: {}{}",
                a.op.op.name(),
                a.reason,
                if a.text.is_empty() {
                    String::new()
                } else {
                    format!(" (about {:?})", shorten(&a.text, 80))
                }
            ),
        })
        .collect()
}

fn notice(notices: &[String]) {
    for n in notices {
        eprintln!("note: {n}");
    }
}

fn report_all(warnings: &[Warning]) {
    for w in warnings {
        eprintln!("  {w}");
    }
}

fn line_of(subject: &str) -> usize {
    subject
        .rsplit(':')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn shorten(text: &str, max: usize) -> String {
    let one: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= max {
        return one;
    }
    let cut: String = one.chars().take(max).collect();
    format!("{cut}…")
}
