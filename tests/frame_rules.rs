//! Rule tables for what a figure states (issue 13): the verb a figure's noun governs across a
//! phrase that modifies it, and the comparisons that decide whether two figures of one fact
//! agree (dates by their parts, two bounds or two approximations by what they state). Every
//! sentence is our own.

mod common;

use corroborate::extract::{claims_in_sentence, Claim, Detail};
use corroborate::interval::{relate, Relation};

fn claims(s: &str) -> Vec<Claim> {
    claims_in_sentence(s, 0, 0..s.len(), Detail::Full)
}

/// The claim whose figure is written `figure`, or a panic listing what was read.
fn claim<'a>(s: &str, all: &'a [Claim], figure: &str) -> &'a Claim {
    all.iter()
        .find(|c| &s[c.quantity.span.clone()] == figure)
        .unwrap_or_else(|| {
            let got: Vec<&str> = all.iter().map(|c| &s[c.quantity.span.clone()]).collect();
            panic!("{s:?}: no figure {figure:?} among {got:?}")
        })
}

/// Asserts what `read` takes from the claim of `figure` in `s`.
fn assert_slot(s: &str, figure: &str, read: fn(&Claim) -> Option<&str>, want: Option<&str>) {
    let all = claims(s);
    assert_eq!(read(claim(s, &all, figure)), want, "{s}: {figure}");
}

fn predicate_head(c: &Claim) -> Option<&str> {
    c.predicate.as_ref().map(|p| p.head.as_str())
}

fn measure_label(c: &Claim) -> Option<&str> {
    c.measure.as_ref().map(|m| m.label.as_str())
}

fn counted_head(c: &Claim) -> Option<&str> {
    c.counted.as_ref().map(|k| k.head.as_str())
}

/// `verb!(name: "sentence" => "figure", Some("head verb") | None;)`: the figure's predicate.
macro_rules! verb {
    ($($name:ident: $s:expr => $fig:expr, $verb:expr;)*) => {
        $(#[test] fn $name() {
            assert_slot($s, $fig, predicate_head, $verb);
        })*
    };
}

verb! {
    // Past the verb's own object: a pronoun or a name.
    past_a_pronoun_object: "The judge jailed him for nine years." => "nine years", Some("jailed");
    past_a_named_object: "A court sentenced Ana Ruiz to 12 years." => "12 years", Some("sentenced");
    across_a_place_of_origin: "Seven climbers from three countries died on the ridge." => "Seven", Some("died");
    the_figure_inside_is_no_subject: "Seven climbers from three countries died on the ridge." => "three", None;
    across_a_vehicle: "Two women in a taxi were injured by the blast." => "Two", Some("injured");
    across_a_building: "Forty workers at the depot were laid off." => "Forty", Some("laid");
    across_a_modifier_with_a_name: "Twelve fans from Leeds were arrested." => "Twelve", Some("arrested");
    an_irregular_participle_before_it: "The hiker had fallen some 300 metres into the gorge." => "some 300 metres", Some("fallen");
    a_participle_after_an_auxiliary: "The index has risen 40 points since May." => "40", Some("risen");
    a_noun_that_is_also_a_past_form_is_no_verb: "He moved the 20 tonnes of ground." => "20 tonnes", None;
    a_relative_clause_is_another_verb: "Ten pupils in the class who were tested fell ill." => "Ten", None;
}

/// `measure!(name: "sentence" => "figure", "measure label";)`: what the figure measures.
macro_rules! measure {
    ($($name:ident: $s:expr => $fig:expr, $label:expr;)*) => {
        $(#[test] fn $name() {
            assert_slot($s, $fig, measure_label, Some($label));
        })*
    };
}

/// A time of day is measured by what was done then, never by the place named before it.
#[test]
fn a_time_takes_no_measure_from_a_place() {
    assert_slot(
        "The crew got back to the houses at 5am.",
        "5am",
        measure_label,
        None,
    );
    assert_slot("Officers arrested him at 5am.", "5am", measure_label, None);
    assert_slot(
        "Four men were arrested at 5am.",
        "Four",
        measure_label,
        Some("arrests"),
    );
}

