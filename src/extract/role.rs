//! Role claims: a person named in a role of an organisation (`Yegor Burkin, leader of
//! Khimprom`, `spokeswoman Irina Volk`, `the company's chief executive, Anna Berg`, `Khimprom,
//! led by Yegor Burkin`). Reports that name different people for one role contradict each other.

use super::lexicon::{lexicon, Lexicon, RolePhrase, StemId};
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
    /// A word that makes the title another post (`deputy`, `assistant`, `senior`): claims
    /// compare only with the same one.
    pub rank: Option<&'static str>,
    /// A post many hold at once (senators, officers): different people in it do not conflict.
    pub many: bool,
    /// The group of posts one person holds only one of (`officer`: chief executive, chief
    /// operating officer…), from `data/roles.tsv`.
    pub one_of: Option<&'static str>,
    /// Said to be a former holder (`former attorney general`, `ex-president`, `then-mayor`):
    /// someone else holding the post now is no conflict.
    pub former: bool,
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
    "currently",
    "still",
    "became",
    "becomes",
    "remains",
    "remained",
    "served",
    "serves",
    "serving",
    "elected",
    "appointed",
    "chosen",
    "selected",
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
    let any_role = (0..toks.len()).any(|i| {
        toks[i].kind == TokenKind::Word
            && lx.may_begin_role(
                tk.lower(i),
                text.as_bytes()[toks[i].span.start].is_ascii_uppercase(),
            )
            && lx
                .roles_from(tk.lower(i))
                .is_some_and(|ps| ps.iter().any(|p| phrase_at(tk, i, p)))
    });
    if !any_role {
        return Vec::new();
    }
    // A title-case headline (`Greek Prime Minister Calls Bank Workers`) has no names to tell
    // from its other words: every word is capitalised but short function words.
    let mut words = 0;
    let title_case = (0..toks.len())
        .filter(|&i| toks[i].kind == TokenKind::Word)
        .inspect(|_| words += 1)
        .all(|i| {
            toks[i].text(text).starts_with(char::is_uppercase) || lx.stopwords.contains(tk.lower(i))
        });
    if words >= 4 && title_case {
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
                .find(|o| o.surname == r.surname && o.role == r.role && o.rank == r.rank)
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

/// Whether role phrase `p` is written at token `i` (ASCII case folding: role words are ASCII).
fn phrase_at(tk: &Tokens, i: usize, p: &RolePhrase) -> bool {
    p.matches_at(i, tk.len(), |k| (tk.toks[k].kind, tk.raw(k), tk.lower(k)))
}

struct Scan<'a> {
    text: &'a str,
    toks: &'a [Token],
    lowers: &'a [Cow<'a, str>],
    lx: &'static Lexicon,
}

/// Words that keep a title the same post (`former attorney general`, `acting director`):
/// stepped over when looking for what stands before the title.
const SAME_POST: &[&str] = &[
    "former",
    "majority",
    "principal",
    "acting",
    "interim",
    "then",
    "new",
    "current",
    "outgoing",
    "incoming",
    "longtime",
    "longstanding",
    "founding",
];

/// Copulas that tie a name to its title without a comma (`Oler is the bishop of …`, `Ruiz
/// became president of …`, `Lee served as chair of …`).
const COPULAS: &[&str] = &[
    "is", "was", "became", "becomes", "remains", "remained", "served", "serves", "serving",
];

