//! Fits the pairing model (`data/pair_weights.tsv`) on labelled pairs and reports how it does.
//!
//! ```sh
//! cargo run --release --example fit_pairs            # fit and print; nothing written
//! cargo run --release --example fit_pairs -- --write # fit and write data/pair_weights.tsv
//! ```
//!
//! Labelled pairs come from two places, never from the test half:
//! - the tuning half of the hand-labelled ECB+ events (`examples/ecbplus_split.tsv`, read
//!   from `../shared/eval/ecbplus_events/gold`): a candidate pair is positive when a gold
//!   agreement or discrepancy names both its claims, negative otherwise (the gold lists every
//!   overlap its labellers found; a `not_agreement` trap is a negative of double weight);
//! - the team's own `corpus/`: pairs of claims one expected finding holds are positive, the
//!   `never` findings and every other candidate pair negative.
//!
//! The weights are fitted by L2-penalised logistic regression (`align::model::fit`); the three
//! thresholds (for pairs whose figures fit, conflict, or strain) are then chosen on the same
//! data by running the pipeline: first for the corpus, the team's test suite, judged finding
//! by finding as `tests/corpus.rs` judges it (no check may fail), then among the choices that
//! pass for the tuning half, by the pairs alignment makes (agreements by F1, discrepancies by
//! F0.5, since a false discrepancy costs a reader more than a missed one). The L2 penalty is chosen the same
//! way among 1, 2, 4 and 8 (`--l2 X` fixes it). `--fold K/N` cross-validates by event instead:
//! it fits on the tuning events but every N-th from the K-th, over penalties 1 to 32, and
//! scores the held-out ones (nothing is written).

use corroborate::align::features::{Features, RankFeatures, N, NAMES, RANK_NAMES};
use corroborate::align::model::{fit, model, Model};
use corroborate::align::{align_with, candidate_pairs, ruled_out, ClaimRef};
use corroborate::interval::Relation;
use corroborate::judge::judge;
use corroborate::report::json::comparison_json;
use corroborate::report::Options;
use corroborate::{analyze, Analysis, Document};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// One side of a labelled pair: the source index and what identifies its claim.
#[derive(Clone)]
enum Side {
    /// Gold of the ECB+ events: a sentence substring and a figure substring.
    Gold { sentence: String, figure: String },
    /// Corpus: the exact sentence and the figure as written in it.
    Exact { sentence: String, figure: String },
}

struct Labelled {
    /// (source index, side) for each claim of the item; a pair of any two is labelled.
    claims: Vec<(usize, Side)>,
    positive: bool,
    /// For a pair that must not be made one way (a `never` agreement or discrepancy, a
    /// `not_agreement` trap): `Some(true)` when it is wrong only as an agreement, `Some(false)`
    /// only as a discrepancy. A `never` agreement may still be one fact whose figures differ.
    wrong_as: Option<bool>,
    weight: f64,
    /// A claim only one source makes: any pair holding it is wrong.
    unique: bool,
}

/// An event to learn from: its analysed reports and its labelled items.
struct Event {
    name: String,
    docs: Vec<Analysis>,
    items: Vec<Labelled>,
    /// The weight of a pair no item labels (a negative).
    weight: f64,
    /// A corpus event's `expected.json`: the findings `tests/corpus.rs` checks.
    expected: Option<Value>,
    /// What does not depend on the model, found once (see [`prepare`]).
    cache: Cache,
}

/// Per event: the items each claim belongs to, the relation of every candidate pair, and the
/// labelled positives candidate generation reaches (agreements, discrepancies).
#[derive(Default)]
struct Cache {
    member: std::collections::HashMap<ClaimRef, Vec<usize>>,
    relation: std::collections::HashMap<(ClaimRef, ClaimRef), Relation>,
    gold: (usize, usize),
}

/// Fills an event's [`Cache`]: matching labels to claims by their text is slow, and the
/// fit evaluates every event thousands of times.
fn prepare(mut e: Event) -> Event {
    let mut member: std::collections::HashMap<ClaimRef, Vec<usize>> = Default::default();
    for (i, it) in e.items.iter().enumerate() {
        for (s, side) in &it.claims {
            for k in 0..e.docs[*s].claims.len() {
                let r = ClaimRef::figure(*s, k);
                if matches(&e.docs, r, *s, side) {
                    let v = member.entry(r).or_default();
                    if v.last() != Some(&i) {
                        v.push(i);
                    }
                }
            }
        }
    }
    e.cache.member = member;
    let mut gold = (0, 0);
    let mut relation = std::collections::HashMap::default();
    for k in candidate_pairs(&e.docs, model()) {
        relation.insert((k.a, k.b), k.relation);
        relation.insert((k.b, k.a), k.relation);
        if label(&e, k.a, k.b).0 == 1.0 {
            if k.relation == Relation::Compatible {
                gold.0 += 1;
            } else {
                gold.1 += 1;
            }
        }
    }
    e.cache.relation = relation;
    e.cache.gold = gold;
    e
}

