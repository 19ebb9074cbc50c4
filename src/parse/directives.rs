//! Directives: the numbered points inside a part's paragraphs: 一要…二要…, 一是…二是…,
//! 第一，…第二，…, 首先…其次…最后.
//!
//! A point marker counts only at the start of a paragraph or of a clause (after 。！？；：, and for
//! 一是 also after a comma), only in a sequence counting up from 1, and only from a family
//! that does not number the parts around it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use super::levels::longest_chain;
use super::markers::{self, Family, Marker, CLAUSE_ENDS};

/// A numbered point, as byte ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    /// The number written (最后 counts one more than the point before).
    pub ordinal: u32,
    /// The marker as written.
    pub marker: Range<usize>,
    /// The lead phrase after the marker.
    pub heading: Range<usize>,
    /// From the marker to the next point or the end of its paragraph.
    pub text: Range<usize>,
    /// Index of the paragraph it is in.
    pub paragraph: usize,
    /// Whether its number skips one from the point before.
    pub gap: bool,
}

/// Ends of a directive's lead phrase.
const HEADING_ENDS: &[char] = &['。', '；', ';', '！', '!', '？', '?'];
/// Clause ends after which 一是 may also start a point (一是…，二是…).
const LIST_ENDS: &[char] = &['。', '！', '？', '!', '?', '；', ';', '：', ':', '，', ','];

/// Where the paragraphs searched for points stand in the outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// A part that may hold parts of its own: outline markers (1., （1）) start parts there.
    Nesting,
    /// The innermost level of parts: outline markers at paragraph starts number its points
    /// (the 1. 2. 3. under a work report's （二）).
    Innermost,
}

/// Finds the numbered points of paragraphs, reading each paragraph's markers once: the outline
/// asks for the points of a part when it looks for the closing and again when it builds it.
pub struct PointFinder<'t> {
    text: &'t str,
    /// The markers at the clause starts of each paragraph read so far.
    markers: RefCell<HashMap<Range<usize>, Rc<[Marker]>>>,
}

impl<'t> PointFinder<'t> {
    /// A finder for the paragraphs of `text`.
    pub fn new(text: &'t str) -> Self {
        PointFinder {
            text,
            markers: RefCell::default(),
        }
    }

    /// The numbered points in `paragraphs`: the sequence of the family that starts first.
    pub fn points(
        &self,
        paragraphs: &[Range<usize>],
        excluded: &[Family],
        scope: Scope,
    ) -> Vec<Point> {
        let text = self.text;
        let found = self.candidates(paragraphs, excluded, scope);
        let mut families: Vec<Family> = found.iter().map(|(m, _)| m.family).collect();
        families.sort();
        families.dedup();
        let best = families
            .into_iter()
            .map(|family| {
                let items: Vec<_> = found
                    .iter()
                    .enumerate()
                    .filter(|(_, (m, _))| m.family == family)
                    .map(|(i, (m, _))| (i, m.ordinal))
                    .collect();
                longest_chain(&items, true)
            })
            .filter(|chain| chain.len() >= 2)
            .min_by_key(|chain| (chain.first().map(|l| l.0), std::cmp::Reverse(chain.len())));
        let dashed = dash_points(text, paragraphs);
        let Some(chain) = best else {
            return dashed;
        };
        // Of a dash-led list and a numbered one, the longer is the part's list; the earlier
        // on a tie.
        let first_numbered = chain
            .first()
            .and_then(|l| found.get(l.0))
            .map_or(usize::MAX, |(_, paragraph)| *paragraph);
        let dash_first = dashed.first().is_some_and(|d| d.paragraph < first_numbered);
        if dashed.len() > chain.len() || (dashed.len() == chain.len() && dash_first) {
            return dashed;
        }
        let mut out: Vec<Point> = Vec::new();
        for (k, &(index, ordinal, gap)) in chain.iter().enumerate() {
            let Some((marker, paragraph)) = found.get(index) else {
                continue;
            };
            let Some(range) = paragraphs.get(*paragraph) else {
                continue;
            };
            let next = chain
                .get(k + 1)
                .and_then(|l| found.get(l.0))
                .filter(|(_, p)| p == paragraph)
                .map(|(m, _)| m.range.start);
            let end = trim_end(text, marker.range.start..next.unwrap_or(range.end));
            out.push(Point {
                ordinal,
                marker: marker.range.clone(),
                heading: heading(text, marker.rest..end),
                text: marker.range.start..end,
                paragraph: *paragraph,
                gap,
            });
        }
        out
    }

