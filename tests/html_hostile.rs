//! Hostile pages: the HTML path never panics, never recurses per level of nesting, and refuses
//! binary with the same error as a text.

use jianghua::parse::DecodeError;
use jianghua::ParseOptions;

fn parse(bytes: &[u8]) -> Result<jianghua::Speech, DecodeError> {
    jianghua::html::parse_page(bytes, &ParseOptions::default()).map(|(speech, _)| speech)
}

#[test]
fn ten_thousand_deep_nesting() {
    for tag in ["div", "b", "table", "p", "li", "font", "a"] {
        let page = format!(
            "<html><body>{}<p>同志们：</p>{}</body></html>",
            format!("<{tag}>").repeat(10_000),
            format!("</{tag}>").repeat(10_000)
        );
        let speech = parse(page.as_bytes()).unwrap_or_else(|e| panic!("{tag}: {e}"));
        assert_eq!(
            speech.salutation.map(|s| s.text).as_deref(),
            Some("同志们"),
            "{tag}"
        );
    }
}

#[test]
fn ten_thousand_unclosed_tags() {
    let page = "<div><span><p><table><tr><td>讲话".repeat(10_000);
    let text = jianghua::html::read_page(page.as_bytes()).unwrap().text;
    assert_eq!(text.matches("讲话").count(), 10_000);
}

#[test]
fn unclosed_and_broken_markup_is_read_as_a_browser_reads_it() {
    let page = "<!DOCTYPE html><html><body><div><p>同志们：<p>一、坚持党的领导。<b>要<i>加强</b>立法</i>。\
                <script>never closed";
    let text = jianghua::html::read_page(page.as_bytes()).unwrap().text;
    assert_eq!(text, "同志们：\n\n一、坚持党的领导。要加强立法。\n");
    for broken in [
        "<",
        "<p",
        "<p>",
        "</p>",
        "<!--",
        "<!DOCTYPE",
        "<p <p <p",
        "&#xFFFFFFFF;",
        "<td>",
    ] {
        assert!(parse(broken.as_bytes()).is_ok(), "{broken}");
    }
}

#[test]
fn binary_in_a_page_is_refused_like_binary_in_a_text() {
    let page = b"<html><body><p>\xE8\xAE\xB2\xE8\xAF\x9D</p>\x00\x01\x02PK\x03\x04</body></html>";
    assert!(matches!(parse(page), Err(DecodeError::Binary { .. })));
    let undecodable = b"<html><body><p>\xFF\xFF\xFE\x80</p></body></html>";
    assert!(parse(undecodable).is_err());
}

#[test]
fn a_large_page_is_read_in_linear_time() {
    // 5 MB here, in the debug build; the 50 MB figure is in BENCHMARKS.md.
    let paragraph = "<p>各级人大及其常委会要加强对全局性工作的研究，紧跟中央和省委决策部署。</p>\n";
    let page = format!(
        "<html><body><div>{}</div></body></html>",
        paragraph.repeat(5_000_000 / paragraph.len())
    );
    let started = std::time::Instant::now();
    let text = jianghua::html::read_page(page.as_bytes()).unwrap().text;
    assert!(text.len() > 3_000_000);
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

mod random {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn any_markup_of_tags_and_text_parses(parts in proptest::collection::vec(
            prop_oneof![
                Just("<p>"), Just("</p>"), Just("<div class=nav>"), Just("</div>"), Just("<br>"),
                Just("<pre>"), Just("</pre>"), Just("<script>"), Just("</script>"), Just("<!--"),
                Just("-->"), Just("<table><tr><td>"), Just("</footer>"), Just("<footer>"),
                Just("一、"), Just("同志们："), Just("讲话"), Just("\n"), Just(" "), Just("&nbsp;"),
                Just("&#12290;"), Just("<meta charset=gbk>"), Just("\u{3000}"),
            ],
            0..60,
        )) {
            let page = format!("<html>{}", parts.concat());
            let (speech, source) =
                jianghua::html::parse_page(page.as_bytes(), &Default::default()).unwrap();
            let json = serde_json::to_value(&speech).unwrap();
            let mut spans = Vec::new();
            collect(&json, &mut spans);
            let chars: Vec<char> = source.as_str().chars().collect();
            for (text, start, end) in spans {
                let cut: String = chars[start..end].iter().collect();
                prop_assert_eq!(cut, text);
            }
        }
    }

    fn collect(value: &serde_json::Value, out: &mut Vec<(String, usize, usize)>) {
        match value {
            serde_json::Value::Object(map) => {
                if let (Some(serde_json::Value::String(text)), Some(span)) =
                    (map.get("text"), map.get("span"))
                {
                    let start = span["start"].as_u64().unwrap() as usize;
                    let end = span["end"].as_u64().unwrap() as usize;
                    out.push((text.clone(), start, end));
                }
                map.values().for_each(|v| collect(v, out));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| collect(v, out)),
            _ => {}
        }
    }
}
