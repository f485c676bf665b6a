//! Snapshot tests of every report format over the commissioning example in `corpus/`, and
//! of the human formats over a three-report event (the topic × source overview, an outlier).
//! A change in output shows up as a diff to review (`cargo insta review`, or
//! `INSTA_UPDATE=always cargo test --test snapshots` to accept).

mod common;

fn render_event(event: &str, reports: &[&str], format: &str) -> String {
    let out = common::bin()
        .current_dir(common::corpus().join(event))
        .env_remove("COLUMNS")
        .arg("compare")
        .args(reports)
        .args(["--format", format])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "a discrepancy is expected");
    String::from_utf8(out.stdout).unwrap()
}

fn render(format: &str) -> String {
    render_event("moscow-call-centres", &["news.txt", "analysis.txt"], format)
}

fn three(format: &str) -> String {
    render_event(
        "mayfair-jewel-heist",
        &["euro-herald.txt", "london-evening.txt", "wire.txt"],
        format,
    )
}

/// The page without its style sheet and script (browser-tested, `tests/browser/`) and the
/// policy's hashes of them, so the snapshot shows what the page says.
fn html_content(page: &str) -> String {
    let mut out = page.to_string();
    for (open, close) in [("<style>", "</style>"), ("<script>", "</script>")] {
        let start = out.find(open).expect("inline") + open.len();
        let end = start + out[start..].find(close).expect("closed");
        out.replace_range(start..end, "…");
    }
    let mut rest = out.as_str();
    let mut clean = String::new();
    while let Some(at) = rest.find("'sha256-") {
        let end = at + rest[at..].find("='").expect("a hash ends") + 2;
        clean.push_str(&rest[..at]);
        clean.push_str("'sha256-…'");
        rest = &rest[end..];
    }
    clean.push_str(rest);
    clean
}

#[test]
fn text_report() {
    insta::assert_snapshot!(render("text"));
}

#[test]
fn json_report() {
    let v: serde_json::Value = serde_json::from_str(&render("json")).unwrap();
    insta::assert_json_snapshot!(v);
}

#[test]
fn csv_report() {
    insta::assert_snapshot!(render("csv"));
}

#[test]
fn markdown_report() {
    insta::assert_snapshot!(render("markdown"));
}

#[test]
fn html_report() {
    insta::assert_snapshot!(html_content(&render("html")));
}

#[test]
fn text_report_three_sources() {
    insta::assert_snapshot!(three("text"));
}

#[test]
fn markdown_report_three_sources() {
    insta::assert_snapshot!(three("markdown"));
}

#[test]
fn html_report_three_sources() {
    insta::assert_snapshot!(html_content(&three("html")));
}
