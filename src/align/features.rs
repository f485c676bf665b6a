//! What is known about a candidate pair of claims: one number per piece of evidence that the
//! two state one fact (the same thing counted, the same owner, the same time, fitting values)
//! or different facts (owners or anchors that conflict, different known measures). The model
//! (`model.rs`) weighs them; the names here are the keys of `data/pair_weights.tsv`.

use crate::extract::{dimension, Claim, Counted, HedgeKind, QuantityKind, StemId};
use crate::interval::{relate, Reading, Relation};
use crate::lexical::{lexical, How, Relatedness, Senses};
use crate::Analysis;
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

/// Declares the features: their names (the keys of `data/pair_weights.tsv`) in order, and a
/// constant index for each, so that filling a pair's vector costs no lookup by name.
macro_rules! features {
    ($($id:ident = $name:literal,)*) => {
        pub const NAMES: &[&str] = &[$($name),*];
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        enum Index {
            $($id),*
        }
        $(pub const $id: usize = Index::$id as usize;)*
    };
}

features! {
    BIAS = "bias",
    SAME_VALUE = "same_value",
    COMPATIBLE = "compatible",
    STRAINED = "strained",
    CONFLICT = "conflict",
    DISTINCTIVE_SAME = "distinctive_same",
    VALUE_GAP = "value_gap",
    MEASURE_SAME = "measure_same",
    MEASURE_CLASS_SAME = "measure_class_same",
    MEASURE_CLASH = "measure_clash",
    HEAD_RELATED = "head_related",
    HEAD_UNRELATED = "head_unrelated",
    PREDICATE_RELATED = "predicate_related",
    LOCAL_WORDS = "local_words",
    SENTENCE_WORDS = "sentence_words",
    NAMES_NEAR = "names_near",
    NAMES_NEAR_CLASH = "names_near_clash",
    SENTENCE_NAMES = "sentence_names",
    ATTRIBUTION_SAME = "attribution_same",
    ATTRIBUTION_CLASH = "attribution_clash",
    OWNER_SAME = "owner_same",
    OWNER_CLASH = "owner_clash",
    ANCHOR_CLASH = "anchor_clash",
    ANCHOR_ONE = "anchor_one",
    BOTH_HEADLINES = "both_headlines",
    BOTH_LEAD = "both_lead",
    SHARED_FIGURES = "shared_figures",
    BOTH_BARE = "both_bare",
    BOTH_VAGUE = "both_vague",
    VAGUE_MISFIT = "vague_misfit",
    VAGUE_FAR = "vague_far",
    COMMON_VALUE = "common_value",
    NO_IDENTITY = "no_identity",
    CROWD = "crowd",
    CLASS_COUNT = "class_count",
    CLASS_MONEY = "class_money",
    CLASS_AGE = "class_age",
    CLASS_MEASURE = "class_measure",
    CLASS_PERCENT = "class_percent",
    CLASS_TIME = "class_time",
    CLASS_YEAR = "class_year",
    CLASS_DATE = "class_date",
    CLASS_ORDINAL = "class_ordinal",
    CLASS_SCORE = "class_score",
}

pub const N: usize = NAMES.len();

/// A pair's features, indexed as [`NAMES`].
pub type Features = [f64; N];

/// The index of a feature by name.
pub fn index(name: &str) -> Option<usize> {
    NAMES.iter().position(|n| *n == name)
}

/// The comparison class of a claim: only claims of one class are ever compared.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    Count,
    Age,
    Money(String),
    Measure(String),
    Percent,
    PercentagePoints,
    Magnitude,
    /// Years and dates.
    Year,
    Time,
    Ordinal,
    /// Results, votes and records (`won 31-17`, `a 12-4 record`).
    Score,
}

impl Class {
    pub fn of(c: &Claim) -> Option<Class> {
        let q = &c.quantity;
        let per = c
            .per
            .as_deref()
            .map(|p| format!("|per:{p}"))
            .unwrap_or_default();
        Some(match q.kind {
            // `1,000 times` and `1,000 recharges` count one thing.
            // A share of a whole (`two-thirds of voters`) is a percentage.
            QuantityKind::Count if crate::interval::is_share(q) && per.is_empty() => Class::Percent,
            QuantityKind::Count | QuantityKind::Multiplier => {
                if per.is_empty() {
                    Class::Count
                } else {
                    Class::Measure(format!("count{per}"))
                }
            }
            QuantityKind::Age => Class::Age,
            QuantityKind::Money => Class::Money(format!("{}{per}", dimension(q))),
            QuantityKind::Measure => Class::Measure(format!("{}{per}", dimension(q))),
            QuantityKind::Percent => Class::Percent,
            QuantityKind::PercentagePoints => Class::PercentagePoints,
            QuantityKind::Magnitude => Class::Magnitude,
            // Years and dates meet: `October 21, 2011` and `in 2011`, `October 5` and
            // `October 5, 2013` (a day and a year alone are ruled out: see
            // `identity_conflict`).
            QuantityKind::Year | QuantityKind::Date => Class::Year,
            QuantityKind::Time => Class::Time,
            QuantityKind::Ordinal => Class::Ordinal,
            QuantityKind::Score => Class::Score,
            QuantityKind::Identifier => return None,
        })
    }

    fn indicator(&self) -> usize {
        match self {
            Class::Count => CLASS_COUNT,
            Class::Age => CLASS_AGE,
            Class::Money(_) => CLASS_MONEY,
            Class::Measure(_) | Class::Magnitude => CLASS_MEASURE,
            Class::Percent | Class::PercentagePoints => CLASS_PERCENT,
            Class::Time => CLASS_TIME,
            Class::Year => CLASS_YEAR,
            Class::Ordinal => CLASS_ORDINAL,
            Class::Score => CLASS_SCORE,
        }
    }
}

/// Word rarity across the reports being compared: a word most sentences share (`said`,
/// the city's name in a local story) says less about two figures than a rare one.
pub struct Rarity {
    idf: HashMap<StemId, f64>,
    default: f64,
}

impl Rarity {
    pub fn new(docs: &[Analysis]) -> Rarity {
        let mut df: HashMap<StemId, u32> = HashMap::default();
        let mut sentences = 0u32;
        for d in docs {
            let mut last = usize::MAX;
            for c in &d.claims {
                if c.sentence == last {
                    continue;
                }
                last = c.sentence;
                sentences += 1;
                for s in c.context.iter() {
                    *df.entry(*s).or_default() += 1;
                }
            }
        }
        let n = f64::from(sentences.max(1));
        let idf = df
            .into_iter()
            .map(|(s, k)| (s, ((n + 1.0) / (f64::from(k) + 0.5)).ln().max(0.1)))
            .collect();
        Rarity {
            idf,
            default: (n + 1.0).ln().max(0.1),
        }
    }

    /// A sorted stem list with its words' rarity.
    pub fn bag(&self, stems: &[StemId]) -> Bag {
        let weights: Vec<f64> = stems
            .iter()
            .map(|s| self.idf.get(s).copied().unwrap_or(self.default))
            .collect();
        Bag {
            total: weights.iter().sum(),
            ids: stems.to_vec(),
            weights,
        }
    }
}

/// Stems with a weight each, and their total: the words around a figure or in its sentence.
#[derive(Debug, Default)]
pub struct Bag {
    ids: Vec<StemId>,
    weights: Vec<f64>,
    total: f64,
}

