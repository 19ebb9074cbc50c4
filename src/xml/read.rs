//! XML → model: a small pull parser over quick-xml's events and one function a model type.
//!
//! Refused outright: document type declarations (so no entity can be declared, expanded or
//! fetched: no XXE, no billion laughs), references to entities other than the five predefined
//! ones, nesting deeper than [`MAX_DEPTH`] and inputs larger than [`MAX_INPUT_BYTES`]. Every
//! error carries the line and column where it was found.

use std::fmt;
use std::str::FromStr;

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::reader::NsReader;
use quick_xml::XmlVersion;
use serde::de::DeserializeOwned;

use super::locate::{Attribute, Tracker, XmlLocator};
use super::{enum_value, is_xml_char, parse_ctrl_code, CTRL, NAMESPACE};
use crate::model::{
    Block, Diagnostic, Directive, Doctrine, InputDigest, Meta, PartialDate, Passage, Section,
    Source, Span, Speaker, Speech, ThemeId, ThemeScore,
};

/// The deepest element nesting accepted (a section nested 60 deep is still far below it).
pub const MAX_DEPTH: usize = 128;

/// The largest document accepted, in bytes (speeches are well under a megabyte).
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

const XSI_NAMESPACE: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// Why an XML document could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {kind}")]
pub struct ReadError {
    /// 1-based line of the problem.
    pub line: usize,
    /// 1-based column of the problem, in characters.
    pub column: usize,
    /// What is wrong.
    pub kind: ReadErrorKind,
}

/// What is wrong with an XML document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadErrorKind {
    #[error("the document is {size} bytes, more than the {limit} bytes accepted")]
    TooLarge { size: usize, limit: usize },
    #[error("the document is not UTF-8: {0}")]
    NotUtf8(String),
    #[error("the document declares the encoding `{0}`; only UTF-8 is read")]
    Encoding(String),
    #[error("not well-formed XML: {0}")]
    Syntax(String),
    #[error(
        "document type declarations (<!DOCTYPE …>) are refused: they can declare entities and \
         reference external files"
    )]
    Doctype,
    #[error("reference to the undefined entity `&{0};` (only &lt; &gt; &amp; &apos; &quot; and character references are allowed)")]
    UndefinedEntity(String),
    #[error("character {0} is not allowed in XML 1.0 (write it as <ctrl code=\"{0}\"/>)")]
    IllegalCharacter(CodePoint),
    #[error("elements nest deeper than {0} levels")]
    TooDeep(usize),
    #[error("the document has no root element")]
    NoRoot,
    #[error("element <{name}> is not in the namespace {NAMESPACE} (found {namespace})")]
    ForeignElement { name: String, namespace: String },
    #[error("unexpected element <{name}> in <{parent}>")]
    UnexpectedElement { name: String, parent: String },
    #[error("missing element <{name}> in <{parent}>")]
    MissingElement { name: String, parent: String },
    #[error("unexpected text in <{parent}>, which holds only elements")]
    UnexpectedText { parent: String },
    #[error("unknown attribute `{name}` on <{element}>")]
    UnknownAttribute { name: String, element: String },
    #[error("missing attribute `{name}` on <{element}>")]
    MissingAttribute { name: String, element: String },
    #[error("attribute `{name}` on <{element}>: expected {expected}, found `{value}`")]
    BadValue {
        name: String,
        element: String,
        value: String,
        expected: &'static str,
    },
}

impl ReadErrorKind {
    /// The stable code reports give it (`jianghua validate`, the Python package): the document
    /// is too large, not UTF-8, not well-formed XML, or well-formed but not of the form.
    pub fn code(&self) -> &'static str {
        match self {
            ReadErrorKind::TooLarge { .. } => "too-large",
            ReadErrorKind::NotUtf8(_) => "not-utf8",
            ReadErrorKind::Encoding(_)
            | ReadErrorKind::Syntax(_)
            | ReadErrorKind::Doctype
            | ReadErrorKind::UndefinedEntity(_)
            | ReadErrorKind::IllegalCharacter(_)
            | ReadErrorKind::TooDeep(_)
            | ReadErrorKind::NoRoot => "xml-syntax",
            ReadErrorKind::ForeignElement { .. }
            | ReadErrorKind::UnexpectedElement { .. }
            | ReadErrorKind::MissingElement { .. }
            | ReadErrorKind::UnexpectedText { .. }
            | ReadErrorKind::UnknownAttribute { .. }
            | ReadErrorKind::MissingAttribute { .. }
            | ReadErrorKind::BadValue { .. } => "xml-shape",
        }
    }
}

/// A character shown as `U+XXXX`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodePoint(pub char);

impl fmt::Display for CodePoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", super::ctrl_code(self.0))
    }
}

/// Reads a document from bytes: UTF-8, with or without a byte order mark.
pub fn from_xml_bytes(bytes: &[u8]) -> Result<Speech> {
    from_xml(xml_text(bytes)?)
}

