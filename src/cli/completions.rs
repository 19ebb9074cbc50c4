//! `jianghua completions`: shell completion scripts.

use super::Status;

/// Print a completion script for a shell.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  jianghua completions bash > ~/.local/share/bash-completion/completions/jianghua
  jianghua completions zsh > ~/.zfunc/_jianghua       # with fpath+=~/.zfunc in ~/.zshrc
  jianghua completions fish > ~/.config/fish/completions/jianghua.fish")]
pub struct Args {
    /// The shell.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

/// Writes the script for `command` to stdout.
pub fn run(args: Args, command: &mut clap::Command) -> Status {
    let name = command.get_name().to_owned();
    clap_complete::generate(args.shell, command, name, &mut std::io::stdout());
    Status::Success
}
