//! Layer 2: the contract's rules that a JSON Schema cannot express, on a typed [`Speech`].
//!
//! Each rule is a function that appends its problems; none needs the source text (those are in
//! [`super::source`]).

use crate::model::{Directive, Passage, Section, Span, Speech, SCHEMA_VERSION};

use super::problem::{Problem, SemanticRule};
use super::walk::{At, Parts, Pointer};

/// Every breach of the rules that need no source text.
pub fn check(speech: &Speech) -> Vec<Problem> {
    let parts = Parts::new(speech);
    let mut out = Vec::new();
    ordinal_order(&parts, &mut out);
    span_reversed(&parts, &mut out);
    span_order(&parts, &mut out);
    span_nesting(&parts, &mut out);
    doctrine_count(speech, &mut out);
    announced_sections(speech, &mut out);
    theme_weights(speech, &mut out);
    out
}

/// `MAJOR.MINOR` as two numbers, or `None` for anything else (the schema's pattern says why).
fn version_numbers(version: &str) -> Option<(u64, u64)> {
    let (major, minor) = version.split_once('.')?;
    Some((major.parse().ok()?, minor.parse().ok()?))
}

/// The versioning policy as the validator applies it, on the raw document so that it speaks
/// even when fields of a newer version keep the document from loading: another major version is
/// an error (its rules may differ); a newer minor version is a warning (what it added is reported
/// as unknown); an older minor version is fine (minor versions only add).
pub fn schema_version(written: &str) -> Option<Problem> {
    let (major, minor) = version_numbers(written)?;
    let (own_major, own_minor) = version_numbers(SCHEMA_VERSION)?;
    if major != own_major {
        Some(Problem::semantic(
            SemanticRule::SchemaMajor,
            "/schema_version",
            format!(
                "the document follows contract version {written}; this validator checks major version {own_major} ({SCHEMA_VERSION}), whose rules need not hold for it"
            ),
        ))
    } else if minor > own_minor {
        Some(Problem::semantic(
            SemanticRule::SchemaVersion,
            "/schema_version",
            format!(
                "the document follows contract version {written}, newer than the {SCHEMA_VERSION} this validator knows: fields and values added since {SCHEMA_VERSION} are reported as unknown"
            ),
        ))
    } else {
        None
    }
}

/// Ordinals strictly increase among sibling sections, and among a section's directives. The
/// numbered sections and the unnumbered ones (part headings beside a numbered run, whose
/// ordinals count their places) are two sequences.
fn ordinal_order(parts: &Parts<'_>, out: &mut Vec<Problem>) {
    let speech = parts.speech;
    // `at` holds each ordinal's index among its siblings, for the pointer.
    let mut check = |base: String, what: &str, at: Vec<usize>, ordinals: Vec<u32>| {
        for (i, pair) in ordinals.windows(2).enumerate() {
            let [current, next] = *pair else { continue };
            if next > current {
                continue;
            }
            let (blamed, message) = if blames_the_first(&ordinals, i) {
                let before = match i.checked_sub(1).and_then(|p| ordinals.get(p)) {
                    Some(previous) => format!("the previous {what}'s {previous} and "),
                    None => String::new(),
                };
                (i, format!("{what} ordinal {current} is out of order: {before}the next {what}'s {next} follow each other without it"))
            } else {
                (i + 1, format!("{what} ordinal {next} does not follow the previous {what}'s {current}: ordinals must increase"))
            };
            let index = at.get(blamed).copied().unwrap_or(blamed);
            out.push(Problem::semantic(
                SemanticRule::OrdinalOrder,
                format!("{base}/{index}/ordinal"),
                message,
            ));
        }
    };
    let mut sections = |base: String, sections: &[Section]| {
        for numbered in [true, false] {
            let (at, ordinals) = sections
                .iter()
                .enumerate()
                .filter(|(_, s)| s.marker.is_some() == numbered)
                .map(|(i, s)| (i, s.ordinal))
                .unzip();
            check(base.clone(), "section", at, ordinals);
        }
    };
    sections("/sections".to_owned(), &speech.sections);
    for At {
        pointer,
        item: section,
    } in &parts.sections
    {
        sections(format!("{pointer}/subsections"), &section.subsections);
    }
    for At {
        pointer,
        item: section,
    } in &parts.sections
    {
        let ordinals: Vec<u32> = section.directives.iter().map(|d| d.ordinal).collect();
        let at = (0..ordinals.len()).collect();
        check(format!("{pointer}/directives"), "directive", at, ordinals);
    }
}

