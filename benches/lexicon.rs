//! Doctrines and themes on a ~100 KB text made of the seeds, concatenated until large enough;
//! and the word lists of the gazetteer and the theme lexicon searched alone by each kind of
//! automaton that could hold them (`automaton/…`), to show what a dictionary pass costs.
//!
//!     cargo bench --bench lexicon
//!     cargo bench --bench lexicon -- 'automaton/'

use std::hint::black_box;
use std::ops::Range;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use jianghua::model::{Passage, Section, Span};
use jianghua::text::SourceText;

const TARGET_BYTES: usize = 100 * 1024;

fn corpus() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut seeds: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    seeds.sort();
    let texts: Vec<String> = seeds
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let mut text = String::new();
    while text.len() < TARGET_BYTES {
        for t in &texts {
            text.push_str(t);
            text.push('\n');
        }
    }
    text
}

/// The non-blank lines, as the body regions the parser hands over.
fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            out.push(start + lead..start + lead + trimmed.len());
        }
        start += line.len();
    }
    out
}

/// Every line a section whose heading is its first sentence, whatever the outline stage does.
fn speech_with_sections(text: &str) -> jianghua::Speech {
    let mut speech = jianghua::parse_str(String::new(), &Default::default());
    speech.sections = lines(text)
        .into_iter()
        .enumerate()
        .map(|(i, range)| {
            let line = &text[range];
            let heading = line.split('。').next().unwrap_or(line);
            Section {
                ordinal: u32::try_from(i + 1).unwrap_or(u32::MAX),
                marker: None,
                heading: heading.to_owned(),
                heading_span: Span::default(),
                themes: Vec::new(),
                paragraphs: vec![Passage {
                    text: line.to_owned(),
                    span: Span::default(),
                }],
                directives: Vec::new(),
                subsections: Vec::new(),
                span: Span::default(),
            }
        })
        .collect();
    speech
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let source = SourceText::new(text.clone());
    let regions = lines(&text);
    let speech = speech_with_sections(&text);
    // Build the lazily compiled lexicons before measuring.
    jianghua::doctrines::extract(&source, &regions, None);

    let mut group = c.benchmark_group("lexicon");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("doctrines_100kb", |b| {
        b.iter(|| jianghua::doctrines::extract(black_box(&source), black_box(&regions), None))
    });
    group.bench_function("themes_100kb", |b| {
        b.iter_batched_ref(
            || speech.clone(),
            |s| jianghua::themes::assign(black_box(s)),
            criterion::BatchSize::LargeInput,
        )
    });
    group.bench_function("doctrines_and_themes_100kb", |b| {
        b.iter_batched_ref(
            || speech.clone(),
            |s| {
                s.doctrines = jianghua::doctrines::extract(&source, &regions, None);
                jianghua::themes::assign(black_box(s))
            },
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

/// The fields in `columns` of the data lines of `data/<file>`, non-empty, each once, sorted.
fn words(file: &str, columns: &[usize]) -> Vec<String> {
    let path = format!("{}/data/{file}", env!("CARGO_MANIFEST_DIR"));
    let table = std::fs::read_to_string(path).expect("data/ is readable");
    let mut words: Vec<String> = table
        .lines()
        .filter(|line| !line.starts_with('#'))
        .flat_map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            columns
                .iter()
                .filter_map(move |&c| fields.get(c).map(|f| f.to_string()))
        })
        .filter(|word| !word.is_empty())
        .collect();
    words.sort();
    words.dedup();
    words
}

/// One leftmost-longest pass over the text with each kind of automaton: the crate's
/// `Dictionary` (daachorse, character-wise), daachorse byte-wise, and aho-corasick's DFA and
/// contiguous NFA. Matches counted, so each does the whole walk.
fn bench_automata(c: &mut Criterion) {
    use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
    use daachorse::DoubleArrayAhoCorasick;
    use jianghua::dictionary::Dictionary;

    let text = corpus();
    let lists = [
        ("division_names", words("divisions.tsv", &[1, 2])),
        ("theme_keywords", words("themes.tsv", &[1])),
    ];
    let mut group = c.benchmark_group("automaton");
    group.throughput(Throughput::Bytes(text.len() as u64));
    for (name, words) in &lists {
        let Ok(charwise) = Dictionary::new(words) else {
            continue;
        };
        group.bench_function(format!("{name}/daachorse_charwise"), |b| {
            b.iter(|| charwise.find_iter(black_box(&text)).count())
        });
        let bytewise: Result<DoubleArrayAhoCorasick<u32>, _> =
            daachorse::DoubleArrayAhoCorasickBuilder::new()
                .match_kind(daachorse::MatchKind::LeftmostLongest)
                .build(words);
        if let Ok(bytewise) = bytewise {
            group.bench_function(format!("{name}/daachorse_bytewise"), |b| {
                b.iter(|| bytewise.leftmost_find_iter(black_box(&text)).count())
            });
        }
        for (kind_name, kind) in [
            ("aho_corasick_dfa", AhoCorasickKind::DFA),
            (
                "aho_corasick_contiguous_nfa",
                AhoCorasickKind::ContiguousNFA,
            ),
        ] {
            let Ok(automaton) = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(kind))
                .build(words)
            else {
                continue;
            };
            group.bench_function(format!("{name}/{kind_name}"), |b| {
                b.iter(|| automaton.find_iter(black_box(&text)).count())
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench, bench_automata);
criterion_main!(benches);
