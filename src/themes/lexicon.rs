//! The theme lexicon: weighted keywords per theme (`data/themes.tsv`, compiled in), matched
//! leftmost-longest in one pass.

use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

use thiserror::Error;

use super::Evidence;
use crate::dictionary::Dictionary;
use crate::lexicon_file;
use crate::model::ThemeId;

/// The built-in theme lexicon file.
const BUILTIN_TSV: &str = include_str!("../../data/themes.tsv");

/// The automaton of the built-in lexicon's keywords, built by the build script.
const BUILTIN_AUTOMATON: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/themes.daac"));

static BUILTIN: LazyLock<ThemeLexicon> = LazyLock::new(|| {
    // The built-in file is tested (`builtin_theme_lexicon_parses`); should it ever fail, themes
    // come out empty rather than the parse panicking.
    ThemeLexicon::parse_with(BUILTIN_TSV, |keywords| {
        // SAFETY: `BUILTIN_AUTOMATON` is what the build script wrote with
        // `Dictionary::to_bytes`, compiled against the same `daachorse` as this crate.
        unsafe { Dictionary::prebuilt(keywords, BUILTIN_AUTOMATON) }
    })
    .unwrap_or_else(|_| ThemeLexicon::empty())
});

/// A malformed theme lexicon line.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ThemeLexiconError {
    /// A line without theme, keyword and weight.
    #[error("line {line}: expected 3 or 4 tab-separated columns (theme, keyword, weight, note), found {found}")]
    Columns { line: usize, found: usize },
    /// A theme id outside the controlled vocabulary.
    #[error("line {line}: unknown theme `{theme}`")]
    UnknownTheme { line: usize, theme: String },
    /// An empty keyword.
    #[error("line {line}: empty keyword")]
    EmptyKeyword { line: usize },
    /// A weight that is not a non-negative finite number.
    #[error("line {line}: weight `{weight}` is not a non-negative number")]
    BadWeight { line: usize, weight: String },
    /// The matcher could not be built.
    #[error("cannot build the theme matcher: {0}")]
    Matcher(String),
}

/// Weighted keywords of every theme.
#[derive(Debug, Clone)]
pub struct ThemeLexicon {
    keywords: Vec<String>,
    /// For each keyword (by matcher pattern index): the themes it points to, with weights.
    weights: Vec<Vec<(ThemeId, f64)>>,
    /// `None` only for the empty fallback lexicon.
    matcher: Option<Dictionary>,
}

