//! A small tokenizer for normalized sentence text: words, numbers, single symbols and web
//! addresses, with byte offsets, and whether each token is glued to the one before it.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner apostrophes and dots between letters (`don't`, `U.S`). A hyphen
    /// splits words (`twenty-five` is `twenty`, `-`, `five`), so number words and units inside
    /// compounds (`six-mile`) are tokens of their own; the glue flag keeps the compound visible.
    Word,
    /// Digits with inner `,` or `.` groups (`1,200`, `3.5`, `192.168.1.2`).
    Number,
    /// Any other single non-space char.
    Symbol,
    /// A web or mail address (`https://…`, `www.…`, `a@b.org`): never read for figures.
    Address,
}

#[derive(Debug, Clone)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Range<usize>,
    /// No whitespace between this token and the previous one.
    pub glued: bool,
}

impl Token {
    pub fn text<'a>(&self, s: &'a str) -> &'a str {
        &s[self.span.clone()]
    }
}

/// What a document's own writing says of its words' case: those it writes capitalised inside a
/// sentence and never in lowercase (`Bush` in `Reggie Bush missed four games`, never `a
/// bush`). Such a word opening a sentence (`Bush missed four games`) is the name, where a
/// word the document also writes in lowercase (`Police`, `police said`) may be any word.
#[derive(Debug, Default)]
pub struct Casing<'a> {
    names: rustc_hash::FxHashSet<&'a str>,
}

impl<'a> Casing<'a> {
    /// Reads `text` and `lower`, its ASCII lowercase: one pass for the capitalised words
    /// inside sentences, a second, when there are any, for the lowercase ones.
    pub fn of(text: &str, lower: &'a str) -> Casing<'a> {
        debug_assert_eq!(text.len(), lower.len());
        let mut names = rustc_hash::FxHashSet::default();
        // Which first letters and lengths the names have: most lowercase words are none of
        // them, and are passed over without hashing.
        let mut shapes = [0u32; 26];
        let shape = |w: &str| {
            let first = usize::from(w.as_bytes()[0].wrapping_sub(b'a')).min(25);
            (first, 1u32 << w.len().min(31))
        };
        // Two passes, so that nothing is kept of the lowercase words but their verdict.
        words(text, |start, end, inside, title| {
            let raw = &text.as_bytes()[start..end];
            if raw[0].is_ascii_uppercase()
                && inside
                && end - start > 1
                && raw.iter().any(u8::is_ascii_lowercase)
                && !title()
            {
                let word = &lower[start..end];
                let (f, bit) = shape(word);
                shapes[f] |= bit;
                names.insert(word);
            }
        });
        if !names.is_empty() {
            words(text, |start, end, _, _| {
                let w = &lower[start..end];
                let (f, bit) = shape(w);
                if text.as_bytes()[start].is_ascii_lowercase() && shapes[f] & bit != 0 {
                    names.remove(w);
                }
            });
        }
        Casing { names }
    }

    /// Whether the document writes `lower` only as a name.
    pub fn is_name(&self, lower: &str) -> bool {
        self.names.contains(lower)
    }
}

/// Calls `each(start, end, inside, title)` for every run of ASCII letters (and apostrophes) of
/// `text`: whether a word or a comma-like mark comes before it in its sentence (a line break
/// starts one: a headline or a byline has no full stop), and, asked of a capitalised word
/// only, whether its line is in title case (`Forty Held After Derby Violence`), whose
/// capitals say nothing of names.
fn words(text: &str, mut each: impl FnMut(usize, usize, bool, &mut dyn FnMut() -> bool)) {
    let b = text.as_bytes();
    // The last byte before the current word that is not a space.
    let mut before = b'.';
    let mut line = 0;
    let mut title: Option<bool> = None;
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphabetic() {
            if b[i] == b'\n' {
                before = b'.';
                line = i + 1;
                title = None;
            } else if !b[i].is_ascii_whitespace() {
                before = b[i];
            }
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_alphabetic() || b[i] == b'\'') {
            i += 1;
        }
        let inside = before.is_ascii_alphanumeric() || matches!(before, b',' | b';' | b'(');
        let mut in_title = || {
            *title.get_or_insert_with(|| {
                let end = memchr::memchr(b'\n', &b[line..]).map_or(b.len(), |e| line + e);
                title_case(&text[line..end])
            })
        };
        each(start, i, inside, &mut in_title);
        before = b[i - 1];
    }
}

