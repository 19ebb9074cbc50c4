//! Themes of sections, directives and the whole document, from weighted keywords
//! (`data/themes.tsv`).
//!
//! * A directive's evidence: its heading × [`DIRECTIVE_HEADING`] plus its text.
//! * A section's evidence: its heading × [`SECTION_HEADING`], its paragraphs (which hold its
//!   directives), its directives' headings once more, and its subsections' evidence.
//! * Keywords shared by every one of three or more sibling headings are their [`Frame`], not
//!   their topic, and do not count as heading evidence.
//! * A unit's themes: those with at least [`RELATIVE_CUTOFF`] of the strongest theme's evidence,
//!   strongest first, at most [`MAX_THEMES`]; equal evidence keeps the vocabulary's order.
//!   A unit without evidence takes the themes of what contains it (directive → section →
//!   parent section → document); a document without evidence has no themes.
//! * The document's weights: all the evidence of its body (preamble, sections, closing),
//!   normalised to sum 1, strongest first, ties in the vocabulary's order.
//!
//! Headings weigh more than bodies because a heading states the topic, while a body wanders
//! through the means (a section on serving the central task mentions legislation and
//! supervision as its tools).

pub mod lexicon;

use std::collections::BTreeSet;

use crate::model::{Directive, Passage, Section, Speech, ThemeId, ThemeScore};

pub use lexicon::{Hits, ThemeLexicon, ThemeLexiconError};

/// Weight of a section heading's keywords against its body's.
pub const SECTION_HEADING: f64 = 6.0;
/// Weight of a directive heading's keywords against its text's.
pub const DIRECTIVE_HEADING: f64 = 3.0;
/// A theme is listed for a unit when its evidence reaches this share of the strongest theme's.
pub const RELATIVE_CUTOFF: f64 = 0.3;
/// At most this many themes are listed for a section or directive.
pub const MAX_THEMES: usize = 3;

/// Keyword evidence per theme.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Evidence([f64; ThemeId::ALL.len()]);

impl Evidence {
    /// The evidence for one theme.
    pub fn get(&self, theme: ThemeId) -> f64 {
        self.0.get(theme as usize).copied().unwrap_or(0.0)
    }

    fn add_to(&mut self, theme: ThemeId, weight: f64) {
        if let Some(slot) = self.0.get_mut(theme as usize) {
            *slot += weight;
        }
    }

    /// Adds `other` scaled by `factor`.
    pub fn add(&mut self, other: &Evidence, factor: f64) {
        for (mine, theirs) in self.0.iter_mut().zip(other.0) {
            *mine += theirs * factor;
        }
    }

    /// Sum over all themes.
    pub fn total(&self) -> f64 {
        self.0.iter().sum()
    }

    /// The themes with evidence, strongest first; equal evidence keeps the vocabulary's order.
    pub fn ranked(&self) -> Vec<(ThemeId, f64)> {
        let mut ranked: Vec<(ThemeId, f64)> = ThemeId::ALL
            .into_iter()
            .map(|t| (t, self.get(t)))
            .filter(|&(_, e)| e > 0.0)
            .collect();
        // A stable sort on descending evidence keeps ThemeId::ALL order among equals.
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
        ranked
    }

    /// The themes to list for a unit: strongest first, within [`RELATIVE_CUTOFF`] of the
    /// strongest, at most [`MAX_THEMES`].
    pub fn top_themes(&self) -> Vec<ThemeId> {
        let ranked = self.ranked();
        let Some(&(_, strongest)) = ranked.first() else {
            return Vec::new();
        };
        ranked
            .into_iter()
            .take_while(|&(_, e)| e >= strongest * RELATIVE_CUTOFF)
            .take(MAX_THEMES)
            .map(|(t, _)| t)
            .collect()
    }
}

/// Tags every section and directive with its themes and fills the document's theme weights.
pub fn assign(speech: &mut Speech) {
    assign_with(ThemeLexicon::builtin(), speech);
}

/// [`assign`] with a given lexicon.
pub fn assign_with(lexicon: &ThemeLexicon, speech: &mut Speech) {
    let mut document = Evidence::default();
    for passage in speech.preamble.iter().chain(&speech.closing) {
        document.add(&lexicon.evidence(&passage.text), 1.0);
    }
    let frame = Frame::of(lexicon, speech.sections.iter().map(|s| s.heading.as_str()));
    for section in &mut speech.sections {
        document.add(&assign_section(lexicon, section, &frame), 1.0);
    }
    let document_themes = document.top_themes();
    for section in &mut speech.sections {
        inherit(section, &document_themes);
    }
    speech.themes = weights(&document);
}

