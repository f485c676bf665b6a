//! Finds quantities in a sentence: the figure, its hedge, scale, unit or currency, and what
//! kind of number it is (a count, money, a percentage, a measure, an age, a magnitude, a
//! multiplier, or a year/date/time/identifier/ordinal that must never be compared as a count).
//!
//! One pass over the tokens: at each token that can start a quantity, [`Parser::quantity`]
//! reads `[hedge] [sign] [currency] numeral [unit | currency | percent] [after-hedge]`, joins
//! ranges (`20-25`, `between X and Y`, `3 to 4 L`), and types the figure by its neighbours.
//! Two small passes then join opposite bounds (`more than 10 and less than 40`) and share a
//! unit across a list (`45 and 50 mg`).
//!
//! The grammar's parts, each in its file, each using only those above it:
//! - `reader`: the token view (tokens, lowercase, lexicon flags);
//! - `digits`, `numeral`: numerals in digits and in words;
//! - `noise`, `calendar`: digits that name (codes, phones) or place in time (dates, clocks);
//! - `unit`, `money`: units of measurement, ages, magnitudes, multipliers; currencies;
//! - `figure`: one figure with its hedge, sign, currency and unit, or a vague amount;
//! - `part`: parts of wholes and rates; `range`: two figures joined into an interval;
//! - `score`: results, votes and records (`won 31-17`, `a 12-4 record`);
//! - `zero`: zero counts (`nobody was killed`, `no arrests`, `none of the passengers`);
//! - `kind`: the type of a bare figure; this file: the pass over the sentence.

mod calendar;
mod digits;
mod figure;
mod implied;
mod kind;
mod moment;
mod money;
mod noise;
pub(crate) mod numeral;
mod part;
mod range;
mod reader;
mod score;
mod unit;
mod zero;

pub use calendar::is_zone;
pub use unit::Unit;

use crate::extract::lexicon::{flag, HedgeKind};
use crate::extract::token::{Token, TokenKind, Tokens};
use digits::{read_digits, Digits};
use figure::Single;
use reader::Parser;
use std::ops::Range;
use unit::age_unit;

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
    /// A result, tally or record of sides (`won 31-17`, `a 9-3 vote`, `a 12-4 record`): never
    /// a range, and neither side a count to compare with a toll; two of them compare only as
    /// the same sides or not ([`Quantity::tally`]).
    Score,
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

    /// Whether two sources' figures of this kind can be compared at all: amounts, and
    /// scores against scores.
    pub fn is_comparable(self) -> bool {
        self.is_amount() || self == QuantityKind::Score
    }
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
    /// Written as a fraction (`two-thirds`, `half`, `a quarter`): of a count, a share.
    pub fraction: bool,
    pub scaled: bool,
    /// Token index just after the figure (and its unit), where a counted phrase may start.
    pub(crate) end_token: usize,
    pub(crate) start_token: usize,
    /// Token index where a unit written after the figure starts.
    pub(crate) unit_token: Option<usize>,
    /// For a part of a whole (`7 out of 9 charges`, `two of the three suspects`): the whole's
    /// figure, which is also a quantity of its own, counting the set.
    pub whole: Option<f64>,
    /// Token index just after the whole's figure, where what the part counts is named.
    pub(crate) whole_end: Option<usize>,
    /// The whole of such a part (`the three` in `two of the three suspects`, `six` in `one
    /// of six children`): the set the part is drawn from.
    pub set: bool,
    /// For a [`QuantityKind::Score`]: its sides as written.
    pub tally: Option<Tally>,
    /// For a [`QuantityKind::Date`]: the parts of the calendar date it gives.
    pub date: Option<DateParts>,
    /// A moment or a window of a game's clock (`with 13:41 to play`, `with two minutes left`,
    /// `in the first 3½ minutes`): one moment of a game, of which a report may give several.
    pub moment: bool,
    /// A range that gives the least and the most of a set (`sentences ranging from 7 to 75
    /// years`): both ends are facts, not an estimate's bounds.
    pub spread: bool,
    /// An amount added to another (`two extra life sentences`, `a further 30 were hurt`, `12
    /// more bodies`): a step, never a total.
    pub increment: bool,
}