/// What the reports of one event say between them that pairing reads: the year they mostly
/// name and the names they write as one (`Indianapolis Colts`).
#[derive(Debug, Default)]
pub struct Event {
    /// The anchor key of the year the reports mostly name (`year:2011`): the event's own.
    year: Option<Arc<str>>,
    /// Two capitalised words written side by side in some report, lowercase, joined by a
    /// space (`indianapolis colts`): a city and its team, a first name and a surname.
    joined: rustc_hash::FxHashSet<String>,
    /// Second words of `joined` that follow more than one first word (`peterson` after
    /// `laci` and `scott`): a surname two people share.
    shared: rustc_hash::FxHashSet<String>,
}

impl Event {
    pub fn of(docs: &[Analysis]) -> Event {
        let joined: rustc_hash::FxHashSet<String> = docs
            .iter()
            .flat_map(|d| joined_names(d.normalized.text()))
            .collect();
        let mut seen: HashMap<&str, &str> = HashMap::default();
        let mut shared = rustc_hash::FxHashSet::default();
        let stop = &crate::extract::lexicon().stopwords;
        for pair in &joined {
            // A capitalised article or the like (`The Herons` at a sentence's start) is no
            // first name.
            let Some((first, second)) = pair.split_once(' ').filter(|(f, _)| !stop.contains(*f))
            else {
                continue;
            };
            if seen.insert(second, first).is_some_and(|f| f != first) {
                shared.insert(second.to_string());
            }
        }
        Event {
            year: event_year(docs),
            joined,
            shared,
        }
    }

    /// Whether two owner keys name one owner as a report writes it (`indianapolis` and
    /// `colts` from `the Indianapolis Colts`), unless the second is shared by two first
    /// words (`Laci Peterson`, `Scott Peterson`: `peterson` alone may be either).
    fn one_name(&self, p: &str, q: &str) -> bool {
        let joined = |a: &str, b: &str| {
            !self.shared.contains(b) && self.joined.contains(&format!("{a} {b}"))
        };
        joined(p, q) || joined(q, p)
    }
}

/// Pairs of capitalised words side by side with nothing between them but a space.
fn joined_names(text: &str) -> impl Iterator<Item = String> + '_ {
    let fold = |w: &str| {
        w.trim_end_matches("'s")
            .trim_end_matches("\u{2019}s")
            .to_lowercase()
    };
    let mut words = text.split_whitespace().peekable();
    std::iter::from_fn(move || loop {
        let w = words.next()?;
        let next = *words.peek()?;
        let a = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        let b = next.trim_end_matches(|c: char| !c.is_alphanumeric());
        let capital = |x: &str| x.chars().next().is_some_and(char::is_uppercase);
        let word = |x: &str| {
            !x.is_empty()
                && x.chars()
                    .all(|c| c.is_alphabetic() || "'\u{2019}-".contains(c))
        };
        if capital(a) && capital(b) && word(a) && word(b) {
            return Some(format!("{} {}", fold(a), fold(b)));
        }
    })
}

/// The year the reports name most often, as an anchor key (`year:2011`): the year of the
/// event they report, whose figures it does not set apart. A date's year counts (a dateline
/// names the event's). `None` when no year is named, or two tie.
fn event_year(docs: &[Analysis]) -> Option<Arc<str>> {
    let mut counts: HashMap<u64, (usize, f64)> = HashMap::default();
    for d in docs {
        for c in &d.claims {
            let year = match c.quantity.kind {
                QuantityKind::Year => c.quantity.value,
                QuantityKind::Date => c.quantity.date.and_then(|d| d.year).map(f64::from),
                _ => None,
            };
            if let Some(v) = year {
                counts.entry(v.to_bits()).or_insert((0, v)).0 += 1;
            }
        }
    }
    let mut ranked: Vec<(usize, f64)> = counts.into_values().collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.total_cmp(&b.1)));
    match ranked.as_slice() {
        [first, second, ..] if first.0 == second.0 => None,
        [first, ..] => Some(format!("year:{}", first.1).into()),
        [] => None,
    }
}

