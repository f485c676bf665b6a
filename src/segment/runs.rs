//! Long runs without punctuation: a scraped line or a transcript with its stops stripped
//! would otherwise be one sentence pages long, quoted whole as the evidence for every figure
//! in it. Such a run is cut before a capitalised sentence-starter word (`The`, `He`, `But`)
//! that follows a lowercase word: where a stop was lost.

use super::lang::Rules;
use std::ops::Range;

/// A sentence longer than this (bytes) with no comma, semicolon, colon or stop inside is a
/// run, not prose: a hundred words without a comma is no sentence anyone writes.
pub(super) const LONG_RUN: usize = 600;

/// No piece shorter than this (bytes) is cut off a run.
const MIN_PIECE: usize = 40;

/// Whether `s` is a run to cut: long, and with no punctuation that prose would have.
pub(super) fn is_run(s: &str) -> bool {
    s.len() > LONG_RUN
        && !s
            .bytes()
            .any(|b| matches!(b, b',' | b';' | b':' | b'.' | b'!' | b'?'))
}

/// Cuts the run `text[r]` before each capitalised starter word that follows a lowercase
/// word, keeping every piece at least [`MIN_PIECE`] long; pushes the pieces.
pub(super) fn cut_run(text: &str, r: Range<usize>, rules: &Rules, out: &mut Vec<Range<usize>>) {
    let mut start = r.start;
    let mut prev_lower = false;
    let mut buf = String::new();
    for word in text[r.clone()].split_whitespace() {
        // The word's own offset: whitespace may be wider than a byte (U+3000).
        let at = word.as_ptr() as usize - text.as_ptr() as usize;
        let first = word.as_bytes()[0];
        if prev_lower && first.is_ascii_uppercase() && at - start >= MIN_PIECE {
            buf.clear();
            buf.extend(word.chars().map(|c| c.to_ascii_lowercase()));
            let bare = buf.trim_end_matches(|c: char| !c.is_alphanumeric());
            // `I` starts sentences but also stands mid-sentence ("then I left").
            if bare != "i" && rules.starters.contains(bare) {
                push_piece(text, start..at, out);
                start = at;
            }
        }
        prev_lower = word
            .chars()
            .next_back()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    }
    push_piece(text, start..r.end, out);
}

fn push_piece(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let t = s.trim();
    if !t.is_empty() {
        let lead = s.len() - s.trim_start().len();
        out.push(r.start + lead..r.start + lead + t.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::lang::rules;
    use crate::segment::Lang;

    fn pieces(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        cut_run(s, 0..s.len(), rules(Lang::En), &mut out);
        out.into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn a_run_is_cut_before_starters_after_lowercase_words() {
        let run = "the quake struck the hill town before dawn and flattened most homes \
                   The army sent troops to help the rescue teams overnight in the rain \
                   They found two survivors under the rubble of the old church";
        assert_eq!(
            pieces(run),
            vec![
                "the quake struck the hill town before dawn and flattened most homes",
                "The army sent troops to help the rescue teams overnight in the rain",
                "They found two survivors under the rubble of the old church",
            ]
        );
    }

    #[test]
    fn wide_spaces_keep_the_pieces_on_their_words() {
        let run =
            "the river rose in the night\u{3000}and the village\u{3000}was cut off from the road \
                   The rescuers came by boat\u{3000}at first light in the morning";
        let got = pieces(run);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[1].starts_with("The rescuers"), "{got:?}");
    }

    #[test]
    fn names_and_short_pieces_are_not_cut() {
        // `Rome` is no starter; `The` right at the start would leave a piece too short.
        assert_eq!(pieces("they met in Rome The end").len(), 1);
        let s = "a b c d e f g h i j k l m n o p q r s t u v then I said it was time to go";
        assert_eq!(pieces(s).len(), 1);
    }

    #[test]
    fn only_long_unpunctuated_text_is_a_run() {
        assert!(!is_run("a short line without stops"));
        assert!(is_run(&"word ".repeat(200)));
        assert!(!is_run(&"word, ".repeat(200)));
    }
}
