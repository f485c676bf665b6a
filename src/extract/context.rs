//! What a figure counts and who says so: the counted phrase after it, the predicate and
//! measure class around it (within its clause), and the attribution of the clause.

use super::lexicon::{lexicon, Lexicon};
use super::quantity::{Quantity, QuantityKind};
use super::token::{Token, TokenKind, Tokens};
use std::borrow::Cow;
use std::ops::Range;

/// The counted phrase of a quantity: its text span and its head word.
#[derive(Debug, Clone, PartialEq)]
pub struct Counted {
    pub span: Range<usize>,
    /// Lowercase head word (`individuals`, `staff`, `prison`).
    pub head: String,
    /// Token indexes the phrase covers.
    pub(crate) tokens: Range<usize>,
}

impl Counted {
    /// Whether the phrase comes before the figure (`a mother of 13`), so the clause's verb
    /// is not said of what it counts.
    fn before(&self, q: &Quantity) -> bool {
        self.tokens.end <= q.start_token
    }
}

/// What a claim measures: the class from `data/measures.tsv`, or the stem of what it counts.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Measure {
    /// Blocking key: `class:killed`, `stem:centr`, or `` for a bare amount.
    pub key: String,
    /// Human label for topics (`deaths`, `centers`).
    pub label: String,
    /// Only the generic class (`people`, with no predicate to say what happened to them):
    /// a weak sign that two figures are about the same thing.
    pub generic: bool,
}

impl Measure {
    /// What someone was absent from (`missed nine games`), not what they took part in.
    pub fn is_absence(&self) -> bool {
        self.key.ends_with(ABSENT)
    }
}

/// Who a clause attributes its figure to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The words as written (`the union`, `Irina Volk`).
    pub text: String,
    /// Folded key for comparing parties (`union`, `company`, `volk`).
    pub party: String,
    /// The party is one of the sides `data/attribution.tsv` knows (union, company, police…),
    /// not just a name.
    pub known: bool,
}

/// Token `i` lowercased, from the sentence lowercased once.
fn lower<'b>(tk: &'b Tokens, i: usize) -> Cow<'b, str> {
    Cow::Borrowed(tk.lower(i))
}

fn is_comma(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Symbol && &text[t.span.clone()] == ","
}

fn is_participle(w: &str) -> bool {
    // A stopword in -ing (`during a prison transfer`, `including`, `being`) is no verb of
    // what is counted.
    (w.ends_with("ed") || w.ends_with("ing")) && w.len() > 4 && !lexicon().stopwords.contains(w)
}

/// Words after a figure that are never what it counts (`four years ago`, `10 km away`).
const NOT_COUNTED: &[&str] = &[
    "ago",
    "later",
    "earlier",
    "away",
    "apart",
    "long",
    "wide",
    "deep",
    "high",
    "tall",
    "old",
    "worth",
    "each",
    "apiece",
    "overall",
    "altogether",
    "alone",
    "total",
    "instead",
    "ahead",
];

/// The phrase a quantity counts: the noun phrase right after it (`individuals`, `fraudulent
/// call centers`), after `of` for vague and scaled amounts, after `worth of` for money, or
/// after the unit's `of`/`in` (`years in prison`, `inches of snow`).
pub fn counted(tk: &Tokens, q: &Quantity) -> Option<Counted> {
    // `mother of three sons` counts sons; `Mother of 13 Zurana Horton` counts children, the
    // name after the figure being whose they are.
    let common_after =
        tk.is_word(q.end_token) && !tk.raw(q.end_token).starts_with(char::is_uppercase);
    match children_of(tk, q) {
        Some(c) if !common_after => Some(c),
        kin => counted_after(tk, q)
            .or(kin)
            .or_else(|| age_antecedent(tk, q)),
    }
}

/// Whose age a bare age is when a common noun before it names them: `the victim, 66,`, `the
/// victim, who was in her 60s,`. A name there is the owner's business, not a thing counted.
fn age_antecedent(tk: &Tokens, q: &Quantity) -> Option<Counted> {
    if q.kind != QuantityKind::Age {
        return None;
    }
    let mut k = q.start_token;
    let back = |k: usize, words: &[&str]| k >= 1 && words.contains(&tk.lower(k - 1));
    if back(k, &["early", "mid", "late"]) {
        k -= 1;
    }
    if back(k, &["his", "her", "their"]) && back(k - 1, &["in"]) {
        k -= 2;
    }
    if back(k, &["was", "is", "were", "are"]) && back(k - 1, &["who"]) {
        k -= 2;
    }
    if k >= 1 && is_comma(tk.text, &tk.toks[k - 1]) {
        k -= 1;
    }
    let n = k.checked_sub(1)?;
    let w = lower(tk, n);
    let common = tk.is_word(n) && !tk.raw(n).starts_with(char::is_uppercase) && n < q.start_token;
    (common && n + 1 < q.start_token && crate::lexical::lexical().read(&w).person).then(|| {
        Counted {
            span: tk.toks[n].span.clone(),
            head: w.into_owned(),
            tokens: n..n + 1,
        }
    })
}

/// `a mother of 13`, `the father of three`: a bare count after a word of parenthood (cue class
/// `parent_of`) counts children; the parent word is the evidence.
fn children_of(tk: &Tokens, q: &Quantity) -> Option<Counted> {
    let s = q.start_token;
    let bare = q.kind == QuantityKind::Count && q.unit.is_none() && q.whole.is_none();
    if !(bare && s >= 2 && tk.lower(s - 1) == "of" && tk.is_word(s - 2)) {
        return None;
    }
    let parent = tk.lower(s - 2);
    lexicon().is_cue("parent_of", parent).then(|| Counted {
        span: tk.toks[s - 2].span.start..tk.toks[s - 1].span.end,
        head: "children".to_string(),
        tokens: s - 2..s - 1,
    })
}