/// Reads a document from bytes like [`from_xml_bytes`], and where each of its values is written
/// (positions in the text after the byte order mark, as for JSON documents).
pub fn from_xml_bytes_located(bytes: &[u8]) -> Result<(Speech, XmlLocator)> {
    let text = xml_text(bytes)?;
    let mut pull = Pull::new(text);
    pull.tracker = Some(Tracker::default());
    let speech = pull.document()?;
    let locator = pull.tracker.unwrap_or_default().finish(text);
    Ok((speech, locator))
}

/// A value an XML document holds that its type does not (an enumeration attribute outside the
/// enumeration), read past with a stand-in so that the rest of the document is still read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadValue {
    /// The JSON Pointer of the value (`/meta/genre`).
    pub pointer: String,
    /// The value as written.
    pub value: String,
    /// The values allowed.
    pub allowed: Vec<String>,
}

/// Reads an XML document as [`from_xml_bytes_located`] does, but reads past values outside
/// their enumeration, returning each as a [`BadValue`] (with the document holding a stand-in
/// for it): what validation needs to report all of a document's problems. Malformed XML and
/// elements or attributes the form does not have still fail.
pub fn from_xml_bytes_checked(bytes: &[u8]) -> Result<(Speech, XmlLocator, Vec<BadValue>)> {
    let text = xml_text(bytes)?;
    let mut pull = Pull::new(text);
    pull.tracker = Some(Tracker::default());
    pull.recovered = Some(std::cell::RefCell::new(Vec::new()));
    let speech = pull.document()?;
    let tracker = pull.tracker.take().unwrap_or_default();
    let bad_values = pull
        .recovered
        .take()
        .map(std::cell::RefCell::into_inner)
        .unwrap_or_default()
        .into_iter()
        .map(|recovered| {
            let element = tracker.pointer_at(recovered.at).unwrap_or_default();
            let key = if recovered.name == "id" {
                "theme"
            } else {
                &recovered.name
            };
            BadValue {
                pointer: format!("{element}/{key}"),
                value: recovered.value,
                allowed: recovered.allowed,
            }
        })
        .collect();
    Ok((speech, tracker.finish(text), bad_values))
}

/// A value read past: the element's byte offset, the attribute, what it held and allowed.
#[derive(Debug)]
struct Recovered {
    at: usize,
    name: String,
    value: String,
    allowed: Vec<String>,
}

/// The values of an enumeration, in the order its schema lists them.
fn enumeration<T: schemars::JsonSchema>() -> Vec<String> {
    let schema = schemars::schema_for!(T);
    let value = schema.as_value();
    let constants = value
        .get("oneOf")
        .and_then(serde_json::Value::as_array)
        .map(|branches| {
            branches
                .iter()
                .filter_map(|b| b.get("const"))
                .collect::<Vec<_>>()
        })
        .or_else(|| {
            value
                .get("enum")
                .and_then(serde_json::Value::as_array)
                .map(|values| values.iter().collect())
        })
        .unwrap_or_default();
    constants
        .into_iter()
        .filter_map(|c| c.as_str().map(str::to_owned))
        .collect()
}

/// The text of an XML document: size checked, byte order mark removed, UTF-8 checked.
pub(crate) fn xml_text(bytes: &[u8]) -> Result<&str> {
    let at_start = |kind| ReadError {
        line: 1,
        column: 1,
        kind,
    };
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(at_start(ReadErrorKind::TooLarge {
            size: bytes.len(),
            limit: MAX_INPUT_BYTES,
        }));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let (line, column) = line_column(&String::from_utf8_lossy(valid), valid.len());
            Err(ReadError {
                line,
                column,
                kind: ReadErrorKind::NotUtf8(format!("invalid byte at offset {}", e.valid_up_to())),
            })
        }
    }
}

/// Reads a document in the project's XML form.
pub fn from_xml(xml: &str) -> Result<Speech> {
    if xml.len() > MAX_INPUT_BYTES {
        return Err(ReadError {
            line: 1,
            column: 1,
            kind: ReadErrorKind::TooLarge {
                size: xml.len(),
                limit: MAX_INPUT_BYTES,
            },
        });
    }
    Pull::new(xml).document()
}

/// 1-based line and character column of a byte offset.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// An element as read: its local name, attributes and where it starts.
#[derive(Debug)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    /// Byte offset of its `<`.
    at: usize,
    /// `<name/>`: there is nothing to read inside it.
    empty: bool,
}

/// What comes next inside an element: a child element or the end of the element.
enum Next {
    Child(Element),
    End { at: usize },
}

struct Pull<'i> {
    reader: NsReader<&'i [u8]>,
    input: &'i str,
    depth: usize,
    /// What [`Pull::peek`] read and has not been consumed yet.
    peeked: Option<Next>,
    /// Where values are written, when asked for.
    tracker: Option<Tracker>,
    /// Values outside their enumeration read past, when asked for ([`from_xml_bytes_checked`]).
    recovered: Option<std::cell::RefCell<Vec<Recovered>>>,
}

