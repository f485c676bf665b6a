//! Judgement: each alignment becomes an agreement, a discrepancy or a unique claim, with a
//! topic, a confidence and an explanation a journalist can act on.

pub mod interval;

use crate::align::{jaccard, Alignment, ClaimRef};
use crate::document::Source;
use crate::extract::{dimension, Claim, HedgeKind, QuantityKind};
use crate::Analysis;
use interval::{in_base, plausible, relate, Relation};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The three things a comparison can say about a claim.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    Discrepancy,
    Agreement,
    Unique,
}

impl FindingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Agreement => "agreement",
            FindingKind::Discrepancy => "discrepancy",
            FindingKind::Unique => "unique",
        }
    }

    pub fn parse(s: &str) -> Option<FindingKind> {
        match s.trim() {
            "agreement" | "agreements" => Some(FindingKind::Agreement),
            "discrepancy" | "discrepancies" => Some(FindingKind::Discrepancy),
            "unique" => Some(FindingKind::Unique),
            _ => None,
        }
    }
}

/// One thing the comparison found, with the claims as evidence.
#[derive(Debug, Clone)]
pub struct Finding {
    pub kind: FindingKind,
    pub topic: String,
    pub confidence: f64,
    pub explanation: String,
    /// The claims, one per source, in source order.
    pub claims: Vec<ClaimRef>,
    /// Claims that agree with each other when a discrepancy has several sources.
    pub consensus: Vec<ClaimRef>,
    /// Claims that disagree with the consensus.
    pub outliers: Vec<ClaimRef>,
}

/// The result handed to every reporter.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub analyses: Vec<Analysis>,
    pub findings: Vec<Finding>,
}

impl Comparison {
    pub fn sources(&self) -> impl Iterator<Item = &Source> {
        self.analyses.iter().map(|a| &a.document.source)
    }

    pub fn claim(&self, r: ClaimRef) -> &Claim {
        &self.analyses[r.source].claims[r.claim]
    }

    pub fn has_discrepancy(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.kind == FindingKind::Discrepancy)
    }
}

/// Judges every alignment.
pub fn judge(analyses: Vec<Analysis>, alignments: Vec<Alignment>) -> Comparison {
    let mut findings = Vec::new();
    // Sources that already state a figure in a block, through a multi-source group.
    let mut grouped: HashMap<(&str, usize), Vec<ClaimRef>> = HashMap::new();
    for a in alignments.iter().filter(|a| a.claims.len() > 1) {
        for r in &a.claims {
            grouped
                .entry((a.block.as_str(), r.source))
                .or_default()
                .push(*r);
        }
    }
    let index = ValueIndex::new(&analyses);
    let in_group: HashSet<ClaimRef> = alignments
        .iter()
        .filter(|a| a.claims.len() > 1)
        .flat_map(|a| a.claims.iter().copied())
        .collect();
    let mut twin_pairs: HashSet<Vec<ClaimRef>> = HashSet::new();
    for a in &alignments {
        if a.claims.len() > 1 {
            let mut f = judge_group(&analyses, a);
            for r in &a.claims {
                for t in index.twins(&analyses, *r) {
                    if !a.claims.contains(&t) {
                        f.explanation.push(' ');
                        f.explanation.push_str(&twin_note(&analyses, *r, t));
                    }
                }
            }
            findings.push(f);
            continue;
        }
        let r = a.claims[0];
        // A lone ordinal (`the first time`) is no claim worth listing.
        if claim(&analyses, r).quantity.kind == QuantityKind::Ordinal {
            continue;
        }
        // The same source restating a figure it already shares elsewhere is no new claim.
        if let Some(others) = grouped.get(&(a.block.as_str(), r.source)) {
            let c = claim(&analyses, r);
            if others.iter().any(|o| {
                relate(&claim(&analyses, *o).quantity, &c.quantity) == Relation::Compatible
            }) {
                continue;
            }
        }
        let f = judge_single(&analyses, r, &index, &in_group);
        // Both twins of a "same figure, different things" pair find each other: report once.
        if f.kind == FindingKind::Discrepancy && !twin_pairs.insert(f.claims.clone()) {
            continue;
        }
        findings.push(f);
    }
    findings.sort_by(|x, y| {
        x.kind
            .cmp(&y.kind)
            .then(y.confidence.total_cmp(&x.confidence))
            .then(x.claims.cmp(&y.claims))
    });
    Comparison { analyses, findings }
}

fn claim(docs: &[Analysis], r: ClaimRef) -> &Claim {
    &docs[r.source].claims[r.claim]
}

fn label(docs: &[Analysis], r: ClaimRef) -> &str {
    &docs[r.source].document.source.label
}

