//! The command-line layer: clap arguments in, library calls, output and exit codes out.

mod batch;

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use corroborate::document::Format;
use corroborate::report::{self, Options};
use corroborate::stream::{self, SentenceSpan};
use corroborate::{analyze_with, Detail, Document, FindingKind, Lang};
use std::io::{ErrorKind, IsTerminal, Write};
use std::path::{Path, PathBuf};

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
    /// Print the sentences of a report as JSON Lines {index,start,end,text}; start and end are
    /// byte offsets into the input and text is that slice. Plain text and stdin are streamed.
    Sentences(SentencesArgs),
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
    /// Publication dates of the reports, in order (ISO 8601: 2025-01-02 or
    /// 2025-01-02T10:30Z; or RFC 2822: Thu, 02 Jan 2025 10:30:00 GMT; `-` for unknown):
    /// discrepancies say which figure is the latest.
    #[arg(long = "published", value_name = "DATE")]
    pub published: Vec<String>,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// CSV for Excel: start the file with a UTF-8 byte-order mark (Excel reads UTF-8 CSV
    /// only with one). Only with --format csv.
    #[arg(long)]
    pub excel: bool,
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

#[derive(Args, Debug)]
pub struct SentencesArgs {
    #[command(flatten)]
    pub file: FileArgs,
    /// Lines were wrapped by a program (text from a PDF or an e-mail): a single line break
    /// before a lowercase word continues the sentence.
    #[arg(long)]
    pub wrapped: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum FormatArg {
    Text,
    Json,
    Csv,
    Markdown,
    Html,
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
    if a.published.len() > a.reports.len() {
        bail!(
            "{} publication dates given for {} reports",
            a.published.len(),
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
    let published = a
        .published
        .iter()
        .enumerate()
        .map(|(i, p)| match p.trim() {
            "-" | "" => Ok(None),
            p => corroborate::Published::parse(p)
                .map(Some)
                .map_err(|e| anyhow::anyhow!("--published for {}: {e}", a.reports[i])),
        })
        .collect::<Result<Vec<_>>>()?;
    let mut docs = Vec::new();
    for (i, path) in a.reports.iter().enumerate() {
        let d = Document::read(path, a.labels.get(i).map(String::as_str))?
            .with_published(published.get(i).cloned().flatten());
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
        FormatArg::Text => report::Format::Text,
        FormatArg::Json => report::Format::Json,
        FormatArg::Csv => report::Format::Csv,
        FormatArg::Markdown => report::Format::Markdown,
        FormatArg::Html => report::Format::Html,
    };
    if a.excel && !matches!(a.format, FormatArg::Csv) {
        bail!("--excel applies to --format csv only");
    }
    let opts = Options {
        only,
        min_confidence: a.min_confidence,
        color,
        width: text_width(a.output.is_none()),
        excel: a.excel,
    };
    let out = report::render(&cmp, format, &opts)?;
    emit(a.output.as_deref(), out.as_bytes())?;
    Ok(cmp
        .findings
        .iter()
        .any(|f| f.kind == FindingKind::Discrepancy && opts.keeps(f)))
}

/// The width the text report lays itself out in: `COLUMNS` when set, else the terminal's
/// when stdout is one, else a fixed width (files and pipes).
fn text_width(to_stdout: bool) -> usize {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|n| *n >= 20)
    {
        return n;
    }
    if to_stdout && std::io::stdout().is_terminal() {
        if let Some((_, cols)) = console::Term::stdout().size_checked() {
            return usize::from(cols);
        }
    }
    report::DEFAULT_WIDTH
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

/// One line of `sentences` output: the public wire format, kept apart from library types.
#[derive(serde::Serialize)]
struct SentenceLine<'a> {
    index: usize,
    start: usize,
    end: usize,
    text: &'a str,
}

/// `sentences`: plain text and stdin are streamed block by block, so memory stays flat; HTML
/// is reduced to its article text first.
fn sentences(args: SentencesArgs) -> Result<()> {
    let options = corroborate::segment::Options {
        wrapped: args.wrapped,
    };
    let a = args.file;
    let lang = match &a.lang {
        Some(code) => Some(
            Lang::from_code(code)
                .with_context(|| format!("--lang: unsupported language '{code}'"))?,
        ),
        None => None,
    };
    let path = Path::new(&a.file);
    let html = a.file != "-" && Format::from_path(path)? == Format::Html;
    let file = if a.file == "-" || html {
        None
    } else {
        if path.is_dir() {
            return Err(corroborate::Error::IsDirectory {
                path: path.to_path_buf(),
            }
            .into());
        }
        Some(
            std::fs::File::open(path).map_err(|source| corroborate::Error::Io {
                path: path.to_path_buf(),
                source,
            })?,
        )
    };
    let mut out = Output::open(a.output.as_deref())?;
    let sink = |s: SentenceSpan<'_>| -> std::io::Result<()> {
        let line = SentenceLine {
            index: s.index,
            start: s.start,
            end: s.end,
            text: s.text,
        };
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")
    };
    let result = if html {
        let d = Document::read(&a.file, None)?;
        warn(&d.warnings);
        stream::split_text(&d.text, lang, options, sink).map(|_| ())
    } else if let Some(f) = file {
        stream::split_reader(f, path, lang, options, sink).map(|s| warn(&s.warnings))
    } else {
        let stdin = std::io::stdin();
        stream::split_reader(stdin.lock(), path, lang, options, sink).map(|s| warn(&s.warnings))
    };
    match result {
        Err(corroborate::Error::Write { source }) if source.kind() == ErrorKind::BrokenPipe => {
            Ok(())
        }
        Err(e) => Err(e.into()),
        Ok(()) => out.finish(),
    }
}

/// Where streamed output goes: stdout, or a temporary file renamed over the target once
/// everything was written, so a failed run never leaves a partial file.
enum Output {
    Stdout(std::io::BufWriter<std::io::StdoutLock<'static>>),
    /// A file: written to `tmp` and renamed over `target` by `finish`, or, for a device or a
    /// FIFO (`/dev/null`, `/dev/stdout`), written directly (`tmp` is `None`).
    File {
        w: std::io::BufWriter<std::fs::File>,
        tmp: Option<PathBuf>,
        target: PathBuf,
    },
}

/// Whether `path` names something that is not a regular file (a device, a FIFO): it is written
/// in place, never replaced by a rename.
pub(crate) fn special_file(path: &str) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

impl Output {
    fn open(path: Option<&str>) -> Result<Output> {
        let Some(path) = path.filter(|p| *p != "-") else {
            let w = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            return Ok(Output::Stdout(w));
        };
        let cannot = |e: std::io::Error| anyhow::anyhow!("{path}: cannot write output: {e}");
        if special_file(path) {
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(cannot)?;
            return Ok(Output::File {
                w: std::io::BufWriter::with_capacity(1 << 16, f),
                tmp: None,
                target: PathBuf::from(path),
            });
        }
        let (tmp, target) = temp_beside(path)?;
        let f = std::fs::File::create(&tmp).map_err(cannot)?;
        Ok(Output::File {
            w: std::io::BufWriter::with_capacity(1 << 16, f),
            tmp: Some(tmp),
            target,
        })
    }