/// The parts of a calendar date a report gives, each when stated: `October 21, 2011` gives
/// all three, `May 7` a month and a day, `2008-09` a year and a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateParts {
    pub year: Option<u16>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl DateParts {
    /// Whether two dates can be one day: every part both state is the same (`September 14`
    /// and `September 14, 2021` can; a part only one states says nothing of the other).
    pub fn fits(&self, o: &DateParts) -> bool {
        let same = |a: Option<u16>, b: Option<u16>| a.zip(b).is_none_or(|(a, b)| a == b);
        same(self.year, o.year)
            && same(self.month.map(u16::from), o.month.map(u16::from))
            && same(self.day.map(u16::from), o.day.map(u16::from))
    }

    /// One number per date, the same for two dates exactly when they state the same parts
    /// alike (an unstated part is zero).
    pub fn key(&self) -> f64 {
        f64::from(self.year.unwrap_or(0)) * 10_000.0
            + f64::from(self.month.unwrap_or(0)) * 100.0
            + f64::from(self.day.unwrap_or(0))
    }

    pub fn is_empty(&self) -> bool {
        self.year.is_none() && self.month.is_none() && self.day.is_none()
    }
}

/// The sides of a result, tally or record (`31-17`, `45-7-2`), as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub sides: [u32; 3],
    /// How many sides were written (2 or 3).
    pub len: u8,
    /// A record of wins, losses (and draws), whose order matters; a result or a vote is the
    /// same whichever side is named first (`won 31-24`, `lost 24-31`).
    pub record: bool,
    /// A score part of the way through (`a 24-14 lead`, `a 10-2 run`, `trailed 3-1`): one
    /// moment of a game, of which a report may give several.
    pub partial: bool,
    /// A record over some of the games (`4-4 on the road`, `9-1 in one-possession games`):
    /// a hash of the word naming them (cue class `record_scope`), 0 for all of them.
    pub scope: u64,
}

impl Tally {
    /// The sides as written.
    pub fn sides(&self) -> &[u32] {
        &self.sides[..usize::from(self.len)]
    }

    /// A number that is the same for two tallies exactly when they state the same sides (in
    /// order for a record, in any order otherwise): what the judge compares.
    pub fn key(&self) -> f64 {
        let mut s = self.sides;
        if !self.record {
            s[..usize::from(self.len)].sort_unstable_by(|a, b| b.cmp(a));
        }
        let side = |v: u32| f64::from(v.min(9_999));
        side(s[0]) * 1e8 + side(s[1]) * 1e4 + side(s[2])
    }
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
    find_with(&Parser::new(text, tokens, &lower, base, None))
}

/// Finds every quantity of a tokenized sentence.
pub fn find_in(t: &Tokens) -> Vec<Quantity> {
    if t.is_empty() {
        return Vec::new();
    }
    let (lower, base) = t.lowered();
    find_with(&Parser::new(t.text, &t.toks, lower, base, Some(t.lowers())))
}

