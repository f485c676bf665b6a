//! Sentence boundaries.
//!
//! [`split`] returns the byte ranges of the sentences of a text. It first cuts the text into
//! blocks at hard breaks ([`block_end`]), then runs one forward pass per block: only the bytes
//! that can end a sentence (`.`, `!`, `?`, line breaks, a few non-ASCII stops and bullets) are
//! looked at closely, and a decision looks only at the words around them. Per-language word
//! lists and switches live in `data/abbreviations/<lang>.txt` (see `en.txt` for the format) and
//! are parsed once.
//!
//! The rules, news text first:
//! - `.` after an abbreviation ends a sentence only before a sentence-starter word ("in the
//!   U.S. The…" but "the U.S. Senate"); titles (`Mr.`, `Gov.`) never do; `No.`/`p.` only
//!   stand for an abbreviation before a number; single letters are initials, and a lowercase
//!   one (`v.`, `c.`) never ends a sentence before a capital.
//! - A time (`a.m.`) before a title ends the sentence unless the time opened it ("At 5 a.m.
//!   Mr. Smith went" but "He left at 6 P.M. Mr. Smith then went").
//! - A comma or a dash after the stop means the sentence goes on, and so does a lowercase word
//!   after an abbreviation or a closing quote; after a plain lowercase word it does not.
//! - Decimals, versions, e-mails and URLs are never split; `world.Today` is, and so are
//!   `world.I dag` and `ended.XIX century`.
//! - Ellipses: `...`/`....` before a capital end a sentence; a spaced `. . .` does only with
//!   four dots.
//!   Two dots set apart from the word before (`ended .. Then`) are a stop and a stray dot.
//! - Closing quotes and brackets after the stop belong to the sentence that ends, and so does a
//!   bracketed remark after a quotation that began mid-sentence; footnote marks glued to the
//!   stop (`cold.11 12 Take`) too.
//!   Scraped text that lost the space after a quotation (`he said."The town…`) is cut
//!   before the capitalised word, or before the quote when it opens the next sentence.
//! - Numbered and lettered lists ("1. … 2. …", "a) … b) …") and bullets start items.
//! - A blank line always ends a sentence; a single line break does when the line has no stop
//!   and the next line starts with a capital (a headline), when the line is a short label, or
//!   when the next word would have fitted on the line (a deliberate break, not a wrap); a
//!   trailing space before the break marks a soft wrap unless the next line is indented.
//! - A long run with no punctuation at all (a scraped line, a transcript) is cut before a
//!   capitalised starter word that follows a lowercase word (`runs`).
//! - No sentence is longer than [`MAX_SENTENCE`] bytes: a longer stretch without a stop (text
//!   with its punctuation stripped, a run-on list of figures) is cut after a `;`, `:` or `,`,
//!   else at a space, else anywhere, in its last half. Every later stage looks at a sentence
//!   as a whole, so this keeps their cost linear in the text; [`split_into`] says how many
//!   cuts it made, and the callers warn.

mod lang;
mod runs;

pub use lang::{detect, Lang};
use lang::{rules, Rules};

use std::ops::Range;

/// Byte ranges of the sentences of `text`, in order, non-overlapping, each trimmed of
/// surrounding whitespace, never empty; only whitespace lies between consecutive ranges (and
/// before the first / after the last).
///
/// The text is split block by block (see [`block_end`]); no rule looks across a block
/// boundary, so a caller that feeds the blocks one at a time gets the same sentences.
pub fn split(text: &str, lang: Lang) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // Callers that must warn about over-long sentences use `split_into`.
    let _ = split_into(text, lang, Options::default(), &mut out);
    out
}

/// The longest sentence, in bytes, that the splitter hands on. The longest sentence seen in
/// the news of `corpus/` and the ECB+ evaluation set is 663 bytes; a stretch of several
/// kilobytes without a stop is a table, a list or text that lost its punctuation.
pub const MAX_SENTENCE: usize = 4096;

/// Sentences up to this many bytes are quoted whole next to a figure; a longer one is quoted
/// as an [`excerpt`] around it, so output stays linear in the input however many figures a
/// sentence holds.
pub const QUOTE_WHOLE: usize = 1024;

/// How much of a long sentence an [`excerpt`] shows either side of the figure, in bytes.
pub const EXCERPT_CONTEXT: usize = 160;

/// What to quote of the sentence `text[sentence]` as evidence for `text[focus]` (a figure in
/// it): the whole sentence when it is at most [`QUOTE_WHOLE`] bytes, else the focus with up to
/// [`EXCERPT_CONTEXT`] bytes either side, cut at word boundaries where there are any, never
/// beyond the sentence. The result always contains the focus (as clamped to the sentence).
pub fn excerpt(text: &str, sentence: Range<usize>, focus: Range<usize>) -> Range<usize> {
    if sentence.len() <= QUOTE_WHOLE {
        return sentence;
    }
    let b = text.as_bytes();
    let f_start = focus.start.clamp(sentence.start, sentence.end);
    let f_end = focus.end.clamp(f_start, sentence.end);
    let mut start = f_start.saturating_sub(EXCERPT_CONTEXT).max(sentence.start);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    if start > sentence.start {
        // Start after the first space, so no word is shown in part.
        if let Some(sp) = b[start..f_start].iter().position(u8::is_ascii_whitespace) {
            start += sp;
        }
        while start < f_start && b[start].is_ascii_whitespace() {
            start += 1;
        }
    }
    let mut end = (f_end + EXCERPT_CONTEXT).min(sentence.end);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end < sentence.end {
        if let Some(sp) = b[f_end..end].iter().rposition(u8::is_ascii_whitespace) {
            end = f_end + sp;
        }
        while end > f_end && b[end - 1].is_ascii_whitespace() {
            end -= 1;
        }
    }
    start..end
}

/// Sentences that ran over [`MAX_SENTENCE`] bytes and were cut where no stop was.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[must_use = "a forced cut must be reported to the user"]
pub struct Forced {
    /// How many cuts were made.
    pub cuts: usize,
    /// Where the first cut piece starts, in bytes (an offset into the text given).
    pub first: Option<usize>,
}

impl Forced {
    /// Adds the cuts of a later stretch of the same text.
    pub fn add(&mut self, other: Forced) {
        self.cuts += other.cuts;
        self.first = self.first.or(other.first);
    }

    /// The warning for `path`, the first cut piece starting at byte `at` of its input.
    pub fn warning(&self, path: &str, at: usize) -> String {
        format!(
            "{path}: text ran on for more than {MAX_SENTENCE} bytes without a sentence stop \
             (first at byte {at}); cut into sentences at commas or spaces ({} {})",
            self.cuts,
            if self.cuts == 1 { "cut" } else { "cuts" }
        )
    }

    /// The same cuts with offsets shifted by `by` bytes.
    pub fn shifted(self, by: usize) -> Forced {
        Forced {
            cuts: self.cuts,
            first: self.first.map(|f| f + by),
        }
    }
}

/// How the text was laid out, when the caller knows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Lines were wrapped by a program (text from a PDF, an e-mail): a single line break
    /// before a lowercase word continues the sentence, however short the line.
    pub wrapped: bool,
}

/// [`split`] with options, appending to `out`; says where sentences were cut for length.
pub fn split_into(text: &str, lang: Lang, options: Options, out: &mut Vec<Range<usize>>) -> Forced {
    let mut start = 0;
    let mut forced = Forced::default();
    while start < text.len() {
        let end = block_end(text, start, true, lang).unwrap_or(text.len());
        forced.add(split_block(text, start..end, lang, options, out));
        start = end;
    }
    forced
}

