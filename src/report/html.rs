//! HTML report: one self-contained page (inline CSS, no scripts) with the findings by kind, a
//! topic × source table for three or more sources, and each claim's sentence as evidence.
//! Article text is untrusted, so every piece of it is escaped.

use super::{one_line, row_by_source, Options};
use crate::judge::{figure, Comparison, Finding, FindingKind};
use std::fmt::Write;

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}\
table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}\
.discrepancy h3{color:#b00}.agreement h3{color:#070}.unique h3{color:#960}.outlier{font-weight:bold;color:#b00}\
.figure{font-weight:bold}.conf{color:#666;font-weight:normal;font-size:.9em}blockquote{margin:.2rem 0;color:#444}";

pub fn render(cmp: &Comparison, opts: &Options) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>corroborate: comparison</title><style>{STYLE}</style></head>\n<body>\n<h1>Comparison</h1>\n<table><tr><th>id</th><th>label</th><th>path</th>"
    );
    // A `published` column only when some report has a date.
    let dated = cmp.analyses.iter().any(|a| a.document.published.is_some());
    out.push_str(if dated {
        "<th>published</th></tr>\n"
    } else {
        "</tr>\n"
    });
    for a in &cmp.analyses {
        let s = &a.document.source;
        let published = match &a.document.published {
            Some(p) => format!("<td>{}</td>", escape(&p.text)),
            None if dated => "<td></td>".to_string(),
            None => String::new(),
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td>{published}</tr>",
            escape(&s.id),
            escape(&s.label),
            escape(&s.path)
        );
    }
    out.push_str("</table>\n");
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
        let _ = writeln!(
            out,
            "<section class=\"{}\">\n<h2>{title} ({})</h2>",
            kind.as_str(),
            shown.len()
        );
        if kind != FindingKind::Unique && cmp.analyses.len() > 2 && !shown.is_empty() {
            overview(&mut out, cmp, &shown);
        }
        for f in shown {
            finding(&mut out, cmp, f);
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn overview(out: &mut String, cmp: &Comparison, shown: &[&Finding]) {
    out.push_str("<table><tr><th>topic</th>");
    for s in cmp.sources() {
        let _ = write!(out, "<th>{}</th>", escape(&s.label));
    }
    out.push_str("</tr>\n");
    for f in shown {
        let _ = write!(out, "<tr><td>{}</td>", escape(&f.topic));
        for c in row_by_source(cmp, f) {
            match c {
                Some((v, true)) => {
                    let _ = write!(out, "<td class=\"outlier\">{}</td>", escape(&v));
                }
                Some((v, false)) => {
                    let _ = write!(out, "<td>{}</td>", escape(&v));
                }
                None => out.push_str("<td>&mdash;</td>"),
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

fn finding(out: &mut String, cmp: &Comparison, f: &Finding) {
    let _ = writeln!(
        out,
        "<article>\n<h3>{} <span class=\"conf\">confidence {:.2}</span></h3>\n<p>{}</p>\n<table>",
        escape(&f.topic),
        f.confidence,
        escape(&f.explanation)
    );
    for r in &f.claims {
        let a = &cmp.analyses[r.source];
        let class = if f.claims.len() > 2 && f.outliers.contains(r) {
            " class=\"outlier\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<tr><td{class}>{}</td><td><span class=\"figure\">{}</span><blockquote>{}</blockquote></td></tr>",
            escape(&a.document.source.label),
            escape(&figure(&cmp.analyses, *r)),
            escape(&one_line(a.sentence_text(cmp.sentence(*r))))
        );
    }
    out.push_str("</table>\n</article>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{compare, Document};

    #[test]
    fn article_text_is_escaped() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        let a = Document::from_text(
            "a",
            "<b>A</b>",
            "At least 30 people were killed in the A&B district, where 5 < 6.",
        );
        let b = Document::from_text("b", "B", "Thirty-four people died.");
        let html = render(&compare(vec![a, b]).unwrap(), &Options::default());
        assert!(!html.contains("<b>A</b>"), "{html}");
        assert!(html.contains("&lt;b&gt;A&lt;/b&gt;"));
        assert!(html.contains("A&amp;B district, where 5 &lt; 6."), "{html}");
    }
}
