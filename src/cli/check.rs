//! `jianghua check`: convert inputs again and compare with stored expected documents, so a
//! corpus's conversions can be pinned in CI and every change shows as a field-level diff.
//!
//! Changes of meaning come first: a change is named by its JSON Pointer and grouped by the
//! part of the document it lies in (meta, outline, directives, doctrines…); the `start`/`end`
//! of spans that moved, as every span after an edit of the input moves, are counted, and shown
//! with `--spans`.

use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::time::Instant;

use jianghua::batch::diff::{self, Change, Part};
use jianghua::batch::{self, Completion, FileError, InputFile, Inputs, OutputTree};
use jianghua::convert::{ConvertError, OutputForm};
use serde_json::Value;

use super::input;
use super::report::{self, usage_error, MessageFormat, Verbosity, WorkflowCommand};
use super::session::Session;
use super::Status;

/// Compare conversions with expected documents stored in a folder (a regression check for CI).
///
/// Each input is converted again and compared, field by field, with its expected JSON
/// document, found at the path convert --out-dir would write it to (corpus/a/x.txt, found in
/// corpus, is expected at DIR/a/x.json). A changed document is shown as its changes of
/// meaning, old → new, each at its JSON Pointer and grouped by part (meta, outline,
/// directives, doctrines, themes, boilerplate, diagnostics); spans that only moved are
/// counted, and listed with --spans. When the inputs are folders or globs, expected documents
/// whose input is gone are reported as orphaned.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  jianghua convert corpus/ --out-dir expected/      # pin today's conversions once
  jianghua check corpus/ --expected expected/       # in CI: exit 1 on any difference
  jianghua check corpus/ --expected expected/ -v    # every change, not the first of each part
  jianghua check corpus/ --expected expected/ --update   # accept the changes
  jianghua check corpus/ --expected expected/ --message-format github   # annotations

Exit status: 0 every document as expected (or updated), 1 some document different, missing,
orphaned or failed, 2 usage error.")]
pub struct Args {
    /// Speech texts, JSON documents, folders and glob patterns.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// The folder of expected documents, mirroring the inputs' paths.
    #[arg(long, value_name = "DIR")]
    expected: PathBuf,
    /// Rewrite the expected documents that differ or are missing (atomically), remove the
    /// orphaned ones, and pass.
    #[arg(long)]
    update: bool,
    /// Count spans that moved (their start and end) as changes, and list them.
    #[arg(long)]
    spans: bool,
    /// Inputs checked in parallel [default: the number of cores].
    #[arg(long, short = 'j', value_name = "N", value_parser = input::parse_jobs)]
    jobs: Option<NonZeroUsize>,
    /// How differences and failures are printed on stderr.
    #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
    message_format: MessageFormat,
    #[command(flatten)]
    read: input::ReadArgs,
    #[command(flatten)]
    filter: super::convert::FilterArgs,
}

/// Changes listed per part of a document before the rest are only counted (`-v`: all).
const SHOWN_PER_PART: usize = 10;

/// How one input compares with its expected document.
enum Verdict {
    /// Identical, or different by moved spans only (without `--spans`).
    Same,
    /// Different; the rendered report of the changes.
    Changed { report: String },
    /// No expected document.
    Missing,
    /// The expected document was rewritten (`count` changes) or created (`None`).
    Updated { count: Option<usize> },
}

/// The tally of a check.
#[derive(Debug, Default)]
struct Tally {
    same: usize,
    changed: usize,
    missing: usize,
    updated: usize,
    failed: usize,
    orphaned: usize,
    removed: usize,
}

