//! The versioning policy (README, "Versions"), as a validator of this version applies it, and
//! the `$schema` key that editors add to documents.

use std::path::Path;
use std::process::{Command, Output};

use jianghua::model::SCHEMA_VERSION;
use jianghua::schema::{json_schema, schema_id};
use jianghua::validate::{self, Severity};
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The valid fixture document, as JSON.
fn valid_document() -> Value {
    let text = std::fs::read_to_string(root().join("tests/data/valid/speech.json"))
        .expect("the valid fixture");
    serde_json::from_str(&text).expect("the valid fixture is JSON")
}

/// `(code, severity)` of every problem the validator reports for `document`, by code.
fn problems(document: &Value) -> Vec<(String, Severity)> {
    let bytes = serde_json::to_vec_pretty(document).expect("serialisable");
    let mut found: Vec<(String, Severity)> = validate::validate_json(&bytes, None)
        .expect("well-formed JSON")
        .problems
        .iter()
        .map(|p| (p.rule.code().to_owned(), p.severity))
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

fn with(mut document: Value, key: &str, value: Value) -> Value {
    document[key] = value;
    document
}

fn jianghua_validate(document: &Value, name: &str) -> Output {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(name);
    std::fs::write(
        &path,
        serde_json::to_vec_pretty(document).expect("serialisable"),
    )
    .expect("writable");
    Command::new(env!("CARGO_BIN_EXE_jianghua"))
        .arg("validate")
        .arg(&path)
        .output()
        .expect("jianghua runs")
}

#[test]
fn the_schema_id_names_the_contract_version() {
    assert_eq!(
        schema_id(),
        format!("https://jianghua.dev/schema/{SCHEMA_VERSION}/speech.schema.json")
    );
    assert_eq!(json_schema()["$id"], Value::from(schema_id()));
    let (major, minor) = SCHEMA_VERSION.split_once('.').expect("MAJOR.MINOR");
    assert!(major.parse::<u32>().is_ok() && minor.parse::<u32>().is_ok());
}

#[test]
fn a_document_may_name_its_schema() {
    let document = with(valid_document(), "$schema", Value::from(schema_id()));
    assert_eq!(problems(&document), vec![]);
    // Read and written back, it keeps its `$schema`.
    let bytes = serde_json::to_vec(&document).expect("serialisable");
    let speech = match jianghua::convert::read(&bytes, &Default::default()) {
        Ok(read) => read.speech,
        Err(e) => panic!("{}", e.message()),
    };
    assert_eq!(speech.schema.as_deref(), Some(schema_id().as_str()));
    let written: Value =
        serde_json::from_str(&serde_json::to_string(&speech).expect("JSON")).expect("JSON");
    assert_eq!(written["$schema"], Value::from(schema_id()));
    // A document without one is written without one.
    let plain = serde_json::to_value(jianghua::parse_str(
        "同志们：\n好。".into(),
        &Default::default(),
    ))
    .expect("JSON");
    assert!(plain.get("$schema").is_none());
    // It is a string like any other field.
    let wrong = with(valid_document(), "$schema", Value::from(7));
    assert_eq!(problems(&wrong), vec![("type".to_owned(), Severity::Error)]);
}

#[test]
fn an_older_or_equal_minor_version_is_valid() {
    assert_eq!(problems(&valid_document()), vec![]);
    let older = with(valid_document(), "schema_version", Value::from("1.0"));
    assert_eq!(problems(&older), vec![]);
}

#[test]
fn a_newer_minor_version_is_a_warning_and_what_it_added_is_unknown() {
    let newer = with(valid_document(), "schema_version", Value::from("1.9"));
    assert_eq!(
        problems(&newer),
        vec![("schema-version".to_owned(), Severity::Warning)]
    );
    let out = jianghua_validate(&newer, "newer.json");
    assert_eq!(out.status.code(), Some(0), "{out:?}");

    let mut added = newer.clone();
    added["meta"]["language"] = Value::from("zh");
    assert_eq!(
        problems(&added),
        vec![
            ("additionalProperties".to_owned(), Severity::Error),
            ("schema-version".to_owned(), Severity::Warning),
        ]
    );
    let out = jianghua_validate(&added, "added.json");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
}

#[test]
fn another_major_version_is_an_error() {
    for other in ["2.0", "0.3"] {
        let document = with(valid_document(), "schema_version", Value::from(other));
        assert_eq!(
            problems(&document),
            vec![("schema-major".to_owned(), Severity::Error)],
            "{other}"
        );
        let out = jianghua_validate(&document, "major.json");
        assert_eq!(out.status.code(), Some(1), "{other}: {out:?}");
    }
}

#[test]
fn a_version_that_is_not_major_dot_minor_breaks_the_schema() {
    for malformed in ["1", "1.0.0", "v1.0", "01.0", ""] {
        let document = with(valid_document(), "schema_version", Value::from(malformed));
        assert_eq!(
            problems(&document),
            vec![("pattern".to_owned(), Severity::Error)],
            "{malformed:?}"
        );
    }
}
