//! The HTML view without a browser: every input character appears once on the page, in order;
//! the outline has an entry a section, the text a highlight a doctrine mention; a document
//! without its source says so; a corpus gives a page a document and an overview linking them.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use jianghua::model::{Section, Speech};
use jianghua::view::{self, PageOptions, Viewed};
use scraper::{Html, Selector};

fn viewed(bytes: &[u8], name: &Path, source: Option<&[u8]>) -> Viewed {
    view::read(bytes, Some(name), source, &Default::default())
        .unwrap_or_else(|e| panic!("{}: {e}", name.display()))
}

fn page(viewed: &Viewed) -> String {
    view::render_page(viewed, &PageOptions::default())
}

fn select<'a>(html: &'a Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(selector).unwrap_or_else(|e| panic!("{selector}: {e:?}"));
    html.select(&selector).collect()
}

fn section_count(sections: &[Section]) -> usize {
    sections
        .iter()
        .map(|s| 1 + section_count(&s.subsections))
        .sum()
}

fn mention_count(speech: &Speech) -> usize {
    speech.doctrines.iter().map(|d| d.mentions.len()).sum()
}

/// A page built from a whole text, with the common chrome of a saved page.
const PAGE: &str =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title></head><body>\
<nav><a href=\"/\">首页</a> &gt; <a href=\"/x\">领导讲话</a></nav>\
<h1>在县人大工作会议上的讲话</h1><p>县委书记 王明</p>\
<p>同志们：</p><p>这次会议很重要。下面，我讲两点意见。</p>\
<p>一、坚持党的领导。要深入学习贯彻习近平法治思想。一要加强立法工作。二要加强监督工作。</p>\
<p>二、做好代表工作。要落实《中华人民共和国代表法》。</p>\
<footer>版权所有 &copy; 某县人大 &lt;b&gt;</footer></body></html>";

#[test]
fn every_input_character_is_on_the_page_once_in_order() {
    let mut checked = 0;
    for path in common::corpus() {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let viewed = viewed(&bytes, &path, None);
        let html = page(&viewed);
        let shown = view::source_region_text(&html).expect("a source region");
        let input = jianghua::convert::source_text(&bytes).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            shown == input,
            "{}: the page's text differs from the input at character {}",
            path.display(),
            shown
                .chars()
                .zip(input.chars())
                .take_while(|(a, b)| a == b)
                .count()
        );
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} inputs");
}

#[test]
fn a_saved_page_is_shown_as_its_extracted_text() {
    let viewed = viewed(PAGE.as_bytes(), Path::new("page.html"), None);
    let html = page(&viewed);
    let shown = view::source_region_text(&html).expect("a source region");
    let text = jianghua::convert::source_text(PAGE.as_bytes()).unwrap_or_default();
    assert_eq!(shown, text);
    let html = Html::parse_document(&html);
    // The navigation and the footer are boilerplate, shown with their kind; the title is front matter.
    let kinds: BTreeSet<String> = select(&html, "#source .bp")
        .iter()
        .filter_map(|e| e.attr("data-kind").map(str::to_owned))
        .collect();
    assert!(kinds.contains("navigation"), "{kinds:?}");
    assert!(kinds.contains("footer"), "{kinds:?}");
    let title = select(&html, "#source .front[data-kind=title]");
    assert_eq!(title.len(), 1);
    assert_eq!(
        title[0].text().collect::<String>(),
        "在县人大工作会议上的讲话"
    );
}

