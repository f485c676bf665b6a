//! Units a sentence implies: a bare figure stated as the value of a temperature
//! (`temperatures were minus 20`, `a temperature of 38`) is in degrees of an unstated scale.

use super::unit::Unit;
use super::{Quantity, QuantityKind};

/// How many words may stand between the temperature word and its figure.
const REACH: usize = 3;

impl super::reader::Parser<'_> {
    /// Gives `q` the unit `degree` (of temperature) when it is a bare count (no unit, and no
    /// word after it it could count) whose words before it, within [`REACH`], are a word of
    /// `temperature_of` (cue class: `temperatures`, `mercury`) followed only by auxiliaries,
    /// words of change (`were`, `fell to`, `reached`) or `of`, `at`, `to`.
    pub(super) fn imply_temperature(&self, q: &mut Quantity) {
        if q.kind != QuantityKind::Count || q.unit.is_some() || q.tally.is_some() {
            return;
        }
        let e = q.end_token;
        if self.is_word(e) && !self.lx.stopwords.contains(self.lower(e)) {
            return;
        }
        let link = |k: usize| {
            self.is_word(k)
                && (matches!(self.lower(k), "of" | "at" | "to")
                    || self.lx.is_cue("aux", self.lower(k))
                    || self.lx.is_cue("change", self.lower(k)))
        };
        let mut k = q.start_token;
        for _ in 0..=REACH {
            if k == 0 {
                return;
            }
            k -= 1;
            if self.is_word(k) && self.lx.is_cue("temperature_of", self.lower(k)) {
                if let Some(d) = self.lx.unit_named("degree") {
                    q.unit = Some(Unit::from_def(d));
                    q.kind = QuantityKind::Measure;
                }
                return;
            }
            if !link(k) {
                return;
            }
        }
    }
}
