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
        "man",
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
fn schema_prints_the_json_schema_or_with_xsd_the_xml_schema() {
    let json = jianghua(&["schema"]);
    assert_eq!(json.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&json.stdout),
        std::fs::read_to_string("schema/speech.schema.json").unwrap_or_default()
    );
    let xsd = jianghua(&["schema", "--xsd"]);
    assert_eq!(xsd.status.code(), Some(0));
    let committed = std::fs::read_to_string("schema/speech.xsd").unwrap_or_default();
    assert!(committed.contains("<xs:schema"));
    assert_eq!(String::from_utf8_lossy(&xsd.stdout), committed);
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
        stderr.contains("warning[ordinal-gap]: section 三 follows section 一"),
        "{stderr}"
    );
    assert!(stderr.contains("--> in/doc.json"), "{stderr}");
    assert!(stderr.contains("help: "), "{stderr}");
    assert!(
        !stderr.contains("encoding-detected"),
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
        stderr.contains("note[encoding-detected]: decoded from GB18030"),
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
    assert_eq!(lines[0]["code"], "file-failed");
    assert_eq!(lines[1]["code"], "ordinal-gap");
    assert_eq!(lines[1]["severity"], "warning");
    assert_eq!(lines[1]["span"], serde_json::json!({"start": 3, "end": 5}));
    assert!(lines[1]["hint"].is_string());
    assert_eq!(lines[2]["summary"]["failed"], 1);
}

// ---------------------------------------------------------------------------------------------
// Writes that respect what is there.

/// Runs the binary under `umask` (set by a shell, which then becomes the binary).
#[cfg(unix)]
fn jianghua_with_umask(umask: &str, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_jianghua"))
        .args(args)
        .output()
        .expect("sh runs")
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).map_or(0, |m| m.permissions().mode() & 0o7777)
}

#[cfg(unix)]
#[test]
fn new_outputs_get_0666_less_the_umask() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let seed = seed_path();
    for (umask, expected) in [("022", 0o644), ("077", 0o600)] {
        let single = dir.path().join(format!("single-{umask}.json"));
        let out = jianghua_with_umask(umask, &["parse", &seed, "-o", &single.to_string_lossy()]);
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        assert_eq!(mode(&single), expected, "parse -o under umask {umask}");
        let tree = dir.path().join(format!("tree-{umask}"));
        let out = jianghua_with_umask(
            umask,
            &["convert", &seed, "--out-dir", &tree.to_string_lossy()],
        );
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let written = std::fs::read_dir(&tree)
            .expect("the tree")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect::<Vec<_>>();
        assert_eq!(written.len(), 1, "{written:?}");
        assert_eq!(
            mode(&written[0]),
            expected,
            "convert --out-dir under umask {umask}"
        );
    }
}

