//! The lexical-semantic resource: how related two words are — the same lemma, WordNet
//! synonyms, a derivation (`die` → `death`, `arrest` → `arrested`), a broader or sibling term
//! (`rounds`, `shells`: both ammunition), or opposites — read once from
//! `data/lexical/wordnet.tsv` (derived from WordNet 3.1 by `scripts/derive_wordnet.py`; see
//! `data/lexical/NOTICE`).
//!
//! One small interface: [`Lexical::senses`] reads a word (or a short phrase) into its
//! [`Senses`] once, and [`Lexical::relate`] compares two of them into a [`Relatedness`] with a
//! score in [0, 1] and the relation that gave it, for explanations. Extraction and alignment
//! use it; nothing here knows about figures.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

const WORDNET: &str = include_str!("../../data/lexical/wordnet.tsv");
const IRREGULAR: &str = include_str!("../../data/lexical/irregular.tsv");

/// A relation between two synsets that the data keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rel {
    Hypernym,
    /// Derivation, cause, entailment, pertainym: one word's sense made from another's.
    Derived,
    Antonym,
}

/// How two words are related, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum How {
    /// One lemma (`killed`, `kills`).
    Same,
    /// A sense in common (`detained`, `arrested`).
    Synonym,
    /// One's sense derives from the other's (`died`, `death`; `fatalities`, `killed`).
    Derived,
    /// One is a broader term for the other (`shells`, `ammunition`).
    Broader,
    /// Both are kinds of one thing (`rounds`, `shells`).
    Sibling,
    /// Opposites (`won`, `lost`).
    Contrast,
    Unrelated,
}

impl How {
    pub fn as_str(self) -> &'static str {
        match self {
            How::Same => "same word",
            How::Synonym => "synonyms",
            How::Derived => "derived words",
            How::Broader => "broader term",
            How::Sibling => "related terms",
            How::Contrast => "opposites",
            How::Unrelated => "unrelated",
        }
    }
}

/// The result of comparing two words: a score in [0, 1] and the relation behind it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Relatedness {
    pub score: f64,
    pub how: How,
}

impl Relatedness {
    const NONE: Relatedness = Relatedness {
        score: 0.0,
        how: How::Unrelated,
    };
}

/// A word read into the resource: its lemmas and their senses, and the senses one step away
/// (derived) and their broader terms, each sorted for intersection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Senses {
    /// Lemma ids (positions in the word table), sorted.
    lemmas: Vec<u32>,
    /// The lemmas' first senses.
    direct: Vec<u32>,
    /// `direct` and the senses derived from them (one step).
    derived: Vec<u32>,
    /// Hypernyms of `derived`, one step.
    broader: Vec<u32>,
    /// Hypernyms of `broader`: two steps up.
    broader2: Vec<u32>,
    /// Antonyms of `derived`.
    opposite: Vec<u32>,
}

impl Senses {
    /// Whether the word is in the resource at all.
    pub fn is_known(&self) -> bool {
        !self.lemmas.is_empty()
    }
}

/// The resource, loaded once per process.
pub struct Lexical {
    /// Per synset: a range into `rels`.
    synsets: Vec<(u32, u32)>,
    rels: Vec<(Rel, u32)>,
    /// Lemma → (lemma id, senses as a range into `senses`), one entry per part of speech
    /// folded into one sense list.
    words: HashMap<&'static str, (u32, u32, u32)>,
    senses: Vec<u32>,
    irregular: HashMap<&'static str, &'static str>,
}

/// The loaded resource.
pub fn lexical() -> &'static Lexical {
    static LEXICAL: OnceLock<Lexical> = OnceLock::new();
    LEXICAL.get_or_init(|| Lexical::parse(WORDNET, IRREGULAR))
}

fn b36(s: &str) -> Option<u32> {
    u32::from_str_radix(s, 36).ok()
}

