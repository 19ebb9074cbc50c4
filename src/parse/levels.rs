//! Section heads: where the parts of a scope start, and which numbering makes them a level.
//!
//! Levels follow the order in which marker families appear, the way GB/T 9704 numbering nests
//! (一、 → （一） → 1. → （1）): the level of a scope is the first family whose markers stand at
//! paragraph starts and count up in sequence. Texts without numbered parts fall back to
//! unnumbered heading lines, then to the lead sentences of articles.

use std::collections::HashMap;
use std::ops::Range;

use super::markers::{self, Family, Marker, Ordinal, SENTENCE_ENDS};
use super::peroration;

/// What makes a part start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A marker of this family.
    Numbered(Family),
    /// A short line of its own with no sentence end, followed by body text.
    HeadingLine,
    /// A paragraph opening with a short two-clause lead sentence (articles).
    LeadSentence,
    /// A paragraph of a run led by dashes (——坚持…), when nothing else divides the text.
    Dashed,
}

/// Where a part starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// What makes it start.
    pub kind: Kind,
    /// The number written, or the position for unnumbered parts.
    pub ordinal: u32,
    /// Byte range of the marker as written.
    pub marker: Option<Range<usize>>,
    /// Byte range of the heading, without the marker.
    pub heading: Range<usize>,
    /// Byte offset where the part starts (its marker, or its heading when it has none).
    pub start: usize,
    /// Whether the number skips one from the part before.
    pub gap: bool,
}

/// The heads of the top level and whether they were found at sentence starts inside
/// paragraphs (text whose line breaks were stripped).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TopLevel {
    /// The heads, in order.
    pub heads: Vec<Head>,
    /// Whether parts start inside paragraphs.
    pub run_in: bool,
    /// Whether the heads are unnumbered part headings above a numbered level, which then
    /// nests below them with its own levels.
    pub above_numbers: bool,
    /// Where the last numbered head of the text starts, when the heads are part headings above
    /// the numbers: the closing starts after it.
    pub last_numbered: Option<usize>,
}

/// Words a line cannot end with unless it breaks off mid-sentence (a line cut at a link:
/// 今年是我国与 / 印度…), so it is no heading; only those that end no word of their own
/// (方向, 应对, 普及 end headings).
const DANGLING_ENDS: &[char] = &['与', '的', '把', '被', '跟', '或'];
/// Words ending in a dangling character that do end headings (全民参与).
const WHOLE_WORD_ENDS: &[&str] = &["参与", "目的"];
/// Longest heading line, in characters.
const MAX_HEADING_LINE: usize = 40;
/// Shortest paragraph that counts as body text after a heading line, in characters.
const MIN_PROSE: usize = 30;
/// Share of the body in one paragraph above which the text is taken as one run-in block.
const RUN_IN_SHARE: f64 = 0.8;

/// Finds the top-level heads of the body `pieces`.
pub fn top_level(text: &str, pieces: &[Range<usize>]) -> TopLevel {
    let at_starts = candidates(text, pieces, false, false);
    if let Some(heads) = numbered(text, pieces, &at_starts, |_| true, |_| true, false) {
        if let Some(mut parts) = part_headings(text, pieces, &heads) {
            if restarts_in_other_parts(&parts, &heads, &at_starts) {
                return TopLevel {
                    heads: parts,
                    run_in: false,
                    above_numbers: true,
                    last_numbered: heads.last().map(|h| h.start),
                };
            }
            // One run of numbers in one part is the document's outline: the part headings
            // stand beside it, in the order of the text.
            parts.extend(heads);
            parts.sort_by_key(|h| h.start);
            return TopLevel {
                heads: parts,
                ..TopLevel::default()
            };
        }
        if let Some(lines) = headed_parts_around_points(text, pieces, &heads) {
            return TopLevel {
                heads: lines,
                ..TopLevel::default()
            };
        }
        return TopLevel {
            heads,
            ..TopLevel::default()
        };
    }
    let inside = candidates(text, pieces, true, false);
    let mostly_in = |holding: &[usize]| holds_most(pieces, holding);
    if let Some(heads) = numbered(text, pieces, &inside, |_| true, mostly_in, false) {
        return TopLevel {
            heads,
            run_in: true,
            ..TopLevel::default()
        };
    }
    let heads = heading_lines(text, pieces, 0);
    if heads.len() >= 2 {
        return TopLevel {
            heads,
            ..TopLevel::default()
        };
    }
    let dashed = dashed_parts(text, pieces);
    TopLevel {
        heads: if dashed.is_empty() {
            lead_sentences(text, pieces)
        } else {
            dashed
        },
        ..TopLevel::default()
    }
}

/// Finds the heads of the level below a part, in its `pieces` (the first starts with the
/// part's own heading). Only outline families and heading lines nest; families of the levels
/// above are not reused.
pub fn sub_level(text: &str, pieces: &[Range<usize>], above: &[Kind], run_in: bool) -> Vec<Head> {
    let found = candidates(text, pieces, run_in, true);
    let allowed = |f: Family| f.is_outline() && !above.contains(&Kind::Numbered(f));
    if let Some(heads) = numbered(text, pieces, &found, allowed, |_| true, true) {
        return heads;
    }
    if above
        .iter()
        .any(|k| matches!(k, Kind::HeadingLine | Kind::LeadSentence | Kind::Dashed))
    {
        return Vec::new();
    }
    let heads = heading_lines(text, pieces, 1);
    if heads.len() >= 2 {
        heads
    } else {
        Vec::new()
    }
}

