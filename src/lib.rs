//! corroborate compares news reports of one event claim by claim.
//!
//! The pipeline, one module a stage, each handing typed data to the next:
//!
//! 1. [`document`]: read a report (text, HTML, stdin) → [`Document`]
//! 2. [`normalize`]: Unicode and typography, with a byte map back → [`NormalizedText`]
//! 3. [`segment`]: sentence boundaries → [`Sentence`]s ([`stream`] does stages 1–3 on a
//!    reader block by block, in flat memory, for `corroborate sentences`)
//! 4. [`extract`]: figures, what they count, who says so → [`Claim`]s
//! 5. [`align`]: claims about the same thing across sources → [`Alignment`]s
//! 6. [`judge`]: agreement, discrepancy or unique → [`Finding`]s in a [`Comparison`]
//! 7. [`report`]: text, JSON, CSV, Markdown over a [`Comparison`]
//!
//! ```
//! use corroborate::{compare, Document};
//! let a = Document::from_text("a", "Courier", "At least 30 people were killed in the quake.");
//! let b = Document::from_text("b", "Wire", "Thirty-four people died in the earthquake.");
//! let cmp = compare(vec![a, b]).unwrap();
//! assert_eq!(cmp.findings[0].kind, corroborate::FindingKind::Agreement);
//! ```
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod align;
pub mod batch;
pub mod document;
pub mod error;
pub mod extract;
pub mod interval;
pub mod judge;
pub mod lexical;
pub mod normalize;
pub mod published;
pub mod report;
pub mod segment;
pub mod stream;

pub use align::{Alignment, ClaimRef};
pub use document::{Document, Source};
pub use error::{Error, Result};
pub use extract::{Claim, Detail, Quantity, RoleClaim};
pub use judge::{Comparison, Finding, FindingKind};
pub use normalize::NormalizedText;
pub use published::Published;
pub use segment::Lang;

use std::ops::Range;

/// A sentence of a report: its span in the normalized text and in the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub index: usize,
    /// Byte range in the normalized text.
    pub span: Range<usize>,
    /// Byte range in the original text.
    pub original: Range<usize>,
    /// A line of its own without closing punctuation: a headline or subhead, which restates
    /// what the body says.
    pub headline: bool,
}

/// A report read, normalized, split into sentences, with its claims extracted.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub document: Document,
    pub normalized: NormalizedText,
    pub sentences: Vec<Sentence>,
    pub claims: Vec<Claim>,
    /// People named in roles (`Yegor Burkin, leader of Khimprom`).
    pub roles: Vec<RoleClaim>,
}

impl Analysis {
    /// The original text of a normalized range.
    pub fn quote(&self, range: Range<usize>) -> &str {
        let r = self.normalized.to_original(range);
        &self.normalized.original()[r]
    }

    /// The original byte range of a normalized range.
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        self.normalized.to_original(range)
    }

    /// The original text of a sentence.
    pub fn sentence_text(&self, index: usize) -> &str {
        let s = &self.sentences[index];
        &self.normalized.original()[s.original.clone()]
    }
}

/// Splits a normalized text into sentences; `lang` `None` detects it.
pub fn sentences(normalized: &NormalizedText, lang: Option<Lang>) -> Vec<Sentence> {
    sentences_with(normalized, lang, segment::Options::default())
}

/// [`sentences`] with splitter options (hard-wrapped text).
pub fn sentences_with(
    normalized: &NormalizedText,
    lang: Option<Lang>,
    options: segment::Options,
) -> Vec<Sentence> {
    split_sentences(normalized, lang, options).0
}

