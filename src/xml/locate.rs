//! Where the values of a document are written in its XML: JSON Pointers (the names validation
//! reports problems by) mapped to line:column, recorded while the document is read.
//!
//! The XML form names things as the JSON contract does (see the form in [`super`]), so the
//! pointer of an element follows from its place:
//!
//! * the root element is the document (`""`);
//! * an item of a container (`<section>` in `<sections>`, `<p>` in `<preamble>`) is its index
//!   among the items: `/sections/0`;
//! * any other element is the key it is named after: `/meta`, `/meta/title`;
//! * an attribute is the key it is named after (`/sections/0/ordinal`), except `start` and
//!   `end`, which are the element's `span` (`/sections/0/span/start`), or `heading_span` of the
//!   section for its `<heading>`, and `id`, which is the `theme` of a theme score;
//! * the text of an element that has a span is its `text` (`/preamble/0/text`).

use std::collections::HashMap;

use crate::validate::{LineIndex, Locate, Position};

/// The element names of container items: their pointer token is their index.
const ITEMS: [&str; 10] = [
    "block",
    "p",
    "section",
    "directive",
    "doctrine",
    "theme",
    "diagnostic",
    "alias",
    "mention",
    "redaction",
];

/// The element a character XML 1.0 cannot carry is written as: part of a text, not a value.
const TEXT_PART: &str = super::CTRL;

/// The JSON Pointers of a document's values and where each is written in its XML.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct XmlLocator {
    positions: HashMap<String, Position>,
}

impl XmlLocator {
    /// The position of the value at exactly `pointer`, if the document has it.
    pub fn get(&self, pointer: &str) -> Option<Position> {
        self.positions.get(pointer).copied()
    }
}

impl Locate for XmlLocator {
    /// The value at `pointer`; for a value the document lacks (a required key left out), the
    /// nearest enclosing value that it has, where the missing one belongs.
    fn locate(&self, pointer: &str) -> Option<Position> {
        let mut pointer = pointer;
        loop {
            if let Some(position) = self.get(pointer) {
                return Some(position);
            }
            pointer = &pointer[..pointer.rfind('/')?];
        }
    }
}

/// An element being read, as the pointers of what it holds need it.
#[derive(Debug)]
struct Open {
    /// `None` for an element that is no value of its own (`<ctrl>` in a text).
    pointer: Option<String>,
    /// Items met so far, which is the index of the next one.
    items: usize,
}

/// An attribute of a start tag: its name and the byte offset of its name.
pub(super) struct Attribute<'a> {
    pub name: &'a str,
    pub at: usize,
}

/// Records pointers and byte offsets as the reader meets elements, and turns them into
/// positions at the end.
#[derive(Debug, Default)]
pub(super) struct Tracker {
    open: Vec<Open>,
    offsets: Vec<(String, usize)>,
}

impl Tracker {
    /// A start tag at byte `at`, its content starting at byte `content`.
    pub fn open(
        &mut self,
        name: &str,
        at: usize,
        content: usize,
        attributes: &[Attribute<'_>],
        empty: bool,
    ) {
        let (pointer, parent) = match self.open.last_mut() {
            None => (Some(String::new()), None),
            Some(Open { pointer: None, .. }) => (None, None),
            Some(_) if name == TEXT_PART => (None, None),
            Some(parent) => {
                let parent_pointer = parent.pointer.clone().unwrap_or_default();
                let token = if ITEMS.contains(&name) {
                    parent.items += 1;
                    (parent.items - 1).to_string()
                } else {
                    name.to_owned()
                };
                (
                    Some(format!("{parent_pointer}/{token}")),
                    Some(parent_pointer),
                )
            }
        };
        if let Some(pointer) = &pointer {
            self.record(pointer.clone(), at);
            let span = match parent {
                Some(parent) if name == "heading" => format!("{parent}/heading_span"),
                _ => format!("{pointer}/span"),
            };
            let mut has_span = false;
            for attribute in attributes {
                match attribute.name {
                    "start" | "end" => {
                        has_span = true;
                        self.record(span.clone(), attribute.at);
                        self.record(format!("{span}/{}", attribute.name), attribute.at);
                    }
                    "id" => self.record(format!("{pointer}/theme"), attribute.at),
                    other => self.record(format!("{pointer}/{other}"), attribute.at),
                }
            }
            if has_span && name != "heading" {
                self.record(format!("{pointer}/text"), if empty { at } else { content });
            }
        }
        if !empty {
            self.open.push(Open { pointer, items: 0 });
        }
    }

    /// The end tag of the innermost open element.
    pub fn close(&mut self) {
        self.open.pop();
    }

    /// The pointer of the element whose start tag is at byte `at`.
    pub fn pointer_at(&self, at: usize) -> Option<&str> {
        self.offsets
            .iter()
            .find(|(_, offset)| *offset == at)
            .map(|(pointer, _)| pointer.as_str())
    }

    fn record(&mut self, pointer: String, at: usize) {
        self.offsets.push((pointer, at));
    }

    /// The locator, with the byte offsets of `text` turned into positions.
    pub fn finish(self, text: &str) -> XmlLocator {
        let lines = LineIndex::new(text);
        let mut positions = HashMap::with_capacity(self.offsets.len());
        for (pointer, at) in self.offsets {
            positions
                .entry(pointer)
                .or_insert_with(|| lines.position(at));
        }
        XmlLocator { positions }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attributes<'a>(names: &[&'a str], at: usize) -> Vec<Attribute<'a>> {
        names
            .iter()
            .enumerate()
            .map(|(i, &name)| Attribute { name, at: at + i })
            .collect()
    }

    #[test]
    fn items_are_indexes_and_other_elements_keys() {
        let mut tracker = Tracker::default();
        tracker.open("speech", 0, 1, &attributes(&["schema_version"], 100), false);
        tracker.open("sections", 2, 3, &[], false);
        for i in 0..2 {
            tracker.open(
                "section",
                10 + i,
                11,
                &attributes(&["ordinal", "start", "end"], 20),
                false,
            );
            tracker.open(
                "heading",
                30 + i,
                31,
                &attributes(&["start", "end"], 40),
                false,
            );
            tracker.close();
            tracker.close();
        }
        tracker.close();
        tracker.open("meta", 50, 51, &[], false);
        tracker.open("title", 52, 53, &[], false);
        tracker.open("ctrl", 54, 55, &attributes(&["code"], 56), true);
        tracker.close();
        tracker.close();
        let text = "x".repeat(200);
        let locator = tracker.finish(&text);
        let column = |pointer: &str| locator.get(pointer).map(|p| p.column - 1);
        assert_eq!(column(""), Some(0));
        assert_eq!(column("/schema_version"), Some(100));
        assert_eq!(column("/sections/0"), Some(10));
        assert_eq!(column("/sections/1"), Some(11));
        assert_eq!(column("/sections/1/ordinal"), Some(20));
        assert_eq!(column("/sections/1/span"), Some(21));
        assert_eq!(column("/sections/1/span/end"), Some(22));
        assert_eq!(column("/sections/1/heading"), Some(31));
        assert_eq!(column("/sections/1/heading_span/start"), Some(40));
        assert_eq!(column("/meta/title"), Some(52));
        assert_eq!(column("/meta/title/code"), None);
        assert_eq!(column("/sections/2"), None);
        // What the document lacks is placed at the value it belongs to.
        assert_eq!(
            locator.locate("/sections/1/marker").map(|p| p.column - 1),
            Some(11)
        );
    }
}

