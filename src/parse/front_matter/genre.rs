//! The genre: what a title's words name.

use crate::model::Genre;

/// The genre a title's words name.
pub(super) fn genre_of(text: &str) -> Option<Genre> {
    if text.contains("工作报告") {
        Some(Genre::Report)
    } else if ["讲话", "致辞", "讲稿", "主持词", "动员", "总结"]
        .iter()
        .any(|w| text.contains(w))
    {
        Some(Genre::Speech)
    } else if ["发言", "汇报", "表态"].iter().any(|w| text.contains(w)) {
        Some(Genre::Statement)
    } else if text.contains("报告") {
        Some(Genre::Report)
    } else {
        None
    }
}
