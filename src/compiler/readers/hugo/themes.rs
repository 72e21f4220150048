//! The shortcodes of the most used Hugo themes, as what they mean: Blowfish's
//! and Congo's `lead`, `button`, `badge`, `keyword`/`keywordList`,
//! `timeline`/`timelineItem` (an ordered list, dated), `gallery`, `article`
//! (a link to the page), `icon` (nothing) and `mermaid` (a code block);
//! PaperMod's `collapse` (a fold) and `rawhtml` (its HTML, sanitised later
//! like all HTML); Docsy's `tabpane`/`tab` (each tab's label, then its code
//! or text); Stack's `quote` (a quotation and its source). Their callouts
//! (`alert`, `notice`, `pageinfo`) are in `callouts.rs`. Found by
//! `shortcodes.rs`, which gives each its arguments and its inner text,
//! already expanded unless it is code.
//!
//! What is made is Markdown, or HTML blocks with a blank line before the
//! Markdown inside them so that it is still read as Markdown.

use crate::compiler::readers::callouts;
use std::borrow::Cow;

/// Theme shortcodes with an inner text, rendered by [`render`].
const PAIRED: [&str; 14] = [
    "lead",
    "button",
    "badge",
    "keyword",
    "keywordList",
    "timeline",
    "timelineItem",
    "gallery",
    "mermaid",
    "collapse",
    "rawhtml",
    "tabpane",
    "tab",
    "quote",
];

/// Where a rendering goes in the text around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// In the line, where the shortcode was.
    Inline,
    /// A fenced code block: on lines of its own.
    Fence,
    /// A block (HTML, a quotation, paragraphs): on lines of its own, a blank line after it.
    Block,
}

/// What a Docsy `tabpane` says of its tabs.
#[derive(Debug, Clone, Copy, Default)]
pub struct Pane<'a> {
    /// The code's language, for the tabs that name none.
    lang: Option<&'a str>,
    /// Tabs of text (Markdown), not code.
    text: bool,
    /// Each tab's header is its code's language.
    lang_equals_header: bool,
}

/// The name of the paired theme shortcode `name` is (case aside), if any.
pub fn paired(name: &str) -> Option<&'static str> {
    PAIRED.into_iter().find(|known| known.eq_ignore_ascii_case(name))
}

/// A lone theme shortcode: `icon` shows nothing (the theme's SVG), `article`
/// is a link to the page it names.
pub fn lone<'a>(name: &str, arg: impl Fn(&str, usize) -> Option<&'a str>) -> Option<String> {
    match name {
        "icon" => Some(String::new()),
        "article" => arg("link", 0).map(|link| markdown_link(link, link)),
        _ => None,
    }
}

/// Any other lone shortcode with an address (`url`, `href`, `link`): a link,
/// labelled by its `text`, `title`, `label`, `name` or `alt`, else the address.
pub fn link<'a>(arg: impl Fn(&str, usize) -> Option<&'a str>) -> Option<String> {
    let named = |keys: &[&str]| {
        keys.iter()
            .find_map(|key| arg(key, usize::MAX).filter(|v| !v.trim().is_empty()))
    };
    let url = named(&["url", "href", "link"])?;
    let label = named(&["text", "title", "label", "name", "alt"]).unwrap_or(url);
    Some(markdown_link(label, url))
}

/// The settings a `tabpane` gives its tabs.
pub fn pane<'a>(arg: impl Fn(&str, usize) -> Option<&'a str>) -> Pane<'a> {
    Pane {
        lang: arg("lang", usize::MAX).filter(|l| !l.is_empty()),
        text: arg("text", usize::MAX) == Some("true"),
        lang_equals_header: arg("langEqualsHeader", usize::MAX) == Some("true"),
    }
}

/// Whether a tab holds code (Docsy's, unless it or its pane says `text=true`),
/// shown as written, not Markdown.
pub fn code_tab<'a>(pane: Option<&Pane>, arg: impl Fn(&str, usize) -> Option<&'a str>) -> bool {
    pane.is_some_and(|pane| !arg("text", usize::MAX).map_or(pane.text, |t| t == "true"))
}

