//! The identity slots of a claim: whose figure it is (its owner) and when it holds (its time
//! anchor). Two figures can only be one fact if these do not conflict: Smith's 17 passes are
//! not Jones's, a career average is not tonight's score, the 1999 quake's toll is not this
//! one's. Each slot keeps the words it was read from, for explanations.

use super::context::Measure;
use super::lexicon::lexicon;
use super::quantity::{Quantity, QuantityKind};
use super::token::{TokenKind, Tokens};
use super::Counted;
use std::ops::Range;
use std::sync::OnceLock;

const ANCHORS: &str = include_str!("../../data/anchors.tsv");
const STAMPS: &str = include_str!("../../data/stamps.txt");

/// Whether a sentence is a publication stamp (`Posted: April 24, 2013, 10:34 AM EDT`): only
/// stamp words, months, weekdays, numbers and punctuation. Its figures date the report, not
/// the event, and are no claims.
pub fn is_stamp(tk: &Tokens) -> bool {
    // Each stamp word, and whether it names a stamp (`Updated`, `GMT`) or only joins one
    // (`on`, the `th` of `24th`).
    static WORDS: OnceLock<rustc_hash::FxHashMap<&'static str, bool>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        STAMPS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| match l.split_once('\t') {
                Some((w, tag)) => (w.trim(), tag.trim() != "joins"),
                None => (l, true),
            })
            .collect()
    });
    let lx = lexicon();
    // A dateline's place opens it in capitals (`WASHINGTON, DC, April 28, 2009`, `LONDON -
    // 3 May`): stepped over, as long as it comes before any figure or date word.
    let capitals = |i: usize| {
        let w = tk.raw(i);
        w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.')
    };
    let place = tk
        .toks
        .iter()
        .enumerate()
        .take_while(|&(i, t)| {
            t.kind == TokenKind::Symbol
                || t.kind == TokenKind::Word
                    && capitals(i)
                    && !lx.is_month(tk.lower(i))
                    && !lx.is_cue("weekday", tk.lower(i))
                    && !words.contains_key(tk.lower(i))
        })
        .count();
    let (mut numbers, mut named) = (0, 0);
    for (i, t) in tk.toks.iter().enumerate().skip(place) {
        match t.kind {
            TokenKind::Number => numbers += 1,
            TokenKind::Word => {
                let w = tk.lower(i);
                if lx.is_month(w) || lx.is_cue("weekday", w) {
                    named += 1;
                } else {
                    match words.get(w) {
                        Some(&names) => named += usize::from(names),
                        None => return false,
                    }
                }
            }
            TokenKind::Address => return false,
            TokenKind::Symbol => {}
        }
    }
    // A line of figures alone (`1,234,567`, a table cell) is no stamp: a stamp says what it
    // is with a word (`Updated`, a month, a weekday, `GMT`).
    numbers > 0 && named > 0
}

/// A slot's value: a folded key to compare and the words it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// Folded for comparison: a surname (`ortiz`), an anchor class and phrase (`past`,
    /// `year:2005`).
    pub key: String,
    /// The words as written.
    pub text: String,
}

impl Slot {
    /// A slot of class `key` read from the one word at `i` (`ago`, `until`, `since`).
    fn word(tk: &Tokens, i: usize, key: &str) -> Slot {
        Slot {
            key: key.to_string(),
            text: tk.raw(i).to_string(),
        }
    }
}

/// What a claim is a fact about, beyond its measure.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Frame {
    /// The person, team or company the figure belongs to (`Ortiz, 35`, `Brand's 15.9
    /// points`, `McDermott scored 41`).
    pub owner: Option<Slot>,
    /// Another time than the event's, or a total over a span (`last season`, `career`, `in
    /// 2005`).
    pub anchor: Option<Slot>,
    /// The day of the week the figure's own phrase names (`hurt last Thursday in a 27-24
    /// loss`): for a result, which game it was.
    pub day: Option<Slot>,
    /// The part of a total the figure's own phrase picks by how or by whom (`51 by
    /// knockout`, `51 wins coming by way of knockout`, `two goals by Ruiz`): a subset, never
    /// a rival to the total.
    pub subset: Option<Slot>,
}

/// Anchor phrases by their first word, with their class.
struct Anchors {
    by_first: rustc_hash::FxHashMap<&'static str, Vec<(Vec<&'static str>, &'static str)>>,
}

fn anchors() -> &'static Anchors {
    static A: OnceLock<Anchors> = OnceLock::new();
    A.get_or_init(|| {
        let mut by_first: rustc_hash::FxHashMap<_, Vec<_>> = Default::default();
        for line in ANCHORS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let (class, phrases) = line.split_once('\t').expect("anchor<TAB>phrases");
            for p in phrases.split(',') {
                let words: Vec<&'static str> = p.split_whitespace().collect();
                if let Some(first) = words.first() {
                    by_first.entry(*first).or_default().push((words, class));
                }
            }
        }
        for list in by_first.values_mut() {
            // Longest phrase first: `so far this season` before `so far`.
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        Anchors { by_first }
    })
}

/// A margin whose clause names a record (`missed the course record by 29 seconds`) is a gap
/// to that record, not a margin over a rival: anchor `record`.
pub fn record_gap(tk: &Tokens, clause: Range<usize>, measure: Option<&Measure>) -> Option<Slot> {
    if measure.is_none_or(|m| m.key != "class:difference") {
        return None;
    }
    let lx = lexicon();
    let i = clause
        .filter(|&i| tk.is_word(i))
        .find(|&i| lx.is_cue("record_mark", tk.lower(i)))?;
    Some(Slot::word(tk, i, "record"))
}

/// A year, date or clock time that ends a term (`through the 2009-10 season`, `until 2012`,
/// `closed until 16:30`: cue class `term_end` before it): anchor `until`, never the time of
/// the event itself.
fn term_end(tk: &Tokens, clause: Range<usize>, q: &Quantity) -> Option<Slot> {
    if !matches!(
        q.kind,
        QuantityKind::Year | QuantityKind::Date | QuantityKind::Time
    ) {
        return None;
    }
    let mut k = q.start_token;
    if k > clause.start && tk.lower(k - 1) == "the" {
        k -= 1;
    }
    let i = k
        .checked_sub(1)
        .filter(|&i| i >= clause.start && tk.is_word(i))?;
    lexicon()
        .is_cue("term_end", tk.lower(i))
        .then(|| Slot::word(tk, i, "until"))
}

