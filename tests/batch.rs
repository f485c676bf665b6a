//! `corroborate batch`: streaming JSON Lines, order, bad lines, formats.

mod common;

use common::bin;
use predicates::prelude::*;
use serde_json::{json, Value};

fn event(id: &str, a: &str, b: &str) -> String {
    json!({"event_id": id, "reports": [{"id": "a", "text": a}, {"id": "b", "label": "B", "text": b}]}).to_string()
}

fn input(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        let line = if i % 2 == 0 {
            event(
                &format!("e{i}"),
                &format!("At least {} people were killed.", 30 + i),
                &format!("{} people died.", 40 + i),
            )
        } else {
            event(
                &format!("e{i}"),
                "Officials said 12 homes burned.",
                "A dozen houses were destroyed.",
            )
        };
        s.push_str(&line);
        s.push('\n');
    }
    s
}

fn lines(out: &[u8]) -> Vec<Value> {
    out.split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect()
}

#[test]
fn findings_come_out_in_input_order_with_event_ids() {
    let out = bin()
        .args(["batch", "-j", "2"])
        .write_stdin(input(1200))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = lines(&out.stdout);
    let ids: Vec<usize> = v
        .iter()
        .map(|f| f["event_id"].as_str().unwrap()[1..].parse().unwrap())
        .collect();
    assert!(ids.windows(2).all(|w| w[0] <= w[1]), "ordered");
    assert_eq!(
        ids.iter().collect::<std::collections::BTreeSet<_>>().len(),
        1200,
        "every event"
    );
    assert!(
        v.iter().all(|f| f["kind"] == "agreement"),
        "{:?}",
        v.iter().find(|f| f["kind"] != "agreement")
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("1200 events read, 1200 compared, 0 failed"),
        "{stderr}"
    );
}

#[test]
fn bad_lines_are_reported_and_the_rest_still_written() {
    let d = tempfile::tempdir().unwrap();
    let text = format!(
        "{}\n{{broken\n\n{}\n{}\n",
        event("ok1", "61 people died.", "At least 65 people were killed."),
        json!({"event_id": "solo", "reports": [{"id": "a", "text": "x"}]}),
        event("ok2", "20 countries", "20 countries")
    );
    std::fs::write(d.path().join("in.jsonl"), text).unwrap();
    bin()
        .current_dir(d.path())
        .args([
            "batch",
            "in.jsonl",
            "-o",
            "out.jsonl",
            "--errors",
            "err.jsonl",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "in.jsonl: line 2: invalid event JSON",
        ))
        .stderr(predicate::str::contains(
            "line 4 (event solo): needs at least two reports",
        ))
        .stderr(predicate::str::contains(
            "4 events read, 2 compared, 2 failed",
        ));
    let out = lines(&std::fs::read(d.path().join("out.jsonl")).unwrap());
    assert_eq!(
        out.iter()
            .map(|f| f["event_id"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["ok1", "ok2"]
    );
    assert_eq!(out[0]["kind"], "discrepancy");
    let errs = lines(&std::fs::read(d.path().join("err.jsonl")).unwrap());
    assert_eq!(
        errs.iter()
            .map(|e| e["line"].as_u64().unwrap())
            .collect::<Vec<_>>(),
        [2, 4]
    );
}

#[test]
fn csv_output_has_event_id_first() {
    let out = bin()
        .args(["batch", "-f", "csv"])
        .write_stdin(input(3))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(&r.headers().unwrap()[0], "event_id");
    assert_eq!(r.headers().unwrap().len(), 11);
    assert_eq!(r.records().count(), 3);
}

#[test]
fn missing_input_file_is_an_error() {
    bin()
        .args(["batch", "nope.jsonl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nope.jsonl: cannot read"));
}
