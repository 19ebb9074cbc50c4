//! Stage 4: front matter (and cues in the body) → metadata.
//!
//! The title gives most: 在…上的讲话 names the occasion and the genre, and what stands before
//! 在 names the speaker. Bylines, date lines, datelines and source lines fill in the rest; the
//! body gives the occasion where the page has no title (今天我们在这里召开…大会), the level of
//! the body addressed (全市, 我县) and, with the gazetteer, the place.

use crate::text::is_han;
use std::cell::LazyCell;
use std::ops::Range;
use std::sync::LazyLock;

use crate::pattern::Pattern;

use super::front_lines::{self, SourceField, ROLE_ENDINGS};
use super::gazetteer::{DivisionLevel, Mentions, Weight};
use super::layout::{is_blank_char, strip_blank};
use super::{dates, Role, Segment};
use crate::bounded::{self, Bounded};
use crate::model::{
    BoilerplateKind, FrontMatterKind, Genre, Level, Meta, PartialDate, Passage, Source, Speaker,
};
use crate::text::SourceText;

/// How much of the body is searched for the occasion and the fragment cues (bytes).
const OPENING_BYTES: usize = 3000;

/// Extracts the metadata from the front-matter segments and cues in the body.
pub fn extract(source: &SourceText, segments: &[Segment]) -> Meta {
    let page = Page::new(source, segments);
    let title = page.title();
    let heading = title.as_deref().and_then(Heading::parse);
    let subtitle = page.first_text(FrontMatterKind::Subtitle);
    let sub_heading = subtitle.and_then(Heading::parse);

    // Asked twice below, searched at most once.
    let occasion_in_body = LazyCell::new(|| page.occasion_in_body());
    let occasion = heading
        .as_ref()
        .and_then(|h| h.occasion.clone())
        .or_else(|| sub_heading.as_ref().and_then(|h| h.occasion.clone()))
        .or_else(|| occasion_in_body.clone());
    let speaker = page
        .byline()
        .or_else(|| heading.as_ref().and_then(|h| h.speaker.clone()));
    // A meeting named in the title or dateline (——在…会议上) without a genre word: a speech.
    let heading_occasion = heading
        .as_ref()
        .or(sub_heading.as_ref())
        .is_some_and(|h| h.occasion.is_some());
    let speech_cues =
        heading_occasion || page.body_opens_like_speech() || occasion_in_body.is_some();
    // Signed: an author note, or a byline of a bare name under a title with no speech words.
    let signed = page.author_office().is_some()
        || speaker
            .as_ref()
            .is_some_and(|s| s.role.is_none() && title.is_some());
    let genre = heading
        .as_ref()
        .and_then(|h| h.genre)
        .or_else(|| sub_heading.as_ref().and_then(|h| h.genre))
        .or_else(|| title.as_deref().and_then(genre_of))
        .unwrap_or(if speech_cues {
            Genre::Speech
        } else if (title.is_some() || page.has(FrontMatterKind::Source))
            && (speaker.is_none() || signed)
            && occasion.is_none()
        {
            Genre::Article
        } else {
            Genre::Unknown
        });

    let date = page.delivery_date(subtitle);
    let level = level_of(
        &[
            speaker.as_ref().and_then(|s| s.role.as_deref()),
            occasion.as_deref(),
            heading.as_ref().and_then(|h| h.who.as_deref()),
            title.as_deref(),
        ],
        || (genre != Genre::Article).then(|| page.body_text()),
    );
    let place = page.place(
        &[
            title.as_deref(),
            subtitle,
            occasion.as_deref(),
            speaker.as_ref().and_then(|s| s.role.as_deref()),
        ],
        level,
        genre,
    );
    let level = level.or(place.and_then(|(_, l)| l));

    Meta {
        title,
        genre,
        speaker,
        date,
        occasion,
        place: place.map(|(name, _)| name.to_owned()),
        level,
        fragment: page.is_fragment(),
        announced_sections: None,
        source: page.source(),
        encoding: None,
        redactions: page.redactions(),
    }
}

/// The segments of a page, by role.
struct Page<'a> {
    source: &'a SourceText,
    segments: &'a [Segment],
}

