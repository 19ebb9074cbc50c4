//! What front-matter lines look like: titles, bylines, date lines, datelines (——…在…上),
//! source lines (发布时间/来源/作者/原文链接), and the sentences that open a speech body.

use std::ops::Range;
use std::sync::LazyLock;

use crate::pattern::Pattern;

use super::dates;
use super::layout::is_blank_char;
use crate::bounded::{self, Bounded};
use crate::dictionary::Dictionary;
use crate::text::is_han;

/// Offices that make a line a byline (市委书记 张雷明) or a title a speaker's (县人大常委会主任在…).
pub const ROLE_ENDINGS: &str = "总书记|总理|副总理|国务委员|书记|副书记|主任|副主任|主席|副主席|委员长|副委员长|秘书长|省长|副省长|市长|副市长|县长|副县长|区长|副区长|州长|盟长|旗长|镇长|乡长|部长|厅长|局长|院长|检察长|主任委员|党组成员|常委|委员";

/// A byline: an office then a name (市委书记 张雷明, 省长　王予波, or redacted: 县委书记 XXX),
/// or a name alone written with spaces between its characters (习　近　平).
static BYLINE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::lines(&format!(
        r"^(?:(?P<role>([\p{{Han}}、，,（）()]*?)(?:{ROLE_ENDINGS}))[\s:：]*)?(?P<name>\p{{Han}}{{1,6}}[·•・．]\p{{Han}}{{1,10}}|\p{{Han}}(?:[\s\u{{3000}}]*\p{{Han}}){{1,3}}|[XＸ×]{{2,4}})$"
    ))
    .expect("valid byline pattern")
});

/// A byline split into office and name, both as byte ranges of `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline {
    /// The office, when written.
    pub role: Option<Range<usize>>,
    /// The name.
    pub name: Range<usize>,
}

/// The byline in `text`, which must be the whole (trimmed) line, maybe with the date of
/// delivery after it (县委书记 李振华（2023年12月28日）).
pub fn byline(text: &str) -> Option<Byline> {
    if text.starts_with('在') {
        return None;
    }
    // Past 30 characters before the office, no byline (nor a bare name) is possible.
    let c = bounded::anchored(&BYLINE, without_trailing_date(text), |c| {
        bounded::at_most(c, 2, 30)
    })?;
    let name = c.name("name")?;
    let role = c.name("role");
    let name_chars = name
        .as_str()
        .chars()
        .filter(|&ch| !is_blank_char(ch))
        .count();
    let spaced = name.as_str().chars().any(is_blank_char);
    let dotted = name.as_str().contains(NAME_DOTS);
    // Without an office, only a spaced or dotted name is unmistakably a name (通知公告 is not).
    if role.is_none() && !spaced && !dotted {
        return None;
    }
    if !dotted && !(2..=4).contains(&name_chars) {
        return None;
    }
    // 人大常委会委员 alone is no byline; the office must leave a name after it.
    if role.is_some_and(|r| r.as_str().chars().count() < 2) {
        return None;
    }
    Some(Byline {
        role: role.map(|r| r.range()),
        name: name.range(),
    })
}

/// The dots between the parts of a transcribed name (艾尔肯·吐尼亚孜).
const NAME_DOTS: &[char] = &['·', '•', '・', '．'];

/// Surnames (`data/surnames.txt`), single and compound.
static SURNAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| surname_file_words(false));

/// Words of page chrome that open with a surname (`-` lines of `data/surnames.txt`).
static NOT_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| surname_file_words(true));

fn surname_file_words(not_names: bool) -> Vec<&'static str> {
    include_str!("../../data/surnames.txt")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter(|line| line.starts_with('-') == not_names)
        .flat_map(|line| line.trim_start_matches('-').split_whitespace())
        .collect()
}

