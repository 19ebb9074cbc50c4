//! Where the page came from: source lines (来源, 发布时间, 原文链接) and the site's name.

use std::sync::LazyLock;

use super::{clean_value, Page};
use crate::bounded;
use crate::model::{FrontMatterKind, Source};
use crate::parse::dates;
use crate::parse::front_lines::{self, SourceField};
use crate::parse::layout::is_blank_char;
use crate::parse::{boilerplate, Role, Segment};
use crate::pattern::Pattern;

impl Page<'_> {
    pub(super) fn source(&self) -> Option<Source> {
        let mut source = Source::default();
        for segment in self.front(FrontMatterKind::Source) {
            let text = self.text(&segment.range);
            if let Some(names) = front_lines::reporters(text) {
                source
                    .author
                    .get_or_insert_with(|| clean_value(&text[names]));
                continue;
            }
            if boilerplate::is_page_line(text) {
                self.read_page_line(segment, &mut source);
                continue;
            }
            if let Some(agency) = boilerplate::dateline_agency(text) {
                // 本报 (this paper) names no one.
                if agency != "本报" {
                    source.origin.get_or_insert_with(|| agency.to_owned());
                }
                if let Some(c) = BRACKETED_REPORTERS.captures(text) {
                    let names = c.name("names").map(|m| clean_value(m.as_str()));
                    source.author = source.author.take().or(names);
                }
                continue;
            }
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

    /// A newspaper's page line, 《人民日报》（2031年05月19日 18 版）: the paper and its day.
    fn read_page_line(&self, segment: &Segment, source: &mut Source) {
        let text = self.text(&segment.range);
        if source.origin.is_none() {
            let paper = text
                .strip_prefix('《')
                .and_then(|rest| rest.split_once('》'))
                .map(|(paper, _)| paper);
            source.origin = paper.map(clean_value);
        }
        if source.published.is_none() {
            source.published =
                dates::find(text).map(|found| self.partial_date(segment.range.start, found));
        }
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

/// The reporters a dateline names in brackets: （记者 张三 李四）.
static BRACKETED_REPORTERS: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::lines(r"[（(](?:记者|通讯员)[\s\u{3000}]*(?P<names>[^）)]{1,40})[）)]")
        .expect("valid reporters pattern")
});

static SITE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::lines(r"欢迎(?:来到|访问|光临)\s*(?P<site>[^!！。,，\s]{2,})|版权所有\s*[:：]\s*(?P<owner>[^\s|｜]{2,})")
        .expect("valid site pattern")
});