#[cfg(test)]
mod reading {
    use serde_json::Value;

    use crate::validate::test_support::sample_speech;
    use crate::validate::Position;

    /// Every JSON Pointer of `value` that holds something (not null).
    fn pointers(value: &Value, pointer: String, all: &mut Vec<String>) {
        match value {
            Value::Null => return,
            Value::Object(object) => {
                for (key, value) in object {
                    pointers(value, format!("{pointer}/{key}"), all);
                }
            }
            Value::Array(items) => {
                for (i, value) in items.iter().enumerate() {
                    pointers(value, format!("{pointer}/{i}"), all);
                }
            }
            _ => {}
        }
        all.push(pointer);
    }

    #[test]
    fn every_value_of_a_document_is_found_in_its_xml() {
        let speech = sample_speech();
        let xml = crate::xml::to_xml(&speech);
        let located = crate::xml::from_xml_bytes_located(xml.as_bytes());
        let Ok((read, locator)) = located else {
            panic!("{located:?}")
        };
        assert_eq!(read, speech);
        let mut all = Vec::new();
        pointers(
            &serde_json::to_value(&speech).unwrap_or_default(),
            String::new(),
            &mut all,
        );
        let missing: Vec<&String> = all.iter().filter(|p| locator.get(p).is_none()).collect();
        assert!(missing.is_empty(), "{missing:?}");
    }

    #[test]
    fn values_are_found_where_they_are_written() {
        let xml = crate::xml::to_xml(&sample_speech());
        let Ok((_, locator)) = crate::xml::from_xml_bytes_located(xml.as_bytes()) else {
            panic!("the sample reads back")
        };
        // The line and column of the first `needle` after the first `after`.
        let find = |after: &str, needle: &str| {
            let from = xml.find(after).unwrap_or_default();
            let at = from + xml[from..].find(needle).unwrap_or_default();
            let line_start = xml[..at].rfind('\n').map_or(0, |i| i + 1);
            Position::new(
                xml[..at].matches('\n').count() + 1,
                xml[line_start..at].chars().count() + 1,
            )
        };
        let second_section = xml.match_indices("<section ").nth(1).map(|(i, _)| i);
        let second_section = &xml[second_section.unwrap_or_default()..];
        assert_eq!(
            locator.get("/sections/1"),
            Some(find(second_section, "<section"))
        );
        assert_eq!(
            locator.get("/sections/1/ordinal"),
            Some(find(second_section, "ordinal="))
        );
        assert_eq!(
            locator.get("/sections/1/span/end"),
            Some(find(second_section, "end="))
        );
        assert_eq!(
            locator.get("/sections/1/heading"),
            Some(find(second_section, "<heading"))
        );
        assert_eq!(
            locator.get("/sections/1/heading_span/start"),
            Some(find(
                &second_section[second_section.find("<heading").unwrap_or_default()..],
                "start="
            ))
        );
        assert_eq!(
            locator.get("/doctrines/0/count"),
            Some(find("<doctrine ", "count="))
        );
        assert_eq!(
            locator.get("/themes/1/weight"),
            Some(find("<themes>", "weight=\"0.4"))
        );
        assert_eq!(
            locator.get("/preamble/1/text"),
            Some(find("今天召开会议", "今天"))
        );
        assert_eq!(
            locator.get("/schema_version"),
            Some(find("<speech", "schema_version="))
        );
    }
}
