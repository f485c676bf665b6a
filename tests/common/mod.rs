//! Helpers shared by the end-to-end tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn corpus() -> PathBuf {
    root().join("corpus")
}

/// Event folders of the corpus, sorted.
pub fn events() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(corpus())
        .expect("corpus/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    v.sort();
    v
}

/// Report files of an event folder, sorted (everything but expected.json and README).
pub fn reports(event: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(event)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("txt" | "md" | "html")
            )
        })
        .collect();
    v.sort();
    v
}

pub fn bin() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("corroborate").unwrap()
}

/// Compares texts as reports `r0`, `r1`, …, one document each.
pub fn compare_texts(texts: &[&str]) -> corroborate::Comparison {
    let docs = texts
        .iter()
        .enumerate()
        .map(|(i, t)| corroborate::Document::from_text(&format!("r{i}"), &format!("r{i}"), *t))
        .collect();
    corroborate::compare(docs).expect("compare")
}
