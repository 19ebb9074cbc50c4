//! Stage 7: the parts into one [`Speech`].

use super::layout::is_blank_char;
use super::outline::Outline;
use super::{ParseOptions, Role, Segment};
use crate::model::{Block, BoilerplateKind, FrontMatterKind, Meta, Span, Speech, SCHEMA_VERSION};
use crate::text::{chars_led_by, SourceText};
use crate::validate::walk;

/// Builds the document from the stages' results.
pub fn assemble(
    source: &SourceText,
    segments: &[Segment],
    mut meta: Meta,
    outline: Outline,
    options: &ParseOptions,
) -> Speech {
    let mut front_matter = Vec::new();
    let mut boilerplate = Vec::new();
    for segment in segments {
        let passage = source.passage(&segment.range);
        match segment.role {
            Role::Front(kind) => front_matter.push(Block {
                kind,
                text: passage.text,
                span: passage.span,
            }),
            Role::Boilerplate(kind) => boilerplate.push(Block {
                kind,
                text: passage.text,
                span: passage.span,
            }),
            Role::Body => {}
        }
    }
    meta.announced_sections = outline.announced_sections;
    meta.fragment |= outline.fragment;
    // The title is the speaker's own text too (在学习贯彻党的二十届三中全会精神…会议上的讲话):
    // what it cites counts; the rest of the front matter and the page chrome do not.
    let regions: Vec<_> = segments
        .iter()
        .filter(|s| {
            matches!(
                s.role,
                Role::Body | Role::Front(FrontMatterKind::Title | FrontMatterKind::Subtitle)
            )
        })
        .map(|s| s.range.clone())
        .collect();
    let doctrines = crate::doctrines::extract(source, &regions, options.lexicon.as_ref());
    let mut speech = Speech {
        schema: None,
        schema_version: SCHEMA_VERSION.to_owned(),
        meta,
        front_matter,
        salutation: outline.salutation,
        preamble: outline.preamble,
        sections: outline.sections,
        closing: outline.closing,
        appendix: outline.appendix,
        doctrines,
        themes: Vec::new(),
        boilerplate,
        diagnostics: outline.diagnostics,
    };
    crate::themes::assign(&mut speech);
    let invisible = invisible_leftovers(source, &speech);
    if !invisible.is_empty() {
        speech.boilerplate.extend(invisible);
        speech
            .boilerplate
            .sort_by_key(|b| (b.span.start, b.span.end));
    }
    speech
}

/// The invisible characters (zero-width spaces and joiners, stray byte order marks, soft
/// hyphens…) that the stages trimmed off lines and parts and that lie in no part, each run as a
/// block of boilerplate: they are not whitespace, so the contract wants them in some span.
fn invisible_leftovers(source: &SourceText, speech: &Speech) -> Vec<Block<BoilerplateKind>> {
    // Most texts hold none: they are not walked.
    if !holds_invisible(source.as_str()) {
        return Vec::new();
    }
    let mut covered = vec![false; source.char_len()];
    for object in walk::Parts::new(speech).text_objects() {
        let span = object.item.span;
        if let Some(chars) = covered.get_mut(span.start..span.end) {
            chars.fill(true);
        }
    }
    let mut blocks = Vec::new();
    let mut chars = source.as_str().chars().zip(covered).enumerate().peekable();
    while let Some((start, (c, covered))) = chars.next() {
        if covered || !is_blank_char(c) || c.is_whitespace() {
            continue;
        }
        // The run goes on over uncovered blank characters to the end of the line, and ends at
        // its last invisible one.
        let mut end = start + 1;
        while let Some(&(at, (c, false))) = chars.peek() {
            if !is_blank_char(c) || matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
                break;
            }
            if !c.is_whitespace() {
                end = at + 1;
            }
            chars.next();
        }
        let passage = source.passage(&source.byte_range(Span::new(start, end)));
        blocks.push(Block {
            kind: BoilerplateKind::Other,
            text: passage.text,
            span: passage.span,
        });
    }
    blocks
}

/// The first bytes of the UTF-8 forms of the invisible characters of [`is_blank_char`].
const INVISIBLE_LEADS: [u8; 6] = [0xC2, 0xCD, 0xD8, 0xE1, 0xE2, 0xEF];

/// Whether `text` holds a blank character that is not whitespace.
fn holds_invisible(text: &str) -> bool {
    chars_led_by(text, |b| INVISIBLE_LEADS.contains(&b))
        .any(|(_, c)| is_blank_char(c) && !c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_invisible_character_opens_with_a_listed_byte() {
        let invisible = (0..=char::MAX as u32)
            .filter_map(char::from_u32)
            .filter(|&c| is_blank_char(c) && !c.is_whitespace());
        for c in invisible {
            let text = format!("同志们{c}好");
            assert!(holds_invisible(&text), "U+{:04X}", u32::from(c));
        }
        assert!(!holds_invisible("同志们，“好”！\u{3000}\n"));
    }
}
