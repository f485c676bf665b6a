//! Languages, their rule tables (built once from `data/abbreviations/*.txt`) and a cheap
//! language guess.

use crate::extract::lexicon::FastSet;
use std::sync::OnceLock;

macro_rules! langs {
    ($($v:ident = $code:literal, $data:expr;)*) => {
        /// A language, by ISO 639-1 code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Lang { $($v,)* }

        impl Lang {
            /// Every supported language, in declaration order.
            pub const ALL: &'static [Lang] = &[$(Lang::$v,)*];

            /// The language of an ISO 639-1 code (case-insensitive), if supported.
            pub fn from_code(code: &str) -> Option<Lang> {
                let code = code.trim();
                $(if code.eq_ignore_ascii_case($code) { return Some(Lang::$v); })*
                None
            }

            /// The ISO 639-1 code.
            pub fn code(self) -> &'static str {
                match self { $(Lang::$v => $code,)* }
            }

            /// Written in the Latin script, English excluded.
            fn latin(self) -> bool {
                matches!(
                    self,
                    Lang::De | Lang::Fr | Lang::Es | Lang::It | Lang::Nl | Lang::Pt | Lang::Da
                        | Lang::Pl | Lang::Sk
                )
            }

            fn data(self) -> &'static str {
                match self { $(Lang::$v => $data,)* }
            }
        }
    };
}

langs! {
    En = "en", include_str!("../../data/abbreviations/en.txt");
    De = "de", include_str!("../../data/abbreviations/de.txt");
    Fr = "fr", include_str!("../../data/abbreviations/fr.txt");
    Es = "es", include_str!("../../data/abbreviations/es.txt");
    It = "it", include_str!("../../data/abbreviations/it.txt");
    Nl = "nl", include_str!("../../data/abbreviations/nl.txt");
    Pt = "pt", include_str!("../../data/abbreviations/pt.txt");
    Ru = "ru", include_str!("../../data/abbreviations/ru.txt");
    Da = "da", include_str!("../../data/abbreviations/da.txt");
    Pl = "pl", include_str!("../../data/abbreviations/pl.txt");
    Sk = "sk", include_str!("../../data/abbreviations/sk.txt");
    Bg = "bg", include_str!("../../data/abbreviations/bg.txt");
    Kk = "kk", include_str!("../../data/abbreviations/kk.txt");
    El = "el", include_str!("../../data/abbreviations/el.txt");
    Hy = "hy", include_str!("../../data/abbreviations/hy.txt");
    Ar = "ar", include_str!("../../data/abbreviations/ar.txt");
    Fa = "fa", "";
    Ur = "ur", "";
    Hi = "hi", "";
    Mr = "mr", "";
    Am = "am", "";
    My = "my", "";
    Ja = "ja", include_str!("../../data/abbreviations/ja.txt");
    Zh = "zh", include_str!("../../data/abbreviations/zh.txt");
}

/// The rule table of one language.
#[derive(Debug, Default)]
pub(crate) struct Rules {
    /// May end a sentence, but only before a starter word.
    pub abbreviations: FastSet<String>,
    /// Titles before a name: never end a sentence before a word.
    pub prepositive: FastSet<String>,
    /// Abbreviations only before a number.
    pub numeric: FastSet<String>,
    /// Words that begin a sentence (lowercase).
    pub starters: FastSet<String>,
    /// Month names: "12. Juni" is a date, not a boundary.
    pub months: FastSet<String>,
    /// Words a line cannot end a sentence with.
    pub glue: FastSet<String>,
    /// Time abbreviations (a.m., p.m.): end a sentence before any capital but those below.
    pub time: FastSet<String>,
    /// Names spelt with a `!` that does not end the sentence (Yahoo!).
    pub exclamations: FastSet<String>,
    /// Capitalised words that follow a time without starting a sentence (Monday, GMT).
    pub nonstarters: FastSet<String>,
    /// A number followed by a period is an ordinal ("am 3. Oktober").
    pub ordinals: bool,
    /// `:` ends a sentence (Armenian writes its full stop so).
    pub colon_stop: bool,
    /// `;` is a question mark (Greek).
    pub semicolon_question: bool,
    /// The Arabic comma `،` ends a sentence, unless it separates items of a list.
    pub comma_stop: bool,
    /// Words are not separated by spaces (Japanese, Chinese): a space before a line break
    /// says nothing about wrapping.
    pub no_word_spaces: bool,
}

impl Rules {
    /// Is the lowercase word listed as any kind of abbreviation?
    pub fn is_abbreviation(&self, w: &str) -> bool {
        self.abbreviations.contains(w)
            || self.prepositive.contains(w)
            || self.numeric.contains(w)
            || self.time.contains(w)
    }

    fn parse(data: &str) -> Rules {
        Rules::parse_checked(data).0
    }

