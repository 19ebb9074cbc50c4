//! Stage 2: text → lines. Placeholder.

use super::Line;

/// Splits `text` into its non-blank lines.
pub fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut blank_before = false;
    for (i, raw) in text.split_inclusive('\n').enumerate() {
        let start = offset + (raw.len() - raw.trim_start().len());
        let end = offset + raw.trim_end().len();
        offset += raw.len();
        if start >= end {
            blank_before = true;
            continue;
        }
        out.push(Line {
            range: start..end,
            number: i + 1,
            blank_before,
        });
        blank_before = false;
    }
    out
}
