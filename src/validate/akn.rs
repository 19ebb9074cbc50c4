//! Akoma Ntoso documents (`convert --format akn`, or anyone's): the rules of the OASIS schema and
//! of the naming convention that this validator knows. The complete schema is not checked here:
//! every report says so, with the `xmllint` command that checks it.
//!
//! Known rules: the root is `akomaNtoso` in the Akoma Ntoso 3.0 namespace and holds one
//! document; `meta/identification` has the FRBR work, expression and manifestation with what
//! the schema requires of each; every `date` attribute is an `xs:date` or `xs:dateTime`; `eId`s
//! are unique and, outside `meta`, built as the naming convention builds them; every local
//! reference (`#…` in `href`, `by`, `as`, `refersTo`, `source`) names an `eId`.

use std::collections::{HashMap, HashSet};

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::reader::NsReader;
use quick_xml::XmlVersion;

use super::problem::{AknRule, Checks, Position, Problem, Report};
use crate::xml::read::{line_column, xml_text, MAX_DEPTH};
use crate::xml::{ReadError, ReadErrorKind, AKN_NAMESPACE, AKN_XSD_PATH};

/// Whether a document is Akoma Ntoso: its first element is `akomaNtoso` or in the Akoma Ntoso
/// namespace. Reads no further than that element's start tag.
pub fn is_akn(bytes: &[u8]) -> bool {
    // Only markup can be Akoma Ntoso: a JSON document is told apart by its first byte, without
    // running the XML reader through it.
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if body.trim_ascii_start().first() != Some(&b'<') {
        return false;
    }
    let Ok(text) = xml_text(bytes) else {
        return false;
    };
    let mut reader = NsReader::from_str(text);
    loop {
        match reader.read_resolved_event() {
            Ok((namespace, Event::Start(start) | Event::Empty(start))) => {
                let in_akn =
                    matches!(namespace, ResolveResult::Bound(Namespace(ns)) if ns == AKN_NAMESPACE);
                return in_akn || start.local_name().as_ref() == "akomaNtoso";
            }
            Ok((_, Event::Eof)) | Err(_) => return false,
            Ok(_) => {}
        }
    }
}

/// What the FRBR identification must hold: each level and the elements the schema requires in it.
const IDENTIFICATION: [(&str, &[&str]); 3] = [
    (
        "FRBRWork",
        &[
            "FRBRthis",
            "FRBRuri",
            "FRBRdate",
            "FRBRauthor",
            "FRBRcountry",
        ],
    ),
    (
        "FRBRExpression",
        &[
            "FRBRthis",
            "FRBRuri",
            "FRBRdate",
            "FRBRauthor",
            "FRBRlanguage",
        ],
    ),
    (
        "FRBRManifestation",
        &["FRBRthis", "FRBRuri", "FRBRdate", "FRBRauthor"],
    ),
];

/// The attributes whose `#name` values point at an `eId`.
const REFERENCE_ATTRIBUTES: [&str; 5] = ["href", "by", "as", "refersTo", "source"];

/// An element as the checker saw it.
struct Seen {
    /// `/akomaNtoso/debate/meta/…`: the names from the root.
    path: String,
    position: Position,
}

/// Validates an Akoma Ntoso document. A document that is not well-formed XML (or has a DOCTYPE,
/// or nests too deep) fails as the project's XML form does.
pub fn validate_akn(bytes: &[u8]) -> Result<Report, ReadError> {
    let text = xml_text(bytes)?;
    let mut walk = Walk::new(text);
    walk.read()?;
    Ok(Report::new(walk.problems(), Checks::Akn))
}

#[derive(Default)]
struct Found {
    root: Option<Seen>,
    documents: Vec<Seen>,
    /// The identification element and, for each FRBR level found, its children's names.
    identification: Option<Seen>,
    levels: HashMap<String, (Seen, HashSet<String>)>,
    eids: Vec<(String, Seen, bool)>,
    references: Vec<(String, Seen)>,
    dates: Vec<(String, Seen)>,
}

struct Walk<'i> {
    reader: NsReader<&'i [u8]>,
    text: &'i str,
    stack: Vec<String>,
    found: Found,
    problems: Vec<Problem>,
}

