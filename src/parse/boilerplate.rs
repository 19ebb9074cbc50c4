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
use crate::model::BoilerplateKind;

/// How much a cue word says on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Only on short lines outside the body (电话, 首页, 分享).
    Weak,
    /// Chrome wherever the line is not a paragraph of prose (版权所有, 当前位置, 责任编辑).
    Strong,
}

use BoilerplateKind::{Advertisement, Editor, Footer, Navigation, Related, Widget};
use Strength::{Strong, Weak};

/// Cue words, folded (see [`fold`]).
const LEXICON: &[(&str, BoilerplateKind, Strength)] = &[
    // Navigation and breadcrumbs.
    ("当前位置", Navigation, Strong),
    ("您的位置", Navigation, Strong),
    ("您现在的位置", Navigation, Strong),
    ("您当前的位置", Navigation, Strong),
    ("当前所在", Navigation, Strong),
    ("所在位置", Navigation, Strong),
    ("现在位置", Navigation, Strong),
    ("首页>", Navigation, Strong),
    ("首页»", Navigation, Strong),
    ("首页/", Navigation, Strong),
    (">正文", Navigation, Strong),
    (">>", Navigation, Strong),
    ("欢迎来到", Navigation, Strong),
    ("欢迎访问", Navigation, Strong),
    ("欢迎光临", Navigation, Strong),
    ("设为首页", Navigation, Strong),
    ("网站地图", Navigation, Strong),
    ("返回首页", Navigation, Strong),
    ("返回顶部", Navigation, Strong),
    ("返回列表", Navigation, Strong),
    ("无障碍", Navigation, Strong),
    ("长者模式", Navigation, Strong),
    ("关闭窗口", Navigation, Strong),
    ("上一篇", Navigation, Strong),
    ("下一篇", Navigation, Strong),
    ("上一页", Navigation, Strong),
    ("下一页", Navigation, Strong),
    ("首页", Navigation, Weak),
    ("主页", Navigation, Weak),
    ("登录", Navigation, Weak),
    ("注册", Navigation, Weak),
    ("搜索", Navigation, Weak),
    ("繁體", Navigation, Weak),
    ("english", Navigation, Weak),
    // Widgets.
    ("分享到", Widget, Strong),
    ("阅读时长", Widget, Strong),
    ("浏览次数", Widget, Strong),
    ("阅读次数", Widget, Strong),
    ("点击次数", Widget, Strong),
    ("点击数:", Widget, Strong),
    ("阅读量", Widget, Strong),
    ("浏览量", Widget, Strong),
    ("字号", Widget, Strong),
    ("【大中小】", Widget, Strong),
    ("[大中小]", Widget, Strong),
    ("【打印】", Widget, Strong),
    ("[打印]", Widget, Strong),
    ("【关闭】", Widget, Strong),
    ("[关闭]", Widget, Strong),
    ("打印本页", Widget, Strong),
    ("打印此页", Widget, Strong),
    ("打印文章", Widget, Strong),
    ("加入收藏", Widget, Strong),
    ("收藏本页", Widget, Strong),
    ("微信分享", Widget, Strong),
    ("我要纠错", Widget, Strong),
    ("分享", Widget, Weak),
    ("打印", Widget, Weak),
    ("收藏", Widget, Weak),
    ("评论", Widget, Weak),
    ("点赞", Widget, Weak),
    // Related articles and side lists.
    ("相关阅读", Related, Strong),
    ("相关文章", Related, Strong),
    ("相关新闻", Related, Strong),
    ("相关链接", Related, Strong),
    ("推荐阅读", Related, Strong),
    ("延伸阅读", Related, Strong),
    ("猜你喜欢", Related, Strong),
    ("热点推荐", Related, Strong),
    ("热门文章", Related, Strong),
    ("热点新闻", Related, Strong),
    ("最新文章", Related, Strong),
    ("往期回顾", Related, Strong),
    ("精彩推荐", Related, Strong),
    ("图片新闻", Related, Strong),
    ("通知公告", Related, Weak),
    ("图片内容", Related, Weak),
    ("工作动态", Related, Weak),
    ("新闻动态", Related, Weak),
    ("要闻", Related, Weak),
    // Footers.
    ("版权所有", Footer, Strong),
    ("copyright", Footer, Strong),
    ("allrightsreserved", Footer, Strong),
    ("©", Footer, Strong),
    ("icp备", Footer, Strong),
    ("icp证", Footer, Strong),
    ("公网安备", Footer, Strong),
    ("网安备", Footer, Strong),
    ("免责声明", Footer, Strong),
    ("本站部分", Footer, Strong),
    ("本网部分", Footer, Strong),
    ("本站信息", Footer, Strong),
    ("本站所", Footer, Strong),
    ("网站标识码", Footer, Strong),
    ("技术支持", Footer, Strong),
    ("主办单位", Footer, Strong),
    ("承办单位", Footer, Strong),
    ("建议使用", Footer, Weak),
    ("分辨率", Footer, Strong),
    ("不良信息举报", Footer, Strong),
    ("举报电话", Footer, Strong),
    ("监督电话", Footer, Strong),
    ("版权归", Footer, Strong),
    ("转载请注明", Footer, Strong),
    ("未经授权", Footer, Strong),
    ("联系我们", Footer, Strong),
    ("联系电话", Footer, Strong),
    ("电话:", Footer, Weak),
    ("传真", Footer, Weak),
    ("邮箱", Footer, Weak),
    ("email", Footer, Weak),
    ("e-mail", Footer, Weak),
    ("地址:", Footer, Weak),
    ("办公区", Footer, Weak),
    ("邮编", Footer, Weak),
    ("主办", Footer, Weak),
    ("承办", Footer, Weak),
    ("主管", Footer, Weak),
    ("备案", Footer, Weak),
    ("qq:", Footer, Weak),
    // Advertisements and calls to action.
    ("扫码", Advertisement, Strong),
    ("扫一扫", Advertisement, Strong),
    ("领取福利", Advertisement, Strong),
    ("关注公众号", Advertisement, Strong),
    ("长按识别", Advertisement, Strong),
    ("长按二维码", Advertisement, Strong),
    ("二维码", Advertisement, Strong),
    ("下载app", Advertisement, Strong),
    ("点击下载", Advertisement, Strong),
    ("广告", Advertisement, Weak),
    ("关注我们", Advertisement, Weak),
    // Editor lines.
    ("责任编辑", Editor, Strong),
    ("责编:", Editor, Strong),
    ("编辑:", Editor, Strong),
    ("校对:", Editor, Strong),
    ("审核:", Editor, Strong),
    ("审校:", Editor, Strong),
    ("初审:", Editor, Strong),
    ("复审:", Editor, Strong),
    ("终审:", Editor, Strong),
    ("监制:", Editor, Strong),
];

/// The cue words. A noncontiguous NFA builds in a fraction of the time of the other kinds,
/// and only the lines whose label needs a cue are searched.
static MATCHER: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .build(LEXICON.iter().map(|(word, _, _)| word))
        .ok()
});

/// A line's text for lexicon matching: full-width ASCII made ASCII, ASCII lower-cased, blank
/// characters removed, 【】 kept. Most lines need none of it and are borrowed as they are.
pub fn fold(text: &str) -> Cow<'_, str> {
    if !text.chars().any(changes_in_fold) {
        return Cow::Borrowed(text);
    }
    text.chars()
        .filter(|&c| !is_blank_char(c))
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .map(|c| c.to_ascii_lowercase())
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

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
