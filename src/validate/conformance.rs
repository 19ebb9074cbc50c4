//! The short way to the schema's verdict on a document that conforms.
//!
//! The schema is generated from the model's types, so a document that reads strictly as a
//! [`Speech`] (see [`super::strict`]: objects as objects, enumerations as strings, no unknown
//! key, every required key, every value of its type) has the schema's shape. What the types do
//! not carry are the value constraints the model adds for the schema (`#[schemars(range…)]`,
//! `#[schemars(pattern…)]`); [`meets_value_constraints`] checks those. A document that passes
//! both conforms to the schema, so the validator skips the `serde_json::Value` and the schema's
//! keywords for it. Any other document goes the whole way, where the schema says what is wrong.
//!
//! The tests below hold the two ways to the same verdict: of all the documents one change away
//! from a document with every optional part (each value replaced by values of every type and
//! boundary, each key deleted, a key added to each object, each object written as an array,
//! each string as a one-key object), every one the short way accepts, the schema accepts too.

use std::sync::LazyLock;

use regex_automata::meta::Regex;
use serde::Deserialize;

use super::strict::Strict;
use crate::model::{PartialDate, Section, Speech, SCHEMA_VERSION_PATTERN, SHA256_PATTERN};

/// The model's patterns, compiled once (they are constants, a test compiles them).
static PATTERNS: LazyLock<Option<(Regex, Regex)>> = LazyLock::new(|| {
    Some((
        Regex::new(SCHEMA_VERSION_PATTERN).ok()?,
        Regex::new(SHA256_PATTERN).ok()?,
    ))
});

/// The document as a [`Speech`] when it conforms to the schema; `None` when it may not (it is
/// not JSON, does not read strictly, or breaks a value constraint), to be settled by the schema.
pub fn read_conforming(text: &str) -> Option<Speech> {
    let mut reader = serde_json::Deserializer::from_str(text);
    let speech = Speech::deserialize(Strict(&mut reader)).ok()?;
    reader.end().ok()?;
    meets_value_constraints(&speech).then_some(speech)
}

/// Whether a speech meets the schema's constraints that its types do not carry: the patterns
/// of `schema_version` and of `sha256`, the ranges of months and days, ordinals from 1, theme
/// weights between 0 and 1.
pub fn meets_value_constraints(speech: &Speech) -> bool {
    let Some((version, sha256)) = &*PATTERNS else {
        return false;
    };
    let meta = &speech.meta;
    version.is_match(&speech.schema_version)
        && meta
            .input_digest
            .as_ref()
            .is_none_or(|digest| sha256.is_match(&digest.sha256))
        && [
            meta.date.as_ref(),
            meta.source.as_ref().and_then(|s| s.published.as_ref()),
        ]
        .into_iter()
        .flatten()
        .all(date_in_range)
        && sections_numbered_from_one(&speech.sections)
        && speech
            .themes
            .iter()
            .all(|theme| (0.0..=1.0).contains(&theme.weight))
}

fn date_in_range(date: &PartialDate) -> bool {
    date.month.is_none_or(|month| (1..=12).contains(&month))
        && date.day.is_none_or(|day| (1..=31).contains(&day))
}

