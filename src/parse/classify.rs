//! Stage 3: lines → segments marked front matter, boilerplate or body.
//!
//! A page is read as three zones: a head (chrome, title, byline, date and source lines), the body
//! (from the first paragraph of prose, salutation or section heading to the last paragraph of
//! prose) and a tail (source, editor and footer lines, ads, related lists). Chrome is recognised
//! by a lexicon of cue words ([`super::boilerplate`]) and by its shape (menus, truncated links,
//! bulleted lists, lines without sentence punctuation outside the body); front matter by the
//! patterns of [`super::front_lines`]. Inside the body only unmistakable chrome is taken out:
//! continuation marks (split off the paragraph they open or close), short lines with a strong
//! cue, and copies of the title.

use std::cell::OnceCell;
use std::ops::Range;

use super::boilerplate::{self, Strength};
use super::front_lines;
use super::layout::is_blank_char;
use super::{Line, Role, Segment};
use crate::model::{BoilerplateKind, FrontMatterKind};

/// How a licence notice written as a sentence opens.
const NOTICE_OPENINGS: &[&str] = &["本作品", "这部作品", "這部作品", "版权声明", "版權聲明"];

/// Lines longer than this are never titles, bylines or chrome items of the head.
const MAX_TITLE_CHARS: usize = 60;
/// Strongly cued lines up to this length are chrome even when they read like prose.
const MAX_CHROME_PROSE_CHARS: usize = 200;
/// Weakly cued lines are chrome only up to this length.
const MAX_WEAK_CHROME_CHARS: usize = 40;

/// Classifies every line of `text`.
pub fn classify(text: &str, lines: &[Line]) -> Vec<Segment> {
    let features: Vec<Features<'_>> = lines.iter().map(|l| Features::new(text, l)).collect();
    let zones = Zones::find(&features, text.len());
    let mut labels: Vec<Label> = features
        .iter()
        .enumerate()
        .map(|(i, f)| match zones.zone(i) {
            Zone::Head => head_label(f),
            Zone::Body => body_label(f),
            Zone::Tail => tail_label(f),
        })
        .collect();
    join_broken_subtitles(&features, &mut labels, &zones);
    name_bylines(&features, &mut labels, &zones);
    choose_title(&features, &mut labels, &zones);
    fill_tail_gaps(&mut labels, &zones);
    mark_repeats(&features, &mut labels);
    mark_footnotes(&features, &mut labels);
    mark_summary_boxes(&features, &mut labels);
    features
        .iter()
        .zip(labels)
        .flat_map(|(f, label)| segments(f, label))
        .collect()
}

/// What is known of a line before its neighbours are looked at.
struct Features<'a> {
    line: &'a Line,
    text: &'a str,
    /// The text without an editor's mark closing it, which the cue is looked for in.
    speech: &'a str,
    chars: usize,
    /// The boilerplate cue, looked for on first use: most body paragraphs never need it.
    cue: OnceCell<Option<(BoilerplateKind, Strength)>>,
    /// Ends like a sentence (。！？；, maybe inside closing quotes or brackets).
    prose: bool,
    /// Opens with a salutation or a section marker; asked only of lines that are not prose.
    opening: OnceCell<bool>,
    /// A source line; like `date`, asked only of the lines around the body and outside it.
    source: OnceCell<bool>,
    date: OnceCell<bool>,
}

impl<'a> Features<'a> {
    fn new(text: &'a str, line: &'a Line) -> Self {
        let own = text.get(line.range.clone()).unwrap_or_default();
        let chars = own.chars().count();
        // A paragraph closed by an editor's mark (…奋斗！（责编：王五）) is judged without it.
        let speech = match boilerplate::editor_mark(own) {
            Some(mark) if mark.start > 0 => &own[..mark.start],
            _ => own,
        };
        let prose = Self::reads_as_prose(speech)
            || without_continuation_marks(own).is_some_and(Self::reads_as_prose);
        Self {
            line,
            text: own,
            speech,
            chars,
            cue: OnceCell::new(),
            prose,
            opening: OnceCell::new(),
            source: OnceCell::new(),
            date: OnceCell::new(),
        }
    }

