//! Digits that name rather than count: codes (`i7`, `SCP-173`), names with a number (`Windows
//! 10`, `Voyager 2`), phone numbers, addresses and number pairs. None of them is an amount.

use super::digits::{read_digits, Digits};
use super::reader::{group_value, DigitGroups, Parser};
use super::{Quantity, QuantityKind};

impl Parser<'_> {
    /// Whether the digits at `start` are part of a code: glued to a word before (`i7`,
    /// `L2`), after a word and hyphen (`SCP-173`), or chained to such digits (`J1149.5+6663`).
    pub(super) fn is_code(&self, start: usize) -> bool {
        if start == 0 || !self.glued(start) || !self.is_number(start) {
            return false;
        }
        let p = start - 1;
        if self.is_word(p) {
            // `M7.8` is a magnitude; `x10`, `e6` are exponents read with the numeral.
            return !(self.raw(p) == "M" || self.lx.currencies.matches(self, p).next().is_some());
        }
        if matches!(self.raw(p), "-" | "+") && self.glued(p) && p > 0 {
            let q = p - 1;
            if self.is_word(q) {
                let w = self.lower(q);
                return !matches!(
                    w,
                    "mid"
                        | "pre"
                        | "post"
                        | "early"
                        | "late"
                        | "over"
                        | "under"
                        | "top"
                        | "sub"
                        | "magnitude"
                ) && self.lx.units.longest(self, q).is_none()
                    && self.lx.currencies.longest(self, q).is_none();
            }
            return self.is_number(q) && self.is_code(q);
        }
        false
    }

    /// `Oregon 214`, `Voyager 2`, `Windows 10`: a name with a number counts nothing. The name
    /// is capitalised mid-sentence, not a word that starts a headline clause (`Quake Kills
    /// 5`), and nothing lowercase is counted after the number.
    pub(super) fn named_number(&self, start: usize, end: usize) -> bool {
        if start < 2 || !self.is_word(start - 1) || self.glued(start) {
            return false;
        }
        let name = self.raw(start - 1);
        let lower = self.lower(start - 1);
        let capital = name.starts_with(|c: char| c.is_uppercase())
            && name.chars().skip(1).any(char::is_lowercase);
        let verb_like = lower.ends_with('s') || lower.ends_with("ed") || lower.ends_with("ing");
        let common = self.lx.stopwords.contains(lower)
            || self.lx.months.contains(lower)
            || self.lx.is_cue("weekday", lower)
            || self.lx.class_of(lower).is_some();
        let counts_next = self.is_word(end)
            && self.raw(end).starts_with(|c: char| c.is_lowercase())
            && !self.lx.stopwords.contains(self.lower(end));
        capital && !verb_like && !common && !counts_next
    }

    /// Dotted digit groups (`192.168.1.2`, `1.2.3`): an address or version, or a date written
    /// with dots (`12.05.2019`).
    pub(super) fn dotted(&self, i: usize) -> Option<Quantity> {
        let raw = self.raw(i);
        if read_digits(raw) != Digits::Dotted {
            return None;
        }
        let groups: Vec<&str> = raw.split('.').collect();
        let date = groups.len() == 3
            && groups[0].len() <= 2
            && groups[1].len() <= 2
            && groups[2].len() == 4;
        let kind = if date {
            QuantityKind::Date
        } else {
            QuantityKind::Identifier
        };
        Some(self.typed(i, i + 1, kind, None))
    }

    /// A phone number: three or more groups of seven digits or more, `555-1234`, or a
    /// number after a glued `+` (`+1-222-2222/2222`).
    pub(super) fn phone(&self, g: &DigitGroups) -> Option<Quantity> {
        let i = g.start;
        let plus = i > 0 && self.is_sym(i - 1, "+") && self.glued(i);
        let total = g.total();
        let phone = (g.digits.len() >= 3 && total >= 7)
            || (g.digits.len() == 2 && g.digits[0].len() == 3 && g.digits[1].len() == 4)
            || (plus && total >= 7);
        phone.then(|| {
            let start = if plus { i - 1 } else { i };
            self.typed(start, g.end, QuantityKind::Identifier, None)
        })
    }

    /// `24/7`, `9/11`: a pair that is neither a fraction nor a date.
    pub(super) fn number_pair(&self, g: &DigitGroups) -> Option<Quantity> {
        (g.digits.len() == 2
            && g.seps == ["/"]
            && group_value(g.digits[0]) >= group_value(g.digits[1]))
        .then(|| self.typed(g.start, g.end, QuantityKind::Identifier, None))
    }

    /// `(555) 123-4567`: an area code in brackets before a phone number.
    pub(super) fn bracketed_phone(&self, i: usize) -> Option<Quantity> {
        let paren = i > 0 && self.is_sym(i - 1, "(") && self.raw(i + 1) == ")";
        if !paren || self.raw(i).len() != 3 {
            return None;
        }
        let rest = i + 2;
        (self.is_number(rest) && self.glued(rest + 1) && self.is_sym(rest + 1, "-"))
            .then(|| self.typed(i - 1, rest + 3, QuantityKind::Identifier, None))
    }
}
