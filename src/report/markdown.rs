//! Markdown report: one section per kind; multi-source findings as a topic × source table.

use super::{one_line, row_by_source, Options};
use crate::judge::{figure, Comparison, FindingKind};
use std::fmt::Write;

fn cell(s: &str) -> String {
    one_line(s).replace('|', "\\|")
}

pub fn render(cmp: &Comparison, opts: &Options) -> String {
    // A `published` column only when some report has a date.
    let dated = cmp.analyses.iter().any(|a| a.document.published.is_some());
    let mut out = String::from(if dated {
        "# Comparison\n\n| id | label | path | published |\n|---|---|---|---|\n"
    } else {
        "# Comparison\n\n| id | label | path |\n|---|---|---|\n"
    });
    for a in &cmp.analyses {
        let s = &a.document.source;
        let published = match (&a.document.published, dated) {
            (Some(p), _) => format!(" {} |", cell(&p.text)),
            (None, true) => " |".to_string(),
            (None, false) => String::new(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} |{published}",
            cell(&s.id),
            cell(&s.label),
            cell(&s.path)
        );
    }
    let labels: Vec<&str> = cmp.sources().map(|s| s.label.as_str()).collect();
    for (kind, title) in [
        (FindingKind::Discrepancy, "Discrepancies"),
        (FindingKind::Agreement, "Agreements"),
        (FindingKind::Unique, "Unique claims"),
    ] {
        let shown: Vec<_> = cmp
            .findings
            .iter()
            .filter(|f| f.kind == kind && opts.keeps(f))
            .collect();
        let _ = writeln!(out, "\n## {title} ({})\n", shown.len());
        if shown.is_empty() {
            out.push_str("None.\n");
            continue;
        }
        if kind != FindingKind::Unique && labels.len() > 2 {
            // Topic × source overview.
            let _ = writeln!(
                out,
                "| topic | {} |",
                labels
                    .iter()
                    .map(|l| cell(l))
                    .collect::<Vec<_>>()
                    .join(" | ")
            );
            let _ = writeln!(out, "|---|{}", "---|".repeat(labels.len()));
            for f in &shown {
                let cells: Vec<String> = row_by_source(cmp, f)
                    .map(|c| match c {
                        Some((v, true)) => format!("**{}**", cell(&v)),
                        Some((v, false)) => cell(&v),
                        None => "—".to_string(),
                    })
                    .collect();
                let _ = writeln!(out, "| {} | {} |", cell(&f.topic), cells.join(" | "));
            }
            out.push('\n');
        }
        for f in shown {
            let _ = writeln!(
                out,
                "### {} (confidence {:.2})\n\n{}\n",
                cell(&f.topic),
                f.confidence,
                f.explanation
            );
            out.push_str("| source | figure | sentence |\n|---|---|---|\n");
            for r in &f.claims {
                let a = &cmp.analyses[r.source];
                let _ = writeln!(
                    out,
                    "| {} | {} | {} |",
                    cell(&a.document.source.label),
                    cell(&figure(&cmp.analyses, *r)),
                    cell(a.sentence_text(cmp.sentence(*r)))
                );
            }
            out.push('\n');
        }
    }
    out
}
