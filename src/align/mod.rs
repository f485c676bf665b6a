//! Alignment: group claims from different sources that state the same figure.
//!
//! Candidates come from blocking, never from all-pairs comparison: claims meet only when they
//! share a dimension (count, `money:USD`, length…) and, for counts, a measure (a class from
//! `data/measures.tsv`, or the stem of what they count). Within a block, each source's
//! restatements of one figure (a headline and the body saying it again) fold into one
//! representative; representatives of different sources are scored on what they count, the
//! words around them, who said them and whether their values fit, and merged greedily, best
//! first, so that no group ever holds two claims of one source.

pub mod role;

use crate::extract::{dimension, Claim, QuantityKind};
use crate::judge::interval::{relate, Relation};
use crate::Analysis;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeMap;

/// Which list of its source's [`Analysis`] a [`ClaimRef`] points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum ClaimList {
    /// `Analysis::claims`: figures.
    #[default]
    Figures,
    /// `Analysis::roles`: people in roles.
    Roles,
}

/// A claim, by source (document index) and index in one of that document's claim lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClaimRef {
    pub source: usize,
    pub claim: usize,
    pub list: ClaimList,
}

impl ClaimRef {
    /// A figure claim: `Analysis::claims[claim]` of document `source`.
    pub fn figure(source: usize, claim: usize) -> ClaimRef {
        ClaimRef {
            source,
            claim,
            list: ClaimList::Figures,
        }
    }

    /// A role claim: `Analysis::roles[claim]` of document `source`.
    pub fn role(source: usize, claim: usize) -> ClaimRef {
        ClaimRef {
            source,
            claim,
            list: ClaimList::Roles,
        }
    }

    pub fn is_role(&self) -> bool {
        self.list == ClaimList::Roles
    }
}

/// Claims judged to state the same figure, at most one per source.
#[derive(Debug, Clone)]
pub struct Alignment {
    /// The blocking key the claims share.
    pub block: String,
    pub claims: Vec<ClaimRef>,
    /// Mean score of the pairs that formed the group, in [0, 1]; 0 for a single claim.
    pub score: f64,
    /// Why the claims were grouped, for explanations.
    pub reasons: Vec<String>,
    /// Other claims of the same sources that restate one of `claims` (a headline repeating
    /// the body's figure); they are no separate finding.
    pub restatements: Vec<ClaimRef>,
}

/// Pairs scoring below this are not merged.
const MERGE_THRESHOLD: f64 = 0.45;

/// The blocking key of a claim, or `None` for figures that are not amounts.
///
/// Counts block by what they count; other dimensions (money, percent, length, duration…) by
/// the dimension alone, since what they measure is worded too freely to block on, and the pair
/// score tells the figures of one dimension apart. A per-unit figure (`$42 a share`) never
/// meets a total.
pub fn block_key(c: &Claim) -> Option<String> {
    // Ordinals (`the third strike`) compare only when we know what they rank.
    let ranked = c.quantity.kind == QuantityKind::Ordinal && c.measure.is_some();
    if !c.quantity.kind.is_comparable() && !ranked {
        return None;
    }
    let dim = dimension(&c.quantity);
    let per = c
        .per
        .as_ref()
        .map(|p| format!("|per:{p}"))
        .unwrap_or_default();
    if c.quantity.kind == QuantityKind::Count || ranked {
        let measure = c.measure.as_ref().map_or("bare", |m| m.key.as_str());
        Some(format!("{dim}|{measure}{per}"))
    } else {
        Some(format!("{dim}{per}"))
    }
}

/// Aligns the claims of all documents. Every amount claim ends up in exactly one alignment,
/// as a member or a restatement; those no other source shares are alignments of one.
pub fn align(docs: &[Analysis]) -> Vec<Alignment> {
    let mut blocks: BTreeMap<String, Vec<ClaimRef>> = BTreeMap::new();
    for (s, d) in docs.iter().enumerate() {
        for (i, c) in d.claims.iter().enumerate() {
            if let Some(k) = block_key(c) {
                blocks.entry(k).or_default().push(ClaimRef::figure(s, i));
            }
        }
    }
    let mut out = Vec::new();
    for (key, members) in &blocks {
        out.extend(align_block(docs, key, members));
    }
    out.extend(role::align_roles(docs));
    out.sort_by_key(|a| a.claims[0]);
    out
}

