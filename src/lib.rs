//! jianghua (讲话): turns raw Chinese congress work speeches (人大工作讲话) into a typed,
//! validated, lossless document, and validates documents others produced.
//!
//! * [`parse`]: raw text in any encoding → [`model::Speech`];
//! * [`validate`]: a JSON document → every problem, by JSON Schema and by the semantic rules;
//! * [`schema`]: the JSON Schema generated from the model;
//! * [`xml`]: the document as XML (both ways) and as Akoma Ntoso;
//! * [`convert`]: one document from any of these forms into another.

pub mod batch;
mod bounded;
pub mod convert;
pub mod dictionary;
pub mod doctrines;
pub mod html;
mod lexicon_file;
pub mod model;
pub mod parse;
mod pattern;
pub mod schema;
pub mod text;
pub mod themes;
pub mod validate;
pub mod view;
pub mod xml;

pub use model::Speech;
pub use parse::{parse_bytes, parse_str, ParseOptions};
