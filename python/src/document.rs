//! Documents between Rust and Python: a `Speech` is recorded where it was parsed and becomes, on
//! the Python thread, the `dict` of its JSON (`tape`: the same keys in the same order, the same
//! values, so `json.dumps` writes the command line's JSON back); a `dict` is read into a
//! `Speech` through its JSON.

use jianghua::model::Speech;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyAny;

use crate::failure::Failure;
use crate::tape::Tape;

/// The document recorded for building its Python values, without the GIL.
pub fn record(speech: &Speech) -> Result<Tape, Failure> {
    Tape::record(speech).map_err(|e| Failure::new("internal", e.to_string()))
}

/// `json.loads(text)`: JSON text into Python values.
pub fn loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    LOADS.import(py, "json", "loads")?.call1((text,))
}

/// `json.dumps(value, ensure_ascii=False)`: a Python value as JSON text (a `TypeError` for
/// what JSON cannot hold).
pub fn dumps(value: &Bound<'_, PyAny>) -> PyResult<String> {
    static DUMPS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let py = value.py();
    let kwargs = pyo3::types::PyDict::new(py);
    kwargs.set_item("ensure_ascii", false)?;
    DUMPS
        .import(py, "json", "dumps")?
        .call((value,), Some(&kwargs))?
        .extract()
}

/// A document (a `dict` as `parse` returns it) as a `Speech`; `not-a-speech` when the model
/// does not read it.
pub fn speech_from(document: &Bound<'_, PyAny>) -> PyResult<Speech> {
    let json = dumps(document)?;
    let py = document.py();
    py.detach(|| serde_json::from_str::<Speech>(&json))
        .map_err(|e| Failure::not_a_speech(&e).into_err(py))
}
