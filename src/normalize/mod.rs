//! Normalization that keeps an exact byte map back to the user's original text.
//!
//! Later stages work on the normalized text (NFKC, ASCII quotes and hyphens, plain spaces,
//! thousands separators dropped), but every span they report is mapped back through
//! [`NormalizedText::to_original`], so what the tool prints slices the user's own bytes.

use std::ops::Range;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// One stretch of the normalized text and where it came from.
///
/// An identity piece maps byte for byte; a replacement piece maps as a whole (its
/// normalized bytes all point at the whole original stretch).
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

impl NormalizedText {
    /// Normalizes `original`, keeping the alignment.
    pub fn new(original: impl Into<String>) -> Self {
        let original = original.into();
        let mut b = Builder::default();
        let mut iter = original.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let plain_ascii =
                c.is_ascii() && c != '\r' && !(c.is_ascii_control() && c != '\n' && c != '\t');
            if plain_ascii
                && !iter
                    .peek()
                    .is_some_and(|&(_, n)| !n.is_ascii() && is_combining_mark(n))
            {
                b.keep(i, c.len_utf8(), &original);
                continue;
            }
            let replacement: Option<&str> = match c {
                '\r' => {
                    if iter.peek().map(|&(_, n)| n) == Some('\n') {
                        Some("")
                    } else {
                        Some("\n")
                    }
                }
                '\t' => None,
                c if c.is_control() && c != '\n' => Some(" "),
                '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => {
                    Some("'")
                }
                '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
                | '\u{00BB}' => Some("\""),
                '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' | '\u{FE63}'
                | '\u{FF0D}' => Some("-"),
                '\u{2014}' | '\u{2015}' => None,
                '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {
                    Some("")
                }
                '\u{00A0}'
                | '\u{2007}'
                | '\u{2009}'
                | '\u{202F}'
                | '\u{2002}'..='\u{2006}'
                | '\u{2008}'
                | '\u{200A}'
                | '\u{205F}'
                | '\u{3000}' => {
                    if is_thousands_gap(&original, i, c.len_utf8()) {
                        Some("")
                    } else {
                        Some(" ")
                    }
                }
                '\u{2028}' | '\u{2029}' | '\u{0085}' => Some("\n"),
                '\u{2026}' => Some("..."),
                _ => None,
            };
            let mut end = i + c.len_utf8();
            if let Some(r) = replacement {
                b.replace(i, end, r);
                continue;
            }
            // A base character with its combining marks is normalized as one cluster.
            while let Some(&(j, n)) = iter.peek() {
                if is_combining_mark(n) {
                    end = j + n.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            let cluster = &original[i..end];
            let nfkc: String = cluster.nfkc().collect();
            if nfkc == cluster {
                b.keep(i, end - i, &original);
            } else {
                b.replace(i, end, &nfkc);
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

    /// Maps a byte range of the normalized text to the original text.
    ///
    /// The result always lies on char boundaries of the original; a range that starts or
    /// ends inside a replaced stretch widens to the whole stretch.
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        let start = self.original_start(range.start);
        let end = if range.end > range.start {
            self.original_end(range.end)
        } else {
            start
        };
        start..end.max(start)
    }

    fn original_start(&self, n: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.norm + p.norm_len <= n);
        match self.pieces.get(i) {
            None => self.original.len(),
            Some(p) if p.identity => p.orig + (n - p.norm),
            Some(p) => p.orig,
        }
    }

    fn original_end(&self, n: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.norm + p.norm_len < n);
        match self.pieces.get(i) {
            None => self.original.len(),
            Some(p) if p.identity => p.orig + (n - p.norm),
            Some(p) => p.orig + p.orig_len,
        }
    }
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
    fn keep(&mut self, orig: usize, len: usize, original: &str) {
        if self.run.is_none() {
            self.run = Some((orig, self.text.len()));
        }
        self.text.push_str(&original[orig..orig + len]);
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
    fn crlf_becomes_lf() {
        let n = NormalizedText::new("a\r\nb\rc");
        assert_eq!(n.text(), "a\nb\nc");
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
