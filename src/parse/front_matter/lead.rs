//! A news story's lead: 全国人大常委会委员长赵乐平8日在十五届全国人大二次会议第二次全体会议上作
//! 全国人大常委会工作报告. Wire copy names the speaker, the day and the occasion there, and
//! nowhere else.

use std::sync::LazyLock;

use super::{clean_value, Page};
use crate::model::{FrontMatterKind, PartialDate, Speaker};
use crate::parse::dates;
use crate::parse::front_lines::ROLE_ENDINGS;
use crate::pattern::Pattern;

/// How much of the body's opening a lead is looked for in (bytes).
const LEAD_BYTES: usize = 600;

/// What a lead says.
pub(super) struct Lead {
    pub(super) speaker: Speaker,
    pub(super) occasion: String,
    /// The day of the speech, from the lead or its dateline, when either names it.
    pub(super) date: Option<PartialDate>,
}

/// An office, a name, a day, the meeting and the speech: (office)(name)(8日)(在…上|向…)(作|发表)….
static LEAD: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::lines(&format!(
        r"(?P<role>[\p{{Han}}、]*?(?:{ROLE_ENDINGS}))(?P<name>\p{{Han}}{{2,3}}|\p{{Han}}{{1,6}}·\p{{Han}}{{1,10}})(?:(?:[0-9０-９]{{1,2}}|[一二三四五六七八九十]{{1,3}})月)?(?:[0-9０-９]{{1,2}}|[一二三四五六七八九十]{{1,3}})日(?:上午|下午|晚上|晚)?(?:在|向)(?P<occ>[^，,。；;！!\n]{{4}}[^，,。；;！!\n]*?(?:会议|大会|座谈会|论坛|开幕式|闭幕式|开幕会|闭幕会|全体会议))(?:上)?(?:作|发表)[^，,。；;\n]*?(?:报告|讲话|致辞|说明|发言)"
    ))
    .expect("valid lead pattern")
});

impl Page<'_> {
    /// The lead of a story: its first sentences, after a wire dateline.
    pub(super) fn lead(&self, opening: &str) -> Option<Lead> {
        let head = first_bytes(opening, LEAD_BYTES);
        let c = LEAD.captures(head)?;
        let speaker = Speaker {
            name: Some(clean_value(c.name("name")?.as_str())),
            role: Some(clean_value(c.name("role")?.as_str())),
        };
        Some(Lead {
            speaker,
            occasion: clean_value(c.name("occ")?.as_str()),
            date: self.dateline_day(),
        })
    }

    /// The month and day of the story's wire dateline (新华社北京3月8日电).
    fn dateline_day(&self) -> Option<PartialDate> {
        self.front(FrontMatterKind::Source).find_map(|s| {
            let text = self.text(&s.range);
            if !text.contains("电") && !text.contains("讯") {
                return None;
            }
            let found = dates::find(text).or_else(|| dates::find_month_day(text))?;
            Some(self.partial_date(s.range.start, found))
        })
    }
}

/// The longest start of `text` of at most `max` bytes that ends on a character boundary.
fn first_bytes(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lead_names_office_name_and_meeting() {
        let lead = "全国人大常委会委员长赵乐平8日在十五届全国人大二次会议第二次全体会议上作全国人大常委会工作报告。";
        let c = LEAD.captures(lead).unwrap();
        assert_eq!(c.name("role").unwrap().as_str(), "全国人大常委会委员长");
        assert_eq!(c.name("name").unwrap().as_str(), "赵乐平");
        assert_eq!(
            c.name("occ").unwrap().as_str(),
            "十五届全国人大二次会议第二次全体会议"
        );
        let lead = "省委书记王明远12日下午在全省人大工作会议上发表讲话。";
        let c = LEAD.captures(lead).unwrap();
        assert_eq!(c.name("name").unwrap().as_str(), "王明远");
        assert_eq!(c.name("occ").unwrap().as_str(), "全省人大工作会议");
        assert!(LEAD
            .captures("会议听取了省人大常委会的工作报告。")
            .is_none());
    }
}
