//! The command line as people meet it: help with examples, completions, verbosity, colours,
//! exit codes, and diagnostics for people and for machines.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn jianghua_in(dir: &Path, args: &[&str], envs: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_jianghua"));
    command.args(args).current_dir(dir).env_remove("NO_COLOR");
    for (key, value) in envs {
        command.env(key, value);
    }
    command.output().expect("the binary runs")
}

fn jianghua(args: &[&str]) -> Output {
    jianghua_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, &[])
}

fn seed_path() -> String {
    let mut seeds: Vec<_> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"))
        .expect("seeds/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    seeds.sort();
    seeds
        .into_iter()
        .next()
        .expect("a seed")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn every_subcommand_help_shows_an_example() {
    for subcommand in [
        "parse",
        "convert",
        "check",
        "validate",
        "schema",
        "completions",
    ] {
        let out = jianghua(&[subcommand, "--help"]);
        let help = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{subcommand}");
        assert!(help.contains("Examples:"), "{subcommand} --help:\n{help}");
        assert!(
            help.contains(&format!("jianghua {subcommand} ")),
            "{subcommand} --help:\n{help}"
        );
    }
}

#[test]
fn completions_generate_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef jianghua"),
        ("fish", "complete -c jianghua"),
    ] {
        let out = jianghua(&["completions", shell]);
        let script = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        assert!(script.contains(marker), "{shell}:\n{script}");
        assert!(
            script.contains("convert") && script.contains("--out-dir"),
            "{shell}"
        );
    }
}

#[test]
fn usage_errors_exit_2() {
    let no_such = jianghua(&["convert", "no/such/file.txt"]);
    assert_eq!(no_such.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&no_such.stderr).contains("no/such/file.txt: no such file"));

    let folder_without_destination = jianghua(&["convert", "seeds"]);
    assert_eq!(folder_without_destination.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&folder_without_destination.stderr).contains("--out-dir"));

    let unknown_shell = jianghua(&["completions", "tcsh"]);
    assert_eq!(unknown_shell.status.code(), Some(2));
}

#[test]
fn one_input_converts_to_stdout_like_parse() {
    let seed = seed_path();
    let converted = jianghua(&["convert", &seed]);
    let parsed = jianghua(&["parse", &seed]);
    assert_eq!(converted.status.code(), Some(0));
    assert_eq!(converted.stdout, parsed.stdout);
    assert!(converted.stderr.is_empty(), "no summary for one document");
}

/// A document (read back as is) carrying one warning and one note.
fn document_with_diagnostics(dir: &Path) {
    let out = jianghua(&["parse", &seed_path()]);
    let mut document: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    document["diagnostics"] = serde_json::json!([
        {"code": "ordinal_gap", "severity": "warning",
         "message": "section 三 follows section 一", "span": {"start": 3, "end": 5}},
        {"code": "encoding_detected", "severity": "note",
         "message": "decoded from GB18030", "span": null}
    ]);
    std::fs::create_dir_all(dir.join("in")).expect("mkdir");
    std::fs::write(dir.join("in/doc.json"), document.to_string()).expect("write");
}

#[test]
fn diagnostics_are_plain_off_a_terminal_and_follow_verbosity() {
    let dir = tempfile::tempdir().expect("tempdir");
    document_with_diagnostics(dir.path());
    let args = ["convert", "in", "--out-dir", "out"];

    let normal = jianghua_in(dir.path(), &args, &[]);
    let stderr = String::from_utf8_lossy(&normal.stderr);
    assert_eq!(normal.status.code(), Some(0), "{stderr}");
    assert!(
        !stderr.contains('\u{1b}'),
        "no colour off a terminal: {stderr:?}"
    );
    assert!(
        stderr.contains("warning[ordinal_gap]: section 三 follows section 一"),
        "{stderr}"
    );
    assert!(stderr.contains("--> in/doc.json"), "{stderr}");
    assert!(stderr.contains("help: "), "{stderr}");
    assert!(
        !stderr.contains("encoding_detected"),
        "notes only with --verbose"
    );
    assert!(stderr.contains("1 file: 1 converted, 0 failed"), "{stderr}");

    let verbose = jianghua_in(
        dir.path(),
        &["--verbose", "convert", "in", "--out-dir", "out"],
        &[],
    );
    let stderr = String::from_utf8_lossy(&verbose.stderr);
    assert!(
        stderr.contains("note[encoding_detected]: decoded from GB18030"),
        "{stderr}"
    );
    assert!(stderr.contains("in/doc.json → out/doc.json"), "{stderr}");

    let quiet = jianghua_in(
        dir.path(),
        &["convert", "-q", "in", "--out-dir", "out"],
        &[],
    );
    assert_eq!(quiet.status.code(), Some(0));
    assert!(
        quiet.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&quiet.stderr)
    );

    let forced = jianghua_in(dir.path(), &args, &[("CLICOLOR_FORCE", "1")]);
    assert!(String::from_utf8_lossy(&forced.stderr).contains('\u{1b}'));
    let no_color = jianghua_in(
        dir.path(),
        &args,
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
    );
    assert!(!String::from_utf8_lossy(&no_color.stderr).contains('\u{1b}'));
}

#[test]
fn machine_readable_diagnostics_are_json_lines() {
    let dir = tempfile::tempdir().expect("tempdir");
    document_with_diagnostics(dir.path());
    std::fs::write(dir.path().join("in/broken.txt"), b"\xff\xff\xff").expect("write");
    let out = jianghua_in(
        dir.path(),
        &[
            "convert",
            "in",
            "--out-dir",
            "out",
            "--message-format",
            "json",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stderr)
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(lines[0]["file"], "in/broken.txt");
    assert_eq!(lines[0]["code"], "file_failed");
    assert_eq!(lines[1]["code"], "ordinal_gap");
    assert_eq!(lines[1]["severity"], "warning");
    assert_eq!(lines[1]["span"], serde_json::json!({"start": 3, "end": 5}));
    assert!(lines[1]["hint"].is_string());
    assert_eq!(lines[2]["summary"]["failed"], 1);
}
