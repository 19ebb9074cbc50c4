//! Saved web pages as input: an HTML page → the text a reader sees → the parser.
//!
//! 1. [`charset`]: bytes → markup (byte order mark, then `<meta>` charset, then detection);
//! 2. [`extract`]: markup → visible text, with the chrome the page's structure marks;
//! 3. the parser, on that text: the document's spans index the extracted text, which
//!    `jianghua text` prints so that anyone can check them.

pub mod charset;
pub mod extract;
pub mod hints;
pub mod metadata;

use std::ops::Range;

use crate::model::{
    BoilerplateKind, Diagnostic, DiagnosticCode, Encoding, InputFormat, Severity, Source, Speech,
};
use crate::parse::{DecodeError, ParseOptions};
use crate::text::SourceText;

/// File name extensions of saved pages (case-insensitive).
pub const EXTENSIONS: [&str; 3] = ["html", "htm", "shtml"];

/// A page read and its text extracted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The visible text: what the parser reads and the spans index.
    pub text: String,
    /// The encoding the page was read in.
    pub encoding: Encoding,
    /// Byte ranges of `text` inside elements the page marks as chrome, with their kind.
    pub chrome: Vec<(Range<usize>, BoilerplateKind)>,
    /// Set when the page declares a charset its bytes are not in.
    pub charset_mismatch: Option<String>,
    /// The source the page's `<meta>` tags and links declare.
    pub source: Source,
}

/// Reads a page's bytes and extracts its text.
pub fn read_page(bytes: &[u8]) -> Result<Page, DecodeError> {
    let decoded = charset::decode_page(bytes)?;
    let document = scraper::Html::parse_document(&decoded.markup);
    let extracted = extract::extract_document(&document);
    Ok(Page {
        text: extracted.text,
        encoding: decoded.encoding,
        chrome: extracted.chrome,
        charset_mismatch: decoded.mismatch,
        source: metadata::declared_source(&document),
    })
}

/// Parses a page: its extracted text, recorded as coming from HTML in the page's encoding.
pub fn parse_page(
    bytes: &[u8],
    options: &ParseOptions,
) -> Result<(Speech, SourceText), DecodeError> {
    let page = read_page(bytes)?;
    let source = SourceText::new(page.text);
    let options = ParseOptions {
        chrome: page.chrome,
        ..options.clone()
    };
    let mut speech = crate::parse::parse_source(&source, &options);
    speech.meta.encoding = Some(page.encoding);
    speech.meta.input = Some(InputFormat::Html);
    speech.meta.source = with_declared(speech.meta.source.take(), page.source);
    if let Some(message) = page.charset_mismatch {
        speech.diagnostics.push(Diagnostic {
            code: DiagnosticCode::EncodingDetected,
            severity: Severity::Warning,
            message,
            span: None,
        });
    }
    Ok((speech, source))
}

/// The source the text gives, its gaps filled from what the page declares (the text's own
/// lines, 来源 and 作者, are what a reader of the page sees, so they win).
fn with_declared(found: Option<Source>, declared: Source) -> Option<Source> {
    let found = found.unwrap_or_default();
    let merged = Source {
        site: found.site.or(declared.site),
        url: found.url.or(declared.url),
        published: found.published,
        origin: found.origin.or(declared.origin),
        author: found.author.or(declared.author),
    };
    (merged != Source::default()).then_some(merged)
}

/// Tags that open an HTML page or fragment (after white space, a byte order mark, an XML
/// declaration and comments), compared case-insensitively.
const OPENING_TAGS: &[&str] = &[
    "!doctype html",
    "html",
    "head",
    "body",
    "meta",
    "title",
    "link",
    "p",
    "div",
    "br",
    "table",
    "span",
    "font",
    "center",
    "h1",
    "h2",
    "h3",
];

/// How far into an input comments and declarations are skipped looking for its first tag.
const PROLOGUE_LIMIT: usize = 64 * 1024;

/// Whether the input is an HTML page or fragment, told by its first tag.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let mut rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    rest = &rest[..rest.len().min(PROLOGUE_LIMIT)];
    loop {
        rest = rest.trim_ascii_start();
        if let Some(after) =
            skip_between(rest, b"<!--", b"-->").or_else(|| skip_between(rest, b"<?", b"?>"))
        {
            rest = after;
            continue;
        }
        return opens_with_html_tag(rest);
    }
}

/// The input after a construct opened by `open` and closed by `close`, when it starts with one.
fn skip_between<'a>(input: &'a [u8], open: &[u8], close: &[u8]) -> Option<&'a [u8]> {
    let body = input.strip_prefix(open)?;
    let end = memchr::memmem::find(body, close)?;
    Some(&body[end + close.len()..])
}

/// Whether the input starts with one of [`OPENING_TAGS`], the name ending where a tag name ends.
fn opens_with_html_tag(input: &[u8]) -> bool {
    let Some(tag) = input.strip_prefix(b"<") else {
        return false;
    };
    OPENING_TAGS.iter().any(|name| {
        tag.len() >= name.len()
            && tag[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            && tag
                .get(name.len())
                .is_none_or(|&b| b == b'>' || b == b'/' || b.is_ascii_whitespace())
    })
}

/// Whether a file name has an extension of saved pages.
pub fn has_page_extension(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| {
            EXTENSIONS
                .iter()
                .any(|known| extension.eq_ignore_ascii_case(known))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_fragments_are_told_by_their_first_tag() {
        assert!(looks_like_html(b"<!DOCTYPE html>\n<html>"));
        assert!(looks_like_html(b"\xEF\xBB\xBF  <HTML lang=zh>"));
        assert!(looks_like_html(b"<!-- saved -->\n<html>"));
        assert!(looks_like_html(
            b"<?xml version=\"1.0\"?><!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\">"
        ));
        assert!(looks_like_html(b"<p>\xE5\x90\x8C</p>"));
        assert!(looks_like_html(b"<br/>"));
        assert!(looks_like_html(b"<meta charset=gbk>"));
        assert!(!looks_like_html(
            b"<?xml version=\"1.0\"?>\n<speech xmlns=\"x\">"
        ));
        assert!(!looks_like_html(b"<speech>"));
        assert!(!looks_like_html(b"<pre-amble>"));
        assert!(!looks_like_html("<‹返回首页".as_bytes()));
        assert!(!looks_like_html("讲话 <p>".as_bytes()));
    }

    #[test]
    fn a_page_records_where_it_came_from() {
        let page = "<html><head><meta charset=utf-8></head><body>\
            <p>在市委人大工作会议上的讲话</p><p>同志们：</p><p>今天召开会议。</p></body></html>";
        let (speech, source) = parse_page(page.as_bytes(), &ParseOptions::default()).unwrap();
        assert_eq!(speech.meta.input, Some(InputFormat::Html));
        assert_eq!(speech.meta.encoding, Some(Encoding::Utf8));
        assert_eq!(
            speech.meta.title.as_deref(),
            Some("在市委人大工作会议上的讲话")
        );
        assert!(!source.as_str().contains('<'));
    }
}
