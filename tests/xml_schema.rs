//! `schema/speech.xsd` describes the XML form of the model: every property, enumeration value
//! and required/optional choice of the generated JSON Schema has its counterpart in the XSD,
//! so a model change that is not carried into the XSD fails here.

use std::collections::{BTreeMap, BTreeSet};

use quick_xml::events::Event;
use quick_xml::Reader;
use serde_json::Value;

/// An element of the XSD: name, attributes, children.
#[derive(Debug, Default)]
struct Node {
    name: String,
    attrs: BTreeMap<String, String>,
    children: Vec<Node>,
}

impl Node {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }

    fn descendants(&self) -> Vec<&Node> {
        let mut all = Vec::new();
        for child in &self.children {
            all.push(child);
            all.extend(child.descendants());
        }
        all
    }
}

fn parse_xsd() -> Node {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/speech.xsd");
    let text = std::fs::read_to_string(path).expect("schema/speech.xsd is readable");
    let mut reader = Reader::from_str(&text);
    let mut stack = vec![Node::default()];
    loop {
        match reader.read_event().expect("the XSD is well-formed") {
            Event::Start(e) => stack.push(node(&e)),
            Event::Empty(e) => {
                let node = node(&e);
                stack.last_mut().expect("open").children.push(node);
            }
            Event::End(_) => {
                let done = stack.pop().expect("open");
                stack.last_mut().expect("parent").children.push(done);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    stack
        .pop()
        .expect("document")
        .children
        .pop()
        .expect("xs:schema")
}

fn node(start: &quick_xml::events::BytesStart<'_>) -> Node {
    Node {
        name: start.local_name().as_ref().to_owned(),
        attrs: start
            .attributes()
            .map(|a| {
                let a = a.expect("attribute");
                (a.key.as_ref().to_owned(), a.value.into_owned())
            })
            .collect(),
        children: Vec::new(),
    }
}

fn top_level<'a>(xsd: &'a Node, kind: &str, name: &str) -> &'a Node {
    xsd.children
        .iter()
        .find(|n| n.name == kind && n.attr("name") == Some(name))
        .unwrap_or_else(|| panic!("schema/speech.xsd has no {kind} `{name}`"))
}

fn json_schema() -> Value {
    jianghua::schema::json_schema()
}

/// The object definitions of the JSON Schema (the root as `Speech`).
fn json_objects(schema: &Value) -> Vec<(String, &Value)> {
    let mut objects = vec![("Speech".to_owned(), schema)];
    if let Some(Value::Object(defs)) = schema.get("$defs") {
        for (name, def) in defs {
            if def.get("properties").is_some() && name != "Span" {
                objects.push((name.clone(), def));
            }
        }
    }
    objects
}

/// How a property of the JSON Schema appears in the XML form.
enum XmlForm {
    /// The text content of the object's element (`text`).
    Content,
    /// `start` and `end` attributes of the named element (the object's own when `None`).
    Span(Option<&'static str>),
    /// An element or attribute of another name.
    Renamed(&'static str),
    /// An element or attribute of the same name.
    Same,
    /// Not in the XML form: `$schema` names a JSON document's schema, as the namespace does an
    /// XML document's.
    JsonOnly,
}

fn xml_form(object: &str, property: &str) -> XmlForm {
    match (object, property) {
        (_, "text") if object != "Directive" => XmlForm::Content,
        (_, "span") => XmlForm::Span(None),
        ("Section", "heading_span") => XmlForm::Span(Some("heading")),
        ("ThemeScore", "theme") => XmlForm::Renamed("id"),
        ("Speech", "$schema") => XmlForm::JsonOnly,
        _ => XmlForm::Same,
    }
}

/// The attributes and child elements a complex type declares, through its base and groups,
/// with whether each is required.
fn declared(xsd: &Node, type_name: &str) -> BTreeMap<String, (bool, &'static str)> {
    let mut out = BTreeMap::new();
    let ty = top_level(xsd, "complexType", type_name);
    collect(xsd, ty, &mut out);
    out
}

fn collect(xsd: &Node, ty: &Node, out: &mut BTreeMap<String, (bool, &'static str)>) {
    for child in &ty.children {
        match child.name.as_str() {
            "sequence" | "complexContent" | "extension" => collect(xsd, child, out),
            "element" => {
                let name = child.attr("name").expect("named element").to_owned();
                out.insert(name, (child.attr("minOccurs") != Some("0"), "element"));
            }
            "attribute" => {
                let name = child.attr("name").expect("named attribute").to_owned();
                out.insert(name, (child.attr("use") == Some("required"), "attribute"));
            }
            "attributeGroup" => {
                let group = child
                    .attr("ref")
                    .expect("group ref")
                    .trim_start_matches("j:");
                collect(xsd, top_level(xsd, "attributeGroup", group), out);
            }
            _ => {}
        }
        if child.name == "extension" {
            if let Some(base) = child.attr("base") {
                collect(
                    xsd,
                    top_level(xsd, "complexType", base.trim_start_matches("j:")),
                    out,
                );
            }
        }
    }
}

fn is_mixed(xsd: &Node, type_name: &str) -> bool {
    top_level(xsd, "complexType", type_name).attr("mixed") == Some("true")
}

/// The type of a local element of a complex type.
fn element_type<'a>(xsd: &'a Node, type_name: &str, element: &str) -> &'a str {
    top_level(xsd, "complexType", type_name)
        .descendants()
        .into_iter()
        .find(|n| n.name == "element" && n.attr("name") == Some(element))
        .and_then(|n| n.attr("type"))
        .map(|t| t.trim_start_matches("j:"))
        .unwrap_or_else(|| panic!("<{element}> of {type_name} has no named type"))
}

#[test]
fn every_property_of_the_model_is_declared_with_its_cardinality() {
    let schema = json_schema();
    let xsd = parse_xsd();
    let mut problems = Vec::new();
    for (object, def) in json_objects(&schema) {
        let declared = declared(&xsd, &object);
        let required: BTreeSet<&str> = def["required"]
            .as_array()
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let properties = def["properties"].as_object().expect("properties");
        for property in properties.keys() {
            let is_required = required.contains(property.as_str());
            let mut expect = |name: &str, required: bool| match declared.get(name) {
                None => problems.push(format!("{object}.{property}: no `{name}` in the XSD")),
                Some((r, kind)) if *r != required => problems.push(format!(
                    "{object}.{property}: {kind} `{name}` is {} in the XSD",
                    if *r { "required" } else { "optional" }
                )),
                Some(_) => {}
            };
            match xml_form(&object, property) {
                XmlForm::Content => {
                    if !is_mixed(&xsd, &object) {
                        problems.push(format!("{object}.text: {object} is not mixed content"));
                    }
                }
                XmlForm::Span(None) => {
                    expect("start", is_required);
                    expect("end", is_required);
                }
                XmlForm::Span(Some(element)) => {
                    expect(element, true);
                    let ty = element_type(&xsd, &object, element);
                    let inner = self::declared(&xsd, ty);
                    for bound in ["start", "end"] {
                        if inner.get(bound) != Some(&(true, "attribute")) {
                            problems
                                .push(format!("{object}.{property}: <{element}> lacks `{bound}`"));
                        }
                    }
                }
                XmlForm::Renamed(name) => expect(name, is_required),
                XmlForm::Same => expect(property, is_required),
                XmlForm::JsonOnly => {}
            }
        }
        // And nothing in the XSD that the model does not have.
        for name in declared.keys() {
            let known = properties.keys().any(|p| match xml_form(&object, p) {
                XmlForm::Content | XmlForm::JsonOnly => false,
                XmlForm::Span(None) => name == "start" || name == "end",
                XmlForm::Span(Some(element)) => name == element,
                XmlForm::Renamed(renamed) => name == renamed,
                XmlForm::Same => name == p,
            });
            if !known && name != "ctrl" {
                problems.push(format!(
                    "{object}: the XSD declares `{name}`, the model has no such property"
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "schema/speech.xsd is out of date:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_closed_set_is_an_enumeration_with_the_same_values() {
    let schema = json_schema();
    let xsd = parse_xsd();
    let defs = schema["$defs"].as_object().expect("$defs");
    let mut checked = 0;
    for (name, def) in defs {
        let Some(variants) = def
            .get("oneOf")
            .or(def.get("enum"))
            .and_then(Value::as_array)
        else {
            continue;
        };
        let json_values: BTreeSet<&str> = variants
            .iter()
            .filter_map(|v| v.get("const").and_then(Value::as_str).or(v.as_str()))
            .collect();
        let xsd_values: BTreeSet<&str> = top_level(&xsd, "simpleType", name)
            .descendants()
            .into_iter()
            .filter(|n| n.name == "enumeration")
            .filter_map(|n| n.attr("value"))
            .collect();
        assert_eq!(xsd_values, json_values, "enumeration {name}");
        checked += 1;
    }
    assert!(
        checked >= 9,
        "only {checked} enumerations found in the JSON Schema"
    );
}

#[test]
fn the_ranges_of_the_json_schema_are_in_the_xsd() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schema/speech.xsd"))
        .expect("readable");
    let schema = json_schema();
    let date = &schema["$defs"]["PartialDate"]["properties"];
    assert_eq!(date["month"]["maximum"], 12);
    assert_eq!(date["day"]["maximum"], 31);
    for bound in [
        "<xs:maxInclusive value=\"12\"/>",
        "<xs:maxInclusive value=\"31\"/>",
    ] {
        assert!(text.contains(bound), "missing {bound}");
    }
    assert_eq!(
        schema["$defs"]["ThemeScore"]["properties"]["weight"]["maximum"],
        1.0
    );
    assert!(text.contains("<xs:restriction base=\"xs:double\">"));
}
