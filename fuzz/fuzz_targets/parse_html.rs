//! Arbitrary bytes as a saved web page: charset sniffing, html5ever and the text extraction never
//! panic, and whatever the parser returns keeps the contract on the extracted text (what
//! `jianghua text` prints): every `text` is that text cut at its `span` (in characters), every
//! visible character lies in some span, and the document breaks none of the semantic rules.

#![no_main]

use libfuzzer_sys::fuzz_target;

mod contract;

fuzz_target!(|bytes: &[u8]| {
    let Ok((speech, source)) = jianghua::html::parse_page(bytes, &Default::default()) else {
        return;
    };
    let page = jianghua::html::read_page(bytes).expect("a parsed page reads");
    assert_eq!(
        page.text,
        source.as_str(),
        "`jianghua text` prints what the spans index"
    );
    let chars: Vec<char> = page.text.chars().collect();
    contract::check(&speech, &chars);
});
