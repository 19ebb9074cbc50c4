//! What every batch subcommand shares: the worker pool, the progress bar, orderly stopping on
//! Ctrl-C, and printing on stderr without tearing the bar.

use std::io::IsTerminal;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use jianghua::batch::{Inputs, Summary};

use super::report::{MessageFormat, Verbosity};

/// Inputs queued per worker: enough to keep workers busy, few enough to bound memory.
const WINDOW_PER_JOB: usize = 8;

/// A batch run in progress.
pub struct Session {
    pool: rayon::ThreadPool,
    jobs: usize,
    stop: Arc<AtomicBool>,
    bar: ProgressBar,
    verbosity: Verbosity,
    message_format: MessageFormat,
    /// A single document: no bar, no summary, Ctrl-C as usual.
    single: bool,
}

impl Session {
    /// Starts a run over `inputs` with `jobs` workers (default: one per core).
    pub fn start(
        inputs: &Inputs,
        jobs: Option<NonZeroUsize>,
        verbosity: Verbosity,
        message_format: MessageFormat,
        single: bool,
    ) -> Result<Self, String> {
        let jobs = jobs
            .or_else(|| std::thread::available_parallelism().ok())
            .map_or(1, NonZeroUsize::get);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build()
            .map_err(|e| format!("cannot start {jobs} workers: {e}"))?;
        let stop = Arc::new(AtomicBool::new(false));
        if !single {
            stop_on_signals(&stop).map_err(|e| format!("cannot handle signals: {e}"))?;
        }
        let show_bar = !single
            && verbosity > Verbosity::Quiet
            && message_format == MessageFormat::Human
            && std::io::stderr().is_terminal();
        let bar = if show_bar {
            // Counting first costs a walk of the folders, cheap next to parsing, and buys an
            // honest bar with an ETA.
            let total = inputs.files().count() as u64;
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template(
                "{spinner:.green} [{elapsed_precise}] {bar:30.cyan/blue} {pos}/{len} files \
                 ({rate}, ETA {eta}) {wide_msg}",
            ) {
                let rate = |state: &indicatif::ProgressState, out: &mut dyn std::fmt::Write| {
                    let _ = write!(out, "{:.0} files/s", state.per_sec());
                };
                bar.set_style(style.with_key("rate", rate).progress_chars("━╸ "));
            }
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
            bar
        } else {
            ProgressBar::hidden()
        };
        Ok(Self {
            pool,
            jobs,
            stop,
            bar,
            verbosity,
            message_format,
            single,
        })
    }

    /// The worker pool.
    pub fn pool(&self) -> &rayon::ThreadPool {
        &self.pool
    }

    /// How many inputs are in flight at most.
    pub fn window(&self) -> usize {
        self.jobs * WINDOW_PER_JOB
    }

    /// Raised by Ctrl-C or SIGTERM (or [`Session::stop`]): start no new input.
    pub fn stop_flag(&self) -> &AtomicBool {
        &self.stop
    }

    /// Starts no new input.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    /// Prints on stderr, above the bar (colours dropped when not a terminal or NO_COLOR).
    pub fn print(&self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.bar.suspend(|| anstream::eprint!("{text}"));
    }

    /// Runs `write` with the bar out of the way (for output on stdout of a terminal).
    pub fn suspend<R>(&self, write: impl FnOnce() -> R) -> R {
        self.bar.suspend(write)
    }

    /// One more input done.
    pub fn advance(&self) {
        self.bar.inc(1);
    }

    /// Clears the bar and prints nothing: the reader of stdout went away (`| head`), and the
    /// run ends as quietly as a tool killed by SIGPIPE.
    pub fn finish_quietly(&self) {
        self.bar.finish_and_clear();
    }

    /// Clears the bar and prints the summary line: `human` after the bold `what`
    /// (`converted`, `checked`), or `json` as `{"summary": …}` with `--message-format json`.
    pub fn finish_with(&self, human: &str, json: serde_json::Value, what: &str, interrupted: bool) {
        self.bar.finish_and_clear();
        if self.single || self.verbosity == Verbosity::Quiet {
            return;
        }
        match self.message_format {
            MessageFormat::Human | MessageFormat::Github => {
                let style = anstyle::Style::new().bold();
                anstream::eprintln!("{style}{what}{style:#} {human}");
                if interrupted {
                    eprintln!("interrupted: the inputs after those reported were not processed");
                }
            }
            MessageFormat::Json => eprintln!("{}", serde_json::json!({ "summary": json })),
        }
    }

    /// [`Session::finish_with`] for a conversion.
    pub fn finish(&self, summary: &Summary, what: &str) {
        let json = serde_json::json!({
            "files": summary.files,
            "converted": summary.converted,
            "failed": summary.failed,
            "sections": summary.sections,
            "directives": summary.directives,
            "warnings": summary.warnings,
            "seconds": summary.elapsed.as_secs_f64(),
            "interrupted": summary.interrupted,
            "skipped": summary.skipped.files,
            "skipped_extensions": summary.skipped.extensions,
        });
        self.finish_with(&summary.to_string(), json, what, summary.interrupted);
    }
}

/// The first Ctrl-C (or SIGTERM) raises `stop` so that inputs in flight finish and nothing is
/// left half-written; a second one exits at once.
fn stop_on_signals(stop: &Arc<AtomicBool>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    for signal in [SIGINT, SIGTERM] {
        // Registered first so that it sees the flag as it was before this signal.
        signal_hook::flag::register_conditional_shutdown(signal, 130, Arc::clone(stop))?;
        signal_hook::flag::register(signal, Arc::clone(stop))?;
    }
    Ok(())
}
