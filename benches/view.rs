//! The HTML view: the page of a speech and the overview of a corpus.
//!
//! ```text
//! cargo bench --bench view -- --warm-up-time 1 --measurement-time 3
//! ```
//!
//! Groups: `view/page/<input>` renders the page of an already parsed document (the seeds and a
//! ~100 KB document made as `benches/parse.rs` makes its large one: the seeds one after the
//! other, every second round with its lines reversed); `view/text_to_page/<input>` parses and
//! renders, what `jianghua view speech.txt` does less the I/O; `view/overview/1000` renders the
//! `index.html` of 1,000 documents (the seeds' entries over and over, spread over ten years).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use jianghua::view::{self, Entry, Overview, PageOptions};

use common::{large, seeds, Input};

mod common;

fn inputs() -> Vec<Input> {
    let mut inputs = seeds();
    assert!(!inputs.is_empty(), "no seeds under seeds/");
    let large = large(&inputs);
    inputs.push(large);
    inputs
}

fn read(bytes: &[u8]) -> view::Viewed {
    view::read(bytes, None, None, &Default::default())
        .unwrap_or_else(|e| panic!("benchmark input does not read: {e}"))
}

fn bench_page(c: &mut Criterion) {
    let mut group = c.benchmark_group("view/page");
    for Input { name, bytes } in inputs() {
        let viewed = read(&bytes);
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(&name), &viewed, |b, viewed| {
            b.iter(|| view::render_page(black_box(viewed), &PageOptions::default()).len())
        });
    }
    group.finish();

    let mut group = c.benchmark_group("view/text_to_page");
    for Input { name, bytes } in inputs() {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(&name), &bytes, |b, bytes| {
            b.iter(|| view::render_page(&read(black_box(bytes)), &PageOptions::default()).len())
        });
    }
    group.finish();
}

fn bench_overview(c: &mut Criterion) {
    let speeches: Vec<_> = seeds()
        .iter()
        .map(|seed| read(&seed.bytes).speech)
        .collect();
    let entries: Vec<Entry> = (0..1000)
        .map(|i| {
            let mut entry = Entry::of(
                &speeches[i % speeches.len()],
                format!("{i}.txt"),
                format!("{i}.txt.html"),
            );
            entry.year = Some(2015 + (i % 10) as i32);
            entry
        })
        .collect();
    let overview = Overview {
        entries,
        failures: Vec::new(),
    };
    let mut group = c.benchmark_group("view/overview");
    group.throughput(Throughput::Elements(1000));
    group.bench_function("1000", |b| b.iter(|| black_box(&overview).render().len()));
    group.finish();
}

criterion_group!(benches, bench_page, bench_overview);
criterion_main!(benches);
