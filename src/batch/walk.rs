//! Inputs: the files, folders (walked recursively) and glob patterns given on the command line,
//! expanded lazily into the files to convert, each with the relative path its outputs mirror.
//!
//! The relative path of a file is taken from the root of the argument that named it: the folder
//! itself for a folder, the literal part of a glob (`corpus/**/*.txt` → `corpus`), the file's own
//! folder for a file. So `corpus/a/b/x.txt`, found by walking `corpus`, is written to
//! `OUT/a/b/x.json`.

use std::path::{Component, Path, PathBuf};

use globset::{Glob, GlobBuilder, GlobMatcher, GlobSet, GlobSetBuilder};
use walkdir::WalkDir;

/// File name extensions picked up when walking a folder (case-insensitive), beside those of
/// saved pages (`crate::html::EXTENSIONS`). Files named explicitly are taken whatever their name.
pub const WALKED_EXTENSIONS: [&str; 4] = ["txt", "text", "json", "xml"];

/// The files a folder walk met and did not take (a `.pdf`, a `.doc`): counted, so that none is
/// dropped without a word.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Skipped {
    /// How many files.
    pub files: usize,
    /// Their extensions, lowercase, with the dot (`.pdf`); `(none)` for a file without one.
    pub extensions: std::collections::BTreeSet<String>,
}

impl Skipped {
    fn add(&mut self, relative: &Path) {
        self.files += 1;
        let extension = relative
            .extension()
            .map(|extension| format!(".{}", extension.to_string_lossy().to_lowercase()))
            .unwrap_or_else(|| "(none)".to_owned());
        self.extensions.insert(extension);
    }
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let extensions: Vec<&str> = self.extensions.iter().map(String::as_str).collect();
        write!(f, "{} ({})", self.files, extensions.join(", "))
    }
}

/// One file to convert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// The path to read, as reached from the argument (`corpus/a/x.txt`), or `-` for stdin.
    pub path: PathBuf,
    /// The path below the argument's root (`a/x.txt`), mirrored under the output folder.
    pub relative: PathBuf,
}

/// A command-line argument that names no input.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// Neither an existing path nor a glob pattern.
    #[error("{path}: no such file or folder")]
    NotFound {
        /// The argument.
        path: PathBuf,
    },
    /// A glob pattern that does not compile.
    #[error("{pattern}: invalid glob pattern: {source}")]
    Glob {
        /// The argument.
        pattern: String,
        /// Why it is invalid.
        source: globset::Error,
    },
    /// A path that is not valid Unicode used as a glob.
    #[error("{path}: a glob pattern must be valid UTF-8")]
    NonUnicodeGlob {
        /// The argument.
        path: PathBuf,
    },
}

/// A failure while walking a folder (unreadable folder, broken link): reported, then skipped.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {source}")]
pub struct WalkError {
    /// Where the walk failed.
    pub path: PathBuf,
    /// Why.
    pub source: walkdir::Error,
}

/// What one argument names.
#[derive(Debug)]
enum Root {
    /// Standard input (`-`).
    Stdin,
    /// One file.
    File { path: PathBuf, canonical: PathBuf },
    /// A folder, walked recursively.
    Folder { path: PathBuf, canonical: PathBuf },
    /// Files below `base` whose path relative to `base` matches `matcher`.
    Glob {
        base: PathBuf,
        canonical: PathBuf,
        matcher: GlobMatcher,
    },
}

/// The inputs of a run, in argument order; folders are walked in file-name order.
#[derive(Debug)]
pub struct Inputs {
    roots: Vec<Root>,
    /// A folder never walked into: the output folder, when it lies inside an input folder.
    excluded: Option<PathBuf>,
    /// `--include` and `--exclude`, for files found in folders and globs.
    filter: Filter,
    /// Folder walks take documents only (`.json`, `.xml`): what `validate` reads.
    documents_only: bool,
}

/// The extensions of documents, taken by folder walks of [`Inputs::documents_only`].
pub const DOCUMENT_EXTENSIONS: [&str; 2] = ["json", "xml"];