type Result<T> = std::result::Result<T, ReadError>;

impl<'i> Pull<'i> {
    fn new(input: &'i str) -> Self {
        let mut reader = NsReader::from_str(input);
        let config = reader.config_mut();
        config.trim_text(false);
        config.expand_empty_elements = false;
        config.check_end_names = true;
        config.check_comments = true;
        Self {
            reader,
            input,
            depth: 0,
            peeked: None,
            tracker: None,
            recovered: None,
        }
    }

    /// The whole document: prolog, root element, epilogue.
    fn document(&mut self) -> Result<Speech> {
        let root = self.root()?;
        let speech = self.speech(&root)?;
        self.epilogue()?;
        Ok(speech)
    }

    /// The end tag of the innermost open element.
    fn close(&mut self) {
        self.depth = self.depth.saturating_sub(1);
        if let Some(tracker) = &mut self.tracker {
            tracker.close();
        }
    }

    /// The byte offset in the input of `part`, a slice of it (the input is read in place).
    fn offset_of(&self, part: &[u8]) -> Option<usize> {
        let offset = (part.as_ptr() as usize).checked_sub(self.input.as_ptr() as usize)?;
        (offset < self.input.len()).then_some(offset)
    }

    fn error_at(&self, at: usize, kind: ReadErrorKind) -> ReadError {
        let (line, column) = line_column(self.input, at);
        ReadError { line, column, kind }
    }

