//! Where things are in a file: byte offsets to line:column, and JSON Pointers to positions.

use jsonc_parser::ast;

use super::problem::{unescape_pointer_token, Position};

/// Finds where the value at a JSON Pointer starts in a document's file.
///
/// One implementation a document format: [`JsonLocator`] for JSON; another format (XML) plugs
/// in its own, and validation stays the same.
pub trait Locate {
    /// The position of the value at `pointer` (RFC 6901), or `None` when nothing is there.
    fn locate(&self, pointer: &str) -> Option<Position>;
}

/// A locator that knows no positions: for documents that were never text (built in memory).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoLocator;

impl Locate for NoLocator {
    fn locate(&self, _pointer: &str) -> Option<Position> {
        None
    }
}

/// Line and column lookup over a text, in characters, fast on long lines too (minified JSON).
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of the start of every line; lines end at `\n`.
    line_starts: Vec<usize>,
    /// `(byte offset, character offset)` at character boundaries every [`Self::STRIDE`] bytes or so,
    /// so that a column costs at most one stride of counting.
    checkpoints: Vec<(usize, usize)>,
}

impl<'a> LineIndex<'a> {
    const STRIDE: usize = 4096;

    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        let mut checkpoints = vec![(0, 0)];
        let mut next_checkpoint = Self::STRIDE;
        for (chars, (byte, ch)) in text.char_indices().enumerate() {
            if byte >= next_checkpoint {
                checkpoints.push((byte, chars));
                next_checkpoint = byte + Self::STRIDE;
            }
            if ch == '\n' {
                line_starts.push(byte + 1);
            }
        }
        Self {
            text,
            line_starts,
            checkpoints,
        }
    }

    /// The character offset of a byte offset (a byte inside a character counts as that character).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = self.floor_boundary(byte);
        let i = self
            .checkpoints
            .partition_point(|&(b, _)| b <= byte)
            .saturating_sub(1);
        let (from_byte, from_char) = self.checkpoints.get(i).copied().unwrap_or((0, 0));
        from_char
            + self
                .text
                .get(from_byte..byte)
                .map_or(0, |s| s.chars().count())
    }

    /// The line and column of a byte offset (clamped to the end of the text).
    pub fn position(&self, byte: usize) -> Position {
        let byte = self.floor_boundary(byte);
        let line = self
            .line_starts
            .partition_point(|&start| start <= byte)
            .max(1);
        let line_start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        Position::new(
            line,
            self.char_offset(byte) - self.char_offset(line_start) + 1,
        )
    }

    /// The byte offset of the start of a 1-based line, if the text has that line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line.checked_sub(1)?).copied()
    }

    fn floor_boundary(&self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        byte
    }
}

/// Locates JSON Pointers in the text of a JSON document.
///
/// The document's values come from `serde_json`; this keeps a syntax tree with byte ranges
/// beside them only to answer where a value is written, built on the first question (a valid
/// document asks none, and the tree costs a second parse).
pub struct JsonLocator<'a> {
    text: &'a str,
    index: std::cell::OnceCell<(Option<ast::Value<'a>>, LineIndex<'a>)>,
}

impl<'a> JsonLocator<'a> {
    /// A locator for the JSON text `text`. Text that is not strict JSON gives a locator that
    /// finds nothing (callers parse with `serde_json` first and only locate in what it accepted).
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            index: std::cell::OnceCell::new(),
        }
    }

    fn index(&self) -> &(Option<ast::Value<'a>>, LineIndex<'a>) {
        self.index.get_or_init(|| {
            let strict = jsonc_parser::ParseOptions {
                allow_comments: false,
                allow_loose_object_property_names: false,
                allow_trailing_commas: false,
                allow_missing_commas: false,
                allow_single_quoted_strings: false,
                allow_hexadecimal_numbers: false,
                allow_unary_plus_numbers: false,
                allow_bare_decimal_point_numbers: false,
                allow_non_finite_numbers: false,
                allow_extended_string_escapes: false,
            };
            let root = jsonc_parser::parse_to_ast(self.text, &Default::default(), &strict)
                .ok()
                .and_then(|parsed| parsed.value);
            (root, LineIndex::new(self.text))
        })
    }

    /// The line index of the document's text.
    pub fn lines(&self) -> &LineIndex<'a> {
        &self.index().1
    }

    fn resolve(&self, pointer: &str) -> Option<&ast::Value<'a>> {
        let mut value = self.index().0.as_ref()?;
        if pointer.is_empty() {
            return Some(value);
        }
        for token in pointer.strip_prefix('/')?.split('/') {
            let key = unescape_pointer_token(token);
            value = match value {
                // With duplicate keys the last one wins, as in serde_json.
                ast::Value::Object(object) => {
                    &object
                        .properties
                        .iter()
                        .rev()
                        .find(|p| p.name.as_str() == key)?
                        .value
                }
                ast::Value::Array(array) => array.elements.get(array_index(&key)?)?,
                _ => return None,
            };
        }
        Some(value)
    }
}

