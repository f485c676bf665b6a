//! Reading reports: files, stdin and HTML pages become [`Document`]s with an id and a label.

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
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
        {
            None => Ok(Format::Text),
            Some(e) if matches!(e.as_str(), "txt" | "md" | "text" | "markdown") => Ok(Format::Text),
            Some(e) if matches!(e.as_str(), "html" | "htm" | "xhtml") => Ok(Format::Html),
            Some(e) => Err(Error::UnknownFormat {
                path: path.to_path_buf(),
                extension: e,
            }),
        }
    }
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
        let p = PathBuf::from(path);
        let (bytes, format) = if path == "-" {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|source| Error::Io {
                    path: p.clone(),
                    source,
                })?;
            (buf, Format::Text)
        } else {
            if p.is_dir() {
                return Err(Error::IsDirectory { path: p });
            }
            let format = Format::from_path(&p)?;
            let bytes = std::fs::read(&p).map_err(|source| Error::Io {
                path: p.clone(),
                source,
            })?;
            (bytes, format)
        };
        let stem = if path == "-" {
            "stdin".to_string()
        } else {
            p.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.to_string())
        };
        let label = label.map(str::to_string).unwrap_or_else(|| stem.clone());
        Document::from_bytes(
            &p,
            bytes,
            format,
            Source {
                id: stem,
                label,
                path: path.to_string(),
            },
        )
    }

    /// Decodes bytes of the given format into a document, checking for binary and empty input.
    pub fn from_bytes(
        path: &Path,
        bytes: Vec<u8>,
        format: Format,
        source: Source,
    ) -> Result<Document> {
        if let Some(offset) = binary_offset(&bytes) {
            return Err(Error::Binary {
                path: path.to_path_buf(),
                offset,
            });
        }
        let mut warnings = Vec::new();
        let text = match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                warnings.push(format!(
                    "{}: invalid UTF-8 at byte {offset}; decoded lossily (offsets refer to the decoded text)",
                    path.display()
                ));
                String::from_utf8_lossy(e.as_bytes()).into_owned()
            }
        };
        let text = match format {
            // A byte-order mark stays: offsets count it, and normalization drops it.
            Format::Text => text,
            Format::Html => {
                warnings.push(format!(
                    "{}: HTML reduced to article text; offsets refer to that text",
                    path.display()
                ));
                html_to_text(path, &text)?
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

/// Extracts the article text of an HTML page, keeping paragraph breaks.
fn html_to_text(path: &Path, html: &str) -> Result<String> {
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let err = |e: dom_smoothie::ReadabilityError| Error::Html {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let mut r = dom_smoothie::Readability::new(html, None, Some(cfg)).map_err(err)?;
    let article = r.parse().map_err(err)?;
    let mut text = String::new();
    // The page title, unless the article opens with its own headline (a title is often that
    // headline shortened, with the site's name after a bar or dash).
    let title = article.title.trim();
    let core = title
        .split(['|', '\u{2013}', '\u{2014}'])
        .next()
        .unwrap_or("")
        .trim();
    let body = article.text_content.trim();
    let first_line = body.lines().next().unwrap_or("");
    if !title.is_empty() && (core.is_empty() || !first_line.contains(core)) {
        text.push_str(title);
        text.push_str("\n\n");
    }
    text.push_str(body);
    Ok(text)
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
        let text = html_to_text(Path::new("x.html"), html).unwrap();
        assert!(text.contains("At least 30 people were killed"));
        assert!(text.contains("\n\n"), "{text:?}");
    }

    #[test]
    fn invalid_utf8_is_lossy_with_warning() {
        let src = Source {
            id: "a".into(),
            label: "a".into(),
            path: "a.txt".into(),
        };
        let d = Document::from_bytes(
            Path::new("a.txt"),
            b"caf\xe9 au lait".to_vec(),
            Format::Text,
            src,
        )
        .unwrap();
        assert!(d.text.contains('\u{FFFD}'));
        assert!(d.warnings[0].contains("invalid UTF-8 at byte 3"));
    }

    #[test]
    fn empty_is_an_error() {
        let src = Source {
            id: "a".into(),
            label: "a".into(),
            path: "a.txt".into(),
        };
        let e = Document::from_bytes(Path::new("a.txt"), b" \n\t".to_vec(), Format::Text, src)
            .unwrap_err();
        assert_eq!(e.to_string(), "a.txt: the report is empty");
    }
}