pub fn run(args: Args, verbosity: Verbosity) -> Status {
    let inputs = match Inputs::new(&args.inputs).and_then(|inputs| args.filter.apply(inputs)) {
        Ok(inputs) => inputs,
        Err(e) => return usage_error(&e),
    };
    if !args.update && !args.expected.is_dir() {
        return usage_error(&format!(
            "{}: no such folder (create it with --update)",
            args.expected.display()
        ));
    }
    let options = match args.read.parse_options() {
        Ok(options) => options,
        Err(message) => return usage_error(&message),
    };
    let tree = match OutputTree::create(&args.expected) {
        Ok(tree) => tree,
        Err(e) => {
            let message = format!("cannot create {}: {e}", args.expected.display());
            return usage_error(&message);
        }
    };
    let inputs = inputs.exclude(tree.root());
    let session = match Session::start(&inputs, args.jobs, verbosity, args.message_format, false) {
        Ok(session) => session,
        Err(e) => return usage_error(&e),
    };
    let checker = Checker {
        update: args.update,
        spans: args.spans,
        verbose: verbosity >= Verbosity::Verbose,
        message_format: args.message_format,
        options,
        allow_empty: args.read.allow_empty,
    };
    let started = Instant::now();
    let mut tally = Tally::default();
    let mut claimed: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
    let completion = batch::for_each_ordered(
        inputs.files(),
        session.pool(),
        session.window(),
        session.stop_flag(),
        |file| match file {
            Ok(file) => {
                let expected = tree.path(&file.relative, OutputForm::Json);
                let verdict = checker.check(&file, &expected);
                (file.path, expected, verdict)
            }
            Err(e) => (e.path.clone(), PathBuf::new(), Err(FileError::from(e))),
        },
        |(file, expected, verdict)| {
            claimed.insert(expected.clone());
            match verdict {
                Ok(Verdict::Same) => tally.same += 1,
                Ok(Verdict::Changed { report }) => {
                    tally.changed += 1;
                    session.print(&report);
                }
                Ok(Verdict::Missing) => {
                    tally.missing += 1;
                    session.print(&checker.status_line(&file, "missing", &expected, None));
                }
                Ok(Verdict::Updated { count }) => {
                    tally.updated += 1;
                    if verbosity >= Verbosity::Normal {
                        let what = if count.is_some() {
                            "updated"
                        } else {
                            "created"
                        };
                        session.print(&checker.status_line(&file, what, &expected, count));
                    }
                }
                Err(error) => {
                    tally.failed += 1;
                    session.print(&report::render_file_error(
                        &file,
                        &error,
                        args.message_format,
                    ));
                }
            }
            session.advance();
        },
    );
    let interrupted = completion == Completion::Stopped;
    // Orphans are told only after a whole run over folders and globs, which the expected
    // folder mirrors; a run over single files maps to a few of its documents only.
    if !interrupted && inputs.walks_only() {
        for orphan in orphans(tree.root(), &claimed, &inputs) {
            if args.update {
                match std::fs::remove_file(&orphan) {
                    Ok(()) => {
                        tally.removed += 1;
                        session.print(&checker.orphan_line(&orphan, "removed"));
                    }
                    Err(e) => {
                        tally.failed += 1;
                        let reason = format!("cannot remove this orphaned expected document: {e}");
                        session.print(&report::render_failure(
                            &orphan,
                            None,
                            &reason,
                            args.message_format,
                        ));
                    }
                }
            } else {
                tally.orphaned += 1;
                session.print(&checker.orphan_line(&orphan, "orphaned"));
            }
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let total = tally.same + tally.changed + tally.missing + tally.updated + tally.failed;
    let skipped = inputs.skipped();
    let skipped_note = match skipped.files {
        0 => String::new(),
        _ => format!("; skipped: {skipped}"),
    };
    let orphaned_note = match (tally.orphaned, tally.removed) {
        (0, 0) => String::new(),
        (0, removed) => format!(", {removed} orphaned removed"),
        (orphaned, _) => format!(", {orphaned} orphaned"),
    };
    session.finish_with(
        &format!(
            "{}: {} as expected, {} changed, {} missing, {} updated, {} failed{orphaned_note}; {seconds:.2} s{skipped_note}",
            plural(total, "file"),
            tally.same, tally.changed, tally.missing, tally.updated, tally.failed
        ),
        serde_json::json!({
            "files": total,
            "same": tally.same,
            "changed": tally.changed,
            "missing": tally.missing,
            "updated": tally.updated,
            "failed": tally.failed,
            "orphaned": tally.orphaned,
            "removed": tally.removed,
            "seconds": seconds,
            "interrupted": interrupted,
            "skipped": skipped.files,
            "skipped_extensions": skipped.extensions,
        }),
        "summary:",
        interrupted,
    );
    let different = tally.changed + tally.missing + tally.failed + tally.orphaned;
    if interrupted || different > 0 {
        Status::Invalid
    } else {
        Status::Success
    }
}

/// `1 file`, `2 files`.
fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The JSON documents of the expected folder that no input of the run maps to and whose input
/// is gone (no file of the inputs' folders at their path, whatever its extension).
fn orphans(
    root: &Path,
    claimed: &std::collections::HashSet<PathBuf>,
    inputs: &Inputs,
) -> Vec<PathBuf> {
    walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0 || !entry.file_name().as_encoded_bytes().starts_with(b".")
        })
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "json")
        })
        .filter(|path| !claimed.contains(path))
        .filter(|path| {
            path.strip_prefix(root)
                .is_ok_and(|relative| !inputs.has_file_like(relative))
        })
        .collect()
}

