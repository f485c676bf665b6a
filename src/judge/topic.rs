//! Finding topics in a reader's words: what a figure is about, built from what it counts, the
//! predicate and the noun phrase around it, and the periods and places beside it — `people
//! killed`, `contract length`, `rounds of ammunition`, `inflation (March, year on year)` —
//! rather than the names of measure classes (`margin`, `rates`).
//!
//! Naming reads only an [`Evidence`] per claim (the claim's existing fields, sliced from its
//! document), so it does not depend on how claims are paired. Each claim proposes a phrase and
//! qualifiers; a finding takes the phrase most of its claims propose and the qualifiers more
//! than half of them share. Word lists are data: `data/topics.tsv`.

use crate::extract::token::{TokenKind, Tokens};
use crate::extract::{dimension, lexicon, Claim, Measure, QuantityKind};
use crate::Analysis;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;
use std::sync::OnceLock;

/// What topic naming reads of one claim. Ranges are byte ranges into `text`.
#[derive(Debug, Clone)]
pub struct Evidence<'a> {
    /// The normalized text of the claim's document.
    pub text: &'a str,
    pub sentence: Range<usize>,
    pub figure: Range<usize>,
    /// The phrase the figure counts (`people`, `-year contract`).
    pub counted: Option<Range<usize>>,
    /// What is said to happen to it (`were killed`, `rose to`).
    pub predicate: Option<Range<usize>>,
    pub kind: QuantityKind,
    /// `length`, `money:USD`, `percent`, `count`.
    pub dimension: String,
    pub measure: Option<&'a Measure>,
    /// The institution the claim is attributed to (`union`, `police`); not a named person.
    pub party: Option<&'a str>,
}

impl<'a> Evidence<'a> {
    /// The evidence of a figure claim of document `a`.
    pub fn of(a: &'a Analysis, c: &'a Claim) -> Evidence<'a> {
        // Only institutions (`the union`, `police`) qualify a topic; a named person does not.
        let party = c
            .attribution
            .as_ref()
            .filter(|x| x.text.chars().next().is_some_and(char::is_lowercase))
            .map(|x| x.party.as_str())
            .filter(|p| p.chars().all(|ch| ch.is_ascii_lowercase()));
        Evidence {
            text: a.normalized.text(),
            sentence: a.sentences[c.sentence].span.clone(),
            figure: c.quantity.span.clone(),
            counted: c.counted.as_ref().map(|k| k.span.clone()),
            predicate: c.predicate.as_ref().map(|p| p.span.clone()),
            kind: c.quantity.kind,
            dimension: dimension(&c.quantity),
            measure: c.measure.as_ref(),
            party,
        }
    }
}

/// A finding's topic without its qualifiers (`people killed`).
pub fn bare(claims: &[Evidence]) -> String {
    let readings: Vec<Reading> = claims.iter().map(read).collect();
    bare_from(&readings)
}

/// [`bare`] from the claims' readings.
pub(crate) fn bare_from(readings: &[Reading]) -> String {
    vote(readings.iter().map(|r| r.phrase.as_str()))
}

/// The topic of a finding whose claims are `claims` (at least one).
pub fn name(claims: &[Evidence]) -> String {
    let readings: Vec<Reading> = claims.iter().map(read).collect();
    name_from(&readings, claims)
}

/// [`name`] from the claims' readings (in the order of `claims`).
pub(crate) fn name_from(readings: &[Reading], claims: &[Evidence]) -> String {
    let mut phrase = vote(readings.iter().map(|r| r.phrase.as_str()));
    let n = readings.len();
    // Qualifiers more than half the claims share, in the order first seen.
    let mut quals: Vec<&str> = Vec::new();
    for r in readings {
        for q in &r.qualifiers {
            let shared = readings.iter().filter(|o| o.qualifiers.contains(q)).count();
            if 2 * shared > n && !quals.contains(&q.as_str()) {
                quals.push(q);
            }
        }
    }
    quals.truncate(3);
    let party = claims[0]
        .party
        .filter(|p| claims.iter().all(|c| c.party == Some(*p)));
    let mut parts: Vec<String> = quals.iter().map(|q| q.to_string()).collect();
    if let Some(p) = party {
        parts.push(format!("per {p}"));
    }
    if !parts.is_empty() {
        phrase.push_str(&format!(" ({})", parts.join(", ")));
    }
    phrase
}

/// The phrase proposed most often (compared without case); ties go to the earliest claim.
fn vote<'a>(phrases: impl Iterator<Item = &'a str>) -> String {
    let phrases: Vec<&str> = phrases.collect();
    // Each phrase's count, once: by pairs for the few claims of a usual finding, through a
    // table for an event of many reports.
    let counts: Vec<usize> = if phrases.len() <= 16 {
        let count = |p: &str| phrases.iter().filter(|o| o.eq_ignore_ascii_case(p)).count();
        phrases.iter().map(|p| count(p)).collect()
    } else {
        let mut table: HashMap<String, usize> = HashMap::default();
        for p in &phrases {
            *table.entry(p.to_ascii_lowercase()).or_default() += 1;
        }
        phrases
            .iter()
            .map(|p| table[&p.to_ascii_lowercase()])
            .collect()
    };
    let mut best = 0;
    for k in 1..phrases.len() {
        if counts[k] > counts[best] {
            best = k;
        }
    }
    phrases[best].to_string()
}

