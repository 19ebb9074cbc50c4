//! Page chrome and closings on inputs made for them: a wiki copy ending with a licence notice,
//! a news page (page line, dateline, summary box, captions, editor mark, reprint notice), a wiki
//! copy with footnote marks, and work reports whose closing must start at the right place. Each
//! input has a snapshot of its segments and closing, and tests of the rule it was written for.

use std::path::Path;

use jianghua::model::{BoilerplateKind, FrontMatterKind, Section, Speech};
use jianghua::parse::{classify, layout, Role};

const INPUTS: &[&str] = &[
    "chrome_footnote_marks",
    "chrome_news_page",
    "chrome_wiki_licence",
    "closing_conclusion_heading",
];

fn path(name: &str) -> std::path::PathBuf {
    Path::new("tests/inputs").join(format!("{name}.txt"))
}

fn text(name: &str) -> String {
    std::fs::read_to_string(path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn speech(name: &str) -> Speech {
    jianghua::parse_str(text(name), &Default::default())
}

/// The role and text of every segment of an input.
fn segments(name: &str) -> Vec<(Role, String)> {
    let text = text(name);
    classify::classify(&text, &layout::lines(&text))
        .into_iter()
        .map(|s| (s.role, text[s.range].to_owned()))
        .collect()
}

fn texts_of(name: &str, role: Role) -> Vec<String> {
    segments(name)
        .into_iter()
        .filter(|(r, _)| *r == role)
        .map(|(_, t)| t)
        .collect()
}

fn chrome(kind: BoilerplateKind) -> Role {
    Role::Boilerplate(kind)
}

fn role_name(role: Role) -> String {
    match role {
        Role::Front(kind) => format!("front/{kind:?}"),
        Role::Boilerplate(kind) => format!("chrome/{kind:?}"),
        Role::Body => "body".to_owned(),
    }
}

/// Every body passage of a speech: preamble, section paragraphs, closing, appendix.
fn body_passages(speech: &Speech) -> Vec<&str> {
    fn section_paragraphs<'a>(section: &'a Section, out: &mut Vec<&'a str>) {
        out.extend(section.paragraphs.iter().map(|p| p.text.as_str()));
        for sub in &section.subsections {
            section_paragraphs(sub, out);
        }
    }
    let mut out: Vec<&str> = speech.preamble.iter().map(|p| p.text.as_str()).collect();
    for section in &speech.sections {
        section_paragraphs(section, &mut out);
    }
    out.extend(speech.closing.iter().map(|p| p.text.as_str()));
    out.extend(speech.appendix.iter().map(|p| p.text.as_str()));
    out
}

fn closing(speech: &Speech) -> Vec<&str> {
    speech.closing.iter().map(|p| p.text.as_str()).collect()
}

#[test]
fn snapshots() {
    for name in INPUTS {
        let segments: Vec<String> = segments(name)
            .into_iter()
            .map(|(role, text)| format!("{}: {text}", role_name(role)))
            .collect();
        let speech = speech(name);
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_yaml_snapshot!(format!("parse_chrome__segments__{name}"), segments);
            insta::assert_yaml_snapshot!(format!("parse_chrome__closing__{name}"), closing(&speech));
        });
    }
}

#[test]
fn a_wiki_licence_notice_broken_over_lines_is_one_notice_after_the_speech() {
    let name = "chrome_wiki_licence";
    let licence = texts_of(name, chrome(BoilerplateKind::Licence));
    assert_eq!(
        licence.first().map(String::as_str),
        Some("本作品是国家机关的决议、决定和其他具有立法、行政性质的文件。依照《")
    );
    for piece in [
        "中华人民共和国著作权法",
        "中国大陆",
        "公有领域",
        "。",
        "未必",
        "都是具有立法、行政性质的文件。",
        "Public domain",
        "false",
    ] {
        assert!(
            licence.iter().any(|l| l == piece),
            "{piece:?} is not in the notice"
        );
    }
    let speech = speech(name);
    for passage in body_passages(&speech) {
        assert!(
            !passage.contains("公有领域") && !passage.contains("著作权法"),
            "{passage:?}"
        );
    }
}