/// Whether, where `ordinals[i + 1]` does not exceed `ordinals[i]`, the first of the two is the
/// one out of place: the second follows the one before the first (1, 7, 3: the 7), or, at the
/// start, the one after it (7, 2, 3: the 7). A repeat blames the second.
fn blames_the_first(ordinals: &[u32], i: usize) -> bool {
    let (Some(&current), Some(&next)) = (ordinals.get(i), ordinals.get(i + 1)) else {
        return false;
    };
    if next == current {
        return false;
    }
    match i.checked_sub(1).and_then(|p| ordinals.get(p)) {
        Some(&previous) => previous < next,
        None => ordinals.get(i + 2).is_some_and(|&after| next < after),
    }
}

/// Every span ends at or after its start.
fn span_reversed(parts: &Parts<'_>, out: &mut Vec<Problem>) {
    for At {
        pointer,
        item: span,
    } in parts.spans()
    {
        if span.start > span.end {
            out.push(Problem::semantic(
                SemanticRule::SpanReversed,
                pointer,
                format!("span {} ends before it starts", show(span)),
            ));
        }
    }
}

/// Siblings do not overlap and come in input order; so do the parts of the body
/// (preamble, sections, closing, appendix).
fn span_order(parts: &Parts<'_>, out: &mut Vec<Problem>) {
    let speech = parts.speech;
    let mut lists = vec![
        passage_spans(Pointer::at("/meta/redactions"), &speech.meta.redactions),
        indexed_spans(
            Pointer::at("/front_matter"),
            speech.front_matter.iter().map(|b| b.span),
        ),
        passage_spans(Pointer::at("/preamble"), &speech.preamble),
        indexed_spans(
            Pointer::at("/sections"),
            speech.sections.iter().map(|s| s.span),
        ),
        passage_spans(Pointer::at("/closing"), &speech.closing),
        passage_spans(Pointer::at("/appendix"), &speech.appendix),
        indexed_spans(
            Pointer::at("/boilerplate"),
            speech.boilerplate.iter().map(|b| b.span),
        ),
    ];
    for At {
        pointer,
        item: section,
    } in &parts.sections
    {
        lists.push(passage_spans(
            pointer.clone().key("paragraphs"),
            &section.paragraphs,
        ));
        let directives = section.directives.iter().map(|d| d.span);
        lists.push(indexed_spans(pointer.clone().key("directives"), directives));
        let subsections = section.subsections.iter().map(|s| s.span);
        lists.push(indexed_spans(
            pointer.clone().key("subsections"),
            subsections,
        ));
    }
    for (i, doctrine) in speech.doctrines.iter().enumerate() {
        lists.push(passage_spans(
            Pointer::at("/doctrines").index(i).key("mentions"),
            &doctrine.mentions,
        ));
    }
    for list in &lists {
        siblings_in_order(list, out);
    }
    body_parts_in_order(speech, out);
}

/// The spans of an array's items: `{base}/{i}/span`.
fn indexed_spans(base: Pointer, spans: impl Iterator<Item = Span>) -> Vec<At<Span>> {
    spans
        .enumerate()
        .map(|(i, span)| At {
            pointer: base.clone().index(i).key("span"),
            item: span,
        })
        .collect()
}

fn passage_spans(base: Pointer, passages: &[Passage]) -> Vec<At<Span>> {
    indexed_spans(base, passages.iter().map(|p| p.span))
}

