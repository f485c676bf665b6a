//! The reports as a reader meets them: hostile labels and text shown as text in every format,
//! a summary that says what a filter left out, sources that are split shown as camps, a
//! readable overview for many sources, and CSV rows an analyst can group.

mod common;

use common::bin;
use std::fs;
use std::path::Path;

/// Writes `texts` as `r1.txt`, `r2.txt`… in `dir` and returns their names.
fn write_reports(dir: &Path, texts: &[&str]) -> Vec<String> {
    texts
        .iter()
        .enumerate()
        .map(|(k, t)| {
            let name = format!("r{}.txt", k + 1);
            fs::write(dir.join(&name), t).unwrap();
            name
        })
        .collect()
}

fn compare(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = bin()
        .current_dir(dir)
        .env_remove("COLUMNS")
        .arg("compare")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Control characters a report must never pass on raw: ESC, BEL, CSI (C1), DEL, and the
/// bidirectional override.
fn raw_controls(s: &str) -> Vec<char> {
    s.chars()
        .filter(|c| matches!(c, '\x1b' | '\x07' | '\u{9b}' | '\x7f' | '\u{202e}' | '\x08'))
        .collect()
}

const HOSTILE: &str = "At least 30 people were killed <img src=x onerror=alert(1)> in the blast \x1b]0;pwned\x07\x1b[2J\x1b]8;;http://evil.example\x07click\x1b]8;;\x07 \u{202e}drow\x08\x7f.";
const PLAIN: &str = "Forty people were killed in the blast on Monday.";

#[test]
fn hostile_labels_and_text_are_shown_as_text_in_every_format() {
    let d = tempfile::tempdir().unwrap();
    let files = write_reports(d.path(), &[HOSTILE, PLAIN]);
    let label_a = "<script>alert('label')</script>\x1b[31m";
    let label_b = "[x](javascript:alert(2)) *b* | c";
    for format in ["text", "markdown", "csv", "html", "json"] {
        let (code, out, err) = compare(
            d.path(),
            &[
                &files[0], &files[1], "--label", label_a, "--label", label_b, "-f", format,
                "--color", "never",
            ],
        );
        assert!(matches!(code, Some(0 | 1)), "{format}: {err}");
        // JSON is data: it keeps the text exact, C0 controls escaped as JSON requires.
        let raw: Vec<char> = raw_controls(&out)
            .into_iter()
            .filter(|c| format != "json" || (*c as u32) < 0x20)
            .collect();
        assert!(raw.is_empty(), "{format}: {raw:?}");
        match format {
            "markdown" => {
                assert!(!out.contains("<script") && !out.contains("<img"), "{out}");
                // Every `]` is escaped: no link can form.
                assert!(
                    out.match_indices(']')
                        .all(|(at, _)| out[..at].ends_with('\\')),
                    "{out}"
                );
                assert!(out.contains("\\\\x1b"), "ESC is shown: {out}");
            }
            "html" => {
                assert_eq!(out.matches("<script").count(), 1, "only the page's script");
                assert!(!out.contains("<img"), "{out}");
                assert!(out.contains("\\x1b]0;pwned\\x07"), "ESC is shown");
                assert!(out.contains("Content-Security-Policy"));
            }
            "text" | "csv" => assert!(out.contains("\\x1b"), "{format}: ESC is shown: {out}"),
            _ => {}
        }
    }
    // With colour, the only escape sequences are the report's own SGR colours.
    let (_, out, _) = compare(d.path(), &[&files[0], &files[1], "--color", "always"]);
    let mut rest = out.as_str();
    while let Some(at) = rest.find('\x1b') {
        let seq = &rest[at + 1..];
        let end = seq.find('m').expect("an SGR sequence ends in m");
        assert!(
            seq.starts_with('[') && seq[1..end].bytes().all(|b| b.is_ascii_digit() || b == b';'),
            "{:?}",
            &seq[..end.min(20)]
        );
        rest = &seq[end..];
    }
}

#[test]
fn a_filter_never_passes_for_the_whole() {
    let d = tempfile::tempdir().unwrap();
    let files = write_reports(
        d.path(),
        &[
            "Police arrested 12 men. The fire destroyed 40 homes. Officials counted 7 boats.",
            "Police arrested 15 men. The fire destroyed 40 homes.",
        ],
    );
    let (_, all, _) = compare(d.path(), &[&files[0], &files[1]]);
    assert!(
        all.contains("3 findings: 1 discrepancy, 1 agreement, 1 unique claim\n"),
        "{all}"
    );
    assert!(!all.contains("shown"), "{all}");
    let (_, only, _) = compare(d.path(), &[&files[0], &files[1], "--only", "discrepancy"]);
    assert!(
        only.contains("3 findings: 1 discrepancy, 1 agreement, 1 unique claim\n1 of 3 findings shown (--only discrepancy)"),
        "{only}"
    );
    for format in ["markdown", "html"] {
        let (_, out, _) = compare(
            d.path(),
            &[
                &files[0],
                &files[1],
                "--min-confidence",
                "0.8",
                "-f",
                format,
            ],
        );
        assert!(
            out.contains("of 3 findings shown (--min-confidence 0.8)"),
            "{format}: {out}"
        );
    }
}

/// Five reports of one toll, split 2–2–1.
const SPLIT: [&str; 5] = [
    "30 people were killed in the blast.",
    "Thirty people were killed in the blast.",
    "Forty people were killed in the blast.",
    "The blast killed 40 people.",
    "Twelve people were killed in the blast.",
];

#[test]
fn sources_that_are_split_are_camps_not_a_consensus() {
    let d = tempfile::tempdir().unwrap();
    let files = write_reports(d.path(), &SPLIT);
    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    let (code, json, _) = compare(d.path(), &[&args[..], &["-f", "json"]].concat());
    assert_eq!(code, Some(1));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "discrepancy")
        .expect("a discrepancy");
    assert!(
        f.get("consensus").is_none() && f.get("outliers").is_none(),
        "{f}"
    );
    let camps: Vec<Vec<&str>> = f["camps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            c.as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap())
                .collect()
        })
        .collect();
    assert_eq!(camps, vec![vec!["r1", "r2"], vec!["r3", "r4"], vec!["r5"]]);
    assert!(f["explanation"]
        .as_str()
        .unwrap()
        .starts_with("The sources are split 2\u{2013}2\u{2013}1"));

    let (_, text, _) = compare(d.path(), &args);
    assert!(!text.contains(" !r"), "no outlier when split: {text}");
    assert!(
        text.contains(" Ar1") && text.contains(" Br3") && text.contains(" Cr5"),
        "{text}"
    );
    // Three against two is a consensus with outliers.
    let majority = write_reports(
        d.path(),
        &[
            SPLIT[0],
            SPLIT[1],
            "30 people were killed in the blast.",
            SPLIT[2],
            SPLIT[4],
        ],
    );
    let args: Vec<&str> = majority.iter().map(String::as_str).collect();
    let (_, json, _) = compare(d.path(), &[&args[..], &["-f", "json"]].concat());
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let f = &v["findings"][0];
    assert_eq!(f["consensus"], serde_json::json!(["r1", "r2", "r3"]), "{f}");
    assert_eq!(f["outliers"], serde_json::json!(["r4", "r5"]), "{f}");
}

