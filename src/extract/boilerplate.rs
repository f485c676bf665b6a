//! Lines outlets print around a story that state no claim: photo credits and captions'
//! credits (`(AP Photo/Jane Doe)`), bylines (`By Jane Doe, Reuters`), links (`Read more: …`,
//! `Click here`), copyright notices (`Copyright 2016 Reuters`). A sentence that is such a line
//! gives no figure and no role. The phrases are in `data/boilerplate.tsv`.

use super::lexicon::{lexicon, FastSet};
use super::token::{TokenKind, Tokens};
use std::sync::OnceLock;

const BOILERPLATE: &str = include_str!("../../data/boilerplate.tsv");

/// The bytes a credit phrase is gated by: `(`, `/`, `:`, and the lead byte of `©`.
const CREDIT_GATES: [u8; 4] = [b'(', b'/', b':', 0xC2];

/// Lines longer than this (bytes) are prose, whatever they contain.
const SHORT_LINE: usize = 300;

/// A byline has at most this many words (`By Jane Doe and John Roe, Associated Press`).
const BYLINE_WORDS: usize = 10;

/// The phrases, indexed so that a sentence is compared only with the few that could match:
/// this runs on every sentence.
struct Phrases {
    opens: Vec<&'static str>,
    closes: Vec<&'static str>,
    credit: Vec<&'static str>,
    /// Per first byte, the `opens` phrases starting with it.
    opens_by_first: Vec<Vec<&'static str>>,
    /// Per last byte, the `closes` phrases ending with it.
    closes_by_last: Vec<Vec<&'static str>>,
    /// `credit` phrases with the byte a line must contain for them to match: the first that
    /// is no letter, digit or space (`(` for `(ap photo`, `:` for `read more:`).
    credit_gated: Vec<(u8, &'static str)>,
}

fn phrases() -> &'static Phrases {
    static P: OnceLock<Phrases> = OnceLock::new();
    P.get_or_init(|| parse(BOILERPLATE).expect("data/boilerplate.tsv parses (tested)"))
}

fn parse(text: &'static str) -> Result<Phrases, String> {
    let mut p = Phrases {
        opens: Vec::new(),
        closes: Vec::new(),
        credit: Vec::new(),
        opens_by_first: vec![Vec::new(); 256],
        closes_by_last: vec![Vec::new(); 256],
        credit_gated: Vec::new(),
    };
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (kind, phrase) = line
            .split_once('\t')
            .ok_or_else(|| format!("boilerplate.tsv:{}: no tab", n + 1))?;
        if phrase.is_empty() || phrase.chars().any(char::is_uppercase) {
            return Err(format!("boilerplate.tsv:{}: empty or not lowercase", n + 1));
        }
        match kind {
            "opens" => p.opens.push(phrase),
            "closes" => p.closes.push(phrase),
            "credit" => p.credit.push(phrase),
            _ => return Err(format!("boilerplate.tsv:{}: unknown kind {kind:?}", n + 1)),
        }
    }
    for o in &p.opens {
        p.opens_by_first[usize::from(o.as_bytes()[0])].push(o);
    }
    for c in &p.closes {
        p.closes_by_last[usize::from(*c.as_bytes().last().expect("not empty"))].push(c);
    }
    for c in &p.credit {
        let gate = c
            .bytes()
            .find(|b| !b.is_ascii_alphanumeric() && *b != b' ')
            .ok_or_else(|| format!("boilerplate.tsv: credit {c:?} has no punctuation"))?;
        if !CREDIT_GATES.contains(&gate) {
            return Err(format!(
                "boilerplate.tsv: credit {c:?}: gate {gate:?} not in CREDIT_GATES"
            ));
        }
        p.credit_gated.push((gate, c));
    }
    Ok(p)
}

