//! The command line: `claimmap` (the app on the sample), `claimmap open PATH...`,
//! `claimmap extract ...` and `claimmap workspace ...`. Glue only: reading, extraction,
//! review and export live in the library. Exit codes: 0 clean, 1 finished with warnings, 2
//! fatal.

mod workspace;

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};

use crate::export::{self, ExportError, ExportSet, StreamFormat};
use crate::input;
use crate::model::Document;
use crate::pipeline::{self, Resources, Warning};

#[derive(Parser, Debug)]
#[command(
    name = "claimmap",
    version,
    about = "Who claims what, about where: finds attributed claims and the places they name in news \
             articles, and maps them. Run without arguments to open the app on the sample article."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Open the desktop app on these files or folders (.txt, .md, .html, .jsonl), or on a
    /// workspace (.claimmap)
    Open {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Extract claims and places and write them as csv, json, jsonl, md, geojson, html (a
    /// report), svg or png (the map), gpkg (a GeoPackage for QGIS), or the stories told by
    /// more than one claim as a brief (Markdown)
    Extract {
        /// Files or folders to read (.txt, .md, .html, .htm, .jsonl; folders recursively), or
        /// one workspace (.claimmap) to export as reviewed
        #[arg(value_name = "PATH", required_unless_present = "eval_jsonl")]
        paths: Vec<PathBuf>,
        /// Keep claims and places a reviewer rejected (their `review` says "rejected")
        #[arg(long)]
        include_rejected: bool,
        /// Output format (default: from the -o extension, .brief.md for the brief, else json)
        #[arg(long, value_parser = format_names())]
        format: Option<String>,
        /// The map's width in pixels (svg, png and the html report's map); the height follows
        #[arg(long, default_value_t = export::picture::DEFAULT_WIDTH,
              value_parser = clap::value_parser!(u32).range(200..=8000))]
        width: u32,
        /// Write to this file instead of standard output (atomically; never replaces a file
        /// unless --force)
        #[arg(short = 'o', long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Replace OUT if it exists
        #[arg(long)]
        force: bool,
        /// Read {id, text} lines from GOLD.jsonl and write one {id, claims, places} line per
        /// document in the evaluation format (code-point offsets)
        #[arg(long, value_name = "GOLD.jsonl", conflicts_with_all = ["format", "paths"])]
        eval_jsonl: Option<PathBuf>,
        /// Extract on N threads (default: every core); the output is the same for any N
        #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        jobs: Option<u32>,
    },
    /// Keep documents, extraction and an analyst's review in a workspace file (.claimmap)
    Workspace {
        #[command(subcommand)]
        command: workspace::WorkspaceCommand,
    },
}

/// What a successful command leaves behind.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Clean,
    Warnings,
}

/// Parses the arguments, runs, and maps the result to the exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Warnings) => ExitCode::from(1),
        Err(e) => {
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        None => open(Vec::new()),
        Some(Command::Open { paths }) => open(paths),
        Some(Command::Extract {
            paths,
            include_rejected,
            format,
            width,
            output,
            force,
            eval_jsonl,
            jobs,
        }) => {
            let jobs = jobs.map_or_else(pipeline::default_jobs, |n| n as usize);
            match eval_jsonl {
                Some(gold) => extract_eval(&gold, output.as_deref(), force, jobs),
                None if paths.iter().any(|p| crate::workspace::is_workspace_path(p)) => {
                    workspace::extract(
                        &paths,
                        (format.as_deref(), width),
                        output.as_deref(),
                        force,
                        include_rejected,
                    )
                }
                None => extract(
                    &paths,
                    (format.as_deref(), width),
                    output.as_deref(),
                    force,
                    jobs,
                ),
            }
        }
        Some(Command::Workspace { command }) => workspace::run(command),
    }
}

#[cfg(feature = "gui")]
fn open(paths: Vec<PathBuf>) -> anyhow::Result<Outcome> {
    crate::app::run(paths)?;
    Ok(Outcome::Clean)
}

#[cfg(not(feature = "gui"))]
fn open(_paths: Vec<PathBuf>) -> anyhow::Result<Outcome> {
    bail!(
        "this claimmap was built without the desktop app (feature \"gui\"); use `claimmap extract`"
    )
}

fn report(warnings: &[Warning]) {
    for w in warnings {
        eprintln!("warning: {w}");
    }
}

fn resources() -> anyhow::Result<Resources> {
    Resources::bundled().context("cannot load claimmap's bundled gazetteer and lexicons")
}

/// The `--format` values: every exporter's extension.
fn format_names() -> clap::builder::PossibleValuesParser {
    // the brief's extension is "brief.md"; its format is called "brief"
    clap::builder::PossibleValuesParser::new(
        export::ALL
            .iter()
            .map(|e| e.extension().strip_suffix(".md").unwrap_or(e.extension())),
    )
}

/// The exporter `--format` names, else the one of the output's extension, else JSON.
fn exporter_for(
    format: Option<&str>,
    output: Option<&Path>,
) -> anyhow::Result<&'static dyn export::Exporter> {
    let is_brief = output.is_some_and(|o| o.to_string_lossy().ends_with(".brief.md"));
    let name = format
        .or(is_brief.then_some("brief"))
        .or_else(|| output.and_then(|o| o.extension()).and_then(|e| e.to_str()))
        .filter(|n| export::by_name(n).is_some())
        .unwrap_or("json");
    export::by_name(name).context("unknown format")
}

/// Refuses an existing output file unless `--force`, before any work is done.
fn check_output(output: Option<&Path>, force: bool) -> anyhow::Result<()> {
    if let Some(out) = output
        && out.exists()
        && !force
    {
        bail!("{} exists; pass --force to replace it", out.display());
    }
    Ok(())
}

