//! Finds quantities in a sentence: the figure, its hedge, scale, unit or currency, and what
//! kind of number it is (a count, money, a percentage, a measure, or a year/date/time/
//! identifier/ordinal that must never be compared as a count).

use super::lexicon::{lexicon, HedgeKind, Lexicon, UnitDef};
use super::token::{Token, TokenKind};
use std::ops::Range;

/// What kind of number a quantity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    Count,
    Money,
    Percent,
    PercentagePoints,
    Measure,
    Ordinal,
    Year,
    Date,
    Time,
    Identifier,
}

impl QuantityKind {
    /// Whether two sources' figures of this kind can be compared as amounts.
    pub fn is_amount(self) -> bool {
        matches!(
            self,
            QuantityKind::Count
                | QuantityKind::Money
                | QuantityKind::Percent
                | QuantityKind::PercentagePoints
                | QuantityKind::Measure
        )
    }
}

/// The unit a figure is stated in.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// `USD`, `kilometre`, `percent`…
    pub name: String,
    /// `money:USD`, `length`, `duration`…: only figures of one dimension are compared.
    pub dimension: String,
    pub factor: f64,
    pub offset: f64,
}

impl Unit {
    fn from_def(d: &UnitDef) -> Unit {
        Unit {
            name: d.name.to_string(),
            dimension: d.dimension.to_string(),
            factor: d.factor,
            offset: d.offset,
        }
    }

    fn currency(code: &str) -> Unit {
        Unit {
            name: code.to_string(),
            dimension: format!("money:{code}"),
            factor: 1.0,
            offset: 0.0,
        }
    }

    fn simple(name: &str, dimension: &str, factor: f64) -> Unit {
        Unit {
            name: name.to_string(),
            dimension: dimension.to_string(),
            factor,
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
}

/// A figure found in the text, with offsets into the normalized document text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub span: Range<usize>,
    pub kind: QuantityKind,
    /// The point figure; `None` for vague amounts.
    pub value: Option<f64>,
    /// Firm lower bound (`None`: unbounded).
    pub low: Option<f64>,
    /// Firm upper bound (`None`: unbounded).
    pub high: Option<f64>,
    pub hedge: HedgeKind,
    pub unit: Option<Unit>,
    /// Digits after the decimal point as written, and whether a scale word was used; rounding
    /// tolerance follows from how precisely the figure was stated.
    pub decimals: u32,
    pub scaled: bool,
    /// Token index just after the figure (and its unit), where a counted phrase may start.
    pub(crate) end_token: usize,
    pub(crate) start_token: usize,
    /// Token index where a unit written after the figure starts.
    pub(crate) unit_token: Option<usize>,
}

/// Finds every quantity among a sentence's tokens.
pub fn find(text: &str, tokens: &[Token]) -> Vec<Quantity> {
    let lx = lexicon();
    let lowers: Vec<String> = tokens
        .iter()
        .map(|t| text[t.span.clone()].to_lowercase())
        .collect();
    let p = Parser {
        text,
        toks: tokens,
        lowers: &lowers,
        lx,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match p.quantity(i) {
            Some(q) => {
                i = q.end_token.max(i + 1);
                out.push(q);
            }
            None => i += 1,
        }
    }
    out
}

struct Parser<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// Each token lowercased once.
    lowers: &'a [String],
    lx: &'static Lexicon,
}

/// A bare amount before hedges, ranges and units are applied.
#[derive(Debug, Clone)]
struct Amount {
    value: Option<f64>,
    low: f64,
    high: Option<f64>,
    vague: bool,
    currency: Option<&'static str>,
    kind: Option<QuantityKind>,
    decimals: u32,
    /// The multiplier of a scale word (`million`), 1 without one.
    scale: f64,
    start: usize,
    /// Token index after the amount.
    end: usize,
}

