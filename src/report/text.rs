//! The terminal report: a summary, an overview of the multi-source findings (a topic × source
//! table while it fits the width, else one line per camp of sources), then each finding with
//! its claims, sentences, explanation and notes. Report text is untrusted: its control
//! characters are shown, never sent to the terminal.

use super::{
    camp_lines, evidence, one_line, row_by_source, sources, standing, table_fits, visible, Options,
    Standing, Summary,
};
use crate::judge::{Comparison, Finding, FindingKind};
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

/// Report text on one line, its control characters visible.
fn clean(s: &str) -> String {
    visible(&one_line(s)).into_owned()
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
                Some(p) => format!(
                    "{} ({}, published {})",
                    clean(&s.label),
                    clean(&s.path),
                    clean(&p.to_string())
                ),
                None => format!("{} ({})", clean(&s.label), clean(&s.path)),
            }
        })
        .collect();
    let head = format!("Compared {} reports:", sources.len());
    wrap_list(&mut out, &head, &sources, opts.width.max(60));
    let summary = Summary::new(cmp, opts);
    let _ = writeln!(out, "{}", summary.counts());
    if let Some(line) = summary.shown_line() {
        let _ = writeln!(out, "{line}");
    }
    out.push('\n');
    let shown: Vec<&Finding> = cmp.findings.iter().filter(|f| opts.keeps(f)).collect();
    if cmp.analyses.len() > 2 {
        let multi: Vec<&Finding> = shown
            .iter()
            .copied()
            .filter(|f| f.kind != FindingKind::Unique)
            .collect();
        if !multi.is_empty() {
            if table_fits(cmp, opts.width) {
                table(&mut out, cmp, &multi, opts.width);
            } else {
                camps(&mut out, cmp, &multi, opts.width);
            }
        }
    }
    let width = cmp
        .sources()
        .map(|s| clean(&s.label).chars().count())
        .max()
        .unwrap_or(0)
        .min(24);
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
            p.wrap("1", &clean(&f.topic)),
            f.confidence
        );
        let lettered = f.claims.len() > 2;
        for r in &f.claims {
            let e = evidence(cmp, *r);
            let mark = match standing(f, r) {
                Standing::Outlier => '!',
                s @ Standing::Camp(_) if lettered => s.letter().unwrap_or(' '),
                _ => ' ',
            };
            let mut extra = String::new();
            if let Some(a) = e.attribution {
                let _ = write!(extra, " [per {}]", clean(a));
            }
            if let Some(m) = e.modality {
                let _ = write!(extra, " ({})", clean(m));
            }
            let _ = writeln!(
                out,
                " {mark}{:<width$}  {}{}",
                clean(e.label),
                p.wrap("1", &clean(&e.figure)),
                extra,
            );
            let _ = writeln!(
                out,
                "  {:<width$}  \"{}\"",
                "",
                p.wrap("2", &clean(e.sentence))
            );
        }
        let _ = writeln!(out, "  -> {}", clean(&f.explanation));
        for n in &f.notes {
            let _ = writeln!(out, "     {}", clean(n));
        }
        out.push('\n');
    }
    out
}

/// With three or more sources and room for them: one row per multi-source finding, one
/// column per source; `!` marks a figure that disagrees with a consensus, letters the camps of
/// sources that are split.
fn table(out: &mut String, cmp: &Comparison, rows: &[&Finding], width: usize) {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width.clamp(80, u16::MAX as usize) as u16);
    let mut header = vec!["finding".to_string(), "topic".to_string()];
    header.extend(cmp.sources().map(|s| clean(&s.label)));
    table.set_header(header);
    let mut split = false;
    for f in rows {
        let mut row = vec![f.kind.as_str().to_string(), clean(&f.topic)];
        row.extend(row_by_source(cmp, f).map(|c| match c {
            Some((v, Standing::Outlier)) => format!("! {}", clean(&v)),
            Some((v, s @ Standing::Camp(_))) if f.claims.len() > 2 => {
                split = true;
                format!("{} {}", s.letter().unwrap_or(' '), clean(&v))
            }
            Some((v, _)) => clean(&v),
            None => "-".to_string(),
        }));
        table.add_row(row);
    }
    let _ = writeln!(out, "{table}");
    let _ = writeln!(
        out,
        "(! marks a figure that disagrees with the others{})\n",
        if split {
            "; A, B… the camps of sources that are split"
        } else {
            ""
        }
    );
}

/// Too many sources for a table: per finding, one line per camp of sources — the figures
/// they give and who gives them — wrapped to the width.
fn camps(out: &mut String, cmp: &Comparison, rows: &[&Finding], width: usize) {
    let width = width.max(60);
    let _ = writeln!(
        out,
        "Across {} sources, a line per group that agrees (! against the consensus; A, B… camps of a split):\n",
        cmp.analyses.len()
    );
    for f in rows {
        let _ = writeln!(
            out,
            "{} {}",
            f.kind.as_str().to_uppercase(),
            clean(&f.topic)
        );
        for c in camp_lines(cmp, f) {
            let mark = match c.standing {
                Standing::Outlier => '!',
                s @ Standing::Camp(_) => s.letter().unwrap_or(' '),
                Standing::Consensus if f.kind == FindingKind::Discrepancy => '=',
                Standing::Consensus => ' ',
            };
            let line = format!(
                "  {mark} {}: {} \u{2014}",
                clean(&c.figures),
                sources(c.labels.len())
            );
            let labels: Vec<String> = c.labels.iter().map(|l| clean(l)).collect();
            wrap_list(out, &line, &labels, width);
        }
    }
    out.push('\n');
}

/// `head` then `items` comma-separated, continued on indented lines within `width`.
fn wrap_list(out: &mut String, head: &str, items: &[String], width: usize) {
    const INDENT: &str = "      ";
    let mut line = head.to_string();
    for (k, item) in items.iter().enumerate() {
        let piece = if k + 1 < items.len() {
            format!(" {item},")
        } else {
            format!(" {item}")
        };
        if line.chars().count() + piece.chars().count() > width && line.trim() != "" {
            let _ = writeln!(out, "{}", line.trim_end());
            line = INDENT.to_string();
        }
        line.push_str(&piece);
    }
    let _ = writeln!(out, "{}", line.trim_end());
}
