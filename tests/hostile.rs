//! Inputs that once hung or crashed a command: each must finish, with a clean exit status.
//! The timeout is a hang guard, far above any normal run; speed is measured in `benches/`.

mod common;

use common::bin;
use std::fs;
use std::time::Duration;

const GUARD: Duration = Duration::from_secs(120);

/// Texts that once never finished: an address scan that moved the cursor back, and figures
/// beyond the range of `f64` before a scale word.
fn hangs() -> Vec<(&'static str, String)> {
    vec![
        (
            "address, quote, slash",
            "Visit example.com/a\"b/c for details.".to_string(),
        ),
        ("short address, quote, slash", "n.km/\"/".to_string()),
        (
            "1e309 million dollars",
            "They paid $1e309million for it.".to_string(),
        ),
        (
            "1e309 million pounds",
            "They paid £1e309million for it.".to_string(),
        ),
        (
            "310 digits million",
            format!("Some {} million people came.", "9".repeat(310)),
        ),
        (
            "310 digits lakh",
            format!("Some {} lakh people came.", "9".repeat(310)),
        ),
        (
            "310 digits k",
            format!("Some {}k people came.", "9".repeat(310)),
        ),
    ]
}

#[test]
fn claims_finishes_on_inputs_that_once_hung() {
    for (name, text) in hangs() {
        bin()
            .args(["claims", "-"])
            .write_stdin(text)
            .timeout(GUARD)
            .assert()
            .try_success()
            .unwrap_or_else(|e| panic!("claims on {name}: {e}"));
    }
}

#[test]
fn compare_finishes_on_inputs_that_once_hung() {
    let d = tempfile::tempdir().unwrap();
    let b = d.path().join("b.txt");
    fs::write(&b, "Some 30 people came and paid $5 million.\n").unwrap();
    for (name, text) in hangs() {
        let a = d.path().join("a.txt");
        fs::write(&a, &text).unwrap();
        let out = bin()
            .args(["compare"])
            .arg(&a)
            .arg(&b)
            .args(["--format", "json"])
            .timeout(GUARD)
            .output()
            .unwrap();
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "compare on {name}: {:?} {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<serde_json::Value>(&out.stdout)
            .unwrap_or_else(|e| panic!("compare on {name}: not JSON: {e}"));
    }
}

#[test]
fn batch_keeps_the_events_after_one_that_once_hung() {
    let mut input = String::new();
    for (i, (_, text)) in hangs().into_iter().enumerate() {
        let line = serde_json::json!({"event_id": format!("e{i}"), "reports": [
            {"id": "a", "text": text},
            {"id": "b", "text": "Some 30 people came and paid $5 million."}]});
        input.push_str(&line.to_string());
        input.push('\n');
    }
    let good = serde_json::json!({"event_id": "last", "reports": [
        {"id": "a", "text": "At least 30 people were killed."},
        {"id": "b", "text": "Thirty people died."}]});
    input.push_str(&good.to_string());
    input.push('\n');
    let out = bin()
        .args(["batch", "-"])
        .write_stdin(input)
        .timeout(GUARD)
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{:?}", out.status);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.lines().any(|l| l.contains("\"event_id\":\"last\"")),
        "the event after the hostile ones is missing: {stdout}"
    );
}

/// Pages that once crashed or took minutes in Readability: they are read by the tag stripper,
/// with a warning naming the file and the reason.
fn deep_pages() -> Vec<(&'static str, String)> {
    let body = "<p>At least 30 people were killed when the storm hit, officials said.</p>";
    vec![
        (
            "120,000 nested spans",
            format!(
                "<html><body>{}{body}{}</body></html>",
                "<span>".repeat(120_000),
                "</span>".repeat(120_000)
            ),
        ),
        (
            "10,000 nested divs",
            format!(
                "<html><body>{}{body}{}</body></html>",
                "<div>".repeat(10_000),
                "</div>".repeat(10_000)
            ),
        ),
        (
            "20,000 unclosed divs",
            format!("<html><body>{}{body}</body></html>", "<div>".repeat(20_000)),
        ),
    ]
}

#[test]
fn deep_html_is_read_by_the_tag_stripper_with_a_warning() {
    let d = tempfile::tempdir().unwrap();
    let b = d.path().join("b.txt");
    fs::write(&b, "Thirty people died in the storm.\n").unwrap();
    for (name, page) in deep_pages() {
        let a = d.path().join("deep.html");
        fs::write(&a, &page).unwrap();
        let out = bin().arg("claims").arg(&a).timeout(GUARD).output().unwrap();
        assert!(out.status.success(), "claims on {name}: {:?}", out.status);
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains("deep.html: elements nest more than 256 deep (the limit); read with the plain tag stripper"),
            "{name}: {err}"
        );
        let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(line["quantity"]["text"], "At least 30", "{name}");
        let out = bin()
            .arg("compare")
            .arg(&a)
            .arg(&b)
            .timeout(GUARD)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "compare on {name}");
        assert!(String::from_utf8(out.stdout).unwrap().contains("AGREEMENT"));
    }
}