/// A marker at a position where a part may start, and the piece it is in.
#[derive(Debug, Clone)]
struct Candidate {
    marker: Marker,
    piece: usize,
}

impl Candidate {
    fn family(&self) -> Family {
        self.marker.family
    }
}

/// Markers at piece starts, and at sentence starts inside pieces when `inside`.
fn candidates(
    text: &str,
    pieces: &[Range<usize>],
    inside: bool,
    skip_first: bool,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (i, piece) in pieces.iter().enumerate() {
        let positions = if inside {
            markers::clause_starts(text, piece, SENTENCE_ENDS)
        } else {
            vec![piece.start]
        };
        for pos in positions {
            if skip_first && i == 0 && pos == piece.start {
                continue;
            }
            // A marker heads text in its piece, or is the whole piece (一 alone on its line).
            let heads_text = |m: &markers::Marker| {
                m.rest < piece.end || (m.range == (pos..piece.end) && m.rest == piece.end)
            };
            if let Some(marker) = markers::marker_at(text, pos).filter(heads_text) {
                out.push(Candidate { marker, piece: i });
            }
        }
    }
    out
}

/// One link of a chain: the candidate's index, its number and whether it skips one.
type Link = (usize, u32, bool);

/// The heads of the chosen numbered family, if any family counts up in sequence; `accepted`
/// judges a sequence by the indices of the pieces its markers are in.
fn numbered(
    text: &str,
    pieces: &[Range<usize>],
    found: &[Candidate],
    allowed: impl Fn(Family) -> bool,
    accepted: impl Fn(&[usize]) -> bool,
    from_one: bool,
) -> Option<Vec<Head>> {
    let mut families: Vec<Family> = found
        .iter()
        .map(Candidate::family)
        .filter(|&f| allowed(f))
        .collect();
    families.sort();
    families.dedup();
    let mut chains: Vec<(Family, Vec<Link>)> = families
        .into_iter()
        .filter_map(|family| {
            let of_family: Vec<(usize, Ordinal)> = found
                .iter()
                .enumerate()
                .filter(|(_, c)| c.family() == family)
                .map(|(i, c)| (i, c.marker.ordinal))
                .collect();
            let chain = longest_chain(&of_family, from_one);
            let holding: Vec<usize> = chain
                .iter()
                .filter_map(|l| found.get(l.0))
                .map(|c| c.piece)
                .collect();
            (chain.len() >= 2 && accepted(&holding)).then_some((family, chain))
        })
        .collect();
    chains.sort_by_key(|(_, chain)| chain.first().map(|l| l.0));
    let mut best = chains.first()?;
    for other in &chains[1..] {
        let best_end = best.1.last().map_or(0, |l| l.0);
        let other_start = other.1.first().map_or(0, |l| l.0);
        let holds_parts = holds_parts(text, pieces, found, best.0, &best.1);
        if other_start > best_end && rank(other.0) < rank(best.0) && !holds_parts {
            best = other;
        }
    }
    let (family, chain) = best;
    Some(
        chain
            .iter()
            .filter_map(|&(i, ordinal, gap)| {
                let c = found.get(i)?;
                let piece = pieces.get(c.piece)?;
                Some(Head {
                    kind: Kind::Numbered(*family),
                    ordinal,
                    marker: Some(c.marker.range.clone()),
                    heading: heading_after(text, c.marker.rest, piece.end),
                    start: c.marker.range.start,
                    gap,
                })
            })
            .collect(),
    )
}

/// Whether a chain is a level of parts that a later chain cannot outrank: outline markers
/// heading lines of their own, with text between them (（一）关于经济形势 … （二）…), not a list
/// in consecutive paragraphs. A later chain lies inside its last part.
fn holds_parts(
    text: &str,
    pieces: &[Range<usize>],
    found: &[Candidate],
    family: Family,
    chain: &[Link],
) -> bool {
    let heads: Vec<&Candidate> = chain.iter().filter_map(|l| found.get(l.0)).collect();
    let spread = heads.windows(2).any(|w| w[1].piece > w[0].piece + 1);
    let own_lines = heads.iter().all(|c| {
        pieces
            .get(c.piece)
            .is_some_and(|p| heading_after(text, c.marker.rest, p.end).end == p.end)
    });
    family.is_outline() && spread && own_lines
}

/// How likely a family is to number the outermost level, when two sequences do not nest:
/// a list of 1. points in the preamble does not outrank the 一、 parts after it.
fn rank(family: Family) -> u8 {
    match family {
        Family::Dun => 0,
        Family::Di => 1,
        Family::ParenHan => 2,
        Family::Shi | Family::Yao => 3,
        Family::Arabic => 4,
        Family::ParenArabic => 5,
        Family::Sequence => 6,
    }
}

/// The longest run of numbers counting up by one (a single skip of one number is allowed when
/// the skipped number never comes), starting at 1 when `from_one`. A run that starts inside an
/// earlier run is no longer than it, so only items outside earlier runs start one. Ties go to
/// the run that starts first.
pub(crate) fn longest_chain(items: &[(usize, Ordinal)], from_one: bool) -> Vec<Link> {
    let later = LaterNumbers::new(items);
    longest_start(items, from_one, &later)
        .map(|start| chain_from(items, start, &later))
        .unwrap_or_default()
}

