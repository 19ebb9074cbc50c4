//! `jianghua validate`: check documents against the schema and the semantic rules.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anstyle::{AnsiColor, Style};
use jianghua::convert::{detect_named, InputForm};
use jianghua::text::SourceText;
use jianghua::validate::{self, Checks, DocumentError, Position, Problem, Report, Severity};
use jianghua::xml::{ReadError, ReadErrorKind};
use rayon::prelude::*;
use serde::Serialize;

use super::report::{self, MessageFormat};
use super::Status;

/// Validate JSON and XML documents against the JSON Schema and the semantic rules.
///
/// A document starting with `<` is read as the XML form (schema/speech.xsd), any other as JSON;
/// an Akoma Ntoso document (`convert --format akn`) is checked against the Akoma Ntoso rules
/// the validator knows, and the report says that the complete OASIS schema is xmllint's job.
/// Every problem is reported with the JSON Pointer of the value concerned and its line:column in
/// the file. Exit status: 0 every document valid (warnings allowed), 1 some document invalid,
/// 2 usage error or a document that cannot be read (malformed JSON or XML, XML not of the form).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  jianghua validate speech.json\n  jianghua validate speech.xml --source speech.txt\n  jianghua validate speech.json --source speech.txt\n  jianghua parse speech.txt | jianghua validate - --source speech.txt --format json"
)]
pub struct Args {
    /// The documents; `-` reads stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// The text the documents were made from (any encoding the parser reads): enables the checks
    /// that every `text` is the source at its `span` and that no source text is left out.
    #[arg(long, value_name = "TEXT_FILE")]
    source: Option<PathBuf>,
    /// Report format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// One problem a line: `file:line:col: severity[code] /pointer: message`; on a terminal,
    /// each problem under the line of the document it lies on.
    Text,
    /// A JSON array with one entry a document.
    Json,
}

