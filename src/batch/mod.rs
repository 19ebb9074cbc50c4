//! Batch conversion: many inputs (files, folders, globs) into a mirrored tree of outputs, in
//! parallel, in bounded memory.
//!
//! The stages, each in its own module:
//!
//! * [`walk`]: command-line arguments → the input files, lazily, each with its relative path;
//! * [`crate::convert`]: the bytes of one input → a document (speech text is parsed, JSON and
//!   XML read back) → the bytes of each output form;
//! * [`write`](mod@write): where outputs go (a tree mirroring the inputs), written atomically;
//! * [`summary`]: what documents hold and the tally printed at the end;
//! * [`diff`]: a structural difference of two JSON documents (for `check`);
//! * [`corpus`]: a varied corpus made from seed texts, for benchmarks and tests.
//!
//! [`for_each_ordered`] ties them together: it runs the work of the inputs in parallel, a
//! bounded number in flight, and hands the results back in input order, so output and messages
//! are deterministic while only a window of documents is ever in memory.

pub mod corpus;
pub mod diff;
pub mod summary;
pub mod walk;
pub mod write;

use std::collections::BTreeMap;
use std::io::Read;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

pub use summary::{Counts, Summary};
pub use walk::{InputFile, Inputs, Skipped};
pub use write::{write_atomic, OutputTree};

use crate::convert::{ConvertError, OutputForm};
use crate::model::Speech;
use crate::validate::Position;

/// Why one input failed; the run reports it and goes on with the others.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// A folder walk failed here.
    #[error(transparent)]
    Walk(#[from] walk::WalkError),
    /// The input could not be read.
    #[error("cannot read: {0}")]
    Read(std::io::Error),
    /// The input is not a speech text or document, or its document could not be rendered.
    #[error(transparent)]
    Convert(#[from] ConvertError),
    /// An output could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The output.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The output would replace one of the inputs.
    #[error("refusing to overwrite the input {path}")]
    WouldOverwriteInput {
        /// The output, which is an input.
        path: PathBuf,
    },
    /// The expected document of a check could not be read.
    #[error("cannot read the expected document {path}: {source}")]
    ExpectedUnreadable {
        /// The expected document.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The expected document of a check is not JSON.
    #[error("the expected document {path} is not JSON: {source}")]
    ExpectedNotJson {
        /// The expected document.
        path: PathBuf,
        /// Why.
        source: serde_json::Error,
    },
    /// Two inputs map to the same output (`x.txt` and `x.json` in one folder).
    #[error("{path} is already the output of {other}")]
    SameOutput {
        /// The output.
        path: PathBuf,
        /// The input that claimed it first.
        other: PathBuf,
    },
}

impl FileError {
    /// Where in the input the problem lies, when it lies somewhere (JSON and XML documents).
    pub fn position(&self) -> Option<Position> {
        match self {
            FileError::Convert(e) => e.position(),
            _ => None,
        }
    }

    /// What is wrong, without the position (shown in front of it by reports).
    pub fn message(&self) -> String {
        match self {
            FileError::Convert(e) => e.message(),
            other => other.to_string(),
        }
    }
}

/// Reads an input file, or stdin for `-`, of at most [`crate::validate::MAX_INPUT_BYTES`]: a
/// larger file fails with [`std::io::ErrorKind::FileTooLarge`] before it is read, larger input
/// on stdin once the limit is passed.
pub fn read_input(path: &Path) -> std::io::Result<Vec<u8>> {
    let limit = crate::validate::MAX_INPUT_BYTES;
    let too_large = |what: &str| {
        let message = format!("{what} the {limit} bytes an input may have");
        std::io::Error::new(std::io::ErrorKind::FileTooLarge, message)
    };
    let bound = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(bound)
            .read_to_end(&mut bytes)?;
        if bytes.len() > limit {
            return Err(too_large("the input is more than"));
        }
    } else {
        let file = std::fs::File::open(path)?;
        let size = file.metadata()?.len();
        if size >= bound {
            return Err(too_large(&format!("the file is {size} bytes, more than")));
        }
        // Room for the whole file and the byte that shows it at its end: one read, where an
        // empty buffer would grow from 32 bytes, one system call per doubling.
        bytes.reserve_exact(usize::try_from(size).map_or(0, |size| size.saturating_add(1)));
        // The size may grow while the file is read: never read past the limit.
        file.take(bound).read_to_end(&mut bytes)?;
        if bytes.len() > limit {
            return Err(too_large("the file grew to more than"));
        }
    }
    Ok(bytes)
}

/// Renders `speech` in each form and writes it atomically to the paired path.
pub fn write_outputs(speech: &Speech, targets: &[(OutputForm, PathBuf)]) -> Result<(), FileError> {
    for (form, path) in targets {
        let text = crate::convert::write(speech, *form)?;
        write_atomic(path, text.as_bytes()).map_err(|source| FileError::Write {
            path: path.clone(),
            source,
        })?;
    }
    Ok(())
}

/// Whether a run went through every item or was stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completion {
    /// Every item was worked on.
    Finished,
    /// `stop` was raised; items after the current window were not started.
    Stopped,
}

