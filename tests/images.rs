//! Images through the whole compiler: every raster image a page uses is
//! resized once, named by its content, and a file that cannot be decoded is an
//! error at the line that uses it.

mod support;

use support::content::{compile, fixture, printed, site_with};
use vitrine::compiler::{self, Options};

fn options(site: &std::path::Path, cache: &std::path::Path) -> Options {
    Options {
        content: site.join("content"),
        public: vec![site.join("public")],
        drafts: false,
        today: support::content::TODAY.into(),
        image_cache: cache.to_path_buf(),
    }
}

#[test]
fn body_and_front_matter_images_get_variants_and_a_second_build_encodes_nothing() {
    let png = std::fs::read(fixture("fixtures/base/public/assets/present.png")).unwrap();
    let site = site_with(&[
        (
            "projets/photos.md",
            b"---\ntitle: Photos\nimage: /assets/present.png\nimage_alt: Une image\n---\n![La capture](capture.png)\n"
                as &[u8],
        ),
        ("projets/capture.png", &png),
    ]);
    let cache = tempfile::tempdir().unwrap();
    let first = compiler::compile(&options(site.path(), cache.path()));
    let b = first
        .bundle
        .as_ref()
        .unwrap_or_else(|| panic!("{}", printed(&first, site.path())));
    let page = b.page("/projets/photos").unwrap();
    let hero = page.image.as_ref().unwrap();
    let resized = hero.resized.as_ref().expect("the front-matter image was not resized");
    assert!(
        resized.src.starts_with("/_img/") && resized.src.ends_with(".webp"),
        "{resized:?}"
    );
    assert!(resized.srcset.contains(" 480w, "), "{resized:?}");
    assert!(
        page.html.contains(r#"<a class="zoom" href="projets/capture.png""#),
        "{}",
        page.html
    );
    // Both uses are one file (same bytes): encoded once.
    assert_eq!((first.pictures_summary.images, first.pictures_summary.encoded), (1, 1));
    let out = tempfile::tempdir().unwrap();
    first.pictures.write(out.path()).unwrap();
    for variant in resized.srcset.split(", ") {
        let file = variant.split(' ').next().unwrap();
        assert!(out.path().join(file).is_file(), "{file} not written");
    }

    let again = compiler::compile(&options(site.path(), cache.path()));
    assert_eq!((again.pictures_summary.encoded, again.pictures_summary.cached), (0, 1));

    // A changed source is a new name: never the stale variant.
    let mut changed = png.clone();
    changed.extend_from_slice(b"\0");
    std::fs::write(site.path().join("public/assets/present.png"), &changed).unwrap();
    let third = compiler::compile(&options(site.path(), cache.path()));
    let b3 = third.bundle.unwrap();
    let hero3 = b3.page("/projets/photos").unwrap().image.clone().unwrap();
    assert_ne!(hero3.resized.unwrap().src, resized.src);
    assert_eq!(third.pictures_summary.encoded, 1);
}

#[test]
fn an_image_that_cannot_be_decoded_is_an_error_at_the_line_using_it() {
    let mut truncated = std::fs::read(fixture("fixtures/base/public/assets/present.png")).unwrap();
    truncated.truncate(truncated.len() / 2);
    let site = site_with(&[
        (
            "projets/casse.md",
            b"---\ntitle: Casse\n---\nTexte.\n\n![Une capture](casse.png)\n" as &[u8],
        ),
        ("projets/casse.png", &truncated),
        (
            "projets/faux.md",
            b"---\ntitle: Faux\nimage: faux.jpg\nimage_alt: Faux\n---\nT.\n",
        ),
        ("projets/faux.jpg", b"not a jpeg at all"),
    ]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    assert!(outcome.bundle.is_none(), "{text}");
    assert!(text.contains("image cannot be read"), "{text}");
    assert!(text.contains("content/projets/casse.md:6:"), "{text}");
    assert!(text.contains("content/projets/faux.md:3:"), "{text}");
}
