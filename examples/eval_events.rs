//! Scores the CLI on hand-labelled real news: the ECB+ events of
//! `../shared/eval/ecbplus_events/gold` (read from there, never copied into the repo), with the
//! matching rules of that folder's `score.py`, per event, per half of the fixed split in
//! `examples/ecbplus_split.tsv` (rules are fitted on `tune`; `test` is only quoted) and in total.
//!
//! ```sh
//! cargo build --release && cargo run --release --example eval_events
//! cargo run --release --example eval_events -- --causes      # why each missed item was missed
//! cargo run --release --example eval_events -- --three       # a, b and c compared at once
//! cargo run --release --example eval_events -- -v --half tune
//! ```
//!
//! Options: `--bin PATH` (default `target/release/corroborate`), `--gold DIR`, `--half
//! tune|test|all`, `-v` (every miss, false discrepancy and unlisted agreement), `--causes`
//! (each missed agreement or discrepancy classed: a figure not extracted on one side, both
//! extracted but never paired, or paired and judged the other way), `--three` (the third,
//! unlabelled report joins the comparison; items are still scored on a and b: three reports must
//! not make more false discrepancies than two).

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

struct Options {
    bin: PathBuf,
    gold: PathBuf,
    half: String,
    verbose: bool,
    causes: bool,
    three: bool,
}

fn options() -> Options {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut o = Options {
        bin: root.join("target/release/corroborate"),
        gold: root.join("../shared/eval/ecbplus_events/gold"),
        half: "all".into(),
        verbose: false,
        causes: false,
        three: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bin" => o.bin = args.next().expect("--bin PATH").into(),
            "--gold" => o.gold = args.next().expect("--gold DIR").into(),
            "--half" => o.half = args.next().expect("--half tune|test|all"),
            "-v" | "--verbose" => o.verbose = true,
            "--causes" => o.causes = true,
            "--three" => o.three = true,
            other => panic!("unknown option {other}"),
        }
    }
    o
}

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A gold item: kind, the two sentence substrings and figure substrings, and its description.
struct Gold {
    kind: String,
    what: String,
    a: Option<String>,
    b: Option<String>,
    qa: Option<String>,
    qb: Option<String>,
}

impl Gold {
    fn side(&self, side: char) -> (Option<&str>, Option<&str>) {
        if side == 'a' {
            (self.a.as_deref(), self.qa.as_deref())
        } else {
            (self.b.as_deref(), self.qb.as_deref())
        }
    }
}

fn gold(dir: &Path) -> Vec<Gold> {
    let text = std::fs::read_to_string(dir.join("gold.json")).expect("gold.json");
    let v: Value = serde_json::from_str(&text).expect("gold.json is JSON");
    let s = |f: &Value, k: &str| f[k].as_str().filter(|s| !s.is_empty()).map(str::to_string);
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| Gold {
            kind: s(f, "kind").expect("kind"),
            what: s(f, "what").unwrap_or_default(),
            a: s(f, "a"),
            b: s(f, "b"),
            qa: s(f, "qa"),
            qb: s(f, "qb"),
        })
        .collect()
}

/// One claim of the tool's output, reduced to what matching needs.
struct Claim {
    side: char,
    sentence: String,
    figure: String,
    role: bool,
}

impl Claim {
    fn matches(&self, sentence: Option<&str>, figure: Option<&str>) -> bool {
        sentence.is_none_or(|s| self.sentence.contains(&norm(s)))
            && figure.is_none_or(|q| self.figure.contains(&norm(q)))
    }
}

struct Finding {
    kind: String,
    confidence: f64,
    claims: Vec<Claim>,
}

impl Finding {
    fn has(&self, g: &Gold, side: char) -> bool {
        let (s, q) = g.side(side);
        self.claims
            .iter()
            .any(|c| c.side == side && c.matches(s, q))
    }

    /// `score.py`'s rule: the same kind, and a claim matching each side the item names.
    fn hits(&self, g: &Gold, kind: &str) -> bool {
        self.kind == kind
            && ['a', 'b']
                .iter()
                .all(|&s| g.side(s).0.is_none() || self.has(g, s))
    }

    fn sides(&self) -> (bool, bool) {
        (
            self.claims.iter().any(|c| c.side == 'a'),
            self.claims.iter().any(|c| c.side == 'b'),
        )
    }

