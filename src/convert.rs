//! One document from any form the tool reads (a speech text, a JSON document, an XML document)
//! into any form it writes (JSON, XML, Akoma Ntoso).
//!
//! This is the only place where inputs are told apart, read and rendered: `convert` of one file,
//! batch conversion, `check` and `validate` all come here.
//!
//! The input form is told by content, not by file name: after an optional UTF-8 byte order mark
//! and whitespace, `{` starts a JSON document, `<` an HTML page when an HTML tag opens it
//! (`crate::html::looks_like_html`) and an XML document otherwise, anything else is a speech text.

use crate::model::Speech;
use crate::parse::{DecodeError, ParseOptions};
use crate::text::SourceText;
use crate::validate::{DocumentError, Position};
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
    /// A saved web page (or a fragment of one): its visible text is parsed.
    Html,
}

/// The forms a document can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OutputForm {
    /// The JSON document, pretty-printed.
    Json,
    /// The project's XML form.
    Xml,
    /// An Akoma Ntoso 3.0 `debate`.
    Akn,
}

/// A document as read, with the form it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// What the input was.
    pub form: InputForm,
    /// The document.
    pub speech: Speech,
    /// The decoded text the spans point into, when the input was a text (for a page, the text
    /// extracted from it).
    pub source: Option<SourceText>,
}

/// Why a document could not be converted.
///
/// Errors in a JSON or XML document carry the line and column where they lie; the message
/// reads `LINE:COLUMN: what is wrong`, so that it reads `FILE:LINE:COLUMN: …` after a file name.
#[derive(Debug, thiserror::Error)]
pub enum ConvertError {
    /// A speech text in no supported encoding.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// A JSON document that is not a speech document.
    #[error("{position}: not a valid JSON document: {message}")]
    Json {
        /// Where the problem lies (columns in characters).
        position: Position,
        /// What is wrong.
        message: String,
    },
    /// An XML document that is not a speech document.
    #[error(transparent)]
    Xml(#[from] ReadError),
    /// The document could not be serialized.
    #[error("cannot serialize the document: {0}")]
    Write(String),
}

impl ConvertError {
    /// Where in the input the problem lies, for JSON and XML documents.
    pub fn position(&self) -> Option<Position> {
        match self {
            ConvertError::Json { position, .. } => Some(*position),
            ConvertError::Xml(e) => Some(Position::new(e.line, e.column)),
            ConvertError::Decode(_) | ConvertError::Write(_) => None,
        }
    }

    /// What is wrong, without the position (shown in front of it by reports).
    pub fn message(&self) -> String {
        match self {
            ConvertError::Json { message, .. } => format!("not a valid JSON document: {message}"),
            ConvertError::Xml(e) => e.kind.to_string(),
            other => other.to_string(),
        }
    }
}

/// Tells the form of an input by its first significant byte.
pub fn detect(bytes: &[u8]) -> InputForm {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => InputForm::Json,
        Some(b'<') if crate::html::looks_like_html(bytes) => InputForm::Html,
        Some(b'<') => InputForm::Xml,
        _ => InputForm::Text,
    }
}

/// Reads a document in whatever form it is, parsing it when it is a speech text.
pub fn read(bytes: &[u8], options: &ParseOptions) -> Result<Document, ConvertError> {
    let form = detect(bytes);
    let (speech, source) = match form {
        InputForm::Text => {
            let (speech, source) = crate::parse::parse_bytes_with_source(bytes, options)?;
            (speech, Some(source))
        }
        InputForm::Html => {
            let (speech, source) = crate::html::parse_page(bytes, options)?;
            (speech, Some(source))
        }
        InputForm::Json => (read_json(bytes)?, None),
        InputForm::Xml => (crate::xml::from_xml_bytes(bytes)?, None),
    };
    Ok(Document {
        form,
        speech,
        source,
    })
}

/// Reads a JSON document: UTF-8 (with or without a byte order mark), every error located.
fn read_json(bytes: &[u8]) -> Result<Speech, ConvertError> {
    let text = crate::validate::json_text(bytes).map_err(|e| {
        let (position, message) = match e {
            DocumentError::NotUtf8 { position, byte } => (
                position,
                format!("invalid UTF-8 at byte {byte}: JSON documents must be UTF-8"),
            ),
            other => (
                other.position().unwrap_or(Position::new(1, 1)),
                other.to_string(),
            ),
        };
        ConvertError::Json { position, message }
    })?;
    serde_json::from_str(text).map_err(|e| {
        let full = e.to_string();
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        ConvertError::Json {
            position: crate::validate::syntax_error_position(text, e.line(), e.column()),
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
    write(&read(bytes, options)?.speech, form)
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
        assert_eq!(detect(b"<!DOCTYPE html><html>"), InputForm::Html);
        assert_eq!(detect(b"\n<p>\xE8\xAE\xB2</p>"), InputForm::Html);
        assert_eq!(detect(b"<speech xmlns=\"x\">"), InputForm::Xml);
    }

    #[test]
    fn json_errors_are_located() {
        match read_json(b"{\n  \"schema_version\": 1\n}") {
            Err(ConvertError::Json { position, message }) => {
                assert_eq!(position, Position::new(2, 21));
                assert!(message.starts_with("invalid type"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn json_columns_count_characters() {
        let error = read_json("{\"schema_version\": \"讲话\", }".as_bytes()).map(|_| ());
        let Err(error) = error else {
            panic!("a trailing comma is refused")
        };
        // serde_json says byte column 30; the closing brace is the 26th character.
        assert_eq!(error.position(), Some(Position::new(1, 26)));
        assert!(
            error
                .to_string()
                .starts_with("1:26: not a valid JSON document: trailing comma"),
            "{error}"
        );
    }

    #[test]
    fn invalid_utf8_in_json_is_located() {
        let error = read_json(b"{\n  \"a\": \"\xff\"}").map(|_| ());
        let Err(error) = error else {
            panic!("not UTF-8")
        };
        assert_eq!(error.position(), Some(Position::new(2, 9)));
        assert!(error.message().contains("byte 10"), "{error}");
    }

    #[test]
    fn xml_errors_keep_their_position_apart_from_the_message() {
        let error = read(b"<speech/>", &ParseOptions::default()).map(|_| ());
        let Err(error) = error else {
            panic!("a speech needs its namespace")
        };
        assert_eq!(error.position(), Some(Position::new(1, 1)));
        assert!(
            error.message().starts_with("element <speech> is not in"),
            "{error}"
        );
        assert_eq!(error.to_string(), format!("1:1: {}", error.message()));
    }

    #[test]
    fn a_written_document_reads_back_unchanged() {
        let speech = crate::parse_str(
            "同志们：\n一、坚持党的领导。\n".to_owned(),
            &ParseOptions::default(),
        );
        for form in [OutputForm::Json, OutputForm::Xml] {
            let written = write(&speech, form).unwrap_or_default();
            let document = read(written.as_bytes(), &ParseOptions::default());
            assert_eq!(
                document.ok().map(|d| d.speech),
                Some(speech.clone()),
                "{form:?}"
            );
        }
    }
}
