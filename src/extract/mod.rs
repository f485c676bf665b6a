//! Claim extraction: every figure in a sentence, with what it counts, its measure class,
//! the predicate around it and who said it.

pub mod boilerplate;
pub mod context;
pub mod frame;
pub mod lexicon;
pub mod quantity;
pub mod role;
pub mod token;

pub use context::{Attribution, Counted, Measure, Predicate};
pub use frame::{Frame, Slot};
pub use lexicon::{lexicon, HedgeKind, StemId};
pub use quantity::{DateParts, Quantity, QuantityKind, Tally, Unit};
pub use role::{roles_in_sentence, RoleClaim};

use std::ops::Range;
use std::sync::Arc;

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
    /// A word by which the writer keeps a distance from the claim (`allegedly`, `reportedly`).
    pub modality: Option<String>,
    /// Stems of the sentence's content words, for context similarity.
    pub context: Arc<[StemId]>,
    /// Stems of the content words near the figure (its counted phrase and predicate), which
    /// tell apart two figures of one sentence.
    pub local: Vec<StemId>,
    /// What the figure is per (`$42 a share` → `share`, `3% a year` → `year`).
    pub per: Option<String>,
    /// Capitalised words inside the sentence (not its first word): names and places.
    pub entities: Arc<[String]>,
    /// The names among the words near the figure, within its comma phrase: `local` minus
    /// these says what the figure is about apart from where and who.
    pub local_entities: Vec<String>,
    /// Whose figure it is and when it holds: slots two claims must not conflict on to be one
    /// fact.
    pub frame: Frame,
}

/// How many content words either side of a figure its local context takes.
const LOCAL_WINDOW: usize = 4;

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
    claims_in(&token::Tokens::new(text, range), sentence, detail)
}

/// The figure claims and, with [`Detail::Full`], the role claims of one sentence, tokenized
/// once for both.
pub fn sentence_claims(
    text: &str,
    sentence: usize,
    range: Range<usize>,
    detail: Detail,
) -> (Vec<Claim>, Vec<RoleClaim>) {
    sentence_claims_of(&token::Tokens::new(text, range), sentence, detail)
}

/// [`sentence_claims`] over a document's text, its ASCII lowercase (`lower`) and its casing
/// (both made once for all its sentences).
pub fn document_sentence_claims<'a>(
    text: &'a str,
    lower: &'a str,
    casing: &'a std::cell::OnceCell<token::Casing<'a>>,
    sentence: usize,
    range: Range<usize>,
    detail: Detail,
) -> (Vec<Claim>, Vec<RoleClaim>) {
    sentence_claims_of(
        &token::Tokens::with_lower(text, lower, casing, range),
        sentence,
        detail,
    )
}

fn sentence_claims_of(
    tk: &token::Tokens,
    sentence: usize,
    detail: Detail,
) -> (Vec<Claim>, Vec<RoleClaim>) {
    if boilerplate::is_boilerplate(tk) {
        return (Vec::new(), Vec::new());
    }
    let claims = figures_in(tk, sentence, detail);
    let roles = if detail == Detail::Full {
        role::roles_in(tk, sentence)
    } else {
        Vec::new()
    };
    (claims, roles)
}

/// The day a publication stamp or dateline line gives (`Posted on Thu Jun 13, 2013 08:45 AM
/// PDT`, `WASHINGTON, April 28, 2009`): year, month and day, when the line is a stamp and
/// names all three.
pub fn stamp_date(text: &str, range: Range<usize>) -> Option<DateParts> {
    let tk = token::Tokens::new(text, range);
    if !frame::is_stamp(&tk) {
        return None;
    }
    quantity::find_in(&tk)
        .into_iter()
        .filter_map(|q| q.date)
        .find(|d| d.year.is_some() && d.month.is_some() && d.day.is_some())
}

/// [`claims_in_sentence`] over a sentence already tokenized.
/// Boilerplate lines (credits, bylines, links: [`boilerplate`]) give none.
pub fn claims_in(tk: &token::Tokens, sentence: usize, detail: Detail) -> Vec<Claim> {
    if boilerplate::is_boilerplate(tk) {
        return Vec::new();
    }
    figures_in(tk, sentence, detail)
}

