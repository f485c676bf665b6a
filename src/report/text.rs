//! The terminal report: findings grouped by kind, each with its claims and sentences.

use super::{one_line, row_by_source, Options};
use crate::judge::Finding;
use crate::judge::{figure, Comparison, FindingKind};
use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};
use std::fmt::Write;

struct Paint(bool);

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

pub fn render(cmp: &Comparison, opts: &Options) -> String {
    let p = Paint(opts.color);
    let mut out = String::new();
    let sources: Vec<String> = cmp
        .analyses
        .iter()
        .map(|a| {
            let s = &a.document.source;
            match &a.document.published {
                Some(p) => format!("{} ({}, published {p})", s.label, s.path),
                None => format!("{} ({})", s.label, s.path),
            }
        })
        .collect();
    let _ = writeln!(
        out,
        "Compared {} reports: {}",
        sources.len(),
        sources.join(", ")
    );
    let shown: Vec<_> = cmp.findings.iter().filter(|f| opts.keeps(f)).collect();
    let count = |k| shown.iter().filter(|f| f.kind == k).count();
    let _ = writeln!(
        out,
        "{} discrepancies, {} agreements, {} unique claims\n",
        count(FindingKind::Discrepancy),
        count(FindingKind::Agreement),
        count(FindingKind::Unique)
    );
    if cmp.analyses.len() > 2 {
        overview(&mut out, cmp, &shown);
    }
    let width = cmp
        .sources()
        .map(|s| s.label.chars().count())
        .max()
        .unwrap_or(0);
    for f in shown {
        let (title, color) = match f.kind {
            FindingKind::Discrepancy => ("DISCREPANCY", "1;31"),
            FindingKind::Agreement => ("AGREEMENT", "1;32"),
            FindingKind::Unique => ("UNIQUE", "1;33"),
        };
        let _ = writeln!(
            out,
            "{} {}  (confidence {:.2})",
            p.wrap(color, title),
            p.wrap("1", &f.topic),
            f.confidence
        );
        for r in &f.claims {
            let a = &cmp.analyses[r.source];
            let mark = if f.claims.len() > 2 && f.outliers.contains(r) {
                "!"
            } else {
                " "
            };
            let attribution = cmp
                .claim(*r)
                .and_then(|c| c.attribution.as_ref())
                .map(|x| format!(" [per {}]", x.text))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                " {mark}{:<width$}  {}{}",
                a.document.source.label,
                p.wrap("1", &figure(&cmp.analyses, *r)),
                attribution,
            );
            let _ = writeln!(
                out,
                "  {:<width$}  \"{}\"",
                "",
                p.wrap("2", &one_line(a.sentence_text(cmp.sentence(*r))))
            );
        }
        let _ = writeln!(out, "  -> {}\n", f.explanation);
    }
    out
}

/// With three or more sources: one row per multi-source finding, one column per source, the
/// outliers of a discrepancy marked `!`, so the consensus and the odd ones out show at a glance.
fn overview(out: &mut String, cmp: &Comparison, shown: &[&Finding]) {
    let rows: Vec<&&Finding> = shown
        .iter()
        .filter(|f| f.kind != FindingKind::Unique)
        .collect();
    if rows.is_empty() {
        return;
    }
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(160);
    let mut header = vec!["finding".to_string(), "topic".to_string()];
    header.extend(cmp.sources().map(|s| s.label.clone()));
    table.set_header(header);
    for f in rows {
        let mut row = vec![f.kind.as_str().to_string(), f.topic.clone()];
        row.extend(row_by_source(cmp, f).map(|c| match c {
            Some((v, true)) => format!("! {}", one_line(&v)),
            Some((v, false)) => one_line(&v),
            None => "-".to_string(),
        }));
        table.add_row(row);
    }
    let _ = writeln!(out, "{table}");
    let _ = writeln!(out, "(! marks a figure that disagrees with the others)\n");
}