struct Checker {
    update: bool,
    spans: bool,
    verbose: bool,
    message_format: MessageFormat,
    options: jianghua::ParseOptions,
    allow_empty: bool,
}

/// The changes of one document, as shown.
struct Changes<'a> {
    /// The changes that count, in document order.
    shown: Vec<Change<'a>>,
    /// Spans that moved and are not listed (without `--spans`).
    span_shifts: usize,
    /// Whether anything differs at all (a span shift too), for `--update`.
    any: bool,
}

impl Checker {
    /// Converts one input and compares it with its expected document (on a worker thread).
    fn check(&self, file: &InputFile, expected_path: &Path) -> Result<Verdict, FileError> {
        let bytes = batch::read_input(&file.path).map_err(FileError::Read)?;
        if !self.allow_empty && jianghua::convert::is_empty_input(&bytes) {
            return Err(ConvertError::Empty.into());
        }
        let document = jianghua::convert::read_named(&bytes, Some(&file.path), &self.options)?;
        let actual = serde_json::to_value(&document.speech)
            .map_err(|e| ConvertError::Write(e.to_string()))?;
        let expected = match std::fs::read(expected_path) {
            Ok(bytes) => match serde_json::from_slice::<Value>(&bytes) {
                Ok(expected) => Some(expected),
                // With --update, an expected document that is not JSON is replaced.
                Err(_) if self.update => None,
                Err(source) => {
                    return Err(FileError::ExpectedNotJson {
                        path: expected_path.to_path_buf(),
                        source,
                    })
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(source) => {
                return Err(FileError::ExpectedUnreadable {
                    path: expected_path.to_path_buf(),
                    source,
                })
            }
        };
        let Some(expected) = &expected else {
            if !self.update {
                return Ok(Verdict::Missing);
            }
            let target = (OutputForm::Json, expected_path.to_path_buf());
            batch::write_outputs(&document.speech, &[target])?;
            return Ok(Verdict::Updated { count: None });
        };
        let changes = self.sort(diff::diff(expected, &actual));
        if self.update {
            if !changes.any {
                return Ok(Verdict::Same);
            }
            let target = (OutputForm::Json, expected_path.to_path_buf());
            batch::write_outputs(&document.speech, &[target])?;
            return Ok(Verdict::Updated {
                count: Some(changes.shown.len() + changes.span_shifts),
            });
        }
        if changes.shown.is_empty() {
            return Ok(Verdict::Same);
        }
        Ok(Verdict::Changed {
            report: self.changes_report(&file.path, expected_path, &changes),
        })
    }

    /// The changes that count, and the span shifts set apart unless `--spans`.
    fn sort<'a>(&self, all: Vec<Change<'a>>) -> Changes<'a> {
        let mut changes = Changes {
            shown: Vec::new(),
            span_shifts: 0,
            any: false,
        };
        for change in all {
            // A digest added to a document made before digests were recorded is no change.
            if change.is_digest_recorded() {
                continue;
            }
            changes.any = true;
            if change.is_span_shift() && !self.spans {
                changes.span_shifts += 1;
            } else {
                changes.shown.push(change);
            }
        }
        changes
    }

