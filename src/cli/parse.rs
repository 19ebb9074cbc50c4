//! `jianghua parse`: one speech text into a document.

use std::path::PathBuf;

use super::Status;

/// Parse a speech text (any encoding) into a JSON document.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  jianghua parse seeds/002_d8406d316734750d.txt\n  jianghua parse speech.txt -o speech.json\n  curl -s URL | jianghua parse -"
)]
pub struct Args {
    /// The speech text; `-` reads stdin.
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

pub fn run(args: Args) -> Status {
    let bytes = match super::read_input(&args.input) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("error: {}: {e}", args.input.display());
            return Status::Failure;
        }
    };
    let speech = match jianghua::parse_bytes(&bytes, &jianghua::ParseOptions::default()) {
        Ok(speech) => speech,
        Err(e) => {
            eprintln!("error: {}: {e}", args.input.display());
            return Status::Failure;
        }
    };
    let text = match args.format {
        Format::Json => match serde_json::to_string_pretty(&speech) {
            Ok(json) => json + "\n",
            Err(e) => {
                eprintln!("error: cannot serialize the document: {e}");
                return Status::Failure;
            }
        },
        Format::Xml => jianghua::xml::to_xml(&speech),
        Format::Akn => jianghua::xml::to_akn(&speech),
    };
    if let Err(e) = super::write_output(args.output.as_deref(), text.as_bytes()) {
        eprintln!("error: cannot write the output: {e}");
        return Status::Failure;
    }
    Status::Success
}
