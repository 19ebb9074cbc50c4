//! What web chrome looks like: a lexicon of cue words and the shapes of chrome lines
//! (menus, link lists, truncated links), and continuation marks of print pages.
//!
//! The lexicon is matched on a folded copy of a line (full-width ASCII made ASCII, lower case,
//! blanks removed), so 版权所有, 版 权 所 有 and ＩＣＰ备 all match.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use crate::pattern::Pattern;
use aho_corasick::{AhoCorasick, AhoCorasickKind};

use super::layout::is_blank_char;
use crate::bounded::Bounded;
use crate::lexicon_file;
use crate::model::BoilerplateKind;

/// How much a cue word says on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Only on short lines outside the body (电话, 首页, 分享).
    Weak,
    /// Chrome wherever the line is not a paragraph of prose (版权所有, 当前位置, 责任编辑).
    Strong,
}

/// The cue lexicon, one `cue, kind, strength` line each (see its header).
const LEXICON_TSV: &str = include_str!("../../data/chrome.tsv");

/// Cue words, folded (see [`fold`]), with the kind they name and how much they say.
static LEXICON: LazyLock<Vec<(String, BoilerplateKind, Strength)>> = LazyLock::new(|| {
    lexicon_entries(LEXICON_TSV)
        .filter_map(Result::ok)
        .collect()
});

/// The entries of a cue lexicon file, or the number of each line that is not one.
fn lexicon_entries(
    tsv: &str,
) -> impl Iterator<Item = Result<(String, BoilerplateKind, Strength), usize>> + '_ {
    lexicon_file::content_lines(tsv).map(|(number, line)| {
        let mut columns = line.split('\t');
        let (Some(cue), Some(kind), Some(strength), None) = (
            columns.next(),
            columns.next().and_then(kind_named),
            columns.next().and_then(strength_named),
            columns.next(),
        ) else {
            return Err(number);
        };
        Ok((cue.to_owned(), kind, strength))
    })
}

fn kind_named(name: &str) -> Option<BoilerplateKind> {
    use BoilerplateKind::*;
    Some(match name {
        "navigation" => Navigation,
        "widget" => Widget,
        "related" => Related,
        "footer" => Footer,
        "advertisement" => Advertisement,
        "editor" => Editor,
        "licence" => Licence,
        "caption" => Caption,
        _ => return None,
    })
}

fn strength_named(name: &str) -> Option<Strength> {
    match name {
        "strong" => Some(Strength::Strong),
        "weak" => Some(Strength::Weak),
        _ => None,
    }
}

/// The cue words. A noncontiguous NFA builds in a fraction of the time of the other kinds,
/// and only the lines whose label needs a cue are searched.
static MATCHER: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .build(LEXICON.iter().map(|(word, _, _)| word.as_str()))
        .ok()
});

/// A line's text for lexicon matching: full-width ASCII made ASCII, ASCII lower-cased, blank
/// characters removed, 【】 kept. Most lines need none of it and are borrowed as they are.
pub fn fold(text: &str) -> Cow<'_, str> {
    // The runs between changed characters are copied whole: most of a line is Han text, and
    // only its punctuation changes.
    let mut folded: Option<String> = None;
    let mut copied = 0;
    for (i, c) in text.char_indices().filter(|&(_, c)| changes_in_fold(c)) {
        let out = folded.get_or_insert_with(|| String::with_capacity(text.len()));
        out.push_str(text.get(copied..i).unwrap_or_default());
        copied = i + c.len_utf8();
        if !is_blank_char(c) {
            out.push(fold_char(c));
        }
    }
    match folded {
        None => Cow::Borrowed(text),
        Some(mut out) => {
            out.push_str(text.get(copied..).unwrap_or_default());
            Cow::Owned(out)
        }
    }
}

/// A character that [`fold`] keeps, folded: full-width ASCII made ASCII, then lower-cased.
fn fold_char(c: char) -> char {
    let narrow = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    narrow.to_ascii_lowercase()
}

/// Whether [`fold`] removes or replaces `c`.
fn changes_in_fold(c: char) -> bool {
    is_blank_char(c) || ('\u{FF01}'..='\u{FF5E}').contains(&c) || c.is_ascii_uppercase()
}

/// The strongest cue in a folded line, with the kind it names (the first such cue on ties).
pub fn cue(folded: &str) -> Option<(BoilerplateKind, Strength)> {
    let matcher = MATCHER.as_ref()?;
    let mut best: Option<(BoilerplateKind, Strength)> = None;
    for m in matcher.find_overlapping_iter(folded) {
        let Some(&(_, kind, strength)) = LEXICON.get(m.pattern().as_usize()) else {
            continue;
        };
        if best.is_none_or(|(_, s)| strength > s) {
            best = Some((kind, strength));
        }
    }
    best
}

