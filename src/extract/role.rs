//! Role claims: a person named in a role of an organisation (`Yegor Burkin, leader of
//! Khimprom`, `spokeswoman Irina Volk`, `the company's chief executive, Anna Berg`, `Khimprom,
//! led by Yegor Burkin`). Reports that name different people for one role contradict each other.

use super::lexicon::{lexicon, Lexicon, StemId};
use super::token::{Token, TokenKind, Tokens};
use std::borrow::Cow;
use std::ops::Range;

/// A person in a role, as one sentence states it.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleClaim {
    /// Index of the sentence in its document.
    pub sentence: usize,
    /// The whole phrase, in the normalized text.
    pub span: Range<usize>,
    /// The person's name as written.
    pub person: String,
    /// Lowercase surname: what decides whether two sources name the same person.
    pub surname: String,
    /// Role class from `data/roles.tsv` (`leader`, `spokesperson`).
    pub role: &'static str,
    /// Human label of the class (`chief executive`).
    pub label: &'static str,
    /// The organisation as written (`Khimprom`, `the company`), when the sentence names one.
    pub org: Option<String>,
    /// Lowercase key of the organisation when a proper name identifies it (`khimprom`).
    pub org_key: Option<String>,
    /// Stems of the sentence's content words, for telling whether two sentences are about one
    /// scene when neither names the organisation.
    pub context: Vec<StemId>,
}

/// Words between an appositive name and its role: `Burkin, identified as the leader of …`.
const APPOSITIVE_FILLERS: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "identified",
    "described",
    "named",
    "as",
    "who",
    "is",
    "was",
    "former",
    "alleged",
    "reputed",
    "longtime",
    "new",
    "acting",
    "interim",
    "whom",
    "they",
    "describe",
    "describes",
    "call",
    "calls",
    "called",
    "known",
    "also",
];

/// Finds the role claims of one sentence; `range` is its span in `text`.
pub fn roles_in_sentence(text: &str, sentence: usize, range: Range<usize>) -> Vec<RoleClaim> {
    roles_in(&Tokens::new(text, range), sentence)
}

/// [`roles_in_sentence`] over a sentence already tokenized.
pub fn roles_in(tk: &Tokens, sentence: usize) -> Vec<RoleClaim> {
    let lx = lexicon();
    let (text, toks) = (tk.text, &tk.toks[..]);
    // Most sentences name no role: look before doing any work.
    let any_role = (0..toks.len())
        .any(|i| toks[i].kind == TokenKind::Word && lx.roles_from(tk.lower(i)).is_some());
    if !any_role {
        return Vec::new();
    }
    // A title-case headline (`Greek Prime Minister Calls Bank Workers`) has no names to tell
    // from its other words.
    let words: Vec<&str> = toks
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text))
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    if words.len() >= 4 && capitalised * 10 > words.len() * 6 {
        return Vec::new();
    }
    let lowers: Vec<Cow<str>> = (0..toks.len()).map(|i| tk.folded(i)).collect();
    let s = Scan {
        text,
        toks,
        lowers: &lowers,
        lx,
    };
    let mut out: Vec<RoleClaim> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some((class, end)) = s.role_at(i) else {
            i += 1;
            continue;
        };
        if let Some(r) = s.claim(sentence, i, end, class) {
            // One person in one role once per sentence; keep the mention naming the organisation.
            match out
                .iter_mut()
                .find(|o| o.surname == r.surname && o.role == r.role)
            {
                Some(o) if o.org_key.is_none() && r.org_key.is_some() => *o = r,
                Some(_) => {}
                None => out.push(r),
            }
        }
        i = end;
    }
    if !out.is_empty() {
        let mut context: Vec<StemId> = lowers
            .iter()
            .filter(|w| w.len() > 2 && w.chars().all(char::is_alphabetic))
            .filter(|w| !lx.stopwords.contains(&***w))
            .map(|w| lx.stem_id(w))
            .collect();
        context.sort_unstable();
        context.dedup();
        for r in &mut out {
            r.context = context.clone();
        }
    }
    out
}

struct Scan<'a> {
    text: &'a str,
    toks: &'a [Token],
    lowers: &'a [Cow<'a, str>],
    lx: &'static Lexicon,
}

