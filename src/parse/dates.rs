//! Dates as written in Chinese pages: 2022年9月22日, ２０２２年９月２２日, 二〇二六年一月二十七日,
//! 2022-06-24, 2022/6/24, 2022.06.24, and month-day stubs (01-17) after a date label.

use std::ops::Range;
use std::sync::LazyLock;

use crate::pattern::Pattern;

/// A date found in a text: any part may be missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    /// Byte range of the date as written.
    pub range: Range<usize>,
    /// The year, when written.
    pub year: Option<i32>,
    /// The month (1–12), when written.
    pub month: Option<u8>,
    /// The day (1–31), when written.
    pub day: Option<u8>,
}

const DIGIT: &str = "[0-9０-９]";
const CN_YEAR_DIGIT: &str = "[〇零○Ｏ0一二三四五六七八九]";
const CN_SMALL: &str = "[一二三四五六七八九十]";

/// 2022年9月22日 / 二〇二六年一月二十七日 / 2022年9月: written with 年 and 月.
static WRITTEN: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::bodies(&format!(
        r"(?x)
        (?P<y>{DIGIT}{{4}}|{CN_YEAR_DIGIT}{{4}})\s*年\s*
        (?P<m>{DIGIT}{{1,2}}|{CN_SMALL}{{1,3}})\s*月
        (?:\s*(?P<d>{DIGIT}{{1,2}}|{CN_SMALL}{{1,3}})\s*[日号])?"
    ))
    .expect("valid date pattern")
});

/// 2022-06-24, 2022/6/24, 2022.06.24 (not followed by more digits: not a phone number).
static NUMERIC: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::bodies(&format!(
        r"(?P<y>{DIGIT}{{4}})\s*[-－/／.．]\s*(?P<m>{DIGIT}{{1,2}})\s*[-－/／.．]\s*(?P<d>{DIGIT}{{1,2}})"
    ))
    .expect("valid date pattern")
});

/// 01-17 or 1月17日: month and day without a year.
static MONTH_DAY: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::bodies(&format!(
        r"(?P<m>{DIGIT}{{1,2}}|{CN_SMALL}{{1,3}})\s*(?:[-－/／.．]|月)\s*(?P<d>{DIGIT}{{1,2}}|{CN_SMALL}{{1,3}})(?:\s*[日号])?"
    ))
    .expect("valid date pattern")
});

