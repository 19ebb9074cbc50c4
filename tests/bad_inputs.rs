//! Inputs that are wrong, odd or huge, through the command line: each has one exact outcome, an
//! exit code and a message, and none makes the tool panic, hang, or take time or memory out of
//! proportion. Large inputs are made in a temporary directory when the test runs.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use encoding_rs::GB18030;
use serde_json::Value;

/// The limit of `validate`, `parse` and `convert` on one input.
const LIMIT: usize = 256 * 1024 * 1024;

fn jianghua(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jianghua"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("the binary runs: {e}"))
}

/// Runs with `feed` writing stdin from another thread; what it could not write is dropped.
fn jianghua_fed(args: &[&str], feed: impl FnOnce(&mut dyn Write) + Send + 'static) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_jianghua"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("the binary runs: {e}"));
    let mut stdin = child.stdin.take().unwrap_or_else(|| panic!("a stdin pipe"));
    let writer = std::thread::spawn(move || feed(&mut stdin));
    let output = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("the binary ends: {e}"));
    let _ = writer.join();
    output
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts the exit code and the whole of stderr.
fn assert_fails(out: &Output, code: i32, message: &str) {
    assert_eq!(out.status.code(), Some(code), "stderr: {}", stderr(out));
    assert_eq!(stderr(out), message);
}

struct Dir(tempfile::TempDir);

impl Dir {
    fn new() -> Self {
        Dir(tempfile::tempdir().unwrap_or_else(|e| panic!("a temporary directory: {e}")))
    }

    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.0.path().join(name);
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        path.display().to_string()
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }
}

