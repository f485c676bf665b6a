//! Findings as Python objects. A `Finding` keeps the line the library's JSON reporter writes
//! for it and builds nested Python objects only when they are asked for, so streaming many
//! findings costs little more than writing them; whatever fields the wire format gains reach
//! Python unchanged. Offsets become str indices, which is what Python slices by.

use corroborate::report::{json, Options};
use corroborate::Comparison;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyTuple, PyType};
use serde_json::Value;
use std::ops::Range;
use std::sync::Arc;

/// Maps UTF-8 byte offsets of one text to str indices (code points).
#[derive(Debug, Default)]
pub struct CharIndex {
    /// For each character of more than one byte: the byte offset just past it, and the bytes
    /// beyond one that it and the characters before it take. Empty for ASCII text.
    wide: Vec<(usize, usize)>,
}

impl CharIndex {
    pub fn new(text: &str) -> CharIndex {
        let bytes = text.as_bytes();
        let (mut wide, mut extra, mut i) = (Vec::new(), 0, 0);
        while i < bytes.len() {
            // News text is mostly ASCII: skip it a block at a time.
            if bytes[i..].len() >= 16 && bytes[i..i + 16].is_ascii() {
                i += 16;
                continue;
            }
            let width = match bytes[i] {
                b if b < 0x80 => 1,
                b if b >= 0xF0 => 4,
                b if b >= 0xE0 => 3,
                _ => 2,
            };
            if width > 1 {
                extra += width - 1;
                wide.push((i + width, extra));
            }
            i += width;
        }
        CharIndex { wide }
    }

    /// The indices of every analysed report of a comparison, in source order.
    pub fn of_sources(cmp: &Comparison) -> Arc<[CharIndex]> {
        cmp.analyses
            .iter()
            .map(|a| CharIndex::new(&a.document.text))
            .collect()
    }

    /// The str index of a byte offset (which falls on a character boundary).
    pub fn chars(&self, byte: usize) -> usize {
        let before = self.wide.partition_point(|&(end, _)| end <= byte);
        byte - before.checked_sub(1).map_or(0, |i| self.wide[i].1)
    }

    /// Turns every `start` and `end` inside `v` from byte offsets into str indices. By the
    /// wire format's convention every such field of a claim is an offset into its report.
    pub fn convert(&self, v: &mut Value) {
        match v {
            Value::Object(map) => {
                for (key, x) in map.iter_mut() {
                    let byte = match x {
                        Value::Number(n) if key == "start" || key == "end" => n.as_u64(),
                        _ => None,
                    };
                    match byte {
                        Some(b) => *x = Value::from(self.chars(b as usize)),
                        None => self.convert(x),
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|x| self.convert(x)),
            _ => {}
        }
    }
}

/// A finding's wire line: a slice of the JSON its comparison's findings were written as
/// together (one allocation for all of them).
#[derive(Debug)]
struct Wire {
    text: Arc<str>,
    range: Range<usize>,
}

impl Wire {
    fn as_str(&self) -> &str {
        &self.text[self.range.clone()]
    }

    /// The lines of `text`, each a `Wire`.
    fn lines(text: String) -> impl Iterator<Item = Wire> {
        let text: Arc<str> = text.into();
        let mut ranges = Vec::new();
        let mut start = 0;
        for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
            if i > start {
                ranges.push(start..i);
            }
            start = i + 1;
        }
        if start < text.len() {
            ranges.push(start..text.len());
        }
        ranges.into_iter().map(move |range| Wire {
            text: text.clone(),
            range,
        })
    }
}

/// What a finding is made of before it becomes a Python object (built on worker threads).
#[derive(Debug)]
pub struct FindingData {
    kind: &'static str,
    topic: String,
    confidence: f64,
    explanation: String,
    /// The finding as the CLI writes it: a `compare --format json` finding, or a `batch` line.
    json: Wire,
    /// The source index of each claim, in the order of the JSON's `claims`.
    claim_sources: Vec<usize>,
}

impl FindingData {
    /// The findings of `cmp` that `opts` keeps, as `compare --format json` writes them.
    pub fn of_comparison(cmp: &Comparison, opts: &Options) -> Vec<FindingData> {
        let mut out = Vec::new();
        for f in json::comparison_json(cmp, opts).findings {
            serde_json::to_writer(&mut out, &f).expect("serializable");
            out.push(b'\n');
        }
        Self::zip(cmp, opts, out)
    }

    /// The findings of one batch event, as `corroborate batch` writes them (with `event_id`).
    pub fn of_event(event_id: &str, cmp: &Comparison, opts: &Options) -> Vec<FindingData> {
        let mut out = Vec::new();
        corroborate::batch::jsonl(event_id, cmp, opts, &mut out);
        Self::zip(cmp, opts, out)
    }

