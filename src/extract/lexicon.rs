//! The knowledge the extractor uses, read once from the data files embedded at build time.
//!
//! Every phrase (hedges, vague amounts, currencies, units) is tokenized with the same tokenizer
//! as the text, and looked up by its first token, so matching costs one hash probe per token.

use super::token::tokenize;
use crate::error::{Error, Result};
use rust_stemmers::{Algorithm, Stemmer};
use std::cell::RefCell;
use std::sync::OnceLock;

/// How a hedge word bounds the figure it stands before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HedgeKind {
    /// No hedge: the figure as stated.
    Exact,
    /// An explicit `exactly`, `equal to`: the figure as stated, said firmly.
    Exactly,
    AtLeast,
    MoreThan,
    Approx,
    Nearly,
    AtMost,
    LessThan,
    UpTo,
    /// `between X and Y`, `X-Y`, `X to Y`.
    Range,
    /// `dozens`, `numerous`, `tens of thousands`.
    Vague,
}

impl HedgeKind {
    fn parse(s: &str) -> Option<HedgeKind> {
        Some(match s {
            "at_least" => HedgeKind::AtLeast,
            "more_than" => HedgeKind::MoreThan,
            "approx" => HedgeKind::Approx,
            "nearly" => HedgeKind::Nearly,
            "at_most" => HedgeKind::AtMost,
            "less_than" => HedgeKind::LessThan,
            "up_to" => HedgeKind::UpTo,
            "exactly" => HedgeKind::Exactly,
            _ => return None,
        })
    }

    /// Bounds the figure from below only (`at least`, `more than`).
    pub fn is_lower_bound(self) -> bool {
        matches!(self, HedgeKind::AtLeast | HedgeKind::MoreThan)
    }

    /// Bounds the figure from above only (`up to`, `less than`).
    pub fn is_upper_bound(self) -> bool {
        matches!(
            self,
            HedgeKind::AtMost | HedgeKind::LessThan | HedgeKind::UpTo
        )
    }
}

/// What a hedge phrase after a figure does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterHedge {
    Kind(HedgeKind),
    /// `or equal`: makes a strict bound inclusive.
    OrEqual,
}

/// A hedge written after the figure (`or more`), and whether it must be glued (`300-plus`).
#[derive(Debug, Clone, Copy)]
pub struct After {
    pub hedge: AfterHedge,
    pub glued: bool,
}

/// A vague amount and its interval.
#[derive(Debug, Clone, Copy)]
pub struct Vague {
    pub low: f64,
    pub high: Option<f64>,
    /// May take scale words (`several hundred`).
    pub scalable: bool,
}

/// A scale word after a figure.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub factor: f64,
    /// May be a word of its own (`1.5 million`).
    pub word: bool,
    /// May be glued to the figure (`5k`).
    pub glued: bool,
    /// Only after a currency (`€75m`).
    pub money: bool,
}

/// A currency surface.
#[derive(Debug, Clone, Copy)]
pub struct Currency {
    pub code: &'static str,
    /// `money:USD`: the dimension its figures live in.
    pub dimension: &'static str,
    /// Sub-unit name (`cent`), or `None` for the currency itself.
    pub subunit: Option<&'static str>,
    /// Share of the currency per sub-unit, or the scale of an `M`-code.
    pub factor: f64,
    /// The factor multiplies the figure (`30 MUSD`).
    pub scale: bool,
    pub before: bool,
    pub after: bool,
    /// Needs a money word in the sentence.
    pub cue: Option<&'static str>,
    pub glued: bool,
}

/// A unit of measurement and how to convert it to its dimension's base unit.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitDef {
    pub name: &'static str,
    pub dimension: &'static str,
    pub factor: f64,
    pub offset: f64,
    /// Only glued to the figure, before punctuation, or before a size word (`in`).
    pub weak: bool,
    pub glued: bool,
    /// Only as the second part of a compound (`km/s`).
    pub denominator: bool,
    /// A class from `cues.tsv` the sentence must mention.
    pub cue: Option<&'static str>,
}

/// The grammatical role of an English number word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    /// 0–9.
    Unit,
    /// 10–19.
    Teen,
    Tens,
    Hundred,
    /// thousand, million, lakh…
    Scale,
    Dozen,
    /// `dozens`: plural, a multiplier only after a number.
    Dozens,
    Ordinal,
}

/// A class from `data/measures.tsv` (deaths, arrests, workforce…).
#[derive(Debug, Clone)]
pub struct MeasureClass {
    pub name: &'static str,
    pub label: &'static str,
    /// Anyone (`people`): only the predicate says what is counted.
    pub generic: bool,
    /// A kind of person (`workers`): the predicate's class wins when it has one.
    pub who: bool,
}

/// A role phrase as the text's tokenizer cuts it (`co-founder` is `co`, `-`, `founder`;
/// `Lt. Gen.` is `Lt`, `.`, `Gen`, `.`), with its class.
#[derive(Debug, Clone)]
pub struct RolePhrase {
    /// Tokens as written in the data file: lowercase, unless `exact`.
    pub words: Vec<&'static str>,
    /// Written with a capital letter: matches only as written (`Gen.`, `DA`).
    pub exact: bool,
    /// A job title of the open class (`data/lexical/titles.tsv`), not of `data/roles.tsv`:
    /// written with a capital it is a title only before a name (`Referee Sam Williams`), for
    /// it may be a surname (`Matt Smith said`).
    pub open: bool,
    /// Index into [`Lexicon::role_classes`].
    pub class: usize,
}

impl RolePhrase {
    /// Whether the phrase is written at token `i` of `count` tokens, `tok(k)` giving token
    /// `k`'s kind, text as written and lowercase.
    pub fn matches_at<'t>(
        &self,
        i: usize,
        count: usize,
        tok: impl Fn(usize) -> (super::token::TokenKind, &'t str, &'t str),
    ) -> bool {
        use super::token::TokenKind;
        i + self.words.len() <= count
            && self.words.iter().enumerate().all(|(k, w)| {
                let (kind, raw, lower) = tok(i + k);
                let want = if matches!(*w, "-" | ".") {
                    TokenKind::Symbol
                } else {
                    TokenKind::Word
                };
                kind == want && if self.exact { raw == *w } else { lower == *w }
            })
    }
}

/// A class of roles (`leader`, `ceo`, `senator`).
#[derive(Debug, Clone)]
pub struct RoleClass {
    pub name: &'static str,
    pub label: &'static str,
    /// A post many hold at once (senators, officers): different people in it do not conflict.
    pub many: bool,
    /// Posts of which one person holds only one in one organisation (`one_of:officer`: chief
    /// executive, chief operating officer, chief financial officer): one person named in two
    /// of them is a discrepancy.
    pub one_of: Option<&'static str>,
    /// The head of its organisation (`police chief`, `mayor`): a leader's title alone (`Chief
    /// Dana Moss`) for the person another report gives it names this post.
    pub heads: bool,
}

