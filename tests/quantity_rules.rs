//! Rule tables for how figures are read from news as outlets write them (issue 14): zero
//! counts, financial and British forms, parts of wholes, vague ranges and decades, scores and
//! records, and the noise that must never become a claim. Each row is a sentence of our own
//! and what must (or must not) be read from it.

use corroborate::extract::quantity::find;
use corroborate::extract::token::tokenize;
use corroborate::extract::{claims_in_sentence, Detail, HedgeKind, Quantity, QuantityKind};

fn quantities(s: &str) -> Vec<Quantity> {
    find(s, &tokenize(s, 0))
}

/// The quantity whose text is `figure`, or a panic listing what was read.
fn read<'a>(s: &str, all: &'a [Quantity], figure: &str) -> &'a Quantity {
    all.iter()
        .find(|q| &s[q.span.clone()] == figure)
        .unwrap_or_else(|| {
            let got: Vec<&str> = all.iter().map(|q| &s[q.span.clone()]).collect();
            panic!("{s:?}: no quantity {figure:?} among {got:?}")
        })
}

/// The kind the figure `figure` of sentence `s` is read as.
fn kind_of(s: &str, figure: &str) -> QuantityKind {
    read(s, &quantities(s), figure).kind
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(1.0),
        _ => false,
    }
}

/// `reads!(name: "sentence" => "figure", Kind, value, low, high;)`: the figure is read with
/// that kind, value and bounds.
macro_rules! reads {
    ($($name:ident: $s:expr => $fig:expr, $kind:ident, $v:expr, $lo:expr, $hi:expr;)*) => {
        $(#[test] fn $name() {
            let all = quantities($s);
            let q = read($s, &all, $fig);
            assert_eq!(q.kind, QuantityKind::$kind, "{}: {:?}", $s, q);
            let (v, lo, hi): (Option<f64>, Option<f64>, Option<f64>) = ($v, $lo, $hi);
            assert!(close(q.value, v) && close(q.low, lo) && close(q.high, hi),
                "{}: {:?} {:?} {:?} wanted {:?} {:?} {:?}", $s, q.value, q.low, q.high, v, lo, hi);
        })*
    };
}

/// `never!(name: "sentence" => ["text", …];)`: no amount is read whose text contains any of
/// these (a quantity typed as not an amount — year, date, identifier… — is allowed).
macro_rules! never_an_amount {
    ($($name:ident: $s:expr => [$($fig:expr),*];)*) => {
        $(#[test] fn $name() {
            for q in quantities($s) {
                let text = &$s[q.span.clone()];
                for fig in [$($fig),*] {
                    assert!(!(text.contains(fig) && q.kind.is_amount()),
                        "{}: {:?} read as {:?} {:?}", $s, text, q.kind, q.value);
                }
            }
        })*
    };
}

// Zero and negation are figures: counts of 0 that contradict "at least 7 dead".
reads! {
    // A grade joined to an ordinal names a kind of charge or injury: it ranks nothing.
    grade_of_a_charge: "The driver was charged with first-degree arson." => "first", Identifier, Some(1.0), Some(1.0), Some(1.0);
    grade_of_burns: "Two firefighters suffered third-degree burns." => "third", Identifier, Some(3.0), Some(3.0), Some(3.0);
    grade_of_an_hour: "The board signed an 11th-hour deal." => "11th", Identifier, Some(11.0), Some(11.0), Some(11.0);
    a_rank_by_a_superlative_stays: "It is the second-largest port." => "second", Ordinal, Some(2.0), Some(2.0), Some(2.0);
    zero_nobody: "Nobody was killed in the blast." => "Nobody", Count, Some(0.0), Some(0.0), Some(0.0);
    zero_no_one_hyphen: "No-one was injured, officials said." => "No-one", Count, Some(0.0), Some(0.0), Some(0.0);
    zero_no_plural: "There were no arrests at the rally." => "no", Count, Some(0.0), Some(0.0), Some(0.0);
    zero_no_dead: "The army reported no dead or wounded." => "no", Count, Some(0.0), Some(0.0), Some(0.0);
    zero_reports_of: "There were no immediate reports of casualties." => "no immediate reports of", Count, Some(0.0), Some(0.0), Some(0.0);
    zero_serious: "Police said there were no serious injuries." => "no serious", Count, Some(0.0), Some(0.0), Some(0.0);
    zero_none_of: "None of the 40 miners survived." => "None", Count, Some(0.0), Some(0.0), Some(0.0);
    zero_none_of_whole: "None of the 40 miners survived." => "40", Count, Some(40.0), Some(40.0), Some(40.0);
    zero_none_verb: "Rescuers found six people; none were hurt." => "none", Count, Some(0.0), Some(0.0), Some(0.0);
    zero_not_a_single: "Not a single shot was fired." => "Not a single", Count, Some(0.0), Some(0.0), Some(0.0);
    zero_not_one: "Not one of the ferry's passengers drowned." => "Not one", Count, Some(0.0), Some(0.0), Some(0.0);
    zero_word: "Zero deaths were recorded this year." => "Zero", Count, Some(0.0), Some(0.0), Some(0.0);
}

#[test]
fn zero_counts_that_are_not() {
    for s in [
        "None of this changes the plan.",
        "There is no doubt about it.",
        "She said no to the offer.",
        "No more than 30 people came.",
    ] {
        let zeros: Vec<String> = quantities(s)
            .iter()
            .filter(|q| q.value == Some(0.0))
            .map(|q| s[q.span.clone()].to_string())
            .collect();
        assert!(zeros.is_empty(), "{s}: {zeros:?}");
    }
    let part = quantities("None of the 40 miners survived.");
    assert_eq!(part[0].whole, Some(40.0), "{part:?}");
}

