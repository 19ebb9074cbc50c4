//! The contract's promises as checks shared by the test suites: every `text` is exactly
//! `input[span]`, every visible character lies in some span, numbers count up, and the spans of
//! parts nest inside the parts that hold them. Each check appends what it finds wrong.

// Each test crate uses its own subset of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use jianghua::model::{Directive, Passage, Section, Span, Speech};
use jianghua::parse::decode;
use serde_json::Value;

/// Every `.txt` file of the seeds and of the test inputs.
pub fn corpus() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = ["seeds", "tests/inputs"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}")))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// The decoded text of a corpus file.
pub fn text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let decoded = decode::decode(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    decoded.text
}

/// The decoded input as characters and the document parsed from it.
pub fn parse(path: &Path) -> (Vec<char>, Speech) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let speech = jianghua::parse_bytes(&bytes, &Default::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (text(path).chars().collect(), speech)
}

/// Every object of the document that has both `text` and `span`.
pub fn text_spans(value: &Value, out: &mut Vec<(String, usize, usize)>) {
    match value {
        Value::Object(map) => {
            if let (Some(Value::String(text)), Some(span)) = (map.get("text"), map.get("span")) {
                let bound = |k: &str| span.get(k).and_then(Value::as_u64).map(|v| v as usize);
                if let (Some(start), Some(end)) = (bound("start"), bound("end")) {
                    out.push((text.clone(), start, end));
                }
            }
            map.values().for_each(|v| text_spans(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| text_spans(v, out)),
        _ => {}
    }
}

pub fn check_fidelity_and_coverage(chars: &[char], speech: &Speech, problems: &mut Vec<String>) {
    let json = serde_json::to_value(speech).expect("a document serializes");
    let mut spans = Vec::new();
    text_spans(&json, &mut spans);
    let mut covered = vec![false; chars.len()];
    for (text, start, end) in spans {
        if start > end || end > chars.len() {
            problems.push(format!("span {start}..{end} out of bounds for {text:?}"));
            continue;
        }
        let cut: String = chars[start..end].iter().collect();
        if cut != text {
            problems.push(format!(
                "span {start}..{end} cuts {cut:?}, text is {text:?}"
            ));
        }
        covered[start..end].iter_mut().for_each(|c| *c = true);
    }
    let missing: String = chars
        .iter()
        .zip(&covered)
        .filter(|(c, covered)| !c.is_whitespace() && !**covered)
        .map(|(c, _)| *c)
        .collect();
    if !missing.is_empty() {
        problems.push(format!("characters in no span: {missing:?}"));
    }
}

pub fn counts_up(ordinals: impl Iterator<Item = u32>, what: &str, problems: &mut Vec<String>) {
    let ordinals: Vec<u32> = ordinals.collect();
    if ordinals.windows(2).any(|w| w[0] >= w[1]) {
        problems.push(format!("{what} numbers do not count up: {ordinals:?}"));
    }
}

pub fn in_order(spans: &[Span], what: &str, problems: &mut Vec<String>) {
    if spans.windows(2).any(|w| w[0].end > w[1].start) {
        problems.push(format!("{what} overlap or are out of order: {spans:?}"));
    }
}

pub fn check_section(section: &Section, problems: &mut Vec<String>) {
    let name = format!("section {} {:?}", section.ordinal, section.heading);
    let outer = section.span;
    let inside = |span: Span, what: &str, problems: &mut Vec<String>| {
        if !outer.contains(&span) {
            problems.push(format!("{what} {span:?} is outside {name} {outer:?}"));
        }
    };
    inside(section.heading_span, "heading", problems);
    section
        .paragraphs
        .iter()
        .for_each(|p| inside(p.span, "paragraph", problems));
    section
        .directives
        .iter()
        .for_each(|d| inside(d.span, "directive", problems));
    section
        .subsections
        .iter()
        .for_each(|s| inside(s.span, "subsection", problems));
    let paragraphs: Vec<Span> = section.paragraphs.iter().map(|p| p.span).collect();
    in_order(&paragraphs, "paragraphs", problems);
    let directives: Vec<Span> = section
        .directives
        .iter()
        .map(|d: &Directive| d.span)
        .collect();
    in_order(&directives, "directives", problems);
    let subsections: Vec<Span> = section.subsections.iter().map(|s| s.span).collect();
    in_order(&subsections, "subsections", problems);
    for directive in &section.directives {
        if !section
            .paragraphs
            .iter()
            .any(|p| p.span.contains(&directive.span))
        {
            problems.push(format!(
                "directive {:?} lies in no paragraph of {name}",
                directive.marker
            ));
        }
    }
    counts_up(
        section.directives.iter().map(|d| d.ordinal),
        "directive",
        problems,
    );
    counts_up(
        section.subsections.iter().map(|s| s.ordinal),
        "subsection",
        problems,
    );
    section
        .subsections
        .iter()
        .for_each(|s| check_section(s, problems));
}

pub fn check_structure(speech: &Speech, problems: &mut Vec<String>) {
    // Unnumbered part headings beside a numbered run count their places on their own.
    for numbered in [true, false] {
        counts_up(
            speech
                .sections
                .iter()
                .filter(|s| s.marker.is_some() == numbered)
                .map(|s| s.ordinal),
            "section",
            problems,
        );
    }
    speech
        .sections
        .iter()
        .for_each(|s| check_section(s, problems));
    let spans = |passages: &[Passage]| passages.iter().map(|p| p.span).collect::<Vec<_>>();
    let body: Vec<Span> = spans(&speech.preamble)
        .into_iter()
        .chain(speech.sections.iter().map(|s| s.span))
        .chain(spans(&speech.closing))
        .chain(spans(&speech.appendix))
        .collect();
    in_order(&body, "preamble, sections, closing and appendix", problems);
    if let Some(salutation) = &speech.salutation {
        if !speech
            .preamble
            .iter()
            .any(|p| p.span.contains(&salutation.span))
        {
            problems.push(format!(
                "salutation {:?} lies in no preamble paragraph",
                salutation.text
            ));
        }
    }
}

/// Everything `speech`, parsed from `text`, breaks of the contract; empty when it keeps it.
pub fn contract_problems(text: &str, speech: &Speech) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut problems = Vec::new();
    check_fidelity_and_coverage(&chars, speech, &mut problems);
    check_structure(speech, &mut problems);
    problems
}