/// The items a claim belongs to.
fn items_of(e: &Event, r: ClaimRef) -> &[usize] {
    e.cache.member.get(&r).map_or(&[], |v| v)
}

fn matches(docs: &[Analysis], r: ClaimRef, source: usize, side: &Side) -> bool {
    if r.source != source || r.is_role() {
        return false;
    }
    let d = &docs[r.source];
    let c = &d.claims[r.claim];
    let sentence = d.sentence_text(c.sentence);
    let figure = d.quote(c.quantity.span.clone());
    match side {
        Side::Gold {
            sentence: s,
            figure: f,
        } => norm(sentence).contains(&norm(s)) && norm(figure).contains(&norm(f)),
        Side::Exact {
            sentence: s,
            figure: f,
        } => {
            // The expected figure overlaps the claim's place in the sentence.
            if sentence != s {
                return false;
            }
            let Some(at) = s.find(f.as_str()) else {
                return false;
            };
            let so = d.sentences[c.sentence].original.start;
            let q = d.original_range(c.quantity.span.clone());
            let (fs, fe) = (so + at, so + at + f.len());
            q.start < fe && fs < q.end
        }
    }
}

/// The weight of a labelled pair of `corpus/` against one of the ECB+ tuning half.
const CORPUS_WEIGHT: f64 = 2.0;

/// The label and weight of a candidate pair, from the event's items.
fn label(e: &Event, a: ClaimRef, b: ClaimRef) -> (f64, f64) {
    let (ia, ib) = (items_of(e, a), items_of(e, b));
    for &i in ia {
        let it = &e.items[i];
        if !it.unique && ib.contains(&i) {
            return (if it.positive { 1.0 } else { 0.0 }, it.weight);
        }
    }
    (0.0, e.weight)
}

fn gold_events(root: &Path, half: &str) -> Vec<Event> {
    let split = include_str!("ecbplus_split.tsv");
    let mut out = Vec::new();
    for line in split.lines().filter(|l| !l.starts_with('#')) {
        let Some((h, ev)) = line.split_once('\t') else {
            continue;
        };
        if h != half {
            continue;
        }
        let dir = root.join(ev);
        let read = |f: &str| std::fs::read_to_string(dir.join(f)).expect("report");
        let docs = vec![
            analyze(Document::from_text("a", "a", read("a.txt")), None),
            analyze(Document::from_text("b", "b", read("b.txt")), None),
        ];
        let gold: Value = serde_json::from_str(&read("gold.json")).expect("gold.json");
        let mut items = Vec::new();
        for g in gold["findings"].as_array().expect("findings") {
            let kind = g["kind"].as_str().unwrap_or("");
            let side = |k: &str, q: &str| Side::Gold {
                sentence: g[k].as_str().unwrap_or("").to_string(),
                figure: g[q].as_str().unwrap_or("").to_string(),
            };
            if g["qa"].is_null() || g["a"].is_null() || g["b"].is_null() {
                continue; // role claims and unique items name no figure pair
            }
            let (positive, weight) = match kind {
                "agreement" | "discrepancy" => (true, 1.0),
                "not_agreement" => (false, 2.0),
                _ => continue,
            };
            items.push(Labelled {
                claims: vec![(0, side("a", "qa")), (1, side("b", "qb"))],
                positive,
                wrong_as: None,
                weight,
                unique: false,
            });
        }
        out.push(prepare(Event {
            weight: 1.0,
            name: ev.to_string(),
            docs,
            items,
            expected: None,
            cache: Cache::default(),
        }));
    }
    out
}

