//! What a hedged figure allows: its firm interval (what the words strictly say) and its
//! plausible interval (what a reader would accept the writer to mean).
//!
//! Tolerances, documented once here and in README.md:
//! - `about`/`around`/`some`/`roughly`: ±10% of the figure (both intervals).
//! - `nearly`/`almost`: from 10% under the figure up to it.
//! - `at least`/`more than`/`over`: firmly unbounded above, but plausibly at most 40% over
//!   (nobody writes "over 300" for 500), and for a small count at least one more ("at least
//!   two" for three); at a round figure, plausibly the figure itself too ("more than 350"
//!   for a report's bare "350"; "more than 312" still excludes 312). So for `less than`.
//! - `up to`/`at most`/`less than`: firmly down to 0, plausibly at least half the figure.
//! - Rounding: a figure stated with decimals, a scale word or as a percentage is taken to
//!   ±half its last stated digit (`1.5 million` = 1.45–1.55 million, `3%` = 2.5–3.5%); so is
//!   a measurement (`8 km` = 7.5–8.5 km, which admits `5 miles`). Whole counts are exact:
//!   61 is not 63. That is the firm reading; the plausible one stops short of the half-way
//!   points (80% of the half-unit: `3%` = 2.6–3.4%), so `3%` against `2.5%` is strained.
//! - Vague amounts take their bounds from `data/vague.tsv`: the low bound is firm, the high
//!   bound plausible.
//! - Two figures of one hedged family — two estimates (`about 800`, `some 950`), two ceilings
//!   (`up to 64GB`, `up to 128GB`) or two floors (`at least 40`, `more than 90`) — each state a
//!   figure, an estimate's centre or a limit, and a reader takes them as one only when those
//!   figures are within 5% of each other (or their rounding): each may be true of one value,
//!   but nobody words one figure both ways, so they are strained.
//! - Dates compare by their parts: two dates fit when every part both state is the same; two
//!   seasons (`2008-09`, `2009-10`) only when they are one season.

use crate::extract::{DateParts, HedgeKind, Quantity, QuantityKind};

/// A closed interval; `f64::INFINITY` for unbounded.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

impl Interval {
    pub fn overlaps(&self, o: &Interval) -> bool {
        self.low <= o.high && o.low <= self.high
    }

    fn scale(self, f: impl Fn(f64) -> f64) -> Interval {
        Interval {
            low: f(self.low),
            high: f(self.high),
        }
    }
}

pub const APPROX: f64 = 0.10;
pub const LOWER_BOUND_SLACK: f64 = 0.40;
pub const UPPER_BOUND_FLOOR: f64 = 0.50;
/// How far past a clock time's bound a reader takes the time to lie, in hours.
pub const TIME_BOUND_SLACK: f64 = 1.0;
/// The share of the rounding half-unit a reader accepts (see `plausible`).
pub const ROUNDING_READ: f64 = 0.8;
/// How far apart two figures of one hedged family may be and still state one figure.
pub const STATED: f64 = 0.05;

/// Half a unit of the last digit the figure was stated to, in the figure's own units.
fn rounding(q: &Quantity) -> f64 {
    let v = q.value.unwrap_or(0.0);
    if q.scaled {
        // `1.5 million`: half of 0.1 million.
        let mut scale = 1.0;
        while scale * 1000.0 <= v.abs() && scale.is_finite() {
            scale *= 1000.0;
        }
        0.5 * 10f64.powi(-(q.decimals as i32)) * scale
    } else if q.decimals > 0
        || matches!(
            q.kind,
            QuantityKind::Percent | QuantityKind::PercentagePoints | QuantityKind::Measure
        )
    {
        0.5 * 10f64.powi(-(q.decimals as i32))
    } else {
        0.0
    }
}

/// A tiny step past a bound, so that `more than 200` excludes 200 itself.
fn past(v: f64) -> f64 {
    v + v.abs().max(1.0) * 1e-9
}

fn before(v: f64) -> f64 {
    v - v.abs().max(1.0) * 1e-9
}

