//! What every reading subcommand shares: how texts are decoded (`--encoding`, `--lossy`), whether
//! an empty input is accepted (`--allow-empty`), and the refusal to wait on a terminal.

use std::io::IsTerminal;
use std::path::Path;

use jianghua::parse::{DecodeOptions, ParseOptions};

/// How inputs are read.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ReadArgs {
    /// Read speech texts in this encoding instead of detecting it: any WHATWG label
    /// (gbk, gb18030, big5, utf-16le, shift_jis, windows-1252…).
    #[arg(long, value_name = "NAME", value_parser = parse_encoding)]
    encoding: Option<&'static encoding_rs::Encoding>,
    /// Read undecodable bytes as U+FFFD instead of refusing the file: one warning per run,
    /// with its byte offset; meta.encoding says `lossy`.
    #[arg(long)]
    lossy: bool,
    /// Read an empty input (no bytes, or only whitespace) as an empty document instead of
    /// failing with `empty-input`.
    #[arg(long)]
    pub allow_empty: bool,
}

impl ReadArgs {
    /// The parse options these arguments ask for.
    pub fn parse_options(&self) -> ParseOptions {
        ParseOptions {
            decode: DecodeOptions {
                encoding: self.encoding,
                lossy: self.lossy,
            },
            ..ParseOptions::default()
        }
    }
}

fn parse_encoding(label: &str) -> Result<&'static encoding_rs::Encoding, String> {
    DecodeOptions::encoding_for_label(label).ok_or_else(|| {
        format!("unknown encoding `{label}` (a WHATWG label: utf-8, gbk, gb18030, big5, utf-16le…)")
    })
}

/// Whether `input` is stdin and stdin a terminal: a run would wait for typing nobody meant.
pub fn is_waiting_on_a_terminal(input: &Path) -> bool {
    input.as_os_str() == "-" && std::io::stdin().is_terminal()
}

/// The message for a run that would read a terminal.
pub fn terminal_hint(command: &str) -> String {
    format!(
        "no input: stdin is a terminal\n\nUsage: jianghua {command} FILE   (or pipe a text in: curl -s URL | jianghua {command} -)\nFor more information, try '--help'."
    )
}
