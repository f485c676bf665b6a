//! The command line as a user runs it: exit codes, formats, bad input.

mod common;

use common::bin;
use predicates::prelude::*;
use std::fs;

const A: &str = "At least 30 people were killed when the quake struck on Monday. Officials said 1,200 homes were destroyed.\n\nRescuers worked through the night.";
const B: &str = "Thirty-four people died in the earthquake. About 900 houses collapsed, according to officials.\n";

fn pair() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("courier.txt"), A).unwrap();
    fs::write(d.path().join("wire.txt"), B).unwrap();
    d
}

#[test]
fn discrepancy_exits_1_and_agreement_is_reported() {
    let d = pair();
    bin()
        .current_dir(d.path())
        .args(["compare", "courier.txt", "wire.txt"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("AGREEMENT people killed"))
        .stdout(predicate::str::contains("DISCREPANCY homes"));
}

#[test]
fn no_discrepancy_exits_0() {
    let d = pair();
    bin()
        .current_dir(d.path())
        .args([
            "compare",
            "courier.txt",
            "wire.txt",
            "--only",
            "agreement,unique",
        ])
        .assert()
        .code(0);
}

#[test]
fn json_has_the_contracted_shape() {
    let d = pair();
    let out = bin()
        .current_dir(d.path())
        .args(["compare", "courier.txt", "wire.txt", "-f", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["sources"][0]["id"], "courier");
    assert_eq!(v["sources"][0]["path"], "courier.txt");
    let f = &v["findings"][0];
    for key in ["kind", "topic", "confidence", "explanation", "claims"] {
        assert!(!f[key].is_null(), "finding lacks {key}");
    }
    let q = &f["claims"][0]["quantity"];
    for key in [
        "text", "start", "end", "value", "low", "high", "hedge", "unit", "counted",
    ] {
        assert!(q.get(key).is_some(), "quantity lacks {key}");
    }
}

#[test]
fn csv_has_header_and_neutralizes_formulas() {
    let d = tempfile::tempdir().unwrap();
    fs::write(
        d.path().join("a.txt"),
        "=HYPERLINK(\"x\") said 40 people were hurt.\n",
    )
    .unwrap();
    fs::write(
        d.path().join("b.txt"),
        "=HYPERLINK(\"x\") said 70 people were hurt.\n",
    )
    .unwrap();
    let out = bin()
        .current_dir(d.path())
        .args(["compare", "a.txt", "b.txt", "-f", "csv"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "kind",
            "finding_id",
            "topic",
            "source_a",
            "label_a",
            "value_a",
            "quote_a",
            "source_b",
            "label_b",
            "value_b",
            "quote_b",
            "confidence",
            "explanation"
        ]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(&rows[0][0], "discrepancy");
    assert!(rows[0][6].starts_with("'="), "{:?}", &rows[0][6]);
}

#[test]
fn markdown_report() {
    let d = pair();
    bin()
        .current_dir(d.path())
        .args(["compare", "courier.txt", "wire.txt", "-f", "markdown"])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("# Comparison"))
        .stdout(predicate::str::contains("## Discrepancies (1)"));
}

#[test]
fn output_file_is_written_atomically() {
    let d = pair();
    bin()
        .current_dir(d.path())
        .args([
            "compare",
            "courier.txt",
            "wire.txt",
            "-f",
            "json",
            "-o",
            "out.json",
        ])
        .assert()
        .code(1)
        .stdout("");
    let v: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(d.path().join("out.json")).unwrap()).unwrap();
    assert!(v["findings"].is_array());
    let leftovers: Vec<_> = fs::read_dir(d.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        })
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn failed_run_leaves_no_output_file() {
    let d = pair();
    bin()
        .current_dir(d.path())
        .args(["compare", "courier.txt", "missing.txt", "-o", "out.json"])
        .assert()
        .code(2);
    assert!(!d.path().join("out.json").exists());
}

#[test]
fn labels_and_stdin() {
    let d = pair();
    bin()
        .current_dir(d.path())
        .args([
            "compare",
            "courier.txt",
            "-",
            "--label",
            "Courier",
            "--label",
            "Wire",
        ])
        .write_stdin(B)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "Compared 2 reports: Courier (courier.txt), Wire (-)",
        ));
}

#[test]
fn no_color_when_piped() {
    let d = pair();
    bin()
        .current_dir(d.path())
        .args(["compare", "courier.txt", "wire.txt"])
        .assert()
        .stdout(predicate::str::contains("\x1b[").not());
    bin()
        .current_dir(d.path())
        .args(["compare", "courier.txt", "wire.txt", "--color", "always"])
        .assert()
        .stdout(predicate::str::contains("\x1b["));
}