/// A name alone on its line: two to four characters opening with a surname (李克强), or a
/// transcribed name with its dots (艾尔肯·吐尼亚孜). Alone, such a line is no proof of a
/// name; the stage that asks weighs the lines around it.
pub fn is_bare_name(text: &str) -> bool {
    let name: String = text.chars().filter(|&c| !is_blank_char(c)).collect();
    let chars = name.chars().count();
    if let Some((given, family)) = name.split_once(NAME_DOTS) {
        return given.chars().count() >= 1
            && family.chars().count() >= 1
            && chars <= 16
            && name.chars().all(|c| is_han(c) || NAME_DOTS.contains(&c));
    }
    (2..=4).contains(&chars)
        && name.chars().all(is_han)
        && !NOT_NAMES.iter().any(|w| name.starts_with(w))
        && SURNAMES
            .iter()
            .any(|s| name.starts_with(s) && name.len() > s.len())
}

/// An office alone on its line (国务院总理, 自治区人民政府主席), the name on the next.
static OFFICE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::lines(&format!(r"^\p{{Han}}{{0,16}}(?:{ROLE_ENDINGS})$"))
        .expect("valid office pattern")
});

/// Whether `text` is an office alone (国务院总理), at most 20 characters.
pub fn is_office(text: &str) -> bool {
    text.chars().count() <= 20 && OFFICE.is_match(text)
}

/// The office in a signed article's author note, （作者系保定市人大常委会主任）, as a byte
/// range of `text`, which must be the whole (trimmed) line.
pub fn author_office(text: &str) -> Option<Range<usize>> {
    let inner = unbracketed(text);
    let rest = inner.strip_prefix("作者")?;
    let office = ["系", "为", "是", "单位：", "单位:", "：", ":"]
        .iter()
        .find_map(|lead| rest.strip_prefix(lead))?
        .trim_end_matches(['。', '.'])
        .trim_matches(is_blank_char);
    let plausible = (2..=40).contains(&office.chars().count())
        && !office.contains(['，', ',', '。', '；', ';']);
    let start = office.as_ptr() as usize - text.as_ptr() as usize;
    plausible.then_some(start..start + office.len())
}

/// `text` without a date that ends it, with the brackets and blanks around that date.
pub fn without_trailing_date(text: &str) -> &str {
    let Some(found) = dates::find(text) else {
        return text;
    };
    let is_wrapping = |c: char| is_blank_char(c) || "()（）〔〕[]【】".contains(c);
    let after_is_wrapping = text[found.range.end..].chars().all(is_wrapping);
    let before = text[..found.range.start].trim_end_matches(is_wrapping);
    if after_is_wrapping && !before.is_empty() {
        before
    } else {
        text
    }
}

/// Words that make a short line a speech title; at most 60 characters in 在…上的.
static TITLE_CUE: Bounded = Bounded::new(
    || title_cue("{2,}?"),
    || title_cue("{2,60}?"),
    &[("occasion", 60)],
);

fn title_cue(occasion: &str) -> Pattern {
    Pattern::lines(&format!(
        r"讲话|发言|报告|致辞|汇报|讲稿|主持词|动员|总结|在(?P<occasion>.{occasion})(?:上|时|中)的|会议|大会|座谈会"
    ))
    .expect("valid title pattern")
}

/// Whether `text` has the words of a speech title.
pub fn has_title_cue(text: &str) -> bool {
    TITLE_CUE.is_match(text) || unspaced(text).is_some_and(|t| TITLE_CUE.is_match(&t))
}

/// A line written with a blank between every character (政 府 工 作 报 告), without its blanks.
pub fn unspaced(text: &str) -> Option<String> {
    let mut tokens = text
        .split(|c: char| c.is_whitespace() || is_blank_char(c))
        .filter(|t| !t.is_empty());
    let spaced = text
        .split(|c: char| c.is_whitespace() || is_blank_char(c))
        .filter(|t| !t.is_empty())
        .count()
        >= 3
        && tokens.all(|t| t.chars().count() == 1);
    spaced.then(|| {
        text.chars()
            .filter(|&c| !c.is_whitespace() && !is_blank_char(c))
            .collect()
    })
}

