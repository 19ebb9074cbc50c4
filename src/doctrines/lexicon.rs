//! The doctrine lexicon: canonical names, kinds and the other forms they are cited in.
//!
//! The built-in lexicon is `data/doctrines.tsv`, compiled in; users extend it with files of the
//! same format (`jianghua parse --lexicon FILE`). Every form of every entry is matched in one
//! leftmost-longest Aho-Corasick pass.

use std::ops::Range;
use std::sync::LazyLock;

use thiserror::Error;

use crate::dictionary::Dictionary;
use crate::lexicon_file;
use crate::model::DoctrineKind;

/// The built-in lexicon file.
const BUILTIN_TSV: &str = include_str!("../../data/doctrines.tsv");

/// The automaton of the built-in lexicon's forms, built by the build script.
const BUILTIN_AUTOMATON: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/doctrines.daac"));

static BUILTIN: LazyLock<Lexicon> = LazyLock::new(|| {
    // The built-in file is tested (`builtin_lexicon_parses`); an error here is a build mistake,
    // and an empty lexicon keeps parsing working rather than panicking.
    let entries = parse_entries(BUILTIN_TSV).unwrap_or_default();
    Lexicon::from_entries_with(entries, |forms| {
        // SAFETY: `BUILTIN_AUTOMATON` is what the build script wrote with
        // `Dictionary::to_bytes`, compiled against the same `daachorse` as this crate.
        unsafe { Dictionary::prebuilt(forms, BUILTIN_AUTOMATON) }
    })
    .unwrap_or_else(|_| Lexicon::empty())
});

/// A malformed lexicon line.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LexiconError {
    /// A line with fewer than the two required columns.
    #[error("line {line}: expected at least 2 tab-separated columns (name, kind), found {found}")]
    MissingColumns { line: usize, found: usize },
    /// A line with more columns than name, kind, aliases and note.
    #[error("line {line}: expected at most 4 tab-separated columns (name, kind, aliases, note), found {found}")]
    TooManyColumns { line: usize, found: usize },
    /// A kind that is not one of the six.
    #[error("line {line}, column {column}: unknown kind `{kind}`; expected one of thought, formulation, law, meeting, publication, quote")]
    UnknownKind {
        line: usize,
        column: usize,
        kind: String,
    },
    /// An empty name or alias.
    #[error("line {line}, column {column}: empty {what}")]
    EmptyForm {
        line: usize,
        column: usize,
        what: &'static str,
    },
    /// A form with 《》 in it, which the canonical forms never carry.
    #[error("line {line}, column {column}: `{form}` must not contain 《 or 》 (write the title without them)")]
    TitleMarks {
        line: usize,
        column: usize,
        form: String,
    },
    /// The matcher could not be built (too many or too long forms).
    #[error("cannot build the lexicon matcher: {0}")]
    Matcher(String),
}

/// One doctrine of the lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The canonical name, without quotation marks.
    pub name: String,
    /// What kind of doctrine it is.
    pub kind: DoctrineKind,
    /// Every form to look for, the name first.
    pub forms: Vec<Form>,
}

/// A form of an entry as it may be written in a speech.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// The text to find.
    pub text: String,
    /// Whether the text counts only where it is quoted (or in 《》) in the speech.
    pub marked_only: bool,
}

/// A lexicon form found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<'a> {
    /// Byte range of the form in the searched text.
    pub range: Range<usize>,
    /// The entry it belongs to.
    pub entry: &'a Entry,
    /// Whether it counts only where quoted.
    pub marked_only: bool,
}

/// A doctrine lexicon with its compiled matcher: the built-in one, or the built-in one
/// extended by a user's file.
#[derive(Debug, Clone)]
pub struct Lexicon {
    entries: Vec<Entry>,
    /// For each matcher pattern: (entry index, form index).
    patterns: Vec<(usize, usize)>,
    /// `None` only for the empty fallback lexicon.
    matcher: Option<Dictionary>,
}