/// Whether the words from `i` on (`word(k)` is the lowercase word at `k`) begin a time anchor
/// phrase such as `last year`.
pub(crate) fn begins_anchor<'a>(word: impl Fn(usize) -> &'a str, i: usize) -> bool {
    anchors().by_first.get(word(i)).is_some_and(|list| {
        list.iter()
            .any(|(ws, _)| ws.iter().enumerate().all(|(k, w)| word(i + k) == *w))
    })
}

/// A word without its possessive ending (`Thursday's` → `Thursday`), if it has one.
pub(super) fn possessor(w: &str) -> Option<&str> {
    w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s"))
}

/// Whether token `i` joins two clauses of one sentence (`and`, `but`, `while`, `whereas`, `;`),
/// so a figure's phrase, and what governs it, stops there.
pub(super) fn coordinates(tk: &Tokens, i: usize) -> bool {
    matches!(tk.lower(i), "and" | "but" | "while" | "whereas" | ";")
}

fn capitalised(tk: &Tokens, i: usize) -> bool {
    tk.is_word(i) && tk.raw(i).starts_with(char::is_uppercase)
}

/// A run of capitalised words ending at token `end` (inclusive), read backwards, as a name:
/// not a sentence's first word alone, and not a month, weekday or stopword.
fn name_ending_at(tk: &Tokens, end: usize) -> Option<Range<usize>> {
    let lx = lexicon();
    let ok = |i: usize| {
        capitalised(tk, i)
            && !lx.stopwords.contains(tk.lower(i))
            && !lx.is_month(tk.lower(i))
            && !lx.is_cue("weekday", tk.lower(i))
    };
    if !ok(end) {
        return None;
    }
    let mut start = end;
    while start > 0 && ok(start - 1) && end - start < 3 {
        start -= 1;
    }
    Some(start..end + 1)
}

/// A name starting at token `start`, read forwards.
fn name_starting_at(tk: &Tokens, start: usize) -> Option<Range<usize>> {
    let lx = lexicon();
    let ok = |i: usize| {
        capitalised(tk, i) && !lx.stopwords.contains(tk.lower(i)) && !lx.is_month(tk.lower(i))
    };
    if !ok(start) {
        return None;
    }
    let mut end = start + 1;
    while ok(end) && end - start < 3 {
        end += 1;
    }
    Some(start..end)
}

fn slot_of_name(tk: &Tokens, r: Range<usize>) -> Slot {
    let last = r.end - 1;
    let key = tk.folded(last).trim_end_matches("'s").to_string();
    Slot {
        key,
        text: tk.text[tk.toks[r.start].span.start..tk.toks[last].span.end].to_string(),
    }
}

fn is_symbol(tk: &Tokens, i: usize, s: &str) -> bool {
    tk.toks
        .get(i)
        .is_some_and(|t| t.kind == TokenKind::Symbol && tk.raw(i) == s)
}

/// `re-signed Iguodala and Williams for $80 million and $25 million, respectively`: figures
/// listed before `respectively` belong, in order, to as many names listed before them. Given
/// the figures' token ranges in sentence order: the index of the first figure of the list
/// and the owner of each, when the sentence pairs them so.
pub fn respectively<I>(tk: &Tokens, figures: I) -> Option<(usize, Vec<Slot>)>
where
    I: DoubleEndedIterator<Item = Range<usize>> + ExactSizeIterator,
{
    let at = (0..tk.len()).find(|&i| tk.lower(i) == "respectively")?;
    let joins = |i: usize| tk.lower(i) == "and" || is_symbol(tk, i, ",");
    // The list of figures that ends right before `respectively`, the last one's noun aside
    // (`12, 9 and 4 points respectively`).
    let mut list: Vec<Range<usize>> = Vec::new();
    let mut first = 0;
    let mut next = at;
    for (n, f) in figures.enumerate().rev().filter(|(_, f)| f.end <= at) {
        let gap = f.end..next;
        let joined = if list.is_empty() {
            gap.len() <= 4
                && gap
                    .clone()
                    .all(|i| is_symbol(tk, i, ",") || tk.is_word(i) && !capitalised(tk, i))
        } else {
            (1..=2).contains(&gap.len()) && gap.clone().all(joins)
        };
        if !joined {
            break;
        }
        first = n;
        next = f.start;
        list.push(f);
    }
    if list.len() < 2 {
        return None;
    }
    list.reverse();
    // The names listed before the first figure, a few small words or a comma away (`for`,
    // `at`; `Ann and Eva Ortiz, 58 and 20 respectively`).
    let mut k = list[0].start;
    let mut skipped = 0;
    if k > 0 && is_symbol(tk, k - 1, ",") {
        k -= 1;
    }
    while k > 0 && skipped < 3 && tk.is_word(k - 1) && !capitalised(tk, k - 1) {
        k -= 1;
        skipped += 1;
    }
    let mut names: Vec<Slot> = Vec::new();
    let mut end = k;
    while end > 0 {
        let Some(r) = name_ending_at(tk, end - 1) else {
            break;
        };
        let start = r.start;
        names.push(slot_of_name(tk, r));
        // Separators before the name: `,`, `and`, `, and`.
        let mut j = start;
        let mut seps = 0;
        while j > 0 && joins(j - 1) && seps < 2 {
            j -= 1;
            seps += 1;
        }
        if seps == 0 {
            break;
        }
        // More names than figures: the sentence pairs them some other way.
        if names.len() == list.len() {
            let more = j > 0 && name_ending_at(tk, j - 1).is_some();
            if more {
                return None;
            }
            break;
        }
        end = j;
    }
    names.reverse();
    (names.len() == list.len()).then_some((first, names))
}

