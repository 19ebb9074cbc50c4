//! `jianghua convert`: one document from any form into another.

use std::path::PathBuf;

use jianghua::convert::{self, OutputForm};

use super::Status;

/// Convert a document between forms: a speech text, a JSON document or an XML document (told
/// apart by content) into JSON, XML or Akoma Ntoso.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  jianghua convert speech.json --format xml -o speech.xml\n  jianghua convert speech.xml --format json\n  jianghua convert speech.txt --format akn -o speech.akn.xml"
)]
pub struct Args {
    /// The document: a speech text, a JSON or an XML document; `-` reads stdin.
    #[arg(default_value = "-")]
    input: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Write to this file instead of stdout (atomically).
    #[arg(short, long)]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    /// The JSON document of `schema/speech.schema.json`.
    Json,
    /// The XML document of `schema/speech.xsd`.
    Xml,
    /// An Akoma Ntoso 3.0 `debate` document.
    Akn,
}

impl From<Format> for OutputForm {
    fn from(format: Format) -> Self {
        match format {
            Format::Json => OutputForm::Json,
            Format::Xml => OutputForm::Xml,
            Format::Akn => OutputForm::Akn,
        }
    }
}

pub fn run(args: Args) -> Status {
    let bytes = match super::read_input(&args.input) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("error: {}: {e}", args.input.display());
            return Status::Failure;
        }
    };
    let options = jianghua::ParseOptions::default();
    let text = match convert::convert(&bytes, args.format.into(), &options) {
        Ok(text) => text,
        Err(e) => {
            let separator = if e.is_located() { ":" } else { ": " };
            eprintln!("error: {}{separator}{e}", args.input.display());
            return Status::Failure;
        }
    };
    if let Err(e) = super::write_output(args.output.as_deref(), text.as_bytes()) {
        eprintln!("error: cannot write the output: {e}");
        return Status::Failure;
    }
    Status::Success
}
