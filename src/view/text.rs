//! The text a view shows: the source the spans index, or, for a document given without it,
//! what the document's own spans hold.

use std::fmt::Write as _;

use maud::Escaper;

use crate::model::{Passage, Span, Speech};

/// The text laid out on a page, indexed by character like the spans.
#[derive(Debug, Clone)]
pub struct ShownText {
    kind: Kind,
}

#[derive(Debug, Clone)]
enum Kind {
    /// The whole source: its characters' byte offsets, the end of the text last.
    Full { text: String, offsets: Vec<usize> },
    /// Characters the document's spans hold; `None` where no span says what is there.
    Held(Vec<Option<char>>),
}

impl ShownText {
    /// The whole source text.
    pub fn full(text: &str) -> Self {
        let offsets = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        Self {
            kind: Kind::Full {
                text: text.to_owned(),
                offsets,
            },
        }
    }

    /// What the spans of `speech` hold, each text laid at its span; where two disagree the first
    /// written stays.
    pub fn held_by(speech: &Speech) -> Self {
        let passages = held_passages(speech);
        // A document read back may claim any span: the page reaches no further than its texts
        // could with generous gaps between them, so that a span at 10^12 allocates nothing.
        let held: usize = passages.iter().map(|(text, _)| text.len()).sum();
        let reach = held.saturating_mul(4).saturating_add(1 << 16);
        let length = passages
            .iter()
            .map(|(_, s)| s.end)
            .max()
            .unwrap_or(0)
            .min(reach);
        let mut chars = vec![None; length];
        for (text, span) in passages {
            for (slot, c) in chars[span.start.min(length)..].iter_mut().zip(text.chars()) {
                slot.get_or_insert(c);
            }
        }
        Self {
            kind: Kind::Held(chars),
        }
    }

    /// Whether this is the whole source, or only what the document holds.
    pub fn is_full(&self) -> bool {
        matches!(self.kind, Kind::Full { .. })
    }

    /// Length in characters.
    pub fn len(&self) -> usize {
        match &self.kind {
            Kind::Full { offsets, .. } => offsets.len() - 1,
            Kind::Held(chars) => chars.len(),
        }
    }

    /// Whether there is no text at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The characters the document does not hold (none for a whole source).
    pub fn unheld(&self) -> usize {
        match &self.kind {
            Kind::Full { .. } => 0,
            Kind::Held(chars) => chars.iter().filter(|c| c.is_none()).count(),
        }
    }

    /// Writes characters `start..end` as HTML text.
    pub fn write_html(&self, start: usize, end: usize, out: &mut String) {
        match &self.kind {
            Kind::Full { text, offsets } => {
                let (Some(&from), Some(&to)) = (offsets.get(start), offsets.get(end)) else {
                    return;
                };
                write_text(&text[from..to], out);
            }
            Kind::Held(chars) => {
                let mut piece = String::new();
                let mut missing = 0;
                for c in chars.get(start..end).unwrap_or_default() {
                    match c {
                        Some(c) => {
                            flush_missing(&mut missing, out);
                            piece.push(*c);
                        }
                        None => {
                            write_text(&piece, out);
                            piece.clear();
                            missing += 1;
                        }
                    }
                }
                write_text(&piece, out);
                flush_missing(&mut missing, out);
            }
        }
    }
}

/// A run of characters no span holds: a line break on the page, since between the parts of a
/// document there are mostly line breaks.
fn flush_missing(missing: &mut usize, out: &mut String) {
    if *missing > 0 {
        let _ = write!(
            out,
            r#"<span class="unheld" title="{missing} character{s} the document does not hold"></span>"#,
            s = if *missing == 1 { "" } else { "s" }
        );
        *missing = 0;
    }
}

/// Whether HTML cannot carry `c` as text: controls other than tab and line feed (a carriage
/// return would be read as a line feed), and noncharacters.
pub fn is_unshowable(c: char) -> bool {
    let code = u32::from(c);
    (c.is_control() && c != '\t' && c != '\n')
        || (0xFDD0..=0xFDEF).contains(&code)
        || code & 0xFFFE == 0xFFFE
}

/// Writes `text` escaped; a character HTML cannot carry is a small symbol whose `data-char`
/// names it (`U+000D`), so that the page shows it and a reader of the page can restore it.
pub fn write_text(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(at) = rest.find(is_unshowable) {
        let _ = Escaper::new(out).write_str(&rest[..at]);
        let Some(c) = rest[at..].chars().next() else {
            break;
        };
        let symbol = match c {
            '\r' => '␍',
            '\u{c}' => '␌',
            '\0' => '␀',
            _ => '�',
        };
        let _ = write!(
            out,
            r#"<span class="ctl" data-char="U+{code:04X}" title="U+{code:04X}">{symbol}</span>"#,
            code = u32::from(c)
        );
        rest = &rest[at + c.len_utf8()..];
    }
    let _ = Escaper::new(out).write_str(rest);
}

/// Every text the document holds at a span, in the order the view trusts them: the body's
/// parts before what lies within them.
fn held_passages(speech: &Speech) -> Vec<(&str, Span)> {
    let mut held: Vec<(&str, Span)> = Vec::new();
    fn passage(p: &Passage) -> (&str, Span) {
        (p.text.as_str(), p.span)
    }
    held.extend(
        speech
            .front_matter
            .iter()
            .map(|b| (b.text.as_str(), b.span)),
    );
    held.extend(speech.boilerplate.iter().map(|b| (b.text.as_str(), b.span)));
    held.extend(speech.salutation.iter().map(passage));
    held.extend(speech.preamble.iter().map(passage));
    let mut sections: Vec<&crate::model::Section> = speech.sections.iter().collect();
    while let Some(section) = sections.pop() {
        held.extend(section.paragraphs.iter().map(passage));
        held.extend(section.directives.iter().map(|d| (d.text.as_str(), d.span)));
        held.push((section.heading.as_str(), section.heading_span));
        sections.extend(section.subsections.iter());
    }
    held.extend(speech.closing.iter().map(passage));
    held.extend(speech.appendix.iter().map(passage));
    for doctrine in &speech.doctrines {
        held.extend(doctrine.mentions.iter().map(passage));
    }
    held.extend(speech.meta.redactions.iter().map(passage));
    held
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_html_cannot_carry_become_named_symbols() {
        let mut out = String::new();
        write_text("a\r\nb<\u{c}", &mut out);
        assert_eq!(
            out,
            "a<span class=\"ctl\" data-char=\"U+000D\" title=\"U+000D\">␍</span>\nb&lt;\
             <span class=\"ctl\" data-char=\"U+000C\" title=\"U+000C\">␌</span>"
        );
    }

    #[test]
    fn a_span_far_past_the_texts_allocates_nothing() {
        let mut speech = crate::parse_str(
            "同志们：\n一、坚持党的领导。\n".to_owned(),
            &Default::default(),
        );
        if let Some(salutation) = &mut speech.salutation {
            salutation.span = Span::new(1 << 40, (1 << 40) + 3);
        }
        let shown = ShownText::held_by(&speech);
        assert!(shown.len() < 1 << 20, "{}", shown.len());
    }

    #[test]
    fn a_full_text_is_cut_by_characters() {
        let text = ShownText::full("同志们：好");
        let mut out = String::new();
        text.write_html(1, 3, &mut out);
        assert_eq!(out, "志们");
        assert_eq!(text.len(), 5);
    }
}