fn claim(docs: &[Analysis], r: ClaimRef) -> &Claim {
    &docs[r.source].claims[r.claim]
}

fn headline(docs: &[Analysis], r: ClaimRef) -> bool {
    docs[r.source].sentences[claim(docs, r).sentence].headline
}

/// How many nearest-valued claims of each other source a claim is scored against. Blocks are
/// small in news (a handful of claims per source), so this only bites on pathological input,
/// where it keeps alignment near-linear instead of quadratic.
const CANDIDATES_PER_SOURCE: usize = 16;

/// A claim's figure in its dimension's base unit, for ordering candidates.
fn sort_value(c: &Claim) -> f64 {
    let q = &c.quantity;
    let v = q.value.or(q.low).unwrap_or(0.0);
    q.unit.as_ref().map_or(v, |u| u.to_base(v))
}

/// Whether `b` says again what `a` says, in the same source: compatible values, the same
/// measure, and a headline on one side, the same figure, or the same words around it.
fn restates(docs: &[Analysis], a: ClaimRef, b: ClaimRef) -> bool {
    let (x, y) = (claim(docs, a), claim(docs, b));
    if relate(&x.quantity, &y.quantity) != Relation::Compatible {
        return false;
    }
    // One source giving one uncommon figure twice means one thing, however it words it.
    if same_figure(x, y) && distinctive(&x.quantity) {
        return true;
    }
    // Otherwise the same measure, or one side that names none (a headline's bare figure).
    let measures = x.measure == y.measure || x.measure.is_none() || y.measure.is_none();
    measures
        && (headline(docs, a)
            || headline(docs, b)
            || same_figure(x, y)
            || jaccard(&x.local, &y.local) >= 0.3)
}

/// Folds each source's restatements: returns the representatives (body before headline,
/// first in the text) and, per representative, what it stands for.
fn fold(
    docs: &[Analysis],
    members: &[ClaimRef],
) -> (Vec<ClaimRef>, HashMap<ClaimRef, Vec<ClaimRef>>) {
    let mut by_source: BTreeMap<usize, Vec<ClaimRef>> = BTreeMap::new();
    for r in members {
        by_source.entry(r.source).or_default().push(*r);
    }
    let mut reps = Vec::new();
    let mut folded: HashMap<ClaimRef, Vec<ClaimRef>> = HashMap::default();
    for list in by_source.values_mut() {
        // Body sentences first, so that a headline folds into the body's claim.
        list.sort_by_key(|r| (headline(docs, *r), *r));
        let mut mine: Vec<ClaimRef> = Vec::new();
        for r in list.iter() {
            match mine.iter().find(|m| restates(docs, **m, *r)) {
                Some(m) => folded.entry(*m).or_default().push(*r),
                None => mine.push(*r),
            }
        }
        reps.extend(mine);
    }
    (reps, folded)
}

