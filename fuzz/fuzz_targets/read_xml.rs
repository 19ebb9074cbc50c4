//! Arbitrary bytes as an XML document: the reader never panics; a document it reads goes through
//! the validator's XML path (with a source text) and survives being written and read
//! back unchanged.

#![no_main]

use jianghua::text::SourceText;
use jianghua::{validate, xml};
use libfuzzer_sys::fuzz_target;

static SOURCE: &str = include_str!("../../tests/data/valid/speech.txt");

fuzz_target!(|bytes: &[u8]| {
    let Ok(speech) = xml::from_xml_bytes(bytes) else {
        assert!(
            validate::validate_xml(bytes, None).is_err(),
            "both readers agree"
        );
        return;
    };
    let source = SourceText::new(SOURCE.to_owned());
    validate::validate_xml(bytes, Some(&source))
        .expect("the validator reads what the reader reads");

    let written = xml::to_xml(&speech);
    let again = xml::from_xml(&written)
        .unwrap_or_else(|e| panic!("a written document reads back: {e}\n{written}"));
    assert_eq!(again, speech, "a written document reads back unchanged");
});
