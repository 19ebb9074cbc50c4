//! Stage 5: body segments → salutation, preamble, sections, closing and appendix. Placeholder.

use super::Segment;
use crate::model::{Diagnostic, Passage, Section};
use crate::text::SourceText;

/// The structure of the body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outline {
    /// 同志们 / 各位代表、同志们, without trailing punctuation.
    pub salutation: Option<Passage>,
    /// Body text before the first section.
    pub preamble: Vec<Passage>,
    /// Top-level sections, with subsections and directives.
    pub sections: Vec<Section>,
    /// The peroration after the last section.
    pub closing: Vec<Passage>,
    /// Notes, glossaries and attachments after the closing.
    pub appendix: Vec<Passage>,
    /// The number of parts the speaker announced.
    pub announced_sections: Option<u32>,
    /// Warnings about the structure.
    pub diagnostics: Vec<Diagnostic>,
}

/// Finds the structure of the body segments.
pub fn outline(source: &SourceText, segments: &[Segment]) -> Outline {
    let preamble = segments
        .iter()
        .filter(|s| s.role == super::Role::Body)
        .map(|s| source.passage(&s.range))
        .collect();
    Outline {
        preamble,
        ..Outline::default()
    }
}
