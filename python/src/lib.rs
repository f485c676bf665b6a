//! `corroborate._corroborate`: the Python bindings' native half. Every function here calls the
//! `corroborate` library; `corroborate/__init__.py` gives them their public, documented form.

mod batch;
mod errors;
mod finding;

use corroborate::document::{Document, Format, Source};
use corroborate::report::{self, Options};
use corroborate::{Comparison, Detail, FindingKind, Lang, Published};
use finding::{to_py, CharIndex, Finding, FindingData};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyIterator};
use std::path::PathBuf;
use std::sync::Arc;

// The pipeline allocates many small strings per sentence; as in the CLI, mimalloc makes that
// cheap (it serves only this extension's Rust allocations).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// One report given to `compare`: a file, or text in memory.
#[derive(FromPyObject)]
enum ReportSpec {
    /// `(path, label)`: read as the CLI reads it; the id is the file stem.
    Path(String, Option<String>),
    /// `(id, label, text)`
    Text(String, String, String),
}

/// Runs the pipeline over the reports; returns the comparison and the warnings of reading
/// them (lossy UTF-8 decoding, HTML).
#[pyfunction]
fn compare(
    py: Python<'_>,
    reports: Vec<ReportSpec>,
    published: Vec<Option<String>>,
) -> PyResult<(ComparisonCore, Vec<String>)> {
    let mut dates = Vec::with_capacity(published.len());
    for (i, p) in published.iter().enumerate() {
        dates.push(match p.as_deref().map(str::trim) {
            None | Some("" | "-") => None,
            Some(p) => Some(Published::parse(p).map_err(|e| {
                errors::argument(py, &format!("published date of report {}: {e}", i + 1))
            })?),
        });
    }
    let result = py.detach(move || -> corroborate::Result<_> {
        let mut docs = Vec::with_capacity(reports.len());
        let mut warnings = Vec::new();
        for (i, spec) in reports.into_iter().enumerate() {
            let doc = match spec {
                ReportSpec::Path(path, label) => Document::read(&path, label.as_deref())?,
                ReportSpec::Text(id, label, text) => Document::from_bytes(
                    &PathBuf::from(&id),
                    text.into_bytes(),
                    Some(Format::Text),
                    Source {
                        path: id.clone(),
                        id,
                        label,
                    },
                )?,
            };
            warnings.extend(doc.warnings.iter().cloned());
            docs.push(doc.with_published(dates.get(i).cloned().flatten()));
        }
        Ok((corroborate::compare(docs)?, warnings))
    });
    let (cmp, warnings) = result.map_err(|e| errors::library(py, e))?;
    Ok((ComparisonCore::new(cmp), warnings))
}

/// A comparison, held for `corroborate.Comparison`.
#[pyclass(frozen, module = "corroborate._corroborate")]
struct ComparisonCore {
    cmp: Comparison,
    texts: Arc<[CharIndex]>,
}

impl ComparisonCore {
    fn new(cmp: Comparison) -> ComparisonCore {
        ComparisonCore {
            texts: CharIndex::of_sources(&cmp),
            cmp,
        }
    }
}

#[pymethods]
impl ComparisonCore {
    /// The report in `format` (`text`, `json`, `csv`, `markdown`, `html`).
    #[pyo3(signature = (format, only, min_confidence, color=false))]
    fn render(
        &self,
        py: Python<'_>,
        format: &str,
        only: Vec<String>,
        min_confidence: f64,
        color: bool,
    ) -> PyResult<String> {
        let format = match format {
            "text" => report::Format::Text,
            "json" => report::Format::Json,
            "csv" => report::Format::Csv,
            "markdown" => report::Format::Markdown,
            "html" => report::Format::Html,
            other => {
                return Err(errors::argument(
                    py,
                    &format!("unknown format '{other}' (expected text, json, csv, markdown, html)"),
                ))
            }
        };
        let opts = Options {
            color,
            ..options(py, only, min_confidence)?
        };
        py.detach(|| report::render(&self.cmp, format, &opts))
            .map_err(|e| errors::library(py, e))
    }

    /// The findings `only` and `min_confidence` keep, in report order.
    fn findings(
        &self,
        py: Python<'_>,
        only: Vec<String>,
        min_confidence: f64,
    ) -> PyResult<Vec<Py<Finding>>> {
        let opts = options(py, only, min_confidence)?;
        FindingData::of_comparison(&self.cmp, &opts)
            .into_iter()
            .map(|data| Py::new(py, Finding::new(data, None, self.texts.clone())))
            .collect()
    }

    /// The sources as dicts: the fields of the JSON wire format, and `text`, the text their
    /// claims' offsets index (for HTML, the article text).
    fn sources<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        let wire = report::json::comparison_json(&self.cmp, &Options::default()).sources;
        wire.iter()
            .zip(&self.cmp.analyses)
            .map(|(s, a)| {
                let v = serde_json::to_value(s).expect("serializable");
                let d = to_py(py, &v)?.cast_into::<PyDict>()?;
                d.set_item("text", &a.document.text)?;
                Ok(d)
            })
            .collect()
    }

    /// Whether any finding is a discrepancy.
    #[getter]
    fn has_discrepancy(&self) -> bool {
        self.cmp.has_discrepancy()
    }
}