/// Whether a line is written in title case: three words or more, most of them capitalised,
/// and no full stop at its end (a headline, not a sentence full of names).
fn title_case(line: &str) -> bool {
    if line.trim_end().ends_with(['.', '!', '?', '"', '\u{201D}']) {
        return false;
    }
    let words = line
        .split_whitespace()
        .filter(|w| w.starts_with(|c: char| c.is_ascii_alphabetic()));
    let (mut n, mut capital) = (0, 0);
    for w in words {
        n += 1;
        capital += usize::from(w.starts_with(|c: char| c.is_ascii_uppercase()));
    }
    n >= 3 && capital * 3 >= n * 2
}

/// A sentence's tokens with the text they index, lowercased once (ASCII) for lookups.
pub struct Tokens<'a> {
    /// The whole text the spans index.
    pub text: &'a str,
    pub toks: Vec<Token>,
    /// ASCII lowercase of the text from byte `base` on (at least the sentence).
    lower: Cow<'a, str>,
    base: usize,
    /// Each token's slice of `lower` when that is borrowed (a document's, made once), so the
    /// many lookups of a token's lowercase do not slice it again; empty when `lower` is owned.
    lowers: Vec<&'a str>,
    /// The document's casing, read on first use, and the document's lowercase to read it
    /// from, when made with [`Tokens::with_lower`].
    casing: Option<(&'a OnceCell<Casing<'a>>, &'a str)>,
}

impl<'a> Tokens<'a> {
    /// Tokenizes `text[range]`; token offsets stay offsets into `text`.
    pub fn new(text: &'a str, range: Range<usize>) -> Tokens<'a> {
        Tokens {
            toks: tokenize(&text[range.clone()], range.start),
            lower: Cow::Owned(text[range.clone()].to_ascii_lowercase()),
            base: range.start,
            text,
            lowers: Vec::new(),
            casing: None,
        }
    }

    /// [`Tokens::new`] with `lower`, the ASCII lowercase of the whole `text`, and a cell for
    /// its [`Casing`] (read only if some sentence asks), both shared by a document's
    /// sentences.
    pub fn with_lower(
        text: &'a str,
        lower: &'a str,
        casing: &'a OnceCell<Casing<'a>>,
        range: Range<usize>,
    ) -> Tokens<'a> {
        debug_assert_eq!(text.len(), lower.len());
        let toks = tokenize(&text[range.clone()], range.start);
        let lowers = toks.iter().map(|t| &lower[t.span.clone()]).collect();
        Tokens {
            toks,
            lower: Cow::Borrowed(lower),
            base: 0,
            text,
            lowers,
            casing: Some((casing, lower)),
        }
    }

    /// Whether the document writes word `i` only as a name (see [`Casing`]); false for a
    /// sentence read alone.
    pub fn named(&self, i: usize) -> bool {
        self.casing.is_some_and(|(cell, lower)| {
            cell.get_or_init(|| Casing::of(self.text, lower))
                .is_name(self.lower(i))
        })
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Token `i` as written (`""` past the end).
    pub fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.span.clone()])
    }

    /// Token `i` in ASCII lowercase (`""` past the end).
    pub fn lower(&self, i: usize) -> &str {
        if let Some(w) = self.lowers.get(i) {
            return w;
        }
        self.toks.get(i).map_or("", |t| {
            &self.lower[t.span.start - self.base..t.span.end - self.base]
        })
    }

    /// Token `i` fully lowercased: borrowed from the ASCII lowercase when it is ASCII, else
    /// Unicode-lowercased (`Élysée` → `élysée`).
    pub fn folded(&self, i: usize) -> Cow<'_, str> {
        let w = self.raw(i);
        if w.is_ascii() {
            Cow::Borrowed(self.lower(i))
        } else {
            Cow::Owned(w.to_lowercase())
        }
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// The sentence lowercased, and the offset of its first byte in `text`.
    pub(crate) fn lowered(&self) -> (&str, usize) {
        (&self.lower, self.base)
    }

    /// Each token's lowercase, when made with [`Tokens::with_lower`] (else empty).
    pub(crate) fn lowers(&self) -> &[&'a str] {
        &self.lowers
    }
}

