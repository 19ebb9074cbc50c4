//! The table of administrative divisions and the names the gazetteer looks for.
//!
//! This file depends on nothing but `std`: the build script includes it to build the names'
//! automaton once, at compile time, from the same list the parser uses.

/// The level of a division in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DivisionLevel {
    /// Province, autonomous region, municipality directly under the central government.
    Province,
    /// Prefecture-level city, prefecture, autonomous prefecture, league.
    Prefecture,
    /// County, county-level city, district, banner.
    County,
}

/// One division of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Division {
    /// Six-digit GB/T 2260 code.
    pub code: u32,
    /// Full name (平顶山市).
    pub name: &'static str,
    /// Name without its suffix (平顶山).
    pub short: &'static str,
    /// Its level.
    pub level: DivisionLevel,
    /// The short name is also a common word: recognised only with its suffix.
    pub ambiguous: bool,
}

impl Division {
    /// Code of the prefecture (or province) that contains this division, if any.
    pub fn parent_code(&self) -> Option<u32> {
        match self.level {
            DivisionLevel::Province => None,
            DivisionLevel::Prefecture => Some(self.code / 10000 * 10000),
            DivisionLevel::County => Some(self.code / 100 * 100),
        }
    }
}

/// Reads the table (`data/divisions.tsv`): one division a line, `#` comments. The build script
/// reads it; the parser takes what it read (and its tests compare).
#[cfg_attr(not(test), allow(dead_code))]
pub fn read(table: &'static str) -> Vec<Division> {
    table
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let code = fields.next()?.parse().ok()?;
            let name = fields.next()?;
            let short = fields.next()?;
            let level = match fields.next()? {
                "province" => DivisionLevel::Province,
                "prefecture" => DivisionLevel::Prefecture,
                "county" => DivisionLevel::County,
                _ => return None,
            };
            let ambiguous = fields.next()? == "1";
            Some(Division {
                code,
                name,
                short,
                level,
                ambiguous,
            })
        })
        .collect()
}

/// A name to look for: which division, and whether it is the full name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Name {
    /// The text of the name.
    pub text: &'static str,
    /// Index of its division in the table.
    pub division: usize,
    /// Whether it is the full name (平顶山市) rather than a short one (平顶山).
    pub full: bool,
}

/// Characters that, opening a two-character name, make it a phrase (和县 in 市和县两级).
const PHRASE_OPENERS: &str = "和与及各本全我该每省市县区乡镇新老大小";

/// The names to look for, in the order of the table: each division's full name unless it
/// reads as a phrase or a common word, then its short name unless that is a common word.
#[cfg_attr(not(test), allow(dead_code))]
pub fn names(divisions: &[Division]) -> Vec<Name> {
    let mut names = Vec::new();
    for (i, d) in divisions.iter().enumerate() {
        let two_chars = d.name.chars().count() <= 2;
        let phrase_like = two_chars && d.name.starts_with(|c| PHRASE_OPENERS.contains(c));
        if !(phrase_like || two_chars && d.ambiguous) {
            names.push(Name {
                text: d.name,
                division: i,
                full: !two_chars,
            });
        }
        if d.short != d.name && !d.ambiguous && d.short.chars().count() >= 2 {
            names.push(Name {
                text: d.short,
                division: i,
                full: false,
            });
        }
    }
    names
}
