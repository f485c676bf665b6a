//! What kind of number a bare figure is, by its neighbours: a year, a date, an identifier, an
//! age, a magnitude, or else a count.

use super::figure::Single;
use super::reader::Parser;
use super::QuantityKind;
use crate::extract::lexicon::HedgeKind;

impl Parser<'_> {
    /// Whether a month word stands before the day number over `start..end` (`June 9`, `Jan.
    /// 5`, `May 29th`) or after it (`9 June`, `the 4th of July`); `may` and `march` only
    /// capitalised.
    pub(super) fn month_beside(&self, start: usize, end: usize) -> bool {
        let of = usize::from(self.lower(end) == "of");
        self.month_before(start) || self.month_at(end + of)
    }

    /// Whether token `k` is a month word (`May` and `March` only capitalised).
    fn month_at(&self, k: usize) -> bool {
        let w = self.lower(k);
        self.is_word(k)
            && self.lx.is_month(w)
            && (!matches!(w, "may" | "march")
                || self.raw(k).starts_with(|c: char| c.is_uppercase()))
    }

    /// Whether a month, maybe abbreviated (`Oct.`), ends just before token `start`.
    pub(super) fn month_before(&self, start: usize) -> bool {
        let abbreviated = start >= 2
            && self.is_sym(start - 1, ".")
            && self.lx.is_month(&format!("{}.", self.lower(start - 2)));
        (start >= 1 && self.month_at(start - 1)) || abbreviated
    }

    /// The kind of a bare figure: a year, date, identifier, age or magnitude by its
    /// neighbours, else a count.
    pub(super) fn plain_kind(&self, s: &Single) -> QuantityKind {
        let Some(n) = s.num.as_ref() else {
            return QuantityKind::Count;
        };
        let start = n.start;
        let end = s.end;
        let prev = start.checked_sub(1);
        let prev_word = prev.map(|p| self.lower(p)).unwrap_or_default();
        let prev2 = start
            .checked_sub(2)
            .map(|p| self.lower(p))
            .unwrap_or_default();
        let next = self.lower(end);
        let digits = self.is_number(start);
        let integer = n.value.fract() == 0.0 && n.scale == 1.0 && !n.fraction;
        let exact = matches!(s.hedge, HedgeKind::Exact);
        if n.fraction {
            return QuantityKind::Count;
        }
        if n.decade {
            return if n.value < 100.0 {
                QuantityKind::Age
            } else {
                QuantityKind::Year
            };
        }
        // Digits glued to letters: `5G`, `06F6`, `L2`, `J1149.5`; `M7.8` is a magnitude.
        if digits {
            if let Some(p) = prev {
                if self.glued(start) && self.is_word(p) {
                    if self.raw(p) == "M" && n.value < 10.0 {
                        return QuantityKind::Magnitude;
                    }
                    return QuantityKind::Identifier;
                }
            }
            // `1960s`, `the 1940's`, `her 40s`: a decade (`a 747's engines` is none).
            if self.decade_suffix(end).is_some() && n.plain && n.value % 10.0 == 0.0 {
                // `1960s`, `the 80s`
                if self.raw(start).len() == 4 {
                    return QuantityKind::Year;
                }
                // `her 40s`, `his mid-30s` are ages; `the 80s`, `the early 90s` years.
                let owner = self.word_before_decade(start);
                return if matches!(owner, "her" | "his" | "their" | "my" | "your" | "our") {
                    QuantityKind::Age
                } else {
                    QuantityKind::Year
                };
            }
            if self.glued(end) && self.is_word(end) {
                return QuantityKind::Identifier;
            }
        }
        // Dates: `June 9`, `Jan. 5`, `9 June`.
        if integer && (1.0..=31.0).contains(&n.value) && exact && self.month_beside(start, end) {
            return QuantityKind::Date;
        }
        if self.magnitude_before(start).is_some() && n.value <= 10.0 {
            return QuantityKind::Magnitude;
        }
        // Identifiers: `Article 159`, `No. 5`, `version two`, `COVID-19`, `#5`.
        if self.lx.identifiers.contains(prev_word)
            || prev_word == "." && self.lx.identifiers.contains(format!("{prev2}.").as_str())
        {
            return QuantityKind::Identifier;
        }
        // `since week 3`, `Game 7`, `Ch. 4`: a short number after a word naming one part of a
        // series, with nothing counted after it, labels that part.
        let label = |w: &str| self.lx.is_noise_word("label", w);
        let labelled = label(prev_word) || prev_word == "." && label(&format!("{prev2}."));
        if labelled && integer && exact && n.value < 1000.0 && !self.counts_next(end) {
            return QuantityKind::Identifier;
        }
        if digits && n.plain && exact && self.named_number(start, end) {
            return QuantityKind::Identifier;
        }
        // A name and a number are a model or a version, not an amount, when nothing they
        // count follows and the number is written as versions are (`Android 4.1`), with a
        // glued letter (`GeForce GT 650M`) or as a plain run of four digits or more (`the
        // Curve 8900`, `a Curve 8900 smartphone`), or when what follows is one thing, not many
        // (`a FireWire 800 port`, `the BlackBerry 10 platform`). A version after a name in
        // capitals may count on (`USB 3.0 ports`); a share of a vote or a player's average is
        // no version (`Biden 51.3`, `Jokic 26.4 points`), nor are `Netflix 200M subscribers`
        // or `In Mumbai 1500 workers`.
        if digits && exact && self.named_number_word(start) && !self.money_before(start) {
            let bare = !self.counts_next(end);
            let version = n.decimals > 0
                && !n.words
                && n.scale == 1.0
                && n.value < 20.0
                && (bare || self.acronym_before(start));
            let glued_letter = bare && n.scale != 1.0 && self.glued(start + 1) && end == start + 2;
            let one_thing = n.value > 1.0 && self.singular_noun_next(end, true);
            // Amounts of thousands are written with a separator; a model number never is. A
            // year stays a year (`Beijing 2008`).
            let model = (bare || self.singular_noun_next(end, false))
                && n.plain
                && n.value >= 1000.0
                && !n.words
                && !(1800.0..=2100.0).contains(&n.value);
            // A code in capitals after a count or an article names a model, and the number
            // is part of the code (`six AK 47 rifles`, `an M 16 rifle`).
            let designation = self.acronym_before(start)
                && (self.is_number(start - 2)
                    || self.lx.number_word(self.lower(start - 2)).is_some()
                    || matches!(self.lower(start - 2), "a" | "an"));
            if version || glued_letter || one_thing || model || designation {
                return QuantityKind::Identifier;
            }
        }
        // `BBC One`, `Air Force One`: a number word written with a capital after a name is
        // part of the name, whatever follows in lowercase (`a BBC One show`); a capital after
        // it too is a headline's title case (`Quake Kills Five People`).
        let capital_word = !digits
            && end == start + 1
            && self.raw(start).starts_with(char::is_uppercase)
            && !(self.is_word(end) && self.raw(end).starts_with(char::is_uppercase));
        if capital_word && exact && self.named_number_word(start) {
            return QuantityKind::Identifier;
        }
        if let Some(p) = prev {
            if digits
                && self.is_sym(p, "-")
                && self.glued(start)
                && self.glued(p)
                && p > 0
                && self.is_word(p - 1)
            {
                let w = self.lower(p - 1);
                if !self.lx.is_cue("number_prefix", w) {
                    return QuantityKind::Identifier;
                }
            }
            if digits && self.is_sym(p, "#") && self.glued(start) {
                return QuantityKind::Identifier;
            }
        }
        if integer && n.value <= 120.0 && n.value >= 1.0 {
            if self.age_before(start).is_some()
                || self.turning_age(start, end).is_some()
                || self.age_bound_of_people(start, end)
            {
                return QuantityKind::Age;
            }
            // `John Smith, 45, said`: an age in apposition.
            if exact
                && n.plain
                && (self.appositive_age(start, end)
                    || self.stated_age(start, end)
                    || self.age_at_death(start, end))
            {
                return QuantityKind::Age;
            }
        }
        // Years: a plain four-digit figure in 1000–2100 that counts nothing plural.
        if digits && n.plain && exact && self.raw(start).len() == 4 {
            let v = n.value;
            // `2016 Reuters`: a capitalised word is a name, not what a figure counts.
            let counted_next = self.is_word(end)
                && !self.raw(end).starts_with(|c: char| c.is_uppercase())
                && next.ends_with('s')
                && !self.lx.stopwords.contains(next)
                && !self.lx.is_month(next);
            let year_word = matches!(
                prev_word,
                "in" | "since"
                    | "of"
                    | "by"
                    | "from"
                    | "until"
                    | "year"
                    | "circa"
                    | "to"
                    | "before"
                    | "after"
                    | "during"
            ) || matches!(next, "ad" | "bc" | "ce" | "bce");
            // After a month (`in October 2007 thieves took`) or a word only a time follows
            // (`since 2007 visitors have`), the figure is a year before a plural too.
            let time_only =
                self.month_before(start) || matches!(prev_word, "since" | "until" | "during");
            if (1800.0..=2100.0).contains(&v) && (!counted_next || time_only)
                || (1000.0..1800.0).contains(&v) && year_word
            {
                return QuantityKind::Year;
            }
        }
        QuantityKind::Count
    }

    /// `aged 45`, `age 87`, `at the age of 87`: the index where that starts.
    pub(super) fn age_before(&self, start: usize) -> Option<usize> {
        let p = start.checked_sub(1)?;
        match self.lower(p) {
            "aged" | "age" => Some(p),
            "of" if p >= 1 && self.lower(p - 1) == "age" => Some(p - 1),
            _ => None,
        }
    }

    /// `children under 5`, `people over 65`, `the first physician under 40`: a bound after a
    /// kind of person, with nothing counted after it, is an age.
    fn age_bound_of_people(&self, start: usize, end: usize) -> bool {
        if start < 2 || !matches!(self.lower(start - 1), "under" | "over") || self.many_next(end) {
            return false;
        }
        let who = self.lower(start - 2);
        self.is_word(start - 2)
            && !self.lx.stopwords.contains(who)
            && crate::lexical::lexical().read_noun(who).person
    }

    /// `turned 50`, `turns 29 in April`, `will turn 40`: an age a person reaches, with nothing
    /// counted after it (`turned 3 passes into…` is no age). `Some(true)` when it is still to
    /// come (the person is a year younger until then).
    pub(super) fn turning_age(&self, start: usize, end: usize) -> Option<bool> {
        let p = start.checked_sub(1)?;
        // `after turning 18` is an age reached: only `turns` and `will turn` are to come.
        let future = match self.lower(p) {
            "turned" | "turning" => false,
            "turns" => true,
            "turn" => {
                p >= 1 && {
                    let w = self.lower(p - 1);
                    matches!(w, "will" | "to" | "would")
                        || w.ends_with("'ll")
                        || w.ends_with("\u{2019}ll")
                }
            }
            _ => return None,
        };
        // `turned 3 fumbles into scores`, `turned 2 of his 5 chances`.
        let counted = self.many_next(end) || self.lower(end) == "of";
        (!counted).then_some(future)
    }

    /// Whether a plural after an age-like figure says what it counts (`3 fumbles`), which
    /// makes it no age; `years` is the age's own unit.
    fn many_next(&self, end: usize) -> bool {
        let w = self.lower(end);
        self.counts_next(end) && w.ends_with('s') && w != "years"
    }

    /// `, 45,` after a capitalised name; `, 20.` ending the sentence (`the murders of Ann
    /// Ortiz, 58, and Eva Ortiz, 20.`).
    fn appositive_age(&self, start: usize, end: usize) -> bool {
        // `Timmons, now 16,`, `Ruiz, then 23,`: the age at a time the adverb says.
        let start =
            start - usize::from(start >= 3 && matches!(self.lower(start - 1), "now" | "then"));
        if start < 2 || !self.is_sym(start - 1, ",") {
            return false;
        }
        let mut name = start - 2;
        // `Arcade Comeaux Jr., 49,`: a name's suffix.
        if name >= 1
            && self.is_sym(name, ".")
            && matches!(self.lower(name - 1), "jr" | "sr" | "jnr" | "snr")
        {
            name -= 1;
        }
        let capital = self.is_word(name)
            && self.raw(name).starts_with(|c: char| c.is_uppercase())
            && !self.lx.is_month(self.lower(name))
            && !self.lx.stopwords.contains(self.lower(name));
        // `the victim, 66, was…`, `a security guard, 62,`, `the Dutch striker, 29,`: a person
        // named by a common noun, maybe with one word before it saying which kind.
        // A possessive determines too (`the branch's security guard, 61,`).
        let determiner = |k: usize| {
            let w = self.lower(k);
            matches!(
                w,
                "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "'s" | "’s"
            ) || w.ends_with("'s")
        };
        let modifier = |k: usize| self.is_word(k) && !self.lx.stopwords.contains(self.lower(k));
        // One person: `the Dutch players, 23,` are no age.
        let singular = !self.lower(name).ends_with('s') || self.lower(name).ends_with("ss");
        let person = name >= 1
            && self.is_word(name)
            && singular
            && (determiner(name - 1) || name >= 2 && modifier(name - 1) && determiner(name - 2))
            && crate::lexical::lexical().read(self.lower(name)).person;
        let capital = capital || person;
        let last = self.is_sym(end, ".") && self.tok(end + 1).is_none();
        capital
            && (self.is_sym(end, ",")
                || last
                || (self.is_sym(end, ")") && self.is_sym(start - 1, "(")))
    }

    /// `dies at 91`, `died Thursday at 91`, `passed away at 85 after…`: the age at death
    /// (cue class `death_verb` within a few words before `at`), with nothing counted after it.
    fn age_at_death(&self, start: usize, end: usize) -> bool {
        if start < 2 || self.lower(start - 1) != "at" {
            return false;
        }
        let death = |k: usize| {
            let w = self.lower(k);
            self.lx.is_cue("death_verb", w)
                || w == "away" && k >= 1 && matches!(self.lower(k - 1), "passed" | "passes")
        };
        let before = (start.saturating_sub(5)..start - 1).any(|k| self.is_word(k) && death(k));
        let counted_next = self.is_word(end) && !self.lx.stopwords.contains(self.lower(end));
        before && !counted_next
    }

    /// `She was 85.`, `who was 85 when…`, `he is 45,`, `At 55, he…`: a person's age stated
    /// with nothing counted after it.
    fn stated_age(&self, start: usize, end: usize) -> bool {
        // `At 55, he is the oldest…`: an age opening the sentence before its person.
        if start == 1 && self.lower(0) == "at" && self.is_sym(end, ",") {
            let next = self.lower(end + 1);
            return matches!(next, "he" | "she")
                || self.is_word(end + 1)
                    && self.raw(end + 1).starts_with(|c: char| c.is_uppercase())
                    && !self.lx.stopwords.contains(next);
        }
        if start < 2 || !matches!(self.lower(start - 1), "is" | "was" | "turns" | "turned") {
            return false;
        }
        // `he was 33`, `the victim was 33`, `Oscar Villanueva, was 33`, `Villanueva was 33`.
        let mut k = start - 2;
        if self.is_sym(k, ",") && k >= 1 {
            k -= 1;
        }
        let w = self.lower(k);
        let lexical = crate::lexical::lexical();
        // A name is the subject only when no lowercase word stands before its run (`The
        // death toll in Texas was 58` is no age).
        let capital = |i: usize| self.is_word(i) && self.raw(i).starts_with(char::is_uppercase);
        let mut first = k;
        while first > 0 && capital(first - 1) {
            first -= 1;
        }
        let subject = first == 0 || !self.is_word(first - 1);
        let named = capital(k)
            && subject
            && !self.lx.stopwords.contains(w)
            && (k > 0 || lexical.lemmas(w).is_empty());
        let person = matches!(w, "he" | "she" | "who")
            || named
            || self.is_word(k) && !self.lx.stopwords.contains(w) && lexical.read_noun(w).person;
        let ends = self.tok(end).is_none()
            || self.is_sym(end, ".") && self.tok(end + 1).is_none()
            || self.is_sym(end, ",")
            || self.is_sym(end, ";")
            || matches!(self.lower(end), "when" | "at");
        person && ends
    }

    /// `magnitude 7.8`, `magnitude-7.8`, `a magnitude of 6.2`: where that starts.
    pub(super) fn magnitude_before(&self, start: usize) -> Option<usize> {
        let mut p = start.checked_sub(1)?;
        if self.is_sym(p, "-") && self.glued(start) {
            p = p.checked_sub(1)?;
        }
        match self.lower(p) {
            "magnitude" => Some(p),
            "of" if p >= 1 && self.lower(p - 1) == "magnitude" => Some(p - 1),
            _ => None,
        }
    }
}
