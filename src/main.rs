//! The `jianghua` command-line tool.

mod cli;

use std::process::ExitCode;

/// Validation and conversion build and drop a tree of small values a document; mimalloc
/// serves them at a fraction of the system allocator's cost (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::run()
}
