//! Command-line interface: one module a subcommand.
//!
//! Exit codes: 0 success (all documents valid), 1 some document invalid or different,
//! 2 usage error or unreadable input.

mod convert;
mod parse;
mod schema;
mod validate;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit status of every subcommand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Everything succeeded; every document is valid.
    Success = 0,
    /// Some document is invalid (or, for `check`, different from what was expected).
    Invalid = 1,
    /// A usage error or an input that could not be read or decoded.
    Failure = 2,
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
}

#[derive(Debug, Subcommand)]
enum Command {
    Parse(parse::Args),
    Validate(validate::Args),
    Schema(schema::Args),
    Convert(convert::Args),
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
    let status = match cli.command {
        Command::Parse(args) => parse::run(args),
        Command::Validate(args) => validate::run(args),
        Command::Schema(args) => schema::run(args),
        Command::Convert(args) => convert::run(args),
    };
    status.into()
}

/// Reads a file, or stdin for `-`.
pub fn read_input(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().lock().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(path)
    }
}

/// Writes `bytes` to `path` (atomically: a temporary file renamed into place), or to stdout
/// when there is no path.
pub fn write_output(path: Option<&std::path::Path>, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    match path {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)?;
            out.flush()
        }
        Some(path) => {
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(std::path::Path::new("."));
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
            std::fs::write(&tmp, bytes)?;
            std::fs::rename(&tmp, path).inspect_err(|_| {
                let _ = std::fs::remove_file(&tmp);
            })
        }
    }
}
