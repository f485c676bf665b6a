//! Score the sentence splitter on external test suites (JSONL: `text`, `sentences`, `lang`).
//!
//! ```text
//! cargo run --release --example eval_sbd -- [-v] [--detect] [--cli target/release/corroborate] [DIR_OR_FILE…]
//! cargo run --release --example eval_sbd -- --bench FILE [--lang en]
//! ```
//! Default input: `shared/eval/sbd_golden_rules` beside the crate or one of its parents. Records whose
//! expected sentences are not substrings of the text up to whitespace
//! (`ws_normalized_substrings: false`) are skipped: a splitter that never rewrites its input
//! cannot produce them. Expected and produced sentences are compared after collapsing
//! whitespace runs to one space. Sentences come from the library path `corroborate sentences`
//! takes (normalize, split, slice the original); with `--cli BIN` from running that binary on
//! every record (`sentences - --lang CODE`), each line checked to slice the input. A record
//! whose upstream setting is `doc_type: pdf` is split with `--wrapped`, the same setting.
//! `--detect` leaves the language to detection instead of the record's `lang`.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use corroborate::segment::{detect, split, Lang, Options};
use corroborate::NormalizedText;

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Default)]
struct Score {
    passed: usize,
    total: usize,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v" || a == "--verbose");
    if let Some(p) = args.iter().position(|a| a == "--bench") {
        let file = args.get(p + 1).expect("--bench FILE");
        let lang = args
            .iter()
            .position(|a| a == "--lang")
            .and_then(|q| args.get(q + 1))
            .and_then(|c| Lang::from_code(c));
        bench(Path::new(file), lang);
        return;
    }
    let mut inputs: Vec<PathBuf> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !a.starts_with('-') && (*i == 0 || args[i - 1] != "--cli"))
        .map(|(_, a)| PathBuf::from(a))
        .collect();
    if inputs.is_empty() {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        let root = here
            .ancestors()
            .skip(1)
            .map(|a| a.join("shared/eval/sbd_golden_rules"))
            .find(|p| p.is_dir())
            .unwrap_or_else(|| here.join("../shared/eval/sbd_golden_rules"));
        inputs.push(root);
    }
    let mut files = Vec::new();
    for p in inputs {
        if p.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(&p)
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
                .collect();
            v.sort();
            files.extend(v);
        } else {
            files.push(p);
        }
    }
    // `--cli BIN`: score what the binary prints instead of calling the library.
    let cli = args
        .iter()
        .position(|a| a == "--cli")
        .map(|p| PathBuf::from(args.get(p + 1).expect("--cli BIN")));
    let detect_lang = args.iter().any(|a| a == "--detect");
    for f in files {
        eval_file(&f, verbose, cli.as_deref(), detect_lang);
    }
}

/// The sentences `corroborate sentences - --lang CODE` prints for `text`, checked to slice it.
fn run_cli(bin: &Path, text: &str, code: Option<&str>, wrapped: bool) -> Vec<String> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut cmd = Command::new(bin);
    cmd.args(["sentences", "-"]);
    if let Some(code) = code {
        cmd.args(["--lang", code]);
    }
    if wrapped {
        cmd.arg("--wrapped");
    }
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e}", bin.display()));
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("write to corroborate");
    let out = child.wait_with_output().expect("corroborate runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
            let (s, e) = (
                v["start"].as_u64().unwrap_or(0),
                v["end"].as_u64().unwrap_or(0),
            );
            let t = v["text"].as_str().unwrap_or("");
            assert_eq!(&text[s as usize..e as usize], t, "text is not the slice");
            collapse(t)
        })
        .collect()
}