#[test]
fn the_outline_and_the_highlights_count_what_the_document_holds() {
    for path in common::corpus() {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let viewed = viewed(&bytes, &path, None);
        let html = Html::parse_document(&page(&viewed));
        let speech = &viewed.speech;
        let name = path.display();
        assert_eq!(
            select(&html, "nav a.o-sec").len(),
            section_count(&speech.sections),
            "{name}: outline entries"
        );
        let marks = select(&html, "#source mark.m");
        let mentions: BTreeSet<&str> = marks.iter().filter_map(|m| m.attr("data-m")).collect();
        assert_eq!(mentions.len(), mention_count(speech), "{name}: mentions");
        // Every outline entry leads to an element of the page.
        let ids: BTreeSet<&str> = select(&html, "[id]")
            .iter()
            .filter_map(|e| e.attr("id"))
            .collect();
        for link in select(&html, "nav a[href^='#'], #diagnostics a[href^='#']") {
            let target = link
                .attr("href")
                .unwrap_or_default()
                .trim_start_matches('#');
            assert!(
                ids.contains(target),
                "{name}: a link to #{target} leads nowhere"
            );
        }
        // Each mention's highlight says which doctrine it is (mentions are numbered from 1,
        // doctrine by doctrine).
        let doctrine_of: Vec<&str> = speech
            .doctrines
            .iter()
            .flat_map(|d| d.mentions.iter().map(move |_| d.name.as_str()))
            .collect();
        for mark in &marks {
            let number: usize = mark
                .attr("data-m")
                .and_then(|m| m.parse().ok())
                .unwrap_or(0);
            let doctrine = doctrine_of
                .get(number.wrapping_sub(1))
                .copied()
                .unwrap_or("?");
            let title = mark.attr("title").unwrap_or_default();
            assert!(title.ends_with(doctrine), "{name}: {title} for {doctrine}");
        }
    }
}

#[test]
fn sections_carry_their_ordinals_and_themes_in_the_margin() {
    let viewed = viewed(PAGE.as_bytes(), Path::new("page.html"), None);
    let html = Html::parse_document(&page(&viewed));
    let labels: Vec<&str> = select(&html, "#source .sec.d0")
        .iter()
        .filter_map(|e| e.attr("data-label"))
        .collect();
    assert_eq!(labels, ["§1", "§2"]);
    let directives: Vec<&str> = select(&html, "#source .dir")
        .iter()
        .filter_map(|e| e.attr("data-label"))
        .collect();
    assert_eq!(directives, ["▸1", "▸2"]);
    let themed = select(&html, "#source .heading[data-themes]");
    assert!(!themed.is_empty(), "a section's themes are labelled");
}

#[test]
fn a_document_without_its_source_shows_what_its_spans_hold_and_says_so() {
    let path = Path::new("seeds/002_d8406d316734750d.txt");
    let bytes = std::fs::read(path).unwrap_or_default();
    let speech =
        jianghua::parse_bytes(&bytes, &Default::default()).unwrap_or_else(|e| panic!("{e}"));
    let json = serde_json::to_vec(&speech).unwrap_or_default();

    let alone = viewed(&json, Path::new("x.json"), None);
    let html = page(&alone);
    assert!(
        html.contains("id=\"unheld\""),
        "the page says the source is missing"
    );
    let shown = view::source_region_text(&html).unwrap_or_default();
    let input = jianghua::convert::source_text(&bytes).unwrap_or_default();
    // Every character shown is the input's, in order; only what lies in no span is missing.
    let mut rest = input.chars();
    assert!(
        shown.chars().all(|c| rest.any(|i| i == c)),
        "shown text out of order"
    );
    assert!(shown.chars().filter(|c| !c.is_whitespace()).count() > 1000);

    let with_source = viewed(&json, Path::new("x.json"), Some(&bytes));
    let html = page(&with_source);
    assert!(!html.contains("id=\"unheld\""));
    assert_eq!(
        view::source_region_text(&html).as_deref(),
        Some(input.as_str())
    );
    assert!(
        with_source.problems.is_empty(),
        "{:?}",
        with_source.problems
    );
}

#[test]
fn a_document_that_disagrees_with_its_source_lists_the_problems() {
    let source = "同志们：\n一、坚持党的领导。\n".to_owned();
    let speech = jianghua::parse_str(source.clone(), &Default::default());
    let json = serde_json::to_vec(&speech).unwrap_or_default();
    let other = "同志们：\n一、坚持党的建设。\n";
    let viewed = viewed(&json, Path::new("x.json"), Some(other.as_bytes()));
    assert!(!viewed.problems.is_empty());
    let html = page(&viewed);
    assert!(
        html.contains("text-mismatch"),
        "the problem is named on the page"
    );
    assert_eq!(view::source_region_text(&html).as_deref(), Some(other));
}

