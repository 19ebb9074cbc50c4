//! Doctrines that follow a pattern rather than a list: 习近平…思想, 习近平总书记关于…的重要
//! 思想/论述, party congresses (党的十九大, 党的XX大 as redacted), plenums (十九届历次全会,
//! 二十届三中全会), sessions of the National People's Congress (十四届全国人大二次会议) and
//! five-year plans (十五五).

use std::ops::Range;
use std::sync::LazyLock;

use crate::pattern::{Captures, Pattern};

use crate::bounded;
use crate::model::DoctrineKind;

/// A doctrine found by a pattern, before it is merged with the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte range in the input.
    pub range: Range<usize>,
    /// The canonical name.
    pub name: String,
    /// Its kind.
    pub kind: DoctrineKind,
}

/// Compiles a pattern written in this file; the patterns are tested, so failure is a bug that
/// the tests catch, and a never-matching fallback keeps parsing alive.
fn compile(pattern: &str) -> Pattern {
    Pattern::bodies(pattern).unwrap_or_else(|_| never())
}

/// Compiles a pattern that opens with, or holds, a rare word (see [`Pattern::rare`]).
fn compile_rare(pattern: &str) -> Pattern {
    Pattern::rare(pattern).unwrap_or_else(|_| never())
}

/// A pattern that matches nothing.
fn never() -> Pattern {
    Pattern::bodies(r"[^\s\S]").unwrap_or_else(|_| unreachable!())
}

/// Congress and term numbers: 一…九, 十, 十一…十九, 二十…二十九, or a redaction (XX, ××).
/// A congress written without 党的 or 中共 needs two characters (十九大, 二十大): 七大, 十大
/// are counted things (十大产业).
const NUMBER: &str =
    r"(?:二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]|[XxＸｘ×＊*]{1,2})";

/// The Party, written before a congress or a plenum (党的十九大, 中共十九届四中全会).
const PARTY: &str = r"(党的|中共|我党|中国共产党)";

/// The ends of names of organisations other than the Party, whose congresses and plenums are
/// numbered the same way: 全国学联二十七大, 共青团十九大, 中国工会十八大, 民盟十二届二中全会,
/// 农工党十七大, and a province's party committee (省委十一届三中全会). Whole words: 领会,
/// 推进 and 建设 end in the same characters.
const OTHER_ORGANISATIONS: &[&str] = &[
    "学联",
    "青联",
    "侨联",
    "妇联",
    "文联",
    "工商联",
    "残联",
    "共青团",
    "团",
    "工会",
    "学生会",
    "协会",
    "学会",
    "商会",
    "科协",
    "作协",
    "民盟",
    "台盟",
    "学社",
    "农工党",
    "致公党",
    "民革",
    "民建",
    "民进",
    "妇女",
    "省委",
    "市委",
    "县委",
    "区委",
    "州委",
    "团委",
];

static THOUGHT: LazyLock<Pattern> = LazyLock::new(|| compile(r"习近平(\p{Han}{2,16}?)思想"));
/// [`THOUGHT`] without its bound (see [`bounded`]), far cheaper to compile.
static THOUGHT_UNBOUNDED: LazyLock<Pattern> =
    LazyLock::new(|| compile_rare(r"习近平(\p{Han}{2,}?)思想"));

static IMPORTANT_THOUGHT: LazyLock<Pattern> = LazyLock::new(|| {
    compile(r"(?:习近平(?:总书记|同志)|总书记)关于([\p{Han}、]{2,40}?)的重要(思想|论述)")
});
/// [`IMPORTANT_THOUGHT`] without its bound.
static IMPORTANT_THOUGHT_UNBOUNDED: LazyLock<Pattern> = LazyLock::new(|| {
    compile_rare(r"(?:习近平(?:总书记|同志)|总书记)关于([\p{Han}、]{2,}?)的重要(思想|论述)")
});