fn corpus_events(root: &Path) -> Vec<Event> {
    let mut out = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("expected.json").exists())
        .collect();
    dirs.sort();
    for dir in dirs {
        let mut reports: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("event")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                matches!(
                    p.extension().and_then(|x| x.to_str()),
                    Some("txt" | "md" | "html" | "htm")
                )
            })
            .collect();
        reports.sort();
        let docs: Vec<Analysis> = reports
            .iter()
            .map(|p| {
                analyze(
                    Document::read(p.to_str().unwrap(), None).expect("report"),
                    None,
                )
            })
            .collect();
        let stems: Vec<String> = reports
            .iter()
            .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
            .collect();
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap())
                .unwrap();
        let mut items = Vec::new();
        for (key, positive) in [("findings", true), ("never", false)] {
            for f in expected[key].as_array().into_iter().flatten() {
                let unique = f["kind"] == "unique";
                let claims: Vec<(usize, Side)> = f["claims"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|c| {
                        let s = stems.iter().position(|x| c["source"] == x.as_str())?;
                        Some((
                            s,
                            Side::Exact {
                                sentence: c["sentence"].as_str()?.to_string(),
                                figure: c["quantity"].as_str()?.to_string(),
                            },
                        ))
                    })
                    .collect();
                let wrong_as = match (positive, f["kind"].as_str()) {
                    (false, Some("agreement")) => Some(true),
                    (false, Some("discrepancy")) => Some(false),
                    _ => None,
                };
                items.push(Labelled {
                    claims,
                    positive: positive && !unique,
                    wrong_as,
                    // Our own labels are complete and checked finding by finding: they count
                    // for more than a reader's sample of real news.
                    weight: CORPUS_WEIGHT,
                    unique,
                });
            }
        }
        out.push(prepare(Event {
            // Unlabelled pairs of ours weigh as the tuning half's: doubling them as well tips
            // the model against a corpus finding (a race's winning margin against a gap to the
            // course record).
            weight: 1.0,
            name: dir.file_name().unwrap().to_string_lossy().into_owned(),
            docs,
            items,
            expected: Some(expected),
            cache: Cache::default(),
        }));
    }
    out
}

/// Whether a claim of a JSON report is the expected one: the same source and sentence, and a
/// figure overlapping the expected one's place in it (as `tests/corpus.rs` matches them).
fn claim_is(claim: &Value, want: &Value) -> bool {
    let (Some(sentence), Some(figure)) = (want["sentence"].as_str(), want["quantity"].as_str())
    else {
        return false;
    };
    if claim["source"] != want["source"] || claim["sentence"] != sentence {
        return false;
    }
    let Some(at) = sentence.find(figure) else {
        return false;
    };
    let start = claim["start"].as_u64().unwrap_or(0) as usize + at;
    let end = start + figure.len();
    let what = if claim["quantity"].is_null() {
        &claim["role"]
    } else {
        &claim["quantity"]
    };
    let (qs, qe) = (
        what["start"].as_u64().unwrap_or(0) as usize,
        what["end"].as_u64().unwrap_or(0) as usize,
    );
    qs < end && start < qe
}

fn finding_is(findings: &[Value], kind: &str, want: &Value) -> bool {
    let claims = want["claims"].as_array().map_or(&[][..], |v| v);
    findings.iter().any(|f| {
        f["kind"] == kind
            && claims.iter().all(|w| {
                f["claims"]
                    .as_array()
                    .is_some_and(|cs| cs.iter().any(|c| claim_is(c, w)))
            })
    })
}

/// How many of the checks of `tests/corpus.rs` fail under `m`: expected findings missed (or a
/// known miss found), unwanted ones made, agreements reported as discrepancies, and an event
/// whose discrepancies of confidence 0.8 or more are not all expected ones. Fitting against
/// the findings, not only the pairs: the corpus test judges findings.
fn corpus_failures(events: &[Event], m: &Model) -> usize {
    let mut failures = 0;
    for e in events {
        let Some(expected) = &e.expected else {
            continue;
        };
        let cmp = judge(e.docs.clone(), align_with(&e.docs, m));
        let json = serde_json::to_value(comparison_json(&cmp, &Options::default())).unwrap();
        let findings = json["findings"].as_array().map_or(&[][..], |v| v);
        let list = |k: &str| expected[k].as_array().map_or(&[][..], |v| v);
        for want in list("findings") {
            let kind = want["kind"].as_str().unwrap_or("");
            let known = want.get("known_miss").is_some_and(|k| !k.is_null());
            failures += usize::from(finding_is(findings, kind, want) == known);
            if kind == "agreement" {
                failures += usize::from(finding_is(findings, "discrepancy", want));
            }
        }
        for never in list("never") {
            let kind = never["kind"].as_str().unwrap_or("");
            failures += usize::from(finding_is(findings, kind, never));
        }
        let confident_wrong = findings.iter().any(|f| {
            f["kind"] == "discrepancy"
                && f["confidence"].as_f64().unwrap_or(0.0) >= 0.8
                && !list("findings")
                    .iter()
                    .filter(|w| w["kind"] == "discrepancy")
                    .any(|w| {
                        let cs = f["claims"].as_array().map_or(&[][..], |v| v);
                        w["claims"]
                            .as_array()
                            .map_or(&[][..], |v| v)
                            .iter()
                            .filter(|wc| cs.iter().any(|c| claim_is(c, wc)))
                            .count()
                            >= 2
                    })
        });
        failures += usize::from(confident_wrong);
    }
    failures
}