/// Weighted Jaccard similarity of two bags: the weight of the stems both hold over the weight
/// of those either holds.
fn weighted_jaccard(a: &Bag, b: &Bag) -> f64 {
    let (mut i, mut j, mut inter) = (0, 0, 0.0);
    while i < a.ids.len() && j < b.ids.len() {
        match a.ids[i].cmp(&b.ids[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += a.weights[i];
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.total + b.total - inter;
    if union > 0.0 {
        inter / union
    } else {
        0.0
    }
}

/// How many of its sentence's other figures a claim keeps for comparison.
const MAX_OTHERS: usize = 16;

/// One claim prepared for pairing: what every comparison of it needs, computed once.
pub struct View<'a> {
    pub claim: &'a Claim,
    pub class: Class,
    /// What the figure allows, in the base unit.
    reading: Reading,
    /// The point figure in the base unit, when there is one.
    pub value: Option<f64>,
    /// The figure stated, exactly or as an estimate (`about 40` states 40), in the base unit;
    /// not a bound (`more than 40` excludes it).
    pub stated: Option<f64>,
    head: Arc<Senses>,
    /// The same read as a noun only (`punts` are kicks, never bets): what the identity rule
    /// of things counted compares for two counts, where the model's features read every
    /// sense.
    noun: Arc<Senses>,
    /// The counted head is a kind of person (`gunmen`, `voters`).
    person: bool,
    predicate: Arc<Senses>,
    local: Bag,
    /// The sentence's stems, shared by its claims.
    context: Arc<Bag>,
    /// Values of the sentence's other figures, base units, sorted.
    others: Vec<f64>,
    /// The sentence's other measurements (figures with a unit, not money): dimension and
    /// bounds in the base unit, so `about 600m` meets `about 2,000ft`.
    other_spans: Vec<(Arc<str>, f64, f64)>,
    headline: bool,
    lead: bool,
    event: Arc<Event>,
    /// For a time of day, the zone it is given in, as its last word says (`4:30 p.m. ET`).
    zone: Option<String>,
    /// The lowercase words of the counted phrase before its head (`fire` of `fire trucks`).
    modifiers: Vec<String>,
    /// The owners of the sentence's other figures (`IBM` of `IBM's 10 percent share`), in a
    /// sentence that contrasts its figures (cue class `contrast`).
    sibling_owners: Vec<String>,
    /// An age read beside a capitalised noun (`the 40-year-old American`, `the 31-year-old
    /// Briton`): a name for a person by nationality or party, who may be the one the
    /// sentence names elsewhere.
    epithet: bool,
}

impl<'a> View<'a> {
    /// `context` is the bag of the claim's sentence (see [`Rarity::bag`]), made once for all
    /// the sentence's claims.
    pub fn new(
        doc: &'a Analysis,
        index: usize,
        rarity: &Rarity,
        context: Arc<Bag>,
        event: Arc<Event>,
    ) -> Option<View<'a>> {
        let c = &doc.claims[index];
        let class = Class::of(c)?;
        let q = &c.quantity;
        let lx = lexical();
        // A score's value is the key of its sides, a date's the key of its parts: two are the
        // same figure when those are.
        let value = base_value(q)
            .filter(|_| matches!(q.hedge, HedgeKind::Exact | HedgeKind::Exactly))
            .or_else(|| q.tally.map(|t| t.key()))
            .or_else(|| q.date.filter(|d| !d.is_empty()).map(|d| d.key()));
        let stated = value.or_else(|| base_value(q).filter(|_| q.hedge == HedgeKind::Approx));
        // `recharged up to 1,000 times`: occurrences count what the verb says, so their noun
        // names no thing to tell them from `1,000 recharges`.
        let thing = c
            .counted
            .as_ref()
            .filter(|k| !occurrences(&k.head))
            .map(|k| k.head.as_str());
        let head = thing.map(|h| lx.read(h)).unwrap_or_default();
        let noun = thing.map(|h| lx.read_noun(h)).unwrap_or_default();
        let predicate = c
            .measure_word
            .as_deref()
            .or(c.predicate.as_ref().map(|p| p.head.as_str()))
            .map(|w| lx.read(w))
            .unwrap_or_default();
        // Claims are in sentence order: the sentence's are a run around this one. Only a
        // few are read, so a sentence with thousands of figures costs no more per claim.
        let first = doc.claims.partition_point(|o| o.sentence < c.sentence);
        let siblings: Vec<&Claim> = doc.claims[first..]
            .iter()
            .enumerate()
            .take_while(|(_, o)| o.sentence == c.sentence)
            .filter(|(k, _)| first + k != index)
            .take(MAX_OTHERS)
            .map(|(_, o)| o)
            .collect();
        let mut others: Vec<f64> = siblings
            .iter()
            .filter_map(|o| base_value(&o.quantity))
            .collect();
        others.sort_by(f64::total_cmp);
        let other_spans: Vec<(Arc<str>, f64, f64)> = siblings
            .iter()
            .filter_map(|o| {
                let q = &o.quantity;
                let u = q
                    .unit
                    .as_ref()
                    .filter(|u| !u.dimension.starts_with("money"))?;
                let i = crate::interval::in_base(q, crate::interval::firm(q));
                (i.low.is_finite() && i.high.is_finite())
                    .then(|| (Arc::from(&*u.dimension), i.low, i.high))
            })
            .collect();
        let sibling_owners: Vec<String> = siblings
            .iter()
            .filter_map(|o| o.frame.owner.as_ref().map(|w| w.key.clone()))
            .collect();
        // Only a sentence that sets figures against each other (`compared with IBM's 10
        // percent`) gives its owners to some figures and not to others.
        let contrasts = || {
            let sentence = &doc.normalized.text()[doc.sentences[c.sentence].span.clone()];
            sentence
                .split(|ch: char| !ch.is_alphanumeric())
                .any(|w| crate::extract::lexicon().is_cue("contrast", &w.to_lowercase()))
        };
        let epithet = q.kind == QuantityKind::Age
            && c.counted.as_ref().is_some_and(|k| {
                doc.quote(k.span.clone())
                    .split(|ch: char| !ch.is_alphanumeric())
                    .any(|w| w.eq_ignore_ascii_case(&k.head) && w.starts_with(char::is_uppercase))
            });
        let sibling_owners = if !sibling_owners.is_empty() && contrasts() {
            sibling_owners
        } else {
            Vec::new()
        };
        let person = head.person;
        let zone = (q.kind == QuantityKind::Time)
            .then(|| {
                let w = doc.normalized.text()[q.span.clone()].rsplit(' ').next()?;
                let w = w.to_ascii_lowercase();
                crate::extract::quantity::is_zone(&w).then_some(w)
            })
            .flatten();
        let modifiers = c
            .counted
            .as_ref()
            .map(|k| {
                let words: Vec<String> = doc.normalized.text()[k.span.clone()]
                    .split(|ch: char| !ch.is_alphanumeric())
                    .filter(|w| w.len() > 2)
                    .map(str::to_lowercase)
                    .collect();
                let n = words.len().saturating_sub(1);
                words.into_iter().take(n).collect()
            })
            .unwrap_or_default();
        Some(View {
            sibling_owners,
            epithet,
            modifiers,
            person,
            claim: c,
            class,
            reading: Reading::of(q),
            value,
            head,
            noun,
            predicate,
            local: rarity.bag(&c.local),
            context,
            others,
            other_spans,
            stated,
            headline: doc.sentences[c.sentence].headline,
            lead: c.sentence < 3,
            event,
            zone,
        })
    }

    /// When the figure holds, if not at the event: its anchor, unless that is the year the
    /// event itself happened in.
    fn anchor(&self) -> Option<&str> {
        self.claim
            .frame
            .anchor
            .as_ref()
            .map(|a| a.key.as_str())
            .filter(|k| Some(*k) != self.event.year.as_deref())
    }

    /// How the two figures relate as values.
    pub fn relation(&self, o: &View) -> Relation {
        self.reading.relation(&o.reading)
    }
}

/// Whether one figure is of a thing an adjective places earlier (`the previous record at
/// 4,051 yards`) that the other's sentence names too with a figure it fits (`broke Newton's
/// record of 4,051 yards`): both may speak of that earlier thing.
fn earlier_thing_of_both(a: &View, b: &View) -> bool {
    let of = |x: &View, y: &View| {
        x.claim
            .frame
            .anchor
            .as_ref()
            .and_then(crate::extract::frame::earlier_thing)
            .and_then(|t| crate::extract::lexicon().content_stem_id(&t.to_lowercase()))
            .is_some_and(|t| y.claim.context.binary_search(&t).is_ok())
    };
    // Only for the same figure: `the previous record of 9.69 seconds` is no rival to `a new
    // record of 9.58`.
    a.relation(b) == Relation::Compatible && (of(a, b) || of(b, a))
}

/// Whether a year one figure is given and the other is not may be the event's own: when the
/// reports name no year more often than another, a distinctive figure both give (`404 yards
/// ... in the 2008 season` and `rushed for 404 yards`) is one fact, not two times.
fn same_figure_of_unknown_year(a: &View, b: &View, anchor: &str) -> bool {
    anchor.starts_with("year:")
        && a.event.year.is_none()
        && a.relation(b) == Relation::Compatible
        && distinctive(&a.claim.quantity)
        && distinctive(&b.claim.quantity)
}

/// Whether `last year` in one report may be the year the other names (`handled 4.2 million
/// containers last year`, `handled 4.2 million containers in 2023`): when the event's year is
/// unknown or the one after, the same precise figure, hedged or not, is one fact.
fn last_year_named(a: &View, b: &View) -> bool {
    let last = a
        .claim
        .frame
        .anchor
        .as_ref()
        .is_some_and(|s| s.key == "past" && s.text.eq_ignore_ascii_case("last year"));
    let year = |k: &str| k.strip_prefix("year:")?.parse::<i32>().ok();
    let Some(named) = b.anchor().and_then(year) else {
        return false;
    };
    let event = a.event.year.as_deref().and_then(year);
    last && event.is_none_or(|e| e == named + 1)
        && a.relation(b) == Relation::Compatible
        && precise(&a.claim.quantity)
        && precise(&b.claim.quantity)
}

/// Whether two claims' sentences share another figure that is precise: the same exact
/// measurement (`148 yards`, `148 rushing yards`). A bare number may be a year both name, and
/// an age is a person's, whatever else the sentences tell of them.
fn shares_precise_sibling(a: &View, b: &View) -> bool {
    // An exact figure's span is its rounding about it: the same narrow span is one figure.
    let narrow = |lo: f64, hi: f64| hi - lo <= 0.02 * ((lo + hi) / 2.0).abs().max(1.0);
    a.other_spans.iter().any(|(d, lo, hi)| {
        &**d != "age"
            && narrow(*lo, *hi)
            && b.other_spans
                .iter()
                .any(|(e, l, h)| d == e && narrow(*l, *h) && same((lo + hi) / 2.0, (l + h) / 2.0))
    })
}

/// The anchors of two figures as identity compares them: an offset between two moments (`nine
/// days after the stroke`) is both how long before (`nine days earlier`) and a length (`nine
/// days in a coma`), so against either it is no anchor at all.
fn anchors<'v>(a: &'v View, b: &'v View) -> (Option<&'v str>, Option<&'v str>) {
    match (a.anchor(), b.anchor()) {
        (Some("offset"), None | Some("ago" | "offset")) | (None | Some("ago"), Some("offset")) => {
            (None, None)
        }
        pair => pair,
    }
}

