//! `jianghua schema`: print the JSON Schema generated from the model, or the XML Schema of the
//! XML form.

use std::path::PathBuf;

use super::Status;

/// Print the JSON Schema (draft 2020-12) of the documents this tool writes and validates, or
/// with --xsd the XML Schema of its XML form.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  jianghua schema > schema/speech.schema.json\n  jianghua schema -o schema/speech.schema.json\n  jianghua schema --xsd -o speech.xsd"
)]
pub struct Args {
    /// Write to this file instead of stdout (atomically).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// The XML Schema of the XML form (schema/speech.xsd) instead of the JSON Schema.
    #[arg(long)]
    xsd: bool,
}

pub fn run(args: Args) -> Status {
    let text = if args.xsd {
        jianghua::xml::XSD.to_owned()
    } else {
        jianghua::schema::json_schema_text()
    };
    match super::write_output(args.output.as_deref(), text.as_bytes()) {
        Ok(()) => Status::Success,
        Err(e) if args.output.is_none() && super::is_broken_pipe(&e) => Status::BrokenPipe,
        Err(e) => super::report::usage_error(&format!("cannot write the schema: {e}")),
    }
}