measure! {
    // A length after the verb's object is what the verb did.
    jailed_past_the_object: "The judge jailed her for nine years." => "nine years", "prison sentence";
    jailed_past_a_named_object: "The judge jailed Ana Ruiz for nine years." => "nine years", "prison sentence";
    // `by` before a figure gives a gap, unless people follow: they are who did it.
    // What was bought for a sum may be named with commas (`Lyon, France-based`).
    price_past_a_named_object: "The group agreed to buy Lyon, France-based Ortex for about $2.1 billion." => "about $2.1 billion", "price and value";
    by_a_margin: "She won the seat by 900 votes." => "900", "margin";
    by_a_rise: "Fares rose by 4% in May." => "4%", "margin";
    by_people_is_no_margin: "The final was watched by 3.2m people." => "3.2m", "people";
    // Ways of dying are deaths.
    drowned: "Four fishermen drowned off the cape." => "Four", "deaths";
    were_slain: "Two guards were slain at the gate." => "Two", "deaths";
    executed: "The gunman executed two of the hostages." => "two", "deaths";
    officers_are_police: "The city sent 60 officers to the match." => "60", "police officers";
    // A term in prison is a sentence; prisons counted are places.
    years_in_prison: "The judge gave him 15 years in prison." => "15 years", "prison sentence";
    jailed_for: "She was jailed for eight years." => "eight years", "prison sentence";
    prisons_counted: "Five prisons stopped searching visitors." => "Five", "prisons";
    // A verb of a class shares its stem with nouns that are none of it: a round of a
    // contest, the prosecution's witness, a test.
    rounded_up: "Forty men were rounded up overnight." => "Forty", "arrests";
    a_round_is_no_arrest: "The club lost in the first round." => "first", "round";
    // A rank by a superlative ranks what follows it; an adverb after it is nothing counted.
    rank_by_superlative: "It was the third-largest opening weekend ever." => "third", "weekend";
    rank_of_a_win_total: "He had the fourth-highest win total in team history." => "fourth", "wins and titles";
    // After a name, a word in -s before an article or particle is the name's verb.
    name_then_verb: "The 14-inch Zephyr Pro includes a larger battery." => "14-inch", "pro";
    name_then_plural: "He posed with two UNC students when the ball hit." => "two", "students";
    prosecution_witness: "The prosecution's first witness was a nurse." => "first", "witness";
    deaths_across_a_modifier: "Seven climbers from three countries died on the ridge." => "Seven", "deaths";
    deaths_of_men_in_a_van: "Two men in a car were shot dead at the junction." => "Two", "deaths";
    a_condition_is_its_own_measure: "Four others were in serious condition on Monday night." => "Four", "in serious or critical condition";
    critical_condition_too: "Three people remain in critical condition." => "Three", "in serious or critical condition";
    others_after_a_toll_are_not_deaths: "Five were killed and 12 others were wounded." => "12", "injured";
    a_part_counts_what_its_possessed_whole_counts: "Ada scored six of the club's first ten goals." => "six", "goals";
    a_parent_of_n_counts_children: "Mara Quinn, a mother of 11, was treated for cuts." => "11", "people";
    a_part_is_what_is_said_of_it: "Nine of the 40 injured were still in hospital." => "Nine", "in hospital";
    a_part_of_the_injured_who_died: "Three of the 12 wounded later died." => "Three", "deaths";
    the_whole_is_what_its_noun_names: "Nine of the 40 injured were still in hospital." => "40", "injured";
    a_part_with_nothing_said_keeps_the_noun: "Six of the 30 dead were pupils." => "Six", "deaths";
    the_verb_is_said_of_the_parent: "The father of four was badly hurt." => "four", "people";
    // A sum after `for` prices what the money verb before the object names.
    // Admitted is a hospital only with the hospital named; alone it is a confession.
    admitted_to_hospital: "Nine people were admitted to hospital overnight." => "Nine", "in hospital";
    price_of_a_purchase: "The group agreed to buy rival brewer Hopfield for $2.1 billion." => "$2.1 billion", "price and value";
    price_paid_in_cash_and_shares: "Velo bought Sprocket for around $1.2 billion in cash and shares." => "around $1.2 billion", "price and value";
    price_across_a_compound: "Orlan will acquire the Danish lock-maker for about $900 million." => "about $900 million", "price and value";
    // Every form of a change verb is the change: `fell` and `has fallen`, `rose` and `has risen`.
    fell_is_a_fall: "The diver fell about 40 metres down the shaft." => "about 40 metres", "decrease";
    fallen_is_a_fall_too: "The diver had fallen some 45 metres down the shaft." => "some 45 metres", "decrease";
    risen_is_a_rise: "Rents have risen 12% since spring." => "12%", "increase";
}