impl<'a> Page<'a> {
    fn new(source: &'a SourceText, segments: &'a [Segment]) -> Self {
        Self { source, segments }
    }

    fn text(&self, range: &Range<usize>) -> &'a str {
        self.source.as_str().get(range.clone()).unwrap_or_default()
    }

    fn front(&self, kind: FrontMatterKind) -> impl Iterator<Item = &'a Segment> + 'a {
        self.segments
            .iter()
            .filter(move |s| s.role == Role::Front(kind))
    }

    fn has(&self, kind: FrontMatterKind) -> bool {
        self.front(kind).next().is_some()
    }

    fn first_text(&self, kind: FrontMatterKind) -> Option<&'a str> {
        self.front(kind).next().map(|s| self.text(&s.range))
    }

    fn body(&self) -> impl Iterator<Item = &'a Segment> + 'a {
        self.segments.iter().filter(|s| s.role == Role::Body)
    }

    fn body_text(&self) -> String {
        self.body()
            .map(|s| self.text(&s.range))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The opening of the body, up to about [`OPENING_BYTES`].
    fn opening(&self) -> String {
        let mut out = String::new();
        for s in self.body() {
            if out.len() > OPENING_BYTES {
                break;
            }
            out.push_str(self.text(&s.range));
            out.push('\n');
        }
        out
    }

    /// The title lines joined, blanks inside a line collapsed to one space.
    fn title(&self) -> Option<String> {
        let joined: String = self
            .front(FrontMatterKind::Title)
            .map(|s| clean_value(self.text(&s.range)))
            .collect();
        (!joined.is_empty()).then_some(joined)
    }

    /// The speaker of the first byline, with the office of an author note (（作者系…）) when
    /// the byline has none.
    fn byline(&self) -> Option<Speaker> {
        let named = self.front(FrontMatterKind::Byline).find_map(|s| {
            let text = self.text(&s.range);
            let b = front_lines::byline(text)?;
            Some(Speaker {
                name: Some(strip_blank(text.get(b.name)?)),
                role: b.role.and_then(|r| text.get(r)).map(strip_blank),
            })
        });
        let office = self.author_office();
        match named {
            Some(speaker) if speaker.role.is_none() => Some(Speaker {
                role: office,
                ..speaker
            }),
            Some(speaker) => Some(speaker),
            None => office.map(|role| Speaker {
                name: None,
                role: Some(role),
            }),
        }
    }

    /// The office of a signed article's author note.
    fn author_office(&self) -> Option<String> {
        self.front(FrontMatterKind::Byline).find_map(|s| {
            let text = self.text(&s.range);
            front_lines::author_office(text)
                .and_then(|r| text.get(r))
                .map(strip_blank)
        })
    }

    fn body_opens_like_speech(&self) -> bool {
        self.body()
            .next()
            .is_some_and(|s| front_lines::opens_with_salutation(self.text(&s.range)))
    }

    /// 今天我们在这里召开…大会 / 市委召开这次人大工作会议.
    fn occasion_in_body(&self) -> Option<String> {
        let opening = self.opening();
        if let Some(c) = CONVENED_HERE.captures(&opening) {
            return c.name("occ").map(|m| clean_value(m.as_str()));
        }
        let c = CONVENED_BY.captures(&opening)?;
        Some(format!(
            "{}{}",
            c.name("org")?.as_str(),
            clean_value(c.name("occ")?.as_str())
        ))
    }

    /// The date of a date line (or a labelled month-day), else of the dateline subtitle.
    fn delivery_date(&self, subtitle: Option<&str>) -> Option<PartialDate> {
        let from_line = |segment: &Segment| {
            let text = self.text(&segment.range);
            let found = dates::find(text).or_else(|| dates::find_month_day(text))?;
            Some(self.partial_date(segment.range.start, found))
        };
        // A byline may end with the date (县委书记 李振华（2023年12月28日）).
        let from_byline = |segment: &Segment| {
            let text = self.text(&segment.range);
            let found = dates::find(text)?;
            let dated = front_lines::without_trailing_date(text).len() < text.len();
            dated.then(|| self.partial_date(segment.range.start, found))
        };
        self.front(FrontMatterKind::Date)
            .find_map(from_line)
            .or_else(|| self.front(FrontMatterKind::Byline).find_map(from_byline))
            .or_else(|| {
                subtitle?;
                self.front(FrontMatterKind::Subtitle).find_map(|s| {
                    let found = dates::find(self.text(&s.range))?;
                    Some(self.partial_date(s.range.start, found))
                })
            })
    }

    fn partial_date(&self, base: usize, found: dates::FoundDate) -> PartialDate {
        let range = base + found.range.start..base + found.range.end;
        let passage = self.source.passage(&range);
        PartialDate {
            year: found.year,
            month: found.month,
            day: found.day,
            text: passage.text,
            span: passage.span,
        }
    }

    fn source(&self) -> Option<Source> {
        let mut source = Source::default();
        for segment in self.front(FrontMatterKind::Source) {
            let text = self.text(&segment.range);
            for (field, range) in front_lines::source_fields(text) {
                let Some(value) = text.get(range.clone()) else {
                    continue;
                };
                match field {
                    SourceField::Url if source.url.is_none() => {
                        source.url = Some(
                            value
                                .split(is_blank_char)
                                .next()
                                .unwrap_or(value)
                                .to_owned(),
                        );
                    }
                    SourceField::Published if source.published.is_none() => {
                        source.published = dates::find(value).map(|found| {
                            self.partial_date(segment.range.start + range.start, found)
                        });
                    }
                    SourceField::Origin if source.origin.is_none() => {
                        source.origin = Some(clean_value(value));
                    }
                    SourceField::Author if source.author.is_none() => {
                        source.author = Some(clean_value(value));
                    }
                    _ => {}
                }
            }
        }
        source.site = self.site();
        (source != Source::default()).then_some(source)
    }

    /// The site's name, from its greeting (欢迎来到廉政法治网) or its copyright line.
    fn site(&self) -> Option<String> {
        self.segments
            .iter()
            .filter(|s| matches!(s.role, Role::Boilerplate(_)))
            .find_map(|s| {
                let text = self.text(&s.range);
                // Only a greeting or a copyright line names the site.
                if !text.contains("欢迎") && !text.contains("版权所有") {
                    return None;
                }
                let c = SITE.captures(text)?;
                // The greedy repetitions are bounded here: 20 and 30 characters.
                let name = match (c.name("site"), c.name("owner")) {
                    (Some(site), _) => bounded::first_chars(site.as_str(), 20),
                    (None, owner) => bounded::first_chars(owner?.as_str(), 30),
                };
                Some(clean_value(name))
            })
    }

    fn is_fragment(&self) -> bool {
        let continued = self
            .segments
            .iter()
            .any(|s| s.role == Role::Boilerplate(BoilerplateKind::Continuation));
        let first = self.body().next().map(|s| self.text(&s.range));
        let mid_sentence =
            first.is_some_and(|t| t.starts_with(['，', ',', '、', '；', ';', '。', '）', ')']));
        let late_section = first.is_some_and(opens_a_late_section);
        continued || mid_sentence || late_section
    }

    /// XX / X / ×× markers in the front matter and the body, with the suffix they stand before.
    fn redactions(&self) -> Vec<Passage> {
        let mut out = Vec::new();
        for s in self
            .segments
            .iter()
            .filter(|s| matches!(s.role, Role::Body | Role::Front(_)))
        {
            let text = self.text(&s.range);
            // Most texts have no redaction mark; those are not searched.
            if !text.contains(['X', 'Ｘ', '×']) {
                continue;
            }
            for m in REDACTION.find_iter(text) {
                let before = text[..m.start()].chars().next_back();
                let after = text[m.end()..].chars().next();
                if before.is_some_and(|c| c.is_ascii_alphanumeric())
                    || after.is_some_and(|c| c.is_ascii_alphanumeric())
                {
                    continue;
                }
                let mut range = m.range();
                // 新X市, 新X的: one blanked character of a name, the rest of it written.
                let single = m.as_str().chars().count() == 1;
                if let Some(c) =
                    before.filter(|&c| single && is_han(c) && !FUNCTION_CHARS.contains(c))
                {
                    range.start -= c.len_utf8();
                }
                if let Some(suffix) = ["同志", "市", "县", "省", "区", "镇", "乡", "村", "大"]
                    .iter()
                    .find(|suffix| text[m.end()..].starts_with(**suffix))
                {
                    range.end += suffix.len();
                }
                out.push(
                    self.source
                        .passage(&(s.range.start + range.start..s.range.start + range.end)),
                );
            }
        }
        out
    }

    /// The city, county or province, by the gazetteer, with its level.
    fn place(
        &self,
        headings: &[Option<&str>],
        level: Option<Level>,
        genre: Genre,
    ) -> Option<(&'static str, Option<Level>)> {
        let mut mentions = Mentions::default();
        for text in headings.iter().flatten() {
            mentions.add(text, Weight::Heading);
        }
        let chrome = self.segments.iter().filter(|s| {
            matches!(
                s.role,
                Role::Boilerplate(_) | Role::Front(FrontMatterKind::Source)
            )
        });
        for s in chrome {
            mentions.add(self.text(&s.range), Weight::Chrome);
        }
        if genre != Genre::Article {
            for s in self.front(FrontMatterKind::Byline) {
                mentions.add(self.text(&s.range), Weight::Heading);
            }
            for s in self.body() {
                mentions.add(self.text(&s.range), Weight::Body);
            }
        }
        let levels: &[DivisionLevel] = match level {
            Some(Level::Provincial) => &[DivisionLevel::Province],
            Some(Level::Municipal) => &[DivisionLevel::Prefecture, DivisionLevel::Province],
            Some(Level::County) => &[DivisionLevel::County],
            Some(Level::Township) => &[DivisionLevel::County],
            Some(Level::National) => return None,
            None => &[],
        };
        let d = mentions.best(levels)?;
        let level = match d.level {
            DivisionLevel::Province => Level::Provincial,
            DivisionLevel::Prefecture => Level::Municipal,
            DivisionLevel::County => Level::County,
        };
        Some((d.short, Some(level)))
    }
}

