//! What a figure counts and who says so: the counted phrase after it, the predicate and
//! measure class around it (within its clause), and the attribution of the clause.

use super::lexicon::{lexicon, Lexicon};
use super::quantity::{Quantity, QuantityKind};
use super::token::{Token, TokenKind, Tokens};
use std::borrow::Cow;
use std::ops::Range;

/// The counted phrase of a quantity: its text span and its head word.
#[derive(Debug, Clone, PartialEq)]
pub struct Counted {
    pub span: Range<usize>,
    /// Lowercase head word (`individuals`, `staff`, `prison`).
    pub head: String,
    /// Token indexes the phrase covers.
    pub(crate) tokens: Range<usize>,
}

/// What a claim measures: the class from `data/measures.tsv`, or the stem of what it counts.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Measure {
    /// Blocking key: `class:killed`, `stem:centr`, or `` for a bare amount.
    pub key: String,
    /// Human label for topics (`deaths`, `centers`).
    pub label: String,
}

/// Who a clause attributes its figure to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The words as written (`the union`, `Irina Volk`).
    pub text: String,
    /// Folded key for comparing parties (`union`, `company`, `volk`).
    pub party: String,
}

/// Token `i` lowercased, from the sentence lowercased once.
fn lower<'b>(tk: &'b Tokens, i: usize) -> Cow<'b, str> {
    Cow::Borrowed(tk.lower(i))
}

fn is_comma(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Symbol && &text[t.span.clone()] == ","
}

/// Verb forms that report what happened to the counted (`killed`, `died`, `working`).
fn is_verb_form(w: &str) -> bool {
    is_participle(w)
        || matches!(
            w,
            "dead" | "hurt" | "held" | "lost" | "fled" | "missing" | "died"
        )
}

fn is_participle(w: &str) -> bool {
    (w.ends_with("ed") || w.ends_with("ing")) && w.len() > 4
}

/// Words after a figure that are never what it counts (`four years ago`, `10 km away`).
const NOT_COUNTED: &[&str] = &[
    "ago",
    "later",
    "earlier",
    "away",
    "apart",
    "long",
    "wide",
    "deep",
    "high",
    "tall",
    "old",
    "worth",
    "each",
    "apiece",
    "overall",
    "altogether",
    "alone",
    "total",
    "instead",
    "ahead",
];

/// The phrase a quantity counts: the noun phrase right after it (`individuals`, `fraudulent
/// call centers`), after `of` for vague and scaled amounts, after `worth of` for money, or
/// after the unit's `of`/`in` (`years in prison`, `inches of snow`).
pub fn counted(tk: &Tokens, q: &Quantity) -> Option<Counted> {
    let (text, toks) = (tk.text, &tk.toks[..]);
    let lx = lexicon();
    let mut i = q.end_token;
    let measure = q.unit.is_some() && q.kind != QuantityKind::Percent;
    let word = |i: usize| tk.is_word(i).then(|| lower(tk, i));
    // `$2.6 million worth of diamonds`
    if q.kind == QuantityKind::Money
        && word(i).as_deref() == Some("worth")
        && word(i + 1).as_deref() == Some("of")
    {
        i += 1;
    }
    if let Some(w) = word(i) {
        if w == "of" || (measure && w == "in") {
            i += 1;
            while word(i).is_some_and(|w| {
                matches!(
                    &*w,
                    "the"
                        | "its"
                        | "their"
                        | "these"
                        | "those"
                        | "his"
                        | "her"
                        | "our"
                        | "fresh"
                        | "new"
                )
            }) {
                i += 1;
            }
        }
    }
    let first = i;
    let mut last = None;
    let mut words = 0;
    while let Some(w) = word(i) {
        if lx.stopwords.contains(&*w)
            || lx.attribution_verbs.contains(&*w)
            || lx.number_word(&w).is_some()
            || NOT_COUNTED.contains(&&*w)
            || lx.is_cue("aux", &w)
        {
            break;
        }
        if is_participle(&w) && last.is_some() {
            break;
        }
        last = Some(i);
        i += 1;
        words += 1;
        // `call-centre workers`: a hyphen glues a compound into one word.
        if toks
            .get(i)
            .is_some_and(|t| t.glued && t.kind == TokenKind::Symbol && &text[t.span.clone()] == "-")
            && toks
                .get(i + 1)
                .is_some_and(|t| t.glued && t.kind == TokenKind::Word)
        {
            i += 1;
            continue;
        }
        // A head noun ends the phrase: `20,000 people took part` counts people.
        let head = (w.ends_with('s') && !w.ends_with("ss") && w.len() > 3)
            || matches!(
                &*w,
                "people"
                    | "staff"
                    | "children"
                    | "men"
                    | "women"
                    | "personnel"
                    | "dead"
                    | "injured"
                    | "wounded"
                    | "police"
                    | "crew"
            );
        if head || is_participle(&w) || words >= 4 {
            break;
        }
    }
    let last = last?;
    // For a measure the unit is part of what is counted: `years in prison`.
    let from = match q.unit_token {
        Some(u) if measure && q.kind == QuantityKind::Measure => u,
        _ => first,
    };
    Some(Counted {
        span: toks[from].span.start..toks[last].span.end,
        head: lower(tk, last).into_owned(),
        tokens: first..last + 1,
    })
}