/// An age belongs to a person: what the person's verb does to something else (falling,
/// rising) is never what the age measures.
#[test]
fn an_age_is_no_change() {
    let s = "A man in his late 40s fell 30 metres from the ledge.";
    assert_slot(s, "late 40s", measure_label, None);
    assert_slot(s, "30 metres", measure_label, Some("decrease"));
    assert_slot("Ines, 52, rose to speak.", "52", measure_label, None);
}

#[test]
fn a_sum_is_no_count_of_people() {
    // The verb's class counts people; the sum it governs is money, its share may be people.
    let s = "The club completed the transfer for a fee of £42 million.";
    assert_slot(s, "£42 million", measure_label, None);
    let s = "Around 30% of the nurses walked out.";
    assert_slot(s, "Around 30%", measure_label, Some("strikers"));
}

#[test]
fn a_figure_with_a_verb_of_its_own_takes_no_neighbours_measure() {
    // The sentence's other figure is injured; `sedated two` says what happened to these two.
    let s = "The keeper sedated two of them with a dart and badly injured a third.";
    assert_slot(s, "two", measure_label, None);
    assert_slot(s, "a third", measure_label, Some("injured"));
    // What is said of a part named by `of them` ends where another clause joins.
    let s = "Medics treated 40 of them overnight and moved the rest into intensive care.";
    assert_slot(s, "40", measure_label, None);
}

/// `counted!(name: "sentence" => "figure", Some("head") | None;)`: the head of what it counts.
macro_rules! counted {
    ($($name:ident: $s:expr => $fig:expr, $head:expr;)*) => {
        $(#[test] fn $name() {
            assert_slot($s, $fig, counted_head, $head);
        })*
    };
}

counted! {
    a_model_code_in_the_phrase: "Troops seized nine AK-47 rifles." => "nine", Some("rifles");
    a_glued_model_code: "Guards found 11 M16 carbines in the van." => "11", Some("carbines");
    a_compound_with_a_participle: "The firm sealed a $2bn cash-funded takeover." => "$2bn", Some("takeover");
    a_spaced_model_code: "Guards found four AK 74 carbines in the van." => "four", Some("carbines");
    other_before_the_noun: "The blast killed two guards and left three other employees wounded." => "three", Some("employees");
    // A bare age belongs to the common noun it describes.
    age_of_the_noun_before: "The victim, who was in her 60s, died." => "60s", Some("victim");
    age_in_apposition: "Police said the driver, 36, fled." => "36", Some("driver");
    age_after_a_name: "Ann Ortiz, 36, fled." => "36", None;
    // An adverb before a participle qualifies it: the noun after them is counted.
    an_adverb_before_a_participle: "Sailors held 19 heavily armed raiders." => "19", Some("raiders");
    // A measurement in a named place is not of the place; in a common one it is.
    years_in_a_city: "He wants to spend the next six years in Denver." => "six years", None;
    years_in_prison_stays: "She spent six years in prison." => "six years", Some("prison");
    // A grade inside the phrase is a modifier, not another figure that ends it.
    a_graded_charge: "She denies two first-degree arson charges." => "two", Some("charges");
    a_graded_count_is_no_time: "He admitted three second-degree assault counts." => "three", Some("counts");
    // A time after the figure ends what it counts.
    a_day_after_a_sum: "The firm was sold for $40 million yesterday." => "$40 million", None;
    a_month_after_an_age: "It killed 9-year-old Ana Ruiz last June." => "9-year-old", Some("ruiz");
    a_weekday_after_a_count: "Officers arrested 14 protesters Tuesday." => "14", Some("protesters");
    // A word that is never a noun describes the figure; it counts nothing.
    an_adverb_after_a_sum: "The singer was paid $2 million upfront for the tour." => "$2 million", None;
    apiece: "The two lamps sold for $400 apiece." => "$400", None;
    an_adjective_before_the_noun_stays: "Three masked riders crossed the border." => "Three", Some("riders");
    a_class_word_is_what_is_counted: "At least 40 injured reached the clinic." => "At least 40", Some("injured");
    a_property_is_what_a_percentage_measures: "The new filter is 95% effective against smoke." => "95%", Some("effective");
    // A count hyphenated to a noun before another counts the first.
    hyphenated_before_a_noun: "The county runs a 40-cell lockup." => "40", Some("cell");
    hyphenated_word_count: "They sold a four-bedroom farmhouse." => "four", Some("bedroom");
    hyphenated_how_often_is_no_thing: "Ruiz, a two-time Gold Glove winner, signed." => "two", None;
    // A woman outside a shop is a woman, not an `outside`.
    a_preposition_before_a_determiner_ends_it: "He struck a 70-year-old man outside the bank." => "70-year-old", Some("man");
}

