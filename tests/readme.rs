//! README.md shows real output of the commissioning example: keep it so.

mod common;

#[test]
fn readme_example_output_is_current() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let start = readme
        .find("```\nCompared 2 reports:")
        .expect("README shows the example output")
        + 4;
    let end = start + readme[start..].find("```").unwrap();
    let shown = &readme[start..end];
    let out = common::bin()
        .current_dir(common::root())
        // The terminal's width (COLUMNS) would wrap the header differently.
        .env_remove("COLUMNS")
        .args([
            "compare",
            "corpus/moscow-call-centres/news.txt",
            "corpus/moscow-call-centres/analysis.txt",
            "--only",
            "discrepancy,agreement",
        ])
        .output()
        .unwrap();
    let got = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        shown.trim_end(),
        got.trim_end(),
        "README.md's example output is stale: paste the new output in"
    );
}
