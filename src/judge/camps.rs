//! How the claims of one finding divide: into camps of mutually compatible figures, and
//! whether the largest camp is a consensus or the sources are split.
//!
//! A consensus is a strict majority that no other set of compatible claims equals in size:
//! with five reports split 2–2–1, or 2–1–1–1, calling two of them "the consensus" and the rest
//! "outliers" would pass off one side of a dispute as settled. Two reports that disagree are
//! always split: either may be wrong.

use crate::interval::Interval;

/// The claims of a finding (by index) in camps, largest first; every claim is in one camp.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    pub camps: Vec<Vec<usize>>,
    /// The first camp is a consensus (a strict majority, and the only largest compatible set);
    /// otherwise the sources are split.
    pub consensus: bool,
}

impl Split {
    /// Every claim agrees with every other.
    pub fn agreement(&self) -> bool {
        self.camps.len() == 1
    }
}

/// The claims whose intervals share a point, for every point where some interval starts or
/// ends: in one dimension these are all the maximal sets of mutually overlapping intervals.
fn cliques(ivs: &[Interval], among: &[usize]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    for probe in among.iter().flat_map(|&k| [ivs[k].low, ivs[k].high]) {
        let covering: Vec<usize> = among
            .iter()
            .copied()
            .filter(|&k| ivs[k].low <= probe && probe <= ivs[k].high)
            .collect();
        if !covering.is_empty() && !out.contains(&covering) {
            out.push(covering);
        }
    }
    out
}

/// Splits claims by their (plausible) intervals: the largest compatible set first, then the
/// largest among the rest, and so on. Ties between sets of one size keep the earlier claims'
/// set first, so the order is stable.
pub fn by_intervals(ivs: &[Interval]) -> Split {
    let mut rest: Vec<usize> = (0..ivs.len()).collect();
    let mut camps: Vec<Vec<usize>> = Vec::new();
    let mut consensus = false;
    while !rest.is_empty() {
        let all = cliques(ivs, &rest);
        let size = all.iter().map(Vec::len).max().unwrap_or(1);
        let mut largest: Vec<&Vec<usize>> = all.iter().filter(|c| c.len() == size).collect();
        largest.sort();
        if camps.is_empty() {
            consensus = largest.len() == 1 && 2 * size > ivs.len();
        }
        let camp = largest
            .first()
            .map_or_else(|| vec![rest[0]], |c| (*c).clone());
        rest.retain(|k| !camp.contains(k));
        camps.push(camp);
    }
    decide(camps, consensus)
}

/// Up to this many claims, [`by_relation`] finds every maximal compatible set; beyond, it
/// builds the largest greedily.
const EXACT_UP_TO: usize = 16;

/// Splits claims by a pairwise compatibility (`fits(i, j)`), for figures whose compatibility is
/// not that of intervals on one line (dates by the parts both give, hedged figures of several
/// families): the largest set of mutually compatible claims first, then the largest among the
/// rest, as [`by_intervals`] does. Exact up to [`EXACT_UP_TO`] claims (every maximal set, by
/// Bron–Kerbosch); beyond, greedy from the claim compatible with the most others, and then a
/// consensus only as a strict majority.
pub fn by_relation(n: usize, fits: impl Fn(usize, usize) -> bool) -> Split {
    let mut rest: Vec<usize> = (0..n).collect();
    let mut camps: Vec<Vec<usize>> = Vec::new();
    let mut consensus = false;
    while !rest.is_empty() {
        let (camp, unique) = if rest.len() <= EXACT_UP_TO {
            let mut all = Vec::new();
            maximal_sets(&fits, Vec::new(), rest.clone(), Vec::new(), &mut all);
            let size = all.iter().map(Vec::len).max().unwrap_or(1);
            let mut largest: Vec<Vec<usize>> =
                all.into_iter().filter(|c| c.len() == size).collect();
            for c in &mut largest {
                c.sort_unstable();
            }
            largest.sort();
            let unique = largest.len() == 1;
            (largest.swap_remove(0), unique)
        } else {
            let degree = |k: usize| rest.iter().filter(|&&o| o != k && fits(k, o)).count();
            let mut order = rest.clone();
            order.sort_by_key(|&k| (std::cmp::Reverse(degree(k)), k));
            let mut camp: Vec<usize> = Vec::new();
            for k in order {
                if camp.iter().all(|&c| fits(c, k)) {
                    camp.push(k);
                }
            }
            (camp, true)
        };
        if camps.is_empty() {
            consensus = unique && 2 * camp.len() > n;
        }
        rest.retain(|k| !camp.contains(k));
        camps.push(camp);
    }
    decide(camps, consensus)
}

/// Bron–Kerbosch: every maximal set of mutually compatible claims that extends `chosen` with
/// claims of `open`, none of `done`.
fn maximal_sets(
    fits: &impl Fn(usize, usize) -> bool,
    chosen: Vec<usize>,
    open: Vec<usize>,
    mut done: Vec<usize>,
    out: &mut Vec<Vec<usize>>,
) {
    if open.is_empty() {
        if done.is_empty() {
            out.push(chosen);
        }
        return;
    }
    let mut open = open;
    while let Some(v) = open.pop() {
        let mut next = chosen.clone();
        next.push(v);
        let o: Vec<usize> = open.iter().copied().filter(|&u| fits(u, v)).collect();
        let d: Vec<usize> = done.iter().copied().filter(|&u| fits(u, v)).collect();
        maximal_sets(fits, next, o, d, out);
        done.push(v);
    }
}

