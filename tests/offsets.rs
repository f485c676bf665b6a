//! Every span the pipeline reports slices the user's original text, for arbitrary input:
//! sentences are ordered and non-overlapping; between them lies only whitespace, or what
//! normalization removes (markup, entities, leaders, rules, invisible characters); every
//! quantity lies inside its sentence; and streaming the input in pieces gives exactly the
//! sentences of splitting it whole.

use corroborate::segment::{Lang, Options};
use corroborate::stream::{self, SentenceSpan};
use corroborate::{analyze, Document, NormalizedText};
use proptest::prelude::*;
use std::io::Read;
use std::ops::Range;
use std::path::Path;

/// Characters that may trigger a cleaning rule; without them (and without runs of rule
/// characters) nothing but whitespace and invisible characters may fall between sentences.
fn cleanable(text: &str) -> bool {
    text.contains(['<', '&', '\\'])
        || [
            "///", "___", "===", "***", "~~~", "###", "---", "+++", "....",
        ]
        .iter()
        .any(|r| text.contains(r))
}

fn invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{00AD}'
        )
        || c.is_control()
}

fn check(text: &str) -> Result<(), TestCaseError> {
    if text.trim().is_empty() {
        return Ok(());
    }
    let a = analyze(Document::from_text("p", "p", text), None);
    let orig = a.normalized.original();
    prop_assert_eq!(orig, text);
    let strict = !cleanable(text);
    let mut prev_end = 0;
    for s in &a.sentences {
        let r = s.original.clone();
        prop_assert!(prev_end <= r.start && r.start < r.end && r.end <= text.len());
        prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        let gap = &text[prev_end..r.start];
        prop_assert!(
            NormalizedText::new(gap).text().trim().is_empty(),
            "gap {:?} is not blank once normalized",
            gap
        );
        if strict {
            prop_assert!(gap.chars().all(invisible), "gap {:?}", gap);
        }
        prev_end = r.end;
    }
    let tail = &text[prev_end..];
    prop_assert!(
        NormalizedText::new(tail).text().trim().is_empty(),
        "tail {:?}",
        tail
    );
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

/// A reader that hands out its bytes in pieces of the given sizes, in turn.
struct Pieces<'a> {
    data: &'a [u8],
    sizes: Vec<usize>,
    n: usize,
}

impl Read for Pieces<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let size = self.sizes[self.n % self.sizes.len()].max(1);
        self.n += 1;
        let k = size.min(buf.len()).min(self.data.len());
        buf[..k].copy_from_slice(&self.data[..k]);
        self.data = &self.data[k..];
        Ok(k)
    }
}

fn streamed(text: &str, sizes: Vec<usize>, lang: Option<Lang>) -> Vec<(Range<usize>, String)> {
    let mut got = Vec::new();
    let reader = Pieces {
        data: text.as_bytes(),
        sizes,
        n: 0,
    };
    let sink = |s: SentenceSpan<'_>| {
        assert_eq!(s.index, got.len());
        got.push((s.start..s.end, s.text.to_string()));
        Ok(())
    };
    stream::split_reader(reader, Path::new("p"), lang, Options::default(), sink).unwrap();
    got
}

fn check_stream(text: &str, sizes: Vec<usize>, lang: Option<Lang>) -> Result<(), TestCaseError> {
    if text.trim().is_empty() {
        return Ok(());
    }
    let n = NormalizedText::new(text);
    let whole: Vec<(Range<usize>, String)> = corroborate::sentences(&n, lang)
        .into_iter()
        .map(|s| (s.original.clone(), text[s.original].to_string()))
        .collect();
    let got = streamed(text, sizes, lang);
    prop_assert_eq!(got, whole);
    Ok(())
}

/// Paragraphs of news-like words, so that blocks, quotes and lists cross read boundaries.
fn paragraphs() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("At least"),
            Just("300"),
            Just("people"),
            Just("were"),
            Just("killed."),
            Just("Mr."),
            Just("U.S."),
            Just("\u{201C}We"),
            Just("left.\u{201D}"),
            Just("said"),
            Just("police."),
            Just("(Reuters)"),
            Just("\n"),
            Just("\n\n"),
            Just("\r\n"),
            Just("The"),
            Just("1."),
            Just("2."),
            Just("<p>"),
            Just("</p>"),
            Just("&amp;"),
            Just("caf\u{00E9}"),
            Just("e\u{0301}"),
            Just("\u{65E5}\u{672C}\u{3002}"),
            Just("\u{2014}"),
            Just("?"),
            Just("a.m."),
            Just("----"),
            Just("\u{00A0}"),
        ],
        0..120,
    )
    .prop_map(|w| w.join(" "))
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
        Just("<b>"), Just("</div>"), Just("&lt;i&gt;"), Just("\\r\\n"), Just("....... 5\n"), Just("////"),
        Just("&#8220;"), Just("\r"), Just("\u{FEFF}"),
    ], 0..40)) {
        check(&words.join(" "))?;
    }

    #[test]
    fn streaming_matches_whole_on_unicode(
        text in "\\PC{0,300}",
        sizes in prop::collection::vec(1usize..64, 1..8),
    ) {
        check_stream(&text, sizes, Some(Lang::En))?;
    }

    #[test]
    fn streaming_matches_whole_on_paragraphs(
        text in paragraphs(),
        sizes in prop::collection::vec(1usize..200, 1..8),
        detect in any::<bool>(),
    ) {
        check_stream(&text, sizes, if detect { None } else { Some(Lang::En) })?;
    }
}

#[test]
fn invalid_utf8_split_across_reads_is_one_error_at_its_byte() {
    // Valid sequences split across reads decode whole; the first invalid byte is an error,
    // however the input was cut.
    let bytes = "Caf\u{e9} opened.\nIt \u{1F600} smiled."
        .as_bytes()
        .to_vec();
    let mut bad = bytes.clone();
    bad.extend_from_slice(b"\nThen it \xe9closed.");
    for size in 1..8 {
        let run = |data: &[u8]| {
            let reader = Pieces {
                data,
                sizes: vec![size],
                n: 0,
            };
            let mut got = Vec::new();
            stream::split_reader(
                reader,
                Path::new("x.txt"),
                Some(Lang::En),
                Options::default(),
                |s| {
                    got.push(s.text.to_string());
                    Ok(())
                },
            )
            .map(|_| got)
        };
        assert_eq!(
            run(&bytes).unwrap(),
            ["Caf\u{e9} opened.", "It \u{1F600} smiled."],
            "size {size}"
        );
        let e = run(&bad).unwrap_err().to_string();
        assert!(
            e.starts_with("x.txt: invalid UTF-8 at byte 38 (line 3)"),
            "size {size}: {e}"
        );
    }
}

#[test]
fn binary_and_empty_input_are_errors_naming_the_file() {
    let run = |data: &[u8]| {
        stream::split_reader(data, Path::new("r.txt"), None, Options::default(), |_| {
            Ok(())
        })
        .unwrap_err()
        .to_string()
    };
    assert_eq!(run(b"  \n\t "), "r.txt: the report is empty");
    assert_eq!(run(b""), "r.txt: the report is empty");
    assert!(run(b"ab\0cd").contains("r.txt: looks like a binary file (byte offset 2)"));
    let mut late = vec![b'a'; 100_000];
    late[70_000] = 0;
    assert!(run(&late).contains("byte offset 70000"));
}
