//! The knowledge the extractor uses, read once from the data files embedded at build time.

use crate::error::{Error, Result};
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// How a hedge word bounds the figure it stands before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HedgeKind {
    /// No hedge: the figure as stated.
    Exact,
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
            _ => return None,
        })
    }
}

/// A unit of measurement and how to convert it to its dimension's base unit.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitDef {
    pub name: &'static str,
    pub dimension: &'static str,
    pub factor: f64,
    pub offset: f64,
}

/// A class of things counted (deaths, arrests, workforce…), from `data/measures.tsv`.
#[derive(Debug, Clone)]
pub struct MeasureClass {
    pub name: &'static str,
    pub label: &'static str,
    /// Anyone (`people`): only the predicate says what is counted.
    pub generic: bool,
    /// A kind of person (`workers`): the predicate's class wins when it has one.
    pub who: bool,
}

/// Every lexicon, parsed.
pub struct Lexicon {
    /// Hedge phrases as lowercase word sequences.
    pub hedges: Vec<(Vec<&'static str>, HedgeKind)>,
    /// Vague amounts: words, low, high.
    pub vague: Vec<(Vec<&'static str>, f64, Option<f64>)>,
    pub scales: HashMap<&'static str, f64>,
    /// Currency surfaces, longest first.
    pub currencies: Vec<(&'static str, &'static str)>,
    /// Unit surfaces, longest first.
    pub units: Vec<(&'static str, UnitDef)>,
    pub classes: Vec<MeasureClass>,
    /// English stem → index into `classes`.
    pub class_by_stem: HashMap<String, usize>,
    /// Multi-word class phrases (`lost their lives`, `in hospital`) with their class.
    pub class_phrases: Vec<(Vec<&'static str>, usize)>,
    pub identifiers: HashSet<&'static str>,
    pub months: HashSet<&'static str>,
    pub stopwords: HashSet<&'static str>,
    /// Words that give a figure as a new level (`rose`, `stands`, `up`), from `data/change.txt`.
    pub change_words: HashSet<&'static str>,
    /// Verb forms that do not end in -ed/-ing (`fell`, `died`, `remain`).
    pub verbs: HashSet<&'static str>,
    pub attribution_verbs: HashSet<&'static str>,
    /// Verbs that attribute a figure only to a known party (`police reported`).
    pub weak_attribution_verbs: HashSet<&'static str>,
    /// Day and time words, never a speaker.
    pub weekdays: HashSet<&'static str>,
    /// Role phrases as lowercase word sequences, longest first, with their class index.
    pub roles: Vec<(Vec<&'static str>, usize)>,
    /// Role classes: name and label, from `data/roles.tsv`.
    pub role_classes: Vec<(&'static str, &'static str)>,
    /// Words that distance the writer from a claim (`allegedly`, `reportedly`).
    pub modal_words: HashSet<&'static str>,
    /// Word → party key.
    pub parties: HashMap<&'static str, &'static str>,
    /// English number word → (value, kind: unit, tens, scale or ordinal).
    pub number_words: HashMap<&'static str, (f64, &'static str)>,
    /// Fraction phrases (`half a`, `three quarters`), longest first.
    pub fractions: Vec<(Vec<&'static str>, f64)>,
    /// Lowercase tokens that can start a quantity (besides digits).
    starters: HashSet<String>,
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
const STOPWORDS: &str = include_str!("../../data/stopwords.txt");
const VERBS: &str = include_str!("../../data/verbs.txt");
const CHANGE: &str = include_str!("../../data/change.txt");
const WEEKDAYS: &str = include_str!("../../data/weekdays.txt");
const ATTRIBUTION: &str = include_str!("../../data/attribution.tsv");
const NUMBER_WORDS: &str = include_str!("../../data/number_words.tsv");
const FRACTIONS: &str = include_str!("../../data/fractions.tsv");
const ROLES: &str = include_str!("../../data/roles.tsv");

/// The lexicon, parsed on first use. The data files are part of the binary and covered by
/// tests, so a parse failure is a build defect.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::parse().expect("embedded data files parse (tested)"))
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

impl Lexicon {
    /// Parses every embedded data file.
    pub fn parse() -> Result<Lexicon> {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut hedges = Vec::new();
        for (line, f) in rows(HEDGES) {
            let kind =
                HedgeKind::parse(field("hedges.tsv", line, &f, 1)?).ok_or_else(|| Error::Data {
                    file: "hedges.tsv",
                    line,
                    message: format!("unknown hedge kind {:?}", f[1]),
                })?;
            hedges.push((field("hedges.tsv", line, &f, 0)?.split(' ').collect(), kind));
        }
        hedges.sort_by_key(|(w, _): &(Vec<&str>, _)| std::cmp::Reverse(w.len()));

        let mut vague = Vec::new();
        for (line, f) in rows(VAGUE) {
            let low = number("vague.tsv", line, field("vague.tsv", line, &f, 1)?)?;
            let high = match f.get(2).filter(|s| !s.is_empty()) {
                Some(s) => Some(number("vague.tsv", line, s)?),
                None => None,
            };
            vague.push((f[0].split(' ').collect::<Vec<_>>(), low, high));
        }
        vague.sort_by_key(|(w, _, _)| std::cmp::Reverse(w.len()));

        let mut scales = HashMap::new();
        for (line, f) in rows(SCALES) {
            scales.insert(
                f[0],
                number("scales.tsv", line, field("scales.tsv", line, &f, 1)?)?,
            );
        }

        let mut currencies = Vec::new();
        for (line, f) in rows(CURRENCIES) {
            currencies.push((f[0], field("currencies.tsv", line, &f, 1)?));
        }
        currencies.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));

        let mut units = Vec::new();
        for (line, f) in rows(UNITS) {
            let file = "units.tsv";
            let offset = match f.get(4) {
                Some(s) if !s.is_empty() => number(file, line, s)?,
                _ => 0.0,
            };
            units.push((
                f[0],
                UnitDef {
                    name: field(file, line, &f, 1)?,
                    dimension: field(file, line, &f, 2)?,
                    factor: number(file, line, field(file, line, &f, 3)?)?,
                    offset,
                },
            ));
        }
        units.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));

        let mut classes = Vec::new();
        let mut class_by_stem = HashMap::new();
        let mut class_phrases = Vec::new();
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
                if w.trim().contains(' ') {
                    // A phrase (`lost their lives`): matched word by word, lowercase.
                    class_phrases.push((w.trim().split(' ').collect::<Vec<_>>(), idx));
                    continue;
                }
                let stem = stemmer.stem(&w.trim().to_lowercase()).into_owned();
                if let Some(prev) = class_by_stem.insert(stem.clone(), idx) {
                    if prev != idx {
                        return Err(Error::Data {
                            file,
                            line,
                            message: format!(
                                "{w:?} (stem {stem:?}) is already in class {}",
                                classes[prev].name
                            ),
                        });
                    }
                }
            }
        }

        let words = |t: &'static str| -> HashSet<&'static str> {
            t.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect()
        };
        let mut attribution_verbs = HashSet::new();
        let mut modal_words = HashSet::new();
        let mut weak_attribution_verbs = HashSet::new();
        let mut parties = HashMap::new();
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
                return Err(Error::Data {
                    file: "attribution.tsv",
                    line,
                    message: format!("unknown kind {kind:?}"),
                });
            }
        }

        let mut roles = Vec::new();
        let mut role_classes = Vec::new();
        for (line, f) in rows(ROLES) {
            let file = "roles.tsv";
            let idx = role_classes.len();
            role_classes.push((field(file, line, &f, 0)?, field(file, line, &f, 1)?));
            for phrase in field(file, line, &f, 2)?.split(',') {
                roles.push((phrase.trim().split(' ').collect::<Vec<_>>(), idx));
            }
        }
        roles.sort_by_key(|(w, _): &(Vec<&str>, usize)| std::cmp::Reverse(w.len()));

        let mut number_words = HashMap::new();
        for (line, f) in rows(NUMBER_WORDS) {
            let file = "number_words.tsv";
            let v = number(file, line, field(file, line, &f, 1)?)?;
            number_words.insert(f[0], (v, field(file, line, &f, 2)?));
        }
        let mut fractions = Vec::new();
        for (line, f) in rows(FRACTIONS) {
            let file = "fractions.tsv";
            fractions.push((
                f[0].split(' ').collect::<Vec<_>>(),
                number(file, line, field(file, line, &f, 1)?)?,
            ));
        }
        fractions.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));

        let mut starters: HashSet<String> = ["a", "an", "between", "from"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let firsts = hedges
            .iter()
            .map(|(w, _)| w[0])
            .chain(vague.iter().map(|(w, _, _)| w[0]))
            .chain(fractions.iter().map(|(w, _)| w[0]));
        starters.extend(firsts.map(|w| w.trim_end_matches('.').to_string()));
        starters.extend(number_words.keys().map(|w| w.to_string()));
        for (surface, _) in &currencies {
            // The first token of the surface: a word (`usd`, `us`) or a symbol char.
            let first: String = match surface.chars().next() {
                Some(c) if c.is_alphabetic() => {
                    surface.chars().take_while(|c| c.is_alphabetic()).collect()
                }
                Some(c) => c.to_string(),
                None => continue,
            };
            starters.insert(first.to_lowercase());
        }

        Ok(Lexicon {
            starters,
            number_words,
            fractions,
            hedges,
            vague,
            scales,
            currencies,
            units,
            classes,
            class_by_stem,
            class_phrases,
            identifiers: words(IDENTIFIERS),
            months: words(MONTHS),
            stopwords: words(STOPWORDS),
            verbs: words(VERBS),
            change_words: words(CHANGE),
            attribution_verbs,
            modal_words,
            weak_attribution_verbs,
            weekdays: words(WEEKDAYS),
            roles,
            role_classes,
            parties,
            stemmer,
        })
    }

    /// The English stem of a lowercase word.
    pub fn stem(&self, word: &str) -> String {
        self.stemmer.stem(word).into_owned()
    }

    /// Whether a lowercase token can start a quantity (digits always can).
    pub fn starts_quantity(&self, lower: &str) -> bool {
        self.starters.contains(lower)
            || lower.contains('-') && lower.split('-').all(|p| self.number_words.contains_key(p))
    }

    /// The kind of an English number word (`unit`, `tens`, `scale`, `ordinal`).
    pub fn number_word(&self, w: &str) -> Option<&'static str> {
        self.number_words.get(w).map(|&(_, k)| k)
    }

    /// The value of an ordinal word (`third` → 3).
    pub fn ordinal_value(&self, w: &str) -> Option<f64> {
        self.number_words
            .get(w)
            .filter(|(_, k)| *k == "ordinal")
            .map(|&(v, _)| v)
    }

    /// The measure class of a word, if the data names one.
    pub fn class_of(&self, word: &str) -> Option<usize> {
        self.class_by_stem
            .get(&self.stem(&word.to_lowercase()))
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse() {
        let lx = Lexicon::parse().unwrap();
        assert!(lx
            .hedges
            .iter()
            .any(|(w, k)| w == &["at", "least"] && *k == HedgeKind::AtLeast));
        assert_eq!(lx.scales["bn"], 1e9);
        assert_eq!(lx.currencies.iter().find(|c| c.0 == "£").unwrap().1, "GBP");
        assert!(lx
            .units
            .iter()
            .any(|(s, u)| *s == "miles" && u.dimension == "length"));
        assert!(lx.months.contains("june") && lx.identifiers.contains("article"));
        assert!(!lx.stopwords.is_empty() && lx.parties["management"] == "company");
        assert!(lx.verbs.contains("fell") && !lx.verbs.contains("snow"));
        assert!(lx.modal_words.contains("allegedly") && lx.modal_words.contains("reportedly"));
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
        let pos = |p: &[&str]| lx.vague.iter().position(|(w, _, _)| w == p).unwrap();
        assert!(pos(&["tens", "of", "thousands"]) < pos(&["thousands"]));
    }
}
