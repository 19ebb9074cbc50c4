//! `jianghua convert`: speech texts (and documents) into documents, one or many.
//!
//! One input without `--out-dir` is written to stdout or `-o`; many inputs (files, folders,
//! globs) go to a tree mirroring them under `--out-dir`, or as JSON lines to stdout.

use std::cell::Cell;
use std::collections::HashMap;
use std::io::Write;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use jianghua::batch::{self, Completion, FileError, InputFile, Inputs, OutputTree, Summary};
use jianghua::convert::{ConvertError, OutputForm};
use jianghua::model::Speech;

use super::input::{self, ReadArgs};
use super::report::{self, usage_error, MessageFormat, Verbosity};
use super::session::Session;
use super::Status;

/// Convert speech texts into documents: one file, or whole folders in parallel.
///
/// Inputs are speech texts (UTF-8, GB18030, UTF-16) or documents this tool wrote (JSON or
/// XML); the kind is told by content. Folders are walked recursively for *.txt, *.text, *.json and *.xml
/// files, hidden files skipped; glob patterns (quoted) are expanded by the tool.
///
/// With --out-dir, outputs mirror each input's path below the folder or glob it was found in
/// (corpus/a/b/x.txt, found in corpus, is written to DIR/a/b/x.json), atomically. A file that
/// fails is reported and skipped; the others go on. Files an earlier run wrote into the same
/// folder (x.json next to x.txt) are outputs, not inputs: a second run overwrites them.
///
/// A JSON or XML document read back is validated before it is rendered: an invalid one is
/// refused with its problems (exit 1) unless --force.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  jianghua convert speech.txt                          # one speech, JSON to stdout
  jianghua convert speech.txt -o speech.json
  jianghua convert speech.json --format akn > speech.akn.xml
  jianghua convert corpus/ --out-dir out/              # corpus/a/x.txt → out/a/x.json
  jianghua convert corpus/ --out-dir out/ --format json,xml,akn
  jianghua convert 'scrapes/**/*.txt' --out-dir out/ --jobs 4
  jianghua convert corpus/ --jsonl > corpus.jsonl      # one line per speech, input order

Exit status: 0 every input converted, 1 some input of a batch failed or a document is invalid,\n2 usage error or (for a single input) an input that cannot be read or is empty, 141 stdout\nclosed early.")]
pub struct Args {
    /// Speech texts, JSON documents, folders and glob patterns; `-` reads stdin.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Write one output per input and format under this folder, mirroring the inputs' paths.
    #[arg(long, short = 'd', value_name = "DIR")]
    out_dir: Option<PathBuf>,
    /// Output formats, comma-separated (with --out-dir), or the one format of a single output.
    #[arg(
        long,
        short = 'f',
        value_enum,
        value_delimiter = ',',
        default_value = "json"
    )]
    format: Vec<FormatArg>,
    /// With a single input: write to this file (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE", conflicts_with_all = ["out_dir", "jsonl"])]
    output: Option<PathBuf>,
    /// Stream one compact JSON line per converted input to stdout, in input order:
    /// {"path": INPUT, "document": DOCUMENT}. Failures go to stderr only.
    #[arg(long, conflicts_with = "out_dir")]
    jsonl: bool,
    /// Inputs converted in parallel [default: the number of cores].
    #[arg(long, short = 'j', value_name = "N", value_parser = input::parse_jobs)]
    jobs: Option<NonZeroUsize>,
    /// How diagnostics and failures are printed on stderr.
    #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
    message_format: MessageFormat,
    /// Render documents that fail validation anyway.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    read: ReadArgs,
    #[command(flatten)]
    filter: FilterArgs,
}

/// Which files of folders and globs are taken.
#[derive(Debug, Clone, Default, clap::Args)]
pub(super) struct FilterArgs {
    /// Take only the files of folders and globs whose path (below the folder) or name matches
    /// this glob; repeatable.
    #[arg(long, value_name = "GLOB")]
    include: Vec<String>,
    /// Skip the files of folders and globs whose path (below the folder) or name matches this
    /// glob; repeatable.
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
}

impl FilterArgs {
    /// The inputs with these filters applied.
    pub(super) fn apply(&self, inputs: Inputs) -> Result<Inputs, batch::walk::InputError> {
        inputs.filtered(&self.include, &self.exclude)
    }
}

