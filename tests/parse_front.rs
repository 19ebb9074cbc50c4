//! The front half of the parser (decode, layout, classify, front matter) on the seeds and on
//! inputs made for it: snapshots of every stage's output, and the promises that matter most
//! (no page chrome in the body, the metadata the page states).

use std::path::Path;

use jianghua::model::{BoilerplateKind, Encoding, FrontMatterKind, Genre, Level, Meta};
use jianghua::parse::{classify, decode, front_matter, layout, Role, Segment};
use jianghua::text::SourceText;

const SEEDS: &[&str] = &[
    "000_3f4916e24b487887",
    "001_92eadee56029bad3",
    "002_d8406d316734750d",
    "003_2af99a9e1bdd1e35",
    "004_1c549c44ea05e382",
];

const INPUTS: &[&str] = &[
    "front_county_chrome",
    "front_dated_byline",
    "front_gb18030_crlf",
    "front_utf16le",
    "front_utf8_bom",
    "front_national_report",
    "front_autonomous_region",
    "front_letter_spaced",
    "front_municipality",
    "front_resolution",
    "front_one_line",
    "front_news_article",
    "front_wire_lead",
    "front_wire_one_line",
];

/// Everything the front half produces for one file.
struct Stages {
    source: SourceText,
    encoding: Encoding,
    lines: Vec<jianghua::parse::Line>,
    segments: Vec<Segment>,
    meta: Meta,
}

fn run(path: &Path) -> Stages {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let decoded = decode::decode(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let source = SourceText::new(decoded.text);
    let lines = layout::lines(source.as_str());
    let segments = classify::classify(source.as_str(), &lines);
    let meta = front_matter::extract(&source, &segments);
    Stages {
        source,
        encoding: decoded.encoding,
        lines,
        segments,
        meta,
    }
}

fn seed(name: &str) -> Stages {
    run(&Path::new("seeds").join(format!("{name}.txt")))
}

fn input(name: &str) -> Stages {
    run(&Path::new("tests/inputs").join(format!("{name}.txt")))
}

fn role_name(role: Role) -> String {
    match role {
        Role::Front(kind) => format!("front/{kind:?}"),
        Role::Boilerplate(kind) => format!("chrome/{kind:?}"),
        Role::Body => "body".to_owned(),
    }
}

fn preview(text: &str, chars: usize) -> String {
    let mut out: String = text.chars().take(chars).collect();
    if text.chars().count() > chars {
        out.push('…');
    }
    out
}

impl Stages {
    fn text(&self, segment: &Segment) -> &str {
        &self.source.as_str()[segment.range.clone()]
    }

    fn lines_summary(&self) -> Vec<String> {
        self.lines
            .iter()
            .map(|l| {
                let text = &self.source.as_str()[l.range.clone()];
                let blank = if l.blank_before { " (after blank)" } else { "" };
                format!(
                    "L{} {}c{}: {}",
                    l.number,
                    text.chars().count(),
                    blank,
                    preview(text, 24)
                )
            })
            .collect()
    }

    fn segments_summary(&self) -> Vec<String> {
        self.segments
            .iter()
            .map(|s| {
                format!(
                    "L{} {}: {}",
                    s.line,
                    role_name(s.role),
                    preview(self.text(s), 36)
                )
            })
            .collect()
    }

    fn body(&self) -> String {
        self.segments
            .iter()
            .filter(|s| s.role == Role::Body)
            .map(|s| self.text(s))
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn texts_of(&self, role: Role) -> Vec<&str> {
        self.segments
            .iter()
            .filter(|s| s.role == role)
            .map(|s| self.text(s))
            .collect()
    }
}

fn snapshot(kind: &str, name: &str, stages: &Stages) {
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_yaml_snapshot!(format!("parse_front__{kind}__lines__{name}"), stages.lines_summary());
        insta::assert_yaml_snapshot!(format!("parse_front__{kind}__segments__{name}"), stages.segments_summary());
        insta::assert_yaml_snapshot!(format!("parse_front__{kind}__meta__{name}"), stages.meta);
    });
}

#[test]
fn seed_snapshots() {
    for name in SEEDS {
        snapshot("seed", name, &seed(name));
    }
}