fn outcome(warnings: &[Warning]) -> Outcome {
    if warnings.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Warnings
    }
}

/// `--format` and `--width`.
type Format<'a> = (Option<&'a str>, u32);

fn extract(
    paths: &[PathBuf],
    (format, width): Format,
    output: Option<&Path>,
    force: bool,
    jobs: usize,
) -> anyhow::Result<Outcome> {
    let exporter = exporter_for(format, output)?;
    check_output(output, force)?;
    if exporter.extension() == "jsonl" && input::total_bytes(paths) > STREAM_ABOVE_BYTES {
        eprintln!("{}", streaming_note(paths));
        let documents = input::stream_paths(paths);
        let nothing = "no documents could be read from the given paths".to_string();
        return extract_streaming(
            documents,
            StreamFormat::Claims,
            output,
            force,
            jobs,
            nothing,
        );
    }
    let batch = input::read_paths(paths);
    let mut warnings = batch.warnings;
    if batch.documents.is_empty() {
        report(&warnings);
        bail!("no documents could be read from the given paths");
    }
    let res = resources()?;
    let extraction = pipeline::extract_parallel(&res, batch.documents, jobs, &mut |_, _| {});
    warnings.extend(extraction.warnings);
    let corpus = extraction.corpus;
    let set = ExportSet::all(&corpus).with_width(width);
    write_output(output, force, |w| exporter.write(&corpus, &set, w))?;
    if let Some(out) = output {
        eprintln!(
            "wrote {} claims and {} places ({}) to {}",
            corpus.claims().len(),
            corpus.places().len(),
            exporter.name(),
            out.display()
        );
    }
    report(&warnings);
    Ok(if warnings.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Warnings
    })
}

fn extract_eval(
    gold: &Path,
    output: Option<&Path>,
    force: bool,
    jobs: usize,
) -> anyhow::Result<Outcome> {
    if let Some(out) = output
        && out.exists()
        && !force
    {
        bail!("{} exists; pass --force to replace it", out.display());
    }
    let documents = input::JsonlDocuments::open(gold)?;
    let nothing = format!(
        "no {{id, text}} lines could be read from {}",
        gold.display()
    );
    let paths = [gold.to_path_buf()];
    if input::total_bytes(&paths) > STREAM_ABOVE_BYTES {
        eprintln!("{}", streaming_note(&paths));
        return extract_streaming(documents, StreamFormat::Eval, output, force, jobs, nothing);
    }
    let mut warnings = Vec::new();
    let mut read = Vec::new();
    for d in documents {
        match d {
            Ok(d) => read.push(d),
            Err(w) => warnings.push(w),
        }
    }
    if read.is_empty() {
        report(&warnings);
        bail!(nothing);
    }
    let res = resources()?;
    let extraction = pipeline::extract_parallel(&res, read, jobs, &mut |_, _| {});
    warnings.extend(extraction.warnings);
    write_output(output, force, |w| {
        export::write_eval_jsonl(&extraction.corpus, w)
    })?;
    report(&warnings);
    Ok(if warnings.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Warnings
    })
}

/// Above this much input, JSONL output streams (bounded memory) and so has no stories, which
/// need the whole corpus in memory; below it the corpus is held, as for every other format.
const STREAM_ABOVE_BYTES: u64 = 16 * 1024 * 1024;

fn streaming_note(paths: &[PathBuf]) -> String {
    format!(
        "note: {:.1} GB of input is more than claimmap holds in memory ({} MB), so it streams: \
         each claim has its entity and figures but no story (stories compare every claim with \
         every other); split the input into smaller files for stories",
        input::total_bytes(paths) as f64 / 1e9,
        STREAM_ABOVE_BYTES >> 20
    )
}

/// Extraction of JSONL output in two passes over a pending file (in the output's folder, else
/// the system's temporary folder), so memory stays bounded whatever the corpus size.
fn extract_streaming(
    documents: impl Iterator<Item = Result<Document, Warning>> + Send,
    format: StreamFormat,
    output: Option<&Path>,
    force: bool,
    jobs: usize,
    nothing: String,
) -> anyhow::Result<Outcome> {
    let res = resources()?;
    let folder = match output.and_then(Path::parent) {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        Some(_) => PathBuf::from("."),
        None => std::env::temp_dir(),
    };
    let pending = export::extract_pending(&res, documents, format, jobs, &folder)?;
    let summary = pending.summary();
    if summary.read == 0 {
        report(&summary.warnings);
        bail!(nothing);
    }
    write_output(output, force, |w| pending.write(w))?;
    if let Some(out) = output
        && format == StreamFormat::Claims
    {
        eprintln!(
            "wrote {} claims and {} places (JSON Lines) to {}",
            summary.claims,
            summary.places,
            out.display()
        );
    }
    report(&summary.warnings);
    Ok(if summary.warnings.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Warnings
    })
}

fn write_output(
    output: Option<&Path>,
    force: bool,
    fill: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> anyhow::Result<()> {
    match output {
        Some(path) => export::write_atomic(path, force, fill).map_err(anyhow::Error::from),
        None => {
            let stdout = std::io::stdout();
            let mut w = BufWriter::new(stdout.lock());
            match fill(&mut w) {
                Err(ExportError::Stream(e)) | Err(ExportError::Io { source: e, .. }) => {
                    return Err(e.into());
                }
                Err(e) => return Err(e.into()),
                Ok(()) => {}
            }
            w.flush()?;
            Ok(())
        }
    }
}
