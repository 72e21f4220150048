//! Pages written for Hugo, Zola and Astro build as they are.

mod support;

use support::content::{compile, png, printed, site_with, write_tree};
use vitrine::bundle::{Bundle, Page};

fn build(files: &[(&str, &[u8])]) -> Bundle {
    build_at(site_with(files).path())
}

fn page<'a>(b: &'a Bundle, route: &str) -> &'a Page {
    b.page(route).unwrap_or_else(|| panic!("no page {route}"))
}

const HUGO: &str = r#"---
title: "Autonomie Professionnelle"
#date: 2014-09-28
description: "Pour bien réussir"
tags: ["BACKLINKS SEO", "TRANSITION 4.0", "TECHNIQUE","TRANSVERSE"]
draft: false
lastmod: 2024-01-02T10:00:00+01:00
aliases: ["/old/autonomie"]
---
## Ma Vision de L'Autonomie

 L'<b><u>autonomie  professionnelle</u></b> avec les projets [Transitions 4.0]( ../../projets/citi ) et [Base](../base/).
"#;

const ZOLA: &str = r#"+++
title = "Duvet Genius"
date = 2021-05-04T08:00:00Z
weight = 2
[taxonomies]
tags = ["Technique", "Développement"]
[extra]
repo = "https://example.org/duvet"
+++
## Contexte

