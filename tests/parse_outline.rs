//! The structural half of the parser on the seeds and on inputs made for it: the outline
//! (sections, subsections, directives, salutation, closing, appendix) as a snapshot, the full
//! document of each seed as a snapshot, and the structure each input was written to have.

use std::path::Path;

use jianghua::model::{DiagnosticCode, Section, Speech};
use serde::Serialize;

const SEEDS: &[&str] = &[
    "000_3f4916e24b487887",
    "001_92eadee56029bad3",
    "002_d8406d316734750d",
    "003_2af99a9e1bdd1e35",
    "004_1c549c44ea05e382",
];

const INPUTS: &[&str] = &[
    "outline_afterword",
    "outline_announced_mismatch",
    "outline_arabic_levels",
    "outline_closing_after_subsections",
    "outline_dash_points",
    "outline_di_sections",
    "outline_fragment",
    "outline_glossary",
    "outline_news_subheads",
    "outline_part_headings",
    "outline_part_headings_paren",
    "outline_bare_numerals",
    "outline_sequence_words",
    "outline_stripped",
    "outline_wiki_wrapped",
    "outline_work_report",
    "outline_yao_sections",
];

fn parse(path: &Path) -> Speech {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    jianghua::parse_bytes(&bytes, &Default::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn seed(name: &str) -> Speech {
    parse(&Path::new("seeds").join(format!("{name}.txt")))
}

fn input(name: &str) -> Speech {
    parse(&Path::new("tests/inputs").join(format!("{name}.txt")))
}

/// What the outline says about a document, without the text itself.
#[derive(Serialize)]
struct OutlineView {
    salutation: Option<String>,
    announced_sections: Option<u32>,
    fragment: bool,
    preamble_paragraphs: usize,
    sections: Vec<SectionView>,
    closing: Option<ClosingView>,
    appendix_paragraphs: usize,
    diagnostics: Vec<String>,
}

#[derive(Serialize)]
struct SectionView {
    ordinal: u32,
    marker: Option<String>,
    heading: String,
    paragraphs: usize,
    directives: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    subsections: Vec<SectionView>,
}

#[derive(Serialize)]
struct ClosingView {
    starts: String,
    ends: String,
}

fn section_view(section: &Section) -> SectionView {
    SectionView {
        ordinal: section.ordinal,
        marker: section.marker.clone(),
        heading: section.heading.clone(),
        paragraphs: section.paragraphs.len(),
        directives: section
            .directives
            .iter()
            .map(|d| format!("{} {} {}", d.ordinal, d.marker, d.heading))
            .collect(),
        subsections: section.subsections.iter().map(section_view).collect(),
    }
}

fn outline_view(speech: &Speech) -> OutlineView {
    let closing: String = speech.closing.iter().map(|p| p.text.as_str()).collect();
    let chars: Vec<char> = closing.chars().collect();
    let edge = |range: std::ops::Range<usize>| {
        chars
            .get(range)
            .unwrap_or_default()
            .iter()
            .collect::<String>()
    };
    OutlineView {
        salutation: speech.salutation.as_ref().map(|s| s.text.clone()),
        announced_sections: speech.meta.announced_sections,
        fragment: speech.meta.fragment,
        preamble_paragraphs: speech.preamble.len(),
        sections: speech.sections.iter().map(section_view).collect(),
        closing: (!chars.is_empty()).then(|| ClosingView {
            starts: edge(0..chars.len().min(16)),
            ends: edge(chars.len().saturating_sub(12)..chars.len()),
        }),
        appendix_paragraphs: speech.appendix.len(),
        diagnostics: speech
            .diagnostics
            .iter()
            .map(|d| format!("{:?}: {}", d.code, d.message))
            .collect(),
    }
}

macro_rules! snapshot {
    ($kind:literal, $name:expr, $value:expr) => {
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_yaml_snapshot!(format!("{}__{}", $kind, $name), $value);
        })
    };
}

#[test]
fn outlines_of_the_seeds() {
    for name in SEEDS {
        snapshot!("parse_outline__seed", name, outline_view(&seed(name)));
    }
}

#[test]
fn outlines_of_the_inputs() {
    for name in INPUTS {
        snapshot!("parse_outline__input", name, outline_view(&input(name)));
    }
}

#[test]
fn documents_of_the_seeds() {
    for name in SEEDS {
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_json_snapshot!(format!("parse_doc__{name}"), seed(name));
        });
    }
}

fn headings(sections: &[Section]) -> Vec<(u32, &str)> {
    sections
        .iter()
        .map(|s| (s.ordinal, s.heading.as_str()))
        .collect()
}

