//! Judgement: each alignment becomes an agreement, a discrepancy or a unique claim, with a
//! topic, a confidence and an explanation a journalist can act on.

pub mod interval;
pub mod role;

use crate::align::{jaccard, Alignment, ClaimRef};
use crate::document::Source;
use crate::extract::{dimension, Claim, HedgeKind, QuantityKind, StemId};
use crate::Analysis;
use interval::{in_base, plausible, relate, Relation};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeMap;

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
    /// Why the claims were taken to state one figure (`same measure (deaths)`, `similar
    /// wording`); empty for a single claim.
    pub reasons: Vec<String>,
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

    /// The figure claim `r` points to; `None` for a role claim.
    pub fn claim(&self, r: ClaimRef) -> Option<&Claim> {
        (!r.is_role()).then(|| &self.analyses[r.source].claims[r.claim])
    }

    /// The role claim `r` points to; `None` for a figure claim.
    pub fn role(&self, r: ClaimRef) -> Option<&crate::RoleClaim> {
        r.is_role().then(|| &self.analyses[r.source].roles[r.claim])
    }

    /// The index of the sentence a claim of either kind comes from.
    pub fn sentence(&self, r: ClaimRef) -> usize {
        match self.claim(r) {
            Some(c) => c.sentence,
            None => role::sentence(&self.analyses, r),
        }
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
    let mut grouped: HashMap<(&str, usize), Vec<ClaimRef>> = HashMap::default();
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
    let mut twin_pairs: HashSet<Vec<ClaimRef>> = HashSet::default();
    for a in &alignments {
        if a.claims[0].is_role() {
            findings.push(role::judge_roles(&analyses, a));
            continue;
        }
        if a.claims.len() > 1 {
            let mut f = judge_group(&analyses, a);
            for r in &a.claims {
                for t in index.twins(&analyses, *r) {
                    let note = twin_note(&analyses, *r, t);
                    if !a.claims.contains(&t) && !f.explanation.contains(&note) {
                        f.explanation.push(' ');
                        f.explanation.push_str(&note);
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
    if r.is_role() {
        return role::figure(docs, r);
    }
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

/// A finding's topic: the measure of its claims, with the party they are attributed to when
/// every claim names the same one (`workforce (per union)`).
fn topic(docs: &[Analysis], claims: &[ClaimRef]) -> String {
    let first = claim(docs, claims[0]);
    let base = first
        .measure
        .as_ref()
        .map_or_else(|| dimension_label(&first.quantity), |m| m.label.clone());
    // Only institutions (`the union`, `police`) make a topic; a named person does not.
    let party = |r: &ClaimRef| {
        claim(docs, *r)
            .attribution
            .as_ref()
            .filter(|a| a.text.chars().next().is_some_and(char::is_lowercase))
            .map(|a| &a.party)
    };
    let shared = party(&claims[0]).filter(|p| claims.iter().all(|r| party(r) == Some(*p)));
    match shared {
        Some(p) if p.chars().all(|ch| ch.is_ascii_lowercase()) => format!("{base} (per {p})"),
        _ => base,
    }
}

/// A readable name for a figure's dimension when nothing says what it measures.
fn dimension_label(q: &crate::Quantity) -> String {
    let d = dimension(q);
    match d.strip_prefix("money:") {
        Some(code) => format!("sum in {code}"),
        None => match d.as_str() {
            "count" => "number".to_string(),
            "percent" => "percentage".to_string(),
            "percentage_points" => "percentage points".to_string(),
            _ => d.replace('_', " "),
        },
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
    let topic = topic(docs, claims);
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
                && (x.value.zip(y.value).is_some_and(|(p, q)| {
                    in_base(x, interval::firm(x)) == in_base(y, interval::firm(y))
                        || (p - q).abs() < 1e-9
                }) || x.tally.is_some() && x.tally.map(|t| t.key()) == y.tally.map(|t| t.key()))
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
        let mut explanation = explanation;
        let mut confidence = 0.5 + 0.45 * a.score;
        if any_vague {
            confidence *= 0.85;
        }
        if let Some(note) = modality_note(docs, claims) {
            explanation.push(' ');
            explanation.push_str(&note);
            confidence *= 0.9;
        }
        return Finding {
            kind: FindingKind::Agreement,
            topic,
            confidence: round2(confidence),
            explanation,
            claims: claims.clone(),
            consensus,
            outliers,
            reasons: a.reasons.clone(),
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
        let common: Vec<interval::Interval> = best.iter().map(|&k| ivs[k]).collect();
        format!(
            "{} of {} sources agree{}: {}; but {}{}",
            consensus.len(),
            claims.len(),
            describe_common(claim(docs, consensus[0]), &common)
                .map(|r| format!(" on {r}"))
                .unwrap_or_default(),
            list(&consensus),
            list(&outliers),
            if hard {
                ", which cannot be true if they are right."
            } else {
                ", which strains what they say."
            }
        )
    } else {
        format!(
            "{} but {}{}",
            list(&consensus),
            list(&outliers),
            if hard {
                ": these cannot both be true."
            } else {
                "; not strictly exclusive, but nobody would word one figure both ways."
            }
        )
    };
    let mut confidence = if hard {
        0.6 + 0.35 * a.score
    } else {
        0.45 + 0.3 * a.score
    };
    if let Some(note) = modality_note(docs, claims) {
        explanation.push(' ');
        explanation.push_str(&note);
    }
    if let Some(note) = dates_note(docs, claims) {
        explanation.push(' ');
        explanation.push_str(&note);
    }
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
        reasons: a.reasons.clone(),
    }
}

/// When the reports behind a discrepancy were published at different times, names the latest
/// and its figure: a figure that grows (a death toll, arrests) may have been overtaken, not
/// contradicted. Silent unless one report is known to be later than every other dated one.
fn dates_note(docs: &[Analysis], claims: &[ClaimRef]) -> Option<String> {
    let dated: Vec<(ClaimRef, &crate::Published)> = claims
        .iter()
        .filter_map(|r| docs[r.source].document.published.as_ref().map(|p| (*r, p)))
        .collect();
    if dated.len() < 2 {
        return None;
    }
    let (r, p) = dated.iter().find(|(r, p)| {
        dated
            .iter()
            .all(|(o, q)| o == r || p.order(q) == Some(std::cmp::Ordering::Greater))
    })?;
    // Undated reports may be later still: say only what the dates show.
    let which = if dated.len() < claims.len() {
        "latest dated report"
    } else {
        "latest report"
    };
    Some(format!(
        "{} is the {which} ({p}) and says {}; if the figure changes over time, the earlier ones may be out of date.",
        label(docs, *r),
        quote_figure(docs, *r)
    ))
}

/// When some sources distance themselves from a claim (`allegedly`, `reportedly`) and others
/// state it as fact, says so: the figures may match while the certainty does not.
fn modality_note(docs: &[Analysis], claims: &[ClaimRef]) -> Option<String> {
    let (hedged, plain): (Vec<&ClaimRef>, Vec<&ClaimRef>) = claims
        .iter()
        .partition(|r| claim(docs, **r).modality.is_some());
    if hedged.is_empty() || plain.is_empty() {
        return None;
    }
    let hedged: Vec<String> = hedged
        .iter()
        .map(|r| {
            format!(
                "{} (\"{}\")",
                label(docs, **r),
                claim(docs, **r).modality.as_deref().unwrap_or_default()
            )
        })
        .collect();
    let plain: Vec<&str> = plain.iter().map(|r| label(docs, **r)).collect();
    Some(format!(
        "Note: {} {} it, while {} {} it as fact.",
        hedged.join(", "),
        if hedged.len() == 1 { "hedges" } else { "hedge" },
        plain.join(", "),
        if plain.len() == 1 { "states" } else { "state" }
    ))
}

/// The range every interval of a consensus allows, in the unit of `c` (`30–34`, `12`), or
/// `None` when it is unbounded.
fn describe_common(c: &Claim, ivs: &[interval::Interval]) -> Option<String> {
    if let Some(t) = c.quantity.tally {
        let sides: Vec<String> = t.sides().iter().map(u32::to_string).collect();
        return Some(sides.join("-"));
    }
    let low = ivs.iter().map(|i| i.low).fold(f64::NEG_INFINITY, f64::max);
    let high = ivs.iter().map(|i| i.high).fold(f64::INFINITY, f64::min);
    if !low.is_finite() || !high.is_finite() || low > high {
        return None;
    }
    let back = |v: f64| c.quantity.unit.as_ref().map_or(v, |u| u.from_base(v));
    let (lo, hi) = (number(back(low.max(0.0))), number(back(high)));
    let unit = c
        .quantity
        .unit
        .as_ref()
        .filter(|u| !u.dimension.starts_with("money") && u.dimension != "percent")
        .map(|u| format!(" {}", u.name))
        .unwrap_or_default();
    Some(if lo == hi {
        format!("{lo}{unit}")
    } else {
        format!("{lo}\u{2013}{hi}{unit}")
    })
}

/// A figure for an explanation: whole numbers as such, others to three significant digits.
fn number(v: f64) -> String {
    if (v - v.round()).abs() < 1e-6 * v.abs().max(1.0) {
        format!("{}", v.round())
    } else {
        let digits = (2 - v.abs().log10().floor() as i32).max(0) as usize;
        format!("{v:.digits$}")
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
        let mut by_value: HashMap<(String, u64), BTreeMap<usize, Vec<ClaimRef>>> =
            HashMap::default();
        for (s, d) in docs.iter().enumerate() {
            for (i, c) in d.claims.iter().enumerate() {
                if let Some(k) = twin_key(c) {
                    by_value
                        .entry(k)
                        .or_default()
                        .entry(s)
                        .or_default()
                        .push(ClaimRef::figure(s, i));
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

/// How alike the words near two same-valued figures must be before counting different things
/// is reported as a discrepancy rather than noted.
const TWIN_CLOSENESS: f64 = 0.15;

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
    // Related: the same words near both figures, names aside (two figures of one city are
    // not about one thing for sharing the city's name).
    let plain = |x: &Claim| -> Vec<StemId> {
        let names: Vec<StemId> = x
            .local_entities
            .iter()
            .map(|e| crate::extract::lexicon().stem_id(e))
            .collect();
        x.local
            .iter()
            .filter(|w| !names.contains(w))
            .copied()
            .collect()
    };
    let mine = plain(c);
    let related = |o: &ClaimRef| jaccard(&plain(claim(docs, *o)), &mine) >= TWIN_CLOSENESS;
    let pick = twins
        .iter()
        .filter(|o| !in_group.contains(o) && related(o))
        .max_by(|x, y| closeness(x).total_cmp(&closeness(y)));
    if let Some(o) = pick {
        let (a, b) = if r < *o { (r, *o) } else { (*o, r) };
        return Finding {
            kind: FindingKind::Discrepancy,
            topic: format!("{} vs {}", topic(docs, &[a]), topic(docs, &[b])),
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
            reasons: Vec::new(),
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
        let note = twin_note(docs, r, t);
        if !explanation.contains(&note) {
            explanation.push(' ');
            explanation.push_str(&note);
        }
    }
    Finding {
        kind: FindingKind::Unique,
        topic: topic(docs, &[r]),
        confidence: round2(if c.measure.is_some() { 0.75 } else { 0.55 }),
        explanation,
        claims: vec![r],
        consensus: Vec::new(),
        outliers: Vec::new(),
        reasons: Vec::new(),
    }
}

fn round2(x: f64) -> f64 {
    (x.clamp(0.0, 1.0) * 100.0).round() / 100.0
}
