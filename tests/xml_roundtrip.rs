//! The XML form is lossless: model → XML → model gives back the same model.

mod xml_common;

use jianghua::model::*;
use jianghua::xml::{from_xml, to_xml};
use proptest::prelude::*;

fn round_trip(speech: &Speech) -> Speech {
    let xml = to_xml(speech);
    from_xml(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_models_survive_xml(speech in xml_common::speech()) {
        prop_assert_eq!(round_trip(&speech), speech);
    }

    #[test]
    fn weights_survive_bit_for_bit(weight in xml_common::weight()) {
        let mut speech = xml_common::minimal();
        speech.themes.push(ThemeScore { theme: ThemeId::Legislation, weight });
        let back = round_trip(&speech);
        prop_assert_eq!(back.themes[0].weight.to_bits(), weight.to_bits());
    }
}

#[test]
fn every_parsed_speech_survives_xml() {
    let texts = xml_common::speech_texts();
    assert!(!texts.is_empty(), "no seeds found");
    for path in texts {
        let speech = xml_common::parse_file(&path);
        assert_eq!(round_trip(&speech), speech, "{}", path.display());
    }
}

#[test]
fn json_to_xml_to_json_is_byte_identical() {
    for path in xml_common::seeds() {
        let speech = xml_common::parse_file(&path);
        let json = serde_json::to_string_pretty(&speech).expect("serializable");
        let from_json: Speech = serde_json::from_str(&json).expect("readable");
        let back = serde_json::to_string_pretty(&round_trip(&from_json)).expect("serializable");
        assert_eq!(back, json, "{}", path.display());
    }
}

#[test]
fn hard_characters_are_written_as_documented_and_read_back() {
    let mut speech = xml_common::minimal();
    let text = "\u{3000}\u{3000}a<b&c]]>\r\n\t\u{C}end ";
    speech.preamble.push(Passage {
        text: text.to_owned(),
        span: Span::new(0, text.chars().count()),
    });
    let xml = to_xml(&speech);
    assert!(
        xml.contains("<p start=\"0\" end=\"18\">\u{3000}\u{3000}a&lt;b&amp;c]]&gt;&#13;\n\t<ctrl code=\"U+000C\"/>end </p>"),
        "{xml}"
    );
    assert_eq!(round_trip(&speech), speech);
}

#[test]
fn empty_and_absent_strings_differ() {
    let mut speech = xml_common::minimal();
    speech.meta.title = Some(String::new());
    speech.meta.speaker = Some(Speaker {
        name: None,
        role: Some(String::new()),
    });
    speech.meta.source = Some(Source::default());
    let xml = to_xml(&speech);
    assert!(
        xml.contains("<title/>") && xml.contains("<role/>") && xml.contains("<source/>"),
        "{xml}"
    );
    assert!(!xml.contains("<name"), "{xml}");
    assert_eq!(round_trip(&speech), speech);
}

#[test]
fn optional_model_parts_may_be_left_out() {
    // `fragment` and `redactions` have defaults in the model, so the XML may omit them.
    let xml = to_xml(&xml_common::minimal())
        .replace(" fragment=\"false\"", "")
        .replace("<redactions/>", "");
    assert_eq!(from_xml(&xml).expect("readable"), xml_common::minimal());
}

#[test]
fn prefixed_names_in_the_namespace_are_the_same_document() {
    let xml = to_xml(&xml_common::minimal());
    let prefixed = xml
        .replace("xmlns=", "xmlns:j=")
        .replace('<', "<j:")
        .replace("<j:/", "</j:")
        .replace("<j:?", "<?");
    assert_eq!(
        from_xml(&prefixed).expect("readable"),
        xml_common::minimal(),
        "{prefixed}"
    );
}

#[test]
fn comments_and_cdata_inside_text_are_read_as_text() {
    let xml = to_xml(&xml_common::minimal()).replace(
        "<preamble/>",
        "<preamble><p start=\"0\" end=\"5\">a<!-- note -->b<![CDATA[<&]]>&#x41;</p></preamble>",
    );
    let speech = from_xml(&xml).expect("readable");
    assert_eq!(speech.preamble[0].text, "ab<&A");
}
