//! The contract every parse keeps, checked by the fuzz targets that parse: every `text` is the
//! text the spans index cut at its `span` (in characters), every visible character lies in some
//! span, and the document breaks none of the validator's semantic rules.

use jianghua::validate::{self, Severity};
use jianghua::Speech;
use serde_json::Value;

/// Panics where `speech`, parsed into `chars`, breaks the contract.
pub fn check(speech: &Speech, chars: &[char]) {
    let document = serde_json::to_value(speech).expect("a document serializes");
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

    let errors: Vec<_> = validate::semantic::check(speech)
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    assert!(
        errors.is_empty(),
        "the parser broke semantic rules: {errors:#?}"
    );
}

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