/// Whether a measure is a class of a kind of person (`data/measures.tsv` kind 2: workers,
/// passengers).
fn who(m: &crate::extract::Measure) -> bool {
    let lx = crate::extract::lexicon();
    m.key
        .strip_prefix("class:")
        .is_some_and(|c| lx.classes.iter().any(|mc| mc.name == c && mc.who))
}

/// Whether a counted noun names occurrences (`times`, `occasions`: cue class `occurrence`).
fn occurrences(head: &str) -> bool {
    crate::extract::lexicon().is_cue("occurrence", head)
}

/// Whether two lists of lowercase names share one, counting a name and the word it derives
/// from as one (`ethiopian` and `ethiopia`, `kenya's` and `kenyan`).
pub fn names_meet(a: &[String], b: &[String]) -> bool {
    fn base(n: &str) -> &str {
        n.trim_end_matches("'s")
    }
    let word_meets = |x: &str, y: &str| {
        let (x, y) = (base(x), base(y));
        x == y || (x.len().min(y.len()) >= 4 && (x.starts_with(y) || y.starts_with(x)))
    };
    // A name of several words meets one whose words are all among its own (`Klitschko`,
    // `Wladimir Klitschko`), not one that shares a word only (`Hurricane George`, `Hurricane
    // Katrina`).
    let within = |x: &str, y: &str| x.split(' ').all(|w| y.split(' ').any(|v| word_meets(w, v)));
    a.iter()
        .any(|x| b.iter().any(|y| within(x, y) || within(y, x)))
}

/// A figure precise enough that two reports giving it by chance is unlikely: stated with
/// decimals, a scale word or a unit of measurement, or a large one not rounded to the hundred.
pub fn distinctive(q: &crate::Quantity) -> bool {
    q.hedge == HedgeKind::Exact && precise(q)
}

/// Whether the figure a claim states, hedged or not, is precise as [`distinctive`] reads it:
/// `an estimated £4.7 million` and `around £4.7m` state one precise figure.
pub fn precise(q: &crate::Quantity) -> bool {
    let v = q.value.unwrap_or(0.0).abs();
    q.scaled
        || q.decimals > 0
        || (v >= 100.0 && v % 100.0 != 0.0 && q.kind != QuantityKind::Year)
        || q.kind == QuantityKind::Measure
        || q.kind == QuantityKind::Score
}

/// A figure's value in its dimension's base unit (metres, seconds…), hedged or not.
fn base_value(q: &crate::Quantity) -> Option<f64> {
    q.value.map(|v| crate::interval::base(q, v))
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(1.0)
}

/// A percentage of a part word (`a 10 percent share`, `a 15pc stake`: cue class `part`) says
/// a part without saying of what, so it is no other thing than what another percentage is of
/// (`7.2% of the market`).
fn unnamed_part(c: &Claim) -> bool {
    matches!(
        c.quantity.kind,
        QuantityKind::Percent | QuantityKind::PercentagePoints
    ) && c
        .counted
        .as_ref()
        .is_some_and(|h| crate::extract::lexicon().is_cue("part", &h.head))
}

/// The relatedness of two claims' words: counted heads, then what happens to them.
pub struct Wording {
    pub head: Relatedness,
    pub predicate: Relatedness,
}

pub fn wording(a: &View, b: &View) -> Wording {
    let lx = lexical();
    Wording {
        head: lx.relate(&a.head, &b.head),
        predicate: lx.relate(&a.predicate, &b.predicate),
    }
}