/// The last item of each number, to tell whether a number still comes after an item.
struct LaterNumbers(HashMap<u32, usize>);

impl LaterNumbers {
    fn new(items: &[(usize, Ordinal)]) -> Self {
        let last_seen = items
            .iter()
            .enumerate()
            .filter_map(|(j, &(_, ordinal))| match ordinal {
                Ordinal::Number(n) => Some((n, j)),
                Ordinal::Next => None,
            });
        LaterNumbers(last_seen.collect())
    }

    fn comes_after(&self, value: u32, j: usize) -> bool {
        self.0.get(&value).is_some_and(|&at| at > j)
    }
}

/// Whether an item numbered `value` at `j` continues a run whose last number is `last`, and
/// whether it does so by skipping a number.
fn continues(
    last: u32,
    value: u32,
    ordinal: Ordinal,
    j: usize,
    later: &LaterNumbers,
) -> Option<bool> {
    let next = last.saturating_add(1);
    if value == next {
        return Some(false);
    }
    let skip =
        value == last.saturating_add(2) && ordinal != Ordinal::Next && !later.comes_after(next, j);
    skip.then_some(true)
}

/// The run that starts at item `start`: every later item that counts on from it.
fn chain_from(items: &[(usize, Ordinal)], start: usize, later: &LaterNumbers) -> Vec<Link> {
    let Some(&(first, Ordinal::Number(n))) = items.get(start) else {
        return Vec::new();
    };
    let mut chain = vec![(first, n, false)];
    let mut last = n;
    for (j, &(index, ordinal)) in items.iter().enumerate().skip(start + 1) {
        let value = match ordinal {
            Ordinal::Number(v) => v,
            Ordinal::Next => last.saturating_add(1),
        };
        if let Some(skip) = continues(last, value, ordinal, j, later) {
            chain.push((index, value, skip));
            last = value;
        }
    }
    chain
}

/// A run being followed by [`longest_start`].
#[derive(Debug, Clone, Copy)]
struct Run {
    /// The item it starts at.
    start: usize,
    /// Numbered items it holds.
    numbers: usize,
    /// `Next` items (最后) seen before it started.
    nexts_before: usize,
}

impl Run {
    fn len(&self, nexts: usize) -> usize {
        self.numbers + nexts - self.nexts_before
    }

    /// Of two runs at the same number, the one that ends longer: the longer so far (they go
    /// on alike), or the earlier on a tie.
    fn better(self, other: Run, nexts: usize) -> Run {
        match self.len(nexts).cmp(&other.len(nexts)) {
            std::cmp::Ordering::Greater => self,
            std::cmp::Ordering::Less => other,
            std::cmp::Ordering::Equal if self.start <= other.start => self,
            std::cmp::Ordering::Equal => other,
        }
    }
}

/// Where the run of [`longest_chain`] starts, following every run at once in one pass: runs
/// that reach the same number at the same item go on alike, so only the better one is kept,
/// and a `Next` item continues every run. Runs are therefore keyed by their last number less
/// the `Next` items seen, which a `Next` leaves unchanged.
fn longest_start(
    items: &[(usize, Ordinal)],
    from_one: bool,
    later: &LaterNumbers,
) -> Option<usize> {
    let mut runs: HashMap<i64, Run> = HashMap::new();
    let mut nexts = 0usize;
    for (j, &(_, ordinal)) in items.iter().enumerate() {
        let Ordinal::Number(value) = ordinal else {
            nexts += 1;
            continue;
        };
        let key = |last: u32| i64::from(last) - nexts as i64;
        let mut taken: Option<Run> = None;
        for last in [value.checked_sub(1), value.checked_sub(2)]
            .into_iter()
            .flatten()
        {
            if continues(last, value, ordinal, j, later).is_none() {
                continue;
            }
            if let Some(mut run) = runs.remove(&key(last)) {
                run.numbers += 1;
                taken = Some(taken.map_or(run, |t| t.better(run, nexts)));
            }
        }
        let starts = !from_one || value == 1;
        let run = match taken {
            Some(run) => run,
            None if starts => Run {
                start: j,
                numbers: 1,
                nexts_before: nexts,
            },
            None => continue,
        };
        let kept = match runs.get(&key(value)) {
            Some(&there) => there.better(run, nexts),
            None => run,
        };
        runs.insert(key(value), kept);
    }
    let best = runs.values().copied().reduce(|a, b| a.better(b, nexts));
    best.map(|run| run.start)
}

/// The heading after a marker: up to the first sentence end, or to the end of the piece when the
/// heading is a line of its own. Where a run-in heading is followed by its text after a space
/// (a line break turned into a space), the space ends it.
pub fn heading_after(text: &str, from: usize, piece_end: usize) -> Range<usize> {
    let Some(rest) = text.get(from..piece_end) else {
        return from..from;
    };
    let mut end = rest.find(SENTENCE_ENDS).map_or(piece_end, |i| from + i);
    if end < piece_end {
        if let Some(space) = space_break(&text[from..end]) {
            end = from + space;
        }
    }
    let heading = text[from..end]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '：' | ':' | '；' | ';'));
    from..from + heading.len()
}

/// A space that separates a heading from the text run in after it: after at least four
/// characters, right after a letter or a closing quote.
fn space_break(s: &str) -> Option<usize> {
    let mut previous = None;
    for (count, (i, c)) in s.char_indices().enumerate() {
        if c.is_whitespace() {
            let after_word =
                previous.is_some_and(|p: char| p.is_alphanumeric() || "”’」』》".contains(p));
            if count >= 4 && after_word {
                return Some(i);
            }
        }
        previous = Some(c);
    }
    None
}

