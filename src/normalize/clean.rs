//! Noise that scraped and converted text carries: markup, entities, escaped line breaks,
//! table-of-contents leaders and separator rules.
//!
//! Each rule recognises one stretch of the original at a trigger byte and says what it stands
//! for in the normalized text (usually nothing, a space or a line break). The stretch is then
//! mapped as a whole, so spans still quote the user's bytes; it only ever falls inside a
//! sentence or between two of them, never splits a word the user wrote.

/// What a recognised stretch becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Becomes {
    Text(&'static str),
    Char(char),
}

/// How far a tag or an escaped tag may reach, in bytes.
const MAX_TAG: usize = 2048;

/// The stretch starting at the ASCII byte `i` of `s` that is noise, if any: its end and what it
/// becomes.
pub(super) fn at(s: &str, i: usize) -> Option<(usize, Becomes)> {
    let b = s.as_bytes();
    match b[i] {
        b'<' => tag(b, i + 1).map(|(end, block)| (end, tag_becomes(block))),
        b'&' => entity(s, i),
        b'\\' => escaped_break(b, i),
        b'.' => leader(b, i),
        c if is_rule_byte(c) => rule(b, i),
        _ => None,
    }
}

/// Bytes worth a look by [`at`].
pub(super) fn is_trigger(c: u8) -> bool {
    matches!(c, b'<' | b'&' | b'\\' | b'.') || is_rule_byte(c)
}