#[test]
fn a_two_report_discrepancy_marks_no_outlier() {
    let d = tempfile::tempdir().unwrap();
    let files = write_reports(d.path(), &[SPLIT[1], SPLIT[2]]);
    for format in ["text", "markdown", "html"] {
        let (code, out, _) = compare(d.path(), &[&files[0], &files[1], "-f", format]);
        assert_eq!(code, Some(1));
        assert!(
            !out.contains(" !r") && !out.contains("**!**"),
            "{format}: {out}"
        );
        assert!(!out.contains("class=\"claim outlier\""), "{format}: {out}");
    }
}

#[test]
fn many_sources_get_a_readable_overview_instead_of_a_table() {
    let d = tempfile::tempdir().unwrap();
    let texts: Vec<String> = (0..12)
        .map(|k| {
            let n = if k == 11 { 50 } else { 30 };
            format!("{n} people were killed in the blast, and 200 homes were damaged.")
        })
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let files = write_reports(d.path(), &refs);
    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    let (_, text, _) = compare(d.path(), &args);
    assert!(text.contains("Across 12 sources"), "{text}");
    assert!(!text.contains('┆'), "no table: {text}");
    assert!(
        text.contains("  = \"30 people\": 11 sources \u{2014} r1, r2,"),
        "{text}"
    );
    assert!(
        text.contains("  ! \"50 people\": 1 source \u{2014} r12"),
        "{text}"
    );
    // The header and the overview are wrapped to the width (120 off a terminal).
    let overview: Vec<&str> = text
        .lines()
        .take_while(|l| !l.contains("(confidence"))
        .collect();
    assert!(
        overview.iter().all(|l| l.chars().count() <= 120),
        "{overview:#?}"
    );
    let (_, md, _) = compare(d.path(), &[&args[..], &["-f", "markdown"]].concat());
    assert!(!md.contains("| topic |"), "{md}");
    // A few sources keep the table.
    let (_, few, _) = compare(d.path(), &args[..3]);
    assert!(few.contains('┆'), "{few}");
}

