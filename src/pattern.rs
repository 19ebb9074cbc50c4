//! Regexes built for the texts they search.
//!
//! `regex::Regex` builds every engine a search might need: a forward and a reverse NFA for its
//! lazy DFA, and a prefilter from the literals it extracts (a multi-literal searcher for an
//! alternation of words). For a command that parses one speech, building them costs more than
//! parsing. A [`Pattern`] is the same regex (`regex_automata::meta::Regex`, which `regex` wraps)
//! configured for what it searches:
//!
//! * [`Pattern::lines`]: a few short texts (the title, the front lines). No DFA, hence no
//!   reverse NFA, and no prefilter: over a few hundred bytes the backtracker or the PikeVM costs
//!   less than building them. About half the building time of a `regex::Regex`, but each search
//!   costs more: not for what every line or sentence is asked.
//! * [`Pattern::bodies`]: whole bodies, and short texts searched over and over (every line,
//!   every sentence): the lazy DFA, whose search costs little per byte, without the prefilter,
//!   which costs more to build than it saves on speeches (measured on a 200-file corpus).
//! * [`Pattern::rare`]: whole bodies searched for what opens with, or holds, a word that a
//!   speech holds a few times at most (习近平, 我们在这里, 届): the lazy DFA and the prefilter,
//!   which skips to that word (习近平…思想: 11 GB/s instead of 0.5 GB/s over the seeds).
//!
//! Matches are the same either way: the configuration chooses engines, not semantics.

use std::fmt;
use std::ops::Range;

use regex_automata::meta::{self, BuildError};
use regex_automata::util::captures;
use regex_automata::Input;

/// A compiled regex (leftmost-first, Unicode, as `regex::Regex`).
#[derive(Clone)]
pub struct Pattern {
    regex: meta::Regex,
}

impl Pattern {
    /// A regex for a few short texts: the title, the front lines, a heading.
    pub fn lines(pattern: &str) -> Result<Pattern, Box<BuildError>> {
        let config = meta::Config::new()
            .hybrid(false)
            .dfa(false)
            .auto_prefilter(false);
        Pattern::build(pattern, config)
    }

    /// A regex searched over whole bodies, or over every line or sentence of one.
    pub fn bodies(pattern: &str) -> Result<Pattern, Box<BuildError>> {
        Pattern::build(pattern, meta::Config::new().auto_prefilter(false))
    }

    /// A regex searched over whole bodies for what opens with, or holds, a word that most
    /// texts hold a few times at most (习近平, 届): its prefilter skips to that word, for a
    /// higher cost to build.
    pub fn rare(pattern: &str) -> Result<Pattern, Box<BuildError>> {
        Pattern::build(pattern, meta::Config::new())
    }

    fn build(pattern: &str, config: meta::Config) -> Result<Pattern, Box<BuildError>> {
        let regex = meta::Builder::new()
            .configure(config)
            .build(pattern)
            .map_err(Box::new)?;
        Ok(Pattern { regex })
    }

    /// Whether the regex matches anywhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.regex.is_match(text)
    }

    /// The first match in `text`.
    pub fn find<'h>(&self, text: &'h str) -> Option<Found<'h>> {
        let m = self.regex.find(text)?;
        Some(Found::new(text, m.range()))
    }

    /// The successive non-overlapping matches in `text`.
    pub fn find_iter<'r, 'h>(&'r self, text: &'h str) -> impl Iterator<Item = Found<'h>> + 'r
    where
        'h: 'r,
    {
        self.regex
            .find_iter(text)
            .map(move |m| Found::new(text, m.range()))
    }

    /// The groups of the first match in `text`.
    pub fn captures<'h>(&self, text: &'h str) -> Option<Captures<'h>> {
        self.captures_at(text, 0)
    }

    /// The groups of the first match in `text` that starts at byte `start` or later; the text
    /// before `start` still counts for anchors such as `^`.
    pub fn captures_at<'h>(&self, text: &'h str, start: usize) -> Option<Captures<'h>> {
        let mut groups = self.regex.create_captures();
        let input = Input::new(text).range(start.min(text.len())..);
        self.regex.search_captures(&input, &mut groups);
        groups.is_match().then_some(Captures { text, groups })
    }

    /// The groups of the first match that lies inside `range` of `text`; the text around it
    /// still counts for anchors such as `^`.
    pub fn captures_in<'h>(&self, text: &'h str, range: Range<usize>) -> Option<Captures<'h>> {
        let mut groups = self.regex.create_captures();
        let end = range.end.min(text.len());
        let input = Input::new(text).range(range.start.min(end)..end);
        self.regex.search_captures(&input, &mut groups);
        groups.is_match().then_some(Captures { text, groups })
    }

    /// The groups of the successive non-overlapping matches in `text`.
    pub fn captures_iter<'r, 'h>(&'r self, text: &'h str) -> impl Iterator<Item = Captures<'h>> + 'r
    where
        'h: 'r,
    {
        self.regex
            .captures_iter(text)
            .map(move |groups| Captures { text, groups })
    }
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pattern").finish_non_exhaustive()
    }
}

