//! Alignment: group claims from different sources that state the same figure.
//!
//! Candidates come from blocking, never from all-pairs comparison: claims meet only when they
//! share a dimension (count, `money:USD`, length…) and a measure (a class from
//! `data/measures.tsv`, or the stem of what they count). Within a block, cross-source pairs are
//! scored on context, attribution and value, and merged greedily, best first, so that no group
//! ever holds two claims of one source.

use crate::extract::{dimension, Claim};
use crate::Analysis;
use std::collections::HashMap;

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
    if !c.quantity.kind.is_amount() {
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

fn claim<'a>(docs: &'a [Analysis], r: ClaimRef) -> &'a Claim {
    &docs[r.source].claims[r.claim]
}

fn align_block(docs: &[Analysis], key: &str, members: &[ClaimRef]) -> Vec<Alignment> {
    let mut pairs: Vec<(f64, usize, usize, Vec<String>)> = Vec::new();
    for i in 0..members.len() {
        for j in i + 1..members.len() {
            if members[i].source == members[j].source {
                continue;
            }
            let (score, reasons) =
                pair_score(key, claim(docs, members[i]), claim(docs, members[j]));
            if score >= MERGE_THRESHOLD {
                pairs.push((score, i, j, reasons));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    // Union-find over members; a group never takes two claims of one source.
    let mut group: Vec<usize> = (0..members.len()).collect();
    let mut scores: Vec<Vec<f64>> = vec![Vec::new(); members.len()];
    let mut reasons: Vec<Vec<String>> = vec![Vec::new(); members.len()];
    fn root(g: &mut [usize], mut i: usize) -> usize {
        while g[i] != i {
            g[i] = g[g[i]];
            i = g[i];
        }
        i
    }
    for (score, i, j, why) in pairs {
        let (ri, rj) = (root(&mut group, i), root(&mut group, j));
        if ri == rj {
            continue;
        }
        let sources_i: Vec<usize> = (0..members.len())
            .filter(|&k| root(&mut group, k) == ri)
            .map(|k| members[k].source)
            .collect();
        let clash = (0..members.len())
            .any(|k| root(&mut group, k) == rj && sources_i.contains(&members[k].source));
        if clash {
            continue;
        }
        group[rj] = ri;
        let moved_scores = std::mem::take(&mut scores[rj]);
        scores[ri].extend(moved_scores);
        scores[ri].push(score);
        let moved_reasons = std::mem::take(&mut reasons[rj]);
        reasons[ri].extend(moved_reasons);
        for w in why {
            if !reasons[ri].contains(&w) {
                reasons[ri].push(w);
            }
        }
    }
    let mut by_root: HashMap<usize, Vec<ClaimRef>> = HashMap::new();
    for k in 0..members.len() {
        let r = root(&mut group, k);
        by_root.entry(r).or_default().push(members[k]);
    }
    let mut out: Vec<Alignment> = by_root
        .into_iter()
        .map(|(r, mut claims)| {
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
                reasons: reasons[r].clone(),
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

/// How likely two claims in one block state the same figure, with the reasons.
pub fn pair_score(key: &str, a: &Claim, b: &Claim) -> (f64, Vec<String>) {
    let mut reasons = Vec::new();
    let measure = key.split('|').nth(1).unwrap_or("");
    let mut score = if measure.starts_with("class:") {
        reasons.push(format!(
            "same measure ({})",
            a.measure.as_ref().map_or("", |m| m.label.as_str())
        ));
        0.5
    } else if measure.starts_with("stem:") {
        reasons.push(format!(
            "both count {}",
            a.measure.as_ref().map_or("", |m| m.label.as_str())
        ));
        0.45
    } else {
        0.15
    };
    let ctx = jaccard(&a.context, &b.context);
    score += 0.4 * ctx;
    if ctx >= 0.2 {
        reasons.push("similar wording".to_string());
    }
    let shared_entities = a.entities.iter().filter(|e| b.entities.contains(e)).count();
    if shared_entities > 0 {
        score += 0.1;
    }
    if let (Some(ca), Some(cb)) = (&a.counted, &b.counted) {
        if ca.head == cb.head {
            score += 0.05;
        }
    }
    match (&a.attribution, &b.attribution) {
        (Some(x), Some(y)) if x.party == y.party => {
            score += 0.3;
            reasons.push(format!("both attributed to {}", x.party));
        }
        (Some(_), Some(_)) => score -= 0.6,
        _ => {}
    }
    (score.clamp(0.0, 1.0), reasons)
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