/// The output forms on the command line (of `parse` too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum FormatArg {
    /// The JSON document of `jianghua schema` (DIR/a/x.json).
    Json,
    /// The XML form of `schema/speech.xsd` (DIR/a/x.xml).
    Xml,
    /// An Akoma Ntoso 3.0 `debate` document (DIR/a/x.akn.xml).
    Akn,
}

impl From<FormatArg> for OutputForm {
    fn from(format: FormatArg) -> Self {
        match format {
            FormatArg::Json => OutputForm::Json,
            FormatArg::Xml => OutputForm::Xml,
            FormatArg::Akn => OutputForm::Akn,
        }
    }
}

/// Where converted documents go.
enum Destination {
    /// One document to stdout or a file.
    Single {
        format: OutputForm,
        output: Option<PathBuf>,
    },
    /// A mirrored tree of files.
    Tree {
        tree: OutputTree,
        formats: Vec<OutputForm>,
    },
    /// JSON lines on stdout.
    Lines,
}

pub fn run(args: Args, verbosity: Verbosity) -> Status {
    let inputs = match Inputs::new(&args.inputs).and_then(|inputs| args.filter.apply(inputs)) {
        Ok(inputs) => inputs,
        Err(e) => return usage_error(&e),
    };
    if inputs.reads_stdin() && input::is_waiting_on_a_terminal(Path::new("-")) {
        return usage_error(&input::terminal_hint("convert"));
    }
    let mut formats: Vec<OutputForm> = args.format.iter().map(|&f| f.into()).collect();
    formats.dedup();
    let destination = match (&args.out_dir, args.jsonl) {
        (Some(dir), _) => match OutputTree::create(dir) {
            Ok(tree) => Destination::Tree { tree, formats },
            Err(e) => {
                return usage_error(&format!("cannot create {}: {e}", dir.display()));
            }
        },
        (None, true) if formats != [OutputForm::Json] => {
            return usage_error(&"--jsonl writes JSON only; drop --format");
        }
        (None, true) => Destination::Lines,
        (None, false) if !inputs.is_single_file() => {
            return usage_error(
                &"several inputs need --out-dir DIR (or --jsonl); one file converts to stdout",
            );
        }
        (None, false) => match formats.as_slice() {
            [format] => Destination::Single {
                format: *format,
                output: args.output.clone(),
            },
            _ => return usage_error(&"one output takes one --format; use --out-dir for more"),
        },
    };
    let inputs = match &destination {
        Destination::Tree { tree, .. } => inputs.exclude(tree.root()),
        _ => inputs,
    };
    let session = match Session::start(
        &inputs,
        args.jobs,
        verbosity,
        args.message_format,
        matches!(destination, Destination::Single { .. }),
    ) {
        Ok(session) => session,
        Err(e) => return usage_error(&e),
    };
    let options = match args.read.parse_options() {
        Ok(options) => options,
        Err(message) => return usage_error(&message),
    };
    let converter = Converter {
        inputs: &inputs,
        destination: &destination,
        verbosity,
        message_format: args.message_format,
        options,
        allow_empty: args.read.allow_empty,
        force: args.force,
        refused_invalid: AtomicBool::new(false),
    };
    let (summary, stdout_closed) = convert_all(&session, &converter);
    if stdout_closed {
        session.finish_quietly();
        return Status::BrokenPipe;
    }
    session.finish(&summary, "summary:");
    let refused_invalid = converter.refused_invalid.load(Ordering::Relaxed);
    match (&destination, summary.all_converted()) {
        (_, true) => Status::Success,
        (Destination::Single { .. }, false) if refused_invalid => Status::Invalid,
        // One document that cannot be read or is refused is an unreadable input, as for `parse`;
        // in a batch, the others went on and the run as a whole partly failed.
        (Destination::Single { .. }, false) => Status::Failure,
        (_, false) => Status::Invalid,
    }
}

/// One input, ready to convert: its outputs are planned and checked on the main thread, so
/// that outputs claimed twice or lying over inputs are refused before any work starts.
struct Planned {
    file: InputFile,
    targets: Vec<(OutputForm, PathBuf)>,
}

