//! Stage 2: text → non-blank lines, trimmed of every kind of whitespace and invisible character.
//!
//! Lines end at `\n`, `\r\n`, a lone `\r`, U+2028 and U+2029. What counts as blank is wider than
//! [`char::is_whitespace`]: zero-width spaces and joiners, the word joiner, soft hyphens and stray
//! byte order marks are invisible too, and must never reach a heading or a metadata value.

use super::run_on;
use super::Line;
use crate::text::chars_led_by;

/// Whether `c` shows nothing on the page: whitespace (U+3000, U+00A0, U+2003 included) or an
/// invisible format character (zero-width space and joiners, word joiner, BOM, soft hyphen).
pub fn is_blank_char(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}'
                | '\u{2060}'..='\u{2064}'
                | '\u{FEFF}'
                | '\u{180E}'
                | '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
        )
}

/// `text` without the blank characters of [`is_blank_char`] at either end.
pub fn trim_blank(text: &str) -> &str {
    text.trim_matches(is_blank_char)
}

/// `text` with every blank character removed (for metadata values: 习　近　平 → 习近平).
pub fn strip_blank(text: &str) -> String {
    text.chars().filter(|&c| !is_blank_char(c)).collect()
}

/// A line at least this long whose text holds [`MIN_COLLAPSED_BREAKS`] wide gaps is a page whose
/// line breaks were lost (each paragraph's indent run into the text before it).
const MIN_COLLAPSED_LINE_CHARS: usize = 200;
const MIN_COLLAPSED_BREAKS: usize = 3;

/// Splits `text` into its non-blank lines, each trimmed of blank characters at both ends. A
/// line whose breaks were collapsed into wide gaps (title　　byline　　（date）　　同志们：　　…)
/// is split at those gaps, as the page showed it.
pub fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut blank_before = false;
    for (number, raw) in raw_lines(text).enumerate() {
        let content = &text[raw.clone()];
        let leading = content.len() - content.trim_start_matches(is_blank_char).len();
        let trimmed = content.trim_matches(is_blank_char);
        if trimmed.is_empty() {
            blank_before = true;
            continue;
        }
        let start = raw.start + leading;
        let mut pieces = collapsed_lines(trimmed);
        // The first line of a text that lost its breaks may hold the whole head.
        if out.is_empty() {
            if let Some(head) = pieces.first().and_then(|p| {
                let cut = run_on::head_pieces(&trimmed[p.clone()])?;
                Some(
                    cut.into_iter()
                        .map(|r| p.start + r.start..p.start + r.end)
                        .collect::<Vec<_>>(),
                )
            }) {
                pieces.splice(0..1, head);
            }
        }
        for piece in pieces {
            out.push(Line {
                range: start + piece.start..start + piece.end,
                number: number + 1,
                blank_before,
            });
            blank_before = false;
        }
    }
    out
}

/// The pieces of a trimmed line between its wide gaps (two or more blank characters) when the
/// line reads as collapsed lines, else the whole line; byte ranges of `line`.
fn collapsed_lines(line: &str) -> Vec<std::ops::Range<usize>> {
    let whole = || std::iter::once(0..line.len()).collect();
    // Most lines are short: their length settles it before any scan for gaps.
    if line.chars().count() < MIN_COLLAPSED_LINE_CHARS {
        return whole();
    }
    let gaps = wide_gaps(line);
    if gaps.len() < MIN_COLLAPSED_BREAKS {
        return whole();
    }
    let mut pieces = Vec::with_capacity(gaps.len() + 1);
    let mut start = 0;
    for gap in gaps {
        pieces.push(start..gap.start);
        start = gap.end;
    }
    pieces.push(start..line.len());
    pieces
}

/// Whether `byte` may start the UTF-8 form of a blank character of [`is_blank_char`]. Most
/// characters of a Han text (every one led by 0xE4–0xE9) cannot, and are never decoded.
fn may_lead_blank(byte: u8) -> bool {
    matches!(
        byte,
        b'\t'..=b'\r' | b' ' | 0xC2 | 0xCD | 0xD8 | 0xE1 | 0xE2 | 0xE3 | 0xEF
    )
}