/// Why a file could not be validated.
#[derive(Debug, thiserror::Error)]
enum InputError {
    #[error("cannot read: {0}")]
    Unreadable(#[from] std::io::Error),
    #[error("{0}")]
    Document(#[from] DocumentError),
    #[error("{0}")]
    Xml(#[from] ReadError),
    #[error("{0}")]
    TooLarge(String),
    #[error("cannot decode the source text: {0}")]
    Undecodable(#[from] jianghua::parse::DecodeError),
}

impl InputError {
    /// A stable code for reports, like the rules' codes.
    fn code(&self) -> &'static str {
        match self {
            InputError::Unreadable(_) => "unreadable",
            InputError::Document(DocumentError::TooLarge { .. }) | InputError::TooLarge(_) => {
                "too-large"
            }
            InputError::Document(DocumentError::NotUtf8 { .. }) => "not-utf8",
            InputError::Document(DocumentError::Malformed { .. }) => "json-syntax",
            InputError::Undecodable(_) => "undecodable",
            InputError::Xml(e) => match e.kind {
                ReadErrorKind::TooLarge { .. } => "too-large",
                ReadErrorKind::NotUtf8(_) => "not-utf8",
                ReadErrorKind::Encoding(_)
                | ReadErrorKind::Syntax(_)
                | ReadErrorKind::Doctype
                | ReadErrorKind::UndefinedEntity(_)
                | ReadErrorKind::IllegalCharacter(_)
                | ReadErrorKind::TooDeep(_)
                | ReadErrorKind::NoRoot => "xml-syntax",
                ReadErrorKind::ForeignElement { .. }
                | ReadErrorKind::UnexpectedElement { .. }
                | ReadErrorKind::MissingElement { .. }
                | ReadErrorKind::UnexpectedText { .. }
                | ReadErrorKind::UnknownAttribute { .. }
                | ReadErrorKind::MissingAttribute { .. }
                | ReadErrorKind::BadValue { .. } => "xml-shape",
            },
        }
    }

    fn position(&self) -> Option<Position> {
        match self {
            InputError::Document(e) => e.position(),
            InputError::Xml(e) => Some(Position::new(e.line, e.column)),
            _ => None,
        }
    }

    /// The message without the position, which reports show in front.
    fn message(&self) -> String {
        match self {
            InputError::Document(DocumentError::Malformed { message, .. }) => {
                format!("malformed JSON: {message}")
            }
            InputError::Document(DocumentError::NotUtf8 { byte, .. }) => {
                format!("invalid UTF-8 at byte {byte}: JSON documents must be UTF-8")
            }
            InputError::Xml(e) => e.kind.to_string(),
            other => other.to_string(),
        }
    }
}

/// What became of one input file.
enum Outcome {
    Checked(Report),
    Failed(InputError),
}

/// One validated file.
struct Checked {
    file: String,
    outcome: Outcome,
    /// The problems rendered under the lines they lie on, for a terminal.
    excerpts: Option<String>,
}

/// How a text report shows problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TextStyle {
    /// One line a problem, for pipes, files and tools.
    Lines,
    /// Like a compiler, for a reader at a terminal: the line of the document (or the source
    /// text) with the value underlined, the rule's code and the JSON Pointer.
    Excerpts,
}

pub fn run(args: Args) -> Status {
    let reads_stdin = |p: &Path| p.as_os_str() == "-";
    if args.inputs.iter().filter(|p| reads_stdin(p)).count()
        + args.source.iter().filter(|p| reads_stdin(p)).count()
        > 1
    {
        return report::usage_error(&"stdin (`-`) can be read only once");
    }
    let source = match args.source.as_deref().map(read_source).transpose() {
        Ok(source) => source,
        Err(e) => {
            let path = args.source.as_deref().map(display_name).unwrap_or_default();
            return report::usage_error(&format!("{path}: {e}"));
        }
    };
    let source_name = args.source.as_deref().map(display_name);
    let style = if args.format == Format::Text && std::io::stdout().is_terminal() {
        TextStyle::Excerpts
    } else {
        TextStyle::Lines
    };
    let source_file = source_name.as_deref().map(Path::new).zip(source.as_ref());
    // Documents are independent: check them in parallel, report them in the order given.
    let checked: Vec<Checked> = args
        .inputs
        .par_iter()
        .map(|path| {
            let file = display_name(path);
            match check(path, source.as_ref()) {
                Ok((report, bytes)) => Checked {
                    excerpts: (style == TextStyle::Excerpts)
                        .then(|| excerpts(Path::new(&file), &bytes, &report, source_file)),
                    file,
                    outcome: Outcome::Checked(report),
                },
                Err(e) => Checked {
                    file,
                    outcome: Outcome::Failed(e),
                    excerpts: None,
                },
            }
        })
        .collect();

    let written = match args.format {
        Format::Text => write_text(&checked, source_name.as_deref()),
        Format::Json => write_json(&checked, source_name.as_deref()),
    };
    match written {
        Err(e) if super::is_broken_pipe(&e) => return Status::BrokenPipe,
        Err(e) => return report::usage_error(&format!("cannot write the report: {e}")),
        Ok(()) => {}
    }
    status(&checked)
}

fn status(checked: &[Checked]) -> Status {
    let failed = checked
        .iter()
        .any(|c| matches!(c.outcome, Outcome::Failed(_)));
    let invalid = checked
        .iter()
        .any(|c| matches!(&c.outcome, Outcome::Checked(report) if !report.is_valid()));
    if failed {
        Status::Failure
    } else if invalid {
        Status::Invalid
    } else {
        Status::Success
    }
}

/// Validates one document; its bytes are kept for showing where its problems lie.
fn check(path: &Path, source: Option<&SourceText>) -> Result<(Report, Vec<u8>), InputError> {
    let bytes = read_limited(path)?;
    if validate::is_akn(&bytes) {
        return Ok((validate::validate_akn(&bytes)?, bytes));
    }
    let report = match detect_named(&bytes, Some(path)).form {
        InputForm::Xml => validate::validate_xml(&bytes, source)?,
        // Anything else is meant to be JSON; a speech text fails as malformed JSON.
        InputForm::Json | InputForm::Text | InputForm::Html => {
            validate::validate_json(&bytes, source)?
        }
    };
    Ok((report, bytes))
}

/// The problems of a document rendered like compiler diagnostics, each under the line it lies
/// on. Positions count from after a byte order mark, as validation does.
fn excerpts(
    file: &Path,
    bytes: &[u8],
    report: &Report,
    source: Option<(&Path, &SourceText)>,
) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // A document that validated is UTF-8; were it not, problems are shown without their line.
    let text = std::str::from_utf8(bytes).unwrap_or_default();
    report
        .problems
        .iter()
        .map(|problem| {
            // A blank line between problems, as compilers print them.
            report::render_validation(file, text, problem, source, MessageFormat::Human) + "\n"
        })
        .collect()
}

fn read_source(path: &Path) -> Result<SourceText, InputError> {
    let bytes = read_limited(path)?;
    // A page's documents index the text extracted from it, as `jianghua text` prints it.
    Ok(SourceText::new(jianghua::convert::source_text(&bytes)?))
}

/// Reads a file or stdin, never more than the limit (a larger input fails without being read whole).
fn read_limited(path: &Path) -> Result<Vec<u8>, InputError> {
    jianghua::batch::read_input(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::FileTooLarge => InputError::TooLarge(e.to_string()),
        _ => InputError::Unreadable(e),
    })
}

