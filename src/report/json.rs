//! JSON output. The wire types here are the public contract and are kept apart from the
//! domain types, so internals can change without breaking consumers.

use super::Options;
use crate::align::ClaimRef;
use crate::extract::HedgeKind;
use crate::interval;
use crate::judge::Comparison;
use crate::{Analysis, Claim};
use serde::Serialize;

#[derive(Serialize)]
pub struct SourceJson<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub path: &'a str,
    /// When the report was published, as given (absent when unknown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<&'a str>,
}

#[derive(Serialize)]
pub struct QuantityJson<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub hedge: HedgeKind,
    pub unit: Option<&'a str>,
    pub counted: Option<&'a str>,
    pub kind: crate::extract::QuantityKind,
    /// What the unit measures (`length`, `money:USD`, `percent`); only figures of one
    /// dimension are ever compared.
    pub dimension: Option<&'a str>,
    pub measure: Option<&'a str>,
    pub predicate: Option<&'a str>,
    pub attribution: Option<&'a str>,
}

#[derive(Serialize)]
pub struct ClaimJson<'a> {
    pub source: &'a str,
    /// The sentence, or for a long one an excerpt around the figure ([`Quote`]).
    pub sentence: &'a str,
    pub start: usize,
    pub end: usize,
    /// The whole sentence's offsets, present only when `sentence` is an excerpt.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence_start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence_end: Option<usize>,
    /// The figure; `null` for a role claim.
    pub quantity: Option<QuantityJson<'a>>,
    /// The person in a role; absent for a figure claim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<RoleJson<'a>>,
    /// A word by which the source distances itself from the claim (`allegedly`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modality: Option<&'a str>,
    /// When the claim's report was published, as given (absent when unknown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<&'a str>,
    /// Another mention of a claim its source already makes in this finding (a headline
    /// repeating the body): evidence, not another source.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub restatement: bool,
}

/// A person named in a role, with offsets into the original text.
#[derive(Serialize)]
pub struct RoleJson<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub person: &'a str,
    pub role: &'static str,
    pub organisation: Option<&'a str>,
}

#[derive(Serialize)]
pub struct FindingJson<'a> {
    pub kind: &'static str,
    pub topic: &'a str,
    pub confidence: f64,
    /// The verdict and its notes, as one text.
    pub explanation: String,
    pub claims: Vec<ClaimJson<'a>>,
    /// With three or more sources: the ids of the sources that agree, and of those that do not.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub consensus: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub outliers: Vec<&'a str>,
    /// A discrepancy with no consensus (a tie, no majority, or two sources): the ids of each
    /// camp of sources whose figures agree, largest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub camps: Vec<Vec<&'a str>>,
    /// Why the claims were grouped (`same measure (deaths)`, `similar wording`).
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub reasons: &'a [String],
}

#[derive(Serialize)]
pub struct ComparisonJson<'a> {
    pub sources: Vec<SourceJson<'a>>,
    pub findings: Vec<FindingJson<'a>>,
}

fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

/// The wire form of a quantity, with offsets into the original text.
pub fn quantity<'a>(a: &'a Analysis, c: &'a Claim) -> QuantityJson<'a> {
    let q = &c.quantity;
    let span = a.original_range(q.span.clone());
    let firm = interval::firm(q);
    QuantityJson {
        text: a.quote(q.span.clone()),
        start: span.start,
        end: span.end,
        value: q.value,
        // `about 500` states no bounds of its own: show the tolerance the judge applies.
        low: match q.hedge {
            HedgeKind::Approx | HedgeKind::Nearly => finite(firm.low),
            _ => q.low,
        },
        high: match q.hedge {
            HedgeKind::Approx | HedgeKind::Nearly => finite(firm.high),
            _ => q.high,
        },
        hedge: q.hedge,
        unit: q.unit.as_ref().map(|u| &*u.name),
        dimension: q.unit.as_ref().map(|u| &*u.dimension),
        counted: c.counted.as_ref().map(|k| a.quote(k.span.clone())),
        kind: q.kind,
        measure: c.measure.as_ref().map(|m| m.label.as_str()),
        predicate: c.predicate.as_ref().map(|p| a.quote(p.span.clone())),
        attribution: c.attribution.as_ref().map(|x| x.text.as_str()),
    }
}

/// What a claim quotes of its sentence: all of it, or for a sentence over
/// [`QUOTE_WHOLE`](crate::segment::QUOTE_WHOLE) bytes an excerpt around the figure (see
/// [`crate::segment::excerpt`]), so output stays linear in the input.
struct Quote<'a> {
    text: &'a str,
    range: std::ops::Range<usize>,
    /// The whole sentence, when `text` is an excerpt of it.
    sentence: Option<std::ops::Range<usize>>,
}

