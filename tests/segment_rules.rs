//! Regression cases for the sentence splitter, one named test per rule, plus a property test
//! of the range invariants on arbitrary Unicode.

use corroborate::segment::{block_end, detect, split, Lang, Options};
use corroborate::NormalizedText;
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
    // Times before a title: the time opens the sentence, or closes the one before.
    time_opens_then_title: En, "By 7 a.m. Gen. Ruiz had left. Troops followed." =>
        ["By 7 a.m. Gen. Ruiz had left.", "Troops followed."];
    time_closes_then_title: En, "The vote ended at 11 P.M. Sen. Ruiz then spoke." =>
        ["The vote ended at 11 P.M.", "Sen. Ruiz then spoke."];
    // A remark in brackets after a quotation that began mid-sentence.
    remark_after_midsentence_quote: En, "He told them, \"We are not leaving!\" (They left at dawn.)" =>
        ["He told them, \"We are not leaving!\" (They left at dawn.)"];
    remark_after_whole_quote: En, "\"We are not leaving!\" (They left at dawn.) The camp emptied." =>
        ["\"We are not leaving!\"", "(They left at dawn.)", "The camp emptied."];
    // A plain lowercase word before the stop: a lowercase start is still a new sentence.
    lowercase_start_after_word: En, "Water rose in the valley. residents fled north." =>
        ["Water rose in the valley.", "residents fled north."];
    lowercase_after_abbreviation: En, "Prices rose approx. ten percent in the med. sector." =>
        ["Prices rose approx. ten percent in the med. sector."];
    lowercase_after_quote_goes_on: En, "\"Run.\" she shouted." => ["\"Run.\" she shouted."];
    greek_lowercase_start: El, "Ο δρόμος έκλεισε. η βροχή συνεχίστηκε." =>
        ["Ο δρόμος έκλεισε.", "η βροχή συνεχίστηκε."];
    // Single letters.
    case_name: En, "The ruling in Roe v. Wade stood. It was 1973." =>
        ["The ruling in Roe v. Wade stood.", "It was 1973."];
    lowercase_letter_before_capital: En, "Compare line c. The Court agreed." =>
        ["Compare line c. The Court agreed."];
    initials_long: En, "Shares of J.P. Morgan Chase & Co. and W.R. Grace rose." =>
        ["Shares of J.P. Morgan Chase & Co. and W.R. Grace rose."];
    // Footnote marks.
    footnote_run: En, "The dose was doubled.4 5 Nobody objected." =>
        ["The dose was doubled.4 5", "Nobody objected."];
    footnote_commas: En, "It was delayed.12, 13 Work resumed." =>
        ["It was delayed.12, 13", "Work resumed."];
    // Glued sentences.
    glued_pronoun: En, "We waited.I left at noon." => ["We waited.", "I left at noon."];
    glued_roman: En, "The first era ended.XIX century rules followed." =>
        ["The first era ended.", "XIX century rules followed."];
    glued_dotted_abbrev: En, "He has a Ph.D in law." => ["He has a Ph.D in law."];
    // One-word questions.
    one_word_questions: En, "Who knew? when? Nobody said." => ["Who knew?", "when?", "Nobody said."];
    question_then_lowercase: En, "Why? asked the mayor." => ["Why? asked the mayor."];
    question_then_lowercase_line: En, "Who called?\nnobody answered." => ["Who called?", "nobody answered."];
    // Ordinals.
    ordinal_range: De, "Funde aus dem 2. -4. Jahrhundert wurden gezeigt. Sie sind alt." =>
        ["Funde aus dem 2. -4. Jahrhundert wurden gezeigt.", "Sie sind alt."];
    // Arabic: colons and commas end sentences, except between list items and digits.
    arabic_colon: Ar, "الخبر: وصل الوفد. بدأت المحادثات." =>
        ["الخبر:", "وصل الوفد.", "بدأت المحادثات."];
    arabic_comma_list: Ar, "اشترى الخبز، والماء، والملح، ثم عاد" =>
        ["اشترى الخبز، والماء، والملح،", "ثم عاد"];
    arabic_clock: Ar, "وصل في 05:30 صباحا." => ["وصل في 05:30 صباحا."];
    // Scripts without spaces.
    cjk_ascii_brackets: Ja, "雨です(風です。雪です)。晴れです。" => ["雨です(風です。雪です)。", "晴れです。"];
    cjk_ascii_period: Ja, "雨です.晴れです." => ["雨です.", "晴れです."];
    cjk_line_break: Ja, "雨です \n晴れです" => ["雨です", "晴れです"];
    // Line breaks.
    soft_wrap_before_capital: En, "Rescuers reached the Ruiz \nFarm on Monday." =>
        ["Rescuers reached the Ruiz \nFarm on Monday."];
    indented_line_after_soft_wrap: En, "Annex 4 \n\tRoad closures" => ["Annex 4", "Road closures"];
    short_line_labels: En, "In summary. deaths\ninjuries\nmissing" =>
        ["In summary.", "deaths", "injuries", "missing"];
    deliberate_break: En, "The storm moved north over the coast on Monday\nroads were closed in the whole county by noon today and tonight" =>
        ["The storm moved north over the coast on Monday", "roads were closed in the whole county by noon today and tonight"];
    hard_wrapped: En, "The storm moved north over the coast on Monday and\nroads were closed in the county" =>
        ["The storm moved north over the coast on Monday and\nroads were closed in the county"];
    hard_line_end: En, "It was over.\nThe crowd left." => ["It was over.", "The crowd left."];
    dateline_line: En, "KYIV, Ukraine (AP) \u{2014} Sirens sounded. Crowds sheltered." =>
        ["KYIV, Ukraine (AP) \u{2014} Sirens sounded.", "Crowds sheltered."];
    spaced_ellipsis_in_quote: En, "He wrote \"it ended. . . .\" Then silence." =>
        ["He wrote \"it ended. . . .\"", "Then silence."];
    // Ranks and military units inside a sentence (issue 14).
    ranks_mid_sentence: En, "Brig. Gen. Ada Cole and Maj. Gen. Tim Roe of the 4th Inf. Div. met Col. Ruiz." =>
        ["Brig. Gen. Ada Cole and Maj. Gen. Tim Roe of the 4th Inf. Div. met Col. Ruiz."];
    unit_before_name: En, "The 2nd Cav. Regt. moved north. Troops followed." =>
        ["The 2nd Cav. Regt. moved north.", "Troops followed."];
    unit_at_end: En, "She served with the 82nd Inf. The unit later disbanded." =>
        ["She served with the 82nd Inf.", "The unit later disbanded."];
    // Scraped text that lost the space after a quotation.
    glued_after_closing_quote: En, "She told us \"leave now.\"The road flooded." =>
        ["She told us \"leave now.\"", "The road flooded."];
    glued_opening_quote: En, "\"We stay,\" he said.\"Nobody leaves.\" Then he went." =>
        ["\"We stay,\" he said.", "\"Nobody leaves.\"", "Then he went."];
    glued_after_exclamation: En, "\"Get out!\"Everyone ran." => ["\"Get out!\"", "Everyone ran."];
    quote_then_lowercase_stays: En, "\"Fine.\"she said." => ["\"Fine.\"she said."];
    // A detached double dot is a stop and a stray dot, not an ellipsis.
    stray_dot_after_word: En, "The vote ended .. Counting began." =>
        ["The vote ended .", ".", "Counting began."];
    stray_dots_after_sentence: En, "The vote ended. .. Counting began." =>
        ["The vote ended.", "..", "Counting began."];
    stray_dots_before_lowercase: En, "We wait .. and see." => ["We wait .. and see."];
    // Edge cases.
    empty: En, "" => [];
    only_space: En, " \n \t " => [];
    only_stops: En, "...!?" => ["...!?"];
}