/// Suffix rules that undo English inflection (WordNet's own "morphy" rules): ending, and what
/// replaces it.
const DETACH: &[(&str, &str)] = &[
    ("ies", "y"),
    ("ses", "s"),
    ("xes", "x"),
    ("zes", "z"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("es", "e"),
    ("es", ""),
    ("s", ""),
    ("ied", "y"),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
    ("er", ""),
    ("est", ""),
    ("er", "e"),
    ("est", "e"),
];

impl Lexical {
    fn parse(wordnet: &'static str, irregular: &'static str) -> Lexical {
        let mut synsets: Vec<(u32, u32)> = Vec::new();
        let mut rels: Vec<(Rel, u32)> = Vec::new();
        let mut grouped: HashMap<&'static str, Vec<u32>> = HashMap::default();
        let mut order: Vec<&'static str> = Vec::new();
        for line in wordnet.lines() {
            let mut f = line.split('\t');
            match f.next() {
                Some("S") => {
                    let id = f.next().and_then(b36).expect("synset id") as usize;
                    debug_assert_eq!(id, synsets.len(), "synsets are numbered densely");
                    let _pos = f.next();
                    let start = rels.len() as u32;
                    for r in f.next().unwrap_or("").split(' ').filter(|r| !r.is_empty()) {
                        let (sym, target) = r.split_at(1);
                        let rel = match sym {
                            "@" => Rel::Hypernym,
                            "!" => Rel::Antonym,
                            _ => Rel::Derived,
                        };
                        rels.push((rel, b36(target).expect("relation target")));
                    }
                    synsets.push((start, rels.len() as u32));
                }
                Some("W") => {
                    let lemma = f.next().expect("lemma");
                    let _pos = f.next();
                    let list = grouped.entry(lemma).or_insert_with(|| {
                        order.push(lemma);
                        Vec::new()
                    });
                    list.extend(f.next().unwrap_or("").split(' ').filter_map(b36));
                }
                _ => {}
            }
        }
        let mut words = HashMap::default();
        let mut senses = Vec::new();
        for (i, lemma) in order.iter().enumerate() {
            let list = &grouped[lemma];
            let start = senses.len() as u32;
            senses.extend_from_slice(list);
            words.insert(*lemma, (i as u32, start, senses.len() as u32));
        }
        let irregular = irregular
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once('\t'))
            .collect();
        Lexical {
            synsets,
            rels,
            words,
            senses,
            irregular,
        }
    }

    /// The lemmas a lowercase word form can be (`killed` → `kill`; `men` → `man`; `wounded`
    /// → `wound`, `wounded`), as they appear in the resource.
    pub fn lemmas(&self, word: &str) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        let mut add = |w: &str| {
            if let Some((k, _)) = self.words.get_key_value(w) {
                if !out.contains(k) {
                    out.push(k);
                }
            }
        };
        let spaced;
        let word = if word.contains('-') {
            spaced = word.replace('-', " ");
            spaced.as_str()
        } else {
            word
        };
        add(word);
        if let Some(l) = self.irregular.get(word) {
            add(l);
        }
        for (end, with) in DETACH {
            if let Some(stem) = word.strip_suffix(end) {
                if stem.len() < 2 {
                    continue;
                }
                let candidate = format!("{stem}{with}");
                add(&candidate);
                // `stopped` → `stop`, `running` → `run`.
                let b = stem.as_bytes();
                if with.is_empty() && b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] {
                    add(&stem[..stem.len() - 1]);
                }
            }
        }
        out
    }

    fn relations(&self, synset: u32, rel: Rel) -> impl Iterator<Item = u32> + '_ {
        let (a, b) = self.synsets.get(synset as usize).copied().unwrap_or((0, 0));
        self.rels[a as usize..b as usize]
            .iter()
            .filter(move |(r, _)| *r == rel)
            .map(|(_, t)| *t)
    }

    /// Reads a lowercase word or phrase: the phrase as a compound when the resource has it
    /// (`death toll`, `account holder`), else its last word (its head).
    pub fn senses(&self, phrase: &str) -> Senses {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let mut lemmas: Vec<&'static str> = Vec::new();
        for from in 0..words.len().saturating_sub(1) {
            let compound = words[from..].join(" ");
            lemmas = self.lemmas(&compound);
            if !lemmas.is_empty() {
                break;
            }
        }
        if lemmas.is_empty() {
            if let Some(last) = words.last() {
                lemmas = self.lemmas(last);
            }
        }
        let mut s = Senses::default();
        for l in lemmas {
            let (id, a, b) = self.words[l];
            s.lemmas.push(id);
            s.direct
                .extend_from_slice(&self.senses[a as usize..b as usize]);
        }
        sort(&mut s.lemmas);
        sort(&mut s.direct);
        s.derived = s.direct.clone();
        for &x in &s.direct {
            s.derived.extend(self.relations(x, Rel::Derived));
        }
        sort(&mut s.derived);
        for &x in &s.derived {
            s.broader.extend(self.relations(x, Rel::Hypernym));
            s.opposite.extend(self.relations(x, Rel::Antonym));
        }
        sort(&mut s.broader);
        sort(&mut s.opposite);
        for &x in &s.broader {
            s.broader2.extend(self.relations(x, Rel::Hypernym));
        }
        sort(&mut s.broader2);
        s
    }

    /// How related two words already read are; see [`How`] for the scale.
    pub fn relate(&self, a: &Senses, b: &Senses) -> Relatedness {
        if !a.is_known() || !b.is_known() {
            return Relatedness::NONE;
        }
        let r = |score, how| Relatedness { score, how };
        if meet(&a.lemmas, &b.lemmas) {
            return r(1.0, How::Same);
        }
        if meet(&a.opposite, &b.direct) || meet(&b.opposite, &a.direct) {
            return r(0.0, How::Contrast);
        }
        if meet(&a.direct, &b.direct) {
            return r(0.9, How::Synonym);
        }
        if meet(&a.derived, &b.direct) || meet(&a.direct, &b.derived) {
            return r(0.8, How::Derived);
        }
        if meet(&a.derived, &b.derived) {
            return r(0.75, How::Derived);
        }
        if meet(&a.broader, &b.derived) || meet(&a.derived, &b.broader) {
            return r(0.6, How::Broader);
        }
        if meet(&a.broader, &b.broader) {
            return r(0.5, How::Sibling);
        }
        if meet(&a.broader2, &b.derived) || meet(&a.derived, &b.broader2) {
            return r(0.4, How::Broader);
        }
        Relatedness::NONE
    }

    /// Whether a word read into the resource is a kind of `ancestor` (its first sense, as a
    /// lemma of the resource): `gunmen` and `militants` are kinds of `person`.
    pub fn is_kind_of(&self, word: &Senses, ancestor: &str) -> bool {
        let Some(&(_, a, b)) = self.words.get(ancestor) else {
            return false;
        };
        let Some(&target) = self.senses[a as usize..b as usize].first() else {
            return false;
        };
        let mut frontier: Vec<u32> = word.direct.clone();
        let mut seen: Vec<u32> = Vec::new();
        for _ in 0..16 {
            if frontier.contains(&target) {
                return true;
            }
            let mut next = Vec::new();
            for &x in &frontier {
                if !seen.contains(&x) {
                    seen.push(x);
                    next.extend(self.relations(x, Rel::Hypernym));
                }
            }
            if next.is_empty() {
                break;
            }
            frontier = next;
        }
        false
    }

    /// [`relate`](Self::relate) on two words or phrases read on the spot.
    pub fn relate_words(&self, a: &str, b: &str) -> Relatedness {
        self.relate(&self.senses(a), &self.senses(b))
    }
}