/// Splits one block, `text[block]`, appending the sentence ranges (offsets into `text`).
pub fn split_block(
    text: &str,
    block: Range<usize>,
    lang: Lang,
    options: Options,
    out: &mut Vec<Range<usize>>,
) -> Forced {
    let base = block.start;
    let text = &text[block];
    let mut s = Splitter {
        text,
        b: text.as_bytes(),
        options,
        rules: rules(lang),
        cuts: Vec::new(),
        nocut: Vec::new(),
        markers: Vec::new(),
        last_cut: 0,
        depth: 0,
        buf: String::new(),
        protect_end: 0,
        protect_start: 0,
        region_fail: [(0, false); 8],
    };
    s.run();
    let first = out.len();
    let forced = s.finish(out);
    for r in &mut out[first..] {
        r.start += base;
        r.end += base;
    }
    forced.shifted(base)
}

/// Where the block that starts at `from` ends: just after the first hard break after `from`,
/// or at the end of the text once `eof` says no more text will come. `None` means the text so
/// far holds no decided break and more is needed.
///
/// A hard break is a line break that ends a sentence whatever surrounds it:
/// - a blank line (only spaces, tabs or CRs between two line feeds);
/// - a line ending in `.`, `!` or `?` right after a plain lowercase word of two letters or
///   more that is no abbreviation, when the next line starts with a capitalised word
///   ("…on Monday.\nThe storm…").
///
/// Quotations, brackets and lists never reach across one, and normalization never changes
/// one, so the original text and its normalized form fall into the same blocks.
pub fn block_end(text: &str, from: usize, eof: bool, lang: Lang) -> Option<usize> {
    let b = text.as_bytes();
    let rules = rules(lang);
    let mut p = from;
    while let Some(q) = memchr::memchr(b'\n', &b[p..]) {
        let nl = p + q;
        // Blank line?
        let mut k = nl + 1;
        while k < b.len() && matches!(b[k], b' ' | b'\t' | b'\r') {
            k += 1;
        }
        if k >= b.len() {
            return eof.then_some(b.len());
        }
        if b[k] == b'\n' {
            return Some(nl + 1);
        }
        if hard_line_end(b, from, nl, rules) {
            // The next line must start with a capitalised word: "The", "Officials".
            if k + 1 >= b.len() && !eof {
                return None;
            }
            if b[k].is_ascii_uppercase() && b.get(k + 1).is_some_and(u8::is_ascii_lowercase) {
                return Some(nl + 1);
            }
        }
        p = nl + 1;
    }
    eof.then_some(b.len())
}

/// Does the line that ends at the line feed `nl` end in a stop after a plain word?
fn hard_line_end(b: &[u8], from: usize, nl: usize, rules: &Rules) -> bool {
    let mut e = nl;
    while e > from && matches!(b[e - 1], b' ' | b'\t' | b'\r') {
        e -= 1;
    }
    if e <= from || !matches!(b[e - 1], b'.' | b'!' | b'?') {
        return false;
    }
    let stop = e - 1;
    let mut w = stop;
    while w > from && b[w - 1].is_ascii_lowercase() && stop - w < 24 {
        w -= 1;
    }
    if stop - w < 2 || (w > from && !matches!(b[w - 1], b' ' | b'\t')) {
        return false;
    }
    // Plain ASCII lowercase, so the bytes are the lowercase word.
    let word = std::str::from_utf8(&b[w..stop]).unwrap_or("");
    !rules.is_abbreviation(word) && !rules.exclamations.contains(word)
}

/// What follows a possible boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Next {
    /// End of text.
    End,
    /// A lowercase letter: the sentence goes on.
    Lower,
    /// An uppercase letter.
    Upper,
    /// A digit.
    Digit,
    /// A letter of a script without case (CJK, Arabic…).
    Uncased,
    /// Punctuation that continues a sentence: `,;:` or a dash.
    Stop,
    /// Anything else (a symbol, `$`, `#`…).
    Other,
}

impl Next {
    /// Could a new sentence start here?
    fn starts(self) -> bool {
        matches!(
            self,
            Next::Upper | Next::Digit | Next::Uncased | Next::Other
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Term {
    Dot,
    /// `…`: counts as three dots.
    Ellipsis,
    /// `!`, `?` and friends.
    Bang,
    /// Stops of scripts that need no space after them (`。`, `।`, `։`…).
    Strong,
}

struct Marker {
    /// Where the item starts (its bullet if one stands right before).
    start: usize,
    /// End of the marker's punctuation (`2.` → after the period).
    punct_end: usize,
    value: u32,
    /// Kind of numbering and punctuation, see [`Splitter::marker_at`].
    style: u8,
}

struct Splitter<'a> {
    text: &'a str,
    b: &'a [u8],
    options: Options,
    rules: &'static Rules,
    cuts: Vec<usize>,
    nocut: Vec<usize>,
    markers: Vec<Marker>,
    last_cut: usize,
    /// Depth inside CJK brackets (`「…」`, `《…》`): their stops do not end the sentence.
    depth: u32,
    /// Reused buffer for lowercasing words.
    buf: String,
    /// Position of the closing quote or bracket of the quotation or parenthesis we are in:
    /// stops inside do not end the sentence unless they close it.
    protect_end: usize,
    /// Where that quotation or parenthesis opened.
    protect_start: usize,
    /// Per opener kind: how far a failed search for its closer went, and whether it stopped
    /// at a blank line.
    region_fail: [(usize, bool); 8],
}

/// How far a quotation or parenthesis may reach, in bytes.
const MAX_REGION: usize = 1500;

/// Longest line, in characters, that [`Splitter::deliberate_break`] measures.
const MAX_LINE: usize = 400;

/// How far a rule looks back or ahead within one token, in bytes.
const MAX_TOKEN: usize = 64;

const OPENERS: &[char] = &[
    '"', '\'', '(', '[', '{', '“', '‘', '„', '‚', '«', '‹', '¿', '¡', '「', '『', '（', '【', '《',
    '〈', '*', '_',
];

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '}'
            | '”'
            | '’'
            | '“'
            | '‘'
            | '»'
            | '›'
            | '」'
            | '』'
            | '）'
            | '】'
            | '〕'
            | '》'
            | '〉'
    )
}

fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '‣'
            | '⁃'
            | '◦'
            | '▪'
            | '▫'
            | '●'
            | '○'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '➢'
            | '➤'
            | '✓'
            | '✔'
            | '∙'
    )
}

fn is_cjk_open(c: char) -> bool {
    matches!(c, '「' | '『' | '（' | '【' | '《' | '〈' | '〔')
}

fn is_cjk_close(c: char) -> bool {
    matches!(c, '」' | '』' | '）' | '】' | '》' | '〉' | '〕')
}

/// Lowercase and uppercase letters of a script with case; everything else alphabetic is
/// uncased.
fn classify_char(c: char) -> Next {
    if c.is_lowercase() {
        Next::Lower
    } else if c.is_uppercase() || titlecase(c) {
        Next::Upper
    } else if c.is_numeric() {
        Next::Digit
    } else if c.is_alphabetic() {
        Next::Uncased
    } else if matches!(
        c,
        ',' | ';' | ':' | '-' | '—' | '–' | '‒' | '―' | '.' | ')' | ']' | '}' | '?' | '!'
    ) {
        Next::Stop
    } else {
        Next::Other
    }
}

