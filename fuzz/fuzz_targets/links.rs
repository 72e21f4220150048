//! The link resolver on any address, from pages in a few places, with and without a base path.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::collections::BTreeSet;
use vitrine::compiler::markup::links::{resolve, From, NOTHING_MOVED};

fuzz_target!(|data: (bool, &str)| {
    let (based, href) = data;
    let routes: BTreeSet<String> = [
        "/",
        "/projets",
        "/projets/citi",
        "/projets/transition-4.0",
        "/competences/a",
        "/cv",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for (route, dir) in [
        ("/competences/a", "competences"),
        ("/cv", ""),
        ("/projets/gecy", "projets/gecy"),
    ] {
        let from = From {
            route,
            dir,
            base: if based { "/portfolio" } else { "" },
            moved: &NOTHING_MOVED,
        };
        let _ = resolve(href, &from, &routes);
    }
});
