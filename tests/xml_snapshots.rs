//! Snapshots of the XML form: every seed as parsed now, and the fully filled-in fixture.

mod xml_common;

use jianghua::xml::{from_xml, to_xml};

fn snapshot(name: &str, xml: &str) {
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(name, xml);
    });
}

#[test]
fn xml_of_every_seed() {
    for path in xml_common::seeds() {
        let xml = to_xml(&xml_common::parse_file(&path));
        snapshot(&format!("xml__{}", xml_common::stem(&path)), &xml);
    }
}

#[test]
fn xml_of_a_document_with_every_part() {
    let speech = xml_common::rich();
    let xml = to_xml(&speech);
    snapshot("xml__rich", &xml);
    assert_eq!(from_xml(&xml).expect("readable"), speech);
}

#[test]
fn the_fixture_is_true_to_its_text() {
    // Every text with a span is exactly that span of the input, as the contract demands.
    let chars: Vec<char> = xml_common::RICH_TEXT.chars().collect();
    let value = serde_json::to_value(xml_common::rich()).expect("serializable");
    let mut checked = 0;
    let mut stack = vec![&value];
    while let Some(value) = stack.pop() {
        match value {
            serde_json::Value::Object(map) => {
                if let (Some(text), Some(span)) = (map.get("text"), map.get("span")) {
                    let (start, end) = (
                        span["start"].as_u64().unwrap_or(0),
                        span["end"].as_u64().unwrap_or(0),
                    );
                    let slice: String = chars[start as usize..end as usize].iter().collect();
                    assert_eq!(text.as_str(), Some(slice.as_str()));
                    checked += 1;
                }
                stack.extend(map.values());
            }
            serde_json::Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    assert!(checked > 20, "{checked}");
}
