//! The `jianghua` command-line tool.

mod cli;

use std::process::ExitCode;

// A parse makes many small strings and vectors (one per passage, mention, span); mimalloc
// serves them in fewer instructions than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::run()
}
