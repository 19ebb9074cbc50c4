//! The speech document as XML, both ways, and its Akoma Ntoso export.
//!
//! * [`to_xml`] / [`write_xml`] and [`from_xml`] / [`from_xml_bytes`]: the project's own XML form
//!   (namespace [`NAMESPACE`], described by `schema/speech.xsd`), lossless: model → XML → model
//!   gives back the same model.
//! * [`to_akn`]: an Akoma Ntoso 3.0 `debate` document (one way), valid against
//!   `schema/akn/akomantoso30.xsd`.
//!
//! # The XML form
//!
//! Every object of the JSON contract is an element named after its key; arrays are a container
//! element named after the key (`<sections>`, `<preamble>`) holding one element per item
//! (`<section>`, `<p>`). Numbers, booleans and enumerations are attributes; every string is the
//! text content of an element, so that whitespace survives exactly. A span is a pair of `start`
//! and `end` attributes on the element whose text it locates (`heading_span` on `<heading>`).
//! Optional values are absent elements or attributes; an empty string is an empty element.
//!
//! XML cannot carry every character a text may hold. The writer escapes `&`, `<` and `>`
//! (so `]]>` is harmless) and writes a carriage return as `&#13;` (a literal one would be read
//! back as a newline). Characters that XML 1.0 forbids even as references (C0 controls other
//! than tab, newline and carriage return; U+FFFE and U+FFFF) are written as an empty element
//! `<ctrl code="U+000C"/>` at their place in the text: the reader turns it back into the
//! character, so nothing is lost and the document stays well-formed XML 1.0.

mod akn;
mod locate;
pub(crate) mod read;
mod write;

pub use akn::{to_akn, write_akn, AKN_NAMESPACE, AKN_XSD_PATH};
pub use locate::XmlLocator;
pub use read::{
    from_xml, from_xml_bytes, from_xml_bytes_checked, from_xml_bytes_located, BadValue, ReadError,
    ReadErrorKind, MAX_DEPTH, MAX_INPUT_BYTES,
};
pub use write::{to_xml, write_xml};

/// The namespace of the project's XML form (version 1 of the form).
pub const NAMESPACE: &str = "https://jianghua.dev/ns/speech/1";

/// The path of the XML Schema of the form, relative to the repository root.
pub const XSD_PATH: &str = "schema/speech.xsd";

/// The XML Schema of the form, as committed under `schema/` (what `jianghua schema --xsd`
/// prints).
pub const XSD: &str = include_str!("../../schema/speech.xsd");

/// The element that stands for a character XML 1.0 cannot carry.
const CTRL: &str = "ctrl";

/// Whether XML 1.0 can carry `c` in text, literally or as a character reference.
const fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// The `code` attribute of a `<ctrl>` element: `U+` and four hex digits.
fn ctrl_code(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// The character a `code` attribute stands for, when it is one XML 1.0 cannot carry.
fn parse_ctrl_code(code: &str) -> Option<char> {
    let hex = code.strip_prefix("U+")?;
    if hex.len() != 4
        || !hex
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
    {
        return None;
    }
    let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
    (!is_xml_char(c)).then_some(c)
}

/// The name an enumeration value has in documents (its serde name: `party_leadership`).
fn enum_name<T: serde::Serialize>(value: &T) -> Option<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => Some(name),
        _ => None,
    }
}

/// The enumeration value of a name as written in documents.
fn enum_value<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Level, ThemeId};

    #[test]
    fn xml_chars_exclude_controls_and_nonchars() {
        assert!(is_xml_char('\t') && is_xml_char('\n') && is_xml_char('\r'));
        assert!(is_xml_char('\u{3000}') && is_xml_char('\u{10FFFF}'));
        assert!(!is_xml_char('\u{0}') && !is_xml_char('\u{C}') && !is_xml_char('\u{1F}'));
        assert!(!is_xml_char('\u{FFFE}') && !is_xml_char('\u{FFFF}'));
    }

    #[test]
    fn ctrl_codes_round_trip_and_refuse_ordinary_characters() {
        for c in ['\u{0}', '\u{B}', '\u{1F}', '\u{FFFF}'] {
            assert_eq!(parse_ctrl_code(&ctrl_code(c)), Some(c));
        }
        assert_eq!(ctrl_code('\u{C}'), "U+000C");
        assert_eq!(parse_ctrl_code("U+0041"), None);
        assert_eq!(parse_ctrl_code("U+000c"), None);
        assert_eq!(parse_ctrl_code("U+C"), None);
    }

    #[test]
    fn enum_names_are_the_serde_names() {
        assert_eq!(
            enum_name(&ThemeId::RuleOfLaw).as_deref(),
            Some("rule_of_law")
        );
        assert_eq!(enum_value::<Level>("county"), Some(Level::County));
        assert_eq!(enum_value::<Level>("County"), None);
    }
}
