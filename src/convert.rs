//! One document from any form the tool reads (a speech text, a JSON document, an XML document)
//! into any form it writes (JSON, XML, Akoma Ntoso).
//!
//! The input form is told by content, not by file name: after an optional UTF-8 byte order mark
//! and whitespace, `{` starts a JSON document, `<` an XML document, anything else is a speech text.

use crate::model::Speech;
use crate::parse::{DecodeError, ParseOptions};
use crate::xml::ReadError;

/// The forms a document can be read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputForm {
    /// A raw speech text, in any supported encoding: it is parsed.
    Text,
    /// A JSON document of `schema/speech.schema.json`.
    Json,
    /// An XML document of `schema/speech.xsd`.
    Xml,
}

/// The forms a document can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputForm {
    /// The JSON document, pretty-printed.
    Json,
    /// The project's XML form.
    Xml,
    /// An Akoma Ntoso 3.0 `debate`.
    Akn,
}

/// Why a document could not be converted.
#[derive(Debug, thiserror::Error)]
pub enum ConvertError {
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error("{line}:{column}: not a valid JSON document: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error(transparent)]
    Xml(#[from] ReadError),
    #[error("cannot write the JSON document: {0}")]
    Write(String),
}

impl ConvertError {
    /// Whether the message starts with the `line:column` of the problem, so that it reads as
    /// `FILE:LINE:COLUMN: message` after a file name and a colon.
    pub fn is_located(&self) -> bool {
        matches!(self, ConvertError::Json { .. } | ConvertError::Xml(_))
    }
}

/// Tells the form of an input by its first significant byte.
pub fn detect(bytes: &[u8]) -> InputForm {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => InputForm::Json,
        Some(b'<') => InputForm::Xml,
        _ => InputForm::Text,
    }
}

/// Reads a document in whatever form it is, parsing it when it is a speech text.
pub fn read(bytes: &[u8], options: &ParseOptions) -> Result<(InputForm, Speech), ConvertError> {
    let form = detect(bytes);
    let speech = match form {
        InputForm::Text => crate::parse_bytes(bytes, options)?,
        InputForm::Json => read_json(bytes)?,
        InputForm::Xml => crate::xml::from_xml_bytes(bytes)?,
    };
    Ok((form, speech))
}

fn read_json(bytes: &[u8]) -> Result<Speech, ConvertError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice(bytes).map_err(|e| {
        let full = e.to_string();
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        ConvertError::Json {
            line: e.line(),
            column: e.column(),
            message: full.strip_suffix(&suffix).unwrap_or(&full).to_owned(),
        }
    })
}

/// Writes a document in the given form, ending in a newline.
pub fn write(speech: &Speech, form: OutputForm) -> Result<String, ConvertError> {
    Ok(match form {
        OutputForm::Json => {
            let mut json = serde_json::to_string_pretty(speech)
                .map_err(|e| ConvertError::Write(e.to_string()))?;
            json.push('\n');
            json
        }
        OutputForm::Xml => crate::xml::to_xml(speech),
        OutputForm::Akn => crate::xml::to_akn(speech),
    })
}

/// Converts one document: read in whatever form it is, written in `form`.
pub fn convert(
    bytes: &[u8],
    form: OutputForm,
    options: &ParseOptions,
) -> Result<String, ConvertError> {
    let (_, speech) = read(bytes, options)?;
    write(&speech, form)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection_looks_at_the_first_significant_byte() {
        assert_eq!(detect(b"  \n{\"a\": 1}"), InputForm::Json);
        assert_eq!(
            detect(b"\xEF\xBB\xBF<?xml version=\"1.0\"?>"),
            InputForm::Xml
        );
        assert_eq!(detect("同志们：".as_bytes()), InputForm::Text);
        assert_eq!(detect(b""), InputForm::Text);
        // A text that happens to mention a tag later is still a text.
        assert_eq!(detect("讲话 <b>".as_bytes()), InputForm::Text);
    }

    #[test]
    fn json_errors_are_located() {
        match read_json(b"{\n  \"schema_version\": 1\n}") {
            Err(ConvertError::Json {
                line,
                column,
                message,
            }) => {
                assert_eq!((line, column), (2, 21));
                assert!(message.starts_with("invalid type"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }
}
