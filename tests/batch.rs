//! `jianghua convert` on folders: mirrored outputs, failures reported and skipped, refusals,
//! JSON lines, and no partial output when a run is stopped.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use jianghua::batch::corpus::{make_corpus, read_seeds, CorpusOptions};
use serde_json::Value;

fn jianghua(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jianghua"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn seed(name: &str) -> Vec<u8> {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(seeds)
        .expect("seeds/ is there")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let file = files
        .iter()
        .find(|f| f.to_string_lossy().contains(name))
        .expect("the seed exists");
    std::fs::read(file).expect("the seed reads")
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
    std::fs::write(path, bytes).expect("write");
}

/// Every file below `dir`, relative, sorted.
fn tree(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .expect("below dir")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    files.sort();
    files
}

/// Speech text with bytes that are invalid in every supported encoding (0xFF never occurs in
/// UTF-8 or GB18030), after a valid start.
const CORRUPTED: &[u8] = b"\xe5\x90\x8c\xe5\xbf\x97\xe4\xbb\xac\xef\xbc\x9a\n\xff\xff\x80\xff\n";

/// corpus/a/000.txt, corpus/a/b/001.txt, corpus/a/b/broken.txt, corpus/c/002.txt.
fn nested_corpus(dir: &Path) {
    write(&dir.join("corpus/a/000.txt"), &seed("000_"));
    write(&dir.join("corpus/a/b/001.txt"), &seed("001_"));
    write(&dir.join("corpus/a/b/broken.txt"), CORRUPTED);
    write(&dir.join("corpus/c/002.txt"), &seed("002_"));
    write(&dir.join("corpus/c/notes.png"), b"\x89PNG not an input");
}

#[test]
fn a_folder_converts_to_a_mirrored_tree_and_a_bad_file_is_reported_and_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    nested_corpus(dir.path());
    let out = jianghua(
        dir.path(),
        &["convert", "corpus", "--out-dir", "out", "--jobs", "2"],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(
        tree(&dir.path().join("out")),
        ["a/000.json", "a/b/001.json", "c/002.json"]
    );
    for file in tree(&dir.path().join("out")) {
        let bytes = std::fs::read(dir.path().join("out").join(&file)).expect("read");
        let document: Value = serde_json::from_slice(&bytes).expect("a JSON output");
        assert_eq!(document["schema_version"], "1.0");
    }
    assert!(
        stderr.contains("error: corpus/a/b/broken.txt: invalid byte sequence"),
        "{stderr}"
    );
    assert!(
        stderr.contains("4 files: 3 converted, 1 failed"),
        "{stderr}"
    );
}