/// Why two claims cannot be one fact, whatever else they share: a slot conflicts. Named
/// owners that differ (Smith's 17 passes are not Jones's), time anchors that differ (a career
/// average is not one game's score; the 1999 quake's toll is not this one's), measures the
/// lexicon knows to be different things (deaths and injuries, workstations and staff) unless
/// the words themselves are near-synonyms, and opposites (`won`, `lost`).
pub fn identity_conflict(a: &View, b: &View, w: &Wording) -> Option<&'static str> {
    let (x, y) = (a.claim, b.claim);
    let in_names = |o: &str, c: &Claim| c.entities.iter().any(|e| e == o);
    if let (Some(p), Some(q)) = (&x.frame.owner, &y.frame.owner) {
        // An age is read beside the name it belongs to (`Laci, 23`, `the 32-year-old
        // Peterson`): another name in the sentence does not make it that person's.
        let ages = x.quantity.kind == QuantityKind::Age && y.quantity.kind == QuantityKind::Age;
        // `his daughter, Renee,` is `Renee Hale`: a first name alone names the person the
        // other report names in full.
        let first_name = |one: &crate::extract::frame::Slot, full: &crate::extract::frame::Slot| {
            let mut words = full.text.split_whitespace();
            !one.text.contains(char::is_whitespace)
                && words
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case(&one.text))
                && words.next().is_some()
        };
        if p.key != q.key
            && (ages || !in_names(&p.key, y) && !in_names(&q.key, x))
            && !a.event.one_name(&p.key, &q.key)
            && !first_name(p, q)
            && !first_name(q, p)
        {
            return Some("different owners");
        }
    }
    // `the 16-year-old Jon Tamm` against `striking the 10-year-old girl` in a sentence that
    // names Tamm elsewhere: the age is the girl's, read beside her, not Tamm's.
    let ages = x.quantity.kind == QuantityKind::Age && y.quantity.kind == QuantityKind::Age;
    // Beside a nationality or a party (`the 40-year-old American`), the age may be the named
    // person's: the same age told both ways says it is; a different one says nothing of
    // whose it is, and is no rival.
    let same_age = a.relation(b) == Relation::Compatible;
    let beside_another = |owned: &Claim, other: &Claim, v: &View| {
        let owner = owned.frame.owner.as_ref();
        other.frame.owner.is_none()
            && other.counted.is_some()
            && v.person
            && !(v.epithet && same_age)
            && owner.is_some_and(|o| in_names(&o.key, other))
    };
    if ages && (beside_another(x, y, b) || beside_another(y, x, a)) {
        return Some("different owners");
    }
    // Nor is a different age beside an epithet a rival to a named person's.
    let epithet_of_another = |owned: &Claim, v: &View| {
        owned.frame.owner.is_some() && v.claim.frame.owner.is_none() && v.epithet && !same_age
    };
    if ages && (epithet_of_another(x, b) || epithet_of_another(y, a)) {
        return Some("different owners");
    }
    // `it will have about 7 percent, against IBM's 10 percent` and `IBM had 7.2%`: an owner
    // the sentence gives another of its figures is not this figure's.
    let owned_by_sibling = |v: &View, o: &View| {
        v.claim.frame.owner.is_none()
            && o.claim
                .frame
                .owner
                .as_ref()
                .is_some_and(|p| v.sibling_owners.contains(&p.key))
    };
    if owned_by_sibling(a, b) || owned_by_sibling(b, a) {
        return Some("different owners");
    }
    // An offset between two moments (`died nine days after the heart attack`) may be the
    // length another report gives (`nine days in a coma`) or how long before, when the two
    // say the same; when they differ, they are two intervals (`in hospital for three
    // weeks`), not rival accounts of one.
    let offset = |v: &View| v.anchor() == Some("offset");
    if offset(a) != offset(b) && a.relation(b) != Relation::Compatible {
        return Some("an offset and another interval");
    }
    match anchors(a, b) {
        (Some(p), Some(q)) if p != q && !last_year_named(a, b) && !last_year_named(b, a) => {
            return Some("different times")
        }
        // A figure of an earlier time (`last year`, `previously`, a year not the event's) is
        // background to one that is not.
        (Some(p), None) | (None, Some(p))
            if (p == "past" || p.starts_with("year:"))
                && !earlier_thing_of_both(a, b)
                && !same_figure_of_unknown_year(a, b, p) =>
        {
            return Some("different times")
        }
        // An average over games or seasons (`has averaged more than 30 home runs`) is not
        // one season's or one game's figure (`33 homers last season`).
        (Some("average"), None) | (None, Some("average")) => {
            return Some("an average and a single figure")
        }
        // How long ago something happened is no length of time.
        (Some("ago"), None) | (None, Some("ago")) => return Some("a time ago and a length"),
        // What may happen (`could be sentenced to up to 119 years`) is not what happened.
        (Some("possible"), None) | (None, Some("possible")) => {
            return Some("a possibility and a fact")
        }
        // How often something recurs is no length of time either.
        (Some("every"), None) | (None, Some("every")) => return Some("how often and how long"),
        // The end of a term (`through 2012`) is not when the event happened.
        (Some(p), None) | (None, Some(p)) if p.starts_with("until") => {
            return Some("the end of a term and a time")
        }
        // A gap to a record is no margin over a rival.
        (Some("record"), None) | (None, Some("record")) => return Some("a gap to a record"),
        _ => {}
    }
    // An amount added to another (`two extra life sentences`, `a further 30 were hurt`) is a
    // step, not a rival to the total another report gives (`three life sentences`, `40 were
    // hurt`); told as the same figure (`two more arrests`, `two were arrested`), it may be the
    // day's news either way, and is left to the model.
    if x.quantity.increment != y.quantity.increment && a.relation(b) != Relation::Compatible {
        return Some("an increment and a total");
    }
    // A part picked by how or by whom (`51 by knockout`, `two goals by Ruiz`) is no rival to
    // the total (`58 wins`, `five goals`), nor to a part picked otherwise (`six by decision`);
    // told as the same figure, it is left to the model.
    let (p, q) = (x.frame.subset.as_ref(), y.frame.subset.as_ref());
    if p.map(|s| &s.key) != q.map(|s| &s.key) && a.relation(b) != Relation::Compatible {
        return Some(if p.is_some() && q.is_some() {
            "parts picked differently"
        } else {
            "a part and its total"
        });
    }
    // The set a part was drawn from (`one of six children`, `missing 10 of the Saints' 16
    // games`) is not rivalled by a smaller figure that is no such set: that may be another
    // part of it (the children she had, the games he played).
    let set = |c: &Claim| c.quantity.set;
    if set(x) != set(y) && a.relation(b) != Relation::Compatible {
        let (whole, other) = if set(x) { (x, y) } else { (y, x) };
        let most = other.quantity.high.or(other.quantity.value);
        if let (Some(w), Some(m)) = (whole.quantity.value, most) {
            if m < w {
                return Some("a set and what may be a part of it");
            }
        }
    }
    // A result names both sides, so its opposites are one game seen from either side (`a
    // 31-24 victory`, `a 31-24 defeat`).
    let result = |c: &Claim| c.quantity.tally.is_some_and(|t| !t.record);
    // A team's record is its standing over a season, never one game's result.
    let record = |c: &Claim| c.quantity.tally.is_some_and(|t| t.record);
    if result(x) && record(y) || record(x) && result(y) {
        return Some("a record and a result");
    }
    // A record over some games (`4-4 on the road`) is not the record over all of them, nor
    // over others (`9-1 in one-possession games`).
    let scope = |c: &Claim| c.quantity.tally.map(|t| t.scope);
    if record(x) && record(y) && scope(x) != scope(y) {
        return Some("records of different games");
    }
    // Clocks of two zones (`4:30 p.m. ET`, `1:30 p.m. PST`) are not compared as one clock.
    if let (Some(p), Some(q)) = (&a.zone, &b.zone) {
        if p != q {
            return Some("times in different zones");
        }
    }
    // A result's day names its game: a loss last Thursday is not the loss last Sunday.
    if let (true, true, Some(p), Some(q)) = (result(x), result(y), &x.frame.day, &y.frame.day) {
        if p.key != q.key {
            return Some("results of different days");
        }
    }
    // So does any other figure's: an aftershock on Tuesday is not the one on Thursday, nor
    // Monday's arrests Tuesday's. Not an age, which describes a person on any day, nor a
    // count of a class a change gives as its new level (`killing six on Sunday`, `the toll
    // rose to seven on Monday`): that is the story's update, whichever day is the later. A
    // change itself (`shares rose 5% on Tuesday`) is of its day.
    let age = |c: &Claim| c.quantity.kind == QuantityKind::Age;
    let level = |c: &Claim| {
        c.update
            && c.measure.as_ref().is_some_and(|m| {
                m.key.starts_with("class:")
                    && !m.generic
                    && !matches!(
                        m.key.as_str(),
                        "class:increase" | "class:decrease" | "class:margin"
                    )
            })
    };
    if let (Some(p), Some(q)) = (&x.frame.day, &y.frame.day) {
        if p.key != q.key && !age(x) && !age(y) && !level(x) && !level(y) {
            return Some("figures of different days");
        }
    }
    // A lead or a run is one moment of a game: the result, or another score, is another
    // moment, not a rival account of it (a `31-24 lead` with minutes left is not the `31-24`
    // final, even when the game ends so).
    let partial = |c: &Claim| c.quantity.tally.is_some_and(|t| t.partial);
    let score = |c: &Claim| c.quantity.tally.is_some();
    // So is a moment of the game's clock (`with 13:41 to play`, `in the first 3½ minutes`),
    // against another moment or against a time that is none (the game's length).
    let clock = |c: &Claim| c.quantity.moment;
    let moments = partial(x) != partial(y) && score(x) && score(y)
        || partial(x) && partial(y) && a.relation(b) != Relation::Compatible
        || clock(x) != clock(y)
        || clock(x) && clock(y) && a.relation(b) != Relation::Compatible;
    if moments {
        return Some("two moments of a game");
    }
    let contrast = w.head.how == How::Contrast || w.predicate.how == How::Contrast;
    if contrast && !(result(x) && result(y)) {
        return Some("opposite words");
    }
    // Two things counted that the resource knows and finds unrelated (`spreaders` and
    // `districts`, `ambulances` and `schools`, `children` and `bullets`) are two facts, unless
    // their measure is one; two kinds of people, whom news names by role as freely as by kind
    // (`gunmen`, `militants`), are left to the model, as is a person against what the
    // predicate makes of them (`two children died`, `2 deaths`: one measure).
    // Two kinds of one thing (`fire apparatus`, `fire trucks`) share the noun that kinds them.
    let kinded = a.modifiers.iter().any(|m| b.modifiers.contains(m));
    // One who does what another's phrase is kinded by is one of those people: `rescuers`
    // are `rescue workers`, `policemen` are `police officers`.
    // The one who does what the word says, as the resource derives it (`rescue` + `rs`; not
    // `office` + `rs`), or a man or woman of the word (`policemen`).
    let agent_of = |one: &Claim, other: &View| {
        other.person
            && one.counted.as_ref().is_some_and(|h| {
                other.modifiers.iter().any(|m| {
                    let rest = h.head.strip_prefix(m.as_str());
                    let doer = rest.is_some_and(|r| matches!(r, "r" | "rs" | "er" | "ers")) && {
                        let lx = lexical();
                        lx.relate(&lx.read(m), &lx.read(&h.head)).how <= How::Derived
                    };
                    let man = rest.is_some_and(|r| matches!(r, "man" | "men" | "woman" | "women"));
                    m.len() >= 4 && (doer || man)
                })
            })
    };
    let agents = agent_of(x, b) || agent_of(y, a);
    // A year is of the thing its phrase names, whether as the head or as the word before
    // one (`a November 2013 release date`, `a November 2013 release`); a count is not (`three
    // fire trucks` are no `three fires`).
    let year = |c: &Claim| c.quantity.kind == QuantityKind::Year;
    let one_thing_of_years = year(x)
        && year(y)
        && x.counted
            .as_ref()
            .zip(y.counted.as_ref())
            .is_some_and(|(h, k)| a.modifiers.contains(&k.head) || b.modifiers.contains(&h.head));
    // What one claim's verb did to the other's things (`recharged up to 1,000 times`, `1,000
    // recharges`; `caught 52 passes`, `52 catches`): its noun derives from that verb. Not when
    // the verb's own things are people: `shot three people` is not `three shots`.
    let did = |doing: &Claim, thing: &Counted| {
        doing.predicate.as_ref().is_some_and(|p| {
            let lx = lexical();
            lx.relate(&lx.read(&p.head), &lx.read(&thing.head)).how <= How::Derived
        })
    };
    // A part picked by how may name the other's things (`51 wins by way of knockout`, `51
    // knockouts`).
    let picked_as = |picked: &Claim, thing: &Counted| {
        picked.frame.subset.as_ref().is_some_and(|s| {
            let lx = lexical();
            lx.relate(&lx.read(&s.key), &lx.read(&thing.head)).how <= How::Derived
        })
    };
    // Things two counts count are read as nouns (`punts` are kicks, never bets, so no
    // `games`); what a sum or a measurement is of, read more loosely, may be a word of its
    // event rather than its thing (`£3m in smash-and-grab raid`).
    let counts = x.quantity.kind == QuantityKind::Count && y.quantity.kind == QuantityKind::Count;
    let unrelated = || {
        let how = if counts {
            lexical().relate(&a.noun, &b.noun).how
        } else {
            w.head.how
        };
        how == How::Unrelated
    };
    // Two sentences that share another figure, a measurement (`148 yards on 27 carries`,
    // `148 rushing yards on 27 attempts`), tell one story: the same count in both is one
    // thing, whatever the resource makes of its two nouns.
    let same_count = a.value.zip(b.value).is_some_and(|(p, q)| same(p, q));
    let one_story = same_count && shares_precise_sibling(a, b);
    if let (Some(h), Some(k)) = (&x.counted, &y.counted) {
        if h.head != k.head
            && !one_story
            && !kinded
            && !agents
            && !one_thing_of_years
            && !unnamed_part(x)
            && !unnamed_part(y)
            && (a.person || !did(x, k))
            && (b.person || !did(y, h))
            && !picked_as(x, k)
            && !picked_as(y, h)
            && a.head.is_known()
            && b.head.is_known()
            && unrelated()
            && !(a.person && b.person)
            && (x.measure.is_none() || x.measure != y.measure)
        {
            return Some("different things counted");
        }
        // Occurrences (`hosted it five times`) are no people (`the five nominees`) and no
        // things (`rebuffed him three times`, `several brushes with the law`), unless the
        // things are what the verb did (`recharged up to 1,000 times`, `1,000 recharges`).
        // Ranks aside: `for the second time` is the `second arrest`.
        let ranks = x.quantity.kind == QuantityKind::Ordinal;
        if !ranks && occurrences(&h.head) != occurrences(&k.head) {
            let (o, t) = if occurrences(&h.head) { (x, k) } else { (y, h) };
            if !did(o, t) {
                return Some("different things counted");
            }
        }
    }
    // A factor (`five times the legal limit`) counts nothing: it is never a count of things
    // (`several witnesses`).
    let factor = |c: &Claim| c.quantity.kind == QuantityKind::Multiplier;
    if factor(x) && y.counted.is_some() || factor(y) && x.counted.is_some() {
        return Some("a factor and a count");
    }
    // A day with no year (`October 5`) says nothing of a year (`in 2013`).
    let dated = |c: &Claim| c.quantity.kind == QuantityKind::Date;
    let yearless = |c: &Claim| dated(c) && c.quantity.date.is_none_or(|d| d.year.is_none());
    if yearless(x) && !dated(y) || yearless(y) && !dated(x) {
        return Some("a day and a year");
    }
    // A year says when something was: the year of one thing is not the year of another (the
    // 2008 Dolphins, the 2012 season), known to the resource or not.
    if let (true, true, Some(h), Some(k)) = (year(x), year(y), &x.counted, &y.counted) {
        if h.head != k.head && w.head.score < 0.5 && !one_thing_of_years {
            return Some("years of different things");
        }
    }
    // Games someone missed are not the games they played (`missed nine games`, `in 14
    // games`).
    let absent = |c: &Claim| c.measure.as_ref().is_some_and(|m| m.is_absence());
    if absent(x) != absent(y) {
        return Some("an absence and a presence");
    }
    if let (Some(m), Some(n)) = (&x.measure, &y.measure) {
        let near = w.head.score >= 0.75 || w.predicate.score >= 0.75;
        // Ages describe a person, and the steps of one legal process (arrested, charged,
        // sentenced: cue class `legal_process`) happen to one person: `a 60-year-old woman
        // charged` is `arrested a 60-year-old woman`, where the dead are not the injured.
        let step = |k: &str| {
            k.strip_prefix("class:")
                .is_some_and(|c| crate::extract::lexicon().is_cue("legal_process", c))
        };
        let one_person = x.quantity.kind == QuantityKind::Age
            && y.quantity.kind == QuantityKind::Age
            && step(&m.key)
            && step(&n.key);
        // Anyone (`312 people on board`, no verb to say what they did) may be a kind of
        // person another report names (`312 passengers`).
        // An age of anyone (`the suspect, 29,`) may be the age of one whose verb has a class
        // (`the 29-year-old has been charged`).
        let ages = x.quantity.kind == QuantityKind::Age && y.quantity.kind == QuantityKind::Age;
        let anyone = m.generic && (who(n) || ages) || n.generic && (who(m) || ages);
        // Two kinds of person one is (`rescuers`, `rescue workers`) are still apart by what
        // happened to them (`killed`, `injured`).
        let agents = agents && who(m) && who(n);
        if m.key.starts_with("class:")
            && n.key.starts_with("class:")
            && m != n
            && !near
            && !one_person
            && !anyone
            && !agents
        {
            return Some("different measures");
        }
    }
    None
}