/// Whether a title line looks cut before its end (在全市人大工作会议上的 / 讲话).
pub fn continues_on_next_line(first: &str, second: &str) -> bool {
    let open_end = first.ends_with(['的', '在', '上', '暨', '和', '与', '及', '、', '—', '：', ':'])
        // 在… without its 上的: the occasion runs on.
        || (first.starts_with('在') && !first.contains("的") && has_title_cue(second));
    // A main title over 在…上的讲话; a site name (4 or 5 characters) is no main title.
    let occasion_below = second.starts_with('在') && first.chars().count() >= 6;
    // 政府工作报 / 告: the words of a title appear only when the lines are read as one.
    let cut_word = !has_title_cue(first)
        && !has_title_cue(second)
        && second.chars().count() <= 3
        && has_title_cue(&format!("{first}{second}"));
    let continuing_start = cut_word
        || occasion_below
        || second.starts_with(['暨', '—', '─'])
        || matches!(
            second,
            "讲话" | "发言" | "报告" | "致辞" | "的讲话" | "上的讲话"
        );
    open_end || continuing_start
}

/// A subtitle or dateline: ——在全市人大工作会议上的讲话, ——2026年2月3日在…会议上, or the
/// bracketed dateline of printed reports, （2024年1月9日在…代表大会第四次会议上）.
pub fn is_subtitle(text: &str) -> bool {
    text.chars().count() <= 80
        && (text.starts_with(['—', '─', '－', '-', '―'])
            || is_bracketed_dateline(text)
            || is_dated_occasion(text))
}

/// A date, then where it was delivered or which session adopted it, with no dash:
/// 2026年1月14日在…会议上, （2021年3月11日第十三届全国人民代表大会第四次会议通过）.
fn is_dated_occasion(text: &str) -> bool {
    let inner = unbracketed(text);
    let Some(found) = dates::find(inner) else {
        return false;
    };
    let rest = inner[found.range.end..].trim_start_matches(|c: char| is_blank_char(c) || c == '，');
    found.range.start == 0
        && ((rest.starts_with('在') && rest.ends_with(['上', '时']))
            || (rest.contains("会议") && ADOPTED.iter().any(|w| rest.ends_with(w))))
}

/// The verbs that end an adoption line (…会议通过).
pub const ADOPTED: [&str; 3] = ["通过", "批准", "审议通过"];

/// A subtitle broken over two lines (——2026年1月26日在某省第十四届 / 人民代表大会第五次会议上):
/// the first runs on when it has not reached the 上 or 时 that ends it.
pub fn subtitle_runs_on(first: &str, second: &str) -> bool {
    let first = first.trim_end_matches([')', '）']);
    first.contains('在')
        && !first.ends_with(['上', '时'])
        && second.chars().count() <= 40
        && second.trim_end_matches([')', '）']).ends_with(['上', '时'])
}

/// （…在…上）: a whole line in brackets naming where it was delivered.
fn is_bracketed_dateline(text: &str) -> bool {
    let inner = unbracketed(text);
    inner.len() < text.len()
        && inner.contains('在')
        && inner.ends_with(['上', '时'])
        && !inner.contains(['（', '(', '）', ')'])
}

/// `text` without the brackets that enclose all of it: （…）, (…), 〔…〕.
pub fn unbracketed(text: &str) -> &str {
    [('（', '）'), ('(', ')'), ('〔', '〕'), ('［', '］')]
        .iter()
        .find_map(|&(open, close)| text.strip_prefix(open)?.strip_suffix(close))
        .unwrap_or(text)
}

