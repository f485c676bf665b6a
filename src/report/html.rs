//! HTML report: one self-contained page (inline CSS and script, no network: a Content Security
//! Policy allows nothing else) with a one-screen summary on top, a side-by-side reading view —
//! the reports in columns that scroll on their own, every claim highlighted in its text in the
//! colour of its finding; clicking a finding scrolls every column to its evidence — and the
//! findings with their evidence in place. Filters by kind and confidence; prints to PDF as the
//! findings followed by each report's text. Article text and labels are untrusted: every piece
//! is escaped and its control characters are shown, and the policy would stop any script but
//! the page's own.

use super::{
    camp_lines, evidence, one_line, row_by_source, sources, standing, table_fits, visible, Options,
    Standing, Summary,
};
use crate::align::ClaimRef;
use crate::judge::{Comparison, Finding, FindingKind};
use std::fmt::Write;
use std::ops::Range;
use std::sync::OnceLock;

/// Escapes text for HTML element content and quoted attribute values, and makes control
/// characters visible.
pub fn escape(s: &str) -> String {
    let s = visible(s);
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

/// [`escape`] on one line.
fn line(s: &str) -> String {
    escape(&one_line(s))
}

const STYLE: &str = include_str!("html/report.css");
const SCRIPT: &str = include_str!("html/report.js");

/// `sha256-…` of a text, as a Content Security Policy source.
fn csp_hash(s: &str) -> String {
    use sha2::{Digest, Sha256};
    format!("'sha256-{}'", base64(&Sha256::digest(s.as_bytes())))
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The page's policy: its own style and script (by hash), nothing else — no network, no
/// injected script or handler, no form, no base.
fn policy() -> &'static str {
    static POLICY: OnceLock<String> = OnceLock::new();
    POLICY.get_or_init(|| {
        format!(
            "default-src 'none'; style-src {}; script-src {}; img-src 'none'; base-uri 'none'; form-action 'none'",
            csp_hash(STYLE),
            csp_hash(SCRIPT)
        )
    })
}

/// The attributes by which the script filters a finding's every appearance.
fn item(id: usize, f: &Finding) -> String {
    format!(
        "data-kind=\"{}\" data-conf=\"{:.2}\" data-item=\"{id}\"",
        f.kind.as_str(),
        f.confidence
    )
}

fn kind_class(k: FindingKind) -> &'static str {
    match k {
        FindingKind::Discrepancy => "k-discrepancy",
        FindingKind::Agreement => "k-agreement",
        FindingKind::Unique => "k-unique",
    }
}

/// The findings shown, with their ids: 1-based places among all the comparison's findings,
/// as in the CSV's `finding_id`.
fn shown<'a>(cmp: &'a Comparison, opts: &Options) -> Vec<(usize, &'a Finding)> {
    cmp.findings
        .iter()
        .enumerate()
        .filter(|(_, f)| opts.keeps(f))
        .map(|(i, f)| (i + 1, f))
        .collect()
}

pub fn render(cmp: &Comparison, opts: &Options) -> String {
    let shown = shown(cmp, opts);
    let mut out = String::with_capacity(64 * 1024);
    let n = cmp.analyses.len();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>corroborate: {n} reports compared</title>\n<style>{STYLE}</style>\n</head>\n\
         <body data-view=\"reading\">\n",
        policy()
    );
    summary(&mut out, cmp, opts, &shown);
    out.push_str("<main>\n");
    reading(&mut out, cmp, &shown);
    findings(&mut out, cmp, &shown);
    out.push_str("</main>\n");
    let _ = write!(out, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    out
}