/// The features of a candidate pair; `crowd` is how many candidates each has on the other
/// side (more alternatives make any one less likely).
pub fn features(a: &View, b: &View, w: &Wording, crowd: (usize, usize)) -> Features {
    let mut f = [0.0; N];
    let mut set = |i: usize, v: f64| f[i] = v;
    let (x, y) = (a.claim, b.claim);
    set(BIAS, 1.0);
    let rel = a.relation(b);
    // Two claims stating one precise figure, exactly or as an estimate, are the same figure
    // (`an estimated £4.7 million`, `around £4.7m`); a bound is not (`less than £184m`).
    let same_stated = rel == Relation::Compatible
        && a.stated.zip(b.stated).is_some_and(|(p, q)| same(p, q))
        && precise(&x.quantity)
        && precise(&y.quantity);
    // So are two bounds of one kind at one precise or large figure (`more than $600,000`
    // twice).
    let bound = |h: HedgeKind| {
        !matches!(
            h,
            HedgeKind::Exact
                | HedgeKind::Exactly
                | HedgeKind::Approx
                | HedgeKind::Vague
                | HedgeKind::Range
        )
    };
    let same_bound = bound(x.quantity.hedge)
        && x.quantity.hedge == y.quantity.hedge
        && base_value(&x.quantity)
            .zip(base_value(&y.quantity))
            .is_some_and(|(p, q)| same(p, q))
        && (precise(&x.quantity) || x.quantity.value.is_some_and(|v| v.abs() >= 1000.0));
    let same_value =
        a.value.zip(b.value).is_some_and(|(p, q)| same(p, q)) || same_stated || same_bound;
    if same_value {
        set(SAME_VALUE, 1.0);
        if distinctive(&x.quantity) || distinctive(&y.quantity) {
            set(DISTINCTIVE_SAME, 1.0);
        }
    } else {
        match rel {
            Relation::Compatible => set(COMPATIBLE, 1.0),
            Relation::Strained => set(STRAINED, 1.0),
            Relation::Conflict => set(CONFLICT, 1.0),
        }
    }
    // How far apart the figures are as a reader takes them: the log of the ratio across the
    // gap between their plausible readings, nothing when they overlap (`numerous` and `at
    // least 300`), the log of the values' ratio for two point figures, and for a vague amount
    // the distance past its edge (`dozens` from `1,300`).
    let (p, q) = (&a.reading.plausible, &b.reading.plausible);
    let ratio = if p.high < q.low && p.high > 0.0 {
        q.low / p.high
    } else if q.high < p.low && q.high > 0.0 {
        p.low / q.high
    } else {
        1.0
    };
    let gap = if ratio.is_finite() && ratio > 1.0 {
        ratio.ln().min(3.0) / 3.0
    } else {
        0.0
    };
    set(VALUE_GAP, gap);
    match (&x.measure, &y.measure) {
        (Some(m), Some(n)) if m == n && !m.generic => {
            set(MEASURE_SAME, 1.0);
            // A class of `data/measures.tsv` (deaths, arrests, margin) says more than two
            // heads that share a stem.
            if m.key.starts_with("class:") {
                set(MEASURE_CLASS_SAME, 1.0);
            }
        }
        // Anyone (`208 people on board`: the generic class) clashes with no kind of person.
        (Some(m), Some(n))
            if m.key.starts_with("class:")
                && n.key.starts_with("class:")
                && m != n
                && !(m.generic && who(n) || n.generic && who(m)) =>
        {
            set(MEASURE_CLASH, 1.0)
        }
        _ => {}
    }
    // A result names both sides, and each report may tell it from either: `victory` and
    // `defeat` are one game, and the names near the figure are its two teams in either order.
    let result = |c: &Claim| c.quantity.tally.is_some_and(|t| !t.record);
    let results = result(x) && result(y);
    let head_score = if results && w.head.how == How::Contrast {
        0.75
    } else {
        w.head.score
    };
    set(HEAD_RELATED, head_score);
    // Two things counted that the resource knows and finds unrelated (`spreaders`,
    // `districts`): the same figure is likely a coincidence.
    if let (Some(h), Some(k)) = (&x.counted, &y.counted) {
        let known = a.head.is_known() && b.head.is_known();
        // People are defined by what happened to them, not by the word for them.
        if known
            && w.head.how == How::Unrelated
            && h.head != k.head
            && !a.person
            && !b.person
            && !unnamed_part(x)
            && !unnamed_part(y)
        {
            set(HEAD_UNRELATED, 1.0);
        }
    }
    set(PREDICATE_RELATED, w.predicate.score);
    if (w.head.how == How::Contrast || w.predicate.how == How::Contrast) && !results {
        set(MEASURE_CLASH, 1.0);
    }
    set(LOCAL_WORDS, weighted_jaccard(&a.local, &b.local));
    set(SENTENCE_WORDS, weighted_jaccard(&a.context, &b.context));
    if names_meet(&x.local_entities, &y.local_entities)
        || results && names_meet(&x.entities, &y.entities)
    {
        set(NAMES_NEAR, 1.0);
    } else if !x.local_entities.is_empty() && !y.local_entities.is_empty() && !results {
        set(NAMES_NEAR_CLASH, 1.0);
    }
    set(
        SENTENCE_NAMES,
        crate::align::jaccard(&x.entities, &y.entities),
    );
    // Two parties are a reason for two figures of one fact to differ (the union's count and
    // the company's): their clash speaks against one fact only when the figures fit.
    match (&x.attribution, &y.attribution) {
        (Some(p), Some(q)) if p.party == q.party => set(ATTRIBUTION_SAME, 1.0),
        (Some(p), Some(q)) if p.known && q.known && rel == Relation::Compatible => {
            set(ATTRIBUTION_CLASH, 1.0)
        }
        _ => {}
    }
    let in_names = |o: &str, c: &Claim| c.entities.iter().any(|e| e == o);
    match (&x.frame.owner, &y.frame.owner) {
        (Some(p), Some(q)) if p.key == q.key => set(OWNER_SAME, 1.0),
        (Some(p), Some(q)) if !in_names(&p.key, y) && !in_names(&q.key, x) => set(OWNER_CLASH, 1.0),
        (Some(p), None) if in_names(&p.key, y) => set(OWNER_SAME, 0.5),
        (None, Some(q)) if in_names(&q.key, x) => set(OWNER_SAME, 0.5),
        _ => {}
    }
    match anchors(a, b) {
        (Some(p), Some(q)) if p != q => set(ANCHOR_CLASH, 1.0),
        (Some(_), None) | (None, Some(_)) => set(ANCHOR_ONE, 1.0),
        _ => {}
    }
    if a.headline && b.headline {
        set(BOTH_HEADLINES, 1.0);
    }
    if a.lead && b.lead {
        set(BOTH_LEAD, 1.0);
    }
    // Other figures of the two sentences alike: the same value, or measurements of one
    // dimension whose bounds overlap (`fell about 600m`, `fell about 2,000ft`).
    let same_values = a
        .others
        .iter()
        .filter(|v| b.others.iter().any(|w| same(**v, *w)))
        .count();
    let overlapping = a
        .other_spans
        .iter()
        .filter(|(d, lo, hi)| {
            b.other_spans
                .iter()
                .any(|(e, l, h)| d == e && lo < h && l < hi)
        })
        .count();
    let shared = same_values.max(overlapping);
    set(SHARED_FIGURES, (shared as f64).min(2.0) / 2.0);
    let bare = |c: &Claim| c.measure.is_none() && c.counted.is_none() && c.predicate.is_none();
    if bare(x) && bare(y) {
        set(BOTH_BARE, 1.0);
    }
    let (vx, vy) = (
        x.quantity.hedge == HedgeKind::Vague,
        y.quantity.hedge == HedgeKind::Vague,
    );
    if vx && vy {
        set(BOTH_VAGUE, 1.0);
    }
    // A vague amount that does not fit a precise figure (`dozens of flights` against `1,300
    // flights`) is more likely a part of it than a rival count.
    if vx != vy && rel != Relation::Compatible {
        set(VAGUE_MISFIT, 1.0);
        // The further off it is, the likelier a part: `dozens` of a thousand flights.
        set(VAGUE_FAR, gap);
    }
    // Small figures (one, two, the first) recur by chance in any two texts; a fraction
    // (`a .32-caliber gun`) is no such count.
    if same_value && a.value.is_some_and(|v| v.abs() <= 2.0 && v.fract() == 0.0) {
        set(COMMON_VALUE, 1.0);
    }
    set(
        CROWD,
        ((1.0 + crowd.0 as f64).ln() + (1.0 + crowd.1 as f64).ln()) / 2.0,
    );
    // Dates share the years' class, and keep the dates' indicator: a pair with a date is
    // weighed as dates were.
    let dated = x.quantity.kind == QuantityKind::Date || y.quantity.kind == QuantityKind::Date;
    set(
        if dated {
            CLASS_DATE
        } else {
            a.class.indicator()
        },
        1.0,
    );
    // Nothing but the values ties the two: no measure, thing counted, verb, owner, name or
    // wording in common, nor another figure of the sentences.
    if !tied(&f) && f[SHARED_FIGURES] == 0.0 {
        f[NO_IDENTITY] = 1.0;
    }
    f
}