/// Which walked files are taken: those matching an include (all when there is none) and no
/// exclude; a glob matches a file's path below its folder or its name.
#[derive(Debug, Default)]
struct Filter {
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

impl Filter {
    fn new(include: &[String], exclude: &[String]) -> Result<Self, InputError> {
        Ok(Self {
            include: glob_set(include)?,
            exclude: glob_set(exclude)?,
        })
    }

    fn accepts(&self, relative: &Path) -> bool {
        let matches = |set: &GlobSet| {
            set.is_match(relative) || relative.file_name().is_some_and(|name| set.is_match(name))
        };
        self.include.as_ref().is_none_or(matches) && !self.exclude.as_ref().is_some_and(matches)
    }
}

/// The globs as one set, or none when there are none.
fn glob_set(patterns: &[String]) -> Result<Option<GlobSet>, InputError> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut set = GlobSetBuilder::new();
    for pattern in patterns {
        let glob = Glob::new(pattern).map_err(|source| InputError::Glob {
            pattern: pattern.clone(),
            source,
        })?;
        set.add(glob);
    }
    set.build().map(Some).map_err(|source| InputError::Glob {
        pattern: patterns.join(" "),
        source,
    })
}

impl Inputs {
    /// Resolves the command-line arguments. Fails on the first argument that names nothing.
    pub fn new(arguments: &[PathBuf]) -> Result<Self, InputError> {
        let roots = arguments
            .iter()
            .map(|argument| Root::new(argument))
            .collect::<Result<_, _>>()?;
        Ok(Self {
            roots,
            excluded: None,
            filter: Filter::default(),
            documents_only: false,
        })
    }

    /// Takes only the files of folders and globs that match an `include` glob (any file when
    /// there is none) and no `exclude` glob; files named on their own are always taken.
    pub fn filtered(mut self, include: &[String], exclude: &[String]) -> Result<Self, InputError> {
        self.filter = Filter::new(include, exclude)?;
        Ok(self)
    }

    /// Folder walks take only documents (`.json`, `.xml`); globs and files named on their
    /// own are taken whatever their name.
    pub fn documents_only(mut self) -> Self {
        self.documents_only = true;
        self
    }

    /// Never walks into `folder` (which must exist): outputs written there are not inputs.
    pub fn exclude(mut self, folder: &Path) -> Self {
        self.excluded = folder.canonicalize().ok();
        self
    }

    /// Whether the arguments name exactly one file (or stdin), no folder and no glob.
    pub fn is_single_file(&self) -> bool {
        matches!(self.roots.as_slice(), [Root::File { .. } | Root::Stdin])
    }

    /// Whether standard input is one of the inputs.
    pub fn reads_stdin(&self) -> bool {
        self.roots.iter().any(|root| matches!(root, Root::Stdin))
    }

