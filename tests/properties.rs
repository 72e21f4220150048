//! No input makes the compiler panic: arbitrary bytes through the front matter
//! splitter and reader, the link resolver and the Markdown renderer.

use proptest::prelude::*;
use std::collections::BTreeSet;
use vitrine::compiler::markup::links::{resolve, From, NOTHING_MOVED};
use vitrine::compiler::markup::markdown::{render, Markup};
use vitrine::compiler::{model::fields, model::front_matter};

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..300).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        // Text that looks like front matter, to reach deeper than the first line.
        (
            "(---|\\+\\+\\+)\r?\n",
            "[a-zA-Z_#: \\[\\]{}\"'=\t\\-\n0-9é]{0,120}",
            "(\n---|\n\\+\\+\\+)?",
            ".{0,60}"
        )
            .prop_map(|(a, b, c, d)| format!("{a}{b}{c}\n{d}")),
    ]
}

fn href() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "(\\.\\./|\\./|/|@/|#|%|[a-z]{1,5}:)*[a-zA-Zé0-9._\\-/#%?]{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn front_matter_never_panics(text in text()) {
        if let Ok(split) = front_matter::split(0, &text) {
            prop_assert!(split.body_offset <= text.len());
            if let Ok(map) = front_matter::parse(0, &split) {
                let _ = fields::read(0, &split, map, vitrine::compiler::readers::settings::field_names());
            }
        }
    }

    #[test]
    fn link_resolver_never_panics(href in href(), dir in "[a-z/]{0,12}") {
        let routes: BTreeSet<String> = ["/", "/projets/citi"].iter().map(|s| s.to_string()).collect();
        let from = From { route: "/competences/x", dir: &dir, base: "", moved: &NOTHING_MOVED };
        let _ = resolve(&href, &from, &routes);
    }

    #[test]
    fn markdown_never_panics_and_never_lets_script_through(body in text(), href in href()) {
        let routes = BTreeSet::new();
        let from = From { route: "/competences/x", dir: "competences", base: "", moved: &NOTHING_MOVED };
        let body = format!("{body}\n[lien]({href}) <script>alert(1)</script> <img src=x onerror=alert(1)>");
        let rendered = render(&body, 0, &from, Markup::default(), &routes, &|_| None);
        for tag in tags(&rendered.html) {
            let tag = tag.to_lowercase();
            prop_assert!(!tag.starts_with("<script") && !tag.contains("onerror") && !tag.contains("javascript:"), "{}", tag);
        }
    }

    #[test]
    fn markdown_without_raw_html_escapes_everything(words in "[a-zA-Z ]{0,30}", href in href(), attr in "[a-z]{1,8}") {
        let routes = BTreeSet::new();
        let from = From { route: "/competences/x", dir: "competences", base: "", moved: &NOTHING_MOVED };
        let body = format!("## {words} {{on{attr}=alert(1)}}\n\n[{words}]({href}) ![{words}]({href}) <{href}>");
        let html = render(&body, 0, &from, Markup::default(), &routes, &|_| None).html;
        for tag in tags(&html) {
            let tag = tag.to_lowercase();
            prop_assert!(!tag.contains(&format!("on{attr}=")) && !tag.contains("javascript:"), "{}", tag);
        }
    }
}

/// The tags of an HTML text (`<a href="…">`), where markup can hide; text between them is inert.
fn tags(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').map_or(rest.len(), |e| start + e + 1);
        out.push(&rest[start..end]);
        rest = &rest[end..];
    }
    out
}