/// What one claim proposes.
#[derive(Debug, Clone)]
pub(crate) struct Reading {
    phrase: String,
    /// Periods and places (`March`, `year on year`, `Central Park`).
    qualifiers: Vec<String>,
}

/// The word lists of `data/topics.tsv`.
struct Words {
    people: HashMap<&'static str, &'static str>,
    /// Dimension → (after a noun, alone).
    dimension: HashMap<&'static str, (&'static str, &'static str)>,
    change: HashMap<&'static str, &'static str>,
    /// Period phrases as word sequences (hyphens dropped), longest first, with qualifier.
    period: Vec<(Vec<&'static str>, &'static str)>,
    /// The words a period phrase can begin with.
    period_first: HashSet<&'static str>,
    tail: HashSet<&'static str>,
    link: HashSet<&'static str>,
    place: HashSet<&'static str>,
    /// Person nouns that say nothing of who (`people`, `individuals`).
    anyone: HashSet<&'static str>,
    /// Words said of people that count them (`30 dead`), besides participles.
    adjective: HashSet<&'static str>,
}

const TOPICS: &str = include_str!("../../data/topics.tsv");

fn parse(src: &'static str) -> Result<Words, String> {
    let mut w = Words {
        people: HashMap::default(),
        dimension: HashMap::default(),
        change: HashMap::default(),
        period: Vec::new(),
        period_first: HashSet::default(),
        tail: HashSet::default(),
        link: HashSet::default(),
        place: HashSet::default(),
        anyone: HashSet::default(),
        adjective: HashSet::default(),
    };
    for (n, line) in src.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let bad = |why: &str| format!("data/topics.tsv line {}: {why}: {line:?}", n + 1);
        let field = |i: usize| {
            f.get(i)
                .copied()
                .filter(|s| !s.trim().is_empty())
                .ok_or_else(|| bad(&format!("field {} missing", i + 1)))
        };
        let key = field(1)?;
        if key != key.to_lowercase() {
            return Err(bad("words must be lowercase"));
        }
        match f[0] {
            "people" => {
                w.people.insert(key, field(2)?);
            }
            "dimension" => {
                w.dimension.insert(key, (field(2)?, field(3)?));
            }
            "change" => {
                w.change.insert(key, field(2)?);
            }
            "period" => {
                let words: Vec<&str> = key.split([' ', '-']).filter(|s| !s.is_empty()).collect();
                let Some(&first) = words.first() else {
                    return Err(bad("a period needs a word"));
                };
                w.period_first.insert(first);
                w.period.push((words, field(2)?));
            }
            "tail" => {
                w.tail.insert(key);
            }
            "link" => {
                w.link.insert(key);
            }
            "place" => {
                w.place.insert(key);
            }
            "anyone" => {
                w.anyone.insert(key);
            }
            "adjective" => {
                w.adjective.insert(key);
            }
            other => return Err(bad(&format!("unknown table {other:?}"))),
        }
    }
    w.period.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    Ok(w)
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| parse(TOPICS).expect("data/topics.tsv parses (tested)"))
}

/// A claim's sentence as tokens, with the figure's place among them.
struct Sentence<'a> {
    tk: Tokens<'a>,
    /// Token range of the figure.
    figure: Range<usize>,
    /// Token range of the counted phrase (empty at the figure's end when there is none).
    counted: Range<usize>,
    predicate: Range<usize>,
    /// Token 0 is the sentence's first word (the window was not cut).
    starts_sentence: bool,
}

/// Bytes of text either side of a figure that naming reads.
const WINDOW: usize = 200;
/// Bytes of the document either side of a sentence searched for a word written in lowercase.
const NEARBY: usize = 16 * 1024;

impl<'a> Sentence<'a> {
    fn new(e: &Evidence<'a>) -> Sentence<'a> {
        // Only the words near the figure matter: a window keeps the cost per claim bounded
        // in a sentence of megabytes.
        let end_of = |r: &Option<Range<usize>>| r.as_ref().map_or(0, |r| r.end);
        let last = e
            .figure
            .end
            .max(end_of(&e.counted))
            .max(end_of(&e.predicate));
        let mut start = e.figure.start.saturating_sub(WINDOW).max(e.sentence.start);
        let starts_sentence = start == e.sentence.start;
        if !starts_sentence {
            // Start at a word boundary.
            while !e.text.is_char_boundary(start) {
                start += 1;
            }
            start = e.text[start..e.figure.start]
                .find(char::is_whitespace)
                .map_or(e.figure.start, |k| start + k);
        }
        let mut end = (last + WINDOW).min(e.sentence.end);
        while !e.text.is_char_boundary(end) {
            end -= 1;
        }
        let tk = Tokens::new(e.text, start..end.max(start));
        let first_from = |pos: usize| {
            tk.toks
                .iter()
                .position(|t| t.span.start >= pos)
                .unwrap_or(tk.len())
        };
        let tokens = |r: &Range<usize>| first_from(r.start)..first_from(r.end);
        let figure = tokens(&e.figure);
        let counted = e.counted.as_ref().map_or(figure.end..figure.end, tokens);
        let predicate = e.predicate.as_ref().map_or(0..0, tokens);
        Sentence {
            tk,
            figure,
            counted,
            predicate,
            starts_sentence,
        }
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.tk.is_word(i).then(|| self.tk.lower(i))
    }

    fn raw(&self, i: usize) -> &'a str {
        self.tk.raw(i)
    }

