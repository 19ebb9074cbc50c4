//! Validation of documents: each invalid document under `tests/data/invalid/` reports exactly
//! its breach, at the right place; the reports and the command's exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use jianghua::text::SourceText;
use jianghua::validate::{self, Position, Problem, SemanticRule, Severity};

const VALID: &str = "tests/data/valid/speech.json";
const SOURCE: &str = "tests/data/valid/speech.txt";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(relative: &str) -> Vec<u8> {
    let path = root().join(relative);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn source() -> SourceText {
    SourceText::new(String::from_utf8(read(SOURCE)).expect("the source is UTF-8"))
}

/// What a test expects of one problem.
#[derive(Debug, PartialEq, Eq)]
struct Expected {
    code: String,
    severity: Severity,
    pointer: String,
    /// Line and column of the pointer's value in the document.
    at: (usize, usize),
    /// Line and column in the source text, for problems tied to it.
    in_source: Option<(usize, usize)>,
}

fn expect(severity: Severity, code: &str, pointer: &str, at: (usize, usize)) -> Expected {
    let (code, pointer) = (code.to_owned(), pointer.to_owned());
    Expected {
        code,
        severity,
        pointer,
        at,
        in_source: None,
    }
}

fn error(code: &str, pointer: &str, at: (usize, usize)) -> Expected {
    expect(Severity::Error, code, pointer, at)
}

fn warning(code: &str, pointer: &str, at: (usize, usize)) -> Expected {
    expect(Severity::Warning, code, pointer, at)
}

fn in_source(expected: Expected, line: usize, column: usize) -> Expected {
    Expected {
        in_source: Some((line, column)),
        ..expected
    }
}

fn observed(problem: &Problem) -> Expected {
    let position = problem.position.unwrap_or(Position::new(0, 0));
    Expected {
        code: problem.rule.code().to_owned(),
        severity: problem.severity,
        pointer: problem.pointer.clone(),
        at: (position.line, position.column),
        in_source: problem.source.map(|s| (s.position.line, s.position.column)),
    }
}

/// Every invalid document, with every problem it must report (with the source text given).
fn expectations() -> Vec<(&'static str, Vec<Expected>)> {
    vec![
        ("wrong-enum", vec![error("oneOf", "/meta/level", (22, 14))]),
        (
            "missing-field",
            vec![error("required", "/sections/0", (79, 5))],
        ),
        (
            "unknown-field",
            vec![error("additionalProperties", "/meta/language", (28, 17))],
        ),
        (
            "wrong-type",
            vec![error("type", "/sections/1/ordinal", (176, 18))],
        ),
        (
            "negative-span",
            vec![error("minimum", "/front_matter/0/span/start", (34, 18))],
        ),
        (
            "schema-version",
            vec![warning("schema-version", "/schema_version", (2, 21))],
        ),
        (
            "schema-major",
            vec![error("schema-major", "/schema_version", (2, 21))],
        ),
        (
            "newer-minor-field",
            vec![
                warning("schema-version", "/schema_version", (2, 21)),
                error("additionalProperties", "/meta/language", (28, 17)),
            ],
        ),
        (
            "ordinal-order",
            vec![error("ordinal-order", "/sections/1/ordinal", (176, 18))],
        ),
        (
            "span-reversed",
            vec![
                error("span-reversed", "/closing/0/span", (241, 15)),
                // The closing line is then covered by no well-formed span.
                in_source(error("source-uncovered", "", (1, 1)), 13, 1),
            ],
        ),
        (
            "span-order",
            vec![error("span-order", "/front_matter/2/span", (49, 15))],
        ),
        (
            "span-nesting",
            vec![error(
                "span-nesting",
                "/sections/0/subsections/0/span",
                (164, 19),
            )],
        ),
        (
            "doctrine-count",
            vec![error("doctrine-count", "/doctrines/0/count", (269, 16))],
        ),
        (
            "announced-sections",
            vec![warning(
                "announced-sections",
                "/meta/announced_sections",
                (24, 27),
            )],
        ),
        ("not-a-speech", vec![error("not-a-speech", "", (1, 1))]),
        (
            "theme-weights",
            vec![warning("theme-weights", "/themes", (305, 13))],
        ),
        (
            "span-bounds",
            vec![error("span-bounds", "/boilerplate/1/span", (331, 15))],
        ),
        (
            "text-mismatch",
            vec![in_source(
                error("text-mismatch", "/closing/0/text", (240, 15)),
                13,
                1,
            )],
        ),
        (
            "heading-mismatch",
            vec![in_source(
                warning("heading-mismatch", "/sections/1/heading", (178, 18)),
                11,
                3,
            )],
        ),
        (
            "source-uncovered",
            vec![in_source(error("source-uncovered", "", (1, 1)), 14, 1)],
        ),
        (
            "source-mismatch",
            vec![error("source-mismatch", "/meta/input_digest", (28, 21))],
        ),
    ]
}

#[test]
fn the_valid_document_passes_with_and_without_its_source() {
    let document = read(VALID);
    let report = validate::validate_json(&document, None).expect("well-formed JSON");
    assert_eq!(report.problems, vec![]);
    let report = validate::validate_json(&document, Some(&source())).expect("well-formed JSON");
    assert_eq!(report.problems, vec![]);
}

#[test]
fn each_invalid_document_reports_exactly_its_breach_and_where() {
    let source = validate::SourceFile::read(&read(SOURCE)).expect("the source decodes");
    for (name, expected) in expectations() {
        let document = read(&format!("tests/data/invalid/{name}.json"));
        let report = validate::validate_json_against(&document, &source)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let observed: Vec<Expected> = report.problems.iter().map(observed).collect();
        assert_eq!(observed, expected, "{name}: {:#?}", report.problems);
    }
}

#[test]
fn documents_breaking_only_source_rules_pass_without_the_source() {
    for (name, expected) in expectations() {
        let needs_source = |code: &str| {
            SemanticRule::ALL
                .iter()
                .any(|r| r.code() == code && r.needs_source())
        };
        if expected.iter().all(|e| needs_source(&e.code)) {
            let document = read(&format!("tests/data/invalid/{name}.json"));
            let report = validate::validate_json(&document, None).expect("well-formed JSON");
            assert_eq!(report.problems, vec![], "{name}");
        }
    }
}

#[test]
fn every_semantic_rule_has_an_invalid_document_named_after_it() {
    let names: Vec<&str> = expectations().iter().map(|(name, _)| *name).collect();
    for rule in SemanticRule::ALL {
        assert!(
            names.contains(&rule.code()),
            "no tests/data/invalid/{}.json",
            rule.code()
        );
        let path = root().join(format!("tests/data/invalid/{}.json", rule.code()));
        assert!(path.is_file(), "{} is missing", path.display());
    }
}

#[test]
fn the_parser_output_of_every_seed_is_valid_against_its_seed() {
    let seeds = std::fs::read_dir(root().join("seeds")).expect("the seeds folder");
    for seed in seeds.filter_map(Result::ok).map(|e| e.path()) {
        let bytes = std::fs::read(&seed).expect("a readable seed");
        let speech = jianghua::parse_bytes(&bytes, &Default::default()).expect("a decodable seed");
        let text = jianghua::parse::decode::decode(&bytes)
            .expect("a decodable seed")
            .text;
        let document = serde_json::to_value(&speech).expect("a serializable speech");
        let report = validate::validate_document(
            &document,
            &validate::NoLocator,
            Some(&SourceText::new(text)),
        );
        let errors: Vec<_> = report
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", seed.display());
    }
}

// ---------------------------------------------------------------------------------------------
// The command.

fn jianghua(args: &[&str], stdin: Option<&[u8]>) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_jianghua"))
        .args(args)
        .current_dir(root())
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the jianghua binary runs");
    if let Some(mut pipe) = child.stdin.take() {
        pipe.write_all(stdin.unwrap_or_default())
            .expect("stdin is writable");
    }
    child
        .wait_with_output()
        .expect("the jianghua binary finishes")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Every invalid document, in name order, as relative paths.
fn invalid_documents() -> Vec<String> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(root().join("tests/data/invalid"))
        .expect("the invalid documents")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    names
        .iter()
        .filter_map(|p| p.file_name())
        .map(|n| format!("tests/data/invalid/{}", n.to_string_lossy()))
        .collect()
}

