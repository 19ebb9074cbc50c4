//! `jianghua check`: conversions compared with stored expected documents, field by field.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn jianghua(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jianghua"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

/// corpus/ with the seeds in two folders, and expected/ holding their conversions.
fn pinned_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(seeds)
        .expect("seeds/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    for (index, file) in files.iter().enumerate() {
        let folder = dir.path().join(if index % 2 == 0 {
            "corpus/even"
        } else {
            "corpus/odd"
        });
        std::fs::create_dir_all(&folder).expect("mkdir");
        std::fs::copy(file, folder.join(file.file_name().expect("a name"))).expect("copy");
    }
    let out = jianghua(dir.path(), &["convert", "corpus", "--out-dir", "expected"]);
    assert_eq!(out.status.code(), Some(0));
    dir
}

fn first_expected(dir: &Path) -> PathBuf {
    let folder = dir.join("expected/even");
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("expected/even")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    files.into_iter().next().expect("an expected document")
}

fn edit(path: &Path, change: impl FnOnce(&mut Value)) {
    let mut document: Value =
        serde_json::from_slice(&std::fs::read(path).expect("read")).expect("JSON");
    change(&mut document);
    std::fs::write(path, serde_json::to_vec_pretty(&document).expect("JSON")).expect("write");
}

#[test]
fn unchanged_conversions_pass() {
    let dir = pinned_corpus();
    let out = jianghua(dir.path(), &["check", "corpus", "--expected", "expected"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("5 files: 5 as expected, 0 changed"),
        "{stderr}"
    );
}

/// A document with three sections, written as an input: read back as it is, so its
/// conversion does not depend on the parser.
fn document_input() -> Value {
    fn section(ordinal: u32, heading: &str, directives: &[&str]) -> Value {
        let directives: Vec<Value> = directives
            .iter()
            .enumerate()
            .map(|(i, heading)| {
                serde_json::json!({
                    "ordinal": i + 1, "marker": format!("{}是", ["一", "二", "三"][i % 3]),
                    "heading": heading, "text": format!("{heading}。"),
                    "span": {"start": 0, "end": 0}, "themes": []
                })
            })
            .collect();
        serde_json::json!({
            "ordinal": ordinal, "marker": format!("{ordinal}、"), "heading": heading,
            "heading_span": {"start": 0, "end": 0}, "themes": ["legislation"],
            "paragraphs": [], "directives": directives, "subsections": [],
            "span": {"start": 0, "end": 0}
        })
    }
    serde_json::json!({
        "schema_version": "1.0",
        "meta": {
            "title": "在市委人大工作会议上的讲话", "genre": "speech", "speaker": null,
            "date": null, "occasion": null, "place": null, "level": null, "fragment": false,
            "announced_sections": 3, "source": null, "encoding": null, "redactions": []
        },
        "front_matter": [], "salutation": null, "preamble": [],
        "sections": [
            section(1, "坚持党的领导", &["坚持正确政治方向"]),
            section(2, "加强立法工作", &["提高立法质量", "健全立法机制"]),
            section(3, "增强监督实效", &["聚焦中心工作", "紧盯民生实事", "强化跟踪问效"]),
        ],
        "closing": [], "appendix": [], "doctrines": [], "themes": [],
        "boilerplate": [], "diagnostics": []
    })
}

#[test]
fn a_changed_expected_document_is_reported_field_by_field_until_updated() {
    let dir = pinned_corpus();
    let input = dir.path().join("corpus/odd/document.json");
    std::fs::write(&input, document_input().to_string()).expect("write");
    let pinned = jianghua(dir.path(), &["convert", "corpus", "--out-dir", "expected"]);
    assert_eq!(pinned.status.code(), Some(0));
    edit(&dir.path().join("expected/odd/document.json"), |document| {
        document["sections"][2]["directives"][1]["heading"] = Value::from("紧盯民生");
        document["sections"][1]["themes"] = serde_json::json!(["legislation", "supervision"]);
        document["meta"]["fragment"] = Value::Bool(true);
        if let Some(object) = document["meta"].as_object_mut() {
            object.insert("retired".to_owned(), Value::from("gone"));
        }
    });
    let out = jianghua(dir.path(), &["check", "corpus", "--expected", "expected"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("  directives:\n    /sections/2/directives/1/heading: \"紧盯民生\" → \"紧盯民生实事\"\n"),
        "{stderr}"
    );
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        // The summary line ends with a time, which varies.
        let report: Vec<&str> = stderr.lines().filter(|l| !l.starts_with("summary:")).collect();
        insta::assert_snapshot!("check__changed_document_report", report.join("\n"));
    });

    let update = jianghua(
        dir.path(),
        &["check", "corpus", "--expected", "expected", "--update"],
    );
    let stderr = String::from_utf8_lossy(&update.stderr);
    assert_eq!(update.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(
            "updated: corpus/odd/document.json (expected expected/odd/document.json): 4 changes"
        ),
        "{stderr}"
    );
    let again = jianghua(dir.path(), &["check", "corpus", "--expected", "expected"]);
    assert_eq!(again.status.code(), Some(0));
}

#[test]
fn a_missing_expected_document_fails_until_created() {
    let dir = pinned_corpus();
    let expected = first_expected(dir.path());
    std::fs::remove_file(&expected).expect("removed");
    let out = jianghua(dir.path(), &["check", "corpus", "--expected", "expected"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("missing: corpus/even/"), "{stderr}");
    assert!(stderr.contains("1 missing"), "{stderr}");

    let update = jianghua(
        dir.path(),
        &["check", "corpus", "--expected", "expected", "--update"],
    );
    assert_eq!(update.status.code(), Some(0));
    assert!(expected.is_file());
}

#[test]
fn machine_readable_changes_carry_pointer_part_old_and_new() {
    let dir = pinned_corpus();
    let expected = first_expected(dir.path());
    edit(&expected, |document| {
        document["schema_version"] = Value::from("0.9");
    });
    let out = jianghua(
        dir.path(),
        &[
            "check",
            "corpus",
            "--expected",
            "expected",
            "--message-format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stderr)
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[0]["status"], "changed");
    assert_eq!(
        lines[0]["changes"],
        serde_json::json!([{"pointer": "/schema_version", "part": "meta", "kind": "changed", "old": "0.9", "new": "1.0"}])
    );
    assert_eq!(lines[1]["summary"]["changed"], 1);
}

#[test]
fn a_missing_expected_folder_is_a_usage_error() {
    let dir = pinned_corpus();
    let out = jianghua(dir.path(), &["check", "corpus", "--expected", "nowhere"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nowhere: no such folder"));
}