fn tag_becomes(block: Block) -> Becomes {
    match block {
        Block::Inline => Becomes::Text(""),
        Block::Cell => Becomes::Text(" "),
        Block::Line => Becomes::Text("\n"),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    Inline,
    Cell,
    Line,
}

/// HTML elements, lowercase; those that break a line, and table cells, say so.
const ELEMENTS: &[(&str, Block)] = &[
    ("a", Block::Inline),
    ("abbr", Block::Inline),
    ("article", Block::Line),
    ("aside", Block::Line),
    ("b", Block::Inline),
    ("blockquote", Block::Line),
    ("body", Block::Line),
    ("br", Block::Line),
    ("caption", Block::Line),
    ("cite", Block::Inline),
    ("code", Block::Inline),
    ("dd", Block::Line),
    ("del", Block::Inline),
    ("div", Block::Line),
    ("dl", Block::Line),
    ("dt", Block::Line),
    ("em", Block::Inline),
    ("figcaption", Block::Line),
    ("figure", Block::Line),
    ("font", Block::Inline),
    ("footer", Block::Line),
    ("h1", Block::Line),
    ("h2", Block::Line),
    ("h3", Block::Line),
    ("h4", Block::Line),
    ("h5", Block::Line),
    ("h6", Block::Line),
    ("head", Block::Line),
    ("header", Block::Line),
    ("hr", Block::Line),
    ("html", Block::Line),
    ("i", Block::Inline),
    ("img", Block::Inline),
    ("ins", Block::Inline),
    ("li", Block::Line),
    ("main", Block::Line),
    ("mark", Block::Inline),
    ("nav", Block::Line),
    ("ol", Block::Line),
    ("p", Block::Line),
    ("pre", Block::Line),
    ("q", Block::Inline),
    ("s", Block::Inline),
    ("section", Block::Line),
    ("small", Block::Inline),
    ("span", Block::Inline),
    ("strong", Block::Inline),
    ("sub", Block::Inline),
    ("sup", Block::Inline),
    ("table", Block::Line),
    ("tbody", Block::Line),
    ("td", Block::Cell),
    ("tfoot", Block::Line),
    ("th", Block::Cell),
    ("thead", Block::Line),
    ("time", Block::Inline),
    ("title", Block::Line),
    ("tr", Block::Line),
    ("u", Block::Inline),
    ("ul", Block::Line),
];

/// A tag whose name starts at `p` (just after `<`): `<p>`, `</div>`, `<img src="x"/>`,
/// `<bpt i="0">`, `<!-- … -->`. Returns its end and how it breaks the text.
///
/// A name is an HTML element (any case) or an all-lowercase XML name, and attributes need a
/// value, so "a <b and c> d" or Reuters' "<AAPL.O>" stay text. A tag never spans a line
/// break, so that cleaning never reaches across the blocks the splitter works in.
fn tag(b: &[u8], mut p: usize) -> Option<(usize, Block)> {
    let at = |p: usize| b.get(p).copied().unwrap_or(0);
    let limit = (p + MAX_TAG).min(b.len());
    if b[p..].starts_with(b"!--") {
        let rest = &b[p + 3..limit];
        let end = rest.windows(3).position(|w| w == b"-->")?;
        if rest[..end].contains(&b'\n') {
            return None;
        }
        return Some((p + 3 + end + 3, Block::Inline));
    }
    let closing = at(p) == b'/';
    if closing {
        p += 1;
    }
    let name_start = p;
    if !at(p).is_ascii_alphabetic() {
        return None;
    }
    while at(p).is_ascii_alphanumeric() || matches!(at(p), b'-' | b'_' | b':') {
        p += 1;
        if p - name_start > 32 {
            return None;
        }
    }
    let name = &b[name_start..p];
    let known = ELEMENTS
        .iter()
        .find(|(e, _)| e.as_bytes().eq_ignore_ascii_case(name))
        .map(|&(_, k)| k);
    let block = match known {
        Some(k) => k,
        None if name.iter().all(|c| !c.is_ascii_uppercase() && *c != b':') => Block::Inline,
        None => return None,
    };
    loop {
        let ws_start = p;
        while matches!(at(p), b' ' | b'\t') {
            p += 1;
        }
        if p >= limit {
            return None;
        }
        match at(p) {
            b'>' => return Some((p + 1, block)),
            b'/' if at(p + 1) == b'>' => return Some((p + 2, block)),
            _ if closing || p == ws_start => return None,
            c if c.is_ascii_alphabetic() || c == b'_' => {}
            _ => return None,
        }
        // An attribute: name = value.
        while at(p).is_ascii_alphanumeric() || matches!(at(p), b'-' | b'_' | b':' | b'.') {
            p += 1;
        }
        while matches!(at(p), b' ' | b'\t') {
            p += 1;
        }
        if at(p) != b'=' {
            return None;
        }
        p += 1;
        while matches!(at(p), b' ' | b'\t') {
            p += 1;
        }
        match at(p) {
            q @ (b'"' | b'\'') => {
                let close = b[p + 1..limit].iter().position(|&c| c == q || c == b'\n')?;
                if b[p + 1 + close] != q {
                    return None;
                }
                p += close + 2;
            }
            _ => {
                let s = p;
                while p < limit
                    && !matches!(
                        at(p),
                        0 | b' ' | b'\t' | b'\n' | b'\r' | b'"' | b'\'' | b'<' | b'>' | b'='
                    )
                {
                    p += 1;
                }
                if p == s {
                    return None;
                }
            }
        }
    }
}

/// An entity at `i` (`&amp;`, `&#8220;`), or a tag escaped as entities (`&lt;b&gt;`), which
/// scraped text keeps when markup was quoted.
fn entity(s: &str, i: usize) -> Option<(usize, Becomes)> {
    let b = s.as_bytes();
    if b[i..].starts_with(b"&lt;") {
        if let Some(end) = escaped_tag(b, i + 4) {
            return Some((end, Becomes::Text("")));
        }
    }
    reference(s, i)
}

/// A character reference at `i` (`&amp;`, `&#8220;`, `&shy;`): its end and what it stands for.
pub(super) fn reference(s: &str, i: usize) -> Option<(usize, Becomes)> {
    let b = s.as_bytes();
    let rest = &b[i + 1..b.len().min(i + 12)];
    let semi = rest.iter().position(|&c| c == b';')?;
    let body = &s[i + 1..i + 1 + semi];
    let end = i + 2 + semi;
    let c = if let Some(num) = body.strip_prefix('#') {
        let v = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(v).filter(|c| *c != '\0')?
    } else {
        match body {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            "shy" => return Some((end, Becomes::Text(""))),
            "ndash" | "mdash" => return Some((end, Becomes::Text("-"))),
            "hellip" => return Some((end, Becomes::Text("..."))),
            "lsquo" | "rsquo" => '\'',
            "ldquo" | "rdquo" | "laquo" | "raquo" | "bdquo" => '"',
            "euro" => '€',
            "pound" => '£',
            "yen" => '¥',
            "cent" => '¢',
            "deg" => '°',
            "copy" => '©',
            "reg" => '®',
            "times" => '×',
            _ => return None,
        }
    };
    Some((end, Becomes::Char(c)))
}

/// `&lt;b&gt;`, `&lt;/b&gt;` after the `&lt;` at `p`.
fn escaped_tag(b: &[u8], mut p: usize) -> Option<usize> {
    if b.get(p) == Some(&b'/') {
        p += 1;
    }
    if !b.get(p)?.is_ascii_alphabetic() {
        return None;
    }
    let limit = (p + 200).min(b.len());
    let rel = b[p..limit].windows(4).position(|w| w == b"&gt;")?;
    let inner = &b[p..p + rel];
    if inner.iter().any(|&c| c == b'\n' || c == b'&' || c == b'<') {
        return None;
    }
    Some(p + rel + 4)
}

/// A line break written out as an escape, as text scraped from JSON or code keeps it:
/// `\n`, `\r\n`, `\r`, and the mangled `\ r \ n`.
fn escaped_break(b: &[u8], i: usize) -> Option<(usize, Becomes)> {
    // Not a path or a regular expression: `C:\new`, `dir\name`, `\\n`.
    if i > 0 && (b[i - 1].is_ascii_alphanumeric() || matches!(b[i - 1], b':' | b'\\' | b'/')) {
        return None;
    }
    let at = |p: usize| b.get(p).copied().unwrap_or(0);
    let spaced = [b'\\', b' ', b'r', b' ', b'\\', b' ', b'n'];
    if b[i..].starts_with(&spaced) {
        return Some((i + spaced.len(), Becomes::Text("\n")));
    }
    match (at(i + 1), at(i + 2), at(i + 3)) {
        (b'r', b'\\', b'n') => Some((i + 4, Becomes::Text("\n"))),
        (b'n' | b'r', n, _) if !n.is_ascii_lowercase() => Some((i + 2, Becomes::Text("\n"))),
        _ => None,
    }
}

/// A table-of-contents leader: four or more dots, then a page number ending the line
/// ("About Me ........ 5"). It ends the entry.
fn leader(b: &[u8], i: usize) -> Option<(usize, Becomes)> {
    let at = |p: usize| b.get(p).copied().unwrap_or(b'\n');
    if !b[i..].starts_with(b"....") || (i > 0 && b[i - 1] == b'.') {
        return None;
    }
    let mut p = i;
    while at(p) == b'.' {
        p += 1;
    }
    while matches!(at(p), b' ' | b'\t') {
        p += 1;
    }
    let digits = p;
    while at(p).is_ascii_digit() {
        p += 1;
    }
    if p == digits || p - digits > 4 {
        return None;
    }
    // A range of pages: 16-17.
    if at(p) == b'-' && at(p + 1).is_ascii_digit() {
        p += 1;
        while at(p).is_ascii_digit() {
            p += 1;
        }
    }
    let end = p;
    while matches!(at(p), b' ' | b'\t') {
        p += 1;
    }
    matches!(at(p), b'\n' | b'\r').then_some((end, Becomes::Text("\n")))
}

fn is_rule_byte(c: u8) -> bool {
    matches!(c, b'/' | b'_' | b'=' | b'*' | b'~' | b'#' | b'-' | b'+')
}

/// A separator rule: the same symbol four or more times ("-----", "/////", "____"), or three
/// times alone on a line ("***"). It stands for a space, so a rule on its own line leaves a
/// blank line.
fn rule(b: &[u8], i: usize) -> Option<(usize, Becomes)> {
    let c = b[i];
    if i > 0 && b[i - 1] == c {
        return None;
    }
    let mut p = i;
    while b.get(p) == Some(&c) {
        p += 1;
    }
    let n = p - i;
    if n >= 4 {
        return Some((p, Becomes::Text(" ")));
    }
    if n == 3 {
        let line_start = b[..i]
            .iter()
            .rposition(|&x| x == b'\n')
            .map_or(0, |q| q + 1);
        let line_end = b[p..]
            .iter()
            .position(|&x| x == b'\n')
            .map_or(b.len(), |q| p + q);
        let blank = |r: &[u8]| r.iter().all(|x| matches!(x, b' ' | b'\t' | b'\r'));
        if blank(&b[line_start..i]) && blank(&b[p..line_end]) {
            return Some((p, Becomes::Text(" ")));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &str) -> Option<(&str, Becomes)> {
        at(s, 0).map(|(end, r)| (&s[..end], r))
    }

    #[test]
    fn tags() {
        assert_eq!(clean("<p>x"), Some(("<p>", Becomes::Text("\n"))));
        assert_eq!(clean("</b> x"), Some(("</b>", Becomes::Text(""))));
        assert_eq!(
            clean("<img src=\"/a.jpg\" alt='x'/>!"),
            Some(("<img src=\"/a.jpg\" alt='x'/>", Becomes::Text("")))
        );
        assert_eq!(
            clean("<bpt i=\"0\" type=\"bold\">"),
            Some(("<bpt i=\"0\" type=\"bold\">", Becomes::Text("")))
        );
        assert_eq!(clean("<DIV>"), Some(("<DIV>", Becomes::Text("\n"))));
        assert_eq!(clean("<!-- c -->"), Some(("<!-- c -->", Becomes::Text(""))));
        for text in [
            "<b and c>",
            "<AAPL.O>",
            "<NYSE>",
            "< p>",
            "<3 it",
            "<p",
            "<a href=>",
        ] {
            assert_eq!(clean(text), None, "{text}");
        }
    }

    #[test]
    fn entities() {
        assert_eq!(clean("&amp; b"), Some(("&amp;", Becomes::Char('&'))));
        assert_eq!(clean("&#8220;"), Some(("&#8220;", Becomes::Char('“'))));
        assert_eq!(clean("&#x41;"), Some(("&#x41;", Becomes::Char('A'))));
        assert_eq!(
            clean("&lt;/b&gt;x"),
            Some(("&lt;/b&gt;", Becomes::Text("")))
        );
        assert_eq!(clean("&lt; 5"), Some(("&lt;", Becomes::Char('<'))));
        assert_eq!(clean("& T"), None);
        assert_eq!(clean("&T;"), None);
        assert_eq!(clean("&#0;"), None);
    }

    #[test]
    fn escaped_breaks() {
        assert_eq!(clean("\\r\\n Hi"), Some(("\\r\\n", Becomes::Text("\n"))));
        assert_eq!(clean("\\nThe"), Some(("\\n", Becomes::Text("\n"))));
        assert_eq!(
            clean("\\ r \\ nHello"),
            Some(("\\ r \\ n", Becomes::Text("\n")))
        );
        assert_eq!(clean("\\new"), None);
        assert_eq!(at("C:\\new", 2), None);
    }

    #[test]
    fn leaders_and_rules() {
        assert_eq!(clean(".... 5\nx"), Some((".... 5", Becomes::Text("\n"))));
        assert_eq!(
            clean("......16-17\n"),
            Some(("......16-17", Becomes::Text("\n")))
        );
        assert_eq!(clean(".... Then"), None);
        assert_eq!(clean("...5\n"), None);
        assert_eq!(clean("-----x"), Some(("-----", Becomes::Text(" "))));
        assert_eq!(clean("***\n"), Some(("***", Becomes::Text(" "))));
        assert_eq!(at("Ich ___ gern", 4), None);
        assert_eq!(clean("--"), None);
    }
}