fn figures_in(tk: &token::Tokens, sentence: usize, detail: Detail) -> Vec<Claim> {
    let lx = lexicon();
    let quantities = quantity::find_in(tk);
    if quantities.is_empty() || frame::is_stamp(tk) {
        return Vec::new();
    }
    let toks = &tk.toks;
    let clauses = context::clauses(tk);
    let counted: Vec<Option<Counted>> =
        quantities.iter().map(|q| context::counted(tk, q)).collect();
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
    let mut ctx: Vec<StemId> = Vec::new();
    let mut entities: Vec<String> = Vec::new();
    // Per token: its stem when it is a content word.
    let mut stems: Vec<Option<StemId>> = vec![None; toks.len()];
    if detail == Detail::Full {
        for (k, t) in toks.iter().enumerate() {
            if t.kind != token::TokenKind::Word {
                continue;
            }
            let w = tk.raw(k);
            let lw = tk.folded(k);
            if lw.len() < 3 {
                continue;
            }
            let Some(stem) = lx.content_stem_id(&lw) else {
                continue;
            };
            if k > 0 && w.chars().next().is_some_and(char::is_uppercase) {
                entities.push(lw.to_string());
            }
            stems[k] = Some(stem);
            ctx.push(stem);
        }
        ctx.sort_unstable();
        ctx.dedup();
        entities.sort();
        entities.dedup();
    }
    // Every claim of the sentence shares these.
    let ctx: Arc<[StemId]> = ctx.into();
    let entities: Arc<[String]> = entities.into();

    // Years stated in the sentence place its other figures in time.
    let years: Vec<(usize, f64)> = quantities
        .iter()
        .filter(|q| q.kind == QuantityKind::Year)
        .filter_map(|q| Some((q.start_token, q.value?)))
        .collect();
    let figures: Vec<Range<usize>> = quantities
        .iter()
        .map(|q| q.start_token..q.end_token)
        .collect();
    // Looked up once for the sentence's figures, not once per word before each of them.
    let change_cues = lx.cues.get("change");
    // The sentence's distancing words (`allegedly`), looked up once for all its figures.
    let modals: Vec<usize> = (0..toks.len())
        .filter(|&i| toks[i].kind == token::TokenKind::Word && lx.modal_words.contains(tk.lower(i)))
        .collect();
    // Attribution belongs to a clause; read it once per clause.
    let mut attributions: Vec<Option<Option<Attribution>>> = vec![None; clauses.len()];
    let mut out: Vec<Claim> = Vec::with_capacity(quantities.len());
    for (qi, (q, c)) in quantities.iter().zip(&counted).enumerate() {
        let ci = clauses.iter().position(|r| r.contains(&q.start_token));
        let clause = ci.map_or(0..toks.len(), |ci| clauses[ci].clone());
        let elsewhere = |i: usize| owner.get(i).copied().flatten().is_some_and(|o| o != qi);
        let (mut measure, mut measure_word) =
            context::measure(tk, clause.clone(), q, c.as_ref(), &elsewhere);
        let change = |m: &Measure| matches!(m.key.as_str(), "class:increase" | "class:decrease");
        // An age belongs to a person, whatever the person's verb does (`a man in his early
        // 30s fell 600m`): it is never a rise or a fall.
        if q.kind == QuantityKind::Age && measure.as_ref().is_some_and(change) {
            (measure, measure_word) = (None, None);
        }
        // A sum is never a count of people, whatever the verb did (`completed the signing for
        // £85m` is no count of finishers, `swindled savers of $2m` none of victims); a share
        // may be (`40% of staff walked out`).
        let of_people = |m: &Measure| {
            m.key.strip_prefix("class:").is_some_and(|name| {
                lx.classes
                    .iter()
                    .any(|c| c.name == name && crate::lexical::lexical().read_noun(c.label).person)
            })
        };
        if q.kind == QuantityKind::Money && measure.as_ref().is_some_and(of_people) {
            (measure, measure_word) = (None, None);
        }
        // `fined twice`, `struck three times`: a multiplier after an event counts the events;
        // `grew fourfold`, `rose three times` stays a factor of the change.
        let mut q = q.clone();
        if q.kind == QuantityKind::Multiplier
            && measure
                .as_ref()
                .is_some_and(|m| m.key.starts_with("class:") && !change(m))
        {
            q.kind = QuantityKind::Count;
        }
        let q = &q;
        let predicate = context::predicate(tk, clause.clone(), q, c.as_ref(), &elsewhere);
        let update = (clause.start.max(q.start_token.saturating_sub(4))..q.start_token)
            .any(|i| change_cues.is_some_and(|c| c.contains(tk.lower(i))));
        // A distancing word in the figure's clause, else anywhere in the sentence.
        let modality = modals
            .iter()
            .find(|&&i| clause.contains(&i))
            .or(modals.first())
            .map(|&i| tk.lower(i).to_string());
        let (local, local_entities, per) = if detail == Detail::Full {
            near(tk, &stems, clause.clone(), q, c.as_ref(), &|i| {
                !elsewhere(i)
            })
        } else {
            Default::default()
        };
        let attribution = match ci {
            Some(ci) => attributions[ci]
                .get_or_insert_with(|| context::attribution(tk, clause.clone()))
                .clone(),
            None => context::attribution(tk, clause.clone()),
        };
        let frame = if detail == Detail::Full {
            Frame {
                owner: frame::owner(tk, clause.clone(), q, c.as_ref()),
                anchor: frame::anchor(tk, clause.clone(), q, &figures, &years)
                    .or_else(|| frame::record_gap(tk, clause.clone(), measure.as_ref())),
                day: frame::day(tk, clause, q, &figures),
                subset: frame::subset(tk, q, c.as_ref()),
            }
        } else {
            Frame::default()
        };
        out.push(Claim {
            frame,
            sentence,
            quantity: q.clone(),
            counted: c.clone(),
            predicate,
            measure_word,
            measure,
            attribution,
            update,
            modality,
            context: ctx.clone(),
            local,
            per,
            entities: entities.clone(),
            local_entities,
        });
    }
    // A figure that names no measure of its own shares its sentence neighbour's
    // (`…8,000 workers joined; the company put the number at 3,000`). Not a measurement:
    // `won in 2:04:31 … by 11 seconds` gives a time and a margin; nor a figure its own verb
    // governs (`executed two of them … and wounded a third`), nor a part of what was named
    // before (`235,000 comments, at least 208,000 of which were form letters`), nor a part or
    // whole that names nothing (`was 10 of 22 for 162 yards with two interceptions`: the
    // attempts are no interceptions).
    for i in 0..out.len() {
        let q = &out[i].quantity;
        if out[i].measure.is_none()
            && q.whole.is_none()
            && !q.set
            && out[i].quantity.kind.is_amount()
            && out[i].quantity.kind != QuantityKind::Measure
            && !context::verb_governs(tk, &out[i].quantity)
            && !context::part_of_named(tk, &out[i].quantity)
        {
            let dim = dimension_str(&out[i].quantity);
            let donor = (0..out.len())
                .filter(|&j| {
                    j != i && out[j].measure.is_some() && dimension_str(&out[j].quantity) == dim
                })
                .min_by_key(|&j| j.abs_diff(i));
            if let Some(j) = donor {
                out[i].measure = out[j].measure.clone();
            }
        }
    }
    // Figures listed with `and` after one another share the frame of the first: `has
    // averaged more than 30 home runs and 100 RBIs` (both averages), `Brand's 15.9 points
    // and 8.4 rebounds` (both his).
    for i in 1..out.len() {
        let prev_end = out[i - 1]
            .counted
            .as_ref()
            .filter(|c| c.tokens.start >= out[i - 1].quantity.end_token)
            .map_or(out[i - 1].quantity.end_token, |c| c.tokens.end);
        let listed = out[i].quantity.start_token == prev_end + 1 && tk.lower(prev_end) == "and";
        if listed && out[i].quantity.kind == out[i - 1].quantity.kind {
            if out[i].frame.anchor.is_none() {
                out[i].frame.anchor = out[i - 1].frame.anchor.clone();
            }
            if out[i].frame.owner.is_none() {
                out[i].frame.owner = out[i - 1].frame.owner.clone();
            }
        }
    }
    // `Iguodala and Williams for $80 million and $25 million, respectively`: each its own.
    if detail == Detail::Full {
        let spans = out
            .iter()
            .map(|c| c.quantity.start_token..c.quantity.end_token);
        if let Some((first, owners)) = frame::respectively(tk, spans) {
            for (c, o) in out[first..].iter_mut().zip(owners) {
                c.frame.owner = Some(o);
            }
        }
    }
    out
}