#[test]
fn input_snapshots() {
    for name in INPUTS {
        snapshot("input", name, &input(name));
    }
}

/// Scorer-style comparison: punctuation and blanks do not count.
fn comparable(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The page chrome of each seed that must stay out of the body.
const SEED_CHROME: &[(&str, &[&str])] = &[
    ("000_3f4916e24b487887", &["日期:01-17", "(上接一版)"]),
    (
        "001_92eadee56029bad3",
        &[
            "政讯通中心",
            "欢迎来到廉政法治网",
            "当前所在",
            "原文链接",
            "免责声明",
            "版权所有",
            "联系电话",
            "第一办公区",
            "邮箱",
            "发布时间",
        ],
    ),
    (
        "002_d8406d316734750d",
        &[
            "首 页",
            "人大简介",
            "通知公告",
            "图片内容",
            "市人大常委会会议召开",
            "当前位置",
            "Copyright 2004-2015",
            "豫ICP备",
        ],
    ),
    (
        "004_1c549c44ea05e382",
        &[
            "文似观山不喜平",
            "观山文库",
            "admin 分享",
            "预计阅读时长",
            "领取福利",
            "微信扫码分享",
            "221381",
        ],
    ),
];

#[test]
fn no_seed_chrome_in_the_body() {
    for (name, chrome) in SEED_CHROME {
        let body = comparable(&seed(name).body());
        for piece in *chrome {
            assert!(
                !body.contains(&comparable(piece)),
                "{name}: {piece:?} is in the body"
            );
        }
    }
}

#[test]
fn no_input_chrome_in_the_body() {
    let chrome: &[(&str, &[&str])] = &[
        (
            "front_county_chrome",
            &[
                "修水县人大常委会门户网站",
                "您的位置",
                "人大概况",
                "分享到",
                "下转第二版",
                "责任编辑",
                "相关阅读",
                "县人大常委会召开第二十三次会议",
                "县人大常委会开展优化营商环境执法检查",
                "版权所有",
                "ICP备",
                "公网安备",
            ],
        ),
        ("front_gb18030_crlf", &["来源", "编辑：刘洋"]),
        (
            "front_utf8_bom",
            &[
                "新闻中心",
                "当前位置",
                "浏览次数",
                "原文链接",
                "扫一扫",
                "Copyright",
            ],
        ),
    ];
    for (name, pieces) in chrome {
        let body = comparable(&input(name).body());
        for piece in *pieces {
            assert!(
                !body.contains(&comparable(piece)),
                "{name}: {piece:?} is in the body"
            );
        }
    }
}

#[test]
fn every_line_is_covered_by_segments() {
    for stages in SEEDS
        .iter()
        .map(|n| seed(n))
        .chain(INPUTS.iter().map(|n| input(n)))
    {
        let covered: usize = stages.segments.iter().map(|s| s.range.len()).sum();
        let visible: usize = stages
            .source
            .as_str()
            .chars()
            .filter(|&c| !layout::is_blank_char(c))
            .map(char::len_utf8)
            .sum();
        let segment_visible: usize = stages
            .segments
            .iter()
            .flat_map(|s| stages.text(s).chars())
            .filter(|&c| !layout::is_blank_char(c))
            .map(char::len_utf8)
            .sum();
        assert_eq!(segment_visible, visible);
        assert!(covered >= visible);
    }
}

#[test]
fn encodings_are_detected_and_decoded() {
    let gb = input("front_gb18030_crlf");
    assert_eq!(gb.encoding, Encoding::Gb18030);
    let twin = std::fs::read_to_string("tests/inputs/front_gb18030_crlf.utf8.txt").unwrap();
    assert_eq!(gb.source.as_str(), twin);
    assert!(gb
        .lines
        .iter()
        .all(|l| !gb.source.as_str()[l.range.clone()].contains('\r')));
    assert_eq!(input("front_utf16le").encoding, Encoding::Utf16le);
    let bom = input("front_utf8_bom");
    assert_eq!(bom.encoding, Encoding::Utf8Bom);
    assert!(!bom.source.as_str().starts_with('\u{FEFF}'));
}

#[test]
fn county_page_with_heavy_chrome() {
    let s = input("front_county_chrome");
    let m = &s.meta;
    assert_eq!(
        s.texts_of(Role::Front(FrontMatterKind::Title)),
        vec!["在全县人大工作暨代表工作", "推进会上的讲话"]
    );
    assert_eq!(
        m.title.as_deref(),
        Some("在全县人大工作暨代表工作推进会上的讲话")
    );
    assert_eq!(
        s.texts_of(Role::Boilerplate(BoilerplateKind::Repeated)),
        vec!["在全县人大工作暨代表工作推进会上的讲话"]
    );
    assert_eq!(
        s.texts_of(Role::Boilerplate(BoilerplateKind::Continuation)),
        vec!["（下转第二版）"]
    );
    assert_eq!(m.genre, Genre::Speech);
    let speaker = m.speaker.as_ref().unwrap();
    assert_eq!(
        (speaker.name.as_deref(), speaker.role.as_deref()),
        (Some("李强"), Some("县委书记"))
    );
    let date = m.date.as_ref().unwrap();
    assert_eq!(
        (date.year, date.month, date.day),
        (Some(2025), Some(3), Some(18))
    );
    assert_eq!(m.occasion.as_deref(), Some("全县人大工作暨代表工作推进会"));
    assert_eq!(
        (m.place.as_deref(), m.level),
        (Some("修水"), Some(Level::County))
    );
    assert!(m.fragment);
}

#[test]
fn dateline_subtitle_with_full_width_digits() {
    let m = input("front_gb18030_crlf").meta;
    assert_eq!(m.title.as_deref(), Some("凝心聚力 依法履职"));
    let date = m.date.unwrap();
    assert_eq!(
        (date.year, date.month, date.day, date.text.as_str()),
        (Some(2024), Some(11), Some(5), "２０２４年１１月５日")
    );
    assert_eq!(
        m.occasion.as_deref(),
        Some("赣州市人大常委会第二十三次会议")
    );
    assert_eq!(
        (m.place.as_deref(), m.level),
        (Some("赣州"), Some(Level::Municipal))
    );
    let source = m.source.unwrap();
    assert_eq!(source.origin.as_deref(), Some("赣州日报"));
    let published = source.published.unwrap();
    assert_eq!(
        (published.year, published.month, published.day),
        (Some(2024), Some(11), Some(6))
    );
}

#[test]
fn statement_with_office_in_the_title() {
    let m = input("front_utf16le").meta;
    assert_eq!(m.genre, Genre::Statement);
    assert_eq!(
        m.speaker.unwrap().role.as_deref(),
        Some("省人大常委会副主任")
    );
    assert_eq!(m.occasion.as_deref(), Some("全省人大信访工作座谈会"));
    assert_eq!(
        (m.place.as_deref(), m.level),
        (Some("河南"), Some(Level::Provincial))
    );
    assert_eq!(
        m.date.map(|d| (d.year, d.month, d.day)),
        Some((Some(2023), Some(7), Some(12)))
    );
}

#[test]
fn byline_with_its_date_under_a_plain_title() {
    let m = input("front_dated_byline").meta;
    assert_eq!(m.title.as_deref(), Some("扎实做好新时代县级人大工作"));
    assert_eq!(m.genre, Genre::Speech);
    let speaker = m.speaker.unwrap();
    assert_eq!(
        (speaker.role.as_deref(), speaker.name.as_deref()),
        (Some("县委书记"), Some("李振华"))
    );
    assert_eq!(
        m.date.map(|d| (d.year, d.month, d.day, d.text)),
        Some((Some(2023), Some(12), Some(28), "2023年12月28日".to_owned()))
    );
    assert_eq!(m.occasion.as_deref(), Some("县委人大工作会议"));
    // 新时代县级 names no county; the footer corroborates the 嘉善 of the closing.
    assert_eq!(
        (m.place.as_deref(), m.level),
        (Some("嘉善"), Some(Level::County))
    );
}

#[test]
fn article_fragment_with_redactions() {
    let s = input("front_utf8_bom");
    let m = &s.meta;
    assert_eq!(m.genre, Genre::Article);
    assert_eq!(
        m.title.as_deref(),
        Some("发挥人大监督作用 护航县域经济发展")
    );
    assert!(m.fragment);
    let source = m.source.as_ref().unwrap();
    assert_eq!(
        source.url.as_deref(),
        Some("http://www.example-rd.gov.cn/llyj/2021/0508/123.html")
    );
    let redactions: Vec<_> = m.redactions.iter().map(|p| p.text.as_str()).collect();
    assert!(redactions.contains(&"XX同志"), "{redactions:?}");
    assert!(redactions.contains(&"XX县"), "{redactions:?}");
    for p in &m.redactions {
        assert_eq!(s.source.slice_chars(p.span), Some(p.text.as_str()));
    }
}

#[test]
fn seed_metadata() {
    let m = seed("000_3f4916e24b487887").meta;
    assert_eq!(m.occasion.as_deref(), Some("市五届人大七次会议闭幕会"));
    assert_eq!(
        m.date.map(|d| (d.year, d.month, d.day)),
        Some((None, Some(1), Some(17)))
    );
    assert_eq!(
        (m.place.as_deref(), m.level, m.fragment),
        (Some("宜春"), Some(Level::Municipal), true)
    );

    let m = seed("001_92eadee56029bad3").meta;
    assert_eq!(
        (m.genre, m.place.as_deref(), m.level),
        (Genre::Article, None, None)
    );

    let m = seed("003_2af99a9e1bdd1e35").meta;
    assert_eq!(m.title, None);
    assert_eq!(
        m.occasion.as_deref(),
        Some("市人大2022年度工作推进动员大会")
    );
    assert_eq!((m.genre, m.level), (Genre::Speech, Some(Level::Municipal)));

    let m = seed("004_1c549c44ea05e382").meta;
    assert_eq!(
        (m.genre, m.place.as_deref(), m.level),
        (Genre::Statement, Some("安福"), Some(Level::County))
    );
}

/// (title, genre, level, place, speaker name, speaker role, occasion, date) of an input.
type Facts<'a> = (
    Option<&'a str>,
    Genre,
    Option<Level>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<(i32, u8, u8)>,
);