    /// The files, lazily, in argument order; walk failures come as errors in their place.
    pub fn files(&self) -> impl Iterator<Item = Result<InputFile, WalkError>> + '_ {
        self.roots.iter().flat_map(move |root| {
            let walked = matches!(root, Root::Folder { .. } | Root::Glob { .. });
            let folder = matches!(root, Root::Folder { .. });
            root.files(self.excluded.as_deref()).filter(move |file| {
                let Ok(file) = file else { return true };
                let kind_taken = !(folder && self.documents_only) || is_document(&file.relative);
                !walked || (kind_taken && self.filter.accepts(&file.relative))
            })
        })
    }

    /// The files below the folders given that a walk does not take (of no known extension),
    /// hidden files and the excluded folder left out. Walks the folders again: asked once, at
    /// the end of a run.
    pub fn skipped(&self) -> Skipped {
        let mut skipped = Skipped::default();
        for root in &self.roots {
            if let Root::Folder { path, canonical } = root {
                let not_taken =
                    |relative: &Path| !is_walked_file(relative) && !is_hidden_path(relative);
                for file in walk(path, canonical, self.excluded.as_deref(), not_taken).flatten() {
                    skipped.add(&file.relative);
                }
            }
        }
        skipped
    }

    /// Whether every argument is a folder or a glob: then a folder mirroring them (of expected
    /// documents) holds nothing but what they map to.
    pub fn walks_only(&self) -> bool {
        self.roots
            .iter()
            .all(|root| matches!(root, Root::Folder { .. } | Root::Glob { .. }))
    }

    /// Whether a folder or glob of the inputs holds a file of a kind the tool reads at
    /// `relative` under any extension (`a/x.json` → `a/x.txt`, `a/x.html`…), taken by this run
    /// or not (`--exclude`).
    pub fn has_file_like(&self, relative: &Path) -> bool {
        let extensions = WALKED_EXTENSIONS
            .iter()
            .chain(crate::html::EXTENSIONS.iter());
        let bases: Vec<&Path> = self
            .roots
            .iter()
            .filter_map(|root| match root {
                Root::Folder { path, .. } => Some(path.as_path()),
                Root::Glob { base, .. } => Some(base.as_path()),
                Root::Stdin | Root::File { .. } => None,
            })
            .collect();
        extensions.into_iter().any(|extension| {
            let candidate = relative.with_extension(extension);
            bases.iter().any(|base| base.join(&candidate).is_file())
        })
    }

    /// Whether the file at `path` is one of the inputs (or would be, were it there).
    ///
    /// Used to refuse writing an output over an input.
    pub fn contains(&self, path: &Path) -> bool {
        let Some(canonical) = canonical_path(path) else {
            return false;
        };
        self.roots.iter().any(|root| root.contains(&canonical))
    }
}

impl Root {
    fn new(argument: &Path) -> Result<Self, InputError> {
        if argument.as_os_str() == "-" {
            return Ok(Root::Stdin);
        }
        if let Ok(canonical) = argument.canonicalize() {
            let path = argument.to_path_buf();
            return Ok(if canonical.is_dir() {
                Root::Folder { path, canonical }
            } else {
                Root::File { path, canonical }
            });
        }
        let Some(pattern) = argument.to_str() else {
            return Err(InputError::NonUnicodeGlob {
                path: argument.to_path_buf(),
            });
        };
        if !pattern.contains(['*', '?', '[', '{']) {
            return Err(InputError::NotFound {
                path: argument.to_path_buf(),
            });
        }
        let (base, rest) = split_glob(argument);
        let glob_error = |source| InputError::Glob {
            pattern: pattern.to_owned(),
            source,
        };
        let matcher = GlobBuilder::new(&rest.to_string_lossy())
            .literal_separator(true)
            .build()
            .map_err(glob_error)?
            .compile_matcher();
        let canonical = base.canonicalize().map_err(|_| InputError::NotFound {
            path: argument.to_path_buf(),
        })?;
        Ok(Root::Glob {
            base,
            canonical,
            matcher,
        })
    }

    fn files<'a>(
        &'a self,
        excluded: Option<&'a Path>,
    ) -> Box<dyn Iterator<Item = Result<InputFile, WalkError>> + 'a> {
        match self {
            Root::Stdin => Box::new(std::iter::once(Ok(InputFile {
                path: PathBuf::from("-"),
                relative: PathBuf::from("stdin.txt"),
            }))),
            Root::File { path, .. } => {
                let relative = path.file_name().map(PathBuf::from).unwrap_or_default();
                Box::new(std::iter::once(Ok(InputFile {
                    path: path.clone(),
                    relative,
                })))
            }
            Root::Folder { path, canonical } => {
                Box::new(walk(path, canonical, excluded, is_walked_file))
            }
            Root::Glob {
                base,
                canonical,
                matcher,
            } => Box::new(walk(base, canonical, excluded, move |relative| {
                matcher.is_match(relative)
            })),
        }
    }

    fn contains(&self, canonical_file: &Path) -> bool {
        match self {
            Root::Stdin => false,
            Root::File { canonical, .. } => canonical == canonical_file,
            Root::Folder { canonical, .. } => canonical_file
                .strip_prefix(canonical)
                .is_ok_and(is_walked_file),
            Root::Glob {
                canonical, matcher, ..
            } => canonical_file
                .strip_prefix(canonical)
                .is_ok_and(|relative| matcher.is_match(relative)),
        }
    }
}

