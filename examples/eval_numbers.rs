//! Scores quantity extraction on the external suites in `../shared/eval` (read from there,
//! never copied into this repo).
//!
//! `cargo run --release --example eval_numbers -- [-v] [--kinds] [FILE.jsonl …]`
//! Default: every Recognizers-Text file and quantulum3's quantities.jsonl, from the nearest
//! `shared/eval` beside the crate or one of its parents. `-v` prints each record with a miss
//! or a spurious extraction. `--kinds` adds, per suite, precision by the kind each extraction
//! was typed as, over every extraction that states a figure, in scope or not: what is typed
//! as a year, date, time, identifier or ordinal (never compared as an amount) shows there,
//! with how many of those the suite does expect as numbers.
//!
//! # What is scored
//! Each input goes through exactly what `corroborate claims` runs — [`analyze_with`] then
//! [`claim_lines`] — and the scorer reads the JSON lines it would print. Item-level precision,
//! recall and F1: an expected item is *found* when some extracted quantity has its value
//! (`value`, or `low` = `high` = the value for a range-free reading); an expected range is
//! found when an extraction has those bounds (`low`, `high`; null for unbounded; whether an
//! end is open or closed is not scored). An extracted quantity is *correct* when it matches
//! some expected item of its record; every other in-scope extraction is a false positive.
//!
//! # Conventions, the same for every record of a suite (never per record)
//! - Only quantities that state a figure (a value or a bound) are scored: dates, codes,
//!   phone numbers and addresses are typed with no figure and no suite can expect them.
//! - Vague amounts (`dozens`, `tens of thousands`) are never scored: no suite models them.
//! - Expected items whose value is not a number (`null` for "a percentage"; relative
//!   ordinals such as `end+0` for "last") are left out of the expected count.
//! - Each suite scores the kinds its upstream model recognizes; other kinds are out of scope
//!   (neither found nor spurious):
//!   - `number` (Recognizers NumberModel, cardinals anywhere): every kind except ordinals
//!     and clock times. Measures count: "180ml" is a spurious number there, as upstream
//!     expects nothing, and "3 years" is a found "3".
//!   - `numberrange`: quantities with a stated bound or range: `more than 40`, `up to 700`,
//!     `between 20 and 30`, `equals 20` (an explicit `exactly`); not `about`/`nearly`, which
//!     upstream does not model as bounds.
//!   - `currency`: money. `dimension`: measures of physical size (length, area, volume,
//!     mass, speed, information, angle, energy, pressure…) but not durations, temperatures
//!     or ages, which upstream models separately. `percent`: percent and percentage points
//!     (the value is the number before the sign: 3.5 for "3.5%"). `ordinal`: ordinals
//!     ("third" → 3). `temperature`: measures whose dimension is a temperature. `age`: ages.
//!   - quantulum3 `quantities`: every kind except ordinals, clock times and dates (quantulum3
//!     takes years and identifiers as dimensionless numbers). A range is expected as its
//!     bounds, value ± uncertainty ("3 to 4 L" is 3.5 ± 0.5, scored as low 3, high 4). Where
//!     quantulum3 names a unit the extraction must have the same unit (names mapped from
//!     quantulum3's vocabulary to ours: dollar → USD, pound sterling → GBP, …); where it says
//!     "dimensionless" the extraction must have no unit.

use corroborate::report::json::claim_lines;
use corroborate::{analyze_with, Detail, Document};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What one expected item says: a point value or an interval, and for quantulum3 a unit.
#[derive(Debug, Clone, PartialEq)]
struct Want {
    value: Bound,
    /// `Some(None)`: must have no unit; `Some(Some(name))`: must have this unit.
    unit: Option<Option<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Bound {
    Point(f64),
    Range(Option<f64>, Option<f64>),
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

fn parse_bound(v: &Value) -> Option<Bound> {
    match v {
        Value::Number(n) => n.as_f64().map(Bound::Point),
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
                Some(Bound::Range(p(lo)?, p(hi)?))
            } else {
                s.trim_end_matches('%')
                    .trim()
                    .parse()
                    .ok()
                    .map(Bound::Point)
            }
        }
        _ => None,
    }
}