impl<'a> Parser<'a> {
    fn tok(&self, i: usize) -> Option<&'a Token> {
        self.toks.get(i)
    }

    fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.span.clone()])
    }

    fn lower(&self, i: usize) -> &'a str {
        self.lowers.get(i).map_or("", String::as_str)
    }

    fn is_word(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    fn is_sym(&self, i: usize, s: &str) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokenKind::Symbol) && self.raw(i) == s
    }

    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.glued)
    }

    /// Matches a phrase of lowercase words at `i`; returns the index after it.
    fn phrase(&self, i: usize, words: &[&str]) -> Option<usize> {
        let mut j = i;
        for w in words {
            if let Some(stripped) = w.strip_suffix('.') {
                if self.lower(j) != stripped || !self.is_sym(j + 1, ".") {
                    return None;
                }
                j += 2;
            } else {
                if !self.is_word(j) || self.lower(j) != *w {
                    return None;
                }
                j += 1;
            }
        }
        Some(j)
    }

    fn quantity(&self, i: usize) -> Option<Quantity> {
        let first = self.lower(i);
        // Most tokens can start no quantity: check before any parsing.
        if self.tok(i)?.kind != TokenKind::Number && !self.lx.starts_quantity(first) {
            return None;
        }
        // `between X and Y`, `from X to Y`
        if first == "between" || first == "from" {
            let joiner = if first == "between" { "and" } else { "to" };
            if let Some(a) = self.amount(i + 1) {
                if self.lower(a.end) == joiner {
                    if let Some(b) = self.amount(a.end + 1) {
                        return Some(self.finish(i, HedgeKind::Range, merge_range(a, b)));
                    }
                }
            }
            if first == "from" {
                return None;
            }
        }
        let (hedge, j) = self
            .lx
            .hedges
            .iter()
            .find_map(|(words, kind)| self.phrase(i, words).map(|j| (*kind, j)))
            .unwrap_or((HedgeKind::Exact, i));
        let a = self.amount(j)?;
        if hedge != HedgeKind::Exact && a.vague {
            // `some dozens`, `over hundreds`: the vague amount already says it.
            return Some(self.finish(j, HedgeKind::Vague, a));
        }
        // `20-25`, `20 to 25`, `1.5-2 million`
        if !a.vague && a.kind.is_none() {
            let dash = self.is_sym(a.end, "-") && self.glued(a.end) && self.glued(a.end + 1);
            let to = self.lower(a.end) == "to" && hedge == HedgeKind::Exact;
            if dash || to {
                if let Some(b) = self.amount(a.end + 1) {
                    if !b.vague && b.kind.is_none() && b.value >= a.value {
                        return Some(self.finish(i, HedgeKind::Range, merge_range(a, b)));
                    }
                }
            }
        }
        let hedge = if a.vague { HedgeKind::Vague } else { hedge };
        Some(self.finish(i, hedge, a))
    }

    /// Parses a currency-prefixed number, number words, or a vague amount at `i`.
    fn amount(&self, i: usize) -> Option<Amount> {
        let t = self.tok(i)?;
        // Currency before the figure: `$`, `US$`, `€`, `USD 5`.
        let mut j = i;
        let mut currency = None;
        for (surface, code) in &self.lx.currencies {
            if let Some(after) = self.match_surface(j, surface, false) {
                let symbolic = !surface.chars().all(char::is_alphabetic)
                    || surface.len() == 3 && surface.chars().all(|c| c.is_ascii_uppercase());
                if symbolic && self.tok(after).is_some_and(|t| t.kind == TokenKind::Number) {
                    currency = Some(*code);
                    j = after;
                    break;
                }
            }
        }
        let t2 = self.tok(j)?;
        let mut a = if t2.kind == TokenKind::Number {
            self.digits(j)?
        } else if t.kind == TokenKind::Word {
            self.words(j).or_else(|| self.vague(j))?
        } else {
            return None;
        };
        a.start = i;
        if currency.is_some() {
            a.currency = currency;
        }
        Some(a)
    }

    /// Matches a surface like `US$` or `sq km` over tokens at `i`; returns the index after.
    fn match_surface(&self, i: usize, surface: &str, case_insensitive: bool) -> Option<usize> {
        let start = self.tok(i)?.span.start;
        let rest = &self.text[start..];
        let ok = if case_insensitive {
            rest.len() >= surface.len()
                && rest.is_char_boundary(surface.len())
                && rest[..surface.len()].eq_ignore_ascii_case(surface)
        } else {
            rest.starts_with(surface)
        };
        if !ok {
            return None;
        }
        let end = start + surface.len();
        let mut j = i;
        while self.tok(j).is_some_and(|t| t.span.end <= end) {
            j += 1;
        }
        // The surface must end on a token boundary.
        (self.tok(j - 1)?.span.end == end).then_some(j)
    }

    fn digits(&self, i: usize) -> Option<Amount> {
        let raw = self.raw(i);
        let dots = raw.matches('.').count();
        let mut a = Amount {
            value: None,
            low: 0.0,
            high: None,
            vague: false,
            currency: None,
            kind: None,
            decimals: 0,
            scale: 1.0,
            start: i,
            end: i + 1,
        };
        let commas_ok = raw
            .split('.')
            .next()
            .is_some_and(|int| int.split(',').skip(1).all(|g| g.len() == 3));
        if dots > 1 || !commas_ok {
            a.kind = Some(QuantityKind::Identifier);
            return Some(a);
        }
        let clean: String = raw.chars().filter(|&c| c != ',').collect();
        let mut v: f64 = clean.parse().ok()?;
        a.decimals = raw.split('.').nth(1).map_or(0, |d| d.len() as u32);
        // `3/4`
        if let Some(f) = self.fraction(i) {
            a.value = Some(f);
            a.low = f;
            a.high = Some(f);
            a.end = i + 3;
            a.decimals = 2;
            return Some(a);
        }
        // Mixed fraction `2 1/2`.
        if self.tok(i + 1).is_some_and(|t| t.kind == TokenKind::Number)
            && !self.glued(i + 1)
            && dots == 0
        {
            if let Some(f) = self.fraction(i + 1) {
                a.value = Some(v + f);
                a.low = v + f;
                a.high = Some(v + f);
                a.end = i + 4;
                a.decimals = 2;
                return Some(a);
            }
        }
        let mut j = i + 1;
        // Glued suffix: scale (`5k`, `$3.4bn`), ordinal (`4th`), or an identifier (`5G`).
        if self.is_word(j) && self.glued(j) {
            let suf = self.lower(j);
            if let Some(m) = self
                .lx
                .scales
                .get(suf)
                .filter(|_| suf != "b" || a.currency.is_some())
            {
                v *= m;
                a.scale *= m;
                j += 1;
            } else if matches!(suf, "st" | "nd" | "rd" | "th") {
                a.kind = Some(QuantityKind::Ordinal);
                j += 1;
            } else if !self.lx.units.iter().any(|(s, _)| {
                s.eq_ignore_ascii_case(suf) || suf.starts_with(&s.to_lowercase()) && s.len() > 1
            }) {
                a.kind = Some(QuantityKind::Identifier);
                j += 1;
            }
        } else if self.is_word(j) {
            // Separate scale words: `1.5 million`, `two dozen`.
            while self.is_word(j) {
                let w = self.lower(j);
                match self.lx.scales.get(w) {
                    Some(m) if w.len() > 2 && !w.ends_with('s') => {
                        v *= m;
                        a.scale *= m;
                        j += 1;
                    }
                    _ => break,
                }
            }
        }
        a.value = Some(v);
        a.low = v;
        a.high = Some(v);
        a.end = j;
        Some(a)
    }

    /// `n/d` at `i`, written without spaces.
    fn fraction(&self, i: usize) -> Option<f64> {
        let num = self.tok(i).filter(|t| t.kind == TokenKind::Number)?;
        let den = self
            .tok(i + 2)
            .filter(|t| t.kind == TokenKind::Number && t.glued)?;
        if !self.is_sym(i + 1, "/") || !self.glued(i + 1) {
            return None;
        }
        let n: f64 = self.text[num.span.clone()].parse().ok()?;
        let d: f64 = self.text[den.span.clone()].parse().ok()?;
        (d > 0.0).then(|| n / d)
    }

    /// Number words (`twenty-five`, `a dozen`, `half a million`, `one hundred and twenty`).
    fn words(&self, i: usize) -> Option<Amount> {
        let lx = self.lx;
        // Fractions before a scale: `half a million`.
        let mut frac: Option<(f64, usize)> = None;
        for (words, value) in &lx.fractions {
            if let Some(j) = self.phrase(i, words) {
                if frac.is_none_or(|(_, e)| j > e) {
                    frac = Some((*value, j));
                }
            }
        }
        if let Some((f, j)) = frac {
            let w = self.lower(j);
            if let Some(m) = lx
                .scales
                .get(w)
                .filter(|_| w.len() > 2 && !w.ends_with('s'))
            {
                return Some(self.word_amount(i, j + 1, f * m, *m));
            }
        }
        let mut j = i;
        let mut words: Vec<String> = Vec::new();
        let mut first_is_a = false;
        loop {
            let w = self.lower(j);
            if !self.is_word(j) {
                break;
            }
            let kind = lx.number_word(w);
            let is_num = match kind {
                Some("unit") | Some("tens") | Some("scale") => true,
                None if w.contains('-') => w
                    .split('-')
                    .all(|p| matches!(lx.number_word(p), Some("unit") | Some("tens"))),
                _ => false,
            };
            let dozen = w == "dozen" && (first_is_a || !words.is_empty());
            if is_num || dozen {
                words.push(w.to_string());
                j += 1;
            } else if (w == "a" || w == "an") && words.is_empty() {
                let next = self.lower(j + 1);
                if matches!(lx.number_word(next), Some("scale")) || next == "dozen" {
                    first_is_a = true;
                    words.push("one".into());
                    j += 1;
                } else {
                    break;
                }
            } else if w == "and"
                && !words.is_empty()
                && {
                    let next = self.lower(j + 1);
                    matches!(lx.number_word(next), Some("unit") | Some("tens"))
                        || next.contains('-')
                }
                && words
                    .last()
                    .is_some_and(|l| matches!(lx.number_word(l), Some("scale")))
            {
                j += 1;
            } else {
                break;
            }
        }
        if words.is_empty() {
            // An ordinal word: `the third strike`.
            let w = self.lower(i);
            if let Some(v) = lx.ordinal_value(w) {
                let prev = i
                    .checked_sub(1)
                    .map(|p| self.tok(p).is_some_and(|t| t.kind == TokenKind::Number))
                    .unwrap_or(false);
                if !prev && self.is_word(i) {
                    let mut a = self.word_amount(i, i + 1, v, 1.0);
                    a.kind = Some(QuantityKind::Ordinal);
                    return Some(a);
                }
            }
            return None;
        }
        // A lone `one` is usually a pronoun (`one of the`, `no one`).
        if words.len() == 1 && words[0] == "one" && !first_is_a {
            let next = self.lower(j);
            let prev = i.checked_sub(1).map(|p| self.lower(p)).unwrap_or_default();
            // After a preposition (`from one activity into another`) it rarely counts anything.
            if next == "of"
                || !self.is_word(j)
                || lx.stopwords.contains(next)
                || matches!(
                    prev,
                    "no" | "the"
                        | "this"
                        | "that"
                        | "every"
                        | "any"
                        | "each"
                        | "which"
                        | "someone"
                        | "anyone"
                        | "from"
                        | "of"
                        | "into"
                        | "with"
                        | "for"
                        | "by"
                )
            {
                return None;
            }
        }
        let value = words_value(&words)?;
        let scale = words
            .iter()
            .filter(|w| w.as_str() != "hundred")
            .filter_map(|w| lx.scales.get(w.as_str()))
            .fold(1.0, |acc, m| acc * m);
        Some(self.word_amount(i, j, value, scale))
    }

    fn word_amount(&self, start: usize, end: usize, value: f64, scale: f64) -> Amount {
        Amount {
            value: Some(value),
            low: value,
            high: Some(value),
            vague: false,
            currency: None,
            kind: None,
            decimals: 0,
            scale,
            start,
            end,
        }
    }

    fn vague(&self, i: usize) -> Option<Amount> {
        let (end, low, high) = self
            .lx
            .vague
            .iter()
            .find_map(|(words, low, high)| self.phrase(i, words).map(|j| (j, *low, *high)))?;
        // `hundreds` must count something or scale something: `hundreds of people`, `hundreds fled`.
        Some(Amount {
            value: None,
            low,
            high,
            vague: true,
            currency: None,
            kind: None,
            decimals: 0,
            scale: 1.0,
            start: i,
            end,
        })
    }

    /// Applies hedge, range, unit, percent and the kind of number to a parsed amount.
    fn finish(&self, start: usize, hedge: HedgeKind, a: Amount) -> Quantity {
        let mut end = a.end;
        let mut unit = a.currency.map(Unit::currency);
        let mut kind = a.kind.unwrap_or(if unit.is_some() {
            QuantityKind::Money
        } else {
            QuantityKind::Count
        });
        let mut hedge = hedge;
        let mut unit_token = None;
        let (mut low, mut high) = match (hedge, a.value) {
            (HedgeKind::Vague | HedgeKind::Range, _) | (_, None) => (Some(a.low), a.high),
            (HedgeKind::Exact, Some(v)) => (Some(v), Some(v)),
            (HedgeKind::AtLeast | HedgeKind::MoreThan, Some(v)) => (Some(v), None),
            (HedgeKind::AtMost | HedgeKind::LessThan | HedgeKind::UpTo, Some(v)) => {
                (Some(0.0), Some(v))
            }
            (HedgeKind::Nearly, Some(v)) => (None, Some(v)),
            // Firm bounds are unknown for `about`; the judge applies a stated tolerance.
            (HedgeKind::Approx, Some(_)) => (None, None),
        };
        if kind == QuantityKind::Count {
            // Post-figure currency, percent and units.
            if self.is_sym(end, "%") {
                unit = Some(Unit::simple("percent", "percent", 1.0));
                kind = QuantityKind::Percent;
                end += 1;
            } else if let Some(e) = self
                .phrase(end, &["percentage", "points"])
                .or_else(|| self.phrase(end, &["percentage", "point"]))
            {
                unit = Some(Unit::simple("percentage point", "percentage_points", 1.0));
                kind = QuantityKind::PercentagePoints;
                end = e;
            } else if let Some(e) = self.phrase(end, &["basis", "points"]) {
                unit = Some(Unit::simple("basis point", "percentage_points", 0.01));
                kind = QuantityKind::PercentagePoints;
                end = e;
            } else if let Some(e) = self
                .phrase(end, &["percent"])
                .or_else(|| self.phrase(end, &["per", "cent"]))
                .or_else(|| self.phrase(end, &["pct"]))
            {
                unit = Some(Unit::simple("percent", "percent", 1.0));
                kind = QuantityKind::Percent;
                end = e;
            } else if let Some((e, code)) = self.currency_after(end) {
                unit = Some(Unit::currency(code));
                kind = QuantityKind::Money;
                end = e;
            } else if let Some((e, u)) = self.unit_after(end) {
                unit_token = Some(end);
                unit = Some(u);
                kind = QuantityKind::Measure;
                end = e;
            }
        }
        // `or more`, `or so`, `300-plus`
        if hedge == HedgeKind::Exact {
            if let Some(e) = self.phrase(end, &["or", "more"]) {
                hedge = HedgeKind::AtLeast;
                high = None;
                end = e;
            } else if let Some(e) = self.phrase(end, &["or", "so"]) {
                hedge = HedgeKind::Approx;
                low = None;
                high = None;
                end = e;
            } else if self.is_sym(end, "-") && self.glued(end) && self.lower(end + 1) == "plus" {
                hedge = HedgeKind::MoreThan;
                high = None;
                end += 2;
            }
        }
        if kind == QuantityKind::Count && a.kind.is_none() {
            kind = self.non_count_kind(a.start, a.end, hedge, &a);
        }
        let span = self.tok(start).map_or(0, |t| t.span.start)
            ..self.tok(end - 1).map_or(0, |t| t.span.end);
        Quantity {
            span,
            kind,
            value: a.value,
            low,
            high,
            hedge,
            unit,
            decimals: a.decimals,
            scaled: a.scale != 1.0,
            end_token: end,
            start_token: start,
            unit_token,
        }
    }

    fn currency_after(&self, i: usize) -> Option<(usize, &'static str)> {
        // `tens of millions of dollars`, `3 million pounds`
        let j = if self.lower(i) == "of" { i + 1 } else { i };
        let w = self.lower(j);
        if !self.is_word(j) {
            return None;
        }
        self.lx
            .currencies
            .iter()
            .find(|(s, _)| {
                s.chars().all(char::is_alphabetic)
                    && s.to_lowercase() == w
                    && !(s.len() == 3
                        && s.chars().all(|c| c.is_ascii_uppercase())
                        && self.raw(j) != *s)
            })
            .map(|(_, code)| (j + 1, *code))
    }

    fn unit_after(&self, i: usize) -> Option<(usize, Unit)> {
        let t = self.tok(i)?;
        for (surface, def) in &self.lx.units {
            let short = surface.chars().count() == 1 || *surface == "in";
            if short && !t.glued {
                continue;
            }
            let ci =
                surface.len() >= 3 && surface.chars().all(|c| c.is_ascii_lowercase() || c == ' ');
            if let Some(j) = self.match_surface(i, surface, ci) {
                // The unit must end at a word boundary (`5 in` is not `5 inches`).
                if self.is_word(j) && self.glued(j) {
                    continue;
                }
                return Some((j, Unit::from_def(def)));
            }
        }
        // `10-year sentence`: a unit word hyphenated to the figure.
        if self.is_sym(i, "-") && t.glued && self.glued(i + 1) && self.is_word(i + 1) {
            let w = self.lower(i + 1);
            if let Some((_, def)) = self
                .lx
                .units
                .iter()
                .find(|(s, d)| *s == w && d.dimension != "temperature")
            {
                return Some((i + 2, Unit::from_def(def)));
            }
        }
        None
    }

    /// Years, dates, times and identifiers look like counts until their context says otherwise.
    fn non_count_kind(
        &self,
        start: usize,
        end: usize,
        hedge: HedgeKind,
        a: &Amount,
    ) -> QuantityKind {
        let prev = start.checked_sub(1);
        let prev_word = prev.map(|p| self.lower(p)).unwrap_or_default();
        let prev2 = start
            .checked_sub(2)
            .map(|p| self.lower(p))
            .unwrap_or_default();
        let next = self.lower(end);
        let is_digits = self
            .tok(a.start)
            .is_some_and(|t| t.kind == TokenKind::Number);
        // Times: `3 a.m.`, `10:30`, `9 pm`
        if matches!(
            next,
            "a.m" | "p.m" | "am" | "pm" | "o'clock" | "gmt" | "utc"
        ) || (self.is_sym(end, ":")
            && self.glued(end)
            && self
                .tok(end + 1)
                .is_some_and(|t| t.kind == TokenKind::Number && t.glued))
        {
            return QuantityKind::Time;
        }
        // Dates: `June 9`, `9 June`, `Jan. 5`
        let month_before = self.lx.months.contains(prev_word)
            || (prev_word == "." && self.lx.months.contains(format!("{prev2}.").as_str()));
        if month_before || self.lx.months.contains(next) && !matches!(next, "may" | "march") {
            return QuantityKind::Date;
        }
        // Identifiers: `Article 159`, `COVID-19`, `No. 5`
        if self.lx.identifiers.contains(prev_word)
            || prev_word == "." && self.lx.identifiers.contains(format!("{prev2}.").as_str())
        {
            return QuantityKind::Identifier;
        }
        if is_digits
            && prev.is_some_and(|p| {
                self.is_sym(p, "-")
                    && self.glued(start)
                    && self.glued(p)
                    && p > 0
                    && self.is_word(p - 1)
            })
        {
            return QuantityKind::Identifier;
        }
        if is_digits && prev.is_some_and(|p| self.is_sym(p, "#")) {
            return QuantityKind::Identifier;
        }
        // Years: a plain four-digit figure in 1800–2100 that counts nothing plural.
        if is_digits && hedge == HedgeKind::Exact && a.scale == 1.0 {
            let raw = self.raw(a.start);
            if let Some(v) = a.value {
                let plural_next =
                    self.is_word(end) && next.ends_with('s') && !self.lx.stopwords.contains(next);
                if raw.len() == 4
                    && raw.bytes().all(|b| b.is_ascii_digit())
                    && (1800.0..=2100.0).contains(&v)
                    && !plural_next
                {
                    return QuantityKind::Year;
                }
            }
        }
        QuantityKind::Count
    }
}

