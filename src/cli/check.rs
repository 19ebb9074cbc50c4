//! `jianghua check`: convert inputs again and compare with stored expected documents, so a
//! corpus's conversions can be pinned in CI and every change shows as a field-level diff.

use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::time::Instant;

use jianghua::batch::diff::{self, Change};
use jianghua::batch::{self, Completion, FileError, InputFile, Inputs, OutputTree};
use jianghua::convert::{ConvertError, OutputForm};
use serde_json::Value;

use super::report::{self, usage_error, MessageFormat, Verbosity};
use super::session::Session;
use super::Status;

/// Compare conversions with expected documents stored in a folder (a regression check for CI).
///
/// Each input is converted again and compared, field by field, with its expected JSON
/// document, found at the path convert --out-dir would write it to (corpus/a/x.txt, found in
/// corpus, is expected at DIR/a/x.json). Every changed document is shown as a list of
/// field-level changes, old → new.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  jianghua convert corpus/ --out-dir expected/      # pin today's conversions once
  jianghua check corpus/ --expected expected/       # in CI: exit 1 on any difference
  jianghua check corpus/ --expected expected/ --update   # accept the changes

Exit status: 0 every document as expected (or updated), 1 some document different, missing
or failed, 2 usage error.")]
pub struct Args {
    /// Speech texts, JSON documents, folders and glob patterns.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// The folder of expected documents, mirroring the inputs' paths.
    #[arg(long, value_name = "DIR")]
    expected: PathBuf,
    /// Rewrite the expected documents that differ or are missing (atomically), and pass.
    #[arg(long)]
    update: bool,
    /// Inputs checked in parallel [default: the number of cores].
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<NonZeroUsize>,
    /// How differences and failures are printed on stderr.
    #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
    message_format: MessageFormat,
    #[command(flatten)]
    read: super::input::ReadArgs,
    #[command(flatten)]
    filter: super::convert::FilterArgs,
}

/// Changes listed per document before the rest are only counted.
const SHOWN_CHANGES: usize = 20;

/// How one input compares with its expected document.
enum Verdict {
    /// Identical.
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
        message_format: args.message_format,
        options: args.read.parse_options(),
        allow_empty: args.read.allow_empty,
    };
    let started = Instant::now();
    let mut tally = Tally::default();
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
    let seconds = started.elapsed().as_secs_f64();
    let total = tally.same + tally.changed + tally.missing + tally.updated + tally.failed;
    let skipped = inputs.skipped();
    let skipped_note = match skipped.files {
        0 => String::new(),
        _ => format!("; skipped: {skipped}"),
    };
    session.finish_with(
        &format!(
            "{total} files: {} as expected, {} changed, {} missing, {} updated, {} failed; {seconds:.2} s{skipped_note}",
            tally.same, tally.changed, tally.missing, tally.updated, tally.failed
        ),
        serde_json::json!({
            "files": total,
            "same": tally.same,
            "changed": tally.changed,
            "missing": tally.missing,
            "updated": tally.updated,
            "failed": tally.failed,
            "seconds": seconds,
            "interrupted": interrupted,
            "skipped": skipped.files,
            "skipped_extensions": skipped.extensions,
        }),
        "summary:",
        interrupted,
    );
    if interrupted || tally.changed > 0 || tally.missing > 0 || tally.failed > 0 {
        Status::Invalid
    } else {
        Status::Success
    }
}

struct Checker {
    update: bool,
    message_format: MessageFormat,
    options: jianghua::ParseOptions,
    allow_empty: bool,
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
        let changes = match &expected {
            Some(expected) => diff::diff(expected, &actual),
            None if self.update => Vec::new(),
            None => return Ok(Verdict::Missing),
        };
        if expected.is_some() && changes.is_empty() {
            return Ok(Verdict::Same);
        }
        if self.update {
            let target = (OutputForm::Json, expected_path.to_path_buf());
            batch::write_outputs(&document.speech, &[target])?;
            return Ok(Verdict::Updated {
                count: expected.is_some().then_some(changes.len()),
            });
        }
        Ok(Verdict::Changed {
            report: self.changes_report(&file.path, expected_path, &changes),
        })
    }

    fn changes_report(&self, file: &Path, expected: &Path, changes: &[Change<'_>]) -> String {
        match self.message_format {
            MessageFormat::Human => {
                let mut report = self.status_line(file, "changed", expected, Some(changes.len()));
                for change in changes.iter().take(SHOWN_CHANGES) {
                    report.push_str(&format!("  {change}\n"));
                }
                if changes.len() > SHOWN_CHANGES {
                    report.push_str(&format!("  … and {} more\n", changes.len() - SHOWN_CHANGES));
                }
                report
            }
            MessageFormat::Json => {
                let changes: Vec<Value> = changes
                    .iter()
                    .map(|change| match change {
                        Change::Changed { path, old, new } => serde_json::json!({
                            "path": path.to_string(), "old": old, "new": new
                        }),
                        Change::Added { path, new } => serde_json::json!({
                            "path": path.to_string(), "new": new
                        }),
                        Change::Removed { path, old } => serde_json::json!({
                            "path": path.to_string(), "old": old
                        }),
                    })
                    .collect();
                let mut line = serde_json::json!({
                    "file": file.display().to_string(),
                    "expected": expected.display().to_string(),
                    "status": "changed",
                    "changes": changes,
                })
                .to_string();
                line.push('\n');
                line
            }
        }
    }

    /// `changed: INPUT (EXPECTED): N changes`, or its JSON form.
    fn status_line(
        &self,
        file: &Path,
        status: &str,
        expected: &Path,
        count: Option<usize>,
    ) -> String {
        match self.message_format {
            MessageFormat::Human => {
                let style = match status {
                    "changed" | "missing" => anstyle::AnsiColor::BrightRed.on_default().bold(),
                    _ => anstyle::AnsiColor::BrightGreen.on_default().bold(),
                };
                let count = match count {
                    Some(1) => ": 1 change".to_owned(),
                    Some(n) => format!(": {n} changes"),
                    None => String::new(),
                };
                format!(
                    "{style}{status}{style:#}: {} (expected {}){count}\n",
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
        }
    }
}
