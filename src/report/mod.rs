//! Reporters: each turns a [`Comparison`] into one output format.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod text;

use crate::judge::{self, Comparison, Finding, FindingKind};

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

/// For a topic × source table: per source, the figure its claim in `f` quotes and whether it
/// is an outlier of the finding, or `None` where the source has no claim in it.
pub(crate) fn row_by_source<'a>(
    cmp: &'a Comparison,
    f: &'a Finding,
) -> impl Iterator<Item = Option<(String, bool)>> + 'a {
    (0..cmp.analyses.len()).map(move |s| {
        f.claims
            .iter()
            .find(|r| r.source == s)
            .map(|r| (judge::figure(&cmp.analyses, *r), f.outliers.contains(r)))
    })
}

/// Sentence text on one line, for tables and terminals.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
