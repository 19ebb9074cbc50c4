//! Stage 5: body segments → salutation, preamble, sections, closing and appendix.
//!
//! The body is cut into pieces (paragraphs, split further where a part starts inside one), and
//! every piece lands in exactly one place: the preamble, a section (or one of its
//! subsections), the closing or the appendix. Salutations and directives are nested inside
//! pieces.

use std::ops::Range;

use super::directives::{self, Point};
use super::levels::{self, Head, Kind};
use super::markers::{self, Family, SENTENCE_ENDS};
use super::{paragraphs, peroration, Segment};
use crate::model::{Diagnostic, DiagnosticCode, Directive, Passage, Section, Severity};
use crate::text::SourceText;

/// The structure of the body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outline {
    /// 同志们 / 各位代表、同志们, without trailing punctuation.
    pub salutation: Option<Passage>,
    /// Body text before the first section.
    pub preamble: Vec<Passage>,
    /// Top-level sections, with subsections and directives.
    pub sections: Vec<Section>,
    /// The peroration after the last section.
    pub closing: Vec<Passage>,
    /// Notes, glossaries and attachments after the closing.
    pub appendix: Vec<Passage>,
    /// The number of parts the speaker announced.
    pub announced_sections: Option<u32>,
    /// Whether the text visibly starts after its beginning (its first part is not part 1).
    pub fragment: bool,
    /// Warnings about the structure.
    pub diagnostics: Vec<Diagnostic>,
}

/// Levels of sections: parts and their subsections (一、 → （一）). The numbered items of the
/// level below (1. → （1）) are the subsections' directives, as the document model has them.
const SECTION_LEVELS: usize = 2;

/// Finds the structure of the body segments.
pub fn outline(source: &SourceText, segments: &[Segment]) -> Outline {
    let text = source.as_str();
    let mut pieces = paragraphs::paragraphs(text, segments);
    let appendix = split_off_appendix(text, &mut pieces);
    let salutation = peroration::salutation(text, &pieces);
    if let Some(address) = &salutation {
        split_after_salutation(text, &mut pieces, address);
    }
    let top = levels::top_level(text, &pieces);
    let salutation = salutation.filter(|s| top.heads.first().is_none_or(|h| s.end <= h.start));
    let starts: Vec<usize> = top
        .heads
        .iter()
        .map(|h| split_at(text, &mut pieces, h.start))
        .collect();
    let finder = directives::PointFinder::new(text);
    let body_end = closing_start(text, &mut pieces, &top, &starts, &finder);

    let builder = Builder {
        source,
        finder: &finder,
        run_in: top.run_in,
        levels: section_levels(&top),
    };
    let mut diagnostics = Vec::new();
    let preamble_end = starts.first().copied().unwrap_or(body_end);
    let sections: Vec<Section> = top
        .heads
        .iter()
        .enumerate()
        .filter_map(|(j, head)| {
            let from = *starts.get(j)?;
            let to = starts.get(j + 1).copied().unwrap_or(body_end);
            let scope = pieces.get(from..to)?;
            Some(builder.section(head, scope, &[], 1, &mut diagnostics))
        })
        .collect();
    diagnostics.splice(0..0, gaps(source, &top.heads, "section"));

    let passages = |range: Range<usize>| -> Vec<Passage> {
        pieces
            .get(range)
            .unwrap_or_default()
            .iter()
            .map(|p| source.passage(p))
            .collect()
    };
    // Without sections there is no closing either: `body_end` is then the end of the pieces.
    let preamble = passages(0..preamble_end);
    let closing = passages(body_end..pieces.len());

    let announcement = {
        let region_end = top
            .heads
            .first()
            .map_or_else(|| pieces.last().map_or(0, |p| p.end), |h| h.start);
        let region_start = pieces.first().map_or(0, |p| p.start);
        peroration::announcement(text, &(region_start..region_end))
    };
    let fragment = matches!(top.heads.first(), Some(h) if h.ordinal > 1 && matches!(h.kind, Kind::Numbered(_)));
    diagnostics.extend(frame_diagnostics(
        source,
        &top.heads,
        announcement.as_ref(),
        fragment,
    ));

    Outline {
        salutation: salutation.map(|r| source.passage(&r)),
        preamble,
        sections,
        closing,
        appendix: appendix.iter().map(|p| source.passage(p)).collect(),
        announced_sections: announcement.map(|(n, _)| n),
        fragment,
        diagnostics,
    }
}

