//! Claim extraction: every figure in a sentence, with what it counts, its measure class,
//! the predicate around it and who said it.

pub mod context;
pub mod lexicon;
pub mod quantity;
pub mod role;
pub mod token;

pub use context::{Attribution, Counted, Measure};
pub use lexicon::{lexicon, HedgeKind};
pub use quantity::{Quantity, QuantityKind, Unit};
pub use role::{roles_in_sentence, RoleClaim};

use std::ops::Range;

/// One figure a source states, in its sentence, with everything needed to align it.
#[derive(Debug, Clone)]
pub struct Claim {
    /// Index of the sentence in its document.
    pub sentence: usize,
    pub quantity: Quantity,
    pub counted: Option<Counted>,
    /// The word that decided the measure when the counted phrase did not (`arrested`).
    pub predicate: Option<String>,
    pub measure: Option<Measure>,
    pub attribution: Option<Attribution>,
    /// The figure is reported as a change (`the toll rose to 63`).
    pub update: bool,
    /// A word by which the writer keeps a distance from the claim (`allegedly`, `reportedly`).
    pub modality: Option<String>,
    /// Stems of the sentence's content words, for context similarity.
    pub context: Vec<String>,
    /// Stems of the content words near the figure (its counted phrase and predicate), which
    /// tell apart two figures of one sentence.
    pub local: Vec<String>,
    /// What the figure is per (`$42 a share` → `share`, `3% a year` → `year`).
    pub per: Option<String>,
    /// Capitalised words inside the sentence (not its first word): names and places.
    pub entities: Vec<String>,
    /// The names among the words near the figure (`dozens of Air Canada flights`): a figure
    /// qualified by names another report never mentions is likely about a part of the whole.
    pub local_entities: Vec<String>,
}

/// How many content words either side of a figure its local context takes.
const LOCAL_WINDOW: usize = 4;

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
    // Per token: its stem when it is a content word.
    let mut stems: Vec<Option<String>> = vec![None; toks.len()];
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
        let stem = lx.stem(&lw);
        stems[k] = Some(stem.clone());
        ctx.push(stem);
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
        let (measure, predicate) =
            context::measure(text, &toks, clause.clone(), q, c.as_ref(), &|i| {
                owner(i).is_some_and(|o| o != qi)
            });
        // A distancing word in the figure's clause, else anywhere in the sentence.
        let modal_in = |r: Range<usize>| {
            r.map(|i| &toks[i])
                .filter(|t| t.kind == token::TokenKind::Word)
                .map(|t| text[t.span.clone()].to_lowercase())
                .find(|w| lx.modal_words.contains(w.as_str()))
        };
        let modality = modal_in(clause.clone()).or_else(|| modal_in(0..toks.len()));
        let update = (clause.start.max(q.start_token.saturating_sub(4))..q.start_token).any(|i| {
            lx.change_words
                .contains(text[toks[i].span.clone()].to_lowercase().as_str())
        });
        // Near the figure: a few content words either side within its clause, not another
        // figure's.
        let own_end = c.as_ref().map_or(q.end_token, |c| c.tokens.end);
        let mine = |i: &usize| owner(*i).is_none_or(|o| o == qi);
        let before = (clause.start..q.start_token)
            .rev()
            .filter(mine)
            .filter_map(|i| stems[i].clone())
            .take(LOCAL_WINDOW);
        let after = (q.start_token..clause.end.max(own_end))
            .filter(|i| *i >= own_end || (q.start_token..own_end).contains(i))
            .filter(mine)
            .filter_map(|i| stems[i].clone())
            .take(LOCAL_WINDOW + 2);
        let mut local: Vec<String> = before.chain(after).collect();
        local.sort();
        local.dedup();
        // Names qualify a figure from within its comma-delimited phrase (`Air Canada and
        // WestJet cancelled dozens of flights to New York`), not from an aside (`Okafor, the
        // Labour candidate, won by 11,500 votes`).
        let comma = |i: &usize| {
            toks[*i].kind == token::TokenKind::Symbol && &text[toks[*i].span.clone()] == ","
        };
        let from = (clause.start..q.start_token)
            .rev()
            .find(comma)
            .map_or(clause.start, |c| c + 1);
        let to = (own_end..clause.end).find(comma).unwrap_or(clause.end);
        let window = from.max(q.start_token.saturating_sub(2 * LOCAL_WINDOW))
            ..to.min(own_end + 2 * LOCAL_WINDOW);
        let mut local_entities: Vec<String> = window
            .filter(|&i| i > 0 && mine(&i) && stems[i].is_some())
            .map(|i| &text[toks[i].span.clone()])
            // `Cambridge-based`, `U.S.-led`: a description, not a qualifier of the figure.
            .filter(|w| w.starts_with(char::is_uppercase) && !w.contains('-'))
            .map(|w| w.trim_end_matches("'s").to_lowercase())
            .collect();
        local_entities.sort();
        local_entities.dedup();
        let per = match toks
            .get(q.end_token)
            .map(|t| text[t.span.clone()].to_lowercase())
        {
            Some(w) if matches!(w.as_str(), "a" | "an" | "per" | "each") => toks
                .get(q.end_token + 1)
                .filter(|t| t.kind == token::TokenKind::Word)
                .map(|t| lx.stem(&text[t.span.clone()].to_lowercase())),
            _ => None,
        };
        out.push(Claim {
            sentence,
            local,
            per,
            quantity: q.clone(),
            counted: c.clone(),
            predicate,
            measure,
            attribution: context::attribution(text, &toks, clause),
            update,
            modality,
            context: ctx.clone(),
            entities: entities.clone(),
            local_entities,
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
