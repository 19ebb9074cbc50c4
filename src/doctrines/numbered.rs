//! Numbered formulations that no lexicon can list: a county's “1264”, a city's “四城四区”,
//! “三为”, “一老一小一青壮”. They are recognised by their shape when the speaker quotes them,
//! and told apart from ordinary counting (五个方面, 一个国家, 三个百分点).

use crate::text::is_han;

/// Numerals that open a numbered formulation (双 as in 双联系, 双减).
fn is_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '双'
    )
}

/// Measure words and units: a numeral followed by one of these counts things (三次, 五年,
/// 两大高地, 十八连丰) rather than naming a formulation.
const UNITS: &str =
    "个年月日天周次位名件项条点类种批轮届期级倍成元角万亿人家户所座处套份本部大连岁分秒米里斤亩吨";

/// Nouns that a numeral plus 个 counts in ordinary prose (五个方面, 一个国家, 三个百分点).
const COUNTED: &[&str] = &[
    "方面",
    "百分点",
    "国家",
    "月",
    "年",
    "小时",
    "人",
    "单位",
    "部门",
    "地方",
    "问题",
    "环节",
    "层次",
    "阶段",
    "地区",
    "省",
    "市",
    "县",
    "乡",
    "镇",
    "村",
    "项目",
    "重点",
    "步骤",
    "案例",
    "星期",
    "季度",
    "多",
    "以上",
    "左右",
    "亿",
    "万",
    "字",
    "点",
    "代表",
    "同志",
];

/// What follows a quoted name that makes it a problem, a local practice, a service or a title,
/// not a cited formulation (“一人一委”问题, “三安”品牌, “一网二议三转四督”工作模式,
/// “12345”热线, “00”号公路, “两院”院士, “五四”运动).
const NOT_CITED_AFTER: &[&str] = &[
    "问题",
    "现象",
    "品牌",
    "模式",
    "工作模式",
    "工作法",
    "做法",
    "热线",
    "专线",
    "电话",
    "号",
    "院士",
    "运动",
];

/// Idioms and set phrases written with numerals: quoted for effect, they cite nothing.
const IDIOMS: &[&str] = &[
    "三皇五帝",
    "三心二意",
    "七上八下",
    "五湖四海",
    "四面八方",
    "一心一意",
    "千方百计",
    "一五一十",
    "三番五次",
    "七嘴八舌",
    "千军万马",
    "千山万水",
    "万水千山",
    "千家万户",
    "千辛万苦",
    "千变万化",
    "千差万别",
    "千丝万缕",
    "万紫千红",
    "一干二净",
    "一清二楚",
    "三三两两",
    "三言两语",
    "三长两短",
    "四平八稳",
    "五花八门",
    "七零八落",
    "九牛一毛",
    "一朝一夕",
    "一草一木",
    "一言一行",
    "一举一动",
    "一点一滴",
    "一砖一瓦",
    "一针一线",
    "一丝一毫",
    "一时一事",
    "一生一世",
    "十全十美",
    "百战百胜",
    "百发百中",
    "千锤百炼",
    "千秋万代",
    "三头六臂",
    "三令五申",
    "四分五裂",
    "五颜六色",
    "七手八脚",
    "九死一生",
    "十拿九稳",
    "一石二鸟",
    "一箭双雕",
    "一穷二白",
    "一年一度",
    "万众一心",
    "一呼百应",
    "一本万利",
    "百折千回",
    "千言万语",
    "千头万绪",
    "千呼万唤",
    "三五成群",
    "五光十色",
    "十万八千",
    "一来二去",
    "一唱一和",
    "一张一弛",
    "一上一下",
    "一前一后",
    "一左一右",
    "一问一答",
    "双管齐下",
    "两面三刀",
    "八面玲珑",
    "一模一样",
    "一字一句",
];

/// Words that end a count of results, not a formulation: “双下降”, “三下降”, “双缩减”,
/// “六个明显下降”, “十个全国第一”.
const RESULT_ENDINGS: &[&str] = &[
    "下降", "增长", "缩减", "提升", "翻番", "减少", "上升", "降低", "提高", "第一", "倍增",
];