/// Removes the appendix pieces (from a 名词解释 / 附件 / 注： / 编后 opening on) and returns them.
fn split_off_appendix(text: &str, pieces: &mut Vec<Range<usize>>) -> Vec<Range<usize>> {
    let at = pieces
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, p)| {
            text.get((*p).clone())
                .is_some_and(|s| peroration::opens_appendix(s) || peroration::opens_afterword(s))
        })
        .map_or(pieces.len(), |(i, _)| i);
    pieces.split_off(at)
}

/// Gives the salutation its own piece, with the punctuation after it, so that the text after
/// it starts a piece of its own.
fn split_after_salutation(text: &str, pieces: &mut Vec<Range<usize>>, address: &Range<usize>) {
    let index = split_at(text, pieces, address.start);
    let Some(end) = pieces.get(index).map(|p| p.end) else {
        return;
    };
    let after = text
        .get(address.end..end)
        .and_then(|s| s.chars().next())
        .filter(|c| matches!(c, '：' | ':' | '，' | ',' | '！' | '!' | '。' | '；'))
        .map_or(address.end, |c| address.end + c.len_utf8());
    let rest = skip_space(text, after, end);
    if rest < end {
        pieces[index].end = after;
        pieces.insert(index + 1, rest..end);
    }
}

/// Splits the piece that contains byte `pos` so that a piece starts there; returns its index.
fn split_at(text: &str, pieces: &mut Vec<Range<usize>>, pos: usize) -> usize {
    let Some(index) = pieces.iter().position(|p| p.start <= pos && pos < p.end) else {
        return pieces
            .iter()
            .position(|p| p.start >= pos)
            .unwrap_or(pieces.len());
    };
    let piece = pieces[index].clone();
    let left_end = piece.start + text.get(piece.start..pos).map_or(0, |s| s.trim_end().len());
    if left_end == piece.start {
        pieces[index].start = pos;
        return index;
    }
    pieces[index].end = left_end;
    pieces.insert(index + 1, pos..piece.end);
    index + 1
}

fn skip_space(text: &str, from: usize, end: usize) -> usize {
    text.get(from..end)
        .map_or(from, |s| end - s.trim_start().len())
}

/// Where the closing starts (a piece index; the number of pieces when there is none).
///
/// The closing is the peroration after the last section's content: it starts after the last
/// section's first paragraph and after every numbered part of it (一、, （一）, 1.), at the last
/// piece there that addresses the audience (work reports say 各位代表！ to open topics inside a
/// part; the peroration is opened by the last such address), or at a conclusion heading (结束语),
/// else at the first that uses a
/// peroration phrase (in a run-in text, at such a sentence), together with the pledges of the
/// Party committee just before it (市委将一如既往…). Where no address opens it and the other
/// sections all have the same number of paragraphs, or all end with their last directive, the
/// last section is taken to do the same and what follows it belongs to the closing too.
fn closing_start(
    text: &str,
    pieces: &mut Vec<Range<usize>>,
    top: &levels::TopLevel,
    starts: &[usize],
    finder: &directives::PointFinder<'_>,
) -> usize {
    let (Some(last_head), Some(&last)) = (top.heads.last(), starts.last()) else {
        return pieces.len();
    };
    let first_body = |i: usize, pieces: &[Range<usize>]| -> usize {
        let bare = pieces.get(i).is_some_and(|p| {
            top.heads
                .iter()
                .any(|h| h.start == p.start && h.heading.end == p.end)
        });
        i + usize::from(bare)
    };
    // The closing never starts inside the last part's own last part (the （九） of 二、), nor
    // before the last numbered head.
    let innermost = last_part_start(text, pieces, last, last_head, top);
    let after_head =
        |at: usize, pieces: &[Range<usize>]| at + 1 + usize::from(is_bare_head(text, pieces, at));
    let mut floor = if innermost > last {
        after_head(innermost, pieces)
    } else {
        first_body(last, pieces) + 1
    };
    if let Some(pos) = top.last_numbered {
        let at = split_at(text, pieces, pos);
        floor = floor.max(after_head(at, pieces));
    }
    let floor = closing_floor(text, pieces, floor);
    if let Some(conclusion) = conclusion_heading(text, pieces, floor) {
        return conclusion;
    }
    let mut cue = peroration_cue(text, pieces, floor);
    if top.run_in {
        if let Some(pos) = peroration_sentence(text, &pieces[last..], last_head.heading.end) {
            cue = Some(split_at(text, pieces, pos));
        }
    }
    let Some(cue) = cue else {
        return pieces.len();
    };
    let last_first_body = first_body(last, pieces);
    let others: Vec<Range<usize>> = starts.windows(2).map(|w| w[0]..w[1]).collect();
    let mut start = cue;
    while start > floor
        && pieces
            .get(start - 1)
            .and_then(|p| text.get(p.clone()))
            .is_some_and(peroration::is_pledge)
    {
        start -= 1;
    }
    // An address opens the peroration: what comes before it is the last section's.
    let addressed = pieces
        .get(cue)
        .and_then(|p| text.get(p.clone()))
        .is_some_and(|s| peroration::address(s).is_some());
    if addressed {
        return start.max(floor).min(cue);
    }
    if others.len() >= 2 {
        let counts: Vec<usize> = others
            .iter()
            .map(|r| r.end - first_body(r.start, pieces))
            .collect();
        if counts.windows(2).all(|w| w[0] == w[1]) {
            if let Some(&m) = counts.first() {
                start = start.min((last_first_body + m).max(last_first_body + 1));
            }
        }
    }
    if let Some(end) = last_directive_end(pieces, top, &others, last, cue, finder) {
        start = start.min(end);
    }
    start.max(floor).min(cue)
}

