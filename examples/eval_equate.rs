//! Scores judgement on EQUATE and alignment on ECB+ (suites in `../shared/eval`, never copied
//! into the repo).
//!
//! `cargo run --release --example eval_equate`
//!
//! EQUATE: each pair's premise and hypothesis are compared as two reports. `agreement` means a
//! shared figure agrees and none conflicts; `discrepancy` means some shared figure conflicts.
//! NewsNLI and RTE-Quant (2-class): accuracy of agreement→entailment, else not entailed, against
//! the majority class. RedditNLI, AWPNLI, StressTest (3-class): discrepancy recall on
//! `contradiction` and the false-discrepancy rate on the other labels.
//! ECB+: for same-event and different-event sentence pairs, how often any claim pair aligns.

use corroborate::{compare, Document, FindingKind};
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

fn verdict(a: &str, b: &str) -> (bool, bool, bool) {
    let docs = vec![
        Document::from_text("a", "a", a),
        Document::from_text("b", "b", b),
    ];
    let Ok(cmp) = compare(docs) else {
        return (false, false, false);
    };
    let agree = cmp
        .findings
        .iter()
        .any(|f| f.kind == FindingKind::Agreement);
    let disagree = cmp.findings.iter().any(|f| {
        f.kind == FindingKind::Discrepancy
            && f.claims.iter().any(|c| c.source == 0)
            && f.claims.iter().any(|c| c.source == 1)
    });
    (agree && !disagree, disagree, agree || disagree)
}

fn read(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
    if !root.exists() {
        println!("{} missing: nothing to score", root.display());
        return;
    }
    println!("EQUATE, 2-class (agreement → entailment, anything else → not entailed)");
    for set in ["newsnli", "rte_quant"] {
        let recs = read(&root.join(format!("equate/{set}.jsonl")));
        let mut correct = 0;
        let mut labels: HashMap<String, usize> = HashMap::new();
        for r in &recs {
            let label = r["label"].as_str().unwrap();
            *labels.entry(label.to_string()).or_default() += 1;
            let (entails, _, _) = verdict(r["a"].as_str().unwrap(), r["b"].as_str().unwrap());
            if entails == (label == "entailment") {
                correct += 1;
            }
        }
        let majority = labels.values().max().copied().unwrap_or(0);
        let n = recs.len().max(1);
        println!(
            "  {set:<12} accuracy {:.3} ({correct}/{n})  majority baseline {:.3}",
            correct as f64 / n as f64,
            majority as f64 / n as f64
        );
    }
    println!("EQUATE, 3-class (discrepancy ↔ contradiction)");
    for set in ["redditnli", "awpnli", "stresstest"] {
        let recs = read(&root.join(format!("equate/{set}.jsonl")));
        let (mut contra, mut caught, mut other, mut false_alarm) = (0, 0, 0, 0);
        for r in &recs {
            let (_, disagree, _) = verdict(r["a"].as_str().unwrap(), r["b"].as_str().unwrap());
            if r["label"] == "contradiction" {
                contra += 1;
                caught += disagree as usize;
            } else {
                other += 1;
                false_alarm += disagree as usize;
            }
        }
        println!(
            "  {set:<12} discrepancy recall {:.3} ({caught}/{contra})  false discrepancies on non-contradictions {:.3} ({false_alarm}/{other})",
            caught as f64 / contra.max(1) as f64,
            false_alarm as f64 / other.max(1) as f64
        );
    }
    println!("ECB+ sentence pairs (how often any claims align)");
    let recs = read(&root.join("ecbplus_sample/sentence_pairs.jsonl"));
    let mut by: HashMap<String, (usize, usize, usize)> = HashMap::new();
    for r in &recs {
        let label = r["label"]
            .as_str()
            .or(r["relation"].as_str())
            .unwrap_or("?")
            .to_string();
        let a = r["a"].as_str().or(r["sentence_a"].as_str()).unwrap_or("");
        let b = r["b"].as_str().or(r["sentence_b"].as_str()).unwrap_or("");
        let (_, _, aligned) = verdict(a, b);
        let e = by.entry(label).or_default();
        e.0 += 1;
        e.1 += aligned as usize;
        let has_numbers =
            a.chars().any(|c| c.is_ascii_digit()) && b.chars().any(|c| c.is_ascii_digit());
        e.2 += has_numbers as usize;
    }
    let mut keys: Vec<_> = by.keys().cloned().collect();
    keys.sort();
    for k in keys {
        let (n, aligned, numeric) = by[&k];
        println!(
            "  {k:<16} aligned {:.3} ({aligned}/{n}); pairs with digits on both sides: {numeric}",
            aligned as f64 / n.max(1) as f64
        );
    }
}
