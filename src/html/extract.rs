//! A page's markup → the text a reader sees, line by line, with the ranges of that text that the
//! page's structure marks as chrome (navigation, footers, share bars…).
//!
//! The markup is parsed by html5ever (through scraper), as a browser parses it, and its text is
//! laid out as `innerText` lays it out: block elements end lines, a `<p>` stands apart by a blank
//! line, `<br>` breaks the line, white space collapses to one space except inside `<pre>`, and
//! what a browser does not show (the head, scripts, styles, templates, comments, hidden
//! elements) is not text. The tree is walked iteratively, so deep nesting costs no stack.

use std::ops::Range;

use crate::model::BoilerplateKind;
use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{Html, Node};

/// The text of a page, what the parser reads and the document's spans index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// The visible text, one line per rendered line.
    pub text: String,
    /// Byte ranges of `text` inside elements that the page marks as chrome, with the kind of
    /// chrome the outermost such element names; in order, disjoint.
    pub chrome: Vec<(Range<usize>, BoilerplateKind)>,
}

/// Extracts the visible text of a page.
pub fn extract(markup: &str) -> Extracted {
    extract_document(&Html::parse_document(markup))
}

/// Extracts the visible text of a parsed page.
pub fn extract_document(page: &Html) -> Extracted {
    let mut writer = TextWriter::default();
    let mut walk = WalkState::default();
    for edge in page.tree.root().traverse() {
        match edge {
            Edge::Open(node) => walk.open(node.value(), &mut writer),
            Edge::Close(node) => walk.close(node.value(), &mut writer),
        }
    }
    writer.finish();
    Extracted {
        text: writer.text,
        chrome: walk.chrome,
    }
}

/// Elements whose content a browser does not show as text.
const HIDDEN: &[&str] = &[
    "head", "script", "style", "noscript", "template", "iframe", "object", "embed", "canvas",
    "svg", "math", "select", "datalist",
];

/// Elements laid out as blocks: each starts and ends a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "plaintext",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "xmp",
];

/// Elements whose white space is kept as written.
const PREFORMATTED: &[&str] = &["pre", "listing", "plaintext", "xmp", "textarea"];

/// Elements that are chrome by their name, and the kind they are.
const CHROME_ELEMENTS: &[(&str, BoilerplateKind)] = &[
    ("nav", BoilerplateKind::Navigation),
    ("header", BoilerplateKind::Navigation),
    ("footer", BoilerplateKind::Footer),
    ("aside", BoilerplateKind::Related),
];

/// Words that, in a class or id, name chrome: menus, breadcrumbs, share bars, related lists,
/// copyright footers, sidebars (with the pinyin initials Chinese sites use: 相关文章 xgwz,
/// 当前位置 dqwz, 版权 bq). The first that fits a word gives the kind.
const CHROME_WORDS: &[(&str, BoilerplateKind)] = &[
    ("nav", BoilerplateKind::Navigation),
    ("menu", BoilerplateKind::Navigation),
    ("breadcrumb", BoilerplateKind::Navigation),
    ("crumb", BoilerplateKind::Navigation),
    ("location", BoilerplateKind::Navigation),
    ("position", BoilerplateKind::Navigation),
    ("dqwz", BoilerplateKind::Navigation),
    ("banner", BoilerplateKind::Navigation),
    ("topbar", BoilerplateKind::Navigation),
    ("header", BoilerplateKind::Navigation),
    ("share", BoilerplateKind::Widget),
    ("toolbar", BoilerplateKind::Widget),
    ("related", BoilerplateKind::Related),
    ("relate", BoilerplateKind::Related),
    ("xgwz", BoilerplateKind::Related),
    ("xgxw", BoilerplateKind::Related),
    ("sidebar", BoilerplateKind::Related),
    ("side", BoilerplateKind::Related),
    ("copyright", BoilerplateKind::Footer),
    ("footer", BoilerplateKind::Footer),
    ("foot", BoilerplateKind::Footer),
    ("bq", BoilerplateKind::Footer),
];

/// Where the walk is: inside how many hidden, preformatted and chrome elements.
#[derive(Debug, Default)]
struct WalkState {
    hidden: usize,
    preformatted: usize,
    chrome_depth: usize,
    chrome_start: usize,
    chrome_kind: Option<BoilerplateKind>,
    chrome: Vec<(Range<usize>, BoilerplateKind)>,
}

