//! `corroborate batch`: streams JSON Lines events through the pipeline in parallel chunks,
//! writing findings in input order; bad lines are reported and skipped, never dropped silently.

use super::output::Output;
use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use corroborate::batch::{
    catch_panic, compare_line, csv_header, csv_rows, jsonl, Line, LineError, LineReader,
};
use corroborate::report::Options;
use corroborate::FindingKind;
use rayon::prelude::*;
use std::fs::File;
use std::io::{BufReader, IsTerminal, Read, Write};
use std::path::Path;
use std::sync::mpsc::{sync_channel, Receiver};

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
    /// Also write error records into the output, in input order, as lines of kind `error`
    /// (JSON Lines: {"event_id","kind":"error","line","message"}; CSV: the message as
    /// explanation), so a consumer that sees only the output (Spark) loses nothing.
    #[arg(long)]
    pub inline_errors: bool,
    /// Exit 0 even when discrepancies are found or lines fail (failures are still reported);
    /// only a failed run (unreadable input, unwritable output) exits 2. For Spark and other
    /// drivers that treat any non-zero exit as a crash.
    #[arg(long)]
    pub exit_zero: bool,
    /// A longer line is skipped and reported as an error record, so one huge line cannot take
    /// unbounded memory.
    #[arg(long, value_name = "BYTES", default_value_t = 16 << 20)]
    pub max_line_bytes: usize,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// Only these kinds, comma-separated: agreement,discrepancy,unique.
    #[arg(long, value_delimiter = ',')]
    pub only: Vec<String>,
    /// Leave out findings below this confidence (0–1).
    #[arg(long, default_value_t = 0.0)]
    pub min_confidence: f64,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum BatchFormat {
    Jsonl,
    Csv,
}

/// One line's outcome, in input order: its output bytes, or why it failed.
enum Outcome {
    Compared {
        line: usize,
        event_id: String,
        bytes: Vec<u8>,
        findings: usize,
        discrepancy: bool,
        /// What the user should know about how the event was read (`line N (event e): …`).
        warnings: Vec<String>,
    },
    Failed(LineError),
}

/// Lines handed to the workers at once. A chunk ends at this many events or bytes, whichever
/// comes first; with two chunks queued ahead and two behind, memory stays flat.
const CHUNK_EVENTS: usize = 256;
const CHUNK_BYTES: usize = 4 << 20;
/// Chunks waiting between reader, workers and writer.
const QUEUE: usize = 2;

/// Prints a message on stderr, above the progress bar if there is one.
#[allow(clippy::print_stderr)]
fn say(bar: &Option<indicatif::ProgressBar>, msg: String) {
    match bar {
        Some(b) => b.suspend(|| eprintln!("{msg}")),
        None => eprintln!("{msg}"),
    }
}

/// The event ids seen so far, each with the line it was first seen on. Kept as 128-bit keyed
/// hashes (two SipHashes with random keys: no input can be made to collide on purpose), so
/// memory grows by a few bytes per event however long the ids are.
#[derive(Default)]
struct EventIds {
    keys: Option<(std::hash::RandomState, std::hash::RandomState)>,
    first: rustc_hash::FxHashMap<u128, usize>,
}

impl EventIds {
    /// The line `id` was first seen on, if before; else notes it as seen on `line`.
    fn first_seen(&mut self, id: &str, line: usize) -> Option<usize> {
        use std::hash::BuildHasher;
        let (a, b) = self
            .keys
            .get_or_insert_with(|| (Default::default(), Default::default()));
        let key = (u128::from(a.hash_one(id)) << 64) | u128::from(b.hash_one(id));
        match self.first.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(line);
                None
            }
        }
    }
}

/// Counts for the summary line.
#[derive(Default)]
struct Tally {
    read: usize,
    compared: usize,
    failed: usize,
    findings: usize,
    discrepancy: bool,
}

