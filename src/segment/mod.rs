//! Sentence splitting (placeholder until the rule-based splitter lands).

use std::ops::Range;

/// A language, by ISO 639-1 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
}

impl Lang {
    pub fn from_code(code: &str) -> Option<Lang> {
        (code == "en").then_some(Lang::En)
    }
    pub fn code(self) -> &'static str {
        "en"
    }
}

pub fn detect(_text: &str) -> Lang {
    Lang::En
}

pub fn split(text: &str, _lang: Lang) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let end_here = (matches!(b[i], b'.' | b'!' | b'?')
            && b.get(i + 1)
                .is_none_or(|c| c.is_ascii_whitespace() || *c == b'"'))
            || (b[i] == b'\n' && b.get(i + 1) == Some(&b'\n'));
        if end_here {
            let mut e = i + 1;
            if b.get(e) == Some(&b'"') {
                e += 1;
            }
            push(text, start..e, &mut out);
            start = e;
            i = e;
            continue;
        }
        i += 1;
    }
    push(text, start..text.len(), &mut out);
    out
}

fn push(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if r.start + lead < r.end - trail {
        out.push(r.start + lead..r.end - trail);
    }
}
