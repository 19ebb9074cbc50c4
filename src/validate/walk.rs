//! The span-bearing parts of a speech, each with its JSON Pointer, in document order.

use crate::model::{Section, Span, Speech};

/// An object that has both `text` and `span`: what the contract's fidelity and coverage rules
/// are about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextObject<'a> {
    /// What the object is, for messages (`paragraph`, `directive`, `front-matter block`…).
    pub what: &'static str,
    pub text: &'a str,
    pub span: Span,
}

/// A pointer to an object with what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At<T> {
    /// JSON Pointer of the object.
    pub pointer: String,
    pub item: T,
}

impl<T> At<T> {
    fn new(pointer: String, item: T) -> Self {
        Self { pointer, item }
    }
}

/// Every section, nested ones included, depth first in document order.
pub fn sections(speech: &Speech) -> Vec<At<&Section>> {
    fn walk<'a>(sections: &'a [Section], base: &str, out: &mut Vec<At<&'a Section>>) {
        for (i, section) in sections.iter().enumerate() {
            let pointer = format!("{base}/{i}");
            out.push(At::new(pointer.clone(), section));
            walk(&section.subsections, &format!("{pointer}/subsections"), out);
        }
    }
    let mut out = Vec::new();
    walk(&speech.sections, "/sections", &mut out);
    out
}

/// Every object with `text` and `span`, in document order.
pub fn text_objects<'a>(speech: &'a Speech) -> Vec<At<TextObject<'a>>> {
    let mut out = Vec::new();
    let mut push = |pointer: String, what: &'static str, text: &'a str, span: Span| {
        out.push(At::new(pointer, TextObject { what, text, span }));
    };
    let meta = &speech.meta;
    if let Some(date) = &meta.date {
        push("/meta/date".to_owned(), "date", &date.text, date.span);
    }
    if let Some(published) = meta.source.as_ref().and_then(|s| s.published.as_ref()) {
        push(
            "/meta/source/published".to_owned(),
            "date",
            &published.text,
            published.span,
        );
    }
    for (i, r) in meta.redactions.iter().enumerate() {
        push(
            format!("/meta/redactions/{i}"),
            "redaction",
            &r.text,
            r.span,
        );
    }
    for (i, b) in speech.front_matter.iter().enumerate() {
        push(
            format!("/front_matter/{i}"),
            "front-matter block",
            &b.text,
            b.span,
        );
    }
    if let Some(s) = &speech.salutation {
        push("/salutation".to_owned(), "salutation", &s.text, s.span);
    }
    for (i, p) in speech.preamble.iter().enumerate() {
        push(format!("/preamble/{i}"), "paragraph", &p.text, p.span);
    }
    for At {
        pointer,
        item: section,
    } in sections(speech)
    {
        for (i, p) in section.paragraphs.iter().enumerate() {
            push(
                format!("{pointer}/paragraphs/{i}"),
                "paragraph",
                &p.text,
                p.span,
            );
        }
        for (i, d) in section.directives.iter().enumerate() {
            push(
                format!("{pointer}/directives/{i}"),
                "directive",
                &d.text,
                d.span,
            );
        }
    }
    for (part, paragraphs) in [("closing", &speech.closing), ("appendix", &speech.appendix)] {
        for (i, p) in paragraphs.iter().enumerate() {
            push(format!("/{part}/{i}"), "paragraph", &p.text, p.span);
        }
    }
    for (i, doctrine) in speech.doctrines.iter().enumerate() {
        for (j, m) in doctrine.mentions.iter().enumerate() {
            push(
                format!("/doctrines/{i}/mentions/{j}"),
                "doctrine mention",
                &m.text,
                m.span,
            );
        }
    }
    for (i, b) in speech.boilerplate.iter().enumerate() {
        push(
            format!("/boilerplate/{i}"),
            "boilerplate block",
            &b.text,
            b.span,
        );
    }
    out
}

/// Every span of the document, with the pointer to the span value itself.
pub fn spans(speech: &Speech) -> Vec<At<Span>> {
    let mut out: Vec<At<Span>> = text_objects(speech)
        .into_iter()
        .map(|t| At::new(format!("{}/span", t.pointer), t.item.span))
        .collect();
    for At {
        pointer,
        item: section,
    } in sections(speech)
    {
        out.push(At::new(
            format!("{pointer}/heading_span"),
            section.heading_span,
        ));
        out.push(At::new(format!("{pointer}/span"), section.span));
    }
    for (i, d) in speech.diagnostics.iter().enumerate() {
        if let Some(span) = d.span {
            out.push(At::new(format!("/diagnostics/{i}/span"), span));
        }
    }
    out
}