#[test]
fn a_part_of_what_was_named_takes_no_neighbours_measure() {
    // The form letters are some of the comments, not the comments received.
    let s = "The office received 91,000 comments, at least 80,000 of which were form letters.";
    assert_slot(s, "91,000", measure_label, Some("comments"));
    assert_slot(s, "at least 80,000", measure_label, None);
    // Released detainees are not the arrests.
    let s = "Police detained 120 fans, 70 of them overnight only.";
    assert_slot(s, "120", measure_label, Some("arrests"));
    assert_slot(s, "70", measure_label, None);
}

#[test]
fn a_parent_word_counts_children_and_keeps_the_verb() {
    let s = "Mara Quinn, a mother of 11, was treated for cuts.";
    let all = claims(s);
    let c = claim(s, &all, "11");
    assert_eq!(
        c.counted.as_ref().map(|c| c.head.as_str()),
        Some("children")
    );
    assert!(c.predicate.is_none(), "{:?}", c.predicate);
    // A name after the figure is whose children they are; a noun after it is what is counted.
    let s = "Mother of 11 Mara Quinn was treated for cuts.";
    let all = claims(s);
    let c = claim(s, &all, "11");
    assert_eq!(
        c.counted.as_ref().map(|c| c.head.as_str()),
        Some("children")
    );
    let s = "She is the mother of two sons.";
    let all = claims(s);
    let c = claim(s, &all, "two");
    assert_eq!(c.counted.as_ref().map(|c| c.head.as_str()), Some("sons"));
}

/// The quantity of a one-figure sentence.
fn one(s: &str) -> corroborate::Quantity {
    let all = claims(s);
    assert_eq!(all.len(), 1, "{s}: {} figures", all.len());
    all[0].quantity.clone()
}

/// `relation!(name: "a", "b" => Relation;)`, both ways round.
macro_rules! relation {
    ($($name:ident: $a:expr, $b:expr => $rel:ident;)*) => {
        $(#[test] fn $name() {
            let (a, b) = (one($a), one($b));
            assert_eq!(relate(&a, &b), Relation::$rel, "{} vs {}", $a, $b);
            assert_eq!(relate(&b, &a), Relation::$rel, "{} vs {}", $b, $a);
        })*
    };
}

relation! {
    dates_of_different_days: "The vote was held on March 3, 2019.", "The vote was held on June 9, 2019." => Conflict;
    dates_of_different_years: "The bridge opened on 4 July 1998.", "The bridge opened on 4 July 1999." => Conflict;
    a_date_with_and_without_its_year: "The trial opens on September 14.", "The trial opens on September 14, 2021." => Compatible;
    one_date_twice: "She was born on 2 February 1960.", "She was born on February 2, 1960." => Compatible;
    two_ceilings_far_apart: "The tablet holds up to 64GB of photos.", "The tablet holds up to 128GB of photos." => Strained;
    two_ceilings_alike: "The ferry carries up to 500 passengers.", "The ferry carries up to 480 passengers." => Compatible;
    two_deadlines: "The blaze was out by 7 a.m.", "The blaze was out by 6:40 a.m." => Compatible;
    a_deadline_met_at_a_time: "The blaze was out by 7 a.m.", "The blaze was put out at 6:40 a.m." => Compatible;
    a_deadline_missed: "The blaze was out by 6 a.m.", "The blaze was put out at 7:40 a.m." => Conflict;
    a_deadline_is_no_time_hours_before: "The blaze broke out at 3:30 a.m.", "The blaze was out by 6:40 a.m." => Strained;
    shortly_after_is_within_the_hour: "The alarm came shortly after 3:30 a.m.", "The alarm came at 3:42 a.m." => Compatible;
    shortly_after_is_not_hours_later: "The alarm came shortly after 3:30 a.m.", "The alarm came at 5:10 a.m." => Strained;
    two_floors_far_apart: "At least 40 homes were flooded.", "At least 90 homes were flooded." => Strained;
    two_floors_alike: "More than 200 people signed the letter.", "At least 205 people signed the letter." => Compatible;
    two_estimates_far_apart: "The march drew about 800 people.", "The march drew some 950 people." => Strained;
    two_estimates_alike: "The march drew about 800 people.", "The march drew roughly 820 people." => Compatible;
    an_estimate_and_a_count: "The march drew about 800 people.", "The march drew 850 people." => Compatible;
}