/// Pairs the model makes on an event, scored against its labels: (agreements made, right),
/// (discrepancies made, right), and the labelled positives of each kind.
#[derive(Default, Debug, Clone, Copy)]
struct Counts {
    agree_made: usize,
    agree_right: usize,
    conflict_made: usize,
    conflict_right: usize,
    agree_gold: usize,
    conflict_gold: usize,
    /// Pairs made that a label says are wrong: a `never` or `not_agreement` pair, or a pair
    /// holding a claim labelled unique.
    labelled_wrong: usize,
    /// Groups holding an expected agreement that a pair labelled wrong turns into a
    /// discrepancy: the agreement is reported as one.
    spoiled: usize,
}

fn evaluate(events: &[Event], m: &Model) -> Counts {
    evaluate_showing(events, m, false)
}

/// [`evaluate`], printing each pair made that the labels call wrong when `show`.
fn evaluate_showing(events: &[Event], m: &Model, show: bool) -> Counts {
    let mut c = Counts::default();
    for e in events {
        let rel_of = |a: ClaimRef, b: ClaimRef| e.cache.relation.get(&(a, b)).copied();
        // Gold positives that candidate generation can reach, by relation.
        c.agree_gold += e.cache.gold.0;
        c.conflict_gold += e.cache.gold.1;
        for al in align_with(&e.docs, m) {
            let figs: Vec<ClaimRef> = al.claims.iter().copied().filter(|r| !r.is_role()).collect();
            let (mut agreed, mut strays) = (false, false);
            for (i, &a) in figs.iter().enumerate() {
                for &b in &figs[i + 1..] {
                    let Some(rel) = rel_of(a, b) else { continue };
                    let right = label(e, a, b).0 == 1.0;
                    let wrong = e.items.iter().enumerate().any(|(i, it)| {
                        let has = |r: ClaimRef| items_of(e, r).contains(&i);
                        let as_made = it
                            .wrong_as
                            .is_none_or(|agree| agree == (rel == Relation::Compatible));
                        (it.unique && (has(a) || has(b)))
                            || (!it.unique && !it.positive && as_made && has(a) && has(b))
                    });
                    c.labelled_wrong += wrong as usize;
                    if show && wrong {
                        let fig = |r: ClaimRef| {
                            let d = &e.docs[r.source];
                            d.quote(d.claims[r.claim].quantity.span.clone()).to_string()
                        };
                        println!(
                            "  {}: wrong {rel:?} pair {:?} ~ {:?}",
                            e.name,
                            fig(a),
                            fig(b)
                        );
                    }
                    agreed |= right && rel == Relation::Compatible;
                    strays |= wrong && rel != Relation::Compatible;
                    if rel == Relation::Compatible {
                        c.agree_made += 1;
                        c.agree_right += right as usize;
                    } else {
                        c.conflict_made += 1;
                        c.conflict_right += right as usize;
                    }
                }
            }
            c.spoiled += (agreed && strays) as usize;
        }
    }
    c
}

/// The tuning half's score: agreements by F1, discrepancies by F0.5 (precision weighs more:
/// a false discrepancy costs a reader more than a missed one). Smooth in both, unlike recall
/// at a precision target, which a single pair of a dozen moves from one side of the target to
/// the other and so picks thresholds on a spike.
fn real_of(t: Counts) -> f64 {
    f_beta(t.agree_right, t.agree_made, t.agree_gold, 1.0)
        + f_beta(t.conflict_right, t.conflict_made, t.conflict_gold, 0.5)
}

fn f_beta(right: usize, made: usize, gold: usize, beta: f64) -> f64 {
    if right == 0 {
        return 0.0;
    }
    let p = right as f64 / made as f64;
    let r = right as f64 / gold.max(1) as f64;
    (1.0 + beta * beta) * p * r / (beta * beta * p + r)
}

fn show(name: &str, c: Counts) {
    let ratio = |a: usize, b: usize| {
        if b == 0 {
            "-".to_string()
        } else {
            format!("{:.2} ({a}/{b})", a as f64 / b as f64)
        }
    };
    println!(
        "{name:<8} agreements: precision {} recall {}   discrepancies: precision {} recall {}   \
         labelled wrong {}, spoiled {}",
        ratio(c.agree_right, c.agree_made),
        ratio(c.agree_right, c.agree_gold),
        ratio(c.conflict_right, c.conflict_made),
        ratio(c.conflict_right, c.conflict_gold),
        c.labelled_wrong,
        c.spoiled,
    );
}

