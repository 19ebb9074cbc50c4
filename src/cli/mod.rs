//! Command-line interface: one module a subcommand.
//!
//! Exit codes: 0 success (all documents valid), 1 some document invalid or different,
//! 2 usage error or unreadable (or empty) input, 141 stdout closed early (`| head`), as a tool
//! killed by SIGPIPE shows in the shell: quietly, and the run cut short is not a success.

mod check;
mod completions;
mod convert;
mod input;
mod man;
mod parse;
pub mod report;
mod schema;
mod session;
mod text;
mod validate;
mod view;

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

/// Exit status of every subcommand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Everything succeeded; every document is valid.
    Success = 0,
    /// Some document is invalid (or, for `check`, different from what was expected).
    Invalid = 1,
    /// A usage error or an input that could not be read or decoded.
    Failure = 2,
    /// Stdout was closed before everything was written (`| head`): 128 + SIGPIPE.
    BrokenPipe = 141,
}

/// Whether a write failed because the reader of stdout went away.
pub fn is_broken_pipe(error: &std::io::Error) -> bool {
    error.kind() == std::io::ErrorKind::BrokenPipe
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> Self {
        ExitCode::from(status as u8)
    }
}

/// Turns raw Chinese congress work speeches (人大工作讲话) into typed, validated documents.
#[derive(Debug, Parser)]
#[command(name = "jianghua", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Print failures only: no warnings, progress or summary.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Also print notes and every file written.
    #[arg(long, short, global = true)]
    verbose: bool,
}

impl Cli {
    fn verbosity(&self) -> report::Verbosity {
        match (self.quiet, self.verbose) {
            (true, _) => report::Verbosity::Quiet,
            (_, true) => report::Verbosity::Verbose,
            _ => report::Verbosity::Normal,
        }
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    Parse(parse::Args),
    Convert(convert::Args),
    Check(check::Args),
    Validate(validate::Args),
    Schema(schema::Args),
    Text(text::Args),
    Completions(completions::Args),
    View(view::Args),
    Man(man::Args),
}

/// Parses the command line and runs the subcommand.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                Status::Failure.into()
            } else {
                Status::Success.into()
            };
        }
    };
    let verbosity = cli.verbosity();
    let status = match cli.command {
        Command::Parse(args) => parse::run(args, verbosity),
        Command::Convert(args) => convert::run(args, verbosity),
        Command::Check(args) => check::run(args, verbosity),
        Command::Completions(args) => completions::run(args, &mut Cli::command()),
        Command::Man(args) => man::run(args, Cli::command()),
        Command::Validate(args) => validate::run(args, verbosity),
        Command::Schema(args) => schema::run(args),
        Command::Text(args) => text::run(args),
        Command::View(args) => view::run(args, verbosity),
    };
    status.into()
}

/// Writes `bytes` to `path` atomically (see [`jianghua::batch::write_atomic`]), or to stdout
/// when there is no path.
pub fn write_output(path: Option<&std::path::Path>, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    match path {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)?;
            out.flush()
        }
        Some(path) => jianghua::batch::write_atomic(path, bytes),
    }
}