/// Whether the pieces at `holding` hold most of the body: parts found inside paragraphs are
/// parts only in text whose line breaks were stripped, not lists inside a paragraph.
fn holds_most(pieces: &[Range<usize>], holding: &[usize]) -> bool {
    let mut holding = holding.to_vec();
    holding.dedup();
    let total: usize = pieces.iter().map(|p| p.len()).sum();
    let held: usize = holding
        .iter()
        .filter_map(|&i| pieces.get(i))
        .map(|p| p.len())
        .sum();
    total > 0 && held as f64 >= RUN_IN_SHARE * total as f64
}

/// Short lines of their own without a sentence end, each followed by body text; the first
/// `skip` pieces are not considered.
fn heading_lines(text: &str, pieces: &[Range<usize>], skip: usize) -> Vec<Head> {
    let mut heads = Vec::new();
    for (i, piece) in pieces.iter().enumerate().skip(skip) {
        // A quotation or a question set on a line of its own may stand between a heading and
        // its text.
        let Some(next) = pieces[i + 1..].iter().find(|p| !is_aside(text, p)) else {
            break;
        };
        if is_heading_line(text, piece) && is_prose(text, next) {
            heads.push(Head {
                kind: Kind::HeadingLine,
                ordinal: heads.len() as u32 + 1,
                marker: None,
                heading: piece.clone(),
                start: piece.start,
                gap: false,
            });
        }
    }
    heads
}

fn is_heading_line(text: &str, piece: &Range<usize>) -> bool {
    let Some(line) = text.get(piece.clone()) else {
        return false;
    };
    let chars = line.chars().count();
    (2..=MAX_HEADING_LINE).contains(&chars)
        && !line.contains(markers::CLAUSE_ENDS)
        && !line.ends_with(['，', ',', '、', '“', '‘', '《', '（', '('])
        && !breaks_off(line)
        && !line.contains('\n')
        && markers::marker_at(text, piece.start).is_none()
        && peroration::address(line).is_none()
        && !is_quotation(line)
}

/// Whether a line breaks off mid-sentence at a word that needs what follows.
fn breaks_off(line: &str) -> bool {
    line.ends_with(DANGLING_ENDS) && !WHOLE_WORD_ENDS.iter().any(|w| line.ends_with(w))
}

/// Whether a piece is a short line set apart from the text, never a heading: a quotation as
/// a whole (an aphorism) or a question.
fn is_aside(text: &str, piece: &Range<usize>) -> bool {
    text.get(piece.clone()).is_some_and(|line| {
        let question = line
            .trim_end_matches(['”', '’', '」', '"'])
            .ends_with(['？', '?']);
        (is_quotation(line) || question) && line.chars().count() <= MAX_HEADING_LINE
    })
}

/// Whether a line is a quotation as a whole (“…”, 「…」): an aphorism or a saying set apart,
/// not a heading.
fn is_quotation(line: &str) -> bool {
    let quoted = |open: char, close: char| line.starts_with(open) && line.ends_with(close);
    quoted('“', '”') || quoted('「', '」') || quoted('『', '』') || quoted('"', '"')
}

fn is_prose(text: &str, piece: &Range<usize>) -> bool {
    text.get(piece.clone())
        .is_some_and(|p| p.contains(SENTENCE_ENDS) && p.chars().count() >= MIN_PROSE)
}

/// Whether a part other than the one holding the numbered run `heads` numbers its own parts
/// in the same family (2025年工作回顾 with （一）（二）, 2026年工作安排 with （一）（二）): then
/// the part headings are a level above the numbers, each run nested in its part.
fn restarts_in_other_parts(parts: &[Head], heads: &[Head], at_starts: &[Candidate]) -> bool {
    let (Some(first), Some(last)) = (heads.first(), heads.last()) else {
        return false;
    };
    let Kind::Numbered(family) = first.kind else {
        return false;
    };
    let part_of = |pos: usize| parts.iter().filter(|p| p.start <= pos).count();
    let own = part_of(first.start);
    at_starts.iter().any(|c| {
        let at = c.marker.range.start;
        c.family() == family && !(first.start..=last.start).contains(&at) && part_of(at) != own
    })
}

/// The heading lines of a text whose numbered heads are points (一是…二是…, 一要…) standing
/// inside one of its headed parts: an article's subheads, repeated through the text, are its
/// parts, and the points a list of one of them.
fn headed_parts_around_points(
    text: &str,
    pieces: &[Range<usize>],
    numbered: &[Head],
) -> Option<Vec<Head>> {
    let points = numbered.iter().all(|h| {
        matches!(
            h.kind,
            Kind::Numbered(Family::Shi | Family::Yao | Family::Sequence)
        )
    });
    if !points {
        return None;
    }
    let lines = heading_lines(text, pieces, 0);
    if lines.len() < 2 {
        return None;
    }
    // The index of the headed part (0 before the first heading line) a position falls in.
    let part_of = |pos: usize| lines.iter().filter(|l| l.start <= pos).count();
    let first = part_of(numbered.first()?.start);
    numbered
        .iter()
        .all(|h| part_of(h.start) == first)
        .then_some(lines)
}