fn display_name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    }
}

// ---------------------------------------------------------------------------------------------
// Text: one problem a line, coloured when stdout is a terminal (anstream honours NO_COLOR).

fn write_text(checked: &[Checked], source_name: Option<&str>) -> std::io::Result<()> {
    let mut out = anstream::stdout().lock();
    for Checked {
        file,
        outcome,
        excerpts,
    } in checked
    {
        if let Some(excerpts) = excerpts {
            write!(out, "{excerpts}")?;
            continue;
        }
        match outcome {
            Outcome::Checked(report) => {
                for problem in &report.problems {
                    writeln!(out, "{}", text_line(file, source_name, problem))?;
                }
            }
            Outcome::Failed(e) => {
                let at = place(file, e.position());
                let label = severity_label(Severity::Error, e.code());
                writeln!(out, "{at}: {label}: {}", e.message())?;
            }
        }
    }
    out.flush()?;
    let summary = summary(checked);
    anstream::eprintln!("{summary}");
    Ok(())
}

fn text_line(file: &str, source_name: Option<&str>, problem: &Problem) -> String {
    let label = severity_label(problem.severity, problem.rule.code());
    let source_file = source_name.unwrap_or("source");
    match problem.source {
        // Text that no object covers: the place to look is the source file.
        Some(place) if problem.is_about_source() => {
            let at = self::place(source_file, Some(place.position));
            format!("{at}: {label}: {} (document {file})", problem.message)
        }
        _ => {
            let at = place(file, problem.position);
            let pointer = if problem.pointer.is_empty() {
                "(root)"
            } else {
                &problem.pointer
            };
            let pointer = format!("{POINTER}{pointer}{POINTER:#}");
            let in_source = problem
                .source
                .map(|s| format!(" (at {source_file}:{})", s.position))
                .unwrap_or_default();
            format!("{at}: {label} {pointer}: {}{in_source}", problem.message)
        }
    }
}

const BOLD: Style = Style::new().bold();
const POINTER: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)));

fn place(file: &str, position: Option<Position>) -> String {
    match position {
        Some(p) => format!("{BOLD}{file}:{p}{BOLD:#}"),
        None => format!("{BOLD}{file}{BOLD:#}"),
    }
}

fn severity_label(severity: Severity, code: &str) -> String {
    let colour = match severity {
        Severity::Error => AnsiColor::Red,
        Severity::Warning => AnsiColor::Yellow,
    };
    let style = Style::new().bold().fg_color(Some(colour.into()));
    format!("{style}{severity}[{code}]{style:#}")
}

fn summary(checked: &[Checked]) -> String {
    let (mut valid, mut invalid, mut failed, mut errors, mut warnings) = (0, 0, 0, 0, 0);
    let mut schema_only = 0;
    for c in checked {
        match &c.outcome {
            Outcome::Checked(report) => {
                if report.checks == Checks::Schema {
                    schema_only += 1;
                }
                if report.is_valid() {
                    valid += 1;
                } else {
                    invalid += 1;
                }
                errors += report.errors();
                warnings += report.warnings();
            }
            Outcome::Failed(_) => failed += 1,
        }
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut text = format!(
        "{}: {valid} valid, {invalid} invalid",
        plural(checked.len(), "document")
    );
    if failed > 0 {
        text.push_str(&format!(", {failed} unreadable"));
    }
    text.push_str(&format!(
        " ({}, {})",
        plural(errors, "error"),
        plural(warnings, "warning")
    ));
    if schema_only > 0 {
        text.push_str(&format!(
            "; semantic rules skipped for {} (not readable as a speech)",
            plural(schema_only, "document")
        ));
    }
    text
}

// ---------------------------------------------------------------------------------------------
// JSON: an array with one entry a document.

#[derive(Serialize)]
struct JsonEntry<'a> {
    file: &'a str,
    /// `valid`, `invalid` or `failed` (could not be read as JSON).
    status: &'static str,
    /// Which checks ran: `schema`, `semantic` or `source`; null when the file was not read.
    checks: Option<Checks>,
    errors: usize,
    warnings: usize,
    problems: Vec<JsonProblem<'a>>,
}

