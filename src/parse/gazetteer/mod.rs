//! China's administrative divisions (GB/T 2260): finding the city, county or province a speech
//! is about. The table (`data/divisions.tsv`) is read by the build script into statics.
//!
//! The matcher is a character-wise double-array automaton: with thousands of Chinese names it
//! scans text several times faster than a byte-wise Aho–Corasick automaton. Building it costs
//! more than a whole parse, so the build script builds it (`build.rs`) and the parser reads it
//! back.
//!
//! Full names (平顶山市, 安福县) are reliable; short names (宜春, 安福) are taken only when they
//! are not also common words (the table flags 振兴, 大兴, 武功…), and count for little unless the
//! text also names the division's parent or one of its children (安福 with 吉安市).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::dictionary::Dictionary;
use crate::text::is_han;

mod table;

pub use table::{Division, DivisionLevel};

// `DIVISIONS` and `NAMES`: the table and its names, read by the build script.
include!(concat!(env!("OUT_DIR"), "/divisions.rs"));

/// The automaton of [`table::names`], built by the build script.
const NAMES_AUTOMATON: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/divisions.daac"));

/// Characters that may stand right before a two-character name (代县, 和县) without making it
/// the tail of another word (新时代县级): function words, the end of a parent's name, punctuation.
const NAME_PRECEDERS: &str = "在对把和与及从向的是为到于省市州盟、，,：:“《（(";

/// Whether the two-character division name (X县, X区) at `start..end` of `text` is only the
/// end of another word and a suffix: 时代县级 is no mention of 代县, nor 县级 of anything.
fn is_inside_a_word(text: &str, start: usize, end: usize) -> bool {
    let name = &text[start..end];
    if name.chars().count() != 2 || !name.ends_with(|c| "县区市旗".contains(c)) {
        return false;
    }
    let glued_before = text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| is_han(c) && !NAME_PRECEDERS.contains(c));
    glued_before || text[end..].starts_with('级')
}

/// The names to look for, and their automaton: a match reports its index in the names.
static MATCHER: LazyLock<Option<(Dictionary, &'static [table::Name])>> = LazyLock::new(|| {
    let names: &'static [table::Name] = &NAMES;
    // SAFETY: `NAMES_AUTOMATON` is what the build script wrote with `Dictionary::to_bytes`,
    // compiled against the same `daachorse` as this crate. `prebuilt` uses it only if it was
    // built from these very names.
    let dictionary = unsafe { Dictionary::prebuilt(names.iter().map(|n| n.text), NAMES_AUTOMATON) };
    // A name listed twice (two districts called 新城区) stands for the first division listed.
    dictionary.ok().map(|d| (d, names))
});

/// Where a text was found, which decides how much a mention weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    /// Title, subtitle, byline, occasion: what the speech is about.
    Heading,
    /// The body: places are also mentioned in passing.
    Body,
    /// The page's chrome and source lines: the publisher's own place, among others.
    Chrome,
}

/// Characters that end the name of a division or of a place below one (新市镇, 城关村): a short
/// name running into one of them names some other place.
const DIVISION_SUFFIXES: &str = "省市州盟县区旗镇乡村";

/// Mentions of divisions, accumulated over the texts of a speech.
#[derive(Debug, Default)]
pub struct Mentions {
    /// Score of each division (by index in the table), in tenths, from the speech's own text.
    scores: HashMap<usize, u32>,
    /// The same from the page's chrome, which only corroborates: an aggregator's footer names
    /// the aggregator's city, not the speech's.
    chrome: HashMap<usize, u32>,
}

impl Mentions {
    /// Counts the divisions named in `text`.
    pub fn add(&mut self, text: &str, weight: Weight) {
        let Some((matcher, names)) = MATCHER.as_ref() else {
            return;
        };
        for (found, index) in matcher.find_iter(text) {
            let Some(p) = names.get(index) else {
                continue;
            };
            if !p.full && text[found.end..].starts_with(|c| DIVISION_SUFFIXES.contains(c)) {
                continue;
            }
            if is_inside_a_word(text, found.start, found.end) {
                continue;
            }
            let score = match (weight, p.full) {
                (Weight::Heading, true) => 30,
                (Weight::Heading, false) => 20,
                (Weight::Body, true) => 10,
                (Weight::Body, false) => 4,
                (Weight::Chrome, true) => 6,
                (Weight::Chrome, false) => 2,
            };
            let scores = match weight {
                Weight::Chrome => &mut self.chrome,
                Weight::Heading | Weight::Body => &mut self.scores,
            };
            *scores.entry(p.division).or_default() += score;
        }
    }