fn codes(speech: &Speech) -> Vec<DiagnosticCode> {
    speech.diagnostics.iter().map(|d| d.code).collect()
}

#[test]
fn a_work_report_nests_subsections_with_lists() {
    let speech = input("outline_work_report");
    assert_eq!(
        speech.salutation.as_ref().map(|s| s.text.as_str()),
        Some("各位代表")
    );
    assert_eq!(
        headings(&speech.sections),
        vec![(1, "2023年主要工作"), (2, "2024年主要任务")]
    );
    for section in &speech.sections {
        assert_eq!(
            section
                .subsections
                .iter()
                .map(|s| s.ordinal)
                .collect::<Vec<_>>(),
            vec![1, 2, 3]
        );
        assert!(section.directives.is_empty());
    }
    let lists: Vec<usize> = speech.sections[0]
        .subsections
        .iter()
        .map(|s| s.directives.len())
        .collect();
    assert_eq!(lists, vec![3, 3, 0]);
    assert_eq!(
        speech.sections[1].subsections[1].directives[0].marker,
        "一是"
    );
    assert!(speech.closing[0].text.starts_with("各位代表！"));
    assert!(codes(&speech).is_empty());
}

#[test]
fn di_sections_hold_yao_directives() {
    let speech = input("outline_di_sections");
    assert_eq!(speech.meta.announced_sections, Some(3));
    let markers: Vec<_> = speech
        .sections
        .iter()
        .filter_map(|s| s.marker.as_deref())
        .collect();
    assert_eq!(markers, vec!["第一，", "第二，", "第三，"]);
    let counts: Vec<usize> = speech.sections.iter().map(|s| s.directives.len()).collect();
    assert_eq!(
        counts,
        vec![3, 3, 0],
        "要坚持… without a number is no directive"
    );
    assert!(speech.closing[0].text.ends_with("谢谢大家！"));
}

#[test]
fn sequence_words_are_directives_counting_to_last() {
    let speech = input("outline_sequence_words");
    assert_eq!(
        speech.salutation.as_ref().map(|s| s.text.as_str()),
        Some("各位代表、同志们")
    );
    let ordinals: Vec<Vec<u32>> = speech
        .sections
        .iter()
        .map(|s| s.directives.iter().map(|d| d.ordinal).collect())
        .collect();
    assert_eq!(ordinals, vec![vec![1, 2, 3], vec![1, 2, 3, 4]]);
    assert!(speech.closing[0].text.starts_with("代表们，"));
}

#[test]
fn arabic_items_below_subsections_are_their_directives() {
    let speech = input("outline_arabic_levels");
    let first = &speech.sections[0];
    assert_eq!(
        headings(&first.subsections),
        vec![(1, "加强和改进监督工作"), (2, "加强和改进代表工作")]
    );
    let points = |s: &Section| -> Vec<(u32, String, String)> {
        s.directives
            .iter()
            .map(|d| (d.ordinal, d.marker.clone(), d.heading.clone()))
            .collect()
    };
    // Full-width and half-width points alike; the （1） items under 2. stay in its section.
    assert_eq!(
        points(&first.subsections[0]),
        vec![
            (1, "１．".to_owned(), "完善监督机制".to_owned()),
            (2, "２．".to_owned(), "突出监督重点".to_owned())
        ]
    );
    assert!(first.subsections[0].subsections.is_empty());
    assert!(first.subsections[0]
        .paragraphs
        .iter()
        .any(|p| p.text.starts_with("（1）预算审查监督")));
    assert_eq!(points(&first.subsections[1]).len(), 2);
    assert_eq!(speech.sections[1].subsections[1].directives.len(), 2);
    assert_eq!(speech.closing.len(), 1);
}

#[test]
fn stripped_line_breaks_still_give_sections_and_headings() {
    let speech = input("outline_stripped");
    assert_eq!(
        headings(&speech.sections),
        vec![
            (1, "坚定信心，抓好全年目标任务落实"),
            (2, "依法履职，充分发挥镇人大作用"),
            (3, "改进作风，树立良好形象")
        ]
    );
    assert_eq!(
        speech.salutation.as_ref().map(|s| s.text.as_str()),
        Some("各位代表，同志们")
    );
    assert_eq!(speech.sections[0].directives.len(), 3);
    assert_eq!(speech.meta.announced_sections, Some(3));
    assert!(speech.closing[0].text.starts_with("同志们，让我们"));
}

