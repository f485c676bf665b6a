//! Snapshot tests of every report format over the commissioning example in `corpus/`.
//! A change in output shows up as a diff to review (`cargo insta review`, or
//! `INSTA_UPDATE=always cargo test --test snapshots` to accept).

mod common;

fn render(format: &str) -> String {
    let event = common::corpus().join("moscow-call-centres");
    let out = common::bin()
        .current_dir(&event)
        .args(["compare", "news.txt", "analysis.txt", "--format", format])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "a discrepancy is expected");
    String::from_utf8(out.stdout).unwrap()
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
    insta::assert_snapshot!(render("html"));
}
