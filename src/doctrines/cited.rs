//! What a marked passage cites: a 《title》 is a law or a publication; a quoted passage is a
//! numbered formulation, a leader's words, a regulation named in quotes, or mere rhetoric
//! (“金点子”, “温度”), which cites nothing.

use crate::bounded::Bounded;
use crate::text::is_han;

use crate::pattern::Pattern;

use super::numbered;
use crate::model::DoctrineKind;

/// What a marked passage was found to cite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The canonical name: the passage without quotation marks or trailing punctuation.
    pub name: String,
    /// Its kind.
    pub kind: DoctrineKind,
    /// For quotations: who is quoted.
    pub attribution: Option<String>,
    /// Bytes to drop from the end of the passage (the 。 that closes a quoted sentence).
    pub trim_end: usize,
}

/// Periodicals cited by their title alone.
const PERIODICALS: &[&str] = &[
    "求是",
    "人民日报",
    "光明日报",
    "经济日报",
    "学习时报",
    "中国人大",
    "人民之友",
    "党建",
    "红旗文稿",
    "新华每日电讯",
    "法治日报",
    "检察日报",
    "人民法院报",
    "中国纪检监察报",
    "人民论坛",
    "紫光阁",
];

/// Endings of titles of periodicals.
const PERIODICAL_ENDINGS: &[&str] = &["日报", "晚报", "时报", "杂志", "周刊", "月刊", "学报"];

/// Endings of titles of laws, regulations, decisions and policy documents.
const LAW_ENDINGS: &[&str] = &[
    "法", "法典", "条例", "决定", "决议", "规定", "办法", "细则", "规则", "章程", "准则", "意见",
    "纲要", "规划", "方案", "通知", "公报", "建议", "措施", "协定", "条约",
];

/// What a draft's title ends with after its proper ending (《…规划纲要（草案）》).
const DRAFT_SUFFIXES: &[&str] = &[
    "（草案）",
    "(草案)",
    "草案",
    "（修正案）",
    "(修正案)",
    "修正案",
];

/// Kinds of works of art and shows named before or after their 《titles》 (电视剧《…》,
/// 《…》《…》等精品剧目): a title among them names a work, not a citation.
const WORKS: &[&str] = &[
    "电影",
    "影片",
    "剧",
    "纪录片",
    "动画",
    "歌曲",
    "舞蹈",
    "晚会",
    "栏目",
    "节目",
    "综艺",
    "专辑",
    "展览",
    "游戏",
    "作品",
    "剧目",
    "影视",
    "文艺",
];

/// Endings that name a regulation even in quotation marks (“养老服务条例”). A bare 法 does not:
/// “科学立法” and “依法” are not laws.
const QUOTED_LAW_ENDINGS: &[&str] = &[
    "条例", "规定", "办法", "细则", "规则", "决定", "决议", "法典",
];

/// Endings of speech titles (《在中央人大工作会议上的讲话》).
const SPEECH_ENDINGS: &[&str] = &["讲话", "发言", "致辞", "报告", "演讲", "重要讲话"];

/// A leader, then optionally a verb of saying, right before the quotation mark:
/// 习近平总书记讲过：“…”, 总书记在…时强调，“…”, 总书记强调，要“…”, 习近平总书记“创新为要”的重要指示.
/// At most 40 characters between the leader and the verb.
static LEADER_BEFORE_QUOTE: Bounded = Bounded::new(
    || leader_before_quote("*?"),
    || leader_before_quote("{0,40}?"),
    &[("gap", 40)],
);

/// Every match of [`LEADER_BEFORE_QUOTE`] holds one of these.
const LEADER_NAMES: &[&str] = &["总书记", "习近平", "毛泽东", "邓小平", "江泽民", "胡锦涛"];

fn leader_before_quote(gap: &str) -> Pattern {
    Pattern::bodies(&format!(
        concat!(
            r"(习近平总书记|习近平主席|习近平同志|总书记|习近平|(?:毛泽东|邓小平|江泽民|胡锦涛)(?:同志)?)",
            r"(?:(?P<gap>[^。！？；“”\x22]{gap})(?:指出|强调|讲过|说过|讲|说|要求|提出|指示|告诫|寄语|号召|阐述|阐明|批示|回信中写道|写道|重申|嘱托|嘱咐|勉励|所说|所言))?",
            // 强调，要“…”: the modal opens the quoted sentence.
            r"[：:，,]?\s*(?:要|必须|就是要|一定要)?\s*$"
        ),
        gap = gap
    ))
    .unwrap_or_else(|_| Pattern::lines(r"[^\s\S]").unwrap_or_else(|_| unreachable!()))
}