#[test]
fn hard_wrapped_lines_are_joined_into_paragraphs() {
    let speech = input("outline_wiki_wrapped");
    assert_eq!(
        headings(&speech.sections),
        vec![(1, "深化代表联络站建设"), (2, "提高代表建议办理质量")]
    );
    let first = &speech.sections[0];
    assert_eq!(first.paragraphs.len(), 2);
    assert!(first.paragraphs[1].text.contains('\n'));
    assert!(first.paragraphs[1].text.ends_with("事事有回音。"));
    assert_eq!(speech.meta.announced_sections, Some(2));
}

#[test]
fn a_fragment_keeps_its_written_numbers() {
    let speech = input("outline_fragment");
    assert!(speech.meta.fragment);
    assert_eq!(
        speech
            .sections
            .iter()
            .map(|s| s.ordinal)
            .collect::<Vec<_>>(),
        vec![3, 4, 5]
    );
    assert_eq!(speech.sections[0].directives.len(), 3);
    assert_eq!(speech.sections[0].directives[0].marker, "一是要");
    assert!(codes(&speech).contains(&DiagnosticCode::Fragment));
}

#[test]
fn an_announced_count_that_does_not_match_is_reported() {
    let speech = input("outline_announced_mismatch");
    assert_eq!(speech.meta.announced_sections, Some(4));
    assert_eq!(speech.sections.len(), 3);
    assert_eq!(
        codes(&speech),
        vec![DiagnosticCode::AnnouncedSectionsMismatch]
    );
    assert_eq!(
        speech
            .closing
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>(),
        vec!["谢谢大家！"]
    );
}

#[test]
fn a_glossary_after_the_closing_is_the_appendix() {
    let speech = input("outline_glossary");
    assert_eq!(speech.sections.len(), 2);
    assert_eq!(speech.sections[1].directives.len(), 3);
    assert!(speech.closing[0].text.starts_with("同志们，立法工作"));
    let appendix: Vec<&str> = speech.appendix.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(appendix.first(), Some(&"名词解释"));
    assert_eq!(appendix.len(), 3);
}

#[test]
fn yao_points_as_parts_and_a_closing_after_full_lines() {
    let speech = input("outline_yao_sections");
    assert_eq!(
        headings(&speech.sections),
        vec![
            (1, "提高政治站位"),
            (2, "强化担当作为"),
            (3, "密切联系代表"),
            (4, "加强作风建设")
        ]
    );
    assert_eq!(speech.meta.announced_sections, Some(4));
    // The lines are all about as wide, as in hard-wrapped text: the address still starts the
    // closing rather than continuing the last part.
    assert_eq!(speech.sections[3].paragraphs.len(), 1);
    assert!(speech.closing[0].text.starts_with("同志们，让我们"));
    assert!(speech.diagnostics.is_empty(), "{:?}", speech.diagnostics);
}

#[test]
fn unnumbered_part_headings_stand_beside_one_numbered_run() {
    let speech = input("outline_part_headings");
    assert_eq!(
        speech.preamble.len(),
        2,
        "the parts do not go to the preamble"
    );
    assert_eq!(
        headings(&speech.sections),
        vec![
            (1, "“十四五”时期发展成就和2025年工作回顾"),
            (2, "“十五五”时期主要目标和2026年重点工作"),
            (1, "着力扩大有效需求，推动经济持续回升向好"),
            (2, "着力建设现代化产业体系，增强发展新动能")
        ]
    );
    let markers: Vec<_> = speech
        .sections
        .iter()
        .map(|s| s.marker.as_deref())
        .collect();
    assert_eq!(markers, vec![None, None, Some("一、"), Some("二、")]);
    // The numbered parts keep their own subsections.
    let subs: Vec<Vec<u32>> = speech.sections[2..]
        .iter()
        .map(|p| p.subsections.iter().map(|s| s.ordinal).collect())
        .collect();
    assert_eq!(subs, vec![vec![1, 2], vec![1, 2, 3]]);
    assert!(speech.closing[0].text.starts_with("各位代表！"));
    assert!(codes(&speech).is_empty());
}

