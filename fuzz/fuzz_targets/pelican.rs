//! Pelican's header lines, `pelicanconf.py` and link markers on any text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use vitrine::compiler::readers::pelican::{conf, header, links};

fuzz_target!(|text: &str| {
    if header::starts_with_header(text) {
        if let Ok(header) = header::header(text) {
            let _ = header::front_matter(&header);
            assert!(header.body_offset <= text.len());
        }
    }
    let (_, problems) = conf::read_conf(text);
    for p in problems {
        assert!(text.get(p.span.clone()).is_some(), "span {:?} off the text", p.span);
    }
    let _ = links::links(text);
});