impl WalkState {
    fn open(&mut self, node: &Node, writer: &mut TextWriter) {
        match node {
            Node::Element(element) => self.open_element(element, writer),
            Node::Text(text) if self.hidden == 0 => writer.write(text, self.preformatted > 0),
            _ => {}
        }
    }

    fn close(&mut self, node: &Node, writer: &mut TextWriter) {
        if let Node::Element(element) = node {
            self.close_element(element, writer);
        }
    }

    fn open_element(&mut self, element: &Element, writer: &mut TextWriter) {
        let name = element.name();
        if self.hidden > 0 || is_hidden(element) {
            self.hidden += 1;
            return;
        }
        if let Some(kind) = chrome_kind(element) {
            if self.chrome_depth == 0 {
                // A blank line owed before the chrome lies outside it.
                writer.end_line();
                writer.flush_pending();
                self.chrome_start = writer.text.len();
                self.chrome_kind = Some(kind);
            }
            self.chrome_depth += 1;
        }
        match name {
            "br" => writer.line_break(),
            "p" => writer.end_paragraph(),
            _ if BLOCKS.contains(&name) => writer.end_line(),
            _ => {}
        }
        if PREFORMATTED.contains(&name) {
            self.preformatted += 1;
        }
    }

    fn close_element(&mut self, element: &Element, writer: &mut TextWriter) {
        let name = element.name();
        if self.hidden > 0 {
            self.hidden -= 1;
            return;
        }
        if PREFORMATTED.contains(&name) {
            self.preformatted = self.preformatted.saturating_sub(1);
        }
        match name {
            "p" => writer.end_paragraph(),
            _ if BLOCKS.contains(&name) => writer.end_line(),
            _ => {}
        }
        if chrome_kind(element).is_some() {
            self.chrome_depth = self.chrome_depth.saturating_sub(1);
            if self.chrome_depth == 0 {
                writer.end_line();
                self.close_chrome(writer.text.len());
            }
        }
    }

    fn close_chrome(&mut self, end: usize) {
        if let Some(kind) = self.chrome_kind.take().filter(|_| self.chrome_start < end) {
            self.chrome.push((self.chrome_start..end, kind));
        }
    }
}

/// Whether a browser shows nothing of the element: by its kind, or hidden by an attribute or
/// an inline `display: none`.
fn is_hidden(element: &Element) -> bool {
    HIDDEN.contains(&element.name())
        || element.attr("hidden").is_some()
        || element.attr("style").is_some_and(|style| {
            let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
            style.to_ascii_lowercase().contains("display:none")
        })
}

/// The kind of chrome the page marks the element as: by its name, or by a word of its class
/// or id.
fn chrome_kind(element: &Element) -> Option<BoilerplateKind> {
    let by_name = CHROME_ELEMENTS
        .iter()
        .find(|(name, _)| *name == element.name())
        .map(|&(_, kind)| kind);
    by_name.or_else(|| element.classes().chain(element.id()).find_map(named_chrome))
}

/// The kind of chrome a class or id names: one of its words (split at `-` and `_`) starts or
/// ends with a chrome word (`navbar`, `topnav`, `bdsharebuttonbox`).
fn named_chrome(name: &str) -> Option<BoilerplateKind> {
    let name = name.to_ascii_lowercase();
    name.split(['-', '_']).find_map(|word| {
        CHROME_WORDS
            .iter()
            .find(|(chrome, _)| word.starts_with(chrome) || word.ends_with(chrome))
            .map(|&(_, kind)| kind)
    })
}

/// Builds the text: collapses white space, ends lines, keeps blank lines between paragraphs.
#[derive(Debug, Default)]
struct TextWriter {
    text: String,
    /// Collapsed white space waiting for the next visible character (dropped at a line's end).
    pending_space: bool,
    /// Whether that white space held a line break (dropped between two CJK characters, as the
    /// CSS rules on segment breaks say).
    pending_segment_break: bool,
    /// Blank lines owed before the next text (one after a paragraph).
    pending_blank: bool,
}

impl TextWriter {
    /// Writes a text node's characters.
    fn write(&mut self, text: &str, preformatted: bool) {
        if preformatted {
            if !text.is_empty() {
                self.flush_pending();
                self.text.push_str(text);
            }
            return;
        }
        for c in text.chars() {
            if is_collapsible(c) {
                self.pending_space = true;
                self.pending_segment_break |= c == '\n' || c == '\r';
            } else {
                self.flush_space_before(c);
                self.text.push(c);
            }
        }
    }

