//! The readers of Hugo, Zola and Astro settings files on any text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use vitrine::compiler::model::diagnostics::Sources;
use vitrine::compiler::readers::settings;

const NAMES: [&str; 5] = [
    "hugo.toml",
    "config.yaml",
    "config.json",
    "astro.config.mjs",
    "config.toml",
];

fuzz_target!(|data: (u8, &str)| {
    let (which, text) = data;
    let name = NAMES[usize::from(which) % NAMES.len()];
    let mut sources = Sources::default();
    let _ = settings::read_text(name, text.to_string(), &mut sources);
});
