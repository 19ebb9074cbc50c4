//! Government web pages of our own making, built around a speech text: navigation, breadcrumbs,
//! a share bar, related links, a sidebar and a footer with 版权所有 and an ICP number, in the
//! layouts scraped pages come in. Shared by the HTML tests and benchmarks.

// Each crate that includes this file uses its own subset.
#![allow(dead_code)]

use jianghua::model::FrontMatterKind;

/// How the speech's paragraphs are laid out in the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Every paragraph its own `<p>`, all in one `<div>` (a CMS editor's output), UTF-8.
    Paragraphs,
    /// Paragraphs separated by `<br>`, indented with `&nbsp;`, GBK with a `<meta>` charset.
    Breaks,
    /// An old site's table layout: a row a paragraph in the content cell, UTF-8.
    Table,
}

/// Every layout.
pub const LAYOUTS: [Layout; 3] = [Layout::Paragraphs, Layout::Breaks, Layout::Table];

/// A page holding `speech` (a seed text), encoded as the layout says.
pub fn page_bytes(speech: &str, layout: Layout) -> Vec<u8> {
    let markup = page(speech, layout);
    match layout {
        Layout::Breaks => encoding_rs::GBK.encode(&markup).0.into_owned(),
        Layout::Paragraphs | Layout::Table => markup.into_bytes(),
    }
}

/// The markup of a page holding `speech`.
pub fn page(speech: &str, layout: Layout) -> String {
    let titles = title_lines(speech);
    let lines: Vec<&str> = speech
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect();
    let title = titles
        .first()
        .cloned()
        .unwrap_or_else(|| "领导讲话".to_owned());
    let body = match layout {
        Layout::Paragraphs => paragraphs(&lines, &titles),
        Layout::Breaks => breaks(&lines, &titles),
        Layout::Table => table(&lines, &titles),
    };
    let charset = match layout {
        Layout::Breaks => {
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">".to_owned()
        }
        Layout::Paragraphs | Layout::Table => "<meta charset=\"utf-8\">".to_owned(),
    };
    let content = match layout {
        Layout::Table => format!(
            "<table class=\"layout\" width=\"980\"><tr><td class=\"left-side\" width=\"240\">{SIDEBAR}</td>\
             <td class=\"content\">{ARTICLE_HEAD}<table class=\"zw\">{body}</table>{ARTICLE_TAIL}</td></tr></table>"
        ),
        _ => format!(
            "<div class=\"main clearfix\"><div class=\"article\">{ARTICLE_HEAD}\
             <div class=\"TRS_Editor\">\n{body}\n</div>{ARTICLE_TAIL}</div>\n{SIDEBAR}</div>"
        ),
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n{charset}\n<title>{title}_平安市人大常委会</title>\n\
         <meta name=\"keywords\" content=\"人大,讲话\">\n<meta name=\"SiteName\" content=\"平安市人大常委会\">\n<link rel=\"stylesheet\" href=\"/css/style.css\">\n\
         <style>.nav li{{float:left}} p{{text-indent:2em}}</style>\n\
         <script type=\"text/javascript\">var channel = '<p>领导讲话</p>'; if (a < b && c > d) {{}}</script>\n\
         </head>\n<body>\n{HEADER}\n{BREADCRUMB}\n{content}\n{FOOTER}\n\
         <script>var _hmt = _hmt || [];</script>\n</body>\n</html>\n"
    )
}

/// The lines of the seed that its parse takes for the title.
fn title_lines(speech: &str) -> Vec<String> {
    let parsed = jianghua::parse_str(speech.to_owned(), &Default::default());
    parsed
        .front_matter
        .iter()
        .filter(|block| block.kind == FrontMatterKind::Title)
        .map(|block| block.text.clone())
        .collect()
}

fn is_title(line: &str, titles: &[String]) -> bool {
    titles.iter().any(|title| title == line.trim())
}

