//! The `vitrine` command as a user runs it: exit codes, messages, and output
//! left untouched when the content has errors.

mod support;

use std::process::Command;
use support::content::{fixture, site_with, write_tree};

/// `vitrine build --content CONTENT --out OUT [extra…]`.
fn build(content: &std::path::Path, out: &std::path::Path, extra: &[&str]) -> (bool, String) {
    let mut args = vec![
        "build",
        "--content",
        content.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    vitrine(&args)
}

fn vitrine(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_vitrine")).args(args).output().unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn build_writes_the_bundle_and_static_files_and_prints_a_summary() {
    let site = site_with(&[]);
    let out = site.path().join("out");
    let content = site.path().join("content");
    let (ok, stderr) = build(&content, &out, &[]);
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains("1 compétence, 1 projet, 0 tags, 0 warnings"),
        "{stderr}"
    );
    let bundle: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("content.json")).unwrap()).unwrap();
    assert_eq!(bundle["pages"][0]["route"], "/competences/base");
    assert!(out.join("assets/present.png").is_file(), "public/ was not copied");
}

#[test]
fn errors_exit_1_and_leave_the_previous_output_untouched() {
    let site = site_with(&[]);
    let out = site.path().join("out");
    let content = site.path().join("content");
    let run = || build(&content, &out, &[]);
    assert!(run().0);
    let before = std::fs::read(out.join("content.json")).unwrap();

    std::fs::write(content.join("projets/broken.md"), "---\ntitle: [\n---\n").unwrap();
    std::fs::write(
        content.join("projets/nolink.md"),
        "---\ntitle: X\n---\n[a](@/projets/inconnu.md)\n",
    )
    .unwrap();
    let (ok, stderr) = run();
    assert!(!ok);
    assert!(stderr.contains("projets/broken.md:3:1"), "{stderr}");
    assert!(stderr.contains("the `[` opened on line 2 is never closed"), "{stderr}");
    assert!(stderr.contains("projets/nolink.md:4:1"), "{stderr}");
    assert!(
        stderr.contains("2 errors found, 0 warnings; nothing was written"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(out.join("content.json")).unwrap(), before);
    let leftovers: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn check_writes_nothing() {
    let site = site_with(&[]);
    let content = site.path().join("content");
    let (ok, stderr) = vitrine(&["check", "--content", content.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("nothing written"), "{stderr}");
    assert!(!site.path().join("dist").exists());
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = site_with(&[("projets/wip.md", b"---\ntitle: En cours\ndraft: true\n---\nTexte.\n")]);
    let content = site.path().join("content");
    let out = site.path().join("out");
    let read =
        || -> serde_json::Value { serde_json::from_slice(&std::fs::read(out.join("content.json")).unwrap()).unwrap() };
    assert!(build(&content, &out, &[]).0);
    assert!(read()["pages"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["title"] != "En cours"));
    assert!(build(&content, &out, &["--drafts"]).0);
    let pages = read()["pages"].as_array().unwrap().clone();
    let wip = pages
        .iter()
        .find(|p| p["title"] == "En cours")
        .expect("draft missing with --drafts");
    assert_eq!(wip["draft"], true);
}

#[test]
fn output_is_byte_for_byte_deterministic() {
    let content = fixture("../content");
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    for out in [&a, &b] {
        let (ok, stderr) = build(&content, out, &[]);
        assert!(ok, "{stderr}");
    }
    assert_eq!(
        std::fs::read(a.join("content.json")).unwrap(),
        std::fs::read(b.join("content.json")).unwrap()
    );
}

#[test]
fn missing_content_folder_is_a_clear_error() {
    let (ok, stderr) = vitrine(&["build", "--content", "/nonexistent/content", "--out", "/tmp/x"]);
    assert!(!ok);
    assert!(
        stderr.contains("content folder `/nonexistent/content` does not exist"),
        "{stderr}"
    );
}

#[test]
fn content_without_any_page_is_an_error_not_an_empty_site() {
    // Only a top-level `index.md` (the home's introduction, as in Astro, not a page) and an empty folder.
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("static-notes")).unwrap();
    std::fs::write(content.join("index.md"), "---\ntitle: About\n---\nHi\n").unwrap();
    let out = dir.path().join("out");
    let (ok, stderr) = build(&content, &out, &[]);
    assert!(!ok, "{stderr}");
    assert!(stderr.contains("error: no page to build"), "{stderr}");
    assert!(
        stderr.contains("1 Markdown file(s) found (`index.md` is the home page's introduction); at the top: the folders `static-notes/`"),
        "{stderr}"
    );
    assert!(!out.exists(), "something was written");
}

/// Builds `content` the way Trunk's hook does: into a folder holding the app's page.
fn prerender_into(content: &std::path::Path, out: &std::path::Path) {
    std::fs::create_dir_all(out).unwrap();
    let shell = std::fs::read_to_string(fixture("../index.html"))
        .unwrap()
        .replace("<base data-trunk-public-url>", r#"<base href="/">"#);
    std::fs::write(out.join("index.html"), shell).unwrap();
    let (ok, stderr) = build(content, out, &[]);
    assert!(ok, "{stderr}");
}

/// Builds `content` the way Trunk's hook does (into a folder holding the app's
/// page) and returns the data folder and search index names the pages give.
fn prerendered_names(content: &std::path::Path, out: &std::path::Path) -> (String, String) {
    prerender_into(content, out);
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    let meta = |name: &str| {
        let marker = format!(r#"<meta name="{name}" content=""#);
        let start = index.find(&marker).unwrap() + marker.len();
        index[start..start + index[start..].find('"').unwrap()].to_string()
    };
    let (data, search) = (meta("vitrine-data"), meta("vitrine-search"));
    assert!(out.join(&data).join("routes.json").is_file(), "{data}");
    assert!(out.join(&search).join("index.json").is_file(), "{search}");
    (data, search)
}

#[test]
fn a_rebuild_keeps_the_data_names_and_a_change_renames_them() {
    let site = site_with(&[]);
    let content = site.path().join("content");
    let first = prerendered_names(&content, &site.path().join("a"));
    assert!(
        first.0.starts_with("data/") && first.1.starts_with("search."),
        "{first:?}"
    );
    // Unchanged content: the same names, so browsers keep what they cached.
    assert_eq!(prerendered_names(&content, &site.path().join("b")), first);
    // One word changed: new names, so a redeployed page never reads old data.
    let page = std::fs::read_dir(content.join("projets"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "md"))
        .unwrap();
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, format!("{text}\nUn mot de plus.\n")).unwrap();
    let changed = prerendered_names(&content, &site.path().join("c"));
    assert_ne!(changed.0, first.0);
    assert_ne!(changed.1, first.1);
}

#[test]
fn a_folder_built_already_is_not_built_into_again() {
    // The prerendered index.html is no longer Trunk's page: a second build into the
    // same folder must say so, not write a library beside the old pages.
    let site = site_with(&[]);
    let content = site.path().join("content");
    let out = site.path().join("out");
    prerendered_names(&content, &out);
    let (ok, stderr) = build(&content, &out, &[]);
    assert!(!ok, "{stderr}");
    assert!(stderr.contains("holds a site Vitrine built already"), "{stderr}");
    assert!(!out.join("content.json").exists());
}

#[test]
fn a_blog_gets_no_empty_portfolio_lists_and_each_address_once_in_the_sitemap() {
    // A Hugo blog with a nested section whose pages carry tags (PaperMod's `posts/papermod/`).
    let site = tempfile::tempdir().unwrap();
    let content = site.path().join("content");
    write_tree(
        &content,
        &[
            ("posts/un.md", "---\ntitle: Un\ntags: [a]\n---\nUn.\n"),
            ("posts/guide/_index.md", "---\ntitle: Guide\n---\n"),
            ("posts/guide/deux.md", "---\ntitle: Deux\ntags: [a]\n---\nDeux.\n"),
            ("posts/guide/trois.md", "---\ntitle: Trois\ntags: [b]\n---\nTrois.\n"),
        ],
    );
    std::fs::write(
        site.path().join("config.toml"),
        "baseURL = 'https://blog.example.org/'\n",
    )
    .unwrap();
    let out = site.path().join("out");
    prerendered_names(&content, &out);
    assert!(!out.join("competences").exists() && !out.join("projets").exists());
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    let locs: Vec<&str> = sitemap.lines().filter(|l| l.contains("<loc>")).collect();
    let mut unique = locs.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(locs.len(), unique.len(), "{sitemap}");
    // The nested list is the whole list, not one of its tags' slices.
    let guide = std::fs::read_to_string(out.join("posts/guide/index.html")).unwrap();
    assert!(guide.contains("Deux") && guide.contains("Trois"), "{guide}");
}

#[test]
fn a_hugo_themes_static_files_are_served_like_the_sites_own() {
    // A BUT portfolio keeps its images in `themes/iutdelens/static/`, as Hugo allows.
    let site = tempfile::tempdir().unwrap();
    let content = site.path().join("content");
    std::fs::create_dir_all(content.join("projets")).unwrap();
    std::fs::write(
        content.join("projets/a.md"),
        "---\ntitle: A\n---\n![Logo](/img/logo.png)\n",
    )
    .unwrap();
    let theme = site.path().join("themes/iutdelens/static/img");
    std::fs::create_dir_all(&theme).unwrap();
    std::fs::copy(
        fixture("fixtures/base/public/assets/present.png"),
        theme.join("logo.png"),
    )
    .unwrap();
    let out = site.path().join("out");
    let (ok, stderr) = build(&content, &out, &[]);
    assert!(ok, "{stderr}");
    assert!(!stderr.contains("image not found"), "{stderr}");
    assert!(out.join("img/logo.png").is_file());
}

#[test]
fn drafts_left_out_are_counted_in_the_summary_and_a_site_root_is_read_from_its_content() {
    let site = site_with(&[("projets/brouillon.md", b"---\ntitle: Brouillon\ndraft: true\n---\nB.\n")]);
    std::fs::write(site.path().join("hugo.toml"), "title = 'Portfolio'\n").unwrap();
    let out = site.path().join("out");
    // The site's root, as a Hugo user would give it.
    let (ok, stderr) = build(site.path(), &out, &[]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("its pages are read from"), "{stderr}");
    assert!(
        stderr.contains("1 projet (1 draft left out: `--drafts` shows them)"),
        "{stderr}"
    );
    let (ok, stderr) = build(site.path(), &site.path().join("out2"), &["--drafts"]);
    assert!(
        ok && stderr.contains("2 projets,") && !stderr.contains("left out: `--drafts`"),
        "{stderr}"
    );
}

#[test]
fn the_home_page_shows_the_authors_photo_resized_and_bio_from_the_theme() {
    // A Blowfish site: `params.author` with its image, bio and links.
    let site = tempfile::tempdir().unwrap();
    let content = site.path().join("content");
    write_tree(&content, &[("projets/glpi.md", "---\ntitle: GLPI\n---\nParc.\n")]);
    std::fs::create_dir_all(site.path().join("static/img")).unwrap();
    std::fs::copy(fixture("fixtures/photo.jpg"), site.path().join("static/img/moi.jpg")).unwrap();
    std::fs::write(
        site.path().join("hugo.toml"),
        "title = 'Portfolio'\n[params.author]\nname = 'Camille Martin'\nimage = 'img/moi.jpg'\nbio = 'Alternante en administration réseau'\nlinks = [{ github = 'https://github.com/camille' }]\n",
    )
    .unwrap();
    let out = site.path().join("out");
    prerendered_names(&content, &out);
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    let avatar = home.find(r#"class="avatar""#).expect("an avatar");
    let img = &home[home[..avatar].rfind("<img").unwrap()..];
    let img = &img[..img.find('>').unwrap()];
    assert!(img.contains(r#"alt="Camille Martin""#), "{img}");
    assert!(img.contains("srcset=") && img.contains(".webp"), "resized: {img}");
    assert!(home.contains("Alternante en administration réseau"), "{home}");
    assert!(home.contains("https://github.com/camille"), "{home}");
}

#[test]
fn a_site_in_two_languages_writes_each_language_and_links_them() {
    // A Hugo site, French at `/fr/` (`defaultContentLanguageInSubdir`), English at `/en/`,
    // its languages and menus in `config/_default/` as Blowfish sites keep them.
    let site = tempfile::tempdir().unwrap();
    write_tree(
        site.path(),
        &[
            (
                "hugo.toml",
                "baseURL = 'https://x.example.org/'\nlanguageCode = 'en-us'\n",
            ),
            (
                "config/_default/hugo.toml",
                "defaultContentLanguage = \"fr\"\ndefaultContentLanguageInSubdir = true\n",
            ),
            (
                "config/_default/languages.fr.toml",
                "languageName = \"Français\"\nweight = 1\ntitle = \"Mon portfolio\"\n",
            ),
            (
                "config/_default/languages.en.toml",
                "languageName = \"English\"\nweight = 2\ntitle = \"My portfolio\"\n",
            ),
            (
                "config/_default/menus.en.toml",
                "[[main]]\nname = \"Work\"\npageRef = \"projets\"\nweight = 1\n",
            ),
            (
                "content/projets/stock/index.md",
                "---\ntitle: Stock\ndate: 2022-03-02\n---\nTexte.\n",
            ),
            (
                "content/projets/stock/index.en.md",
                "---\ntitle: Inventory\ndate: 2022-03-02\n---\nText.\n",
            ),
            (
                "content/projets/seul.md",
                "---\ntitle: Seul\ndate: 2022-03-01\n---\nTexte.\n",
            ),
        ],
    );
    let content = site.path().join("content");
    let out = site.path().join("out");
    prerender_into(&content, &out);
    let read = |rel: &str| std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    // The root leads to the site's own language.
    assert!(read("index.html").contains("url=/fr"), "{}", read("index.html"));
    let fr = read("fr/projets/stock/index.html");
    assert!(fr.contains(r#"<html lang="fr">"#));
    assert!(
        fr.contains(r#"<link rel="alternate" hreflang="en" href="https://x.example.org/en/projets/stock/">"#),
        "{fr}"
    );
    assert!(
        fr.contains(r#"hreflang="x-default" href="https://x.example.org/fr/projets/stock/""#),
        "{fr}"
    );
    let en = read("en/projets/stock/index.html");
    assert!(en.contains(r#"<html lang="en">"#) && en.contains("Inventory") && en.contains("My portfolio"));
    assert!(
        en.contains(r#"<a href="fr/projets/stock" hreflang="fr" lang="fr">Français</a>"#),
        "{en}"
    );
    assert!(en.contains(r#"<meta property="og:locale" content="en_GB"><"#) || en.contains(r#"content="en_GB""#));
    assert!(en.contains(">Work</a>"), "the English menu: {en}");
    // An untranslated page: no alternate, the switch leads to the English home.
    let seul = read("fr/projets/seul/index.html");
    assert!(!seul.contains("hreflang=\"en\" href=\"https"), "{seul}");
    assert!(
        seul.contains(r#"<a href="en" hreflang="en" lang="en">English</a>"#),
        "{seul}"
    );
    // Each language's feed, 404 page and search index; one sitemap with the alternates.
    assert!(read("en/feed.xml").contains(r#"xml:lang="en""#) && read("en/feed.xml").contains("Inventory"));
    assert!(!read("fr/feed.xml").contains("Inventory"));
    assert!(read("en/404.html").contains(r#"<html lang="en">"#));
    let sitemap = read("sitemap.xml");
    assert!(sitemap.contains(r#"<loc>https://x.example.org/en/projets/stock/</loc><lastmod>2022-03-02</lastmod><xhtml:link rel="alternate" hreflang="en""#), "{sitemap}");
    assert!(
        sitemap
            .contains(r#"<xhtml:link rel="alternate" hreflang="fr" href="https://x.example.org/fr/projets/stock/"/>"#),
        "{sitemap}"
    );
    assert!(std::fs::read_dir(out.join("en")).unwrap().any(|e| e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .starts_with("search.")));
}
