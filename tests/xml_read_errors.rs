//! Reading XML back: every problem is an error with its line and column, and documents that
//! could declare or expand entities are refused before anything is expanded.

mod xml_common;

use jianghua::xml::{from_xml, from_xml_bytes, to_xml, ReadError, ReadErrorKind, MAX_DEPTH};

/// The minimal document as written: line 2 is `<speech …>`, line 3 `  <meta …>`.
fn base() -> String {
    to_xml(&xml_common::minimal())
}

fn error(xml: &str) -> ReadError {
    match from_xml(xml) {
        Ok(speech) => panic!("read without error: {speech:?}\n{xml}"),
        Err(e) => e,
    }
}

fn data(name: &str) -> Vec<u8> {
    std::fs::read(xml_common::root().join("tests/data/xml").join(name)).expect("test data")
}

#[test]
fn doctype_is_refused_so_entities_are_never_expanded() {
    for name in ["billion_laughs.xml", "xxe.xml"] {
        let e = from_xml_bytes(&data(name)).expect_err(name);
        assert_eq!(e.kind, ReadErrorKind::Doctype, "{name}");
        assert_eq!((e.line, e.column), (2, 1), "{name}");
        assert!(e.to_string().contains("<!DOCTYPE"), "{e}");
    }
}

#[test]
fn undeclared_entities_are_refused() {
    let e = from_xml_bytes(&data("undeclared_entity.xml")).expect_err("undeclared entity");
    assert_eq!(e.kind, ReadErrorKind::UndefinedEntity("nbsp".to_owned()));
    assert_eq!((e.line, e.column), (3, 31));
}

#[test]
fn unknown_element_is_located() {
    let xml = base().replace("<redactions/>", "<redactions/><oops/>");
    let e = error(&xml);
    assert_eq!(
        e.kind,
        ReadErrorKind::UnexpectedElement {
            name: "oops".into(),
            parent: "meta".into()
        }
    );
    assert_eq!((e.line, e.column), (4, 18));
    assert_eq!(e.to_string(), "4:18: unexpected element <oops> in <meta>");
}

#[test]
fn elements_out_of_order_are_unexpected() {
    let xml = base().replace(
        "  <front_matter/>\n  <preamble/>",
        "  <preamble/>\n  <front_matter/>",
    );
    let e = error(&xml);
    assert_eq!(
        e.kind,
        ReadErrorKind::UnexpectedElement {
            name: "preamble".into(),
            parent: "speech".into()
        }
    );
    assert_eq!((e.line, e.column), (6, 3));
}

#[test]
fn missing_element_is_located_at_the_end_tag() {
    let xml = base().replace("  <diagnostics/>\n", "");
    let e = error(&xml);
    assert_eq!(
        e.kind,
        ReadErrorKind::MissingElement {
            name: "diagnostics".into(),
            parent: "speech".into()
        }
    );
    assert!(
        xml.lines()
            .nth(e.line - 1)
            .is_some_and(|l| l.starts_with("</speech>")),
        "{e}"
    );
}

#[test]
fn missing_attribute_is_located() {
    let xml = base().replace(" genre=\"unknown\"", "");
    let e = error(&xml);
    assert_eq!(
        e.kind,
        ReadErrorKind::MissingAttribute {
            name: "genre".into(),
            element: "meta".into()
        }
    );
    assert_eq!((e.line, e.column), (3, 3));
}

#[test]
fn bad_values_say_what_was_expected() {
    let xml = base().replace(
        "<sections/>",
        "<sections><section ordinal=\"二\" start=\"0\" end=\"1\"/></sections>",
    );
    let e = error(&xml);
    assert_eq!((e.line, e.column), (8, 13));
    assert_eq!(
        e.to_string(),
        "8:13: attribute `ordinal` on <section>: expected an unsigned integer, found `二`"
    );
    let xml = base().replace("genre=\"unknown\"", "genre=\"poem\"");
    assert!(
        matches!(error(&xml).kind, ReadErrorKind::BadValue { ref value, .. } if value == "poem")
    );
    let xml = base().replace(
        "<themes/>",
        "<themes><theme id=\"legislation\" weight=\"inf\"/></themes>",
    );
    assert!(
        matches!(error(&xml).kind, ReadErrorKind::BadValue { ref name, .. } if name == "weight")
    );
}

#[test]
fn unknown_attributes_are_refused_but_xsi_is_allowed() {
    let xml = base().replace("<meta ", "<meta colour=\"red\" ");
    assert_eq!(
        error(&xml).kind,
        ReadErrorKind::UnknownAttribute {
            name: "colour".into(),
            element: "meta".into()
        }
    );
    let xml = base().replace(
        "schema_version=",
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"https://jianghua.dev/ns/speech/1 speech.xsd\" schema_version=",
    );
    assert_eq!(from_xml(&xml).expect("readable"), xml_common::minimal());
}