/// A menu: four or more short items separated by blanks or bars (首 页   人大简介   机构设置 …).
pub fn is_menu(text: &str) -> bool {
    let items: Vec<&str> = text
        .split(|c: char| is_blank_char(c) || matches!(c, '|' | '｜' | '丨' | '/' | '·'))
        .filter(|item| !item.is_empty())
        .collect();
    // 政 府 工 作 报 告: a letter-spaced title, not a menu of one-character items.
    let letter_spaced = items.iter().all(|item| item.chars().count() == 1);
    items.len() >= 4
        && !letter_spaced
        && items
            .iter()
            .all(|item| item.chars().count() <= 6 && !item.contains(SENTENCE_PUNCTUATION))
}

/// A truncated link (市人大常委会会议召开 张明...) or a bulleted list item (· 平顶山市第十二届…).
pub fn is_link_item(text: &str) -> bool {
    let short = text.chars().count() <= 40;
    let truncated = text.ends_with("...") || text.ends_with('…') || text.ends_with("。。。");
    let bulleted = text.starts_with(['·', '•', '●', '▪', '■', '◆', '►', '▶', '→']);
    short && (truncated || bulleted)
}

/// Characters that end or divide sentences.
pub const SENTENCE_PUNCTUATION: &[char] = &['。', '，', ',', '；', ';', '！', '!', '？', '?', '：'];

/// A continuation mark of a print page: (上接一版), （下转第3版）, (转2版), （接上版）, with a
/// note of at most 12 characters after the page.
static CONTINUATION: Bounded = Bounded::new(
    || continuation("*"),
    || continuation("{0,12}"),
    &[("note", 12)],
);

fn continuation(note: &str) -> Pattern {
    Pattern::lines(&format!(
        r"[(（〔\[]\s*(?:(?:上接|下转|紧接|接|转)\s*(?:第\s*)?[一二三四五六七八九十0-9０-９A-Za-zＡ-Ｚ]{{1,3}}\s*版(?:\s*(?P<note>[^)）〕\]]{note}))?|接上版|接上页|未完待续|待续)\s*[)）〕\]]"
    ))
    .expect("valid continuation pattern")
}

/// Where a continuation mark opens or closes `text`: the mark's range, relative to `text`.
pub fn continuation_marks(text: &str) -> Vec<Range<usize>> {
    let mut marks = Vec::new();
    // A mark opens or closes with a bracket and names a page (版) or says it goes on (接上页,
    // 待续): most lines have neither, and are not searched.
    let trimmed = text.trim_matches(is_blank_char);
    let bracketed =
        trimmed.starts_with(['(', '（', '〔', '[']) || trimmed.ends_with([')', '）', '〕', ']']);
    if !bracketed || !["版", "接上页", "待续"].iter().any(|w| text.contains(w)) {
        return marks;
    }
    for m in CONTINUATION.captures_iter(text).filter_map(|c| c.get(0)) {
        let at_start = text[..m.start()].trim_matches(is_blank_char).is_empty();
        let at_end = text[m.end()..].trim_matches(is_blank_char).is_empty();
        if at_start || at_end {
            marks.push(m.range());
        }
    }
    marks
}

/// A footnote mark of a wiki copy, in brackets: [1], [註 1], [注2], [CPC 1].
static FOOTNOTE_MARK: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::lines(
        r"\[[\s\u{3000}]*(?:註|注|CPC|[Nn]ote)?[\s\u{3000}]*[0-9０-９]{1,3}[\s\u{3000}]*\]",
    )
    .expect("valid footnote mark pattern")
});

/// Where footnote marks stand in `text`, relative to it.
pub fn footnote_marks(text: &str) -> Vec<Range<usize>> {
    // Most lines hold no bracket and are not searched.
    if !text.contains('[') {
        return Vec::new();
    }
    FOOTNOTE_MARK.find_iter(text).map(|m| m.range()).collect()
}

/// Whether `text` is only a footnote mark: `[1]` or `[註 1]` on a line of its own.
pub fn is_footnote_mark(text: &str) -> bool {
    footnote_marks(text)
        .first()
        .is_some_and(|m| m.start == 0 && m.end == text.len())
}

/// Words a footnote's label may open with, before its number (註 1, CPC 2).
const NOTE_LABEL_WORDS: &[&str] = &["註", "注", "CPC", "Note", "note"];

