//! The JSON Schema of the document, generated from the model's types.

use crate::model::Speech;

/// The path of the committed schema, relative to the repository root.
pub const SCHEMA_PATH: &str = "schema/speech.schema.json";

/// The JSON Schema (draft 2020-12) of [`Speech`] documents.
pub fn json_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(Speech);
    schema.to_value()
}

/// The schema as the pretty-printed text committed under `schema/`, ending in a newline.
pub fn json_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&json_schema()).unwrap_or_default();
    text.push('\n');
    text
}
