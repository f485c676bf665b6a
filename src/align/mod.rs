//! Alignment: group claims from different sources that state the same fact.
//!
//! Claims meet only within a comparison class (counts, ages, one currency, one dimension of
//! measurement, years, dates, clock times…), never across: no label gates the pairing beyond
//! that. Within a class, each source's restatements of one figure (a headline and the body
//! saying it again) fold into one representative. Representatives of different sources are
//! candidates for one another — all of them in a small class, the nearest by value and those
//! of the same measure in a large one, so cost stays near-linear — and every candidate pair is
//! scored by the pairing model (`model.rs`, weights fitted on labelled pairs) over its
//! features (`features.rs`): what is counted and what happened to it, whose figure it is and
//! when it holds, the words and names around it, who said it and how the values fit. Pairs
//! merge greedily, best first, when their probability passes the model's threshold (a higher
//! one when the figures conflict, as a discrepancy must be sure it compares one fact), a
//! claim joins a group only when it fits the group as a whole, and no group ever holds two
//! claims of one source.

pub mod features;
pub mod model;
pub mod role;

use crate::extract::lexicon::HedgeKind;
use crate::extract::{Claim, QuantityKind};
use crate::interval::Relation;
use crate::Analysis;
use features::{features, Class, Rarity, View};
use model::{model, Model};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Which list of its source's [`Analysis`] a [`ClaimRef`] points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum ClaimList {
    /// `Analysis::claims`: figures.
    #[default]
    Figures,
    /// `Analysis::roles`: people in roles.
    Roles,
}

/// A claim, by source (document index) and index in one of that document's claim lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClaimRef {
    pub source: usize,
    pub claim: usize,
    pub list: ClaimList,
}

impl ClaimRef {
    /// A figure claim: `Analysis::claims[claim]` of document `source`.
    pub fn figure(source: usize, claim: usize) -> ClaimRef {
        ClaimRef {
            source,
            claim,
            list: ClaimList::Figures,
        }
    }

    /// A role claim: `Analysis::roles[claim]` of document `source`.
    pub fn role(source: usize, claim: usize) -> ClaimRef {
        ClaimRef {
            source,
            claim,
            list: ClaimList::Roles,
        }
    }

    pub fn is_role(&self) -> bool {
        self.list == ClaimList::Roles
    }
}

/// Claims judged to state the same figure, at most one per source.
#[derive(Debug, Clone)]
pub struct Alignment {
    /// The blocking key the claims share.
    pub block: String,
    pub claims: Vec<ClaimRef>,
    /// Mean probability, by the pairing model, of the pairs that formed the group; 0 for a
    /// single claim.
    pub score: f64,
    /// Why the claims were grouped, for explanations.
    pub reasons: Vec<String>,
    /// Other claims of the same sources that restate one of `claims` (a headline repeating
    /// the body's figure); they are no separate finding.
    pub restatements: Vec<ClaimRef>,
}

/// A comparison class of at most this many representatives compares every cross-source pair.
const SMALL_CLASS: usize = 64;

/// In a larger class, each claim meets this many nearest-valued claims of other sources…
const NEAREST: usize = 12;
/// …and this many of other sources with the same measure.
const SAME_MEASURE: usize = 12;

/// How many members of each group a merge samples to check that the groups fit as wholes.
const FIT_SAMPLE: usize = 4;

/// Aligns the claims of all documents. Every claim of a comparable kind ends up in exactly one
/// alignment, as a member or a restatement; those no other source shares are alignments of one.
pub fn align(docs: &[Analysis]) -> Vec<Alignment> {
    align_with(docs, model())
}

/// Claims prepared for pairing, by comparison class.
fn views(docs: &[Analysis]) -> BTreeMap<Class, Vec<(ClaimRef, View<'_>)>> {
    let rarity = Rarity::new(docs);
    let event = Arc::new(features::Event::of(docs));
    let mut classes: BTreeMap<Class, Vec<(ClaimRef, View)>> = BTreeMap::new();
    for (s, d) in docs.iter().enumerate() {
        // The sentence bag of the claims read last: a sentence's claims are consecutive.
        let mut last: Option<(usize, Arc<features::Bag>)> = None;
        for i in 0..d.claims.len() {
            let c = &d.claims[i];
            if last.as_ref().is_none_or(|(k, _)| *k != c.sentence) {
                last = Some((c.sentence, Arc::new(rarity.bag(&c.context))));
            }
            let context = last.as_ref().map(|(_, b)| b.clone()).expect("set above");
            if let Some(v) = View::new(d, i, &rarity, context, event.clone()) {
                classes
                    .entry(v.class.clone())
                    .or_default()
                    .push((ClaimRef::figure(s, i), v));
            }
        }
    }
    for members in classes.values_mut() {
        members.shrink_to_fit();
    }
    classes
}

/// [`align`] with another model (for fitting one).
pub fn align_with(docs: &[Analysis], m: &Model) -> Vec<Alignment> {
    let mut out = Vec::new();
    for (class, members) in &views(docs) {
        out.extend(align_class(docs, m, class, members));
    }
    out.extend(role::align_roles(docs));
    out.sort_by_key(|a| a.claims[0]);
    out
}

/// A candidate pair and its features, as the model sees it.
pub struct Candidate {
    pub a: ClaimRef,
    pub b: ClaimRef,
    pub features: features::Features,
    /// How the pair ranks among the candidates of either claim, under the model's first stage.
    pub rank: features::RankFeatures,
    pub relation: Relation,
}

/// Every candidate pair alignment would score, with its features under `m` (whose first-stage
/// weights decide the ranks): what a model is fitted on.
pub fn candidate_pairs(docs: &[Analysis], m: &Model) -> Vec<Candidate> {
    let mut out = Vec::new();
    for members in views(docs).values() {
        let (reps, _) = fold(docs, members);
        for s in score_class(members, &reps, m, true) {
            let (x, y) = (&members[reps[s.i as usize]], &members[reps[s.j as usize]]);
            let (features, rank) = *s.kept.expect("kept");
            out.push(Candidate {
                a: x.0,
                b: y.0,
                features,
                rank,
                relation: x.1.relation(&y.1),
            });
        }
    }
    out
}

/// The candidate pairs an identity conflict rules out, with the conflict: for explaining
/// why two claims were never compared.
pub fn ruled_out(docs: &[Analysis]) -> Vec<(ClaimRef, ClaimRef, &'static str)> {
    let mut out = Vec::new();
    for members in views(docs).values() {
        let (reps, _) = fold(docs, members);
        for (i, j) in candidates(members, &reps) {
            let (x, y) = (&members[reps[i as usize]], &members[reps[j as usize]]);
            let w = features::wording(&x.1, &y.1);
            if let Some(why) = features::identity_conflict(&x.1, &y.1, &w) {
                out.push((x.0, y.0, why));
            }
        }
    }
    out
}

/// A scored candidate pair of a class: representatives `i < j` (indexes into `reps`).
struct Scored {
    i: u32,
    j: u32,
    /// How many alternatives each has on the other's side (see [`features`]).
    crowd: (usize, usize),
    /// The model's probability that the pair states one fact.
    p: f64,
    /// Each is the other's best match (the one rank feature a group's reasons name).
    best_both: bool,
    /// The features of both stages, kept only when asked for (fitting a model): alignment
    /// keeps a few bytes per pair, so that an event of many reports fits in memory.
    kept: Option<Box<(features::Features, features::RankFeatures)>>,
}

