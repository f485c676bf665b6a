//! Reporters: each turns a [`Comparison`] into one output format. What they share lives here:
//! which findings are shown and the summary that says so, the camps a finding's claims fall
//! into, each claim's evidence in place, and making control characters from report text
//! visible.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod text;

use crate::align::ClaimRef;
use crate::extract::HedgeKind;
use crate::judge::{self, Comparison, Finding, FindingKind};
use std::borrow::Cow;
use std::ops::Range;

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
    /// Columns the text report may use (the terminal's width).
    pub width: usize,
    /// CSV: start with a UTF-8 byte-order mark, which Excel needs to read UTF-8.
    pub excel: bool,
}

/// The text report's width when it is not given (not a terminal).
pub const DEFAULT_WIDTH: usize = 120;

impl Default for Options {
    fn default() -> Self {
        Options {
            only: Vec::new(),
            min_confidence: 0.0,
            color: false,
            width: DEFAULT_WIDTH,
            excel: false,
        }
    }
}

impl Options {
    pub fn keeps(&self, f: &Finding) -> bool {
        (self.only.is_empty() || self.only.contains(&f.kind)) && f.confidence >= self.min_confidence
    }

    /// Whether any finding may be left out.
    pub fn filters(&self) -> bool {
        !self.only.is_empty() || self.min_confidence > 0.0
    }

    /// The filter in the words of the command line: `--only discrepancy --min-confidence 0.5`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if !self.only.is_empty() {
            let kinds: Vec<&str> = self.only.iter().map(|k| k.as_str()).collect();
            parts.push(format!("--only {}", kinds.join(",")));
        }
        if self.min_confidence > 0.0 {
            parts.push(format!("--min-confidence {}", self.min_confidence));
        }
        parts.join(" ")
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

/// `1 discrepancy`, `3 agreements`, `0 unique claims`.
pub(crate) fn count(n: usize, kind: FindingKind) -> String {
    let (one, many) = match kind {
        FindingKind::Discrepancy => ("discrepancy", "discrepancies"),
        FindingKind::Agreement => ("agreement", "agreements"),
        FindingKind::Unique => ("unique claim", "unique claims"),
    };
    format!("{n} {}", if n == 1 { one } else { many })
}

pub(crate) const KINDS: [FindingKind; 3] = [
    FindingKind::Discrepancy,
    FindingKind::Agreement,
    FindingKind::Unique,
];

/// The summary every human format opens with: how many findings of each kind the comparison
/// has, and, when a filter leaves some out, how many are shown — never counts of the shown
/// ones passed off as the whole.
pub(crate) struct Summary {
    /// Per kind (in [`KINDS`] order): all findings, and those shown.
    pub all: [usize; 3],
    pub shown: [usize; 3],
    pub filtered: Option<String>,
}

impl Summary {
    pub fn new(cmp: &Comparison, opts: &Options) -> Summary {
        let mut all = [0; 3];
        let mut shown = [0; 3];
        for f in &cmp.findings {
            let k = KINDS.iter().position(|k| *k == f.kind).unwrap_or(0);
            all[k] += 1;
            if opts.keeps(f) {
                shown[k] += 1;
            }
        }
        Summary {
            all,
            shown,
            filtered: opts.filters().then(|| opts.describe()),
        }
    }

    /// `14 findings: 1 discrepancy, 3 agreements, 10 unique claims`.
    pub fn counts(&self) -> String {
        let total: usize = self.all.iter().sum();
        let parts: Vec<String> = KINDS
            .iter()
            .zip(self.all)
            .map(|(k, n)| count(n, *k))
            .collect();
        format!(
            "{total} {}: {}",
            if total == 1 { "finding" } else { "findings" },
            parts.join(", ")
        )
    }

    /// `3 of 14 findings shown (--only discrepancy)`, when a filter leaves some out.
    pub fn shown_line(&self) -> Option<String> {
        let f = self.filtered.as_ref()?;
        let total: usize = self.all.iter().sum();
        let shown: usize = self.shown.iter().sum();
        Some(format!("{shown} of {total} findings shown ({f})"))
    }
}

/// How a claim stands in its finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Standing {
    /// Agrees with the consensus (or an agreement, or a unique claim).
    Consensus,
    /// Disagrees with a consensus of three or more sources.
    Outlier,
    /// One camp (0-based) of a discrepancy with no consensus.
    Camp(usize),
}

impl Standing {
    /// `A`, `B`, … for camps.
    pub fn letter(self) -> Option<char> {
        match self {
            Standing::Camp(k) => Some((b'A' + (k % 26) as u8) as char),
            _ => None,
        }
    }
}

