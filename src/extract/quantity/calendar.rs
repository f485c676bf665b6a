//! Figures that place something in time rather than count it: clock times (`3 a.m.`, `10:30
//! pm`), dates (`June 9, 2011`, `5/17/2018`) and years.

use super::reader::{group_value, DigitGroups, Parser};
use super::unit::Unit;
use super::{DateParts, Quantity, QuantityKind};
use crate::extract::lexicon::HedgeKind;
use crate::extract::token::TokenKind;

/// Words after a clock reading that make it a time of day: the half of the day, or a zone.
const DAY_HALVES: &[&str] = &["a.m", "am", "p.m", "pm", "o'clock"];
const ZONES: &[&str] = &[
    "gmt", "utc", "bst", "cet", "cest", "est", "edt", "pst", "pdt", "et", "pt", "ist", "jst",
    "aest",
];

/// Parts of the day a clock reading may be given in (`10.20 in the morning`), and whether each
/// is after noon.
const PARTS_OF_DAY: &[(&str, bool)] = &[("morning", false), ("afternoon", true), ("evening", true)];

/// Whether a lowercase word names a time zone (`gmt`, `et`, `pst`).
pub fn is_zone(w: &str) -> bool {
    ZONES.contains(&w)
}

fn is_time_word(w: &str) -> bool {
    DAY_HALVES.contains(&w) || ZONES.contains(&w)
}