/// Maps and sets keyed by short words, hashed once per token of text: FxHash, not SipHash
/// (no untrusted keys reach them as a denial-of-service risk; the text is only looked up).
pub use rustc_hash::{FxHashMap as FastMap, FxHashSet as FastSet};

/// A word's stem by its hash: context word sets are sorted, deduplicated and intersected
/// for every pair of claims, and integers do that without allocating or comparing bytes.
/// A 64-bit SipHash with fixed keys (on every platform; FxHash has 32 bits on 32-bit ones)
/// makes a collision between two of a text's stems vanishingly unlikely. It is computed once
/// per distinct word and thread, when the stem is cached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StemId(u64);

impl StemId {
    fn of(stem: &str) -> StemId {
        use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
        StemId(BuildHasherDefault::<DefaultHasher>::default().hash_one(stem))
    }
}

/// A stem, cached with its id.
struct Stemmed {
    stem: String,
    id: StemId,
}

/// What the stem cache keeps of a word: its stem, its measure class, whether it is a stopword.
type StemEntry = (Stemmed, Option<usize>, bool);

/// A prefilter for a set of lowercase words: for each pair of leading letters a–z (a word's
/// second byte may also be something else, or missing), a bit per length of the words that
/// start so (lengths of 31 and more share a bit). A word of another shape is not in the
/// set; one of the same shape may be, and is looked up.
#[derive(Debug, Clone)]
struct Shapes {
    by_start: Vec<u32>,
    /// Some word starts with something other than a–z: admit every such word.
    other: bool,
}

impl Shapes {
    fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> Shapes {
        let mut s = Shapes {
            by_start: vec![0; 26 * 27],
            other: false,
        };
        for w in words {
            match Shapes::slot(w) {
                Some(k) => s.by_start[k] |= 1 << w.len().min(31),
                None => s.other = true,
            }
        }
        s
    }

    /// The row of a word's first two bytes; `None` when the first is not a–z.
    fn slot(w: &str) -> Option<usize> {
        let b = w.as_bytes();
        let first = *b.first().filter(|f| f.is_ascii_lowercase())?;
        let second = match b.get(1) {
            Some(c) if c.is_ascii_lowercase() => usize::from(c - b'a'),
            _ => 26,
        };
        Some(usize::from(first - b'a') * 27 + second)
    }

    fn admits(&self, w: &str) -> bool {
        match Shapes::slot(w) {
            Some(k) => self.by_start[k] & (1 << w.len().min(31)) != 0,
            None => self.other,
        }
    }
}

/// A phrase as tokens, matched case-insensitively unless `exact`.
#[derive(Debug, Clone)]
pub struct Phrase {
    /// Token texts as written in the data file.
    pub toks: Vec<String>,
    /// The same, lowercased.
    pub lower: Vec<String>,
    pub exact: bool,
}

impl Phrase {
    fn new(surface: &str) -> Phrase {
        let toks: Vec<String> = tokenize(surface, 0)
            .iter()
            .map(|t| surface[t.span.clone()].to_string())
            .collect();
        // A capital letter or a single character is written only one way (MB ≠ mb, m ≠ M).
        let exact = surface.chars().any(char::is_uppercase) || surface.chars().count() == 1;
        Phrase {
            lower: toks.iter().map(|t| t.to_lowercase()).collect(),
            toks,
            exact,
        }
    }

    /// Whether the phrase is one token glued to nothing else, like `5k` or `m`.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Matches at token `i` of `v`; returns the index after the phrase.
    pub fn matches(&self, v: &dyn TokenView, i: usize) -> Option<usize> {
        if i + self.toks.len() > v.count() {
            return None;
        }
        for k in 0..self.toks.len() {
            let ok = if self.exact {
                v.raw(i + k) == self.toks[k]
            } else {
                v.lower(i + k) == self.lower[k]
            };
            if !ok {
                return None;
            }
        }
        Some(i + self.toks.len())
    }
}

/// Access to the tokens of a sentence for phrase matching.
pub trait TokenView {
    fn count(&self) -> usize;
    fn raw(&self, i: usize) -> &str;
    fn lower(&self, i: usize) -> &str;
    /// Whether token `i` can begin a phrase of the table marked `bit` (see [`Lexicon::flags`]);
    /// a view that knows saves the table its hash lookup.
    fn may_begin(&self, _i: usize, _bit: u16) -> bool {
        true
    }
}

/// Bits of [`Lexicon::flags`]: what a lowercase token can begin or be.
pub mod flag {
    pub const NUMERIC: u16 = 1;
    pub const STARTER: u16 = 1 << 1;
    pub const HEDGE: u16 = 1 << 2;
    pub const AFTER_HEDGE: u16 = 1 << 3;
    pub const VAGUE: u16 = 1 << 4;
    pub const CURRENCY: u16 = 1 << 5;
    pub const UNIT: u16 = 1 << 6;
}

/// Phrases indexed by their first token (lowercased), longest first.
#[derive(Debug, Clone)]
pub struct PhraseTable<T> {
    entries: Vec<(Phrase, T)>,
    by_first: FastMap<String, Vec<usize>>,
    /// The [`flag`] bit that marks this table's first tokens.
    bit: u16,
}

impl<T> PhraseTable<T> {
    fn new(bit: u16) -> Self {
        PhraseTable {
            entries: Vec::new(),
            by_first: FastMap::default(),
            bit,
        }
    }

    fn insert(&mut self, surface: &str, value: T) {
        self.insert_as(surface, value, false);
    }

    /// Inserts a phrase, matched only as written when `exact` (`pc` for percent, never `PC`).
    fn insert_as(&mut self, surface: &str, value: T, exact: bool) {
        let mut p = Phrase::new(surface);
        p.exact |= exact;
        if p.is_empty() {
            return;
        }
        let key = p.lower[0].clone();
        self.by_first
            .entry(key)
            .or_default()
            .push(self.entries.len());
        self.entries.push((p, value));
    }

    fn finish(&mut self) {
        let entries = &self.entries;
        for list in self.by_first.values_mut() {
            // Stable: among equally long phrases, the data file's order decides.
            list.sort_by_key(|&i| std::cmp::Reverse(entries[i].0.len()));
        }
    }

    /// Entries whose first token could be `lower`, longest first.
    pub fn candidates<'a>(&'a self, lower: &str) -> impl Iterator<Item = &'a (Phrase, T)> + 'a {
        self.by_first
            .get(lower)
            .into_iter()
            .flatten()
            .map(|&i| &self.entries[i])
    }

    /// Every phrase matching at `i`, longest first.
    pub fn matches<'t, 'v>(
        &'t self,
        v: &'v dyn TokenView,
        i: usize,
    ) -> impl Iterator<Item = (usize, &'t Phrase, &'t T)> + 'v
    where
        't: 'v,
    {
        let begins = i < v.count() && v.may_begin(i, self.bit);
        begins
            .then(|| self.candidates(v.lower(i)))
            .into_iter()
            .flatten()
            .filter_map(move |(p, t)| p.matches(v, i).map(|e| (e, p, t)))
    }

    /// The longest phrase matching at `i`.
    pub fn longest<'t>(&'t self, v: &dyn TokenView, i: usize) -> Option<(usize, &'t T)> {
        self.matches(v, i).next().map(|(e, _, t)| (e, t))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &(Phrase, T)> {
        self.entries.iter()
    }

    fn first_tokens(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(String::as_str)
    }
}

