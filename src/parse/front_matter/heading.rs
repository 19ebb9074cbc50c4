//! What a title of the 在…上的讲话 kind says: who spoke, the occasion, the kind of speech.

use std::sync::LazyLock;

use super::{clean_value, genre_of};
use crate::bounded::Bounded;
use crate::model::{Genre, Speaker};
use crate::parse::front_lines::{self, ROLE_ENDINGS};
use crate::pattern::Pattern;
use crate::text::is_han;

/// What a title of the 在…上的讲话 kind says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Heading {
    /// Who stands before 在: an office, a name, or both.
    pub(super) who: Option<String>,
    pub(super) speaker: Option<Speaker>,
    pub(super) occasion: Option<String>,
    pub(super) genre: Option<Genre>,
}

/// Who spoke, the occasion and the kind of speech in a title: 王立同志在…会议上的讲话, with
/// at most 12 characters from the year to the day and 8 before the kind.
static OCCASION_TITLE: Bounded = Bounded::new(
    || occasion_title(["*?", "*?"]),
    || occasion_title(["{0,12}?", "{0,8}?"]),
    &[("date", 12), ("kind_lead", 8)],
);

fn occasion_title([date, kind_lead]: [&str; 2]) -> Pattern {
    Pattern::lines(&format!(
        r"^(?:[—─－\-―]+\s*)?(?P<who>[^在]*?)\s*(?:[0-9０-９〇零○一二三四五六七八九十]+年(?P<date>[^在]{date})[日号]\s*)?在(?P<occ>.+?)(?:上|时|期间|开幕式上|闭幕式上)(?:的(?P<kind>(?P<kind_lead>[^的]{kind_lead})(?:讲话|发言|报告|致辞|汇报|主持词|讲稿|总结))|$)"
    ))
    .expect("valid occasion pattern")
}

static ROLE_THEN_NAME: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::lines(&format!(
        r"^(?P<role>.*(?:{ROLE_ENDINGS}))(?P<name>\p{{Han}}{{2,3}})?(?:同志)?$"
    ))
    .expect("valid speaker pattern")
});

/// An adoption line: （2021年3月11日第十三届全国人民代表大会第四次会议通过）.
static ADOPTION: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::lines(
        r"^[0-9０-９〇零○一二三四五六七八九十]+年[^年]{1,12}?[日号]\s*(?P<occ>[^，,。]+?(?:会议|大会))(?:上)?(?:审议)?(?:通过|批准)$",
    )
    .expect("valid adoption pattern")
});

impl Heading {
    pub(super) fn parse(title: &str) -> Option<Heading> {
        let title = front_lines::unbracketed(title);
        if let Some(c) = ADOPTION.captures(title) {
            return Some(Heading {
                who: None,
                speaker: None,
                occasion: c.name("occ").map(|m| clean_value(m.as_str())),
                genre: None,
            });
        }
        let c = OCCASION_TITLE.captures(title)?;
        // 王立同志在…: the form of address is not part of the name.
        let who = c
            .name("who")
            .map(|m| clean_value(m.as_str()))
            .map(|w| w.trim_end_matches([':', '：', ' ']).to_owned())
            .map(|w| w.strip_suffix("同志").map(str::to_owned).unwrap_or(w))
            .filter(|w| !w.is_empty());
        let speaker = who.as_deref().and_then(|w| {
            let c = ROLE_THEN_NAME.captures(w);
            match c {
                Some(c) => Some(Speaker {
                    role: c.name("role").map(|m| m.as_str().to_owned()),
                    name: c.name("name").map(|m| m.as_str().to_owned()),
                }),
                None if (2..=4).contains(&w.chars().count()) && w.chars().all(is_han) => {
                    Some(Speaker {
                        name: Some(w.to_owned()),
                        role: None,
                    })
                }
                None => None,
            }
        });
        let occasion = c.name("occ").map(|m| clean_value(m.as_str()));
        let genre = c.name("kind").and_then(|m| genre_of(m.as_str()));
        Some(Heading {
            who,
            speaker,
            occasion,
            genre,
        })
    }
}
