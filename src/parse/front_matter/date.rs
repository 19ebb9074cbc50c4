//! The date the speech was given: a date line, a dated byline, the dateline subtitle.

use super::Page;
use crate::model::{FrontMatterKind, PartialDate};
use crate::parse::Segment;
use crate::parse::{dates, front_lines};

impl Page<'_> {
    /// The date of a date line (or a labelled month-day), else of the dateline subtitle.
    pub(super) fn delivery_date(&self, subtitle: Option<&str>) -> Option<PartialDate> {
        let from_line = |segment: &Segment| {
            let text = self.text(&segment.range);
            let found = dates::find(text).or_else(|| dates::find_month_day(text))?;
            Some(self.partial_date(segment.range.start, found))
        };
        // A byline may end with the date (县委书记 李振华（2023年12月28日）).
        let from_byline = |segment: &Segment| {
            let text = self.text(&segment.range);
            let found = dates::find(text)?;
            let dated = front_lines::without_trailing_date(text).len() < text.len();
            dated.then(|| self.partial_date(segment.range.start, found))
        };
        self.front(FrontMatterKind::Date)
            .find_map(from_line)
            .or_else(|| self.front(FrontMatterKind::Byline).find_map(from_byline))
            .or_else(|| {
                subtitle?;
                self.front(FrontMatterKind::Subtitle).find_map(|s| {
                    let found = dates::find(self.text(&s.range))?;
                    Some(self.partial_date(s.range.start, found))
                })
            })
    }

    pub(super) fn partial_date(&self, base: usize, found: dates::FoundDate) -> PartialDate {
        let range = base + found.range.start..base + found.range.end;
        let passage = self.source.passage(&range);
        PartialDate {
            year: found.year,
            month: found.month,
            day: found.day,
            text: passage.text,
            span: passage.span,
        }
    }
}