/// Length of a web address starting at `rest`, if one does: a scheme (`https://`), `www.`,
/// or a domain followed by a path (`i24news.tv/en/news`, as left when a splitter cut a URL).
fn address_len(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    let starts = |p: &str| b.len() > p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    // Most runs are plain words: no slash before the next space means no address.
    let end = b
        .iter()
        .position(|&c| c.is_ascii_whitespace() || matches!(c, b'"' | b'<' | b'>'))
        .unwrap_or(b.len());
    if !b[..end].contains(&b'/') && !starts("www.") {
        return None;
    }
    let end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>'))
        .unwrap_or(rest.len());
    let chunk = &rest[..end];
    let scheme = chunk.contains("://") && chunk.starts_with(|c: char| c.is_ascii_alphabetic());
    let domain_path = || {
        let Some(slash) = chunk.find('/') else {
            return false;
        };
        let host = &chunk[..slash];
        let mut labels = host.split('.');
        let first = labels.next().unwrap_or("");
        let rest: Vec<&str> = labels.collect();
        !first.is_empty()
            && !rest.is_empty()
            && rest
                .iter()
                .all(|l| !l.is_empty() && l.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-'))
            && rest.last().is_some_and(|tld| {
                (2..=6).contains(&tld.len()) && tld.bytes().all(|c| c.is_ascii_lowercase())
            })
    };
    if !(scheme || starts("www.") || domain_path()) {
        return None;
    }
    // Sentence punctuation after an address is not part of it.
    Some(
        rest[..end]
            .trim_end_matches(['.', ',', ';', ':', ')', '!', '?'])
            .len(),
    )
}

/// Splits `text` into tokens; offsets are relative to `text` plus `base`.
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    let mut glued = false;
    // Where the current run of non-space text starts (byte, token index, glue).
    let mut run = (0, 0, false);
    let scheme = |b: &[u8]| {
        let starts = |p: &[u8]| b.len() > p.len() && b[..p.len()].eq_ignore_ascii_case(p);
        starts(b"http") || starts(b"www.") || starts(b"ftp:")
    };
    while i < text.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            glued = false;
            i += 1;
            continue;
        }
        let start = i;
        if !glued {
            run = (i, out.len(), false);
        }
        // A slash inside a run that began with a word may make the run a web address cut
        // from its scheme (`i24news.tv/en/news`): re-read the run as one token.
        if b == b'/' && glued && bytes[run.0].is_ascii_alphanumeric() {
            // Only an address that reaches past this slash: one that ended before it (`n.km/`
            // then `"/`) was already read, and re-reading it would move the cursor back.
            if let Some(n) = address_len(&text[run.0..]).filter(|&n| run.0 + n > i) {
                out.truncate(run.1);
                out.push(Token {
                    kind: TokenKind::Address,
                    span: base + run.0..base + run.0 + n,
                    glued: run.2,
                });
                i = run.0 + n;
                continue;
            }
        }
        let kind = if b.is_ascii_digit() {
            i += 1;
            loop {
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                // A separator counts only between digits.
                if i + 1 < bytes.len()
                    && matches!(bytes[i], b',' | b'.')
                    && bytes[i + 1].is_ascii_digit()
                {
                    i += 1;
                } else {
                    break;
                }
            }
            TokenKind::Number
        } else if let Some(n) = (!glued && scheme(&bytes[i..]))
            .then(|| address_len(&text[i..]))
            .flatten()
        {
            // Only where a run of text starts: an address is one run.
            i += n;
            TokenKind::Address
        } else if b.is_ascii_alphabetic() || (b >= 0x80 && is_letter_at(text, i)) {
            {
                i += if b < 0x80 { 1 } else { char_len(text, i) };
                loop {
                    if i >= bytes.len() {
                        break;
                    }
                    let c = bytes[i];
                    if c.is_ascii_alphabetic() {
                        i += 1;
                    } else if c >= 0x80 {
                        let ch = text[i..].chars().next().expect("in bounds");
                        if ch.is_alphabetic()
                            || is_mark(ch)
                            || (ch == '\u{2019}' && letter_follows(text, i + ch.len_utf8()))
                        {
                            i += ch.len_utf8();
                        } else {
                            break;
                        }
                    } else if (c == b'\'' || c == b'.') && letter_follows(text, i + 1) {
                        // `U.S.` keeps its dots, `don't` its apostrophe; `Mr.` followed by a
                        // space keeps none (the sentence splitter owns that dot).
                        i += 1;
                    } else {
                        break;
                    }
                }
                TokenKind::Word
            }
        } else if b == b'@' && glued && !out.is_empty() {
            // `name@host.org`: fold the mail address into one token.
            let prev: &mut Token = out.last_mut().expect("not empty");
            let end = text[i..]
                .find(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>' | ',' | ';'))
                .map_or(text.len(), |n| i + n);
            let end = text[..end].trim_end_matches(['.', ')']).len().max(i + 1);
            prev.kind = TokenKind::Address;
            prev.span.end = base + end;
            i = end;
            continue;
        } else {
            i += if b < 0x80 { 1 } else { char_len(text, i) };
            TokenKind::Symbol
        };
        out.push(Token {
            kind,
            span: base + start..base + i,
            glued,
        });
        glued = true;
    }
    out
}