/// Report options from Python arguments, checked as the CLI checks its flags.
fn options(py: Python<'_>, only: Vec<String>, min_confidence: f64) -> PyResult<Options> {
    if !(0.0..=1.0).contains(&min_confidence) {
        return Err(errors::argument(
            py,
            &format!("min_confidence must be between 0 and 1, got {min_confidence}"),
        ));
    }
    let only = only
        .iter()
        .map(|k| {
            FindingKind::parse(k).ok_or_else(|| {
                errors::argument(
                    py,
                    &format!(
                        "unknown finding kind '{k}' (expected agreement, discrepancy, unique)"
                    ),
                )
            })
        })
        .collect::<PyResult<_>>()?;
    Ok(Options {
        only,
        min_confidence,
        ..Options::default()
    })
}

fn language(py: Python<'_>, code: Option<&str>) -> PyResult<Option<Lang>> {
    code.map(|c| {
        Lang::from_code(c)
            .ok_or_else(|| errors::argument(py, &format!("unsupported language '{c}'")))
    })
    .transpose()
}

/// The figures of a text, as `corroborate claims` prints them; offsets are str indices.
#[pyfunction]
#[pyo3(signature = (text, lang=None))]
fn claims<'py>(
    py: Python<'py>,
    text: String,
    lang: Option<&str>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let lang = language(py, lang)?;
    let lines = py.detach(move || {
        let doc = Document::from_text("text", "text", text);
        let a = corroborate::analyze_with(doc, lang, Detail::Claims);
        let index = CharIndex::new(&a.document.text);
        report::json::claim_lines(&a)
            .map(|line| {
                let mut v = serde_json::to_value(line).expect("serializable");
                index.convert(&mut v);
                v
            })
            .collect::<Vec<_>>()
    });
    lines.iter().map(|v| to_py(py, v)).collect()
}

/// The sentences of a text, as `corroborate sentences` prints them; offsets are str indices.
#[pyfunction]
#[pyo3(signature = (text, lang=None, wrapped=false))]
fn sentences<'py>(
    py: Python<'py>,
    text: String,
    lang: Option<&str>,
    wrapped: bool,
) -> PyResult<Vec<Bound<'py, PyDict>>> {
    let lang = language(py, lang)?;
    let spans = py.detach(move || {
        let index = CharIndex::new(&text);
        let mut spans = Vec::new();
        let options = corroborate::segment::Options { wrapped };
        let path = std::path::Path::new("<text>");
        corroborate::stream::split_text(&text, path, lang, options, |s| {
            spans.push((
                s.index,
                index.chars(s.start),
                index.chars(s.end),
                s.text.to_string(),
            ));
            Ok(())
        })
        .map(|_| spans)
    });
    let spans = spans.map_err(|e| errors::library(py, e))?;
    spans
        .into_iter()
        .map(|(index, start, end, text)| {
            let d = PyDict::new(py);
            d.set_item("index", index)?;
            d.set_item("start", start)?;
            d.set_item("end", end)?;
            d.set_item("text", text)?;
            Ok(d)
        })
        .collect()
}

/// An iterator of the findings of `events`, compared in parallel on `jobs` threads.
#[pyfunction(name = "batch")]
#[pyo3(signature = (events, jobs, yield_errors, only, min_confidence))]
fn batch_events(
    py: Python<'_>,
    events: Bound<'_, PyIterator>,
    jobs: Option<usize>,
    yield_errors: bool,
    only: Vec<String>,
    min_confidence: f64,
) -> PyResult<batch::Batch> {
    if jobs == Some(0) {
        return Err(errors::argument(py, "jobs must be at least 1"));
    }
    let opts = options(py, only, min_confidence)?;
    batch::Batch::new(events.unbind(), jobs, opts, yield_errors)
        .map_err(|m| errors::error(py, "Error", &m, &[]))
}

/// A publication date as the library reads it (str, date, datetime, or missing), or an error.
#[pyfunction]
fn published_text(py: Python<'_>, value: Bound<'_, PyAny>) -> PyResult<Option<String>> {
    batch::published(&value).map_err(|m| errors::argument(py, &m))
}

#[pymodule]
fn _corroborate(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    m.add_function(wrap_pyfunction!(claims, m)?)?;
    m.add_function(wrap_pyfunction!(sentences, m)?)?;
    m.add_function(wrap_pyfunction!(batch_events, m)?)?;
    m.add_function(wrap_pyfunction!(published_text, m)?)?;
    m.add_function(wrap_pyfunction!(finding::restore, m)?)?;
    m.add_class::<ComparisonCore>()?;
    m.add_class::<Finding>()?;
    m.add_class::<batch::Batch>()?;
    Ok(())
}