/// Whose figure it is, read from the sentence's structure around it.
pub fn owner(
    tk: &Tokens,
    clause: Range<usize>,
    q: &Quantity,
    counted: Option<&Counted>,
) -> Option<Slot> {
    let s = q.start_token;
    let e = q.end_token;
    let lx = lexicon();
    // `Ortiz, 35,` and `Ortiz (35)`: an age or count in apposition to a name; `Ortiz, now
    // 35,`, an age.
    let open = if q.kind == QuantityKind::Age && s >= 3 && matches!(tk.lower(s - 1), "now" | "then")
    {
        s - 1
    } else {
        s
    };
    if open >= 2 && (is_symbol(tk, open - 1, ",") || is_symbol(tk, open - 1, "(")) {
        let bare = counted.is_none() || q.kind == QuantityKind::Age;
        if bare {
            if let Some(r) = name_ending_at(tk, open - 2) {
                return Some(slot_of_name(tk, r));
            }
        }
    }
    // `Ortiz, aged 35`; `Ortiz, a 35-year-old salesman`: an age in an apposition.
    let apposed = |w: &str| w == "aged" || (q.kind == QuantityKind::Age && matches!(w, "a" | "an"));
    if s >= 3 && apposed(tk.lower(s - 1)) && is_symbol(tk, s - 2, ",") {
        // Not a place (`In Boston, a 17-year-old boy`) nor an opening word that may be any
        // word (`Meanwhile, a 20-year-old`), unless the report writes it only as a name.
        let placed = |r: &Range<usize>| {
            r.start > 0
                && matches!(
                    tk.lower(r.start - 1),
                    "in" | "at" | "from" | "on" | "near" | "to"
                )
        };
        let opening = |r: &Range<usize>| r.start == 0 && r.len() == 1 && !tk.named(0);
        if let Some(r) = name_ending_at(tk, s - 3).filter(|r| !placed(r) && !opening(r)) {
            return Some(slot_of_name(tk, r));
        }
    }
    // `34-year-old Horton`, `the 20-year-old Lopez`; not a nationality or a party alone
    // (`the 40-year-old American`), which is what the age is read beside, not whose name.
    if q.kind == QuantityKind::Age {
        let demonym = |r: &Range<usize>| {
            r.len() == 1 && crate::lexical::lexical().is_demonym(tk.lower(r.start))
        };
        if let Some(r) = name_starting_at(tk, e).filter(|r| !demonym(r)) {
            return Some(slot_of_name(tk, r));
        }
        // `their 8-year-old son, Oscar,`: the name in apposition to the noun the age is read
        // beside.
        if let Some(c) = counted.filter(|c| c.tokens.start == e && c.tokens.len() == 1) {
            let k = c.tokens.end;
            if k < clause.end && is_symbol(tk, k, ",") {
                if let Some(r) = name_starting_at(tk, k + 1) {
                    return Some(slot_of_name(tk, r));
                }
            }
        }
    }
    // `Brand's 15.9 points`, `the company's 500 staff`: a possessive just before the figure.
    for k in (clause.start..s).rev().take(3) {
        let w = tk.lower(k);
        if let Some(owner) = possessor(w) {
            if !owner.is_empty() && !lx.stopwords.contains(owner) && capitalised(tk, k) {
                let r = name_ending_at(tk, k).unwrap_or(k..k + 1);
                return Some(slot_of_name(tk, r));
            }
        }
        if !tk.is_word(k) {
            break;
        }
    }
    // `signed Elton Brand to an $82 million deal`, `signed Brand to a five-year, $80 million
    // contract`: the one a deal or a term is given to owns it. The figure's noun phrase may
    // open with other modifiers; a place before `to` (`from Leeds to a 40-seat hall`) owns
    // nothing.
    let mut k = s;
    while k > clause.start && s - k < 6 {
        let w = tk.lower(k - 1);
        let modifier = tk.toks[k - 1].kind == TokenKind::Number
            || is_symbol(tk, k - 1, "-")
            || is_symbol(tk, k - 1, ",")
            || tk.is_word(k - 1) && !capitalised(tk, k - 1) && !lx.stopwords.contains(w);
        if !modifier {
            break;
        }
        k -= 1;
    }
    if k >= clause.start + 3 && matches!(tk.lower(k - 1), "a" | "an") && tk.lower(k - 2) == "to" {
        if let Some(r) = name_ending_at(tk, k - 3) {
            let place = r.start > 0
                && matches!(
                    tk.lower(r.start - 1),
                    "from" | "in" | "at" | "of" | "on" | "near" | "via"
                );
            if r.start > clause.start && !place {
                return Some(slot_of_name(tk, r));
            }
        }
    }
    // `the $90 million deal that Torii Hunter got`, `the 30 goals Ruiz scored`: the name
    // that is the subject of a relative clause on what the figure counts owns it.
    if let Some(c) = counted.filter(|c| c.tokens.start >= e) {
        let mut k = c.tokens.end;
        if matches!(tk.lower(k), "that" | "which") {
            k += 1;
        }
        if k < clause.end && (k > c.tokens.end || !is_symbol(tk, k, ",")) {
            let when = lx.is_cue("weekday", tk.lower(k));
            if let Some(r) = name_starting_at(tk, k).filter(|_| !when) {
                let verb = tk.is_word(r.end) && !capitalised(tk, r.end) && {
                    let w = tk.lower(r.end);
                    w.ends_with("ed") || lx.is_cue("verb", w) || !lx.stopwords.contains(w)
                };
                if verb && r.end < clause.end {
                    return Some(slot_of_name(tk, r));
                }
            }
        }
    }
    // `McDermott scored 41 points`, `Teixeira hit 33 homers`: a name as the subject of the
    // verb right before an object figure.
    let mut k = s;
    while k > clause.start
        && matches!(
            tk.lower(k - 1),
            "a" | "an" | "the" | "his" | "her" | "their"
        )
    {
        k -= 1;
    }
    // `Blackmore is charged with marrying 20 women`, `Ivo Marsh was accused of selling 12`: a
    // chain of verbs, auxiliaries (cue class `aux`) and the prepositions between them leads
    // back to the subject, a name no lowercase word stands before but its clause's opening
    // one (`while Oler is accused of`) or a reporting verb (`Police said Ada Kerr is charged
    // with`): not `Activists from Texas`.
    let mut j = k;
    let mut verbs = 0;
    while j > clause.start + 1 && k - j < 6 && tk.is_word(j - 1) && !capitalised(tk, j - 1) {
        let w = tk.lower(j - 1);
        let verb =
            w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing")) && !lx.stopwords.contains(w);
        if !(verb || lx.is_cue("aux", w) || matches!(w, "with" | "of")) {
            break;
        }
        verbs += usize::from(verb);
        j -= 1;
    }
    if verbs >= 2 && k - j >= 3 {
        let subject = |r: &Range<usize>| {
            r.start <= clause.start + 1
                || !tk.is_word(r.start - 1)
                || lx.attribution_verbs.contains(tk.lower(r.start - 1))
        };
        if let Some(r) =
            name_ending_at(tk, j - 1).filter(|r| (r.start > 0 || r.len() > 1) && subject(r))
        {
            return Some(slot_of_name(tk, r));
        }
    }
    if k >= clause.start + 2 && tk.is_word(k - 1) && !capitalised(tk, k - 1) {
        let verb = tk.lower(k - 1);
        let verbish = verb.ends_with("ed") || lx.is_cue("verb", verb) || verb.ends_with('s');
        // `IBM had 7.2% of the market`: a verb of having makes its subject the owner.
        let having = matches!(verb, "has" | "had" | "have");
        if verbish && (having || !lx.stopwords.contains(verb)) {
            if let Some(r) = name_ending_at(tk, k - 2) {
                // Not the sentence's first word when it could be an ordinary capitalised word
                // (`Police arrested 40`): only a word the lexical resource does not know
                // (`Okafor scored 23 points`), or one the document writes only as a name
                // (`Bush missed four games` beside `Reggie Bush`).
                let unknown = || {
                    crate::lexical::lexical()
                        .lemmas(tk.lower(r.start))
                        .is_empty()
                };
                if r.start > 0 || r.len() > 1 || unknown() || tk.named(r.start) {
                    return Some(slot_of_name(tk, r));
                }
            }
        }
    }
    None
}

