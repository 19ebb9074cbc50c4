//! The occasion named in the body (今天我们在这里召开…大会), and a body that opens like a speech.

use super::{clean_value, Page};
use std::sync::LazyLock;

use crate::bounded::Bounded;
use crate::parse::front_lines;
use crate::pattern::Pattern;

impl Page<'_> {
    pub(super) fn body_opens_like_speech(&self) -> bool {
        self.body()
            .next()
            .is_some_and(|s| front_lines::opens_with_salutation(self.text(&s.range)))
    }

    /// 今天我们在这里召开…大会 / 市委召开这次人大工作会议.
    pub(super) fn occasion_in_body(opening: &str) -> Option<String> {
        if let Some(c) = SESSION_OPENS.captures(opening) {
            return c.name("occ").map(|m| clean_value(m.as_str()));
        }
        if let Some(c) = CONVENED_HERE.captures(opening) {
            return c.name("occ").map(|m| clean_value(m.as_str()));
        }
        let c = CONVENED_BY.captures(opening)?;
        Some(format!(
            "{}{}",
            c.name("org")?.as_str(),
            clean_value(c.name("occ")?.as_str())
        ))
    }
}

/// A body that opens with the session acting (a resolution: 第十届全国人民代表大会第五次会议
/// 听取和审议了…): the session is the occasion.
static SESSION_OPENS: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::lines(
        r"^\s*(?P<occ>[^，,。；;！!\n]*?第?[一二三四五六七八九十]{1,3}届[^，,。；;！!\n]{2}[^，,。；;！!\n]*?第[一二三四五六七八九十]{1,3}次(?:全体)?会议)(?:听取|审议|通过|批准|决定|认为|号召)",
    )
    .expect("valid session pattern")
});

/// An occasion convened here (我们在这里召开…会议), of 3 to 40 characters before its noun.
static CONVENED_HERE: Bounded = Bounded::new(
    || convened_here("{3,}?"),
    || convened_here("{3,40}?"),
    &[("name", 40)],
);

fn convened_here(name: &str) -> Pattern {
    Pattern::rare(&format!(
        r"我们在这里(?:隆重|专门)?(?:召开|举行)(?:了)?(?P<occ>(?P<name>[^，,。；;！!：:\n]{name})(?:会议|大会|座谈会|推进会|培训班|论坛|会))"
    ))
    .expect("valid occasion pattern")
}

/// An occasion the committee convened (市委召开这次…会议), of 2 to 30 characters before its
/// noun.
static CONVENED_BY: Bounded = Bounded::new(
    || convened_by("{2,}?"),
    || convened_by("{2,30}?"),
    &[("name", 30)],
);

fn convened_by(name: &str) -> Pattern {
    Pattern::rare(&format!(
        r"(?P<org>省委|市委|州委|县委|区委)(?:专门)?(?:召开|举行)(?:这次|此次|今天的)(?P<occ>(?P<name>[^，,。；;！!\n]{name})(?:会议|大会|座谈会))"
    ))
    .expect("valid occasion pattern")
}
