//! Content trees for compiler tests: the base fixture plus the page under test.

use std::path::{Path, PathBuf};
use vitrine::compiler::{self, Options, Outcome};

pub const TODAY: &str = "2026-11-23";

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(name)
}

/// A temporary site: the base fixture (`content/`, `public/`) with extra files written into `content/`.
pub fn site_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = super::copy_site(&fixture("fixtures/base"));
    write_tree(&dir.path().join("content"), files);
    dir
}

/// Writes each file under `root`, making its folders.
pub fn write_tree<B: AsRef<[u8]>>(root: &Path, files: &[(&str, B)]) {
    for (rel, bytes) in files {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

/// The fixture's PNG (960×540), for pages that need a real image.
pub fn png() -> Vec<u8> {
    std::fs::read(fixture("fixtures/base/public/assets/present.png")).unwrap()
}

pub fn compile(site: &Path) -> Outcome {
    compiler::compile(&Options {
        content: site.join("content"),
        public: vec![site.join("public")],
        drafts: false,
        today: TODAY.into(),
        image_cache: super::image_cache(),
    })
}

/// Diagnostics as printed, with the temporary folder removed from paths.
pub fn printed(outcome: &Outcome, site: &Path) -> String {
    let prefix = format!("{}/", site.display());
    outcome.sources.render(&outcome.diagnostics).replace(&prefix, "")
}
