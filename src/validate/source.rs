//! Layer 2 with the source text: spans within it, texts equal to it, and nothing of it dropped.

use crate::model::{Span, Speech};
use crate::text::SourceText;

use super::locate::LineIndex;
use super::problem::{Position, Problem, SemanticRule, SourcePlace};
use super::semantic::show;
use super::walk::{At, Parts};

/// Every breach of the rules that compare the document with its source text.
pub fn check(speech: &Speech, source: &SourceText) -> Vec<Problem> {
    let places = Places::new(source);
    let parts = Parts::new(speech);
    let mut out = Vec::new();
    span_bounds(&parts, source, &mut out);
    text_mismatch(&parts, source, &places, &mut out);
    heading_mismatch(&parts, source, &places, &mut out);
    source_uncovered(&parts, source, &places, &mut out);
    out
}

/// Line:column lookup in the source file for character spans.
struct Places<'a> {
    source: &'a SourceText,
    lines: LineIndex<'a>,
}

impl<'a> Places<'a> {
    fn new(source: &'a SourceText) -> Self {
        Self {
            source,
            lines: LineIndex::new(source.as_str()),
        }
    }

    fn place(&self, span: Span) -> SourcePlace {
        let position = self.lines.position(self.source.byte_offset(span.start));
        SourcePlace { span, position }
    }
}

/// No span reaches past the end of the source.
fn span_bounds(parts: &Parts<'_>, source: &SourceText, out: &mut Vec<Problem>) {
    let len = source.char_len();
    for At {
        pointer,
        item: span,
    } in parts.spans()
    {
        if span.start.max(span.end) > len {
            out.push(Problem::semantic(
                SemanticRule::SpanBounds,
                pointer,
                format!(
                    "span {} reaches past the end of the source ({len} characters)",
                    show(span)
                ),
            ));
        }
    }
}

/// Every `text` is exactly the source cut at its `span`.
fn text_mismatch(
    parts: &Parts<'_>,
    source: &SourceText,
    places: &Places<'_>,
    out: &mut Vec<Problem>,
) {
    for At { pointer, item } in parts.text_objects() {
        // Reversed or out-of-bounds spans have their own rules.
        let Some(expected) = source.slice_chars(item.span) else {
            continue;
        };
        if item.text != expected {
            out.push(
                Problem::semantic(
                    SemanticRule::TextMismatch,
                    format!("{pointer}/text"),
                    difference(item.what, "text", item.text, expected, item.span),
                )
                .in_source(places.place(item.span)),
            );
        }
    }
}

/// Every section heading is the source cut at its `heading_span` (a warning: headings are
/// extracted phrases, not text the fidelity rule covers).
fn heading_mismatch(
    parts: &Parts<'_>,
    source: &SourceText,
    places: &Places<'_>,
    out: &mut Vec<Problem>,
) {
    for At {
        pointer,
        item: section,
    } in &parts.sections
    {
        let Some(expected) = source.slice_chars(section.heading_span) else {
            continue;
        };
        if section.heading != expected {
            out.push(
                Problem::semantic(
                    SemanticRule::HeadingMismatch,
                    format!("{pointer}/heading"),
                    difference(
                        "section",
                        "heading",
                        &section.heading,
                        expected,
                        section.heading_span,
                    ),
                )
                .in_source(places.place(section.heading_span)),
            );
        }
    }
}

