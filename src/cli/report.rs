//! Problems printed the way a compiler prints them: the file, line:column, the source line with
//! the span underlined, a code and a hint; or one JSON object a line for machines.
//!
//! Rendering returns strings (so parallel workers can render and the main thread print in
//! order). Human output is styled; print it with `anstream`, which drops the colours when
//! stderr is not a terminal or `NO_COLOR` is set.

use std::ops::Range;
use std::path::Path;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use jianghua::model::{Diagnostic, DiagnosticCode, Severity, Span, Speech};
use jianghua::text::SourceText;

/// How much the tool says on stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Verbosity {
    /// Failures only.
    Quiet,
    /// Failures, warnings, and a summary.
    #[default]
    Normal,
    /// Also notes and each file done.
    Verbose,
}

impl Verbosity {
    /// The least severe diagnostic shown, or `None` when none is.
    pub fn shown_severity(self) -> Option<Severity> {
        match self {
            Verbosity::Quiet => None,
            Verbosity::Normal => Some(Severity::Warning),
            Verbosity::Verbose => Some(Severity::Note),
        }
    }
}

/// How problems are printed: the report form, the same flag (`--message-format`) in every
/// subcommand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum MessageFormat {
    /// Like a compiler: source line, underline, hint.
    #[default]
    #[value(alias = "text")]
    Human,
    /// For machines: one JSON object a line (`validate`: one JSON array).
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::message`), which the
    /// workflow run shows as annotations on the files.
    Github,
}

/// A GitHub Actions workflow command: `::error file=F,line=L,col=C,title=T::message`.
pub struct WorkflowCommand<'a> {
    /// `error`, `warning` or `notice`.
    pub level: &'static str,
    /// The file the annotation is on.
    pub file: &'a Path,
    /// 1-based line and column, when known.
    pub at: Option<(usize, usize)>,
    /// The annotation's title: the code.
    pub title: &'a str,
    /// The message (several lines allowed).
    pub message: &'a str,
}

impl std::fmt::Display for WorkflowCommand<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "::{} file={}",
            self.level,
            property(&self.file.display().to_string())
        )?;
        if let Some((line, column)) = self.at {
            write!(f, ",line={line},col={column}")?;
        }
        writeln!(f, ",title={}::{}", property(self.title), data(self.message))
    }
}

/// A workflow command's message, escaped as the runner reads it.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value, escaped as the runner reads it.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

/// The workflow command level of a severity.
fn github_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Note => "notice",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

/// Where a problem lies in its source.
#[derive(Debug, Clone)]
pub struct Location<'a> {
    /// The whole decoded source text.
    pub text: &'a str,
    /// The byte range of the problem in `text`.
    pub bytes: Range<usize>,
}

/// A problem in one file.
#[derive(Debug, Clone)]
pub struct Problem<'a> {
    /// The file, as given.
    pub file: &'a Path,
    /// How serious.
    pub severity: Severity,
    /// A stable identifier (`ordinal_gap`).
    pub code: &'a str,
    /// What is wrong.
    pub message: &'a str,
    /// What to do about it.
    pub hint: Option<&'a str>,
    /// Where, when the source is at hand.
    pub location: Option<Location<'a>>,
    /// The character span of the contract, when the problem has one.
    pub span: Option<Span>,
}

impl Problem<'_> {
    /// Renders the problem, ending with a newline.
    pub fn render(&self, format: MessageFormat) -> String {
        match format {
            MessageFormat::Human => self.render_human(),
            MessageFormat::Json => self.render_json(),
            MessageFormat::Github => self.render_github(),
        }
    }

    fn render_github(&self) -> String {
        let at = self
            .location
            .as_ref()
            .map(|location| line_column(location.text, location.bytes.start));
        let message = match self.hint {
            Some(hint) => format!("{}\nhelp: {hint}", self.message),
            None => self.message.to_owned(),
        };
        WorkflowCommand {
            level: github_level(self.severity),
            file: self.file,
            at,
            title: self.code,
            message: &message,
        }
        .to_string()
    }

    fn render_human(&self) -> String {
        let level = level(self.severity);
        let file = self.file.display().to_string();
        let title = level.primary_title(self.message).id(self.code);
        let mut group = match &self.location {
            Some(location) => {
                let excerpt = Excerpt::new(location);
                title.element(
                    Snippet::source(excerpt.source)
                        .line_start(excerpt.line)
                        .path(file)
                        .annotation(AnnotationKind::Primary.span(excerpt.underline)),
                )
            }
            None => title.element(Origin::path(file)),
        };
        if let Some(hint) = self.hint {
            group = group.element(Level::HELP.message(hint));
        }
        let report: [Group<'_>; 1] = [group];
        let mut text = Renderer::styled().render(&report);
        text.push('\n');
        text
    }

    fn render_json(&self) -> String {
        let (start, end) = match &self.location {
            Some(location) => (
                Some(line_column(location.text, location.bytes.start)),
                Some(line_column(location.text, location.bytes.end)),
            ),
            None => (None, None),
        };
        let object = serde_json::json!({
            "file": self.file.display().to_string(),
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
            "line": start.map(|(line, _)| line),
            "column": start.map(|(_, column)| column),
            "end_line": end.map(|(line, _)| line),
            "end_column": end.map(|(_, column)| column),
            "span": self.span,
        });
        let mut line = object.to_string();
        line.push('\n');
        line
    }
}

/// The lines a problem is shown on: those its span starts on, at most [`SHOWN_LINES`] of them.
struct Excerpt<'a> {
    source: &'a str,
    line: usize,
    underline: Range<usize>,
}

/// Lines of source shown for a long span; the underline stops at the last of them.
const SHOWN_LINES: usize = 2;

impl<'a> Excerpt<'a> {
    fn new(location: &Location<'a>) -> Self {
        let text = location.text;
        let start = floor_boundary(text, location.bytes.start);
        let end = floor_boundary(text, location.bytes.end.max(start));
        let line_start = text
            .get(..start)
            .and_then(|s| s.rfind('\n'))
            .map_or(0, |i| i + 1);
        let mut line_end = start;
        for _ in 0..SHOWN_LINES {
            line_end = text
                .get(line_end..)
                .and_then(|rest| rest.find('\n'))
                .map_or(text.len(), |i| line_end + i);
            if line_end >= end || line_end == text.len() {
                break;
            }
            line_end += 1;
        }
        let line_end = line_end.min(text.len());
        let line = text.get(..start).map_or(0, |s| s.matches('\n').count()) + 1;
        let source = text.get(line_start..line_end).unwrap_or_default();
        Self {
            source,
            line,
            underline: start - line_start..end.min(line_end) - line_start,
        }
    }
}

/// The greatest character boundary at or before `offset`.
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let at = jianghua::validate::LineIndex::new(text).position(offset);
    (at.line, at.column)
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Note => Level::NOTE,
        Severity::Warning => Level::WARNING,
        Severity::Error => Level::ERROR,
    }
}

/// The code of a diagnostic as reports print it, kebab-case like the validator's rules
/// (`ordinal-gap`; documents keep the schema's `ordinal_gap` in `diagnostics[].code`).
pub fn code_name(code: DiagnosticCode) -> String {
    serde_json::to_value(code)
        .ok()
        .and_then(|value| value.as_str().map(|name| name.replace('_', "-")))
        .unwrap_or_else(|| format!("{code:?}"))
}

/// What to do about a parse diagnostic.
pub fn hint(code: DiagnosticCode) -> Option<&'static str> {
    Some(match code {
        DiagnosticCode::AnnouncedSectionsMismatch => {
            "compare with the original page: a part may have been lost when it was scraped"
        }
        DiagnosticCode::OrdinalGap => {
            "a numbered part may be missing, or a marker was misread; check the numbering"
        }
        DiagnosticCode::Fragment => {
            "the text is incomplete: look for the other pages of the article"
        }
        DiagnosticCode::NoSections => {
            "the body is kept as preamble; numbered headings (一、…) give it structure"
        }
        DiagnosticCode::EncodingDetected => {
            "convert the file to UTF-8 to silence this note (iconv -f GB18030 -t UTF-8)"
        }
        DiagnosticCode::UnusualCharacters => {
            "invisible characters usually come from the web page; they are kept as written"
        }
        DiagnosticCode::NoTitle => "add the title line if the page had one",
        DiagnosticCode::BoilerplateInBody => {
            "web page chrome was found inside the speech; check the scrape"
        }
        DiagnosticCode::UnclearForm => {
            "a document of this tool starts with {\"schema_version\" or <?xml; name it .json or .xml to read it as one"
        }
        DiagnosticCode::UndecodableBytes => {
            "the file is damaged or in another encoding: try --encoding NAME, or fetch it again"
        }
    })
}

/// Renders the diagnostics of `speech` at or above `min` severity, in order.
///
/// `source` is the decoded input the spans point into; without it (a document read back from
/// JSON) problems are shown without their source line.
pub fn render_diagnostics(
    file: &Path,
    speech: &Speech,
    source: Option<&SourceText>,
    min: Severity,
    format: MessageFormat,
) -> String {
    speech
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.severity >= min)
        .map(|diagnostic| render_diagnostic(file, diagnostic, source, format))
        .collect()
}

fn render_diagnostic(
    file: &Path,
    diagnostic: &Diagnostic,
    source: Option<&SourceText>,
    format: MessageFormat,
) -> String {
    let code = code_name(diagnostic.code);
    let location = source.zip(diagnostic.span).and_then(|(source, span)| {
        // A span beyond the text (a document read back with the wrong source) is shown
        // without its location rather than clamped to a wrong one.
        source.slice_chars(span)?;
        Some(Location {
            text: source.as_str(),
            bytes: source.byte_range(span),
        })
    });
    Problem {
        file,
        severity: diagnostic.severity,
        code: &code,
        message: &diagnostic.message,
        hint: hint(diagnostic.code),
        location,
        span: diagnostic.span,
    }
    .render(format)
}

/// A problem found by `validate`, shown like a parse diagnostic: underlined where its value
/// starts in the document `text` (or, for source text no object covers, in the `source`), with
/// its JSON Pointer as the hint.
pub fn render_validation(
    file: &Path,
    text: &str,
    problem: &jianghua::validate::Problem,
    source: Option<(&Path, &SourceText)>,
    format: MessageFormat,
) -> String {
    let severity = match problem.severity {
        jianghua::validate::Severity::Warning => Severity::Warning,
        jianghua::validate::Severity::Error => Severity::Error,
    };
    let pointer = if problem.pointer.is_empty() {
        "(document)"
    } else {
        problem.pointer.as_str()
    };
    let hint = format!("the value at {pointer}");
    let (file, location) = match (problem.source, source) {
        (Some(place), Some((source_file, source))) if problem.is_about_source() => (
            source_file,
            source.slice_chars(place.span).map(|_| Location {
                text: source.as_str(),
                bytes: source.byte_range(place.span),
            }),
        ),
        _ => (
            file,
            problem.position.and_then(|at| {
                let start = byte_offset(text, at.line, at.column)?;
                let line_end = text
                    .get(start..)?
                    .find('\n')
                    .map_or(text.len(), |i| start + i);
                let length = value_length(text.get(start..line_end)?);
                Some(Location {
                    text,
                    bytes: start..start + length,
                })
            }),
        ),
    };
    Problem {
        file,
        severity,
        code: problem.rule.code(),
        message: &problem.message,
        hint: Some(&hint),
        location,
        span: problem.source.map(|place| place.span),
    }
    .render(format)
}

/// The length in bytes of the JSON value that starts `line`, within the line: a string to its
/// closing quote, a scalar to the next delimiter, an object or array to the end of the line.
fn value_length(line: &str) -> usize {
    let end = if line.starts_with('"') {
        let mut escaped = false;
        line.char_indices()
            .skip(1)
            .find(|&(_, c)| {
                let closes = c == '"' && !escaped;
                escaped = c == '\\' && !escaped;
                closes
            })
            .map_or(line.len(), |(i, _)| i + 1)
    } else if line.starts_with(['{', '[']) {
        line.trim_end().trim_end_matches(',').len()
    } else {
        line.find([',', '}', ']', ' ']).unwrap_or(line.len())
    };
    end.max(1).min(line.len())
}

/// The byte offset of a 1-based line and character column.
fn byte_offset(text: &str, line: usize, column: usize) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let rest = text.get(line_start..)?;
    let within = rest
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(rest.len(), |(i, _)| i);
    Some(line_start + within)
}

/// A failure of a whole file (unreadable, undecodable, refused), one line:
/// `error: FILE: reason`, or `error: FILE:LINE:COLUMN: reason` when it lies at a place.
pub fn render_failure(
    file: &Path,
    at: Option<jianghua::validate::Position>,
    reason: &dyn std::fmt::Display,
    format: MessageFormat,
) -> String {
    match format {
        MessageFormat::Human => {
            let style = anstyle::AnsiColor::BrightRed.on_default().bold();
            let at = at.map(|at| format!(":{at}")).unwrap_or_default();
            format!("{style}error{style:#}: {}{at}: {reason}\n", file.display())
        }
        MessageFormat::Json => {
            let mut line = serde_json::json!({
                "file": file.display().to_string(),
                "severity": Severity::Error,
                "code": FILE_FAILED,
                "message": reason.to_string(),
                "line": at.map(|at| at.line),
                "column": at.map(|at| at.column),
            })
            .to_string();
            line.push('\n');
            line
        }
        MessageFormat::Github => WorkflowCommand {
            level: "error",
            file,
            at: at.map(|at| (at.line, at.column)),
            title: FILE_FAILED,
            message: &reason.to_string(),
        }
        .to_string(),
    }
}

/// The code of a whole file's failure.
const FILE_FAILED: &str = "file-failed";

/// A failure of a batch input, placed at its line and column when it has one.
pub fn render_file_error(
    file: &Path,
    error: &jianghua::batch::FileError,
    format: MessageFormat,
) -> String {
    render_failure(file, error.position(), &error.message(), format)
}

/// Reports a usage error (bad arguments, nothing to read, no output folder) on stderr.
pub fn usage_error(error: &dyn std::fmt::Display) -> super::Status {
    let style = anstyle::AnsiColor::BrightRed.on_default().bold();
    anstream::eprintln!("{style}error{style:#}: {error}");
    super::Status::Failure
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(text: &str) -> String {
        anstream::adapter::strip_str(text).to_string()
    }

    #[test]
    fn a_problem_shows_its_line_underlined() {
        let text = "标题\n一、坚持党的领导。\n三、加强监督。\n";
        let start = text.find("三、").unwrap_or(0);
        let problem = Problem {
            file: Path::new("speech.txt"),
            severity: Severity::Warning,
            code: "ordinal_gap",
            message: "section 三 follows section 一",
            hint: Some("check the numbering"),
            location: Some(Location {
                text,
                bytes: start..start + "三、".len(),
            }),
            span: None,
        };
        let human = strip(&problem.render(MessageFormat::Human));
        assert!(
            human.contains("warning[ordinal_gap]: section 三 follows section 一"),
            "{human}"
        );
        assert!(human.contains("speech.txt:3:1"), "{human}");
        assert!(human.contains("3 | 三、加强监督。"), "{human}");
        assert!(human.contains("^^^^"), "{human}");
        assert!(human.contains("help: check the numbering"), "{human}");
        insta::with_settings!({ snapshot_path => "../../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("cli__report_warning_with_source_line", human);
        });

        let json: serde_json::Value =
            serde_json::from_str(&problem.render(MessageFormat::Json)).unwrap_or_default();
        assert_eq!(json["line"], 3);
        assert_eq!(json["column"], 1);
        assert_eq!(json["end_column"], 3);
        assert_eq!(json["code"], "ordinal_gap");

        let github = problem.render(MessageFormat::Github);
        assert_eq!(
            github,
            "::warning file=speech.txt,line=3,col=1,title=ordinal_gap::section 三 follows section 一%0Ahelp: check the numbering\n"
        );
    }

    #[test]
    fn workflow_commands_escape_what_the_runner_reads() {
        let command = WorkflowCommand {
            level: "error",
            file: Path::new("a,b:c.json"),
            at: None,
            title: "x",
            message: "100% wrong\nsecond line",
        };
        assert_eq!(
            command.to_string(),
            "::error file=a%2Cb%3Ac.json,title=x::100%25 wrong%0Asecond line\n"
        );
    }

    #[test]
    fn diagnostic_codes_are_printed_kebab_case() {
        assert_eq!(code_name(DiagnosticCode::OrdinalGap), "ordinal-gap");
        assert_eq!(
            code_name(DiagnosticCode::AnnouncedSectionsMismatch),
            "announced-sections-mismatch"
        );
    }

    #[test]
    fn a_validation_problem_is_underlined_in_the_document() {
        let document = "{\n  \"schema_version\": \"1.0\",\n  \"sections\": [{\"ordinal\": 0}]\n}\n";
        let problem = jianghua::validate::Problem::schema(
            "minimum",
            "/sections/0/ordinal",
            "0 is less than the minimum of 1".to_owned(),
        );
        let problem = jianghua::validate::Problem {
            position: Some(jianghua::validate::Position::new(3, 29)),
            ..problem
        };
        let human = strip(&render_validation(
            Path::new("speech.json"),
            document,
            &problem,
            None,
            MessageFormat::Human,
        ));
        assert!(
            human.contains("error[minimum]: 0 is less than the minimum of 1"),
            "{human}"
        );
        assert!(human.contains("speech.json:3:29"), "{human}");
        assert!(
            human.contains("help: the value at /sections/0/ordinal"),
            "{human}"
        );
        let underline = human.lines().find(|l| l.contains('^')).unwrap_or_default();
        assert_eq!(underline.trim_end().matches('^').count(), 1, "{human}");
    }

    #[test]
    fn values_are_measured_to_their_end() {
        assert_eq!(value_length(r#""a\"b", "c": 1"#), r#""a\"b""#.len());
        assert_eq!(value_length("12}]"), 2);
        assert_eq!(value_length("null"), 4);
        assert_eq!(value_length("[1, 2],"), 6);
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(
            line_column("同志们：\n一、甲", "同志们：\n一、".len()),
            (2, 3)
        );
        assert_eq!(line_column("ab", 99), (1, 3));
    }
}
