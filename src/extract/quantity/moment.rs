//! Moments of a game's clock: `with 13:41 to play`, `with two minutes left`, `in the first 3½
//! minutes`. Sports reports give many, each the time of one play, so two that differ are two
//! moments rather than rival accounts of one, and none is a duration of the event itself. A
//! count of a window (`the first eight points`, `five of their last seven games`) is a moment
//! too: a share of the game or the season, not its total.

use super::unit::Unit;
use super::{Quantity, QuantityKind};

impl super::reader::Parser<'_> {
    /// Marks `q` a moment of the game's clock when it is a time in minutes or seconds (or a
    /// clock reading) with words of time remaining after it (`left`, `remaining`: cue class
    /// `clock_left`; `to play`, `to go`: `clock_to`), or after `the` and a word of a window (`the first`,
    /// `the final`: cue class `clock_window`). A reading like `13:41 to play` is then minutes
    /// and seconds remaining, not a time of day.
    pub(super) fn mark_moment(&self, q: &mut Quantity) {
        if self.count_window(q) {
            q.moment = true;
            return;
        }
        let clock = q.kind == QuantityKind::Time && q.hedge == crate::extract::HedgeKind::Exact;
        let minutes = q.unit.as_ref().is_some_and(|u| {
            u.dimension == "duration" && matches!(u.name.as_ref(), "minute" | "second")
        });
        if !(clock || minutes) {
            return;
        }
        let e = q.end_token;
        let left = self.is_word(e) && self.lx.is_cue("clock_left", self.lower(e));
        let to_go = self.lower(e) == "to"
            && self.is_word(e + 1)
            && self.lx.is_cue("clock_to", self.lower(e + 1));
        let s = q.start_token;
        let window = minutes
            && s >= 2
            && self.lower(s - 2) == "the"
            && self.lx.is_cue("clock_window", self.lower(s - 1));
        if !(left || to_go || window) {
            return;
        }
        if clock && !self.clock_of_day(q) {
            let Some(minute) = self.lx.unit_named("minutes") else {
                return;
            };
            // `13:41` read as hours and minutes is 13.68; as minutes and seconds it is the
            // same digits: 13 + 41/60 minutes.
            q.kind = QuantityKind::Measure;
            q.unit = Some(Unit::from_def(minute));
            // Stated to the second: two readings a second apart differ.
            q.decimals = 2;
        } else if clock {
            return;
        }
        q.moment = true;
    }

    /// A count of the first or last members of a series, after a determiner or a possessive
    /// (`the first eight points`, `their last three games`, `Creighton's first eight`): a
    /// window of the game or the season, not its total.
    fn count_window(&self, q: &Quantity) -> bool {
        let s = q.start_token;
        q.kind == QuantityKind::Count
            && q.hedge == crate::extract::HedgeKind::Exact
            && s >= 2
            && self.lx.is_cue("clock_window", self.lower(s - 1))
            && (matches!(
                self.lower(s - 2),
                "the" | "its" | "their" | "his" | "her" | "our" | "my" | "your"
            ) || self.possessive_before(s - 1))
    }
}