/// Scores every candidate pair of a class in the model's two stages: its own evidence, then
/// how it ranks against the other candidates of either claim (each other's best match is
/// evidence of its own: two reports that each give one death toll give the same death toll).
/// The pairs come back in `(i, j)` order.
fn score_class(members: &[(ClaimRef, View)], reps: &[usize], m: &Model, keep: bool) -> Vec<Scored> {
    let view = |k: u32| &members[reps[k as usize]].1;
    let source = |k: u32| members[reps[k as usize]].0.source as u32;
    let per_source = per_source(members, reps);
    let crowd_of = |k: u32| per_source[&(source(k) as usize)];
    struct First {
        i: u32,
        j: u32,
        crowd: (usize, usize),
        logit: f64,
        facts: features::Facts,
        features: Option<Box<features::Features>>,
    }
    let sigmoid = |x: f64| 1.0 / (1.0 + (-x).exp());
    // A candidate an identity conflict rules out (another named owner, another event) is no
    // alternative: a claim's crowd is the other source's claims of its class less those.
    // Sorted keys (claim, other source), one per pair ruled out, counted by binary search:
    // an event of thousands of reports rules out millions of pairs.
    let key = |k: u32, other: u32| (u64::from(k) << 32) | u64::from(source(other));
    let mut ruled: Vec<u64> = Vec::new();
    let open: Vec<(u32, u32, features::Wording)> = candidates(members, reps)
        .into_iter()
        .filter_map(|(i, j)| {
            let w = features::wording(view(i), view(j));
            if features::identity_conflict(view(i), view(j), &w).is_some() {
                ruled.push(key(i, j));
                ruled.push(key(j, i));
                return None;
            }
            Some((i, j, w))
        })
        .collect();
    ruled.sort_unstable();
    // In a class too large to pair every claim with every other, a claim meets only its
    // candidates: its crowd is those the rules leave, as in a small class, not the other
    // source's whole class less the few candidates ruled out.
    let pruned = reps.len() > SMALL_CLASS;
    let mut opened: Vec<u64> = Vec::new();
    if pruned {
        for (i, j, _) in &open {
            opened.push(key(*i, *j));
            opened.push(key(*j, *i));
        }
        opened.sort_unstable();
    }
    // A named owner narrows them further: of two claims that name one owner, the
    // alternatives are the other source's claims of that owner (Carter's 12 points against
    // the one figure the other report gives Carter, not against every player's points).
    let owner = |k: u32| view(k).claim.frame.owner.as_ref().map(|o| o.key.as_str());
    let mut owned: HashMap<(&str, u32), usize> = HashMap::default();
    for k in 0..reps.len() as u32 {
        if let Some(o) = owner(k) {
            *owned.entry((o, source(k))).or_default() += 1;
        }
    }
    // So does a precise figure both state (`352 yards`, `$4.2 million`, `about $4.2 million`):
    // its alternatives are the other source's claims of that value, not every yardage of a
    // box score.
    // Read once per claim: the alternatives are counted for every candidate pair.
    let distinct: Vec<Option<u64>> = (0..reps.len() as u32)
        .map(|k| {
            let v = view(k);
            v.stated
                .filter(|_| features::precise(&v.claim.quantity))
                .map(f64::to_bits)
        })
        .collect();
    let mut valued: HashMap<(u64, u32), usize> = HashMap::default();
    for (k, v) in distinct.iter().enumerate() {
        if let Some(v) = v {
            *valued.entry((*v, source(k as u32))).or_default() += 1;
        }
    }
    // And so does a thing two fitting counts count by one noun that names no one in
    // particular (`about 40 miners`, `41 miners`): the other source's counts of miners, not
    // every count of the report. Not for two that differ, one noun (`games`, `carries`) being
    // counted of many things, nor for a vague amount, which fits any.
    let lx = crate::extract::lexicon();
    let thing: Vec<Option<&str>> = (0..reps.len() as u32)
        .map(|k| {
            let c = view(k).claim;
            let h = c.counted.as_ref().map(|h| h.head.as_str())?;
            let generic = lx.class_of(h).is_some_and(|i| lx.classes[i].generic);
            let vague = c.quantity.hedge == HedgeKind::Vague;
            (c.quantity.kind == QuantityKind::Count
                && !vague
                && !generic
                && !lx.is_cue("occurrence", h))
            .then_some(h)
        })
        .collect();
    let mut things: HashMap<(&str, u32), usize> = HashMap::default();
    for (k, h) in thing.iter().enumerate() {
        if let Some(h) = h {
            *things.entry((*h, source(k as u32))).or_default() += 1;
        }
    }
    let alternatives = |k: u32, other: u32| {
        if let (Some(o), Some(p)) = (owner(k), owner(other)) {
            if o == p {
                return owned[&(o, source(other))];
            }
        }
        if let (Some(v), Some(w)) = (distinct[k as usize], distinct[other as usize]) {
            if v == w {
                return valued[&(v, source(other))];
            }
        }
        if let (Some(h), Some(g)) = (thing[k as usize], thing[other as usize]) {
            if h == g && view(k).relation(view(other)) == Relation::Compatible {
                return things[&(h, source(other))];
            }
        }
        let at = key(k, other);
        let count = |v: &[u64]| v.partition_point(|&r| r <= at) - v.partition_point(|&r| r < at);
        if pruned {
            return count(&opened).max(1);
        }
        crowd_of(other).saturating_sub(count(&ruled)).max(1)
    };
    let first: Vec<First> = open
        .into_iter()
        .filter_map(|(i, j, w)| {
            let crowd = (alternatives(i, j), alternatives(j, i));
            let f = features(view(i), view(j), &w, crowd);
            // A vague amount (`a moment or two`, `several`) fits many exact figures: beside
            // one, only a slot of their own makes them one fact.
            let vague = |k: u32| view(k).claim.quantity.hedge == HedgeKind::Vague;
            let loose = vague(i) != vague(j) && !features::tied(&f);
            if features::background_dates(&f) || loose {
                return None;
            }
            Some(First {
                i,
                j,
                crowd,
                logit: m.first_logit(&f),
                facts: features::Facts::of(&f),
                features: keep.then(|| Box::new(f)),
            })
        })
        .collect();
    // Per claim and other source, the first-stage offers in descending order: the first is
    // the best partner, the one after it the rival. Sorted, not hashed: an event of thousands
    // of reports has millions of them.
    let mut offers: Vec<(u32, u32, f64, u32)> = Vec::with_capacity(2 * first.len());
    for x in &first {
        let p = sigmoid(x.logit);
        offers.push((x.i, source(x.j), p, x.j));
        offers.push((x.j, source(x.i), p, x.i));
    }
    offers.sort_unstable_by(|a, b| {
        (a.0, a.1)
            .cmp(&(b.0, b.1))
            .then(b.2.total_cmp(&a.2))
            .then(a.3.cmp(&b.3))
    });
    let side = |k: u32, other: u32, p1: f64| {
        let at = offers.partition_point(|o| (o.0, o.1) < (k, source(other)));
        let top = offers[at];
        let second = offers
            .get(at + 1)
            .filter(|o| (o.0, o.1) == (k, source(other)));
        let rival = if top.3 == other {
            second.map(|o| o.2)
        } else {
            Some(top.2)
        };
        (top.3 == other, rival.map_or(p1, |r| p1 - r))
    };
    first
        .into_iter()
        .map(|x| {
            let (i, j, p1) = (x.i, x.j, sigmoid(x.logit));
            let (bi, mi) = side(i, j, p1);
            let (bj, mj) = side(j, i, p1);
            let rank = features::rank_features(
                &x.facts,
                x.logit,
                (bi, bj),
                mi.min(mj),
                view(i).relation(view(j)) != Relation::Compatible,
                x.crowd == (1, 1),
            );
            Scored {
                i,
                j,
                crowd: x.crowd,
                p: m.probability(&rank),
                best_both: bi && bj,
                kept: x.features.map(|f| Box::new((*f, rank))),
            }
        })
        .collect()
}

/// How many representatives each source has in a class: a claim with many alternatives on
/// the other side is less likely to be any one of them.
fn per_source(members: &[(ClaimRef, View)], reps: &[usize]) -> HashMap<usize, usize> {
    let mut n: HashMap<usize, usize> = HashMap::default();
    for &k in reps {
        *n.entry(members[k].0.source).or_default() += 1;
    }
    n
}

fn claim(docs: &[Analysis], r: ClaimRef) -> &Claim {
    &docs[r.source].claims[r.claim]
}

fn headline(docs: &[Analysis], r: ClaimRef) -> bool {
    docs[r.source].sentences[claim(docs, r).sentence].headline
}

/// The same figure, given as such: equal point values (a score's sides, a date's parts), or,
/// for two figures without one, the same hedged interval.
fn same_figure(a: &View, b: &View) -> bool {
    let (x, y) = (&a.claim.quantity, &b.claim.quantity);
    match (a.value, b.value) {
        (Some(p), Some(q)) => (p - q).abs() <= 1e-9 * p.abs().max(1.0),
        (None, None) => {
            x.hedge == y.hedge
                && x.value == y.value
                && x.low == y.low
                && x.high == y.high
                && x.kind == y.kind
                && x.tally == y.tally
                && x.date == y.date
        }
        _ => false,
    }
}

/// Whether two claims of one source could be one claim: their owners and measures do not
/// clash.
fn may_be_one(x: &Claim, y: &Claim) -> bool {
    let owners = match (&x.frame.owner, &y.frame.owner) {
        (Some(p), Some(q)) => p.key == q.key,
        _ => true,
    };
    let measures = match (&x.measure, &y.measure) {
        (Some(m), Some(n)) => m == n,
        _ => true,
    };
    owners && measures
}

/// Whether `b` says again what `a` says, in the same source, before pairing: the same figure
/// (not two figures that merely fit), in another sentence, with nothing to tell them apart,
/// and a headline on one side or the same words around it. Only two mentions of one claim
/// fold: a figure never vanishes because another figure of its report has the same value.
fn restates(docs: &[Analysis], a: (ClaimRef, &View), b: (ClaimRef, &View)) -> bool {
    let (x, y) = (a.1.claim, b.1.claim);
    same_figure(a.1, b.1)
        && x.sentence != y.sentence
        && may_be_one(x, y)
        && (headline(docs, a.0)
            || headline(docs, b.0)
            || jaccard(&x.local, &y.local) >= 0.3
            || same_named_thing(docs, a.0, b.0))
}

/// Whether two claims of one source count the same named thing in the same words (`the
/// 17-inch MacBook Pro`, said again later): what they count names it, not only its kind.
fn same_named_thing(docs: &[Analysis], a: ClaimRef, b: ClaimRef) -> bool {
    let text = |r: ClaimRef| {
        let d = &docs[r.source];
        d.claims[r.claim].counted.as_ref().map(|c| {
            d.quote(c.span.clone())
                .trim_matches(|ch: char| !ch.is_alphanumeric())
        })
    };
    match (text(a), text(b)) {
        (Some(p), Some(q)) => {
            p.eq_ignore_ascii_case(q)
                && p.split_whitespace()
                    .any(|w| w.starts_with(char::is_uppercase))
        }
        _ => false,
    }
}

/// Whether a claim no other source shares restates a claim of its own source that is in a
/// group: the same figure, nothing to tell them apart, and an uncommon figure, a headline or
/// similar words around both.
fn restates_grouped(docs: &[Analysis], member: (ClaimRef, &View), lone: (ClaimRef, &View)) -> bool {
    let (x, y) = (member.1.claim, lone.1.claim);
    // A headline rounds the body's figure (`hundreds arrested`, `at least 300 people`).
    let headline_fit = headline(docs, lone.0)
        && x.measure.is_some()
        && x.measure == y.measure
        && member.1.relation(lone.1) == Relation::Compatible;
    if headline_fit {
        return true;
    }
    // An age told of no one by name (`She was 91.`) is the age its source gives someone,
    // when it gives that age to one person only (not to a suspect and a victim both 58).
    let age = |c: &Claim| c.quantity.kind == QuantityKind::Age;
    let one_owner = || {
        let mut owners = docs[lone.0.source]
            .claims
            .iter()
            .filter(|c| age(c) && c.quantity.value == y.quantity.value)
            .filter_map(|c| c.frame.owner.as_ref().map(|o| o.key.as_str()));
        owners.next().is_none_or(|first| owners.all(|o| o == first))
    };
    let anyones_age = age(x) && age(y) && y.frame.owner.is_none() && one_owner();
    same_figure(member.1, lone.1)
        && may_be_one(x, y)
        && (features::distinctive(&x.quantity)
            || anyones_age
            || headline(docs, lone.0)
            || headline(docs, member.0)
            || jaccard(&x.local, &y.local) >= 0.2)
}