fn counted_after(tk: &Tokens, q: &Quantity) -> Option<Counted> {
    let (text, toks) = (tk.text, &tk.toks[..]);
    let lx = lexicon();
    let mut i = q.end_token;
    let measure = q.unit.is_some() && q.kind != QuantityKind::Percent;
    let word = |i: usize| tk.is_word(i).then(|| lower(tk, i));
    // A hyphen glued to the tokens either side of it (`call-centre`, `first-degree`, `AK-47`).
    let hyphen = |i: usize| {
        toks.get(i)
            .is_some_and(|t| t.glued && t.kind == TokenKind::Symbol && &text[t.span.clone()] == "-")
    };
    // `in October 2007 thieves took`: a year after a month closes a date, and what follows
    // is none of its things; `a November 2013 release` is one, the date a modifier.
    let s = q.start_token;
    if q.kind == QuantityKind::Year
        && s >= 1
        && lx.is_month(&lower(tk, s - 1))
        && !(s >= 2 && is_determiner(&lower(tk, s - 2)))
    {
        return None;
    }
    // `$2.6 million worth of diamonds`
    if q.kind == QuantityKind::Money
        && word(i).as_deref() == Some("worth")
        && word(i + 1).as_deref() == Some("of")
    {
        i += 1;
    }
    // `$5.4 billion in cash and stock`: the form a sum is paid in is not what it measures.
    if q.kind == QuantityKind::Money
        && word(i).as_deref() == Some("in")
        && word(i + 1).is_some_and(|w| lx.is_cue("payment", &w))
    {
        return None;
    }
    // `7 out of 9 charges`, `two of the three suspects`: a part counts what its whole counts,
    // the phrase after the whole's figure.
    if let Some(e) = q.whole_end {
        i = e;
    }
    if let Some(w) = word(i) {
        // `eight years in Boston`: a measurement in a named place is not of the place.
        if measure
            && w == "in"
            && tk.is_word(i + 1)
            && tk.raw(i + 1).starts_with(char::is_uppercase)
        {
            return None;
        }
        if w == "of" || (measure && w == "in") {
            i += 1;
            while word(i).is_some_and(|w| {
                matches!(
                    &*w,
                    "the"
                        | "its"
                        | "their"
                        | "these"
                        | "those"
                        | "his"
                        | "her"
                        | "our"
                        | "fresh"
                        | "new"
                )
            }) {
                i += 1;
            }
        }
    }
    // `a 15-bed jail`, `a three-bedroom house`, `a 12-game streak`: a count hyphenated to a
    // noun before another noun counts the first (beds, not jails).
    // Not `a two-time winner` (how often), `a five-sided`, `a 6.7-strength quake`.
    let integer = q.value.is_some_and(|v| v.fract() == 0.0);
    if q.kind == QuantityKind::Count && q.unit.is_none() && integer && hyphen(i) {
        if let Some(w) = word(i + 1).filter(|w| {
            !lx.stopwords.contains(&**w)
                && lx.number_word(w).is_none()
                && w.len() > 2
                && !w.ends_with("ed")
                && !lx.is_cue("occurrence", w)
                && !matches!(&**w, "something" | "plus")
        }) {
            let noun_next = word(i + 2).is_some_and(|n| !lx.stopwords.contains(&*n))
                && !toks.get(i + 2).is_some_and(|t| t.glued);
            if noun_next {
                return Some(Counted {
                    span: toks[i + 1].span.clone(),
                    head: w.into_owned(),
                    tokens: i + 1..i + 2,
                });
            }
        }
    }
    // `the fourth-highest win total`, `the third-largest debut`: a rank by a superlative
    // ranks what follows it.
    if q.kind == QuantityKind::Ordinal
        && hyphen(i)
        && word(i + 1).is_some_and(|w| w.len() > 4 && w.ends_with("est"))
    {
        i += 2;
    }
    // `12 more bodies`, `two extra sentences`: the increment word says how the figure
    // stands to another, not what it counts.
    if q.increment && word(i).is_some_and(|w| lx.is_cue("increment", &w)) {
        i += 1;
    }
    // `three other employees`: what the others are is the noun after `other`.
    if word(i).as_deref() == Some("other")
        && word(i + 1).is_some_and(|n| !lx.stopwords.contains(&*n))
    {
        i += 1;
    }
    let first = i;
    // `twice admitted he lied`: a participle after a multiplier is how often it was done.
    if q.kind == QuantityKind::Multiplier && word(i).is_some_and(|w| is_participle(&w)) {
        return None;
    }
    // `3% next year`, `4.5% this year`, `$42 a share`: a time or a rate, not what is counted.
    if word(i).is_some_and(|w| {
        matches!(
            &*w,
            "next" | "last" | "this" | "that" | "per" | "a" | "an" | "each"
        )
    }) {
        return None;
    }
    let mut last = None;
    let mut words = 0;
    // `two first-degree murder charges`: an ordinal graded by a hyphen is a modifier of the
    // phrase (cue class `grade`), not another figure that ends it.
    let graded = |i: usize| {
        hyphen(i + 1)
            && toks.get(i + 2).is_some_and(|t| t.glued)
            && word(i + 2).is_some_and(|g| lx.is_cue("grade", &g))
    };
    while let Some(w) = word(i) {
        if lx.stopwords.contains(&*w)
            || lx.attribution_verbs.contains(&*w)
            || (lx.number_word(&w).is_some() && !graded(i))
            || NOT_COUNTED.contains(&&*w)
            || lx.is_cue("aux", &w)
            // `$5.4 billion yesterday`, `Kathina Thomas last May`: a time ends the phrase.
            || lx.is_cue("weekday", &w)
            || matches!(&*w, "last" | "next")
            // `a woman outside the store`, not `two outside directors`.
            || (matches!(&*w, "outside" | "inside")
                && word(i + 1).is_some_and(|n| is_determiner(&n)))
            || (tk.raw(i).starts_with(char::is_uppercase) && lx.month_number(&w).is_some())
            // `15 centimetres of snow fell`: a verb ends the phrase after its first word, and
            // right after a unit, which already says what is measured (`10 seconds ran off`).
            || ((last.is_some() || q.unit.is_some()) && lx.is_cue("verb", &w))
        {
            break;
        }
        // `seven AK-47 assault rifles`: a model's code (a short capitalised word, a hyphen and
        // digits) is part of the phrase, not its head; `2,129 points-13 more` is no code.
        let code_word =
            tk.raw(i).len() <= 4 && tk.raw(i).starts_with(|c: char| c.is_ascii_uppercase());
        if code_word
            && hyphen(i + 1)
            && toks
                .get(i + 2)
                .is_some_and(|t| t.glued && t.kind == TokenKind::Number)
            && word(i + 3).is_some()
        {
            i += 3;
            continue;
        }
        // So is a code with its digits glued on or, in capitals, spaced (`14 M16 rifles`,
        // `six AK 47 rifles`).
        let capitals = tk.raw(i).len() >= 2 && tk.raw(i).bytes().all(|b| b.is_ascii_uppercase());
        // The noun after it is a plural (`six IDF 19 year old soldiers` is an age, `the NHS
        // 24 hour strike` a length).
        if code_word
            && toks
                .get(i + 1)
                .is_some_and(|t| t.kind == TokenKind::Number && (t.glued || capitals))
            && word(i + 2).is_some_and(|n| {
                !lx.stopwords.contains(&*n) && n.ends_with('s') && !n.ends_with("ss")
            })
            && tk.raw(i + 2).starts_with(char::is_lowercase)
        {
            i += 2;
            continue;
        }
        // `23 heavily armed pirates`, `three badly injured`: an adverb qualifies the
        // participle after it, and is not what is counted.
        if w.len() > 4 && w.ends_with("ly") && word(i + 1).is_some_and(|n| is_participle(&n)) {
            i += 1;
            continue;
        }
        // Before a noun, a participle describes it (`Four masked men`), except after a unit,
        // where it is the verb (`100 km/h toppled trees`); alone it ends the phrase unless it
        // is what is counted (`300 injured`).
        let adjective = last.is_none()
            && q.unit.is_none()
            && word(i + 1).is_some_and(|n| {
                !lx.stopwords.contains(&*n) && !is_participle(&n) && !lx.is_cue("verb", &n)
            });
        // After a unit it is no thing counted either (`the six months leading to the trial`).
        if is_participle(&w)
            && !adjective
            && (last.is_some() || q.unit.is_some() || lx.class_of(&w).is_none())
        {
            break;
        }
        // `the 17-inch MacBook Pro includes an …`: after a name, a word in -s followed by an
        // article, a particle or another name is the name's verb, not a plural it qualifies
        // (`two UNC students when …`).
        let after_name = last.is_some_and(|l| tk.raw(l).starts_with(char::is_uppercase));
        let verb_next = word(i + 1).is_some_and(|n| {
            matches!(&*n, "a" | "an" | "the" | "up" | "off" | "out" | "down")
                || tk.raw(i + 1).starts_with(char::is_uppercase)
        });
        if after_name && w.ends_with('s') && !w.ends_with("ss") && verb_next {
            break;
        }
        // `the city's 476,000 voters`: a possessive is a determiner, not what is counted.
        if w.ends_with("'s") {
            i += 1;
            continue;
        }
        last = Some(i);
        i += 1;
        words += 1;
        // `call-centre workers`: a hyphen glues a compound into one word.
        if hyphen(i)
            && toks
                .get(i + 1)
                .is_some_and(|t| t.glued && t.kind == TokenKind::Word)
        {
            // A participle glued on makes a modifier of the compound (`a share-based deal`),
            // and what follows is counted.
            if is_participle(&lower(tk, i + 1)) && word(i + 2).is_some() {
                i += 2;
                continue;
            }
            i += 1;
            continue;
        }
        // A head noun ends the phrase: `20,000 people took part` counts people. A capitalised
        // plural is a name inside the phrase (`three Hallam Motors car plants`).
        let proper = i > 1 && tk.raw(i - 1).starts_with(char::is_uppercase);
        let head = (w.ends_with('s') && !w.ends_with("ss") && w.len() > 3 && !proper)
            || matches!(
                &*w,
                "people"
                    | "staff"
                    | "children"
                    | "men"
                    | "women"
                    | "personnel"
                    | "dead"
                    | "injured"
                    | "wounded"
                    | "police"
                    | "crew"
            );
        // `two police officers`, `three staff members`: a plural without -s may modify
        // the plural after it that names people (not `12 people hours after`).
        let compound = head
            && !w.ends_with('s')
            && word(i).is_some_and(|n| {
                n.ends_with('s')
                    && !n.ends_with("ss")
                    && n.len() > 3
                    && tk.raw(i).starts_with(char::is_lowercase)
                    && !lx.stopwords.contains(&*n)
                    && !lx.attribution_verbs.contains(&*n)
                    && !lx.is_cue("verb", &n)
                    && !lx.is_cue("aux", &n)
                    && crate::lexical::lexical().read_noun(&n).person
            });
        if compound && words < 4 {
            continue;
        }
        if head || (is_participle(&w) && !adjective) || words >= 4 {
            break;
        }
    }
    let last = last?;
    // `$3 million upfront`, `$20 apiece`: a word the resource knows but never as a noun
    // describes the sum or count; it is not what the figure counts. Words of a measure class
    // (`300 injured`) and participles are what is counted, and the property a percentage or
    // a measurement has is what it measures (`97% effective`, `10 feet tall`).
    let head = lower(tk, last);
    if matches!(q.kind, QuantityKind::Count | QuantityKind::Money)
        && lx.class_of(&head).is_none()
        && !is_participle(&head)
        && crate::lexical::lexical().never_a_noun(&head)
    {
        return None;
    }
    // For a measure the unit is part of what is counted: `years in prison`.
    // `90-day stay`: from the unit's word, not the hyphen before it.
    let from = match q.unit_token {
        Some(u) if measure && q.kind == QuantityKind::Measure => {
            let hyphen = toks[u].kind == TokenKind::Symbol && &text[toks[u].span.clone()] == "-";
            u + usize::from(hyphen && u < last)
        }
        _ => first,
    };
    Some(Counted {
        span: toks[from].span.start..toks[last].span.end,
        head: lower(tk, last).into_owned(),
        tokens: first..last + 1,
    })
}

