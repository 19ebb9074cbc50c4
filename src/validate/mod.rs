//! Validation of documents produced by anyone: every problem, each with its place.
//!
//! Two layers:
//!
//! 1. [`json_schema`]: the document against the JSON Schema generated from the model
//!    (`jianghua schema`); problems are named by the failing keyword.
//! 2. [`semantic`] and, given the source text, [`source`]: the contract's rules that a schema
//!    cannot express (ordinals, span order and nesting, doctrine counts, text equal to the source
//!    at its span, nothing of the source dropped); problems are named by a stable code
//!    ([`SemanticRule::code`]). Layer 2 runs whenever the document reads as a
//!    [`Speech`], even if layer 1 found problems.
//!
//! [`validate_document`] works on a parsed value and a [`Locate`] implementation that maps JSON
//! Pointers to positions, so any format that maps onto the model's JSON (XML, say) validates the
//! same way with a locator of its own. [`validate_json`] is the whole path for JSON text,
//! [`validate_xml`] for XML documents (located by [`crate::xml::XmlLocator`]).

pub mod akn;
pub mod conformance;
pub mod json_schema;
pub mod locate;
pub mod problem;
pub mod semantic;
pub mod source;
pub mod strict;
pub(crate) mod walk;

use serde::Deserialize;
use serde_json::Value;

use crate::model::{InputDigest, Speech};
use crate::text::SourceText;

pub use akn::{is_akn, validate_akn};
pub use locate::{JsonLocator, LineIndex, Locate, NoLocator};
pub use problem::{
    AknRule, Checks, Position, Problem, Report, Rule, SemanticRule, Severity, SourcePlace,
};

/// The largest document or source text read, in bytes: far beyond any speech, small enough that
/// a stray multi-gigabyte file fails cleanly instead of exhausting memory.
pub const MAX_INPUT_BYTES: usize = 256 * 1024 * 1024;

/// A document that cannot be validated because it cannot be read as JSON.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    /// Larger than [`MAX_INPUT_BYTES`].
    #[error("the document is {size} bytes, more than the {limit} bytes a document may have")]
    TooLarge {
        /// Size of the input.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// Not UTF-8 (RFC 8259 requires JSON exchanged between systems to be UTF-8).
    #[error("invalid UTF-8 at line {}, column {} (byte {byte}): JSON documents must be UTF-8", position.line, position.column)]
    NotUtf8 {
        /// Where the first invalid byte is.
        position: Position,
        /// Byte offset of that byte.
        byte: usize,
    },
    /// Not well-formed JSON, or nested deeper than the parser's recursion limit.
    #[error("malformed JSON at line {}, column {}: {message}", position.line, position.column)]
    Malformed {
        /// Where the parser stopped.
        position: Position,
        /// What the parser expected.
        message: String,
    },
}

impl DocumentError {
    /// The stable code reports give it (`jianghua validate`, the Python package).
    pub fn code(&self) -> &'static str {
        match self {
            DocumentError::TooLarge { .. } => "too-large",
            DocumentError::NotUtf8 { .. } => "not-utf8",
            DocumentError::Malformed { .. } => "json-syntax",
        }
    }

    /// Where in the document the error lies, when it lies somewhere.
    pub fn position(&self) -> Option<Position> {
        match self {
            DocumentError::TooLarge { .. } => None,
            DocumentError::NotUtf8 { position, .. } | DocumentError::Malformed { position, .. } => {
                Some(*position)
            }
        }
    }
}

/// Validates JSON text (a leading byte order mark is ignored).
///
/// Columns count characters; for ASCII lines they equal `serde_json`'s byte columns.
pub fn validate_json(bytes: &[u8], source: Option<&SourceText>) -> Result<Report, DocumentError> {
    validate_json_text(json_text(bytes)?, text_checks(source))
}

