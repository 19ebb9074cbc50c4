//! Cited doctrines: the thoughts, formulations, laws, meetings, publications and leaders' words
//! a speech cites, one [`Doctrine`] per distinct doctrine with every mention.
//!
//! Three sources of candidates, then one resolution:
//! 1. the [`Lexicon`] (`data/doctrines.tsv`, plus a user's file), matched in one pass;
//! 2. `patterns`: 习近平…思想, 习近平总书记关于…的重要思想, 党的X大, X届X中全会, 十X五;
//! 3. `marks`: quoted and 《titled》 passages, classified by `cited` (numbered formulations,
//!    leaders' words, laws, publications; rhetoric such as “金点子” cites nothing).
//!
//! Overlapping candidates resolve to the longest (习近平总书记关于坚持和完善人民代表大会制度的
//! 重要思想 hides the 人民代表大会制度 inside it; on equal length the lexicon wins); a leader's
//! quotation may contain other citations. Names found by their marks once (“四城四区”) are then
//! found again where the speaker repeats them without marks.

mod cited;
pub mod lexicon;
mod marks;
mod numbered;
mod patterns;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use crate::model::{Doctrine, DoctrineKind};
use crate::text::SourceText;

pub use lexicon::{Lexicon, LexiconError};

/// Where a candidate came from; on equal length the earlier origin wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Origin {
    Lexicon,
    Pattern,
    Mark,
}

/// A possible mention of a doctrine.
#[derive(Debug, Clone)]
struct Candidate {
    range: Range<usize>,
    name: String,
    kind: DoctrineKind,
    attribution: Option<String>,
    origin: Origin,
}

/// Finds the doctrines cited in the given byte ranges of `source`, in order of first mention.
///
/// `extra` is a lexicon that replaces the built-in one (build it with
/// [`Lexicon::with_user_entries`], which keeps the built-in entries).
pub fn extract(
    source: &SourceText,
    regions: &[Range<usize>],
    extra: Option<&Lexicon>,
) -> Vec<Doctrine> {
    let lexicon = extra.unwrap_or_else(|| Lexicon::builtin());
    let text = source.as_str();
    let body = Body::new(text, regions);
    let mut candidates = Vec::new();
    let mut marked = HashSet::new();
    for region in &body.regions {
        if let Some(region_text) = text.get(region.clone()) {
            classify_marks(region_text, region.start, &mut marked, &mut candidates);
        }
    }
    // The lexicon and the patterns run once over the whole text (one call per line costs
    // more than the search) and keep what lies inside the body.
    for hit in lexicon.find(text) {
        if !body.holds(&hit.range)
            || (hit.marked_only && !marked.contains(&(hit.range.start, hit.range.end)))
            || !on_word_boundary(text, &hit.range)
        {
            continue;
        }
        candidates.push(Candidate {
            range: hit.range,
            name: hit.entry.name.clone(),
            kind: hit.entry.kind,
            attribution: None,
            origin: Origin::Lexicon,
        });
    }
    for found in patterns::find(text, 0) {
        if body.holds(&found.range) {
            candidates.push(Candidate {
                range: found.range,
                name: found.name,
                kind: found.kind,
                attribution: None,
                origin: Origin::Pattern,
            });
        }
    }
    let mut kept = resolve(candidates);
    add_unmarked_repeats(text, &body, &mut kept);
    group(source, kept)
}

/// The body regions, sorted and clamped to the text.
struct Body {
    regions: Vec<Range<usize>>,
}

impl Body {
    fn new(text: &str, regions: &[Range<usize>]) -> Body {
        let mut regions: Vec<Range<usize>> = regions
            .iter()
            .filter(|r| r.start < r.end && text.get((*r).clone()).is_some())
            .cloned()
            .collect();
        regions.sort_by_key(|r| (r.start, r.end));
        Body { regions }
    }

    /// Whether `range` lies inside one region.
    fn holds(&self, range: &Range<usize>) -> bool {
        let after = self.regions.partition_point(|r| r.start <= range.start);
        after
            .checked_sub(1)
            .and_then(|i| self.regions.get(i))
            .is_some_and(|r| r.end >= range.end)
    }
}