/// Numerals alone on their lines, as older publications set them, number the parts; a numeral
/// that a hard wrap leaves at a line's start (一 / 年来) does not.
#[test]
fn numerals_alone_on_their_lines_number_the_parts() {
    let speech = input("outline_bare_numerals");
    let markers: Vec<_> = speech
        .sections
        .iter()
        .map(|s| (s.ordinal, s.marker.as_deref(), s.heading.as_str()))
        .collect();
    assert_eq!(
        markers,
        vec![
            (1, Some("一"), ""),
            (2, Some("二"), ""),
            (3, Some("三"), "")
        ]
    );
    assert!(speech.sections[0]
        .paragraphs
        .iter()
        .any(|p| p.text.ends_with("以上，一")));
    assert_eq!(speech.closing.len(), 1);
    assert!(speech.closing[0].text.starts_with("让我们团结一致"));
    assert!(codes(&speech).is_empty(), "{:?}", codes(&speech));
}

/// Where each part restarts its own numbers, the parts hold them.
#[test]
fn unnumbered_part_headings_over_paren_parts() {
    let speech = input("outline_part_headings_paren");
    assert_eq!(
        headings(&speech.sections),
        vec![(1, "2025年工作回顾"), (2, "2026年工作安排")]
    );
    let ordinals = |s: &Section| -> Vec<u32> { s.subsections.iter().map(|s| s.ordinal).collect() };
    assert_eq!(ordinals(&speech.sections[0]), vec![1, 2, 3]);
    assert_eq!(ordinals(&speech.sections[1]), vec![1, 2]);
    assert_eq!(
        speech.sections[1].subsections[0].subsections[1]
            .marker
            .as_deref(),
        Some("2.")
    );
    assert!(speech.closing[0].text.starts_with("各位代表，新的一年"));
}

#[test]
fn the_closing_does_not_start_inside_the_last_part() {
    let speech = input("outline_closing_after_subsections");
    let last = &speech.sections[1];
    assert_eq!(
        headings(&last.subsections),
        vec![
            (1, "提高立法质量"),
            (2, "增强监督实效"),
            (3, "密切代表联系")
        ]
    );
    assert_eq!(speech.closing.len(), 1);
    assert!(speech.closing[0].text.starts_with("各位代表！"));
}

#[test]
fn a_run_of_dash_led_paragraphs_makes_the_parts() {
    let speech = input("outline_dash_points");
    assert_eq!(
        headings(&speech.sections),
        vec![
            (1, "我们要坚持正确政治方向"),
            (2, "我们要坚持以人民为中心"),
            (3, "我们要坚持依法履职"),
            (4, "我们要坚持以身作则")
        ]
    );
    assert!(speech
        .sections
        .iter()
        .all(|s| s.marker.as_deref() == Some("——")));
    assert!(speech.closing[0].text.starts_with("同志们，代表工作"));
}

#[test]
fn dash_led_points_inside_a_part_are_its_directives() {
    let speech = input("outline_part_headings");
    let review = &speech.sections[0];
    let points: Vec<(u32, &str, &str)> = review
        .directives
        .iter()
        .map(|d| (d.ordinal, d.marker.as_str(), d.heading.as_str()))
        .collect();
    assert_eq!(
        points,
        vec![
            (1, "——", "这五年综合实力明显增强"),
            (2, "——", "这五年创新动能加快积聚"),
            (3, "——", "这五年城乡面貌深刻变化"),
            (4, "——", "这五年民生福祉不断增进")
        ]
    );
}

#[test]
fn an_afterword_goes_to_the_appendix_and_asides_are_no_headings() {
    let speech = input("outline_afterword");
    assert_eq!(
        headings(&speech.sections),
        vec![
            (1, "家门口的民意窗口"),
            (2, "群众的事情有人管"),
            (3, "建议办理有回音")
        ]
    );
    // The quotation and the question under the second and third subheads stay their text.
    assert!(speech.sections[1].paragraphs[1]
        .text
        .starts_with("“民有所呼"));
    assert!(speech.sections[2].paragraphs[1].text.ends_with("？"));
    let appendix: Vec<&str> = speech.appendix.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(appendix.first(), Some(&"编后"));
    assert_eq!(appendix.len(), 2);
    assert!(speech.closing.is_empty());
}

#[test]
fn an_article_s_subheads_with_commas_and_quotes_are_its_parts() {
    let speech = input("outline_news_subheads");
    assert_eq!(
        headings(&speech.sections),
        vec![
            (1, "坚持党的领导，确保人大工作正确方向"),
            (2, "“立法为民”的理念深入人心"),
            (3, "围绕中心服务大局，监督工作精准有力"),
            (4, "代表履职平台越建越实")
        ]
    );
    // The 一是… paragraphs of one subhead are its points, not the parts of the article.
    let markers: Vec<&str> = speech.sections[2]
        .directives
        .iter()
        .map(|d| d.marker.as_str())
        .collect();
    assert_eq!(markers, vec!["一是", "二是"]);
}