    fn opening(&self) -> bool {
        *self.opening.get_or_init(|| {
            front_lines::opens_with_salutation(self.text)
                || front_lines::opens_with_section_marker(self.text)
                || front_lines::opens_in_the_first_person(self.text)
        })
    }

    fn source(&self) -> bool {
        *self
            .source
            .get_or_init(|| front_lines::is_source_line(self.text))
    }

    fn date(&self) -> bool {
        *self
            .date
            .get_or_init(|| front_lines::is_date_line(self.text))
    }

    fn reads_as_prose(text: &str) -> bool {
        let last = text
            .trim_end_matches(|c: char| is_blank_char(c) || "”’」』)）】〕\"'".contains(c))
            .chars()
            .next_back();
        last.is_some_and(|c| "。！？；!?;…".contains(c)) && text.chars().count() >= 4
    }

    fn cue(&self) -> Option<(BoilerplateKind, Strength)> {
        *self
            .cue
            .get_or_init(|| boilerplate::cue(&boilerplate::fold(self.speech)))
    }

    fn strong_cue(&self) -> Option<BoilerplateKind> {
        match self.cue() {
            Some((kind, Strength::Strong)) => Some(kind),
            _ => None,
        }
    }

    /// Chrome by its cue, whatever the zone: strongly cued and not a long paragraph.
    fn is_cued_chrome(&self) -> bool {
        (!self.prose || self.chars <= MAX_CHROME_PROSE_CHARS) && self.strong_cue().is_some()
    }

    /// A story's source on a line of its own: a newspaper's page line or a wire dateline.
    fn wire_source(&self) -> bool {
        boilerplate::is_page_line(self.text)
            || boilerplate::dateline(self.text).is_some_and(|d| d.end == self.text.len())
    }

    /// Whether the line can open the body.
    fn opens_body(&self) -> bool {
        (self.prose || self.opening() || self.chars > MAX_TITLE_CHARS * 2)
            && !self.is_cued_chrome()
            && !self.source()
            && !self.date()
            && !boilerplate::is_caption(self.text)
    }

    /// Whether the line can close the body.
    fn closes_body(&self) -> bool {
        self.prose
            && !self.is_cued_chrome()
            && !self.source()
            && !boilerplate::is_caption(self.text)
    }

