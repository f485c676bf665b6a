//! Parts of wholes and rates. `7 out of 9 charges`, `two of the three suspects`: the part and
//! the whole are separate figures, the whole counting the set and the part carrying the
//! whole's figure ([`Quantity::whole`]). `one in five voters`, `one out of three`, `9 out of
//! 10 doctors`, `two out of 500`, `one over three`: a rate, one figure (0.2, 1/3, 0.9), since
//! the whole there is a round base for the proportion, not a set anyone counted. An increment
//! (`a further 30`, `12 more bodies`) is an amount added to another ([`Quantity::increment`]).
//!
//! [`Quantity::whole`]: super::Quantity::whole
//! [`Quantity::increment`]: super::Quantity::increment

use super::numeral::Numeral;
use super::reader::Parser;

/// Words between `of` and the whole's figure: `two of the three`, `five of its 12`.
const WHOLE_DETERMINERS: &[&str] = &["the", "its", "their", "those", "these", "his", "her", "our"];

/// Words that pick which members make up the whole: `four of the remaining 12`, `two of the
/// other five`. Words of a window (`the first eight`, `their last three`: cue class
/// `clock_window`) pick them too, and make the part a moment of a game or a season.
const WHOLE_POSITIONS: &[&str] = &["remaining", "other", "top"];

/// The whole a part belongs to.
pub(super) struct Whole {
    pub(super) value: f64,
    /// The token after the whole's figure.
    pub(super) end: usize,
    /// Picked by a window (`the first eight`): the part is a share of that window.
    pub(super) window: bool,
}

impl Parser<'_> {
    /// A numeral read on as a rate when one follows (`one in five`), else as it is.
    pub(super) fn rate(&self, n: Numeral) -> Numeral {
        if n.ordinal || n.fraction {
            return n;
        }
        self.ratio(&n).unwrap_or(n)
    }

    /// `X over Y`, `one out of Y`, `X out of 10`, `one in Y`: a rate.
    fn ratio(&self, n: &Numeral) -> Option<Numeral> {
        let j = n.end;
        let w = self.lower(j);
        let (k, kind) = match w {
            "over" => (j + 1, 0),
            "out" if self.lower(j + 1) == "of" => (j + 2, 1),
            // `one in every 500`, `one in each ten`: the base, said of every group.
            "in" if n.value == 1.0 && !n.fraction => {
                let each = matches!(self.lower(j + 1), "every" | "each");
                (j + 1 + usize::from(each), 2)
            }
            _ => return None,
        };
        let d = self.plain_numeral(k)?;
        if d.value == 0.0 {
            return None;
        }
        let ok = match kind {
            // `one over three`; `$2000 over 3 years` is a period, so nothing may follow.
            0 => !self.is_word(d.end),
            // `one out of three`, `nine out of 10`, `two out of 500`: a rate; `7 out of 9
            // charges` is a part of a whole (see `whole_after`); `12 out of 10` is no rate.
            1 => n.value < d.value && (n.value == 1.0 || is_base(d.value)),
            // `1 in 21`, but not `1 in 10 days` or `1 in 2005`.
            _ => !(self.is_unit_word(d.end) || d.plain && (1000.0..=2100.0).contains(&d.value)),
        };
        if !ok {
            return None;
        }
        let mut r = Numeral::new(n.value / d.value, n.start, d.end);
        r.fraction = true;
        r.words = n.words || d.words;
        r.decimals = 2;
        Some(r)
    }

    /// The whole a part figure ending at `k` belongs to: `out of 9`, `of the three`, `of its
    /// 12`, `of 40`, `of the team's first eight`: its figure and the token after it. The whole
    /// must be larger than the part.
    pub(super) fn whole_after(&self, k: usize, part: f64) -> Option<Whole> {
        let mut j = k;
        if self.lower(j) == "out" {
            j += 1;
        }
        if self.lower(j) != "of" {
            return None;
        }
        j += 1;
        if WHOLE_DETERMINERS.contains(&self.lower(j)) {
            j += 1;
        }
        // `of Creighton's first eight`, `of the club's 40`: whose whole it is.
        j += self.possessive_len(j);
        let window = self.lx.is_cue("clock_window", self.lower(j));
        if window || WHOLE_POSITIONS.contains(&self.lower(j)) {
            j += 1;
        }
        let d = self.plain_numeral(j)?;
        (d.value > part && !self.is_unit_word(d.end)).then_some(Whole {
            value: d.value,
            end: d.end,
            window,
        })
    }

    /// Reads the whole after a part figure `q` of value `part`, if any (`7 out of 9`, `none of
    /// the 150`); a part of a window is a moment.
    pub(super) fn read_whole(&self, q: &mut super::Quantity, part: f64) {
        if let Some(w) = self.whole_after(q.end_token, part) {
            q.whole = Some(w.value);
            q.whole_end = Some(w.end);
            q.moment |= w.window;
        }
    }

    /// Whether a unit word starts at `j` (used to tell `1 in 21` from `5 in 10 days`).
    fn is_unit_word(&self, j: usize) -> bool {
        self.is_word(j) && self.lx.units.longest(self, j).is_some()
    }
}

/// A round base a rate is stated over: 10, a multiple of 100 (`nine out of 10`, `two out of
/// five hundred`); a set someone counted has the figure it has (`7 out of 9 charges`).
fn is_base(v: f64) -> bool {
    v == 10.0 || v >= 100.0 && v % 100.0 == 0.0
}

impl Parser<'_> {
    /// Marks an increment: a count with an increment word after it (`12 more bodies`, `two
    /// extra sentences`; not `more than`) or before it (`a further 30`, `another 5,000`: cue
    /// class `increment`).
    pub(super) fn mark_increment(&self, q: &mut super::Quantity) {
        use super::QuantityKind;
        if !matches!(
            q.kind,
            QuantityKind::Count | QuantityKind::Money | QuantityKind::Measure
        ) {
            return;
        }
        let (s, e) = (q.start_token, q.end_token);
        let word = |i: usize| self.is_word(i) && self.lx.is_cue("increment", self.lower(i));
        let after = word(e) && self.lower(e + 1) != "than" && !self.glued(e);
        let before = s >= 1 && word(s - 1) && self.lower(s - 1) != "more";
        q.increment = after || before;
    }
}
