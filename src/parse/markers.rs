//! Numbering markers of speeches and their numerals: 一、 （一） 1. （1） 第一， 一是 一要 首先.
//!
//! A marker is only recognised here by its shape; whether it really numbers a part depends on
//! where it stands and on the markers around it, which is the business of [`super::levels`]
//! and [`super::directives`].

use std::ops::Range;

use crate::text::chars_led_by;

/// A way of numbering parts, as GB/T 9704 and speech writing use them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// 一、 (also 一． and 一.)
    Dun,
    /// 第一， 第一, 第一、 第一：
    Di,
    /// （一） (一)
    ParenHan,
    /// 一是 (一是要)
    Shi,
    /// 一要
    Yao,
    /// 1. １． 1、
    Arabic,
    /// （1） (1)
    ParenArabic,
    /// 首先 其次 再次 最后
    Sequence,
}

impl Family {
    /// Whether the family numbers the parts of an outline (一、 → （一） → 1. → （1）) rather
    /// than the points of a running text (一要, 一是, 第一, 首先).
    pub const fn is_outline(self) -> bool {
        matches!(
            self,
            Family::Dun | Family::ParenHan | Family::Arabic | Family::ParenArabic
        )
    }
}

/// The number a marker writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ordinal {
    /// A written number: 三 → 3, 首先 → 1.
    Number(u32),
    /// 最后: one more than the point before it.
    Next,
}

/// A marker found at some position of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// Its family.
    pub family: Family,
    /// The number it writes.
    pub ordinal: Ordinal,
    /// Byte range of the marker as written (一要, 第二,, 一是要, （三）).
    pub range: Range<usize>,
    /// Byte offset where the text after the marker starts (separating punctuation skipped).
    pub rest: usize,
}

/// Characters that end a sentence.
pub const SENTENCE_ENDS: &[char] = &['。', '！', '？', '!', '?'];
/// Characters that end a clause in which a numbered point may start.
pub const CLAUSE_ENDS: &[char] = &['。', '！', '？', '!', '?', '；', ';', '：', ':'];
/// Closing quotes and brackets that may stand between a sentence end and the next sentence.
const CLOSERS: &[char] = &['”', '’', '」', '』', '"', '\'', '）', ')', '】', '》'];
/// Punctuation that may separate a marker from its text.
const SEPARATORS: &[char] = &['，', ',', '、', '：', ':', '．', '.'];

/// Parses a Chinese numeral (一 … 九十九) at the start of `s`: its value and byte length.
pub fn han_numeral(s: &str) -> Option<(u32, usize)> {
    let digit = |c: char| "一二三四五六七八九".find(c).map(|i| i as u32 / 3 + 1);
    let mut chars = s.chars();
    let first = chars.next()?;
    let second = chars.next();
    let third = chars.next();
    let len = |n: usize| s.chars().take(n).map(char::len_utf8).sum::<usize>();
    match (first, second, third) {
        ('十', Some(u), _) if digit(u).is_some() => Some((10 + digit(u)?, len(2))),
        ('十', _, _) => Some((10, len(1))),
        (t, Some('十'), Some(u)) if digit(t).is_some() && digit(u).is_some() => {
            Some((digit(t)? * 10 + digit(u)?, len(3)))
        }
        (t, Some('十'), _) if digit(t).is_some() => Some((digit(t)? * 10, len(2))),
        (u, _, _) => digit(u).map(|v| (v, len(1))),
    }
}

/// Parses a count as written in an announcement (五, 两, 十二) at the start of `s`.
pub fn count_numeral(s: &str) -> Option<(u32, usize)> {
    if s.starts_with('两') {
        return Some((2, '两'.len_utf8()));
    }
    han_numeral(s)
}

/// Parses one or two ASCII or fullwidth digits at the start of `s`, refusing longer numbers
/// (a year is not a list number).
fn arabic_numeral(s: &str) -> Option<(u32, usize)> {
    let digit = |c: char| match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    };
    let mut value = 0;
    let mut len = 0;
    // A third digit already refuses the number: reading on would overflow on a long run of
    // digits and make every position of the run cost its length.
    for (i, c) in s.chars().enumerate() {
        let Some(d) = digit(c) else { break };
        if i == 2 {
            return None;
        }
        value = value * 10 + d;
        len += c.len_utf8();
    }
    (len > 0).then_some((value, len))
}

/// The characters a marker other than a digit opens with: brackets, 第, the sequence words'
/// first characters and the numerals.
const MARKER_OPENINGS: &[char] = &[
    '（', '(', '第', '首', '其', '再', '最', '一', '二', '三', '四', '五', '六', '七', '八', '九',
    '十',
];

