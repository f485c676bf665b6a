//! One figure as written: `[hedge] [sign] [currency] numeral [unit | currency | percent]
//! [after-hedge]`, or a vague amount (`dozens`, `several hundred`), before ranges join it to
//! another.

use super::numeral::Numeral;
use super::reader::Parser;
use super::unit::Unit;
use super::QuantityKind;
use crate::extract::lexicon::{AfterHedge, HedgeKind, WordKind};
use crate::extract::token::TokenKind;

/// One figure with its hedge and unit, before ranges join it to another.
#[derive(Debug, Clone)]
pub(super) struct Single {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) hedge: HedgeKind,
    pub(super) value: Option<f64>,
    pub(super) low: f64,
    pub(super) high: Option<f64>,
    pub(super) num: Option<Numeral>,
    pub(super) unit: Option<Unit>,
    pub(super) unit_token: Option<usize>,
    pub(super) kind: Option<QuantityKind>,
    pub(super) decimals: u32,
    pub(super) scale: f64,
}

impl Parser<'_> {
    /// A figure with its hedge and unit at `i`.
    pub(super) fn single(&self, i: usize) -> Option<Single> {
        let mut j = i;
        let mut hedge = HedgeKind::Exact;
        if let Some((e, h)) = self.lx.hedges.longest(self, j) {
            if self.glued_comparison(j) {
                return None;
            }
            hedge = *h;
            j = e;
        }
        let mut neg = false;
        if let Some(e) = self.sign(j) {
            neg = true;
            j = e;
        }
        let mut currency = None;
        if let Some((e, c)) = self.currency_before(j) {
            currency = Some(c);
            j = e;
            if !neg {
                if let Some(e) = self.sign(j) {
                    neg = true;
                    j = e;
                }
            }
        }
        // `a day and a half`, `about an hour and a half`: one and a half of the unit.
        if !neg && currency.is_none() && matches!(self.lower(j), "a" | "an") {
            if let Some((e, u)) = self.base_unit(j + 1, false) {
                if self.lower(e) == "and"
                    && matches!(self.lower(e + 1), "a" | "an")
                    && self.lower(e + 2) == "half"
                {
                    let kind = u.kind();
                    let mut s = Single {
                        start: i,
                        end: e + 3,
                        hedge,
                        value: Some(1.5),
                        low: 1.5,
                        high: Some(1.5),
                        num: None,
                        unit: Some(u),
                        unit_token: Some(j + 1),
                        kind: Some(kind),
                        decimals: 1,
                        scale: 1.0,
                    };
                    self.after_hedge(&mut s);
                    return Some(s);
                }
            }
        }
        let mut s = match self.numeral(j).map(|n| self.rate(n)) {
            Some(n) => Single {
                start: i,
                end: n.end,
                hedge,
                value: Some(n.value),
                low: n.value,
                high: Some(n.value),
                unit: None,
                unit_token: None,
                // `May 29th`, `the 4th of July`: a day of a month, not a rank.
                kind: n.ordinal.then(|| {
                    let day = (1.0..=31.0).contains(&n.value) && self.is_number(n.start);
                    if day && self.month_beside(n.start, n.end) {
                        QuantityKind::Date
                    } else {
                        QuantityKind::Ordinal
                    }
                }),
                decimals: n.decimals,
                scale: n.scale,
                num: Some(n),
            },
            None if !neg && currency.is_none() => self.vague(i, j, hedge)?,
            None => return None,
        };
        if neg {
            s.value = s.value.map(|v| -v);
            s.low = -s.low;
            s.high = s.high.map(|v| -v);
        }
        if currency.is_none() && s.num.as_ref().is_some_and(|n| self.is_code(n.start)) {
            // `i7`, `SCP-173m`, `J1149.5+6663`: digits inside a code take no unit or range.
            s.kind = Some(QuantityKind::Identifier);
            while self.glued(s.end) && self.tok(s.end).is_some_and(|t| t.kind != TokenKind::Symbol)
            {
                s.end += 1;
            }
            return Some(s);
        }
        if let Some(c) = currency {
            s.unit = Some(Unit::currency(c));
            s.kind = Some(QuantityKind::Money);
            if c.scale {
                s.scale_by(c.factor);
            }
            // `$10 dollars`, `USD 15 million`.
            if let Some(e) = self.scale_words(s.end) {
                s.end = e.0;
                s.scale_by(e.1);
            }
            if let Some((e, c2)) = self.currency_after(s.end, s.large()) {
                let word = self.raw(s.end).starts_with(char::is_alphabetic);
                if c2.code == c.code && c2.subunit.is_none() && word {
                    s.end = e;
                }
            }
            self.money_tail(&mut s);
        } else if s.kind != Some(QuantityKind::Ordinal) && s.num.is_some() {
            self.tail(&mut s);
        }
        self.after_hedge(&mut s);
        Some(s)
    }

    /// Whether a comparison symbol at `j` is glued to another one before it (`<>`, `=>`).
    fn glued_comparison(&self, j: usize) -> bool {
        self.tok(j).is_some_and(|t| t.kind == TokenKind::Symbol)
            && j > 0
            && self.glued(j)
            && matches!(self.raw(j - 1), "<" | ">" | "=")
    }

    /// `minus`, `negative`, or a `-` that is a sign: the index after it.
    fn sign(&self, j: usize) -> Option<usize> {
        let w = self.lower(j);
        if w == "minus" || w == "negative" {
            return (self.is_number(j + 1) || self.lx.number_word(self.lower(j + 1)).is_some())
                .then_some(j + 1);
        }
        if !self.is_sym(j, "-") {
            return None;
        }
        let next_num = self.is_number(j + 1)
            || (self.is_sym(j + 1, ".") && self.glued(j + 1) && self.is_number(j + 2));
        if !next_num {
            return None;
        }
        if self.glued(j + 1) {
            // Not the hyphen of `COVID-19` or `20-25`.
            let prev_ok = j == 0
                || !self.glued(j)
                || matches!(
                    self.raw(j - 1),
                    "(" | "[" | "<" | ">" | "=" | "/" | ":" | "~" | "$"
                )
                || self
                    .lx
                    .currencies
                    .matches(self, j - 1)
                    .any(|(e, _, c)| e == j && c.before);
            return prev_ok.then_some(j + 1);
        }
        // `- 1 4/5` at the start of a sentence.
        (j == 0).then_some(j + 1)
    }

    /// A vague amount at `j` (the hedge, if any, started at `i`): `dozens`, `several
    /// hundred`, `tens of thousands`.
    fn vague(&self, i: usize, j: usize, hedge: HedgeKind) -> Option<Single> {
        let (mut end, v) = self.lx.vague.longest(self, j)?;
        let (mut low, mut high) = (v.low, v.high);
        let mut scale = 1.0;
        if v.scalable {
            while let Some((m, WordKind::Scale | WordKind::Hundred)) = self
                .lx
                .number_word(self.lower(end))
                .filter(|_| self.is_word(end))
            {
                low *= m;
                high = high.map(|h| h * m);
                scale *= m;
                end += 1;
            }
        }
        // `some dozens`, `over hundreds`: the vague amount already says it.
        let _ = hedge;
        let mut s = Single {
            start: i,
            end,
            hedge: HedgeKind::Vague,
            value: None,
            low,
            high,
            num: None,
            unit: None,
            unit_token: None,
            kind: None,
            decimals: 0,
            scale,
        };
        // `tens of millions of dollars`, `hundreds of miles`
        if let Some((e, c)) = self.currency_after(end, s.large()) {
            s.unit = Some(Unit::currency(c));
            s.kind = Some(QuantityKind::Money);
            s.end = e;
        } else if self.lower(end) == "of" {
            if let Some((e, u)) = self.unit_after(end + 1, false) {
                if u.kind() == QuantityKind::Measure {
                    s.unit_token = Some(end + 1);
                    s.kind = Some(u.kind());
                    s.unit = Some(u);
                    s.end = e;
                }
            }
        }
        Some(s)
    }

    /// What follows a figure with no currency before it: a currency, a percent sign or unit,
    /// an age, a magnitude, a multiplier, a clock time.
    fn tail(&self, s: &mut Single) {
        let e = s.end;
        let n = s.num.clone().expect("a numeral");
        // Clock times: `3 a.m.`, `2pm`, `2.30 pm`.
        let clock = n.decimals == 0 && n.value >= 0.0 && n.value <= 24.0 && n.value.fract() == 0.0
            || n.decimals == 2 && (n.value.fract() * 100.0).round() < 60.0 && n.value < 24.0;
        if clock && n.scale == 1.0 && !n.fraction && !n.words || clock && n.words && n.value <= 12.0
        {
            let (te, pm) = self.clock_suffix(e);
            // `at 10.20 in the morning` is a time; `rescued 12 in the morning and 7 in the
            // afternoon` counts people: a part of the day is a clock's only after a word of
            // time before the figure.
            let part_of_day = self.lower(e) == "in";
            let timed = s.start.checked_sub(1).is_some_and(|p| {
                matches!(
                    self.lower(p),
                    "at" | "about"
                        | "around"
                        | "by"
                        | "until"
                        | "till"
                        | "from"
                        | "before"
                        | "after"
                        | "since"
                        | "to"
                )
            });
            if te > e && (!part_of_day || timed) {
                let w = self.lower(e);
                let half_named = matches!(w, "a.m" | "am" | "p.m" | "pm") || part_of_day;
                if !half_named || n.value <= 12.0 {
                    let mut h = n.value.trunc() + n.value.fract() * 100.0 / 60.0;
                    if pm && h < 12.0 {
                        h += 12.0;
                    }
                    s.kind = Some(QuantityKind::Time);
                    s.value = Some(h);
                    s.low = h;
                    s.high = Some(h);
                    s.end = te;
                    return;
                }
            }
        }
        if let Some((end, unit)) = self.age_after(e) {
            s.unit = Some(unit);
            s.kind = Some(QuantityKind::Age);
            s.unit_token = Some(e);
            s.end = end;
            return;
        }
        if let Some(end) = self.magnitude_after(e) {
            s.unit = Some(Unit::simple("magnitude", "magnitude", 1.0));
            s.kind = Some(QuantityKind::Magnitude);
            s.end = end;
            return;
        }
        if let Some(end) = self.multiplier_after(e) {
            s.kind = Some(QuantityKind::Multiplier);
            s.end = end;
            return;
        }
        if let Some((end, c)) = self.currency_after(e, s.large()) {
            s.unit = Some(Unit::currency(c));
            s.kind = Some(QuantityKind::Money);
            s.end = end;
            if c.scale {
                s.scale_by(c.factor);
            }
            if let Some(e2) = self.scale_words(s.end) {
                s.end = e2.0;
                s.scale_by(e2.1);
            }
            self.money_tail(s);
            return;
        }
        // `9.83e-3 +/- 1e-5 km/s2`, `45 ± 3 kg`
        if let Some((end, u)) = self.uncertainty(e) {
            let v = s.value.expect("a numeral");
            s.low = v - u;
            s.high = Some(v + u);
            s.value = None;
            s.hedge = HedgeKind::Range;
            s.end = end;
        }
        let mut e = s.end;
        // `793 total yards`, `352 net yards`: a word of aggregation before the unit.
        let fraction = s.num.as_ref().is_some_and(|n| n.fraction);
        if self.is_word(e)
            && matches!(self.lower(e), "total" | "net" | "combined" | "gross")
            && self.unit_after(e, fraction).is_none()
            && self.is_word(e + 1)
            && self.unit_after(e + 1, fraction).is_some()
        {
            e += 1;
        }
        if let Some((end, unit)) = self.unit_after(e, fraction) {
            s.kind = Some(unit.kind());
            s.unit_token = Some(e);
            s.unit = Some(unit);
            s.end = end;
            self.mixed_units(s);
        }
    }

    /// `+/- 1e-5`, `± 3`, `plus or minus 3` after a figure: the index after and the margin.
    fn uncertainty(&self, e: usize) -> Option<(usize, f64)> {
        let k = if self.raw(e) == "±" {
            e + 1
        } else if (self.raw(e) == "+" && self.raw(e + 1) == "/" && self.raw(e + 2) == "-")
            || (self.lower(e) == "plus"
                && self.lower(e + 1) == "or"
                && self.lower(e + 2) == "minus")
        {
            e + 3
        } else {
            return None;
        };
        let n = self.numeral(k)?;
        (n.value > 0.0 && !n.ordinal).then_some((n.end, n.value))
    }

    /// `5 feet 2 inches`, `5 ft 2 in`, `2 hours 30 minutes`: the smaller unit joins the
    /// larger one (the figure stays in the larger unit).
    fn mixed_units(&self, s: &mut Single) {
        let Some(unit) = s.unit.as_ref() else {
            return;
        };
        let Some(v) = s.value else {
            return;
        };
        let mut k = s.end;
        if self.lower(k) == "and" {
            k += 1;
        }
        let Some(n) = self.numeral(k) else {
            return;
        };
        if n.ordinal || n.fraction && n.value >= 1.0 {
            return;
        }
        let Some((end, small)) = self.unit_after(n.end, n.fraction) else {
            return;
        };
        let ratio = unit.factor / small.factor;
        let pairs = [
            ("foot", "inch"),
            ("pound", "ounce"),
            ("stone", "pound"),
            ("hour", "minute"),
            ("minute", "second"),
        ];
        if pairs.contains(&(&*unit.name, &*small.name)) && n.value < ratio {
            let total = v + n.value / ratio;
            s.value = Some(total);
            s.low = total;
            s.high = Some(total);
            s.decimals = s.decimals.max(2);
            s.end = end;
        }
    }

    /// After money: a price per unit (`$15.4/hour`, `$70 a barrel`) and cents (`3 dollars
    /// 50 cents`, `thirteen dollars and forty-five cents`, `15 dollars 50.`).
    fn money_tail(&self, s: &mut Single) {
        let e = s.end;
        let w = self.lower(e);
        if matches!(w, "per" | "/" | "a" | "an") {
            if let Some((end, d)) = self.base_unit(e + 1, false) {
                // `€297 million a year earlier`: a time before, not a rate (but `$15 an hour
                // earlier this year`, `40 cents a share later this month` are rates).
                let offset =
                    super::time_offset(self.lower(e + 1), self.lower(end), self.lower(end + 1));
                if (w != "a" && w != "an" || d.dimension != "money") && !offset {
                    let u = s.unit.take().expect("money has a unit");
                    s.unit = Some(u.per(d));
                    s.end = end;
                    return;
                }
            }
        }
        let Some(unit) = s.unit.as_ref() else {
            return;
        };
        if unit.factor != 1.0 || s.value.is_none() {
            return;
        }
        let mut k = e;
        if self.lower(k) == "and" {
            k += 1;
        }
        let Some(n) = self.numeral(k) else {
            return;
        };
        if n.value >= 100.0 || n.value.fract() != 0.0 || n.ordinal || n.fraction {
            return;
        }
        let code = unit.dimension.trim_start_matches("money:").to_string();
        let sub = self
            .lx
            .currencies
            .matches(self, n.end)
            .find(|(_, _, c)| c.subunit.is_some() && c.code == code && !c.scale);
        let add = match sub {
            Some((end, _, c)) => Some((n.value * c.factor, end)),
            // `15 dollars 50.` at the end of a clause: cents without the word.
            None if !self.is_word(n.end)
                && !self.is_number(n.end)
                && self.raw(e - 1).chars().all(char::is_alphabetic) =>
            {
                Some((n.value / 100.0, n.end))
            }
            None => None,
        };
        if let Some((add, end)) = add {
            let v = s.value.unwrap_or(0.0) + add;
            s.value = Some(v);
            s.low = v;
            s.high = Some(v);
            s.decimals = s.decimals.max(2);
            s.end = end;
        }
    }

    /// A hedge after the figure: `or more`, `or less`, `-plus`, `or so`.
    fn after_hedge(&self, s: &mut Single) {
        let mut k = s.end;
        let hyphen = self.is_sym(k, "-") && self.glued(k) && self.glued(k + 1);
        if hyphen {
            k += 1;
        }
        let Some((e, a)) = self.lx.after_hedges.longest(self, k) else {
            return;
        };
        if a.glued != (hyphen || self.glued(k)) && a.glued || (hyphen && !a.glued) {
            return;
        }
        // `200 or greater than 190`, `less than 10 and more than 40`: the words start a
        // bound of their own.
        if self.numeral(e).is_some() || self.lower(e) == "than" {
            return;
        }
        if s.hedge == HedgeKind::Vague || s.value.is_none() {
            return;
        }
        let v = s.value.expect("checked");
        match a.hedge {
            AfterHedge::OrEqual => match s.hedge {
                HedgeKind::MoreThan => s.hedge = HedgeKind::AtLeast,
                HedgeKind::LessThan => s.hedge = HedgeKind::AtMost,
                _ => return,
            },
            AfterHedge::Kind(h) => {
                s.hedge = h;
                s.low = v;
                s.high = Some(v);
            }
        }
        s.end = e;
    }
}

impl Single {
    /// A figure of millions or more, or with no exact value (`tens of millions`): only such
    /// a figure takes `of` before its currency (`tens of millions of dollars`).
    fn large(&self) -> bool {
        self.value.is_none() || self.scale >= 1e6
    }

    fn scale_by(&mut self, f: f64) {
        self.value = self.value.map(|v| v * f);
        self.low *= f;
        self.high = self.high.map(|v| v * f);
        self.scale *= f;
    }
}