/// Every lexicon, parsed.
pub struct Lexicon {
    pub hedges: PhraseTable<HedgeKind>,
    pub after_hedges: PhraseTable<After>,
    pub vague: PhraseTable<Vague>,
    /// Scale words by surface; looked up by exact text first, then lowercase.
    pub scales: FastMap<&'static str, Scale>,
    pub currencies: PhraseTable<Currency>,
    pub units: PhraseTable<UnitDef>,
    pub classes: Vec<MeasureClass>,
    /// English stem → index into `classes`.
    pub class_by_stem: FastMap<String, usize>,
    /// Words whose class is their own, not their stem's (`=demonstrations` in the data: the
    /// events, while `demonstrated` is what protesters did).
    pub class_exact: FastMap<&'static str, usize>,
    /// Multi-word class phrases (`lost their lives`, `in hospital`) with their class, by
    /// their first word.
    class_phrases: FastMap<&'static str, Vec<(Vec<&'static str>, usize)>>,
    /// The first three letters of every measure word and stem (bits over a–z³): a word with
    /// another beginning has no class, and is never stemmed.
    class_prefixes: Vec<u64>,
    pub identifiers: FastSet<&'static str>,
    /// Each month word's number (1–12), by the order of `months.txt`, whose names and
    /// abbreviations of one month share their first three letters.
    month_numbers: FastMap<&'static str, u8>,
    pub stopwords: FastSet<&'static str>,
    pub attribution_verbs: FastSet<&'static str>,
    /// Verbs that attribute a figure only to a known party (`police reported`).
    pub weak_attribution_verbs: FastSet<&'static str>,
    /// Both kinds of attribution verb, for the one lookup that asks whether a clause has any.
    pub any_attribution_verbs: FastSet<&'static str>,
    /// Role phrases, longest first.
    pub roles: Vec<RolePhrase>,
    /// The same phrases by their first word (lowercase), longest first.
    roles_by_first: FastMap<&'static str, Vec<RolePhrase>>,
    /// Role classes from `data/roles.tsv`, then one per job title of `data/lexical/titles.tsv`.
    pub role_classes: Vec<RoleClass>,
    /// Words around role claims by kind (`qualifier`, `honorific`, `suffix`, `org`), from
    /// `data/role_words.tsv`.
    pub role_words: FastMap<&'static str, FastSet<&'static str>>,
    /// Words that distance the writer from a claim (`allegedly`, `reportedly`).
    pub modal_words: FastSet<&'static str>,
    /// Word → party key.
    pub parties: FastMap<&'static str, &'static str>,
    /// English number word → (value, kind).
    pub number_words: FastMap<&'static str, (f64, WordKind)>,
    /// Decade words (`sixties` → 60), read after a century word or, as an age, a possessive.
    decades: FastMap<&'static str, f64>,
    /// Fraction words that are not ordinals (`half` → 2).
    pub denominators: FastMap<&'static str, f64>,
    /// Cue class → words (`temperature` → heat, hot…).
    pub cues: FastMap<&'static str, FastSet<&'static str>>,
    /// Words around a zero count (`no immediate reports of casualties`): kind → words, from
    /// `data/zero.tsv` (`modifier`, `report`, `noun`).
    pub zero: FastMap<&'static str, FastSet<&'static str>>,
    /// Words that make digits noise (`phone`, `exchange`, `suffix`), from `data/noise.tsv`.
    pub noise: FastMap<&'static str, FastSet<&'static str>>,
    /// Lowercase tokens that can start a quantity besides digits.
    starters: FastSet<String>,
    /// Words that make a figure by themselves: number words, denominators, vague amounts.
    numeric_words: FastSet<String>,
    /// Every lowercase token that begins a phrase of some table, or is numeric, with [`flag`]
    /// bits saying which.
    flags: FastMap<String, u16>,
    /// Shapes of the numeric words and of the first words of role phrases: most words of a
    /// text are rejected without hashing.
    numeric_shapes: Shapes,
    role_shapes: Shapes,
    /// Shapes of the first words of role phrases matched whatever the case (`chief`,
    /// `spokesman`): a lowercase word of another shape begins none.
    role_shapes_any_case: Shapes,
    stemmer: Stemmer,
}

const HEDGES: &str = include_str!("../../data/hedges.tsv");
const VAGUE: &str = include_str!("../../data/vague.tsv");
const SCALES: &str = include_str!("../../data/scales.tsv");
const CURRENCIES: &str = include_str!("../../data/currencies.tsv");
const UNITS: &str = include_str!("../../data/units.tsv");
const MEASURES: &str = include_str!("../../data/measures.tsv");
const IDENTIFIERS: &str = include_str!("../../data/identifiers.txt");
const MONTHS: &str = include_str!("../../data/months.txt");

/// Month numbers by the order of the month list: a word starts a new month when its first
/// three letters differ from the previous word's.
fn month_numbers(text: &'static str) -> FastMap<&'static str, u8> {
    let mut out = FastMap::default();
    let mut last = "";
    let mut n = 0u8;
    for w in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let prefix = w.get(..3).unwrap_or(w);
        if prefix != last {
            n += 1;
            last = prefix;
        }
        out.insert(w, n);
    }
    out
}
const STOPWORDS: &str = include_str!("../../data/stopwords.txt");
const ATTRIBUTION: &str = include_str!("../../data/attribution.tsv");
const NUMBER_WORDS: &str = include_str!("../../data/number_words.tsv");
const FRACTIONS: &str = include_str!("../../data/fractions.tsv");
const ROLES: &str = include_str!("../../data/roles.tsv");
const ROLE_WORDS: &str = include_str!("../../data/role_words.tsv");
const TITLES: &str = include_str!("../../data/lexical/titles.tsv");
const CUES: &str = include_str!("../../data/cues.tsv");
const ZERO: &str = include_str!("../../data/zero.tsv");
const NOISE: &str = include_str!("../../data/noise.tsv");

/// Words that start a quantity by grammar rather than by lexicon.
const GRAMMAR_STARTERS: &[&str] = &[
    "no",
    "nobody",
    "a",
    "an",
    "between",
    "from",
    "minus",
    "negative",
    "twice",
    "thrice",
    "none",
    "not",
    "aged",
    "age",
    "magnitude",
    "percent",
    "percents",
    "per",
    "-",
    ".",
    "+",
    "(",
];

/// The lexicon, parsed on first use. The data files are part of the binary and covered by
/// tests, so a parse failure is a build defect.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::parse().expect("embedded data files parse (tested)"))
}

