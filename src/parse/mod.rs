//! The parser: raw speech text, as it comes off the web, into a [`Speech`].
//!
//! A pipeline of small stages, each in its own module and testable on its own:
//!
//! 1. [`decode`]: bytes → text, detecting the encoding;
//! 2. [`layout`]: text → non-blank [`Line`]s with their byte ranges;
//! 3. [`classify`]: lines → [`Segment`]s, each marked as front matter, boilerplate or body;
//! 4. [`front_matter`]: front-matter segments (and cues in the body) → [`Meta`];
//! 5. [`outline`]: body segments → salutation, preamble, sections, closing, appendix,
//!    with [`directives`] found inside each section;
//! 6. [`crate::doctrines`] and [`crate::themes`]: what the speech cites and what it is about;
//! 7. [`assemble`]: everything into one [`Speech`] with character spans.

pub mod assemble;
pub mod boilerplate;
pub mod classify;
pub mod dates;
pub mod decode;
pub mod directives;
pub mod front_lines;
pub mod front_matter;
pub mod gazetteer;
pub mod layout;
pub mod levels;
pub mod markers;
pub mod outline;
pub mod paragraphs;
pub mod peroration;
pub mod run_on;

use std::ops::Range;

use crate::model::{BoilerplateKind, FrontMatterKind, Meta, Speech};
use crate::text::SourceText;

pub use decode::{DecodeError, DecodeOptions, Decoded};

/// A non-blank line of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Byte range of the line's content, leading and trailing whitespace (including U+3000,
    /// U+00A0, U+2003 and zero-width spaces) excluded.
    pub range: Range<usize>,
    /// 1-based line number in the input.
    pub number: usize,
    /// Whether one or more blank lines precede this line.
    pub blank_before: bool,
}

/// What a piece of the input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Part of the front matter (title, byline, date, source).
    Front(FrontMatterKind),
    /// Web chrome or other non-speech text.
    Boilerplate(BoilerplateKind),
    /// Text of the speech itself.
    Body,
}

/// A classified piece of the input: a whole line, or part of a line where a line mixes roles
/// (“(上接一版)始终胸怀…” is a continuation mark followed by body text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Byte range, trimmed of surrounding whitespace, never empty.
    pub range: Range<usize>,
    /// What the segment is.
    pub role: Role,
    /// 1-based line number where the segment starts.
    pub line: usize,
}

/// Options of a parse.
#[derive(Debug, Clone, Default)]
pub struct ParseOptions {
    /// Extra doctrine lexicon entries supplied by the user (`--lexicon FILE`).
    pub lexicon: Option<crate::doctrines::Lexicon>,
    /// How bytes are decoded (`--encoding`, `--lossy`).
    pub decode: decode::DecodeOptions,
    /// Byte ranges of the text that its page's structure marks as chrome, in order (see
    /// [`crate::html::hints`]); empty for a plain text.
    pub chrome: Vec<(Range<usize>, BoilerplateKind)>,
}

/// Parses raw bytes in any supported encoding.
pub fn parse_bytes(bytes: &[u8], options: &ParseOptions) -> Result<Speech, DecodeError> {
    parse_bytes_with_source(bytes, options).map(|(speech, _)| speech)
}

/// Parses raw bytes, and keeps the decoded text that the document's spans point into (for
/// diagnostics shown with their source lines).
pub fn parse_bytes_with_source(
    bytes: &[u8],
    options: &ParseOptions,
) -> Result<(Speech, SourceText), DecodeError> {
    let mut decoded = decode::decode_with(bytes, &options.decode)?;
    let source = SourceText::new(std::mem::take(&mut decoded.text));
    let mut speech = parse_source(&source, options);
    speech.meta.encoding = Some(decoded.encoding);
    speech.diagnostics.extend(decoded.diagnostics(&source));
    Ok((speech, source))
}

/// Parses decoded text. Never fails: whatever the text, every character ends up in some part.
pub fn parse_str(text: String, options: &ParseOptions) -> Speech {
    parse_source(&SourceText::new(text), options)
}

/// Parses an indexed text (see [`parse_str`]).
pub fn parse_source(source: &SourceText, options: &ParseOptions) -> Speech {
    let lines = layout::lines(source.as_str());
    let mut segments = classify::classify(source.as_str(), &lines);
    crate::html::hints::mark_chrome(&mut segments, &options.chrome);
    let meta: Meta = front_matter::extract(source, &segments);
    let outline = outline::outline(source, &segments);
    assemble::assemble(source, &segments, meta, outline, options)
}
