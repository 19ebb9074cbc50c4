//! Model → XML: one function a model type, in the order of the XML Schema.

use std::io::{self, Write};

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use serde::Serialize;

use super::{ctrl_code, enum_name, is_xml_char, CTRL, NAMESPACE};
use crate::model::{
    Block, Diagnostic, Directive, Doctrine, Meta, PartialDate, Passage, Section, Source, Span,
    Speaker, Speech, ThemeId, ThemeScore,
};

/// The document in the project's XML form, indented, ending in a newline.
pub fn to_xml(speech: &Speech) -> String {
    let mut bytes = Vec::new();
    write_xml(speech, &mut bytes).expect("writing to a Vec<u8> cannot fail");
    String::from_utf8(bytes).expect("the writer only writes UTF-8")
}

/// Writes the document in the project's XML form to `out`.
pub fn write_xml<W: Write>(speech: &Speech, out: W) -> io::Result<()> {
    let mut xml = XmlOut::new(out);
    xml.declaration()?;
    xml.speech(speech)?;
    xml.finish()
}

/// Attributes of one element, in the order they are written.
#[derive(Default)]
struct Attrs(Vec<(&'static str, String)>);

impl Attrs {
    fn with(mut self, name: &'static str, value: impl ToString) -> Self {
        self.0.push((name, value.to_string()));
        self
    }

    fn maybe(self, name: &'static str, value: Option<impl ToString>) -> Self {
        match value {
            Some(value) => self.with(name, value),
            None => self,
        }
    }

    fn enumeration<T: Serialize>(self, name: &'static str, value: &T) -> io::Result<Self> {
        let text = enum_name(value)
            .ok_or_else(|| io::Error::other(format!("`{name}` is not an enumeration value")))?;
        Ok(self.with(name, text))
    }

    fn span(self, span: Span) -> Self {
        self.with("start", span.start).with("end", span.end)
    }
}

/// A float as the shortest decimal that reads back to the same value (`xs:double` lexical form).
fn double(value: f64) -> String {
    if value.is_nan() {
        "NaN".to_owned()
    } else if value.is_infinite() {
        if value > 0.0 { "INF" } else { "-INF" }.to_owned()
    } else {
        // Rust's `Display` for floats is the shortest round-tripping form, never in exponent form.
        value.to_string()
    }
}

/// Text content: markup characters escaped, carriage returns as references (a literal one would
/// read back as a newline), characters XML 1.0 cannot carry as `<ctrl>` elements.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c if !is_xml_char(c) => {
                out.push_str(&format!("<{CTRL} code=\"{}\"/>", ctrl_code(c)));
            }
            c => out.push(c),
        }
    }
    out
}

struct XmlOut<W: Write> {
    writer: Writer<W>,
}

impl<W: Write> XmlOut<W> {
    fn new(out: W) -> Self {
        Self {
            writer: Writer::new_with_indent(out, b' ', 2),
        }
    }

    fn declaration(&mut self) -> io::Result<()> {
        self.writer
            .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
    }

    fn finish(mut self) -> io::Result<()> {
        self.writer.get_mut().write_all(b"\n")
    }