/// Keywords that every one of three or more sibling headings shares: the frame of parallel
/// headings (奋进“十五五”、迈向新征程，必须…), which states the topic of none of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Frame(BTreeSet<usize>);

impl Frame {
    /// The frame of a list of sibling headings.
    pub fn of<'a>(lexicon: &ThemeLexicon, headings: impl Iterator<Item = &'a str>) -> Frame {
        let mut shared: Option<BTreeSet<usize>> = None;
        let mut siblings = 0;
        for heading in headings {
            siblings += 1;
            let hits: BTreeSet<usize> = lexicon.keyword_hits(heading).collect();
            shared = Some(match shared {
                None => hits,
                Some(before) => before.intersection(&hits).copied().collect(),
            });
        }
        match shared {
            Some(keywords) if siblings >= 3 => Frame(keywords),
            _ => Frame::default(),
        }
    }

    /// The frame without the keywords of `theme`: parallel headings that share the topic of
    /// the part holding them (聚焦…立法 under 坚持科学立法) state that topic, not a frame.
    pub fn foreign_to(self, lexicon: &ThemeLexicon, theme: Option<ThemeId>) -> Frame {
        let Some(theme) = theme else {
            return self;
        };
        Frame(
            self.0
                .into_iter()
                .filter(|&hit| lexicon.weights_at(hit).iter().all(|&(t, _)| t != theme))
                .collect(),
        )
    }
}

/// The evidence of a section: heading (its frame left out), paragraphs, directive headings,
/// subsections.
pub fn section_evidence(lexicon: &ThemeLexicon, section: &Section, frame: &Frame) -> Evidence {
    let (mut evidence, _) = own_evidence(lexicon, section, frame);
    let subframe = Frame::of(
        lexicon,
        section.subsections.iter().map(|s| s.heading.as_str()),
    );
    for subsection in &section.subsections {
        evidence.add(&section_evidence(lexicon, subsection, &subframe), 1.0);
    }
    evidence
}

/// A section's evidence without its subsections, and the keywords of each of its paragraphs.
fn own_evidence(lexicon: &ThemeLexicon, section: &Section, frame: &Frame) -> (Evidence, Vec<Hits>) {
    let mut evidence = Evidence::default();
    evidence.add(
        &lexicon.evidence_except(&section.heading, &frame.0),
        SECTION_HEADING,
    );
    let paragraphs: Vec<Hits> = section
        .paragraphs
        .iter()
        .map(|paragraph| lexicon.hits(&paragraph.text))
        .collect();
    for hits in &paragraphs {
        evidence.add(&lexicon.evidence_of(hits.keywords()), 1.0);
    }
    for directive in &section.directives {
        evidence.add(&lexicon.evidence(&directive.heading), 1.0);
    }
    (evidence, paragraphs)
}

/// The paragraphs of a section with the keywords found in each.
struct SearchedParagraphs<'a> {
    paragraphs: &'a [Passage],
    hits: &'a [Hits],
}

impl SearchedParagraphs<'_> {
    /// The evidence of a directive's text, from the keywords of the paragraph that holds it
    /// where they tell (see [`Hits::within`]), else by searching the text.
    fn evidence_of(&self, lexicon: &ThemeLexicon, directive: &Directive) -> Evidence {
        self.evidence_in_paragraph(lexicon, directive)
            .unwrap_or_else(|| lexicon.evidence(&directive.text))
    }

    fn evidence_in_paragraph(
        &self,
        lexicon: &ThemeLexicon,
        directive: &Directive,
    ) -> Option<Evidence> {
        let (paragraph, hits) = self.paragraphs.iter().zip(self.hits).find(|(p, _)| {
            p.span.start <= directive.span.start && directive.span.end <= p.span.end
        })?;
        let skipped = directive.span.start - paragraph.span.start;
        let start = paragraph
            .text
            .char_indices()
            .nth(skipped)
            .map_or(paragraph.text.len(), |(i, _)| i);
        let end = start + directive.text.len();
        if paragraph.text.get(start..end) != Some(directive.text.as_str()) {
            return None;
        }
        Some(lexicon.evidence_of(hits.within(start..end)?))
    }
}

