//! The token view every part of the quantity grammar reads through: a sentence's tokens with
//! their lowercase text, lexicon flags looked up once per token, and the cue classes the
//! sentence mentions.

use super::{Quantity, QuantityKind};
use crate::extract::lexicon::{flag, lexicon, HedgeKind, Lexicon, TokenView};
use crate::extract::token::{Token, TokenKind};
use std::borrow::Cow;
use std::cell::{Cell, OnceCell};
use std::ops::Range;

/// Digit tokens joined by glued `-` or `/` (`5/17/2018`, `2013-14`, `1-222-2222`), as
/// dates, year spans and phone numbers are written.
pub(super) struct DigitGroups<'a> {
    /// Token index of the first group.
    pub start: usize,
    /// Each group as written.
    pub digits: Vec<&'a str>,
    /// The separator after each group but the last.
    pub seps: Vec<&'a str>,
    /// Token index after the last group.
    pub end: usize,
}

impl DigitGroups<'_> {
    /// Every group is plain digits (no `,` or `.` inside).
    pub fn all_digits(&self) -> bool {
        self.digits
            .iter()
            .all(|d| d.bytes().all(|b| b.is_ascii_digit()))
    }

    /// How many digits there are in all.
    pub fn total(&self) -> usize {
        self.digits.iter().map(|d| d.len()).sum()
    }
}

/// A group's value, or one too large to be a day, month or year.
pub(super) fn group_value(s: &str) -> u32 {
    s.parse::<u32>().unwrap_or(u32::MAX)
}

/// A token's flags not looked up yet.
const UNKNOWN: u16 = 0x8000;

/// Reads quantities from one sentence's tokens.
pub(crate) struct Parser<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: &'a [Token],
    pub(crate) lx: &'static Lexicon,
    /// Cue classes mentioned in the sentence, computed when first asked.
    cues: OnceCell<Vec<&'static str>>,
    /// Per token, what it can begin or be (lexicon [`flag`] bits), looked up when first
    /// needed ([`UNKNOWN`] until then).
    flags: Vec<Cell<u16>>,
    /// Per token, its ASCII lowercase (a slice of the sentence lowercased): sliced once, read
    /// many times.
    lowers: Cow<'a, [&'a str]>,
}

impl TokenView for Parser<'_> {
    fn count(&self) -> usize {
        self.toks.len()
    }
    fn raw(&self, i: usize) -> &str {
        Parser::raw(self, i)
    }
    fn lower(&self, i: usize) -> &str {
        Parser::lower(self, i)
    }
    fn may_begin(&self, i: usize, bit: u16) -> bool {
        self.flag(i) & bit != 0
    }
}