/// Finds the marked passages of one region (`text` starts at byte `offset` of the input),
/// records their ranges in `marked` and adds those that cite something to `out`.
fn classify_marks(
    text: &str,
    offset: usize,
    marked: &mut HashSet<(usize, usize)>,
    out: &mut Vec<Candidate>,
) {
    for mark in marks::scan(text, offset) {
        marked.insert((mark.inner.start, mark.inner.end));
        let (Some(start), Some(end)) = (
            mark.inner.start.checked_sub(offset),
            mark.inner.end.checked_sub(offset),
        ) else {
            continue;
        };
        let Some(inner) = text.get(start..end) else {
            continue;
        };
        let citation = match mark.kind {
            marks::MarkKind::Title => {
                let before = text.get(..start).map(drop_last_char).unwrap_or("");
                let after = text.get(end..).map(drop_first_char).unwrap_or("");
                if cited::is_work_of_art(before, after) {
                    None
                } else {
                    cited::title(inner)
                }
            }
            marks::MarkKind::Quote => {
                let before = text.get(..start).map(drop_last_char).unwrap_or("");
                let after = text.get(end..).map(drop_first_char).unwrap_or("");
                cited::quote(inner, before, after)
            }
        };
        if let Some(c) = citation {
            out.push(Candidate {
                range: mark.inner.start..mark.inner.end - c.trim_end,
                name: c.name,
                kind: c.kind,
                attribution: c.attribution,
                origin: Origin::Mark,
            });
        }
    }
}

fn drop_last_char(s: &str) -> &str {
    s.char_indices().next_back().map_or(s, |(i, _)| &s[..i])
}

fn drop_first_char(s: &str) -> &str {
    s.chars().next().map_or(s, |c| &s[c.len_utf8()..])
}

/// Whether a match that starts or ends with a Latin letter or digit stands on its own
/// (“1264” is a plan; 12640 is a number).
fn on_word_boundary(text: &str, range: &Range<usize>) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let first = text.get(range.start..).and_then(|s| s.chars().next());
    let last = text.get(..range.end).and_then(|s| s.chars().next_back());
    let before = text.get(..range.start).and_then(|s| s.chars().next_back());
    let after = text.get(range.end..).and_then(|s| s.chars().next());
    let glued_before = alnum(first) && alnum(before);
    let glued_after = alnum(last) && alnum(after);
    !glued_before && !glued_after
}

/// Non-overlapping byte ranges of accepted mentions.
#[derive(Debug, Default)]
struct Taken(BTreeMap<usize, usize>);

impl Taken {
    fn overlaps(&self, range: &Range<usize>) -> bool {
        self.0
            .range(..range.end)
            .next_back()
            .is_some_and(|(_, &end)| end > range.start)
    }

    fn is_exactly(&self, range: &Range<usize>) -> bool {
        self.0.get(&range.start) == Some(&range.end)
    }

    fn insert(&mut self, range: &Range<usize>) {
        self.0.insert(range.start, range.end);
    }
}

/// Keeps the longest of overlapping candidates (on equal length the lexicon's, then the
/// leftmost); quotations nest and only yield to a candidate of exactly their range.
fn resolve(candidates: Vec<Candidate>) -> Kept {
    let (mut quotes, mut others): (Vec<_>, Vec<_>) = candidates
        .into_iter()
        .partition(|c| c.kind == DoctrineKind::Quote);
    others.sort_by_key(|c| (std::cmp::Reverse(c.range.len()), c.origin, c.range.start));
    let mut taken = Taken::default();
    let mut kept = Vec::new();
    for c in others {
        if !c.range.is_empty() && !taken.overlaps(&c.range) {
            taken.insert(&c.range);
            kept.push(c);
        }
    }
    quotes.retain(|q| !q.range.is_empty() && !taken.is_exactly(&q.range));
    kept.extend(quotes);
    Kept {
        candidates: kept,
        taken,
    }
}

/// The accepted candidates and the ranges they take.
struct Kept {
    candidates: Vec<Candidate>,
    taken: Taken,
}