/// What a claim says happens to what it counts: the verb phrase after the counted phrase when
/// the figure is the subject (`over 300 people were working in the call centers` → `working
/// in the call centers`; `12 ambulances were sent` → `sent`), else the verb just before the
/// figure when it is the object (`killing 61`, `arrested at least 300`, `rose to 63`).
#[derive(Debug, Clone, PartialEq)]
pub struct Predicate {
    /// Byte span in the normalized text.
    pub span: Range<usize>,
    /// Lowercase head verb (`working`, `sent`, `killing`).
    pub head: String,
}

/// Whether a lowercase word looks like a verb: a participle, a form listed in cues.tsv, or an
/// irregular verb form that is never a noun (`fallen`, `taken`), auxiliaries aside.
fn is_verb(lx: &Lexicon, w: &str) -> bool {
    is_participle(w)
        || lx.is_cue("verb", w)
        || !lx.is_cue("aux", w) && crate::lexical::lexical().is_verb_form(w)
}

/// Whether a verb right before the figure governs it (`executed two of them`, `shot three`):
/// its own verb says what happened to what it counts, known to a measure class or not.
pub fn verb_governs(tk: &Tokens, q: &Quantity) -> bool {
    let k = q.start_token;
    k > 0 && tk.is_word(k - 1) && is_verb(lexicon(), tk.lower(k - 1))
}

/// Whether a figure is a part of something named before it (`208,000 of which`, `two of
/// them`, `40 of whom`): what is said of the part is not what was said of the whole.
pub fn part_of_named(tk: &Tokens, q: &Quantity) -> bool {
    let e = q.end_token;
    tk.is_word(e)
        && tk.lower(e) == "of"
        && tk.is_word(e + 1)
        && matches!(
            tk.lower(e + 1),
            "which" | "whom" | "them" | "those" | "these"
        )
}

/// A pronoun that stands as a verb's object (`jailed him for six years`).
fn object_pronoun(w: &str) -> bool {
    matches!(w, "him" | "her" | "them" | "us" | "me")
}

/// Determiners a modifying phrase may open with after its preposition.
pub(crate) fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "this" | "that"
    )
}

/// Past a phrase that modifies the noun before it (`from four provinces`, `in a van`) to the
/// verb it is followed by: the token of that auxiliary or verb, when `i` opens such a phrase and
/// a verb closes it within a few words. A state people are in (`in hospital`) is no modifier
/// but what is said of them, and a conjunction, relative pronoun, attribution verb or
/// punctuation ends the search: `who`, `and`, `said` belong to another clause or verb.
fn past_modifier(tk: &Tokens, clause: &Range<usize>, i: usize) -> Option<usize> {
    let lx = lexicon();
    if !(i < clause.end && tk.is_word(i) && lx.is_cue("modifier", tk.lower(i))) {
        return None;
    }
    let mut k = i + 1;
    while k < clause.end && is_determiner(tk.lower(k)) {
        k += 1;
    }
    if lx.is_cue("state", tk.lower(k)) {
        return None;
    }
    let end = clause.end.min(i + 9);
    while k < end {
        let t = &tk.toks[k];
        if t.kind == TokenKind::Number {
            k += 1;
            continue;
        }
        if t.kind != TokenKind::Word {
            return None;
        }
        let w = tk.lower(k);
        if k > i + 1 && (lx.is_cue("aux", w) || lx.is_cue("verb", w)) {
            return Some(k);
        }
        if matches!(w, "and" | "or" | "but" | "who" | "which" | "that" | "whom")
            || lx.attribution_verbs.contains(w)
        {
            return None;
        }
        k += 1;
    }
    None
}

