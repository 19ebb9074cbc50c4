//! The genre: what a title's words name, else what the opening says the text is.

use std::sync::LazyLock;

use crate::model::Genre;
use crate::pattern::Pattern;

/// The genre a title's words name.
pub(super) fn genre_of(text: &str) -> Option<Genre> {
    if text.contains("工作报告") {
        Some(Genre::Report)
    } else if ["讲话", "致辞", "讲稿", "主持词", "动员", "总结"]
        .iter()
        .any(|w| text.contains(w))
    {
        Some(Genre::Speech)
    } else if ["发言", "汇报", "表态"].iter().any(|w| text.contains(w)) {
        Some(Genre::Statement)
    } else if text.contains("报告") {
        Some(Genre::Report)
    } else {
        None
    }
}

/// 我代表国务院，向大会报告政府工作 / 我代表第十八届中央委员会向大会作报告 / 我代表国务院，
/// 作关于…的报告: a report made for an organ, whatever the page's title says or lacks.
static REPORTS_FOR_AN_ORGAN: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::lines(
        r"我(?:现在)?(?:代表|受)(?P<organ>[^，,。；;！!\n]{2}[^，,。；;！!\n]*?)(?:的)?(?:委托)?[，,]?\s*(?:向(?:大会|[^，,。；;！!\n]+?(?:会议|大会))[，,]?)?(?:报告|報告|作(?:[^了。；;！!\n][^。；;！!]*?)?(?:报告|報告))",
    )
    .expect("valid report pattern")
});

/// 现在，我就以此为题，向大会作政府工作报告 / 我现在根据国务院的决定，向…会议作政府工作报告:
/// the speaker reports to the meeting (作了 would be another's report, which speeches cite).
static REPORTS_TO_THE_MEETING: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::lines(
        r"我[^。；;！!？?\n]*?向(?:大会|[^，,。；;！!\n]{2}[^，,。；;！!\n]*?(?:会议|大会))[，,]?\s*(?:报告|報告|(?:作|提出)(?:[^了。；;！!\n][^。；;！!\n]*?)?(?:报告|報告))",
    )
    .expect("valid report pattern")
});

/// Whether the opening of the body says the text is a report (我代表…向大会报告工作).
pub(super) fn opens_as_a_report(opening: &str) -> bool {
    REPORTS_FOR_AN_ORGAN.is_match(opening) || REPORTS_TO_THE_MEETING.is_match(opening)
}

/// The organ a report in `opening` is made for: 国务院 in 我代表国务院，向大会报告政府工作.
pub(super) fn reporting_organ(opening: &str) -> Option<&str> {
    let c = REPORTS_FOR_AN_ORGAN.captures(opening)?;
    Some(c.name("organ")?.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_says_so_in_its_opening() {
        for opening in [
            "各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。",
            "同志们：\n现在，我代表第十四届中央委员会向大会作报告。",
            "现在，我代表国务院，作关于国民经济和社会发展五年计划的报告，请大会审议。",
            "我代表区政府向大会作工作报告，请予审议。",
            "受市人大常委会委托，我代表市人大常委会报告工作。",
            "我受十二届中央委员会委托，向大会作报告。",
            "現在，我代表中央人民政府作工作報告。",
            "我代表国务院，向第十届全国人民代表大会第一次会议报告过去五年的工作",
        ] {
            assert!(opens_as_a_report(opening), "{opening}");
        }
        assert!(opens_as_a_report(
            "现在，我就以此为题，向大会作政府工作报告，请予审议。"
        ));
        assert!(opens_as_a_report(
            "我受国务院的委托，现在向大会提出关于国民经济计划安排的报告，请予审议。"
        ));
        assert!(!opens_as_a_report("我代表市委，向大家表示感谢。"));
        // Another's report, cited in a speech.
        assert!(!opens_as_a_report(
            "刚才，我们听取了张明同志代表市政府向大会作了的工作报告。我完全同意。"
        ));
        assert!(!opens_as_a_report(
            "我代表市委，向大会作了工作报告的同志表示感谢。"
        ));
        assert!(!opens_as_a_report("我代表县人大常委会作表态发言。"));
    }
}
