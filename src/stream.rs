//! Sentences of a report read as a stream: memory stays flat however long the input is.
//!
//! The input is decoded and cut into blocks ([`segment::block_end`]: blank lines and lines that
//! plainly end a sentence). Each block is normalized and split on its own, and its sentences
//! are handed to a sink with byte offsets into the whole input, so the result is the same as
//! normalizing and splitting the whole text at once ([`crate::sentences`]). Only a block with
//! no hard break in [`MAX_BLOCK`] bytes is cut where its last complete sentence ends, and the
//! rest carried over; there the two may differ at that one place.

use crate::error::{Error, Result};
use crate::normalize::NormalizedText;
use crate::segment::{self, Lang, Options};
use std::io::Read;
use std::ops::Range;
use std::path::Path;

/// Bytes read at a time.
const CHUNK: usize = 1 << 16;

/// The longest block split in one piece, in bytes.
pub const MAX_BLOCK: usize = 1 << 20;

/// How much text language detection looks at, in bytes.
const DETECT: usize = 1 << 16;

/// One sentence: its index, its byte range in the input, and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceSpan<'a> {
    pub index: usize,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// What a run found out about its input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub sentences: usize,
    pub bytes: usize,
    pub lang: Lang,
    /// Things the user should know (lossy decoding).
    pub warnings: Vec<String>,
}