/// Titlecase digraphs (ǅ, ǈ, ǋ, ǲ) have no upper/lower property.
fn titlecase(c: char) -> bool {
    matches!(c, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ')
}

fn roman_like(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|b| b"IVXLCDM".contains(&b))
}

impl<'a> Splitter<'a> {
    #[inline]
    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..).and_then(|s| s.chars().next())
    }

    #[inline]
    fn char_before(&self, i: usize) -> Option<char> {
        self.text.get(..i).and_then(|s| s.chars().next_back())
    }

    fn term(&self, c: char, at: usize) -> Option<Term> {
        match c {
            '.' => Some(Term::Dot),
            '…' => Some(Term::Ellipsis),
            '!' | '?' | '‼' | '‽' | '⁇' | '⁈' | '⁉' | '؟' => Some(Term::Bang),
            ':' if self.rules.colon_stop => Some(Term::Bang),
            ';' if self.rules.semicolon_question => Some(Term::Bang),
            '،' if self.rules.comma_stop => Some(Term::Bang),
            '。' | '！' | '？' | '｡' | '।' | '॥' | '։' | '።' | '፧' | '။' | '۔' => {
                Some(Term::Strong)
            }
            // Fullwidth full stop, unless it is a decimal point.
            '．' => {
                let digit_around = self.char_before(at).is_some_and(|p| p.is_numeric())
                    && self
                        .char_at(at + c.len_utf8())
                        .is_some_and(|n| n.is_numeric());
                (!digit_around).then_some(Term::Strong)
            }
            _ => None,
        }
    }

    fn cut(&mut self, at: usize) {
        self.cuts.push(at);
        if at > self.last_cut {
            self.last_cut = at;
        }
    }

    fn run(&mut self) {
        /// ASCII letters and digits, the bytes most of a text is made of, in one lookup.
        static ALNUM: [bool; 256] = {
            let mut t = [false; 256];
            let mut c = 0;
            while c < 256 {
                t[c] = (c as u8).is_ascii_alphanumeric();
                c += 1;
            }
            t
        };
        let b = self.b;
        let mut i = 0;
        let mut prev_ws = true;
        while i < b.len() {
            let c = b[i];
            // Most bytes are letters and spaces: a word is looked at only where it starts.
            if ALNUM[c as usize] {
                let start = i;
                i += 1;
                while i < b.len() && ALNUM[b[i] as usize] {
                    i += 1;
                }
                // A list marker is a word followed by `.` or `)`: ask only then.
                if prev_ws && matches!(b.get(i), Some(b'.' | b')')) {
                    self.marker_at(start, start);
                }
                prev_ws = false;
                continue;
            }
            if c == b' ' {
                prev_ws = true;
                i += 1;
                continue;
            }
            match c {
                b'.' | b'!' | b'?' => {
                    i = self.terminal(i);
                    prev_ws = false;
                    continue;
                }
                b':' | b';' if self.term(c as char, i).is_some() => {
                    i = self.terminal(i);
                    prev_ws = false;
                    continue;
                }
                b'\n' => {
                    i = self.newline(i);
                    prev_ws = true;
                    continue;
                }
                b'\r' if b.get(i + 1) != Some(&b'\n') => {
                    i = self.newline(i);
                    prev_ws = true;
                    continue;
                }
                // `(a)`, `(12)`: a list marker in brackets (a bare one is met after its word).
                b'(' if prev_ws => {
                    self.marker_at(i, i);
                    self.open_region(i, '(');
                }
                b'"' | b'\'' | b'[' if prev_ws || i == 0 => self.open_region(i, c as char),
                // "山です(これは山です。…)": brackets in a script without spaces (fullwidth
                // brackets become ASCII under NFKC).
                b'(' if self
                    .char_before(i)
                    .is_some_and(|p| classify_char(p) == Next::Uncased) =>
                {
                    self.open_region(i, '(')
                }
                // "an angry voice--\"Pat! Pat!\"": a quotation right after a dash or bracket.
                b'"' if i != self.protect_end && matches!(b[i - 1], b'-' | b'(' | b'[' | b'/') => {
                    self.open_region(i, '"')
                }
                b'"' if i == self.protect_end && i > 0 => self.interrupted_quote(i),
                _ => {}
            }
            if c < 0x80 {
                prev_ws = c.is_ascii_whitespace();
                i += 1;
                continue;
            }
            if c < 0xC0 {
                // Continuation byte; only reached after a lead byte we stepped over by one.
                i += 1;
                continue;
            }
            let ch = self.char_at(i).unwrap_or(' ');
            let len = ch.len_utf8();
            if self.term(ch, i).is_some() {
                i = self.terminal(i);
                prev_ws = false;
                continue;
            }
            if is_bullet(ch) {
                if prev_ws {
                    self.cut(i);
                }
                // A marker right after the bullet ("⁃9. …", "• 10. …") starts at the bullet.
                let mut m = i + len;
                while b.get(m) == Some(&b' ') {
                    m += 1;
                }
                if m < b.len() {
                    self.marker_at(m, i);
                }
            } else if is_cjk_open(ch) {
                self.depth += 1;
            } else if prev_ws && matches!(ch, '“' | '‘' | '„' | '«') {
                self.open_region(i, ch);
            } else if is_cjk_close(ch) {
                self.depth = self.depth.saturating_sub(1);
            }
            prev_ws = ch.is_whitespace();
            i += len;
        }
    }

    /// Handle a run of terminal punctuation starting at `i`; returns where scanning resumes.
    fn terminal(&mut self, i: usize) -> usize {
        let b = self.b;
        let mut j = i;
        let (mut dots, mut bang, mut strong) = (0u32, false, false);
        let mut contiguous_dots = 0u32;
        let mut spaced = 0u32;
        let mut closed = false;
        let mut quoted = false;
        loop {
            // Terminal characters.
            while let Some(c) = self.char_at(j) {
                match self.term(c, j) {
                    Some(Term::Dot) => dots += 1,
                    Some(Term::Ellipsis) => dots += 3,
                    Some(Term::Bang) => bang = true,
                    Some(Term::Strong) => strong = true,
                    None => break,
                }
                j += c.len_utf8();
            }
            if !closed && spaced == 0 {
                contiguous_dots = dots;
                // A spaced ellipsis: ". . ." (only dots so far).
                if !bang && !strong && dots > 0 {
                    while b.get(j) == Some(&b' ')
                        && b.get(j + 1) == Some(&b'.')
                        && b.get(j + 2)
                            .is_none_or(|&n| n == b' ' || is_ascii_closer(n) || n == b'\n')
                    {
                        j += 2;
                        spaced += 1;
                        dots += 1;
                    }
                }
            }
            // Closing quotes and brackets ("fini. »": French sets a space before »).
            let before = j;
            if b.get(j) == Some(&b' ') && self.text[j + 1..].starts_with('»') {
                j += 1;
            }
            while let Some(c) = self.char_at(j) {
                if !is_closer(c) {
                    break;
                }
                if is_cjk_close(c) {
                    self.depth = self.depth.saturating_sub(1);
                }
                quoted |= matches!(c, '"' | '\'' | '”' | '’' | '»' | '“');
                j += c.len_utf8();
            }
            if j > before {
                closed = true;
            }
            match self.char_at(j) {
                Some(c) if j > before && self.term(c, j).is_some() => continue,
                _ => break,
            }
        }
        // Footnote marks glued to the stop: "[7][8]", or digits after a word: "cold.10 This".
        while b.get(j) == Some(&b'[') {
            let mut p = j + 1;
            while b.get(p).is_some_and(|d| d.is_ascii_digit()) && p - j <= 3 {
                p += 1;
            }
            if p > j + 1 && b.get(p) == Some(&b']') {
                j = p + 1;
            } else {
                break;
            }
        }
        if dots == 1 && !bang && b.get(j).is_some_and(|d| d.is_ascii_digit()) {
            j = self.footnote_marks(i, j);
        }
        let end = j;
        if i < self.protect_end && end <= self.protect_end {
            // Inside a quotation or parenthesis that this stop does not close.
            return end;
        }

        // What follows: whitespace, then the next word.
        let mut k = end;
        let mut newlines = 0;
        while let Some(c) = self.char_at(k) {
            if c == '\n' || (c == '\r' && b.get(k + 1) != Some(&b'\n')) {
                newlines += 1;
            } else if !c.is_whitespace() {
                break;
            }
            k += c.len_utf8();
        }
        if k >= b.len() || newlines >= 2 {
            self.cut(end);
            if newlines >= 2 {
                self.depth = 0;
            }
            return end;
        }
        let attached = k == end;
        let (mut next, word) = self.next_word(k);
        if !attached
            && !next.starts()
            && ((newlines > 0 && self.line_item(k))
                || self.inline_item(k)
                || self.dash_then_capital(k)
                || self.text[k..].starts_with("...")
                || self.text[k..].starts_with('…'))
        {
            next = Next::Upper;
        }

        if attached {
            let nc = self.char_at(k).unwrap_or(' ');
            if (dots == 1 || bang) && closed && quoted && !strong && self.depth == 0 {
                self.glued_after_quote(i, end, k);
            } else if strong {
                if !closed && self.depth == 0 {
                    self.cut(end);
                }
            } else if bang {
                if classify_char(nc) == Next::Uncased && self.depth == 0 {
                    self.cut(end);
                }
            } else if dots == 1 && !closed && self.depth == 0 {
                // "山です.これは": a period between two characters of a script without case
                // (a fullwidth stop after NFKC), or "world.Today".
                let uncased =
                    |c: Option<char>| c.is_some_and(|c| classify_char(c) == Next::Uncased);
                let before = self.text[..i]
                    .trim_end_matches(is_closer)
                    .chars()
                    .next_back();
                if (uncased(before) && uncased(Some(nc))) || self.glued_sentence(i, k) {
                    self.cut(end);
                }
            }
            return end;
        }

        if strong {
            if self.depth == 0 && next != Next::Lower {
                self.cut(end);
            }
            return end;
        }
        // "…she thought, 'I shall fall!' (Which was very likely true.)": a remark in brackets
        // after a quotation that began mid-sentence belongs to the sentence that quoted.
        if quoted && b[k] == b'(' && end == self.protect_end + 1 && self.quote_mid_sentence() {
            return end;
        }
        if bang {
            if self.arabic_enumeration(i, k) {
                return end;
            }
            // "кім? не?": a run of one-word questions.
            let one_word_question = next == Next::Lower
                && b[i] == b'?'
                && word.len() <= MAX_TOKEN
                && self.b.get(self.end_of(word)) == Some(&b'?');
            // As after a period, a lowercase word on a new line starts a sentence.
            let lower_line = newlines > 0 && next == Next::Lower;
            if ((next.starts() || lower_line) && !(next == Next::Upper && self.exclamation_word(i)))
                || one_word_question
            {
                self.cut(end);
            }
            return end;
        }
        let pre_space = self.char_before(i).is_none_or(|c| c.is_whitespace());
        if spaced > 0 {
            if contiguous_dots == 1 && !pre_space && spaced >= 3 && !closed {
                // "word. . . . Next": the period ends the sentence, the ellipsis opens the next.
                if next.starts() {
                    self.cut(i + 1);
                }
            } else if dots >= 4 && next.starts() {
                self.cut(end);
            }
            return end;
        }
        if contiguous_dots >= 3 {
            let bracketed = matches!(self.char_before(i), Some('[' | '('));
            if next.starts() && !bracketed {
                self.cut(end);
            }
            return end;
        }
        if contiguous_dots == 2 && pre_space && !closed {
            self.stray_dot(i, next);
            if next.starts() {
                self.cut(end);
            }
            return end;
        }
        if self.period_ends(i, pre_space, next, word, newlines > 0, closed) {
            self.cut(end);
        }
        end
    }

    /// Two dots set apart from the word before (`the end .. Then`, `It ended. .. Then`) are
    /// no ellipsis but a stop and a stray dot typed twice: the first dot ends what precedes
    /// it, and the stray dot stands alone; after a sentence already ended, both do.
    fn stray_dot(&mut self, i: usize, next: Next) {
        let before = self.text[self.last_cut.min(i)..i].trim_end();
        if before.is_empty() || !next.starts() {
            return;
        }
        if before.ends_with(['.', '!', '?']) {
            self.cut(i);
        } else {
            self.cut(i + 1);
        }
    }

    /// `"If you please, sir--" The Rabbit…`: speech broken off by a dash ends the sentence
    /// when a capital follows the closing quote.
    fn interrupted_quote(&mut self, i: usize) {
        if !matches!(self.char_before(i), Some('-' | '—')) {
            return;
        }
        let end = i + 1;
        let mut k = end;
        while self.b.get(k).is_some_and(|&c| c == b' ') {
            k += 1;
        }
        if k > end && k < self.b.len() && self.next_word(k).0 == Next::Upper {
            self.cut(end);
        }
    }

    /// `he said."The town…`, `"No!"He ran`: scraped text lost the space after a quotation's
    /// stop. A capitalised word glued after the quote starts a sentence. When the quote closes
    /// the quotation we are in, it belongs to the sentence that ends; when it closes none, it
    /// opens the next sentence, and the cut goes before it.
    fn glued_after_quote(&mut self, i: usize, end: usize, k: usize) {
        let (next, word) = self.next_word(k);
        let word_like = word.chars().nth(1).is_some_and(char::is_lowercase);
        if next != Next::Upper || !word_like {
            return;
        }
        let closes = self.protect_end >= i && self.protect_end < end;
        if closes {
            self.cut(end);
        } else {
            let stops_end = self.text[i..end].find(is_closer).map_or(end, |p| i + p);
            self.cut(stops_end);
        }
    }

    /// Did the quotation we are in open mid-sentence, after a comma, a colon or a word?
    fn quote_mid_sentence(&self) -> bool {
        let before = self.text[..self.protect_start].trim_end_matches([' ', '\t']);
        self.protect_start > self.last_cut
            && before
                .chars()
                .next_back()
                .is_some_and(|c| c == ',' || c == ':' || c.is_lowercase())
    }

    /// Byte offset in the text just after `word`, a slice of it (past the end of the text
    /// for an empty word that is not).
    fn end_of(&self, word: &str) -> usize {
        (word.as_ptr() as usize)
            .checked_sub(self.text.as_ptr() as usize)
            .filter(|&o| o <= self.text.len())
            .map_or(usize::MAX, |o| o + word.len())
    }

    /// Footnote marks glued to the period at `i`, whose stops end at `j`: "cold.10 This",
    /// "consultation.11 12 Take". Returns the end of the marks, or `j`.
    fn footnote_marks(&self, i: usize, j: usize) -> usize {
        let b = self.b;
        let prev_ok = self
            .char_before(i)
            .is_some_and(|c| c.is_alphabetic() && !c.is_uppercase() || c == ')');
        if !prev_ok {
            return j;
        }
        let mut p = j;
        let mut groups = 0;
        loop {
            let s = p;
            while b.get(p).is_some_and(|d| d.is_ascii_digit()) && p - s <= 3 {
                p += 1;
            }
            if p == s || p - s > 3 || groups == 4 {
                return j;
            }
            groups += 1;
            let marks_end = p;
            // Another mark: "11 12", "11, 12".
            let mut q = p;
            if b.get(q) == Some(&b',') {
                q += 1;
            }
            while b.get(q) == Some(&b' ') {
                q += 1;
            }
            if q > p && b.get(q).is_some_and(|d| d.is_ascii_digit()) {
                p = q;
                continue;
            }
            if !b.get(marks_end).is_some_and(|&w| w == b' ' || w == b'\n') {
                return j;
            }
            let mut q = marks_end;
            while b.get(q).is_some_and(|&w| w == b' ' || w == b'\n') {
                q += 1;
            }
            return if q < b.len() && self.next_word(q).0 == Next::Upper {
                marks_end
            } else {
                j
            };
        }
    }

    /// "الدم، والقلب،": an Arabic comma before a word that is itself followed by a comma
    /// separates items, not sentences.
    fn arabic_enumeration(&self, i: usize, k: usize) -> bool {
        if !self.text[i..].starts_with('،') {
            return false;
        }
        let word_end = self.text[k..]
            .find(char::is_whitespace)
            .map_or(self.b.len(), |e| k + e);
        self.text[k..word_end].ends_with('،')
    }

    /// A name spelt with its `!` ("Yahoo!"), listed in the `[exclamations]` section.
    fn exclamation_word(&mut self, i: usize) -> bool {
        if self.b[i] != b'!' || self.rules.exclamations.is_empty() {
            return false;
        }
        let start = self.token_start(i);
        let word = self.text[start..i].trim_start_matches(OPENERS);
        self.lower_into_buf(word);
        self.rules.exclamations.contains(self.buf.as_str())
    }

    /// `world.Today`, `1,000.That`: a period glued to the next sentence.
    fn glued_sentence(&self, i: usize, k: usize) -> bool {
        let prev = self.char_before(i);
        if !prev.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit()) {
            return false;
        }
        // "1.Helado, 2.Carne": numbered items, not sentences.
        let start = self.token_start(i);
        if i - start <= 2 && self.b[start..i].iter().all(u8::is_ascii_digit) {
            return false;
        }
        let mut it = self.text[k..].chars();
        let (Some(n1), Some(n2)) = (it.next(), it.next()) else {
            return false;
        };
        if !n1.is_uppercase() {
            return false;
        }
        if !n2.is_lowercase() {
            // "world.I dag", "жағдайы.XVIII ғасыр": a capital word after a plain lowercase word
            // of two letters or more (not "Ph.D", not "e.g.A").
            let word = &self.text[start..i];
            let plain = word.chars().nth(1).is_some() && word.chars().all(char::is_lowercase);
            let caps = self.text[k..]
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let after = self.char_at(k + caps.len());
            if !(plain
                && caps.chars().all(char::is_uppercase)
                && after.is_some_and(char::is_whitespace))
            {
                return false;
            }
        }
        // Not inside an e-mail address, a URL or a file name.
        let mut end = k;
        while let Some(c) = self.char_at(end) {
            if c.is_whitespace() || end - k > MAX_TOKEN {
                break;
            }
            end += c.len_utf8();
        }
        let tok = &self.text[start..end];
        !(tok.contains('@') || tok.contains("://") || tok.contains("www.") || tok.contains('/'))
    }

    /// Start of the whitespace-delimited token ending at `i`, not before the last cut.
    fn token_start(&self, i: usize) -> usize {
        let mut s = i;
        // Bounded, so that a huge token full of periods stays linear.
        let floor = self.last_cut.max(i.saturating_sub(MAX_TOKEN));
        while s > floor {
            match self.char_before(s) {
                Some(c) if !c.is_whitespace() => s -= c.len_utf8(),
                _ => break,
            }
        }
        s
    }

    /// Classify what starts at `k` (not whitespace), skipping opening quotes and brackets,
    /// and return the word there.
    fn next_word(&self, k: usize) -> (Next, &'a str) {
        let text = self.text;
        let mut p = k;
        while let Some(c) = self.char_at(p) {
            if !OPENERS.contains(&c) {
                break;
            }
            p += c.len_utf8();
        }
        let Some(c) = self.char_at(p) else {
            return (Next::End, "");
        };
        if p > k && c.is_whitespace() {
            return (Next::Other, "");
        }
        let mut class = classify_char(c);
        if class == Next::Uncased {
            // No word lists for scripts without case; the class is all that matters.
            return (class, &text[p..p + c.len_utf8()]);
        }
        let mut e = p;
        for ch in text[p..].chars() {
            if ch.is_alphanumeric() || ch == '\'' || ch == '’' || ch == '-' {
                e += ch.len_utf8();
            } else {
                break;
            }
        }
        let word = &text[p..e];
        // eBay, iPhone: a lowercase start with a capital inside.
        if class == Next::Lower && word.chars().skip(1).take(3).any(|c| c.is_uppercase()) {
            class = Next::Upper;
        }
        (class, word)
    }

    fn lower_into_buf(&mut self, w: &str) {
        self.buf.clear();
        for c in w.chars() {
            if c.is_ascii() {
                self.buf.push(c.to_ascii_lowercase());
            } else {
                self.buf.extend(c.to_lowercase());
            }
        }
    }

    fn is_starter(&mut self, word: &str) -> bool {
        let word = word.split(['\'', '’']).next().unwrap_or(word);
        self.lower_into_buf(word);
        self.rules.starters.contains(self.buf.as_str())
    }

    fn is_month(&mut self, word: &str) -> bool {
        self.lower_into_buf(word.trim_end_matches('.'));
        self.rules.months.contains(self.buf.as_str())
    }

    /// Does the single period at `i` end a sentence?
    fn period_ends(
        &mut self,
        i: usize,
        pre_space: bool,
        next: Next,
        next_w: &str,
        line_break: bool,
        closed: bool,
    ) -> bool {
        // A lowercase word goes on the sentence, unless it starts a new line or follows an
        // ordinary word (checked below).
        let lower_line = line_break && next == Next::Lower;
        let lower_after_word =
            next == Next::Lower && !line_break && !closed && !self.rules.colon_stop;
        if !next.starts() && !lower_line && !lower_after_word {
            return false;
        }
        if pre_space {
            return !lower_after_word;
        }
        let tok_start = self.token_start(i);
        let tok = &self.text[tok_start..i];
        let word = tok.trim_start_matches(OPENERS);
        if word.is_empty() {
            return true;
        }
        // "l'Ing.", "dell'Avv.": the abbreviation follows an elided article.
        let word = match word.rfind(['\'', '’']) {
            Some(p) if p > 0 && p + 1 < word.len() && p <= 5 => {
                &word[p + word[p..].chars().next().map_or(1, char::len_utf8)..]
            }
            _ => word,
        };
        self.lower_into_buf(word);
        let rules = self.rules;
        let lw = self.buf.as_str();
        if lower_after_word {
            // "in the city. features", "κανένας. το": after a plain lowercase word that is no
            // abbreviation, a lowercase start is a new sentence all the same.
            return word.chars().nth(1).is_some()
                && word.chars().all(char::is_lowercase)
                && !rules.is_abbreviation(lw);
        }
        if rules.prepositive.contains(lw) {
            return false;
        }
        let numeric = rules.numeric.contains(lw);
        if numeric && next == Next::Digit {
            return false;
        }
        let single = {
            let mut cs = word.chars();
            matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic())
        };
        if single && word.len() == tok.len() && self.at_sentence_start(tok_start) {
            // "A. His name is…", "a. The first item": a label, not a sentence.
            return false;
        }
        if rules.time.contains(lw) && next == Next::Upper {
            // "at 6 p.m. Travelers…" ends; "at 6 p.m. Monday" does not.
            self.lower_into_buf(next_w);
            let w = self.buf.as_str();
            if rules.nonstarters.contains(w) || rules.months.contains(w) {
                return false;
            }
            // A title: "At 5 a.m. Mr. Smith went" opens with the time, so it goes on; "He left
            // at 6 P.M. Mr. Smith then went" closed a sentence with it.
            if rules.prepositive.contains(w) {
                return !self.opens_sentence(tok_start);
            }
            return true;
        }
        // "Roe v. Wade", "contain v. If S…", "p. Smith": a lowercase letter with a period is
        // an abbreviation; a capital after it does not start a sentence.
        if single && word.chars().all(char::is_lowercase) && next == Next::Upper {
            return false;
        }
        let abbrev = rules.abbreviations.contains(lw) || single || dotted(word);
        if abbrev {
            // "А. И. Семенов": the next word is another initial, not a starter like "и".
            if next_w.chars().count() == 1 && self.b.get(self.end_of(next_w)) == Some(&b'.') {
                return false;
            }
            return match next {
                Next::Digit | Next::Uncased | Next::Lower => false,
                Next::Upper => self.is_starter(next_w),
                _ => true,
            };
        }
        // "1. -3. Jahrhundert": a range of ordinals.
        let number = word.trim_start_matches(['-', '–']);
        let digits = !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit());
        if digits && number.len() <= 2 {
            if rules.ordinals {
                // "am 3. Oktober", "das 2. Kapitel": an ordinal, unless the next word plainly
                // starts a sentence ("auf Seite 12. Dort…").
                if self.is_month(next_w) {
                    return false;
                }
                if next == Next::Upper && !self.is_starter(next_w) {
                    return false;
                }
            }
            // A list marker opening the sentence: "1. The first item".
            if word.len() == tok.len() && self.at_sentence_start(tok_start) {
                return false;
            }
        }
        if rules.ordinals && roman_like(word) && word.len() > 1 && next == Next::Upper {
            return false;
        }
        true
    }

    /// Does the phrase before `pos` open its sentence (at most three words since the last cut)?
    fn opens_sentence(&self, pos: usize) -> bool {
        let lo = self.last_cut.min(pos);
        self.text[lo..pos].split_whitespace().nth(3).is_none()
    }

    /// Only whitespace and bullets since the last cut?
    fn at_sentence_start(&self, pos: usize) -> bool {
        let lo = self.last_cut.min(pos);
        self.text[lo..pos]
            .trim_end()
            .chars()
            .all(|c| is_bullet(c) || c.is_whitespace())
    }

    /// A line break at `i` (`\n`, or a lone `\r`); returns where scanning resumes.
    fn newline(&mut self, i: usize) -> usize {
        let b = self.b;
        // The whitespace run around the break.
        let mut ws_start = i;
        while let Some(c) = self.char_before(ws_start) {
            if !c.is_whitespace() {
                break;
            }
            ws_start -= c.len_utf8();
        }
        let mut k = i;
        let mut newlines = 0;
        while let Some(c) = self.char_at(k) {
            if c == '\n' || (c == '\r' && b.get(k + 1) != Some(&b'\n')) {
                newlines += 1;
            } else if !c.is_whitespace() {
                break;
            }
            k += c.len_utf8();
        }
        if newlines >= 2 {
            self.depth = 0;
            self.cut(ws_start);
            return k;
        }
        if ws_start == 0 || k >= b.len() {
            return k;
        }
        let Some(pc) = self.char_before(ws_start) else {
            return k;
        };
        // A stop before the break: the terminal rule has decided.
        if self.ends_with_terminal(ws_start) {
            return k;
        }
        let nc = self.char_at(k).unwrap_or(' ');
        // Items: bullets, "- item", "1. item", "a) item".
        if is_bullet(nc) || self.line_item(k) {
            self.cut(ws_start);
            return k;
        }
        if matches!(
            pc,
            ',' | ';' | ':' | '-' | '—' | '–' | '(' | '/' | '&' | '[' | '{' | '+' | '='
        ) {
            return k;
        }
        let (next, next_w) = self.next_word(k);
        // A trailing space before the break: a soft-wrapped line, unless the next line is
        // indented or in a script without case.
        let soft = self.text[ws_start..i]
            .chars()
            .any(|c| c == ' ' || c == '\t');
        let indented = self.b[i + 1] == b'\t' || self.text[i + 1..].starts_with("  ");
        if soft && !indented && next != Next::Uncased && !self.rules.no_word_spaces {
            return k;
        }
        // The line's last word, and whether what the line adds to the sentence is short (a
        // label or heading).
        let line_start = self.text[..ws_start]
            .rfind('\n')
            .map_or(0, |p| p + 1)
            .max(self.last_cut.min(ws_start));
        let line = &self.text[line_start..ws_start];
        let last = line
            .rsplit(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or("");
        if !last.is_empty() && last.chars().all(|c| c.is_lowercase()) {
            self.lower_into_buf(last);
            if self.rules.glue.contains(self.buf.as_str()) {
                return k;
            }
        }
        let short = line.split_whitespace().nth(3).is_none();
        let cut = match next {
            // Scripts without case give no hint: a line break there is a break.
            Next::Upper | Next::Digit | Next::Other | Next::Uncased => true,
            Next::Lower => {
                !self.options.wrapped && (short || self.deliberate_break(ws_start, k, next_w))
            }
            _ => false,
        };
        if cut {
            self.cut(ws_start);
        }
        k
    }

    /// Was the line break before `k` typed on purpose rather than by hard wrapping? A wrapped
    /// line ends where the next word would not fit; if it would have fitted within the width
    /// of the longest of this, the previous and the next line, the break is deliberate
    /// ("…at no cost\nyou may copy it…" under a longer line).
    fn deliberate_break(&self, line_end: usize, k: usize, next_w: &str) -> bool {
        let t = self.text;
        let width = |r: Range<usize>| t[r].chars().take(MAX_LINE).count();
        let line_start = t[..line_end].rfind('\n').map_or(0, |p| p + 1);
        let this = width(line_start..line_end);
        let next_end = memchr::memchr(b'\n', &self.b[k..]).map_or(t.len(), |e| k + e);
        let mut widest = this.max(width(k..next_end));
        if line_start > 0 {
            let prev_start = t[..line_start - 1].rfind('\n').map_or(0, |p| p + 1);
            widest = widest.max(width(prev_start..line_start - 1));
        }
        this + 1 + next_w.chars().count() <= widest
    }

    /// Does the text before `pos` (trailing whitespace excluded) end in terminal punctuation,
    /// perhaps followed by closing quotes?
    fn ends_with_terminal(&self, pos: usize) -> bool {
        let mut p = pos;
        while let Some(c) = self.char_before(p) {
            if self.term(c, p - c.len_utf8()).is_some() {
                return true;
            }
            if !is_closer(c) {
                return false;
            }
            p -= c.len_utf8();
        }
        false
    }

    /// An enumerated item within a line: "(b) …", "ii) …" (not a dash or star bullet).
    fn inline_item(&self, k: usize) -> bool {
        !matches!(self.b[k], b'-' | b'*') && self.line_item(k)
    }

    /// A dash, a space and a capital: "What do you see? - Posted like…".
    fn dash_then_capital(&self, k: usize) -> bool {
        let mut it = self.text[k..].chars();
        matches!(it.next(), Some('-' | '–' | '—'))
            && it.next() == Some(' ')
            && it.next().is_some_and(|c| c.is_uppercase())
    }

    /// A quotation or parenthesis opens at `i`: find where it closes (same paragraph, not too
    /// far) and protect the stops inside.
    fn open_region(&mut self, i: usize, open: char) {
        if i < self.protect_end {
            return;
        }
        let b = self.b;
        let start = i + open.len_utf8();
        match self.char_at(start) {
            Some(c) if matches!(open, '\'' | '‘') && !c.is_alphabetic() => return,
            // French guillemets take a space inside: « Bonjour ».
            Some(_) if open == '«' => {}
            Some(c) if !c.is_whitespace() => {}
            _ => return,
        }
        let kind = match open {
            '"' => 0,
            '\'' => 1,
            '(' => 2,
            '[' => 3,
            '“' => 4,
            '„' => 5,
            '«' => 6,
            _ => 7,
        };
        // An earlier search for the same opener found no closer up to `to`: resume there, or
        // give up at once if it stopped at a blank line. Keeps many unclosed openers linear.
        let (to, blank) = self.region_fail[kind];
        if start < to && blank {
            return;
        }
        let limit = (start + MAX_REGION).min(b.len());
        let mut nesting = 0u32;
        let mut after_newline = false;
        let mut p = start.max(to);
        let mut saw_closer_byte = false;
        while p < limit {
            let c = b[p];
            if c == b'\n' {
                if after_newline {
                    if !saw_closer_byte {
                        self.region_fail[kind] = (p, true);
                    }
                    return;
                }
                after_newline = true;
                p += 1;
                continue;
            }
            if !matches!(c, b' ' | b'\t' | b'\r') {
                after_newline = false;
            }
            let closes = match open {
                '"' => c == b'"',
                '\'' => {
                    c == b'\''
                        && !b.get(p + 1).is_some_and(|n| n.is_ascii_alphanumeric())
                        && !b[p - 1].is_ascii_whitespace()
                }
                '(' | '[' => {
                    let (o, cl) = if open == '(' {
                        (b'(', b')')
                    } else {
                        (b'[', b']')
                    };
                    if c == o {
                        nesting += 1;
                    }
                    if c == cl {
                        if nesting == 0 {
                            true
                        } else {
                            nesting -= 1;
                            false
                        }
                    } else {
                        false
                    }
                }
                _ if c >= 0xC0 => {
                    let ch = self.char_at(p).unwrap_or(' ');
                    match open {
                        '“' => ch == '”',
                        '„' => ch == '“' || ch == '”',
                        '«' => ch == '»',
                        '‘' => {
                            ch == '’'
                                && !self
                                    .char_at(p + ch.len_utf8())
                                    .is_some_and(|n| n.is_alphanumeric())
                        }
                        _ => false,
                    }
                }
                _ => false,
            };
            if closes {
                self.protect_end = p;
                self.protect_start = i;
                return;
            }
            saw_closer_byte |= matches!(c, b')' | b']');
            p += 1;
        }
        if !saw_closer_byte {
            self.region_fail[kind] = (limit, false);
        }
    }

    /// Does a list item start at `k`: "- ", "* ", "1. ", "2) ", "a) ", "(iv) "?
    fn line_item(&self, k: usize) -> bool {
        let b = self.b;
        let at = |p: usize| b.get(p).copied().unwrap_or(0);
        if matches!(at(k), b'-' | b'*') && at(k + 1) == b' ' {
            return true;
        }
        let mut p = k;
        if at(p) == b'(' {
            p += 1;
        }
        let s = p;
        while at(p).is_ascii_digit() && p - s < 3 {
            p += 1;
        }
        if p == s {
            if at(p).is_ascii_alphabetic() && at(p + 1) == b')' {
                p += 1;
            } else {
                while matches!(at(p), b'i' | b'v' | b'x') && p - s < 4 {
                    p += 1;
                }
                if p == s || at(p) != b')' {
                    return false;
                }
            }
        }
        match at(p) {
            b'.' | b')' => {
                p += 1;
                if at(p) == b')' {
                    p += 1;
                }
                at(p) == b' ' || at(p) == b'\t'
            }
            _ => false,
        }
    }

    /// Record a list marker ("1.", "2.)", "3)", "(4)", "a.", "b)", "(c)") starting at `i`,
    /// preceded by whitespace, the start of text or a bullet at `start`.
    fn marker_at(&mut self, i: usize, start: usize) {
        let b = self.b;
        let at = |p: usize| b.get(p).copied().unwrap_or(0);
        // Quick refusal: a marker is one letter, or up to three digits, then `.` or `)`.
        let mut q = i + (at(i) == b'(') as usize;
        if at(q).is_ascii_digit() {
            while at(q).is_ascii_digit() && q - i < 4 {
                q += 1;
            }
        } else {
            q += 1;
        }
        if !matches!(at(q), b'.' | b')') {
            return;
        }
        if start == i {
            // A bullet right before records the marker itself.
            let before = self.text[..i].trim_end_matches([' ', '\t']);
            if before.chars().next_back().is_some_and(is_bullet) {
                return;
            }
        }
        let mut p = i;
        let paren = at(p) == b'(';
        if paren {
            p += 1;
        }
        let (value, kind);
        if at(p).is_ascii_digit() {
            let s = p;
            let mut v = 0u32;
            while at(p).is_ascii_digit() {
                if p - s == 3 {
                    return;
                }
                v = v * 10 + (at(p) - b'0') as u32;
                p += 1;
            }
            value = v;
            kind = 0u8;
        } else if at(p).is_ascii_alphabetic() {
            let l = at(p);
            value = (l.to_ascii_lowercase() - b'a') as u32 + 1;
            kind = if l.is_ascii_lowercase() { 1 } else { 2 };
            p += 1;
        } else {
            return;
        }
        let suffix = match (at(p), at(p + 1)) {
            (b')', _) if paren => {
                p += 1;
                0u8
            }
            _ if paren => return,
            (b'.', b')') => {
                p += 2;
                1
            }
            (b')', _) => {
                p += 1;
                2
            }
            (b'.', _) if kind != 2 => {
                p += 1;
                3
            }
            _ => return,
        };
        if !matches!(at(p), b' ' | b'\t' | b'\n' | b'\r') {
            return;
        }
        if kind == 0 {
            // "for 1. above": a number before a lowercase word is not an item.
            let mut q = p;
            while matches!(at(q), b' ' | b'\t') {
                q += 1;
            }
            if self.char_at(q).is_some_and(|c| c.is_lowercase()) {
                return;
            }
        }
        self.markers.push(Marker {
            start,
            punct_end: p,
            value,
            style: kind * 4 + suffix,
        });
    }

    fn finish(mut self, out: &mut Vec<Range<usize>>) -> Forced {
        // Lists: a marker is an item when the marker before it in the same style is one less.
        let mut last: [Option<usize>; 12] = [None; 12];
        let mut confirmed = vec![false; self.markers.len()];
        for (n, m) in self.markers.iter().enumerate() {
            let st = m.style as usize;
            if let Some(p) = last[st] {
                if self.markers[p].value + 1 == m.value {
                    confirmed[p] = true;
                    confirmed[n] = true;
                }
            }
            last[st] = Some(n);
        }
        for (n, m) in self.markers.iter().enumerate() {
            if confirmed[n] {
                self.cuts.push(m.start);
                self.nocut.push(m.punct_end);
            }
        }
        let mut cuts = std::mem::take(&mut self.cuts);
        cuts.sort_unstable();
        cuts.dedup();
        if !self.nocut.is_empty() {
            self.nocut.sort_unstable();
            cuts.retain(|c| self.nocut.binary_search(c).is_err());
        }
        let text = self.text;
        let mut start = 0;
        let mut forced = Forced::default();
        for end in cuts.into_iter().chain(std::iter::once(text.len())) {
            if end <= start || !text.is_char_boundary(end) {
                continue;
            }
            if runs::is_run(&text[start..end]) {
                // An unpunctuated run is cut at its likely sentence starts first; a piece
                // still too long is then bounded like any other.
                let mut pieces = Vec::new();
                runs::cut_run(text, start..end, self.rules, &mut pieces);
                for p in pieces {
                    forced.add(push_bounded(text, p, out));
                }
            } else {
                forced.add(push_bounded(text, start..end, out));
            }
            start = end;
        }
        forced
    }
}

