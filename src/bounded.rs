//! Bounded repetitions checked in code.
//!
//! A regex such as `^各位([\p{Han}、]{0,40}?)[:：]` compiles the Unicode class forty times over,
//! which costs far more than searching. Written `^各位([\p{Han}、]*?)[:：]`, it compiles once;
//! the bound is then checked on the captured group. A lazy repetition takes the fewest
//! characters that let the rest match, so where the regex is anchored at the start, the bounded
//! regex matches exactly when the unbounded one does with the group within the bound. A greedy
//! repetition that ends its regex takes the first characters of a longer run: cutting the
//! group gives what the bounded regex would have captured.
//!
//! Unanchored, a match whose group is too long only says that there is none at that start;
//! searching again one character later would be quadratic on a long text full of near misses.
//! [`captures_iter`] then goes on with the bounded regex, compiled only when that happens.
//!
//! [`Bounded`] packs the two forms of one regex. Its first match is exact whatever the kind of
//! repetition: the unbounded regex's preferred match, when its groups keep within their
//! bounds, is a match of the bounded regex too, and the bounded regex has no other match that
//! starts earlier or that it prefers, since all its matches are matches of the unbounded one.
//! Only past a match over a bound does it search with the bounded regex itself.

use std::sync::LazyLock;

use crate::pattern::{Captures, Pattern};

/// A regex whose bounded repetitions are each the whole of a named group, with the same regex
/// written without the bounds, which compiles in a fraction of the time.
pub struct Bounded {
    unbounded: LazyLock<Pattern, fn() -> Pattern>,
    bounded: LazyLock<Pattern, fn() -> Pattern>,
    /// Each bounded group's name and most characters.
    bounds: &'static [(&'static str, usize)],
}

impl Bounded {
    /// The regex `bounded`, matched as `unbounded` while the groups of `bounds` keep within them.
    pub const fn new(
        unbounded: fn() -> Pattern,
        bounded: fn() -> Pattern,
        bounds: &'static [(&'static str, usize)],
    ) -> Bounded {
        Bounded {
            unbounded: LazyLock::new(unbounded),
            bounded: LazyLock::new(bounded),
            bounds,
        }
    }

    fn within_bounds(&self, c: &Captures) -> bool {
        self.bounds.iter().all(|&(group, max)| {
            c.name(group)
                .is_none_or(|m| m.as_str().chars().nth(max).is_none())
        })
    }

    /// The first match of the bounded regex in `text`, from byte `start`.
    pub fn captures_at<'h>(&self, text: &'h str, start: usize) -> Option<Captures<'h>> {
        let c = self.unbounded.captures_at(text, start)?;
        if self.within_bounds(&c) {
            return Some(c);
        }
        // No bounded match starts before this one.
        let at = c.get(0).map_or(start, |m| m.start());
        self.bounded.captures_at(text, at)
    }

    /// The first match of the bounded regex in `text`.
    pub fn captures<'h>(&self, text: &'h str) -> Option<Captures<'h>> {
        self.captures_at(text, 0)
    }

    /// Whether the bounded regex matches in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.captures(text).is_some()
    }

    /// The successive matches of the bounded regex in `text`.
    pub fn captures_iter<'r, 'h: 'r>(
        &'r self,
        text: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + 'r {
        let mut from = Some(0);
        std::iter::from_fn(move || {
            let found = self.captures_at(text, from?)?;
            from = after(text, &found);
            Some(found)
        })
    }
}

/// How many matches over the bound [`captures_iter`] passes by before it hands over to the
/// bounded regex: a few cost less than compiling it, and a constant keeps the search linear.
const RETRIES: usize = 8;

/// The successive matches of `bounded`, found with `unbounded`, the same regex without the
/// bound, as long as it can be; from then on with `bounded` itself.
///
/// Group `group` must be a lazy repetition of at most `max` characters between parts that do
/// not vary in length (习近平(\p{Han}{2,16}?)思想): the unbounded regex then takes the shortest
/// group that matches, so a match over the bound shows that no bounded match starts there, and
/// the search goes on one character later.
pub fn captures_iter<'r, 'h: 'r>(
    unbounded: &'r Pattern,
    bounded: &'r LazyLock<Pattern>,
    text: &'h str,
    (group, max): (usize, usize),
) -> impl Iterator<Item = Captures<'h>> + 'r {
    let mut from = Some(0);
    let mut retries = 0;
    std::iter::from_fn(move || {
        let mut start = from?;
        let found = loop {
            if retries == RETRIES {
                break LazyLock::force(bounded).captures_at(text, start);
            }
            match unbounded.captures_at(text, start) {
                Some(c) if at_most(&c, group, max) => break Some(c),
                Some(c) => {
                    // No bounded match starts at or before this one.
                    retries += 1;
                    let at = c.get(0).map_or(start, |m| m.start());
                    start = at + text[at..].chars().next().map_or(1, char::len_utf8);
                }
                None => break None,
            }
        };
        from = found.as_ref().and_then(|c| after(text, c));
        found
    })
}