fn align_block(docs: &[Analysis], key: &str, members: &[ClaimRef]) -> Vec<Alignment> {
    let (reps, mut folded) = fold(docs, members);
    let values: Vec<f64> = reps.iter().map(|r| sort_value(claim(docs, *r))).collect();
    let mut by_source: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, r) in reps.iter().enumerate() {
        by_source.entry(r.source).or_default().push(i);
    }
    for list in by_source.values_mut() {
        list.sort_by(|a, b| values[*a].total_cmp(&values[*b]));
    }
    let lists: Vec<&Vec<usize>> = by_source.values().collect();
    // u32 indices: with many sources this list is the largest allocation of a comparison.
    let mut pairs: Vec<(f64, u32, u32)> = Vec::new();
    for (x, xs) in lists.iter().enumerate() {
        for ys in &lists[x + 1..] {
            let only = if xs.len() == 1 && ys.len() == 1 {
                ONLY_PAIR
            } else {
                0.0
            };
            // Scores of each claim of `xs` against its nearest-valued candidates in `ys`.
            let mut scored: Vec<(f64, usize, usize)> = Vec::new();
            for &i in xs.iter() {
                let pos = ys.partition_point(|&j| values[j] < values[i]);
                let lo = pos.saturating_sub(CANDIDATES_PER_SOURCE / 2);
                let hi = (lo + CANDIDATES_PER_SOURCE).min(ys.len());
                for &j in &ys[lo..hi] {
                    let score = pair_score(claim(docs, reps[i]), claim(docs, reps[j]));
                    scored.push((score.max(0.0), i, j));
                }
            }
            // Each other's best candidate is evidence of its own: two reports that each give
            // one death toll give the same death toll.
            let mut best: HashMap<(bool, usize), (f64, usize, usize)> = HashMap::default();
            for &p in &scored {
                for key in [(false, p.1), (true, p.2)] {
                    let e = best.entry(key).or_insert(p);
                    if p.0 > e.0 {
                        *e = p;
                    }
                }
            }
            let is_best = |key, i, j| best.get(&key).is_some_and(|b| (b.1, b.2) == (i, j));
            for &(score, i, j) in &scored {
                let mutual = is_best((false, i), i, j) && is_best((true, j), i, j);
                // A vague amount far from a precise figure (`dozens of flights` against `more
                // than 1,200`) is as likely a part of it as a rival count: no bonus.
                let (x, y) = (claim(docs, reps[i]), claim(docs, reps[j]));
                let loose = (is_vague(x) || is_vague(y))
                    && relate(&x.quantity, &y.quantity) != Relation::Compatible;
                let mutual = mutual && !loose;
                let score = if loose { score - LOOSE } else { score };
                // Figures of `people` with nothing said about what happened to them only agree:
                // a different number is more likely another group than a contradiction.
                let generic = x.measure.as_ref().is_some_and(|m| m.generic)
                    && y.measure.as_ref().is_some_and(|m| m.generic);
                if generic && relate(&x.quantity, &y.quantity) != Relation::Compatible {
                    continue;
                }
                // The bonus rewards a best match, not a least bad one.
                let bonus = if mutual && score >= MUTUAL_FLOOR {
                    MUTUAL_BEST + only
                } else {
                    0.0
                };
                let score = score + bonus;
                if score >= MERGE_THRESHOLD {
                    pairs.push((score.min(1.0), i.min(j) as u32, i.max(j) as u32));
                }
            }
        }
    }
    // Each (i, j) is pushed once, so the key is total and an unstable sort gives the same order.
    pairs.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));

    // Greedy merging, best pair first; a group never takes two claims of one source.
    let n = reps.len();
    let mut group: Vec<usize> = (0..n).collect();
    let mut items: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut scores: Vec<Vec<f64>> = vec![Vec::new(); n];
    let mut reasons: Vec<Vec<String>> = vec![Vec::new(); n];
    // The sources of each group, for the clash test: with hundreds of sources, comparing
    // every member of one group with every member of the other was quadratic per pair.
    let mut sources: Vec<HashSet<usize>> = (0..n)
        .map(|i| HashSet::from_iter([reps[i].source]))
        .collect();
    for (score, i, j) in pairs {
        let (i, j) = (i as usize, j as usize);
        let (ri, rj) = (group[i], group[j]);
        if ri == rj {
            continue;
        }
        let (small, large) = if items[ri].len() <= items[rj].len() {
            (ri, rj)
        } else {
            (rj, ri)
        };
        let clash = items[small]
            .iter()
            .any(|&k| sources[large].contains(&reps[k].source));
        // Generic figures join only when every pair of them fits (see above): no chain of
        // compatible neighbours may put 10,000 and 30,000 people in one group.
        let generic = claim(docs, reps[i])
            .measure
            .as_ref()
            .is_some_and(|m| m.generic);
        let generic_conflict = generic
            && items[rj].iter().any(|&b| {
                items[ri].iter().any(|&a| {
                    let (x, y) = (claim(docs, reps[a]), claim(docs, reps[b]));
                    relate(&x.quantity, &y.quantity) != Relation::Compatible
                })
            });
        if clash || generic_conflict {
            continue;
        }
        // Merge the smaller group into the larger.
        let (keep, gone) = if items[ri].len() >= items[rj].len() {
            (ri, rj)
        } else {
            (rj, ri)
        };
        let moved = std::mem::take(&mut items[gone]);
        for &k in &moved {
            group[k] = keep;
        }
        items[keep].extend(moved);
        let moved_sources = std::mem::take(&mut sources[gone]);
        sources[keep].extend(moved_sources);
        let moved_scores = std::mem::take(&mut scores[gone]);
        scores[keep].extend(moved_scores);
        scores[keep].push(score);
        let moved_reasons = std::mem::take(&mut reasons[gone]);
        for w in moved_reasons
            .into_iter()
            .chain(pair_reasons(claim(docs, reps[i]), claim(docs, reps[j])))
        {
            if !reasons[keep].contains(&w) {
                reasons[keep].push(w);
            }
        }
    }
    let mut out: Vec<Alignment> = (0..n)
        .filter(|&r| !items[r].is_empty())
        .map(|r| {
            let mut claims: Vec<ClaimRef> = items[r].iter().map(|&k| reps[k]).collect();
            claims.sort();
            let mut restatements: Vec<ClaimRef> = claims
                .iter()
                .flat_map(|c| folded.remove(c).unwrap_or_default())
                .collect();
            restatements.sort();
            let s = &scores[r];
            Alignment {
                block: key.to_string(),
                claims,
                score: if s.is_empty() {
                    0.0
                } else {
                    s.iter().sum::<f64>() / s.len() as f64
                },
                reasons: std::mem::take(&mut reasons[r]),
                restatements,
            }
        })
        .collect();
    out.sort_by_key(|a| a.claims[0]);
    out
}