/// Past another subject conjoined to the figure's (`Nine soldiers and three civilians on the
/// other side have been killed`, `two women and a child were hurt`) to the auxiliary or verb
/// both share: its token, when `i` opens such a conjunct. A figure a verb governs is no
/// subject (`killed 30 people and the gunman was arrested`), and two subjects take no singular
/// verb.
fn past_conjoined_subject(
    tk: &Tokens,
    clause: &Range<usize>,
    q: &Quantity,
    i: usize,
) -> Option<usize> {
    let lx = lexicon();
    let word = |k: usize| (k < clause.end && tk.is_word(k)).then(|| tk.lower(k));
    // Nor is a figure in a prepositional phrase a subject (`In 12 states and the District of
    // Columbia voters have approved`).
    let s = q.start_token;
    let governed = s > clause.start
        && matches!(
            tk.lower(s - 1),
            "in" | "on"
                | "at"
                | "of"
                | "for"
                | "from"
                | "by"
                | "with"
                | "to"
                | "during"
                | "after"
                | "before"
                | "over"
                | "under"
                | "into"
        );
    if word(i) != Some("and") || verb_governs(tk, q) || governed {
        return None;
    }
    let opens = |k: usize| {
        k < clause.end
            && (tk.toks[k].kind == TokenKind::Number
                || word(k).is_some_and(|w| is_determiner(w) || lx.number_word(w).is_some()))
    };
    if !opens(i + 1) {
        return None;
    }
    // A capitalised word is a name (`the United States`), no verb.
    let shared = |k: usize, w: &str| {
        !tk.raw(k).starts_with(char::is_uppercase)
            && (lx.is_cue("aux", w) || is_participle(w) || lx.is_cue("verb", w))
    };
    let mut k = i + 2;
    while k < (i + 10).min(clause.end)
        && word(k).is_some_and(|w| {
            !shared(k, w) && !matches!(w, "and" | "or" | "but" | "who" | "which" | "that")
        })
    {
        k += 1;
    }
    let plural = word(k).is_some_and(|w| shared(k, w) && !matches!(w, "is" | "was" | "has"));
    (k > i + 2 && plural).then_some(k)
}

/// Whether a figure sits in a phrase that modifies another figure's noun (`four` in `nine
/// people from four provinces died`): opened by a preposition right after a token another
/// figure owns. Such a figure is not the subject of the verb that follows.
fn modifies_another(
    tk: &Tokens,
    clause: &Range<usize>,
    q: &Quantity,
    owned_elsewhere: &dyn Fn(usize) -> bool,
) -> bool {
    let mut k = q.start_token;
    while k > clause.start && tk.is_word(k - 1) && is_determiner(tk.lower(k - 1)) {
        k -= 1;
    }
    k >= clause.start + 2
        && tk.is_word(k - 1)
        && lexicon().is_cue("modifier", tk.lower(k - 1))
        && owned_elsewhere(k - 2)
}

/// The predicate of a quantity within its clause; see [`Predicate`].
pub fn predicate(
    tk: &Tokens,
    clause: Range<usize>,
    q: &Quantity,
    counted: Option<&Counted>,
    owned_elsewhere: &dyn Fn(usize) -> bool,
) -> Option<Predicate> {
    let (text, toks) = (tk.text, &tk.toks[..]);
    let lx = lexicon();
    // `The mother of two was hurt`: what happens is said of the parent, not the children.
    if counted.is_some_and(|c| c.before(q)) {
        return None;
    }
    let word = |i: usize| {
        (i >= clause.start && i < clause.end && toks[i].kind == TokenKind::Word)
            .then(|| lower(tk, i))
    };
    // The figure as subject: past a phrase modifying it, auxiliaries, then the verb and what
    // follows it; a figure inside another's modifying phrase is no subject.
    let mut i = counted.map_or(q.end_token, |c| c.tokens.end.max(q.end_token));
    if modifies_another(tk, &clause, q, owned_elsewhere) {
        i = clause.end;
    } else if let Some(k) = past_modifier(tk, &clause, i) {
        i = k;
    } else if let Some(k) = past_conjoined_subject(tk, &clause, q, i) {
        i = k;
    }
    let mut aux = false;
    while let Some(w) = word(i) {
        let adverb = w.ends_with("ly") && w.len() > 4;
        if lx.is_cue("aux", &w) || adverb {
            aux |= !adverb;
            i += 1;
        } else {
            break;
        }
    }
    if let Some(w) = word(i).filter(|_| !owned_elsewhere(i)) {
        let head_ok = is_verb(lx, &w) || (aux && !lx.stopwords.contains(&*w));
        if head_ok && !lx.attribution_verbs.contains(&*w) {
            let start = i;
            let mut end = i + 1;
            while end < clause.end && end - start < 8 && !owned_elsewhere(end) {
                let t = &toks[end];
                let s = &text[t.span.clone()];
                let joins = t.kind == TokenKind::Word
                    || (t.glued && matches!(s, "-" | "'"))
                    || t.kind == TokenKind::Number;
                let lw = tk.lower(end);
                let ends = matches!(
                    lw,
                    "and"
                        | "but"
                        | "while"
                        | "when"
                        | "after"
                        | "as"
                        | "because"
                        | "who"
                        | "which"
                        | "that"
                        | "where"
                        | "although"
                        | "though"
                        | "before"
                        | "since"
                        | "until"
                ) || lx.attribution_verbs.contains(lw);
                if !joins || ends {
                    break;
                }
                end += 1;
            }
            return Some(Predicate {
                span: toks[start].span.start..toks[end - 1].span.end,
                head: w.into_owned(),
            });
        }
    }
    // The figure as object: the verb before it, through one preposition (`rose to 63`), and
    // past the verb's own object (`jailed him for six years`, `sentenced Ortiz to 12 years`).
    let mut j = q.start_token.checked_sub(1)?;
    let last = j;
    if word(j).is_some_and(|w| matches!(&*w, "to" | "by" | "at" | "about" | "for")) {
        let preposition = word(j).is_some_and(|w| w == "for");
        j = j.checked_sub(1)?;
        let name = |k: usize| k > clause.start && tk.raw(k).starts_with(char::is_uppercase);
        let object = word(j).is_some_and(|w| object_pronoun(&w)) || word(j).is_some() && name(j);
        if object {
            let mut k = j;
            while k > clause.start + 1 && word(k - 1).is_some() && name(k - 1) && j - k < 2 {
                k -= 1;
            }
            if let Some(v) = k.checked_sub(1).and_then(|v| word(v).map(|w| (v, w))) {
                if is_verb(lx, &v.1) && !lx.attribution_verbs.contains(&*v.1) {
                    j = v.0;
                }
            }
        } else if preposition {
            return None;
        }
    }
    let w = word(j)?;
    if is_verb(lx, &w) && !lx.attribution_verbs.contains(&*w) && !owned_elsewhere(j) {
        return Some(Predicate {
            span: toks[j].span.start..toks[last].span.end,
            head: w.into_owned(),
        });
    }
    None
}

