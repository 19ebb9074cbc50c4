//! `jianghua man`: manual pages generated from the command line's own definition.

use std::path::PathBuf;

use super::Status;

/// Print the manual page of jianghua, or write one page a subcommand into a folder.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  jianghua man | man -l -                     # read it now
  jianghua man --out-dir ~/.local/share/man/man1   # jianghua.1, jianghua-parse.1, …")]
pub struct Args {
    /// Write jianghua.1 and a page for each subcommand (jianghua-validate.1…) into this folder.
    #[arg(long, short = 'd', value_name = "DIR")]
    out_dir: Option<PathBuf>,
}

/// Renders the page of `command`, or of it and each of its subcommands into a folder.
pub fn run(args: Args, command: clap::Command) -> Status {
    let Some(dir) = args.out_dir else {
        let mut page = Vec::new();
        if let Err(e) = clap_mangen::Man::new(command).render(&mut page) {
            return super::report::usage_error(&format!("cannot render the manual page: {e}"));
        }
        return match super::write_output(None, &page) {
            Ok(()) => Status::Success,
            Err(e) if super::is_broken_pipe(&e) => Status::BrokenPipe,
            Err(e) => super::report::usage_error(&format!("cannot write the page: {e}")),
        };
    };
    let written =
        std::fs::create_dir_all(&dir).and_then(|()| clap_mangen::generate_to(command, &dir));
    match written {
        Ok(()) => Status::Success,
        Err(e) => super::report::usage_error(&format!("cannot write into {}: {e}", dir.display())),
    }
}