/// Characters that stand between words rather than inside a name.
const FUNCTION_CHARS: &str = "的和与及是在了把被将对为等向给由从同";

/// A metadata value: blanks at the ends removed, blank runs inside made one space, invisible
/// characters dropped.
fn clean_value(text: &str) -> String {
    let mut out = String::new();
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else if is_blank_char(c) {
            continue;
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// What a title of the 在…上的讲话 kind says.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Heading {
    /// Who stands before 在: an office, a name, or both.
    who: Option<String>,
    speaker: Option<Speaker>,
    occasion: Option<String>,
    genre: Option<Genre>,
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

impl Heading {
    fn parse(title: &str) -> Option<Heading> {
        let c = OCCASION_TITLE.captures(front_lines::unbracketed(title))?;
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

/// The genre a title's words name.
fn genre_of(text: &str) -> Option<Genre> {
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

static SITE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::lines(r"欢迎(?:来到|访问|光临)\s*(?P<site>[^!！。,，\s]{2,})|版权所有\s*[:：]\s*(?P<owner>[^\s|｜]{2,})")
        .expect("valid site pattern")
});

/// A body that opens at a later section: 二、…, 第三，….
/// Whether `text` opens with the marker of a part after the first (二、, 第三，): a page that
/// starts there is a fragment.
fn opens_a_late_section(text: &str) -> bool {
    let mut chars = text.strip_prefix('第').unwrap_or(text).chars();
    chars.next().is_some_and(|c| "二三四五六七八九".contains(c))
        && chars.next().is_some_and(|c| "、，,．.".contains(c))
}

static REDACTION: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::bodies(r"(?:X|Ｘ|×){1,4}").expect("valid redaction pattern"));

/// Level cues in the order they are trusted: the speaker's office, the occasion, the title;
/// then, when given, the body's addressing (全市, 我县) by majority.
/// The level named in `texts`, else the level the body (made only then) addresses.
fn level_of(texts: &[Option<&str>], body: impl FnOnce() -> Option<String>) -> Option<Level> {
    texts
        .iter()
        .flatten()
        .find_map(|t| level_in(t))
        .or_else(|| body().and_then(|b| addressed_level(&b)))
}

static LEVEL_CUE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::lines(r"(?P<national>全国人大|全国人民代表大会)|(?P<unit>省|市|州|盟|县|区|旗|镇|乡)(?:委|人大|人民代表大会|人民政府|政府|政协|党委|纪委|长|[一二三四五六七八九十]{1,3}届|第[一二三四五六七八九十]{1,3}届)")
        .expect("valid level pattern")
});

