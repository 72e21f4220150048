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
    for (rel, bytes) in files {
        let path = dir.path().join("content").join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
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
