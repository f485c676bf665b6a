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