/// The paired theme shortcode `name` ([`paired`]) with its inner text
/// (expanded, or as written for code), and where that goes. `pane`: the
/// `tabpane` a tab is in.
pub fn render<'a>(
    name: &str,
    arg: impl Fn(&str, usize) -> Option<&'a str> + Copy,
    inner: &str,
    pane: Option<&Pane>,
) -> (String, Shape) {
    let block = |open: &str, close: &str| (wrap(open, inner, close), Shape::Block);
    match name {
        "button" => (button(arg("href", usize::MAX), inner), Shape::Inline),
        "badge" => (
            format!("<span class=\"badge\">{}</span>", one_line(inner)),
            Shape::Inline,
        ),
        "keyword" => (
            format!("<span class=\"keyword\">{}</span>", one_line(inner)),
            Shape::Inline,
        ),
        "lead" => block("<div class=\"lead\">", "</div>"),
        "gallery" => block("<div class=\"gallery\">", "</div>"),
        "keywordList" => block("<div class=\"keywords\">", "</div>"),
        "timeline" => block("<ol class=\"timeline\">", "</ol>"),
        "timelineItem" => block(&timeline_item(arg), "</li>"),
        "mermaid" => (fence("mermaid", trim_blank_lines(&dedent(inner))), Shape::Fence),
        "collapse" => {
            let summary = arg("summary", 0);
            (
                callouts::details(summary, trim_blank_lines(&dedent(inner))),
                Shape::Block,
            )
        }
        "tab" => (tab(arg, inner, pane), Shape::Block),
        "quote" => (quote(arg, inner), Shape::Block),
        // `rawhtml`'s HTML, `tabpane`'s tabs (each already made).
        _ => (trim_blank_lines(&dedent(inner)).to_string(), Shape::Block),
    }
}

/// A link styled as a button; its text alone when it has no address.
fn button(href: Option<&str>, inner: &str) -> String {
    let label = one_line(inner);
    match href.filter(|h| !h.trim().is_empty()) {
        Some(href) if label.is_empty() => format!("<a class=\"button\" href=\"{0}\">{0}</a>", escape(href)),
        Some(href) => format!("<a class=\"button\" href=\"{}\">{label}</a>", escape(href)),
        None => label,
    }
}

/// A timeline entry's opening: its header in bold, its badge (a date, most
/// often: a `<time>` when it has a digit), its subheader on a line below.
fn timeline_item<'a>(arg: impl Fn(&str, usize) -> Option<&'a str>) -> String {
    let given = |key: &str| arg(key, usize::MAX).map(str::trim).filter(|v| !v.is_empty());
    let mut head: Vec<String> = Vec::new();
    if let Some(header) = given("header") {
        head.push(format!("<strong>{}</strong>", escape(header)));
    }
    if let Some(badge) = given("badge") {
        head.push(if badge.contains(|c: char| c.is_ascii_digit()) {
            format!("<time>{}</time>", escape(badge))
        } else {
            format!("<span class=\"badge\">{}</span>", escape(badge))
        });
    }
    let mut lines = Vec::new();
    if !head.is_empty() {
        lines.push(head.join(" "));
    }
    if let Some(subheader) = given("subheader") {
        lines.push(escape(subheader));
    }
    if lines.is_empty() {
        "<li>".to_string()
    } else {
        format!("<li><p>{}</p>", lines.join("<br>"))
    }
}

/// A tab: its label, then its code (a fenced block in its language) or its text.
fn tab<'a>(arg: impl Fn(&str, usize) -> Option<&'a str> + Copy, inner: &str, pane: Option<&Pane>) -> String {
    let label = ["header", "name", "label", "title"]
        .iter()
        .find_map(|key| arg(key, usize::MAX))
        .or_else(|| arg("", 0))
        .map(str::trim)
        .filter(|l| !l.is_empty());
    let dedented = dedent(inner);
    let body = trim_blank_lines(&dedented);
    let content = match pane {
        _ if body.is_empty() => String::new(),
        Some(pane) if code_tab(Some(pane), arg) => {
            let lang = arg("lang", usize::MAX)
                .or(pane.lang)
                .or(label.filter(|_| pane.lang_equals_header))
                .unwrap_or("");
            fence(lang, body)
        }
        _ => body.to_string(),
    };
    let label = label.map(|l| {
        if l.contains(['*', '_']) {
            l.to_string()
        } else {
            format!("**{l}**")
        }
    });
    match label {
        Some(label) if content.is_empty() => label,
        Some(label) => format!("{label}\n\n{content}"),
        None => content,
    }
}

