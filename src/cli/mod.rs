//! The command-line layer: clap arguments in, library calls, output and exit codes out.

mod batch;
mod output;

use output::Output;

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use corroborate::document::{Format, Utf16};
use corroborate::report::{self, Options};
use corroborate::stream::{self, SentenceSpan};
use corroborate::{analyze_with, Detail, Document, FindingKind, Lang, Source};
use std::io::{ErrorKind, IsTerminal, Read, Write};
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
    /// discrepancies say which figure is the latest. A report given none is dated by a stamp
    /// in its header (`Posted on Thu Jan 2, 2025`), if it has one.
    #[arg(long = "published", value_name = "DATE")]
    pub published: Vec<String>,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always (even with NO_COLOR),
    /// never. An -o file never has colour.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// CSV for Excel: start the file with a UTF-8 byte-order mark (Excel reads UTF-8 CSV
    /// only with one). Only with --format csv.
    #[arg(long)]
    pub excel: bool,
    #[command(flatten)]
    pub input_format: InputFormatArg,
}

#[derive(Args, Debug, Clone, Copy)]
pub struct InputFormatArg {
    /// How to read reports: auto (by extension; stdin and files without one are HTML when
    /// they open with <!doctype html or <html), text, or html (whatever the extension).
    #[arg(long = "input-format", value_enum, default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    Auto,
    Text,
    Html,
}

impl InputFormatArg {
    /// The format to read every report in; `None` decides per report.
    fn format(self) -> Option<Format> {
        match self.input_format {
            InputFormat::Auto => None,
            InputFormat::Text => Some(Format::Text),
            InputFormat::Html => Some(Format::Html),
        }
    }
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
    #[command(flatten)]
    pub input_format: InputFormatArg,
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
    for (what, flag, n) in [
        ("labels", "--label", a.labels.len()),
        ("publication dates", "--published", a.published.len()),
    ] {
        if n != 0 && n != a.reports.len() {
            bail!(
                "{n} {what} given for {} reports: give one {flag} per report, in order",
                a.reports.len()
            );
        }
    }
    for (i, l) in a.labels.iter().enumerate() {
        if l.trim().is_empty() {
            bail!("--label for {} is empty", a.reports[i]);
        }
        if let Some(j) = a.labels[..i].iter().position(|m| m == l) {
            bail!(
                "--label '{l}' is given twice (for {} and {}): labels tell the reports apart",
                a.reports[j],
                a.reports[i]
            );
        }
    }
    same_file_twice(&a.reports)?;
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
        let d = Document::read_as(
            path,
            a.labels.get(i).map(String::as_str),
            a.input_format.format(),
        )?
        .with_published(published.get(i).cloned().flatten());
        docs.push(d);
    }
    unique_ids(&mut docs, a.labels.is_empty());
    for (i, d) in docs.iter().enumerate() {
        if let Some(e) = docs[..i].iter().find(|e| e.text == d.text) {
            let w = format!(
                "{} has the same text as {}: every claim will agree with itself",
                d.source.name(),
                e.source.name()
            );
            warn(&[w]);
        }
    }
    let cmp = corroborate::compare(docs)?;
    // After the analysis, which adds its own (sentences cut for length).
    for an in &cmp.analyses {
        warn(&an.document.warnings);
    }
    // Colour goes only to stdout, never into an `-o` file. `auto` follows no-color.org: a
    // terminal, and `NO_COLOR` unset or empty; an explicit `--color always` overrides
    // `NO_COLOR`, as a command-line flag overrides the environment.
    let to_stdout = a.output.as_deref().is_none_or(|o| o == "-");
    let color = to_stdout
        && match a.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                std::io::stdout().is_terminal()
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

/// A report named twice (`a.txt ./a.txt`, or through a link) is an error: a report compared
/// with itself agrees with itself, which is no corroboration.
fn same_file_twice(reports: &[String]) -> Result<()> {
    use std::os::unix::fs::MetadataExt;
    let mut seen: Vec<((u64, u64), &str)> = Vec::new();
    for r in reports.iter().filter(|r| *r != "-") {
        // A file that cannot be read is reported when it is read.
        let Ok(m) = std::fs::metadata(r) else {
            continue;
        };
        let key = (m.dev(), m.ino());
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            bail!("{first} and {r} are the same file: compare needs different reports");
        }
        seen.push((key, r));
    }
    Ok(())
}

