//! Stage 4: front matter (and cues in the body) → metadata.
//!
//! The title gives most: 在…上的讲话 names the occasion and the genre, and what stands before
//! 在 names the speaker. Bylines, date lines, datelines and source lines fill in the rest; the
//! body gives the occasion where the page has no title (今天我们在这里召开…大会), the level of
//! the body addressed (全市, 我县) and, with the gazetteer, the place.

mod date;
mod genre;
mod heading;
mod lead;
mod level;
mod marks;
mod occasion;
mod place;
mod source;
mod speaker;

use std::cell::LazyCell;
use std::ops::Range;

use super::front_lines;
use super::layout::is_blank_char;
use super::{Role, Segment};
use crate::model::{FrontMatterKind, Genre, Meta, Source};
use crate::text::SourceText;

use genre::{genre_of, opens_as_a_report};
use heading::Heading;
use level::{level_of, office_held};

/// How much of the body is searched for the occasion and the fragment cues (bytes).
const OPENING_BYTES: usize = 3000;

/// Extracts the metadata from the front-matter segments and cues in the body.
pub fn extract(source: &SourceText, segments: &[Segment]) -> Meta {
    let page = Page::new(source, segments);
    let title = page.title();
    let heading = title.as_deref().and_then(Heading::parse);
    let subtitle = page.subtitle();
    let subtitle = subtitle.as_deref();
    let sub_heading = subtitle.and_then(Heading::parse);

    let opening = page.opening();
    // Asked twice below, searched at most once.
    let occasion_in_body = LazyCell::new(|| Page::occasion_in_body(&opening));
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
        .or_else(|| opens_as_a_report(&opening).then_some(Genre::Report))
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

    // An article has a writer, not a speaker: its byline and author note name the source's
    // author, and the writer's office still tells the level.
    let (speaker, writer) = match genre {
        Genre::Article => (None, speaker),
        _ => (speaker, None),
    };
    // A story's lead fills what the head left out: wire copy names nothing anywhere else.
    // It says what the story reports on, not what the story is: the genre is settled above.
    let lead = (speaker.is_none() || occasion.is_none())
        .then(|| page.lead(&opening))
        .flatten();
    let occasion = occasion.or_else(|| lead.as_ref().map(|l| l.occasion.clone()));
    let speaker = speaker.or_else(|| lead.as_ref().map(|l| l.speaker.clone()));
    let date = page
        .delivery_date(subtitle)
        .or_else(|| lead.and_then(|l| l.date));
    let level = level_of(
        &[
            speaker
                .as_ref()
                .and_then(|s| s.role.as_deref())
                .map(office_held),
            writer
                .as_ref()
                .and_then(|s| s.role.as_deref())
                .map(office_held),
            occasion.as_deref(),
            heading
                .as_ref()
                .and_then(|h| h.who.as_deref())
                .map(office_held),
            title.as_deref(),
            subtitle,
        ],
        &opening,
        || (genre != Genre::Article).then(|| page.body_text()),
    );
    let place = page.place(
        &[
            title.as_deref(),
            subtitle,
            occasion.as_deref(),
            speaker.as_ref().and_then(|s| s.role.as_deref()),
            writer.as_ref().and_then(|s| s.role.as_deref()),
        ],
        level,
        genre,
    );
    let mut source = page.source();
    if let Some(writer) = writer.and_then(|w| w.name.or(w.role)) {
        let source = source.get_or_insert_with(Source::default);
        source.author.get_or_insert(writer);
    }
    let level = place.map_or(level, |(_, l)| Some(l));

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
        source,
        encoding: None,
        input: None,
        input_digest: None,
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

    /// The title lines joined, blanks inside a line collapsed to one space and a letter-spaced
    /// line (政 府 工 作 报 告) read without its blanks.
    fn title(&self) -> Option<String> {
        let joined: String = self
            .front(FrontMatterKind::Title)
            .map(|s| {
                let text = front_lines::without_rubric(self.text(&s.range));
                front_lines::unspaced(text).unwrap_or_else(|| clean_value(text))
            })
            .collect();
        (!joined.is_empty()).then_some(joined)
    }

    /// The first subtitle, with the line it runs on to when broken over two.
    fn subtitle(&self) -> Option<String> {
        let mut lines = self
            .segments
            .iter()
            .skip_while(|s| s.role != Role::Front(FrontMatterKind::Subtitle));
        let first = lines.next()?;
        let mut joined = clean_value(self.text(&first.range));
        for s in lines.take_while(|s| s.role == Role::Front(FrontMatterKind::Subtitle)) {
            let next = self.text(&s.range);
            if !front_lines::subtitle_runs_on(&joined, next) {
                break;
            }
            joined.push_str(&clean_value(next));
        }
        Some(joined)
    }
}

/// A metadata value: blanks at the ends removed, blank runs inside made one space, invisible
/// characters dropped.
pub(super) fn clean_value(text: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Level;
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
    fn a_signed_article_has_an_author_whose_office_tells_the_level() {
        let m = meta("以钉钉子精神推动人大监督工作提质增效\n张　华\n来源：某省人大网\n监督权是宪法和法律赋予人大的重要职权。近年来，常委会坚持问题导向。\n我们注重发挥人大代表作用。\n（作者系保定市人大常委会主任）\n");
        assert_eq!(m.genre, Genre::Article);
        assert_eq!(m.speaker, None);
        assert_eq!(m.source.unwrap().author.as_deref(), Some("张华"));
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