/// An input as planned: to convert, or refused already.
enum Item {
    Convert(Planned),
    Refused(Outcome),
}

/// What became of one input.
struct Outcome {
    file: PathBuf,
    result: Result<Converted, FileError>,
}

struct Converted {
    counts: batch::Counts,
    /// Rendered diagnostics, printed in input order.
    messages: String,
    /// The JSON line or the single document, for stdout.
    stdout: Option<Vec<u8>>,
    /// The files written.
    written: Vec<PathBuf>,
}

struct Converter<'a> {
    inputs: &'a Inputs,
    destination: &'a Destination,
    verbosity: Verbosity,
    message_format: MessageFormat,
    options: jianghua::ParseOptions,
    allow_empty: bool,
    force: bool,
    /// Set when a document was refused for failing validation (exit 1 for a single input).
    refused_invalid: AtomicBool,
}

/// Converts every input; also says whether stdout was closed early (the run then stops quietly).
fn convert_all(session: &Session, converter: &Converter<'_>) -> (Summary, bool) {
    let started = Instant::now();
    let mut summary = Summary::default();
    let mut claimed: HashMap<PathBuf, PathBuf> = HashMap::new();
    let mut stdout = std::io::stdout().lock();
    // Failures found while planning (walk errors, refused outputs) are reported in their
    // place in the input order, like failures found while converting.
    let stdout_closed = Cell::new(false);
    let planned = converter
        .inputs
        .files()
        .filter(|file| {
            file.as_ref()
                .map_or(true, |file| !converter.is_earlier_output(&file.path))
        })
        .map(|file| converter.plan(file, &mut claimed));
    let completion = batch::for_each_ordered(
        planned,
        session.pool(),
        session.window(),
        session.stop_flag(),
        |item| match item {
            Item::Convert(planned) => converter.convert(planned),
            Item::Refused(outcome) => outcome,
        },
        |outcome| {
            match outcome.result {
                Ok(converted) => {
                    summary.converted(converted.counts);
                    session.print(&converted.messages);
                    if converter.verbosity >= Verbosity::Verbose {
                        for path in &converted.written {
                            session.print(&format!(
                                "{} → {}\n",
                                outcome.file.display(),
                                path.display()
                            ));
                        }
                    }
                    if let Some(bytes) = converted.stdout.filter(|_| !stdout_closed.get()) {
                        if let Err(e) = stdout.write_all(&bytes) {
                            if super::is_broken_pipe(&e) {
                                // The reader has what it wanted (`| head`): end quietly.
                                stdout_closed.set(true);
                                session.stop();
                                session.advance();
                                return;
                            }
                            session.print(&report::render_failure(
                                Path::new("-"),
                                None,
                                &format!("cannot write to stdout: {e}"),
                                converter.message_format,
                            ));
                            session.stop();
                        }
                    }
                }
                Err(error) => {
                    summary.failed();
                    session.print(&report::render_file_error(
                        &outcome.file,
                        &error,
                        converter.message_format,
                    ));
                }
            }
            session.advance();
        },
    );
    if stdout.flush().is_err_and(|e| super::is_broken_pipe(&e)) {
        stdout_closed.set(true);
    }
    summary.interrupted = completion == Completion::Stopped && !stdout_closed.get();
    summary.skipped = converter.inputs.skipped();
    summary.elapsed = started.elapsed();
    (summary, stdout_closed.get())
}

