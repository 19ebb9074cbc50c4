//! The page's structure as evidence for the parser: a line the classifier took for front
//! matter (a title, a byline, a date) that lies inside an element the page marks as chrome
//! (a menu item 领导讲话, a date in a footer) is the page's chrome instead. Body lines are left
//! to the classifier, which tells prose from chrome by itself: a page that wraps its article in
//! a misnamed element must not lose its speech.

use std::ops::Range;

use crate::model::BoilerplateKind;
use crate::parse::{Role, Segment};

/// Re-marks the front-matter segments that lie wholly inside a chrome range (ranges in order).
pub fn mark_chrome(segments: &mut [Segment], chrome: &[(Range<usize>, BoilerplateKind)]) {
    for segment in segments.iter_mut() {
        if !matches!(segment.role, Role::Front(_)) {
            continue;
        }
        if let Some(kind) = enclosing_chrome(&segment.range, chrome) {
            segment.role = Role::Boilerplate(kind);
        }
    }
}

/// The kind of the chrome range that holds `range` whole, if any.
fn enclosing_chrome(
    range: &Range<usize>,
    chrome: &[(Range<usize>, BoilerplateKind)],
) -> Option<BoilerplateKind> {
    let after = chrome.partition_point(|(chrome, _)| chrome.start <= range.start);
    let (candidate, kind) = chrome.get(after.checked_sub(1)?)?;
    (candidate.end >= range.end).then_some(*kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FrontMatterKind;

    fn segment(range: Range<usize>, role: Role) -> Segment {
        Segment {
            range,
            role,
            line: 1,
        }
    }

    #[test]
    fn front_matter_inside_chrome_is_chrome() {
        let chrome = [
            (0..20, BoilerplateKind::Navigation),
            (100..120, BoilerplateKind::Footer),
        ];
        let mut segments = [
            segment(5..12, Role::Front(FrontMatterKind::Title)),
            segment(30..50, Role::Front(FrontMatterKind::Title)),
            segment(60..90, Role::Body),
            segment(105..110, Role::Body),
            segment(110..125, Role::Front(FrontMatterKind::Date)),
        ];
        mark_chrome(&mut segments, &chrome);
        let roles: Vec<Role> = segments.iter().map(|s| s.role).collect();
        assert_eq!(
            roles,
            [
                Role::Boilerplate(BoilerplateKind::Navigation),
                Role::Front(FrontMatterKind::Title),
                Role::Body,
                Role::Body,
                Role::Front(FrontMatterKind::Date),
            ]
        );
    }
}