    fn start(name: &str, attrs: Attrs) -> BytesStart<'_> {
        let mut start = BytesStart::new(name);
        for (key, value) in &attrs.0 {
            start.push_attribute((*key, value.as_str()));
        }
        start
    }

    /// An element holding other elements.
    fn element(
        &mut self,
        name: &str,
        attrs: Attrs,
        children: impl FnOnce(&mut Self) -> io::Result<()>,
    ) -> io::Result<()> {
        self.writer
            .write_event(Event::Start(Self::start(name, attrs)))?;
        children(self)?;
        self.writer.write_event(Event::End(BytesEnd::new(name)))
    }

    /// An element without content.
    fn empty(&mut self, name: &str, attrs: Attrs) -> io::Result<()> {
        self.writer
            .write_event(Event::Empty(Self::start(name, attrs)))
    }

    /// An element whose content is `text`, exactly. The escaped text is one event so that the
    /// indenting writer never puts whitespace inside it.
    fn text(&mut self, name: &str, attrs: Attrs, text: &str) -> io::Result<()> {
        if text.is_empty() {
            return self.empty(name, attrs);
        }
        self.writer
            .write_event(Event::Start(Self::start(name, attrs)))?;
        self.writer
            .write_event(Event::Text(BytesText::from_escaped(escape_text(text))))?;
        self.writer.write_event(Event::End(BytesEnd::new(name)))
    }

    fn maybe_text(&mut self, name: &str, text: Option<&str>) -> io::Result<()> {
        match text {
            Some(text) => self.text(name, Attrs::default(), text),
            None => Ok(()),
        }
    }

    /// A container element holding one element per item; empty containers are `<name/>`.
    fn list<T>(
        &mut self,
        name: &str,
        items: &[T],
        mut item: impl FnMut(&mut Self, &T) -> io::Result<()>,
    ) -> io::Result<()> {
        if items.is_empty() {
            return self.empty(name, Attrs::default());
        }
        self.element(name, Attrs::default(), |xml| {
            items.iter().try_for_each(|value| item(xml, value))
        })
    }

    fn speech(&mut self, speech: &Speech) -> io::Result<()> {
        let attrs = Attrs::default()
            .with("xmlns", NAMESPACE)
            .with("schema_version", &speech.schema_version);
        self.element("speech", attrs, |xml| {
            xml.meta(&speech.meta)?;
            xml.list("front_matter", &speech.front_matter, |xml, b| xml.block(b))?;
            if let Some(salutation) = &speech.salutation {
                xml.passage("salutation", salutation)?;
            }
            xml.list("preamble", &speech.preamble, |xml, p| xml.passage("p", p))?;
            xml.list("sections", &speech.sections, Self::section)?;
            xml.list("closing", &speech.closing, |xml, p| xml.passage("p", p))?;
            xml.list("appendix", &speech.appendix, |xml, p| xml.passage("p", p))?;
            xml.list("doctrines", &speech.doctrines, Self::doctrine)?;
            xml.list("themes", &speech.themes, Self::theme_score)?;
            xml.list("boilerplate", &speech.boilerplate, |xml, b| xml.block(b))?;
            xml.list("diagnostics", &speech.diagnostics, Self::diagnostic)
        })
    }

    fn meta(&mut self, meta: &Meta) -> io::Result<()> {
        let mut attrs = Attrs::default().enumeration("genre", &meta.genre)?;
        if let Some(level) = &meta.level {
            attrs = attrs.enumeration("level", level)?;
        }
        attrs = attrs
            .with("fragment", meta.fragment)
            .maybe("announced_sections", meta.announced_sections);
        if let Some(encoding) = &meta.encoding {
            attrs = attrs.enumeration("encoding", encoding)?;
        }
        if let Some(input) = &meta.input {
            attrs = attrs.enumeration("input", input)?;
        }
        self.element("meta", attrs, |xml| {
            xml.maybe_text("title", meta.title.as_deref())?;
            if let Some(speaker) = &meta.speaker {
                xml.speaker(speaker)?;
            }
            if let Some(date) = &meta.date {
                xml.partial_date("date", date)?;
            }
            xml.maybe_text("occasion", meta.occasion.as_deref())?;
            xml.maybe_text("place", meta.place.as_deref())?;
            if let Some(source) = &meta.source {
                xml.source(source)?;
            }
            if let Some(digest) = &meta.input_digest {
                let attrs = Attrs::default()
                    .with("size", digest.size)
                    .with("sha256", &digest.sha256);
                xml.empty("input_digest", attrs)?;
            }
            xml.list("redactions", &meta.redactions, |xml, r| {
                xml.passage("redaction", r)
            })
        })
    }

    fn speaker(&mut self, speaker: &Speaker) -> io::Result<()> {
        if speaker.name.is_none() && speaker.role.is_none() {
            return self.empty("speaker", Attrs::default());
        }
        self.element("speaker", Attrs::default(), |xml| {
            xml.maybe_text("name", speaker.name.as_deref())?;
            xml.maybe_text("role", speaker.role.as_deref())
        })
    }

    fn partial_date(&mut self, name: &str, date: &PartialDate) -> io::Result<()> {
        let attrs = Attrs::default()
            .maybe("year", date.year)
            .maybe("month", date.month)
            .maybe("day", date.day)
            .span(date.span);
        self.text(name, attrs, &date.text)
    }

    fn source(&mut self, source: &Source) -> io::Result<()> {
        if *source == Source::default() {
            return self.empty("source", Attrs::default());
        }
        self.element("source", Attrs::default(), |xml| {
            xml.maybe_text("site", source.site.as_deref())?;
            xml.maybe_text("url", source.url.as_deref())?;
            if let Some(published) = &source.published {
                xml.partial_date("published", published)?;
            }
            xml.maybe_text("origin", source.origin.as_deref())?;
            xml.maybe_text("author", source.author.as_deref())
        })
    }

    fn passage(&mut self, name: &str, passage: &Passage) -> io::Result<()> {
        self.text(name, Attrs::default().span(passage.span), &passage.text)
    }

    fn block<K: Serialize>(&mut self, block: &Block<K>) -> io::Result<()> {
        let attrs = Attrs::default()
            .enumeration("kind", &block.kind)?
            .span(block.span);
        self.text("block", attrs, &block.text)
    }

    fn section(&mut self, section: &Section) -> io::Result<()> {
        let attrs = Attrs::default()
            .with("ordinal", section.ordinal)
            .span(section.span);
        self.element("section", attrs, |xml| {
            xml.maybe_text("marker", section.marker.as_deref())?;
            xml.text(
                "heading",
                Attrs::default().span(section.heading_span),
                &section.heading,
            )?;
            xml.theme_ids(&section.themes)?;
            xml.list("paragraphs", &section.paragraphs, |xml, p| {
                xml.passage("p", p)
            })?;
            xml.list("directives", &section.directives, Self::directive)?;
            xml.list("subsections", &section.subsections, Self::section)
        })
    }

    fn directive(&mut self, directive: &Directive) -> io::Result<()> {
        let attrs = Attrs::default()
            .with("ordinal", directive.ordinal)
            .span(directive.span);
        self.element("directive", attrs, |xml| {
            xml.text("marker", Attrs::default(), &directive.marker)?;
            xml.text("heading", Attrs::default(), &directive.heading)?;
            xml.text("text", Attrs::default(), &directive.text)?;
            xml.theme_ids(&directive.themes)
        })
    }

    fn theme_ids(&mut self, themes: &[ThemeId]) -> io::Result<()> {
        self.list("themes", themes, |xml, theme| {
            xml.empty("theme", Attrs::default().with("id", theme.as_str()))
        })
    }

    fn doctrine(&mut self, doctrine: &Doctrine) -> io::Result<()> {
        let attrs = Attrs::default()
            .enumeration("kind", &doctrine.kind)?
            .with("count", doctrine.count);
        self.element("doctrine", attrs, |xml| {
            xml.text("name", Attrs::default(), &doctrine.name)?;
            xml.list("aliases", &doctrine.aliases, |xml, alias| {
                xml.text("alias", Attrs::default(), alias)
            })?;
            xml.list("mentions", &doctrine.mentions, |xml, m| {
                xml.passage("mention", m)
            })?;
            xml.maybe_text("attribution", doctrine.attribution.as_deref())
        })
    }

    fn theme_score(&mut self, score: &ThemeScore) -> io::Result<()> {
        let attrs = Attrs::default()
            .with("id", score.theme.as_str())
            .with("weight", double(score.weight));
        self.empty("theme", attrs)
    }

    fn diagnostic(&mut self, diagnostic: &Diagnostic) -> io::Result<()> {
        let mut attrs = Attrs::default()
            .enumeration("code", &diagnostic.code)?
            .enumeration("severity", &diagnostic.severity)?;
        if let Some(span) = diagnostic.span {
            attrs = attrs.span(span);
        }
        self.element("diagnostic", attrs, |xml| {
            xml.text("message", Attrs::default(), &diagnostic.message)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escapes_markup_carriage_returns_and_controls() {
        assert_eq!(
            escape_text("a<b>&]]>\r\n\t\u{C}　"),
            "a&lt;b&gt;&amp;]]&gt;&#13;\n\t<ctrl code=\"U+000C\"/>　"
        );
    }

    #[test]
    fn doubles_use_the_xsd_lexical_forms() {
        assert_eq!(double(0.1), "0.1");
        assert_eq!(double(1e-7), "0.0000001");
        assert_eq!(double(f64::INFINITY), "INF");
        assert_eq!(double(f64::NEG_INFINITY), "-INF");
        assert_eq!(double(f64::NAN), "NaN");
    }
}