/// Names first recognised by their marks (“四城四区”, a quoted regulation) are found again
/// where the speaker repeats them unmarked. Short ones (“三为”) are not: two characters recur
/// by chance.
fn add_unmarked_repeats(text: &str, body: &Body, kept: &mut Kept) {
    let mut forms: Vec<String> = Vec::new();
    let mut of_form: Vec<usize> = Vec::new();
    for (i, c) in kept.candidates.iter().enumerate() {
        let Some(form) = text.get(c.range.clone()) else {
            continue;
        };
        // A publication's title is written in 《》 wherever it is cited: bare, the same
        // characters are prose (《共产党》 is a monthly, 共产党 the party).
        if c.origin == Origin::Mark
            && c.kind != DoctrineKind::Publication
            && form.chars().count() >= 3
            && !forms.iter().any(|f| f == form)
        {
            forms.push(form.to_owned());
            of_form.push(i);
        }
    }
    if forms.is_empty() {
        return;
    }
    let mut repeats = Vec::new();
    let cited_at: HashSet<(usize, usize)> = kept
        .candidates
        .iter()
        .map(|c| (c.range.start, c.range.end))
        .collect();
    for (range, form) in leftmost_longest(text, &forms) {
        if cited_at.contains(&(range.start, range.end))
            || !body.holds(&range)
            || kept.taken.overlaps(&range)
            || !on_word_boundary(text, &range)
            || reads_as_quantity(text, &range)
        {
            continue;
        }
        let Some(source) = of_form.get(form).and_then(|&i| kept.candidates.get(i)) else {
            continue;
        };
        kept.taken.insert(&range);
        repeats.push(Candidate {
            range,
            ..source.clone()
        });
    }
    kept.candidates.extend(repeats);
}

/// Whether an unmarked number that a code was quoted as (“132”) is written here as a quantity:
/// 132.4亿斤, 132万元, 3.132, 132%.
fn reads_as_quantity(text: &str, range: &Range<usize>) -> bool {
    let digit_ends =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    let first = text.get(range.start..).and_then(|s| s.chars().next());
    let last = text.get(..range.end).and_then(|s| s.chars().next_back());
    let before = text.get(..range.start).and_then(|s| s.chars().next_back());
    let after = text.get(range.end..).and_then(|s| s.chars().next());
    let point = |c: Option<char>| c.is_some_and(|c| matches!(c, '.' | '．' | '·'));
    let unit = |c: Option<char>| {
        c.is_some_and(|c| {
            "%％‰亿万千百元角分年月日号个人家户名件项条次倍吨米斤亩台辆套座所".contains(c)
        })
    };
    (digit_ends(first) && point(before)) || (digit_ends(last) && (point(after) || unit(after)))
}

/// The non-overlapping occurrences of `forms` in `text`, leftmost first and the longest of
/// those that start together, with the index of their form. A document marks a handful of
/// names, so searching for each costs less than building an automaton for them.
fn leftmost_longest(text: &str, forms: &[String]) -> Vec<(Range<usize>, usize)> {
    let mut found: Vec<(Range<usize>, usize)> = Vec::new();
    for (index, form) in forms.iter().enumerate() {
        let step = form.chars().next().map_or(1, char::len_utf8);
        let finder = memchr::memmem::Finder::new(form.as_bytes());
        let mut from = 0;
        while let Some(at) = text
            .as_bytes()
            .get(from..)
            .and_then(|rest| finder.find(rest))
        {
            let start = from + at;
            found.push((start..start + form.len(), index));
            from = start + step;
        }
    }
    found.sort_by_key(|(range, _)| (range.start, std::cmp::Reverse(range.end)));
    let mut end = 0;
    found.retain(|(range, _)| {
        let free = range.start >= end;
        if free {
            end = range.end;
        }
        free
    });
    found
}

/// Short titles that a document cites again after its full title (《…第十五个五年规划纲要
/// （草案）》（以下简称《纲要草案》）, 《…规划的建议》 … 《建议》).
const SHORT_TITLES: &[&str] = &[
    "建议",
    "纲要",
    "纲要草案",
    "纲要（草案）",
    "决定",
    "决议",
    "意见",
    "通知",
    "规划",
    "方案",
    "条例",
    "办法",
    "报告",
    "公报",
];

/// A title without brackets and blanks, for comparing a short title with a full one.
fn bare_title(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '（' | '）' | '(' | ')') && !c.is_whitespace())
        .collect()
}

