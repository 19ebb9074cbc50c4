//! The overview of a corpus: what each document is (one row each, linking to its page) and the
//! picture at once (documents per year and level, themes and doctrines over the years).

use std::path::{Component, Path, PathBuf};

use maud::{html, Markup, PreEscaped, DOCTYPE};
use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

use crate::batch::Counts;
use crate::model::{DoctrineKind, Genre, Level, Speech, ThemeScore};

use super::charts;
use super::labels;
use super::{ASSETS_SCRIPT, ASSETS_STYLE};

/// Where the page of an input found at `relative` (below its folder) goes in a site: its file
/// name with `.html` added (`a/x.txt` → `a/x.txt.html`), so that `x.txt` and `x.json` keep a
/// page each.
pub fn page_path(relative: &Path) -> PathBuf {
    let mut name = relative.as_os_str().to_owned();
    name.push(".html");
    PathBuf::from(name)
}

/// What a path segment of a link must escape: controls, space and the characters URLs read.
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'\\');

/// The link from `index.html` to the page of the input at `relative`.
pub fn page_href(relative: &Path) -> String {
    segments(&page_path(relative))
        .map(|s| utf8_percent_encode(&s, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

/// The link from the page of the input at `relative` back to `index.html`.
pub fn overview_href(relative: &Path) -> String {
    let depth = segments(relative).count().saturating_sub(1);
    format!("{}index.html", "../".repeat(depth))
}

fn segments(path: &Path) -> impl Iterator<Item = String> + '_ {
    path.components().filter_map(|c| match c {
        Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
        _ => None,
    })
}

/// What the overview keeps of one document: its row and what the charts count.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The document's page, relative to `index.html`.
    pub href: String,
    /// The input's path, as shown.
    pub path: String,
    /// The title, when found.
    pub title: Option<String>,
    /// The date as written.
    pub date: Option<String>,
    /// The date as a sort key (`2024-03-01`, `2024-03`, `2024`), empty when unknown.
    pub date_key: String,
    /// The year, when known.
    pub year: Option<i32>,
    /// The speaker: role and name.
    pub speaker: Option<String>,
    /// The place.
    pub place: Option<String>,
    /// The level.
    pub level: Option<Level>,
    /// The genre.
    pub genre: Genre,
    /// Sections, directives and warnings.
    pub counts: Counts,
    /// Document-level theme weights.
    pub themes: Vec<ThemeScore>,
    /// Every doctrine cited: name, kind and mentions.
    pub doctrines: Vec<(String, DoctrineKind, u32)>,
}

impl Entry {
    /// The row of `speech`, read from `path`, whose page is at `href`.
    pub fn of(speech: &Speech, path: impl Into<String>, href: impl Into<String>) -> Self {
        let meta = &speech.meta;
        let date_key =
            meta.date
                .as_ref()
                .map_or_else(String::new, |d| match (d.year, d.month, d.day) {
                    (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
                    (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
                    (Some(y), None, _) => format!("{y:04}"),
                    _ => String::new(),
                });
        let speaker = meta.speaker.as_ref().map(|s| {
            [s.role.as_deref(), s.name.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ")
        });
        Self {
            href: href.into(),
            path: path.into(),
            title: meta.title.clone(),
            date: meta.date.as_ref().map(|d| d.text.clone()),
            date_key,
            year: meta.date.as_ref().and_then(|d| d.year),
            speaker: speaker.filter(|s| !s.is_empty()),
            place: meta.place.clone(),
            level: meta.level,
            genre: meta.genre,
            counts: Counts::of(speech),
            themes: speech.themes.clone(),
            doctrines: speech
                .doctrines
                .iter()
                .map(|d| (d.name.clone(), d.kind, d.count))
                .collect(),
        }
    }
}

/// A corpus's documents and the inputs that could not be read.
#[derive(Debug, Clone, Default)]
pub struct Overview {
    /// One entry a document, in input order.
    pub entries: Vec<Entry>,
    /// Inputs that failed: path and why.
    pub failures: Vec<(String, String)>,
}

impl Overview {
    /// The `index.html` of the corpus.
    pub fn render(&self) -> String {
        let documents = self.entries.len();
        html! {
            (DOCTYPE)
            html lang="zh-Hans" {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    meta name="generator" content=(concat!("jianghua ", env!("CARGO_PKG_VERSION")));
                    title { "Corpus overview · jianghua" }
                    style { (PreEscaped(ASSETS_STYLE)) }
                }
                body.overview {
                    main {
                        h1 { "Corpus overview" }
                        p.summary {
                            (documents) " document(s), "
                            (self.entries.iter().map(|e| e.counts.sections).sum::<usize>()) " sections, "
                            (self.entries.iter().map(|e| e.counts.directives).sum::<usize>()) " directives, "
                            (self.entries.iter().map(|e| e.counts.warnings).sum::<usize>()) " warnings"
                            @if !self.failures.is_empty() { ", " (self.failures.len()) " input(s) not read" }
                            "."
                        }
                        div.charts {
                            figure #by-year {
                                figcaption { "Documents per year and level" }
                                (charts::documents_per_year(&self.entries))
                            }
                            figure #themes {
                                figcaption { "The ten strongest themes per year (mean weight)" }
                                (charts::themes_per_year(&self.entries))
                            }
                            figure #doctrines {
                                figcaption { "The most cited doctrines over time (mentions)" }
                                (charts::doctrines_per_year(&self.entries))
                            }
                        }
                        (self.table())
                        @if !self.failures.is_empty() {
                            h2 { "Inputs not read" }
                            ul.failures {
                                @for (path, reason) in &self.failures {
                                    li { code { (path) } ": " (reason) }
                                }
                            }
                        }
                    }
                    script { (PreEscaped(ASSETS_SCRIPT)) }
                }
            }
        }
        .into_string()
    }

    fn table(&self) -> Markup {
        let columns = [
            "Title",
            "Date",
            "Speaker",
            "Place",
            "Level",
            "Genre",
            "Sections",
            "Directives",
            "Warnings",
        ];
        html! {
            table.sortable #documents {
                thead {
                    tr {
                        @for column in columns {
                            th scope="col" { button type="button" { (column) } }
                        }
                    }
                }
                tbody {
                    @for entry in &self.entries {
                        tr {
                            td data-sort=(entry.title.as_deref().unwrap_or("")) {
                                a href=(entry.href) { (entry.title.as_deref().unwrap_or("(no title)")) }
                                br;
                                code.count { (entry.path) }
                            }
                            td data-sort=(entry.date_key) { (entry.date.as_deref().unwrap_or("")) }
                            td { (entry.speaker.as_deref().unwrap_or("")) }
                            td { (entry.place.as_deref().unwrap_or("")) }
                            td data-sort=(entry.level.map_or(String::new(), |l| format!("{}", l as u8))) {
                                (entry.level.map(|l| labels::name(&l)).unwrap_or_default())
                            }
                            td { (labels::name(&entry.genre)) }
                            td.n { (entry.counts.sections) }
                            td.n { (entry.counts.directives) }
                            td.n { (entry.counts.warnings) }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_keep_the_input_name_and_link_back_up() {
        let relative = Path::new("2024/a b#1.txt");
        assert_eq!(page_path(relative), PathBuf::from("2024/a b#1.txt.html"));
        assert_eq!(page_href(relative), "2024/a%20b%231.txt.html");
        assert_eq!(overview_href(relative), "../index.html");
        assert_eq!(overview_href(Path::new("x.txt")), "index.html");
    }
}