/// The paragraphs of the longest run led by dashes (——坚持党的领导。…), as parts, when no
/// sentence announces them as a list and the run ends the body or the peroration follows it:
/// text after a last part that is neither would be taken into it.
fn dashed_parts(text: &str, pieces: &[Range<usize>]) -> Vec<Head> {
    let points = super::directives::dash_points(text, pieces);
    let after = points.last().and_then(|p| pieces.get(p.paragraph + 1));
    let ends_body = after.is_none_or(|next| {
        text.get(next.clone())
            .is_some_and(peroration::is_peroration)
    });
    // A list a sentence announces (取得了明显成效：——…) is inside the text, not its parts.
    let announced = points
        .first()
        .and_then(|p| p.paragraph.checked_sub(1))
        .and_then(|i| pieces.get(i))
        .and_then(|before| text.get(before.clone()))
        .is_some_and(|before| before.trim_end().ends_with(['：', ':']));
    if !ends_body || announced {
        return Vec::new();
    }
    points
        .into_iter()
        .map(|point| Head {
            kind: Kind::Dashed,
            ordinal: point.ordinal,
            start: point.marker.start,
            marker: Some(point.marker),
            heading: point.heading,
            gap: false,
        })
        .collect()
}

/// Longest part heading above a numbered level, in characters.
const MAX_PART_HEADING: usize = 30;
/// Body pieces a part heading above a numbered level is followed by, at least.
const MIN_PART_BODY: usize = 2;
/// What a note or a subtitle line opens with ((2026年1月20日), ——在…会议上), never a part's
/// heading.
const NOTE_OPENINGS: &[char] = &['（', '(', '【', '[', '—', '―', '－'];

/// Unnumbered headings of parts that hold the numbered parts `numbered`, when the text has
/// them: short lines of their own between finished paragraphs (“十四五”时期工作回顾 …
/// 2026年主要任务, the second followed by 一、二、三、), at least two, the first before the
/// first numbered part, none between two numbered parts (which would put it inside one).
fn part_headings(text: &str, pieces: &[Range<usize>], numbered: &[Head]) -> Option<Vec<Head>> {
    let parts = numbered.iter().all(|h| match h.kind {
        Kind::Numbered(family) => family.is_outline() || family == Family::Di,
        _ => false,
    });
    if !parts {
        return None;
    }
    let piece_of = |pos: usize| pieces.iter().position(|p| p.start <= pos && pos < p.end);
    let numbered_at: Vec<usize> = numbered.iter().filter_map(|h| piece_of(h.start)).collect();
    let (&first, &last) = (numbered_at.first()?, numbered_at.last()?);
    let starts_numbered = |i: usize| numbered_at.contains(&i);
    let inside_numbered = (first + 1)..last;
    let found: Vec<usize> = (0..pieces.len())
        .filter(|&i| !inside_numbered.contains(&i) && !starts_numbered(i))
        .filter(|&i| is_part_heading(text, pieces, i))
        .filter(|&i| {
            pieces.get(i + 1).is_some_and(|next| {
                is_prose(text, next) || starts_numbered(i + 1) || is_address(text, next)
            })
        })
        .collect();
    // A part has a body: a heading with too little after it is a caption or a stray line.
    let next_starts: Vec<usize> = found
        .iter()
        .skip(1)
        .copied()
        .chain([pieces.len()])
        .collect();
    let found: Vec<usize> = found
        .iter()
        .zip(next_starts)
        .filter(|&(&at, end)| end - at > MIN_PART_BODY)
        .map(|(&at, _)| at)
        .collect();
    if found.len() < 2 || found.first().is_none_or(|&i| i > first) {
        return None;
    }
    let heads = found
        .iter()
        .enumerate()
        .filter_map(|(n, &i)| {
            let piece = pieces.get(i)?;
            Some(Head {
                kind: Kind::HeadingLine,
                ordinal: n as u32 + 1,
                marker: None,
                heading: piece.clone(),
                start: piece.start,
                gap: false,
            })
        })
        .collect();
    Some(heads)
}

/// Whether piece `i` is a line that may head a part above numbered parts: a short heading line
/// without a comma (a noun phrase, not a sentence), after a finished paragraph or the address,
/// not a note's or a closing's.
fn is_part_heading(text: &str, pieces: &[Range<usize>], i: usize) -> bool {
    let Some(line) = pieces.get(i).and_then(|p| text.get(p.clone())) else {
        return false;
    };
    let after_finished = i == 0
        || pieces.get(i - 1).is_some_and(|before| {
            is_address(text, before) || text.get(before.clone()).is_some_and(ends_sentence)
        });
    is_heading_line(text, &pieces[i])
        && line.chars().count() <= MAX_PART_HEADING
        && !line.contains(['，', ','])
        && !line.starts_with(NOTE_OPENINGS)
        && !peroration::is_conclusion_heading(line)
        && after_finished
}

/// Whether a piece opens with an address (同志们！), as a part may after its heading.
fn is_address(text: &str, piece: &Range<usize>) -> bool {
    text.get(piece.clone())
        .and_then(peroration::address)
        .is_some_and(|a| a.start == 0)
}

/// Whether a paragraph ends with a sentence end (closing quotes and brackets aside).
fn ends_sentence(paragraph: &str) -> bool {
    paragraph
        .trim_end_matches(['”', '’', '」', '』', '"', '）', ')'])
        .ends_with(SENTENCE_ENDS)
}

