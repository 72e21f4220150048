//! The shortcode expander on any body text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let expanded = vitrine::compiler::readers::hugo::shortcodes::expand(text);
    if !text.contains("{{") && !text.contains("{%") && !text.contains("*/") {
        assert_eq!(expanded, text);
    }
});