    fn is_symbol(&self, i: usize, s: &str) -> bool {
        self.tk
            .toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Symbol)
            && self.raw(i) == s
    }

    /// The text of tokens `r`, as written (hyphenated compounds kept whole).
    fn text(&self, r: Range<usize>) -> String {
        if r.is_empty() {
            return String::new();
        }
        let t = &self.tk.toks;
        self.tk.text[t[r.start].span.start..t[r.end - 1].span.end].to_string()
    }

    /// Whether token `i` starts with a capital letter and is not the sentence's first word.
    fn is_name(&self, i: usize) -> bool {
        (i > 0 || !self.starts_sentence)
            && self.tk.is_word(i)
            && self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }
}

fn is_stop(w: &str) -> bool {
    lexicon().stopwords.contains(w)
}

fn is_verb(w: &str) -> bool {
    let lx = lexicon();
    lx.is_cue("verb", w)
        || lx.is_cue("aux", w)
        || lx.is_cue("change", w)
        || ((w.ends_with("ed") || w.ends_with("ing")) && w.len() > 4)
}

/// A word that names a kind of person (`people`, `men`, `workers`).
fn is_person(w: &str) -> bool {
    let lx = lexicon();
    lx.class_of(w)
        .is_some_and(|k| lx.classes[k].generic || lx.classes[k].who)
}

/// `prices` → `price`, for a noun used before another (`price rise`).
fn singular(w: &str) -> String {
    if let Some(s) = w.strip_suffix("ies").filter(|s| s.len() > 2) {
        return format!("{s}y");
    }
    match w.strip_suffix('s') {
        Some(s) if w.len() > 3 && !s.ends_with(['s', 'u', 'i']) => s.to_string(),
        _ => w.to_string(),
    }
}

/// `pressure` + `pressure` is `pressure`; `raid` + `duration` is `raid duration`; a phrase
/// with `of` goes after (`value of pieces of jewellery`).
fn compound(np: &str, noun: &str) -> String {
    let last = np.rsplit(' ').next().unwrap_or(np);
    if singular(last).eq_ignore_ascii_case(noun) || np.is_empty() {
        return noun.to_string();
    }
    if np.contains(" of ") {
        return format!("{noun} of {np}");
    }
    match np.rsplit_once(' ') {
        Some((front, last)) => format!("{front} {} {noun}", singular(last)),
        None => format!("{} {noun}", singular(np)),
    }
}

pub(crate) fn read(e: &Evidence) -> Reading {
    let s = Sentence::new(e);
    let mut qualifiers = Vec::new();
    let phrase = phrase(e, &s, &mut qualifiers).unwrap_or_else(|| fallback(e));
    periods(&s, &mut qualifiers);
    places(&s, &mut qualifiers);
    // A qualifier the phrase already says is not repeated.
    let lower = phrase.to_lowercase();
    qualifiers.retain(|q| !lower.contains(&q.to_lowercase()));
    let mut seen = Vec::new();
    qualifiers.retain(|q| {
        let fresh = !seen.contains(q);
        seen.push(q.clone());
        fresh
    });
    Reading { phrase, qualifiers }
}

/// When nothing in the sentence names the figure: its measure class (`prison sentence`), a
/// measurement's dimension (`distance`), the stem it counts, else its dimension.
fn fallback(e: &Evidence) -> String {
    if let Some(m) = e.measure.filter(|m| m.key.starts_with("class:")) {
        return m.label.clone();
    }
    if e.kind == QuantityKind::Measure {
        if let Some((_, alone)) = dimension_nouns(e) {
            return alone;
        }
    }
    if let Some(m) = e.measure.filter(|m| !m.label.is_empty()) {
        return m.label.clone();
    }
    match e.dimension.strip_prefix("money:") {
        Some(code) => format!("sum in {code}"),
        None => match e.dimension.as_str() {
            "count" => "number".to_string(),
            "percent" => "percentage".to_string(),
            "percentage_points" => "percentage points".to_string(),
            d => d.replace('_', " "),
        },
    }
}

/// The dimension's nouns: (after a noun, alone), or the dimension's own name for both.
fn dimension_nouns(e: &Evidence) -> Option<(String, String)> {
    let d = if e.dimension.starts_with("money:") {
        "money"
    } else {
        e.dimension.as_str()
    };
    if matches!(d, "count" | "multiplier" | "magnitude") {
        return None;
    }
    Some(match words().dimension.get(d) {
        Some((after, alone)) => (after.to_string(), alone.to_string()),
        None => {
            let d = d.replace('_', " ");
            (d.clone(), d)
        }
    })
}

