//! When a report was published: an ISO 8601 (RFC 3339) date or date-time, or an RFC 2822
//! date as news feeds give it (`Thu, 02 Jan 2025 10:30:00 GMT`), so that figures of one event
//! given on different days can be put in order.

use std::cmp::Ordering;
use std::fmt;

/// A publication date or instant, as given and as a point in time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// As given, trimmed (`2025-01-02`, `2025-01-02T10:30:00+02:00`).
    pub text: String,
    /// Seconds since 1970-01-01T00:00:00Z. A date alone counts from its midnight, and a time
    /// without a zone is read as UTC.
    pub at: i64,
    /// Only a date was given: within that day the order is unknown.
    pub date_only: bool,
    /// The calendar day as written (days since 1970-01-01), before any zone offset: a date
    /// alone is compared with the day a date-time was written on, not its UTC day.
    pub day: i64,
}

impl Published {
    /// Parses `YYYY-MM-DD`, optionally followed by `T` (or a space) and `HH:MM`, `:SS`, a
    /// fraction of a second, and `Z` or an offset (`+02:00`, `-0500`, `+02`); or an RFC 2822
    /// date (see [`Published::parse_rfc2822`]). The error says what was expected.
    pub fn parse(s: &str) -> Result<Published, String> {
        let text = s.trim();
        let bad = || {
            format!(
                "{text:?} is not an ISO 8601 date (YYYY-MM-DD, optionally with a time) or an RFC 2822 date (Thu, 02 Jan 2025 10:30:00 GMT)"
            )
        };
        // ISO 8601 starts with a four-digit year; anything else may be RFC 2822.
        if !(text.len() >= 5 && text.as_bytes()[..4].iter().all(u8::is_ascii_digit)) {
            return Published::parse_rfc2822(text).ok_or_else(bad);
        }
        let b = text.as_bytes();
        let num = |r: std::ops::Range<usize>| -> Option<i64> {
            let d = b.get(r)?;
            d.iter()
                .all(u8::is_ascii_digit)
                .then(|| d.iter().fold(0, |n, c| n * 10 + i64::from(c - b'0')))
        };
        let at = |i: usize, c: u8| b.get(i) == Some(&c);
        let (Some(year), true, Some(month), true, Some(day)) =
            (num(0..4), at(4, b'-'), num(5..7), at(7, b'-'), num(8..10))
        else {
            return Err(bad());
        };
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return Err(bad());
        }
        let days = days_from_civil(year, month, day);
        if b.len() == 10 {
            return Ok(Published::date(text, days));
        }
        if !(at(10, b'T') || at(10, b't') || at(10, b' ')) {
            return Err(bad());
        }
        let (Some(hour), true, Some(minute)) = (num(11..13), at(13, b':'), num(14..16)) else {
            return Err(bad());
        };
        let mut i = 16;
        let mut second = 0;
        if at(i, b':') {
            second = num(i + 1..i + 3).ok_or_else(bad)?;
            i += 3;
            if at(i, b'.') || at(i, b',') {
                i += 1;
                let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
                if digits == 0 {
                    return Err(bad());
                }
                i += digits;
            }
        }
        if hour > 23 || minute > 59 || second > 60 {
            return Err(bad());
        }
        let offset = match b.get(i) {
            None => 0,
            Some(b'Z' | b'z') if i + 1 == b.len() => 0,
            Some(&sign @ (b'+' | b'-')) => {
                let h = num(i + 1..i + 3).ok_or_else(bad)?;
                // `+02:00`, `+0200`, or the hour alone (`+02`).
                let m = if i + 3 == b.len() {
                    0
                } else {
                    let rest = if at(i + 3, b':') { i + 4 } else { i + 3 };
                    if rest + 2 != b.len() {
                        return Err(bad());
                    }
                    num(rest..rest + 2).ok_or_else(bad)?
                };
                if h > 23 || m > 59 {
                    return Err(bad());
                }
                let off = h * 3600 + m * 60;
                if sign == b'+' {
                    off
                } else {
                    -off
                }
            }
            _ => return Err(bad()),
        };
        Ok(Published::time(
            text,
            days,
            hour * 3600 + minute * 60 + second,
            offset,
        ))
    }

    /// An RFC 2822 date, as RSS feeds and mail headers give it: `Thu, 02 Jan 2025 10:30:00
    /// +0000`, the weekday optional, seconds optional, the zone `+hhmm`, `GMT`, `UT`, `UTC`,
    /// `Z` or a North American zone (`EST`…`PDT`); a date without a time is a date alone.
    pub fn parse_rfc2822(s: &str) -> Option<Published> {
        let text = s.trim();
        let rest = match text.split_once(',') {
            Some((weekday, rest)) => {
                const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
                DAYS.contains(&weekday.trim().to_ascii_lowercase().as_str())
                    .then_some(rest)?
            }
            None => text,
        };
        let mut parts = rest.split_whitespace();
        let day = parts.next().filter(|d| (1..=2).contains(&d.len()))?;
        let day: i64 = day
            .bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| day.parse().ok())??;
        const MONTHS: [&str; 12] = [
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ];
        let month = parts.next()?.to_ascii_lowercase();
        let month = MONTHS.iter().position(|m| *m == month)? as i64 + 1;
        let year = parts.next().filter(|y| y.len() == 4)?;
        let year: i64 = year
            .bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| year.parse().ok())??;
        if day < 1 || day > days_in_month(year, month) {
            return None;
        }
        let days = days_from_civil(year, month, day);
        let Some(clock) = parts.next() else {
            return Some(Published::date(text, days));
        };
        let mut hms = clock.split(':').map(|p| {
            (p.len() == 2 && p.bytes().all(|c| c.is_ascii_digit()))
                .then(|| p.parse::<i64>().ok())
                .flatten()
        });
        let (h, m) = (hms.next()??, hms.next()??);
        let sec = match hms.next() {
            Some(x) => x?,
            None => 0,
        };
        if hms.next().is_some() || h > 23 || m > 59 || sec > 60 {
            return None;
        }
        let zone = parts.next()?;
        let offset = match zone.to_ascii_uppercase().as_str() {
            "GMT" | "UT" | "UTC" | "Z" => 0,
            "EDT" => -4 * 3600,
            "EST" | "CDT" => -5 * 3600,
            "CST" | "MDT" => -6 * 3600,
            "MST" | "PDT" => -7 * 3600,
            "PST" => -8 * 3600,
            z => {
                let (sign, digits) = match z.as_bytes().first()? {
                    b'+' => (1, &z[1..]),
                    b'-' => (-1, &z[1..]),
                    _ => return None,
                };
                if digits.len() != 4 || !digits.bytes().all(|c| c.is_ascii_digit()) {
                    return None;
                }
                let (oh, om): (i64, i64) = (digits[..2].parse().ok()?, digits[2..].parse().ok()?);
                if oh > 23 || om > 59 {
                    return None;
                }
                sign * (oh * 3600 + om * 60)
            }
        };
        if parts.next().is_some() {
            return None;
        }
        Some(Published::time(text, days, h * 3600 + m * 60 + sec, offset))
    }

    /// The day `year`-`month`-`day` (shown as `YYYY-MM-DD`), if there is such a day.
    pub fn from_day(year: i64, month: i64, day: i64) -> Option<Published> {
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return None;
        }
        let text = format!("{year:04}-{month:02}-{day:02}");
        Some(Published::date(&text, days_from_civil(year, month, day)))
    }

    fn date(text: &str, days: i64) -> Published {
        Published {
            text: text.to_string(),
            at: days * 86_400,
            date_only: true,
            day: days,
        }
    }

    /// A date-time: `days` and `seconds` into the day as written, `offset` seconds east of UTC.
    fn time(text: &str, days: i64, seconds: i64, offset: i64) -> Published {
        Published {
            text: text.to_string(),
            at: days * 86_400 + seconds - offset,
            date_only: false,
            day: days,
        }
    }

    /// Which of two is earlier, when that is known: two dates of one day (or a date and a
    /// time on that day) are not ordered.
    pub fn order(&self, other: &Published) -> Option<Ordering> {
        if self.date_only || other.date_only {
            let (x, y) = (self.day, other.day);
            return (x != y).then(|| x.cmp(&y));
        }
        (self.at != other.at).then(|| self.at.cmp(&other.at))
    }
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> i64 {
        Published::parse(s).unwrap().at
    }

    #[test]
    fn dates_and_times() {
        assert_eq!(at("1970-01-01"), 0);
        assert_eq!(at("2000-03-01"), 951_868_800);
        assert_eq!(at("2024-02-29"), 1_709_164_800);
        assert_eq!(at("2025-01-02T10:30:00Z"), 1_735_813_800);
        assert_eq!(at("2025-01-02 10:30"), 1_735_813_800);
        assert_eq!(at("2025-01-02T12:30:00+02:00"), 1_735_813_800);
        assert_eq!(at("2025-01-02T05:30:00.250-0500"), 1_735_813_800);
        assert_eq!(at("2025-01-02 12:30:00+02"), 1_735_813_800);
        assert_eq!(at("Thu, 02 Jan 2025 10:30:00 GMT"), 1_735_813_800);
        assert_eq!(at("2 Jan 2025 05:30 EST"), 1_735_813_800);
        assert_eq!(at("Thu, 02 Jan 2025 12:30:00 +0200"), 1_735_813_800);
        assert!(Published::parse("02 Jan 2025").unwrap().date_only);
        assert!(Published::parse("2025-01-02").unwrap().date_only);
        assert!(!Published::parse("2025-01-02T00:00Z").unwrap().date_only);
        assert_eq!(Published::parse(" 2025-01-02 ").unwrap().text, "2025-01-02");
    }

    #[test]
    fn not_dates() {
        for s in [
            "",
            "yesterday",
            "2025-1-2",
            "2025-13-01",
            "2025-02-29",
            "2025-01-32",
            "2025/01/02",
            "2025-01-02T",
            "2025-01-02T25:00",
            "2025-01-02T10:30:00.",
            "2025-01-02T10:30+2",
            "2025-01-02T10:30Zulu",
            "02.01.2025",
            "Thu 02 Jan 2025",
            "Fun, 02 Jan 2025 10:30 GMT",
            "30 Feb 2025",
            "02 Jan 2025 10:30",
            "02 Jan 2025 10:30 +02",
            "02 Jan 2025 10:30 GMT extra",
            "2025-01-02T10:30+02:0",
            "2025",
        ] {
            let e = Published::parse(s).unwrap_err();
            assert!(e.contains("not an ISO 8601 date"), "{s}: {e}");
        }
    }

    #[test]
    fn order_is_known_only_across_days_for_dates() {
        let p = |s| Published::parse(s).unwrap();
        assert_eq!(
            p("2025-01-01").order(&p("2025-01-02")),
            Some(Ordering::Less)
        );
        assert_eq!(p("2025-01-02").order(&p("2025-01-02T18:00Z")), None);
        assert_eq!(
            p("2025-01-02T09:00Z").order(&p("2025-01-02T18:00Z")),
            Some(Ordering::Less)
        );
        assert_eq!(
            p("2025-01-02T12:00+02:00").order(&p("2025-01-02T10:00Z")),
            None
        );
        // A date alone meets the day a time was written on, whatever its zone.
        assert_eq!(p("2025-01-02").order(&p("2025-01-02T20:00:00-05:00")), None);
        assert_eq!(
            p("2025-01-02").order(&p("2025-01-03T00:30+02:00")),
            Some(Ordering::Less)
        );
    }
}