    fn position(&self) -> usize {
        usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX)
    }

    /// The next event, with the offset where it starts; syntax errors located.
    fn event(&mut self) -> Result<(usize, Event<'i>)> {
        let at = self.position();
        match self.reader.read_event() {
            Ok(Event::DocType(_)) => Err(self.error_at(at, ReadErrorKind::Doctype)),
            Ok(event) => Ok((at, event)),
            Err(e) => {
                let at = usize::try_from(self.reader.error_position()).unwrap_or(at);
                Err(self.error_at(at, ReadErrorKind::Syntax(e.to_string())))
            }
        }
    }

    /// The element of a start tag: its name resolved and checked, attributes unescaped.
    fn element(&mut self, at: usize, start: &BytesStart<'_>, empty: bool) -> Result<Element> {
        let (namespace, local) = self.reader.resolver().resolve_element(start.name());
        let name = local.as_ref().to_owned();
        match namespace {
            ResolveResult::Bound(Namespace(ns)) if ns == NAMESPACE => {}
            other => {
                let namespace = match other {
                    ResolveResult::Bound(Namespace(ns)) => ns.to_owned(),
                    ResolveResult::Unknown(prefix) => format!("the undeclared prefix `{prefix}`"),
                    ResolveResult::Unbound => "no namespace".to_owned(),
                };
                return Err(self.error_at(at, ReadErrorKind::ForeignElement { name, namespace }));
            }
        }
        let mut attrs = Vec::new();
        let mut attr_offsets = Vec::new();
        for attr in start.attributes() {
            let attr = attr.map_err(|e| self.error_at(at, ReadErrorKind::Syntax(e.to_string())))?;
            let key = attr.key.as_ref();
            if key == "xmlns" || key.starts_with("xmlns:") {
                continue;
            }
            let (namespace, local) = self.reader.resolver().resolve_attribute(attr.key);
            match namespace {
                ResolveResult::Unbound => {}
                ResolveResult::Bound(Namespace(ns)) if ns == XSI_NAMESPACE => continue,
                _ => {
                    return Err(self.error_at(
                        at,
                        ReadErrorKind::UnknownAttribute {
                            name: key.to_owned(),
                            element: name,
                        },
                    ))
                }
            }
            let value = attr
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|e| self.error_at(at, ReadErrorKind::Syntax(e.to_string())))?;
            attrs.push((local.as_ref().to_owned(), value.into_owned()));
            attr_offsets.push(self.offset_of(key.as_bytes()).unwrap_or(at));
        }
        let content = self.position();
        if let Some(tracker) = &mut self.tracker {
            let attributes: Vec<Attribute<'_>> = attrs
                .iter()
                .zip(&attr_offsets)
                .map(|((name, _), &at)| Attribute { name, at })
                .collect();
            tracker.open(&name, at, content, &attributes, empty);
        }
        if !empty {
            self.depth += 1;
            if self.depth > MAX_DEPTH {
                return Err(self.error_at(at, ReadErrorKind::TooDeep(MAX_DEPTH)));
            }
        }
        Ok(Element {
            name,
            attrs,
            at,
            empty,
        })
    }

    /// The root element, after the prolog (declaration, comments, processing instructions).
    fn root(&mut self) -> Result<Element> {
        loop {
            let (at, event) = self.event()?;
            match event {
                Event::Decl(decl) => {
                    if let Some(Ok(encoding)) = decl.encoding() {
                        if !encoding.eq_ignore_ascii_case("utf-8") {
                            return Err(
                                self.error_at(at, ReadErrorKind::Encoding(encoding.into_owned()))
                            );
                        }
                    }
                }
                Event::Start(start) => return self.element(at, &start, false),
                Event::Empty(start) => return self.element(at, &start, true),
                Event::Text(text) if is_blank(&text) => {}
                Event::Comment(_) | Event::PI(_) => {}
                Event::Eof => return Err(self.error_at(at, ReadErrorKind::NoRoot)),
                _ => {
                    return Err(self.error_at(
                        at,
                        ReadErrorKind::UnexpectedText {
                            parent: "document".to_owned(),
                        },
                    ))
                }
            }
        }
    }

    /// What follows the root element: only comments, processing instructions and whitespace.
    fn epilogue(&mut self) -> Result<()> {
        loop {
            let (at, event) = self.event()?;
            match event {
                Event::Eof => return Ok(()),
                Event::Text(text) if is_blank(&text) => {}
                Event::Comment(_) | Event::PI(_) => {}
                Event::Start(start) | Event::Empty(start) => {
                    let name = start.local_name().as_ref().to_owned();
                    return Err(self.error_at(
                        at,
                        ReadErrorKind::UnexpectedElement {
                            name,
                            parent: "document".to_owned(),
                        },
                    ));
                }
                _ => {
                    return Err(self.error_at(
                        at,
                        ReadErrorKind::UnexpectedText {
                            parent: "document".to_owned(),
                        },
                    ))
                }
            }
        }
    }

    /// The next child element of `parent`, or its end; whitespace, comments and processing
    /// instructions between children are skipped.
    fn next(&mut self, parent: &Element) -> Result<Next> {
        if let Some(next) = self.peeked.take() {
            return Ok(next);
        }
        if parent.empty {
            return Ok(Next::End { at: parent.at });
        }
        loop {
            let (at, event) = self.event()?;
            match event {
                Event::Start(start) => return Ok(Next::Child(self.element(at, &start, false)?)),
                Event::Empty(start) => return Ok(Next::Child(self.element(at, &start, true)?)),
                Event::End(_) => {
                    self.close();
                    return Ok(Next::End { at });
                }
                Event::Text(text) if is_blank(&text) => {}
                Event::Comment(_) | Event::PI(_) => {}
                Event::Eof => {
                    return Err(self.error_at(
                        at,
                        ReadErrorKind::Syntax(format!(
                            "the document ends inside <{}>",
                            parent.name
                        )),
                    ))
                }
                Event::Decl(_) => {
                    return Err(self.error_at(
                        at,
                        ReadErrorKind::Syntax("XML declaration inside the document".to_owned()),
                    ))
                }
                Event::DocType(_) => return Err(self.error_at(at, ReadErrorKind::Doctype)),
                Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) => {
                    return Err(self.error_at(
                        at,
                        ReadErrorKind::UnexpectedText {
                            parent: parent.name.clone(),
                        },
                    ))
                }
            }
        }
    }

    /// The next child of `parent` if it is named `name`; anything else is left for later.
    fn optional(&mut self, parent: &Element, name: &str) -> Result<Option<Element>> {
        match self.next(parent)? {
            Next::Child(child) if child.name == name => Ok(Some(child)),
            other => {
                self.peeked = Some(other);
                Ok(None)
            }
        }
    }

    /// The next child of `parent`, which must be named `name`.
    fn required(&mut self, parent: &Element, name: &str) -> Result<Element> {
        match self.next(parent)? {
            Next::Child(child) if child.name == name => Ok(child),
            Next::Child(child) => Err(self.error_at(
                child.at,
                ReadErrorKind::UnexpectedElement {
                    name: child.name,
                    parent: parent.name.clone(),
                },
            )),
            Next::End { at } => Err(self.error_at(
                at,
                ReadErrorKind::MissingElement {
                    name: name.to_owned(),
                    parent: parent.name.clone(),
                },
            )),
        }
    }

    /// The end of `parent`: any child left is unexpected (unknown, repeated or out of order).
    fn end(&mut self, parent: &Element) -> Result<()> {
        match self.next(parent)? {
            Next::End { .. } => Ok(()),
            Next::Child(child) => Err(self.error_at(
                child.at,
                ReadErrorKind::UnexpectedElement {
                    name: child.name,
                    parent: parent.name.clone(),
                },
            )),
        }
    }

    /// The children of a container element, all named `item`, read by `read`.
    fn list<T>(
        &mut self,
        container: &Element,
        item: &str,
        mut read: impl FnMut(&mut Self, &Element) -> Result<T>,
    ) -> Result<Vec<T>> {
        container.only_attrs(self, &[])?;
        let mut items = Vec::new();
        loop {
            match self.next(container)? {
                Next::End { .. } => return Ok(items),
                Next::Child(child) if child.name == item => items.push(read(self, &child)?),
                Next::Child(child) => {
                    return Err(self.error_at(
                        child.at,
                        ReadErrorKind::UnexpectedElement {
                            name: child.name,
                            parent: container.name.clone(),
                        },
                    ))
                }
            }
        }
    }

    /// A required container element and its items.
    fn required_list<T>(
        &mut self,
        parent: &Element,
        container: &str,
        item: &str,
        read: impl FnMut(&mut Self, &Element) -> Result<T>,
    ) -> Result<Vec<T>> {
        let container = self.required(parent, container)?;
        self.list(&container, item, read)
    }

    /// The text content of `element`, exactly: references resolved, `<ctrl>` elements turned
    /// back into their characters, line ends normalized as XML 1.0 prescribes.
    fn text(&mut self, element: &Element) -> Result<String> {
        let mut text = String::new();
        if element.empty {
            return Ok(text);
        }
        loop {
            let (at, event) = self.event()?;
            match event {
                Event::Text(raw) => {
                    let content = raw.xml10_content();
                    self.check_chars(at, &content)?;
                    text.push_str(&content);
                }
                Event::CData(raw) => {
                    let content = raw.xml10_content();
                    self.check_chars(at, &content)?;
                    text.push_str(&content);
                }
                Event::GeneralRef(reference) => {
                    let name: &str = &reference;
                    let c = match reference.resolve_char_ref() {
                        Ok(Some(c)) => c,
                        Ok(None) => predefined_entity(name).ok_or_else(|| {
                            self.error_at(at, ReadErrorKind::UndefinedEntity(name.to_owned()))
                        })?,
                        Err(e) => {
                            return Err(self.error_at(at, ReadErrorKind::Syntax(e.to_string())))
                        }
                    };
                    if !is_xml_char(c) {
                        return Err(
                            self.error_at(at, ReadErrorKind::IllegalCharacter(CodePoint(c)))
                        );
                    }
                    text.push(c);
                }
                Event::Empty(start) => {
                    let child = self.element(at, &start, true)?;
                    text.push(self.ctrl(element, &child)?);
                }
                Event::Start(start) => {
                    let child = self.element(at, &start, false)?;
                    text.push(self.ctrl(element, &child)?);
                    self.end(&child)?;
                }
                Event::End(_) => {
                    self.close();
                    return Ok(text);
                }
                Event::Comment(_) | Event::PI(_) => {}
                Event::Eof => {
                    return Err(self.error_at(
                        at,
                        ReadErrorKind::Syntax(format!(
                            "the document ends inside <{}>",
                            element.name
                        )),
                    ))
                }
                Event::Decl(_) => {
                    return Err(self.error_at(
                        at,
                        ReadErrorKind::Syntax("XML declaration inside the document".to_owned()),
                    ))
                }
                Event::DocType(_) => return Err(self.error_at(at, ReadErrorKind::Doctype)),
            }
        }
    }

    /// The character a `<ctrl code="U+000C"/>` element inside a text stands for.
    fn ctrl(&mut self, parent: &Element, ctrl: &Element) -> Result<char> {
        if ctrl.name != CTRL {
            return Err(self.error_at(
                ctrl.at,
                ReadErrorKind::UnexpectedElement {
                    name: ctrl.name.clone(),
                    parent: parent.name.clone(),
                },
            ));
        }
        ctrl.only_attrs(self, &["code"])?;
        let code = ctrl.required_attr(self, "code")?;
        parse_ctrl_code(code).ok_or_else(|| {
            ctrl.bad_value(
                self,
                "code",
                code,
                "U+ and four upper-case hex digits of a character XML 1.0 cannot carry",
            )
        })
    }

    fn check_chars(&self, at: usize, text: &str) -> Result<()> {
        match text.chars().find(|c| !is_xml_char(*c)) {
            Some(c) => Err(self.error_at(at, ReadErrorKind::IllegalCharacter(CodePoint(c)))),
            None => Ok(()),
        }
    }

    /// A text-only element with no attributes.
    fn plain_text(&mut self, element: &Element) -> Result<String> {
        element.only_attrs(self, &[])?;
        self.text(element)
    }

    fn optional_text(&mut self, parent: &Element, name: &str) -> Result<Option<String>> {
        match self.optional(parent, name)? {
            Some(element) => Ok(Some(self.plain_text(&element)?)),
            None => Ok(None),
        }
    }

    fn required_text(&mut self, parent: &Element, name: &str) -> Result<String> {
        let element = self.required(parent, name)?;
        self.plain_text(&element)
    }

    // One function a model type, mirroring `write.rs`.

    fn speech(&mut self, root: &Element) -> Result<Speech> {
        if root.name != "speech" {
            return Err(self.error_at(
                root.at,
                ReadErrorKind::UnexpectedElement {
                    name: root.name.clone(),
                    parent: "document".to_owned(),
                },
            ));
        }
        root.only_attrs(self, &["schema_version"])?;
        let schema_version = root.required_attr(self, "schema_version")?.to_owned();
        let meta = self.required(root, "meta")?;
        let meta = self.meta(&meta)?;
        let front_matter = self.required_list(root, "front_matter", "block", Self::block)?;
        let salutation = match self.optional(root, "salutation")? {
            Some(element) => Some(self.passage(&element)?),
            None => None,
        };
        let preamble = self.required_list(root, "preamble", "p", Self::passage)?;
        let sections = self.required_list(root, "sections", "section", Self::section)?;
        let closing = self.required_list(root, "closing", "p", Self::passage)?;
        let appendix = self.required_list(root, "appendix", "p", Self::passage)?;
        let doctrines = self.required_list(root, "doctrines", "doctrine", Self::doctrine)?;
        let themes = self.required_list(root, "themes", "theme", Self::theme_score)?;
        let boilerplate = self.required_list(root, "boilerplate", "block", Self::block)?;
        let diagnostics =
            self.required_list(root, "diagnostics", "diagnostic", Self::diagnostic)?;
        self.end(root)?;
        Ok(Speech {
            // The XML form names its schema by its namespace; `$schema` is JSON's.
            schema: None,
            schema_version,
            meta,
            front_matter,
            salutation,
            preamble,
            sections,
            closing,
            appendix,
            doctrines,
            themes,
            boilerplate,
            diagnostics,
        })
    }

    fn meta(&mut self, element: &Element) -> Result<Meta> {
        element.only_attrs(
            self,
            &[
                "genre",
                "level",
                "fragment",
                "announced_sections",
                "encoding",
                "input",
            ],
        )?;
        let genre = element.required_enum(self, "genre")?;
        let level = element.optional_enum(self, "level")?;
        let fragment = element
            .optional_parsed::<XsdBool>(self, "fragment", "true or false")?
            .is_some_and(|b| b.0);
        let announced_sections =
            element.optional_parsed(self, "announced_sections", "an unsigned integer")?;
        let encoding = element.optional_enum(self, "encoding")?;
        let input = element.optional_enum(self, "input")?;
        let title = self.optional_text(element, "title")?;
        let speaker = match self.optional(element, "speaker")? {
            Some(speaker) => Some(self.speaker(&speaker)?),
            None => None,
        };
        let date = match self.optional(element, "date")? {
            Some(date) => Some(self.partial_date(&date)?),
            None => None,
        };
        let occasion = self.optional_text(element, "occasion")?;
        let place = self.optional_text(element, "place")?;
        let source = match self.optional(element, "source")? {
            Some(source) => Some(self.source(&source)?),
            None => None,
        };
        let input_digest = match self.optional(element, "input_digest")? {
            Some(digest) => Some(self.input_digest(&digest)?),
            None => None,
        };
        let redactions = match self.optional(element, "redactions")? {
            Some(list) => self.list(&list, "redaction", Self::passage)?,
            None => Vec::new(),
        };
        self.end(element)?;
        Ok(Meta {
            title,
            genre,
            speaker,
            date,
            occasion,
            place,
            level,
            fragment,
            announced_sections,
            source,
            encoding,
            input,
            input_digest,
            redactions,
        })
    }

    fn input_digest(&mut self, element: &Element) -> Result<InputDigest> {
        element.only_attrs(self, &["size", "sha256"])?;
        let size = element.required_parsed(self, "size", "an unsigned integer")?;
        let sha256 = element.required_parsed(self, "sha256", "64 hexadecimal digits")?;
        self.end(element)?;
        Ok(InputDigest { size, sha256 })
    }

    fn speaker(&mut self, element: &Element) -> Result<Speaker> {
        element.only_attrs(self, &[])?;
        let name = self.optional_text(element, "name")?;
        let role = self.optional_text(element, "role")?;
        self.end(element)?;
        Ok(Speaker { name, role })
    }

    fn partial_date(&mut self, element: &Element) -> Result<PartialDate> {
        element.only_attrs(self, &["year", "month", "day", "start", "end"])?;
        let year = element.optional_parsed(self, "year", "an integer")?;
        let month = element.optional_parsed(self, "month", "an integer from 0 to 255")?;
        let day = element.optional_parsed(self, "day", "an integer from 0 to 255")?;
        let span = element.span(self)?;
        let text = self.text(element)?;
        Ok(PartialDate {
            year,
            month,
            day,
            text,
            span,
        })
    }

    fn source(&mut self, element: &Element) -> Result<Source> {
        element.only_attrs(self, &[])?;
        let site = self.optional_text(element, "site")?;
        let url = self.optional_text(element, "url")?;
        let published = match self.optional(element, "published")? {
            Some(date) => Some(self.partial_date(&date)?),
            None => None,
        };
        let origin = self.optional_text(element, "origin")?;
        let author = self.optional_text(element, "author")?;
        self.end(element)?;
        Ok(Source {
            site,
            url,
            published,
            origin,
            author,
        })
    }

    fn passage(&mut self, element: &Element) -> Result<Passage> {
        element.only_attrs(self, &["start", "end"])?;
        let span = element.span(self)?;
        let text = self.text(element)?;
        Ok(Passage { text, span })
    }

    fn block<K: DeserializeOwned + schemars::JsonSchema>(
        &mut self,
        element: &Element,
    ) -> Result<Block<K>> {
        element.only_attrs(self, &["kind", "start", "end"])?;
        let kind = element.required_enum(self, "kind")?;
        let span = element.span(self)?;
        let text = self.text(element)?;
        Ok(Block { kind, text, span })
    }

    fn section(&mut self, element: &Element) -> Result<Section> {
        element.only_attrs(self, &["ordinal", "start", "end"])?;
        let ordinal = element.required_parsed(self, "ordinal", "an unsigned integer")?;
        let span = element.span(self)?;
        let marker = self.optional_text(element, "marker")?;
        let heading = self.required(element, "heading")?;
        let heading = self.passage(&heading)?;
        let themes = self.theme_ids(element)?;
        let paragraphs = self.required_list(element, "paragraphs", "p", Self::passage)?;
        let directives = self.required_list(element, "directives", "directive", Self::directive)?;
        let subsections = self.required_list(element, "subsections", "section", Self::section)?;
        self.end(element)?;
        Ok(Section {
            ordinal,
            marker,
            heading: heading.text,
            heading_span: heading.span,
            themes,
            paragraphs,
            directives,
            subsections,
            span,
        })
    }

    fn directive(&mut self, element: &Element) -> Result<Directive> {
        element.only_attrs(self, &["ordinal", "start", "end"])?;
        let ordinal = element.required_parsed(self, "ordinal", "an unsigned integer")?;
        let span = element.span(self)?;
        let marker = self.required_text(element, "marker")?;
        let heading = self.required_text(element, "heading")?;
        let text = self.required_text(element, "text")?;
        let themes = self.theme_ids(element)?;
        self.end(element)?;
        Ok(Directive {
            ordinal,
            marker,
            heading,
            text,
            span,
            themes,
        })
    }

    fn theme_ids(&mut self, parent: &Element) -> Result<Vec<ThemeId>> {
        self.required_list(parent, "themes", "theme", |pull, theme| {
            theme.only_attrs(pull, &["id"])?;
            let id = theme.required_enum(pull, "id")?;
            pull.end(theme)?;
            Ok(id)
        })
    }

    fn doctrine(&mut self, element: &Element) -> Result<Doctrine> {
        element.only_attrs(self, &["kind", "count"])?;
        let kind = element.required_enum(self, "kind")?;
        let count = element.required_parsed(self, "count", "an unsigned integer")?;
        let name = self.required_text(element, "name")?;
        let aliases = self.required_list(element, "aliases", "alias", Self::plain_text)?;
        let mentions = self.required_list(element, "mentions", "mention", Self::passage)?;
        let attribution = self.optional_text(element, "attribution")?;
        self.end(element)?;
        Ok(Doctrine {
            name,
            kind,
            aliases,
            mentions,
            count,
            attribution,
        })
    }

    fn theme_score(&mut self, element: &Element) -> Result<ThemeScore> {
        element.only_attrs(self, &["id", "weight"])?;
        let theme = element.required_enum(self, "id")?;
        let weight = element
            .required_parsed::<XsdDouble>(self, "weight", "a number (xs:double)")?
            .0;
        self.end(element)?;
        Ok(ThemeScore { theme, weight })
    }

    fn diagnostic(&mut self, element: &Element) -> Result<Diagnostic> {
        element.only_attrs(self, &["code", "severity", "start", "end"])?;
        let code = element.required_enum(self, "code")?;
        let severity = element.required_enum(self, "severity")?;
        let span = match (element.attr("start"), element.attr("end")) {
            (None, None) => None,
            _ => Some(element.span(self)?),
        };
        let message = self.required_text(element, "message")?;
        self.end(element)?;
        Ok(Diagnostic {
            code,
            severity,
            message,
            span,
        })
    }
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// Refuses attributes other than `known`.
    fn only_attrs(&self, pull: &Pull<'_>, known: &[&str]) -> Result<()> {
        match self
            .attrs
            .iter()
            .find(|(key, _)| !known.contains(&key.as_str()))
        {
            Some((key, _)) => Err(pull.error_at(
                self.at,
                ReadErrorKind::UnknownAttribute {
                    name: key.clone(),
                    element: self.name.clone(),
                },
            )),
            None => Ok(()),
        }
    }

    fn required_attr(&self, pull: &Pull<'_>, name: &str) -> Result<&str> {
        self.attr(name).ok_or_else(|| {
            pull.error_at(
                self.at,
                ReadErrorKind::MissingAttribute {
                    name: name.to_owned(),
                    element: self.name.clone(),
                },
            )
        })
    }

    fn bad_value(
        &self,
        pull: &Pull<'_>,
        name: &str,
        value: &str,
        expected: &'static str,
    ) -> ReadError {
        pull.error_at(
            self.at,
            ReadErrorKind::BadValue {
                name: name.to_owned(),
                element: self.name.clone(),
                value: value.to_owned(),
                expected,
            },
        )
    }

    fn optional_parsed<T: FromStr>(
        &self,
        pull: &Pull<'_>,
        name: &str,
        expected: &'static str,
    ) -> Result<Option<T>> {
        match self.attr(name) {
            None => Ok(None),
            Some(value) => parse_scalar(value)
                .map(Some)
                .ok_or_else(|| self.bad_value(pull, name, value, expected)),
        }
    }

    fn required_parsed<T: FromStr>(
        &self,
        pull: &Pull<'_>,
        name: &str,
        expected: &'static str,
    ) -> Result<T> {
        let value = self.required_attr(pull, name)?;
        parse_scalar(value).ok_or_else(|| self.bad_value(pull, name, value, expected))
    }

    fn optional_enum<T: DeserializeOwned + schemars::JsonSchema>(
        &self,
        pull: &Pull<'_>,
        name: &str,
    ) -> Result<Option<T>> {
        match self.attr(name) {
            None => Ok(None),
            Some(value) => self.enum_value(pull, name, value).map(Some),
        }
    }

    fn required_enum<T: DeserializeOwned + schemars::JsonSchema>(
        &self,
        pull: &Pull<'_>,
        name: &str,
    ) -> Result<T> {
        let value = self.required_attr(pull, name)?;
        self.enum_value(pull, name, value)
    }

    /// The enumeration value `value`; one outside it fails, or, when the reader recovers,
    /// is recorded and read as the enumeration's first value.
    fn enum_value<T: DeserializeOwned + schemars::JsonSchema>(
        &self,
        pull: &Pull<'_>,
        name: &str,
        value: &str,
    ) -> Result<T> {
        if let Some(known) = enum_value(value) {
            return Ok(known);
        }
        let failure = || {
            self.bad_value(
                pull,
                name,
                value,
                "a value of the enumeration (see schema/speech.xsd)",
            )
        };
        let Some(recovered) = &pull.recovered else {
            return Err(failure());
        };
        let allowed = enumeration::<T>();
        let stand_in = allowed.first().and_then(|first| enum_value(first));
        let Some(stand_in) = stand_in else {
            return Err(failure());
        };
        recovered.borrow_mut().push(Recovered {
            at: self.at,
            name: name.to_owned(),
            value: value.to_owned(),
            allowed,
        });
        Ok(stand_in)
    }

    fn span(&self, pull: &Pull<'_>) -> Result<Span> {
        let start = self.required_parsed(pull, "start", "a character offset")?;
        let end = self.required_parsed(pull, "end", "a character offset")?;
        Ok(Span { start, end })
    }
}