/// The marker that starts at byte `pos` of `text`, judged by its shape alone.
pub fn marker_at(text: &str, pos: usize) -> Option<Marker> {
    let s = text.get(pos..)?;
    // Every family starts with one of these; most clauses start with none of them.
    let first = s.chars().next()?;
    let digit = first.is_ascii_digit() || ('０'..='９').contains(&first);
    if !digit && !MARKER_OPENINGS.contains(&first) {
        return None;
    }
    paren(s, pos)
        .or_else(|| di(s, pos))
        .or_else(|| sequence_word(s, pos))
        .or_else(|| arabic(s, pos))
        .or_else(|| han(s, pos))
        .or_else(|| bare(text, pos))
}

/// Blanks that may stand around a numeral alone on its line.
const INLINE_BLANKS: &[char] = &[' ', '\t', '\u{3000}', '\u{00A0}'];

/// 一 alone on its line, as older publications set a part's number above its text: it numbers
/// the part as 一、 does. Only a whole line: a line broken inside 一年来 leaves text beside it.
fn bare(text: &str, pos: usize) -> Option<Marker> {
    let s = text.get(pos..)?;
    let (value, len) = han_numeral(s)?;
    let before = text.get(..pos)?.trim_end_matches(INLINE_BLANKS);
    let line_start = before.is_empty() || before.ends_with(['\n', '\r']);
    let after = s.get(len..)?.trim_start_matches(INLINE_BLANKS);
    let line_end = after.starts_with(['\n', '\r']);
    // The heading is the line's: none, after the numeral.
    (line_start && line_end).then(|| Marker {
        family: Family::Dun,
        ordinal: Ordinal::Number(value),
        range: pos..pos + len,
        rest: pos + len,
    })
}

fn char_at(s: &str, at: usize) -> Option<char> {
    s.get(at..)?.chars().next()
}

/// Skips separating punctuation and spaces after a marker.
fn skip_separators(s: &str, mut at: usize) -> usize {
    while let Some(c) = char_at(s, at) {
        if SEPARATORS.contains(&c) || c.is_whitespace() {
            at += c.len_utf8();
        } else {
            break;
        }
    }
    at
}

/// （一） (一) （1） (1)
fn paren(s: &str, pos: usize) -> Option<Marker> {
    let open = s.chars().next().filter(|c| matches!(c, '（' | '('))?;
    let inner = &s[open.len_utf8()..];
    let (family, (value, len)) = match han_numeral(inner) {
        Some(n) => (Family::ParenHan, n),
        None => (Family::ParenArabic, arabic_numeral(inner)?),
    };
    let close_at = open.len_utf8() + len;
    let close = char_at(s, close_at).filter(|c| matches!(c, '）' | ')'))?;
    let end = close_at + close.len_utf8();
    let rest = skip_separators(s, end);
    (rest < s.len()).then(|| Marker {
        family,
        ordinal: Ordinal::Number(value),
        range: pos..pos + end,
        rest: pos + rest,
    })
}

/// 第一， 第二, 第三、 第四：
fn di(s: &str, pos: usize) -> Option<Marker> {
    let after = s.strip_prefix('第')?;
    let (value, len) = han_numeral(after)?;
    let sep_at = '第'.len_utf8() + len;
    let sep = char_at(s, sep_at).filter(|c| matches!(c, '，' | ',' | '、' | '：' | ':'))?;
    let end = sep_at + sep.len_utf8();
    let rest = skip_separators(s, end);
    (rest < s.len()).then(|| Marker {
        family: Family::Di,
        ordinal: Ordinal::Number(value),
        range: pos..pos + end,
        rest: pos + rest,
    })
}

/// 首先 其次 再次 最后, followed by punctuation or by 要/是/必须 (不是 最后一公里).
fn sequence_word(s: &str, pos: usize) -> Option<Marker> {
    const WORDS: [(&str, Ordinal); 4] = [
        ("首先", Ordinal::Number(1)),
        ("其次", Ordinal::Number(2)),
        ("再次", Ordinal::Number(3)),
        ("最后", Ordinal::Next),
    ];
    let (word, ordinal) = WORDS.into_iter().find(|(w, _)| s.starts_with(w))?;
    let after = &s[word.len()..];
    let mut end = word.len();
    if let Some(c) = after
        .chars()
        .next()
        .filter(|c| matches!(c, '，' | ',' | '：' | ':'))
    {
        end += c.len_utf8();
    } else if after.starts_with('要') {
        end += '要'.len_utf8();
    } else if !(after.starts_with('是') || after.starts_with("必须")) {
        return None;
    }
    let rest = skip_separators(s, end);
    (rest < s.len()).then(|| Marker {
        family: Family::Sequence,
        ordinal,
        range: pos..pos + end,
        rest: pos + rest,
    })
}

