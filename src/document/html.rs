//! HTML pages to article text, at a cost bounded by the page's size.
//!
//! Readability (dom_smoothie) finds the article in a page, but its cost grows with the number
//! of ancestors of every element (about 0.1 µs for each, more on a single deep chain) and its
//! tree code recurses with the depth (about 105,000 nested `<span>`s overflow the stack). So
//! one linear pass first measures the page's shape ([`shape`]): how deeply it nests and how
//! many ancestors its elements have in all. A page within [`MAX_DEPTH`] and [`MAX_ANCESTRY`]
//! goes to Readability; any other page, and one where Readability finds no article, is read
//! by [`strip`], a linear tag stripper, with a warning naming the file and the reason. Real
//! pages nest 10 to 40 deep; the limits are far above them and keep Readability under about
//! a second.

use std::path::Path;

/// The deepest nesting handed to Readability.
pub const MAX_DEPTH: usize = 256;

/// The most ancestors, summed over all elements, handed to Readability: about a second of its
/// time (a 10 MB page of paragraphs has under a million).
pub const MAX_ANCESTRY: usize = 8 << 20;

/// How a page nests, as far as [`shape`] had to read it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shape {
    /// The deepest nesting of elements seen.
    pub depth: usize,
    /// Ancestors summed over all elements.
    pub ancestry: usize,
}

impl Shape {
    /// Why the page is too costly for Readability, if it is.
    fn too_costly(&self) -> Option<String> {
        if self.depth > MAX_DEPTH {
            Some(format!(
                "elements nest more than {MAX_DEPTH} deep (the limit)"
            ))
        } else if self.ancestry > MAX_ANCESTRY {
            Some(format!(
                "its elements have more than {MAX_ANCESTRY} ancestors in all (the limit)"
            ))
        } else {
            None
        }
    }
}

/// Elements that never have content: they open nothing.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Elements whose content is raw text up to their end tag: markup inside is not markup.
const RAW: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// Elements whose end tag may be left out: a new one closes an open one.
const SELF_CLOSING_SIBLINGS: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "thead",
    "tbody", "tfoot",
];

/// Elements that end a paragraph: a line break (two for a paragraph) in stripped text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// One tag as the scanners see it.
struct Tag<'a> {
    /// Lowercase ASCII name (empty for a comment, doctype or processing instruction).
    name: std::borrow::Cow<'a, str>,
    closing: bool,
    /// Where the tag ends (after its `>`).
    end: usize,
}

/// Reads the tag that starts with the `<` at `i`, if it is one. `quotes` caches where the
/// next `"` and `'` are, so a page full of unclosed quotes is still read in linear time.
fn tag_at<'a>(html: &'a str, i: usize, quotes: &mut QuoteCache) -> Option<Tag<'a>> {
    let b = html.as_bytes();
    let at = |p: usize| b.get(p).copied().unwrap_or(0);
    let gt_after = |p: usize| memchr::memchr(b'>', &b[p.min(b.len())..]).map(|k| p + k + 1);
    match at(i + 1) {
        b'!' if b[i..].starts_with(b"<!--") => {
            let end = memchr::memmem::find(&b[i + 4..], b"-->").map_or(b.len(), |k| i + 4 + k + 3);
            Some(Tag {
                name: "".into(),
                closing: false,
                end,
            })
        }
        b'!' | b'?' => Some(Tag {
            name: "".into(),
            closing: false,
            end: gt_after(i + 2).unwrap_or(b.len()),
        }),
        _ => {
            let closing = at(i + 1) == b'/';
            let start = i + 1 + usize::from(closing);
            if !at(start).is_ascii_alphabetic() {
                return None;
            }
            let mut p = start;
            while p < b.len() && !matches!(b[p], b' ' | b'\t' | b'\n' | b'\r' | 0x0c | b'/' | b'>')
            {
                p += 1;
            }
            let raw = &html[start..p];
            let name = if raw.bytes().any(|c| c.is_ascii_uppercase()) {
                raw.to_ascii_lowercase().into()
            } else {
                raw.into()
            };
            // Attributes: up to the first `>` outside a quoted value.
            loop {
                let Some(k) = memchr::memchr3(b'>', b'"', b'\'', &b[p..]) else {
                    p = b.len();
                    break;
                };
                p += k;
                if b[p] == b'>' {
                    p += 1;
                    break;
                }
                match quotes.next(b, b[p], p + 1) {
                    Some(close) => p = close + 1,
                    // An unclosed quote: the tag ends at the next `>`, as far as we care.
                    None => {
                        p = gt_after(p + 1).unwrap_or(b.len());
                        break;
                    }
                }
            }
            Some(Tag {
                name,
                closing,
                end: p,
            })
        }
    }
}

/// The next `"` and `'` at or after a position, remembered, so each is searched for at most
/// once per occurrence however many unclosed quotes a page has.
#[derive(Default)]
struct QuoteCache {
    /// Per quote: the position searched from and what was found (`None`: none after it).
    double: Option<(usize, Option<usize>)>,
    single: Option<(usize, Option<usize>)>,
}