impl<'i> Walk<'i> {
    fn new(text: &'i str) -> Self {
        let mut reader = NsReader::from_str(text);
        let config = reader.config_mut();
        config.check_end_names = true;
        config.check_comments = true;
        Self {
            reader,
            text,
            stack: Vec::new(),
            found: Found::default(),
            problems: Vec::new(),
        }
    }

    fn position(&self, at: usize) -> Position {
        let (line, column) = line_column(self.text, at);
        Position::new(line, column)
    }

    fn error(&self, at: usize, kind: ReadErrorKind) -> ReadError {
        let (line, column) = line_column(self.text, at);
        ReadError { line, column, kind }
    }

    fn read(&mut self) -> Result<(), ReadError> {
        loop {
            let at = usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX);
            let (namespace, event) = match self.reader.read_resolved_event() {
                Ok(read) => read,
                Err(e) => {
                    let at = usize::try_from(self.reader.error_position()).unwrap_or(at);
                    return Err(self.error(at, ReadErrorKind::Syntax(e.to_string())));
                }
            };
            let in_akn =
                matches!(namespace, ResolveResult::Bound(Namespace(ns)) if ns == AKN_NAMESPACE);
            match event {
                Event::DocType(_) => return Err(self.error(at, ReadErrorKind::Doctype)),
                Event::Start(start) => {
                    self.element(at, &start, in_akn)?;
                    let name = start.local_name().as_ref().to_owned();
                    self.stack.push(name);
                    if self.stack.len() > MAX_DEPTH {
                        return Err(self.error(at, ReadErrorKind::TooDeep(MAX_DEPTH)));
                    }
                }
                Event::Empty(start) => self.element(at, &start, in_akn)?,
                Event::End(_) => {
                    self.stack.pop();
                }
                Event::Eof => break,
                _ => {}
            }
        }
        if self.found.root.is_none() {
            return Err(self.error(0, ReadErrorKind::NoRoot));
        }
        Ok(())
    }

    /// Records what the rules need of one element.
    fn element(
        &mut self,
        at: usize,
        start: &BytesStart<'_>,
        in_akn: bool,
    ) -> Result<(), ReadError> {
        let name: String = start.local_name().as_ref().to_owned();
        let path = format!("{}/{name}", self.path());
        let seen = |path: String, walk: &Self| Seen {
            path,
            position: walk.position(at),
        };
        match self.stack.len() {
            0 => {
                if name != "akomaNtoso" || !in_akn {
                    self.problems.push(Problem::akn(
                        AknRule::Root,
                        &path,
                        format!("the root element is <{name}>; an Akoma Ntoso document's is <akomaNtoso> in the namespace {AKN_NAMESPACE}"),
                    ).at(self.position(at)));
                }
                self.found.root = Some(seen(path.clone(), self));
            }
            1 => self.found.documents.push(seen(path.clone(), self)),
            _ => {}
        }
        let parent = self.stack.last().map(String::as_str);
        if name == "identification" && parent == Some("meta") && self.stack.len() == 3 {
            self.found.identification = Some(seen(path.clone(), self));
        }
        if self.stack.len() == 4 && self.stack[2] == "meta" && self.stack[3] == "identification" {
            self.found
                .levels
                .insert(name.clone(), (seen(path.clone(), self), HashSet::new()));
        } else if self.stack.len() == 5 && self.stack[3] == "identification" {
            if let Some((_, children)) = self.found.levels.get_mut(&self.stack[4]) {
                children.insert(name.clone());
            }
        }
        let in_meta = self.stack.get(2).is_some_and(|n| n == "meta");
        for attr in start.attributes() {
            let attr = attr.map_err(|e| self.error(at, ReadErrorKind::Syntax(e.to_string())))?;
            let key: String = attr.key.as_ref().to_owned();
            let value = attr
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|e| self.error(at, ReadErrorKind::Syntax(e.to_string())))?
                .into_owned();
            let attr_path = format!("{path}/@{key}");
            match key.as_str() {
                "eId" => self
                    .found
                    .eids
                    .push((value, seen(attr_path, self), !in_meta)),
                "date" => self.found.dates.push((value, seen(attr_path, self))),
                key if REFERENCE_ATTRIBUTES.contains(&key) => {
                    for target in value.split_whitespace().filter_map(|v| v.strip_prefix('#')) {
                        self.found
                            .references
                            .push((target.to_owned(), seen(attr_path.clone(), self)));
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn path(&self) -> String {
        self.stack.iter().map(|n| format!("/{n}")).collect()
    }

    /// Every breach found, and the note that the complete schema was not checked.
    fn problems(self) -> Vec<Problem> {
        let Walk {
            found,
            mut problems,
            ..
        } = self;
        let root = found
            .root
            .as_ref()
            .map_or(Position::new(1, 1), |r| r.position);
        if found.documents.len() != 1 {
            problems.push(
                Problem::akn(
                    AknRule::Root,
                    "/akomaNtoso",
                    format!(
                        "<akomaNtoso> holds {} document elements; it holds exactly one (<debate>, <act>, <doc>…)",
                        found.documents.len()
                    ),
                )
                .at(root),
            );
        }
        identification(&found, &mut problems);
        for (value, seen) in &found.dates {
            if !is_xsd_date_or_date_time(value) {
                problems.push(
                    Problem::akn(
                        AknRule::Date,
                        &seen.path,
                        format!("`{value}` is not an xs:date (YYYY-MM-DD) or xs:dateTime"),
                    )
                    .at(seen.position),
                );
            }
        }
        let mut eids = HashSet::new();
        for (eid, seen, by_convention) in &found.eids {
            if !eids.insert(eid.as_str()) {
                problems.push(
                    Problem::akn(
                        AknRule::EidUnique,
                        &seen.path,
                        format!("the eId `{eid}` is used by an earlier element"),
                    )
                    .at(seen.position),
                );
            }
            if *by_convention && !is_convention_eid(eid) {
                problems.push(
                    Problem::akn(
                        AknRule::EidForm,
                        &seen.path,
                        format!("the eId `{eid}` is not built as the naming convention builds them (`dbsect_1__speech_1__p_2`: parts `name_number` joined by `__`)"),
                    )
                    .at(seen.position),
                );
            }
        }
        for (target, seen) in &found.references {
            if !eids.contains(target.as_str()) {
                problems.push(
                    Problem::akn(
                        AknRule::Reference,
                        &seen.path,
                        format!("`#{target}` names no eId of the document"),
                    )
                    .at(seen.position),
                );
            }
        }
        problems.push(
            Problem::akn(
                AknRule::SchemaUnchecked,
                "",
                format!("checked: the root, the FRBR identification, dates, eIds and local references; not checked: the complete OASIS Akoma Ntoso schema (xmllint --noout --schema {AKN_XSD_PATH} FILE checks it)"),
            )
            .at(root),
        );
        problems
    }
}

/// The FRBR identification: present, with its three levels and what each requires.
fn identification(found: &Found, out: &mut Vec<Problem>) {
    let Some(identification) = &found.identification else {
        let (path, position) = found
            .documents
            .first()
            .map_or(("/akomaNtoso".to_owned(), Position::new(1, 1)), |d| {
                (d.path.clone(), d.position)
            });
        out.push(
            Problem::akn(
                AknRule::Identification,
                &path,
                "no <meta><identification>: a document is identified by its FRBR work, expression and manifestation".to_owned(),
            )
            .at(position),
        );
        return;
    };
    for (level, required) in IDENTIFICATION {
        let Some((seen, children)) = found.levels.get(level) else {
            out.push(
                Problem::akn(
                    AknRule::Identification,
                    &identification.path,
                    format!("<identification> has no <{level}>"),
                )
                .at(identification.position),
            );
            continue;
        };
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|child| !children.contains(*child))
            .collect();
        if !missing.is_empty() {
            out.push(
                Problem::akn(
                    AknRule::Identification,
                    &seen.path,
                    format!("<{level}> lacks <{}>", missing.join(">, <")),
                )
                .at(seen.position),
            );
        }
    }
}

/// The naming convention's eId: `name_number` parts joined by `__`, the first perhaps an
/// unnumbered container of the front (`preface__p_1`).
fn is_convention_eid(eid: &str) -> bool {
    let is_name = |name: &str| {
        name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric())
    };
    let mut parts = eid.split("__").peekable();
    let mut first = true;
    while let Some(part) = parts.next() {
        let numbered = part.split_once('_').is_some_and(|(name, number)| {
            is_name(name)
                && !number.is_empty()
                && number
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        });
        let unnumbered_front = first && parts.peek().is_some() && is_name(part);
        if !numbered && !unnumbered_front {
            return false;
        }
        first = false;
    }
    true
}

/// `xs:date` (`2024-03-01`, `-0044-03-15`, with an optional time zone) or `xs:dateTime`.
fn is_xsd_date_or_date_time(value: &str) -> bool {
    let (date, time) = match value.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (value, None),
    };
    let (date, zone) = match time {
        Some(_) => (date, None),
        None => split_zone(date),
    };
    let digits = date.strip_prefix('-').unwrap_or(date);
    let mut fields = digits.split('-');
    let (Some(year), Some(month), Some(day), None) =
        (fields.next(), fields.next(), fields.next(), fields.next())
    else {
        return false;
    };
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok())?
    };
    let year_ok = year.len() >= 4 && year.bytes().all(|b| b.is_ascii_digit());
    let (Some(month), Some(day)) = (number(month, 2), number(day, 2)) else {
        return false;
    };
    let leap = year
        .parse::<u64>()
        .is_ok_and(|y| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    let date_ok = year_ok && (1..=days).contains(&day);
    let zone_ok = zone.is_none_or(is_zone);
    let time_ok = time.is_none_or(|time| {
        let (clock, zone) = split_zone(time);
        let mut parts = clock.split(':');
        let (Some(h), Some(m), Some(s), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return false;
        };
        let seconds = s.split_once('.').map_or(s, |(whole, _)| whole);
        number(h, 2).is_some_and(|h| h < 24)
            && number(m, 2).is_some_and(|m| m < 60)
            && number(seconds, 2).is_some_and(|s| s < 60)
            && zone.is_none_or(is_zone)
    });
    date_ok && zone_ok && time_ok
}