/// The one-screen summary: counts, then one line per discrepancy and agreement (discrepancies
/// first), the controls (view, filters).
fn summary(out: &mut String, cmp: &Comparison, opts: &Options, shown: &[(usize, &Finding)]) {
    let s = Summary::new(cmp, opts);
    let _ = writeln!(
        out,
        "<header class=\"summary\">\n<h1>Comparison of {} reports</h1>\n<p class=\"counts\">{}</p>",
        cmp.analyses.len(),
        escape(&s.counts())
    );
    if let Some(l) = s.shown_line() {
        let _ = writeln!(out, "<p class=\"shown\">{}</p>", escape(&l));
    }
    let lines: Vec<&(usize, &Finding)> = shown
        .iter()
        .filter(|(_, f)| f.kind != FindingKind::Unique)
        .collect();
    if !lines.is_empty() {
        out.push_str("<ol class=\"top\">\n");
        for (id, f) in lines {
            let _ = writeln!(
                out,
                "<li class=\"{}\" {}><a href=\"#f{id}\" data-f=\"{id}\">{}</a> <span class=\"camps\">{}</span> <span class=\"conf\">{:.2}</span></li>",
                kind_class(f.kind),
                item(*id, f),
                line(&f.topic),
                camps_line(cmp, f),
                f.confidence
            );
        }
        out.push_str("</ol>\n");
    }
    out.push_str(
        "<nav class=\"controls\" aria-label=\"view and filters\">\
         <span class=\"views\"><button type=\"button\" data-view-btn=\"reading\">Side by side</button>\
         <button type=\"button\" data-view-btn=\"findings\">Findings</button></span> \
         <span class=\"filters\">\
         <label class=\"k-discrepancy\"><input type=\"checkbox\" data-filter-kind=\"discrepancy\" checked> discrepancies</label> \
         <label class=\"k-agreement\"><input type=\"checkbox\" data-filter-kind=\"agreement\" checked> agreements</label> \
         <label class=\"k-unique\"><input type=\"checkbox\" data-filter-kind=\"unique\" checked> unique claims</label> \
         <label>confidence &ge; <input type=\"range\" min=\"0\" max=\"1\" step=\"0.05\" value=\"0\" data-filter-conf> \
         <output data-conf-out>0.00</output></label> \
         <span class=\"count\" data-shown-count></span></span>\
         <span class=\"keys\">n / p: next / previous finding</span></nav>\n</header>\n",
    );
}

/// A finding's camps on one line: `"30" (wire, metro) · "50" (radio)`.
fn camps_line(cmp: &Comparison, f: &Finding) -> String {
    camp_lines(cmp, f)
        .iter()
        .map(|c| {
            let mut labels: Vec<String> = c.labels.iter().take(3).map(|l| escape(l)).collect();
            if c.labels.len() > 3 {
                labels.push(format!("{} more", c.labels.len() - 3));
            }
            let mark = match c.standing {
                Standing::Outlier => "<b class=\"outlier\">!</b> ",
                _ => "",
            };
            format!("{mark}{} ({})", escape(&c.figures), labels.join(", "))
        })
        .collect::<Vec<_>>()
        .join(" &middot; ")
}

/// The side-by-side view: the findings to pick from, and a column per report.
fn reading(out: &mut String, cmp: &Comparison, shown: &[(usize, &Finding)]) {
    out.push_str("<section id=\"reading\" class=\"reading\" aria-label=\"reports side by side\">\n<div class=\"toolbar\"><label><input type=\"checkbox\" data-only-ev> only reports with the selected finding</label></div>\n<div class=\"panes\">\n<ol class=\"finding-list\">\n");
    for (id, f) in shown {
        let sources = f.claims.len();
        let _ = writeln!(
            out,
            "<li class=\"{}\" {}><button type=\"button\" data-f=\"{id}\"><span class=\"chip\"></span>{} <small>{} {}</small></button></li>",
            kind_class(f.kind),
            item(*id, f),
            line(&f.topic),
            sources,
            if sources == 1 { "report" } else { "reports" }
        );
    }
    out.push_str("</ol>\n<div class=\"columns\">\n");
    // Per source: the sentence and the figure of every claim shown.
    let mut spans: Vec<Vec<Span>> = vec![Vec::new(); cmp.analyses.len()];
    for (id, f) in shown {
        for r in &f.claims {
            let e = evidence(cmp, *r);
            let title = format!("{}: {}", f.kind.as_str(), one_line(&f.topic));
            spans[r.source].push(Span {
                range: e.sentence_span,
                id: *id,
                kind: f.kind,
                figure: false,
                title: title.clone(),
            });
            if !e.figure_span.is_empty() {
                spans[r.source].push(Span {
                    range: e.figure_span,
                    id: *id,
                    kind: f.kind,
                    figure: true,
                    title,
                });
            }
        }
    }
    for (s, a) in cmp.analyses.iter().enumerate() {
        let src = &a.document.source;
        let claims = shown
            .iter()
            .filter(|(_, f)| f.claims.iter().any(|r| r.source == s))
            .count();
        let _ = write!(
            out,
            "<article class=\"column\" data-source=\"{s}\"><h2>{} <small>{} {}</small></h2><div class=\"text\">",
            line(&src.label),
            claims,
            if claims == 1 { "finding" } else { "findings" }
        );
        text_with_marks(out, a.normalized.original(), &mut spans[s]);
        out.push_str("</div></article>\n");
    }
    out.push_str("</div>\n</div>\n</section>\n");
}

