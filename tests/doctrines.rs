//! Cited doctrines: every lexicon entry is found, false friends give nothing, spans cut the
//! input exactly, `--lexicon` extends the lexicon, and snapshots of whole speeches.

use std::path::Path;
use std::process::Command;

use jianghua::doctrines::{extract, lexicon::parse_entries, Lexicon};
use jianghua::model::{Doctrine, DoctrineKind};
use jianghua::text::SourceText;
use serde::Serialize;

const LEXICON_TSV: &str = include_str!("../data/doctrines.tsv");

fn doctrines_of(text: &str) -> Vec<Doctrine> {
    let source = SourceText::new(text.to_owned());
    let whole = 0..text.len();
    extract(&source, std::slice::from_ref(&whole), None)
}

/// Sentences a form is cited in, varied so that the neighbouring characters differ.
const SENTENCES: &[(&str, &str)] = &[
    ("我们要深入学习贯彻", "，推动人大工作高质量发展。"),
    ("坚持", "不动摇"),
    ("各级人大要以", "为根本遵循，依法履职。"),
    ("要把", "落到实处"),
];

#[test]
fn every_lexicon_form_is_found_under_its_entry() {
    let entries = parse_entries(LEXICON_TSV).expect("data/doctrines.tsv parses");
    let mut checked = 0;
    for (i, entry) in entries.iter().enumerate() {
        for form in &entry.forms {
            let (before, after) = SENTENCES[(i + checked) % SENTENCES.len()];
            let cited = if form.marked_only {
                format!("“{}”", form.text)
            } else {
                form.text.clone()
            };
            let sentence = format!("{before}{cited}{after}");
            let found = doctrines_of(&sentence);
            let doctrine = found.iter().find(|d| d.name == entry.name);
            let Some(doctrine) = doctrine else {
                panic!("{sentence}: {} not found, got {found:?}", entry.name);
            };
            assert_eq!(doctrine.kind, entry.kind, "{sentence}");
            assert_eq!(doctrine.mentions[0].text, form.text, "{sentence}");
            assert_eq!(doctrine.count, 1, "{sentence}");
            checked += 1;
        }
    }
    assert!(checked >= 140, "{checked} forms checked");
}

#[test]
fn marked_only_forms_are_not_found_bare() {
    let entries = parse_entries(LEXICON_TSV).expect("data/doctrines.tsv parses");
    for entry in &entries {
        for form in entry.forms.iter().filter(|f| f.marked_only) {
            let sentence = format!("坚持{}不动摇", form.text);
            assert!(
                doctrines_of(&sentence).iter().all(|d| d.name != entry.name),
                "{sentence}"
            );
        }
    }
}

