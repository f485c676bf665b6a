//! `corroborate.batch`: an iterator of findings over an iterable of events. Events are pulled
//! on the caller's thread (the iterable may be a generator, a database cursor…) a chunk at a
//! time, compared in parallel by the library with the GIL released, and handed out in input
//! order; memory holds one chunk and its findings whatever the input length.

use crate::errors;
use crate::finding::{CharIndex, Finding, FindingData};
use corroborate::batch::{
    catch_panic, compare_event, compare_line, EventLine, LineError, ReportLine,
};
use corroborate::report::Options;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict, PyIterator, PyList, PyMapping, PyString, PyTuple, PyType};
use pyo3::{PyTraverseError, PyVisit};
use rayon::prelude::*;
use std::collections::VecDeque;
use std::sync::Arc;

/// A chunk ends at this many events or bytes of report text, whichever comes first (as the
/// CLI's): enough work to keep every core busy, little enough to keep memory flat and the
/// first finding quick.
const CHUNK_EVENTS: usize = 256;
const CHUNK_BYTES: usize = 4 << 20;

/// One input item, read on the caller's thread.
enum Job {
    /// A dict read into the library's event type.
    Event(EventLine),
    /// A JSON line (str or bytes), parsed by the library as `corroborate batch` does.
    Line(String),
    /// An item that is no event: its error record.
    Bad(LineError),
}

/// What one item gave, in input order.
enum Outcome {
    Compared {
        line: usize,
        event_id: String,
        texts: Arc<[CharIndex]>,
        findings: Vec<FindingData>,
    },
    Failed(LineError),
}

/// One thing `__next__` hands out.
enum Pending {
    Finding {
        data: FindingData,
        event_id: String,
        texts: Arc<[CharIndex]>,
    },
    Error(LineError),
}

/// The iterator `corroborate.batch()` returns.
#[pyclass(module = "corroborate", name = "Batch")]
pub struct Batch {
    /// `None` once the input is exhausted or has raised.
    input: Option<Py<PyIterator>>,
    /// What the input raised: re-raised once everything read before it was handed out.
    input_error: Option<PyErr>,
    pool: Arc<rayon::ThreadPool>,
    opts: Options,
    yield_errors: bool,
    pending: VecDeque<Pending>,
    /// Items taken from the input, blank JSON lines included (the last one's 1-based position).
    position: usize,
    /// Events taken from the input (items that are not blank lines).
    read: usize,
    compared: usize,
    failed: usize,
    findings: usize,
    /// The position each event id was first seen at: a later event reusing one is an error,
    /// as in `corroborate batch`.
    first_seen: std::collections::HashMap<String, usize>,
}