    fn changes_report(&self, file: &Path, expected: &Path, changes: &Changes<'_>) -> String {
        let mut parts: Vec<(Part, Vec<&Change<'_>>)> = Vec::new();
        for change in &changes.shown {
            let part = change.part();
            match parts.iter_mut().find(|(p, _)| *p == part) {
                Some((_, list)) => list.push(change),
                None => parts.push((part, vec![change])),
            }
        }
        parts.sort_by_key(|(part, _)| *part);
        let count = changes.shown.len();
        match self.message_format {
            MessageFormat::Human => {
                let mut report = self.status_line(file, "changed", expected, Some(count));
                if changes.span_shifts > 0 {
                    report.truncate(report.trim_end().len());
                    report.push_str(&format!(
                        " (and {} of spans that moved; --spans lists them)\n",
                        plural(changes.span_shifts, "offset")
                    ));
                }
                for (part, list) in &parts {
                    report.push_str(&format!("  {}:\n", part.as_str()));
                    let shown = if self.verbose {
                        list.len()
                    } else {
                        SHOWN_PER_PART
                    };
                    for change in list.iter().take(shown) {
                        report.push_str(&format!("    {change}\n"));
                    }
                    if list.len() > shown {
                        report.push_str(&format!(
                            "    … and {} more (-v shows all)\n",
                            list.len() - shown
                        ));
                    }
                }
                report
            }
            MessageFormat::Json => {
                let listed: Vec<Value> = changes.shown.iter().map(change_json).collect();
                let mut line = serde_json::json!({
                    "file": file.display().to_string(),
                    "expected": expected.display().to_string(),
                    "status": "changed",
                    "changes": listed,
                    "span_shifts": changes.span_shifts,
                })
                .to_string();
                line.push('\n');
                line
            }
            MessageFormat::Github => {
                let mut message =
                    format!("{} from {}", plural(count, "change"), expected.display());
                for (part, list) in &parts {
                    message.push_str(&format!("\n{}:", part.as_str()));
                    let shown = if self.verbose {
                        list.len()
                    } else {
                        SHOWN_PER_PART
                    };
                    for change in list.iter().take(shown) {
                        message.push_str(&format!("\n  {change}"));
                    }
                    if list.len() > shown {
                        message.push_str(&format!("\n  … and {} more", list.len() - shown));
                    }
                }
                WorkflowCommand {
                    level: "error",
                    file,
                    at: None,
                    title: "changed",
                    message: &message,
                }
                .to_string()
            }
        }
    }

    /// `changed: INPUT (expected EXPECTED): N changes`, or its JSON or GitHub form.
    fn status_line(
        &self,
        file: &Path,
        status: &str,
        expected: &Path,
        count: Option<usize>,
    ) -> String {
        let counted = match count {
            Some(n) => format!(": {}", plural(n, "change")),
            None => String::new(),
        };
        match self.message_format {
            MessageFormat::Human => {
                let style = match status {
                    "changed" | "missing" => anstyle::AnsiColor::BrightRed.on_default().bold(),
                    _ => anstyle::AnsiColor::BrightGreen.on_default().bold(),
                };
                format!(
                    "{style}{status}{style:#}: {} (expected {}){counted}\n",
                    file.display(),
                    expected.display()
                )
            }
            MessageFormat::Json => {
                let mut line = serde_json::json!({
                    "file": file.display().to_string(),
                    "expected": expected.display().to_string(),
                    "status": status,
                    "changes": count,
                })
                .to_string();
                line.push('\n');
                line
            }
            MessageFormat::Github => {
                let level = if status == "missing" {
                    "error"
                } else {
                    "notice"
                };
                let message = format!("{status}: expected {}{counted}", expected.display());
                WorkflowCommand {
                    level,
                    file,
                    at: None,
                    title: status,
                    message: &message,
                }
                .to_string()
            }
        }
    }

    /// `orphaned: EXPECTED (its input is gone)`, or `removed` with `--update`.
    fn orphan_line(&self, expected: &Path, status: &str) -> String {
        let why = "no input maps to it: its input was deleted or moved";
        match self.message_format {
            MessageFormat::Human => {
                let style = match status {
                    "orphaned" => anstyle::AnsiColor::BrightRed.on_default().bold(),
                    _ => anstyle::AnsiColor::BrightGreen.on_default().bold(),
                };
                format!("{style}{status}{style:#}: {} ({why})\n", expected.display())
            }
            MessageFormat::Json => {
                let mut line = serde_json::json!({
                    "file": null,
                    "expected": expected.display().to_string(),
                    "status": status,
                    "changes": null,
                })
                .to_string();
                line.push('\n');
                line
            }
            MessageFormat::Github => WorkflowCommand {
                level: if status == "orphaned" {
                    "error"
                } else {
                    "notice"
                },
                file: expected,
                at: None,
                title: status,
                message: why,
            }
            .to_string(),
        }
    }
}

/// One change for `--message-format json`: its pointer, part, kind and values.
fn change_json(change: &Change<'_>) -> Value {
    let (old, new) = match change {
        Change::Changed { old, new, .. } => (Some(*old), Some(*new)),
        Change::Added { new, .. } => (None, Some(*new)),
        Change::Removed { old, .. } => (Some(*old), None),
    };
    serde_json::json!({
        "pointer": change.path().pointer(),
        "part": change.part(),
        "kind": change.kind(),
        "old": old,
        "new": new,
    })
}