// Financial and British forms.
reads! {
    british_pc: "Shares rose 1.2pc in early trading." => "1.2pc", Percent, Some(1.2), Some(1.2), Some(1.2);
    a_count_after_a_calling_verb: "The defence called 12 witnesses." => "12", Count, Some(12.0), Some(12.0), Some(12.0);
    a_grouped_count_after_a_calling_verb: "The union called 1,500 members out." => "1,500", Count, Some(1500.0), Some(1500.0), Some(1500.0);
    ranked_threshold: "It was his third career 200-yard game." => "200-yard", Measure, Some(200.0), Some(200.0), None;
    ranked_threshold_count: "She scored in her fifth 30-goal season." => "30", Count, Some(30.0), Some(30.0), None;
    ranked_threshold_listed: "It was her sixth straight 20-goal, 50-point season." => "50", Count, Some(50.0), Some(50.0), None;
    ranked_threshold_listed_with_and: "It was her sixth 20-goal and 50-point season." => "50", Count, Some(50.0), Some(50.0), None;
    unranked_list_stays_exact: "It was a 20-goal, 50-point season." => "50", Count, Some(50.0), Some(50.0), Some(50.0);
    an_ordinal_that_ranks: "It was the first goal of the season." => "first", Ordinal, Some(1.0), Some(1.0), Some(1.0);
    title_case_headline_count: "Storm Leaves Five Dead In Texas" => "Five", Count, Some(5.0), Some(5.0), Some(5.0);
    spaced_inch_mark_before_a_size_word: "The blade is 10 \" long." => "10 \"", Measure, Some(10.0), Some(10.0), Some(10.0);
    feet_and_weak_inches: "The rod is 12 ft 2 in more or less." => "12 ft 2 in", Measure, Some(12.0 + 2.0 / 12.0), Some(12.0 + 2.0 / 12.0), Some(12.0 + 2.0 / 12.0);
    megapixels: "It has a 3.2-megapixel camera." => "3.2-megapixel", Measure, Some(3.2), Some(3.2), Some(3.2);
    calibre: "He carried a .45-caliber pistol." => ".45-caliber", Measure, Some(0.45), Some(0.45), Some(0.45);
    british_pc_stake: "It bought a 15pc stake in the bank." => "15pc", Percent, Some(15.0), Some(15.0), Some(15.0);
    fold_word: "Exports grew fourfold in a decade." => "fourfold", Multiplier, Some(4.0), Some(4.0), Some(4.0);
    fold_rise: "It was a tenfold rise in cases." => "tenfold", Multiplier, Some(10.0), Some(10.0), Some(10.0);
    fold_hyphen: "Profits rose three-fold." => "three-fold", Multiplier, Some(3.0), Some(3.0), Some(3.0);
    dollar_us: "The fund raised $US40 billion last year." => "$US40 billion", Money, Some(4e10), Some(4e10), Some(4e10);
    dollar_hk: "The deal is worth HK$2.1bn to the group." => "HK$2.1bn", Money, Some(2.1e9), Some(2.1e9), Some(2.1e9);
    dollar_au: "Sales reached $A3.5 million." => "$A3.5 million", Money, Some(3.5e6), Some(3.5e6), Some(3.5e6);
    pound_golden_hello: "He got a £4m golden hello." => "£4m", Money, Some(4e6), Some(4e6), Some(4e6);
    change_then_level_change: "The index gained 0.4 percent to 7,215.30." => "0.4 percent", Percent, Some(0.4), Some(0.4), Some(0.4);
    change_then_level_level: "The index gained 0.4 percent to 7,215.30." => "7,215.30", Count, Some(7215.3), Some(7215.3), Some(7215.3);
    gigahertz: "It runs a 2.4GHz chip." => "2.4GHz", Measure, Some(2.4), Some(2.4), Some(2.4);
    fell_from_to_first: "Gold fell from $1,820 to $1,760 an ounce." => "$1,820", Money, Some(1820.0), Some(1820.0), Some(1820.0);
    shared_unit_range: "Rents are 5% to 10% higher than last year." => "5% to 10%", Percent, None, Some(5.0), Some(10.0);
    change_from_to_is_two: "Rents rose from 5% to 10% a year." => "10%", Percent, Some(10.0), Some(10.0), Some(10.0);
}

#[test]
fn inch_marks_and_plural_symbols_are_units() {
    let unit = |s: &str, fig: &str| {
        let all = quantities(s);
        read(s, &all, fig).unit.clone().map(|u| u.name.to_string())
    };
    let inch = Some("inch".to_string());
    assert_eq!(unit("It has a 13\" screen.", "13\""), inch);
    assert_eq!(unit("It is thin (0.7\" at most).", "0.7\""), inch);
    assert_eq!(unit("A 15\u{2033} display.", "15\u{2033}"), inch);
    assert_eq!(unit("The 13\" model is 0.7\" thick.", "0.7\""), inch);
    // A quote that closes a quotation after a figure is no inch mark.
    let s = "She said \"the total was 42\" and left.";
    assert_eq!(unit(s, "42"), None);
    let gb = Some("gigabyte".to_string());
    assert_eq!(unit("It ships with 16GBs of memory.", "16GBs"), gb);
    assert_eq!(
        unit("It ships with 2 TBs of storage.", "2 TBs"),
        Some("terabyte".to_string())
    );
}

#[test]
fn a_pc_is_a_computer() {
    let all = quantities("The school bought 30 PC units.");
    assert!(
        all.iter().all(|q| q.kind != QuantityKind::Percent),
        "{all:?}"
    );
}