impl Batch {
    pub fn new(
        input: Py<PyIterator>,
        jobs: Option<usize>,
        opts: Options,
        yield_errors: bool,
    ) -> Result<Batch, String> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.unwrap_or(0))
            .thread_name(|i| format!("corroborate-{i}"))
            .build()
            .map_err(|e| format!("cannot start worker threads: {e}"))?;
        Ok(Batch {
            input: Some(input),
            input_error: None,
            pool: Arc::new(pool),
            opts,
            yield_errors,
            pending: VecDeque::new(),
            position: 0,
            read: 0,
            compared: 0,
            failed: 0,
            findings: 0,
            first_seen: std::collections::HashMap::new(),
        })
    }

    /// Reads the next chunk of events from the input and compares it. An interrupt
    /// (`KeyboardInterrupt`) raised while reading is returned at once, after the events read
    /// before it are compared, and the input is kept so that the batch can go on; any other
    /// exception of the input ends it once the findings before it are handed out.
    fn fill(&mut self, py: Python<'_>) -> PyResult<()> {
        let Some(input) = &self.input else {
            return Ok(());
        };
        let mut input = input.bind(py).clone();
        let (mut jobs, mut bytes, mut interrupt) = (Vec::new(), 0, None);
        while jobs.len() < CHUNK_EVENTS && bytes < CHUNK_BYTES {
            match input.next() {
                Some(Ok(item)) => {
                    self.position += 1;
                    if let Some((job, size)) = job(&item, self.position) {
                        self.read += 1;
                        bytes += size;
                        jobs.push((self.position, job));
                    }
                }
                Some(Err(e)) if !e.is_instance_of::<pyo3::exceptions::PyException>(py) => {
                    interrupt = Some(e);
                    break;
                }
                Some(Err(e)) => {
                    self.input_error = Some(e);
                    self.input = None;
                    break;
                }
                None => {
                    self.input = None;
                    break;
                }
            }
        }
        let (pool, opts) = (self.pool.clone(), self.opts.clone());
        let outcomes: Vec<Outcome> = py.detach(move || {
            pool.install(|| {
                jobs.into_par_iter()
                    .map(|(line, job)| run(line, job, &opts))
                    .collect()
            })
        });
        for o in outcomes {
            match o {
                Outcome::Compared {
                    line,
                    event_id,
                    texts,
                    findings,
                } => {
                    if let Some(first) = self.first_seen.get(&event_id) {
                        self.failed += 1;
                        self.pending.push_back(Pending::Error(LineError {
                            line,
                            message: format!(
                                "event id '{event_id}' was already used on line {first}; \
                                 this later event is not compared"
                            ),
                            event_id: Some(event_id),
                        }));
                        continue;
                    }
                    self.first_seen.insert(event_id.clone(), line);
                    self.compared += 1;
                    self.findings += findings.len();
                    self.pending
                        .extend(findings.into_iter().map(|data| Pending::Finding {
                            data,
                            event_id: event_id.clone(),
                            texts: texts.clone(),
                        }));
                }
                Outcome::Failed(e) => {
                    if let Some(id) = &e.event_id {
                        self.first_seen.entry(id.clone()).or_insert(e.line);
                    }
                    self.failed += 1;
                    self.pending.push_back(Pending::Error(e));
                }
            }
        }
        interrupt.map_or(Ok(()), Err)
    }
}

/// Compares one item on a worker thread; a panic in the library becomes the item's error.
fn run(line: usize, job: Job, opts: &Options) -> Outcome {
    let result = match job {
        Job::Event(ev) => catch_panic(line, move || compare_event(ev, line)),
        Job::Line(text) => catch_panic(line, move || compare_line(&text, line)),
        Job::Bad(e) => Err(e),
    };
    match result {
        Ok((event_id, cmp)) => Outcome::Compared {
            line,
            texts: CharIndex::of_sources(&cmp),
            findings: FindingData::of_event(&event_id, &cmp, opts),
            event_id,
        },
        Err(e) => Outcome::Failed(e),
    }
}

#[pymethods]
impl Batch {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        loop {
            match self.pending.pop_front() {
                Some(Pending::Finding {
                    data,
                    event_id,
                    texts,
                }) => {
                    let f = Finding::new(data, Some(event_id), texts);
                    return Ok(Some(Py::new(py, f)?.into_any()));
                }
                Some(Pending::Error(e)) if self.yield_errors => {
                    return error_record(py, &e).map(Some);
                }
                Some(Pending::Error(e)) => return Err(event_error(py, &e)),
                None if self.input.is_some() => self.fill(py)?,
                None => return self.input_error.take().map_or(Ok(None), Err),
            }
        }
    }

    /// Events taken from the input so far (read ahead of the findings handed out).
    #[getter]
    fn events_read(&self) -> usize {
        self.read
    }

    /// Events compared so far.
    #[getter]
    fn events_compared(&self) -> usize {
        self.compared
    }

    /// Events that could not be compared so far.
    #[getter]
    fn events_failed(&self) -> usize {
        self.failed
    }

    /// Findings of the events compared so far.
    #[getter]
    fn findings(&self) -> usize {
        self.findings
    }

    fn __repr__(&self) -> String {
        format!(
            "<corroborate.Batch: {} events read, {} compared, {} failed, {} findings>",
            self.read, self.compared, self.failed, self.findings
        )
    }

    fn __traverse__(&self, visit: PyVisit<'_>) -> Result<(), PyTraverseError> {
        if let Some(i) = &self.input {
            visit.call(i)?;
        }
        Ok(())
    }

    fn __clear__(&mut self) {
        self.input = None;
    }
}

