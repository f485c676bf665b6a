//! Reading reports: files, stdin and HTML pages become [`Document`]s with an id and a label.

pub mod html;

use crate::error::{Error, Result};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Where a report came from, as shown in every output.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Source {
    /// Unique within one comparison; what claims refer to.
    pub id: String,
    /// Human label: `--label`, or the file stem.
    pub label: String,
    /// The path as given on the command line (`-` for stdin).
    pub path: String,
}

/// One report's text, ready for normalization.
#[derive(Debug, Clone)]
pub struct Document {
    pub source: Source,
    /// The report's text. For `.txt`/`.md` this is the file itself; for HTML, the article text.
    pub text: String,
    /// Things the user should know about how the text was read (lossy decoding, HTML).
    pub warnings: Vec<String>,
    /// When the report was published, if known: figures of one event given on different
    /// days are put in order.
    pub published: Option<crate::Published>,
}

/// The kinds of file we read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
}

impl Format {
    /// Chooses a format from the file extension; no extension means text.
    pub fn from_path(path: &Path) -> Result<Format> {
        Ok(Format::by_extension(path)?.unwrap_or(Format::Text))
    }

    /// The format the file extension names; `None` without an extension (the content
    /// decides, see [`Format::sniff`]).
    pub fn by_extension(path: &Path) -> Result<Option<Format>> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
        {
            None => Ok(None),
            Some(e) if matches!(e.as_str(), "txt" | "md" | "text" | "markdown") => {
                Ok(Some(Format::Text))
            }
            Some(e) if matches!(e.as_str(), "html" | "htm" | "xhtml") => Ok(Some(Format::Html)),
            Some(e) => Err(Error::UnknownFormat {
                path: path.to_path_buf(),
                extension: e,
            }),
        }
    }

    /// HTML when the text opens like an HTML document (`<!doctype html`, `<html`, after
    /// blanks, a byte-order mark or comments), else text.
    pub fn sniff(text: &str) -> Format {
        let mut t = text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']);
        // Comments before the doctype, as some generators write them.
        while let Some(rest) = t.strip_prefix("<!--") {
            match rest.find("-->") {
                Some(end) => t = rest[end + 3..].trim_start(),
                None => break,
            }
        }
        let head = t.as_bytes().get(..14).unwrap_or(t.as_bytes());
        let starts = |p: &[u8]| head.len() >= p.len() && head[..p.len()].eq_ignore_ascii_case(p);
        let html_tag = starts(b"<html")
            && t.as_bytes()
                .get(5)
                .is_none_or(|c| matches!(c, b'>' | b' ' | b'\t' | b'\r' | b'\n'));
        if starts(b"<!doctype html") || html_tag {
            Format::Html
        } else {
            Format::Text
        }
    }
}

impl Source {
    /// How messages name the report: its path, or `stdin`.
    pub fn name(&self) -> &str {
        if self.path == "-" {
            "stdin"
        } else {
            &self.path
        }
    }

    /// The source of a report read from `path` (`-`: stdin): its id is the file stem (made
    /// unique among several reports by the caller), its label `label` or that stem.
    pub fn of_path(path: &str, label: Option<&str>) -> Source {
        let stem = if path == "-" {
            "stdin".to_string()
        } else {
            Path::new(path)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.to_string())
        };
        Source {
            label: label.map(str::to_string).unwrap_or_else(|| stem.clone()),
            id: stem,
            path: path.to_string(),
        }
    }
}

