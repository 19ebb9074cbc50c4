//! `jianghua view`: what the parser saw, as HTML: one self-contained page of a speech, or a
//! site of a corpus (a page a document and an `index.html` overview).

use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use jianghua::batch::{self, Completion, InputFile, Inputs};
use jianghua::convert::InputForm;
use jianghua::view::{self, Entry, Overview, PageOptions};

use super::input::{self, ReadArgs};
use super::report::{self, usage_error, MessageFormat, Verbosity};
use super::session::Session;
use super::Status;

/// See what the parser saw: an HTML page of a speech, or an overview of a corpus.
///
/// One input (a text, a saved page, or a JSON or XML document) gives one self-contained page:
/// the metadata, the diagnostics, an outline, and the whole text with its boilerplate, front
/// matter, sections, directives and doctrine mentions marked. A JSON or XML document is shown
/// over its source text (--source), else over what its spans hold.
///
/// Folders and globs give a site under --output: a page a document (x.txt → DIR/x.txt.html,
/// mirroring the inputs' paths) and DIR/index.html, a sortable table of the documents and
/// charts of documents per year and level, themes and doctrines over the years.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  jianghua view speech.txt -o speech.html
  jianghua view saved-page.html -o speech.html
  jianghua view speech.json --source speech.txt -o speech.html
  jianghua view corpus/ -o site/                 # site/index.html and a page a document
  jianghua view out/ -o site/                    # the JSON documents convert wrote

Exit status: 0 every input shown, 1 some input of a corpus could not be read, 2 usage error or\n(for a single input) an input that cannot be read or is empty.")]
pub struct Args {
    /// A speech text, saved page or document, folders and glob patterns; `-` reads stdin.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// The page (one input; stdout without it) or the site's folder (folders and globs).
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// The text a single JSON or XML document's spans index (a text or a saved page).
    #[arg(long, value_name = "FILE")]
    source: Option<PathBuf>,
    /// Inputs read in parallel [default: the number of cores].
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<NonZeroUsize>,
    #[command(flatten)]
    read: ReadArgs,
}

pub fn run(args: Args, verbosity: Verbosity) -> Status {
    let inputs = match Inputs::new(&args.inputs) {
        Ok(inputs) => inputs,
        Err(e) => return usage_error(&e.to_string()),
    };
    if inputs.is_single_file() {
        return single(&args);
    }
    if args.source.is_some() {
        return usage_error(&"--source goes with a single document, not with folders or globs");
    }
    let Some(site) = args.output.as_deref() else {
        return usage_error(&"a corpus needs a folder for its site: -o DIR");
    };
    corpus(&args, inputs.exclude(site), site, verbosity)
}

/// One input, one page.
fn single(args: &Args) -> Status {
    let path = &args.inputs[0];
    if input::is_waiting_on_a_terminal(path) {
        return usage_error(&input::terminal_hint("view"));
    }
    let failure = |on: &Path, reason: &dyn std::fmt::Display| {
        let message = report::render_failure(on, None, reason, MessageFormat::Human);
        anstream::eprint!("{message}");
        Status::Failure
    };
    let bytes = match batch::read_input(path) {
        Ok(bytes) => bytes,
        Err(e) => return failure(path, &e),
    };
    if !args.read.allow_empty && jianghua::convert::is_empty_input(&bytes) {
        return failure(path, &jianghua::convert::ConvertError::Empty);
    }
    let source = match args.source.as_deref().map(batch::read_input).transpose() {
        Ok(source) => source,
        Err(e) => return failure(args.source.as_deref().unwrap_or(path), &e),
    };
    let named = (path.as_os_str() != "-").then_some(path.as_path());
    let form = jianghua::convert::detect_named(&bytes, named).form;
    if source.is_some() && matches!(form, InputForm::Text | InputForm::Html) {
        return usage_error(
            &"--source goes with a JSON or XML document: a text or page is its own source",
        );
    }
    let options = match args.read.parse_options() {
        Ok(options) => options,
        Err(message) => return usage_error(&message),
    };
    let viewed = match view::read(&bytes, named, source.as_deref(), &options) {
        Ok(viewed) => viewed,
        Err(e) => {
            let message =
                report::render_failure(path, e.position(), &e.message(), MessageFormat::Human);
            anstream::eprint!("{message}");
            return Status::Failure;
        }
    };
    let options = PageOptions {
        name: path.display().to_string(),
        overview: None,
    };
    let page = view::render_page(&viewed, &options);
    match super::write_output(args.output.as_deref(), page.as_bytes()) {
        Ok(()) => Status::Success,
        Err(e) if args.output.is_none() && super::is_broken_pipe(&e) => Status::BrokenPipe,
        Err(e) => usage_error(&format!("cannot write the output: {e}")),
    }
}

