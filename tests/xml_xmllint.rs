//! Every accepted snapshot is valid: the XML ones against `schema/speech.xsd`, the Akoma Ntoso
//! ones against the OASIS schema in `schema/akn/`. Needs `xmllint` (Debian: libxml2-utils);
//! without it the test prints a notice and passes.

mod xml_common;

use std::path::Path;
use std::process::Command;

fn xmllint_available() -> bool {
    Command::new("xmllint")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The snapshotted document: what follows the insta header.
fn snapshot_body(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let body = text
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map(|(_, body)| body)
        .unwrap_or_else(|| panic!("{}: not an insta snapshot", path.display()));
    body.to_owned()
}

fn validate_snapshots(prefix: &str, schema: &str) -> usize {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut files = Vec::new();
    for path in xml_common::files("snapshots", "snap") {
        let stem = xml_common::stem(&path);
        if !stem.starts_with(prefix) {
            continue;
        }
        let file = dir.path().join(format!("{stem}.xml"));
        std::fs::write(&file, snapshot_body(&path)).expect("writable");
        files.push(file);
    }
    assert!(!files.is_empty(), "no {prefix}*.snap snapshots");
    let output = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(xml_common::root().join(schema))
        .args(&files)
        .output()
        .expect("xmllint runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    files.len()
}

#[test]
fn snapshots_are_valid_against_their_schemas() {
    if !xmllint_available() {
        eprintln!("notice: xmllint not found (install libxml2-utils); schema validation skipped");
        return;
    }
    assert!(validate_snapshots("xml__", jianghua::xml::XSD_PATH) >= 2);
    assert!(validate_snapshots("akn__", jianghua::xml::AKN_XSD_PATH) >= 2);
}
