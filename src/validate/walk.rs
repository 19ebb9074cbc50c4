//! The span-bearing parts of a speech, each with its JSON Pointer, in document order.

use std::fmt;
use std::rc::Rc;

use smallvec::SmallVec;

use crate::model::{Section, Span, Speech};

/// A JSON Pointer kept in pieces until a problem needs it: a base (a fixed one such as
/// `/preamble`, or a section's, shared) and the steps below it. Most parts of a valid document
/// are never reported, so making one allocates nothing; [`fmt::Display`] joins it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pointer {
    base: Base,
    steps: SmallVec<[Step; 4]>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Base {
    Fixed(&'static str),
    Shared(Rc<str>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// A key of the model: none holds `~` or `/`, so none needs escaping.
    Key(&'static str),
    Index(usize),
}

impl Pointer {
    /// A pointer written out (`/meta/date`, `/preamble`).
    pub fn at(base: &'static str) -> Self {
        Self {
            base: Base::Fixed(base),
            steps: SmallVec::new(),
        }
    }

    /// The member `key` of what this points to.
    pub fn key(mut self, key: &'static str) -> Self {
        self.steps.push(Step::Key(key));
        self
    }

    /// The item `index` of the array this points to.
    pub fn index(mut self, index: usize) -> Self {
        self.steps.push(Step::Index(index));
        self
    }

    /// This pointer as a base that copies of it share.
    fn shared(&self) -> Self {
        Self {
            base: Base::Shared(self.to_string().into()),
            steps: SmallVec::new(),
        }
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match &self.base {
            Base::Fixed(base) => base,
            Base::Shared(base) => base,
        })?;
        for step in &self.steps {
            match step {
                Step::Key(key) => write!(f, "/{key}")?,
                Step::Index(index) => write!(f, "/{index}")?,
            }
        }
        Ok(())
    }
}

impl From<Pointer> for String {
    fn from(pointer: Pointer) -> Self {
        pointer.to_string()
    }
}

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
    pub pointer: Pointer,
    pub item: T,
}

impl<T> At<T> {
    fn new(pointer: Pointer, item: T) -> Self {
        Self { pointer, item }
    }
}

/// The parts of a speech the rules go through, each with its pointer; the sections are found
/// once for all the rules.
pub struct Parts<'a> {
    pub speech: &'a Speech,
    /// Every section, nested ones included, depth first in document order.
    pub sections: Vec<At<&'a Section>>,
}

impl<'a> Parts<'a> {
    pub fn new(speech: &'a Speech) -> Self {
        fn walk<'a>(sections: &'a [Section], base: Pointer, out: &mut Vec<At<&'a Section>>) {
            for (i, section) in sections.iter().enumerate() {
                let pointer = base.clone().index(i).shared();
                out.push(At::new(pointer.clone(), section));
                walk(&section.subsections, pointer.key("subsections"), out);
            }
        }
        let mut sections = Vec::new();
        walk(&speech.sections, Pointer::at("/sections"), &mut sections);
        Self { speech, sections }
    }

    /// Every object with `text` and `span`, in document order.
    pub fn text_objects(&self) -> Vec<At<TextObject<'a>>> {
        let speech = self.speech;
        let mut out = Vec::new();
        let mut push = |pointer: Pointer, what: &'static str, text: &'a str, span: Span| {
            out.push(At::new(pointer, TextObject { what, text, span }));
        };
        let meta = &speech.meta;
        if let Some(date) = &meta.date {
            push(Pointer::at("/meta/date"), "date", &date.text, date.span);
        }
        if let Some(published) = meta.source.as_ref().and_then(|s| s.published.as_ref()) {
            push(
                Pointer::at("/meta/source/published"),
                "date",
                &published.text,
                published.span,
            );
        }
        let list = |base: &'static str, i: usize| Pointer::at(base).index(i);
        for (i, r) in meta.redactions.iter().enumerate() {
            push(list("/meta/redactions", i), "redaction", &r.text, r.span);
        }
        for (i, b) in speech.front_matter.iter().enumerate() {
            push(
                list("/front_matter", i),
                "front-matter block",
                &b.text,
                b.span,
            );
        }
        if let Some(s) = &speech.salutation {
            push(Pointer::at("/salutation"), "salutation", &s.text, s.span);
        }
        for (i, p) in speech.preamble.iter().enumerate() {
            push(list("/preamble", i), "paragraph", &p.text, p.span);
        }
        for At {
            pointer,
            item: section,
        } in &self.sections
        {
            for (i, p) in section.paragraphs.iter().enumerate() {
                let at = pointer.clone().key("paragraphs").index(i);
                push(at, "paragraph", &p.text, p.span);
            }
            for (i, d) in section.directives.iter().enumerate() {
                let at = pointer.clone().key("directives").index(i);
                push(at, "directive", &d.text, d.span);
            }
        }
        for (part, paragraphs) in [
            ("/closing", &speech.closing),
            ("/appendix", &speech.appendix),
        ] {
            for (i, p) in paragraphs.iter().enumerate() {
                push(list(part, i), "paragraph", &p.text, p.span);
            }
        }
        for (i, doctrine) in speech.doctrines.iter().enumerate() {
            for (j, m) in doctrine.mentions.iter().enumerate() {
                let at = list("/doctrines", i).key("mentions").index(j);
                push(at, "doctrine mention", &m.text, m.span);
            }
        }
        for (i, b) in speech.boilerplate.iter().enumerate() {
            push(
                list("/boilerplate", i),
                "boilerplate block",
                &b.text,
                b.span,
            );
        }
        out
    }

    /// Every span of the document, with the pointer to the span value itself.
    pub fn spans(&self) -> Vec<At<Span>> {
        let mut out: Vec<At<Span>> = self
            .text_objects()
            .into_iter()
            .map(|t| At::new(t.pointer.key("span"), t.item.span))
            .collect();
        for At {
            pointer,
            item: section,
        } in &self.sections
        {
            out.push(At::new(
                pointer.clone().key("heading_span"),
                section.heading_span,
            ));
            out.push(At::new(pointer.clone().key("span"), section.span));
        }
        for (i, d) in self.speech.diagnostics.iter().enumerate() {
            if let Some(span) = d.span {
                let at = Pointer::at("/diagnostics").index(i).key("span");
                out.push(At::new(at, span));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::test_support::sample_speech;

    #[test]
    fn pointers_join_their_pieces() {
        let pointer = Pointer::at("/doctrines").index(3).key("mentions").index(0);
        assert_eq!(pointer.to_string(), "/doctrines/3/mentions/0");
        let many = (0..6).fold(Pointer::at(""), |p, i| p.key("subsections").index(i));
        assert_eq!(
            many.to_string(),
            "/subsections/0/subsections/1/subsections/2/subsections/3/subsections/4/subsections/5"
        );
    }

    #[test]
    fn every_span_is_named_by_its_pointer() {
        let speech = sample_speech();
        let document = serde_json::to_value(&speech).unwrap_or_default();
        let parts = Parts::new(&speech);
        let spans = parts.spans();
        assert!(spans.len() > 10, "{}", spans.len());
        for At { pointer, item } in spans {
            let pointer = pointer.to_string();
            let found = document.pointer(&pointer).cloned().unwrap_or_default();
            assert_eq!(
                found,
                serde_json::to_value(item).unwrap_or_default(),
                "{pointer}"
            );
        }
        for At { pointer, item } in &parts.sections {
            let heading = document.pointer(&format!("{pointer}/heading"));
            assert_eq!(
                heading,
                Some(&serde_json::Value::from(item.heading.as_str()))
            );
        }
    }
}