/// The piece where the deepest last part of the last section starts (its own start when it
/// has no numbered parts), splitting pieces where a part starts inside one.
fn last_part_start(
    text: &str,
    pieces: &mut Vec<Range<usize>>,
    last: usize,
    last_head: &Head,
    top: &levels::TopLevel,
) -> usize {
    let mut at = last;
    let mut kinds = vec![last_head.kind];
    for _ in 1..section_levels(top) {
        let subs = levels::sub_level(
            text,
            pieces.get(at..).unwrap_or_default(),
            &kinds,
            top.run_in,
        );
        let Some(sub) = subs.last().filter(|h| matches!(h.kind, Kind::Numbered(_))) else {
            break;
        };
        kinds.push(sub.kind);
        at = split_at(text, pieces, sub.start);
    }
    at
}

/// Whether the piece at `index` is a part's heading alone, its text following in other pieces.
fn is_bare_head(text: &str, pieces: &[Range<usize>], index: usize) -> bool {
    pieces.get(index).is_some_and(|p| {
        markers::marker_at(text, p.start)
            .is_some_and(|m| levels::heading_after(text, m.rest, p.end).end == p.end)
    })
}

/// The first piece from `from` on that the closing may start at: the piece after the last
/// numbered part's heading (after its first paragraph when the heading stands alone).
fn closing_floor(text: &str, pieces: &[Range<usize>], from: usize) -> usize {
    let piece = |i: usize| {
        pieces
            .get(i)
            .and_then(|p| text.get(p.clone()))
            .unwrap_or_default()
    };
    (from..pieces.len())
        .rev()
        .find(|&i| peroration::opens_numbered_part(piece(i)))
        .map_or(from, |i| {
            (i + 1 + usize::from(peroration::is_bare_heading(piece(i)))).max(from)
        })
}

/// The last conclusion heading (结束语) from `floor` on: the closing starts with it.
fn conclusion_heading(text: &str, pieces: &[Range<usize>], floor: usize) -> Option<usize> {
    (floor..pieces.len()).rev().find(|&i| {
        pieces
            .get(i)
            .and_then(|p| text.get(p.clone()))
            .is_some_and(peroration::is_conclusion_heading)
    })
}

/// The piece the peroration opens with, from `floor` on: the last that addresses the audience,
/// else the first that uses a peroration phrase.
fn peroration_cue(text: &str, pieces: &[Range<usize>], floor: usize) -> Option<usize> {
    let piece = |i: &usize| pieces.get(*i).and_then(|p| text.get(p.clone()));
    let candidates = floor..pieces.len();
    candidates
        .clone()
        .rev()
        .find(|i| piece(i).is_some_and(|s| peroration::address(s).is_some()))
        .or_else(|| {
            candidates
                .clone()
                .find(|i| piece(i).is_some_and(peroration::is_peroration))
        })
}

