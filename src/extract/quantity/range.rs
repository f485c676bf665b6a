//! Intervals made of two figures: `between X and Y`, `from X to Y`, `20-25`, `3 to 4 L`, `8- to
//! 16-meter`, opposite bounds side by side (`more than 10 and less than 40`), and a unit
//! shared across a list (`45 and 50 mg`).

use super::figure::Single;
use super::reader::Parser;
use super::unit::{age_unit, Unit};
use super::{Quantity, QuantityKind};
use crate::extract::lexicon::HedgeKind;

impl Parser<'_> {
    /// `between X and Y`, `from X to Y` at `i`.
    pub(super) fn between(&self, i: usize) -> Option<Quantity> {
        let from = self.lower(i) == "from";
        if from && self.change_before(i) {
            return None;
        }
        let skip_the = |k: usize| if self.lower(k) == "the" { k + 1 } else { k };
        let a = self.single(skip_the(i + 1))?;
        let joiner = self.lower(a.end);
        let ok = if from {
            matches!(joiner, "to" | "through" | "until" | "till" | "-")
        } else {
            matches!(joiner, "and" | "to" | "-")
        };
        if !ok || a.hedge == HedgeKind::Vague {
            return None;
        }
        let b = self.single(skip_the(a.end + 1))?;
        let mut a = a;
        a.start = i;
        self.merge(a, b, true)
    }

    /// Whether a change verb stands just before `i` (`rose from`, `cut 30 to 25`).
    fn change_before(&self, i: usize) -> bool {
        (i.saturating_sub(3)..i).any(|k| self.lx.is_cue("change", self.lower(k)))
    }

    /// `20-25`, `3 to 4 L`, `8- to 16-meter`, `20~100`, `20 through 100` after a figure.
    pub(super) fn range_after(&self, a: &Single) -> Option<Quantity> {
        if !matches!(a.hedge, HedgeKind::Exact | HedgeKind::Approx)
            || a.value.is_none()
            || a.kind.is_some_and(|k| {
                !matches!(
                    k,
                    QuantityKind::Money
                        | QuantityKind::Measure
                        | QuantityKind::Percent
                        | QuantityKind::PercentagePoints
                        | QuantityKind::Age
                )
            })
        {
            return None;
        }
        let j = a.end;
        let k = match self.lower(j) {
            "-" => {
                if self.glued(j) && self.lower(j + 1) == "to" {
                    j + 2
                } else if self.glued(j) == self.glued(j + 1) {
                    j + 1
                } else {
                    return None;
                }
            }
            "~" => j + 1,
            "to" | "through" | "thru" => {
                if self.change_before(a.start) {
                    return None;
                }
                j + 1
            }
            _ => return None,
        };
        let b = self.single(k)?;
        if b.hedge != HedgeKind::Exact {
            return None;
        }
        // `since Dec. 27 to 660`: a day after a month starts a range of days only (`October
        // 1-2`), never one of a figure that is no later day.
        let day = |s: &Single| {
            s.value
                .is_some_and(|v| v.fract() == 0.0 && (1.0..=31.0).contains(&v))
        };
        if self.month_before(a.start) && !(day(&b) && b.value > a.value) {
            return None;
        }
        // A unit written after the first figure and none after the second: the second is
        // another figure, not the range's end (`gained 0.4 percent to 7,215.30`, a change and
        // a level). A shared unit is written last (`3 to 4 L`) or on both (`5% to 10%`).
        if a.unit_token.is_some() && b.unit.is_none() {
            return None;
        }
        let dash = self.lower(j) == "-";
        // `three-nought-four` is no range; `20-25`, `5k-20k` are.
        let digits = |s: &Single| s.num.as_ref().is_some_and(|n| !n.words);
        if dash && !(digits(a) && digits(&b)) {
            return None;
        }
        self.merge(a.clone(), b, !dash)
    }

    /// Two figures as one range, if their units agree. `descending` allows `-18 °C to -34 °C`.
    fn merge(&self, a: Single, b: Single, words: bool) -> Option<Quantity> {
        let (av, bv) = (a.value?, b.value?);
        if (a.kind == Some(QuantityKind::Ordinal)) != (b.kind == Some(QuantityKind::Ordinal)) {
            return None;
        }
        let unit = match (&a.unit, &b.unit) {
            (Some(x), Some(y)) if x.dimension != y.dimension => return None,
            (Some(x), Some(y)) if x.name != y.name && x.dimension.starts_with("money") => {
                return None
            }
            (x, y) => y.clone().or(x.clone()),
        };
        // A scale on the second end only applies to both: `1.5-2 million`.
        let mut lo = av;
        if a.scale == 1.0 && b.scale > 1.0 && av <= bv / b.scale {
            lo = av * b.scale;
        }
        let hi = bv;
        if hi < lo && !(words && lo <= 0.0 && hi < 0.0) {
            return None;
        }
        let kind = b.kind.or(a.kind).or(unit.as_ref().map(Unit::kind));
        let (low, high) = (lo.min(hi), lo.max(hi));
        let mut q = Quantity {
            span: self.span(a.start, b.end),
            kind: kind.unwrap_or(QuantityKind::Count),
            value: None,
            low: Some(low),
            high: Some(high),
            hedge: HedgeKind::Range,
            unit,
            decimals: a.decimals.max(b.decimals),
            fraction: false,
            scaled: b.scale != 1.0 || a.scale != 1.0,
            end_token: b.end,
            start_token: a.start,
            unit_token: b.unit_token.or(a.unit_token),
            whole: None,
            whole_end: None,
            set: false,
            tally: None,
            date: None,
            moment: false,
            spread: false,
            increment: false,
        };
        if kind.is_none() {
            // `2010-2012` without a unit reads like years.
            let plain = |s: &Single| {
                s.num
                    .as_ref()
                    .is_some_and(|n| n.plain && (1000.0..=2100.0).contains(&n.value))
            };
            if plain(&a) && plain(&b) && self.raw(a.num.as_ref()?.start).len() == 4 {
                q.kind = QuantityKind::Year;
            } else if let Some(at) = self.age_before(a.start) {
                // `children aged 5-11`: a range of ages.
                q.kind = QuantityKind::Age;
                q.unit = Some(age_unit("year"));
                q.span = self.span(at, b.end);
                q.start_token = at;
            }
        }
        Some(q)
    }

    /// Joins a lower and an upper bound written side by side: `more than 10 and less than
    /// 40`, `at most 100 and at least 20`, `above 1000, below 1500`.
    pub(super) fn join_bounds(&self, out: &mut Vec<Quantity>) {
        let mut i = 0;
        while i + 1 < out.len() {
            let (a, b) = (&out[i], &out[i + 1]);
            let joined = b.start_token == a.end_token + 1
                && matches!(self.lower(a.end_token), "and" | "but" | ",")
                && a.unit.as_ref().map(|u| &u.dimension) == b.unit.as_ref().map(|u| &u.dimension);
            let pair = if a.hedge.is_lower_bound() && b.hedge.is_upper_bound() {
                Some((a, b))
            } else if a.hedge.is_upper_bound() && b.hedge.is_lower_bound() {
                Some((b, a))
            } else {
                None
            };
            match pair {
                Some((lo, hi)) if joined && lo.value < hi.value => {
                    let merged = Quantity {
                        span: a.span.start..b.span.end,
                        kind: a.kind,
                        value: None,
                        low: lo.value,
                        high: hi.value,
                        hedge: HedgeKind::Range,
                        unit: a.unit.clone(),
                        decimals: a.decimals.max(b.decimals),
                        fraction: false,
                        scaled: a.scaled || b.scaled,
                        end_token: b.end_token,
                        start_token: a.start_token,
                        unit_token: a.unit_token,
                        whole: None,
                        whole_end: None,
                        set: false,
                        tally: None,
                        date: None,
                        moment: false,
                        spread: false,
                        increment: false,
                    };
                    out[i] = merged;
                    out.remove(i + 1);
                }
                _ => i += 1,
            }
        }
    }

    /// A bare figure listed after a magnitude or an age is one too: `magnitude 2.9 and 2.2`,
    /// `three men, aged 24, 31 and 45`.
    pub(super) fn share_kinds(&self, out: &mut [Quantity]) {
        for i in 1..out.len() {
            let (head, tail) = out.split_at_mut(i);
            let (a, b) = (&head[i - 1], &mut tail[0]);
            let listed = b.kind == QuantityKind::Count
                && b.unit.is_none()
                && b.hedge == HedgeKind::Exact
                && b.start_token == a.end_token + 1
                && matches!(self.lower(a.end_token), "and" | "or" | ",");
            let Some(v) = b.value.filter(|_| listed) else {
                continue;
            };
            let age = a.kind == QuantityKind::Age && v.fract() == 0.0 && (1.0..=120.0).contains(&v);
            if a.kind == QuantityKind::Magnitude && v.fract() != 0.0 && v < 10.0 {
                b.kind = QuantityKind::Magnitude;
            } else if age
                && (!self.is_word(b.end_token) || matches!(self.lower(b.end_token), "and" | "or"))
            {
                b.kind = QuantityKind::Age;
                b.unit = a.unit.clone();
            }
        }
    }

    /// A bare figure listed before one with a unit takes that unit: `45 and 50 mg`, `5, 10
    /// or 15 percent`; so does one whose hyphen is left hanging for the unit to come (`32-
    /// and 64-bit versions`, `two- or three-year terms`).
    pub(super) fn share_units(&self, out: &mut [Quantity]) {
        for i in (0..out.len().saturating_sub(1)).rev() {
            let (head, tail) = out.split_at_mut(i + 1);
            let (a, b) = (&mut head[i], &tail[0]);
            let mut k = a.end_token;
            let hanging = self.is_sym(k, "-") && b.unit_token.is_some();
            if hanging {
                k += 1;
            }
            if a.kind == QuantityKind::Count
                && a.unit.is_none()
                && a.value.is_some()
                && b.unit.is_some()
                && matches!(
                    b.kind,
                    QuantityKind::Measure
                        | QuantityKind::Money
                        | QuantityKind::Percent
                        | QuantityKind::Age
                )
                // A unit hyphenated on is a measure's or an age's, never money's; an age
                // written as one word with its figure names one person (`three and 12-year-old
                // Ann` are two), where `61 and 48 years old` gives both.
                && if hanging {
                    b.kind != QuantityKind::Money
                } else {
                    b.kind != QuantityKind::Age || !self.is_sym(b.start_token + 1, "-")
                }
                && b.start_token == k + 1
                && matches!(self.lower(k), "and" | "or" | ",")
            {
                a.unit = b.unit.clone();
                a.kind = b.kind;
            }
        }
    }
}

impl Parser<'_> {
    /// Marks a range a spread when a word of spread opens it (`ranging from 7 to 75`,
    /// `varied between 2 and 9`: cue class `spread`).
    pub(super) fn mark_spread(&self, q: &mut Quantity) {
        let s = q.start_token;
        q.spread = q.hedge == HedgeKind::Range
            && q.low.is_some()
            && q.high.is_some()
            && s >= 1
            && matches!(self.lower(s), "from" | "between")
            && self.lx.is_cue("spread", self.lower(s - 1));
    }
}