/// Pushes `text[r]` trimmed, as pieces of at most [`MAX_SENTENCE`] bytes.
fn push_bounded(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) -> Forced {
    let mut forced = Forced::default();
    let mut start = r.start;
    while r.end - start > MAX_SENTENCE {
        let cut = length_cut(text.as_bytes(), start, r.end);
        let before = out.len();
        push_trimmed(text, start..cut, out);
        if out.len() > before {
            forced.cuts += 1;
            forced.first.get_or_insert(out[before].start);
        }
        start = cut;
        while start < r.end && text.as_bytes()[start].is_ascii_whitespace() {
            start += 1;
        }
    }
    push_trimmed(text, start..r.end, out);
    forced
}

/// Where to cut `b[start..end]`, longer than [`MAX_SENTENCE`], so that the first piece is at
/// most that long and at least half of it: after a clause mark (`;`, `:`, `,`) before a space,
/// else at a space, else at the last character boundary. Looks at each byte at most once per
/// piece, so cutting is linear.
fn length_cut(b: &[u8], start: usize, end: usize) -> usize {
    let mut hi = (start + MAX_SENTENCE).min(end);
    while hi > start && (b[hi] & 0xC0) == 0x80 {
        hi -= 1; // a UTF-8 continuation byte: not a character boundary
    }
    let lo = start + MAX_SENTENCE / 2;
    let space = |i: usize| matches!(b[i], b' ' | b'\t' | b'\n');
    let mut last_space = None;
    for i in (lo..hi).rev() {
        if space(i) {
            if i > lo && matches!(b[i - 1], b';' | b':' | b',') {
                return i;
            }
            last_space.get_or_insert(i);
        }
    }
    last_space.unwrap_or(hi)
}

