//! The CV reader (JSON Resume, in JSON or YAML) on any text: an error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use vitrine::compiler::model::diagnostics::Sources;
use vitrine::compiler::readers::resume;

fuzz_target!(|data: (bool, &str)| {
    let (yaml, text) = data;
    let name = if yaml { "cv.yaml" } else { "resume.json" };
    let mut sources = Sources::default();
    let file = sources.add(name.to_string(), text.to_string());
    let mut found = Vec::new();
    let _ = resume::typed(file, &sources, &mut found);
    let _ = sources.render(&found);
});
