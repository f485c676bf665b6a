//! Batch mode: one event per JSON line in, its findings out. The CLI streams lines through
//! [`compare_line`] in parallel chunks and writes the results in input order.

use crate::report::{csv, json, Options};
use crate::{analyze, compare_analyses, Comparison, Document};
use serde::{Deserialize, Deserializer, Serialize};
use std::io::{self, BufRead};

/// One input line: an event and its reports. Fields other than these are ignored, so events
/// exported with extra metadata (urls, titles) need no cleaning first.
#[derive(Debug, Deserialize)]
pub struct EventLine {
    /// A string, or a number (kept as its decimal text).
    #[serde(deserialize_with = "string_or_number")]
    pub event_id: String,
    pub reports: Vec<ReportLine>,
}

/// One report of an event.
#[derive(Debug, Deserialize)]
pub struct ReportLine {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    #[serde(default)]
    pub label: Option<String>,
    pub text: String,
    /// ISO 8601 date or date-time (see [`crate::Published`]); `null` or `""` when unknown.
    #[serde(default)]
    pub published: Option<String>,
}

/// Ids exported from databases and Spark are often integers: accept them as their text.
fn string_or_number<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Id {
        S(String),
        U(u64),
        I(i64),
    }
    Id::deserialize(d)
        .map(|id| match id {
            Id::S(s) => s,
            Id::U(n) => n.to_string(),
            Id::I(n) => n.to_string(),
        })
        .map_err(|_| serde::de::Error::custom("expected a string or an integer"))
}

/// Why one line could not be compared; the batch goes on without it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}{}: {message}", event_id.as_ref().map(|e| format!(" (event {e})")).unwrap_or_default())]
pub struct LineError {
    pub line: usize,
    pub event_id: Option<String>,
    pub message: String,
}

/// The wire form of an error record: shaped like a finding line (`event_id`, `kind`), so
/// one schema reads both when errors are written inline.
#[derive(Serialize)]
struct ErrorLine<'a> {
    event_id: Option<&'a str>,
    kind: &'static str,
    line: usize,
    message: &'a str,
}

impl Serialize for LineError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ErrorLine {
            event_id: self.event_id.as_deref(),
            kind: "error",
            line: self.line,
            message: &self.message,
        }
        .serialize(s)
    }
}

impl LineError {
    /// The error as one JSON line.
    pub fn jsonl(&self, out: &mut Vec<u8>) {
        serde_json::to_writer(&mut *out, self).expect("serializable");
        out.push(b'\n');
    }

    /// The error as one CSV row of batch output: kind `error`, the message as explanation.
    pub fn csv_row(&self, out: &mut Vec<u8>) {
        let mut row = vec![String::new(); csv_header().len()];
        row[0] = self.event_id.clone().unwrap_or_default();
        row[1] = "error".to_string();
        *row.last_mut().expect("header is not empty") = self.to_string();
        let mut w = ::csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(out);
        w.write_record(row.iter().map(|c| csv::neutralize(c)))
            .expect("write to memory");
        w.flush().expect("write to memory");
    }
}

/// Parses and compares one line (1-based `line` for errors).
pub fn compare_line(text: &str, line: usize) -> Result<(String, Comparison), LineError> {
    let ev: EventLine = serde_json::from_str(text).map_err(|e| LineError {
        line,
        event_id: salvage_event_id(text),
        message: format!("invalid event: {e}"),
    })?;
    compare_event(ev, line)
}

/// Compares one event already read into an [`EventLine`] (by a driver that does not hold
/// JSON text, such as the Python bindings), with the checks and errors of [`compare_line`];
/// `line` is the event's 1-based position in its input.
pub fn compare_event(ev: EventLine, line: usize) -> Result<(String, Comparison), LineError> {
    let err = |event_id: Option<&str>, message: String| LineError {
        line,
        event_id: event_id.map(str::to_string),
        message,
    };
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
        let published = match r.published.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(p) => Some(crate::Published::parse(p).map_err(|e| {
                err(
                    Some(&ev.event_id),
                    format!("report '{}': published {e}", r.id),
                )
            })?),
        };
        let label = r.label.clone().unwrap_or_else(|| r.id.clone());
        let doc = Document::from_text(&r.id, &label, r.text).with_published(published);
        analyses.push(analyze(doc, None));
    }
    Ok((ev.event_id, compare_analyses(analyses)))
}

/// Runs `compare` (a call of [`compare_line`] or [`compare_event`]) so that a panic in any
/// stage becomes that event's error record: a bug triggered by one event's text must not take
/// a whole batch down.
pub fn catch_panic<F>(line: usize, compare: F) -> Result<(String, Comparison), LineError>
where
    F: FnOnce() -> Result<(String, Comparison), LineError> + std::panic::UnwindSafe,
{
    std::panic::catch_unwind(compare).unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        Err(LineError {
            line,
            event_id: None,
            message: format!("internal error, please report it: {what}"),
        })
    })
}