    fn flush_space_before(&mut self, next: char) {
        let at_line_start = self.text.is_empty() || self.text.ends_with('\n');
        let between_wide = self.pending_segment_break
            && is_wide(next)
            && self.text.chars().next_back().is_some_and(is_wide);
        if self.pending_space && !at_line_start && !between_wide {
            self.text.push(' ');
        }
        self.pending_space = false;
        self.pending_segment_break = false;
        self.flush_pending();
    }

    fn flush_pending(&mut self) {
        if self.pending_blank && !self.text.is_empty() {
            self.text.push('\n');
        }
        self.pending_blank = false;
    }

    /// Ends the current line, if it has text.
    fn end_line(&mut self) {
        self.pending_space = false;
        self.pending_segment_break = false;
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    /// Ends the line and owes a blank line before the next text.
    fn end_paragraph(&mut self) {
        self.end_line();
        self.pending_blank = true;
    }

    /// A `<br>`: a line break, even on an empty line.
    fn line_break(&mut self) {
        self.pending_space = false;
        self.pending_segment_break = false;
        self.flush_pending();
        self.text.push('\n');
    }

    fn finish(&mut self) {
        self.end_line();
    }
}

/// The white space that HTML collapses (U+3000 and U+00A0 are kept, as browsers keep them).
fn is_collapsible(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{0C}')
}

/// Characters between which a line break in the markup vanishes: Han, kana, CJK and
/// full-width punctuation.
fn is_wide(c: char) -> bool {
    crate::text::is_han(c)
        || matches!(c, '\u{3000}'..='\u{30FF}' | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{2FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(markup: &str) -> String {
        extract(markup).text
    }

    #[test]
    fn blocks_end_lines_and_paragraphs_stand_apart() {
        assert_eq!(
            text("<div>标题</div><p>同志们：</p><p>第一段。</p>"),
            "标题\n\n同志们：\n\n第一段。\n"
        );
        assert_eq!(text("一、<br>二、<br><br>三、"), "一、\n二、\n\n三、\n");
        assert_eq!(
            text("<table><tr><td>左</td><td>右</td></tr></table>"),
            "左\n右\n"
        );
    }

    #[test]
    fn what_a_browser_hides_is_not_text() {
        let markup = "<html><head><title>页</title><style>p{}</style></head><body>\
            <script>var a = '<p>';</script><!-- 注释 --><noscript>请启用</noscript>\
            <template>模板</template><div hidden>藏</div><p style=\"display: none\">藏</p>正文</body>";
        assert_eq!(text(markup), "正文\n");
    }

    #[test]
    fn white_space_collapses_as_a_browser_renders_it() {
        assert_eq!(text("<p>  a \n  b\t</p>"), "a b\n");
        // A line break in the markup between two Han characters vanishes.
        assert_eq!(
            text("<p>在市委\n  人大工作会议上</p>"),
            "在市委人大工作会议上\n"
        );
        assert_eq!(
            text("<p>&nbsp;&nbsp;同志们&amp;朋友们&#65306;</p>"),
            "\u{a0}\u{a0}同志们&朋友们：\n"
        );
        assert_eq!(text("<pre>一\n  二</pre>"), "一\n  二\n");
    }

    #[test]
    fn chrome_is_marked_by_element_and_class() {
        let page = extract(
            "<nav><a>首页</a></nav><div class=\"main\"><p>正文</p></div>\
             <div class=\"footer-wrap\">版权所有</div><div id=\"bdshare\">分享</div>",
        );
        let ranges: Vec<(&str, BoilerplateKind)> = page
            .chrome
            .iter()
            .map(|(range, kind)| (&page.text[range.clone()], *kind))
            .collect();
        assert_eq!(
            ranges,
            [
                ("首页\n", BoilerplateKind::Navigation),
                ("版权所有\n", BoilerplateKind::Footer),
                ("分享\n", BoilerplateKind::Widget)
            ]
        );
    }

    #[test]
    fn deep_nesting_costs_no_stack() {
        let markup = "<div>".repeat(10_000) + "讲话" + &"</div>".repeat(10_000);
        assert_eq!(text(&markup), "讲话\n");
    }
}
