//! Body segments → paragraphs.
//!
//! A paragraph is usually one line. Text copied from wikis and PDFs is hard-wrapped instead: its
//! lines are broken at a fixed display width, mid-sentence, and the lines of one paragraph are
//! joined again here. Headings never join: they are short, or start with a marker.

use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use super::markers;
use super::peroration;
use super::{Role, Segment};

/// Display columns by which a full line of wrapped text may fall short of the wrap width
/// (a wide character or a line-start punctuation rule pushes a character to the next line).
const WRAP_SLACK: usize = 4;
/// Narrower texts are lists or chrome, not wrapped prose.
const MIN_WRAP_WIDTH: usize = 40;
/// Full lines needed before a text counts as hard-wrapped.
const MIN_FULL_LINES: usize = 3;

/// Punctuation that never starts a paragraph: a line starting with it continues the one before.
const CONTINUATION_STARTS: &[char] = &[
    '，', '、', '。', '；', '：', '！', '？', '）', '」', '』', '”', '》', ',', ';', ':', ')',
];

/// The paragraphs of the body: byte ranges of runs of body segments, trimmed, in input order.
pub fn paragraphs(text: &str, segments: &[Segment]) -> Vec<Range<usize>> {
    let wrap = wrap_width(text, segments);
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut previous: Option<&Segment> = None;
    for segment in segments {
        if segment.role != Role::Body {
            previous = None;
            continue;
        }
        let joined = match (previous, out.last_mut()) {
            (Some(line), Some(paragraph)) if continues(text, &line.range, &segment.range, wrap) => {
                paragraph.end = segment.range.end;
                true
            }
            _ => false,
        };
        if !joined {
            out.push(segment.range.clone());
        }
        previous = Some(segment);
    }
    out
}

/// Whether the line `next` continues the paragraph whose last line is `line`.
fn continues(text: &str, line: &Range<usize>, next: &Range<usize>, wrap: Option<usize>) -> bool {
    if !single_line_break(text, line, next) || markers::marker_at(text, next.start).is_some() {
        return false;
    }
    let Some(next_text) = text.get(next.clone()) else {
        return false;
    };
    // 同志们，… opens a paragraph of its own, however full the line before.
    if peroration::address(next_text).is_some_and(|a| a.start == 0) {
        return false;
    }
    if next_text.starts_with(CONTINUATION_STARTS) {
        return true;
    }
    match (wrap, text.get(line.clone())) {
        (Some(width), Some(line_text)) => is_full(line_text, width),
        _ => false,
    }
}

/// Whether only whitespace with exactly one line break lies between two ranges.
fn single_line_break(text: &str, before: &Range<usize>, after: &Range<usize>) -> bool {
    text.get(before.end..after.start)
        .is_some_and(|gap| gap.chars().all(char::is_whitespace) && gap.matches('\n').count() == 1)
}

fn is_full(line: &str, wrap: usize) -> bool {
    let width = line.width();
    width + WRAP_SLACK >= wrap && width <= wrap
}

/// The width at which the body was hard-wrapped, when it was: the widest width that at least
/// [`MIN_FULL_LINES`] lines reach, provided that most lines followed by another line reach it.
fn wrap_width(text: &str, segments: &[Segment]) -> Option<usize> {
    let widths: Vec<usize> = segments
        .windows(2)
        .filter(|pair| pair.iter().all(|s| s.role == Role::Body))
        .filter(|pair| single_line_break(text, &pair[0].range, &pair[1].range))
        .filter_map(|pair| text.get(pair[0].range.clone()).map(UnicodeWidthStr::width))
        .collect();
    let mut candidates = widths.clone();
    candidates.sort_unstable_by(|a, b| b.cmp(a));
    candidates.dedup();
    let full = |w: usize| {
        widths
            .iter()
            .filter(|&&x| x <= w && x + WRAP_SLACK >= w)
            .count()
    };
    let width = candidates
        .into_iter()
        .filter(|&w| w >= MIN_WRAP_WIDTH)
        .find(|&w| full(w) >= MIN_FULL_LINES)?;
    (2 * full(width) >= widths.len()).then_some(width)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body_lines(text: &str) -> Vec<Segment> {
        crate::parse::layout::lines(text)
            .into_iter()
            .map(|l| Segment {
                range: l.range,
                role: Role::Body,
                line: l.number,
            })
            .collect()
    }

    fn texts(text: &str) -> Vec<&str> {
        paragraphs(text, &body_lines(text))
            .into_iter()
            .filter_map(|r| text.get(r))
            .collect()
    }

    #[test]
    fn one_line_is_one_paragraph() {
        let text = "一、坚持党的领导\n党的领导是根本保证。\n二、坚持依法履职\n依法履职是基本要求。";
        assert_eq!(texts(text).len(), 4);
    }

    #[test]
    fn joins_hard_wrapped_lines_but_not_headings() {
        let text = "一、坚持党的领导\n\
                    党的领导是人大工作的根本政治保证，要把党的领导贯穿人大\n\
                    工作全过程各方面，确保人大工作始终沿着正确方向前进，做\n\
                    到党委有部署、人大有行动，不断提高依法履职的能力和水平\n\
                    。\n\
                    二、坚持依法履职\n\
                    依法履职是人大工作的基本要求，要严格按照法定职责、法定\n\
                    程序开展工作。";
        let got = texts(text);
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[0], "一、坚持党的领导");
        assert!(got[1].ends_with("水平\n。"));
        assert_eq!(got[2], "二、坚持依法履职");
    }

    #[test]
    fn an_address_opens_a_paragraph_even_in_wrapped_text() {
        let text = "党的领导是人大工作的根本政治保证，要把党的领导贯穿人大\n\
                    工作全过程各方面，确保人大工作始终沿着正确方向前进，做\n\
                    到党委有部署、人大有行动，不断提高依法履职的能力水平。\n\
                    同志们，让我们团结一心，为全面建设社会主义现代化国家而\n\
                    努力奋斗！";
        let got = texts(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[1].starts_with("同志们，让我们"));
    }

    #[test]
    fn a_line_starting_with_a_comma_continues() {
        let text = "各级人大要加强监督\n，推动工作落实。\n要加强代表工作。";
        assert_eq!(
            texts(text),
            vec!["各级人大要加强监督\n，推动工作落实。", "要加强代表工作。"]
        );
    }

    #[test]
    fn blank_lines_separate_paragraphs_even_when_wrapped() {
        let line = "人大工作要坚持党的领导、人民当家作主、依法治国有机统一，";
        let text = format!("{line}\n{line}\n{line}\n\n{line}\n{line}");
        assert_eq!(texts(&text).len(), 2);
    }
}