    /// The best-supported division of the first of `levels` that has one (any level when
    /// empty), if it is supported well enough: a full name, a heading, or a short name backed
    /// by its parent or a child. A municipal speech that cites its province's laws is still
    /// about its city.
    pub fn best(&self, levels: &[DivisionLevel]) -> Option<&'static Division> {
        if levels.is_empty() {
            return self.best_of(None);
        }
        levels.iter().find_map(|&level| self.best_of(Some(level)))
    }

    fn best_of(&self, level: Option<DivisionLevel>) -> Option<&'static Division> {
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
        let candidates: HashSet<usize> = self
            .scores
            .keys()
            .chain(self.chrome.keys())
            .copied()
            .collect();
        candidates
            .into_iter()
            .filter_map(|i| Some((i, divisions.get(i)?)))
            .filter(|(_, d)| level.is_none_or(|level| d.level == level))
            .map(|(i, d)| {
                let own = self.scores.get(&i).copied().unwrap_or(0);
                let related = related(d);
                // Chrome counts only for a division the speech itself names, or a relative of one.
                let chrome = if own > 0 || related {
                    self.chrome.get(&i).copied().unwrap_or(0)
                } else {
                    0
                };
                (d, own + chrome + if related { 6 } else { 0 })
            })
            .filter(|&(_, score)| score >= 10)
            .max_by_key(|&(d, score)| (score, std::cmp::Reverse(d.code)))
            .map(|(d, _)| d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_build_script_read_the_table_as_the_parser_would() {
        let table = include_str!("../../../data/divisions.tsv");
        let divisions = table::read(table);
        assert_eq!(DIVISIONS[..], divisions[..]);
        assert_eq!(NAMES[..], table::names(&divisions)[..]);
    }

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
    fn a_short_name_running_into_a_suffix_is_another_place() {
        let mut m = Mentions::default();
        m.add("新市镇人大主席团", Weight::Heading);
        assert_eq!(m.best(&[]), None);
        m.add("德清县新市镇人大主席团工作开展情况", Weight::Body);
        assert_eq!(
            m.best(&[DivisionLevel::County]).map(|d| d.short),
            Some("德清")
        );
    }

    #[test]
    fn a_two_character_name_inside_a_word_is_no_mention() {
        let mut m = Mentions::default();
        m.add("扎实做好新时代县级人大工作", Weight::Heading);
        assert_eq!(m.best(&[]), None);
        m.add("在代县调研，忻州市代县人大常委会", Weight::Body);
        assert_eq!(
            m.best(&[DivisionLevel::County]).map(|d| d.name),
            Some("代县")
        );
    }

    #[test]
    fn the_first_level_with_a_supported_division_wins() {
        let mut m = Mentions::default();
        m.add(
            "贯彻《安徽省实施〈中华人民共和国代表法〉办法》",
            Weight::Body,
        );
        m.add(
            "镜湖区、无为市、南陵县人大常委会负责同志作了交流发言",
            Weight::Body,
        );
        m.add("主办单位：芜湖市人大常委会办公室", Weight::Chrome);
        m.add("地址：芜湖市鸠江区", Weight::Chrome);
        let levels = [DivisionLevel::Prefecture, DivisionLevel::Province];
        assert_eq!(m.best(&levels).map(|d| d.short), Some("芜湖"));
        assert_eq!(m.best(&levels[1..]).map(|d| d.short), Some("安徽"));
    }

    #[test]
    fn chrome_only_corroborates() {
        let mut m = Mentions::default();
        m.add(
            "北京市东城区建国门内大街26号 北京中农兴业网络技术有限公司主办",
            Weight::Chrome,
        );
        assert_eq!(m.best(&[]), None);
        m.add("坚持守正创新，推动人大工作高质量发展", Weight::Body);
        assert_eq!(m.best(&[]), None);
        m.add("刚才，秦州区、麦积区人大常委会作了交流发言", Weight::Body);
        m.add("来源：天水市人大常委会办公室", Weight::Chrome);
        assert_eq!(
            m.best(&[DivisionLevel::Prefecture]).map(|d| d.short),
            Some("天水")
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