/// The 1-based line of byte `offset` in `bytes`.
pub(crate) fn line_at(bytes: &[u8], offset: usize) -> usize {
    1 + bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

impl Document {
    /// Builds a document from text already in memory (used by tests and batch mode).
    pub fn from_text(id: &str, label: &str, text: impl Into<String>) -> Document {
        Document {
            source: Source {
                id: id.to_string(),
                label: label.to_string(),
                path: id.to_string(),
            },
            text: text.into(),
            warnings: Vec::new(),
            published: None,
        }
    }

    /// The same document, published at `published`.
    pub fn with_published(mut self, published: Option<crate::Published>) -> Document {
        self.published = published;
        self
    }

    /// Reads a report from `path` (`-` is stdin). `label` overrides the file stem.
    pub fn read(path: &str, label: Option<&str>) -> Result<Document> {
        Document::read_as(path, label, None)
    }

    /// [`Document::read`] in the given format; `None` goes by the file extension, and reads
    /// stdin and files without one as HTML when they open like an HTML document.
    pub fn read_as(path: &str, label: Option<&str>, format: Option<Format>) -> Result<Document> {
        // Messages name stdin as such; the source keeps `-` as given.
        let p = PathBuf::from(if path == "-" { "stdin" } else { path });
        let (bytes, format) = if path == "-" {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|source| Error::Io {
                    path: p.clone(),
                    source,
                })?;
            (buf, format)
        } else {
            if p.is_dir() {
                return Err(Error::IsDirectory { path: p });
            }
            let format = match format {
                Some(f) => Some(f),
                None => Format::by_extension(&p)?,
            };
            let bytes = std::fs::read(&p).map_err(|source| Error::Io {
                path: p.clone(),
                source,
            })?;
            (bytes, format)
        };
        Document::from_bytes(&p, bytes, format, Source::of_path(path, label))
    }

    /// Decodes bytes into a document, checking for binary, empty and undecodable input: UTF-8
    /// (an invalid sequence is an error naming its byte and line) or UTF-16 with a byte-order
    /// mark (decoded, with a warning). `format` `None` reads the text as HTML when it opens
    /// like a page.
    pub fn from_bytes(
        path: &Path,
        bytes: Vec<u8>,
        format: Option<Format>,
        source: Source,
    ) -> Result<Document> {
        let mut warnings = Vec::new();
        let text = match Utf16::of(&bytes) {
            Some(utf16) => {
                let (text, lossy) = utf16.decode(&bytes);
                warnings.push(format!(
                    "{}: decoded from {} (byte-order mark){}; offsets refer to the text as UTF-8",
                    path.display(),
                    utf16.name(),
                    if lossy {
                        ", with invalid sequences replaced by U+FFFD"
                    } else {
                        ""
                    }
                ));
                text
            }
            None => {
                if let Some(offset) = binary_offset(&bytes) {
                    return Err(Error::Binary {
                        path: path.to_path_buf(),
                        offset,
                    });
                }
                match String::from_utf8(bytes) {
                    Ok(s) => s,
                    Err(e) => {
                        let offset = e.utf8_error().valid_up_to();
                        return Err(Error::InvalidUtf8 {
                            path: path.to_path_buf(),
                            offset,
                            line: line_at(e.as_bytes(), offset),
                        });
                    }
                }
            }
        };
        if let Some(offset) = text.find('\0') {
            return Err(Error::Binary {
                path: path.to_path_buf(),
                offset,
            });
        }
        let text = match format.unwrap_or_else(|| Format::sniff(&text)) {
            // A UTF-8 byte-order mark stays, so offsets index the file; no sentence or quote
            // includes it (normalization drops it).
            Format::Text => text,
            Format::Html => {
                warnings.push(format!(
                    "{}: HTML reduced to article text; offsets refer to that text",
                    path.display()
                ));
                html::to_text(path, &text, &mut warnings)
            }
        };
        if text.trim_start_matches('\u{FEFF}').trim().is_empty() {
            return Err(Error::Empty {
                path: path.to_path_buf(),
            });
        }
        Ok(Document {
            source,
            text,
            warnings,
            published: None,
        })
    }
}

/// UTF-16 text, told by its byte-order mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Utf16 {
    Le,
    Be,
}

