//! CSV discrepancy export: one row per finding and pair of sources, the rows of one finding
//! sharing its `finding_id`; safe to open in a spreadsheet (cells that could run as formulas
//! are neutralized, control characters shown as `\x1b`), with a byte-order mark for Excel on
//! request.

use super::{one_line, visible, Options};
use crate::align::ClaimRef;
use crate::judge::{figure, Comparison, FindingKind};

pub const HEADER: [&str; 13] = [
    "kind",
    "finding_id",
    "topic",
    "source_a",
    "label_a",
    "value_a",
    "quote_a",
    "source_b",
    "label_b",
    "value_b",
    "quote_b",
    "confidence",
    "explanation",
];

/// Excel reads a CSV file as UTF-8 only when it starts with a byte-order mark.
pub const BOM: &str = "\u{feff}";

/// OWASP CSV-injection guidance: a cell starting with `=`, `+`, `-`, `@`, tab or CR is
/// prefixed with `'` so spreadsheets show it as text; control characters are made visible.
pub fn neutralize(cell: &str) -> String {
    let cell = visible(cell);
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.into_owned(),
    }
}

/// The pairs of claims a finding is exported as.
pub fn pairs(
    kind: FindingKind,
    claims: &[ClaimRef],
    consensus: &[ClaimRef],
    outliers: &[ClaimRef],
    camps: &[Vec<ClaimRef>],
) -> Vec<(ClaimRef, Option<ClaimRef>)> {
    match kind {
        FindingKind::Unique => claims.iter().map(|c| (*c, None)).collect(),
        // Every conflicting pair: each outlier against each member of the consensus.
        FindingKind::Discrepancy if !outliers.is_empty() && !consensus.is_empty() => consensus
            .iter()
            .flat_map(|c| outliers.iter().map(move |o| (*c, Some(*o))))
            .collect(),
        // Sources split into camps: every pair from two different camps.
        FindingKind::Discrepancy if camps.len() > 1 => camps
            .iter()
            .enumerate()
            .flat_map(|(k, a)| {
                camps[k + 1..]
                    .iter()
                    .flatten()
                    .flat_map(move |o| a.iter().map(move |c| (*c, Some(*o))))
            })
            .collect(),
        _ => claims
            .iter()
            .skip(1)
            .map(|c| (claims[0], Some(*c)))
            .collect(),
    }
}

/// The rows, unneutralized: `finding_id` is the finding's 1-based place among all the
/// comparison's findings, so it is the same whatever `--only` leaves out.
pub fn rows(cmp: &Comparison, opts: &Options) -> Vec<[String; 13]> {
    let side = |r: Option<ClaimRef>| -> [String; 4] {
        match r {
            None => Default::default(),
            Some(r) => {
                let a = &cmp.analyses[r.source];
                [
                    a.document.source.id.clone(),
                    a.document.source.label.clone(),
                    figure(&cmp.analyses, r),
                    one_line(a.sentence_text(cmp.sentence(r))),
                ]
            }
        }
    };
    let mut out = Vec::new();
    for (id, f) in cmp.findings.iter().enumerate() {
        if !opts.keeps(f) {
            continue;
        }
        let explanation = f.full_explanation();
        for (a, b) in pairs(f.kind, &f.claims, &f.consensus, &f.outliers, &f.camps) {
            let [sa, la, va, qa] = side(Some(a));
            let [sb, lb, vb, qb] = side(b);
            out.push([
                f.kind.as_str().to_string(),
                (id + 1).to_string(),
                f.topic.clone(),
                sa,
                la,
                va,
                qa,
                sb,
                lb,
                vb,
                qb,
                format!("{:.2}", f.confidence),
                explanation.clone(),
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
    let body =
        String::from_utf8(w.into_inner().expect("flush to memory")).expect("UTF-8 in, UTF-8 out");
    if opts.excel {
        format!("{BOM}{body}")
    } else {
        body
    }
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
        assert_eq!(
            neutralize("a\x1b]8;;http://x\x07b"),
            "a\\x1b]8;;http://x\\x07b"
        );
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
            &[],
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
        let agree = pairs(FindingKind::Agreement, &claims[..3], &claims[..3], &[], &[]);
        assert_eq!(agree, vec![(r(0), Some(r(1))), (r(0), Some(r(2)))]);
        // Split 2–1–1: every pair across camps, none within one.
        let camps = [vec![r(0), r(1)], vec![r(2)], vec![r(3)]];
        let split = pairs(FindingKind::Discrepancy, &claims, &[], &[], &camps);
        assert_eq!(
            split,
            vec![
                (r(0), Some(r(2))),
                (r(1), Some(r(2))),
                (r(0), Some(r(3))),
                (r(1), Some(r(3))),
                (r(2), Some(r(3)))
            ]
        );
    }
}
