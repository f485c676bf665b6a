//! Parts of wholes and rates: `X over Y`, `X out of Y`, `one in Y`.

use super::numeral::Numeral;
use super::reader::Parser;

impl Parser<'_> {
    /// A numeral read on as a rate when one follows (`one in five`), else as it is.
    pub(super) fn rate(&self, n: Numeral) -> Numeral {
        if n.ordinal || n.fraction {
            return n;
        }
        self.ratio(&n).unwrap_or(n)
    }

    /// `X over Y`, `X out of Y` (X < Y), `one in Y`: a ratio.
    pub(super) fn ratio(&self, n: &Numeral) -> Option<Numeral> {
        let j = n.end;
        let w = self.lower(j);
        let (k, kind) = match w {
            "over" => (j + 1, 0),
            "out" if self.lower(j + 1) == "of" => (j + 2, 1),
            "in" if n.value == 1.0 && !n.fraction => (j + 1, 2),
            _ => return None,
        };
        let d = self.plain_numeral(k)?;
        if d.value == 0.0 {
            return None;
        }
        let ok = match kind {
            // `one over three`; `$2000 over 3 years` is a period, so nothing may follow.
            0 => !self.is_word(d.end),
            1 => n.value < d.value,
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

    /// Whether a unit word starts at `j` (used to tell `1 in 21` from `5 in 10 days`).
    fn is_unit_word(&self, j: usize) -> bool {
        self.is_word(j) && self.lx.units.longest(self, j).is_some()
    }
}