/// What the words strictly allow, in the figure's own unit. A score is the point of its
/// sides' key: two scores meet only when they state the same sides.
pub fn firm(q: &Quantity) -> Interval {
    if let Some(t) = q.tally {
        let k = t.key();
        return Interval { low: k, high: k };
    }
    let tol = rounding(q);
    let inf = f64::INFINITY;
    match (q.hedge, q.value) {
        (HedgeKind::Vague | HedgeKind::Range, _) | (_, None) => Interval {
            low: q.low.unwrap_or(0.0) - tol,
            high: if q.hedge == HedgeKind::Vague {
                inf
            } else {
                q.high.unwrap_or(inf) + tol
            },
        },
        (HedgeKind::Exact | HedgeKind::Exactly, Some(v)) => Interval {
            low: v - tol,
            high: v + tol,
        },
        (HedgeKind::Approx, Some(v)) => Interval {
            low: v - (v.abs() * APPROX).max(tol),
            high: v + (v.abs() * APPROX).max(tol),
        },
        (HedgeKind::Nearly, Some(v)) => Interval {
            low: v * (1.0 - APPROX),
            high: v,
        },
        (HedgeKind::AtLeast, Some(v)) => Interval {
            low: v - tol,
            high: inf,
        },
        (HedgeKind::MoreThan, Some(v)) => Interval {
            low: past(v),
            high: inf,
        },
        (HedgeKind::AtMost | HedgeKind::UpTo, Some(v)) => Interval {
            low: 0.0,
            high: v + tol,
        },
        (HedgeKind::LessThan, Some(v)) => Interval {
            low: 0.0,
            high: before(v),
        },
    }
}

/// A round figure (`350`, `1,000`): a whole multiple of ten, which outlets may give bare for a
/// count another gives as `more than 350`.
fn round(v: f64) -> bool {
    v.fract() == 0.0 && v != 0.0 && v % 10.0 == 0.0
}

/// What a reader would accept the writer to mean, in the figure's own unit. A bound at a
/// round figure (`more than 350`, `under 1,000`) plausibly includes the figure itself: a
/// report giving the bare `350` states the same count rounded.
pub fn plausible(q: &Quantity) -> Interval {
    let f = firm(q);
    match (q.hedge, q.value) {
        (HedgeKind::Vague, _) => Interval {
            low: f.low,
            high: q.high.unwrap_or(f64::INFINITY),
        },
        // A clock time's bound (`shortly after 3:30`, `out by 7 a.m.`) is read within an hour
        // of it: a share of the hours since midnight means nothing.
        (HedgeKind::AtLeast | HedgeKind::MoreThan, Some(v)) if q.kind == QuantityKind::Time => {
            Interval {
                low: f.low,
                high: v + TIME_BOUND_SLACK,
            }
        }
        (HedgeKind::AtMost | HedgeKind::UpTo | HedgeKind::LessThan, Some(v))
            if q.kind == QuantityKind::Time =>
        {
            Interval {
                low: v - TIME_BOUND_SLACK,
                high: f.high,
            }
        }
        // A small count's floor plausibly allows one more at least (`at least two` and
        // `three`), where 40% of it would not reach the next whole number.
        (HedgeKind::AtLeast | HedgeKind::MoreThan, Some(v)) => {
            let whole = q.kind == QuantityKind::Count && !q.scaled && q.decimals == 0;
            let high = v * (1.0 + LOWER_BOUND_SLACK);
            Interval {
                low: if round(v) { f.low.min(v) } else { f.low },
                high: if whole { high.max(v + 1.0) } else { high },
            }
        }
        (HedgeKind::AtMost | HedgeKind::UpTo | HedgeKind::LessThan, Some(v)) => Interval {
            low: v * UPPER_BOUND_FLOOR,
            high: if round(v) { f.high.max(v) } else { f.high },
        },
        // A rounded figure is read as the values that round to it, short of the half-way
        // points: `3%` stands for 2.6–3.4%, not for 2.5%, which a writer would have given as such.
        (HedgeKind::Exact, Some(v)) => {
            let tol = rounding(q) * ROUNDING_READ;
            Interval {
                low: v - tol,
                high: v + tol,
            }
        }
        _ => f,
    }
}

/// Whether a count is a share of a whole (`two-thirds of eligible voters`, `half the roof`):
/// a fraction, which is compared as a percentage (`67% turnout`). Not a decimal (a batting
/// average `.358`).
pub fn is_share(q: &Quantity) -> bool {
    q.kind == QuantityKind::Count
        && q.unit.is_none()
        && q.fraction
        && q.value.is_some_and(|v| v > 0.0 && v < 1.0)
}