/// Each non-empty part of the body starts after the previous non-empty part ends.
fn body_parts_in_order(speech: &Speech, out: &mut Vec<Problem>) {
    let parts = [
        (
            "preamble",
            passage_spans(Pointer::at("/preamble"), &speech.preamble),
        ),
        (
            "sections",
            indexed_spans(
                Pointer::at("/sections"),
                speech.sections.iter().map(|s| s.span),
            ),
        ),
        (
            "closing",
            passage_spans(Pointer::at("/closing"), &speech.closing),
        ),
        (
            "appendix",
            passage_spans(Pointer::at("/appendix"), &speech.appendix),
        ),
    ];
    let mut previous: Option<(&str, &At<Span>)> = None;
    for (name, part) in &parts {
        let well_formed = || part.iter().filter(|s| is_well_formed(s.item));
        let first = well_formed().min_by_key(|s| s.item.start);
        let last = well_formed().max_by_key(|s| s.item.end);
        let (Some(first), Some(last)) = (first, last) else {
            continue;
        };
        if let Some((previous_name, previous_last)) = previous {
            if first.item.start < previous_last.item.end {
                out.push(Problem::semantic(
                    SemanticRule::SpanOrder,
                    first.pointer.clone(),
                    format!(
                        "the {name} part starts at {}, before the {previous_name} part ends at {} ({})",
                        first.item.start, previous_last.item.end, previous_last.pointer
                    ),
                ));
            }
        }
        previous = Some((name, last));
    }
}

/// Each span starts at or after the end of the one before it (reversed spans are skipped:
/// `span-reversed` reports them).
fn siblings_in_order(list: &[At<Span>], out: &mut Vec<Problem>) {
    let mut previous: Option<&At<Span>> = None;
    for at in list.iter().filter(|at| at.item.start <= at.item.end) {
        if let Some(previous) = previous {
            if at.item.start < previous.item.end {
                let how = if at.item.end <= previous.item.start {
                    "comes before"
                } else {
                    "overlaps"
                };
                out.push(Problem::semantic(
                    SemanticRule::SpanOrder,
                    at.pointer.clone(),
                    format!(
                        "span {} {how} the previous sibling's span {} ({}): siblings must follow one another in input order",
                        show(at.item),
                        show(previous.item),
                        previous.pointer
                    ),
                ));
            }
        }
        previous = Some(at);
    }
}

/// A section's heading, paragraphs, directives and subsections lie inside the section's span,
/// and each directive inside one of the section's paragraphs.
fn span_nesting(parts: &Parts<'_>, out: &mut Vec<Problem>) {
    for At {
        pointer,
        item: section,
    } in &parts.sections
    {
        if !is_well_formed(section.span) {
            continue;
        }
        let mut inside = |child_pointer: Pointer, what: &str, child: Span| {
            if is_well_formed(child) && !section.span.contains(&child) {
                out.push(Problem::semantic(
                    SemanticRule::SpanNesting,
                    child_pointer,
                    format!(
                        "{what} span {} is not inside its section's span {} ({pointer}/span)",
                        show(child),
                        show(section.span)
                    ),
                ));
                false
            } else {
                true
            }
        };
        let child = |key, i| pointer.clone().key(key).index(i).key("span");
        inside(
            pointer.clone().key("heading_span"),
            "heading",
            section.heading_span,
        );
        for (i, p) in section.paragraphs.iter().enumerate() {
            inside(child("paragraphs", i), "paragraph", p.span);
        }
        for (i, s) in section.subsections.iter().enumerate() {
            inside(child("subsections", i), "subsection", s.span);
        }
        let directives: Vec<_> = section
            .directives
            .iter()
            .enumerate()
            .filter(|(i, d)| inside(child("directives", *i), "directive", d.span))
            .collect();
        directive_in_a_paragraph(pointer, section, directives, out);
    }
}