/// quantulum3's unit names in our vocabulary, where the two differ.
fn our_unit_name(q3: &str) -> String {
    let l = q3.to_lowercase();
    let mapped = match l.as_str() {
        "dollar" => "usd",
        "euro" => "eur",
        "pound sterling" => "gbp",
        "japanese yen" => "jpy",
        "pound-mass" => "pound",
        "percentage" => "percent",
        "cubic centimetre" => "millilitre",
        _ => return l.replace("dollar", "usd").replace("euro", "eur"),
    };
    mapped.to_string()
}

fn unit_matches(want: &Option<Option<String>>, q: &Value) -> bool {
    let got = q["unit"].as_str().map(|u| u.to_lowercase());
    match want {
        None => true,
        Some(None) => got.is_none(),
        Some(Some(name)) => {
            let got = got.map(|g| g.replace("cubic centimetre", "millilitre"));
            got.as_deref() == Some(our_unit_name(name).as_str())
        }
    }
}

fn hit(want: &Want, q: &Value) -> bool {
    let f = |k: &str| q[k].as_f64();
    let value_ok = match want.value {
        Bound::Point(v) => {
            f("value").is_some_and(|x| close(x, v))
                || (f("value").is_none()
                    && f("low")
                        .zip(f("high"))
                        .is_some_and(|(l, h)| close(l, v) && close(h, v)))
        }
        Bound::Range(lo, hi) => {
            let same = |w: Option<f64>, g: Option<f64>| match (w, g) {
                (None, None) => true,
                (Some(w), Some(g)) => close(w, g),
                _ => false,
            };
            same(lo, f("low")) && same(hi, f("high"))
        }
    };
    value_ok && unit_matches(&want.unit, q)
}

/// Whether an extraction states a figure (a value or a bound) and is not a vague amount.
fn states_figure(q: &Value) -> bool {
    let stated = !q["value"].is_null() || !q["low"].is_null() || !q["high"].is_null();
    stated && q["hedge"].as_str() != Some("vague")
}

/// Whether an extracted quantity is one the suite's upstream model would recognize.
fn in_scope(suite: &str, q: &Value) -> bool {
    let kind = q["kind"].as_str().unwrap_or("");
    let hedge = q["hedge"].as_str().unwrap_or("");
    let dimension = q["dimension"].as_str().unwrap_or("");
    if !states_figure(q) {
        return false;
    }
    match suite {
        "number" => !matches!(kind, "ordinal" | "time"),
        "numberrange" => !matches!(hedge, "exact" | "approx" | "nearly"),
        "currency" => kind == "money",
        "dimension" => {
            kind == "measure"
                && !dimension.starts_with("temperature")
                && dimension != "duration"
                && dimension != "degree"
        }
        "percent" => matches!(kind, "percent" | "percentage_points"),
        "ordinal" => kind == "ordinal",
        "temperature" => kind == "measure" && dimension.starts_with("temperature"),
        "age" => kind == "age",
        _ => !matches!(kind, "ordinal" | "time" | "date"),
    }
}

#[derive(Default)]
struct Score {
    expected: usize,
    found: usize,
    extracted: usize,
    correct: usize,
    /// Per kind, over every extraction stating a figure (in scope or not): how many, and how
    /// many match an expected item.
    by_kind: BTreeMap<String, (usize, usize)>,
}