/// Jaccard similarity of two sorted, deduplicated word lists.
pub fn jaccard<T: Ord>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    inter as f64 / (a.len() + b.len() - inter) as f64
}

/// Added to a pair whose claims are each other's best match between their two sources…
const MUTUAL_BEST: f64 = 0.10;
/// …when their own score reaches this.
const MUTUAL_FLOOR: f64 = 0.25;

/// Added again when they are their sources' only figures in the block: two reports of one
/// event that each give one workforce figure are giving the same one.
const ONLY_PAIR: f64 = 0.08;

/// How likely two claims of one block state the same figure, in [0, 1]: what they measure and
/// count, the words around them and in their sentences, shared names, who said them, and
/// whether their values fit (a fit is evidence; a conflict is what a discrepancy is, so it
/// costs little).
pub fn pair_score(a: &Claim, b: &Claim) -> f64 {
    let mut score = match (&a.measure, &b.measure) {
        (Some(x), Some(y)) if x == y && x.generic => 0.10,
        (Some(x), Some(y)) if x == y && x.key.starts_with("class:") => 0.30,
        (Some(x), Some(y)) if x == y => 0.25,
        _ => 0.0,
    };
    score += 0.30 * jaccard(&a.local, &b.local);
    score += 0.20 * jaccard(&a.context, &b.context);
    if names_meet(&a.entities, &b.entities) {
        score += 0.05;
    }
    // The same names right by both figures (`14 seconds ahead of the Ethiopian`, `holding off
    // Ethiopia's Abebe Tesfaye by 11 seconds`): the figures are about the same people.
    if names_meet(&a.local_entities, &b.local_entities) {
        score += 0.10;
    }
    if let (Some(ca), Some(cb)) = (&a.counted, &b.counted) {
        // Spelling variants of one head (`protesters`/`protestors`) count as the same. Equal
        // heads, by far the common case, pass without the string comparison.
        if ca.head == cb.head || strsim::jaro_winkler(&ca.head, &cb.head) >= 0.9 {
            score += 0.10;
        }
    }
    match (&a.attribution, &b.attribution) {
        (Some(x), Some(y)) if x.party == y.party => score += 0.15,
        // Two known sides (union and company, police and organisers) give their own figures;
        // a named agency against `officials` may well be the same source.
        (Some(x), Some(y)) if x.known && y.known => score -= 0.6,
        _ => {}
    }
    score += match relate(&a.quantity, &b.quantity) {
        // The same uncommon figure (`$3.4bn`, `152,840`, `6.8`) is rarely a coincidence.
        Relation::Compatible
            if same_figure(a, b) && (distinctive(&a.quantity) || distinctive(&b.quantity)) =>
        {
            0.35
        }
        // Nor is one measurement given in two units that convert into each other (`5 miles`,
        // `8 km`; `72F`, `22C`).
        Relation::Compatible if converted(&a.quantity, &b.quantity) => 0.30,
        Relation::Compatible if same_figure(a, b) => 0.20,
        Relation::Compatible => 0.12,
        Relation::Strained => 0.0,
        // Two different scores are more likely two games or periods than a contradiction.
        Relation::Conflict if a.quantity.tally.is_some() => -0.25,
        Relation::Conflict => -0.05,
    };
    // Between otherwise equal candidates, the nearer figure (14 seconds is nearer 11 than 29).
    let (va, vb) = (sort_value(a), sort_value(b));
    let spread = (va - vb).abs() / va.abs().max(vb.abs()).max(f64::MIN_POSITIVE);
    score += 0.02 * (1.0 - spread.min(1.0));
    score.clamp(0.0, 1.0)
}

