//! `jianghua validate`: check documents against the schema and the semantic rules.

use std::io::{IsTerminal, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use anstyle::{AnsiColor, Style};
use jianghua::batch::{self, Completion, InputFile, Inputs};
use jianghua::convert::{detect_named, InputForm};
use jianghua::validate::{
    self, Checks, DocumentError, Position, Problem, Report, Severity, SourceFile,
};
use jianghua::xml::ReadError;
use serde::Serialize;

use super::input;
use super::report::{self, MessageFormat, Verbosity, WorkflowCommand};
use super::session::Session;
use super::Status;

/// Validate JSON and XML documents against the JSON Schema and the semantic rules.
///
/// Inputs are documents, folders (walked for *.json and *.xml) and glob patterns (quoted),
/// checked in parallel and reported in order. A document starting with `<` is read as the XML
/// form (schema/speech.xsd), any other as JSON; an Akoma Ntoso document (the `akn` output of
/// `convert`) is checked against the Akoma Ntoso rules the validator knows, and the report says
/// that the complete OASIS schema is xmllint's job. Every problem is reported with the JSON
/// Pointer of the value concerned and its line:column in the file.
///
/// With --source, every document is compared with that one text; with --source-dir, each with
/// its own: corpus/a/x.json, found in corpus, with DIR/a/x.txt (or .text, .html, .htm,
/// .shtml). A document that records its input's size and SHA-256 (meta.input_digest) is told
/// `source-mismatch` when the source given is another file.
///
/// Exit status: 0 every document valid (warnings allowed), 1 some document invalid, 2 usage
/// error or a document (or source) that cannot be read.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  jianghua validate speech.json
  jianghua validate out/ --jobs 2                       # a folder of documents
  jianghua validate 'out/**/*.json' --source-dir corpus/  # out/a/x.json against corpus/a/x.txt
  jianghua validate speech.xml --source speech.txt
  jianghua validate out/ --message-format github        # annotations in a GitHub workflow
  jianghua parse speech.txt | jianghua validate - --source speech.txt --message-format json")]
pub struct Args {
    /// Documents, folders and glob patterns; `-` reads stdin.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// The text every document was made from (any form the parser reads): enables the checks
    /// that every `text` is the source at its `span` and that no source text is left out.
    #[arg(long, value_name = "FILE", conflicts_with = "source_dir")]
    source: Option<PathBuf>,
    /// A folder of sources mirroring the documents' paths: x.json is compared with the text of
    /// the same path and name, of any extension the parser reads (.txt, .text, .html, .htm, .shtml).
    #[arg(long, value_name = "DIR")]
    source_dir: Option<PathBuf>,
    /// Documents checked in parallel [default: the number of cores].
    #[arg(long, short = 'j', value_name = "N", value_parser = input::parse_jobs)]
    jobs: Option<NonZeroUsize>,
    /// Report format: `human` (one problem a line; on a terminal, under the line it lies on),
    /// `json` (an array, one entry a document), `github` (workflow commands).
    #[arg(long, alias = "format", value_enum, default_value_t = MessageFormat::Human)]
    message_format: MessageFormat,
    #[command(flatten)]
    filter: super::convert::FilterArgs,
}

/// The extensions a source of `--source-dir` may have, in the order they are looked for.
const SOURCE_EXTENSIONS: [&str; 5] = ["txt", "text", "html", "htm", "shtml"];

/// What the documents are compared with.
enum Sources {
    /// Nothing: the schema and the semantic rules only.
    None,
    /// One source for every document (`--source`).
    One { name: String, file: SourceFile },
    /// Each document's own, in a mirroring folder (`--source-dir`).
    Mirrored(PathBuf),
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
    #[error("no source for it in {folder}: looked for {looked}")]
    SourceMissing { folder: String, looked: String },
}

impl InputError {
    /// A stable code for reports, like the rules' codes.
    fn code(&self) -> &'static str {
        match self {
            InputError::Unreadable(_) => "unreadable",
            InputError::Document(e) => e.code(),
            InputError::TooLarge(_) => "too-large",
            InputError::Undecodable(_) => "undecodable",
            InputError::SourceMissing { .. } => "source-missing",
            InputError::Xml(e) => e.kind.code(),
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
    /// The name of the source it was compared with, if any.
    source: Option<String>,
    outcome: Outcome,
    /// The problems rendered under the lines they lie on, for a terminal.
    excerpts: Option<String>,
}

/// How a human report shows problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TextStyle {
    /// One line a problem, for pipes, files and tools.
    Lines,
    /// Like a compiler, for a reader at a terminal: the line of the document (or the source
    /// text) with the value underlined, the rule's code and the JSON Pointer.
    Excerpts,
}

/// The counts of the summary.
#[derive(Debug, Default)]
struct Tally {
    documents: usize,
    valid: usize,
    invalid: usize,
    failed: usize,
    errors: usize,
    warnings: usize,
    schema_only: usize,
}

impl Tally {
    fn add(&mut self, checked: &Checked) {
        self.documents += 1;
        match &checked.outcome {
            Outcome::Checked(report) => {
                if report.checks == Checks::Schema {
                    self.schema_only += 1;
                }
                if report.is_valid() {
                    self.valid += 1;
                } else {
                    self.invalid += 1;
                }
                self.errors += report.errors();
                self.warnings += report.warnings();
            }
            Outcome::Failed(_) => self.failed += 1,
        }
    }

    fn status(&self, interrupted: bool) -> Status {
        if self.failed > 0 {
            Status::Failure
        } else if self.invalid > 0 || interrupted {
            Status::Invalid
        } else {
            Status::Success
        }
    }
}

pub fn run(args: Args, verbosity: Verbosity) -> Status {
    let inputs = match Inputs::new(&args.inputs).and_then(|inputs| args.filter.apply(inputs)) {
        Ok(inputs) => inputs.documents_only(),
        Err(e) => return report::usage_error(&e),
    };
    let reads_stdin = |p: &Path| p.as_os_str() == "-";
    if args.inputs.iter().filter(|p| reads_stdin(p)).count()
        + args.source.iter().filter(|p| reads_stdin(p)).count()
        > 1
    {
        return report::usage_error(&"stdin (`-`) can be read only once");
    }
    if inputs.reads_stdin() && input::is_waiting_on_a_terminal(Path::new("-")) {
        return report::usage_error(&input::terminal_hint("validate"));
    }
    let sources = match (&args.source, &args.source_dir) {
        (Some(path), _) => match read_source(path) {
            Ok(file) => Sources::One {
                name: display_name(path),
                file,
            },
            Err(e) => return report::usage_error(&format!("{}: {e}", display_name(path))),
        },
        (None, Some(dir)) if !dir.is_dir() => {
            return report::usage_error(&format!("{}: no such folder", dir.display()));
        }
        (None, Some(dir)) => Sources::Mirrored(dir.clone()),
        (None, None) => Sources::None,
    };
    let style = if args.message_format == MessageFormat::Human && std::io::stdout().is_terminal() {
        TextStyle::Excerpts
    } else {
        TextStyle::Lines
    };
    let session = match Session::start(
        &inputs,
        args.jobs,
        verbosity,
        args.message_format,
        inputs.is_single_file(),
    ) {
        Ok(session) => session,
        Err(e) => return report::usage_error(&e),
    };
    let validator = Validator {
        sources,
        style,
        format: args.message_format,
        quiet: verbosity == Verbosity::Quiet,
    };
    let mut tally = Tally::default();
    let mut entries: Vec<serde_json::Value> = Vec::new();
    let mut written = Ok(());
    let mut out = anstream::stdout().lock();
    // Documents are independent: checked in parallel, reported in the order given.
    let completion = batch::for_each_ordered(
        inputs.files(),
        session.pool(),
        session.window(),
        session.stop_flag(),
        |file| match file {
            Ok(file) => validator.check(&file),
            Err(e) => Checked {
                file: e.path.display().to_string(),
                source: None,
                outcome: Outcome::Failed(InputError::Unreadable(std::io::Error::other(
                    e.source.to_string(),
                ))),
                excerpts: None,
            },
        },
        |checked| {
            tally.add(&checked);
            if written.is_ok() {
                written = match validator.format {
                    MessageFormat::Json => {
                        entries.push(json_entry(&checked));
                        Ok(())
                    }
                    _ => session.suspend(|| validator.write(&mut out, &checked)),
                };
                if written.is_err() {
                    session.stop();
                }
            }
            session.advance();
        },
    );
    if validator.format == MessageFormat::Json && written.is_ok() {
        written = write_json(&mut out, &entries);
    }
    let written = written.and_then(|()| out.flush());
    match written {
        Err(e) if super::is_broken_pipe(&e) => {
            session.finish_quietly();
            return Status::BrokenPipe;
        }
        Err(e) => return report::usage_error(&format!("cannot write the report: {e}")),
        Ok(()) => {}
    }
    let interrupted = completion == Completion::Stopped;
    session.finish_quietly();
    if verbosity > Verbosity::Quiet && validator.format != MessageFormat::Json {
        anstream::eprintln!("{}", summary(&tally));
        if interrupted {
            eprintln!("interrupted: the documents after those reported were not checked");
        }
    }
    tally.status(interrupted)
}

/// Checks documents, each against its source.
struct Validator {
    sources: Sources,
    style: TextStyle,
    format: MessageFormat,
    /// `-q`: errors only, no warnings.
    quiet: bool,
}

impl Validator {
    /// Validates one document (on a worker thread).
    fn check(&self, file: &InputFile) -> Checked {
        let name = display_name(&file.path);
        let mirrored;
        let (source_name, source) = match &self.sources {
            Sources::None => (None, None),
            Sources::One { name, file } => (Some(name.clone()), Some(file)),
            Sources::Mirrored(dir) => match mirrored_source(dir, &file.relative) {
                Ok((path, source)) => {
                    mirrored = source;
                    (Some(path.display().to_string()), Some(&mirrored))
                }
                Err(e) => {
                    return Checked {
                        file: name,
                        source: None,
                        outcome: Outcome::Failed(e),
                        excerpts: None,
                    }
                }
            },
        };
        match check(&file.path, source) {
            Ok((report, bytes)) => Checked {
                excerpts: (self.style == TextStyle::Excerpts).then(|| {
                    let shown = self.shown(&report);
                    let source_file = source_name.as_deref().map(Path::new).zip(source);
                    excerpts(Path::new(&name), &bytes, &shown, source_file)
                }),
                file: name,
                source: source_name,
                outcome: Outcome::Checked(report),
            },
            Err(e) => Checked {
                file: name,
                source: source_name,
                outcome: Outcome::Failed(e),
                excerpts: None,
            },
        }
    }

    /// The problems a report shows: all, or the errors only with `-q`.
    fn shown(&self, report: &Report) -> Report {
        let problems = report
            .problems
            .iter()
            .filter(|p| !self.quiet || p.severity == Severity::Error)
            .cloned()
            .collect();
        Report::new(problems, report.checks)
    }

    /// Writes one document's problems in the human or GitHub form.
    fn write(&self, out: &mut impl Write, checked: &Checked) -> std::io::Result<()> {
        if let Some(excerpts) = &checked.excerpts {
            return write!(out, "{excerpts}");
        }
        let file = &checked.file;
        match &checked.outcome {
            Outcome::Checked(report) => {
                for problem in &self.shown(report).problems {
                    let line = match self.format {
                        MessageFormat::Github => {
                            github_line(file, checked.source.as_deref(), problem)
                        }
                        _ => text_line(file, checked.source.as_deref(), problem) + "\n",
                    };
                    write!(out, "{line}")?;
                }
            }
            Outcome::Failed(e) => match self.format {
                MessageFormat::Github => write!(
                    out,
                    "{}",
                    WorkflowCommand {
                        level: "error",
                        file: Path::new(file),
                        at: e.position().map(|at| (at.line, at.column)),
                        title: e.code(),
                        message: &e.message(),
                    }
                )?,
                _ => {
                    let at = place(file, e.position());
                    let label = severity_label(Severity::Error, e.code());
                    writeln!(out, "{at}: {label}: {}", e.message())?;
                }
            },
        }
        Ok(())
    }
}

/// The source of a document found at `relative` in the folder `dir`: the first file at its
/// path with one of [`SOURCE_EXTENSIONS`].
fn mirrored_source(dir: &Path, relative: &Path) -> Result<(PathBuf, SourceFile), InputError> {
    let candidates: Vec<PathBuf> = SOURCE_EXTENSIONS
        .iter()
        .map(|extension| dir.join(relative.with_extension(extension)))
        .collect();
    let Some(found) = candidates.iter().find(|path| path.is_file()) else {
        let looked: Vec<String> = SOURCE_EXTENSIONS
            .iter()
            .map(|extension| relative.with_extension(extension).display().to_string())
            .collect();
        return Err(InputError::SourceMissing {
            folder: dir.display().to_string(),
            looked: looked.join(", "),
        });
    };
    let source = read_source(found)?;
    Ok((found.clone(), source))
}

/// Validates one document; its bytes are kept for showing where its problems lie.
fn check(path: &Path, source: Option<&SourceFile>) -> Result<(Report, Vec<u8>), InputError> {
    let bytes = read_limited(path)?;
    if validate::is_akn(&bytes) {
        return Ok((validate::validate_akn(&bytes)?, bytes));
    }
    let xml = detect_named(&bytes, Some(path)).form == InputForm::Xml;
    // Anything but XML is meant to be JSON; a speech text fails as malformed JSON.
    let report = match (xml, source) {
        (true, Some(source)) => validate::validate_xml_against(&bytes, source)?,
        (true, None) => validate::validate_xml(&bytes, None)?,
        (false, Some(source)) => validate::validate_json_against(&bytes, source)?,
        (false, None) => validate::validate_json(&bytes, None)?,
    };
    Ok((report, bytes))
}

/// The problems of a document rendered like compiler diagnostics, each under the line it lies
/// on. Positions count from after a byte order mark, as validation does.
fn excerpts(
    file: &Path,
    bytes: &[u8],
    report: &Report,
    source: Option<(&Path, &SourceFile)>,
) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // A document that validated is UTF-8; were it not, problems are shown without their line.
    let text = std::str::from_utf8(bytes).unwrap_or_default();
    let source = source.map(|(path, file)| (path, &file.text));
    report
        .problems
        .iter()
        .map(|problem| {
            // A blank line between problems, as compilers print them.
            report::render_validation(file, text, problem, source, MessageFormat::Human) + "\n"
        })
        .collect()
}