/// Whether the tokenized sentence is boilerplate rather than a statement.
pub fn is_boilerplate(tk: &Tokens) -> bool {
    let (Some(first), Some(last)) = (tk.toks.first(), tk.toks.last()) else {
        return false;
    };
    let (lower, base) = tk.lowered();
    let line = &lower[first.span.start - base..last.span.end - base];
    let p = phrases();
    let (Some(&first), Some(&last)) = (line.as_bytes().first(), line.as_bytes().last()) else {
        return false;
    };
    if p.opens_by_first[usize::from(first)]
        .iter()
        .any(|o| line.starts_with(o))
        || p.closes_by_last[usize::from(last)]
            .iter()
            .any(|c| line.ends_with(c))
    {
        return true;
    }
    // Credits carry punctuation (`(AP Photo/…)`, `Read more:`, `©`): one scan for it, and
    // only then the phrases it gates.
    if line.len() < SHORT_LINE {
        let b = line.as_bytes();
        let has = |g: u8| memchr::memchr(g, b).is_some();
        let gated = memchr::memchr3(CREDIT_GATES[0], CREDIT_GATES[1], CREDIT_GATES[2], b).is_some()
            || has(CREDIT_GATES[3]);
        if gated
            && p.credit_gated
                .iter()
                .any(|(g, c)| has(*g) && line.contains(c))
        {
            return true;
        }
    }
    first == b'b' && byline(tk)
}

/// `By Jane Doe`, `By Jane Doe and John Roe, Reuters`, `By JANE DOE | Staff Writer`: `By`
/// and capitalised names, a short line with no lowercase content word but joiners.
fn byline(tk: &Tokens) -> bool {
    let lx = lexicon();
    if tk.lower(0) != "by" || !tk.raw(0).starts_with('B') {
        return false;
    }
    let words: Vec<usize> = (1..tk.len()).filter(|&k| tk.is_word(k)).collect();
    if words.len() < 2 || words.len() > BYLINE_WORDS {
        return false;
    }
    let name = |k: usize| tk.raw(k).starts_with(char::is_uppercase);
    if !(name(1) && tk.is_word(1)) || lx.is_month(tk.lower(1)) || lx.is_cue("weekday", tk.lower(1))
    {
        return false;
    }
    let joiners: FastSet<&str> = [
        "and",
        "in",
        "for",
        "of",
        "the",
        "at",
        "staff",
        "writer",
        "reporter",
        "correspondent",
        "editor",
    ]
    .into_iter()
    .collect();
    words
        .iter()
        .all(|&k| name(k) || joiners.contains(tk.lower(k)))
        && !tk.toks.iter().any(|t| t.kind == TokenKind::Number)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boilerplate(s: &str) -> bool {
        is_boilerplate(&Tokens::new(s, 0..s.len()))
    }

    #[test]
    fn the_data_file_parses() {
        let p = parse(BOILERPLATE).unwrap();
        assert!(p.opens.contains(&"read more") && p.closes.contains(&"getty images"));
        assert!(parse("opens\tRead More").is_err());
        assert!(parse("middle\tx").is_err());
    }

    #[test]
    fn credits_links_and_bylines_are_boilerplate() {
        for s in [
            "Photo: Reuters",
            "Rescuers search the rubble in the town on Wednesday. (AP Photo/Jane Doe)",
            "Read more: Quake kills 247 in central Italy",
            "Click here for the latest updates.",
            "Copyright 2016 Reuters. All rights reserved.",
            "© 2016 Cable News Network",
            "By Jane Doe and John Roe, Reuters",
            "Reporting by Jane Doe; Editing by John Roe",
        ] {
            assert!(boilerplate(s), "{s}");
        }
    }

    #[test]
    fn statements_are_not() {
        for s in [
            "By Monday, 300 people had fled the town.",
            "By the time police arrived, two men had died.",
            "Getty Images said it had sent 30 photographers.",
            "The photo agency took 30 pictures of the quake.",
            "Officials said 247 people were killed.",
        ] {
            assert!(!boilerplate(s), "{s}");
        }
    }
}
