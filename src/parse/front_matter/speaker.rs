//! The speaker: a byline, or an author note's office.

use super::Page;
use crate::model::{FrontMatterKind, Speaker};
use crate::parse::front_lines;
use crate::parse::layout::strip_blank;

impl Page<'_> {
    /// The speaker of the first byline, with the office of an author note (（作者系…）) when
    /// the byline has none.
    pub(super) fn byline(&self) -> Option<Speaker> {
        let named = self.front(FrontMatterKind::Byline).find_map(|s| {
            let text = self.text(&s.range);
            let b = front_lines::byline(text)?;
            Some(Speaker {
                name: Some(strip_blank(text.get(b.name)?)),
                role: b.role.and_then(|r| text.get(r)).map(strip_blank),
            })
        });
        let office = self.author_office();
        match named {
            Some(speaker) if speaker.role.is_none() => Some(Speaker {
                role: office,
                ..speaker
            }),
            Some(speaker) => Some(speaker),
            None => office.map(|role| Speaker {
                name: None,
                role: Some(role),
            }),
        }
    }

    /// The office of a signed article's author note.
    pub(super) fn author_office(&self) -> Option<String> {
        self.front(FrontMatterKind::Byline).find_map(|s| {
            let text = self.text(&s.range);
            front_lines::author_office(text)
                .and_then(|r| text.get(r))
                .map(strip_blank)
        })
    }
}
