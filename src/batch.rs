//! Batch mode: one event per JSON line in, its findings out. The CLI streams lines through
//! [`compare_line`] in parallel chunks and writes the results in input order.

use crate::report::{csv, json, Options};
use crate::{analyze, compare_analyses, Comparison, Document};
use serde::{Deserialize, Serialize};

/// One input line: an event and its reports.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventLine {
    pub event_id: String,
    pub reports: Vec<ReportLine>,
}

/// One report of an event.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportLine {
    pub id: String,
    #[serde(default)]
    pub label: Option<String>,
    pub text: String,
    /// ISO date, kept for consumers; not used in judging yet.
    #[serde(default)]
    pub published: Option<String>,
}

/// Why one line could not be compared; the batch goes on without it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("line {line}{}: {message}", event_id.as_ref().map(|e| format!(" (event {e})")).unwrap_or_default())]
pub struct LineError {
    pub line: usize,
    pub event_id: Option<String>,
    pub message: String,
}

/// Parses and compares one line (1-based `line` for errors).
pub fn compare_line(text: &str, line: usize) -> Result<(String, Comparison), LineError> {
    let err = |event_id: Option<&str>, message: String| LineError {
        line,
        event_id: event_id.map(str::to_string),
        message,
    };
    let ev: EventLine =
        serde_json::from_str(text).map_err(|e| err(None, format!("invalid event JSON: {e}")))?;
    if ev.reports.len() < 2 {
        return Err(err(
            Some(&ev.event_id),
            format!("needs at least two reports, got {}", ev.reports.len()),
        ));
    }
    let mut seen = std::collections::HashSet::new();
    let mut analyses = Vec::with_capacity(ev.reports.len());
    for r in ev.reports {
        if !seen.insert(r.id.clone()) {
            return Err(err(
                Some(&ev.event_id),
                format!("report id '{}' appears twice", r.id),
            ));
        }
        if r.text.trim().is_empty() {
            return Err(err(
                Some(&ev.event_id),
                format!("report '{}' is empty", r.id),
            ));
        }
        let label = r.label.clone().unwrap_or_else(|| r.id.clone());
        analyses.push(analyze(Document::from_text(&r.id, &label, r.text), None));
    }
    Ok((ev.event_id, compare_analyses(analyses)))
}

#[derive(Serialize)]
struct FindingLine<'a> {
    event_id: &'a str,
    #[serde(flatten)]
    finding: json::FindingJson<'a>,
}

/// The JSON Lines of an event's findings.
pub fn jsonl(event_id: &str, cmp: &Comparison, opts: &Options, out: &mut Vec<u8>) {
    for finding in json::comparison_json(cmp, opts).findings {
        serde_json::to_writer(&mut *out, &FindingLine { event_id, finding }).expect("serializable");
        out.push(b'\n');
    }
}

/// CSV header of batch output: `event_id` then the discrepancy columns.
pub fn csv_header() -> Vec<&'static str> {
    std::iter::once("event_id").chain(csv::HEADER).collect()
}

/// The CSV rows of an event's findings (cells neutralized).
pub fn csv_rows(event_id: &str, cmp: &Comparison, opts: &Options, out: &mut Vec<u8>) {
    let mut w = ::csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    for row in csv::rows(cmp, opts) {
        let cells = std::iter::once(event_id.to_string())
            .chain(row)
            .map(|c| csv::neutralize(&c));
        w.write_record(cells).expect("write to memory");
    }
    w.flush().expect("write to memory");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_line_compares() {
        let line = r#"{"event_id":"e1","reports":[{"id":"a","text":"At least 30 people were killed."},{"id":"b","text":"Thirty-four people died."}]}"#;
        let (id, cmp) = compare_line(line, 1).unwrap();
        assert_eq!(id, "e1");
        let mut out = Vec::new();
        jsonl(&id, &cmp, &Options::default(), &mut out);
        let v: serde_json::Value =
            serde_json::from_slice(out.split(|&b| b == b'\n').next().unwrap()).unwrap();
        assert_eq!(v["event_id"], "e1");
        assert_eq!(v["kind"], "agreement");
        assert_eq!(v["claims"][0]["source"], "a");
    }

    #[test]
    fn bad_lines_name_their_line() {
        let e = compare_line("{not json", 7).unwrap_err();
        assert!(
            e.to_string().starts_with("line 7: invalid event JSON"),
            "{e}"
        );
        let e = compare_line(r#"{"event_id":"x","reports":[]}"#, 3).unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 3 (event x): needs at least two reports, got 0"
        );
        let e = compare_line(r#"{"event_id":"x"}"#, 4).unwrap_err();
        assert!(e.to_string().contains("missing field `reports`"), "{e}");
    }
}
