//! The pairing model: a logistic regression over a pair's [`Features`], with weights and
//! thresholds read from `data/pair_weights.tsv`, which `examples/fit_pairs.rs` fits on
//! labelled pairs (the team's corpus and the tuning half of the labelled real-news events).
//! It has two stages: the first weighs a pair's own evidence ([`Features`]); the second
//! weighs that score with how the pair ranks among the other candidates of either claim
//! ([`RankFeatures`]). Its output is the probability that two claims state one fact.

use super::features::{index, wording, Features, RankFeatures, View, N, NAMES, R, RANK_NAMES};
use crate::lexical::How;
use std::sync::OnceLock;

const WEIGHTS: &str = include_str!("../../data/pair_weights.tsv");

/// Weights and decision thresholds.
#[derive(Debug, Clone)]
pub struct Model {
    pub weights: [f64; N],
    pub rank_weights: [f64; R],
    /// Pairs whose figures fit merge at this probability…
    pub agree: f64,
    /// …pairs whose figures conflict (a discrepancy) only at this one…
    pub conflict: f64,
    /// …and pairs whose figures strain (`dozens` against `1,300`: a part, or a rival count?)
    /// at this one.
    pub strain: f64,
}

impl Model {
    /// Parses the weights file: `feature<TAB>weight` lines and
    /// `threshold<TAB>agree|conflict|strain<TAB>p` (`strain` defaults to `conflict`).
    pub fn parse(text: &str) -> Result<Model, String> {
        let mut m = Model {
            weights: [0.0; N],
            rank_weights: [0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
            agree: 0.5,
            conflict: 0.5,
            strain: 0.5,
        };
        let mut strain = None;
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let num = |s: &str| {
                s.trim()
                    .parse::<f64>()
                    .map_err(|e| format!("line {}: {s:?}: {e}", n + 1))
            };
            match f.as_slice() {
                ["threshold", "agree", p] => m.agree = num(p)?,
                ["threshold", "conflict", p] => m.conflict = num(p)?,
                ["threshold", "strain", p] => strain = Some(num(p)?),
                [name, w] => {
                    if let Some(i) = RANK_NAMES.iter().position(|r| r == name) {
                        m.rank_weights[i] = num(w)?;
                    } else {
                        let i = index(name)
                            .ok_or_else(|| format!("line {}: unknown feature {name}", n + 1))?;
                        m.weights[i] = num(w)?;
                    }
                }
                _ => return Err(format!("line {}: expected feature<TAB>weight", n + 1)),
            }
        }
        m.strain = strain.unwrap_or(m.conflict);
        Ok(m)
    }

    /// Writes the model in the format [`Model::parse`] reads.
    pub fn to_tsv(&self, header: &str) -> String {
        let mut out = String::new();
        for l in header.lines() {
            out.push_str("# ");
            out.push_str(l);
            out.push('\n');
        }
        for (name, w) in NAMES.iter().zip(self.weights) {
            out.push_str(&format!("{name}\t{w:.4}\n"));
        }
        for (name, w) in RANK_NAMES.iter().zip(self.rank_weights) {
            out.push_str(&format!("{name}\t{w:.4}\n"));
        }
        out.push_str(&format!("threshold\tagree\t{:.3}\n", self.agree));
        out.push_str(&format!("threshold\tconflict\t{:.3}\n", self.conflict));
        out.push_str(&format!("threshold\tstrain\t{:.3}\n", self.strain));
        out
    }

    /// The first stage's log-odds that a pair states one fact, from its own evidence.
    pub fn first_logit(&self, f: &Features) -> f64 {
        self.weights.iter().zip(f).map(|(w, x)| w * x).sum()
    }

    /// The first stage's probability.
    pub fn first_stage(&self, f: &Features) -> f64 {
        sigmoid(self.first_logit(f))
    }

    /// The probability that a pair states one fact, given how it ranks (its second-stage
    /// features, which carry the first stage's verdict).
    pub fn probability(&self, rank: &RankFeatures) -> f64 {
        sigmoid(self.rank_weights.iter().zip(rank).map(|(w, x)| w * x).sum())
    }

    /// Why a pair was taken for one fact, in words, strongest evidence first.
    /// `best_both`: each is the other's best match.
    pub fn reasons(&self, f: &Features, best_both: bool, a: &View, b: &View) -> Vec<String> {
        let w = wording(a, b);
        let mut out: Vec<(f64, String)> = Vec::new();
        let word = |v: &View| {
            v.claim
                .counted
                .as_ref()
                .map(|c| c.head.clone())
                .unwrap_or_default()
        };
        let verb = |v: &View| {
            v.claim
                .measure_word
                .clone()
                .or_else(|| v.claim.predicate.as_ref().map(|p| p.head.clone()))
                .unwrap_or_default()
        };
        for (i, name) in NAMES.iter().enumerate() {
            let c = self.weights[i] * f[i];
            if c <= 0.2 || *name == "bias" {
                continue;
            }
            let text = match *name {
                "same_value" | "distinctive_same" => "the same figure".to_string(),
                "compatible" => "figures that fit".to_string(),
                "measure_same" => format!(
                    "same measure ({})",
                    a.claim.measure.as_ref().map_or("", |m| m.label.as_str())
                ),
                "head_related" => {
                    let (x, y) = (word(a), word(b));
                    if w.head.how == How::Same {
                        format!("same thing counted ({x})")
                    } else {
                        format!(
                            "same thing counted ({x} ≈ {y}, {}, {:.2})",
                            w.head.how.as_str(),
                            w.head.score
                        )
                    }
                }
                "predicate_related" => {
                    let (x, y) = (verb(a), verb(b));
                    if w.predicate.how == How::Same {
                        format!("same event ({x})")
                    } else {
                        format!("same event ({x} ≈ {y}, {:.2})", w.predicate.score)
                    }
                }
                "local_words" | "sentence_words" => "similar wording".to_string(),
                "names_near" | "sentence_names" => "the same names".to_string(),
                "owner_same" => format!(
                    "same owner ({})",
                    a.claim
                        .frame
                        .owner
                        .as_ref()
                        .or(b.claim.frame.owner.as_ref())
                        .map_or("", |o| o.text.as_str())
                ),
                "attribution_same" => format!(
                    "both attributed to {}",
                    a.claim
                        .attribution
                        .as_ref()
                        .map_or("", |p| p.party.as_str())
                ),
                "shared_figures" => "other figures of the sentences agree".to_string(),
                "both_headlines" | "both_lead" => "both lead their reports".to_string(),
                _ => continue,
            };
            if let Some(e) = out.iter_mut().find(|(_, t)| *t == text) {
                e.0 += c;
            } else {
                out.push((c, text));
            }
        }
        out.sort_by(|x, y| y.0.total_cmp(&x.0));
        let mut out: Vec<String> = out.into_iter().map(|(_, t)| t).collect();
        if best_both {
            out.push("each other's best match".to_string());
        }
        out
    }
}

