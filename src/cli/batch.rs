//! `corroborate batch`: streams JSON Lines events through the pipeline in parallel chunks,
//! writing findings in input order; bad lines are reported and skipped, never dropped silently.

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use corroborate::batch::{compare_line, csv_header, csv_rows, jsonl, LineError};
use corroborate::report::Options;
use rayon::prelude::*;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct BatchArgs {
    /// JSON Lines input, one event per line (`-` or nothing: stdin).
    pub input: Option<String>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = BatchFormat::Jsonl)]
    pub format: BatchFormat,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<String>,
    /// Also write error records (JSON Lines) to FILE.
    #[arg(long, value_name = "FILE")]
    pub errors: Option<String>,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// Only these kinds, comma-separated: agreement,discrepancy,unique.
    #[arg(long, value_delimiter = ',')]
    pub only: Vec<String>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum BatchFormat {
    Jsonl,
    Csv,
}

/// One compared event: its output bytes, how many findings it shows, any discrepancy.
type EventOutput = (Vec<u8>, usize, bool);

/// Events read per parallel chunk: bounds memory whatever the input size.
const CHUNK: usize = 512;

/// Output that lands only when the whole run succeeds (temp file + rename), or stdout.
struct Sink {
    out: Box<dyn Write>,
    tmp: Option<(PathBuf, PathBuf)>,
}

impl Sink {
    fn open(path: Option<&str>) -> Result<Sink> {
        match path {
            None | Some("-") => Ok(Sink {
                out: Box::new(BufWriter::new(std::io::stdout().lock())),
                tmp: None,
            }),
            Some(p) => {
                let target = PathBuf::from(p);
                let dir = target
                    .parent()
                    .filter(|d| !d.as_os_str().is_empty())
                    .unwrap_or(Path::new("."));
                let name = target
                    .file_name()
                    .with_context(|| format!("{p}: not a file name"))?;
                let tmp = dir.join(format!(
                    ".{}.{}.tmp",
                    name.to_string_lossy(),
                    std::process::id()
                ));
                let f = File::create(&tmp).with_context(|| format!("{p}: cannot create output"))?;
                Ok(Sink {
                    out: Box::new(BufWriter::new(f)),
                    tmp: Some((tmp, target)),
                })
            }
        }
    }

    fn commit(mut self) -> Result<()> {
        self.out.flush().context("writing output")?;
        self.out = Box::new(std::io::sink()); // closes the file before the rename
        if let Some((tmp, target)) = self.tmp.take() {
            std::fs::rename(&tmp, &target)
                .with_context(|| format!("{}: cannot write output", target.display()))?;
        }
        Ok(())
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        if let Some((tmp, _)) = &self.tmp {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

#[allow(clippy::print_stderr)]
pub fn run(a: BatchArgs, only: Vec<corroborate::FindingKind>) -> Result<bool> {
    let path = a.input.as_deref().filter(|p| *p != "-");
    let (reader, size): (Box<dyn Read>, Option<u64>) = match path {
        Some(p) => {
            if Path::new(p).is_dir() {
                anyhow::bail!("{p}: is a directory, not a JSON Lines file");
            }
            let f = File::open(p).with_context(|| format!("{p}: cannot read"))?;
            let size = f.metadata().ok().map(|m| m.len());
            (Box::new(f), size)
        }
        None => (Box::new(std::io::stdin().lock()), None),
    };
    let name = path.unwrap_or("stdin").to_string();
    let mut reader = BufReader::with_capacity(1 << 20, reader);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(a.jobs.unwrap_or(0))
        .build()
        .context("starting worker threads")?;
    let opts = Options {
        only,
        ..Options::default()
    };
    let progress = match size {
        Some(n) if std::io::stderr().is_terminal() => {
            let bar = indicatif::ProgressBar::new(n);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
                )
                .expect("valid template"),
            );
            Some(bar)
        }
        _ => None,
    };
    let mut sink = Sink::open(a.output.as_deref())?;
    let mut errors_sink = match &a.errors {
        Some(p) => Some(Sink::open(Some(p))?),
        None => None,
    };
    if a.format == BatchFormat::Csv {
        let mut w = ::csv::Writer::from_writer(Vec::new());
        w.write_record(csv_header()).expect("write to memory");
        sink.out
            .write_all(&w.into_inner().expect("flush to memory"))?;
    }
    let (mut read, mut compared, mut failed, mut findings, mut discrepancy) =
        (0usize, 0usize, 0usize, 0usize, false);
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    loop {
        // Read a chunk of lines; a line that is not UTF-8 becomes that line's error.
        let mut chunk: Vec<(usize, Result<String, LineError>)> = Vec::with_capacity(CHUNK);
        while chunk.len() < CHUNK {
            buf.clear();
            let n = reader
                .read_until(b'\n', &mut buf)
                .with_context(|| format!("{name}: cannot read after line {line_no}"))?;
            if n == 0 {
                break;
            }
            if let Some(bar) = &progress {
                bar.inc(n as u64);
            }
            line_no += 1;
            while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                buf.pop();
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let text = String::from_utf8(std::mem::take(&mut buf)).map_err(|e| LineError {
                line: line_no,
                event_id: None,
                message: format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
            });
            chunk.push((line_no, text));
        }
        if chunk.is_empty() {
            break;
        }
        read += chunk.len();
        let results: Vec<Result<EventOutput, LineError>> = pool.install(|| {
            chunk
                .into_par_iter()
                .map(|(n, text)| {
                    let (id, cmp) = compare_line(&text?, n)?;
                    let mut out = Vec::new();
                    match a.format {
                        BatchFormat::Jsonl => jsonl(&id, &cmp, &opts, &mut out),
                        BatchFormat::Csv => csv_rows(&id, &cmp, &opts, &mut out),
                    }
                    let shown = cmp.findings.iter().filter(|f| opts.keeps(f)).count();
                    let disc = cmp
                        .findings
                        .iter()
                        .any(|f| f.kind == corroborate::FindingKind::Discrepancy && opts.keeps(f));
                    Ok((out, shown, disc))
                })
                .collect()
        });
        for r in results {
            match r {
                Ok((bytes, n, disc)) => {
                    sink.out.write_all(&bytes).context("writing output")?;
                    compared += 1;
                    findings += n;
                    discrepancy |= disc;
                }
                Err(e) => {
                    failed += 1;
                    eprintln!("corroborate: {name}: {e}");
                    if let Some(s) = errors_sink.as_mut() {
                        serde_json::to_writer(&mut s.out, &e)?;
                        s.out.write_all(b"\n")?;
                    }
                }
            }
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    sink.commit()?;
    if let Some(s) = errors_sink {
        s.commit()?;
    }
    eprintln!("corroborate: batch: {read} events read, {compared} compared, {failed} failed, {findings} findings");
    if failed > 0 {
        anyhow::bail!("{failed} of {read} events in {name} failed (see the errors above)");
    }
    Ok(discrepancy)
}