static CONGRESS: LazyLock<Pattern> = LazyLock::new(|| compile(&format!(r"{PARTY}?({NUMBER})大")));
/// The characters of a [`NUMBER`], and those it ends with.
const NUMBER_CHARS: &str = "二十一三四五六七八九XxＸｘ×＊*";
const NUMBER_ENDS: &str = "一二三四五六七八九十XxＸｘ×＊*";

/// How a match of [`CONGRESS`] ends (大), what it holds before that, and the last of those.
const CONGRESS_TAIL: Tail = Tail {
    last: "大",
    before: |c| NUMBER_CHARS.contains(c) || PARTY_CHARS.contains(c),
    ends: |c| NUMBER_ENDS.contains(c),
};

/// Measure words that make 一大, 七大 a count (一大批, 一大片, 一大堆), not a congress.
const COUNTED_AFTER: &str = "批片堆群帮串把些步截块类";

/// The characters of a [`PARTY`].
const PARTY_CHARS: &str = "党的中共我国产";

/// 中国共产党第十九次全国代表大会, 党的第十九次全国代表大会: the long form needs the Party
/// before it (共青团第十九次全国代表大会 is not the Party's).
static CONGRESS_FULL: LazyLock<Pattern> = LazyLock::new(|| {
    compile_rare(&format!(
        r"(?:中国共产党|党的|中共)第({NUMBER})次全国代表大会"
    ))
});

/// How a match of [`PLENUM`] ends (全会), what it holds before that, and the last of those.
const PLENUM_TAIL: Tail = Tail {
    last: "全会",
    before: |c| NUMBER_CHARS.contains(c) || PARTY_CHARS.contains(c) || "届中、，和历次".contains(c),
    ends: |c| "中、，和次".contains(c),
};

/// The ordinal of a plenum: 一中 … 九中, 十中, 十一中, 十二中.
const PLENUM_ORDINAL: &str = r"(?:十[一二]?|[一二三四五六七八九])中";

static PLENUM: LazyLock<Pattern> = LazyLock::new(|| {
    compile_rare(&format!(
        r"{PARTY}?({NUMBER})届((?:{PLENUM_ORDINAL}[、，和]?)+|历次)全会"
    ))
});

static PLENUM_FULL: LazyLock<Pattern> = LazyLock::new(|| {
    compile_rare(&format!(
        r"(?:中国共产党|党的|中共)?第?({NUMBER})届中央委员会第(十[一二]?|[一二三四五六七八九])次全体会议"
    ))
});

static NPC_SESSION: LazyLock<Pattern> = LazyLock::new(|| {
    compile_rare(
        r"(十[一二三四五六七八九]?|二十[一二三四五六七八九]?|[一二三四五六七八九])届全国人大([一二三四五六七八九])次会议",
    )
});

/// 第十四届全国人民代表大会第二次会议, the long form of [`NPC_SESSION`].
static NPC_SESSION_FULL: LazyLock<Pattern> = LazyLock::new(|| {
    compile_rare(
        r"第(十[一二三四五六七八九]?|二十[一二三四五六七八九]?|[一二三四五六七八九])届全国人民代表大会第([一二三四五六七八九])次会议",
    )
});

/// Five-year plans (十四五, 十五五): 十, a digit, 五. Found back from each 五, the rarest of the
/// three, rather than by a regex whose search would stop at every 十; the tests hold it to the
/// regex `十[一二三四五六七八九]五`. Two such words cannot overlap.
fn five_year_plans_in(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    memchr::memmem::find_iter(text.as_bytes(), "五".as_bytes()).filter_map(move |at| {
        let mut before = text.get(..at)?.chars().rev();
        let digit = before
            .next()
            .filter(|c| "一二三四五六七八九".contains(*c))?;
        before.next().filter(|&c| c == '十')?;
        Some(at - '十'.len_utf8() - digit.len_utf8()..at + "五".len())
    })
}