impl Lexicon {
    /// The built-in lexicon (`data/doctrines.tsv`), parsed and compiled once.
    pub fn builtin() -> &'static Lexicon {
        &BUILTIN
    }

    /// The built-in lexicon extended by the entries of a user's file (same format as
    /// `data/doctrines.tsv`). Where a user's form is also a built-in form, the user's entry wins.
    pub fn with_user_entries(tsv: &str) -> Result<Lexicon, LexiconError> {
        let mut entries = parse_entries(tsv)?;
        entries.extend(Lexicon::builtin().entries.iter().cloned());
        Lexicon::from_entries(entries)
    }

    /// The entries, user entries first.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    fn empty() -> Lexicon {
        Lexicon {
            entries: Vec::new(),
            patterns: Vec::new(),
            matcher: None,
        }
    }

    fn from_entries(entries: Vec<Entry>) -> Result<Lexicon, LexiconError> {
        Lexicon::from_entries_with(entries, |forms| Dictionary::new(forms))
    }

    /// The lexicon of `entries`, its matcher made from every form by `matcher`.
    fn from_entries_with(
        entries: Vec<Entry>,
        matcher: impl FnOnce(&[&str]) -> Result<Dictionary, String>,
    ) -> Result<Lexicon, LexiconError> {
        let mut patterns = Vec::new();
        let mut texts: Vec<&str> = Vec::new();
        for (e, entry) in entries.iter().enumerate() {
            for (f, form) in entry.forms.iter().enumerate() {
                patterns.push((e, f));
                texts.push(&form.text);
            }
        }
        // Leftmost-longest: the longest form wins (双联系 over 双联), and an identical form
        // keeps the earliest entry (the user's).
        let matcher = matcher(&texts).map_err(LexiconError::Matcher)?;
        Ok(Lexicon {
            entries,
            patterns,
            matcher: Some(matcher),
        })
    }

    /// Every form found in `text`, leftmost-longest, without overlaps.
    pub fn find(&self, text: &str) -> Vec<Hit<'_>> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        matcher
            .find_iter(text)
            .filter_map(|(range, pattern)| {
                let &(e, f) = self.patterns.get(pattern)?;
                let entry = self.entries.get(e)?;
                let form = entry.forms.get(f)?;
                Some(Hit {
                    range,
                    entry,
                    marked_only: form.marked_only,
                })
            })
            .collect()
    }
}

/// Parses the lines of a lexicon file.
pub fn parse_entries(tsv: &str) -> Result<Vec<Entry>, LexiconError> {
    let mut entries = Vec::new();
    for (line, content) in lexicon_file::content_lines(tsv) {
        entries.push(parse_line(content, line)?);
    }
    Ok(entries)
}

fn parse_line(content: &str, line: usize) -> Result<Entry, LexiconError> {
    let columns: Vec<&str> = content.split('\t').collect();
    if columns.len() < 2 {
        return Err(LexiconError::MissingColumns {
            line,
            found: columns.len(),
        });
    }
    if columns.len() > 4 {
        return Err(LexiconError::TooManyColumns {
            line,
            found: columns.len(),
        });
    }
    // 1-based character column where each field starts.
    let mut starts = Vec::with_capacity(columns.len());
    let mut column = 1;
    for c in &columns {
        starts.push(column);
        column += c.chars().count() + 1;
    }
    let field = |i: usize| columns.get(i).map(|s| s.trim()).unwrap_or("");
    let start = |i: usize| starts.get(i).copied().unwrap_or(1);

    let name = parse_form(field(0), line, start(0), "name")?;
    let kind = parse_kind(field(1)).ok_or_else(|| LexiconError::UnknownKind {
        line,
        column: start(1),
        kind: field(1).to_owned(),
    })?;
    let mut forms = vec![name.clone()];
    if !field(2).is_empty() {
        for alias in field(2).split('|') {
            let form = parse_form(alias.trim(), line, start(2), "alias")?;
            if !forms.contains(&form) {
                forms.push(form);
            }
        }
    }
    Ok(Entry {
        name: name.text,
        kind,
        forms,
    })
}

