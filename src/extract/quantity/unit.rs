//! Units after a figure: units of measurement from `data/units.tsv` with their conversion to a
//! base unit, compounded (`km/h`, `square miles`, `J/m^2 per year`), and the words that make
//! a figure an age (`45-year-old`), a magnitude (`6.1-magnitude`) or a multiplier (`-fold`).

use super::reader::Parser;
use super::QuantityKind;
use crate::extract::lexicon::{Currency, UnitDef, WordKind};
use crate::extract::token::TokenKind;
use std::borrow::Cow;

/// The unit a figure is stated in.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// `USD`, `kilometre`, `percent`, `kilometre per hour`…
    pub name: Cow<'static, str>,
    /// `money:USD`, `length`, `duration`…: only figures of one dimension are compared.
    pub dimension: Cow<'static, str>,
    pub factor: f64,
    pub offset: f64,
}

impl Unit {
    pub(super) fn from_def(d: &UnitDef) -> Unit {
        Unit {
            name: Cow::Borrowed(d.name),
            dimension: Cow::Borrowed(d.dimension),
            factor: d.factor,
            offset: d.offset,
        }
    }

    pub(super) fn currency(c: &Currency) -> Unit {
        let sub = c.subunit.filter(|_| !c.scale);
        Unit {
            name: Cow::Borrowed(sub.unwrap_or(c.code)),
            dimension: Cow::Borrowed(c.dimension),
            factor: if sub.is_some() { c.factor } else { 1.0 },
            offset: 0.0,
        }
    }

    pub(super) fn simple(name: &'static str, dimension: &'static str, factor: f64) -> Unit {
        Unit {
            name: Cow::Borrowed(name),
            dimension: Cow::Borrowed(dimension),
            factor,
            offset: 0.0,
        }
    }

    /// This unit raised to a power (`km2`, `cubic feet`).
    fn pow(self, p: i32) -> Unit {
        if p == 1 {
            return self;
        }
        let prefix = if p == 2 { "square" } else { "cubic" };
        Unit {
            name: Cow::Owned(format!("{prefix} {}", self.name)),
            dimension: canonical_dimension(&format!("{}^{p}", self.dimension)),
            factor: self.factor.powi(p),
            offset: 0.0,
        }
    }

    /// This unit per another (`km/h`, `$ per kg`).
    pub(super) fn per(self, d: Unit) -> Unit {
        Unit {
            name: Cow::Owned(format!("{} per {}", self.name, d.name)),
            dimension: canonical_dimension(&format!("{}/{}", self.dimension, d.dimension)),
            factor: self.factor / d.factor,
            offset: 0.0,
        }
    }

    /// A value in this unit, in the dimension's base unit.
    pub fn to_base(&self, v: f64) -> f64 {
        v * self.factor + self.offset
    }

    /// A value in the dimension's base unit, in this unit.
    pub fn from_base(&self, v: f64) -> f64 {
        (v - self.offset) / self.factor
    }
    /// The kind of quantity this unit makes.
    pub(super) fn kind(&self) -> QuantityKind {
        match &*self.dimension {
            "percent" => QuantityKind::Percent,
            "percentage_points" => QuantityKind::PercentagePoints,
            "age" => QuantityKind::Age,
            "magnitude" => QuantityKind::Magnitude,
            d if d.starts_with("money:") => QuantityKind::Money,
            _ => QuantityKind::Measure,
        }
    }
}

/// Names for derived dimensions, so `km2` and `hectares` are both `area`.
fn canonical_dimension(d: &str) -> Cow<'static, str> {
    Cow::Borrowed(match d {
        "length^2" => "area",
        "length^3" => "volume",
        "length/duration" => "speed",
        "length/duration^2" => "acceleration",
        "mass/volume" => "density",
        "energy/duration" => "power",
        "information/duration" => "data rate",
        _ => return Cow::Owned(d.to_string()),
    })
}

const SIZE_WORDS: &[&str] = &[
    "long", "wide", "tall", "high", "deep", "thick", "across", "diameter", "in", "length", "width",
    "height", "depth", "square",
];

