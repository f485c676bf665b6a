//! Judgement: each alignment becomes an agreement, a discrepancy or a unique claim, with a
//! topic, a confidence and an explanation a journalist can act on.

pub mod camps;
pub mod role;
pub mod topic;

use crate::align::{Alignment, ClaimRef};
use crate::document::Source;
use crate::extract::{dimension_str, Claim, HedgeKind, Measure, QuantityKind};
use crate::interval::{self, in_base, relate, Relation};
use crate::Analysis;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

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
    /// When a discrepancy has no consensus (a tie, or no majority): the sources' camps of
    /// compatible claims, largest first; `consensus` and `outliers` are then empty.
    pub camps: Vec<Vec<ClaimRef>>,
    /// What a reader should weigh beside the verdict, each said once: a source hedging what
    /// another states, a figure given as a change, the latest report, the same figure given
    /// for something else.
    pub notes: Vec<String>,
    /// Why the claims were taken to state one figure (`same measure (deaths)`, `similar
    /// wording`); empty for a single claim.
    pub reasons: Vec<String>,
    /// Other mentions of the same claims in their own reports (a headline repeating the
    /// body): more evidence, not more sources.
    pub restatements: Vec<ClaimRef>,
}

impl Finding {
    /// Adds a note unless the finding already has it.
    pub fn note(&mut self, note: String) {
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }

    /// The explanation followed by the notes, as one text (JSON, CSV, batch).
    pub fn full_explanation(&self) -> String {
        let mut s = self.explanation.clone();
        for n in &self.notes {
            s.push(' ');
            s.push_str(n);
        }
        s
    }
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
    READINGS.with(|c| c.borrow_mut().clear());
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
    // Figures no group took, by measure, for naming another party's account beside a
    // group's: each group looks only at the lone figures of its own measure.
    let mut lone: HashMap<&str, Vec<ClaimRef>> = HashMap::default();
    for a in alignments
        .iter()
        .filter(|a| a.claims.len() == 1 && !a.claims[0].is_role())
    {
        if let Some(m) = &claim(&analyses, a.claims[0]).measure {
            lone.entry(m.key.as_str()).or_default().push(a.claims[0]);
        }
    }
    for a in &alignments {
        if a.claims[0].is_role() {
            findings.push(role::judge_roles(&analyses, a));
            continue;
        }
        if a.claims.len() > 1 {
            let mut f = judge_group(&analyses, a);
            f.restatements = a.restatements.clone();
            // The first few same figures given elsewhere for something else, in source order:
            // a group of a thousand reports does not need a thousand such notes.
            let members: HashSet<ClaimRef> = a.claims.iter().copied().collect();
            let mut noted = 0;
            'twins: for r in &a.claims {
                for t in index.twins(&analyses, *r) {
                    if noted == TWIN_NOTES {
                        break 'twins;
                    }
                    if members.contains(&t) {
                        continue;
                    }
                    if let Some(n) = twin_note(&analyses, &a.claims, t) {
                        f.note(n);
                        noted += 1;
                    }
                }
            }
            for t in rivals(&analyses, &a.claims, &lone)
                .into_iter()
                .take(TWIN_NOTES)
            {
                f.note(rival_note(&analyses, t));
            }
            findings.push(f);
            continue;
        }
        let r = a.claims[0];
        // A lone ordinal (`the first time`) is no claim worth listing.
        if claim(&analyses, r).quantity.kind == QuantityKind::Ordinal {
            continue;
        }
        let mut f = judge_single(&analyses, r, &index);
        f.restatements = a.restatements.clone();
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

/// Said of the finding (`claims`), so a twin of several of its claims is one note.
/// None when the two topics read alike (`girl's age`, `girl's age`): such a note would tell
/// the reader nothing.
fn twin_note(docs: &[Analysis], claims: &[ClaimRef], twin: ClaimRef) -> Option<String> {
    let what = topic::bare_from(&readings(docs, &[twin]));
    let not = topic::bare_from(&readings(docs, claims));
    (what != not).then(|| {
        format!(
            "Note: {} gives the same figure, {}, for {what}, not {not}; that is no corroboration.",
            label(docs, twin),
            quote_figure(docs, twin),
        )
    })
}

/// Figures no group took that another party gives for a group's fact (`the union put the
/// toll at 23` beside the government's 12 and the officials' four): the same measure of a
/// class, of the same kind and counting the same thing, at the same time and of the same
/// owner, attributed to a known party none of the group's claims is attributed to. `lone`
/// holds the figures no group took, by measure key.
fn rivals(
    docs: &[Analysis],
    group: &[ClaimRef],
    lone: &HashMap<&str, Vec<ClaimRef>>,
) -> Vec<ClaimRef> {
    let first = claim(docs, group[0]);
    let Some(m) = first
        .measure
        .as_ref()
        .filter(|m| m.key.starts_with("class:") && !m.generic)
    else {
        return Vec::new();
    };
    let members: Vec<&Claim> = group.iter().map(|r| claim(docs, *r)).collect();
    if members.iter().any(|c| c.measure.as_ref() != Some(m)) {
        return Vec::new();
    }
    let parties: Vec<&str> = members
        .iter()
        .filter_map(|c| c.attribution.as_ref().map(|a| a.party.as_str()))
        .collect();
    lone.get(m.key.as_str())
        .into_iter()
        .flatten()
        .copied()
        .filter(|&t| {
            let c = claim(docs, t);
            let party = c.attribution.as_ref().filter(|a| a.known);
            c.measure.as_ref() == Some(m)
                && c.quantity.kind == first.quantity.kind
                && dimension_str(&c.quantity) == dimension_str(&first.quantity)
                && !c.quantity.moment
                && !c.quantity.increment
                // What it counts, when both say, is the same (`the toll at 23`, `23 miners`).
                && (c.counted.is_none()
                    || members.iter().all(|x| x.counted.is_none())
                    || members.iter().any(|x| {
                        x.counted.as_ref().map(|k| &k.head) == c.counted.as_ref().map(|k| &k.head)
                    }))
                && c.frame.anchor.as_ref().map(|a| &a.key)
                    == first.frame.anchor.as_ref().map(|a| &a.key)
                && (c.frame.owner.is_none()
                    || members.iter().all(|x| x.frame.owner.is_none())
                    || members.iter().any(|x| x.frame.owner == c.frame.owner))
                && party.is_some_and(|p| !parties.contains(&p.party.as_str()))
        })
        .collect()
}

fn rival_note(docs: &[Analysis], rival: ClaimRef) -> String {
    let c = claim(docs, rival);
    let party = c.attribution.as_ref().map_or("", |a| a.text.as_str());
    format!(
        "Note: {} also gives {}, per {party}: another party's account of the same figure.",
        label(docs, rival),
        quote_figure(docs, rival),
    )
}

fn evidence<'a>(docs: &'a [Analysis], claims: &[ClaimRef]) -> Vec<topic::Evidence<'a>> {
    claims
        .iter()
        .map(|r| topic::Evidence::of(&docs[r.source], claim(docs, *r)))
        .collect()
}

/// A finding's topic in the reports' own words (`people killed`, `contract length`).
fn topic(docs: &[Analysis], claims: &[ClaimRef]) -> String {
    topic::name_from(&readings(docs, claims), &evidence(docs, claims))
}

thread_local! {
    /// What each claim proposes for a topic, read once per comparison (emptied when
    /// [`judge`] starts): a claim is named in its finding's topic and again in the notes of
    /// its twins.
    static READINGS: std::cell::RefCell<HashMap<ClaimRef, topic::Reading>> =
        std::cell::RefCell::new(HashMap::default());
}

fn readings(docs: &[Analysis], claims: &[ClaimRef]) -> Vec<topic::Reading> {
    READINGS.with(|cache| {
        let mut cache = cache.borrow_mut();
        claims
            .iter()
            .map(|r| {
                cache
                    .entry(*r)
                    .or_insert_with(|| {
                        topic::read(&topic::Evidence::of(&docs[r.source], claim(docs, *r)))
                    })
                    .clone()
            })
            .collect()
    })
}

fn is_vague(c: &Claim) -> bool {
    c.quantity.hedge == HedgeKind::Vague
}