/// The contract: a directive runs "to the next directive or the end of its paragraph".
fn directive_in_a_paragraph(
    pointer: &Pointer,
    section: &Section,
    directives: Vec<(usize, &Directive)>,
    out: &mut Vec<Problem>,
) {
    if section.paragraphs.is_empty() {
        return;
    }
    for (i, directive) in directives {
        let in_a_paragraph = section
            .paragraphs
            .iter()
            .any(|p| p.span.contains(&directive.span));
        if is_well_formed(directive.span) && !in_a_paragraph {
            out.push(Problem::semantic(
                SemanticRule::SpanNesting,
                format!("{pointer}/directives/{i}/span"),
                format!(
                    "directive span {} lies in none of its section's paragraphs ({pointer}/paragraphs): a directive ends at the end of its paragraph",
                    show(directive.span)
                ),
            ));
        }
    }
}

/// A doctrine's `count` is its number of mentions.
fn doctrine_count(speech: &Speech, out: &mut Vec<Problem>) {
    for (i, doctrine) in speech.doctrines.iter().enumerate() {
        let mentions = doctrine.mentions.len();
        if usize::try_from(doctrine.count).ok() != Some(mentions) {
            out.push(Problem::semantic(
                SemanticRule::DoctrineCount,
                format!("/doctrines/{i}/count"),
                format!(
                    "count is {} but doctrine {:?} has {mentions} mention{}",
                    doctrine.count,
                    doctrine.name,
                    if mentions == 1 { "" } else { "s" }
                ),
            ));
        }
    }
}

/// The speaker may announce more or fewer parts than the text has: worth a look, not invalid.
fn announced_sections(speech: &Speech, out: &mut Vec<Problem>) {
    let Some(announced) = speech.meta.announced_sections else {
        return;
    };
    // Unnumbered part headings beside a numbered run are not among the parts announced.
    let numbered = speech
        .sections
        .iter()
        .filter(|s| s.marker.is_some())
        .count();
    let found = if numbered > 0 {
        numbered
    } else {
        speech.sections.len()
    };
    if usize::try_from(announced).ok() != Some(found) {
        out.push(Problem::semantic(
            SemanticRule::AnnouncedSections,
            "/meta/announced_sections",
            format!(
                "{announced} sections announced but the document has {found} top-level sections"
            ),
        ));
    }
}

/// Theme weights sum to 1, strongest first.
fn theme_weights(speech: &Speech, out: &mut Vec<Problem>) {
    if speech.themes.is_empty() {
        return;
    }
    let sum: f64 = speech.themes.iter().map(|t| t.weight).sum();
    if (sum - 1.0).abs() > 1e-3 {
        out.push(Problem::semantic(
            SemanticRule::ThemeWeights,
            "/themes",
            format!("theme weights sum to {sum:.4}, not 1"),
        ));
    }
    for (i, pair) in speech.themes.windows(2).enumerate() {
        if let [previous, theme] = pair {
            if theme.weight > previous.weight {
                out.push(Problem::semantic(
                    SemanticRule::ThemeWeights,
                    format!("/themes/{}/weight", i + 1),
                    format!(
                        "weight {} is greater than the previous theme's {}: themes go strongest first",
                        theme.weight, previous.weight
                    ),
                ));
            }
        }
    }
}

fn is_well_formed(span: Span) -> bool {
    span.start <= span.end
}

