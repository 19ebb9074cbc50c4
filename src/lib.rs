//! jianghua (讲话): turns raw Chinese congress work speeches (人大工作讲话) into a typed,
//! validated, lossless document, and validates documents others produced.
//!
//! * [`parse`]: raw text in any encoding → [`model::Speech`];
//! * [`validate`]: a JSON document → every problem, by JSON Schema and by the semantic rules;
//! * [`schema`]: the JSON Schema generated from the model;
//! * [`xml`]: the document as XML (both ways) and as Akoma Ntoso;
//! * [`convert`]: one document from any of these forms into another.
//!
//! ```
//! use jianghua::{parse_bytes, ParseOptions};
//!
//! let text = "在全市人大工作会议上的讲话\n同志们：\n一、坚持党的领导。加强立法。\n二、依法履职。加强监督。\n";
//! let speech = parse_bytes(text.as_bytes(), &ParseOptions::default())?;
//! assert_eq!(speech.meta.title.as_deref(), Some("在全市人大工作会议上的讲话"));
//! let headings: Vec<&str> = speech.sections.iter().map(|s| s.heading.as_str()).collect();
//! assert_eq!(headings, ["坚持党的领导", "依法履职"]);
//!
//! // Spans count characters: the heading is the input at its span.
//! let chars: Vec<char> = text.chars().collect();
//! let span = speech.sections[0].heading_span;
//! assert_eq!(chars[span.start..span.end].iter().collect::<String>(), "坚持党的领导");
//!
//! // The JSON document passes the validator, checked against its source text.
//! let json = serde_json::to_string_pretty(&speech)?;
//! let source = jianghua::validate::SourceFile::read(text.as_bytes())?;
//! let report = jianghua::validate::validate_json_against(json.as_bytes(), &source)?;
//! assert!(report.is_valid(), "{:?}", report.problems);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

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
