//! A page's bytes → text: the byte order mark, then the charset the page declares in a
//! `<meta>` tag, then the detection used for plain texts.
//!
//! A page that declares one charset and is written in another (a GBK page copied into a UTF-8
//! template keeps its `charset=gb2312`) is read by its bytes, with a note saying so.

use std::borrow::Cow;

use encoding_rs::{Encoding as Charset, BIG5, GB18030, GBK, UTF_8};
use scraper::{Html, Node};

use crate::model::Encoding;
use crate::parse::decode::{self, DecodeError, Decoded};

/// How far into a page its `<meta>` charset is looked for. Browsers look at the first 1024
/// bytes; scraped Chinese pages often put scripts and styles first, so a little further.
const DECLARATION_WINDOW: usize = 16 * 1024;

/// A decoded page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedPage {
    /// The page's markup as text, byte order mark removed.
    pub markup: String,
    /// The encoding it was read in.
    pub encoding: Encoding,
    /// Set when the page declares a charset its bytes are not in.
    pub mismatch: Option<String>,
}

/// Decodes a page's bytes.
pub fn decode_page(bytes: &[u8]) -> Result<DecodedPage, DecodeError> {
    let declared = declared_charset(bytes);
    let decoded =
        match declared.and_then(|charset| decode_declared(bytes, supported_superset(charset))) {
            Some(decoded) => {
                decode::reject_binary(&decoded)?;
                decoded
            }
            // The detection used for texts refuses binary itself.
            None => decode::decode(bytes)?,
        };
    let mismatch = declared
        .filter(|&charset| !agrees(supported_superset(charset), &decoded))
        .map(|charset| {
            format!(
                "the page declares the charset {} but its bytes are not in it; read as {}",
                charset.name(),
                encoding_name(decoded.encoding),
            )
        });
    Ok(DecodedPage {
        markup: decoded.text,
        encoding: decoded.encoding,
        mismatch,
    })
}

/// Decodes with the declared charset, unless a byte order mark or valid non-ASCII UTF-8 says
/// otherwise (bytes that are valid UTF-8 and not ASCII are hardly ever anything else), or the
/// bytes are not in that charset.
fn decode_declared(bytes: &[u8], charset: &'static Charset) -> Option<Decoded> {
    if Charset::for_bom(bytes).is_some()
        || (!bytes.is_ascii() && std::str::from_utf8(bytes).is_ok())
    {
        return None;
    }
    let encoding = model_encoding(charset)?;
    let text = charset.decode_without_bom_handling_and_without_replacement(bytes)?;
    Some(Decoded::new(text.into_owned(), encoding, charset))
}

/// Whether a page read as `decoded` was read in the charset it declares (or in one that
/// agrees with it on every byte of this page).
fn agrees(declared: &'static Charset, decoded: &Decoded) -> bool {
    model_encoding(declared) == Some(decoded.encoding)
        || (decoded.encoding == Encoding::Utf8Bom && declared == UTF_8)
        || decoded.text.is_ascii()
}

/// GBK and GB2312 pages are read as GB18030, which contains both (pages labelled GB2312 use
/// GBK's characters freely).
fn supported_superset(charset: &'static Charset) -> &'static Charset {
    if charset == GBK {
        GB18030
    } else {
        charset
    }
}

/// The model's name of a charset the tool reads.
fn model_encoding(charset: &'static Charset) -> Option<Encoding> {
    if charset == UTF_8 {
        Some(Encoding::Utf8)
    } else if charset == GB18030 {
        Some(Encoding::Gb18030)
    } else if charset == BIG5 {
        Some(Encoding::Big5)
    } else {
        None
    }
}

fn encoding_name(encoding: Encoding) -> &'static str {
    match encoding {
        Encoding::Utf8 | Encoding::Utf8Bom => "UTF-8",
        Encoding::Gb18030 => "GB18030",
        Encoding::Big5 => "Big5",
        Encoding::Utf16le | Encoding::Utf16leNoBom => "UTF-16LE",
        Encoding::Utf16be | Encoding::Utf16beNoBom => "UTF-16BE",
        Encoding::Other => "another encoding",
        Encoding::Lossy => "a lossy decoding",
    }
}

