//! The level of the body a document addresses, weighed from its evidence: the cues of the
//! headings (the speaker's office, the occasion, the title), then the organ the speaker reports
//! for (我代表国务院), then the body's addressing (全市, 我县, 全国) by majority. The cues are
//! data (`data/levels.tsv`).

use std::sync::LazyLock;

use crate::lexicon_file;
use crate::model::Level;
use crate::pattern::Pattern;

/// The cue table, read once.
struct Cues {
    national: Vec<&'static str>,
    /// Unit endings and their levels, longest first.
    units: Vec<(&'static str, Level)>,
    /// A unit followed by an organ's name or an ordinal session (市委, 县人大, 自治区第十四届), or
    /// addressed as a whole (全县).
    organ: Pattern,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| read_cues(include_str!("../../../data/levels.tsv")));

fn read_cues(tsv: &'static str) -> Cues {
    let mut national = Vec::new();
    let mut units = Vec::new();
    let mut organs = Vec::new();
    for (_, line) in lexicon_file::content_lines(tsv) {
        let mut fields = line.split('\t');
        match (fields.next(), fields.next(), fields.next()) {
            (Some("national"), Some(word), _) => national.push(word),
            (Some("unit"), Some(word), Some(level)) => {
                if let Some(level) = level_named(level) {
                    units.push((word, level));
                }
            }
            (Some("organ"), Some(word), _) => organs.push(word),
            _ => {}
        }
    }
    units.sort_by_key(|(word, _)| std::cmp::Reverse(word.chars().count()));
    let alternatives = |words: &[&str]| words.join("|");
    let unit_words: Vec<&str> = units.iter().map(|(w, _)| *w).collect();
    let organ = Pattern::lines(&format!(
        r"(?:{units})(?:{}|第?[一二三四五六七八九十]{{1,3}}届)|全(?:{units})",
        alternatives(&organs),
        units = alternatives(&unit_words),
    ))
    .expect("valid level cue pattern");
    Cues {
        national,
        units,
        organ,
    }
}

fn level_named(name: &str) -> Option<Level> {
    match name {
        "national" => Some(Level::National),
        "provincial" => Some(Level::Provincial),
        "municipal" => Some(Level::Municipal),
        "county" => Some(Level::County),
        "township" => Some(Level::Township),
        _ => None,
    }
}

/// The office a speaker holds among those a role lists: the last (中共中央政治局委员、上海市委书记
/// holds the city's office).
pub(super) fn office_held(role: &str) -> &str {
    role.rsplit(['、', '，', ',']).next().unwrap_or(role)
}

/// The level of a document: the first heading that names one, else the organ the speaker
/// reports for in the opening, else the level the body (made only then) addresses.
pub(super) fn level_of(
    headings: &[Option<&str>],
    opening: &str,
    body: impl FnOnce() -> Option<String>,
) -> Option<Level> {
    headings
        .iter()
        .flatten()
        .find_map(|t| level_in(t))
        .or_else(|| reported_for(opening))
        .or_else(|| body().and_then(|b| addressed_level(&b)))
}

/// The level a text names: its first cue, a national organ or office, or a local one.
pub(super) fn level_in(text: &str) -> Option<Level> {
    let cues = &*CUES;
    let national = cues
        .national
        .iter()
        .flat_map(|w| text.match_indices(w).map(|(at, _)| at))
        .filter(|&at| !is_object(text, at))
        .min();
    let local = cues.organ.find(text).map(|m| {
        // 全县: the unit a body addresses as a whole.
        let unit = text[m.start()..].trim_start_matches('全');
        let level = cues
            .units
            .iter()
            .find(|(w, _)| unit.starts_with(w))
            .map(|&(_, l)| l);
        (m.start(), level)
    });
    match (national, local) {
        (Some(n), Some((l, _))) if n <= l => Some(Level::National),
        (_, Some((_, level))) => level,
        (Some(_), None) => Some(Level::National),
        (None, None) => None,
    }
}

/// Verbs whose object a national organ is when a local body speaks of it: 学习贯彻党中央精神,
/// 落实国务院部署.
const CARRYING_OUT: &[&str] = &["学习", "贯彻", "落实", "传达", "领会", "执行", "对标"];

/// Whether the national word at `at` is what the text carries out or cites (after 贯彻, inside
/// 《》), not who speaks or meets.
fn is_object(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let cited = before
        .rfind('《')
        .is_some_and(|open| !before[open..].contains('》'));
    let clause = before
        .rsplit(['，', ',', '、', '　', ' '])
        .next()
        .unwrap_or(before);
    cited || CARRYING_OUT.iter().any(|verb| clause.contains(verb))
}

/// The level of the organ a report in the opening is made for (我代表国务院…报告).
fn reported_for(opening: &str) -> Option<Level> {
    level_in(super::genre::reporting_organ(opening)?)
}

/// 全市, 我县, 市委, 县人大: a unit addressed; 全国各族人民, 全国上下: the nation addressed (全国百强,
/// 全国前列 and 全国人大 are what any body speaks of).
static ADDRESSING: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::bodies(
        r"(?:全|我|本)(?P<unit>省|市|州|盟|县|区|旗|镇|乡)|(?P<organ>省|市|县|区|镇|乡)(?:委|人大)|(?P<nation>全国(?:各族人民|人民|上下|各地区|各地|各级|范围内))",
    )
    .expect("valid addressing pattern")
});