    /// Parses a data file; also returns its problems (unknown sections, switches, entries with
    /// spaces), which the tests require to be none.
    fn parse_checked(data: &str) -> (Rules, Vec<String>) {
        let mut r = Rules::default();
        let mut problems = Vec::new();
        let mut section = "abbreviations";
        for (n, line) in data.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = match name {
                    "abbreviations" => "abbreviations",
                    "prepositive" => "prepositive",
                    "numeric" => "numeric",
                    "starters" => "starters",
                    "months" => "months",
                    "glue" => "glue",
                    "time" => "time",
                    "exclamations" => "exclamations",
                    "nonstarters" => "nonstarters",
                    "rules" => "rules",
                    _ => {
                        problems.push(format!("line {}: unknown section [{name}]", n + 1));
                        "ignore"
                    }
                };
                continue;
            }
            if section == "rules" {
                match line {
                    "ordinals" => r.ordinals = true,
                    "colon-ends-sentence" => r.colon_stop = true,
                    "semicolon-is-question" => r.semicolon_question = true,
                    "arabic-comma-ends-sentence" => r.comma_stop = true,
                    "no-word-spaces" => r.no_word_spaces = true,
                    _ => problems.push(format!("line {}: unknown switch {line}", n + 1)),
                }
                continue;
            }
            if line.contains(char::is_whitespace) {
                problems.push(format!("line {}: one entry a line: {line:?}", n + 1));
            }
            let word = line.trim_end_matches('.').to_lowercase();
            let set = match section {
                "abbreviations" => &mut r.abbreviations,
                "prepositive" => &mut r.prepositive,
                "numeric" => &mut r.numeric,
                "starters" => &mut r.starters,
                "months" => &mut r.months,
                "glue" => &mut r.glue,
                "time" => &mut r.time,
                "exclamations" => &mut r.exclamations,
                "nonstarters" => &mut r.nonstarters,
                _ => continue,
            };
            set.insert(word);
        }
        (r, problems)
    }
}

/// The rule table of `lang`, built on first use.
pub(crate) fn rules(lang: Lang) -> &'static Rules {
    static TABLES: OnceLock<Vec<Rules>> = OnceLock::new();
    let tables = TABLES.get_or_init(|| {
        Lang::ALL
            .iter()
            .map(|&l| {
                let mut r = Rules::parse(l.data());
                if l.latin() {
                    // News in any Latin-script language quotes English names and titles
                    // (U.S., Inc., Mr.), so those languages also know the English lists.
                    let en = Rules::parse(Lang::En.data());
                    r.abbreviations.extend(en.abbreviations);
                    r.prepositive.extend(en.prepositive);
                    r.numeric.extend(en.numeric);
                    r.starters.extend(en.starters);
                    r.time.extend(en.time);
                    r.nonstarters.extend(en.nonstarters);
                    r.exclamations.extend(en.exclamations);
                }
                r
            })
            .collect()
    });
    let idx = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
    &tables[idx]
}

