//! Layer 1: the document against the JSON Schema generated from the model.
//!
//! The schema's validator is built once, on first use. Its errors become [`Problem`]s named by
//! the failing keyword; errors under `anyOf`/`oneOf` are narrowed to the branch the value was
//! evidently meant to match, so that a wrong enum value or a missing field inside an optional
//! object is reported as such rather than as "not valid under any of the schemas".

use std::sync::LazyLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{ValidationError, Validator};
use serde_json::Value;

use super::problem::{escape_pointer_token, Problem};

/// The compiled schema, or why it did not compile (which a test rules out).
static VALIDATOR: LazyLock<Result<Validator, String>> = LazyLock::new(|| {
    jsonschema::draft202012::new(&crate::schema::json_schema()).map_err(|e| e.to_string())
});

/// Every schema violation of `document`.
pub fn check(document: &Value) -> Vec<Problem> {
    let validator = match &*VALIDATOR {
        Ok(validator) => validator,
        Err(reason) => {
            return vec![Problem::schema(
                "$schema",
                "",
                format!("the built-in schema does not compile: {reason}"),
            )]
        }
    };
    // Most documents are valid: asking that first skips building any error.
    if validator.is_valid(document) {
        return Vec::new();
    }
    let mut problems = Vec::new();
    for error in validator.iter_errors(document) {
        convert(&error, &mut problems);
    }
    problems
}

/// Turns one validation error into problems (several for several unknown fields).
fn convert(error: &ValidationError<'_>, out: &mut Vec<Problem>) {
    let pointer = error.instance_path().as_str();
    match error.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            for key in unexpected {
                out.push(Problem::schema(
                    "additionalProperties",
                    format!("{pointer}/{}", escape_pointer_token(key)),
                    format!(
                        "unknown field {}: the schema allows no such field here",
                        quoted(key)
                    ),
                ));
            }
        }
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
            if let [branch] = plausible_branches(context, pointer).as_slice() {
                for error in branch.iter() {
                    convert(error, out);
                }
            } else if let Some(allowed) = enumerated_constants(context, pointer) {
                out.push(Problem::schema(
                    error.kind().keyword(),
                    pointer,
                    format!(
                        "{} is not one of: {}",
                        excerpt(error.instance()),
                        allowed.join(", ")
                    ),
                ));
            } else if let Some(expected) = type_alternatives(context, pointer) {
                out.push(Problem::schema(
                    "type",
                    pointer,
                    format!("expected {expected}, found {}", type_name(error.instance())),
                ));
            } else {
                out.push(Problem::schema(
                    error.kind().keyword(),
                    pointer,
                    describe(error),
                ));
            }
        }
        _ => out.push(Problem::schema(
            error.kind().keyword(),
            pointer,
            describe(error),
        )),
    }
}

/// The branches of an `anyOf`/`oneOf` that the value could have been meant for: all but those
/// it fails only by being of another type (`null` for an optional field, a string for an object).
fn plausible_branches<'c, 'e>(
    context: &'c [Vec<ValidationError<'e>>],
    pointer: &str,
) -> Vec<&'c Vec<ValidationError<'e>>> {
    context
        .iter()
        .filter(|branch| !branch.iter().all(|e| is_type_mismatch_at(e, pointer)))
        .collect()
}

fn is_type_mismatch_at(error: &ValidationError<'_>, pointer: &str) -> bool {
    matches!(error.kind(), ValidationErrorKind::Type { .. })
        && error.instance_path().as_str() == pointer
}