/// A range's two ends: a scale written only on the second end applies to both (`1.5-2 million`).
fn merge_range(a: Amount, b: Amount) -> Amount {
    let (mut lo, hi) = (
        a.value.unwrap_or(a.low),
        b.high.or(b.value).unwrap_or(b.low),
    );
    if a.scale == 1.0 && b.scale != 1.0 {
        lo *= b.scale;
    }
    Amount {
        value: None,
        low: lo,
        high: Some(hi),
        vague: false,
        currency: a.currency.or(b.currency),
        kind: None,
        decimals: a.decimals.max(b.decimals),
        scale: if b.scale != 1.0 { b.scale } else { a.scale },
        start: a.start,
        end: b.end,
    }
}

/// The value of a run of English number words, via text2num, with our own handling of `dozen`.
fn words_value(words: &[String]) -> Option<f64> {
    let (body, dozen) = match words.last().map(String::as_str) {
        Some("dozen") => (&words[..words.len() - 1], 12.0),
        _ => (words, 1.0),
    };
    if body.is_empty() {
        return Some(dozen);
    }
    let phrase = body.join(" ");
    let en = text2num::Language::english();
    let digits = text2num::text2digits(&phrase, &en).ok()?;
    let v: f64 = digits.parse().ok()?;
    Some(v * dozen)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    /// Surface text, kind, value, low, high, hedge: what the table below checks.
    type Row = (
        String,
        QuantityKind,
        Option<f64>,
        Option<f64>,
        Option<f64>,
        HedgeKind,
    );

    fn q(s: &str) -> Vec<Row> {
        let toks = tokenize(s, 0);
        find(s, &toks)
            .into_iter()
            .map(|q| {
                (
                    s[q.span.clone()].to_string(),
                    q.kind,
                    q.value,
                    q.low,
                    q.high,
                    q.hedge,
                )
            })
            .collect()
    }

    fn one(s: &str) -> Row {
        let all = q(s);
        assert_eq!(all.len(), 1, "{s}: {all:?}");
        all.into_iter().next().unwrap()
    }

    macro_rules! cases {
        ($($name:ident: $input:expr => ($text:expr, $kind:ident, $value:expr, $low:expr, $high:expr, $hedge:ident);)*) => {
            $(#[test] fn $name() {
                let got = one($input);
                assert_eq!(got, ($text.to_string(), QuantityKind::$kind, $value, $low, $high, HedgeKind::$hedge), "{}", $input);
            })*
        };
    }

    cases! {
        digits_plain: "20 countries" => ("20", Count, Some(20.0), Some(20.0), Some(20.0), Exact);
        thousands_separator: "1,200 homes" => ("1,200", Count, Some(1200.0), Some(1200.0), Some(1200.0), Exact);
        at_least: "at least 300 individuals" => ("at least 300", Count, Some(300.0), Some(300.0), None, AtLeast);
        over: "over 300 people" => ("over 300", Count, Some(300.0), Some(300.0), None, MoreThan);
        around: "around 500 staff" => ("around 500", Count, Some(500.0), None, None, Approx);
        up_to: "up to 10 years in prison" => ("up to 10 years", Measure, Some(10.0), Some(0.0), Some(10.0), UpTo);
        number_word: "thirty-four died" => ("thirty-four", Count, Some(34.0), Some(34.0), Some(34.0), Exact);
        number_words_and: "one hundred and twenty people" => ("one hundred and twenty", Count, Some(120.0), Some(120.0), Some(120.0), Exact);
        a_dozen: "a dozen ambulances" => ("a dozen", Count, Some(12.0), Some(12.0), Some(12.0), Exact);
        two_dozen: "two dozen ambulances" => ("two dozen", Count, Some(24.0), Some(24.0), Some(24.0), Exact);
        half_a_million: "half a million people" => ("half a million", Count, Some(500000.0), Some(500000.0), Some(500000.0), Exact);
        scale_word: "1.5 million people" => ("1.5 million", Count, Some(1500000.0), Some(1500000.0), Some(1500000.0), Exact);
        dollars_bn: "a $3.4bn deal" => ("$3.4bn", Money, Some(3.4e9), Some(3.4e9), Some(3.4e9), Exact);
        euros_m: "€75m in fines" => ("€75m", Money, Some(75e6), Some(75e6), Some(75e6), Exact);
        pounds_word: "3 million pounds" => ("3 million pounds", Money, Some(3e6), Some(3e6), Some(3e6), Exact);
        tens_of_thousands: "tens of thousands of people" => ("tens of thousands", Count, None, Some(10000.0), Some(100000.0), Vague);
        tens_of_millions_of_dollars: "tens of millions of dollars" => ("tens of millions of dollars", Money, None, Some(1e7), Some(1e8), Vague);
        numerous: "numerous individuals" => ("numerous", Count, None, Some(10.0), None, Vague);
        between: "between 20 and 25 people" => ("between 20 and 25", Count, None, Some(20.0), Some(25.0), Range);
        dash_range: "20-25 people" => ("20-25", Count, None, Some(20.0), Some(25.0), Range);
        percent: "rose 3.5% in" => ("3.5%", Percent, Some(3.5), Some(3.5), Some(3.5), Exact);
        per_cent: "3.5 per cent" => ("3.5 per cent", Percent, Some(3.5), Some(3.5), Some(3.5), Exact);
        basis_points: "by 25 basis points" => ("25 basis points", PercentagePoints, Some(25.0), Some(25.0), Some(25.0), Exact);
        miles: "5 miles" => ("5 miles", Measure, Some(5.0), Some(5.0), Some(5.0), Exact);
        glued_km: "a 20km stretch" => ("20km", Measure, Some(20.0), Some(20.0), Some(20.0), Exact);
        year: "in 2019 the" => ("2019", Year, Some(2019.0), Some(2019.0), Some(2019.0), Exact);
        date: "on June 9 police" => ("9", Date, Some(9.0), Some(9.0), Some(9.0), Exact);
        time: "at 3 a.m. on" => ("3", Time, Some(3.0), Some(3.0), Some(3.0), Exact);
        article: "under Article 159 of" => ("159", Identifier, Some(159.0), Some(159.0), Some(159.0), Exact);
        covid: "COVID-19 cases" => ("19", Identifier, Some(19.0), Some(19.0), Some(19.0), Exact);
        ordinal_suffix: "the 4th time" => ("4th", Ordinal, Some(4.0), Some(4.0), Some(4.0), Exact);
        ordinal_word: "the third strike" => ("third", Ordinal, Some(3.0), Some(3.0), Some(3.0), Exact);
        or_more: "50 or more houses" => ("50 or more", Count, Some(50.0), Some(50.0), None, AtLeast);
        plus: "300-plus workers" => ("300-plus", Count, Some(300.0), Some(300.0), None, MoreThan);
        fraction: "2 1/2 hours" => ("2 1/2 hours", Measure, Some(2.5), Some(2.5), Some(2.5), Exact);
    }

    #[test]
    fn killed_five_in_texas_is_not_inches() {
        assert_eq!(one("killed 5 in Texas").1, QuantityKind::Count);
    }

    #[test]
    fn pronoun_one_is_not_a_count() {
        assert!(q("no one was hurt and one of them fled").is_empty());
    }

    #[test]
    fn ip_address_is_an_identifier() {
        assert_eq!(one("host 192.168.1.2 was").1, QuantityKind::Identifier);
    }
}