/// Merges each short title (《纲要草案》, 《建议》) into the last full title before it that ends
/// with it: one document, one doctrine, the short form an alias.
fn merge_short_titles(doctrines: &mut Vec<Doctrine>) {
    let titled = |d: &Doctrine| matches!(d.kind, DoctrineKind::Law | DoctrineKind::Publication);
    let mut i = 0;
    while i < doctrines.len() {
        let Some(short) = doctrines.get(i).filter(|d| titled(d)) else {
            i += 1;
            continue;
        };
        if !SHORT_TITLES.contains(&short.name.as_str()) {
            i += 1;
            continue;
        }
        let tail = bare_title(&short.name);
        let first = short.mentions.first().map_or(0, |m| m.span.start);
        let full = doctrines
            .iter()
            .enumerate()
            .filter(|(j, d)| {
                *j != i
                    && titled(d)
                    && d.name.chars().count() > short.name.chars().count()
                    && d.mentions.first().is_some_and(|m| m.span.start < first)
                    && bare_title(&d.name).ends_with(&tail)
            })
            .max_by_key(|(_, d)| d.mentions.first().map_or(0, |m| m.span.start))
            .map(|(j, _)| j);
        let Some(j) = full else {
            i += 1;
            continue;
        };
        let short = doctrines.remove(i);
        let target = if j > i { j - 1 } else { j };
        if let Some(d) = doctrines.get_mut(target) {
            for alias in std::iter::once(short.name).chain(short.aliases) {
                if alias != d.name && !d.aliases.contains(&alias) {
                    d.aliases.push(alias);
                }
            }
            d.mentions.extend(short.mentions);
            d.mentions.sort_by_key(|m| (m.span.start, m.span.end));
            d.count = u32::try_from(d.mentions.len()).unwrap_or(u32::MAX);
        }
    }
}