/// What a claim says happens to what it counts: the verb phrase after the counted phrase when
/// the figure is the subject (`over 300 people were working in the call centers` → `working
/// in the call centers`; `12 ambulances were sent` → `sent`), else the verb just before the
/// figure when it is the object (`killing 61`, `arrested at least 300`, `rose to 63`).
#[derive(Debug, Clone, PartialEq)]
pub struct Predicate {
    /// Byte span in the normalized text.
    pub span: Range<usize>,
    /// Lowercase head verb (`working`, `sent`, `killing`).
    pub head: String,
}

/// Whether a lowercase word looks like a verb: a participle, or a form listed in cues.tsv.
fn is_verb(lx: &Lexicon, w: &str) -> bool {
    is_participle(w) || lx.is_cue("verb", w)
}

/// The predicate of a quantity within its clause; see [`Predicate`].
pub fn predicate(
    tk: &Tokens,
    clause: Range<usize>,
    q: &Quantity,
    counted: Option<&Counted>,
    owned_elsewhere: &dyn Fn(usize) -> bool,
) -> Option<Predicate> {
    let (text, toks) = (tk.text, &tk.toks[..]);
    let lx = lexicon();
    let word = |i: usize| {
        (i >= clause.start && i < clause.end && toks[i].kind == TokenKind::Word)
            .then(|| lower(tk, i))
    };
    // The figure as subject: auxiliaries, then the verb and what follows it.
    let mut i = counted.map_or(q.end_token, |c| c.tokens.end.max(q.end_token));
    let mut aux = false;
    while let Some(w) = word(i) {
        let adverb = w.ends_with("ly") && w.len() > 4;
        if lx.is_cue("aux", &w) || adverb {
            aux |= !adverb;
            i += 1;
        } else {
            break;
        }
    }
    if let Some(w) = word(i).filter(|_| !owned_elsewhere(i)) {
        let head_ok = is_verb(lx, &w) || (aux && !lx.stopwords.contains(&*w));
        if head_ok && !lx.attribution_verbs.contains(&*w) {
            let start = i;
            let mut end = i + 1;
            while end < clause.end && end - start < 8 && !owned_elsewhere(end) {
                let t = &toks[end];
                let s = &text[t.span.clone()];
                let joins = t.kind == TokenKind::Word
                    || (t.glued && matches!(s, "-" | "'"))
                    || t.kind == TokenKind::Number;
                let lw = tk.lower(end);
                let ends = matches!(
                    lw,
                    "and"
                        | "but"
                        | "while"
                        | "when"
                        | "after"
                        | "as"
                        | "because"
                        | "who"
                        | "which"
                        | "that"
                        | "where"
                        | "although"
                        | "though"
                        | "before"
                        | "since"
                        | "until"
                ) || lx.attribution_verbs.contains(lw);
                if !joins || ends {
                    break;
                }
                end += 1;
            }
            return Some(Predicate {
                span: toks[start].span.start..toks[end - 1].span.end,
                head: w.into_owned(),
            });
        }
    }
    // The figure as object: the verb before it, through one preposition (`rose to 63`).
    let mut j = q.start_token.checked_sub(1)?;
    let last = j;
    if word(j).is_some_and(|w| matches!(&*w, "to" | "by" | "at" | "about")) {
        j = j.checked_sub(1)?;
    }
    let w = word(j)?;
    if is_verb(lx, &w) && !lx.attribution_verbs.contains(&*w) && !owned_elsewhere(j) {
        return Some(Predicate {
            span: toks[j].span.start..toks[last].span.end,
            head: w.into_owned(),
        });
    }
    None
}

