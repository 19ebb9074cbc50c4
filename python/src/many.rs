//! `parse_many`: files parsed on a pool of Rust threads, handed to Python in input order.
//!
//! A dispatcher thread runs `jianghua::batch::for_each_ordered` (the loop of `convert`) and
//! queues each result, a document or a failure, in a bounded hand-off; the Python iterator takes
//! them out by batches (waiting without the GIL) and turns each into a `dict` or a
//! `JianghuaError`. Only the window of documents in flight and a queue as large are ever in
//! memory, and dropping the iterator stops the run.

use std::collections::VecDeque;
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;

use crate::document;
use crate::failure::{guarded, Failure};
use crate::handoff::{Handoff, Taken};
use crate::input::{Input, Reading};
use crate::tape::Tape;

/// Inputs in flight per worker, as in `convert`: enough to keep the workers busy.
const WINDOW_PER_JOB: usize = 8;

/// How many documents wake a waiting iterator, per worker: half the window, so that the
/// workers go on filling the other half while the Python thread builds this one.
const BATCH_PER_JOB: usize = WINDOW_PER_JOB / 2;

/// How often a wait for the next document looks for a signal (Ctrl-C) to raise.
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

/// One parsed input: its document, recorded for the Python thread, or why it failed.
type Outcome = Result<Tape, Failure>;

/// The iterator `parse_many` returns: `(path, document or JianghuaError)` in input order.
#[pyclass(module = "jianghua._jianghua")]
pub struct ParseMany {
    /// The paths as the caller gave them, in order, each handed back with its document.
    paths: Mutex<VecDeque<Py<PyAny>>>,
    /// Outcomes taken from the hand-off and not yet returned, in order.
    taken: Mutex<VecDeque<Outcome>>,
    handoff: Arc<Handoff<Outcome>>,
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
        let handoff = Arc::new(Handoff::new(window, jobs.get() * BATCH_PER_JOB));
        let stop = Arc::new(AtomicBool::new(false));
        let (handoff_run, stop_run) = (Arc::clone(&handoff), Arc::clone(&stop));
        std::thread::Builder::new()
            .name("jianghua-parse-many".to_owned())
            .spawn(move || {
                // Finished however the run ends, so the iterator never waits for nothing.
                let _finish = Finish(&handoff_run);
                jianghua::batch::for_each_ordered(
                    files.into_iter(),
                    &pool,
                    window,
                    &stop_run,
                    |path| guarded(|| document::record(&reading.parse_input(Input::File(path))?)),
                    |outcome| {
                        // The iterator is gone: nobody wants the rest.
                        if !handoff_run.send(outcome) {
                            stop_run.store(true, Ordering::Relaxed);
                        }
                    },
                );
            })
            .map_err(|e| PyRuntimeError::new_err(format!("cannot start the dispatcher: {e}")))?;
        Ok(Self {
            paths: Mutex::new(paths.into()),
            taken: Mutex::new(VecDeque::new()),
            handoff,
            stop,
        })
    }

    /// The next outcome in order, waiting without the GIL when none is ready.
    fn next_outcome(&self, py: Python<'_>) -> PyResult<Outcome> {
        let mut taken = lock(&self.taken);
        if let Some(outcome) = taken.pop_front() {
            return Ok(outcome);
        }
        // Outcomes already queued are taken without letting go of the GIL.
        let mut found = self.handoff.take();
        loop {
            match found {
                Taken::Items(mut items) => {
                    if let Some(outcome) = items.pop_front() {
                        *taken = items;
                        return Ok(outcome);
                    }
                }
                Taken::Finished => {
                    return Err(PyRuntimeError::new_err(
                        "the parsing threads stopped before every input was parsed",
                    ))
                }
                Taken::Waiting => {}
            }
            py.check_signals()?;
            found = py.detach(|| self.handoff.take_waiting(SIGNAL_CHECK));
        }
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
        let value = match self.next_outcome(py)? {
            Ok(tape) => tape.to_object(py)?,
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
        self.handoff.abandon();
    }
}

/// Marks the hand-off finished when dropped.
struct Finish<'a>(&'a Handoff<Outcome>);

impl Drop for Finish<'_> {
    fn drop(&mut self) {
        self.0.finish();
    }
}

/// A lock that a panic elsewhere cannot poison for good (the data is a queue, always whole).
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