/// Where the search resumes after match `c`: at its end, or past the next character if empty.
fn after(text: &str, c: &Captures) -> Option<usize> {
    let m = c.get(0)?;
    if !m.is_empty() {
        return Some(m.end());
    }
    let next = text.get(m.end()..)?.chars().next()?;
    Some(m.end() + next.len_utf8())
}

/// The match of `regex`, anchored at the start of `text`, if `accept` takes it: a rejected
/// match leaves no other, as the start cannot move.
pub fn anchored<'h>(
    regex: &Pattern,
    text: &'h str,
    accept: impl Fn(&Captures<'h>) -> bool,
) -> Option<Captures<'h>> {
    regex.captures(text).filter(|c| accept(c))
}

/// Whether group `group` of `c`, if it took part in the match, has at most `max` characters.
pub fn at_most(c: &Captures, group: usize, max: usize) -> bool {
    c.get(group)
        .is_none_or(|m| m.as_str().chars().nth(max).is_none())
}

/// The first `max` characters of `text`: what a greedy repetition bounded at `max` that
/// ends its regex takes of a longer run.
pub fn first_chars(text: &str, max: usize) -> &str {
    text.char_indices()
        .nth(max)
        .map_or(text, |(end, _)| &text[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_anchored_lazy_group_within_its_bound_agrees_with_the_bounded_regex() {
        let bounded = Pattern::lines(r"^各位([\p{Han}、]{0,3}?)[:：]").unwrap();
        let unbounded = Pattern::lines(r"^各位([\p{Han}、]*?)[:：]").unwrap();
        for text in [
            "各位代表：",
            "各位代表、委员：",
            "各位：",
            "代表：",
            "各位代表委员同志：",
        ] {
            let found = anchored(&unbounded, text, |c| at_most(c, 1, 3))
                .and_then(|c| c.get(0))
                .map(|m| m.len());
            let expected = bounded.find(text).map(|m| m.len());
            assert_eq!(found, expected, "{text}");
        }
    }

    #[test]
    fn matches_over_the_bound_hand_over_to_the_bounded_regex() {
        static BOUNDED: LazyLock<Pattern> =
            LazyLock::new(|| Pattern::lines(r"关于(\p{Han}{2,3}?)的").unwrap());
        let unbounded = Pattern::lines(r"关于(\p{Han}{2,}?)的").unwrap();
        for text in [
            "关于甲乙的关于丙丁戊的",
            "关于甲乙丙丁关于戊己的",
            "关于甲乙的关于甲乙丙丁的关于戊己的",
            "关于关于甲的的",
            &format!("{}关于甲乙的", "关于甲乙丙丁".repeat(RETRIES + 2)),
            &format!("{}关于甲乙的", "关于甲乙丙丁".repeat(RETRIES - 1)),
            "",
        ] {
            let expected: Vec<_> = BOUNDED.find_iter(text).map(|m| m.range()).collect();
            let found: Vec<_> = captures_iter(&unbounded, &BOUNDED, text, (1, 3))
                .filter_map(|c| c.get(0).map(|m| m.range()))
                .collect();
            assert_eq!(found, expected, "{text}");
        }
    }

    static GAP: Bounded = Bounded::new(
        || Pattern::lines(r"(?:甲(?P<gap>[^。]*)乙)?丙").unwrap(),
        || Pattern::lines(r"(?:甲(?P<gap>[^。]{0,2})乙)?丙").unwrap(),
        &[("gap", 2)],
    );

    #[test]
    fn a_bounded_regex_finds_what_its_bounded_form_finds() {
        let bounded = Pattern::lines(r"(?:甲(?P<gap>[^。]{0,2})乙)?丙").unwrap();
        for text in [
            "甲一乙丙",
            "甲一二三乙丙",
            "甲一二三乙丙甲乙丙",
            "甲甲一乙丙",
            "丙甲。乙丙",
            "",
        ] {
            let texts = |c: Captures| {
                let text = |m: Option<crate::pattern::Found>| m.map(|m| m.as_str().to_owned());
                (text(c.get(0)), text(c.name("gap")))
            };
            let expected: Vec<_> = bounded.captures_iter(text).map(texts).collect();
            let found: Vec<_> = GAP.captures_iter(text).map(texts).collect();
            assert_eq!(found, expected, "{text}");
            assert_eq!(GAP.is_match(text), bounded.is_match(text), "{text}");
        }
    }

    #[test]
    fn a_greedy_run_is_cut_at_its_bound() {
        assert_eq!(first_chars("廉政法治网", 3), "廉政法");
        assert_eq!(first_chars("廉政", 3), "廉政");
        assert_eq!(first_chars("", 3), "");
    }
}
