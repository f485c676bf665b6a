//! Every candidate pair of claims alignment scores for some reports, with the pairing model's
//! probability and the features behind it: `cargo run --example pairs -- A.txt B.txt [FIGURE…]`
//! (with figures, only pairs one of whose claims quotes one of them).

use corroborate::align::features::NAMES;
use corroborate::align::model::model;
use corroborate::align::{candidate_pairs, ruled_out, ClaimRef};
use corroborate::{analyze, Document};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (files, figures): (Vec<&String>, Vec<&String>) = args
        .iter()
        .partition(|a| std::path::Path::new(a.as_str()).exists());
    let docs: Vec<_> = files
        .iter()
        .map(|p| analyze(Document::read(p, None).expect("report"), None))
        .collect();
    let m = model();
    let fig = |r: ClaimRef| {
        let d = &docs[r.source];
        let c = &d.claims[r.claim];
        format!("{}@{}", d.quote(c.quantity.span.clone()), c.sentence)
    };
    // The slots of identity of a claim, for a ruled-out pair.
    let slots = |r: ClaimRef| {
        let c = &docs[r.source].claims[r.claim];
        let owner = c.frame.owner.as_ref().map_or("-", |o| o.key.as_str());
        let head = c.counted.as_ref().map_or("-", |k| k.head.as_str());
        let anchor = c.frame.anchor.as_ref().map_or("-", |a| a.key.as_str());
        format!("owner {owner}, counted {head}, anchor {anchor}")
    };
    for (a, b, why) in ruled_out(&docs) {
        let (x, y) = (fig(a), fig(b));
        let shown = |s: &str| {
            figures
                .iter()
                .any(|f| s.split('@').next() == Some(f.as_str()))
        };
        if figures.is_empty() || shown(&x) || shown(&y) {
            println!(
                "ruled out ({why}): s{}:{x:?} ~ s{}:{y:?} ({} | {})",
                a.source,
                b.source,
                slots(a),
                slots(b)
            );
        }
    }
    let mut cands = candidate_pairs(&docs, m);
    cands.sort_by(|a, b| m.probability(&b.rank).total_cmp(&m.probability(&a.rank)));
    for k in cands {
        let (x, y) = (fig(k.a), fig(k.b));
        let shown = |s: &str| {
            figures
                .iter()
                .any(|f| s.split('@').next() == Some(f.as_str()))
        };
        if !figures.is_empty() && !shown(&x) && !shown(&y) {
            continue;
        }
        let on: Vec<String> = NAMES
            .iter()
            .zip(k.features.iter().zip(m.weights))
            .filter(|(_, (v, _))| **v != 0.0)
            .map(|(n, (v, w))| format!("{n}={:.2}", v * w))
            .collect();
        println!(
            "p={:.2} first={:.2} {:?} [{}] s{}:{x:?} ~ s{}:{y:?}\n    {}",
            m.probability(&k.rank),
            m.first_stage(&k.features),
            k.relation,
            k.rank
                .iter()
                .map(|v| format!("{v:.2}"))
                .collect::<Vec<_>>()
                .join(" "),
            k.a.source,
            k.b.source,
            on.join(" ")
        );
    }
}