fn sort(v: &mut Vec<u32>) {
    v.sort_unstable();
    v.dedup();
}

/// Whether two sorted lists share an element.
fn meet(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn how(a: &str, b: &str) -> How {
        lexical().relate_words(a, b).how
    }

    #[test]
    fn the_data_files_parse() {
        let lx = lexical();
        assert!(lx.synsets.len() > 50_000);
        assert!(lx.words.len() > 50_000);
        for (form, lemma) in &lx.irregular {
            assert!(!form.is_empty() && !lemma.is_empty());
        }
        // Every relation points at a synset that exists.
        assert!(lx
            .rels
            .iter()
            .all(|(_, t)| (*t as usize) < lx.synsets.len()));
        assert!(lx.senses.iter().all(|t| (*t as usize) < lx.synsets.len()));
    }

    #[test]
    fn inflections_find_their_lemma() {
        let lx = lexical();
        assert!(lx.lemmas("killed").contains(&"kill"));
        assert!(lx.lemmas("men").contains(&"man"));
        assert!(lx.lemmas("fled").contains(&"flee"));
        assert!(lx.lemmas("stopped").contains(&"stop"));
        assert!(lx.lemmas("casualties").contains(&"casualty"));
        assert!(lx.lemmas("qzxv").is_empty());
    }

    #[test]
    fn relations_are_graded() {
        assert_eq!(how("killed", "kills"), How::Same);
        assert!(how("detained", "arrested") <= How::Sibling);
        assert_eq!(how("wounded", "injured"), How::Synonym);
        assert!(how("died", "death") <= How::Derived);
        assert!(how("employees", "workers") <= How::Broader);
        assert!(how("shells", "rounds") <= How::Sibling);
        assert_eq!(how("arrests", "deaths"), How::Unrelated);
        assert_eq!(how("won", "lost"), How::Contrast);
        assert_eq!(how("earthquake", "salary"), How::Unrelated);
    }

    #[test]
    fn kinds_of_people_are_found_through_hypernyms() {
        let lx = lexical();
        assert!(lx.is_kind_of(&lx.senses("gunmen"), "person"));
        assert!(lx.is_kind_of(&lx.senses("militants"), "person"));
        assert!(!lx.is_kind_of(&lx.senses("ambulances"), "person"));
    }

    #[test]
    fn a_compound_is_read_as_one_word() {
        let lx = lexical();
        assert!(lx.senses("the death toll").is_known());
        assert_eq!(lx.relate_words("toll", "death toll").how, How::Broader);
    }
}