Voir [la compétence](@/competences/hugo.md#ma-vision-de-lautonomie) et [Base](../../competences/base.md).
"#;

const ASTRO: &str = "---
title: Conduire un projet
publishDate: 2020-03-02 00:00:00
img: /assets/present.png
img_alt: Iridescent ripples of a bright blue and pink liquid
description: |
  Participer à la conception
  d'un projet
tags:

---

### Recul réflexif

#####\tProjet GECY :
- Projet mené de A à Z.
";

const BUNDLE_PAGE: &str = "---
title: GECY
pubDate: 2024-02-05T10:00:00
heroImage: ./photo.png
alt: Une photo
tags: developpement
---
![Photo de l'atelier](./photo.png)

Lien vers [citi](../citi.md) et [nested](../nested/duvet-genius/).
";

fn dialects() -> Bundle {
    let png = png();
    build(&[
        ("competences/hugo.md", HUGO.as_bytes()),
        ("projets/nested/duvet-genius.md", ZOLA.as_bytes()),
        ("competences/astro.md", ASTRO.as_bytes()),
        ("projets/gecy/index.md", BUNDLE_PAGE.as_bytes()),
        ("projets/gecy/photo.png", &png),
    ])
}

#[test]
fn hugo_front_matter_and_relative_links() {
    let b = dialects();
    let p = page(&b, "/competences/hugo");
    assert_eq!(p.title, "Autonomie Professionnelle");
    assert_eq!(p.date, None, "a commented-out #date is ignored");
    assert_eq!(p.updated.as_deref(), Some("2024-01-02"));
    assert_eq!(p.aliases, ["/old/autonomie"]);
    let names: Vec<&str> = p.tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["BACKLINKS SEO", "TRANSITION 4.0", "TECHNIQUE", "TRANSVERSE"]);
    assert_eq!(p.tags[1].slug, "transition-4-0");
    assert!(
        p.html.contains("<b><u>autonomie  professionnelle</u></b>"),
        "{}",
        p.html
    );
    assert!(
        p.html.contains(r#"<a href="projets/citi">Transitions 4.0</a>"#),
        "{}",
        p.html
    );
    assert!(p.html.contains(r#"<a href="competences/base">Base</a>"#), "{}", p.html);
    assert_eq!(p.toc[0].id, "ma-vision-de-lautonomie");
    assert_eq!(p.links, ["/projets/citi", "/competences/base"]);
}

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
fn astro_front_matter_image_and_block_description() {
    let b = dialects();
    let p = page(&b, "/competences/astro");
    assert_eq!(p.date.as_deref(), Some("2020-03-02"));
    assert_eq!(p.description, "Participer à la conception\nd'un projet");
    assert!(p.tags.is_empty());
    let img = p.image.as_ref().unwrap();
    assert_eq!(img.src, "/assets/present.png");
    assert_eq!(img.alt, "Iridescent ripples of a bright blue and pink liquid");
    assert_eq!(
        (img.width, img.height),
        (Some(960), Some(540)),
        "size read from the file"
    );
    // `###` then `#####` under the page title: levels are closed up (h2, h3).
    assert!(p.html.contains(r#"<h2 id="recul-reflexif">"#), "{}", p.html);
    assert!(
        p.html.contains(r#"<h3 id="projet-gecy">Projet GECY :</h3>"#),
        "{}",
        p.html
    );
}

#[test]
fn page_bundles_and_tag_spellings_merge() {
    let b = dialects();
    let p = page(&b, "/projets/gecy");
    assert_eq!(p.image.as_ref().unwrap().src, "/projets/gecy/photo.png");
    assert!(p.html.contains(r#"href="projets/gecy/photo.png""#), "{}", p.html);
    assert!(p.html.contains(r#"href="projets/nested/duvet-genius""#), "{}", p.html);
    // `developpement` here and `Développement` in the Zola page are one tag, named as first written.
    let tag = b.tag("developpement").unwrap();
    assert_eq!(tag.count, 2);
    assert_eq!(tag.name, "Développement");
}

#[test]
fn sections_are_ordered_by_weight_then_newest_date_then_title() {
    let b = dialects();
    let projets: Vec<&str> = b
        .pages
        .iter()
        .filter(|p| p.route.starts_with("/projets"))
        .map(|p| p.route.as_str())
        .collect();
    assert_eq!(
        projets,
        ["/projets/nested/duvet-genius", "/projets/gecy", "/projets/citi"]
    );
    let gecy = page(&b, "/projets/gecy");
    assert_eq!(gecy.prev.as_deref(), Some("/projets/nested/duvet-genius"));
    assert_eq!(gecy.next.as_deref(), Some("/projets/citi"));
    let tags: Vec<(&str, usize)> = b.tags.iter().map(|t| (t.slug.as_str(), t.count)).take(2).collect();
    assert_eq!(tags, [("developpement", 2), ("technique", 2)]);
}

#[test]
fn site_settings_from_a_hugo_or_zola_home_page() {
    let b = build(&[(
        "_index.md",
        "+++\ntitle = \"Mon portfolio\"\ndescription = \"Cheffe de projet\"\n[extra]\nauthor = \"Camille\"\n[extra.links]\ngithub = \"https://example.org/c\"\n+++\n".as_bytes(),
    )]);
    assert_eq!(b.site.title, "Mon portfolio");
    assert_eq!(b.site.tagline, "Cheffe de projet");
    assert_eq!(b.site.author, "Camille");
    assert_eq!(b.site.lang, "fr", "French by default");
    assert_eq!(b.site.links[0].url, "https://example.org/c");
}

#[test]
fn malformed_site_settings_name_the_line() {
    let site = site_with(&[("site.toml", b"title = \"A\"\nauthr = \"B\"\n")]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    assert!(outcome.bundle.is_none());
    assert!(text.contains("content/site.toml:2:1"), "{text}");
    assert!(text.contains("unknown field `authr`"), "{text}");
}

#[test]
fn dated_file_names_and_top_level_pages() {
    let site = site_with(&[
        (
            "projets/2020-03-02-bascule-erp.md",
            b"---\ntitle: Bascule ERP\n---\nTexte.\n",
        ),
        ("references.md", b"---\ntitle: R\xc3\xa9f\xc3\xa9rences\n---\nTexte.\n"),
        ("cv.md", b"---\ntitle: CV\nmenu: main\nweight: 1\n---\nTexte.\n"),
        (
            "about.md",
            b"---\ntitle: \xc3\x80 propos\nmenu:\n  main:\n    weight: 2\n---\nVoir le [CV](../cv/).\n",
        ),
        ("tags.md", b"---\ntitle: Tags\n---\nTexte.\n"),
    ]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.as_ref().expect("warnings only");
    assert_eq!(page(b, "/projets/bascule-erp").date.as_deref(), Some("2020-03-02"));
    // Top-level pages are pages of their own, at the top of the site.
    assert_eq!(page(b, "/references").title, "Références");
    assert!(
        page(b, "/about").html.contains(r#"href="cv""#),
        "{}",
        page(b, "/about").html
    );
    // Those that ask for it are in the menu, by weight.
    let menu: Vec<(&str, &str)> = b.site.menu.iter().map(|m| (m.label.as_str(), m.url.as_str())).collect();
    assert_eq!(
        menu,
        [
            ("Compétences", "competences"),
            ("Projets", "projets"),
            // A site with both kinds gets the synthesis table, after the sections.
            ("Synthèse", "synthese"),
            ("CV", "cv"),
            ("À propos", "about")
        ]
    );
    // `tags.md` would take the app's own address: left out, and said.
    assert!(b.pages.iter().all(|p| p.route != "/tags"));
    assert!(text.contains("the page `tags.md` is left out"), "{text}");
}

#[test]
fn hugo_translations_by_file_name_use_the_site_language() {
    let site = site_with(&[
        ("projets/rapport.md", b"---\ntitle: Report\n---\nIn English.\n"),
        (
            "projets/rapport.fr.md",
            b"---\ntitle: Rapport\n---\nEn fran\xc3\xa7ais.\n",
        ),
        ("projets/solo.en.md", b"---\ntitle: Only in English\n---\nText.\n"),
    ]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.as_ref().expect("warnings only");
    assert_eq!(page(b, "/projets/rapport").title, "Rapport");
    assert!(b
        .pages
        .iter()
        .all(|p| p.title != "Report" && p.title != "Only in English"));
    assert!(
        text.contains("pages in another language (`.en.md`) are left out"),
        "{text}"
    );
}

#[test]
fn a_section_index_in_the_site_language_gives_the_section_its_title_text_and_cascade() {
    // Multilingual Hugo themes (hextra, docsy) write `_index.en.md`, `_index.fr.md`.
    let site = tempfile::tempdir().unwrap();
    write_tree(
        site.path(),
        &[
            ("hugo.toml", "title = 'Multi'\ndefaultContentLanguage = 'fr'\n[languages.en]\nweight = 2\n[languages.fr]\nweight = 1\n"),
            ("content/_index.fr.md", "---\ntitle: Accueil\n---\nBienvenue.\n"),
            ("content/_index.en.md", "---\ntitle: Home\n---\nWelcome.\n"),
            ("content/docs/_index.en.md", "---\ntitle: Documentation\n---\nThe docs.\n"),
            (
                "content/docs/_index.fr.md",
                "---\ntitle: Guide\ncascade:\n  tags: [docs]\n---\nLe guide.\n",
            ),
            ("content/docs/start.fr.md", "---\ntitle: Démarrer\n---\nBonjour.\n"),
            ("content/docs/start.en.md", "---\ntitle: Start\n---\nHello.\n"),
        ],
    );
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.as_ref().unwrap_or_else(|| panic!("{text}"));
    let docs = b.site.sections.iter().find(|s| s.slug == "docs").expect("docs section");
    assert_eq!(docs.title, "Guide", "{text}");
    assert!(b.intros["docs"].contains("Le guide."), "{:?}", b.intros);
    assert!(b.intros[""].contains("Bienvenue."), "{:?}", b.intros);
    let start = page(b, "/docs/start");
    assert_eq!(start.title, "Démarrer");
    assert!(
        start.tags.iter().any(|t| t.slug == "docs"),
        "the cascade of `_index.fr.md` reaches the page"
    );
}

#[test]
fn hugo_permalinks_become_redirects_from_the_former_addresses() {
    let site = tempfile::tempdir().unwrap();
    write_tree(
        site.path(),
        &[
            (
                "hugo.toml",
                "title = 'Blog'\n[permalinks]\nposts = '/:year/:month/:slug/'\nnotes = '/:monthname/:filename/'\n",
            ),
            (
                "content/posts/first.md",
                "---\ntitle: First Post\ndate: 2024-05-01\n---\nHello.\n",
            ),
            (
                "content/posts/second.md",
                "---\ntitle: Second\nslug: deux\ndate: 2023-11-20\n---\nAgain.\n",
            ),
            ("content/notes/n.md", "---\ntitle: A note\n---\nText.\n"),
            // No pattern for `commands/`: Hugo's address is the file's path as written.
            ("content/commands/hugo_build.md", "---\ntitle: Build\n---\nText.\n"),
            ("content/commands/plain.md", "---\ntitle: Plain\n---\nText.\n"),
        ],
    );
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.as_ref().unwrap_or_else(|| panic!("{text}"));
    assert_eq!(page(b, "/posts/first").aliases, ["/2024/05/first-post/"], "{text}");
    assert_eq!(page(b, "/posts/deux").aliases, ["/2023/11/deux/"], "{text}");
    assert!(page(b, "/notes/n").aliases.is_empty());
    assert_eq!(page(b, "/commands/hugo-build").aliases, ["/commands/hugo_build/"]);
    assert!(page(b, "/commands/plain").aliases.is_empty());
    assert!(text.contains("permalinks of `notes` not followed"), "{text}");
    assert!(
        text.contains("hugo.toml:4"),
        "the warning names the settings line: {text}"
    );
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
fn a_link_to_a_section_the_theme_fills_is_a_warning_not_a_failed_build() {
    // hextra: `archives/_index.md` (`layout: archives`, no text) and a `relref` to it.
    let site = tempfile::tempdir().unwrap();
    write_tree(
        site.path(),
        &[
            ("hugo.toml", "title = 'Docs'\n"),
            (
                "content/archives/_index.md",
                "---\ntitle: Archives\nlayout: archives\n---\n",
            ),
            (
                "content/docs/extra.md",
                "---\ntitle: Extra\n---\nSee [Archives]({{% relref \"/archives\" %}}).\n",
            ),
        ],
    );
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    assert!(outcome.bundle.is_some(), "the site builds: {text}");
    assert!(text.contains("link to a page left out of this build"), "{text}");
    assert!(text.contains("the theme's `archives`"), "{text}");
}

#[test]
fn hugo_definition_lists_render_as_terms_and_definitions() {
    // Hugo's Markdown (Goldmark) reads them; its docs use them for every setting.
    let site = tempfile::tempdir().unwrap();
    let page = "---\ntitle: Settings\n---\n`baseURL`\n: (`string`) The absolute URL.\n";
    write_tree(
        site.path(),
        &[("hugo.toml", "title = 'Docs'\n"), ("content/docs/settings.md", page)],
    );
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.as_ref().unwrap_or_else(|| panic!("{text}"));
    let html = &b.page("/docs/settings").expect("page").html;
    assert!(html.contains("<dt><code>baseURL</code></dt>"), "{html}");
    assert!(
        html.contains("<dd>(<code>string</code>) The absolute URL.</dd>"),
        "{html}"
    );
}

#[test]
fn hugo_refs_without_extension_or_leading_slash_resolve_as_hugo_finds_them() {
    // hextra writes `{{% relref "docs/guide/callout" %}}` and `relRef` from a blog post.
    let site = tempfile::tempdir().unwrap();
    let post = "---\ntitle: V\n---\n[C]({{% relref \"docs/guide/callout\" %}}), [U]({{% relRef \"docs/guide/callout#usage\" %}}), [S]({{< ref \"v2\" >}}).\n";
    write_tree(
        site.path(),
        &[
            ("hugo.toml", "title = 'Docs'\n"),
            (
                "content/docs/guide/callout.md",
                "---\ntitle: Callout\n---\n## Usage\nx\n",
            ),
            ("content/blog/v0.11.md", post),
            ("content/blog/v2.md", "---\ntitle: V2\n---\nx\n"),
        ],
    );
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.as_ref().unwrap_or_else(|| panic!("{text}"));
    assert!(outcome.diagnostics.is_empty(), "{text}");
    let html = &page(b, "/blog/v0.11").html;
    assert!(html.contains(r#"href="docs/guide/callout""#), "{html}");
    assert!(html.contains(r#"href="docs/guide/callout#usage""#), "{html}");
    assert!(html.contains(r#"href="blog/v2""#), "{html}");
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
fn dotted_file_names_keep_their_dots_and_links_to_them_resolve() {
    // A real Hugo skills portfolio: `projets/transition-4.0.md`, linked the way Hugo serves it.
    let b = build(&[
        (
            "competences/autonomie.md",
            b"---\ntitle: Autonomie\n---\nVoir [Transition 4.0](../../projets/transition-4.0) et [la v2](../../projets/transition-4.0/#bilan).\n",
        ),
        (
            "projets/transition-4.0.md",
            b"---\ntitle: Transition 4.0\n---\n## Bilan\n\nFait.\n",
        ),
    ]);
    let projet = page(&b, "/projets/transition-4.0");
    assert_eq!(projet.title, "Transition 4.0");
    let competence = page(&b, "/competences/autonomie");
    assert!(
        competence.html.contains(r#"href="projets/transition-4.0""#),
        "{}",
        competence.html
    );
    assert!(
        competence.html.contains(r#"href="projets/transition-4.0#bilan""#),
        "{}",
        competence.html
    );
    assert_eq!(projet.backlinks, ["/competences/autonomie"]);
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
fn every_folder_is_a_section_with_its_title_order_and_neighbours() {
    // A Hugo blog (`posts/` with `_index.md`) and a Zola docs folder, beside the portfolio.
    let b = build(&[
        ("posts/_index.md", b"---\ntitle: Articles\n---\n"),
        (
            "posts/premier.md",
            b"---\ntitle: Premier\ndate: 2024-01-01\ntags: [veille]\n---\nUn.\n",
        ),
        (
            "posts/second.md",
            b"---\ntitle: Second\ndate: 2024-02-01\n---\nDeux, voir [le premier](../premier/).\n",
        ),
        (
            "documentation/getting-started.md",
            b"+++\ntitle = \"Getting started\"\n+++\nGo.\n",
        ),
    ]);
    let sections: Vec<(&str, &str)> = b
        .site
        .sections
        .iter()
        .map(|s| (s.slug.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(
        sections,
        [
            ("competences", "Compétences"),
            ("projets", "Projets"),
            ("documentation", "Documentation"),
            ("posts", "Articles")
        ]
    );
    let second = page(&b, "/posts/second");
    assert_eq!(second.section, "posts");
    // Newest first within the section, neighbours only within it.
    assert_eq!(second.next.as_deref(), Some("/posts/premier"));
    assert!(second.html.contains(r#"href="posts/premier""#), "{}", second.html);
    assert_eq!(page(&b, "/posts/premier").backlinks, ["/posts/second"]);
    assert_eq!(page(&b, "/documentation/getting-started").title, "Getting started");
}

#[test]
fn the_site_settings_of_hugo_zola_and_astro_are_read_where_they_keep_them() {
    // Hugo: config.toml beside content/.
    let site = site_with(&[]);
    std::fs::write(
        site.path().join("config.toml"),
        "baseURL = \"https://camille.example.org/\"\nlanguageCode = \"fr-fr\"\ntitle = \"Portfolio BTS SIO\"\n[params]\nauthor = \"Camille\"\ndescription = \"Alternance\"\n",
    )
    .unwrap();
    let b = compile(site.path()).bundle.unwrap();
    assert_eq!(
        (b.site.title.as_str(), b.site.author.as_str(), b.site.tagline.as_str()),
        ("Portfolio BTS SIO", "Camille", "Alternance")
    );
    assert_eq!(
        (b.site.base_url.as_str(), b.site.lang.as_str()),
        ("https://camille.example.org", "fr")
    );
    // content/site.toml still overrides.
    std::fs::write(site.path().join("content/site.toml"), "title = \"Autre titre\"\n").unwrap();
    let b = compile(site.path()).bundle.unwrap();
    assert_eq!(
        (b.site.title.as_str(), b.site.author.as_str()),
        ("Autre titre", "Camille")
    );

    // Astro: astro.config.mjs two levels up from src/content/, read as text.
    let astro = tempfile::tempdir().unwrap();
    let content = astro.path().join("src/content");
    std::fs::create_dir_all(content.join("projets")).unwrap();
    std::fs::write(content.join("projets/a.md"), "---\ntitle: A\n---\nA.\n").unwrap();
    std::fs::write(
        astro.path().join("astro.config.mjs"),
        "import { defineConfig } from 'astro/config';\nexport default defineConfig({ site: 'https://c.github.io', base: '/portfolio' });\n",
    )
    .unwrap();
    let options = vitrine::compiler::Options {
        content,
        public: vec![],
        drafts: false,
        today: "2026-11-23".into(),
        image_cache: support::image_cache(),
    };
    let b = vitrine::compiler::compile(&options).bundle.unwrap();
    assert_eq!(b.site.base_url, "https://c.github.io/portfolio");

    // A malformed settings file is named with its line, and the build goes on without it.
    let broken = site_with(&[]);
    std::fs::write(broken.path().join("hugo.toml"), "title = \"A\"\nbaseURL = \n").unwrap();
    let outcome = compile(broken.path());
    let text = printed(&outcome, broken.path());
    assert!(outcome.bundle.is_some(), "{text}");
    assert!(text.contains("hugo.toml:2:"), "{text}");
    assert!(text.contains("site settings could not be read"), "{text}");
}

#[test]
fn astro_base_prefix_and_percent_encoded_file_names_resolve_to_the_files() {
    // An Astro student portfolio: `base: '/portfolio'`, images written with it,
    // file names with spaces and accents, percent-encoded in the Markdown.
    let astro = tempfile::tempdir().unwrap();
    let content = astro.path().join("src/content");
    let public = astro.path().join("public");
    std::fs::create_dir_all(content.join("projets")).unwrap();
    std::fs::create_dir_all(public.join("assets")).unwrap();
    let png = png();
    std::fs::write(public.join("assets/Capture d'écran.png"), &png).unwrap();
    std::fs::write(public.join("assets/schema.png"), &png).unwrap();
    std::fs::write(
        astro.path().join("astro.config.mjs"),
        "export default defineConfig({\n  site: \"https://c.github.io\",\n  base: \"/portfolio\",\n});\n",
    )
    .unwrap();
    std::fs::write(
        content.join("projets/a.md"),
        "---\ntitle: A\n---\n![Schéma](/portfolio/assets/schema.png)\n\n![Écran](/portfolio/assets/Capture%20d'%C3%A9cran.png)\n\nVoir [B](/portfolio/projets/b/).\n",
    )
    .unwrap();
    std::fs::write(content.join("projets/b.md"), "---\ntitle: B\n---\nB.\n").unwrap();
    let options = vitrine::compiler::Options {
        content,
        public: vec![public],
        drafts: false,
        today: "2026-11-23".into(),
        image_cache: support::image_cache(),
    };
    let outcome = vitrine::compiler::compile(&options);
    let text = outcome.sources.render(&outcome.diagnostics);
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    let html = &page(&b, "/projets/a").html;
    // Each image links to its original file, found on disk.
    assert!(html.contains(r#"href="assets/schema.png""#), "{html}");
    assert!(
        html.contains(r#"href="assets/Capture%20d&#39;%C3%A9cran.png""#),
        "{html}"
    );
}

#[test]
fn theme_callouts_become_labelled_boxes_and_details_a_fold_with_no_warning() {
    // Docsy's `alert`, Hextra's `callout`, Hugo's `details` and `comment`, tabi's (Zola) `admonition`.
    let site = site_with(&[(
            "projets/boxes.md",
            "---\ntitle: Boxes\n---\n{{% alert title=\"Attention\" color=\"warning\" %}}\nNe **pas** toucher.\n{{% /alert %}}\n\n{{< callout type=\"info\" >}}\nUne info.\n{{< /callout >}}\n\n{{< details summary=\"Solution\" >}}\nLa *voici*.\n{{< /details >}}\n\n{{< comment >}}\nNote pour moi.\n{{< /comment >}}\n\n{% admonition(type=\"tip\", title=\"Astuce\") %}\nEn Zola.\n{% end %}\n\n[Lien cass\u{e9}](../nulle-part)\n".as_bytes(),
    )]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.as_ref().unwrap_or_else(|| panic!("{text}"));
    let html = &page(b, "/projets/boxes").html;
    assert!(
        html.contains(r#"<blockquote class="markdown-alert-warning">"#),
        "{html}"
    );
    assert!(
        html.contains("<strong>Attention</strong>") && html.contains("<strong>pas</strong>"),
        "{html}"
    );
    assert!(html.contains(r#"<blockquote class="markdown-alert-note">"#), "{html}");
    assert!(
        html.contains(r#"<blockquote class="markdown-alert-tip">"#) && html.contains("En Zola."),
        "{html}"
    );
    assert!(
        html.contains("<details><summary>Solution</summary>") && html.contains("<em>voici</em>"),
        "{html}"
    );
    assert!(!html.contains("Note pour moi") && !html.contains("{{"), "{html}");
    assert!(!text.contains("shown as written"), "{text}");
    // Lines after the boxes keep their numbers in diagnostics.
    assert!(text.contains("boxes.md:24:1"), "{text}");
}

#[test]
fn hugo_shortcodes_render_as_links_images_and_code_and_zola_escapes_print_as_written() {
    let png = png();
    let b = build(&[
        (
            "projets/video.md",
            b"---\ntitle: Video\n---\nLa d\xc3\xa9mo : {{< youtube dQw4w9WgXcQ >}}\n\n{{< figure src=\"schema.png\" alt=\"Le sch\xc3\xa9ma\" caption=\"Figure 1\" >}}\n\n{{< highlight sql >}}\nSELECT 1;\n{{< /highlight >}}\n\nEn Zola : `{{/* youtube(id=\"x\") */}}`\n",
        ),
        ("projets/schema.png", &png),
    ]);
    let html = &page(&b, "/projets/video").html;
    assert!(
        html.contains(r#"href="https://www.youtube.com/watch?v=dQw4w9WgXcQ""#),
        "{html}"
    );
    assert!(
        html.contains(r#"alt="Le schéma""#) && html.contains("<em>Figure 1</em>"),
        "{html}"
    );
    assert!(
        html.contains("language-sql") && html.contains("<figcaption>sql</figcaption>"),
        "{html}"
    );
    assert!(
        html.contains(r#"<span class="hl-keyword"#) && html.contains(">SELECT</span>"),
        "{html}"
    );
    assert!(html.contains(r#"<code>{{ youtube(id="x") }}</code>"#), "{html}");
    assert!(!html.contains("{{&lt;"), "{html}");
}

#[test]
fn raw_html_links_and_images_are_resolved_and_checked_like_markdown() {
    let photo = std::fs::read(support::content::fixture("fixtures/photo.jpg")).unwrap();
    let b = build(&[
        (
            "projets/html.md",
            b"---\ntitle: HTML\n---\n<p>Voir <a href=\"../../projets/autre\">l'autre</a> et <img src=\"capture.jpg\" alt=\"Capture\" data-src=\"x\"> <img src=\"schema.svg\" alt=\"S\"></p>\n",
        ),
        ("projets/autre.md", b"---\ntitle: Autre\n---\nA.\n"),
        ("projets/capture.jpg", &photo),
        ("projets/schema.svg", b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
    ]);
    let html = &page(&b, "/projets/html").html;
    assert!(html.contains(r#"href="projets/autre""#), "{html}");
    // A raster image gets its variants, an SVG is served as it is.
    assert!(html.contains(r#"<img src="_img/"#), "{html}");
    assert!(html.contains(r#"-480.webp 480w"#) && html.contains("sizes="), "{html}");
    assert!(html.contains(r#"src="projets/schema.svg""#), "{html}");
    assert_eq!(page(&b, "/projets/autre").backlinks, ["/projets/html"]);
    // A raw link to a page that does not exist is named, as in Markdown.
    let site = site_with(&[(
        "projets/casse.md",
        b"---\ntitle: Casse\n---\n<a href=\"../../projets/inconnu\">x</a>\n",
    )]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    assert!(text.contains("warning: link to a page that does not exist"), "{text}");
    assert!(text.contains("content/projets/casse.md:4:"), "{text}");
}

#[test]
fn menus_order_and_label_the_navigation_and_index_bodies_are_shown() {
    // A Hugo blog: `menus.main` in config.toml, a home and a section `_index.md` with a body.
    let site = site_with(&[
        (
            "_index.md",
            b"---\ntitle: Accueil\n---\nBienvenue, lisez [le premier billet](posts/un).\n",
        ),
        ("posts/_index.md", b"---\ntitle: Billets\n---\nMes *notes* de veille.\n"),
        ("posts/un.md", b"---\ntitle: Un\ndate: 2024-01-02\n---\nUn.\n"),
        ("docs/_index.md", b"---\ntitle: Documentation\nweight: 1\n---\n"),
        ("docs/a.md", b"---\ntitle: A\n---\nA.\n"),
        ("about.md", b"---\ntitle: \xc3\x80 propos\nmenu: main\n---\nMoi.\n"),
    ]);
    std::fs::write(
        site.path().join("config.toml"),
        "title = 'Blog'\n[[menus.main]]\nname = 'Le blog'\npageRef = '/posts'\nweight = 1\n[[menus.main]]\nname = 'Perdu'\nurl = '/perdu/'\nweight = 2\n",
    )
    .unwrap();
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    let nav: Vec<(&str, &str)> = b.site.menu.iter().map(|l| (l.label.as_str(), l.url.as_str())).collect();
    // The configured entry first with its label; then the portfolio's two kinds and
    // their synthesis, then the sections and pages asking for an entry, by `weight`.
    assert_eq!(
        nav,
        [
            ("Le blog", "posts"),
            ("Compétences", "competences"),
            ("Projets", "projets"),
            ("Synthèse", "synthese"),
            ("Documentation", "docs"),
            ("À propos", "about")
        ]
    );
    assert!(text.contains("menu entry `Perdu` left out"), "{text}");
    assert!(text.contains("config.toml:8:"), "{text}");
    assert!(
        b.intros[""].contains(r#"Bienvenue, lisez <a href="posts/un">le premier billet</a>"#),
        "{:?}",
        b.intros
    );
    assert!(b.intros["posts"].contains("<em>notes</em>"), "{:?}", b.intros);
    assert!(!b.intros.contains_key("docs"), "an empty body is no intro");

    // A broken link in an `_index.md` body is named with its line, like in a page.
    std::fs::write(
        site.path().join("content/posts/_index.md"),
        "---\ntitle: B\n---\n\nVoir [rien](../rien).\n",
    )
    .unwrap();
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    assert!(text.contains("warning: link to a page that does not exist"), "{text}");
    assert!(text.contains("posts/_index.md:5:"), "{text}");
}

#[test]
fn front_matter_menus_order_the_navigation_and_nested_sections_stay_out_of_it() {
    // Docsy: `menu: { main: { weight } }` in front matter, `linkTitle` as the label;
    // a nested section with an introduction is a list of its own, not a menu entry.
    let site = site_with(&[
        (
            "about/index.md",
            b"---\ntitle: About Goldydocs\nlinkTitle: About\nmenu:\n  main:\n    weight: 10\n---\nAbout.\n",
        ),
        (
            "docs/_index.md",
            b"---\ntitle: Documentation\nlinkTitle: Docs\nmenu: { main: { weight: 20 } }\n---\nDocs.\n",
        ),
        ("docs/tasks/_index.md", b"---\ntitle: Core Tasks\n---\nTasks.\n"),
        ("docs/tasks/beds.md", b"---\ntitle: Beds\n---\nBeds.\n"),
        (
            "blog/_index.md",
            b"---\ntitle: Blog\nmenu: { main: { weight: 15, name: Journal } }\n---\n",
        ),
        ("blog/post.md", b"---\ntitle: Post\ndate: 2024-01-01\n---\nPost.\n"),
        ("notes/a.md", b"---\ntitle: A\n---\nA.\n"),
    ]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    let nav: Vec<(&str, &str)> = b.site.menu.iter().map(|l| (l.label.as_str(), l.url.as_str())).collect();
    // After the portfolio's own entries (the base fixture has both kinds).
    let after = nav
        .iter()
        .position(|(_, url)| *url == "synthese")
        .expect("the synthesis")
        + 1;
    assert_eq!(
        nav[after..],
        [
            ("About", "about"),
            ("Journal", "blog"),
            ("Docs", "docs"),
            ("Notes", "notes")
        ]
    );
    assert!(b
        .site
        .sections
        .iter()
        .any(|s| s.slug == "docs/tasks" && s.title == "Core Tasks"));
}
#[test]
fn the_astro_blog_starter_builds_with_its_assets_dates_and_mdx() {
    // As in Astro's blog starter: `heroImage: '../../assets/x.jpg'` (in `src/assets/`),
    // `pubDate: 'Jul 08 2022'`, and an `.mdx` post with imports and a component.
    let astro = tempfile::tempdir().unwrap();
    let content = astro.path().join("src/content");
    std::fs::create_dir_all(content.join("blog")).unwrap();
    std::fs::create_dir_all(astro.path().join("src/assets")).unwrap();
    let jpg = std::fs::read(support::content::fixture("fixtures/photo.jpg")).unwrap();
    std::fs::write(astro.path().join("src/assets/blog-placeholder-3.jpg"), &jpg).unwrap();
    std::fs::write(
        content.join("blog/first-post.md"),
        "---\ntitle: 'First post'\npubDate: 'Jul 08 2022'\nheroImage: '../../assets/blog-placeholder-3.jpg'\n---\nHello.\n",
    )
    .unwrap();
    std::fs::write(
        content.join("blog/using-mdx.mdx"),
        "---\ntitle: 'Using MDX'\npubDate: 'Jun 01 2024'\n---\nimport HeaderLink from '../../components/HeaderLink.astro';\n\nSome *Markdown*, then <HeaderLink href=\"#\">a component</HeaderLink>.\n",
    )
    .unwrap();
    let options = vitrine::compiler::Options {
        content,
        public: vec![astro.path().join("public")],
        drafts: false,
        today: "2026-11-23".into(),
        image_cache: support::image_cache(),
    };
    let outcome = vitrine::compiler::compile(&options);
    let text = outcome.sources.render(&outcome.diagnostics);
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    let first = page(&b, "/blog/first-post");
    assert_eq!(first.date.as_deref(), Some("2022-07-08"));
    let image = first.image.as_ref().expect("the hero image");
    assert_eq!(image.src, "/_files/assets/blog-placeholder-3.jpg");
    assert!(text.contains("image without alt text"), "{text}");
    let mdx = page(&b, "/blog/using-mdx");
    assert!(
        mdx.html.contains("<em>Markdown</em>") && mdx.html.contains("a component"),
        "{}",
        mdx.html
    );
    assert!(
        !mdx.html.contains("import") && !mdx.html.contains("HeaderLink"),
        "{}",
        mdx.html
    );
    assert!(
        text.contains("using-mdx.mdx:5:1") && text.contains("MDX imports and components are left out"),
        "{text}"
    );
}

#[test]
fn a_folder_with_only_an_index_md_is_a_top_level_page() {
    // Hugo's leaf bundle `about/index.md` (with its image beside it) is `/about`;
    // `projets/index.md` beside other projets is said to be left out.
    let png = png();
    let site = site_with(&[
        (
            "about/index.md",
            b"---\ntitle: \xc3\x80 propos\nmenu: main\n---\n![Moi](moi.png)\n",
        ),
        ("about/moi.png", &png),
        ("projets/index.md", b"---\ntitle: Mes projets\n---\nIntro.\n"),
    ]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    let about = page(&b, "/about");
    assert!(about.html.contains(r#"alt="Moi""#), "{}", about.html);
    assert!(b.site.menu.iter().any(|l| l.url == "about"), "{:?}", b.site.menu);
    assert!(text.contains("`projets/index.md` is left out"), "{text}");
    assert!(b.page("/projets/index").is_none() && b.page("/projets").is_none());
}

#[test]
fn a_section_written_as_its_index_alone_is_kept_with_its_title() {
    // A Hugo portfolio whose skills page is `competences/_index.md` (no page in
    // the folder), and a `veille/_index.md` waiting for its first post.
    let site = site_with(&[
        (
            "competences/_index.md",
            b"---\ntitle: Skills\n---\n## Programming\n\n- Python\n- SQL\n",
        ),
        (
            "veille/_index.md",
            b"---\ntitle: Veille technologique\n---\nBient\xc3\xb4t.\n",
        ),
    ]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    let competences = b.site.sections.iter().find(|s| s.slug == "competences").unwrap();
    assert_eq!(competences.title, "Skills");
    assert!(b.intros["competences"].contains("<li>Python</li>"), "{:?}", b.intros);
    let veille = b
        .site
        .sections
        .iter()
        .find(|s| s.slug == "veille")
        .expect("veille kept");
    assert_eq!(veille.title, "Veille technologique");
    assert!(b.site.menu.iter().any(|l| l.url == "veille"), "{:?}", b.site.menu);
    assert!(!text.contains("menu entry"), "{text}");
}

#[test]
fn a_link_to_a_draft_says_it_is_a_draft() {
    let site = site_with(&[
        ("posts/faq.md", b"---\ntitle: FAQ\ndraft: true\n---\nF.\n"),
        ("posts/guide.md", b"---\ntitle: Guide\n---\nVoir [la FAQ](../faq/).\n"),
    ]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    assert!(outcome.bundle.is_some(), "{text}");
    assert!(text.contains("warning: link to a draft"), "{text}");
    assert!(text.contains("`/posts/faq` is a draft"), "{text}");
}

#[test]
fn a_hugo_site_with_a_content_folder_per_language_is_built_in_its_language() {
    // Hugo's `[languages.en] contentDir = "content/en"`, as in the Ananke theme's example site.
    let site = tempfile::tempdir().unwrap();
    write_tree(
        site.path(),
        &[
            ("content/en/_index.md", "---\ntitle: Home\n---\nWelcome.\n"),
            ("content/en/post/one.md", "---\ntitle: One\n---\nText.\n"),
            ("content/en/about/index.md", "---\ntitle: About\nmenu: main\n---\nMe.\n"),
            ("content/fr/post/un.md", "---\ntitle: Un\n---\nTexte.\n"),
        ],
    );
    std::fs::write(
        site.path().join("config.toml"),
        "title = 'Ananke'\ndefaultContentLanguage = 'en'\n[languages.en]\ncontentDir = 'content/en'\nweight = 1\n[languages.fr]\ncontentDir = 'content/fr'\nweight = 2\n",
    )
    .unwrap();
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    assert!(b.page("/post/one").is_some() && b.page("/about").is_some(), "{text}");
    assert!(b
        .pages
        .iter()
        .all(|p| !p.route.starts_with("/fr") && !p.route.starts_with("/en")));
    assert!(text.contains("pages in `content/fr` are left out"), "{text}");
    assert!(b.intros[""].contains("Welcome"), "{:?}", b.intros);
}

#[test]
fn a_page_past_its_expiry_date_is_left_out_and_said_so() {
    // Hugo's `expiryDate`: the page is no longer published after it.
    let site = site_with(&[
        ("posts/old.md", b"---\ntitle: Old\nexpiryDate: 2026-05-08\n---\nOld.\n"),
        (
            "posts/new.md",
            b"+++\ntitle = \"New\"\nexpiryDate = 2030-01-01\n+++\nNew.\n",
        ),
    ]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    assert!(b.page("/posts/old").is_none() && b.page("/posts/new").is_some());
    assert!(text.contains("page left out: it has expired"), "{text}");
    assert!(text.contains("(2026-05-08) is before today"), "{text}");
}

#[test]
fn a_bilingual_site_with_projets_and_projects_keeps_both() {
    // `projets/` holds the French pages, `projects/` the English ones: the
    // first is the portfolio's projets, the second a section of its own.
    let site = site_with(&[
        (
            "projects/knime.md",
            b"---\ntitle: KNIME (en)\n---\nSee [the other](../other/).\n",
        ),
        ("projects/other.md", b"---\ntitle: Other\n---\nO.\n"),
        ("projets/knime.md", b"---\ntitle: KNIME\n---\nK.\n"),
    ]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    assert_eq!(page(&b, "/projets/knime").kind, vitrine::bundle::Kind::Projet);
    assert_eq!(page(&b, "/projects/knime").kind, vitrine::bundle::Kind::Other);
    assert_eq!(page(&b, "/projects/knime").links, ["/projects/other"]);
}

#[test]
fn pages_without_front_matter_or_title_build_and_translations_with_regions_are_left_out() {
    // hugo-book writes pages as bare Markdown (`# Buttons`) or with a weight and no title;
    // Hugo Stack keeps `index.zh-hant-tw.md` beside `index.md`.
    let site = site_with(&[
        ("docs/buttons.md", b"# Buttons\n\nButtons are [styled](/nope/) links.\n"),
        ("docs/blog-posts.md", b"---\nweight: 40\n---\nSome posts.\n"),
        ("posts/shortcodes/index.md", b"---\ntitle: Shortcodes\n---\nEN.\n"),
        (
            "posts/shortcodes/index.zh-hant-tw.md",
            b"---\ntitle: \xe7\x9f\xad\n---\nZH.\n",
        ),
    ]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    let buttons = page(&b, "/docs/buttons");
    assert_eq!(buttons.title, "Buttons");
    assert!(
        !buttons.html.contains("<h1") && !buttons.html.contains("Buttons</h"),
        "{}",
        buttons.html
    );
    assert_eq!(page(&b, "/docs/blog-posts").title, "Blog posts");
    assert!(
        text.contains("page has no front matter") && text.contains("from its first heading"),
        "{text}"
    );
    // The heading taken as title moves nothing: the broken link is where it is written.
    assert!(text.contains("docs/buttons.md:3:13"), "{text}");
    assert!(
        text.contains("page has no title") && text.contains("from its file name"),
        "{text}"
    );
    assert!(
        b.pages.iter().all(|p| !p.route.contains("zh")),
        "{:?}",
        b.pages.iter().map(|p| &p.route).collect::<Vec<_>>()
    );
    assert!(text.contains("(`.zh-hant-tw.md`) are left out"), "{text}");
}

#[test]
fn the_site_title_is_the_settings_one_not_the_home_pages() {
    // Congo's home page says "Welcome to Congo!"; the site is called "Congo".
    let site = site_with(&[("_index.md", b"---\ntitle: Welcome to Congo!\n---\nHello.\n")]);
    std::fs::write(site.path().join("config.toml"), "title = 'Congo'\n").unwrap();
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    assert_eq!(b.site.title, "Congo");
}

#[test]
fn theme_image_keys_alerts_and_a_menu_entry_to_a_page_named_like_a_kind() {
    // Cactus's `coverImage: {src, alt}`, a portfolio template's `thumbnail`,
    // GitHub alerts, and hugo-coder's menu entry `projects/` for its `projects.md` page.
    let png = png();
    let site = site_with(&[
        (
            "posts/cover.md",
            b"---\ntitle: Cover\ncoverImage:\n  src: ./c.png\n  alt: Une couverture\n---\n> [!TIP]\n> Lisez ceci.\n",
        ),
        ("posts/c.png", &png),
        (
            "posts/thumb/index.md",
            b"---\ntitle: Thumb\nthumbnail: ./t.png\n---\nT.\n",
        ),
        ("posts/thumb/t.png", &png),
        ("projects.md", b"---\ntitle: Mes projets\nslug: projects\n---\nListe.\n"),
    ]);
    std::fs::write(
        site.path().join("config.toml"),
        "[[menu.main]]\nname = 'Projects'\nurl = 'projects/'\n",
    )
    .unwrap();
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    let cover = page(&b, "/posts/cover");
    assert_eq!(cover.image.as_ref().map(|i| i.alt.as_str()), Some("Une couverture"));
    assert!(cover.html.contains(r#"class="markdown-alert-tip""#), "{}", cover.html);
    assert!(page(&b, "/posts/thumb").image.is_some());
    assert!(
        b.site.menu.iter().any(|l| l.url == "projects" && l.label == "Projects"),
        "{:?}",
        b.site.menu
    );
    assert!(!text.contains("menu entry"), "{text}");
}

#[test]
fn a_link_to_a_file_finds_its_page_wherever_its_slug_put_it() {
    // A BUT portfolio: `swerc2023.md` sets `slug: "swerc-2023"`; Hugo and Zola
    // resolve links by the file, so must Vitrine.
    let site = site_with(&[
        ("evenements/swerc2023.md", b"---\ntitle: SWERC\nslug: \"swerc-2023\"\n---\nS.\n"),
        (
            "evenements/infos.md",
            b"---\ntitle: Infos\n---\n[a]({{< ref \"/evenements/swerc2023.md\" >}}) [b](@/evenements/swerc2023.md) [c](../swerc2023.md)\n",
        ),
    ]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    assert_eq!(page(&b, "/evenements/infos").links, ["/evenements/swerc-2023"]);
    assert!(!text.contains("does not exist"), "{text}");
}

#[test]
fn hugo_categories_are_tags_too() {
    let site = site_with(&[(
        "posts/veille.md",
        b"---\ntitle: Veille\ncategories: [Cybers\xc3\xa9curit\xc3\xa9]\ntags: [R\xc3\xa9seau, cybers\xc3\xa9curit\xc3\xa9]\n---\nV.\n",
    )]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    let names: Vec<&str> = page(&b, "/posts/veille").tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Réseau", "cybersécurité"]);
}

#[test]
fn hugo_url_and_zola_path_set_a_pages_address() {
    let site = site_with(&[
        ("cv.md", b"---\ntitle: CV\nurl: /mon-cv/\nmenu: main\n---\nC.\n"),
        (
            "apropos.md",
            b"+++\ntitle = \"\xc3\x80 propos\"\npath = \"a-propos\"\n+++\nA.\n",
        ),
        (
            "posts/a.md",
            b"---\ntitle: Bonjour\nurl: /posts/2024/bonjour/\n---\n[cv](/mon-cv/) [b](@/posts/b.md)\n",
        ),
        (
            "posts/b.md",
            b"---\ntitle: Ailleurs\nurl: /ailleurs/\n---\n[a](@/posts/a.md)\n",
        ),
    ]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    page(&b, "/mon-cv");
    page(&b, "/a-propos");
    assert_eq!(page(&b, "/posts/2024/bonjour").links, ["/posts/b"]);
    // Outside its section the page stays there, and the address asked for redirects.
    assert_eq!(page(&b, "/posts/b").aliases, ["/ailleurs/"]);
    assert_eq!(page(&b, "/posts/b").links, ["/posts/2024/bonjour"]);
    assert!(
        text.contains("address `/ailleurs/` is outside the page's section"),
        "{text}"
    );
    assert!(text.contains("posts/b.md:3"), "{text}");
    assert!(
        b.site.menu.iter().any(|l| l.url.trim_matches('/') == "mon-cv"),
        "{:?}",
        b.site.menu
    );
    assert!(!text.contains("does not exist"), "{text}");
}

#[test]
fn pages_asking_not_to_be_rendered_are_left_out_and_said_so() {
    let site = site_with(&[
        ("posts/a.md", b"---\ntitle: A\n---\nVoir [le pied](../pied/).\n"),
        ("posts/pied.md", b"+++\ntitle = \"Pied\"\nrender = false\n+++\nP.\n"),
        (
            "posts/cache.md",
            b"---\ntitle: Cache\n_build:\n  render: never\n---\nC.\n",
        ),
        ("posts/tete.md", b"---\ntitle: T\nheadless: true\n---\nT.\n"),
    ]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    let routes: Vec<&str> = b
        .pages
        .iter()
        .map(|p| p.route.as_str())
        .filter(|r| r.starts_with("/posts"))
        .collect();
    assert_eq!(routes, ["/posts/a"]);
    assert_eq!(
        text.matches("page left out: it asks not to be rendered").count(),
        3,
        "{text}"
    );
    for asked in ["render = false", "build: {render: never}", "headless: true"] {
        assert!(text.contains(asked), "{asked}: {text}");
    }
    assert!(
        text.contains("`/posts/pied` is left out: its front matter has `render = false`"),
        "{text}"
    );
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
fn link_fields_in_front_matter_are_shown_on_the_page() {
    // Astro and Hugo portfolio themes give a project's code and demo as fields.
    let b = build(&[
        (
            "projets/app.md",
            b"---\ntitle: App\ngithub: https://github.com/moi/app\ndemoUrl: https://moi.example/app\nlayout: projet\n---\nA.\n",
        ),
        ("projets/jeu.md", b"+++\ntitle = \"Jeu\"\n[extra]\nrepo = \"https://codeberg.org/moi/jeu\"\n+++\nJ.\n"),
    ]);
    let index = vitrine::prerender::routes::index(&b);
    let html =
        vitrine::prerender::render::render(vitrine::prerender::routes::page(&b, &index, page(&b, "/projets/app")));
    assert!(html.contains(r#"href="https://github.com/moi/app""#), "{html}");
    assert!(html.contains("Code source"), "{html}");
    assert!(html.contains("moi.example/app"), "{html}");
    let urls: Vec<&str> = page(&b, "/projets/jeu")
        .external
        .iter()
        .map(|l| l.url.as_str())
        .collect();
    assert_eq!(urls, ["https://codeberg.org/moi/jeu"]);
}

/// An Astro site written under `root`, compiled from its `src/content`.
fn compile_astro(root: &std::path::Path) -> vitrine::compiler::Outcome {
    vitrine::compiler::compile(&vitrine::compiler::Options {
        content: root.join("src/content"),
        public: vec![root.join("public")],
        drafts: false,
        today: "2026-12-03".into(),
        image_cache: support::image_cache(),
    })
}

#[test]
fn a_starlight_site_has_its_docs_at_the_root_and_its_splash_page_as_home() {
    let site = tempfile::tempdir().unwrap();
    write_tree(
        site.path(),
        &[
            (
                "astro.config.mjs",
                "export default defineConfig({\n  integrations: [\n    starlight({\n      title: 'Docs Vitrine',\n      sidebar: [{ label: 'Guides', autogenerate: { directory: 'guides' } }],\n    }),\n  ],\n});\n",
            ),
            (
                "src/content/docs/index.mdx",
                "---\ntitle: Bienvenue\ntemplate: splash\nhero:\n  tagline: Une documentation\n---\nimport { Card, CardGrid } from '@astrojs/starlight/components';\n\nPremiers pas avec **Vitrine**.\n\n<CardGrid>\n  <Card title=\"Lire\">Les guides.</Card>\n</CardGrid>\n",
            ),
            ("src/content/docs/guides/exemple.md", "---\ntitle: Exemple\n---\nUn guide.\n"),
            ("src/content/docs/reference/exemple.md", "---\ntitle: Référence\n---\nUne référence.\n"),
        ],
    );
    let outcome = compile_astro(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    page(&b, "/guides/exemple");
    page(&b, "/reference/exemple");
    assert_eq!(b.site.title, "Docs Vitrine");
    let home = b.intros.get("").expect("the splash page's body is the home's");
    assert!(home.contains("Premiers pas avec <strong>Vitrine</strong>"), "{home}");
    assert!(!home.contains("import"), "{home}");
    assert!(!text.contains("index.mdx"), "{text}");
}

#[test]
fn a_starlight_site_is_built_in_its_default_locale_and_the_others_are_named() {
    let site = tempfile::tempdir().unwrap();
    write_tree(
        site.path(),
        &[
            (
                "astro.config.mjs",
                "starlight({ title: 'Docs', defaultLocale: 'fr', locales: { fr: { label: 'Français' }, en: { label: 'English' } } })\n",
            ),
            ("src/content/docs/fr/guides/a.md", "---\ntitle: Guide\n---\nG.\n"),
            ("src/content/docs/en/guides/a.md", "---\ntitle: Guide EN\n---\nG.\n"),
        ],
    );
    let outcome = compile_astro(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    assert_eq!(page(&b, "/guides/a").title, "Guide");
    assert_eq!(b.pages.len(), 1);
    assert!(text.contains("pages in `src/content/docs/en` are left out"), "{text}");
    assert!(
        text.contains("they are the `en` version; the site is built in `fr`"),
        "{text}"
    );
}

#[test]
fn emoji_shortcodes_render_when_the_site_turns_them_on() {
    let body: &[u8] =
        "---\ntitle: Fusée\n---\nLancé :rocket: à 10:30.\n\n```\n:rocket: reste du code\n```\n".as_bytes();
    let site = site_with(&[("posts/a.md", body)]);
    let off = build_at(site.path());
    assert!(page(&off, "/posts/a").html.contains("Lancé :rocket: à 10:30."));
    write_tree(site.path(), &[("hugo.toml", "title = \"Blog\"\nenableEmoji = true\n")]);
    let on = build_at(site.path());
    let html = &page(&on, "/posts/a").html;
    assert!(html.contains("Lancé 🚀 à 10:30."), "{html}");
    assert!(html.contains(":rocket: reste du code"), "{html}");
}

fn build_at(site: &std::path::Path) -> Bundle {
    let outcome = compile(site);
    let text = printed(&outcome, site);
    outcome.bundle.unwrap_or_else(|| panic!("build failed:\n{text}"))
}

#[test]
fn warnings_in_mdx_pages_name_the_line_they_are_on() {
    let body: &[u8] = b"---\ntitle: Guide\n---\nimport { Tabs, TabItem } from '@astrojs/starlight/components';\nimport Card from '../../components/Card.astro';\n\n<Tabs>\n  <TabItem label=\"npm\">Texte</TabItem>\n</Tabs>\n\nVoir [ailleurs](#nulle-part).\n";
    let site = site_with(&[("posts/guide.mdx", body)]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    assert!(text.contains("posts/guide.mdx:11:"), "{text}");
}

#[test]
fn heading_ids_and_slugs_follow_the_sites_tool() {
    let page_md: &[u8] =
        "---\ntitle: Émotions\n---\n## Smileys & Emotion\n\n## Über uns\n\n[a](#smileys--emotion) [b](#über-uns)\n"
            .as_bytes();
    // Hugo (GitHub's ids): accents and doubled hyphens kept.
    let site = site_with(&[("posts/e.md", page_md)]);
    write_tree(site.path(), &[("hugo.toml", "title = \"Blog\"\n")]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let html = &page(outcome.bundle.as_ref().unwrap(), "/posts/e").html;
    assert!(
        html.contains(r#"id="smileys--emotion""#) && html.contains(r#"id="über-uns""#),
        "{html}"
    );
    assert!(!text.contains("no heading has the id"), "{text}");
    // Zola (its slugify): folded.
    let site = site_with(&[("posts/e.md", page_md)]);
    write_tree(site.path(), &[("config.toml", "base_url = \"https://z.example\"\n")]);
    let html = page(&build_at(site.path()), "/posts/e").html.clone();
    assert!(
        html.contains(r#"id="smileys-emotion""#) && html.contains(r#"id="uber-uns""#),
        "{html}"
    );
    // Astro: a `slug` is the page's whole path in its collection.
    let astro = tempfile::tempdir().unwrap();
    write_tree(
        astro.path(),
        &[
            ("astro.config.mjs", "export default defineConfig({});\n"),
            (
                "src/content/projets/serie/02-promotion.md",
                "---\ntitle: Promotion\nslug: \"promotion-domaine\"\n---\nP.\n",
            ),
            (
                "src/content/projets/a.md",
                "---\ntitle: A\n---\n[promotion](/projets/promotion-domaine)\n",
            ),
        ],
    );
    let outcome = compile_astro(astro.path());
    let text = printed(&outcome, astro.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    page(&b, "/projets/promotion-domaine");
    assert!(!text.contains("does not exist"), "{text}");
}

#[test]
fn a_starlight_site_with_its_default_locale_at_the_root_leaves_the_others_out() {
    let site = tempfile::tempdir().unwrap();
    write_tree(
        site.path(),
        &[
            (
                "astro.config.mjs",
                "starlight({ title: 'Docs', defaultLocale: 'root', locales: { root: { label: 'English', lang: 'en' }, de: { label: 'Deutsch' } } })\n",
            ),
            ("src/content/docs/guides/a.md", "---\ntitle: Guide\n---\nG.\n"),
            ("src/content/docs/de/guides/a.md", "---\ntitle: Anleitung\n---\nG.\n"),
        ],
    );
    let outcome = compile_astro(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    let routes: Vec<&str> = b.pages.iter().map(|p| p.route.as_str()).collect();
    assert_eq!(routes, ["/guides/a"]);
    assert_eq!(b.site.lang, "en");
    assert!(text.contains("pages in `src/content/docs/de` are left out"), "{text}");
    assert!(!b.site.sections.iter().any(|s| s.slug == "de"), "{:?}", b.site.sections);
}

#[test]
fn raw_html_the_page_cannot_keep_is_named_and_code_examples_are_not() {
    let body: &[u8] = b"---\ntitle: Grille\n---\n<style>.g{display:grid}</style>\n\n<div class=\"g\">x</div>\n\n<iframe src=\"https://www.youtube.com/embed/abc\" title=\"D\xc3\xa9mo\"></iframe>\n\n<iframe src=\"https://maps.example/x\"></iframe>\n\n```html\n<script>alert(1)</script>\n```\n\n<style>.h{}</style>\n";
    let site = site_with(&[("posts/g.md", body)]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    assert_eq!(text.matches("warning: `<style>` left out").count(), 1, "{text}");
    assert!(text.contains("posts/g.md:4:"), "{text}");
    assert!(text.contains("warning: `<iframe>` left out"), "{text}");
    assert!(text.contains("{{< youtube ID >}}"), "{text}");
    assert!(!text.contains("`<script>` left out"), "{text}");
    let b = outcome.bundle.unwrap();
    let html = &page(&b, "/posts/g").html;
    assert!(html.contains("alert"), "the code example is kept");
    // A YouTube player becomes a link to the video.
    assert!(
        html.contains(r#"href="https://www.youtube.com/watch?v=abc""#) && html.contains("▶ Démo"),
        "{html}"
    );
    assert_eq!(text.matches("`<iframe>` left out").count(), 1, "{text}");
    assert!(text.contains("posts/g.md:10:"), "the maps one: {text}");
}

#[test]
fn a_themes_search_and_archives_pages_are_left_out_and_said_so() {
    // PaperMod's example site: empty pages its templates fill, linked from the menu.
    let site = site_with(&[
        ("search.md", b"---\ntitle: Search\nlayout: search\n---\n"),
        ("archives.md", b"---\ntitle: Archives\nlayout: archives\n---\n"),
        ("posts/a.md", b"---\ntitle: A\n---\nA.\n"),
    ]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    assert!(b.page("/search").is_none() && b.page("/archives").is_none());
    assert_eq!(text.matches("page left out: the theme wrote it").count(), 2, "{text}");
    assert!(text.contains("`layout: search` with no text"), "{text}");
    assert!(!text.contains("page has no body"), "{text}");
}

#[test]
fn pages_of_a_folder_read_as_a_kind_keep_their_old_address_as_a_redirect() {
    let site = tempfile::tempdir().unwrap();
    write_tree(
        &site.path().join("content"),
        &[
            ("Projects/app.md", "---\ntitle: App\n---\nA.\n"),
            ("skills/rust.md", "---\ntitle: Rust\n---\nR.\n"),
            ("projets/jeu.md", "---\ntitle: Jeu\n---\nJ.\n"),
        ],
    );
    let b = build_at(site.path());
    assert_eq!(page(&b, "/competences/rust").aliases, ["/skills/rust/"]);
    assert!(
        page(&b, "/projets/jeu").aliases.is_empty(),
        "projets/ is the kind's own folder"
    );
    // Beside `projets/`, `Projects/` is a section of its own, at its own address.
    assert!(page(&b, "/projects/app").aliases.is_empty());
}

#[test]
fn a_404_page_of_the_source_tool_gives_way_to_vitrines_own() {
    let site = site_with(&[("404.md", b"---\ntitle: Not found\ntemplate: splash\n---\n")]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    assert!(b.page("/404").is_none());
    assert!(text.contains("the page `404.md` is left out"), "{text}");
}

#[test]
fn warnings_after_shortcodes_and_callouts_name_the_line_they_are_on() {
    let body: &[u8] = b"---\ntitle: Vid\xc3\xa9o\n---\n{{< youtube dQw4w9WgXcQ >}}\n\n{{< highlight go >}}\nfmt.Println(1)\n{{< /highlight >}}\n\n:::tip[Astuce]\nLire.\n:::\n\nVoir [la FAQ](../faq-absente/) et <style>p{}</style>.\n";
    let site = site_with(&[("posts/v.md", body)]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    assert!(text.contains("posts/v.md:14:6"), "the link: {text}");
    assert!(text.contains("posts/v.md:14:"), "{text}");
    assert!(
        !text.contains("posts/v.md:4:") && !text.contains("posts/v.md:8:"),
        "{text}"
    );
}

#[test]
fn a_hugo_site_mounting_its_content_from_another_folder_is_built_from_there() {
    // The Hugo docs: `[[module.mounts]] source = "content/en" target = "content"`.
    let site = tempfile::tempdir().unwrap();
    write_tree(
        site.path(),
        &[
            ("content/en/getting-started/quick-start.md", "---\ntitle: Quick start\n---\nGo.\n"),
            ("content/en/about/_index.md", "---\ntitle: About\n---\nHugo.\n"),
            ("content/en/about/license.md", "---\ntitle: License\n---\nApache.\n"),
            (
                "hugo.toml",
                "title = 'Docs'\nlanguageCode = 'en-us'\n[module]\n[[module.mounts]]\nsource = 'content/en'\ntarget = 'content'\n[[module.mounts]]\nsource = 'assets'\ntarget = 'assets'\n",
            ),
        ],
    );
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    assert!(b.page("/getting-started/quick-start").is_some(), "{text}");
    assert!(b.page("/about/license").is_some(), "{text}");
    assert!(b.pages.iter().all(|p| !p.route.starts_with("/en")), "{text}");
}

#[test]
fn a_hugo_mount_of_one_file_into_the_content_is_named_not_dropped() {
    // Portfolio themes mount a repository's README as a page:
    // `source = "../README.md"`, `target = "content/project/repo/README.md"`.
    let site = tempfile::tempdir().unwrap();
    write_tree(
        site.path(),
        &[
            ("content/posts/one.md", "---\ntitle: One\n---\nText.\n"),
            ("README.md", "# Repo\n"),
            (
                "hugo.toml",
                "title = 'Site'\n[module]\n[[module.mounts]]\nsource = 'content'\ntarget = 'content'\n[[module.mounts]]\nsource = 'README.md'\ntarget = 'content/project/repo/README.md'\n",
            ),
        ],
    );
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    assert!(outcome.bundle.is_some(), "{text}");
    assert!(text.contains("mount of `README.md` left out"), "{text}");
    assert!(
        text.contains("hugo.toml:7"),
        "the warning names the settings line: {text}"
    );
}

#[test]
fn a_hugo_cascade_hands_its_front_matter_down_to_the_pages_below() {
    // `cascade` in an `_index.md`: a folder's pages take its keys unless they set
    // them; `_build: {render: never}` there leaves the folder's pages out, said.
    let site = tempfile::tempdir().unwrap();
    write_tree(
        site.path(),
        &[
            ("hugo.toml", "title = 'Blog'\n"),
            ("content/_index.md", "---\ncascade:\n  tags: [veille]\n---\n"),
            ("content/posts/_index.md", "---\ntitle: Billets\ncascade:\n  author: Léa\n---\n"),
            ("content/posts/one.md", "---\ntitle: One\n---\nText.\n"),
            ("content/posts/two.md", "---\ntitle: Two\ntags: [rust]\n---\nText.\n"),
            (
                "content/notes/_index.md",
                "+++\n[[cascade]]\n[cascade._build]\nrender = 'never'\n[cascade._target]\npath = '/notes/private/**'\n+++\n",
            ),
            ("content/notes/public.md", "---\ntitle: Public\n---\nOpen.\n"),
            ("content/notes/private/secret.md", "---\ntitle: Secret\n---\nHidden.\n"),
        ],
    );
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    let tags = |route: &str| page(&b, route).tags.iter().map(|t| t.name.clone()).collect::<Vec<_>>();
    assert_eq!(tags("/posts/one"), ["veille"]);
    assert_eq!(tags("/posts/two"), ["rust"], "the page's own tags win");
    assert!(b.page("/notes/public").is_some(), "{text}");
    assert!(b.page("/notes/private/secret").is_none(), "{text}");
    assert!(text.contains("page left out: it asks not to be rendered"), "{text}");
    assert!(text.contains("secret.md"), "{text}");
    assert!(
        text.contains("`notes/_index.md` hands `build: {render: never}` down to it (`cascade`)"),
        "the label names the _index.md, not the page's own front matter: {text}"
    );
}

#[test]
fn a_folder_of_snippets_kept_from_rendering_gets_no_menu_entry_and_is_said() {
    // hugoDocs' `_common/`: an `_index.md` whose only text is an HTML comment to
    // its authors, cascading `render: never` to the snippets below it.
    let site = tempfile::tempdir().unwrap();
    write_tree(
        site.path(),
        &[
            ("hugo.toml", "title = 'Docs'\n"),
            (
                "content/_common/_index.md",
                "---\ncascade:\n  _build:\n    render: never\n    list: never\n---\n\n<!--\nSnippets included by other pages.\n-->\n",
            ),
            ("content/_common/note.md", "---\ntitle: Note\n---\nA snippet.\n"),
            ("content/guides/start.md", "---\ntitle: Start\n---\nText.\n"),
        ],
    );
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    // The navigation lists the sections, and the menu's own entries.
    let mut labels: Vec<&str> = b.site.sections.iter().map(|s| s.title.as_str()).collect();
    labels.extend(b.site.menu.iter().map(|l| l.label.as_str()));
    assert!(
        labels.iter().all(|l| !l.to_lowercase().contains("common")),
        "{labels:?}\n{text}"
    );
    assert!(labels.contains(&"Guides"), "{labels:?}");
    assert!(text.contains("section `_common/` left out: nothing to show"), "{text}");
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

#[test]
fn a_hugo_mount_for_another_language_gives_way_to_the_site_own() {
    // Docsy's site: a French mount first, then the English one shared by both languages.
    let site = tempfile::tempdir().unwrap();
    write_tree(
        site.path(),
        &[
            ("content/fr/_index.md", "---\ntitle: Accueil\n---\nBonjour.\n"),
            ("content/en/docs/start.md", "---\ntitle: Start\n---\nGo.\n"),
            (
                "hugo.yaml",
                "title: Docsy\nlanguages:\n  en: {weight: 1}\n  fr: {weight: 2}\nmodule:\n  mounts:\n    - source: content/fr\n      target: content\n      sites: {matrix: {languages: [fr]}}\n    - source: content/en\n      target: content\n      sites: {matrix: {languages: [en, fr]}}\n",
            ),
        ],
    );
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    assert!(b.page("/docs/start").is_some(), "{text}");
    assert!(text.contains("content/fr` are left out"), "{text}");
}

#[test]
fn a_nested_folder_of_text_alone_is_a_section_its_parent_lists() {
    // hugoDocs' `quick-reference/glossary/_index.md`: text, no page of its own.
    let site = site_with(&[
        ("docs/_index.md", b"---\ntitle: Docs\n---\n"),
        (
            "docs/page.md",
            b"---\ntitle: Page\n---\nSee the [glossary](/docs/glossary/).\n",
        ),
        (
            "docs/glossary/_index.md",
            b"---\ntitle: Glossary\n---\n\nEvery *term* we use.\n",
        ),
    ]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    assert!(!text.contains("glossary"), "no warning about the glossary: {text}");
    assert!(b
        .site
        .sections
        .iter()
        .any(|s| s.slug == "docs/glossary" && s.title == "Glossary"));
    assert!(b.intros["docs/glossary"].contains("<em>term</em>"), "{:?}", b.intros);
    assert!(
        !b.site.menu.iter().any(|l| l.url == "docs/glossary"),
        "a nested section is no menu entry"
    );
    let index = vitrine::prerender::routes::index(&b);
    let routes = vitrine::prerender::routes::collections(&b, &index, &|data| data);
    let list = |route: &str| match &routes.iter().find(|r| r.route == route).expect(route).view {
        vitrine::data::View::List(list) => list.clone(),
        _ => panic!("{route} is not a list"),
    };
    let docs = list("/docs");
    let nested: Vec<(&str, &str)> = docs
        .subsections
        .iter()
        .map(|l| (l.route.as_str(), l.title.as_str()))
        .collect();
    assert_eq!(nested, [("/docs/glossary", "Glossary")]);
    assert!(list("/docs/glossary").subsections.is_empty());
}

#[test]
fn the_same_warning_all_over_a_site_is_named_thrice_then_counted() {
    // hugoDocs writes `[term](g)` (its glossary, by a render hook) and its own
    // `code-toggle` shortcode on hundreds of pages.
    let pages: Vec<(String, Vec<u8>)> = (1..=6)
        .map(|n| {
            let body = format!("---\ntitle: Page {n}\n---\nAn [object](g).\n\n{{{{< code-toggle >}}}}\nx = 1\n{{{{< /code-toggle >}}}}\n");
            (format!("docs/page-{n}.md"), body.into_bytes())
        })
        .collect();
    let files: Vec<(&str, &[u8])> = pages.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
    let site = site_with(&files);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    assert_eq!(
        text.matches("warning: link to a page that does not exist").count(),
        3,
        "{text}"
    );
    assert!(
        text.contains("warning: 3 more links to `g`, which no file produces"),
        "{text}"
    );
    assert!(text.contains("on 6 pages in all"), "{text}");
    assert_eq!(
        text.matches("warning: shortcode `code-toggle` shown as written\n")
            .count(),
        3,
        "{text}"
    );
    assert!(
        text.contains("shortcode `code-toggle` shown as written on 3 more pages"),
        "{text}"
    );
    // `g` on `/docs/page-1` is no misspelling of the page itself.
    for n in 1..=6 {
        let own = format!("content/docs/page-{n}.md");
        let suggests_itself = text
            .split("\n\n")
            .any(|block| block.contains(&own) && block.contains(&format!("did you mean `/docs/page-{n}`")));
        assert!(!suggests_itself, "{text}");
    }
}

#[test]
fn mdx_component_children_are_markdown_however_indented() {
    // Starlight's manual setup: tab items indented by four, their code by eight,
    // which Markdown alone reads as one block of raw text.
    let body: &[u8] = b"---\ntitle: Installer\n---\nimport { Tabs, TabItem } from '@astrojs/starlight/components';\n\n<Tabs syncKey=\"pkg\">\n    <TabItem label=\"npm\">\n        ```sh\n        npx astro add starlight\n        ```\n    </TabItem>\n    <TabItem label=\"pnpm\">\n        Avec *pnpm* :\n\n        ```sh\n        pnpm astro add starlight\n        ```\n    </TabItem>\n</Tabs>\n\n<LinkCard\n  title=\"La suite\"\n  href=\"/posts/suite/\"\n/>\n\nVoir [ailleurs](#nulle-part).\n";
    let site = site_with(&[
        ("posts/installer.mdx", body),
        ("posts/suite.md", b"---\ntitle: Suite\n---\nSuite.\n"),
    ]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    let html = &page(&b, "/posts/installer").html;
    assert!(
        html.contains("<strong>npm</strong>") && html.contains("<strong>pnpm</strong>"),
        "{html}"
    );
    assert_eq!(html.matches("<pre").count(), 2, "{html}");
    assert!(
        html.contains("<em>pnpm</em>") && !html.contains("```") && !html.contains("TabItem"),
        "{html}"
    );
    assert!(html.contains(r#"<a href="posts/suite">La suite</a>"#), "{html}");
    // Lines were added and unindented: the warning still names the line written.
    assert!(text.contains("posts/installer.mdx:26:"), "{text}");
}

#[test]
fn a_lonely_category_is_named_where_it_is_written() {
    // Hugo's `categories` are read as tags: a warning about one points at it, not at `tags:`.
    let site = site_with(&[
        (
            "posts/a.md",
            b"---\ntitle: A\ntags: [rust]\ncategories: [Tutoriels]\n---\nA.\n",
        ),
        ("posts/b.md", b"---\ntitle: B\ntags: [rust]\n---\nB.\n"),
    ]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    assert!(text.contains("tag `Tutoriels` is used by this page only"), "{text}");
    assert!(text.contains("posts/a.md:4:14"), "{text}");
}

#[test]
fn an_english_site_gets_english_section_titles_and_labels() {
    let site = site_with(&[(
        "projets/app.md",
        b"---\ntitle: App\ngithub: https://github.com/me/app\n---\nA.\n",
    )]);
    std::fs::write(site.path().join("content/site.toml"), "title = \"Me\"\nlang = \"en\"\n").unwrap();
    let b = build_at(site.path());
    let titles: Vec<&str> = b.site.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles[..2], ["Skills", "Projects"]);
    assert_eq!(page(&b, "/projets/app").external[0].label, "Source code");
}

#[test]
fn a_hugo_page_dated_after_today_waits_for_its_day_unless_build_future() {
    let files: &[(&str, &[u8])] = &[(
        "posts/plus-tard.md",
        b"---\ntitle: Plus tard\ndate: 2999-01-01\n---\nBient\xc3\xb4t.\n",
    )];
    let site = site_with(files);
    std::fs::write(site.path().join("hugo.toml"), "title = 'Blog'\n").unwrap();
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    assert!(text.contains("page left out: its date is to come"), "{text}");
    assert!(text.contains("posts/plus-tard.md:3:1"), "{text}");
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    assert!(!b.pages.iter().any(|p| p.route == "/posts/plus-tard"));
    // Hugo's `buildFuture`, or another tool (Zola, Astro publish such pages).
    std::fs::write(site.path().join("hugo.toml"), "title = 'Blog'\nbuildFuture = true\n").unwrap();
    assert!(build_at(site.path())
        .pages
        .iter()
        .any(|p| p.route == "/posts/plus-tard"));
    std::fs::remove_file(site.path().join("hugo.toml")).unwrap();
    assert!(build_at(site.path())
        .pages
        .iter()
        .any(|p| p.route == "/posts/plus-tard"));
}

#[test]
fn a_summary_is_the_front_matters_or_the_text_before_the_divider() {
    let b = build(&[
        (
            "posts/a.md",
            b"---\ntitle: A\nsummary: \"Mon r\xc3\xa9sum\xc3\xa9\"\n---\nPremier.\n\nSuite.\n",
        ),
        (
            "posts/b.md",
            b"---\ntitle: B\n---\nUn.\n\nDeux.\n\n<!--more-->\n\nTrois.\n",
        ),
        ("posts/c.md", b"---\ntitle: C\n---\nSeul.\n\nAutre.\n"),
    ]);
    assert_eq!(page(&b, "/posts/a").summary, "Mon résumé");
    assert_eq!(page(&b, "/posts/b").summary, "Un. Deux.");
    assert_eq!(page(&b, "/posts/c").summary, "Seul.");
}

#[test]
fn a_kinds_folder_under_another_name_keeps_its_list_address_and_top_is_an_anchor() {
    // A Zola theme's `projects/` holds the projets: `/projects` leads to `/projets`.
    let site = tempfile::tempdir().unwrap();
    write_tree(
        &site.path().join("content"),
        &[
            (
                "projects/fuzzer.md",
                &b"+++\ntitle = \"Fuzzer\"\n+++\nBack to [the top](#top).\n"[..],
            ),
            (
                "page/about/index.md",
                b"---\ntitle: About\nmenu:\n  main:\n    weight: -90\n---\nMe.\n",
            ),
        ],
    );
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    assert!(!text.contains("#top") && !text.contains("`top`"), "{text}");
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    assert!(
        b.redirects.contains(&("/projects".to_string(), "/projets".to_string())),
        "{:?}",
        b.redirects
    );
    // A page in a section asks for its menu entry in front matter (Hugo Stack's `page/about`).
    let nav: Vec<&str> = b.site.menu.iter().map(|l| l.url.as_str()).collect();
    assert!(nav.contains(&"page/about"), "{nav:?}");
}

#[test]
fn another_languages_content_dir_inside_the_content_folder_is_left_out() {
    // A French student's Hugo portfolio: English projects in `content/projects`
    // (`languages.en.contentDir`), the French site in `content/`.
    let site = site_with(&[
        ("projets/cube.md", b"---\ntitle: Cube\n---\nLe cube.\n"),
        ("projects/_index.md", b"---\ntitle: Projects\n---\nMy projects.\n"),
        ("projects/cube.md", b"---\ntitle: Cube\n---\nThe cube.\n"),
    ]);
    std::fs::write(
        site.path().join("config.yml"),
        "title: Portfolio\ndefaultContentLanguage: fr\nlanguages:\n  fr:\n    weight: 1\n  en:\n    languageCode: en\n    contentDir: content/projects\n",
    )
    .unwrap();
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    assert!(text.contains("content/projects` are left out"), "{text}");
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    assert!(b.pages.iter().any(|p| p.route == "/projets/cube"));
    assert!(
        !b.pages.iter().any(|p| p.route.starts_with("/projects")),
        "{:?}",
        b.pages.iter().map(|p| &p.route).collect::<Vec<_>>()
    );
    assert!(!b.site.sections.iter().any(|s| s.slug == "projects"));
}

#[test]
fn astro_markdown_pages_outside_the_collections_are_named_and_its_own_config_yaml_is_no_hugo_config() {
    // AstroWind: `src/pages/privacy.md` (published at `/privacy` by Astro) and
    // the theme's own `src/config.yaml` beside `astro.config.ts`.
    let site = tempfile::tempdir().unwrap();
    write_tree(
        site.path(),
        &[
            (
                "astro.config.ts",
                &b"export default defineConfig({ site: 'https://me.example' });\n"[..],
            ),
            ("src/config.yaml", b"site:\n  name: AstroWind\ni18n:\n  language: en\n"),
            ("src/pages/privacy.md", b"---\ntitle: Privacy\n---\nP.\n"),
            ("src/content/post/hello.md", b"---\ntitle: Hello\n---\nHi.\n"),
        ],
    );
    let outcome = compile_astro(site.path());
    let text = printed(&outcome, site.path());
    assert!(
        text.contains("src/pages` are left out") && text.contains("`privacy.md`"),
        "{text}"
    );
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    assert_eq!(b.site.base_url, "https://me.example");
}