/// Folds each source's restatements: returns the representatives' indexes into `members`
/// (body before headline, first in the text) and, per representative, what it stands for.
fn fold(
    docs: &[Analysis],
    members: &[(ClaimRef, View)],
) -> (Vec<usize>, HashMap<usize, Vec<ClaimRef>>) {
    let mut by_source: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (k, (r, _)) in members.iter().enumerate() {
        by_source.entry(r.source).or_default().push(k);
    }
    let mut reps = Vec::new();
    let mut folded: HashMap<usize, Vec<ClaimRef>> = HashMap::default();
    for list in by_source.values_mut() {
        // Body sentences first, so that a headline folds into the body's claim.
        list.sort_by_key(|&k| (headline(docs, members[k].0), members[k].0));
        let mut mine: Vec<usize> = Vec::new();
        for &k in list.iter() {
            let (r, v) = (&members[k].0, &members[k].1);
            // Pathological reports repeat one figure thousands of times: compare with the
            // last few representatives only, so folding stays linear.
            let found = mine
                .iter()
                .rev()
                .take(64)
                .find(|&&m| restates(docs, (members[m].0, &members[m].1), (*r, v)));
            match found {
                Some(&m) => folded.entry(m).or_default().push(*r),
                None => mine.push(k),
            }
        }
        reps.extend(mine);
    }
    (reps, folded)
}