#[derive(Clone)]
struct Span {
    range: Range<usize>,
    id: usize,
    kind: FindingKind,
    figure: bool,
    title: String,
}

/// A report's text with its claims' sentences and figures marked. Spans may overlap (two
/// figures in one sentence, one sentence in two findings), so the text is cut at every span
/// boundary and each piece is marked with all the findings covering it: no nesting to break.
fn text_with_marks(out: &mut String, text: &str, spans: &mut [Span]) {
    let wrapped = hard_wrapped(text);
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for s in spans.iter() {
        cuts.push(s.range.start.min(text.len()));
        cuts.push(s.range.end.min(text.len()));
    }
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    spans.sort_by_key(|s| (s.range.start, s.id));
    // Sweep: spans starting at or before a piece, and still open, cover it.
    let mut next = 0;
    let mut open: Vec<&Span> = Vec::new();
    for w in cuts.windows(2) {
        let (from, to) = (w[0], w[1]);
        while next < spans.len() && spans[next].range.start <= from {
            open.push(&spans[next]);
            next += 1;
        }
        open.retain(|s| s.range.end > from);
        let piece = flow(&text[from..to], wrapped);
        let covering: Vec<&&Span> = open.iter().filter(|s| s.range.start < to).collect();
        if covering.is_empty() {
            out.push_str(&piece);
            continue;
        }
        let sentences: Vec<&Span> = covering.iter().filter(|s| !s.figure).map(|s| **s).collect();
        let figures: Vec<&Span> = covering.iter().filter(|s| s.figure).map(|s| **s).collect();
        let mut html = piece;
        if !figures.is_empty() {
            html = marked("mark", "fig", &figures, &html, true);
        }
        if !sentences.is_empty() {
            html = marked("span", "sent", &sentences, &html, figures.is_empty());
        }
        out.push_str(&html);
    }
    out.push('\n');
}

/// `inner` wrapped in a `tag` naming the findings of `spans`, coloured as the strongest of
/// them (findings are ordered discrepancies first: the lowest id is the strongest kind).
fn marked(tag: &str, class: &str, spans: &[&Span], inner: &str, title: bool) -> String {
    let mut ids: Vec<usize> = spans.iter().map(|s| s.id).collect();
    ids.sort_unstable();
    ids.dedup();
    let lead = spans.iter().min_by_key(|s| s.id).expect("not empty");
    let ids: Vec<String> = ids.iter().map(usize::to_string).collect();
    let title = if title {
        format!(" title=\"{}\"", escape(&lead.title))
    } else {
        String::new()
    };
    format!(
        "<{tag} class=\"{class} {}\" data-f=\"{}\"{title}>{inner}</{tag}>",
        kind_class(lead.kind),
        ids.join(" ")
    )
}

/// A text hard-wrapped by a program (most lines 55–100 characters long): its single line
/// breaks are spaces, its blank lines paragraph breaks.
fn hard_wrapped(text: &str) -> bool {
    let lines: Vec<usize> = text
        .lines()
        .map(|l| l.trim_end().chars().count())
        .filter(|&n| n > 0)
        .collect();
    lines.len() >= 5 && 2 * lines.iter().filter(|&&n| (55..=100).contains(&n)).count() > lines.len()
}

/// A piece of report text for the reading view (laid out with `white-space: pre-line`).
fn flow(s: &str, wrapped: bool) -> String {
    if !wrapped {
        return escape(s);
    }
    // Keep blank lines, join the lines between them.
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            let mut breaks = 1;
            while let Some(&n) = chars.peek() {
                if n == '\n' {
                    breaks += 1;
                } else if !n.is_whitespace() {
                    break;
                }
                chars.next();
            }
            out.push_str(if breaks > 1 { "\n\n" } else { " " });
        } else {
            out.push(c);
        }
    }
    escape(&out)
}

