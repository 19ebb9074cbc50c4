//! Validation of documents produced by anyone: JSON Schema, then the semantic rules. Placeholder.