/// What may follow a congress written without 党的 (十九大精神, 二十大以来); 二十大类 is not one.
const AFTER_BARE_CONGRESS: &str = "精以报胜召开闭和、及作提强确后前上的代部";

/// The one name of a Party congress, however it is written (十九大, 中共十九大, 中国共产党第
/// 十九次全国代表大会): 党的十九大.
fn congress_name(number: &str) -> String {
    format!("党的{number}大")
}

/// The one name of a plenum, however it is written (十九届四中全会, 中共十九届四中全会, 十九届
/// 中央委员会第四次全体会议): 党的十九届四中全会, like [`congress_name`].
fn plenum_name(term: &str, which: &str) -> String {
    format!("党的{term}届{which}全会")
}

/// Whether the match starting at `start` follows the name of an organisation other than the
/// Party (全国学联二十七大, 共青团十九大); a match that opens with 党的 is another party's
/// where that 党 ends its name (农工党的十七大).
fn after_other_organisation(text: &str, start: usize) -> bool {
    let own_party = text
        .get(start..)
        .filter(|rest| rest.starts_with("党的"))
        .map_or(0, |_| "党".len());
    let before = text.get(..start + own_party).unwrap_or("");
    OTHER_ORGANISATIONS
        .iter()
        .any(|name| before.ends_with(name))
}

/// Words inside 习近平…思想 that show it is not one name (习近平同志为核心的党中央…思想).
const NOT_IN_THOUGHT: &[&str] = &["的", "总书记", "同志", "关于", "重要", "主席", "在", "和"];

/// Whether `text` holds every one of `needles`.
fn holds_all(text: &str, needles: &[&str]) -> bool {
    needles.iter().all(|needle| text.contains(needle))
}

/// `regex` run only on texts that hold all of `needles`, words that every match holds (the
/// rarest first): most texts lack one, and checking is faster than a regex whose first
/// characters vary. A regex whose needles are absent is not compiled.
fn captures_where<'r, 'h: 'r>(
    regex: &'r LazyLock<Pattern>,
    text: &'h str,
    needles: &[&str],
) -> impl Iterator<Item = Captures<'h>> + 'r {
    holds_all(text, needles)
        .then(|| LazyLock::force(regex).captures_iter(text))
        .into_iter()
        .flatten()
}

/// The matches of `bounded`, group 1 of at most `max` characters, in a text holding all of
/// `needles`, found with its `unbounded` form while it can be (see [`bounded::captures_iter`]).
fn bounded_where<'r, 'h: 'r>(
    (unbounded, bounded): (&'r LazyLock<Pattern>, &'r LazyLock<Pattern>),
    text: &'h str,
    needles: &[&str],
    max: usize,
) -> impl Iterator<Item = Captures<'h>> + 'r {
    holds_all(text, needles)
        .then(|| bounded::captures_iter(LazyLock::force(unbounded), bounded, text, (1, max)))
        .into_iter()
        .flatten()
}

/// How every match of a regex ends: with the word `last`, after characters that `before`
/// accepts, the last of which `ends` accepts (党的二十大: 大 after 党的二十, 十 last).
struct Tail {
    last: &'static str,
    before: fn(char) -> bool,
    ends: fn(char) -> bool,
}

/// The matches of `regex` in `text`, as its `captures_iter` finds them, for a regex whose every
/// match ends as `tail` says. Its last word is searched for, and the regex runs only over the
/// characters before each occurrence that `tail.before` accepts: most occurrences of a word
/// such as 大 follow something else (人大, 大会), and these are passed over without a search.
/// A match found there is the one a search of the whole text finds next, since every match is
/// inside such a run and none ended at an earlier occurrence.
fn matches_ending<'h>(
    regex: &'static LazyLock<Pattern>,
    tail: &'static Tail,
    text: &'h str,
) -> impl Iterator<Item = Captures<'h>> + 'h {
    let mut searched_to = 0;
    memchr::memmem::find_iter(text.as_bytes(), tail.last.as_bytes()).filter_map(move |at| {
        let run = text.get(searched_to..at)?;
        if !run.chars().next_back().is_some_and(tail.ends) {
            return None;
        }
        let lead: usize = run
            .chars()
            .rev()
            .take_while(|&c| (tail.before)(c))
            .map(char::len_utf8)
            .sum();
        let c = LazyLock::force(regex).captures_in(text, at - lead..at + tail.last.len())?;
        searched_to = c.get(0)?.end();
        Some(c)
    })
}