/// Splits claims by an exact key (the person named for a post): equal keys are one camp.
pub fn by_key<K: PartialEq>(keys: &[K]) -> Split {
    let mut camps: Vec<Vec<usize>> = Vec::new();
    for (k, key) in keys.iter().enumerate() {
        match camps.iter_mut().find(|c| keys[c[0]] == *key) {
            Some(c) => c.push(k),
            None => camps.push(vec![k]),
        }
    }
    // Stable: equal sizes keep the order of their first claim.
    camps.sort_by_key(|c| std::cmp::Reverse(c.len()));
    let unique_largest = camps.len() == 1 || camps[0].len() > camps[1].len();
    let consensus = unique_largest && 2 * camps[0].len() > keys.len();
    decide(camps, consensus)
}

fn decide(mut camps: Vec<Vec<usize>>, consensus: bool) -> Split {
    for c in &mut camps {
        c.sort_unstable();
    }
    // Largest first; among equals, the camp of the earliest claim.
    camps.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    Split { camps, consensus }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(v: &[f64]) -> Vec<Interval> {
        v.iter().map(|&x| Interval { low: x, high: x }).collect()
    }

    #[test]
    fn a_tie_is_no_consensus() {
        // 2–2–1: two camps of two and one report alone.
        let s = by_intervals(&at(&[30.0, 40.0, 30.0, 40.0, 12.0]));
        assert!(!s.consensus);
        assert_eq!(s.camps, vec![vec![0, 2], vec![1, 3], vec![4]]);
    }

    #[test]
    fn a_strict_majority_is_a_consensus() {
        let s = by_intervals(&at(&[30.0, 30.0, 30.0, 40.0, 12.0]));
        assert!(s.consensus);
        assert_eq!(s.camps, vec![vec![0, 1, 2], vec![3], vec![4]]);
        // Two of three.
        assert!(by_intervals(&at(&[3.0, 2.0, 3.0])).consensus);
    }

    #[test]
    fn a_plurality_short_of_a_majority_is_split() {
        let s = by_intervals(&at(&[30.0, 30.0, 40.0, 50.0, 60.0]));
        assert!(!s.consensus);
        assert_eq!(s.camps[0], vec![0, 1]);
        assert_eq!(s.camps.len(), 4);
    }

    #[test]
    fn two_reports_that_differ_are_split() {
        let s = by_intervals(&at(&[300.0, 500.0]));
        assert!(!s.consensus);
        assert_eq!(s.camps, vec![vec![0], vec![1]]);
    }

    #[test]
    fn agreement_is_one_camp() {
        let ivs = [
            Interval {
                low: 30.0,
                high: f64::INFINITY,
            },
            Interval {
                low: 34.0,
                high: 34.0,
            },
        ];
        let s = by_intervals(&ivs);
        assert!(s.agreement() && s.consensus);
    }

    #[test]
    fn overlapping_majorities_of_one_size_are_split() {
        // [1,3] [2,5] [4,6]: {0,1} and {1,2} are both compatible pairs; neither is the consensus.
        let ivs = [
            Interval {
                low: 1.0,
                high: 3.0,
            },
            Interval {
                low: 2.0,
                high: 5.0,
            },
            Interval {
                low: 4.0,
                high: 6.0,
            },
        ];
        let s = by_intervals(&ivs);
        assert!(!s.consensus);
        assert_eq!(s.camps, vec![vec![0, 1], vec![2]]);
    }

    #[test]
    fn a_relation_splits_like_intervals_where_it_is_one() {
        let ivs = at(&[30.0, 40.0, 30.0, 40.0, 12.0]);
        let s = by_relation(5, |i, j| ivs[i].overlaps(&ivs[j]));
        assert_eq!(s, by_intervals(&ivs));
        let ivs = at(&[30.0, 30.0, 30.0, 40.0, 12.0]);
        assert_eq!(
            by_relation(5, |i, j| ivs[i].overlaps(&ivs[j])),
            by_intervals(&ivs)
        );
    }

    #[test]
    fn a_relation_that_is_no_interval_graph_splits_by_mutual_fit() {
        // 0 fits 1 and 2, but 1 and 2 do not fit each other (two dates of different years and
        // one without a year): no camp holds all three.
        let fits = |i: usize, j: usize| (i.min(j), i.max(j)) != (1, 2);
        let s = by_relation(3, fits);
        assert!(!s.agreement());
        assert_eq!(s.camps, vec![vec![0, 1], vec![2]]);
        assert!(!s.consensus, "two sets of two tie");
        // Greedy beyond the exact size: 40 claims that all fit but one.
        let s = by_relation(40, |i, j| i != 39 && j != 39);
        assert_eq!(s.camps[0].len(), 39);
        assert!(s.consensus);
    }

    #[test]
    fn keys_split_like_intervals() {
        assert!(!by_key(&["burkin", "ivanov"]).consensus);
        let s = by_key(&["a", "b", "a"]);
        assert!(s.consensus);
        assert_eq!(s.camps, vec![vec![0, 2], vec![1]]);
        let s = by_key(&["a", "b", "b", "a", "c"]);
        assert!(!s.consensus);
        assert_eq!(s.camps, vec![vec![0, 3], vec![1, 2], vec![4]]);
    }
}