/// The charset named by the first `<meta charset>` or `<meta http-equiv="Content-Type">` of
/// the page's first bytes. The markup of a declaration is ASCII in every charset a page can
/// declare, so the bytes are read as UTF-8 with replacement and parsed by the HTML parser.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Charset> {
    let window = &bytes[..bytes.len().min(DECLARATION_WINDOW)];
    let head: Cow<str> = String::from_utf8_lossy(window);
    let page = Html::parse_document(&head);
    page.tree.values().find_map(|node| match node {
        Node::Element(element) if element.name() == "meta" => meta_charset(element),
        _ => None,
    })
}

/// The charset a `<meta>` element declares.
fn meta_charset(meta: &scraper::node::Element) -> Option<&'static Charset> {
    if let Some(label) = meta.attr("charset") {
        return Charset::for_label(label.trim().as_bytes());
    }
    let content_type = meta
        .attr("http-equiv")
        .is_some_and(|name| name.trim().eq_ignore_ascii_case("content-type"));
    content_type
        .then(|| meta.attr("content"))
        .flatten()
        .and_then(charset_parameter)
        .and_then(|label| Charset::for_label(label.as_bytes()))
}

/// The `charset=` parameter of a content type (`text/html; charset=gb2312`), quotes removed.
fn charset_parameter(content: &str) -> Option<&str> {
    let lower = content.to_ascii_lowercase();
    let at = lower.find("charset")? + "charset".len();
    let value = content[at..].trim_start().strip_prefix('=')?.trim_start();
    let value = value.trim_start_matches(['"', '\'']);
    let end = value
        .find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_ascii_whitespace())
        .unwrap_or(value.len());
    Some(&value[..end]).filter(|label| !label.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_parameters_are_read_as_browsers_read_them() {
        assert_eq!(
            charset_parameter("text/html; charset=gb2312"),
            Some("gb2312")
        );
        assert_eq!(charset_parameter("text/html;Charset=\"GBK\""), Some("GBK"));
        assert_eq!(
            charset_parameter("text/html; charset = utf-8;"),
            Some("utf-8")
        );
        assert_eq!(charset_parameter("text/html"), None);
    }

    #[test]
    fn meta_declarations_name_the_charset() {
        let page =
            b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">";
        assert_eq!(declared_charset(page), Some(GBK));
        assert_eq!(declared_charset(b"<meta charset=big5><p>x"), Some(BIG5));
        assert_eq!(declared_charset(b"<p>no declaration"), None);
    }

    #[test]
    fn a_gbk_page_is_read_as_gb18030() {
        let markup = "<meta charset=\"gbk\"><p>同志们：</p>";
        let (bytes, _, _) = GB18030.encode(markup);
        let page = decode_page(&bytes).unwrap();
        assert_eq!(
            (page.markup.as_str(), page.encoding),
            (markup, Encoding::Gb18030)
        );
        assert_eq!(page.mismatch, None);
    }

    #[test]
    fn a_big5_page_is_read_as_big5() {
        let markup = "<meta charset=\"big5\"><p>同志們：今天召開會議。</p>";
        let (bytes, _, _) = BIG5.encode(markup);
        let page = decode_page(&bytes).unwrap();
        assert_eq!(
            (page.markup.as_str(), page.encoding),
            (markup, Encoding::Big5)
        );
    }

    #[test]
    fn a_page_that_lies_about_its_charset_is_read_by_its_bytes() {
        let markup = "<meta charset=\"gb2312\"><p>同志们：今天召开全市人大工作会议。</p>";
        let page = decode_page(markup.as_bytes()).unwrap();
        assert_eq!(
            (page.markup.as_str(), page.encoding),
            (markup, Encoding::Utf8)
        );
        assert!(page.mismatch.unwrap().contains("declares the charset GBK"));
    }

    #[test]
    fn binary_in_a_page_is_refused() {
        let page = b"<meta charset=utf-8><p>\x00\x01\x02</p>";
        assert!(matches!(decode_page(page), Err(DecodeError::Binary { .. })));
    }
}