/// Longest lead sentence, in characters.
const MAX_LEAD: usize = 32;
/// Length of each clause of a lead sentence, in characters.
const LEAD_CLAUSE: std::ops::RangeInclusive<usize> = 4..=16;
/// Characters by which the clauses of parallel lead sentences may differ in length.
const LEAD_SHAPE_SLACK: usize = 4;
/// Non-lead paragraphs allowed between two lead paragraphs of one run.
const LEAD_GAP: usize = 2;

/// Paragraphs of an article that open with a short lead sentence of two parallel clauses
/// (守正政治建设方向，始终坚持党的全面领导。), when at least two come close together.
fn lead_sentences(text: &str, pieces: &[Range<usize>]) -> Vec<Head> {
    let leads: Vec<(usize, Range<usize>)> = pieces
        .iter()
        .enumerate()
        .filter_map(|(i, p)| lead_clause(text, p).map(|h| (i, h)))
        .collect();
    let shape = |lead: &Range<usize>| -> Vec<usize> {
        text.get(lead.clone())
            .map(|s| s.split(['，', ',']).map(|c| c.chars().count()).collect())
            .unwrap_or_default()
    };
    let alike = |a: &Range<usize>, b: &Range<usize>| {
        shape(a)
            .iter()
            .zip(shape(b))
            .all(|(x, y)| x.abs_diff(y) <= LEAD_SHAPE_SLACK)
    };
    let mut runs: Vec<Vec<&(usize, Range<usize>)>> = Vec::new();
    for lead in &leads {
        match runs.last_mut() {
            Some(run)
                if run.last().is_some_and(|l| lead.0 - l.0 <= LEAD_GAP + 1)
                    && run.first().is_some_and(|f| alike(&f.1, &lead.1)) =>
            {
                run.push(lead)
            }
            _ => runs.push(vec![lead]),
        }
    }
    let Some(run) = runs
        .into_iter()
        .filter(|r| r.len() >= 2)
        .max_by_key(|r| (r.len(), std::cmp::Reverse(r[0].0)))
    else {
        return Vec::new();
    };
    run.into_iter()
        .enumerate()
        .map(|(n, (_, heading))| Head {
            kind: Kind::LeadSentence,
            ordinal: n as u32 + 1,
            marker: None,
            heading: heading.clone(),
            start: heading.start,
            gap: false,
        })
        .collect()
}

