//! `jianghua validate` on Akoma Ntoso documents: the tool's own output passes the rules it
//! knows, each rule catches its breach, and every report says the complete schema is not checked.

mod xml_common;

use std::process::Command;

use jianghua::validate::{self, AknRule, Checks, Rule, Severity};
use jianghua::xml::to_akn;

/// The `(code, severity)` of every problem of an Akoma Ntoso document, the note included.
fn problems(akn: &str) -> Vec<(String, Severity)> {
    let report = validate::validate_akn(akn.as_bytes()).expect("well-formed XML");
    assert_eq!(report.checks, Checks::Akn);
    report
        .problems
        .iter()
        .map(|p| (p.rule.code().to_owned(), p.severity))
        .collect()
}

fn note() -> (String, Severity) {
    ("akn-schema-unchecked".to_owned(), Severity::Warning)
}

fn error(rule: AknRule) -> (String, Severity) {
    (Rule::Akn(rule).code().to_owned(), Severity::Error)
}

#[test]
fn the_tools_own_output_breaks_no_rule_it_knows() {
    let mut documents: Vec<_> = xml_common::seeds()
        .iter()
        .map(|path| xml_common::parse_file(path))
        .collect();
    documents.push(xml_common::rich());
    documents.push(xml_common::minimal());
    for speech in &documents {
        let akn = to_akn(speech);
        assert!(validate::is_akn(akn.as_bytes()));
        assert_eq!(problems(&akn), vec![note()], "{akn}");
    }
}

#[test]
fn each_rule_catches_its_breach() {
    let akn = to_akn(&xml_common::rich());
    let cases = [
        (
            akn.replacen(
                "eId=\"dbsect_1__speech_1__p_2\"",
                "eId=\"dbsect_1__speech_1__p_1\"",
                1,
            ),
            vec![error(AknRule::EidUnique)],
        ),
        (
            akn.replacen("refersTo=\"#doctrine_1\"", "refersTo=\"#doctrine_9\"", 1),
            vec![error(AknRule::Reference)],
        ),
        (
            akn.replacen(
                "<docDate date=\"2024-03-01\">",
                "<docDate date=\"2024-02-30\">",
                1,
            ),
            vec![error(AknRule::Date)],
        ),
        (
            akn.replacen("<FRBRlanguage language=\"zho\"/>", "", 1),
            vec![error(AknRule::Identification)],
        ),
        (
            akn.replacen("eId=\"dbsect_1__p_1\"", "eId=\"appendix\"", 1),
            vec![("akn-eid-form".to_owned(), Severity::Warning)],
        ),
        (
            akn.replacen(
                "http://docs.oasis-open.org/legaldocml/ns/akn/3.0",
                "http://docs.oasis-open.org/legaldocml/ns/akn/2.0",
                1,
            ),
            vec![error(AknRule::Root)],
        ),
    ];
    for (document, mut expected) in cases {
        expected.push(note());
        let mut found = problems(&document);
        found.sort();
        expected.sort();
        assert_eq!(found, expected, "{document}");
    }
}

fn jianghua(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_jianghua"))
        .args(args)
        .output()
        .expect("jianghua runs")
}

#[test]
fn validate_reads_an_akn_file_and_says_what_it_did_not_check() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let seed = xml_common::root().join("seeds/002_d8406d316734750d.txt");
    let own = dir.path().join("speech.akn.xml");
    let out = jianghua(&[
        "convert",
        &seed.to_string_lossy(),
        "--format",
        "akn",
        "-o",
        &own.to_string_lossy(),
    ]);
    assert!(out.status.success(), "{out:?}");
    let out = jianghua(&["validate", &own.to_string_lossy()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("warning[akn-schema-unchecked]"), "{stdout}");
    assert!(
        stdout.contains("xmllint --noout --schema schema/akn/akomantoso30.xsd"),
        "{stdout}"
    );

    let broken = dir.path().join("broken.akn.xml");
    let text = std::fs::read_to_string(&own).expect("written");
    std::fs::write(
        &broken,
        text.replacen("by=\"#speaker\"", "by=\"#nobody\"", 1),
    )
    .expect("writable");
    let out = jianghua(&["validate", &broken.to_string_lossy()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("error[akn-reference]"), "{stdout}");
    assert!(stdout.contains("`#nobody` names no eId"), "{stdout}");

    let doctype = dir.path().join("doctype.akn.xml");
    std::fs::write(
        &doctype,
        text.replacen(
            "<akomaNtoso",
            "<!DOCTYPE akomaNtoso [<!ENTITY a \"b\">]>\n<akomaNtoso",
            1,
        ),
    )
    .expect("writable");
    let out = jianghua(&["validate", &doctype.to_string_lossy()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(stdout.contains("xml-syntax"), "{stdout}");
}