impl<'a> Parser<'a> {
    /// `lowers`, when given, is each token's slice of `lower_text` (else sliced here).
    pub(super) fn new(
        text: &'a str,
        toks: &'a [Token],
        lower_text: &'a str,
        base: usize,
        lowers: Option<&'a [&'a str]>,
    ) -> Parser<'a> {
        let lx = lexicon();
        let flags = toks
            .iter()
            .map(|t| {
                Cell::new(match t.kind {
                    TokenKind::Number => flag::NUMERIC,
                    TokenKind::Address => 0,
                    _ => UNKNOWN,
                })
            })
            .collect();
        let lowers = match lowers {
            Some(l) if l.len() == toks.len() => Cow::Borrowed(l),
            _ => Cow::Owned(
                toks.iter()
                    .map(|t| &lower_text[t.span.start - base..t.span.end - base])
                    .collect(),
            ),
        };
        Parser {
            text,
            toks,
            lx,
            cues: OnceCell::new(),
            flags,
            lowers,
        }
    }

    /// What token `i` can begin or be (lexicon [`flag`] bits); 0 past the end.
    pub(super) fn flag(&self, i: usize) -> u16 {
        let Some(c) = self.flags.get(i) else {
            return 0;
        };
        let f = c.get();
        if f != UNKNOWN {
            return f;
        }
        let f = self.lx.flags(self.lower(i));
        c.set(f);
        f
    }

    pub(crate) fn tok(&self, i: usize) -> Option<&'a Token> {
        self.toks.get(i)
    }

    pub(crate) fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.span.clone()])
    }

    pub(crate) fn lower(&self, i: usize) -> &str {
        self.lowers.get(i).copied().unwrap_or("")
    }

    /// The first byte of token `i` (0 past the end), without slicing the text.
    pub(super) fn first_byte(&self, i: usize) -> u8 {
        self.toks
            .get(i)
            .map_or(0, |t| self.text.as_bytes()[t.span.start])
    }

    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// How many tokens a possessive at `i` takes: one for `Creighton's` or `the club’s`, two for a plural
    /// ending in a bare apostrophe (`the Saints' 16 games`), none for a word that is no
    /// possessive.
    pub(super) fn possessive_len(&self, i: usize) -> usize {
        if !self.is_word(i) {
            return 0;
        }
        let w = self.lower(i);
        if ["'s", "\u{2019}s"].iter().any(|s| w.ends_with(s)) {
            1
        } else if w.ends_with('s')
            && (self.is_sym(i + 1, "'") || self.is_sym(i + 1, "\u{2019}"))
            && self.glued(i + 1)
            && !self.glued(i + 2)
        {
            2
        } else {
            0
        }
    }

    /// Whether a possessive ends just before token `k` (`Creighton's first`, `the Saints'
    /// last`).
    pub(super) fn possessive_before(&self, k: usize) -> bool {
        (1..=2).any(|n| k >= n && self.possessive_len(k - n) == n)
    }

    pub(super) fn is_number(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokenKind::Number)
    }

    pub(super) fn is_sym(&self, i: usize, s: &str) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokenKind::Symbol) && self.raw(i) == s
    }

    pub(crate) fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.glued)
    }

    /// Whether the sentence mentions a word of cue class `class` (`temperature`, `money`…).
    pub(super) fn has_cue(&self, class: &str) -> bool {
        let present = self.cues.get_or_init(|| {
            let mut found: Vec<&'static str> = Vec::new();
            for (name, words) in &self.lx.cues {
                if (0..self.toks.len()).any(|i| words.contains(self.lower(i))) {
                    found.push(name);
                }
            }
            found
        });
        present.contains(&class)
    }

    /// A quantity of a fixed kind over tokens `start..end`.
    pub(super) fn typed(
        &self,
        start: usize,
        end: usize,
        kind: QuantityKind,
        value: Option<f64>,
    ) -> Quantity {
        Quantity {
            span: self.span(start, end),
            kind,
            value,
            low: value,
            high: value,
            hedge: HedgeKind::Exact,
            unit: None,
            decimals: 0,
            fraction: false,
            scaled: false,
            end_token: end,
            start_token: start,
            unit_token: None,
            whole: None,
            whole_end: None,
            set: false,
            tally: None,
            date: None,
            moment: false,
            spread: false,
            increment: false,
        }
    }

    pub(super) fn span(&self, start: usize, end: usize) -> Range<usize> {
        let s = self.tok(start).map_or(0, |t| t.span.start);
        let e = self.tok(end.max(start + 1) - 1).map_or(s, |t| t.span.end);
        s..e
    }

    /// The digit groups starting at token `i` (at least the token itself).
    pub(super) fn digit_groups(&self, i: usize) -> DigitGroups<'a> {
        let mut g = DigitGroups {
            start: i,
            digits: vec![self.raw(i)],
            seps: Vec::new(),
            end: i + 1,
        };
        let mut k = i + 1;
        while self.glued(k)
            && matches!(self.raw(k), "-" | "/")
            && self.glued(k + 1)
            && self.is_number(k + 1)
        {
            g.seps.push(self.raw(k));
            g.digits.push(self.raw(k + 1));
            k += 2;
            g.end = k;
        }
        g
    }
}
