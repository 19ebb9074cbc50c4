//! The cues of a speech's frame: the salutation that opens it, the announcement of its parts
//! (下面，我讲五点意见), the peroration that closes it and the appendix a publisher adds.

use std::ops::Range;
use std::sync::LazyLock;

use crate::lexicon_file;
use crate::pattern::Pattern;

use super::markers::{self, SENTENCE_ENDS};

/// Whom a speaker addresses: 同志们, 各位代表, 尊敬的各位领导 …
const ADDRESSEE: &str = r"(?:尊敬的)?(?:各位(?:老)?(?:领导|代表|委员|同志|来宾|嘉宾|朋友|同仁|专家|企业家)们?|同志们|代表们|委员们|朋友们|女士们|先生们|老同志们)";

/// An opening run of addressees, separated by 、 or commas, up to the punctuation after it.
static ADDRESS: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::bodies(&format!(r"^{ADDRESSEE}(?:[、，,]{ADDRESSEE})*"))
        .expect("the address pattern is valid")
});

/// Announcements of the number of parts: 讲五个方面意见, 讲四个问题, 谈三点体会, 从三个方面.
static ANNOUNCEMENT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::bodies(
        r"(讲|谈|说|提|强调|提出|交流|汇报|从)(?:以下|这样)?([一二三四五六七八九十两]+)(?:个方面|个问题|方面|点|条)",
    )
    .expect("the announcement pattern is valid")
});

/// The frame cues, one `role, words` line each (see its header).
const FRAME_TSV: &str = include_str!("../../data/frame.tsv");

/// The words of the frame cues of one role, in the order of the file.
fn frame_cues(role: &str) -> Vec<&'static str> {
    lexicon_file::content_lines(FRAME_TSV)
        .filter_map(|(_, line)| line.split_once('\t'))
        .filter(|(r, _)| *r == role)
        .map(|(_, words)| words)
        .collect()
}

/// Phrases that only a peroration uses.
static PERORATION: LazyLock<Vec<&str>> = LazyLock::new(|| frame_cues("phrase"));
/// Openings of a peroration's first sentence.
static PERORATION_OPENINGS: LazyLock<Vec<&str>> = LazyLock::new(|| frame_cues("opening"));
/// Headings of a conclusion: the closing starts with them.
static CONCLUSION_HEADINGS: LazyLock<Vec<&str>> = LazyLock::new(|| frame_cues("conclusion"));
/// Openings of what a publisher adds after a speech: glossaries, notes, attachments.
static APPENDIX: LazyLock<Vec<&str>> = LazyLock::new(|| frame_cues("appendix"));

/// Titles of what an editor adds after an article (编后, 编者按).
static AFTERWORDS: LazyLock<Vec<&str>> = LazyLock::new(|| frame_cues("afterword"));

/// Whether a piece opens an editor's afterword: the title alone on its line (【编后】 too) or
/// labelled (编后：…).
pub fn opens_afterword(piece: &str) -> bool {
    let s = piece.trim_start_matches(['【', '[', '〔']);
    AFTERWORDS.iter().any(|cue| {
        s.strip_prefix(cue).is_some_and(|rest| {
            let rest = rest.trim_start_matches(['】', ']', '〕']);
            rest.is_empty() || rest.starts_with(['：', ':'])
        })
    })
}

/// Longest appendix heading line, in characters (附件1：…, 名词解释).
const MAX_APPENDIX_HEADING: usize = 20;

/// The addressees that open `s` (各位代表、同志们), without the punctuation after them, when a
/// punctuation mark or the end of `s` follows.
pub fn address(s: &str) -> Option<Range<usize>> {
    let found = ADDRESS.find(s)?;
    let next = s[found.end()..].chars().next();
    let ends = matches!(
        next,
        None | Some('：' | ':' | '，' | ',' | '！' | '!' | '。' | '；')
    );
    ends.then(|| found.range())
}

