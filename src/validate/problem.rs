//! What validation finds: problems, their rules and severities, and where they lie.

use std::fmt;

use serde::Serialize;

use crate::model::Span;

/// How serious a problem is. A document with an error is invalid; warnings leave it valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Suspicious but allowed by the contract.
    Warning,
    /// A violation of the schema or of the contract.
    Error,
}

impl Severity {
    /// The name used in reports (`error`, `warning`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The semantic rules: what the contract requires beyond the JSON Schema.
///
/// Each has a stable code (what reports print) and a fixed severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SemanticRule {
    /// The document follows a newer minor version of the contract than this validator knows.
    SchemaVersion,
    /// The document follows another major version of the contract.
    SchemaMajor,
    /// Section or directive ordinals do not strictly increase among siblings.
    OrdinalOrder,
    /// A span ends before it starts.
    SpanReversed,
    /// A span starts before the previous sibling's span ends (or a body part before the previous part).
    SpanOrder,
    /// A span is not inside its parent's span (paragraph, directive, subsection or heading in its section).
    SpanNesting,
    /// A doctrine's `count` differs from its number of mentions.
    DoctrineCount,
    /// `meta.announced_sections` differs from the number of top-level sections.
    AnnouncedSections,
    /// Theme weights do not sum to 1 or are not in decreasing order.
    ThemeWeights,
    /// A span reaches past the end of the source text.
    SpanBounds,
    /// A `text` differs from the source text cut at its `span`.
    TextMismatch,
    /// A section `heading` differs from the source text cut at its `heading_span`.
    HeadingMismatch,
    /// Non-whitespace source characters lie in no span of an object with `text` and `span`.
    SourceUncovered,
    /// The source given is not the file the document was made from (its size and SHA-256
    /// differ from `meta.input_digest`), so it was not compared with the document.
    SourceMismatch,
    /// The document passes the schema but cannot be read as a speech (an integer written `2.0`),
    /// so the other semantic rules could not run.
    NotASpeech,
}

impl SemanticRule {
    /// Every rule, in the order of the documentation table.
    pub const ALL: [SemanticRule; 15] = [
        SemanticRule::SchemaVersion,
        SemanticRule::SchemaMajor,
        SemanticRule::OrdinalOrder,
        SemanticRule::SpanReversed,
        SemanticRule::SpanOrder,
        SemanticRule::SpanNesting,
        SemanticRule::DoctrineCount,
        SemanticRule::AnnouncedSections,
        SemanticRule::ThemeWeights,
        SemanticRule::SpanBounds,
        SemanticRule::TextMismatch,
        SemanticRule::HeadingMismatch,
        SemanticRule::SourceUncovered,
        SemanticRule::SourceMismatch,
        SemanticRule::NotASpeech,
    ];

    /// The stable code printed in reports.
    pub const fn code(self) -> &'static str {
        match self {
            SemanticRule::SchemaVersion => "schema-version",
            SemanticRule::SchemaMajor => "schema-major",
            SemanticRule::OrdinalOrder => "ordinal-order",
            SemanticRule::SpanReversed => "span-reversed",
            SemanticRule::SpanOrder => "span-order",
            SemanticRule::SpanNesting => "span-nesting",
            SemanticRule::DoctrineCount => "doctrine-count",
            SemanticRule::AnnouncedSections => "announced-sections",
            SemanticRule::ThemeWeights => "theme-weights",
            SemanticRule::SpanBounds => "span-bounds",
            SemanticRule::TextMismatch => "text-mismatch",
            SemanticRule::HeadingMismatch => "heading-mismatch",
            SemanticRule::SourceUncovered => "source-uncovered",
            SemanticRule::SourceMismatch => "source-mismatch",
            SemanticRule::NotASpeech => "not-a-speech",
        }
    }

    /// How serious a breach of the rule is.
    pub const fn severity(self) -> Severity {
        match self {
            SemanticRule::SchemaVersion
            | SemanticRule::AnnouncedSections
            | SemanticRule::ThemeWeights
            | SemanticRule::HeadingMismatch => Severity::Warning,
            SemanticRule::SchemaMajor
            | SemanticRule::OrdinalOrder
            | SemanticRule::SpanReversed
            | SemanticRule::SpanOrder
            | SemanticRule::SpanNesting
            | SemanticRule::DoctrineCount
            | SemanticRule::SpanBounds
            | SemanticRule::TextMismatch
            | SemanticRule::SourceUncovered
            | SemanticRule::SourceMismatch
            | SemanticRule::NotASpeech => Severity::Error,
        }
    }

    /// Whether the rule needs the source text.
    pub const fn needs_source(self) -> bool {
        matches!(
            self,
            SemanticRule::SpanBounds
                | SemanticRule::TextMismatch
                | SemanticRule::HeadingMismatch
                | SemanticRule::SourceUncovered
                | SemanticRule::SourceMismatch
        )
    }
}