#[test]
fn outputs_of_a_glob_mirror_the_path_below_its_literal_part() {
    let dir = tempfile::tempdir().expect("tempdir");
    nested_corpus(dir.path());
    let out = jianghua(
        dir.path(),
        &["convert", "corpus/*/0*.txt", "--out-dir", "out"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(tree(&dir.path().join("out")), ["a/000.json", "c/002.json"]);
}

#[test]
fn an_output_that_would_overwrite_an_input_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(&dir.path().join("corpus/x.txt"), &seed("000_"));
    let first = jianghua(
        dir.path(),
        &["convert", "corpus/x.txt", "-o", "corpus/x.json"],
    );
    assert_eq!(first.status.code(), Some(0));
    std::fs::remove_file(dir.path().join("corpus/x.txt")).expect("removed");
    let document = std::fs::read(dir.path().join("corpus/x.json")).expect("written");

    // corpus/x.json is a document of its own now, and would be its own output.
    let out = jianghua(dir.path(), &["convert", "corpus", "--out-dir", "corpus"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("refusing to overwrite the input corpus/x.json"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(dir.path().join("corpus/x.json")).expect("kept"),
        document
    );
}

#[test]
fn a_second_run_into_the_input_folder_overwrites_its_own_outputs() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(&dir.path().join("corpus/x.txt"), &seed("000_"));
    write(&dir.path().join("corpus/a/y.txt"), &seed("001_"));
    let args = [
        "convert",
        "corpus",
        "--out-dir",
        "corpus",
        "--format",
        "json,xml,akn",
    ];
    let first = jianghua(dir.path(), &args);
    assert_eq!(first.status.code(), Some(0), "{first:?}");
    let outputs = tree(&dir.path().join("corpus"));
    assert_eq!(
        outputs,
        [
            "a/y.akn.xml",
            "a/y.json",
            "a/y.txt",
            "a/y.xml",
            "x.akn.xml",
            "x.json",
            "x.txt",
            "x.xml"
        ]
    );
    let before = std::fs::read(dir.path().join("corpus/x.json")).expect("written");
    let second = jianghua(dir.path(), &args);
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert_eq!(second.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("2 converted"), "{stderr}");
    assert_eq!(tree(&dir.path().join("corpus")), outputs);
    assert_eq!(
        std::fs::read(dir.path().join("corpus/x.json")).expect("kept"),
        before
    );
}

#[test]
fn include_and_exclude_globs_choose_the_walked_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    nested_corpus(dir.path());
    let out = jianghua(
        dir.path(),
        &[
            "convert",
            "corpus",
            "--out-dir",
            "out",
            "--include",
            "a/**",
            "--exclude",
            "broken.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        tree(&dir.path().join("out")),
        ["a/000.json", "a/b/001.json"]
    );
    let bad = jianghua(
        dir.path(),
        &["convert", "corpus", "--jsonl", "--include", "a/[b"],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("a/[b: invalid glob pattern"));
}

#[test]
fn a_closed_stdout_ends_the_run_quietly_with_141() {
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..40 {
        write(
            &dir.path().join(format!("corpus/{i:03}.txt")),
            &seed("000_"),
        );
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_jianghua"))
        .args(["convert", "corpus", "--jsonl", "--jobs", "2"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // Read one line, then close the pipe, as `| head -1` does.
    {
        use std::io::BufRead;
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        std::io::BufReader::new(stdout)
            .read_line(&mut line)
            .expect("a line");
        assert!(line.starts_with("{\"path\""), "{line}");
    }
    let out = child.wait_with_output().expect("the binary ends");
    assert_eq!(out.status.code(), Some(141));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn two_inputs_with_one_output_are_not_both_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(&dir.path().join("corpus/x.txt"), &seed("000_"));
    write(&dir.path().join("corpus/x.text"), &seed("001_"));
    let out = jianghua(dir.path(), &["convert", "corpus", "--out-dir", "out"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("corpus/x.txt: out/x.json is already the output of corpus/x.text"),
        "{stderr}"
    );
}

#[test]
fn json_lines_hold_one_document_per_converted_input_in_input_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    nested_corpus(dir.path());
    let out = jianghua(dir.path(), &["convert", "corpus", "--jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<Value> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect();
    let paths: Vec<&str> = lines.iter().filter_map(|l| l["path"].as_str()).collect();
    assert_eq!(
        paths,
        ["corpus/a/000.txt", "corpus/a/b/001.txt", "corpus/c/002.txt"]
    );
    assert!(lines
        .iter()
        .all(|l| l["document"]["schema_version"] == "1.0"));
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_stopped_run_leaves_only_whole_outputs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let seeds =
        read_seeds(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")]).expect("seeds read");
    let options = CorpusOptions {
        files: 1500,
        gb18030_every: 0,
        ..CorpusOptions::default()
    };
    make_corpus(&seeds, &dir.path().join("corpus"), &options).expect("corpus made");

    for signal in ["-TERM", "-KILL"] {
        let out_dir = dir.path().join(format!("out{signal}"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_jianghua"))
            .args(["convert", "corpus", "--jobs", "1", "--out-dir"])
            .arg(&out_dir)
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the binary runs");
        // Stop it once it has written something.
        let started = Instant::now();
        while tree(&out_dir).is_empty() && started.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(2));
        }
        let killed = Command::new("kill")
            .arg(signal)
            .arg(child.id().to_string())
            .status()
            .expect("kill runs");
        assert!(killed.success());
        let status = child.wait().expect("the run ends");
        if signal == "-TERM" {
            // An orderly stop: inputs in flight finish, nothing new starts, exit 1.
            assert_eq!(status.code(), Some(1));
        }
        let written = tree(&out_dir);
        assert!(!written.is_empty());
        for file in &written {
            let name = Path::new(file)
                .file_name()
                .expect("a name")
                .to_string_lossy();
            if signal == "-TERM" {
                assert!(!name.ends_with(".tmp"), "temporary left behind: {file}");
            }
            if name.starts_with('.') {
                // Only a killed process can leave its hidden temporary behind.
                assert!(name.ends_with(".tmp"), "{file}");
                continue;
            }
            let bytes = std::fs::read(out_dir.join(file)).expect("read");
            serde_json::from_slice::<Value>(&bytes)
                .unwrap_or_else(|e| panic!("{file} is a partial output: {e}"));
        }
    }
}

#[test]
fn every_format_asked_for_is_written_and_xml_reads_back_to_the_same_document() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(&dir.path().join("corpus/a/000.txt"), &seed("000_"));
    write(&dir.path().join("corpus/002.txt"), &seed("002_"));
    let out = jianghua(
        dir.path(),
        &[
            "convert",
            "corpus",
            "--out-dir",
            "out",
            "--format",
            "json,xml,akn",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        tree(&dir.path().join("out")),
        [
            "002.akn.xml",
            "002.json",
            "002.xml",
            "a/000.akn.xml",
            "a/000.json",
            "a/000.xml"
        ]
    );
    // The XML outputs, converted as inputs, give the JSON outputs again.
    let back = jianghua(dir.path(), &["convert", "out/a/000.xml"]);
    assert_eq!(
        back.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&back.stderr)
    );
    let json = std::fs::read(dir.path().join("out/a/000.json")).expect("read");
    assert_eq!(back.stdout, json);
}

#[test]
fn a_bad_document_in_a_batch_is_located_and_the_run_exits_1() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(&dir.path().join("corpus/000.txt"), &seed("000_"));
    write(
        &dir.path().join("corpus/bad.json"),
        b"{\n  \"schema_version\": \"1.0\",\n  \"meta\": 3\n}",
    );
    write(
        &dir.path().join("corpus/x/bad.xml"),
        b"<speech xmlns=\"https://jianghua.dev/ns/speech/1\" schema_version=\"1.0\">\n  <p/>\n</speech>",
    );
    let out = jianghua(dir.path(), &["convert", "corpus", "--out-dir", "out"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error: corpus/bad.json:3:11: not a valid JSON document: invalid type"),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: corpus/x/bad.xml:2:3: unexpected element <p> in <speech>"),
        "{stderr}"
    );
    assert_eq!(tree(&dir.path().join("out")), ["000.json"]);

    let out = jianghua(
        dir.path(),
        &[
            "convert",
            "corpus",
            "--out-dir",
            "out",
            "--message-format",
            "json",
        ],
    );
    let failure: Value = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .find(|line| line["file"] == "corpus/bad.json")
        .expect("a JSON line for bad.json");
    assert_eq!(
        (failure["line"].as_u64(), failure["column"].as_u64()),
        (Some(3), Some(11))
    );
    assert_eq!(failure["code"], "file-failed");
}