/// The level of a unit the body addresses, as the cue table gives it.
fn unit_level(unit: &str) -> Option<Level> {
    CUES.units.iter().find(|(w, _)| *w == unit).map(|&(_, l)| l)
}

/// The level the body addresses: the unit named most in 全市/我县/市委/县人大, at least twice;
/// a body that addresses the nation (全国各族人民, 全国上下) more than twice as often as any unit,
/// at least three times, is national.
fn addressed_level(body: &str) -> Option<Level> {
    let mut counts: Vec<(Level, usize)> = Vec::new();
    let mut nation = 0;
    for c in ADDRESSING.captures_iter(body) {
        let unit = c.name("unit").or_else(|| c.name("organ"));
        let Some(level) = unit.and_then(|u| unit_level(u.as_str())) else {
            if c.name("nation").is_some() {
                nation += 1;
            }
            continue;
        };
        match counts.iter_mut().find(|(l, _)| *l == level) {
            Some((_, n)) => *n += 1,
            None => counts.push((level, 1)),
        }
    }
    let local = counts
        .into_iter()
        .filter(|&(_, n)| n >= 2)
        .max_by_key(|&(_, n)| n);
    let most_local = local.map_or(0, |(_, n)| n);
    if nation >= 3 && nation > 2 * most_local {
        return Some(Level::National);
    }
    local.map(|(level, _)| level)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_name_national_and_local_organs() {
        assert_eq!(
            level_in("第十二届全国人民代表大会第五次会议"),
            Some(Level::National)
        );
        assert_eq!(level_in("国务院总理"), Some(Level::National));
        assert_eq!(
            level_in("在全市传达学习习近平总书记重要讲话精神大会上的讲话"),
            Some(Level::Municipal)
        );
        assert_eq!(
            level_in("内蒙古自治区第十四届人民代表大会第五次会议"),
            Some(Level::Provincial)
        );
        assert_eq!(level_in("自治区人民政府主席"), Some(Level::Provincial));
        assert_eq!(
            level_in("海拉尔区第十四届人民代表大会"),
            Some(Level::County)
        );
        assert_eq!(level_in("某州人大常委会"), Some(Level::Municipal));
        // The first cue decides: a city's committee studying a national session.
        assert_eq!(
            level_in("市人大常委会学习贯彻全国人大会议精神座谈会"),
            Some(Level::Municipal)
        );
        assert_eq!(level_in("学习会"), None);
        // A national organ carried out or cited by a local body names no national level.
        assert_eq!(
            level_in("全县学习贯彻全国人大常委会会议精神座谈会"),
            Some(Level::County)
        );
        assert_eq!(level_in("坚决贯彻党中央决策部署 推动人大工作"), None);
        assert_eq!(
            level_in("学习《中共中央关于加强人大工作的意见》辅导报告"),
            None
        );
    }

    #[test]
    fn the_organ_a_report_is_made_for() {
        assert_eq!(
            reported_for("现在，我代表国务院，向大会报告政府工作，请予审议。"),
            Some(Level::National)
        );
        assert_eq!(
            reported_for("现在，我代表第十八届中央委员会向大会作报告。"),
            Some(Level::National)
        );
        assert_eq!(
            reported_for("现在，我代表自治区人民政府向大会报告工作"),
            Some(Level::Provincial)
        );
        assert_eq!(
            reported_for("我代表区政府向大会作工作报告，请予审议。"),
            Some(Level::County)
        );
        assert_eq!(reported_for("我代表大家表示感谢。"), None);
        assert_eq!(
            reported_for("我受十二届中央委员会委托，向大会作报告。"),
            Some(Level::National)
        );
    }

    #[test]
    fn the_nation_is_addressed_only_by_a_clear_majority() {
        let national = "全国各族人民团结奋斗。全国上下齐心。全国各地丰收。全省也有进步。";
        assert_eq!(addressed_level(national), Some(Level::National));
        let provincial = "全省经济增长。全省粮食丰收。全国人大代表视察。全国首个示范区落户全省。";
        assert_eq!(addressed_level(provincial), Some(Level::Provincial));
        let county =
            "全县经济走在全国前列，获评全国百强县、全国文明城市，全国平均水平以上。全县上下。";
        assert_eq!(addressed_level(county), Some(Level::County));
        assert_eq!(addressed_level(provincial), Some(Level::Provincial));
    }
}
