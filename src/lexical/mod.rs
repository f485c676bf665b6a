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
use std::cell::RefCell;
use std::sync::{Arc, OnceLock};

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

/// How far from a root a common ancestor must be for two cousins to count as related: a
/// notion three steps below `entity` (`state`, `act`, `person`) is shared by too much.
const MIN_COUSIN_DEPTH: u32 = 4;

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
    /// Hypernyms of `direct` only, one and two steps up: the word's own family tree, without
    /// the detours derivations take.
    up: Vec<u32>,
    up2: Vec<u32>,
    /// Antonyms of `derived`.
    opposite: Vec<u32>,
    /// A kind of person (`gunmen`, `voters`): its first senses reach `person` through
    /// hypernyms.
    pub person: bool,
    /// One of its lemmas' senses is a noun's.
    pub noun: bool,
    /// A hash of `lemmas`: two readings with one key relate to everything alike.
    key: u64,
}

impl Senses {
    /// Whether the word is in the resource at all.
    pub fn is_known(&self) -> bool {
        !self.lemmas.is_empty()
    }
}

/// The resource, loaded once per process. The embedded file is read in place: an index of
/// where each synset's line and each word's line start (synsets by id, words sorted by
/// lemma), found in one pass over the bytes; a line is parsed only when a lookup reaches it.
/// Loading costs a couple of milliseconds and about a megabyte, where tables of every word
/// and relation would cost tens of each for the few hundred words one comparison reads.
pub struct Lexical {
    text: &'static str,
    /// Byte offset of each synset's line (`S…`), by synset id.
    synsets: Vec<u32>,
    /// Byte offset of each word's line (`W…`), in lemma order.
    words: Vec<u32>,
    /// Irregular form → (lemma, whether the form is a verb's).
    irregular: HashMap<&'static str, (&'static str, bool)>,
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
    fn parse(text: &'static str, irregular: &'static str) -> Lexical {
        let mut synsets = Vec::new();
        let mut words = Vec::new();
        let bytes = text.as_bytes();
        let mut at = 0usize;
        while at < bytes.len() {
            let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n);
            match bytes[at] {
                b'S' => synsets.push(at as u32),
                b'W' => words.push(at as u32),
                _ => {}
            }
            at = end + 1;
        }
        let irregular = irregular
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut f = l.split('\t');
                let (form, lemma) = (f.next()?, f.next()?);
                Some((form, (lemma, f.next() == Some("verb"))))
            })
            .collect();
        Lexical {
            text,
            synsets,
            words,
            irregular,
        }
    }

    /// The fields of the line starting at byte `at`, after its tag.
    fn line(&self, at: u32) -> std::str::Split<'static, char> {
        let rest = &self.text[at as usize..];
        let end = rest.find('\n').unwrap_or(rest.len());
        let mut f = rest[..end].split('\t');
        f.next();
        f
    }

    /// A lemma's position in the word list and its senses' field, by binary search.
    fn word(&self, lemma: &str) -> Option<(u32, &'static str)> {
        let i = self
            .words
            .binary_search_by(|&at| {
                let w = self.line(at).next().unwrap_or("");
                w.as_bytes().cmp(lemma.as_bytes())
            })
            .ok()?;
        let mut f = self.line(self.words[i]);
        f.next();
        Some((i as u32, f.next().unwrap_or("")))
    }

    /// Whether a word is only ever an irregular verb form (`fallen`, `taken`, `underwent`), never
    /// a noun of its own (`fell`, `saw`, `ground` are nouns too, so they are not).
    pub fn is_verb_form(&self, word: &str) -> bool {
        self.irregular.get(word).is_some_and(|(_, verb)| *verb)
            && self.word(word).is_none_or(|(_, senses)| {
                senses
                    .split(' ')
                    .filter_map(b36)
                    .all(|id| self.part_of_speech(id) != Some("n"))
            })
    }

    /// Whether the resource knows a word form and none of its lemmas is ever a noun
    /// (`upfront`, `apiece`, `abreast`): such a word describes, it names nothing.
    pub fn never_a_noun(&self, word: &str) -> bool {
        let s = self.read(word);
        s.is_known() && !s.noun
    }

    /// Whether a word names a kind of person and also describes (`American`, `Republican`,
    /// `Iraqi`): a noun of nationality, origin or party, which a surname (`Smith`, `Baker`)
    /// is not.
    pub fn is_demonym(&self, word: &str) -> bool {
        self.word(word).is_some_and(|(_, senses)| {
            senses
                .split(' ')
                .filter_map(b36)
                .any(|id| matches!(self.part_of_speech(id), Some("a" | "s")))
        }) && self.read_noun(word).person
    }

    fn part_of_speech(&self, synset: u32) -> Option<&'static str> {
        let at = *self.synsets.get(synset as usize)?;
        let mut f = self.line(at);
        f.next();
        f.next()
    }

    fn has_word(&self, lemma: &str) -> bool {
        self.word(lemma).is_some()
    }

    /// The lemmas a lowercase word form can be (`killed` → `kill`; `men` → `man`; `wounded`
    /// → `wound`, `wounded`), as they appear in the resource.
    pub fn lemmas(&self, word: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut add = |w: &str| {
            if self.has_word(w) && !out.iter().any(|o| o == w) {
                out.push(w.to_string());
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
        if let Some((l, _)) = self.irregular.get(word) {
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
                // Letters, not bytes: a character of several bytes may end in two equal ones.
                let mut last = stem.chars().rev();
                if let (true, Some(x), Some(y)) = (with.is_empty(), last.next(), last.next()) {
                    if x == y && stem.chars().count() >= 3 {
                        add(&stem[..stem.len() - x.len_utf8()]);
                    }
                }
            }
        }
        out
    }

    fn relations(&self, synset: u32, rel: Rel) -> impl Iterator<Item = u32> + '_ {
        let field = self.synsets.get(synset as usize).map_or("", |&at| {
            let mut f = self.line(at);
            f.next(); // id
            f.next(); // part of speech
            f.next().unwrap_or("")
        });
        field.split(' ').filter_map(move |r| {
            let (sym, target) = r.split_at_checked(1)?;
            let this = match sym {
                "@" => Rel::Hypernym,
                "!" => Rel::Antonym,
                _ => Rel::Derived,
            };
            (this == rel).then(|| b36(target)).flatten()
        })
    }

    /// [`senses`](Self::senses), remembered per thread: news repeats its vocabulary, and
    /// reading a word walks several lines of the resource.
    pub fn read(&self, phrase: &str) -> Arc<Senses> {
        self.read_as(phrase, false)
    }

    /// [`read`](Self::read) for what a figure counts, which is a noun: only the noun senses
    /// of its lemmas, when it has any (`punts` are kicks, not bets, so they are no `games`).
    pub fn read_noun(&self, phrase: &str) -> Arc<Senses> {
        self.read_as(phrase, true)
    }

    fn read_as(&self, phrase: &str, nouns: bool) -> Arc<Senses> {
        type Cache = RefCell<HashMap<String, Arc<Senses>>>;
        thread_local! {
            static ALL: Cache = RefCell::new(HashMap::default());
            static NOUNS: Cache = RefCell::new(HashMap::default());
        }
        let read = |c: &Cache| {
            let mut c = c.borrow_mut();
            if let Some(s) = c.get(phrase) {
                return s.clone();
            }
            if c.len() > 100_000 {
                c.clear();
            }
            let s = Arc::new(self.senses_as(phrase, nouns));
            c.insert(phrase.to_string(), s.clone());
            s
        };
        if nouns {
            NOUNS.with(read)
        } else {
            ALL.with(read)
        }
    }

    /// Reads a lowercase word or phrase: the phrase as a compound when the resource has it
    /// (`death toll`, `account holder`), else its last word (its head).
    pub fn senses(&self, phrase: &str) -> Senses {
        self.senses_as(phrase, false)
    }

    fn senses_as(&self, phrase: &str, nouns: bool) -> Senses {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let mut lemmas: Vec<String> = Vec::new();
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
        // The senses a reader takes first: each lemma's two most frequent noun senses.
        let mut usual: Vec<u32> = Vec::new();
        for l in lemmas {
            if let Some((id, senses)) = self.word(&l) {
                s.lemmas.push(id);
                s.direct.extend(senses.split(' ').filter_map(b36));
                usual.extend(
                    senses
                        .split(' ')
                        .filter_map(b36)
                        .filter(|&x| self.part_of_speech(x) == Some("n"))
                        .take(2),
                );
            }
        }
        sort(&mut s.lemmas);
        sort(&mut s.direct);
        s.noun = s
            .direct
            .iter()
            .any(|&x| self.part_of_speech(x) == Some("n"));
        if nouns && s.noun {
            s.direct.retain(|&x| self.part_of_speech(x) == Some("n"));
        }
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
        for &x in &s.direct {
            s.up.extend(self.relations(x, Rel::Hypernym));
        }
        sort(&mut s.up);
        for &x in &s.up {
            s.up2.extend(self.relations(x, Rel::Hypernym));
        }
        sort(&mut s.up2);
        // A kind of person as a reader takes it: `gunmen`, `fans` (a device first, a devotee
        // next), never `counts` (a nobleman only third, after a total and a reckoning).
        s.person = self.reaches(usual, "person");
        s.key = {
            use std::hash::{BuildHasher, BuildHasherDefault};
            BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one((&s.lemmas, nouns))
        };
        s
    }

    /// How related two words already read are; see [`How`] for the scale. Remembered per
    /// thread by the pair of lemma sets: a corpus compares the same few hundred words again
    /// and again.
    pub fn relate(&self, a: &Senses, b: &Senses) -> Relatedness {
        if !a.is_known() || !b.is_known() {
            return Relatedness::NONE;
        }
        thread_local! {
            static CACHE: RefCell<HashMap<(u64, u64), Relatedness>> = RefCell::new(HashMap::default());
        }
        CACHE.with(|c| {
            let key = (a.key, b.key);
            if let Some(r) = c.borrow().get(&key) {
                return *r;
            }
            let r = self.relate_uncached(a, b);
            let mut c = c.borrow_mut();
            if c.len() > 200_000 {
                c.clear();
            }
            c.insert(key, r);
            r
        })
    }

    fn relate_uncached(&self, a: &Senses, b: &Senses) -> Relatedness {
        let r = |score, how| Relatedness { score, how };
        // One word read twice (the cache hands out one copy per word).
        if std::ptr::eq(a, b) {
            return r(1.0, How::Same);
        }
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
        // Cousins a step apart in their own family trees: one's parent is the other's
        // grandparent (a `deal` is an agreement, a `contract` a written agreement), unless
        // what they share is one of the most general notions (a `state`, a `person`), near the
        // root, that relates nearly anything.
        let specific = |x: u32| self.depth(x) >= MIN_COUSIN_DEPTH;
        if shared(&a.up, &b.up2)
            .chain(shared(&a.up2, &b.up))
            .any(specific)
        {
            return r(0.35, How::Sibling);
        }
        Relatedness::NONE
    }

    /// How many hypernym steps a synset is from a root of the resource (`entity` is 0,
    /// `state` 3), by its shortest path.
    pub fn depth(&self, x: u32) -> u32 {
        let mut level = vec![x];
        for d in 0..32 {
            let mut next = Vec::new();
            for &y in &level {
                let before = next.len();
                next.extend(self.relations(y, Rel::Hypernym));
                if next.len() == before {
                    return d;
                }
            }
            sort(&mut next);
            level = next;
        }
        32
    }

    /// Whether a word read into the resource is a kind of `ancestor` (its first sense, as a
    /// lemma of the resource): `gunmen` and `militants` are kinds of `person`.
    pub fn is_kind_of(&self, word: &Senses, ancestor: &str) -> bool {
        self.reaches(word.direct.clone(), ancestor)
    }

    /// Whether some of the synsets `frontier` reach `ancestor`'s first sense by hypernyms.
    fn reaches(&self, mut frontier: Vec<u32>, ancestor: &str) -> bool {
        let Some(target) = self
            .word(ancestor)
            .and_then(|(_, senses)| senses.split(' ').next())
            .and_then(b36)
        else {
            return false;
        };
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

/// The elements two sorted lists share.
fn shared<'a>(a: &'a [u32], b: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    a.iter().copied().filter(|x| b.binary_search(x).is_ok())
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
    fn irregular_verb_forms_that_are_not_nouns() {
        let lx = lexical();
        for w in ["fallen", "taken", "risen", "underwent", "written"] {
            assert!(lx.is_verb_form(w), "{w}");
        }
        // Forms that are nouns of their own (`a fell`, `a saw`, `the ground`) and noun plurals.
        for w in ["fell", "saw", "ground", "men", "children", "run"] {
            assert!(!lx.is_verb_form(w), "{w}");
        }
    }

    #[test]
    fn the_data_files_parse() {
        let lx = lexical();
        assert!(lx.synsets.len() > 50_000);
        assert!(lx.words.len() > 50_000);
        for (form, (lemma, _)) in &lx.irregular {
            assert!(!form.is_empty() && !lemma.is_empty());
        }
        // Synsets are numbered densely, words sorted, and every relation and sense points
        // at a synset that exists.
        let n = lx.synsets.len() as u32;
        for (id, &at) in lx.synsets.iter().enumerate() {
            assert_eq!(lx.line(at).next().and_then(b36), Some(id as u32));
            for rel in [Rel::Hypernym, Rel::Derived, Rel::Antonym] {
                assert!(lx.relations(id as u32, rel).all(|t| t < n));
            }
        }
        let lemmas: Vec<&str> = lx
            .words
            .iter()
            .map(|&at| lx.line(at).next().unwrap())
            .collect();
        assert!(lemmas.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()));
        for &at in &lx.words {
            let mut f = lx.line(at);
            f.next();
            assert!(f
                .next()
                .unwrap()
                .split(' ')
                .all(|t| b36(t).is_some_and(|t| t < n)));
        }
    }

    #[test]
    fn inflections_find_their_lemma() {
        let lx = lexical();
        let has = |w: &str, l: &str| lx.lemmas(w).iter().any(|x| x == l);
        assert!(has("killed", "kill"));
        assert!(has("men", "man"));
        assert!(has("fled", "flee"));
        assert!(has("stopped", "stop"));
        assert!(has("casualties", "casualty"));
        assert!(lx.lemmas("qzxv").is_empty());
        // A doubled letter is a letter, not a byte: `ለ` ends in two equal bytes.
        let _ = lx.lemmas("ለed");
        let _ = lx.lemmas("xለለed");
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
        // Cousins: one's parent is the other's grandparent.
        assert_eq!(how("deal", "contract"), How::Sibling);

        assert_eq!(how("won", "lost"), How::Contrast);
        assert_eq!(how("earthquake", "salary"), How::Unrelated);
    }

    #[test]
    fn a_common_ancestor_near_the_root_relates_nothing() {
        let lx = lexical();
        let first = |w: &str| lx.senses(w).direct[0];
        // `entity` is a root; `person` and `state` lie three steps below one.
        assert_eq!(lx.depth(first("entity")), 0);
        assert!(lx.depth(first("person")) < MIN_COUSIN_DEPTH);
        assert!(lx.depth(first("agreement")) >= MIN_COUSIN_DEPTH);
        // Arrests and deaths meet only at `state`, so they stay unrelated.
        assert_eq!(how("arrests", "deaths"), How::Unrelated);
    }

    #[test]
    fn kinds_of_people_are_found_through_hypernyms() {
        let lx = lexical();
        assert!(lx.is_kind_of(&lx.senses("gunmen"), "person"));
        assert!(lx.is_kind_of(&lx.senses("militants"), "person"));
        assert!(!lx.is_kind_of(&lx.senses("ambulances"), "person"));
        // As a reader takes the word: its most frequent senses, not a rare one.
        assert!(lx.senses("gunmen").person);
        assert!(lx.senses("fans").person);
        assert!(lx.senses("victims").person);
        assert!(!lx.senses("counts").person);
        assert!(!lx.senses("charges").person);
        assert!(lx.is_demonym("american"));
        assert!(lx.is_demonym("republican"));
        assert!(!lx.is_demonym("smith"));
        assert!(!lx.is_demonym("baker"));
    }

    #[test]
    fn a_compound_is_read_as_one_word() {
        let lx = lexical();
        assert!(lx.senses("the death toll").is_known());
        assert_eq!(lx.relate_words("toll", "death toll").how, How::Broader);
    }
}