/// What became of one input of a corpus.
type Shown = Result<Entry, (PathBuf, String)>;

/// A page a document, then the overview.
fn corpus(args: &Args, inputs: Inputs, site: &Path, verbosity: Verbosity) -> Status {
    if let Err(e) = std::fs::create_dir_all(site) {
        return usage_error(&format!(
            "{}: cannot create the folder: {e}",
            site.display()
        ));
    }
    let session = match Session::start(&inputs, args.jobs, verbosity, MessageFormat::Human, false) {
        Ok(session) => session,
        Err(message) => return usage_error(&message),
    };
    let options = match args.read.parse_options() {
        Ok(options) => options,
        Err(message) => return usage_error(&message),
    };
    let mut overview = Overview::default();
    let files = inputs.files().filter_map(|file| match file {
        Ok(file) => Some(file),
        Err(e) => {
            session.print(&format!("{e}\n"));
            None
        }
    });
    let completion = batch::for_each_ordered(
        files,
        session.pool(),
        session.window(),
        session.stop_flag(),
        |file| show(&file, site, args.read.allow_empty, &options),
        |shown: Shown| {
            match shown {
                Ok(entry) => overview.entries.push(entry),
                Err((path, reason)) => {
                    session.print(&report::render_failure(
                        &path,
                        None,
                        &reason,
                        MessageFormat::Human,
                    ));
                    overview.failures.push((path.display().to_string(), reason));
                }
            }
            session.advance();
        },
    );
    let index = site.join("index.html");
    if let Err(e) = batch::write_atomic(&index, overview.render().as_bytes()) {
        session.finish_quietly();
        return usage_error(&format!("{}: cannot write: {e}", index.display()));
    }
    let interrupted = completion == Completion::Stopped;
    let human = format!(
        "{} page(s) and the overview {}{}",
        overview.entries.len(),
        index.display(),
        if overview.failures.is_empty() {
            String::new()
        } else {
            format!(", {} input(s) not read", overview.failures.len())
        }
    );
    let json = serde_json::json!({
        "pages": overview.entries.len(),
        "failed": overview.failures.len(),
        "index": index.display().to_string(),
    });
    session.finish_with(&human, json, "view:", interrupted);
    if overview.failures.is_empty() && !interrupted {
        Status::Success
    } else {
        Status::Invalid
    }
}

/// Reads one input of a corpus, writes its page, and returns its entry.
fn show(
    file: &InputFile,
    site: &Path,
    allow_empty: bool,
    options: &jianghua::ParseOptions,
) -> Shown {
    let fail = |reason: String| (file.path.clone(), reason);
    let bytes = batch::read_input(&file.path).map_err(|e| fail(e.to_string()))?;
    if !allow_empty && jianghua::convert::is_empty_input(&bytes) {
        return Err(fail(jianghua::convert::ConvertError::Empty.to_string()));
    }
    let viewed =
        view::read(&bytes, Some(&file.path), None, options).map_err(|e| fail(e.to_string()))?;
    let page = view::render_page(
        &viewed,
        &PageOptions {
            name: file.path.display().to_string(),
            overview: Some(view::overview::overview_href(&file.relative)),
        },
    );
    let target = site.join(view::overview::page_path(&file.relative));
    if let Some(folder) = target.parent() {
        std::fs::create_dir_all(folder).map_err(|e| fail(format!("{}: {e}", folder.display())))?;
    }
    batch::write_atomic(&target, page.as_bytes())
        .map_err(|e| fail(format!("{}: {e}", target.display())))?;
    Ok(Entry::of(
        &viewed.speech,
        file.path.display().to_string(),
        view::overview::page_href(&file.relative),
    ))
}
