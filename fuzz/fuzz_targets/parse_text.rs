//! Arbitrary bytes as a speech text: the parser never panics, and whatever it returns keeps the
//! contract: every `text` is the decoded input cut at its `span` (in characters), every visible
//! character lies in some span, and the document breaks none of the validator's semantic rules.

#![no_main]

use jianghua::parse::decode;
use libfuzzer_sys::fuzz_target;

mod contract;

fuzz_target!(|bytes: &[u8]| {
    let Ok(speech) = jianghua::parse_bytes(bytes, &Default::default()) else {
        return;
    };
    let decoded = decode::decode(bytes).expect("a parsed input decodes");
    let chars: Vec<char> = decoded.text.chars().collect();
    contract::check(&speech, &chars);
});