fn seed_text(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const SEED: &str = "000_3f4916e24b487887.txt";

/// The JSON document `jianghua parse` writes for `file`, which must parse.
fn parsed(file: &str) -> Value {
    parsed_with(file, &[])
}

/// The JSON document `jianghua parse FILE ARGS…` writes, which must parse.
fn parsed_with(file: &str, args: &[&str]) -> Value {
    let out = jianghua(&[&["parse", file], args].concat());
    assert_eq!(out.status.code(), Some(0), "{file}: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn len(document: &Value, key: &str) -> usize {
    document[key].as_array().map_or(0, Vec::len)
}

/// The document of a text without a body: nothing but the warning that it has no sections.
fn assert_empty_document(document: &Value) {
    for key in [
        "front_matter",
        "preamble",
        "sections",
        "closing",
        "appendix",
        "boilerplate",
    ] {
        assert_eq!(len(document, key), 0, "{key}: {document}");
    }
    assert_eq!(document["salutation"], Value::Null);
    assert_eq!(document["meta"]["encoding"], "utf8");
    assert_eq!(document["diagnostics"][0]["code"], "no_sections");
    assert_eq!(len(document, "diagnostics"), 1);
}

// --- Texts: `jianghua parse`. --------------------------------------------------------------

const EMPTY: &str = "empty-input: the input is empty; --allow-empty reads it as an empty document";

#[test]
fn an_empty_file_is_refused_unless_allowed() {
    let dir = Dir::new();
    let file = dir.file("empty.txt", b"");
    for command in ["parse", "convert"] {
        assert_fails(
            &jianghua(&[command, &file]),
            2,
            &format!("error: {file}: {EMPTY}\n"),
        );
    }
    assert_empty_document(&parsed_with(&file, &["--allow-empty"]));
}

#[test]
fn whitespace_only_is_refused_unless_allowed() {
    let dir = Dir::new();
    let file = dir.file("blank.txt", " \n\t\r\n\u{3000}\u{a0}\n\n".as_bytes());
    assert_fails(
        &jianghua(&["parse", &file]),
        2,
        &format!("error: {file}: {EMPTY}\n"),
    );
    assert_empty_document(&parsed_with(&file, &["--allow-empty"]));
}

#[test]
fn empty_stdin_is_refused_unless_allowed() {
    let out = jianghua_fed(&["parse", "-"], |_| {});
    assert_fails(&out, 2, &format!("error: -: {EMPTY}\n"));
    assert!(out.stdout.is_empty());
    let out = jianghua_fed(&["convert", "-"], |_| {});
    assert_fails(&out, 2, &format!("error: -: {EMPTY}\n"));
    let out = jianghua_fed(&["parse", "-", "--allow-empty"], |_| {});
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_terminal_on_stdin_prints_the_usage_instead_of_waiting() {
    // `script` gives the command a terminal; without it there is nothing to test here.
    let binary = env!("CARGO_BIN_EXE_jianghua");
    let out = Command::new("script")
        .args(["-qec", &format!("{binary} parse"), "/dev/null"])
        .stdin(Stdio::null())
        .output();
    let Ok(out) = out else {
        eprintln!("no `script` here: skipped");
        return;
    };
    if !stdout(&out).contains("no input") && stdout(&out).contains("script:") {
        eprintln!("`script` cannot open a terminal here: skipped");
        return;
    }
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        stdout(&out).contains("no input: stdin is a terminal"),
        "{out:?}"
    );
    assert!(
        stdout(&out).contains("Usage: jianghua parse FILE"),
        "{out:?}"
    );
}

#[test]
fn binary_files_are_refused_with_the_offset_that_gives_them_away() {
    let dir = Dir::new();
    let png = dir.file("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0");
    assert_fails(
        &jianghua(&["parse", &png]),
        2,
        &format!(
            "error: {png}: binary input: a NUL byte at byte offset 8; expected a plain text file\n"
        ),
    );
    // Random bytes: 0xFF is neither UTF-8 nor a GB18030 lead byte, so this stops at the first.
    let mut rng = fastrand::Rng::with_seed(11);
    let mut garbage: Vec<u8> = (0..4096).map(|_| rng.u8(..0xFF)).collect();
    garbage[100] = 0xFF;
    let file = dir.file("garbage.bin", &garbage);
    let out = jianghua(&["parse", &file]);
    assert_eq!(out.status.code(), Some(2));
    let message = stderr(&out);
    assert!(
        message.starts_with(&format!("error: {file}: ")),
        "{message}"
    );
    assert!(
        message.contains("binary input")
            || message.contains("invalid byte sequence at byte offset"),
        "{message}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn a_bad_byte_in_utf8_text_is_named_by_its_offset() {
    let dir = Dir::new();
    let text = seed_text(SEED);
    let at = text.find('。').unwrap_or_else(|| panic!("a sentence end"));
    let bytes = [&text.as_bytes()[..at], b"\xFF", &text.as_bytes()[at..]].concat();
    let file = dir.file("broken.txt", &bytes);
    assert_fails(
        &jianghua(&["parse", &file]),
        2,
        &format!("error: {file}: invalid UTF-8 at byte offset {at}: the text before it is UTF-8; --lossy reads it anyway\n"),
    );
    // A lone continuation byte, which GB18030 would have read as €.
    let bytes = [&text.as_bytes()[..at], b"\x80", &text.as_bytes()[at..]].concat();
    let file = dir.file("continuation.txt", &bytes);
    assert_fails(
        &jianghua(&["parse", &file]),
        2,
        &format!("error: {file}: invalid UTF-8 at byte offset {at}: the text before it is UTF-8; --lossy reads it anyway\n"),
    );
    // Read anyway: the byte becomes U+FFFD, and a warning says where it was.
    let document = parsed_with(&file, &["--lossy"]);
    assert_eq!(document["meta"]["encoding"], "lossy");
    let warning = &document["diagnostics"]
        .as_array()
        .and_then(|all| all.iter().find(|d| d["code"] == "undecodable_bytes"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        warning["message"],
        format!("1 undecodable byte at byte offset {at} replaced by U+FFFD (read as UTF-8)")
    );
    assert_eq!(warning["severity"], "warning");
}

#[test]
fn a_truncated_gb18030_file_is_refused_or_read_with_lossy() {
    let dir = Dir::new();
    let text = seed_text(SEED);
    let bytes = GB18030.encode(&text).0.into_owned();
    // Cut in the middle of the last two-byte character, as an interrupted download is.
    let end = text.trim_end_matches(|c: char| c.is_ascii()).len();
    let cut = GB18030.encode(&text[..end]).0.len() - 1;
    let file = dir.file("truncated.txt", &bytes[..cut]);
    assert_fails(
        &jianghua(&["parse", &file]),
        2,
        &format!("error: {file}: invalid byte sequence at byte offset {}: expected UTF-8, UTF-16 or GB18030; --encoding NAME names another, --lossy reads it anyway\n", cut - 1),
    );
    let out = jianghua(&["parse", &file, "--lossy"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let document: Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(document["meta"]["encoding"], "lossy");
    let lossy = |d: &&Value| d["code"] == "undecodable_bytes";
    let warnings: Vec<&Value> = document["diagnostics"]
        .as_array()
        .map(|all| all.iter().filter(lossy).collect())
        .unwrap_or_default();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(
        warnings[0]["message"],
        format!(
            "1 undecodable byte at byte offset {} replaced by U+FFFD (read as gb18030)",
            cut - 1
        )
    );
    let decoded: String = text[..end].chars().take(20).collect();
    assert!(document["title"].is_null() || stdout(&out).contains(&decoded));
    // Named, the encoding is not guessed: the same byte fails in GBK.
    assert_fails(
        &jianghua(&["parse", &file, "--encoding", "gbk"]),
        2,
        &format!(
            "error: {file}: invalid GBK at byte offset {} (--encoding); --lossy reads it anyway\n",
            cut - 1
        ),
    );
    let out = jianghua(&["parse", &file, "--encoding", "no-such-encoding"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown encoding `no-such-encoding`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn gb18030_and_utf16_files_parse_as_their_utf8_twin() {
    let dir = Dir::new();
    let text = seed_text(SEED);
    let utf16 = |bom: [u8; 2], unit: fn(u16) -> [u8; 2]| -> Vec<u8> {
        bom.into_iter()
            .chain(text.encode_utf16().flat_map(unit))
            .collect()
    };
    let mut twin = parsed(&dir.file("utf8.txt", text.as_bytes()));
    for (name, bytes, encoding) in [
        (
            "gb18030.txt",
            GB18030.encode(&text).0.into_owned(),
            "gb18030",
        ),
        (
            "utf16le.txt",
            utf16([0xFF, 0xFE], u16::to_le_bytes),
            "utf16le",
        ),
        (
            "utf16be.txt",
            utf16([0xFE, 0xFF], u16::to_be_bytes),
            "utf16be",
        ),
        (
            "utf16le-no-bom.txt",
            utf16([0xFF, 0xFE], u16::to_le_bytes)[2..].to_vec(),
            "utf16le-no-bom",
        ),
        (
            "utf16be-no-bom.txt",
            utf16([0xFE, 0xFF], u16::to_be_bytes)[2..].to_vec(),
            "utf16be-no-bom",
        ),
    ] {
        let document = parsed(&dir.file(name, &bytes));
        twin["meta"]["encoding"] = encoding.into();
        // The digest is of the bytes read, which differ from the twin's.
        assert_eq!(document["meta"]["input_digest"]["size"], bytes.len());
        twin["meta"]["input_digest"] = document["meta"]["input_digest"].clone();
        assert_eq!(document, twin, "{name}");
    }
}

/// Seeds one after the other until the text reaches `size` bytes.
fn seeds_to(size: usize) -> String {
    let seeds: String = common::corpus()
        .iter()
        .filter(|path| path.starts_with("seeds"))
        .map(|path| std::fs::read_to_string(path).unwrap_or_default() + "\n")
        .collect();
    assert!(!seeds.is_empty(), "no seeds");
    seeds.repeat(size / seeds.len() + 1)
}

#[test]
fn a_50_mb_text_parses() {
    let dir = Dir::new();
    let text = seeds_to(50 * 1000 * 1000);
    let file = dir.file("huge.txt", text.as_bytes());
    let out = jianghua(&["parse", &file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json = stdout(&out);
    // The last of the text lies in the document: nothing was dropped at the end.
    let last = text.trim_end().chars().count();
    assert!(
        json.contains(&format!("\"end\": {last}\n")),
        "no span ends at {last}"
    );
    let document: Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(document["meta"]["encoding"], "utf8");
    assert!(len(&document, "sections") >= 2, "sections");
}

#[test]
fn a_5_mb_line_is_one_paragraph() {
    let dir = Dir::new();
    let line = "各级人大要坚持党的领导，依法履职，加强监督，推动高质量发展。".repeat(80_000);
    let file = dir.file("line.txt", line.as_bytes());
    let document = parsed(&file);
    assert_eq!(len(&document, "preamble"), 1);
    assert_eq!(
        document["preamble"][0]["text"].as_str(),
        Some(line.as_str())
    );
    assert_eq!(len(&document, "sections"), 0);
}

/// 一 … 九十九, the numbers section markers are written with.
fn han(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match (n / 10, n % 10) {
        (0, u) => DIGITS[u].to_owned(),
        (1, u) => format!("十{}", DIGITS[u]),
        (t, u) => format!("{}十{}", DIGITS[t], DIGITS[u]),
    }
}

#[test]
fn a_hundred_thousand_section_markers_parse() {
    let dir = Dir::new();
    let text: String = (0..100_000)
        .map(|i| format!("{}、加强监督。\n", han(i % 99 + 1)))
        .collect();
    let document = parsed(&dir.file("markers.txt", text.as_bytes()));
    // 一、 … 九十九、 count up once; the later runs restart and stay in the last part.
    let sections = document["sections"].as_array().cloned().unwrap_or_default();
    assert_eq!(sections.len(), 99);
    assert_eq!(sections[98]["marker"], "九十九、");
    assert_eq!(len(&sections[98], "paragraphs"), 100_000 - 98);
}

#[test]
fn a_hundred_thousand_directive_markers_parse() {
    let dir = Dir::new();
    let paragraph: String = (1..=9)
        .map(|i| format!("{0}是加强第{0}项监督工作；", han(i)))
        .collect::<String>()
        + "\n";
    let half = paragraph.repeat(5556);
    let text = format!("同志们：\n一、坚持党的领导\n{half}二、依法履职\n{half}");
    let document = parsed(&dir.file("directives.txt", text.as_bytes()));
    let sections = document["sections"].as_array().cloned().unwrap_or_default();
    assert_eq!(sections.len(), 2);
    for section in &sections {
        // Each paragraph counts 一是 … 九是 again: the first run is the section's points.
        assert_eq!(len(section, "directives"), 9);
        // The heading line, then the 5,556 paragraphs of points.
        assert_eq!(len(section, "paragraphs"), 5557);
    }
}

#[test]
fn a_missing_file_and_a_directory_are_refused() {
    let dir = Dir::new();
    let missing = dir.path("missing.txt").display().to_string();
    assert_fails(
        &jianghua(&["parse", &missing]),
        2,
        &format!("error: {missing}: No such file or directory (os error 2)\n"),
    );
    let folder = dir.0.path().display().to_string();
    assert_fails(
        &jianghua(&["parse", &folder]),
        2,
        &format!("error: {folder}: Is a directory (os error 21)\n"),
    );
}

/// A file of `size` bytes that starts with `head` and takes no disk space past it.
fn sparse(dir: &Dir, name: &str, head: &[u8], size: u64) -> String {
    let path = dir.file(name, head);
    let file = std::fs::OpenOptions::new().write(true).open(&path);
    file.and_then(|f| f.set_len(size))
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    path
}

#[test]
fn a_text_over_the_limit_is_refused_before_it_is_read() {
    let dir = Dir::new();
    let file = sparse(&dir, "huge.txt", "同志们：".as_bytes(), 1 << 30);
    assert_fails(
        &jianghua(&["parse", &file]),
        2,
        &format!("error: {file}: the file is 1073741824 bytes, more than the {LIMIT} bytes an input may have\n"),
    );
}

// --- Documents: `jianghua validate` and `convert`. ------------------------------------------

/// Asserts the one-line report of a document that could not be read, and its summary.
fn assert_unreadable(out: &Output, line: &str) {
    assert_eq!(out.status.code(), Some(2), "{}", stderr(out));
    assert_eq!(stdout(out), format!("{line}\n"));
    assert_eq!(
        stderr(out),
        "1 document: 0 valid, 0 invalid, 1 unreadable (0 errors, 0 warnings)\n"
    );
}

#[test]
fn empty_blank_binary_missing_and_folder_documents_are_unreadable() {
    let dir = Dir::new();
    let empty = dir.file("empty.json", b"");
    assert_unreadable(
        &jianghua(&["validate", &empty]),
        &format!("{empty}:1:1: error[json-syntax]: malformed JSON: EOF while parsing a value"),
    );
    let blank = dir.file("blank.json", b"  \n\n");
    assert_unreadable(
        &jianghua(&["validate", &blank]),
        &format!("{blank}:3:1: error[json-syntax]: malformed JSON: EOF while parsing a value"),
    );
    let binary = dir.file("binary.json", b"\x89PNG\r\n\x1a\n\0\0");
    assert_unreadable(
        &jianghua(&["validate", &binary]),
        &format!(
            "{binary}:1:1: error[not-utf8]: invalid UTF-8 at byte 0: JSON documents must be UTF-8"
        ),
    );
    // A path that names nothing is refused before any document is read, as by `convert`.
    let missing = dir.path("missing.json").display().to_string();
    let out = jianghua(&["validate", &missing]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
    assert_eq!(
        stderr(&out),
        format!("error: {missing}: no such file or folder\n")
    );
    // A folder is walked for its documents, each reported in its place.
    let folder = dir.0.path().display().to_string();
    let out = jianghua(&["validate", &folder]);
    assert_eq!(out.status.code(), Some(2));
    let report = stdout(&out);
    let reported: Vec<&str> = report
        .lines()
        .map(|l| l.split(':').next().unwrap_or_default())
        .collect();
    assert_eq!(reported, [binary.as_str(), blank.as_str(), empty.as_str()]);
    assert_eq!(
        stderr(&out),
        "3 documents: 0 valid, 0 invalid, 3 unreadable (0 errors, 0 warnings)\n"
    );
}

#[test]
fn json_nested_100_000_deep_is_refused_at_the_recursion_limit() {
    let dir = Dir::new();
    let depth = 100_000;
    let arrays = dir.file(
        "arrays.json",
        ("[".repeat(depth) + &"]".repeat(depth)).as_bytes(),
    );
    assert_unreadable(
        &jianghua(&["validate", &arrays]),
        &format!("{arrays}:1:128: error[json-syntax]: malformed JSON: recursion limit exceeded"),
    );
    let objects = r#"{"sections":"#.repeat(depth) + "1" + &"}".repeat(depth);
    let objects = dir.file("objects.json", objects.as_bytes());
    // The 128th object opens after 127 times `{"sections":`.
    assert_unreadable(
        &jianghua(&["validate", &objects]),
        &format!("{objects}:1:1525: error[json-syntax]: malformed JSON: recursion limit exceeded"),
    );
    let out = jianghua(&["convert", &objects]);
    assert_eq!(out.status.code(), Some(2));
    let message = stderr(&out);
    assert!(
        message.starts_with(&format!("error: {objects}:1:")),
        "{message}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn a_10_mb_json_number_is_out_of_range() {
    let dir = Dir::new();
    let digits = 10_000_000;
    let number = format!("{{\"schema_version\": {}}}", "9".repeat(digits));
    let file = dir.file("number.json", number.as_bytes());
    assert_unreadable(
        &jianghua(&["validate", &file]),
        &format!(
            "{file}:1:{}: error[json-syntax]: malformed JSON: number out of range",
            digits + 19
        ),
    );
}

/// A 1 GiB JSON number: too large to read, refused by its size alone, before reading. As a file
/// it is sparse (no disk used); on stdin it is streamed and reading stops at the limit.
#[test]
fn a_1_gib_json_number_is_too_large() {
    let dir = Dir::new();
    let gib: u64 = 1 << 30;
    let file = sparse(&dir, "number.json", &[b'1'; 4096], gib);
    assert_unreadable(
        &jianghua(&["validate", &file]),
        &format!("{file}: error[too-large]: the file is {gib} bytes, more than the {LIMIT} bytes an input may have"),
    );
    let out = jianghua_fed(&["validate", "-"], move |stdin| {
        let chunk = [b'1'; 1 << 16];
        // Stops with a broken pipe once the validator has read past the limit and exited.
        for _ in 0..gib / chunk.len() as u64 {
            if stdin.write_all(&chunk).is_err() {
                break;
            }
        }
    });
    assert_unreadable(
        &out,
        &format!(
            "<stdin>: error[too-large]: the input is more than the {LIMIT} bytes an input may have"
        ),
    );
}

#[test]
fn an_xml_bomb_is_refused() {
    let dir = Dir::new();
    let mut bomb =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
    let mut previous = "lol".to_owned();
    for i in 1..=9 {
        let name = format!("lol{i}");
        bomb += &format!(
            "<!ENTITY {name} \"{}\">\n",
            format!("&{previous};").repeat(10)
        );
        previous = name;
    }
    bomb += "]>\n<speech xmlns=\"https://jianghua.dev/ns/speech/1\" schema_version=\"1.0\">&lol9;</speech>\n";
    let file = dir.file("bomb.xml", bomb.as_bytes());
    let refused = "document type declarations (<!DOCTYPE …>) are refused: they can declare entities and reference external files";
    assert_unreadable(
        &jianghua(&["validate", &file]),
        &format!("{file}:2:1: error[xml-syntax]: {refused}"),
    );
    assert_fails(
        &jianghua(&["convert", &file]),
        2,
        &format!("error: {file}:2:1: {refused}\n"),
    );
}

#[test]
fn xml_nested_100_000_deep_is_refused_at_once() {
    let dir = Dir::new();
    let depth = 100_000;
    let xml = format!(
        "<speech xmlns=\"https://jianghua.dev/ns/speech/1\" schema_version=\"1.0\">{}{}</speech>",
        "<x>".repeat(depth),
        "</x>".repeat(depth)
    );
    let file = dir.file("deep.xml", xml.as_bytes());
    let out = jianghua(&["validate", &file]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with(&format!("{file}:1:71: error[xml-")),
        "{}",
        stdout(&out)
    );
}

#[test]
fn an_xml_document_over_its_limit_is_too_large() {
    let dir = Dir::new();
    let size = 65 * 1024 * 1024;
    let file = sparse(&dir, "huge.xml", b"<speech>", size);
    let limit = jianghua::xml::MAX_INPUT_BYTES;
    assert_unreadable(
        &jianghua(&["validate", &file]),
        &format!("{file}:1:1: error[too-large]: the document is {size} bytes, more than the {limit} bytes accepted"),
    );
}
