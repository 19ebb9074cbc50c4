//! The theme lexicon: weighted keywords per theme (`data/themes.tsv`, compiled in), matched
//! leftmost-longest in one pass.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
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
        self.evidence_of(self.keyword_hits(text).filter(|k| !skip.contains(k)))
    }

    /// The evidence of keywords found (by index), summed in their order.
    pub fn evidence_of(&self, hits: impl IntoIterator<Item = usize>) -> Evidence {
        let mut evidence = Evidence::default();
        for hit in hits {
            for &(theme, weight) in self.weights_at(hit) {
                evidence.add_to(theme, weight);
            }
        }
        evidence
    }

    /// The keywords found in `text`, leftmost-longest: byte range and index.
    pub fn hits(&self, text: &str) -> Hits {
        Hits(
            self.matcher
                .iter()
                .flat_map(|m| m.find_iter(text))
                .collect(),
        )
    }
}

/// The keywords found in a text, in order, without overlaps: byte range and keyword index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hits(Vec<(Range<usize>, usize)>);

impl Hits {
    /// The keyword indexes, in order.
    pub fn keywords(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().map(|(_, keyword)| *keyword)
    }

    /// The hits that a search of the part `within` of the text would find, when these hits
    /// tell: none of them crosses either end of `within`. A leftmost-longest search then
    /// reaches `within.start` between two keywords, as a search of the part starts, and goes on
    /// alike up to `within.end`.
    pub fn within(&self, within: Range<usize>) -> Option<impl Iterator<Item = usize> + '_> {
        let crosses = |at: usize| self.0.iter().any(|(r, _)| r.start < at && at < r.end);
        if crosses(within.start) || crosses(within.end) {
            return None;
        }
        Some(
            self.0
                .iter()
                .filter(move |(r, _)| within.start <= r.start && r.end <= within.end)
                .map(|(_, keyword)| *keyword),
        )
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

    fn small_lexicon() -> ThemeLexicon {
        ThemeLexicon::parse(
            "legislation\t立法\t1\nlegislation\t立法法\t1\nsupervision\t法监督\t1\nsupervision\t监督\t1\ndeputies\t代表\t1\n",
        )
        .unwrap()
    }

    #[test]
    fn hits_within_a_part_are_refused_where_a_keyword_crosses_its_ends() {
        let lexicon = small_lexicon();
        let text = "立法法监督代表";
        let hits = lexicon.hits(text);
        // 立法法 | 监督 | 代表: a part starting inside 立法法 cannot be told from these hits.
        assert!(hits.within(3..text.len()).is_none());
        let part: Vec<usize> = hits.within(9..text.len()).unwrap().collect();
        assert_eq!(part, lexicon.keyword_hits(&text[9..]).collect::<Vec<_>>());
    }

    proptest::proptest! {
        /// Where the hits of a text tell those of a part, they are what searching the part finds.
        #[test]
        fn hits_within_a_part_are_those_of_searching_it(
            pieces in proptest::collection::vec(
                proptest::sample::select(&["立法", "法监督", "立法法", "监督", "代表", "立", "法", "督", "，"][..]),
                0..12,
            ),
            from in 0usize..25,
            length in 0usize..25,
        ) {
            let lexicon = small_lexicon();
            let text = pieces.concat();
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let start = bounds[from.min(bounds.len() - 1)];
            let end = bounds[(from + length).min(bounds.len() - 1)];
            if let Some(part) = lexicon.hits(&text).within(start..end) {
                let part: Vec<usize> = part.collect();
                let searched: Vec<usize> = lexicon.keyword_hits(&text[start..end]).collect();
                proptest::prop_assert_eq!(part, searched);
            }
        }
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