fn shortcode_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        // Shortcode-like text, well formed or cut short.
        "([a-zé ]{0,8}(\\{\\{[<%/*]{0,2} ?(youtube|figure|highlight|x|gist|/highlight|zz)? ?([a-z]{1,4}=)?[\"'`]?[a-zé0-9 ]{0,8}[\"'`]? ?[>%*/]{0,2}\\}\\}))*",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn shortcode_expansion_never_panics_and_leaves_plain_text_alone(text in shortcode_text()) {
        let expanded = vitrine::compiler::readers::hugo::shortcodes::expand(&text);
        if !text.contains("{{") && !text.contains("{%") && !text.contains("*/") {
            prop_assert_eq!(&expanded, &text);
        }
        // Lines stay where they were, for diagnostics.
        prop_assert!(expanded.matches('\n').count() <= text.matches('\n').count() + 2);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// What search shows and indexes of a page: its visible words, in order,
    /// one space apart, markup and entities gone.
    #[test]
    fn plain_text_keeps_every_visible_word_one_space_apart(
        words in prop::collection::vec("[a-zA-Zéà0-9]{1,8}", 0..12),
        seps in prop::collection::vec(prop::sample::select(vec![" ", "\n\t", "<b>", "</p><p>", "&nbsp;", " <br/> ", "<a href=\"x\">"]), 12),
    ) {
        let html: String = words.iter().zip(&seps).map(|(w, s)| format!("{w}{s}")).collect();
        let text = vitrine::search::plain_text(&html);
        prop_assert!(!text.contains("  ") && !text.starts_with(' ') && !text.ends_with(' '), "{:?}", text);
        prop_assert!(!text.contains('<') && !text.contains('&'), "{:?}", text);
        // A tag between two words may join nothing: every word is there, in order.
        let mut rest = text.as_str();
        for w in &words {
            let at = rest.find(w.as_str());
            prop_assert!(at.is_some(), "{:?} lost from {:?}", w, text);
            rest = &rest[at.unwrap() + w.len()..];
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The index reads a page's words straight from its HTML: the same words as
    /// from its plain text, whatever the markup, entities and accents between them.
    #[test]
    fn words_read_from_html_are_those_of_its_plain_text(
        words in prop::collection::vec("[a-zA-Z0-9éàÉŒœß’']{1,8}", 0..40),
        seps in prop::collection::vec(prop::sample::select(vec![" ", "\n", "<b>", "</p><p>", "&nbsp;", "&amp;", "&#39;", "&lt;x&gt;", "&", " <br/> ", "<a href=\"x&amp;y\">"]), 40),
        tail in "<?[a-z]{0,3}",
    ) {
        let html: String = words.iter().zip(&seps).map(|(w, s)| format!("{w}{s}")).collect::<String>() + &tail;
        let mut from_html = vitrine::search::Postings::default();
        from_html.add_page(0, "", &[], &[], &html);
        let from_html = from_html.index(vec!["/".into()]);
        let from_text = vitrine::search::build(&[vitrine::search::Document {
            route: "/",
            title: "",
            headings: Vec::new(),
            tags: Vec::new(),
            body: vitrine::search::plain_text(&html),
        }]);
        prop_assert_eq!(from_html, from_text, "{:?}", html);
    }

    /// A result's snippet is the start of the page's text, read from the start of its HTML.
    #[test]
    fn the_start_of_the_text_is_read_from_the_start_of_the_html(
        words in prop::collection::vec("[a-zé]{1,9}", 0..300),
        seps in prop::collection::vec(prop::sample::select(vec![" ", "<em>", "</p>\n<p>", "&amp;", "&nbsp;", "<a href=\"long/address/here\">"]), 300),
        chars in 0usize..120,
    ) {
        let html: String = words.iter().zip(&seps).map(|(w, s)| format!("{w}{s}")).collect();
        let whole = vitrine::search::plain_text(&html);
        let expected: String = whole.chars().take(chars).collect();
        prop_assert_eq!(vitrine::search::plain_text_start(&html, chars), expected);
    }
}

/// Text as page data holds it: HTML, accents, controls, noncharacters, astral characters.
fn data_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(
            prop_oneof![
                "[a-z <>/!é\"\\\r\n\t]{0,20}",
                "</script>|<!--|\u{0}|\u{7}|\u{7f}|\u{85}|\u{fdd0}|\u{fffe}|\u{1fffe}|\u{10ffff}|😀",
            ],
            0..30
        )
        .prop_map(|parts| parts.concat()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// A page's data survives its `<script type="application/json">` block:
    /// the text comes back as written, and the block holds nothing that could
    /// end it or that HTML forbids in a page.
    #[test]
    fn embedded_data_comes_back_and_cannot_end_its_script(title in data_text()) {
        let routes = vitrine::data::Routes { routes: vec![vitrine::data::LinkRef { route: "/a".into(), title }] };
        let text = vitrine::data::embed_text(&vitrine::data::encode(&routes).unwrap());
        prop_assert!(!text.contains('<'), "{:?}", text);
        prop_assert!(!text.chars().any(vitrine::data::forbidden_in_html), "{:?}", text);
        prop_assert_eq!(vitrine::data::decode::<vitrine::data::Routes>(text.as_bytes()), Ok(routes));
    }
}
