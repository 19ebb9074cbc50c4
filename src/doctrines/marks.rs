//! Quotation marks and title marks (《》): what a speaker sets apart as a name or as someone's words.

use std::ops::Range;

use crate::text::chars_led_by;

/// What encloses a marked passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// “…”, "…", ‘…’, 「…」, 『…』.
    Quote,
    /// 《…》 or 〈…〉.
    Title,
}

/// A marked passage: the byte range between its opening and closing marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Quote or title.
    pub kind: MarkKind,
    /// Byte range of the text between the marks, in the whole input.
    pub inner: Range<usize>,
}

/// The closing mark of an opening mark, and what the pair encloses.
fn closer(open: char) -> Option<(char, MarkKind)> {
    Some(match open {
        '“' => ('”', MarkKind::Quote),
        '‘' => ('’', MarkKind::Quote),
        '「' => ('」', MarkKind::Quote),
        '『' => ('』', MarkKind::Quote),
        '《' => ('》', MarkKind::Title),
        '〈' => ('〉', MarkKind::Title),
        _ => return None,
    })
}

/// Straight quotes open and close with the same character.
fn is_straight(c: char) -> bool {
    matches!(c, '"' | '＂')
}

/// Finds the marked passages of `text`, which starts at byte `offset` of the input, ordered by
/// where they start. Unbalanced marks (a title cut off by “...”) enclose nothing.
pub fn scan(text: &str, offset: usize) -> Vec<Mark> {
    // Open marks waiting for their closer: (closing char, kind, byte after the opener).
    let mut open: Vec<(char, MarkKind, usize)> = Vec::new();
    let mut marks = Vec::new();
    for (i, c) in mark_candidates(text) {
        let after = i + c.len_utf8();
        if is_straight(c) {
            if let Some(depth) = open.iter().rposition(|&(close, _, _)| close == c) {
                close_at(&mut open, depth, i, offset, &mut marks);
            } else {
                open.push((c, MarkKind::Quote, after));
            }
        } else if let Some((close, kind)) = closer(c) {
            open.push((close, kind, after));
        } else if let Some(depth) = open.iter().rposition(|&(close, _, _)| close == c) {
            close_at(&mut open, depth, i, offset, &mut marks);
        }
    }
    marks.sort_by_key(|m| (m.inner.start, m.inner.end));
    marks
}

/// The characters of `text` that may be marks, with their byte offsets: every mark's UTF-8
/// form starts with `"` or one of the bytes 0xE2 (“”‘’), 0xE3 (《》〈〉「」『』) and 0xEF (＂).
fn mark_candidates(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    chars_led_by(text, |b| matches!(b, b'"' | 0xE2 | 0xE3 | 0xEF))
}

/// Closes the opener at `depth`, dropping the openers above it that were never closed.
fn close_at(
    open: &mut Vec<(char, MarkKind, usize)>,
    depth: usize,
    at: usize,
    offset: usize,
    marks: &mut Vec<Mark>,
) {
    if let Some(&(_, kind, start)) = open.get(depth) {
        if start < at {
            marks.push(Mark {
                kind,
                inner: offset + start..offset + at,
            });
        }
    }
    open.truncate(depth);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(MarkKind, &str)> {
        scan(text, 0)
            .into_iter()
            .map(|m| (m.kind, &text[m.inner]))
            .collect()
    }

    #[test]
    fn curly_straight_nested_and_titles() {
        assert_eq!(
            texts("增强“四个意识”、做到\"两个维护\"，学习《求是》"),
            vec![
                (MarkKind::Quote, "四个意识"),
                (MarkKind::Quote, "两个维护"),
                (MarkKind::Title, "求是"),
            ]
        );
        assert_eq!(
            texts("他说：“要坚持‘小快灵’立法。”"),
            vec![
                (MarkKind::Quote, "要坚持‘小快灵’立法。"),
                (MarkKind::Quote, "小快灵"),
            ]
        );
    }

    #[test]
    fn unbalanced_marks_enclose_nothing() {
        assert!(texts("关于征集《平顶山市机动车停...").is_empty());
        assert!(texts("“”").is_empty());
        assert_eq!(texts("“a“b”"), vec![(MarkKind::Quote, "b")]);
    }

    /// Whether `c` opens or closes a mark.
    fn is_mark(c: char) -> bool {
        is_straight(c) || closer(c).is_some() || "”’」』》〉".contains(c)
    }

    proptest::proptest! {
        #[test]
        fn every_mark_is_a_candidate(
            pieces in proptest::collection::vec(
                proptest::sample::select(&["“", "”", "‘", "’", "《", "》", "〈", "〉", "「", "」", "『", "』", "\"", "＂", "，", "—", "…", "、", "同志", "a"][..]),
                0..30,
            ),
        ) {
            let text = pieces.concat();
            let marks: Vec<(usize, char)> = text.char_indices().filter(|&(_, c)| is_mark(c)).collect();
            let candidates: Vec<(usize, char)> = mark_candidates(&text).filter(|&(_, c)| is_mark(c)).collect();
            proptest::prop_assert_eq!(candidates, marks);
        }
    }

    #[test]
    fn ranges_are_offset_into_the_input() {
        let marks = scan("“六稳”", 10);
        assert_eq!(marks[0].inner, 13..19);
    }
}
