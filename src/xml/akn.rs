//! Akoma Ntoso 3.0 export (one way): the speech as `akomaNtoso/debate`, valid against
//! `schema/akn/akomantoso30.xsd`, its identifiers following the Akoma Ntoso naming convention.
//!
//! * `meta/identification`: FRBR work (the speech: date, speaker, country `cn`), expression
//!   (its Chinese text, language `zho`) and manifestation (this XML). The IRIs carry the date
//!   only as far as it is known (`2024-03-01`, `2024`, or `undated`); `FRBRdate`, which the
//!   schema requires as a full date, names what its value is (`delivery`, `delivery (year)`,
//!   `unknown`);
//! * `meta/references`: a `TLCPerson` for the speaker, its IRI its own when the name is unknown
//!   (and a `TLCRole` for the office), a `TLCReference` for each law or publication cited and a
//!   `TLCConcept` for every other doctrine;
//! * `preface`: the front matter (title lines as `docTitle`, the speech's date as `docDate`);
//! * `debateBody/debateSection/speech by="#speaker"` with `from`: the salutation, preamble,
//!   sections as `tblock` (`num`, `heading`, then the text after them, nested `tblock`s),
//!   directives as `blockList/item` in place of the text they cover, and the closing; the
//!   appendix follows the speech in the same `debateSection`. Doctrine mentions are inline
//!   `ref`/`concept` elements.
//!
//! Every block and container has an `eId` built as the naming convention builds them: the
//! parent's `eId`, `__`, the element's abbreviation (`dbsect`, `list`, else its name) and its
//! number, the written number for numbered parts (`tblock_2` for 二、) and the position among
//! its like siblings otherwise (`p_3`); the preface's start with `preface__`.
//!
//! Not exported: boilerplate, diagnostics and themes (they describe the page and the analysis,
//! not the speech). Characters XML 1.0 cannot carry become their Unicode control pictures
//! (U+2400–U+241F) or U+FFFD: the export is for reading and exchange, not for round trips.

use std::collections::{HashMap, HashSet};
use std::io::{self, Write};

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

use super::is_xml_char;
use crate::model::{
    Directive, Doctrine, DoctrineKind, PartialDate, Passage, Section, Span, Speech,
};

/// The Akoma Ntoso 3.0 namespace.
pub const AKN_NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// The path of the Akoma Ntoso schema, relative to the repository root.
pub const AKN_XSD_PATH: &str = "schema/akn/akomantoso30.xsd";

const SPEAKER: &str = "speaker";
const SPEAKER_ROLE: &str = "speakerRole";
const PUBLISHER: &str = "jianghua";

/// The document as an Akoma Ntoso 3.0 `debate`, indented, ending in a newline.
pub fn to_akn(speech: &Speech) -> String {
    let mut bytes = Vec::new();
    write_akn(speech, &mut bytes).expect("writing to a Vec<u8> cannot fail");
    String::from_utf8(bytes).expect("the writer only writes UTF-8")
}

/// Writes the document as an Akoma Ntoso 3.0 `debate` to `out`.
pub fn write_akn<W: Write>(speech: &Speech, out: W) -> io::Result<()> {
    let mut akn = AknOut {
        writer: Writer::new_with_indent(out, b' ', 2),
        marks: doctrine_marks(&speech.doctrines),
        eids: Eids::default(),
    };
    akn.writer
        .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    akn.element("akomaNtoso", &[("xmlns", AKN_NAMESPACE)], |akn| {
        akn.element("debate", &[("name", "speech")], |akn| {
            akn.meta(speech)?;
            akn.preface(speech)?;
            akn.body(speech)
        })
    })?;
    akn.writer.get_mut().write_all(b"\n")
}

/// A doctrine mention to mark up inline: where it is and what it points at.
struct Mark {
    span: Span,
    text: String,
    element: &'static str,
    eid: String,
}

/// References (laws, publications) are `ref`s to `TLCReference`s; everything else is a
/// `concept` of a `TLCConcept`.
fn is_reference(kind: DoctrineKind) -> bool {
    matches!(kind, DoctrineKind::Law | DoctrineKind::Publication)
}

fn doctrine_eid(index: usize) -> String {
    format!("doctrine_{}", index + 1)
}

