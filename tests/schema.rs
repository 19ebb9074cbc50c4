//! The committed JSON Schema: up to date, valid under its meta-schema, and reviewed.

use std::path::Path;

use jianghua::schema::{json_schema, json_schema_text, SCHEMA_PATH};

const REGENERATE: &str = "cargo run -- schema -o schema/speech.schema.json";

#[test]
fn committed_schema_is_the_generated_one() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SCHEMA_PATH);
    let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}\nGenerate it with: {REGENERATE}",
            path.display()
        )
    });
    let generated = json_schema_text();
    if committed != generated {
        let first_difference = committed
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .map_or_else(
                || "one file is a prefix of the other".to_owned(),
                |i| format!("first difference at line {}", i + 1),
            );
        panic!(
            "{SCHEMA_PATH} differs from the schema generated from the model ({first_difference}).\n\
             Regenerate it with: {REGENERATE}"
        );
    }
}

#[test]
fn schema_is_valid_under_the_draft_2020_12_meta_schema() {
    let schema = json_schema();
    assert_eq!(
        jsonschema::Draft::default().detect(&schema),
        jsonschema::Draft::Draft202012
    );
    let errors: Vec<String> = jsonschema::draft202012::meta::validator()
        .iter_errors(&schema)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "meta-schema violations: {errors:#?}");
    assert!(jsonschema::draft202012::new(&schema).is_ok());
}

#[test]
fn schema_snapshot() {
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_json_snapshot!("schema__speech_schema", json_schema());
    });
}