fn sections_numbered_from_one(sections: &[Section]) -> bool {
    sections.iter().all(|section| {
        section.ordinal >= 1
            && section.directives.iter().all(|d| d.ordinal >= 1)
            && sections_numbered_from_one(&section.subsections)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::InputDigest;
    use crate::validate::json_schema;
    use crate::validate::test_support::sample_speech;
    use serde_json::Value;

    fn json(speech: &Speech) -> String {
        serde_json::to_string_pretty(speech).unwrap_or_default()
    }

    #[test]
    fn the_patterns_compile() {
        assert!(PATTERNS.is_some());
    }

    #[test]
    fn a_document_of_the_model_conforms() {
        let mut speech = sample_speech();
        speech.meta.input_digest = Some(InputDigest::of(b"text"));
        assert_eq!(read_conforming(&json(&speech)), Some(speech));
    }

    #[test]
    fn each_value_constraint_is_checked() {
        let breaks: [fn(&mut Speech); 6] = [
            |s| s.schema_version = "01.0".to_owned(),
            |s| {
                s.meta.input_digest = Some(InputDigest {
                    size: 1,
                    sha256: "ABC".to_owned(),
                })
            },
            |s| {
                s.meta.date = Some(PartialDate {
                    year: None,
                    month: Some(13),
                    day: None,
                    text: String::new(),
                    span: crate::model::Span { start: 0, end: 0 },
                })
            },
            |s| s.sections[0].ordinal = 0,
            |s| s.sections[0].directives[1].ordinal = 0,
            |s| s.themes[0].weight = 1.5,
        ];
        for (i, breaking) in breaks.into_iter().enumerate() {
            let mut speech = sample_speech();
            breaking(&mut speech);
            assert!(!meets_value_constraints(&speech), "change {i}");
            assert_eq!(read_conforming(&json(&speech)), None, "change {i}");
        }
    }

    #[test]
    fn trailing_text_and_lenient_shapes_do_not_conform() {
        let text = json(&sample_speech());
        assert_eq!(read_conforming(&format!("{text} x")), None);
        let as_array = text.replacen("\"meta\": {", "\"meta\": {\"date\": [1, 2],", 1);
        assert_eq!(read_conforming(&as_array), None);
        let null_schema = text.replacen('{', "{\"$schema\": null,", 1);
        assert_eq!(read_conforming(&null_schema), None);
    }

    /// A document with every optional part present, so that every part of the schema is met.
    fn rich_document() -> serde_json::Value {
        use crate::model::*;
        let mut speech = sample_speech();
        let passage = |text: &str, start| Passage {
            text: text.to_owned(),
            span: Span::new(start, start + text.chars().count()),
        };
        let date = PartialDate {
            year: Some(2020),
            month: Some(3),
            day: Some(5),
            text: "2020年3月5日".to_owned(),
            span: Span::new(0, 9),
        };
        speech.schema = Some("https://example.org/schema.json".to_owned());
        let meta = &mut speech.meta;
        meta.speaker = Some(Speaker {
            name: Some("张三".to_owned()),
            role: Some("市委书记".to_owned()),
        });
        meta.date = Some(date.clone());
        meta.occasion = Some("市委人大工作会议".to_owned());
        meta.place = Some("平顶山".to_owned());
        meta.source = Some(Source {
            site: Some("网".to_owned()),
            url: Some("https://example.org/".to_owned()),
            published: Some(date),
            origin: Some("来源".to_owned()),
            author: Some("作者".to_owned()),
        });
        meta.encoding = Some(Encoding::Utf8Bom);
        meta.input = Some(InputFormat::Html);
        meta.input_digest = Some(InputDigest::of(b"text"));
        meta.redactions = vec![passage("某某", 3)];
        let mut nested = speech.sections[1].clone();
        nested.marker = None;
        speech.sections[1].subsections = vec![nested];
        speech.doctrines[0].attribution = Some("习近平总书记".to_owned());
        speech.doctrines[0].aliases = vec!["法治思想".to_owned()];
        speech.diagnostics = vec![Diagnostic {
            code: DiagnosticCode::OrdinalGap,
            severity: Severity::Warning,
            message: "一、 then 三、".to_owned(),
            span: Some(Span::new(1, 2)),
        }];
        serde_json::to_value(&speech).unwrap_or_default()
    }

    /// Values of every JSON type, at the boundaries of the schema's ranges and patterns.
    fn replacements() -> Vec<Value> {
        let hex = "0123456789abcdef".repeat(4);
        [
            "null",
            "true",
            "0",
            "-1",
            "1",
            "2",
            "12",
            "13",
            "31",
            "32",
            "0.5",
            "1.0",
            "1.5",
            "-0.5",
            "4294967296",
            "18446744073709551616",
            "\"\"",
            "\"x\"",
            "\"1.0\"",
            "\"01.0\"",
            "\"1.0.0\"",
            "\"speech\"",
            "\"utf8-bom\"",
            "\"navigation\"",
            "[]",
            "[0, 5]",
            "{}",
            r#"{"start": 0, "end": 5}"#,
            r#"{"text": "x", "span": {"start": 0, "end": 1}}"#,
        ]
        .into_iter()
        .filter_map(|json| serde_json::from_str(json).ok())
        .chain([Value::from(hex.clone()), Value::from(hex.to_uppercase())])
        .collect()
    }

    /// Every value in `value` with its JSON Pointer, the root first.
    fn nodes(value: &Value) -> Vec<(String, &Value)> {
        let mut out = vec![(String::new(), value)];
        let mut next = 0;
        while let Some((at, node)) = out.get(next).cloned() {
            match node {
                Value::Object(map) => out.extend(map.iter().map(|(key, child)| {
                    let escaped = key.replace('~', "~0").replace('/', "~1");
                    (format!("{at}/{escaped}"), child)
                })),
                Value::Array(items) => out.extend(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, child)| (format!("{at}/{i}"), child)),
                ),
                _ => {}
            }
            next += 1;
        }
        out
    }

    /// The documents one change away from `document`.
    fn neighbours(document: &Value) -> Vec<Value> {
        let mut out = Vec::new();
        for (pointer, node) in nodes(document) {
            let mut changed = |change: &dyn Fn(&mut Value)| {
                let mut copy = document.clone();
                if let Some(target) = copy.pointer_mut(&pointer) {
                    change(target);
                    out.push(copy);
                }
            };
            for value in replacements() {
                changed(&|target| *target = value.clone());
            }
            changed(&|target| match target {
                Value::Object(map) => {
                    map.insert("unknown".to_owned(), Value::Null);
                }
                Value::Array(items) => items.push(Value::Null),
                Value::String(s) => *target = serde_json::json!({ s.clone(): null }),
                _ => {}
            });
            changed(&|target| {
                if let Value::Object(map) = target {
                    map.insert("$schema".to_owned(), Value::from("x"));
                }
            });
            changed(&|target| {
                if let Value::Object(map) = target {
                    *target = Value::Array(map.values().cloned().collect());
                }
            });
            if let Value::Object(map) = node {
                for key in map.keys() {
                    changed(&|target| {
                        if let Value::Object(map) = target {
                            map.remove(key);
                        }
                    });
                }
            }
        }
        out
    }

    #[test]
    fn what_the_short_way_accepts_the_schema_accepts() {
        let document = rich_document();
        let text = document.to_string();
        assert!(
            read_conforming(&text).is_some(),
            "the rich document conforms"
        );
        assert!(json_schema::check(&document).is_empty());
        let (mut accepted, mut refused) = (0, 0);
        for neighbour in neighbours(&document) {
            if read_conforming(&neighbour.to_string()).is_some() {
                accepted += 1;
                let problems = json_schema::check(&neighbour);
                assert!(problems.is_empty(), "{neighbour}\n{problems:?}");
            } else {
                refused += 1;
            }
        }
        // Both verdicts are exercised: many changes keep the shape, most break it.
        assert!(accepted > 100 && refused > 1000, "{accepted} / {refused}");
    }

    /// Where the schema constrains a value beyond what its type allows, as `place keyword value`,
    /// and where each constrained definition is used: what [`meets_value_constraints`] must
    /// check. A constraint or a use added to the model changes this list, and the check with it.
    fn value_constraints(schema: &Value) -> Vec<String> {
        // The bounds the Rust integer types give, which the typed read enforces on integers.
        const TYPE_BOUNDS: [f64; 5] = [
            0.0,
            2_147_483_647.0,
            -2_147_483_648.0,
            4_294_967_295.0,
            18_446_744_073_709_551_615.0,
        ];
        const KEYWORDS: [&str; 14] = [
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "multipleOf",
            "pattern",
            "minLength",
            "maxLength",
            "minItems",
            "maxItems",
            "uniqueItems",
            "minProperties",
            "maxProperties",
            "format",
        ];
        let nodes = nodes(schema);
        let mut out = Vec::new();
        for (at, node) in &nodes {
            let Value::Object(map) = node else { continue };
            let integer = match map.get("type") {
                Some(Value::String(t)) => t == "integer",
                Some(Value::Array(types)) => types.iter().any(|t| t == "integer"),
                _ => false,
            };
            for (key, child) in map {
                let implied = integer
                    && (key == "minimum" || key == "maximum")
                    && child.as_f64().is_some_and(|n| TYPE_BOUNDS.contains(&n));
                if KEYWORDS.contains(&key.as_str()) && !implied {
                    out.push(format!("{at} {key} {child}"));
                }
            }
        }
        let constrained: Vec<String> = out
            .iter()
            .filter_map(|line| line.strip_prefix("/$defs/")?.split('/').next())
            .map(|name| format!("#/$defs/{name}"))
            .collect();
        let uses = nodes.iter().filter_map(|(at, node)| {
            let target = node.get("$ref")?.as_str()?;
            constrained
                .iter()
                .any(|c| c == target)
                .then(|| format!("{at} uses {target}"))
        });
        out.extend(uses);
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn the_value_constraints_checked_are_the_schemas() {
        let constraints = value_constraints(&crate::schema::json_schema());
        let expected = [
            "/$defs/Directive/properties/ordinal minimum 1",
            "/$defs/InputDigest/properties/sha256 pattern \"^[0-9a-f]{64}$\"",
            "/$defs/PartialDate/properties/day maximum 31",
            "/$defs/PartialDate/properties/day minimum 1",
            "/$defs/PartialDate/properties/month maximum 12",
            "/$defs/PartialDate/properties/month minimum 1",
            "/$defs/Section/properties/directives/items uses #/$defs/Directive",
            "/$defs/Section/properties/ordinal minimum 1",
            "/$defs/Section/properties/subsections/items uses #/$defs/Section",
            "/$defs/Source/properties/published/anyOf/0 uses #/$defs/PartialDate",
            "/$defs/ThemeScore/properties/weight maximum 1.0",
            "/$defs/ThemeScore/properties/weight minimum 0.0",
            "/$defs/Meta/properties/date/anyOf/0 uses #/$defs/PartialDate",
            "/$defs/Meta/properties/input_digest/anyOf/0 uses #/$defs/InputDigest",
            "/properties/schema_version pattern \"^(0|[1-9][0-9]*)\\\\.(0|[1-9][0-9]*)$\"",
            "/properties/sections/items uses #/$defs/Section",
            "/properties/themes/items uses #/$defs/ThemeScore",
        ];
        let mut expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        expected.sort();
        assert_eq!(constraints, expected);
    }
}
