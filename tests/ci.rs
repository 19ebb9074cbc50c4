//! The command line as a CI job uses it: `validate` over folders and globs with sources paired
//! by path, `check` showing changes of meaning, one vocabulary of flags, codes and pointers
//! across subcommands, and report forms that CI systems read.

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

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn seeds() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("seeds/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// corpus/a/ and corpus/b/ with three seeds, named one.txt, two.txt, three.txt, and out/
/// holding their conversions (which record their inputs' digests).
fn converted_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let seeds = seeds();
    for (name, seed) in [
        ("a/one", &seeds[0]),
        ("a/two", &seeds[1]),
        ("b/three", &seeds[2]),
    ] {
        let path = dir.path().join(format!("corpus/{name}.txt"));
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
        std::fs::copy(seed, path).expect("copy");
    }
    let out = jianghua(dir.path(), &["convert", "-q", "corpus", "--out-dir", "out"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    dir
}

fn json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).expect("read")).expect("JSON")
}

// ---------------------------------------------------------------------------------------------
// validate over files, folders and globs

#[test]
fn validate_walks_a_folder_in_parallel() {
    let dir = converted_corpus();
    // A text in the folder is no document: folder walks take .json and .xml only.
    std::fs::write(dir.path().join("out/a/notes.txt"), "not a document").expect("write");
    let out = jianghua(dir.path(), &["validate", "out/", "--jobs", "2"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    assert_eq!(
        text(&out.stderr).trim(),
        "3 documents: 3 valid, 0 invalid (0 errors, 0 warnings)"
    );
}

#[test]
fn validate_takes_quoted_globs_and_reports_in_order() {
    let dir = converted_corpus();
    let path = dir.path().join("out/a/two.json");
    let mut document = json(&path);
    document["doctrines"] = serde_json::json!([{
        "name": "x", "kind": "law", "aliases": [], "mentions": [], "count": 3, "attribution": null
    }]);
    std::fs::write(&path, document.to_string()).expect("write");
    let out = jianghua(
        dir.path(),
        &["validate", "out/**/*.json", "--message-format", "json"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let entries: Value = serde_json::from_slice(&out.stdout).expect("a JSON array");
    let files: Vec<&str> = entries
        .as_array()
        .expect("an array")
        .iter()
        .map(|e| e["file"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        files,
        ["out/a/one.json", "out/a/two.json", "out/b/three.json"]
    );
    assert_eq!(entries[1]["status"], "invalid");
    assert_eq!(entries[1]["problems"][0]["rule"], "doctrine-count");
    assert_eq!(entries[1]["problems"][0]["pointer"], "/doctrines/0/count");
}

#[test]
fn validate_pairs_each_document_with_its_source_by_path() {
    let dir = converted_corpus();
    // A page among the sources: any extension the parser reads is looked for.
    let out = jianghua(dir.path(), &["validate", "out", "--source-dir", "corpus"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).starts_with("3 documents: 3 valid"));

    // Sources swapped: each document is told plainly, once, that it is not its source.
    std::fs::copy(seeds()[3].as_path(), dir.path().join("corpus/a/one.txt")).expect("copy");
    let out = jianghua(dir.path(), &["validate", "out", "--source-dir", "corpus"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(
        stdout.starts_with("out/a/one.json:")
            && stdout.contains("error[source-mismatch] /meta/input_digest: the source given is not this document's source"),
        "{stdout}"
    );

    // No source at the mirrored path: the document cannot be checked as asked.
    std::fs::remove_file(dir.path().join("corpus/b/three.txt")).expect("remove");
    let out = jianghua(dir.path(), &["validate", "out", "--source-dir", "corpus"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stdout).contains("out/b/three.json: error[source-missing]: no source for it in corpus: looked for b/three.txt"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn a_source_given_to_an_older_document_is_compared_as_before() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/valid");
    let out = jianghua(
        &data,
        &["validate", "speech.json", "--source", "speech.txt"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
}

#[test]
fn the_quiet_flag_silences_warnings_and_the_summary() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/invalid");
    let loud = jianghua(&data, &["validate", "announced-sections.json"]);
    assert_eq!(loud.status.code(), Some(0));
    assert!(text(&loud.stdout).contains("warning[announced-sections]"));
    assert!(
        text(&loud.stderr).contains("1 document: 1 valid"),
        "{}",
        text(&loud.stderr)
    );
    let quiet = jianghua(&data, &["validate", "-q", "announced-sections.json"]);
    assert_eq!(quiet.status.code(), Some(0));
    assert!(quiet.stdout.is_empty(), "{}", text(&quiet.stdout));
    assert!(quiet.stderr.is_empty(), "{}", text(&quiet.stderr));
    let errors = jianghua(&data, &["validate", "-q", "doctrine-count.json"]);
    assert_eq!(errors.status.code(), Some(1));
    assert!(text(&errors.stdout).contains("error[doctrine-count]"));
    assert!(errors.stderr.is_empty());
}

#[test]
fn the_old_report_flag_still_works() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/invalid");
    let out = jianghua(
        &data,
        &["validate", "doctrine-count.json", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(1));
    let entries: Value = serde_json::from_slice(&out.stdout).expect("a JSON array");
    assert_eq!(entries[0]["problems"][0]["rule"], "doctrine-count");
    let out = jianghua(
        &data,
        &["validate", "doctrine-count.json", "--format", "text"],
    );
    assert!(text(&out.stdout).contains("error[doctrine-count]"));
    let help = text(&jianghua(&data, &["validate", "--help"]).stdout);
    assert!(
        !help.contains("--format"),
        "the old name is hidden:\n{help}"
    );
}

#[test]
fn ordinals_one_seven_three_blame_the_seven() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/valid");
    let dir = tempfile::tempdir().expect("tempdir");
    let mut document = json(&data.join("speech.json"));
    let sections = document["sections"].as_array_mut().expect("sections");
    assert!(sections.len() >= 2, "the fixture has two sections");
    let mut third = sections[1].clone();
    sections[1]["ordinal"] = 7.into();
    let end = third["span"]["end"].clone();
    third["ordinal"] = 3.into();
    third["span"] = serde_json::json!({"start": end, "end": end});
    third["heading_span"] = serde_json::json!({"start": end, "end": end});
    third["heading"] = "".into();
    for list in ["paragraphs", "directives", "subsections"] {
        third[list] = serde_json::json!([]);
    }
    sections.push(third);
    document["meta"]["announced_sections"] = Value::Null;
    std::fs::write(dir.path().join("d.json"), document.to_string()).expect("write");
    let out = jianghua(
        dir.path(),
        &["validate", "d.json", "--message-format", "json"],
    );
    let entries: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let order: Vec<&Value> = entries[0]["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .filter(|p| p["rule"] == "ordinal-order")
        .collect();
    assert_eq!(order.len(), 1, "{entries}");
    assert_eq!(order[0]["pointer"], "/sections/1/ordinal");
}

// ---------------------------------------------------------------------------------------------
// GitHub workflow commands

#[test]
fn github_annotations_point_at_the_file_line_and_column() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/invalid");
    let out = jianghua(
        &data,
        &[
            "validate",
            "doctrine-count.json",
            "malformed.json",
            "--message-format",
            "github",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    let located = regex::Regex::new(
        r"^::error file=doctrine-count\.json,line=\d+,col=\d+,title=doctrine-count::/doctrines/\d+/count: ",
    )
    .expect("regex");
    assert!(located.is_match(lines[0]), "{}", lines[0]);
    assert!(
        lines[1].starts_with("::error file=malformed.json,line=")
            && lines[1].contains("title=json-syntax::"),
        "{}",
        lines[1]
    );
}

#[test]
fn convert_and_parse_annotate_diagnostics_for_github() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("x.txt"), "一、甲乙丙丁。\n三、戊己庚辛。\n").expect("write");
    let out = jianghua(
        dir.path(),
        &["parse", "x.txt", "--message-format", "github"],
    );
    assert_eq!(out.status.code(), Some(0));
    let stderr = text(&out.stderr);
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with("::warning file=x.txt,line=2,col=1,title=ordinal-gap::")),
        "{stderr}"
    );
}

// ---------------------------------------------------------------------------------------------
// One vocabulary

#[test]
fn parse_prints_its_diagnostics_like_convert() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("x.txt"), "一、甲乙丙丁。\n三、戊己庚辛。\n").expect("write");
    let parsed = jianghua(dir.path(), &["parse", "x.txt"]);
    let converted = jianghua(dir.path(), &["convert", "x.txt"]);
    assert_eq!(parsed.status.code(), Some(0));
    assert_eq!(parsed.stdout, converted.stdout);
    let stderr = text(&parsed.stderr);
    assert!(stderr.contains("warning[ordinal-gap]"), "{stderr}");
    assert_eq!(stderr, text(&converted.stderr));
    let quiet = jianghua(dir.path(), &["parse", "-q", "x.txt"]);
    assert!(quiet.stderr.is_empty());
    // Documents keep the schema's spelling of the code.
    let document: Value = serde_json::from_slice(&parsed.stdout).expect("JSON");
    assert!(document["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .any(|d| d["code"] == "ordinal_gap"));
}

#[test]
fn every_subcommand_that_parses_text_takes_a_lexicon() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("corpus")).expect("mkdir");
    std::fs::write(
        dir.path().join("corpus/x.txt"),
        "同志们：\n今天我们部署落实“三个一百”工程。\n一、抓好落实。\n二、加强监督。\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("local.tsv"),
        "三个一百工程\tformulation\t三个一百\t县里的工程\n",
    )
    .expect("write");
    let names = |stdout: &[u8]| -> Vec<String> {
        let document: Value = serde_json::from_slice(stdout).expect("JSON");
        document["doctrines"]
            .as_array()
            .expect("doctrines")
            .iter()
            .map(|d| d["name"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let plain = jianghua(dir.path(), &["convert", "corpus/x.txt"]);
    assert!(!names(&plain.stdout).contains(&"三个一百工程".to_owned()));
    let with = jianghua(
        dir.path(),
        &["convert", "corpus/x.txt", "--lexicon", "local.tsv"],
    );
    assert_eq!(with.status.code(), Some(0), "{}", text(&with.stderr));
    assert!(names(&with.stdout).contains(&"三个一百工程".to_owned()));

    let pinned = jianghua(
        dir.path(),
        &[
            "convert",
            "-q",
            "corpus",
            "--out-dir",
            "expected",
            "--lexicon",
            "local.tsv",
        ],
    );
    assert_eq!(pinned.status.code(), Some(0));
    let same = jianghua(
        dir.path(),
        &[
            "check",
            "corpus",
            "--expected",
            "expected",
            "--lexicon",
            "local.tsv",
        ],
    );
    assert_eq!(same.status.code(), Some(0), "{}", text(&same.stderr));
    let without = jianghua(dir.path(), &["check", "corpus", "--expected", "expected"]);
    assert_eq!(without.status.code(), Some(1));
    assert!(
        text(&without.stderr).contains("doctrines:"),
        "{}",
        text(&without.stderr)
    );

    std::fs::write(dir.path().join("bad.tsv"), "名字\tsermon\t\t\n").expect("write");
    let bad = jianghua(
        dir.path(),
        &[
            "check",
            "corpus",
            "--expected",
            "expected",
            "--lexicon",
            "bad.tsv",
        ],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        text(&bad.stderr).contains("bad.tsv"),
        "{}",
        text(&bad.stderr)
    );
}

#[test]
fn zero_jobs_is_refused_in_our_words() {
    let dir = tempfile::tempdir().expect("tempdir");
    for subcommand in ["validate", "convert", "check"] {
        let mut args = vec![subcommand, ".", "--jobs", "0"];
        if subcommand == "check" {
            args.extend(["--expected", "."]);
        }
        let out = jianghua(dir.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{subcommand}");
        assert!(
            text(&out.stderr).contains("0 workers would do nothing: give 1 or more"),
            "{subcommand}: {}",
            text(&out.stderr)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// check: changes of meaning first

/// Inserts a character into the first directive heading of `seed` (as copied into `path`),
/// returning the heading before and after.
fn edit_a_directive_heading(dir: &Path, path: &Path) -> Option<(String, String, String)> {
    let expected = json(
        &dir.join("out")
            .join(path.with_extension("json").strip_prefix("corpus").ok()?),
    );
    let sections = expected["sections"].as_array()?;
    let (index, directive) = sections
        .iter()
        .enumerate()
        .find_map(|(i, s)| s["directives"].as_array()?.first().map(|d| (i, d.clone())))?;
    let heading = directive["heading"].as_str()?.to_owned();
    let source = std::fs::read_to_string(dir.join(path)).ok()?;
    let at = source.find(&heading)? + heading.len();
    let edited = format!("{}实{}", &source[..at], &source[at..]);
    std::fs::write(dir.join(path), edited).ok()?;
    Some((
        format!("/sections/{index}/directives/0/heading"),
        heading.clone(),
        format!("{heading}实"),
    ))
}

#[test]
fn check_shows_the_change_of_meaning_not_the_spans_it_moved() {
    let dir = converted_corpus();
    let edited = [
        Path::new("corpus/a/one.txt"),
        Path::new("corpus/a/two.txt"),
        Path::new("corpus/b/three.txt"),
    ]
    .into_iter()
    .find_map(|path| edit_a_directive_heading(dir.path(), path).map(|e| (path, e)));
    let Some((path, (pointer, old, new))) = edited else {
        panic!("a seed with a directive");
    };
    let out = jianghua(dir.path(), &["check", "corpus", "--expected", "out"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let header = stderr
        .lines()
        .find(|l| l.starts_with("changed: "))
        .unwrap_or_default();
    assert!(header.contains(&path.display().to_string()), "{stderr}");
    assert!(
        header.contains("of spans that moved; --spans lists them"),
        "{stderr}"
    );
    assert!(stderr.contains("  directives:\n"), "{stderr}");
    assert!(
        stderr.contains(&format!("    {pointer}: \"{old}\" → \"{new}\"")),
        "{stderr}"
    );
    assert!(!stderr.contains("/span/start"), "spans hidden: {stderr}");
    assert!(!stderr.contains("… and"), "{stderr}");

    let spans = jianghua(
        dir.path(),
        &["check", "corpus", "--expected", "out", "--spans", "-v"],
    );
    let listed = text(&spans.stderr);
    assert!(listed.contains("/span/start: "), "{listed}");
    assert!(!listed.contains("… and"), "-v shows all: {listed}");

    let machine = jianghua(
        dir.path(),
        &[
            "check",
            "corpus",
            "--expected",
            "out",
            "--message-format",
            "json",
        ],
    );
    let lines: Vec<Value> = text(&machine.stderr)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON lines"))
        .collect();
    let changed = lines
        .iter()
        .find(|l| l["status"] == "changed")
        .expect("a changed line");
    assert!(changed["span_shifts"].as_u64().unwrap_or_default() > 0);
    assert!(changed["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .any(|c| c["pointer"] == pointer.as_str()
            && c["part"] == "directives"
            && c["new"] == new.as_str()));
    assert_eq!(lines.last().expect("a summary")["summary"]["changed"], 1);
}

#[test]
fn check_passes_a_document_whose_spans_alone_differ() {
    let dir = converted_corpus();
    let path = dir.path().join("out/a/one.json");
    let mut document = json(&path);
    let end = document["closing"][0]["span"]["end"]
        .as_u64()
        .unwrap_or_default();
    document["closing"][0]["span"]["end"] = (end + 1).into();
    std::fs::write(&path, document.to_string()).expect("write");
    let out = jianghua(dir.path(), &["check", "corpus", "--expected", "out"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = jianghua(
        dir.path(),
        &["check", "corpus", "--expected", "out", "--spans"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("/closing/0/span/end"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn expected_documents_made_before_digests_are_not_changed() {
    let dir = converted_corpus();
    for name in ["a/one", "a/two", "b/three"] {
        let path = dir.path().join(format!("out/{name}.json"));
        let mut document = json(&path);
        document["meta"]
            .as_object_mut()
            .expect("meta")
            .remove("input_digest");
        std::fs::write(&path, document.to_string()).expect("write");
    }
    let out = jianghua(dir.path(), &["check", "corpus", "--expected", "out"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("3 files: 3 as expected"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn orphaned_expected_documents_are_reported_and_removed_on_update() {
    let dir = converted_corpus();
    std::fs::remove_file(dir.path().join("corpus/b/three.txt")).expect("remove");
    let out = jianghua(dir.path(), &["check", "corpus", "--expected", "out"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("orphaned: out/b/three.json"), "{stderr}");
    assert!(
        stderr.contains("2 files: 2 as expected") && stderr.contains("1 orphaned"),
        "{stderr}"
    );

    // An input the filters leave out is still there: its expected document is no orphan.
    std::fs::write(dir.path().join("out/b/kept.json"), "{}").expect("write");
    std::fs::write(dir.path().join("corpus/b/kept.html"), "<p>x</p>").expect("write");
    let out = jianghua(
        dir.path(),
        &[
            "check",
            "corpus",
            "--expected",
            "out",
            "--exclude",
            "*.html",
        ],
    );
    assert!(
        !text(&out.stderr).contains("kept.json"),
        "{}",
        text(&out.stderr)
    );

    let update = jianghua(
        dir.path(),
        &[
            "check",
            "corpus",
            "--expected",
            "out",
            "--exclude",
            "*.html",
            "--update",
        ],
    );
    assert_eq!(update.status.code(), Some(0), "{}", text(&update.stderr));
    assert!(text(&update.stderr).contains("removed: out/b/three.json"));
    assert!(!dir.path().join("out/b/three.json").exists());
    assert!(dir.path().join("out/b/kept.json").exists());
}

#[test]
fn one_file_is_one_file() {
    let dir = converted_corpus();
    let out = jianghua(
        dir.path(),
        &["check", "corpus/a/one.txt", "--expected", "out/a"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("summary: 1 file: 1 as expected"),
        "{}",
        text(&out.stderr)
    );
}

// ---------------------------------------------------------------------------------------------
// Manual pages, pre-commit hooks, README

#[test]
fn manual_pages_are_generated_from_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = jianghua(dir.path(), &["man"]);
    assert_eq!(out.status.code(), Some(0));
    let page = text(&out.stdout);
    assert!(
        page.starts_with(".ie \\n(.g .ds Aq") || page.contains(".TH jianghua 1"),
        "{page}"
    );
    assert!(page.contains("validate"), "{page}");
    let out = jianghua(dir.path(), &["man", "--out-dir", "man"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    for page in [
        "jianghua.1",
        "jianghua-validate.1",
        "jianghua-check.1",
        "jianghua-man.1",
    ] {
        let roff = std::fs::read_to_string(dir.path().join("man").join(page)).expect(page);
        assert!(roff.contains(".TH "), "{page}");
    }
    let validate =
        std::fs::read_to_string(dir.path().join("man/jianghua-validate.1")).expect("page");
    assert!(validate.contains("source\\-dir"), "{validate}");
}

#[test]
fn the_pre_commit_hooks_run_subcommands_that_exist() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let hooks = std::fs::read_to_string(root.join(".pre-commit-hooks.yaml")).expect("hooks");
    for (id, subcommand) in [
        ("jianghua-validate", "validate"),
        ("jianghua-check", "check"),
    ] {
        let block = hooks
            .split("\n- id: ")
            .find(|block| block.starts_with(id))
            .unwrap_or_else(|| panic!("{id} in:\n{hooks}"));
        assert!(
            block.contains(&format!("entry: jianghua {subcommand}")),
            "{block}"
        );
        assert!(block.contains("language: rust"), "{block}");
        let help = jianghua(root, &[subcommand, "--help"]);
        assert_eq!(help.status.code(), Some(0));
    }
}

#[test]
fn the_readme_lists_every_genre_and_lexicon_kind() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README");
    let schema = json(&root.join("schema/speech.schema.json"));
    let values = |definition: &str| -> Vec<String> {
        schema["$defs"][definition]["oneOf"]
            .as_array()
            .expect(definition)
            .iter()
            .filter_map(|v| v["const"].as_str().or_else(|| v["enum"][0].as_str()))
            .map(str::to_owned)
            .collect()
    };
    let genres = values("Genre");
    assert!(genres.contains(&"unknown".to_owned()));
    let genre_line = readme
        .lines()
        .find(|l| l.contains("genre ("))
        .expect("the genres");
    for genre in &genres {
        assert!(
            genre_line.contains(genre.as_str()),
            "{genre} in {genre_line}"
        );
    }
    let kinds = values("DoctrineKind");
    assert!(kinds.contains(&"quote".to_owned()));
    let kind_line = readme
        .lines()
        .find(|l| l.contains("`kind` ("))
        .expect("the kinds");
    for kind in &kinds {
        assert!(kind_line.contains(kind.as_str()), "{kind} in {kind_line}");
    }
    assert!(readme.contains("cargo install --path ."));
    for licence in ["LICENSE-MIT", "LICENSE-APACHE"] {
        assert!(root.join(licence).is_file(), "{licence}");
    }
}
