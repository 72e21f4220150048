//! Sites in several languages, as each tool lays them out: each language's
//! pages at its own routes, paired with their translations, links kept
//! within a language, and what is wrong named.

use crate::support::content::{compile, printed, site_with, write_tree};
use crate::{build_at, page};
use vitrine::bundle::Bundle;

/// The site's own language's bundle, then the others'.
fn editions(site: &std::path::Path) -> (Vec<Bundle>, String) {
    let outcome = compile(site);
    let text = printed(&outcome, site);
    let mut all = vec![outcome.bundle.unwrap_or_else(|| panic!("build failed:\n{text}"))];
    all.extend(outcome.languages);
    (all, text)
}

fn routes(b: &Bundle) -> Vec<&str> {
    b.pages.iter().map(|p| p.route.as_str()).collect()
}

const PAGE: &str = "---\ntitle: Page\n---\nTexte.\n";

#[test]
fn vitrine_own_languages_by_file_name_with_localised_slugs_paired() {
    let site = site_with(&[
        ("site.toml", b"title = \"Portfolio\"\n[languages.en]\ntitle = \"My portfolio\"\ntagline = \"IT student\"\n[[languages.en.menu]]\nname = \"About me\"\nurl = \"/about/\"\n"),
        ("a-propos.md", b"---\ntitle: \xc3\x80 propos\nmenu: main\n---\nVoir [CITI](projets/citi.md).\n"),
        ("a-propos.en.md", b"---\ntitle: About\nslug: about\nmenu: main\n---\nSee [CITI](projets/citi.md) and [the other](projets/seul.md).\n"),
        ("projets/citi.md", b"---\ntitle: CITI\ntags: [web]\n---\nTexte.\n"),
        ("projets/citi.en.md", b"---\ntitle: CITI (en)\ntags: [web]\n---\nSee [about](../a-propos.md).\n"),
        ("projets/seul.md", PAGE.as_bytes()),
        ("competences/gerer.md", PAGE.as_bytes()),
    ]);
    let (b, text) = editions(site.path());
    assert_eq!(b.len(), 2, "{text}");
    let (fr, en) = (&b[0], &b[1]);
    assert_eq!((fr.site.lang.as_str(), fr.site.root.as_str()), ("fr", ""));
    assert_eq!((en.site.lang.as_str(), en.site.root.as_str()), ("en", "/en"));
    assert_eq!(
        (en.site.title.as_str(), en.site.tagline.as_str()),
        ("My portfolio", "IT student")
    );
    let mut en_routes = routes(en);
    en_routes.sort();
    assert_eq!(en_routes, ["/en/about", "/en/projets/citi"], "{text}");
    assert!(!routes(fr).iter().any(|r| r.starts_with("/en")), "{:?}", routes(fr));
    // Paired both ways, the localised slug kept.
    assert_eq!(
        page(fr, "/a-propos").translations,
        [("en".to_string(), "/en/about".to_string())]
    );
    assert_eq!(
        page(en, "/en/about").translations,
        [("fr".to_string(), "/a-propos".to_string())]
    );
    assert_eq!(page(en, "/en/projets/citi").translations[0].1, "/projets/citi");
    // Links within English lead to English pages, to the French page when there is none (said).
    let about = page(en, "/en/about");
    assert!(about.html.contains(r#"href="en/projets/citi""#), "{}", about.html);
    assert!(about.html.contains(r#"href="projets/seul""#), "{}", about.html);
    assert!(page(en, "/en/projets/citi").html.contains(r#"href="en/about""#));
    assert!(text.contains("a-propos.en.md:6:"), "{text}");
    assert!(text.contains("`/projets/seul` has no `en` version"), "{text}");
    // Each language lists its languages, its home at its root; its menu within it.
    let codes: Vec<(&str, &str)> = en
        .site
        .languages
        .iter()
        .map(|l| (l.code.as_str(), l.home.as_str()))
        .collect();
    assert_eq!(codes, [("fr", "/"), ("en", "/en")]);
    assert_eq!(en.site.languages[1].name, "English");
    let menu: Vec<(&str, &str)> = en
        .site
        .menu
        .iter()
        .map(|m| (m.label.as_str(), m.url.as_str()))
        .collect();
    assert!(menu.contains(&("About me", "en/about")), "{menu:?}");
    assert!(menu.iter().all(|(_, url)| url.starts_with("en/")), "{menu:?}");
    // Tags are the language's own.
    assert_eq!(en.tags[0].pages, ["/en/projets/citi"]);
}

#[test]
fn a_hugo_site_with_a_content_folder_per_language_paired_by_translation_key() {
    let site = tempfile::tempdir().unwrap();
    std::fs::write(
        site.path().join("hugo.toml"),
        "baseURL = 'https://x.example.org/'\ndefaultContentLanguage = 'fr'\ndefaultContentLanguageInSubdir = true\n[languages.fr]\ncontentDir = 'content/fr'\nweight = 1\ntitle = 'Mon site'\n[languages.en]\ncontentDir = 'content/en'\nweight = 2\nlanguageName = 'EN'\ntitle = 'My site'\n[languages.de]\ndisabled = true\ncontentDir = 'content/de'\n",
    )
    .unwrap();
    write_tree(
        &site.path().join("content"),
        &[
            (
                "fr/projets/gestion-stock.md",
                "---\ntitle: Gestion de stock\ntranslationKey: stock\n---\nTexte.\n",
            ),
            ("fr/projets/autre.md", PAGE),
            (
                "en/projets/inventory.md",
                "---\ntitle: Inventory\ntranslationKey: stock\n---\nText.\n",
            ),
            ("en/projets/autre.md", PAGE),
            ("de/projets/lager.md", PAGE),
        ],
    );
    let (b, text) = editions(site.path());
    assert_eq!(b.len(), 2, "German is disabled: {text}");
    let (fr, en) = (&b[0], &b[1]);
    assert_eq!(fr.site.root, "/fr", "the site's own language in a folder of its own");
    let mut fr_routes = routes(fr);
    fr_routes.sort();
    assert_eq!(fr_routes, ["/fr/projets/autre", "/fr/projets/gestion-stock"]);
    assert_eq!(
        page(en, "/en/projets/inventory").translations,
        [("fr".to_string(), "/fr/projets/gestion-stock".to_string())]
    );
    assert_eq!(page(en, "/en/projets/autre").translations[0].1, "/fr/projets/autre");
    assert_eq!(
        (en.site.title.as_str(), en.site.languages[1].name.as_str()),
        ("My site", "EN")
    );
    assert!(!text.contains("left out"), "{text}");
}

#[test]
fn a_zola_site_in_two_languages_titles_its_sections_per_language() {
    let site = tempfile::tempdir().unwrap();
    std::fs::write(
        site.path().join("config.toml"),
        "base_url = 'https://z.example.org'\ntitle = 'Site'\ndefault_language = 'fr'\n[languages.en]\ntitle = 'Site (en)'\ndescription = 'In English'\n",
    )
    .unwrap();
    write_tree(
        &site.path().join("content"),
        &[
            ("blog/_index.md", "+++\ntitle = \"Carnet\"\n+++\n"),
            ("blog/_index.en.md", "+++\ntitle = \"Notebook\"\n+++\n"),
            (
                "blog/premier.md",
                "+++\ntitle = \"Premier\"\ndate = 2022-03-02\n+++\nTexte.\n",
            ),
            (
                "blog/premier.en.md",
                "+++\ntitle = \"First\"\ndate = 2022-03-02\n+++\nText.\n",
            ),
        ],
    );
    let (b, text) = editions(site.path());
    assert_eq!(b.len(), 2, "{text}");
    let en = &b[1];
    assert_eq!(routes(en), ["/en/blog/premier"]);
    let blog = |b: &Bundle| b.site.sections.iter().find(|s| s.slug == "blog").unwrap().title.clone();
    assert_eq!(blog(en), "Notebook");
    assert_eq!(blog(&b[0]), "Carnet");
    assert_eq!(
        (en.site.title.as_str(), en.site.tagline.as_str()),
        ("Site (en)", "In English")
    );
}

#[test]
fn a_starlight_site_builds_each_locale() {
    let root = tempfile::tempdir().unwrap();
    std::fs::write(
        root.path().join("astro.config.mjs"),
        "export default defineConfig({ integrations: [starlight({ title: 'Docs', defaultLocale: 'root', locales: { root: { label: 'Français', lang: 'fr' }, en: { label: 'English' } } })] });\n",
    )
    .unwrap();
    write_tree(
        &root.path().join("src/content/docs"),
        &[
            ("guides/demarrer.md", "---\ntitle: Démarrer\n---\nTexte.\n"),
            ("en/guides/demarrer.md", "---\ntitle: Getting started\n---\nText.\n"),
        ],
    );
    let outcome = crate::compile_astro(root.path());
    let text = printed(&outcome, root.path());
    let mut b = vec![outcome.bundle.unwrap_or_else(|| panic!("{text}"))];
    b.extend(outcome.languages);
    assert_eq!(b.len(), 2, "{text}");
    assert_eq!(routes(&b[1]), ["/en/guides/demarrer"]);
    assert_eq!(page(&b[0], "/guides/demarrer").translations[0].1, "/en/guides/demarrer");
}

#[test]
fn what_is_wrong_with_translations_is_named() {
    let site = site_with(&[
        ("site.toml", b"title = \"P\"\n[languages.en]\n[languages.es]\n"),
        ("projets/un.md", PAGE.as_bytes()),
        ("projets/un.en.md", b"---\ntitle: One\ntranslationKey: un\n---\nText.\n"),
        (
            "projets/deux.en.md",
            b"---\ntitle: Two\ntranslationKey: un\n---\nText.\n",
        ),
        ("projets/orphan.en.md", b"---\ntitle: Orphan\n---\nText.\n"),
        ("projets/trois.de.md", PAGE.as_bytes()),
    ]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    assert!(
        outcome.bundle.is_none(),
        "two pages claiming one translation are an error"
    );
    assert!(text.contains("two pages claim the translation `un`"), "{text}");
    assert!(text.contains("projets/un.en.md` is already that translation"), "{text}");
    assert!(text.contains("projets/orphan.en.md"), "{text}");
    assert!(text.contains("translation of no page"), "{text}");
    assert!(text.contains("`de` is not one of its languages"), "{text}");
    assert!(text.contains("the language `es` has no page"), "{text}");
}

#[test]
fn languages_declared_but_never_used_build_the_site_as_it_is() {
    let site = site_with(&[
        ("site.toml", b"title = \"P\"\n[languages.en]\n"),
        ("projets/un.md", PAGE.as_bytes()),
    ]);
    let (b, text) = editions(site.path());
    assert_eq!(b.len(), 1);
    assert!(!text.contains("language"), "{text}");
    assert!(b[0].site.languages.is_empty());
    let _ = build_at(site.path());
}

#[test]
fn a_jekyll_polyglot_site_sorts_its_pages_by_their_lang_field() {
    let site = tempfile::tempdir().unwrap();
    write_tree(
        site.path(),
        &[
            (
                "_config.yml",
                "title: Portfolio\nlanguages: [\"fr\", \"en\"]\ndefault_lang: fr\n",
            ),
            (
                "projets/_posts/2022-03-02-api.md",
                "---\ntitle: API\nlang: fr\npermalink: /projets/api/\n---\nTexte.\n",
            ),
            (
                "projets/_posts/2022-03-02-api-en.md",
                "---\ntitle: The API\nlang: en\npermalink: /projets/api/\n---\nText.\n",
            ),
            ("a-propos.md", "---\ntitle: À propos\n---\nMoi.\n"),
        ],
    );
    let outcome = vitrine::compiler::compile(&vitrine::compiler::Options {
        content: site.path().to_path_buf(),
        public: Vec::new(),
        drafts: false,
        today: "2026-12-03".into(),
        image_cache: crate::support::image_cache(),
    });
    let text = printed(&outcome, site.path());
    let mut b = vec![outcome.bundle.unwrap_or_else(|| panic!("{text}"))];
    b.extend(outcome.languages);
    assert_eq!(b.len(), 2, "{text}");
    let (fr, en) = (&b[0], &b[1]);
    assert!(routes(fr).iter().all(|r| !r.starts_with("/en")), "{:?}", routes(fr));
    assert_eq!(routes(en).len(), 1, "{:?}", routes(en));
    let english = &en.pages[0];
    assert_eq!(english.title, "The API");
    assert_eq!(
        english.translations.len(),
        1,
        "paired by address: {:?}",
        english.translations
    );
    assert_eq!(page(fr, &english.translations[0].1).title, "API");
}

#[test]
fn an_astro_site_with_i18n_keeps_each_language_in_a_folder_of_each_collection() {
    for (prefix, own_root) in [("false", ""), ("true", "/fr")] {
        let root = tempfile::tempdir().unwrap();
        write_tree(
            root.path(),
            &[
                (
                    "astro.config.mjs",
                    format!("export default defineConfig({{\n  site: 'https://a.example.org',\n  i18n: {{\n    defaultLocale: 'fr',\n    locales: ['fr', 'en'],\n    routing: {{ prefixDefaultLocale: {prefix} }},\n  }},\n}});\n"),
                ),
                ("src/content/blog/fr/premier.md", "---\ntitle: Premier\n---\nTexte.\n".to_string()),
                ("src/content/blog/en/premier.md", "---\ntitle: First\n---\nText.\n".to_string()),
            ],
        );
        let outcome = crate::compile_astro(root.path());
        let text = printed(&outcome, root.path());
        let fr = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
        assert_eq!(routes(&fr), [format!("{own_root}/blog/premier").as_str()], "{text}");
        let en = &outcome.languages[0];
        assert_eq!(routes(en), ["/en/blog/premier"]);
        assert_eq!(en.pages[0].translations[0].1, format!("{own_root}/blog/premier"));
    }
}

#[test]
fn a_pelican_site_sorts_its_pages_by_their_lang_header() {
    let site = tempfile::tempdir().unwrap();
    write_tree(
        site.path(),
        &[
            ("pelicanconf.py", "SITENAME = 'Portfolio'\nDEFAULT_LANG = 'fr'\n"),
            (
                "content/veille/ia.md",
                "Title: IA générative\nSlug: ia\nDate: 2024-01-02\n\nTexte.\n",
            ),
            (
                "content/veille/ia-en.md",
                "Title: Generative AI\nSlug: ia\nLang: en\nDate: 2024-01-02\n\nText.\n",
            ),
        ],
    );
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    let fr = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    assert_eq!(routes(&fr), ["/veille/ia"], "{text}");
    let en = &outcome.languages[0];
    assert_eq!(routes(en), ["/en/veille/ia"]);
    assert_eq!(en.pages[0].title, "Generative AI");
    assert_eq!(en.pages[0].translations, [("fr".to_string(), "/veille/ia".to_string())]);
}