/// Token ranges of the clauses of a sentence: split at `;`, `:`, dashes, parentheses and
/// contrastive conjunctions (`while`, `whereas`, `but`), so each party's figure keeps its own
/// attribution.
pub fn clauses(tk: &Tokens) -> Vec<Range<usize>> {
    let (text, toks) = (tk.text, &tk.toks[..]);
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in toks.iter().enumerate() {
        let s = &text[t.span.clone()];
        let cut_before =
            t.kind == TokenKind::Word && matches!(tk.lower(i), "while" | "whereas" | "but");
        let cut_after = t.kind == TokenKind::Symbol && matches!(s, ";" | ":" | "—" | "(" | ")");
        if cut_before && i > start {
            out.push(start..i);
            start = i;
        } else if cut_after {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < toks.len() {
        out.push(start..toks.len());
    }
    out
}

/// The measure of a quantity: the class of its counted head unless that is generic (people),
/// else the nearest class-bearing word of its clause not owned by another quantity, else the
/// counted head itself.
pub fn measure(
    tk: &Tokens,
    clause: Range<usize>,
    q: &Quantity,
    counted: Option<&Counted>,
    owned_elsewhere: &dyn Fn(usize) -> bool,
) -> (Option<Measure>, Option<String>) {
    let (text, toks) = (tk.text, &tk.toks[..]);
    let lx = lexicon();
    let class = |w: &str| lx.class_of(w).map(|c| &lx.classes[c]);
    let by_class = |c: &super::lexicon::MeasureClass| Measure {
        key: format!("class:{}", c.name),
        label: c.label.to_string(),
    };
    let head_class = counted.and_then(|c| class(&c.head));
    if let Some(c) = head_class.filter(|c| !c.generic) {
        return (Some(by_class(c)), None);
    }
    // The predicate: the nearest class word in the figure's comma-delimited phrase (within
    // 6 tokens), else the nearest verb form of one in its clause (within 8): `arrested at
    // least 300 individuals`, `300 people were working`, `at least 30 people, most of them
    // children, were killed` — but not `12 people, police said`.
    let own = q.start_token..counted.map_or(q.end_token, |c| c.tokens.end);
    let comma_before = (clause.start..own.start)
        .rev()
        .find(|&i| is_comma(text, &toks[i]));
    let comma_after = (own.end..clause.end).find(|&i| is_comma(text, &toks[i]));
    let phrase = comma_before.map_or(clause.start, |c| c + 1)..comma_after.unwrap_or(clause.end);
    let nearest = |range: Range<usize>, max: usize, verbs_only: bool| -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for i in range {
            if own.contains(&i) || owned_elsewhere(i) || toks[i].kind != TokenKind::Word {
                continue;
            }
            let d = if i < own.start {
                own.start - i
            } else {
                i + 1 - own.end
            };
            if d > max {
                continue;
            }
            if best.is_some_and(|(bd, _)| d >= bd) {
                continue;
            }
            // The class lookup rejects most words by their first letters, so it goes first.
            let w = lower(tk, i);
            if class(&w).is_none_or(|c| c.generic)
                || lx.stopwords.contains(&*w)
                || (verbs_only && !is_verb_form(&w))
            {
                continue;
            }
            best = Some((d, i));
        }
        best
    };
    let best = nearest(phrase, 6, false).or_else(|| nearest(clause.clone(), 8, true));
    if let Some((_, i)) = best {
        let w = lower(tk, i);
        return (class(&w).map(by_class), Some(w.into_owned()));
    }
    if let Some(c) = head_class {
        return (Some(by_class(c)), None);
    }
    if let Some(c) = counted {
        let stem = lx.stem(&c.head);
        return (
            Some(Measure {
                key: format!("stem:{stem}"),
                label: c.head.clone(),
            }),
            None,
        );
    }
    (None, None)
}

/// Who the clause attributes its figures to: `according to X`, `X said`, `said X`.
pub fn attribution(tk: &Tokens, clause: Range<usize>) -> Option<Attribution> {
    let (text, toks) = (tk.text, &tk.toks[..]);
    let lx = lexicon();
    // Most clauses name no source: look for a reporting verb before collecting words.
    if !clause
        .clone()
        .any(|i| toks[i].kind == TokenKind::Word && lx.attribution_verbs.contains(tk.lower(i)))
    {
        return None;
    }
    let words: Vec<(usize, Cow<str>)> = clause
        .clone()
        .filter(|&i| toks[i].kind == TokenKind::Word)
        .map(|i| (i, lower(tk, i)))
        .collect();
    for (k, (i, w)) in words.iter().enumerate() {
        if !lx.attribution_verbs.contains(&**w) {
            continue;
        }
        if w == "according" {
            if words.get(k + 1).is_some_and(|(_, n)| n == "to") {
                return party(
                    text,
                    toks,
                    lx,
                    words[k + 2..].iter().take(4).map(|(i, _)| *i).collect(),
                );
            }
            continue;
        }
        // `X said`: up to three words before the verb, in the same stretch of text.
        let mut before: Vec<usize> = Vec::new();
        let mut j = *i;
        while j > clause.start && before.len() < 3 {
            j -= 1;
            if toks[j].kind != TokenKind::Word {
                break;
            }
            before.insert(0, j);
        }
        if let Some(a) = party(text, toks, lx, before) {
            return Some(a);
        }
        // `…," said Volk.`
        let after: Vec<usize> = words[k + 1..]
            .iter()
            .take(3)
            .map(|(i, _)| *i)
            .take_while(|&j| toks[j].kind == TokenKind::Word)
            .collect();
        if let Some(a) = party(text, toks, lx, after) {
            return Some(a);
        }
    }
    None
}

/// Reduces candidate words to a party: a known party word, else a capitalised name.
fn party(text: &str, toks: &[Token], lx: &Lexicon, idx: Vec<usize>) -> Option<Attribution> {
    let words: Vec<(usize, String)> = idx
        .into_iter()
        .map(|i| (i, text[toks[i].span.clone()].to_string()))
        .filter(|(_, w)| {
            !lx.stopwords.contains(w.to_lowercase().as_str())
                || lx.parties.contains_key(w.to_lowercase().as_str())
        })
        .collect();
    if let Some((_, w)) = words
        .iter()
        .find(|(_, w)| lx.parties.contains_key(w.to_lowercase().as_str()))
    {
        return Some(Attribution {
            text: w.clone(),
            party: lx.parties[w.to_lowercase().as_str()].to_string(),
        });
    }
    let names: Vec<&(usize, String)> = words
        .iter()
        .filter(|(_, w)| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    let last = names.last()?;
    let first = names.first()?;
    Some(Attribution {
        text: text[toks[first.0].span.start..toks[last.0].span.end].to_string(),
        party: last.1.to_lowercase(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quantity::find_in;
    use crate::extract::token::Tokens;

    /// Per quantity: its text, counted head, measure key, attribution party.
    type Row = (String, Option<String>, Option<String>, Option<String>);

    fn analyse(s: &str) -> Vec<Row> {
        let tk = Tokens::new(s, 0..s.len());
        let qs = find_in(&tk);
        let cl = clauses(&tk);
        qs.iter()
            .map(|q| {
                let c = counted(&tk, q);
                let clause = cl
                    .iter()
                    .find(|r| r.contains(&q.start_token))
                    .cloned()
                    .unwrap_or(0..tk.len());
                let (m, _) = measure(&tk, clause.clone(), q, c.as_ref(), &|_| false);
                let a = attribution(&tk, clause);
                (
                    s[q.span.clone()].to_string(),
                    c.map(|c| c.head),
                    m.map(|m| m.key),
                    a.map(|a| a.party),
                )
            })
            .collect()
    }

    #[test]
    fn counted_and_measure() {
        let r = analyse("Police have arrested at least 300 individuals in Moscow.");
        assert_eq!(r[0].1.as_deref(), Some("individuals"));
        assert_eq!(r[0].2.as_deref(), Some("class:arrested"));
        let r = analyse("Over 300 people were working in the call centers.");
        assert_eq!(r[0].2.as_deref(), Some("class:staff"));
        let r = analyse("The call centres, employing around 500 staff, were raided.");
        assert_eq!(r[0].2.as_deref(), Some("class:staff"));
        let r = analyse("Police found around 500 workstations equipped with headsets.");
        assert_eq!(r[0].1.as_deref(), Some("workstations"));
        assert_eq!(r[0].2.as_deref(), Some("class:workstations"));
        let r = analyse("They face up to 10 years in prison.");
        assert_eq!(r[0].1.as_deref(), Some("prison"));
        let r = analyse("The ring defrauded tens of thousands of individuals.");
        assert_eq!(r[0].2.as_deref(), Some("class:victims"));
        let r = analyse("Authorities dismantled three fraudulent call centers.");
        assert_eq!(r[0].1.as_deref(), Some("centers"));
    }

    /// Per quantity: its counted phrase and its predicate, as text.
    fn phrases(s: &str) -> Vec<(Option<String>, Option<String>)> {
        let tk = Tokens::new(s, 0..s.len());
        let qs = find_in(&tk);
        let cl = clauses(&tk);
        qs.iter()
            .map(|q| {
                let c = counted(&tk, q);
                let clause = cl
                    .iter()
                    .find(|r| r.contains(&q.start_token))
                    .cloned()
                    .unwrap_or(0..tk.len());
                let p = predicate(&tk, clause, q, c.as_ref(), &|_| false);
                (
                    c.map(|c| s[c.span].to_string()),
                    p.map(|p| s[p.span].to_string()),
                )
            })
            .collect()
    }

    macro_rules! counted_cases {
        ($($name:ident: $input:expr => ($counted:expr, $predicate:expr);)*) => {
            $(#[test] fn $name() {
                let got = phrases($input);
                assert_eq!(
                    got[0],
                    ($counted.map(str::to_string), $predicate.map(str::to_string)),
                    "{}",
                    $input
                );
            })*
        };
    }

    counted_cases! {
        subject_with_auxiliary: "Over 300 people were working in the call centers." => (Some("people"), Some("working in the call centers"));
        passive_subject: "12 ambulances were sent" => (Some("ambulances"), Some("sent"));
        object_participle: "A bomb exploded in the market, killing 61." => (None::<&str>, Some("killing"));
        object_of_verb: "Police have arrested at least 300 individuals in Moscow." => (Some("individuals"), Some("arrested"));
        irregular_verb: "About 20,000 people took part in the march." => (Some("people"), Some("took part in the march"));
        preposition_before: "The death toll rose to 63 on Sunday." => (None::<&str>, Some("rose to"));
        hyphenated_compound: "Police raided 12 call-centre offices." => (Some("call-centre offices"), Some("raided"));
        money_worth_of: "They stole $2.6 million worth of jewels." => (Some("jewels"), Some("stole"));
        duration_counts_nothing_after: "It happened four years ago." => (None::<&str>, Some("happened"));
        attribution_ends_predicate: "Six people died, police said." => (Some("people"), Some("died"));
    }

    #[test]
    fn attribution_per_clause() {
        let r = analyse(
            "The union said 8,000 workers joined the strike; the company put the number at 3,000.",
        );
        assert_eq!(r[0].3.as_deref(), Some("union"));
        assert_eq!(r[1].3.as_deref(), Some("company"));
        let r = analyse(
            "Some 6,500 staff walked out, according to the union, while management counted 3,000.",
        );
        assert_eq!(r[0].3.as_deref(), Some("union"));
        assert_eq!(r[1].3.as_deref(), Some("company"));
        let r = analyse("\"Over 300 people were working there,\" said Volk.");
        assert_eq!(r[0].3.as_deref(), Some("volk"));
    }
}