// Parts of wholes: the part and the whole are separate figures; the part knows its whole.
reads! {
    part_out_of: "He was convicted on 7 out of 9 charges." => "7", Count, Some(7.0), Some(7.0), Some(7.0);
    whole_out_of: "He was convicted on 7 out of 9 charges." => "9", Count, Some(9.0), Some(9.0), Some(9.0);
    part_of_the: "Two of the three suspects fled abroad." => "Two", Count, Some(2.0), Some(2.0), Some(2.0);
    whole_of_the: "Two of the three suspects fled abroad." => "three", Count, Some(3.0), Some(3.0), Some(3.0);
    part_one_of: "One of the 12 victims was a child." => "One", Count, Some(1.0), Some(1.0), Some(1.0);
    one_person_is_a_count: "One person died in the fire." => "One", Count, Some(1.0), Some(1.0), Some(1.0);
    times_after_a_verb_count: "The guard was struck 11 times." => "11", Count, Some(11.0), Some(11.0), Some(11.0);
    times_up_to_count: "The cell can be charged up to 500 times." => "up to 500", Count, Some(500.0), None, Some(500.0);
    times_the_standard_multiplies: "It lasts four times the usual span." => "four times", Multiplier, Some(4.0), Some(4.0), Some(4.0);
    times_as_many_multiplies: "There were six times as many cars." => "six times", Multiplier, Some(6.0), Some(6.0), Some(6.0);
    times_comparative_multiplies: "Rents are three times costlier here." => "three times", Multiplier, Some(3.0), Some(3.0), Some(3.0);
    rate_one_in: "One in five voters stayed at home." => "One in five", Count, Some(0.2), Some(0.2), Some(0.2);
    rate_out_of_ten: "Nine out of 10 doctors agreed." => "Nine out of 10", Count, Some(0.9), Some(0.9), Some(0.9);
    age_then: "Police said then-15-year-old Ortiz was at home." => "15-year-old", Age, Some(15.0), Some(15.0), Some(15.0);
    area_hyphenated: "The 4,200-square-metre depot burned down." => "4,200-square-metre", Measure, Some(4200.0), Some(4200.0), Some(4200.0);
    area_hyphenated_feet: "They sold a 1,900-square-foot flat." => "1,900-square-foot", Measure, Some(1900.0), Some(1900.0), Some(1900.0);
    gauge_of_a_gun: "Officers found a 20-gauge shotgun." => "20-gauge", Measure, Some(20.0), Some(20.0), Some(20.0);
    age_in_apposition_at_the_end: "Police named the victims as Ann Ortiz, 58, and Eva Ortiz, 20." => "20", Age, Some(20.0), Some(20.0), Some(20.0);
    age_shared_in_a_list: "The two men were 61 and 48 years old." => "61", Age, Some(61.0), Some(61.0), Some(61.0);
    address_by_block: "He was shot in the 2100 block of Vine Street." => "2100 block of Vine Street", Identifier, None, None, None;
    phone_spelt_in_letters: "Call 888-TIPS-24-7 with news." => "888-TIPS-24-7", Identifier, None, None, None;
    phone_three_letters_and_more: "Dial 555-ABC-1234 for tickets." => "555-ABC-1234", Identifier, None, None, None;
    // Three capitals alone after the hyphen are what the figure counts.
    three_capitals_counted: "It was his sixth straight 100-RBI season." => "100", Count, Some(100.0), Some(100.0), None;
    megawatts_are_no_magnitude: "A 20-MW solar plant opened." => "20-MW", Measure, Some(20.0), Some(20.0), Some(20.0);
    moment_magnitude: "A 5.8 Mw quake struck." => "5.8 Mw", Magnitude, Some(5.8), Some(5.8), Some(5.8);
    label_span: "Ruiz played again in Weeks 9-11." => "9-11", Identifier, None, Some(9.0), Some(11.0);
    a_headline_is_no_address: "Judge Sends 12 To Court" => "12", Count, Some(12.0), Some(12.0), Some(12.0);
    address_is_an_identifier: "The firm moved to 1600 Harbour Road last year." => "1600 Harbour Road", Identifier, None, None, None;
    age_stated: "She was 85." => "85", Age, Some(85.0), Some(85.0), Some(85.0);
    age_stated_in_a_clause: "Ortiz, who was 91 when he died, left four sons." => "91", Age, Some(91.0), Some(91.0), Some(91.0);
    a_toll_stated_is_no_age: "The toll was 85." => "85", Count, Some(85.0), Some(85.0), Some(85.0);
    a_lead_stated_is_no_age: "She was 12 points ahead." => "12", Count, Some(12.0), Some(12.0), Some(12.0);
    age_after_a_name_suffix: "Juan Ortiz Jr., 49, is in custody." => "49", Age, Some(49.0), Some(49.0), Some(49.0);
    age_at_death: "Film star Ann Ortiz dies at 88" => "88", Age, Some(88.0), Some(88.0), Some(88.0);
    age_at_death_after_a_day: "He died on Sunday at 77 after a long illness." => "77", Age, Some(77.0), Some(77.0), Some(77.0);
    age_at_death_passed_away: "She passed away at 90." => "90", Age, Some(90.0), Some(90.0), Some(90.0);
    a_count_after_died_at_is_none: "Two died at 14 sites." => "14", Count, Some(14.0), Some(14.0), Some(14.0);
    age_opening_the_sentence: "At 55, he is the oldest man to win." => "55", Age, Some(55.0), Some(55.0), Some(55.0);
    a_figure_opening_the_sentence_before_no_person_is_no_age: "At 9, the doors opened." => "9", Count, Some(9.0), Some(9.0), Some(9.0);
    age_after_a_common_noun: "Police said the driver, 36, fled." => "36", Age, Some(36.0), Some(36.0), Some(36.0);
    a_crowd_in_apposition_is_no_age: "The crowd, 500, cheered." => "500", Count, Some(500.0), Some(500.0), Some(500.0);
    magnitude_listed: "Two aftershocks, magnitude 3.1 and 2.7, followed." => "2.7", Magnitude, Some(2.7), Some(2.7), Some(2.7);
    ages_listed: "Police held three men, aged 19, 22 and 40, overnight." => "22", Age, Some(22.0), Some(22.0), Some(22.0);
    ages_listed_last: "Police held three men, aged 19, 22 and 40, overnight." => "40", Age, Some(40.0), Some(40.0), Some(40.0);
    a_count_after_an_age_stays: "The woman, aged 30, and 12 others were hurt." => "12", Count, Some(12.0), Some(12.0), Some(12.0);
    age_plural: "Police questioned two 15-year-olds." => "15-year-olds", Age, Some(15.0), Some(15.0), Some(15.0);
    rate_one_in_every: "One in every 400 tablets was faulty." => "One in every 400", Count, Some(0.0025), Some(0.0025), Some(0.0025);
    rate_one_in_each: "Water reached one in each ten homes." => "one in each ten", Count, Some(0.1), Some(0.1), Some(0.1);
}