impl Parser<'_> {
    /// `am`/`pm`/`a.m.`/`GMT` after a time: the index after it, and whether it is afternoon.
    /// A half of the day may be followed by a zone (`4:30 p.m. ET`); a zone's `p` (`PST`)
    /// says nothing of the afternoon.
    pub(super) fn clock_suffix(&self, j: usize) -> (usize, bool) {
        let w = self.lower(j);
        // `10.20 in the morning`, `at 9 in the evening`.
        // Not a part of the day that is a noun's (`3 in the morning session`).
        let ends = !self.is_word(j + 3) || self.lx.stopwords.contains(self.lower(j + 3));
        if w == "in" && self.lower(j + 1) == "the" && ends {
            if let Some(&(_, pm)) = PARTS_OF_DAY.iter().find(|(p, _)| *p == self.lower(j + 2)) {
                return (j + 3, pm);
            }
        }
        if !is_time_word(w) {
            return (j, false);
        }
        let mut e = j + 1;
        if w.contains('.') && self.is_sym(e, ".") && self.glued(e) {
            e += 1;
        }
        let half = DAY_HALVES.contains(&w);
        if half && ZONES.contains(&self.lower(e)) {
            e += 1;
        }
        (e, half && w.starts_with('p'))
    }

    /// Whether a clock reading carries `a.m.`, `pm` or a zone: a time of day.
    pub(super) fn clock_of_day(&self, q: &Quantity) -> bool {
        (q.start_token..q.end_token).any(|k| {
            let w = self.lower(k);
            is_time_word(w) || PARTS_OF_DAY.iter().any(|(p, _)| *p == w)
        })
    }

    /// The tokens of a date around a day number: the month before or after, a year after.
    pub(super) fn date_extent(&self, start: usize, end: usize) -> (usize, usize) {
        let mut a = start;
        let mut b = end;
        if a >= 1 && self.lx.is_month(self.lower(a - 1)) {
            a -= 1;
        } else if a >= 2
            && self.is_sym(a - 1, ".")
            && self.lx.is_month(&format!("{}.", self.lower(a - 2)))
        {
            a -= 2;
        } else {
            if self.lower(b) == "of" {
                b += 1;
            }
            if self.lx.is_month(self.lower(b)) {
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

    /// The parts of a date written with a month word over tokens `a..b` (`October 21, 2011`,
    /// `9 June`, `the 4th of July`): the month, a day number (1–31) and a four-digit year.
    pub(super) fn date_parts(&self, a: usize, b: usize) -> DateParts {
        let mut d = DateParts::default();
        for k in a..b {
            if let Some(m) = self.lx.month_number(self.lower(k)) {
                d.month.get_or_insert(m);
                continue;
            }
            if !self.is_number(k) {
                continue;
            }
            let raw = self.raw(k);
            let digits: String = raw.chars().take_while(char::is_ascii_digit).collect();
            let Ok(n) = digits.parse::<u16>() else {
                continue;
            };
            if digits.len() == 4 && (1000..=2100).contains(&n) {
                d.year.get_or_insert(n);
            } else if digits.len() <= 2 && (1..=31).contains(&n) {
                d.day.get_or_insert(n as u8);
            }
        }
        d
    }

    /// The `s` of a decade glued to its digits at `end` (`1990s`, `the 1940's`, `her 40’s`):
    /// the index after it. With an apostrophe it may be a possessive (`the S&P 500's worst
    /// day`, `2020's results`): a decade only after `the` or a possessive pronoun, maybe
    /// narrowed (`the late 1960's`).
    pub(super) fn decade_suffix(&self, end: usize) -> Option<usize> {
        let s_at = |k: usize| self.is_word(k) && self.glued(k) && self.lower(k) == "s";
        if s_at(end) {
            return Some(end + 1);
        }
        let apostrophe = self.is_sym(end, "'") || self.is_sym(end, "\u{2019}");
        if !(apostrophe && self.glued(end) && s_at(end + 1)) {
            return None;
        }
        let before = self.word_before_decade(end - 1);
        matches!(
            before,
            "the" | "his" | "her" | "their" | "my" | "your" | "our"
        )
        .then_some(end + 2)
    }

    /// The word before a decade written at `start`, past what narrows it (`her mid-30s`,
    /// `the late 1960's`): a possessive makes it an age, `the` a span of years.
    pub(super) fn word_before_decade(&self, start: usize) -> &str {
        let mut p = start;
        if p >= 1 && self.is_sym(p - 1, "-") {
            p -= 1;
        }
        if p >= 1 && matches!(self.lower(p - 1), "early" | "mid" | "late") {
            p -= 1;
        }
        p.checked_sub(1).map(|k| self.lower(k)).unwrap_or_default()
    }

    /// A decade written `1990s` or `40s` at `start` (value `v`), narrowed by `early`, `mid`
    /// or `late` before it (`the mid-1990s`, `her late 30s`): where it starts, and its first
    /// and last year.
    pub(super) fn decade(&self, start: usize, v: f64) -> Option<(usize, f64, f64)> {
        if v.fract() != 0.0 || v % 10.0 != 0.0 {
            return None;
        }
        let mut p = start;
        if p >= 2 && self.is_sym(p - 1, "-") && self.glued(p) {
            p -= 1;
        }
        let part = p.checked_sub(1).map(|k| self.lower(k));
        let (at, lo, hi) = match part {
            Some("early") => (p - 1, 0.0, 3.0),
            Some("mid") => (p - 1, 4.0, 6.0),
            Some("late") => (p - 1, 7.0, 9.0),
            _ => (start, 0.0, 9.0),
        };
        Some((at, v + lo, v + hi))
    }

    /// Dates in digits: `5/17/2018`, `17/5/18`, `2018-05-17`, `1995-01`, `2019-10`.
    pub(super) fn numeric_date(&self, g: &DigitGroups) -> Option<Quantity> {
        let (d, num) = (&g.digits, group_value);
        let date = match (d.len(), g.seps.as_slice()) {
            (3, ["/", "/"]) => (num(d[0]) <= 31 && num(d[1]) <= 31) && matches!(d[2].len(), 2 | 4),
            (3, ["-", "-"]) => d[0].len() == 4 && num(d[1]) <= 12 && num(d[2]) <= 31,
            // `1995-01`, `2019-10`: a year and a month, unless the month is the next year's
            // last digits (`2008-09`, `2009-10`: a season or fiscal year, a span of years).
            (2, ["-"]) => {
                (d[0].len() == 4 && d[1].len() == 2 && (1..=12).contains(&num(d[1])))
                    && num(d[1]) != (num(d[0]) + 1) % 100
            }
            _ => false,
        };
        date.then(|| {
            let mut q = self.typed(g.start, g.end, QuantityKind::Date, None);
            q.date = Some(numeric_parts(d, g.seps.first() == Some(&"-")));
            q
        })
    }

    /// `2013-14`, `2010-2012`: a span of years.
    pub(super) fn year_span(&self, g: &DigitGroups) -> Option<Quantity> {
        let d = &g.digits;
        if !(d.len() == 2 && g.seps == ["-"] && d[0].len() == 4) {
            return None;
        }
        let y = group_value(d[0]);
        let second = group_value(d[1]);
        let to = match d[1].len() {
            // `1999-00`: the second year is in the next century.
            2 if y / 100 * 100 + second <= y => y / 100 * 100 + 100 + second,
            2 => y / 100 * 100 + second,
            4 => second,
            _ => 0,
        };
        if !((1000..=2100).contains(&y) && to > y && to - y < 100) {
            return None;
        }
        let mut q = self.typed(g.start, g.end, QuantityKind::Year, None);
        q.low = Some(y as f64);
        q.high = Some(to as f64);
        q.hedge = HedgeKind::Range;
        Some(q)
    }

    /// Clock times: `10:30`, `9:15 pm`, `10:30:15`; hours, minutes and seconds with no clock
    /// word after them are an elapsed time, as in race results (`won in 2:04:31`).
    pub(super) fn clock_time(&self, i: usize) -> Option<Quantity> {
        if !(self.is_sym(i + 1, ":") && self.glued(i + 1) && self.glued(i + 2)) {
            return None;
        }
        let raw = self.raw(i);
        let m = self.raw(i + 2);
        let h = group_value(raw);
        if !(m.len() == 2 && group_value(m) < 60 && h <= 24 && raw.len() <= 2) {
            return None;
        }
        let mut end = i + 3;
        let mut hours = h as f64 + group_value(m) as f64 / 60.0;
        if self.is_sym(end, ":") && self.glued(end) && self.is_number(end + 1) {
            let sec = self.raw(end + 1);
            end += 2;
            if self.clock_suffix(end).0 == end && sec.len() == 2 && group_value(sec) < 60 {
                if let Some(u) = self.lx.unit_named("hours") {
                    let v = hours + group_value(sec) as f64 / 3600.0;
                    let mut q = self.typed(i, end, QuantityKind::Measure, Some(v));
                    q.unit = Some(Unit::from_def(u));
                    q.decimals = 4;
                    return Some(q);
                }
            }
        }
        let (mut e, mut pm) = self.clock_suffix(end);
        // `5:03p`, `11:40a`: a half of the day in one letter, glued to a clock reading (not to
        // a bare number: `20p` is money).
        let letter = self.lower(end);
        if e == end
            && matches!(letter, "a" | "p")
            && self.glued(end)
            && !self
                .tok(end + 1)
                .is_some_and(|t| t.glued && t.kind == TokenKind::Word)
        {
            (e, pm) = (end + 1, letter == "p");
        }
        if pm && hours < 12.0 {
            hours += 12.0;
        }
        Some(self.typed(i, e, QuantityKind::Time, Some(hours)))
    }
}

impl Parser<'_> {
    /// Four digits of hours and minutes before a time zone (`2045 GMT`, `0630 UTC`): a time of
    /// day, as wire services write it.
    pub(super) fn zoned_hhmm(&self, i: usize) -> Option<Quantity> {
        let raw = self.raw(i);
        let zone = ZONES.contains(&self.lower(i + 1));
        if !(zone && raw.len() == 4 && raw.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
        let (h, m) = (group_value(&raw[..2]), group_value(&raw[2..]));
        if h > 23 || m > 59 {
            return None;
        }
        let (e, _) = self.clock_suffix(i + 1);
        Some(self.typed(i, e, QuantityKind::Time, Some(h as f64 + m as f64 / 60.0)))
    }
}

/// The parts of a date in digits: year first when joined by hyphens (`2018-05-17`,
/// `2019-10`); otherwise day and month in either order, settled only when one of them is over
/// 12 (`17/5/18`, `5/17/2018`), and the year last (two digits are this century's or the last).
pub(super) fn numeric_parts(d: &[&str], iso: bool) -> DateParts {
    let p = numeric_parts_unchecked(d, iso);
    // A month past 12 or a day past 31 (`45.67.2019`) is no date part.
    DateParts {
        year: p.year,
        month: p.month.filter(|m| (1..=12).contains(m)),
        day: p.day.filter(|d| (1..=31).contains(d)),
    }
}

fn numeric_parts_unchecked(d: &[&str], iso: bool) -> DateParts {
    let num = |s: &str| s.parse::<u16>().ok();
    let mut p = DateParts::default();
    if iso {
        p.year = num(d[0]);
        p.month = d.get(1).and_then(|s| num(s)).map(|m| m.min(255) as u8);
        p.day = d.get(2).and_then(|s| num(s)).map(|m| m.min(255) as u8);
        return p;
    }
    if d.len() == 3 {
        p.year = num(d[2]).map(|y| match (d[2].len(), y) {
            (2, y) if y <= 50 => 2000 + y,
            (2, y) => 1900 + y,
            (_, y) => y,
        });
        let (x, y) = (
            num(d[0]).unwrap_or(0).min(255) as u8,
            num(d[1]).unwrap_or(0).min(255) as u8,
        );
        if x > 12 {
            (p.day, p.month) = (Some(x), Some(y));
        } else if y > 12 {
            (p.month, p.day) = (Some(x), Some(y));
        }
    }
    p
}
