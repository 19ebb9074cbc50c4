//! Parser and serializer throughput.
//!
//! ```text
//! cargo bench --bench parse -- --warm-up-time 1 --measurement-time 3
//! cargo bench --bench parse -- 'parse/'        # one group
//! cargo bench --bench parse -- 'stage/'        # each stage of a parse alone
//! ```
//!
//! Inputs: every seed under `seeds/`, and a ~100 KB document made of the seeds one after the
//! other, the second round with its lines in reverse order (so the parser cannot shortcut
//! on repeated structure). Parse and serialization throughput is reported in bytes of input
//! text, so criterion prints MB/s; validation in documents per second.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use jianghua::text::SourceText;
use jianghua::validate::{validate_json, DocumentError, Report};
use jianghua::{parse_bytes, ParseOptions, Speech};

use common::{large, seeds, Input};

mod common;

fn inputs() -> Vec<Input> {
    let mut inputs = seeds();
    assert!(!inputs.is_empty(), "no seeds under seeds/");
    let large = large(&inputs);
    inputs.push(large);
    inputs
}

fn parse(bytes: &[u8]) -> Speech {
    match parse_bytes(bytes, &ParseOptions::default()) {
        Ok(speech) => speech,
        Err(e) => panic!("benchmark input does not decode: {e}"),
    }
}

/// Bytes → model.
fn bench_parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    for input in inputs() {
        group.throughput(Throughput::Bytes(input.bytes.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(&input.name),
            &input.bytes,
            |b, bytes| b.iter(|| parse(black_box(bytes))),
        );
    }
    group.finish();
}

/// Bytes → model → JSON text: what `jianghua parse` and `convert` do per file, less the I/O.
fn bench_text_to_json(c: &mut Criterion) {
    let mut group = c.benchmark_group("text_to_json");
    for input in inputs() {
        group.throughput(Throughput::Bytes(input.bytes.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(&input.name),
            &input.bytes,
            |b, bytes| {
                b.iter(|| {
                    serde_json::to_string_pretty(&parse(black_box(bytes))).map(|json| json.len())
                })
            },
        );
    }
    group.finish();
}

/// Each stage of a parse alone, on the large document, given what the stages before it made;
/// throughput in bytes of input, so the stages' times add up to `text_to_json`'s.
fn bench_stages(c: &mut Criterion) {
    use jianghua::parse::{assemble, classify, decode, front_matter, layout, outline};
    let inputs = inputs();
    let Some(input) = inputs.last() else { return };
    let decoded = match decode::decode(&input.bytes) {
        Ok(decoded) => decoded,
        Err(e) => panic!("benchmark input does not decode: {e}"),
    };
    let source = SourceText::new(decoded.text.clone());
    let text = source.as_str();
    let lines = layout::lines(text);
    let segments = classify::classify(text, &lines);
    let meta = front_matter::extract(&source, &segments);
    let outline = outline::outline(&source, &segments);
    let options = ParseOptions::default();
    let speech = assemble::assemble(&source, &segments, meta.clone(), outline.clone(), &options);

    let mut group = c.benchmark_group("stage");
    group.throughput(Throughput::Bytes(input.bytes.len() as u64));
    group.bench_function("decode", |b| {
        b.iter(|| decode::decode(black_box(&input.bytes)).map(|d| d.text.len()))
    });
    group.bench_function("index", |b| {
        b.iter_batched(
            || decoded.text.clone(),
            |text| SourceText::new(black_box(text)).as_str().len(),
            criterion::BatchSize::SmallInput,
        )
    });
    group.bench_function("layout", |b| {
        b.iter(|| layout::lines(black_box(text)).len())
    });
    group.bench_function("classify", |b| {
        b.iter(|| classify::classify(black_box(text), &lines).len())
    });
    group.bench_function("front_matter", |b| {
        b.iter(|| front_matter::extract(black_box(&source), &segments))
    });
    group.bench_function("outline", |b| {
        b.iter(|| outline::outline(black_box(&source), &segments))
    });
    group.bench_function("assemble", |b| {
        b.iter_batched(
            || (meta.clone(), outline.clone()),
            |(meta, outline)| {
                assemble::assemble(black_box(&source), &segments, meta, outline, &options)
            },
            criterion::BatchSize::SmallInput,
        )
    });
    group.bench_function("json", |b| {
        b.iter(|| serde_json::to_string_pretty(black_box(&speech)).map(|s| s.len()))
    });
    group.finish();
}

/// Model → text in each output format, on the large document; throughput in bytes of input.
fn bench_serialize(c: &mut Criterion) {
    let inputs = inputs();
    let Some(input) = inputs.last() else { return };
    let speech = parse(&input.bytes);
    let mut group = c.benchmark_group("serialize");
    group.throughput(Throughput::Bytes(input.bytes.len() as u64));
    group.bench_function("json", |b| {
        b.iter(|| serde_json::to_string(black_box(&speech)).map(|s| s.len()))
    });
    group.bench_function("json_pretty", |b| {
        b.iter(|| serde_json::to_string_pretty(black_box(&speech)).map(|s| s.len()))
    });
    group.bench_function("xml", |b| {
        b.iter(|| jianghua::xml::to_xml(black_box(&speech)).len())
    });
    group.bench_function("akn", |b| {
        b.iter(|| jianghua::xml::to_akn(black_box(&speech)).len())
    });
    group.finish();
}

/// JSON document → report: JSON Schema and semantic rules, then also the rules that compare the
/// document with its source text; one document per iteration, so criterion prints documents/s.
fn bench_validate(c: &mut Criterion) {
    let mut group = c.benchmark_group("validate");
    group.throughput(Throughput::Elements(1));
    for input in inputs() {
        let speech = parse(&input.bytes);
        let json = match serde_json::to_vec_pretty(&speech) {
            Ok(json) => json,
            Err(e) => panic!("cannot serialize {}: {e}", input.name),
        };
        let source = SourceText::new(String::from_utf8_lossy(&input.bytes).into_owned());
        let valid = |report: Result<Report, DocumentError>| match report {
            Ok(report) => report.is_valid(),
            Err(e) => panic!("the document of {} does not read: {e}", input.name),
        };
        assert!(
            valid(validate_json(&json, Some(&source))),
            "{} is invalid",
            input.name
        );
        group.bench_with_input(
            BenchmarkId::new("schema_semantic", &input.name),
            &json,
            |b, json| b.iter(|| valid(validate_json(black_box(json), None))),
        );
        group.bench_with_input(
            BenchmarkId::new("with_source", &input.name),
            &json,
            |b, json| b.iter(|| valid(validate_json(black_box(json), Some(&source)))),
        );
    }
    group.finish();
}

criterion_group!(
    benches,
    bench_parse,
    bench_text_to_json,
    bench_stages,
    bench_serialize,
    bench_validate
);
criterion_main!(benches);
