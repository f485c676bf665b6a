//! Currencies around a figure: a symbol or code before it (`$`, `HK$`, `USD`), a currency word
//! after it (`75m euros`), and the scale words a currency may carry (`USD 15 million`).

use super::reader::Parser;
use crate::extract::lexicon::{Currency, WordKind};
use crate::extract::token::TokenKind;

impl Parser<'_> {
    /// A currency written before the figure at `j`: the index after it.
    pub(super) fn currency_before(&self, j: usize) -> Option<(usize, &'static Currency)> {
        let t = self.tok(j)?;
        if t.kind == TokenKind::Number {
            return None;
        }
        self.lx
            .currencies
            .matches(self, j)
            .find(|(e, _, c)| {
                c.before && (!c.glued || self.glued(*e)) && {
                    // The figure (or its sign) follows: `$5`, `USD 200`, `$-99.99`, `$ .5`.
                    let mut k = *e;
                    if self.is_sym(k, "-") && self.glued(k + 1) {
                        k += 1;
                    }
                    self.is_number(k)
                        || (self.is_sym(k, ".") && self.is_number(k + 1))
                        || (*e - j == 1
                            && !self.glued(j + 1)
                            && self.raw(j).chars().all(|c| !c.is_alphanumeric())
                            && self.lx.number_word(self.lower(k)).is_some())
                }
            })
            .map(|(e, _, c)| (e, c))
    }

    /// A currency written after the figure at `j` (`5 dollars`, `10 €`, `115USD`, `of
    /// dollars` after a vague or scaled amount: `large`, a figure of millions or no exact
    /// value, which alone may take `of` and a currency word needing a cue, like `pounds`).
    pub(super) fn currency_after(
        &self,
        j: usize,
        large: bool,
    ) -> Option<(usize, &'static Currency)> {
        let mut k = j;
        if self.lower(k) == "of" && large {
            k += 1;
        } else if self.is_sym(k, "-") && self.glued(k) && self.glued(k + 1) {
            // `12-cent`, `one-yen`
            k += 1;
        }
        let found = self.lx.currencies.matches(self, k).find(|(e, _, c)| {
            c.after
                && (!c.glued || self.glued(k))
                && c.cue.is_none_or(|cue| large || self.has_cue(cue))
                && !self.tok(*e).is_some_and(|t| {
                    t.glued && matches!(t.kind, TokenKind::Word | TokenKind::Number)
                })
                // `1 $10`: a symbol before a figure belongs to that figure.
                && !(self.raw(k).chars().all(|ch| !ch.is_alphanumeric())
                    && (self.is_number(*e) || self.is_number(*e + 1) && self.is_sym(*e, "-")))
        })?;
        Some((found.0, found.2))
    }

    /// Scale words after a currency code or unit: `75 USD million`. Returns end and factor.
    pub(super) fn scale_words(&self, j: usize) -> Option<(usize, f64)> {
        match self.lx.number_word(self.lower(j)) {
            Some((m, WordKind::Scale)) if self.is_word(j) => Some((j + 1, m)),
            _ => None,
        }
    }
}
