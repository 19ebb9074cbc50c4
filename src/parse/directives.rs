//! Directives inside a section: 一要…二要…, 一是…二是…, 第一…第二…, 首先…其次…. Placeholder.

use std::ops::Range;

use crate::model::Directive;
use crate::text::SourceText;

/// Finds the directives in a paragraph.
pub fn find(_source: &SourceText, _paragraph: Range<usize>) -> Vec<Directive> {
    Vec::new()
}