fn doctrine_marks(doctrines: &[Doctrine]) -> Vec<Mark> {
    let mut marks: Vec<Mark> = doctrines
        .iter()
        .enumerate()
        .flat_map(|(index, doctrine)| {
            let element = if is_reference(doctrine.kind) {
                "ref"
            } else {
                "concept"
            };
            doctrine.mentions.iter().map(move |mention| Mark {
                span: mention.span,
                text: mention.text.clone(),
                element,
                eid: doctrine_eid(index),
            })
        })
        .filter(|mark| !mark.span.is_empty())
        .collect();
    marks.sort_by_key(|mark| (mark.span.start, std::cmp::Reverse(mark.span.end)));
    marks
}

/// A character as Akoma Ntoso text: what XML 1.0 cannot carry becomes a visible stand-in.
fn push_escaped(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '\r' => out.push_str("&#13;"),
        c if !is_xml_char(c) => {
            let picture = u32::from(c)
                .checked_add(0x2400)
                .filter(|_| u32::from(c) < 0x20)
                .and_then(char::from_u32);
            out.push(picture.unwrap_or('\u{FFFD}'));
        }
        c => out.push(c),
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    text.chars().for_each(|c| push_escaped(&mut out, c));
    out
}

/// Percent-encodes what is not an unreserved URI character, so IRIs stay plain ASCII.
fn iri_segment(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The date the FRBR identification gives the speech: the delivery date when written, else the
/// publication date, as far as either is known.
#[derive(Debug, Clone, PartialEq, Eq)]
enum WorkDate {
    /// Year, month and day known.
    Day { date: String, event: &'static str },
    /// The year known, perhaps the month: the IRIs carry the year, as the naming convention
    /// allows; `FRBRdate` (a full date by the schema) the first day of what is known.
    Partial {
        year: String,
        padded: String,
        name: String,
    },
    /// No date known.
    Unknown,
}

impl WorkDate {
    fn of(speech: &Speech) -> Self {
        let published = speech
            .meta
            .source
            .as_ref()
            .and_then(|s| s.published.as_ref());
        [
            (speech.meta.date.as_ref(), "delivery"),
            (published, "publication"),
        ]
        .into_iter()
        .find_map(|(date, event)| Self::from_partial(date?, event))
        .unwrap_or(Self::Unknown)
    }

    fn from_partial(date: &PartialDate, event: &'static str) -> Option<Self> {
        let year = date.year?;
        let month = date.month.filter(|m| (1..=12).contains(m));
        let day = month.and_then(|m| {
            date.day
                .filter(|d| (1..=days_in_month(year, m)).contains(d))
        });
        let year_text = if year < 0 {
            format!("-{:04}", year.unsigned_abs())
        } else {
            format!("{year:04}")
        };
        let padded = format!(
            "{year_text}-{:02}-{:02}",
            month.unwrap_or(1),
            day.unwrap_or(1)
        );
        Some(match (month, day) {
            (Some(_), Some(_)) => Self::Day {
                date: padded,
                event,
            },
            (Some(_), None) => Self::Partial {
                year: year_text,
                padded,
                name: format!("{event} (month)"),
            },
            _ => Self::Partial {
                year: year_text,
                padded,
                name: format!("{event} (year)"),
            },
        })
    }

    /// The date component of the FRBR IRIs: only what is known.
    fn iri_component(&self) -> &str {
        match self {
            Self::Day { date, .. } => date,
            Self::Partial { year, .. } => year,
            Self::Unknown => "undated",
        }
    }

    /// `FRBRdate`'s `date` and `name`. The schema requires a full date even when none is known:
    /// then `name` is `unknown` and the value the schema's placeholder.
    fn frbr_date(&self) -> (&str, &str) {
        match self {
            Self::Day { date, event } => (date, event),
            Self::Partial { padded, name, .. } => (padded, name),
            Self::Unknown => ("0001-01-01", "unknown"),
        }
    }
}

/// A full `xs:date` for `docDate`, when the date is known to the day.
fn full_date(date: &PartialDate) -> Option<String> {
    match WorkDate::from_partial(date, "")? {
        WorkDate::Day { date, .. } => Some(date),
        _ => None,
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A short stable name of the speech for its FRBR IRIs (FNV-1a of its texts), so that two
/// speeches of the same day do not share an IRI.
fn work_number(speech: &Speech) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let texts = speech
        .front_matter
        .iter()
        .map(|b| b.text.as_str())
        .chain(speech.preamble.iter().map(|p| p.text.as_str()))
        .chain(
            speech
                .sections
                .iter()
                .flat_map(|s| s.paragraphs.iter().map(|p| p.text.as_str())),
        )
        .chain(speech.closing.iter().map(|p| p.text.as_str()));
    for text in texts {
        for byte in text.bytes().chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// `eId`s as the Akoma Ntoso naming convention builds them, unique within the document.
#[derive(Default)]
struct Eids {
    /// How many of each element a parent has numbered by position so far.
    positions: HashMap<(String, &'static str), u32>,
    used: HashSet<String>,
}

impl Eids {
    /// The naming convention's abbreviation of an element's name.
    fn abbreviation(element: &'static str) -> &'static str {
        match element {
            "debateSection" => "dbsect",
            "blockList" => "list",
            other => other,
        }
    }

    /// The `eId` of the next `element` of `parent` numbered by its position.
    fn next(&mut self, parent: &str, element: &'static str) -> String {
        let position = self
            .positions
            .entry((parent.to_owned(), element))
            .or_default();
        *position += 1;
        let number = *position;
        self.numbered(parent, element, number)
    }

    /// The `eId` of an `element` of `parent` whose text numbers it (一、 → 1). Should two share
    /// a number, the later one gets `_2`, `_3`… as the convention's tools do.
    fn numbered(&mut self, parent: &str, element: &'static str, number: u32) -> String {
        let separator = if parent.is_empty() { "" } else { "__" };
        let base = format!(
            "{parent}{separator}{}_{number}",
            Self::abbreviation(element)
        );
        let mut eid = base.clone();
        let mut count = 1;
        while !self.used.insert(eid.clone()) {
            count += 1;
            eid = format!("{base}_{count}");
        }
        eid
    }
}

struct AknOut<W: Write> {
    writer: Writer<W>,
    marks: Vec<Mark>,
    eids: Eids,
}

impl<W: Write> AknOut<W> {
    fn start<'a>(name: &'a str, attrs: &[(&str, &str)]) -> BytesStart<'a> {
        let mut start = BytesStart::new(name);
        for attr in attrs {
            start.push_attribute(*attr);
        }
        start
    }

    fn element(
        &mut self,
        name: &str,
        attrs: &[(&str, &str)],
        children: impl FnOnce(&mut Self) -> io::Result<()>,
    ) -> io::Result<()> {
        self.writer
            .write_event(Event::Start(Self::start(name, attrs)))?;
        children(self)?;
        self.writer.write_event(Event::End(BytesEnd::new(name)))
    }

    fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.writer
            .write_event(Event::Empty(Self::start(name, attrs)))
    }

    /// An element with already escaped inline content, written as one event so that the
    /// indenting writer puts no whitespace inside it.
    fn inline(&mut self, name: &str, attrs: &[(&str, &str)], content: String) -> io::Result<()> {
        if content.is_empty() {
            return self.empty(name, attrs);
        }
        self.writer
            .write_event(Event::Start(Self::start(name, attrs)))?;
        self.writer
            .write_event(Event::Text(BytesText::from_escaped(content)))?;
        self.writer.write_event(Event::End(BytesEnd::new(name)))
    }

    /// The escaped text of a passage with the doctrine mentions inside it marked up. A mention
    /// is marked only where its span lies inside the passage and the text there is its text.
    fn marked_up(&self, text: &str, span: Span) -> String {
        let chars: Vec<char> = text.chars().collect();
        let consistent = span.len() == chars.len();
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for mark in &self.marks {
            if !consistent || !span.contains(&mark.span) {
                continue;
            }
            let (from, to) = (mark.span.start - span.start, mark.span.end - span.start);
            if from < at
                || chars
                    .get(from..to)
                    .is_none_or(|m| !m.iter().copied().eq(mark.text.chars()))
            {
                continue;
            }
            chars[at..from]
                .iter()
                .for_each(|c| push_escaped(&mut out, *c));
            let target = format!("#{}", mark.eid);
            let attr = if mark.element == "ref" {
                "href"
            } else {
                "refersTo"
            };
            out.push_str(&format!("<{} {attr}=\"{target}\">", mark.element));
            chars[from..to]
                .iter()
                .for_each(|c| push_escaped(&mut out, *c));
            out.push_str(&format!("</{}>", mark.element));
            at = to;
        }
        chars
            .get(at..)
            .unwrap_or_default()
            .iter()
            .for_each(|c| push_escaped(&mut out, *c));
        out
    }

    /// A `p` of `parent`, with its `eId`.
    fn paragraph(
        &mut self,
        passage: &Passage,
        class: Option<&str>,
        parent: &str,
    ) -> io::Result<()> {
        let content = self.marked_up(&passage.text, passage.span);
        let eid = self.eids.next(parent, "p");
        let mut attrs = vec![("eId", eid.as_str())];
        attrs.extend(class.map(|class| ("class", class)));
        self.inline("p", &attrs, content)
    }

    /// An empty `p` of `parent`: what a container that must hold a block holds when it has none.
    fn empty_paragraph(&mut self, parent: &str) -> io::Result<()> {
        let eid = self.eids.next(parent, "p");
        self.empty("p", &[("eId", &eid)])
    }

    fn meta(&mut self, speech: &Speech) -> io::Result<()> {
        let work_date = WorkDate::of(speech);
        let (date, date_name) = work_date.frbr_date();
        let work = format!(
            "/akn/cn/debate/{}/{}",
            work_date.iri_component(),
            work_number(speech)
        );
        let expression = format!("{work}/zho@");
        let speaker = format!("#{SPEAKER}");
        let publisher = format!("#{PUBLISHER}");
        let source = [("source", publisher.as_str())];
        self.element("meta", &[], |akn| {
            akn.element("identification", &source, |akn| {
                akn.element("FRBRWork", &[], |akn| {
                    akn.empty("FRBRthis", &[("value", &format!("{work}/!main"))])?;
                    akn.empty("FRBRuri", &[("value", &work)])?;
                    akn.empty("FRBRdate", &[("date", date), ("name", date_name)])?;
                    akn.empty("FRBRauthor", &[("href", &speaker)])?;
                    akn.empty("FRBRcountry", &[("value", "cn")])?;
                    if let Some(title) = &speech.meta.title {
                        akn.empty("FRBRname", &[("value", &escape_attr(title))])?;
                    }
                    Ok(())
                })?;
                akn.element("FRBRExpression", &[], |akn| {
                    akn.empty("FRBRthis", &[("value", &format!("{expression}/!main"))])?;
                    akn.empty("FRBRuri", &[("value", &expression)])?;
                    akn.empty("FRBRdate", &[("date", date), ("name", date_name)])?;
                    akn.empty("FRBRauthor", &[("href", &speaker)])?;
                    akn.empty("FRBRlanguage", &[("language", "zho")])
                })?;
                akn.element("FRBRManifestation", &[], |akn| {
                    akn.empty("FRBRthis", &[("value", &format!("{expression}/!main.xml"))])?;
                    akn.empty("FRBRuri", &[("value", &format!("{expression}.akn"))])?;
                    akn.empty("FRBRdate", &[("date", date), ("name", date_name)])?;
                    akn.empty("FRBRauthor", &[("href", &publisher)])
                })
            })?;
            akn.element("references", &source, |akn| akn.references(speech, &work))
        })
    }

    fn references(&mut self, speech: &Speech, work: &str) -> io::Result<()> {
        self.empty(
            "TLCOrganization",
            &[
                ("eId", PUBLISHER),
                ("href", "/akn/ontology/organization/jianghua"),
                ("showAs", "jianghua"),
            ],
        )?;
        let speaker = speech.meta.speaker.as_ref();
        let role = speaker.and_then(|s| s.role.as_deref());
        // A person is known by name; a speaker whose name is unknown is a person of this speech
        // alone, shown by the office when it is known.
        let (href, shown) = match speaker.and_then(|s| s.name.as_deref()) {
            Some(name) => (
                format!("/akn/ontology/person/cn/{}", iri_segment(name)),
                name,
            ),
            None => (
                format!("{work}/!main#{SPEAKER}"),
                role.unwrap_or("unknown speaker"),
            ),
        };
        self.empty(
            "TLCPerson",
            &[
                ("eId", SPEAKER),
                ("href", &href),
                ("showAs", &escape_attr(shown)),
            ],
        )?;
        if let Some(role) = role {
            let href = format!("/akn/ontology/role/cn/{}", iri_segment(role));
            self.empty(
                "TLCRole",
                &[
                    ("eId", SPEAKER_ROLE),
                    ("href", &href),
                    ("showAs", &escape_attr(role)),
                ],
            )?;
        }
        for (index, doctrine) in speech.doctrines.iter().enumerate() {
            let eid = doctrine_eid(index);
            let shown = escape_attr(&doctrine.name);
            let kind = super::enum_name(&doctrine.kind).unwrap_or_default();
            if is_reference(doctrine.kind) {
                let href = format!("/akn/ontology/reference/cn/{}", iri_segment(&doctrine.name));
                self.empty(
                    "TLCReference",
                    &[
                        ("eId", &eid),
                        ("href", &href),
                        ("showAs", &shown),
                        ("name", &kind),
                    ],
                )?;
            } else {
                let href = format!(
                    "/akn/ontology/concept/cn/{kind}/{}",
                    iri_segment(&doctrine.name)
                );
                self.empty(
                    "TLCConcept",
                    &[("eId", &eid), ("href", &href), ("showAs", &shown)],
                )?;
            }
        }
        Ok(())
    }

    fn preface(&mut self, speech: &Speech) -> io::Result<()> {
        if speech.front_matter.is_empty() && speech.meta.title.is_none() {
            return Ok(());
        }
        // The preface numbers its paragraphs under its own name, as the convention's tools do.
        const PREFACE: &str = "preface";
        let dates = doc_dates(speech);
        self.element(PREFACE, &[], |akn| {
            if speech.front_matter.is_empty() {
                let title = format!(
                    "<docTitle>{}</docTitle>",
                    escape(speech.meta.title.as_deref().unwrap_or_default())
                );
                let eid = akn.eids.next(PREFACE, "p");
                return akn.inline("p", &[("eId", &eid), ("class", "title")], title);
            }
            for block in &speech.front_matter {
                let kind = super::enum_name(&block.kind).unwrap_or_default();
                let text = with_doc_dates(&block.text, block.span, &dates);
                let content = if kind == "title" && !text.is_empty() {
                    format!("<docTitle>{text}</docTitle>")
                } else {
                    text
                };
                let eid = akn.eids.next(PREFACE, "p");
                akn.inline("p", &[("eId", &eid), ("class", &kind)], content)?;
            }
            Ok(())
        })
    }

    fn body(&mut self, speech: &Speech) -> io::Result<()> {
        let by = format!("#{SPEAKER}");
        let role = format!("#{SPEAKER_ROLE}");
        let speaker = speech.meta.speaker.as_ref();
        let from: Vec<&str> = speaker
            .into_iter()
            .flat_map(|s| [s.role.as_deref(), s.name.as_deref()])
            .flatten()
            .filter(|part| !part.is_empty())
            .collect();
        self.element("debateBody", &[], |akn| {
            let section = akn.eids.next("", "debateSection");
            akn.element(
                "debateSection",
                &[("eId", section.as_str()), ("name", "speech")],
                |akn| {
                    if let Some(occasion) = &speech.meta.occasion {
                        akn.inline("heading", &[], escape(occasion))?;
                    }
                    let eid = akn.eids.next(&section, "speech");
                    let mut speech_attrs = vec![("eId", eid.as_str()), ("by", by.as_str())];
                    if speaker.is_some_and(|s| s.role.is_some()) {
                        speech_attrs.push(("as", role.as_str()));
                    }
                    akn.element("speech", &speech_attrs, |akn| {
                        if !from.is_empty() {
                            let from_eid = akn.eids.next(&eid, "from");
                            akn.inline("from", &[("eId", &from_eid)], escape(&from.join(" ")))?;
                        }
                        let mut blocks = 0;
                        for passage in speech.salutation.iter() {
                            akn.paragraph(passage, Some("salutation"), &eid)?;
                            blocks += 1;
                        }
                        for passage in &speech.preamble {
                            akn.paragraph(passage, None, &eid)?;
                            blocks += 1;
                        }
                        for section in &speech.sections {
                            akn.section(section, &eid)?;
                            blocks += 1;
                        }
                        for passage in &speech.closing {
                            akn.paragraph(passage, Some("closing"), &eid)?;
                            blocks += 1;
                        }
                        // A speech holds at least one block.
                        if blocks == 0 {
                            akn.empty_paragraph(&eid)?;
                        }
                        Ok(())
                    })?;
                    speech
                        .appendix
                        .iter()
                        .try_for_each(|passage| akn.paragraph(passage, Some("appendix"), &section))
                },
            )
        })
    }

    /// A section as a `tblock` of `parent`: its number and heading, then its text without them.
    fn section(&mut self, section: &Section, parent: &str) -> io::Result<()> {
        let eid = self.eids.numbered(parent, "tblock", section.ordinal);
        self.element("tblock", &[("eId", &eid)], |akn| {
            if let Some(marker) = &section.marker {
                akn.inline("num", &[], escape(marker))?;
            }
            let heading = akn.marked_up(&section.heading, section.heading_span);
            akn.inline("heading", &[], heading)?;
            let mut blocks = 0;
            for paragraph in &section.paragraphs {
                // The number and heading are said by `num` and `heading`.
                let Some(rest) = after_heading(paragraph, section) else {
                    continue;
                };
                blocks += akn.paragraph_with_directives(&rest, &section.directives, &eid)?;
            }
            for subsection in &section.subsections {
                akn.section(subsection, &eid)?;
                blocks += 1;
            }
            // A tblock holds at least one block.
            if blocks == 0 {
                akn.empty_paragraph(&eid)?;
            }
            Ok(())
        })
    }

    /// A paragraph of `parent`, with the directives that lie in it as a `blockList` in place of
    /// their text: the text before the first directive and after the last stay paragraphs.
    /// Returns the number of blocks written.
    fn paragraph_with_directives(
        &mut self,
        paragraph: &Passage,
        directives: &[Directive],
        parent: &str,
    ) -> io::Result<usize> {
        let chars: Vec<char> = paragraph.text.chars().collect();
        let inside: Vec<&Directive> = directives
            .iter()
            .filter(|d| paragraph.span.contains(&d.span) && !d.span.is_empty())
            .collect();
        let consistent = paragraph.span.len() == chars.len()
            && !inside.is_empty()
            && inside.windows(2).all(|w| w[0].span.end <= w[1].span.start)
            && inside.iter().all(|d| {
                let (from, to) = (
                    d.span.start - paragraph.span.start,
                    d.span.end - paragraph.span.start,
                );
                chars
                    .get(from..to)
                    .is_some_and(|t| t.iter().copied().eq(d.text.chars()))
            });
        if !consistent {
            self.paragraph(paragraph, None, parent)?;
            return Ok(1);
        }
        let piece = |start: usize, end: usize| slice(paragraph, &chars, start, end);
        let mut blocks = 0;
        let (first, last) = (inside[0].span.start, inside[inside.len() - 1].span.end);
        if first > paragraph.span.start {
            self.paragraph(&piece(paragraph.span.start, first), None, parent)?;
            blocks += 1;
        }
        let list = self.eids.next(parent, "blockList");
        self.element(
            "blockList",
            &[("eId", &list), ("class", "directives")],
            |akn| {
                for directive in &inside {
                    let item = akn.eids.numbered(&list, "item", directive.ordinal);
                    akn.element("item", &[("eId", &item)], |akn| {
                        // The number is the marker as written; the text after it is the item's.
                        let marker_len = if directive.text.starts_with(&directive.marker) {
                            directive.marker.chars().count()
                        } else {
                            0
                        };
                        if marker_len > 0 {
                            akn.inline("num", &[], escape(&directive.marker))?;
                        }
                        let start = directive.span.start + marker_len;
                        akn.paragraph(&piece(start, directive.span.end), None, &item)
                    })?;
                }
                Ok(())
            },
        )?;
        blocks += 1;
        if last < paragraph.span.end {
            self.paragraph(&piece(last, paragraph.span.end), None, parent)?;
            blocks += 1;
        }
        Ok(blocks)
    }
}

/// The part `[start, end)` (input offsets) of a passage whose characters are `chars`.
fn slice(passage: &Passage, chars: &[char], start: usize, end: usize) -> Passage {
    let offset = passage.span.start;
    Passage {
        text: chars[start - offset..end - offset].iter().collect(),
        span: Span::new(start, end),
    }
}

/// What a section's paragraph says after the section's number and heading, when it opens with
/// them (一、坚持党的领导。必须… → 必须…), without the punctuation that closed the heading;
/// `None` when nothing is left. Any other paragraph is kept whole.
fn after_heading(paragraph: &Passage, section: &Section) -> Option<Passage> {
    let chars: Vec<char> = paragraph.text.chars().collect();
    let heading = section.heading_span;
    let opens_with_heading = paragraph.span.len() == chars.len()
        && !heading.is_empty()
        && paragraph.span.contains(&heading)
        && chars[..heading.start - paragraph.span.start]
            .iter()
            .collect::<String>()
            .trim()
            == section.marker.as_deref().unwrap_or_default()
        && chars[heading.start - paragraph.span.start..heading.end - paragraph.span.start]
            .iter()
            .copied()
            .eq(section.heading.chars());
    if !opens_with_heading {
        // A heading line the spans do not place is still recognised by its text.
        let line = format!(
            "{}{}",
            section.marker.as_deref().unwrap_or_default(),
            section.heading
        );
        return (paragraph.text.trim() != line).then(|| paragraph.clone());
    }
    let closing = |c: &char| c.is_whitespace() || "。．.：:，,；;、！!？?".contains(*c);
    let rest = heading.end
        + chars[heading.end - paragraph.span.start..]
            .iter()
            .take_while(|c| closing(c))
            .count();
    (rest < paragraph.span.end).then(|| slice(paragraph, &chars, rest, paragraph.span.end))
}

/// A date the preface marks as `docDate`: where it is written, and its full `xs:date`.
struct DocDate {
    span: Span,
    text: String,
    date: String,
}

/// The speech's dates known to the day, delivery then publication: the front matter line that
/// writes one marks it.
fn doc_dates(speech: &Speech) -> Vec<DocDate> {
    let published = speech
        .meta
        .source
        .as_ref()
        .and_then(|s| s.published.as_ref());
    let mut dates: Vec<DocDate> = [speech.meta.date.as_ref(), published]
        .into_iter()
        .flatten()
        .filter(|d| !d.span.is_empty())
        .filter_map(|d| {
            Some(DocDate {
                span: d.span,
                text: d.text.clone(),
                date: full_date(d)?,
            })
        })
        .collect();
    dates.sort_by_key(|d| d.span.start);
    dates.dedup_by(|b, a| b.span.start < a.span.end);
    dates
}

/// The escaped text of a front matter line with the dates written in it marked as `docDate`.
fn with_doc_dates(text: &str, span: Span, dates: &[DocDate]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    if span.len() == chars.len() {
        for date in dates.iter().filter(|d| span.contains(&d.span)) {
            let (from, to) = (date.span.start - span.start, date.span.end - span.start);
            if !chars[from..to].iter().copied().eq(date.text.chars()) {
                continue;
            }
            chars[at..from]
                .iter()
                .for_each(|c| push_escaped(&mut out, *c));
            out.push_str(&format!("<docDate date=\"{}\">", date.date));
            chars[from..to]
                .iter()
                .for_each(|c| push_escaped(&mut out, *c));
            out.push_str("</docDate>");
            at = to;
        }
    }
    chars[at..].iter().for_each(|c| push_escaped(&mut out, *c));
    out
}

/// Attribute values go through quick-xml's escaping; only characters XML cannot carry at all
/// need replacing first.
fn escape_attr(text: &str) -> String {
    text.chars()
        .map(|c| if is_xml_char(c) { c } else { '\u{FFFD}' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iri_segments_are_ascii() {
        assert_eq!(
            iri_segment("两个维护"),
            "%E4%B8%A4%E4%B8%AA%E7%BB%B4%E6%8A%A4"
        );
        assert_eq!(iri_segment("a b/c"), "a%20b%2Fc");
    }

    #[test]
    fn controls_become_visible_stand_ins() {
        assert_eq!(escape("a\u{C}b\u{FFFF}<"), "a\u{240C}b\u{FFFD}&lt;");
    }

    #[test]
    fn days_of_months() {
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(2023, 4), 30);
    }
}