/// Whether `text` is the label of a footnote whose brackets stand on the lines around it: 1, 註 1.
pub fn is_note_label(text: &str) -> bool {
    let number = NOTE_LABEL_WORDS
        .iter()
        .find_map(|w| text.strip_prefix(w))
        .unwrap_or(text)
        .trim_start_matches(is_blank_char);
    (1..=3).contains(&number.chars().count())
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

/// News agencies and papers whose datelines open a story (新华社, 本报, 人民网).
const WIRE_TSV: &str = include_str!("../../data/wire.tsv");
/// Openings of photo captions (图为, 上图).
const CAPTIONS_TSV: &str = include_str!("../../data/captions.tsv");

fn names(tsv: &'static str) -> Vec<&'static str> {
    lexicon_file::content_lines(tsv)
        .map(|(_, line)| line.trim())
        .collect()
}

static AGENCIES: LazyLock<Vec<&'static str>> = LazyLock::new(|| names(WIRE_TSV));
/// The characters the agencies' names open with: every line is asked, few open with one.
static AGENCY_FIRST_CHARS: LazyLock<Vec<char>> =
    LazyLock::new(|| AGENCIES.iter().filter_map(|a| a.chars().next()).collect());
static CAPTION_OPENINGS: LazyLock<Vec<&'static str>> = LazyLock::new(|| names(CAPTIONS_TSV));

/// A dateline opening a story: 新华社北京3月5日电（记者 张三）, 本报讯（记者 李四）, or the
/// reporters alone in brackets (（记者 王五）).
static DATELINE: LazyLock<Option<Pattern>> = LazyLock::new(|| {
    let agencies: Vec<String> = AGENCIES.iter().map(|a| escaped(a)).collect();
    let reporters = r"(?:[ \u{3000}]*[（(](?:记者|通讯员)[^）)\n]+[）)])?";
    Pattern::lines(&format!(
        r"^(?:[【\[]?(?:{agencies})(?:记者)?(?:[^，。！？\s]*?(?:[0-9０-９]{{1,2}}|[一二三四五六七八九十]{{1,3}})日(?:电|讯)|讯)[】\]]?{reporters}|[（(](?:记者|通讯员)[^）)\n]+[）)])",
        agencies = agencies.join("|")
    ))
    .ok()
});

/// `name` with the characters a regex gives a meaning escaped.
fn escaped(name: &str) -> String {
    name.chars()
        .flat_map(|c| {
            let special = r"\.+*?()|[]{}^$#&-~".contains(c);
            special.then_some('\\').into_iter().chain([c])
        })
        .collect()
}

/// Where a dateline opens `text`: its range, relative to `text`.
pub fn dateline(text: &str) -> Option<Range<usize>> {
    // Most lines open with neither an agency's name nor a bracket and are not searched.
    let opening = text.trim_start_matches(['【', '[']);
    let first = opening.chars().next()?;
    let named =
        AGENCY_FIRST_CHARS.contains(&first) && AGENCIES.iter().any(|a| opening.starts_with(a));
    if !named && !text.starts_with(['（', '(']) {
        return None;
    }
    DATELINE.as_ref()?.find(text).map(|m| m.range())
}

/// The agency or paper whose dateline opens `text` (新华社 in 新华社北京3月5日电).
pub fn dateline_agency(text: &str) -> Option<&'static str> {
    dateline(text)?;
    let opening = text.trim_start_matches(['【', '[']);
    AGENCIES
        .iter()
        .filter(|a| opening.starts_with(**a))
        .max_by_key(|a| a.len())
        .copied()
}

/// A newspaper's page line: 《人民日报》（2020年05月19日 01 版）, 《光明日报》2021-03-06 第3版,
/// 人民日报 2020年05月19日 第01版.
static PAGE_LINE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::lines(r"^(?:《[^》\n]+》|\p{Han}{1,8}报)[ \u{3000}]*[（(]?[ \u{3000}]*[0-9０-９]{4}[ \u{3000}]*[年\-./][ \u{3000}]*[0-9０-９]{1,2}[ \u{3000}]*[月\-./][ \u{3000}]*[0-9０-９]{1,2}[ \u{3000}]*日?[ \u{3000}]*(?:第?[ \u{3000}]*[0-9０-９A-Za-z]{1,3}[ \u{3000}]*版)?[^。，]{0,12}?[）)]?$")
        .expect("valid page line pattern")
});

/// Whether `text` is a newspaper's page line: the paper, the day and (or) the page.
pub fn is_page_line(text: &str) -> bool {
    let paper = text.contains('版') || text.contains("报》");
    paper && text.chars().count() <= 40 && PAGE_LINE.is_match(text)
}

