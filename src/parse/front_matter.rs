//! Stage 4: front matter → metadata. Placeholder.

use super::Segment;
use crate::model::{Genre, Meta};
use crate::text::SourceText;

/// Extracts the metadata from the front-matter segments and cues in the body.
pub fn extract(_source: &SourceText, _segments: &[Segment]) -> Meta {
    Meta {
        title: None,
        genre: Genre::Unknown,
        speaker: None,
        date: None,
        occasion: None,
        place: None,
        level: None,
        fragment: false,
        announced_sections: None,
        source: None,
        encoding: None,
        redactions: Vec::new(),
    }
}
