//! The command-line layer: clap arguments in, library calls, output and exit codes out.

mod batch;

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use corroborate::report::{self, Format, Options};
use corroborate::{analyze, Document, FindingKind, Lang, NormalizedText};
use std::io::{IsTerminal, Write};
use std::path::Path;

#[derive(Parser, Debug)]
#[command(
    name = "corroborate",
    version,
    about = "Compare news reports of one event claim by claim"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Compare two or more reports: agreements, discrepancies and unique claims.
    /// Exit status: 0 no discrepancy, 1 at least one, 2 error.
    Compare(CompareArgs),
    /// Print the sentences of a report as JSON Lines {index,start,end,text}.
    Sentences(FileArgs),
    /// Print the figures of a report as JSON Lines, one per quantity.
    Claims(FileArgs),
    /// Compare many events streamed as JSON Lines ({"event_id","reports":[{"id","label","text"}]}),
    /// one finding per output line. Exit status as compare, 2 if any line failed; with
    /// --exit-zero, 0 unless the run itself fails.
    Batch(batch::BatchArgs),
}

#[derive(Args, Debug)]
pub struct CompareArgs {
    /// Report files (.txt, .md, .html); `-` reads one from stdin.
    #[arg(required = true, num_args = 1..)]
    pub reports: Vec<String>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<String>,
    /// Only these kinds, comma-separated: agreement,discrepancy,unique.
    #[arg(long, value_delimiter = ',')]
    pub only: Vec<String>,
    /// Leave out findings below this confidence (0–1).
    #[arg(long, default_value_t = 0.0)]
    pub min_confidence: f64,
    /// Labels for the reports, in order (default: file stem).
    #[arg(long = "label", value_name = "LABEL")]
    pub labels: Vec<String>,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
}

#[derive(Args, Debug)]
pub struct FileArgs {
    /// A report file, or `-` for stdin.
    pub file: String,
    /// Language (ISO 639-1); detected when absent.
    #[arg(long)]
    pub lang: Option<String>,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<String>,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum FormatArg {
    Text,
    Json,
    Csv,
    Markdown,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

/// Runs the command; `Ok(true)` means a discrepancy was found.
pub fn run(cli: Cli) -> Result<bool> {
    match cli.command {
        Command::Compare(a) => compare(a),
        Command::Sentences(a) => sentences(a).map(|_| false),
        Command::Claims(a) => claims(a).map(|_| false),
        Command::Batch(a) => {
            let only = parse_only(&a.only)?;
            batch::run(a, only)
        }
    }
}

fn compare(a: CompareArgs) -> Result<bool> {
    if a.reports.len() < 2 {
        bail!(
            "compare needs at least two reports, got {} ({})",
            a.reports.len(),
            a.reports.join(", ")
        );
    }
    if a.reports.iter().filter(|r| *r == "-").count() > 1 {
        bail!("stdin (-) can be read only once");
    }
    if a.labels.len() > a.reports.len() {
        bail!(
            "{} labels given for {} reports",
            a.labels.len(),
            a.reports.len()
        );
    }
    if !(0.0..=1.0).contains(&a.min_confidence) {
        bail!(
            "--min-confidence must be between 0 and 1, got {}",
            a.min_confidence
        );
    }
    let only = parse_only(&a.only)?;
    let mut docs = Vec::new();
    for (i, path) in a.reports.iter().enumerate() {
        let d = Document::read(path, a.labels.get(i).map(String::as_str))?;
        warn(&d.warnings);
        docs.push(d);
    }
    let cmp = corroborate::compare(docs)?;
    let color = match a.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            a.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let format = match a.format {
        FormatArg::Text => Format::Text,
        FormatArg::Json => Format::Json,
        FormatArg::Csv => Format::Csv,
        FormatArg::Markdown => Format::Markdown,
    };
    let opts = Options {
        only,
        min_confidence: a.min_confidence,
        color,
    };
    let out = report::render(&cmp, format, &opts)?;
    emit(a.output.as_deref(), out.as_bytes())?;
    Ok(cmp
        .findings
        .iter()
        .any(|f| f.kind == FindingKind::Discrepancy && opts.keeps(f)))
}

fn parse_only(kinds: &[String]) -> Result<Vec<FindingKind>> {
    kinds
        .iter()
        .map(|k| {
            FindingKind::parse(k).with_context(|| {
                format!("--only: unknown kind '{k}' (expected agreement, discrepancy, unique)")
            })
        })
        .collect()
}

fn read_one(a: &FileArgs) -> Result<(Document, Option<Lang>)> {
    let lang = match &a.lang {
        Some(code) => Some(
            Lang::from_code(code)
                .with_context(|| format!("--lang: unsupported language '{code}'"))?,
        ),
        None => None,
    };
    let d = Document::read(&a.file, None)?;
    warn(&d.warnings);
    Ok((d, lang))
}

fn sentences(a: FileArgs) -> Result<()> {
    let (d, lang) = read_one(&a)?;
    let normalized = NormalizedText::new(d.text);
    let mut out = Vec::new();
    for s in corroborate::sentences(&normalized, lang) {
        let line = serde_json::json!({
            "index": s.index,
            "start": s.original.start,
            "end": s.original.end,
            "text": &normalized.original()[s.original.clone()],
        });
        serde_json::to_writer(&mut out, &line)?;
        out.push(b'\n');
    }
    emit(a.output.as_deref(), &out)
}

fn claims(a: FileArgs) -> Result<()> {
    let (d, lang) = read_one(&a)?;
    let an = analyze(d, lang);
    let mut out = Vec::new();
    for c in &an.claims {
        let line = serde_json::json!({
            "sentence_index": c.sentence,
            "sentence": an.sentence_text(c.sentence),
            "quantity": corroborate::report::json::quantity(&an, c),
        });
        serde_json::to_writer(&mut out, &line)?;
        out.push(b'\n');
    }
    emit(a.output.as_deref(), &out)
}

#[allow(clippy::print_stderr)]
fn warn(warnings: &[String]) {
    for w in warnings {
        eprintln!("corroborate: warning: {w}");
    }
}

/// Writes to stdout, or to a file atomically: a temporary file beside it, then a rename, so
/// a failed run never leaves a partial file.
fn emit(path: Option<&str>, bytes: &[u8]) -> Result<()> {
    let Some(path) = path else {
        let mut stdout = std::io::stdout().lock();
        return match stdout.write_all(bytes).and_then(|_| stdout.flush()) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            r => r.context("writing to stdout"),
        };
    };
    let target = Path::new(path);
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .with_context(|| format!("{path}: not a file name"))?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, target)
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        anyhow::anyhow!("{path}: cannot write output: {e}")
    })
}
