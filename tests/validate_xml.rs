//! `jianghua validate` on XML documents: read by the XML reader (syntax and shape errors with
//! their line and column), then the same schema and semantic layers as JSON documents, each
//! problem placed in the XML.
//!
//! The XML documents under `tests/data/xml/` are the JSON documents of the same name under
//! `tests/data/valid/` and `tests/data/invalid/` converted by `jianghua convert --format xml`.

use std::path::Path;
use std::process::{Command, Output};

use jianghua::convert::{self, OutputForm};
use jianghua::text::SourceText;
use jianghua::validate::{self, Position};
use jianghua::ParseOptions;

const SOURCE: &str = "tests/data/valid/speech.txt";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(relative: &str) -> Vec<u8> {
    let path = root().join(relative);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn jianghua(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jianghua"))
        .args(args)
        .current_dir(root())
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("the jianghua binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The line and column of the first `needle` on the `nth` line (1-based) starting with `start`.
fn position_of(text: &str, start: &str, nth: usize, needle: &str) -> Position {
    let (number, line) = text
        .lines()
        .enumerate()
        .filter(|(_, line)| line.starts_with(start))
        .nth(nth - 1)
        .unwrap_or_else(|| panic!("no line {nth} starting with {start}"));
    let byte = line
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} in {line}"));
    Position::new(number + 1, line[..byte].chars().count() + 1)
}

#[test]
fn the_fixtures_are_their_json_documents_converted() {
    for (xml, json) in [
        ("speech", "tests/data/valid/speech.json"),
        ("ordinal-order", "tests/data/invalid/ordinal-order.json"),
        ("doctrine-count", "tests/data/invalid/doctrine-count.json"),
    ] {
        let converted = convert::convert(&read(json), OutputForm::Xml, &ParseOptions::default())
            .unwrap_or_else(|e| panic!("{json}: {e}"));
        let fixture = String::from_utf8(read(&format!("tests/data/xml/{xml}.xml")));
        assert_eq!(fixture.ok(), Some(converted), "{xml}.xml is out of date");
    }
}

#[test]
fn a_valid_xml_document_validates_with_its_source() {
    let output = jianghua(&["validate", "tests/data/xml/speech.xml", "--source", SOURCE]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(stdout(&output), "");
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "1 document: 1 valid, 0 invalid (0 errors, 0 warnings)\n"
    );
}

#[test]
fn semantic_errors_are_placed_at_their_attribute_in_the_xml() {
    let file = "tests/data/xml/ordinal-order.xml";
    let text = String::from_utf8(read(file)).expect("UTF-8");
    let output = jianghua(&["validate", file]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    // The second top-level section: indented like the first, below <sections>.
    let at = position_of(&text, "    <section ordinal=", 2, "ordinal=");
    assert_eq!(
        stdout(&output),
        format!(
            "{file}:{at}: error[ordinal-order] /sections/1/ordinal: section ordinal 1 does not \
             follow the previous section's 1: ordinals must increase\n"
        )
    );

    let file = "tests/data/xml/doctrine-count.xml";
    let text = String::from_utf8(read(file)).expect("UTF-8");
    let output = jianghua(&["validate", file, "--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let problem = &report[0]["problems"][0];
    let at = position_of(&text, "    <doctrine ", 1, "count=");
    assert_eq!(problem["rule"], "doctrine-count");
    assert_eq!(problem["pointer"], "/doctrines/0/count");
    assert_eq!(
        (problem["line"].as_u64(), problem["column"].as_u64()),
        (Some(at.line as u64), Some(at.column as u64))
    );
}

#[test]
fn every_readable_invalid_document_reports_the_same_problems_as_xml() {
    let source = SourceText::new(String::from_utf8(read(SOURCE)).expect("UTF-8"));
    let folder = root().join("tests/data/invalid");
    let mut compared = 0;
    for entry in std::fs::read_dir(&folder).expect("the invalid documents") {
        let path = entry.expect("an entry").path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let json = std::fs::read(&path).expect("readable");
        // Documents that do not read as a speech have no XML form.
        let Ok(xml) = convert::convert(&json, OutputForm::Xml, &ParseOptions::default()) else {
            continue;
        };
        let as_json = validate::validate_json(&json, Some(&source)).expect("well-formed JSON");
        let as_xml = validate::validate_xml(xml.as_bytes(), Some(&source)).expect("readable XML");
        let rules = |report: &validate::Report| -> Vec<(String, String)> {
            let problems = report.problems.iter();
            problems
                .map(|p| (p.rule.code().to_owned(), p.pointer.clone()))
                .collect()
        };
        assert_eq!(rules(&as_xml), rules(&as_json), "{}", path.display());
        assert!(
            as_xml.problems.iter().all(|p| p.position.is_some()),
            "{}: {:?}",
            path.display(),
            as_xml.problems
        );
        compared += 1;
    }
    assert!(compared >= 10, "only {compared} documents compared");
}

#[test]
fn entity_attacks_and_malformed_xml_exit_2_with_their_place() {
    for (name, code, at) in [
        ("billion_laughs.xml", "xml-syntax", "2:1"),
        ("xxe.xml", "xml-syntax", "2:1"),
        ("undeclared_entity.xml", "xml-syntax", "3:31"),
    ] {
        let file = format!("tests/data/xml/{name}");
        let output = jianghua(&["validate", &file]);
        assert_eq!(output.status.code(), Some(2), "{name}");
        let report = stdout(&output);
        assert!(
            report.starts_with(&format!("{file}:{at}: error[{code}]: ")),
            "{report}"
        );
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("shape.xml");
    std::fs::write(
        &file,
        "<speech xmlns=\"https://jianghua.dev/ns/speech/1\" schema_version=\"1.0\">\n  <p/>\n</speech>",
    )
    .expect("writable");
    let output = jianghua(&[
        "validate",
        file.to_str().expect("UTF-8"),
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let problem = &report[0]["problems"][0];
    assert_eq!(report[0]["status"], "failed");
    assert_eq!(problem["rule"], "xml-shape");
    assert_eq!(
        (problem["line"].as_u64(), problem["column"].as_u64()),
        (Some(2), Some(3))
    );
    assert_eq!(problem["message"], "unexpected element <p> in <speech>");
}

#[test]
fn xml_report_snapshot() {
    let output = jianghua(&[
        "validate",
        "tests/data/xml/ordinal-order.xml",
        "tests/data/xml/doctrine-count.xml",
        "tests/data/xml/xxe.xml",
        "--source",
        SOURCE,
    ]);
    assert_eq!(output.status.code(), Some(2));
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("validate__xml_text_report", stdout(&output));
    });
}

#[test]
fn a_value_outside_its_enumeration_is_one_problem_among_the_others() {
    let text = String::from_utf8(read("tests/data/xml/doctrine-count.xml")).expect("UTF-8");
    let genre = text.find(" genre=\"").expect("a genre attribute") + " genre=\"".len();
    let end = genre + text[genre..].find('"').expect("its end");
    let xml = format!("{}sermon{}", &text[..genre], &text[end..]);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("enum.xml");
    std::fs::write(&file, &xml).expect("writable");
    let output = jianghua(&[
        "validate",
        file.to_str().expect("UTF-8"),
        "--message-format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let problems: Vec<(&str, &str)> = report[0]["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| {
            (
                p["rule"].as_str().unwrap_or_default(),
                p["pointer"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert!(problems.contains(&("oneOf", "/meta/genre")), "{problems:?}");
    assert!(
        problems.contains(&("doctrine-count", "/doctrines/0/count")),
        "{problems:?}"
    );
    let genre_problem = report[0]["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .find(|p| p["pointer"] == "/meta/genre")
        .expect("the genre");
    assert_eq!(
        genre_problem["message"],
        "\"sermon\" is not one of: \"speech\", \"statement\", \"report\", \"article\", \"unknown\""
    );
    let at = position_of(&xml, "  <meta ", 1, "genre=");
    assert_eq!(
        (
            genre_problem["line"].as_u64(),
            genre_problem["column"].as_u64()
        ),
        (Some(at.line as u64), Some(at.column as u64))
    );
}
