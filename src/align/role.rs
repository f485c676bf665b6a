//! Aligning role claims: sources that name someone in the same role of the same organisation.
//!
//! Blocks are role classes (`role:leader`), a leader's title alone joining the post its person
//! heads in another report (`Chief Dana Moss`, `Police Chief Dana Moss`); within one, two claims pair when their
//! organisations are compatible: the same key, or one side names none but its report mentions
//! the other side's organisation. Same-person pairs merge first, so agreements form before
//! conflicts; a group never holds two claims of one source.

use super::{Alignment, ClaimRef};
use crate::extract::RoleClaim;
use crate::Analysis;
use std::collections::BTreeMap;

/// Context overlap at which two sentences that name no organisation are taken to describe the
/// same scene.
const SAME_SCENE: f64 = 0.3;

fn role(docs: &[Analysis], r: ClaimRef) -> &RoleClaim {
    &docs[r.source].roles[r.claim]
}

/// Whether two role claims concern the same position, and how sure that is (in [0, 1]).
pub fn same_position(docs: &[Analysis], a: ClaimRef, b: ClaimRef) -> Option<f64> {
    let (x, y) = (role(docs, a), role(docs, b));
    if !one_post(x, y) {
        return None;
    }
    let same_person = x.same_person(y);
    // Many hold such a post at once (senators, officers), and a former holder is no rival of
    // the present one: only the same person pairs.
    if (x.many || x.former || y.former) && !same_person {
        return None;
    }
    let mentions = |doc: usize, org: &Option<String>| {
        org.as_ref()
            .is_some_and(|o| docs[doc].normalized.text().contains(o.as_str()))
    };
    let org = match (&x.org_key, &y.org_key) {
        (Some(p), Some(q)) => orgs_meet(p, q)
            .or_else(|| abbreviates(x.org.as_deref()?, y.org.as_deref()?).then_some(0.8))?,
        (None, Some(_)) if mentions(a.source, &y.org) => 0.6,
        (Some(_), None) if mentions(b.source, &x.org) => 0.6,
        _ => 0.0,
    };
    // Without an organisation, only the same name or sentences about the same scene (`the
    // company's chief executive … announced the deal`) say it is the same position.
    let scene = super::jaccard(&x.context, &y.context);
    // An organisation named on one side only is inferred: different people then need the same
    // scene as well.
    if org < 0.8 && !same_person && scene < SAME_SCENE {
        return None;
    }
    Some(if same_person {
        0.5 + 0.5 * org
    } else {
        (0.4 * org).max(0.2 * scene)
    })
}

/// How surely two organisation keys name one organisation: 1 when they are the same words (a
/// country and its people's adjective counting as one: `french interior`, `france interior`),
/// 0.8 when one's words are all the other's (`red sox`, `boston red sox`), else none.
fn orgs_meet(p: &str, q: &str) -> Option<f64> {
    if p == q {
        return Some(1.0);
    }
    if p.contains(q) || q.contains(p) {
        return Some(0.8);
    }
    let lx = crate::lexical::lexical();
    let same = |a: &str, b: &str| {
        use crate::lexical::How;
        a == b || matches!(lx.relate_words(a, b).how, How::Same | How::Derived)
    };
    let within = |a: &str, b: &str| a.split(' ').all(|w| b.split(' ').any(|v| same(w, v)));
    match (within(p, q), within(q, p)) {
        (true, true) => Some(1.0),
        (true, false) | (false, true) => Some(0.8),
        _ => None,
    }
}

/// Whether one organisation, as written, abbreviates the other: a word of it in capitals
/// (`FLDS`, `NTSB`) spells, in order, initials of the other's capitalised words, from the
/// first to the last (`Fundamentalist Church of Jesus Christ of Latter Day Saints`,
/// `National Transportation Safety Board`); one of three letters spells every initial.
fn abbreviates(p: &str, q: &str) -> bool {
    let acronyms = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| (3..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase()))
            .map(str::to_string)
            .collect()
    };
    let initials = |s: &str| -> Vec<u8> {
        s.split_whitespace()
            .filter_map(|w| w.bytes().next().filter(u8::is_ascii_uppercase))
            .collect()
    };
    // From the first initial to the last; a short acronym skips none (`NBA` is not the
    // `National Basketball Players Association`).
    let spells = |acronym: &str, initials: &[u8]| {
        let a = acronym.as_bytes();
        if initials.len() < a.len() || initials.first() != a.first() || initials.last() != a.last()
        {
            return false;
        }
        if a.len() <= 3 {
            return initials == a;
        }
        let mut rest = initials.iter();
        a.iter().all(|c| rest.any(|i| i == c))
    };
    let one_way = |p: &str, q: &str| {
        let init = initials(q);
        acronyms(p).iter().any(|a| spells(a, &init))
    };
    one_way(p, q) || one_way(q, p)
}