/// The stretch of its clause a figure's own phrase spans: from the figure outwards until
/// another figure or a coordinating word (`and`, `but`, `while`) or a semicolon, so that `It
/// employs 4,200 people and reported revenue of $610 million last year` gives `last year` to
/// the revenue only.
fn phrase(
    tk: &Tokens,
    clause: Range<usize>,
    q: &Quantity,
    figures: &[Range<usize>],
) -> Range<usize> {
    let other = |i: usize| {
        figures
            .iter()
            .any(|r| r.contains(&i) && r.start != q.start_token)
    };
    let stop = |i: usize| other(i) || coordinates(tk, i);
    let mut start = q.start_token;
    while start > clause.start && !stop(start - 1) {
        start -= 1;
    }
    let mut end = q.end_token;
    while end < clause.end && !stop(end) {
        end += 1;
    }
    start..end
}

/// When the figure holds, if another time than the event's: an anchor phrase in its own
/// phrase, or a year given there (`in 2005`, `the 1999 quake`). `figures` are the token ranges
/// of the sentence's figures, and `years` the years among them with their value.
pub fn anchor(
    tk: &Tokens,
    clause: Range<usize>,
    q: &Quantity,
    figures: &[Range<usize>],
    years: &[(usize, f64)],
) -> Option<Slot> {
    let other = time_anchor(tk, clause.clone(), q, figures, years)
        .or_else(|| possibility(tk, clause.clone(), q));
    match (term_end(tk, clause, q), other) {
        // `an extension a year ago through the 2008-09 season`: the end of an earlier term.
        (Some(end), Some(o)) => Some(Slot {
            key: format!("until {}", o.key),
            text: format!("{} … {}", o.text, end.text),
        }),
        (end, other) => end.or(other),
    }
}

/// Whether `for` or `over` and an event noun stand in `r` (`arrested for the murder of`,
/// `charged over the attack`): the cause a figure answers for.
fn cause_between(tk: &Tokens, r: Range<usize>) -> bool {
    let lexical = crate::lexical::lexical();
    r.clone().any(|k| {
        matches!(tk.lower(k), "for" | "over")
            && (k + 1..(k + 6).min(r.end)).any(|n| {
                tk.is_word(n)
                    && !lexicon().stopwords.contains(tk.lower(n))
                    && lexical.is_kind_of(&lexical.read_noun(tk.lower(n)), "event")
            })
    })
}

/// The day of the week named in a figure's own phrase (`on Sunday`, `last Thursday`), folded.
pub fn day(
    tk: &Tokens,
    clause: Range<usize>,
    q: &Quantity,
    figures: &[Range<usize>],
) -> Option<Slot> {
    let lx = lexicon();
    let own = q.start_token..q.end_token;
    // `last Thursday's 27-24 loss`: the day's possessive names it too.
    let day_word = |i: usize| possessor(tk.lower(i)).unwrap_or(tk.lower(i));
    phrase(tk, clause, q, figures)
        .filter(|i| !own.contains(i) && tk.is_word(*i))
        .find(|&i| lx.is_cue("day_name", day_word(i)))
        .map(|i| Slot::word(tk, i, day_word(i)))
}

/// The subset a figure's phrase picks with `by` right after it or after what it counts
/// (`51 by KO`, `51 wins coming by way of knockout`, `two goals by Ruiz`). Not a deadline
/// (`by Friday`, `by 2020`, `by the end of May`), a phrase with an article (`arrested by the
/// police` names who acted, not a part), or words that say when, how much or how it compares
/// (`by then`, `by far`, `by contrast`: cue class `not_by_part`).
pub fn subset(tk: &Tokens, q: &Quantity, counted: Option<&Counted>) -> Option<Slot> {
    let lx = lexicon();
    let mut k = counted
        .filter(|c| c.tokens.start >= q.end_token)
        .map_or(q.end_token, |c| c.tokens.end.max(q.end_token));
    // `four touchdowns receiving`, `404 yards rushing,`: a gerund alone after what is counted
    // says which of them; not one with words of its own after it (`300 people working in the
    // call centres`), nor a state that is its own measure (`three people missing`).
    let w = tk.lower(k);
    let alone = !tk.is_word(k + 1) || matches!(tk.lower(k + 1), "and" | "or" | "but");
    if k > q.start_token
        && tk.is_word(k)
        && w.len() > 5
        && w.ends_with("ing")
        && alone
        && lx.class_of(w).is_none()
        && !lx.stopwords.contains(w)
    {
        return Some(Slot::word(tk, k, w));
    }
    if matches!(tk.lower(k), "coming" | "came" | "all") {
        k += 1;
    }
    if tk.lower(k) != "by" {
        return None;
    }
    k += 1;
    if tk.lower(k) == "way" && tk.lower(k + 1) == "of" {
        k += 2;
    }
    let w = tk.lower(k);
    let part = tk.is_word(k)
        && !super::context::is_determiner(w)
        && !lx.is_cue("not_by_part", w)
        && !lx.is_month(w)
        && !lx.is_cue("weekday", w)
        && !lx.is_cue("day_name", w);
    part.then(|| Slot::word(tk, k, w))
}