/// The lead sentence that opens a piece, if it is one: two clauses of a few characters each,
/// without pronouns or figures, followed by a longer text.
fn lead_clause(text: &str, piece: &Range<usize>) -> Option<Range<usize>> {
    let p = text.get(piece.clone())?;
    let end = p.find('。')?;
    let sentence = &p[..end];
    let clauses: Vec<&str> = sentence.split(['，', ',']).collect();
    let plain = |c: &str| {
        LEAD_CLAUSE.contains(&c.chars().count())
            && c.chars()
                .all(|ch| ch.is_alphabetic() || "、“”\"《》".contains(ch))
            && !c.contains(['我', '你', '他', '她', '这', '那', '是'])
    };
    let shaped = sentence.chars().count() <= MAX_LEAD
        && clauses.len() == 2
        && clauses.iter().all(|c| plain(c));
    let followed = p[end..].chars().count() >= 2 * sentence.chars().count();
    (shaped && followed).then(|| piece.start..piece.start + end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Range<usize>> {
        crate::parse::layout::lines(text)
            .into_iter()
            .map(|l| l.range)
            .collect()
    }

    fn summary(text: &str, heads: &[Head]) -> Vec<(u32, String)> {
        heads
            .iter()
            .map(|h| (h.ordinal, text[h.heading.clone()].to_owned()))
            .collect()
    }

    #[test]
    fn numbered_paragraphs_make_the_top_level() {
        let text = "同志们：\n下面，我讲三点意见。\n一、坚持党的领导。党的领导是根本。\n（一）把牢方向。要把牢方向。\n二、坚持人民至上。人民是根本。\n（一）倾听民意。要倾听。";
        let top = top_level(text, &lines(text));
        assert!(!top.run_in);
        assert_eq!(
            summary(text, &top.heads),
            vec![(1, "坚持党的领导".into()), (2, "坚持人民至上".into())]
        );
    }

    #[test]
    fn a_list_before_the_parts_does_not_outrank_them() {
        let text = "过去一年：\n1.立法有进展。立法工作有序。\n2.监督有力度。监督工作扎实。\n一、坚持党的领导。要坚持。\n二、坚持人民至上。要坚持。";
        let top = top_level(text, &lines(text));
        assert_eq!(top.heads.len(), 2);
        assert_eq!(top.heads[0].kind, Kind::Numbered(Family::Dun));
    }

    #[test]
    fn a_fragment_keeps_the_numbers_written() {
        let text = "上接前文的内容。\n第三，加强监督。监督是职责。\n第四，密切联系。联系是基础。";
        let top = top_level(text, &lines(text));
        assert_eq!(
            top.heads.iter().map(|h| h.ordinal).collect::<Vec<_>>(),
            vec![3, 4]
        );
    }

    #[test]
    fn stripped_line_breaks_leave_parts_inside_one_paragraph() {
        let text = "同志们：今天开会。我讲两点。一、提高站位。要提高站位，统一思想。二、狠抓落实 各级要狠抓落实。让我们努力奋斗！";
        let top = top_level(text, &lines(text));
        assert!(top.run_in);
        assert_eq!(
            summary(text, &top.heads),
            vec![(1, "提高站位".into()), (2, "狠抓落实".into())]
        );
    }

    #[test]
    fn a_list_inside_one_paragraph_of_many_is_not_a_level() {
        let text = "今天召开会议，研究部署全年工作，会议开得很成功。\n过去一年工作成效明显。一、立法有进展，制定法规三件。二、监督有力度，开展执法检查五次。\n今年任务依然繁重，各级人大要认真履行职责，确保完成全年目标任务。\n希望大家再接再厉，在新的一年里取得更好成绩，不断开创工作新局面。";
        assert!(top_level(text, &lines(text)).heads.is_empty());
    }

    #[test]
    fn statements_are_not_lead_sentences() {
        let text = "今年是关键之年，做好工作意义重大。全市各级人大要提高站位，增强责任感和使命感，确保各项任务落到实处。\n明年是攻坚之年，做好工作责任重大。全市各级人大要主动作为，增强紧迫感，确保各项任务按期完成。";
        assert!(top_level(text, &lines(text)).heads.is_empty());
    }

    #[test]
    fn skips_are_kept_and_flagged() {
        let items = [
            (0, Ordinal::Number(1)),
            (1, Ordinal::Number(2)),
            (2, Ordinal::Number(4)),
        ];
        assert_eq!(
            longest_chain(&items, true),
            vec![(0, 1, false), (1, 2, false), (2, 4, true)]
        );
        let repeated = [
            (0, Ordinal::Number(1)),
            (1, Ordinal::Number(3)),
            (2, Ordinal::Number(2)),
        ];
        assert_eq!(
            longest_chain(&repeated, true),
            vec![(0, 1, false), (2, 2, false)]
        );
        let sequence = [
            (0, Ordinal::Number(1)),
            (1, Ordinal::Number(2)),
            (2, Ordinal::Next),
        ];
        assert_eq!(longest_chain(&sequence, true).len(), 3);
    }

    /// The definition of [`longest_chain`], run from every start.
    fn longest_chain_by_definition(items: &[(usize, Ordinal)], from_one: bool) -> Vec<Link> {
        let later = LaterNumbers::new(items);
        let mut in_a_run = vec![false; items.len()];
        let mut best: Vec<Link> = Vec::new();
        for (s, &(_, ordinal)) in items.iter().enumerate() {
            let starts = matches!(ordinal, Ordinal::Number(n) if !from_one || n == 1);
            if !starts || in_a_run[s] {
                continue;
            }
            let chain = chain_from(items, s, &later);
            for &(index, _, _) in &chain[1..] {
                if let Some(j) = items.iter().position(|&(i, _)| i == index) {
                    in_a_run[j] = true;
                }
            }
            if chain.len() > best.len() {
                best = chain;
            }
        }
        best
    }

    #[test]
    fn the_one_pass_chain_is_the_longest_chain() {
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..3000 {
            let items: Vec<(usize, Ordinal)> = (0..rng.usize(0..14))
                .map(|i| match rng.u8(0..8) {
                    0 => (i, Ordinal::Next),
                    _ => (i, Ordinal::Number(rng.u32(0..6))),
                })
                .collect();
            for from_one in [true, false] {
                assert_eq!(
                    longest_chain(&items, from_one),
                    longest_chain_by_definition(&items, from_one),
                    "{items:?} from_one {from_one}"
                );
            }
        }
    }

    #[test]
    fn many_restarting_runs_take_one_pass() {
        // 100,000 items counting 1..9 over and over: one pass, not one scan per restart.
        let items: Vec<(usize, Ordinal)> = (0..100_000)
            .map(|i| (i, Ordinal::Number(i as u32 % 9 + 1)))
            .collect();
        let chain = longest_chain(&items, true);
        assert_eq!(chain.len(), 9);
        assert_eq!(chain[0], (0, 1, false));
    }

    #[test]
    fn heading_lines_without_numbers() {
        let text = "把握正确方向\n人大工作必须坚持正确政治方向，始终在党的领导下依法履职，做到党委有部署、人大有行动。\n提升履职质效\n要聚焦中心大局，综合运用执法检查、专题询问等监督方式，推动解决一批突出问题。";
        let top = top_level(text, &lines(text));
        assert_eq!(
            summary(text, &top.heads),
            vec![(1, "把握正确方向".into()), (2, "提升履职质效".into())]
        );
    }

    #[test]
    fn lead_sentences_of_articles() {
        let text = "人大制度是根本政治制度，是支撑国家治理体系的制度安排，意义重大而深远。\n坚守政治方向，始终坚持党的领导。理论上清醒，政治上才能坚定，行动上才能自觉，要把党的领导贯穿人大工作全过程各方面。\n厚植为民情怀，切实回应群众期盼。人大代表来自人民，要把群众呼声带上来，把党和政府的声音传下去，办好民生实事。";
        let top = top_level(text, &lines(text));
        assert_eq!(top.heads.len(), 2);
        assert_eq!(
            &text[top.heads[1].heading.clone()],
            "厚植为民情怀，切实回应群众期盼"
        );
    }

    #[test]
    fn parts_spread_over_the_text_outrank_a_later_list() {
        let text = "（一）关于经济形势\n去年经济发展很好。生产建设都有进展，人民生活继续改善，各方面形势令人鼓舞。\n经济发展中也有一些问题，需要认真对待，采取措施逐步加以解决，保持良好势头。\n（二）关于体制改革\n今年改革的主要措施是：\n一、调整农产品收购价格；\n二、适当提高短途运价；\n三、拉开质量差价。\n这个方案积极稳妥。";
        let top = top_level(text, &lines(text));
        assert_eq!(
            summary(text, &top.heads),
            vec![(1, "关于经济形势".into()), (2, "关于体制改革".into())]
        );
    }

    #[test]
    fn unnumbered_parts_stand_beside_one_numbered_run() {
        let text = "现在，我代表县政府报告工作，请予审议。\n过去一年工作回顾\n过去一年，全县经济运行稳中有进，各项社会事业全面发展，人民生活持续改善，目标任务顺利完成。\n同时也要看到，发展中还存在不少困难和问题，我们将采取有力措施认真加以解决。\n今年重点工作\n今年政府工作的总体要求是坚持稳中求进，全力推动高质量发展，重点抓好以下工作。\n一、扩大有效需求。要提振消费，扩大投资，稳住经济增长的基本盘。\n二、建设产业体系。要推动传统产业升级，培育新兴产业，增强发展后劲。";
        let top = top_level(text, &lines(text));
        assert!(!top.above_numbers);
        assert_eq!(
            summary(text, &top.heads),
            vec![
                (1, "过去一年工作回顾".into()),
                (2, "今年重点工作".into()),
                (1, "扩大有效需求".into()),
                (2, "建设产业体系".into())
            ]
        );
        let addressed = text.replace("现在，我代表县政府报告工作，请予审议。", "各位代表：");
        let top = top_level(&addressed, &lines(&addressed));
        assert_eq!(top.heads.len(), 4, "a part heading may follow the address");
    }

    #[test]
    fn unnumbered_parts_hold_the_runs_they_restart() {
        let text = "现在，我代表县政府报告工作，请予审议。\n过去一年工作回顾\n过去一年，全县经济运行稳中有进，各项社会事业全面发展，人民生活持续改善，目标任务顺利完成。\n一、经济运行稳中有进。全年地区生产总值增长百分之五，财政收入稳步增长，发展质量持续提升。\n二、民生保障更加有力。新增城镇就业四千人，教育医疗养老服务水平不断提高。\n今年重点工作\n今年政府工作的总体要求是坚持稳中求进，全力推动高质量发展，重点抓好以下工作。\n一、扩大有效需求。要提振消费，扩大投资，稳住经济增长的基本盘。\n二、建设产业体系。要推动传统产业升级，培育新兴产业，增强发展后劲。";
        let top = top_level(text, &lines(text));
        assert!(top.above_numbers);
        assert_eq!(
            summary(text, &top.heads),
            vec![(1, "过去一年工作回顾".into()), (2, "今年重点工作".into())]
        );
        let pieces = lines(text);
        let second = &pieces[6..];
        let subs = sub_level(text, second, &[Kind::HeadingLine], false);
        assert_eq!(subs.len(), 2);
        assert_eq!(subs[0].kind, Kind::Numbered(Family::Dun));
    }

    #[test]
    fn a_heading_line_between_two_numbered_parts_is_inside_one() {
        let text = "过去一年工作回顾\n过去一年，全县经济运行稳中有进，各项社会事业全面发展，人民生活持续改善，目标任务顺利完成。\n一、扩大有效需求。要提振消费，扩大投资，稳住经济增长的基本盘。\n重点项目建设\n全年实施重点项目六十个，完成投资八十亿元，一批项目建成投产，发挥效益。\n二、建设产业体系。要推动传统产业升级，培育新兴产业，增强发展后劲。";
        let top = top_level(text, &lines(text));
        assert!(!top.above_numbers);
        assert_eq!(top.heads.len(), 2);
    }

    #[test]
    fn lines_broken_off_and_asides_are_no_headings() {
        let text = "|今年是我国与\n“民有所呼，我有所应”\n代表建议如何落地？\n坚持人民至上";
        let pieces = lines(text);
        let is_heading = |i: usize| is_heading_line(text, &pieces[i]);
        assert!(!is_heading(1), "a quotation");
        assert!(!is_heading(2), "a question");
        assert!(is_heading(3));
        let broken = "今年是我国与";
        assert!(!is_heading_line(broken, &(0..broken.len())));
    }

    #[test]
    fn a_dash_led_run_is_the_parts_only_before_the_peroration() {
        let run = "同志们：今天我讲几点意见。\n——坚持党的领导。要把党的领导贯穿始终。\n——坚持人民至上。要倾听群众呼声。\n";
        let closing = format!("{run}同志们，让我们团结奋斗，为完成各项任务而努力奋斗！");
        let top = top_level(&closing, &lines(&closing));
        assert_eq!(
            summary(&closing, &top.heads),
            vec![(1, "坚持党的领导".into()), (2, "坚持人民至上".into())]
        );
        let more = format!("{run}此外，还要做好其他各项工作，抓好工作落实，确保取得实效。");
        assert!(top_level(&more, &lines(&more)).heads.is_empty());
    }

    #[test]
    fn sub_levels_restart_at_one_and_skip_families_above() {
        let text = "一、坚持党的领导。\n（一）把牢方向。内容。\n（二）强化统领。内容。\n1.要点。";
        let pieces = lines(text);
        let subs = sub_level(text, &pieces, &[Kind::Numbered(Family::Dun)], false);
        assert_eq!(subs.len(), 2);
        assert_eq!(subs[0].kind, Kind::Numbered(Family::ParenHan));
    }
}