/// Makes report ids unique: the second `r` (`a/r.txt`, `b/r.txt`) becomes `r-2`, the third
/// `r-3`, never an id another report already has; a label taken from the file stem follows
/// its id. Says so on stderr.
fn unique_ids(docs: &mut [Document], default_labels: bool) {
    let taken: std::collections::HashSet<String> =
        docs.iter().map(|d| d.source.id.clone()).collect();
    let mut used = std::collections::HashSet::new();
    for i in 0..docs.len() {
        let id = docs[i].source.id.clone();
        if used.insert(id.clone()) {
            continue;
        }
        let new = (2..)
            .map(|n| format!("{id}-{n}"))
            .find(|c| !taken.contains(c) && !used.contains(c))
            .expect("an unused id");
        used.insert(new.clone());
        let first = docs
            .iter()
            .find(|d| d.source.id == id)
            .map(|d| d.source.name().to_string())
            .unwrap_or_default();
        warn(&[format!(
            "{} has the same file stem as {first}: its id is '{new}'",
            docs[i].source.name()
        )]);
        docs[i].source.id = new.clone();
        if default_labels {
            docs[i].source.label = new;
        }
    }
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
    let d = Document::read_as(&a.file, None, a.input_format.format())?;
    Ok((d, lang))
}

/// How many opening bytes `sentences` looks at to tell UTF-16 and HTML from plain text.
const SNIFF: usize = 1024;

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
    let stdin = a.file == "-";
    // Messages name stdin as such.
    let path = Path::new(if stdin { "stdin" } else { &a.file });
    let declared = match a.input_format.format() {
        Some(f) => Some(f),
        None if stdin => None,
        None => Format::by_extension(path)?,
    };
    let io_err = |source| corroborate::Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut reader: Box<dyn Read> = if stdin {
        Box::new(std::io::stdin().lock())
    } else {
        if path.is_dir() {
            return Err(corroborate::Error::IsDirectory {
                path: path.to_path_buf(),
            }
            .into());
        }
        Box::new(std::fs::File::open(path).map_err(io_err)?)
    };
    // The opening bytes tell UTF-16 and, unless given, HTML: those are read whole; plain
    // text is streamed.
    let mut head = Vec::with_capacity(SNIFF);
    (&mut reader)
        .take(SNIFF as u64)
        .read_to_end(&mut head)
        .map_err(io_err)?;
    let whole = Utf16::of(&head).is_some()
        || match declared {
            Some(f) => f == Format::Html,
            None => Format::sniff(&String::from_utf8_lossy(&head)) == Format::Html,
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
    let result = if whole {
        let mut bytes = head;
        reader.read_to_end(&mut bytes).map_err(io_err)?;
        let d = Document::from_bytes(path, bytes, declared, Source::of_path(&a.file, None))?;
        warn(&d.warnings);
        stream::split_text(&d.text, path, lang, options, sink).map(|s| warn(&s.warnings))
    } else {
        let input = std::io::Cursor::new(head).chain(reader);
        stream::split_reader(input, path, lang, options, sink).map(|s| warn(&s.warnings))
    };
    match result {
        Err(corroborate::Error::Write { source })
            if source.kind() == ErrorKind::BrokenPipe && out.is_stdout() =>
        {
            Ok(())
        }
        Err(corroborate::Error::Write { source }) => Err(out.error(source)),
        Err(e) => Err(e.into()),
        Ok(()) => out.finish(),
    }
}

fn claims(a: FileArgs) -> Result<()> {
    let (d, lang) = read_one(&a)?;
    let an = analyze_with(d, lang, Detail::Claims);
    warn(&an.document.warnings);
    // Written line by line: the output can be many times the input (one line per figure).
    let mut out = Output::open(a.output.as_deref())?;
    let written = corroborate::report::json::claim_lines(&an).try_for_each(|line| {
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")
    });
    match written {
        Err(e) if e.kind() == ErrorKind::BrokenPipe && out.is_stdout() => Ok(()),
        Err(e) => Err(out.error(e)),
        Ok(()) => out.finish(),
    }
}

#[allow(clippy::print_stderr)]
fn warn(warnings: &[String]) {
    for w in warnings {
        eprintln!("corroborate: warning: {w}");
    }
}

/// Writes `bytes` to stdout or, atomically, to a file (see [`output`]).
fn emit(path: Option<&str>, bytes: &[u8]) -> Result<()> {
    let mut out = Output::open(path)?;
    match out.write_all(bytes) {
        Err(e) if e.kind() == ErrorKind::BrokenPipe && out.is_stdout() => Ok(()),
        Err(e) => Err(out.error(e)),
        Ok(()) => out.finish(),
    }
}
