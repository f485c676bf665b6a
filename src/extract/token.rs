//! A small tokenizer for normalized sentence text: words, numbers and single symbols, with
//! byte offsets, and whether each token is glued to the one before it.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner apostrophes, hyphens and dots between letters (`twenty-five`, `U.S`).
    Word,
    /// Digits with inner `,` or `.` groups (`1,200`, `3.5`, `192.168.1.2`).
    Number,
    /// Any other single non-space char.
    Symbol,
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

/// Splits `text` into tokens; offsets are relative to `text` plus `base`.
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    let mut glued = false;
    while i < text.len() {
        let c = text[i..].chars().next().expect("in bounds");
        let len = c.len_utf8();
        if c.is_whitespace() {
            glued = false;
            i += len;
            continue;
        }
        let start = i;
        let kind = if c.is_ascii_digit() {
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
        } else if c.is_alphabetic() {
            i += len;
            loop {
                let rest = &text[i..];
                let mut chars = rest.chars();
                match chars.next() {
                    Some(n) if n.is_alphabetic() || is_mark(n) => i += n.len_utf8(),
                    Some(p @ ('\'' | '-' | '.'))
                        if chars.next().is_some_and(|n| n.is_alphabetic()) =>
                    {
                        // `U.S.` keeps its dots, `twenty-five` its hyphen, `don't` its apostrophe;
                        // `Mr.` followed by a space keeps none (the sentence splitter owns that dot).
                        if p == '.' && !rest[1..].starts_with(|n: char| n.is_alphabetic()) {
                            break;
                        }
                        i += 1;
                    }
                    _ => break,
                }
            }
            TokenKind::Word
        } else {
            i += len;
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
                ("twenty-five", Word, false),
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
}
