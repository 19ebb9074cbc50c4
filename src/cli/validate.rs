//! `jianghua validate`: check documents against the schema and the semantic rules. Placeholder.

use std::path::PathBuf;

use super::Status;

/// Validate JSON documents against the JSON Schema and the semantic rules.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The documents; `-` reads stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
}

pub fn run(_args: Args) -> Status {
    eprintln!("error: validate is not implemented yet");
    Status::Failure
}
