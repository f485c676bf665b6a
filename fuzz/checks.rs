//! What every fuzz target checks, shared by the cargo-fuzz targets (`fuzz/fuzz_targets/`) and
//! the bounded stand-in that `cargo test` runs (`tests/fuzz.rs`): beyond "no panic", each
//! stage's own promises — offsets on character boundaries that slice what they claim, ranges
//! in order, bounded sentence length, output that parses.
#![allow(dead_code)]

use corroborate::document::{html, Format};
use corroborate::extract::{quantity, token};
use corroborate::segment::{self, Lang};
use corroborate::{Document, NormalizedText, Source};
use std::path::Path;

/// The text of arbitrary bytes, as the readers decode them.
pub fn text_of(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Tokens lie in order inside the text, each a non-empty slice on character boundaries.
pub fn tokenizer(data: &[u8]) {
    let text = text_of(data);
    let tk = token::Tokens::new(&text, 0..text.len());
    let mut prev = 0;
    for (i, t) in tk.toks.iter().enumerate() {
        assert!(
            t.span.start >= prev && t.span.start < t.span.end,
            "token {i}: {:?}",
            t.span
        );
        assert!(t.span.end <= text.len());
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        let _ = (tk.raw(i), tk.lower(i), tk.folded(i));
        prev = t.span.end;
    }
}

/// Figures read from a normalized sentence: spans inside it on character boundaries,
/// values and bounds never NaN, low never above high.
pub fn numbers(data: &[u8]) {
    let n = NormalizedText::new(text_of(data));
    let text = n.text();
    let tk = token::Tokens::new(text, 0..text.len());
    for q in quantity::find_in(&tk) {
        assert!(
            q.span.start <= q.span.end && q.span.end <= text.len(),
            "{q:?}"
        );
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        for v in [q.value, q.low, q.high].into_iter().flatten() {
            assert!(!v.is_nan(), "NaN in {q:?}");
        }
        if let (Some(lo), Some(hi)) = (q.low, q.high) {
            assert!(lo <= hi, "low above high: {q:?}");
        }
        let back = n.to_original(q.span.clone());
        assert!(
            n.original().is_char_boundary(back.start) && n.original().is_char_boundary(back.end)
        );
    }
}

/// Sentences: in order, trimmed, never empty or longer than the limit, only whitespace
/// between them; mapped back to the original on character boundaries; the streaming splitter
/// gives the same sentences as the whole-text one.
pub fn splitter(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let lang = Lang::ALL[pick as usize % Lang::ALL.len()];
    let text = text_of(rest);
    let mut ranges = Vec::new();
    let _ = segment::split_into(&text, lang, segment::Options::default(), &mut ranges);
    let mut prev = 0;
    for r in &ranges {
        assert!(r.start < r.end && r.start >= prev, "{r:?} after {prev}");
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        assert!(r.len() <= segment::MAX_SENTENCE, "{} bytes", r.len());
        let s = &text[r.clone()];
        assert_eq!(s, s.trim(), "untrimmed");
        assert!(
            text[prev..r.start].trim().is_empty(),
            "text between sentences"
        );
        prev = r.end;
    }
    assert!(
        text[prev..].trim().is_empty(),
        "text after the last sentence"
    );

    let n = NormalizedText::new(text.clone());
    let whole = corroborate::sentences(&n, Some(lang));
    for s in &whole {
        assert!(text.is_char_boundary(s.original.start) && text.is_char_boundary(s.original.end));
        assert!(s.original.start <= s.original.end && s.original.end <= text.len());
    }
    let mut streamed = Vec::new();
    let result = corroborate::stream::split_reader(
        text.as_bytes(),
        Path::new("fuzz"),
        Some(lang),
        segment::Options::default(),
        |sp| {
            streamed.push(sp.start..sp.end);
            Ok(())
        },
    );
    if result.is_ok() {
        let spans: Vec<_> = whole.iter().map(|s| s.original.clone()).collect();
        assert_eq!(spans, streamed, "stream and whole text split differently");
    }
}

/// HTML: the shape scan and the tag stripper on any page, and the whole reading (Readability
/// within the limits) on pages small enough to run often.
pub fn html_reading(data: &[u8]) {
    let page = text_of(data);
    let shape = html::shape(&page);
    assert!(shape.depth <= html::MAX_DEPTH + 1, "{shape:?}");
    let text = html::strip(&page);
    // Linear: references expand at most a few times (`&#x10FFFF;` is shorter than its char
    // only in count; `&hellip;` becomes three dots).
    assert!(
        text.len() <= 3 * page.len() + 8,
        "{} bytes from {}",
        text.len(),
        page.len()
    );
    let mut warnings = Vec::new();
    let _ = html::to_text(Path::new("fuzz.html"), &page, &mut warnings);
    for w in &warnings {
        assert!(w.starts_with("fuzz.html: "), "{w}");
    }
}

/// Two arbitrary byte strings compared (each read as a report would be, HTML sniffed): every
/// report format renders; the JSON parses and its offsets slice each report's text to the
/// quoted sentence and figure.
pub fn compare(a: &[u8], b: &[u8]) {
    let read = |id: &str, bytes: &[u8]| {
        let source = Source::of_path(&format!("{id}.txt"), None);
        Document::from_bytes(Path::new(id), bytes.to_vec(), None, source).ok()
    };
    let (Some(a), Some(b)) = (read("a", a), read("b", b)) else {
        return;
    };
    let texts = [a.text.clone(), b.text.clone()];
    let Ok(cmp) = corroborate::compare(vec![a, b]) else {
        return;
    };
    let opts = corroborate::report::Options::default();
    for format in [
        corroborate::report::Format::Text,
        corroborate::report::Format::Csv,
        corroborate::report::Format::Markdown,
        corroborate::report::Format::Html,
    ] {
        corroborate::report::render(&cmp, format, &opts).expect("renders");
    }
    let json = corroborate::report::render(&cmp, corroborate::report::Format::Json, &opts)
        .expect("renders");
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON output parses");
    let at = |c: &serde_json::Value, k: &str| c[k].as_u64().map(|x| x as usize);
    for f in v["findings"].as_array().expect("findings") {
        for c in f["claims"].as_array().expect("claims") {
            let text = if c["source"] == "a" {
                &texts[0]
            } else {
                &texts[1]
            };
            let (s, e) = (at(c, "start").unwrap(), at(c, "end").unwrap());
            assert_eq!(Some(&text[s..e]), c["sentence"].as_str(), "{c}");
            if let Some(q) = c.get("quantity").filter(|q| !q.is_null()) {
                let (qs, qe) = (at(q, "start").unwrap(), at(q, "end").unwrap());
                assert_eq!(Some(&text[qs..qe]), q["text"].as_str(), "{c}");
            }
        }
    }
}

/// The compare target's input: two reports in one byte string, split at the first NUL-free
/// `\u{1}` separator (or in half).
pub fn compare_split(data: &[u8]) {
    let cut = data.iter().position(|&b| b == 1).unwrap_or(data.len() / 2);
    let (a, b) = data.split_at(cut);
    compare(a, b.strip_prefix(&[1]).unwrap_or(b));
}

/// The format a byte string would be read in without a name (what stdin sniffing does).
pub fn sniffed(data: &[u8]) -> Format {
    Format::sniff(&text_of(data))
}