/// The evidence of a directive: its heading's evidence (its frame left out, given), then its
/// whole text.
fn directive_evidence(
    lexicon: &ThemeLexicon,
    directive: &Directive,
    heading: &Evidence,
    paragraphs: &SearchedParagraphs<'_>,
) -> Evidence {
    let mut evidence = paragraphs.evidence_of(lexicon, directive);
    evidence.add(heading, DIRECTIVE_HEADING);
    evidence
}

/// Tags a section, its directives and subsections from their own evidence (bottom-up, each
/// text matched once) and returns the section's evidence, subsections included.
fn assign_section(lexicon: &ThemeLexicon, section: &mut Section, frame: &Frame) -> Evidence {
    let (mut evidence, paragraph_hits) = own_evidence(lexicon, section, frame);
    let subframe = Frame::of(
        lexicon,
        section.subsections.iter().map(|s| s.heading.as_str()),
    );
    for subsection in &mut section.subsections {
        evidence.add(&assign_section(lexicon, subsection, &subframe), 1.0);
    }
    section.themes = evidence.top_themes();
    let directive_frame = Frame::of(
        lexicon,
        section.directives.iter().map(|d| d.heading.as_str()),
    )
    .foreign_to(lexicon, section.themes.first().copied());
    let paragraphs = SearchedParagraphs {
        paragraphs: &section.paragraphs,
        hits: &paragraph_hits,
    };
    for directive in &mut section.directives {
        directive.themes = directive_themes(
            lexicon,
            directive,
            &directive_frame,
            &section.themes,
            &paragraphs,
        );
    }
    evidence
}

/// A directive's themes. A heading without evidence of its own (提升专业能力) leaves the topic
/// to the section: its text lists the means (立法、监督), so the section's first theme leads.
fn directive_themes(
    lexicon: &ThemeLexicon,
    directive: &Directive,
    frame: &Frame,
    section_themes: &[ThemeId],
    paragraphs: &SearchedParagraphs<'_>,
) -> Vec<ThemeId> {
    let heading = lexicon.evidence_except(&directive.heading, &frame.0);
    let own = directive_evidence(lexicon, directive, &heading, paragraphs).top_themes();
    match section_themes.first() {
        Some(&lead) if heading.total() <= 0.0 && !own.is_empty() => std::iter::once(lead)
            .chain(own.into_iter().filter(|&t| t != lead))
            .take(MAX_THEMES)
            .collect(),
        _ => own,
    }
}

/// Units without evidence of their own take the themes of what contains them.
fn inherit(section: &mut Section, outer: &[ThemeId]) {
    if section.themes.is_empty() {
        section.themes = outer.to_vec();
    }
    for directive in &mut section.directives {
        if directive.themes.is_empty() {
            directive.themes = section.themes.clone();
        }
    }
    let themes = section.themes.clone();
    for subsection in &mut section.subsections {
        inherit(subsection, &themes);
    }
}