/// Prints each labelled positive pair of an event with its probability, its rank among the
/// candidates of either claim, and the candidate that beat it.
fn explain(e: &Event, m: &Model) {
    let cands = candidate_pairs(&e.docs, m);
    let fig = |r: ClaimRef| {
        let d = &e.docs[r.source];
        let c = &d.claims[r.claim];
        let s = d.sentence_text(c.sentence);
        let s: String = s.chars().take(70).collect();
        format!(
            "{:?} «{}» [{}]",
            d.quote(c.quantity.span.clone()),
            s,
            c.measure.as_ref().map_or("", |m| m.key.as_str())
        )
    };
    // Labelled positives that never became a candidate pair: which classes their claims fell in.
    for it in e.items.iter().filter(|i| i.positive) {
        let refs = |src: usize, side: &Side| -> Vec<ClaimRef> {
            (0..e.docs[src].claims.len())
                .map(|i| ClaimRef::figure(src, i))
                .filter(|r| matches(&e.docs, *r, src, side))
                .collect()
        };
        let (sa, sb) = (&it.claims[0], &it.claims[1]);
        let (ra, rb) = (refs(sa.0, &sa.1), refs(sb.0, &sb.1));
        let paired = cands.iter().any(|k| {
            (ra.contains(&k.a) && rb.contains(&k.b)) || (ra.contains(&k.b) && rb.contains(&k.a))
        });
        if !paired && !ra.is_empty() && !rb.is_empty() {
            let kinds = |rs: &[ClaimRef]| -> Vec<String> {
                rs.iter()
                    .map(|r| {
                        let c = &e.docs[r.source].claims[r.claim];
                        format!(
                            "{:?}/{:?}",
                            c.quantity.kind,
                            c.quantity.unit.as_ref().map(|u| u.dimension.to_string())
                        )
                    })
                    .collect()
            };
            println!(
                "{} NOT A CANDIDATE {:?} vs {:?}\n   A {}\n   B {}",
                e.name,
                kinds(&ra),
                kinds(&rb),
                fig(ra[0]),
                fig(rb[0])
            );
        }
    }
    for k in &cands {
        if label(e, k.a, k.b).0 != 1.0 {
            continue;
        }
        let p = m.probability(&k.rank);
        let rivals = |r: ClaimRef| -> Vec<(f64, ClaimRef)> {
            let mut v: Vec<(f64, ClaimRef)> = cands
                .iter()
                .filter(|o| (o.a == r || o.b == r) && !(o.a == k.a && o.b == k.b))
                .map(|o| (m.probability(&o.rank), if o.a == r { o.b } else { o.a }))
                .filter(|(q, _)| *q > p)
                .collect();
            v.sort_by(|x, y| y.0.total_cmp(&x.0));
            v
        };
        let (ra, rb) = (rivals(k.a), rivals(k.b));
        println!(
            "{} {:?} p={p:.2} beaten {}+{}\n   A {}\n   B {}",
            e.name,
            k.relation,
            ra.len(),
            rb.len(),
            fig(k.a),
            fig(k.b)
        );
        for (q, r) in ra.iter().take(1).chain(rb.iter().take(1)) {
            println!("   rival p={q:.2} {}", fig(*r));
        }
        let on: Vec<String> = NAMES
            .iter()
            .zip(k.features.iter().zip(m.weights))
            .filter(|(_, (x, _))| **x != 0.0)
            .map(|(n, (x, w))| format!("{n}={:.1}", x * w))
            .collect();
        println!("   {}", on.join(" "));
    }
}

/// The middle of the run of equal scores around `at` in `line` (ordered by threshold).
fn middle_of_run(line: &[(f64, (f64, f64))], at: f64) -> f64 {
    let Some(i) = line.iter().position(|(t, _)| (t - at).abs() < 1e-9) else {
        return at;
    };
    let same = |j: &usize| line[*j].1 == line[i].1;
    let lo = (0..i).rev().take_while(same).count();
    let hi = (i + 1..line.len()).take_while(same).count();
    line[(i - lo + i + hi) / 2].0
}

/// How many of the best thresholds by the tuning half's score the corpus checks are run on.
const SEARCHED: usize = 150;