fn phrase(e: &Evidence, s: &Sentence, qualifiers: &mut Vec<String>) -> Option<String> {
    let (counted, material) = match counted_phrase(e, s) {
        Some((c, m)) => (Some(c), m),
        None => (None, false),
    };
    let pred_head = participle(s, e.kind.is_amount());
    match e.kind {
        QuantityKind::Age => {
            // An age is a person's, whatever happened to them: with no one named, the
            // topic is the age, not the measure its verb gives (`dies at 91` is no toll).
            let Some(who) = counted.or_else(|| name_before(s)) else {
                return Some("age".to_string());
            };
            return Some(if who.ends_with('s') && !who.ends_with("ss") {
                format!("{who}' age")
            } else {
                format!("{who}'s age")
            });
        }
        QuantityKind::Year | QuantityKind::Date | QuantityKind::Time => {
            let what = match e.kind {
                QuantityKind::Year => "year",
                QuantityKind::Date => "date",
                _ => "time",
            };
            return Some(match pred_head {
                Some(p) => format!("{what} {p}"),
                None => what.to_string(),
            });
        }
        QuantityKind::Ordinal => return counted.map(|c| format!("which {c}")),
        QuantityKind::Magnitude => return Some("magnitude".to_string()),
        QuantityKind::Identifier => return counted,
        _ => {}
    }
    let w = words();
    // People a predicate says something of: `people killed`, `men arrested`, `staff`.
    let class = e.measure.and_then(|m| m.key.strip_prefix("class:"));
    let share = e.kind == QuantityKind::Percent;
    if let Some(topic) = class.and_then(|c| w.people.get(c)).filter(|_| !share) {
        let head = counted_head(s);
        let lx = lexicon();
        let head_is_class = head.as_deref().is_some_and(|h| {
            lx.class_of(h)
                .is_some_and(|k| class == Some(lx.classes[k].name))
        });
        // `120 injured`, `30 dead`: the class word itself, said of people.
        let adjectival = head_is_class
            && head
                .as_deref()
                .is_some_and(|h| h.ends_with("ed") || w.adjective.contains(h));
        let person = head.as_deref().filter(|h| is_person(h));
        if head.is_none() || person.is_some() || adjectival {
            let noun = person.filter(|h| !w.anyone.contains(h));
            return Some(match (topic.strip_prefix("people "), noun) {
                (Some(rest), Some(noun)) => format!("{noun} {rest}"),
                _ => topic.to_string(),
            });
        }
    }
    let dims = dimension_nouns(e);
    if let Some(c) = counted {
        return Some(match (&dims, e.kind) {
            (_, QuantityKind::Percent) => format!("share of {c}"),
            (Some(_), QuantityKind::Money) => {
                let head = c.rsplit(' ').next().unwrap_or(&c).to_lowercase();
                if lexicon().is_cue("money", &head) {
                    c
                } else {
                    compound(&c, "value")
                }
            }
            (Some(_), QuantityKind::Measure) if material => c,
            (Some((after, _)), QuantityKind::Measure) => compound(&c, after),
            _ => match pred_head {
                // A generic person with something done to them: `people stranded`.
                Some(p) if counted_head(s).is_some_and(|h| is_person(&h)) => {
                    format!("{c} {p}")
                }
                _ => c,
            },
        });
    }
    let (np, change) = noun_phrase(e, s, qualifiers)?;
    // A name before a measurement or a sum (`Hartwell & Sons, …, lasted 90 seconds`) is who,
    // not what.
    let named = np
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    if named && change.is_none() && dims.is_some() {
        return None;
    }
    Some(match (change, &dims) {
        (Some(how), _) => compound(&np, how),
        (None, Some((_, alone))) if e.kind == QuantityKind::Measure => {
            if alone == "distance" {
                // `burnt out 5 miles away`: the noun before a distance is rarely what it measures.
                return None;
            }
            compound(&np, alone)
        }
        (None, Some(_)) if e.kind == QuantityKind::Money => {
            let head = np.rsplit(' ').next().unwrap_or(&np).to_lowercase();
            if lexicon().is_cue("money", &head) {
                np
            } else {
                compound(&np, "value")
            }
        }
        _ => np,
    })
}

/// The predicate's head when it is a participle that can follow a noun (`stranded`,
/// `working`), not a linking word (`including`).
fn participle(s: &Sentence, passive_only: bool) -> Option<String> {
    let lx = lexicon();
    let i = s.predicate.clone().find(|&i| {
        s.word(i)
            .is_some_and(|w| !lx.is_cue("aux", w) && !is_stop(w))
    })?;
    let w = s.word(i)?;
    // `were stranded`, `were working`; not a finite verb (`received treatment`) nor a
    // clause of its own (`giving children a snow day`).
    let after_aux = i > 0 && s.word(i - 1).is_some_and(|a| lx.is_cue("aux", a));
    let fits = (w.ends_with("ed") || w.ends_with("ing"))
        && (!passive_only || after_aux)
        && w.len() > 4
        && !matches!(
            w,
            "including" | "according" | "excluding" | "following" | "regarding"
        );
    fits.then(|| w.to_string())
}

/// The counted phrase's last word, lowercase.
fn counted_head(s: &Sentence) -> Option<String> {
    words_of_counted(s, false).map(|(r, _)| s.tk.folded(r.end - 1).into_owned())
}

