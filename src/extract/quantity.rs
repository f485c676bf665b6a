//! Finds quantities in a sentence: the figure, its hedge, scale, unit or currency, and what
//! kind of number it is (a count, money, a percentage, a measure, an age, a magnitude, a
//! multiplier, or a year/date/time/identifier/ordinal that must never be compared as a count).
//!
//! One pass over the tokens: at each token that can start a quantity, [`Parser::quantity`]
//! reads `[hedge] [sign] [currency] numeral [unit | currency | percent] [after-hedge]`, joins
//! ranges (`20-25`, `between X and Y`, `3 to 4 L`), and types the figure by its neighbours.
//! Two small passes then join opposite bounds (`more than 10 and less than 40`) and share a
//! unit across a list (`45 and 50 mg`).

use super::lexicon::{flag, lexicon, AfterHedge, Currency, HedgeKind, Lexicon, TokenView, UnitDef};
use super::number::{read_digits, Digits, Numeral};
use super::token::{Token, TokenKind, Tokens};
use std::borrow::Cow;
use std::cell::{Cell, OnceCell};

/// A token's flags not looked up yet.
const UNKNOWN: u16 = 0x8000;
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
    /// `a 45-year-old`, `aged 45`, `Smith, 45,`.
    Age,
    /// Earthquake magnitude (`magnitude 7.8`, `7.1 on the Richter scale`).
    Magnitude,
    /// `twice`, `nine times`, `three-fold`.
    Multiplier,
    Ordinal,
    Year,
    Date,
    Time,
    /// Names something (`Article 159`, `COVID-19`, `5G`, an IP address, a phone number).
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
                | QuantityKind::Age
                | QuantityKind::Magnitude
                | QuantityKind::Multiplier
        )
    }
}

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
    fn from_def(d: &UnitDef) -> Unit {
        Unit {
            name: Cow::Borrowed(d.name),
            dimension: Cow::Borrowed(d.dimension),
            factor: d.factor,
            offset: d.offset,
        }
    }

    fn currency(c: &Currency) -> Unit {
        let sub = c.subunit.filter(|_| !c.scale);
        Unit {
            name: Cow::Borrowed(sub.unwrap_or(c.code)),
            dimension: Cow::Borrowed(c.dimension),
            factor: if sub.is_some() { c.factor } else { 1.0 },
            offset: 0.0,
        }
    }

    fn simple(name: &'static str, dimension: &'static str, factor: f64) -> Unit {
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
    fn per(self, d: Unit) -> Unit {
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
    fn kind(&self) -> QuantityKind {
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

/// A figure found in the text, with offsets into the normalized document text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub span: Range<usize>,
    pub kind: QuantityKind,
    /// The point figure as written (in its own unit); `None` for ranges and vague amounts.
    pub value: Option<f64>,
    /// Lower bound (`None`: unbounded or unstated).
    pub low: Option<f64>,
    /// Upper bound (`None`: unbounded or unstated).
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

impl Quantity {
    /// A figure beyond the range of `f64` (`1e309 million`, a 310-digit number) is not an
    /// amount anyone can compare: it is kept as an identifier-like code with no value, so no
    /// later stage does arithmetic on an infinity.
    fn retype_if_not_finite(&mut self) {
        let finite = |v: Option<f64>| v.is_none_or(f64::is_finite);
        if !(finite(self.value) && finite(self.low) && finite(self.high)) {
            self.kind = QuantityKind::Identifier;
            self.value = None;
            self.low = None;
            self.high = None;
        }
    }
}

/// Finds every quantity among a sentence's tokens (offsets into `text`).
pub fn find(text: &str, tokens: &[Token]) -> Vec<Quantity> {
    let Some(first) = tokens.first() else {
        return Vec::new();
    };
    let base = first.span.start;
    let end = tokens.last().map_or(base, |t| t.span.end);
    let lower = text[base..end].to_ascii_lowercase();
    find_with(&Parser::new(text, tokens, &lower, base))
}

/// Finds every quantity of a tokenized sentence.
pub fn find_in(t: &Tokens) -> Vec<Quantity> {
    if t.is_empty() {
        return Vec::new();
    }
    let (lower, base) = t.lowered();
    find_with(&Parser::new(t.text, &t.toks, lower, base))
}

fn find_with(p: &Parser) -> Vec<Quantity> {
    let tokens = p.toks;
    let n = tokens.len();
    let numeric = |k: usize| match tokens[k].kind {
        TokenKind::Number => true,
        // Most words are rejected by shape, without the full lookup.
        TokenKind::Word => p.lx.is_numeric_word(p.lower(k)),
        _ => false,
    };
    // The next token that looks numeric (digits, a number word, a vague amount word) at or
    // after `i`: words far from one cannot start a quantity, so most of a sentence is
    // skipped after one lookup per token.
    let mut next_num = 0;
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if next_num < i {
            next_num = (i..n).find(|&k| numeric(k)).unwrap_or(usize::MAX);
        }
        if next_num > i + 8 || !p.may_start(i) {
            i += 1;
            continue;
        }
        if let Some(list) = p.digit_list(i) {
            out.extend(list);
            i += 1;
            continue;
        }
        match p.quantity(i) {
            Some(q) => {
                i = q.end_token.max(i + 1);
                out.push(q);
            }
            None => i += 1,
        }
    }
    p.join_bounds(&mut out);
    p.share_units(&mut out);
    for q in &mut out {
        q.retype_if_not_finite();
    }
    out
}

/// Reads quantities from one sentence's tokens.
pub(crate) struct Parser<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: &'a [Token],
    /// The sentence lowercased (ASCII), so token offsets index it directly.
    lower_text: &'a str,
    base: usize,
    pub(crate) lx: &'static Lexicon,
    /// Cue classes mentioned in the sentence, computed when first asked.
    cues: OnceCell<Vec<&'static str>>,
    /// Per token, what it can begin or be (lexicon [`flag`] bits), looked up when first
    /// needed ([`UNKNOWN`] until then).
    flags: Vec<Cell<u16>>,
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

/// One figure with its hedge and unit, before ranges join it to another.
#[derive(Debug, Clone)]
struct Single {
    start: usize,
    end: usize,
    hedge: HedgeKind,
    value: Option<f64>,
    low: f64,
    high: Option<f64>,
    num: Option<Numeral>,
    unit: Option<Unit>,
    unit_token: Option<usize>,
    kind: Option<QuantityKind>,
    decimals: u32,
    scale: f64,
}

const SIZE_WORDS: &[&str] = &[
    "long", "wide", "tall", "high", "deep", "thick", "across", "diameter", "in", "length", "width",
    "height", "depth", "square",
];

const TIME_WORDS: &[&str] = &[
    "a.m", "am", "p.m", "pm", "o'clock", "gmt", "utc", "bst", "cet", "cest", "est", "edt", "pst",
    "pdt", "et", "pt", "ist", "jst", "aest",
];

impl<'a> Parser<'a> {
    fn new(text: &'a str, toks: &'a [Token], lower_text: &'a str, base: usize) -> Parser<'a> {
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
        Parser {
            text,
            toks,
            lower_text,
            base,
            lx,
            cues: OnceCell::new(),
            flags,
        }
    }

    /// What token `i` can begin or be (lexicon [`flag`] bits); 0 past the end.
    fn flag(&self, i: usize) -> u16 {
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
        self.toks.get(i).map_or("", |t| {
            &self.lower_text[t.span.start - self.base..t.span.end - self.base]
        })
    }

    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    fn is_number(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokenKind::Number)
    }

    fn is_sym(&self, i: usize, s: &str) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokenKind::Symbol) && self.raw(i) == s
    }

    pub(crate) fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.glued)
    }

    /// Whether the sentence mentions a word of cue class `class` (`temperature`, `money`…).
    fn has_cue(&self, class: &str) -> bool {
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

    /// Whether a currency is written around token `j`: a symbol or code just before the
    /// figure, or a currency word just after (`€75m`, `75m euros`).
    pub(crate) fn money_context(&self, j: usize) -> bool {
        let before = (j.saturating_sub(4)..j).any(|k| {
            self.tok(k).is_some_and(|t| t.kind != TokenKind::Number)
                && self.lx.currencies.matches(self, k).any(|(e, _, c)| {
                    c.before && e <= j && (e..j).all(|m| self.is_number(m) || self.is_sym(m, "-"))
                })
        });
        before
            || self
                .lx
                .currencies
                .matches(self, j + 1)
                .any(|(_, _, c)| c.after && c.cue.is_none())
    }

    /// A cheap test before parsing: can token `i` start a quantity at all?
    fn may_start(&self, i: usize) -> bool {
        match self.toks[i].kind {
            TokenKind::Number => true,
            TokenKind::Address => false,
            _ => self.flag(i) & flag::STARTER != 0,
        }
    }

    /// A list written without spaces (`22,24,26,31`): one count per number.
    fn digit_list(&self, i: usize) -> Option<Vec<Quantity>> {
        if !self.is_number(i) {
            return None;
        }
        let Digits::List(parts) = read_digits(self.raw(i)) else {
            return None;
        };
        let start = self.toks[i].span.start;
        Some(
            parts
                .into_iter()
                .filter_map(|(a, b)| {
                    let v: f64 = self.raw(i)[a..b].parse().ok()?;
                    Some(Quantity {
                        span: start + a..start + b,
                        kind: QuantityKind::Count,
                        value: Some(v),
                        low: Some(v),
                        high: Some(v),
                        hedge: HedgeKind::Exact,
                        unit: None,
                        decimals: 0,
                        scaled: false,
                        end_token: i + 1,
                        start_token: i,
                        unit_token: None,
                    })
                })
                .collect(),
        )
    }

    /// The quantity starting at token `i`, if any.
    fn quantity(&self, i: usize) -> Option<Quantity> {
        let first = self.lower(i);
        if first == "between" || first == "from" {
            if let Some(q) = self.between(i) {
                return Some(q);
            }
            return None;
        }
        if self.is_number(i) {
            if let Some(q) = self.structured(i) {
                return Some(q);
            }
        } else if let Some((j, h)) = self.lx.hedges.longest(self, i) {
            // `about 12:00 GMT`: a hedged clock time.
            if self.is_number(j) {
                if let Some(mut q) = self.structured(j) {
                    if q.kind == QuantityKind::Time {
                        q.span = self.span(i, q.end_token);
                        q.start_token = i;
                        q.hedge = *h;
                    }
                    return Some(q);
                }
            }
        }
        if let Some(q) = self.percent_of(i) {
            return Some(q);
        }
        // `No one was hurt`, `nobody died`, `no deaths were reported`: a count of zero, which
        // another report's `two were injured` contradicts.
        if first == "nobody" || (first == "no" && self.lower(i + 1) == "one") {
            let end = if first == "nobody" { i + 1 } else { i + 2 };
            return Some(self.typed(i, end, QuantityKind::Count, Some(0.0)));
        }
        // Only before a plural count noun: `no deaths`, not `no difference`.
        let next = self.lower(i + 1);
        if first == "no"
            && next.ends_with('s')
            && !next.ends_with("ss")
            && self.lx.class_of(next).is_some()
        {
            return Some(self.typed(i, i + 1, QuantityKind::Count, Some(0.0)));
        }
        if first == "twice" || first == "thrice" {
            let v = if first == "twice" { 2.0 } else { 3.0 };
            return Some(self.typed(i, i + 1, QuantityKind::Multiplier, Some(v)));
        }
        let a = self.single(i)?;
        if let Some(q) = self.range_after(&a) {
            return Some(q);
        }
        Some(self.finish(a))
    }

    /// `percent of 10`, `per cent of twenty-two` opening a clause: the percentage named after.
    fn percent_of(&self, i: usize) -> Option<Quantity> {
        let opens = i == 0 || self.tok(i - 1).is_some_and(|t| t.kind == TokenKind::Symbol);
        if !opens {
            return None;
        }
        let mut k = i + 1;
        match self.lower(i) {
            "percent" | "percents" => {}
            "per" if self.lower(k) == "cent" => k += 1,
            _ => return None,
        }
        if self.lower(k) != "of" {
            return None;
        }
        let n = self.numeral(k + 1)?;
        if n.ordinal {
            return None;
        }
        let mut q = self.typed(i, n.end, QuantityKind::Percent, Some(n.value));
        q.unit = Some(Unit::simple("percent", "percent", 1.0));
        q.decimals = n.decimals;
        Some(q)
    }

    /// A quantity of a fixed kind over tokens `start..end`.
    fn typed(&self, start: usize, end: usize, kind: QuantityKind, value: Option<f64>) -> Quantity {
        Quantity {
            span: self.span(start, end),
            kind,
            value,
            low: value,
            high: value,
            hedge: HedgeKind::Exact,
            unit: None,
            decimals: 0,
            scaled: false,
            end_token: end,
            start_token: start,
            unit_token: None,
        }
    }

    fn span(&self, start: usize, end: usize) -> Range<usize> {
        let s = self.tok(start).map_or(0, |t| t.span.start);
        let e = self.tok(end.max(start + 1) - 1).map_or(s, |t| t.span.end);
        s..e
    }

    /// Digit patterns that are not amounts: dates (`5/17/2018`, `2018-05-17`, `1995-01`),
    /// clock times (`10:30`), phone numbers (`+1-222-2222/2222`), addresses (`192.168.1.2`),
    /// year spans (`2013-14`), and number pairs like `24/7`.
    fn structured(&self, i: usize) -> Option<Quantity> {
        let raw = self.raw(i);
        if read_digits(raw) == Digits::Dotted {
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
            return Some(self.typed(i, i + 1, kind, None));
        }
        // Groups of digits joined by glued `-`, `/` or `.`: i, sep, n, sep, n…
        let mut groups = vec![i];
        let mut seps = Vec::new();
        let mut k = i + 1;
        while self.glued(k)
            && matches!(self.raw(k), "-" | "/")
            && self.glued(k + 1)
            && self.is_number(k + 1)
        {
            seps.push(self.raw(k));
            groups.push(k + 1);
            k += 2;
        }
        let digits: Vec<&str> = groups.iter().map(|&g| self.raw(g)).collect();
        let all_digits = digits.iter().all(|d| d.bytes().all(|b| b.is_ascii_digit()));
        let end = *groups.last().expect("one") + 1;
        let num = |s: &str| s.parse::<u32>().unwrap_or(u32::MAX);
        let plus = i > 0 && self.is_sym(i - 1, "+") && self.glued(i);
        let paren = i > 0 && self.is_sym(i - 1, "(") && self.raw(i + 1) == ")";
        if all_digits && groups.len() >= 2 {
            let total: usize = digits.iter().map(|d| d.len()).sum();
            let date = match (digits.len(), seps.as_slice()) {
                (3, ["/", "/"]) => {
                    (num(digits[0]) <= 31 && num(digits[1]) <= 31)
                        && matches!(digits[2].len(), 2 | 4)
                }
                (3, ["-", "-"]) => {
                    digits[0].len() == 4 && num(digits[1]) <= 12 && num(digits[2]) <= 31
                }
                (2, ["-"]) => {
                    digits[0].len() == 4 && digits[1].len() == 2 && digits[1].starts_with('0')
                        || digits[0].len() == 4 && digits[1] == "10"
                        || digits[0].len() == 4
                            && matches!(digits[1], "11" | "12")
                            && num(digits[1]) != (num(digits[0]) + 1) % 100
                }
                _ => false,
            };
            if date {
                return Some(self.typed(i, end, QuantityKind::Date, None));
            }
            // `2013-14`, `2010-2012`: a span of years.
            if digits.len() == 2 && seps == ["-"] && digits[0].len() == 4 {
                let y = num(digits[0]);
                let second = num(digits[1]);
                let to = match digits[1].len() {
                    2 => y / 100 * 100 + second,
                    4 => second,
                    _ => 0,
                };
                if (1000..=2100).contains(&y) && to > y && to - y < 100 {
                    let mut q = self.typed(i, end, QuantityKind::Year, None);
                    q.low = Some(y as f64);
                    q.high = Some(to as f64);
                    q.hedge = HedgeKind::Range;
                    return Some(q);
                }
            }
            let phone = (groups.len() >= 3 && total >= 7)
                || (groups.len() == 2 && digits[0].len() == 3 && digits[1].len() == 4)
                || (plus && total >= 7);
            if phone {
                let start = if plus { i - 1 } else { i };
                return Some(self.typed(start, end, QuantityKind::Identifier, None));
            }
            // `24/7`, `9/11`: a pair that is neither a fraction nor a date.
            if groups.len() == 2 && seps == ["/"] && num(digits[0]) >= num(digits[1]) {
                return Some(self.typed(i, end, QuantityKind::Identifier, None));
            }
        }
        // `(555) 123-4567`
        if paren && groups.len() == 1 && raw.len() == 3 {
            let rest = i + 2;
            if self.is_number(rest) && self.glued(rest + 1) && self.is_sym(rest + 1, "-") {
                return Some(self.typed(i - 1, rest + 3, QuantityKind::Identifier, None));
            }
        }
        // Clock times: `10:30`, `9:15 pm`.
        if self.is_sym(i + 1, ":") && self.glued(i + 1) && self.glued(i + 2) {
            let m = self.raw(i + 2);
            let h = num(raw);
            if m.len() == 2 && num(m) < 60 && h <= 24 && raw.len() <= 2 {
                let mut end = i + 3;
                let mut hours = h as f64 + num(m) as f64 / 60.0;
                // Seconds: `10:30:15`
                if self.is_sym(end, ":") && self.glued(end) && self.is_number(end + 1) {
                    let sec = self.raw(end + 1);
                    end += 2;
                    // `won in 2:04:31`: hours, minutes and seconds with no clock word after
                    // them are an elapsed time, as in race results.
                    if self.clock_suffix(end).0 == end && sec.len() == 2 && num(sec) < 60 {
                        if let Some(u) = self.lx.unit_named("hours") {
                            let v = hours + num(sec) as f64 / 3600.0;
                            let mut q = self.typed(i, end, QuantityKind::Measure, Some(v));
                            q.unit = Some(Unit::from_def(u));
                            q.decimals = 4;
                            return Some(q);
                        }
                    }
                }
                let (e, pm) = self.clock_suffix(end);
                if pm && hours < 12.0 {
                    hours += 12.0;
                }
                return Some(self.typed(i, e, QuantityKind::Time, Some(hours)));
            }
        }
        None
    }

    /// `am`/`pm`/`a.m.`/`GMT` after a time: the index after it, and whether it is afternoon.
    fn clock_suffix(&self, j: usize) -> (usize, bool) {
        let w = self.lower(j);
        if !TIME_WORDS.contains(&w) {
            return (j, false);
        }
        let mut e = j + 1;
        if w.contains('.') && self.is_sym(e, ".") && self.glued(e) {
            e += 1;
        }
        (e, w.starts_with('p'))
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

    /// A currency written before the figure at `j`: the index after it.
    fn currency_before(&self, j: usize) -> Option<(usize, &'static Currency)> {
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

    /// A figure with its hedge and unit at `i`.
    fn single(&self, i: usize) -> Option<Single> {
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
        let mut s = match self.numeral(j) {
            Some(n) => Single {
                start: i,
                end: n.end,
                hedge,
                value: Some(n.value),
                low: n.value,
                high: Some(n.value),
                unit: None,
                unit_token: None,
                kind: n.ordinal.then_some(QuantityKind::Ordinal),
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
            if let Some((e, c2)) = self.currency_after(s.end, &s) {
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

    /// Whether the digits at `start` are part of a code: glued to a word before (`i7`,
    /// `L2`), after a word and hyphen (`SCP-173`), or chained to such digits (`J1149.5+6663`).
    fn is_code(&self, start: usize) -> bool {
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

    /// Scale words after a currency code or unit: `75 USD million`. Returns end and factor.
    fn scale_words(&self, j: usize) -> Option<(usize, f64)> {
        match self.lx.number_word(self.lower(j)) {
            Some((m, super::lexicon::WordKind::Scale)) if self.is_word(j) => Some((j + 1, m)),
            _ => None,
        }
    }

    /// A vague amount at `j` (the hedge, if any, started at `i`): `dozens`, `several
    /// hundred`, `tens of thousands`.
    fn vague(&self, i: usize, j: usize, hedge: HedgeKind) -> Option<Single> {
        let (mut end, v) = self.lx.vague.longest(self, j)?;
        let (mut low, mut high) = (v.low, v.high);
        let mut scale = 1.0;
        if v.scalable {
            while let Some((
                m,
                super::lexicon::WordKind::Scale | super::lexicon::WordKind::Hundred,
            )) = self
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
        if let Some((e, c)) = self.currency_after(end, &s) {
            s.unit = Some(Unit::currency(c));
            s.kind = Some(QuantityKind::Money);
            s.end = e;
        } else if self.lower(end) == "of" {
            if let Some((e, u)) = self.unit_after(end + 1, &s) {
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
            if te > e {
                let w = self.lower(e);
                let ampm = matches!(w, "a.m" | "am" | "p.m" | "pm");
                if !ampm || n.value <= 12.0 {
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
        if let Some((end, c)) = self.currency_after(e, s) {
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
        let e = s.end;
        if let Some((end, unit)) = self.unit_after(e, s) {
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
        let probe = Single {
            num: Some(n.clone()),
            ..s.clone()
        };
        let Some((end, small)) = self.unit_after(n.end, &probe) else {
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
                if w != "a" && w != "an" || d.dimension != "money" {
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

    /// A currency written after the figure at `j` (`5 dollars`, `10 €`, `115USD`, `of
    /// dollars` after a vague or scaled amount).
    fn currency_after(&self, j: usize, s: &Single) -> Option<(usize, &'static Currency)> {
        let mut k = j;
        if self.lower(k) == "of" && (s.value.is_none() || s.scale >= 1e6) {
            k += 1;
        } else if self.is_sym(k, "-") && self.glued(k) && self.glued(k + 1) {
            // `12-cent`, `one-yen`
            k += 1;
        }
        let scaled = s.scale >= 1e6 || s.value.is_none();
        let found = self.lx.currencies.matches(self, k).find(|(e, _, c)| {
            c.after
                && (!c.glued || self.glued(k))
                && c.cue.is_none_or(|cue| scaled || self.has_cue(cue))
                && !self.tok(*e).is_some_and(|t| {
                    t.glued && matches!(t.kind, TokenKind::Word | TokenKind::Number)
                })
                // `1 $10`: a symbol before a figure belongs to that figure.
                && !(self.raw(k).chars().all(|ch| !ch.is_alphanumeric())
                    && (self.is_number(*e) || self.is_number(*e + 1) && self.is_sym(*e, "-")))
        })?;
        Some((found.0, found.2))
    }

    /// `years old`, `-year-old`, `years of age`, `yo`: the index after it and the age unit.
    fn age_after(&self, e: usize) -> Option<(usize, Unit)> {
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
        if self.lower(m) == "old" {
            return Some((m + 1, age_unit(unit)));
        }
        if self.lower(m) == "of" && self.lower(m + 1) == "age" {
            return Some((m + 2, age_unit(unit)));
        }
        None
    }

    /// `magnitude`, `-magnitude`, `on the Richter scale`, `Mw` after a figure.
    fn magnitude_after(&self, e: usize) -> Option<usize> {
        let mut k = e;
        if self.is_sym(k, "-") && self.glued(k) {
            k += 1;
        }
        match self.lower(k) {
            "magnitude" => Some(k + 1),
            "mw" | "ml" if self.raw(k).starts_with('M') => Some(k + 1),
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
    fn multiplier_after(&self, e: usize) -> Option<usize> {
        let mut k = e;
        if self.is_sym(k, "-") && self.glued(k) && self.glued(k + 1) {
            k += 1;
        }
        match self.lower(k) {
            "times" => Some(k + 1),
            "fold" => Some(k + 1),
            _ => None,
        }
    }

    /// A unit after a figure at `j`: `km`, `5-mile`, `(kg)`, `square metres`, `km/h`, `J/m^2
    /// per year`, `an hour` after a fraction. Respects the flags in units.tsv.
    fn unit_after(&self, j: usize, s: &Single) -> Option<(usize, Unit)> {
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
        // `3-inch`, `six-mile`, `10-year`
        if self.is_sym(j, "-") && t.glued && self.glued(j + 1) && self.is_word(j + 1) {
            let (e, u) = self.compound_unit(j + 1, true)?;
            return Some((e, u));
        }
        // `half an hour`, `a quarter of a mile`
        if s.num.as_ref().is_some_and(|n| n.fraction) {
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
        self.compound_unit(j, t.glued)
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
        if p > 1 && self.is_sym(k, ".") && self.glued(k) {
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
    fn base_unit(&self, j: usize, glued: bool) -> Option<(usize, Unit)> {
        if !self.tok(j).is_some_and(|t| t.kind != TokenKind::Number) {
            return None;
        }
        let denominator = j > 0 && matches!(self.lower(j - 1), "per" | "/");
        self.lx
            .units
            .matches(self, j)
            .find(|(e, _, d)| {
                (!d.denominator || denominator)
                    && (!d.glued || glued)
                    && (!d.weak || glued || self.weak_unit_ok(*e))
                    && d.cue.is_none_or(|c| self.has_cue(c))
            })
            .map(|(e, _, d)| (e, Unit::from_def(d)))
    }

    /// `in` is an inch only at the end of a clause or before a size word (`2 in thick`).
    fn weak_unit_ok(&self, e: usize) -> bool {
        match self.tok(e) {
            None => true,
            Some(t) if t.kind == TokenKind::Symbol => !matches!(self.raw(e), "$" | "£" | "€"),
            Some(_) => SIZE_WORDS.contains(&self.lower(e)),
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

    /// `between X and Y`, `from X to Y` at `i`.
    fn between(&self, i: usize) -> Option<Quantity> {
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
    fn range_after(&self, a: &Single) -> Option<Quantity> {
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
            scaled: b.scale != 1.0 || a.scale != 1.0,
            end_token: b.end,
            start_token: a.start,
            unit_token: b.unit_token.or(a.unit_token),
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
            }
        }
        Some(q)
    }

    /// A single figure as a quantity: bounds from its hedge, and its kind from its neighbours.
    fn finish(&self, s: Single) -> Quantity {
        let kind = match s.kind {
            Some(k) => k,
            None => self.plain_kind(&s),
        };
        let mut start = s.start;
        let mut end = s.end;
        let mut value = s.value;
        let mut unit = s.unit.clone();
        if kind == QuantityKind::Date {
            // `June 9, 2011`, `9 June`: the date is the month and the numbers.
            let (a, b) = self.date_extent(s.start, s.end);
            start = a;
            end = b;
            value = None;
        }
        if kind == QuantityKind::Magnitude && unit.is_none() {
            unit = Some(Unit::simple("magnitude", "magnitude", 1.0));
            start = self.magnitude_before(s.start).unwrap_or(s.start);
        }
        if kind == QuantityKind::Age && unit.is_none() {
            unit = Some(age_unit("year"));
            if let Some(a) = self.age_before(s.start) {
                start = a;
            }
        }
        if kind == QuantityKind::Year
            && self.is_word(end)
            && self.glued(end)
            && self.lower(end) == "s"
        {
            end += 1;
        }
        if kind == QuantityKind::Identifier
            && s.num.as_ref().is_some_and(|n| {
                let before = n.start > 0 && self.glued(n.start) && self.is_word(n.start - 1);
                let chained = n.start >= 2
                    && self.glued(n.start)
                    && matches!(self.raw(n.start - 1), "-" | "+")
                    && self.is_number(n.start - 2);
                let after = self.glued(n.end) && self.is_word(n.end);
                before || chained || after
            })
        {
            // Digits glued to letters (`5G`, `L2`, `J1149.5+6663`) name a thing; no figure
            // is stated. `COVID-19`, `Article 159` keep their number.
            value = None;
        }
        let (low, high) = match (s.hedge, value) {
            (HedgeKind::Vague, _) | (HedgeKind::Range, None) => (Some(s.low), s.high),
            (_, None) => (None, None),
            (HedgeKind::Exact | HedgeKind::Exactly | HedgeKind::Range, Some(v)) => {
                (Some(v), Some(v))
            }
            (HedgeKind::AtLeast | HedgeKind::MoreThan, Some(v)) => (Some(v), None),
            (HedgeKind::AtMost | HedgeKind::LessThan | HedgeKind::UpTo, Some(v)) => (None, Some(v)),
            (HedgeKind::Nearly, Some(v)) => (None, Some(v)),
            // Firm bounds are unknown for `about`; the judge applies a stated tolerance.
            (HedgeKind::Approx, Some(_)) => (None, None),
        };
        Quantity {
            span: self.span(start, end),
            kind,
            value,
            low,
            high,
            hedge: s.hedge,
            unit,
            decimals: s.decimals,
            scaled: s.scale != 1.0,
            end_token: end,
            start_token: start,
            unit_token: s.unit_token,
        }
    }

    /// The kind of a bare figure: a year, date, identifier, age or magnitude by its
    /// neighbours, else a count.
    fn plain_kind(&self, s: &Single) -> QuantityKind {
        let Some(n) = s.num.as_ref() else {
            return QuantityKind::Count;
        };
        let start = n.start;
        let end = s.end;
        let prev = start.checked_sub(1);
        let prev_word = prev.map(|p| self.lower(p)).unwrap_or_default();
        let prev2 = start
            .checked_sub(2)
            .map(|p| self.lower(p))
            .unwrap_or_default();
        let next = self.lower(end);
        let digits = self.is_number(start);
        let integer = n.value.fract() == 0.0 && n.scale == 1.0 && !n.fraction;
        let exact = matches!(s.hedge, HedgeKind::Exact);
        if n.fraction {
            return QuantityKind::Count;
        }
        // Digits glued to letters: `5G`, `06F6`, `L2`, `J1149.5`; `M7.8` is a magnitude.
        if digits {
            if let Some(p) = prev {
                if self.glued(start) && self.is_word(p) {
                    if self.raw(p) == "M" && n.value < 10.0 {
                        return QuantityKind::Magnitude;
                    }
                    return QuantityKind::Identifier;
                }
            }
            if self.glued(end) && self.is_word(end) {
                if next == "s" && n.plain {
                    // `1960s`, `the 80s`
                    if self.raw(start).len() == 4 {
                        return QuantityKind::Year;
                    }
                    return if matches!(
                        prev_word,
                        "her" | "his" | "their" | "early" | "mid" | "late"
                    ) {
                        QuantityKind::Age
                    } else {
                        QuantityKind::Year
                    };
                }
                return QuantityKind::Identifier;
            }
        }
        // Dates: `June 9`, `Jan. 5`, `9 June`, `the 4th of July`.
        let month = |w: &str, raw: &str| {
            self.lx.months.contains(w)
                && (!matches!(w, "may" | "march") || raw.starts_with(|c: char| c.is_uppercase()))
        };
        if integer && (1.0..=31.0).contains(&n.value) && exact {
            let month_before = prev.is_some_and(|p| month(prev_word, self.raw(p)))
                || (prev_word == "."
                    && start >= 2
                    && self.lx.months.contains(format!("{prev2}.").as_str()));
            let of = usize::from(next == "of");
            let month_after =
                self.is_word(end + of) && month(self.lower(end + of), self.raw(end + of));
            if month_before || month_after {
                return QuantityKind::Date;
            }
        }
        if self.magnitude_before(start).is_some() && n.value <= 10.0 {
            return QuantityKind::Magnitude;
        }
        // Identifiers: `Article 159`, `No. 5`, `version two`, `COVID-19`, `#5`.
        if self.lx.identifiers.contains(prev_word)
            || prev_word == "." && self.lx.identifiers.contains(format!("{prev2}.").as_str())
        {
            return QuantityKind::Identifier;
        }
        if digits && n.plain && exact && self.named_number(start, end) {
            return QuantityKind::Identifier;
        }
        if let Some(p) = prev {
            if digits
                && self.is_sym(p, "-")
                && self.glued(start)
                && self.glued(p)
                && p > 0
                && self.is_word(p - 1)
            {
                let w = self.lower(p - 1);
                if !matches!(
                    w,
                    "mid" | "pre" | "post" | "early" | "late" | "over" | "under" | "top"
                ) {
                    return QuantityKind::Identifier;
                }
            }
            if digits && self.is_sym(p, "#") && self.glued(start) {
                return QuantityKind::Identifier;
            }
        }
        if integer && n.value <= 120.0 && n.value >= 1.0 {
            if self.age_before(start).is_some() {
                return QuantityKind::Age;
            }
            // `John Smith, 45, said`: an age in apposition.
            if exact && n.plain && self.appositive_age(start, end) {
                return QuantityKind::Age;
            }
        }
        // Years: a plain four-digit figure in 1000–2100 that counts nothing plural.
        if digits && n.plain && exact && self.raw(start).len() == 4 {
            let v = n.value;
            let counted_next = self.is_word(end)
                && next.ends_with('s')
                && !self.lx.stopwords.contains(next)
                && !self.lx.months.contains(next);
            let year_word = matches!(
                prev_word,
                "in" | "since"
                    | "of"
                    | "by"
                    | "from"
                    | "until"
                    | "year"
                    | "circa"
                    | "to"
                    | "before"
                    | "after"
                    | "during"
            ) || matches!(next, "ad" | "bc" | "ce" | "bce");
            if (1800.0..=2100.0).contains(&v) && !counted_next
                || (1000.0..1800.0).contains(&v) && year_word
            {
                return QuantityKind::Year;
            }
        }
        QuantityKind::Count
    }

    /// `Oregon 214`, `Voyager 2`, `Windows 10`: a name with a number counts nothing. The name
    /// is capitalised mid-sentence, not a word that starts a headline clause (`Quake Kills
    /// 5`), and nothing lowercase is counted after the number.
    fn named_number(&self, start: usize, end: usize) -> bool {
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

    /// `aged 45`, `age 87`, `at the age of 87`: the index where that starts.
    fn age_before(&self, start: usize) -> Option<usize> {
        let p = start.checked_sub(1)?;
        match self.lower(p) {
            "aged" | "age" => Some(p),
            "of" if p >= 1 && self.lower(p - 1) == "age" => Some(p - 1),
            _ => None,
        }
    }

    /// `, 45,` after a capitalised name.
    fn appositive_age(&self, start: usize, end: usize) -> bool {
        if start < 2 || !self.is_sym(start - 1, ",") {
            return false;
        }
        let name = start - 2;
        let capital = self.is_word(name)
            && self.raw(name).starts_with(|c: char| c.is_uppercase())
            && !self.lx.months.contains(self.lower(name))
            && !self.lx.stopwords.contains(self.lower(name));
        capital && (self.is_sym(end, ",") || (self.is_sym(end, ")") && self.is_sym(start - 1, "(")))
    }

    /// `magnitude 7.8`, `magnitude-7.8`, `a magnitude of 6.2`: where that starts.
    fn magnitude_before(&self, start: usize) -> Option<usize> {
        let mut p = start.checked_sub(1)?;
        if self.is_sym(p, "-") && self.glued(start) {
            p = p.checked_sub(1)?;
        }
        match self.lower(p) {
            "magnitude" => Some(p),
            "of" if p >= 1 && self.lower(p - 1) == "magnitude" => Some(p - 1),
            _ => None,
        }
    }

    /// The tokens of a date around a day number: the month before or after, a year after.
    fn date_extent(&self, start: usize, end: usize) -> (usize, usize) {
        let mut a = start;
        let mut b = end;
        if a >= 1 && self.lx.months.contains(self.lower(a - 1)) {
            a -= 1;
        } else if a >= 2
            && self.is_sym(a - 1, ".")
            && self
                .lx
                .months
                .contains(format!("{}.", self.lower(a - 2)).as_str())
        {
            a -= 2;
        } else {
            if self.lower(b) == "of" {
                b += 1;
            }
            if self.lx.months.contains(self.lower(b)) {
                b += 1;
            }
        }
        // `June 9, 2011`
        let c = usize::from(self.is_sym(b, ","));
        if self.is_number(b + c) && self.raw(b + c).len() == 4 {
            b += c + 1;
        }
        (a, b)
    }

    /// Joins a lower and an upper bound written side by side: `more than 10 and less than
    /// 40`, `at most 100 and at least 20`, `above 1000, below 1500`.
    fn join_bounds(&self, out: &mut Vec<Quantity>) {
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
                        scaled: a.scaled || b.scaled,
                        end_token: b.end_token,
                        start_token: a.start_token,
                        unit_token: a.unit_token,
                    };
                    out[i] = merged;
                    out.remove(i + 1);
                }
                _ => i += 1,
            }
        }
    }

    /// A bare figure listed before one with a unit takes that unit: `45 and 50 mg`, `5, 10
    /// or 15 percent`.
    fn share_units(&self, out: &mut [Quantity]) {
        for i in (0..out.len().saturating_sub(1)).rev() {
            let (head, tail) = out.split_at_mut(i + 1);
            let (a, b) = (&mut head[i], &tail[0]);
            if a.kind == QuantityKind::Count
                && a.unit.is_none()
                && a.value.is_some()
                && b.unit.is_some()
                && matches!(
                    b.kind,
                    QuantityKind::Measure | QuantityKind::Money | QuantityKind::Percent
                )
                && b.start_token == a.end_token + 1
                && matches!(self.lower(a.end_token), "and" | "or" | ",")
            {
                a.unit = b.unit.clone();
                a.kind = b.kind;
            }
        }
    }
}

impl Single {
    fn scale_by(&mut self, f: f64) {
        self.value = self.value.map(|v| v * f);
        self.low *= f;
        self.high = self.high.map(|v| v * f);
        self.scale *= f;
    }
}

fn age_unit(name: &'static str) -> Unit {
    let factor = match name {
        "month" => 1.0 / 12.0,
        "week" => 7.0 / 365.25,
        "day" => 1.0 / 365.25,
        _ => 1.0,
    };
    Unit::simple(name, "age", factor)
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

    #[test]
    fn a_figure_beyond_f64_is_an_identifier_without_value() {
        let big = format!("Some {} million people came.", "9".repeat(310));
        for text in ["They paid $1e309million.", big.as_str()] {
            for (_, kind, value, low, high, _) in q(text) {
                assert_eq!(kind, QuantityKind::Identifier, "{text}");
                assert_eq!((value, low, high), (None, None, None), "{text}");
            }
        }
    }

    fn q(s: &str) -> Vec<Row> {
        let toks = tokenize(s, 0);
        find(s, &toks)
            .into_iter()
            .map(|q| {
                (
                    s[q.span.clone()].to_string(),
                    q.kind,
                    q.value.map(round),
                    q.low.map(round),
                    q.high.map(round),
                    q.hedge,
                )
            })
            .collect()
    }

    fn round(v: f64) -> f64 {
        (v * 1e9).round() / 1e9
    }

    fn one(s: &str) -> Row {
        let all = q(s);
        assert_eq!(all.len(), 1, "{s}: {all:?}");
        all.into_iter().next().unwrap()
    }

    fn unit(s: &str) -> Option<(String, String)> {
        let toks = tokenize(s, 0);
        let all = find(s, &toks);
        assert_eq!(all.len(), 1, "{s}: {all:?}");
        all[0]
            .unit
            .clone()
            .map(|u| (u.name.into_owned(), u.dimension.into_owned()))
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
        thousands_spaces: "1 234 567 people" => ("1 234 567", Count, Some(1234567.0), Some(1234567.0), Some(1234567.0), Exact);
        leading_decimal: "the .25 mark" => (".25", Count, Some(0.25), Some(0.25), Some(0.25), Exact);
        negative: "a score of -4.5 points" => ("-4.5", Count, Some(-4.5), Some(-4.5), Some(-4.5), Exact);
        at_least: "at least 300 individuals" => ("at least 300", Count, Some(300.0), Some(300.0), None, AtLeast);
        no_fewer_than: "no fewer than 30 people" => ("no fewer than 30", Count, Some(30.0), Some(30.0), None, AtLeast);
        over: "over 300 people" => ("over 300", Count, Some(300.0), Some(300.0), None, MoreThan);
        around: "around 500 staff" => ("around 500", Count, Some(500.0), None, None, Approx);
        nearly: "nearly 40 homes" => ("nearly 40", Count, Some(40.0), None, Some(40.0), Nearly);
        up_to: "up to 10 years in prison" => ("up to 10 years", Measure, Some(10.0), None, Some(10.0), UpTo);
        less_than: "fewer than a thousand pandas" => ("fewer than a thousand", Count, Some(1000.0), None, Some(1000.0), LessThan);
        exactly: "exactly 12 votes" => ("exactly 12", Count, Some(12.0), Some(12.0), Some(12.0), Exactly);
        number_word: "thirty-four died" => ("thirty-four", Count, Some(34.0), Some(34.0), Some(34.0), Exact);
        number_words_and: "one hundred and twenty people" => ("one hundred and twenty", Count, Some(120.0), Some(120.0), Some(120.0), Exact);
        trillion_words: "twenty-one trillion three hundred" => ("twenty-one trillion three hundred", Count, Some(21000000000300.0), Some(21000000000300.0), Some(21000000000300.0), Exact);
        point_words: "two hundred point seventy-one" => ("two hundred point seventy-one", Count, Some(200.71), Some(200.71), Some(200.71), Exact);
        a_dozen: "a dozen ambulances" => ("a dozen", Count, Some(12.0), Some(12.0), Some(12.0), Exact);
        two_dozen: "two dozen ambulances" => ("two dozen", Count, Some(24.0), Some(24.0), Some(24.0), Exact);
        three_dozens: "three dozens eggs" => ("three dozens", Count, Some(36.0), Some(36.0), Some(36.0), Exact);
        half_a_million: "half a million people" => ("half a million", Count, Some(500000.0), Some(500000.0), Some(500000.0), Exact);
        half_alone: "half of the residents" => ("half", Count, Some(0.5), Some(0.5), Some(0.5), Exact);
        a_third: "a third of voters" => ("a third", Count, Some(0.333333333), Some(0.333333333), Some(0.333333333), Exact);
        three_quarters: "three-quarters of homes" => ("three-quarters", Count, Some(0.75), Some(0.75), Some(0.75), Exact);
        two_thirds: "two thirds of voters" => ("two thirds", Count, Some(0.666666667), Some(0.666666667), Some(0.666666667), Exact);
        five_eighths: "five eighths" => ("five eighths", Count, Some(0.625), Some(0.625), Some(0.625), Exact);
        and_a_half: "one and a half days" => ("one and a half days", Measure, Some(1.5), Some(1.5), Some(1.5), Exact);
        scale_word: "1.5 million people" => ("1.5 million", Count, Some(1500000.0), Some(1500000.0), Some(1500000.0), Exact);
        scale_m_people: "1.5m people" => ("1.5m", Count, Some(1500000.0), Some(1500000.0), Some(1500000.0), Exact);
        metres_tall: "I'm 1.8m tall" => ("1.8m", Measure, Some(1.8), Some(1.8), Some(1.8), Exact);
        scale_k: "5k runners" => ("5k", Count, Some(5000.0), Some(5000.0), Some(5000.0), Exact);
        scale_spaced_k: "about 2.33 k" => ("about 2.33 k", Count, Some(2330.0), None, None, Approx);
        lakh: "13 lakh" => ("13 lakh", Count, Some(1300000.0), Some(1300000.0), Some(1300000.0), Exact);
        digits_and_words: "4 thousand 3 hundred and 21" => ("4 thousand 3 hundred and 21", Count, Some(4321.0), Some(4321.0), Some(4321.0), Exact);
        dollars_bn: "a $3.4bn deal" => ("$3.4bn", Money, Some(3.4e9), Some(3.4e9), Some(3.4e9), Exact);
        euros_m: "€75m in fines" => ("€75m", Money, Some(75e6), Some(75e6), Some(75e6), Exact);
        pounds_word: "3 million pounds" => ("3 million pounds", Money, Some(3e6), Some(3e6), Some(3e6), Exact);
        cents: "rose 50 cents a barrel" => ("50 cents a barrel", Money, Some(50.0), Some(50.0), Some(50.0), Exact);
        dollars_and_cents: "thirteen dollars and forty-five cents" => ("thirteen dollars and forty-five cents", Money, Some(13.45), Some(13.45), Some(13.45), Exact);
        code_before: "for USD 200." => ("USD 200", Money, Some(200.0), Some(200.0), Some(200.0), Exact);
        tens_of_thousands: "tens of thousands of people" => ("tens of thousands", Count, None, Some(10000.0), Some(100000.0), Vague);
        tens_of_millions_of_dollars: "tens of millions of dollars" => ("tens of millions of dollars", Money, None, Some(1e7), Some(1e8), Vague);
        several_hundred: "several hundred troops" => ("several hundred", Count, None, Some(300.0), Some(1200.0), Vague);
        numerous: "numerous individuals" => ("numerous", Count, None, Some(10.0), None, Vague);
        between: "between 20 and 25 people" => ("between 20 and 25", Count, None, Some(20.0), Some(25.0), Range);
        dash_range: "20-25 people" => ("20-25", Count, None, Some(20.0), Some(25.0), Range);
        to_range_units: "3 to 4 L of wine" => ("3 to 4 L", Measure, None, Some(3.0), Some(4.0), Range);
        hyphen_to_range: "an 8- to 16-meter telescope" => ("8- to 16-meter", Measure, None, Some(8.0), Some(16.0), Range);
        scaled_range: "1.5-2 million people" => ("1.5-2 million", Count, None, Some(1500000.0), Some(2000000.0), Range);
        joined_bounds: "more than 10 and less than 40" => ("more than 10 and less than 40", Count, None, Some(10.0), Some(40.0), Range);
        or_more: "50 or more houses" => ("50 or more", Count, Some(50.0), Some(50.0), None, AtLeast);
        or_less: "five hundred or less" => ("five hundred or less", Count, Some(500.0), None, Some(500.0), AtMost);
        plus: "300-plus workers" => ("300-plus", Count, Some(300.0), Some(300.0), None, AtLeast);
        percent: "rose 3.5% in" => ("3.5%", Percent, Some(3.5), Some(3.5), Some(3.5), Exact);
        per_cent: "3.5 per cent" => ("3.5 per cent", Percent, Some(3.5), Some(3.5), Some(3.5), Exact);
        minus_percent: "minus five percent" => ("minus five percent", Percent, Some(-5.0), Some(-5.0), Some(-5.0), Exact);
        basis_points: "by 25 basis points" => ("25 basis points", PercentagePoints, Some(25.0), Some(25.0), Some(25.0), Exact);
        miles: "5 miles" => ("5 miles", Measure, Some(5.0), Some(5.0), Some(5.0), Exact);
        glued_km: "a 20km stretch" => ("20km", Measure, Some(20.0), Some(20.0), Some(20.0), Exact);
        hyphen_unit: "a six-mile trip" => ("six-mile", Measure, Some(6.0), Some(6.0), Some(6.0), Exact);
        fraction: "2 1/2 hours" => ("2 1/2 hours", Measure, Some(2.5), Some(2.5), Some(2.5), Exact);
        celsius: "hit 40 degrees Celsius" => ("40 degrees Celsius", Measure, Some(40.0), Some(40.0), Some(40.0), Exact);
        year: "in 2019 the" => ("2019", Year, Some(2019.0), Some(2019.0), Some(2019.0), Exact);
        decade: "the 1960s" => ("1960s", Year, Some(1960.0), Some(1960.0), Some(1960.0), Exact);
        date: "on June 9 police" => ("June 9", Date, None, None, None, Exact);
        date_with_year: "born May 8, 1945." => ("May 8, 1945", Date, None, None, None, Exact);
        numeric_date: "on 5/17/2018 at" => ("5/17/2018", Date, None, None, None, Exact);
        time: "at 3 a.m. on" => ("3 a.m.", Time, Some(3.0), Some(3.0), Some(3.0), Exact);
        time_pm: "by 2pm" => ("2pm", Time, Some(14.0), Some(14.0), Some(14.0), Exact);
        clock: "at 10:30 pm" => ("10:30 pm", Time, Some(22.5), Some(22.5), Some(22.5), Exact);
        article: "under Article 159 of" => ("159", Identifier, Some(159.0), Some(159.0), Some(159.0), Exact);
        covid: "COVID-19 cases" => ("19", Identifier, Some(19.0), Some(19.0), Some(19.0), Exact);
        five_g: "the 5G network" => ("5", Identifier, None, None, None, Exact);
        phone: "call +1-222-2222/2222 now" => ("+1-222-2222/2222", Identifier, None, None, None, Exact);
        ip: "host 192.168.1.2 was" => ("192.168.1.2", Identifier, None, None, None, Exact);
        ordinal_suffix: "the 4th time" => ("4th", Ordinal, Some(4.0), Some(4.0), Some(4.0), Exact);
        ordinal_word: "the third strike" => ("third", Ordinal, Some(3.0), Some(3.0), Some(3.0), Exact);
        ordinal_compound: "one hundred twenty fifth" => ("one hundred twenty fifth", Ordinal, Some(125.0), Some(125.0), Some(125.0), Exact);
        age_years_old: "a 45-year-old man" => ("45-year-old", Age, Some(45.0), Some(45.0), Some(45.0), Exact);
        age_aged: "a man aged 87 was" => ("aged 87", Age, Some(87.0), Some(87.0), Some(87.0), Exact);
        age_apposition: "Jane Smith, 45, said" => ("45", Age, Some(45.0), Some(45.0), Some(45.0), Exact);
        magnitude: "a magnitude 7.8 quake" => ("magnitude 7.8", Magnitude, Some(7.8), Some(7.8), Some(7.8), Exact);
        magnitude_after: "a 6.1-magnitude earthquake" => ("6.1-magnitude", Magnitude, Some(6.1), Some(6.1), Some(6.1), Exact);
        twice: "twice as many" => ("twice", Multiplier, Some(2.0), Some(2.0), Some(2.0), Exact);
        nine_times: "nine times higher" => ("nine times", Multiplier, Some(9.0), Some(9.0), Some(9.0), Exact);
        ratio_one_in: "one in five adults" => ("one in five", Count, Some(0.2), Some(0.2), Some(0.2), Exact);
        symbol_hedge: "x >= 30" => (">= 30", Count, Some(30.0), Some(30.0), None, AtLeast);
        scientific: "1.3e6 cells" => ("1.3e6", Count, Some(1300000.0), Some(1300000.0), Some(1300000.0), Exact);
    }

    #[test]
    fn killed_five_in_texas_is_not_inches() {
        assert_eq!(one("killed 5 in Texas").1, QuantityKind::Count);
        assert_eq!(
            unit("a door 2 in thick"),
            Some(("inch".into(), "length".into()))
        );
    }

    #[test]
    fn pronoun_one_is_not_a_count() {
        assert!(q("one of them fled").is_empty());
        // `no one` is a count, of nobody: it can contradict `two were hurt`.
        let zero = q("no one was hurt and one of them fled");
        assert_eq!(zero.len(), 1, "{zero:?}");
        assert_eq!((zero[0].0.as_str(), zero[0].2), ("no one", Some(0.0)));
    }

    #[test]
    fn addresses_are_not_read() {
        assert!(q("see https://x.org/?q=30%25%2020%").is_empty());
    }

    #[test]
    fn spurious_comparisons_bound_nothing() {
        for s in ["<>30", "=>30", "=<30"] {
            assert!(q(s).iter().all(|r| r.5 == HedgeKind::Exact), "{s}");
        }
    }

    #[test]
    fn a_change_is_two_figures() {
        let r = q("the toll rose from 30 to 45");
        assert_eq!(r.len(), 2);
        assert_eq!((r[0].2, r[1].2), (Some(30.0), Some(45.0)));
    }

    #[test]
    fn units_convert_to_a_base() {
        let toks = tokenize("72 hours", 0);
        let h = &find("72 hours", &toks)[0];
        let toks = tokenize("three days", 0);
        let d = &find("three days", &toks)[0];
        let (h, d) = (h.unit.as_ref().unwrap(), d.unit.as_ref().unwrap());
        assert_eq!(h.dimension, d.dimension);
        assert_eq!(h.to_base(72.0), d.to_base(3.0));
    }

    #[test]
    fn compound_units() {
        assert_eq!(
            unit("10 km/h"),
            Some(("kilometre per hour".into(), "speed".into()))
        );
        assert_eq!(
            unit("188 miles an hour"),
            Some(("mile per hour".into(), "speed".into()))
        );
        assert_eq!(
            unit("4 square kilometres"),
            Some(("square kilometre".into(), "area".into()))
        );
        assert_eq!(
            unit("4km^3"),
            Some(("cubic kilometre".into(), "volume".into()))
        );
        assert_eq!(
            unit("$15.4/hour"),
            Some(("USD per hour".into(), "money:USD/duration".into()))
        );
    }

    #[test]
    fn ambiguous_units_follow_the_sentence() {
        assert_eq!(unit("rotate 90 degrees").unwrap().1, "angle");
        assert_eq!(
            unit("the temperature is 24 degrees").unwrap().1,
            "temperature:degree"
        );
        assert_eq!(unit("the baby weighs 7 pounds").unwrap().1, "mass");
        assert_eq!(unit("he paid 7 pounds").unwrap().1, "money:GBP");
    }

    #[test]
    fn shared_unit_and_lists() {
        let r = q("They were given 45 and 50 mg ethanol.");
        assert_eq!(r.len(), 2);
        let toks = tokenize("45 and 50 mg", 0);
        assert_eq!(
            find("45 and 50 mg", &toks)[0].unit.as_ref().unwrap().name,
            "milligram"
        );
        assert_eq!(q("Exercises nrs. 22,24,26,31.").len(), 4);
    }
}