/// One sentence of `n` figures: `1 people, 2 people, …`.
fn figures_sentence(n: usize) -> String {
    let parts: Vec<String> = (1..=n).map(|i| format!("{i} people")).collect();
    format!("Officials counted {} in all.\n", parts.join(", "))
}

#[test]
fn claims_output_stays_linear_and_quotes_slice_the_input() {
    let text = figures_sentence(10_000);
    let out = bin()
        .args(["claims", "-"])
        .write_stdin(text.clone())
        .timeout(GUARD)
        .output()
        .unwrap();
    assert!(out.status.success());
    // Every line quotes at most an excerpt: output grows with the input, not its square.
    assert!(
        out.stdout.len() < 60 * text.len(),
        "{} bytes of output for {} of input",
        out.stdout.len(),
        text.len()
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("stdin: text ran on for more than 4096 bytes"),
        "{err}"
    );
    let mut n = 0;
    for line in out.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let v: serde_json::Value = serde_json::from_slice(line).unwrap();
        let at = |k: &str| v[k].as_u64().unwrap() as usize;
        assert_eq!(&text[at("start")..at("end")], v["sentence"], "{v}");
        let q = &v["quantity"];
        let (qs, qe) = (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        );
        assert!(
            at("start") <= qs && qe <= at("end"),
            "the excerpt holds the figure: {v}"
        );
        assert!(at("sentence_start") <= at("start") && at("end") <= at("sentence_end"));
        assert!(at("end") - at("start") <= 2 * 160 + 32, "{v}");
        n += 1;
    }
    assert_eq!(n, 10_000);
    // A short sentence is quoted whole, without the excerpt fields.
    let out = bin()
        .args(["claims", "-"])
        .write_stdin("Some 30 people came.")
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["sentence"], "Some 30 people came.");
    assert!(v.get("sentence_start").is_none());
}

#[test]
fn compare_json_quotes_long_sentences_as_excerpts() {
    let d = tempfile::tempdir().unwrap();
    let (a, b) = (d.path().join("a.txt"), d.path().join("b.txt"));
    let text = figures_sentence(2_000);
    fs::write(&a, &text).unwrap();
    fs::write(&b, "Officials counted 1500 people in all.\n").unwrap();
    let out = bin()
        .arg("compare")
        .arg(&a)
        .arg(&b)
        .args(["-f", "json"])
        .timeout(GUARD)
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let claims: usize = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["claims"].as_array().unwrap().len())
        .sum();
    // About a kilobyte of pretty JSON per claim, whatever the length of its sentence.
    assert!(
        claims >= 1_000 && out.stdout.len() < 2_000 * claims,
        "{} bytes, {claims} claims",
        out.stdout.len()
    );
    for f in v["findings"].as_array().unwrap() {
        for c in f["claims"].as_array().unwrap() {
            let src = if c["source"] == "a" {
                &text
            } else {
                "Officials counted 1500 people in all.\n"
            };
            let at = |k: &str| c[k].as_u64().unwrap() as usize;
            assert_eq!(&src[at("start")..at("end")], c["sentence"]);
        }
    }
}

#[test]
fn an_unpunctuated_report_finishes_and_says_it_was_cut() {
    let words = [
        "the", "council", "said", "river", "storm", "workers", "30", "people",
    ];
    let mut text = String::new();
    let mut i = 0usize;
    while text.len() < 256 << 10 {
        text.push_str(words[i % words.len()]);
        text.push(' ');
        i = i.wrapping_mul(31).wrapping_add(7) % 1009;
    }
    let d = tempfile::tempdir().unwrap();
    let a = d.path().join("run-on.txt");
    fs::write(&a, &text).unwrap();
    for cmd in ["sentences", "claims"] {
        let out = bin().arg(cmd).arg(&a).timeout(GUARD).output().unwrap();
        assert!(out.status.success(), "{cmd}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("run-on.txt: text ran on for more than 4096 bytes without a sentence stop (first at byte 0)"), "{cmd}: {err}");
    }
    let b = d.path().join("b.txt");
    fs::write(&b, "Some 30 people came.\n").unwrap();
    let out = bin()
        .arg("compare")
        .arg(&a)
        .arg(&b)
        .args(["-f", "json"])
        .timeout(GUARD)
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{:?}", out.status);
}