#[test]
fn a_part_carries_its_whole() {
    for (s, part, whole) in [
        ("He was convicted on 7 out of 9 charges.", "7", 9.0),
        ("Two of the three suspects fled abroad.", "Two", 3.0),
        ("Five of its 12 branches closed.", "Five", 12.0),
        ("Ada scored six of the club's first ten goals.", "six", 10.0),
        ("They lost four of their last seven games.", "four", 7.0),
        // A plural owner with a bare apostrophe.
        ("Ana sat out 6 of the Hawks' 14 matches.", "6", 14.0),
        ("Ana sat out 6 of the Hawks\u{2019} 14 matches.", "6", 14.0),
    ] {
        let all = quantities(s);
        assert_eq!(read(s, &all, part).whole, Some(whole), "{s}");
    }
    let all = quantities("One in five voters stayed at home.");
    assert_eq!(all.len(), 1, "a rate is one figure: {all:?}");
}

#[test]
fn the_whole_is_marked_as_the_set() {
    for (s, part, whole) in [
        ("Two of the three suspects fled abroad.", "Two", "three"),
        ("Ana sat out 6 of the Hawks' 14 matches.", "6", "14"),
        ("She was one of eight children.", "one", "eight"),
    ] {
        let all = quantities(s);
        assert!(read(s, &all, whole).set, "{s}: {whole}");
        assert!(!read(s, &all, part).set, "{s}: {part}");
    }
    let all = quantities("Police held 14 men and 3 women.");
    assert!(all.iter().all(|q| !q.set), "{all:?}");
}

// Older compounds and places: a tens word takes its units after `and` (the older way of
// writing 23); a place counted from the end names no rank from the start.
reads! {
    tens_and_units: "The vessel carried twenty and seven crew." => "twenty and seven", Count, Some(27.0), Some(27.0), Some(27.0);
    tens_and_units_mixed: "It weighed forty and two and one half pounds." => "forty and two and one half pounds", Measure, Some(42.5), Some(42.5), Some(42.5);
    tens_then_hundreds: "Between thirty and four hundred homes flooded." => "Between thirty and four hundred", Count, None, Some(30.0), Some(400.0);
    tens_and_fraction: "The rod was ninety and three quarters long." => "ninety and three quarters", Count, Some(90.75), Some(90.75), Some(90.75);
    place_from_last: "She came third to last in the final." => "third to last", Ordinal, None, None, None;
    place_from_the_bottom: "The club sits fourth from the bottom of the table." => "fourth from the bottom", Ordinal, None, None, None;
    place_then_time: "The firm slipped to 5th last year." => "5th", Ordinal, Some(5.0), Some(5.0), Some(5.0);
}

#[test]
fn a_place_alone_on_its_line_is_a_claim() {
    // An ordinal ending names no publication stamp: the line is a rank, not a date line.
    for s in ["43rd", "2nd"] {
        let claims = claims_in_sentence(s, 0, 0..s.len(), Detail::Claims);
        assert_eq!(claims.len(), 1, "{s}");
    }
}

#[test]
fn tens_and_units_stay_apart_when_counted_apart() {
    // Each count its own figure when the second begins a larger part.
    let s = "They found twenty and three thousand more.";
    let all = quantities(s);
    assert!(
        all.iter()
            .all(|q| q.value != Some(23_000.0) && q.value != Some(23.0)),
        "{all:?}"
    );
}