fn quote(a: &Analysis, sentence: usize, focus: std::ops::Range<usize>) -> Quote<'_> {
    let whole = a.sentences[sentence].original.clone();
    let text = a.normalized.original();
    let range = crate::segment::excerpt(text, whole.clone(), focus);
    Quote {
        text: &text[range.clone()],
        sentence: (range != whole).then_some(whole),
        range,
    }
}

/// One line of `corroborate claims`: a quantity in its sentence. `start`/`end` slice the
/// input to `sentence` exactly; `sentence_start`/`sentence_end` appear when it is an excerpt.
#[derive(Serialize)]
pub struct ClaimLine<'a> {
    pub sentence_index: usize,
    pub sentence: &'a str,
    pub start: usize,
    pub end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence_start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence_end: Option<usize>,
    pub quantity: QuantityJson<'a>,
}

/// The lines `corroborate claims` prints for an analysed document, in order.
pub fn claim_lines(a: &Analysis) -> impl Iterator<Item = ClaimLine<'_>> {
    a.claims.iter().map(move |c| {
        let q = quote(a, c.sentence, a.original_range(c.quantity.span.clone()));
        ClaimLine {
            sentence_index: c.sentence,
            sentence: q.text,
            start: q.range.start,
            end: q.range.end,
            sentence_start: q.sentence.as_ref().map(|s| s.start),
            sentence_end: q.sentence.as_ref().map(|s| s.end),
            quantity: quantity(a, c),
        }
    })
}

pub fn claim_json<'a>(cmp: &'a Comparison, r: ClaimRef) -> ClaimJson<'a> {
    let a = &cmp.analyses[r.source];
    let sentence = cmp.sentence(r);
    let c = cmp.claim(r);
    let focus = match (c, cmp.role(r)) {
        (Some(c), _) => a.original_range(c.quantity.span.clone()),
        (None, Some(x)) => a.original_range(x.span.clone()),
        (None, None) => a.sentences[sentence].original.clone(),
    };
    let q = quote(a, sentence, focus);
    ClaimJson {
        source: &a.document.source.id,
        sentence: q.text,
        start: q.range.start,
        end: q.range.end,
        sentence_start: q.sentence.as_ref().map(|s| s.start),
        sentence_end: q.sentence.as_ref().map(|s| s.end),
        quantity: c.map(|c| quantity(a, c)),
        role: cmp.role(r).map(|x| {
            let span = a.original_range(x.span.clone());
            RoleJson {
                text: &a.normalized.original()[span.clone()],
                start: span.start,
                end: span.end,
                person: &x.person,
                role: x.label,
                organisation: x.org.as_deref(),
            }
        }),
        restatement: false,
        modality: c.and_then(|c| c.modality.as_deref()),
        published: a.document.published.as_ref().map(|p| p.text.as_str()),
    }
}

pub fn comparison_json<'a>(cmp: &'a Comparison, opts: &Options) -> ComparisonJson<'a> {
    ComparisonJson {
        sources: cmp
            .analyses
            .iter()
            .map(|a| SourceJson {
                id: &a.document.source.id,
                label: &a.document.source.label,
                path: &a.document.source.path,
                published: a.document.published.as_ref().map(|p| p.text.as_str()),
            })
            .collect(),
        findings: cmp
            .findings
            .iter()
            .filter(|f| opts.keeps(f))
            .map(|f| FindingJson {
                kind: f.kind.as_str(),
                topic: &f.topic,
                confidence: f.confidence,
                explanation: f.full_explanation(),
                claims: f
                    .claims
                    .iter()
                    .map(|r| claim_json(cmp, *r))
                    .chain(f.restatements.iter().map(|r| ClaimJson {
                        restatement: true,
                        ..claim_json(cmp, *r)
                    }))
                    .collect(),
                // With two sources "outlier" means nothing: either may be wrong.
                consensus: f
                    .consensus
                    .iter()
                    .filter(|_| f.claims.len() > 2 && !f.outliers.is_empty())
                    .map(|r| cmp.analyses[r.source].document.source.id.as_str())
                    .collect(),
                outliers: f
                    .outliers
                    .iter()
                    .filter(|_| f.claims.len() > 2)
                    .map(|r| cmp.analyses[r.source].document.source.id.as_str())
                    .collect(),
                camps: f
                    .camps
                    .iter()
                    .map(|c| {
                        c.iter()
                            .map(|r| cmp.analyses[r.source].document.source.id.as_str())
                            .collect()
                    })
                    .collect(),
                reasons: &f.reasons,
            })
            .collect(),
    }
}

pub fn render(cmp: &Comparison, opts: &Options) -> String {
    let mut s = serde_json::to_string_pretty(&comparison_json(cmp, opts)).expect("serializable");
    s.push('\n');
    s
}
