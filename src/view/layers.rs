//! A speech's parts as layers over its text: what the page marks, and where.

use crate::model::{Section, Speech};

use super::labels;
use super::weave::Layer;

/// Nesting order of layers that share a range: sections (by depth) outside paragraphs, which
/// hold headings, directives, redactions, diagnostics and mentions in that order.
mod rank {
    pub const PART: u8 = 20;
    pub const HEADING: u8 = 30;
    pub const DIRECTIVE: u8 = 40;
    pub const REDACTION: u8 = 45;
    pub const DIAGNOSTIC: u8 = 50;
    pub const MENTION: u8 = 60;
}

/// The id of a section's element: `s-2` for the second section, `s-2-1` for its first
/// subsection (positions, not ordinals, which may repeat).
pub fn section_id(path: &[usize]) -> String {
    let numbers: Vec<String> = path.iter().map(|i| (i + 1).to_string()).collect();
    format!("s-{}", numbers.join("-"))
}

/// The margin label of a section: `§2`, and `§2.1` below it (the ordinals as written).
pub fn section_label(parent: Option<&str>, section: &Section) -> String {
    match parent {
        None => format!("§{}", section.ordinal),
        Some(parent) => format!("{parent}.{}", section.ordinal),
    }
}

/// Every layer of `speech`: parts, sections, headings, directives, redactions, diagnostics and
/// doctrine mentions.
pub fn layers(speech: &Speech) -> Vec<Layer> {
    let mut layers = Vec::new();
    for (i, block) in speech.front_matter.iter().enumerate() {
        let kind = labels::name(&block.kind);
        let mut layer = part(block.span, "front", &kind).with("data-kind", kind);
        if i == 0 {
            layer = layer.first("id", "front");
        }
        layers.push(layer);
    }
    for (i, block) in speech.boilerplate.iter().enumerate() {
        let kind = labels::name(&block.kind);
        layers.push(
            part(block.span, "bp", &kind)
                .with("data-kind", kind)
                .first("id", format!("b-{}", i + 1)),
        );
    }
    if let Some(salutation) = &speech.salutation {
        layers.push(part(salutation.span, "salutation", "salutation").first("id", "salutation"));
    }
    for (name, passages) in [
        ("preamble", &speech.preamble),
        ("closing", &speech.closing),
        ("appendix", &speech.appendix),
    ] {
        for (i, passage) in passages.iter().enumerate() {
            let layer = Layer::span(passage.span.start, passage.span.end, rank::PART, name);
            layers.push(if i == 0 {
                layer.first("id", name).first("data-label", name)
            } else {
                layer
            });
        }
    }
    for (i, section) in speech.sections.iter().enumerate() {
        section_layers(section, &mut vec![i], None, &mut layers);
    }
    for redaction in &speech.meta.redactions {
        layers.push(
            Layer::span(
                redaction.span.start,
                redaction.span.end,
                rank::REDACTION,
                "redaction",
            )
            .with("title", "redaction"),
        );
    }
    for (i, diagnostic) in speech.diagnostics.iter().enumerate() {
        let Some(span) = diagnostic.span else {
            continue;
        };
        let severity = labels::name(&diagnostic.severity);
        layers.push(
            Layer::span(
                span.start,
                span.end,
                rank::DIAGNOSTIC,
                format!("diag {severity}"),
            )
            .with(
                "title",
                format!("{}: {}", labels::name(&diagnostic.code), diagnostic.message),
            )
            .first("id", format!("d-{}", i + 1)),
        );
    }
    let mut mention = 0;
    for (d, doctrine) in speech.doctrines.iter().enumerate() {
        let kind = labels::name(&doctrine.kind);
        let title = format!("{kind}: {}", doctrine.name);
        for passage in &doctrine.mentions {
            mention += 1;
            let mut layer = Layer::span(
                passage.span.start,
                passage.span.end,
                rank::MENTION,
                format!("m k-{kind}"),
            )
            .with("title", title.clone())
            .with("data-doctrine", (d + 1).to_string())
            .with("data-m", mention.to_string());
            layer.tag = "mark";
            layers.push(layer.first("id", format!("m-{mention}")));
        }
    }
    layers
}

/// A part of the page outside the sections, labelled in the margin.
fn part(span: crate::model::Span, class: &str, label: &str) -> Layer {
    Layer::span(span.start, span.end, rank::PART, class).first("data-label", label)
}

fn section_layers(
    section: &Section,
    path: &mut Vec<usize>,
    parent: Option<&str>,
    layers: &mut Vec<Layer>,
) {
    let depth = path.len() - 1;
    let id = section_id(path);
    let rank = u8::try_from(depth).unwrap_or(u8::MAX).min(rank::PART - 1);
    let label = section_label(parent, section);
    layers.push(
        Layer::span(
            section.span.start,
            section.span.end,
            rank,
            format!("sec d{depth}"),
        )
        .first("id", id.clone())
        .first("data-label", label.clone()),
    );
    for paragraph in &section.paragraphs {
        layers.push(Layer::span(
            paragraph.span.start,
            paragraph.span.end,
            rank::PART,
            "p",
        ));
    }
    let mut heading = Layer::span(
        section.heading_span.start,
        section.heading_span.end,
        rank::HEADING,
        "heading",
    );
    if !section.themes.is_empty() {
        heading = heading.first("data-themes", labels::themes(&section.themes));
    }
    layers.push(heading);
    for (i, directive) in section.directives.iter().enumerate() {
        let mut layer = Layer::span(
            directive.span.start,
            directive.span.end,
            rank::DIRECTIVE,
            "dir",
        )
        .first("id", format!("{id}-d{}", i + 1))
        .first("data-label", format!("▸{}", directive.ordinal));
        if !directive.themes.is_empty() {
            layer = layer.with("title", labels::themes(&directive.themes));
        }
        layers.push(layer);
    }
    for (i, subsection) in section.subsections.iter().enumerate() {
        path.push(i);
        section_layers(subsection, path, Some(&label), layers);
        path.pop();
    }
}
