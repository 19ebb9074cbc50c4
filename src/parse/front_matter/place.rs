//! The level of the body addressed and the place: cues in the headings, the body's addressing
//! (全市, 我县), and the gazetteer.

use std::sync::LazyLock;

use super::Page;
use crate::model::{FrontMatterKind, Genre, Level};
use crate::parse::gazetteer::{DivisionLevel, Mentions, Weight};
use crate::parse::Role;
use crate::pattern::Pattern;

impl Page<'_> {
    /// The city, county or province, by the gazetteer, with its level.
    pub(super) fn place(
        &self,
        headings: &[Option<&str>],
        level: Option<Level>,
        genre: Genre,
    ) -> Option<(&'static str, Option<Level>)> {
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
            Some(Level::National) => return None,
            None => &[],
        };
        let d = mentions.best(levels)?;
        let level = match d.level {
            DivisionLevel::Province => Level::Provincial,
            DivisionLevel::Prefecture => Level::Municipal,
            DivisionLevel::County => Level::County,
        };
        Some((d.short, Some(level)))
    }
}

/// Level cues in the order they are trusted: the speaker's office, the occasion, the title;
/// then, when given, the body's addressing (全市, 我县) by majority.
/// The level named in `texts`, else the level the body (made only then) addresses.
pub(super) fn level_of(
    texts: &[Option<&str>],
    body: impl FnOnce() -> Option<String>,
) -> Option<Level> {
    texts
        .iter()
        .flatten()
        .find_map(|t| level_in(t))
        .or_else(|| body().and_then(|b| addressed_level(&b)))
}

static LEVEL_CUE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::lines(r"(?P<national>全国人大|全国人民代表大会)|(?P<unit>省|市|州|盟|县|区|旗|镇|乡)(?:委|人大|人民代表大会|人民政府|政府|政协|党委|纪委|长|[一二三四五六七八九十]{1,3}届|第[一二三四五六七八九十]{1,3}届)")
        .expect("valid level pattern")
});

fn level_in(text: &str) -> Option<Level> {
    let c = LEVEL_CUE.captures(text)?;
    if c.name("national").is_some() {
        return Some(Level::National);
    }
    unit_level(c.name("unit")?.as_str())
}

fn unit_level(unit: &str) -> Option<Level> {
    match unit {
        "省" => Some(Level::Provincial),
        "市" | "州" | "盟" => Some(Level::Municipal),
        "县" | "区" | "旗" => Some(Level::County),
        "镇" | "乡" => Some(Level::Township),
        _ => None,
    }
}

static ADDRESSING: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::bodies(
        r"(?:全|我|本)(?P<unit>省|市|州|县|区|旗|镇|乡)|(?P<organ>省|市|县|区|镇|乡)(?:委|人大)",
    )
    .expect("valid addressing pattern")
});

/// The level the body addresses: the unit named most in 全市/我县/市委/县人大, at least twice.
fn addressed_level(body: &str) -> Option<Level> {
    let mut counts: Vec<(Level, usize)> = Vec::new();
    for c in ADDRESSING.captures_iter(body) {
        let Some(level) = c
            .name("unit")
            .or_else(|| c.name("organ"))
            .and_then(|u| unit_level(u.as_str()))
        else {
            continue;
        };
        match counts.iter_mut().find(|(l, _)| *l == level) {
            Some((_, n)) => *n += 1,
            None => counts.push((level, 1)),
        }
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= 2)
        .max_by_key(|&(_, n)| n)
        .map(|(level, _)| level)
}
