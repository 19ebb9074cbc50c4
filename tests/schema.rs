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

/// Runs a standard JSON Schema tool on the committed schema (and on a document naming it). A
/// tool missing locally skips the check; in CI (`CI` set), where `.ci/run` installs both, a
/// missing tool fails.
fn run_tool(program: &str, args: &[&str]) -> Option<std::process::Output> {
    match std::process::Command::new(program)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
    {
        Ok(output) => Some(output),
        Err(e) if std::env::var_os("CI").is_some() => {
            panic!("{program} is needed in CI (.ci/run installs it): {e}")
        }
        Err(_) => {
            eprintln!("skipped: {program} is not installed");
            None
        }
    }
}

fn assert_silent_success(program: &str, output: &std::process::Output) {
    let (stdout, stderr) = (
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
    );
    assert!(
        output.status.success(),
        "{program} failed:\n{stdout}\n{stderr}"
    );
    // Both tools report success on stdout; ajv prints its "strict mode" and "unknown format …
    // ignored" warnings on stderr and may still succeed.
    assert!(
        stderr.trim().is_empty(),
        "{program} warned:\n{stdout}\n{stderr}"
    );
}

#[test]
fn ajv_compiles_the_schema_in_strict_mode() {
    let args = [
        "compile",
        "--spec=draft2020",
        "--strict=true",
        "-s",
        SCHEMA_PATH,
    ];
    if let Some(output) = run_tool("ajv", &args) {
        assert_silent_success("ajv", &output);
    }
}

#[test]
fn check_jsonschema_accepts_the_schema_and_a_document_naming_it() {
    let meta = ["--check-metaschema", SCHEMA_PATH];
    let Some(output) = run_tool("check-jsonschema", &meta) else {
        return;
    };
    assert_silent_success("check-jsonschema", &output);
    // The valid fixture, with the `$schema` an editor would add.
    let mut document: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/valid/speech.json"),
        )
        .expect("the valid fixture"),
    )
    .expect("JSON");
    document["$schema"] = jianghua::schema::schema_id().into();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("speech.json");
    std::fs::write(&path, document.to_string()).expect("writable");
    let path = path.to_string_lossy();
    let args = ["--schemafile", SCHEMA_PATH, path.as_ref()];
    if let Some(output) = run_tool("check-jsonschema", &args) {
        assert_silent_success("check-jsonschema", &output);
    }
}