impl Converter<'_> {
    /// Plans the outputs of one input, refusing outputs over inputs and outputs claimed by an
    /// earlier input (`claimed`: output → input).
    fn plan(
        &self,
        file: Result<InputFile, batch::walk::WalkError>,
        claimed: &mut HashMap<PathBuf, PathBuf>,
    ) -> Item {
        let file = match file {
            Ok(file) => file,
            Err(e) => {
                return Item::Refused(Outcome {
                    file: e.path.clone(),
                    result: Err(FileError::from(e)),
                })
            }
        };
        let targets = self.targets(&file);
        let refusal = targets.iter().find_map(|(_, target)| {
            let earlier_output = self.is_earlier_output(target);
            if target.exists() && self.inputs.contains(target) && !earlier_output {
                return Some(FileError::WouldOverwriteInput {
                    path: target.clone(),
                });
            }
            claimed.get(target).map(|other| FileError::SameOutput {
                path: target.clone(),
                other: other.clone(),
            })
        });
        if let Some(error) = refusal {
            return Item::Refused(Outcome {
                file: file.path,
                result: Err(error),
            });
        }
        for (_, target) in &targets {
            claimed.insert(target.clone(), file.path.clone());
        }
        Item::Convert(Planned { file, targets })
    }

    /// Whether `path` is what an earlier run into the same folder wrote: it lies in the output
    /// tree with the extension of a form of this run, and an input there has its stem (x.json
    /// next to x.txt). It is then an output to overwrite, not an input.
    fn is_earlier_output(&self, path: &Path) -> bool {
        let Destination::Tree { tree, formats } = self.destination else {
            return false;
        };
        let Some(relative) = below(path, tree.root()) else {
            return false;
        };
        let name = relative.to_string_lossy();
        formats.iter().any(|&form| {
            let Some(stem) = name.strip_suffix(&format!(".{}", batch::write::extension(form)))
            else {
                return false;
            };
            batch::walk::WALKED_EXTENSIONS.iter().any(|extension| {
                let input = tree.root().join(format!("{stem}.{extension}"));
                input.as_path() != path && input.is_file() && self.inputs.contains(&input)
            })
        })
    }

    fn targets(&self, file: &InputFile) -> Vec<(OutputForm, PathBuf)> {
        match self.destination {
            Destination::Tree { tree, formats } => formats
                .iter()
                .map(|&format| (format, tree.path(&file.relative, format)))
                .collect(),
            Destination::Single {
                format,
                output: Some(output),
            } => vec![(*format, output.clone())],
            Destination::Single { output: None, .. } | Destination::Lines => Vec::new(),
        }
    }

    /// Reads, loads and writes one input (on a worker thread).
    fn convert(&self, planned: Planned) -> Outcome {
        let result = self.convert_file(&planned);
        Outcome {
            file: planned.file.path,
            result,
        }
    }

    fn convert_file(&self, planned: &Planned) -> Result<Converted, FileError> {
        let path = &planned.file.path;
        let bytes = batch::read_input(path).map_err(FileError::Read)?;
        if !self.allow_empty && jianghua::convert::is_empty_input(&bytes) {
            return Err(ConvertError::Empty.into());
        }
        let document = jianghua::convert::read_named(&bytes, Some(path), &self.options)?;
        if !self.force {
            jianghua::convert::refuse_invalid(&bytes, document.form).inspect_err(|_| {
                self.refused_invalid.store(true, Ordering::Relaxed);
            })?;
        }
        let speech = &document.speech;
        batch::write_outputs(speech, &planned.targets)?;
        let stdout = match self.destination {
            Destination::Lines => Some(json_line(path, speech)?),
            Destination::Single {
                format,
                output: None,
            } => Some(jianghua::convert::write(speech, *format)?.into_bytes()),
            _ => None,
        };
        let messages = match self.verbosity.shown_severity() {
            Some(min) if !speech.diagnostics.is_empty() => report::render_diagnostics(
                path,
                speech,
                document.source.as_ref(),
                min,
                self.message_format,
            ),
            _ => String::new(),
        };
        Ok(Converted {
            counts: batch::Counts::of(speech),
            messages,
            stdout,
            written: planned.targets.iter().map(|(_, p)| p.clone()).collect(),
        })
    }
}

/// `path` relative to `folder` (both made canonical), when it lies below it.
fn below(path: &Path, folder: &Path) -> Option<PathBuf> {
    let path = batch::walk::canonical_path(path)?;
    let folder = folder.canonicalize().ok()?;
    path.strip_prefix(folder).ok().map(Path::to_path_buf)
}

/// `{"path": …, "document": …}` and a newline.
fn json_line(path: &Path, speech: &Speech) -> Result<Vec<u8>, FileError> {
    #[derive(serde::Serialize)]
    struct Line<'a> {
        path: std::borrow::Cow<'a, str>,
        document: &'a Speech,
    }
    let mut bytes = serde_json::to_vec(&Line {
        path: path.to_string_lossy(),
        document: speech,
    })
    .map_err(|e| ConvertError::Write(e.to_string()))?;
    bytes.push(b'\n');
    Ok(bytes)
}