/// The rules of Akoma Ntoso documents that the validator knows (`validate/akn.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AknRule {
    /// The root is not `akomaNtoso` in the Akoma Ntoso namespace, or holds not one document.
    Root,
    /// `meta/identification` or a part of it the schema requires is missing.
    Identification,
    /// A `date` attribute is not an `xs:date` or `xs:dateTime`.
    Date,
    /// Two elements share an `eId`.
    EidUnique,
    /// An `eId` is not built as the naming convention builds them.
    EidForm,
    /// A local reference (`#…`) names no `eId`.
    Reference,
    /// The complete OASIS schema was not checked: said of every Akoma Ntoso document.
    SchemaUnchecked,
}

impl AknRule {
    /// Every rule, in the order of the documentation table.
    pub const ALL: [AknRule; 7] = [
        AknRule::Root,
        AknRule::Identification,
        AknRule::Date,
        AknRule::EidUnique,
        AknRule::EidForm,
        AknRule::Reference,
        AknRule::SchemaUnchecked,
    ];

    /// The stable code printed in reports.
    pub const fn code(self) -> &'static str {
        match self {
            AknRule::Root => "akn-root",
            AknRule::Identification => "akn-identification",
            AknRule::Date => "akn-date",
            AknRule::EidUnique => "akn-eid-unique",
            AknRule::EidForm => "akn-eid-form",
            AknRule::Reference => "akn-reference",
            AknRule::SchemaUnchecked => "akn-schema-unchecked",
        }
    }

    /// How serious a breach of the rule is: the naming convention's form and the note about
    /// the schema are warnings.
    pub const fn severity(self) -> Severity {
        match self {
            AknRule::EidForm | AknRule::SchemaUnchecked => Severity::Warning,
            AknRule::Root
            | AknRule::Identification
            | AknRule::Date
            | AknRule::EidUnique
            | AknRule::Reference => Severity::Error,
        }
    }
}

/// Which check a problem breaks.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// The JSON Schema keyword that failed (`required`, `additionalProperties`, `type`, `oneOf`…).
    Schema(String),
    /// A rule of the contract that the schema cannot express.
    Semantic(SemanticRule),
    /// A rule of Akoma Ntoso documents.
    Akn(AknRule),
}

impl Rule {
    /// The code printed in reports: the schema keyword, or the semantic rule's code.
    pub fn code(&self) -> &str {
        match self {
            Rule::Schema(keyword) => keyword,
            Rule::Semantic(rule) => rule.code(),
            Rule::Akn(rule) => rule.code(),
        }
    }

