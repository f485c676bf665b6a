//! CSV discrepancy export: one row per finding and pair of sources, safe to open in a
//! spreadsheet (cells that could run as formulas are neutralized).

use super::{one_line, Options};
use crate::align::ClaimRef;
use crate::judge::{figure, Comparison, FindingKind};

pub const HEADER: [&str; 10] = [
    "kind",
    "topic",
    "source_a",
    "value_a",
    "quote_a",
    "source_b",
    "value_b",
    "quote_b",
    "confidence",
    "explanation",
];

/// OWASP CSV-injection guidance: a cell starting with `=`, `+`, `-`, `@`, tab or CR is
/// prefixed with `'` so spreadsheets show it as text.
pub fn neutralize(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

/// The pairs of claims a finding is exported as.
pub fn pairs(
    kind: FindingKind,
    claims: &[ClaimRef],
    consensus: &[ClaimRef],
    outliers: &[ClaimRef],
) -> Vec<(ClaimRef, Option<ClaimRef>)> {
    match kind {
        FindingKind::Unique => claims.iter().map(|c| (*c, None)).collect(),
        // Every conflicting pair: each outlier against each member of the consensus.
        FindingKind::Discrepancy if !outliers.is_empty() && !consensus.is_empty() => consensus
            .iter()
            .flat_map(|c| outliers.iter().map(move |o| (*c, Some(*o))))
            .collect(),
        _ => claims
            .iter()
            .skip(1)
            .map(|c| (claims[0], Some(*c)))
            .collect(),
    }
}

pub fn rows(cmp: &Comparison, opts: &Options) -> Vec<[String; 10]> {
    let side = |r: Option<ClaimRef>| -> [String; 3] {
        match r {
            None => Default::default(),
            Some(r) => {
                let a = &cmp.analyses[r.source];
                [
                    a.document.source.id.clone(),
                    figure(&cmp.analyses, r),
                    one_line(a.sentence_text(cmp.sentence(r))),
                ]
            }
        }
    };
    let mut out = Vec::new();
    for f in cmp.findings.iter().filter(|f| opts.keeps(f)) {
        for (a, b) in pairs(f.kind, &f.claims, &f.consensus, &f.outliers) {
            let [sa, va, qa] = side(Some(a));
            let [sb, vb, qb] = side(b);
            out.push([
                f.kind.as_str().to_string(),
                f.topic.clone(),
                sa,
                va,
                qa,
                sb,
                vb,
                qb,
                format!("{:.2}", f.confidence),
                f.explanation.clone(),
            ]);
        }
    }
    out
}

pub fn render(cmp: &Comparison, opts: &Options) -> String {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(HEADER).expect("write to memory");
    for row in rows(cmp, opts) {
        w.write_record(row.iter().map(|c| neutralize(c)))
            .expect("write to memory");
    }
    String::from_utf8(w.into_inner().expect("flush to memory")).expect("UTF-8 in, UTF-8 out")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralized() {
        assert_eq!(neutralize("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralize("-5"), "'-5");
        assert_eq!(neutralize("@SUM"), "'@SUM");
        assert_eq!(neutralize("\tx"), "'\tx");
        assert_eq!(neutralize("plain"), "plain");
    }

    #[test]
    fn discrepancies_export_every_conflicting_pair() {
        let r = |source| ClaimRef::figure(source, 0);
        let claims = [r(0), r(1), r(2), r(3)];
        let got = pairs(
            FindingKind::Discrepancy,
            &claims,
            &[r(0), r(1)],
            &[r(2), r(3)],
        );
        assert_eq!(
            got,
            vec![
                (r(0), Some(r(2))),
                (r(0), Some(r(3))),
                (r(1), Some(r(2))),
                (r(1), Some(r(3)))
            ]
        );
        let agree = pairs(FindingKind::Agreement, &claims[..3], &claims[..3], &[]);
        assert_eq!(agree, vec![(r(0), Some(r(1))), (r(0), Some(r(2)))]);
    }
}
