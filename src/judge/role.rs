//! Judging role claims: the same person named in a role is an agreement, different people for
//! one role of one organisation a discrepancy, a role only one source names a unique claim.

use super::{Finding, FindingKind};
use crate::align::{Alignment, ClaimRef};
use crate::extract::RoleClaim;
use crate::Analysis;

fn role(docs: &[Analysis], r: ClaimRef) -> &RoleClaim {
    &docs[r.source].roles[r.claim]
}

fn label(docs: &[Analysis], r: ClaimRef) -> &str {
    &docs[r.source].document.source.label
}

/// `leader of Khimprom`, `chief executive`.
fn position(c: &RoleClaim) -> String {
    let title = match c.rank {
        Some(r) => format!("{r} {}", c.label),
        None => c.label.to_string(),
    };
    match &c.org {
        Some(o) => format!("{title} of {}", o.trim_start_matches("the ")),
        None => title,
    }
}

/// Judges one aligned group of role claims.
pub fn judge_roles(docs: &[Analysis], a: &Alignment) -> Finding {
    let claims = &a.claims;
    // The position as the source that names the organisation puts it.
    let named = claims
        .iter()
        .map(|r| role(docs, *r))
        .find(|c| c.org.is_some())
        .unwrap_or_else(|| role(docs, claims[0]));
    let topic = position(named);
    if claims.len() == 1 {
        let c = role(docs, claims[0]);
        return Finding {
            kind: FindingKind::Unique,
            topic,
            confidence: 0.5,
            explanation: format!(
                "Only {} names {} as {}.",
                label(docs, claims[0]),
                c.person,
                position(c)
            ),
            claims: claims.clone(),
            consensus: Vec::new(),
            outliers: Vec::new(),
            reasons: Vec::new(),
        };
    }
    // Consensus: the largest set naming one person.
    let mut best: Vec<ClaimRef> = Vec::new();
    for r in claims {
        let same: Vec<ClaimRef> = claims
            .iter()
            .copied()
            .filter(|o| role(docs, *o).surname == role(docs, *r).surname)
            .collect();
        if same.len() > best.len() {
            best = same;
        }
    }
    let outliers: Vec<ClaimRef> = claims
        .iter()
        .copied()
        .filter(|r| !best.contains(r))
        .collect();
    let names = |rs: &[ClaimRef]| {
        rs.iter()
            .map(|r| format!("{} names {}", label(docs, *r), role(docs, *r).person))
            .collect::<Vec<_>>()
            .join(", ")
    };
    // Organisations named on both sides make the comparison firm; an inferred one less so.
    let firm = claims.iter().all(|r| role(docs, *r).org_key.is_some());
    if outliers.is_empty() {
        return Finding {
            kind: FindingKind::Agreement,
            topic: topic.clone(),
            confidence: if firm { 0.9 } else { 0.75 },
            explanation: format!("Same person as {topic}: {}.", names(claims)),
            claims: claims.clone(),
            consensus: best,
            outliers,
            reasons: a.reasons.clone(),
        };
    }
    Finding {
        kind: FindingKind::Discrepancy,
        topic: topic.clone(),
        confidence: if firm { 0.8 } else { 0.55 },
        explanation: format!(
            "Different people named as {topic}: {} but {}.{}",
            names(&best),
            names(&outliers),
            if firm {
                ""
            } else {
                " One source does not name the organisation, so they may mean different posts."
            }
        ),
        claims: claims.clone(),
        consensus: best,
        outliers,
        reasons: a.reasons.clone(),
    }
}

/// The phrase a role claim quotes: `Yegor Burkin, leader of Khimprom`.
pub fn figure(docs: &[Analysis], r: ClaimRef) -> String {
    let c = role(docs, r);
    docs[r.source].quote(c.span.clone()).to_string()
}

/// Sentence index of a role claim.
pub fn sentence(docs: &[Analysis], r: ClaimRef) -> usize {
    role(docs, r).sentence
}
