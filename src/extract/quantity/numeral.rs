//! Numerals: digits in every written form (`1,200`, `1 200`, `.25`, `12,34,567`, `1.3e6`,
//! `2 1/2`, `5k`, `4 thousand 3 hundred and 21`) and English number words (`twenty-one
//! trillion three hundred`, `two hundred point seventy-one`, `half a million`, `three dozens`,
//! `five eighths`, `one hundred twenty fifth`), parsed by one small grammar over tokens.
//! Digits and words interleave (`3 hundred and 21`), so both live here.

use super::digits::{read_digits, Digits};
use super::reader::Parser;
use crate::extract::lexicon::WordKind;
use crate::extract::token::TokenKind;

/// A numeral as written: its value and how it was written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Numeral {
    pub value: f64,
    /// Digits after the decimal point as written (rounding tolerance follows from it).
    pub decimals: u32,
    /// The product of the scale words and suffixes used (`1.5 million` → 1e6).
    pub scale: f64,
    pub start: usize,
    /// Token index after the numeral.
    pub end: usize,
    /// Written (at least partly) in words.
    pub words: bool,
    /// A fraction (`two thirds`, `3/4`).
    pub fraction: bool,
    /// A position (`third`, `4th`, `one hundred twenty fifth`).
    pub ordinal: bool,
    /// A plain run of digits with no separators (`2019`), as years are written.
    pub plain: bool,
    /// A decade written in words (`nineteen sixties`, `her forties`): its first year is the
    /// value, within a century for a year, alone for an age.
    pub decade: bool,
}

impl Numeral {
    /// The numeral multiplied by a scale word or suffix that ends before `end`.
    fn scaled(mut self, factor: f64, end: usize) -> Numeral {
        self.value *= factor;
        self.scale *= factor;
        self.end = end;
        self.plain = false;
        self
    }

    pub(super) fn new(value: f64, start: usize, end: usize) -> Numeral {
        Numeral {
            value,
            decimals: 0,
            scale: 1.0,
            start,
            end,
            words: false,
            fraction: false,
            ordinal: false,
            plain: false,
            decade: false,
        }
    }
}

/// Where the word grammar stands after the last atom.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Last {
    Start,
    /// `a`/`an` before a scale, dozen or denominator.
    A,
    Digits,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
    Dozen,
    /// `and` between parts of one number.
    And,
}

#[derive(Debug, Clone, Copy)]
struct State {
    total: f64,
    hund: f64,
    small: f64,
    last: Last,
    /// The smallest scale applied so far (scales must descend: million, then thousand).
    last_scale: f64,
    /// Token index after the last complete atom.
    end: usize,
    decimals: u32,
    atoms: usize,
    scale: f64,
    /// The Tens atom's start and the state before it, for `thirty fifths` = 1/35.
    before_tens: Option<(usize, f64, bool)>,
}

impl State {
    /// Nothing read yet, at token `end`.
    fn at(end: usize) -> State {
        State {
            total: 0.0,
            hund: 0.0,
            small: 0.0,
            last: Last::Start,
            last_scale: f64::INFINITY,
            end,
            decimals: 0,
            atoms: 0,
            scale: 1.0,
            before_tens: None,
        }
    }

    fn value(&self) -> f64 {
        self.total + self.hund + self.small
    }
}