/// A document that conforms to the schema is read once, as a [`Speech`]; any other is read as
/// a value and checked against the schema, which says what is wrong.
fn validate_json_text(
    text: &str,
    source_checks: impl Fn(&Speech, &mut Vec<Problem>) -> Checks,
) -> Result<Report, DocumentError> {
    let locator = JsonLocator::new(text);
    Ok(match conformance::read_conforming(text) {
        Some(speech) => validate_speech(&speech, &locator, source_checks),
        None => validate_parts(&parse_json(text)?, &locator, source_checks),
    })
}

/// Validates an XML document of the project's XML form: read into the model (syntax and shape
/// errors, refused constructs such as document type declarations, fail with their line and
/// column), then the same layers as a JSON document, problems placed in the XML.
pub fn validate_xml(
    bytes: &[u8],
    source: Option<&SourceText>,
) -> Result<Report, crate::xml::ReadError> {
    let (speech, locator, bad_values) = crate::xml::from_xml_bytes_checked(bytes)?;
    let mut report = validate_read_speech(&speech, &locator, text_checks(source));
    add_bad_values(&mut report, bad_values, &locator);
    Ok(report)
}

/// A speech read from another form than JSON: its JSON form has the schema's shape by
/// construction, so only the value constraints send it to the schema.
fn validate_read_speech(
    speech: &Speech,
    locator: &dyn Locate,
    source_checks: impl Fn(&Speech, &mut Vec<Problem>) -> Checks,
) -> Report {
    if conformance::meets_value_constraints(speech) {
        return validate_speech(speech, locator, source_checks);
    }
    // Serializing the model cannot fail: every key is a string and non-finite numbers become null.
    let document = serde_json::to_value(speech).unwrap_or(Value::Null);
    validate_parts(&document, locator, source_checks)
}