/// Stack's `quote`: the quotation, then who said it and where (`author`,
/// `source`, `url`).
fn quote<'a>(arg: impl Fn(&str, usize) -> Option<&'a str>, inner: &str) -> String {
    let given = |key: &str| arg(key, usize::MAX).map(str::trim).filter(|v| !v.is_empty());
    let dedented = dedent(inner);
    let mut lines: Vec<String> = trim_blank_lines(&dedented)
        .split('\n')
        .map(|line| match line.trim_end() {
            "" => ">".to_string(),
            line => format!("> {line}"),
        })
        .collect();
    let source = match (given("source"), given("url")) {
        (Some(source), Some(url)) => Some(format!("<cite>{}</cite>", markdown_link(source, url))),
        (Some(source), None) => Some(format!("<cite>{source}</cite>")),
        (None, Some(url)) => Some(markdown_link(url, url)),
        (None, None) => None,
    };
    let by = match (given("author"), source) {
        (Some(author), Some(source)) => Some(format!("{author}, {source}")),
        (author, source) => author.map(str::to_string).or(source),
    };
    if let Some(by) = by {
        lines.push(">".to_string());
        lines.push(format!("> — {by}"));
    }
    lines.join("\n")
}

/// An HTML block around Markdown: the blank lines around the Markdown make it read as Markdown.
fn wrap(open: &str, inner: &str, close: &str) -> String {
    let dedented = dedent(inner);
    match trim_blank_lines(&dedented) {
        "" => format!("{open}\n{close}"),
        body => format!("{open}\n\n{body}\n\n{close}"),
    }
}

/// `code` as a fenced block, its fence longer than any run of backticks in it.
fn fence(lang: &str, code: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in code.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}{lang}\n{code}\n{fence}")
}

/// `[label](url)`, the label's brackets escaped, an address with spaces or parentheses in `<…>`.
pub fn markdown_link(label: &str, url: &str) -> String {
    let label = label.trim().replace('[', "\\[").replace(']', "\\]");
    let url = url.trim();
    if url.contains([' ', '(', ')', '<', '>']) {
        format!("[{label}](<{}>)", url.replace('<', "%3C").replace('>', "%3E"))
    } else {
        format!("[{label}]({url})")
    }
}

