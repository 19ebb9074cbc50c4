//! The page of one speech: a header card, the diagnostics, an outline, the doctrines and
//! themes, and the whole text with what the parser took each part for.

use maud::{html, Markup, PreEscaped, DOCTYPE};

use crate::model::{Doctrine, PartialDate, Section, Speech};
use crate::validate::Problem;

use super::labels;
use super::layers::{self, section_id};
use super::weave::{weave, Layer};
use super::{Viewed, ASSETS_SCRIPT, ASSETS_STYLE};

/// How a page links to what is around it.
#[derive(Debug, Clone, Default)]
pub struct PageOptions {
    /// The input's name, shown in the card.
    pub name: String,
    /// A link back to the corpus overview, relative to the page.
    pub overview: Option<String>,
}

/// The whole page of `viewed`.
pub fn render(viewed: &Viewed, options: &PageOptions) -> String {
    let speech = &viewed.speech;
    let title = speech.meta.title.as_deref().unwrap_or(&options.name);
    let markup = html! {
        (DOCTYPE)
        html lang="zh-Hans" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content=(concat!("jianghua ", env!("CARGO_PKG_VERSION")));
                title { (title) " · jianghua" }
                style { (PreEscaped(ASSETS_STYLE)) }
            }
            body.speech-page {
                input #hide-bp .toggle type="checkbox";
                div.bar {
                    @if let Some(overview) = &options.overview {
                        a href=(overview) { "← corpus overview" }
                    }
                    label for="hide-bp" { "Hide boilerplate" }
                    span.legend {
                        span.front { "front matter" } " "
                        span.bp { "boilerplate" } " "
                        span.heading { "heading" } " "
                        span.dir { "directive" } " "
                        mark.m { "doctrine" }
                    }
                }
                div.layout {
                    nav.side aria-label="Outline" {
                        (outline(speech))
                        (doctrines(&speech.doctrines))
                        (themes(speech))
                    }
                    main {
                        (card(speech, &options.name))
                        (diagnostics(viewed))
                        @if !viewed.text.is_full() {
                            p.notice #unheld {
                                "No source text was given: the page shows what the document's spans hold. "
                                (viewed.text.unheld()) " character(s) between them are not known and are shown as line breaks ("
                                code { "--source FILE" } " gives the text)."
                            }
                        }
                        div #source .source lang="zh-Hans" {
                            (source(viewed))
                        }
                    }
                }
                script { (PreEscaped(ASSETS_SCRIPT)) }
            }
        }
    };
    markup.into_string()
}

/// The text woven with its layers, and the places of the document's own problems.
fn source(viewed: &Viewed) -> PreEscaped<String> {
    let mut layers = layers::layers(&viewed.speech);
    for (i, problem) in viewed.problems.iter().enumerate() {
        if let Some(place) = problem.source {
            layers.push(
                Layer::span(place.span.start, place.span.start, 0, "problem")
                    .first("id", format!("p-{}", i + 1)),
            );
        }
    }
    let mut out = String::with_capacity(viewed.text.len() * 6);
    weave(&viewed.text, layers, &mut out);
    PreEscaped(out)
}

fn card(speech: &Speech, name: &str) -> Markup {
    let meta = &speech.meta;
    let speaker = meta.speaker.as_ref().map(|s| {
        [s.role.as_deref(), s.name.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    });
    let source = meta.source.as_ref();
    html! {
        header.card #meta {
            h1 { (meta.title.as_deref().unwrap_or("(no title)")) }
            dl {
                (field("Speaker", speaker.as_deref()))
                (field("Date", meta.date.as_ref().map(date).as_deref()))
                (field("Occasion", meta.occasion.as_deref()))
                (field("Place", meta.place.as_deref()))
                (field("Level", meta.level.map(|l| labels::name(&l)).as_deref()))
                (field("Genre", Some(labels::name(&meta.genre).as_str())))
                (field("Site", source.and_then(|s| s.site.as_deref())))
                (field("Origin", source.and_then(|s| s.origin.as_deref())))
                (field("Author", source.and_then(|s| s.author.as_deref())))
                (field("Published", source.and_then(|s| s.published.as_ref()).map(date).as_deref()))
                @if let Some(url) = source.and_then(|s| s.url.as_deref()) {
                    dt { "URL" }
                    dd { a href=(url) rel="noreferrer nofollow" { (url) } }
                }
                (field("Announced parts", meta.announced_sections.map(|n| n.to_string()).as_deref()))
                (field("Fragment", meta.fragment.then_some("yes")))
                (field("Encoding", meta.encoding.map(|e| labels::name(&e)).as_deref()))
                (field("Input", Some(name)))
            }
        }
    }
}

fn field(label: &str, value: Option<&str>) -> Markup {
    html! {
        @if let Some(value) = value {
            dt { (label) }
            dd { (value) }
        }
    }
}

/// A date as written, with its ISO form when it has a year.
fn date(date: &PartialDate) -> String {
    match (date.year, date.month, date.day) {
        (Some(y), Some(m), Some(d)) => format!("{} ({y:04}-{m:02}-{d:02})", date.text),
        (Some(y), Some(m), None) => format!("{} ({y:04}-{m:02})", date.text),
        _ => date.text.clone(),
    }
}

