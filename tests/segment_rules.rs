//! Regression cases for the sentence splitter, one named test per rule, plus a property test
//! of the range invariants on arbitrary Unicode.

use corroborate::segment::{detect, split, Lang};
use proptest::prelude::*;

fn sentences(text: &str, lang: Lang) -> Vec<&str> {
    split(text, lang).into_iter().map(|r| &text[r]).collect()
}

/// `case!(name, lang, "text", ["sentence", …])`: one #[test] per row.
macro_rules! cases {
    ($($name:ident: $lang:ident, $text:expr => [$($s:expr),* $(,)?];)*) => {
        $(
            #[test]
            fn $name() {
                let expected: Vec<&str> = vec![$($s),*];
                assert_eq!(sentences($text, Lang::$lang), expected, "text: {:?}", $text);
            }
        )*
    };
}

cases! {
    // Plain stops.
    period: En, "The ferry sank. Rescuers arrived." => ["The ferry sank.", "Rescuers arrived."];
    question_and_bang: En, "Was it safe? No! Officials denied it." =>
        ["Was it safe?", "No!", "Officials denied it."];
    combined_marks: En, "Really?! Nobody knew." => ["Really?!", "Nobody knew."];
    lowercase_continues: En, "Why? asked the mayor twice." => ["Why? asked the mayor twice."];
    no_terminal_at_end: En, "Talks resume today" => ["Talks resume today"];
    // Titles and abbreviations.
    titles: En, "Gov. Ann Lee met Sen. Bo Park and Lt. Col. Ray. They spoke." =>
        ["Gov. Ann Lee met Sen. Bo Park and Lt. Col. Ray.", "They spoke."];
    company_mid_sentence: En, "Acme Corp. said profits rose." => ["Acme Corp. said profits rose."];
    company_end: En, "The deal went to Acme Inc. The shares jumped." =>
        ["The deal went to Acme Inc.", "The shares jumped."];
    country_mid: En, "The U.S. Senate voted on the U.K. plan." =>
        ["The U.S. Senate voted on the U.K. plan."];
    country_end: En, "She moved to the U.S. It was 1990." => ["She moved to the U.S.", "It was 1990."];
    un_and_eu: En, "The U.N. and the E.U. agreed." => ["The U.N. and the E.U. agreed."];
    etc_end: En, "They sold fruit, bread, etc. The market closed." =>
        ["They sold fruit, bread, etc.", "The market closed."];
    eg_ie: En, "Some states, e.g. Ohio, i.e. the swing ones, vote early." =>
        ["Some states, e.g. Ohio, i.e. the swing ones, vote early."];
    number_abbrev: En, "Flight No. 17 landed at Gate No. 4." => ["Flight No. 17 landed at Gate No. 4."];
    no_as_word: En, "He said no. Then he left." => ["He said no.", "Then he left."];
    versus: En, "It was Smith vs. Jones in court." => ["It was Smith vs. Jones in court."];
    months: En, "On Jan. 5 and Sept. 12 prices fell." => ["On Jan. 5 and Sept. 12 prices fell."];
    phd: En, "She holds a Ph.D. from Yale." => ["She holds a Ph.D. from Yale."];
    junior: En, "Martin Luther King Jr. spoke there." => ["Martin Luther King Jr. spoke there."];
    // Initials.
    initials: En, "J.P. Morgan and George W. Bush met." => ["J.P. Morgan and George W. Bush met."];
    pronoun_i: En, "It was you and I. Did it matter?" => ["It was you and I.", "Did it matter?"];
    // Numbers.
    decimal: En, "Growth was 3.5 percent. Rates held." => ["Growth was 3.5 percent.", "Rates held."];
    version: En, "Version 1.2.3 shipped. Users cheered." => ["Version 1.2.3 shipped.", "Users cheered."];
    money_end: En, "It cost $4.50. Few paid." => ["It cost $4.50.", "Few paid."];
    number_end: En, "Deaths rose to 41. Officials said more were missing." =>
        ["Deaths rose to 41.", "Officials said more were missing."];
    // Lists.
    numbered_inline: En, "1. Close the roads 2. Open shelters" =>
        ["1. Close the roads", "2. Open shelters"];
    numbered_paren: En, "1) Close the roads 2) Open shelters" =>
        ["1) Close the roads", "2) Open shelters"];
    lettered: En, "a) roads b) shelters c) water" => ["a) roads", "b) shelters", "c) water"];
    bullets: En, "• Roads closed • Shelters open" => ["• Roads closed", "• Shelters open"];
    lone_number_not_list: En, "He ranked No. 2. Then he retired." =>
        ["He ranked No. 2.", "Then he retired."];
    // Ellipses.
    ellipsis_mid: En, "We waited ... and waited." => ["We waited ... and waited."];
    ellipsis_end: En, "We waited... Nobody came." => ["We waited...", "Nobody came."];
    unicode_ellipsis: En, "We waited… Nobody came." => ["We waited…", "Nobody came."];
    four_dots: En, "It was over.... Then rain." => ["It was over....", "Then rain."];
    bracket_ellipsis: En, "\"The law [...] is clear\" (Doe 4)." => ["\"The law [...] is clear\" (Doe 4)."];
    // Quotes and brackets.
    quote_end: En, "He said \"stop.\" Then he left." => ["He said \"stop.\"", "Then he left."];
    quote_said: En, "\"Stop.\" he said." => ["\"Stop.\" he said."];
    quote_inside: En, "\"We will rebuild. We will not leave,\" the mayor said." =>
        ["\"We will rebuild. We will not leave,\" the mayor said."];
    curly_quotes: En, "She said “it is over.” Then she left." =>
        ["She said “it is over.”", "Then she left."];
    paren_end: En, "(See above.) Next item." => ["(See above.)", "Next item."];
    paren_mid: En, "The toll (at least 30.) rose again." => ["The toll (at least 30.) rose again."];
    // E-mail and URLs.
    email: En, "Write to press@example.org. We reply fast." =>
        ["Write to press@example.org.", "We reply fast."];
    url: En, "See https://example.com/a.html. It explains." =>
        ["See https://example.com/a.html.", "It explains."];
    glued: En, "It rained.Then it stopped." => ["It rained.", "Then it stopped."];
    // Times.
    time_then_sentence: En, "It began at 6 a.m. Police arrived later." =>
        ["It began at 6 a.m.", "Police arrived later."];
    time_then_weekday: En, "It began at 6 a.m. Monday in the north." =>
        ["It began at 6 a.m. Monday in the north."];
    time_then_title: En, "At 9 p.m. Mr. Ito spoke." => ["At 9 p.m. Mr. Ito spoke."];
    // Line breaks.
    paragraph_break: En, "Roads closed\n\nShelters open" => ["Roads closed", "Shelters open"];
    crlf_paragraphs: En, "Roads closed.\r\n\r\nShelters open." => ["Roads closed.", "Shelters open."];
    wrapped_line: En, "The storm hit the\ncoast on Monday." => ["The storm hit the\ncoast on Monday."];
    headline: En, "Quake kills 30 in Turkey\nAt least 30 people died on Monday." =>
        ["Quake kills 30 in Turkey", "At least 30 people died on Monday."];
    glue_word_no_headline: En, "Rescuers reached the\nVillage late." => ["Rescuers reached the\nVillage late."];
    dateline: En, "MOSCOW (Reuters) — Russia said on Monday it would act. Talks failed." =>
        ["MOSCOW (Reuters) — Russia said on Monday it would act.", "Talks failed."];
    dateline_with_date: En, "WASHINGTON, Jan. 5 (AP) - The U.S. Senate met." =>
        ["WASHINGTON, Jan. 5 (AP) - The U.S. Senate met."];
    footnote: En, "It was approved.[3] Critics objected." => ["It was approved.[3]", "Critics objected."];
    // Other languages.
    german_ordinal: De, "Am 3. Oktober feierten sie. Dann gingen sie." =>
        ["Am 3. Oktober feierten sie.", "Dann gingen sie."];
    german_abbrev: De, "Er kam z. B. mit Dr. Weber. Sie blieb." =>
        ["Er kam z. B. mit Dr. Weber.", "Sie blieb."];
    german_page: De, "Das steht auf Seite 12. Dort steht mehr." =>
        ["Das steht auf Seite 12.", "Dort steht mehr."];
    spanish_marks: Es, "¡Hola Sra. Gómez! ¿Cómo está?" => ["¡Hola Sra. Gómez!", "¿Cómo está?"];
    french_quotes: Fr, "Il a dit « c'est fini. » Puis il est parti." =>
        ["Il a dit « c'est fini. »", "Puis il est parti."];
    italian_elision: It, "Parla l'Avv. Rossi. Poi tace." => ["Parla l'Avv. Rossi.", "Poi tace."];
    russian_initials: Ru, "А. С. Пушкин родился в 1799 г. в Москве. Он писал." =>
        ["А. С. Пушкин родился в 1799 г. в Москве.", "Он писал."];
    japanese: Ja, "雨が降った。試合は中止だ。" => ["雨が降った。", "試合は中止だ。"];
    chinese_nested: Zh, "他看了《你好！再见》。然后走了。" => ["他看了《你好！再见》。", "然后走了。"];
    hindi_danda: Hi, "वह आया। वह गया।" => ["वह आया।", "वह गया।"];
    armenian_colon: Hy, "Նա եկավ: Նա գնաց:" => ["Նա եկավ:", "Նա գնաց:"];
    greek_question: El, "Πού είσαι; Έλα εδώ." => ["Πού είσαι;", "Έλα εδώ."];
    arabic_question: Ar, "هل جاء؟ نعم جاء." => ["هل جاء؟", "نعم جاء."];
    // Edge cases.
    empty: En, "" => [];
    only_space: En, " \n \t " => [];
    only_stops: En, "...!?" => ["...!?"];
}

