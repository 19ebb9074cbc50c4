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
use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use jianghua::view::{self, Entry, Overview, PageOptions};

const LARGE_BYTES: usize = 100 * 1024;

fn seeds() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|path| path.extension().is_some_and(|ext| ext == "txt"));
    paths.sort();
    paths
        .into_iter()
        .filter_map(|path| {
            let name = path.file_stem()?.to_string_lossy().into_owned();
            Some((name, std::fs::read(&path).ok()?))
        })
        .collect()
}

/// The seeds concatenated, alternately as written and with their lines reversed, to ~100 KB.
fn large(seeds: &[(String, Vec<u8>)]) -> (String, Vec<u8>) {
    let mut text = String::new();
    let mut round = 0;
    while text.len() < LARGE_BYTES && !seeds.is_empty() {
        for (_, bytes) in seeds {
            let seed = String::from_utf8_lossy(bytes);
            if round % 2 == 0 {
                text.push_str(&seed);
            } else {
                for line in seed.lines().rev() {
                    text.push_str(line);
                    text.push('\n');
                }
            }
            text.push('\n');
            if text.len() >= LARGE_BYTES {
                break;
            }
        }
        round += 1;
    }
    (format!("large_{}k", text.len() / 1024), text.into_bytes())
}

fn inputs() -> Vec<(String, Vec<u8>)> {
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
    for (name, bytes) in inputs() {
        let viewed = read(&bytes);
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(&name), &viewed, |b, viewed| {
            b.iter(|| view::render_page(black_box(viewed), &PageOptions::default()).len())
        });
    }
    group.finish();

    let mut group = c.benchmark_group("view/text_to_page");
    for (name, bytes) in inputs() {
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
        .map(|(_, bytes)| read(bytes).speech)
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