pub fn run(a: BatchArgs, only: Vec<FindingKind>) -> Result<bool> {
    if !(0.0..=1.0).contains(&a.min_confidence) {
        anyhow::bail!(
            "--min-confidence must be between 0 and 1, got {}",
            a.min_confidence
        );
    }
    if a.max_line_bytes == 0 {
        anyhow::bail!("--max-line-bytes must be at least 1");
    }
    let path = a.input.as_deref().filter(|p| *p != "-");
    let (reader, size): (Box<dyn Read + Send>, Option<u64>) = match path {
        Some(p) => {
            if Path::new(p).is_dir() {
                anyhow::bail!("{p}: is a directory, not a JSON Lines file");
            }
            let f = File::open(p).with_context(|| format!("{p}: cannot read"))?;
            // Only a regular file has a size worth a progress bar (not a pipe or /dev/stdin).
            let size = f.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
            (Box::new(f), size)
        }
        None => (Box::new(std::io::stdin()), None),
    };
    let name = path.unwrap_or("stdin").to_string();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(a.jobs.unwrap_or(0))
        .build()
        .context("starting worker threads")?;
    let opts = Options {
        only,
        min_confidence: a.min_confidence,
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
    let sink = Output::open(a.output.as_deref())?;
    let errors_sink = match &a.errors {
        Some(p) => Some(Output::open(Some(p))?),
        None => None,
    };

    // Reader thread → chunks → workers (this thread, through the pool) → writer thread, each
    // queue bounded, so reading, comparing and writing overlap and memory stays flat.
    let (chunk_tx, chunk_rx) = sync_channel::<Vec<Line>>(QUEUE);
    let (out_tx, out_rx) = sync_channel::<Vec<Outcome>>(QUEUE);
    let max_line = a.max_line_bytes;
    let reader_name = name.clone();
    let reader_bar = progress.clone();
    let reader = std::thread::spawn(move || -> Result<()> {
        let mut lines = LineReader::new(BufReader::with_capacity(1 << 20, reader), max_line);
        loop {
            let (mut chunk, mut bytes) = (Vec::with_capacity(CHUNK_EVENTS), 0);
            while chunk.len() < CHUNK_EVENTS && bytes < CHUNK_BYTES {
                let Some(line) = lines.next_line().with_context(|| {
                    format!(
                        "{reader_name}: cannot read after line {}",
                        lines.line_number()
                    )
                })?
                else {
                    break;
                };
                bytes += line.bytes;
                if let Some(bar) = &reader_bar {
                    bar.inc(line.bytes as u64);
                }
                chunk.push(line);
            }
            if chunk.is_empty() || chunk_tx.send(chunk).is_err() {
                return Ok(()); // end of input, or the writer stopped
            }
        }
    });
    let writer = {
        let (format, inline, name, bar) =
            (a.format, a.inline_errors, name.clone(), progress.clone());
        std::thread::spawn(move || write_all(out_rx, sink, errors_sink, format, inline, &name, bar))
    };
    for chunk in chunk_rx {
        let outcomes: Vec<Outcome> = pool.install(|| {
            chunk
                .into_par_iter()
                .map(|line| compare_one(line, a.format, &opts))
                .collect()
        });
        if out_tx.send(outcomes).is_err() {
            break; // the writer stopped (output closed or failed): say why below
        }
    }
    drop(out_tx);
    let written = writer.join().expect("writer thread");
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    // stdout closed early (`| head`): stop quietly, like compare, without waiting for the
    // reader, which may be blocked on a stdin that stays open.
    let Some((t, sink, errors_sink)) = written? else {
        return Ok(false);
    };
    // Output files land only when the whole input was read: a read error leaves none.
    reader.join().expect("reader thread")?;
    let mut sink = sink;
    sink.finish()?;
    if let Some(mut s) = errors_sink {
        s.finish()?;
    }
    #[allow(clippy::print_stderr)]
    {
        eprintln!(
            "corroborate: batch: {} events read, {} compared, {} failed, {} findings",
            t.read, t.compared, t.failed, t.findings
        );
    }
    if a.exit_zero {
        return Ok(false);
    }
    if t.failed > 0 {
        anyhow::bail!(
            "{} of {} events in {name} failed (see the errors above)",
            t.failed,
            t.read
        );
    }
    Ok(t.discrepancy)
}

fn compare_one(line: Line, format: BatchFormat, opts: &Options) -> Outcome {
    let number = line.number;
    // A panic on one event's text becomes its error record (the message is on stderr too).
    let result = catch_panic(number, || {
        line.text.and_then(|text| compare_line(&text, number))
    });
    match result {
        Err(e) => Outcome::Failed(e),
        Ok((id, cmp)) => {
            let mut bytes = Vec::new();
            match format {
                BatchFormat::Jsonl => jsonl(&id, &cmp, opts, &mut bytes),
                BatchFormat::Csv => csv_rows(&id, &cmp, opts, &mut bytes),
            }
            let kept = || cmp.findings.iter().filter(|f| opts.keeps(f));
            let warnings = cmp
                .analyses
                .iter()
                .flat_map(|a| &a.document.warnings)
                .map(|w| format!("line {number} (event {id}): report {w}"))
                .collect();
            Outcome::Compared {
                line: number,
                event_id: id,
                bytes,
                findings: kept().count(),
                discrepancy: kept().any(|f| f.kind == FindingKind::Discrepancy),
                warnings,
            }
        }
    }
}

/// Writes outcomes in order and hands back the sinks to commit; `Ok(None)` when stdout was
/// closed by its reader.
#[allow(clippy::print_stderr)]
fn write_all(
    rx: Receiver<Vec<Outcome>>,
    mut sink: Output,
    mut errors_sink: Option<Output>,
    format: BatchFormat,
    inline: bool,
    name: &str,
    bar: Option<indicatif::ProgressBar>,
) -> Result<Option<(Tally, Output, Option<Output>)>> {
    let mut t = Tally::default();
    let mut ids = EventIds::default();
    // Which output failed, and how.
    let result = (|| -> Result<(), (bool, std::io::Error)> {
        let out = |e| (false, e);
        if format == BatchFormat::Csv {
            let mut w = ::csv::Writer::from_writer(Vec::new());
            w.write_record(csv_header()).expect("write to memory");
            sink.write_all(&w.into_inner().expect("flush to memory"))
                .map_err(out)?;
        }
        let mut record = Vec::new();
        for outcomes in rx {
            for o in outcomes {
                t.read += 1;
                let failed = match o {
                    Outcome::Compared {
                        line,
                        event_id,
                        bytes,
                        findings,
                        discrepancy,
                        warnings,
                    } => match ids.first_seen(&event_id, line) {
                        Some(first) => LineError {
                            line,
                            message: format!(
                                "event id '{event_id}' was already used on line {first}; \
                                 this later event is not compared"
                            ),
                            event_id: Some(event_id),
                        },
                        None => {
                            for w in warnings {
                                say(&bar, format!("corroborate: warning: {name}: {w}"));
                            }
                            sink.write_all(&bytes).map_err(out)?;
                            t.compared += 1;
                            t.findings += findings;
                            t.discrepancy |= discrepancy;
                            continue;
                        }
                    },
                    Outcome::Failed(e) => {
                        if let Some(id) = &e.event_id {
                            ids.first_seen(id, e.line);
                        }
                        e
                    }
                };
                t.failed += 1;
                say(&bar, format!("corroborate: {name}: {failed}"));
                if let Some(s) = errors_sink.as_mut() {
                    record.clear();
                    failed.jsonl(&mut record);
                    s.write_all(&record).map_err(|e| (true, e))?;
                }
                if inline {
                    record.clear();
                    match format {
                        BatchFormat::Jsonl => failed.jsonl(&mut record),
                        BatchFormat::Csv => failed.csv_row(&mut record),
                    }
                    sink.write_all(&record).map_err(out)?;
                }
            }
        }
        Ok(())
    })();
    match result {
        Err((false, e)) if e.kind() == std::io::ErrorKind::BrokenPipe && sink.is_stdout() => {
            return Ok(None)
        }
        Err((false, e)) => return Err(sink.error(e)),
        Err((true, e)) => {
            return Err(match &errors_sink {
                Some(s) => s.error(e),
                None => anyhow::anyhow!("{e}"),
            })
        }
        Ok(()) => {}
    }
    Ok(Some((t, sink, errors_sink)))
}
