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

#[test]
fn control_characters_are_blanked_and_said_at_their_line() {
    let site = site_with(&[(
        "competences/pdf.md",
        "---\ntitle: \"Copié\u{7} d’un PDF\"\n---\nCollé\u{85} depuis un terminal \u{1b}[0m.\n".as_bytes(),
    )]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    assert!(text.contains("content/competences/pdf.md:2:"), "{text}");
    assert!(text.contains("3 invisible control character(s) removed"), "{text}");
    let bundle = outcome.bundle.expect("a warning does not stop the build");
    let page = bundle.pages.iter().find(|p| p.route == "/competences/pdf").unwrap();
    assert!(
        page.title.starts_with("Copié") && page.title.ends_with("d’un PDF"),
        "{:?}",
        page.title
    );
    assert!(
        !page.title.chars().any(vitrine::data::forbidden_in_html),
        "{:?}",
        page.title
    );
    assert!(
        !page.html.chars().any(vitrine::data::forbidden_in_html),
        "{:?}",
        page.html
    );
    assert!(
        page.html.contains("Collé") && page.html.contains("[0m"),
        "{:?}",
        page.html
    );
}