/// 1. １． 1、 (not 1.5 nor 2022.)
fn arabic(s: &str, pos: usize) -> Option<Marker> {
    let (value, len) = arabic_numeral(s)?;
    let sep = char_at(s, len).filter(|c| matches!(c, '.' | '．' | '、'))?;
    let end = len + sep.len_utf8();
    if char_at(s, end).is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
        return None;
    }
    let rest = skip_separators(s, end);
    (value > 0 && rest < s.len()).then(|| Marker {
        family: Family::Arabic,
        ordinal: Ordinal::Number(value),
        range: pos..pos + end,
        rest: pos + rest,
    })
}

/// 一、 一是 一是要 一要 (not 一是一 nor 一要一).
fn han(s: &str, pos: usize) -> Option<Marker> {
    let (value, len) = han_numeral(s)?;
    let next = char_at(s, len)?;
    let mut end = len + next.len_utf8();
    let family = match next {
        '、' | '．' => Family::Dun,
        '.' if !char_at(s, end).is_some_and(|c| c.is_ascii_digit()) => Family::Dun,
        '是' => Family::Shi,
        '要' => Family::Yao,
        _ => return None,
    };
    if matches!(family, Family::Shi | Family::Yao) {
        let following = char_at(s, end)?;
        if han_numeral(&s[end..]).is_some() || SEPARATORS.contains(&following) {
            return None;
        }
        if family == Family::Shi && following == '要' {
            end += '要'.len_utf8();
        }
    }
    let rest = skip_separators(s, end);
    (rest < s.len()).then(|| Marker {
        family,
        ordinal: Ordinal::Number(value),
        range: pos..pos + end,
        rest: pos + rest,
    })
}

/// Whether byte `pos` of `text` starts a sentence of the scope that begins at `scope_start`:
/// at the scope's start, or after one of `ends` (closing quotes and spaces may stand between).
pub fn starts_clause(text: &str, scope_start: usize, pos: usize, ends: &[char]) -> bool {
    if pos <= scope_start {
        return true;
    }
    let Some(before) = text.get(scope_start..pos) else {
        return false;
    };
    let mut chars = before.chars().rev().skip_while(|c| c.is_whitespace());
    loop {
        match chars.next() {
            None => return true,
            Some(c) if ends.contains(&c) => return true,
            Some(c) if CLOSERS.contains(&c) => continue,
            Some(_) => return false,
        }
    }
}

