//! Reporters: each turns a [`Comparison`] into one output format.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod text;

use crate::judge::{Comparison, Finding, FindingKind};

/// Output formats of `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Csv,
    Markdown,
    Html,
}

/// What to show and how.
#[derive(Debug, Clone)]
pub struct Options {
    /// Finding kinds to include; empty means all.
    pub only: Vec<FindingKind>,
    /// Findings below this confidence are left out.
    pub min_confidence: f64,
    /// ANSI colour in the text report.
    pub color: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            only: Vec::new(),
            min_confidence: 0.0,
            color: false,
        }
    }
}

impl Options {
    pub fn keeps(&self, f: &Finding) -> bool {
        (self.only.is_empty() || self.only.contains(&f.kind)) && f.confidence >= self.min_confidence
    }
}

/// Renders the comparison in the given format.
pub fn render(cmp: &Comparison, format: Format, opts: &Options) -> Result<String, crate::Error> {
    Ok(match format {
        Format::Text => text::render(cmp, opts),
        Format::Json => json::render(cmp, opts),
        Format::Csv => csv::render(cmp, opts),
        Format::Markdown => markdown::render(cmp, opts),
        Format::Html => html::render(cmp, opts),
    })
}

/// Sentence text on one line, for tables and terminals.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