/// The counted phrase's tokens without what belongs to the figure (its unit), a leading `of`,
/// determiners and possessives, and what trails into where or when; and whether it is a
/// material measured (`8 inches of snow`) rather than a thing the figure describes (`an
/// eight-year contract`).
fn words_of_counted(s: &Sentence, age: bool) -> Option<(Range<usize>, bool)> {
    let w = words();
    let mut r = s.counted.start.max(s.figure.end)..s.counted.end;
    // `a 12-man jury`: the hyphen and the word glued to the figure make an adjective of it.
    if r.start == s.figure.end
        && s.is_symbol(r.start, "-")
        && s.tk.toks[r.start].glued
        && s.tk.toks.get(r.start + 1).is_some_and(|t| t.glued)
        && r.start + 2 < r.end
    {
        r.start += 2;
    }
    while r.start < r.end && !s.tk.is_word(r.start) {
        r.start += 1;
    }
    if let Some(first) = s.word(r.start) {
        // `off Cape Cod`, `in prison`: where, not a thing counted.
        if w.place.contains(first) {
            return None;
        }
    }
    let material = s.word(r.start) == Some("of");
    // `a 33-year-old actress's rep`: the age is the actress's.
    if let Some(p) = (r.start..r.end).find(|&i| s.raw(i).ends_with("'s")) {
        if age {
            r.end = p + 1;
        }
    }
    while r.start < r.end {
        let word = s.word(r.start);
        let possessive = s.raw(r.start).ends_with("'s") && !(age && r.start + 1 == r.end);
        if word.is_some_and(is_stop) || possessive || !s.tk.is_word(r.start) {
            r.start += 1;
        } else {
            break;
        }
    }
    if let Some(cut) = (r.start..r.end).find(|&i| s.word(i).is_some_and(|x| w.tail.contains(x))) {
        r.end = cut;
    }
    // `fully loaded magazines` is read as `fully`: an adverb counts nothing.
    while r.end > r.start
        && s.word(r.end - 1)
            .is_none_or(|x| x.ends_with("ly") || is_stop(x))
    {
        r.end -= 1;
    }
    // Head and two modifiers at most.
    let mut kept = 0;
    let mut start = r.end;
    while start > r.start && kept < 3 {
        start -= 1;
        if s.tk.is_word(start) && !s.tk.toks[start].glued {
            kept += 1;
        }
    }
    r.start = start;
    while r.start < r.end && !s.tk.is_word(r.start) {
        r.start += 1;
    }
    (!r.is_empty()).then_some((r, material))
}