fn find_with(p: &Parser) -> Vec<Quantity> {
    let tokens = p.toks;
    let n = tokens.len();
    let numeric = |k: usize| match tokens[k].kind {
        TokenKind::Number => true,
        // Most words are rejected by shape, without the full lookup.
        TokenKind::Word => {
            let w = p.lower(k);
            p.lx.is_numeric_word(w) || w.ends_with("fold")
        }
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
            // A zero count (`no arrests`) needs no digit near: it is read where it stands.
            if let Some(q) = (tokens[i].kind == TokenKind::Word && p.zero_start(i))
                .then(|| p.zero(i))
                .flatten()
            {
                i = q.end_token.max(i + 1);
                out.push(q);
                continue;
            }
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
    p.share_kinds(&mut out);
    p.rank_thresholds(&mut out);
    p.fixed_ordinals(&mut out);
    mark_sets(&mut out);
    for q in &mut out {
        p.label_span(q);
        p.mark_moment(q);
        p.mark_spread(q);
        p.mark_increment(q);
        p.imply_temperature(q);
        q.retype_if_not_finite();
    }
    out
}

/// Whether `a UNIT WORD NEXT` after a figure gives a time before or after rather than a rate:
/// a calendar unit then `earlier`, `later` or `ago` that opens no time phrase of its own
/// (`€297 million a year earlier`, not `$15 an hour earlier this year`).
pub(crate) fn time_offset(unit: &str, word: &str, next: &str) -> bool {
    let lx = crate::extract::lexicon();
    lx.is_cue("calendar", unit)
        && matches!(word, "earlier" | "later" | "ago")
        && !lx.is_cue("not_offset_after", next)
}

/// Marks the wholes that parts were read against (`two of the three`: the three).
fn mark_sets(out: &mut [Quantity]) {
    // Keyed by where the whole ends and its value, so a sentence of thousands of parts stays
    // linear.
    let wholes: rustc_hash::FxHashSet<(usize, u64)> = out
        .iter()
        .filter_map(|q| q.whole_end.zip(q.whole.map(f64::to_bits)))
        .collect();
    if wholes.is_empty() {
        return;
    }
    for q in out.iter_mut() {
        q.set = q
            .value
            .is_some_and(|v| wholes.contains(&(q.end_token, v.to_bits())));
    }
}

/// The stated bounds of a point figure under its hedge: both for an exact figure, the low
/// one for a floor (`at least`, `shortly after`), the high one for a ceiling; none for
/// `about`, whose tolerance the judge applies.
fn point_bounds(hedge: HedgeKind, v: f64) -> (Option<f64>, Option<f64>) {
    match hedge {
        HedgeKind::AtLeast | HedgeKind::MoreThan => (Some(v), None),
        HedgeKind::AtMost | HedgeKind::LessThan | HedgeKind::UpTo | HedgeKind::Nearly => {
            (None, Some(v))
        }
        HedgeKind::Approx => (None, None),
        _ => (Some(v), Some(v)),
    }
}

impl Parser<'_> {
    /// A cheap test before parsing: can token `i` start a quantity at all?
    fn may_start(&self, i: usize) -> bool {
        match self.toks[i].kind {
            TokenKind::Number => true,
            TokenKind::Address => false,
            _ => self.flag(i) & flag::STARTER != 0 || self.lower(i).ends_with("fold"),
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
                        fraction: false,
                        scaled: false,
                        end_token: i + 1,
                        start_token: i,
                        unit_token: None,
                        whole: None,
                        whole_end: None,
                        set: false,
                        tally: None,
                        date: None,
                        moment: false,
                        spread: false,
                        increment: false,
                    })
                })
                .collect(),
        )
    }

    /// The quantity starting at token `i`, if any.
    fn quantity(&self, i: usize) -> Option<Quantity> {
        // `a fourth-and-inches play`: no fraction either.
        let k = i + usize::from(matches!(self.lower(i), "a" | "an"));
        if let Some(end) = self.and_compound(k).or_else(|| self.zero_compound(k)) {
            return Some(self.typed(k, end, QuantityKind::Identifier, None));
        }
        let first = self.lower(i);
        if first == "between" || first == "from" {
            if let Some(q) = self.between(i) {
                return Some(q);
            }
            return None;
        }
        if self.is_number(i) {
            if let Some(mut q) = self.structured(i) {
                self.deadline(&mut q);
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
                        if let Some(v) = q.value {
                            (q.low, q.high) = point_bounds(*h, v);
                        }
                    }
                    return Some(q);
                }
            }
        }
        if let Some(q) = self.percent_of(i) {
            return Some(q);
        }
        if let Some(q) = self.zero(i) {
            return Some(q);
        }
        if let Some(v) = self.fold_word(i) {
            return Some(self.typed(i, i + 1, QuantityKind::Multiplier, Some(v)));
        }
        if first == "twice" || first == "thrice" {
            let v = if first == "twice" { 2.0 } else { 3.0 };
            return Some(self.typed(i, i + 1, QuantityKind::Multiplier, Some(v)));
        }
        if let Some(q) = self.one_or_two(i) {
            return Some(q);
        }
        let a = self.single(i)?;
        if let Some(q) = self.range_after(&a) {
            return Some(q);
        }
        let mut q = self.finish(a);
        self.deadline(&mut q);
        if q.kind == QuantityKind::Count && q.hedge == HedgeKind::Exact {
            if let Some(v) = q.value {
                self.read_whole(&mut q, v);
            }
        }
        Some(q)
    }

    /// `a moment or two`, `one day or two`, `a game or three`: one or a few, said loosely; a
    /// vague amount from one up to the numeral, of the unit when the noun is one.
    fn one_or_two(&self, i: usize) -> Option<Quantity> {
        if !matches!(self.lower(i), "a" | "an" | "one")
            || !self.is_word(i + 1)
            || self.lower(i + 2) != "or"
        {
            return None;
        }
        let n = self.numeral(i + 3)?;
        if !n.words || n.ordinal || n.fraction || !(n.value == 2.0 || n.value == 3.0) {
            return None;
        }
        let unit = self
            .unit_after(i + 1, false)
            .filter(|(end, _)| *end == i + 2)
            .map(|(_, u)| u);
        let kind = unit.as_ref().map_or(QuantityKind::Count, |u| u.kind());
        let mut q = self.typed(i, n.end, kind, None);
        q.low = Some(1.0);
        q.high = Some(n.value);
        q.hedge = HedgeKind::Vague;
        q.unit = unit;
        Some(q)
    }

    /// `his third 200-yard game`, `her fifth 30-goal season`: a figure hyphenated to a noun
    /// after an ordinal names a class of things ranked (games of 200 yards or more), so it
    /// is a floor, not the figure of one of them.
    fn rank_thresholds(&self, out: &mut [Quantity]) {
        for k in 1..out.len() {
            let (before, rest) = out.split_at_mut(k);
            let q = &mut rest[0];
            let hyphen = self.is_sym(q.start_token + 1, "-") && self.glued(q.start_token + 1);
            let plain = matches!(q.kind, QuantityKind::Count | QuantityKind::Measure)
                && q.hedge == HedgeKind::Exact;
            let o = &before[k - 1];
            let gap = q.start_token.saturating_sub(o.end_token);
            let words_between = (o.end_token..q.start_token).all(|i| self.is_word(i));
            let ranked = o.kind == QuantityKind::Ordinal && gap <= 2 && words_between;
            // `his fifth straight 30-homer, 100-RBI season`: a list of such classes.
            let mut j = o.end_token;
            if self.is_sym(j, "-") && self.is_word(j + 1) {
                j += 2;
            }
            let listed = o.hedge == HedgeKind::AtLeast
                && self.is_sym(o.start_token + 1, "-")
                && j + 1 == q.start_token
                && (self.is_sym(j, ",") || self.lower(j) == "and");
            if hyphen && plain && (ranked || listed) {
                q.hedge = HedgeKind::AtLeast;
                if let Some(v) = q.value {
                    (q.low, q.high) = point_bounds(HedgeKind::AtLeast, v);
                }
            }
        }
    }

    /// Ordinals that rank nothing: a title or position the lexical resource knows as one
    /// term for a kind of person (`first baseman`, `first lady`, `second lieutenant`), a
    /// sentence's opening `First,` that orders what is said, an adverb of the verb after
    /// it (`first reported`), and a grade (`first-degree murder`, `third-degree burns`:
    /// see [`Parser::grade_after`]).
    fn fixed_ordinals(&self, out: &mut [Quantity]) {
        let lx = crate::lexical::lexical();
        for q in out.iter_mut().filter(|q| q.kind == QuantityKind::Ordinal) {
            let (s, e) = (q.start_token, q.end_token);
            // `first-degree`, `an 11th-hour deal`: a grade, however the ordinal is written.
            if self.grade_after(e) {
                q.kind = QuantityKind::Identifier;
                continue;
            }
            if e != s + 1 || !self.is_word(s) {
                continue;
            }
            let opening = (0..s).all(|k| !self.is_word(k) && !self.is_number(k));
            let discourse = opening && self.is_sym(e, ",");
            let term = self.is_word(e) && {
                let phrase = format!("{} {}", self.lower(s), self.lower(e));
                !lx.lemmas(&phrase).is_empty() && lx.read(&phrase).person
            };
            // `first reported`, `was first elected`: an adverb of the verb after it.
            let adverb = self.is_word(e) && {
                let w = self.lower(e);
                (w.ends_with("ed") && w.len() > 4 && !self.lx.stopwords.contains(w))
                    || lx.is_verb_form(w)
            };
            if discourse || term || adverb {
                q.kind = QuantityKind::Identifier;
            }
        }
    }

    /// `in Weeks 14-16`, `games 4 to 6`: a span of a series' labelled parts (noise kind
    /// `label`, or its plural) is no amount.
    fn label_span(&self, q: &mut Quantity) {
        let s = q.start_token;
        if q.kind != QuantityKind::Count || q.hedge != HedgeKind::Range || s == 0 {
            return;
        }
        let w = self.lower(s - 1);
        let label = |w: &str| self.lx.is_noise_word("label", w);
        if label(w) || w.strip_suffix('s').is_some_and(label) {
            q.kind = QuantityKind::Identifier;
        }
    }

    /// `extinguished by 7 a.m.`: a clock time after `by` is a deadline, met at that time or
    /// before it.
    fn deadline(&self, q: &mut Quantity) {
        let i = q.start_token;
        let by = i > 0 && self.lower(i - 1) == "by";
        if by && q.kind == QuantityKind::Time && !q.moment && q.hedge == HedgeKind::Exact {
            q.hedge = HedgeKind::AtMost;
            if let Some(v) = q.value {
                (q.low, q.high) = point_bounds(HedgeKind::AtMost, v);
            }
        }
    }

    /// The end of `to last`, `from the end`, `from bottom` at `j`, after an ordinal. Not `to
    /// last year` (a time: `rose to third last year` is a rank).
    fn counted_from_end(&self, j: usize) -> Option<usize> {
        if !matches!(self.lower(j), "to" | "from") {
            return None;
        }
        let k = j + 1 + usize::from(self.lower(j + 1) == "the");
        let counts_back = self.is_word(k)
            && self.lx.is_cue("from_end", self.lower(k))
            && !crate::extract::frame::begins_anchor(|x| self.lower(x), k);
        counts_back.then_some(k + 1)
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

    /// Digit patterns that are not amounts: dates (`5/17/2018`, `2018-05-17`, `1995-01`),
    /// clock times (`10:30`), phone numbers (`+1-222-2222/2222`), addresses (`192.168.1.2`),
    /// year spans (`2013-14`), and number pairs like `24/7`.
    fn structured(&self, i: usize) -> Option<Quantity> {
        if let Some(q) = self
            .zoned_hhmm(i)
            .or_else(|| self.dotted(i))
            .or_else(|| self.noise(i))
        {
            return Some(q);
        }
        let g = self.digit_groups(i);
        if g.all_digits() && g.digits.len() >= 2 {
            let found = self
                .numeric_date(&g)
                .or_else(|| self.year_span(&g))
                .or_else(|| self.score(&g))
                .or_else(|| self.phone(&g))
                .or_else(|| self.number_pair(&g));
            if found.is_some() {
                return found;
            }
        }
        if g.digits.len() == 1 {
            if let Some(q) = self.bracketed_phone(i).or_else(|| self.tie(&g)) {
                return Some(q);
            }
        }
        self.clock_time(i)
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
        let mut date = None;
        if kind == QuantityKind::Date {
            // `June 9, 2011`, `9 June`: the date is the month and the numbers.
            let (a, b) = self.date_extent(s.start, s.end);
            start = a;
            end = b;
            value = None;
            date = Some(self.date_parts(a, b));
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
        let mut hedge = s.hedge;
        let mut decade = None;
        // `the nineteen sixties`, `the late nineteen-seventies`: ten years, or a part of them.
        if let Some(n) = s.num.as_ref().filter(|n| n.decade) {
            if let Some((at, lo, hi)) = self.decade(s.start, n.value) {
                start = at;
                value = None;
                hedge = HedgeKind::Range;
                decade = Some((lo, hi));
            }
        }
        let suffix = self.decade_suffix(end);
        if let (true, Some(after)) = (
            matches!(kind, QuantityKind::Year | QuantityKind::Age),
            suffix,
        ) {
            end = after;
            // `the 1990s`, `the mid-1990s`, `in her 40s`, `his late 30s`: a span of ten years
            // or a part of one.
            if let Some((at, lo, hi)) = s.value.and_then(|v| self.decade(s.start, v)) {
                start = at;
                value = None;
                hedge = HedgeKind::Range;
                // `the 90s` without a century: the last one's.
                let century = if kind == QuantityKind::Year && hi < 100.0 {
                    1900.0
                } else {
                    0.0
                };
                decade = Some((lo + century, hi + century));
            }
        }
        // `turns 29 in April`: 28 until then, 29 after.
        if kind == QuantityKind::Age && decade.is_none() {
            if let (Some(true), Some(v)) = (self.turning_age(s.start, s.end), value) {
                value = None;
                hedge = HedgeKind::Range;
                decade = Some((v - 1.0, v));
            }
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
        if kind == QuantityKind::Ordinal {
            if let Some(e) = self.counted_from_end(end) {
                // `second to last`, `third from the bottom`: a place counted from the end states
                // no rank from the start.
                end = e;
                value = None;
            }
        }
        let (low, high) = match (hedge, value) {
            _ if decade.is_some() => decade.map_or((None, None), |(l, h)| (Some(l), Some(h))),
            (HedgeKind::Vague, _) | (HedgeKind::Range, None) => (Some(s.low), s.high),
            (_, None) => (None, None),
            (h, Some(v)) => point_bounds(h, v),
        };
        Quantity {
            span: self.span(start, end),
            kind,
            value,
            low,
            high,
            hedge,
            unit,
            decimals: s.decimals,
            fraction: s.num.as_ref().is_some_and(|n| n.fraction),
            scaled: s.scale != 1.0,
            end_token: end,
            start_token: start,
            unit_token: s.unit_token,
            whole: None,
            whole_end: None,
            set: false,
            tally: None,
            date,
            moment: false,
            spread: false,
            increment: false,
        }
    }
}

#[cfg(test)]
mod tests;
