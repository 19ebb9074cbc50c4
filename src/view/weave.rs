//! The shown text woven with its layers into properly nested HTML.
//!
//! Layers (sections, paragraphs, headings, directives, mentions…) are ranges of the text that
//! may nest or cross. The text is cut at every layer boundary; each piece is written once, inside
//! the elements of the layers that cover it, outermost first. An element that a crossing layer
//! interrupts is closed and opened again as a continuation (`class="… cont"`, without its id or
//! margin label), so the markup always nests and every character is written exactly once.

use std::fmt::Write as _;

use maud::Escaper;

use super::text::ShownText;

/// One annotated range of the shown text: the element that marks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layer {
    /// First character (inclusive), in characters.
    pub start: usize,
    /// Past the last character.
    pub end: usize,
    /// Which of two layers with the same range is the outer one (lower is outer).
    pub rank: u8,
    /// `span` or `mark`.
    pub tag: &'static str,
    /// The classes of every piece.
    pub class: String,
    /// Attributes of every piece (`title`, `data-m`).
    pub attributes: Vec<(&'static str, String)>,
    /// Attributes of the first piece only (`id`, `data-label`): what a link or the margin points to.
    pub first_attributes: Vec<(&'static str, String)>,
}

impl Layer {
    /// A `span` layer over `start..end`.
    pub fn span(start: usize, end: usize, rank: u8, class: impl Into<String>) -> Self {
        Self {
            start,
            end,
            rank,
            tag: "span",
            class: class.into(),
            attributes: Vec::new(),
            first_attributes: Vec::new(),
        }
    }

    /// Adds an attribute that every piece carries.
    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.attributes.push((name, value.into()));
        self
    }

    /// Adds an attribute that only the first piece carries.
    pub fn first(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.first_attributes.push((name, value.into()));
        self
    }

    fn open(&self, out: &mut String, first: bool) {
        out.push('<');
        out.push_str(self.tag);
        let continuation = if first { "" } else { " cont" };
        attribute(out, "class", &format!("{}{continuation}", self.class));
        for (name, value) in &self.attributes {
            attribute(out, name, value);
        }
        if first {
            for (name, value) in &self.first_attributes {
                attribute(out, name, value);
            }
        }
        out.push('>');
    }

    fn close(&self, out: &mut String) {
        out.push_str("</");
        out.push_str(self.tag);
        out.push('>');
    }
}

/// Writes ` name="value"`, the value escaped.
fn attribute(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    let _ = Escaper::new(out).write_str(value);
    out.push('"');
}

