//! Front matter run into the first line of a text whose line breaks were lost: news copy and
//! scraped pages that print 在…座谈会上的讲话（2018年2月12日）习近平同志们：今天… as one line.
//!
//! The head is cut into the pieces a page would have shown on lines of their own: a wire
//! dateline, the title, a dateline subtitle, the bracketed date, the byline, then the body from
//! its salutation. A title is taken only when what follows it is front matter or a salutation,
//! so a first sentence that merely ends in 报告 is never cut.

use std::ops::Range;
use std::sync::LazyLock;

use super::boilerplate;
use super::front_lines::ROLE_ENDINGS;
use super::layout::is_blank_char;
use crate::pattern::Pattern;

/// Longest piece of a head (a title, a dateline subtitle), in characters.
const MAX_PIECE_CHARS: usize = 80;

/// A first line shorter than this was not run together.
const MIN_RUN_ON_CHARS: usize = 60;

/// The pieces of the head that `line` (trimmed) opens with, then the rest of it, as byte ranges
/// of `line`; `None` when it does not open with run-on front matter.
pub fn head_pieces(line: &str) -> Option<Vec<Range<usize>>> {
    // A short line was not run together.
    line.chars().nth(MIN_RUN_ON_CHARS)?;
    let mut pieces = Vec::new();
    let mut at = 0;
    let take = |pattern: &Pattern, at: &mut usize, pieces: &mut Vec<Range<usize>>| {
        let rest = &line[*at..];
        let m = pattern
            .find(rest)
            .filter(|m| m.start() == 0 && m.as_str().chars().nth(MAX_PIECE_CHARS).is_none())?;
        pieces.push(*at..*at + m.end());
        *at = skip_blanks(line, *at + m.end());
        Some(())
    };
    if let Some(dateline) = boilerplate::dateline(line) {
        pieces.push(dateline.clone());
        at = skip_blanks(line, dateline.end);
    }
    // The longest title first (在学习…重要讲话精神座谈会上的讲话 holds 讲话 twice), then the
    // shortest, each kept only if front matter or a salutation follows it.
    let before_title = (at, pieces.len());
    take(&LONGEST_TITLE, &mut at, &mut pieces)?;
    if !opens_what_follows_a_title(&line[at..]) {
        (at, _) = before_title;
        pieces.truncate(before_title.1);
        take(&TITLE, &mut at, &mut pieces)?;
    }
    split_main_title(line, &mut pieces);
    let subtitle = take(&SUBTITLE, &mut at, &mut pieces).is_some();
    let date = take(&DATE, &mut at, &mut pieces).is_some();
    let rest = &line[at..];
    let salutation = match BYLINE_THEN_SALUTATION.captures(rest) {
        Some(c)
            if c.get(0).is_some_and(|m| m.start() == 0)
                && c.name("byline")
                    .is_some_and(|b| !is_salutation_word(b.as_str())) =>
        {
            let name = c.name("byline")?;
            pieces.push(at..at + name.end());
            at = skip_blanks(line, at + name.end());
            true
        }
        _ => SALUTATION.find(rest).is_some_and(|m| m.start() == 0),
    };
    if !(subtitle || date || salutation) || at >= line.len() {
        return None;
    }
    pieces.push(at..line.len());
    Some(pieces)
}

/// Whether `rest` opens with what follows a title: a dateline subtitle, a date, a name then a
/// salutation, or the salutation.
fn opens_what_follows_a_title(rest: &str) -> bool {
    let at_start = |p: &Pattern| p.find(rest).is_some_and(|m| m.start() == 0);
    at_start(&SUBTITLE)
        || at_start(&DATE)
        || at_start(&BYLINE_THEN_SALUTATION)
        || at_start(&SALUTATION)
}

/// 以…伟大复兴——在…大会上的报告: the main title and its subtitle, cut at the dash.
fn split_main_title(line: &str, pieces: &mut Vec<Range<usize>>) {
    let Some(title) = pieces.pop() else {
        return;
    };
    let text = &line[title.clone()];
    match text.find("——").filter(|&dash| dash > 0) {
        Some(dash) => {
            pieces.push(title.start..title.start + dash);
            pieces.push(title.start + dash..title.end);
        }
        None => pieces.push(title),
    }
}

/// 尊敬的, 亲爱的: the opening of a salutation, read as a name by the byline pattern.
fn is_salutation_word(byline: &str) -> bool {
    byline.ends_with('的') || SALUTATIONS.split('|').any(|w| byline.starts_with(w))
}

fn skip_blanks(line: &str, at: usize) -> usize {
    let rest = &line[at..];
    at + (rest.len() - rest.trim_start_matches(is_blank_char).len())
}

/// A speech title (after the 题： of wire copy): up to 80 characters without a sentence's
/// punctuation, ending with the kind; the shortest such run.
static TITLE: LazyLock<Pattern> = LazyLock::new(|| title_pattern("?"));

/// The same, the longest run.
static LONGEST_TITLE: LazyLock<Pattern> = LazyLock::new(|| title_pattern(""));

fn title_pattern(lazy: &str) -> Pattern {
    Pattern::lines(&format!(
        r"^(?:题\s*[:：]\s*)?[^，,。！？!?；;：:\n]{{2}}[^，,。！？!?；;：:\n]*{lazy}(?:{KINDS})"
    ))
    .expect("valid run-on title pattern")
}

/// The words that end a speech's title.
const KINDS: &str = "讲话|报告|致辞|发言|讲稿|主持词|演讲|贺词|献词";