/// A line that is nothing but a date, maybe bracketed or labelled: (2022年9月22日),
/// 二〇二六年一月二十七日, 日期:01-17, 2022-09-22 星期四.
pub fn is_date_line(text: &str) -> bool {
    if is_dated_note(text) {
        return true;
    }
    if !could_be_date_line(text) {
        return false;
    }
    let (found, labelled) = match dates::find(text) {
        Some(found) => (found, false),
        None => match date_labels(text).next() {
            Some(label) => match dates::find_month_day(&text[label.end..]) {
                Some(mut d) => {
                    d.range = d.range.start + label.end..d.range.end + label.end;
                    (d, true)
                }
                None => return false,
            },
            None => return false,
        },
    };
    let rest = format!("{}{}", &text[..found.range.start], &text[found.range.end..]);
    let rest = without(&rest, date_labels(&rest));
    let rest = without(&rest, weekdays(&rest));
    labelled
        || rest
            .chars()
            .all(|c| is_blank_char(c) || "()（）〔〕[]【】<>《》:：,，.。-—".contains(c))
}

/// `text` without the successive, non-overlapping `ranges`.
fn without(text: &str, ranges: impl Iterator<Item = Range<usize>>) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut at = 0;
    for range in ranges {
        kept.push_str(&text[at..range.start]);
        at = range.end;
    }
    kept.push_str(&text[at..]);
    kept
}

/// The date labels with their colon in `text` (日期：, 时间 :), one after the other.
fn date_labels(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some((i, label)) = ["日期", "时间"]
            .iter()
            .filter_map(|label| Some((at + text.get(at..)?.find(label)?, label.len())))
            .min()
        {
            let end = i + label;
            match colon_after_label(&text[end..]) {
                Some(colon) => {
                    at = end + colon;
                    return Some(i..end + colon);
                }
                None => at = end,
            }
        }
        None
    })
}

/// The length of the colon, with the whitespace before it, that opens `rest`.
fn colon_after_label(rest: &str) -> Option<usize> {
    let colon = rest.trim_start_matches(char::is_whitespace);
    let after = colon.strip_prefix([':', '：'])?;
    Some(rest.len() - after.len())
}

/// The weekdays in `text`, one after the other: 星期四, 周日.
fn weekdays(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    text.match_indices(['星', '周']).filter_map(|(i, _)| {
        let word = ["星期", "周"]
            .into_iter()
            .find(|w| text[i..].starts_with(w))?;
        let after = i + word.len();
        let day = text[after..]
            .chars()
            .next()
            .filter(|c| "一二三四五六日天".contains(*c))?;
        Some(i..after + day.len_utf8())
    })
}

/// A bracketed date with an editor's note after it: （2023年9月5日，根据录音整理）. A place of
/// delivery after the date (（2024年1月9日，在…会议上）) makes a dateline instead.
fn is_dated_note(text: &str) -> bool {
    let inner = unbracketed(text);
    if inner.len() == text.len() || inner.chars().count() > 40 {
        return false;
    }
    let Some(found) = dates::find(inner) else {
        return false;
    };
    let note = &inner[found.range.end..];
    found.range.start == 0
        && note.starts_with(['，', ',', '；', ';', ' ', '\u{3000}'])
        && !note.contains('在')
}

/// Whether `text` may be a date line: labelled, or made only of characters that a date, a
/// weekday, a label or the punctuation around them can hold. Prose fails at its first word,
/// which spares the date regexes.
fn could_be_date_line(text: &str) -> bool {
    const DATE_CHARS: &str =
        "〇零○Ｏ一二三四五六七八九十年月日号-－/／.．星期周天时间:：()（）〔〕[]【】<>《》,，。—";
    text.contains("日期")
        || text.contains("时间")
        || text.chars().all(|c| {
            c.is_ascii_digit()
                || ('０'..='９').contains(&c)
                || c.is_whitespace()
                || is_blank_char(c)
                || DATE_CHARS.contains(c)
        })
}

/// Labels of source lines, and the field each names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceField {
    /// 发布时间, 发布日期, 时间: when the page was published.
    Published,
    /// 来源, 稿源, 信息来源: where the publisher took it from.
    Origin,
    /// 作者: the author.
    Author,
    /// 原文链接, 原文地址, 链接: the original URL.
    Url,
}

