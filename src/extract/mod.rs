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

/// How much of each claim to compute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Everything, including what only alignment uses (context stems, entity names).
    Full,
    /// What `corroborate claims` prints: figure, counted phrase, predicate, measure, source.
    Claims,
}

/// Extracts the claims of one sentence; `range` is the sentence's span in `text`.
pub fn claims_in_sentence(
    text: &str,
    sentence: usize,
    range: Range<usize>,
    detail: Detail,
) -> Vec<Claim> {
    let lx = lexicon();
    let tk = token::Tokens::new(text, range);
    let quantities = quantity::find_in(&tk);
    if quantities.is_empty() {
        return Vec::new();
    }
    let toks = &tk.toks;
    let clauses = context::clauses(&tk);
    let counted: Vec<Option<Counted>> = quantities
        .iter()
        .map(|q| context::counted(&tk, q))
        .collect();
    // Which quantity owns each token (its figure or its counted phrase).
    let mut owner: Vec<Option<usize>> = vec![None; toks.len()];
    for (qi, (q, c)) in quantities.iter().zip(&counted).enumerate().rev() {
        let counted_tokens = c.as_ref().map_or(0..0, |c| c.tokens.clone());
        for k in (q.start_token..q.end_token).chain(counted_tokens) {
            if let Some(o) = owner.get_mut(k) {
                *o = Some(qi);
            }
        }
    }
    let mut ctx: Vec<String> = Vec::new();
    let mut entities: Vec<String> = Vec::new();
    if detail == Detail::Full {
        for (k, t) in toks.iter().enumerate() {
            if t.kind != token::TokenKind::Word {
                continue;
            }
            let w = tk.raw(k);
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
    }

    // Attribution belongs to a clause; read it once per clause.
    let mut attributions: Vec<Option<Option<Attribution>>> = vec![None; clauses.len()];
    let mut out: Vec<Claim> = Vec::with_capacity(quantities.len());
    for (qi, (q, c)) in quantities.iter().zip(&counted).enumerate() {
        let ci = clauses.iter().position(|r| r.contains(&q.start_token));
        let clause = ci.map_or(0..toks.len(), |ci| clauses[ci].clone());
        let elsewhere = |i: usize| owner.get(i).copied().flatten().is_some_and(|o| o != qi);
        let (measure, measure_word) =
            context::measure(&tk, clause.clone(), q, c.as_ref(), &elsewhere);
        let predicate = context::predicate(&tk, clause.clone(), q, c.as_ref(), &elsewhere);
        let update = (clause.start.max(q.start_token.saturating_sub(4))..q.start_token)
            .any(|i| UPDATE_WORDS.contains(&tk.lower(i)));
        let attribution = match ci {
            Some(ci) => attributions[ci]
                .get_or_insert_with(|| context::attribution(&tk, clause.clone()))
                .clone(),
            None => context::attribution(&tk, clause),
        };
        out.push(Claim {
            sentence,
            quantity: q.clone(),
            counted: c.clone(),
            predicate,
            measure_word,
            measure,
            attribution,
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
        (Some(u), _) => u.dimension.to_string(),
        (None, k) => format!("{k:?}").to_lowercase(),
    }
}