/// The files below `root` whose relative path passes `accept`, skipping hidden entries and
/// the excluded folder.
fn walk<'a>(
    root: &'a Path,
    canonical_root: &Path,
    excluded: Option<&Path>,
    accept: impl Fn(&Path) -> bool + 'a,
) -> impl Iterator<Item = Result<InputFile, WalkError>> + 'a {
    // The excluded folder as a path relative to this root, so that skipping it needs no
    // file-system call per entry.
    let excluded = excluded
        .and_then(|excluded| excluded.strip_prefix(canonical_root).ok())
        .map(Path::to_path_buf);
    WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(move |entry| {
            let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
            entry.depth() == 0
                || !(is_hidden(entry.file_name()) || excluded.as_deref() == Some(relative))
        })
        .filter_map(move |entry| match entry {
            Err(source) => Some(Err(WalkError {
                path: source.path().unwrap_or(root).to_path_buf(),
                source,
            })),
            Ok(entry) if entry.file_type().is_dir() => None,
            Ok(entry) => {
                let relative = entry.path().strip_prefix(root).ok()?.to_path_buf();
                accept(&relative).then(|| {
                    Ok(InputFile {
                        path: entry.into_path(),
                        relative,
                    })
                })
            }
        })
}

/// Whether a file met in a folder walk is taken: a known extension, nothing hidden on the way.
fn is_walked_file(relative: &Path) -> bool {
    let hidden = is_hidden_path(relative);
    let known = crate::html::has_page_extension(relative)
        || relative
            .extension()
            .and_then(|extension| extension.to_str())
            .is_some_and(|extension| {
                WALKED_EXTENSIONS
                    .iter()
                    .any(|known| extension.eq_ignore_ascii_case(known))
            });
    known && !hidden
}

/// Whether a file's name ends in a document's extension (`.json`, `.xml`, any case).
fn is_document(relative: &Path) -> bool {
    relative
        .extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| {
            DOCUMENT_EXTENSIONS
                .iter()
                .any(|known| extension.eq_ignore_ascii_case(known))
        })
}

fn is_hidden_path(relative: &Path) -> bool {
    relative
        .components()
        .any(|component| is_hidden(component.as_os_str()))
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.') && name != "." && name != ".."
}

/// Splits a glob into the folder of its leading literal components and the pattern below it.
fn split_glob(pattern: &Path) -> (PathBuf, PathBuf) {
    let mut base = PathBuf::new();
    let mut rest = PathBuf::new();
    for component in pattern.components() {
        let literal = !component
            .as_os_str()
            .to_string_lossy()
            .contains(['*', '?', '[', '{']);
        if literal && rest.as_os_str().is_empty() {
            base.push(component);
        } else {
            rest.push(component);
        }
    }
    if base.as_os_str().is_empty() {
        base.push(Component::CurDir);
    }
    (base, rest)
}

/// The canonical form of a path whose file may not exist yet (its folder must).
pub fn canonical_path(path: &Path) -> Option<PathBuf> {
    if let Ok(canonical) = path.canonicalize() {
        return Some(canonical);
    }
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    Some(parent.canonicalize().ok()?.join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_split_at_the_first_pattern_component() {
        let (base, rest) = split_glob(Path::new("corpus/2023/**/*.txt"));
        assert_eq!(base, Path::new("corpus/2023"));
        assert_eq!(rest, Path::new("**/*.txt"));
        let (base, rest) = split_glob(Path::new("*.txt"));
        assert_eq!(base, Path::new("."));
        assert_eq!(rest, Path::new("*.txt"));
    }

    #[test]
    fn folder_walks_take_known_extensions_and_skip_hidden_files() {
        assert!(is_walked_file(Path::new("a/b/x.txt")));
        assert!(is_walked_file(Path::new("x.JSON")));
        assert!(is_walked_file(Path::new("pages/x.shtml")));
        assert!(is_walked_file(Path::new("x.HTM")));
        assert!(!is_walked_file(Path::new("x.png")));
        assert!(!is_walked_file(Path::new(".git/x.txt")));
        assert!(!is_walked_file(Path::new("a/.x.json.tmp")));
    }
}
