//! Each seed set in a government page of our own making (`tests/html/pages.rs`), in each layout:
//! the page parses to the same title, speaker, date, sections, directives and closing as the
//! seed's text, and the contract holds on the text extracted from it.

mod common;
#[path = "html/pages.rs"]
mod pages;

use jianghua::model::{Encoding, InputFormat, Speech};
use jianghua::ParseOptions;
use pages::Layout;
use serde_json::Value;

/// The parts of a document the page must not change, spans left out (they index other texts).
fn shape(speech: &Speech) -> Value {
    let mut value = serde_json::json!({
        "title": speech.meta.title,
        "speaker": speech.meta.speaker,
        "date": speech.meta.date.as_ref().map(|d| (d.year, d.month, d.day, &d.text)),
        "sections": speech.sections,
        "closing": speech.closing,
    });
    strip_spans(&mut value);
    value
}

fn strip_spans(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.remove("span");
            map.remove("heading_span");
            map.values_mut().for_each(strip_spans);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_spans),
        _ => {}
    }
}

fn seed(name: &str) -> String {
    common::text(&std::path::Path::new("seeds").join(name))
}

fn assert_page_parses_as_its_seed(name: &str, layout: Layout) {
    let text = seed(name);
    let from_text = jianghua::parse_str(text.clone(), &ParseOptions::default());
    let bytes = pages::page_bytes(&text, layout);
    let (from_page, source) = jianghua::html::parse_page(&bytes, &ParseOptions::default()).unwrap();
    assert_eq!(
        serde_json::to_string_pretty(&shape(&from_page)).unwrap(),
        serde_json::to_string_pretty(&shape(&from_text)).unwrap(),
        "{name} in the {layout:?} layout"
    );
    let problems = common::contract_problems(source.as_str(), &from_page);
    assert!(problems.is_empty(), "{name} {layout:?}: {problems:#?}");
    assert_eq!(from_page.meta.input, Some(InputFormat::Html));
    let encoding = match layout {
        Layout::Breaks => Encoding::Gb18030,
        Layout::Paragraphs | Layout::Table => Encoding::Utf8,
    };
    assert_eq!(from_page.meta.encoding, Some(encoding));
    let xml = jianghua::xml::to_xml(&from_page);
    assert!(xml.contains(" input=\"html\""));
    assert_eq!(
        jianghua::xml::from_xml_bytes(xml.as_bytes()).unwrap(),
        from_page
    );
}

macro_rules! page_tests {
    ($($test:ident: $seed:literal, $layout:ident;)*) => {
        $(
            #[test]
            fn $test() {
                assert_page_parses_as_its_seed($seed, Layout::$layout);
            }
        )*
    };
}

page_tests! {
    seed_000_in_paragraphs: "000_3f4916e24b487887.txt", Paragraphs;
    seed_000_with_breaks_in_gbk: "000_3f4916e24b487887.txt", Breaks;
    seed_000_in_a_table: "000_3f4916e24b487887.txt", Table;
    seed_001_in_paragraphs: "001_92eadee56029bad3.txt", Paragraphs;
    seed_001_with_breaks_in_gbk: "001_92eadee56029bad3.txt", Breaks;
    seed_001_in_a_table: "001_92eadee56029bad3.txt", Table;
    seed_002_in_paragraphs: "002_d8406d316734750d.txt", Paragraphs;
    seed_002_with_breaks_in_gbk: "002_d8406d316734750d.txt", Breaks;
    seed_002_in_a_table: "002_d8406d316734750d.txt", Table;
    seed_003_in_paragraphs: "003_2af99a9e1bdd1e35.txt", Paragraphs;
    seed_003_with_breaks_in_gbk: "003_2af99a9e1bdd1e35.txt", Breaks;
    seed_003_in_a_table: "003_2af99a9e1bdd1e35.txt", Table;
    seed_004_in_paragraphs: "004_1c549c44ea05e382.txt", Paragraphs;
    seed_004_with_breaks_in_gbk: "004_1c549c44ea05e382.txt", Breaks;
    seed_004_in_a_table: "004_1c549c44ea05e382.txt", Table;
}

/// Writes the pages to `JIANGHUA_WRITE_PAGES` (a folder) for a look in a browser, the fuzzer's
/// seeds and the benchmarks' comparison with other extractors.
#[test]
fn pages_can_be_written_out() {
    let Some(folder) = std::env::var_os("JIANGHUA_WRITE_PAGES") else {
        return;
    };
    let folder = std::path::PathBuf::from(folder);
    std::fs::create_dir_all(&folder).unwrap();
    for entry in std::fs::read_dir("seeds").unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = common::text(&path);
        for layout in pages::LAYOUTS {
            let name = format!("{stem}.{}.html", format!("{layout:?}").to_lowercase());
            std::fs::write(folder.join(name), pages::page_bytes(&text, layout)).unwrap();
        }
    }
}
