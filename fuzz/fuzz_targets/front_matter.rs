//! The front-matter splitter, YAML/TOML reader and field reader on any text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use vitrine::compiler::{model::fields, model::front_matter};

fuzz_target!(|text: &str| {
    if let Ok(split) = front_matter::split(0, text) {
        assert!(split.body_offset <= text.len());
        if let Ok(map) = front_matter::parse(0, &split) {
            let _ = fields::read(0, &split, map, vitrine::compiler::readers::settings::field_names());
        }
    }
});