/// Byte ranges of the runs of two or more blank characters inside `line`.
fn wide_gaps(line: &str) -> Vec<std::ops::Range<usize>> {
    let mut gaps = Vec::new();
    // The run being read: its bytes and how many characters it holds.
    let mut run: Option<(std::ops::Range<usize>, usize)> = None;
    for (i, c) in chars_led_by(line, may_lead_blank).filter(|&(_, c)| is_blank_char(c)) {
        let end = i + c.len_utf8();
        if let Some((bytes, count)) = &mut run {
            if bytes.end == i {
                bytes.end = end;
                *count += 1;
                continue;
            }
        }
        // Text came between: the run before is over.
        push_gap(&mut gaps, run.replace((i..end, 1)));
    }
    // The last run is a gap only if text follows it.
    push_gap(&mut gaps, run.filter(|(bytes, _)| bytes.end < line.len()));
    gaps
}

/// Adds a finished run of blank characters to `gaps` if it is wide.
fn push_gap(gaps: &mut Vec<std::ops::Range<usize>>, run: Option<(std::ops::Range<usize>, usize)>) {
    if let Some((bytes, count)) = run {
        if count >= 2 {
            gaps.push(bytes);
        }
    }
}

/// The byte ranges of the raw lines of `text`, terminators excluded.
fn raw_lines(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut from = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        // A terminator starts with one of three bytes: `\n`, `\r`, or 0xE2, the first byte
        // of U+2028 and U+2029 (and of other characters, passed over).
        while let Some(offset) = bytes
            .get(from..)
            .and_then(|rest| memchr::memchr3(b'\n', b'\r', 0xE2, rest))
        {
            let i = from + offset;
            let terminator_len = match bytes.get(i..).unwrap_or_default() {
                [b'\r', b'\n', ..] => 2,
                [b'\n' | b'\r', ..] => 1,
                [0xE2, 0x80, 0xA8 | 0xA9, ..] => 3,
                _ => {
                    from = i + 1;
                    continue;
                }
            };
            let line = start..i;
            start = i + terminator_len;
            from = start;
            return Some(line);
        }
        done = true;
        Some(start..text.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, lines: &[Line]) -> Vec<(usize, &'a str, bool)> {
        lines
            .iter()
            .map(|l| (l.number, &text[l.range.clone()], l.blank_before))
            .collect()
    }

    /// The raw lines as a walk over the characters finds them.
    fn raw_lines_by_chars(text: &str) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let len = match c {
                '\r' if chars.peek().is_some_and(|&(_, n)| n == '\n') => {
                    chars.next();
                    2
                }
                '\r' | '\n' => 1,
                '\u{2028}' | '\u{2029}' => 3,
                _ => continue,
            };
            out.push(start..i);
            start = i + len;
        }
        out.push(start..text.len());
        out
    }

    proptest::proptest! {
        #[test]
        fn raw_lines_agree_with_a_walk_over_characters(
            pieces in proptest::collection::vec(
                proptest::sample::select(&["\r", "\n", "\u{2028}", "\u{2029}", "“", "—", "…", "同志们", "a", "\u{3000}"][..]),
                0..30,
            ),
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(raw_lines(&text).collect::<Vec<_>>(), raw_lines_by_chars(&text));
        }
    }

    #[test]
    fn every_blank_character_is_led_by_a_byte_of_may_lead_blank() {
        for c in (char::MIN..=char::MAX).filter(|&c| is_blank_char(c)) {
            let mut buf = [0; 4];
            let lead = c.encode_utf8(&mut buf).as_bytes()[0];
            assert!(may_lead_blank(lead), "{:?} is led by {lead:#04x}", c);
        }
    }

    /// [`wide_gaps`] as a walk over every character.
    fn wide_gaps_by_chars(line: &str) -> Vec<std::ops::Range<usize>> {
        let mut gaps = Vec::new();
        let mut run: Option<(usize, usize)> = None;
        for (i, c) in line.char_indices() {
            if is_blank_char(c) {
                let (start, count) = run.unwrap_or((i, 0));
                run = Some((start, count + 1));
            } else if let Some((start, count)) = run.take() {
                if count >= 2 {
                    gaps.push(start..i);
                }
            }
        }
        gaps
    }

    proptest::proptest! {
        #[test]
        fn wide_gaps_agree_with_a_walk_over_characters(
            pieces in proptest::collection::vec(
                proptest::sample::select(&[" ", "\u{3000}", "\u{A0}", "\u{200B}", "\t", "\u{FEFF}", "\u{2028}", "。", "、", "“", "，", "同志", "a"][..]),
                0..40,
            ),
        ) {
            let line = pieces.concat();
            proptest::prop_assert_eq!(wide_gaps(&line), wide_gaps_by_chars(&line));
        }
    }

    #[test]
    fn crlf_lone_cr_and_lf_each_end_one_line() {
        let text = "标题\r\n\r\n正文一\r正文二\n\n\n正文三";
        assert_eq!(
            texts(text, &lines(text)),
            vec![
                (1, "标题", false),
                (3, "正文一", true),
                (4, "正文二", false),
                (7, "正文三", true)
            ]
        );
    }

    #[test]
    fn invisible_characters_are_trimmed() {
        let text = "\u{FEFF}\u{3000}\u{3000}同志们：\u{00A0}\u{200B}\n\u{2003}\u{200D}\u{2060}\n 习\u{3000}近\u{3000}平\u{200C}";
        assert_eq!(
            texts(text, &lines(text)),
            vec![(1, "同志们：", false), (3, "习\u{3000}近\u{3000}平", true)]
        );
        assert_eq!(strip_blank("习\u{3000}近\u{200B}平"), "习近平");
        assert_eq!(trim_blank("\u{FEFF} 讲话 \u{00AD}"), "讲话");
    }

    #[test]
    fn ranges_slice_the_original_text() {
        let text = "  一、坚持党的领导\u{2028}二、依法履职 ";
        let ls = lines(text);
        assert_eq!(
            texts(text, &ls),
            vec![(1, "一、坚持党的领导", false), (2, "二、依法履职", false)]
        );
        assert_eq!(ls[0].range.start, 2);
    }

    #[test]
    fn a_page_run_into_one_line_is_split_at_its_wide_gaps() {
        let body = "今天召开会议，总结工作，安排任务。".repeat(12);
        let text = format!(
            "在市人大常委会机关工作会议上的讲话\u{3000}\u{3000}市人大常委会主任\u{3000}孙\u{3000}伟\u{3000}\u{3000}（2024年2月20日）\u{3000}\u{3000}同志们：\u{3000}\u{3000}{body}"
        );
        let got: Vec<_> = texts(&text, &lines(&text))
            .into_iter()
            .map(|(n, t, _)| (n, t))
            .collect();
        assert_eq!(
            got,
            vec![
                (1, "在市人大常委会机关工作会议上的讲话"),
                (1, "市人大常委会主任\u{3000}孙\u{3000}伟"),
                (1, "（2024年2月20日）"),
                (1, "同志们："),
                (1, body.as_str()),
            ]
        );
    }

    #[test]
    fn short_lines_and_few_gaps_stay_whole() {
        let text = "市委书记\u{3000}\u{3000}张雷明\n发布时间：2024-01-01  来源：某某网  作者：佚名";
        assert_eq!(lines(text).len(), 2);
        let long = format!(
            "{}\u{3000}\u{3000}{}",
            "依法履职。".repeat(30),
            "担当作为。".repeat(30)
        );
        assert_eq!(lines(&long).len(), 1);
    }

    #[test]
    fn empty_and_blank_texts_have_no_lines() {
        assert!(lines("").is_empty());
        assert!(lines("\r\n\u{3000}\n\u{200B}").is_empty());
    }
}