impl ThemeLexicon {
    /// The built-in lexicon, parsed and compiled once.
    pub fn builtin() -> &'static ThemeLexicon {
        &BUILTIN
    }

    fn empty() -> ThemeLexicon {
        ThemeLexicon {
            keywords: Vec::new(),
            weights: Vec::new(),
            matcher: None,
        }
    }

    /// Parses a lexicon in the format of `data/themes.tsv`.
    pub fn parse(tsv: &str) -> Result<ThemeLexicon, ThemeLexiconError> {
        ThemeLexicon::parse_with(tsv, |keywords| Dictionary::new(keywords))
    }

    /// Parses a lexicon, its matcher made from the keywords by `matcher`.
    fn parse_with(
        tsv: &str,
        matcher: impl FnOnce(&[String]) -> Result<Dictionary, String>,
    ) -> Result<ThemeLexicon, ThemeLexiconError> {
        let mut keywords: Vec<String> = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut weights: Vec<Vec<(ThemeId, f64)>> = Vec::new();
        for (line, content) in lexicon_file::content_lines(tsv) {
            let columns: Vec<&str> = content.split('\t').map(str::trim).collect();
            let [theme, keyword, weight, ..] = columns[..] else {
                return Err(ThemeLexiconError::Columns {
                    line,
                    found: columns.len(),
                });
            };
            if columns.len() > 4 {
                return Err(ThemeLexiconError::Columns {
                    line,
                    found: columns.len(),
                });
            }
            let theme = ThemeId::from_id(theme).ok_or_else(|| ThemeLexiconError::UnknownTheme {
                line,
                theme: theme.to_owned(),
            })?;
            if keyword.is_empty() {
                return Err(ThemeLexiconError::EmptyKeyword { line });
            }
            let weight = weight
                .parse::<f64>()
                .ok()
                .filter(|w| w.is_finite() && *w >= 0.0)
                .ok_or_else(|| ThemeLexiconError::BadWeight {
                    line,
                    weight: weight.to_owned(),
                })?;
            match index.get(keyword).copied() {
                Some(i) => {
                    if let Some(w) = weights.get_mut(i) {
                        w.push((theme, weight));
                    }
                }
                None => {
                    index.insert(keyword, keywords.len());
                    keywords.push(keyword.to_owned());
                    weights.push(vec![(theme, weight)]);
                }
            }
        }
        let matcher = matcher(&keywords).map_err(ThemeLexiconError::Matcher)?;
        Ok(ThemeLexicon {
            keywords,
            weights,
            matcher: Some(matcher),
        })
    }

    /// The keywords, in file order (each once).
    pub fn keywords(&self) -> &[String] {
        &self.keywords
    }

    /// The themes a keyword points to, with weights.
    pub fn weights_of(&self, keyword: &str) -> &[(ThemeId, f64)] {
        self.keywords
            .iter()
            .position(|k| k == keyword)
            .and_then(|i| self.weights.get(i))
            .map_or(&[], Vec::as_slice)
    }

    /// The themes the keyword of index `hit` (from [`Self::keyword_hits`]) points to.
    pub fn weights_at(&self, hit: usize) -> &[(ThemeId, f64)] {
        self.weights.get(hit).map_or(&[], Vec::as_slice)
    }

    /// The keywords found in `text`, by index, leftmost-longest.
    pub fn keyword_hits<'a>(&'a self, text: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.matcher
            .iter()
            .flat_map(move |m| m.find_iter(text))
            .map(|(_, keyword)| keyword)
    }

    /// The theme evidence of a text: the weights of its keywords, summed.
    pub fn evidence(&self, text: &str) -> Evidence {
        self.evidence_except(text, &BTreeSet::new())
    }

    /// The evidence of a text, leaving out the keywords in `skip` (by index).
    pub fn evidence_except(&self, text: &str, skip: &BTreeSet<usize>) -> Evidence {
        let mut evidence = Evidence::default();
        for hit in self.keyword_hits(text).filter(|k| !skip.contains(k)) {
            for &(theme, weight) in self.weights.get(hit).map_or(&[][..], Vec::as_slice) {
                evidence.add_to(theme, weight);
            }
        }
        evidence
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_lexicon_uses_the_automaton_of_the_build_script() {
        let keywords = ThemeLexicon::builtin().keywords();
        assert!(Dictionary::was_built_for(BUILTIN_AUTOMATON, keywords));
    }

    #[test]
    fn builtin_theme_lexicon_parses_and_covers_every_theme() {
        let lexicon = ThemeLexicon::parse(BUILTIN_TSV).expect("data/themes.tsv is well-formed");
        for theme in ThemeId::ALL {
            assert!(
                lexicon
                    .keywords()
                    .iter()
                    .any(|k| lexicon.weights_of(k).iter().any(|&(t, _)| t == theme)),
                "{theme:?} has no keyword"
            );
        }
    }

    #[test]
    fn malformed_lines_name_their_line() {
        assert_eq!(
            ThemeLexicon::parse("# x\nlegislation\t立法\n").unwrap_err(),
            ThemeLexiconError::Columns { line: 2, found: 2 }
        );
        assert!(matches!(
            ThemeLexicon::parse("law\t立法\t1\n").unwrap_err(),
            ThemeLexiconError::UnknownTheme { line: 1, .. }
        ));
        assert!(matches!(
            ThemeLexicon::parse("legislation\t立法\t-1\n").unwrap_err(),
            ThemeLexiconError::BadWeight { line: 1, .. }
        ));
    }

    #[test]
    fn longest_keyword_wins_and_shared_keywords_count_for_each_theme() {
        let lexicon = ThemeLexicon::parse(
            "deputies\t代表\t1\ndeputies\t人大代表\t3\nlivelihood\t民生实事\t2\npeople_democracy\t民生实事\t1\n",
        )
        .unwrap();
        let e = lexicon.evidence("人大代表票决民生实事");
        assert_eq!(e.get(ThemeId::Deputies), 3.0);
        assert_eq!(e.get(ThemeId::Livelihood), 2.0);
        assert_eq!(e.get(ThemeId::PeopleDemocracy), 1.0);
    }
}
