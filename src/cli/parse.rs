//! `jianghua parse`: one speech text into a document.

use std::path::PathBuf;

use jianghua::convert::{detect, InputForm, OutputForm};

use super::convert::FormatArg;
use super::input::{self, ReadArgs};
use super::report::{self, usage_error, MessageFormat};
use super::Status;

/// Parse a speech text or a saved web page (any encoding) into a JSON document.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  jianghua parse seeds/002_d8406d316734750d.txt\n  jianghua parse speech.txt -o speech.json\n  jianghua parse saved-page.html\n  curl -s URL | jianghua parse -"
)]
pub struct Args {
    /// The speech text; `-` reads stdin.
    #[arg(default_value = "-")]
    input: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Json)]
    format: FormatArg,
    /// Write to this file instead of stdout (atomically).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Extra doctrines (local formulations such as a county's “1264” plan): a UTF-8 file in the
    /// format of the built-in `data/doctrines.tsv` (name, kind, aliases separated by |, note;
    /// tab-separated, # comments). Its entries extend the built-in lexicon.
    #[arg(long, value_name = "FILE")]
    lexicon: Option<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
}

/// Reads and parses a `--lexicon` file; the message names the file, line and column.
fn read_lexicon(path: &std::path::Path) -> Result<jianghua::doctrines::Lexicon, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{}: not UTF-8 (byte {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })?;
    jianghua::doctrines::Lexicon::with_user_entries(&text)
        .map_err(|e| format!("{}: {e}", path.display()))
}

pub fn run(args: Args) -> Status {
    if input::is_waiting_on_a_terminal(&args.input) {
        return usage_error(&input::terminal_hint("parse"));
    }
    let mut options = args.read.parse_options();
    if let Some(path) = &args.lexicon {
        match read_lexicon(path) {
            Ok(lexicon) => options.lexicon = Some(lexicon),
            Err(message) => return usage_error(&message),
        }
    }
    let failure = |reason: &dyn std::fmt::Display| {
        let message = report::render_failure(&args.input, None, reason, MessageFormat::Human);
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
    let parsed = if detect(&bytes) == InputForm::Html {
        jianghua::html::parse_page(&bytes, &options).map(|(speech, _)| speech)
    } else {
        jianghua::parse_bytes(&bytes, &options)
    };
    let speech = match parsed {
        Ok(speech) => speech,
        Err(e) => return failure(&e),
    };
    let text = match jianghua::convert::write(&speech, OutputForm::from(args.format)) {
        Ok(text) => text,
        Err(e) => return usage_error(&e),
    };
    match super::write_output(args.output.as_deref(), text.as_bytes()) {
        Ok(()) => Status::Success,
        Err(e) if args.output.is_none() && super::is_broken_pipe(&e) => Status::BrokenPipe,
        Err(e) => usage_error(&format!("cannot write the output: {e}")),
    }
}