impl Scan<'_> {
    fn lower(&self, i: usize) -> &str {
        self.lowers.get(i).map_or("", |w| w)
    }

    fn raw(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    fn is_sym(&self, i: usize, s: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Symbol && t.text(self.text) == s)
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// The longest role phrase starting at `i`: its class index and the token after it.
    fn role_at(&self, i: usize) -> Option<(usize, usize)> {
        self.lx.roles_from(self.lower(i))?.iter().find_map(|p| {
            let end = i + p.words.len();
            // A job title of the open class written with a capital may be a surname (`Matt
            // Smith said`): it is a title only before a name of two words (`Interior
            // Secretary Dirk Kempthorne`), which a surname never is.
            let capitalised = || self.raw(i).starts_with(char::is_uppercase);
            if p.open && capitalised() && !self.full_name_at(end) {
                return None;
            }
            p.matches_at(i, self.toks.len(), |k| {
                (
                    self.toks[k].kind,
                    self.toks[k].text(self.text),
                    self.lower(k),
                )
            })
            .then_some((p.class, end))
        })
    }

    /// Where a role phrase ending just before `end` starts, if one does.
    fn role_ending_at(&self, end: usize) -> Option<usize> {
        (end.saturating_sub(4)..end).find(|&j| self.role_at(j).is_some_and(|(_, e)| e == end))
    }

    /// Two capitalised words at `i` whose second ends no place's, street's or
    /// organisation's name: a first name and a surname (`Dirk Kempthorne`), not the rest of
    /// a place's name (`Mt Cook National Park`).
    fn full_name_at(&self, i: usize) -> bool {
        let w = self.lower(i + 1);
        self.capital_word(i)
            && self.capital_word(i + 1)
            && !self.org_word(i + 1)
            && !self.lx.is_role_word("place", w)
            && !self.lx.is_noise_word("street", w)
    }

    /// A capitalised word that can be part of a name or an organisation: not a function
    /// word, a month or a weekday (`fired Coach Ann Lee Saturday` names Ann Lee), unless a
    /// month opens a name (`Gov. Jan Brewer`, `April Ryan`; see [`Self::month_name`]).
    fn proper(&self, i: usize) -> bool {
        self.capital_word(i)
            && (!self.lx.is_month(self.lower(i)) || self.month_name(i))
            && self.role_at(i).is_none()
    }

    /// A capitalised word that is no function word or weekday (a month may be a name).
    fn capital_word(&self, i: usize) -> bool {
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
            && !self.lx.is_cue("weekday", w)
    }

    /// A month word that is a first name: right before a capitalised name word, with no
    /// word of time before it (`Gov. Jan Brewer`, not `in May Smith resigned`).
    fn month_name(&self, i: usize) -> bool {
        let time_word = i > 0
            && matches!(
                self.lower(i - 1),
                "in" | "on"
                    | "since"
                    | "until"
                    | "by"
                    | "of"
                    | "last"
                    | "next"
                    | "early"
                    | "late"
                    | "mid"
                    | "from"
                    | "through"
                    | "before"
                    | "after"
                    | "during"
            );
        !time_word
            && !self.is_sym(i + 1, ".")
            && self.capital_word(i + 1)
            && !self.lx.is_month(self.lower(i + 1))
            && self.role_at(i + 1).is_none()
    }

    /// A middle initial at `i` (`W.` in `John W. Henry`): one capital letter and its dot,
    /// with a name word after them. Returns the index after the dot.
    fn initial(&self, i: usize) -> Option<usize> {
        let one = self.is_word(i)
            && self.raw(i).chars().count() == 1
            && self.raw(i).chars().all(char::is_uppercase);
        (one && self.is_sym(i + 1, ".") && self.proper(i + 2)).then_some(i + 2)
    }

    /// A courtesy title at `i` (`Dr.`, `Mr`), with its dot: the index after it.
    fn honorific(&self, i: usize) -> Option<usize> {
        if !self.is_word(i) || !self.lx.is_role_word("honorific", self.lower(i)) {
            return None;
        }
        let e = if self.is_sym(i + 1, ".") {
            i + 2
        } else {
            i + 1
        };
        self.proper(e).then_some(e)
    }

    /// A run of proper words starting at `i` (at most four words, middle initials aside):
    /// its end.
    fn name_from(&self, i: usize) -> Option<usize> {
        let mut j = i;
        let mut words = 0;
        while j < self.toks.len() && words < 4 {
            if let Some(e) = (words > 0).then(|| self.initial(j)).flatten() {
                j = e;
            } else if self.proper(j) || words > 0 && self.is_word(j) && self.hyphenated(j) > j + 1 {
                j = self.hyphenated(j);
                words += 1;
            } else {
                break;
            }
        }
        (j > i).then_some(j)
    }

    /// The end of the name word at `i` with the capitalised parts glued to it by hyphens
    /// (`Jean-Pierre`, `al-Assad`, `Sarah-Jane`): one word of a name.
    fn hyphenated(&self, i: usize) -> usize {
        let mut k = i + 1;
        while self.is_sym(k, "-") && self.glued(k) && self.glued(k + 1) && self.proper(k + 1) {
            k += 2;
        }
        k
    }

    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.glued)
    }

    /// A run of proper words ending just before `end`, middle initials included: its start.
    fn name_until(&self, end: usize) -> Option<usize> {
        let mut j = end;
        let mut words = 0;
        while j > 0 && words < 4 {
            if self.proper(j - 1) {
                j -= 1;
                // `Jean-Pierre`, `al-Assad`: the parts before a glued hyphen belong to the word.
                while j >= 2
                    && self.is_sym(j - 1, "-")
                    && self.glued(j - 1)
                    && self.glued(j)
                    && self.is_word(j - 2)
                {
                    j -= 2;
                }
                words += 1;
            } else if words > 0
                && j >= 3
                && self.is_sym(j - 1, ".")
                && self.initial(j - 2) == Some(j)
            {
                j -= 2;
            } else {
                break;
            }
        }
        (j < end).then_some(j)
    }

    /// A person's name starting at `i`, a courtesy title before it stepped over (`Dr. Jane
    /// Roe` is Jane Roe): its range.
    fn person_from(&self, i: usize) -> Option<Range<usize>> {
        let s = self.honorific(i).unwrap_or(i);
        self.name_from(s).and_then(|e| self.person(s..e))
    }

    /// A person's name ending before `end`, a courtesy title before it stepped over. A run
    /// after an article, or after a name and a preposition of place, names no person (`the
    /// Supreme Court, attorney general`, `Rahall of West Virginia, the chairman`), unless it
    /// opens with a courtesy title (`the Rev. Ann Lee`).
    fn person_until(&self, end: usize) -> Option<Range<usize>> {
        let mut run = self.name_until(end)?;
        // `PHILADELPHIA 76ERS Fired Jim O'Brien, coach`: a word in capitals opens no name,
        // nor does the listing's verb in -ed after it; the name starts after them.
        let mut listing = false;
        while run + 1 < end && (self.acronym(run) || listing && self.lower(run).ends_with("ed")) {
            listing = true;
            run += 1;
        }
        let s = self.honorific(run).filter(|&e| e < end).unwrap_or(run);
        if s == run && run > 0 && matches!(self.lower(run - 1), "the" | "a" | "an") {
            return None;
        }
        // Nor one after a name and a preposition of place: `Rep. Nick Rahall (D) of West
        // Virginia, the chairman` names the chairman before it (`the support of Ed Snider,
        // the chairman` does name him).
        let after_name = run >= 2
            && (self.raw(run - 2).starts_with(char::is_uppercase) || self.is_sym(run - 2, ")"));
        if s == run && after_name && matches!(self.lower(run - 1), "of" | "from" | "in" | "at") {
            return None;
        }
        self.person(s..end)
    }

    /// Whether the word at `i` is only the plural of a common noun the resource knows
    /// (`Blazers`, `Rangers`): the end of a team's or a group's name, never a surname.
    fn common_plural(&self, i: usize) -> bool {
        let w = self.lower(i);
        if !w.ends_with('s') || w.ends_with("ss") {
            return false;
        }
        let lemmas = crate::lexical::lexical().lemmas(w);
        // The singular is the word less its plural ending (`blazers`, `churches`), not a
        // rarer word the ending happens to fit (`Torres` is no plural of `torr`).
        let singular = |l: &str| {
            l.len() + 1 == w.len()
                || l.len() + 2 == w.len()
                    && ["ches", "shes", "xes", "sses", "zes"]
                        .iter()
                        .any(|e| w.ends_with(e))
        };
        !lemmas.is_empty() && lemmas.iter().all(|l| l != w) && lemmas.iter().any(|l| singular(l))
    }

    /// An acronym (`ERS`, `ROVERS`): a word of a listing line or an organisation, never the
    /// first of a person's name.
    fn acronym(&self, i: usize) -> bool {
        let w = self.raw(i);
        w.chars().count() >= 2 && w.chars().all(|c| c.is_ascii_uppercase())
    }

    /// A person's name: two or more proper words, or one that does not open the sentence and
    /// is no acronym (`CNN as his surgeon general` names a network, not a person).
    fn person(&self, r: Range<usize>) -> Option<Range<usize>> {
        (r.len() >= 2 || r.start > 0 && !self.acronym(r.start)).then_some(r)
    }

    /// The surname of the name in `r`: its last word that is no suffix (`King` in `Martin
    /// Luther King Jr.`), the parts of a hyphenated one run together (`Iran-Nejad` is
    /// `irannejad`, as outlets also write it).
    fn surname(&self, r: Range<usize>) -> String {
        let Some(mut k) = r
            .clone()
            .rev()
            .filter(|&k| self.is_word(k) && self.raw(k).chars().count() > 1)
            .find(|&k| !self.lx.is_role_word("suffix", self.lower(k)))
            .or_else(|| r.clone().next_back())
        else {
            return String::new();
        };
        let end = k + 1;
        while k >= r.start + 2 && self.is_sym(k - 1, "-") && self.glued(k - 1) && self.glued(k) {
            k -= 2;
        }
        let word: String = (k..end)
            .filter(|&j| self.is_word(j))
            .map(|j| self.lower(j))
            .collect();
        word.trim_end_matches("'s")
            .trim_end_matches("\u{2019}s")
            .to_string()
    }

    /// Whether the title starting at `title` is said of a former holder: `former`, `onetime`,
    /// `ex-`, `then-` before it or before the organisation's name before it (`the former FLDS
    /// bishop`).
    fn former(&self, title: usize) -> bool {
        let mut k = title;
        let mut names = 0;
        while k > 0 {
            let w = self.lower(k - 1);
            if matches!(w, "former" | "onetime" | "erstwhile" | "retired") {
                return true;
            }
            if w == "-" && k >= 2 && matches!(self.lower(k - 2), "ex" | "then") {
                return true;
            }
            let name = names < 4 && (self.proper(k - 1) || w.ends_with("'s"));
            if !(SAME_POST.contains(&w) || name) {
                return false;
            }
            names += usize::from(name);
            k -= 1;
        }
        false
    }

    fn words(&self, r: Range<usize>) -> String {
        let (Some(a), Some(b)) = (self.toks.get(r.start), self.toks.get(r.end.wrapping_sub(1)))
        else {
            return String::new();
        };
        self.text[a.span.start..b.span.end].to_string()
    }

    /// The organisation after `of`/`for`/`at` at `i`: a proper run (`the Ministry of Internal
    /// Affairs`), else the common noun phrase (`the company`, `worldwide marketing`). Returns
    /// its range and the index after.
    /// Whether token `i` is a word organisations are named with (`Ministry`, `Group`), or
    /// its plural (`Boards`).
    fn org_word(&self, i: usize) -> bool {
        let w = self.lower(i);
        // `the Defense Council's program`: the possessive's word.
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("\u{2019}s"))
            .unwrap_or(w);
        self.lx.is_role_word("org", w)
            || w.strip_suffix('s')
                .is_some_and(|s| self.lx.is_role_word("org", s))
    }

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
            // `Ministry of Internal Affairs`: `of` inside a proper run; and a name longer
            // than a person's (`the Bayou La Batre Rural Health Clinic`) goes on.
            loop {
                if self.lower(end) == "of" && self.proper(end + 1) {
                    end = self.name_from(end + 1).unwrap_or(end + 1);
                } else if end - start < 8 && self.proper(end) {
                    end = self.name_from(end).unwrap_or(end + 1);
                } else {
                    break;
                }
            }
            return Some((start..end, end));
        }
        let common = |k: usize| self.is_word(k) && !self.lx.stopwords.contains(self.lower(k));
        if !common(j) {
            return None;
        }
        // `vice president of worldwide marketing Phil Schiller`: the common words up to a
        // name.
        let mut end = j + 1;
        while end - j < 3 && common(end) && !self.proper(end) {
            end += 1;
        }
        if !self.proper(end) {
            end = j + 1;
        }
        Some((j..end, end))
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

    /// A word before a title that makes it another post (`deputy`, `assistant`, `senior`),
    /// and where the title then starts.
    fn qualifier(&self, at: usize) -> (Option<&'static str>, usize) {
        let Some(p) = at.checked_sub(1) else {
            return (None, at);
        };
        let w = self.lower(p);
        match self.lx.role_words.get("qualifier").and_then(|s| s.get(w)) {
            Some(q) if self.is_word(p) => (Some(*q), p),
            _ => (None, at),
        }
    }

    fn claim(&self, sentence: usize, at: usize, end: usize, class: usize) -> Option<RoleClaim> {
        let passive = matches!(self.lower(end - 1), "by");
        let active = self.lower(at) == "who";
        let (rank, title) = if passive || active {
            (None, at)
        } else {
            self.qualifier(at)
        };
        let mut org: Option<Range<usize>> = None;
        let person: Option<Range<usize>>;
        if passive {
            // `Khimprom, led by Yegor Burkin`, `a gang run by Burkin`.
            person = self.person_from(end);
            let mut k = at;
            if k > 0 && self.is_sym(k - 1, ",") {
                k -= 1;
            }
            org = self.org_before(k);
        } else if active {
            // `Yegor Burkin, who heads Khimprom`, `Anna Berg, who runs the company`.
            person = (at >= 2 && self.is_sym(at - 1, ","))
                .then(|| self.person_until(at - 1))
                .flatten();
            let mut j = end;
            while matches!(self.lower(j), "the" | "a" | "an" | "its" | "their") {
                j += 1;
            }
            org = match self.name_from(j) {
                Some(e) => Some(j..e),
                None => self.is_word(j).then(|| j..j + 1),
            };
        } else {
            // What stands before the title, stepping over words that keep the post: an
            // organisation (`Interior Minister`, `the company's chief executive`, `Khimprom
            // leader`), and fillers before an appositive's title (`Burkin, identified as the
            // leader of …`).
            let mut before = title;
            while before > 0 && SAME_POST.contains(&self.lower(before - 1)) {
                before -= 1;
            }
            let mut org_run = None;
            if before > 0 {
                let prev = self.lower(before - 1);
                if let Some(stem) = prev.strip_suffix("'s") {
                    if !stem.is_empty() {
                        org = Some(before - 1..before);
                    }
                } else if let Some(mut s) = self.name_until(before) {
                    // A run that is itself a name (`Anna Berg, chief executive`) is not an
                    // organisation: only take it when no comma separates it. A capitalised
                    // title word right before it is part of the name (`General Dynamics
                    // chief executive`).
                    if s > 0
                        && self.raw(s - 1).starts_with(char::is_uppercase)
                        && self.role_at(s - 1).is_some_and(|(_, e)| e == s)
                    {
                        s -= 1;
                    }
                    org = Some(s..before);
                    org_run = Some(s);
                }
            }
            let mut after = end;
            if let Some((r, e)) = self.org_after(end) {
                org = Some(r);
                after = e;
            }
            // Title before a name: `spokeswoman Irina Volk`, `chief executive, Anna Berg`,
            // `president and general manager Ed Stefanski`.
            // Two titles joined share the organisation named after the second (`founder
            // and chief executive of Acme`).
            let mut n = after;
            if matches!(self.lower(n), "and" | "&") {
                if let Some((_, e2)) = self.role_at(n + 1) {
                    n = e2;
                    if let Some((r3, e3)) = self.org_after(n) {
                        n = e3;
                        org = org.or(Some(r3));
                    }
                }
            }
            if self.is_sym(n, ",") {
                n += 1;
            }
            let mut named = self.person_from(n);
            // `General Motors chief executive Mary Barra`: one word after a title that another
            // title follows is the name of that title's organisation, not a person in this one.
            if named
                .as_ref()
                .is_some_and(|r| r.len() == 1 && self.role_at(r.end).is_some())
            {
                return None;
            }
            // `Dana Tamir, director at security company Trusteer` and `director at security
            // company Trusteer, Dana Tamir`: one word after the kind of organisation names
            // what it is called when a person's name stands before the title or after a
            // comma; that person holds it.
            let kind_before = |r: &Range<usize>| org.as_ref().is_some_and(|o| o.end == r.start);
            if let Some(r) = named.clone().filter(|r| r.len() == 1 && kind_before(r)) {
                let appositive = before >= 2
                    && self.is_sym(before - 1, ",")
                    && self.person_until(before - 1).is_some();
                let after = self
                    .is_sym(r.end, ",")
                    .then(|| self.person_from(r.end + 1))
                    .flatten()
                    .filter(|p| p.len() >= 2);
                if appositive || after.is_some() {
                    org = org.map(|o| o.start..r.end);
                    named = after;
                }
            }
            // `Dana Moss, president, Northfield Media Group`, `general manager, Acme
            // Services`: a run after the comma that names an organisation is the
            // organisation, never a person; the appositive's person stands before the title.
            if let Some(r) = named.clone().filter(|_| org.is_none() && n > after) {
                if r.clone().any(|k| self.org_word(k)) {
                    org = Some(r);
                    named = None;
                }
            }
            // `Minister of the Interior Bernard Cazeneuve`: the organisation's run took the
            // name; its last two words are the person when they are no organisation's words.
            if named.is_none() {
                if let Some(o) = org.clone().filter(|o| o.start > end && o.len() >= 3) {
                    let split = o.end - 2;
                    if !self.org_word(split)
                        && self.full_name_at(split)
                        && !self.common_plural(split + 1)
                        && self.proper(split)
                        && self.proper(split + 1)
                    {
                        named = Some(split..o.end);
                        org = Some(o.start..split);
                    }
                }
            }
            // Appositive: `Yegor Burkin, identified as the leader of Khimprom`, `Tony DiLeo,
            // the team's assistant general manager`, `Brad Baehr, California Highway Patrol
            // officer`, and with a copula, no comma: `Oler is the bishop of …`.
            if named.is_none() {
                let mut k = org_run.unwrap_or(before);
                let post_start = k;
                // `the city councilman`, `a police officer`: lowercase words that say which
                // kind of post, right before the title.
                let mut modifiers = 0;
                while modifiers < 2
                    && k > 0
                    && self.is_word(k - 1)
                    && self.raw(k - 1).starts_with(char::is_lowercase)
                    && !self.lx.stopwords.contains(self.lower(k - 1))
                    && !APPOSITIVE_FILLERS.contains(&self.lower(k - 1))
                    && !SAME_POST.contains(&self.lower(k - 1))
                {
                    k -= 1;
                    modifiers += 1;
                }
                let mut copula = false;
                loop {
                    if k == 0 {
                        break;
                    }
                    let w = self.lower(k - 1);
                    if APPOSITIVE_FILLERS.contains(&w) || SAME_POST.contains(&w) {
                        copula |= COPULAS.contains(&w);
                        k -= 1;
                    } else if let Some(s) = matches!(w, "and" | "&")
                        .then(|| self.role_ending_at(k - 1))
                        .flatten()
                    {
                        // `Berg is founder and chief executive of Acme`: the title joined
                        // before this one stands between the name and this one too.
                        k = self.qualifier(s).1;
                    } else if w.len() > 2 && w.ends_with("'s") && self.is_word(k - 1) {
                        // `France's interior minister`: the words after the possessive say
                        // which of its posts (its interior), so they belong to the
                        // organisation, as in `French Interior Minister`.
                        let portfolio = modifiers > 0 && k + modifiers == post_start;
                        org = Some(k - 1..if portfolio { post_start } else { k });
                        k -= 1;
                    } else {
                        break;
                    }
                }
                // `in the city of Lyon, a prosecutor said`: a title a reporting verb follows
                // is the verb's subject, no appositive of the name before the comma.
                let says = self.lx.attribution_verbs.contains(self.lower(after));
                let found = if k > 0 && self.is_sym(k - 1, ",") && !says {
                    // `Maria Lo Presti, 52, head of the agency`: an age between the name and
                    // the title is its own appositive.
                    let mut comma = k - 1;
                    if comma >= 2
                        && self.toks[comma - 1].kind == TokenKind::Number
                        && self.is_sym(comma - 2, ",")
                    {
                        comma -= 2;
                    }
                    self.person_until(comma)
                } else if copula {
                    // `Oler is the bishop of …` may open the sentence with the surname alone.
                    self.person_until(k).or_else(|| {
                        let s = self.name_until(k)?;
                        let w = self.lower(s);
                        (s == 0 && k - s == 1 && self.lx.class_of(w).is_none()).then_some(s..k)
                    })
                } else {
                    None
                };
                if found.is_some() {
                    named = found;
                }
            }
            person = named;
        }
        let person = person?;
        let name = self.words(person.clone());
        let name = name
            .strip_suffix("'s")
            .or_else(|| name.strip_suffix("\u{2019}s"))
            .map_or(name.clone(), str::to_string);
        let surname = self.surname(person.clone());
        // Only a proper name identifies an organisation; `the company` says which kind it is.
        let org_text = org
            .as_ref()
            .map(|r| self.words(r.clone()).trim_end_matches("'s").to_string());
        let org_key = org
            .as_ref()
            .filter(|r| {
                self.proper(r.start)
                    || self.capital_word(r.start) && self.role_at(r.start).is_some()
            })
            .and(org_text.as_ref())
            .map(|t| {
                t.to_lowercase()
                    .replace("'s ", " ")
                    .replace("\u{2019}s ", " ")
            });
        let lo = [
            Some(title),
            Some(person.start),
            org.as_ref().map(|o| o.start),
        ]
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
            role: c.name,
            label: c.label,
            rank,
            many: c.many,
            one_of: c.one_of,
            former: !passive && !active && self.former(title),
            org: org_text,
            org_key,
            context: Vec::new(),
        })
    }
}