/// The labels of source lines and the field each names; a counter or widget (`None`) only ends
/// the value before it. No label opens another, so the longest label found at a place is the
/// only one there.
const SOURCE_LABELS: &[(&str, Option<SourceField>)] = {
    use SourceField::{Author, Origin, Published, Url};
    &[
        ("发布时间", Some(Published)),
        ("发布日期", Some(Published)),
        ("发表时间", Some(Published)),
        ("更新时间", Some(Published)),
        ("时间", Some(Published)),
        ("文章来源", Some(Origin)),
        ("信息来源", Some(Origin)),
        ("新闻来源", Some(Origin)),
        ("来源", Some(Origin)),
        ("稿源", Some(Origin)),
        ("出处", Some(Origin)),
        ("作者", Some(Author)),
        ("原文链接", Some(Url)),
        ("原文地址", Some(Url)),
        ("原文网址", Some(Url)),
        ("链接", Some(Url)),
        ("浏览次数", None),
        ("浏览量", None),
        ("阅读次数", None),
        ("阅读量", None),
        ("点击数", None),
        ("点击量", None),
        ("访问量", None),
        ("字号", None),
    ]
};

static SOURCE_LABEL_WORDS: LazyLock<Option<Dictionary>> =
    LazyLock::new(|| Dictionary::new(SOURCE_LABELS.iter().map(|&(label, _)| label)).ok());

/// The labels in `text` that a colon follows (来源：, 时间 : ), each with the byte range of the
/// label, colon and the blanks around it, and its index in [`SOURCE_LABELS`].
fn source_labels(text: &str) -> Vec<(Range<usize>, usize)> {
    // Most lines of a body have no colon, and so no label.
    if !text.contains([':', '：']) {
        return Vec::new();
    }
    let Some(words) = SOURCE_LABEL_WORDS.as_ref() else {
        return Vec::new();
    };
    let mut labels = Vec::new();
    let mut at = 0;
    while let Some((found, index)) = text.get(at..).and_then(|rest| words.find_iter(rest).next()) {
        let (start, end) = (at + found.start, at + found.end);
        match colon_after(&text[end..]) {
            Some(colon) => {
                labels.push((start..end + colon, index));
                at = end + colon;
            }
            // Another label may start inside this one.
            None => at = start + text[start..].chars().next().map_or(1, char::len_utf8),
        }
    }
    labels
}

/// The length of the colon that opens `rest`, with the whitespace around it.
fn colon_after(rest: &str) -> Option<usize> {
    let colon = colon_after_label(rest)?;
    let after = rest[colon..].trim_start_matches(char::is_whitespace);
    Some(rest.len() - after.len())
}

/// The labelled fields of a source line, each with the byte range of its value (up to the next
/// label or the end of the line, trimmed); empty values are left out.
pub fn source_fields(text: &str) -> Vec<(SourceField, Range<usize>)> {
    let labels = source_labels(text);
    let mut fields = Vec::new();
    for (i, (whole, index)) in labels.iter().enumerate() {
        let end = labels.get(i + 1).map_or(text.len(), |(next, _)| next.start);
        let area = &text[whole.end..end];
        let lead = area.len() - area.trim_start_matches(is_separator).len();
        let value =
            without_unmatched_close(until_gap(&area[lead..]).trim_end_matches(is_separator));
        if value.is_empty() {
            continue;
        }
        let start = whole.end + lead;
        let Some(&(_, Some(field))) = SOURCE_LABELS.get(*index) else {
            continue;
        };
        // 时间: must hold a date; 链接: must hold an address.
        let plausible = match field {
            SourceField::Published => dates::find(value).is_some(),
            SourceField::Url => value.contains("://") || value.starts_with("www."),
            _ => value.chars().count() <= 40,
        };
        if plausible {
            fields.push((field, start..start + value.len()));
        }
    }
    fields
}