fn judge_group(docs: &[Analysis], a: &Alignment) -> Finding {
    let claims = &a.claims;
    // Camps: sets of mutually compatible claims, by plausible intervals that share a point (in
    // 1-D, pairwise overlap means a common point); the largest is a consensus only as a strict,
    // untied majority. Figures of one hedged family (all estimates, all ceilings, all floors)
    // are compared by what each states (see `interval`).
    let readings: Vec<interval::Reading> = claims
        .iter()
        .map(|r| interval::Reading::of(&claim(docs, *r).quantity))
        .collect();
    let family = readings[0].stated.map(|(f, _)| f);
    let one_family =
        family.is_some() && readings.iter().all(|r| r.stated.map(|(f, _)| f) == family);
    let ivs: Vec<interval::Interval> = readings
        .iter()
        .map(|r| match r.stated {
            Some((_, stated)) if one_family => stated,
            _ => r.plausible,
        })
        .collect();
    // Dates, the ends of a spread, and hedged figures of several families, relate pairwise in
    // ways no line of intervals holds (`September 14` fits both `September 14, 2021` and `…,
    // 2020`; `ranging from 7 to 75` does not fit `between six and 75`, though they overlap):
    // they split by the same relation alignment paired them by.
    let pairwise = readings
        .iter()
        .any(|r| r.date.is_some() || r.season.is_some() || r.ends.is_some_and(|(_, s)| s))
        || (!one_family && readings.iter().any(|r| r.stated.is_some()));
    // One person's ages in reports published apart may differ by the birthdays between
    // them (26 in January, 27 in September): told so, they are compatible.
    let aged = ages_across_dates(docs, claims);
    let split = if aged {
        camps::Split {
            camps: vec![(0..claims.len()).collect()],
            consensus: false,
        }
    } else if pairwise {
        camps::by_relation(readings.len(), |i, j| {
            readings[i].relation(&readings[j]) == Relation::Compatible
        })
    } else {
        camps::by_intervals(&ivs)
    };
    let best: &[usize] = &split.camps[0];
    let camps: Vec<Vec<ClaimRef>> = split
        .camps
        .iter()
        .map(|c| c.iter().map(|&k| claims[k]).collect())
        .collect();
    let (consensus, outliers): (Vec<ClaimRef>, Vec<ClaimRef>) = if split.consensus {
        claims.iter().partition(|r| camps[0].contains(r))
    } else {
        (Vec::new(), Vec::new())
    };
    let topic = topic(docs, claims);
    let any_update = claims.iter().any(|r| claim(docs, *r).update);
    let any_vague = claims.iter().any(|r| is_vague(claim(docs, *r)));
    let list = |rs: &[ClaimRef]| -> String {
        let mut out = String::new();
        for (k, r) in rs.iter().enumerate() {
            if k > 0 {
                out.push_str(", ");
            }
            out.push_str(label(docs, *r));
            out.push_str(" says \"");
            out.push_str(&figure(docs, *r));
            out.push('"');
        }
        out
    };
    let mut notes = Vec::new();
    if let Some(note) = modality_note(docs, claims) {
        notes.push(note);
    }
    if split.agreement() {
        let all_same = claims.windows(2).all(|w| {
            let (x, y) = (&claim(docs, w[0]).quantity, &claim(docs, w[1]).quantity);
            matches!(x.hedge, HedgeKind::Exact | HedgeKind::Exactly)
                && matches!(y.hedge, HedgeKind::Exact | HedgeKind::Exactly)
                && (x.value.zip(y.value).is_some_and(|(p, q)| {
                    in_base(x, interval::firm(x)) == in_base(y, interval::firm(y))
                        || (p - q).abs() < 1e-9
                }) || x.tally.is_some() && x.tally.map(|t| t.key()) == y.tally.map(|t| t.key())
                    || x.date.is_some() && x.date == y.date)
        });
        let dates = claims
            .iter()
            .all(|r| claim(docs, *r).quantity.date.is_some());
        let explanation = if all_same {
            format!("Same figure: {}.", list(claims))
        } else if aged {
            format!(
                "Compatible: {}; the reports were published far enough apart for a birthday between them.",
                list(claims)
            )
        } else if any_vague {
            format!(
                "Compatible: {}; the vague wording does not contradict the figure.",
                list(claims)
            )
        } else if dates {
            format!(
                "Compatible: {}; the dates fit where both give a part.",
                list(claims)
            )
        } else {
            format!("Compatible: {}; the hedged figures overlap.", list(claims))
        };
        // The pairing model's probability that the claims state one fact: compatible figures
        // of one fact are an agreement.
        let mut confidence = a.score;
        if any_vague {
            confidence *= 0.85;
        }
        if !notes.is_empty() {
            confidence *= 0.9;
        }
        return Finding {
            kind: FindingKind::Agreement,
            topic,
            confidence: round2(confidence),
            explanation,
            claims: claims.clone(),
            consensus: claims.clone(),
            outliers: Vec::new(),
            camps: Vec::new(),
            notes,
            reasons: a.reasons.clone(),
            restatements: Vec::new(),
        };
    }
    // The strongest relation between claims of different camps decides how sure we are.
    let camp_of = |r: &ClaimRef| camps.iter().position(|c| c.contains(r));
    let hard = claims.iter().any(|x| {
        claims.iter().any(|y| {
            camp_of(x) != camp_of(y)
                && relate(&claim(docs, *x).quantity, &claim(docs, *y).quantity)
                    == Relation::Conflict
        })
    });
    let explanation = if claims.len() == 2 {
        format!(
            "{} but {}{}",
            list(&camps[0]),
            list(&camps[1]),
            if hard {
                ": these cannot both be true."
            } else if any_update {
                // `at least four died` and `the toll rose to 19`: a count overtaken, not two
                // wordings of one figure.
                "; not strictly exclusive, and one gives its figure as a change over time."
            } else {
                "; not strictly exclusive, but nobody would word one figure both ways."
            }
        )
    } else if split.consensus {
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
        let sizes: Vec<String> = camps.iter().map(|c| c.len().to_string()).collect();
        format!(
            "The sources are split {}: {}{}",
            sizes.join("\u{2013}"),
            camps.iter().map(|c| list(c)).collect::<Vec<_>>().join("; "),
            if hard {
                "; these cannot all be true."
            } else {
                "; not strictly exclusive, but they do not state one figure."
            }
        )
    };
    // One fact (the pairing model's probability), and figures that cannot both be true of
    // it: certain when even the firm intervals are disjoint, less so when only a reader's
    // reading of the hedges excludes one.
    let mut confidence = if hard { a.score } else { 0.75 * a.score };
    if let Some(note) = ends_note(&readings) {
        notes.push(note.to_string());
    }
    if let Some(note) = dates_note(docs, claims) {
        notes.push(note);
    }
    if any_update {
        notes.push("One report gives the figure as a change over time, so this may be an update rather than a contradiction.".to_string());
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
        camps: if split.consensus { Vec::new() } else { camps },
        notes,
        reasons: a.reasons.clone(),
        restatements: Vec::new(),
    }
}