/// Text for an HTML attribute or element.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// An inline element's text on one line (a line of its own would make an HTML block of it).
fn one_line(inner: &str) -> String {
    inner.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text without its first blank lines and its last ones (their indentation kept).
fn trim_blank_lines(text: &str) -> &str {
    let start: usize = text
        .split_inclusive('\n')
        .take_while(|line| line.trim().is_empty())
        .map(str::len)
        .sum();
    text[start..].trim_end()
}

/// The lines after the first moved left by the indentation they share (the
/// first, which follows the opening, from its own): inside an HTML block,
/// four spaces would make a code block of them.
fn dedent(text: &str) -> Cow<'_, str> {
    let indent_of = |line: &str| line.len() - line.trim_start_matches([' ', '\t']).len();
    let indent = text
        .split('\n')
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(indent_of)
        .min()
        .unwrap_or(0);
    let first = text.split('\n').next().unwrap_or("");
    if indent == 0 && indent_of(first) == 0 {
        return Cow::Borrowed(text);
    }
    let lines: Vec<&str> = text
        .split('\n')
        .enumerate()
        .map(|(i, line)| match i {
            0 => line.trim_start_matches([' ', '\t']),
            _ if line.trim().is_empty() => "",
            _ => &line[indent..],
        })
        .collect();
    Cow::Owned(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::super::shortcodes::{expand, unhandled, without_unhandled};
    use pulldown_cmark::{html, Event, Options, Parser, Tag, TagEnd};

    /// The HTML the Markdown reader makes of `markdown` (before sanitising).
    fn to_html(markdown: &str) -> String {
        let mut out = String::new();
        html::push_html(&mut out, Parser::new_ext(markdown, Options::ENABLE_GFM));
        out
    }

    /// Everything a reader sees outside code: text, HTML.
    fn outside_code(markdown: &str) -> String {
        let mut out = String::new();
        let mut in_block = false;
        for event in Parser::new_ext(markdown, Options::ENABLE_GFM) {
            match event {
                Event::Start(Tag::CodeBlock(_)) => in_block = true,
                Event::End(TagEnd::CodeBlock) => in_block = false,
                Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) if !in_block => out.push_str(&t),
                _ => {}
            }
        }
        out
    }

    fn names(body: &str) -> Vec<&str> {
        unhandled(body).into_iter().map(|(_, _, name)| name).collect()
    }

    const FIXTURES: [(&str, &str); 7] = [
        (
            "blowfish",
            include_str!("../../../../tests/fixtures/shortcodes/blowfish.md"),
        ),
        ("congo", include_str!("../../../../tests/fixtures/shortcodes/congo.md")),
        (
            "papermod",
            include_str!("../../../../tests/fixtures/shortcodes/papermod.md"),
        ),
        ("docsy", include_str!("../../../../tests/fixtures/shortcodes/docsy.md")),
        ("stack", include_str!("../../../../tests/fixtures/shortcodes/stack.md")),
        ("coder", include_str!("../../../../tests/fixtures/shortcodes/coder.md")),
        (
            "generic",
            include_str!("../../../../tests/fixtures/shortcodes/generic.md"),
        ),
    ];

    #[test]
    fn no_page_shows_a_shortcode_outside_its_code() {
        for (name, body) in FIXTURES {
            let expanded = expand(body);
            let seen = outside_code(&expanded);
            for opening in ["{{<", "{{%", "{%", "{{&lt;"] {
                assert!(!seen.contains(opening), "{name}: `{opening}` in\n{expanded}");
            }
        }
    }

    #[test]
    fn blowfish_and_congo_shortcodes_render_as_what_they_mean() {
        assert_eq!(
            expand("{{< lead >}}\nBackend *developer*.\n{{< /lead >}}\n\nNext."),
            "<div class=\"lead\">\n\nBackend *developer*.\n\n</div>\n\nNext."
        );
        assert_eq!(
            expand("{{< button href=\"/projects/\" target=\"_self\" >}}Call to action{{< /button >}}"),
            "<a class=\"button\" href=\"/projects/\">Call to action</a>"
        );
        assert_eq!(
            expand("Hi {{< badge >}}New!{{< /badge >}} and {{< keyword >}} *Super* skill {{< /keyword >}}"),
            "Hi <span class=\"badge\">New!</span> and <span class=\"keyword\">*Super* skill</span>"
        );
        assert_eq!(expand("On {{< icon \"github\" >}} GitHub"), "On  GitHub");
        assert_eq!(
            expand("{{< article link=\"/docs/welcome/\" >}}"),
            "[/docs/welcome/](/docs/welcome/)"
        );
        assert_eq!(
            expand("{{< mermaid >}}\ngraph LR;\nA-->B\n{{< /mermaid >}}\nAfter"),
            "```mermaid\ngraph LR;\nA-->B\n```\nAfter"
        );
        assert_eq!(
            expand("See: {{< mermaid >}}graph LR; A-->B{{< /mermaid >}}"),
            "See: \n```mermaid\ngraph LR; A-->B\n```"
        );
        let html = to_html(&expand(
            "{{< keywordList >}}\n{{< keyword icon=\"github\" >}} Lorem {{< /keyword >}}\n{{< keyword >}} **Important** {{< /keyword >}}\n{{< /keywordList >}}",
        ));
        assert!(
            html.contains("<div class=\"keywords\">\n<p><span class=\"keyword\">Lorem</span>\n<span class=\"keyword\"><strong>Important</strong></span></p>\n</div>"),
            "{html}"
        );
        let html = to_html(&expand(
            "{{< gallery >}}\n  <img src=\"gallery/01.jpg\" class=\"grid-w33\" />\n  <img src=\"gallery/02.jpg\" class=\"grid-w33\" />\n{{< /gallery >}}",
        ));
        assert_eq!(
            html,
            "<div class=\"gallery\">\n<img src=\"gallery/01.jpg\" class=\"grid-w33\" />\n<img src=\"gallery/02.jpg\" class=\"grid-w33\" />\n</div>"
        );
        // Congo's alert: its icon says what kind of box.
        assert!(expand("{{< alert \"lightbulb\" >}}\nRun it.\n{{< /alert >}}").starts_with("> [!TIP]\n> Run it."));
        let names: Vec<&str> = FIXTURES[..2].iter().flat_map(|(_, body)| names(body)).collect();
        assert_eq!(names, ["tabs", "github", "cta", "chart", "katex"]);
    }

    #[test]
    fn a_timeline_is_an_ordered_list_of_dated_entries() {
        let body = "{{< timeline >}}\n\n{{< timelineItem icon=\"code\" header=\"Engineer\" badge=\"2021 - 2024\" subheader=\"ACME\" >}}\nBuilt an *API*.\n{{< /timelineItem >}}\n\n{{< timelineItem header=\"Intern\" badge=\"badge test\" >}}\nMore.\n{{< /timelineItem >}}\n\n{{< /timeline >}}";
        let expanded = expand(body);
        assert_eq!(
            expanded,
            "<ol class=\"timeline\">\n\n<li><p><strong>Engineer</strong> <time>2021 - 2024</time><br>ACME</p>\n\nBuilt an *API*.\n\n</li>\n\n<li><p><strong>Intern</strong> <span class=\"badge\">badge test</span></p>\n\nMore.\n\n</li>\n\n</ol>"
        );
        let html = to_html(&expanded);
        assert!(html.contains("<p>Built an <em>API</em>.</p>\n</li>"), "{html}");
        assert!(html.starts_with("<ol class=\"timeline\">\n<li>"), "{html}");
        assert!(names(body).is_empty());
        // Indented items, with no blank lines between them.
        let html = to_html(&expand(
            "{{< timeline >}}\n    {{< timelineItem header=\"A\" >}}\n    First.\n    {{< /timelineItem >}}\n    {{< timelineItem header=\"B\" >}}\n    Second.\n    {{< /timelineItem >}}\n{{< /timeline >}}",
        ));
        assert!(!html.contains("<pre>"), "{html}");
        assert!(
            html.contains("<p>First.</p>") && html.contains("<p>Second.</p>"),
            "{html}"
        );
    }

    #[test]
    fn papermod_folds_and_raw_html() {
        assert_eq!(
            expand("{{< collapse summary=\"Inside?\" >}}\n\nSome *text*.\n\n{{< /collapse >}}"),
            "<details><summary>Inside?</summary>\n\nSome *text*.\n\n</details>"
        );
        assert_eq!(
            expand("{{< rawhtml >}}\n    <div class=\"x\">\n      <p>Raw</p>\n    </div>\n{{< /rawhtml >}}\nText"),
            "<div class=\"x\">\n  <p>Raw</p>\n</div>\n\nText"
        );
        assert_eq!(names(FIXTURES[2].1), ["inTextImg", "ltr", "video"]);
        assert!(expand(FIXTURES[2].1).contains("An icon [Rust](/img/rust.png) in the text."));
    }

    #[test]
    fn docsy_tabs_show_each_label_then_its_code_or_text() {
        assert_eq!(
            expand("{{< tabpane >}}\n{{< tab header=\"Linux\" lang=\"sh\" >}}\necho hi\n{{< /tab >}}\n{{< tab header=\"Other\" >}}\nx\n{{< /tab >}}\n{{< /tabpane >}}"),
            "**Linux**\n\n```sh\necho hi\n```\n\n**Other**\n\n```\nx\n```"
        );
        let text = expand(
            "{{< tabpane text=true >}}\n  {{% tab header=\"**Languages**:\" disabled=true /%}}\n  {{% tab header=\"English\" lang=\"en\" %}}\n  Welcome to **our** site!\n  {{% /tab %}}\n{{< /tabpane >}}",
        );
        assert_eq!(text, "**Languages**:\n\n**English**\n\nWelcome to **our** site!");
        assert_eq!(
            expand(
                "{{< tabpane langEqualsHeader=true >}}\n{{< tab \"toml\" >}}\na = 1\n{{< /tab >}}\n{{< /tabpane >}}"
            ),
            "**toml**\n\n```toml\na = 1\n```"
        );
        // A tab outside a tabpane (coder's, Blowfish's) is Markdown.
        assert_eq!(
            expand("{{< tab name=\"Hello\" >}}\n*Hi*\n{{< /tab >}}"),
            "**Hello**\n\n*Hi*"
        );
        let expanded = expand("{{% pageinfo %}}\nA placeholder.\n{{% /pageinfo %}}");
        assert_eq!(expanded, "> [!NOTE]\n> A placeholder.\n> ");
        assert_eq!(names(FIXTURES[3].1), ["cardpane", "card", "readfile"]);
    }

    #[test]
    fn stack_quotes_and_coder_notices() {
        assert_eq!(
            expand("{{< quote author=\"A. Person\" source=\"The Book\" url=\"https://example.org/book\" >}}\nLorem *ipsum*.\n{{< /quote >}}\nAfter."),
            "> Lorem *ipsum*.\n>\n> — A. Person, <cite>[The Book](https://example.org/book)</cite>\n\nAfter."
        );
        assert_eq!(expand("{{< quote >}}\nAnon.\n{{< /quote >}}"), "> Anon.");
        assert_eq!(
            expand("{{< notice error \"Careful\" >}}\nIt breaks.\n{{< /notice >}}\n"),
            "> [!CAUTION]\n> **Careful**\n> It breaks.\n"
        );
        assert_eq!(names(FIXTURES[4].1), ["bilibili"]);
        assert_eq!(names(FIXTURES[5].1), ["tabgroup"]);
        // coder's code tab keeps its fence, and a code block's shortcodes stay.
        assert!(expand(FIXTURES[5].1).contains("**Hello**\n\n```go\nfmt.Println(\"Hello\")\n```"));
    }

    #[test]
    fn other_shortcodes_give_way_to_their_inner_text_a_link_or_nothing() {
        assert_eq!(expand("A {{< foo x >}} B"), "A  B");
        assert_eq!(
            expand("{{< foo >}}\ninner *text*\n{{< /foo >}}"),
            "\ninner *text*\n",
            "the lines stay where they were"
        );
        assert_eq!(
            expand("{{< cta url=\"https://example.org\" label=\"Get [it]\" >}}"),
            "[Get \\[it\\]](https://example.org)"
        );
        assert_eq!(expand("{{< source href=\"/a b/\" >}}"), "[/a b/](</a b/>)");
        assert_eq!(expand("{{< spacer />}}x"), "x");
        assert_eq!(expand("{{< foo >}}{{< foo >}}a{{< /foo >}}b{{< /foo >}}"), "ab");
        assert_eq!(expand("x {{< /orphan >}} y"), "x  y");
        assert_eq!(expand("{% figure_grid() %}\nBody\n{% end %}"), "\nBody\n");
        // In code, shown as written; escapes still print.
        let code = "```\n{{< foo >}}\n{{< youtube x >}}\n```\n`{{< bar >}}` {{</* baz */>}}";
        assert_eq!(
            expand(code),
            "```\n{{< foo >}}\n{{< youtube x >}}\n```\n`{{< bar >}}` {{< baz >}}"
        );
        assert!(unhandled(code).is_empty());
        // Each unknown one is listed, once per use; the caller names it once.
        let body = FIXTURES[6].1;
        assert_eq!(
            names(body),
            ["myshortcode", "source", "wrapper", "wrapper", "figure_grid", "spacer"]
        );
        let first = unhandled(body)[0];
        assert_eq!(&body[first.0..first.0 + first.1], "{{<");
        assert_eq!(
            without_unhandled("Intro {{< foo >}}inner{{< /foo >}} end {{< /bar >}}."),
            "Intro inner end ."
        );
    }

    #[test]
    fn a_block_in_a_list_item_stays_in_it() {
        let html = to_html(&expand(
            "- Item\n\n  {{< lead >}}\n  In the *item*.\n  {{< /lead >}}\n- Next",
        ));
        assert!(
            html.contains("<li>\n<p>Item</p>\n<div class=\"lead\">\n<p>In the <em>item</em>.</p>\n</div>\n</li>"),
            "{html}"
        );
    }

    #[test]
    fn a_body_without_shortcodes_is_borrowed() {
        let body = "Plain *text* with {braces} and `code`.";
        assert!(matches!(expand(body), std::borrow::Cow::Borrowed(_)));
        assert!(unhandled(body).is_empty());
    }
}