/// One doctrine per name, in order of first mention, with every mention in input order.
fn group(source: &SourceText, kept: Kept) -> Vec<Doctrine> {
    let mut candidates = kept.candidates;
    candidates.sort_by_key(|c| (c.range.start, c.range.end));
    let mut doctrines: Vec<Doctrine> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for c in candidates {
        let mention = source.passage(&c.range);
        let slot = *index.entry(c.name.clone()).or_insert_with(|| {
            doctrines.push(Doctrine {
                name: c.name.clone(),
                kind: c.kind,
                aliases: Vec::new(),
                mentions: Vec::new(),
                count: 0,
                attribution: None,
            });
            doctrines.len() - 1
        });
        let Some(doctrine) = doctrines.get_mut(slot) else {
            continue;
        };
        if mention.text != doctrine.name && !doctrine.aliases.contains(&mention.text) {
            doctrine.aliases.push(mention.text.clone());
        }
        if doctrine.attribution.is_none() {
            doctrine.attribution = c.attribution;
        }
        doctrine.mentions.push(mention);
        doctrine.count = u32::try_from(doctrine.mentions.len()).unwrap_or(u32::MAX);
    }
    merge_short_titles(&mut doctrines);
    doctrines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract_all(text: &str) -> Vec<Doctrine> {
        let source = SourceText::new(text.to_owned());
        let region = 0..text.len();
        extract(&source, &[region], None)
    }

    fn names(text: &str) -> Vec<String> {
        extract_all(text).into_iter().map(|d| d.name).collect()
    }

    #[test]
    fn aliases_group_under_the_canonical_name() {
        let d = extract_all("深化“双联系”制度，推动“双联”常态化，完善两个联系机制");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].name, "两个联系");
        assert_eq!(d[0].aliases, ["双联系", "双联"]);
        assert_eq!(d[0].count, 3);
    }

    #[test]
    fn spans_are_characters_and_cut_the_text() {
        let text = "同志们：要增强“四个意识”。";
        let d = extract_all(text);
        let m = &d[0].mentions[0];
        assert_eq!(m.text, "四个意识");
        let chars: Vec<char> = text.chars().collect();
        let cut: String = chars[m.span.start..m.span.end].iter().collect();
        assert_eq!(cut, m.text);
        assert_eq!(m.span.start, 8);
    }

    #[test]
    fn the_longest_citation_wins() {
        assert_eq!(
            names("学习习近平总书记关于坚持和完善人民代表大会制度的重要思想"),
            ["习近平总书记关于坚持和完善人民代表大会制度的重要思想"]
        );
        assert_eq!(
            names("第5期《求是》杂志发表《在中央人大工作会议上的讲话》"),
            ["求是", "在中央人大工作会议上的讲话"]
        );
    }

    #[test]
    fn marked_only_forms_need_their_marks() {
        assert!(names("坚持实事求是，人民代表大会制度是根本政治制度").is_empty());
        assert_eq!(names("坚持“人民代表大会制度”"), ["人民代表大会制度"]);
    }

    #[test]
    fn quoted_rhetoric_and_counting_give_nothing() {
        assert!(names("下面，我讲五个方面意见。评价一个国家政治制度").is_empty());
        assert!(names("汇聚更多“金点子”“金钥匙”，提升民生“温度”，支持“干”、改进“为”").is_empty());
    }

    #[test]
    fn leaders_quotations_keep_their_attribution_and_nest() {
        let d = extract_all("习近平总书记强调：“要增强‘四个意识’，坚定理想信念。”");
        assert_eq!(d.len(), 2);
        let quote = d.iter().find(|d| d.kind == DoctrineKind::Quote).unwrap();
        assert_eq!(quote.attribution.as_deref(), Some("习近平总书记"));
        assert_eq!(quote.name, "要增强四个意识，坚定理想信念");
        assert!(d.iter().any(|d| d.name == "四个意识"));
    }

    #[test]
    fn marked_names_are_found_again_unmarked() {
        let d = extract_all("紧盯“四城四区”建设目标，推进四城四区建设");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].count, 2);
    }

    proptest::proptest! {
        #[test]
        fn leftmost_longest_agrees_with_an_automaton(
            text in "[甲乙丙丁]{0,30}",
            forms in proptest::collection::btree_set("[甲乙丙丁]{1,4}", 1..5),
        ) {
            use aho_corasick::{AhoCorasick, MatchKind};
            let forms: Vec<String> = forms.into_iter().collect();
            let automaton = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&forms)
                .unwrap();
            let expected: Vec<(Range<usize>, usize)> = automaton
                .find_iter(&text)
                .map(|m| (m.range(), m.pattern().as_usize()))
                .collect();
            proptest::prop_assert_eq!(leftmost_longest(&text, &forms), expected);
        }
    }

    #[test]
    fn codes_stand_on_their_own() {
        let d = extract_all("县委“1264”总体工作思路，落实1264，不是12640");
        assert_eq!(d[0].count, 2);
    }

    #[test]
    fn quoted_codes_are_not_found_again_in_quantities() {
        let d = extract_all("落实“132”总体部署，总产量132.4亿斤，投入132万元，再抓132部署");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].count, 2);
    }

    #[test]
    fn short_titles_are_the_full_document_cited_again() {
        let d = extract_all(
            "审查《全省国民经济和社会发展第十五个五年规划纲要（草案）》（以下简称《纲要草案》）。\
             《纲要草案》提出，落实省委《关于制定规划的建议》，《建议》明确",
        );
        let names: Vec<(&str, u32)> = d.iter().map(|d| (d.name.as_str(), d.count)).collect();
        assert_eq!(
            names,
            [
                ("全省国民经济和社会发展第十五个五年规划纲要（草案）", 3),
                ("关于制定规划的建议", 2)
            ]
        );
        assert_eq!(d[0].aliases, ["纲要草案"]);
        assert_eq!(d[0].kind, DoctrineKind::Law);
        // With no full title before it, a short title stays as it is.
        assert_eq!(names_of("根据《纲要》精神"), ["纲要"]);
    }

    #[test]
    fn publications_are_not_found_again_bare() {
        let d = extract_all("创办了《共产党》月刊，组织了共产党，称作共产党");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].count, 1);
    }

    fn names_of(text: &str) -> Vec<String> {
        names(text)
    }

    #[test]
    fn a_user_lexicon_adds_local_formulations() {
        let lexicon =
            Lexicon::with_user_entries("三个一批\tformulation\t“三个一批”工程\n").unwrap();
        let source = SourceText::new("推进三个一批".to_owned());
        let whole = 0..source.as_str().len();
        let d = extract(&source, std::slice::from_ref(&whole), Some(&lexicon));
        assert_eq!(d[0].name, "三个一批");
    }
}
