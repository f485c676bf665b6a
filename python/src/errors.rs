//! Library errors as the package's exceptions, which `corroborate/_errors.py` defines so that
//! they carry docstrings and attributes (`path`, `event_id`, `index`).

use pyo3::prelude::*;
use pyo3::types::PyDict;

/// An instance of `corroborate.<class>` with `message` and keyword attributes.
pub fn error(py: Python<'_>, class: &str, message: &str, attrs: &[(&str, Py<PyAny>)]) -> PyErr {
    let make = || -> PyResult<PyErr> {
        let cls = py.import("corroborate._errors")?.getattr(class)?;
        let kwargs = PyDict::new(py);
        for (k, v) in attrs {
            kwargs.set_item(k, v)?;
        }
        Ok(PyErr::from_value(cls.call((message,), Some(&kwargs))?))
    };
    make().unwrap_or_else(|e| e)
}

/// `corroborate.ArgumentError` (also a `ValueError`): an argument the library cannot use.
pub fn argument(py: Python<'_>, message: &str) -> PyErr {
    error(py, "ArgumentError", message, &[])
}

/// A library error as the exception for its kind: reports that cannot be read are
/// `ReportError`s naming the path, too few reports an `ArgumentError`.
pub fn library(py: Python<'_>, e: corroborate::Error) -> PyErr {
    use corroborate::Error as E;
    let message = e.to_string();
    match &e {
        E::Io { path, .. }
        | E::IsDirectory { path }
        | E::Binary { path, .. }
        | E::InvalidUtf8 { path, .. }
        | E::Empty { path }
        | E::UnknownFormat { path, .. } => {
            let path = path.display().to_string().into_pyobject(py);
            let path = path.expect("a str converts").into_any().unbind();
            error(py, "ReportError", &message, &[("path", path)])
        }
        E::TooFewReports(_) => argument(py, &message),
        _ => error(py, "Error", &message, &[]),
    }
}