/// The event id of a line that is JSON but not a valid event, so its error can name it.
fn salvage_event_id(text: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct Loose {
        #[serde(deserialize_with = "string_or_number")]
        event_id: String,
    }
    serde_json::from_str::<Loose>(text).ok().map(|l| l.event_id)
}

/// One line of input, numbered from 1: its text, or why it cannot be read.
#[derive(Debug)]
pub struct Line {
    pub number: usize,
    pub text: Result<String, LineError>,
    /// Bytes the line took in the input, newline included.
    pub bytes: usize,
}

/// Reads JSON Lines with a bound on line length: a longer line is skipped (read through
/// without being kept) and becomes an error record, so memory stays bounded whatever the input.
/// Blank lines are skipped; a UTF-8 byte-order mark at the start is dropped.
pub struct LineReader<R> {
    input: R,
    max: usize,
    number: usize,
    buf: Vec<u8>,
}

impl<R: BufRead> LineReader<R> {
    pub fn new(input: R, max_line_bytes: usize) -> LineReader<R> {
        LineReader {
            input,
            max: max_line_bytes,
            number: 0,
            buf: Vec::new(),
        }
    }

    /// The number of the last line read (0 before the first).
    pub fn line_number(&self) -> usize {
        self.number
    }

    /// The next non-blank line, `None` at the end of input.
    pub fn next_line(&mut self) -> io::Result<Option<Line>> {
        loop {
            self.buf.clear();
            let (total, length) = self.read_raw()?;
            if total == 0 {
                return Ok(None);
            }
            self.number += 1;
            if length > self.max {
                return Ok(Some(Line {
                    number: self.number,
                    text: Err(LineError {
                        line: self.number,
                        event_id: None,
                        message: format!(
                            "line is {length} bytes, longer than the limit of {} (--max-line-bytes); skipped",
                            self.max
                        ),
                    }),
                    bytes: total,
                }));
            }
            while self.buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                self.buf.pop();
            }
            if self.number == 1 && self.buf.starts_with(b"\xEF\xBB\xBF") {
                self.buf.drain(..3);
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let text = String::from_utf8(std::mem::take(&mut self.buf)).map_err(|e| LineError {
                line: self.number,
                event_id: None,
                message: format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
            });
            return Ok(Some(Line {
                number: self.number,
                text,
                bytes: total,
            }));
        }
    }

    /// Reads one raw line into `buf`, keeping it only while it is at most `max` bytes (plus
    /// the newline); returns the bytes consumed and the line's length without its newline.
    fn read_raw(&mut self) -> io::Result<(usize, usize)> {
        let mut total = 0;
        loop {
            let chunk = match self.input.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                return Ok((total, total));
            }
            let (take, done) = match memchr::memchr(b'\n', chunk) {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            // Content bytes kept so far must stay within the limit; the newline is free.
            let content = if done { take - 1 } else { take };
            if total + content <= self.max {
                self.buf.extend_from_slice(&chunk[..take]);
            } else if !self.buf.is_empty() {
                self.buf = Vec::new(); // release what a too-long line had taken
            }
            total += take;
            self.input.consume(take);
            if done {
                return Ok((total, total - 1));
            }
        }
    }
}