    /// Which layer of validation the rule belongs to (`schema`, `semantic` or `akn`).
    pub const fn layer(&self) -> &'static str {
        match self {
            Rule::Schema(_) => "schema",
            Rule::Semantic(_) => "semantic",
            Rule::Akn(_) => "akn",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A 1-based line and column; columns count characters (Unicode scalar values), not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl Position {
    /// The position at `line`, `column`.
    pub const fn new(line: usize, column: usize) -> Self {
        Self { line, column }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// A place in the source text the document describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct SourcePlace {
    /// The character span concerned.
    pub span: Span,
    /// Where the span starts in the source file.
    pub position: Position,
}

/// One thing wrong with a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The check that failed.
    pub rule: Rule,
    /// How serious it is.
    pub severity: Severity,
    /// RFC 6901 JSON Pointer to the value concerned (`""` is the whole document).
    pub pointer: String,
    /// Where that value starts in the document file, when the locator found it.
    pub position: Option<Position>,
    /// For problems about the source text: where in the source they lie.
    pub source: Option<SourcePlace>,
    /// A plain-language explanation.
    pub message: String,
}

impl Problem {
    /// A problem found by the JSON Schema (always an error).
    pub fn schema(keyword: impl Into<String>, pointer: impl Into<String>, message: String) -> Self {
        Self {
            rule: Rule::Schema(keyword.into()),
            severity: Severity::Error,
            pointer: pointer.into(),
            position: None,
            source: None,
            message,
        }
    }

    /// A breach of a semantic rule, with the rule's severity.
    pub fn semantic(rule: SemanticRule, pointer: impl Into<String>, message: String) -> Self {
        Self {
            rule: Rule::Semantic(rule),
            severity: rule.severity(),
            pointer: pointer.into(),
            position: None,
            source: None,
            message,
        }
    }

    /// A breach of an Akoma Ntoso rule, at an element path (`/akomaNtoso/debate/meta`), with the
    /// rule's severity.
    pub fn akn(rule: AknRule, path: &str, message: String) -> Self {
        Self {
            rule: Rule::Akn(rule),
            severity: rule.severity(),
            pointer: path.to_owned(),
            position: None,
            source: None,
            message,
        }
    }

    /// The same problem, placed at `position` in the document.
    pub fn at(mut self, position: Position) -> Self {
        self.position = Some(position);
        self
    }

    /// The same problem, tied to a place in the source text.
    pub fn in_source(mut self, place: SourcePlace) -> Self {
        self.source = Some(place);
        self
    }

    /// Whether the problem lies in the source text rather than at a value of the document.
    ///
    /// Such problems (text no object covers) point at the whole document; reports show them
    /// at their place in the source file.
    pub fn is_about_source(&self) -> bool {
        self.pointer.is_empty() && self.source.is_some()
    }
}

/// Which checks ran on a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Checks {
    /// The schema only: the document does not read as a speech, so no semantic rule could run.
    #[default]
    Schema,
    /// The schema and the semantic rules that need no source text.
    Semantic,
    /// Everything, the rules comparing the document with its source text included.
    Source,
    /// The Akoma Ntoso rules the validator knows (not the complete OASIS schema).
    Akn,
}

/// Every problem of one document, ordered by where they lie.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The problems, in document order; problems about the source text come last, in source order.
    pub problems: Vec<Problem>,
    /// Which checks ran.
    pub checks: Checks,
}

impl Report {
    /// A report of `problems` found by `checks`, sorted into reading order.
    pub fn new(mut problems: Vec<Problem>, checks: Checks) -> Self {
        problems.sort_by(|a, b| {
            let key = |p: &Problem| {
                (
                    p.is_about_source(),
                    if p.is_about_source() {
                        p.source.map(|s| s.position)
                    } else {
                        p.position
                    },
                )
            };
            key(a).cmp(&key(b))
        });
        Self { problems, checks }
    }

    /// Whether the document is valid: no errors (warnings allowed).
    pub fn is_valid(&self) -> bool {
        self.errors() == 0
    }

    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == severity)
            .count()
    }
}

/// Escapes a key for use as one token of a JSON Pointer (RFC 6901: `~` → `~0`, `/` → `~1`).
pub fn escape_pointer_token(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Reverses [`escape_pointer_token`].
pub fn unescape_pointer_token(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_codes_are_unique_kebab_case() {
        let codes: std::collections::BTreeSet<_> =
            SemanticRule::ALL.iter().map(|r| r.code()).collect();
        assert_eq!(codes.len(), SemanticRule::ALL.len());
        assert!(codes
            .iter()
            .all(|c| c.contains('-') && c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-')));
    }

    #[test]
    fn pointer_tokens_escape_tilde_before_slash() {
        assert_eq!(escape_pointer_token("a/b~c"), "a~1b~0c");
        assert_eq!(unescape_pointer_token("a~1b~0c"), "a/b~c");
        // `~01` is an escaped `~` followed by `1`, not a slash.
        assert_eq!(unescape_pointer_token("~01"), "~1");
    }

    #[test]
    fn reports_sort_document_problems_first_then_source_problems() {
        let at = |line, p: Problem| Problem {
            position: Some(Position::new(line, 1)),
            ..p
        };
        let source = Problem::semantic(SemanticRule::SourceUncovered, "", "x".into()).in_source(
            SourcePlace {
                span: Span::new(0, 1),
                position: Position::new(1, 1),
            },
        );
        let report = Report::new(
            vec![
                at(1, source),
                at(
                    9,
                    Problem::semantic(SemanticRule::AnnouncedSections, "/meta", "w".into()),
                ),
                at(3, Problem::schema("type", "/x", "e".into())),
            ],
            Checks::Source,
        );
        let codes: Vec<_> = report.problems.iter().map(|p| p.rule.code()).collect();
        assert_eq!(codes, ["type", "announced-sections", "source-uncovered"]);
        assert_eq!((report.errors(), report.warnings()), (2, 1));
        assert!(!report.is_valid());
    }
}