/// The findings view: the reports, then each kind with its overview and findings.
fn findings(out: &mut String, cmp: &Comparison, shown: &[(usize, &Finding)]) {
    out.push_str("<section id=\"findings\" class=\"findings\" aria-label=\"findings\">\n<h2>Reports</h2>\n<table class=\"sources\"><tr><th>id</th><th>label</th><th>path</th>");
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
        let of_kind: Vec<(usize, &Finding)> = shown
            .iter()
            .filter(|(_, f)| f.kind == kind)
            .copied()
            .collect();
        let _ = writeln!(
            out,
            "<section class=\"kind {}\">\n<h2>{title} ({})</h2>",
            kind_class(kind),
            of_kind.len()
        );
        if kind != FindingKind::Unique && cmp.analyses.len() > 2 && !of_kind.is_empty() {
            if table_fits(cmp, usize::MAX) {
                overview(out, cmp, &of_kind);
            } else {
                camp_list(out, cmp, &of_kind);
            }
        }
        for (id, f) in of_kind {
            finding(out, cmp, id, f);
        }
        out.push_str("</section>\n");
    }
    out.push_str("</section>\n");
}

/// Topic × source, for a few sources: `!` marks an outlier, letters the camps of a split.
fn overview(out: &mut String, cmp: &Comparison, shown: &[(usize, &Finding)]) {
    out.push_str("<table class=\"overview\"><tr><th>topic</th>");
    for s in cmp.sources() {
        let _ = write!(out, "<th>{}</th>", line(&s.label));
    }
    out.push_str("</tr>\n");
    for (id, f) in shown {
        let _ = write!(
            out,
            "<tr {}><td><a href=\"#f{id}\">{}</a></td>",
            item(*id, f),
            line(&f.topic)
        );
        for c in row_by_source(cmp, f) {
            match c {
                Some((v, Standing::Outlier)) => {
                    let _ = write!(out, "<td class=\"outlier\">! {}</td>", line(&v));
                }
                Some((v, s @ Standing::Camp(_))) if f.claims.len() > 2 => {
                    let _ = write!(
                        out,
                        "<td class=\"camp\">{} {}</td>",
                        s.letter().unwrap_or(' '),
                        line(&v)
                    );
                }
                Some((v, _)) => {
                    let _ = write!(out, "<td>{}</td>", line(&v));
                }
                None => out.push_str("<td>&mdash;</td>"),
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n<p class=\"legend\">! marks a figure that disagrees with the others; A, B&hellip; the camps of sources that are split.</p>\n");
}

/// For many sources: per finding, one line per group of sources that agree.
fn camp_list(out: &mut String, cmp: &Comparison, shown: &[(usize, &Finding)]) {
    out.push_str("<ul class=\"camp-list\">\n");
    for (id, f) in shown {
        let _ = write!(
            out,
            "<li {}><a href=\"#f{id}\">{}</a><ul>",
            item(*id, f),
            line(&f.topic)
        );
        for c in camp_lines(cmp, f) {
            let mark = match c.standing {
                Standing::Outlier => "<b class=\"outlier\">!</b> ".to_string(),
                s @ Standing::Camp(_) => format!("<b>{}</b> ", s.letter().unwrap_or(' ')),
                Standing::Consensus => String::new(),
            };
            let labels: Vec<String> = c.labels.iter().map(|l| escape(l)).collect();
            let _ = write!(
                out,
                "<li>{mark}{} &mdash; {}: {}</li>",
                escape(&c.figures),
                sources(c.labels.len()),
                labels.join(", ")
            );
        }
        out.push_str("</ul></li>\n");
    }
    out.push_str("</ul>\n");
}

/// A sentence with the figure marked inside it.
fn quote(e: &super::Evidence, kind: FindingKind) -> String {
    let open = format!("<mark class=\"fig {}\">", kind_class(kind));
    super::marked_quote(e, line, &open, "</mark>")
}

fn finding(out: &mut String, cmp: &Comparison, id: usize, f: &Finding) {
    let _ = writeln!(
        out,
        "<article class=\"finding {}\" id=\"f{id}\" {}>\n\
         <h3><span class=\"badge\">{}</span> {} <span class=\"conf\">confidence {:.2}</span> \
         <button type=\"button\" class=\"read\" data-f=\"{id}\">read in the reports</button></h3>\n<p class=\"explanation\">{}</p>",
        kind_class(f.kind),
        item(id, f),
        f.kind.as_str(),
        line(&f.topic),
        f.confidence,
        line(&f.explanation)
    );
    if !f.notes.is_empty() {
        out.push_str("<ul class=\"notes\">");
        for n in &f.notes {
            let _ = write!(
                out,
                "<li>{}</li>",
                line(n.strip_prefix("Note: ").unwrap_or(n))
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<ul class=\"claims\">\n");
    let lettered = f.claims.len() > 2;
    for r in &f.claims {
        claim(out, cmp, f, r, lettered);
    }
    out.push_str("</ul>\n</article>\n");
}

fn claim(out: &mut String, cmp: &Comparison, f: &Finding, r: &ClaimRef, lettered: bool) {
    let e = evidence(cmp, *r);
    let (class, mark) = match standing(f, r) {
        Standing::Outlier => (
            " outlier",
            "<span class=\"standing\">outlier</span> ".to_string(),
        ),
        s @ Standing::Camp(_) if lettered => (
            " camp",
            format!(
                "<span class=\"standing\">camp {}</span> ",
                s.letter().unwrap_or(' ')
            ),
        ),
        _ => ("", String::new()),
    };
    let mut tags = String::new();
    if let Some(a) = e.attribution {
        let _ = write!(tags, " <span class=\"tag\">per {}</span>", line(a));
    }
    if let Some(h) = e.hedge {
        let _ = write!(tags, " <span class=\"tag\">hedge: {h}</span>");
    }
    if let Some(m) = e.modality {
        let _ = write!(tags, " <span class=\"tag hedged\">{}</span>", line(m));
    }
    let _ = writeln!(
        out,
        "<li class=\"claim{class}\">{mark}<span class=\"src\">{}</span>{tags}<blockquote>{}</blockquote></li>",
        line(e.label),
        quote(&e, f.kind)
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{compare, Document};

    #[test]
    fn base64_and_policy_hashes() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        // The SHA-256 of "abc" (FIPS 180-2), as CSP writes it.
        assert_eq!(
            csp_hash("abc"),
            "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='"
        );
        assert!(policy().starts_with("default-src 'none'; style-src 'sha256-"));
    }

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

    #[test]
    fn hostile_text_cannot_run_or_escape_its_place() {
        let a = Document::from_text(
            "a",
            "<script>alert(1)</script>",
            "At least 30 people were killed <img src=x onerror=alert(2)> in the \x1b]0;pwned\x07 blast.",
        );
        let b = Document::from_text(
            "b",
            "\" onmouseover=\"alert(3)",
            "Forty people were killed in the blast \u{202e}.",
        );
        let html = render(&compare(vec![a, b]).unwrap(), &Options::default());
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("\" onmouseover"), "{html}");
        assert!(!html.contains('\x1b') && !html.contains('\x07') && !html.contains('\u{202e}'));
        assert!(html.contains("\\x1b]0;pwned\\x07"), "{html}");
        // Exactly one script: the page's own.
        assert_eq!(html.matches("<script").count(), 1);
    }

    #[test]
    fn claims_are_marked_in_their_report_text() {
        let mut spans = vec![
            Span {
                range: 0..20,
                id: 2,
                kind: FindingKind::Agreement,
                figure: false,
                title: "agreement: x".into(),
            },
            Span {
                range: 4..9,
                id: 2,
                kind: FindingKind::Agreement,
                figure: true,
                title: "agreement: x".into(),
            },
            Span {
                range: 12..14,
                id: 1,
                kind: FindingKind::Discrepancy,
                figure: true,
                title: "discrepancy: <y>".into(),
            },
        ];
        let mut out = String::new();
        text_with_marks(&mut out, "The 30 men and 4 <b> ok. Rest", &mut spans);
        let sent = "<span class=\"sent k-agreement\" data-f=\"2\"";
        assert_eq!(
            out,
            format!(
                "{sent} title=\"agreement: x\">The </span>\
                 {sent}><mark class=\"fig k-agreement\" data-f=\"2\" title=\"agreement: x\">30 me</mark></span>\
                 {sent} title=\"agreement: x\">n a</span>\
                 {sent}><mark class=\"fig k-discrepancy\" data-f=\"1\" title=\"discrepancy: &lt;y&gt;\">nd</mark></span>\
                 {sent} title=\"agreement: x\"> 4 &lt;b&gt;</span> ok. Rest\n"
            )
        );
    }

    #[test]
    fn hard_wrapped_text_flows() {
        let para = "A line of hard-wrapped text that runs to about sixty-five chars\n".repeat(6);
        assert!(hard_wrapped(&para));
        assert!(!hard_wrapped("Headline\n\nShort.\nLines."));
        assert_eq!(flow("a\nb\n\n c", true), "a b\n\nc");
        assert_eq!(flow("a\nb", false), "a\nb");
    }
}