/// A role phrase cut as the text's tokenizer cuts it: a hyphen is a token of its own, and so
/// is a dot ending an abbreviation (`Lt. Gen.` is `Lt`, `.`, `Gen`, `.`).
fn role_tokens(phrase: &'static str) -> Vec<&'static str> {
    let mut words = Vec::new();
    for w in phrase.split_whitespace() {
        let (w, dot) = match w.strip_suffix('.') {
            Some(stem) => (stem, true),
            None => (w, false),
        };
        for (k, part) in w.split('-').enumerate() {
            if k > 0 {
                words.push("-");
            }
            words.push(part);
        }
        if dot {
            words.push(".");
        }
    }
    words
}

/// The index of a word's first three letters (lowercase a–z) among all such triples.
fn prefix_index(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    if b.len() < 3 {
        return None;
    }
    let l = |c: u8| c.to_ascii_lowercase().checked_sub(b'a').filter(|&x| x < 26);
    Some((usize::from(l(b[0])?) * 26 + usize::from(l(b[1])?)) * 26 + usize::from(l(b[2])?))
}

/// Data lines: `(line number, tab-separated fields)`, skipping comments and blank lines.
fn rows(text: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

fn number(file: &'static str, line: usize, s: &str) -> Result<f64> {
    s.parse().map_err(|_| Error::Data {
        file,
        line,
        message: format!("not a number: {s:?}"),
    })
}

fn field(file: &'static str, line: usize, f: &[&'static str], i: usize) -> Result<&'static str> {
    f.get(i)
        .copied()
        .filter(|s| !s.is_empty())
        .ok_or_else(|| Error::Data {
            file,
            line,
            message: format!("missing field {}", i + 1),
        })
}