/// Fits both stages' weights at an L2 penalty and chooses the thresholds: the model, with its
/// corpus score (less the corpus checks failed) and tuning-half score.
fn fit_at(
    l2: f64,
    rows: &[(Features, f64, f64)],
    labels: &[Vec<(f64, f64)>],
    tune: &[Event],
    corpus: &[Event],
) -> (Model, f64, f64) {
    let weights = fit(rows, l2);
    for (name, w) in NAMES.iter().zip(weights) {
        println!("  {name:<20} {w:>8.3}");
    }
    // The second stage, on ranks under the fitted first stage.
    let first = Model {
        weights,
        ..model().clone()
    };
    let mut rank_rows: Vec<(RankFeatures, f64, f64)> = Vec::new();
    for (e, mine) in tune.iter().chain(corpus).zip(labels) {
        for (k, (y, w)) in candidate_pairs(&e.docs, &first).into_iter().zip(mine) {
            rank_rows.push((k.rank, *y, *w));
        }
    }
    let rank_weights = fit(&rank_rows, l2);
    for (name, w) in RANK_NAMES.iter().zip(rank_weights) {
        println!("  {name:<20} {w:>8.3}");
    }
    // The corpus is the team's own test suite, whose every expected finding must be found:
    // thresholds are chosen for it first (its checks failed, fewest first), and among the best
    // there, for the real-news tuning half (F1 for agreements, F0.5 for discrepancies).
    // The fitted weights at thresholds for agreeing, conflicting and strained pairs.
    let at = |a: f64, c: f64, s: f64| Model {
        weights,
        rank_weights,
        agree: a,
        conflict: c,
        strain: s,
    };
    let score = |a: f64, c: f64, s: f64| {
        let m = at(a, c, s);
        let t = evaluate(tune, &m);
        // What the corpus test checks, finding by finding: none of its checks may fail.
        let own = -(corpus_failures(corpus, &m) as f64);
        (own, real_of(t), a, c, s)
    };
    // The tuning half's score alone, cheap beside the corpus's findings.
    let real_at = |a: f64, c: f64, s: f64| real_of(evaluate(tune, &at(a, c, s)));
    // The best of many thresholds: by the tuning half's score, best first, until one passes
    // every corpus check (no corpus score is better); if none of the best `SEARCHED` does,
    // the one of them with the fewest failures.
    let search = |points: &[(f64, f64, f64)]| {
        let mut ranked: Vec<(f64, (f64, f64, f64))> = points
            .iter()
            .map(|&(a, c, s)| (real_at(a, c, s), (a, c, s)))
            .collect();
        ranked.sort_by(|x, y| y.0.total_cmp(&x.0));
        let mut best: Option<(f64, f64, f64, f64, f64)> = None;
        for (real, (a, c, s)) in ranked.into_iter().take(SEARCHED) {
            if best.is_some_and(|b| b.0 >= 0.0) {
                break;
            }
            let own = -(corpus_failures(corpus, &at(a, c, s)) as f64);
            if best.is_none_or(|b| own > b.0) {
                best = Some((own, real, a, c, s));
            }
        }
        best.expect("a grid")
    };
    let choose = |grid: &[(f64, f64, f64, f64, f64)]| {
        let top = grid.iter().map(|g| g.0).fold(f64::MIN, f64::max);
        *grid
            .iter()
            .filter(|g| g.0 >= top)
            .max_by(|x, y| x.1.total_cmp(&y.1))
            .expect("a grid")
    };
    // A coarse grid in steps of 0.05 (the strain threshold from the conflict one up in steps
    // of 0.1, since the best conflict threshold depends on it), then steps of 0.01 around its
    // choice.
    let mut points = Vec::new();
    for a in (10..=90).step_by(5) {
        for c in (10..=95).step_by(5) {
            let c = c as f64 / 100.0;
            for up in 0..=4 {
                let s = c + f64::from(up) / 10.0;
                if s < 0.99 {
                    points.push((a as f64 / 100.0, c, s));
                }
            }
        }
    }
    let coarse = search(&points);
    let up = coarse.4 - coarse.3;
    for da in -4..=4 {
        for dc in -4..=4 {
            let (a, c) = (coarse.2 + da as f64 / 100.0, coarse.3 + dc as f64 / 100.0);
            if a > 0.0 && c > 0.0 && c + up < 0.99 {
                points.push((a, c, c + up));
            }
        }
    }
    let pick = search(&points);
    // Thresholds that do equally well form a plateau, and the search may stop at either edge
    // of it; its middle is the choice least tied to where the tuning pairs happen to fall. The
    // conflict threshold first (the strain one a fixed step above it), then the agreement one.
    let conflicts: Vec<_> = (5..=95)
        .map(|c| c as f64 / 100.0)
        .filter(|c| c + up < 0.99)
        .map(|c| {
            let g = score(pick.2, c, c + up);
            (c, (g.0, g.1))
        })
        .collect();
    let conflict = middle_of_run(&conflicts, pick.3);
    if std::env::args().any(|a| a == "--curve") {
        for (c, g) in &conflicts {
            println!("conflict {c:.2}: corpus {:.0} real {:.3}", g.0, g.1);
        }
    }
    let agrees: Vec<_> = (5..=95)
        .map(|a| a as f64 / 100.0)
        .map(|a| {
            let g = score(a, conflict, conflict + up);
            (a, (g.0, g.1))
        })
        .collect();
    let agree = middle_of_run(&agrees, pick.2);
    let pick = score(agree, conflict, conflict + up);

    // Strained pairs (both can be true, not as a reader takes them) may need more evidence of
    // one fact than conflicting ones: their own threshold, from the conflict one up, in the
    // middle of the first best run.
    let strains: Vec<(f64, f64, f64, f64, f64)> = (0..=60)
        .map(|d| pick.3 + d as f64 / 100.0)
        .filter(|s| *s < 0.99)
        .map(|s| {
            let (own, real, _, _, _) = score(pick.2, pick.3, s);
            (own, real, s, 0.0, s)
        })
        .collect();
    let best_strain = choose(&strains);
    if std::env::args().any(|a| a == "--curve") {
        for g in &strains {
            println!("strain {:.2}: corpus {:.0} real {:.3}", g.2, g.0, g.1);
        }
    }
    // The first run of best choices (the lowest threshold that does best, and as far on as
    // it stays best), and its middle.
    let ties: Vec<f64> = strains
        .iter()
        .skip_while(|g| !(g.0 == best_strain.0 && g.1 == best_strain.1))
        .take_while(|g| g.0 == best_strain.0 && g.1 == best_strain.1)
        .map(|g| g.2)
        .collect();
    let strain = ties[ties.len() / 2];
    let best = (pick.1, pick.2, pick.3);
    if std::env::args().any(|a| a == "--curve") {
        for a in (10..=90).step_by(10) {
            let m = at(a as f64 / 100.0, best.2, strain);
            show(&format!("a={a}"), evaluate(tune, &m));
        }
        for c in (10..=90).step_by(10) {
            let m = at(best.1, c as f64 / 100.0, strain.max(c as f64 / 100.0));
            show(&format!("c={c}"), evaluate(tune, &m));
            show("  corpus", evaluate(corpus, &m));
        }
    }
    let fitted = at(best.1, best.2, strain);
    let own = score(fitted.agree, fitted.conflict, fitted.strain).0;
    let real = real_of(evaluate(tune, &fitted));
    (fitted, own, real)
}

