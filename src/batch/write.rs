//! Where outputs go (a tree mirroring the inputs) and how they get there (safely).
//!
//! A write respects what is at the path: a regular file is replaced atomically and keeps its
//! mode (and owner, where the process may set it); a symbolic link is followed and its target
//! replaced in the target's folder; a character device, FIFO or socket is written straight
//! through; a new file gets the mode `0666 & !umask`, as `cp` and compilers give. Nothing in
//! `/dev` is ever created or renamed over.

use std::fs::{File, Metadata, OpenOptions, Permissions};
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

/// How deep a chain of symbolic links may go before it is taken for a loop (as Linux's
/// `MAXSYMLINKS`).
const MAX_LINKS: usize = 40;

/// What a write finds at its path, links followed.
#[derive(Debug)]
enum Target {
    /// Nothing yet: a new file at this path.
    New(PathBuf),
    /// A regular file, replaced atomically.
    Regular(PathBuf, Metadata),
    /// A character device, FIFO or socket: written straight through.
    Stream(PathBuf),
}

/// Writes `bytes` to `path`, respecting what is there (see the module's documentation). A
/// regular file holds either its old content or all of `bytes`, never a part: the bytes go to a
/// temporary file in the same folder (`.NAME.XXXXXX.tmp`), which is then renamed over it. A
/// failed write removes its temporary file; a process killed outright leaves at most that hidden
/// file, which folder walks skip, and never a partial output.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    match Target::of(path)? {
        Target::Stream(path) => write_through(&path, bytes),
        Target::Regular(path, metadata) => {
            refuse_dev(&path)?;
            replace(&path, bytes, Some(&metadata))
        }
        Target::New(path) => {
            refuse_dev(&path)?;
            replace(&path, bytes, None)
        }
    }
}

impl Target {
    /// Follows `path`'s symbolic links to what a write would change.
    fn of(path: &Path) -> std::io::Result<Self> {
        let mut path = path.to_path_buf();
        for _ in 0..MAX_LINKS {
            let metadata = match std::fs::symlink_metadata(&path) {
                Ok(metadata) => metadata,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Target::New(path)),
                Err(e) => return Err(e),
            };
            let kind = metadata.file_type();
            if kind.is_symlink() {
                // A link to a pipe or terminal (`/dev/stdout` → `/proc/self/fd/1` → `pipe:[…]`)
                // names no path: what it opens is told by following it.
                if std::fs::metadata(&path).is_ok_and(|target| is_stream(&target)) {
                    return Ok(Target::Stream(path));
                }
                path = link_target(&path)?;
            } else if is_stream(&metadata) {
                return Ok(Target::Stream(path));
            } else if kind.is_file() {
                return Ok(Target::Regular(path, metadata));
            } else {
                return Err(std::io::Error::other(format!(
                    "{} is not a regular file",
                    path.display()
                )));
            }
        }
        Err(std::io::Error::other(format!(
            "{}: too many levels of symbolic links",
            path.display()
        )))
    }
}

/// Where the link at `path` points, relative targets taken from the link's folder.
fn link_target(path: &Path) -> std::io::Result<PathBuf> {
    let target = std::fs::read_link(path)?;
    Ok(match path.parent() {
        Some(folder) if target.is_relative() => folder.join(target),
        _ => target,
    })
}

#[cfg(unix)]
fn is_stream(metadata: &Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    let kind = metadata.file_type();
    kind.is_char_device() || kind.is_fifo() || kind.is_socket()
}

#[cfg(not(unix))]
fn is_stream(_: &Metadata) -> bool {
    false
}

/// Refuses to create or replace a file in `/dev`: a rename there (as root) would replace a
/// device every later process uses.
fn refuse_dev(path: &Path) -> std::io::Result<()> {
    let absolute = crate::batch::walk::canonical_path(path).unwrap_or_else(|| path.to_path_buf());
    if absolute.starts_with("/dev") {
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            format!(
                "refusing to create or replace {}: only devices, FIFOs and sockets are written in /dev",
                path.display()
            ),
        ));
    }
    Ok(())
}

/// Writes into a device, FIFO or socket as it is: no temporary file, no rename, no truncation.
fn write_through(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut stream = match OpenOptions::new().write(true).open(path) {
        Ok(file) => Box::new(file) as Box<dyn Write>,
        Err(e) => connect_socket(path).map_err(|_| e)?,
    };
    stream.write_all(bytes)?;
    stream.flush()
}