impl QuoteCache {
    fn next(&mut self, b: &[u8], quote: u8, from: usize) -> Option<usize> {
        let slot = if quote == b'"' {
            &mut self.double
        } else {
            &mut self.single
        };
        if let Some((searched, found)) = *slot {
            if from >= searched && found.is_none_or(|f| f >= from) {
                return found;
            }
        }
        let found = memchr::memchr(quote, &b[from.min(b.len())..]).map(|k| from + k);
        *slot = Some((from, found));
        found
    }
}

/// Where the raw text of a `name` element that starts at `from` ends: at its end tag, or the
/// end of the page.
fn raw_text_end(html: &str, from: usize, name: &str) -> (usize, usize) {
    let b = html.as_bytes();
    let mut p = from;
    while let Some(k) = memchr::memmem::find(&b[p..], b"</") {
        let q = p + k;
        let n = &b[q + 2..(q + 2 + name.len()).min(b.len())];
        if n.eq_ignore_ascii_case(name.as_bytes())
            && b.get(q + 2 + name.len())
                .is_none_or(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0c | b'/' | b'>'))
        {
            let end = memchr::memchr(b'>', &b[q..]).map_or(b.len(), |k| q + k + 1);
            return (q, end);
        }
        p = q + 2;
    }
    (b.len(), b.len())
}

/// Measures how `html` nests, in one pass that stops as soon as a limit is passed. End tags
/// close the nearest open element of their name, as browsers do, looking at most
/// [`MAX_DEPTH`] elements down; a tag whose end may be left out (`<p>`, `<li>`) closes an
/// open one of its name near the top.
pub fn shape(html: &str) -> Shape {
    let b = html.as_bytes();
    let mut open: Vec<std::borrow::Cow<'_, str>> = Vec::new();
    let mut shape = Shape::default();
    let mut quotes = QuoteCache::default();
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + k;
        let Some(tag) = tag_at(html, lt, &mut quotes) else {
            i = lt + 1;
            continue;
        };
        i = tag.end.max(lt + 1);
        let name = tag.name;
        if name.is_empty() {
            continue;
        }
        if tag.closing {
            let floor = open.len().saturating_sub(MAX_DEPTH);
            if let Some(at) = open[floor..].iter().rposition(|n| *n == name) {
                open.truncate(floor + at);
            }
            continue;
        }
        if VOID.contains(&&*name) {
            continue;
        }
        if SELF_CLOSING_SIBLINGS.contains(&&*name) || BLOCKS.contains(&&*name) {
            let floor = open.len().saturating_sub(4);
            let sibling = SELF_CLOSING_SIBLINGS.contains(&&*name);
            if let Some(at) = open[floor..]
                .iter()
                .rposition(|n| (sibling && *n == name) || (*n == "p" && name != "p"))
            {
                open.truncate(floor + at);
            }
        }
        if RAW.contains(&&*name) {
            i = raw_text_end(html, i, &name).1;
            continue;
        }
        open.push(name);
        shape.depth = shape.depth.max(open.len());
        shape.ancestry += open.len();
        if shape.too_costly().is_some() {
            break;
        }
    }
    shape
}

/// The text of `html` with its markup taken out, in one pass: no script, style or head;
/// a line break for `<br>`, a blank line between blocks (paragraphs, headings, list items,
/// table rows), a space between table cells; character references decoded; whitespace runs
/// collapsed as a browser shows them. The `<title>` comes first, as its own paragraph.
pub fn strip(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut title = String::new();
    let mut quotes = QuoteCache::default();
    // What separates the next text from the last: 0 nothing, 1 a space, 2 a line, 3 a paragraph.
    let mut gap = 0u8;
    let mut i = 0;
    while i < b.len() {
        let next = memchr::memchr2(b'<', b'&', &b[i..]).map_or(b.len(), |k| i + k);
        push_text(&mut out, &html[i..next], &mut gap);
        if next == b.len() {
            break;
        }
        i = next;
        if b[i] == b'&' {
            match crate::normalize::reference_at(html, i) {
                Some((end, text)) => {
                    push_text(&mut out, &text, &mut gap);
                    i = end;
                }
                None => {
                    push_text(&mut out, "&", &mut gap);
                    i += 1;
                }
            }
            continue;
        }
        let Some(tag) = tag_at(html, i, &mut quotes) else {
            push_text(&mut out, "<", &mut gap);
            i += 1;
            continue;
        };
        i = tag.end.max(i + 1);
        let name = &*tag.name;
        match name {
            "br" => gap = gap.max(2),
            "td" | "th" => gap = gap.max(1),
            _ if BLOCKS.contains(&name) => gap = 3,
            _ => {}
        }
        // Head content is all in such elements (title, style, script): no text is lost.
        if !tag.closing && RAW.contains(&name) {
            let (text_end, end) = raw_text_end(html, i, name);
            if name == "title" && title.is_empty() {
                push_text(&mut title, &html[i..text_end], &mut 0);
            }
            i = end;
        }
    }
    with_title(&title, &out)
}