/// Longest caption, in characters.
const MAX_CAPTION_CHARS: usize = 150;
/// Longest photo credit line, in characters (新华社记者 张三 摄).
const MAX_CREDIT_CHARS: usize = 30;

/// A photo credit ending a line: a reporter's name (记者 张三摄), or a name set off by blanks
/// (张三 摄, 周　亮　摄), then 摄 or 摄影; not a phrase ending in 拍摄.
static PHOTO_CREDIT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::lines(r"(?:(?:记者|通讯员)[ \u{3000}]*\p{Han}(?:[ \u{3000}]?\p{Han}){1,3}[ \u{3000}]*|(?:^|[ \u{3000}])\p{Han}(?:[ \u{3000}]?\p{Han}){1,3}[ \u{3000}]+)摄(?:影)?[）)]?$")
        .expect("valid credit pattern")
});

/// Whether `text` is a photo caption (图为…) or a photo credit line (新华社记者 张三 摄).
pub fn is_caption(text: &str) -> bool {
    // Most lines neither open nor end like one, and are not counted.
    let opened = CAPTION_OPENINGS.iter().any(|o| text.starts_with(o));
    let credited = text.ends_with('摄')
        || text.ends_with("摄影")
        || text.ends_with("摄）")
        || text.ends_with("摄)");
    if !opened && !credited {
        return false;
    }
    let chars = text.chars().count();
    let credit = credited && chars <= MAX_CREDIT_CHARS && PHOTO_CREDIT.is_match(text);
    (opened && chars <= MAX_CAPTION_CHARS) || credit
}

/// A kicker or rubric tag opening a title: 【两会时间】, 权威发布｜, with the title after it.
static KICKER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::lines(r"^(?:【[^】]{1,12}】|[\p{Han}A-Za-z0-9]{2,10}[｜|])[ \u{3000}]*")
        .expect("valid kicker pattern")
});

/// Where a kicker opens a title line, when a title follows it: its range, relative to `text`.
pub fn kicker(text: &str) -> Option<Range<usize>> {
    if !text.starts_with('【') && !text.contains(['｜', '|']) {
        return None;
    }
    KICKER
        .find(text)
        .map(|m| m.range())
        .filter(|m| m.end < text.len())
}

/// An editor's mark closing a paragraph: （责编：王五）, (编辑 李四).
static EDITOR_MARK: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::lines(r"[（(](?:责任编辑|责编|编辑|校对)[:：\s\u{3000}][^）)]{1,30}[）)]$")
        .expect("valid editor mark pattern")
});