/// The model shipped in `data/pair_weights.tsv`.
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::parse(WEIGHTS).expect("data/pair_weights.tsv parses"))
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// Fits a logistic regression by Newton's method (iteratively reweighted least squares) with
/// an L2 penalty `l2` on every weight but the first (the bias). `rows` are features and 0/1
/// labels, with a weight per row.
pub fn fit<const K: usize>(rows: &[([f64; K], f64, f64)], l2: f64) -> [f64; K] {
    let mut w = [0.0; K];
    for _ in 0..50 {
        let mut grad = [0.0; K];
        let mut hess = vec![[0.0; K]; K];
        for (x, y, weight) in rows {
            let z: f64 = w.iter().zip(x).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            for i in 0..K {
                grad[i] += weight * (p - y) * x[i];
                for j in 0..K {
                    hess[i][j] += weight * p * (1.0 - p) * x[i] * x[j];
                }
            }
        }
        for i in 1..K {
            grad[i] += l2 * w[i];
            hess[i][i] += l2;
        }
        // A tiny ridge keeps features that never fire from making the system singular.
        for (i, row) in hess.iter_mut().enumerate() {
            row[i] += 1e-6;
        }
        let step = solve(hess, grad);
        let mut change = 0.0f64;
        for i in 0..K {
            w[i] -= step[i];
            change = change.max(step[i].abs());
        }
        if change < 1e-7 {
            break;
        }
    }
    w
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting.
fn solve<const K: usize>(mut a: Vec<[f64; K]>, mut b: [f64; K]) -> [f64; K] {
    for col in 0..K {
        let pivot = (col..K)
            .max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))
            .expect("non-empty");
        a.swap(col, pivot);
        b.swap(col, pivot);
        let d = a[col][col];
        if d.abs() < 1e-12 {
            continue;
        }
        for row in col + 1..K {
            let k = a[row][col] / d;
            if k == 0.0 {
                continue;
            }
            let pivot_row = a[col];
            for (x, p) in a[row][col..].iter_mut().zip(&pivot_row[col..]) {
                *x -= k * p;
            }
            b[row] -= k * b[col];
        }
    }
    let mut x = [0.0; K];
    for row in (0..K).rev() {
        let s: f64 = (row + 1..K).map(|c| a[row][c] * x[c]).sum();
        x[row] = if a[row][row].abs() < 1e-12 {
            0.0
        } else {
            (b[row] - s) / a[row][row]
        };
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_weights_parse_and_name_known_features() {
        let m = model();
        assert!(m.agree > 0.0 && m.agree < 1.0);
        assert!(m.conflict > 0.0 && m.conflict < 1.0);
        assert!(m.strain >= m.conflict && m.strain < 1.0);
        let old = Model::parse("threshold\tconflict\t0.4").unwrap();
        assert_eq!(old.strain, 0.4, "strain defaults to conflict");
        assert!(Model::parse("no_such_feature\t1.0").is_err());
        let again = Model::parse(&m.to_tsv("round trip")).unwrap();
        for (a, b) in again.weights.iter().zip(m.weights) {
            assert!((a - b).abs() < 1e-3);
        }
        for (a, b) in again.rank_weights.iter().zip(m.rank_weights) {
            assert!((a - b).abs() < 1e-3);
        }
    }

    #[test]
    fn fitting_recovers_a_separating_weight() {
        // Label = the `same_value` feature, with a little noise: its weight must come out
        // large and positive, the others near zero.
        let sv = index("same_value").unwrap();
        let mut rows = Vec::new();
        for k in 0..200 {
            let mut x = [0.0; N];
            x[0] = 1.0;
            x[sv] = (k % 2) as f64;
            let y = if k % 17 == 0 { 1.0 - x[sv] } else { x[sv] };
            rows.push((x, y, 1.0));
        }
        let w = fit(&rows, 0.1);
        assert!(w[sv] > 2.0, "{w:?}");
        let m = Model {
            weights: w,
            rank_weights: [0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
            agree: 0.5,
            conflict: 0.5,
            strain: 0.5,
        };
        let mut yes = [0.0; N];
        yes[0] = 1.0;
        yes[sv] = 1.0;
        let mut no = [0.0; N];
        no[0] = 1.0;
        assert!(m.first_stage(&yes) > 0.8 && m.first_stage(&no) < 0.2);
    }
}