/// A cheap guess of the language of `text`: the script first, then counts of very common
/// words among the first few thousand bytes. Defaults to English.
pub fn detect(text: &str) -> Lang {
    // Most news is English: an opening that says `the`, `and`, `of`, `to` every few words, in
    // a sample that is nearly all ASCII, settles it without the counts below.
    let head = &text.as_bytes()[..text.len().min(512)];
    let sample = &text.as_bytes()[..text.len().min(2048)];
    if english_words(head) >= 6
        && sample.iter().filter(|b| !b.is_ascii()).count() * 20 < sample.len()
    {
        return Lang::En;
    }
    // The opening 2 KB tell the language as well as more would, at a fraction of the cost.
    let mut end = text.len().min(2048);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];

    // Script counts.
    let (mut latin, mut cyr, mut greek, mut armenian, mut arabic) = (0u32, 0u32, 0u32, 0u32, 0u32);
    let (mut deva, mut ethiopic, mut myanmar, mut kana, mut han) = (0u32, 0u32, 0u32, 0u32, 0u32);
    let (mut kk_marks, mut bg_marks, mut ru_marks, mut fa_marks, mut ur_marks) =
        (0u32, 0u32, 0u32, 0u32, 0u32);
    // ASCII letters are counted as bytes; only the other chars are decoded.
    let bytes = sample.as_bytes();
    latin += bytes.iter().filter(|b| b.is_ascii_alphabetic()).count() as u32;
    let others = std::iter::successors(Some(0usize), |&i| {
        let c = sample[i..].chars().next()?;
        let next = i + c.len_utf8();
        bytes[next..]
            .iter()
            .position(|&b| b >= 0x80)
            .map(|k| next + k)
    })
    .skip_while(|&i| bytes.get(i).is_some_and(|&b| b < 0x80))
    .filter_map(|i| sample[i..].chars().next());
    for c in others {
        match c {
            '\u{C0}'..='\u{24F}' => latin += 1,
            '\u{400}'..='\u{4FF}' => {
                cyr += 1;
                match c {
                    'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' | 'і' | 'Ә' | 'Ғ' | 'Қ' | 'Ң'
                    | 'Ө' | 'Ұ' | 'Ү' | 'І' => kk_marks += 1,
                    'ы' | 'э' | 'ё' | 'Ы' | 'Э' | 'Ё' => ru_marks += 1,
                    'ъ' => bg_marks += 1,
                    _ => {}
                }
            }
            '\u{370}'..='\u{3FF}' | '\u{1F00}'..='\u{1FFF}' => greek += 1,
            '\u{530}'..='\u{58F}' => armenian += 1,
            '\u{600}'..='\u{6FF}' | '\u{750}'..='\u{77F}' => {
                arabic += 1;
                match c {
                    'پ' | 'چ' | 'ژ' | 'گ' | 'ی' => fa_marks += 1,
                    'ے' | 'ٹ' | 'ڈ' | 'ڑ' | 'ں' | 'ۃ' => ur_marks += 1,
                    _ => {}
                }
            }
            '\u{900}'..='\u{97F}' => deva += 1,
            '\u{1200}'..='\u{139F}' => ethiopic += 1,
            '\u{1000}'..='\u{109F}' => myanmar += 1,
            '\u{3040}'..='\u{30FF}' => kana += 1,
            '\u{4E00}'..='\u{9FFF}' => han += 1,
            _ => {}
        }
    }
    let scripts = [
        latin,
        cyr,
        greek,
        armenian,
        arabic,
        deva,
        ethiopic,
        myanmar,
        kana + han,
    ];
    let best = scripts
        .iter()
        .enumerate()
        .max_by_key(|&(_, n)| *n)
        .map(|(i, &n)| if n == 0 { 0 } else { i })
        .unwrap_or(0);
    match best {
        1 => {
            return if kk_marks > 0 {
                Lang::Kk
            } else if bg_marks > 0 && ru_marks == 0 {
                Lang::Bg
            } else {
                Lang::Ru
            }
        }
        2 => return Lang::El,
        3 => return Lang::Hy,
        4 => {
            return if ur_marks > 0 {
                Lang::Ur
            } else if fa_marks > 0 {
                Lang::Fa
            } else {
                Lang::Ar
            }
        }
        5 => {
            // Marathi and Hindi share the script; a few frequent words tell them apart.
            let mr = ["आहे", "आणि", "नाही", "होते"];
            let hi = ["है", "और", "नहीं", "के"];
            let (mut m, mut h) = (0, 0);
            for w in sample.split_whitespace() {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric() && !is_mark(c));
                m += mr.contains(&w) as u32;
                h += hi.contains(&w) as u32;
            }
            return if m > h { Lang::Mr } else { Lang::Hi };
        }
        6 => return Lang::Am,
        7 => return Lang::My,
        8 => return if kana > 0 { Lang::Ja } else { Lang::Zh },
        _ => {}
    }

    // Latin script. News in English says `the`, `and`, `of` every few words: settle that
    // common case before counting every language's words.
    if english_words(bytes) >= 6 {
        return Lang::En;
    }
    // Otherwise count stop words.
    const WORDS: &[(Lang, &[&str])] = &[
        (
            Lang::En,
            &[
                "the", "and", "of", "to", "is", "was", "in", "that", "it", "for", "said", "with",
            ],
        ),
        (
            Lang::De,
            &[
                "der", "die", "und", "das", "ist", "nicht", "mit", "den", "sich", "auf", "ein",
                "eine",
            ],
        ),
        (
            Lang::Fr,
            &[
                "le", "la", "les", "et", "des", "est", "une", "que", "du", "dans", "pour", "pas",
            ],
        ),
        (
            Lang::Es,
            &[
                "el", "los", "las", "y", "que", "es", "por", "una", "con", "para", "del", "se",
            ],
        ),
        (
            Lang::It,
            &[
                "il", "che", "di", "è", "non", "gli", "della", "una", "per", "sono", "con", "nel",
            ],
        ),
        (
            Lang::Nl,
            &[
                "de", "het", "een", "en", "van", "is", "niet", "dat", "op", "zijn", "met", "voor",
            ],
        ),
        (
            Lang::Pt,
            &[
                "o", "os", "as", "não", "uma", "com", "para", "do", "da", "em", "que", "foi",
            ],
        ),
        (
            Lang::Da,
            &[
                "og", "det", "er", "at", "en", "til", "ikke", "af", "på", "med", "jeg", "som",
            ],
        ),
        (
            Lang::Pl,
            &[
                "i", "w", "nie", "się", "na", "jest", "że", "do", "to", "z", "jak", "po",
            ],
        ),
        (
            Lang::Sk,
            &[
                "a", "je", "sa", "na", "v", "že", "to", "som", "ako", "aj", "pre", "sú",
            ],
        ),
    ];
    // Each common word once, with a bit per language that uses it.
    static BY_WORD: std::sync::OnceLock<crate::extract::lexicon::FastMap<&'static str, u16>> =
        std::sync::OnceLock::new();
    let by_word = BY_WORD.get_or_init(|| {
        let mut m = crate::extract::lexicon::FastMap::default();
        for (k, (_, list)) in WORDS.iter().enumerate() {
            for w in list.iter() {
                *m.entry(*w).or_insert(0u16) |= 1 << k;
            }
        }
        m
    });
    let mut scores = [0u32; 10];
    // ASCII punctuation and spaces split words without decoding every char as Unicode.
    let split = |c: char| {
        if c.is_ascii() {
            !c.is_ascii_alphanumeric()
        } else {
            !c.is_alphanumeric()
        }
    };
    for w in sample.split(split).take(600) {
        if w.is_empty() || w.len() > 6 {
            continue;
        }
        let lower;
        let w = if w.bytes().any(|b| b.is_ascii_uppercase()) {
            lower = w.to_lowercase();
            lower.as_str()
        } else {
            w
        };
        if let Some(&bits) = by_word.get(w) {
            for (k, score) in scores.iter_mut().enumerate() {
                if bits & (1 << k) != 0 {
                    *score += 2;
                }
            }
        }
    }
    // Letters only one of these languages uses settle short texts with few common words.
    const LETTERS: &[(Lang, &str)] = &[
        (Lang::De, "ßÄÖÜäöü"),
        (Lang::Fr, "çœÇàâêîûëÀÂÊÎÛ"),
        (Lang::Es, "ñÑ¿¡"),
        (Lang::It, "òìÒÌ"),
        (Lang::Pt, "ãõÃÕ"),
        (Lang::Da, "æøåÆØÅ"),
        (Lang::Pl, "łąęśżźćńŁĄĘŚŻŹĆŃ"),
        (Lang::Sk, "ľĺŕôäĽĹŔÔ"),
    ];
    for c in sample.chars().filter(|c| !c.is_ascii()).take(2000) {
        for &(l, letters) in LETTERS {
            if letters.contains(c) {
                if let Some(k) = WORDS.iter().position(|(w, _)| *w == l) {
                    scores[k] += 1;
                }
            }
        }
    }
    let (k, &best) = scores
        .iter()
        .enumerate()
        .max_by_key(|&(k, s)| (*s, usize::MAX - k))
        .unwrap_or((0, &0));
    if best == 0 {
        Lang::En
    } else {
        WORDS[k].0
    }
}

