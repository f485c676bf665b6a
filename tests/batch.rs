//! `corroborate batch`: streaming JSON Lines, order, bad lines, long lines, formats, exit
//! codes, progress only on a terminal.

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
            "in.jsonl: line 2: invalid event: key must be a string",
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
    assert_eq!(r.headers().unwrap().len(), 14);
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

/// Runs batch on `input` with `args`; returns (exit code, stdout, stderr).
fn run(args: &[&str], input: &str) -> (i32, Vec<u8>, String) {
    let out = bin()
        .arg("batch")
        .args(args)
        .write_stdin(input.to_string())
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        out.stdout,
        String::from_utf8(out.stderr).unwrap(),
    )
}

const AGREE: (&str, &str) = (
    "Officials said 12 homes burned.",
    "A dozen houses were destroyed.",
);
const DIFFER: (&str, &str) = ("61 people died.", "At least 65 people were killed.");

#[test]
fn exit_status_is_0_without_discrepancy_1_with_and_exit_zero_makes_it_0() {
    let agree = event("a", AGREE.0, AGREE.1) + "\n";
    let differ = event("d", DIFFER.0, DIFFER.1) + "\n";
    assert_eq!(run(&[], &agree).0, 0);
    assert_eq!(run(&[], &(agree.clone() + &differ)).0, 1);
    assert_eq!(run(&["--exit-zero"], &(agree.clone() + &differ)).0, 0);
    // --only hides the discrepancy, so it no longer decides the status (as in compare).
    assert_eq!(run(&["--only", "agreement"], &(agree + &differ)).0, 0);
}

#[test]
fn exit_zero_also_covers_failed_lines_which_are_still_reported() {
    let text = format!("{}\nnot json\n", event("d", DIFFER.0, DIFFER.1));
    let (code, out, err) = run(&["--exit-zero"], &text);
    assert_eq!(code, 0);
    assert!(err.contains("stdin: line 2: invalid event"), "{err}");
    assert!(err.contains("2 events read, 1 compared, 1 failed"), "{err}");
    assert_eq!(lines(&out).len(), 1);
}

