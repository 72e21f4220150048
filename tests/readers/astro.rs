//! Sites written for Astro and Starlight: `src/content/` collections, `astro.config.*`, MDX,
//! `base` prefixes and locales.

use crate::support;
use crate::support::content::{compile, png, printed, site_with, write_tree};
use crate::{compile_astro, dialects, page};

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
fn a_starlight_site_is_built_in_its_default_locale_and_the_others_at_their_own_address() {
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
    assert_eq!(page(&outcome.languages[0], "/en/guides/a").title, "Guide EN");
    assert!(!text.contains("left out"), "{text}");
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
fn a_starlight_site_with_its_default_locale_at_the_root_builds_the_others_below_it() {
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
    assert_eq!(outcome.languages[0].pages[0].route, "/de/guides/a");
    assert!(text.contains("no interface text in `de`: English is used"), "{text}");
    assert!(!b.site.sections.iter().any(|s| s.slug == "de"), "{:?}", b.site.sections);
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