/// The candidate pairs of a class's representatives (indexes into `reps`, `i < j`, from
/// different sources).
fn candidates(members: &[(ClaimRef, View)], reps: &[usize]) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    if reps.len() <= SMALL_CLASS {
        for (i, &a) in reps.iter().enumerate() {
            for (j, &b) in reps.iter().enumerate().skip(i + 1) {
                if members[a].0.source != members[b].0.source {
                    out.push((i as u32, j as u32));
                }
            }
        }
        return out;
    }
    let sort_value = |k: usize| {
        let v = &members[reps[k]].1;
        v.value
            .unwrap_or_else(|| v.claim.quantity.low.unwrap_or(0.0))
    };
    let mut order: Vec<usize> = (0..reps.len()).collect();
    order.sort_by(|&a, &b| sort_value(a).total_cmp(&sort_value(b)));
    let push = |x: usize, y: usize, out: &mut Vec<(u32, u32)>| {
        if members[reps[x]].0.source != members[reps[y]].0.source {
            out.push((x.min(y) as u32, x.max(y) as u32));
        }
    };
    // The nearest values on either side, in the sorted order.
    for (pos, &x) in order.iter().enumerate() {
        for &y in order.iter().skip(pos + 1).take(NEAREST) {
            push(x, y, &mut out);
        }
    }
    // The nearest values among claims of the same measure.
    let mut by_measure: HashMap<&str, Vec<usize>> = HashMap::default();
    for &x in &order {
        if let Some(m) = &members[reps[x]].1.claim.measure {
            by_measure.entry(m.key.as_str()).or_default().push(x);
        }
    }
    for list in by_measure.values() {
        for (pos, &x) in list.iter().enumerate() {
            for &y in list.iter().skip(pos + 1).take(SAME_MEASURE) {
                push(x, y, &mut out);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The threshold a pair must pass: a discrepancy must be surer than an agreement.
fn threshold(m: &Model, rel: Relation) -> f64 {
    match rel {
        Relation::Compatible => m.agree,
        Relation::Conflict => m.conflict,
        Relation::Strained => m.strain,
    }
}

/// How two claims' figures stand, for the threshold they must pass. A figure given as the
/// new level after a change (`the toll rose to 19`) against one it strains (`at least four
/// died`) is a rival value of one measure over time, not a part of it: it must pass what a
/// conflict passes, and the judge says it may be an update.
fn relation(a: &View, b: &View) -> Relation {
    match a.relation(b) {
        Relation::Strained if a.claim.update || b.claim.update => Relation::Conflict,
        r => r,
    }
}

fn align_class(
    docs: &[Analysis],
    m: &Model,
    class: &Class,
    members: &[(ClaimRef, View)],
) -> Vec<Alignment> {
    let (reps, mut folded) = fold(docs, members);
    let view = |k: usize| &members[reps[k]].1;
    let source = |k: usize| members[reps[k]].0.source;
    let scored = score_class(members, &reps, m, false);
    debug_assert!(scored
        .windows(2)
        .all(|w| (w[0].i, w[0].j) < (w[1].i, w[1].j)));
    let find = |x: usize, y: usize| {
        let key = (x.min(y) as u32, x.max(y) as u32);
        scored
            .binary_search_by(|s| (s.i, s.j).cmp(&key))
            .ok()
            .map(|k| &scored[k])
    };
    // A pair's probability: the model's, for a candidate; a pair that was never a candidate
    // (in a large class, far apart in value and measure) is taken as no evidence.
    let prob = |x: usize, y: usize| find(x, y).map_or(0.0, |s| s.p);
    let floor = m.agree.min(m.conflict).min(m.strain);
    let mut pairs: Vec<(f64, u32, u32)> = scored
        .iter()
        .filter(|s| s.p >= floor)
        .map(|s| (s.p, s.i, s.j))
        .collect();
    // Each (i, j) is pushed once, so the key is total and an unstable sort gives one order.
    pairs.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));

    // Greedy merging, best pair first; a group never takes two claims of one source.
    let n = reps.len();
    let mut group: Vec<usize> = (0..n).collect();
    let mut items: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut scores: Vec<Vec<f64>> = vec![Vec::new(); n];
    let mut best_pair: Vec<Option<(f64, usize, usize)>> = vec![None; n];
    let mut sources: Vec<HashSet<usize>> =
        (0..n).map(|i| HashSet::from_iter([source(i)])).collect();
    for (p, i, j) in pairs {
        let (i, j) = (i as usize, j as usize);
        if p < threshold(m, relation(view(i), view(j))) {
            continue;
        }
        let (ri, rj) = (group[i], group[j]);
        if ri == rj {
            continue;
        }
        let (small, large) = if items[ri].len() <= items[rj].len() {
            (ri, rj)
        } else {
            (rj, ri)
        };
        if items[small]
            .iter()
            .any(|&k| sources[large].contains(&source(k)))
        {
            continue;
        }
        // A claim joins a group only if it fits the group, not one member: the mean
        // probability over a sample of cross pairs must pass too.
        if items[ri].len() > 1 || items[rj].len() > 1 {
            let mut total = 0.0;
            let mut count = 0;
            let mut worst = Relation::Compatible;
            for &x in items[ri].iter().take(FIT_SAMPLE) {
                for &y in items[rj].iter().take(FIT_SAMPLE) {
                    total += prob(x, y);
                    count += 1;
                    let r = relation(view(x), view(y));
                    if r != Relation::Compatible {
                        worst = r;
                    }
                }
            }
            if total / (count as f64) < threshold(m, worst) {
                continue;
            }
        }
        let (keep, gone) = if items[ri].len() >= items[rj].len() {
            (ri, rj)
        } else {
            (rj, ri)
        };
        let moved = std::mem::take(&mut items[gone]);
        for &k in &moved {
            group[k] = keep;
        }
        items[keep].extend(moved);
        let moved_sources = std::mem::take(&mut sources[gone]);
        sources[keep].extend(moved_sources);
        let moved_scores = std::mem::take(&mut scores[gone]);
        scores[keep].extend(moved_scores);
        scores[keep].push(p);
        let best = [best_pair[keep], best_pair[gone], Some((p, i, j))]
            .into_iter()
            .flatten()
            .max_by(|a, b| a.0.total_cmp(&b.0));
        best_pair[keep] = best;
    }
    // A claim left alone that restates a grouped claim of its own source rides along with
    // that group, as evidence, rather than standing as a claim of its own. Grouped claims are
    // indexed by source and figure, so this stays linear.
    let key = |k: usize| {
        let v = view(k);
        let q = &v.claim.quantity;
        match v.value {
            Some(x) => (source(k), x.to_bits(), 0),
            None => (
                source(k),
                q.low.unwrap_or(-1.0).to_bits(),
                q.high.unwrap_or(-1.0).to_bits(),
            ),
        }
    };
    let mut grouped: HashMap<(usize, u64, u64), Vec<usize>> = HashMap::default();
    let mut by_measure: HashMap<(usize, &str), Vec<usize>> = HashMap::default();
    for &k in items.iter().filter(|g| g.len() > 1).flatten() {
        grouped.entry(key(k)).or_default().push(k);
        if let Some(m) = &view(k).claim.measure {
            by_measure
                .entry((source(k), m.key.as_str()))
                .or_default()
                .push(k);
        }
    }
    for lone in 0..n {
        if group[lone] != lone || items[lone].len() != 1 {
            continue;
        }
        let fits = |k: &usize| {
            restates_grouped(
                docs,
                (members[reps[*k]].0, view(*k)),
                (members[reps[lone]].0, view(lone)),
            )
        };
        let home = grouped
            .get(&key(lone))
            .and_then(|ks| ks.iter().copied().find(fits))
            .or_else(|| {
                // A headline may round the figure: look among its source's grouped claims of
                // the same measure.
                let m = view(lone).claim.measure.as_ref()?;
                headline(docs, members[reps[lone]].0)
                    .then(|| by_measure.get(&(source(lone), m.key.as_str())))
                    .flatten()
                    .and_then(|ks| ks.iter().copied().find(fits))
            });
        if let Some(k) = home {
            items[lone].clear();
            let r = members[reps[lone]].0;
            let extra = folded.remove(&reps[lone]).unwrap_or_default();
            let e = folded.entry(reps[k]).or_default();
            e.push(r);
            e.extend(extra);
        }
    }
    // Two groups of the same figure whose every claim restates, in its own source, a claim
    // of the other (`the 17-inch MacBook Pro` said and paired again further down both
    // reports) are one finding: the later group rides along with the first.
    let figure_key = |k: usize| {
        let (_, a, b) = key(k);
        (a, b)
    };
    let mut firsts: HashMap<(u64, u64), Vec<usize>> = HashMap::default();
    for r in 0..n {
        if items[r].len() < 2 {
            continue;
        }
        let fk = figure_key(items[r][0]);
        let restated = |g: usize| {
            items[r].iter().all(|&y| {
                items[g].iter().any(|&x| {
                    source(x) == source(y)
                        && restates_grouped(
                            docs,
                            (members[reps[x]].0, view(x)),
                            (members[reps[y]].0, view(y)),
                        )
                })
            })
        };
        // As in folding, only the last few groups of a figure are compared, so a report that
        // repeats one figure thousands of times stays linear.
        let home = firsts
            .get(&fk)
            .and_then(|gs| gs.iter().rev().take(64).copied().find(|&g| restated(g)));
        match home {
            Some(g) => {
                for y in std::mem::take(&mut items[r]) {
                    let x = *items[g]
                        .iter()
                        .find(|&&x| source(x) == source(y))
                        .expect("restated in its source");
                    let extra = folded.remove(&reps[y]).unwrap_or_default();
                    let e = folded.entry(reps[x]).or_default();
                    e.push(members[reps[y]].0);
                    e.extend(extra);
                }
            }
            None => firsts.entry(fk).or_default().push(r),
        }
    }
    let block = format!("{class:?}");
    let mut out: Vec<Alignment> = (0..n)
        .filter(|&r| !items[r].is_empty())
        .map(|r| {
            let mut claims: Vec<ClaimRef> = items[r].iter().map(|&k| members[reps[k]].0).collect();
            claims.sort();
            let mut restatements: Vec<ClaimRef> = items[r]
                .iter()
                .flat_map(|k| folded.remove(&reps[*k]).unwrap_or_default())
                .collect();
            restatements.sort();
            let s = &scores[r];
            let reasons = best_pair[r].map_or_else(Vec::new, |(_, i, j)| {
                let s = find(i, j).expect("a group's best pair was scored");
                // Features are computed again for the one pair a group's reasons come from.
                let w = features::wording(view(i), view(j));
                let f = features(view(i), view(j), &w, s.crowd);
                m.reasons(&f, s.best_both, view(i), view(j))
            });
            Alignment {
                block: block.clone(),
                claims,
                score: if s.is_empty() {
                    0.0
                } else {
                    s.iter().sum::<f64>() / s.len() as f64
                },
                reasons,
                restatements,
            }
        })
        .collect();
    out.sort_by_key(|a| a.claims[0]);
    out
}

/// Jaccard similarity of two sorted, deduplicated word lists.
pub fn jaccard<T: Ord>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    inter as f64 / (a.len() + b.len() - inter) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Document};

    /// Analyses of short test reports, with ids `s0`, `s1`…
    pub(crate) fn docs(texts: &[&str]) -> Vec<Analysis> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                analyze(
                    Document::from_text(&format!("s{i}"), &format!("s{i}"), *t),
                    None,
                )
            })
            .collect()
    }

    /// The figure a claim quotes.
    fn quote(d: &[Analysis], r: ClaimRef) -> String {
        d[r.source]
            .quote(claim(d, r).quantity.span.clone())
            .to_string()
    }

    /// The pairs ruled out, by the figures they quote, with the reason.
    fn ruled_out_quoted(d: &[Analysis]) -> Vec<(String, String, &'static str)> {
        ruled_out(d)
            .into_iter()
            .map(|(a, b, why)| (quote(d, a), quote(d, b), why))
            .collect()
    }

    /// Whether the pair quoted `a`, `b` was ruled out for `rule`.
    fn ruled(why: &[(String, String, &'static str)], a: &str, b: &str, rule: &str) -> bool {
        why.iter()
            .any(|w| (w.0.as_str(), w.1.as_str(), w.2) == (a, b, rule))
    }

    /// Asserts that the reports' figures `a` and `b` are ruled out for `rule`.
    fn assert_ruled(texts: &[&str], a: &str, b: &str, rule: &str) {
        let why = ruled_out_quoted(&docs(texts));
        assert!(ruled(&why, a, b, rule), "{why:?}");
    }

    /// Asserts that no pair of the reports' figures is ruled out for `rule`.
    fn assert_never_ruled(texts: &[&str], rule: &str) {
        let why = ruled_out_quoted(&docs(texts));
        assert!(!why.iter().any(|w| w.2 == rule), "{why:?}");
    }

    fn multi(al: &[Alignment]) -> Vec<Vec<ClaimRef>> {
        al.iter()
            .filter(|a| a.claims.len() > 1)
            .map(|a| a.claims.clone())
            .collect()
    }

    #[test]
    fn synonyms_align_and_different_things_do_not() {
        let d = docs(&[
            "Police arrested at least 300 individuals. Officers found around 500 workstations.",
            "Police detained numerous individuals. The centres employed around 500 staff.",
        ]);
        let m = multi(&align(&d));
        assert_eq!(m.len(), 1, "{m:?}");
        let (a, b) = (claim(&d, m[0][0]), claim(&d, m[0][1]));
        assert_eq!(a.measure, b.measure);
        assert_eq!(a.measure.as_ref().unwrap().key, "class:arrested");
    }

    /// The crowd feature of a candidate with one alternative on each side: ln 2.
    const LONE: f64 = std::f64::consts::LN_2;

    /// The candidate pair whose quoted figures start with `a` and `b`.
    fn candidate<'p>(d: &[Analysis], pairs: &'p [Candidate], a: &str, b: &str) -> &'p Candidate {
        pairs
            .iter()
            .find(|k| quote(d, k.a).starts_with(a) && quote(d, k.b).starts_with(b))
            .unwrap_or_else(|| panic!("{a} and {b} are candidates"))
    }

    #[test]
    fn years_of_the_background_are_never_paired_on_their_kind_alone() {
        // Two years with nothing of their own in common date two different things.
        let d = docs(&[
            "The quartet first toured Japan in 1994. Tickets sold out.",
            "Its drummer left the band back in 2001, fans recall.",
        ]);
        let pairs = candidate_pairs(&d, model());
        assert!(pairs.is_empty(), "{:?}", pairs.len());
        // Years of one act (the same verb and thing) still meet, to be judged.
        let d = docs(&[
            "The clinic was founded in 1987 by a local doctor.",
            "A local doctor founded the clinic in 1990.",
        ]);
        let pairs = candidate_pairs(&d, model());
        candidate(&d, &pairs, "1987", "1990");
    }

    #[test]
    fn a_vague_amount_meets_an_exact_one_only_through_a_slot_of_their_own() {
        let d = docs(&[
            "The firm offered its users several options.",
            "Attacks so far target 9 of them.",
        ]);
        let pairs = candidate_pairs(&d, model());
        assert!(pairs.is_empty(), "{}", pairs.len());
        let d = docs(&[
            "Dozens of people were killed in the blast.",
            "At least 40 people were killed in the blast.",
        ]);
        let pairs = candidate_pairs(&d, model());
        candidate(&d, &pairs, "Dozens", "At least 40");
    }

    #[test]
    fn an_average_is_no_single_figure() {
        // A player's average is not one season's total, nor is the second figure of the
        // list the average is said of.
        let texts = [
            "Ruiz has averaged more than 30 goals and 12 assists in his five seasons.",
            "He scored 33 goals and made 14 assists last season.",
        ];
        assert_ruled(
            &texts,
            "more than 30",
            "33",
            "an average and a single figure",
        );
        assert_ruled(&texts, "12", "33", "an average and a single figure");
    }

    #[test]
    fn claims_ruled_out_are_no_alternatives() {
        // Three players' points on one side, one player's on the other: the other two
        // players' figures are ruled out (different owners), so Mensah's 12 has one rival
        // on the other side, not three.
        let d = docs(&[
            "Mensah scored 12 points. Okoro scored 19 points. Lindqvist scored 8 points.",
            "Mensah scored 14 points.",
        ]);
        let pairs = candidate_pairs(&d, model());
        let p = candidate(&d, &pairs, "12", "14");
        // One alternative each: the crowd of a lone candidate, ln 2.
        assert!(
            (p.features[features::CROWD] - LONE).abs() < 1e-9,
            "{:?}",
            p.features
        );
        assert_eq!(pairs.len(), 1, "the others are ruled out");
    }

    #[test]
    fn a_named_owner_narrows_the_alternatives() {
        // Besides Mensah's 12, the first report gives points no one owns; they are not ruled
        // out, but of two claims that both name Mensah, the alternatives are Mensah's figures
        // on the other side: one each, as for a lone candidate.
        let d = docs(&[
            "Mensah added 12 points. In all 71 points were scored, 40 points in the second half.",
            "Mensah scored 14 points.",
        ]);
        let pairs = candidate_pairs(&d, model());
        let p = candidate(&d, &pairs, "12", "14");
        assert!(
            (p.features[features::CROWD] - LONE).abs() < 1e-9,
            "{:?}",
            p.features
        );
        // A figure no one owns still counts all of the other side's as alternatives.
        let q = candidate(&d, &pairs, "71", "14");
        assert!(q.features[features::CROWD] > LONE, "{:?}", q.features);
    }

    #[test]
    fn a_thing_two_fitting_counts_count_narrows_the_alternatives() {
        let d = docs(&[
            "Crews freed about 40 miners. Nine trucks and 14 pumps were sent, with 60 men.",
            "Rescuers brought out 41 miners, and 20 people were treated.",
        ]);
        let pairs = candidate_pairs(&d, model());
        let p = candidate(&d, &pairs, "about 40", "41");
        assert!(
            (p.features[features::CROWD] - LONE).abs() < 1e-9,
            "{:?}",
            p.features
        );
        // Two that differ keep every count as their alternatives.
        let q = candidate(&d, &pairs, "about 40", "20");
        assert!(q.features[features::CROWD] > LONE, "{:?}", q.features);
    }

    #[test]
    fn a_team_put_ahead_holds_a_lead() {
        assert_never_ruled(
            &[
                "His run in the third quarter put the Owls ahead 21-7.",
                "The touchdown gave the Owls a 21-7 lead in the third quarter.",
            ],
            "two moments of a game",
        );
    }

    #[test]
    fn two_estimates_of_one_precise_figure_are_the_same_figure() {
        let d = docs(&[
            "The gang took an estimated £4.7 million. Fines of £20,000 and £35,000 were paid.",
            "The ring stole around £4.7m, and less than £20,000 was found.",
        ]);
        let pairs = candidate_pairs(&d, model());
        let p = candidate(&d, &pairs, "an estimated £4.7 million", "around £4.7m");
        assert_eq!(p.features[features::SAME_VALUE], 1.0, "{:?}", p.features);
        assert!(
            (p.features[features::CROWD] - LONE).abs() < 1e-9,
            "{:?}",
            p.features
        );
        // A bound excludes the figure it states.
        let q = candidate(&d, &pairs, "£20,000", "less than £20,000");
        assert_eq!(q.features[features::SAME_VALUE], 0.0, "{:?}", q.features);
        // Two bounds of one kind at one large figure state it alike.
        let d = docs(&[
            "He owed more than $600,000 and had more than 40 creditors.",
            "He was more than $600,000 in debt to more than 40 lenders.",
        ]);
        let pairs = candidate_pairs(&d, model());
        let p = candidate(&d, &pairs, "more than $600,000", "more than $600,000");
        assert_eq!(p.features[features::SAME_VALUE], 1.0, "{:?}", p.features);
        let q = candidate(&d, &pairs, "more than 40", "more than 40");
        assert_eq!(q.features[features::SAME_VALUE], 0.0, "{:?}", q.features);
    }

    #[test]
    fn a_first_name_alone_is_the_person_named_in_full() {
        let why = ruled_out_quoted(&docs(&[
            "The dead were Ivo Hale, 54, and his daughter Lena Hale, 19.",
            "Among the dead were Ivo Hale, 54, and his 19-year-old daughter, Lena.",
        ]));
        assert!(
            !ruled(&why, "19", "19-year-old", "different owners"),
            "{why:?}"
        );
        assert!(
            ruled(&why, "54", "19-year-old", "different owners"),
            "{why:?}"
        );
    }

    #[test]
    fn a_measurement_both_sentences_share_makes_their_same_count_one_thing() {
        let story = [
            "Diaz ran for 131 yards on 22 carries.",
            "Diaz added 131 rushing yards on 22 attempts.",
        ];
        assert_never_ruled(&story, "different things counted");
        // A shared age is a person's, no story of the counts.
        assert_ruled(
            &[
                "Ana Ruiz, 52, scored 2 touchdowns.",
                "Ana Ruiz, 52, lost 2 fumbles.",
            ],
            "2",
            "2",
            "different things counted",
        );
        // Without it, the two nouns say two things.
        assert_ruled(
            &[
                "Diaz ran for 131 yards on 22 carries.",
                "Diaz made 22 attempts at goal.",
            ],
            "22",
            "22",
            "different things counted",
        );
    }

    #[test]
    fn two_moments_of_a_game_are_no_discrepancy() {
        // A lead and the final score, or two leads, are different moments; the same lead in
        // both reports is one, and a lead is not the result even when the game ends so.
        let d = docs(&[
            "The Owls took a 21-7 lead at halftime and went on to win 35-28.",
            "The Owls led 21-7 at one point before holding on for a 35-28 victory, after leading 28-14.",
            "The Owls had a 35-28 lead with a minute to go.",
        ]);
        let quote = |r: ClaimRef| quote(&d, r);
        let why = ruled_out_quoted(&d);
        let moments = |a: &str, b: &str| ruled(&why, a, b, "two moments of a game");
        assert!(
            moments("21-7", "35-28") && moments("21-7", "28-14"),
            "{why:?}"
        );
        assert!(
            moments("35-28", "21-7") && moments("35-28", "28-14"),
            "{why:?}"
        );
        assert!(
            moments("35-28", "35-28"),
            "the lead of the third is no result: {why:?}"
        );
        for g in multi(&align(&d)) {
            assert_eq!(quote(g[0]), quote(g[1]));
        }
    }

    #[test]
    fn moments_of_the_clock_pair_only_when_equal() {
        // Each report times different plays; the game's length is no moment of it.
        let d = docs(&[
            "Mensah scored with 4:43 left, and the game lasted 50 minutes.",
            "Okoro answered with 2:10 left.",
            "Mensah's basket came with 4:43 left.",
        ]);
        let why = ruled_out_quoted(&d);
        let moments = |a: &str, b: &str| ruled(&why, a, b, "two moments of a game");
        assert!(moments("4:43", "2:10"), "{why:?}");
        assert!(moments("50 minutes", "2:10"), "{why:?}");
        assert!(!moments("4:43", "4:43"), "{why:?}");
    }

    #[test]
    fn people_and_things_counted_are_two_facts() {
        // The same figure for people and for a thing the lexicon knows as unrelated is two
        // facts; two words for people are left to the model.
        let d = docs(&[
            "Mara Quinn, a mother of 11, was hurt.",
            "The gunman fired eleven bullets from the roof.",
            "Police said 11 gunmen took part.",
        ]);
        let why = ruled_out_quoted(&d);
        let things = |a: &str, b: &str| ruled(&why, a, b, "different things counted");
        assert!(things("11", "eleven"), "{why:?}");
        assert!(things("eleven", "11"), "{why:?}");
        // The mother's children and the gunmen: both people, so not ruled out here.
        let mother_gunmen = why
            .iter()
            .filter(|w| (w.0.as_str(), w.1.as_str()) == ("11", "11"));
        assert_eq!(mother_gunmen.count(), 0, "{why:?}");
    }

    #[test]
    fn a_city_and_its_team_are_one_owner_when_a_report_joins_them() {
        let d = docs(&[
            "The Lakeport Herons beat Dunmore. Lakeport scored 31 points.",
            "The Herons scored 31 points on Sunday.",
        ]);
        let why = ruled_out_quoted(&d);
        assert!(!why.iter().any(|w| w.2 == "different owners"), "{why:?}");
        // Names no report writes side by side stay different owners.
        let d = docs(&[
            "Lakeport scored 31 points on Sunday.",
            "The Herons scored 31 points on Sunday.",
        ]);
        let why = ruled_out_quoted(&d);
        assert!(why.iter().any(|w| w.2 == "different owners"), "{why:?}");
    }

    #[test]
    fn the_end_of_a_term_is_no_time_of_the_event() {
        let d = docs(&[
            "The club extended his contract through the 2031 season.",
            "The club sacked him during the 2029 season.",
            "His deal ran until 2030.",
        ]);
        let why = ruled_out_quoted(&d);
        let term = |a: &str, b: &str| ruled(&why, a, b, "the end of a term and a time");
        assert!(term("2031", "2029") && term("2029", "2030"), "{why:?}");
        // Two ends of one term compare as values.
        assert!(!term("2031", "2030"), "{why:?}");
        // The end of an earlier term is of another time than the end of this one.
        let d = docs(&[
            "A year ago he signed an extension through the 2030 season.",
            "His new deal runs through the 2031 season.",
        ]);
        let why = ruled_out_quoted(&d);
        assert!(ruled(&why, "2030", "2031", "different times"), "{why:?}");
        // A clock time that ends a closure is not when something happened.
        assert_ruled(
            &[
                "The bridge stayed shut until about 15:30 on Sunday.",
                "Drivers were let back on at 9am on Sunday.",
            ],
            "about 15:30",
            "9am",
            "the end of a term and a time",
        );
    }

    #[test]
    fn a_date_meets_its_year_and_a_day_meets_no_year() {
        let d = docs(&[
            "The bridge collapsed on March 3, 2016, killing four.",
            "The bridge, which collapsed in 2016, will be rebuilt.",
        ]);
        assert_eq!(multi(&align(&d)).len(), 1);
        assert_ruled(
            &[
                "The bridge collapsed on March 3, killing four.",
                "The bridge, which collapsed in 2016, will be rebuilt.",
            ],
            "March 3",
            "2016",
            "a day and a year",
        );
    }

    #[test]
    fn rival_parties_figures_of_one_fact_meet() {
        // Two parties' different counts are the discrepancy a reader wants shown.
        let d = docs(&[
            "Officials said 12 climbers remained stranded on the ridge.",
            "Fifteen climbers are still stranded, the guiding company said.",
        ]);
        assert_eq!(multi(&align(&d)).len(), 1);
    }

    #[test]
    fn an_age_of_anyone_meets_an_age_of_someone_charged() {
        assert_never_ruled(
            &[
                "The suspect, 41, appeared in court on Monday.",
                "The 41-year-old has been charged with manslaughter.",
            ],
            "different measures",
        );
    }

    #[test]
    fn a_crowd_is_no_class_of_protesters() {
        // A crowd watches a match as readily as it marches.
        assert_never_ruled(
            &[
                "A crowd of 61,000 saw the final.",
                "Some 60,000 spectators watched the final.",
            ],
            "different measures",
        );
    }

    #[test]
    fn a_share_meets_a_percentage() {
        let d = docs(&[
            "Roughly three-quarters of members backed the deal, the union said.",
            "The deal was backed by 76% of members, the union said.",
        ]);
        let pairs = multi(&align(&d));
        assert_eq!(pairs.len(), 1, "{pairs:?}");
    }

    #[test]
    fn last_year_may_be_the_year_another_report_names() {
        // No year of the event is known (two years tie): `last year` may be 2021, and the
        // figure is one.
        let texts = [
            "The airport, opened in 1995, served about 7.3 million travellers last year.",
            "The airport, which served 7.3 million travellers in 2021, is expanding.",
        ];
        let why = ruled_out_quoted(&docs(&texts));
        assert!(
            !ruled(&why, "about 7.3 million", "7.3 million", "different times"),
            "{why:?}"
        );
        // A round figure says too little to tie the two times.
        assert_ruled(
            &[
                "The clinic, opened in 1995, treated about 700 patients last year.",
                "The clinic, which treated 700 patients in 2021, is expanding.",
            ],
            "about 700",
            "700",
            "different times",
        );
    }

    #[test]
    fn figures_of_different_days_are_two_facts() {
        // The day in a figure's phrase names its event: Monday's tremor is not Friday's.
        assert_ruled(
            &[
                "A magnitude 4.2 tremor shook the valley on Monday.",
                "Another tremor of magnitude 4.6 hit the valley on Friday.",
            ],
            "magnitude 4.2",
            "magnitude 4.6",
            "figures of different days",
        );
        // An age describes a person whatever the day.
        assert_never_ruled(
            &[
                "The 52-year-old pilot was named on Monday.",
                "Investigators questioned the 52-year-old pilot on Friday.",
            ],
            "figures of different days",
        );
        // A level a later day reached is the same fact, updated.
        assert_never_ruled(
            &[
                "The storm killed four climbers on Tuesday, rangers said.",
                "The number of climbers killed rose to nine on Thursday.",
            ],
            "figures of different days",
        );
    }

    #[test]
    fn a_gap_to_a_record_is_no_winning_margin() {
        let d = docs(&[
            "Okafor won the sprint by 3 seconds but missed the track record by 8 seconds.",
            "Okafor finished 5 seconds ahead of Lindqvist.",
        ]);
        let why = ruled_out_quoted(&d);
        let gap = |a: &str, b: &str| ruled(&why, a, b, "a gap to a record");
        assert!(gap("8 seconds", "5 seconds"), "{why:?}");
        assert!(!gap("3 seconds", "5 seconds"), "{why:?}");
    }

    #[test]
    fn a_record_is_never_a_result() {
        let d = docs(&[
            "The Falcons (6-10) beat the Bears 27-10 on Sunday.",
            "The Falcons improved to 6-10 with a 27-10 win over the Bears.",
        ]);
        let quote = |r: ClaimRef| quote(&d, r);
        let why = ruled_out_quoted(&d);
        for (a, b) in [("6-10", "27-10"), ("27-10", "6-10")] {
            assert!(ruled(&why, a, b, "a record and a result"), "{why:?}");
        }
        let m = multi(&align(&d));
        assert_eq!(m.len(), 2, "{m:?}");
        for g in m {
            assert_eq!(quote(g[0]), quote(g[1]));
        }
    }

    #[test]
    fn years_of_different_things_and_recurrences_are_two_facts() {
        let d = docs(&[
            "They joined the 2008 Zorvans as the only such team. The lab ships a chip every 12 \
             to 18 months.",
            "Before the 2012 season few expected it. It is the first win in more than two \
             years.",
        ]);
        let why = ruled_out_quoted(&d);
        assert!(
            ruled(&why, "2008", "2012", "years of different things"),
            "{why:?}"
        );
        assert!(
            ruled(
                &why,
                "12 to 18 months",
                "more than two years",
                "how often and how long"
            ),
            "{why:?}"
        );
    }

    #[test]
    fn clocks_of_two_zones_are_not_one_clock() {
        let d = docs(&[
            "The game kicks off Saturday at 4:30 p.m. ET in Seattle.",
            "Kickoff in Seattle is scheduled for 1:30 p.m. PST on Saturday.",
        ]);
        let why = ruled_out_quoted(&d);
        assert!(
            ruled(
                &why,
                "4:30 p.m. ET",
                "1:30 p.m. PST",
                "times in different zones"
            ),
            "{why:?}"
        );
    }

    #[test]
    fn ages_of_two_people_are_two_facts() {
        // The husband is named in the sentence that gives his wife's age.
        assert_ruled(
            &[
                "A jury convicted Sam Ortiz of murdering his wife, 23-year-old Lena.",
                "The jury convicted the 32-year-old Ortiz on Friday.",
            ],
            "23-year-old",
            "32-year-old",
            "different owners",
        );
        // A surname two people of the event share names neither for sure.
        assert_ruled(
            &[
                "Sam Ortiz was convicted of murdering his wife, 23-year-old Lena. Lena Ortiz \
                 was last seen in May.",
                "The jury convicted the 32-year-old Ortiz on Friday.",
            ],
            "23-year-old",
            "32-year-old",
            "different owners",
        );
        // An age read beside a common noun, in a sentence naming the other age's owner
        // elsewhere, is that noun's.
        assert_ruled(
            &[
                "The trial of 17-year-old Dan Reyes opened on Monday.",
                "Prosecutors say Reyes fired at a rival and hit a 9-year-old boy instead.",
            ],
            "17-year-old",
            "9-year-old",
            "different owners",
        );
        // Beside a capitalised noun (a nationality, a party), the age may be the named
        // person's: `the 40-year-old American` is not someone else for being no name.
        let d = docs(&[
            "The champion stopped 38-year-old Dan Reyes in Berne.",
            "He floored Reyes twice, and the 38-year-old American never recovered.",
        ]);
        let why = ruled_out_quoted(&d);
        assert!(
            !ruled(&why, "38-year-old", "38-year-old", "different owners"),
            "{why:?}"
        );
        // A different age beside the epithet may be anyone's: no rival to the named one,
        // whether or not the sentence names him.
        for other in [
            "He floored Reyes twice, and the 41-year-old American never recovered.",
            "It was only the third fight in a decade for the 41-year-old American.",
        ] {
            assert_ruled(
                &[
                    "The champion stopped 38-year-old Dan Reyes in Berne.",
                    other,
                ],
                "38-year-old",
                "41-year-old",
                "different owners",
            );
        }
    }

    #[test]
    fn an_owner_of_another_figure_of_the_sentence_owns_not_this_one() {
        assert_ruled(
            &[
                "The merger will give it about 9 percent of the market, compared with Orvik's 12 percent share.",
                "Orvik had 9.1% of the market.",
            ],
            "about 9 percent",
            "9.1%",
            "different owners",
        );
        // `against` is mostly no contrast of figures (`charges against Tamm`).
        assert_never_ruled(
            &[
                "Police brought charges against Tamm, 35, for 14 thefts.",
                "Police said Tamm committed 14 thefts.",
            ],
            "different owners",
        );
    }

    #[test]
    fn what_may_happen_is_not_what_happened() {
        assert_ruled(
            &[
                "He could be jailed for up to 40 years.",
                "He was jailed for 12 years on Friday.",
            ],
            "up to 40 years",
            "12 years",
            "a possibility and a fact",
        );
    }

    #[test]
    fn a_record_over_some_games_is_not_the_record() {
        assert_ruled(
            &[
                "The Hornets went 7-1 in road games.",
                "The Hornets improved their record to 7-5.",
            ],
            "7-1",
            "7-5",
            "records of different games",
        );
        assert_never_ruled(
            &[
                "The Hornets went 7-1 in road games.",
                "The Hornets are 7-2 in games on the road.",
            ],
            "records of different games",
        );
    }

    #[test]
    fn occurrences_and_factors_are_not_things() {
        assert_ruled(
            &[
                "The club turned the offer down three times.",
                "Three scouts watched the match.",
            ],
            "three",
            "Three",
            "different things counted",
        );
        // What the verb did, counted as occurrences or as things, is one fact.
        assert_never_ruled(
            &[
                "The cell can be recharged up to 500 times.",
                "It lasts up to 500 recharges.",
            ],
            "different things counted",
        );
        assert_ruled(
            &[
                "Her reading was more than four times the limit.",
                "Officers questioned four drivers.",
            ],
            "more than four times",
            "four",
            "a factor and a count",
        );
    }

    #[test]
    fn things_named_after_the_verb_that_did_them_are_what_it_did() {
        // `caught 31 passes` and `31 catches`: the noun derives from the other's verb.
        assert_never_ruled(
            &[
                "The tight end finished with 31 catches for 290 yards.",
                "The tight end caught 31 passes for 290 yards.",
            ],
            "different things counted",
        );
        // People shot are not shots fired.
        assert_ruled(
            &[
                "The gunman shot four customers before fleeing.",
                "Witnesses heard four shots before the car sped off.",
            ],
            "four",
            "four",
            "different things counted",
        );
    }

    #[test]
    fn a_large_class_counts_only_candidates_as_a_crowd() {
        // Seventy figures of visitors or of tickets are no alternatives to the paintings: in a
        // class too large to pair everything, the crowd is the candidates the rules leave, as
        // in a small one.
        let tickets: String = (0..70)
            .map(|k| {
                format!(
                    "On day {} the museum sold {} tickets. ",
                    k + 1,
                    200 + 13 * k
                )
            })
            .collect();
        let visits: String = (0..70)
            .map(|k| format!("On day {} it had {} visitors. ", k + 1, 300 + 11 * k))
            .collect();
        let a = format!("{visits}The museum owns 40 paintings.");
        let b = format!("{tickets}Its collection counts 40 paintings.");
        let d = docs(&[&a, &b]);
        let paired = multi(&align(&d)).into_iter().any(|g| {
            g.iter().all(|r| {
                d[r.source].quote(d[r.source].claims[r.claim].quantity.span.clone()) == "40"
            })
        });
        assert!(paired);
    }

    #[test]
    fn a_surname_opening_a_sentence_is_an_owner_when_the_report_writes_it_as_a_name() {
        assert_ruled(
            &[
                "Coach Ann Marsh praised Ivo Teller. Teller gained 41 yards.",
                "Coach Ann Marsh praised Bo Cutter. Cutter gained 44 yards.",
            ],
            "41 yards",
            "44 yards",
            "different owners",
        );
    }

    #[test]
    fn a_distinctive_figure_both_give_has_only_its_own_value_as_rivals() {
        // A box score of yardages is no crowd for the one both reports give: its rivals are
        // the other report's 352s.
        let plays = |names: &[&str], base: usize| -> String {
            names
                .iter()
                .enumerate()
                .map(|(k, n)| format!("{n} gained {} yards. ", base + 7 * k))
                .collect()
        };
        let a = format!(
            "{}Despite rushing for 352 yards, the visitors lost at home.",
            plays(
                &["Ames", "Bolt", "Cruz", "Dunn", "Eller", "Ford", "Moss", "Nash"],
                13
            )
        );
        let b = format!(
            "{}The Chiefs finished with 352 yards on the ground in a losing effort.",
            plays(
                &["Gage", "Hale", "Ivey", "Jost", "Kemp", "Lund", "Orr", "Pike"],
                16
            )
        );
        let d = docs(&[&a, &b]);
        let paired = multi(&align(&d)).into_iter().any(|g| {
            g.iter().all(|r| {
                d[r.source].quote(d[r.source].claims[r.claim].quantity.span.clone()) == "352 yards"
            })
        });
        assert!(paired);
    }

    #[test]
    fn what_is_counted_is_read_as_a_noun() {
        // `punt` and `game` share a verb sense (to bet); as nouns, a kick and a contest.
        assert_ruled(
            &[
                "The rookie returned two punts for scores.",
                "The rookie has started two games this year.",
            ],
            "two",
            "two",
            "different things counted",
        );
    }

    #[test]
    fn an_earlier_thing_both_name_is_no_other_time() {
        // The old record, told as `previous` by one report and as Moss's by the other.
        let texts = [
            "Diaz broke the mark on Sunday. Moss held the previous record at 2,317 yards.",
            "Diaz on Sunday passed Moss's record of 2,317 yards.",
        ];
        assert_never_ruled(&texts, "different times");
        // Nor a new record against the previous one.
        assert_ruled(
            &[
                "Ames broke the previous record of 9.69 seconds.",
                "Ames set a new record of 9.58 seconds.",
            ],
            "9.69 seconds",
            "9.58 seconds",
            "different times",
        );
        // A previous season's figure is still another time than this one's.
        assert_ruled(
            &[
                "Diaz ran for 1,210 yards in the previous season.",
                "Diaz has run for 1,210 yards.",
            ],
            "1,210 yards",
            "1,210 yards",
            "different times",
        );
    }

    #[test]
    fn a_year_of_an_event_of_no_known_year_may_be_its_own() {
        // The reports name two years once each: the one the figure is given may be the
        // event's, and a distinctive figure both give is one fact.
        let why = ruled_out_quoted(&docs(&[
            "Through nine games of the 2011 season, Diaz had 612 yards. He missed the 2010 final.",
            "Diaz has run for 612 yards and three touchdowns.",
        ]));
        assert!(
            !ruled(&why, "612 yards", "612 yards", "different times"),
            "{why:?}"
        );
        // Two different figures stay two times.
        assert_ruled(
            &[
                "Through nine games of the 2011 season, Diaz had 612 yards. He missed the 2010 final.",
                "Diaz has run for 598 yards and three touchdowns.",
            ],
            "612 yards",
            "598 yards",
            "different times",
        );
        // When the event's year is known to be another, the figure is background to it.
        assert_ruled(
            &[
                "Diaz had 612 yards in the 2011 season. He re-signed for the 2012 season.",
                "The 2012 season opens on Sunday. Diaz has run for 612 yards.",
            ],
            "612 yards",
            "612 yards",
            "different times",
        );
    }

    #[test]
    fn a_year_of_a_compound_is_the_year_of_its_first_word() {
        // `release date` is the release's: its year is the year of `a 2013 release`.
        let texts = [
            "The studio has kept a 2013 release date for the sequel.",
            "The studio booked a 2013 release for the sequel.",
        ];
        assert_never_ruled(&texts, "different things counted");
        assert_never_ruled(&texts, "years of different things");
        // Two things of one year stay two.
        assert_ruled(
            &[
                "The studio has kept a 2013 release date for the sequel.",
                "The studio booked a 2013 festival for the sequel.",
            ],
            "2013",
            "2013",
            "different things counted",
        );
    }

    #[test]
    fn measurements_of_one_sentence_alike_in_two_units_tie_its_other_figures() {
        // `about 600m` and `about 2,000ft` are one fall: the ages beside them are one man's.
        let d = docs(&[
            "The man aged in his early 30s fell about 600m while climbing on Sunday afternoon.",
            "On Sunday, 32-year-old Englishman Luis Mora, originally from Leeds but living in \
             Oslo, fell about 2,000ft while climbing with three friends. A 36-year-old guide \
             was also hurt.",
        ]);
        let pairs: Vec<Vec<String>> = multi(&align(&d))
            .iter()
            .map(|g| g.iter().map(|&r| quote(&d, r)).collect())
            .collect();
        assert!(
            pairs.contains(&vec!["early 30s".to_string(), "32-year-old".to_string()]),
            "{pairs:?}"
        );
    }

    #[test]
    fn anyone_may_be_a_kind_of_person_another_report_names() {
        assert_never_ruled(
            &[
                "The ferry had 208 people on board when it sank.",
                "The ferry was carrying 208 passengers.",
            ],
            "different measures",
        );
        // What happened to them still tells two measures apart.
        assert_ruled(
            &[
                "The blast injured 40 people.",
                "The ferry was carrying 40 passengers.",
            ],
            "40",
            "40",
            "different measures",
        );
    }

    #[test]
    fn one_who_does_what_kinds_a_phrase_is_one_of_its_people() {
        let texts = [
            "About 400 rescuers searched the rubble overnight.",
            "Some 400 rescue workers searched the rubble.",
        ];
        assert_never_ruled(&texts, "different things counted");
        assert_never_ruled(&texts, "different measures");
        // What happened to them still tells them apart, and an office makes no officers.
        assert_ruled(
            &[
                "The blast killed 12 rescuers.",
                "The blast injured 12 rescue workers.",
            ],
            "12",
            "12",
            "different measures",
        );
        assert_ruled(
            &[
                "The blast killed 12 officers.",
                "The blast injured 12 office workers.",
            ],
            "12",
            "12",
            "different measures",
        );
        // A thing the same word kinds is no person doing it.
        assert_ruled(
            &[
                "About 400 rescuers searched the rubble overnight.",
                "Some 400 rescue boats searched the bay.",
            ],
            "About 400",
            "Some 400",
            "different things counted",
        );
    }

    #[test]
    fn a_part_picked_by_how_may_be_the_other_reports_things() {
        assert_never_ruled(
            &[
                "The champion is 40-2 with 31 wins coming by way of knockout.",
                "The champion, 40-2 with 31 knockouts, won again.",
            ],
            "different things counted",
        );
    }

    #[test]
    fn games_missed_are_not_games_played() {
        assert_ruled(
            &[
                "The striker sat out five matches with a knee injury.",
                "The striker scored twice in five matches.",
            ],
            "five",
            "five",
            "an absence and a presence",
        );
        // Two reports of the games missed are one fact, whatever words stand between.
        assert_never_ruled(
            &[
                "The striker missed the next five matches.",
                "The striker will skip the club's final five matches.",
            ],
            "an absence and a presence",
        );
    }

    #[test]
    fn a_count_overtaken_by_an_update_is_surfaced() {
        // A toll given as risen is the same measure later: the two meet at a conflict's bar,
        // where a lone strained pair would not.
        let d = docs(&[
            "At least three people drowned in the flood, rescuers said.",
            "The death toll from the flood climbed to 17, the governor said.",
        ]);
        assert_eq!(multi(&align(&d)).len(), 1);
        let d = docs(&[
            "At least three people drowned in the flood, rescuers said.",
            "The flood killed 17 people, the governor said.",
        ]);
        assert!(multi(&align(&d)).is_empty());
    }

    #[test]
    fn a_year_said_to_be_earlier_names_its_own_time() {
        // `previously` adds nothing to a year: it is no background to the other report's.
        assert_never_ruled(
            &[
                "The singer previously led the parade in 2011.",
                "The singer led the 2011 parade through the old town.",
            ],
            "different times",
        );
        // A count said to be earlier stays background to one that is not.
        assert_ruled(
            &[
                "The club previously employed 40 coaches.",
                "The club employs 40 coaches at its academy.",
            ],
            "40",
            "40",
            "different times",
        );
    }

    #[test]
    fn a_percentage_share_is_a_part_of_what_another_is_of() {
        // `a 12 percent stake` names no whole: it may be `11.5% of the airline`.
        assert_never_ruled(
            &[
                "The fund will hold a 12 percent stake after the sale.",
                "After the sale the fund owns 11.5% of the airline.",
            ],
            "different things counted",
        );
        // Two wholes the resource knows apart stay two things.
        assert_ruled(
            &[
                "Floods closed 12 percent of the roads in the north.",
                "Rain fell on 12 percent of the fields in the north.",
            ],
            "12 percent",
            "12 percent",
            "different things counted",
        );
    }

    #[test]
    fn ages_at_steps_of_one_legal_process_are_one_persons() {
        // Charged and arrested happen to one person: the ages may be one fact.
        assert_never_ruled(
            &[
                "A 47-year-old woman charged with the robbery was freed on bail.",
                "Detectives arrested a 47-year-old, unemployed woman at the harbour.",
            ],
            "different measures",
        );
        // The dead man is not the one arrested.
        assert_ruled(
            &[
                "A 47-year-old woman was shot dead outside the bar.",
                "Detectives arrested a 47-year-old, unemployed woman at the harbour.",
            ],
            "47-year-old",
            "47-year-old",
            "different measures",
        );
    }

    #[test]
    fn kinds_of_one_thing_are_left_to_the_model() {
        // Unrelated heads are two things; the same noun kinding both makes them kinds of one.
        assert_ruled(
            &[
                "Crews sent 24 ambulances to the site.",
                "Crews searched 24 schools near the site.",
            ],
            "24",
            "24",
            "different things counted",
        );
        assert_never_ruled(
            &[
                "A total of 24 rescue ambulances reached the site.",
                "A total of 24 rescue boats reached the site.",
            ],
            "different things counted",
        );
    }

    #[test]
    fn occurrences_name_no_thing_counted() {
        assert_never_ruled(
            &[
                "The cell lasts for up to 500 recharges.",
                "The cell can be recharged 500 times.",
            ],
            "different things counted",
        );
        // But occurrences are never people.
        assert_ruled(
            &[
                "She has hosted the show five times.",
                "The jury chose among five nominees.",
            ],
            "five",
            "five",
            "different things counted",
        );
    }

    #[test]
    fn how_long_ago_is_no_length_of_time() {
        assert_ruled(
            &[
                "She died of a stroke she had suffered three weeks ago.",
                "She had been in hospital for four weeks before she died.",
            ],
            "three weeks",
            "four weeks",
            "a time ago and a length",
        );
        // An offset between two moments meets how long before and a length alike, when
        // they say the same; when they differ they are two intervals.
        for other in [
            "She had suffered the stroke nine days earlier.",
            "She lay in a coma for nine days.",
        ] {
            for rule in ["a time ago and a length", "an offset and another interval"] {
                assert_never_ruled(
                    &["She died nine days after suffering a stroke.", other],
                    rule,
                );
            }
        }
        assert_ruled(
            &[
                "She died nine days after suffering a stroke.",
                "She had been in hospital for three weeks.",
            ],
            "nine days",
            "three weeks",
            "an offset and another interval",
        );
    }

    #[test]
    fn an_increment_is_no_rival_to_a_total() {
        assert_ruled(
            &[
                "Divers recovered 12 more bodies from the lake on Tuesday.",
                "Divers have recovered 40 bodies from the lake.",
            ],
            "12",
            "40",
            "an increment and a total",
        );
        // The same figure may be the day's news told either way.
        assert_never_ruled(
            &[
                "Police made two more arrests on Friday.",
                "Police arrested two men on Friday.",
            ],
            "an increment and a total",
        );
    }

    #[test]
    fn groups_restating_each_other_are_one() {
        let d = docs(&[
            "Ruiz scored on a 64-yard touchdown run in the third quarter. \
             He broke two tackles and outran everyone on the 64-yard touchdown run.",
            "Ruiz scored on a 64-yard touchdown run in the third quarter. \
             He broke two tackles and outran everyone on the 64-yard touchdown run.",
        ]);
        let al = align(&d);
        let runs: Vec<&Alignment> = al
            .iter()
            .filter(|a| a.claims.iter().any(|&r| quote(&d, r) == "64-yard"))
            .collect();
        assert_eq!(runs.len(), 1, "{runs:?}");
        assert_eq!(
            runs[0].claims.len() + runs[0].restatements.len(),
            4,
            "{runs:?}"
        );
    }

    #[test]
    fn an_age_told_of_no_one_rides_with_its_sources_age() {
        let d = docs(&[
            "The painter Ida Lund died on Monday at the age of 88. \
             Her gallery will close for a week. She was 88.",
            "Ida Lund, 88, died on Monday in her studio.",
        ]);
        let al = align(&d);
        let ages: Vec<&Alignment> = al
            .iter()
            .filter(|a| {
                a.claims
                    .iter()
                    .chain(&a.restatements)
                    .any(|&r| quote(&d, r).contains("88"))
            })
            .collect();
        assert_eq!(ages.len(), 1, "{ages:?}");
        assert_eq!(
            ages[0].claims.len() + ages[0].restatements.len(),
            3,
            "{ages:?}"
        );
    }

    #[test]
    fn a_part_picked_by_how_is_no_rival_to_the_total() {
        assert_ruled(
            &[
                "The champion retired with 44 wins in all.",
                "The champion retired with 30 wins coming by way of knockout.",
            ],
            "44",
            "30",
            "a part and its total",
        );
        assert_ruled(
            &[
                "Ruiz has 44 wins, 30 by knockout.",
                "Ruiz has 44 wins, 12 by decision.",
            ],
            "30",
            "12",
            "parts picked differently",
        );
        // A deadline or an agent after `by` picks no part.
        assert_never_ruled(
            &[
                "The firm cut 40 jobs by Friday.",
                "The firm cut 60 jobs by the end of the month.",
                "The firm cut 50 jobs.",
            ],
            "a part and its total",
        );
    }

    #[test]
    fn a_set_is_no_rival_to_a_smaller_figure() {
        assert_ruled(
            &[
                "Ortiz, who grew up as one of nine siblings, left school early.",
                "Ortiz has four siblings living abroad.",
            ],
            "nine",
            "four",
            "a set and what may be a part of it",
        );
        // A larger figure, or the same one, may be the same set told another way.
        assert_never_ruled(
            &[
                "Two of the three hostages were freed on Sunday.",
                "Gunmen had seized five hostages on the road.",
            ],
            "a set and what may be a part of it",
        );
        assert_never_ruled(
            &[
                "Two of the three hostages were freed on Sunday.",
                "Gunmen had seized three hostages on the road.",
            ],
            "a set and what may be a part of it",
        );
    }

    #[test]
    fn a_result_of_another_day_is_another_game() {
        assert_ruled(
            &[
                "Ruiz hurt his shoulder last Friday in a 21-17 loss to Denver.",
                "Ruiz was hurt in the 10-7 overtime loss to the Hawks on Monday.",
            ],
            "21-17",
            "10-7",
            "results of different days",
        );
        // The same day, or a day only one report names, leaves the pair to the model.
        assert_never_ruled(
            &[
                "The Hawks won 21-17 on Friday.",
                "The Hawks won 21-18 in Denver on Friday night.",
                "The Hawks won 21-17.",
            ],
            "results of different days",
        );
    }

    #[test]
    fn parties_pair_with_their_own_figures() {
        let d = docs(&[
            "The union said 8,000 workers joined the strike; the company put the number at 3,000.",
            "Some 6,500 staff walked out, according to the union, while management counted 3,000.",
        ]);
        let m = multi(&align(&d));
        assert_eq!(m.len(), 2, "{m:?}");
        for g in m {
            let parties: Vec<_> = g
                .iter()
                .map(|r| claim(&d, *r).attribution.as_ref().unwrap().party.clone())
                .collect();
            assert_eq!(parties[0], parties[1]);
        }
    }

    #[test]
    fn two_scores_of_one_report_are_two_claims() {
        // Running scores of one game are different figures, not mentions of one.
        let d = docs(&[
            "Okafor ran in from the 3 to give Memphis a 14-0 lead in the first quarter. Diaz \
             kicked a 38-yard field goal to give Memphis a 17-7 lead at halftime.",
            "Diaz kicked a field goal just before the break for a 17-7 lead.",
        ]);
        for a in align(&d) {
            let values: Vec<_> = a
                .claims
                .iter()
                .chain(&a.restatements)
                .filter(|r| r.source == 0)
                .map(|r| claim(&d, *r).quantity.tally.map(|t| t.key()))
                .collect();
            assert!(values.windows(2).all(|w| w[0] == w[1]), "{values:?}");
        }
        let scores = d[0]
            .claims
            .iter()
            .filter(|c| c.quantity.tally.is_some())
            .count();
        assert_eq!(scores, 2, "both scores are read");
    }

    #[test]
    fn a_named_thing_said_again_is_one_claim() {
        // The same size of one named model, in three sentences with different words around it.
        let d = docs(&[
            "Vantel unveiled the 14-inch Zephyr Pro on Monday. Reviewers praised the \
             14-inch Zephyr Pro for its keyboard. Shipping of the 14-inch Zephyr Pro will begin \
             in May.",
            "The 14-inch Zephyr Pro will go on sale in May.",
        ]);
        let al = align(&d);
        let sizes: Vec<&Alignment> = al
            .iter()
            .filter(|a| {
                a.claims
                    .iter()
                    .any(|r| claim(&d, *r).quantity.unit.is_some())
            })
            .collect();
        assert_eq!(sizes.len(), 1, "{sizes:#?}");
        assert_eq!(sizes[0].claims.len() + sizes[0].restatements.len(), 4);
        // Two different things of one size are never folded.
        let d = docs(&[
            "The 14-inch Zephyr Pro costs more. A 14-inch screen is standard.",
            "The 14-inch Zephyr Pro costs more.",
        ]);
        let al = align(&d);
        let mine: usize = al
            .iter()
            .map(|a| {
                a.claims
                    .iter()
                    .chain(&a.restatements)
                    .filter(|r| r.source == 0)
                    .count()
            })
            .sum();
        assert_eq!(mine, 2, "{al:#?}");
    }

    #[test]
    fn two_estimates_of_one_report_are_two_claims() {
        let d = docs(&[
            "About 800 people died in the floods in the north on Monday, officials said. By \
             Friday about 950 people had died in the floods in the north, officials said.",
            "Officials said about 950 people had died in the floods in the north.",
        ]);
        for a in align(&d) {
            let mine: Vec<_> = a
                .claims
                .iter()
                .chain(&a.restatements)
                .filter(|r| r.source == 0)
                .map(|r| claim(&d, *r).quantity.value)
                .collect();
            assert!(mine.windows(2).all(|w| w[0] == w[1]), "{mine:?}");
        }
    }

    #[test]
    fn a_result_seen_from_either_side_is_one_fact() {
        let d = docs(&[
            "The Hawks sealed a 27-20 victory over the Owls on Sunday.",
            "The Owls slumped to a 27-20 defeat against the Hawks on Sunday.",
        ]);
        assert!(ruled_out(&d).is_empty(), "{:?}", ruled_out(&d));
        assert_eq!(multi(&align(&d)).len(), 1);
    }

    #[test]
    fn ordinals_align_on_what_they_rank() {
        let d = docs(&[
            "It was the second strike this year.",
            "Workers staged the third strike this year.",
        ]);
        let m = multi(&align(&d));
        assert_eq!(m.len(), 1, "{m:?}");
    }

    #[test]
    fn equal_heads_skip_jaro_winkler_without_changing_the_score() {
        for h in ["", "people", "protesters"] {
            assert_eq!(strsim::jaro_winkler(h, h), 1.0, "{h:?}");
        }
    }

    #[test]
    fn many_sources_never_put_two_claims_of_one_source_in_a_group() {
        // 60 sources, each with two death tolls: every group stays one claim per source, and
        // every amount claim lands in exactly one alignment.
        let texts: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "{} people died on Monday. By Tuesday {} people had died.",
                    30 + i % 3,
                    60 + i % 4
                )
            })
            .collect();
        let d = docs(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        let al = align(&d);
        let mut seen = HashSet::default();
        for a in &al {
            let sources: HashSet<usize> = a.claims.iter().map(|r| r.source).collect();
            assert_eq!(sources.len(), a.claims.len(), "{a:?}");
            for r in a.claims.iter().chain(&a.restatements) {
                assert!(seen.insert(*r), "{r:?} twice");
            }
        }
        assert_eq!(seen.len(), 120);
        assert!(
            al.iter().any(|a| a.claims.len() >= 20),
            "groups span sources: {:?}",
            al.iter().map(|a| a.claims.len()).collect::<Vec<_>>()
        );
    }

    #[test]
    fn identifiers_are_never_aligned_and_years_only_with_their_like() {
        let d = docs(&[
            "In 2019, under Article 159, 20 people were held.",
            "In 2019, under Article 159, 25 people were held.",
        ]);
        let al = align(&d);
        assert!(al.iter().all(|a| a
            .claims
            .iter()
            .all(|r| claim(&d, *r).quantity.kind != crate::extract::QuantityKind::Identifier)));
        // The year of one event in both reports is one fact; so is the count of people held.
        let m = multi(&al);
        assert_eq!(m.len(), 2, "{m:?}");
        // Counts anchored to different years are two facts (the years themselves may be one
        // fact reported two ways).
        let d = docs(&[
            "In 2009, police held 20 people in a raid.",
            "In 2011, police held 25 people in a raid.",
        ]);
        for g in multi(&align(&d)) {
            assert!(g
                .iter()
                .all(|r| claim(&d, *r).quantity.kind == crate::extract::QuantityKind::Year));
        }
    }
}