/// When two ranges of which one is a spread (`ranging from 7 to 75 years`) differ at one end
/// only, says which end they agree on: the least and the most of a set are two facts.
fn ends_note(readings: &[interval::Reading]) -> Option<&'static str> {
    let [x, y] = readings else {
        return None;
    };
    let ((p, s), (q, t)) = (x.ends?, y.ends?);
    if !(s || t) {
        return None;
    }
    let same = interval::same_point;
    match (same(p.low, q.low), same(p.high, q.high)) {
        (true, false) => Some("They agree on the least and differ on the most."),
        (false, true) => Some("They agree on the most and differ on the least."),
        _ => None,
    }
}

/// Whether the claims are exact ages in dated reports that differ by no more than the whole
/// years that may have passed between the reports (at most one more per year begun), the
/// later report giving the greater age.
fn ages_across_dates(docs: &[Analysis], claims: &[ClaimRef]) -> bool {
    let dated: Option<Vec<(f64, i64)>> = claims
        .iter()
        .map(|r| {
            let q = &claim(docs, *r).quantity;
            let day = docs[r.source].document.published.as_ref()?.day;
            let exact = matches!(q.hedge, HedgeKind::Exact | HedgeKind::Exactly);
            (q.kind == QuantityKind::Age && exact).then_some((q.value?, day))
        })
        .collect();
    let Some(dated) = dated else {
        return false;
    };
    let differ = dated.iter().any(|(v, _)| *v != dated[0].0);
    differ
        && dated.iter().all(|&(v, d)| {
            dated.iter().all(|&(w, e)| {
                if e < d || (e == d && w <= v) {
                    return true; // each pair is checked from its earlier side
                }
                let years_begun = ((e - d) as f64 / 365.25).ceil();
                w >= v && w - v <= years_begun
            })
        })
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
    let (lo, hi) = match c.quantity.kind {
        // A time of day is hours since midnight: `3:30`, not `3.50`.
        QuantityKind::Time => (clock(low.max(0.0)), clock(high)),
        // A date's value is a day number no reader would recognise.
        QuantityKind::Date => return None,
        _ => (number(back(low.max(0.0))), number(back(high))),
    };
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

/// A time of day, in hours since midnight, as a clock reads it (`3:30`, `21:05`).
fn clock(hours: f64) -> String {
    let minutes = (hours * 60.0).round() as u32;
    format!("{}:{:02}", minutes / 60, minutes % 60)
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
/// A figure's claims of one measure, in source order.
type MeasureGroup<'a> = (Option<&'a Measure>, Vec<ClaimRef>);

struct ValueIndex<'a> {
    /// Per figure (dimension and value): its claims grouped by measure.
    by_value: HashMap<(&'a str, u64), Vec<MeasureGroup<'a>>>,
}

/// How many same-figure claims of each other source are worth a note…
const TWINS_PER_SOURCE: usize = 2;
/// …and of all other sources together (the first in source order), so that a figure many
/// reports give costs no more than one a few give.
const MAX_TWINS: usize = 6;
/// How many notes of same figures given for something else a group's finding carries.
const TWIN_NOTES: usize = 3;

impl<'a> ValueIndex<'a> {
    fn new(docs: &'a [Analysis]) -> ValueIndex<'a> {
        let mut by_value: HashMap<(&str, u64), Vec<MeasureGroup>> = HashMap::default();
        // Where each (figure, measure) group sits in its figure's list.
        let mut group_of: HashMap<((&str, u64), Option<&Measure>), usize> = HashMap::default();
        for (s, d) in docs.iter().enumerate() {
            for (i, c) in d.claims.iter().enumerate() {
                let Some(k) = twin_key(c) else { continue };
                let m = c.measure.as_ref();
                let groups = by_value.entry(k).or_default();
                let g = *group_of.entry((k, m)).or_insert_with(|| {
                    groups.push((m, Vec::new()));
                    groups.len() - 1
                });
                groups[g].1.push(ClaimRef::figure(s, i));
            }
        }
        ValueIndex { by_value }
    }

    /// Claims of other sources with the same figure in the same dimension but another
    /// measure: at most [`TWINS_PER_SOURCE`] per source and [`MAX_TWINS`] in all.
    fn twins(&self, docs: &[Analysis], r: ClaimRef) -> Vec<ClaimRef> {
        let c = claim(docs, r);
        let Some(groups) = twin_key(c).and_then(|k| self.by_value.get(&k)) else {
            return Vec::new();
        };
        let mut per_source: HashMap<usize, usize> = HashMap::default();
        let mut out = Vec::new();
        for (m, list) in groups {
            if *m == c.measure.as_ref() {
                continue;
            }
            for o in list.iter().filter(|o| o.source != r.source) {
                let n = per_source.entry(o.source).or_default();
                if *n < TWINS_PER_SOURCE {
                    *n += 1;
                    out.push(*o);
                    if out.len() == MAX_TWINS {
                        out.sort();
                        return out;
                    }
                }
            }
        }
        out.sort();
        out
    }
}

/// Small figures (1–9) recur by chance; only larger precise ones are worth pairing as twins.
fn twin_key(c: &Claim) -> Option<(&str, u64)> {
    let v = c.quantity.value.filter(|v| *v >= 10.0)?;
    // A figure whose measure is unknown says nothing about what it counts.
    (c.quantity.kind.is_amount() && !is_vague(c) && c.measure.is_some())
        .then(|| (dimension_str(&c.quantity), v.to_bits()))
}

fn judge_single(docs: &[Analysis], r: ClaimRef, index: &ValueIndex) -> Finding {
    let c = claim(docs, r);
    // Same figure, different thing counted: never a corroboration, and noted as such. Not a
    // discrepancy of its own: on the labelled real news, every pair of unpaired same-figure
    // claims of one scene the tool once reported as one (8 of 8) was either one fact after all
    // (shots fired, worded differently) or two facts that merely share a value.
    let twins = index.twins(docs, r);
    let others = docs.len() - 1;
    let explanation = format!(
        "Only {} reports {}; {} this figure.",
        label(docs, r),
        quote_figure(docs, r),
        if others == 1 {
            "the other source does not give".to_string()
        } else {
            format!("none of the other {others} sources gives")
        }
    );
    let mut f = Finding {
        kind: FindingKind::Unique,
        topic: topic(docs, &[r]),
        confidence: round2(if c.measure.is_some() { 0.75 } else { 0.55 }),
        explanation,
        claims: vec![r],
        consensus: Vec::new(),
        outliers: Vec::new(),
        camps: Vec::new(),
        notes: Vec::new(),
        reasons: Vec::new(),
        restatements: Vec::new(),
    };
    for t in twins {
        if let Some(n) = twin_note(docs, &[r], t) {
            f.note(n);
        }
    }
    f
}

fn round2(x: f64) -> f64 {
    (x.clamp(0.0, 1.0) * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, compare_analyses, Document};

    fn docs(texts: &[String]) -> Vec<Analysis> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                analyze(
                    Document::from_text(&format!("s{i}"), &format!("s{i}"), t),
                    None,
                )
            })
            .collect()
    }

    #[test]
    fn a_spread_against_a_range_differs_at_an_end() {
        let cmp = compare_analyses(docs(&[
            "The four defendants received terms ranging from 3 to 12 years.".into(),
            "The four defendants received terms of between two and 12 years.".into(),
        ]));
        let d = discrepancy(&cmp);
        assert!(
            d.explanation.contains("cannot both be true"),
            "{}",
            d.explanation
        );
        assert!(
            d.notes.iter().any(|n| n.contains("agree on the most")),
            "{:?}",
            d.notes
        );
    }

    #[test]
    fn an_age_that_grew_between_dated_reports_is_compatible() {
        let run = |early: &str, late: &str, first: &str, second: &str| {
            let dated = |text: &str, day: &str| {
                let mut d = docs(&[text.to_string()]).remove(0);
                d.document.published = Some(crate::Published::parse(day).unwrap());
                d
            };
            compare_analyses(vec![
                dated(&format!("Ivo Marsh, {early}, pleaded not guilty."), first),
                dated(&format!("Ivo Marsh, {late}, was found guilty."), second),
            ])
        };
        let kinds =
            |c: &Comparison| -> Vec<FindingKind> { c.findings.iter().map(|f| f.kind).collect() };
        // Nine months on, a year older: compatible.
        let c = run("26", "27", "2013-01-03", "2013-09-26");
        assert_eq!(kinds(&c), [FindingKind::Agreement], "{:?}", c.findings);
        // Younger in the later report, two years older in nine months, or older on the same
        // day: a discrepancy still.
        for (a, b, x, y) in [
            ("27", "26", "2013-01-03", "2013-09-26"),
            ("26", "28", "2013-01-03", "2013-09-26"),
            ("26", "27", "2013-01-03", "2013-01-03"),
        ] {
            let c = run(a, b, x, y);
            assert_eq!(kinds(&c), [FindingKind::Discrepancy], "{a} {b} {x} {y}");
        }
    }

    #[test]
    fn a_count_overtaken_by_an_update_is_no_figure_worded_both_ways() {
        let cmp = compare_analyses(docs(&[
            "At least three people drowned in the flood, rescuers said.".into(),
            "The death toll from the flood climbed to 17, the governor said.".into(),
        ]));
        let d = discrepancy(&cmp);
        assert!(
            d.explanation.contains("as a change over time"),
            "{}",
            d.explanation
        );
        assert!(!d.explanation.contains("both ways"), "{}", d.explanation);
        assert!(
            d.notes.iter().any(|n| n.contains("update")),
            "{:?}",
            d.notes
        );
    }

    #[test]
    fn same_figures_for_other_things_are_noted_a_few_times_however_many_reports_give_them() {
        // Forty reports give 120 arrests; each also gives 120 for the officers deployed.
        let texts: Vec<String> = (0..40)
            .map(|_| {
                "Police arrested 120 protesters on Sunday. The city deployed 120 officers.".into()
            })
            .collect();
        let cmp = compare_analyses(docs(&texts));
        let most = cmp
            .findings
            .iter()
            .map(|f| f.notes.iter().filter(|n| n.contains("same figure")).count())
            .max();
        assert_eq!(most, Some(TWIN_NOTES), "{:#?}", cmp.findings);
        let index = ValueIndex::new(&cmp.analyses);
        for (s, d) in cmp.analyses.iter().enumerate() {
            for i in 0..d.claims.len() {
                assert!(index.twins(&cmp.analyses, ClaimRef::figure(s, i)).len() <= MAX_TWINS);
            }
        }
    }

    /// The comparison's first discrepancy.
    fn discrepancy(cmp: &Comparison) -> &Finding {
        cmp.findings
            .iter()
            .find(|f| f.kind == FindingKind::Discrepancy)
            .unwrap_or_else(|| panic!("{:#?}", cmp.findings))
    }

    #[test]
    fn another_partys_figure_for_the_fact_is_named_beside_it() {
        let texts: Vec<String> = vec![
            "The flood killed nine people in the valley, officials said.".into(),
            "The flood killed 14 people in the valley, the government said, while police put the toll at 30.".into(),
        ];
        let cmp = compare_analyses(docs(&texts));
        let found = discrepancy(&cmp);
        assert!(
            found.notes.iter().any(|n| n.contains("\"30\", per police")),
            "{:#?}",
            found.notes
        );
        // A figure of the same party, or of another measure, is no rival.
        let texts: Vec<String> = vec![
            "The flood killed nine people in the valley, officials said.".into(),
            "The flood killed 14 people, officials said; 30 were injured, police said.".into(),
        ];
        let cmp = compare_analyses(docs(&texts));
        assert!(
            cmp.findings
                .iter()
                .all(|f| f.notes.iter().all(|n| !n.contains("another party"))),
            "{:#?}",
            cmp.findings
        );
    }

    #[test]
    fn a_shared_time_of_day_is_told_as_a_clock_reads_it() {
        let texts: Vec<String> = vec![
            "The alarm was raised at 4:30 a.m. on Friday.".into(),
            "Firefighters said the alarm was raised at 4:30 a.m.".into(),
            "The alarm was raised at 4:52 a.m., a neighbour said.".into(),
        ];
        let cmp = compare_analyses(docs(&texts));
        let found = discrepancy(&cmp);
        assert!(
            found.explanation.contains("agree on 4:30:"),
            "{}",
            found.explanation
        );
    }

    #[test]
    fn twins_are_other_sources_figures_of_another_measure() {
        let texts: Vec<String> = vec![
            "Police arrested 120 protesters on Sunday.".into(),
            "The city deployed 120 officers on Sunday.".into(),
        ];
        let cmp = compare_analyses(docs(&texts));
        let index = ValueIndex::new(&cmp.analyses);
        let t = index.twins(&cmp.analyses, ClaimRef::figure(0, 0));
        assert_eq!(t, vec![ClaimRef::figure(1, 0)]);
        assert!(index.twins(&cmp.analyses, ClaimRef::figure(1, 0)).len() == 1);
        let note = twin_note(&cmp.analyses, &[ClaimRef::figure(0, 0)], t[0]);
        assert!(note.is_some_and(|n| n.contains("120")));
        // A note whose two topics read alike would say nothing.
        let same = twin_note(&cmp.analyses, &[t[0]], t[0]);
        assert!(same.is_none());
    }
}