/// The values an XML document holds outside their enumeration, as the schema problems the
/// same values give in JSON (`oneOf`), with the rest of the report.
fn add_bad_values(
    report: &mut Report,
    bad_values: Vec<crate::xml::BadValue>,
    locator: &dyn Locate,
) {
    if bad_values.is_empty() {
        return;
    }
    let mut problems = std::mem::take(&mut report.problems);
    for bad in bad_values {
        let mut problem = Problem::schema(
            "oneOf",
            bad.pointer,
            format!(
                "{} is not one of: {}",
                Value::from(bad.value),
                bad.allowed
                    .into_iter()
                    .map(|allowed| Value::from(allowed).to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
        problem.position = locator.locate(&problem.pointer);
        problems.push(problem);
    }
    *report = Report::new(problems, report.checks);
}

/// The text of a JSON document: size checked, byte order mark removed, UTF-8 checked.
pub fn json_text(bytes: &[u8]) -> Result<&str, DocumentError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(DocumentError::TooLarge {
            size: bytes.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    simdutf8::compat::from_utf8(bytes).map_err(|e| {
        let byte = e.valid_up_to();
        let valid = std::str::from_utf8(bytes.get(..byte).unwrap_or_default()).unwrap_or_default();
        DocumentError::NotUtf8 {
            position: LineIndex::new(valid).position(byte),
            byte,
        }
    })
}

/// Parses JSON text into a value; syntax errors (and nesting past `serde_json`'s recursion
/// limit) carry their line and column.
pub fn parse_json(text: &str) -> Result<Value, DocumentError> {
    serde_json::from_str(text).map_err(|e| {
        let full = e.to_string();
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        let message = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();
        DocumentError::Malformed {
            position: syntax_error_position(text, e.line(), e.column()),
            message,
        }
    })
}

/// The position of a `serde_json` error in `text`: `serde_json` counts columns in bytes, reports
/// count characters.
pub fn syntax_error_position(text: &str, line: usize, byte_column: usize) -> Position {
    let lines = LineIndex::new(text);
    match lines.line_start(line) {
        Some(start) => lines.position(start + byte_column.saturating_sub(1)),
        None => Position::new(line, byte_column),
    }
}

/// A source file as the validator compares documents with it: the text their spans index
/// and the digest of its bytes, which tells whether it is a document's own source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The text the spans index (a page's extracted text, a text's decoded one).
    pub text: SourceText,
    /// The size and SHA-256 of the file's bytes.
    pub digest: InputDigest,
}

impl SourceFile {
    /// Reads a source file's bytes as `jianghua text` does.
    pub fn read(bytes: &[u8]) -> Result<Self, crate::parse::DecodeError> {
        Ok(Self {
            text: SourceText::new(crate::convert::source_text(bytes)?),
            digest: InputDigest::of(bytes),
        })
    }
}

/// Validates JSON text against a source file: as [`validate_json`], and when the document
/// records the digest of its input (`meta.input_digest`) and the source's differs, one
/// `source-mismatch` problem instead of the comparison with the wrong text.
pub fn validate_json_against(bytes: &[u8], source: &SourceFile) -> Result<Report, DocumentError> {
    validate_json_text(json_text(bytes)?, file_checks(Some(source)))
}

/// [`validate_xml`] against a source file (see [`validate_json_against`]).
pub fn validate_xml_against(
    bytes: &[u8],
    source: &SourceFile,
) -> Result<Report, crate::xml::ReadError> {
    let (speech, locator, bad_values) = crate::xml::from_xml_bytes_checked(bytes)?;
    let mut report = validate_read_speech(&speech, &locator, file_checks(Some(source)));
    add_bad_values(&mut report, bad_values, &locator);
    Ok(report)
}

/// Validates a parsed document: schema, then the semantic rules (with the source-text rules
/// when `source` is given), each problem placed by `locator`.
pub fn validate_document(
    document: &Value,
    locator: &dyn Locate,
    source: Option<&SourceText>,
) -> Report {
    validate_parts(document, locator, text_checks(source))
}

/// The source-text rules against a text, when there is one.
fn text_checks(source: Option<&SourceText>) -> impl Fn(&Speech, &mut Vec<Problem>) -> Checks + '_ {
    move |speech, problems| match source {
        Some(source) => {
            problems.extend(source::check(speech, source));
            Checks::Source
        }
        None => Checks::Semantic,
    }
}

/// The source-text rules against a source file, unless the document records the digest of
/// another input: then one `source-mismatch` problem instead of the comparison with the wrong
/// text.
fn file_checks(source: Option<&SourceFile>) -> impl Fn(&Speech, &mut Vec<Problem>) -> Checks + '_ {
    move |speech, problems| {
        let Some(source) = source else {
            return Checks::Semantic;
        };
        match &speech.meta.input_digest {
            Some(recorded) if *recorded != source.digest => {
                problems.push(source_mismatch(recorded, &source.digest));
                Checks::Semantic
            }
            _ => {
                problems.extend(source::check(speech, &source.text));
                Checks::Source
            }
        }
    }
}

/// The one problem of a source that is not the document's own.
fn source_mismatch(recorded: &InputDigest, given: &InputDigest) -> Problem {
    let short = |digest: &InputDigest| {
        let prefix = digest.sha256.get(..12).unwrap_or(&digest.sha256);
        format!("{} bytes, SHA-256 {prefix}…", digest.size)
    };
    Problem::semantic(
        SemanticRule::SourceMismatch,
        "/meta/input_digest",
        format!(
            "the source given is not this document's source: it is {}, the document was made from {}; texts and coverage were not compared",
            short(given),
            short(recorded)
        ),
    )
}

/// The schema, then the semantic rules and whatever `source_checks` adds (it says which
/// checks ran), each problem placed by `locator`.
fn validate_parts(
    document: &Value,
    locator: &dyn Locate,
    source_checks: impl Fn(&Speech, &mut Vec<Problem>) -> Checks,
) -> Report {
    let mut problems = json_schema::check(document);
    // The version speaks even when fields of a newer version keep the document from loading.
    let version = document.get("schema_version").and_then(Value::as_str);
    problems.extend(version.and_then(semantic::schema_version));
    let checks = match Speech::deserialize(document) {
        Ok(speech) => speech_rules(&speech, &mut problems, source_checks),
        // The schema explains why in terms of the document; say something only if it did not.
        Err(e) => {
            if problems.is_empty() {
                problems.push(Problem::semantic(
                    SemanticRule::NotASpeech,
                    "",
                    format!("the document passes the schema but cannot be read as a speech ({e}); the semantic rules were not checked"),
                ));
            }
            Checks::Schema
        }
    };
    placed(problems, locator, checks)
}

/// The rules of a speech known to conform to the schema.
fn validate_speech(
    speech: &Speech,
    locator: &dyn Locate,
    source_checks: impl Fn(&Speech, &mut Vec<Problem>) -> Checks,
) -> Report {
    let mut problems: Vec<Problem> = semantic::schema_version(&speech.schema_version)
        .into_iter()
        .collect();
    let checks = speech_rules(speech, &mut problems, source_checks);
    placed(problems, locator, checks)
}

/// The semantic rules, then the source's.
fn speech_rules(
    speech: &Speech,
    problems: &mut Vec<Problem>,
    source_checks: impl Fn(&Speech, &mut Vec<Problem>) -> Checks,
) -> Checks {
    problems.extend(semantic::check(speech));
    source_checks(speech, problems)
}

/// The report, each problem placed by `locator`.
fn placed(mut problems: Vec<Problem>, locator: &dyn Locate, checks: Checks) -> Report {
    for problem in &mut problems {
        problem.position = locator.locate(&problem.pointer);
    }
    Report::new(problems, checks)
}

#[cfg(test)]
pub(crate) mod test_support {
    //! A small speech and its source text that satisfy every rule, for the rules' tests.

    use crate::model::*;
    use crate::text::SourceText;

    pub fn sample_source() -> String {
        [
            "在全市人大工作会议上的讲话",
            "张三",
            "同志们：",
            "今天召开会议。学习习近平法治思想。",
            "一、加强领导。一要学习。二要落实。",
            "二、依法履职。坚持习近平法治思想。",
            "谢谢大家。",
            "首页 > 新闻",
        ]
        .join("\n")
            + "\n"
    }

    /// The passage of the `nth` occurrence of `needle` in the sample source.
    fn find(needle: &str, nth: usize) -> Passage {
        let text = sample_source();
        let source = SourceText::new(text.clone());
        let start = text
            .match_indices(needle)
            .nth(nth)
            .map(|(i, _)| i)
            .unwrap_or_default();
        source.passage(&(start..start + needle.len()))
    }

    fn section(
        ordinal: u32,
        marker: &str,
        heading: &str,
        line: &str,
        directives: Vec<Directive>,
    ) -> Section {
        let whole = find(line, 0);
        Section {
            ordinal,
            marker: Some(marker.to_owned()),
            heading: heading.to_owned(),
            heading_span: find(heading, 0).span,
            themes: vec![],
            paragraphs: vec![whole.clone()],
            directives,
            subsections: vec![],
            span: whole.span,
        }
    }

    fn directive(ordinal: u32, marker: &str, heading: &str, text: &str) -> Directive {
        let p = find(text, 0);
        Directive {
            ordinal,
            marker: marker.to_owned(),
            heading: heading.to_owned(),
            text: p.text,
            span: p.span,
            themes: vec![],
        }
    }

    fn block<K>(kind: K, text: &str) -> Block<K> {
        let p = find(text, 0);
        Block {
            kind,
            text: p.text,
            span: p.span,
        }
    }

    pub fn sample_speech() -> Speech {
        let salutation = find("同志们", 0);
        Speech {
            schema: None,
            schema_version: SCHEMA_VERSION.to_owned(),
            meta: Meta {
                title: Some("在全市人大工作会议上的讲话".to_owned()),
                genre: Genre::Speech,
                speaker: None,
                date: None,
                occasion: None,
                place: None,
                level: Some(Level::Municipal),
                fragment: false,
                announced_sections: Some(2),
                source: None,
                encoding: None,
                input: None,
                input_digest: None,
                redactions: vec![],
            },
            front_matter: vec![
                block(FrontMatterKind::Title, "在全市人大工作会议上的讲话"),
                block(FrontMatterKind::Byline, "张三"),
            ],
            salutation: Some(salutation),
            preamble: vec![
                find("同志们：", 0),
                find("今天召开会议。学习习近平法治思想。", 0),
            ],
            sections: vec![
                section(
                    1,
                    "一、",
                    "加强领导",
                    "一、加强领导。一要学习。二要落实。",
                    vec![
                        directive(1, "一要", "学习", "一要学习。"),
                        directive(2, "二要", "落实", "二要落实。"),
                    ],
                ),
                section(
                    2,
                    "二、",
                    "依法履职",
                    "二、依法履职。坚持习近平法治思想。",
                    vec![],
                ),
            ],
            closing: vec![find("谢谢大家。", 0)],
            appendix: vec![],
            doctrines: vec![Doctrine {
                name: "习近平法治思想".to_owned(),
                kind: DoctrineKind::Thought,
                aliases: vec![],
                mentions: vec![find("习近平法治思想", 0), find("习近平法治思想", 1)],
                count: 2,
                attribution: None,
            }],
            themes: vec![
                ThemeScore {
                    theme: ThemeId::PartyLeadership,
                    weight: 0.6,
                },
                ThemeScore {
                    theme: ThemeId::RuleOfLaw,
                    weight: 0.4,
                },
            ],
            boilerplate: vec![block(BoilerplateKind::Navigation, "首页 > 新闻")],
            diagnostics: vec![],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::{sample_source, sample_speech};
    use super::*;

    fn sample_json() -> String {
        serde_json::to_string_pretty(&sample_speech()).unwrap_or_default()
    }

    #[test]
    fn the_sample_document_is_valid_with_and_without_its_source() {
        let source = SourceText::new(sample_source());
        assert_eq!(
            validate_json(sample_json().as_bytes(), None),
            Ok(Report::new(vec![], Checks::Semantic))
        );
        assert_eq!(
            validate_json(sample_json().as_bytes(), Some(&source)),
            Ok(Report::new(vec![], Checks::Source))
        );
    }

    #[test]
    fn problems_are_placed_at_their_value_in_the_file() {
        let json = sample_json().replace("\"count\": 2", "\"count\": 7");
        let report = validate_json(json.as_bytes(), None).expect("well-formed JSON");
        assert_eq!(report.problems.len(), 1);
        let problem = &report.problems[0];
        assert_eq!(problem.pointer, "/doctrines/0/count");
        let line = json
            .lines()
            .position(|l| l.contains("\"count\": 7"))
            .unwrap_or_default()
            + 1;
        assert_eq!(problem.position, Some(Position::new(line, 16)));
    }

    #[test]
    fn schema_and_semantic_problems_come_together() {
        let mut document = serde_json::to_value(sample_speech()).unwrap_or_default();
        // Ordinal 0 breaks the schema's minimum yet reads as a speech, so the rules run too.
        document["sections"][1]["ordinal"] = 0.into();
        document["doctrines"][0]["count"] = 9.into();
        let report = validate_document(&document, &NoLocator, None);
        let codes: Vec<_> = report.problems.iter().map(|p| p.rule.code()).collect();
        assert_eq!(codes, ["minimum", "ordinal-order", "doctrine-count"]);
    }

    #[test]
    fn a_document_that_does_not_read_as_a_speech_skips_the_rules() {
        let mut document = serde_json::to_value(sample_speech()).unwrap_or_default();
        document["meta"]["genre"] = "sermon".into();
        document["doctrines"][0]["count"] = 9.into();
        let report = validate_document(&document, &NoLocator, None);
        let codes: Vec<_> = report.problems.iter().map(|p| p.rule.code()).collect();
        assert_eq!(codes, ["oneOf"]);
        assert_eq!(report.checks, Checks::Schema);
    }

    #[test]
    fn a_schema_valid_document_that_is_not_a_speech_says_so() {
        let json = sample_json().replace("\"ordinal\": 2,", "\"ordinal\": 2.0,");
        let report = validate_json(json.as_bytes(), None).expect("well-formed JSON");
        let codes: Vec<_> = report.problems.iter().map(|p| p.rule.code()).collect();
        assert_eq!(codes, ["not-a-speech"]);
        assert_eq!(report.checks, Checks::Schema);
    }

    #[test]
    fn a_document_that_is_not_a_speech_gets_schema_problems_only() {
        let report = validate_json(b"[1, 2]", None).expect("well-formed JSON");
        assert_eq!(report.problems.len(), 1);
        assert_eq!(report.problems[0].rule.code(), "type");
        assert_eq!(report.problems[0].position, Some(Position::new(1, 1)));
    }

    #[test]
    fn syntax_errors_carry_character_columns() {
        let err = validate_json("{\"讲话\": [1,, 2]}".as_bytes(), None).expect_err("malformed");
        // serde_json says byte column 15; in characters the second comma is column 11.
        assert_eq!(err.position(), Some(Position::new(1, 11)));
        assert!(
            err.to_string()
                .starts_with("malformed JSON at line 1, column 11: expected value"),
            "{err}"
        );
    }

    #[test]
    fn syntax_errors_on_later_lines_and_at_the_end() {
        let err = validate_json(b"{\n  \"a\": 1\n  \"b\": 2\n}", None).expect_err("malformed");
        assert_eq!(err.position(), Some(Position::new(3, 3)));
        let err = validate_json(b"{\"a\": [1", None).expect_err("malformed");
        assert!(matches!(err, DocumentError::Malformed { .. }), "{err}");
    }

    #[test]
    fn nesting_past_the_recursion_limit_fails_cleanly() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let err = validate_json(deep.as_bytes(), None).expect_err("too deep");
        assert_eq!(err.position(), Some(Position::new(1, 128)));
        assert!(
            err.to_string().contains("recursion limit exceeded"),
            "{err}"
        );
    }

    #[test]
    fn invalid_utf8_is_reported_where_it_starts() {
        let err = validate_json(b"{\n  \"a\": \"\xff\"}", None).expect_err("not UTF-8");
        assert_eq!(
            err,
            DocumentError::NotUtf8 {
                position: Position::new(2, 9),
                byte: 10
            }
        );
    }

    #[test]
    fn a_source_that_is_not_the_documents_own_is_one_problem() {
        let source_bytes = sample_source().into_bytes();
        let mut speech = sample_speech();
        speech.meta.input_digest = Some(InputDigest::of(&source_bytes));
        let json = serde_json::to_string_pretty(&speech).unwrap_or_default();
        let own = SourceFile::read(&source_bytes).expect("UTF-8");
        assert_eq!(
            validate_json_against(json.as_bytes(), &own),
            Ok(Report::new(vec![], Checks::Source))
        );
        let other = SourceFile::read("另一篇讲话。\n".as_bytes()).expect("UTF-8");
        let report = validate_json_against(json.as_bytes(), &other).expect("well-formed JSON");
        let codes: Vec<_> = report.problems.iter().map(|p| p.rule.code()).collect();
        assert_eq!(codes, ["source-mismatch"]);
        assert_eq!(report.problems[0].pointer, "/meta/input_digest");
        assert_eq!(report.checks, Checks::Semantic);
        // A document that records no digest is compared with whatever it is given.
        let report = validate_json_against(sample_json().as_bytes(), &other).expect("JSON");
        assert_eq!(report.checks, Checks::Source);
        assert!(!report.is_valid(), "{:?}", report.problems);
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        let json = format!("\u{feff}{}", sample_json());
        assert_eq!(
            validate_json(json.as_bytes(), None),
            Ok(Report::new(vec![], Checks::Semantic))
        );
    }
}