impl Parser<'_> {
    /// The lowercase number word at `i`, with its value and role.
    pub(super) fn number_word(&self, i: usize) -> Option<(f64, WordKind)> {
        if !self.is_word(i) {
            return None;
        }
        self.lx.number_word(self.lower(i))
    }

    /// A numeral at `i`: digits, or words, or a fraction.
    pub(crate) fn numeral(&self, i: usize) -> Option<Numeral> {
        let t = self.tok(i)?;
        match t.kind {
            TokenKind::Number => self.digits(i),
            TokenKind::Symbol
                if self.raw(i) == "."
                    && self
                        .tok(i + 1)
                        .is_some_and(|n| n.kind == TokenKind::Number && n.glued)
                    && !(t.glued
                        && i > 0
                        && self.tok(i - 1).is_some_and(|p| p.kind != TokenKind::Symbol)) =>
            {
                // `.25`
                let frac = self.raw(i + 1);
                if !frac.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                let v: f64 = format!("0.{frac}").parse().ok()?;
                let mut n = Numeral::new(v, i, i + 2);
                n.decimals = frac.len() as u32;
                Some(self.suffixes(n))
            }
            TokenKind::Word => self.words(i),
            _ => None,
        }
    }

    /// A digit token and what is written against it.
    pub(super) fn digits(&self, i: usize) -> Option<Numeral> {
        let raw = self.raw(i);
        let (mut v, decimals) = match read_digits(raw) {
            Digits::Number(v, d) => (v, d),
            _ => return None,
        };
        let mut n = Numeral::new(v, i, i + 1);
        n.decimals = decimals;
        n.plain = raw.bytes().all(|b| b.is_ascii_digit());
        // `3/4`, `1⁄2` (what NFKC makes of ½).
        if let Some((f, end)) = self.slash_fraction(i) {
            n.value = f;
            n.end = end;
            n.fraction = true;
            n.plain = false;
            n.decimals = 2;
            return Some(n);
        }
        // Thousands written with spaces: `1 234 567` (non-breaking gaps are already gone);
        // not the digits of a code (`i7 860`).
        let in_code = i > 0
            && self.glued(i)
            && self
                .tok(i - 1)
                .is_some_and(|p| matches!(p.kind, TokenKind::Word | TokenKind::Number));
        if n.plain && raw.len() <= 3 && !in_code {
            let mut j = i + 1;
            let mut joined = raw.to_string();
            while self.tok(j).is_some_and(|t| {
                t.kind == TokenKind::Number && !t.glued && {
                    let r = self.raw(j);
                    r.len() == 3 && r.bytes().all(|b| b.is_ascii_digit())
                }
            }) && !self
                .tok(j + 1)
                .is_some_and(|t| t.glued && (self.raw(j + 1) == "/" || self.raw(j + 1) == "⁄"))
            {
                joined.push_str(self.raw(j));
                j += 1;
            }
            if j > i + 1 {
                v = joined.parse().ok()?;
                n.value = v;
                n.end = j;
            }
        }
        // Mixed number: `2 1/2`, `10 1/2 miles`, and with a hyphen, `2-1/2 years`.
        let hyphen = self.raw(n.end) == "-"
            && self.glued(n.end)
            && self
                .tok(n.end + 1)
                .is_some_and(|t| t.kind == TokenKind::Number && t.glued);
        let whole_end = n.end + usize::from(hyphen);
        if n.plain
            && self
                .tok(whole_end)
                .is_some_and(|t| t.kind == TokenKind::Number && (hyphen || !t.glued))
        {
            if let Some((f, end)) = self.slash_fraction(whole_end) {
                if f < 1.0 {
                    n.value += f;
                    n.end = end;
                    n.fraction = true;
                    n.plain = false;
                    n.decimals = 2;
                    return Some(n);
                }
            }
        }
        // Exponents: `1e10`, `12.32e+14`, `1.3x10^6`, `6.23x10^-4`, `2.48×10-5`, `1.1^23`.
        if let Some((value, end)) = self.exponent(n.end, n.value) {
            n.value = value;
            n.end = end;
            n.plain = false;
            return Some(n);
        }
        Some(self.suffixes(n))
    }

    /// `n/d` at `i`, glued: the fraction (n < d) and the index after it. A fraction slash
    /// (U+2044) glued to a longer number splits off the whole part: `21⁄2` is 2½.
    fn slash_fraction(&self, i: usize) -> Option<(f64, usize)> {
        let slash = self.raw(i + 1);
        if !(slash == "/" || slash == "⁄") || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let den = self.tok(i + 2).filter(|t| t.kind == TokenKind::Number)?;
        let num = self.raw(i);
        let d: f64 = self.text[den.span.clone()].parse().ok()?;
        if !num.bytes().all(|b| b.is_ascii_digit()) || d == 0.0 {
            return None;
        }
        // `1/2/2020` is a date.
        if self.raw(i + 3) == "/" && self.glued(i + 3) {
            return None;
        }
        let n: f64 = num.parse().ok()?;
        if n < d {
            return Some((n / d, i + 3));
        }
        if slash == "⁄" && num.len() >= 2 {
            let (whole, top) = num.split_at(num.len() - 1);
            let (w, t): (f64, f64) = (whole.parse().ok()?, top.parse().ok()?);
            if t < d {
                return Some((w + t / d, i + 3));
            }
        }
        None
    }

    /// Scientific notation after a figure: the new value and the index after it.
    fn exponent(&self, i: usize, v: f64) -> Option<(f64, usize)> {
        let int_at = |j: usize| -> Option<(f64, usize)> {
            // Any number of signs, then digits: `-1`, `+23`, `--23`.
            let mut k = j;
            let mut neg = false;
            while self.glued(k) && (self.raw(k) == "-" || self.raw(k) == "+") {
                neg ^= self.raw(k) == "-";
                k += 1;
            }
            let t = self
                .tok(k)
                .filter(|t| t.kind == TokenKind::Number && t.glued)?;
            let raw = &self.text[t.span.clone()];
            if !raw.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let e: f64 = raw.parse().ok()?;
            Some((if neg { -e } else { e }, k + 1))
        };
        let w = self.lower(i);
        if self.glued(i) && self.is_word(i) && w == "e" {
            let (e, end) = int_at(i + 1)?;
            return Some((v * 10f64.powf(e), end));
        }
        if self.glued(i) && self.raw(i) == "^" {
            let (e, end) = int_at(i + 1)?;
            return Some((v.powf(e), end));
        }
        if w == "x" || self.raw(i) == "×" {
            // `x10^6`, `x10-3`, `x 2^10`
            let b = self.tok(i + 1).filter(|t| t.kind == TokenKind::Number)?;
            let base: f64 = self.text[b.span.clone()].parse().ok()?;
            if self.raw(i + 2) == "^" && self.glued(i + 2) {
                let (e, end) = int_at(i + 3)?;
                return Some((v * base.powf(e), end));
            }
            if base == 10.0 {
                let (e, end) = int_at(i + 2)?;
                if self.raw(i + 2) == "-" || self.raw(i + 2) == "+" {
                    return Some((v * 10f64.powf(e), end));
                }
            }
        }
        None
    }

    /// What can follow a figure written in digits: an ordinal suffix (`4th`), a glued scale
    /// (`5k`, `3.4bn`), scale words (`1.5 million`, `4 thousand 3 hundred and 21`, `13 lakh`),
    /// dozens (`3 dozens`).
    fn suffixes(&self, mut n: Numeral) -> Numeral {
        let j = n.end;
        if self.is_word(j) && self.glued(j) {
            let w = self.lower(j);
            if matches!(w, "st" | "nd" | "rd" | "th") && n.decimals == 0 {
                n.ordinal = true;
                n.plain = false;
                n.end = j + 1;
                return n;
            }
            if let Some(f) = self.scale_at(j, true) {
                return n.scaled(f, j + 1);
            }
            return n;
        }
        // `$2.6-million`, `110-billion`: a scale word hyphenated to the figure.
        if self.raw(j) == "-"
            && self.glued(j)
            && self.glued(j + 1)
            && matches!(self.number_word(j + 1), Some((_, WordKind::Scale)))
        {
            let f = self.number_word(j + 1).expect("checked").0;
            return n.scaled(f, j + 2);
        }
        // Separate scale letters and abbreviations (`2.33 k`, `10 bln`, `1,674,200.5 M`).
        if self.is_word(j) && self.lx.number_word(self.lower(j)).is_none() {
            if let Some(f) = self.scale_at(j, false) {
                return n.scaled(f, j + 1);
            }
        }
        // Number words continue a figure in digits: `3 hundred and 21`, `2 million`.
        if matches!(
            self.number_word(j),
            Some((
                _,
                WordKind::Hundred | WordKind::Scale | WordKind::Dozen | WordKind::Dozens
            ))
        ) {
            let st = State {
                small: n.value,
                last: Last::Digits,
                decimals: n.decimals,
                atoms: 1,
                ..State::at(n.end)
            };
            let st = self.grammar(st);
            if st.end > n.end {
                n.value = st.value();
                n.scale = st.scale;
                n.end = st.end;
                n.plain = false;
                n.decimals = st.decimals;
            }
        }
        n
    }

    /// A scale word or suffix at `j` (`k`, `bn`, `M`), if the lexicon allows it there.
    pub(crate) fn scale_at(&self, j: usize, glued: bool) -> Option<f64> {
        let raw = self.raw(j);
        let s = self.lx.scales.get(raw).or_else(|| {
            // Lowercase surfaces also match other cases (`BN`, `Bln`), single letters do not.
            let l = self.lower(j);
            (l.len() > 1)
                .then(|| self.lx.scales.get(l))
                .flatten()
                .filter(|_| !self.lx.scales.contains_key(raw))
        })?;
        if (glued && !s.glued) || (!glued && !s.word) {
            return None;
        }
        // `€75m`, `75m euros`, `1.5m people`: millions; `1.8m tall`, `a 20m wall`: metres.
        if s.money && !self.money_context(j) && !self.counts_many(j + 1) {
            return None;
        }
        // A scale must end the word: `10 ms` is milliseconds, not `10 m` + `s`.
        if self
            .tok(j + 1)
            .is_some_and(|t| t.glued && t.kind != TokenKind::Symbol)
        {
            return None;
        }
        Some(s.factor)
    }

    /// Whether a currency is written around token `j`: a symbol or code just before the
    /// figure, or a currency word just after (`€75m`, `75m euros`).
    fn money_context(&self, j: usize) -> bool {
        let before = (j.saturating_sub(4)..j).any(|k| {
            self.tok(k).is_some_and(|t| t.kind != TokenKind::Number)
                && self.lx.currencies.matches(self, k).any(|(e, _, c)| {
                    c.before && e <= j && (e..j).all(|m| self.is_number(m) || self.is_sym(m, "-"))
                })
        });
        before
            || self
                .lx
                .currencies
                .matches(self, j + 1)
                .any(|(_, _, c)| c.after && c.cue.is_none())
    }

    /// Whether a plural noun (or `people`) follows at `j`: what only a large count counts.
    fn counts_many(&self, j: usize) -> bool {
        let w = self.lower(j);
        self.is_word(j)
            && !self.glued(j)
            && ((w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
                || matches!(w, "people" | "children" | "men" | "women" | "staff"))
            && !self.lx.stopwords.contains(w)
    }

    /// Number words at `i`: a cardinal, a fraction, an ordinal.
    fn words(&self, i: usize) -> Option<Numeral> {
        let lx = self.lx;
        let w = self.lower(i);
        // Fractions that lead: `half a million`, `a quarter`, `half`, `three quarters`.
        if let Some(n) = self.leading_fraction(i) {
            return Some(n);
        }
        // `her forties`, `his late thirties`: a decade word after a possessive is an age.
        if let Some(d) = self.lx.decade_word(w) {
            let mut p = i;
            if p >= 2 && self.is_sym(p - 1, "-") && self.glued(p) {
                p -= 1;
            }
            if p >= 1 && matches!(self.lower(p - 1), "early" | "mid" | "late") {
                p -= 1;
            }
            let owner = p.checked_sub(1).map(|k| self.lower(k)).unwrap_or_default();
            if !matches!(owner, "her" | "his" | "their" | "my" | "your" | "our") {
                return None;
            }
            let mut n = Numeral::new(d, i, i + 1);
            n.words = true;
            n.decade = true;
            return Some(n);
        }
        let first = self.number_word(i);
        let is_a = matches!(w, "a" | "an");
        if first.is_none() && !is_a {
            return None;
        }
        if let Some((v, WordKind::Ordinal)) = first {
            // `third`, `twentieth`, `hundredth` on their own (compound ordinals such as
            // `twenty-fifth` begin with a cardinal and are handled below).
            let mut n = Numeral::new(v, i, i + 1);
            n.words = true;
            n.ordinal = true;
            return Some(n);
        }
        if matches!(first, Some((_, WordKind::Dozens))) {
            return None;
        }
        let st = State {
            last: if is_a { Last::A } else { Last::Start },
            ..State::at(if is_a { i + 1 } else { i })
        };
        let st = if is_a {
            // `a` is a number only before a scale, dozen or denominator.
            let next = self.lower(i + 1);
            let ok = matches!(
                self.number_word(i + 1),
                Some((_, WordKind::Hundred | WordKind::Scale | WordKind::Dozen))
            ) || lx.denominator(next).is_some()
                || self
                    .compound_ordinal(i + 1)
                    .is_some_and(|(_, _, plural)| !plural);
            if !ok {
                return None;
            }
            let mut s = st;
            s.small = 1.0;
            s
        } else {
            st
        };
        let st = self.grammar(st);
        // `the nineteen sixties`, `the nineteen-eighties`: a century word and a decade word
        // are ten years, not a count of sixties.
        if st.atoms == 1 && matches!(first, Some((_, WordKind::Teen))) {
            let mut j = st.end;
            if self.is_sym(j, "-") && self.glued(j) && self.glued(j + 1) {
                j += 1;
            }
            if let Some(d) = self
                .is_word(j)
                .then(|| self.lx.decade_word(self.lower(j)))
                .flatten()
            {
                let mut n = Numeral::new(st.value() * 100.0 + d, i, j + 1);
                n.words = true;
                n.decade = true;
                return Some(n);
            }
        }
        let mut n = Numeral::new(st.value(), i, st.end);
        n.words = true;
        n.decimals = st.decimals;
        n.scale = st.scale;
        if st.last == Last::Dozen && st.total == 0.0 && st.hund == 0.0 && st.scale == 12.0 {
            // `a dozen`, `two dozen` are counts in twelves, not scaled figures.
            n.scale = 1.0;
        }
        // What follows the cardinal: a denominator (`two thirds`, `three twenty-firsts`) or an
        // ordinal ending (`one hundred twenty fifth`).
        if let Some(f) = self.fraction_or_ordinal(&st, i) {
            return Some(f);
        }
        if st.atoms == 0 || st.last == Last::A {
            return None;
        }
        if st.last == Last::And {
            return None;
        }
        // A lone `one` is usually a pronoun (`one of the`, `no one`, `the one you`).
        if st.atoms == 1 && w == "one" && self.pronoun_one(i) {
            return None;
        }
        Some(n)
    }

    /// Whether `one` at `i` is a pronoun rather than a count.
    fn pronoun_one(&self, i: usize) -> bool {
        let next = self.lower(i + 1);
        // `one in five`, `one in every 500`, `one out of three`, `one over three` are ratios.
        let k = i + 2 + usize::from(next == "in" && matches!(self.lower(i + 2), "every" | "each"));
        if matches!(next, "in" | "out" | "over")
            && (self.tok(k).is_some_and(|t| t.kind == TokenKind::Number)
                || self.number_word(k).is_some()
                || self.lower(k) == "of")
        {
            return false;
        }
        let prev = i.checked_sub(1).map(|p| self.lower(p)).unwrap_or_default();
        if matches!(prev, "minus" | "negative") {
            return false;
        }
        // `one of the 12 victims`: a part of a counted whole, not a pronoun.
        if next == "of" {
            let mut k = i + 2;
            if matches!(self.lower(k), "the" | "its" | "their" | "those" | "these") {
                k += 1;
            }
            let counted_whole = self.tok(k).is_some_and(|t| t.kind == TokenKind::Number)
                || matches!(
                    self.number_word(k),
                    Some((_, WordKind::Unit | WordKind::Teen | WordKind::Tens))
                );
            if counted_whole && !matches!(prev, "no" | "the" | "every" | "each" | "any") {
                return false;
            }
        }
        // `the new one.`, `the lithium polymer one inside it`: `one` standing for a noun after
        // its modifiers, with no noun of its own after it.
        // Modifiers, not a verb (`killed one,`), `aged` (`a boy aged one`) or a word naming a
        // thing by its number (`the world number one`, `a category one`).
        let modifier = |k: usize| {
            self.noun_at(k)
                && !self.raw(k).starts_with(char::is_uppercase)
                && !self.verb_form(self.lower(k))
                && !self.lx.identifiers.contains(self.lower(k))
        };
        let modified = (1..=3).any(|d| {
            i > d
                && matches!(self.lower(i - d - 1), "the" | "a" | "an" | "this" | "that")
                && (i - d..i).all(modifier)
        });
        // `a one-person majority`: a compound, its noun after the hyphen.
        let compound = self.raw(i + 1) == "-" && self.glued(i + 1);
        let no_noun = (!self.is_word(i + 1) && !compound) || matches!(next, "inside" | "outside");
        if modified && no_noun {
            return true;
        }
        // `one report said`, `one analyst put it at`: which source, not how many.
        next == "of"
            || next == "another"
            || self.lx.is_cue("source_noun", next)
            || (self.is_word(i + 1) && self.lx.stopwords.contains(next) && next != "last")
            || matches!(
                prev,
                "no" | "the"
                    | "this"
                    | "that"
                    | "every"
                    | "any"
                    | "each"
                    | "which"
                    | "someone"
                    | "anyone"
                    | "from"
                    | "of"
                    | "into"
                    | "with"
                    | "for"
                    | "by"
                    | "only"
                    | "another"
                    | "such"
            )
    }

    /// Continues the word grammar from `st` as far as it stays one number.
    fn grammar(&self, mut st: State) -> State {
        let mut j = st.end;
        // The state before an `and`, and how many atoms followed it: `3 hundred and 2 hundred`
        // is two numbers, found when the second `hundred` cannot join.
        let mut saved: Option<(State, usize)> = None;
        // The state before a comma inside the number, undone the same way.
        let mut comma: Option<State> = None;
        while let Some(tok) = self.tok(j) {
            if tok.kind == TokenKind::Number {
                // Digits inside a word number only after a scale or `and`: `4 thousand 3
                // hundred and 21`, `3 hundred and 21`.
                let raw = self.raw(j);
                let Digits::Number(v, 0) = read_digits(raw) else {
                    break;
                };
                let ok = match st.last {
                    Last::Scale => v < 1000.0 && !tok.glued,
                    Last::Hundred => v < 100.0 && !tok.glued,
                    Last::And => {
                        v >= 1.0 && v < if st.hund > 0.0 { 100.0 } else { 1000.0 } && !tok.glued
                    }
                    _ => false,
                };
                // Another figure right after this one is a new number (`4000 3 hundred`).
                if !ok || self.slash_fraction(j).is_some() {
                    break;
                }
                st.small = v;
                st.last = Last::Digits;
                st.atoms += 1;
                j += 1;
                st.end = j;
                if let Some((_, n)) = saved.as_mut() {
                    *n += 1;
                }
                continue;
            }
            let w = self.lower(j);
            if tok.kind == TokenKind::Symbol && w != "&" {
                // A hyphen joins `twenty-five`, `fifty - two`, `one-half`.
                if w == "-"
                    && matches!(
                        st.last,
                        Last::Tens | Last::Unit | Last::Teen | Last::Hundred
                    )
                    && self.is_word(j + 1)
                    && (matches!(
                        self.number_word(j + 1),
                        Some((
                            _,
                            WordKind::Unit
                                | WordKind::Ordinal
                                | WordKind::Hundred
                                | WordKind::Scale
                        ))
                    ) || self.lx.denominator(self.lower(j + 1)).is_some())
                {
                    j += 1;
                    continue;
                }
                // `three million, two hundred and forty`: a comma after a scale, when the
                // words after it make a smaller part (`one million, two million` are two).
                if w == ","
                    && st.last == Last::Scale
                    && matches!(
                        self.number_word(j + 1),
                        Some((_, WordKind::Unit | WordKind::Teen | WordKind::Tens))
                    )
                {
                    comma = Some(st);
                    j += 1;
                    continue;
                }
                break;
            }
            if tok.kind != TokenKind::Word && w != "&" {
                break;
            }
            if w == "and" || w == "&" {
                if matches!(st.last, Last::Start | Last::A | Last::And) {
                    break;
                }
                // After a small number only a fraction continues it: `one and a half`; a tens
                // word also takes its units after `and` (`twenty and three`, the old `thirty
                // and first year`).
                let joins =
                    matches!(st.last, Last::Hundred | Last::Scale) || self.tens_and_unit(&st, j);
                // Only `and` that continues the number: more number words or a fraction.
                let next = self.lower(j + 1);
                let continues = matches!(
                    self.number_word(j + 1),
                    Some((_, WordKind::Unit | WordKind::Teen | WordKind::Tens))
                ) || self.tok(j + 1).is_some_and(|t| t.kind == TokenKind::Number)
                    || matches!(next, "a" | "an" | "one" | "half");
                if !continues {
                    break;
                }
                // `and a half`, `and three quarters`, `and two thirds`.
                if let Some((f, end, scale)) = self.and_fraction(j + 1) {
                    let small_number = st.total == 0.0 && st.hund == 0.0;
                    match scale {
                        // `five and a half million`
                        Some(m) if small_number => {
                            st.small = (st.small + f) * m;
                            st.scale *= m;
                        }
                        // `one billion and three quarters million`
                        Some(m) => st.small += f * m,
                        // `3 million and a half`
                        None if st.last == Last::Scale && st.last_scale >= 1e6 => {
                            st.small += f * st.last_scale
                        }
                        None => st.small += f,
                    }
                    st.end = end;
                    st.atoms += 1;
                    st.decimals = st.decimals.max(2);
                    return st;
                }
                if !joins {
                    break;
                }
                saved = Some((st, 0));
                st.last = Last::And;
                j += 1;
                continue;
            }
            if w == "point" && !matches!(st.last, Last::Start | Last::A | Last::And) {
                if let Some((frac, digits, end)) = self.point_digits(j + 1) {
                    st.small += frac;
                    st.decimals = digits;
                    st.end = end;
                    st.atoms += 1;
                }
                break;
            }
            let Some((v, kind)) = self.number_word(j) else {
                break;
            };
            let prev_last = st.last;
            let ok = match kind {
                WordKind::Unit => {
                    // `zero` and its kin stand alone.
                    if v == 0.0 {
                        st.last == Last::Start
                    } else {
                        match st.last {
                            Last::Start | Last::Hundred | Last::Scale | Last::And => true,
                            Last::Tens => st.small % 10.0 == 0.0,
                            _ => false,
                        }
                    }
                }
                WordKind::Teen | WordKind::Tens => matches!(
                    st.last,
                    Last::Start | Last::Hundred | Last::Scale | Last::And
                ),
                WordKind::Hundred => {
                    matches!(
                        st.last,
                        Last::Start | Last::A | Last::Unit | Last::Teen | Last::Tens | Last::Digits
                    ) && st.hund == 0.0
                }
                WordKind::Scale => {
                    !matches!(st.last, Last::Start | Last::And)
                        && (v < st.last_scale || st.last == Last::Scale)
                }
                WordKind::Dozen => matches!(
                    st.last,
                    Last::A | Last::Unit | Last::Teen | Last::Tens | Last::Digits
                ),
                WordKind::Dozens => matches!(
                    st.last,
                    Last::Unit | Last::Teen | Last::Tens | Last::Digits | Last::Hundred
                ),
                WordKind::Ordinal => false,
            };
            if !ok {
                // `3 hundred and 2 hundred`: the `and` joined two numbers; undo it.
                if let Some((before, 1)) = saved {
                    if matches!(kind, WordKind::Hundred | WordKind::Scale) {
                        st = before;
                    }
                }
                if let Some(before) = comma {
                    if matches!(kind, WordKind::Hundred | WordKind::Scale) {
                        st = before;
                    }
                }
                break;
            }
            if matches!(kind, WordKind::Tens) {
                st.before_tens = Some((j, st.value(), prev_last == Last::And));
            }
            match kind {
                WordKind::Unit | WordKind::Teen | WordKind::Tens => {
                    st.small += v;
                    st.last = match kind {
                        WordKind::Unit => Last::Unit,
                        WordKind::Teen => Last::Teen,
                        _ => Last::Tens,
                    };
                }
                WordKind::Hundred => {
                    let base = if st.small == 0.0 { 1.0 } else { st.small };
                    st.hund = base * 100.0;
                    st.small = 0.0;
                    st.last = Last::Hundred;
                    st.scale *= 100.0;
                }
                WordKind::Scale => {
                    let group = st.hund + st.small;
                    if st.last == Last::Scale && v > st.last_scale {
                        // `three lakh crore`
                        st.total *= v;
                    } else if st.total > 0.0 && v > st.last_scale {
                        st.total = (st.total + group) * v;
                    } else {
                        st.total += if group == 0.0 { 1.0 } else { group } * v;
                    }
                    st.hund = 0.0;
                    st.small = 0.0;
                    st.last = Last::Scale;
                    st.last_scale = v;
                    st.scale *= v;
                }
                WordKind::Dozen | WordKind::Dozens => {
                    let base = if st.small == 0.0 { 1.0 } else { st.small };
                    st.small = base * 12.0;
                    st.last = Last::Dozen;
                    st.scale *= 12.0;
                }
                WordKind::Ordinal => unreachable!(),
            }
            st.atoms += 1;
            j += 1;
            st.end = j;
            if let Some((_, n)) = saved.as_mut() {
                *n += 1;
            }
        }
        if st.last == Last::And {
            // A dangling `and` belongs to the sentence, not the number.
            if let Some((before, _)) = saved {
                st = before;
            }
        }
        st
    }

    /// Whether the `and` at `j` joins a tens word to its units: `twenty and three` is 23, in
    /// the older way of writing compounds. Not when the units word begins a larger part
    /// (`twenty and three hundred`, `twenty and three-fifths`): those are two numbers, or a
    /// fraction read elsewhere.
    fn tens_and_unit(&self, st: &State, j: usize) -> bool {
        if st.last != Last::Tens || !self.is_word(j + 1) {
            return false;
        }
        let Some((v, WordKind::Unit)) = self.number_word(j + 1) else {
            return false;
        };
        let after = self.lower(j + 2);
        let grows = matches!(
            self.number_word(j + 2),
            Some((
                _,
                WordKind::Hundred
                    | WordKind::Scale
                    | WordKind::Dozen
                    | WordKind::Dozens
                    | WordKind::Ordinal
            ))
        ) || self.lx.denominator(after).is_some()
            || after == "-";
        v > 0.0 && !grows
    }

    /// Digits after `point`: `zero three` → .03, `seventy-one` → .71, `5` → .5.
    fn point_digits(&self, j: usize) -> Option<(f64, u32, usize)> {
        let mut s = String::new();
        let mut k = j;
        if self.tok(k).is_some_and(|t| t.kind == TokenKind::Number) {
            let r = self.raw(k);
            if r.bytes().all(|b| b.is_ascii_digit()) {
                s.push_str(r);
                k += 1;
            }
        } else {
            loop {
                match self.number_word(k) {
                    Some((v, WordKind::Unit)) => {
                        s.push_str(&(v as u32).to_string());
                        k += 1;
                    }
                    Some((v, WordKind::Teen)) if s.is_empty() => {
                        s.push_str(&(v as u32).to_string());
                        k += 1;
                        break;
                    }
                    Some((v, WordKind::Tens)) if s.is_empty() => {
                        let mut t = v as u32;
                        k += 1;
                        let h = usize::from(self.raw(k) == "-");
                        if let Some((u, WordKind::Unit)) = self.number_word(k + h) {
                            if u > 0.0 {
                                t += u as u32;
                                k += 1 + h;
                            }
                        }
                        s.push_str(&t.to_string());
                        break;
                    }
                    _ => break,
                }
            }
        }
        if s.is_empty() {
            return None;
        }
        let v: f64 = format!("0.{s}").parse().ok()?;
        Some((v, s.len() as u32, k))
    }

    /// A fraction after `and`: `a half`, `a quarter`, `three quarters`, `two thirds`, `one
    /// fourth`, and a scale right after it (`and three quarters million`).
    fn and_fraction(&self, j: usize) -> Option<(f64, usize, Option<f64>)> {
        let (f, end) = self.simple_fraction(j)?;
        // `two and fifty-four hundredths` reads a decimal aloud; `one hundred and thirty-two
        // fifths` is 132/5, read by the grammar.
        let d = self.lx.denominator(self.lower(end - 1))?;
        if f * d >= 9.5 && d.log10().fract() != 0.0 {
            return None;
        }
        let scale = match self.number_word(end) {
            Some((m, WordKind::Scale)) => Some(m),
            _ => None,
        };
        Some((f, end + usize::from(scale.is_some()), scale))
    }

    /// `a half`, `one third`, `three quarters`, `two-thirds`, `a fifth`: value and end.
    fn simple_fraction(&self, j: usize) -> Option<(f64, usize)> {
        let w = self.lower(j);
        let mut k = j + 1;
        let num = if matches!(w, "a" | "an") {
            1.0
        } else {
            match self.number_word(j) {
                Some((v, WordKind::Unit | WordKind::Teen)) => v,
                // `fifty-four hundredths`; a bare `thirty fifths` is read as 30/5 by the grammar.
                Some((v, WordKind::Tens)) => {
                    let h = usize::from(self.raw(k) == "-");
                    match self.number_word(k + h) {
                        Some((u, WordKind::Unit)) if u > 0.0 => {
                            k += h + 1;
                            v + u
                        }
                        _ => return None,
                    }
                }
                _ => return None,
            }
        };
        if self.raw(k) == "-" {
            k += 1;
        }
        let den = self.lower(k);
        let d = self.lx.denominator(den)?;
        // `two third` is no fraction: plural after more than one.
        if num > 1.0 && !den.ends_with('s') {
            return None;
        }
        Some((num / d, k + 1))
    }

    /// A fraction that starts the numeral: `half`, `a half`, `half a million`, `quarter
    /// million`, `three quarters billion`, `two thirds of a million`, `half a dozen`.
    fn leading_fraction(&self, i: usize) -> Option<Numeral> {
        let w = self.lower(i);
        let (f, end) = if w == "half" || w == "quarter" {
            // A bare `half` counts unless it names a part of something (`the first half`,
            // `second-half goals`).
            let prev = i.checked_sub(1).map(|p| self.lower(p)).unwrap_or_default();
            if self.raw(i + 1) == "-" && self.glued(i + 1)
                || self.lx.ordinal_value(prev).is_some()
                || matches!(
                    prev,
                    "the"
                        | "this"
                        | "that"
                        | "each"
                        | "every"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "our"
                        | "a"
                        | "an"
                )
            {
                return None;
            }
            let f = if w == "half" { 0.5 } else { 0.25 };
            // `quarter` alone is a period of the year; only before a scale is it a number.
            if w == "quarter" && self.fraction_scale(i + 1).is_none() {
                return None;
            }
            (f, i + 1)
        } else {
            let (f, end) = self.simple_fraction(i)?;
            // `a third`, `one fifth` before a noun of their own are ordinals (`a third term`);
            // `a half`, `a quarter` and plural forms are always fractions.
            let den = self.lower(end - 1);
            if !den.ends_with('s') && !matches!(den, "half" | "quarter") && self.noun_at(end) {
                return None;
            }
            (f, end)
        };
        let mut n = Numeral::new(f, i, end);
        n.words = true;
        n.fraction = true;
        n.decimals = 2;
        if let Some((m, e)) = self.fraction_scale(end) {
            n.value *= m;
            n.scale = m;
            n.end = e;
            n.fraction = false;
        }
        // `one and a half` is read by the grammar; `a half` here stays 0.5.
        Some(n)
    }

    /// Whether the word at `k` names a kind of person; a hyphenated compound by its last
    /// part (`co-worker`).
    fn person_at(&self, k: usize) -> bool {
        let compound = self.raw(k + 1) == "-" && self.glued(k + 1) && self.is_word(k + 2);
        let head = if compound { k + 2 } else { k };
        crate::lexical::lexical().read_noun(self.lower(head)).person
    }

    /// Whether a word at `k` may be a noun a singular ordinal ranks (`term` in `a third
    /// term`), not what continues a fraction (`of`, `and`, a function word, a number word).
    fn noun_at(&self, k: usize) -> bool {
        let next = self.lower(k);
        self.is_word(k)
            && !matches!(next, "of" | "a" | "an" | "and" | "or")
            && !self.lx.stopwords.contains(next)
            && self.lx.number_word(next).is_none()
    }

    /// Whether the word at `k` is a noun an ordinal after `a` ranks (`round`, `term`): one
    /// [`noun_at`](Self::noun_at) allows that the lexical resource knows as a noun and that
    /// is no verb form (`voted`, `died`, cue class `verb`) or time word (`last`, `more`).
    fn rank_noun_at(&self, k: usize) -> bool {
        let w = self.lower(k);
        self.noun_at(k)
            && !self.verb_form(w)
            && !matches!(w, "last" | "next" | "more" | "less" | "fewer")
            && crate::lexical::lexical().read_noun(w).noun
    }

    /// Whether a lowercase word reads as a verb: a past form in `-ed` (`voted`, `killed`) or
    /// a word of cue class `verb`.
    fn verb_form(&self, w: &str) -> bool {
        w.ends_with("ed") || self.lx.is_cue("verb", w)
    }

    /// A scale after a fraction: `a million`, `million`, `of a million`, `a dozen`.
    fn fraction_scale(&self, j: usize) -> Option<(f64, usize)> {
        let mut k = j;
        if self.lower(k) == "of" {
            k += 1;
        }
        if matches!(self.lower(k), "a" | "an") {
            k += 1;
        }
        match self.number_word(k) {
            Some((m, WordKind::Scale | WordKind::Dozen | WordKind::Hundred)) => {
                // `half a hundred` is rare; `half the hundred…` is not a scale.
                Some((m, k + 1))
            }
            _ => None,
        }
    }

    /// After a cardinal: a denominator makes a fraction (`two thirds`, `three twenty-firsts`,
    /// `one one hundred fifth`), an ordinal ending makes an ordinal (`one hundred twenty
    /// fifth`, `two hundredth`).
    fn fraction_or_ordinal(&self, st: &State, start: usize) -> Option<Numeral> {
        // `twenty-fifth`, `hundred-fifths`: the grammar stops before the hyphen.
        let j = if self.raw(st.end) == "-" && self.is_word(st.end + 1) {
            st.end + 1
        } else {
            st.end
        };
        let w = self.lower(j);
        if !self.is_word(j) || st.atoms == 0 && st.last != Last::A {
            return None;
        }
        let numerator = st.value();
        let lone_one = (st.atoms == 1 && self.lower(start) == "one") || st.last == Last::A;
        let mk = |v: f64, end: usize, fraction: bool, ordinal: bool| {
            let mut n = Numeral::new(v, start, end);
            n.words = true;
            n.fraction = fraction;
            n.ordinal = ordinal;
            n.decimals = if fraction { 2 } else { 0 };
            n
        };
        // A plural denominator right after: `two thirds`, `thirty fifths`, `hundredths`.
        if let Some(d) = self.lx.denominator(w).filter(|_| w.ends_with('s')) {
            if st.last == Last::And {
                return None;
            }
            // `one hundred thirty fifths` = 100/35: tens + a unit ordinal is the denominator.
            if let Some((_, before, after_and)) = st.before_tens {
                let tens = st.small;
                if st.last == Last::Tens && d < 10.0 && before > 0.0 && !after_and {
                    return Some(mk(before / (tens + d), j + 1, true, false));
                }
            }
            return Some(mk(numerator / d, j + 1, true, false));
        }
        // A compound denominator after the cardinal: `three twenty-firsts`, `one one hundred
        // fifth`, `twenty twenty fifths`.
        if let Some((den, end, plural)) = self.compound_ordinal(j) {
            if (plural && !lone_one) || (!plural && lone_one) {
                return Some(mk(numerator / den, end, true, false));
            }
        }
        // A singular ordinal ending: `a trillionth` (a fraction) or `two hundredth`,
        // `one hundred twenty fifth` (ordinals).
        if let Some(ov) = self.lx.ordinal_value(w) {
            let scale_ordinal = ov >= 100.0 && ov.log10().fract() == 0.0;
            if lone_one && ov > 2.0 && st.last != Last::Tens {
                // `a sixth round stoppage`, `a fifth term`: a rank before a noun of its own,
                // read as the ordinal alone; not before a verb or an adverb (`a fifth voted`,
                // `by a third last year`). Before a person (`injuring a third co-worker`: one
                // more of them) it stays as the word grammar reads it.
                if self.rank_noun_at(j + 1) && !self.person_at(j + 1) {
                    return None;
                }
                return Some(mk(1.0 / ov, j + 1, true, false));
            }
            let v = if scale_ordinal {
                numerator * ov
            } else if matches!(st.last, Last::Tens) && ov < 10.0
                || matches!(st.last, Last::Hundred | Last::Scale)
            {
                numerator + ov
            } else {
                return None;
            };
            return Some(mk(v, j + 1, false, true));
        }
        None
    }

    /// An ordinal written as a compound number at `j`, starting with a non-scale word:
    /// `twenty-first`, `twenty fifths`, `one hundred fifth`. Returns value, end, plural.
    fn compound_ordinal(&self, j: usize) -> Option<(f64, usize, bool)> {
        match self.number_word(j) {
            Some((_, WordKind::Unit | WordKind::Teen | WordKind::Tens)) => {}
            _ => return None,
        }
        let st = State::at(j);
        let st = self.grammar(st);
        let mut k = st.end;
        if self.raw(k) == "-" || self.lower(k) == "and" && st.last == Last::Hundred {
            k += 1;
        }
        let w = self.lower(k);
        let plural = w.ends_with('s');
        let singular = if plural { &w[..w.len() - 1] } else { w };
        let ov = self.lx.ordinal_value(singular)?;
        let v = match st.last {
            Last::Tens if ov < 10.0 => st.value() + ov,
            Last::Hundred | Last::Scale => st.value() + ov,
            _ => return None,
        };
        Some((v, k + 1, plural))
    }

    /// A cardinal without ratio handling (the denominator of a ratio).
    pub(super) fn plain_numeral(&self, k: usize) -> Option<Numeral> {
        let t = self.tok(k)?;
        let n = match t.kind {
            TokenKind::Number => self.digits(k)?,
            TokenKind::Word => {
                self.number_word(k)?;
                let st = State::at(k);
                let st = self.grammar(st);
                if st.atoms == 0 {
                    return None;
                }
                let mut n = Numeral::new(st.value(), k, st.end);
                n.words = true;
                // `five hundreds tvs`
                if self.lower(n.end) == "hundreds" {
                    n.value *= 100.0;
                    n.end += 1;
                }
                n
            }
            _ => return None,
        };
        (!n.ordinal && !n.fraction).then_some(n)
    }
}
