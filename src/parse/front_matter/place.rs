//! The level of the body addressed and the place: cues in the headings, the body's addressing
//! (全市, 我县), and the gazetteer.

use super::Page;
use crate::model::{FrontMatterKind, Genre, Level};
use crate::parse::gazetteer::{DivisionLevel, Mentions, Weight};
use crate::parse::Role;

impl Page<'_> {
    /// The city, county or province, by the gazetteer, with the level of the document: the
    /// level given, or the division's when none was.
    pub(super) fn place(
        &self,
        headings: &[Option<&str>],
        level: Option<Level>,
        genre: Genre,
    ) -> Option<(&'static str, Level)> {
        if level == Some(Level::National) {
            return None;
        }
        let mut mentions = Mentions::default();
        for text in headings.iter().flatten() {
            mentions.add(text, Weight::Heading);
        }
        let chrome = self.segments.iter().filter(|s| {
            matches!(
                s.role,
                Role::Boilerplate(_) | Role::Front(FrontMatterKind::Source)
            )
        });
        for s in chrome {
            mentions.add(self.text(&s.range), Weight::Chrome);
        }
        if genre != Genre::Article {
            for s in self.front(FrontMatterKind::Byline) {
                mentions.add(self.text(&s.range), Weight::Heading);
            }
            for s in self.body() {
                mentions.add(self.text(&s.range), Weight::Body);
            }
        }
        let levels: &[DivisionLevel] = match level {
            Some(Level::Provincial) => &[DivisionLevel::Province],
            Some(Level::Municipal) => &[DivisionLevel::Prefecture, DivisionLevel::Province],
            Some(Level::County) => &[DivisionLevel::County],
            Some(Level::Township) => &[DivisionLevel::County],
            Some(Level::National) | None => &[],
        };
        let d = mentions.best(levels)?;
        let level = match (level, d.level) {
            // 北京市人民政府: a municipality directly under the central government is provincial.
            (Some(Level::Municipal), DivisionLevel::Province) if d.name.ends_with('市') => {
                Level::Provincial
            }
            (Some(level), _) => level,
            (None, DivisionLevel::Province) => Level::Provincial,
            (None, DivisionLevel::Prefecture) => Level::Municipal,
            (None, DivisionLevel::County) => Level::County,
        };
        Some((d.short, level))
    }
}