/// Writes the whole shown text, each character once, inside the elements of `layers`.
///
/// Layers are clipped to the text; an empty one (a diagnostic's place) is an empty element at
/// its position.
pub fn weave(text: &ShownText, mut layers: Vec<Layer>, out: &mut String) {
    let length = text.len();
    for layer in &mut layers {
        layer.end = layer.end.min(length);
        layer.start = layer.start.min(layer.end);
    }
    // Outer layers first: earlier start, then longer, then lower rank.
    layers.sort_by(|a, b| {
        (a.start, std::cmp::Reverse(a.end), a.rank).cmp(&(
            b.start,
            std::cmp::Reverse(b.end),
            b.rank,
        ))
    });
    let (points, ranges): (Vec<Layer>, Vec<Layer>) =
        layers.into_iter().partition(|l| l.start == l.end);

    let mut boundaries: Vec<usize> = ranges
        .iter()
        .flat_map(|l| [l.start, l.end])
        .chain(points.iter().map(|p| p.start))
        .chain([0, length])
        .collect();
    boundaries.sort_unstable();
    boundaries.dedup();

    let mut opened = vec![false; ranges.len()];
    let mut active: Vec<usize> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut next_range = 0;
    let mut next_point = 0;
    for (i, &at) in boundaries.iter().enumerate() {
        active.retain(|&index| ranges[index].end > at);
        // Every range starting here has a later index than those already active (the list is
        // sorted by start), so pushing keeps `active` in nesting order.
        while let Some(layer) = ranges.get(next_range).filter(|l| l.start <= at) {
            if layer.end > at {
                active.push(next_range);
            }
            next_range += 1;
        }
        let common = stack
            .iter()
            .zip(&active)
            .take_while(|(a, b)| a == b)
            .count();
        for &index in stack[common..].iter().rev() {
            ranges[index].close(out);
        }
        stack.truncate(common);
        for &index in &active[common..] {
            ranges[index].open(out, !opened[index]);
            opened[index] = true;
            stack.push(index);
        }
        while let Some(point) = points.get(next_point).filter(|p| p.start <= at) {
            point.open(out, true);
            point.close(out);
            next_point += 1;
        }
        if let Some(&until) = boundaries.get(i + 1) {
            text.write_html(at, until, out);
        }
    }
    for &index in stack.iter().rev() {
        ranges[index].close(out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn woven(text: &str, layers: Vec<Layer>) -> String {
        let mut out = String::new();
        weave(&ShownText::full(text), layers, &mut out);
        out
    }

    /// The tags of `html` in order, as (`true` for an opening tag, name); text is skipped.
    fn tags(html: &str) -> Vec<(bool, String)> {
        html.split('<')
            .skip(1)
            .map(|tag| {
                let closing = tag.starts_with('/');
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(char::is_ascii_alphabetic)
                    .collect();
                (!closing, name)
            })
            .collect()
    }

    proptest::proptest! {
        /// Whatever the layers (nested, crossing, empty, past the end), the markup nests and
        /// the text reads back whole.
        #[test]
        fn any_layers_nest_and_keep_every_character_once(
            text in "[a-c同志们<&\n\r]{0,40}",
            ranges in proptest::collection::vec((0usize..50, 0usize..50, 0u8..4), 0..12),
        ) {
            let layers = ranges
                .iter()
                .enumerate()
                .map(|(i, &(a, b, rank))| {
                    let layer = Layer::span(a.min(b), a.max(b), rank, "l").first("id", format!("x{i}"));
                    if rank == 3 { Layer { tag: "mark", ..layer } } else { layer }
                })
                .collect();
            let mut html = String::from("<div id=\"source\">");
            weave(&ShownText::full(&text), layers, &mut html);
            html.push_str("</div>");
            let mut open = Vec::new();
            for (opening, name) in tags(&html) {
                if opening {
                    open.push(name);
                } else {
                    proptest::prop_assert_eq!(open.pop(), Some(name));
                }
            }
            proptest::prop_assert!(open.is_empty());
            proptest::prop_assert_eq!(super::super::source_region_text(&html), Some(text));
        }
    }

    #[test]
    fn nested_layers_nest() {
        let html = woven(
            "abcdef",
            vec![
                Layer::span(1, 3, 2, "inner").first("id", "i"),
                Layer::span(0, 6, 1, "outer"),
            ],
        );
        assert_eq!(
            html,
            r#"<span class="outer">a<span class="inner" id="i">bc</span>def</span>"#
        );
    }

    #[test]
    fn crossing_layers_are_split_with_a_continuation() {
        let html = woven(
            "abcd",
            vec![
                Layer::span(0, 2, 1, "a").first("id", "a"),
                Layer::span(1, 4, 1, "b").first("id", "b"),
            ],
        );
        assert_eq!(
            html,
            r#"<span class="a" id="a">a<span class="b" id="b">b</span></span><span class="b cont">cd</span>"#
        );
    }

    #[test]
    fn equal_ranges_nest_by_rank_and_points_are_empty_elements() {
        let html = woven(
            "a<b",
            vec![
                Layer::span(0, 3, 5, "dir"),
                Layer::span(0, 3, 1, "p"),
                Layer::span(1, 1, 0, "diag").first("id", "d-1"),
                Layer::span(2, 9, 0, "clipped"),
            ],
        );
        assert_eq!(
            html,
            r#"<span class="p"><span class="dir">a<span class="diag" id="d-1"></span>&lt;<span class="clipped">b</span></span></span>"#
        );
    }
}
