//! The tally of a run, printed at its end.

use std::fmt;
use std::time::Duration;

use crate::model::{Section, Severity, Speech};

/// Counts of what a document holds, for summaries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Sections at every depth.
    pub sections: usize,
    /// Directives in every section.
    pub directives: usize,
    /// Diagnostics of severity warning or error.
    pub warnings: usize,
}

impl Counts {
    /// Counts the parts of `speech`.
    pub fn of(speech: &Speech) -> Self {
        fn walk(sections: &[Section], counts: &mut Counts) {
            for section in sections {
                counts.sections += 1;
                counts.directives += section.directives.len();
                walk(&section.subsections, counts);
            }
        }
        let mut counts = Counts {
            warnings: speech
                .diagnostics
                .iter()
                .filter(|d| d.severity >= Severity::Warning)
                .count(),
            ..Counts::default()
        };
        walk(&speech.sections, &mut counts);
        counts
    }
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Inputs met (converted, failed or skipped).
    pub files: usize,
    /// Inputs converted.
    pub converted: usize,
    /// Inputs that failed (unreadable, undecodable, refused, unwritable).
    pub failed: usize,
    /// Sections, at every depth, of the converted documents.
    pub sections: usize,
    /// Directives of the converted documents.
    pub directives: usize,
    /// Diagnostics of severity warning or error in the converted documents.
    pub warnings: usize,
    /// Wall-clock time of the run.
    pub elapsed: Duration,
    /// Whether the run was interrupted before every input was met.
    pub interrupted: bool,
    /// Files of the folders given that are of no kind the tool reads.
    pub skipped: super::walk::Skipped,
}

impl Summary {
    /// Records a converted input.
    pub fn converted(&mut self, counts: Counts) {
        self.files += 1;
        self.converted += 1;
        self.sections += counts.sections;
        self.directives += counts.directives;
        self.warnings += counts.warnings;
    }

    /// Records a failed input.
    pub fn failed(&mut self) {
        self.files += 1;
        self.failed += 1;
    }

    /// Whether every input met was converted.
    pub fn all_converted(&self) -> bool {
        self.failed == 0 && !self.interrupted
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seconds = self.elapsed.as_secs_f64();
        write!(
            f,
            "{} {}: {} converted, {} failed; {} sections, {} directives, {} {}; {:.2} s",
            self.files,
            plural(self.files, "file", "files"),
            self.converted,
            self.failed,
            self.sections,
            self.directives,
            self.warnings,
            plural(self.warnings, "warning", "warnings"),
            seconds,
        )?;
        if seconds > 0.0 && self.files > 0 {
            write!(f, " ({:.0} files/s)", self.files as f64 / seconds)?;
        }
        if self.skipped.files > 0 {
            write!(f, "; skipped: {}", self.skipped)?;
        }
        if self.interrupted {
            write!(f, "; interrupted")?;
        }
        Ok(())
    }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_names_every_count() {
        let mut summary = Summary::default();
        summary.converted(Counts {
            sections: 5,
            directives: 12,
            warnings: 1,
        });
        summary.failed();
        summary.elapsed = Duration::from_millis(500);
        assert_eq!(
            summary.to_string(),
            "2 files: 1 converted, 1 failed; 5 sections, 12 directives, 1 warning; 0.50 s (4 files/s)"
        );
        assert!(!summary.all_converted());
        summary.skipped.files = 3;
        summary.skipped.extensions = [".doc".to_owned(), ".pdf".to_owned()].into();
        assert!(
            summary.to_string().ends_with("; skipped: 3 (.doc, .pdf)"),
            "{summary}"
        );
    }
}