/// [`sentences_with`], and where sentences over [`segment::MAX_SENTENCE`] bytes were cut
/// (offsets into the normalized text), so the caller can warn.
pub fn split_sentences(
    normalized: &NormalizedText,
    lang: Option<Lang>,
    options: segment::Options,
) -> (Vec<Sentence>, segment::Forced) {
    let text = normalized.text();
    let lang = lang.unwrap_or_else(|| segment::detect(text));
    let mut ranges = Vec::new();
    let forced = segment::split_into(text, lang, options, &mut ranges);
    let mut mapped = Vec::with_capacity(ranges.len());
    normalized.map_ranges(ranges, &mut mapped);
    let sentences = mapped
        .into_iter()
        .enumerate()
        .map(|(index, (span, original))| Sentence {
            index,
            headline: is_headline(text, &span),
            span,
            original,
        })
        .collect();
    (sentences, forced)
}

/// A sentence that stands on a line of its own and ends without a full stop, question or
/// exclamation mark is a headline (or subhead, or dateline label).
fn is_headline(text: &str, span: &Range<usize>) -> bool {
    let s = text[span.clone()].trim_end();
    let ends_line = text[span.end..]
        .chars()
        .find(|c| !matches!(c, ' ' | '\t'))
        .is_none_or(|c| c == '\n');
    let starts_line = text[..span.start]
        .chars()
        .rev()
        .find(|c| !matches!(c, ' ' | '\t'))
        .is_none_or(|c| c == '\n');
    ends_line && starts_line && !s.ends_with(['.', '!', '?', '"', '\'', ')', ':', ';'])
}

/// How many sentences from the top of a report are its header, where a publication stamp
/// dates it.
const HEADER_SENTENCES: usize = 8;

/// Runs stages 2–4 on one document, with everything alignment needs.
pub fn analyze(document: Document, lang: Option<Lang>) -> Analysis {
    analyze_with(document, lang, Detail::Full)
}

/// Runs stages 2–4 on one document; [`Detail::Claims`] leaves out what only alignment uses
/// (context stems and entity names), as `corroborate claims` does. Sentences cut for length
/// add a warning to the document.
pub fn analyze_with(mut document: Document, lang: Option<Lang>, detail: Detail) -> Analysis {
    let normalized = NormalizedText::new(document.text.clone());
    let (sentences, forced) = split_sentences(&normalized, lang, segment::Options::default());
    if let Some(first) = forced.first {
        let at = normalized.to_original(first..first).start;
        document
            .warnings
            .push(forced.warning(document.source.name(), at));
    }
    // A report given no publication date may carry one in a stamp of its header (`Posted on
    // Thu Jun 13, 2013`): the first one found dates it.
    if document.published.is_none() {
        document.published = sentences
            .iter()
            .take(HEADER_SENTENCES)
            .filter(|s| s.headline)
            .find_map(|s| extract::stamp_date(normalized.text(), s.span.clone()))
            .and_then(|d| {
                Published::from_day(i64::from(d.year?), i64::from(d.month?), i64::from(d.day?))
            });
    }
    let mut claims = Vec::new();
    let mut roles = Vec::new();
    let lower = normalized.text().to_ascii_lowercase();
    let casing = std::cell::OnceCell::new();
    for s in &sentences {
        let (c, r) = extract::document_sentence_claims(
            normalized.text(),
            &lower,
            &casing,
            s.index,
            s.span.clone(),
            detail,
        );
        claims.extend(c);
        roles.extend(r);
    }
    // An event may hold thousands of analyses at once: no slack from growing.
    claims.shrink_to_fit();
    roles.shrink_to_fit();
    Analysis {
        document,
        normalized,
        sentences,
        claims,
        roles,
    }
}

/// Runs the whole pipeline over two or more documents.
pub fn compare(documents: Vec<Document>) -> Result<Comparison> {
    if documents.len() < 2 {
        return Err(Error::TooFewReports(documents.len()));
    }
    let analyses: Vec<Analysis> = documents.into_iter().map(|d| analyze(d, None)).collect();
    Ok(compare_analyses(analyses))
}

/// Stages 5–6 over documents already analysed.
pub fn compare_analyses(analyses: Vec<Analysis>) -> Comparison {
    let alignments = align::align(&analyses);
    judge::judge(analyses, alignments)
}
