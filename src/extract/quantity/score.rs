//! Results, votes and records: `won 31-17`, `a 3-1 win`, `voted 9-3`, `a 12-4 record`,
//! `45-7-2`. Two or three short runs of digits joined by hyphens state the sides of one
//! outcome. They are no range (a range never runs from high to low, and `a 3-1 win` is no
//! "one to three"), and neither side counts anything another report's toll could be.

use super::reader::{group_value, DigitGroups, Parser};
use super::unit::Unit;
use super::{Quantity, QuantityKind, Tally};

/// How many tokens before and after the sides a cue word may stand (`beat the Jaguars 31-24`,
/// `a 3-1 home win`).
const CUE_BEFORE: usize = 4;
const CUE_AFTER: usize = 2;

impl Parser<'_> {
    /// A score at the digit groups `g`: two or three groups of one to three digits joined by
    /// hyphens, not followed by a unit, read as a score when
    /// - a cue word stands near (`won`, `beat`, `voted`, `record` before; `win`, `victory`,
    ///   `vote`, `record` after: `data/cues.tsv`), or a word of standing (`season`, `record`,
    ///   `improved`) or brackets after a name make it a record (`ended its season 15-17`,
    ///   `Leeds (14-9)`, `Leeds (14-9, 6-3 away)`),
    /// - or the sides run from high to low, which no range does (`the Senate split 51-49`),
    /// - or there are three sides (`45-7-2`).
    pub(super) fn score(&self, g: &DigitGroups) -> Option<Quantity> {
        let n = g.digits.len();
        if !(2..=3).contains(&n)
            || !g.seps.iter().all(|s| *s == "-")
            || !g.digits.iter().all(|d| (1..=3).contains(&d.len()))
            || self.unit_follows(g.end)
        {
            return None;
        }
        let sides: Vec<u32> = g.digits.iter().map(|d| group_value(d)).collect();
        let standing = self.record_cue(g.start, g.end)
            || self.after_a_name(g.start, g.end)
            || self.after_a_copula(g.start, g.end);
        let cued = standing || self.score_cue(g.start, g.end);
        let descending = sides[0] > sides[1];
        if !(cued || descending || n == 3) {
            return None;
        }
        let mut tally = Tally {
            sides: [0; 3],
            len: n as u8,
            record: n == 3 || standing,
            partial: false,
            scope: 0,
        };
        tally.partial = !tally.record && self.partial_cue(g.start, g.end);
        if tally.record {
            tally.scope = self.record_scope(g.end);
        }
        tally.sides[..n].copy_from_slice(&sides);
        let mut q = self.typed(g.start, g.end, QuantityKind::Score, None);
        q.tally = Some(tally);
        if tally.record {
            q.unit = Some(Unit::simple("win-loss record", "record", 1.0));
        }
        Some(q)
    }

    /// `a 13-all tie`, `level at 2-all`: one side's score said for both, a tied score.
    pub(super) fn tie(&self, g: &DigitGroups) -> Option<Quantity> {
        let e = g.end;
        let all =
            self.is_sym(e, "-") && self.glued(e) && self.glued(e + 1) && self.lower(e + 1) == "all";
        if !all || g.digits.len() != 1 || !(1..=3).contains(&g.digits[0].len()) {
            return None;
        }
        let side = group_value(g.digits[0]);
        let mut tally = Tally {
            sides: [side, side, 0],
            len: 2,
            record: false,
            partial: false,
            scope: 0,
        };
        tally.partial = self.partial_cue(g.start, e + 2);
        let mut q = self.typed(g.start, e + 2, QuantityKind::Score, None);
        q.tally = Some(tally);
        Some(q)
    }

    /// A unit, a currency or a percent right after the groups makes them a range of that
    /// measure (`5-10%`, `3-4 days`, `20-25 km`), whatever words stand around.
    fn unit_follows(&self, end: usize) -> bool {
        self.raw(end) == "%"
            || self.unit_after(end, false).is_some()
            || self.currency_after(end, false).is_some()
            || self.age_after(end).is_some()
    }

    fn score_cue(&self, start: usize, end: usize) -> bool {
        let before = (start.saturating_sub(CUE_BEFORE)..start)
            .any(|k| self.is_word(k) && self.lx.is_cue("score_before", self.lower(k)));
        let after = (end..end + CUE_AFTER)
            .any(|k| self.is_word(k) && self.lx.is_cue("score_after", self.lower(k)));
        before || after
    }

    /// Sides in brackets right after a name: a team's or a player's record as sports pages
    /// write it (`Leeds (14-9)`, `the Hawks (3-11)`).
    fn after_a_name(&self, start: usize, end: usize) -> bool {
        // The sentence's first word is capitalised whatever it is (`Juniors (11-14)`): there
        // only as the subject of the verb after the brackets (`Indianapolis (11-4) took the
        // lead`). Not a vote (`the Senate (52-48)`).
        let verb_after = self.is_word(end + 1) && {
            let w = self.lower(end + 1);
            self.lx.is_cue("verb", w) || (w.ends_with("ed") && w.len() > 4)
        };
        start >= 2
            && (start >= 3 || verb_after)
            && self.nearest_cue("vote", start, end).is_none()
            && self.is_sym(start - 1, "(")
            // `The Colts (10-5, 4-4 away)`: the first of the records the brackets list, when
            // the next names where or against whom (not sets, `(6-4, 6-3)`, nor a weight).
            && (self.is_sym(end, ")") || self.is_sym(end, ",") && self.record_listed(end + 1))
            && self.is_word(start - 2)
            && self.first_byte(start - 2).is_ascii_uppercase()
    }

    /// A record at `k` that names where or against whom it was made (`4-4 away`, `1-7 at
    /// home`), inside brackets that close soon after.
    fn record_listed(&self, k: usize) -> bool {
        self.is_number(k)
            && self.is_sym(k + 1, "-")
            && self.glued(k + 1)
            && self.is_number(k + 2)
            && self.is_word(k + 3)
            && (k + 3..k + 7).any(|j| self.is_sym(j, ")"))
    }

    /// Sides right after a copula whose subject is a side, not the score itself: a standing
    /// (`the Colts are 8-1 in close games`, `Baltimore was 10-5`), unless a word of a game's
    /// result, a moment of it or a vote stands near (`it was 14-7 at halftime`, `the score was
    /// 21-7`, `the vote was 7-2`, `were 2-0 up`).
    fn after_a_copula(&self, start: usize, end: usize) -> bool {
        const COPULAS: &[&str] = &["is", "are", "was", "were"];
        const PRONOUNS: &[&str] = &["it", "this", "that", "which", "what"];
        const MARGINS: &[&str] = &["up", "down", "ahead", "behind"];
        if start < 2 || !self.is_word(start - 1) || !self.is_word(start - 2) {
            return false;
        }
        let subject = self.lower(start - 2);
        let game_word = |w: &str| {
            ["score_before", "score_after", "result", "partial_score"]
                .iter()
                .any(|c| self.lx.is_cue(c, w))
        };
        let margin_after = self.is_word(end) && MARGINS.contains(&self.lower(end));
        COPULAS.contains(&self.lower(start - 1))
            && !PRONOUNS.contains(&subject)
            && !game_word(subject)
            && !margin_after
            && ["result", "partial_score", "vote"]
                .iter()
                .all(|c| self.nearest_cue(c, start, end).is_none())
    }

    /// The games a record after the sides covers, when a preposition after them names some
    /// of them (`4-4 on the road`, `9-1 in one-possession games`, `5-0 against division
    /// rivals`; a word of cue class `record_scope`, else `record_games`, within a few words):
    /// a hash of its stem, 0
    /// when the record is of every game (`12-4 this season`, `9-3 in the regular season`).
    fn record_scope(&self, end: usize) -> u64 {
        const PREPOSITIONS: &[&str] = &["in", "on", "at", "against", "away", "versus", "vs"];
        if !self.is_word(end) || !PREPOSITIONS.contains(&self.lower(end)) {
            return 0;
        }
        // Which games, before that they are games: `road games` and `games on the road` are
        // one scope, `one-possession games` another.
        let words = || {
            (end..end + 6)
                .take_while(|&k| self.is_word(k) || self.is_sym(k, "-"))
                .filter(|&k| self.is_word(k))
        };
        words()
            .find(|&k| self.lx.is_cue("record_scope", self.lower(k)))
            .or_else(|| words().find(|&k| self.lx.is_cue("record_games", self.lower(k))))
            .map_or(0, |k| {
                use std::hash::BuildHasher;
                rustc_hash::FxBuildHasher.hash_one(self.lx.stem(self.lower(k))) | 1
            })
    }

    /// How far the nearest word of a cue class stands from the sides (in tokens), within the
    /// cue window.
    fn nearest_cue(&self, class: &str, start: usize, end: usize) -> Option<usize> {
        (start.saturating_sub(CUE_BEFORE)..end + CUE_AFTER + 1)
            .filter(|&k| (k < start || k >= end) && self.is_word(k))
            .filter(|&k| self.lx.is_cue(class, self.lower(k)))
            .map(|k| if k < start { start - k } else { k - end + 1 })
            .min()
    }

    /// Whether the nearest cue of `class` is nearer than any of `rivals`' (`led 21-7`, not
    /// `led the Owls to a 35-28 win`).
    fn nearest_is(&self, class: &str, rivals: &[&str], start: usize, end: usize) -> bool {
        let Some(d) = self.nearest_cue(class, start, end) else {
            return false;
        };
        rivals
            .iter()
            .filter_map(|r| self.nearest_cue(r, start, end))
            .all(|r| d < r)
    }

    /// A lead, a run or a halftime score: its word nearer than any word of a result.
    fn partial_cue(&self, start: usize, end: usize) -> bool {
        self.nearest_is("partial_score", &["result"], start, end)
    }

    /// A word of standing near the sides, nearer than any word of one game's result or of a
    /// moment in it (`went 12-4`, `improved to 9-3`; not `went on to win 35-28`, `went into
    /// halftime leading 21-7`).
    /// A vote near the sides makes them a vote, however near a word of standing is (`the
    /// vote went 7-2`).
    fn record_cue(&self, start: usize, end: usize) -> bool {
        self.nearest_is("record", &["result", "partial_score"], start, end)
            && self.nearest_cue("vote", start, end).is_none()
    }
}
