//! Saved web pages: HTML → JSON beside text → JSON, on the seeds set in the test pages
//! (`tests/html/pages.rs`), and the extraction alone.
//!
//! ```text
//! cargo bench --bench html -- --warm-up-time 1 --measurement-time 3
//! ```
//!
//! Throughput is in bytes of the input each path reads (the page for HTML, the seed for text),
//! so criterion prints MB/s; `html_to_json` also costs the page's markup, which is 1.3–1.6× the
//! seed's bytes.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use jianghua::convert::{read, write, OutputForm};
use jianghua::ParseOptions;

#[path = "../tests/html/pages.rs"]
mod pages;

fn seed(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(name);
    std::fs::read_to_string(path).expect("the seed reads")
}

fn to_json(bytes: &[u8], options: &ParseOptions) -> String {
    let document = read(bytes, options).expect("the input reads");
    write(&document.speech, OutputForm::Json).expect("the document writes")
}

fn bench_html(c: &mut Criterion) {
    let options = ParseOptions::default();
    let text = seed("002_d8406d316734750d.txt");
    let mut group = c.benchmark_group("html");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("text_to_json/002", |b| {
        b.iter(|| to_json(black_box(text.as_bytes()), &options))
    });
    for layout in pages::LAYOUTS {
        let page = pages::page_bytes(&text, layout);
        let name = format!("{layout:?}").to_lowercase();
        group.throughput(Throughput::Bytes(page.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("html_to_json/002", &name),
            &page,
            |b, page| b.iter(|| to_json(black_box(page), &options)),
        );
        group.bench_with_input(BenchmarkId::new("extract/002", &name), &page, |b, page| {
            b.iter(|| jianghua::html::read_page(black_box(page)).expect("the page reads"))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_html);
criterion_main!(benches);
