//! Normalization that keeps an exact byte map back to the user's original text.
//!
//! Later stages work on the normalized text (NFKC, ASCII quotes and hyphens, plain spaces,
//! thousands separators dropped), but every span they report is mapped back through
//! [`NormalizedText::to_original`], so what the tool prints slices the user's own bytes.

mod clean;

use std::ops::Range;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// The HTML character reference (`&amp;`, `&#8220;`, `&nbsp;`) that starts at byte `i` of
/// `s`, as the normalizer reads one: where it ends and the text it stands for (the common
/// named references and every numeric one).
pub fn reference_at(s: &str, i: usize) -> Option<(usize, String)> {
    clean::reference(s, i).map(|(end, with)| {
        let text = match with {
            clean::Becomes::Text(t) => t.to_string(),
            clean::Becomes::Char(c) => c.to_string(),
        };
        (end, text)
    })
}

/// One stretch of the normalized text and where it came from.
///
/// An identity piece maps byte for byte; a replacement piece maps as a whole (its
/// normalized bytes all point at the whole original stretch). A replacement may be empty
/// (a zero-width character or a tag that was dropped).
#[derive(Debug, Clone, Copy)]
struct Piece {
    norm: usize,
    orig: usize,
    norm_len: usize,
    orig_len: usize,
    identity: bool,
}

/// The original text, its normalized form, and the alignment between them.
#[derive(Debug, Clone)]
pub struct NormalizedText {
    original: String,
    text: String,
    pieces: Vec<Piece>,
}

/// Bytes the fast path cannot copy as they are: non-ASCII, controls other than `\n` and
/// `\t`, and the triggers of [`clean`].
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b >= 0x80
            || (b < 0x20 && b != b'\n' && b != b'\t')
            || b == 0x7F
            || matches!(
                b,
                b'<' | b'&' | b'\\' | b'.' | b'/' | b'_' | b'=' | b'*' | b'~' | b'#' | b'-' | b'+'
            );
        c += 1;
    }
    t
};

impl NormalizedText {
    /// Normalizes `original`, keeping the alignment.
    pub fn new(original: impl Into<String>) -> Self {
        let original = original.into();
        let mut b = Builder::with_capacity(original.len());
        let s = original.as_str();
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let run = i;
            while i < bytes.len() && !SPECIAL[bytes[i] as usize] {
                i += 1;
            }
            if i > run {
                b.keep(run, i - run, s);
            }
            let Some(&c) = bytes.get(i) else { break };
            if c < 0x80 {
                i = b.ascii(s, i);
            } else {
                i = b.non_ascii(s, i);
            }
        }
        b.flush();
        NormalizedText {
            text: b.text,
            pieces: b.pieces,
            original,
        }
    }

    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text as the user gave it.
    pub fn original(&self) -> &str {
        &self.original
    }

    /// Gives back the original text.
    pub fn into_original(self) -> String {
        self.original
    }

    /// Maps a byte range of the normalized text to the original text.
    ///
    /// The result always lies on char boundaries of the original; a range that starts or
    /// ends inside a replaced stretch widens to the whole stretch, and stretches dropped
    /// entirely (tags, zero-width characters) at either edge are left out.
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        let start = self.original_start(range.start);
        let end = if range.end > range.start {
            self.original_end(range.end)
        } else {
            start
        };
        start..end.max(start)
    }

    /// Maps sentence-like ranges (ordered, non-overlapping) of the normalized text to the
    /// original, as pairs (normalized, original). A boundary that falls inside a stretch
    /// replaced as a whole (a cluster that NFKC rewrote) cannot be kept: the two ranges
    /// around it are merged, so the original ranges stay ordered and non-overlapping.
    pub fn map_ranges(
        &self,
        ranges: impl IntoIterator<Item = Range<usize>>,
        out: &mut Vec<(Range<usize>, Range<usize>)>,
    ) {
        let first = out.len();
        for r in ranges {
            let o = self.to_original(r.clone());
            match out[first..].last_mut() {
                Some((pn, po)) if o.start < po.end => {
                    pn.end = r.end;
                    po.end = po.end.max(o.end);
                }
                _ => out.push((r, o)),
            }
        }
    }

    /// Where the normalized byte `n` starts in the original: the piece that holds it.
    fn original_start(&self, n: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.norm + p.norm_len <= n);
        match self.pieces.get(i) {
            None => self.original.len(),
            Some(p) if p.identity => p.orig + (n - p.norm),
            Some(p) => p.orig,
        }
    }

    /// Where the normalized bytes before `n` end in the original: the piece that holds byte
    /// `n - 1` (`n > 0`).
    fn original_end(&self, n: usize) -> usize {
        let mut i = self.pieces.partition_point(|p| p.norm < n);
        while i > 0 && self.pieces[i - 1].norm_len == 0 {
            i -= 1;
        }
        match i.checked_sub(1).map(|i| &self.pieces[i]) {
            None => 0,
            Some(p) if p.identity => p.orig + (n - p.norm),
            Some(p) => p.orig + p.orig_len,
        }
    }
}