#[test]
fn the_closing_starts_at_the_last_address_after_the_last_numbered_part() {
    let speech = speech("chrome_wiki_licence");
    assert_eq!(closing(&speech).first().copied(), Some("各位代表！"),);
    // The address that opens a topic of （一） stays in it, and so does the one after （二）
    // that opens the last topic before the peroration.
    let last = speech.sections.last().unwrap();
    assert_eq!(last.subsections.len(), 2);
    assert!(last.subsections[0]
        .paragraphs
        .iter()
        .any(|p| p.text == "各位代表！"));
    let closing = closing(&speech);
    assert_eq!(closing.len(), 2, "{closing:?}");
    assert!(closing[1].starts_with("征程万里"));
}

#[test]
fn a_conclusion_heading_opens_the_closing() {
    let speech = speech("closing_conclusion_heading");
    assert_eq!(
        closing(&speech),
        [
            "结束语",
            "各位代表！",
            "今后五年的任务艰巨而光荣。让我们团结一致，为实现五年计划的各项目标而奋斗！"
        ]
    );
    let last = speech.sections.last().unwrap();
    assert!(last
        .paragraphs
        .iter()
        .any(|p| p.text.starts_with("各地方要从实际出发")));
}

#[test]
fn news_datelines_and_page_lines_are_the_source_split_off_the_prose() {
    let name = "chrome_news_page";
    assert_eq!(
        texts_of(name, Role::Front(FrontMatterKind::Source)),
        [
            "《人民日报》（2031年03月06日 01 版）",
            "新华社北京3月5日电（记者 张华 李青）",
            "本网讯（记者 刘洋）",
        ]
    );
    let speech = speech(name);
    let passages = body_passages(&speech);
    assert_eq!(
        passages.first().copied(),
        Some("第十六届全国人民代表大会第二次会议5日上午在人民大会堂开幕。近三千名全国人大代表出席会议。")
    );
    assert!(passages.contains(&"与会代表认真审议了各项报告。"));
}

#[test]
fn captions_summary_boxes_editor_marks_and_reprint_notices_are_chrome() {
    let name = "chrome_news_page";
    assert_eq!(
        texts_of(name, chrome(BoilerplateKind::Caption)),
        [
            "核心阅读",
            "大会听取政府工作报告，审议计划报告和预算报告。",
            "图为开幕会现场。新华社记者 孙明 摄",
            "周　亮　摄",
        ]
    );
    assert_eq!(
        texts_of(name, chrome(BoilerplateKind::Editor)),
        ["（责编：王丽、赵强）"]
    );
    assert_eq!(
        texts_of(name, chrome(BoilerplateKind::Licence)),
        ["转载请注明出处。未经授权禁止转载、摘编。"]
    );
    let speech = speech(name);
    assert!(body_passages(&speech)
        .iter()
        .any(|p| p.ends_with("居民收入增长和经济增长同步。")));
}

#[test]
fn a_kicker_is_split_off_the_title() {
    let name = "chrome_news_page";
    assert_eq!(
        texts_of(name, Role::Front(FrontMatterKind::Title)),
        ["十六届全国人大二次会议在京开幕"]
    );
    assert!(texts_of(name, chrome(BoilerplateKind::Other)).contains(&"【两会时间】".to_owned()));
    assert_eq!(
        speech(name).meta.title.as_deref(),
        Some("十六届全国人大二次会议在京开幕")
    );
}

#[test]
fn footnote_marks_are_chrome_and_the_notes_an_appendix() {
    let name = "chrome_footnote_marks";
    assert_eq!(
        texts_of(name, chrome(BoilerplateKind::Footnote)),
        ["[", "1", "]", "[", "2", "]", "[註 3]"]
    );
    let speech = speech(name);
    let bare_mark = |p: &&str| matches!(*p, "[" | "]" | "↑") || p.contains('[');
    let before_appendix = body_passages(&speech).len() - speech.appendix.len();
    assert!(!body_passages(&speech)[..before_appendix]
        .iter()
        .any(bare_mark));
    assert_eq!(speech.appendix.len(), 6);
    assert_eq!(speech.appendix[0].text, "↑");
}