/// `index` (0-based position in the input) and `event_id` of an error, for Python.
fn position(e: &LineError) -> usize {
    e.line.saturating_sub(1)
}

/// `corroborate.EventError`, naming the event and its position in the input.
fn event_error(py: Python<'_>, e: &LineError) -> PyErr {
    let index = position(e);
    let message = match &e.event_id {
        Some(id) => format!("event {id:?} (index {index}): {}", e.message),
        None => format!("event at index {index}: {}", e.message),
    };
    let attrs = || -> PyResult<Vec<(&str, Py<PyAny>)>> {
        Ok(vec![
            ("event_id", e.event_id.clone().into_pyobject(py)?.unbind()),
            ("index", index.into_pyobject(py)?.into_any().unbind()),
            (
                "reason",
                e.message.clone().into_pyobject(py)?.into_any().unbind(),
            ),
        ])
    };
    match attrs() {
        Ok(a) => errors::error(py, "EventError", &message, &a),
        Err(err) => err,
    }
}

/// A `corroborate.ErrorRecord`: the error record `corroborate batch --inline-errors` writes,
/// with the event's `index` in the input.
fn error_record(py: Python<'_>, e: &LineError) -> PyResult<Py<PyAny>> {
    static RECORD: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let d = PyDict::new(py);
    d.set_item("event_id", e.event_id.as_deref())?;
    d.set_item("kind", "error")?;
    d.set_item("line", e.line)?;
    d.set_item("message", &e.message)?;
    d.set_item("index", position(e))?;
    Ok(RECORD
        .import(py, "corroborate._records", "ErrorRecord")?
        .call1((d,))?
        .unbind())
}

/// Reads one input item (1-based `line`) into a job, and the bytes of text it holds; `None`
/// for a blank JSON line, which `corroborate batch` skips too.
fn job(item: &Bound<'_, PyAny>, line: usize) -> Option<(Job, usize)> {
    let bad = |event_id: Option<String>, message: String| {
        let e = LineError {
            line,
            event_id,
            message,
        };
        Some((Job::Bad(e), 0))
    };
    let text = |t: String| {
        // As the CLI's line reader: a byte-order mark is dropped, blank lines are skipped.
        let t = match t.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => t,
        };
        let size = t.len();
        (!t.trim().is_empty()).then_some((Job::Line(t), size))
    };
    if let Ok(s) = item.cast::<PyString>() {
        return match s.to_cow() {
            Ok(t) => text(t.into_owned()),
            Err(_) => bad(None, "the event is a str that is not valid UTF-8".into()),
        };
    }
    if let Ok(b) = item.cast::<PyBytes>() {
        return match std::str::from_utf8(b.as_bytes()) {
            Ok(t) => text(t.to_string()),
            Err(e) => bad(None, format!("invalid UTF-8 at byte {}", e.valid_up_to())),
        };
    }
    match event(item) {
        Ok(ev) => {
            let size = ev.reports.iter().map(|r| r.text.len()).sum();
            Some((Job::Event(ev), size))
        }
        Err((event_id, message)) => bad(event_id, message),
    }
}

/// An error reading an event: its id when known, and what is wrong.
type EventFault = (Option<String>, String);

/// A dict (or any mapping) read into the library's event type, checked as the library's JSON
/// reader checks a line: the same fields, ids as str or int, other keys ignored.
fn event(item: &Bound<'_, PyAny>) -> Result<EventLine, EventFault> {
    let fault = |id: Option<&str>, m: String| (id.map(str::to_string), m);
    let Some(get) = Getter::new(item) else {
        return Err(fault(
            None,
            format!(
                "an event is a dict (or a JSON string), not {}",
                type_name(item)
            ),
        ));
    };
    let event_id = match get.field("event_id") {
        Ok(Some(v)) => id(&v).map_err(|m| fault(None, format!("event_id: {m}")))?,
        Ok(None) => return Err(fault(None, "missing field `event_id`".into())),
        Err(e) => return Err(fault(None, format!("event_id: {e}"))),
    };
    let ev = Some(event_id.as_str());
    let reports = match get.field("reports") {
        Ok(Some(v)) => v,
        Ok(None) => return Err(fault(ev, "missing field `reports`".into())),
        Err(e) => return Err(fault(ev, format!("reports: {e}"))),
    };
    if !(reports.is_instance_of::<PyList>() || reports.is_instance_of::<PyTuple>()) {
        return Err(fault(
            ev,
            format!(
                "`reports` is a list of reports, not {}",
                type_name(&reports)
            ),
        ));
    }
    let mut out = Vec::new();
    let items = reports.try_iter().map_err(|e| fault(ev, e.to_string()))?;
    for (i, r) in items.enumerate() {
        let r = r.map_err(|e| fault(ev, e.to_string()))?;
        out.push(report(&r).map_err(|m| fault(ev, format!("report {}: {m}", i + 1)))?);
    }
    Ok(EventLine {
        event_id,
        reports: out,
    })
}

