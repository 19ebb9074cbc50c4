//! `jianghua convert` and `jianghua parse --format xml|akn`, run as a user runs them.

mod xml_common;

use std::path::Path;
use std::process::{Command, Output};

fn jianghua(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jianghua"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "exit {:?}: {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

#[test]
fn entity_attacks_are_refused_with_exit_2() {
    for name in ["billion_laughs.xml", "xxe.xml"] {
        let file = xml_common::root().join("tests/data/xml").join(name);
        let output = jianghua(&["convert", path(&file), "--format", "json"]);
        assert_eq!(output.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(&format!("{name}:2:1: document type declarations")),
            "{stderr}"
        );
        assert!(output.stdout.is_empty(), "{name}");
    }
}

#[test]
fn text_to_json_to_xml_to_json_is_byte_identical() {
    let dir = tempfile::tempdir().expect("temporary folder");
    for seed in xml_common::seeds() {
        let json = stdout(&jianghua(&["parse", path(&seed)]));
        // Named .txt on purpose: the form is told by content.
        let json_file = dir.path().join("document.txt");
        std::fs::write(&json_file, &json).expect("writable");
        let xml_file = dir.path().join("document.xml");
        stdout(&jianghua(&[
            "convert",
            path(&json_file),
            "--format",
            "xml",
            "-o",
            path(&xml_file),
        ]));
        let back = stdout(&jianghua(&["convert", path(&xml_file), "--format", "json"]));
        assert_eq!(back, json, "{}", seed.display());
    }
}

#[test]
fn parse_and_convert_agree_on_xml_and_akn() {
    let seed = xml_common::seeds().into_iter().next().expect("a seed");
    for format in ["xml", "akn"] {
        let parsed = stdout(&jianghua(&["parse", path(&seed), "--format", format]));
        let converted = stdout(&jianghua(&["convert", path(&seed), "--format", format]));
        assert_eq!(parsed, converted, "{format}");
    }
    let xml = stdout(&jianghua(&["parse", path(&seed), "--format", "xml"]));
    assert!(xml.contains("<speech xmlns=\"https://jianghua.dev/ns/speech/1\""));
}

#[test]
fn unreadable_documents_are_located() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let json = dir.path().join("bad.json");
    std::fs::write(&json, "{\n  \"schema_version\": \"1.0\",\n  \"meta\": 3\n}").expect("writable");
    let output = jianghua(&["convert", path(&json)]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("bad.json:3:11: not a valid JSON document"),
        "{stderr}"
    );

    let xml = dir.path().join("bad.xml");
    std::fs::write(
        &xml,
        "<speech xmlns=\"https://jianghua.dev/ns/speech/1\">\n  <p/>\n</speech>",
    )
    .expect("writable");
    let output = jianghua(&["convert", path(&xml)]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("bad.xml:1:1: missing attribute `schema_version` on <speech>"),
        "{stderr}"
    );
}