    /// Pairs each kept finding with its line of `jsonl` (reporters write kept findings in
    /// order, one a line).
    fn zip(cmp: &Comparison, opts: &Options, jsonl: Vec<u8>) -> Vec<FindingData> {
        let lines = Wire::lines(String::from_utf8(jsonl).expect("JSON is UTF-8"));
        let out: Vec<FindingData> = cmp
            .findings
            .iter()
            .filter(|f| opts.keeps(f))
            .zip(lines)
            .map(|(f, json)| FindingData {
                kind: f.kind.as_str(),
                topic: f.topic.clone(),
                confidence: f.confidence,
                explanation: f.full_explanation(),
                json,
                // In the order the wire JSON lists them: the claims, then their restatements.
                claim_sources: f
                    .claims
                    .iter()
                    .chain(&f.restatements)
                    .map(|r| r.source)
                    .collect(),
            })
            .collect();
        debug_assert_eq!(
            out.len(),
            cmp.findings.iter().filter(|f| opts.keeps(f)).count()
        );
        out
    }
}

/// One agreement, discrepancy or unique claim.
///
/// `kind`, `topic`, `confidence`, `explanation` and `event_id` are read directly; `claims`,
/// `consensus`, `outliers`, `reasons` and any other field of the JSON wire format are built
/// on first use. Offsets are str indices into the claim's report text; `to_json()` gives the
/// finding exactly as the command-line tool writes it (with UTF-8 byte offsets).
#[pyclass(frozen, module = "corroborate", name = "Finding")]
pub struct Finding {
    data: FindingData,
    event_id: Option<String>,
    texts: Arc<[CharIndex]>,
    dict: PyOnceLock<Py<PyDict>>,
    claims: PyOnceLock<Py<PyTuple>>,
}

impl Finding {
    pub fn new(data: FindingData, event_id: Option<String>, texts: Arc<[CharIndex]>) -> Finding {
        Finding {
            data,
            event_id,
            texts,
            dict: PyOnceLock::new(),
            claims: PyOnceLock::new(),
        }
    }

    /// The finding as a fresh dict, offsets converted.
    fn build(&self, py: Python<'_>) -> PyResult<Py<PyDict>> {
        let mut v: Value = serde_json::from_str(self.data.json.as_str())
            .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?;
        if let Some(claims) = v.get_mut("claims").and_then(Value::as_array_mut) {
            for (claim, source) in claims.iter_mut().zip(&self.data.claim_sources) {
                if let Some(index) = self.texts.get(*source) {
                    index.convert(claim);
                }
            }
        }
        Ok(to_py(py, &v)?.cast_into::<PyDict>()?.unbind())
    }

    /// The cached dict behind the attributes (never handed out: callers get copies).
    fn fields<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyDict>> {
        self.dict
            .get_or_try_init(py, || self.build(py))
            .map(|d| d.bind(py))
    }

    fn list_field<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyList>> {
        match self.fields(py)?.get_item(name)? {
            Some(v) => PyList::new(py, v.try_iter()?.collect::<PyResult<Vec<_>>>()?),
            None => Ok(PyList::empty(py)),
        }
    }
}

#[pymethods]
impl Finding {
    /// `"agreement"`, `"discrepancy"` or `"unique"`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.data.kind
    }

    /// What the claims are about (`"deaths"`, `"leader of Khimprom"`).
    #[getter]
    fn topic(&self) -> &str {
        &self.data.topic
    }

    /// How sure the judgement is, from 0 to 1.
    #[getter]
    fn confidence(&self) -> f64 {
        self.data.confidence
    }

    /// Why, in a sentence or two.
    #[getter]
    fn explanation(&self) -> &str {
        &self.data.explanation
    }

    /// The batch event the finding belongs to; `None` for a finding of `compare`.
    #[getter]
    fn event_id(&self) -> Option<&str> {
        self.event_id.as_deref()
    }