fn error_case(args: &[&str], setup: impl Fn(&std::path::Path), message: &str) {
    let d = pair();
    setup(d.path());
    let out = bin().current_dir(d.path()).args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains(message), "{args:?}: {err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn bad_input_is_one_clear_line_and_exit_2() {
    error_case(
        &["compare", "courier.txt", "missing.txt"],
        |_| {},
        "missing.txt: cannot read",
    );
    error_case(
        &["compare", "courier.txt", "dir"],
        |p| fs::create_dir(p.join("dir")).unwrap(),
        "dir: is a directory",
    );
    error_case(
        &["compare", "courier.txt", "bin.txt"],
        |p| fs::write(p.join("bin.txt"), b"\x7fELF\x00\x01\x02").unwrap(),
        "bin.txt: looks like a binary file (byte offset 4)",
    );
    error_case(
        &["compare", "courier.txt"],
        |_| {},
        "compare needs at least two reports",
    );
    error_case(
        &["compare", "courier.txt", "a.pdf"],
        |p| fs::write(p.join("a.pdf"), "x").unwrap(),
        "a.pdf: unknown report format",
    );
    error_case(
        &["compare", "courier.txt", "empty.txt"],
        |p| fs::write(p.join("empty.txt"), "  \n").unwrap(),
        "empty.txt: the report is empty",
    );
    error_case(
        &["compare", "courier.txt", "wire.txt", "--only", "rumours"],
        |_| {},
        "unknown kind 'rumours'",
    );
    error_case(
        &["sentences", "missing.txt"],
        |_| {},
        "missing.txt: cannot read",
    );
    error_case(
        &["sentences", "blank.txt"],
        |p| fs::write(p.join("blank.txt"), " \n\t\n").unwrap(),
        "blank.txt: the report is empty",
    );
    error_case(
        &["sentences", "bin.txt"],
        |p| fs::write(p.join("bin.txt"), b"\x7fELF\x00\x01\x02").unwrap(),
        "bin.txt: looks like a binary file",
    );
    error_case(
        &["sentences", "dir"],
        |p| fs::create_dir(p.join("dir")).unwrap(),
        "dir: is a directory",
    );
    error_case(
        &["sentences", "courier.txt", "--lang", "xx"],
        |_| {},
        "unsupported language 'xx'",
    );
}

#[test]
fn sentences_of_empty_stdin_is_an_error() {
    let out = bin()
        .args(["sentences", "-"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim(), "corroborate: error: stdin: the report is empty");
}

#[test]
fn sentences_stream_to_a_file_with_exact_offsets() {
    let d = tempfile::tempdir().unwrap();
    // Long enough for many reads; CRLF, markup, a BOM and non-ASCII on the way.
    let para = "\u{FEFF}<p>Rivers rose 2.5\u{00A0}m overnight, officials said.</p>\r\n\r\nMOSCOW (Reuters) \u{2014} \u{201C}We left,\u{201D} said Mr. Ivanov.\r\n\r\n";
    let text = para.repeat(3000);
    fs::write(d.path().join("big.txt"), &text).unwrap();
    bin()
        .current_dir(d.path())
        .args(["sentences", "big.txt", "-o", "out.jsonl", "--wrapped"])
        .assert()
        .success()
        .stdout("");
    let out = fs::read_to_string(d.path().join("out.jsonl")).unwrap();
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 6000);
    assert_sentences_slice(&text, &lines);
    assert_eq!(
        lines[0]["text"],
        "Rivers rose 2.5\u{00A0}m overnight, officials said."
    );
    assert_eq!(
        lines[1]["text"],
        "MOSCOW (Reuters) \u{2014} \u{201C}We left,\u{201D} said Mr. Ivanov."
    );
    // No temporary file is left beside the output.
    let names: Vec<String> = fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn invalid_utf8_is_an_error_naming_byte_and_line() {
    let d = pair();
    fs::write(
        d.path().join("latin1.txt"),
        b"Collapse\nThirty-four people died in the caf\xe9 collapse.",
    )
    .unwrap();
    for cmd in ["compare", "claims", "sentences"] {
        let mut args = vec![cmd];
        if cmd == "compare" {
            args.push("courier.txt");
        }
        args.push("latin1.txt");
        bin()
            .current_dir(d.path())
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "latin1.txt: invalid UTF-8 at byte 43 (line 2)",
            ));
    }
}