impl RoleClaim {
    /// Whether two claims name one person: the same surname, or a name of one word that is
    /// a word of the other's (`Louis` and `Louis Gigante`, `Mehdi` and `Mehdi Irannejad`):
    /// outlets name a person in full once and by one name after.
    pub fn same_person(&self, other: &RoleClaim) -> bool {
        if self.surname == other.surname {
            return true;
        }
        let words = |c: &RoleClaim| {
            c.person
                .split(|ch: char| !ch.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        };
        let (x, y) = (words(self), words(other));
        let within = |one: &[String], full: &[String]| one.len() == 1 && full.contains(&one[0]);
        within(&x, &y) || within(&y, &x)
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
        title_subject_of_a_reporting_verb: "The raid hit a shop in the town of Arles, a prosecutor said." => vec![];
        title_appositive_then_verb: "Ana Ruiz, a prosecutor, said the raid was swift." => vec![("Ana Ruiz", "prosecutor", None)];
        hyphenated_title_before_name: "Director-General Ivan Petrov resigned after the audit was published." => vec![("Ivan Petrov", "director", None)];
        no_person: "The leader of the group fled abroad." => vec![];
        plain_sentence: "At least 30 people were killed in the quake." => vec![];
        // Posts beyond data/roles.tsv come from WordNet's kinds of leader and official.
        open_title: "The memo was signed by campaign manager Rosa Vance on Friday." => vec![("Rosa Vance", "manager", None)];
        open_title_capitalised: "Treasury Secretary Lena Marlowe said the plan holds." => vec![("Lena Marlowe", "secretary", Some("treasury"))];
        open_title_appositive: "Dara Quill, the prosecutor in the case, declined to comment." => vec![("Dara Quill", "prosecutor", None)];
        open_title_qualified: "Deputy Prosecuting Attorney Jacob Morrow asked for a delay." => vec![("Jacob Morrow", "prosecuting attorney", None)];
        known_title_of_a_kind: "The club fired basketball coach Jim Rourke on Monday." => vec![("Jim Rourke", "coach", None)];
        surname_is_no_title: "Tom Dean said the plan holds." => vec![];
        place_is_no_person: "They camped near the Dean Forest Park last week." => vec![];
        occupation_is_no_role: "The film stars actor Sam Reyes and singer Ada Moon." => vec![];
        // Predicates and appositives as outlets write them.
        became_title: "Nora Wilde became president of the Glenmoor Rowing Club in May." => vec![("Nora Wilde", "president", Some("glenmoor rowing club"))];
        served_as_title: "Omar Field served as chair of the tenants' panel for a decade." => vec![("Omar Field", "chair", None)];
        was_chosen_as_title: "Ines Varga was chosen as chairwoman of the Lakeside Trust." => vec![("Ines Varga", "chair", Some("lakeside trust"))];
        age_before_title: "Paulo Reis, 61, director of the Harbour Museum, opened the hall." => vec![("Paulo Reis", "director", Some("harbour museum"))];
        joined_titles_share_org: "Tessa Lund is founder and chief executive of Lund Analytics." => vec![("Tessa Lund", "founder", Some("lund analytics")), ("Tessa Lund", "ceo", Some("lund analytics"))];
        long_org_name: "Ruth Adler is the founder of the Port Isabel Bay Area Community Dental Clinic." => vec![("Ruth Adler", "founder", Some("port isabel bay area community dental clinic"))];
        possessive_in_org_name: "Ivy Marsh, director of the Coastal Birds Trust's Wetland Survey Program, spoke." => vec![("Ivy Marsh", "director", Some("coastal birds trust wetland survey program"))];
        org_name_is_no_person: "Alma Ortiz is the founder of the Riverside Dental Clinic." => vec![("Alma Ortiz", "founder", Some("riverside dental clinic"))];
        place_in_org_is_no_person: "Jon Sato is the director of the Eastfield Science Centre." => vec![("Jon Sato", "director", Some("eastfield science centre"))];
    }
}