    /// The claims as evidence, one per source, in source order.
    #[getter]
    fn claims<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        static CLAIM: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        let claims = self.claims.get_or_try_init(py, || -> PyResult<_> {
            let class = CLAIM.import(py, "corroborate._records", "Claim")?;
            let raw = self.list_field(py, "claims")?;
            let wrapped = raw
                .iter()
                .map(|d| class.call1((d,)))
                .collect::<PyResult<Vec<_>>>()?;
            Ok(PyTuple::new(py, wrapped)?.unbind())
        })?;
        PyList::new(py, claims.bind(py))
    }

    /// With three or more sources: the ids of the sources that agree.
    #[getter]
    fn consensus<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.list_field(py, "consensus")
    }

    /// With three or more sources: the ids of the sources that disagree with the consensus.
    #[getter]
    fn outliers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.list_field(py, "outliers")
    }

    /// Why the claims were taken to state one figure (`"same measure (deaths)"`).
    #[getter]
    fn reasons<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.list_field(py, "reasons")
    }

    /// Fields the wire format gained after these bindings were written.
    fn __getattr__<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        match self.build(py)?.bind(py).get_item(name)? {
            Some(v) if !name.starts_with('_') => Ok(v),
            _ => Err(pyo3::exceptions::PyAttributeError::new_err(format!(
                "'Finding' object has no attribute '{name}'"
            ))),
        }
    }

    /// Every field as plain Python values (a new dict each call); offsets are str indices.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        Ok(self.build(py)?.into_bound(py))
    }

    /// The finding as the command-line tool writes it: a finding of `compare --format json`,
    /// or with `event_id` a line of `batch` output. Offsets there are UTF-8 byte offsets.
    fn to_json(&self) -> &str {
        self.data.json.as_str()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let repr = |s: &str| -> PyResult<String> {
            Ok(pyo3::types::PyString::new(py, s).repr()?.to_string())
        };
        let event = match &self.event_id {
            Some(e) => format!("event_id={}, ", repr(e)?),
            None => String::new(),
        };
        Ok(format!(
            "Finding({event}kind={}, topic={}, confidence={}, claims={})",
            repr(self.data.kind)?,
            repr(&self.data.topic)?,
            self.data.confidence,
            self.data.claim_sources.len()
        ))
    }

    /// Pickling: the finding's parts, rebuilt by `_corroborate._finding`.
    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let texts: Vec<Vec<(usize, usize)>> = self.texts.iter().map(|t| t.wide.clone()).collect();
        let d = &self.data;
        let state = (
            d.kind,
            &d.topic,
            d.confidence,
            &d.explanation,
            d.json.as_str(),
            &d.claim_sources,
            self.event_id.as_deref(),
            texts,
        )
            .into_pyobject(py)?;
        let restore = py.import("corroborate._corroborate")?.getattr("_finding")?;
        Ok((restore, PyTuple::new(py, [state])?))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Finding>()
            .is_ok_and(|o| o.get().data.json.as_str() == self.data.json.as_str())
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.data.json.as_str().hash(&mut h);
        h.finish()
    }
}

/// The parts of a pickled [`Finding`], as `Finding.__reduce__` gives them.
type FindingState = (
    String,
    String,
    f64,
    String,
    String,
    Vec<usize>,
    Option<String>,
    Vec<Vec<(usize, usize)>>,
);

/// Rebuilds a pickled finding.
#[pyfunction(name = "_finding")]
pub fn restore(state: FindingState) -> PyResult<Finding> {
    let (kind, topic, confidence, explanation, json, claim_sources, event_id, texts) = state;
    let kind = corroborate::FindingKind::parse(&kind)
        .map(|k| k.as_str())
        .ok_or_else(|| pyo3::exceptions::PyValueError::new_err(format!("not a kind: {kind}")))?;
    let data = FindingData {
        kind,
        topic,
        confidence,
        explanation,
        json: Wire {
            range: 0..json.len(),
            text: json.into(),
        },
        claim_sources,
    };
    let texts = texts.into_iter().map(|wide| CharIndex { wide }).collect();
    Ok(Finding::new(data, event_id, texts))
}

/// A JSON value as plain Python objects (ints stay ints, key order is kept).
pub fn to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => u.into_pyobject(py)?.into_any(),
            (None, Some(i)) => i.into_pyobject(py)?.into_any(),
            _ => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => s.into_pyobject(py)?.into_any(),
        Value::Array(items) => {
            let items = items
                .iter()
                .map(|x| to_py(py, x))
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, items)?.into_any()
        }
        Value::Object(map) => {
            let d = PyDict::new(py);
            for (k, x) in map {
                d.set_item(k, to_py(py, x)?)?;
            }
            d.into_any()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_offsets_become_str_indices() {
        let text = "MOSCOW — Police said 300 people, “at least”.";
        let index = CharIndex::new(text);
        for (chars, (bytes, _)) in text.char_indices().enumerate() {
            assert_eq!(index.chars(bytes), chars, "at byte {bytes}");
        }
        assert_eq!(index.chars(text.len()), text.chars().count());
        let long = format!("{}🙁{}é{}", "a".repeat(40), "b".repeat(17), "c".repeat(3));
        let index = CharIndex::new(&long);
        for (chars, (bytes, _)) in long.char_indices().enumerate() {
            assert_eq!(index.chars(bytes), chars, "at byte {bytes}");
        }
        let ascii = CharIndex::new("plain");
        assert_eq!(ascii.chars(3), 3);
        assert!(ascii.wide.is_empty());
    }

    #[test]
    fn every_start_and_end_is_converted() {
        let index = CharIndex::new("ééé abc");
        let mut v = serde_json::json!({
            "source": "a", "start": 7, "end": 9, "sentence": "x",
            "quantity": {"start": 8, "end": 9, "value": 7},
            "spans": [{"start": 6, "end": 7}]
        });
        index.convert(&mut v);
        assert_eq!(
            v,
            serde_json::json!({
                "source": "a", "start": 4, "end": 6, "sentence": "x",
                "quantity": {"start": 5, "end": 6, "value": 7},
                "spans": [{"start": 3, "end": 4}]
            })
        );
    }
}