/// What one numeral and one character name as an institution or a grade, not a formulation:
/// “两院”院士, 村“两委”, “两会”, “三甲”医院.
const INSTITUTION_TAILS: &[&str] = &["院", "委", "会", "甲"];

/// Whether quoted `inner`, followed in the text by `after`, is a numbered formulation: a code
/// (“1264”), or a number word with a short noun phrase (“四个意识”, “三会一课”, “六稳”) that
/// is neither an idiom, nor a count of results, nor an institution.
pub fn is_numbered_formulation(inner: &str, after: &str) -> bool {
    // The shape first: most quotations are no numbered formulation, and are refused there,
    // most of them by their first character.
    if !inner.chars().next().is_some_and(opens_number) {
        return false;
    }
    let shaped =
        is_code(inner) || is_counted_list(inner) || is_enumeration(inner) || is_abbreviation(inner);
    shaped
        && !NOT_CITED_AFTER.iter().any(|w| after.starts_with(w))
        && !IDIOMS.contains(&inner)
        && !RESULT_ENDINGS.iter().any(|w| inner.ends_with(w))
        && !inner.ends_with("运动")
}

/// Whether `c` can open a numbered formulation: a numeral, or a figure of a code (1264, N+1).
fn opens_number(c: char) -> bool {
    is_numeral(c) || c.is_ascii_digit() || ('０'..='９').contains(&c) || c == 'N'
}

/// A number standing for a plan: “1264”, “1+N”, “3+2”. Years (“2035”), two digits (“21”) and
/// what starts with 0 (“00”) are not.
fn is_code(inner: &str) -> bool {
    let digits: String = inner
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '＋' => '+',
            _ => c,
        })
        .collect();
    let plain = digits.chars().all(|c| c.is_ascii_digit());
    let len = digits.chars().count();
    if plain {
        let year = len == 4 && (digits.starts_with("19") || digits.starts_with("20"));
        return (3..=6).contains(&len) && !year && !digits.starts_with('0');
    }
    // 1+N, 1+3+N: digits (or N) joined by +.
    len <= 12
        && digits.contains('+')
        && digits
            .split('+')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit() || c == 'N'))
}

/// “四个意识”, “六个必须坚持”, “四个要看、四个更要看”: numeral + 个 + what is counted,
/// possibly several joined by 、. One “一个…” alone is an article, not a count (“一个资产阶级”):
/// it takes a list (“一个中心、两个基本点”).
fn is_counted_list(inner: &str) -> bool {
    if !inner.contains(['、', '，', ',']) && inner.starts_with("一个") {
        return false;
    }
    inner.split(['、', '，', ',']).all(|part| {
        let rest = part.trim_start_matches(is_numeral);
        let numerals = part.len() - rest.len();
        let Some(noun) = rest.strip_prefix('个') else {
            return false;
        };
        let noun_len = noun.chars().count();
        numerals > 0
            && (1..=8).contains(&noun_len)
            && noun.chars().all(is_han)
            && !COUNTED.iter().any(|c| noun.starts_with(c))
    })
}

/// Groups of numeral + one to three characters: “一府一委两院”, “三会一课”, “四城四区”.
fn is_enumeration(inner: &str) -> bool {
    let groups = numeral_groups(inner);
    groups.as_ref().is_some_and(|g| {
        (2..=6).contains(&g.len())
            && g.iter().all(|&(_, tail)| {
                (1..=3).contains(&tail.chars().count()) && !starts_with_unit(tail)
            })
    })
}

/// One numeral and one or two characters: “六稳”, “三为”, “双减”. Not 一 alone: 一盘棋,
/// 一把手, 一站式 are words; not a number written with 十 (“十四冬” is a games), nor an
/// institution (“两院”, “两委”, “两会”); an event (“五四运动”) is refused before.
fn is_abbreviation(inner: &str) -> bool {
    match numeral_groups(inner).as_deref() {
        Some([(numerals, tail)]) => {
            let figures = numerals.chars().count();
            *numerals != "一"
                && (figures == 1 || (figures == 2 && !numerals.contains('十')))
                && (1..=2).contains(&tail.chars().count())
                && !starts_with_unit(tail)
                && !INSTITUTION_TAILS.contains(tail)
        }
        _ => false,
    }
}