/// The figure as written, through what it counts: `over 300 people`, `tens of thousands of
/// individuals`, `up to 10 years in prison`.
pub fn figure(docs: &[Analysis], r: ClaimRef) -> String {
    let c = claim(docs, r);
    let a = &docs[r.source];
    let end = c
        .counted
        .as_ref()
        .map_or(c.quantity.span.end, |k| k.span.end.max(c.quantity.span.end));
    a.quote(c.quantity.span.start..end).to_string()
}

/// Says that a claim's figure is also another source's figure for something else.
fn twin_note(docs: &[Analysis], r: ClaimRef, twin: ClaimRef) -> String {
    let what = |x: ClaimRef| {
        claim(docs, x)
            .measure
            .as_ref()
            .map_or_else(|| "something else".to_string(), |m| m.label.clone())
    };
    format!(
        "Note: {} gives the same figure, {}, for {}, not {}; that is no corroboration.",
        label(docs, twin),
        quote_figure(docs, twin),
        what(twin),
        what(r)
    )
}

fn topic(c: &Claim) -> String {
    let base = c
        .measure
        .as_ref()
        .map_or_else(|| dimension(&c.quantity), |m| m.label.clone());
    match &c.attribution {
        Some(a)
            if a.party.chars().all(|ch| ch.is_ascii_lowercase())
                && a.text.chars().next().is_some_and(char::is_lowercase) =>
        {
            format!("{base} (per {})", a.party)
        }
        _ => base,
    }
}

fn is_vague(c: &Claim) -> bool {
    c.quantity.hedge == HedgeKind::Vague
}

