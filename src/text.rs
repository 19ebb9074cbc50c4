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
/// their byte offsets. Only the first byte of each character is asked, and the others (in a
/// Han text, two of every three) are stepped over without decoding: a search for punctuation
/// asks only of the bytes its characters can start with.
pub fn chars_led_by<'a>(
    text: &'a str,
    lead: impl Fn(u8) -> bool + 'a,
) -> impl Iterator<Item = (usize, char)> + 'a {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(&byte) = bytes.get(at) {
            let start = at;
            at += utf8_len(byte);
            if lead(byte) {
                return Some((start, text.get(start..)?.chars().next()?));
            }
        }
        None
    })
}

/// The length of the UTF-8 form that starts with `byte`.
const fn utf8_len(byte: u8) -> usize {
    match byte {
        0x00..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// Bytes of text per entry of the character index of a [`SourceText`]: an offset costs at
/// most this many byte tests, and the index takes a quarter of the text's size.
const BLOCK: usize = 32;

/// Whether `byte` starts a character in UTF-8: it is not a continuation byte (0b10xx_xxxx).
/// A byte test, without decoding.
const fn starts_char(byte: u8) -> bool {
    byte & 0xC0 != 0x80
}

/// The characters that start among `bytes`.
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| starts_char(b)).count()
}

/// The decoded text of one input, with an index from byte offsets to character offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceText {
    text: String,
    /// For each block of [`BLOCK`] bytes, the characters that start before it.
    blocks: Vec<usize>,
    chars: usize,
}

impl SourceText {
    /// Indexes `text`.
    pub fn new(text: String) -> Self {
        let mut blocks = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut chars = 0;
        for block in text.as_bytes().chunks(BLOCK) {
            blocks.push(chars);
            chars += char_starts(block);
        }
        Self {
            text,
            blocks,
            chars,
        }
    }

    /// The whole text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Number of characters (Unicode scalar values).
    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// The character offset of a byte offset that lies on a character boundary (the end of the
    /// text past it).
    ///
    /// A byte offset inside a character maps to that character's start.
    pub fn char_offset(&self, byte: usize) -> usize {
        let bytes = self.text.as_bytes();
        if byte >= bytes.len() {
            return self.chars;
        }
        let block = byte / BLOCK;
        let before = self.blocks.get(block).copied().unwrap_or(self.chars);
        // The characters that start up to `byte` included, less one: the character `byte` starts
        // or lies inside (byte 0 always starts one).
        (before + char_starts(&bytes[block * BLOCK..=byte])).saturating_sub(1)
    }

    /// The byte offset of a character offset (clamped to the end of the text).
    pub fn byte_offset(&self, char_offset: usize) -> usize {
        let bytes = self.text.as_bytes();
        if char_offset >= self.chars {
            return bytes.len();
        }
        // The last block that starts at or before the character; every block starts a character,
        // since UTF-8 has at most three continuation bytes in a row.
        let block = self
            .blocks
            .partition_point(|&before| before <= char_offset)
            .saturating_sub(1);
        let mut seen = self.blocks.get(block).copied().unwrap_or(0);
        for (i, &b) in bytes.iter().enumerate().skip(block * BLOCK) {
            if starts_char(b) {
                if seen == char_offset {
                    return i;
                }
                seen += 1;
            }
        }
        bytes.len()
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

    proptest::proptest! {
        /// The characters led by a byte are those a walk over every character finds.
        #[test]
        fn chars_led_by_agrees_with_a_walk(text in "[a-z，。！\u{3000}\u{00a0}\u{200b}汉字€😀]{0,40}", leads in proptest::collection::vec(proptest::num::u8::ANY, 0..6)) {
            let led: Vec<(usize, char)> = chars_led_by(&text, |b| leads.contains(&b)).collect();
            let walked: Vec<(usize, char)> = text
                .char_indices()
                .filter(|&(i, _)| leads.contains(&text.as_bytes()[i]))
                .collect();
            proptest::prop_assert_eq!(led, walked);
        }
    }

    /// Every byte offset's character offset, and every character's byte offset, as a walk over
    /// the characters finds them.
    fn assert_offsets_of(text: &str) {
        let src = SourceText::new(text.to_owned());
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        assert_eq!(src.char_len(), starts.len());
        for byte in 0..text.len() + 3 {
            let expected = starts
                .iter()
                .rposition(|&s| s <= byte)
                .filter(|_| byte < text.len())
                .unwrap_or(starts.len());
            assert_eq!(src.char_offset(byte), expected, "byte {byte} of {text:?}");
        }
        for (c, &byte) in starts.iter().enumerate() {
            assert_eq!(src.byte_offset(c), byte, "char {c} of {text:?}");
        }
        assert_eq!(src.byte_offset(starts.len()), text.len());
        assert_eq!(src.byte_offset(starts.len() + 5), text.len());
    }

    #[test]
    fn offsets_agree_with_the_characters_across_blocks() {
        assert_offsets_of("");
        assert_offsets_of("a同\u{1F600}é，\r\n");
        // Characters of every width straddling block ends.
        assert_offsets_of(&"同志们，a\u{1F600}é".repeat(40));
        assert_offsets_of(&"x".repeat(BLOCK * 2 + 1));
    }

    proptest::proptest! {
        #[test]
        fn offsets_agree_with_the_characters(text in "[a同é\u{1F600}，\n]{0,200}") {
            assert_offsets_of(&text);
        }
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