/// Whether two role claims name one post: the same class at the same rank, or a leader's
/// title alone (`Chief Dana Moss`) and a post heading its organisation (`Police Chief Dana
/// Moss`) of one person.
pub fn one_post(x: &RoleClaim, y: &RoleClaim) -> bool {
    let titled = |l: &RoleClaim, h: &RoleClaim| {
        l.role == "leader" && l.rank.is_none() && heads(h.role) && l.same_person(h)
    };
    x.rank == y.rank && (x.role == y.role || titled(x, y) || titled(y, x))
}

/// Whether a class of `data/roles.tsv` heads its organisation (flag `heads`).
fn heads(role: &str) -> bool {
    crate::extract::lexicon()
        .role_classes
        .iter()
        .any(|c| c.name == role && c.heads)
}

/// The post a leader's title alone (`Chief Dana Moss`, `the head of the agency`) names when
/// another source gives the same person, under no other rank, a post that heads its
/// organisation (`Police Chief Dana Moss`): that post's class, so the two are one role.
fn headed_post(docs: &[Analysis], source: usize, r: &RoleClaim) -> Option<&'static str> {
    if r.role != "leader" || r.rank.is_some() {
        return None;
    }
    let mut posts = docs
        .iter()
        .enumerate()
        .filter(|&(t, _)| t != source)
        .flat_map(|(_, d)| d.roles.iter())
        .filter(|o| o.rank.is_none() && heads(o.role) && o.same_person(r))
        .map(|o| o.role);
    let first = posts.next()?;
    // Two posts the person heads elsewhere leave the title's one unknown.
    posts.all(|p| p == first).then_some(first)
}