/// Quotation marks and title marks are not part of a name.
pub fn strip_marks(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !matches!(
                c,
                '“' | '”'
                    | '"'
                    | '＂'
                    | '‘'
                    | '’'
                    | '「'
                    | '」'
                    | '『'
                    | '』'
                    | '《'
                    | '》'
                    | '〈'
                    | '〉'
            )
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Classifies the text of a 《title》.
pub fn title(inner: &str) -> Option<Citation> {
    let name = strip_marks(inner);
    if name.chars().count() < 2
        || name.chars().count() > 80
        || name.contains("...")
        || name.contains('…')
    {
        return None;
    }
    let kind = if PERIODICALS.contains(&name.as_str())
        || PERIODICAL_ENDINGS.iter().any(|e| name.ends_with(e))
        || (name.starts_with('在') && SPEECH_ENDINGS.iter().any(|e| name.ends_with(e)))
    {
        DoctrineKind::Publication
    } else if LAW_ENDINGS.iter().any(|e| {
        let proper = DRAFT_SUFFIXES
            .iter()
            .find_map(|d| name.strip_suffix(d))
            .unwrap_or(&name);
        proper.ends_with(e)
    }) {
        DoctrineKind::Law
    } else {
        DoctrineKind::Publication
    };
    Some(Citation {
        name,
        kind,
        attribution: None,
        trim_end: 0,
    })
}

/// Whether a 《title》, with `before` the text before its opening mark and `after` the text after
/// its closing one, names a work of art or a show (电视剧《…》, 话剧《…》《…》, 《…》《…》等
/// 一批精品剧目) rather than a text the speaker cites.
pub fn is_work_of_art(before: &str, after: &str) -> bool {
    let before = strip_titles_back(before);
    if WORKS.iter().any(|w| before.ends_with(w)) {
        return true;
    }
    let after = strip_titles_forward(after);
    if WORKS.iter().any(|w| after.starts_with(w)) {
        return true;
    }
    // 《…》等一批精品剧目, 《…》等3部纪录片: a few characters after 等.
    after.strip_prefix('等').is_some_and(|rest| {
        let near: String = rest.chars().take(8).collect();
        WORKS.iter().any(|w| near.contains(w))
    })
}

/// `text` without the titles and separators it ends with (《张骞》《本巴》、).
fn strip_titles_back(mut text: &str) -> &str {
    loop {
        let trimmed = text.trim_end_matches(['、', '，', ' ']);
        match trimmed
            .strip_suffix('》')
            .and_then(|t| t.rfind('《').map(|i| &t[..i]))
        {
            Some(rest) => text = rest,
            None => return trimmed,
        }
    }
}

/// `text` without the titles and separators it starts with.
fn strip_titles_forward(mut text: &str) -> &str {
    loop {
        let trimmed = text.trim_start_matches(['、', '，', ' ']);
        match trimmed
            .strip_prefix('《')
            .and_then(|t| t.find('》').map(|i| &t[i + '》'.len_utf8()..]))
        {
            Some(rest) => text = rest,
            None => return trimmed,
        }
    }
}

/// Classifies a quoted passage from what it says, the sentence before it (`before`) and the
/// text after its closing mark (`after`).
pub fn quote(inner: &str, before: &str, after: &str) -> Option<Citation> {
    let trimmed = inner.trim_end_matches(['。', '！', '？', '，', '、', '；', '.', '!', '?']);
    let trim_end = inner.len() - trimmed.len();
    let name = strip_marks(trimmed);
    if name.is_empty() {
        return None;
    }
    if numbered::is_numbered_formulation(&name, after) {
        return Some(Citation {
            name,
            kind: DoctrineKind::Formulation,
            attribution: None,
            trim_end,
        });
    }
    let chars = name.chars().count();
    if chars >= 4 && name.chars().any(is_han) {
        if let Some(leader) = leader_before(before) {
            return Some(Citation {
                name,
                kind: DoctrineKind::Quote,
                attribution: Some(leader),
                trim_end,
            });
        }
    }
    if chars >= 4 && QUOTED_LAW_ENDINGS.iter().any(|e| name.ends_with(e)) {
        return Some(Citation {
            name,
            kind: DoctrineKind::Law,
            attribution: None,
            trim_end,
        });
    }
    None
}

/// The leader whose words follow, when the current clause ends by introducing them.
fn leader_before(before: &str) -> Option<String> {
    // Only the current sentence can introduce the quotation.
    let sentence = before
        .rfind(['。', '！', '？', '；'])
        .and_then(|i| before.get(i..))
        .map(|s| s.trim_start_matches(['。', '！', '？', '；']))
        .unwrap_or(before);
    if !LEADER_NAMES.iter().any(|leader| sentence.contains(leader)) {
        return None;
    }
    let captures = LEADER_BEFORE_QUOTE.captures(sentence)?;
    captures.get(1).map(|m| m.as_str().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_laws_or_publications() {
        let kind = |t| title(t).map(|c| c.kind);
        assert_eq!(kind("全国人民代表大会组织法"), Some(DoctrineKind::Law));
        assert_eq!(kind("平顶山市优化营商环境条例"), Some(DoctrineKind::Law));
        assert_eq!(kind("关于加强经济工作监督的决定"), Some(DoctrineKind::Law));
        assert_eq!(kind("求是"), Some(DoctrineKind::Publication));
        assert_eq!(kind("人民日报"), Some(DoctrineKind::Publication));
        assert_eq!(
            kind("在中央人大工作会议上的讲话"),
            Some(DoctrineKind::Publication)
        );
        assert_eq!(kind("习近平谈治国理政"), Some(DoctrineKind::Publication));
        assert_eq!(kind("平顶山市机动车停..."), None);
        assert_eq!(
            title("“十四五”规划纲要").map(|c| c.name),
            Some("十四五规划纲要".into())
        );
    }

    #[test]
    fn leaders_words() {
        let c = quote(
            "在政治制度模式上，我们就是要咬定青山不放松、任尔东西南北风。",
            "习近平总书记讲过：",
            "",
        )
        .unwrap();
        assert_eq!(c.kind, DoctrineKind::Quote);
        assert_eq!(c.attribution.as_deref(), Some("习近平总书记"));
        assert_eq!(
            c.name,
            "在政治制度模式上，我们就是要咬定青山不放松、任尔东西南北风"
        );
        assert_eq!(c.trim_end, "。".len());
        let c = quote("创新为要", "就是要按照习近平总书记", "的重要指示").unwrap();
        assert_eq!(c.kind, DoctrineKind::Quote);
        let c = quote("人民是阅卷人", "总书记在会上强调，", "").unwrap();
        assert_eq!(c.attribution.as_deref(), Some("总书记"));
        let c = quote(
            "用好宪法赋予人大的监督权，实行正确监督、有效监督、依法监督",
            "习近平总书记在中央人大工作会议上强调，要",
            "。",
        )
        .unwrap();
        assert_eq!(c.attribution.as_deref(), Some("习近平总书记"));
    }

    #[test]
    fn works_of_art_are_no_citations() {
        assert!(is_work_of_art("推出电视剧", "热播"));
        assert!(is_work_of_art("话剧《右岸》", "、歌曲《山歌》等获奖"));
        assert!(is_work_of_art("推出《甲》《乙》", "《丙》等一批精品剧目"));
        assert!(is_work_of_art("", "等3部纪录片获奖"));
        assert!(!is_work_of_art("认真学习", "，深刻领会"));
        assert!(!is_work_of_art("第5期", "杂志发表"));
        assert_eq!(
            title("河北省国民经济和社会发展第十五个五年规划纲要（草案）").map(|c| c.kind),
            Some(DoctrineKind::Law)
        );
        assert_eq!(
            title("中共中央关于制定国民经济和社会发展第十五个五年规划的建议").map(|c| c.kind),
            Some(DoctrineKind::Law)
        );
    }

    #[test]
    fn rhetoric_cites_nothing() {
        assert_eq!(quote("金点子", "汇聚更多", ""), None);
        assert_eq!(quote("温度", "让发展实绩更有", ""), None);
        assert_eq!(quote("代表进社区", "定期开展", "等活动"), None);
        // The leader's clause ended: the quotation is the speaker's own.
        assert_eq!(quote("小切口", "习近平总书记指出。要找准", ""), None);
        assert_eq!(
            quote(
                "咬定青山",
                "习近平总书记强调评价一个国家政治制度是不是民主的、有效的",
                ""
            ),
            None
        );
    }

    #[test]
    fn regulations_named_in_quotes() {
        assert_eq!(
            quote("养老服务条例", "围绕", "").map(|c| c.kind),
            Some(DoctrineKind::Law)
        );
        assert_eq!(quote("科学立法", "坚持", ""), None);
    }
}