relation! {
    an_abbreviated_month: "The vote was held on Mar. 5, 2020.", "The vote was held on April 5, 2020." => Conflict;
    a_month_abbreviated_either_way: "Filing closes on Sept. 30, 2022.", "Filing closes on September 30, 2022." => Compatible;
    numeric_dates_in_digits: "The law took effect on 2019-07-01.", "The law took effect on 2019-08-01." => Conflict;
    adjacent_seasons_differ: "He signed through the 2011-12 season.", "He signed through the 2012-13 season." => Conflict;
    one_season_twice: "It was his best year, the 2011-12 season.", "His best year was 2011-12." => Compatible;
    a_season_across_a_century: "He joined in the 1999-00 season.", "He joined in the 2000-01 season." => Conflict;
    an_impossible_month_is_no_part: "The code 45.67.2019 was printed on it.", "The code 12.05.2019 was printed on it." => Compatible;
}

/// The kinds of finding three reports give, one sentence each.
fn kinds_of_three(a: &str, b: &str, c: &str) -> Vec<(corroborate::judge::FindingKind, usize)> {
    common::compare_texts(&[a, b, c])
        .findings
        .iter()
        .map(|f| (f.kind, f.claims.len()))
        .collect()
}

#[test]
fn three_dates_of_which_two_years_differ_do_not_agree() {
    use corroborate::judge::FindingKind;
    let kinds = kinds_of_three(
        "The trial opens on September 14.",
        "The trial opens on September 14, 2021.",
        "The trial opens on September 14, 2020.",
    );
    assert!(
        !kinds.contains(&(FindingKind::Agreement, 3)),
        "two years cannot both be right: {kinds:?}"
    );
}

#[test]
fn a_third_report_does_not_reconcile_two_ceilings() {
    use corroborate::judge::FindingKind;
    let kinds = kinds_of_three(
        "The laptop takes up to 8GB of memory.",
        "The laptop takes up to 16GB of memory.",
        "The laptop takes 8GB of memory.",
    );
    assert!(
        !kinds.contains(&(FindingKind::Agreement, 3)),
        "up to 8GB and up to 16GB still differ: {kinds:?}"
    );
}

#[test]
fn admitting_a_lie_is_no_hospital() {
    let s = "The witness twice admitted he lied.";
    let all = claims(s);
    let c = claim(s, &all, "twice");
    assert_ne!(
        c.measure.as_ref().map(|m| m.label.as_str()),
        Some("in hospital")
    );
}

fn subset_key(c: &Claim) -> Option<&str> {
    c.frame.subset.as_ref().map(|s| s.key.as_str())
}

macro_rules! subset {
    ($($name:ident: $s:expr => $fig:expr, $key:expr;)*) => {
        $(#[test] fn $name() {
            assert_slot($s, $fig, subset_key, $key);
        })*
    };
}