/// Finds the patterned doctrines in `text`, which starts at byte `offset` of the input.
pub fn find(text: &str, offset: usize) -> Vec<Found> {
    let mut found = Vec::new();
    let mut push = |range: Range<usize>, name: String, kind| {
        found.push(Found {
            range: offset + range.start..offset + range.end,
            name,
            kind,
        })
    };
    for c in bounded_where(
        (&THOUGHT_UNBOUNDED, &THOUGHT),
        text,
        &["习近平", "思想"],
        16,
    ) {
        let (Some(all), Some(middle)) = (c.get(0), c.get(1)) else {
            continue;
        };
        if !NOT_IN_THOUGHT.iter().any(|w| middle.as_str().contains(w)) {
            push(all.range(), all.as_str().to_owned(), DoctrineKind::Thought);
        }
    }
    for c in bounded_where(
        (&IMPORTANT_THOUGHT_UNBOUNDED, &IMPORTANT_THOUGHT),
        text,
        &["关于", "的重要"],
        40,
    ) {
        let (Some(all), Some(topic), Some(what)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let name = format!("习近平总书记关于{}的重要{}", topic.as_str(), what.as_str());
        push(all.range(), name, DoctrineKind::Thought);
    }
    for c in matches_ending(&CONGRESS, &CONGRESS_TAIL, text) {
        let (Some(all), Some(number)) = (c.get(0), c.get(2)) else {
            continue;
        };
        let prefixed = c.get(1).is_some();
        let redacted = !number.as_str().starts_with(['十', '二']);
        let next = text.get(all.end()..).and_then(|s| s.chars().next());
        let cited = if prefixed {
            !after_other_organisation(text, all.start())
        } else {
            // 十九大, 二十大: two characters at least, not a redaction, and no organisation's
            // name before them.
            !redacted
                && number.as_str().chars().count() >= 2
                && next.is_some_and(|n| AFTER_BARE_CONGRESS.contains(n))
                && !after_other_organisation(text, all.start())
        };
        // 十九届 is a plenum's, not a congress's: the 大 must not be followed by 会 either
        // (十九大会 does not occur; 二十大会场 would be a venue); 党的一大批, 我党一大片 count
        // things.
        let counted = next.is_some_and(|n| COUNTED_AFTER.contains(n));
        if cited && next != Some('会') && !counted {
            push(
                all.range(),
                congress_name(number.as_str()),
                DoctrineKind::Meeting,
            );
        }
    }
    for c in captures_where(&CONGRESS_FULL, text, &["全国代表大会"]) {
        let (Some(all), Some(number)) = (c.get(0), c.get(1)) else {
            continue;
        };
        if !after_other_organisation(text, all.start()) {
            push(
                all.range(),
                congress_name(number.as_str()),
                DoctrineKind::Meeting,
            );
        }
    }
    for c in matches_ending(&PLENUM, &PLENUM_TAIL, text) {
        let (Some(all), Some(number), Some(which)) = (c.get(0), c.get(2), c.get(3)) else {
            continue;
        };
        if after_other_organisation(text, all.start()) {
            continue;
        }
        let name = plenum_name(number.as_str(), which.as_str());
        push(all.range(), name, DoctrineKind::Meeting);
    }
    for c in captures_where(&PLENUM_FULL, text, &["中央委员会", "次全体会议"]) {
        let (Some(all), Some(number), Some(which)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        if after_other_organisation(text, all.start()) {
            continue;
        }
        let name = plenum_name(number.as_str(), &format!("{}中", which.as_str()));
        push(all.range(), name, DoctrineKind::Meeting);
    }
    for c in captures_where(&NPC_SESSION, text, &["全国人大", "次会议"]) {
        let (Some(all), Some(term), Some(session)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let name = format!("{}届全国人大{}次会议", term.as_str(), session.as_str());
        push(all.range(), name, DoctrineKind::Meeting);
    }
    for c in captures_where(&NPC_SESSION_FULL, text, &["全国人民代表大会", "次会议"]) {
        let (Some(all), Some(term), Some(session)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let name = format!("{}届全国人大{}次会议", term.as_str(), session.as_str());
        push(all.range(), name, DoctrineKind::Meeting);
    }
    for plan in five_year_plans_in(text) {
        let before = text.get(..plan.start).and_then(|s| s.chars().next_back());
        let after = text.get(plan.end..).and_then(|s| s.chars().next());
        let numeral = |c: Option<char>| c.is_some_and(|c| "一二三四五六七八九十百千第".contains(c));
        if !numeral(before) && !numeral(after) {
            let name = text[plan.clone()].to_owned();
            push(plan, name, DoctrineKind::Formulation);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        find(text, 0).into_iter().map(|f| f.name).collect()
    }

    #[test]
    fn thoughts() {
        assert_eq!(
            names("深入学习贯彻习近平生态文明思想"),
            ["习近平生态文明思想"]
        );
        assert_eq!(
            names("学习习近平总书记关于坚持和完善人民代表大会制度的重要思想"),
            ["习近平总书记关于坚持和完善人民代表大会制度的重要思想"]
        );
        assert_eq!(
            names("总书记关于人大工作的重要论述"),
            ["习近平总书记关于人大工作的重要论述"]
        );
        assert!(names("以习近平同志为核心的党中央的领导和思想").is_empty());
    }

    /// The ranges of a match's first three groups.
    fn groups(c: Captures<'_>) -> Vec<Option<Range<usize>>> {
        (0..3).map(|i| c.get(i).map(|m| m.range())).collect()
    }

    proptest::proptest! {
        /// The congresses found around each 大 are those a search of the whole text finds.
        #[test]
        fn congresses_are_those_of_the_whole_text(
            pieces in proptest::collection::vec(
                proptest::sample::select(&["党的", "中共", "我党", "中国共产党", "二十", "十", "一", "九", "七", "大", "X", "Ｘ", "×", "会", "人", "的"][..]),
                0..16,
            ),
        ) {
            let text = pieces.concat();
            let windowed: Vec<_> = matches_ending(&CONGRESS, &CONGRESS_TAIL, &text).map(groups).collect();
            let whole: Vec<_> = CONGRESS.captures_iter(&text).map(groups).collect();
            proptest::prop_assert_eq!(windowed, whole);
        }

        /// The plenums found before each 全会 are those a search of the whole text finds.
        #[test]
        fn plenums_are_those_of_the_whole_text(
            pieces in proptest::collection::vec(
                proptest::sample::select(&["十九届", "二十届", "XX届", "七届", "届", "二中", "三中", "十一中", "十中", "、", "和", "历次", "全会", "全会", "全", "中", "的", "党的", "中共"][..]),
                0..12,
            ),
        ) {
            let text = pieces.concat();
            let windowed: Vec<_> = matches_ending(&PLENUM, &PLENUM_TAIL, &text).map(groups).collect();
            let whole: Vec<_> = PLENUM.captures_iter(&text).map(groups).collect();
            proptest::prop_assert_eq!(windowed, whole);
        }
    }

    proptest::proptest! {
        #[test]
        fn five_year_plans_are_those_of_the_regex(
            pieces in proptest::collection::vec(
                proptest::sample::select(&["十", "一", "五", "九", "二", "大"][..]),
                0..16,
            ),
        ) {
            let text = pieces.concat();
            let regex = Pattern::bodies(r"十[一二三四五六七八九]五").unwrap();
            let expected: Vec<Range<usize>> = regex.find_iter(&text).map(|m| m.range()).collect();
            proptest::prop_assert_eq!(five_year_plans_in(&text).collect::<Vec<_>>(), expected);
        }
    }

    #[test]
    fn congresses_and_plenums() {
        assert_eq!(
            names("贯彻党的十九大和十九届历次全会精神，迎接党的二十大"),
            ["党的十九大", "党的二十大", "党的十九届历次全会"]
        );
        assert_eq!(names("学习宣传贯彻党的XX大精神"), ["党的XX大"]);
        assert!(names("把党的一大批好传统传承下去，我党一大批优秀干部").is_empty());
        assert_eq!(names("二十大以来"), ["党的二十大"]);
        assert_eq!(names("党的二十届三中全会"), ["党的二十届三中全会"]);
        assert_eq!(
            names("十九届二中、三中、四中全会"),
            ["党的十九届二中、三中、四中全会"]
        );
        assert_eq!(names("中国共产党第二十次全国代表大会"), ["党的二十大"]);
        assert_eq!(
            names("十九届中央委员会第六次全体会议"),
            ["党的十九届六中全会"]
        );
        assert_eq!(
            names("中国共产党第十九届中央委员会第四次全体会议"),
            ["党的十九届四中全会"]
        );
        assert!(names("二十大类产品、XX大道").is_empty());
        assert_eq!(
            names("贯彻十四届全国人大二次会议精神"),
            ["十四届全国人大二次会议"]
        );
        assert_eq!(
            names("第十四届全国人民代表大会第二次会议"),
            ["十四届全国人大二次会议"]
        );
    }

    #[test]
    fn early_congresses_need_the_party() {
        assert_eq!(
            names("党的七大以后，党的九大、中共十大"),
            ["党的七大", "党的九大", "党的十大"]
        );
        assert_eq!(
            names("八届十一中全会和七届二中全会"),
            ["党的八届十一中全会", "党的七届二中全会"]
        );
        assert!(names("十大以来，三大改造，七大精神").is_empty());
    }

    #[test]
    fn other_organisations_congresses_are_not_the_partys() {
        for text in [
            "全国学联二十七大召开",
            "共青团十九大精神",
            "中国工会十八大以来",
            "民盟十二届三中全会",
            "省委十一届三中全会",
            "农工党十七大",
            "共青团第十九次全国代表大会",
        ] {
            assert!(names(text).is_empty(), "{text}: {:?}", names(text));
        }
        assert_eq!(names("农工党的十七大"), Vec::<String>::new());
        assert_eq!(
            names("深刻领会党的十九大，学习领会二十大精神，推进十九届四中全会精神落实"),
            ["党的十九大", "党的二十大", "党的十九届四中全会"]
        );
        assert_eq!(names("我党十九大以来"), ["党的十九大"]);
        assert_eq!(names("全党十九大以来"), ["党的十九大"]);
    }

    #[test]
    fn one_name_however_written() {
        let all = names("党的十九大、十九大以来、中共十九大、中国共产党第十九次全国代表大会");
        assert_eq!(all, ["党的十九大"; 4]);
        let all = names("党的十九届四中全会，十九届四中全会，中共十九届四中全会");
        assert_eq!(all, ["党的十九届四中全会"; 3]);
    }

    #[test]
    fn five_year_plans() {
        assert_eq!(names("奋进“十五五”"), ["十五五"]);
        assert_eq!(names("十四五规划"), ["十四五"]);
        assert!(names("二十五五").is_empty());
    }
}
