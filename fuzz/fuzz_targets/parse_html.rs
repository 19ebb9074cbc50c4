//! Arbitrary bytes as a saved web page: charset sniffing, html5ever and the text extraction never
//! panic, and whatever the parser returns keeps the contract on the extracted text (what
//! `jianghua text` prints): every `text` is that text cut at its `span` (in characters), every
//! visible character lies in some span, and the document breaks none of the semantic rules.

#![no_main]

use jianghua::validate::{self, Severity};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|bytes: &[u8]| {
    let Ok((speech, source)) = jianghua::html::parse_page(bytes, &Default::default()) else {
        return;
    };
    let page = jianghua::html::read_page(bytes).expect("a parsed page reads");
    assert_eq!(page.text, source.as_str(), "`jianghua text` prints what the spans index");
    let chars: Vec<char> = page.text.chars().collect();

    let document = serde_json::to_value(&speech).expect("a document serializes");
    let mut covered = vec![false; chars.len()];
    for_each_passage(&document, &mut |text, start, end| {
        let cut = chars.get(start..end).expect("a span lies within the input");
        assert!(
            cut.iter().copied().eq(text.chars()),
            "span {start}..{end} cuts {:?}, text is {text:?}",
            cut.iter().collect::<String>()
        );
        covered[start..end].fill(true);
    });
    let missing: String = chars
        .iter()
        .zip(&covered)
        .filter(|&(&c, &covered)| !covered && !validate::source::is_space(c))
        .map(|(c, _)| c)
        .collect();
    assert!(missing.is_empty(), "characters in no span: {missing:?}");

    let errors: Vec<_> = validate::semantic::check(&speech)
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    assert!(
        errors.is_empty(),
        "the parser broke semantic rules: {errors:#?}"
    );
});

/// Calls `f` with the `text` and the span bounds of every object that has `text` and `span`.
fn for_each_passage(value: &Value, f: &mut impl FnMut(&str, usize, usize)) {
    match value {
        Value::Object(map) => {
            if let (Some(Value::String(text)), Some(span)) = (map.get("text"), map.get("span")) {
                let bound = |k: &str| span.get(k).and_then(Value::as_u64);
                let (Some(start), Some(end)) = (bound("start"), bound("end")) else {
                    panic!("span {span} of {text:?} has no start and end");
                };
                f(text, to_index(start), to_index(end));
            }
            map.values().for_each(|v| for_each_passage(v, f));
        }
        Value::Array(items) => items.iter().for_each(|v| for_each_passage(v, f)),
        _ => {}
    }
}

fn to_index(bound: u64) -> usize {
    usize::try_from(bound).expect("a span bound fits in usize")
}