/// Where clauses start inside `range`: its start and every position after one of `ends`
/// (closing quotes and spaces skipped), in order.
pub fn clause_starts(text: &str, range: &Range<usize>, ends: &[char]) -> Vec<usize> {
    let mut out = vec![range.start];
    let Some(scope) = text.get(range.clone()) else {
        return out;
    };
    // Only the first byte of an end's UTF-8 form can start one.
    let mut leads = [false; 256];
    for c in ends {
        let mut buf = [0; 4];
        leads[usize::from(c.encode_utf8(&mut buf).as_bytes()[0])] = true;
    }
    let mut at = 0;
    for (found, c) in chars_led_by(scope, |b| leads[usize::from(b)]) {
        // Ends, closers and spaces after an end were passed over with it.
        if found < at || !ends.contains(&c) {
            continue;
        }
        at = found + c.len_utf8();
        while let Some(next) = scope.get(at..).and_then(|s| s.chars().next()) {
            if CLOSERS.contains(&next) || next.is_whitespace() || ends.contains(&next) {
                at += next.len_utf8();
            } else {
                break;
            }
        }
        if at < scope.len() {
            out.push(range.start + at);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn family_and_ordinal(s: &str) -> Option<(Family, Ordinal, &str)> {
        marker_at(s, 0).map(|m| (m.family, m.ordinal, &s[m.rest..]))
    }

    #[test]
    fn reads_chinese_numerals() {
        assert_eq!(han_numeral("三、"), Some((3, 3)));
        assert_eq!(han_numeral("十要"), Some((10, 3)));
        assert_eq!(han_numeral("十二是"), Some((12, 6)));
        assert_eq!(han_numeral("二十、"), Some((20, 6)));
        assert_eq!(han_numeral("三十五"), Some((35, 9)));
        assert_eq!(han_numeral("两"), None);
        assert_eq!(count_numeral("两个方面"), Some((2, 3)));
        assert_eq!(han_numeral("是"), None);
    }

    #[test]
    fn arabic_numbers_have_one_or_two_digits() {
        assert_eq!(arabic_numeral("7."), Some((7, 1)));
        assert_eq!(arabic_numeral("１２．"), Some((12, 6)));
        assert_eq!(arabic_numeral("2024年"), None);
        assert_eq!(arabic_numeral("a1"), None);
        // A run of digits longer than any integer, which used to overflow.
        assert_eq!(arabic_numeral(&"9".repeat(40)), None);
        assert_eq!(arabic_numeral("。"), None);
    }

    #[test]
    fn recognises_every_family() {
        use Family::*;
        let n = Ordinal::Number;
        assert_eq!(family_and_ordinal("一、坚持"), Some((Dun, n(1), "坚持")));
        assert_eq!(
            family_and_ordinal("（二）加强"),
            Some((ParenHan, n(2), "加强"))
        );
        assert_eq!(
            family_and_ordinal("(三)加强"),
            Some((ParenHan, n(3), "加强"))
        );
        assert_eq!(family_and_ordinal("1.完善"), Some((Arabic, n(1), "完善")));
        assert_eq!(
            family_and_ordinal("１２．完善"),
            Some((Arabic, n(12), "完善"))
        );
        assert_eq!(
            family_and_ordinal("（4）健全"),
            Some((ParenArabic, n(4), "健全"))
        );
        assert_eq!(family_and_ordinal("第二,奋进"), Some((Di, n(2), "奋进")));
        assert_eq!(
            family_and_ordinal("第十一，坚持"),
            Some((Di, n(11), "坚持"))
        );
        assert_eq!(
            family_and_ordinal("三是要以人为本"),
            Some((Shi, n(3), "以人为本"))
        );
        assert_eq!(
            family_and_ordinal("二要高效能监督"),
            Some((Yao, n(2), "高效能监督"))
        );
        assert_eq!(
            family_and_ordinal("首先，要学习"),
            Some((Sequence, n(1), "要学习"))
        );
        assert_eq!(
            family_and_ordinal("最后，守住"),
            Some((Sequence, Ordinal::Next, "守住"))
        );
    }

    #[test]
    fn refuses_words_that_only_look_like_markers() {
        for s in [
            "第一议题",
            "第二个百年",
            "一是一，二是二",
            "进一步",
            "1.5亿元",
            "2022.",
            "最后一米",
            "一要一个",
            "第一办公区",
            "一、",
            "再次强调",
        ] {
            assert_eq!(marker_at(s, 0), None, "{s}");
        }
    }

    /// The clause starts as a plain walk over the characters finds them.
    fn clause_starts_by_chars(text: &str, range: &Range<usize>, ends: &[char]) -> Vec<usize> {
        let mut out = vec![range.start];
        let mut chars = text[range.clone()].char_indices().peekable();
        while let Some((_, c)) = chars.next() {
            if !ends.contains(&c) {
                continue;
            }
            while let Some(&(_, next)) = chars.peek() {
                if CLOSERS.contains(&next) || next.is_whitespace() || ends.contains(&next) {
                    chars.next();
                } else {
                    break;
                }
            }
            if let Some(&(at, _)) = chars.peek() {
                out.push(range.start + at);
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn clause_starts_agree_with_a_walk_over_characters(
            pieces in proptest::collection::vec(
                proptest::sample::select(&["一要", "。", "；", "，", ",", "!", "”", "）", " ", "\u{3000}", "a", "《", "、", "：", "？"][..]),
                0..40,
            ),
            cut in 0usize..4,
        ) {
            let text = pieces.concat();
            let start = text.char_indices().nth(cut).map_or(text.len(), |(i, _)| i);
            let range = start..text.len();
            for ends in [SENTENCE_ENDS, CLAUSE_ENDS, &['，', ','][..]] {
                proptest::prop_assert_eq!(
                    clause_starts(&text, &range, ends),
                    clause_starts_by_chars(&text, &range, ends)
                );
            }
        }
    }

    #[test]
    fn clause_starts_follow_sentence_ends() {
        let text = "加强学习。”一要立法，二要监督";
        let yao = text.find("一要").unwrap_or(0);
        let er = text.find("二要").unwrap_or(0);
        assert!(starts_clause(text, 0, 0, SENTENCE_ENDS));
        assert!(starts_clause(text, 0, yao, SENTENCE_ENDS));
        assert!(!starts_clause(text, 0, er, SENTENCE_ENDS));
        assert!(starts_clause(text, 0, er, &['，']));
        assert_eq!(
            clause_starts(text, &(0..text.len()), SENTENCE_ENDS),
            vec![0, yao]
        );
        assert_eq!(
            clause_starts(text, &(yao..text.len()), &['，']),
            vec![yao, er]
        );
    }
}