fn diagnostics(viewed: &Viewed) -> Markup {
    let speech = &viewed.speech;
    html! {
        section.diagnostics #diagnostics {
            h2 { "Diagnostics (" (speech.diagnostics.len()) ")" }
            @if speech.diagnostics.is_empty() {
                p.none { "The parser noted nothing about this input." }
            } @else {
                ul {
                    @for (i, diagnostic) in speech.diagnostics.iter().enumerate() {
                        @let severity = labels::name(&diagnostic.severity);
                        li class=(severity) {
                            span.severity { (severity) }
                            " "
                            @if diagnostic.span.is_some() {
                                a href={ "#d-" (i + 1) } { code { (labels::name(&diagnostic.code)) } }
                            } @else {
                                code { (labels::name(&diagnostic.code)) }
                            }
                            " " (diagnostic.message)
                        }
                    }
                }
            }
            @if !viewed.problems.is_empty() {
                h2 { "The document's own problems (" (viewed.problems.len()) ")" }
                ul {
                    @for (i, problem) in viewed.problems.iter().enumerate() {
                        (problem_item(i, problem))
                    }
                }
            }
        }
    }
}

fn problem_item(i: usize, problem: &Problem) -> Markup {
    let severity = match problem.severity {
        crate::validate::Severity::Error => "error",
        crate::validate::Severity::Warning => "warning",
    };
    html! {
        li class=(severity) {
            span.severity { (severity) }
            " "
            @if problem.source.is_some() {
                a href={ "#p-" (i + 1) } { code { (problem.rule.code()) } }
            } @else {
                code { (problem.rule.code()) }
            }
            " " code.pointer { (problem.pointer) } " " (problem.message)
        }
    }
}

fn outline(speech: &Speech) -> Markup {
    html! {
        h2 { "Outline" }
        ol.outline {
            @if !speech.front_matter.is_empty() {
                li { a.o-part href="#front" { "Front matter" } }
            }
            @if speech.salutation.is_some() {
                li { a.o-part href="#salutation" { "Salutation" } }
            }
            @if !speech.preamble.is_empty() {
                li { a.o-part href="#preamble" { "Preamble" } }
            }
            @for (i, section) in speech.sections.iter().enumerate() {
                (outline_entry(section, &[i]))
            }
            @if !speech.closing.is_empty() {
                li { a.o-part href="#closing" { "Closing" } }
            }
            @if !speech.appendix.is_empty() {
                li { a.o-part href="#appendix" { "Appendix" } }
            }
        }
    }
}

fn outline_entry(section: &Section, path: &[usize]) -> Markup {
    let id = section_id(path);
    html! {
        li {
            a.o-sec href={ "#" (id) } {
                @if let Some(marker) = &section.marker { span.marker { (marker) } }
                (section.heading)
            }
            @if !section.directives.is_empty() {
                " " span.count title="directives" { "▸" (section.directives.len()) }
            }
            @if !section.themes.is_empty() {
                span.themes { (labels::themes(&section.themes)) }
            }
            @if !section.subsections.is_empty() {
                ol {
                    @for (j, subsection) in section.subsections.iter().enumerate() {
                        (outline_entry(subsection, &[path, &[j]].concat()))
                    }
                }
            }
        }
    }
}

fn doctrines(doctrines: &[Doctrine]) -> Markup {
    // The number of each doctrine's first mention: mentions are numbered across doctrines.
    let firsts: Vec<usize> = doctrines
        .iter()
        .scan(1, |next, d| {
            let first = *next;
            *next += d.mentions.len();
            Some(first)
        })
        .collect();
    html! {
        h2 { "Doctrines (" (doctrines.len()) ")" }
        @if doctrines.is_empty() {
            p.none { "None found." }
        } @else {
            p.hint { "A name shows its mentions; the arrow goes to the first." }
            ul.doctrines {
                @for ((d, doctrine), first) in doctrines.iter().enumerate().zip(&firsts) {
                    @let kind = labels::name(&doctrine.kind);
                    li {
                        button type="button" class={ "k-" (kind) } data-doctrine=(d + 1) aria-pressed="false" title=(kind) {
                            (doctrine.name)
                        }
                        " " span.count { "×" (doctrine.mentions.len()) }
                        @if !doctrine.mentions.is_empty() {
                            " " a href={ "#m-" (first) } aria-label="first mention" { "→" }
                        }
                    }
                }
            }
        }
    }
}

fn themes(speech: &Speech) -> Markup {
    html! {
        h2 { "Themes" }
        @if speech.themes.is_empty() {
            p.none { "None found." }
        } @else {
            ul.weights {
                @for score in &speech.themes {
                    @let percent = (score.weight * 100.0).clamp(0.0, 100.0);
                    li title=(score.theme.as_str()) {
                        span.name { (labels::theme(score.theme)) }
                        span.bar style={ "width:" (format!("{percent:.0}")) "%" } {}
                        span.value { (format!("{percent:.0}")) "%" }
                    }
                }
            }
        }
    }
}
