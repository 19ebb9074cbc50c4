//! Stage 7: the parts into one [`Speech`].

use super::outline::Outline;
use super::{ParseOptions, Role, Segment};
use crate::model::{Block, FrontMatterKind, Meta, Speech, SCHEMA_VERSION};
use crate::text::SourceText;

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
    speech
}