/// An array index token of a JSON Pointer: digits without a leading zero.
fn array_index(token: &str) -> Option<usize> {
    let canonical = token == "0" || (!token.starts_with('0') && !token.is_empty());
    if canonical && token.bytes().all(|b| b.is_ascii_digit()) {
        token.parse().ok()
    } else {
        None
    }
}

impl Locate for JsonLocator<'_> {
    fn locate(&self, pointer: &str) -> Option<Position> {
        use jsonc_parser::common::Ranged;
        let value = self.resolve(pointer)?;
        Some(self.lines().position(value.start()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_lines_start_after_newlines() {
        let index = LineIndex::new("ab\n讲话x\n\ny");
        assert_eq!(index.position(0), Position::new(1, 1));
        assert_eq!(index.position(2), Position::new(1, 3));
        assert_eq!(index.position(3), Position::new(2, 1));
        // 讲 and 话 are 3 bytes each: `x` is at byte 9, the third character of line 2.
        assert_eq!(index.position(9), Position::new(2, 3));
        assert_eq!(index.position(11), Position::new(3, 1));
        assert_eq!(index.position(12), Position::new(4, 1));
        // Inside a character: that character; past the end: the end.
        assert_eq!(index.position(4), Position::new(2, 1));
        assert_eq!(index.position(99), Position::new(4, 2));
        assert_eq!(index.line_start(2), Some(3));
        assert_eq!(index.line_start(5), None);
        assert_eq!(index.line_start(0), None);
    }

    #[test]
    fn long_lines_count_columns_across_checkpoints() {
        let line = "讲".repeat(10_000);
        let text = format!("{line}\n{line}x");
        let index = LineIndex::new(&text);
        let x = text.len() - 1;
        assert_eq!(index.position(x), Position::new(2, 10_001));
        assert_eq!(index.char_offset(x), 20_001);
    }

    const DOC: &str =
        "{\n  \"a\": [1, {\"b/c\": true, \"~d\": \"讲\"}],\n  \"讲\": null,\n  \"a\": [7]\n}";

    #[test]
    fn json_pointers_resolve_to_the_start_of_their_value() {
        let locator = JsonLocator::new(DOC);
        assert_eq!(locator.locate(""), Some(Position::new(1, 1)));
        // `a` appears twice: the last one is the value serde_json keeps.
        assert_eq!(locator.locate("/a"), Some(Position::new(4, 8)));
        assert_eq!(locator.locate("/a/0"), Some(Position::new(4, 9)));
        assert_eq!(locator.locate("/讲"), Some(Position::new(3, 8)));
        assert_eq!(locator.locate("/a/1"), None);
    }

    #[test]
    fn json_pointer_tokens_are_unescaped() {
        let locator = JsonLocator::new("[{\"b/c\": true, \"~d\": \"讲\"}]");
        assert_eq!(locator.locate("/0/b~1c"), Some(Position::new(1, 10)));
        assert_eq!(locator.locate("/0/~0d"), Some(Position::new(1, 22)));
        assert_eq!(locator.locate("/0/b/c"), None);
    }

    #[test]
    fn malformed_array_indices_and_pointers_find_nothing() {
        let locator = JsonLocator::new("[[0, 1]]");
        assert_eq!(locator.locate("/0/1"), Some(Position::new(1, 6)));
        assert_eq!(locator.locate("/0/01"), None);
        assert_eq!(locator.locate("/0/-"), None);
        assert_eq!(locator.locate("/0/+1"), None);
        assert_eq!(locator.locate("0"), None);
        assert_eq!(JsonLocator::new("[1,]").locate(""), None);
    }
}