#[test]
fn valid_documents_exit_0_even_with_warnings() {
    let output = jianghua(&["validate", VALID, "--source", SOURCE], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    assert_eq!(
        stderr(&output),
        "1 document: 1 valid, 0 invalid (0 errors, 0 warnings)\n"
    );

    let warned = "tests/data/invalid/announced-sections.json";
    let output = jianghua(&["validate", warned], None);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).starts_with(&format!(
        "{warned}:24:27: warning[announced-sections] /meta/announced_sections: "
    )));
}

#[test]
fn an_invalid_document_exits_1_with_one_line_a_problem() {
    let output = jianghua(
        &["validate", VALID, "tests/data/invalid/doctrine-count.json"],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "tests/data/invalid/doctrine-count.json:269:16: error[doctrine-count] /doctrines/0/count: \
         count is 3 but doctrine \"习近平法治思想\" has 2 mentions\n"
    );
    assert_eq!(
        stderr(&output),
        "2 documents: 1 valid, 1 invalid (1 error, 0 warnings)\n"
    );
}

#[test]
fn the_summary_says_when_the_semantic_rules_could_not_run() {
    let output = jianghua(&["validate", "tests/data/invalid/missing-field.json"], None);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "1 document: 0 valid, 1 invalid (1 error, 0 warnings); \
         semantic rules skipped for 1 document (not readable as a speech)\n"
    );
}

