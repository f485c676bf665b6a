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

/// Who each claim names, as a key: its surname, or for a name of one word the surname of the
/// one fuller name in the group it is part of (`Louis` is `Louis Gigante`).
fn person_keys<'a>(docs: &'a [Analysis], claims: &[ClaimRef]) -> Vec<&'a str> {
    let all: Vec<&RoleClaim> = claims.iter().map(|r| role(docs, *r)).collect();
    all.iter()
        .map(|c| {
            let mut fuller = all
                .iter()
                .filter(|o| one_word(c) && o.surname != c.surname && c.same_person(o));
            match (fuller.next(), fuller.next()) {
                (Some(o), None) => o.surname.as_str(),
                _ => c.surname.as_str(),
            }
        })
        .collect()
}

fn one_word(c: &RoleClaim) -> bool {
    !c.person.trim().contains(char::is_whitespace)
}

/// Judges one aligned group of role claims.
pub fn judge_roles(docs: &[Analysis], a: &Alignment) -> Finding {
    let claims = &a.claims;
    // The position as the source that names the organisation puts it, else as one that
    // names the post rather than a leader's title alone (`police chief`, not `chief`).
    let all = || claims.iter().map(|r| role(docs, *r));
    let named = all()
        .find(|c| c.org.is_some())
        .or_else(|| all().find(|c| c.role != "leader"))
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
            camps: Vec::new(),
            notes: Vec::new(),
            reasons: Vec::new(),
            restatements: Vec::new(),
        };
    }
    // One person in two posts of which they hold one (alignment pairs only those).
    let first = role(docs, claims[0]);
    if claims
        .iter()
        .any(|r| !crate::align::role::one_post(role(docs, *r), first))
    {
        let firm = claims.iter().all(|r| role(docs, *r).org_key.is_some());
        let said = claims
            .iter()
            .map(|r| {
                let c = role(docs, *r);
                format!("{} names {} as {}", label(docs, *r), c.person, position(c))
            })
            .collect::<Vec<_>>()
            .join(" but ");
        return Finding {
            kind: FindingKind::Discrepancy,
            topic: format!("title of {}", role(docs, claims[0]).person),
            confidence: if firm { 0.7 } else { 0.5 },
            explanation: format!("One person, two titles: {said}."),
            claims: claims.clone(),
            consensus: Vec::new(),
            outliers: Vec::new(),
            camps: claims.iter().map(|r| vec![*r]).collect(),
            notes: Vec::new(),
            reasons: a.reasons.clone(),
            restatements: Vec::new(),
        };
    }
    // Camps by the person named; the largest is a consensus only as an untied majority.
    let split = super::camps::by_key(&person_keys(docs, claims));
    let camps: Vec<Vec<ClaimRef>> = split
        .camps
        .iter()
        .map(|c| c.iter().map(|&k| claims[k]).collect())
        .collect();
    let best = camps[0].clone();
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
            camps: Vec::new(),
            notes: Vec::new(),
            reasons: a.reasons.clone(),
            restatements: Vec::new(),
        };
    }
    Finding {
        kind: FindingKind::Discrepancy,
        topic: topic.clone(),
        confidence: if firm { 0.8 } else { 0.55 },
        explanation: format!(
            "Different people named as {topic}: {}.{}",
            camps.iter().map(|c| names(c)).collect::<Vec<_>>().join(
                if split.consensus || camps.len() == 2 {
                    " but "
                } else {
                    "; "
                }
            ),
            if firm {
                ""
            } else {
                " One source does not name the organisation, so they may mean different posts."
            }
        ),
        claims: claims.clone(),
        consensus: if split.consensus { best } else { Vec::new() },
        outliers: if split.consensus {
            outliers
        } else {
            Vec::new()
        },
        camps: if split.consensus { Vec::new() } else { camps },
        notes: Vec::new(),
        reasons: a.reasons.clone(),
        restatements: Vec::new(),
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

#[cfg(test)]
mod tests {
    use crate::{compare, Document, FindingKind};

    #[test]
    fn one_person_in_two_titles_is_a_discrepancy_over_the_title() {
        let docs = vec![
            Document::from_text(
                "a",
                "a",
                "Acme's chief executive, Anna Berg, spoke first.".to_string(),
            ),
            Document::from_text(
                "b",
                "b",
                "Acme's chief financial officer, Anna Berg, spoke first.".to_string(),
            ),
        ];
        let cmp = compare(docs).unwrap();
        let f = cmp
            .findings
            .iter()
            .find(|f| f.topic == "title of Anna Berg")
            .expect("a finding over the title");
        assert_eq!(f.kind, FindingKind::Discrepancy);
        assert_eq!(
            f.explanation,
            "One person, two titles: a names Anna Berg as chief executive of Acme but b names \
             Anna Berg as chief financial officer of Acme."
        );
    }
}