#[test]
fn detect_languages() {
    assert_eq!(
        detect("The president said that the talks were over."),
        Lang::En
    );
    assert_eq!(
        detect("Der Präsident sagte, dass die Gespräche nicht vorbei sind."),
        Lang::De
    );
    assert_eq!(
        detect("Le président a dit que les négociations sont terminées."),
        Lang::Fr
    );
    assert_eq!(
        detect("El presidente dijo que las negociaciones con los socios terminaron."),
        Lang::Es
    );
    assert_eq!(
        detect("Президент заявил, что переговоры завершены."),
        Lang::Ru
    );
    assert_eq!(detect("雨が降った。"), Lang::Ja);
    assert_eq!(detect(""), Lang::En);
}

#[test]
fn codes() {
    assert_eq!(Lang::from_code("DE"), Some(Lang::De));
    assert_eq!(Lang::De.code(), "de");
    assert_eq!(Lang::from_code("tlh"), None);
}

fn check_invariants(text: &str, lang: Lang) -> Result<(), TestCaseError> {
    let ranges = split(text, lang);
    let mut prev = 0;
    for r in &ranges {
        prop_assert!(r.start < r.end, "empty range {:?}", r);
        prop_assert!(r.start >= prev, "overlap or disorder at {:?}", r);
        prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        let s = &text[r.clone()];
        prop_assert_eq!(s, s.trim(), "untrimmed {:?}", s);
        prop_assert!(
            text[prev..r.start].trim().is_empty(),
            "non-space between ranges"
        );
        prev = r.end;
    }
    prop_assert!(
        text[prev..].trim().is_empty(),
        "non-space after the last range"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn ranges_are_well_formed(text in any::<String>(), li in 0usize..Lang::ALL.len()) {
        check_invariants(&text, Lang::ALL[li])?;
    }

    #[test]
    fn ranges_are_well_formed_on_punctuation_soup(
        text in r#"([a-zA-Z0-9 .!?\n\r"'()\[\]«»“”„‘’…。！？।։:;•⁃,—-]|Mr|U\.S|e\.g|a\.m|\. \. \.){0,80}"#,
        li in 0usize..Lang::ALL.len(),
    ) {
        check_invariants(&text, Lang::ALL[li])?;
    }
}