/// A value of `q` in its dimension's base unit (metres, seconds…), for comparing across
/// units; a share in percent.
pub fn base(q: &Quantity, v: f64) -> f64 {
    match &q.unit {
        Some(u) if v.is_finite() => u.to_base(v),
        Some(_) => v,
        None if is_share(q) => v * 100.0,
        None => v,
    }
}

/// An interval in the dimension's base unit: [`base`] of both ends.
pub fn in_base(q: &Quantity, i: Interval) -> Interval {
    i.scale(|v| base(q, v))
}

/// The kinds of hedged figure that state a figure of their own: an estimate's centre, or a
/// limit one way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Estimate,
    Ceiling,
    Floor,
}

/// The family of a hedged point figure, if it has one.
pub fn family(q: &Quantity) -> Option<Family> {
    q.value?;
    match q.hedge {
        HedgeKind::Approx => Some(Family::Estimate),
        HedgeKind::UpTo | HedgeKind::AtMost | HedgeKind::LessThan => Some(Family::Ceiling),
        HedgeKind::AtLeast | HedgeKind::MoreThan => Some(Family::Floor),
        _ => None,
    }
}

/// The figure a hedged one states, as a reader takes it beside another of its family: within
/// [`STATED`] of its value, or its rounding.
pub fn stated(q: &Quantity) -> Interval {
    let v = q.value.unwrap_or(0.0);
    let tol = (v.abs() * STATED).max(rounding(q));
    Interval {
        low: v - tol,
        high: v + tol,
    }
}

/// Everything [`relate`] reads of a quantity, in the base unit, made once when a quantity is
/// compared with many.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    pub firm: Interval,
    pub plausible: Interval,
    /// The family and the stated figure of a hedged one.
    pub stated: Option<(Family, Interval)>,
    /// A date's parts.
    pub date: Option<DateParts>,
    /// A season or fiscal year (`2008-09`): its first year. Two seasons are one only when they
    /// are the same season, though adjacent ones share a year.
    pub season: Option<f64>,
    /// A range's two ends as stated, and whether they are the least and the most of a set
    /// ([`Quantity::spread`]).
    pub ends: Option<(Interval, bool)>,
}

impl Reading {
    pub fn of(q: &Quantity) -> Reading {
        Reading {
            firm: in_base(q, firm(q)),
            plausible: in_base(q, plausible(q)),
            stated: family(q).map(|f| (f, in_base(q, stated(q)))),
            date: q.date.filter(|d| !d.is_empty()),
            season: match (q.kind, q.hedge, q.low, q.high) {
                (QuantityKind::Year, HedgeKind::Range, Some(l), Some(h)) if h - l == 1.0 => Some(l),
                _ => None,
            },
            ends: match (q.hedge, q.low, q.high) {
                (HedgeKind::Range, Some(low), Some(high)) => {
                    Some((in_base(q, Interval { low, high }), q.spread))
                }
                _ => None,
            },
        }
    }

    /// How two figures relate; see the module's rules.
    pub fn relation(&self, o: &Reading) -> Relation {
        if let (Some(x), Some(y)) = (self.season, o.season) {
            return if x == y {
                Relation::Compatible
            } else {
                Relation::Conflict
            };
        }
        if let (Some(x), Some(y)) = (&self.date, &o.date) {
            return if x.fits(y) {
                Relation::Compatible
            } else {
                Relation::Conflict
            };
        }
        // A date's year against a year (`on October 21, 2011`, `in 2011`): the year decides.
        let year_of = |r: &Reading| r.date.and_then(|d| d.year).map(f64::from);
        if let (Some(y), None) | (None, Some(y)) = (year_of(self), year_of(o)) {
            let other = if self.date.is_some() { o } else { self };
            if other.date.is_none() {
                return if other.firm.low <= y && y <= other.firm.high {
                    Relation::Compatible
                } else {
                    Relation::Conflict
                };
            }
        }
        // The least and the most of a set (`ranging from 7 to 75`) against another range:
        // both ends are facts, so they agree only when equal.
        if let (Some((x, p)), Some((y, q))) = (self.ends, o.ends) {
            if p || q {
                let same = same_point;
                return if same(x.low, y.low) && same(x.high, y.high) {
                    Relation::Compatible
                } else {
                    Relation::Conflict
                };
            }
        }
        let meet = match (self.stated, o.stated) {
            (Some((f, x)), Some((g, y))) if f == g => x.overlaps(&y),
            _ => self.plausible.overlaps(&o.plausible),
        };
        if meet {
            Relation::Compatible
        } else if self.firm.overlaps(&o.firm) {
            Relation::Strained
        } else {
            Relation::Conflict
        }
    }
}