fn facts(m: &Meta) -> Facts<'_> {
    let speaker = m.speaker.as_ref();
    (
        m.title.as_deref(),
        m.genre,
        m.level,
        m.place.as_deref(),
        speaker.and_then(|s| s.name.as_deref()),
        speaker.and_then(|s| s.role.as_deref()),
        m.occasion.as_deref(),
        m.date
            .as_ref()
            .and_then(|d| Some((d.year?, d.month?, d.day?))),
    )
}

#[test]
fn a_national_report_names_no_place_whatever_its_body_mentions() {
    // Title cut over two lines, office and name on two lines, 香港/湖北/沿海城市/和政策/创新平台
    // in the body.
    let s = input("front_national_report");
    assert_eq!(
        facts(&s.meta),
        (
            Some("政府工作报告"),
            Genre::Report,
            Some(Level::National),
            None,
            Some("李德明"),
            Some("国务院总理"),
            Some("第十六届全国人民代表大会第二次会议"),
            Some((2031, 3, 5)),
        )
    );
    assert_eq!(
        s.texts_of(Role::Front(FrontMatterKind::Byline)),
        vec!["国务院总理", "李德明"]
    );
}

#[test]
fn an_autonomous_region_is_provincial_and_named_in_full() {
    // A dateline without a dash; a transcribed name with its dot.
    let s = input("front_autonomous_region");
    assert_eq!(
        facts(&s.meta),
        (
            Some("2031年广西壮族自治区政府工作报告"),
            Genre::Report,
            Some(Level::Provincial),
            Some("广西"),
            Some("阿不都·热合曼"),
            Some("自治区主席"),
            Some("广西壮族自治区第十四届人民代表大会第六次会议"),
            Some((2031, 1, 20)),
        )
    );
}