/// How often ` the `, ` and `, ` of `, ` to ` occur in `bytes`.
fn english_words(bytes: &[u8]) -> usize {
    use memchr::memmem::Finder;
    static FINDERS: std::sync::OnceLock<[Finder<'static>; 4]> = std::sync::OnceLock::new();
    FINDERS
        .get_or_init(|| [" the ", " and ", " of ", " to "].map(Finder::new))
        .iter()
        .map(|f| f.find_iter(bytes).count())
        .sum()
}

fn is_mark(c: char) -> bool {
    ('\u{900}'..='\u{903}').contains(&c) || ('\u{93A}'..='\u{94F}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_file_parses() {
        for &l in Lang::ALL {
            let (r, problems) = Rules::parse_checked(l.data());
            assert!(
                problems.is_empty(),
                "data/abbreviations/{}.txt: {problems:?}",
                l.code()
            );
            if !l.data().is_empty() && !r.ordinals && !r.colon_stop && !r.no_word_spaces {
                assert!(
                    !r.abbreviations.is_empty() || !r.prepositive.is_empty(),
                    "{} lists no abbreviations",
                    l.code()
                );
            }
        }
        let en = rules(Lang::En);
        assert!(
            en.prepositive.contains("mr") && en.time.contains("a.m") && en.starters.contains("the")
        );
        assert!(
            rules(Lang::Ar).comma_stop
                && rules(Lang::Hy).colon_stop
                && rules(Lang::Ja).no_word_spaces
        );
        assert!(rules(Lang::De).ordinals && !rules(Lang::En).ordinals);
        // Latin-script languages also know the English lists.
        assert!(rules(Lang::Fr).prepositive.contains("mr"));
    }

    #[test]
    fn problems_are_reported() {
        let (_, p) = Rules::parse_checked("[abbrevs]\nx\n[rules]\nfast\n[numeric]\nno 5\n");
        assert_eq!(p.len(), 3, "{p:?}");
    }
}
