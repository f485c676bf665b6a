//! Alignment: group claims from different sources that state the same figure.
//!
//! Candidates come from blocking, never from all-pairs comparison: claims meet only when they
//! share a dimension (count, `money:USD`, length…) and a measure (a class from
//! `data/measures.tsv`, or the stem of what they count). Within a block, cross-source pairs are
//! scored on context, attribution and value, and merged greedily, best first, so that no group
//! ever holds two claims of one source.

use crate::extract::{dimension, Claim, QuantityKind};
use crate::Analysis;
use std::collections::{HashMap, HashSet};

/// A claim, by source (document index) and index in that document's claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClaimRef {
    pub source: usize,
    pub claim: usize,
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
}

/// Pairs scoring below this are not merged.
const MERGE_THRESHOLD: f64 = 0.45;

/// The blocking key of a claim, or `None` for figures that are not amounts.
pub fn block_key(c: &Claim) -> Option<String> {
    // Ordinals (`the third strike`) compare only when we know what they rank.
    let ranked = c.quantity.kind == QuantityKind::Ordinal && c.measure.is_some();
    if !c.quantity.kind.is_amount() && !ranked {
        return None;
    }
    let measure = c.measure.as_ref().map_or("bare", |m| m.key.as_str());
    Some(format!("{}|{}", dimension(&c.quantity), measure))
}

/// Aligns the amount claims of all documents. Every amount claim ends up in exactly one
/// alignment; those no other source shares are alignments of one.
pub fn align(docs: &[Analysis]) -> Vec<Alignment> {
    let mut blocks: HashMap<String, Vec<ClaimRef>> = HashMap::new();
    for (s, d) in docs.iter().enumerate() {
        for (i, c) in d.claims.iter().enumerate() {
            if let Some(k) = block_key(c) {
                blocks.entry(k).or_default().push(ClaimRef {
                    source: s,
                    claim: i,
                });
            }
        }
    }
    let mut keys: Vec<&String> = blocks.keys().collect();
    keys.sort();
    let mut out = Vec::new();
    for key in keys {
        out.extend(align_block(docs, key, &blocks[key]));
    }
    out.sort_by_key(|a| a.claims[0]);
    out
}

fn claim(docs: &[Analysis], r: ClaimRef) -> &Claim {
    &docs[r.source].claims[r.claim]
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

fn align_block(docs: &[Analysis], key: &str, members: &[ClaimRef]) -> Vec<Alignment> {
    let values: Vec<f64> = members
        .iter()
        .map(|r| sort_value(claim(docs, *r)))
        .collect();
    let mut by_source: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (i, r) in members.iter().enumerate() {
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
            for &i in xs.iter() {
                let pos = ys.partition_point(|&j| values[j] < values[i]);
                let lo = pos.saturating_sub(CANDIDATES_PER_SOURCE / 2);
                let hi = (lo + CANDIDATES_PER_SOURCE).min(ys.len());
                for &j in &ys[lo..hi] {
                    let score = pair_score(key, claim(docs, members[i]), claim(docs, members[j]));
                    if score >= MERGE_THRESHOLD {
                        pairs.push((score, i.min(j) as u32, i.max(j) as u32));
                    }
                }
            }
        }
    }
    // Each (i, j) is pushed once, so the key is total and an unstable sort gives the same order.
    pairs.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));

    // Greedy merging, best pair first; a group never takes two claims of one source.
    let n = members.len();
    let mut group: Vec<usize> = (0..n).collect();
    let mut items: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut scores: Vec<Vec<f64>> = vec![Vec::new(); n];
    let mut reasons: Vec<Vec<String>> = vec![Vec::new(); n];
    // The sources of each group, for the clash test: with hundreds of sources, comparing
    // every member of one group with every member of the other was quadratic per pair.
    let mut sources: Vec<HashSet<usize>> =
        (0..n).map(|i| HashSet::from([members[i].source])).collect();
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
        if items[small]
            .iter()
            .any(|&k| sources[large].contains(&members[k].source))
        {
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
        for w in moved_reasons.into_iter().chain(pair_reasons(
            key,
            claim(docs, members[i]),
            claim(docs, members[j]),
        )) {
            if !reasons[keep].contains(&w) {
                reasons[keep].push(w);
            }
        }
    }
    let mut out: Vec<Alignment> = (0..n)
        .filter(|&r| !items[r].is_empty())
        .map(|r| {
            let mut claims: Vec<ClaimRef> = items[r].iter().map(|&k| members[k]).collect();
            claims.sort();
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
            }
        })
        .collect();
    out.sort_by_key(|a| a.claims[0]);
    out
}

/// Jaccard similarity of two sorted, deduplicated word lists.
pub fn jaccard(a: &[String], b: &[String]) -> f64 {
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

/// How likely two claims in one block state the same figure, in [0, 1].
pub fn pair_score(key: &str, a: &Claim, b: &Claim) -> f64 {
    let measure = key.split('|').nth(1).unwrap_or("");
    let mut score = if measure.starts_with("class:") {
        0.5
    } else if measure.starts_with("stem:") {
        0.45
    } else {
        0.15
    };
    score += 0.4 * jaccard(&a.context, &b.context);
    if a.entities.iter().any(|e| b.entities.contains(e)) {
        score += 0.1;
    }
    if let (Some(ca), Some(cb)) = (&a.counted, &b.counted) {
        // Spelling variants of one head (`protesters`/`protestors`) count as the same. Equal
        // heads, by far the common case, score 1 without the string comparison.
        score += 0.05
            * if ca.head == cb.head {
                1.0
            } else {
                strsim::jaro_winkler(&ca.head, &cb.head)
            };
    }
    match (&a.attribution, &b.attribution) {
        (Some(x), Some(y)) if x.party == y.party => score += 0.3,
        (Some(_), Some(_)) => score -= 0.6,
        _ => {}
    }
    score.clamp(0.0, 1.0)
}

/// Why two merged claims were judged to state the same figure.
fn pair_reasons(key: &str, a: &Claim, b: &Claim) -> Vec<String> {
    let mut reasons = Vec::new();
    let label = a.measure.as_ref().map_or("", |m| m.label.as_str());
    match key.split('|').nth(1).unwrap_or("") {
        m if m.starts_with("class:") => reasons.push(format!("same measure ({label})")),
        m if m.starts_with("stem:") => reasons.push(format!("both count {label}")),
        _ => {}
    }
    if jaccard(&a.context, &b.context) >= 0.2 {
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

    fn docs(texts: &[&str]) -> Vec<Analysis> {
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
                    "At least {} people died on Monday. By Tuesday {} people had died.",
                    30 + i % 3,
                    40 + i % 4
                )
            })
            .collect();
        let d = docs(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        let al = align(&d);
        let mut seen = std::collections::HashSet::new();
        for a in &al {
            let sources: std::collections::HashSet<usize> =
                a.claims.iter().map(|r| r.source).collect();
            assert_eq!(sources.len(), a.claims.len(), "{a:?}");
            for r in &a.claims {
                assert!(seen.insert(*r), "{r:?} twice");
            }
        }
        assert_eq!(seen.len(), 120);
        assert!(
            al.iter().any(|a| a.claims.len() == 60),
            "groups span sources"
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
