//! See what the parser saw: a self-contained HTML page of one speech, and an overview of a
//! corpus.
//!
//! A speech's page is built from the spans: the text ([`ShownText`]) is cut at every boundary of
//! a part, section, heading, directive, diagnostic or doctrine mention (`layers`), and each
//! piece is written once inside the elements that mark it (`weave`), so the page holds every
//! character of the input exactly once, in order, and is a visual check of losslessness. The
//! labels of the margin and the themes are CSS generated content, not text: the source region's
//! text is the input's ([`source_region_text`] reads it back). Nothing is fetched: the style and
//! the script are inline, and the page reads well with scripts off.
//!
//! * [`read`]: any input `convert` reads, with an optional source text for a document;
//! * [`render_page`]: the page of one speech;
//! * [`overview`]: the rows and charts of a corpus's `index.html`.

mod charts;
mod labels;
mod layers;
pub mod overview;
mod page;
mod text;
mod weave;

use std::path::Path;

pub use overview::{Entry, Overview};
pub use page::PageOptions;
pub use text::ShownText;

use crate::convert::{ConvertError, InputForm};
use crate::model::Speech;
use crate::parse::ParseOptions;
use crate::text::SourceText;
use crate::validate::Problem;

const ASSETS_STYLE: &str = include_str!("assets/view.css");
const ASSETS_SCRIPT: &str = include_str!("assets/view.js");

/// A document ready to be shown: the speech, the text its spans index (or what they hold),
/// and, for a document read back, its own problems.
#[derive(Debug, Clone)]
pub struct Viewed {
    /// What the input was.
    pub form: InputForm,
    /// The document.
    pub speech: Speech,
    /// The text the page lays out.
    pub text: ShownText,
    /// For a JSON or XML document: what validation (against the source, when given) found.
    pub problems: Vec<Problem>,
}

/// Reads any input `convert` reads (a text, a page, a JSON or XML document). A document read
/// back is shown over `source` (a text or page, read as `validate --source` reads it) and
/// validated against it; without one, over what its spans hold.
pub fn read(
    bytes: &[u8],
    name: Option<&Path>,
    source: Option<&[u8]>,
    options: &ParseOptions,
) -> Result<Viewed, ConvertError> {
    let document = crate::convert::read_named(bytes, name, options)?;
    if let Some(text) = &document.source {
        return Ok(Viewed {
            form: document.form,
            text: ShownText::full(text.as_str()),
            speech: document.speech,
            problems: Vec::new(),
        });
    }
    let source = source
        .map(|bytes| crate::convert::source_text(bytes).map(SourceText::new))
        .transpose()?;
    // The document was read, so it validates; a failure to (never expected) shows no problems.
    let report = match document.form {
        InputForm::Xml => crate::validate::validate_xml(bytes, source.as_ref()).ok(),
        _ => crate::validate::validate_json(bytes, source.as_ref()).ok(),
    };
    let problems = report.map(|r| r.problems).unwrap_or_default();
    let text = match &source {
        Some(source) => ShownText::full(source.as_str()),
        None => ShownText::held_by(&document.speech),
    };
    Ok(Viewed {
        form: document.form,
        speech: document.speech,
        text,
        problems,
    })
}

/// The page of one document.
pub fn render_page(viewed: &Viewed, options: &PageOptions) -> String {
    page::render(viewed, options)
}

/// The text of a page's source region (`#source`) as a reader gets it back: its text in
/// order, each character shown as a symbol (a carriage return: `␍`) restored from its
/// `data-char`; `None` when the page has no such region. For a page of a whole source it is
/// the input's text, character for character.
pub fn source_region_text(html: &str) -> Option<String> {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse("#source").ok()?;
    let region = document.select(&selector).next()?;
    let mut text = String::new();
    let mut stack = vec![*region];
    while let Some(node) = stack.pop() {
        match node.value() {
            scraper::Node::Text(t) => text.push_str(t),
            scraper::Node::Element(e)
                if e.has_class("ctl", scraper::CaseSensitivity::CaseSensitive) =>
            {
                let code = e.attr("data-char").and_then(|c| c.strip_prefix("U+"));
                let restored = code
                    .and_then(|c| u32::from_str_radix(c, 16).ok())
                    .and_then(char::from_u32);
                text.extend(restored);
            }
            _ => stack.extend(node.children().rev()),
        }
    }
    Some(text)
}
