//! Sites written for Zola: TOML front matter, `@/` links, `redirect_to`, `render = false`
//! and its `config.toml`.

use crate::support::content::{compile, printed, write_tree};
use crate::{build, dialects, page};

#[test]
fn zola_toml_taxonomies_extra_and_internal_links() {
    let b = dialects();
    let p = page(&b, "/projets/nested/duvet-genius");
    assert_eq!(p.slug, "nested/duvet-genius");
    assert_eq!(p.date.as_deref(), Some("2021-05-04"));
    assert_eq!(p.weight, Some(2));
    assert_eq!(
        p.tags.iter().map(|t| t.slug.as_str()).collect::<Vec<_>>(),
        ["technique", "developpement"]
    );
    assert_eq!(p.extra["extra"]["repo"], "https://example.org/duvet");
    assert!(
        p.html.contains(r#"href="competences/hugo#ma-vision-de-lautonomie""#),
        "{}",
        p.html
    );
    // The Hugo page is linked from here, so it lists this page among its backlinks.
    assert!(page(&b, "/competences/hugo").backlinks.contains(&p.route));
}

#[test]
fn a_zola_section_that_redirects_sends_its_menu_entry_and_list_to_its_target() {
    let site = tempfile::tempdir().unwrap();
    write_tree(
        site.path(),
        &[
            ("config.toml", "base_url = 'https://example.org'\ntitle = 'Docs'\n"),
            (
                "content/documentation/_index.md",
                "+++\ntitle = 'Documentation'\nredirect_to = 'documentation/start/overview'\n+++\n",
            ),
            (
                "content/documentation/start/overview.md",
                "+++\ntitle = 'Overview'\n+++\nStart here.\n",
            ),
            (
                "content/blog/_index.md",
                "+++\ntitle = 'Blog'\nredirect_to = 'nowhere'\n+++\n",
            ),
            ("content/blog/post.md", "+++\ntitle = 'Post'\n+++\nHi.\n"),
            ("content/pages/_index.md", "+++\nrender = false\n+++\n"),
            ("content/pages/about.md", "+++\ntitle = 'About'\n+++\nMe.\n"),
            (
                "content/competences/autonomie.md",
                "+++\ntitle = 'Autonomie'\n+++\nText.\n",
            ),
        ],
    );
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.as_ref().unwrap_or_else(|| panic!("{text}"));
    assert_eq!(
        b.redirects,
        [(
            "/documentation".to_string(),
            "/documentation/start/overview".to_string()
        )],
        "{text}"
    );
    let url = |label: &str| b.site.menu.iter().find(|e| e.label == label).map(|e| e.url.clone());
    assert_eq!(url("Documentation").as_deref(), Some("documentation/start/overview"));
    assert_eq!(url("Blog").as_deref(), Some("blog"));
    // `render = false` on another folder leaves the compétences in the menu.
    assert!(url("Compétences").is_some(), "{:?}", b.site.menu);
    assert!(text.contains("`redirect_to` of `blog/` left out"), "{text}");
    assert!(
        text.contains("blog/_index.md:3:1"),
        "the warning names the line: {text}"
    );
}

#[test]
fn a_menu_warning_points_at_the_entry_not_at_a_key_holding_the_same_word() {
    // tabi: `archive_date_format` comes before `menu = [{ …, url = "archive" }]`.
    let site = tempfile::tempdir().unwrap();
    write_tree(
        site.path(),
        &[
            (
                "config.toml",
                "base_url = 'https://e.org'\ntitle = 'Z'\narchive_date_format = ''\n[extra]\nmenu = [{ name = 'Archive', url = 'archive' }]\n",
            ),
            ("content/blog/p.md", "+++\ntitle = 'P'\n+++\nx\n"),
        ],
    );
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    assert!(text.contains("menu entry `Archive` left out"), "{text}");
    assert!(text.contains("config.toml:5:"), "{text}");
}

#[test]
fn zola_page_image_in_extra_and_links_to_dated_files() {
    let b = build(&[
        ("projets/2022-01-10-autre.md", b"+++\ntitle = \"Autre\"\n+++\n## Intro\n\nTexte.\n"),
        (
            "projets/galerie.md",
            b"+++\ntitle = \"Galerie\"\n[extra]\nimage = \"/assets/present.png\"\nimage_alt = \"Un graphique\"\n+++\nVoir [l'autre](@/projets/2022-01-10-autre.md#intro).\n",
        ),
    ]);
    let p = page(&b, "/projets/galerie");
    assert_eq!(
        p.image.as_ref().map(|i| (i.src.as_str(), i.alt.as_str())),
        Some(("/assets/present.png", "Un graphique"))
    );
    assert!(p.html.contains(r#"href="projets/autre#intro""#), "{}", p.html);
    assert_eq!(page(&b, "/projets/autre").date.as_deref(), Some("2022-01-10"));
}

#[test]
fn front_matter_after_blank_lines_is_read() {
    // Zola theme pages sometimes start with an empty line.
    let b = build(&[(
        "projets/theme.md",
        b"\n\n+++\ntitle = \"Un th\xc3\xa8me\"\n+++\nCorps.\n",
    )]);
    assert_eq!(page(&b, "/projets/theme").title, "Un thème");
}

#[test]
fn top_level_pages_the_menu_does_not_name_are_listed_on_the_home_page() {
    // A Zola blog keeps its posts at the root of `content/`.
    let b = build(&[
        ("_index.md", b"+++\nsort_by = \"date\"\n+++\n"),
        ("premier.md", b"+++\ntitle = \"Premier\"\ndate = 2024-01-02\n+++\nP.\n"),
        ("second.md", b"+++\ntitle = \"Second\"\ndate = 2024-03-04\n+++\nS.\n"),
        ("about.md", b"---\ntitle: \xc3\x80 propos\nmenu: main\n---\nA.\n"),
    ]);
    let index = vitrine::prerender::routes::index(&b);
    let routes = vitrine::prerender::routes::collections(&b, &index, &|data| data);
    let home = routes.iter().find(|r| r.route == "/").expect("home");
    let vitrine::data::View::Home(home) = &home.view else {
        panic!("not a home view")
    };
    let pages = home
        .sections
        .iter()
        .find(|s| s.section.is_empty())
        .expect("no block of top-level pages");
    let titles: Vec<&str> = pages.cards.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles, ["Second", "Premier"]);
}

#[test]
fn zola_sections_that_ask_for_no_list_or_hold_only_a_template_are_said() {
    let site = tempfile::tempdir().unwrap();
    write_tree(
        site.path(),
        &[
            ("config.toml", "base_url = \"https://z.example\"\ntitle = \"Z\"\n"),
            ("content/blog/_index.md", "+++\ntitle = \"Blog\"\n+++\n"),
            ("content/blog/one.md", "+++\ntitle = \"One\"\n+++\nText.\n"),
            (
                "content/snippets/_index.md",
                "+++\ntitle = \"Snippets\"\nrender = false\n+++\n",
            ),
            ("content/snippets/cli.md", "+++\ntitle = \"CLI\"\n+++\nA snippet.\n"),
            (
                "content/archive/_index.md",
                "+++\ntitle = \"Archive\"\ntemplate = \"archive.html\"\n+++\n",
            ),
        ],
    );
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    assert!(b.page("/snippets/cli").is_some(), "its pages are built: {text}");
    let menu: Vec<&str> = b.site.menu.iter().map(|e| e.url.as_str()).collect();
    assert!(menu.contains(&"blog") && !menu.contains(&"snippets"), "{menu:?}");
    assert!(text.contains("section `snippets/` is left out of the menu"), "{text}");
    assert!(text.contains("section `archive/` left out: nothing to show"), "{text}");
    assert!(text.contains("archive.html"), "{text}");
    assert!(!text.contains("section `blog/`"), "{text}");
}