fn is_ascii_closer(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | b')' | b']' | b'}')
}

/// Letters with internal periods: "U.S", "e.g", "Ph.D", "a.m", "z.B", "т.е".
fn dotted(w: &str) -> bool {
    if !w.contains('.') {
        return false;
    }
    w.split('.').all(|seg| {
        let n = seg.chars().count();
        (1..=4).contains(&n) && seg.chars().all(|c| c.is_alphabetic())
    }) && w.split('.').any(|seg| seg.chars().count() <= 2)
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let t = s.trim_start();
    let lead = s.len() - t.len();
    let t = t.trim_end();
    if !t.is_empty() {
        let start = r.start + lead;
        out.push(start..start + t.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        split(text, Lang::En)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn simple() {
        assert_eq!(
            sents("Hello there. How are you?"),
            ["Hello there.", "How are you?"]
        );
    }

    #[test]
    fn empty_and_blank() {
        assert!(sents("").is_empty());
        assert!(sents(" \n\t ").is_empty());
    }

    #[test]
    fn title_and_initial() {
        assert_eq!(
            sents("Mr. J. R. Smith arrived. He sat down."),
            ["Mr. J. R. Smith arrived.", "He sat down."]
        );
    }

    #[test]
    fn dotted_detection() {
        assert!(dotted("U.S"));
        assert!(dotted("e.g"));
        assert!(dotted("Ph.D"));
        assert!(!dotted("example.com"));
        assert!(!dotted("3.5"));
    }

    #[test]
    fn overlong_stretches_are_cut_at_clause_marks_then_spaces() {
        // No stop: cut at spaces, every piece at most the limit and at least half of it.
        let text = "word ".repeat(3000);
        let mut out = Vec::new();
        let forced = split_into(&text, Lang::En, Options::default(), &mut out);
        assert_eq!(forced.cuts, out.len() - 1);
        assert_eq!(forced.first, Some(0));
        for r in &out[..out.len() - 1] {
            assert!(
                r.len() <= MAX_SENTENCE && r.len() >= MAX_SENTENCE / 2 - 5,
                "{r:?}"
            );
            assert!(text[r.clone()].ends_with("word"));
        }
        // A comma in the last half wins over a later space.
        let text = format!("{}, {}", "a ".repeat(1500).trim_end(), "b ".repeat(1500));
        let mut out = Vec::new();
        let _ = split_into(&text, Lang::En, Options::default(), &mut out);
        assert!(
            text[out[0].clone()].ends_with("a,"),
            "{:?}",
            &text[out[0].clone()][2990..]
        );
        // No space at all, in a script of multi-byte letters: cut on a character boundary.
        let text = "ж".repeat(5000);
        let mut out = Vec::new();
        let forced = split_into(&text, Lang::Ru, Options::default(), &mut out);
        assert_eq!((forced.cuts, out.len()), (2, 3));
        assert_eq!(out[0], 0..MAX_SENTENCE);
        assert_eq!(out[1].start, out[0].end);
        // Within the limit nothing is cut.
        let mut out = Vec::new();
        let forced = split_into(&"word ".repeat(800), Lang::En, Options::default(), &mut out);
        assert_eq!((forced, out.len()), (Forced::default(), 1));
    }

    #[test]
    fn excerpts_hold_the_figure_and_cut_at_words() {
        let short = "At least 30 people died.";
        assert_eq!(excerpt(short, 0..short.len(), 0..11), 0..short.len());
        let long = format!(
            "{} 42 people {}",
            "alpha beta ".repeat(200),
            "gamma delta ".repeat(200)
        );
        let at = long.find("42").unwrap();
        let r = excerpt(&long, 0..long.len(), at..at + 2);
        let quoted = &long[r.clone()];
        assert!(r.start <= at && at + 2 <= r.end);
        assert!(r.len() <= 2 * EXCERPT_CONTEXT + 2, "{}", r.len());
        assert!(quoted.starts_with(|c: char| c.is_alphabetic()) && !quoted.ends_with(' '));
        assert!(long[..r.start].ends_with(' ') && long[r.end..].starts_with(' '));
        // At the sentence's edge, and with a focus outside it (clamped).
        let r = excerpt(&long, 0..long.len(), 0..5);
        assert_eq!(r.start, 0);
        let r = excerpt(&long, 10..long.len(), 0..3);
        assert!(r.start == 10 && r.end > 10);
    }

    #[test]
    fn languages_round_trip() {
        for &l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        assert_eq!(Lang::from_code("xx"), None);
    }
}