#[cfg(unix)]
#[test]
fn an_output_through_a_symlink_replaces_the_target_and_keeps_the_link_and_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let target = dir.path().join("target.json");
    std::fs::write(&target, b"stale").expect("the target");
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).expect("a mode");
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink("target.json", &link).expect("the link");
    let out = jianghua(&["parse", &seed_path(), "-o", &link.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(std::fs::symlink_metadata(&link)
        .expect("the link")
        .is_symlink());
    let written = std::fs::read_to_string(&target).expect("the target");
    assert!(written.starts_with('{'), "{written}");
    assert_eq!(mode(&target), 0o640);
}

#[cfg(unix)]
#[test]
fn an_output_to_a_fifo_is_written_through() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let fifo = dir.path().join("out.fifo");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|status| status.success()) {
        eprintln!("no mkfifo here: skipped");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            std::fs::File::open(&fifo)
                .and_then(|mut f| f.read_to_string(&mut text))
                .map(|_| text)
        })
    };
    let out = jianghua(&["parse", &seed_path(), "-o", &fifo.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    // Checked before the reader is joined: a replaced FIFO would leave it waiting for ever.
    let kind = std::fs::symlink_metadata(&fifo)
        .expect("the FIFO")
        .file_type();
    assert!(kind.is_fifo(), "the FIFO was replaced by {kind:?}");
    let read = reader.join().expect("the reader").expect("the FIFO reads");
    assert!(read.starts_with('{'), "{read}");
}

#[cfg(unix)]
#[test]
fn dev_null_stays_a_device_and_nothing_is_created_in_dev() {
    use std::os::unix::fs::FileTypeExt;
    let out = jianghua(&["parse", &seed_path(), "-o", "/dev/null"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let kind = std::fs::metadata("/dev/null")
        .expect("/dev/null")
        .file_type();
    assert!(kind.is_char_device());
    // `/dev/stdout` is a link to the pipe the test reads: written through, not replaced.
    let through = jianghua(&["parse", &seed_path(), "-o", "/dev/stdout"]);
    assert_eq!(through.status.code(), Some(0), "{through:?}");
    assert_eq!(through.stdout, jianghua(&["parse", &seed_path()]).stdout);
    assert!(std::fs::symlink_metadata("/dev/stdout").is_ok_and(|m| m.is_symlink()));
    let out = jianghua(&["parse", &seed_path(), "-o", "/dev/jianghua-test.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("refusing to create or replace /dev/jianghua-test.json"),
        "{out:?}"
    );
    assert!(!Path::new("/dev/jianghua-test.json").exists());
}

// ---------------------------------------------------------------------------------------------
// One detector, honest exits.

#[test]
fn a_text_that_starts_like_a_document_is_converted_as_text_with_a_note() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let seed = std::fs::read_to_string(seed_path()).expect("the seed");
    for (name, lead) in [("angle.txt", "<‹返回首页\n"), ("brace.txt", "{图片}\n")] {
        let file = dir.path().join(name);
        std::fs::write(&file, format!("{lead}{seed}")).expect("the file");
        let file = file.to_string_lossy();
        for command in ["convert", "check"] {
            let out = if command == "check" {
                let expected = dir.path().join("expected");
                jianghua(&[
                    "check",
                    &file,
                    "--expected",
                    &expected.to_string_lossy(),
                    "--update",
                ])
            } else {
                jianghua(&["convert", &file, "--verbose"])
            };
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(0), "{command} {name}: {stderr}");
        }
        let out = jianghua(&["convert", &file]);
        let document: Value = serde_json::from_slice(&out.stdout).expect("a document");
        let notes: Vec<&Value> = document["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["code"] == "unclear_form")
            .collect();
        assert_eq!(notes.len(), 1, "{name}");
        assert_eq!(notes[0]["severity"], "note");
    }
}

#[test]
fn convert_refuses_an_invalid_document_unless_forced() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let parsed = jianghua(&["parse", &seed_path()]);
    let mut document: Value = serde_json::from_slice(&parsed.stdout).expect("a document");
    let count = document["doctrines"][0]["count"]
        .as_u64()
        .expect("a doctrine");
    document["doctrines"][0]["count"] = (count + 1).into();
    let file = dir.path().join("wrong-count.json");
    std::fs::write(&file, serde_json::to_vec(&document).expect("JSON")).expect("the file");
    let file = file.to_string_lossy();
    let out = jianghua(&["convert", &file, "--format", "akn"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(&format!(
            "error: {file}: invalid-document: 1 problem (--force converts it anyway):\n  1:"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("(/doctrines/0/count)"), "{stderr}");
    let forced = jianghua(&["convert", &file, "--format", "akn", "--force"]);
    assert_eq!(forced.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&forced.stdout).contains("<akomaNtoso"));
}

#[test]
fn parse_into_a_closed_pipe_ends_quietly_with_141() {
    use std::process::Stdio;
    let big = tempfile::tempdir().expect("a temporary directory");
    let seed = std::fs::read_to_string(seed_path()).expect("the seed");
    let file = big.path().join("big.txt");
    std::fs::write(&file, seed.repeat(40)).expect("the file");
    let mut child = Command::new(env!("CARGO_BIN_EXE_jianghua"))
        .args(["parse", &file.to_string_lossy()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("the binary ends");
    assert_eq!(out.status.code(), Some(141));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
