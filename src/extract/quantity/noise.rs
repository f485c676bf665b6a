//! Digits that name rather than count: codes (`i7`, `SCP-173`), names with a number (`Windows
//! 10`, `Voyager 2`), phone numbers, addresses and number pairs. None of them is an amount.

use super::digits::{read_digits, Digits};
use super::reader::{group_value, DigitGroups, Parser};
use super::{Quantity, QuantityKind};

impl Parser<'_> {
    /// Whether the digits at `start` are part of a code: glued to a word before (`i7`,
    /// `L2`), after a word and hyphen (`SCP-173`), or chained to such digits (`J1149.5+6663`).
    pub(super) fn is_code(&self, start: usize) -> bool {
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
                return !(self.lx.is_cue("number_prefix", w) || w == "magnitude")
                    && self.lx.units.longest(self, q).is_none()
                    && self.lx.currencies.longest(self, q).is_none();
            }
            return self.is_number(q) && self.is_code(q);
        }
        false
    }

    /// `Oregon 214`, `Voyager 2`, `Windows 10`: a name with a number counts nothing. The name
    /// is capitalised mid-sentence, not a word that starts a headline clause (`Quake Kills
    /// 5`), and nothing lowercase is counted after the number.
    pub(super) fn named_number(&self, start: usize, end: usize) -> bool {
        !self.counts_next(end) && self.named_number_word(start)
    }

    /// Whether the word at `end`, after a number, may be what it counts: a lowercase word that
    /// is no stopword.
    pub(super) fn counts_next(&self, end: usize) -> bool {
        self.is_word(end)
            && self.raw(end).starts_with(char::is_lowercase)
            && !self.lx.stopwords.contains(self.lower(end))
    }

    /// Whether the word at `end`, after a number, is a singular common noun: lowercase, no
    /// stopword, no unit, and not the plural a count of several takes (`port`, not `ports`).
    /// A plural without an `s` (`people`, `children`) reads as a form of another lemma and is
    /// none; nor is a kind of person (`In Gaza 40 militant fighters`). `known`: the resource
    /// must know it as a noun (else any word not plural in form will do: `smartphone`).
    pub(super) fn singular_noun_next(&self, end: usize, known: bool) -> bool {
        let w = self.lower(end);
        let lx = crate::lexical::lexical();
        let own_lemma = || lx.lemmas(w).iter().all(|l| l == w);
        self.counts_next(end)
            && !w.ends_with('s')
            && self.lx.units.longest(self, end).is_none()
            && own_lemma()
            && {
                let senses = lx.read_noun(w);
                (senses.noun || !known) && !senses.person
            }
    }

    /// Whether a currency stands right before the number at `start` (`$650M`, `€2.1bn`).
    pub(super) fn money_before(&self, start: usize) -> bool {
        start >= 1 && self.lx.currencies.longest(self, start - 1).is_some()
    }

    /// Whether the word before the number at `start` is written in capitals (`USB 3.0`).
    pub(super) fn acronym_before(&self, start: usize) -> bool {
        start >= 1 && self.is_word(start - 1) && {
            let w = self.raw(start - 1);
            w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase())
        }
    }

    /// Whether the word before the number at `start` is a name it can belong to: capitalised
    /// mid-sentence or an acronym, not a unit, currency, month, weekday, stopword, measure word
    /// or a headline's verb (`Kills`).
    pub(super) fn named_number_word(&self, start: usize) -> bool {
        if start < 2 || !self.is_word(start - 1) || self.glued(start) {
            return false;
        }
        // `Explorer 8 and 9`, `IE 8 or IE 9`: the next number of a named one names too, and
        // so does the next after digits glued to a name (`IE8 and 9`).
        let joined = self.lower(start - 1);
        if matches!(joined, "and" | "or")
            && self.is_number(start - 2)
            && self.named_number(start - 2, start - 1)
        {
            return true;
        }
        // Not when it counts something (`the G20 and 19 other nations`, `the A1 and 12 side
        // streets`), nor after `to` (`from 480 in Q2 to 512`).
        if matches!(joined, "and" | "or")
            && start >= 3
            && self.is_number(start - 2)
            && self.glued(start - 2)
            && self.is_word(start - 3)
            && self
                .raw(start - 3)
                .starts_with(|c: char| c.is_ascii_uppercase())
            && !self.counts_next(start + 1)
            && !matches!(self.lower(start + 1), "other" | "others" | "more")
        {
            return true;
        }
        let name = self.raw(start - 1);
        let lower = self.lower(start - 1);
        // A name in capitals, as products and bodies abbreviate it (`IE 8`), that is no unit,
        // currency or month.
        let acronym = (2..=4).contains(&name.len())
            && name.bytes().all(|b| b.is_ascii_uppercase())
            && self.lx.units.longest(self, start - 1).is_none()
            && self.lx.currencies.longest(self, start - 1).is_none();
        let capital = acronym
            || name.starts_with(|c: char| c.is_uppercase())
                && name.chars().skip(1).any(char::is_lowercase);
        // After `to the`, `at the`, a capitalised word is the name of a place on a field, not
        // a headline's verb: `drove to the Chiefs 7`, `at the Colts 17` (`with the
        // Republicans 53` keeps its seats).
        let determined = self.lower(start - 2) == "the"
            && start >= 3
            && matches!(
                self.lower(start - 3),
                "to" | "at" | "inside" | "from" | "on" | "near"
            );
        let verb_like = !determined
            && (lower.ends_with('s') || lower.ends_with("ed") || lower.ends_with("ing"));
        let common = self.lx.stopwords.contains(lower)
            || self.lx.is_month(lower)
            || self.lx.is_cue("weekday", lower)
            || self.lx.class_of(lower).is_some();
        capital && !verb_like && !common
    }

    /// Dotted digit groups (`192.168.1.2`, `1.2.3`): an address or version, or a date written
    /// with dots (`12.05.2019`).
    pub(super) fn dotted(&self, i: usize) -> Option<Quantity> {
        let raw = self.raw(i);
        if read_digits(raw) != Digits::Dotted {
            return None;
        }
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
        let mut q = self.typed(i, i + 1, kind, None);
        if date {
            q.date = Some(super::calendar::numeric_parts(&groups, false));
        }
        Some(q)
    }

    /// A phone number: three or more groups of seven digits or more, `555-1234`, or a
    /// number after a glued `+` (`+1-222-2222/2222`).
    pub(super) fn phone(&self, g: &DigitGroups) -> Option<Quantity> {
        let i = g.start;
        let plus = i > 0 && self.is_sym(i - 1, "+") && self.glued(i);
        let total = g.total();
        let phone = (g.digits.len() >= 3 && total >= 7)
            || (g.digits.len() == 2 && g.digits[0].len() == 3 && g.digits[1].len() == 4)
            || (plus && total >= 7);
        phone.then(|| {
            let start = if plus { i - 1 } else { i };
            self.typed(start, g.end, QuantityKind::Identifier, None)
        })
    }

    /// `24/7`, `9/11`: a pair that is neither a fraction nor a date.
    pub(super) fn number_pair(&self, g: &DigitGroups) -> Option<Quantity> {
        (g.digits.len() == 2
            && g.seps == ["/"]
            && group_value(g.digits[0]) >= group_value(g.digits[1]))
        .then(|| self.typed(g.start, g.end, QuantityKind::Identifier, None))
    }

    /// `(555) 123-4567`: an area code in brackets before a phone number.
    pub(super) fn bracketed_phone(&self, i: usize) -> Option<Quantity> {
        let paren = i > 0 && self.is_sym(i - 1, "(") && self.raw(i + 1) == ")";
        if !paren || self.raw(i).len() != 3 {
            return None;
        }
        let rest = i + 2;
        (self.is_number(rest) && self.glued(rest + 1) && self.is_sym(rest + 1, "-"))
            .then(|| self.typed(i - 1, rest + 3, QuantityKind::Identifier, None))
    }

    /// `three-and-out`, `fourth-and-inches`, `one-and-done`, `3-and-2`: a figure hyphenated to
    /// `and` and a word names a situation, not an amount (a count, an ordinal or a fraction).
    /// The index after it. A figure after `and` (`a 9-and-3 record`) is a tally instead.
    pub(super) fn and_compound(&self, i: usize) -> Option<usize> {
        let glued_sym = |k: usize| self.is_sym(k, "-") && self.glued(k) && self.glued(k + 1);
        let starts = self.is_number(i) || self.is_word(i) && self.lx.is_numeric_word(self.lower(i));
        (starts
            && glued_sym(i + 1)
            && self.lower(i + 2) == "and"
            && glued_sym(i + 3)
            && self.is_word(i + 4)
            && !self.lx.is_numeric_word(self.lower(i + 4)))
        .then_some(i + 5)
    }

    /// `zero-day`, `zero-tolerance`, `zero-sum`, `zero-hour`: `zero` hyphenated to a word names
    /// a kind of thing, not an amount of it; nobody writes a length of no time that way. A unit
    /// of another dimension keeps the figure (`zero-percent financing` is 0%). The index after
    /// it.
    pub(super) fn zero_compound(&self, i: usize) -> Option<usize> {
        let glued_sym = self.is_sym(i + 1, "-") && self.glued(i + 1) && self.glued(i + 2);
        if self.lower(i) != "zero" || !glued_sym || !self.is_word(i + 2) {
            return None;
        }
        let amount = self
            .lx
            .units
            .longest(self, i + 2)
            .is_some_and(|(_, u)| u.dimension != "duration");
        (!amount).then_some(i + 3)
    }

    /// Digits that outlets print as noise, at token `i`: a ticker (`2330.TW`, `(TSE: 7203)`),
    /// an id too long to be an amount written without separators (a tweet or status id), a
    /// phone number in spaced groups (`0800 123 4567`, `+44 20 7946 0958`), a code with a
    /// leading zero (`007`), a short number dialled (`a 911 caller`), or a brand spelt with
    /// digits (`7-Eleven`).
    pub(super) fn noise(&self, i: usize) -> Option<Quantity> {
        let raw = self.raw(i);
        if !raw.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let id = |end: usize| Some(self.typed(i, end, QuantityKind::Identifier, None));
        // `2330.TW`, `0700.HK`: a ticker with its market's suffix.
        if self.is_sym(i + 1, ".")
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.is_word(i + 2)
            && self.raw(i + 2).bytes().all(|b| b.is_ascii_uppercase())
            && self.lx.is_noise_word("suffix", self.lower(i + 2))
        {
            return id(i + 3);
        }
        // `(TSE: 7203)`, `NYSE: 1234`: a ticker after its exchange.
        if i >= 2 && self.is_sym(i - 1, ":") && self.lx.is_noise_word("exchange", self.lower(i - 2))
        {
            return id(i + 1);
        }
        // A status or tweet id: past what an amount is ever written as without separators,
        // or long and named an id (`status 1234567890`).
        let id_word = i > 0 && self.is_word(i - 1) && {
            let w = self.lower(i - 1);
            self.lx.is_noise_word("id", w) || self.lx.identifiers.contains(w)
        };
        if raw.len() >= LONG_ID || raw.len() >= NAMED_ID && id_word {
            return id(i + 1);
        }
        if let Some(end) = self.address(i) {
            return id(end);
        }
        // `877-LAPD-24-7`, `1-800-FLOWERS`: digits spelt on into letters are a phone number
        // or a code, never an amount (`20-MW` is a unit). Three capitals end no code unless
        // more follows (`555-ABC-1234`): they are what the figure counts (`a 100-RBI season`).
        let letters = self.raw(i + 2).len();
        let spelt = self.is_sym(i + 1, "-")
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.is_word(i + 2)
            && (letters >= 4 || letters == 3 && self.is_sym(i + 3, "-") && self.glued(i + 3))
            && self.raw(i + 2).bytes().all(|b| b.is_ascii_uppercase())
            && self.lx.units.longest(self, i + 2).is_none();
        if spelt {
            let mut end = i + 3;
            while self.is_sym(end, "-") && self.glued(end) && self.glued(end + 1) {
                end += 2;
            }
            return id(end.min(self.toks.len()));
        }
        if let Some(end) = self.spaced_phone(i) {
            let start = if i > 0 && self.is_sym(i - 1, "+") && self.glued(i) {
                i - 1
            } else {
                i
            };
            return Some(self.typed(start, end, QuantityKind::Identifier, None));
        }
        // `a 911 caller`, `the 999 call`: a short number dialled, named by a singular phone
        // word after it; an amount of calls is plural (`300 calls`).
        let article = i > 0 && matches!(self.lower(i - 1), "a" | "an" | "the");
        let dialled = matches!(
            self.lower(i + 1),
            "call" | "caller" | "dispatcher" | "operator" | "line" | "hotline" | "number"
        );
        if raw.len() == 3 && article && dialled && !self.glued(i + 1) {
            return id(i + 1);
        }
        // `someone called 911 to report it`: a short number after a dialling verb, with no
        // noun after it to count (`called 12 witnesses` counts).
        let dial_verb =
            i > 0 && self.is_word(i - 1) && self.lx.is_noise_word("dial", self.lower(i - 1));
        // Only a full stop or comma may touch it, not another digit group (`1,000`, `2.5`).
        let stop = self.is_sym(i + 1, ".") || self.is_sym(i + 1, ",");
        let glued_on = self.glued(i + 1) && (!stop || self.is_number(i + 2) && self.glued(i + 2));
        if (2..=4).contains(&raw.len()) && dial_verb && !self.counts_next(i + 1) && !glued_on {
            return id(i + 1);
        }
        // `007`, `0800`: amounts are not written with a leading zero (`0000` is a zero); the
        // hours of a clock are (`06:00`).
        let clock = self.is_sym(i + 1, ":") && self.glued(i + 1) && self.glued(i + 2);
        if raw.len() >= 2 && raw.starts_with('0') && raw.bytes().any(|b| b != b'0') && !clock {
            return id(i + 1);
        }
        // `7-Eleven`, `3-Com`: digits hyphenated to a capitalised word that is no unit.
        if self.is_sym(i + 1, "-")
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.is_word(i + 2)
            && self
                .raw(i + 2)
                .starts_with(|c: char| c.is_ascii_uppercase())
            && self
                .raw(i + 2)
                .bytes()
                .skip(1)
                .any(|b| b.is_ascii_lowercase())
            && self.lx.units.longest(self, i + 2).is_none()
            && self.lx.currencies.longest(self, i + 2).is_none()
            && !self.lx.is_month(self.lower(i + 2))
            && !matches!(
                self.lower(i + 2),
                "year" | "years" | "month" | "week" | "day" | "hour" | "minute" | "point" | "times"
            )
            && self
                .lx
                .number_word(self.lower(i + 2))
                .is_none_or(|(v, _)| v > 9.0)
        {
            return id(i + 3);
        }
        None
    }

    /// A house number and its street from `i` (`40 East Fifth Avenue`, `200 W. American Blvd.`,
    /// `1600 Pennsylvania Avenue`): up to five digits, a direction or none, one to three
    /// capitalised words or ordinals, and a street word (noise kinds `compass`, `street`),
    /// capitalised. The index after it.
    fn address(&self, i: usize) -> Option<usize> {
        if self.raw(i).len() > 5 || self.glued(i + 1) {
            return None;
        }
        let capital =
            |k: usize| self.is_word(k) && self.raw(k).starts_with(|c: char| c.is_ascii_uppercase());
        let dot = |k: usize| usize::from(self.is_sym(k, ".") && self.glued(k));
        let mut k = i + 1;
        // `the 3400 block of Thorpe Street`
        if self.lower(k) == "block" && self.lower(k + 1) == "of" {
            k += 2;
        }
        if capital(k) && self.lx.is_noise_word("compass", self.lower(k)) {
            k += 1;
            k += dot(k);
        }
        for named in 0..4 {
            if capital(k) && named > 0 && self.lx.is_noise_word("street", self.lower(k)) {
                // `Blvd.` keeps its dot; a sentence's stop after `Avenue` is no part of it.
                let short = self.raw(k).len() <= 4;
                return Some(k + 1 + if short { dot(k + 1) } else { 0 });
            }
            // A headline's title case is no street name (`Judge Sends 12 To Court`).
            if capital(k) && !self.lx.stopwords.contains(self.lower(k)) {
                k += 1;
            } else if self.is_number(k) && self.glued(k + 1) && self.is_word(k + 1) {
                // `117th Street`
                k += 2;
            } else {
                return None;
            }
        }
        None
    }

    /// A phone number in spaced digit groups starting at `i`: after a glued `+`, with a
    /// leading zero, or after a phone word (`call`, `hotline`); seven digits or more in
    /// groups of two to four. The index after it.
    fn spaced_phone(&self, i: usize) -> Option<usize> {
        let plus = i > 0 && self.is_sym(i - 1, "+") && self.glued(i);
        let cue = i > 0 && self.is_word(i - 1) && self.lx.is_noise_word("phone", self.lower(i - 1));
        if !(plus || cue || self.raw(i).starts_with('0')) {
            return None;
        }
        let group = |k: usize| {
            self.is_number(k)
                && (1..=4).contains(&self.raw(k).len())
                && self.raw(k).bytes().all(|b| b.is_ascii_digit())
        };
        let mut k = i + 1;
        let mut digits = self.raw(i).len();
        while group(k) && !self.glued(k) {
            digits += self.raw(k).len();
            k += 1;
        }
        (k > i + 1 && digits >= 7).then_some(k)
    }
}

/// Digits in one run, without separators, from which a figure is an id rather than an amount
/// (a tweet or status id): past 2^53, where no amount is exact, and written `1.2 quadrillion`.
const LONG_ID: usize = 16;

/// Digits in one run from which a figure after an id word (`status`, `account`) is an id.
const NAMED_ID: usize = 8;
