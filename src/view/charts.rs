//! The overview's charts, drawn as inline SVG: a stacked bar chart of documents per year and
//! level, and heat maps of themes and doctrines per year. Every mark has a `<title>` with its
//! figure, so a reader can hover for the number.

use std::collections::{BTreeMap, HashMap};

use maud::{html, Markup};

use crate::model::{Level, ThemeId};

use super::labels;
use super::overview::Entry;

const WIDTH: f64 = 640.0;
/// The levels in the order the bars stack them, `None` for documents without one.
const LEVELS: [Option<Level>; 6] = [
    Some(Level::National),
    Some(Level::Provincial),
    Some(Level::Municipal),
    Some(Level::County),
    Some(Level::Township),
    None,
];
const LEVEL_COLOURS: [&str; 6] = [
    "#7a2e8e", "#b4380f", "#d98b19", "#3b8c5a", "#2f6fb0", "#a0a0a8",
];

/// A column of the charts: a year, or the documents without one (last).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Year {
    Known(i32),
    Undated,
}

impl Year {
    fn of(entry: &Entry) -> Self {
        entry.year.map_or(Year::Undated, Year::Known)
    }

    fn label(self) -> String {
        match self {
            Year::Known(year) => year.to_string(),
            Year::Undated => "n.d.".to_owned(),
        }
    }
}

/// The years the entries fall in, in order (the undated last).
fn years(entries: &[Entry]) -> Vec<Year> {
    let mut years: Vec<Year> = entries.iter().map(Year::of).collect();
    years.sort_unstable();
    years.dedup();
    years
}

fn level_name(level: Option<Level>) -> String {
    level.map_or_else(|| "unknown".to_owned(), |l| labels::name(&l))
}

/// A stacked bar a year, one colour a level.
pub fn documents_per_year(entries: &[Entry]) -> Markup {
    let years = years(entries);
    let mut counts: HashMap<(Year, Option<Level>), usize> = HashMap::new();
    for entry in entries {
        *counts.entry((Year::of(entry), entry.level)).or_default() += 1;
    }
    let per_year: Vec<usize> = years
        .iter()
        .map(|&y| {
            LEVELS
                .iter()
                .map(|&l| counts.get(&(y, l)).copied().unwrap_or(0))
                .sum()
        })
        .collect();
    let most = per_year.iter().copied().max().unwrap_or(0).max(1);
    let (left, top, plot_height, bottom) = (36.0, 28.0, 180.0, 36.0);
    let height = top + plot_height + bottom;
    let slot = (WIDTH - left - 8.0) / years.len().max(1) as f64;
    let bar = (slot * 0.7).min(48.0);
    let scale = plot_height / most as f64;
    let ticks = ticks(most);
    let label_every = (years.len() / 16).max(1);
    html! {
        svg viewBox={ "0 0 " (WIDTH) " " (height) } role="img" aria-label="Documents per year, stacked by level" {
            // Legend.
            @for (i, (level, colour)) in LEVELS.iter().zip(LEVEL_COLOURS).enumerate() {
                rect x=(left + i as f64 * 96.0) y="6" width="10" height="10" fill=(colour) {}
                text x=(left + i as f64 * 96.0 + 14.0) y="15" { (level_name(*level)) }
            }
            @for tick in &ticks {
                @let y = top + plot_height - *tick as f64 * scale;
                line x1=(left) x2=(WIDTH - 4.0) y1=(y) y2=(y) stroke="#e4e4e8" {}
                text x=(left - 6.0) y=(y + 4.0) text-anchor="end" { (tick) }
            }
            @for (i, (&year, &total)) in years.iter().zip(&per_year).enumerate() {
                @let x = left + i as f64 * slot + (slot - bar) / 2.0;
                g.year data-year=(year.label()) data-documents=(total) {
                    title { (year.label()) ": " (total) " document(s)" }
                    @for (level, colour, n, y, h) in stack(&counts, year, top + plot_height, scale) {
                        rect x=(fmt(x)) y=(fmt(y)) width=(fmt(bar)) height=(fmt(h)) fill=(colour) {
                            title { (year.label()) ", " (level_name(level)) ": " (n) }
                        }
                    }
                    @if i % label_every == 0 {
                        text x=(fmt(x + bar / 2.0)) y=(top + plot_height + 16.0) text-anchor="middle" { (year.label()) }
                    }
                }
            }
            line x1=(left) x2=(WIDTH - 4.0) y1=(top + plot_height) y2=(top + plot_height) stroke="#888" {}
        }
    }
}

/// The segments of a year's bar, bottom up: level, colour, documents, top and height.
fn stack(
    counts: &HashMap<(Year, Option<Level>), usize>,
    year: Year,
    base: f64,
    scale: f64,
) -> Vec<(Option<Level>, &'static str, usize, f64, f64)> {
    let mut top = base;
    LEVELS
        .iter()
        .zip(LEVEL_COLOURS)
        .filter_map(|(&level, colour)| {
            let n = counts.get(&(year, level)).copied().filter(|&n| n > 0)?;
            let height = n as f64 * scale;
            top -= height;
            Some((level, colour, n, top, height))
        })
        .collect()
}

/// About five round ticks from 0 to at least `most`.
fn ticks(most: usize) -> Vec<usize> {
    let step = [
        1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000,
    ]
    .into_iter()
    .find(|step| most / step <= 5)
    .unwrap_or(most.div_ceil(5).max(1));
    (0..=most.div_ceil(step)).map(|i| i * step).collect()
}

