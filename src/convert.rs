//! One document from any form the tool reads (a speech text, a JSON document, an XML document)
//! into any form it writes (JSON, XML, Akoma Ntoso).
//!
//! This is the only place where inputs are told apart, read and rendered: `convert` of one file,
//! batch conversion, `check` and `validate` all come here.
//!
//! The input form is told by content first, by the file name second ([`detect_named`]): after an
//! optional UTF-8 byte order mark and whitespace, a JSON object (`{` then a key or `}`) is a JSON
//! document, an HTML tag opening the input (`crate::html::looks_like_html`) an HTML page, an XML
//! declaration or an element in the project's namespace an XML document; anything else is a
//! speech text. Text that merely starts with `{` or `<` (`{图片}`, `<‹返回首页`) is a text too,
//! read with an `unclear_form` note, unless its name ends in `.json` or `.xml`, which says it is
//! meant to be a document (and its errors are then located).

use std::path::Path;

use crate::model::{Diagnostic, DiagnosticCode, Severity, Speech};
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
    /// The input holds nothing but whitespace.
    #[error("empty-input: the input is empty; --allow-empty reads it as an empty document")]
    Empty,
    /// A document read back fails validation, and is not rendered.
    #[error("invalid-document: {count} problem{s} (--force converts it anyway):{listing}", count = .0.len(), s = if .0.len() == 1 { "" } else { "s" }, listing = listing(.0))]
    Invalid(Vec<String>),
}

fn listing(problems: &[String]) -> String {
    problems.iter().map(|p| format!("\n  {p}")).collect()
}

/// Whether an input holds nothing to read: no bytes, or UTF-8 whitespace (U+3000 too) after
/// an optional byte order mark.
pub fn is_empty_input(bytes: &[u8]) -> bool {
    let mut rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Character by character up to the first that is not white space: checking the whole
    // input's UTF-8 first would cost as much as decoding it.
    while !rest.is_empty() {
        let window = rest.get(..4).unwrap_or(rest);
        let first = window
            .utf8_chunks()
            .next()
            .and_then(|chunk| chunk.valid().chars().next());
        match first {
            Some(c) if c.is_whitespace() => rest = rest.get(c.len_utf8()..).unwrap_or_default(),
            _ => return false,
        }
    }
    true
}

/// Validates a document read back from JSON or XML (a parsed text is valid by construction):
/// the problems, each `LINE:COLUMN: message`, when it fails.
pub fn refuse_invalid(bytes: &[u8], form: InputForm) -> Result<(), ConvertError> {
    let report = match form {
        InputForm::Text | InputForm::Html => return Ok(()),
        InputForm::Json => crate::validate::validate_json(bytes, None).ok(),
        InputForm::Xml => crate::validate::validate_xml(bytes, None).ok(),
    };
    // A document that could not be validated at all was refused when it was read.
    let Some(report) = report else { return Ok(()) };
    if report.is_valid() {
        return Ok(());
    }
    let problems = report
        .problems
        .iter()
        .filter(|p| p.severity == crate::validate::Severity::Error)
        .map(|p| match p.position {
            Some(position) => format!("{position}: {} ({})", p.message, p.pointer),
            None => format!("{} ({})", p.message, p.pointer),
        })
        .collect();
    Err(ConvertError::Invalid(problems))
}

