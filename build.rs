//! Builds, once, what would otherwise cost every run of the command: the automata of the
//! thousands of division names the gazetteer looks for (`data/divisions.tsv`) and of the
//! keywords and forms of the built-in lexicons (`data/themes.tsv`, `data/doctrines.tsv`).
//!
//! Each automaton is stored with the fingerprint of its word list; the parser uses it only if
//! the list it reads from the same file has that fingerprint, and builds its own otherwise.
//! The lexicons' lists below follow their parsers (`src/themes/lexicon.rs`,
//! `src/doctrines/lexicon.rs`); their tests check that the parsers take the stored automata.

use std::path::{Path, PathBuf};
use std::{env, fs};

#[allow(dead_code)]
#[path = "src/dictionary.rs"]
mod dictionary;

#[allow(dead_code)]
#[path = "src/parse/gazetteer/table.rs"]
mod table;

#[path = "src/lexicon_file.rs"]
mod lexicon_file;

use dictionary::Dictionary;

fn main() {
    for input in [
        "data/divisions.tsv",
        "data/themes.tsv",
        "data/doctrines.tsv",
        "src/dictionary.rs",
        "src/lexicon_file.rs",
        "src/parse/gazetteer/table.rs",
    ] {
        println!("cargo::rerun-if-changed={input}");
    }
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));

    let divisions = table::read(read("data/divisions.tsv"));
    let names = table::names(&divisions);
    write(&out, "divisions.daac", names.iter().map(|n| n.text));
    fs::write(
        out.join("divisions.rs"),
        divisions_source(&divisions, &names),
    )
    .expect("OUT_DIR is writable");

    write(&out, "themes.daac", theme_keywords(read("data/themes.tsv")));
    write(
        &out,
        "doctrines.daac",
        doctrine_forms(read("data/doctrines.tsv")),
    );
}

/// The table and its names as Rust statics, so that a run does not read the table again.
fn divisions_source(divisions: &[table::Division], names: &[table::Name]) -> String {
    let mut source = String::from("/// The divisions of `data/divisions.tsv`, in order.\n");
    source += &format!("static DIVISIONS: [Division; {}] = [\n", divisions.len());
    for d in divisions {
        source += &format!(
            "    Division {{ code: {}, name: {:?}, short: {:?}, level: DivisionLevel::{:?}, ambiguous: {} }},\n",
            d.code, d.name, d.short, d.level, d.ambiguous
        );
    }
    source += "];\n\n/// The names of `table::names(&DIVISIONS)`, in order.\n";
    source += &format!("static NAMES: [table::Name; {}] = [\n", names.len());
    for n in names {
        source += &format!(
            "    table::Name {{ text: {:?}, division: {}, full: {} }},\n",
            n.text, n.division, n.full
        );
    }
    source + "];\n"
}

fn read(path: &str) -> &'static str {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Box::leak(text.into_boxed_str())
}

fn write<'a>(out: &Path, name: &str, words: impl IntoIterator<Item = &'a str>) {
    let dictionary = Dictionary::new(words).unwrap_or_else(|e| panic!("{name}: {e}"));
    fs::write(out.join(name), dictionary.to_bytes()).expect("OUT_DIR is writable");
}

/// The keywords of a theme lexicon, each once, in file order: the second column.
fn theme_keywords(tsv: &str) -> Vec<&str> {
    let mut keywords = Vec::new();
    for (_, line) in lexicon_file::content_lines(tsv) {
        if let Some(keyword) = line.split('\t').nth(1).map(str::trim) {
            if !keywords.contains(&keyword) {
                keywords.push(keyword);
            }
        }
    }
    keywords
}

/// The forms of every entry of a doctrine lexicon, in file order: the name (first column) and
/// the aliases (third column, `|`-separated), each without the “…” that restricts it, and each
/// once in its entry.
fn doctrine_forms(tsv: &str) -> Vec<&str> {
    let mut forms = Vec::new();
    for (_, line) in lexicon_file::content_lines(tsv) {
        let columns: Vec<&str> = line.split('\t').map(str::trim).collect();
        let aliases = columns.get(2).filter(|a| !a.is_empty());
        let written = columns.first().into_iter().copied().chain(
            aliases
                .into_iter()
                .flat_map(|a| a.split('|').map(str::trim)),
        );
        let mut entry: Vec<(&str, bool)> = Vec::new();
        for form in written {
            let marked = form
                .strip_prefix('“')
                .and_then(|s| s.strip_suffix('”'))
                .filter(|inner| !inner.contains(['“', '”']));
            let form = marked.map_or((form, false), |inner| (inner.trim(), true));
            if !entry.contains(&form) {
                entry.push(form);
            }
        }
        forms.extend(entry.into_iter().map(|(text, _)| text));
    }
    forms
}