/// A scalar attribute value; XML Schema allows whitespace around it, and a leading `+`.
fn parse_scalar<T: FromStr>(value: &str) -> Option<T> {
    value
        .trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r'))
        .parse()
        .ok()
}

/// `xs:boolean`: `true`, `false`, `1`, `0`.
struct XsdBool(bool);

impl FromStr for XsdBool {
    type Err = ();
    fn from_str(s: &str) -> std::result::Result<Self, ()> {
        match s {
            "true" | "1" => Ok(Self(true)),
            "false" | "0" => Ok(Self(false)),
            _ => Err(()),
        }
    }
}

/// `xs:double`: a decimal or exponent form, or `INF`, `-INF`, `NaN`.
struct XsdDouble(f64);

impl FromStr for XsdDouble {
    type Err = ();
    fn from_str(s: &str) -> std::result::Result<Self, ()> {
        match s {
            "INF" | "+INF" => Ok(Self(f64::INFINITY)),
            "-INF" => Ok(Self(f64::NEG_INFINITY)),
            "NaN" => Ok(Self(f64::NAN)),
            // Rust would also take `inf`, `nan` and `infinity`, which XML Schema does not.
            s if s
                .bytes()
                .any(|b| b.is_ascii_alphabetic() && !matches!(b, b'e' | b'E')) =>
            {
                Err(())
            }
            s => s.parse().map(Self).map_err(|_| ()),
        }
    }
}

fn predefined_entity(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => None,
    }
}

fn is_blank(text: &str) -> bool {
    text.bytes()
        .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters() {
        let text = "ab\n讲话<x";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(line_column(text, text.find('<').unwrap_or(0)), (2, 3));
        assert_eq!(
            line_column(text, 4),
            (2, 1),
            "inside a character: its start"
        );
    }

    #[test]
    fn xsd_doubles() {
        assert_eq!("0.25".parse::<XsdDouble>().map(|d| d.0), Ok(0.25));
        assert_eq!("2.5E-1".parse::<XsdDouble>().map(|d| d.0), Ok(0.25));
        assert_eq!(
            "-INF".parse::<XsdDouble>().map(|d| d.0),
            Ok(f64::NEG_INFINITY)
        );
        assert!("inf".parse::<XsdDouble>().is_err());
        assert!("nan".parse::<XsdDouble>().is_err());
    }
}