/// Units of more than one character, whose first character alone is no unit (三公 is a
/// formulation, 三公里 a distance).
const LONG_UNITS: &[&str] = &["公里", "公斤", "公顷", "平方", "立方", "角钱"];

fn starts_with_unit(tail: &str) -> bool {
    tail.chars().next().is_some_and(|c| UNITS.contains(c))
        || LONG_UNITS.iter().any(|u| tail.starts_with(u))
}

/// Splits a text that starts with a numeral into (numerals, following characters) groups;
/// `None` when it does not start with a numeral or holds anything but Chinese characters.
fn numeral_groups(inner: &str) -> Option<Vec<(&str, &str)>> {
    if !inner.chars().next().is_some_and(is_numeral) || !inner.chars().all(is_han) {
        return None;
    }
    let mut groups = Vec::new();
    let mut rest = inner;
    while !rest.is_empty() {
        let tail_start = rest
            .char_indices()
            .find(|&(_, c)| !is_numeral(c))
            .map_or(rest.len(), |(i, _)| i);
        let (numerals, after) = rest.split_at(tail_start);
        let tail_end = after
            .char_indices()
            .find(|&(_, c)| is_numeral(c))
            .map_or(after.len(), |(i, _)| i);
        let (tail, next) = after.split_at(tail_end);
        groups.push((numerals, tail));
        rest = next;
    }
    Some(groups)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_formulations() {
        for inner in [
            "四个意识",
            "六个必须坚持",
            "四个要看、四个更要看",
            "八个能否",
            "一府一委两院",
            "三会一课",
            "四城四区",
            "一老一小一青壮",
            "一山三治",
            "六稳",
            "三为",
            "双减",
            "1264",
            "１２６４",
            "1+N",
        ] {
            assert!(is_numbered_formulation(inner, ""), "{inner}");
        }
    }

    #[test]
    fn ordinary_counting_is_not_a_formulation() {
        for inner in [
            "五个方面",
            "一个国家",
            "三个百分点",
            "两大高地",
            "十八连丰",
            "三次",
            "五年",
            "2035",
            "1",
            "一盘棋",
            "一把手",
            "金点子",
            "温度",
            "干",
            "周一学堂",
            "最后一米",
        ] {
            assert!(!is_numbered_formulation(inner, ""), "{inner}");
        }
    }

    #[test]
    fn idioms_articles_results_institutions_and_bare_numbers_are_not_formulations() {
        for inner in [
            "三皇五帝",
            "一穷二白",
            "七上八下",
            "一个资产阶级",
            "一个好班子",
            "双下降",
            "三下降",
            "六个明显下降",
            "十个全国第一",
            "两院",
            "两委",
            "两会",
            "三甲",
            "十四冬",
            "三公里",
            "三角债",
            "00",
            "21",
            "０７",
            "五四运动",
        ] {
            assert!(!is_numbered_formulation(inner, ""), "{inner}");
        }
        for (inner, after) in [
            ("12345", "热线"),
            ("00", "号公路"),
            ("两院", "院士"),
            ("五四", "运动"),
        ] {
            assert!(!is_numbered_formulation(inner, after), "{inner}{after}");
        }
        for inner in [
            "一个中心、两个基本点",
            "双一流",
            "三公",
            "863",
            "双百工程",
            "三去一降一补",
            "八八战略",
            "三八作风",
        ] {
            assert!(is_numbered_formulation(inner, ""), "{inner}");
        }
    }

    #[test]
    fn problems_brands_and_local_practices_are_not_cited() {
        assert!(!is_numbered_formulation("一人一委", "问题。"));
        assert!(!is_numbered_formulation("三安", "品牌"));
        assert!(!is_numbered_formulation("一网二议三转四督", "工作模式"));
        assert!(is_numbered_formulation("1264", "总体工作思路"));
    }
}