impl ConvertError {
    /// Where in the input the problem lies, for JSON and XML documents.
    pub fn position(&self) -> Option<Position> {
        match self {
            ConvertError::Json { position, .. } => Some(*position),
            ConvertError::Xml(e) => Some(Position::new(e.line, e.column)),
            _ => None,
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

/// The form of an input, and why it is unclear when it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detection {
    /// The form it is read as.
    pub form: InputForm,
    /// Set when the input starts like a document but is read as a text: what it starts with.
    pub unclear: Option<char>,
}

/// How far into an input an XML root element is looked for its namespace.
const XML_HEAD: usize = 4096;

/// Tells the form of an input by its content alone (see [`detect_named`]).
pub fn detect(bytes: &[u8]) -> InputForm {
    detect_named(bytes, None).form
}

/// Tells the form of an input by its content, then by its name when the content is unclear.
pub fn detect_named(bytes: &[u8], name: Option<&Path>) -> Detection {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let content = &bytes[start..];
    let (form, lead) = match content.first() {
        Some(b'{') if is_json_object(content) => return clear(InputForm::Json),
        Some(b'<') if crate::html::looks_like_html(content) => return clear(InputForm::Html),
        Some(b'<') if is_project_xml(content) => return clear(InputForm::Xml),
        Some(b'{') => (InputForm::Json, '{'),
        Some(b'<') => (InputForm::Xml, '<'),
        _ => return clear(InputForm::Text),
    };
    if name_says(name, form) {
        return clear(form);
    }
    Detection {
        form: InputForm::Text,
        unclear: Some(lead),
    }
}

const fn clear(form: InputForm) -> Detection {
    Detection {
        form,
        unclear: None,
    }
}

/// `{`, whitespace, then a string key or `}`: a JSON object, not a text in braces (`{图片}`).
fn is_json_object(content: &[u8]) -> bool {
    let after = content.get(1..).unwrap_or_default();
    let next = after.iter().find(|b| !b.is_ascii_whitespace());
    matches!(next, Some(b'"' | b'}'))
}

/// An XML declaration, or a root element that declares the project's namespace near the top.
fn is_project_xml(content: &[u8]) -> bool {
    if content.starts_with(b"<?xml") {
        return true;
    }
    let head = &content[..content.len().min(XML_HEAD)];
    let element_name = head.get(1).is_some_and(|b| b.is_ascii_alphabetic());
    element_name && memchr::memmem::find(head, crate::xml::NAMESPACE.as_bytes()).is_some()
}

/// Whether the file name's extension says it is a document of `form`.
fn name_says(name: Option<&Path>, form: InputForm) -> bool {
    let extension = name
        .and_then(Path::extension)
        .and_then(|extension| extension.to_str());
    let wanted = match form {
        InputForm::Json => "json",
        InputForm::Xml => "xml",
        InputForm::Text | InputForm::Html => return false,
    };
    extension.is_some_and(|extension| extension.eq_ignore_ascii_case(wanted))
}

/// The text a document parsed from `bytes` indexes: the text extracted from a page, else the
/// decoded text (what `jianghua text` prints and `validate --source` checks against).
pub fn source_text(bytes: &[u8]) -> Result<String, crate::parse::DecodeError> {
    source_text_with(bytes, &crate::parse::DecodeOptions::default())
}

/// The text a document parsed from `bytes` with `options` indexes (see [`source_text`]): a
/// text is decoded as `options` say; a page is read by its own charset, as its parse reads it.
pub fn source_text_with(
    bytes: &[u8],
    options: &crate::parse::DecodeOptions,
) -> Result<String, crate::parse::DecodeError> {
    if detect(bytes) == InputForm::Html {
        crate::html::read_page(bytes).map(|page| page.text)
    } else {
        crate::parse::decode::decode_with(bytes, options).map(|decoded| decoded.text)
    }
}

/// Reads a document in whatever form it is, parsing it when it is a speech text.
pub fn read(bytes: &[u8], options: &ParseOptions) -> Result<Document, ConvertError> {
    read_named(bytes, None, options)
}

/// Reads a document whose file name is `name` (see [`detect_named`]); a text that starts like
/// a document carries an `unclear_form` note.
pub fn read_named(
    bytes: &[u8],
    name: Option<&Path>,
    options: &ParseOptions,
) -> Result<Document, ConvertError> {
    let detection = detect_named(bytes, name);
    match detection.form {
        InputForm::Text | InputForm::Html => {
            let mut document = parse_input(bytes, options)?;
            if let Some(lead) = detection.unclear {
                document.speech.diagnostics.push(unclear_form(lead));
            }
            Ok(document)
        }
        InputForm::Json => Ok(Document {
            form: InputForm::Json,
            speech: read_json(bytes)?,
            source: None,
        }),
        InputForm::Xml => Ok(Document {
            form: InputForm::Xml,
            speech: crate::xml::from_xml_bytes(bytes)?,
            source: None,
        }),
    }
}

/// Parses a speech text or a saved page, whatever else it may look like (what `jianghua
/// parse` reads), recording the input's size and SHA-256 in `meta.input_digest` so that the
/// validator can tell its source from another text.
pub fn parse_input(bytes: &[u8], options: &ParseOptions) -> Result<Document, ConvertError> {
    let (form, (mut speech, source)) = if detect(bytes) == InputForm::Html {
        (InputForm::Html, crate::html::parse_page(bytes, options)?)
    } else {
        let parsed = crate::parse::parse_bytes_with_source(bytes, options)?;
        (InputForm::Text, parsed)
    };
    speech.meta.input_digest = Some(crate::model::InputDigest::of(bytes));
    Ok(Document {
        form,
        speech,
        source: Some(source),
    })
}

fn unclear_form(lead: char) -> Diagnostic {
    let what = match lead {
        '{' => "a JSON document",
        _ => "an XML document of this tool",
    };
    Diagnostic {
        code: DiagnosticCode::UnclearForm,
        severity: Severity::Note,
        message: format!(
            "the input starts with `{lead}` but is not {what}: it was read as a speech text"
        ),
        span: None,
    }
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
    fn empty_input_is_white_space_alone() {
        for empty in [
            &b""[..],
            b"\xEF\xBB\xBF",
            b" \n\t",
            "\u{3000}\r\n".as_bytes(),
        ] {
            assert!(is_empty_input(empty), "{empty:?}");
        }
        for text in [
            &b"a"[..],
            "  讲话".as_bytes(),
            b" \xFF",
            b"\xEF\xBB\xBF\x00",
        ] {
            assert!(!is_empty_input(text), "{text:?}");
        }
    }

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
        // An element in no namespace of the project's, and no page: unclear, read as text.
        assert_eq!(detect(b"<speech xmlns=\"x\">"), InputForm::Text);
    }

    #[test]
    fn text_that_merely_starts_like_a_document_is_text() {
        for text in ["{图片}同志们：", "<‹返回首页 同志们：", "{ 1 }"] {
            let detection = detect_named(text.as_bytes(), Some(Path::new("a.txt")));
            assert_eq!(detection.form, InputForm::Text, "{text}");
            assert!(detection.unclear.is_some(), "{text}");
        }
        let namespaced = format!("<speech xmlns=\"{}\">", crate::xml::NAMESPACE);
        assert_eq!(detect(namespaced.as_bytes()), InputForm::Xml);
        assert_eq!(detect(b"{}"), InputForm::Json);
        assert_eq!(detect("<html><body>讲话".as_bytes()), InputForm::Html);
    }

    #[test]
    fn the_name_decides_what_the_content_leaves_unclear() {
        let json = detect_named(b"{ broken", Some(Path::new("x.JSON")));
        assert_eq!(json, clear(InputForm::Json));
        let xml = detect_named(b"<speech/>", Some(Path::new("x.xml")));
        assert_eq!(xml, clear(InputForm::Xml));
        let text = detect_named("{图片}".as_bytes(), Some(Path::new("x.xml")));
        assert_eq!(
            text.form,
            InputForm::Text,
            "braces are not XML, whatever the name"
        );
    }

    #[test]
    fn an_unclear_text_is_parsed_with_a_note() {
        let document = read_named(
            "<‹返回首页\n同志们：".as_bytes(),
            None,
            &ParseOptions::default(),
        );
        let document = document.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(document.form, InputForm::Text);
        let codes: Vec<_> = document.speech.diagnostics.iter().map(|d| d.code).collect();
        assert!(codes.contains(&DiagnosticCode::UnclearForm), "{codes:?}");
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
        let error = read_named(
            b"<speech/>",
            Some(Path::new("x.xml")),
            &ParseOptions::default(),
        )
        .map(|_| ());
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
    fn the_source_text_is_decoded_as_the_options_say() {
        let lossy = crate::parse::DecodeOptions {
            lossy: true,
            ..Default::default()
        };
        let bytes = b"\xEF\xBB\xBF\xE8\xAE\xB2\xE8\xAF\x9D\xFF";
        assert!(source_text(bytes).is_err());
        assert_eq!(
            source_text_with(bytes, &lossy).ok().as_deref(),
            Some("讲话\u{FFFD}")
        );
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
