//! `jianghua schema`: print the JSON Schema generated from the model.

use std::path::PathBuf;

use super::Status;

/// Print the JSON Schema (draft 2020-12) of the documents this tool writes and validates.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  jianghua schema > schema/speech.schema.json\n  jianghua schema -o schema/speech.schema.json"
)]
pub struct Args {
    /// Write to this file instead of stdout (atomically).
    #[arg(short, long)]
    output: Option<PathBuf>,
}

pub fn run(args: Args) -> Status {
    match super::write_output(
        args.output.as_deref(),
        jianghua::schema::json_schema_text().as_bytes(),
    ) {
        Ok(()) => Status::Success,
        Err(e) if args.output.is_none() && super::is_broken_pipe(&e) => Status::BrokenPipe,
        Err(e) => super::report::usage_error(&format!("cannot write the schema: {e}")),
    }
}