/// In a run-in text, where the peroration opens among the sentences of `pieces` after byte
/// `after`: the last sentence that addresses the audience, else the first that opens a
/// peroration otherwise (让我们, 汇报完毕).
fn peroration_sentence(text: &str, pieces: &[Range<usize>], after: usize) -> Option<usize> {
    let sentences: Vec<(usize, usize)> = pieces
        .iter()
        .flat_map(|p| {
            markers::clause_starts(text, p, SENTENCE_ENDS)
                .into_iter()
                .map(move |s| (s, p.end))
        })
        .filter(|&(s, _)| s > after)
        .collect();
    let sentence = |&(s, end): &(usize, usize)| text.get(s..end).unwrap_or_default();
    sentences
        .iter()
        .rev()
        .find(|s| peroration::address(sentence(s)).is_some())
        .or_else(|| {
            sentences
                .iter()
                .find(|s| peroration::opens_peroration(sentence(s)))
        })
        .map(|&(s, _)| s)
}

/// The piece after the last section's last directive, when every other section with
/// directives ends with the paragraph of its last directive.
fn last_directive_end(
    pieces: &[Range<usize>],
    top: &levels::TopLevel,
    others: &[Range<usize>],
    last: usize,
    cue: usize,
    finder: &directives::PointFinder<'_>,
) -> Option<usize> {
    let excluded: Vec<Family> = top.heads.iter().filter_map(|h| family(h.kind)).collect();
    let last_point = |scope: &Range<usize>| -> Option<usize> {
        let points = finder.points(
            pieces.get(scope.clone())?,
            &excluded,
            directives::Scope::Nesting,
        );
        points.last().map(|p| scope.start + p.paragraph)
    };
    let mut with_points = 0;
    for scope in others {
        if let Some(at) = last_point(scope) {
            if at + 1 != scope.end {
                return None;
            }
            with_points += 1;
        }
    }
    let end = last_point(&(last..cue))? + 1;
    (with_points > 0 && end < cue).then_some(end)
}

fn family(kind: Kind) -> Option<Family> {
    match kind {
        Kind::Numbered(f) => Some(f),
        Kind::HeadingLine | Kind::LeadSentence | Kind::Dashed => None,
    }
}

/// The levels of sections: one more where unnumbered parts hold the numbered ones, so that
/// these keep their subsections.
fn section_levels(top: &levels::TopLevel) -> usize {
    SECTION_LEVELS + usize::from(top.above_numbers)
}

/// Builds sections and their subsections.
struct Builder<'a> {
    source: &'a SourceText,
    finder: &'a directives::PointFinder<'a>,
    run_in: bool,
    /// Levels of sections below the body.
    levels: usize,
}

impl Builder<'_> {
    /// The section that `head` starts, over `pieces` (the first starts with the head).
    fn section(
        &self,
        head: &Head,
        pieces: &[Range<usize>],
        above: &[Kind],
        depth: usize,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Section {
        let text = self.source.as_str();
        let mut pieces = pieces.to_vec();
        let mut kinds = above.to_vec();
        kinds.push(head.kind);
        let subs = if depth < self.levels {
            levels::sub_level(text, &pieces, &kinds, self.run_in)
        } else {
            Vec::new()
        };
        let starts: Vec<usize> = subs
            .iter()
            .map(|h| split_at(text, &mut pieces, h.start))
            .collect();
        let own_end = starts.first().copied().unwrap_or(pieces.len());
        let own = pieces.get(..own_end).unwrap_or_default();
        let excluded: Vec<Family> = kinds.iter().filter_map(|&k| family(k)).collect();
        let scope = if depth < self.levels {
            directives::Scope::Nesting
        } else {
            directives::Scope::Innermost
        };
        let points = self.finder.points(own, &excluded, scope);
        diagnostics.extend(point_gaps(self.source, &points));
        let subsections = subs
            .iter()
            .enumerate()
            .filter_map(|(k, sub)| {
                let from = *starts.get(k)?;
                let to = starts.get(k + 1).copied().unwrap_or(pieces.len());
                Some(self.section(sub, pieces.get(from..to)?, &kinds, depth + 1, diagnostics))
            })
            .collect();
        diagnostics.extend(gaps(self.source, &subs, "subsection"));
        let end = pieces.last().map_or(head.heading.end, |p| p.end);
        Section {
            ordinal: head.ordinal,
            marker: head
                .marker
                .as_ref()
                .and_then(|m| text.get(m.clone()))
                .map(str::to_owned),
            heading: text
                .get(head.heading.clone())
                .unwrap_or_default()
                .to_owned(),
            heading_span: self.source.span(&head.heading),
            themes: Vec::new(),
            paragraphs: own.iter().map(|p| self.source.passage(p)).collect(),
            directives: points.iter().map(|p| self.directive(p)).collect(),
            subsections,
            span: self.source.span(&(head.start..end)),
        }
    }

    fn directive(&self, point: &Point) -> Directive {
        let text = self.source.as_str();
        let part = |r: &Range<usize>| text.get(r.clone()).unwrap_or_default().to_owned();
        Directive {
            ordinal: point.ordinal,
            marker: part(&point.marker),
            heading: part(&point.heading),
            text: part(&point.text),
            span: self.source.span(&point.text),
            themes: Vec::new(),
        }
    }
}