    /// Point markers at clause starts, with the index of their paragraph, in order.
    fn candidates(
        &self,
        paragraphs: &[Range<usize>],
        excluded: &[Family],
        scope: Scope,
    ) -> Vec<(Marker, usize)> {
        let mut out = Vec::new();
        for (i, paragraph) in paragraphs.iter().enumerate() {
            for marker in self.markers_of(paragraph).iter() {
                let family = marker.family;
                let allowed = !family.is_outline()
                    || (scope == Scope::Innermost && marker.range.start == paragraph.start);
                if allowed && !excluded.contains(&family) {
                    out.push((marker.clone(), i));
                }
            }
        }
        out
    }

    /// The markers that may start a point of `paragraph`: at a clause start, with text after
    /// them inside the paragraph.
    fn markers_of(&self, paragraph: &Range<usize>) -> Rc<[Marker]> {
        if let Some(known) = self.markers.borrow().get(paragraph) {
            return Rc::clone(known);
        }
        let text = self.text;
        let found: Rc<[Marker]> = markers::clause_starts(text, paragraph, LIST_ENDS)
            .into_iter()
            .filter_map(|pos| markers::marker_at(text, pos))
            .filter(|marker| {
                let pos = marker.range.start;
                let placed = marker.family == Family::Shi
                    || markers::starts_clause(text, paragraph.start, pos, CLAUSE_ENDS);
                placed && marker.rest < paragraph.end
            })
            .collect();
        self.markers
            .borrow_mut()
            .insert(paragraph.clone(), Rc::clone(&found));
        found
    }
}

/// Dashes that lead the points of an unnumbered list (——坚持党的领导。…).
const DASHES: &[&str] = &["——", "――", "──", "－－", "--"];
/// Dash-led paragraphs in a row that make a list.
const MIN_DASH_RUN: usize = 2;

/// The points of the longest run of consecutive paragraphs led by a dash (the earliest of
/// equal runs), numbered by their place in it; none when no run is long enough. A lone dash
/// line is an attribution or an aside, not a list.
pub(crate) fn dash_points(text: &str, paragraphs: &[Range<usize>]) -> Vec<Point> {
    let lead = |p: &Range<usize>| -> Option<usize> {
        let s = text.get(p.clone())?;
        let dash = DASHES.iter().find(|d| s.starts_with(*d))?;
        let rest =
            s[dash.len()..].trim_start_matches(|c: char| c.is_whitespace() || "—―─－-".contains(c));
        (!rest.trim().is_empty()).then(|| p.end - rest.len())
    };
    let mut best: Option<Range<usize>> = None;
    let mut run_start = 0;
    for i in 0..=paragraphs.len() {
        if paragraphs.get(i).and_then(lead).is_some() {
            continue;
        }
        if best.as_ref().is_none_or(|b| i - run_start > b.len()) {
            best = Some(run_start..i);
        }
        run_start = i + 1;
    }
    let Some(run) = best.filter(|r| r.len() >= MIN_DASH_RUN) else {
        return Vec::new();
    };
    let first = run.start;
    run.filter_map(|i| {
        let paragraph = paragraphs.get(i)?;
        let rest = lead(paragraph)?;
        Some(Point {
            ordinal: (i - first) as u32 + 1,
            marker: paragraph.start..rest,
            heading: heading(text, rest..paragraph.end),
            text: paragraph.clone(),
            paragraph: i,
            gap: false,
        })
    })
    .collect()
}

/// The lead phrase in `range`: up to the first 。；！？, without trailing commas.
fn heading(text: &str, range: Range<usize>) -> Range<usize> {
    let Some(s) = text.get(range.clone()) else {
        return range.start..range.start;
    };
    let end = s.find(HEADING_ENDS).unwrap_or(s.len());
    let lead = s[..end].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '，' | ',' | '、' | '：' | ':')
    });
    range.start..range.start + lead.len()
}

