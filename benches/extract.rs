//! Throughput of quantity extraction on one core: `cargo bench --bench extract -- [FILE]`.
//!
//! FILE defaults to `target/bench/news.txt`, written by `benches/gen_news.py` (50 MB) when
//! missing. The text is read, normalized and split into sentences first; then each stage is
//! timed over the whole file, several runs, and the median is reported in MB/s of input:
//! - `extract`: what `corroborate claims` does per sentence (tokens, quantities, counted
//!   phrase, predicate, measure, attribution), i.e. `claims_in_sentence` with `Detail::Claims`;
//! - `normalize+segment`: the stages before it, for scale;
//! - `analyze (claims)`: all of `analyze_with(.., Detail::Claims)`, read to claims.
//!
//! No assertion on time: the numbers are for people (and benches/extract.sh) to read.

use corroborate::extract::claims_in_sentence;
use corroborate::{analyze_with, sentences, Detail, Document, NormalizedText};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const RUNS: usize = 7;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::with_capacity(RUNS);
    let mut last = None;
    for _ in 0..RUNS {
        let t = Instant::now();
        let out = f();
        times.push(t.elapsed());
        last = Some(out);
    }
    (median(times), last.expect("runs > 0"))
}

fn input() -> PathBuf {
    if let Some(p) = std::env::args().skip(1).find(|a| !a.starts_with('-')) {
        return PathBuf::from(p);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("target/bench/news.txt");
    if !path.exists() {
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("target/bench");
        let ok = std::process::Command::new("python3")
            .arg(root.join("benches/gen_news.py"))
            .arg(&path)
            .arg("50")
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "could not run benches/gen_news.py (python3 needed)");
    }
    path
}

#[allow(clippy::print_stdout)]
fn main() {
    let path = input();
    let text = std::fs::read_to_string(&path).expect("readable input");
    let mb = text.len() as f64 / 1e6;
    let rate = |d: Duration| mb / d.as_secs_f64();

    let (prep, (norm, sents)) = time(|| {
        let n = NormalizedText::new(text.clone());
        let s = sentences(&n, None);
        (n, s)
    });
    let (extract, claims) = time(|| {
        let mut count = 0;
        for s in &sents {
            count += claims_in_sentence(norm.text(), s.index, s.span.clone(), Detail::Claims).len();
        }
        count
    });
    let (whole, _) = time(|| {
        let d = Document::from_text("bench", "bench", text.clone());
        analyze_with(d, None, Detail::Claims).claims.len()
    });
    println!(
        "input {} ({mb:.1} MB, {} sentences, {claims} quantities); median of {RUNS} runs, one thread",
        path.display(),
        sents.len()
    );
    println!("{:<22} {:>10} {:>10}", "stage", "time", "MB/s");
    for (name, d) in [
        ("extract", extract),
        ("normalize+segment", prep),
        ("analyze (claims)", whole),
    ] {
        println!("{name:<22} {:>9.3}s {:>10.1}", d.as_secs_f64(), rate(d));
    }
}