/// Token ranges of the clauses of a sentence: split at `;`, `:`, dashes, parentheses and
/// contrastive conjunctions (`while`, `whereas`, `but`), so each party's figure keeps its own
/// attribution.
pub fn clauses(tk: &Tokens) -> Vec<Range<usize>> {
    let (text, toks) = (tk.text, &tk.toks[..]);
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in toks.iter().enumerate() {
        let s = &text[t.span.clone()];
        // `Crews dug on as the toll rose to 17`: `as` before a new subject and its verb starts
        // a clause of its own (not `such as the`, `known as the`, `as well as the`, nor `as the
        // only players with three runs`, with no verb).
        let verb_follows = || {
            (i + 2..(i + 8).min(toks.len()))
                .take_while(|&k| tk.is_word(k))
                .any(|k| is_verb(lexicon(), tk.lower(k)) || lexicon().is_cue("aux", tk.lower(k)))
        };
        let as_clause = tk.lower(i) == "as"
            && i > start
            && tk.is_word(i + 1)
            && matches!(
                tk.lower(i + 1),
                "the" | "a" | "an" | "his" | "her" | "their" | "its"
            )
            && tk.is_word(i - 1)
            && !lexicon().is_cue("not_as_clause", tk.lower(i - 1))
            && verb_follows();
        let cut_before = t.kind == TokenKind::Word
            && (matches!(tk.lower(i), "while" | "whereas" | "but") || as_clause);
        let cut_after = t.kind == TokenKind::Symbol && matches!(s, ";" | ":" | "—" | "(" | ")");
        if cut_before && i > start {
            out.push(start..i);
            start = i;
        } else if cut_after {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < toks.len() {
        out.push(start..toks.len());
    }
    out
}

/// Words a predicate search steps over: auxiliaries, adverbs and negation between a subject
/// and its verb (`have now died`, `were reportedly killed`).
const AUXILIARIES: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "may",
    "might",
    "must",
    "should",
    "can",
    "not",
    "also",
    "now",
    "still",
    "already",
    "reportedly",
    "allegedly",
    "apparently",
    "currently",
    "since",
    "then",
    "all",
    "later",
    "either",
    "both",
    "each",
    "just",
    "only",
    "confirmed",
    "officially",
    "so",
    "far",
];

/// Words that open a parenthetical after a subject (`Two children, neither of whom…, died`).
const PARENTHETICAL: &[&str] = &[
    "a",
    "an",
    "who",
    "whom",
    "whose",
    "which",
    "neither",
    "none",
    "most",
    "many",
    "some",
    "including",
    "mostly",
    "all",
    "both",
    "one",
    "among",
    "several",
    "among",
    "mainly",
    "largely",
    "nearly",
    "almost",
    "according",
];

/// The measure of a quantity: the class of its counted head unless that is generic (people);
/// else the class of its predicate, read from the clause's structure: the verb after the
/// counted phrase when the figure is a subject (`300 people were working`, `Two children,
/// neither of whom…, have died`), the word before it when an object or complement (`arrested
/// at least 300`, `a death toll of 63`, `killing 61`); else the counted head itself.
pub fn measure(
    tk: &Tokens,
    clause: Range<usize>,
    q: &Quantity,
    counted: Option<&Counted>,
    owned_elsewhere: &dyn Fn(usize) -> bool,
) -> (Option<Measure>, Option<String>) {
    let (text, toks) = (tk.text, &tk.toks[..]);
    let lx = lexicon();
    // A magnitude's scale says what it measures: `a quake of magnitude 5.8 killed 17` is
    // no count of deaths, `a magnitude-6.1 earthquake` no count of quakes.
    if q.kind == QuantityKind::Magnitude {
        return (None, None);
    }
    // `won by about 11,500 votes`, `rose by 5%`: a difference, not a level. People after
    // `by` are who did it (`was watched by 6.1m people`, `shot by two gunmen`), not a gap.
    let agents = || counted.is_some_and(|c| crate::lexical::lexical().read(&c.head).person);
    if q.kind.is_amount()
        && q.start_token > clause.start
        && tk.lower(q.start_token - 1) == "by"
        && !agents()
    {
        if let Some(c) = lx.class_of("margin") {
            let c = &lx.classes[c];
            return (
                Some(Measure {
                    key: format!("class:{}", c.name),
                    label: c.label.to_string(),
                    generic: false,
                }),
                Some("by".to_string()),
            );
        }
    }
    let class = |w: &str| lx.class_of(w).map(|c| &lx.classes[c]);
    let by_class = |c: &super::lexicon::MeasureClass| Measure {
        key: format!("class:{}", c.name),
        label: c.label.to_string(),
        generic: c.generic,
    };
    let head_class = counted.and_then(|c| class(&c.head));
    // `The mother of two was hurt`: children counted by a parent word before the figure; the
    // clause's verb is said of the parent.
    if counted.is_some_and(|c| c.before(q)) {
        return (head_class.map(by_class), None);
    }
    // A part of a whole is what is said of it (`30 of the 80 wounded remained in hospital`,
    // `two of the five injured died`); its noun names the whole.
    if let Some(c) = head_class.filter(|c| !c.generic && !c.who && q.whole.is_none()) {
        return (Some(by_class(c)), None);
    }
    // A concrete head outside every class (`three plants`) is what the figure counts; only a
    // person (`people`, `workers`, any kind of person the lexical resource knows: `climbers`)
    // or no head at all leaves the predicate to decide.
    if let (Some(c), None) = (counted, head_class) {
        if !crate::lexical::lexical().read(&c.head).person {
            let mut m = stem_measure(lx, c);
            // `missed the next four games`: what someone was absent from is not what they
            // took part in (`posted 793 yards in 14 games`).
            if let Some(v) = absence_before(tk, &clause, q.start_token) {
                m.key.push_str(ABSENT);
                m.label = format!("{} missed", m.label);
                return (Some(m), Some(v.to_string()));
            }
            return (Some(m), None);
        }
    }
    let own = q.start_token..counted.map_or(q.end_token, |c| c.tokens.end);
    let word = |i: usize| -> Option<&str> {
        (clause.contains(&i) && toks[i].kind == TokenKind::Word && !owned_elsewhere(i))
            .then(|| tk.lower(i))
    };
    let classed = |w: &str| class(w).filter(|c| !c.generic);
    let found = |w: &str| {
        let m = classed(w).map(by_class);
        (m, Some(w.to_string()))
    };
    // A class phrase starting at `i` (`lost their lives`, `forced from their homes`).
    let phrase_at = |i: usize| -> Option<(Measure, String)> {
        let first = word(i)?;
        lx.class_phrases_from(first).iter().find_map(|(words, c)| {
            let ok = words
                .iter()
                .enumerate()
                .skip(1)
                .all(|(k, w)| word(i + k).is_some_and(|x| x == *w));
            ok.then(|| (by_class(&lx.classes[*c]), words.join(" ")))
        })
    };

    // After the counted phrase: the subject's verb.
    let mut i = own.end;
    // `61 percent of the city's 476,000 registered voters cast a ballot`: the verb comes after
    // the `of` phrase.
    if counted.is_none() && tk.lower(i) == "of" && tk.is_word(i) {
        // The `of` phrase, up to a word that joins another clause (`executed two of them with
        // a bullet each and critically wounded a third`: the wounds are the third's).
        let end = clause.end.min(i + 10);
        let end = (i + 2..end)
            .find(|&k| super::frame::coordinates(tk, k))
            .unwrap_or(end);
        let span = i + 1..end;
        if let Some(found) = span.clone().find_map(phrase_at) {
            return (Some(found.0), Some(found.1));
        }
        // `treating 40 of them for serious injuries`: a part of people named before, measured
        // by what is said of them.
        if matches!(tk.lower(i + 1), "them" | "those" | "these" | "whom") {
            if let Some(k) = span
                .clone()
                .skip(1)
                .find(|&k| word(k).is_some_and(|w| classed(w).is_some()))
            {
                return found(tk.lower(k));
            }
        }
        if let Some(v) = span.into_iter().find(|&k| {
            let w = tk.lower(k);
            toks[k].kind == TokenKind::Word && (is_participle(w) || lx.is_cue("verb", w))
        }) {
            i = v;
        }
    }
    // A figure inside another's modifying phrase (`120` in `40 of the 120 passengers aboard
    // the ferry died`) is not the subject of the verb after it.
    if modifies_another(tk, &clause, q, owned_elsewhere) {
        i = clause.end;
    } else if let Some(k) = past_modifier(tk, &clause, i) {
        i = k;
    } else if let Some(k) = past_conjoined_subject(tk, &clause, q, i) {
        i = k;
    }
    if i < clause.end && is_comma(text, &toks[i]) {
        if let Some(w) = word(i + 1).filter(|w| PARENTHETICAL.contains(w) || is_participle(w)) {
            // Skip `, neither of whom had been vaccinated,` up to its closing comma.
            let _ = w;
            if let Some(close) = (i + 1..clause.end.min(i + 16)).find(|&k| is_comma(text, &toks[k]))
            {
                i = close + 1;
            }
        }
    }
    let mut steps = 0;
    while let Some(w) = word(i) {
        if steps > 5 {
            break;
        }
        steps += 1;
        // `the six months leading to the trial`: an -ing word right after a measurement
        // describes it; it is not what the figure did.
        if steps == 1 && q.unit.is_some() && w.ends_with("ing") {
            break;
        }
        if let Some((m, p)) = phrase_at(i) {
            return (Some(m), Some(p));
        }
        i += 1;
        if AUXILIARIES.contains(&w) {
            continue;
        }
        if matches!(w, "in" | "into" | "under" | "on" | "at" | "from" | "to") {
            // `are in hospital`, `went on strike`; a place (`65,000 homes in New York and New
            // Jersey lost power`) is stepped over.
            if toks
                .get(i)
                .is_some_and(|t| t.text(text).starts_with(char::is_uppercase))
            {
                while toks.get(i).is_some_and(|t| {
                    t.kind == TokenKind::Word
                        && (t.text(text).starts_with(char::is_uppercase) || t.text(text) == "and")
                }) {
                    i += 1;
                }
                continue;
            }
            // A sum's preposition names where it went or came from (`$10m from victims`),
            // not what it measures.
            if q.kind == QuantityKind::Money {
                break;
            }
            let mut k = i;
            while word(k).is_some_and(|w| matches!(w, "the" | "a" | "an" | "their")) {
                k += 1;
            }
            // A state people are in measures them (`in hospital`, `on strike`); a place they
            // are in (`in the building`) does not.
            if let Some(n) = word(k).filter(|n| classed(n).is_some() && lx.is_cue("state", n)) {
                return found(n);
            }
            break;
        }
        let verb = is_participle(w) || lx.is_cue("verb", w);
        // A class word right after the phrase is its verb (`300 died`, `40 injured`) or, after
        // an auxiliary, its complement (`were dead`); a bare noun there is something else
        // (`keeping her two kids home`).
        if classed(w).is_some()
            && (verb
                || steps > 1
                || lx.class_of(w).is_some_and(|_| {
                    matches!(w, "dead" | "missing" | "injured" | "wounded" | "hurt")
                }))
        {
            return found(w);
        }
        if verb {
            // A verb outside every class (`joined`, `took part in`): its object may name the
            // measure (`joined the strike`); past that, look no further after the figure.
            let mut k = i;
            while k < i + 4 {
                let Some(o) = word(k) else { break };
                if let Some((m, p)) = phrase_at(k) {
                    return (Some(m), Some(p));
                }
                if classed(o).is_some() {
                    return found(o);
                }
                // `were admitted to hospital`, `taken into custody`: a state reached.
                if matches!(o, "to" | "into") {
                    let mut n = k + 1;
                    while word(n).is_some_and(|w| matches!(w, "the" | "a" | "an")) {
                        n += 1;
                    }
                    if let Some(w) =
                        word(n).filter(|w| classed(w).is_some() && lx.is_cue("state", w))
                    {
                        return found(w);
                    }
                    break;
                }
                if !matches!(o, "the" | "a" | "an" | "in" | "part" | "their" | "its") {
                    break;
                }
                k += 1;
            }
            break;
        }
        if lx.stopwords.contains(w) {
            break;
        }
    }

    // Before the figure: the verb or noun that governs it.
    let mut k = q.start_token;
    let mut steps = 0;
    let mut prep = false;
    let mut after_length = false;
    while k > clause.start && steps < 4 {
        k -= 1;
        steps += 1;
        let Some(w) = word(k) else {
            break;
        };
        // `The death toll from the quake … rose to 63`: the figure is a new level of the
        // clause's subject, the first class word before the verb (but `a rise of 12%` is no
        // such verb).
        let after_prep = std::mem::replace(&mut prep, matches!(w, "to" | "at"));
        // `Vaccination coverage in the county is 82%`: a copula likewise.
        let copula = matches!(w, "is" | "are" | "was" | "were" | "remains" | "remained");
        if copula || after_prep && lx.is_cue("change", w) && !matches!(w, "up" | "down") {
            if let Some(s) =
                (clause.start..k).find_map(|j| word(j).filter(|x| classed(x).is_some()))
            {
                return found(s);
            }
            break;
        }
        // `a death toll of 63`, `arrested at least 300`, `put the number of strikers at 3,000`.
        // `jailed for eight years`: a length is what the verb before `for` lasted.
        let length = w == "for" && q.kind == QuantityKind::Measure;
        // `agreed to buy the chip maker ATI for $5.4 billion`: a sum after `for` is the price
        // of what the money verb before the object names.
        if w == "for" && q.kind == QuantityKind::Money {
            if let Some(found) = price_verb_before(tk, &clause, k, &word) {
                return found;
            }
        }
        // `jailed him for six years`, `jailed Ana Ruiz for nine years`: the verb's own object
        // stands between.
        let name = k > clause.start && tk.raw(k).starts_with(char::is_uppercase);
        let object = after_length && (object_pronoun(w) || name);
        after_length = length || w == "to" || object;
        if matches!(w, "of" | "at" | "to" | "the" | "a" | "an")
            || length
            || object
            || AUXILIARIES.contains(&w)
        {
            continue;
        }
        if classed(w).is_some() {
            // A time of day says when something was done (`arrested at 3am`); a noun before
            // it is where (`came back home at 3am`, `called to the home at 8.39am`).
            let when = matches!(
                q.kind,
                QuantityKind::Time | QuantityKind::Date | QuantityKind::Year
            );
            if when && !(is_participle(w) || lx.is_cue("verb", w)) {
                break;
            }
            // `put the value of the building at $380,600`: a sum is the amount of the head
            // of an `of` phrase when that is a measure too, not of what it is of.
            if q.kind == QuantityKind::Money {
                let mut j = k;
                while j > clause.start && word(j - 1).is_some_and(is_determiner) {
                    j -= 1;
                }
                if j >= clause.start + 2 && word(j - 1) == Some("of") {
                    if let Some(head) = word(j - 2).filter(|h| classed(h).is_some()) {
                        return found(head);
                    }
                }
            }
            return found(w);
        }
        break;
    }

    // A participle or adjective right after a bare figure: `40 injured`, `300 dead`; not
    // after a measurement, which it describes (`the six months leading to the trial`).
    if counted.is_none() && q.unit.is_none() {
        if let Some(w) = word(own.end).filter(|w| classed(w).is_some()) {
            return found(w);
        }
    }
    if let Some(c) = head_class {
        return (Some(by_class(c)), None);
    }
    if let Some(c) = counted {
        return (Some(stem_measure(lx, c)), None);
    }
    (None, None)
}

/// The money verb a sum after `for` at token `k` prices: back past the verb's object (a few
/// words, a hyphenated compound or a name, no comma), the first word of a measure class that
/// is also a money word (cue class `money`: `buy`, `sold`, `paid`).
fn price_verb_before<'t>(
    tk: &'t Tokens,
    clause: &Range<usize>,
    k: usize,
    word: &dyn Fn(usize) -> Option<&'t str>,
) -> Option<(Option<Measure>, Option<String>)> {
    let lx = lexicon();
    let mut j = k;
    let mut words = 0;
    while j > clause.start && words < 6 {
        j -= 1;
        let t = &tk.toks[j];
        // `buy Markham, Ont-based ATI for $5.4 billion`: a hyphen or a comma inside the
        // object's name.
        if t.kind == TokenKind::Symbol
            && (t.glued && t.text(tk.text) == "-" || t.text(tk.text) == ",")
        {
            continue;
        }
        let w = word(j)?;
        words += 1;
        if lx.is_cue("money", w) {
            let c = lx
                .class_of(w)
                .map(|c| &lx.classes[c])
                .filter(|c| !c.generic)?;
            let m = Measure {
                key: format!("class:{}", c.name),
                label: c.label.to_string(),
                generic: c.generic,
            };
            return Some((Some(m), Some(w.to_string())));
        }
        if lx.is_cue("verb", w) || lx.attribution_verbs.contains(w) {
            return None;
        }
    }
    None
}