fn char_len(text: &str, i: usize) -> usize {
    text[i..].chars().next().map_or(1, char::len_utf8)
}

fn is_letter_at(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_some_and(char::is_alphabetic)
}

fn letter_follows(text: &str, i: usize) -> bool {
    text.get(i..)
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_alphabetic)
}

fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(s: &str) -> Vec<(&str, TokenKind, bool)> {
        tokenize(s, 0)
            .iter()
            .map(|t| (t.text(s), t.kind, t.glued))
            .collect()
    }

    #[test]
    fn casing_knows_the_words_a_document_writes_only_as_names() {
        let text = "Police said Reggie Bush will miss two games. Bush hurt a knee. \
                    Officers from the Metropolitan Police came; police left. A CAR left. \
                    Smith, the coach, agreed.";
        let lower = text.to_ascii_lowercase();
        let c = Casing::of(text, &lower);
        assert!(c.is_name("bush") && c.is_name("reggie") && c.is_name("metropolitan"));
        // Written in lowercase too, only in capitals, or only first in a sentence.
        assert!(!c.is_name("police") && !c.is_name("car"));
        assert!(!c.is_name("smith") && !c.is_name("officers"));
        // A line break starts a sentence, and a title-case line says nothing of names.
        let text = "Forty Held After Derby Violence\nOfficers arrested 40 fans. Officers said so.";
        let lower = text.to_ascii_lowercase();
        let c = Casing::of(text, &lower);
        assert!(!c.is_name("officers") && !c.is_name("derby") && !c.is_name("violence"));
    }

    #[test]
    fn numbers_words_and_symbols() {
        use TokenKind::*;
        assert_eq!(
            show("$3.4bn, 1,200 twenty-five U.S. 20-25."),
            vec![
                ("$", Symbol, false),
                ("3.4", Number, true),
                ("bn", Word, true),
                (",", Symbol, true),
                ("1,200", Number, false),
                ("twenty", Word, false),
                ("-", Symbol, true),
                ("five", Word, true),
                ("U.S", Word, false),
                (".", Symbol, true),
                ("20", Number, false),
                ("-", Symbol, true),
                ("25", Number, true),
                (".", Symbol, true),
            ]
        );
    }

    #[test]
    fn trailing_separators_are_not_part_of_numbers() {
        assert_eq!(show("in 2019, 300.")[1].0, "2019");
        assert_eq!(show("300.")[0].0, "300");
    }

    #[test]
    fn addresses_are_one_token() {
        use TokenKind::*;
        let t = show("see https://x.org/a?q=30%25 or www.b.com, mail jo@c.org.");
        assert_eq!(t[1], ("https://x.org/a?q=30%25", Address, false));
        assert_eq!(t[3], ("www.b.com", Address, false));
        assert_eq!(t[6], ("jo@c.org", Address, false));
    }

    #[test]
    fn an_address_ending_before_a_quote_is_not_read_again_at_the_next_slash() {
        use TokenKind::*;
        let t = show("n.km/\"/");
        assert_eq!(t[0], ("n.km/", Address, false));
        assert_eq!(t.last().unwrap().0, "/");
        let t = show("Visit example.com/a\"b/c for details.");
        assert_eq!(t[1], ("example.com/a", Address, false));
        assert!(t.iter().any(|&(s, _, _)| s == "details"));
    }
}