/// `normalized!(name, "text", ["sentence", …])`: through the normalizer, as the CLI runs;
/// sentences are slices of the original text.
macro_rules! normalized {
    ($($name:ident: $text:expr => [$($s:expr),* $(,)?];)*) => {
        $(
            #[test]
            fn $name() {
                let text: &str = $text;
                let n = NormalizedText::new(text);
                let got: Vec<&str> = corroborate::sentences(&n, Some(Lang::En))
                    .into_iter()
                    .map(|s| &text[s.original])
                    .collect();
                let expected: Vec<&str> = vec![$($s),*];
                assert_eq!(got, expected, "text: {:?}", text);
            }
        )*
    };
}

normalized! {
    html_tags: "<h1>Flood warning</h1><p>Rivers rose. Roads closed.</p>" =>
        ["Flood warning", "Rivers rose.", "Roads closed."];
    inline_tags_stay_inside: "Rivers <b>rose</b> fast. Roads closed." =>
        ["Rivers <b>rose</b> fast.", "Roads closed."];
    escaped_tags: "&lt;b&gt;Update:&lt;/b&gt; Rivers rose. Roads closed." =>
        ["Update:&lt;/b&gt; Rivers rose.", "Roads closed."];
    entities: "Smith &amp; Sons closed. Staff left." => ["Smith &amp; Sons closed.", "Staff left."];
    curly_entities: "He said &#8220;never.&#8221; Then he left." =>
        ["He said &#8220;never.&#8221;", "Then he left."];
    not_tags: "Apple <AAPL.O> rose as x <y and z> fell." =>
        ["Apple <AAPL.O> rose as x <y and z> fell."];
    toc_leaders: "Contents..........2\nThe flood........ 14-15\n" => ["Contents", "The flood"];
    ellipsis_is_no_leader: "It ended.... 5 people were hurt." => ["It ended....", "5 people were hurt."];
    rules_lines: "Story one ends.\n-----\nStory two starts." => ["Story one ends.", "Story two starts."];
    glued_rule: "=====Breaking news=====" => ["Breaking news"];
    escaped_line_breaks: "Rivers rose.\\nRoads closed. \\r\\n Schools shut." =>
        ["Rivers rose.", "Roads closed.", "Schools shut."];
    paths_are_no_escapes: "Save it in C:\\news today." => ["Save it in C:\\news today."];
    lone_cr_paragraph: "Flood warning \rRivers rose." => ["Flood warning", "Rivers rose."];
    zero_width_edges: "Rivers rose.\u{200B} Roads closed.\u{FEFF}" => ["Rivers rose.", "Roads closed."];
}

