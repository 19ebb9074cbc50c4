//! Quotation marks and title marks (《》): what a speaker sets apart as a name or as someone's words.

use std::ops::Range;

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

/// The opening and closing marks of `text` with their byte offsets, in order.
/// They are told by their bytes: 、 and 。 share the first two bytes of 《》, and a Han text
/// holds many more of those than of marks, so no other character is decoded.
fn mark_candidates(text: &str) -> Vec<(usize, char)> {
    let bytes = text.as_bytes();
    let mut marks: Vec<(usize, char)> = memchr::memchr3_iter(b'"', 0xE2, 0xE3, bytes)
        .filter(|&i| {
            matches!(
                bytes.get(i..).unwrap_or_default(),
                [b'"', ..]
                    | [0xE2, 0x80, 0x98 | 0x99 | 0x9C | 0x9D, ..]
                    | [0xE3, 0x80, 0x88..=0x8F, ..]
            )
        })
        .filter_map(|i| Some((i, text.get(i..)?.chars().next()?)))
        .collect();
    // ＂ is the one mark led by 0xEF, the lead byte of ，：；（）: looked for on its own.
    let before = marks.len();
    marks.extend(memchr::memmem::find_iter(bytes, "＂".as_bytes()).map(|i| (i, '＂')));
    if marks.len() > before {
        marks.sort_unstable_by_key(|&(i, _)| i);
    }
    marks
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

    /// Every character that opens or closes a mark.
    const MARK_CHARS: [char; 14] = [
        '“', '”', '‘', '’', '「', '」', '『', '』', '《', '》', '〈', '〉', '"', '＂',
    ];

    /// Every mark's UTF-8 form starts with `"` or one of the bytes 0xE2 (“”‘’), 0xE3
    /// (《》〈〉「」『』) and 0xEF (＂).
    fn marks_by_lead_byte(text: &str) -> Vec<(usize, char)> {
        crate::text::chars_led_by(text, |b| matches!(b, b'"' | 0xE2 | 0xE3 | 0xEF))
            .filter(|(_, c)| MARK_CHARS.contains(c))
            .collect()
    }

    /// Whether `c` opens or closes a mark.
    fn is_mark(c: char) -> bool {
        is_straight(c) || closer(c).is_some() || "”’」』》〉".contains(c)
    }

    #[test]
    fn the_mark_characters_are_the_openers_closers_and_straight_quotes() {
        let marks: Vec<char> = (char::MIN..=char::MAX).filter(|&c| is_mark(c)).collect();
        let mut listed = MARK_CHARS.to_vec();
        listed.sort_unstable();
        assert_eq!(listed, marks);
    }

    proptest::proptest! {
        #[test]
        fn the_candidates_are_the_marks(
            pieces in proptest::collection::vec(
                proptest::sample::select(&["“", "”", "‘", "’", "《", "》", "〈", "〉", "「", "」", "『", "』", "\"", "＂", "，", "—", "…", "、", "同志", "a"][..]),
                0..30,
            ),
        ) {
            let text = pieces.concat();
            let marks: Vec<(usize, char)> = text.char_indices().filter(|&(_, c)| is_mark(c)).collect();
            proptest::prop_assert_eq!(&mark_candidates(&text), &marks);
            proptest::prop_assert_eq!(&marks_by_lead_byte(&text), &marks);
        }
    }

    #[test]
    fn ranges_are_offset_into_the_input() {
        let marks = scan("“六稳”", 10);
        assert_eq!(marks[0].inner, 13..19);
    }
}