/// `value` without the bracket that closes a bracketed source line around it (（来源：…）).
fn without_unmatched_close(value: &str) -> &str {
    match value.strip_suffix(['）', ')']) {
        Some(inner) if !inner.contains(['（', '(']) => inner.trim_end_matches(is_separator),
        _ => value,
    }
}

fn is_separator(c: char) -> bool {
    is_blank_char(c) || "|｜,，;；".contains(c)
}

/// `text` up to a wide gap: an ideographic space, two blanks in a row, or a bar.
fn until_gap(text: &str) -> &str {
    let bar = text.find(['\u{3000}', '|', '｜']);
    let double = text.find("  ");
    let end = bar.into_iter().chain(double).min().unwrap_or(text.len());
    &text[..end]
}

/// Whether `text` is a source line: labelled fields make up most of it, or it names the
/// reporters.
pub fn is_source_line(text: &str) -> bool {
    // The length first: every line of the body is asked, and most are long paragraphs.
    text.chars().count() <= 160 && (!source_fields(text).is_empty() || reporters(text).is_some())
}

/// A line naming a story's reporters: 本报记者 王明 李华, 新华社记者 张三, 通讯员 李四.
static REPORTERS: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::lines(
        r"^(?:本报|新华社|人民日报|光明日报|中新社|本台|本网)?(?:特约|见习)?(?:记者|通讯员)[\s\u{3000}]*(?P<names>\p{Han}[\p{Han}\s\u{3000}、，,]+)$",
    )
    .expect("valid reporters pattern")
});

/// Longest list of reporters' names, in characters.
const MAX_REPORTERS_CHARS: usize = 30;

/// The names on a reporters' line, as a byte range of `text` (a photo credit, …摄, is none).
pub fn reporters(text: &str) -> Option<Range<usize>> {
    let opening = [
        "本报",
        "新华社",
        "人民日报",
        "光明日报",
        "中新社",
        "本台",
        "本网",
        "特约",
        "见习",
        "记者",
        "通讯员",
    ];
    if !opening.iter().any(|w| text.starts_with(w)) || text.ends_with(['摄', '影']) {
        return None;
    }
    REPORTERS
        .captures(text)?
        .name("names")
        .filter(|m| m.as_str().chars().count() <= MAX_REPORTERS_CHARS)
        .map(|m| m.range())
}

/// A title without its wire label (题：) and without a column's rubric at its end: 让法规立得住（坚持和完善人民代表大会制度·地方立法新
/// 实践①）. A bracket closing the title holds one when it has a series mark: a middle dot, a
/// circled number or 之一.
pub fn without_rubric(title: &str) -> &str {
    // Wire copy labels its title: 题：….
    let title = title
        .strip_prefix("题：")
        .or_else(|| title.strip_prefix("题:"))
        .unwrap_or(title);
    let Some(inner_end) = title.strip_suffix(['）', ')']) else {
        return title;
    };
    let Some(open) = inner_end.rfind(['（', '(']) else {
        return title;
    };
    let inner = &inner_end[open..];
    let series = inner.contains(['·', '•', '・'])
        || inner.chars().any(|c| ('①'..='⑳').contains(&c))
        || inner.contains("之一")
        || inner.contains("系列");
    let kept = title[..open].trim_end_matches(is_blank_char);
    if series && kept.chars().count() >= 4 {
        kept
    } else {
        title
    }
}

/// The words a salutation opens with.
const SALUTATION_OPENINGS: [&str; 6] = ["尊敬的", "各位", "同志们", "女士们", "朋友们", "亲爱的"];

/// A salutation line or opening: 同志们, 各位代表、同志们, 尊敬的…: (alone or opening a paragraph).
static SALUTATION: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::bodies(&format!(
        r"^(?:{})([\p{{Han}}、，,\s]*?)[:：!！,，]",
        SALUTATION_OPENINGS.join("|")
    ))
    .expect("valid salutation pattern")
});