/// A span as `start..end`.
pub(crate) fn show(span: Span) -> String {
    format!("{}..{}", span.start, span.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::problem::{Rule, Severity};
    use crate::validate::test_support::sample_speech;

    fn found(speech: &Speech) -> Vec<(String, String)> {
        check(speech)
            .into_iter()
            .map(|p| (p.rule.code().to_owned(), p.pointer))
            .collect()
    }

    fn code(rule: SemanticRule, pointer: &str) -> (String, String) {
        (rule.code().to_owned(), pointer.to_owned())
    }

    #[test]
    fn the_sample_breaks_no_rule() {
        assert_eq!(found(&sample_speech()), vec![]);
    }

    #[test]
    fn versions_follow_the_policy() {
        let rule = |version: &str| schema_version(version).map(|p| (p.rule, p.severity));
        // The same or an older minor version: fine.
        assert_eq!(rule(SCHEMA_VERSION), None);
        assert_eq!(rule("1.0"), None);
        // A newer minor version: a warning.
        assert_eq!(
            rule("1.7"),
            Some((
                Rule::Semantic(SemanticRule::SchemaVersion),
                Severity::Warning
            ))
        );
        // Another major version, newer or older: an error.
        for other in ["2.0", "0.9"] {
            assert_eq!(
                rule(other),
                Some((Rule::Semantic(SemanticRule::SchemaMajor), Severity::Error))
            );
        }
        // Not a version at all: the schema's pattern reports it.
        assert_eq!(rule("one"), None);
    }

    #[test]
    fn repeated_or_decreasing_ordinals_are_flagged_where_they_break() {
        let mut speech = sample_speech();
        speech.sections[1].ordinal = 1;
        speech.sections[0].directives[1].ordinal = 1;
        assert_eq!(
            found(&speech),
            [
                code(SemanticRule::OrdinalOrder, "/sections/1/ordinal"),
                code(
                    SemanticRule::OrdinalOrder,
                    "/sections/0/directives/1/ordinal"
                ),
            ]
        );
    }

    #[test]
    fn unnumbered_parts_beside_numbered_ones_count_on_their_own() {
        let mut speech = sample_speech();
        // The preamble's last paragraph becomes an unnumbered part before the numbered ones.
        let mut part = speech.sections[0].clone();
        let Some(paragraph) = speech.preamble.pop() else {
            panic!("the sample has a preamble");
        };
        part.marker = None;
        part.ordinal = 1;
        part.heading = paragraph.text.clone();
        part.heading_span = paragraph.span;
        part.span = paragraph.span;
        part.paragraphs = vec![paragraph];
        part.directives.clear();
        part.subsections.clear();
        speech.sections.insert(0, part);
        assert_eq!(found(&speech), vec![]);
        speech.sections[2].ordinal = 1;
        assert_eq!(
            found(&speech),
            [code(SemanticRule::OrdinalOrder, "/sections/2/ordinal")]
        );
    }

    #[test]
    fn the_ordinal_out_of_place_is_blamed_not_its_neighbour() {
        let blamed = |ordinals: &[u32]| -> Vec<usize> {
            (0..ordinals.len().saturating_sub(1))
                .filter(|&i| ordinals[i + 1] <= ordinals[i])
                .map(|i| {
                    if blames_the_first(ordinals, i) {
                        i
                    } else {
                        i + 1
                    }
                })
                .collect()
        };
        assert_eq!(blamed(&[1, 7, 3]), [1]);
        assert_eq!(blamed(&[7, 2, 3]), [0]);
        assert_eq!(blamed(&[1, 2, 3, 2]), [3]);
        assert_eq!(blamed(&[1, 2, 2, 3]), [2]);
        assert_eq!(blamed(&[2, 1]), [1]);
        assert_eq!(blamed(&[1, 5, 2, 3, 4]), [1]);
    }

    #[test]
    fn a_large_ordinal_before_a_smaller_one_is_itself_reported() {
        let mut speech = sample_speech();
        let mut third = speech.sections[1].clone();
        speech.sections[1].ordinal = 7;
        third.ordinal = 3;
        third.span = Span::new(third.span.end, third.span.end);
        speech.sections.push(third);
        let problems = check(&speech);
        let order: Vec<_> = problems
            .iter()
            .filter(|p| p.rule == crate::validate::Rule::Semantic(SemanticRule::OrdinalOrder))
            .collect();
        assert_eq!(order.len(), 1, "{problems:?}");
        assert_eq!(order[0].pointer, "/sections/1/ordinal");
        assert!(
            order[0]
                .message
                .starts_with("section ordinal 7 is out of order"),
            "{}",
            order[0].message
        );
    }

    #[test]
    fn gaps_in_ordinals_are_allowed() {
        let mut speech = sample_speech();
        speech.sections[1].ordinal = 5;
        assert_eq!(found(&speech), vec![]);
    }

    #[test]
    fn a_reversed_span_is_reported_once_and_not_as_misordered() {
        let mut speech = sample_speech();
        let span = speech.preamble[0].span;
        speech.preamble[0].span = Span::new(span.end, span.start);
        assert_eq!(
            found(&speech),
            [code(SemanticRule::SpanReversed, "/preamble/0/span")]
        );
    }

    #[test]
    fn overlapping_or_swapped_siblings_are_misordered() {
        let mut speech = sample_speech();
        speech.front_matter.swap(0, 1);
        assert_eq!(
            found(&speech),
            [code(SemanticRule::SpanOrder, "/front_matter/1/span")]
        );
        let problems = check(&speech);
        assert!(
            problems[0].message.contains("comes before"),
            "{}",
            problems[0].message
        );
    }

    #[test]
    fn a_closing_inside_the_sections_is_misordered() {
        let mut speech = sample_speech();
        let last = speech.sections[1].span;
        speech.closing[0].span = Span::new(last.end - 1, last.end + 4);
        assert_eq!(
            found(&speech),
            [code(SemanticRule::SpanOrder, "/closing/0/span")]
        );
    }

    #[test]
    fn children_outside_their_section_break_nesting() {
        let mut speech = sample_speech();
        let section = speech.sections[0].span;
        speech.sections[0].heading_span = Span::new(section.start, section.end + 1);
        speech.sections[0].span = Span::new(section.start, section.end - 1);
        let found = found(&speech);
        assert!(found.contains(&code(SemanticRule::SpanNesting, "/sections/0/heading_span")));
        // The paragraph and the last directive reach the section's old end.
        assert!(found.contains(&code(
            SemanticRule::SpanNesting,
            "/sections/0/paragraphs/0/span"
        )));
        assert!(found.contains(&code(
            SemanticRule::SpanNesting,
            "/sections/0/directives/1/span"
        )));
        assert!(found.iter().all(|(c, _)| *c == "span-nesting"), "{found:?}");
    }

    #[test]
    fn a_directive_across_paragraphs_breaks_nesting() {
        let mut speech = sample_speech();
        let paragraph = speech.sections[0].paragraphs[0].span;
        let split = paragraph.start + 3;
        speech.sections[0].paragraphs = vec![
            Passage {
                text: String::new(),
                span: Span::new(paragraph.start, split),
            },
            Passage {
                text: String::new(),
                span: Span::new(split, paragraph.end),
            },
        ];
        speech.sections[0].directives[0].span.start = split - 1;
        assert_eq!(
            found(&speech),
            [code(
                SemanticRule::SpanNesting,
                "/sections/0/directives/0/span"
            )]
        );
    }

    #[test]
    fn a_count_that_is_not_the_number_of_mentions_is_flagged() {
        let mut speech = sample_speech();
        speech.doctrines[0].count = 3;
        assert_eq!(
            found(&speech),
            [code(SemanticRule::DoctrineCount, "/doctrines/0/count")]
        );
    }

    #[test]
    fn announcing_another_number_of_sections_is_a_warning() {
        let mut speech = sample_speech();
        speech.meta.announced_sections = Some(3);
        let problems = check(&speech);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].rule.code(), "announced-sections");
        assert_eq!(problems[0].severity, super::super::Severity::Warning);
        assert_eq!(problems[0].pointer, "/meta/announced_sections");
    }

    #[test]
    fn theme_weights_must_sum_to_one_strongest_first() {
        let mut speech = sample_speech();
        speech.themes[0].weight = 0.2;
        assert_eq!(
            found(&speech),
            [
                code(SemanticRule::ThemeWeights, "/themes"),
                code(SemanticRule::ThemeWeights, "/themes/1/weight"),
            ]
        );
    }
}