/// Where an editor's mark closes `text`: its range, relative to `text`.
pub fn editor_mark(text: &str) -> Option<Range<usize>> {
    // Most lines end otherwise, or hold no editor's word.
    if !text.ends_with(['）', ')']) || !(text.contains("编") || text.contains("校对")) {
        return None;
    }
    EDITOR_MARK.find(text).map(|m| m.range())
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Folding copies the unchanged runs; the result is a fold of every character.
        #[test]
        fn fold_folds_every_character(text in "[aZ，。Ａｚ１\u{3000} \u{200b}\u{00ad}汉【】]{0,30}") {
            let by_chars: String = text
                .chars()
                .filter(|&c| !is_blank_char(c))
                .map(fold_char)
                .collect();
            let folded = fold(&text);
            proptest::prop_assert_eq!(folded.as_ref(), by_chars.as_str());
        }
    }
    use BoilerplateKind::{Advertisement, Footer, Navigation};
    use Strength::{Strong, Weak};

    #[test]
    fn every_line_of_the_cue_lexicon_is_an_entry() {
        let bad: Vec<usize> = lexicon_entries(LEXICON_TSV)
            .filter_map(Result::err)
            .collect();
        assert!(
            bad.is_empty(),
            "malformed lines of data/chrome.tsv: {bad:?}"
        );
        assert!(LEXICON.len() > 100);
    }

    #[test]
    fn cues_are_written_folded() {
        for (cue, _, _) in LEXICON.iter() {
            assert_eq!(fold(cue), cue.as_str(), "{cue} is not folded");
        }
    }

    #[test]
    fn folding_makes_lexicon_matching_robust() {
        assert_eq!(fold("版 权 所 有 ＩＣＰ备"), "版权所有icp备");
        assert_eq!(
            cue(&fold("Copyright 2004-2015 All Rights Reserved")),
            Some((Footer, Strong))
        );
        assert_eq!(
            cue(&fold("当前位置 >> 网站首页 >> 文章内容")),
            Some((Navigation, Strong))
        );
        assert_eq!(cue(&fold("联系电话：010-1234")), Some((Footer, Strong)));
        assert_eq!(cue(&fold("电话：010-1234")), Some((Footer, Weak)));
        assert_eq!(cue(&fold("微信扫码分享")), Some((Advertisement, Strong)));
        assert_eq!(cue(&fold("坚持党的领导")), None);
    }

    #[test]
    fn menus_and_link_items() {
        assert!(is_menu(
            "首 页\u{2003}\u{2003} 人大简介\u{2003}\u{2003} 机构设置\u{2003}\u{2003} 人大要闻"
        ));
        assert!(is_menu("首页 | 新闻 | 公告 | 联系我们"));
        assert!(!is_menu("坚持守正创新 推动人大工作高质量发展"));
        assert!(is_link_item("市人大常委会会议召开 张明..."));
        assert!(is_link_item("· 平顶山市第十二届人民代表大..."));
        assert!(!is_link_item("在市委人大工作会议上的讲话"));
    }

    #[test]
    fn datelines_page_lines_captions_and_editor_marks() {
        let at = |s: &'static str| dateline(s).map(|r| &s[r]);
        assert_eq!(
            at("新华社北京3月5日电（记者 张三 李四）十四届全国人大二次会议5日上午开幕。"),
            Some("新华社北京3月5日电（记者 张三 李四）")
        );
        assert_eq!(at("本报北京5月18日电　会议指出"), Some("本报北京5月18日电"));
        assert_eq!(at("本报讯（记者 王五）日前"), Some("本报讯（记者 王五）"));
        assert_eq!(at("人民网北京3月5日电 会议"), Some("人民网北京3月5日电"));
        assert_eq!(at("本报告分为三个部分。"), None);
        assert_eq!(at("（一）加强监督"), None);
        assert!(is_page_line("《人民日报》（2020年05月19日 01 版）"));
        assert!(is_page_line("《光明日报》（ 2021年03月06日 03版）"));
        assert!(!is_page_line(
            "《中华人民共和国宪法》规定，一切权力属于人民。"
        ));
        assert!(is_caption("图为会议现场。新华社记者 张三 摄"));
        assert!(is_caption("新华社记者 李四 摄"));
        assert!(is_caption("周　亮　摄"));
        assert!(is_caption("省长作报告。本报记者 霍艳恩摄"));
        assert!(!is_caption("（三）加强影视拍摄"));
        assert!(!is_caption("组织拍摄"));
        assert!(!is_caption("要把人民群众的意见摄入决策。"));
        let text = "让我们共同奋斗！（责编：王五、李四）";
        assert_eq!(
            editor_mark(text).map(|r| &text[r]),
            Some("（责编：王五、李四）")
        );
        assert_eq!(editor_mark("（一）加强编制管理（试行）"), None);
    }

    #[test]
    fn kickers_open_titles() {
        let at = |s: &'static str| kicker(s).map(|r| &s[r]);
        assert_eq!(at("【两会时间】全国人大二次会议开幕"), Some("【两会时间】"));
        assert_eq!(at("权威发布｜政府工作报告全文"), Some("权威发布｜"));
        assert_eq!(at("【两会时间】"), None);
        assert_eq!(at("在全市人大工作会议上的讲话"), None);
    }

    #[test]
    fn footnote_marks_and_labels() {
        let text = "上届代表会议[1]以来的工作[註 2]报告";
        let marks: Vec<&str> = footnote_marks(text).into_iter().map(|m| &text[m]).collect();
        assert_eq!(marks, ["[1]", "[註 2]"]);
        assert!(is_footnote_mark("[CPC 1]"));
        assert!(!is_footnote_mark("[1]以来"));
        assert!(footnote_marks("数组a[i]的值").is_empty());
        assert!(is_note_label("12"));
        assert!(is_note_label("註 1"));
        assert!(!is_note_label("2024年"));
    }

    #[test]
    fn continuation_marks_at_either_end() {
        let text = "(上接一版)始终胸怀“国之大者”";
        assert_eq!(continuation_marks(text), vec![0.."(上接一版)".len()]);
        let text = "推动工作落实。（下转第３版）";
        let marks = continuation_marks(text);
        assert_eq!(marks.len(), 1);
        assert_eq!(&text[marks[0].clone()], "（下转第３版）");
        assert!(continuation_marks("这是（上接一版）中间的字").is_empty());
        assert_eq!(continuation_marks("（接上版）").len(), 1);
    }
}
