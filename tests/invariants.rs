//! The contract's promises, checked on every seed and every file under `tests/inputs/`:
//! every `text` is exactly `input[span]`, every visible character lies in some span, numbers
//! count up, and the spans of parts nest inside the parts that hold them.

mod common;

use std::path::Path;

use common::{check_fidelity_and_coverage, check_structure, corpus, parse};
use jianghua::model::{Directive, Span};

#[test]
fn every_input_keeps_the_contract() {
    let files = corpus();
    assert!(files.len() >= 5, "the corpus is missing: {files:?}");
    let mut failures = Vec::new();
    for path in &files {
        let (chars, speech) = parse(path);
        let mut problems = Vec::new();
        check_fidelity_and_coverage(&chars, &speech, &mut problems);
        check_structure(&speech, &mut problems);
        failures.extend(
            problems
                .into_iter()
                .map(|p| format!("{}: {p}", path.display())),
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_checks_catch_broken_documents() {
    let (chars, mut speech) = parse(Path::new("seeds/003_2af99a9e1bdd1e35.txt"));
    speech.closing.clear();
    if let Some(section) = speech.sections.get_mut(1) {
        section.paragraphs[0].span.start += 1;
        section.directives.push(Directive {
            ordinal: 1,
            marker: "一是".into(),
            heading: String::new(),
            text: String::new(),
            span: Span::new(0, 0),
            themes: Vec::new(),
        });
    }
    let mut problems = Vec::new();
    check_fidelity_and_coverage(&chars, &speech, &mut problems);
    check_structure(&speech, &mut problems);
    let said = |needle: &str| problems.iter().any(|p| p.contains(needle));
    assert!(said("characters in no span"), "{problems:?}");
    assert!(said("cuts"), "{problems:?}");
    assert!(said("is outside section 2"), "{problems:?}");
}

mod generated {
    use super::*;
    use proptest::prelude::*;

    /// Pieces that speeches are made of: markers in every family, sentence ends, addresses,
    /// perorations, appendix openings, line breaks and spaces.
    const PIECES: &[&str] = &[
        "一、",
        "二、",
        "三、",
        "（一）",
        "（二）",
        "(三)",
        "1.",
        "２．",
        "（1）",
        "第一，",
        "第二,",
        "第三，",
        "一是",
        "二是要",
        "三是",
        "一要",
        "二要",
        "三要",
        "首先，",
        "其次，",
        "最后，",
        "同志们：",
        "各位代表、同志们，",
        "下面，我讲三点意见。",
        "加强监督",
        "坚持党的领导",
        "依法履职",
        "，",
        "。",
        "；",
        "！",
        "“",
        "”",
        "让我们而努力奋斗！",
        "谢谢大家！",
        "名词解释",
        "注：",
        "\n",
        "\n\n",
        " ",
        "\u{3000}",
        "a1",
        "é",
    ];

    fn speech_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(PIECES), 0..120).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]
        #[test]
        fn any_text_keeps_the_contract(text in speech_text()) {
            let speech = jianghua::parse_str(text.clone(), &Default::default());
            let problems = common::contract_problems(&text, &speech);
            prop_assert!(problems.is_empty(), "{:?}\n{}", problems, text);
        }
    }
}