// Vague ranges and decades.
reads! {
    age_decade: "The victim was a woman in her 40s." => "40s", Age, None, Some(40.0), Some(49.0);
    age_early: "He is in his early 30s." => "early 30s", Age, None, Some(30.0), Some(33.0);
    age_mid: "She is in her mid-20s." => "mid-20s", Age, None, Some(24.0), Some(26.0);
    age_late: "He was in his late 60s." => "late 60s", Age, None, Some(67.0), Some(69.0);
    year_decade: "Prices fell in the 1990s." => "1990s", Year, None, Some(1990.0), Some(1999.0);
    year_mid_decade: "The mill closed in the mid-1990s." => "mid-1990s", Year, None, Some(1994.0), Some(1996.0);
    year_short_decade: "It was a hit in the 80s." => "80s", Year, None, Some(1980.0), Some(1989.0);
    // An age a person reaches: reached, it is the age; still to come, a year younger until then.
    age_turned: "The pitcher turned 31 on Sunday." => "31", Age, Some(31.0), Some(31.0), Some(31.0);
    age_turns_soon: "The pitcher, who turns 31 in May, signed on." => "31", Age, None, Some(30.0), Some(31.0);
    age_will_turn: "She will turn 65 next month." => "65", Age, None, Some(64.0), Some(65.0);
    age_contracted_will_turn: "She'll turn 65 next month." => "65", Age, None, Some(64.0), Some(65.0);
    age_after_turning: "After turning 18, she moved to Leeds." => "18", Age, Some(18.0), Some(18.0), Some(18.0);
    // A bound after a kind of person is an age.
    age_bound_of_children: "Free entry for children under 5 on Sundays." => "under 5", Age, Some(5.0), None, Some(5.0);
    age_bound_of_voters: "Turnout among voters over 65 rose." => "over 65", Age, Some(65.0), Some(65.0), None;
    // An apostrophe before the `s` changes nothing (`the 1970's`, `her 30’s`).
    year_decade_apostrophe: "The dance hall boomed in the 1970's." => "1970's", Year, None, Some(1970.0), Some(1979.0);
    age_decade_curly_apostrophe: "The driver was a man in his 30\u{2019}s." => "30\u{2019}s", Age, None, Some(30.0), Some(39.0);
    year_early_short_decade: "It was built in the early 90s." => "early 90s", Year, None, Some(1990.0), Some(1993.0);
    dozen_or_so: "A dozen or so protesters gathered." => "A dozen or so", Count, Some(12.0), None, None;
    scores_of: "Scores of people were hurt." => "Scores of", Count, None, Some(40.0), Some(200.0);
    a_handful: "Only a handful of staff remained." => "a handful of", Count, None, Some(2.0), Some(7.0);
    upwards_of: "Upwards of 200 homes were damaged." => "Upwards of 200", Count, Some(200.0), Some(200.0), None;
    ages_range: "Children aged 5-11 can apply." => "aged 5-11", Age, None, Some(5.0), Some(11.0);
}

#[test]
fn vague_hedges_keep_their_kind() {
    let all = quantities("Upwards of 200 homes were damaged.");
    assert_eq!(
        read("Upwards of 200 homes were damaged.", &all, "Upwards of 200").hedge,
        HedgeKind::MoreThan
    );
}

// A figure named as known and compared with (`below the $50 million another paper
// reported`) bounds what is said; it is not stated of it.
reads! {
    below_a_known_figure: "The bid was below the $50 million a rival paper reported." => "below the $50 million", Money, Some(50e6), None, Some(50e6);
    more_than_a_known_figure: "More than the 300 people expected turned up." => "More than the 300", Count, Some(300.0), Some(300.0), None;
}

// `a NOUN or two`: one or a few, said loosely, never the exact numeral.
reads! {
    a_moment_or_two: "Within a moment or two the hall was dark." => "a moment or two", Count, None, Some(1.0), Some(2.0);
    a_day_or_two: "The stay may last a day or two." => "a day or two", Measure, None, Some(1.0), Some(2.0);
    a_game_or_three: "He may miss a game or three." => "a game or three", Count, None, Some(1.0), Some(3.0);
    one_minute_or_two: "It spread within one minute or two." => "one minute or two", Measure, None, Some(1.0), Some(2.0);
}

// A count after a word of a series stays a count.
reads! {
    count_after_a_week: "Each week 400 riders use the lane." => "400", Count, Some(400.0), Some(400.0), Some(400.0);
}

// Scores and records: a kind of their own, no range, no count.
reads! {
    score_won: "The Colts won 31-17 on Sunday." => "31-17", Score, None, None, None;
    score_win_after: "It was a 3-1 win for the visitors." => "3-1", Score, None, None, None;
    score_record: "They ended the year with a 12-4 record." => "12-4", Score, None, None, None;
    score_record_ascending: "The team fell to 9-14 after the loss." => "9-14", Score, None, None, None;
    score_vote: "The council voted 7-2 to close the road." => "7-2", Score, None, None, None;
    score_three_sides: "The champion is now 45-7-2." => "45-7-2", Score, None, None, None;
    score_descending: "The Senate split 51-49 on the bill." => "51-49", Score, None, None, None;
    record_in_brackets_after_a_name: "The Falcons (6-10) hosted the Bears." => "6-10", Score, None, None, None;
    record_of_a_season: "The club ended its season 14-19 with a loss." => "14-19", Score, None, None, None;
    a_sentence_initial_word_is_no_name: "Juniors (11-14) train on Mondays." => "11-14", Count, None, Some(11.0), Some(14.0);
    a_sentence_initial_name_as_subject: "Hartwell (11-4) took the lead late." => "11-4", Score, None, None, None;
    season_across_a_century: "It happened in the 1999-00 season." => "1999-00", Year, None, Some(1999.0), Some(2000.0);
    bracketed_range_after_a_word_is_no_record: "The ages of the pupils (11-14) were not given." => "11-14", Count, None, Some(11.0), Some(14.0);
    range_not_score: "Between 20-25 people were hurt." => "Between 20-25", Count, None, Some(20.0), Some(25.0);
    range_with_unit: "The storm dropped 5-10 cm of rain." => "5-10 cm", Measure, None, Some(5.0), Some(10.0);
}

