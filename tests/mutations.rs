//! The contract under damage: every seed and test input, mutated the ways scraped pages differ
//! (lines shuffled, punctuation in the other width, numbering markers lost, page chrome added) and
//! re-encoded, still parses without panicking into a document that keeps the contract; and a
//! re-encoded text parses to the document of its UTF-8 twin, but for `meta.encoding`.

mod common;

use std::sync::LazyLock;

use encoding_rs::GB18030;
use jianghua::model::Encoding;
use jianghua::{ParseOptions, Speech};
use proptest::prelude::*;
use regex::Regex;

/// The decoded text of every corpus file, with its name.
static TEXTS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    common::corpus()
        .iter()
        .map(|path| (path.display().to_string(), common::text(path)))
        .collect()
});

/// Pairs of full-width and half-width punctuation that scraped pages mix up.
const WIDTHS: &[(char, char)] = &[
    ('，', ','),
    ('。', '.'),
    ('：', ':'),
    ('；', ';'),
    ('（', '('),
    ('）', ')'),
    ('！', '!'),
    ('？', '?'),
    ('“', '"'),
    ('”', '"'),
];

/// Numbering markers of sections and directives in every family.
static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    const N: &str = "[一二三四五六七八九十]+";
    let pattern = format!(
        r"{N}、|[（(]{N}[）)]|{N}是|{N}要|第{N}[，,、]|[0-9０-９]+[.．、]|[（(][0-9]+[）)]|首先，|其次，|最后，"
    );
    Regex::new(&pattern).unwrap_or_else(|e| panic!("the marker pattern: {e}"))
});

/// Page chrome and print-edition marks.
const BOILERPLATE: &[&str] = &[
    "导航 首页",
    "当前位置：首页 > 新闻",
    "当前位置: 首页 > 人大要闻 > 正文",
    "责任编辑：某某",
    "版权所有 © 某某市人大常委会",
    "分享到：微信 微博",
    "上接一版",
    "（上接第一版）",
    "【打印本页】 【关闭窗口】",
    "扫一扫在手机打开当前页",
    "首页 | 人大概况 | 新闻中心 | 联系我们",
];

/// One way a page may differ from the seed it came from.
#[derive(Debug, Clone)]
enum Mutation {
    /// The lines in another order.
    Shuffle(u64),
    /// Each listed punctuation mark turned to its other width with probability 1/2.
    SwapWidths(u64),
    /// Each numbering marker deleted with probability 1/2.
    DeleteMarkers(u64),
    /// A line of chrome inserted at a fraction (0..=1) of the lines: 0 the head, 1 the tail.
    InsertBoilerplate { line: usize, at: f64 },
}

impl Mutation {
    fn apply(&self, text: &str) -> String {
        match *self {
            Mutation::Shuffle(seed) => {
                let mut lines: Vec<&str> = text.lines().collect();
                fastrand::Rng::with_seed(seed).shuffle(&mut lines);
                lines.join("\n")
            }
            Mutation::SwapWidths(seed) => {
                let mut rng = fastrand::Rng::with_seed(seed);
                text.chars()
                    .map(|c| match other_width(c) {
                        Some(other) if rng.bool() => other,
                        _ => c,
                    })
                    .collect()
            }
            Mutation::DeleteMarkers(seed) => {
                let mut rng = fastrand::Rng::with_seed(seed);
                MARKER
                    .replace_all(text, |m: &regex::Captures| {
                        if rng.bool() {
                            String::new()
                        } else {
                            m[0].to_owned()
                        }
                    })
                    .into_owned()
            }
            Mutation::InsertBoilerplate { line, at } => {
                let mut lines: Vec<&str> = text.lines().collect();
                // `at` is within 0..=1, so the index is within 0..=len.
                let index = (at * lines.len() as f64).round() as usize;
                lines.insert(
                    index.min(lines.len()),
                    BOILERPLATE[line % BOILERPLATE.len()],
                );
                lines.join("\n")
            }
        }
    }
}

fn other_width(c: char) -> Option<char> {
    WIDTHS.iter().find_map(|&(full, half)| match c {
        _ if c == full => Some(half),
        _ if c == half => Some(full),
        _ => None,
    })
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<u64>().prop_map(Mutation::Shuffle),
        any::<u64>().prop_map(Mutation::SwapWidths),
        any::<u64>().prop_map(Mutation::DeleteMarkers),
        (any::<usize>(), prop_oneof![Just(0.0), Just(1.0), 0.0..=1.0])
            .prop_map(|(line, at)| Mutation::InsertBoilerplate { line, at }),
    ]
}

/// The encodings the parser reads, and `text` in each.
const ENCODINGS: &[Encoding] = &[
    Encoding::Utf8,
    Encoding::Utf8Bom,
    Encoding::Gb18030,
    Encoding::Utf16le,
    Encoding::Utf16be,
];

fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    let utf16 = |bom: [u8; 2], unit: fn(u16) -> [u8; 2]| {
        let units = text.encode_utf16().flat_map(unit);
        bom.into_iter().chain(units).collect()
    };
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        Encoding::Gb18030 => GB18030.encode(text).0.into_owned(),
        Encoding::Utf16le => utf16([0xFF, 0xFE], u16::to_le_bytes),
        Encoding::Utf16be => utf16([0xFE, 0xFF], u16::to_be_bytes),
        Encoding::Utf16leNoBom => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        Encoding::Utf16beNoBom => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        // Only named (`--encoding`) or asked for (`--lossy`): never among the detected ones.
        Encoding::Other | Encoding::Lossy => text.as_bytes().to_vec(),
        // Only a page's <meta> charset says Big5; a text is never detected as Big5.
        Encoding::Big5 => encoding_rs::BIG5.encode(text).0.into_owned(),
    }
}

/// The encoding a decoder can tell `encoding` apart as: text of ASCII only is the same bytes in
/// UTF-8 and GB18030, and reads as UTF-8.
fn detected(text: &str, encoding: Encoding) -> Encoding {
    match encoding {
        Encoding::Gb18030 if text.is_ascii() => Encoding::Utf8,
        other => other,
    }
}

fn parse(bytes: &[u8]) -> Result<Speech, String> {
    jianghua::parse_bytes(bytes, &ParseOptions::default()).map_err(|e| e.to_string())
}

/// Parses `text` in `encoding` and in UTF-8; what breaks the contract or differs between the two.
fn problems(text: &str, encoding: Encoding) -> Vec<String> {
    let twin = match parse(text.as_bytes()) {
        Ok(speech) => speech,
        Err(e) => return vec![format!("UTF-8 refused: {e}")],
    };
    let mut problems = common::contract_problems(text, &twin);
    match parse(&encode(text, encoding)) {
        Err(e) => problems.push(format!("{encoding:?} refused: {e}")),
        Ok(mut speech) => {
            let expected = detected(text, encoding);
            if speech.meta.encoding != Some(expected) {
                problems.push(format!(
                    "encoding {:?}, not {expected:?}",
                    speech.meta.encoding
                ));
            }
            speech.meta.encoding = twin.meta.encoding;
            if speech != twin {
                problems.push(format!("the {encoding:?} document differs from UTF-8's"));
            }
        }
    }
    problems
}

#[test]
fn every_input_in_every_encoding_parses_as_its_utf8_twin() {
    assert!(TEXTS.len() >= 5, "the corpus is missing");
    let failures: Vec<String> = TEXTS
        .iter()
        .flat_map(|(name, text)| {
            ENCODINGS
                .iter()
                .flat_map(move |&encoding| problems(text, encoding))
                .map(move |problem| format!("{name}: {problem}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_mutations_change_the_text() {
    let text = "一、坚持党的领导，加强监督。\n（一）一是依法履职：\n二要首先，\n";
    let changed = |m: Mutation| (0..8u64).any(|seed| apply_seeded(&m, seed, text) != text);
    assert!(changed(Mutation::Shuffle(0)));
    assert!(changed(Mutation::SwapWidths(0)));
    assert!(changed(Mutation::DeleteMarkers(0)));
    let head = Mutation::InsertBoilerplate { line: 3, at: 0.0 }.apply(text);
    assert!(head.starts_with("责任编辑：某某\n一、"), "{head}");
    let tail = Mutation::InsertBoilerplate { line: 3, at: 1.0 }.apply(text);
    assert!(tail.ends_with("二要首先，\n责任编辑：某某"), "{tail}");
    assert_eq!(
        MARKER.replace_all(text, ""),
        "坚持党的领导，加强监督。\n依法履职：\n\n"
    );
}

/// `m` with its seed replaced by `seed`.
fn apply_seeded(m: &Mutation, seed: u64, text: &str) -> String {
    let m = match m {
        Mutation::Shuffle(_) => Mutation::Shuffle(seed),
        Mutation::SwapWidths(_) => Mutation::SwapWidths(seed),
        Mutation::DeleteMarkers(_) => Mutation::DeleteMarkers(seed),
        other => other.clone(),
    };
    m.apply(text)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn mutated_inputs_keep_the_contract(
        file in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..5),
        encoding in prop::sample::select(ENCODINGS),
    ) {
        let (name, text) = file.get(TEXTS.as_slice());
        let text = mutations.iter().fold(text.clone(), |text, m| m.apply(&text));
        let problems = problems(&text, encoding);
        prop_assert!(problems.is_empty(), "{name} after {mutations:?}:\n{}", problems.join("\n"));
    }
}