/// Splits `text` (in memory) exactly as [`split_reader`] would, calling `sink` per sentence;
/// `path` names the input in warnings.
pub fn split_text<F>(
    text: &str,
    path: &Path,
    lang: Option<Lang>,
    options: Options,
    sink: F,
) -> Result<Summary>
where
    F: FnMut(SentenceSpan<'_>) -> std::io::Result<()>,
{
    let mut s = Splitter::new(lang, options, sink);
    if s.lang.is_none() {
        s.detect(text);
    }
    s.blocks(text, 0, true)?;
    let mut warnings = Vec::new();
    s.warn_forced(path, &mut warnings);
    Ok(Summary {
        sentences: s.index,
        bytes: text.len(),
        lang: s.lang.unwrap_or(Lang::En),
        warnings,
    })
}

/// Reads `reader` to its end, calling `sink` with every sentence in order. `path` names the
/// input in errors. A NUL byte, mostly-control bytes at the start, or nothing but whitespace
/// is an error naming the file; invalid UTF-8 is decoded lossily with a warning (offsets then
/// refer to the decoded text).
pub fn split_reader<R, F>(
    mut reader: R,
    path: &Path,
    lang: Option<Lang>,
    options: Options,
    sink: F,
) -> Result<Summary>
where
    R: Read,
    F: FnMut(SentenceSpan<'_>) -> std::io::Result<()>,
{
    let io_err = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut s = Splitter::new(lang, options, sink);
    let mut raw: Vec<u8> = Vec::with_capacity(CHUNK);
    let mut pending = String::new();
    let mut base = 0; // offset of `pending` in the decoded input
    let mut read_total = 0;
    let mut warnings = Vec::new();
    let mut blank = true;
    let mut eof = false;
    // Line breaks decoded so far, for an error's line number.
    let mut newlines = 0;
    let mut buf = vec![0u8; CHUNK];
    while !eof {
        let n = loop {
            match reader.read(&mut buf) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(io_err(e)),
            }
        };
        eof = n == 0;
        let chunk = &buf[..n];
        if read_total == 0 && n > 0 {
            if let Some(offset) = crate::document::binary_offset(chunk) {
                return Err(Error::Binary {
                    path: path.to_path_buf(),
                    offset,
                });
            }
        } else if let Some(p) = memchr::memchr(0, chunk) {
            return Err(Error::Binary {
                path: path.to_path_buf(),
                offset: read_total + p,
            });
        }
        raw.extend_from_slice(chunk);
        let before = pending.len();
        decode(
            &mut raw,
            &mut pending,
            eof,
            read_total + n,
            path,
            &mut newlines,
        )?;
        read_total += n;
        if blank && !pending[before..].trim().is_empty() {
            blank = false;
        }
        if s.lang.is_none() && (pending.len() >= DETECT || eof) {
            let mut end = pending.len().min(DETECT);
            while !pending.is_char_boundary(end) {
                end -= 1;
            }
            s.detect(&pending[..end]);
        }
        if s.lang.is_none() {
            continue;
        }
        let done = s.blocks(&pending, base, eof)?;
        pending.drain(..done);
        base += done;
    }
    if blank {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    s.warn_forced(path, &mut warnings);
    Ok(Summary {
        sentences: s.index,
        bytes: read_total,
        lang: s.lang.unwrap_or(Lang::En),
        warnings,
    })
}

/// Moves the valid UTF-8 at the front of `raw` into `out`; keeps an incomplete sequence at the
/// end for the next chunk unless `eof`. An invalid sequence is an error naming its byte (of
/// `consumed` bytes read so far) and line (`newlines` counts the line breaks decoded before).
fn decode(
    raw: &mut Vec<u8>,
    out: &mut String,
    eof: bool,
    consumed: usize,
    path: &Path,
    newlines: &mut usize,
) -> Result<()> {
    let (valid, bad) = match std::str::from_utf8(raw) {
        Ok(_) => (raw.len(), false),
        Err(e) => (e.valid_up_to(), e.error_len().is_some() || eof),
    };
    let text = std::str::from_utf8(&raw[..valid]).unwrap_or_default();
    *newlines += memchr::memchr_iter(b'\n', text.as_bytes()).count();
    out.push_str(text);
    raw.drain(..valid);
    if bad {
        return Err(Error::InvalidUtf8 {
            path: path.to_path_buf(),
            offset: consumed - raw.len(),
            line: *newlines + 1,
        });
    }
    Ok(())
}

struct Splitter<F> {
    lang: Option<Lang>,
    options: Options,
    max_block: usize,
    index: usize,
    sink: F,
    ranges: Vec<Range<usize>>,
    mapped: Vec<(Range<usize>, Range<usize>)>,
    /// Sentences cut for length so far, with offsets into the input.
    forced: segment::Forced,
}

impl<F> Splitter<F>
where
    F: FnMut(SentenceSpan<'_>) -> std::io::Result<()>,
{
    fn new(lang: Option<Lang>, options: Options, sink: F) -> Self {
        Splitter {
            lang,
            options,
            max_block: MAX_BLOCK,
            index: 0,
            sink,
            ranges: Vec::new(),
            mapped: Vec::new(),
            forced: segment::Forced::default(),
        }
    }

    /// Says so when sentences were cut for length.
    fn warn_forced(&self, path: &Path, warnings: &mut Vec<String>) {
        if let Some(at) = self.forced.first {
            warnings.push(self.forced.warning(&path.display().to_string(), at));
        }
    }

    fn detect(&mut self, prefix: &str) {
        self.lang = Some(segment::detect(NormalizedText::new(prefix).text()));
    }

    /// Splits the complete blocks of `text` (which starts at `base` in the input); returns how
    /// many bytes were consumed.
    fn blocks(&mut self, text: &str, base: usize, eof: bool) -> Result<usize> {
        let lang = self.lang.unwrap_or(Lang::En);
        let mut start = 0;
        while start < text.len() {
            let end = match segment::block_end(text, start, eof, lang) {
                Some(end) => end,
                None if text.len() - start > self.max_block => self.oversized(text, start, lang),
                None => break,
            };
            self.block(text, start..end, base, lang)?;
            start = end;
        }
        Ok(start)
    }

    /// Where to cut a block longer than [`MAX_BLOCK`]: after its last sentence but one, as
    /// found in its first `MAX_BLOCK` bytes.
    fn oversized(&mut self, text: &str, start: usize, lang: Lang) -> usize {
        let mut end = start + self.max_block;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let n = NormalizedText::new(&text[start..end]);
        let mut ranges = Vec::new();
        // Only where to cut is wanted here: `block` splits these bytes again and counts.
        let _ = segment::split_into(n.text(), lang, self.options, &mut ranges);
        let mut mapped = Vec::new();
        n.map_ranges(ranges, &mut mapped);
        match mapped.len() {
            0 | 1 => end,
            k => start + mapped[k - 1].1.start,
        }
    }

    /// Normalizes and splits one block, `text[block]`, and hands its sentences to the sink.
    fn block(&mut self, text: &str, block: Range<usize>, base: usize, lang: Lang) -> Result<()> {
        let original = &text[block.clone()];
        let n = NormalizedText::new(original);
        self.ranges.clear();
        self.mapped.clear();
        let forced = segment::split_into(n.text(), lang, self.options, &mut self.ranges);
        if let Some(first) = forced.first {
            let at = base + block.start + n.to_original(first..first).start;
            self.forced.add(segment::Forced {
                cuts: forced.cuts,
                first: Some(at),
            });
        }
        n.map_ranges(self.ranges.drain(..), &mut self.mapped);
        for (_, o) in self.mapped.drain(..) {
            let span = SentenceSpan {
                index: self.index,
                start: base + block.start + o.start,
                end: base + block.start + o.end,
                text: &original[o],
            };
            (self.sink)(span).map_err(|source| Error::Write { source })?;
            self.index += 1;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A block longer than the limit is cut after its last complete sentence; spans still
    /// slice the input in order with only blanks between them.
    #[test]
    fn oversized_blocks_are_cut_between_sentences() {
        let text = "One day it rained. The road closed and Mr. Lee waited. ".repeat(40);
        for max_block in [16, 50, 97, 300] {
            let mut got: Vec<(usize, usize, String)> = Vec::new();
            let mut s = Splitter::new(
                Some(Lang::En),
                Options::default(),
                |sp: SentenceSpan<'_>| {
                    got.push((sp.start, sp.end, sp.text.to_string()));
                    Ok(())
                },
            );
            s.max_block = max_block;
            // Feed it as a stream would: growing, then the end.
            let mut done = 0;
            for end in (0..=text.len()).step_by(37).chain([text.len()]) {
                done += s.blocks(&text[done..end], done, false).unwrap();
            }
            s.blocks(&text[done..], done, true).unwrap();
            let mut prev = 0;
            for (start, end, t) in &got {
                assert!(prev <= *start && start < end, "{max_block}: {got:?}");
                assert_eq!(&text[*start..*end], t);
                assert!(text[prev..*start].trim().is_empty());
                prev = *end;
            }
            assert!(text[prev..].trim().is_empty());
            if max_block >= 97 {
                // Whole sentences fit: the cut falls between them, as if unlimited.
                assert_eq!(got.len(), 80, "{max_block}");
            }
        }
    }
}