#[test]
fn scores_compare_as_sides() {
    let a = quantities("The Colts won 31-24.");
    let b = quantities("The Jaguars lost 24-31 to the Colts.");
    let c = quantities("The Colts won 31-17.");
    let key = |q: &[Quantity]| q[0].tally.map(|t| t.key());
    assert_eq!(key(&a), key(&b));
    assert_ne!(key(&a), key(&c));
    let rec = quantities("They went 12-4 last season.");
    let rev = quantities("They went 4-12 last season.");
    assert!(rec[0].tally.unwrap().record);
    assert_ne!(key(&rec), key(&rev), "a record's order matters");
    assert!(!QuantityKind::Score.is_amount() && QuantityKind::Score.is_comparable());
    let lead = quantities("The Owls took a 21-7 lead into the fourth quarter.");
    assert!(
        lead[0].tally.unwrap().partial,
        "a lead is part of the way through"
    );
    let deficit = quantities("The Owls overcame a 17-3 deficit in the third quarter.");
    assert!(
        deficit[0].tally.unwrap().partial,
        "a deficit is part of a game"
    );
    let run = quantities("A 12-2 run put the visitors ahead.");
    assert!(run[0].tally.unwrap().partial, "a run is part of a game");
    let bracketed = quantities("The Falcons (6-10) hosted the Bears.");
    assert!(bracketed[0].tally.unwrap().record, "a record after a name");
    let sets = quantities("Kerr beat Ruiz (6-4, 6-3, 6-2) on Sunday.");
    assert!(
        !sets[0].tally.unwrap().record,
        "sets of one match are no record"
    );
    let listed = quantities("The Falcons (6-10, 2-5 at home) hosted the Bears.");
    assert!(
        listed[0].tally.unwrap().record,
        "the first of the records listed in brackets after a name"
    );
    let first = quantities("Hartwell (11-4) took the lead late.");
    assert!(first[0].tally.unwrap().record, "the subject's record");
    let game = quantities("The Falcons won 27-10.");
    assert!(!game[0].tally.unwrap().record, "one game's result");
    assert!(!game[0].tally.unwrap().partial, "the final result");
    let tally = |s: &str| quantities(s)[0].tally.unwrap();
    assert!(
        !tally("Kane led Spurs to a 3-1 win over Chelsea.").partial,
        "a win is the result"
    );
    assert!(!tally("Spurs extended their unbeaten run with a 3-1 win.").partial);
    let halftime = tally("The Owls went into halftime leading 21-7.");
    assert!(
        halftime.partial && !halftime.record,
        "a halftime lead, no record"
    );
    assert!(
        !tally("The council vote went 7-2 against the plan.").record,
        "a vote"
    );
    assert!(!tally("They drew 1-1 last season.").record, "a draw");
    assert!(
        tally("The Hornets are 7-2 in road games.").record,
        "a copula after the side states its standing"
    );
    assert!(tally("Leeds was 5-3 this season.").record);
    for (s, why) in [
        ("It was 14-7 at halftime.", "a moment of the game"),
        (
            "The final score was 21-7.",
            "the score itself is the subject",
        ),
        (
            "Town were 2-0 up after ten minutes.",
            "a margin in the game",
        ),
        ("The committee vote was 6-3.", "a vote"),
    ] {
        assert!(!tally(s).record, "{s}: {why}");
    }
    let scope = |s: &str| tally(s).scope;
    assert_ne!(scope("The Hornets went 6-2 on the road."), 0, "some games");
    assert_ne!(scope("Town are 5-0 in one-goal games."), 0, "some games");
    assert_ne!(
        scope("The Hornets went 6-2 on the road."),
        scope("The Hornets went 6-2 at home."),
        "other games"
    );
    for s in [
        "The Hornets went 6-2 this season.",
        "The Hornets finished 11-5 in the regular season.",
        "The Hornets improved to 11-5.",
    ] {
        assert_eq!(scope(s), 0, "{s}: every game");
    }
    let went_on = quantities("They went on to win 35-28.");
    assert!(
        !went_on[0].tally.unwrap().record,
        "the result word is nearer"
    );
}

