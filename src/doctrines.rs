//! Cited doctrines: lexicon and patterns. Placeholder.

use std::ops::Range;

use crate::model::Doctrine;
use crate::text::SourceText;

/// A user-supplied doctrine lexicon (`--lexicon FILE`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lexicon {}

/// Finds the doctrines cited in the given byte ranges of `source`.
pub fn extract(
    _source: &SourceText,
    _regions: &[Range<usize>],
    _extra: Option<&Lexicon>,
) -> Vec<Doctrine> {
    Vec::new()
}