/// The salutation among the first pieces: the addressees that open the first piece of prose
/// (or a short piece before it), as a byte range of `text`. In text whose line breaks were
/// stripped, the addressees may follow the title after a space.
pub fn salutation(text: &str, pieces: &[Range<usize>]) -> Option<Range<usize>> {
    for piece in pieces {
        let s = text.get(piece.clone())?;
        let lead = &s[..s.find(SENTENCE_ENDS).unwrap_or(s.len())];
        let openings = std::iter::once(0).chain(
            lead.char_indices()
                .filter(|(_, c)| c.is_whitespace())
                .map(|(i, c)| i + c.len_utf8()),
        );
        for at in openings {
            if let Some(found) = address(&s[at..]) {
                return Some(piece.start + at + found.start..piece.start + at + found.end);
            }
        }
        if s.contains(SENTENCE_ENDS) {
            return None;
        }
    }
    None
}

/// The number of parts announced in `region` of `text` (下面，我讲五个方面意见 → 5), with the
/// byte range of the announcement: the last one that is the speaker's own: 讲/谈 with a count
/// (讲五点意见), or another verb in a sentence in the first person (我 but not 我们, or 下面).
pub fn announcement(text: &str, region: &Range<usize>) -> Option<(u32, Range<usize>)> {
    let s = text.get(region.clone())?;
    let mut found = None;
    // One search of the region: no match crosses a sentence end, which the pattern never holds.
    for m in ANNOUNCEMENT.captures_iter(s) {
        let (Some(all), Some(verb), Some(count)) = (m.get(0), m.get(1), m.get(2)) else {
            continue;
        };
        let spoken =
            matches!(verb.as_str(), "讲" | "谈") || first_person(sentence_around(s, all.range()));
        match markers::count_numeral(count.as_str()) {
            Some((n, len)) if spoken && len == count.len() => {
                found = Some((n, region.start + all.start()..region.start + all.end()));
            }
            _ => {}
        }
    }
    found
}

