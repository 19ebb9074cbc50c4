//! What every reading subcommand shares: how texts are decoded (`--encoding`, `--lossy`), whether
//! an empty input is accepted (`--allow-empty`), and the refusal to wait on a terminal.

use std::io::IsTerminal;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

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
    /// Extra doctrines (local formulations such as a county's “1264” plan): a UTF-8 file in the
    /// format of the built-in `data/doctrines.tsv` (name, kind, aliases separated by |, note;
    /// tab-separated, # comments). Its entries extend the built-in lexicon.
    #[arg(long, value_name = "FILE")]
    lexicon: Option<PathBuf>,
}

impl ReadArgs {
    /// The parse options these arguments ask for; fails on a `--lexicon` file that cannot be
    /// read, with its file, line and column.
    pub fn parse_options(&self) -> Result<ParseOptions, String> {
        let lexicon = self.lexicon.as_deref().map(read_lexicon).transpose()?;
        Ok(ParseOptions {
            decode: DecodeOptions {
                encoding: self.encoding,
                lossy: self.lossy,
            },
            lexicon,
            ..ParseOptions::default()
        })
    }
}

/// Reads and parses a `--lexicon` file; the message names the file, line and column.
fn read_lexicon(path: &Path) -> Result<jianghua::doctrines::Lexicon, String> {
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

/// `--jobs N`: a number of workers, 1 or more.
pub fn parse_jobs(value: &str) -> Result<NonZeroUsize, String> {
    match value.trim().parse::<usize>() {
        Ok(0) => {
            Err("0 workers would do nothing: give 1 or more (the default is one a core)".to_owned())
        }
        Ok(jobs) => NonZeroUsize::new(jobs).ok_or_else(|| "give 1 or more".to_owned()),
        Err(_) => Err(format!(
            "`{value}` is not a number of workers: give 1 or more"
        )),
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