/// The end of the key of a measure of what someone was absent from (`stem:game:absent`).
const ABSENT: &str = ":absent";

/// A word of absence (cue class `absence`: `missed`, `skipped`, `sat out`) governing a count
/// starting at token `start`, over determiners and words of a window between (`missed the next
/// four`, `sat out his last two`, `miss the team's final two`).
fn absence_before<'t>(tk: &'t Tokens, clause: &Range<usize>, start: usize) -> Option<&'t str> {
    let lx = lexicon();
    let mut k = start;
    for _ in 0..5 {
        if k <= clause.start || !tk.is_word(k - 1) {
            return None;
        }
        k -= 1;
        let w = tk.lower(k);
        if lx.is_cue("absence", w) {
            return Some(w);
        }
        let possessive = super::frame::possessor(w).is_some() || w.ends_with('\'');
        let between = is_determiner(w)
            || possessive
            || lx.is_cue("clock_window", w)
            || lx.is_cue("clock_left", w);
        if !(between || matches!(w, "out" | "next" | "previous" | "past")) {
            return None;
        }
    }
    None
}

/// The measure of a counted head outside every class: its stem.
fn stem_measure(lx: &Lexicon, c: &Counted) -> Measure {
    Measure {
        key: format!("stem:{}", lx.stem(&c.head)),
        label: c.head.clone(),
        generic: false,
    }
}