/// ——2026年1月14日在…会议上 / （2024年1月9日在…会议上）: unbracketed, it ends at the meeting's
/// 上 (会议上, 开幕式上), not at the 上 of 上海.
static SUBTITLE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::lines(
        r"^(?:[—─－\-]{1,2}[^。！？；\n]{4}[^。！？；\n]*?(?:会议|会|式|礼|坛|班|典)(?:上|时)|[（(][^（()）\n]{4}[^（()）\n]*?(?:上|时)[）)])",
    )
    .expect("valid run-on subtitle pattern")
});

/// （2018年2月12日）, or a labelled date: 日期:01-17.
static DATE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::lines(
        r"^(?:[（(〔]\s*[0-9０-９〇○零一二三四五六七八九十]{4}\s*年[^）)〕\n]{1,12}?[日号]\s*[）)〕]|(?:日期|时间)\s*[:：]\s*[0-9０-９]{1,4}(?:[-－/.年月][0-9０-９]{1,2}){1,2}[日号]?)",
    )
    .expect("valid run-on date pattern")
});

/// Salutations that open a speech's body.
const SALUTATIONS: &str = "同志们|各位代表|各位委员|各位|尊敬的|女士们|亲爱的";

/// An office and a name, or a name alone, right before the salutation: 习近平同志们：.
static BYLINE_THEN_SALUTATION: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::lines(&format!(
        r"^(?P<byline>(?:\p{{Han}}{{0,16}}?(?:{ROLE_ENDINGS}))?[\s\u{{3000}}]*(?:\p{{Han}}{{1,6}}[·•・]\p{{Han}}{{1,10}}|\p{{Han}}(?:[\s\u{{3000}}]?\p{{Han}}){{1,3}}))[\s\u{{3000}}]*(?:{SALUTATIONS})"
    ))
    .expect("valid run-on byline pattern")
});

static SALUTATION: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::lines(&format!(r"^(?:{SALUTATIONS})")).expect("valid salutation pattern")
});

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(line: &str) -> Option<Vec<&str>> {
        Some(head_pieces(line)?.into_iter().map(|r| &line[r]).collect())
    }

    const BODY: &str = "今天，我们召开这次会议，主要任务是总结过去一年的工作，部署今年的重点任务。过去一年，全市各级人大坚持党的领导，依法履职，各项工作取得了新的进展。";

    #[test]
    fn title_date_name_then_salutation() {
        let line = format!("在全市人大工作座谈会上的讲话（2023年2月12日）王建国同志们：{BODY}");
        let got = pieces(&line).unwrap();
        assert_eq!(
            got[..4],
            [
                "在全市人大工作座谈会上的讲话",
                "（2023年2月12日）",
                "王建国",
                &format!("同志们：{BODY}")[..]
            ]
        );
    }

    #[test]
    fn wire_dateline_office_and_subtitle() {
        let line = format!(
            "新华社北京3月5日电 政府工作报告——2023年3月5日在某省第十四届人民代表大会第一次会议上 省长 李明 各位代表：{BODY}"
        );
        let got = pieces(&line).unwrap();
        assert_eq!(
            got[..4],
            [
                "新华社北京3月5日电",
                "政府工作报告",
                "——2023年3月5日在某省第十四届人民代表大会第一次会议上",
                "省长 李明",
            ]
        );
        assert!(got[4].starts_with("各位代表："));
    }

    #[test]
    fn wire_copy_with_its_title_label_and_a_main_title() {
        let line = format!(
            "新华社北京10月16日电 题：以奋斗开创未来——在某某大会上的报告（2031年10月16日）李建华同志们：{BODY}"
        );
        let got = pieces(&line).unwrap();
        assert_eq!(
            got[..5],
            [
                "新华社北京10月16日电",
                "题：以奋斗开创未来",
                "——在某某大会上的报告",
                "（2031年10月16日）",
                "李建华"
            ]
        );
    }

    #[test]
    fn titles_that_hold_their_kind_twice_and_places_with_shang() {
        let line = format!("在学习贯彻重要讲话精神座谈会上的讲话（2031年2月12日）同志们：{BODY}");
        assert_eq!(
            pieces(&line).unwrap()[..2],
            ["在学习贯彻重要讲话精神座谈会上的讲话", "（2031年2月12日）"]
        );
        let line = format!(
            "政府工作报告——2031年1月23日在上海市第十六届人民代表大会第二次会议上 市长 王明 各位代表：{BODY}"
        );
        assert_eq!(
            pieces(&line).unwrap()[1],
            "——2031年1月23日在上海市第十六届人民代表大会第二次会议上"
        );
        let line = format!("在校庆大会上的致辞（2031年5月1日）尊敬的各位来宾：{BODY}");
        let got = pieces(&line).unwrap();
        assert_eq!(got.len(), 3);
        assert!(got[2].starts_with("尊敬的各位来宾："));
    }

    #[test]
    fn a_first_sentence_is_not_cut() {
        assert_eq!(
            pieces(&format!("刚才，我们听取了市人大常委会的工作报告，{BODY}")),
            None
        );
        assert_eq!(
            pieces(&format!("市政府工作报告明确了今年的目标任务。{BODY}")),
            None
        );
        assert_eq!(
            pieces("在全市人大工作座谈会上的讲话（2023年2月12日）"),
            None
        );
    }

    #[test]
    fn a_labelled_date_and_a_continuation() {
        let line = format!("在县人大常委会会议上的讲话日期:03-18(上接一版){BODY}");
        let got = pieces(&line).unwrap();
        assert_eq!(got[..2], ["在县人大常委会会议上的讲话", "日期:03-18"]);
    }
}