/// Aligns the role claims of all documents; lone claims come back as groups of one.
pub fn align_roles(docs: &[Analysis]) -> Vec<Alignment> {
    let mut blocks: BTreeMap<String, Vec<ClaimRef>> = BTreeMap::new();
    for (s, d) in docs.iter().enumerate() {
        for (i, r) in d.roles.iter().enumerate() {
            // One source naming one person in one role again adds nothing.
            let repeat = d.roles[..i]
                .iter()
                .any(|o| o.role == r.role && o.rank == r.rank && o.same_person(r));
            if !repeat {
                let role = headed_post(docs, s, r).unwrap_or(r.role);
                let key = match r.rank {
                    Some(q) => format!("{q} {role}"),
                    None => role.to_string(),
                };
                blocks.entry(key).or_default().push(ClaimRef::role(s, i));
            }
        }
    }
    let mut out = Vec::new();
    for (class, members) in blocks {
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for i in 0..members.len() {
            for j in i + 1..members.len() {
                if members[i].source == members[j].source {
                    continue;
                }
                if let Some(score) = same_position(docs, members[i], members[j]) {
                    pairs.push((score, i, j));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut group: Vec<usize> = (0..members.len()).collect();
        let mut items: Vec<Vec<usize>> = (0..members.len()).map(|i| vec![i]).collect();
        let mut scores: Vec<Vec<f64>> = vec![Vec::new(); members.len()];
        for (score, i, j) in pairs {
            let (gi, gj) = (group[i], group[j]);
            let clash = items[gi].iter().any(|&a| {
                items[gj]
                    .iter()
                    .any(|&b| members[a].source == members[b].source)
            });
            if gi == gj || clash {
                continue;
            }
            let moved = std::mem::take(&mut items[gj]);
            for &k in &moved {
                group[k] = gi;
            }
            items[gi].extend(moved);
            let moved = std::mem::take(&mut scores[gj]);
            scores[gi].extend(moved);
            scores[gi].push(score);
        }
        for (g, list) in items.iter().enumerate() {
            if list.is_empty() {
                continue;
            }
            let mut claims: Vec<ClaimRef> = list.iter().map(|&k| members[k]).collect();
            claims.sort();
            let s = &scores[g];
            out.push(Alignment {
                block: format!("role:{class}"),
                claims,
                score: if s.is_empty() {
                    0.0
                } else {
                    s.iter().sum::<f64>() / s.len() as f64
                },
                reasons: vec!["same role of the same organisation".to_string()],
                restatements: Vec::new(),
            });
        }
    }
    let titles = one_person_two_titles(docs, &mut out);
    out.extend(titles);
    out
}

/// Whether two role claims name one person in two posts of which one holds only one: the same
/// post at another rank (`vice president`, `senior vice president`), or two of a group
/// (`chief executive`, `chief operating officer`), of one organisation, neither a former post.
fn two_titles(x: &RoleClaim, y: &RoleClaim) -> bool {
    let orgs = match (&x.org_key, &y.org_key) {
        (Some(p), Some(q)) => orgs_meet(p, q).is_some(),
        _ => true,
    };
    let ranks = x.role == y.role && x.rank != y.rank;
    let group = x.role != y.role && x.one_of.is_some() && x.one_of == y.one_of;
    x.same_person(y) && !x.former && !y.former && orgs && (ranks || group)
}

/// Pairs lone role claims of different sources that name one person in two posts only one of
/// which they can hold (see [`two_titles`]); the lone groups they came from are emptied, and
/// the pairs come back as groups of their own.
fn one_person_two_titles(docs: &[Analysis], groups: &mut Vec<Alignment>) -> Vec<Alignment> {
    let lone: Vec<usize> = (0..groups.len())
        .filter(|&g| groups[g].claims.len() == 1)
        .collect();
    let mut taken = vec![false; lone.len()];
    let mut out = Vec::new();
    for i in 0..lone.len() {
        for j in i + 1..lone.len() {
            let (a, b) = (groups[lone[i]].claims[0], groups[lone[j]].claims[0]);
            if taken[i] || taken[j] || a.source == b.source {
                continue;
            }
            if two_titles(role(docs, a), role(docs, b)) {
                taken[i] = true;
                taken[j] = true;
                let mut claims = vec![a, b];
                claims.sort();
                out.push(Alignment {
                    block: format!("title:{}", role(docs, a).surname),
                    claims,
                    score: 0.5,
                    reasons: vec!["one person named in two posts".to_string()],
                    restatements: Vec::new(),
                });
            }
        }
    }
    let mut k = 0;
    groups.retain(|_| {
        let keep = lone.iter().position(|&g| g == k).is_none_or(|i| !taken[i]);
        k += 1;
        keep
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::tests::docs;

    fn groups(texts: &[&str]) -> Vec<Vec<String>> {
        let d = docs(texts);
        align_roles(&d)
            .iter()
            .map(|a| {
                a.claims
                    .iter()
                    .map(|r| role(&d, *r).person.clone())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn same_person_same_role_aligns() {
        let g = groups(&[
            "The ring is linked to Yegor Burkin, leader of Khimprom.",
            "Khimprom, led by Yegor Burkin, has a long history.",
        ]);
        assert_eq!(g, vec![vec!["Yegor Burkin", "Yegor Burkin"]]);
    }

    #[test]
    fn a_leaders_title_alone_names_the_post_the_person_heads() {
        let texts = [
            "Police Chief Ana Ruiz said the blast was deliberate.",
            "A third officer, Chief Ana Ruiz, was hurt.",
        ];
        assert_eq!(groups(&texts), vec![vec!["Ana Ruiz", "Ana Ruiz"]]);
        let d = docs(&texts);
        let f = crate::judge::role::judge_roles(&d, &align_roles(&d)[0]);
        assert_eq!(f.kind, crate::judge::FindingKind::Agreement, "{f:?}");
        assert_eq!(f.topic, "police chief");
        // Another person's title stays apart, as does a post many hold.
        let g = groups(&[
            "Police Chief Ana Ruiz said the blast was deliberate.",
            "Chief Tom Hale was hurt.",
        ]);
        assert_eq!(g.len(), 2, "{g:?}");
        let g = groups(&[
            "Senator Ana Ruiz said the blast was deliberate.",
            "Chief Ana Ruiz was hurt.",
        ]);
        assert_eq!(g.len(), 2, "{g:?}");
    }

    #[test]
    fn different_people_for_one_role_align_as_a_conflict() {
        let g = groups(&[
            "Acme's chief executive, Anna Berg, announced the deal.",
            "Acme chief executive Maria Holm announced the deal.",
        ]);
        assert_eq!(g, vec![vec!["Anna Berg", "Maria Holm"]]);
    }

    #[test]
    fn one_person_in_two_posts_of_which_they_hold_one() {
        // Another rank of one post, or another of a group of posts one person holds one of.
        let g = groups(&[
            "Acme's vice president of sales, Anna Berg, spoke first.",
            "Acme's senior vice president of sales, Anna Berg, spoke first.",
        ]);
        assert_eq!(g, vec![vec!["Anna Berg", "Anna Berg"]]);
        let g = groups(&[
            "Acme's chief executive, Anna Berg, spoke first.",
            "Acme's chief financial officer, Anna Berg, spoke first.",
        ]);
        assert_eq!(g, vec![vec!["Anna Berg", "Anna Berg"]]);
        // Posts one person may hold together, and a former post, stay apart.
        let g = groups(&[
            "Acme's chairman, Anna Berg, spoke first.",
            "Acme's chief executive, Anna Berg, spoke first.",
        ]);
        assert_eq!(g.len(), 2, "{g:?}");
        let g = groups(&[
            "Acme's former chief executive, Anna Berg, spoke first.",
            "Acme's chief financial officer, Anna Berg, spoke first.",
        ]);
        assert_eq!(g.len(), 2, "{g:?}");
    }

    #[test]
    fn unnamed_organisations_align_on_the_same_scene_only() {
        let g = groups(&[
            "The company's chief executive, Anna Berg, announced the deal on Monday.",
            "Chief executive Maria Holm announced the deal on Monday.",
        ]);
        assert_eq!(g, vec![vec!["Anna Berg", "Maria Holm"]]);
        let g = groups(&[
            "The company's chief executive, Anna Berg, announced the deal on Monday.",
            "Chief executive Maria Holm resigned after the floods.",
        ]);
        assert_eq!(g.len(), 2, "{g:?}");
    }

    #[test]
    fn different_organisations_do_not_align() {
        let g = groups(&[
            "Acme's chief executive, Anna Berg, announced the deal.",
            "Globex chief executive Maria Holm welcomed it.",
        ]);
        assert_eq!(g.len(), 2, "{g:?}");
    }

    #[test]
    fn an_organisation_and_its_initials_are_one() {
        let g = groups(&[
            "Ruth Amos, chairman of the NRLA, said rents would rise.",
            "Ruth Amos, chairman of the National Rural Landlords Association, said so.",
        ]);
        assert_eq!(g.len(), 1, "{g:?}");
        assert!(abbreviates(
            "Bountiful's FLDS",
            "the Fundamentalist Latter Day Saints"
        ));
        // Initials out of order, or from the middle, spell nothing.
        assert!(!abbreviates(
            "the DSL",
            "the Fundamentalist Latter Day Saints"
        ));
        assert!(!abbreviates(
            "the LDS",
            "the Fundamentalist Latter Day Saints"
        ));
        // Nor does a word in capitals whose letters are not all initials, nor a short one
        // that skips some, nor one that stops short of the name's end.
        assert!(!abbreviates("FOX", "Fresno Oil Exchange Yard"));
        assert!(!abbreviates(
            "the NBA",
            "the National Basketball Players Association"
        ));
        assert!(!abbreviates(
            "the NFLP",
            "the National Football League Players Association"
        ));
    }

    #[test]
    fn a_country_and_its_adjective_name_one_organisation() {
        // `Italian Defence Minister` and `Italy's defence minister`: one post.
        let g = groups(&[
            "Italian Defence Minister Paola Conti visited the base.",
            "Paola Conti, Italy's defence minister, visited the base.",
        ]);
        assert_eq!(g.len(), 1, "{g:?}");
        // A shared city is no shared organisation.
        let g = groups(&[
            "Boston Celtics coach Ann Reyes resigned.",
            "Boston Red Sox coach Tim Lord resigned.",
        ]);
        assert_eq!(g.len(), 2, "{g:?}");
    }
}