/// Where `found` and `expected` part, shown around that point.
fn difference(what: &str, field: &str, found: &str, expected: &str, span: Span) -> String {
    let common = found
        .chars()
        .zip(expected.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let longest = found.chars().count().max(expected.chars().count());
    // Short texts are shown whole; long ones from a little before the first difference.
    let from = if longest <= EXCERPT_CHARS {
        0
    } else {
        common.saturating_sub(CONTEXT_BEFORE)
    };
    format!(
        "{what} {field} differs from the source at {} (first at character {common}): {field} {}, source {}",
        show(span),
        excerpt(found, from),
        excerpt(expected, from)
    )
}

const CONTEXT_BEFORE: usize = 5;
const EXCERPT_CHARS: usize = 24;

/// Up to [`EXCERPT_CHARS`] characters of `text` from character `from`, quoted, with ellipses
/// where cut.
fn excerpt(text: &str, from: usize) -> String {
    let total = text.chars().count();
    let shown: String = text.chars().skip(from).take(EXCERPT_CHARS).collect();
    let before = if from > 0 { "…" } else { "" };
    let after = if from + EXCERPT_CHARS < total {
        "…"
    } else {
        ""
    };
    format!("{before}{}{after}", serde_json::Value::from(shown))
}

/// Every non-whitespace character of the source lies in the span of some object with `text`
/// and `span`. Each uncovered stretch (whitespace at its ends left out) is one problem.
fn source_uncovered(
    parts: &Parts<'_>,
    source: &SourceText,
    places: &Places<'_>,
    out: &mut Vec<Problem>,
) {
    let len = source.char_len();
    let mut covered: Vec<Span> = parts
        .text_objects()
        .into_iter()
        .map(|t| t.item.span)
        .filter(|s| s.start <= s.end)
        .map(|s| Span::new(s.start.min(len), s.end.min(len)))
        .collect();
    covered.sort();
    let mut gaps = Vec::new();
    let mut next = 0;
    for span in covered {
        if span.start > next {
            gaps.push(Span::new(next, span.start));
        }
        next = next.max(span.end);
    }
    if next < len {
        gaps.push(Span::new(next, len));
    }
    for gap in gaps {
        let Some(text) = source.slice_chars(gap) else {
            continue;
        };
        let Some(first) = text.chars().position(|c| !is_space(c)) else {
            continue;
        };
        let trailing = text.chars().rev().take_while(|&c| is_space(c)).count();
        let run = Span::new(gap.start + first, gap.end - trailing);
        let run_text = source.slice_chars(run).unwrap_or_default();
        let place = places.place(run);
        out.push(
            Problem::semantic(
                SemanticRule::SourceUncovered,
                "",
                format!(
                    "source characters {} ({}) lie in no object with text and span: {}",
                    show(run),
                    describe_lines(place.position, run_text),
                    excerpt(run_text, 0)
                ),
            )
            .in_source(place),
        );
    }
}

/// `line 3` or `lines 3–5`.
fn describe_lines(start: Position, text: &str) -> String {
    match text.matches('\n').count() {
        0 => format!("line {}", start.line),
        n => format!("lines {}–{}", start.line, start.line + n),
    }
}

/// Whitespace as Python's `str.isspace` sees it (the contract counts characters as Python does):
/// Unicode White_Space plus the information separators U+001C–U+001F.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::test_support::{sample_source, sample_speech};

    fn found(speech: &Speech, source: &str) -> Vec<Problem> {
        check(speech, &SourceText::new(source.to_owned()))
    }

    fn codes(problems: &[Problem]) -> Vec<(&str, &str)> {
        problems
            .iter()
            .map(|p| (p.rule.code(), p.pointer.as_str()))
            .collect()
    }

    #[test]
    fn the_sample_matches_its_source() {
        assert_eq!(found(&sample_speech(), &sample_source()), vec![]);
    }

    #[test]
    fn spans_past_the_end_are_out_of_bounds() {
        let mut speech = sample_speech();
        let len = sample_source().chars().count();
        speech.boilerplate[0].span.end = len + 2;
        let problems = found(&speech, &sample_source());
        assert_eq!(codes(&problems), [("span-bounds", "/boilerplate/0/span")]);
        assert!(problems[0]
            .message
            .ends_with(&format!("({len} characters)")));
    }

    #[test]
    fn a_text_that_is_not_the_source_at_its_span_is_a_mismatch() {
        let mut speech = sample_speech();
        speech.closing[0].text = "谢谢各位。".to_owned();
        let problems = found(&speech, &sample_source());
        assert_eq!(codes(&problems), [("text-mismatch", "/closing/0/text")]);
        assert_eq!(
            problems[0].message,
            format!(
                "paragraph text differs from the source at {} (first at character 2): \
                 text \"谢谢各位。\", source \"谢谢大家。\"",
                show(speech.closing[0].span)
            )
        );
        let place = problems[0].source.expect("a source place");
        assert_eq!(place.span, speech.closing[0].span);
        assert_eq!(place.position, Position::new(7, 1));
    }

    #[test]
    fn long_texts_are_shown_from_just_before_the_difference() {
        let found = "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰";
        let expected = "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯巳";
        assert_eq!(
            difference("paragraph", "text", found, expected, Span::new(0, 25)),
            "paragraph text differs from the source at 0..25 (first at character 24): \
             text …\"癸子丑寅卯辰\", source …\"癸子丑寅卯巳\""
        );
    }

    #[test]
    fn spans_count_characters_so_a_byte_span_is_a_mismatch() {
        let mut speech = sample_speech();
        let source = sample_source();
        let span = speech.closing[0].span;
        let bytes = source
            .char_indices()
            .nth(span.start)
            .map(|(b, _)| b)
            .unwrap_or_default();
        speech.closing[0].span = Span::new(bytes, bytes + 15);
        let problems = found(&speech, &source);
        assert!(
            codes(&problems).contains(&("span-bounds", "/closing/0/span")),
            "{problems:#?}"
        );
    }

    #[test]
    fn a_heading_that_is_not_the_source_at_its_span_is_a_warning() {
        let mut speech = sample_speech();
        speech.sections[1].heading = "依法 履职".to_owned();
        let problems = found(&speech, &sample_source());
        assert_eq!(
            codes(&problems),
            [("heading-mismatch", "/sections/1/heading")]
        );
        assert_eq!(problems[0].severity, super::super::Severity::Warning);
    }

    #[test]
    fn uncovered_runs_are_reported_with_their_source_place_and_trimmed_of_whitespace() {
        let mut speech = sample_speech();
        let dropped = speech.boilerplate.remove(0);
        let problems = found(&speech, &sample_source());
        assert_eq!(codes(&problems), [("source-uncovered", "")]);
        let place = problems[0].source.expect("a source place");
        assert_eq!(place.span, dropped.span);
        assert_eq!(place.position, Position::new(8, 1));
        assert!(
            problems[0].message.contains("(line 8)"),
            "{}",
            problems[0].message
        );
    }

    #[test]
    fn a_run_over_several_lines_is_one_problem() {
        let mut speech = sample_speech();
        speech.closing.clear();
        speech.boilerplate.clear();
        let problems = found(&speech, &sample_source());
        assert_eq!(codes(&problems), [("source-uncovered", "")]);
        assert!(
            problems[0].message.contains("(lines 7–8)"),
            "{}",
            problems[0].message
        );
    }

    #[test]
    fn whitespace_alone_needs_no_span() {
        let speech = sample_speech();
        let padded = format!("{}\u{3000}\u{a0}\u{1f}\n\n", sample_source());
        assert_eq!(found(&speech, &padded), vec![]);
    }

    #[test]
    fn python_whitespace_includes_information_separators() {
        assert!(is_space('\u{1c}') && is_space('\u{3000}') && is_space('\u{85}'));
        assert!(!is_space('\u{200b}') && !is_space('讲'));
    }
}
