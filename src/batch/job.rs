//! One input into a document: its kind detected by content, then parsed or read back.

use crate::model::Speech;
use crate::parse::{DecodeError, ParseOptions};

/// What an input holds, judged by its first non-blank character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// Raw speech text, in any supported encoding.
    Text,
    /// A JSON document (`{`), as this tool writes them.
    Json,
    /// An XML document (`<`) in the project's XML form.
    Xml,
}

impl InputKind {
    /// Detects the kind of `bytes`: a document starts with `{` or `<` (after an optional UTF-8
    /// byte order mark and blanks); anything else is speech text.
    pub fn detect(bytes: &[u8]) -> Self {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match bytes.iter().find(|byte| !byte.is_ascii_whitespace()) {
            Some(b'{') => InputKind::Json,
            Some(b'<') => InputKind::Xml,
            _ => InputKind::Text,
        }
    }
}

/// Why an input could not be turned into a document.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// Text in no supported encoding.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// JSON that is not a speech document.
    #[error("not a speech document: {0}")]
    Json(#[from] serde_json::Error),
    /// XML that is not a speech document.
    #[error("not a speech document: {0}")]
    Xml(#[from] crate::xml::ReadError),
}

/// A loaded input.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// What the input was.
    pub kind: InputKind,
    /// The document.
    pub speech: Speech,
}

/// Turns the bytes of one input into a document, whatever its kind.
pub fn load(bytes: &[u8], options: &ParseOptions) -> Result<Loaded, LoadError> {
    let kind = InputKind::detect(bytes);
    let speech = match kind {
        InputKind::Text => crate::parse_bytes(bytes, options)?,
        InputKind::Json => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            serde_json::from_slice(bytes)?
        }
        InputKind::Xml => crate::xml::from_xml_bytes(bytes)?,
    };
    Ok(Loaded { kind, speech })
}

/// Counts of what a document holds, for summaries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Sections at every depth.
    pub sections: usize,
    /// Directives in every section.
    pub directives: usize,
    /// Diagnostics of severity warning or error.
    pub warnings: usize,
}

impl Counts {
    /// Counts the parts of `speech`.
    pub fn of(speech: &Speech) -> Self {
        fn walk(sections: &[crate::model::Section], counts: &mut Counts) {
            for section in sections {
                counts.sections += 1;
                counts.directives += section.directives.len();
                walk(&section.subsections, counts);
            }
        }
        let mut counts = Counts {
            warnings: speech
                .diagnostics
                .iter()
                .filter(|d| d.severity >= crate::model::Severity::Warning)
                .count(),
            ..Counts::default()
        };
        walk(&speech.sections, &mut counts);
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_detected_by_content() {
        assert_eq!(InputKind::detect(b"  \n{\"a\":1}"), InputKind::Json);
        assert_eq!(InputKind::detect(b"\xEF\xBB\xBF<?xml"), InputKind::Xml);
        assert_eq!(InputKind::detect("同志们：".as_bytes()), InputKind::Text);
        assert_eq!(InputKind::detect(b""), InputKind::Text);
    }

    #[test]
    fn a_written_document_loads_back_unchanged() {
        let speech = crate::parse_str(
            "同志们：\n一、坚持党的领导。\n".to_owned(),
            &ParseOptions::default(),
        );
        let json = serde_json::to_vec(&speech).unwrap_or_default();
        let loaded = load(&json, &ParseOptions::default());
        assert_eq!(loaded.ok().map(|l| l.speech), Some(speech));
    }
}