fn warning(
    code: DiagnosticCode,
    severity: Severity,
    message: String,
    span: Option<crate::model::Span>,
) -> Diagnostic {
    Diagnostic {
        code,
        severity,
        message,
        span,
    }
}

/// An [`DiagnosticCode::OrdinalGap`] warning for every head whose number skips one.
fn gaps(source: &SourceText, heads: &[Head], what: &str) -> Vec<Diagnostic> {
    heads
        .iter()
        .filter(|h| h.gap)
        .map(|h| {
            let marker = h.marker.clone().unwrap_or(h.heading.clone());
            warning(
                DiagnosticCode::OrdinalGap,
                Severity::Warning,
                format!(
                    "{what} {} follows {what} {}: {what} {} is missing",
                    h.ordinal,
                    h.ordinal.saturating_sub(2),
                    h.ordinal.saturating_sub(1)
                ),
                Some(source.span(&marker)),
            )
        })
        .collect()
}

fn point_gaps(source: &SourceText, points: &[Point]) -> Vec<Diagnostic> {
    points
        .iter()
        .filter(|p| p.gap)
        .map(|p| {
            warning(
                DiagnosticCode::OrdinalGap,
                Severity::Warning,
                format!(
                    "directive {} follows directive {}: directive {} is missing",
                    p.ordinal,
                    p.ordinal.saturating_sub(2),
                    p.ordinal.saturating_sub(1)
                ),
                Some(source.span(&p.marker)),
            )
        })
        .collect()
}