#[test]
fn a_letter_spaced_title_is_a_title() {
    let s = input("front_letter_spaced");
    assert_eq!(
        s.texts_of(Role::Front(FrontMatterKind::Title)),
        vec!["政 府 工 作 报 告"]
    );
    assert_eq!(
        facts(&s.meta),
        (
            Some("政府工作报告"),
            Genre::Report,
            Some(Level::County),
            Some("东河"),
            Some("王志强"),
            Some("东河区人民政府区长"),
            Some("东河区第十五届人民代表大会第三次会议"),
            Some((2031, 2, 26)),
        )
    );
}

#[test]
fn a_municipality_is_provincial() {
    let m = input("front_municipality").meta;
    assert_eq!(
        (m.level, m.place.as_deref()),
        (Some(Level::Provincial), Some("重庆"))
    );
}

#[test]
fn an_adoption_line_gives_the_session_and_the_date() {
    let s = input("front_resolution");
    assert_eq!(
        s.texts_of(Role::Front(FrontMatterKind::Subtitle)),
        vec!["（2031年3月11日第十六届全国人民代表大会第二次会议通过）"]
    );
    let m = &s.meta;
    assert_eq!(
        (m.level, m.place.as_deref(), m.occasion.as_deref()),
        (
            Some(Level::National),
            None,
            Some("第十六届全国人民代表大会第二次会议")
        )
    );
    assert_eq!(
        m.date.as_ref().map(|d| (d.year, d.month, d.day)),
        Some((Some(2031), Some(3), Some(11)))
    );
}