/// Whether `text` opens a speech's first sentence in the first person (现在，我代表…作报告): a
/// sentence broken off by a footnote mark or a link is still no title.
pub fn opens_in_the_first_person(text: &str) -> bool {
    ["现在", "現在"].iter().any(|now| {
        text.strip_prefix(now)
            .map(|rest| rest.trim_start_matches(['，', ',', ' ', '\u{3000}']))
            .is_some_and(|rest| rest.starts_with('我'))
    })
}

/// Whether `text` opens with a salutation.
pub fn opens_with_salutation(text: &str) -> bool {
    // Every line is asked; most do not open with one of the words.
    SALUTATION_OPENINGS.iter().any(|w| text.starts_with(w))
        && bounded::anchored(&SALUTATION, text, |c| bounded::at_most(c, 1, 40)).is_some()
}

/// A section marker opening a line: 一、 （一） 第一， 一是.
static SECTION_START: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::bodies(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[，,、：:]|[一二三四五六七八九十]{1,2}是|[0-9０-９]{1,2}[、.．]\D)")
        .expect("valid section pattern")
});

/// Whether `text` opens with a section marker.
pub fn opens_with_section_marker(text: &str) -> bool {
    SECTION_START.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_source_label_opens_another() {
        for (a, _) in SOURCE_LABELS {
            for (b, _) in SOURCE_LABELS {
                assert!(a == b || !b.starts_with(a), "{a} opens {b}");
            }
        }
    }

    #[test]
    fn a_label_counts_only_before_a_colon() {
        fn found(text: &str) -> Vec<&str> {
            source_labels(text)
                .into_iter()
                .map(|(range, _)| &text[range])
                .collect()
        }
        assert_eq!(
            found("文章来源 ： 新华社 时间：2023"),
            ["文章来源 ： ", "时间："]
        );
        assert_eq!(found("发布时间2023 来源:本网"), ["来源:"]);
        assert_eq!(found("来源"), Vec::<&str>::new());
    }

    fn fields_of(text: &str) -> Vec<(SourceField, &str)> {
        source_fields(text)
            .into_iter()
            .map(|(f, r)| (f, &text[r]))
            .collect()
    }

    fn parts(text: &str) -> Option<(Option<&str>, &str)> {
        byline(text).map(|b| (b.role.map(|r| &text[r]), &text[b.name]))
    }

    #[test]
    fn a_bracketed_source_line_keeps_its_brackets_out_of_the_value() {
        let text = "（来源：某省人大常委会办公厅）";
        let fields = fields_of(text);
        assert_eq!(fields, vec![(SourceField::Origin, "某省人大常委会办公厅")]);
        let text = "来源：人民网（北京）";
        assert_eq!(
            source_fields(text).first().map(|(_, r)| &text[r.clone()]),
            Some("人民网（北京）")
        );
    }

    #[test]
    fn a_bracketed_date_may_carry_a_note() {
        assert!(is_date_line("（2023年9月5日，根据录音整理）"));
        assert!(is_date_line("(2023年12月1日 有删节)"));
        assert!(!is_date_line("（2024年1月9日，在市八届人大四次会议上）"));
        assert!(!is_date_line("2023年9月5日，根据录音整理，全文如下。"));
    }

    #[test]
    fn a_counter_ends_the_value_before_it() {
        let text = "发布日期：2024-02-01 作者：市人大办 浏览次数：328";
        let fields = fields_of(text);
        assert_eq!(
            fields,
            vec![
                (SourceField::Published, "2024-02-01"),
                (SourceField::Author, "市人大办")
            ]
        );
    }

    #[test]
    fn a_redacted_name_still_makes_a_byline() {
        assert_eq!(parts("县委书记　XXX"), Some((Some("县委书记"), "XXX")));
        assert_eq!(parts("XXX"), None);
    }

    #[test]
    fn a_byline_may_carry_the_date() {
        assert_eq!(
            parts("县委书记 李振华（2023年12月28日）"),
            Some((Some("县委书记"), "李振华"))
        );
        assert_eq!(
            parts("市人大常委会主任　孙　伟　2024年2月20日"),
            Some((Some("市人大常委会主任"), "孙　伟"))
        );
        assert_eq!(parts("（2023年12月28日）"), None);
    }

    #[test]
    fn author_notes_name_the_office() {
        let note = "（作者系保定市人大常委会主任）";
        let office = author_office(note).map(|r| &note[r]);
        assert_eq!(office, Some("保定市人大常委会主任"));
        assert_eq!(
            author_office("作者单位：某县人大常委会办公室").map(|r| r.len()),
            Some("某县人大常委会办公室".len())
        );
        assert_eq!(author_office("作者：佚名，某某网"), None);
        assert_eq!(author_office("作者认为，监督要有力。"), None);
    }

    #[test]
    fn bylines() {
        assert_eq!(parts("市委书记 张雷明"), Some((Some("市委书记"), "张雷明")));
        assert_eq!(parts("省长　王予波"), Some((Some("省长"), "王予波")));
        assert_eq!(parts("习　近　平"), Some((None, "习　近　平")));
        assert_eq!(
            parts("县人大常委会主任 李 明"),
            Some((Some("县人大常委会主任"), "李 明"))
        );
        assert_eq!(parts("通知公告"), None);
        assert_eq!(parts("在市委人大工作会议上的讲话"), None);
    }

    #[test]
    fn date_lines() {
        assert!(is_date_line("(2022年9月22日)"));
        assert!(is_date_line("（二〇二六年一月二十七日）"));
        assert!(is_date_line("日期:01-17"));
        assert!(is_date_line("2022-09-22 星期四"));
        assert!(!is_date_line("2022年9月22日，市委召开人大工作会议"));
        assert!(!is_date_line("发布时间:2022-06-24 来源: 贵州党建云"));
        assert!(is_date_line("时间 ：2022年9月22日 周四"));
        assert!(is_date_line("【日期：2022-09-22】星期日"));
        assert!(!is_date_line("2022-09-22 星四"));
        assert!(!is_date_line("2022-09-22 周末"));
    }

    #[test]
    fn date_labels_and_weekdays_are_found_one_after_the_other() {
        let text = "日期时间 ： 2022 星期周三";
        let labels: Vec<&str> = date_labels(text).map(|r| &text[r]).collect();
        assert_eq!(labels, ["时间 ："]);
        let days: Vec<&str> = weekdays(text).map(|r| &text[r]).collect();
        assert_eq!(days, ["周三"]);
    }

    #[test]
    fn source_lines() {
        let text = "发布时间:2022-06-24 来源: 贵州党建云 作者:佚名";
        let fields = fields_of(text);
        assert_eq!(
            fields,
            vec![
                (SourceField::Published, "2022-06-24"),
                (SourceField::Origin, "贵州党建云"),
                (SourceField::Author, "佚名")
            ]
        );
        assert!(is_source_line("原文链接:https://example.gov.cn/a.htm"));
        assert!(!is_source_line("admin 分享 时间: 加入收藏 共计2936个字"));
    }

    #[test]
    fn titles_and_openings() {
        assert!(has_title_cue("在市五届人大七次会议闭幕会上的讲话"));
        assert!(!has_title_cue("坚持守正创新 推动人大工作高质量发展"));
        assert!(continues_on_next_line("在全市人大工作会议上的", "讲话"));
        assert!(!continues_on_next_line(
            "文似观山不喜平",
            "县人大常委会主任在…上的发言"
        ));
        assert!(is_subtitle("——在全市人大工作会议上的讲话"));
        assert!(opens_with_salutation("各位领导、各位代表、同志们:"));
        assert!(opens_with_salutation("同志们，今天我们在这里召开"));
        assert!(opens_with_section_marker("一、聚焦履职质效提升"));
        assert!(opens_with_section_marker("（二）依法监督"));
        assert!(!opens_with_section_marker("一要高质量立法"));
    }
}