// Noise outlets carry: never an amount.
never_an_amount! {
    // A grade joined to a unit word names a kind, no unit (see `grade_of_*` for ordinals).
    grade_is_no_unit: "He admitted three second-degree assault counts." => ["second"];
    // A figure hyphenated to `and` and a word names a situation of play or a kind of thing.
    // A house number and its street is an address.
    address_with_a_direction: "Police were called to 40 West Third Avenue on Monday." => ["40", "Third"];
    address_abbreviated: "She was hit outside 200 N. Lake Blvd. at night." => ["200"];
    and_compound_count: "The defence forced a three-and-out." => ["three"];
    and_compound_fraction: "He was stopped on a fourth-and-inches run." => ["fourth"];
    and_compound_digits: "She worked a 9-and-out shift." => ["9"];
    // A decade word is an age after a possessive, a decade after a century word, else nothing.
    decade_word_in_weather: "Temperatures stayed in the sixties all week." => ["sixties"];
    decade_words_after_a_century: "The label thrived in the nineteen sixties." => ["nineteen"];
    noise_ticker_suffix: "Shares of TSMC (2330.TW) rose 3%." => ["2330"];
    noise_ticker_exchange: "Toyota (TSE: 7203) said profits fell." => ["7203"];
    noise_status_id: "The post (status 1234567890123456789) was deleted." => ["1234567890"];
    noise_brand_hyphen: "Sales at 7-Eleven stores rose." => ["7"];
    noise_formula_one: "He raced in Formula 1 for five seasons." => ["1"];
    noise_windows: "Windows 10 was installed on the machines." => ["10"];
    noise_acronym_versions: "Attacks hit IE 8 and IE 9 on Monday." => ["8", "9"];
    noise_version_list: "It affects Internet Explorer 8 and 9 only." => ["8", "9"];
    noise_number_dialled: "A neighbour called 911 to report the smoke." => ["911"];
    label_of_a_week: "She has not raced since week 6." => ["6"];
    label_of_a_game: "The final goes to Game 5 on Friday." => ["5"];
    label_of_a_channel: "The clip aired on KXRT-TV, Ch. 9." => ["9"];
    noise_number_dialled_at_the_end: "Witnesses dialled 999." => ["999"];
    noise_channel_name_word: "The news broke on a live TVN One show." => ["One"];
    noise_channel_in_capitals: "He was named on TVN ONE tonight." => ["ONE"];
    noise_phone_spaced: "Call the hotline on 0800 123 4567 for help." => ["0800", "123", "4567"];
    noise_phone_plus: "Reach the embassy on +44 20 7946 0958." => ["44", "20", "7946"];
    noise_phone_dashed: "Call 555-123-4567 for details." => ["555"];
    noise_leading_zero: "Agent 007 was in the film." => ["007"];
    noise_copyright: "Copyright 2016 Reuters." => ["2016"];
    noise_virus: "COVID-19 cases rose again." => ["19"];
    one_source_is_which: "One report said the talks had stalled." => ["One"];
    one_analyst_is_which: "One analyst put the cost at $3 billion." => ["One"];
    // `zero` hyphenated to a word names a kind of thing (a flaw, a policy), no amount of it.
    zero_compound_flaw: "Hackers used a zero-day flaw in the browser." => ["zero"];
    zero_compound_policy: "The school keeps a zero-tolerance rule on knives." => ["zero"];
    zero_compound_game: "Trade is no zero-sum contest, she said." => ["zero"];
    // A name and a number written as versions are, or with a letter glued, or before one
    // thing: a model, not an amount.
    model_version: "The tablets support Bluetooth 4.2 and Wi-Fi." => ["4.2"];
    model_version_in_capitals: "The laptops tout USB 3.0 ports." => ["3.0"];
    model_glued_letter: "It runs on a Radeon HD 7970M, the fastest chip." => ["7970"];
    model_before_one_thing: "Each unit has a Thunderbolt 3 socket." => ["3"];
    // A model's possessive is no decade, nor is an index's.
    model_possessive: "The Boeing 747's engines were checked." => ["747"];
    model_in_four_digits: "Sales of the Lumia 6200 were strong." => ["6200"];
    model_in_four_digits_before_one_thing: "She bought a Lumia 6200 smartphone." => ["6200"];
    // After `the`, a capitalised plural before a bare number is a name (a team's yard line).
    name_after_the_labels: "He drove the offence to the Rangers 12, then threw a pick." => ["12"];
}

#[test]
fn a_name_before_a_count_of_many_keeps_the_count() {
    for (s, fig, v) in [
        ("Reuters 10 minutes later confirmed it.", "10 minutes", 10.0),
        (
            "The company paid $3.5 million in fines.",
            "$3.5 million",
            3.5e6,
        ),
        ("Nokia 5 phones were sold out.", "5", 5.0),
        ("In Gaza 40 people were killed.", "40", 40.0),
        ("In Mumbai 1500 workers protested.", "1500", 1500.0),
        ("In Gaza 1200 people fled.", "1200", 1200.0),
        ("Netflix 200M subscribers watched it.", "200M", 2e8),
        ("Polls put Biden 51.3, the senator 46.8.", "51.3", 51.3),
        (
            "It ended with the Republicans 53 and the Democrats 47.",
            "53",
            53.0,
        ),
        ("Jokic 12.5 points a game led them.", "12.5", 12.5),
    ] {
        let all = quantities(s);
        let q = read(s, &all, fig);
        assert!(q.kind.is_amount() && q.value == Some(v), "{s}: {q:?}");
    }
}

#[test]
fn capitals_hr_are_home_runs_not_hours() {
    let s = "He had a 40-HR season and waited 3 hrs for the bus.";
    let all = quantities(s);
    assert_eq!(kind_of(s, "40"), QuantityKind::Count, "{s}");
    let hours = read(s, &all, "3 hrs");
    assert_eq!(
        hours.unit.as_ref().map(|u| u.name.as_ref()),
        Some("hour"),
        "{s}"
    );
}

#[test]
fn a_possessive_of_a_round_figure_is_no_decade() {
    for (s, fig) in [
        ("It was the S&P 500's worst day.", "500"),
        ("Shares hit 2020's high again.", "2020"),
    ] {
        let all = quantities(s);
        let q = read(s, &all, fig);
        assert!(q.hedge != HedgeKind::Range, "{s}: {q:?}");
    }
}

#[test]
fn what_a_verb_of_turning_turns_is_no_age() {
    for (s, fig) in [
        ("He turned 3 fumbles into scores.", "3"),
        ("He turned 2 of his 5 chances into goals.", "2"),
    ] {
        assert_eq!(kind_of(s, fig), QuantityKind::Count, "{s}");
    }
}

#[test]
fn zero_with_a_unit_of_another_dimension_is_still_a_figure() {
    let q = quantities("Dealers offered zero-percent financing for a year.");
    assert!(
        q.iter()
            .any(|q| q.kind == QuantityKind::Percent && q.value == Some(0.0)),
        "{q:?}"
    );
}

#[test]
fn sides_a_team_falls_or_climbs_to_are_a_score() {
    for (s, fig) in [
        ("The loss left the Hornets falling to 4-11.", "4-11"),
        ("The Hornets, improving to 6-9, won again.", "6-9"),
    ] {
        assert_eq!(kind_of(s, fig), QuantityKind::Score, "{s}");
    }
}

#[test]
fn a_score_said_for_both_sides_is_a_tie() {
    let s = "The sides were level at a 21-all tie entering the last quarter.";
    let all = quantities(s);
    let q = read(s, &all, "21-all");
    assert_eq!(q.kind, QuantityKind::Score, "{q:?}");
    assert_eq!(q.tally.unwrap().sides(), &[21, 21]);
    assert!(!q.tally.unwrap().record);
}