/// The text a regex or one of its groups matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found<'h> {
    text: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Found<'h> {
    fn new(text: &'h str, range: Range<usize>) -> Found<'h> {
        Found {
            text,
            start: range.start,
            end: range.end,
        }
    }

    /// Byte offset of the start in the searched text.
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset of the end in the searched text.
    pub fn end(&self) -> usize {
        self.end
    }

    /// Byte range in the searched text.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The matched text.
    pub fn as_str(&self) -> &'h str {
        &self.text[self.range()]
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether nothing was matched (an empty match).
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// The groups of one match.
pub struct Captures<'h> {
    text: &'h str,
    groups: captures::Captures,
}

impl<'h> Captures<'h> {
    /// Group `index` (0: the whole match), if it took part in the match.
    pub fn get(&self, index: usize) -> Option<Found<'h>> {
        let span = self.groups.get_group(index)?;
        Some(Found::new(self.text, span.range()))
    }

    /// The named group, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<Found<'h>> {
        let span = self.groups.get_group_by_name(name)?;
        Some(Found::new(self.text, span.range()))
    }
}

impl fmt::Debug for Captures<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries((0..self.groups.group_len()).map(|i| self.get(i).map(|m| m.as_str())))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(c: &Captures) -> String {
        c.get(0).map(|m| m.as_str().to_owned()).unwrap_or_default()
    }

    const PATTERN: &str = r"(?P<y>\d{4})年(?:(?P<m>\d{1,2})月)?";

    #[test]
    fn every_configuration_finds_what_regex_finds() {
        let reference = regex::Regex::new(PATTERN).unwrap();
        for pattern in [
            Pattern::lines(PATTERN),
            Pattern::bodies(PATTERN),
            Pattern::rare(PATTERN),
        ] {
            let pattern = pattern.unwrap();
            for text in ["2023年9月，2024年", "二〇二三年", "", "年2023年12月"] {
                let expected: Vec<_> = reference
                    .captures_iter(text)
                    .map(|c| (c[0].to_owned(), c.name("m").map(|m| m.range())))
                    .collect();
                let found: Vec<_> = pattern
                    .captures_iter(text)
                    .map(|c| (whole(&c), c.name("m").map(|m| m.range())))
                    .collect();
                assert_eq!(found, expected, "{text}");
                assert_eq!(pattern.is_match(text), reference.is_match(text));
                assert_eq!(
                    pattern.find(text).map(|m| m.range()),
                    reference.find(text).map(|m| m.range())
                );
            }
        }
    }

    #[test]
    fn a_search_from_an_offset_still_sees_the_text_before_it() {
        let pattern = Pattern::lines(r"^甲|乙").unwrap();
        let text = "甲乙甲";
        assert_eq!(
            pattern.captures_at(text, 3).map(|c| whole(&c)),
            Some("乙".into())
        );
        assert!(pattern.captures_at(text, 6).is_none());
        assert_eq!(
            pattern
                .find_iter(text)
                .map(|m| m.range())
                .collect::<Vec<_>>(),
            [0..3, 3..6]
        );
    }
}
