//! What Python hands in: a speech or document as `bytes`, `str` or a path, and the reading
//! options of `jianghua parse` (`--lexicon`, `--encoding`, `--lossy`, `--allow-empty`).

use std::path::{Path, PathBuf};

use jianghua::convert::ConvertError;
use jianghua::model::Speech;
use jianghua::parse::{DecodeOptions, ParseOptions};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::failure::Failure;

/// An input as Python gave it.
#[derive(Debug, Clone)]
pub enum Input {
    /// Raw bytes, in any encoding.
    Bytes(Vec<u8>),
    /// Text: its UTF-8 bytes are the input.
    Text(String),
    /// A file to read (`os.PathLike`).
    File(PathBuf),
}

impl Input {
    /// `bytes` and `str` are the content; anything with `__fspath__` (a `pathlib.Path`) is a file.
    pub fn extract(object: &Bound<'_, PyAny>, what: &str) -> PyResult<Self> {
        if let Ok(bytes) = object.cast::<PyBytes>() {
            return Ok(Input::Bytes(bytes.as_bytes().to_vec()));
        }
        if let Ok(text) = object.cast::<PyString>() {
            return Ok(Input::Text(text.extract()?));
        }
        if object.hasattr("__fspath__")? {
            return Ok(Input::File(object.extract()?));
        }
        Err(PyTypeError::new_err(format!(
            "{what} must be bytes, str (the content itself) or a path (os.PathLike), not {}",
            object.get_type().name()?
        )))
    }

    /// The file, when the input is one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Input::File(path) => Some(path),
            Input::Bytes(_) | Input::Text(_) => None,
        }
    }

    /// The bytes: a file is read (at most the input limit of the command line).
    pub fn into_bytes(self) -> Result<Vec<u8>, Failure> {
        match self {
            Input::Bytes(bytes) => Ok(bytes),
            Input::Text(text) => Ok(text.into_bytes()),
            Input::File(path) => {
                jianghua::batch::read_input(&path).map_err(|e| Failure::io(&e).in_file(Some(&path)))
            }
        }
    }
}

/// How speech texts are read: the options of `jianghua parse`.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    /// Lexicon and decoding.
    pub options: ParseOptions,
    /// Whether an empty input is an empty document rather than an `empty-input` failure.
    pub allow_empty: bool,
}

impl Reading {
    /// The options from the keyword arguments of `parse` and `parse_many`.
    pub fn new(
        lexicon: Option<PathBuf>,
        encoding: Option<&str>,
        lossy: bool,
        allow_empty: bool,
    ) -> Result<Self, Failure> {
        Ok(Self {
            options: ParseOptions {
                lexicon: lexicon.as_deref().map(read_lexicon).transpose()?,
                decode: decode_options(encoding, lossy)?,
                ..ParseOptions::default()
            },
            allow_empty,
        })
    }

    /// Parses one speech text or saved page, as `jianghua parse` does.
    pub fn parse(&self, bytes: &[u8]) -> Result<Speech, Failure> {
        if !self.allow_empty && jianghua::convert::is_empty_input(bytes) {
            return Err(Failure::empty_input());
        }
        // The CLI's own reading: a page or a text, the input's digest recorded.
        match jianghua::convert::parse_input(bytes, &self.options) {
            Ok(document) => Ok(document.speech),
            Err(ConvertError::Decode(e)) => Err(Failure::decode(&e)),
            Err(other) => Err(Failure::new("internal", other.to_string())),
        }
    }

    /// Reads `input` and parses it, the failure naming its file.
    pub fn parse_input(&self, input: Input) -> Result<Speech, Failure> {
        let path = input.path().map(Path::to_path_buf);
        input
            .into_bytes()
            .and_then(|bytes| self.parse(&bytes))
            .map_err(|failure| failure.in_file(path.as_deref()))
    }
}

/// `encoding=` and `lossy=` as decode options; an unknown label fails as on the command line.
pub fn decode_options(encoding: Option<&str>, lossy: bool) -> Result<DecodeOptions, Failure> {
    let encoding = encoding
        .map(|label| {
            DecodeOptions::encoding_for_label(label).ok_or_else(|| {
                Failure::new(
                    "unknown-encoding",
                    format!("unknown encoding `{label}` (a WHATWG label: utf-8, gbk, gb18030, big5, utf-16le…)"),
                )
            })
        })
        .transpose()?;
    Ok(DecodeOptions { encoding, lossy })
}

/// A `--lexicon` file: UTF-8 lines in the format of `data/doctrines.tsv`.
fn read_lexicon(path: &Path) -> Result<jianghua::doctrines::Lexicon, Failure> {
    let in_file = |failure: Failure| failure.in_file(Some(path));
    let bytes = std::fs::read(path).map_err(|e| in_file(Failure::io(&e)))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let byte = e.utf8_error().valid_up_to();
        in_file(Failure {
            offset: Some(byte),
            ..Failure::new("lexicon", format!("not UTF-8 (byte {byte})"))
        })
    })?;
    jianghua::doctrines::Lexicon::with_user_entries(&text)
        .map_err(|e| in_file(Failure::new("lexicon", e.to_string())))
}