impl Scan<'_> {
    fn lower(&self, i: usize) -> &str {
        self.lowers.get(i).map_or("", |w| w)
    }

    fn is_sym(&self, i: usize, s: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Symbol && t.text(self.text) == s)
    }

    /// The longest role phrase starting at `i`: its class index and the token after it.
    fn role_at(&self, i: usize) -> Option<(usize, usize)> {
        self.lx
            .roles_from(self.lower(i))?
            .iter()
            .find_map(|(words, class)| {
                let n = words.len();
                (i + n <= self.toks.len()
                    && words.iter().enumerate().all(|(k, w)| {
                        let kind = if *w == "-" {
                            TokenKind::Symbol
                        } else {
                            TokenKind::Word
                        };
                        self.toks[i + k].kind == kind && self.lower(i + k) == *w
                    }))
                .then_some((*class, i + n))
            })
    }

    /// A capitalised word that can be part of a name or an organisation.
    fn proper(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let w = self.lower(i);
        t.kind == TokenKind::Word
            && t.text(self.text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && !self.lx.stopwords.contains(w)
            && !self.lx.months.contains(w)
            && self.role_at(i).is_none()
    }

    /// A run of proper words starting at `i` (at most four): its end.
    fn name_from(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while j < self.toks.len() && j - i < 4 && self.proper(j) {
            j += 1;
        }
        (j > i).then_some(j)
    }

    /// A run of proper words ending just before `end`: its start.
    fn name_until(&self, end: usize) -> Option<usize> {
        let mut j = end;
        while j > 0 && end - j < 4 && self.proper(j - 1) {
            j -= 1;
        }
        (j < end).then_some(j)
    }

    /// A person's name: two or more proper words, or one that does not open the sentence.
    fn person(&self, r: Range<usize>) -> Option<Range<usize>> {
        (r.len() >= 2 || r.start > 0).then_some(r)
    }

    fn words(&self, r: Range<usize>) -> String {
        let (Some(a), Some(b)) = (self.toks.get(r.start), self.toks.get(r.end.wrapping_sub(1)))
        else {
            return String::new();
        };
        self.text[a.span.start..b.span.end].to_string()
    }

    /// The organisation after `of`/`for`/`at` at `i`: a proper run (`the Ministry of Internal
    /// Affairs`), else the common noun (`the company`). Returns its range and the index after.
    fn org_after(&self, i: usize) -> Option<(Range<usize>, usize)> {
        if !matches!(self.lower(i), "of" | "for" | "at") {
            return None;
        }
        let mut j = i + 1;
        while matches!(self.lower(j), "the" | "a" | "an" | "its" | "their") {
            j += 1;
        }
        let start = j;
        if let Some(mut end) = self.name_from(j) {
            // `Ministry of Internal Affairs`: `of` inside a proper run.
            while self.lower(end) == "of" && self.proper(end + 1) {
                end = self.name_from(end + 1).unwrap_or(end + 1);
            }
            return Some((start..end, end));
        }
        let t = self.toks.get(j)?;
        (t.kind == TokenKind::Word && !self.lx.stopwords.contains(self.lower(j)))
            .then(|| (j..j + 1, j + 1))
    }

    /// The organisation in the noun phrase ending before `k`: its proper run (`The Khimprom
    /// group` → `Khimprom`), else its head noun (`a fraud organization` → `organization`).
    fn org_before(&self, k: usize) -> Option<Range<usize>> {
        let mut j = k;
        while j > 0
            && k - j < 5
            && self.toks[j - 1].kind == TokenKind::Word
            && !matches!(self.lower(j - 1), "the" | "a" | "an" | "its" | "their")
            && (self.proper(j - 1) || !self.lx.stopwords.contains(self.lower(j - 1)))
        {
            j -= 1;
        }
        if j == k {
            return None;
        }
        let proper = (j..k).find(|&i| self.proper(i));
        Some(match proper {
            Some(p) => p..self.name_from(p).unwrap_or(p + 1).min(k),
            // `Khimprom, the group led by …`: the common noun stands for the name before it.
            None => {
                let mut d = j;
                while d > 0 && matches!(self.lower(d - 1), "the" | "a" | "an") {
                    d -= 1;
                }
                if d >= 2 && self.is_sym(d - 1, ",") && self.proper(d - 2) {
                    self.name_until(d - 1).unwrap_or(d - 2)..d - 1
                } else {
                    k - 1..k
                }
            }
        })
    }

    fn claim(&self, sentence: usize, at: usize, end: usize, class: usize) -> Option<RoleClaim> {
        let passive = matches!(self.lower(end - 1), "by");
        let mut org: Option<Range<usize>> = None;
        let person: Option<Range<usize>>;
        if passive {
            // `Khimprom, led by Yegor Burkin`, `a gang run by Burkin`.
            person = self.name_from(end).and_then(|e| self.person(end..e));
            let mut k = at;
            if k > 0 && self.is_sym(k - 1, ",") {
                k -= 1;
            }
            org = self.org_before(k);
        } else {
            // An organisation before the title: `Interior Minister`, `the company's chief
            // executive`, `Khimprom leader`.
            if at > 0 {
                let prev = self.lower(at - 1);
                if let Some(stem) = prev.strip_suffix("'s") {
                    if !stem.is_empty() {
                        org = Some(at - 1..at);
                    }
                } else if let Some(s) = self.name_until(at) {
                    // A run that is itself a name (`Anna Berg, chief executive`) is not an
                    // organisation: only take it when no comma separates it.
                    org = Some(s..at);
                }
            }
            let mut after = end;
            if let Some((r, e)) = self.org_after(end) {
                org = Some(r);
                after = e;
            }
            // Title before a name: `spokeswoman Irina Volk`, `chief executive, Anna Berg`.
            let mut n = after;
            if self.is_sym(n, ",") {
                n += 1;
            }
            let mut named = self.name_from(n).and_then(|e| self.person(n..e));
            // Appositive: `Yegor Burkin, identified as the leader of Khimprom`.
            if named.is_none() {
                let mut k = at;
                while k > 0 && APPOSITIVE_FILLERS.contains(&self.lower(k - 1)) {
                    k -= 1;
                }
                if k > 0 && self.is_sym(k - 1, ",") {
                    if let Some(s) = self.name_until(k - 1) {
                        if let Some(p) = self.person(s..k - 1) {
                            named = Some(p);
                            if org.as_ref().is_some_and(|o| o.end == at) {
                                org = None;
                            }
                        }
                    }
                }
            }
            // `Interior Minister Ivan Petrov` took `Ivan Petrov` as the person and `Interior` as
            // the organisation; a run that ran into the sentence start is a name, not an org.
            person = named;
        }
        let person = person?;
        let name = self.words(person.clone());
        let surname = self.lower(person.end - 1).to_string();
        // Only a proper name identifies an organisation; `the company` says which kind it is.
        let org_text = org
            .as_ref()
            .map(|r| self.words(r.clone()).trim_end_matches("'s").to_string());
        let org_key = org
            .as_ref()
            .filter(|r| self.proper(r.start))
            .and(org_text.as_ref())
            .map(|t| t.to_lowercase());
        let lo = [Some(at), Some(person.start), org.as_ref().map(|o| o.start)]
            .into_iter()
            .flatten()
            .min()?;
        let hi = [Some(end), Some(person.end), org.as_ref().map(|o| o.end)]
            .into_iter()
            .flatten()
            .max()?;
        let c = &self.lx.role_classes[class];
        Some(RoleClaim {
            sentence,
            span: self.toks[lo].span.start..self.toks[hi - 1].span.end,
            person: name,
            surname,
            role: c.0,
            label: c.1,
            org: org_text,
            org_key,
            context: Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Person, role class, organisation key.
    fn roles(s: &str) -> Vec<(String, &'static str, Option<String>)> {
        roles_in_sentence(s, 0, 0..s.len())
            .into_iter()
            .map(|r| {
                assert_eq!(&s[r.span.clone()].contains(&r.person), &true);
                (r.person, r.role, r.org_key)
            })
            .collect()
    }

    macro_rules! role_cases {
        ($($name:ident: $input:expr => $want:expr;)*) => {
            $(#[test] fn $name() {
                let want: Vec<(&str, &str, Option<&str>)> = $want;
                let want: Vec<(String, &str, Option<String>)> = want
                    .into_iter()
                    .map(|(p, r, o)| (p.to_string(), r, o.map(str::to_string)))
                    .collect();
                assert_eq!(roles($input), want, "{}", $input);
            })*
        };
    }

    role_cases! {
        appositive_of: "It was led by Yegor Burkin, leader of Khimprom, police said." => vec![("Yegor Burkin", "leader", Some("khimprom"))];
        identified_as: "The network is linked to Yegor Burkin, identified as the leader of the Khimprom organized crime group." => vec![("Yegor Burkin", "leader", Some("khimprom"))];
        led_by: "The Khimprom group, led by Yegor Burkin, has a long history." => vec![("Yegor Burkin", "leader", Some("khimprom"))];
        led_by_common: "It is an international fraud organization led by Yegor Burkin." => vec![("Yegor Burkin", "leader", None)];
        led_by_appositive: "The operation belongs to Khimprom, the group led by Yegor Burkin." => vec![("Yegor Burkin", "leader", Some("khimprom"))];
        whom_described: "Officials tied it to a ring run by Yegor Burkin, whom they describe as the head of the Khimprom group." => vec![("Yegor Burkin", "leader", Some("khimprom"))];
        led_by_proper: "Khimprom, led by Yegor Burkin, has a long history." => vec![("Yegor Burkin", "leader", Some("khimprom"))];
        title_before_name: "Chief executive Maria Holm announced the deal on Monday." => vec![("Maria Holm", "ceo", None)];
        possessive_org: "The company's chief executive, Anna Berg, announced the deal." => vec![("Anna Berg", "ceo", None)];
        possessive_proper: "Acme's chief executive, Anna Berg, announced the deal." => vec![("Anna Berg", "ceo", Some("acme"))];
        spokeswoman_for: "According to Irina Volk, spokeswoman for the Ministry of Internal Affairs, the operators persuaded foreigners." => vec![("Irina Volk", "spokesperson", Some("ministry of internal affairs"))];
        minister_title: "Interior Minister Ivan Petrov said the raids were over." => vec![("Ivan Petrov", "minister", Some("interior"))];
        org_title_name: "Khimprom leader Yegor Burkin fled abroad." => vec![("Yegor Burkin", "leader", Some("khimprom"))];
        hyphenated_title: "Maria Holm, co-founder of Acme, left the board." => vec![("Maria Holm", "founder", Some("acme"))];
        hyphenated_title_before_name: "Director-General Ivan Petrov resigned after the audit was published." => vec![("Ivan Petrov", "director", None)];
        no_person: "The leader of the group fled abroad." => vec![];
        plain_sentence: "At least 30 people were killed in the quake." => vec![];
    }
}
