//! Time to render one comparison in every report format: `cargo bench --bench report --
//! [EVENT.jsonl]`.
//!
//! EVENT.jsonl is one event as `corroborate batch` reads it (its first line is used); by
//! default `target/bench-data/report-46.jsonl`, one event of 46 reports written by
//! `benches/gen_events.py --events 1 --reports 46` when missing. The reports are compared
//! once (timed apart: read, analyse, align, judge), then each format is rendered several
//! times and the median is reported, with the output's size.
//!
//! No assertion on time: the numbers are for people to read (benches/README.md).

use corroborate::report::{render, Format, Options};
use corroborate::{compare, Document};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const RUNS: usize = 9;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn input() -> PathBuf {
    if let Some(p) = std::env::args().skip(1).find(|a| !a.starts_with('-')) {
        return PathBuf::from(p);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("target/bench-data/report-46.jsonl");
    if !path.exists() {
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("target/bench-data");
        let ok = std::process::Command::new("python3")
            .arg(root.join("benches/gen_events.py"))
            .args([
                "--events",
                "1",
                "--reports",
                "46",
                "--report-bytes",
                "3000",
                "-o",
            ])
            .arg(&path)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "could not run benches/gen_events.py (python3 needed)");
    }
    path
}

#[allow(clippy::print_stdout)]
fn main() {
    let path = input();
    let text = std::fs::read_to_string(&path).expect("readable input");
    let line = text.lines().next().expect("one event");
    let event: serde_json::Value = serde_json::from_str(line).expect("an event line");
    let docs = || -> Vec<Document> {
        event["reports"]
            .as_array()
            .expect("reports")
            .iter()
            .map(|r| {
                let id = r["id"].as_str().expect("id");
                let label = r["label"].as_str().unwrap_or(id);
                Document::from_text(id, label, r["text"].as_str().expect("text"))
            })
            .collect()
    };
    let n = docs().len();
    let bytes: usize = docs().iter().map(|d| d.text.len()).sum();
    let mut times = Vec::new();
    let mut cmp = None;
    for _ in 0..3 {
        let d = docs();
        let t = Instant::now();
        cmp = Some(compare(d).expect("two or more reports"));
        times.push(t.elapsed());
    }
    let cmp = cmp.expect("compared");
    println!(
        "{}: {n} reports, {:.1} KB, {} findings",
        path.display(),
        bytes as f64 / 1e3,
        cmp.findings.len()
    );
    println!(
        "compare (analyse, align, judge): {:?} (median of 3)",
        median(times)
    );
    let opts = Options::default();
    for (name, format) in [
        ("text", Format::Text),
        ("json", Format::Json),
        ("csv", Format::Csv),
        ("markdown", Format::Markdown),
        ("html", Format::Html),
    ] {
        let mut times = Vec::with_capacity(RUNS);
        let mut size = 0;
        for _ in 0..RUNS {
            let t = Instant::now();
            let out = render(&cmp, format, &opts).expect("renders");
            times.push(t.elapsed());
            size = out.len();
        }
        println!(
            "render {name:<8} {:>10.2?} (median of {RUNS}), {:.0} KB",
            median(times),
            size as f64 / 1e3
        );
    }
}