/// Text with `<`, `>` and `&` escaped, as an editor saves it.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn paragraphs(lines: &[&str], titles: &[String]) -> String {
    lines
        .iter()
        .map(|line| match is_title(line, titles) {
            true => format!("<h1 class=\"title\">{}</h1>", escape(line.trim())),
            false => format!("<p style=\"text-indent: 2em;\">{}</p>", escape(line.trim())),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn breaks(lines: &[&str], titles: &[String]) -> String {
    lines
        .iter()
        .map(|line| match is_title(line, titles) {
            true => format!(
                "<div align=\"center\"><b><font size=\"4\">{}</font></b></div>",
                escape(line.trim())
            ),
            false => format!("&nbsp;&nbsp;&nbsp;&nbsp;{}<br>\n<br>", escape(line.trim())),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn table(lines: &[&str], titles: &[String]) -> String {
    lines
        .iter()
        .map(|line| match is_title(line, titles) {
            true => format!(
                "<tr><td align=\"center\" class=\"bt\"><strong>{}</strong></td></tr>",
                escape(line.trim())
            ),
            false => format!(
                "<tr><td class=\"zw-p\">\u{3000}\u{3000}{}</td></tr>",
                escape(line.trim())
            ),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

const HEADER: &str = "<div class=\"header\"><div class=\"logo\"><a href=\"/\"><img src=\"/images/logo.png\" alt=\"平安市人大常委会\"></a></div>\
<div class=\"top-search\"><form action=\"/search\"><input type=\"text\" name=\"q\" placeholder=\"请输入关键词\"><button>搜索</button></form></div>\
<ul class=\"nav-menu\"><li><a href=\"/\">首页</a></li><li><a href=\"/rdgk/\">人大概况</a></li><li><a href=\"/rdyw/\">人大要闻</a></li>\
<li><a href=\"/ldjh/\">领导讲话</a></li><li><a href=\"/lfgz/\">立法工作</a></li><li><a href=\"/jdgz/\">监督工作</a></li>\
<li><a href=\"/dbgz/\">代表工作</a></li><li><a href=\"/llyj/\">理论研究</a></li></ul></div>";

const BREADCRUMB: &str = "<div class=\"breadcrumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/ldjh/\">领导讲话</a> &gt; 正文</div>";

const ARTICLE_HEAD: &str = "<div class=\"article-tools\">【字体：<a href=\"#\">大</a> <a href=\"#\">中</a> <a href=\"#\">小</a>】 <a href=\"javascript:window.print()\">打印本页</a></div>";

const ARTICLE_TAIL: &str = "\n<div class=\"bdsharebuttonbox share\">分享到：<a class=\"bds_weixin\">微信</a><a class=\"bds_tsina\">微博</a><a class=\"bds_qzone\">QQ空间</a></div>\
<div class=\"related\"><h3>相关文章</h3><ul><li><a href=\"/a/1.html\">市人大常委会党组召开理论学习中心组学习会</a></li>\
<li><a href=\"/a/2.html\">市人大常委会召开第十二次会议</a></li><li><a href=\"/a/3.html\">我市召开代表联络站建设现场推进会</a></li></ul></div>";

const SIDEBAR: &str = "<div class=\"sidebar\"><h3>专题专栏</h3><ul><li><a href=\"/zt/1/\">学习贯彻党的二十大精神</a></li>\
<li><a href=\"/zt/2/\">全过程人民民主基层实践</a></li><li><a href=\"/zt/3/\">代表风采</a></li></ul>\
<h3>友情链接</h3><ul><li><a href=\"http://www.npc.gov.cn\">中国人大网</a></li><li><a href=\"#\">省人大常委会</a></li></ul></div>";

const FOOTER: &str = "<div class=\"footer\"><p><a href=\"/about\">关于我们</a> | <a href=\"/map\">网站地图</a> | <a href=\"/contact\">联系我们</a></p>\
<p>版权所有：平安市人民代表大会常务委员会办公室　地址：平安市人民路1号　邮编：467000</p>\
<p>网站标识码：4104000001　<a href=\"https://beian.miit.gov.cn\">豫ICP备05001234号</a>　<img src=\"/images/gh.png\">豫公网安备 41040202000123号</p></div>";