fn optional(f: &[&'static str], i: usize) -> Option<&'static str> {
    f.get(i).copied().filter(|s| !s.is_empty())
}

fn bad(file: &'static str, line: usize, message: String) -> Error {
    Error::Data {
        file,
        line,
        message,
    }
}

/// Flags like `glued,cue:money`: whether `name` is set, and the value of `key:`.
fn flags(f: &[&'static str], i: usize) -> Vec<&'static str> {
    optional(f, i)
        .map(|s| s.split(',').map(str::trim).collect())
        .unwrap_or_default()
}

fn cue_of(flags: &[&'static str]) -> Option<&'static str> {
    flags.iter().find_map(|f| f.strip_prefix("cue:"))
}

impl Lexicon {
    /// Parses every embedded data file.
    pub fn parse() -> Result<Lexicon> {
        let stemmer = Stemmer::create(Algorithm::English);

        let mut hedges = PhraseTable::new(flag::HEDGE);
        let mut after_hedges = PhraseTable::new(flag::AFTER_HEDGE);
        for (line, f) in rows(HEDGES) {
            let file = "hedges.tsv";
            let phrase = field(file, line, &f, 0)?;
            let kind = field(file, line, &f, 1)?;
            let hedge = if kind == "or_equal" {
                AfterHedge::OrEqual
            } else {
                AfterHedge::Kind(
                    HedgeKind::parse(kind)
                        .ok_or_else(|| bad(file, line, format!("unknown hedge kind {kind:?}")))?,
                )
            };
            match (field(file, line, &f, 2)?, hedge) {
                ("before", AfterHedge::Kind(k)) => hedges.insert(phrase, k),
                ("after", _) => after_hedges.insert(
                    phrase,
                    After {
                        hedge,
                        glued: optional(&f, 3) == Some("glued"),
                    },
                ),
                (p, _) => return Err(bad(file, line, format!("bad position {p:?}"))),
            }
        }
        hedges.finish();
        after_hedges.finish();

        let mut vague = PhraseTable::new(flag::VAGUE);
        for (line, f) in rows(VAGUE) {
            let file = "vague.tsv";
            let low = number(file, line, field(file, line, &f, 1)?)?;
            let high = optional(&f, 2).map(|s| number(file, line, s)).transpose()?;
            vague.insert(
                field(file, line, &f, 0)?,
                Vague {
                    low,
                    high,
                    scalable: optional(&f, 3) == Some("scale"),
                },
            );
        }
        vague.finish();

        let mut scales = FastMap::default();
        for (line, f) in rows(SCALES) {
            let file = "scales.tsv";
            let where_ = field(file, line, &f, 2)?;
            if !matches!(where_, "word" | "glued" | "both") {
                return Err(bad(file, line, format!("bad position {where_:?}")));
            }
            scales.insert(
                field(file, line, &f, 0)?,
                Scale {
                    factor: number(file, line, field(file, line, &f, 1)?)?,
                    word: where_ != "glued",
                    glued: where_ != "word",
                    money: optional(&f, 3) == Some("money"),
                },
            );
        }

        let mut currencies = PhraseTable::new(flag::CURRENCY);
        for (line, f) in rows(CURRENCIES) {
            let file = "currencies.tsv";
            let where_ = field(file, line, &f, 2)?;
            if !matches!(where_, "before" | "after" | "both") {
                return Err(bad(file, line, format!("bad position {where_:?}")));
            }
            let fl = flags(&f, 5);
            let code = field(file, line, &f, 1)?;
            let c = Currency {
                code,
                // Parsed once per process; leaking keeps the lexicon `'static` like the data.
                dimension: Box::leak(format!("money:{code}").into_boxed_str()),
                subunit: optional(&f, 3),
                factor: optional(&f, 4)
                    .map(|s| number(file, line, s))
                    .transpose()?
                    .unwrap_or(1.0),
                scale: fl.contains(&"scale"),
                before: where_ != "after",
                after: where_ != "before",
                cue: cue_of(&fl),
                glued: fl.contains(&"glued"),
            };
            for s in field(file, line, &f, 0)?.split('|') {
                currencies.insert(s, c);
            }
        }
        currencies.finish();

        let mut units = PhraseTable::new(flag::UNIT);
        for (line, f) in rows(UNITS) {
            let file = "units.tsv";
            let fl = flags(&f, 5);
            let def = UnitDef {
                name: field(file, line, &f, 1)?,
                dimension: field(file, line, &f, 2)?,
                factor: number(file, line, field(file, line, &f, 3)?)?,
                offset: optional(&f, 4)
                    .map(|s| number(file, line, s))
                    .transpose()?
                    .unwrap_or(0.0),
                weak: fl.contains(&"weak"),
                glued: fl.contains(&"glued"),
                denominator: fl.contains(&"denominator"),
                cue: cue_of(&fl),
            };
            let exact = fl.contains(&"case");
            for s in field(file, line, &f, 0)?.split('|') {
                units.insert_as(s, def.clone(), exact);
            }
        }
        units.finish();

        let mut classes = Vec::new();
        let mut class_by_stem = FastMap::default();
        let mut class_phrases: FastMap<&'static str, Vec<(Vec<&'static str>, usize)>> =
            FastMap::default();
        let mut class_exact = FastMap::default();
        for (line, f) in rows(MEASURES) {
            let file = "measures.tsv";
            let idx = classes.len();
            classes.push(MeasureClass {
                name: field(file, line, &f, 0)?,
                label: field(file, line, &f, 1)?,
                generic: field(file, line, &f, 2)? == "1",
                who: field(file, line, &f, 2)? == "2",
            });
            for w in field(file, line, &f, 3)?.split(',') {
                if let Some(exact) = w.trim().strip_prefix('=') {
                    class_exact.insert(exact, idx);
                    continue;
                }
                if w.trim().contains(' ') {
                    // A phrase (`lost their lives`): matched word by word, lowercase.
                    let words: Vec<&'static str> = w.trim().split(' ').collect();
                    class_phrases
                        .entry(words[0])
                        .or_default()
                        .push((words, idx));
                    continue;
                }
                let stem = stemmer.stem(&w.trim().to_lowercase()).into_owned();
                if let Some(prev) = class_by_stem.insert(stem.clone(), idx) {
                    if prev != idx {
                        return Err(bad(
                            file,
                            line,
                            format!(
                                "{w:?} (stem {stem:?}) is already in class {}",
                                classes[prev].name
                            ),
                        ));
                    }
                }
            }
        }

        let mut class_prefixes = vec![0u64; 26 * 26 * 26 / 64 + 1];
        let mut add_prefix = |w: &str| {
            if let Some(k) = prefix_index(w) {
                class_prefixes[k / 64] |= 1 << (k % 64);
            }
        };
        for (line, f) in rows(MEASURES) {
            for w in field("measures.tsv", line, &f, 3)?.split(',') {
                let w = w.trim().trim_start_matches('=').to_lowercase();
                add_prefix(&w);
                add_prefix(&stemmer.stem(&w));
            }
        }

        let words = |t: &'static str| -> FastSet<&'static str> {
            t.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect()
        };
        let mut attribution_verbs = FastSet::default();
        let mut modal_words = FastSet::default();
        let mut weak_attribution_verbs = FastSet::default();
        let mut parties = FastMap::default();
        for (line, f) in rows(ATTRIBUTION) {
            let kind = f[0];
            let list = field("attribution.tsv", line, &f, 1)?.split(',');
            if kind == "verb" {
                attribution_verbs.extend(list);
            } else if kind == "weak" {
                weak_attribution_verbs.extend(list);
            } else if kind == "modal" {
                modal_words.extend(list);
            } else if let Some(key) = kind.strip_prefix("party:") {
                for w in list {
                    parties.insert(w, key);
                }
            } else {
                return Err(bad(
                    "attribution.tsv",
                    line,
                    format!("unknown kind {kind:?}"),
                ));
            }
        }

        let mut roles = Vec::new();
        let mut role_classes = Vec::new();
        for (line, f) in rows(ROLES) {
            let file = "roles.tsv";
            let idx = role_classes.len();
            let flags = flags(&f, 3);
            if let Some(x) = flags
                .iter()
                .find(|x| !matches!(**x, "many" | "heads") && !x.starts_with("one_of:"))
            {
                return Err(bad(file, line, format!("unknown flag {x:?}")));
            }
            role_classes.push(RoleClass {
                name: field(file, line, &f, 0)?,
                label: field(file, line, &f, 1)?,
                many: flags.contains(&"many"),
                one_of: flags.iter().find_map(|x| x.strip_prefix("one_of:")),
                heads: flags.contains(&"heads"),
            });
            for phrase in field(file, line, &f, 2)?.split(',') {
                let words = role_tokens(phrase.trim());
                if words.is_empty() || words.iter().any(|w| w.is_empty()) {
                    return Err(bad(file, line, format!("bad role phrase {phrase:?}")));
                }
                roles.push(RolePhrase {
                    exact: phrase.chars().any(char::is_uppercase),
                    open: false,
                    words,
                    class: idx,
                });
            }
        }
        let mut role_words: FastMap<&'static str, FastSet<&'static str>> = FastMap::default();
        for (line, f) in rows(ROLE_WORDS) {
            let kind = f[0];
            if !matches!(kind, "qualifier" | "honorific" | "suffix" | "org" | "place") {
                return Err(bad(
                    "role_words.tsv",
                    line,
                    format!("unknown kind {kind:?}"),
                ));
            }
            let list = field("role_words.tsv", line, &f, 1)?;
            role_words
                .entry(kind)
                .or_default()
                .extend(list.split(',').map(str::trim));
        }

        // Job titles from WordNet (`referee`, `quarterback`, `prosecuting attorney`): each its
        // own class, a post many hold at once, after the classes above, which keep their
        // words. Qualifiers and courtesy titles stay what they are.
        let known: FastSet<Vec<&'static str>> = roles.iter().map(|p| p.words.clone()).collect();
        for (line, f) in rows(TITLES) {
            let file = "lexical/titles.tsv";
            let lemma = field(file, line, &f, 0)?;
            let words = role_tokens(lemma);
            let kept = |kind: &str| role_words.get(kind).is_some_and(|s| s.contains(words[0]));
            if words.iter().any(|w| w.is_empty()) || lemma.chars().any(char::is_uppercase) {
                return Err(bad(file, line, format!("bad title {lemma:?}")));
            }
            // `basketball coach`, `state senator`: a known title with a word saying which kind
            // stays that title, as when written in the text.
            let of_known = (1..words.len()).any(|k| known.contains(&words[k..]));
            if known.contains(&words) || of_known || kept("qualifier") || kept("honorific") {
                continue;
            }
            roles.push(RolePhrase {
                exact: false,
                open: true,
                words,
                class: role_classes.len(),
            });
            role_classes.push(RoleClass {
                name: lemma,
                label: lemma,
                many: true,
                one_of: None,
                heads: false,
            });
        }
        roles.sort_by_key(|p: &RolePhrase| std::cmp::Reverse(p.words.len()));
        let mut roles_by_first: FastMap<&'static str, Vec<RolePhrase>> = FastMap::default();
        for p in &roles {
            let first: &'static str = if p.exact {
                Box::leak(p.words[0].to_lowercase().into_boxed_str())
            } else {
                p.words[0]
            };
            roles_by_first.entry(first).or_default().push(p.clone());
        }

        let mut number_words = FastMap::default();
        let mut decades = FastMap::default();
        for (line, f) in rows(NUMBER_WORDS) {
            let file = "number_words.tsv";
            let v = number(file, line, field(file, line, &f, 1)?)?;
            if field(file, line, &f, 2)? == "decade" {
                decades.insert(f[0], v);
                continue;
            }
            let kind = match field(file, line, &f, 2)? {
                "unit" => WordKind::Unit,
                "teen" => WordKind::Teen,
                "tens" => WordKind::Tens,
                "hundred" => WordKind::Hundred,
                "scale" => WordKind::Scale,
                "dozen" => WordKind::Dozen,
                "dozens" => WordKind::Dozens,
                "ordinal" => WordKind::Ordinal,
                k => return Err(bad(file, line, format!("unknown kind {k:?}"))),
            };
            number_words.insert(f[0], (v, kind));
        }
        let mut denominators = FastMap::default();
        for (line, f) in rows(FRACTIONS) {
            let file = "fractions.tsv";
            denominators.insert(f[0], number(file, line, field(file, line, &f, 1)?)?);
        }

        let mut cues: FastMap<&'static str, FastSet<&'static str>> = FastMap::default();
        for (line, f) in rows(CUES) {
            let list = field("cues.tsv", line, &f, 1)?;
            cues.entry(f[0])
                .or_default()
                .extend(list.split(',').map(str::trim));
        }
        for (file, table) in [
            (
                "units.tsv",
                units.iter().filter_map(|(_, u)| u.cue).collect::<Vec<_>>(),
            ),
            (
                "currencies.tsv",
                currencies.iter().filter_map(|(_, c)| c.cue).collect(),
            ),
        ] {
            if let Some(c) = table.iter().find(|c| !cues.contains_key(*c)) {
                return Err(bad(file, 0, format!("cue class {c:?} is not in cues.tsv")));
            }
        }

        let mut zero: FastMap<&'static str, FastSet<&'static str>> = FastMap::default();
        for (line, f) in rows(ZERO) {
            let kind = f[0];
            if !matches!(kind, "modifier" | "report" | "noun") {
                return Err(bad("zero.tsv", line, format!("unknown kind {kind:?}")));
            }
            let list = field("zero.tsv", line, &f, 1)?;
            zero.entry(kind)
                .or_default()
                .extend(list.split(',').map(str::trim));
        }

        let mut noise: FastMap<&'static str, FastSet<&'static str>> = FastMap::default();
        for (line, f) in rows(NOISE) {
            let kind = f[0];
            if !matches!(
                kind,
                "phone" | "exchange" | "suffix" | "id" | "dial" | "label" | "street" | "compass"
            ) {
                return Err(bad("noise.tsv", line, format!("unknown kind {kind:?}")));
            }
            let list = field("noise.tsv", line, &f, 1)?;
            noise
                .entry(kind)
                .or_default()
                .extend(list.split(',').map(str::trim));
        }

        let mut starters: FastSet<String> =
            GRAMMAR_STARTERS.iter().map(|s| s.to_string()).collect();
        starters.extend(hedges.first_tokens().map(str::to_string));
        starters.extend(vague.first_tokens().map(str::to_string));
        starters.extend(currencies.first_tokens().map(str::to_string));
        starters.extend(number_words.keys().map(|w| w.to_string()));
        starters.extend(decades.keys().map(|w| w.to_string()));
        starters.extend(denominators.keys().map(|w| w.to_string()));

        let mut numeric_words: FastSet<String> =
            ["twice", "thrice"].iter().map(|s| s.to_string()).collect();
        numeric_words.extend(number_words.keys().map(|w| w.to_string()));
        numeric_words.extend(decades.keys().map(|w| w.to_string()));
        numeric_words.extend(denominators.keys().map(|w| w.to_string()));
        for (p, _) in vague.iter() {
            numeric_words.extend(
                p.lower
                    .iter()
                    .filter(|w| !matches!(w.as_str(), "a" | "of" | "and"))
                    .cloned(),
            );
        }
        for (w, (_, kind)) in &number_words {
            // Plural ordinals are denominators (`thirds`).
            if *kind == WordKind::Ordinal {
                numeric_words.insert(format!("{w}s"));
            }
        }
        let numeric_shapes = Shapes::of(numeric_words.iter().map(String::as_str));
        let role_shapes = Shapes::of(roles_by_first.keys().copied());
        let role_shapes_any_case = Shapes::of(
            roles_by_first
                .iter()
                .filter(|(_, ps)| ps.iter().any(|p| !p.exact))
                .map(|(w, _)| *w),
        );
        let mut flags: FastMap<String, u16> = FastMap::default();
        let mut mark = |w: &str, bit: u16| *flags.entry(w.to_string()).or_default() |= bit;
        numeric_words.iter().for_each(|w| mark(w, flag::NUMERIC));
        starters.iter().for_each(|w| mark(w, flag::STARTER));
        hedges.first_tokens().for_each(|w| mark(w, flag::HEDGE));
        after_hedges
            .first_tokens()
            .for_each(|w| mark(w, flag::AFTER_HEDGE));
        vague.first_tokens().for_each(|w| mark(w, flag::VAGUE));
        currencies
            .first_tokens()
            .for_each(|w| mark(w, flag::CURRENCY));
        units.first_tokens().for_each(|w| mark(w, flag::UNIT));

        Ok(Lexicon {
            flags,
            class_prefixes,
            numeric_words,
            numeric_shapes,
            role_shapes,
            role_shapes_any_case,
            starters,
            number_words,
            decades,
            denominators,
            hedges,
            after_hedges,
            vague,
            scales,
            currencies,
            units,
            classes,
            class_by_stem,
            class_exact,
            class_phrases,
            identifiers: words(IDENTIFIERS),
            month_numbers: month_numbers(MONTHS),
            stopwords: words(STOPWORDS),
            any_attribution_verbs: attribution_verbs
                .union(&weak_attribution_verbs)
                .copied()
                .collect(),
            attribution_verbs,
            modal_words,
            weak_attribution_verbs,
            roles,
            roles_by_first,
            role_classes,
            role_words,
            parties,
            cues,
            zero,
            noise,
            stemmer,
        })
    }

    /// The unit a surface names (`hours`), for figures read without one (`2:04:31`).
    pub fn unit_named(&self, surface: &str) -> Option<&UnitDef> {
        self.units
            .iter()
            .find(|(p, _)| p.lower.len() == 1 && p.lower[0] == surface)
            .map(|(_, u)| u)
    }

    /// The English stem of a lowercase word.
    pub fn stem(&self, word: &str) -> String {
        self.stemmed(word, |s, _| s.stem.to_string())
    }

    /// The English stem of a lowercase word as a [`StemId`], for comparing word sets.
    pub fn stem_id(&self, word: &str) -> StemId {
        self.stemmed(word, |s, _| s.id)
    }

    /// Looks up a lowercase word's stem and measure class, stemming each word once per thread:
    /// news repeats its vocabulary, and the stemmer is the costliest step of extraction.
    fn stemmed<R>(&self, word: &str, f: impl FnOnce(&Stemmed, Option<usize>) -> R) -> R {
        self.stemmed_entry(word, |s, k, _| f(s, k))
    }

    /// The stem of a lowercase content word as a [`StemId`]; `None` for a stopword. One
    /// lookup for both questions, which extraction asks of every word of every sentence.
    pub fn content_stem_id(&self, word: &str) -> Option<StemId> {
        self.stemmed_entry(word, |s, _, stop| (!stop).then_some(s.id))
    }

    /// [`Lexicon::stemmed`], also saying whether the word is a stopword (cached with it).
    fn stemmed_entry<R>(
        &self,
        word: &str,
        f: impl FnOnce(&Stemmed, Option<usize>, bool) -> R,
    ) -> R {
        thread_local! {
            static CACHE: RefCell<FastMap<String, StemEntry>> = RefCell::new(FastMap::default());
        }
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            if let Some((s, k, stop)) = c.get(word) {
                return f(s, *k, *stop);
            }
            if c.len() > 500_000 {
                c.clear();
            }
            let stem = self.stemmer.stem(word).into_owned();
            let class = self
                .class_exact
                .get(word)
                .or_else(|| self.class_by_stem.get(&stem))
                .copied();
            let stem = Stemmed {
                id: StemId::of(&stem),
                stem,
            };
            let stop = self.stopwords.contains(word);
            let r = f(&stem, class, stop);
            c.insert(word.to_string(), (stem, class, stop));
            r
        })
    }

    /// What a lowercase token can begin or be, as [`flag`] bits (one lookup per token).
    pub fn flags(&self, lower: &str) -> u16 {
        self.flags.get(lower).copied().unwrap_or(0)
    }

    /// Whether a lowercase word is a figure by itself (`twelve`, `thirds`, `dozens`).
    pub fn is_numeric_word(&self, lower: &str) -> bool {
        self.numeric_shapes.admits(lower) && self.numeric_words.contains(lower)
    }

    /// The class phrases a lowercase word can begin (`lost` → `lost their lives`), with their
    /// class.
    pub fn class_phrases_from(&self, lower: &str) -> &[(Vec<&'static str>, usize)] {
        self.class_phrases.get(lower).map_or(&[], Vec::as_slice)
    }

    /// Whether `w` is a word of kind `kind` in `data/role_words.tsv`.
    pub fn is_role_word(&self, kind: &str, w: &str) -> bool {
        self.role_words.get(kind).is_some_and(|s| s.contains(w))
    }

    /// Whether a word, lowercase `lower`, written with a capital or not, can begin a role
    /// phrase: phrases written with a capital (`Gen.`, `DA`) begin only at a capitalised word,
    /// so the common lowercase words they share a shape with are rejected without a lookup.
    pub fn may_begin_role(&self, lower: &str, capitalised: bool) -> bool {
        if capitalised {
            self.role_shapes.admits(lower)
        } else {
            self.role_shapes_any_case.admits(lower)
        }
    }

    /// The role phrases a lowercase word can begin (`chief` → `chief executive`, …).
    pub fn roles_from(&self, lower: &str) -> Option<&[RolePhrase]> {
        if !self.role_shapes.admits(lower) {
            return None;
        }
        self.roles_by_first.get(lower).map(Vec::as_slice)
    }

    /// Whether a lowercase token can start a quantity (digits always can).
    pub fn starts_quantity(&self, lower: &str) -> bool {
        self.starters.contains(lower)
    }

    /// The value and role of an English number word.
    pub fn number_word(&self, w: &str) -> Option<(f64, WordKind)> {
        self.number_words.get(w).copied()
    }

    /// The first year of a decade word within its century (`sixties` → 60).
    pub fn decade_word(&self, w: &str) -> Option<f64> {
        self.decades.get(w).copied()
    }

    /// The value of an ordinal word (`third` → 3).
    pub fn ordinal_value(&self, w: &str) -> Option<f64> {
        self.number_words
            .get(w)
            .filter(|(_, k)| *k == WordKind::Ordinal)
            .map(|&(v, _)| v)
    }

    /// The denominator a word names: `half` → 2, `thirds` → 3, `fifth` → 5; not `first`,
    /// `second` (a second is no fraction).
    pub fn denominator(&self, w: &str) -> Option<f64> {
        if let Some(&d) = self.denominators.get(w) {
            return Some(d);
        }
        let singular = w.strip_suffix('s').unwrap_or(w);
        self.ordinal_value(singular).filter(|&v| v > 2.0)
    }

    /// Whether `w` is a word of kind `kind` in `data/zero.tsv`.
    pub fn is_zero_word(&self, kind: &str, w: &str) -> bool {
        self.zero.get(kind).is_some_and(|s| s.contains(w))
    }

    /// Whether `w` is a word of kind `kind` in `data/noise.tsv`.
    pub fn is_noise_word(&self, kind: &str, w: &str) -> bool {
        self.noise.get(kind).is_some_and(|s| s.contains(w))
    }

    /// Whether a lowercase word names a month (`june`, `sept.`, `dec`).
    pub fn is_month(&self, w: &str) -> bool {
        self.month_numbers.contains_key(w)
    }

    /// The number of a month word (`sept.` → 9), when it is one.
    pub fn month_number(&self, w: &str) -> Option<u8> {
        self.month_numbers.get(w).copied()
    }

    /// Whether `w` is a word of the cue class `class`.
    pub fn is_cue(&self, class: &str, w: &str) -> bool {
        self.cues.get(class).is_some_and(|s| s.contains(w))
    }

    /// The measure class of a word, if the data names one.
    pub fn class_of(&self, word: &str) -> Option<usize> {
        if let Some(k) = prefix_index(word) {
            if self.class_prefixes[k / 64] & (1 << (k % 64)) == 0 {
                return None;
            }
        }
        if word.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
            self.stemmed(&word.to_lowercase(), |_, k| k)
        } else {
            self.stemmed(word, |_, k| k)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_admit_every_member_and_reject_others() {
        let lx = lexicon();
        for w in &lx.numeric_words {
            assert!(lx.numeric_shapes.admits(w), "{w}");
            assert!(lx.is_numeric_word(w), "{w}");
        }
        for w in lx.roles_by_first.keys() {
            assert!(lx.roles_from(w).is_some(), "{w}");
        }
        let s = Shapes::of(["twelve", "a", "émigré", "x1"]);
        assert!(s.admits("twelve") && s.admits("a") && s.admits("x1"));
        assert!(
            s.admits("ésprit"),
            "a non a-z first letter is always admitted"
        );
        assert!(!s.admits("the") && !s.admits("twelves") && !s.admits("b"));
    }

    /// Tokens as written and lowercased.
    struct Words(Vec<(String, String)>);
    impl TokenView for Words {
        fn count(&self) -> usize {
            self.0.len()
        }
        fn raw(&self, i: usize) -> &str {
            &self.0[i].0
        }
        fn lower(&self, i: usize) -> &str {
            &self.0[i].1
        }
    }

    fn view(s: &str) -> Words {
        Words(
            tokenize(s, 0)
                .iter()
                .map(|t| {
                    (
                        s[t.span.clone()].to_string(),
                        s[t.span.clone()].to_lowercase(),
                    )
                })
                .collect(),
        )
    }

    #[test]
    fn data_files_parse() {
        let lx = Lexicon::parse().unwrap();
        assert_eq!(
            lx.hedges.longest(&view("at least 3"), 0).map(|x| *x.1),
            Some(HedgeKind::AtLeast)
        );
        assert_eq!(lx.scales["bn"].factor, 1e9);
        assert_eq!(lx.currencies.longest(&view("£"), 0).unwrap().1.code, "GBP");
        assert!(lx
            .units
            .iter()
            .any(|(p, u)| p.toks == ["miles"] && u.dimension == "length"));
        assert!(lx.is_month("june") && lx.identifiers.contains("article"));
        assert_eq!(lx.month_number("january"), Some(1));
        assert_eq!(lx.month_number("sept."), Some(9));
        assert_eq!(lx.month_number("dec"), Some(12));
        assert_eq!(lx.month_number("mar"), Some(3));
        assert!(!lx.stopwords.is_empty() && lx.parties["management"] == "company");
        assert!(lx.is_cue("verb", "fell") && !lx.is_cue("verb", "snow"));
        assert!(lx.is_cue("money", "paid") && lx.is_cue("aux", "were"));
        assert!(lx.modal_words.contains("allegedly") && lx.modal_words.contains("reportedly"));
        assert!(lx.is_zero_word("report", "reports") && lx.is_zero_word("noun", "dead"));
        assert!(lx.is_zero_word("modifier", "immediate") && !lx.is_zero_word("noun", "the"));
        assert!(lx.is_noise_word("exchange", "nyse") && lx.is_noise_word("suffix", "tw"));
        assert!(lx.is_noise_word("phone", "hotline") && !lx.is_noise_word("phone", "killed"));
        assert!(lx.is_role_word("honorific", "dr") && lx.is_role_word("suffix", "jr"));
        assert!(lx.is_role_word("qualifier", "deputy") && lx.is_role_word("org", "ministry"));
        let class = |n: &str| lx.role_classes.iter().find(|c| c.name == n).unwrap();
        assert!(class("senator").many && !class("mayor").many);
        // `Lt. Gen.` is cut as the text is: `Lt`, `.`, `Gen`, `.`; capitals match as written.
        let gen = lx.roles_from("lt").unwrap();
        assert!(gen
            .iter()
            .any(|p| p.words == ["Lt", ".", "Gen", "."] && p.exact));
    }

    #[test]
    fn synonyms_share_a_class() {
        let lx = lexicon();
        let same = |a: &str, b: &str| lx.class_of(a).is_some() && lx.class_of(a) == lx.class_of(b);
        assert!(same("arrested", "detained"));
        assert!(same("killed", "deaths"));
        assert!(same("staff", "employing"));
        assert!(same("injured", "wounded"));
        assert!(!same("workstations", "staff"));
        assert!(lx.classes[lx.class_of("individuals").unwrap()].generic);
    }

    #[test]
    fn longest_phrases_come_first() {
        let lx = lexicon();
        let v = view("tens of thousands of people");
        let (end, amount) = lx.vague.longest(&v, 0).unwrap();
        assert_eq!((end, amount.low), (3, 10000.0));
        let v = view("no fewer than 30");
        assert_eq!(lx.hedges.longest(&v, 0).unwrap().0, 3);
    }

    /// Table-driven: each phrase is found, with its value, and nothing reads past it.
    macro_rules! phrases {
        ($($name:ident: $table:ident, $input:expr => $end:expr, $check:expr;)*) => {
            $(#[test] fn $name() {
                let lx = lexicon();
                let v = view($input);
                let (end, x) = lx.$table.longest(&v, 0).expect($input);
                assert_eq!(end, $end, "{}", $input);
                #[allow(clippy::redundant_closure_call)]
                let ok = ($check)(x);
                assert!(ok, "{}", $input);
            })*
        };
    }

    phrases! {
        hedge_no_less_than: hedges, "no less than thirty" => 3, |h: &HedgeKind| *h == HedgeKind::AtLeast;
        hedge_symbol_at_most: hedges, "<= 100" => 2, |h: &HedgeKind| *h == HedgeKind::AtMost;
        hedge_up_to: hedges, "up to 700" => 2, |h: &HedgeKind| *h == HedgeKind::UpTo;
        hedge_nearly: hedges, "almost 5" => 1, |h: &HedgeKind| *h == HedgeKind::Nearly;
        hedge_equal_to: hedges, "equal to 20" => 2, |h: &HedgeKind| *h == HedgeKind::Exactly;
        after_or_more: after_hedges, "or more people" => 2, |a: &After| a.hedge == AfterHedge::Kind(HedgeKind::AtLeast);
        after_plus_is_glued: after_hedges, "plus" => 1, |a: &After| a.glued;
        vague_handful: vague, "a handful of staff" => 3, |v: &Vague| v.low == 2.0;
        vague_several_scales: vague, "several hundred" => 1, |v: &Vague| v.scalable;
        vague_dozens: vague, "dozens of homes" => 1, |v: &Vague| v.low == 24.0;
        currency_prefixed_dollar: currencies, "HK$ 5" => 2, |c: &Currency| c.code == "HKD";
        currency_spaced_prefix: currencies, "c $ 16" => 2, |c: &Currency| c.code == "CAD";
        currency_cents: currencies, "cents" => 1, |c: &Currency| c.subunit == Some("cent") && c.factor == 0.01;
        currency_pounds_need_a_cue: currencies, "pounds" => 1, |c: &Currency| c.cue == Some("money");
        currency_musd_scales: currencies, "MUSD" => 1, |c: &Currency| c.scale && c.factor == 1e6;
        unit_km_per_hour: units, "km/h" => 3, |u: &UnitDef| u.dimension == "speed";
        unit_square_metres_built: units, "metres" => 1, |u: &UnitDef| u.factor == 1.0;
        unit_celsius: units, "degrees Celsius" => 2, |u: &UnitDef| u.offset == 273.15;
        unit_in_is_weak: units, "in" => 1, |u: &UnitDef| u.weak;
        unit_megabyte: units, "MB" => 1, |u: &UnitDef| u.name == "megabyte";
        unit_pc_is_percent: units, "pc" => 1, |u: &UnitDef| u.dimension == "percent";
        currency_dollar_us: currencies, "$US 40" => 2, |c: &Currency| c.code == "USD";
        currency_dollar_hk: currencies, "$HK 40" => 2, |c: &Currency| c.code == "HKD";
    }

    #[test]
    fn case_rules() {
        let lx = lexicon();
        // `MB` is a megabyte, `mb` a millibar; `M` is no metre.
        let name = |s: &str| lx.units.longest(&view(s), 0).map(|(_, u)| u.name);
        assert_eq!(name("MB"), Some("megabyte"));
        assert_eq!(name("mb"), Some("millibar"));
        assert_eq!(name("M"), None);
        assert_eq!(name("m"), Some("metre"));
        // `15pc` is a percentage; a `PC` is a computer.
        assert_eq!(name("pc"), Some("percent"));
        assert_eq!(name("PC"), None);
    }

    #[test]
    fn denominators() {
        let lx = lexicon();
        assert_eq!(lx.denominator("thirds"), Some(3.0));
        assert_eq!(lx.denominator("half"), Some(2.0));
        assert_eq!(lx.denominator("second"), None);
        assert_eq!(lx.denominator("hundredths"), Some(100.0));
    }
}