fn trim_end(text: &str, range: Range<usize>) -> usize {
    text.get(range.clone())
        .map_or(range.end, |s| range.start + s.trim_end().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headings(text: &str, excluded: &[Family]) -> Vec<(u32, String, String)> {
        PointFinder::new(text)
            .points(
                std::slice::from_ref(&(0..text.len())),
                excluded,
                Scope::Nesting,
            )
            .into_iter()
            .map(|p| {
                (
                    p.ordinal,
                    text[p.marker].to_owned(),
                    text[p.heading].to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn yao_points_after_sentence_ends() {
        let text =
            "要服务大局。一要高质量立法。坚持立法先行。二要高效能监督。正确监督。三要高水平献策。";
        let got = headings(text, &[]);
        assert_eq!(got.len(), 3);
        assert_eq!(got[1], (2, "二要".into(), "高效能监督".into()));
    }

    #[test]
    fn shi_lists_after_commas() {
        let text = "主要做了三件事：一是加强学习，二是深入调研，三是完善制度。";
        let got = headings(text, &[]);
        assert_eq!(
            got.iter().map(|g| g.2.as_str()).collect::<Vec<_>>(),
            vec!["加强学习", "深入调研", "完善制度"]
        );
    }

    #[test]
    fn words_inside_sentences_are_not_points() {
        let text = "落实第一议题制度，向着第二个百年目标奋进，一是一、二是二，进一步提高质效。";
        assert!(headings(text, &[]).is_empty());
    }

    #[test]
    fn a_lone_point_is_not_a_list() {
        assert!(headings("一是加强学习。要深入调研。", &[]).is_empty());
    }

    #[test]
    fn the_family_of_the_part_is_left_out() {
        let text = "第二，加强监督。第一，要监督。第二，要支持。";
        assert!(headings(text, &[Family::Di]).is_empty());
        assert_eq!(headings(text, &[]).len(), 2);
    }

    #[test]
    fn sequence_words_count_up_to_last() {
        let text = "首先，要提高站位。其次，要压实责任。最后，要强化保障。";
        let got = headings(text, &[]);
        assert_eq!(got.iter().map(|g| g.0).collect::<Vec<_>>(), vec![1, 2, 3]);
        assert_eq!(got[2].2, "要强化保障");
    }

    #[test]
    fn a_run_of_dash_led_paragraphs_is_a_list() {
        let text = "五年来成绩显著。\n——经济实力大幅提升。总量突破万亿。\n——生态屏障更加牢固。森林覆盖率提高。\n——民生福祉持续增进。就业稳定。\n总的看，成绩来之不易。";
        let paragraphs: Vec<Range<usize>> = crate::parse::layout::lines(text)
            .into_iter()
            .map(|l| l.range)
            .collect();
        let got = PointFinder::new(text).points(&paragraphs, &[], Scope::Nesting);
        let view: Vec<(u32, &str, &str)> = got
            .iter()
            .map(|p| (p.ordinal, &text[p.marker.clone()], &text[p.heading.clone()]))
            .collect();
        assert_eq!(
            view,
            vec![
                (1, "——", "经济实力大幅提升"),
                (2, "——", "生态屏障更加牢固"),
                (3, "——", "民生福祉持续增进")
            ]
        );
        let lone = "要坚持人民至上。\n——摘自某次讲话";
        let lines: Vec<Range<usize>> = crate::parse::layout::lines(lone)
            .into_iter()
            .map(|l| l.range)
            .collect();
        assert!(PointFinder::new(lone)
            .points(&lines, &[], Scope::Nesting)
            .is_empty());
    }

    #[test]
    fn texts_run_to_the_next_point_or_the_paragraph_end() {
        let text = "一要立法。内容甲。二要监督。内容乙。";
        let got = PointFinder::new(text).points(
            std::slice::from_ref(&(0..text.len())),
            &[],
            Scope::Nesting,
        );
        assert_eq!(&text[got[0].text.clone()], "一要立法。内容甲。");
        assert_eq!(&text[got[1].text.clone()], "二要监督。内容乙。");
    }
}
