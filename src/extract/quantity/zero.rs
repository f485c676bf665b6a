//! Zero and negation as figures: `nobody was killed`, `no one was hurt`, `there were no
//! arrests`, `no immediate reports of casualties`, `none of the passengers survived`, `not a
//! single shot`, `not one of the 30`. Each is a count of 0, which another report's `at least
//! 7 dead` contradicts. The words around such a count are in `data/zero.tsv`.

use super::reader::Parser;
use super::{Quantity, QuantityKind};

/// How many modifiers may stand between `no` and what it counts (`no immediate official
/// reports of`).
const MAX_MODIFIERS: usize = 3;

/// What `none of` may not be followed by: `none of this matters` counts nothing.
const NONE_OF_NOTHING: &[&str] = &["this", "that", "it", "which", "what", "whom", "your"];

impl Parser<'_> {
    /// Whether token `k` may open a zero count (cheap: the pass over a sentence asks it of
    /// every word near no digit).
    pub(super) fn zero_start(&self, k: usize) -> bool {
        // Every zero word starts with `n`: most words are rejected on their first byte.
        if !matches!(self.first_byte(k), b'n' | b'N') {
            return false;
        }
        match self.lower(k) {
            "no" | "nobody" | "none" => true,
            "not" => matches!(self.lower(k + 1), "one" | "a" | "single"),
            _ => false,
        }
    }

    /// A zero count starting at token `i`.
    pub(super) fn zero(&self, i: usize) -> Option<Quantity> {
        if !self.is_word(i) {
            return None;
        }
        let end = match self.lower(i) {
            "nobody" => i + 1,
            "no" if self.lower(i + 1) == "one" => i + 2,
            "no" if self.lower(i + 1) == "-" && self.lower(i + 2) == "one" && self.glued(i + 1) => {
                i + 3
            }
            "no" => self.no_count(i)?,
            "none" => self.none(i)?,
            "not" => match (self.lower(i + 1), self.lower(i + 2)) {
                ("a", "single") => i + 3,
                ("one", _) => i + 2,
                _ => return None,
            },
            _ => return None,
        };
        let mut q = self.typed(i, end, QuantityKind::Count, Some(0.0));
        // `none of the 150 passengers`, `not one of the 30`: 0 of a whole.
        self.read_whole(&mut q, 0.0);
        Some(q)
    }

    /// `no arrests`, `no dead or wounded`, `no serious injuries`, `no immediate reports of
    /// casualties`: the end of the words before what is counted (the counted phrase starts
    /// there), when `no` counts something: a plural of a known measure or a word listed.
    fn no_count(&self, i: usize) -> Option<usize> {
        // `no more than 30`, `no fewer than 30` are hedges.
        if self.lx.hedges.longest(self, i).is_some() {
            return None;
        }
        let mut k = self.skip_modifiers(i + 1);
        if self.lx.is_zero_word("report", self.lower(k)) && self.lower(k + 1) == "of" {
            k = self.skip_modifiers(k + 2);
        }
        let noun = self.lower(k);
        let counted = self.is_word(k)
            && (self.lx.is_zero_word("noun", noun)
                || noun.ends_with('s')
                    && !noun.ends_with("ss")
                    && self.lx.class_of(noun).is_some());
        counted.then_some(k)
    }

    fn skip_modifiers(&self, mut k: usize) -> usize {
        let start = k;
        while k - start < MAX_MODIFIERS && self.lx.is_zero_word("modifier", self.lower(k)) {
            k += 1;
        }
        k
    }

    /// `none of the passengers`, `none of them`, `none survived`, `none were hurt`: the end
    /// of `none`.
    fn none(&self, i: usize) -> Option<usize> {
        let next = self.lower(i + 1);
        let counts = if next == "of" {
            self.is_word(i + 2) && !NONE_OF_NOTHING.contains(&self.lower(i + 2))
        } else {
            self.is_word(i + 1)
                && (self.lx.is_cue("aux", next)
                    || self.lx.is_cue("verb", next)
                    || next.ends_with("ed"))
        };
        counts.then_some(i + 1)
    }
}