/// Diagnostics about the whole structure: no sections, a fragment, an announcement that the
/// sections found do not match.
fn frame_diagnostics(
    source: &SourceText,
    heads: &[Head],
    announcement: Option<&(u32, Range<usize>)>,
    fragment: bool,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if heads.is_empty() {
        out.push(warning(
            DiagnosticCode::NoSections,
            Severity::Warning,
            "no numbered or headed sections were found; the body is kept as preamble".to_owned(),
            None,
        ));
    }
    if let (true, Some(first)) = (fragment, heads.first()) {
        out.push(warning(
            DiagnosticCode::Fragment,
            Severity::Note,
            format!(
                "the first section is numbered {}: the text starts after its beginning",
                first.ordinal
            ),
            first.marker.as_ref().map(|m| source.span(m)),
        ));
    }
    if let Some((announced, range)) = announcement {
        // Unnumbered part headings beside a numbered run are not among the parts announced.
        let numbered = heads.iter().filter(|h| h.marker.is_some()).count();
        let found = if numbered > 0 { numbered } else { heads.len() };
        if *announced as usize != found {
            out.push(warning(
                DiagnosticCode::AnnouncedSectionsMismatch,
                Severity::Warning,
                format!("the speaker announces {announced} parts but {found} sections were found"),
                Some(source.span(range)),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{layout, Role};

    fn parse(text: &str) -> (SourceText, Outline) {
        let source = SourceText::new(text.to_owned());
        let segments: Vec<Segment> = layout::lines(text)
            .into_iter()
            .map(|l| Segment {
                range: l.range,
                role: Role::Body,
                line: l.number,
            })
            .collect();
        let outline = outline(&source, &segments);
        (source, outline)
    }

    fn headings(sections: &[Section]) -> Vec<(u32, &str)> {
        sections
            .iter()
            .map(|s| (s.ordinal, s.heading.as_str()))
            .collect()
    }

    const REPORT: &str = "各位代表：\n现在，我代表常委会作工作报告，请予审议。下面，我讲两个方面。\n一、过去一年的工作\n（一）立法工作有序推进。制定法规三件。一是加强重点立法，二是完善立法机制。\n（二）监督工作扎实有效。首先，听取报告。其次，开展执法检查。\n二、今年的主要任务\n要坚持党的领导。一要加强立法。内容。二要强化监督。内容。\n各位代表！让我们团结奋进，为实现目标而努力奋斗！\n名词解释\n1.执法检查：人大常委会的监督方式。";

    #[test]
    fn a_work_report_nests_subsections_and_directives() {
        let (_, outline) = parse(REPORT);
        assert_eq!(
            outline.salutation.as_ref().map(|s| s.text.as_str()),
            Some("各位代表")
        );
        assert_eq!(outline.announced_sections, Some(2));
        assert_eq!(
            headings(&outline.sections),
            vec![(1, "过去一年的工作"), (2, "今年的主要任务")]
        );
        let first = &outline.sections[0];
        assert_eq!(
            headings(&first.subsections),
            vec![(1, "立法工作有序推进"), (2, "监督工作扎实有效")]
        );
        assert_eq!(first.subsections[0].directives.len(), 2);
        assert_eq!(first.subsections[1].directives[1].marker, "其次，");
        assert_eq!(outline.sections[1].directives.len(), 2);
        assert!(outline.closing[0].text.starts_with("各位代表！让我们"));
        assert_eq!(outline.appendix.len(), 2);
        assert!(outline.diagnostics.is_empty(), "{:?}", outline.diagnostics);
    }

    #[test]
    fn every_piece_of_text_lands_somewhere_exactly_once() {
        let (source, outline) = parse(REPORT);
        let mut spans: Vec<_> = outline
            .preamble
            .iter()
            .chain(&outline.closing)
            .chain(&outline.appendix)
            .map(|p| p.span)
            .collect();
        fn walk(sections: &[Section], spans: &mut Vec<crate::model::Span>) {
            for s in sections {
                spans.extend(s.paragraphs.iter().map(|p| p.span));
                walk(&s.subsections, spans);
            }
        }
        walk(&outline.sections, &mut spans);
        spans.sort();
        let covered: usize = spans.iter().map(|s| s.len()).sum();
        let visible = source
            .as_str()
            .chars()
            .filter(|c| !c.is_whitespace())
            .count();
        let spanned_visible: usize = spans
            .iter()
            .filter_map(|s| source.slice_chars(*s))
            .map(|t| t.chars().filter(|c| !c.is_whitespace()).count())
            .sum();
        assert!(
            spans.windows(2).all(|w| w[0].end <= w[1].start),
            "pieces overlap"
        );
        assert!(covered > 0);
        assert_eq!(spanned_visible, visible);
    }

    #[test]
    fn announced_and_found_must_agree() {
        let (_, outline) =
            parse("下面，我讲三点意见。\n一、提高站位。内容。\n二、狠抓落实。内容。");
        let codes: Vec<_> = outline.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec![DiagnosticCode::AnnouncedSectionsMismatch]);
    }

    #[test]
    fn a_fragment_is_flagged() {
        let (_, outline) = parse("接上文内容。\n第三，强化监督。内容。\n第四，密切联系。内容。");
        assert!(outline.fragment);
        assert_eq!(outline.diagnostics[0].code, DiagnosticCode::Fragment);
        assert_eq!(outline.preamble.len(), 1);
    }

    #[test]
    fn no_sections_keeps_the_body_as_preamble() {
        let (_, outline) = parse("同志们，今天开会。\n要认真落实。\n谢谢大家！");
        assert!(outline.sections.is_empty());
        assert_eq!(outline.preamble.len(), 4);
        assert!(outline.closing.is_empty());
        assert_eq!(outline.diagnostics[0].code, DiagnosticCode::NoSections);
    }

    #[test]
    fn a_salutation_opening_a_paragraph_gets_its_own_piece() {
        let (_, outline) =
            parse("同志们，今天开会。\n一是要提高站位。内容。\n二是要狠抓落实。内容。");
        let salutation = outline.salutation.as_ref().map(|s| s.text.as_str());
        assert_eq!(salutation, Some("同志们"));
        assert_eq!(outline.preamble[0].text, "同志们，");
        assert_eq!(outline.preamble[1].text, "今天开会。");
        assert_eq!(outline.sections[0].marker.as_deref(), Some("一是要"));
    }
}
