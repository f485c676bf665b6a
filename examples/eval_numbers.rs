//! Scores quantity extraction on the external suites in `../shared/eval` (never copied into
//! this repo): item-level precision, recall and F1, where an expected value counts as found
//! when an extracted quantity has that value (ranges: those bounds, null for unbounded).
//!
//! `cargo run --release --example eval_numbers -- [FILE.jsonl …]`
//! Default: every Recognizers-Text file and quantulum3's quantities.jsonl.

use corroborate::report::json::quantity;
use corroborate::{analyze, Document};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// What one expected item says: a point value or an interval.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Want {
    Point(f64),
    Range(Option<f64>, Option<f64>),
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

fn parse_want(v: &Value) -> Option<Want> {
    match v {
        Value::Number(n) => n.as_f64().map(Want::Point),
        Value::String(s) => {
            let s = s.trim();
            if let Some(inner) = s
                .strip_prefix(['(', '['])
                .and_then(|r| r.strip_suffix([')', ']']))
            {
                let (lo, hi) = inner.split_once(',')?;
                let p = |x: &str| {
                    if x.trim().is_empty() {
                        Some(None)
                    } else {
                        x.trim().parse().ok().map(Some)
                    }
                };
                Some(Want::Range(p(lo)?, p(hi)?))
            } else {
                s.trim_end_matches('%').trim().parse().ok().map(Want::Point)
            }
        }
        _ => None,
    }
}

fn hit(want: Want, q: &Value) -> bool {
    let f = |k: &str| q[k].as_f64();
    match want {
        Want::Point(v) => {
            f("value").is_some_and(|x| close(x, v))
                || (f("value").is_none()
                    && f("low")
                        .zip(f("high"))
                        .is_some_and(|(l, h)| close(l, v) && close(h, v)))
        }
        Want::Range(lo, hi) => {
            let ok = |want: Option<f64>, got: Option<f64>| match (want, got) {
                (None, None) => true,
                (Some(w), Some(g)) => close(w, g),
                (Some(w), None) => {
                    lo.is_some()
                        && hi.is_none()
                        && f("value").is_some_and(|v| close(v, w))
                        && want == lo
                }
                _ => false,
            };
            ok(lo, f("low")) && ok(hi, f("high"))
        }
    }
}

#[derive(Default)]
struct Score {
    expected: usize,
    found: usize,
    extracted: usize,
    correct: usize,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.expected += o.expected;
        self.found += o.found;
        self.extracted += o.extracted;
        self.correct += o.correct;
    }
    fn f1(&self) -> (f64, f64, f64) {
        let p = if self.extracted == 0 {
            0.0
        } else {
            self.correct as f64 / self.extracted as f64
        };
        let r = if self.expected == 0 {
            1.0
        } else {
            self.found as f64 / self.expected as f64
        };
        (
            p,
            r,
            if p + r == 0.0 {
                0.0
            } else {
                2.0 * p * r / (p + r)
            },
        )
    }
}

fn score_file(path: &Path, verbose: bool) -> Score {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut total = Score::default();
    for (n, line) in text.lines().enumerate() {
        let rec: Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), n + 1));
        let input = rec["input"].as_str().or(rec["text"].as_str()).unwrap_or("");
        let wants: Vec<Want> = rec["expected"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| parse_want(&e["value"]))
            .collect();
        let got: Vec<Value> = if input.trim().is_empty() {
            Vec::new()
        } else {
            let a = analyze(Document::from_text("eval", "eval", input), None);
            a.claims
                .iter()
                .map(|c| serde_json::to_value(quantity(&a, c)).unwrap())
                .collect()
        };
        let mut s = Score {
            expected: wants.len(),
            extracted: got.len(),
            ..Default::default()
        };
        s.found = wants
            .iter()
            .filter(|w| got.iter().any(|q| hit(**w, q)))
            .count();
        s.correct = got
            .iter()
            .filter(|q| wants.iter().any(|w| hit(*w, q)))
            .count();
        if verbose && (s.found < s.expected || s.correct < s.extracted) {
            let gv: Vec<String> = got
                .iter()
                .map(|q| format!("{}={}[{},{}]", q["text"], q["value"], q["low"], q["high"]))
                .collect();
            println!(
                "  {} {:?}\n    want {:?}\n    got  {}",
                rec["id"],
                input,
                wants,
                gv.join(" ")
            );
        }
        total.add(&s);
    }
    total
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let mut files: Vec<PathBuf> = args
        .iter()
        .filter(|a| *a != "-v")
        .map(PathBuf::from)
        .collect();
    if files.is_empty() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
        for f in [
            "number",
            "numberrange",
            "currency",
            "dimension",
            "percent",
            "ordinal",
            "temperature",
            "age",
        ] {
            files.push(root.join(format!("recognizers_text_en/{f}.jsonl")));
        }
        files.push(root.join("quantulum3_en/quantities.jsonl"));
    }
    println!(
        "{:<40} {:>9} {:>9} {:>9}  found/expected  correct/extracted",
        "suite", "precision", "recall", "F1"
    );
    for f in files {
        if !f.exists() {
            println!(
                "{:<40} missing (the suites live in ../shared/eval)",
                f.display()
            );
            continue;
        }
        let s = score_file(&f, verbose);
        let (p, r, f1) = s.f1();
        let name = f.file_name().unwrap().to_string_lossy();
        println!(
            "{name:<40} {p:>9.3} {r:>9.3} {f1:>9.3}  {:>6}/{:<6}  {:>6}/{}",
            s.found, s.expected, s.correct, s.extracted
        );
    }
}
