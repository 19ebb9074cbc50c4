//! Saved web pages on the command line: `text`, `parse`, `convert` of one page and of a folder
//! mixing pages with texts and documents, `validate --source` with a page.

#[path = "html/pages.rs"]
mod pages;

use std::path::Path;
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

fn seed_text() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/002_d8406d316734750d.txt");
    std::fs::read_to_string(path).expect("the seed reads")
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{:?}: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// A folder with the seed as a GBK page, a UTF-8 page, a text and nothing else.
fn folder_with_pages() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let text = seed_text();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    write("gbk.html", &pages::page_bytes(&text, pages::Layout::Breaks));
    write(
        "utf8.htm",
        &pages::page_bytes(&text, pages::Layout::Paragraphs),
    );
    write(
        "table.shtml",
        &pages::page_bytes(&text, pages::Layout::Table),
    );
    write("speech.txt", text.as_bytes());
    dir
}

#[test]
fn text_prints_the_text_the_spans_index() {
    let dir = folder_with_pages();
    let text = stdout(&jianghua(dir.path(), &["text", "gbk.html"]));
    assert!(text.contains("在市委人大工作会议上的讲话\n"), "{text}");
    assert!(!text.contains('<') && !text.contains("&nbsp;"));
    assert!(!text.contains("var _hmt"), "scripts are not text");
}

#[test]
fn parse_reads_a_page_and_validate_checks_it_against_the_page() {
    let dir = folder_with_pages();
    let json = stdout(&jianghua(
        dir.path(),
        &["parse", "gbk.html", "-o", "gbk.json"],
    ));
    assert!(json.is_empty());
    let document: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("gbk.json")).unwrap()).unwrap();
    assert_eq!(document["meta"]["title"], "在市委人大工作会议上的讲话");
    assert_eq!(document["meta"]["input"], "html");
    assert_eq!(document["meta"]["encoding"], "gb18030");
    // The site the text names wins over the page's <meta name="SiteName">.
    assert_eq!(
        document["meta"]["source"]["site"],
        "平顶山市人民代表大会常务委员会"
    );
    assert_eq!(document["sections"].as_array().map(Vec::len), Some(5));
    let report = jianghua(
        dir.path(),
        &["validate", "gbk.json", "--source", "gbk.html"],
    );
    assert!(
        report.status.success(),
        "{}",
        String::from_utf8_lossy(&report.stdout)
    );
    // The page's markup is not what the spans index.
    let report = jianghua(
        dir.path(),
        &["validate", "gbk.json", "--source", "speech.txt"],
    );
    assert!(!report.status.success());
}

#[test]
fn convert_takes_a_page_as_a_page_not_as_xml() {
    let dir = folder_with_pages();
    let xml = stdout(&jianghua(
        dir.path(),
        &["convert", "utf8.htm", "--format", "xml"],
    ));
    assert!(xml.contains("input=\"html\""), "{xml}");
    assert!(xml.contains("<title>在市委人大工作会议上的讲话</title>"));
}

#[test]
fn a_folder_mixing_pages_texts_and_documents_converts_every_file_and_counts_the_rest() {
    let dir = folder_with_pages();
    let json = stdout(&jianghua(dir.path(), &["parse", "speech.txt"]));
    std::fs::write(dir.path().join("document.json"), json).unwrap();
    std::fs::write(dir.path().join("scan.pdf"), b"%PDF-1.4").unwrap();
    std::fs::write(dir.path().join("notes.DOC"), b"\xD0\xCF\x11\xE0").unwrap();
    std::fs::write(dir.path().join("more.pdf"), b"%PDF-1.4").unwrap();
    let output = jianghua(dir.path(), &["convert", ".", "--out-dir", "out"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("5 files: 5 converted, 0 failed"),
        "{stderr}"
    );
    assert!(stderr.contains("skipped: 3 (.doc, .pdf)"), "{stderr}");
    for name in [
        "gbk.json",
        "utf8.json",
        "table.json",
        "speech.json",
        "document.json",
    ] {
        let document: Value =
            serde_json::from_slice(&std::fs::read(dir.path().join("out").join(name)).unwrap())
                .unwrap();
        assert_eq!(
            document["sections"].as_array().map(Vec::len),
            Some(5),
            "{name}"
        );
    }
}

#[test]
fn check_takes_pages_and_counts_the_rest() {
    let dir = folder_with_pages();
    std::fs::write(dir.path().join("scan.pdf"), b"%PDF-1.4").unwrap();
    let expected = tempfile::tempdir().expect("a temporary folder");
    let expected = expected.path().to_str().expect("a UTF-8 path");
    let pinned = jianghua(dir.path(), &["convert", ".", "--out-dir", expected]);
    assert!(
        pinned.status.success(),
        "{}",
        String::from_utf8_lossy(&pinned.stderr)
    );
    let output = jianghua(dir.path(), &["check", ".", "--expected", expected]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("4 files: 4 as expected"), "{stderr}");
    assert!(stderr.contains("skipped: 1 (.pdf)"), "{stderr}");
}