fn fmt(value: f64) -> String {
    format!("{value:.1}")
}

/// The ten themes with the greatest weight over the corpus, their mean weight per year.
pub fn themes_per_year(entries: &[Entry]) -> Markup {
    let years = years(entries);
    let mut documents: HashMap<Year, usize> = HashMap::new();
    let mut weights: HashMap<(ThemeId, Year), f64> = HashMap::new();
    let mut totals: BTreeMap<ThemeId, f64> = BTreeMap::new();
    for entry in entries {
        let year = Year::of(entry);
        *documents.entry(year).or_default() += 1;
        for score in &entry.themes {
            *weights.entry((score.theme, year)).or_default() += score.weight;
            *totals.entry(score.theme).or_default() += score.weight;
        }
    }
    let mut strongest: Vec<(ThemeId, f64)> = totals.into_iter().collect();
    strongest.sort_by(|a, b| b.1.total_cmp(&a.1));
    strongest.truncate(10);
    let rows: Vec<Row> = strongest
        .iter()
        .map(|&(theme, _)| Row {
            label: labels::theme(theme).to_owned(),
            values: years
                .iter()
                .map(|y| {
                    let n = documents.get(y).copied().unwrap_or(0).max(1) as f64;
                    weights.get(&(theme, *y)).copied().unwrap_or(0.0) / n
                })
                .collect(),
        })
        .collect();
    heat_map(
        &years,
        &rows,
        "#2f6fb0",
        |v| format!("{:.0}%", v * 100.0),
        "themes",
    )
}

/// The ten doctrines mentioned most over the corpus, their mentions per year.
pub fn doctrines_per_year(entries: &[Entry]) -> Markup {
    let years = years(entries);
    let mut mentions: HashMap<(&str, Year), u32> = HashMap::new();
    let mut totals: HashMap<&str, u32> = HashMap::new();
    for entry in entries {
        for (name, _, count) in &entry.doctrines {
            *mentions
                .entry((name.as_str(), Year::of(entry)))
                .or_default() += count;
            *totals.entry(name.as_str()).or_default() += count;
        }
    }
    let mut most: Vec<(&str, u32)> = totals.into_iter().collect();
    most.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    most.truncate(10);
    let rows: Vec<Row> = most
        .iter()
        .map(|&(name, _)| Row {
            label: name.to_owned(),
            values: years
                .iter()
                .map(|y| f64::from(mentions.get(&(name, *y)).copied().unwrap_or(0)))
                .collect(),
        })
        .collect();
    heat_map(&years, &rows, "#b4380f", |v| format!("{v:.0}"), "doctrines")
}

/// One row of a heat map: a label and a value a year.
struct Row {
    label: String,
    values: Vec<f64>,
}

/// Rows × years, each cell shaded by its value against the largest, with the value written
/// where there is room.
fn heat_map(
    years: &[Year],
    rows: &[Row],
    colour: &str,
    show: impl Fn(f64) -> String,
    what: &str,
) -> Markup {
    let (left, top, row_height) = (190.0, 22.0, 24.0);
    let height = top + rows.len().max(1) as f64 * row_height + 8.0;
    let cell = ((WIDTH - left - 4.0) / years.len().max(1) as f64).min(80.0);
    let largest = rows
        .iter()
        .flat_map(|r| r.values.iter().copied())
        .fold(0.0_f64, f64::max);
    let written = cell >= 30.0;
    let label_every = ((30.0 / cell).ceil() as usize).max(1);
    html! {
        svg viewBox={ "0 0 " (WIDTH) " " (height) } role="img" aria-label={ "A heat map of " (what) " per year" } {
            @if rows.is_empty() {
                text x="8" y=(top + 14.0) { "No " (what) " found." }
            }
            @for (i, year) in years.iter().enumerate() {
                @if i % label_every == 0 {
                    text x=(fmt(left + i as f64 * cell + cell / 2.0)) y="14" text-anchor="middle" { (year.label()) }
                }
            }
            @for (r, row) in rows.iter().enumerate() {
                @let y = top + r as f64 * row_height;
                g.row data-label=(row.label) {
                    text x=(left - 6.0) y=(y + row_height / 2.0 + 4.0) text-anchor="end" { (clip(&row.label, 14)) title { (row.label) } }
                    @for (i, (&value, year)) in row.values.iter().zip(years).enumerate() {
                        @let share = if largest > 0.0 { value / largest } else { 0.0 };
                        @let x = left + i as f64 * cell;
                        rect x=(fmt(x + 1.0)) y=(fmt(y + 1.0)) width=(fmt(cell - 2.0)) height=(row_height - 2.0)
                            fill=(colour) fill-opacity=(format!("{:.3}", 0.06 + 0.94 * share)) {
                            title { (row.label) ", " (year.label()) ": " (show(value)) }
                        }
                        @if written && value > 0.0 {
                            text x=(fmt(x + cell / 2.0)) y=(y + row_height / 2.0 + 4.0) text-anchor="middle"
                                class=[(share > 0.55).then_some("light")] { (show(value)) }
                        }
                    }
                }
            }
        }
    }
}

/// At most `max` characters, with an ellipsis when cut.
fn clip(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_owned()
    } else {
        label.chars().take(max - 1).chain(['…']).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_largest() {
        assert_eq!(ticks(1), vec![0, 1]);
        assert_eq!(ticks(7), vec![0, 2, 4, 6, 8]);
        assert_eq!(ticks(1000), vec![0, 200, 400, 600, 800, 1000]);
    }
}
