//! A bounded stand-in for the cargo-fuzz targets (`fuzz/`), run by `cargo test` on stable:
//! the same checks (`fuzz/checks.rs`) on random bytes, on news-like text built from the
//! pieces the extractor reacts to, and on corpus reports with random edits. The real fuzzer
//! (`fuzz/run.sh`) explores far more; this keeps what it found from coming back.

mod common;

#[path = "../fuzz/checks.rs"]
mod checks;

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

/// Pieces of news text and markup that reach the interesting paths: hedges, number words,
/// scale words, units, currencies, separators, stops, quotes, brackets, tags, references,
/// addresses, line breaks and a few non-ASCII letters and marks.
const PIECES: &[&str] = &[
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "the ",
    "people ",
    "killed ",
    "said ",
    "at least ",
    "about ",
    "more than ",
    "up to ",
    "between ",
    " and ",
    "dozens of ",
    "tens of thousands of ",
    "one ",
    "twenty-five ",
    "hundred ",
    "half a ",
    "million",
    " billion ",
    "lakh",
    "k",
    "bn",
    "1",
    "2",
    "30",
    "1,200",
    "3.5",
    "0.25",
    "1e309",
    "99999999999999999999",
    "1 1/2",
    "½",
    "%",
    "$",
    "£",
    "€",
    "km",
    "km/h",
    " miles ",
    "°C",
    "per cent",
    ".",
    ". ",
    "...",
    "…",
    "!",
    "?",
    ",",
    ";",
    ":",
    "-",
    "—",
    "–",
    "/",
    "\"",
    "'",
    "“",
    "”",
    "«",
    "»",
    "(",
    ")",
    "[",
    "]",
    "Mr. ",
    "U.S. ",
    "No. ",
    "a.m. ",
    "e.g. ",
    "<p>",
    "</p>",
    "<div>",
    "<span>",
    "<br>",
    "<!doctype html>",
    "<!--",
    "-->",
    "<script>",
    "&amp;",
    "&nbsp;",
    "&#8220;",
    "&lt;b&gt;",
    "example.com/a",
    "https://x.org/",
    "a@b.org",
    "\t",
    "\r\n",
    "\u{FEFF}",
    "\u{200B}",
    "é",
    "Ж",
    "日本",
    "。",
    "ǅ",
    "\u{301}",
    "\\n",
    "=",
    "police ",
    "Officials ",
    "according to ",
    "rose to ",
    "from ",
];

fn newsy() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..120)
        .prop_map(|p| p.concat().into_bytes())
}

/// A corpus report with a few random edits: bytes replaced, inserted or cut out.
fn mutated() -> impl Strategy<Value = Vec<u8>> {
    let mut reports: Vec<Vec<u8>> = Vec::new();
    for event in common::events() {
        for r in common::reports(&event) {
            reports.push(std::fs::read(r).unwrap());
        }
    }
    let n = reports.len();
    (
        0..n,
        proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 0..12),
    )
        .prop_map(move |(i, edits)| {
            let mut r = reports[i].clone();
            for (at, byte, op) in edits {
                let k = at.index(r.len() + 1);
                match op {
                    0 if k < r.len() => r[k] = byte,
                    1 => r.insert(k, byte),
                    _ if k < r.len() => {
                        r.remove(k);
                    }
                    _ => {}
                }
            }
            r
        })
}

fn input() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..400),
        newsy(),
        mutated(),
    ]
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        // Failures are fixed and then kept as named tests, not as a regressions file.
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(1500))]
    #[test]
    fn tokenizer(data in input()) {
        checks::tokenizer(&data);
    }

    #[test]
    fn numbers(data in input()) {
        checks::numbers(&data);
    }

    #[test]
    fn splitter(lang in any::<u8>(), data in input()) {
        let mut d = vec![lang];
        d.extend(data);
        checks::splitter(&d);
    }
}

proptest! {
    #![proptest_config(config(400))]
    #[test]
    fn html_reading(data in input()) {
        checks::html_reading(&data);
    }

    #[test]
    fn compare(a in input(), b in input()) {
        checks::compare(&a, &b);
    }
}