/// A figure precise enough that two reports giving it by chance is unlikely: stated with
/// decimals, a scale word or a unit of measurement, or a large one not rounded to the hundred.
fn distinctive(q: &crate::Quantity) -> bool {
    // A score (`31-24`) given by two reports is rarely chance.
    if q.tally.is_some() {
        return true;
    }
    let v = q.value.unwrap_or(0.0).abs();
    q.hedge == crate::extract::HedgeKind::Exact
        && (q.scaled
            || q.decimals > 0
            || (v >= 100.0 && v % 100.0 != 0.0)
            // A measurement names its unit too: `8 inches` twice is rarely chance.
            || q.kind == QuantityKind::Measure)
}

/// What a vague amount that does not fit a precise figure costs their pair.
const LOOSE: f64 = 0.25;

fn is_vague(c: &Claim) -> bool {
    c.quantity.hedge == crate::extract::HedgeKind::Vague
}

/// Whether two lists of lowercase names share one, counting a name and the word it derives
/// from as one (`ethiopian` and `ethiopia`, `kenya's` and `kenyan`).
fn names_meet(a: &[String], b: &[String]) -> bool {
    let base = |n: &str| n.trim_end_matches("'s").to_string();
    a.iter().map(|x| base(x)).any(|x| {
        b.iter().map(|y| base(y)).any(|y| {
            x == y
                || (x.len().min(y.len()) >= 4
                    && (x.starts_with(y.as_str()) || y.starts_with(x.as_str())))
        })
    })
}

/// Two measurements in different units that agree within their rounding.
fn converted(a: &crate::Quantity, b: &crate::Quantity) -> bool {
    use crate::judge::interval::{firm, in_base};
    a.kind == QuantityKind::Measure
        && b.kind == QuantityKind::Measure
        && a.unit.as_ref().map(|u| &u.name) != b.unit.as_ref().map(|u| &u.name)
        && in_base(a, firm(a)).overlaps(&in_base(b, firm(b)))
}

/// The same exact figure in the same unit.
fn same_figure(a: &Claim, b: &Claim) -> bool {
    let (x, y) = (&a.quantity, &b.quantity);
    if let (Some(s), Some(t)) = (x.tally, y.tally) {
        return s.key() == t.key();
    }
    x.value.is_some()
        && x.value.zip(y.value).is_some_and(|(p, q)| {
            let (p, q) = (
                x.unit.as_ref().map_or(p, |u| u.to_base(p)),
                y.unit.as_ref().map_or(q, |u| u.to_base(q)),
            );
            (p - q).abs() <= 1e-9 * p.abs().max(1.0)
        })
}