impl Parser<'_> {
    /// A unit after a figure at `j`: `km`, `5-mile`, `(kg)`, `square metres`, `km/h`, `J/m^2
    /// per year`, `an hour` after a fraction (`fraction`). Respects the flags in units.tsv.
    pub(super) fn unit_after(&self, j: usize, fraction: bool) -> Option<(usize, Unit)> {
        let t = self.tok(j)?;
        // `20 (kg)`, `20 [kg]`
        let close = match self.raw(j) {
            "(" => Some(")"),
            "[" => Some("]"),
            "{" => Some("}"),
            "<" => Some(">"),
            _ => None,
        };
        if let Some(close) = close {
            let (e, u) = self.compound_unit(j + 1, true)?;
            return (self.raw(e) == close).then_some((e + 1, u));
        }
        // `0.98"`, `a 17" screen`, `15″`: inches.
        if self.inch_mark(j) {
            let inch = self.lx.unit_named("inch")?;
            return Some((j + 1, Unit::from_def(inch)));
        }
        // `3-inch`, `six-mile`, `10-year`
        if self.is_sym(j, "-") && t.glued && self.glued(j + 1) && self.is_word(j + 1) {
            let (e, u) = self.compound_unit(j + 1, true)?;
            return Some((e, u));
        }
        // `half an hour`, `a quarter of a mile`
        if fraction {
            let mut k = j;
            if self.lower(k) == "of" {
                k += 1;
            }
            if matches!(self.lower(k), "a" | "an") {
                if let Some(r) = self.compound_unit(k + 1, false) {
                    return Some(r);
                }
            }
        }
        // `148 rushing yards`, `312 passing yards`: a gerund may say which yards a length
        // counts, the unit still the figure's.
        let w = self.lower(j);
        if self.is_word(j) && w.len() > 4 && w.ends_with("ing") && !self.lx.stopwords.contains(w) {
            if let Some((e, u)) = self.compound_unit(j + 1, false) {
                if u.dimension == "length" && !self.grade_after(e) {
                    return Some((e, u));
                }
            }
        }
        // `two second-degree murder charges`: `second` grades the charges; it is no unit.
        self.compound_unit(j, t.glued)
            .filter(|&(e, _)| !self.grade_after(e))
    }

    /// Whether a hyphen glued at `e` joins the word before it to a grade word (cue class
    /// `grade`): `first-degree`, `second-class`, `third-party` name a grade or a kind, never a
    /// rank or a unit.
    pub(super) fn grade_after(&self, e: usize) -> bool {
        self.is_sym(e, "-")
            && self.glued(e)
            && self.glued(e + 1)
            && self.is_word(e + 1)
            && crate::extract::lexicon().is_cue("grade", self.lower(e + 1))
    }

    /// Whether the symbol at `j`, glued to the figure before it (or spaced from it before a
    /// size word), is an inch mark: a double prime, or a double quote that closes no
    /// quotation (the quotes before it in the sentence, leaving out other inch marks, are
    /// paired), with a space or a closing mark after it.
    fn inch_mark(&self, j: usize) -> bool {
        let Some(t) = self.tok(j) else { return false };
        // `a pen 10 " long`: spaced from the figure, a size word after it says it is a length.
        let sized = self.is_word(j + 1) && SIZE_WORDS.contains(&self.lower(j + 1));
        if !((t.glued || sized) && t.kind == TokenKind::Symbol && j > 0 && self.is_number(j - 1)) {
            return false;
        }
        let quote = |s: &str| matches!(s, "\"" | "\u{201D}" | "\u{201C}");
        match self.raw(j) {
            "\u{2033}" => true,
            s if quote(s) => {
                let spaced = !self.glued(j + 1)
                    || self.tok(j + 1).is_none()
                    || matches!(self.raw(j + 1), ")" | "," | ";" | "]");
                let open = (0..j)
                    .filter(|&k| {
                        quote(self.raw(k)) && !(k > 0 && self.is_number(k - 1) && self.glued(k))
                    })
                    .count();
                spaced && open % 2 == 0
            }
            _ => false,
        }
    }

    /// A unit with its powers and `per` parts at `j`.
    fn compound_unit(&self, j: usize, glued: bool) -> Option<(usize, Unit)> {
        let (mut e, mut u) = self.powered_unit(j, glued)?;
        if u.kind() != QuantityKind::Measure {
            return Some((e, u));
        }
        // `per hour`, `/h`, `an hour` (durations only after `a`/`an`), up to twice.
        for _ in 0..2 {
            let w = self.lower(e);
            let article = matches!(w, "a" | "an");
            if !(w == "per" || w == "/" || article) {
                break;
            }
            match self.powered_unit(e + 1, false) {
                Some((e2, d))
                    if (!article || d.dimension == "duration")
                        && d.kind() == QuantityKind::Measure =>
                {
                    u = u.per(d);
                    e = e2;
                }
                _ => break,
            }
        }
        Some((e, u))
    }

    /// `square`/`cubic` + unit + `2`/`^3`/`squared`.
    fn powered_unit(&self, j: usize, glued: bool) -> Option<(usize, Unit)> {
        let mut p = 1;
        let mut k = j;
        match self.lower(k) {
            "square" | "sq" => {
                p = 2;
                k += 1;
            }
            "cubic" | "cu" => {
                p = 3;
                k += 1;
            }
            _ => {}
        }
        // `sq. ft`, `a 2,000-square-foot home`.
        if p > 1 && (self.is_sym(k, ".") || self.is_sym(k, "-")) && self.glued(k) {
            k += 1;
        }
        let (mut e, u) = self.base_unit(k, glued && p == 1)?;
        if p == 1 {
            // `km2`, `m^3`, `km squared`
            let exp = |s: &str| match s {
                "2" => Some(2),
                "3" => Some(3),
                _ => None,
            };
            if self.is_number(e) && self.glued(e) {
                if let Some(x) = exp(self.raw(e)) {
                    p = x;
                    e += 1;
                } else {
                    return None;
                }
            } else if self.is_sym(e, "^") && self.glued(e) {
                p = exp(self.raw(e + 1))?;
                e += 2;
            } else if matches!(self.lower(e), "squared" | "cubed") {
                p = if self.lower(e) == "squared" { 2 } else { 3 };
                e += 1;
            }
        }
        if p > 1 && u.kind() != QuantityKind::Measure {
            return None;
        }
        // A unit ends the word: `24703L202`, `24703 L-202` and `5Gb2` are codes.
        let glued_on = |k: usize| {
            self.tok(k)
                .is_some_and(|t| t.glued && matches!(t.kind, TokenKind::Word | TokenKind::Number))
        };
        if glued_on(e)
            || (self.is_sym(e, "-") && self.glued(e) && glued_on(e + 1) && self.is_number(e + 1))
        {
            return None;
        }
        Some((e, u.pow(p)))
    }

    /// One unit from units.tsv at `j`, honouring its flags.
    pub(super) fn base_unit(&self, j: usize, glued: bool) -> Option<(usize, Unit)> {
        if !self.tok(j).is_some_and(|t| t.kind != TokenKind::Number) {
            return None;
        }
        // A symbol's plural in capitals (`TBs`) is that symbol, before any surface that
        // ignores case (`tbs`, tablespoons).
        if let Some(u) = self.plural_symbol(j, glued) {
            return Some(u);
        }
        let denominator = j > 0 && matches!(self.lower(j - 1), "per" | "/");
        self.lx
            .units
            .matches(self, j)
            .find(|(e, _, d)| {
                (!d.denominator || denominator)
                    && (!d.glued || glued)
                    && (!d.weak || glued || self.weak_unit_ok(*e) || self.after_larger(j, d))
                    && d.cue
                        .is_none_or(|c| self.has_cue(c) || self.converted_scale(j))
            })
            .map(|(e, _, d)| (e, Unit::from_def(d)))
    }

    /// Whether the scale letter at `j` (a glued `C` or `F`) stands beside its conversion to
    /// the other scale, `45.2C (113.4F)`: a temperature, whatever the sentence's words.
    fn converted_scale(&self, j: usize) -> bool {
        let scale = |k: usize| {
            self.glued(k) && self.is_number(k.wrapping_sub(1)) && {
                let w = self.raw(k);
                w == "C" || w == "F"
            }
        };
        let other = |k: usize| self.raw(k) != self.raw(j);
        let after = self.is_sym(j + 1, "(") && scale(j + 3) && other(j + 3);
        let before = j >= 4 && self.is_sym(j - 2, "(") && scale(j - 3) && other(j - 3);
        scale(j) && (after || before)
    }

    /// A unit symbol in capitals with a plural `s` (`8GBs of memory`, `2 TBs`): the
    /// symbol's unit, as written.
    fn plural_symbol(&self, j: usize, glued: bool) -> Option<(usize, Unit)> {
        let stem = self.raw(j).strip_suffix('s')?;
        if stem.len() < 2 || !stem.bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
        self.lx
            .units
            .candidates(&stem.to_ascii_lowercase())
            .find(|(p, d)| {
                p.len() == 1
                    && p.toks[0] == stem
                    && !d.denominator
                    && !d.weak
                    && (!d.glued || glued)
                    && d.cue.is_none()
            })
            .map(|(_, d)| (j + 1, Unit::from_def(d)))
    }

    /// `12 ft 2 in more or less`: a weak unit after a figure that follows a unit of its
    /// dimension is the smaller part of one measurement.
    fn after_larger(&self, j: usize, d: &crate::extract::lexicon::UnitDef) -> bool {
        j >= 2
            && self.tok(j - 1).is_some_and(|t| t.kind == TokenKind::Number)
            && self
                .lx
                .units
                .matches(self, j - 2)
                .any(|(e, _, u)| e == j - 1 && !u.weak && u.dimension == d.dimension)
    }

    /// `in` is an inch only at the end of a clause or before a size word (`2 in thick`).
    fn weak_unit_ok(&self, e: usize) -> bool {
        match self.tok(e) {
            None => true,
            Some(t) if t.kind == TokenKind::Symbol => !matches!(self.raw(e), "$" | "£" | "€"),
            Some(_) => SIZE_WORDS.contains(&self.lower(e)),
        }
    }

    /// `years old`, `-year-old`, `years of age`, `yo`: the index after it and the age unit.
    pub(super) fn age_after(&self, e: usize) -> Option<(usize, Unit)> {
        let mut k = e;
        if self.is_sym(k, "-") && self.glued(k) {
            k += 1;
        }
        let w = self.lower(k);
        if matches!(w, "yo" | "y.o" | "y/o") {
            let mut end = k + 1;
            if self.is_sym(end, ".") && self.glued(end) && w == "y.o" {
                end += 1;
            }
            return Some((end, age_unit("year")));
        }
        let unit = match w {
            "year" | "years" | "yr" | "yrs" => "year",
            "month" | "months" => "month",
            "week" | "weeks" => "week",
            "day" | "days" => "day",
            _ => return None,
        };
        let mut m = k + 1;
        if self.is_sym(m, "-") && self.glued(m) {
            m += 1;
        }
        // `the 27-year-old's photographs`: the possessive of the age noun; `five-year-olds`,
        // its plural.
        if matches!(self.lower(m), "old" | "olds" | "old's" | "old\u{2019}s") {
            return Some((m + 1, age_unit(unit)));
        }
        if self.lower(m) == "of" && self.lower(m + 1) == "age" {
            return Some((m + 2, age_unit(unit)));
        }
        None
    }

    /// `magnitude`, `-magnitude`, `on the Richter scale`, `Mw` after a figure.
    pub(super) fn magnitude_after(&self, e: usize) -> Option<usize> {
        let mut k = e;
        if self.is_sym(k, "-") && self.glued(k) {
            k += 1;
        }
        match self.lower(k) {
            "magnitude" => Some(k + 1),
            // `5.8 Mw`, `4.2 ML`; `20 MW` is megawatts.
            "mw" if self.raw(k) == "Mw" => Some(k + 1),
            "ml" if self.raw(k).starts_with('M') => Some(k + 1),
            "on" if self.lower(k + 1) == "the"
                && self.lower(k + 2) == "richter"
                && self.lower(k + 3) == "scale" =>
            {
                Some(k + 4)
            }
            _ => None,
        }
    }

    /// `times`, `-fold`, `fold` after a figure.
    pub(super) fn multiplier_after(&self, e: usize) -> Option<usize> {
        let mut k = e;
        if self.is_sym(k, "-") && self.glued(k) && self.glued(k + 1) {
            k += 1;
        }
        match self.lower(k) {
            "times" if self.compares(k + 1) => Some(k + 1),
            "fold" => Some(k + 1),
            _ => None,
        }
    }

    /// Whether the words at `k`, after `N times`, make it a multiplier of something (`three
    /// times the industry standard`, `twice as many`, `nine times higher`, `four times what it
    /// cost`, `rose five times over`) rather than a count of occurrences (`was stabbed 13
    /// times`, `can be recharged up to 1,000 times`, `visited four times a year`).
    fn compares(&self, k: usize) -> bool {
        let w = self.lower(k);
        self.is_word(k)
            && (self.lx.is_cue("multiplied", w)
                || w.len() > 4 && w.ends_with("er") && !self.lx.stopwords.contains(w))
    }

    /// `fourfold`, `tenfold`, `a hundredfold rise`: a multiplier written as one word, its
    /// value the number word before `fold`.
    pub(super) fn fold_word(&self, i: usize) -> Option<f64> {
        let w = self.lower(i).strip_suffix("fold")?;
        if !self.is_word(i) {
            return None;
        }
        match self.lx.number_word(w)? {
            (v, WordKind::Unit | WordKind::Teen | WordKind::Tens | WordKind::Hundred)
                if v > 1.0 =>
            {
                Some(v)
            }
            (v, WordKind::Scale) => Some(v),
            _ => None,
        }
    }
}

pub(super) fn age_unit(name: &'static str) -> Unit {
    let factor = match name {
        "month" => 1.0 / 12.0,
        "week" => 7.0 / 365.25,
        "day" => 1.0 / 365.25,
        _ => 1.0,
    };
    Unit::simple(name, "age", factor)
}