subset! {
    // `by` right after a figure, or after what it counts, picks a part of a total.
    by_how_after_the_figure: "Ruiz has 44 wins, 30 by knockout." => "30", Some("knockout");
    by_way_of_after_the_thing: "Ruiz has 30 wins coming by way of stoppage." => "30", Some("stoppage");
    by_whom: "The side scored five goals, two by Ortiz." => "two", Some("ortiz");
    // A deadline, an article or a comparison picks none.
    by_a_day: "The firm cut 40 jobs by Friday." => "40", None;
    by_a_month: "The firm will hire 300 staff by March." => "300", None;
    by_the_end: "The firm cut 40 jobs by the end of the year." => "40", None;
    by_far: "It sold 12 million copies, by far the most." => "12 million", None;
    by_then: "Some 900 people had fled by then." => "Some 900", None;
    by_a_year: "The city wants 5,000 new homes by 2030." => "5,000", None;
    by_a_part_of_the_day: "Crews had the blaze 40 percent contained by evening." => "40 percent", None;
    // A gerund alone after what is counted says which of them.
    gerund_after_the_thing: "He had 90 yards and two touchdowns receiving." => "two", Some("receiving");
    gerund_after_a_unit: "She ran for 120 yards rushing, a record." => "120 yards", Some("rushing");
    gerund_with_words_after_it: "Over 300 people working in the call centres were held." => "Over 300", None;
    a_state_is_its_own_measure: "Rescuers said three people missing." => "three", None;
}

/// A part or whole that names nothing takes no neighbour's measure.
#[test]
fn an_unnamed_part_shares_no_measure() {
    let s = "Ruiz was 12 of 30 for 140 yards with three interceptions.";
    assert_slot(s, "12", measure_label, None);
    assert_slot(s, "30", measure_label, None);
    assert_slot(s, "three", measure_label, Some("interceptions"));
}

/// An -ing word right after a measurement describes it: it neither is counted nor measures it.
#[test]
fn a_participle_after_a_measurement_describes_it() {
    let s = "He sacked four aides in the nine months leading up to the vote.";
    assert_slot(s, "nine months", measure_label, None);
    assert_slot(s, "nine months", counted_head, None);
}

/// An office is no officer: a word matched by its stem must not catch another word.
#[test]
fn an_office_is_no_officer() {
    let s = "She promised action within the first 100 days of office.";
    assert_ne!(
        measure_label(claim(s, &claims(s), "100 days")),
        Some("police officers")
    );
}

/// A class word matched by its stem must not catch a word of another meaning: the living are
/// no deaths (`lives`), a state no country, a position no job.
#[test]
fn stems_do_not_catch_other_words() {
    let s = "About 300 people living near the plant were evacuated.";
    assert_ne!(
        measure_label(claim(s, &claims(s), "About 300")),
        Some("deaths")
    );
    let s = "The blast claimed 12 lives.";
    assert_eq!(measure_label(claim(s, &claims(s), "12")), Some("deaths"));
}

fn owner_key(c: &Claim) -> Option<&str> {
    c.frame.owner.as_ref().map(|o| o.key.as_str())
}

/// Figures listed before `respectively` belong, in order, to the names listed before them.
#[test]
fn respectively_gives_each_figure_its_own_owner() {
    let s = "The club kept Okafor and Lindqvist for $40 million and $12 million, respectively.";
    assert_slot(s, "$40 million", owner_key, Some("okafor"));
    assert_slot(s, "$12 million", owner_key, Some("lindqvist"));
    let s = "Tanaka, Ruiz and Bell scored 12, 9 and 4 points respectively.";
    assert_slot(s, "12", owner_key, Some("tanaka"));
    assert_slot(s, "9", owner_key, Some("ruiz"));
    assert_slot(s, "4", owner_key, Some("bell"));
    // Ages after a comma.
    let s = "The victims were Ann and Eva Ortiz, 58 and 20 respectively.";
    assert_slot(s, "58", owner_key, Some("ann"));
    assert_slot(s, "20", owner_key, Some("ortiz"));
    // As many names as figures, or the list gives none of them.
    let s = "Kay, Okafor and Lindqvist got $40 million and $12 million, respectively.";
    let all = claims(s);
    assert_ne!(
        owner_key(claim(s, &all, "$40 million")),
        Some("okafor"),
        "{s}"
    );
}

#[test]
fn respectively_after_another_owned_figure() {
    let s = "The club signed Dane Holt to a $50 million deal and kept Okafor and Lindqvist for $40 million and $12 million, respectively.";
    assert_slot(s, "$50 million", owner_key, Some("holt"));
    assert_slot(s, "$40 million", owner_key, Some("okafor"));
    assert_slot(s, "$12 million", owner_key, Some("lindqvist"));
}