/// The replacement of one non-ASCII character, if it has one: typography to ASCII, spaces,
/// invisible characters dropped. `None` leaves the character to NFKC.
fn map_char(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => "'",
        // Guillemets stay: unlike straight quotes they say which way they face.
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' | '\u{FE63}'
        | '\u{FF0D}' => "-",
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => "",
        '\u{2028}' | '\u{2029}' | '\u{0085}' => "\n",
        '\u{2026}' => "...",
        c if c.is_control() => " ",
        _ => return None,
    })
}

/// Letters of common scripts that NFKC maps to themselves and that are not combining marks:
/// Latin-1 letters, basic Cyrillic, Hiragana, Katakana, CJK ideographs, Hangul syllables.
fn is_plain_letter(c: char) -> bool {
    matches!(c,
        '\u{00C0}'..='\u{00FF}'
        | '\u{0410}'..='\u{044F}'
        | '\u{3041}'..='\u{3096}'
        | '\u{30A1}'..='\u{30FA}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7A3}')
}

/// Spaces that may separate digit groups.
fn is_space_like(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{2007}' | '\u{2009}' | '\u{202F}' | '\u{2002}'
            ..='\u{2006}' | '\u{2008}' | '\u{200A}' | '\u{205F}' | '\u{3000}'
    )
}

/// True when the space at `at` separates digit groups, as in `1 200 000`.
fn is_thousands_gap(s: &str, at: usize, len: usize) -> bool {
    let before = s[..at].chars().next_back();
    let after = &s.as_bytes()[at + len..];
    let digits = after.iter().take_while(|b| b.is_ascii_digit()).count();
    matches!(before, Some(c) if c.is_ascii_digit()) && digits == 3
}

#[derive(Default)]
struct Builder {
    text: String,
    pieces: Vec<Piece>,
    run: Option<(usize, usize)>, // identity run: (orig start, norm start)
}

impl Builder {
    fn with_capacity(n: usize) -> Self {
        Builder {
            text: String::with_capacity(n),
            ..Builder::default()
        }
    }

    /// An ASCII byte the fast path stopped at; returns where to go on.
    fn ascii(&mut self, s: &str, i: usize) -> usize {
        let bytes = s.as_bytes();
        let c = bytes[i];
        if clean::is_trigger(c) {
            if let Some((end, with)) = clean::at(s, i) {
                self.replace_with(i, end, with);
                return end;
            }
        }
        match c {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => self.replace(i, i + 1, ""),
            // A lone CR is a classic Mac line end; those editors wrapped lines themselves and
            // wrote one only where a paragraph ended.
            b'\r' => self.replace(i, i + 1, "\n\n"),
            c if c < 0x20 || c == 0x7F => self.replace(i, i + 1, " "),
            _ => self.keep(i, 1, s),
        }
        i + 1
    }

