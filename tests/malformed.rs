//! The malformed-content corpus: each file in `tests/malformed/` is added to a
//! valid site, and the diagnostics printed for it (message, file, line, column,
//! hint) are compared with its snapshot in `tests/snapshots/`.

mod support;

use support::content::{compile, printed, site_with};

#[test]
fn each_malformed_file_gets_its_diagnostic() {
    insta::glob!("malformed/*.md", |path| {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(path).unwrap();
        let site = site_with(&[(&format!("competences/{name}"), &bytes)]);
        let outcome = compile(site.path());
        let text = printed(&outcome, site.path());
        let location = format!("content/competences/{name}:");
        assert!(
            text.contains(&location),
            "{name}: no diagnostic names the file:\n{text}"
        );
        if name.starts_with("warning-") {
            assert!(
                outcome.bundle.is_some(),
                "{name}: a warning must not stop the build:\n{text}"
            );
            assert!(outcome.warnings() > 0 && outcome.errors() == 0, "{name}:\n{text}");
        } else {
            assert!(
                outcome.bundle.is_none(),
                "{name}: an error must stop the build:\n{text}"
            );
        }
        insta::assert_snapshot!(text);
    });
}

#[test]
fn every_error_of_a_run_is_reported_at_once() {
    let site = site_with(&[
        ("competences/a.md", b"---\ntitle: [\n---\nCorps.\n"),
        (
            "competences/b.md",
            b"---\ntitle: B\ndate: 2020-02-30\n---\n[x](@/projets/nope.md)\n",
        ),
        ("projets/c.md", b"+++\ntitle = \"C\"\nweight = \"un\"\n+++\n"),
    ]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    assert_eq!(outcome.errors(), 4, "{text}");
    for at in [
        "content/competences/a.md:3:1",
        "content/competences/b.md:3:1",
        "content/competences/b.md:5:1",
        "content/projets/c.md:3:1",
    ] {
        assert!(text.contains(at), "missing {at} in:\n{text}");
    }
}