/// Lines outlets print around a story give no claims at all.
#[test]
fn boilerplate_lines_give_no_claims() {
    for s in [
        "Rescuers dig through rubble after the quake that killed 247 people. (AP Photo/Jane Doe)",
        "Read more: Five things to know about the 2016 quake",
        "Click here to see 30 photos of the damage.",
        "Copyright 2016 Reuters. All rights reserved.",
        "Photo: 12 of 30",
        "By Jane Doe and John Roe, Reuters",
    ] {
        let claims = claims_in_sentence(s, 0, 0..s.len(), Detail::Claims);
        assert!(claims.is_empty(), "{s}: {} claims", claims.len());
    }
    let s = "Officials said 247 people were killed.";
    assert_eq!(
        claims_in_sentence(s, 0, 0..s.len(), Detail::Claims).len(),
        1
    );
}

#[test]
fn moments_of_a_game_clock() {
    // The one time of the sentence (`the first` is an ordinal of its own).
    let one = |s: &str| {
        let q: Vec<Quantity> = quantities(s)
            .into_iter()
            .filter(|q| q.kind != QuantityKind::Ordinal)
            .collect();
        assert_eq!(q.len(), 1, "{s}: {q:?}");
        q.into_iter().next().unwrap()
    };
    // Time remaining, or a window from the start or the end, in minutes or seconds.
    for s in [
        "The Owls scored with 4:43 left.",
        "She equalised with two minutes remaining.",
        "The visitors pulled clear with 30 seconds to go.",
        "He scored in the first five minutes.",
        "They conceded in the final 10 minutes.",
    ] {
        assert!(one(s).moment, "{s}");
    }
    // A clock reading with time to play is minutes and seconds, not a time of day.
    let left = one("The Owls pulled away with 13:41 to play.");
    assert!(
        left.moment && left.kind == QuantityKind::Measure,
        "{left:?}"
    );
    assert!((left.value.unwrap() - (13.0 + 41.0 / 60.0)).abs() < 1e-9);
    // Not a moment: a time of day, a length of play, years left on a contract.
    for s in [
        "The semifinal starts at 1:35 p.m.",
        "The game was stopped for 30 minutes.",
        "He has two years left on his contract.",
        "It was the worst flood in the last 20 years.",
    ] {
        assert!(!one(s).moment, "{s}");
    }
}

#[test]
fn an_amount_added_to_another_is_an_increment() {
    for (s, fig) in [
        ("Divers recovered 12 more bodies overnight.", "12"),
        ("A further 30 people were treated for smoke.", "30"),
        ("The council will hire an extra 200 wardens.", "200"),
        ("Police made two further arrests on Friday.", "two"),
        ("Another 5,000 fans waited outside.", "5,000"),
        ("He was given two additional sentences.", "two"),
    ] {
        let all = quantities(s);
        assert!(read(s, &all, fig).increment, "{s}: {fig}");
    }
    // A hedge, or a comparison, is no increment; nor is a plain count.
    for (s, fig) in [
        ("More than 30 people were treated.", "More than 30"),
        ("She scored 13 more than her rival.", "13"),
        ("Divers recovered 12 bodies overnight.", "12"),
    ] {
        let all = quantities(s);
        assert!(!read(s, &all, fig).increment, "{s}: {fig}");
    }
}

#[test]
fn a_count_of_a_window_is_a_moment() {
    // The first or last members of a series, and a part of them: a share of the game or the
    // season, not its total.
    for (s, fig) in [
        ("Ada scored the first eight points of the half.", "eight"),
        ("Ada scored six of the club's first ten goals.", "six"),
        ("Ada scored six of the club's first ten goals.", "ten"),
        ("They lost four of their last seven games.", "four"),
        ("Ada scored the Hawks' first nine points.", "nine"),
    ] {
        let all = quantities(s);
        assert!(read(s, &all, fig).moment, "{s}: {fig}");
    }
    // A part of a whole that no window picks is no moment, nor is a plain count.
    for (s, fig) in [
        ("Four of the remaining 12 branches closed.", "Four"),
        ("Two of the three suspects fled abroad.", "Two"),
        ("The club scored eight goals in the final.", "eight"),
    ] {
        let all = quantities(s);
        assert!(!read(s, &all, fig).moment, "{s}: {fig}");
    }
}

#[test]
fn a_bare_temperature_is_in_degrees() {
    let dim = |s: &str, fig: &str| {
        let all = quantities(s);
        read(s, &all, fig)
            .unit
            .clone()
            .map(|u| u.dimension.to_string())
    };
    let degrees = Some("temperature:degree".to_string());
    assert_eq!(
        dim("Temperatures were minus 12 at dawn.", "minus 12"),
        degrees
    );
    assert_eq!(dim("It was a night with a temperature of 4.", "4"), degrees);
    // A figure that counts something, or stands far from the word, is no temperature.
    assert_eq!(dim("The temperature of 12 patients was taken.", "12"), None);
    assert_eq!(dim("Temperatures fell as 30 homes lost power.", "30"), None);
}

/// An ordinal in a title of a person (`first baseman`) or opening a sentence to order what is
/// said (`First,`) ranks nothing: it is no ordinal claim.
#[test]
fn fixed_ordinals_rank_nothing() {
    for (s, fig) in [
        ("The club signed first baseman Ray Oduya.", "first"),
        ("A second lieutenant led the patrol.", "second"),
        ("First, the striker beat two defenders.", "First"),
        ("The daily first reported the deal.", "first"),
        ("She was first elected in 2004.", "first"),
    ] {
        let all = quantities(s);
        let q = read(s, &all, fig);
        assert_ne!(q.kind, QuantityKind::Ordinal, "{s}");
    }
}