fn main() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold = here.join("../shared/eval/ecbplus_events/gold");
    let write = std::env::args().any(|a| a == "--write");
    let l2: Option<f64> = std::env::args()
        .skip_while(|a| a != "--l2")
        .nth(1)
        .map(|v| v.parse().expect("--l2 NUMBER"));
    let mut tune = Vec::new();
    if gold.exists() {
        tune = gold_events(&gold, "tune");
    } else {
        println!("{} is absent: fitting on the corpus alone", gold.display());
    }
    // `--fold K/N`: hold out every N-th tuning event from the K-th, fit on the rest, and score
    // the held-out events (cross-validation by event; nothing is written).
    let fold: Option<(usize, usize)> =
        std::env::args()
            .skip_while(|a| a != "--fold")
            .nth(1)
            .map(|v| {
                let (k, n) = v.split_once('/').expect("--fold K/N");
                (k.parse().expect("K"), n.parse().expect("N"))
            });
    let mut held = Vec::new();
    if let Some((k, n)) = fold {
        let (out, kept): (Vec<_>, Vec<_>) =
            tune.into_iter().enumerate().partition(|(i, _)| i % n == k);
        held = out.into_iter().map(|(_, e)| e).collect();
        tune = kept.into_iter().map(|(_, e)| e).collect();
    }
    let corpus = corpus_events(&here.join("corpus"));
    let mut rows: Vec<(Features, f64, f64)> = Vec::new();
    let mut labels: Vec<Vec<(f64, f64)>> = Vec::new();
    let (mut pos, mut neg) = (0, 0);
    for e in tune.iter().chain(&corpus) {
        let mut mine = Vec::new();
        for k in candidate_pairs(&e.docs, model()) {
            let (y, w) = label(e, k.a, k.b);
            if y == 1.0 {
                pos += 1;
            } else {
                neg += 1;
            }
            rows.push((k.features, y, w));
            mine.push((y, w));
        }
        labels.push(mine);
    }
    println!(
        "{} tuning events, {} corpus events: {} candidate pairs, {pos} positive, {neg} negative",
        tune.len(),
        corpus.len(),
        rows.len()
    );
    for name in [
        "measure_clash",
        "owner_clash",
        "anchor_clash",
        "attribution_clash",
        "names_near_clash",
    ] {
        let i = NAMES.iter().position(|n| *n == name).unwrap();
        let on = |y: f64| rows.iter().filter(|r| r.1 == y && r.0[i] > 0.0).count();
        println!(
            "  {name}: on for {} positive and {} negative pairs",
            on(1.0),
            on(0.0)
        );
    }
    // What each hard rule of identity costs: the labelled pairs it rules out before scoring.
    if std::env::args().any(|a| a == "--rules") {
        let mut by: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
        for e in tune.iter().chain(&corpus) {
            for (a, b, why) in ruled_out(&e.docs) {
                let n = by.entry(why).or_default();
                if label(e, a, b).0 == 1.0 {
                    n.0 += 1;
                } else {
                    n.1 += 1;
                }
            }
        }
        for (why, (p, n)) in by {
            println!("  ruled out ({why}): {p} positive, {n} negative pairs");
        }
    }
    // `--wrong AGREE,CONFLICT,STRAIN`: the corpus pairs the labels call wrong at those
    // thresholds under the shipped weights.
    if let Some(t) = std::env::args().skip_while(|a| a != "--wrong").nth(1) {
        let t: Vec<f64> = t
            .split(',')
            .map(|v| v.parse().expect("a threshold"))
            .collect();
        assert!(t.len() == 3, "--wrong AGREE,CONFLICT,STRAIN");
        let m = Model {
            agree: t[0],
            conflict: t[1],
            strain: t[2],
            ..model().clone()
        };
        show("corpus", evaluate_showing(&corpus, &m, true));
        show("tune", evaluate(&tune, &m));
        return;
    }
    // The L2 penalty is chosen as the thresholds are: corpus checks first, then the tuning
    // half (`--l2 X` fixes it).
    let penalties: Vec<f64> = match l2 {
        Some(x) => vec![x],
        None if fold.is_some() => vec![1.0, 2.0, 4.0, 8.0, 16.0, 32.0],
        None => vec![1.0, 2.0, 4.0, 8.0],
    };
    let mut chosen: Option<(f64, Model, f64, f64)> = None;
    // One thread per penalty (each fit is independent).
    let fits: Vec<(Model, f64, f64)> = std::thread::scope(|scope| {
        let handles: Vec<_> = penalties
            .iter()
            .map(|&x| {
                let (rows, labels, tune, corpus) = (&rows, &labels, &tune, &corpus);
                scope.spawn(move || fit_at(x, rows, labels, tune, corpus))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a fit"))
            .collect()
    });
    for (&x, (m, own, real)) in penalties.iter().zip(fits) {
        println!(
            "L2 {x}: corpus checks failed {}, tuning score {real:.3}",
            -own
        );
        if fold.is_some() {
            let c = evaluate(&held, &m);
            println!(
                "held-out L2 {x}: {} {} {} {} {} {} score {:.3}",
                c.agree_made,
                c.agree_right,
                c.agree_gold,
                c.conflict_made,
                c.conflict_right,
                c.conflict_gold,
                real_of(c)
            );
        }
        if chosen.as_ref().is_none_or(|c| (own, real) > (c.2, c.3)) {
            chosen = Some((x, m, own, real));
        }
    }
    if fold.is_some() {
        return;
    }
    let (l2, fitted, _, _) = chosen.expect("a penalty");
    println!("L2 {l2} chosen");
    println!(
        "thresholds: agree {:.2}, conflict {:.2}, strain {:.2}",
        fitted.agree, fitted.conflict, fitted.strain
    );
    show("shipped", evaluate(&tune, model()));
    show("tune", evaluate(&tune, &fitted));
    show("corpus", evaluate(&corpus, &fitted));
    if std::env::args().any(|a| a == "--conflicts") {
        let mut all: Vec<(f64, bool, String)> = Vec::new();
        for e in tune.iter().chain(&corpus) {
            for k in candidate_pairs(&e.docs, &fitted) {
                if k.relation == Relation::Compatible {
                    continue;
                }
                let p = fitted.probability(&k.rank);
                let y = label(e, k.a, k.b).0 == 1.0;
                let q = |r: ClaimRef| {
                    let d = &e.docs[r.source];
                    let c = &d.claims[r.claim];
                    let s: String = d.sentence_text(c.sentence).chars().take(60).collect();
                    format!("{:?} «{s}»", d.quote(c.quantity.span.clone()))
                };
                let on: Vec<String> = NAMES
                    .iter()
                    .zip(k.features.iter().zip(fitted.weights))
                    .filter(|(_, (x, _))| **x != 0.0)
                    .map(|(n, (x, w))| format!("{n}={:.1}", x * w))
                    .collect();
                all.push((
                    p,
                    y,
                    format!(
                        "{} {}\n      {}\n      {}\n      {} rank={:?}",
                        e.name,
                        if y { "GOLD" } else { "" },
                        q(k.a),
                        q(k.b),
                        on.join(" "),
                        k.rank
                    ),
                ));
            }
        }
        all.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut tp = 0;
        for (i, (p, y, t)) in all.iter().enumerate().take(40) {
            tp += *y as usize;
            println!("{i:>3} p={p:.2} tp={tp} {t}");
        }
    }
    if std::env::args().any(|a| a == "--show") {
        for e in &tune {
            explain(e, &fitted);
        }
    }
    if write {
        let header = format!(
            "The pairing model: logistic regression weights and thresholds, written by\n\
             `cargo run --release --example fit_pairs -- --write` (L2 {l2}) from {} candidate\n\
             pairs ({pos} positive) of the ECB+ tuning half and corpus/. Do not edit by hand.",
            rows.len()
        );
        std::fs::write(here.join("data/pair_weights.tsv"), fitted.to_tsv(&header))
            .expect("write data/pair_weights.tsv");
        println!("wrote data/pair_weights.tsv");
    }
    let _ = N;
}
