//! Why a call failed, with the code and place the command line reports, raised in Python as
//! `jianghua.JianghuaError`.

use std::path::{Path, PathBuf};

use jianghua::convert::ConvertError;
use jianghua::parse::DecodeError;
use jianghua::validate::{DocumentError, Position};
use jianghua::xml::ReadError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};

/// A failure: a stable code, a message, and where it lies when it lies somewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The code the command line prints (`empty-input`, `json-syntax`, `undecodable`…).
    pub code: &'static str,
    /// What is wrong, without the place.
    pub message: String,
    /// The file concerned, when the input was one.
    pub path: Option<PathBuf>,
    /// Line and column (in characters) in a JSON or XML document or a lexicon file.
    pub position: Option<Position>,
    /// Byte offset in an input that could not be decoded.
    pub offset: Option<usize>,
}

impl Failure {
    /// A failure with no place.
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            path: None,
            position: None,
            offset: None,
        }
    }

    /// The same failure, about `path` (when there is one).
    pub fn in_file(mut self, path: Option<&Path>) -> Self {
        self.path = path.map(Path::to_path_buf);
        self
    }

    fn at(mut self, position: Option<Position>) -> Self {
        self.position = position;
        self
    }

    /// An input that is empty (`jianghua parse` without `--allow-empty`).
    pub fn empty_input() -> Self {
        Self::new("empty-input", ConvertError::Empty.to_string())
    }

    /// A file that could not be read: `too-large` past the input limit, else `unreadable`.
    pub fn io(error: &std::io::Error) -> Self {
        match error.kind() {
            std::io::ErrorKind::FileTooLarge => Self::new("too-large", error.to_string()),
            _ => Self::new("unreadable", format!("cannot read: {error}")),
        }
    }

    /// Bytes in no encoding the parser reads (or binary bytes), with the offset of the first.
    pub fn decode(error: &DecodeError) -> Self {
        let offset = match error {
            DecodeError::Invalid { offset }
            | DecodeError::InvalidUtf8 { offset }
            | DecodeError::InvalidUtf16 { offset }
            | DecodeError::InvalidIn { offset, .. }
            | DecodeError::Binary { offset, .. } => *offset,
        };
        Self {
            offset: Some(offset),
            ..Self::new("undecodable", error.to_string())
        }
    }

    /// A JSON document that cannot be validated, with the codes of `jianghua validate`.
    pub fn document(error: &DocumentError) -> Self {
        let message = match error {
            DocumentError::TooLarge { .. } => error.to_string(),
            DocumentError::NotUtf8 { byte, .. } => {
                format!("invalid UTF-8 at byte {byte}: JSON documents must be UTF-8")
            }
            DocumentError::Malformed { message, .. } => format!("malformed JSON: {message}"),
        };
        Self::new(error.code(), message).at(error.position())
    }

    /// An XML document that cannot be read, with the codes of `jianghua validate`.
    pub fn xml(error: &ReadError) -> Self {
        Self::new(error.kind.code(), error.kind.to_string())
            .at(Some(Position::new(error.line, error.column)))
    }

    /// A value that is not a speech document (a dictionary the model does not read).
    pub fn not_a_speech(error: &serde_json::Error) -> Self {
        Self::new(
            "not-a-speech",
            format!("the document cannot be read as a speech: {error}"),
        )
    }

    /// A bug: the library panicked. Reported, never carried into Python as a panic.
    pub fn internal(payload: &(dyn std::any::Any + Send)) -> Self {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_owned());
        Self::new(
            "internal",
            format!("internal error (a bug in jianghua, please report it): {what}"),
        )
    }

    /// The `jianghua.JianghuaError` for this failure.
    pub fn to_exception<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        static ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        let class = ERROR.import(py, "jianghua._errors", "JianghuaError")?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("code", self.code)?;
        kwargs.set_item("path", self.path.as_ref().map(|p| p.to_string_lossy()))?;
        kwargs.set_item("line", self.position.map(|p| p.line))?;
        kwargs.set_item("column", self.position.map(|p| p.column))?;
        kwargs.set_item("offset", self.offset)?;
        class.call((self.message.as_str(),), Some(&kwargs))
    }

    /// The failure raised as `jianghua.JianghuaError`.
    pub fn into_err(self, py: Python<'_>) -> PyErr {
        match self.to_exception(py) {
            Ok(exception) => PyErr::from_value(exception),
            Err(e) => e,
        }
    }
}

/// Runs `work`, turning a panic into an `internal` failure.
pub fn guarded<T>(work: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
        .unwrap_or_else(|payload| Err(Failure::internal(payload.as_ref())))
}