/// Runs `work` on every item in parallel on `pool`, and hands each result to `report`, on the
/// calling thread, in input order.
///
/// At most `window` items are in flight (started, or finished and waiting for the ones before
/// them to be reported), so memory holds at most `window` items and results; a new item starts
/// as soon as one is reported, so the workers never wait for a whole batch to finish. Once
/// `stop` is raised, no further item is started; those already running finish (so no output is
/// left half-written) and are reported.
pub fn for_each_ordered<T, R>(
    items: impl Iterator<Item = T>,
    pool: &rayon::ThreadPool,
    window: usize,
    stop: &AtomicBool,
    work: impl Fn(T) -> R + Sync,
    mut report: impl FnMut(R),
) -> Completion
where
    T: Send,
    R: Send,
{
    let window = window.max(1);
    let mut items = items.enumerate().peekable();
    let mut skipped = false;
    // A panic in `work` (a bug) comes back as a message like a result, so that the loop does
    // not wait for it, and is raised again here once the items in flight are done.
    let mut panicked = None;
    let (done, finished) = std::sync::mpsc::channel::<(usize, std::thread::Result<Option<R>>)>();
    let work = &work;
    pool.in_place_scope_fifo(|scope| {
        // Results that came back before some result ahead of them, by input index.
        let mut waiting: BTreeMap<usize, Option<R>> = BTreeMap::new();
        let mut running = 0;
        let mut next = 0;
        loop {
            while running + waiting.len() < window
                && panicked.is_none()
                && !stop.load(Ordering::Relaxed)
            {
                let Some((index, item)) = items.next() else {
                    break;
                };
                let done = done.clone();
                running += 1;
                scope.spawn_fifo(move |_| {
                    let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
                        (!stop.load(Ordering::Relaxed)).then(|| work(item))
                    }));
                    // The receiver outlives the scope: sending cannot fail.
                    let _ = done.send((index, result));
                });
            }
            if running == 0 {
                break;
            }
            let Ok((index, result)) = finished.recv() else {
                break;
            };
            running -= 1;
            match result {
                Ok(result) => {
                    waiting.insert(index, result);
                }
                Err(payload) => {
                    panicked.get_or_insert(payload);
                }
            }
            while let Some(result) = waiting.remove(&next) {
                match result {
                    Some(result) => report(result),
                    None => skipped = true,
                }
                next += 1;
            }
        }
    });
    if let Some(payload) = panicked {
        std::panic::resume_unwind(payload);
    }
    if skipped || items.peek().is_some() {
        Completion::Stopped
    } else {
        Completion::Finished
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_input_order() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build();
        let Ok(pool) = pool else { return };
        let mut seen = Vec::new();
        let done = for_each_ordered(
            0..100u32,
            &pool,
            7,
            &AtomicBool::new(false),
            |n| n * 2,
            |n| seen.push(n),
        );
        assert_eq!(done, Completion::Finished);
        assert_eq!(seen, (0..100).map(|n| n * 2).collect::<Vec<_>>());
    }

    #[test]
    fn uneven_work_comes_back_in_order_within_the_window() {
        use std::sync::atomic::AtomicUsize;
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build();
        let Ok(pool) = pool else { return };
        let started = AtomicUsize::new(0);
        let mut seen = Vec::new();
        let mut most_outstanding = 0;
        let done = for_each_ordered(
            0..60u64,
            &pool,
            3,
            &AtomicBool::new(false),
            |n| {
                started.fetch_add(1, Ordering::SeqCst);
                // Every fifth item is slow: the ones after it finish first and must wait.
                if n % 5 == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
                n
            },
            |n| {
                seen.push(n);
                most_outstanding =
                    most_outstanding.max(started.load(Ordering::SeqCst) - seen.len() + 1);
            },
        );
        assert_eq!(done, Completion::Finished);
        assert_eq!(seen, (0..60).collect::<Vec<_>>());
        assert!(most_outstanding <= 3, "{most_outstanding} items in flight");
    }

    #[test]
    fn a_panic_in_the_work_is_raised_once_the_others_are_done() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build();
        let Ok(pool) = pool else { return };
        let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
            for_each_ordered(
                0..50u32,
                &pool,
                4,
                &AtomicBool::new(false),
                |n| {
                    assert_ne!(n, 7, "item 7 fails");
                    n
                },
                |_| {},
            )
        }));
        assert!(outcome.is_err(), "the panic of item 7 was lost");
    }

    #[test]
    fn a_raised_stop_starts_nothing_more() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build();
        let Ok(pool) = pool else { return };
        let stop = AtomicBool::new(false);
        let mut seen = 0;
        let done = for_each_ordered(
            0..100u32,
            &pool,
            4,
            &stop,
            |n| n,
            |n| {
                seen += 1;
                if n == 5 {
                    stop.store(true, Ordering::Relaxed);
                }
            },
        );
        assert_eq!(done, Completion::Stopped);
        // Item 5 raised the stop; the items already in flight (at most the window) may still
        // finish and be reported, nothing after them starts.
        assert!((6..=6 + 4).contains(&seen), "{seen} reported");
    }
}
