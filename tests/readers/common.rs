//! What no single tool owns: sections, menus, top-level pages, links, images, summaries,
//! diagnostics, and pages the same in Hugo, Zola or Astro.

use crate::support;
use crate::support::content::{compile, png, printed, site_with, write_tree};
use crate::{build, build_at, compile_astro, dialects, page};

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
    assert!(!text.contains("not run"), "{text}");
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
        text.matches("warning: shortcode `code-toggle` not run\n").count(),
        3,
        "{text}"
    );
    assert!(
        text.contains("shortcode `code-toggle` not run on 3 more pages"),
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