/// The anchor of [`anchor`] other than the end of a term.
fn time_anchor(
    tk: &Tokens,
    clause: Range<usize>,
    q: &Quantity,
    figures: &[Range<usize>],
    years: &[(usize, f64)],
) -> Option<Slot> {
    // `a heart attack almost three weeks ago`, `two days earlier`: how long before, never a
    // length of time (`in hospital for four weeks`).
    // `nine days after the stroke`, `two weeks later`: an offset between two moments, which
    // alignment lets meet either; `in hospital for three weeks after surgery` is a length.
    let duration = q.unit.as_ref().is_some_and(|u| u.dimension == "duration");
    let s = q.start_token;
    let a_length = s > clause.start && matches!(tk.lower(s - 1), "for" | "in" | "within");
    if duration && q.end_token < clause.end {
        let w = tk.lower(q.end_token);
        if matches!(w, "ago" | "earlier") {
            return Some(Slot::word(tk, q.end_token, "ago"));
        }
        // `25 minutes into the flight` is an offset too.
        if !a_length && matches!(w, "later" | "after" | "before" | "into") {
            return Some(Slot::word(tk, q.end_token, "offset"));
        }
    }
    // `every 12 to 18 months`: how often, never how long.
    if duration && s > clause.start && matches!(tk.lower(s - 1), "every" | "each") {
        return Some(Slot::word(tk, s - 1, "every"));
    }
    // `has burned 900 acres since it was spotted at 2:10 p.m.`: a clock time in the clause
    // is the moment the story starts, not an earlier time.
    if let Some(since) =
        since_clause(tk, clause.clone(), q).filter(|_| q.kind != QuantityKind::Time)
    {
        return Some(since);
    }
    let a = anchors();
    let own = q.start_token..q.end_token;
    let span = phrase(tk, clause.clone(), q, figures);
    // An age is read beside its noun: a time further on is the verb's (`a 10-year-old girl
    // killed by a stray bullet last year` was ten, not ten last year).
    let reach = if q.kind == QuantityKind::Age {
        span.start..span.end.min(q.end_token + 3)
    } else {
        span.clone()
    };
    for i in reach {
        if own.contains(&i) || !tk.is_word(i) {
            continue;
        }
        let Some(list) = a.by_first.get(tk.lower(i)) else {
            continue;
        };
        for (words, class) in list {
            let fits = words
                .iter()
                .enumerate()
                .all(|(k, w)| i + k < span.end && tk.lower(i + k) == *w);
            // `can be used to record video` is a use, not a habit of the past (`used to`).
            let passive = words.first() == Some(&"used")
                && i > 0
                && matches!(
                    tk.lower(i - 1),
                    "be" | "been" | "being" | "is" | "are" | "was" | "were"
                );
            // A year or a date names its own time: `previously hosted the show in 2007` says
            // no more than `hosted the 2007 ceremony`, and is no background to it.
            let dated = matches!(q.kind, QuantityKind::Year | QuantityKind::Date);
            // `Two men are under arrest for the murder of a deputy last summer`: an earlier
            // time after the act a figure answers for is the act's, not the figure's.
            let of_a_cause =
                || *class == "past" && i > q.end_token && cause_between(tk, q.end_token..i);
            let earlier_by_date = dated && *class == "past";
            // `three plants earn on average £32,000`: an anchor right before another figure
            // is that figure's.
            let next = i + words.len();
            let anothers = figures
                .iter()
                .any(|r| r.start == next && r.start != q.start_token);
            // `30% faster than the previous chip`, `up 4% than last year`: what a figure is
            // compared with is no time of its own.
            // So is the base a change is measured from (`rose 15% from a year earlier`, `up
            // 3% on last year`, `compared with last year`), though not the figure the base
            // holds (`up from €297 million a year earlier`).
            let mut b = i;
            while b > q.end_token + 1
                && matches!(
                    tk.lower(b - 1),
                    "the" | "a" | "an" | "its" | "their" | "his" | "her"
                )
            {
                b -= 1;
            }
            let base = b > q.end_token
                && (matches!(tk.lower(b - 1), "from" | "on" | "over" | "versus" | "vs")
                    || b >= 2
                        && tk.lower(b - 2) == "compared"
                        && matches!(tk.lower(b - 1), "with" | "to"));
            let compared =
                base || i > q.end_token && (q.end_token..i).any(|k| tk.lower(k) == "than");
            if fits && !passive && !earlier_by_date && !anothers && !of_a_cause() && !compared {
                let mut last = i + words.len() - 1;
                // `the previous record at 4,051 yards`: the evidence keeps the thing that was
                // earlier (see [`earlier_thing`]).
                if words[..] == ["previous"]
                    && tk.is_word(next)
                    && !lexicon().stopwords.contains(tk.lower(next))
                {
                    last = next;
                }
                return Some(Slot {
                    key: (*class).to_string(),
                    text: tk.text[tk.toks[i].span.start..tk.toks[last].span.end].to_string(),
                });
            }
        }
    }
    // `was targeted before, in 2019`: `before` as an adverb, with nothing after it.
    if let Some(i) = span.clone().find(|&i| {
        !own.contains(&i)
            && tk.lower(i) == "before"
            && !tk.is_word(i + 1)
            && tk
                .toks
                .get(i + 1)
                .is_none_or(|t| t.kind == TokenKind::Symbol)
    }) {
        return Some(Slot::word(tk, i, "past"));
    }
    if q.kind != QuantityKind::Year {
        // The phrase stops at other figures: a year next to it (`the 1999 quake killed 40`)
        // is the one just outside, within two words.
        let near = span.start.saturating_sub(2)..span.end + 2;
        // A year that opens the clause (`In 2011, police held 25`) or names an event (`the
        // 2003 quake, which killed 26,000`) reaches across a comma; one in an aside (`a shop
        // founded in 1887, raided for 90 seconds`, `the party – founded in 2012 – will contest
        // the December 15 election`) does not, nor one after the figure in a
        // phrase that follows it (`returned it 32 yards, helping them join the 2008 Dolphins`).
        // `an injury-plagued 2010 season, missing 10 of 16 games`: a participle after the
        // comma goes on with the clause the year is in, for an amount (`in 2002 she became
        // president, making her the first woman to`: a rank holds of any time after).
        let participle_phrase = q.kind.is_amount() && {
            let mut k = q.start_token;
            while k > clause.start && tk.is_word(k - 1) {
                k -= 1;
            }
            k > clause.start
                && k < q.start_token
                && is_symbol(tk, k - 1, ",")
                && tk.lower(k).ends_with("ing")
        };
        let opens = |i: usize| {
            i < q.start_token
                && (i < clause.start + 3
                    || (i > 0 && matches!(tk.lower(i - 1), "the" | "a" | "an"))
                    // `in 2019, when thieves took £400,000`
                    || (is_symbol(tk, i + 1, ",") && tk.lower(i + 2) == "when")
                    || participle_phrase)
        };
        // The clause a `when` after a year opens is of that year, however long its subject
        // (`defeated in 2016, when it won 47.1 per cent support`).
        let when_of = |i: usize| {
            is_symbol(tk, i + 1, ",") && tk.lower(i + 2) == "when" && i + 2 < q.start_token
        };
        if let Some((i, y)) = years.iter().find(|(i, _)| {
            (near.contains(i) || when_of(*i) && q.start_token - *i <= 12)
                && clause_has(tk, q, *i, opens(*i))
        }) {
            return Some(Slot {
                key: format!("year:{y}"),
                text: tk.raw(*i).to_string(),
            });
        }
    }
    None
}