/// What lies near a figure: the stems of a few content words either side within its clause
/// (not another figure's), the names qualifying it within its comma phrase, and what it is
/// per (`$42 a share`).
fn near(
    tk: &token::Tokens,
    stems: &[Option<StemId>],
    clause: Range<usize>,
    q: &Quantity,
    c: Option<&Counted>,
    mine: &dyn Fn(usize) -> bool,
) -> (Vec<StemId>, Vec<String>, Option<String>) {
    let lx = lexicon();
    let toks = &tk.toks;
    let own_end = c.map_or(q.end_token, |c| c.tokens.end);
    let before = (clause.start..q.start_token)
        .rev()
        .filter(|&i| mine(i))
        .filter_map(|i| stems[i])
        .take(LOCAL_WINDOW);
    // The counted phrase and what follows; not the figure's own words (`fifteen`), which are
    // its value, not its context.
    let after = (q.end_token..clause.end.max(own_end))
        .filter(|&i| mine(i))
        .filter_map(|i| stems[i])
        .take(LOCAL_WINDOW + 2);
    let mut local: Vec<StemId> = before.chain(after).collect();
    local.sort_unstable();
    local.dedup();
    // Names qualify a figure from within its comma-delimited phrase, not from an aside
    // (`Okafor, the Labour candidate, won by 11,500 votes`).
    let comma = |i: &usize| toks[*i].kind == token::TokenKind::Symbol && tk.raw(*i) == ",";
    let from = (clause.start..q.start_token)
        .rev()
        .find(comma)
        .map_or(clause.start, |c| c + 1);
    let to = (own_end..clause.end).find(comma).unwrap_or(clause.end);
    let window = from.max(q.start_token.saturating_sub(2 * LOCAL_WINDOW))
        ..to.min(own_end + 2 * LOCAL_WINDOW);
    let name_word = |i: usize| {
        i > 0
            && mine(i)
            // The figure's own words are its value and scale (`6.0 on the Richter scale`).
            && !(q.start_token..q.end_token).contains(&i)
            && stems[i].is_some()
            // `Cambridge-based`, `U.S.-led`: a description, not a qualifier of the figure.
            && !(toks
                .get(i + 1)
                .is_some_and(|t| t.glued && tk.raw(i + 1) == "-"))
            // Days and months place a figure in time, not in scope.
            && !lx.is_cue("weekday", tk.lower(i))
            && !lx.is_month(tk.lower(i))
            && tk.raw(i).starts_with(char::is_uppercase)
    };
    // Names as written, a run of capitalised words being one name (`Hurricane Katrina` is not
    // `Hurricane George`).
    let mut names: Vec<String> = Vec::new();
    let mut run = String::new();
    for i in window {
        if name_word(i) {
            if !run.is_empty() {
                run.push(' ');
            }
            run.push_str(&tk.raw(i).trim_end_matches("'s").to_lowercase());
        } else if !run.is_empty() {
            names.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        names.push(run);
    }
    names.sort();
    names.dedup();
    // `a year earlier` is a time before, not a rate (`a year before tax` is one, and so is
    // `$15 an hour earlier this year`).
    let e = q.end_token;
    let offset = || quantity::time_offset(tk.lower(e + 1), tk.lower(e + 2), tk.lower(e + 3));
    let per = match tk.lower(e) {
        "a" | "an" | "per" | "each" if tk.is_word(e + 1) && !offset() => {
            Some(lx.stem(tk.lower(e + 1)))
        }
        _ => None,
    };
    (local, names, per)
}

/// The dimension a quantity's figure lives in: `count`, `money:USD`, `length`…
pub fn dimension(q: &Quantity) -> String {
    dimension_str(q).to_string()
}

/// [`dimension`], borrowed: the unit's dimension, else the kind's name in lowercase. For the
/// hot paths that only compare or hash it.
pub fn dimension_str(q: &Quantity) -> &str {
    match &q.unit {
        Some(u) => &u.dimension,
        None => match q.kind {
            QuantityKind::Count => "count",
            QuantityKind::Money => "money",
            QuantityKind::Percent => "percent",
            QuantityKind::PercentagePoints => "percentagepoints",
            QuantityKind::Measure => "measure",
            QuantityKind::Age => "age",
            QuantityKind::Magnitude => "magnitude",
            QuantityKind::Multiplier => "multiplier",
            QuantityKind::Ordinal => "ordinal",
            QuantityKind::Year => "year",
            QuantityKind::Date => "date",
            QuantityKind::Time => "time",
            QuantityKind::Identifier => "identifier",
            QuantityKind::Score => "score",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_near_a_figure_are_none_of_its_own_words() {
        let s = "The quake measured 6.0 on the Richter scale near Kerova.";
        let claims = claims_in(&token::Tokens::new(s, 0..s.len()), 0, Detail::Full);
        assert_eq!(claims[0].local_entities, ["kerova"]);
    }

    #[test]
    fn a_kind_without_unit_is_its_lowercase_name() {
        use QuantityKind::*;
        for kind in [
            Count,
            Money,
            Percent,
            PercentagePoints,
            Measure,
            Age,
            Magnitude,
            Multiplier,
            Ordinal,
            Year,
            Date,
            Time,
            Identifier,
            Score,
        ] {
            let q = Quantity {
                kind,
                unit: None,
                ..quantity::find_in(&token::Tokens::new("12 people", 0..9))[0].clone()
            };
            assert_eq!(dimension_str(&q), format!("{kind:?}").to_lowercase());
        }
    }
}