#[test]
fn a_missing_file_exits_2() {
    let output = jianghua(&["validate", VALID, "tests/data/no-such-file.json"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).is_empty(), "{}", stdout(&output));
    assert!(
        stderr(&output).contains("tests/data/no-such-file.json: no such file or folder"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn malformed_json_exits_2_with_its_line_and_column() {
    let output = jianghua(&["validate", "tests/data/invalid/malformed.json"], None);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stdout(&output),
        "tests/data/invalid/malformed.json:3:3: error[json-syntax]: malformed JSON: expected `,` or `}`\n"
    );
}

#[test]
fn json_nested_past_the_recursion_limit_exits_2_cleanly() {
    let deep = "[".repeat(100_000);
    let output = jianghua(&["validate", "-"], Some(deep.as_bytes()));
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stdout(&output),
        "<stdin>:1:128: error[json-syntax]: malformed JSON: recursion limit exceeded\n"
    );
}

#[test]
fn a_missing_source_or_no_document_is_a_usage_error() {
    let output = jianghua(
        &["validate", VALID, "--source", "tests/data/no-such.txt"],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("error: tests/data/no-such.txt: cannot read: "));
    assert_eq!(jianghua(&["validate"], None).status.code(), Some(2));
    assert_eq!(
        jianghua(&["validate", "-", "--source", "-"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        jianghua(&["validate", VALID, "--format", "xml"], None)
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn stdin_is_read_for_a_dash() {
    let document = read("tests/data/invalid/text-mismatch.json");
    let output = jianghua(&["validate", "-", "--source", SOURCE], Some(&document));
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).starts_with(
        "<stdin>:240:15: error[text-mismatch] /closing/0/text: paragraph text differs from the source at 235..254"
    ));
    assert!(stdout(&output).ends_with(&format!(" (at {SOURCE}:13:1)\n")));
}

#[test]
fn piped_reports_carry_no_colour() {
    let output = jianghua(&["validate", "tests/data/invalid/wrong-enum.json"], None);
    assert!(!stdout(&output).contains('\u{1b}'));
}

#[test]
fn json_reports_are_one_entry_a_document() {
    let output = jianghua(
        &[
            "validate",
            VALID,
            "tests/data/invalid/text-mismatch.json",
            "tests/data/invalid/malformed.json",
            "--source",
            SOURCE,
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a JSON report");
    let statuses: Vec<_> = report
        .as_array()
        .expect("an array")
        .iter()
        .map(|e| (e["file"].as_str(), e["status"].as_str()))
        .collect();
    assert_eq!(
        statuses,
        [
            (Some(VALID), Some("valid")),
            (
                Some("tests/data/invalid/text-mismatch.json"),
                Some("invalid")
            ),
            (Some("tests/data/invalid/malformed.json"), Some("failed")),
        ]
    );
    let problem = &report[1]["problems"][0];
    assert_eq!(problem["rule"], "text-mismatch");
    assert_eq!(problem["layer"], "semantic");
    assert_eq!(
        (problem["line"].as_u64(), problem["column"].as_u64()),
        (Some(240), Some(15))
    );
    assert_eq!(problem["source"]["file"], SOURCE);
    assert_eq!(
        (
            problem["source"]["start"].as_u64(),
            problem["source"]["end"].as_u64()
        ),
        (Some(235), Some(254))
    );
    let failure = &report[2]["problems"][0];
    assert_eq!(
        (failure["layer"].as_str(), failure["rule"].as_str()),
        (Some("input"), Some("json-syntax"))
    );
    assert_eq!(
        (failure["line"].as_u64(), failure["column"].as_u64()),
        (Some(3), Some(3))
    );
}

#[test]
fn report_snapshots() {
    let documents = invalid_documents();
    let mut args = vec!["validate"];
    args.extend(documents.iter().map(String::as_str));
    args.extend(["--source", SOURCE]);
    let text = jianghua(&args, None);
    assert_eq!(text.status.code(), Some(2), "malformed.json is among them");
    args.extend(["--format", "json"]);
    let json = jianghua(&args, None);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("a JSON report");
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("validate__text_report", stdout(&text));
        insta::assert_json_snapshot!("validate__json_report", json);
    });
}