/// The document's themes: evidence shares summing to 1, strongest first.
fn weights(document: &Evidence) -> Vec<ThemeScore> {
    let total = document.total();
    if total <= 0.0 {
        return Vec::new();
    }
    document
        .ranked()
        .into_iter()
        .map(|(theme, e)| ThemeScore {
            theme,
            weight: e / total,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Passage, Span};

    fn lexicon() -> ThemeLexicon {
        ThemeLexicon::parse(
            "legislation\t立法\t4\nsupervision\t监督\t3\ndevelopment\t中心大局\t4\nlivelihood\t民生\t4\ndeputies\t人大代表\t3\n",
        )
        .unwrap()
    }

    fn passage(text: &str) -> Passage {
        Passage {
            text: text.to_owned(),
            span: Span::default(),
        }
    }

    fn directive(heading: &str, text: &str) -> Directive {
        Directive {
            ordinal: 1,
            marker: "一要".into(),
            heading: heading.into(),
            text: text.into(),
            span: Span::default(),
            themes: Vec::new(),
        }
    }

    fn section(heading: &str, body: &str, directives: Vec<Directive>) -> Section {
        Section {
            ordinal: 1,
            marker: Some("一、".into()),
            heading: heading.into(),
            heading_span: Span::default(),
            themes: Vec::new(),
            paragraphs: vec![passage(body)],
            directives,
            subsections: Vec::new(),
            span: Span::default(),
        }
    }

    #[test]
    fn the_heading_outweighs_the_body() {
        let lexicon = lexicon();
        let s = section(
            "服务中心大局",
            "服务中心大局。一要高质量立法，立法立法。二要监督，监督。",
            vec![
                directive("高质量立法", "一要高质量立法，立法立法。"),
                directive("监督", "二要监督，监督。"),
            ],
        );
        let mut speech = crate::parse_str(String::new(), &Default::default());
        speech.sections = vec![s];
        assign_with(&lexicon, &mut speech);
        let s = &speech.sections[0];
        assert_eq!(s.themes.first(), Some(&ThemeId::Development));
        assert_eq!(s.directives[0].themes, [ThemeId::Legislation]);
        assert_eq!(s.directives[1].themes, [ThemeId::Supervision]);
    }

    #[test]
    fn units_without_evidence_inherit() {
        let lexicon = lexicon();
        let mut speech = crate::parse_str(String::new(), &Default::default());
        speech.sections = vec![
            section(
                "增进民生",
                "增进民生",
                vec![directive("积极作为", "积极作为。")],
            ),
            section("其他", "其他", Vec::new()),
        ];
        assign_with(&lexicon, &mut speech);
        assert_eq!(
            speech.sections[0].directives[0].themes,
            [ThemeId::Livelihood]
        );
        assert_eq!(speech.sections[1].themes, [ThemeId::Livelihood]);
    }

    #[test]
    fn document_weights_sum_to_one_and_ties_keep_vocabulary_order() {
        let lexicon = lexicon();
        let mut speech = crate::parse_str(String::new(), &Default::default());
        speech.preamble = vec![passage("民生。立法。")];
        assign_with(&lexicon, &mut speech);
        let themes: Vec<_> = speech.themes.iter().map(|t| (t.theme, t.weight)).collect();
        assert_eq!(
            themes,
            [(ThemeId::Legislation, 0.5), (ThemeId::Livelihood, 0.5)]
        );
    }

    #[test]
    fn no_evidence_no_themes() {
        let lexicon = lexicon();
        let mut speech = crate::parse_str(String::new(), &Default::default());
        speech.sections = vec![section(
            "其他",
            "其他",
            vec![directive("积极作为", "积极作为。")],
        )];
        assign_with(&lexicon, &mut speech);
        assert!(speech.themes.is_empty());
        assert!(speech.sections[0].themes.is_empty());
        assert!(speech.sections[0].directives[0].themes.is_empty());
    }

    #[test]
    fn a_heading_without_evidence_is_led_by_its_section() {
        let lexicon = lexicon();
        let mut speech = crate::parse_str(String::new(), &Default::default());
        speech.sections = vec![section(
            "联系人大代表",
            "联系人大代表，人大代表。",
            vec![
                directive(
                    "积极参与履职活动",
                    "积极参与履职活动。参与立法、监督、监督。",
                ),
                directive("办理民生建议", "办理民生建议，立法。"),
            ],
        )];
        assign_with(&lexicon, &mut speech);
        let s = &speech.sections[0];
        assert_eq!(s.themes.first(), Some(&ThemeId::Deputies));
        assert_eq!(
            s.directives[0].themes,
            [
                ThemeId::Deputies,
                ThemeId::Supervision,
                ThemeId::Legislation
            ]
        );
        // A heading that names a theme keeps it first.
        assert_eq!(s.directives[1].themes.first(), Some(&ThemeId::Livelihood));
    }

    #[test]
    fn parallel_headings_on_their_sections_topic_are_no_frame() {
        let lexicon = lexicon();
        let frame = Frame::of(
            &lexicon,
            ["聚焦民生立法", "聚焦中心大局立法", "健全立法机制"].into_iter(),
        );
        assert_eq!(frame.0.len(), 1);
        let foreign = frame
            .clone()
            .foreign_to(&lexicon, Some(ThemeId::Legislation));
        assert!(foreign.0.is_empty());
        assert_eq!(
            frame
                .clone()
                .foreign_to(&lexicon, Some(ThemeId::Supervision)),
            frame
        );
        assert_eq!(frame.clone().foreign_to(&lexicon, None), frame);
    }
}