/// The first full or year-month date in `text` (years 1900–2100, real months and days).
pub fn find(text: &str) -> Option<FoundDate> {
    // Each form needs its characters: most texts asked lack them, and are not searched.
    let has_written = text.contains('年') && text.contains('月');
    let written = has_written
        .then(|| {
            WRITTEN
                .captures_iter(text)
                .find_map(|c| from_captures(&c, true))
        })
        .flatten();
    let has_numeric = text.contains(['-', '－', '/', '／', '.', '．'])
        && text
            .chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    let numeric = has_numeric
        .then(|| {
            NUMERIC.captures_iter(text).find_map(|c| {
                let m = c.get(0)?;
                let followed_by_digit = text[m.end()..]
                    .chars()
                    .next()
                    .is_some_and(|ch| to_digit(ch).is_some());
                let preceded_by_digit = text[..m.start()]
                    .chars()
                    .next_back()
                    .is_some_and(|ch| to_digit(ch).is_some());
                if followed_by_digit || preceded_by_digit {
                    return None;
                }
                from_captures(&c, true)
            })
        })
        .flatten();
    match (written, numeric) {
        (Some(a), Some(b)) => Some(if a.range.start <= b.range.start { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// A month-day date (01-17, 1月17日) in `text`; only meaningful after a date label.
pub fn find_month_day(text: &str) -> Option<FoundDate> {
    MONTH_DAY
        .captures_iter(text)
        .find_map(|c| from_captures(&c, false))
}

fn from_captures(c: &crate::pattern::Captures<'_>, with_year: bool) -> Option<FoundDate> {
    let whole = c.get(0)?;
    let year = match c.name("y") {
        Some(y) => Some(parse_year(y.as_str())?),
        None if with_year => return None,
        None => None,
    };
    let month = u8::try_from(parse_number(c.name("m")?.as_str())?).ok()?;
    let day = match c.name("d") {
        Some(d) => Some(u8::try_from(parse_number(d.as_str())?).ok()?),
        None => None,
    };
    let year_ok = year.is_none_or(|y| (1900..=2100).contains(&y));
    let month_ok = (1..=12).contains(&month);
    let day_ok = day.is_none_or(|d| (1..=31).contains(&d));
    (year_ok && month_ok && day_ok).then(|| FoundDate {
        range: whole.range(),
        year,
        month: Some(month),
        day,
    })
}

/// The value of a digit in any of the scripts used for dates (ASCII, full-width, Chinese).
pub fn to_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        '〇' | '零' | '○' | 'Ｏ' => Some(0),
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

/// A year written digit by digit: 2022, ２０２２, 二〇二二.
fn parse_year(text: &str) -> Option<i32> {
    text.chars().try_fold(0i32, |acc, c| {
        Some(acc * 10 + i32::try_from(to_digit(c)?).ok()?)
    })
}

/// A number below 100 in digits or Chinese numerals: 9, ０９, 九, 十, 十二, 二十七, 三十.
pub fn parse_number(text: &str) -> Option<u32> {
    if let Some((tens, units)) = text.split_once('十') {
        let tens = if tens.is_empty() { 1 } else { single(tens)? };
        let units = if units.is_empty() { 0 } else { single(units)? };
        return Some(tens * 10 + units);
    }
    text.chars().try_fold(0u32, |acc, c| {
        acc.checked_mul(10)?.checked_add(to_digit(c)?)
    })
}

fn single(text: &str) -> Option<u32> {
    let mut chars = text.chars();
    let digit = to_digit(chars.next()?)?;
    chars.next().is_none().then_some(digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(d: &FoundDate) -> (Option<i32>, Option<u8>, Option<u8>) {
        (d.year, d.month, d.day)
    }

    #[test]
    fn written_dates_in_every_script() {
        let d = find("(2022年9月22日)").unwrap();
        assert_eq!(ymd(&d), (Some(2022), Some(9), Some(22)));
        assert_eq!(&"(2022年9月22日)"[d.range], "2022年9月22日");
        let text = "二〇二六年一月二十七日";
        assert_eq!(ymd(&find(text).unwrap()), (Some(2026), Some(1), Some(27)));
        assert_eq!(
            ymd(&find("２０２４年１２月３日").unwrap()),
            (Some(2024), Some(12), Some(3))
        );
        assert_eq!(
            ymd(&find("二○二三年十月").unwrap()),
            (Some(2023), Some(10), None)
        );
    }

    #[test]
    fn numeric_dates_but_not_phone_numbers() {
        assert_eq!(
            ymd(&find("发布时间:2022-06-24 来源").unwrap()),
            (Some(2022), Some(6), Some(24))
        );
        assert_eq!(
            ymd(&find("2021/7/1").unwrap()),
            (Some(2021), Some(7), Some(1))
        );
        assert_eq!(find("电话:010-5621-2745"), None);
        assert_eq!(find("2022年度工作推进"), None);
        assert_eq!(find("2022年13月1日"), None);
    }

    #[test]
    fn month_day_stubs() {
        assert_eq!(
            ymd(&find_month_day("日期:01-17").unwrap()),
            (None, Some(1), Some(17))
        );
        assert_eq!(
            ymd(&find_month_day("十一月三日").unwrap()),
            (None, Some(11), Some(3))
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("十"), Some(10));
        assert_eq!(parse_number("十二"), Some(12));
        assert_eq!(parse_number("二十七"), Some(27));
        assert_eq!(parse_number("三十一"), Some(31));
        assert_eq!(parse_number("０９"), Some(9));
        assert_eq!(parse_number("十十"), None);
        assert_eq!(parse_number("4294967299"), None);
    }
}
