//! Inputs the fuzz targets (`fuzz/`) found to break the library, each with the outcome it must
//! have now. The larger ones are stored under `tests/data/fuzz/`.

use std::path::Path;

use jianghua::model::Speech;
use jianghua::parse::decode;
use jianghua::text::SourceText;
use jianghua::validate::{self, NoLocator, Severity};

fn read(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Parses `bytes` and checks the document against its own source with the validator: every
/// text equal to the source at its span, every visible character covered, no semantic rule
/// broken.
fn parse_keeping_the_contract(bytes: &[u8]) -> Speech {
    let speech = jianghua::parse_bytes(bytes, &Default::default())
        .unwrap_or_else(|e| panic!("the input parses: {e}"));
    let source = SourceText::new(decode::decode(bytes).expect("the input decodes").text);
    let document = serde_json::to_value(&speech).expect("a document serializes");
    let report = validate::validate_document(&document, &NoLocator, Some(&source));
    let errors: Vec<_> = report
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    speech
}

/// A run of digits longer than a `u32` holds at the start of a line overflowed the reading of
/// an arabic list number (`1.`, `１２．`) instead of being refused as one.
#[test]
fn a_long_run_of_digits_is_no_list_number() {
    let speech = parse_keeping_the_contract(&read("parse_long_digit_run.txt"));
    // The line “66666666666666　　第二，…” starts with no marker: it goes on the first point.
    assert_eq!(
        speech
            .sections
            .iter()
            .map(|s| s.ordinal)
            .collect::<Vec<_>>(),
        [1, 3]
    );
    assert!(speech.sections[0]
        .paragraphs
        .iter()
        .any(|p| p.text.starts_with("66666666666666")));

    let speech =
        parse_keeping_the_contract("同志们：\n66666666666666666666．加强监督。\n".as_bytes());
    assert!(speech.sections.is_empty(), "{:#?}", speech.sections);
}

/// A byte order mark at the start of a later line (here of a UTF-16 text) was trimmed off the
/// line like any invisible character and then lay in no span, though it is no whitespace: the
/// document failed `source-uncovered`. Invisible characters left out of every part are kept as
/// boilerplate.
#[test]
fn invisible_characters_trimmed_off_lines_are_kept() {
    let bytes = read("parse_stray_bom_utf16.txt");
    let speech = parse_keeping_the_contract(&bytes);
    let text = decode::decode(&bytes).expect("the input decodes").text;
    let bom = text.chars().position(|c| c == '\u{FEFF}').expect("a BOM");
    assert!(speech
        .boilerplate
        .iter()
        .any(|b| b.text == "\u{FEFF}" && b.span.start == bom));

    let text =
        "\u{200B}同志们：\u{2060}\n一、加强监督。\u{FEFF}\u{3000}\u{200D}\n\u{00AD}\n谢谢大家。\n";
    let speech = parse_keeping_the_contract(text.as_bytes());
    let invisible: Vec<(&str, usize, usize)> = speech
        .boilerplate
        .iter()
        .map(|b| (b.text.as_str(), b.span.start, b.span.end))
        .collect();
    assert_eq!(
        invisible,
        [
            ("\u{200B}", 0, 1),
            ("\u{2060}", 5, 6),
            ("\u{FEFF}\u{3000}\u{200D}", 14, 17),
            ("\u{00AD}", 18, 19),
        ]
    );
    assert_eq!(speech.salutation.map(|s| s.text).as_deref(), Some("同志们"));
}
