//! Where outputs go (a tree mirroring the inputs) and how they get there (atomically).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::convert::OutputForm;

/// The output folder: outputs mirror their input's relative path, with the extension of their form.
#[derive(Debug, Clone)]
pub struct OutputTree {
    root: PathBuf,
}

impl OutputTree {
    /// The tree rooted at `root`, creating the folder.
    pub fn create(root: &Path) -> std::io::Result<Self> {
        std::fs::create_dir_all(root)?;
        Ok(Self {
            root: root.to_path_buf(),
        })
    }

    /// The folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the output of the input at `relative` goes: `a/b/x.txt` → `ROOT/a/b/x.json`.
    pub fn path(&self, relative: &Path, form: OutputForm) -> PathBuf {
        self.root.join(relative.with_extension(extension(form)))
    }
}

/// The file name extension of outputs in `form`.
pub const fn extension(form: OutputForm) -> &'static str {
    match form {
        OutputForm::Json => "json",
        OutputForm::Xml => "xml",
        OutputForm::Akn => "akn.xml",
    }
}

/// Writes `bytes` to `path` so that `path` holds either its old content or all of `bytes`, never
/// a part: the bytes go to a temporary file in the same folder (`.NAME.XXXXXX.tmp`), which is
/// then renamed over `path`. A failed write removes its temporary file; a process killed
/// outright leaves at most that hidden file, which folder walks skip, and never a partial output.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(folder)?;
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut temporary = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(folder)?;
    temporary.write_all(bytes)?;
    temporary.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    #[test]
    fn a_write_replaces_the_whole_file_and_leaves_no_temporary() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("a/b/x.json");
        write_atomic(&path, b"old")?;
        write_atomic(&path, b"new content")?;
        assert_eq!(std::fs::read(&path)?, b"new content");
        assert_eq!(names(&dir.path().join("a/b")), ["x.json"]);
        Ok(())
    }

    #[test]
    fn a_failed_write_leaves_neither_output_nor_temporary() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        // A folder where the file should go: the final rename fails.
        std::fs::create_dir(dir.path().join("x.json"))?;
        std::fs::write(dir.path().join("x.json/keep"), b"")?;
        assert!(write_atomic(&dir.path().join("x.json"), b"{}").is_err());
        assert_eq!(names(dir.path()), ["x.json"]);
        assert!(dir.path().join("x.json").is_dir());
        Ok(())
    }

    #[test]
    fn outputs_mirror_the_relative_path() {
        let tree = OutputTree {
            root: PathBuf::from("out"),
        };
        assert_eq!(
            tree.path(Path::new("a/b/x.txt"), OutputForm::Json),
            Path::new("out/a/b/x.json")
        );
    }
}