#[test]
fn every_kind_of_bad_line_is_an_error_record_and_the_rest_goes_on() {
    let good = |id: &str| event(id, DIFFER.0, DIFFER.1) + "\n";
    let d = tempfile::tempdir().unwrap();
    let mut text = Vec::new();
    text.extend(good("g1").bytes()); // line 1
    text.extend(b"{\"event_id\": \"trunc\", \"reports\": [\n"); // 2: bad JSON
    text.extend(b"{\"event_id\": \"nofield\"}\n"); // 3: missing field
    text.extend(b"{\"event_id\": \"none\", \"reports\": []}\n"); // 4: no reports
    text.extend(b"\xff\xfe\n"); // 5: not UTF-8
    let long = json!({"event_id": "long", "reports": [{"id": "a", "text": "x".repeat(5000)}, {"id": "b", "text": "y"}]}).to_string();
    text.extend(long.bytes()); // 6: too long
    text.push(b'\n');
    text.extend(good("g2").bytes()); // 7
    std::fs::write(d.path().join("in.jsonl"), text).unwrap();
    let out = bin()
        .current_dir(d.path())
        .args([
            "batch",
            "in.jsonl",
            "--max-line-bytes",
            "4096",
            "--errors",
            "err.jsonl",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    let too_long = format!(
        "in.jsonl: line 6: line is {} bytes, longer than the limit of 4096 (--max-line-bytes); skipped",
        long.len()
    );
    for want in [
        &too_long,
        "in.jsonl: line 2: invalid event: EOF while parsing",
        "in.jsonl: line 3 (event nofield): invalid event: missing field `reports`",
        "in.jsonl: line 4 (event none): needs at least two reports, got 0",
        "in.jsonl: line 5: invalid UTF-8 at byte 0",
        "7 events read, 2 compared, 5 failed",
        "error: 5 of 7 events in in.jsonl failed",
    ] {
        assert!(err.contains(want), "{want:?} not in {err}");
    }
    let ids: Vec<String> = lines(&out.stdout)
        .iter()
        .map(|f| f["event_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["g1", "g2"]);
    let errs = lines(&std::fs::read(d.path().join("err.jsonl")).unwrap());
    assert_eq!(
        errs.iter()
            .map(|e| e["line"].as_u64().unwrap())
            .collect::<Vec<_>>(),
        [2, 3, 4, 5, 6]
    );
    assert!(errs.iter().all(|e| e["kind"] == "error"));
    assert_eq!(errs[1]["event_id"], "nofield");
    assert_eq!(errs[0]["event_id"], Value::Null);
}

#[test]
fn inline_errors_keep_input_order_in_jsonl_and_csv() {
    let text = format!(
        "{}\n{{\"event_id\":\"bad\",\"reports\":[]}}\n{}\n",
        event("g1", DIFFER.0, DIFFER.1),
        event("g2", AGREE.0, AGREE.1)
    );
    let (code, out, _) = run(&["--inline-errors"], &text);
    assert_eq!(code, 2);
    let v = lines(&out);
    let kinds: Vec<(&str, &str)> = v
        .iter()
        .map(|f| (f["event_id"].as_str().unwrap(), f["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [("g1", "discrepancy"), ("bad", "error"), ("g2", "agreement")]
    );
    assert_eq!(v[1]["line"], 2);
    assert_eq!(v[1]["message"], "needs at least two reports, got 0");

    let (_, out, _) = run(&["--inline-errors", "-f", "csv"], &text);
    let mut r = csv::Reader::from_reader(&out[..]);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(&rows[1][0], "bad");
    assert_eq!(&rows[1][1], "error");
    assert_eq!(
        &rows[1][rows[1].len() - 1],
        "line 2 (event bad): needs at least two reports, got 0"
    );
}

#[test]
fn output_streams_before_the_input_ends() {
    use std::io::{BufRead, BufReader, Write};
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("corroborate"))
        .args(["batch", "-j", "2"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // More than a chunk of events, then wait with stdin still open.
    stdin.write_all(input(1200).as_bytes()).unwrap();
    stdin.flush().unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    out.read_line(&mut first).unwrap();
    let v: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(
        v["event_id"], "e0",
        "findings came out while stdin was still open"
    );
    drop(stdin);
    let rest = out.lines().count();
    assert!(child.wait().unwrap().success());
    assert_eq!(rest + 1, 1200);
}

#[cfg(target_os = "linux")]
#[test]
fn a_huge_line_does_not_take_memory() {
    use std::io::Write;
    // 300 MB on one line, limit 1 MB: read through in buffer-sized pieces, never held.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("corroborate"))
        .args(["batch", "--max-line-bytes", "1000000", "--exit-zero"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut stdin = child.stdin.take().unwrap();
    let block = vec![b'x'; 1 << 20];
    stdin
        .write_all(b"{\"event_id\":\"big\",\"reports\":[{\"id\":\"a\",\"text\":\"")
        .unwrap();
    for _ in 0..300 {
        stdin.write_all(&block).unwrap();
    }
    stdin.write_all(b"\"}]}\n").unwrap();
    stdin.flush().unwrap();
    // Peak resident memory while the process is still alive (stdin open).
    std::thread::sleep(std::time::Duration::from_millis(200));
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let hwm_kb: u64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap()
        .parse()
        .unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("line 1: line is 314572851 bytes, longer than the limit"),
        "{err}"
    );
    assert!(hwm_kb < 60_000, "peak RSS {hwm_kb} kB for a 300 MB line");
}

#[test]
fn integer_event_ids_and_extra_fields_pass_through() {
    let line = json!({"event_id": 7, "source_file": "x.json", "reports": [
        {"id": 1, "text": DIFFER.0, "url": "u"},
        {"id": 2, "text": DIFFER.1, "published": "2025-01-02"}]});
    let (code, out, _) = run(&[], &format!("{line}\n"));
    assert_eq!(code, 1);
    let v = lines(&out);
    assert_eq!(v[0]["event_id"], "7");
    assert_eq!(v[0]["claims"][0]["source"], "1");
}

#[test]
fn findings_carry_the_same_fields_as_compare_json() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("a.txt"), DIFFER.0).unwrap();
    std::fs::write(d.path().join("b.txt"), DIFFER.1).unwrap();
    let cmp = bin()
        .current_dir(d.path())
        .args(["compare", "a.txt", "b.txt", "-f", "json"])
        .output()
        .unwrap();
    let cmp: Value = serde_json::from_slice(&cmp.stdout).unwrap();
    let line = json!({"event_id": "e", "reports": [{"id": "a", "text": DIFFER.0}, {"id": "b", "text": DIFFER.1}]});
    let (_, out, _) = run(&[], &format!("{line}\n"));
    let mut got = lines(&out).remove(0);
    assert_eq!(
        got.as_object_mut().unwrap().remove("event_id").unwrap(),
        "e"
    );
    assert_eq!(got, cmp["findings"][0]);
}

#[test]
fn min_confidence_and_only_filter_findings() {
    let text = input(4);
    let (_, all, _) = run(&[], &text);
    let (_, none, err) = run(&["--min-confidence", "1"], &text);
    assert!(!lines(&all).is_empty());
    assert!(lines(&none).is_empty());
    assert!(
        err.contains("4 events read, 4 compared, 0 failed, 0 findings"),
        "{err}"
    );
    assert_eq!(run(&["--min-confidence", "2"], &text).0, 2);
    let (_, uniq, _) = run(&["--only", "unique"], &text);
    assert!(lines(&uniq).iter().all(|f| f["kind"] == "unique"));
}

#[test]
fn a_closed_stdout_stops_the_run_quietly() {
    use std::io::{BufRead, BufReader};
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("corroborate"))
        .args(["batch"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        use std::io::Write;
        let _ = stdin.write_all(input(3000).as_bytes());
    });
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    out.read_line(&mut first).unwrap();
    drop(out);
    let done = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    assert_eq!(done.status.code(), Some(0));
    let err = String::from_utf8(done.stderr).unwrap();
    assert!(!err.contains("error"), "{err}");
}

#[test]
fn progress_bar_only_on_a_terminal_and_only_for_files() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("in.jsonl"), input(600)).unwrap();
    let exe = assert_cmd::cargo::cargo_bin("corroborate");
    // Not a terminal: stderr holds the summary line and nothing else.
    let (_, _, err) = {
        let out = bin()
            .current_dir(d.path())
            .args(["batch", "in.jsonl", "-o", "out.jsonl"])
            .output()
            .unwrap();
        (0, (), String::from_utf8(out.stderr).unwrap())
    };
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(!err.contains('\r') && !err.contains('\x1b'), "{err:?}");
    // A terminal, through script(1) where it exists: the bar is drawn (and cleared).
    let has_script = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        eprintln!("skipped the terminal half: script(1) not installed");
        return;
    }
    let tty = |args: &str| {
        let out = std::process::Command::new("script")
            .current_dir(d.path())
            .args([
                "-qec",
                &format!("{} batch {args} -o out.jsonl", exe.display()),
                "/dev/null",
            ])
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let shown = tty("in.jsonl");
    assert!(shown.contains('\x1b') || shown.contains('\r'), "{shown:?}");
    assert!(shown.contains("600 events read"), "{shown:?}");
    // stdin has no size: no bar even on a terminal.
    let piped = tty("- < in.jsonl");
    assert!(!piped.contains('\x1b'), "{piped:?}");
}

#[test]
fn publication_dates_order_a_discrepancy_and_a_bad_date_is_an_error_record() {
    let dated = json!({"event_id": "d", "reports": [
        {"id": "a", "text": DIFFER.0, "published": "2025-01-03T09:00:00+01:00"},
        {"id": "b", "text": DIFFER.1, "published": "2025-01-02"}]});
    let unknown = json!({"event_id": "u", "reports": [
        {"id": "a", "text": DIFFER.0, "published": ""},
        {"id": "b", "text": DIFFER.1, "published": null}]});
    let bad = json!({"event_id": "x", "reports": [
        {"id": "a", "text": DIFFER.0},
        {"id": "b", "text": DIFFER.1, "published": "last Tuesday"}]});
    let (code, out, err) = run(&[], &format!("{dated}\n{unknown}\n{bad}\n"));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "line 3 (event x): report 'b': published \"last Tuesday\" is not an ISO 8601 date"
        ),
        "{err}"
    );
    let v = lines(&out);
    let d = v.iter().find(|f| f["event_id"] == "d").unwrap();
    assert_eq!(d["kind"], "discrepancy");
    assert_eq!(d["claims"][0]["published"], "2025-01-03T09:00:00+01:00");
    assert_eq!(d["claims"][1]["published"], "2025-01-02");
    let why = d["explanation"].as_str().unwrap();
    assert!(
        why.contains("a is the latest report (2025-01-03T09:00:00+01:00)"),
        "{why}"
    );
    // Unknown dates (`""`, null) are no dates: no note, no field.
    let u = v.iter().find(|f| f["event_id"] == "u").unwrap();
    assert!(!u["explanation"].as_str().unwrap().contains("latest"));
    assert!(u["claims"][0].get("published").is_none());
}

#[test]
fn a_reused_event_id_is_an_error_record_for_the_later_line() {
    let input = [
        event("e1", "At least 30 people were killed.", "Thirty people died."),
        event("e2", "Officials said 12 homes burned.", "A dozen houses burned."),
        event("e1", "Five people died.", "Six people died."),
        // An integer id is its text: 2 and "e2" differ, "2" and 2 do not.
        json!({"event_id": 2, "reports": [{"id": "a", "text": "5 died."}, {"id": "b", "text": "5 died."}]}).to_string(),
        json!({"event_id": "2", "reports": [{"id": "a", "text": "5 died."}, {"id": "b", "text": "5 died."}]}).to_string(),
    ]
    .join("\n");
    let (code, out, err) = run(&["--inline-errors"], &input);
    assert_eq!(code, 2, "{err}");
    let v = lines(&out);
    let errors: Vec<&Value> = v.iter().filter(|f| f["kind"] == "error").collect();
    assert_eq!(errors.len(), 2, "{v:?}");
    assert_eq!(errors[0]["line"], 3);
    assert_eq!(errors[0]["event_id"], "e1");
    assert!(errors[0]["message"]
        .as_str()
        .unwrap()
        .contains("event id 'e1' was already used on line 1"));
    assert_eq!(errors[1]["line"], 5);
    // The later e1 is not compared: no discrepancy 5 vs 6 from it.
    assert!(!v
        .iter()
        .any(|f| f["event_id"] == "e1" && f["kind"] == "discrepancy"));
    assert!(err.contains("line 3 (event e1): event id 'e1' was already used on line 1"));
    assert!(err.contains("5 events read, 3 compared, 2 failed"), "{err}");
}

#[test]
fn a_report_cut_for_length_is_a_warning_naming_line_and_report() {
    let run_on = "word ".repeat(2000);
    let input = event("long", &run_on, "Thirty people died.");
    let (code, _, err) = run(&[], &input);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("corroborate: warning: stdin: line 1 (event long): report a: text ran on"),
        "{err}"
    );
}