fn read_source(path: &Path) -> Result<SourceFile, InputError> {
    let bytes = read_limited(path)?;
    // A page's documents index the text extracted from it, as `jianghua text` prints it.
    Ok(SourceFile::read(&bytes)?)
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

/// `file:line:col: severity[code] /pointer: message`.
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

/// A problem as a GitHub workflow command, on the document (or, for uncovered text, the
/// source) at its line and column.
fn github_line(file: &str, source_name: Option<&str>, problem: &Problem) -> String {
    let source_file = source_name.unwrap_or("source");
    let (on, at) = match problem.source {
        Some(place) if problem.is_about_source() => (source_file, Some(place.position)),
        _ => (file, problem.position),
    };
    let pointer = if problem.pointer.is_empty() {
        "(root)"
    } else {
        &problem.pointer
    };
    let message = format!("{pointer}: {}", problem.message);
    let level = match problem.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    WorkflowCommand {
        level,
        file: Path::new(on),
        at: at.map(|at| (at.line, at.column)),
        title: problem.rule.code(),
        message: &message,
    }
    .to_string()
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

/// `3 documents: 2 valid, 1 invalid (1 error, 0 warnings)`.
fn summary(tally: &Tally) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut text = format!(
        "{}: {} valid, {} invalid",
        plural(tally.documents, "document"),
        tally.valid,
        tally.invalid
    );
    if tally.failed > 0 {
        text.push_str(&format!(", {} unreadable", tally.failed));
    }
    text.push_str(&format!(
        " ({}, {})",
        plural(tally.errors, "error"),
        plural(tally.warnings, "warning")
    ));
    if tally.schema_only > 0 {
        text.push_str(&format!(
            "; semantic rules skipped for {} (not readable as a speech)",
            plural(tally.schema_only, "document")
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

/// One document's entry of the JSON report.
fn json_entry(checked: &Checked) -> serde_json::Value {
    let Checked {
        file,
        source,
        outcome,
        ..
    } = checked;
    let source_file = source.as_deref().unwrap_or("source");
    let entry = match outcome {
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
    };
    serde_json::to_value(entry).unwrap_or_default()
}

fn write_json(out: &mut impl Write, entries: &[serde_json::Value]) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, entries)?;
    writeln!(out)
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
        let source = SourceFile::read(&source_bytes).unwrap_or_else(|e| panic!("{e}"));
        let report =
            validate::validate_json(&bytes, Some(&source.text)).unwrap_or_else(|e| panic!("{e}"));
        let shown = excerpts(&path, &bytes, &report, Some((&source_path, &source)));
        let shown = anstream::adapter::strip_str(&shown).to_string();
        assert!(shown.contains("error[source-uncovered]"), "{shown}");
        assert!(shown.contains("speech.txt:14:1"), "{shown}");
        assert!(shown.contains("14 | 版权所有"), "{shown}");
    }
}