/// Whether two values in one unit are the same point, within rounding of the arithmetic.
pub fn same_point(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(1.0)
}

/// How two figures relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// Both can be true as a reader understands them.
    Compatible,
    /// Strictly both can be true, but not as a reader understands them ("over 300" vs ~500).
    Strained,
    /// They cannot both be true.
    Conflict,
}

/// Compares two quantities of one dimension.
pub fn relate(a: &Quantity, b: &Quantity) -> Relation {
    Reading::of(a).relation(&Reading::of(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quantity::find;
    use crate::extract::token::tokenize;

    fn q(s: &str) -> Quantity {
        let toks = tokenize(s, 0);
        find(s, &toks).remove(0)
    }

    macro_rules! relations {
        ($($name:ident: $a:expr, $b:expr => $rel:ident;)*) => {
            $(#[test] fn $name() {
                assert_eq!(relate(&q($a), &q($b)), Relation::$rel, "{} vs {}", $a, $b);
                assert_eq!(relate(&q($b), &q($a)), Relation::$rel, "{} vs {}", $b, $a);
            })*
        };
    }

    relations! {
        spread_vs_range_ends_differ: "sentences ranging from 7 to 75 years", "between six and 75 years" => Conflict;
        spread_vs_same_ends: "ranging from 7 to 75 years", "between seven and 75 years" => Compatible;
        date_in_its_year: "on March 3, 2016", "in 2016" => Compatible;
        date_in_another_year: "on March 3, 2016", "in 2015" => Conflict;
        two_estimates_overlap: "between 300 and 500 people", "between 350 and 450 people" => Compatible;
        at_least_vs_word: "at least 30 killed", "thirty-four died" => Compatible;
        more_than_vs_about: "more than 200 people", "about 240 people" => Compatible;
        more_than_a_round_figure_vs_it: "more than 350 employees", "350 employees" => Compatible;
        less_than_a_round_figure_vs_it: "fewer than 40 homes", "40 homes" => Compatible;
        more_than_a_precise_figure_vs_it: "more than 312 people", "312 people" => Conflict;
        exact_vs_at_least: "61 dead", "at least 65 killed" => Conflict;
        over_vs_around: "over 300 people", "around 500 staff" => Strained;
        vague_vs_at_least: "numerous individuals", "at least 300 individuals" => Compatible;
        same: "20 countries", "20 countries" => Compatible;
        small_floor_one_more: "at least two ladder trucks", "three ladder trucks" => Compatible;
        small_floor_not_two_more: "at least two ladder trucks", "four ladder trucks" => Strained;
        just_after_the_hour: "just after 7 p.m.", "at 7 p.m." => Compatible;
        shortly_after_a_clock: "shortly after 3:30 a.m.", "at 3:33 a.m." => Compatible;
        just_before_is_no_later: "just before 9 p.m.", "at 9:20 p.m." => Conflict;
        different: "300 staff", "500 staff" => Conflict;
        rounding_percent: "3.2% growth", "3% growth" => Compatible;
        miles_vs_km: "5 miles", "8 km" => Compatible;
        inches_vs_cm: "up to 8 inches of snow", "more than 15 centimetres of snow" => Compatible;
        scale_words: "1.4 million subscribers", "1.1 million users" => Conflict;
        basis_points: "25 basis points", "0.25 percentage points" => Compatible;
        range_vs_point: "between 20 and 25 people", "22 people" => Compatible;
        tens_of_thousands: "tens of thousands of people", "50,000 people" => Compatible;
        dozens_vs_thousands: "dozens of people", "5,000 people" => Strained;
        half_point_off: "3% next year", "2.5 per cent next year" => Strained;
        same_score: "won 31-24", "beat them 31-24" => Compatible;
        score_either_way: "won 31-24", "lost 24-31" => Compatible;
        other_score: "won 31-24", "won 31-17" => Conflict;
        share_vs_percent: "two-thirds of the voters", "67% of the voters" => Compatible;
        share_vs_another_percent: "half of the staff", "60% of the staff" => Conflict;
    }
}