#[test]
fn syntax_errors_are_located() {
    let xml = base().replace("<closing/>", "<closing></opening>");
    let e = error(&xml);
    assert!(matches!(e.kind, ReadErrorKind::Syntax(_)), "{e}");
    assert_eq!(e.line, 9, "{e}");
}

#[test]
fn elements_outside_the_namespace_are_refused() {
    let xml = base().replace(" xmlns=\"https://jianghua.dev/ns/speech/1\"", "");
    let e = error(&xml);
    assert!(matches!(e.kind, ReadErrorKind::ForeignElement { ref name, .. } if name == "speech"));
    assert_eq!((e.line, e.column), (2, 1));
}

#[test]
fn characters_xml_forbids_are_refused_raw_and_as_references() {
    let xml = base().replace(
        "<preamble/>",
        "<preamble><p start=\"0\" end=\"1\">&#1;</p></preamble>",
    );
    assert!(matches!(
        error(&xml).kind,
        ReadErrorKind::IllegalCharacter(_)
    ));
    let xml = base().replace(
        "<preamble/>",
        "<preamble><p start=\"0\" end=\"1\">\u{1}</p></preamble>",
    );
    assert!(matches!(
        error(&xml).kind,
        ReadErrorKind::IllegalCharacter(_)
    ));
    let xml = base().replace(
        "<preamble/>",
        "<preamble><p start=\"0\" end=\"1\"><ctrl code=\"U+0041\"/></p></preamble>",
    );
    assert!(matches!(error(&xml).kind, ReadErrorKind::BadValue { ref name, .. } if name == "code"));
}

#[test]
fn text_where_only_elements_belong_is_refused() {
    let xml = base().replace("<sections/>", "<sections>一、</sections>");
    assert_eq!(
        error(&xml).kind,
        ReadErrorKind::UnexpectedText {
            parent: "sections".into()
        }
    );
    let xml = base() + "trailing";
    assert!(matches!(
        error(&xml).kind,
        ReadErrorKind::UnexpectedText { .. }
    ));
}

#[test]
fn deep_nesting_fails_cleanly() {
    let depth = 100_000;
    let open = "<subsections><section ordinal=\"1\" start=\"0\" end=\"0\"><heading start=\"0\" end=\"0\"/><themes/><paragraphs/><directives/>";
    let mut nested = String::from("<sections><section ordinal=\"1\" start=\"0\" end=\"0\"><heading start=\"0\" end=\"0\"/><themes/><paragraphs/><directives/>");
    for _ in 0..depth {
        nested.push_str(open);
    }
    let xml = base().replace("<sections/>", &nested);
    assert_eq!(error(&xml).kind, ReadErrorKind::TooDeep(MAX_DEPTH));
}

#[test]
fn huge_inputs_fail_before_parsing() {
    let huge = vec![b' '; jianghua::xml::MAX_INPUT_BYTES + 1];
    assert!(matches!(
        from_xml_bytes(&huge).map_err(|e| e.kind),
        Err(ReadErrorKind::TooLarge { .. })
    ));
}

#[test]
fn only_utf8_is_read() {
    let xml = base().replace("encoding=\"UTF-8\"", "encoding=\"GB18030\"");
    assert_eq!(error(&xml).kind, ReadErrorKind::Encoding("GB18030".into()));
    let mut bytes = base().into_bytes();
    bytes.extend_from_slice(b"<!-- \xff -->");
    assert!(matches!(
        from_xml_bytes(&bytes).map_err(|e| e.kind),
        Err(ReadErrorKind::NotUtf8(_))
    ));
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(base().as_bytes());
    assert_eq!(
        from_xml_bytes(&with_bom).expect("BOM is fine"),
        xml_common::minimal()
    );
}

#[test]
fn empty_input_has_no_root() {
    assert_eq!(error("  \n").kind, ReadErrorKind::NoRoot);
    assert_eq!(error("<?xml version=\"1.0\"?>").kind, ReadErrorKind::NoRoot);
}

#[test]
fn every_truncation_of_a_document_is_an_error() {
    let xml = to_xml(&xml_common::rich());
    let complete = xml.find("</speech>").expect("root end") + "</speech>".len();
    // Every third cut keeps the test fast; the cuts still fall in every kind of markup.
    for (cut, _) in xml.char_indices().filter(|(i, _)| *i < complete).step_by(3) {
        let e = from_xml(&xml[..cut]).expect_err("a truncated document is incomplete");
        let lines = xml[..cut].lines().count().max(1);
        assert!(e.line <= lines + 1, "cut at {cut}: {e}");
    }
    assert_eq!(
        from_xml(&xml[..complete]).expect("complete"),
        xml_common::rich()
    );
}