    fn figures(&self) -> String {
        self.claims
            .iter()
            .map(|c| format!("{}:{}", c.side, c.figure))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

fn run(bin: &Path, args: &[&Path]) -> Result<Value, String> {
    let out = Command::new(bin)
        .arg("compare")
        .args(args)
        .args(["--format", "json"])
        .output()
        .map_err(|e| format!("{}: {e}", bin.display()))?;
    serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

fn findings(out: &Value) -> Vec<Finding> {
    let mut side = BTreeMap::new();
    for s in out["sources"].as_array().into_iter().flatten() {
        let path = s["path"].as_str().unwrap_or("");
        let name = Path::new(path)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("");
        side.insert(
            s["id"].as_str().unwrap_or("").to_string(),
            name.chars().next().unwrap_or('?'),
        );
    }
    out["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| Finding {
            kind: f["kind"].as_str().unwrap_or("").to_string(),
            confidence: f["confidence"].as_f64().unwrap_or(0.0),
            claims: f["claims"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|c| Claim {
                    side: side
                        .get(c["source"].as_str().unwrap_or(""))
                        .copied()
                        .unwrap_or('?'),
                    sentence: norm(c["sentence"].as_str().unwrap_or("")),
                    figure: norm(
                        c["quantity"]["text"]
                            .as_str()
                            .or(c["role"]["text"].as_str())
                            .unwrap_or(""),
                    ),
                    role: !c["role"].is_null(),
                })
                .collect(),
        })
        .collect()
}

/// Every figure `claims` extracts from a report, as (sentence, figure) pairs.
fn extracted(bin: &Path, path: &Path) -> Vec<(String, String)> {
    let out = Command::new(bin)
        .arg("claims")
        .arg(path)
        .output()
        .expect("claims runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .map(|v| {
            (
                norm(v["sentence"].as_str().unwrap_or("")),
                norm(v["quantity"]["text"].as_str().unwrap_or("")),
            )
        })
        .collect()
}

#[derive(Default, Clone)]
struct Tally {
    items: BTreeMap<String, (usize, usize)>,
    tool_disc: usize,
    tool_disc_hit: usize,
    tool_agree: usize,
    tool_agree_hit: usize,
    false_alarms: usize,
    /// Discrepancies given confidence ≥ 0.8: (all, real).
    confident_disc: (usize, usize),
    causes: BTreeMap<&'static str, usize>,
    errors: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        for (k, (h, n)) in &o.items {
            let e = self.items.entry(k.clone()).or_default();
            e.0 += h;
            e.1 += n;
        }
        for (k, n) in &o.causes {
            *self.causes.entry(k).or_default() += n;
        }
        self.tool_disc += o.tool_disc;
        self.tool_disc_hit += o.tool_disc_hit;
        self.tool_agree += o.tool_agree;
        self.tool_agree_hit += o.tool_agree_hit;
        self.false_alarms += o.false_alarms;
        self.confident_disc.0 += o.confident_disc.0;
        self.confident_disc.1 += o.confident_disc.1;
        self.errors += o.errors;
    }

    fn rate(&self, kind: &str) -> String {
        let (h, n) = self.items.get(kind).copied().unwrap_or_default();
        ratio(h, n)
    }

    fn line(&self) -> String {
        let hits: usize = self.items.values().map(|v| v.0).sum();
        let all: usize = self.items.values().map(|v| v.1).sum();
        format!(
            "disc_recall={} disc_precision={} agree_recall={} agree_precision={} \
             not_agreement={} unique_recall={} false_alarms={} hits={hits}/{all} tool_disc={} \
             tool_agree={} disc≥0.8: {}/{} real errors={}",
            self.rate("discrepancy"),
            ratio(self.tool_disc_hit, self.tool_disc),
            self.rate("agreement"),
            ratio(self.tool_agree_hit, self.tool_agree),
            self.rate("not_agreement"),
            self.rate("unique"),
            self.false_alarms,
            self.tool_disc,
            self.tool_agree,
            self.confident_disc.1,
            self.confident_disc.0,
            self.errors,
        )
    }
}

fn ratio(h: usize, n: usize) -> String {
    if n == 0 {
        "-".into()
    } else {
        format!("{:.2} ({h}/{n})", h as f64 / n as f64)
    }
}

