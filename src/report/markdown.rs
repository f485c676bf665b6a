//! Markdown report: a summary, then one section per kind — an overview of the multi-source
//! findings (a topic × source table while it fits, else one line per camp), and each finding
//! with its evidence in place: the figure in bold inside its quoted sentence, attribution,
//! hedge and notes. Everything from a report or a label is escaped, so a renderer shows it as
//! text: no HTML, links, images or emphasis of its own, and no control characters.

use super::{
    camp_lines, evidence, one_line, row_by_source, sources, standing, table_fits, visible, Options,
    Standing, Summary,
};
use crate::judge::{Comparison, Finding, FindingKind};
use std::fmt::Write;

/// Escapes report text for inline Markdown: one line, control characters visible, HTML
/// special characters as entities, Markdown punctuation backslash-escaped.
pub fn escape(s: &str) -> String {
    let s = one_line(&visible(s));
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' | '!' | '$' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// [`escape`] for text that starts a line: a leading `-`, `+`, `=` or `1.` would make a list
/// item, a rule or a heading underline of it.
fn escape_block(s: &str) -> String {
    let e = escape(s);
    let digits = e.chars().take_while(char::is_ascii_digit).count();
    if e.starts_with(['-', '+', '=']) {
        format!("\\{e}")
    } else if digits > 0 && e[digits..].starts_with(['.', ')']) {
        format!("{}\\{}", &e[..digits], &e[digits..])
    } else {
        e
    }
}

pub fn render(cmp: &Comparison, opts: &Options) -> String {
    let summary = Summary::new(cmp, opts);
    let mut out = format!("# Comparison\n\n{}", summary.counts());
    if let Some(line) = summary.shown_line() {
        let _ = write!(out, "  \n{}", escape(&line));
    }
    out.push_str("\n\n");
    // A `published` column only when some report has a date.
    let dated = cmp.analyses.iter().any(|a| a.document.published.is_some());
    out.push_str(if dated {
        "| id | label | path | published |\n|---|---|---|---|\n"
    } else {
        "| id | label | path |\n|---|---|---|\n"
    });
    for a in &cmp.analyses {
        let s = &a.document.source;
        let published = match (&a.document.published, dated) {
            (Some(p), _) => format!(" {} |", escape(&p.text)),
            (None, true) => " |".to_string(),
            (None, false) => String::new(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} |{published}",
            escape(&s.id),
            escape(&s.label),
            escape(&s.path)
        );
    }
    for (kind, title) in [
        (FindingKind::Discrepancy, "Discrepancies"),
        (FindingKind::Agreement, "Agreements"),
        (FindingKind::Unique, "Unique claims"),
    ] {
        let shown: Vec<&Finding> = cmp
            .findings
            .iter()
            .filter(|f| f.kind == kind && opts.keeps(f))
            .collect();
        let _ = writeln!(out, "\n## {title} ({})\n", shown.len());
        if shown.is_empty() {
            out.push_str("None.\n");
            continue;
        }
        if kind != FindingKind::Unique && cmp.analyses.len() > 2 {
            if table_fits(cmp, usize::MAX) {
                table(&mut out, cmp, &shown);
            } else {
                camps(&mut out, cmp, &shown);
            }
        }
        for f in shown {
            finding(&mut out, cmp, f);
        }
    }
    out
}

/// Topic × source: `**!** figure` marks an outlier, `A:`, `B:` the camps of a split.
fn table(out: &mut String, cmp: &Comparison, shown: &[&Finding]) {
    let labels: Vec<String> = cmp.sources().map(|s| escape(&s.label)).collect();
    let _ = writeln!(out, "| topic | {} |", labels.join(" | "));
    let _ = writeln!(out, "|---|{}", "---|".repeat(labels.len()));
    for f in shown {
        let cells: Vec<String> = row_by_source(cmp, f)
            .map(|c| match c {
                Some((v, Standing::Outlier)) => format!("**!** {}", escape(&v)),
                Some((v, s @ Standing::Camp(_))) if f.claims.len() > 2 => {
                    format!("{}: {}", s.letter().unwrap_or(' '), escape(&v))
                }
                Some((v, _)) => escape(&v),
                None => "—".to_string(),
            })
            .collect();
        let _ = writeln!(out, "| {} | {} |", escape(&f.topic), cells.join(" | "));
    }
    out.push_str("\n**!** marks a figure that disagrees with the others; A, B… the camps of sources that are split.\n\n");
}

/// Too many sources for a table: per finding, one line per group of sources that agree.
fn camps(out: &mut String, cmp: &Comparison, shown: &[&Finding]) {
    for f in shown {
        let _ = writeln!(out, "- **{}**", escape(&f.topic));
        for c in camp_lines(cmp, f) {
            let mark = match c.standing {
                Standing::Outlier => "**!** ".to_string(),
                s @ Standing::Camp(_) => format!("{}: ", s.letter().unwrap_or(' ')),
                Standing::Consensus => String::new(),
            };
            let labels: Vec<String> = c.labels.iter().map(|l| escape(l)).collect();
            let _ = writeln!(
                out,
                "  - {mark}{} — {}: {}",
                escape(&c.figures),
                sources(c.labels.len()),
                labels.join(", ")
            );
        }
    }
    out.push('\n');
}

fn finding(out: &mut String, cmp: &Comparison, f: &Finding) {
    let _ = writeln!(
        out,
        "### {} (confidence {:.2})\n\n{}\n",
        escape(&f.topic),
        f.confidence,
        escape_block(&f.explanation)
    );
    let lettered = f.claims.len() > 2;
    for r in &f.claims {
        let e = evidence(cmp, *r);
        let mark = match standing(f, r) {
            Standing::Outlier => "**!** ".to_string(),
            s @ Standing::Camp(_) if lettered => format!("{}: ", s.letter().unwrap_or(' ')),
            _ => String::new(),
        };
        let quote = super::marked_quote(&e, escape, "**", "**");
        let mut tags = Vec::new();
        if let Some(a) = e.attribution {
            tags.push(format!("per {}", escape(a)));
        }
        if let Some(h) = e.hedge {
            tags.push(format!("hedge: {h}"));
        }
        if let Some(m) = e.modality {
            tags.push(format!("*{}*", escape(m)));
        }
        let tags = if tags.is_empty() {
            String::new()
        } else {
            format!(" ({})", tags.join("; "))
        };
        let _ = writeln!(out, "- {mark}**{}**: “{quote}”{tags}", escape(e.label));
    }
    if !f.notes.is_empty() {
        out.push_str("\nNotes:\n\n");
        for n in &f.notes {
            let n = n.strip_prefix("Note: ").unwrap_or(n);
            let _ = writeln!(out, "- {}", escape_block(n));
        }
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{compare, Document};

    #[test]
    fn markup_in_report_text_is_escaped() {
        assert_eq!(
            escape("<img src=x onerror=alert(1)> & [link](javascript:x) *b* `c` | d"),
            "&lt;img src=x onerror=alert(1)&gt; &amp; \\[link\\](javascript:x) \\*b\\* \\`c\\` \\| d"
        );
        assert_eq!(escape("a\x1b[2Jb\nc"), "a\\\\x1b\\[2Jb c");
        assert_eq!(escape_block("- item"), "\\- item");
        assert_eq!(escape_block("1. item"), "1\\. item");
        assert_eq!(escape_block("# title"), "\\# title");
    }

    #[test]
    fn hostile_labels_and_text_stay_text() {
        let a = Document::from_text(
            "a",
            "<script>alert(1)</script>",
            "At least 30 people were killed <img src=x onerror=alert(2)> in the \x1b]0;pwned\x07 blast.",
        );
        let b = Document::from_text("b", "*b*", "Forty people were killed in the blast.");
        let md = render(&compare(vec![a, b]).unwrap(), &Options::default());
        assert!(!md.contains("<script>") && !md.contains("<img"), "{md}");
        assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{md}");
        assert!(!md.contains('\x1b') && !md.contains('\x07'), "{md}");
        assert!(
            md.contains("\\\\x1b") && md.contains("pwned\\\\x07"),
            "{md}"
        );
        // The figure is emphasised in place, the words around it kept apart.
        assert!(
            md.contains("“**Forty people** were killed in the blast.”"),
            "{md}"
        );
        assert!(md.contains("**\\*b\\***"), "{md}");
    }
}
