//! How parse time grows with the input: each group parses inputs of growing size, so the
//! slope can be read from criterion's throughput (constant MiB/s means linear time).
//!
//! ```text
//! cargo bench --bench scaling -- --warm-up-time 1 --measurement-time 2
//! cargo bench --bench scaling -- 'scaling/markers'     # one group
//! ```
//!
//! Groups: `speech` (the seeds one after the other, 10 KB → 1 MB), `line` (one line without a
//! break, 10 KB → 1 MB), `markers` (one section marker a line, 1,000 → 100,000 lines) and
//! `directives` (two sections whose paragraphs each count 一是 … 九是, 1,000 → 100,000 points).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use jianghua::{parse_bytes, ParseOptions};

mod common;

/// The seeds one after the other.
fn speech() -> String {
    common::seeds()
        .iter()
        .map(|seed| String::from_utf8_lossy(&seed.bytes).into_owned() + "\n")
        .collect()
}

/// `unit` repeated to at least `size` bytes, cut at a character boundary near `size`.
fn grown(unit: &str, size: usize) -> String {
    let mut text = unit.repeat(size / unit.len().max(1) + 1);
    let cut = (size..text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    text.truncate(cut);
    text
}

/// 一 … 九十九.
fn han(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match (n / 10, n % 10) {
        (0, u) => DIGITS[u].to_owned(),
        (1, u) => format!("十{}", DIGITS[u]),
        (t, u) => format!("{}十{}", DIGITS[t], DIGITS[u]),
    }
}

fn markers(lines: usize) -> String {
    (0..lines)
        .map(|i| format!("{}、加强监督。\n", han(i % 99 + 1)))
        .collect()
}

fn directives(points: usize) -> String {
    let paragraph: String = (1..=9)
        .map(|i| format!("{0}是加强第{0}项监督工作；", han(i)))
        .collect::<String>()
        + "\n";
    let half = paragraph.repeat(points / 18);
    format!("同志们：\n一、坚持党的领导\n{half}二、依法履职\n{half}")
}

const SIZES: [usize; 4] = [10_000, 100_000, 300_000, 1_000_000];
const COUNTS: [usize; 3] = [1_000, 10_000, 100_000];

fn parse(text: &str) -> usize {
    match parse_bytes(text.as_bytes(), &ParseOptions::default()) {
        Ok(speech) => speech.sections.len(),
        Err(e) => panic!("benchmark input does not decode: {e}"),
    }
}

/// Parses each input of a group, throughput in bytes.
fn group(c: &mut Criterion, name: &str, inputs: impl IntoIterator<Item = (usize, String)>) {
    let mut group = c.benchmark_group(format!("scaling/{name}"));
    group.sample_size(10);
    for (size, text) in inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
            b.iter(|| parse(black_box(text)))
        });
    }
    group.finish();
}

fn bench_scaling(c: &mut Criterion) {
    let speech = speech();
    assert!(!speech.is_empty(), "no seeds under seeds/");
    let line = "各级人大要坚持党的领导，依法履职，加强监督，推动高质量发展。";
    group(c, "speech", SIZES.map(|size| (size, grown(&speech, size))));
    group(c, "line", SIZES.map(|size| (size, grown(line, size))));
    group(c, "markers", COUNTS.map(|n| (n, markers(n))));
    group(c, "directives", COUNTS.map(|n| (n, directives(n))));
}

criterion_group!(benches, bench_scaling);
criterion_main!(benches);