fn eval_file(path: &Path, verbose: bool, cli: Option<&Path>, detect_lang: bool) {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut all = Score::default();
    let mut by_lang: BTreeMap<String, Score> = BTreeMap::new();
    let mut known = Score::default();
    let mut skipped = 0;
    let mut failing = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let r: serde_json::Value = serde_json::from_str(line).expect("JSON line");
        if r["ws_normalized_substrings"] == serde_json::Value::Bool(false) {
            skipped += 1;
            continue;
        }
        let id = r["id"].as_str().unwrap_or("?").to_string();
        let text = r["text"].as_str().unwrap_or("");
        let code = r["lang"].as_str().unwrap_or("en").to_string();
        let expected: Vec<String> = r["sentences"]
            .as_array()
            .map(|a| a.iter().filter_map(|s| s.as_str()).map(collapse).collect())
            .unwrap_or_default();
        let expected: Vec<String> = expected.into_iter().filter(|s| !s.is_empty()).collect();
        // `--detect`: leave the language to detection, as the CLI does without `--lang`.
        let lang = if detect_lang {
            None
        } else {
            Lang::from_code(&code)
        };
        // The record's upstream setting `doc_type: pdf` (hard-wrapped lines) is our `--wrapped`.
        let wrapped = r["options"]["doc_type"].as_str() == Some("pdf");
        let got: Vec<String> = match cli {
            Some(bin) => run_cli(bin, text, lang.map(Lang::code), wrapped),
            None => {
                // What `corroborate sentences` does: normalize, split, slice the original.
                let normalized = NormalizedText::new(text);
                corroborate::sentences_with(&normalized, lang, Options { wrapped })
                    .into_iter()
                    .map(|s| collapse(&text[s.original]))
                    .collect()
            }
        };
        let ok = got == expected;
        let ks = r["known_failing_upstream"] == serde_json::Value::Bool(true);
        for s in [&mut all, by_lang.entry(code.clone()).or_default()] {
            s.total += 1;
            s.passed += ok as usize;
        }
        if ks {
            known.total += 1;
            known.passed += ok as usize;
        }
        if !ok {
            failing.push((id, text.to_string(), expected, got));
        }
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    println!(
        "{name}: {}/{} ({:.1}%), {skipped} skipped, known-failing-upstream {}/{}",
        all.passed,
        all.total,
        pct(&all),
        known.passed,
        known.total
    );
    for (l, s) in &by_lang {
        println!("  {l}: {}/{} ({:.1}%)", s.passed, s.total, pct(s));
    }
    if verbose {
        for (id, text, exp, got) in &failing {
            // Show the first place where the two segmentations differ.
            let d = exp.iter().zip(got).take_while(|(a, b)| a == b).count();
            let short = |v: &[String]| -> Vec<String> {
                v.iter()
                    .skip(d)
                    .take(2)
                    .map(|s| s.chars().take(160).collect())
                    .collect()
            };
            let t: String = text.chars().take(200).collect();
            println!("  FAIL {id} (at sentence {d})\n    text: {t:?}");
            println!(
                "    expected: {:?}\n    got:      {:?}",
                short(exp),
                short(got)
            );
        }
    } else if !failing.is_empty() {
        let ids: Vec<&str> = failing.iter().map(|f| f.0.as_str()).collect();
        println!("  failing: {}", ids.join(" "));
    }
}

fn pct(s: &Score) -> f64 {
    if s.total == 0 {
        100.0
    } else {
        100.0 * s.passed as f64 / s.total as f64
    }
}

/// Split FILE (plain text; for JSONL, the `text` fields joined by blank lines) repeatedly and
/// print the throughput.
fn bench(path: &Path, lang: Option<Lang>) {
    let raw = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let text = if path.extension().is_some_and(|x| x == "jsonl") {
        raw.lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|r| r["text"].as_str().map(str::to_string))
            .collect::<Vec<_>>()
            .join("\n\n")
    } else {
        raw
    };
    let lang = lang.unwrap_or_else(|| detect(&text));
    // Repeat small inputs to at least 8 MB so the timing means something.
    let reps = (8_000_000 / text.len().max(1)).max(1);
    let big = vec![text.as_str(); reps].join("\n\n");
    let mut n = split(&big, lang).len();
    let rounds = 5;
    let t = Instant::now();
    for _ in 0..rounds {
        n = split(std::hint::black_box(&big), lang).len();
    }
    let secs = t.elapsed().as_secs_f64();
    let mb = (big.len() * rounds) as f64 / 1e6;
    println!(
        "{}: {:.1} MB in {:.3} s = {:.1} MB/s, {n} sentences per pass ({})",
        path.display(),
        mb,
        secs,
        mb / secs,
        lang.code()
    );
}