/// A named Unix socket cannot be opened, only connected to.
#[cfg(unix)]
fn connect_socket(path: &Path) -> std::io::Result<Box<dyn Write>> {
    Ok(Box::new(std::os::unix::net::UnixStream::connect(path)?))
}

#[cfg(not(unix))]
fn connect_socket(_: &Path) -> std::io::Result<Box<dyn Write>> {
    Err(std::io::Error::other("not a file"))
}

/// Writes a temporary file next to `path` and renames it over `path`. The temporary file is
/// created with the mode `0666` (less the umask, applied by the system), then given the mode
/// and owner of the file it replaces, if any.
fn replace(path: &Path, bytes: &[u8], old: Option<&Metadata>) -> std::io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(folder)?;
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(new_file_permissions());
    let mut temporary = builder.tempfile_in(folder)?;
    temporary.write_all(bytes)?;
    if let Some(old) = old {
        keep_owner_and_mode(temporary.as_file(), old)?;
    }
    temporary.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The mode a new file is created with; the system takes the umask off, as for `cp`.
#[cfg(unix)]
fn new_file_permissions() -> Permissions {
    use std::os::unix::fs::PermissionsExt;
    Permissions::from_mode(0o666)
}

/// Gives `file` the owner (when allowed: only root may give a file away) and mode of `old`.
#[cfg(unix)]
fn keep_owner_and_mode(file: &File, old: &Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    // Owner first: a change of owner may clear the set-user-ID bits the mode restores.
    let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
    file.set_permissions(old.permissions())
}

#[cfg(not(unix))]
fn keep_owner_and_mode(file: &File, old: &Metadata) -> std::io::Result<()> {
    file.set_permissions(old.permissions())
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

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).map_or(0, |m| m.permissions().mode() & 0o7777)
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_followed_and_its_target_replaced() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        std::fs::create_dir(dir.path().join("real"))?;
        std::fs::write(dir.path().join("real/x.json"), b"old")?;
        std::os::unix::fs::symlink("real/x.json", dir.path().join("link.json"))?;
        write_atomic(&dir.path().join("link.json"), b"new")?;
        assert!(std::fs::symlink_metadata(dir.path().join("link.json"))?.is_symlink());
        assert_eq!(std::fs::read(dir.path().join("real/x.json"))?, b"new");
        assert_eq!(names(&dir.path().join("real")), ["x.json"]);
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_symlink_creates_its_target() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        std::os::unix::fs::symlink("x.json", dir.path().join("link.json"))?;
        write_atomic(&dir.path().join("link.json"), b"new")?;
        assert!(std::fs::symlink_metadata(dir.path().join("link.json"))?.is_symlink());
        assert_eq!(std::fs::read(dir.path().join("x.json"))?, b"new");
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode() -> std::io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("x.json");
        std::fs::write(&path, b"old")?;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640))?;
        write_atomic(&path, b"new")?;
        assert_eq!(mode(&path), 0o640);
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_loop_of_links_is_refused() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        std::os::unix::fs::symlink("b", dir.path().join("a"))?;
        std::os::unix::fs::symlink("a", dir.path().join("b"))?;
        let error = write_atomic(&dir.path().join("a"), b"x").map_err(|e| e.to_string());
        assert!(
            error.as_ref().is_err_and(|e| e.contains("too many levels")),
            "{error:?}"
        );
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_character_device_is_written_through() -> std::io::Result<()> {
        use std::os::unix::fs::FileTypeExt;
        write_atomic(Path::new("/dev/null"), b"nothing")?;
        assert!(std::fs::metadata("/dev/null")?.file_type().is_char_device());
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_named_socket_is_written_through() -> std::io::Result<()> {
        use std::io::Read;
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("out.sock");
        let listener = std::os::unix::net::UnixListener::bind(&path)?;
        let reader = std::thread::spawn(move || {
            let mut received = Vec::new();
            listener
                .accept()
                .and_then(|(mut stream, _)| stream.read_to_end(&mut received))
                .map(|_| received)
        });
        write_atomic(&path, b"through")?;
        let received = reader
            .join()
            .map_err(|_| std::io::Error::other("reader"))??;
        assert_eq!(received, b"through");
        Ok(())
    }

    #[test]
    fn nothing_is_created_in_dev() {
        let error = write_atomic(Path::new("/dev/jianghua-never.json"), b"{}");
        assert!(error.is_err_and(|e| e.to_string().contains("refusing to create or replace")));
        assert!(!Path::new("/dev/jianghua-never.json").exists());
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