impl Utf16 {
    /// The encoding a UTF-16 byte-order mark at the start of `bytes` names. (`FF FE 00 00`
    /// is UTF-32, which stays binary.)
    pub fn of(bytes: &[u8]) -> Option<Utf16> {
        match bytes {
            [0xFF, 0xFE, 0, 0, ..] => None,
            [0xFF, 0xFE, ..] => Some(Utf16::Le),
            [0xFE, 0xFF, ..] => Some(Utf16::Be),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Utf16::Le => "UTF-16LE",
            Utf16::Be => "UTF-16BE",
        }
    }

    /// Decodes `bytes` (byte-order mark first, dropped) to UTF-8; unpaired surrogates and an
    /// odd last byte become U+FFFD, and the flag says whether any did.
    pub fn decode(self, bytes: &[u8]) -> (String, bool) {
        let body = &bytes[2..];
        let units = body.chunks_exact(2).map(|c| match self {
            Utf16::Le => u16::from_le_bytes([c[0], c[1]]),
            Utf16::Be => u16::from_be_bytes([c[0], c[1]]),
        });
        let mut lossy = body.len() % 2 == 1;
        let mut text = String::with_capacity(body.len() / 2 * 3 / 2);
        for c in char::decode_utf16(units) {
            text.push(c.unwrap_or_else(|_| {
                lossy = true;
                char::REPLACEMENT_CHARACTER
            }));
        }
        if body.len() % 2 == 1 {
            text.push(char::REPLACEMENT_CHARACTER);
        }
        (text, lossy)
    }
}

/// The offset of the first byte that shows the input is not text, if any.
pub(crate) fn binary_offset(bytes: &[u8]) -> Option<usize> {
    if let Some(i) = bytes.iter().position(|&b| b == 0) {
        return Some(i);
    }
    let head = &bytes[..bytes.len().min(8192)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    (head.len() >= 32 && control * 10 > head.len()).then(|| {
        head.iter()
            .position(|&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
            .unwrap_or(0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_is_detected() {
        assert_eq!(binary_offset(b"abc\0def"), Some(3));
        assert_eq!(binary_offset(b"plain text\nwith lines\r\n"), None);
        let noisy: Vec<u8> = (0u8..64)
            .map(|i| if i % 3 == 0 { 1 } else { b'a' })
            .collect();
        assert!(binary_offset(&noisy).is_some());
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::from_path(Path::new("a.TXT")).unwrap(), Format::Text);
        assert_eq!(Format::from_path(Path::new("a.htm")).unwrap(), Format::Html);
        assert!(Format::from_path(Path::new("a.pdf")).is_err());
    }

    #[test]
    fn html_keeps_paragraphs() {
        let html = "<html><head><title>Quake</title></head><body><article><h1>Quake hits</h1>\
            <p>At least 30 people were killed on Monday when a strong earthquake struck the region, officials said in a statement released late in the evening.</p>\
            <p>Rescue teams searched collapsed buildings through the night as aftershocks rattled the area and residents slept outdoors.</p></article></body></html>";
        let text = html::to_text(Path::new("x.html"), html, &mut Vec::new());
        assert!(text.contains("At least 30 people were killed"));
        assert!(text.contains("\n\n"), "{text:?}");
    }

    #[test]
    fn invalid_utf8_is_an_error_naming_byte_and_line() {
        let src = Source {
            id: "a".into(),
            label: "a".into(),
            path: "a.txt".into(),
        };
        let e = Document::from_bytes(
            Path::new("a.txt"),
            b"Title\ncaf\xe9 au lait".to_vec(),
            Some(Format::Text),
            src,
        )
        .unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.starts_with("a.txt: invalid UTF-8 at byte 9 (line 2)"),
            "{msg}"
        );
    }

    #[test]
    fn empty_is_an_error() {
        let src = Source {
            id: "a".into(),
            label: "a".into(),
            path: "a.txt".into(),
        };
        let e = Document::from_bytes(
            Path::new("a.txt"),
            b" \n\t".to_vec(),
            Some(Format::Text),
            src,
        )
        .unwrap_err();
        assert_eq!(e.to_string(), "a.txt: the report is empty");
    }
}
