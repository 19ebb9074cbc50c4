//! Bounded lazy repetitions checked in code.
//!
//! A regex such as `关于(\p{Han}{2,40}?)的` compiles the Unicode class forty times over, which
//! costs far more than searching. Written `关于(\p{Han}{2,}?)的`, it compiles once; the bound
//! is then checked on the captured group. A lazy repetition takes the fewest characters that
//! let the rest match, so the bounded regex matches at a position exactly when the unbounded
//! one does with the group within the bound; where the group is too long, the search goes on
//! one character later, as the bounded regex's would.

use regex::{Captures, Regex};

/// The leftmost match of `regex` in `text` that `accept` takes.
pub fn captures<'h>(
    regex: &Regex,
    text: &'h str,
    accept: impl Fn(&Captures<'h>) -> bool,
) -> Option<Captures<'h>> {
    captures_iter(regex, text, accept).next()
}

/// The match of `regex`, anchored at the start of `text`, if `accept` takes it: a rejected
/// match leaves no other, as the start cannot move.
pub fn anchored<'h>(
    regex: &Regex,
    text: &'h str,
    accept: impl Fn(&Captures<'h>) -> bool,
) -> Option<Captures<'h>> {
    regex.captures(text).filter(|c| accept(c))
}

/// The successive non-overlapping matches of `regex` in `text` that `accept` takes.
pub fn captures_iter<'r, 'h, F>(
    regex: &'r Regex,
    text: &'h str,
    accept: F,
) -> impl Iterator<Item = Captures<'h>> + 'r
where
    'h: 'r,
    F: Fn(&Captures<'h>) -> bool + 'r,
{
    let mut from = Some(0);
    std::iter::from_fn(move || {
        while let Some(start) = from {
            let c = regex.captures_at(text, start)?;
            let whole = c.get(0)?;
            let accepted = accept(&c);
            from = match (accepted, whole.is_empty()) {
                (true, false) => Some(whole.end()),
                // An empty match must not be found again at the same place.
                (true, true) => next_char(text, whole.end()),
                (false, _) => next_char(text, whole.start()),
            };
            if accepted {
                return Some(c);
            }
        }
        None
    })
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

/// The byte offset of the character after the one at `at`, if there is one.
fn next_char(text: &str, at: usize) -> Option<usize> {
    let c = text.get(at..)?.chars().next()?;
    Some(at + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounded(text: &str) -> Vec<&str> {
        let regex = Regex::new(r"关于(\p{Han}{2,}?)的").unwrap();
        captures_iter(&regex, text, |c| at_most(c, 1, 3))
            .map(|c| c.get(1).map_or("", |m| m.as_str()))
            .collect()
    }

    #[test]
    fn a_group_over_the_bound_is_passed_over_for_a_later_match() {
        assert_eq!(bounded("关于甲乙的关于丙丁戊的"), ["甲乙", "丙丁戊"]);
        assert_eq!(bounded("关于甲乙丙丁关于戊己的"), ["戊己"]);
        assert_eq!(bounded("关于甲乙丙丁戊的"), Vec::<&str>::new());
    }

    #[test]
    fn agrees_with_the_bounded_regex() {
        let regex = Regex::new(r"关于(\p{Han}{2,3}?)的").unwrap();
        let unbounded = Regex::new(r"关于(\p{Han}{2,}?)的").unwrap();
        for text in [
            "关于甲乙的关于丙丁戊的",
            "关于甲乙丙丁关于戊己的",
            "关于关于甲的的",
            "",
        ] {
            let expected: Vec<_> = regex.find_iter(text).map(|m| m.range()).collect();
            let found: Vec<_> = captures_iter(&unbounded, text, |c| at_most(c, 1, 3))
                .filter_map(|c| c.get(0).map(|m| m.range()))
                .collect();
            assert_eq!(found, expected, "{text}");
        }
    }
}
