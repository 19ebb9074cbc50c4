//! The decoded input and the conversion from byte ranges (how Rust slices strings) to the
//! character spans of the contract (how Python slices them).

use std::ops::Range;

use crate::model::{Passage, Span};

/// Whether `c` is a CJK ideograph (the unified block and extension A): a character of a word,
/// as opposed to punctuation, digits and Latin letters.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// The characters of `text` whose UTF-8 form starts with a byte that `lead` accepts, with
/// their byte offsets. The other bytes (in a Han text, most) are passed over without decoding:
/// a search for punctuation asks only of the bytes its characters can start with.
pub fn chars_led_by<'a>(
    text: &'a str,
    lead: impl Fn(u8) -> bool + 'a,
) -> impl Iterator<Item = (usize, char)> + 'a {
    text.bytes()
        .enumerate()
        .filter(move |&(_, b)| lead(b))
        .filter_map(|(i, _)| Some((i, text.get(i..)?.chars().next()?)))
}

/// The decoded text of one input, with an index from byte offsets to character offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceText {
    text: String,
    /// Byte offset of every character boundary, in order; the last entry is `text.len()`.
    boundaries: Vec<usize>,
}

impl SourceText {
    /// Indexes `text`.
    pub fn new(text: String) -> Self {
        // A character starts at every byte that is not a continuation byte (0b10xx_xxxx): a
        // byte test, without decoding.
        let mut boundaries = Vec::with_capacity(text.chars().count() + 1);
        boundaries.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b & 0xC0 != 0x80)
                .map(|(i, _)| i),
        );
        boundaries.push(text.len());
        Self { text, boundaries }
    }

    /// The whole text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Number of characters (Unicode scalar values).
    pub fn char_len(&self) -> usize {
        self.boundaries.len() - 1
    }

    /// The character offset of a byte offset that lies on a character boundary.
    ///
    /// A byte offset inside a character maps to that character's start.
    pub fn char_offset(&self, byte: usize) -> usize {
        match self.boundaries.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The byte offset of a character offset (clamped to the end of the text).
    pub fn byte_offset(&self, char_offset: usize) -> usize {
        self.boundaries[char_offset.min(self.boundaries.len() - 1)]
    }

    /// The character span of a byte range.
    pub fn span(&self, bytes: &Range<usize>) -> Span {
        Span::new(self.char_offset(bytes.start), self.char_offset(bytes.end))
    }

    /// The byte range of a character span.
    pub fn byte_range(&self, span: Span) -> Range<usize> {
        self.byte_offset(span.start)..self.byte_offset(span.end)
    }

    /// The text of a byte range with its character span.
    pub fn passage(&self, bytes: &Range<usize>) -> Passage {
        Passage {
            text: self.text[bytes.clone()].to_owned(),
            span: self.span(bytes),
        }
    }

    /// The text of a character span, or `None` when the span is out of bounds or reversed.
    pub fn slice_chars(&self, span: Span) -> Option<&str> {
        if span.start > span.end || span.end > self.char_len() {
            return None;
        }
        Some(&self.text[self.byte_range(span)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_are_the_character_starts() {
        let text = "a同\u{1F600}é，\r\n".to_owned();
        let mut expected: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        expected.push(text.len());
        assert_eq!(SourceText::new(text).boundaries, expected);
    }

    #[test]
    fn spans_count_characters_not_bytes() {
        let src = SourceText::new("同志们，a好".to_owned());
        assert_eq!(src.char_len(), 6);
        let bytes = "同志们，".len().."同志们，a".len();
        assert_eq!(src.span(&bytes), Span::new(4, 5));
        assert_eq!(src.slice_chars(Span::new(4, 6)), Some("a好"));
        assert_eq!(src.slice_chars(Span::new(4, 7)), None);
        assert_eq!(src.passage(&(0..9)).text, "同志们");
    }
}
