//! Every span the pipeline reports slices the user's original text, for arbitrary input:
//! sentences are ordered, non-overlapping, with only whitespace between them, and every
//! quantity lies inside its sentence.

use corroborate::{analyze, Document};
use proptest::prelude::*;

fn check(text: &str) -> Result<(), TestCaseError> {
    if text.trim().is_empty() {
        return Ok(());
    }
    let a = analyze(Document::from_text("p", "p", text), None);
    let orig = a.normalized.original();
    prop_assert_eq!(orig, text);
    let mut prev_end = 0;
    for s in &a.sentences {
        let r = s.original.clone();
        prop_assert!(prev_end <= r.start && r.start < r.end && r.end <= text.len());
        prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        prop_assert!(
            text[prev_end..r.start].chars().all(|c| c.is_whitespace()
                || c == '\u{FEFF}'
                || c == '\u{200B}'
                || c == '\u{00AD}'
                || c.is_control()),
            "gap {:?}",
            &text[prev_end..r.start]
        );
        prev_end = r.end;
    }
    for c in &a.claims {
        let s = &a.sentences[c.sentence];
        let q = a.original_range(c.quantity.span.clone());
        prop_assert!(
            s.original.start <= q.start && q.end <= s.original.end,
            "{:?} outside {:?}",
            q,
            s.original
        );
        prop_assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_unicode(text in "\\PC{0,200}") {
        check(&text)?;
    }

    #[test]
    fn news_like(words in prop::collection::vec(prop_oneof![
        Just("At least"), Just("300"), Just("1,200"), Just("\u{201C}"), Just("\u{201D}"), Just("people"),
        Just("were"), Just("killed."), Just("Mr."), Just("U.S."), Just("$3.4bn"), Just("\u{20AC}75m"),
        Just("tens of thousands"), Just("\u{2013}"), Just("\u{00A0}"), Just("\n\n"), Just("3 a.m."),
        Just("between 20 and 25"), Just("\u{2026}"), Just("e\u{0301}"), Just("\u{FB01}"), Just("12\u{202F}000"),
        Just("said"), Just("police."), Just("?"), Just("(about 5 miles)"), Just("COVID-19"), Just("in 2019,"),
    ], 0..40)) {
        check(&words.join(" "))?;
    }
}