/// The thing a `past` anchor says was earlier when an adjective says so of it (`record` in
/// `the previous record at 4,051 yards`): a report that gives the figure of that thing
/// without the adjective (`broke Newton's record of 4,051 yards`) may speak of it too.
pub fn earlier_thing(anchor: &Slot) -> Option<&str> {
    let (first, thing) = anchor.text.split_once(' ')?;
    (anchor.key == "past" && first.eq_ignore_ascii_case("previous") && !thing.contains(' '))
        .then_some(thing)
}

/// A figure said only to be possible (`could be sentenced to up to 119 years`, `possibly as
/// much as $180 million`, `faces up to 10 years`, `40 more could die`): a modal of possibility
/// (cue class `possible`) governing it within its clause, before it or right after it. What
/// may happen is not what happened.
fn possibility(tk: &Tokens, clause: Range<usize>, q: &Quantity) -> Option<Slot> {
    let lx = lexicon();
    let modal = |k: usize| {
        tk.is_word(k)
            && lx.is_cue("possible", tk.lower(k))
            // `May` the month.
            && !(tk.lower(k) == "may" && tk.raw(k).starts_with('M'))
    };
    let stops = |k: usize| coordinates(tk, k) || tk.lower(k) == ",";
    let mut k = q.start_token;
    while k > clause.start && q.start_token - k < 6 {
        k -= 1;
        if stops(k) {
            break;
        }
        if modal(k) {
            return Some(Slot::word(tk, k, "possible"));
        }
    }
    // `40 more people could die`: past the counted phrase's few words.
    (q.end_token..clause.end.min(q.end_token + 4))
        .take_while(|&k| !stops(k))
        .find(|&k| modal(k))
        .map(|k| Slot::word(tk, k, "possible"))
}

/// A figure in a clause that `since` opens with its own subject and verb (`for the first
/// time since they went 5-11`, `since he scored 40 in the final`): what happened then, not
/// now, so anchor `past`. A time after `since` (`since Monday, 40 were held`) or a figure
/// before it (`held 40 since Monday`) is no such clause.
fn since_clause(tk: &Tokens, clause: Range<usize>, q: &Quantity) -> Option<Slot> {
    let lx = lexicon();
    let from = q.start_token.saturating_sub(5).max(clause.start);
    let s = (from..q.start_token)
        .rev()
        .find(|&i| tk.lower(i) == "since")?;
    let between = s + 1..q.start_token;
    let subject = between.clone().next().is_some_and(|i| {
        matches!(
            tk.lower(i),
            "he" | "she" | "they" | "it" | "we" | "i" | "you"
        )
    });
    let verb = between.clone().skip(1).any(|i| {
        let w = tk.lower(i);
        lx.is_cue("verb", w) || (w.ends_with("ed") && w.len() > 3)
    });
    let comma = between.clone().any(|i| tk.raw(i) == ",");
    (subject && verb && !comma).then(|| Slot::word(tk, s, "past"))
}