/// The name just before a figure (`Tara Reid, 33,`, `Reid, aged 33`).
fn name_before(s: &Sentence) -> Option<String> {
    let mut end = s.figure.start;
    while end > 0 && (s.is_symbol(end - 1, ",") || s.word(end - 1) == Some("aged")) {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && end - start < 3 && s.is_name(start - 1) {
        start -= 1;
    }
    (start < end).then(|| s.text(start..end))
}

/// The counted phrase as a topic, with an `of` phrase after it (`rounds of ammunition`), and
/// whether it is a material measured (see [`words_of_counted`]).
fn counted_phrase(e: &Evidence, s: &Sentence) -> Option<(String, bool)> {
    let age = e.kind == QuantityKind::Age;
    let (mut r, material) = words_of_counted(s, age)?;
    if age {
        return Some((s.text(r).trim_end_matches("'s").to_string(), false));
    }
    if r.end == s.counted.end && s.word(r.end) == Some("of") {
        let mut end = r.end + 1;
        let mut words_in = 0;
        while end < s.tk.len() && words_in < 3 {
            let glued_hyphen = s.is_symbol(end, "-")
                && s.tk.toks[end].glued
                && s.tk.toks.get(end + 1).is_some_and(|t| t.glued);
            if glued_hyphen && end > r.end + 1 {
                end += 1;
                continue;
            }
            let fits = s.word(end).is_some_and(|w| {
                !is_stop(w) && !is_verb(w) && !words().tail.contains(w) && !words().link.contains(w)
            });
            if !fits {
                break;
            }
            if !s.tk.toks[end].glued {
                words_in += 1;
            }
            end += 1;
        }
        while end > r.end + 1 && !s.tk.is_word(end - 1) {
            end -= 1;
        }
        if end > r.end + 1 {
            r.end = end;
        }
    }
    Some((s.text(r), material))
}

/// The noun phrase the figure is given for, before it: `annual inflation rose to 8.5%`, `the
/// deal is worth $3bn`, `core inflation, which excludes food, was 6.5%`, and with `by`, what
/// changed and how (`the Fed raised its rate by 0.75 points` → (`Fed rate`, `rise`)).
/// Period words in it become qualifiers.
fn noun_phrase(
    e: &Evidence,
    s: &Sentence,
    qualifiers: &mut Vec<String>,
) -> Option<(String, Option<&'static str>)> {
    let w = words();
    let mut j = s.figure.start;
    let by = j > 0 && s.word(j - 1) == Some("by");
    // Step back over linking words, verbs and the predicate, and a relative clause set off
    // by commas.
    let mut change: Option<&'static str> = None;
    let mut linked = false;
    loop {
        if j == 0 {
            return None;
        }
        let i = j - 1;
        if s.is_symbol(i, ",") {
            let open = (0..i).rev().find(|&k| s.is_symbol(k, ","))?;
            // A relative clause or an apposition (`the raid, a family-owned jeweller…,`).
            if !matches!(
                s.word(open + 1),
                Some("which" | "who" | "that" | "whose" | "a" | "an" | "the")
            ) {
                return None;
            }
            j = open;
            continue;
        }
        let Some(word) = s.word(i) else {
            if s.is_symbol(i, "-") {
                j = i;
                continue;
            }
            return None;
        };
        if let Some(how) = w.change.get(word).filter(|_| by) {
            // `prices rose by 4%`: the verb right before `by`.
            change.get_or_insert(how);
        }
        let step = w.link.contains(word)
            || s.predicate.contains(&i)
            || (is_verb(word) && !s.is_name(i))
            || lexicon().number_words.contains_key(word);
        if !step {
            break;
        }
        linked = true;
        j = i;
    }
    // A phrase right against the figure (`in Albany 3 years`) is not what it is given for.
    if !linked {
        return None;
    }
    // Collect the phrase back to a function word, a verb or punctuation.
    let collect = |mut end: usize| -> Vec<usize> {
        let mut picked = Vec::new();
        while end > 0 && picked.len() < 4 {
            let i = end - 1;
            let Some(word) = s.word(i) else {
                // Hyphenated compounds (`year-on-year`, `Delhi-class`) stay whole.
                if s.is_symbol(i, "-") && s.tk.toks[i].glued && !picked.is_empty() {
                    picked.push(i);
                    end = i;
                    continue;
                }
                break;
            };
            // `five-year deal`: the number's compound is the figure's, not the phrase's.
            let numeric = |k: usize| {
                s.tk.toks[k].kind == TokenKind::Number
                    || s.word(k)
                        .is_some_and(|x| lexicon().number_words.contains_key(x))
            };
            if i >= 2 && s.is_symbol(i - 1, "-") && s.tk.toks[i - 1].glued && numeric(i - 2) {
                break;
            }
            let of_inside = word == "of"
                && !picked.is_empty()
                && i > 0
                && s.word(i - 1).is_some_and(|p| !is_stop(p));
            if (is_stop(word) && !of_inside)
                || (is_verb(word) && !s.is_name(i))
                || s.raw(i).ends_with("'s") && !s.is_name(i)
                || lexicon().number_words.contains_key(word)
            {
                break;
            }
            picked.push(i);
            end = i;
        }
        picked.reverse();
        picked
    };
    let mut picked = collect(j);
    // With `by`, a change verb before the phrase says how it changed, and its subject, when it
    // is a name, whose: `the Fed raised its rate by 0.75 points` → Fed rate rise. With no
    // phrase between verb and `by` (`prices rose by 4%`), the subject is what changed.
    let mut actor = None;
    if by {
        let start = picked.first().copied().unwrap_or(j);
        let mut k = start;
        while k > 0
            && s.word(k - 1)
                .is_some_and(|x| is_stop(x) || x == "its" || x == "their")
        {
            k -= 1;
        }
        if let Some(how) = k
            .checked_sub(1)
            .and_then(|v| s.word(v))
            .and_then(|x| w.change.get(x))
        {
            change.get_or_insert(how);
            let before = collect(k - 1);
            if picked.is_empty() {
                picked = before;
            } else if !before.is_empty()
                && before.iter().all(|&i| s.is_name(i) || s.is_symbol(i, "-"))
            {
                actor = Some(s.text(before[0]..before[before.len() - 1] + 1));
            }
        }
    }
    // Period words (`annual`, `12-month`) say when, not what.
    let mut kept: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < picked.len() {
        let seq: Vec<&str> = picked[i..].iter().filter_map(|&k| s.word(k)).collect();
        if let Some((p, q)) = w.period.iter().find(|(p, _)| seq.starts_with(p)) {
            qualifiers.push(q.to_string());
            // Skip the period's words and the hyphens between them.
            let mut n = 0;
            while i < picked.len() && n < p.len() {
                if s.tk.is_word(picked[i]) {
                    n += 1;
                }
                i += 1;
            }
            continue;
        }
        kept.push(picked[i]);
        i += 1;
    }
    while kept.first().is_some_and(|&k| !s.tk.is_word(k)) {
        kept.remove(0);
    }
    if kept.is_empty() {
        return None;
    }
    // Contiguous runs only: join the kept words with single spaces (hyphen runs as written).
    let mut np = String::new();
    let mut k = 0;
    while k < kept.len() {
        let mut end = k + 1;
        while end < kept.len() && kept[end] == kept[end - 1] + 1 && s.tk.toks[kept[end]].glued {
            end += 1;
        }
        if !np.is_empty() {
            np.push(' ');
        }
        let text = s.text(kept[k]..kept[end - 1] + 1);
        np.push_str(&sentence_case(e, s, kept[k], &text));
        k = end;
    }
    if let Some(a) = actor {
        np = format!("{a} {np}");
    }
    Some((np, change))
}

/// A sentence's first word loses its capital when the document writes it in lowercase
/// elsewhere (`Inflation rose…` → `inflation`); names keep theirs (`Moscow police`).
fn sentence_case(e: &Evidence, s: &Sentence, i: usize, text: &str) -> String {
    let first = s.tk.raw(i);
    let is_start = s.starts_sentence && (i == 0 || (i == 1 && !s.tk.is_word(0)));
    let capitalised = first.chars().next().is_some_and(char::is_uppercase)
        && first.chars().skip(1).all(|c| !c.is_uppercase());
    if !is_start || !capitalised {
        return text.to_string();
    }
    let lower = first.to_lowercase();
    // The text around the sentence, bounded so a huge report costs no more per claim.
    let mut from = e.sentence.start.saturating_sub(NEARBY);
    while !e.text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (e.sentence.end + NEARBY).min(e.text.len());
    while !e.text.is_char_boundary(to) {
        to += 1;
    }
    let near = &e.text[from..to];
    let common = is_stop(&lower)
        || lexicon().class_of(&lower).is_some()
        || memchr::memmem::find_iter(near.as_bytes(), lower.as_bytes()).any(|at| {
            let before = near[..at].chars().next_back();
            let after = near[at + lower.len()..].chars().next();
            before.is_some_and(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        });
    if common {
        let mut c = text.chars();
        c.next()
            .map(|f| f.to_lowercase().chain(c).collect())
            .unwrap_or_default()
    } else {
        text.to_string()
    }
}

/// The sentence's tokens near the figure, within its comma phrase: a few before the figure
/// and after its counted phrase.
fn window(s: &Sentence) -> Range<usize> {
    let mut start = s.figure.start;
    while start > 0 && s.figure.start - start < 6 && !s.is_symbol(start - 1, ",") {
        start -= 1;
    }
    let from = s.counted.end.max(s.figure.end);
    let mut end = from;
    while end < s.tk.len() && end - from < 8 && !s.is_symbol(end, ",") && !s.is_symbol(end, ";") {
        end += 1;
    }
    start..end
}

/// Months (`in March`) and periods (`year on year`) said near the figure.
fn periods(s: &Sentence, out: &mut Vec<String>) {
    let lx = lexicon();
    let w = words();
    let r = window(s);
    for i in r.clone() {
        if s.figure.contains(&i) {
            continue;
        }
        let raw = s.raw(i);
        // Only a name can be a month: the word is folded only then.
        if s.is_name(i) && raw.len() >= 3 {
            let lower = s.tk.folded(i);
            let month = lx.is_month(&lower);
            // `May` is also a verb: only after a preposition.
            let ambiguous = lower == "may"
                && !matches!(
                    s.word(i.wrapping_sub(1)),
                    Some("in" | "for" | "of" | "since" | "until" | "by")
                );
            if month && !ambiguous {
                out.push(raw.to_string());
            }
        }
        if s.tk.is_word(i) {
            // The next four words, without allocating: this runs for every token near every
            // figure a finding names.
            let mut seq = [""; 4];
            let mut n = 0;
            for word in (i..r.end).filter_map(|k| s.word(k)).take(4) {
                seq[n] = word;
                n += 1;
            }
            let seq = &seq[..n];
            if !w.period_first.contains(seq[0]) {
                continue;
            }
            if let Some((_, q)) = w.period.iter().find(|(p, _)| seq.starts_with(p)) {
                out.push(q.to_string());
            }
        }
    }
}

/// A name just after the figure and its counted phrase (`on Central Park`, `off Aden`, `in
/// the U.S.`), or a possessive one just before it (`Turkmenistan's 2.5 million voters`).
fn places(s: &Sentence, out: &mut Vec<String>) {
    let lx = lexicon();
    let is_place_name = |i: usize| {
        s.is_name(i) && !lx.is_month(&s.tk.folded(i)) && !lx.is_cue("weekday", &s.tk.folded(i))
    };
    let from = s.counted.end.max(s.figure.end);
    let r = window(s);
    for i in from..(from + 3).min(r.end) {
        let Some(prep) = s.word(i) else { continue };
        if !words().place.contains(prep) {
            continue;
        }
        let mut k = i + 1;
        if s.word(k) == Some("the") {
            k += 1;
        }
        let start = k;
        while k < r.end && k - start < 3 && (is_place_name(k) || (k > start && s.is_symbol(k, "'")))
        {
            k += 1;
        }
        if k > start {
            let name = s.text(start..k);
            out.push(name.trim_end_matches("'s").to_string());
        }
        break;
    }
    if s.figure.start > 0 {
        let i = s.figure.start - 1;
        if is_place_name(i) && s.raw(i).ends_with("'s") {
            out.push(s.raw(i).trim_end_matches("'s").to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Document};

    #[test]
    fn data_file_parses() {
        let w = parse(TOPICS).unwrap();
        assert_eq!(w.people.get("killed"), Some(&"people killed"));
        assert_eq!(w.dimension.get("duration"), Some(&("length", "duration")));
        assert_eq!(w.change.get("raised"), Some(&"rise"));
        assert!(w
            .period
            .iter()
            .any(|(p, q)| p == &["year", "on", "year"] && *q == "year on year"));
        assert!(w.tail.contains("north") && w.link.contains("worth") && w.place.contains("off"));
        // Every people class is a class of data/measures.tsv.
        let lx = lexicon();
        for class in w.people.keys() {
            assert!(lx.classes.iter().any(|c| c.name == *class), "{class}");
        }
        assert!(parse("people\tKilled\tx").is_err());
        assert!(parse("nosuch\tx\ty").is_err());
        assert!(parse("people\tkilled").is_err());
    }

    /// Topics of every claim of `text`, one report.
    fn topics(text: &str) -> Vec<(String, String)> {
        let a = analyze(Document::from_text("a", "a", text), None);
        a.claims
            .iter()
            .map(|c| {
                (
                    a.quote(c.quantity.span.clone()).to_string(),
                    name(&[Evidence::of(&a, c)]),
                )
            })
            .collect()
    }

    fn topic_of(text: &str, figure: &str) -> String {
        let all = topics(text);
        all.iter()
            .find(|(f, _)| f == figure)
            .unwrap_or_else(|| panic!("{figure} not read in {all:?}"))
            .1
            .clone()
    }

    #[test]
    fn people_are_named_by_what_happened_to_them() {
        assert_eq!(
            topic_of(
                "At least 30 people were killed in the blast.",
                "At least 30"
            ),
            "people killed"
        );
        assert_eq!(
            topic_of("Police arrested three men on Tuesday.", "three"),
            "men arrested"
        );
        assert_eq!(
            topic_of("The blast killed 30 and injured 120.", "120"),
            "people injured"
        );
        assert_eq!(
            topic_of("The death toll rose to 63.", "63"),
            "people killed"
        );
        assert_eq!(
            topic_of(
                "More than 300 people were on shift in the call centres.",
                "More than 300"
            ),
            "staff"
        );
    }

    #[test]
    fn an_age_is_an_age_whatever_happened() {
        assert_eq!(topic_of("The singer died on Monday at 77.", "77"), "age");
        assert_eq!(topic_of("Ann Ortiz, 58, was hurt.", "58"), "Ortiz's age");
    }

    #[test]
    fn counted_phrases_are_kept_as_written() {
        assert_eq!(
            topic_of("Troops seized 300 rounds of ammunition.", "300"),
            "rounds of ammunition"
        );
        assert_eq!(
            topic_of("Officers found 13 fire engines at the scene.", "13"),
            "fire engines"
        );
        assert_eq!(topic_of("He hit 121 RBIs last season.", "121"), "RBIs");
    }

    #[test]
    fn measurements_name_what_they_measure() {
        assert_eq!(
            topic_of("He signed an eight-year contract.", "eight-year"),
            "contract length"
        );
        assert_eq!(
            topic_of("The raid lasted 90 seconds.", "90 seconds"),
            "raid duration"
        );
        assert_eq!(
            topic_of("The deal is worth $3.4bn, the company said.", "$3.4bn"),
            "deal (per company)"
        );
        assert_eq!(
            topic_of("Thieves took gems worth £3 million.", "£3 million"),
            "gem value"
        );
        assert_eq!(
            topic_of(
                "About 8 inches of snow fell on Central Park.",
                "About 8 inches"
            ),
            "snow (Central Park)"
        );
    }

    #[test]
    fn rates_take_their_period_and_month() {
        assert_eq!(
            topic_of(
                "Annual inflation rose to 8.5% in March, the highest since 1981.",
                "8.5%"
            ),
            "inflation (year on year, March)"
        );
        assert_eq!(
            topic_of(
                "Core inflation, which excludes food and energy, was 6.5% year on year in March.",
                "6.5%"
            ),
            "Core inflation (year on year, March)"
        );
        assert_eq!(
            topic_of("Unemployment fell to 3.6% last month.", "3.6%"),
            "unemployment"
        );
        assert_eq!(
            topic_of("About 30% of staff joined the strike.", "About 30%"),
            "share of staff"
        );
    }

    #[test]
    fn changes_by_an_amount_say_what_changed() {
        assert_eq!(
            topic_of(
                "The Fed raised its benchmark rate by 0.75 percentage points.",
                "0.75 percentage points"
            ),
            "Fed benchmark rate rise"
        );
        assert_eq!(
            topic_of("Prices rose by 4% in May.", "4%"),
            "price rise (May)"
        );
    }

    #[test]
    fn a_figure_deep_in_a_huge_sentence_is_named_from_its_window() {
        // The window starts mid-sentence: its first word is not taken for the sentence's.
        let text = format!(
            "{} and Police arrested 12 men in Leeds.",
            "the long unpunctuated run of words ".repeat(2_000)
        );
        assert_eq!(topic_of(&text, "12"), "men arrested (Leeds)");
    }

    #[test]
    fn a_finding_takes_the_majority_phrase_and_shared_qualifiers() {
        let docs: Vec<crate::Analysis> = [
            "Five people died in Ohio.",
            "The storm killed five people in Ohio.",
            "Five deaths were reported.",
        ]
        .iter()
        .map(|t| analyze(Document::from_text("x", "x", *t), None))
        .collect();
        let ev: Vec<Evidence> = docs.iter().map(|a| Evidence::of(a, &a.claims[0])).collect();
        assert_eq!(name(&ev), "people killed (Ohio)");
        assert_eq!(name(&ev[2..]), "deaths");
    }
}