fn report(r: &Bound<'_, PyAny>) -> Result<ReportLine, String> {
    let get = Getter::new(r).ok_or_else(|| format!("expected a dict, got {}", type_name(r)))?;
    let field = |name: &str| get.field(name).map_err(|e| format!("{name}: {e}"));
    let id = match field("id")? {
        Some(v) => self::id(&v).map_err(|m| format!("id: {m}"))?,
        None => return Err("missing field `id`".into()),
    };
    let text = match field("text")? {
        Some(v) => v
            .cast::<PyString>()
            .map_err(|_| format!("text is a str, not {}", type_name(&v)))?
            .to_cow()
            .map_err(|_| "text is not valid UTF-8".to_string())?
            .into_owned(),
        None => return Err("missing field `text`".into()),
    };
    let label = match field("label")? {
        Some(v) if v.is_none() => None,
        Some(v) => Some(
            v.extract::<String>()
                .map_err(|_| format!("label is a str, not {}", type_name(&v)))?,
        ),
        None => None,
    };
    let published = match field("published")? {
        Some(v) => published(&v)?,
        None => None,
    };
    Ok(ReportLine {
        id,
        label,
        text,
        published,
    })
}

/// A publication date: a str, a `date`/`datetime` (pandas' `Timestamp` too), or unknown as
/// `None` or a missing value of a data frame (`NaN`, `NaT`: values not equal to themselves).
pub fn published(v: &Bound<'_, PyAny>) -> Result<Option<String>, String> {
    if v.is_none() || v.ne(v).unwrap_or(false) {
        return Ok(None);
    }
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(Some(s.to_string()));
    }
    if v.hasattr("isoformat").unwrap_or(false) {
        if let Ok(s) = v
            .call_method0("isoformat")
            .and_then(|s| s.extract::<String>())
        {
            return Ok(Some(s));
        }
    }
    Err(format!(
        "published is a str, date or datetime, not {}",
        type_name(v)
    ))
}

/// An id as the library takes it: a str, or an int kept as its decimal text.
fn id(v: &Bound<'_, PyAny>) -> Result<String, String> {
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(s.to_string());
    }
    if v.is_instance_of::<pyo3::types::PyInt>() && !v.is_instance_of::<pyo3::types::PyBool>() {
        return Ok(v.to_string());
    }
    Err(format!(
        "expected a string or an integer, got {}",
        type_name(v)
    ))
}

fn type_name(v: &Bound<'_, PyAny>) -> String {
    v.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "an unknown type".into())
}

/// Field access on a dict, or any other mapping.
enum Getter<'a, 'py> {
    Dict(&'a Bound<'py, PyDict>),
    Mapping(&'a Bound<'py, PyMapping>),
}

impl<'a, 'py> Getter<'a, 'py> {
    fn new(v: &'a Bound<'py, PyAny>) -> Option<Self> {
        if let Ok(d) = v.cast::<PyDict>() {
            return Some(Getter::Dict(d));
        }
        v.cast::<PyMapping>().ok().map(Getter::Mapping)
    }

    /// The value of a key, `None` when absent.
    fn field(&self, name: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        match self {
            Getter::Dict(d) => d.get_item(name),
            Getter::Mapping(m) => match m.get_item(name) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.is_instance_of::<pyo3::exceptions::PyKeyError>(m.py()) => Ok(None),
                Err(e) => Err(e),
            },
        }
    }
}