#[test]
fn wrapped_text_joins_short_lines() {
    let text = "Aid arrived\nlate in the day.";
    let opts = Options { wrapped: true };
    let mut got = Vec::new();
    let _ = corroborate::segment::split_into(text, Lang::En, opts, &mut got);
    assert_eq!(got.len(), 1);
    assert_eq!(
        sentences(text, Lang::En),
        ["Aid arrived", "late in the day."]
    );
}

#[test]
fn blocks_end_at_hard_breaks() {
    let text = "One.\nTwo ends.\nThree\n\nFour";
    let mut ends = Vec::new();
    let mut start = 0;
    while let Some(end) = block_end(text, start, true, Lang::En) {
        if end == start {
            break;
        }
        ends.push(end);
        start = end;
    }
    // "One.\n" is no hard break ("One" is capitalised); "ends.\nThree" is; so is the blank line.
    assert_eq!(ends, [15, 21, text.len()]);
    // Undecided without the rest of the text.
    assert_eq!(block_end("It ends.\nT", 0, false, Lang::En), None);
    assert_eq!(block_end("No break yet", 0, false, Lang::En), None);
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

/// A long line whose stops were stripped is cut where a capitalised starter word follows a
/// lowercase word; a long sentence with commas is prose and stays whole.
#[test]
fn long_unpunctuated_runs_are_cut_before_starters() {
    let clause =
        "rescue crews worked through the night in the ruins of the old quarter near the river";
    let run = format!(
        "{clause} and {clause} The mayor asked for calm while {clause} and {clause} \
         Police closed the roads around the square as {clause} and {clause} \
         They expect more aftershocks in the coming days"
    );
    let got = sentences(&run, Lang::En);
    assert_eq!(got.len(), 3, "{got:#?}");
    assert!(
        got[1].starts_with("The mayor") && got[2].starts_with("They expect"),
        "{got:#?}"
    );
    let prose =
        format!("{clause}, and {clause}, The mayor said, {clause}, and {clause} as {clause}");
    assert_eq!(sentences(&prose, Lang::En).len(), 1);
}