/// Two years or dates that differ with nothing of their own to tie them (no measure, thing
/// counted, verb, owner, nearby word or name in common) are two facts of the reports'
/// background (`relaunched in 2005`, `quit in 1981`), never one fact told two ways: a year
/// is too common a figure to pair on its kind alone, or on another figure of the sentences
/// (a figure elsewhere in the sentence says nothing of what the year dates).
pub fn background_dates(f: &Features) -> bool {
    let dated = f[CLASS_YEAR] > 0.0 || f[CLASS_DATE] > 0.0;
    dated && !tied(f) && (f[CONFLICT] > 0.0 || f[STRAINED] > 0.0)
}

/// Whether a slot of the two claims' own ties them: the measure, the thing counted, the
/// verb, the owner, the words or names beside the figures. Values and other figures of the
/// sentences aside, what makes two figures one fact.
pub fn tied(f: &Features) -> bool {
    f[MEASURE_SAME] > 0.0
        || f[HEAD_RELATED] >= 0.5
        || f[PREDICATE_RELATED] >= 0.5
        || f[LOCAL_WORDS] >= 0.1
        || f[NAMES_NEAR] > 0.0
        || f[OWNER_SAME] > 0.0
}

/// The second stage's features: how a pair ranks among the candidates of either claim.
pub const RANK_NAMES: &[&str] = &[
    "rank_bias",
    "pair_logit",
    "best_both",
    "best_one",
    "margin",
    "best_both_conflict",
    "only_pair",
    "best_both_identity",
    "best_both_dimension",
    "best_both_frame",
];