/// The JSON Lines of an event's findings: each finding's JSON object with `event_id` as its
/// first field. Written by splicing the id into the serialized object, which is several
/// times cheaper than `#[serde(flatten)]` (that goes through a map serializer).
pub fn jsonl(event_id: &str, cmp: &Comparison, opts: &Options, out: &mut Vec<u8>) {
    let mut id = Vec::with_capacity(event_id.len() + 16);
    id.extend_from_slice(b"{\"event_id\":");
    serde_json::to_writer(&mut id, event_id).expect("a string serializes");
    for finding in json::comparison_json(cmp, opts).findings {
        out.extend_from_slice(&id);
        // The id's prefix opened the object: the finding's own `{` becomes the comma after
        // the id (serialized in place, not copied).
        let open = out.len();
        serde_json::to_writer(&mut *out, &finding).expect("serializable");
        debug_assert_eq!(out[open], b'{', "a finding is an object");
        out[open] = b',';
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
        assert!(e.to_string().starts_with("line 7: invalid event"), "{e}");
        let e = compare_line(r#"{"event_id":"x","reports":[]}"#, 3).unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 3 (event x): needs at least two reports, got 0"
        );
        let e = compare_line(r#"{"event_id":"x"}"#, 4).unwrap_err();
        assert!(e.to_string().contains("missing field `reports`"), "{e}");
        assert_eq!(e.event_id.as_deref(), Some("x"), "named though invalid");
        let e = compare_line(
            r#"{"event_id":"x","reports":[{"id":"a","text":"1"},{"id":"a","text":"2"}]}"#,
            5,
        )
        .unwrap_err();
        assert_eq!(e.message, "report id 'a' appears twice");
        let e = compare_line(
            r#"{"event_id":"x","reports":[{"id":"a","text":"1"},{"id":"b","text":" "}]}"#,
            5,
        )
        .unwrap_err();
        assert_eq!(e.message, "report 'b' is empty");
    }

    #[test]
    fn an_event_in_memory_compares_like_its_line() {
        let report = |id: &str, text: &str| ReportLine {
            id: id.into(),
            label: None,
            text: text.into(),
            published: None,
        };
        let ev = EventLine {
            event_id: "e1".into(),
            reports: vec![
                report("a", "At least 30 people were killed."),
                report("b", "Thirty-four people died."),
            ],
        };
        let (id, cmp) = compare_event(ev, 1).unwrap();
        let line = r#"{"event_id":"e1","reports":[{"id":"a","text":"At least 30 people were killed."},{"id":"b","text":"Thirty-four people died."}]}"#;
        let (_, from_line) = compare_line(line, 1).unwrap();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        jsonl(&id, &cmp, &Options::default(), &mut a);
        jsonl(&id, &from_line, &Options::default(), &mut b);
        assert_eq!(a, b);
        let ev = EventLine {
            event_id: "e2".into(),
            reports: vec![report("a", "1"), report("a", "2")],
        };
        let e = compare_event(ev, 9).unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 9 (event e2): report id 'a' appears twice"
        );
    }

    #[test]
    fn a_panic_becomes_the_events_error() {
        let e = catch_panic(4, || panic!("boom")).unwrap_err();
        assert_eq!(e.line, 4);
        assert_eq!(e.message, "internal error, please report it: boom");
        let ok = catch_panic(5, || compare_line(r#"{"event_id":"x","reports":[]}"#, 5));
        assert!(ok.unwrap_err().message.starts_with("needs at least two"));
    }

    #[test]
    fn integer_ids_and_extra_fields_are_accepted() {
        let line = r#"{"event_id":42,"url":"x","reports":[{"id":1,"text":"5 people died.","source":"wire"},{"id":2,"text":"Five people died.","published":null}]}"#;
        let (id, cmp) = compare_line(line, 1).unwrap();
        assert_eq!(id, "42");
        assert_eq!(cmp.analyses[1].document.source.id, "2");
        let e = compare_line(r#"{"event_id":[1],"reports":[]}"#, 2).unwrap_err();
        assert!(e.message.contains("expected a string or an integer"), "{e}");
    }

    #[test]
    fn error_records_are_shaped_like_findings() {
        let e = LineError {
            line: 3,
            event_id: Some("e".into()),
            message: "=bad".into(),
        };
        let mut out = Vec::new();
        e.jsonl(&mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"event_id\":\"e\",\"kind\":\"error\",\"line\":3,\"message\":\"=bad\"}\n"
        );
        let mut out = Vec::new();
        e.csv_row(&mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "e,error,,,,,,,,,,,,line 3 (event e): =bad\n"
        );
    }

    fn read_all(input: &[u8], max: usize) -> Vec<(usize, Result<String, String>, usize)> {
        let mut r = LineReader::new(input, max);
        let mut out = Vec::new();
        while let Some(l) = r.next_line().unwrap() {
            out.push((l.number, l.text.map_err(|e| e.to_string()), l.bytes));
        }
        out
    }

    #[test]
    fn lines_are_numbered_through_blank_lines_and_stripped() {
        let got = read_all(b"\xEF\xBB\xBFa\r\n\n  \nb\nc", 10);
        assert_eq!(
            got,
            [
                (1, Ok("a".into()), 6),
                (4, Ok("b".into()), 2),
                (5, Ok("c".into()), 1)
            ]
        );
    }

    #[test]
    fn a_line_over_the_limit_is_skipped_with_an_error() {
        // Exactly at the limit fits, newline not counted; one byte more does not.
        let got = read_all(b"abcd\nabcde\nxy\nabcdefghij", 4);
        assert_eq!(got[0], (1, Ok("abcd".into()), 5));
        assert_eq!(got[1].0, 2);
        assert_eq!(
            got[1].1.as_ref().unwrap_err(),
            "line 2: line is 5 bytes, longer than the limit of 4 (--max-line-bytes); skipped"
        );
        assert_eq!(got[2], (3, Ok("xy".into()), 3));
        assert!(got[3].1.as_ref().unwrap_err().contains("line is 10 bytes"));
    }

    #[test]
    fn a_long_line_is_read_through_in_small_pieces() {
        // A tiny buffer forces the line across many fill_buf calls.
        let mut input = vec![b'x'; 10_000];
        input.extend_from_slice(b"\nok\n");
        let mut r = LineReader::new(std::io::BufReader::with_capacity(7, &input[..]), 100);
        let first = r.next_line().unwrap().unwrap();
        assert!(first.text.is_err());
        assert_eq!(first.bytes, 10_001);
        assert!(r.buf.capacity() <= 200, "kept {} bytes", r.buf.capacity());
        assert_eq!(r.next_line().unwrap().unwrap().text.unwrap(), "ok");
        assert!(r.next_line().unwrap().is_none());
    }

    #[test]
    fn invalid_utf8_is_that_lines_error() {
        let got = read_all(b"ok\n\xff\xfe\n", 10);
        assert_eq!(
            got[1].1.as_ref().unwrap_err(),
            "line 2: invalid UTF-8 at byte 0"
        );
    }
}
