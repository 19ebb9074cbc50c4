//! Builds, once, what would otherwise cost every run of the command: the automaton of the
//! thousands of division names the gazetteer looks for (`data/divisions.tsv`).

use std::path::PathBuf;
use std::{env, fs};

#[allow(dead_code)]
#[path = "src/dictionary.rs"]
mod dictionary;

#[allow(dead_code)]
#[path = "src/parse/gazetteer/table.rs"]
mod table;

fn main() {
    for input in [
        "data/divisions.tsv",
        "src/dictionary.rs",
        "src/parse/gazetteer/table.rs",
    ] {
        println!("cargo::rerun-if-changed={input}");
    }
    let text = fs::read_to_string("data/divisions.tsv").expect("data/divisions.tsv is readable");
    let divisions = table::read(Box::leak(text.into_boxed_str()));
    let names = table::names(&divisions);
    let automaton = dictionary::Dictionary::new(names.iter().map(|n| n.text))
        .expect("the division names build an automaton");
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("divisions.daac"), automaton.to_bytes()).expect("OUT_DIR is writable");
}
