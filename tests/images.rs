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
    let photo = std::fs::read(fixture("fixtures/photo.jpg")).unwrap();
    let site = site_with(&[
        (
            "projets/photos.md",
            b"---\ntitle: Photos\nimage: photo.jpg\nimage_alt: Une image\n---\n![La photo](photo.jpg)\n" as &[u8],
        ),
        ("projets/photo.jpg", &photo),
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
        page.html.contains(r#"<a class="zoom" href="projets/photo.jpg""#),
        "{}",
        page.html
    );
    // Both uses are one file: encoded once.
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
    let mut changed = photo.clone();
    changed.extend_from_slice(b"\0");
    std::fs::write(site.path().join("content/projets/photo.jpg"), &changed).unwrap();
    let third = compiler::compile(&options(site.path(), cache.path()));
    let b3 = third.bundle.unwrap();
    let hero3 = b3.page("/projets/photos").unwrap().image.clone().unwrap();
    assert_ne!(hero3.resized.unwrap().src, resized.src);
    assert_eq!(third.pictures_summary.encoded, 1);
}

#[test]
fn an_image_that_cannot_be_decoded_is_served_as_it_is_with_a_warning_at_its_line() {
    let mut truncated = std::fs::read(fixture("fixtures/photo.jpg")).unwrap();
    truncated.truncate(truncated.len() / 2);
    let site = site_with(&[
        (
            "projets/casse.md",
            b"---\ntitle: Casse\n---\nTexte.\n\n![Une capture](casse.jpg)\n" as &[u8],
        ),
        ("projets/casse.jpg", &truncated),
        (
            "projets/faux.md",
            b"---\ntitle: Faux\nimage: faux.jpg\nimage_alt: Faux\n---\nT.\n",
        ),
        ("projets/faux.jpg", b"not a jpeg at all"),
    ]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    assert!(text.contains("warning: image cannot be read"), "{text}");
    assert!(text.contains("content/projets/casse.md:6:"), "{text}");
    assert!(text.contains("content/projets/faux.md:3:"), "{text}");
    // The page shows the file itself, not variants that were never made.
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    let html = &b.page("/projets/casse").unwrap().html;
    assert!(
        html.contains(r#"<img src="projets/casse.jpg""#) && !html.contains("srcset"),
        "{html}"
    );
    let faux = b.page("/projets/faux").unwrap().image.as_ref().unwrap();
    assert!(faux.resized.is_none() && faux.src == "/projets/faux.jpg", "{faux:?}");
}

#[test]
fn a_flat_png_lighter_than_webp_would_make_it_is_served_as_it_is() {
    // The fixture's PNG: 960x540 in 9 KB of flat colours.
    let site = site_with(&[(
        "projets/plat.md",
        b"---\ntitle: Plat\n---\n![Un graphique](/assets/present.png)\n" as &[u8],
    )]);
    let outcome = compile(site.path());
    let b = outcome.bundle.unwrap();
    let html = &b.page("/projets/plat").unwrap().html;
    assert!(
        html.contains(r#"<img src="assets/present.png" alt="Un graphique" width="960" height="540""#),
        "{html}"
    );
    assert!(!html.contains("srcset"), "{html}");
    assert_eq!(outcome.pictures_summary.images, 0);
}
