//! The quantity grammar's tables: each row a phrase and what it must read as.

use super::*;
use crate::extract::token::tokenize;

/// Surface text, kind, value, low, high, hedge: what the table below checks.
type Row = (
    String,
    QuantityKind,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    HedgeKind,
);

#[test]
fn a_day_after_a_month_starts_no_range_of_another_figure() {
    let texts: Vec<String> = q("the toll since Oct. 4 to 815 people")
        .into_iter()
        .map(|r| r.0)
        .collect();
    assert_eq!(texts, ["Oct. 4", "815"]);
    let texts: Vec<String> = q("held on March 9-10 in Oslo")
        .into_iter()
        .map(|r| r.0)
        .collect();
    assert_eq!(texts, ["9-10"]);
}

#[test]
fn a_figure_beyond_f64_is_an_identifier_without_value() {
    let big = format!("Some {} million people came.", "9".repeat(310));
    for text in ["They paid $1e309million.", big.as_str()] {
        for (_, kind, value, low, high, _) in q(text) {
            assert_eq!(kind, QuantityKind::Identifier, "{text}");
            assert_eq!((value, low, high), (None, None, None), "{text}");
        }
    }
}

#[test]
fn numbers_of_a_code_name_nothing_counted() {
    use QuantityKind::{Count, Identifier};
    // The next number after digits glued to a name names the next version; a number spaced
    // after a code in capitals belongs to the code, and the count before it counts on.
    for (text, figures) in [
        (
            "flaws in XP3 and 4 were patched",
            vec![("3", Identifier), ("4", Identifier)],
        ),
        (
            "The G20 and 19 other nations signed.",
            vec![("20", Identifier), ("19", Count)],
        ),
        (
            "Police closed the A1 and 12 side streets.",
            vec![("1", Identifier), ("12", Count)],
        ),
        (
            "four AK 74 carbines",
            vec![("four", Count), ("74", Identifier)],
        ),
        ("an MX 5 roadster", vec![("5", Identifier)]),
        // Not a count of people after a flight's number.
        (
            "Flight 370 and 239 passengers",
            vec![("370", Identifier), ("239", Count)],
        ),
    ] {
        let got: Vec<(String, QuantityKind)> = q(text).into_iter().map(|r| (r.0, r.1)).collect();
        let want: Vec<(String, QuantityKind)> = figures
            .into_iter()
            .map(|(f, k)| (f.to_string(), k))
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn a_scale_beside_its_conversion_is_a_temperature() {
    let kinds = |s: &str| q(s).into_iter().map(|r| (r.0, r.1)).collect::<Vec<_>>();
    let m = QuantityKind::Measure;
    assert_eq!(
        kinds("Seville saw 41.5C (106.7F) on Sunday"),
        [("41.5C".to_string(), m), ("106.7F".to_string(), m)]
    );
    // Alone, with no word of temperature, a glued letter stays a code.
    assert_eq!(
        kinds("She sat in seat 14F."),
        [("14".to_string(), QuantityKind::Identifier)]
    );
}

#[test]
fn a_year_earlier_is_no_rate() {
    let per = |s: &str| unit(s).is_some_and(|u| u.1.contains('/'));
    assert!(per("paid $40 million a year to"));
    assert!(!per("up from $40 million a year earlier"));
    assert!(per("earns $4 million a year before tax"));
    assert!(per("raised pay to $15 an hour earlier this year"));
}

fn q(s: &str) -> Vec<Row> {
    let toks = tokenize(s, 0);
    find(s, &toks)
        .into_iter()
        .map(|q| {
            (
                s[q.span.clone()].to_string(),
                q.kind,
                q.value.map(round),
                q.low.map(round),
                q.high.map(round),
                q.hedge,
            )
        })
        .collect()
}

fn round(v: f64) -> f64 {
    (v * 1e9).round() / 1e9
}

fn one(s: &str) -> Row {
    let all = q(s);
    assert_eq!(all.len(), 1, "{s}: {all:?}");
    all.into_iter().next().unwrap()
}

fn unit(s: &str) -> Option<(String, String)> {
    let toks = tokenize(s, 0);
    let all = find(s, &toks);
    assert_eq!(all.len(), 1, "{s}: {all:?}");
    all[0]
        .unit
        .clone()
        .map(|u| (u.name.into_owned(), u.dimension.into_owned()))
}

macro_rules! cases {
    ($($name:ident: $input:expr => ($text:expr, $kind:ident, $value:expr, $low:expr, $high:expr, $hedge:ident);)*) => {
        $(#[test] fn $name() {
            let got = one($input);
            assert_eq!(got, ($text.to_string(), QuantityKind::$kind, $value, $low, $high, HedgeKind::$hedge), "{}", $input);
        })*
    };
}

cases! {
    digits_plain: "20 countries" => ("20", Count, Some(20.0), Some(20.0), Some(20.0), Exact);
    thousands_separator: "1,200 homes" => ("1,200", Count, Some(1200.0), Some(1200.0), Some(1200.0), Exact);
    thousands_spaces: "1 234 567 people" => ("1 234 567", Count, Some(1234567.0), Some(1234567.0), Some(1234567.0), Exact);
    leading_decimal: "the .25 mark" => (".25", Count, Some(0.25), Some(0.25), Some(0.25), Exact);
    negative: "a score of -4.5 points" => ("-4.5", Count, Some(-4.5), Some(-4.5), Some(-4.5), Exact);
    at_least: "at least 300 individuals" => ("at least 300", Count, Some(300.0), Some(300.0), None, AtLeast);
    no_fewer_than: "no fewer than 30 people" => ("no fewer than 30", Count, Some(30.0), Some(30.0), None, AtLeast);
    over: "over 300 people" => ("over 300", Count, Some(300.0), Some(300.0), None, MoreThan);
    around: "around 500 staff" => ("around 500", Count, Some(500.0), None, None, Approx);
    nearly: "nearly 40 homes" => ("nearly 40", Count, Some(40.0), None, Some(40.0), Nearly);
    up_to: "up to 10 years in prison" => ("up to 10 years", Measure, Some(10.0), None, Some(10.0), UpTo);
    less_than: "fewer than a thousand pandas" => ("fewer than a thousand", Count, Some(1000.0), None, Some(1000.0), LessThan);
    exactly: "exactly 12 votes" => ("exactly 12", Count, Some(12.0), Some(12.0), Some(12.0), Exactly);
    number_word: "thirty-four died" => ("thirty-four", Count, Some(34.0), Some(34.0), Some(34.0), Exact);
    number_words_and: "one hundred and twenty people" => ("one hundred and twenty", Count, Some(120.0), Some(120.0), Some(120.0), Exact);
    trillion_words: "twenty-one trillion three hundred" => ("twenty-one trillion three hundred", Count, Some(21000000000300.0), Some(21000000000300.0), Some(21000000000300.0), Exact);
    point_words: "two hundred point seventy-one" => ("two hundred point seventy-one", Count, Some(200.71), Some(200.71), Some(200.71), Exact);
    a_dozen: "a dozen ambulances" => ("a dozen", Count, Some(12.0), Some(12.0), Some(12.0), Exact);
    two_dozen: "two dozen ambulances" => ("two dozen", Count, Some(24.0), Some(24.0), Some(24.0), Exact);
    three_dozens: "three dozens eggs" => ("three dozens", Count, Some(36.0), Some(36.0), Some(36.0), Exact);
    half_a_million: "half a million people" => ("half a million", Count, Some(500000.0), Some(500000.0), Some(500000.0), Exact);
    half_alone: "half of the residents" => ("half", Count, Some(0.5), Some(0.5), Some(0.5), Exact);
    a_third: "a third of voters" => ("a third", Count, Some(0.333333333), Some(0.333333333), Some(0.333333333), Exact);
    three_quarters: "three-quarters of homes" => ("three-quarters", Count, Some(0.75), Some(0.75), Some(0.75), Exact);
    two_thirds: "two thirds of voters" => ("two thirds", Count, Some(0.666666667), Some(0.666666667), Some(0.666666667), Exact);
    five_eighths: "five eighths" => ("five eighths", Count, Some(0.625), Some(0.625), Some(0.625), Exact);
    and_a_half: "one and a half days" => ("one and a half days", Measure, Some(1.5), Some(1.5), Some(1.5), Exact);
    scale_word: "1.5 million people" => ("1.5 million", Count, Some(1500000.0), Some(1500000.0), Some(1500000.0), Exact);
    scale_m_people: "1.5m people" => ("1.5m", Count, Some(1500000.0), Some(1500000.0), Some(1500000.0), Exact);
    metres_tall: "I'm 1.8m tall" => ("1.8m", Measure, Some(1.8), Some(1.8), Some(1.8), Exact);
    scale_k: "5k runners" => ("5k", Count, Some(5000.0), Some(5000.0), Some(5000.0), Exact);
    scale_spaced_k: "about 2.33 k" => ("about 2.33 k", Count, Some(2330.0), None, None, Approx);
    lakh: "13 lakh" => ("13 lakh", Count, Some(1300000.0), Some(1300000.0), Some(1300000.0), Exact);
    digits_and_words: "4 thousand 3 hundred and 21" => ("4 thousand 3 hundred and 21", Count, Some(4321.0), Some(4321.0), Some(4321.0), Exact);
    dollars_bn: "a $3.4bn deal" => ("$3.4bn", Money, Some(3.4e9), Some(3.4e9), Some(3.4e9), Exact);
    euros_m: "€75m in fines" => ("€75m", Money, Some(75e6), Some(75e6), Some(75e6), Exact);
    pounds_word: "3 million pounds" => ("3 million pounds", Money, Some(3e6), Some(3e6), Some(3e6), Exact);
    cents: "rose 50 cents a barrel" => ("50 cents a barrel", Money, Some(50.0), Some(50.0), Some(50.0), Exact);
    dollars_and_cents: "thirteen dollars and forty-five cents" => ("thirteen dollars and forty-five cents", Money, Some(13.45), Some(13.45), Some(13.45), Exact);
    code_before: "for USD 200." => ("USD 200", Money, Some(200.0), Some(200.0), Some(200.0), Exact);
    tens_of_thousands: "tens of thousands of people" => ("tens of thousands", Count, None, Some(10000.0), Some(100000.0), Vague);
    tens_of_millions_of_dollars: "tens of millions of dollars" => ("tens of millions of dollars", Money, None, Some(1e7), Some(1e8), Vague);
    several_hundred: "several hundred troops" => ("several hundred", Count, None, Some(300.0), Some(1200.0), Vague);
    numerous: "numerous individuals" => ("numerous", Count, None, Some(10.0), None, Vague);
    between: "between 20 and 25 people" => ("between 20 and 25", Count, None, Some(20.0), Some(25.0), Range);
    dash_range: "20-25 people" => ("20-25", Count, None, Some(20.0), Some(25.0), Range);
    gerund_before_a_unit: "added 96 receiving yards" => ("96 receiving yards", Measure, Some(96.0), Some(96.0), Some(96.0), Exact);
    gerund_before_a_noun: "scored 96 winning goals" => ("96", Count, Some(96.0), Some(96.0), Some(96.0), Exact);
    to_range_units: "3 to 4 L of wine" => ("3 to 4 L", Measure, None, Some(3.0), Some(4.0), Range);
    hyphen_to_range: "an 8- to 16-meter telescope" => ("8- to 16-meter", Measure, None, Some(8.0), Some(16.0), Range);
    scaled_range: "1.5-2 million people" => ("1.5-2 million", Count, None, Some(1500000.0), Some(2000000.0), Range);
    joined_bounds: "more than 10 and less than 40" => ("more than 10 and less than 40", Count, None, Some(10.0), Some(40.0), Range);
    or_more: "50 or more houses" => ("50 or more", Count, Some(50.0), Some(50.0), None, AtLeast);
    or_less: "five hundred or less" => ("five hundred or less", Count, Some(500.0), None, Some(500.0), AtMost);
    plus: "300-plus workers" => ("300-plus", Count, Some(300.0), Some(300.0), None, AtLeast);
    percent: "rose 3.5% in" => ("3.5%", Percent, Some(3.5), Some(3.5), Some(3.5), Exact);
    per_cent: "3.5 per cent" => ("3.5 per cent", Percent, Some(3.5), Some(3.5), Some(3.5), Exact);
    minus_percent: "minus five percent" => ("minus five percent", Percent, Some(-5.0), Some(-5.0), Some(-5.0), Exact);
    basis_points: "by 25 basis points" => ("25 basis points", PercentagePoints, Some(25.0), Some(25.0), Some(25.0), Exact);
    miles: "5 miles" => ("5 miles", Measure, Some(5.0), Some(5.0), Some(5.0), Exact);
    glued_km: "a 20km stretch" => ("20km", Measure, Some(20.0), Some(20.0), Some(20.0), Exact);
    hyphen_unit: "a six-mile trip" => ("six-mile", Measure, Some(6.0), Some(6.0), Some(6.0), Exact);
    fraction: "2 1/2 hours" => ("2 1/2 hours", Measure, Some(2.5), Some(2.5), Some(2.5), Exact);
    season_of_consecutive_years: "in the 2008-09 season" => ("2008-09", Year, None, Some(2008.0), Some(2009.0), Range);
    year_and_month: "from 2019-10 onwards" => ("2019-10", Date, None, None, None, Exact);
    hyphenated_mixed_number: "a 3-1/4 inch pipe" => ("3-1/4 inch", Measure, Some(3.25), Some(3.25), Some(3.25), Exact);
    celsius: "hit 40 degrees Celsius" => ("40 degrees Celsius", Measure, Some(40.0), Some(40.0), Some(40.0), Exact);
    year: "in 2019 the" => ("2019", Year, Some(2019.0), Some(2019.0), Some(2019.0), Exact);
    age_beside_a_kinded_person_noun: "a night watchman, 71, was" => ("71", Age, Some(71.0), Some(71.0), Some(71.0), Exact);
    time_in_the_morning: "at 7.45 in the morning" => ("7.45 in the morning", Time, Some(7.75), Some(7.75), Some(7.75), Exact);
    time_in_the_evening: "at 9 in the evening" => ("9 in the evening", Time, Some(21.0), Some(21.0), Some(21.0), Exact);
    count_of_people_in_the_morning: "Crews rescued 12 in the morning" => ("12", Count, Some(12.0), Some(12.0), Some(12.0), Exact);
    count_after_a_copula_of_a_place: "The toll in Texas was 58." => ("58", Count, Some(58.0), Some(58.0), Some(58.0), Exact);
    count_in_a_morning_session: "won 3 in the morning session" => ("3", Count, Some(3.0), Some(3.0), Some(3.0), Exact);
    age_of_a_named_subject: "The guard, Ivo Petrov, was 58." => ("58", Age, Some(58.0), Some(58.0), Some(58.0), Exact);
    age_of_a_kind_of_person: "a night watchman, 62, saw" => ("62", Age, Some(62.0), Some(62.0), Some(62.0), Exact);
    age_of_a_person_of_a_country: "The Chilean keeper, 31, saved" => ("31", Age, Some(31.0), Some(31.0), Some(31.0), Exact);
    age_of_a_possessed_person: "the hotel's night porter, 47, said" => ("47", Age, Some(47.0), Some(47.0), Some(47.0), Exact);
    age_of_a_person_noun: "The driver was 58." => ("58", Age, Some(58.0), Some(58.0), Some(58.0), Exact);
    count_after_a_copula_of_a_thing: "The total was 58." => ("58", Count, Some(58.0), Some(58.0), Some(58.0), Exact);
    year_after_a_month_before_a_plural: "in March 2011 burglars took" => ("2011", Year, Some(2011.0), Some(2011.0), Some(2011.0), Exact);
    year_after_an_abbreviated_month: "in Sept. 1998 floods hit" => ("1998", Year, Some(1998.0), Some(1998.0), Some(1998.0), Exact);
    year_after_since_before_a_plural: "since 2004 visitors have" => ("2004", Year, Some(2004.0), Some(2004.0), Some(2004.0), Exact);
    count_of_a_year_form_without_a_time_word: "for 1900 homes" => ("1900", Count, Some(1900.0), Some(1900.0), Some(1900.0), Exact);
    decade: "the 1960s" => ("1960s", Year, None, Some(1960.0), Some(1969.0), Range);
    decade_in_words: "the music of the nineteen sixties" => ("nineteen sixties", Year, None, Some(1960.0), Some(1969.0), Range);
    late_decade_in_words: "in the late nineteen-seventies" => ("late nineteen-seventies", Year, None, Some(1977.0), Some(1979.0), Range);
    an_age_in_words: "a woman in her forties" => ("forties", Age, None, Some(40.0), Some(49.0), Range);
    a_part_of_an_age_in_words: "a man in his late thirties" => ("late thirties", Age, None, Some(37.0), Some(39.0), Range);
    a_teen_before_a_noun_is_a_count: "nineteen pensioners were hurt" => ("nineteen", Count, Some(19.0), Some(19.0), Some(19.0), Exact);
    date: "on June 9 police" => ("June 9", Date, None, None, None, Exact);
    date_with_year: "born May 8, 1945." => ("May 8, 1945", Date, None, None, None, Exact);
    numeric_date: "on 5/17/2018 at" => ("5/17/2018", Date, None, None, None, Exact);
    time: "at 3 a.m. on" => ("3 a.m.", Time, Some(3.0), Some(3.0), Some(3.0), Exact);
    time_pm: "at 2pm" => ("2pm", Time, Some(14.0), Some(14.0), Some(14.0), Exact);
    deadline: "by 2pm" => ("2pm", Time, Some(14.0), None, Some(14.0), AtMost);
    unranked_hyphen_stays_exact: "his 7-yard touchdown pass" => ("7-yard", Measure, Some(7.0), Some(7.0), Some(7.0), Exact);
    clock_letter_half: "posted 5:03p today" => ("5:03p", Time, Some(17.05), Some(17.05), Some(17.05), Exact);
    pence_are_no_half: "a 20p coin" => ("20p", Money, Some(20.0), Some(20.0), Some(20.0), Exact);
    clock: "at 10:30 pm" => ("10:30 pm", Time, Some(22.5), Some(22.5), Some(22.5), Exact);
    shortly_after_a_time: "shortly after 3:30 a.m. on" => ("shortly after 3:30 a.m.", Time, Some(3.5), Some(3.5), None, AtLeast);
    dialled_number: "A 911 caller reported the fire" => ("911", Identifier, None, None, None, Exact);
    calls_counted: "It took 300 calls that night" => ("300", Count, Some(300.0), Some(300.0), Some(300.0), Exact);
    clock_half_and_zone: "at 4:30 p.m. ET in" => ("4:30 p.m. ET", Time, Some(16.5), Some(16.5), Some(16.5), Exact);
    clock_zone_with_a_p: "at 1:30 PST on" => ("1:30 PST", Time, Some(1.5), Some(1.5), Some(1.5), Exact);
    clock_leading_zero: "called at 06:00 BST." => ("06:00 BST", Time, Some(6.0), Some(6.0), Some(6.0), Exact);
    age_possessive: "the 27-year-old's figure" => ("27-year-old's", Age, Some(27.0), Some(27.0), Some(27.0), Exact);
    zoned_hhmm: "at 2115 GMT on" => ("2115 GMT", Time, Some(21.25), Some(21.25), Some(21.25), Exact);
    zoned_hhmm_leading_zero: "at 0745 UTC" => ("0745 UTC", Time, Some(7.75), Some(7.75), Some(7.75), Exact);
    hhmm_without_zone_is_a_year: "until 2045 at least" => ("2045", Year, Some(2045.0), Some(2045.0), Some(2045.0), Exact);
    article: "under Article 159 of" => ("159", Identifier, Some(159.0), Some(159.0), Some(159.0), Exact);
    covid: "COVID-19 cases" => ("19", Identifier, Some(19.0), Some(19.0), Some(19.0), Exact);
    five_g: "the 5G network" => ("5", Identifier, None, None, None, Exact);
    phone: "call +1-222-2222/2222 now" => ("+1-222-2222/2222", Identifier, None, None, None, Exact);
    ip: "host 192.168.1.2 was" => ("192.168.1.2", Identifier, None, None, None, Exact);
    ordinal_suffix: "the 4th time" => ("4th", Ordinal, Some(4.0), Some(4.0), Some(4.0), Exact);
    ordinal_day_after_month: "on May 29th police" => ("May 29th", Date, None, None, None, Exact);
    ordinal_day_of_month: "the 4th of July parade" => ("4th of July", Date, None, None, None, Exact);
    ordinal_day_abbreviated: "by Dec. 3rd, 2012 it" => ("Dec. 3rd, 2012", Date, None, None, None, Exact);
    ordinal_after_may_the_verb: "it may 2nd the motion" => ("2nd", Ordinal, Some(2.0), Some(2.0), Some(2.0), Exact);
    ordinal_word: "the third strike" => ("third", Ordinal, Some(3.0), Some(3.0), Some(3.0), Exact);
    ordinal_after_a: "scored a sixth round stoppage" => ("sixth", Ordinal, Some(6.0), Some(6.0), Some(6.0), Exact);
    fraction_after_a: "a fifth of the vote" => ("a fifth", Count, Some(0.2), Some(0.2), Some(0.2), Exact);
    fraction_before_a_verb: "Only a fifth voted no." => ("a fifth", Count, Some(0.2), Some(0.2), Some(0.2), Exact);
    fraction_before_a_time: "rose by a fifth last year" => ("a fifth", Count, Some(0.2), Some(0.2), Some(0.2), Exact);
    ordinal_compound: "one hundred twenty fifth" => ("one hundred twenty fifth", Ordinal, Some(125.0), Some(125.0), Some(125.0), Exact);
    age_years_old: "a 45-year-old man" => ("45-year-old", Age, Some(45.0), Some(45.0), Some(45.0), Exact);
    age_aged: "a man aged 87 was" => ("aged 87", Age, Some(87.0), Some(87.0), Some(87.0), Exact);
    age_apposition: "Jane Smith, 45, said" => ("45", Age, Some(45.0), Some(45.0), Some(45.0), Exact);
    age_apposition_now: "Jane Smith, now 45, said" => ("45", Age, Some(45.0), Some(45.0), Some(45.0), Exact);
    age_apposition_then: "the victim, then 19, was" => ("19", Age, Some(19.0), Some(19.0), Some(19.0), Exact);
    magnitude: "a magnitude 7.8 quake" => ("magnitude 7.8", Magnitude, Some(7.8), Some(7.8), Some(7.8), Exact);
    magnitude_after: "a 6.1-magnitude earthquake" => ("6.1-magnitude", Magnitude, Some(6.1), Some(6.1), Some(6.1), Exact);
    twice: "twice as many" => ("twice", Multiplier, Some(2.0), Some(2.0), Some(2.0), Exact);
    nine_times: "nine times higher" => ("nine times", Multiplier, Some(9.0), Some(9.0), Some(9.0), Exact);
    ratio_one_in: "one in five adults" => ("one in five", Count, Some(0.2), Some(0.2), Some(0.2), Exact);
    symbol_hedge: "x >= 30" => (">= 30", Count, Some(30.0), Some(30.0), None, AtLeast);
    scientific: "1.3e6 cells" => ("1.3e6", Count, Some(1300000.0), Some(1300000.0), Some(1300000.0), Exact);
}

#[test]
fn killed_five_in_texas_is_not_inches() {
    assert_eq!(one("killed 5 in Texas").1, QuantityKind::Count);
    assert_eq!(
        unit("a door 2 in thick"),
        Some(("inch".into(), "length".into()))
    );
}

#[test]
fn pronoun_one_is_not_a_count() {
    assert!(q("one of them fled").is_empty());
    assert!(q("she kept the old one.").is_empty());
    assert!(q("the lithium polymer one inside it").is_empty());
    // Not after a verb, an age word or a label, nor before a hyphenated noun.
    assert_eq!(q("The blast killed one, police said.").len(), 1);
    assert_eq!(q("Among the dead was a boy aged one.").len(), 1);
    assert_eq!(q("Nadal, the world number one, won.").len(), 1);
    assert_eq!(q("a narrow one-person majority").len(), 1);
    // A count after its modifiers still is one when a noun follows.
    assert_eq!(q("in the past one year").len(), 1);
    // `no one` is a count, of nobody: it can contradict `two were hurt`.
    let zero = q("no one was hurt and one of them fled");
    assert_eq!(zero.len(), 1, "{zero:?}");
    assert_eq!((zero[0].0.as_str(), zero[0].2), ("no one", Some(0.0)));
}

#[test]
fn addresses_are_not_read() {
    assert!(q("see https://x.org/?q=30%25%2020%").is_empty());
}

#[test]
fn spurious_comparisons_bound_nothing() {
    for s in ["<>30", "=>30", "=<30"] {
        assert!(q(s).iter().all(|r| r.5 == HedgeKind::Exact), "{s}");
    }
}

#[test]
fn a_change_is_two_figures() {
    let r = q("the toll rose from 30 to 45");
    assert_eq!(r.len(), 2);
    assert_eq!((r[0].2, r[1].2), (Some(30.0), Some(45.0)));
}

#[test]
fn units_convert_to_a_base() {
    let toks = tokenize("72 hours", 0);
    let h = &find("72 hours", &toks)[0];
    let toks = tokenize("three days", 0);
    let d = &find("three days", &toks)[0];
    let (h, d) = (h.unit.as_ref().unwrap(), d.unit.as_ref().unwrap());
    assert_eq!(h.dimension, d.dimension);
    assert_eq!(h.to_base(72.0), d.to_base(3.0));
}

#[test]
fn compound_units() {
    assert_eq!(
        unit("10 km/h"),
        Some(("kilometre per hour".into(), "speed".into()))
    );
    assert_eq!(
        unit("188 miles an hour"),
        Some(("mile per hour".into(), "speed".into()))
    );
    assert_eq!(
        unit("4 square kilometres"),
        Some(("square kilometre".into(), "area".into()))
    );
    assert_eq!(
        unit("4km^3"),
        Some(("cubic kilometre".into(), "volume".into()))
    );
    assert_eq!(
        unit("$15.4/hour"),
        Some(("USD per hour".into(), "money:USD/duration".into()))
    );
}

#[test]
fn ambiguous_units_follow_the_sentence() {
    assert_eq!(unit("rotate 90 degrees").unwrap().1, "angle");
    assert_eq!(
        unit("the temperature is 24 degrees").unwrap().1,
        "temperature:degree"
    );
    assert_eq!(unit("the baby weighs 7 pounds").unwrap().1, "mass");
    assert_eq!(unit("he paid 7 pounds").unwrap().1, "money:GBP");
}

#[test]
fn shared_unit_and_lists() {
    let r = q("They were given 45 and 50 mg ethanol.");
    assert_eq!(r.len(), 2);
    let toks = tokenize("45 and 50 mg", 0);
    assert_eq!(
        find("45 and 50 mg", &toks)[0].unit.as_ref().unwrap().name,
        "milligram"
    );
    assert_eq!(q("Exercises nrs. 22,24,26,31.").len(), 4);
}

#[test]
fn a_hanging_hyphen_takes_the_unit_to_come() {
    let first = |s: &str| {
        let q = find(s, &tokenize(s, 0)).remove(0);
        (q.kind, q.unit.map(|u| u.name))
    };
    let bits = first("The patch fits 16- and 32-bit builds.");
    assert_eq!(
        (bits.0, bits.1.as_deref()),
        (QuantityKind::Measure, Some("bit"))
    );
    let spaced = first("The patch fits 16 - and 32-bit builds.");
    assert_eq!(spaced.1.as_deref(), Some("bit"));
    let ages = first("Classes for four- or five-year-olds start soon.");
    assert_eq!(ages.0, QuantityKind::Age);
    // An age is shared only through the hyphen: `three and the 12-year-old` are two.
    let two = first("The blast hurt three and a 12-year-old boy.");
    assert_eq!(two.0, QuantityKind::Count);
    let lone = first("Police held three and 12-year-old Ann.");
    assert_eq!(lone.0, QuantityKind::Count);
}