#[test]
fn markup_in_the_text_stays_text() {
    let text = "同志们：\n<script>alert(1)</script> & \"引号\"\r\n一、坚持党的领导。\n";
    let viewed = viewed(text.as_bytes(), Path::new("x.txt"), None);
    let html = page(&viewed);
    assert_eq!(
        html.matches("<script>").count(),
        1,
        "only the page's own script"
    );
    assert_eq!(view::source_region_text(&html).as_deref(), Some(text));
}

fn jianghua(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_jianghua"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run jianghua: {e}"))
}

#[test]
fn a_corpus_gives_a_page_a_document_and_an_overview_linking_them() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(corpus.join("2022")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::copy("seeds/002_d8406d316734750d.txt", corpus.join("2022/a.txt"))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::copy("seeds/000_3f4916e24b487887.txt", corpus.join("b c.txt"))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(corpus.join("empty.txt"), "").unwrap_or_else(|e| panic!("{e}"));
    // A document convert wrote, without its source beside it.
    let speech = jianghua::parse_str(
        "同志们：\n一、坚持党的领导。\n".to_owned(),
        &Default::default(),
    );
    let json = serde_json::to_vec(&speech).unwrap_or_default();
    std::fs::write(corpus.join("d.json"), json).unwrap_or_else(|e| panic!("{e}"));
    let site = dir.path().join("site");
    let out = jianghua(&[
        "view",
        corpus.to_str().unwrap_or_default(),
        "-o",
        site.to_str().unwrap_or_default(),
    ]);
    // The empty file fails and is listed; the others have their pages.
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let index = std::fs::read_to_string(site.join("index.html")).unwrap_or_default();
    let html = Html::parse_document(&index);
    let rows = select(&html, "#documents tbody tr");
    assert_eq!(rows.len(), 3);
    for link in select(&html, "#documents a[href]") {
        let href = link.attr("href").unwrap_or_default().replace("%20", " ");
        assert!(site.join(&href).is_file(), "{href} is missing");
    }
    assert_eq!(select(&html, "svg").len(), 3, "three charts");
    assert!(index.contains("empty.txt"), "the failed input is listed");
    // A page links back to the overview.
    let page = std::fs::read_to_string(site.join("2022/a.txt.html")).unwrap_or_default();
    assert!(page.contains("href=\"../index.html\""));
    // Running again over the same folders does not read the site as input.
    let again = jianghua(&[
        "view",
        corpus.to_str().unwrap_or_default(),
        "-o",
        site.to_str().unwrap_or_default(),
    ]);
    assert_eq!(again.status.code(), Some(1));
    let index = std::fs::read_to_string(site.join("index.html")).unwrap_or_default();
    assert_eq!(
        select(&Html::parse_document(&index), "#documents tbody tr").len(),
        3
    );
    let document_page = std::fs::read_to_string(site.join("d.json.html")).unwrap_or_default();
    assert!(
        document_page.contains("id=\"unheld\""),
        "a document alone says so"
    );
}

#[test]
fn one_input_gives_one_page_and_bad_use_is_refused() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let target = dir.path().join("speech.html");
    let out = jianghua(&[
        "view",
        "seeds/004_1c549c44ea05e382.txt",
        "-o",
        target.to_str().unwrap_or_default(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(&target).unwrap_or_default();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "nothing is fetched"
    );

    let out = jianghua(&["view", "seeds/", "tests/inputs/"]);
    assert_eq!(out.status.code(), Some(2), "a corpus needs -o");
    let out = jianghua(&[
        "view",
        "seeds/004_1c549c44ea05e382.txt",
        "--source",
        "seeds/004_1c549c44ea05e382.txt",
    ]);
    assert_eq!(out.status.code(), Some(2), "a text is its own source");
    let out = jianghua(&["view", "no-such-file.txt"]);
    assert_eq!(out.status.code(), Some(2));
}