fn level_in(text: &str) -> Option<Level> {
    let c = LEVEL_CUE.captures(text)?;
    if c.name("national").is_some() {
        return Some(Level::National);
    }
    unit_level(c.name("unit")?.as_str())
}

fn unit_level(unit: &str) -> Option<Level> {
    match unit {
        "省" => Some(Level::Provincial),
        "市" | "州" | "盟" => Some(Level::Municipal),
        "县" | "区" | "旗" => Some(Level::County),
        "镇" | "乡" => Some(Level::Township),
        _ => None,
    }
}

static ADDRESSING: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::bodies(
        r"(?:全|我|本)(?P<unit>省|市|州|县|区|旗|镇|乡)|(?P<organ>省|市|县|区|镇|乡)(?:委|人大)",
    )
    .expect("valid addressing pattern")
});

/// The level the body addresses: the unit named most in 全市/我县/市委/县人大, at least twice.
fn addressed_level(body: &str) -> Option<Level> {
    let mut counts: Vec<(Level, usize)> = Vec::new();
    for c in ADDRESSING.captures_iter(body) {
        let Some(level) = c
            .name("unit")
            .or_else(|| c.name("organ"))
            .and_then(|u| unit_level(u.as_str()))
        else {
            continue;
        };
        match counts.iter_mut().find(|(l, _)| *l == level) {
            Some((_, n)) => *n += 1,
            None => counts.push((level, 1)),
        }
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= 2)
        .max_by_key(|&(_, n)| n)
        .map(|(level, _)| level)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{classify, layout};

    fn meta(text: &str) -> Meta {
        let source = SourceText::new(text.to_owned());
        let lines = layout::lines(source.as_str());
        let segments = classify::classify(source.as_str(), &lines);
        extract(&source, &segments)
    }

    #[test]
    fn a_titled_speech_with_byline_and_date() {
        let m = meta("在市委人大工作会议上的讲话\n市委书记 张雷明\n（2022年9月22日）\n同志们：\n今天召开会议。全市各级人大要履职。\n");
        assert_eq!(m.title.as_deref(), Some("在市委人大工作会议上的讲话"));
        assert_eq!(m.genre, Genre::Speech);
        assert_eq!(m.occasion.as_deref(), Some("市委人大工作会议"));
        let speaker = m.speaker.unwrap();
        assert_eq!(
            (speaker.role.as_deref(), speaker.name.as_deref()),
            (Some("市委书记"), Some("张雷明"))
        );
        let date = m.date.unwrap();
        assert_eq!(
            (date.year, date.month, date.day, date.text.as_str()),
            (Some(2022), Some(9), Some(22), "2022年9月22日")
        );
        assert_eq!(m.level, Some(Level::Municipal));
        assert!(!m.fragment);
    }

    #[test]
    fn speaker_office_in_the_title() {
        let h = Heading::parse("县人大常委会主任在人大机关“四个机关”建设推进会上的发言").unwrap();
        assert_eq!(h.occasion.as_deref(), Some("人大机关“四个机关”建设推进会"));
        assert_eq!(h.genre, Some(Genre::Statement));
        assert_eq!(h.speaker.unwrap().role.as_deref(), Some("县人大常委会主任"));
        let h = Heading::parse("——2026年2月3日在市人大常委会第二十次会议上").unwrap();
        assert_eq!(h.occasion.as_deref(), Some("市人大常委会第二十次会议"));
        assert_eq!(h.speaker, None);
    }

    #[test]
    fn a_bracketed_dateline_gives_date_and_occasion() {
        let m = meta("某市人民代表大会常务委员会工作报告\n（2024年1月9日在某市第八届人民代表大会第四次会议上）\n市人大常委会主任　周海涛\n各位代表：\n现在，我代表市人大常委会报告工作。\n");
        assert_eq!(m.genre, Genre::Report);
        assert_eq!(
            m.occasion.as_deref(),
            Some("某市第八届人民代表大会第四次会议")
        );
        let date = m.date.unwrap();
        assert_eq!(
            (date.year, date.month, date.day, date.text.as_str()),
            (Some(2024), Some(1), Some(9), "2024年1月9日")
        );
    }

    #[test]
    fn a_form_of_address_is_not_part_of_the_name() {
        let h = Heading::parse("王予波：在省委人大工作会议上的讲话").unwrap();
        assert_eq!(h.speaker.unwrap().name.as_deref(), Some("王予波"));
        let h = Heading::parse("王立同志在县人大常委会主任会议上的讲话").unwrap();
        assert_eq!(h.speaker.unwrap().name.as_deref(), Some("王立"));
        let h = Heading::parse("市委书记张雷明同志在市委人大工作会议上的讲话").unwrap();
        let speaker = h.speaker.unwrap();
        assert_eq!(
            (speaker.role.as_deref(), speaker.name.as_deref()),
            (Some("市委书记"), Some("张雷明"))
        );
    }

    #[test]
    fn occasion_from_the_body() {
        let m =
            meta("同志们，今天我们在这里召开全县人大代表工作推进会，很有意义。\n全县上下要努力。");
        assert_eq!(m.occasion.as_deref(), Some("全县人大代表工作推进会"));
        assert_eq!(m.genre, Genre::Speech);
        assert_eq!(m.level, Some(Level::County));
        assert_eq!(m.title, None);
    }

    #[test]
    fn an_article_with_source_line() {
        let m = meta("坚持守正创新 推动人大工作\n发布时间：2022-06-24 来源：某某网 作者：佚名\n全国各级人大要履职。全市也要履职。全市上下。\n原文链接：https://example.gov.cn/a.htm\n");
        assert_eq!(m.genre, Genre::Article);
        assert_eq!(m.level, None);
        let source = m.source.unwrap();
        assert_eq!(source.url.as_deref(), Some("https://example.gov.cn/a.htm"));
        assert_eq!(source.origin.as_deref(), Some("某某网"));
        assert_eq!(source.author.as_deref(), Some("佚名"));
        let published = source.published.unwrap();
        assert_eq!(
            (published.year, published.month, published.day),
            (Some(2022), Some(6), Some(24))
        );
    }

    #[test]
    fn fragments_and_redactions() {
        let m = meta(
            "在会议上的讲话\n（上接一版）建设幸福美好新X市。XX、XX同志发言很好，党的XX大精神。\n",
        );
        assert!(m.fragment);
        let texts: Vec<_> = m.redactions.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, vec!["新X市", "XX", "XX同志", "XX大"]);
    }

    #[test]
    fn a_signed_article_takes_its_author_office_from_the_note() {
        let m = meta("以钉钉子精神推动人大监督工作提质增效\n张　华\n来源：某省人大网\n监督权是宪法和法律赋予人大的重要职权。近年来，常委会坚持问题导向。\n我们注重发挥人大代表作用。\n（作者系保定市人大常委会主任）\n");
        assert_eq!(m.genre, Genre::Article);
        let speaker = m.speaker.unwrap();
        assert_eq!(
            (speaker.name.as_deref(), speaker.role.as_deref()),
            (Some("张华"), Some("保定市人大常委会主任"))
        );
        assert_eq!(m.level, Some(Level::Municipal));
        assert_eq!(m.place.as_deref(), Some("保定"));
    }

    #[test]
    fn values_are_clean() {
        assert_eq!(
            clean_value("\u{200B}坚持\u{3000}\u{3000}守正 "),
            "坚持 守正"
        );
    }
}
