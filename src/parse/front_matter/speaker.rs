//! The speaker: a byline, or an author note's office.

use super::Page;
use crate::model::{FrontMatterKind, Speaker};
use crate::parse::front_lines;
use crate::parse::layout::strip_blank;

impl Page<'_> {
    /// The speaker of the first byline, with the office of an author note (（作者系…）) when
    /// the byline has none.
    pub(super) fn byline(&self) -> Option<Speaker> {
        let named = self.named_byline().or_else(|| self.office_over_name());
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

    /// The first byline with a name, and its office when written on the same line.
    fn named_byline(&self) -> Option<Speaker> {
        self.front(FrontMatterKind::Byline).find_map(|s| {
            let text = self.text(&s.range);
            let b = front_lines::byline(text)?;
            Some(Speaker {
                name: Some(strip_blank(text.get(b.name)?)),
                role: b.role.and_then(|r| text.get(r)).map(strip_blank),
            })
        })
    }

    /// A name alone on its byline (李克强), with the office alone on the byline above it
    /// (国务院总理).
    fn office_over_name(&self) -> Option<Speaker> {
        let mut office = None;
        for s in self.front(FrontMatterKind::Byline) {
            let text = self.text(&s.range);
            if front_lines::is_office(text) {
                office = Some(strip_blank(text));
            } else if front_lines::is_bare_name(text) {
                return Some(Speaker {
                    name: Some(strip_blank(text)),
                    role: office,
                });
            }
        }
        None
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
