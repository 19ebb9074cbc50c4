//! `jianghua text`: the text a document's spans index, as the parser reads it.

use std::path::PathBuf;

use super::report::{self, usage_error, MessageFormat};
use super::Status;

/// Print the text that a document's spans index: a saved web page's visible text, or a
/// speech text decoded to UTF-8.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  jianghua text page.html\n  jianghua text page.html -o page.txt\n  jianghua parse page.html | jianghua validate - --source page.html"
)]
pub struct Args {
    /// The page or text; `-` reads stdin.
    #[arg(default_value = "-")]
    input: PathBuf,
    /// Write to this file instead of stdout (atomically).
    #[arg(short, long)]
    output: Option<PathBuf>,
}

pub fn run(args: Args) -> Status {
    let failure = |reason: &dyn std::fmt::Display| {
        let message = report::render_failure(&args.input, None, reason, MessageFormat::Human);
        anstream::eprint!("{message}");
        Status::Failure
    };
    let bytes = match jianghua::batch::read_input(&args.input) {
        Ok(bytes) => bytes,
        Err(e) => return failure(&e),
    };
    let text = match jianghua::convert::source_text(&bytes) {
        Ok(text) => text,
        Err(e) => return failure(&e),
    };
    match super::write_output(args.output.as_deref(), text.as_bytes()) {
        Ok(()) => Status::Success,
        Err(e) => usage_error(&format!("cannot write the output: {e}")),
    }
}
