//! Where the page came from: source lines (来源, 发布时间, 原文链接) and the site's name.

use std::sync::LazyLock;

use super::{clean_value, Page};
use crate::bounded;
use crate::model::{FrontMatterKind, Source};
use crate::parse::dates;
use crate::parse::front_lines::{self, SourceField};
use crate::parse::layout::is_blank_char;
use crate::parse::Role;
use crate::pattern::Pattern;

impl Page<'_> {
    pub(super) fn source(&self) -> Option<Source> {
        let mut source = Source::default();
        for segment in self.front(FrontMatterKind::Source) {
            let text = self.text(&segment.range);
            for (field, range) in front_lines::source_fields(text) {
                let Some(value) = text.get(range.clone()) else {
                    continue;
                };
                match field {
                    SourceField::Url if source.url.is_none() => {
                        source.url = Some(
                            value
                                .split(is_blank_char)
                                .next()
                                .unwrap_or(value)
                                .to_owned(),
                        );
                    }
                    SourceField::Published if source.published.is_none() => {
                        source.published = dates::find(value).map(|found| {
                            self.partial_date(segment.range.start + range.start, found)
                        });
                    }
                    SourceField::Origin if source.origin.is_none() => {
                        source.origin = Some(clean_value(value));
                    }
                    SourceField::Author if source.author.is_none() => {
                        source.author = Some(clean_value(value));
                    }
                    _ => {}
                }
            }
        }
        source.site = self.site();
        (source != Source::default()).then_some(source)
    }

    /// The site's name, from its greeting (欢迎来到廉政法治网) or its copyright line.
    pub(super) fn site(&self) -> Option<String> {
        self.segments
            .iter()
            .filter(|s| matches!(s.role, Role::Boilerplate(_)))
            .find_map(|s| {
                let text = self.text(&s.range);
                // Only a greeting or a copyright line names the site.
                if !text.contains("欢迎") && !text.contains("版权所有") {
                    return None;
                }
                let c = SITE.captures(text)?;
                // The greedy repetitions are bounded here: 20 and 30 characters.
                let name = match (c.name("site"), c.name("owner")) {
                    (Some(site), _) => bounded::first_chars(site.as_str(), 20),
                    (None, owner) => bounded::first_chars(owner?.as_str(), 30),
                };
                Some(clean_value(name))
            })
    }
}

static SITE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::lines(r"欢迎(?:来到|访问|光临)\s*(?P<site>[^!！。,，\s]{2,})|版权所有\s*[:：]\s*(?P<owner>[^\s|｜]{2,})")
        .expect("valid site pattern")
});
