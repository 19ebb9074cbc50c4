//! `parse_many`: files parsed on a pool of Rust threads, handed to Python in input order.
//!
//! Each file is a task on a rayon pool: it parses the file, records the document (or the
//! failure) and puts it in its place in the hand-off, then starts the inputs the window now
//! allows. The Python iterator takes the results by batches, in order (waiting without the
//! GIL), starts what taking them allowed, and turns each into a `dict` or a `JianghuaError`.
//! Only a window of documents is ever in memory, and dropping the iterator stops the run.

use std::collections::VecDeque;
use std::num::NonZeroUsize;
use std::path::PathBuf;
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
/// workers go on with the other half while the Python thread builds this one.
const BATCH_PER_JOB: usize = WINDOW_PER_JOB / 2;

/// How often a wait for the next document looks for a signal (Ctrl-C) to raise.
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

/// One parsed input: its document, recorded for the Python thread, or why it failed.
type Outcome = Result<Tape, Failure>;

/// What the tasks of one `parse_many` share.
struct Run {
    files: Vec<PathBuf>,
    reading: Reading,
    pool: rayon::ThreadPool,
    handoff: Handoff<Outcome>,
}

impl Run {
    /// Starts every input the window allows now, each as a task of the pool.
    fn start_admitted(self: &Arc<Self>) {
        for index in self.handoff.admit() {
            let run = Arc::clone(self);
            self.pool.spawn_fifo(move || {
                // Once the iterator is gone, its results are dropped and nothing more starts.
                if run.handoff.put(index, run.parse(index)) {
                    run.start_admitted();
                }
            });
        }
    }

    /// Input `index` parsed as `jianghua parse` does, and recorded for the Python thread.
    fn parse(&self, index: usize) -> Outcome {
        guarded(|| {
            let path = self.files.get(index).ok_or_else(|| {
                Failure::new("internal", format!("no input {index} among the files"))
            })?;
            document::record(&self.reading.parse_input(Input::File(path.clone()))?)
        })
    }
}

/// The iterator `parse_many` returns: `(path, document or JianghuaError)` in input order.
#[pyclass(module = "jianghua._jianghua")]
pub struct ParseMany {
    /// The paths as the caller gave them, in order, each handed back with its document.
    paths: Mutex<VecDeque<Py<PyAny>>>,
    /// Outcomes taken from the hand-off and not yet returned, in order.
    taken: Mutex<VecDeque<Outcome>>,
    run: Arc<Run>,
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
        let handoff = Handoff::new(
            files.len(),
            jobs.get() * WINDOW_PER_JOB,
            jobs.get() * BATCH_PER_JOB,
        );
        let run = Arc::new(Run {
            files,
            reading,
            pool,
            handoff,
        });
        run.start_admitted();
        Ok(Self {
            paths: Mutex::new(paths.into()),
            taken: Mutex::new(VecDeque::new()),
            run,
        })
    }

    /// The next outcome in order, waiting without the GIL when none is ready.
    fn next_outcome(&self, py: Python<'_>) -> PyResult<Outcome> {
        let mut taken = lock(&self.taken);
        if let Some(outcome) = taken.pop_front() {
            return Ok(outcome);
        }
        // Outcomes already ready are taken without letting go of the GIL.
        let mut found = self.run.handoff.take();
        loop {
            match found {
                Taken::Items(mut items) => {
                    // Room in the window: the next inputs start while these are built.
                    self.run.start_admitted();
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
            found = py.detach(|| self.run.handoff.take_waiting(SIGNAL_CHECK));
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
        // Tasks running finish; their results are dropped and nothing more starts.
        self.run.handoff.abandon();
    }
}

/// A lock that a panic elsewhere cannot poison for good (the data is a queue, always whole).
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