/// The standing of claim `r` in `f`.
pub(crate) fn standing(f: &Finding, r: &ClaimRef) -> Standing {
    if let Some(k) = f.camps.iter().position(|c| c.contains(r)) {
        return Standing::Camp(k);
    }
    // With two sources "outlier" means nothing: either may be wrong.
    if f.claims.len() > 2 && f.outliers.contains(r) {
        return Standing::Outlier;
    }
    Standing::Consensus
}

/// A finding's claims grouped for a one-line-per-group view: the consensus (or everyone, for
/// an agreement) and each outlier, or each camp.
pub(crate) fn groups(f: &Finding) -> Vec<(Standing, Vec<ClaimRef>)> {
    if !f.camps.is_empty() {
        return f
            .camps
            .iter()
            .enumerate()
            .map(|(k, c)| (Standing::Camp(k), c.clone()))
            .collect();
    }
    if f.kind == FindingKind::Discrepancy && f.claims.len() > 2 && !f.outliers.is_empty() {
        let mut out = vec![(Standing::Consensus, f.consensus.clone())];
        out.extend(f.outliers.iter().map(|o| (Standing::Outlier, vec![*o])));
        return out;
    }
    if f.kind == FindingKind::Discrepancy {
        // Two claims that differ (or count different things): each stands alone.
        return f
            .claims
            .iter()
            .enumerate()
            .map(|(k, c)| (Standing::Camp(k), vec![*c]))
            .collect();
    }
    vec![(Standing::Consensus, f.claims.clone())]
}

/// `1 source`, `3 sources`.
pub(crate) fn sources(n: usize) -> String {
    format!("{n} {}", if n == 1 { "source" } else { "sources" })
}

/// The distinct figures of some claims as written, one line each, quoted:
/// `"8.5%" / "8.5 per cent"` (three at most, then how many more). Not escaped.
pub(crate) fn figures(cmp: &Comparison, claims: &[ClaimRef]) -> String {
    let mut seen: Vec<String> = Vec::new();
    for r in claims {
        let f = one_line(&judge::figure(&cmp.analyses, *r));
        if !seen.iter().any(|s| s.eq_ignore_ascii_case(&f)) {
            seen.push(f);
        }
    }
    let more = seen.len().saturating_sub(3);
    let mut s = seen
        .iter()
        .take(3)
        .map(|f| format!("\"{f}\""))
        .collect::<Vec<_>>()
        .join(" / ");
    if more > 0 {
        s.push_str(&format!(" and {more} more"));
    }
    s
}

/// One line of a many-source overview: a group of a finding's claims (see [`groups`]), the
/// figures it gives and the labels of its sources. Not escaped.
pub(crate) struct CampLine {
    pub standing: Standing,
    pub figures: String,
    pub labels: Vec<String>,
}

pub(crate) fn camp_lines(cmp: &Comparison, f: &Finding) -> Vec<CampLine> {
    groups(f)
        .into_iter()
        .map(|(standing, claims)| CampLine {
            standing,
            figures: figures(cmp, &claims),
            labels: claims
                .iter()
                .map(|r| one_line(&cmp.analyses[r.source].document.source.label))
                .collect(),
        })
        .collect()
}

/// A claim's evidence in place: its sentence, where the figure sits in it, and what the
/// terminal prints beside it.
pub(crate) struct Evidence<'a> {
    pub label: &'a str,
    /// The sentence as written in the report.
    pub sentence: &'a str,
    /// Where the figure (with what it counts) is inside `sentence`; empty when unknown.
    pub mark: Range<usize>,
    pub figure: String,
    /// `per officials`.
    pub attribution: Option<&'a str>,
    /// The hedge in words (`at least`, `about`, `a vague amount`), when the figure has one:
    /// what the judge read the figure to allow.
    pub hedge: Option<&'static str>,
    /// A distancing word (`allegedly`).
    pub modality: Option<&'a str>,
    /// Byte range of the sentence and of the figure in the report's original text.
    pub sentence_span: Range<usize>,
    pub figure_span: Range<usize>,
}

pub(crate) fn hedge_words(h: HedgeKind) -> Option<&'static str> {
    Some(match h {
        HedgeKind::Exact | HedgeKind::Exactly => return None,
        HedgeKind::AtLeast => "at least",
        HedgeKind::MoreThan => "more than",
        HedgeKind::Approx => "about",
        HedgeKind::Nearly => "nearly",
        HedgeKind::AtMost => "at most",
        HedgeKind::LessThan => "less than",
        HedgeKind::UpTo => "up to",
        HedgeKind::Range => "a range",
        HedgeKind::Vague => "a vague amount",
    })
}

