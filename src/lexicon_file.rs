//! The lines of a lexicon file (`data/themes.tsv`, `data/doctrines.tsv`): tab-separated
//! columns, `#` comments and blank lines ignored.
//!
//! This file depends on nothing but `std`: the build script includes it.

/// The content lines of `tsv`: each line's number (from 1) and its text without the `\r`.
pub fn content_lines(tsv: &str) -> impl Iterator<Item = (usize, &str)> {
    tsv.lines().enumerate().filter_map(|(index, raw)| {
        let content = raw.trim_end_matches('\r');
        let ignored = content.trim().is_empty() || content.trim_start().starts_with('#');
        (!ignored).then_some((index + 1, content))
    })
}