fn score_event(o: &Options, dir: &Path, ev: &str) -> Tally {
    let mut t = Tally::default();
    let gold = gold(dir);
    let (a, b, c) = (dir.join("a.txt"), dir.join("b.txt"), dir.join("c.txt"));
    let mut args = vec![a.as_path(), b.as_path()];
    if o.three && c.exists() {
        args.push(&c);
    }
    let found = match run(&o.bin, &args) {
        Ok(v) => findings(&v),
        Err(e) => {
            println!("{ev}: ERROR {e}");
            t.errors += 1;
            for g in &gold {
                t.items.entry(g.kind.clone()).or_default().1 += 1;
            }
            return t;
        }
    };
    let claims = o
        .causes
        .then(|| (extracted(&o.bin, &a), extracted(&o.bin, &b)));
    for g in &gold {
        let hit = if g.kind == "not_agreement" {
            !found.iter().any(|f| f.hits(g, "agreement"))
        } else {
            found.iter().any(|f| f.hits(g, &g.kind))
        };
        let e = t.items.entry(g.kind.clone()).or_default();
        e.0 += hit as usize;
        e.1 += 1;
        let mut cause = "";
        if !hit && matches!(g.kind.as_str(), "agreement" | "discrepancy") {
            if let Some((ca, cb)) = &claims {
                let role = g.qa.is_none() && g.qb.is_none();
                let on = |side: char, list: &[(String, String)]| {
                    let (s, q) = g.side(side);
                    if role {
                        found.iter().any(|f| {
                            f.claims
                                .iter()
                                .any(|c| c.role && c.side == side && c.matches(s, None))
                        })
                    } else {
                        list.iter().any(|(sent, fig)| {
                            s.is_none_or(|s| sent.contains(&norm(s)))
                                && q.is_none_or(|q| fig.contains(&norm(q)))
                        })
                    }
                };
                cause = match (on('a', ca), on('b', cb)) {
                    (false, false) => "both sides not extracted",
                    (false, true) => "one side not extracted",
                    (true, false) => "one side not extracted",
                    (true, true) => {
                        if found.iter().any(|f| f.has(g, 'a') && f.has(g, 'b')) {
                            "paired, judged the other way"
                        } else {
                            "extracted, not paired"
                        }
                    }
                };
                *t.causes.entry(cause).or_default() += 1;
            }
        }
        if o.verbose || !hit {
            let mark = if hit { "HIT " } else { "MISS" };
            let cause = if cause.is_empty() {
                String::new()
            } else {
                format!("  [{cause}]")
            };
            if o.verbose || o.causes {
                println!("{ev}: {mark} {:<13} {}{cause}", g.kind, g.what);
            }
        }
    }
    for f in &found {
        let (fa, fb) = f.sides();
        if f.kind == "agreement" && fa && fb {
            t.tool_agree += 1;
            let real = gold
                .iter()
                .any(|g| g.kind == "agreement" && f.hits(g, "agreement"));
            t.tool_agree_hit += real as usize;
            if !real && o.verbose {
                println!("{ev}: unlisted agreement [{}]", f.figures());
            }
        }
        if f.kind != "discrepancy" {
            continue;
        }
        t.tool_disc += 1;
        let real = gold
            .iter()
            .any(|g| g.kind == "discrepancy" && f.hits(g, "discrepancy"));
        t.tool_disc_hit += real as usize;
        if f.confidence >= 0.8 {
            t.confident_disc.0 += 1;
            t.confident_disc.1 += real as usize;
        }
        if real && o.verbose {
            println!(
                "{ev}: real discrepancy ({:.2}) [{}]",
                f.confidence,
                f.figures()
            );
        }
        if !real {
            let alarm = gold
                .iter()
                .any(|g| g.kind == "agreement" && f.hits(g, "discrepancy"));
            t.false_alarms += alarm as usize;
            if o.verbose || o.causes {
                let what = if alarm { "FALSE-ALARM" } else { "false" };
                println!(
                    "{ev}: {what} discrepancy ({:.2}) [{}]",
                    f.confidence,
                    f.figures()
                );
            }
        }
    }
    t
}

fn main() {
    let o = options();
    if !o.gold.exists() {
        println!("{} is absent: nothing to score", o.gold.display());
        return;
    }
    if !o.bin.exists() {
        println!(
            "{} is absent: build it first (cargo build --release)",
            o.bin.display()
        );
        std::process::exit(2);
    }
    let split = include_str!("ecbplus_split.tsv");
    let halves: BTreeMap<&str, &str> = split
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(h, e)| (e, h))
        .collect();
    let mut events: Vec<String> = std::fs::read_dir(&o.gold)
        .expect("gold dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("gold.json").exists())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    events.sort();
    let mut per_half: BTreeMap<&str, Tally> = BTreeMap::new();
    for ev in &events {
        let half = halves.get(ev.as_str()).copied().unwrap_or("unsplit");
        if o.half != "all" && o.half != half {
            continue;
        }
        let t = score_event(&o, &o.gold.join(ev), ev);
        println!("{ev} [{half}]: {}", t.line());
        per_half.entry(half).or_default().add(&t);
    }
    let mut total = Tally::default();
    for (half, t) in &per_half {
        println!("== {half}: {}", t.line());
        total.add(t);
    }
    println!("== all: {}", total.line());
    if o.causes {
        for (cause, n) in &total.causes {
            println!("   missed agreement/discrepancy, {cause}: {n}");
        }
    }
}