pub(crate) fn evidence(cmp: &Comparison, r: ClaimRef) -> Evidence<'_> {
    let a = &cmp.analyses[r.source];
    let s = &a.sentences[cmp.sentence(r)];
    let sentence_span = s.original.clone();
    let figure_span = match (cmp.claim(r), cmp.role(r)) {
        (Some(c), _) => {
            let end = c
                .counted
                .as_ref()
                .map_or(c.quantity.span.end, |k| k.span.end.max(c.quantity.span.end));
            a.original_range(c.quantity.span.start..end)
        }
        (None, Some(x)) => a.original_range(x.span.clone()),
        (None, None) => sentence_span.start..sentence_span.start,
    };
    // A figure the sentence map widened past the sentence is marked only within it.
    let mark = figure_span
        .start
        .clamp(sentence_span.start, sentence_span.end)
        - sentence_span.start
        ..figure_span
            .end
            .clamp(sentence_span.start, sentence_span.end)
            - sentence_span.start;
    let c = cmp.claim(r);
    Evidence {
        label: &a.document.source.label,
        sentence: a.sentence_text(s.index),
        mark,
        figure: judge::figure(&cmp.analyses, r),
        attribution: c
            .and_then(|c| c.attribution.as_ref())
            .map(|x| x.text.as_str()),
        hedge: c.and_then(|c| hedge_words(c.quantity.hedge)),
        modality: c.and_then(|c| c.modality.as_deref()),
        sentence_span,
        figure_span,
    }
}

/// A claim's sentence on one line with its figure between `open` and `close`, each part
/// escaped by `esc`; the whitespace between the parts is kept (one space) but never put
/// inside the markers, where Markdown would not read them as emphasis.
pub(crate) fn marked_quote(
    e: &Evidence,
    esc: impl Fn(&str) -> String,
    open: &str,
    close: &str,
) -> String {
    let s = e.sentence;
    let (before, rest) = s.split_at(e.mark.start);
    let (fig, after) = rest.split_at(e.mark.len());
    if fig.trim().is_empty() {
        return esc(s);
    }
    let space = |t: &str| if t.is_empty() { "" } else { " " };
    let gap_before = space(&before[before.trim_end().len()..]).to_string()
        + space(&fig[..fig.len() - fig.trim_start().len()]);
    let gap_after = space(&fig[fig.trim_end().len()..]).to_string()
        + space(&after[..after.len() - after.trim_start().len()]);
    let gap = |g: String| if g.is_empty() { "" } else { " " };
    format!(
        "{}{}{open}{}{close}{}{}",
        esc(before.trim()),
        if before.trim().is_empty() {
            ""
        } else {
            gap(gap_before)
        },
        esc(fig.trim()),
        if after.trim().is_empty() {
            ""
        } else {
            gap(gap_after)
        },
        esc(after.trim())
    )
}

/// For a topic × source table: per source, the figure its claim in `f` quotes and how it
/// stands, or `None` where the source has no claim in it.
pub(crate) fn row_by_source<'a>(
    cmp: &'a Comparison,
    f: &'a Finding,
) -> impl Iterator<Item = Option<(String, Standing)>> + 'a {
    (0..cmp.analyses.len()).map(move |s| {
        f.claims
            .iter()
            .find(|r| r.source == s)
            .map(|r| (judge::figure(&cmp.analyses, *r), standing(f, r)))
    })
}

/// Whether the topic × source table fits: few enough sources, each column wide enough to read.
pub(crate) fn table_fits(cmp: &Comparison, width: usize) -> bool {
    const MIN_COLUMN: usize = 12;
    let n = cmp.analyses.len();
    n <= 8 && 14 + 24 + n * (MIN_COLUMN + 3) <= width.max(80)
}

/// Sentence text on one line, for tables and terminals.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Report text with its control characters made visible, as `\x1b`, `\x07`, `\u{202e}`:
/// text from a report must never move a terminal's cursor, retitle its window, clear its
/// screen, open an OSC 8 link or reverse the direction of what follows. Tab and line feed are
/// kept (layout); C0 and C1 controls, DEL and the bidirectional overrides and isolates are
/// escaped.
pub fn visible(s: &str) -> Cow<'_, str> {
    let hidden = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !s.chars().any(hidden) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if !hidden(c) {
            out.push(c);
        } else if (c as u32) < 0x100 {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_sent() {
        assert_eq!(visible("plain text"), "plain text");
        assert_eq!(
            visible("a\x1b]0;pwned\x07b\x1b[2Jc"),
            "a\\x1b]0;pwned\\x07b\\x1b[2Jc"
        );
        assert_eq!(visible("x\u{9b}31m"), "x\\x9b31m");
        assert_eq!(visible("\x7f"), "\\x7f");
        assert_eq!(visible("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(visible("tab\tline\n"), "tab\tline\n");
        assert_eq!(visible("\r"), "\\x0d");
    }

    #[test]
    fn counts_are_singular_for_one() {
        assert_eq!(count(1, FindingKind::Discrepancy), "1 discrepancy");
        assert_eq!(count(0, FindingKind::Agreement), "0 agreements");
        assert_eq!(count(1, FindingKind::Unique), "1 unique claim");
    }
}