pub const R: usize = RANK_NAMES.len();

pub type RankFeatures = [f64; R];

/// What the second stage reads of a pair's first-stage features.
#[derive(Debug, Clone, Copy)]
pub struct Facts {
    /// A slot of identity is shared: the measure, or the owner.
    identity: bool,
    /// A dimension rarer than counts (a measurement, sum, age, share or time).
    dimension: bool,
    /// The same frame of words: other figures of the sentences agree, or words near them.
    frame: bool,
}

impl Facts {
    pub fn of(f: &Features) -> Facts {
        Facts {
            identity: f[MEASURE_SAME] > 0.0 || f[OWNER_SAME] >= 1.0,
            dimension: [CLASS_COUNT, CLASS_YEAR, CLASS_DATE, CLASS_ORDINAL]
                .iter()
                .all(|&c| f[c] == 0.0),
            frame: f[SHARED_FIGURES] > 0.0 || f[LOCAL_WORDS] >= 0.2,
        }
    }
}

/// The second-stage features of a pair: its first-stage logit, whether it is the best
/// candidate of both claims or one, by how much it beats the nearest rival (the smaller
/// margin of the two sides), whether a best-for-both pair has figures that conflict,
/// whether the two are their sources' only figures of the class, and for a best-for-both pair
/// whether it shares a slot of identity, is of a dimension rarer than counts (two reports'
/// only such figures of one dimension are likely one fact), or sits in the same frame of
/// words: the evidence a discrepancy, whose figures cannot vouch for it, rests on.
pub fn rank_features(
    facts: &Facts,
    logit: f64,
    best: (bool, bool),
    margin: f64,
    conflict: bool,
    only: bool,
) -> RankFeatures {
    let both = best.0 && best.1;
    [
        1.0,
        logit.clamp(-10.0, 10.0),
        f64::from(both),
        f64::from(best.0 != best.1),
        margin.clamp(-1.0, 1.0),
        f64::from(both && conflict),
        f64::from(only),
        f64::from(both && facts.identity),
        f64::from(both && facts.dimension),
        f64::from(both && facts.frame),
    ]
}

/// Whether two claims' figures fit (plausible intervals meet), for the judge and grouping.
pub fn fit(x: &Claim, y: &Claim) -> bool {
    relate(&x.quantity, &y.quantity) == Relation::Compatible
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_side_by_side_are_joined() {
        let got: Vec<String> =
            joined_names("Fans of the Indianapolis Colts' defence, said Ann Lee. Boston, Mass")
                .collect();
        assert_eq!(got, ["indianapolis colts", "ann lee"]);
    }

    #[test]
    fn names_meet_as_whole_names() {
        let n = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        // One name's words among the other's, or a name and the word it derives from.
        assert!(names_meet(&n(&["okafor"]), &n(&["grace okafor"])));
        assert!(names_meet(&n(&["kenyan police"]), &n(&["kenya"])));
        // A shared word of two names is no shared name.
        assert!(!names_meet(&n(&["storm ida"]), &n(&["storm henri"])));
    }
}