/// Who the clause attributes its figures to: `according to X`, `X said`, `said X`.
pub fn attribution(tk: &Tokens, clause: Range<usize>) -> Option<Attribution> {
    let (text, toks) = (tk.text, &tk.toks[..]);
    let lx = lexicon();
    // Most clauses name no source: look for a reporting verb before collecting words.
    if !clause
        .clone()
        .any(|i| toks[i].kind == TokenKind::Word && lx.any_attribution_verbs.contains(tk.lower(i)))
    {
        return None;
    }
    let words: Vec<(usize, Cow<str>)> = clause
        .clone()
        .filter(|&i| toks[i].kind == TokenKind::Word)
        .map(|i| (i, lower(tk, i)))
        .collect();
    for (k, (i, w)) in words.iter().enumerate() {
        if !lx.any_attribution_verbs.contains(&**w) {
            continue;
        }
        let weak = lx.weak_attribution_verbs.contains(&**w);
        if w == "according" {
            if words.get(k + 1).is_some_and(|(_, n)| n == "to") {
                return party(
                    text,
                    toks,
                    lx,
                    words[k + 2..].iter().take(4).map(|(i, _)| *i).collect(),
                );
            }
            continue;
        }
        // `X said`: up to three words before the verb, in the same stretch of text.
        let mut before: Vec<usize> = Vec::new();
        let mut j = *i;
        while j > clause.start && before.len() < 3 {
            j -= 1;
            if toks[j].kind != TokenKind::Word {
                break;
            }
            before.insert(0, j);
        }
        if let Some(a) = party(text, toks, lx, before) {
            // `schools reported a case` names no speaker; `police reported` does.
            if !weak || a.known {
                return Some(a);
            }
        }
        if weak {
            continue;
        }
        // `…," said Volk.`: the words right after the verb, with nothing between them.
        let after: Vec<usize> = (*i + 1..clause.end)
            .take(3)
            .take_while(|&j| toks[j].kind == TokenKind::Word)
            .collect();
        if let Some(a) = party(text, toks, lx, after) {
            return Some(a);
        }
    }
    None
}