    /// A non-ASCII character at `i`, with the combining marks after it; returns where to go on.
    fn non_ascii(&mut self, s: &str, i: usize) -> usize {
        // Runs of letters that NFKC leaves alone and that are no combining marks are copied
        // as they are (a mark after the run takes its last letter back, see `retract_last`).
        let mut j = i;
        for c in s[i..].chars() {
            if !is_plain_letter(c) {
                break;
            }
            j += c.len_utf8();
        }
        if j > i {
            self.keep(i, j - i, s);
            return j;
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        let mut start = i;
        if is_combining_mark(c) {
            // The base before it was copied as it is; take it back to normalize the cluster.
            if let Some(base) = self.retract_last(s, i) {
                start = base;
            }
        } else if let Some(r) = map_char(c) {
            self.replace(i, i + len, r);
            return i + len;
        } else if is_space_like(c) {
            let r = if is_thousands_gap(s, i, len) { "" } else { " " };
            self.replace(i, i + len, r);
            return i + len;
        }
        let mut end = i + len;
        for n in s[end..].chars() {
            if !is_combining_mark(n) {
                break;
            }
            end += n.len_utf8();
        }
        let cluster = &s[start..end];
        if is_nfkc_quick(cluster.chars()) == IsNormalized::Yes {
            self.keep(start, end - start, s);
        } else {
            let nfkc: String = cluster.nfkc().collect();
            if nfkc == cluster {
                self.keep(start, end - start, s);
            } else {
                self.replace(start, end, &nfkc);
            }
        }
        end
    }

    /// Takes back the last character copied, if it was copied as is and ends at `at`;
    /// returns where it starts in the original.
    fn retract_last(&mut self, s: &str, at: usize) -> Option<usize> {
        let (orig, norm) = self.run?;
        let run_len = self.text.len() - norm;
        if orig + run_len != at || run_len == 0 {
            return None;
        }
        let c = s[..at].chars().next_back()?;
        if c == '\n' {
            return None;
        }
        self.text.truncate(self.text.len() - c.len_utf8());
        if self.text.len() == norm {
            self.run = None;
        }
        Some(at - c.len_utf8())
    }

    fn keep(&mut self, orig: usize, len: usize, original: &str) {
        match self.run {
            Some((o, n)) if o + (self.text.len() - n) == orig => {}
            Some(_) => {
                self.flush();
                self.run = Some((orig, self.text.len()));
            }
            None => self.run = Some((orig, self.text.len())),
        }
        self.text.push_str(&original[orig..orig + len]);
    }

    fn replace_with(&mut self, orig_start: usize, orig_end: usize, with: clean::Becomes) {
        match with {
            clean::Becomes::Text(t) => self.replace(orig_start, orig_end, t),
            clean::Becomes::Char(c) => {
                if let Some(r) = map_char(c) {
                    self.replace(orig_start, orig_end, r);
                } else if is_space_like(c) {
                    self.replace(orig_start, orig_end, " ");
                } else {
                    let r: String = std::iter::once(c).nfkc().collect();
                    self.replace(orig_start, orig_end, &r);
                }
            }
        }
    }

    fn replace(&mut self, orig_start: usize, orig_end: usize, with: &str) {
        self.flush();
        self.pieces.push(Piece {
            norm: self.text.len(),
            orig: orig_start,
            norm_len: with.len(),
            orig_len: orig_end - orig_start,
            identity: false,
        });
        self.text.push_str(with);
    }

    fn flush(&mut self) {
        if let Some((orig, norm)) = self.run.take() {
            let len = self.text.len() - norm;
            if len > 0 {
                self.pieces.push(Piece {
                    norm,
                    orig,
                    norm_len: len,
                    orig_len: len,
                    identity: true,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ascii_is_identity() {
        let n = NormalizedText::new("Hello, world.");
        assert_eq!(n.text(), "Hello, world.");
        assert_eq!(n.to_original(7..12), 7..12);
    }

    #[test]
    fn typography_is_normalized_and_mapped_back() {
        let s = "\u{201C}At least 300\u{201D} \u{2014} 20\u{2013}25 caf\u{00E9}\u{2026}";
        let n = NormalizedText::new(s);
        assert_eq!(n.text(), "\"At least 300\" \u{2014} 20-25 caf\u{00E9}...");
        let at = n.text().find("At least 300\"").unwrap();
        let r = n.to_original(at..at + "At least 300\"".len());
        assert_eq!(&s[r], "At least 300\u{201D}");
        let dots = n.text().find("...").unwrap();
        assert_eq!(&s[n.to_original(dots + 1..dots + 2)], "\u{2026}");
    }

    #[test]
    fn plain_letters_are_their_own_nfkc() {
        let ranges = [
            0xC0..=0xFF,
            0x410..=0x44F,
            0x3041..=0x3096,
            0x30A1..=0x30FA,
            0x4E00..=0x9FFF,
            0xAC00..=0xD7A3,
        ];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            assert!(is_plain_letter(c));
            assert!(!is_combining_mark(c), "{c:?}");
            let one = c.to_string();
            assert_eq!(one.nfkc().collect::<String>(), one, "{c:?}");
        }
    }

    #[test]
    fn thousands_gap_is_dropped() {
        let s = "1\u{202F}200 people and 5\u{00A0}km";
        let n = NormalizedText::new(s);
        assert_eq!(n.text(), "1200 people and 5 km");
        assert_eq!(&s[n.to_original(0..4)], "1\u{202F}200");
    }

    #[test]
    fn compatibility_forms_and_combining_marks() {
        let s = "\u{FF11}\u{FF12} cafe\u{0301} \u{FB01}re";
        let n = NormalizedText::new(s);
        assert_eq!(n.text(), "12 caf\u{00E9} fire");
        let fire = n.text().find("fire").unwrap();
        assert_eq!(&s[n.to_original(fire..fire + 4)], "\u{FB01}re");
    }

    #[test]
    fn crlf_becomes_lf_and_a_lone_cr_a_paragraph() {
        let n = NormalizedText::new("a\r\nb\rc");
        assert_eq!(n.text(), "a\nb\n\nc");
    }

    proptest! {
        #[test]
        fn every_range_maps_to_char_boundaries(s in "\\PC{0,40}|[\\u{2000}-\\u{2060} a1.\u{FB01}\r\n]{0,30}") {
            let n = NormalizedText::new(s.clone());
            let t = n.text();
            for (a, _) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
                for (b, _) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
                    if a <= b {
                        let r = n.to_original(a..b);
                        prop_assert!(r.start <= r.end && r.end <= s.len());
                        prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
                    }
                }
            }
        }
    }
}
