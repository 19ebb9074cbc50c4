//! `parse_many`: files parsed on a pool of Rust threads, handed to Python in input order.
//!
//! A dispatcher thread runs `jianghua::batch::for_each_ordered` (the loop of `convert`) and
//! sends each result, a document or a failure, into a bounded channel; the Python iterator takes
//! them out (waiting without the GIL) and turns each into a `dict` or a `JianghuaError`. Only the
//! window of documents in flight is ever in memory, and dropping the iterator stops the run.

use std::collections::VecDeque;
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;

use crate::document;
use crate::failure::{guarded, Failure};
use crate::input::{Input, Reading};

/// Inputs in flight per worker, as in `convert`: enough to keep the workers busy.
const WINDOW_PER_JOB: usize = 8;

/// How often a wait for the next document looks for a signal (Ctrl-C) to raise.
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

/// One parsed input: its document, or why it failed.
type Outcome = Result<jianghua::Speech, Failure>;

/// The iterator `parse_many` returns: `(path, document or JianghuaError)` in input order.
#[pyclass(module = "jianghua._jianghua")]
pub struct ParseMany {
    /// The paths as the caller gave them, in order, each handed back with its document.
    paths: Mutex<VecDeque<Py<PyAny>>>,
    results: Mutex<Receiver<Outcome>>,
    /// Raised when the iterator is dropped: no further input starts.
    stop: Arc<AtomicBool>,
}

impl ParseMany {
    /// Starts parsing `paths` on `jobs` threads (the number of cores when `None`).
    pub fn start(
        paths: Vec<Py<PyAny>>,
        files: Vec<PathBuf>,
        jobs: Option<usize>,
        reading: Reading,
    ) -> PyResult<Self> {
        let jobs = match jobs {
            Some(jobs) => NonZeroUsize::new(jobs)
                .ok_or_else(|| PyValueError::new_err("jobs must be at least 1"))?,
            None => std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN),
        };
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.get())
            .thread_name(|i| format!("jianghua-parse-{i}"))
            .build()
            .map_err(|e| PyRuntimeError::new_err(format!("cannot start {jobs} workers: {e}")))?;
        let window = jobs.get() * WINDOW_PER_JOB;
        let (sender, receiver) = sync_channel::<Outcome>(window);
        let stop = Arc::new(AtomicBool::new(false));
        let stop_run = Arc::clone(&stop);
        std::thread::Builder::new()
            .name("jianghua-parse-many".to_owned())
            .spawn(move || {
                jianghua::batch::for_each_ordered(
                    files.into_iter(),
                    &pool,
                    window,
                    &stop_run,
                    |path| guarded(|| reading.parse_input(Input::File(path))),
                    |outcome| {
                        // The iterator is gone: nobody wants the rest.
                        if sender.send(outcome).is_err() {
                            stop_run.store(true, Ordering::Relaxed);
                        }
                    },
                );
            })
            .map_err(|e| PyRuntimeError::new_err(format!("cannot start the dispatcher: {e}")))?;
        Ok(Self {
            paths: Mutex::new(paths.into()),
            results: Mutex::new(receiver),
            stop,
        })
    }
}

#[pymethods]
impl ParseMany {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<(Py<PyAny>, Bound<'py, PyAny>)>> {
        let Some(path) = lock(&self.paths).pop_front() else {
            return Ok(None);
        };
        let outcome = loop {
            // A document already waiting is taken without letting go of the GIL.
            if let Ok(outcome) = lock(&self.results).try_recv() {
                break outcome;
            }
            let received = py.detach(|| lock(&self.results).recv_timeout(SIGNAL_CHECK));
            match received {
                Ok(outcome) => break outcome,
                Err(RecvTimeoutError::Timeout) => py.check_signals()?,
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(PyRuntimeError::new_err(
                        "the parsing threads stopped before every input was parsed",
                    ))
                }
            }
        };
        let value = match outcome {
            Ok(speech) => document::to_python(py, &speech)?,
            Err(failure) => failure.to_exception(py)?,
        };
        Ok(Some((path, value)))
    }

    /// Inputs not yet handed back.
    fn __length_hint__(&self) -> usize {
        lock(&self.paths).len()
    }
}

impl Drop for ParseMany {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// A lock that a panic elsewhere cannot poison for good (the data is a queue, always whole).
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
