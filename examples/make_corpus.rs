//! Makes a corpus of varied speech files from seed texts, for benchmarks and batch runs.
//!
//! ```text
//! cargo run --release --example make_corpus -- OUT_DIR N [SEED_FILE_OR_FOLDER...]
//! ```
//!
//! Seeds default to `seeds/` and `tests/inputs/` (their `.txt` files). Every fifth file is
//! encoded as GB18030; files are nested two folders deep (`OUT_DIR/00/000/00000-NAME.txt`).

use std::path::PathBuf;
use std::process::ExitCode;

use jianghua::batch::corpus::{make_corpus, read_seeds, CorpusOptions};

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(out), Some(count)) = (args.next(), args.next()) else {
        eprintln!("usage: make_corpus OUT_DIR N [SEED_FILE_OR_FOLDER...]");
        return ExitCode::from(2);
    };
    let Some(files) = count.to_str().and_then(|n| n.parse().ok()) else {
        eprintln!("error: N must be a number");
        return ExitCode::from(2);
    };
    let mut seed_paths: Vec<PathBuf> = args.map(PathBuf::from).collect();
    if seed_paths.is_empty() {
        seed_paths = ["seeds", "tests/inputs"]
            .into_iter()
            .map(PathBuf::from)
            .filter(|path| path.is_dir())
            .collect();
    }
    let seeds = match read_seeds(&seed_paths) {
        Ok(seeds) if !seeds.is_empty() => seeds,
        Ok(_) => {
            eprintln!("error: no UTF-8 .txt seed found");
            return ExitCode::from(2);
        }
        Err(e) => {
            eprintln!("error: cannot read the seeds: {e}");
            return ExitCode::from(2);
        }
    };
    let options = CorpusOptions {
        files,
        ..CorpusOptions::default()
    };
    match make_corpus(&seeds, &PathBuf::from(&out), &options) {
        Ok(written) => {
            eprintln!(
                "wrote {} files from {} seeds under {}",
                written.len(),
                seeds.len(),
                PathBuf::from(out).display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
