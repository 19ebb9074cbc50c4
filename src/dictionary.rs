//! A dictionary of words matched leftmost-longest, character by character.
//!
//! Built on `daachorse`'s double-array automaton: for a few hundred Chinese words it is built
//! in a fraction of the time a byte-wise DFA takes, and searched about as fast.

use std::collections::HashSet;
use std::fmt;
use std::ops::Range;

use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};

/// Words matched leftmost-longest; each match reports the index of its word.
#[derive(Clone)]
pub struct Dictionary {
    matcher: CharwiseDoubleArrayAhoCorasick<u32>,
}

impl Dictionary {
    /// Builds the dictionary of `words`. A word listed twice reports its first index, as a
    /// leftmost-longest `aho_corasick` automaton does. Fails on an empty word or too many words.
    pub fn new<I, W>(words: I) -> Result<Dictionary, String>
    where
        I: IntoIterator<Item = W>,
        W: AsRef<str>,
    {
        let words: Vec<W> = words.into_iter().collect();
        let mut seen = HashSet::new();
        let mut valued = Vec::with_capacity(words.len());
        for (i, word) in words.iter().enumerate() {
            let index = u32::try_from(i).map_err(|_| "too many words".to_owned())?;
            if seen.insert(word.as_ref()) {
                valued.push((word.as_ref(), index));
            }
        }
        CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build_with_values(valued)
            .map(|matcher| Dictionary { matcher })
            .map_err(|e| e.to_string())
    }

    /// The words found in `text`, leftmost-longest, without overlaps: byte range and word index.
    pub fn find_iter<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (Range<usize>, usize)> + 'a {
        self.matcher
            .leftmost_find_iter(text)
            .filter_map(|m| Some((m.start()..m.end(), usize::try_from(m.value()).ok()?)))
    }
}

impl fmt::Debug for Dictionary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Dictionary")
            .field("heap_bytes", &self.matcher.heap_bytes())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(d: &Dictionary, text: &'a str) -> Vec<(&'a str, usize)> {
        d.find_iter(text).map(|(r, i)| (&text[r], i)).collect()
    }

    #[test]
    fn longest_word_wins_and_a_repeated_word_keeps_its_first_index() {
        let d = Dictionary::new(["双联", "双联系", "代表", "双联"]).unwrap();
        assert_eq!(
            found(&d, "开展双联系代表双联"),
            [("双联系", 1), ("代表", 2), ("双联", 0)]
        );
    }

    #[test]
    fn an_empty_word_is_refused() {
        assert!(Dictionary::new(["代表", ""]).is_err());
    }
}
