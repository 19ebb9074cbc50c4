//! Stage 3: lines → segments marked front matter, boilerplate or body. Placeholder: all body.

use super::{Line, Role, Segment};

/// Classifies every line of `text`.
pub fn classify(_text: &str, lines: &[Line]) -> Vec<Segment> {
    lines
        .iter()
        .map(|l| Segment {
            range: l.range.clone(),
            role: Role::Body,
            line: l.number,
        })
        .collect()
}