/// The page title, then the body, unless the body opens with its own headline (a title is
/// often that headline shortened, with the site's name after a bar or dash).
fn with_title(title: &str, body: &str) -> String {
    let title = title.trim();
    let body = body.trim();
    let core = title
        .split(['|', '\u{2013}', '\u{2014}'])
        .next()
        .unwrap_or("")
        .trim();
    let first_line = body.lines().next().unwrap_or("");
    if !title.is_empty() && (core.is_empty() || !first_line.contains(core)) {
        format!("{title}\n\n{body}")
    } else {
        body.to_string()
    }
}

/// Appends text as a browser lays it out: whitespace runs become one space, and a pending
/// gap (space, line break, paragraph break) is written before the next visible character.
fn push_text(out: &mut String, text: &str, gap: &mut u8) {
    for c in text.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            *gap = (*gap).max(1);
            continue;
        }
        if !out.is_empty() {
            out.push_str(match *gap {
                0 => "",
                1 => " ",
                2 => "\n",
                _ => "\n\n",
            });
        }
        *gap = 0;
        out.push(c);
    }
}

/// Extracts the article text of an HTML page, keeping paragraph breaks; says in `warnings`
/// when the page was read by the tag stripper instead, and why.
pub fn to_text(path: &Path, html: &str, warnings: &mut Vec<String>) -> String {
    let fallback = |why: String, warnings: &mut Vec<String>| {
        warnings.push(format!(
            "{}: {why}; read with the plain tag stripper instead of Readability, so menus and \
             other page furniture may be included (offsets refer to the extracted text)",
            path.display()
        ));
        strip(html)
    };
    if let Some(why) = shape(html).too_costly() {
        return fallback(why, warnings);
    }
    match readability(html) {
        Ok(text) if !text.trim().is_empty() => text,
        Ok(_) => fallback("Readability found no article text".to_string(), warnings),
        Err(e) => fallback(format!("Readability found no article ({e})"), warnings),
    }
}

/// The page's article through Readability, with the title first unless the article opens
/// with it.
fn readability(html: &str) -> Result<String, dom_smoothie::ReadabilityError> {
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let mut r = dom_smoothie::Readability::new(html, None, Some(cfg))?;
    let article = r.parse()?;
    Ok(with_title(&article.title, &article.text_content))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_follows_nesting_and_implied_ends() {
        let s = shape("<html><body><div><p>a<p>b<p>c</div><ul><li>x<li>y</ul></body></html>");
        assert_eq!(s.depth, 4, "{s:?}"); // html body div p; sibling p's close each other
        assert_eq!(shape("<div>".repeat(300).as_str()).depth, MAX_DEPTH + 1);
        // Stray end tags and void elements do not nest.
        assert_eq!(shape("</div></div><br><img src=x><hr>").depth, 0);
        // Comments, scripts and quoted attributes hide what looks like markup.
        let s = shape("<!-- <div><div> --><script>if (a<b) '<div>'</script><a title='<div>'>x</a>");
        assert_eq!(s.depth, 1, "{s:?}");
        // `<span/>` opens a span in HTML.
        assert_eq!(shape(&"<span/>".repeat(10)).depth, 10);
    }

    #[test]
    fn shape_stops_at_the_limit() {
        let deep = "<span>".repeat(200_000);
        let s = shape(&deep);
        assert_eq!(s.depth, MAX_DEPTH + 1);
        assert!(s.too_costly().is_some());
        let wide = "<div><div><div><div><p>x</p></div></div></div></div>".repeat(1000);
        assert!(shape(&wide).too_costly().is_none());
    }

    #[test]
    fn strip_keeps_text_and_paragraphs() {
        let html =
            "<!doctype html><html><head><title>Earthquake | Daily</title><style>p{}</style></head>\
            <body><h1>Quake hits</h1><p>At least 30&nbsp;people &amp; 5 dogs\n   were\tkilled.</p>\
            <script>var x = '<p>no</p>';</script><p>Rescuers<br>searched.</p>\
            <table><tr><td>A</td><td>1</td></tr></table></body></html>";
        assert_eq!(
            strip(html),
            "Earthquake | Daily\n\nQuake hits\n\nAt least 30 people & 5 dogs were killed.\n\nRescuers\nsearched.\n\nA 1"
        );
    }

    #[test]
    fn strip_is_linear_on_unclosed_quotes_and_tags() {
        let html = "<a title=\"x>".repeat(50_000) + "<p>end";
        assert!(strip(&html).ends_with("end"));
        let html = "<".repeat(100_000) + " a";
        assert!(strip(&html).ends_with('a'));
    }

    #[test]
    fn deep_pages_fall_back_with_a_warning() {
        let html = format!(
            "<html><body>{}<p>At least 30 people were killed.</p></body></html>",
            "<span>".repeat(120_000)
        );
        let mut w = Vec::new();
        let text = to_text(Path::new("deep.html"), &html, &mut w);
        assert_eq!(text, "At least 30 people were killed.");
        assert!(
            w[0].starts_with("deep.html: elements nest more than 256 deep"),
            "{w:?}"
        );
    }
}