/// The sentence of `s` that holds `range`, with the end that closes it.
fn sentence_around(s: &str, range: Range<usize>) -> &str {
    let before = s.get(..range.start).unwrap_or_default();
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| SENTENCE_ENDS.contains(&c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let after = s.get(range.end..).unwrap_or_default();
    let end = after
        .char_indices()
        .find(|&(_, c)| SENTENCE_ENDS.contains(&c))
        .map_or(s.len(), |(i, c)| range.end + i + c.len_utf8());
    s.get(start..end).unwrap_or_default()
}

fn first_person(sentence: &str) -> bool {
    sentence.contains("下面")
        || sentence
            .match_indices('我')
            .any(|(i, m)| !sentence[i + m.len()..].starts_with('们'))
}

/// Whether a piece belongs to a peroration: it opens with an address (同志们，…) or its last
/// sentence uses a phrase that only perorations use (让我们…而努力奋斗, 汇报完毕). A phrase
/// earlier in a piece (…为全市发展作出更大贡献。要…) is part of the argument.
pub fn is_peroration(s: &str) -> bool {
    if address(s).is_some() {
        return true;
    }
    let last = last_sentence(s);
    PERORATION.iter().any(|p| last.contains(p))
}

/// The last sentence of `s`, its end punctuation included.
fn last_sentence(s: &str) -> &str {
    let body = s.trim_end().trim_end_matches(SENTENCE_ENDS);
    let start = body.rfind(SENTENCE_ENDS).map_or(0, |i| {
        i + body[i..].chars().next().map_or(0, char::len_utf8)
    });
    &s[start..]
}

/// Whether a piece is the heading of a conclusion (结束语), alone on its line.
pub fn is_conclusion_heading(s: &str) -> bool {
    let words = s.trim_end_matches(['：', ':']);
    CONCLUSION_HEADINGS.contains(&words)
}

/// Whether a piece opens a numbered part of an outline (一、, （一）, 1., （1））: a closing
/// never holds one.
pub fn opens_numbered_part(s: &str) -> bool {
    markers::marker_at(s, 0).is_some_and(|m| m.family.is_outline())
}

/// Whether a piece is a heading alone: its text ends no sentence, so its part's text follows.
pub fn is_bare_heading(s: &str) -> bool {
    !s.contains(SENTENCE_ENDS)
}

/// A Party committee's pledge of support (市委将一如既往地支持…), which speeches by Party
/// secretaries put between the last part and the peroration: the committee, then one of these.
const PLEDGE_VERBS: &[&str] = &["将", "也将", "会继续"];

/// Whether one of the first sentences of a piece is a Party committee's pledge of support.
pub fn is_pledge(s: &str) -> bool {
    let opening: String = s
        .split_inclusive(SENTENCE_ENDS)
        .take(PLEDGE_SENTENCES)
        .collect();
    opening.match_indices('委').any(|(i, committee)| {
        opening[..i].ends_with(['省', '市', '县', '区', '州', '旗', '党'])
            && PLEDGE_VERBS
                .iter()
                .any(|verb| opening[i + committee.len()..].starts_with(verb))
    })
}

/// Sentences of a piece looked at for a pledge.
const PLEDGE_SENTENCES: usize = 2;

/// Whether a sentence opens a peroration (in text whose line breaks were stripped).
pub fn opens_peroration(sentence: &str) -> bool {
    address(sentence).is_some() || PERORATION_OPENINGS.iter().any(|p| sentence.starts_with(p))
}

/// Whether a piece opens an appendix: a short heading (名词解释, 附件1) or a note (注：…).
pub fn opens_appendix(s: &str) -> bool {
    let Some(cue) = APPENDIX.iter().find(|c| s.starts_with(*c)) else {
        return false;
    };
    let short = s.chars().count() <= MAX_APPENDIX_HEADING && !s.contains(SENTENCE_ENDS);
    let labelled =
        s[cue.len()..].starts_with(['：', ':', '】', ']']) || cue.ends_with(['：', ':', '】', ']']);
    short || labelled
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_frame_cues_has_a_known_role() {
        let roles = ["phrase", "opening", "conclusion", "appendix", "afterword"];
        for (number, line) in lexicon_file::content_lines(FRAME_TSV) {
            let role = line.split_once('\t').map(|(role, _)| role);
            assert!(
                role.is_some_and(|r| roles.contains(&r)),
                "data/frame.tsv:{number}: {line}"
            );
        }
        assert!(!PERORATION.is_empty() && !APPENDIX.is_empty() && !CONCLUSION_HEADINGS.is_empty());
    }

    #[test]
    fn addresses_open_a_speech() {
        let at = |s: &'static str| address(s).map(|r| &s[r]);
        assert_eq!(at("同志们，今天召开会议"), Some("同志们"));
        assert_eq!(
            at("各位领导、各位代表、同志们:"),
            Some("各位领导、各位代表、同志们")
        );
        assert_eq!(at("各位代表,同志们!历史的画卷"), Some("各位代表,同志们"));
        assert_eq!(at("尊敬的各位来宾"), Some("尊敬的各位来宾"));
        assert_eq!(at("各位代表要珍惜党和人民的信任"), None);
        assert_eq!(at("同志们的发言很好"), None);
    }

    #[test]
    fn the_salutation_is_in_the_first_prose() {
        let lines = |t: &str| -> Vec<Range<usize>> {
            crate::parse::layout::lines(t)
                .into_iter()
                .map(|l| l.range)
                .collect()
        };
        let text = "讲话标题\n同志们：\n今天开会。";
        assert_eq!(
            salutation(text, &lines(text)).map(|r| &text[r]),
            Some("同志们")
        );
        let later = "今天开会。\n同志们，要努力。";
        assert_eq!(salutation(later, &lines(later)), None);
        let run_in = "讲话标题 各位代表，同志们：今天开会。";
        assert_eq!(
            salutation(run_in, &lines(run_in)).map(|r| &run_in[r]),
            Some("各位代表，同志们")
        );
    }

    #[test]
    fn announcements_count_the_parts() {
        let count = |s: &str| announcement(s, &(0..s.len())).map(|a| a.0);
        assert_eq!(count("下面，我讲五个方面意见。"), Some(5));
        assert_eq!(
            count("借此机会，我就进一步加强人大工作讲五点意见。"),
            Some(5)
        );
        assert_eq!(count("我想从三个方面谈谈体会。"), Some(3));
        assert_eq!(count("下面，我讲两个问题。"), Some(2));
        assert_eq!(
            count("总书记从六个方面作出部署，新时代我们党推进制度建设。"),
            None
        );
        assert_eq!(count("下面，我讲几点意见。"), None);
        assert_eq!(count("借此机会，讲三点意见。"), Some(3));
        assert_eq!(count("省委提出三点要求。"), None);
        assert_eq!(count("总书记讲了三点意见。"), None);
    }

    /// The announcement as a search of each sentence in turn finds it.
    fn announcement_by_sentences(s: &str) -> Option<(u32, Range<usize>)> {
        let mut found = None;
        let mut sentence_start = 0;
        for end in s
            .match_indices(SENTENCE_ENDS)
            .map(|(i, m)| i + m.len())
            .chain([s.len()])
        {
            let sentence = &s[sentence_start..end];
            for m in ANNOUNCEMENT.captures_iter(sentence) {
                let (Some(all), Some(verb), Some(count)) = (m.get(0), m.get(1), m.get(2)) else {
                    continue;
                };
                let spoken = matches!(verb.as_str(), "讲" | "谈") || first_person(sentence);
                if let Some((n, len)) = markers::count_numeral(count.as_str()) {
                    if spoken && len == count.len() {
                        let at = sentence_start;
                        found = Some((n, at + all.start()..at + all.end()));
                    }
                }
            }
            sentence_start = end;
        }
        found
    }

    proptest::proptest! {
        #[test]
        fn announcements_are_those_of_each_sentence(
            pieces in proptest::collection::vec(
                proptest::sample::select(&["我", "我们", "下面", "讲", "提出", "从", "三", "五", "两", "个方面", "点", "意见", "。", "！", "，", "同志们"][..]),
                0..24,
            ),
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(
                announcement(&text, &(0..text.len())),
                announcement_by_sentences(&text)
            );
        }
    }

    #[test]
    fn perorations_and_appendices() {
        assert!(is_peroration("同志们，新的征程已经开启。"));
        assert!(is_peroration("人大工作大有可为。让我们携手奋进！"));
        assert!(is_peroration("汇报完毕。"));
        assert!(!is_peroration("要加强代表工作。"));
        assert!(!is_peroration("为全市发展作出更大贡献。要加强代表工作。"));
        assert!(is_peroration(
            "新的一年任务繁重。让我们为实现目标而努力奋斗！"
        ));
        assert!(is_pledge(
            "人大工作十分重要。市委将一如既往地支持人大工作。各级党委要重视。"
        ));
        assert!(!is_pledge("要加强监督。要加强立法。最后市委将研究。"));
        assert!(is_conclusion_heading("结束语"));
        assert!(!is_conclusion_heading("结束语中提到的各项任务要落实。"));
        assert!(opens_numbered_part("（九）加快行政管理体制改革"));
        assert!(!opens_numbered_part("各位代表！"));
        assert!(opens_appendix("名词解释"));
        assert!(opens_appendix("附件1：重点工作清单"));
        assert!(opens_appendix("注：文中数据为初步统计。"));
        assert!(!opens_appendix(
            "附件中提到的各项工作要抓好落实，确保取得实效。"
        ));
    }
}