/// The allowed values when every branch is a `const` (how documented enums are written).
fn enumerated_constants(
    context: &[Vec<ValidationError<'_>>],
    pointer: &str,
) -> Option<Vec<String>> {
    context
        .iter()
        .map(|branch| {
            branch.iter().find_map(|e| match e.kind() {
                ValidationErrorKind::Constant { expected_value }
                    if e.instance_path().as_str() == pointer =>
                {
                    Some(expected_value.to_string())
                }
                _ => None,
            })
        })
        .collect()
}

/// The accepted types when every branch fails only on the type.
fn type_alternatives(context: &[Vec<ValidationError<'_>>], pointer: &str) -> Option<String> {
    let mut names = Vec::new();
    for branch in context {
        for error in branch {
            match error.kind() {
                ValidationErrorKind::Type { kind } if error.instance_path().as_str() == pointer => {
                    names.extend(type_kind_names(kind));
                }
                _ => return None,
            }
        }
    }
    names.dedup();
    (!names.is_empty()).then(|| names.join(" or "))
}

fn type_kind_names(kind: &TypeKind) -> Vec<&'static str> {
    match kind {
        TypeKind::Single(t) => vec![t.as_str()],
        TypeKind::Multiple(set) => set.iter().map(|t| t.as_str()).collect(),
    }
}

/// A plain message for one error, without dumping large values.
fn describe(error: &ValidationError<'_>) -> String {
    let instance = error.instance();
    match error.kind() {
        ValidationErrorKind::Required { property } => format!("missing required field {property}"),
        ValidationErrorKind::Type { kind } => format!(
            "expected {}, found {} {}",
            type_kind_names(kind).join(" or "),
            type_name(instance),
            excerpt(instance)
        ),
        ValidationErrorKind::Constant { expected_value } => {
            format!("{} is not {expected_value}", excerpt(instance))
        }
        ValidationErrorKind::Minimum { limit } => {
            format!("{} is less than the minimum {limit}", excerpt(instance))
        }
        ValidationErrorKind::Maximum { limit } => {
            format!("{} is greater than the maximum {limit}", excerpt(instance))
        }
        _ if excerpt(instance).len() < EXCERPT_CHARS => error.to_string(),
        _ => error.masked_with("the value").to_string(),
    }
}

const EXCERPT_CHARS: usize = 40;

/// The value as compact JSON, cut to a readable length.
fn excerpt(value: &Value) -> String {
    let json = value.to_string();
    if json.chars().count() <= EXCERPT_CHARS {
        json
    } else {
        let cut: String = json.chars().take(EXCERPT_CHARS - 1).collect();
        format!("{cut}…")
    }
}

fn quoted(key: &str) -> String {
    Value::from(key).to_string()
}

/// The JSON type of a value, as the schema names types.
fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn valid_document() -> Value {
        serde_json::to_value(crate::validate::test_support::sample_speech()).unwrap_or_default()
    }

    fn codes_and_pointers(document: &Value) -> Vec<(String, String)> {
        check(document)
            .into_iter()
            .map(|p| (p.rule.code().to_owned(), p.pointer))
            .collect()
    }

    #[test]
    fn the_sample_passes() {
        assert_eq!(check(&valid_document()), vec![]);
    }

    #[test]
    fn each_unknown_field_is_one_problem_at_that_field() {
        let mut document = valid_document();
        document["meta"]["colour"] = json!("red");
        document["meta"]["a/b"] = json!(1);
        assert_eq!(
            codes_and_pointers(&document),
            [
                ("additionalProperties".to_owned(), "/meta/a~1b".to_owned()),
                ("additionalProperties".to_owned(), "/meta/colour".to_owned())
            ]
        );
    }

    #[test]
    fn a_wrong_value_of_an_optional_enum_lists_the_allowed_values() {
        let mut document = valid_document();
        document["meta"]["level"] = json!("city");
        let problems = check(&document);
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(problems[0].rule.code(), "oneOf");
        assert_eq!(problems[0].pointer, "/meta/level");
        assert!(problems[0]
            .message
            .starts_with(r#""city" is not one of: "national", "provincial", "municipal""#));
    }

    #[test]
    fn a_missing_field_inside_an_optional_object_is_reported_as_required() {
        let mut document = valid_document();
        document["salutation"] = json!({"text": "同志们"});
        assert_eq!(
            check(&document)
                .into_iter()
                .map(|p| (p.rule.code().to_owned(), p.pointer, p.message))
                .collect::<Vec<_>>(),
            [(
                "required".to_owned(),
                "/salutation".to_owned(),
                r#"missing required field "span""#.to_owned()
            )]
        );
    }

    #[test]
    fn a_value_of_no_accepted_type_names_the_accepted_types() {
        let mut document = valid_document();
        document["salutation"] = json!(5);
        let problems = check(&document);
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(problems[0].rule.code(), "type");
        assert_eq!(
            problems[0].message,
            "expected object or null, found integer"
        );
    }

    #[test]
    fn type_and_range_failures_keep_their_keyword_and_stay_short() {
        let mut document = valid_document();
        document["sections"][0]["ordinal"] = json!(0);
        document["sections"][0]["span"] = json!({"start": "0", "end": 3});
        document["preamble"] = json!({"long": "x".repeat(500)});
        let problems = check(&document);
        let summary: Vec<_> = problems
            .iter()
            .map(|p| (p.rule.code(), p.pointer.as_str(), p.message.as_str()))
            .collect();
        assert!(summary.contains(&(
            "minimum",
            "/sections/0/ordinal",
            "0 is less than the minimum 1"
        )));
        assert!(summary.contains(&(
            "type",
            "/sections/0/span/start",
            r#"expected integer, found string "0""#
        )));
        assert!(
            problems.iter().all(|p| p.message.chars().count() < 120),
            "{summary:#?}"
        );
    }
}