#[test]
fn false_friends_give_nothing() {
    for text in [
        "下面，我讲五个方面意见。",
        "评价一个国家政治制度是不是民主的、有效的，主要看人民满不满意。",
        "为全市发展汇聚更多“金点子”“金钥匙”。",
        "办理建议的满意率提高了三个百分点，共分六个方面。",
        "让发展更有“温度”，找准“小切口”，支持“干”、改进“为”。",
        "全市形成“一盘棋”，防止“一刀切”，组织视察“两次”。",
        "连续实现“十八连丰”，擦亮“三安”品牌，解决“一人一委”问题。",
        "坚持实事求是，依法治国，以人民为中心，推进中国式现代化。",
        "二十大类产品和XX大道建设。",
    ] {
        let found = doctrines_of(text);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

#[test]
fn numbered_and_patterned_formulations_not_in_any_lexicon() {
    let text = "紧扣县委“2345”工作思路和“三带两区”布局，落实“五抓五促”，学习习近平强军思想，\
                贯彻党的十七大和十八届四中全会精神，迎接党的XX大。";
    let names: Vec<String> = doctrines_of(text).into_iter().map(|d| d.name).collect();
    assert_eq!(
        names,
        [
            "2345",
            "三带两区",
            "五抓五促",
            "习近平强军思想",
            "党的十七大",
            "党的十八届四中全会",
            "党的XX大"
        ]
    );
}

#[test]
fn often_cited_doctrines_are_found() {
    let text =
        "坚持稳中求进工作总基调，坚持四项基本原则，以供给侧结构性改革为主线，扎实推进共同富裕，\
                实施乡村振兴战略，培育和践行社会主义核心价值观，发展“新质生产力”，坚持马克思主义。";
    let names: Vec<String> = doctrines_of(text).into_iter().map(|d| d.name).collect();
    assert_eq!(
        names,
        [
            "稳中求进工作总基调",
            "四项基本原则",
            "供给侧结构性改革",
            "共同富裕",
            "乡村振兴战略",
            "社会主义核心价值观",
            "新质生产力",
            "马克思主义"
        ]
    );
}

#[test]
fn what_is_no_doctrine_is_refused() {
    for text in [
        "全国学联二十七大胜利召开，共青团十九大精神，民盟十二届三中全会",
        "打通“12345”热线，修好“00”号公路，迎接“21”世纪",
        "一个“一个资产阶级”的说法，不讲“三皇五帝”，不能“三心二意”",
        "全国两会期间，“两会”代表委员，“两院”院士，村“两委”换届，“三甲”医院",
        "事故起数实现“双下降”，取得“十个全国第一”，办好“十四冬”",
        "十大产业、三大改造、七大精神",
    ] {
        let found = doctrines_of(text);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

#[test]
fn one_doctrine_however_written() {
    let text =
        "学习党的十九大精神。十九大以来，中共十九大提出，中国共产党第十九次全国代表大会强调。\
                党的十九届四中全会和十九届四中全会、中共十九届四中全会、\
                十九届中央委员会第四次全体会议。";
    let found = doctrines_of(text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].name, "党的十九大");
    assert_eq!(found[0].count, 4);
    assert_eq!(
        found[0].aliases,
        ["十九大", "中共十九大", "中国共产党第十九次全国代表大会"]
    );
    assert_eq!(found[1].name, "党的十九届四中全会");
    assert_eq!(found[1].count, 4);
    assert_eq!(
        found[1].aliases,
        [
            "十九届四中全会",
            "中共十九届四中全会",
            "十九届中央委员会第四次全体会议"
        ]
    );
    let found = doctrines_of("坚持稳中求进，落实稳中求进工作总基调，实现“双碳”和碳达峰碳中和目标");
    let names: Vec<(&str, u32)> = found.iter().map(|d| (d.name.as_str(), d.count)).collect();
    assert_eq!(names, [("稳中求进工作总基调", 2), ("碳达峰碳中和", 2)]);
}

#[test]
fn leaders_words_are_quotes_with_attribution() {
    let text = "习近平总书记深刻指出：“江山就是人民，人民就是江山。”我们要牢记总书记“以人民为中心”的嘱托。";
    let found = doctrines_of(text);
    let quote = found
        .iter()
        .find(|d| d.kind == DoctrineKind::Quote)
        .expect("a quote");
    assert_eq!(quote.name, "江山就是人民，人民就是江山");
    assert_eq!(quote.attribution.as_deref(), Some("习近平总书记"));
    assert!(found.iter().any(|d| d.name == "以人民为中心的发展思想"));
}

fn read_input(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Seeds and the inputs of this area, with a snapshot name.
fn corpus() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<(String, std::path::PathBuf)> = Vec::new();
    for entry in std::fs::read_dir(root.join("seeds")).expect("seeds/") {
        let path = entry.expect("seed").path();
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let short = stem.split('_').next().unwrap_or(&stem).to_owned();
        files.push((format!("seed_{short}"), path));
    }
    for entry in std::fs::read_dir(root.join("tests/inputs")).expect("tests/inputs/") {
        let path = entry.expect("input").path();
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if stem.starts_with("lexicon_") {
            files.push((stem, path));
        }
    }
    files.sort();
    files
        .into_iter()
        .map(|(name, path)| (name, read_input(&path)))
        .collect()
}

#[test]
fn mentions_cut_the_input_exactly_and_counts_agree() {
    for (name, text) in corpus() {
        let speech = jianghua::parse_str(text.clone(), &Default::default());
        let chars: Vec<char> = text.chars().collect();
        for d in &speech.doctrines {
            assert_eq!(d.count as usize, d.mentions.len(), "{name}: {}", d.name);
            assert!(
                !d.name.contains(['《', '》', '“', '”', '"']),
                "{name}: {}",
                d.name
            );
            for m in &d.mentions {
                let cut: String = chars[m.span.start..m.span.end].iter().collect();
                assert_eq!(cut, m.text, "{name}: {}", d.name);
            }
        }
    }
}

/// A compact view of a doctrine for snapshots.
#[derive(Serialize)]
struct Summary {
    name: String,
    kind: DoctrineKind,
    count: u32,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    attribution: Option<String>,
    spans: Vec<String>,
}

fn summary(doctrines: &[Doctrine]) -> Vec<Summary> {
    doctrines
        .iter()
        .map(|d| Summary {
            name: d.name.clone(),
            kind: d.kind,
            count: d.count,
            aliases: d.aliases.clone(),
            attribution: d.attribution.clone(),
            spans: d
                .mentions
                .iter()
                .map(|m| format!("{}..{}", m.span.start, m.span.end))
                .collect(),
        })
        .collect()
}

#[test]
fn snapshots() {
    for (name, text) in corpus() {
        let speech = jianghua::parse_str(text, &Default::default());
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_yaml_snapshot!(format!("doctrines__{name}"), summary(&speech.doctrines));
        });
    }
}

#[test]
fn a_user_lexicon_adds_local_formulations() {
    let lexicon =
        Lexicon::with_user_entries("# local plans\n两城三区\tformulation\t“两城三区”战略\n")
            .expect("valid");
    let source = SourceText::new("推进两城三区建设，学习四个意识".to_owned());
    let whole = 0..source.as_str().len();
    let names: Vec<String> = extract(&source, std::slice::from_ref(&whole), Some(&lexicon))
        .into_iter()
        .map(|d| d.name)
        .collect();
    assert_eq!(names, ["两城三区", "四个意识"]);
}

#[test]
fn cli_lexicon_flag_extends_and_reports_bad_lines() {
    let dir = tempfile::tempdir().expect("temp dir");
    let speech = dir.path().join("speech.txt");
    std::fs::write(&speech, "同志们：要全面落实“两城三区”发展战略。").expect("write");
    let good = dir.path().join("good.tsv");
    std::fs::write(&good, "两城三区\tformulation\n").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_jianghua"))
        .args(["parse", "--lexicon"])
        .arg(&good)
        .arg(&speech)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["doctrines"][0]["name"], "两城三区");

    let bad = dir.path().join("bad.tsv");
    std::fs::write(&bad, "# ok\n两城三区\tformulaton\n").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_jianghua"))
        .args(["parse", "--lexicon"])
        .arg(&bad)
        .arg(&speech)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.tsv: line 2, column 6: unknown kind `formulaton`"),
        "{stderr}"
    );
}
