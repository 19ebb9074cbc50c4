//! `jianghua parse`: one speech text into a document.

use std::path::PathBuf;

use jianghua::convert::OutputForm;

use super::convert::FormatArg;
use super::input::{self, ReadArgs};
use super::report::{self, usage_error, MessageFormat, Verbosity};
use super::Status;

/// Parse a speech text or a saved web page (any encoding) into a JSON document.
///
/// The document goes to stdout (or -o); its diagnostics (warnings, and notes with -v) go to
/// stderr, as `convert` prints them.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  jianghua parse seeds/002_d8406d316734750d.txt\n  jianghua parse speech.txt -o speech.json\n  jianghua parse saved-page.html\n  jianghua parse speech.txt --lexicon local.tsv\n  curl -s URL | jianghua parse -"
)]
pub struct Args {
    /// The speech text; `-` reads stdin.
    #[arg(default_value = "-")]
    input: PathBuf,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = FormatArg::Json)]
    format: FormatArg,
    /// Write to this file instead of stdout (atomically).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// How diagnostics and failures are printed on stderr.
    #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
    message_format: MessageFormat,
    #[command(flatten)]
    read: ReadArgs,
}

pub fn run(args: Args, verbosity: Verbosity) -> Status {
    if input::is_waiting_on_a_terminal(&args.input) {
        return usage_error(&input::terminal_hint("parse"));
    }
    let options = match args.read.parse_options() {
        Ok(options) => options,
        Err(message) => return usage_error(&message),
    };
    let failure = |reason: &dyn std::fmt::Display| {
        let message = report::render_failure(&args.input, None, reason, args.message_format);
        anstream::eprint!("{message}");
        Status::Failure
    };
    let bytes = match jianghua::batch::read_input(&args.input) {
        Ok(bytes) => bytes,
        Err(e) => return failure(&e),
    };
    if !args.read.allow_empty && jianghua::convert::is_empty_input(&bytes) {
        return failure(&jianghua::convert::ConvertError::Empty);
    }
    // Always parsed as a speech text or a page, whatever it looks like: `convert` reads
    // documents back.
    let document = match jianghua::convert::parse_input(&bytes, &options) {
        Ok(document) => document,
        Err(e) => return failure(&e),
    };
    if let Some(min) = verbosity.shown_severity() {
        let shown = report::render_diagnostics(
            &args.input,
            &document.speech,
            document.source.as_ref(),
            min,
            args.message_format,
        );
        anstream::eprint!("{shown}");
    }
    let text = match jianghua::convert::write(&document.speech, OutputForm::from(args.format)) {
        Ok(text) => text,
        Err(e) => return usage_error(&e),
    };
    match super::write_output(args.output.as_deref(), text.as_bytes()) {
        Ok(()) => Status::Success,
        Err(e) if args.output.is_none() && super::is_broken_pipe(&e) => Status::BrokenPipe,
        Err(e) => usage_error(&format!("cannot write the output: {e}")),
    }
}