/// Reduces candidate words to a party: a known party word, else a capitalised name.
fn party(text: &str, toks: &[Token], lx: &Lexicon, idx: Vec<usize>) -> Option<Attribution> {
    // Each word as written and lowercased once.
    let words: Vec<(usize, &str, String)> = idx
        .into_iter()
        .map(|i| {
            let w = &text[toks[i].span.clone()];
            (i, w, w.to_lowercase())
        })
        .filter(|(_, _, l)| {
            (!lx.stopwords.contains(l.as_str()) || lx.parties.contains_key(l.as_str()))
                && !lx.is_cue("weekday", l)
                && !lx.is_month(l.as_str())
        })
        .collect();
    if let Some((w, party)) = words
        .iter()
        .find_map(|(_, w, l)| lx.parties.get(l.as_str()).map(|p| (w, p)))
    {
        return Some(Attribution {
            text: w.to_string(),
            party: party.to_string(),
            known: true,
        });
    }
    let names: Vec<&(usize, &str, String)> = words
        .iter()
        .filter(|(_, w, _)| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    let last = names.last()?;
    let first = names.first()?;
    Some(Attribution {
        text: text[toks[first.0].span.start..toks[last.0].span.end].to_string(),
        party: last.2.clone(),
        known: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quantity::find_in;
    use crate::extract::token::Tokens;

    /// Runs `f` over each quantity of `s` with the tokens, its counted phrase and its clause.
    fn each_quantity<T>(
        s: &str,
        f: impl Fn(&Tokens, &Quantity, Option<Counted>, Range<usize>) -> T,
    ) -> Vec<T> {
        let tk = Tokens::new(s, 0..s.len());
        let cl = clauses(&tk);
        find_in(&tk)
            .iter()
            .map(|q| {
                let clause = cl
                    .iter()
                    .find(|r| r.contains(&q.start_token))
                    .cloned()
                    .unwrap_or(0..tk.len());
                f(&tk, q, counted(&tk, q), clause)
            })
            .collect()
    }

    /// Per quantity: its text, counted head, measure key, attribution party.
    type Row = (String, Option<String>, Option<String>, Option<String>);

    fn analyse(s: &str) -> Vec<Row> {
        each_quantity(s, |tk, q, c, clause| {
            let (m, _) = measure(tk, clause.clone(), q, c.as_ref(), &|_| false);
            let a = attribution(tk, clause);
            (
                s[q.span.clone()].to_string(),
                c.map(|c| c.head),
                m.map(|m| m.key),
                a.map(|a| a.party),
            )
        })
    }

    #[test]
    fn counted_and_measure() {
        let r = analyse("Police have arrested at least 300 individuals in Moscow.");
        assert_eq!(r[0].1.as_deref(), Some("individuals"));
        assert_eq!(r[0].2.as_deref(), Some("class:arrested"));
        let r = analyse("Over 300 people were working in the call centers.");
        assert_eq!(r[0].2.as_deref(), Some("class:staff"));
        let r = analyse("The call centres, employing around 500 staff, were raided.");
        assert_eq!(r[0].2.as_deref(), Some("class:staff"));
        let r = analyse("Police found around 500 workstations equipped with headsets.");
        assert_eq!(r[0].1.as_deref(), Some("workstations"));
        assert_eq!(r[0].2.as_deref(), Some("class:workstations"));
        let r = analyse("They face up to 10 years in prison.");
        assert_eq!(r[0].1.as_deref(), Some("prison"));
        let r = analyse("The ring defrauded tens of thousands of individuals.");
        assert_eq!(r[0].2.as_deref(), Some("class:victims"));
        let r = analyse("Authorities dismantled three fraudulent call centers.");
        assert_eq!(r[0].1.as_deref(), Some("centers"));
        // Two subjects joined share the measure of their verb.
        let r = analyse("Six guards and two cooks were hurt in the riot.");
        assert_eq!(r[0].2.as_deref(), Some("class:injured"));
        // A magnitude measures what its scale does, whatever the verb did.
        let r = analyse("A quake of magnitude 5.8 killed 17 people.");
        assert_eq!(
            (r[0].0.as_str(), r[0].2.as_deref()),
            ("magnitude 5.8", None)
        );
        assert_eq!(r[1].2.as_deref(), Some("class:killed"));
        // Walking somewhere is no strike; walking out is.
        let r = analyse("Three men walked into the bank at noon.");
        assert_eq!(r[0].2.as_deref(), Some("class:people"));
        let r = analyse("Some 900 nurses walked out on Monday.");
        assert_eq!(r[0].2.as_deref(), Some("class:strikers"));
        // A year closing a date has no things; one modifying a noun has.
        let r = analyse("In March 2011 burglars took the safe.");
        assert_eq!(r[0].1, None);
        let r = analyse("The studio set a March 2011 release.");
        assert_eq!(r[0].1.as_deref(), Some("release"));
        // `as` before a new subject opens its own clause: the toll, not the crews.
        let r = analyse("Firefighters searched the rubble as the toll rose to 23.");
        assert_eq!(r[0].2.as_deref(), Some("class:killed"));
        let r = analyse("Officers such as the 12 recruits were praised.");
        assert_eq!(r[0].1.as_deref(), Some("recruits"));
        // No verb after it: `as` is a preposition, and the clause goes on.
        let c = clauses(&Tokens::new(
            "He joined them as the only players with 3 titles.",
            0..48,
        ));
        assert_eq!(c.len(), 1);
    }

    /// Per quantity: its counted phrase and its predicate, as text.
    fn phrases(s: &str) -> Vec<(Option<String>, Option<String>)> {
        each_quantity(s, |tk, q, c, clause| {
            let p = predicate(tk, clause, q, c.as_ref(), &|_| false);
            (
                c.map(|c| s[c.span].to_string()),
                p.map(|p| s[p.span].to_string()),
            )
        })
    }

    macro_rules! counted_cases {
        ($($name:ident: $input:expr => ($counted:expr, $predicate:expr);)*) => {
            $(#[test] fn $name() {
                let got = phrases($input);
                assert_eq!(
                    got[0],
                    ($counted.map(str::to_string), $predicate.map(str::to_string)),
                    "{}",
                    $input
                );
            })*
        };
    }

    counted_cases! {
        subject_with_auxiliary: "Over 300 people were working in the call centers." => (Some("people"), Some("working in the call centers"));
        passive_subject: "12 ambulances were sent" => (Some("ambulances"), Some("sent"));
        object_participle: "A bomb exploded in the market, killing 61." => (None::<&str>, Some("killing"));
        object_of_verb: "Police have arrested at least 300 individuals in Moscow." => (Some("individuals"), Some("arrested"));
        irregular_verb: "About 20,000 people took part in the march." => (Some("people"), Some("took part in the march"));
        preposition_before: "The death toll rose to 63 on Sunday." => (None::<&str>, Some("rose to"));
        hyphenated_compound: "Police raided 12 call-centre offices." => (Some("call-centre offices"), Some("raided"));
        money_worth_of: "They stole $2.6 million worth of jewels." => (Some("jewels"), Some("stole"));
        duration_counts_nothing_after: "It happened four years ago." => (None::<&str>, Some("happened"));
        attribution_ends_predicate: "Six people died, police said." => (Some("people"), Some("died"));
        verb_right_after_a_unit: "Another 15 minutes went by before help came." => (None::<&str>, Some("went by"));
        hyphenated_unit_word: "She began a 90-day stay." => (Some("day stay"), None::<&str>);
        a_multiplier_before_its_verb: "The witness twice admitted lying." => (None::<&str>, Some("admitted lying"));
        a_subject_conjoined_to_another: "Six guards and two cooks were hurt in the riot." => (Some("guards"), Some("hurt in the riot"));
        a_subject_conjoined_to_an_article: "Three nurses and a doctor died." => (Some("nurses"), Some("died"));
        verbs_joined_after_an_object: "The gunman shot 12 people and wounded 20." => (Some("people"), Some("shot"));
        a_conjunct_with_its_own_phrase: "Four guards and two cooks from the kitchen were hurt." => (Some("guards"), Some("hurt"));
        a_new_clause_after_an_object: "The blast killed 12 people and the bomber was arrested." => (Some("people"), Some("killed"));
        a_figure_in_a_prepositional_phrase: "In 12 states and the capital voters have approved it." => (Some("states"), None::<&str>);
        a_time_plural_after_people: "The fire killed 12 people hours after the warning." => (Some("people"), Some("killed"));
        a_conjunct_with_a_name_in_it: "The firm, which has 90 staff and 12 offices in the United States, grew." => (Some("staff"), None::<&str>);
    }

    #[test]
    fn attribution_per_clause() {
        let r = analyse(
            "The union said 8,000 workers joined the strike; the company put the number at 3,000.",
        );
        assert_eq!(r[0].3.as_deref(), Some("union"));
        assert_eq!(r[1].3.as_deref(), Some("company"));
        let r = analyse(
            "Some 6,500 staff walked out, according to the union, while management counted 3,000.",
        );
        assert_eq!(r[0].3.as_deref(), Some("union"));
        assert_eq!(r[1].3.as_deref(), Some("company"));
        let r = analyse("\"Over 300 people were working there,\" said Volk.");
        assert_eq!(r[0].3.as_deref(), Some("volk"));
    }
}
