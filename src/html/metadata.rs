//! What a page says about itself outside its text: the `<meta>` tags of its head (the site,
//! source and author tags of Chinese government sites, Open Graph, `author`), its canonical
//! link, and the link named 原文链接. They fill `meta.source` where the text says nothing.

use scraper::node::Element;
use scraper::{Html, Node};

use crate::model::Source;

/// `<meta>` names and properties, by the field they fill, most specific first.
const SITE: &[&str] = &["sitename", "og:site_name", "application-name"];
const AUTHOR: &[&str] = &["author", "article:author", "og:article:author"];
const ORIGIN: &[&str] = &["contentsource", "source"];
const URL: &[&str] = &["url", "og:url"];

/// The source the page's head and links declare (published dates are left to the text: a
/// date in the model has a span, and a `<meta>` is not in the text).
pub fn declared_source(page: &Html) -> Source {
    let metas: Vec<(String, &str)> = page
        .tree
        .values()
        .filter_map(|node| match node {
            Node::Element(element) if element.name() == "meta" => meta_pair(element),
            _ => None,
        })
        .collect();
    let find = |names: &[&str]| {
        names.iter().find_map(|name| {
            metas
                .iter()
                .find(|(key, value)| key == name && !value.trim().is_empty())
                .map(|(_, value)| value.trim().to_owned())
        })
    };
    Source {
        site: find(SITE),
        url: original_link(page)
            .or_else(|| find(URL))
            .or_else(|| canonical(page)),
        published: None,
        origin: find(ORIGIN),
        author: find(AUTHOR),
    }
}

/// A `<meta>`'s name (or Open Graph property), lowercase, and its content.
fn meta_pair(meta: &Element) -> Option<(String, &str)> {
    let key = meta.attr("name").or_else(|| meta.attr("property"))?;
    Some((key.trim().to_ascii_lowercase(), meta.attr("content")?))
}

/// The `href` of `<link rel="canonical">`.
fn canonical(page: &Html) -> Option<String> {
    page.tree.values().find_map(|node| match node {
        Node::Element(link)
            if link.name() == "link"
                && link
                    .attr("rel")
                    .is_some_and(|rel| rel.eq_ignore_ascii_case("canonical")) =>
        {
            link.attr("href").map(|href| href.trim().to_owned())
        }
        _ => None,
    })
}

/// The `href` of a link whose text names the original (原文链接, 原文地址, 查看原文).
fn original_link(page: &Html) -> Option<String> {
    page.tree.nodes().find_map(|node| {
        let Node::Element(link) = node.value() else {
            return None;
        };
        let href = link.attr("href").filter(|_| link.name() == "a")?;
        let text: String = node
            .descendants()
            .filter_map(|d| d.value().as_text().map(|t| t.to_string()))
            .collect();
        let named = ["原文链接", "原文地址", "查看原文", "阅读原文"]
            .iter()
            .any(|name| text.contains(name));
        (named && href.starts_with("http")).then(|| href.trim().to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_government_page_declares_its_site_source_and_author() {
        let page = Html::parse_document(
            "<head><meta name=\"SiteName\" content=\"平安市人大常委会\">\
             <meta name=\"ContentSource\" content=\"平安日报\"><meta name=\"author\" content=\"李明\">\
             <link rel=\"canonical\" href=\"https://rd.example.gov.cn/a/1.html\"></head>\
             <body><p>正文</p></body>",
        );
        let source = declared_source(&page);
        assert_eq!(source.site.as_deref(), Some("平安市人大常委会"));
        assert_eq!(source.origin.as_deref(), Some("平安日报"));
        assert_eq!(source.author.as_deref(), Some("李明"));
        assert_eq!(
            source.url.as_deref(),
            Some("https://rd.example.gov.cn/a/1.html")
        );
    }

    #[test]
    fn the_original_link_gives_the_url() {
        let page = Html::parse_document(
            "<meta property=\"og:url\" content=\"https://copy.example.com/1\">\
             <p><a href=\"https://www.npc.gov.cn/npc/c1.html\"><span>原文链接</span></a></p>",
        );
        assert_eq!(
            declared_source(&page).url.as_deref(),
            Some("https://www.npc.gov.cn/npc/c1.html")
        );
        assert_eq!(
            declared_source(&Html::parse_document("<p>x")),
            Source::default()
        );
    }
}