fn judge_group(docs: &[Analysis], a: &Alignment) -> Finding {
    let claims = &a.claims;
    // Consensus: the largest set of claims whose plausible intervals share a point (in 1-D,
    // pairwise overlap means a common point).
    let ivs: Vec<interval::Interval> = claims
        .iter()
        .map(|r| {
            let q = &claim(docs, *r).quantity;
            in_base(q, plausible(q))
        })
        .collect();
    let mut best: Vec<usize> = Vec::new();
    for probe in ivs.iter().flat_map(|i| [i.low, i.high]) {
        let covering: Vec<usize> = (0..ivs.len())
            .filter(|&k| ivs[k].low <= probe && probe <= ivs[k].high)
            .collect();
        if covering.len() > best.len() {
            best = covering;
        }
    }
    let consensus: Vec<ClaimRef> = best.iter().map(|&k| claims[k]).collect();
    let outliers: Vec<ClaimRef> = (0..claims.len())
        .filter(|k| !best.contains(k))
        .map(|k| claims[k])
        .collect();
    let first = claim(docs, claims[0]);
    let topic = topic(first);
    let any_update = claims.iter().any(|r| claim(docs, *r).update);
    let any_vague = claims.iter().any(|r| is_vague(claim(docs, *r)));
    let list = |rs: &[ClaimRef]| -> String {
        rs.iter()
            .map(|r| format!("{} says {}", label(docs, *r), quote_figure(docs, *r)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if outliers.is_empty() {
        let all_same = claims.windows(2).all(|w| {
            let (x, y) = (&claim(docs, w[0]).quantity, &claim(docs, w[1]).quantity);
            matches!(x.hedge, HedgeKind::Exact | HedgeKind::Exactly)
                && matches!(y.hedge, HedgeKind::Exact | HedgeKind::Exactly)
                && x.value.zip(y.value).is_some_and(|(p, q)| {
                    in_base(x, interval::firm(x)) == in_base(y, interval::firm(y))
                        || (p - q).abs() < 1e-9
                })
        });
        let explanation = if all_same {
            format!("Same figure: {}.", list(claims))
        } else if any_vague {
            format!(
                "Compatible: {}; the vague wording does not contradict the figure.",
                list(claims)
            )
        } else {
            format!("Compatible: {}; the hedged figures overlap.", list(claims))
        };
        let mut confidence = 0.5 + 0.45 * a.score;
        if any_vague {
            confidence *= 0.85;
        }
        return Finding {
            kind: FindingKind::Agreement,
            topic,
            confidence: round2(confidence),
            explanation,
            claims: claims.clone(),
            consensus,
            outliers,
        };
    }
    // The strongest relation between an outlier and the consensus decides how sure we are.
    let mut hard = false;
    for o in &outliers {
        for c in &consensus {
            if relate(&claim(docs, *o).quantity, &claim(docs, *c).quantity) == Relation::Conflict {
                hard = true;
            }
        }
    }
    let mut explanation = if consensus.len() > 1 {
        format!("{} agree, but {}.", list(&consensus), list(&outliers))
    } else {
        format!("{} but {}", list(&consensus), list(&outliers))
    };
    if !explanation.ends_with('.') {
        explanation.push(if hard { ':' } else { ';' });
        explanation.push_str(if hard {
            " these cannot both be true."
        } else {
            " not strictly exclusive, but nobody would word one figure both ways."
        });
    }
    let mut confidence = if hard {
        0.6 + 0.35 * a.score
    } else {
        0.45 + 0.3 * a.score
    };
    if any_update {
        explanation.push_str(" One report gives the figure as a change over time, so this may be an update rather than a contradiction.");
        confidence *= 0.6;
    }
    Finding {
        kind: FindingKind::Discrepancy,
        topic,
        confidence: round2(confidence),
        explanation,
        claims: claims.clone(),
        consensus,
        outliers,
    }
}

fn quote_figure(docs: &[Analysis], r: ClaimRef) -> String {
    format!("\"{}\"", figure(docs, r))
}

/// Claims indexed by dimension and exact figure, per source, for finding the same figure
/// counting something else without comparing all pairs.
struct ValueIndex {
    by_value: HashMap<(String, u64), BTreeMap<usize, Vec<ClaimRef>>>,
}

/// How many same-figure claims of each other source are worth a note.
const TWINS_PER_SOURCE: usize = 2;

impl ValueIndex {
    fn new(docs: &[Analysis]) -> ValueIndex {
        let mut by_value: HashMap<(String, u64), BTreeMap<usize, Vec<ClaimRef>>> = HashMap::new();
        for (s, d) in docs.iter().enumerate() {
            for (i, c) in d.claims.iter().enumerate() {
                if let Some(k) = twin_key(c) {
                    by_value
                        .entry(k)
                        .or_default()
                        .entry(s)
                        .or_default()
                        .push(ClaimRef {
                            source: s,
                            claim: i,
                        });
                }
            }
        }
        ValueIndex { by_value }
    }

    /// Claims of other sources with the same figure in the same dimension but another measure.
    fn twins(&self, docs: &[Analysis], r: ClaimRef) -> Vec<ClaimRef> {
        let c = claim(docs, r);
        let Some(per_source) = twin_key(c).and_then(|k| self.by_value.get(&k)) else {
            return Vec::new();
        };
        per_source
            .iter()
            .filter(|(s, _)| **s != r.source)
            .flat_map(|(_, list)| {
                list.iter()
                    .filter(|o| claim(docs, **o).measure != c.measure)
                    .take(TWINS_PER_SOURCE)
            })
            .copied()
            .collect()
    }
}

/// Small figures (1–9) recur by chance; only larger precise ones are worth pairing as twins.
fn twin_key(c: &Claim) -> Option<(String, u64)> {
    let v = c.quantity.value.filter(|v| *v >= 10.0)?;
    // A figure whose measure is unknown says nothing about what it counts.
    (c.quantity.kind.is_amount() && !is_vague(c) && c.measure.is_some())
        .then(|| (dimension(&c.quantity), v.to_bits()))
}

fn judge_single(
    docs: &[Analysis],
    r: ClaimRef,
    index: &ValueIndex,
    in_group: &HashSet<ClaimRef>,
) -> Finding {
    let c = claim(docs, r);
    // Same figure, different thing counted: never a corroboration. When neither claim has a
    // counterpart of its own and their sentences are about the same scene, that is a
    // discrepancy in what is counted; otherwise the unique claim carries a note.
    let twins = index.twins(docs, r);
    let closeness = |o: &ClaimRef| jaccard(&claim(docs, *o).context, &c.context);
    let related = |o: &ClaimRef| {
        closeness(o) >= 0.1
            || claim(docs, *o)
                .entities
                .iter()
                .any(|e| c.entities.contains(e))
    };
    let pick = twins
        .iter()
        .filter(|o| !in_group.contains(o) && related(o))
        .max_by(|x, y| closeness(x).total_cmp(&closeness(y)));
    if let Some(o) = pick {
        let (a, b) = if r < *o { (r, *o) } else { (*o, r) };
        return Finding {
            kind: FindingKind::Discrepancy,
            topic: format!("{} vs {}", topic(claim(docs, a)), topic(claim(docs, b))),
            confidence: 0.6,
            explanation: format!(
                "Same figure, different things counted: {} says {} but {} says {}; that is no corroboration.",
                label(docs, a),
                quote_figure(docs, a),
                label(docs, b),
                quote_figure(docs, b)
            ),
            claims: vec![a, b],
            consensus: Vec::new(),
            outliers: Vec::new(),
        };
    }
    let others = docs.len() - 1;
    let mut explanation = format!(
        "Only {} reports {}; {} this figure.",
        label(docs, r),
        quote_figure(docs, r),
        if others == 1 {
            "the other source does not give".to_string()
        } else {
            format!("none of the other {others} sources gives")
        }
    );
    for t in twins {
        explanation.push(' ');
        explanation.push_str(&twin_note(docs, r, t));
    }
    Finding {
        kind: FindingKind::Unique,
        topic: topic(c),
        confidence: round2(if c.measure.is_some() { 0.75 } else { 0.55 }),
        explanation,
        claims: vec![r],
        consensus: Vec::new(),
        outliers: Vec::new(),
    }
}

fn round2(x: f64) -> f64 {
    (x.clamp(0.0, 1.0) * 100.0).round() / 100.0
}