#[test]
fn front_matter_run_into_the_first_line_is_cut_out() {
    let s = input("front_one_line");
    assert_eq!(
        s.texts_of(Role::Front(FrontMatterKind::Title)),
        vec!["在全省人大代表工作座谈会上的讲话"]
    );
    assert_eq!(
        s.texts_of(Role::Front(FrontMatterKind::Date)),
        vec!["（2031年6月12日）"]
    );
    assert_eq!(
        facts(&s.meta),
        (
            Some("在全省人大代表工作座谈会上的讲话"),
            Genre::Speech,
            Some(Level::Provincial),
            None,
            Some("赵永清"),
            None,
            Some("全省人大代表工作座谈会"),
            Some((2031, 6, 12)),
        )
    );
    assert!(s.body().starts_with("同志们："));
}

#[test]
fn a_news_article_keeps_its_rubric_out_of_the_title() {
    let s = input("front_news_article");
    let m = &s.meta;
    assert_eq!(m.title.as_deref(), Some("让每一部法规都立得住行得通"));
    assert_eq!(m.genre, Genre::Article);
    assert_eq!(m.speaker, None);
    let source = m.source.as_ref().unwrap();
    assert_eq!(
        (source.origin.as_deref(), source.author.as_deref()),
        (Some("人民日报"), Some("王 明 李 华"))
    );
    assert_eq!(
        source.published.as_ref().map(|d| (d.year, d.month, d.day)),
        Some((Some(2031), Some(5), Some(19)))
    );
    assert_eq!(
        s.texts_of(Role::Front(FrontMatterKind::Source)),
        vec![
            "本报记者 王 明 李 华",
            "《 人民日报 》（ 2031年05月19日 18 版）"
        ]
    );
}

#[test]
fn a_wire_lead_names_the_speaker_the_day_and_the_meeting() {
    let m = input("front_wire_lead").meta;
    assert_eq!(
        facts(&m),
        (
            None,
            Genre::Article,
            Some(Level::National),
            None,
            Some("赵乐平"),
            Some("全国人大常委会委员长"),
            Some("十五届全国人大二次会议第二次全体会议"),
            None,
        )
    );
    let date = m.date.unwrap();
    assert_eq!(
        (date.month, date.day, date.text.as_str()),
        (Some(3), Some(8), "3月8日")
    );
    let source = m.source.unwrap();
    assert_eq!(
        (source.origin.as_deref(), source.author.as_deref()),
        (Some("新华社"), Some("张三 李四"))
    );
}

#[test]
fn wire_copy_on_one_line_has_its_head_cut_out() {
    let s = input("front_wire_one_line");
    assert_eq!(
        s.texts_of(Role::Front(FrontMatterKind::Source)),
        vec!["新华社北京10月16日电"]
    );
    assert_eq!(
        facts(&s.meta),
        (
            Some("以奋斗开创未来"),
            Genre::Report,
            Some(Level::National),
            None,
            Some("李建华"),
            None,
            Some("中国共产党第二十五次全国代表大会"),
            Some((2037, 10, 16)),
        )
    );
}