    fn finish(&mut self) -> Result<()> {
        match self {
            Output::Stdout(w) => match w.flush() {
                Err(e) if e.kind() == ErrorKind::BrokenPipe => Ok(()),
                r => r.context("writing to stdout"),
            },
            Output::File { w, tmp, target } => {
                let done = w.flush().and_then(|_| match tmp {
                    Some(tmp) => w
                        .get_ref()
                        .sync_all()
                        .and_then(|_| std::fs::rename(&*tmp, &*target)),
                    None => Ok(()),
                });
                done.map_err(|e| anyhow::anyhow!("{}: cannot write output: {e}", target.display()))
            }
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        // Still there after `finish`? Then the run failed: leave no partial file.
        if let Output::File { tmp: Some(tmp), .. } = self {
            if tmp.exists() {
                let _ = std::fs::remove_file(tmp);
            }
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Output::Stdout(w) => w.write(buf),
            Output::File { w, .. } => w.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        match self {
            Output::Stdout(w) => w.write_all(buf),
            Output::File { w, .. } => w.write_all(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Output::Stdout(w) => w.flush(),
            Output::File { w, .. } => w.flush(),
        }
    }
}

/// A temporary file name beside `path`, and the target: output is written there and renamed
/// into place only when complete.
fn temp_beside(path: &str) -> Result<(PathBuf, PathBuf)> {
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
    Ok((tmp, target.to_path_buf()))
}

fn claims(a: FileArgs) -> Result<()> {
    let (d, lang) = read_one(&a)?;
    let an = analyze_with(d, lang, Detail::Claims);
    let mut out = Vec::new();
    for line in corroborate::report::json::claim_lines(&an) {
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
    let mut out = Output::open(path)?;
    match out.write_all(bytes) {
        Err(e) if e.kind() == ErrorKind::BrokenPipe => return Ok(()),
        Err(e) => {
            return Err(anyhow::anyhow!(
                "{}: cannot write output: {e}",
                path.unwrap_or("stdout")
            ))
        }
        Ok(()) => {}
    }
    out.finish()
}