/// A form as written in the file: `“…”` around the whole form makes it count only where quoted.
fn parse_form(
    written: &str,
    line: usize,
    column: usize,
    what: &'static str,
) -> Result<Form, LexiconError> {
    let (text, marked_only) = match written.strip_prefix('“').and_then(|s| s.strip_suffix('”'))
    {
        Some(inner) if !inner.contains(['“', '”']) => (inner.trim(), true),
        _ => (written, false),
    };
    if text.is_empty() {
        return Err(LexiconError::EmptyForm { line, column, what });
    }
    if text.contains(['《', '》']) {
        return Err(LexiconError::TitleMarks {
            line,
            column,
            form: written.to_owned(),
        });
    }
    Ok(Form {
        text: text.to_owned(),
        marked_only,
    })
}

fn parse_kind(kind: &str) -> Option<DoctrineKind> {
    Some(match kind {
        "thought" => DoctrineKind::Thought,
        "formulation" => DoctrineKind::Formulation,
        "law" => DoctrineKind::Law,
        "meeting" => DoctrineKind::Meeting,
        "publication" => DoctrineKind::Publication,
        "quote" => DoctrineKind::Quote,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_lexicon_uses_the_automaton_of_the_build_script() {
        let forms: Vec<&str> = Lexicon::builtin()
            .entries()
            .iter()
            .flat_map(|e| e.forms.iter().map(|f| f.text.as_str()))
            .collect();
        assert!(Dictionary::was_built_for(BUILTIN_AUTOMATON, &forms));
    }

    #[test]
    fn builtin_lexicon_parses() {
        let entries = parse_entries(BUILTIN_TSV).expect("data/doctrines.tsv is well-formed");
        assert!(entries.len() >= 80, "{} entries", entries.len());
        assert_eq!(Lexicon::builtin().entries().len(), entries.len());
    }

    #[test]
    fn aliases_and_marked_forms() {
        let entries = parse_entries("两个联系\tformulation\t双联系|“双联”\tnote\n").unwrap();
        let forms = &entries[0].forms;
        assert_eq!(entries[0].name, "两个联系");
        assert_eq!(forms.len(), 3);
        assert!(!forms[1].marked_only);
        assert_eq!(forms[2].text, "双联");
        assert!(forms[2].marked_only);
    }

    #[test]
    fn malformed_lines_name_their_line_and_column() {
        let err = parse_entries("# c\n\n两个维护\tformulaton\n").unwrap_err();
        assert_eq!(
            err,
            LexiconError::UnknownKind {
                line: 3,
                column: 6,
                kind: "formulaton".into()
            }
        );
        assert_eq!(
            parse_entries("两个维护\n").unwrap_err(),
            LexiconError::MissingColumns { line: 1, found: 1 }
        );
        assert!(matches!(
            parse_entries("《求是》\tpublication\n").unwrap_err(),
            LexiconError::TitleMarks { line: 1, .. }
        ));
        assert!(matches!(
            parse_entries("a\tlaw\tb||c\n").unwrap_err(),
            LexiconError::EmptyForm { line: 1, .. }
        ));
        assert!(matches!(
            parse_entries("a\tlaw\tb\tc\td\n").unwrap_err(),
            LexiconError::TooManyColumns { line: 1, found: 5 }
        ));
    }

    #[test]
    fn user_entries_win_over_builtin_forms() {
        let lexicon = Lexicon::with_user_entries("1264\tformulation\n四个机关\tquote\n").unwrap();
        let hits = lexicon.find("县委“1264”与四个机关");
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].entry.name, "1264");
        assert_eq!(hits[1].entry.kind, DoctrineKind::Quote);
    }
}
