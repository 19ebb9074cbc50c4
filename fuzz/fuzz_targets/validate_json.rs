//! Arbitrary bytes as a JSON document, through the path of `jianghua validate`: the schema, the
//! semantic rules and the source-text rules against a fixed source (so spans past its end,
//! reversed spans and mismatched texts are all exercised); and, for input that looks like JSON,
//! the path of `jianghua convert`. It asserts that the short way to the schema's verdict
//! (`validate::conformance`) never accepts a document the schema refuses.

#![no_main]

use jianghua::convert::{self, InputForm};
use jianghua::text::SourceText;
use jianghua::validate;
use libfuzzer_sys::fuzz_target;

static SOURCE: &str = include_str!("../../tests/data/valid/speech.txt");

fuzz_target!(|bytes: &[u8]| {
    let source = SourceText::new(SOURCE.to_owned());
    let _ = validate::validate_json(bytes, Some(&source));
    if let Ok(text) = validate::json_text(bytes) {
        if validate::conformance::read_conforming(text).is_some() {
            let document = validate::parse_json(text).expect("a document that reads is JSON");
            let problems = validate::json_schema::check(&document);
            assert!(problems.is_empty(), "read as conforming, refused by the schema: {problems:?}");
        }
    }
    if convert::detect(bytes) == InputForm::Json {
        let _ = convert::read(bytes, &Default::default());
    }
});
