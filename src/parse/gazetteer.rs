//! China's administrative divisions (GB/T 2260): finding the city, county or province a speech
//! is about. The table (`data/divisions.tsv`) is compiled in; the matcher is built on first use.
//!
//! Full names (平顶山市, 安福县) are reliable; short names (宜春, 安福) are taken only when they
//! are not also common words (the table flags 振兴, 大兴, 武功…), and count for little unless the
//! text also names the division's parent or one of its children (安福 with 吉安市).

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

const TABLE: &str = include_str!("../../data/divisions.tsv");

/// The level of a division in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DivisionLevel {
    /// Province, autonomous region, municipality directly under the central government.
    Province,
    /// Prefecture-level city, prefecture, autonomous prefecture, league.
    Prefecture,
    /// County, county-level city, district, banner.
    County,
}

/// One division of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Division {
    /// Six-digit GB/T 2260 code.
    pub code: u32,
    /// Full name (平顶山市).
    pub name: &'static str,
    /// Name without its suffix (平顶山).
    pub short: &'static str,
    /// Its level.
    pub level: DivisionLevel,
    /// The short name is also a common word: recognised only with its suffix.
    pub ambiguous: bool,
}

impl Division {
    /// Code of the prefecture (or province) that contains this division, if any.
    pub fn parent_code(&self) -> Option<u32> {
        match self.level {
            DivisionLevel::Province => None,
            DivisionLevel::Prefecture => Some(self.code / 10000 * 10000),
            DivisionLevel::County => Some(self.code / 100 * 100),
        }
    }
}

static DIVISIONS: LazyLock<Vec<Division>> = LazyLock::new(|| {
    TABLE
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let code = fields.next()?.parse().ok()?;
            let name = fields.next()?;
            let short = fields.next()?;
            let level = match fields.next()? {
                "province" => DivisionLevel::Province,
                "prefecture" => DivisionLevel::Prefecture,
                "county" => DivisionLevel::County,
                _ => return None,
            };
            let ambiguous = fields.next()? == "1";
            Some(Division {
                code,
                name,
                short,
                level,
                ambiguous,
            })
        })
        .collect()
});

/// A name pattern: which division, and whether it is the full name.
struct Pattern {
    division: usize,
    full: bool,
}

/// Characters that, opening a two-character name, make it a phrase (和县 in 市和县两级).
const PHRASE_OPENERS: &str = "和与及各本全我该每省市县区乡镇新老大小";

static MATCHER: LazyLock<Option<(AhoCorasick, Vec<Pattern>)>> = LazyLock::new(|| {
    let mut words = Vec::new();
    let mut patterns = Vec::new();
    for (i, d) in DIVISIONS.iter().enumerate() {
        let two_chars = d.name.chars().count() <= 2;
        let phrase_like = two_chars && d.name.starts_with(|c| PHRASE_OPENERS.contains(c));
        if !(phrase_like || two_chars && d.ambiguous) {
            words.push(d.name);
            patterns.push(Pattern {
                division: i,
                full: !two_chars,
            });
        }
        if d.short != d.name && !d.ambiguous && d.short.chars().count() >= 2 {
            words.push(d.short);
            patterns.push(Pattern {
                division: i,
                full: false,
            });
        }
    }
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(words)
        .ok()
        .map(|m| (m, patterns))
});

/// Where a text was found, which decides how much a mention weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    /// Title, subtitle, byline, occasion: what the speech is about.
    Heading,
    /// The body: places are also mentioned in passing.
    Body,
}

/// Mentions of divisions, accumulated over the texts of a speech.
#[derive(Debug, Default)]
pub struct Mentions {
    /// Score of each division (by index in the table), in tenths.
    scores: HashMap<usize, u32>,
}

impl Mentions {
    /// Counts the divisions named in `text`.
    pub fn add(&mut self, text: &str, weight: Weight) {
        let Some((matcher, patterns)) = MATCHER.as_ref() else {
            return;
        };
        for m in matcher.find_iter(text) {
            let Some(p) = patterns.get(m.pattern().as_usize()) else {
                continue;
            };
            let score = match (weight, p.full) {
                (Weight::Heading, true) => 30,
                (Weight::Heading, false) => 20,
                (Weight::Body, true) => 10,
                (Weight::Body, false) => 4,
            };
            *self.scores.entry(p.division).or_default() += score;
        }
    }

    /// The best-supported division of one of `levels` (any level when empty), if it is
    /// supported well enough: a full name, a heading, or a short name backed by its parent
    /// or a child.
    pub fn best(&self, levels: &[DivisionLevel]) -> Option<&'static Division> {
        let divisions: &'static [Division] = &DIVISIONS;
        let mentioned_codes: Vec<u32> = self
            .scores
            .keys()
            .filter_map(|&i| divisions.get(i).map(|d| d.code))
            .collect();
        let related = |d: &Division| {
            mentioned_codes.iter().any(|&code| {
                Some(code) == d.parent_code()
                    || divisions
                        .iter()
                        .find(|other| other.code == code)
                        .and_then(Division::parent_code)
                        == Some(d.code)
                        && code != d.code
            })
        };
        self.scores
            .iter()
            .filter_map(|(&i, &score)| Some((divisions.get(i)?, score)))
            .filter(|(d, _)| levels.is_empty() || levels.contains(&d.level))
            .map(|(d, score)| (d, score + if related(d) { 6 } else { 0 }))
            .filter(|&(_, score)| score >= 10)
            .max_by_key(|&(d, score)| (score, std::cmp::Reverse(d.code)))
            .map(|(d, _)| d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_loads() {
        assert!(DIVISIONS.len() > 3000);
        let anfu = DIVISIONS.iter().find(|d| d.name == "安福县").unwrap();
        assert_eq!(
            (anfu.code, anfu.short, anfu.level),
            (360829, "安福", DivisionLevel::County)
        );
        assert_eq!(anfu.parent_code(), Some(360800));
    }

    #[test]
    fn full_names_count_on_their_own() {
        let mut m = Mentions::default();
        m.add("对《平顶山市优化营商环境条例》进行修订", Weight::Body);
        assert_eq!(
            m.best(&[DivisionLevel::Prefecture]).map(|d| d.short),
            Some("平顶山")
        );
        assert_eq!(m.best(&[DivisionLevel::County]), None);
    }

    #[test]
    fn short_names_need_support() {
        let mut m = Mentions::default();
        m.add("将绿色作为安福最大的优势", Weight::Body);
        assert_eq!(m.best(&[DivisionLevel::County]), None);
        m.add("洲湖镇人大被确定为吉安市立法联系点", Weight::Body);
        assert_eq!(
            m.best(&[DivisionLevel::County]).map(|d| d.short),
            Some("安福")
        );
    }

    #[test]
    fn common_words_are_not_places() {
        let mut m = Mentions::default();
        m.add(
            "大兴调查研究之风，全面振兴乡村，推进城区改造，市和县两级",
            Weight::Body,
        );
        m.add(
            "大兴调查研究之风，全面振兴乡村，推进城区改造",
            Weight::Heading,
        );
        assert_eq!(m.best(&[]), None);
    }
}