/// Why two merged claims were judged to state the same figure.
fn pair_reasons(a: &Claim, b: &Claim) -> Vec<String> {
    let mut reasons = Vec::new();
    if let (Some(x), Some(y)) = (&a.measure, &b.measure) {
        if x == y {
            reasons.push(if x.key.starts_with("class:") {
                format!("same measure ({})", x.label)
            } else {
                format!("both count {}", x.label)
            });
        }
    }
    if jaccard(&a.local, &b.local) >= 0.2 || jaccard(&a.context, &b.context) >= 0.2 {
        reasons.push("similar wording".to_string());
    }
    if let (Some(x), Some(y)) = (&a.attribution, &b.attribution) {
        if x.party == y.party {
            reasons.push(format!("both attributed to {}", x.party));
        }
    }
    reasons
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Document};

    /// Analyses of short test reports, with ids `s0`, `s1`…
    pub(crate) fn docs(texts: &[&str]) -> Vec<Analysis> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                analyze(
                    Document::from_text(&format!("s{i}"), &format!("s{i}"), *t),
                    None,
                )
            })
            .collect()
    }

    fn multi(al: &[Alignment]) -> Vec<Vec<ClaimRef>> {
        al.iter()
            .filter(|a| a.claims.len() > 1)
            .map(|a| a.claims.clone())
            .collect()
    }

    #[test]
    fn synonyms_align_and_different_things_do_not() {
        let d = docs(&[
            "Police arrested at least 300 individuals. Officers found around 500 workstations.",
            "Police detained numerous individuals. The centres employed around 500 staff.",
        ]);
        let m = multi(&align(&d));
        assert_eq!(m.len(), 1, "{m:?}");
        let (a, b) = (claim(&d, m[0][0]), claim(&d, m[0][1]));
        assert_eq!(a.measure, b.measure);
        assert_eq!(a.measure.as_ref().unwrap().key, "class:arrested");
    }

    #[test]
    fn parties_pair_with_their_own_figures() {
        let d = docs(&[
            "The union said 8,000 workers joined the strike; the company put the number at 3,000.",
            "Some 6,500 staff walked out, according to the union, while management counted 3,000.",
        ]);
        let m = multi(&align(&d));
        assert_eq!(m.len(), 2, "{m:?}");
        for g in m {
            let parties: Vec<_> = g
                .iter()
                .map(|r| claim(&d, *r).attribution.as_ref().unwrap().party.clone())
                .collect();
            assert_eq!(parties[0], parties[1]);
        }
    }

    #[test]
    fn ordinals_align_on_what_they_rank() {
        let d = docs(&[
            "It was the second strike this year.",
            "Workers staged the third strike this year.",
        ]);
        let m = multi(&align(&d));
        assert_eq!(m.len(), 1, "{m:?}");
    }

    #[test]
    fn equal_heads_skip_jaro_winkler_without_changing_the_score() {
        for h in ["", "people", "protesters"] {
            assert_eq!(strsim::jaro_winkler(h, h), 1.0, "{h:?}");
        }
    }

    #[test]
    fn many_sources_never_put_two_claims_of_one_source_in_a_group() {
        // 60 sources, each with two death tolls: every group stays one claim per source, and
        // every amount claim lands in exactly one alignment.
        let texts: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "{} people died on Monday. By Tuesday {} people had died.",
                    30 + i % 3,
                    60 + i % 4
                )
            })
            .collect();
        let d = docs(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        let al = align(&d);
        let mut seen = HashSet::default();
        for a in &al {
            let sources: HashSet<usize> = a.claims.iter().map(|r| r.source).collect();
            assert_eq!(sources.len(), a.claims.len(), "{a:?}");
            for r in a.claims.iter().chain(&a.restatements) {
                assert!(seen.insert(*r), "{r:?} twice");
            }
        }
        assert_eq!(seen.len(), 120);
        assert!(
            al.iter().any(|a| a.claims.len() >= 20),
            "groups span sources: {:?}",
            al.iter().map(|a| a.claims.len()).collect::<Vec<_>>()
        );
    }

    #[test]
    fn years_and_identifiers_are_never_aligned() {
        let d = docs(&[
            "In 2019, under Article 159, 20 people were held.",
            "In 2019, under Article 159, 25 people were held.",
        ]);
        let al = align(&d);
        assert!(al.iter().all(|a| a
            .claims
            .iter()
            .all(|r| claim(&d, *r).quantity.kind.is_amount())));
        assert_eq!(multi(&al).len(), 1);
    }
}
