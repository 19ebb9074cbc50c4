//! A dictionary of words matched leftmost-longest, character by character.
//!
//! Built on `daachorse`'s double-array automaton: for a few hundred Chinese words it is built
//! in a fraction of the time a byte-wise DFA takes, and searched about as fast. A dictionary of
//! thousands of words is built once, by the build script, and read back from its bytes
//! ([`Dictionary::to_bytes`], `Dictionary::prebuilt`).
//!
//! This file depends on nothing but `std` and `daachorse`: the build script includes it.

use std::collections::HashSet;
use std::fmt;
use std::hash::{DefaultHasher, Hasher};
use std::ops::Range;

use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};

/// Words matched leftmost-longest; each match reports the index of its word.
#[derive(Clone)]
pub struct Dictionary {
    matcher: CharwiseDoubleArrayAhoCorasick<u32>,
    /// Hash of the list of words, which [`Dictionary::prebuilt`] compares.
    fingerprint: u64,
}

/// The words, each once with the index of its first occurrence.
fn index_words<W: AsRef<str>>(words: &[W]) -> Result<Vec<(&str, u32)>, String> {
    let mut seen = HashSet::new();
    let mut valued = Vec::with_capacity(words.len());
    for (i, word) in words.iter().enumerate() {
        let index = u32::try_from(i).map_err(|_| "too many words".to_owned())?;
        if seen.insert(word.as_ref()) {
            valued.push((word.as_ref(), index));
        }
    }
    Ok(valued)
}

/// A hash of the list of words, in order. The words are hashed as one run of bytes, each
/// closed by 0xFF, which UTF-8 never holds: one call to the hasher rather than thousands.
/// `DefaultHasher::new` hashes alike in every process built by the same compiler, as the
/// build script and the crate are.
fn fingerprint<W: AsRef<str>>(words: &[W]) -> u64 {
    let mut bytes = Vec::with_capacity(words.iter().map(|w| w.as_ref().len() + 1).sum());
    for word in words {
        bytes.extend_from_slice(word.as_ref().as_bytes());
        bytes.push(0xFF);
    }
    let mut hasher = DefaultHasher::new();
    hasher.write(&bytes);
    hasher.finish()
}

/// The fingerprint that [`Dictionary::to_bytes`] wrote before the automaton.
fn stored_fingerprint(bytes: &[u8]) -> Option<u64> {
    let stored = bytes.get(..8)?.try_into().ok()?;
    Some(u64::from_le_bytes(stored))
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
        let valued = index_words(&words)?;
        let fingerprint = fingerprint(&words);
        CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build_with_values(valued)
            .map(|matcher| Dictionary {
                matcher,
                fingerprint,
            })
            .map_err(|e| e.to_string())
    }

    /// The automaton as bytes, after the fingerprint of its words: what `Dictionary::prebuilt`
    /// reads back.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = self.fingerprint.to_le_bytes().to_vec();
        bytes.extend(self.matcher.serialize());
        bytes
    }

    /// The dictionary of `words`, read from `bytes` when [`Dictionary::to_bytes`] wrote them for
    /// the same words, built anew otherwise.
    ///
    /// # Safety
    ///
    /// `bytes` must be the output of [`Dictionary::to_bytes`] built with the same version of
    /// `daachorse` as this crate (the build script's output, under the same `Cargo.lock`):
    /// the automaton is read back without checks.
    pub(crate) unsafe fn prebuilt<I, W>(words: I, bytes: &[u8]) -> Result<Dictionary, String>
    where
        I: IntoIterator<Item = W>,
        W: AsRef<str>,
    {
        let words: Vec<W> = words.into_iter().collect();
        let fingerprint = fingerprint(&words);
        match bytes.get(8..) {
            Some(automaton) if stored_fingerprint(bytes) == Some(fingerprint) => {
                // SAFETY: the caller guarantees `automaton` came from `serialize` of this
                // `daachorse`, and the fingerprint shows it was built from these very words.
                let (matcher, _) =
                    unsafe { CharwiseDoubleArrayAhoCorasick::deserialize_unchecked(automaton) };
                Ok(Dictionary {
                    matcher,
                    fingerprint,
                })
            }
            _ => Dictionary::new(words),
        }
    }

    /// Whether `bytes`, written by [`Dictionary::to_bytes`], hold the automaton of `words`.
    pub fn was_built_for<W: AsRef<str>>(bytes: &[u8], words: &[W]) -> bool {
        stored_fingerprint(bytes) == Some(fingerprint(words))
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
    fn bytes_read_back_find_the_same_words() {
        let words = ["双联", "双联系", "代表"];
        let bytes = Dictionary::new(words).unwrap().to_bytes();
        // SAFETY: `bytes` was just written by `to_bytes`.
        let d = unsafe { Dictionary::prebuilt(words, &bytes) }.unwrap();
        assert_eq!(found(&d, "开展双联系代表"), [("双联系", 1), ("代表", 2)]);
    }

    #[test]
    fn bytes_written_for_other_words_are_not_used() {
        let bytes = Dictionary::new(["代表"]).unwrap().to_bytes();
        // SAFETY: `bytes` was just written by `to_bytes`.
        let d = unsafe { Dictionary::prebuilt(["人大", "代表"], &bytes) }.unwrap();
        assert_eq!(found(&d, "人大代表"), [("人大", 0), ("代表", 1)]);
    }

    #[test]
    fn an_empty_word_is_refused() {
        assert!(Dictionary::new(["代表", ""]).is_err());
    }
}