/// A value and its time zone suffix (`Z`, `+08:00`), if any.
fn split_zone(value: &str) -> (&str, Option<&str>) {
    if let Some(rest) = value.strip_suffix('Z') {
        return (rest, Some("Z"));
    }
    match value.len().checked_sub(6) {
        Some(at)
            if value.is_char_boundary(at)
                && matches!(&value[at..at + 1], "+" | "-")
                && value[at..].contains(':') =>
        {
            (&value[..at], Some(&value[at..]))
        }
        _ => (value, None),
    }
}

fn is_zone(zone: &str) -> bool {
    zone == "Z"
        || (zone.len() == 6
            && matches!(&zone[..1], "+" | "-")
            && zone[1..3].bytes().all(|b| b.is_ascii_digit())
            && &zone[3..4] == ":"
            && zone[4..].bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_the_schema_reads_them() {
        for ok in [
            "2024-03-01",
            "0001-01-01",
            "-0044-03-15",
            "2024-02-29",
            "2024-03-01Z",
            "2024-03-01+08:00",
            "2024-03-01T09:30:00",
            "2024-03-01T09:30:00.5+08:00",
        ] {
            assert!(is_xsd_date_or_date_time(ok), "{ok}");
        }
        for bad in [
            "2024",
            "2024-03",
            "2023-02-29",
            "2024-13-01",
            "2024-3-1",
            "24-03-01",
            "2024-03-01T25:00:00",
            "undated",
            "",
        ] {
            assert!(!is_xsd_date_or_date_time(bad), "{bad}");
        }
    }

    #[test]
    fn eids_as_the_naming_convention_builds_them() {
        for ok in [
            "dbsect_1",
            "dbsect_1__speech_1__p_2",
            "preface__p_1",
            "sec_1__list_1__item_a",
            "tblock_1_2",
        ] {
            assert!(is_convention_eid(ok), "{ok}");
        }
        for bad in ["speaker", "p1", "sec_1__", "_1", "sec 1", "preface"] {
            assert!(!is_convention_eid(bad), "{bad}");
        }
    }

    #[test]
    fn akn_is_told_by_its_first_element() {
        assert!(is_akn(b"<?xml version=\"1.0\"?>\n<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"/>"));
        assert!(is_akn(b"<!-- x --><akomaNtoso/>"));
        assert!(!is_akn(
            b"<speech xmlns=\"https://jianghua.dev/ns/speech/1\"/>"
        ));
        assert!(!is_akn(b"{\"schema_version\": \"1.0\"}"));
    }
}
