//! Claim extraction: every figure in a sentence, with what it counts, its measure class,
//! the predicate around it and who said it.

pub mod context;
pub mod lexicon;
pub mod number;
pub mod quantity;
pub mod token;

pub use context::{Attribution, Counted, Measure, Predicate};
pub use lexicon::{lexicon, HedgeKind};
pub use quantity::{Quantity, QuantityKind, Unit};

use std::ops::Range;

/// One figure a source states, in its sentence, with everything needed to align it.
#[derive(Debug, Clone)]
pub struct Claim {
    /// Index of the sentence in its document.
    pub sentence: usize,
    pub quantity: Quantity,
    pub counted: Option<Counted>,
    /// What is said to happen to the counted: `working in the call centers`, `sent`, `killing`.
    pub predicate: Option<Predicate>,
    /// The word that decided the measure when the counted phrase did not (`arrested`).
    pub measure_word: Option<String>,
    pub measure: Option<Measure>,
    pub attribution: Option<Attribution>,
    /// The figure is reported as a change (`the toll rose to 63`).
    pub update: bool,
    /// Stems of the sentence's content words, for context similarity.
    pub context: Vec<String>,
    /// Capitalised words inside the sentence (not its first word): names and places.
    pub entities: Vec<String>,
}

const UPDATE_WORDS: &[&str] = &[
    "rose",
    "risen",
    "climbed",
    "jumped",
    "increased",
    "grew",
    "revised",
    "updated",
    "now",
    "reached",
];

/// Extracts the claims of one sentence; `range` is the sentence's span in `text`.
pub fn claims_in_sentence(text: &str, sentence: usize, range: Range<usize>) -> Vec<Claim> {
    let lx = lexicon();
    let toks = token::tokenize(&text[range.clone()], range.start);
    let quantities = quantity::find(text, &toks);
    if quantities.is_empty() {
        return Vec::new();
    }
    let clauses = context::clauses(text, &toks);
    let counted: Vec<Option<Counted>> = quantities
        .iter()
        .map(|q| context::counted(text, &toks, q))
        .collect();
    let owner = |i: usize| -> Option<usize> {
        quantities.iter().zip(&counted).position(|(q, c)| {
            (q.start_token..q.end_token).contains(&i)
                || c.as_ref().is_some_and(|c| c.tokens.contains(&i))
        })
    };
    let mut ctx: Vec<String> = Vec::new();
    let mut entities: Vec<String> = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if t.kind != token::TokenKind::Word {
            continue;
        }
        let w = &text[t.span.clone()];
        let lw = w.to_lowercase();
        if lx.stopwords.contains(lw.as_str()) || lw.len() < 3 {
            continue;
        }
        if k > 0 && w.chars().next().is_some_and(char::is_uppercase) {
            entities.push(lw.clone());
        }
        ctx.push(lx.stem(&lw));
    }
    ctx.sort();
    ctx.dedup();
    entities.sort();
    entities.dedup();

    let mut out: Vec<Claim> = Vec::new();
    for (qi, (q, c)) in quantities.iter().zip(&counted).enumerate() {
        let clause = clauses
            .iter()
            .find(|r| r.contains(&q.start_token))
            .cloned()
            .unwrap_or(0..toks.len());
        let elsewhere = |i: usize| owner(i).is_some_and(|o| o != qi);
        let (measure, measure_word) =
            context::measure(text, &toks, clause.clone(), q, c.as_ref(), &elsewhere);
        let predicate = context::predicate(text, &toks, clause.clone(), q, c.as_ref(), &elsewhere);
        let update = (clause.start.max(q.start_token.saturating_sub(4))..q.start_token)
            .any(|i| UPDATE_WORDS.contains(&text[toks[i].span.clone()].to_lowercase().as_str()));
        out.push(Claim {
            sentence,
            quantity: q.clone(),
            counted: c.clone(),
            predicate,
            measure_word,
            measure,
            attribution: context::attribution(text, &toks, clause),
            update,
            context: ctx.clone(),
            entities: entities.clone(),
        });
    }
    // A figure that names no measure of its own shares its sentence neighbour's
    // (`…8,000 workers joined; the company put the number at 3,000`).
    for i in 0..out.len() {
        if out[i].measure.is_none() && out[i].quantity.kind.is_amount() {
            let dim = dimension(&out[i].quantity);
            let donor = (0..out.len())
                .filter(|&j| {
                    j != i && out[j].measure.is_some() && dimension(&out[j].quantity) == dim
                })
                .min_by_key(|&j| j.abs_diff(i));
            if let Some(j) = donor {
                out[i].measure = out[j].measure.clone();
            }
        }
    }
    out
}

/// The dimension a quantity's figure lives in: `count`, `money:USD`, `length`…
pub fn dimension(q: &Quantity) -> String {
    match (&q.unit, q.kind) {
        (Some(u), _) => u.dimension.clone(),
        (None, k) => format!("{k:?}").to_lowercase(),
    }
}