impl Score {
    fn f1(&self) -> (f64, f64, f64) {
        let p = if self.extracted == 0 {
            1.0
        } else {
            self.correct as f64 / self.extracted as f64
        };
        let r = if self.expected == 0 {
            1.0
        } else {
            self.found as f64 / self.expected as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

/// Exactly what `corroborate claims` prints for `input`, as JSON values.
fn claims(input: &str) -> Vec<Value> {
    if input.trim().is_empty() {
        return Vec::new();
    }
    let a = analyze_with(
        Document::from_text("eval", "eval", input),
        None,
        Detail::Claims,
    );
    claim_lines(&a)
        .map(|l| serde_json::to_value(l).expect("serializable"))
        .collect()
}

fn wants(rec: &Value, quantulum: bool) -> Vec<Want> {
    rec["expected"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| {
            let mut value = parse_bound(&e["value"])?;
            let mut unit = None;
            if quantulum {
                if let (Bound::Point(v), Some(u)) = (value, e["uncertainty"].as_f64()) {
                    if u > 0.0 {
                        value = Bound::Range(Some(v - u), Some(v + u));
                    }
                }
                unit = e["unit"]
                    .as_str()
                    .map(|u| (u != "dimensionless").then(|| u.to_string()));
            }
            Some(Want { value, unit })
        })
        .collect()
}

fn score_file(path: &Path, verbose: bool) -> Score {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let name = path.file_stem().unwrap().to_string_lossy().to_string();
    let quantulum = path.to_string_lossy().contains("quantulum3");
    let suite = if quantulum {
        "quantulum3"
    } else {
        name.as_str()
    };
    let mut total = Score::default();
    for (n, line) in text.lines().enumerate() {
        let rec: Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), n + 1));
        let input = rec["input"].as_str().or(rec["text"].as_str()).unwrap_or("");
        let wants = wants(&rec, quantulum);
        let all: Vec<Value> = claims(input)
            .into_iter()
            .map(|l| l["quantity"].clone())
            .collect();
        for q in all.iter().filter(|q| states_figure(q)) {
            let kind = q["kind"].as_str().unwrap_or("?").to_string();
            let e = total.by_kind.entry(kind).or_default();
            e.0 += 1;
            e.1 += usize::from(wants.iter().any(|w| hit(w, q)));
        }
        let got: Vec<Value> = all.into_iter().filter(|q| in_scope(suite, q)).collect();
        let found = wants
            .iter()
            .filter(|w| got.iter().any(|q| hit(w, q)))
            .count();
        let correct = got
            .iter()
            .filter(|q| wants.iter().any(|w| hit(w, q)))
            .count();
        if verbose && (found < wants.len() || correct < got.len()) {
            let gv: Vec<String> = got
                .iter()
                .map(|q| {
                    format!(
                        "{}={}[{},{}]{}",
                        q["text"],
                        q["value"],
                        q["low"],
                        q["high"],
                        q["unit"]
                            .as_str()
                            .map(|u| format!(" {u}"))
                            .unwrap_or_default()
                    )
                })
                .collect();
            println!(
                "  {} {:?}\n    want {:?}\n    got  {}",
                rec["id"].as_str().unwrap_or(""),
                input,
                wants
                    .iter()
                    .map(|w| match &w.unit {
                        Some(Some(u)) => format!("{:?} {u}", w.value),
                        _ => format!("{:?}", w.value),
                    })
                    .collect::<Vec<_>>(),
                gv.join(" ")
            );
        }
        total.expected += wants.len();
        total.found += found;
        total.extracted += got.len();
        total.correct += correct;
    }
    total
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let kinds = args.iter().any(|a| a == "--kinds");
    let mut files: Vec<PathBuf> = args
        .iter()
        .filter(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .collect();
    if files.is_empty() {
        let root = eval_root();
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
        if kinds {
            print_kinds(&s);
        }
    }
}

/// Kinds never compared as amounts: a suite that expects their figures as numbers sees them
/// as misses, by design.
const NOT_AMOUNTS: &[&str] = &["year", "date", "time", "identifier", "ordinal"];

fn print_kinds(s: &Score) {
    for (kind, (n, ok)) in &s.by_kind {
        let mark = if NOT_AMOUNTS.contains(&kind.as_str()) {
            "  (not an amount)"
        } else {
            ""
        };
        println!(
            "    {kind:<20} precision {:>6.3}  {ok:>5}/{n:<5}{mark}",
            *ok as f64 / (*n).max(1) as f64
        );
    }
}

/// `shared/eval` beside the crate or beside one of its parents (worktrees sit deeper than
/// the main checkout).
fn eval_root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.ancestors()
        .skip(1)
        .map(|a| a.join("shared/eval"))
        .find(|p| p.is_dir())
        .unwrap_or_else(|| here.join("../shared/eval"))
}
