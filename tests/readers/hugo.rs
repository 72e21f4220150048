//! Sites written for Hugo: its settings files, front matter, permalinks, menus, mounts,
//! cascades, languages and refs.

use crate::support::content::{compile, png, printed, site_with, write_tree};
use crate::{build, build_at, dialects, page};

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
    assert!(b.intros[""].contains("Welcome"), "{:?}", b.intros);
    // The French folder is the French site, at `/fr/`.
    assert_eq!(outcome.languages[0].pages[0].route, "/fr/post/un");
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
    // The French folder holds only its home page's text: no French page to build, nothing to say.
    assert!(outcome.languages.is_empty() && !text.contains("left out"), "{text}");
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
fn another_languages_content_dir_inside_the_content_folder_is_built_in_that_language() {
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
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    assert!(b.pages.iter().any(|p| p.route == "/projets/cube"));
    assert!(
        !b.pages.iter().any(|p| p.route.starts_with("/projects")),
        "{:?}",
        b.pages.iter().map(|p| &p.route).collect::<Vec<_>>()
    );
    assert!(!b.site.sections.iter().any(|s| s.slug == "projects"));
    // The English pages are the English site's, at `/en/`, its home text from `_index.md`.
    let en = &outcome.languages[0];
    assert_eq!(
        en.pages.iter().map(|p| p.route.as_str()).collect::<Vec<_>>(),
        ["/en/cube"]
    );
    assert!(en.intros[""].contains("My projects."), "{:?}", en.intros);
}