#[derive(Serialize)]
struct JsonProblem<'a> {
    severity: Severity,
    /// `schema`, `semantic` or `input`.
    layer: &'static str,
    rule: &'a str,
    pointer: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    source: Option<JsonSourcePlace<'a>>,
    message: String,
}

#[derive(Serialize)]
struct JsonSourcePlace<'a> {
    file: &'a str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
}

fn write_json(checked: &[Checked], source_name: Option<&str>) -> std::io::Result<()> {
    let source_file = source_name.unwrap_or("source");
    let entries: Vec<JsonEntry<'_>> = checked
        .iter()
        .map(|Checked { file, outcome, .. }| match outcome {
            Outcome::Checked(report) => JsonEntry {
                file,
                status: if report.is_valid() {
                    "valid"
                } else {
                    "invalid"
                },
                checks: Some(report.checks),
                errors: report.errors(),
                warnings: report.warnings(),
                problems: report
                    .problems
                    .iter()
                    .map(|p| JsonProblem {
                        severity: p.severity,
                        layer: p.rule.layer(),
                        rule: p.rule.code(),
                        pointer: Some(&p.pointer),
                        line: p.position.map(|at| at.line),
                        column: p.position.map(|at| at.column),
                        source: p.source.map(|s| JsonSourcePlace {
                            file: source_file,
                            start: s.span.start,
                            end: s.span.end,
                            line: s.position.line,
                            column: s.position.column,
                        }),
                        message: p.message.clone(),
                    })
                    .collect(),
            },
            Outcome::Failed(e) => JsonEntry {
                file,
                status: "failed",
                checks: None,
                errors: 1,
                warnings: 0,
                problems: vec![JsonProblem {
                    severity: Severity::Error,
                    layer: "input",
                    rule: e.code(),
                    pointer: None,
                    line: e.position().map(|at| at.line),
                    column: e.position().map(|at| at.column),
                    source: None,
                    message: e.message(),
                }],
            },
        })
        .collect();
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &entries)?;
    writeln!(out)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(relative: &str) -> (PathBuf, Vec<u8>) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
        let bytes = std::fs::read(&path).unwrap_or_default();
        (path, bytes)
    }

    #[test]
    fn excerpts_underline_the_value_in_an_xml_document() {
        let (path, bytes) = fixture("tests/data/xml/ordinal-order.xml");
        let report = validate::validate_xml(&bytes, None).unwrap_or_else(|e| panic!("{e}"));
        let shown =
            anstream::adapter::strip_str(&excerpts(&path, &bytes, &report, None)).to_string();
        assert!(
            shown.starts_with("error[ordinal-order]: section ordinal 1 does not follow"),
            "{shown}"
        );
        assert!(shown.contains("ordinal-order.xml:68:14\n"), "{shown}");
        assert!(
            shown.contains("68 |     <section ordinal=\"1\" start=\"189\" end=\"234\">"),
            "{shown}"
        );
        let underline = shown.lines().find(|l| l.contains('^')).unwrap_or_default();
        assert_eq!(
            underline.trim_start_matches([' ', '|']).trim_end(),
            "^".repeat("ordinal=\"1\"".len())
        );
        assert!(
            shown.contains("help: the value at /sections/1/ordinal"),
            "{shown}"
        );
    }

    #[test]
    fn excerpts_of_uncovered_source_text_show_the_source_line() {
        let (path, bytes) = fixture("tests/data/invalid/source-uncovered.json");
        let (source_path, source_bytes) = fixture("tests/data/valid/speech.txt");
        let source = SourceText::new(String::from_utf8(source_bytes).unwrap_or_default());
        let report =
            validate::validate_json(&bytes, Some(&source)).unwrap_or_else(|e| panic!("{e}"));
        let shown = excerpts(&path, &bytes, &report, Some((&source_path, &source)));
        let shown = anstream::adapter::strip_str(&shown).to_string();
        assert!(shown.contains("error[source-uncovered]"), "{shown}");
        assert!(shown.contains("speech.txt:14:1"), "{shown}");
        assert!(shown.contains("14 | 版权所有"), "{shown}");
    }
}