    /// A licence notice (a wiki's 本作品…公有领域, 转载请注明出处) in the second half of a text
    /// of `len` bytes: it comes after the speech, and so does everything below it.
    ///
    /// A finished sentence is a notice only when it opens as one (本作品…): a speech's own
    /// sentence may say 未经许可不得占用 or 版权归属不明.
    fn ends_speech(&self, len: usize) -> bool {
        // The cue last: every line of the second half is asked, and few are notices.
        self.line.range.start.saturating_mul(2) >= len
            && (!self.prose || NOTICE_OPENINGS.iter().any(|o| self.text.starts_with(o)))
            && self.is_cued_chrome()
            && self.strong_cue() == Some(BoilerplateKind::Licence)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    Head,
    Body,
    Tail,
}

/// The body runs from `start` to `end` (inclusive line indices); head before, tail after.
struct Zones {
    start: usize,
    end: usize,
}

impl Zones {
    fn find(features: &[Features<'_>], len: usize) -> Self {
        let start = features.iter().position(Features::opens_body);
        let notice = start
            .and_then(|start| (start + 1..features.len()).find(|&i| features[i].ends_speech(len)));
        let before_notice = features
            .get(..notice.unwrap_or(features.len()))
            .unwrap_or_default();
        let end = before_notice.iter().rposition(Features::closes_body);
        match (start, end) {
            (Some(start), Some(end)) if start <= end => Zones { start, end },
            (Some(start), _) => Zones { start, end: start },
            // No prose at all: keep everything that is not plain chrome in the body.
            _ => Zones {
                start: 0,
                end: features.len().saturating_sub(1),
            },
        }
    }

    fn zone(&self, i: usize) -> Zone {
        if i < self.start {
            Zone::Head
        } else if i <= self.end {
            Zone::Body
        } else {
            Zone::Tail
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Role(Role),
    /// A short line of the head that may be the title.
    TitleCandidate,
    /// A line of the tail with no cue of its own: it takes its neighbours' kind.
    TailUncued,
}

const fn front(kind: FrontMatterKind) -> Label {
    Label::Role(Role::Front(kind))
}

const fn chrome(kind: BoilerplateKind) -> Label {
    Label::Role(Role::Boilerplate(kind))
}

/// Chrome by its shape or a weak cue: only outside the body.
fn shaped_chrome(f: &Features<'_>) -> Option<BoilerplateKind> {
    if f.chars <= MAX_WEAK_CHROME_CHARS && !f.prose {
        if let Some((kind, Strength::Weak)) = f.cue() {
            return Some(kind);
        }
    }
    if boilerplate::is_menu(f.text) {
        return Some(BoilerplateKind::Navigation);
    }
    if boilerplate::is_link_item(f.text) {
        return Some(BoilerplateKind::Related);
    }
    None
}

/// The text between the continuation marks that open or close it, when it has any.
fn without_continuation_marks(text: &str) -> Option<&str> {
    let marks = boilerplate::continuation_marks(text);
    let first = marks.first()?;
    let last = marks.last()?;
    let start = if first.start == 0 { first.end } else { 0 };
    let end = if last.end == text.len() && last.start >= start {
        last.start
    } else {
        text.len()
    };
    text.get(start..end.max(start))
}

fn is_only_continuation(f: &Features<'_>) -> bool {
    boilerplate::continuation_marks(f.text)
        .first()
        .is_some_and(|m| m.start == 0 && m.end == f.text.len())
}

/// The label of a line of a news page, whatever its zone: a wire dateline or page line alone
/// is the story's source, a photo caption or credit is chrome.
fn news_label(f: &Features<'_>) -> Option<Label> {
    if f.wire_source() {
        return Some(front(FrontMatterKind::Source));
    }
    boilerplate::is_caption(f.text).then(|| chrome(BoilerplateKind::Caption))
}

fn head_label(f: &Features<'_>) -> Label {
    use FrontMatterKind::{Byline, Date, Source, Subtitle};
    if is_only_continuation(f) {
        return chrome(BoilerplateKind::Continuation);
    }
    if let Some(label) = news_label(f) {
        return label;
    }
    if f.source() {
        return front(Source);
    }
    if f.date() {
        return front(Date);
    }
    if front_lines::author_office(f.text).is_some() {
        return front(Byline);
    }
    if boilerplate::is_menu(f.text) {
        return chrome(BoilerplateKind::Navigation);
    }
    if let Some(kind) = f.strong_cue() {
        return chrome(kind);
    }
    if front_lines::is_subtitle(f.text) {
        return front(Subtitle);
    }
    if front_lines::byline(f.text).is_some() {
        return front(Byline);
    }
    if let Some(kind) = shaped_chrome(f) {
        return chrome(kind);
    }
    let digits_only = f
        .text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || is_blank_char(c));
    // A title has words, maybe the last character of one cut off (政府工作报 / 告): a footnote
    // mark (]) or a bullet has none.
    let has_words = f.text.chars().any(crate::text::is_han)
        || f.text
            .chars()
            .filter(|c| c.is_alphabetic())
            .nth(1)
            .is_some();
    // A line wholly in brackets is a note ((译自…俄文稿), （有删节）), never the title.
    let note = front_lines::unbracketed(f.text).len() < f.text.len();
    if f.chars <= MAX_TITLE_CHARS && !f.prose && !digits_only && has_words && !note {
        Label::TitleCandidate
    } else {
        chrome(BoilerplateKind::Other)
    }
}

fn body_label(f: &Features<'_>) -> Label {
    if is_only_continuation(f) {
        return chrome(BoilerplateKind::Continuation);
    }
    if let Some(label) = news_label(f) {
        return label;
    }
    let short = !f.prose && f.chars <= MAX_WEAK_CHROME_CHARS;
    match short.then(|| f.strong_cue()).flatten() {
        Some(kind) => chrome(kind),
        None => Label::Role(Role::Body),
    }
}

fn tail_label(f: &Features<'_>) -> Label {
    if is_only_continuation(f) {
        return chrome(BoilerplateKind::Continuation);
    }
    if let Some(label) = news_label(f) {
        return label;
    }
    if f.source() {
        return front(FrontMatterKind::Source);
    }
    if f.date() {
        return front(FrontMatterKind::Date);
    }
    if front_lines::author_office(f.text).is_some() {
        return front(FrontMatterKind::Byline);
    }
    if let Some(kind) = f.strong_cue().or_else(|| shaped_chrome(f)) {
        return chrome(kind);
    }
    Label::TailUncued
}

/// A subtitle broken over two lines: its second line is subtitle too.
fn join_broken_subtitles(features: &[Features<'_>], labels: &mut [Label], zones: &Zones) {
    for i in 1..zones.start.min(labels.len()) {
        if labels[i - 1] == front(FrontMatterKind::Subtitle)
            && labels[i] == Label::TitleCandidate
            && front_lines::subtitle_runs_on(features[i - 1].text, features[i].text)
        {
            labels[i] = front(FrontMatterKind::Subtitle);
        }
    }
}

/// Names alone on their lines in the head (李克强 under 国务院总理, 周恩来 under the dateline):
/// bylines where an office stands on the line above, or the line above is a dateline, a date
/// or a source line, which a title does not follow.
fn name_bylines(features: &[Features<'_>], labels: &mut [Label], zones: &Zones) {
    use FrontMatterKind::{Byline, Date, Source, Subtitle};
    let head = zones.start.min(labels.len());
    for i in 1..head {
        let f = &features[i];
        // A widget word (关闭, 全文) can open with a surname too.
        if labels[i] != Label::TitleCandidate
            || !front_lines::is_bare_name(f.text)
            || f.cue().is_some()
        {
            continue;
        }
        let above = labels[i - 1];
        let dated_below = (i + 1 < head) && [front(Subtitle), front(Date)].contains(&labels[i + 1]);
        if above == Label::TitleCandidate && front_lines::is_office(features[i - 1].text) {
            labels[i - 1] = front(Byline);
            labels[i] = front(Byline);
        } else if [front(Subtitle), front(Date), front(Source)].contains(&above)
            // Title, name, （date）: the name between the title and its date.
            || (above == Label::TitleCandidate && dated_below)
        {
            labels[i] = front(Byline);
        }
    }
}

/// Picks the title among the head's candidates: after the last menu, breadcrumb or link list,
/// the line with the words of a speech title, else the one nearest the body; joined with an
/// adjacent candidate where the title is visibly split. Other candidates are chrome.
fn choose_title(features: &[Features<'_>], labels: &mut [Label], zones: &Zones) {
    let head = 0..zones.start.min(labels.len());
    let candidates: Vec<usize> = head
        .clone()
        .filter(|&i| labels[i] == Label::TitleCandidate)
        .collect();
    let last_chrome = head.clone().rev().find(|&i| {
        matches!(
            labels[i],
            Label::Role(Role::Boilerplate(
                BoilerplateKind::Navigation | BoilerplateKind::Related
            ))
        )
    });
    let after_chrome: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&i| last_chrome.is_none_or(|c| i > c))
        .collect();
    let pool = if after_chrome.is_empty() {
        &candidates
    } else {
        &after_chrome
    };
    let best = pool
        .iter()
        .copied()
        // The first line with a title's words (later ones are copies), else the nearest the body.
        .max_by_key(|&i| {
            let cued = front_lines::has_title_cue(features[i].text);
            (cued, if cued { usize::MAX - i } else { i })
        });
    if let Some(best) = best {
        labels[best] = front(FrontMatterKind::Title);
        // A main title of two lines over its dateline (决胜… / 为夺取… / ——在…上的报告).
        let over_subtitle = labels.get(best + 1) == Some(&front(FrontMatterKind::Subtitle));
        let mut first = best;
        while first > 0
            && labels[first - 1] == Label::TitleCandidate
            && (front_lines::continues_on_next_line(features[first - 1].text, features[first].text)
                || over_subtitle && first == best && is_title_line(&features[first - 1]))
        {
            first -= 1;
            labels[first] = front(FrontMatterKind::Title);
        }
        let mut last = best;
        while last + 1 < head.end
            && labels[last + 1] == Label::TitleCandidate
            && front_lines::continues_on_next_line(features[last].text, features[last + 1].text)
        {
            last += 1;
            labels[last] = front(FrontMatterKind::Title);
        }
    }
    for label in labels.iter_mut() {
        if *label == Label::TitleCandidate {
            *label = chrome(BoilerplateKind::Other);
        }
    }
}

/// A line that can be the first of a two-line title: no site name (中国人大网, …门户网站), no
/// sentence.
fn is_title_line(f: &Features<'_>) -> bool {
    f.chars >= 6
        && !f.text.contains(boilerplate::SENTENCE_PUNCTUATION)
        && !SITE_ENDINGS.iter().any(|e| f.text.ends_with(e))
}

/// How the name of a site or a channel ends.
const SITE_ENDINGS: &[&str] = &["网", "网站", "门户", "频道", "客户端", "在线", "之窗"];

/// Tail lines without a cue of their own belong to the chrome around them (221381 between two
/// ads is an ad): the nearest cued kind before them, else after them, else `Other`.
fn fill_tail_gaps(labels: &mut [Label], zones: &Zones) {
    let tail = (zones.end + 1).min(labels.len())..labels.len();
    let kind_at = |label: Label| match label {
        Label::Role(Role::Boilerplate(kind)) => Some(kind),
        _ => None,
    };
    for i in tail.clone() {
        if labels[i] != Label::TailUncued {
            continue;
        }
        let before = (tail.start..i).rev().find_map(|j| kind_at(labels[j]));
        let after = (i + 1..tail.end).find_map(|j| kind_at(labels[j]));
        labels[i] = chrome(before.or(after).unwrap_or(BoilerplateKind::Other));
    }
}

/// Copies of the title (the page header repeating it, with other quotes or spacing) are chrome.
fn mark_repeats(features: &[Features<'_>], labels: &mut [Label]) {
    let title_lines: Vec<String> = features
        .iter()
        .zip(labels.iter())
        .filter(|(_, l)| **l == front(FrontMatterKind::Title))
        .map(|(f, _)| comparable(f.text))
        .collect();
    let whole_title = title_lines.concat();
    if whole_title.is_empty() {
        return;
    }
    // Comparing drops characters and never adds one: a line shorter than every title line
    // copies none of them.
    let shortest = title_lines
        .iter()
        .map(|t| t.chars().count())
        .min()
        .unwrap_or(0);
    for (f, label) in features.iter().zip(labels.iter_mut()) {
        if *label == front(FrontMatterKind::Title) || f.prose || f.text.chars().count() < shortest {
            continue;
        }
        let own = comparable(f.text);
        if own == whole_title || title_lines.contains(&own) {
            *label = chrome(BoilerplateKind::Repeated);
        }
    }
}

/// Lines a summary box may hold between its heading and the story's dateline.
const MAX_SUMMARY_LINES: usize = 8;
/// Longest summary box heading, in characters (核心阅读, 【核心提示】).
const MAX_SUMMARY_HEADING_CHARS: usize = 8;

/// A news page's summary box (核心阅读 and the lines under it) runs up to the dateline that
/// opens the story: its lines are chrome, however much they read like prose.
fn mark_summary_boxes(features: &[Features<'_>], labels: &mut [Label]) {
    let is_box_heading = |f: &Features<'_>| {
        f.chars <= MAX_SUMMARY_HEADING_CHARS && f.strong_cue() == Some(BoilerplateKind::Caption)
    };
    for i in 0..features.len() {
        if !is_box_heading(&features[i]) {
            continue;
        }
        let story = (i + 1..features.len().min(i + 1 + MAX_SUMMARY_LINES))
            .find(|&j| boilerplate::dateline(features[j].text).is_some());
        for label in labels[i..story.unwrap_or(i)].iter_mut() {
            if *label == Label::Role(Role::Body) {
                *label = chrome(BoilerplateKind::Caption);
            }
        }
    }
}

/// Footnote marks on lines of their own are chrome: [1], and the [ / 1 / ] that a wiki copy
/// breaks over three lines. Front matter keeps its label.
fn mark_footnotes(features: &[Features<'_>], labels: &mut [Label]) {
    let texts: Vec<&str> = features.iter().map(|f| f.text).collect();
    for i in 0..texts.len() {
        let marks = if boilerplate::is_footnote_mark(texts[i]) {
            i..i + 1
        } else if is_broken_footnote_mark(&texts[i..]) {
            i..i + 3
        } else {
            continue;
        };
        for label in &mut labels[marks] {
            if !matches!(label, Label::Role(Role::Front(_))) {
                *label = chrome(BoilerplateKind::Footnote);
            }
        }
    }
}

/// Whether `lines` open with a footnote mark broken over three lines: [ / 1 / ].
fn is_broken_footnote_mark(lines: &[&str]) -> bool {
    matches!(lines, ["[", label, "]", ..] if boilerplate::is_note_label(label))
}

/// Text for comparing lines: letters and digits only, full-width folded.
fn comparable(text: &str) -> String {
    boilerplate::fold(text)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The segments of one line: the whole line, or a body line with what is not the speech inside
/// it split off (a dateline opening it, continuation marks at its ends, an editor's mark
/// closing it, footnote marks anywhere), or a title line with the kicker opening it split off.
fn segments(f: &Features<'_>, label: Label) -> Vec<Segment> {
    let role = match label {
        Label::Role(role) => role,
        Label::TitleCandidate | Label::TailUncued => Role::Boilerplate(BoilerplateKind::Other),
    };
    let base = f.line.range.start;
    let whole = || Segment {
        range: f.line.range.clone(),
        role,
        line: f.line.number,
    };
    let marks = match role {
        Role::Body => inline_marks(f.text),
        // A tag with a title's words (政府工作报告｜某某网) is the title itself.
        Role::Front(FrontMatterKind::Title) => boilerplate::kicker(f.text)
            .filter(|m| {
                f.text
                    .get(m.clone())
                    .is_some_and(|k| !front_lines::has_title_cue(k))
            })
            .map(|m| (m, Role::Boilerplate(BoilerplateKind::Other)))
            .into_iter()
            .collect(),
        _ => Vec::new(),
    };
    if marks.is_empty() {
        return vec![whole()];
    }
    let mut out = Vec::new();
    let mut at = 0;
    for (mark, mark_role) in marks {
        if mark.start < at {
            continue;
        }
        push_trimmed(&mut out, f, at..mark.start, role, base);
        push_trimmed(&mut out, f, mark.clone(), mark_role, base);
        at = mark.end;
    }
    push_trimmed(&mut out, f, at..f.text.len(), role, base);
    out
}

/// What is not the speech inside a body line, in order, with its role.
fn inline_marks(text: &str) -> Vec<(Range<usize>, Role)> {
    let chrome = |kind| move |m| (m, Role::Boilerplate(kind));
    let mut marks: Vec<(Range<usize>, Role)> = boilerplate::dateline(text)
        .map(|m| (m, Role::Front(FrontMatterKind::Source)))
        .into_iter()
        .chain(
            boilerplate::continuation_marks(text)
                .into_iter()
                .map(chrome(BoilerplateKind::Continuation)),
        )
        .chain(
            boilerplate::footnote_marks(text)
                .into_iter()
                .map(chrome(BoilerplateKind::Footnote)),
        )
        .chain(
            boilerplate::editor_mark(text)
                .into_iter()
                .map(chrome(BoilerplateKind::Editor)),
        )
        .collect();
    marks.sort_by_key(|(m, _)| m.start);
    marks
}

fn push_trimmed(
    out: &mut Vec<Segment>,
    f: &Features<'_>,
    part: Range<usize>,
    role: Role,
    base: usize,
) {
    let Some(raw) = f.text.get(part.clone()) else {
        return;
    };
    let trimmed = raw.trim_start_matches(is_blank_char);
    let start = part.start + (raw.len() - trimmed.len());
    let trimmed = trimmed.trim_end_matches(is_blank_char);
    if trimmed.is_empty() {
        return;
    }
    out.push(Segment {
        range: base + start..base + start + trimmed.len(),
        role,
        line: f.line.number,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::layout;

    fn classified(text: &str) -> Vec<(String, &str)> {
        classify(text, &layout::lines(text))
            .into_iter()
            .map(|s| {
                let role = match s.role {
                    Role::Front(k) => format!("front:{k:?}"),
                    Role::Boilerplate(k) => format!("chrome:{k:?}"),
                    Role::Body => "body".to_owned(),
                };
                (role, &text[s.range])
            })
            .collect()
    }

    #[test]
    fn head_body_and_tail() {
        let text = "首页 | 人大要闻 | 代表工作 | 联系我们\n当前位置：首页 > 讲话\n在全县人大工作会议上的讲话\n县委书记 李 明\n（2023年5月6日）\n同志们：\n今天召开会议。\n一、提高站位\n要提高站位。\n责任编辑：王五\n版权所有：某县人大常委会\n";
        assert_eq!(
            classified(text),
            vec![
                (
                    "chrome:Navigation".to_owned(),
                    "首页 | 人大要闻 | 代表工作 | 联系我们"
                ),
                ("chrome:Navigation".to_owned(), "当前位置：首页 > 讲话"),
                ("front:Title".to_owned(), "在全县人大工作会议上的讲话"),
                ("front:Byline".to_owned(), "县委书记 李 明"),
                ("front:Date".to_owned(), "（2023年5月6日）"),
                ("body".to_owned(), "同志们："),
                ("body".to_owned(), "今天召开会议。"),
                ("body".to_owned(), "一、提高站位"),
                ("body".to_owned(), "要提高站位。"),
                ("chrome:Editor".to_owned(), "责任编辑：王五"),
                ("chrome:Footer".to_owned(), "版权所有：某县人大常委会"),
            ]
        );
    }

    #[test]
    fn continuation_marks_are_split_off_body_lines() {
        let text = "在市人代会闭幕会上的讲话\n(上接一版)始终胸怀大局。\n推动落实。（下转第三版）";
        assert_eq!(
            classified(text),
            vec![
                ("front:Title".to_owned(), "在市人代会闭幕会上的讲话"),
                ("chrome:Continuation".to_owned(), "(上接一版)"),
                ("body".to_owned(), "始终胸怀大局。"),
                ("body".to_owned(), "推动落实。"),
                ("chrome:Continuation".to_owned(), "（下转第三版）"),
            ]
        );
    }

    #[test]
    fn split_and_repeated_titles() {
        let text = "站点名称\n在全市人大代表工作\n座谈会上的讲话\n分享到：微信\n在全市人大代表工作座谈会上的讲话\n各位代表：\n大家好。";
        assert_eq!(
            classified(text),
            vec![
                ("chrome:Other".to_owned(), "站点名称"),
                ("front:Title".to_owned(), "在全市人大代表工作"),
                ("front:Title".to_owned(), "座谈会上的讲话"),
                ("chrome:Widget".to_owned(), "分享到：微信"),
                (
                    "chrome:Repeated".to_owned(),
                    "在全市人大代表工作座谈会上的讲话"
                ),
                ("body".to_owned(), "各位代表："),
                ("body".to_owned(), "大家好。"),
            ]
        );
    }

    #[test]
    fn uncued_tail_lines_join_the_chrome_around_them() {
        let text = "讲话正文。\n汇报完毕。\n221381\n领取福利\n微信扫码分享";
        let roles: Vec<_> = classified(text).into_iter().map(|(r, _)| r).collect();
        assert_eq!(
            roles,
            vec![
                "body",
                "body",
                "chrome:Advertisement",
                "chrome:Advertisement",
                "chrome:Advertisement"
            ]
        );
    }

    #[test]
    fn a_kicker_is_split_off_the_title_unless_it_is_the_title() {
        let text = "【两会时间】人大会议开幕\n大会今天开幕。";
        assert_eq!(
            classified(text)[..2],
            [
                ("chrome:Other".to_owned(), "【两会时间】"),
                ("front:Title".to_owned(), "人大会议开幕"),
            ]
        );
        let text = "政府工作报告｜某某网\n大会今天开幕。";
        assert_eq!(
            classified(text)[0],
            ("front:Title".to_owned(), "政府工作报告｜某某网")
        );
    }

    #[test]
    fn a_licence_notice_in_the_second_half_ends_the_speech() {
        let text = "讲话标题\n同志们：\n今天召开会议，部署全年工作。\n让我们共同努力！\n本作品属于\n公有领域\n。\n注：编者认为，此类讲话\n未必\n都是公文。";
        let roles: Vec<_> = classified(text).into_iter().map(|(r, _)| r).collect();
        assert_eq!(&roles[1..4], ["body", "body", "body"]);
        assert!(
            roles[4..].iter().all(|r| r == "chrome:Licence"),
            "{roles:?}"
        );
        // A reprint notice above the story does not end it.
        let text = "转载请注明出处。\n同志们：\n今天召开会议，部署全年工作。\n让我们共同努力！";
        let roles: Vec<_> = classified(text).into_iter().map(|(r, _)| r).collect();
        assert_eq!(roles, ["chrome:Licence", "body", "body", "body"]);
    }

    #[test]
    fn a_dateline_is_split_off_the_paragraph_it_opens() {
        let text = "人大会议开幕\n新华社北京3月5日电（记者 张华）大会今天开幕。\n会议听取了报告。（责编：王丽）";
        assert_eq!(
            classified(text)[1..],
            [
                ("front:Source".to_owned(), "新华社北京3月5日电（记者 张华）"),
                ("body".to_owned(), "大会今天开幕。"),
                ("body".to_owned(), "会议听取了报告。"),
                ("chrome:Editor".to_owned(), "（责编：王丽）"),
            ]
        );
    }

    #[test]
    fn a_note_in_brackets_and_a_broken_first_sentence_are_no_title() {
        let text = "（根据录音整理，有删节）\n现在我代表常委会作关于过去一年\n[\n1\n]\n以来的工作报告。请予审议。\n常委会依法履职。";
        let got = classified(text);
        assert_eq!(
            got[0],
            ("chrome:Other".to_owned(), "（根据录音整理，有删节）")
        );
        assert_eq!(
            got[1],
            ("body".to_owned(), "现在我代表常委会作关于过去一年")
        );
        assert!(got.iter().all(|(role, _)| !role.starts_with("front:Title")));
    }

    #[test]
    fn a_text_of_prose_alone_is_all_body() {
        let text = "同志们，今天我们在这里召开会议。\n会议开得很好。";
        assert!(classified(text).iter().all(|(r, _)| r == "body"));
    }
}