#[test]
fn csv_rows_of_a_finding_share_its_id_and_name_the_sources() {
    let d = tempfile::tempdir().unwrap();
    let files = write_reports(
        d.path(),
        &[
            "Thirty people were killed in the blast.",
            "30 people were killed in the blast.",
            "Fifty people were killed in the blast.",
        ],
    );
    let (code, out, _) = compare(
        d.path(),
        &[
            &files[0], &files[1], &files[2], "-f", "csv", "--label", "Wire A", "--label",
            "Daily B", "--label", "Radio C",
        ],
    );
    assert_eq!(code, Some(1));
    assert!(!out.starts_with('\u{feff}'));
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let h = r.headers().unwrap().clone();
    let col = |name: &str| h.iter().position(|c| c == name).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let disc: Vec<&csv::StringRecord> = rows
        .iter()
        .filter(|r| &r[col("kind")] == "discrepancy")
        .collect();
    assert_eq!(disc.len(), 2, "the outlier against each of the consensus");
    assert_eq!(disc[0][col("finding_id")], disc[1][col("finding_id")]);
    assert_eq!(&disc[0][col("label_b")], "Radio C");
    assert_eq!(&disc[0][col("source_b")], "r3");
    assert_eq!(&disc[0][col("label_a")], "Wire A");

    let (_, excel, _) = compare(d.path(), &[&files[0], &files[1], "-f", "csv", "--excel"]);
    assert!(excel.starts_with("\u{feff}kind,finding_id,"), "{excel}");
    let (code, _, err) = compare(d.path(), &[&files[0], &files[1], "--excel"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("--excel applies to --format csv only"),
        "{err}"
    );
}

#[test]
fn html_reading_view_marks_every_claim_in_its_report() {
    let d = tempfile::tempdir().unwrap();
    let files = write_reports(d.path(), &SPLIT);
    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    let (_, html, _) = compare(d.path(), &[&args[..], &["-f", "html"]].concat());
    let (_, json, _) = compare(d.path(), &[&args[..], &["-f", "json"]].concat());
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(html.matches("<article class=\"column\"").count(), 5);
    for (k, f) in v["findings"].as_array().unwrap().iter().enumerate() {
        let id = k + 1;
        // Each claim of the finding is marked in the reading view and quoted in the findings.
        let in_text = html.matches(&format!("data-f=\"{id}\" title=")).count();
        assert!(
            in_text >= f["claims"].as_array().unwrap().len(),
            "finding {id}: {in_text} marks"
        );
        assert!(html.contains(&format!("id=\"f{id}\"")));
    }
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no network"
    );
}
