//! Jekyll's `_config.yml`, permalinks and Liquid tags on any text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use vitrine::compiler::readers::jekyll::{config, liquid, permalink};

fuzz_target!(|data: (&str, &str)| {
    let (text, pattern) = data;
    let _ = config::read_config(text);
    let none = |_: &str| None;
    let cx = liquid::LiquidContext {
        baseurl: "/portfolio",
        site_title: "Portfolio",
        post_url: &none,
    };
    let out = liquid::liquid(text, &cx);
    for p in out.problems {
        assert!(text.get(p.span.clone()).is_some(), "span {:?} off the text", p.span);
    }
    let parts = permalink::PermalinkParts {
        collection: "posts",
        date: Some("2021-04-11"),
        slug: "titre",
        title: "Titre",
        categories: &[],
        path: "_posts/2021-04-11-titre",
    };
    let _ = permalink::permalink(pattern, &parts);
});