#[test]
fn sentences_slice_the_original() {
    let text = "\u{201C}Over 300 people were working,\u{201D} said Mr. Volk. Gov. Smith arrived at 3 a.m. on Jan. 5.\n\nNext paragraph";
    let out = bin()
        .args(["sentences", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    let lines: Vec<serde_json::Value> = out
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert!(lines.len() >= 3, "{lines:?}");
    assert_sentences_slice(text, &lines);
    assert_eq!(
        lines[0]["text"],
        "\u{201C}Over 300 people were working,\u{201D} said Mr. Volk."
    );
}

#[test]
fn claims_slice_the_original() {
    let text = "Police arrested at least 300\u{00A0}individuals and seized \u{20AC}75m; about 1\u{202F}200 people fled.";
    let out = bin()
        .args(["claims", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    let lines: Vec<serde_json::Value> = out
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    let texts: Vec<&str> = lines
        .iter()
        .map(|l| l["quantity"]["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["at least 300", "\u{20AC}75m", "about 1\u{202F}200"]);
    for l in &lines {
        let q = &l["quantity"];
        let (s, e) = (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], q["text"].as_str().unwrap());
    }
    assert_eq!(lines[0]["quantity"]["low"], 300.0);
    assert!(lines[0]["quantity"]["high"].is_null());
    assert_eq!(lines[0]["quantity"]["counted"], "individuals");
    assert_eq!(lines[1]["quantity"]["unit"], "EUR");
    assert_eq!(lines[2]["quantity"]["value"], 1200.0);
}

#[test]
fn huge_single_line_report_finishes() {
    let d = tempfile::tempdir().unwrap();
    // A guard against quadratic blow-ups (the debug build runs it); throughput is measured by
    // benches/, not here.
    let line =
        "Officials said 40 people were hurt and 12 homes burned in the fire near the old mill. "
            .repeat(60_000);
    assert!(line.len() > 5_000_000);
    fs::write(d.path().join("big.txt"), &line).unwrap();
    fs::write(
        d.path().join("small.txt"),
        "Officials said 40 people were hurt.",
    )
    .unwrap();
    bin()
        .current_dir(d.path())
        .args([
            "compare",
            "big.txt",
            "small.txt",
            "-f",
            "json",
            "-o",
            "out.json",
        ])
        .timeout(std::time::Duration::from_secs(120))
        .assert()
        .success()
        .stderr("");
}

/// `-o /dev/null` writes into the device; the atomic rename must never replace it with a file.
#[cfg(unix)]
#[test]
fn output_to_a_device_is_written_in_place() {
    use std::os::unix::fs::FileTypeExt;
    let d = pair();
    for args in [
        &["compare", "courier.txt", "wire.txt", "-o", "/dev/null"][..],
        &["claims", "courier.txt", "-o", "/dev/null"][..],
        &["sentences", "courier.txt", "-o", "/dev/null"][..],
    ] {
        bin()
            .current_dir(d.path())
            .args(args)
            .assert()
            .code(predicate::in_iter([0, 1]));
        let kind = fs::metadata("/dev/null").unwrap().file_type();
        assert!(kind.is_char_device(), "{args:?} replaced /dev/null");
    }
}

/// Sentence lines are numbered in order and each `text` is the slice `start..end` of `text`.
fn assert_sentences_slice(text: &str, lines: &[serde_json::Value]) {
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(l["index"], i);
        let (s, e) = (
            l["start"].as_u64().unwrap() as usize,
            l["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], l["text"].as_str().unwrap());
    }
}

#[test]
fn a_stamp_in_the_header_dates_a_report_given_no_date() {
    let d = tempfile::tempdir().unwrap();
    fs::write(
        d.path().join("early.txt"),
        "Flood Hits Valley\nPosted on Thu Jan 2, 2025 08:45 AM EST\n\nAt least 41 people died in the flood.\n",
    )
    .unwrap();
    fs::write(
        d.path().join("late.txt"),
        "Flood Toll Rises\nJanuary 4, 2025\n\nThe flood killed 63 people, officials said.\n",
    )
    .unwrap();
    let run = |extra: &[&str]| {
        let out = bin()
            .current_dir(d.path())
            .args(["compare", "early.txt", "late.txt"])
            .args(extra)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let text = run(&[]);
    assert!(
        text.contains(
            "early (early.txt, published 2025-01-02), late (late.txt, published 2025-01-04)"
        ),
        "{text}"
    );
    assert!(
        text.contains("late is the latest report (2025-01-04) and says \"63 people\""),
        "{text}"
    );
    // A date given on the command line is the report's, whatever its stamp says.
    let text = run(&["--published", "2025-01-09", "--published", "-"]);
    assert!(
        text.contains("early (early.txt, published 2025-01-09)"),
        "{text}"
    );
}

#[test]
fn publication_dates_name_the_latest_figure() {
    let d = tempfile::tempdir().unwrap();
    fs::write(
        d.path().join("early.txt"),
        "At least 41 people died in the flood.",
    )
    .unwrap();
    fs::write(
        d.path().join("late.txt"),
        "The flood killed 63 people, officials said.",
    )
    .unwrap();
    let compare = |dates: &[&str]| {
        let mut args = vec!["compare", "early.txt", "late.txt"];
        for p in dates {
            args.extend(["--published", p]);
        }
        bin().current_dir(d.path()).args(&args).output().unwrap()
    };
    let out = compare(&["2025-01-02", "2025-01-04T08:00Z"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("early (early.txt, published 2025-01-02), late (late.txt, published"),
        "{text}"
    );
    assert!(
        text.contains("late is the latest report (2025-01-04T08:00Z) and says \"63 people\""),
        "{text}"
    );
    let json = bin()
        .current_dir(d.path())
        .args(["compare", "early.txt", "late.txt", "-f", "json"])
        .args(["--published", "-", "--published", "2025-01-04"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(v["sources"][0].get("published").is_none());
    assert_eq!(v["sources"][1]["published"], "2025-01-04");
    for (format, row) in [
        ("markdown", "| late | late | late.txt | 2025-01-04 |"),
        (
            "html",
            "<tr><td>late</td><td>late</td><td>late.txt</td><td>2025-01-04</td></tr>",
        ),
    ] {
        let out = bin()
            .current_dir(d.path())
            .args(["compare", "early.txt", "late.txt", "-f", format])
            .args(["--published", "-", "--published", "2025-01-04"])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(row), "{format}: {text}");
    }
    // One day, no times: the order is unknown, so nothing is said; `-` is an unknown date.
    for dates in [&["2025-01-02", "2025-01-02"][..], &["-", "2025-01-04"][..]] {
        let text = String::from_utf8(compare(dates).stdout).unwrap();
        assert!(!text.contains("latest report"), "{dates:?}: {text}");
    }
    error_case(
        &[
            "compare",
            "courier.txt",
            "wire.txt",
            "--published",
            "2025-02-30",
            "--published",
            "-",
        ],
        |_| {},
        "--published for courier.txt: \"2025-02-30\" is not an ISO 8601 date",
    );
    error_case(
        &[
            "compare",
            "courier.txt",
            "wire.txt",
            "--published",
            "-",
            "--published",
            "-",
            "--published",
            "-",
        ],
        |_| {},
        "3 publication dates given for 2 reports",
    );
}

/// Temporary files a run left beside its output.
fn leftovers(dir: &std::path::Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
fn output_through_a_symlink_writes_its_target_and_keeps_the_link() {
    use std::os::unix::fs::PermissionsExt;
    let d = pair();
    let real = d.path().join("real.json");
    fs::write(&real, "old").unwrap();
    fs::set_permissions(&real, fs::Permissions::from_mode(0o600)).unwrap();
    std::os::unix::fs::symlink("real.json", d.path().join("link.json")).unwrap();
    bin()
        .current_dir(d.path())
        .args(["compare", "courier.txt", "wire.txt", "-f", "json"])
        .args(["-o", "link.json"])
        .assert()
        .code(1);
    let link = fs::symlink_metadata(d.path().join("link.json")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&real).unwrap()).unwrap();
    assert!(v["findings"].is_array());
    let mode = fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "permissions of the replaced file");
    assert!(leftovers(d.path()).is_empty());
}

#[test]
fn a_planted_temporary_name_is_not_followed() {
    // The old temporary name was predictable (.NAME.PID.tmp); a link planted at any such name
    // must not be written through.
    let d = pair();
    let victim = d.path().join("victim");
    fs::write(&victim, "keep me").unwrap();
    for pid in 0..64 {
        let _ = std::os::unix::fs::symlink(&victim, d.path().join(format!(".out.json.{pid}.tmp")));
    }
    bin()
        .current_dir(d.path())
        .args(["compare", "courier.txt", "wire.txt", "-o", "out.json"])
        .assert()
        .code(1);
    assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
    assert!(fs::read_to_string(d.path().join("out.json"))
        .unwrap()
        .starts_with("Compared 2 reports"));
}

#[test]
fn a_full_disk_names_the_file() {
    if !std::path::Path::new("/dev/full").exists() {
        eprintln!("skipped: no /dev/full");
        return;
    }
    let d = pair();
    for args in [
        &["compare", "courier.txt", "wire.txt", "-o", "/dev/full"][..],
        &["claims", "courier.txt", "-o", "/dev/full"][..],
        &["sentences", "courier.txt", "-o", "/dev/full"][..],
    ] {
        let out = bin().current_dir(d.path()).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            String::from_utf8(out.stderr).unwrap(),
            "corroborate: error: /dev/full: writing: No space left on device\n",
            "{args:?}"
        );
    }
    let line =
        r#"{"event_id":1,"reports":[{"id":"a","text":"5 died."},{"id":"b","text":"6 died."}]}"#;
    let out = bin()
        .args(["batch", "-o", "/dev/full"])
        .write_stdin(line)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("corroborate: error: /dev/full: writing: No space left on device"));
}

#[test]
fn a_terminating_signal_removes_the_temporary_file() {
    use std::process::{Command, Stdio};
    let d = tempfile::tempdir().unwrap();
    for (sig, code) in [("TERM", 15), ("INT", 2)] {
        // batch opens its output, then waits on a stdin that stays open.
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("corroborate"))
            .current_dir(d.path())
            .args(["batch", "-", "-o", "out.jsonl"])
            .stdin(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while leftovers(d.path()).is_empty() {
            assert!(std::time::Instant::now() < deadline, "no temporary file");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        Command::new("kill")
            .args([&format!("-{sig}"), &child.id().to_string()])
            .status()
            .unwrap();
        let status = child.wait().unwrap();
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(status.signal(), Some(code), "{sig}: ended by the signal");
        assert!(
            leftovers(d.path()).is_empty(),
            "{sig}: {:?}",
            leftovers(d.path())
        );
        assert!(!d.path().join("out.jsonl").exists());
    }
}

#[test]
fn colour_follows_no_color_and_never_goes_into_a_file() {
    let d = pair();
    let run = |args: &[&str], no_color: bool| {
        let mut c = bin();
        c.current_dir(d.path())
            .args(["compare", "courier.txt", "wire.txt"])
            .args(args);
        if no_color {
            c.env("NO_COLOR", "1");
        } else {
            c.env_remove("NO_COLOR");
        }
        String::from_utf8(c.output().unwrap().stdout).unwrap()
    };
    // An explicit flag wins over the environment (no-color.org); auto off a terminal: none.
    assert!(run(&["--color", "always"], true).contains("\x1b["));
    assert!(!run(&[], true).contains("\x1b["));
    assert!(!run(&["--color", "never"], false).contains("\x1b["));
    run(&["--color", "always", "-o", "out.txt"], false);
    let file = fs::read_to_string(d.path().join("out.txt")).unwrap();
    assert!(file.starts_with("Compared") && !file.contains('\x1b'));
}

#[test]
fn report_ids_labels_and_dates_are_checked() {
    let d = pair();
    fs::create_dir(d.path().join("a")).unwrap();
    fs::create_dir(d.path().join("b")).unwrap();
    fs::write(d.path().join("a/r.txt"), A).unwrap();
    fs::write(d.path().join("b/r.txt"), B).unwrap();
    fs::write(d.path().join("r-2.txt"), "Some 40 people were hurt.\n").unwrap();
    let out = bin()
        .current_dir(d.path())
        .args(["compare", "a/r.txt", "b/r.txt", "r-2.txt", "-f", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["r", "r-3", "r-2"]);
    assert_eq!(v["sources"][1]["label"], "r-3");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("warning: b/r.txt has the same file stem as a/r.txt: its id is 'r-3'"),
        "{err}"
    );

    error_case(
        &["compare", "courier.txt", "./courier.txt"],
        |_| {},
        "courier.txt and ./courier.txt are the same file",
    );
    error_case(
        &[
            "compare",
            "courier.txt",
            "wire.txt",
            "--label",
            "X",
            "--label",
            "X",
        ],
        |_| {},
        "--label 'X' is given twice (for courier.txt and wire.txt)",
    );
    error_case(
        &["compare", "courier.txt", "wire.txt", "--label", "X"],
        |_| {},
        "1 labels given for 2 reports: give one --label per report, in order",
    );
    error_case(
        &[
            "compare",
            "courier.txt",
            "wire.txt",
            "--label",
            "X",
            "--label",
            " ",
        ],
        |_| {},
        "--label for wire.txt is empty",
    );
    error_case(
        &[
            "compare",
            "courier.txt",
            "wire.txt",
            "--published",
            "2025-01-02",
        ],
        |_| {},
        "1 publication dates given for 2 reports",
    );
    fs::write(d.path().join("copy.txt"), A).unwrap();
    bin()
        .current_dir(d.path())
        .args(["compare", "courier.txt", "copy.txt"])
        .assert()
        .stderr(predicate::str::contains(
            "warning: copy.txt has the same text as courier.txt",
        ));
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        out.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    let d = pair();
    for (name, be) in [("le.txt", false), ("be.txt", true)] {
        fs::write(d.path().join(name), utf16(A, be)).unwrap();
        let out = bin()
            .current_dir(d.path())
            .args(["compare", name, "wire.txt", "-f", "json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = String::from_utf8(out.stderr).unwrap();
        let enc = if be { "UTF-16BE" } else { "UTF-16LE" };
        assert!(
            err.contains(&format!("{name}: decoded from {enc}")),
            "{err}"
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let q = &v["findings"][0]["claims"][0];
        assert!(A.contains(q["sentence"].as_str().unwrap()), "{q}");
        // Streamed and whole, from a file and from stdin.
        let lines = bin()
            .current_dir(d.path())
            .args(["sentences", name])
            .output()
            .unwrap();
        let first: serde_json::Value =
            serde_json::from_slice(lines.stdout.split(|&b| b == b'\n').next().unwrap()).unwrap();
        assert_eq!(
            first["text"],
            "At least 30 people were killed when the quake struck on Monday."
        );
        bin()
            .args(["claims", "-"])
            .write_stdin(utf16(A, be))
            .assert()
            .success()
            .stdout(predicate::str::contains("\"text\":\"At least 30\""));
    }
    // Without a byte-order mark, UTF-16 is still binary.
    let raw: Vec<u8> = utf16(A, false)[2..].to_vec();
    error_case(
        &["compare", "raw.txt", "wire.txt"],
        |p| fs::write(p.join("raw.txt"), &raw).unwrap(),
        "raw.txt: looks like a binary file",
    );
}

#[test]
fn a_utf8_byte_order_mark_is_in_no_sentence_but_offsets_count_it() {
    let text = "\u{FEFF}At least 5 people died. Some 30 were hurt.";
    for cmd in ["sentences", "claims"] {
        let out = bin().args([cmd, "-"]).write_stdin(text).output().unwrap();
        let first: serde_json::Value =
            serde_json::from_slice(out.stdout.split(|&b| b == b'\n').next().unwrap()).unwrap();
        let (s, e) = (
            first["start"].as_u64().unwrap() as usize,
            first["end"].as_u64().unwrap() as usize,
        );
        let quoted = if cmd == "sentences" {
            "text"
        } else {
            "sentence"
        };
        assert_eq!(first[quoted], "At least 5 people died.", "{cmd}");
        assert_eq!(&text[s..e], "At least 5 people died.", "{cmd}");
    }
}

#[test]
fn html_on_stdin_is_detected_or_declared() {
    let page = "<!DOCTYPE html><html><head><title>Quake</title></head><body><article>\
        <p>At least 30 people were killed on Monday when a strong earthquake struck the region, \
        officials said in a statement released late in the evening.</p></article></body></html>";
    for cmd in ["claims", "sentences"] {
        bin()
            .args([cmd, "-"])
            .write_stdin(page)
            .assert()
            .success()
            .stderr(predicate::str::contains(
                "stdin: HTML reduced to article text",
            ))
            .stdout(predicate::str::contains("DOCTYPE").not());
    }
    // Declared text: read as text (the normalizer still drops the tags from sentences).
    bin()
        .args(["claims", "-", "--input-format", "text"])
        .write_stdin(page)
        .assert()
        .success()
        .stderr(predicate::str::contains("HTML reduced").not());
    // Declared HTML, whatever the extension.
    let d = pair();
    fs::write(d.path().join("page.txt"), page).unwrap();
    bin()
        .current_dir(d.path())
        .args(["claims", "page.txt", "--input-format", "html"])
        .assert()
        .success()
        .stderr(predicate::str::contains("page.txt: HTML reduced"));
}