/// Whether token `i` reaches the figure with no coordinating word, closing bracket or em dash
/// between, and no comma or other dash unless the year opens the clause (`In 2011, police
/// held 25`, but not `a jeweller founded in 1887, lasted 90 seconds`, `a team (founded in
/// 1990) won 12`, `a party – founded in 2012 – seeks seats` or `in 2011 and 25 now`).
fn clause_has(tk: &Tokens, q: &Quantity, i: usize, opens_clause: bool) -> bool {
    let between = if i < q.start_token {
        i + 1..q.start_token
    } else {
        q.end_token..i
    };
    !between.clone().any(|k| {
        coordinates(tk, k)
            || matches!(tk.lower(k), ")" | "—")
            || (!opens_clause && matches!(tk.lower(k), "," | "-"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::context::{clauses, counted};
    use crate::extract::quantity::find_in;

    /// Per figure of `s`: its text, owner key and anchor key.
    fn frames(s: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let tk = Tokens::new(s, 0..s.len());
        let cl = clauses(&tk);
        let qs = find_in(&tk);
        let years: Vec<(usize, f64)> = qs
            .iter()
            .filter(|q| q.kind == QuantityKind::Year)
            .filter_map(|q| Some((q.start_token, q.value?)))
            .collect();
        let figures: Vec<Range<usize>> = qs.iter().map(|q| q.start_token..q.end_token).collect();
        qs.iter()
            .map(|q| {
                let clause = cl
                    .iter()
                    .find(|r| r.contains(&q.start_token))
                    .cloned()
                    .unwrap_or(0..tk.len());
                let c = counted(&tk, q);
                (
                    s[q.span.clone()].to_string(),
                    owner(&tk, clause.clone(), q, c.as_ref()).map(|o| o.key),
                    anchor(&tk, clause, q, &figures, &years).map(|a| a.key),
                )
            })
            .collect()
    }

    fn owner_of(s: &str, figure: &str) -> Option<String> {
        frames(s)
            .into_iter()
            .find(|f| f.0 == figure)
            .unwrap_or_else(|| panic!("{figure} not found in {s}"))
            .1
    }

    #[test]
    fn a_chain_of_verbs_leads_back_to_the_subject() {
        let s = "Prosecutors said Ada Kerr is charged with stealing 40 paintings.";
        assert_eq!(owner_of(s, "40").as_deref(), Some("kerr"));
        let s = "Ivo Marsh was accused of selling 12 forged passports.";
        assert_eq!(owner_of(s, "12").as_deref(), Some("marsh"));
        // One verb is the plain subject rule's; a noun in the chain breaks it.
        let s = "Ada Kerr signed a bill giving 20 states more money.";
        assert_eq!(owner_of(s, "20"), None);
        // Nor a name a lowercase word stands before.
        let s = "Activists from Texas were charged with blocking 3 roads.";
        assert_eq!(owner_of(s, "3"), None);
        // Nor a sentence's first word alone that may be a common word.
        let s = "Police were accused of beating 12 protesters.";
        assert_eq!(owner_of(s, "12"), None);
    }

    #[test]
    fn the_one_a_deal_is_given_to_owns_it() {
        assert_eq!(
            owner_of(
                "The club signed striker Ada Kerr to a $4 million deal.",
                "$4 million"
            )
            .as_deref(),
            Some("kerr")
        );
        assert_eq!(
            owner_of(
                "They signed Kerr to a three-year, $9 million contract.",
                "$9 million"
            )
            .as_deref(),
            Some("kerr")
        );
        // The subject of a relative clause on what is counted.
        assert_eq!(
            owner_of(
                "It dwarfs the $40 million deal that Ivo Marsh got in May.",
                "$40 million"
            )
            .as_deref(),
            Some("marsh")
        );
        assert_eq!(
            owner_of("Of the 12 goals Ruiz scored, five were headers.", "12").as_deref(),
            Some("ruiz")
        );
        assert_eq!(owner_of("She sold 12 paintings Monday.", "12"), None);
        assert_eq!(
            owner_of("They sold 12 paintings Monday morning.", "12"),
            None
        );
        // A place a move goes from is no party to what it goes to.
        assert_eq!(
            owner_of("The show moved from Leeds to a 400-seat hall.", "400"),
            None
        );
    }

    #[test]
    fn owners_in_apposition_possessive_and_subject() {
        assert_eq!(
            owner_of("The victim, Dana Reyes, 41, was a nurse.", "41").as_deref(),
            Some("reyes")
        );
        assert_eq!(
            owner_of("The driver was named as Tom Hale (52).", "52").as_deref(),
            Some("hale")
        );
        assert_eq!(
            owner_of(
                "On Friday Tom Hale, a 52-year-old plumber, was freed.",
                "52-year-old"
            )
            .as_deref(),
            Some("hale")
        );
        assert_eq!(
            owner_of("He met Tom Hale, a 52-page report in hand.", "52"),
            None
        );
        assert_eq!(
            owner_of("In Boston, a 17-year-old boy was hurt.", "17-year-old"),
            None
        );
        assert_eq!(
            owner_of("Meanwhile, a 20-year-old man fled.", "20-year-old"),
            None
        );
        assert_eq!(
            owner_of("The 29-year-old Marsh scored twice.", "29-year-old").as_deref(),
            Some("marsh")
        );
        assert_eq!(
            owner_of("The 29-year-old Canadian scored twice.", "29-year-old"),
            None
        );
        assert_eq!(
            owner_of(
                "The 29-year-old Canadian Ivo Marsh scored twice.",
                "29-year-old"
            )
            .as_deref(),
            Some("marsh")
        );
        assert_eq!(
            owner_of(
                "They dote on their 6-year-old daughter, Ines Moreau.",
                "6-year-old"
            )
            .as_deref(),
            Some("moreau")
        );
        assert_eq!(
            owner_of("Okoro's 12 rebounds led the team.", "12").as_deref(),
            Some("okoro")
        );
        assert_eq!(
            owner_of("Last year Velden had 7.2% of the market.", "7.2%").as_deref(),
            Some("velden")
        );
        assert_eq!(
            owner_of("Later Vance scored 27 points.", "27").as_deref(),
            Some("vance")
        );
        assert_eq!(owner_of("Police arrested 40 people.", "40"), None);
        assert_eq!(
            owner_of("Okafor scored 23 points.", "23").as_deref(),
            Some("okafor")
        );
        assert_eq!(owner_of("Rescuers found 12 survivors.", "12"), None);
        assert_eq!(owner_of("On Monday, 40 people marched.", "40"), None);
    }

    #[test]
    fn publication_stamps_are_told_from_sentences() {
        let stamp = |s: &str| is_stamp(&Tokens::new(s, 0..s.len()));
        assert!(stamp("Posted: Wednesday, April 24, 2013, 10:34 AM EDT"));
        assert!(stamp("Last Updated: Monday, 28 November 2005, 02:24 GMT"));
        assert!(stamp("09/10/10 08:23 PM ET"));
        assert!(stamp("4:05 PM, THU 3 OCT 2019"));
        assert!(stamp("Released 2013-09-28 05:08:35 GMT"));
        // A comment's stamp, with the half of the day in one letter.
        assert!(stamp("on Dec 23 2012, 5:03p"));
        // A dateline: a place in capitals, then the date.
        assert!(stamp("BOSTON, MA, May 3, 2011"));
        assert!(stamp("LEEDS - 3 May"));
        // A headline in capitals keeps its figures.
        assert!(!stamp("FLOOD KILLS 40 IN MAY"));
        assert!(!stamp("TWO MORE RAMS OUT"));
        assert!(!stamp("On April 24, 2013, 40 people died."));
        assert!(!stamp("Updated"));
        // Figures alone are figures (a table cell, a number on its own line).
        assert!(!stamp("1,234,567"));
        assert!(!stamp("4.800"));
        // An ordinal ending or a joining word names nothing: `22nd` alone is a rank.
        assert!(!stamp("22nd"));
        assert!(!stamp("On 3rd"));
        assert!(stamp("Updated 3rd"));
    }

    #[test]
    fn a_day_of_the_week_in_a_figures_phrase_is_its_day() {
        let day = |s: &str, fig: &str| {
            let tk = Tokens::new(s, 0..s.len());
            let qs = find_in(&tk);
            let figures: Vec<Range<usize>> =
                qs.iter().map(|q| q.start_token..q.end_token).collect();
            let q = qs.iter().find(|q| &s[q.span.clone()] == fig).expect(fig);
            day(&tk, 0..tk.len(), q, &figures).map(|d| d.key)
        };
        let s = "Ruiz was hurt last Thursday in a 21-17 loss to Denver.";
        assert_eq!(day(s, "21-17").as_deref(), Some("thursday"));
        // Another figure's phrase keeps its own day; `today` names none.
        let s = "They won 3-1 on Sunday and 2-0 on Wednesday.";
        assert_eq!(day(s, "3-1").as_deref(), Some("sunday"));
        assert_eq!(day(s, "2-0").as_deref(), Some("wednesday"));
        assert_eq!(day("They won 3-1 today.", "3-1"), None);
        assert_eq!(
            day("He hurt a knee in last Friday's 20-17 loss.", "20-17").as_deref(),
            Some("friday")
        );
    }

    #[test]
    fn anchors_place_a_figure_at_another_time() {
        let f = frames("He averaged 22 points a game last season, but scored 9 on Friday.");
        assert_eq!(f[0].2.as_deref(), Some("average"));
        let f = frames("Staff at the three depots earn on average £31,000.");
        assert_eq!(f[0].2, None);
        assert_eq!(f[1].2.as_deref(), Some("average"));
        let f = frames("He hit 40 homers a season at his peak.");
        assert_eq!(f[0].2.as_deref(), Some("average"));
        // An average of many guesses is no rate over games: `the average forecast` is a
        // consensus, and the figures beside it are single figures.
        let f = frames("The firm earned 92 cents, above the average forecast of 88 cents.");
        assert_eq!((f[0].2.as_deref(), f[1].2.as_deref()), (None, None));
        let f = frames("She scored an average of 21 points.");
        assert_eq!(f[0].2.as_deref(), Some("average"));
        // The base of a change is no time of the change; the figure of the base is of then.
        let f = frames("Sales rose 15% from a year earlier.");
        assert_eq!(f[0].2, None);
        let f = frames("It was a 10-win improvement over the previous season.");
        assert_eq!(f[0].2, None);
        let f = frames("Profit rose to $9m, up from $7m a year earlier.");
        assert_eq!(f[1].2.as_deref(), Some("past"));
        let f = frames("The jet crashed 12 minutes into the flight.");
        assert_eq!(f[0].2.as_deref(), Some("offset"));
        let f = frames("It failed in 2016, when the party won 47.1 per cent.");
        assert_eq!(f[1].2.as_deref(), Some("year:2016"));
        // The figure in a `since` clause is of then; a clock time there is the story's start.
        let f = frames("They have won 9 games since they lost 12 in a row.");
        assert_eq!(f[1].2.as_deref(), Some("past"));
        let f = frames("It has burned 900 acres since it was spotted at 2:10 p.m. Friday.");
        assert_eq!(f[1].2, None);
        let f = frames("Only five teams won 14 games in a season.");
        assert_eq!(f[1].2.as_deref(), Some("span"));
        let f = frames("The league - formed in 2019 - plays its final on June 4.");
        assert_eq!(f[1].2, None);
        let f = frames("The party — founded in 2012 — won 12 seats.");
        assert_eq!(f[1].2, None);
        let f = frames("The team (founded in 1990) won 12 games.");
        assert_eq!(f[1].2, None);
        let f = frames("The 1998 flood killed 40 people; this one killed 12.");
        assert_eq!(f[1].2.as_deref(), Some("year:1998"));
        assert_eq!(f[2].2, None);
        let f = frames("The lab ships a new chip every 12 to 18 months.");
        assert_eq!(f[0].2.as_deref(), Some("every"));
        let f = frames("It is their worst run since they went 5-11 in 2019.");
        assert_eq!(f[0].2.as_deref(), Some("past"));
        // A season or a span named as the one before is an earlier time.
        let f = frames("It dwarfs the $40 million deal the club agreed last summer.");
        assert_eq!(f[0].2.as_deref(), Some("past"));
        let f = frames("Only 12 were sold the previous season.");
        assert_eq!(f[0].2.as_deref(), Some("past"));
        // What a figure is compared with is no time of its own.
        let f = frames("The new engine is 20% lighter than the previous model.");
        assert_eq!(f[0].2, None);
        let f = frames("The previous model was 20% lighter.");
        assert_eq!(f[0].2.as_deref(), Some("past"));
        // The time of the act a figure answers for is the act's.
        let f = frames("Two men are under arrest for the murder of a guard last summer.");
        assert_eq!(f[0].2, None);
        let f = frames("Six people died in a similar attack last summer.");
        assert_eq!(f[0].2.as_deref(), Some("past"));
        let f = frames("Since Monday, police have held 40 people.");
        assert_eq!(f[0].2, None);
        let f = frames("Police have held 40 people since Monday.");
        assert_eq!(f[0].2, None);
        let f = frames("She fell ill three weeks ago and was in hospital for two weeks.");
        assert_eq!(f[0].2.as_deref(), Some("ago"));
        assert_eq!(f[1].2, None);
        // By the figure's index in its sentence: an offset between two moments, however it is
        // worded, while a length stays a length; a passive `be used to` is no habit; an age is
        // read beside its noun, a time further on being the verb's; what may happen is not
        // what happened.
        for (s, i, want) in [
            ("He died four days after the fall.", 0, Some("offset")),
            ("The bridge reopened two weeks later.", 0, Some("offset")),
            (
                "She stayed in hospital for three weeks after surgery.",
                0,
                None,
            ),
            ("Its 12-megapixel camera can be used to film.", 0, None),
            ("He used to run 40 miles a week.", 0, Some("past")),
            (
                "The 9-year-old boy hit by a car on the bridge last year has recovered.",
                0,
                None,
            ),
            ("She was 24 years old last year.", 0, Some("past")),
            (
                "He could be sentenced to up to 30 years in prison.",
                0,
                Some("possible"),
            ),
            (
                "The bid was possibly as much as $90 million.",
                0,
                Some("possible"),
            ),
            (
                "Officials fear 40 more people could die.",
                0,
                Some("possible"),
            ),
            ("He was sentenced to 30 years in May.", 0, None),
        ] {
            assert_eq!(frames(s)[i].2.as_deref(), want, "{s}");
        }
        let f = frames("Rescuers found 12 survivors.");
        assert_eq!(f[0].2, None);
        // `last year` belongs to the revenue, not to the staff of the other conjunct.
        let f = frames("It employs 4,200 people and reported revenue of $610 million last year.");
        assert_eq!(f[0].2, None);
        assert_eq!(f[1].2.as_deref(), Some("past"));
        // A year in an aside belongs to the aside.
        let f = frames("The shop, founded in 1887, was raided for 90 seconds.");
        assert_eq!(f[1].2, None);
        let f = frames("In 2011, police held 25 people.");
        assert_eq!(f[1].2.as_deref(), Some("year:2011"));
        // A participle after the comma goes on with the year's clause.
        let f = frames("Ruiz had a poor 2009 season, scoring six goals in all.");
        assert_eq!(f[1].2.as_deref(), Some("year:2009"));
        let f = frames("Ruiz joined in 2009, and scored six goals.");
        assert_eq!(f[1].2, None);
        let f = frames("The shop was robbed before, in 2019, when thieves took £400,000.");
        assert!(f[1].2.is_some());
        let f = frames("He recalled the 2003 quake, which killed 26,000 people.");
        assert_eq!(f[1].2.as_deref(), Some("year:2003"));
        // A year after the figure, past a comma, names the next phrase's thing.
        let f = frames("She swam 400 metres, beating the 2016 champion by a length.");
        assert_eq!(f[0].2, None);
        let f = frames("She swam 400 metres in the 2016 final.");
        assert_eq!(f[0].2.as_deref(), Some("year:2016"));
    }
}
